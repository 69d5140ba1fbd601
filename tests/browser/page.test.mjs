// The page in a real browser: headless Debian Chromium driven by playwright-core.
// Serves build/wasm/web/ (or $AE_WEB_DIR) on 127.0.0.1 at a free port, loads the page, pastes an
// article through a real `paste` event, and checks the analysis and a screenshot.
// Run: tests/browser/run.sh   (or: node --test tests/browser/)
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const here = path.dirname(fileURLToPath(import.meta.url));
const WEB_DIR = path.resolve(process.env.AE_WEB_DIR || path.join(here, '../../build/wasm/web'));
const SHOTS = path.join(WEB_DIR, 'screenshots');
const CHROMIUM = process.env.AE_CHROMIUM || '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
  '--use-gl=angle', '--use-angle=swiftshader', '--enable-unsafe-swiftshader',
];

// The page's colours (web/theme.h): solid fills, so their exact values appear in screenshots.
const COLOURS = {
  sentenceA: [0xEC, 0xF2, 0xFA],
  sentenceB: [0xFA, 0xF1, 0xE3],
  dateLine: [0xD9, 0xF0, 0xEE],
  boilerplate: [0xEF, 0xEE, 0xEC],
};

// Non-ASCII on purpose (curly quotes, accents, a dash, an ellipsis, €): it must survive the
// clipboard -> JS -> wasm path with byte offsets intact.
const ARTICLE = [
  'Lighthouse keepers return to Île Verte',
  '',
  'date 2024-04-06',
  '',
  'QUÉBEC — The last lighthouse on the St. Lawrence to lose its keepers will have them back this summer, the heritage foundation said on Friday. “We’re bringing the light home,” said Amélie Côté, who runs the foundation.',
  '',
  'The restoration will cost about €1.2 million. Work starts in May… and the first visitors are expected in July.',
  '',
  'The lighthouse at dusk, seen from the ferry. Credit: AP',
  '',
  'Mrs. Côté said volunteers had already painted the tower’s red cap.',
].join('\n');

const byteSlice = (text, start, end) => Buffer.from(text, 'utf8').subarray(start, end).toString('utf8');
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// ---- a tiny static server ------------------------------------------------------------------
const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.wasm': 'application/wasm',
  '.data': 'application/octet-stream', '.png': 'image/png', '.json': 'application/json' };
function serve(dir) {
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, 'http://x');
    let rel = decodeURIComponent(url.pathname);
    if (rel.endsWith('/')) rel += 'index.html';
    const file = path.join(dir, path.normalize(rel));
    if (!file.startsWith(dir + path.sep) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      res.writeHead(404); res.end('not found'); return;
    }
    const body = fs.readFileSync(file);
    res.writeHead(200, { 'Content-Type': TYPES[path.extname(file)] || 'application/octet-stream',
      'Content-Length': body.length, 'Cache-Control': 'no-store' });
    res.end(req.method === 'HEAD' ? undefined : body);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

// ---- a small PNG reader (8-bit RGB/RGBA, as Chromium writes them) ---------------------------
function readPng(buf) {
  assert.equal(buf.toString('latin1', 1, 4), 'PNG');
  let off = 8, width = 0, height = 0, type = 0;
  const idat = [];
  while (off < buf.length) {
    const len = buf.readUInt32BE(off), kind = buf.toString('latin1', off + 4, off + 8);
    const data = buf.subarray(off + 8, off + 8 + len);
    if (kind === 'IHDR') {
      width = data.readUInt32BE(0); height = data.readUInt32BE(4); type = data[9];
      assert.equal(data[8], 8, 'bit depth 8');
      assert.ok(type === 2 || type === 6, 'RGB or RGBA');
    } else if (kind === 'IDAT') idat.push(data);
    off += 12 + len;
  }
  const bpp = type === 6 ? 4 : 3, stride = width * bpp;
  const raw = zlib.inflateSync(Buffer.concat(idat));
  const px = Buffer.alloc(width * height * 3);
  let prev = Buffer.alloc(stride), cur = Buffer.alloc(stride);
  for (let y = 0; y < height; y++) {
    const f = raw[y * (stride + 1)];
    const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    for (let i = 0; i < stride; i++) {
      const a = i >= bpp ? cur[i - bpp] : 0, b = prev[i], c = i >= bpp ? prev[i - bpp] : 0;
      let v = line[i];
      if (f === 1) v += a;
      else if (f === 2) v += b;
      else if (f === 3) v += (a + b) >> 1;
      else if (f === 4) { const p = a + b - c, pa = Math.abs(p - a), pb = Math.abs(p - b), pc = Math.abs(p - c);
        v += pa <= pb && pa <= pc ? a : pb <= pc ? b : c; }
      cur[i] = v & 255;
    }
    for (let x = 0; x < width; x++) cur.copy(px, (y * width + x) * 3, x * bpp, x * bpp + 3);
    [prev, cur] = [cur, prev];
  }
  return { width, height, px };
}

function countColour(img, rgb, box, tol = 2) {
  let n = 0;
  for (let y = box.y0; y < box.y1; y++)
    for (let x = box.x0; x < box.x1; x++) {
      const i = (y * img.width + x) * 3;
      if (Math.abs(img.px[i] - rgb[0]) <= tol && Math.abs(img.px[i + 1] - rgb[1]) <= tol && Math.abs(img.px[i + 2] - rgb[2]) <= tol) n++;
    }
  return n;
}

function countDark(img, box, maxLuma = 110) {
  let n = 0;
  for (let y = box.y0; y < box.y1; y++)
    for (let x = box.x0; x < box.x1; x++) {
      const i = (y * img.width + x) * 3;
      if (0.299 * img.px[i] + 0.587 * img.px[i + 1] + 0.114 * img.px[i + 2] < maxLuma) n++;
    }
  return n;
}

// ---- the session -----------------------------------------------------------------------------
let server, baseUrl, context, page, profileDir;
const requests = [];          // every request the page made, in order
let loadedAt = -1;            // index into requests once the page is ready: later ones are violations
const consoleErrors = [];

async function openPage(opts = {}) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ae-chromium-'));
  const ctx = await chromium.launchPersistentContext(dir, {
    executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS,
    viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1, ...opts,
  });
  const p = ctx.pages()[0] || await ctx.newPage();
  return { ctx, p, dir };
}

async function waitFor(fn, what, timeoutMs = 10000) {
  const t0 = Date.now();
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() - t0 > timeoutMs) assert.fail(`timed out waiting for ${what}`);
    await sleep(50);
  }
}

// Keys in the canvas are polled once a frame by ImGui 1.86: hold each one ~60-80 ms.
async function press(p, key) {
  await p.keyboard.down(key); await sleep(80); await p.keyboard.up(key); await sleep(30);
}

// Clicks a named UI item where the page says it is (window.articleExplorer.uiRect).
async function clickUi(p, name) {
  const r = await waitFor(() => p.evaluate((n) => window.articleExplorer.uiRect(n), name), `UI item ${name}`);
  await p.mouse.click(r.x + r.w / 2, r.y + r.h / 2);
  return r;
}

before(async () => {
  assert.ok(fs.existsSync(path.join(WEB_DIR, 'index.html')), `${WEB_DIR}/index.html missing: build the wasm preset first`);
  assert.ok(fs.existsSync(CHROMIUM), `${CHROMIUM} missing: run scripts/setup.sh`);
  fs.mkdirSync(SHOTS, { recursive: true });
  server = await serve(WEB_DIR);
  baseUrl = `http://127.0.0.1:${server.address().port}/`;
  ({ ctx: context, p: page, dir: profileDir } = await openPage());
  page.on('request', (r) => requests.push(r.url()));
  page.on('console', (m) => { if (m.type() === 'error') consoleErrors.push(m.text()); });
  page.on('pageerror', (e) => consoleErrors.push(String(e)));
});

after(async () => {
  await context?.close();
  server?.close();
  if (profileDir) fs.rmSync(profileDir, { recursive: true, force: true });
});

test('loads with a progress bar and shows a sample article, already analysed', async () => {
  const t0 = Date.now();
  await page.goto(baseUrl);
  assert.ok(await page.locator('#loading .bar').count(), 'the loading progress bar is in the page');
  await page.evaluate(() => window.articleExplorer.ready.then(() => true));
  loadedAt = requests.length;
  console.log(`# ready ${Date.now() - t0} ms after navigation; requests during load: ${requests.map((u) => new URL(u).pathname).join(', ')}`);
  const a = await page.evaluate(() => window.articleExplorer.analysis());
  assert.equal(a.schema, 'article-explorer/1');
  assert.ok(a.paragraphs.length >= 2, 'the sample has paragraphs');
  assert.ok(a.sentences.length >= 2, 'the sample has sentences');
  assert.ok(await page.locator('#loading').evaluate((e) => e.classList.contains('done')), 'the progress overlay is gone');
  const canvas = await page.locator('#canvas').evaluate((c) => [c.width, c.height]);
  assert.deepEqual(canvas, [1280, 800], 'the canvas fills the window');
});

test('a real paste event flows through the JS listener into wasm and replaces the article', async () => {
  const result = await page.evaluate((text) => {
    let calls = 0;
    const original = Module._ae_web_paste;
    Module._ae_web_paste = (p, n) => { calls++; return original(p, n); };
    const data = new DataTransfer();
    data.setData('text/plain', text);
    const ev = new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true });
    document.dispatchEvent(ev);
    Module._ae_web_paste = original;
    return { calls, prevented: ev.defaultPrevented };
  }, ARTICLE);
  assert.equal(result.calls, 1, 'the paste listener handed the text to wasm');
  assert.ok(result.prevented, 'the listener took the event');

  // The app picks the paste up on its next frame.
  const a = await waitFor(async () => {
    const x = await page.evaluate(() => window.articleExplorer.analysis());
    return x && x.reference_date === '2024-04-06' ? x : null;
  }, 'the pasted article to be analysed');
  assert.equal(a.reference_date, '2024-04-06');
  const paras = a.paragraphs.map((p) => ({ ...p, text: byteSlice(ARTICLE, p.start, p.end) }));
  const caption = paras.find((p) => p.text.includes('Credit: AP'));
  assert.ok(caption, 'the caption is a paragraph');
  assert.equal(caption.boilerplate, true, 'the caption is boilerplate');
  const story = paras.find((p) => p.text.startsWith('QUÉBEC'));
  assert.ok(story, 'byte offsets land on the non-ASCII paragraph start');
  assert.equal(story.boilerplate, false);
  assert.ok(a.sentences.length >= 4, `sentences found: ${a.sentences.length}`);
  const sentences = a.sentences.map((s) => byteSlice(ARTICLE, s.start, s.end));
  assert.ok(sentences.some((s) => s.includes('“We’re bringing the light home,”')), 'the curly-quoted sentence survives intact');
});

test('screenshot: highlights in the theme colours and text drawn', async () => {
  await sleep(300);  // a few frames
  const file = path.join(SHOTS, 'page.png');
  await page.screenshot({ path: file });
  const img = readPng(fs.readFileSync(file));
  assert.equal(img.width, 1280);
  // The article pane is the right two thirds of the window (below the header).
  const article = { x0: Math.round(img.width * 0.36), x1: img.width - 20, y0: 150, y1: img.height - 20 };
  const counts = Object.fromEntries(Object.entries(COLOURS).map(([k, rgb]) => [k, countColour(img, rgb, article)]));
  const dark = countDark(img, article);
  console.log(`# screenshot ${file}: ${JSON.stringify(counts)}, dark pixels ${dark}`);
  for (const [k, n] of Object.entries(counts)) assert.ok(n > 200, `${k} highlight visible (${n} px)`);
  assert.ok(dark > 3000, `text is drawn in the article view (${dark} dark px)`);
});

test('typing into the input pane and pasting into it re-analyses after a pause', async () => {
  // A paste outside the text box opened the Entities tab: back to the Text tab, then click into
  // the input box, select all and type over it.
  await clickUi(page, 'tab:Text');
  await sleep(150);
  const box = await page.evaluate(() => window.articleExplorer.uiRect('input'));
  assert.ok(box, 'the input box is on screen');
  await page.mouse.click(box.x + box.w / 2, box.y + box.h / 2);
  await sleep(100);
  await page.keyboard.down('Control'); await press(page, 'a'); await page.keyboard.up('Control');
  await page.keyboard.type('date 2024-05-01', { delay: 25 });
  await press(page, 'Enter'); await press(page, 'Enter');
  await page.keyboard.type('Typed text. A second sentence', { delay: 25 });
  // A paste while the field is focused (Cmd+V / menu paste path) goes into the field.
  await page.evaluate(() => {
    const data = new DataTransfer();
    data.setData('text/plain', ' with “pasted” words.');
    document.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  });
  const want = 'date 2024-05-01\n\nTyped text. A second sentence with “pasted” words.';
  const a = await waitFor(async () => {
    const x = await page.evaluate(() => window.articleExplorer.analysis());
    return x && x.reference_date === '2024-05-01' && x.sentences.length === 2 ? x : null;
  }, 'the typed text to be analysed');
  const last = a.sentences[a.sentences.length - 1];
  assert.equal(byteSlice(want, last.start, last.end), 'A second sentence with “pasted” words.');
  await page.mouse.click(1000, 60);  // click outside: the field lets go
});

test('articleExplorer.setText replaces the article and analyses it synchronously', async () => {
  const a = await page.evaluate((text) => {
    window.articleExplorer.setText(text);
    return window.articleExplorer.analysis();
  }, ARTICLE);
  assert.equal(a.reference_date, '2024-04-06');
  assert.ok(a.paragraphs.some((p) => p.boilerplate));
});

test('resizes with the window', async () => {
  await page.setViewportSize({ width: 900, height: 700 });
  await waitFor(() => page.locator('#canvas').evaluate((c) => c.width === 900 && c.height === 700), 'the canvas to follow the window');
  await sleep(200);
  await page.screenshot({ path: path.join(SHOTS, 'page-900.png') });
  await page.setViewportSize({ width: 1280, height: 800 });
});

test('high-DPI: framebuffer at device pixels, text crisp', async () => {
  const { ctx, p, dir } = await openPage({ deviceScaleFactor: 2, viewport: { width: 900, height: 600 } });
  try {
    const reqs = [];
    p.on('request', (r) => reqs.push(r.url()));
    await p.goto(baseUrl);
    await p.evaluate(() => window.articleExplorer.ready.then(() => true));
    const n = reqs.length;
    await p.evaluate((text) => window.articleExplorer.setText(text), ARTICLE);
    const size = await p.locator('#canvas').evaluate((c) => [c.width, c.height, window.devicePixelRatio]);
    assert.deepEqual(size, [1800, 1200, 2]);
    await sleep(300);
    const file = path.join(SHOTS, 'page@2x.png');
    await p.screenshot({ path: file });
    const img = readPng(fs.readFileSync(file));
    assert.equal(img.width, 1800);
    const box = { x0: Math.round(img.width * 0.36), x1: img.width - 40, y0: 300, y1: img.height - 40 };
    assert.ok(countColour(img, COLOURS.dateLine, box) > 800, 'the date line highlight at 2x');
    assert.ok(countDark(img, box) > 8000, 'text at 2x');
    assert.deepEqual(reqs.slice(n), [], 'no request after load at 2x either');
  } finally {
    await ctx.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('no network request after load, no errors', () => {
  assert.ok(loadedAt >= 0, 'the page loaded');
  assert.deepEqual(requests.slice(loadedAt), [], 'requests after load');
  assert.deepEqual(consoleErrors, [], 'console errors');
});
