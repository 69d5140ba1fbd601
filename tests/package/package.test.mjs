// The npm package as a user gets it: `npm pack` of build/wasm/npm (or $AE_NPM_DIR), the tarball
// installed offline in an empty project, then the seed article analysed from Node through
// `import` and `require` (output == the native CLI's, fields == index.d.ts's declarations), and
// the installed package loaded in a page and a module Web Worker in headless Debian Chromium.
// Run: node --test tests/package/   (scripts/test.sh does it after the wasm build)
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');
const NPM_DIR = path.resolve(process.env.AE_NPM_DIR || path.join(root, 'build/wasm/npm'));
const CLI = path.join(root, 'build/native/article-explorer');
const SHARED = path.resolve(process.env.AE_SHARED_DIR || path.join(root, '../shared'));
const CHROMIUM = process.env.AE_CHROMIUM || '/usr/bin/chromium';
const PLAYWRIGHT = path.join(root, 'tests/browser/node_modules/playwright-core/index.mjs');
const NAME = 'article-explorer-core';

// The seed article, or a short text of our own where the shared data is absent.
const SEED_FILE = path.join(SHARED, 'seeds/mexico-ecuador.txt');
const BUILT_IN = [
  'Harbour workers end strike',
  '',
  'date 2024-04-06',
  '',
  'LISBON — Dock workers in Lisbon ended a two-week strike on Friday, the union said. ' +
    '“We have an agreement,” said Ana Ferreira, who leads the union. The port authority agreed ' +
    'to a 4% pay rise and will hire 120 workers by June.',
].join('\n');

let tmp, project, articleFile, article;

function run(cmd, args, opts = {}) {
  return execFileSync(cmd, args, { maxBuffer: 1 << 28, encoding: 'utf8', ...opts });
}

before(() => {
  assert.ok(fs.existsSync(path.join(NPM_DIR, 'package.json')),
    `${NPM_DIR}/package.json missing: build it with cmake --preset wasm && cmake --build --preset wasm --target ${NAME}`);
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ae-package-'));
  if (fs.existsSync(SEED_FILE)) articleFile = SEED_FILE;
  else {
    console.log(`${SEED_FILE} absent: a short built-in article instead of the seed`);
    articleFile = path.join(tmp, 'article.txt');
    fs.writeFileSync(articleFile, BUILT_IN);
  }
  article = fs.readFileSync(articleFile, 'utf8');
  // A private npm cache: nothing of the user's is touched and nothing is fetched.
  const npm = (args, cwd) => run('npm', [...args, '--cache', path.join(tmp, 'npm-cache'), '--offline',
    '--no-audit', '--no-fund', '--loglevel=error'], { cwd });
  fs.mkdirSync(path.join(tmp, 'pack'));
  const packed = JSON.parse(npm(['pack', NPM_DIR, '--json', '--pack-destination', path.join(tmp, 'pack')], tmp))[0];
  const files = packed.files.map((f) => f.path).sort();
  assert.deepEqual(files, ['README.md', `${NAME}.mjs`, `${NAME}.wasm`, 'index.d.cts', 'index.d.ts', 'node.cjs', 'node.mjs', 'package.json'],
    'the tarball holds the module, its .wasm beside it, the Node entries, the types and the README');
  project = path.join(tmp, 'project');
  fs.mkdirSync(project);
  fs.writeFileSync(path.join(project, 'package.json'), JSON.stringify({ name: 'empty-project', version: '1.0.0', private: true }));
  npm(['install', path.join(tmp, 'pack', packed.filename)], project);
  // What a user writes, beside the project's node_modules: one script per module system.
  fs.writeFileSync(path.join(project, 'use-import.mjs'),
    "import createArticleExplorer from 'article-explorer-core';\nimport fs from 'node:fs';\n" +
    'const m = await createArticleExplorer();\n' +
    "process.stdout.write(m.analyze(fs.readFileSync(process.argv[2], 'utf8'), process.argv[3]));\n");
  fs.writeFileSync(path.join(project, 'use-require.cjs'),
    "const createArticleExplorer = require('article-explorer-core');\nconst fs = require('node:fs');\n" +
    'createArticleExplorer().then((m) => {\n' +
    "  process.stdout.write(m.analyze(fs.readFileSync(process.argv[2], 'utf8'), process.argv[3]));\n});\n");
});

after(() => { if (tmp) fs.rmSync(tmp, { recursive: true, force: true }); });

const installed = () => path.join(project, 'node_modules', NAME);

// Plain `node`, no flags, from inside the project: stderr must stay empty (no fetch warnings).
function analyzeInNode(script, options, file = articleFile) {
  const r = spawnSync(process.execPath, [script, file, JSON.stringify(options)], { cwd: project, encoding: 'utf8', maxBuffer: 1 << 28 });
  assert.equal(r.status, 0, `node ${script} failed:\n${r.stderr}`);
  assert.equal(r.stderr, '', `node ${script} wrote to stderr`);
  return r.stdout;
}

function native(args) {
  if (!fs.existsSync(CLI)) return null;
  return run(CLI, ['analyze', ...args, articleFile]).replace(/\n$/, '');
}

// ---- index.d.ts as a checker: every interface's properties == the keys the core writes ----
function readDeclarations(file) {
  const src = fs.readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/.*$/gm, '');
  const interfaces = {}, aliases = {};
  for (const m of src.matchAll(/export interface (\w+) \{([^}]*)\}/g)) {
    const props = {};
    for (const line of m[2].split(';').map((s) => s.trim()).filter(Boolean)) {
      const p = /^(\w+)(\??):\s*([\s\S]+)$/.exec(line);
      if (p && !line.includes('(')) props[p[1]] = { type: p[3].trim(), optional: p[2] === '?' };
    }
    interfaces[m[1]] = props;
  }
  for (const m of src.matchAll(/export type (\w+) = ([^;]+);/g)) aliases[m[1]] = m[2].trim();
  return { interfaces, aliases };
}

function checkType(decl, value, type, where) {
  const terms = type.split('|').map((t) => t.trim());
  const errors = [];
  for (const t of terms) {
    const e = [];
    if (t.endsWith('[]')) {
      if (!Array.isArray(value)) e.push(`${where}: not an array`);
      else value.forEach((v, i) => e.push(...checkType(decl, v, t.slice(0, -2), `${where}[${i}]`)));
    } else if (t === 'string' || t === 'number' || t === 'boolean') {
      if (typeof value !== t) e.push(`${where}: ${JSON.stringify(value)} is not a ${t}`);
    } else if (t === 'null') {
      if (value !== null) e.push(`${where}: not null`);
    } else if (/^'.*'$/.test(t)) {
      if (value !== t.slice(1, -1)) e.push(`${where}: ${JSON.stringify(value)} is not ${t}`);
    } else if (/^`.*`$/.test(t)) {   // a template literal: ${Alias} -> its words, ${string} -> any
      const re = t.slice(1, -1).replace(/\$\{(\w+)\}|([^$]+)/g, (_, name, lit) => lit ? lit.replace(/[.*+?^()[\]\\]/g, '\\$&')
        : name === 'string' ? '.+' : `(?:${decl.aliases[name].split('|').map((w) => w.trim().slice(1, -1)).join('|')})`);
      if (typeof value !== 'string' || !new RegExp(`^${re}$`).test(value)) e.push(`${where}: ${JSON.stringify(value)} is not ${t}`);
    } else if (decl.aliases[t]) {
      e.push(...checkType(decl, value, decl.aliases[t], where));
    } else if (decl.interfaces[t]) {
      e.push(...checkObject(decl, value, t, where));
    } else e.push(`${where}: index.d.ts has no type ${t}`);
    if (!e.length) return [];
    errors.push(...e);
  }
  return errors;
}

function checkObject(decl, value, name, where) {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return [`${where}: not an object (${name})`];
  const props = decl.interfaces[name], errors = [];
  for (const k of Object.keys(value)) if (!props[k]) errors.push(`${where}.${k}: written by the core, not declared in ${name}`);
  for (const [k, p] of Object.entries(props)) {
    if (!(k in value)) { if (!p.optional) errors.push(`${where}.${k}: declared in ${name}, not written`); continue; }
    errors.push(...checkType(decl, value[k], p.type, `${where}.${k}`));
  }
  return errors;
}

// ---- Node ------------------------------------------------------------------------------------
test('package.json: name, version (the CMake project version), exports for Node and bundlers', () => {
  const pkg = JSON.parse(fs.readFileSync(path.join(installed(), 'package.json'), 'utf8'));
  const cmakeVersion = /project\(\w+ VERSION ([0-9.]+)/.exec(fs.readFileSync(path.join(root, 'CMakeLists.txt'), 'utf8'))[1];
  assert.equal(pkg.name, NAME);
  assert.equal(pkg.version, cmakeVersion);
  assert.equal(pkg.type, 'module');
  const dot = pkg.exports['.'];
  assert.deepEqual(dot.node, { import: { types: './index.d.ts', default: './node.mjs' }, require: { types: './index.d.cts', default: './node.cjs' } });
  assert.equal(dot.types, './index.d.ts');
  assert.equal(dot.import, `./${NAME}.mjs`);
  for (const f of [dot.node.import.types, dot.node.import.default, dot.node.require.types, dot.node.require.default, dot.types, dot.import, dot.default, pkg.main, pkg.types])
    assert.ok(fs.existsSync(path.join(installed(), f)), `${f} installed`);
  // The .wasm is a file beside the module, not base64 inside it.
  const js = fs.readFileSync(path.join(installed(), `${NAME}.mjs`), 'utf8');
  assert.ok(js.length < 100000 && !js.includes('AGFzbQ'), 'no wasm embedded (base64 "\\0asm") in the .mjs');
  assert.ok(new RegExp(`new URL\\(["']${NAME}\\.wasm["'],\\s*import\\.meta\\.url\\)`).test(js),
    'the module finds its .wasm beside itself');
});

test('import and require give the same analysis, equal to the native CLI', () => {
  const opts = {};
  const viaImport = analyzeInNode('use-import.mjs', opts);
  const viaRequire = analyzeInNode('use-require.cjs', opts);
  assert.equal(viaRequire, viaImport);
  const a = JSON.parse(viaImport);
  assert.equal(a.schema, 'article-explorer/1');
  assert.ok(a.sentences.length >= 3 && a.entities.length >= 2 && a.quotes.length > 0 && a.events.length > 0, 'a real analysis');
  const cli = native([]);
  if (cli === null) console.log(`${CLI} absent: native comparison skipped`);
  else assert.equal(viaImport, cli, 'the package gives the native CLI\'s JSON');
});

test('utf16 offsets and a reference date: equal to the native CLI, spans index the string', () => {
  const out = analyzeInNode('use-import.mjs', { offsets: 'utf16', reference_date: '2020-02-29' });
  const a = JSON.parse(out);
  assert.equal(a.offsets, 'utf16');
  for (const e of a.entities) for (const m of e.mentions) assert.equal(article.slice(m.start, m.end), m.text);
  const cli = native(['--offsets', 'utf16', '--reference-date', '2020-02-29']);
  if (cli !== null) assert.equal(out, cli);
});

test('index.d.ts declares exactly the fields the core writes, with their types', () => {
  const decl = readDeclarations(path.join(installed(), 'index.d.ts'));
  for (const name of ['Analysis', 'Span', 'Entity', 'Mention', 'Value', 'Quote', 'ArticleEvent', 'EventArgument', 'Diagnostic'])
    assert.ok(decl.interfaces[name], `index.d.ts declares ${name}`);
  // The require() view names every type too.
  const cts = fs.readFileSync(path.join(installed(), 'index.d.cts'), 'utf8');
  for (const name of [...Object.keys(decl.interfaces), ...Object.keys(decl.aliases)])
    assert.ok(cts.includes(`export type ${name} = Types.${name};`), `index.d.cts names ${name}`);
  // The article, then the article with a NUL byte and a bad reference date (two diagnostics),
  // then bad options (the error object).
  const a = JSON.parse(analyzeInNode('use-import.mjs', {}));
  const errors = checkObject(decl, a, 'Analysis', 'analysis');
  const junk = path.join(tmp, 'junk.txt');
  fs.writeFileSync(junk, article + '\u0000A');
  const b = JSON.parse(analyzeInNode('use-import.mjs', { reference_date: 'soon' }, junk));
  assert.deepEqual(b.diagnostics.map((d) => d.code).sort(), ['bad_reference_date', 'control_characters']);
  errors.push(...checkObject(decl, b, 'Analysis', 'junk analysis'));
  const bad = JSON.parse(analyzeInNode('use-import.mjs', { offsets: 'furlongs' }));
  errors.push(...checkObject(decl, bad, 'AnalysisError', 'error'));
  // Every field that can be null or filled was seen filled at least once (checked, not skipped).
  const seen = (k) => a.quotes.some((q) => q[k] !== null);
  assert.ok(seen('speaker_mention') && seen('cue') && a.events.some((e) => e.time !== null && e.timeline >= 0), 'quotes and events filled');
  assert.deepEqual(errors.slice(0, 20), []);
});

// ---- a page and a module Web Worker in headless Chromium --------------------------------------
const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.mjs': 'text/javascript',
  '.wasm': 'application/wasm', '.json': 'application/json', '.txt': 'text/plain; charset=utf-8' };
function serve(dir) {
  const server = http.createServer((req, res) => {
    const rel = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    const file = path.join(dir, path.normalize(rel.endsWith('/') ? rel + 'index.html' : rel));
    if (!file.startsWith(dir + path.sep) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      res.writeHead(404); res.end('not found'); return;
    }
    const body = fs.readFileSync(file);
    res.writeHead(200, { 'Content-Type': TYPES[path.extname(file)] || 'application/octet-stream', 'Content-Length': body.length });
    res.end(body);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

test('the installed package in a page and in a module Web Worker (headless Chromium)', async () => {
  assert.ok(fs.existsSync(PLAYWRIGHT), 'tests/browser/node_modules/playwright-core missing: run scripts/setup.sh');
  assert.ok(fs.existsSync(CHROMIUM), `${CHROMIUM} missing: run scripts/setup.sh`);
  const { chromium } = await import(pathToFileURL(PLAYWRIGHT).href);
  // The browser entry as a bundler resolves it (exports["."].import, not the node condition).
  const pkg = JSON.parse(fs.readFileSync(path.join(installed(), 'package.json'), 'utf8'));
  const entry = `./node_modules/${NAME}/${pkg.exports['.'].import.replace(/^\.\//, '')}`;
  fs.writeFileSync(path.join(project, 'article.txt'), article);
  fs.writeFileSync(path.join(project, 'worker.mjs'),
    `import createArticleExplorer from '${entry}';\n` +
    'const ready = createArticleExplorer();\n' +
    'self.onmessage = async (e) => {\n' +
    '  try { self.postMessage({ json: (await ready).analyze(e.data.text, e.data.options) }); }\n' +
    '  catch (err) { self.postMessage({ error: String(err) }); }\n};\n');
  fs.writeFileSync(path.join(project, 'index.html'),
    '<!doctype html><meta charset="utf-8"><title>package</title><link rel="icon" href="data:,">\n<script type="module">\n' +
    `import createArticleExplorer from '${entry}';\n` +
    'window.analyzeInPage = async (text, options) => (await createArticleExplorer()).analyze(text, options);\n' +
    "window.analyzeInWorker = (text, options) => new Promise((resolve, reject) => {\n" +
    "  const w = new Worker('./worker.mjs', { type: 'module' });\n" +
    '  w.onmessage = (e) => { w.terminate(); e.data.error ? reject(new Error(e.data.error)) : resolve(e.data.json); };\n' +
    "  w.onerror = (e) => { w.terminate(); reject(new Error('worker: ' + e.message)); };\n" +
    '  w.postMessage({ text, options });\n});\n' +
    'window.pageReady = true;\n</script>\n');

  const server = await serve(project);
  const base = `http://127.0.0.1:${server.address().port}/`;
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'ae-chromium-'));
  let ctx;
  try {
    ctx = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM, headless: true,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
        '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    const page = ctx.pages()[0] || await ctx.newPage();
    const requests = [], failures = [], errors = [];
    ctx.on('request', (r) => requests.push(r.url()));
    ctx.on('requestfinished', async (r) => { const s = (await r.response())?.status(); if (s !== 200) failures.push(`${s} ${r.url()}`); });
    ctx.on('requestfailed', (r) => failures.push(`failed ${r.url()}`));
    page.on('pageerror', (e) => errors.push(String(e)));
    page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') errors.push(m.text()); });
    await page.goto(base);
    await page.waitForFunction(() => window.pageReady === true, null, { timeout: 15000 });
    const options = { offsets: 'utf16' };
    const inWorker = await page.evaluate(([t, o]) => window.analyzeInWorker(t, o), [article, options]);
    const inPage = await page.evaluate(([t, o]) => window.analyzeInPage(t, o), [article, options]);
    const inNode = analyzeInNode('use-import.mjs', options);
    assert.equal(inWorker, inNode, 'the worker gives the Node analysis');
    assert.equal(inPage, inNode, 'the page gives the Node analysis');
    const a = JSON.parse(inWorker);
    assert.ok(a.entities.length >= 2 && a.quotes.length > 0);
    const wasm = requests.filter((u) => u.endsWith('.wasm'));
    assert.ok(wasm.length >= 1 && wasm.every((u) => u === `${base}node_modules/${NAME}/${NAME}.wasm`),
      `the .wasm fetched from beside the module: ${wasm.join(' ')}`);
    assert.ok(requests.every((u) => u.startsWith(base)), 'no request outside the local server');
    assert.deepEqual(failures, []);
    assert.deepEqual(errors, []);
  } finally {
    await ctx?.close();
    server.close();
    fs.rmSync(profile, { recursive: true, force: true });
  }
});
