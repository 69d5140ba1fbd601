// The page's budgets, measured (not asserted): payload, load time, the app's CPU time per frame
// while scrolling a 100,000-word article. Prints a table.
//   node tests/browser/budget.mjs            (after building the page: cmake --build --preset wasm --target ae_web)
//   AE_WEB_DIR=other/web node tests/browser/budget.mjs
// Headless Debian Chromium with software GL (SwiftShader) on 127.0.0.1, like the browser test.
// The frame figure is the app's own CPU time (App::frame + ImGui::Render, emscripten_get_now),
// not GL: under software rendering the draw time measures SwiftShader, so the wall-clock frame
// interval is printed beside it for reference only.
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const here = path.dirname(fileURLToPath(import.meta.url));
const WEB_DIR = path.resolve(process.env.AE_WEB_DIR || path.join(here, '../../build/wasm/web'));
const CHROMIUM = process.env.AE_CHROMIUM || '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--use-gl=angle', '--use-angle=swiftshader', '--enable-unsafe-swiftshader'];
const WORDS = 100000;
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s.length ? s[Math.floor(s.length / 2)] : NaN; };

if (!fs.existsSync(path.join(WEB_DIR, 'index.html'))) {
  console.error(`${WEB_DIR}/index.html missing: build the page first (cmake --build --preset wasm --target ae_web)`);
  process.exit(1);
}

// ---- payload ---------------------------------------------------------------------------------
const payload = fs.readdirSync(WEB_DIR).filter((f) => /\.(html|js|wasm|data)$/.test(f)).map((f) => {
  const raw = fs.readFileSync(path.join(WEB_DIR, f));
  return { file: f, raw: raw.length, gz: zlib.gzipSync(raw, { level: 9 }).length };
});
const gzTotal = payload.reduce((s, p) => s + p.gz, 0), rawTotal = payload.reduce((s, p) => s + p.raw, 0);

// ---- a static server and a browser -----------------------------------------------------------
const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.wasm': 'application/wasm' };
const server = http.createServer((req, res) => {
  let rel = decodeURIComponent(new URL(req.url, 'http://x').pathname);
  if (rel.endsWith('/')) rel += 'index.html';
  const file = path.join(WEB_DIR, path.normalize(rel));
  if (!file.startsWith(WEB_DIR + path.sep) || !fs.existsSync(file)) { res.writeHead(404); res.end(); return; }
  const body = fs.readFileSync(file);
  res.writeHead(200, { 'Content-Type': TYPES[path.extname(file)] || 'application/octet-stream', 'Content-Length': body.length, 'Cache-Control': 'no-store' });
  res.end(body);
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const url = `http://127.0.0.1:${server.address().port}/`;

async function open(viewport) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ae-budget-'));
  const ctx = await chromium.launchPersistentContext(dir, { executablePath: CHROMIUM, headless: true, args: ARGS, viewport, deviceScaleFactor: 1 });
  const page = ctx.pages()[0] || await ctx.newPage();
  return { ctx, page, dir, close: async () => { await ctx.close(); fs.rmSync(dir, { recursive: true, force: true }); } };
}

// ---- load to first analysed frame ------------------------------------------------------------
// articleExplorer.ready resolves after the first complete frame of the sample article, analysed.
// One browser, fresh pages: the first load also starts Chromium's GPU process (reported apart),
// the next three are the page's own load (median).
const loads = [], steps = [];
{
  const b = await open({ width: 1280, height: 800 });
  for (let i = 0; i < 4; i++) {
    const page = await b.ctx.newPage();
    await page.goto(url);
    loads.push(await page.evaluate(() => window.articleExplorer.ready.then(() => performance.now())));
    steps.push(await page.evaluate(() => Module.aeTimes));
    await page.close();
  }
  await b.close();
}
const coldLoad = loads.shift();
steps.shift();

// ---- CPU per frame while scrolling a 100k-word article ---------------------------------------
const seedFile = path.resolve(here, '../../../shared/seeds/mexico-ecuador.txt');
const samples = fs.readdirSync(path.join(here, '../../assets/samples')).filter((f) => f.endsWith('.txt'))
  .map((f) => fs.readFileSync(path.join(here, '../../assets/samples', f), 'utf8'));
const pieces = fs.existsSync(seedFile) ? [fs.readFileSync(seedFile, 'utf8'), ...samples] : samples;
const parts = [];
let words = 0;
for (let i = 0; words < WORDS; i++) {
  const p = pieces[i % pieces.length];
  parts.push(p);
  words += p.split(/\s+/).filter(Boolean).length;
}
const big = parts.join('\n\n');

const scrolls = [];
for (const viewport of [{ width: 1280, height: 720 }, { width: 1920, height: 1080 }]) {
  const b = await open(viewport);
  const { page } = b;
  await page.goto(url);
  await page.evaluate(() => window.articleExplorer.ready.then(() => true));
  const t0 = Date.now();
  await page.evaluate((t) => window.articleExplorer.setText(t, { sliced: true }), big);
  for (;;) {
    const s = await page.evaluate(() => window.articleExplorer.state());
    if (!s.analysing) break;
    await sleep(100);
  }
  const analyseWall = Date.now() - t0;
  const st0 = await page.evaluate(() => window.articleExplorer.state());
  const r = await page.evaluate(() => window.articleExplorer.uiRect('article'));
  await page.mouse.move(r.x + r.w / 2, r.y + r.h / 2);
  await sleep(300);
  await page.evaluate(() => {
    window.articleExplorer.resetFrameStats();
    window.__intervals = [];
    let last = performance.now();
    (function tick(now) { window.__intervals.push(now - last); last = now; if (!window.__stop) requestAnimationFrame(tick); })(last);
  });
  // Scroll down for a while with the wheel, as a reader would, then jump back up a long way.
  const tEnd = Date.now() + 8000;
  while (Date.now() < tEnd) { await page.mouse.wheel(0, 240); await sleep(25); }
  for (let i = 0; i < 20; i++) { await page.mouse.wheel(0, -6000); await sleep(25); }
  await sleep(200);
  const st = await page.evaluate(() => { window.__stop = true; return window.articleExplorer.state(); });
  const intervals = await page.evaluate(() => window.__intervals.slice(1));
  scrolls.push({ viewport: `${viewport.width}x${viewport.height}`, layout: st.layout, kb: big.length / 1024, analyseWork: st0.analysis_ms, analyseWall,
    lines: st.article.lines, wraps: st.article.wraps, wrapMs: st0.article.wrap_ms, scrolledTo: st.article.scroll_max, frames: st.frames,
    interval: median(intervals) });
  await b.close();
}
server.close();

// ---- the table -------------------------------------------------------------------------------
const kb = (n) => (n / 1024).toFixed(0) + ' KB';
const row = (a, b, c) => console.log(`| ${a.padEnd(52)} | ${String(b).padEnd(26)} | ${c.padEnd(12)} |`);
console.log(`\nArticle Explorer page budgets (${new Date().toISOString().slice(0, 10)}, ${os.cpus().length} cores, headless Chromium + SwiftShader)\n`);
row('measure', 'value', 'budget');
row('-'.repeat(52), '-'.repeat(26), '-'.repeat(12));
for (const p of payload) row(`payload ${p.file} (raw ${kb(p.raw)})`, `${kb(p.gz)} gz`, '');
row(`payload total (raw ${(rawTotal / 1048576).toFixed(2)} MB)`, `${(gzTotal / 1048576).toFixed(2)} MB gz`, '<= 4 MB gz');
row('load to first analysed frame (median of 3)', `${median(loads).toFixed(0)} ms (${loads.map((x) => x.toFixed(0)).join(', ')})`, '<= 1500 ms');
row('  the first load, browser just started', `${coldLoad.toFixed(0)} ms`, '');
const st = (k) => median(steps.map((x) => x[k] || NaN)).toFixed(0);
row('  wasm fetched / compiled / runtime ready / 1st frame', `${st('fetched')} / ${st('compiled')} / ${st('runtime')} / ${st('firstFrame')}`, '');
for (const s of scrolls) {
  row(`${WORDS / 1000}k words (${s.kb.toFixed(0)} KB) ${s.viewport} ${s.layout}`, '', '');
  row('  analysis in slices: work / wall', `${s.analyseWork.toFixed(0)} / ${s.analyseWall} ms`, '');
  row('  layout: lines, full wraps, last wrap', `${s.lines}, ${s.wraps}, ${s.wrapMs.toFixed(1)} ms`, '');
  row(`  app CPU per frame while scrolling (${s.frames.count} frames)`, `median ${s.frames.median_ms.toFixed(2)} ms`, '<= 4 ms');
  row('', `p95 ${s.frames.p95_ms.toFixed(2)}, worst ${s.frames.max_ms.toFixed(2)} ms`, '<= 16 ms');
  row('  wall-clock frame interval (software GL, info)', `median ${s.interval.toFixed(1)} ms`, '');
}
