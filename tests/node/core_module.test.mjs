// The core-only wasm module (the npm package folder build/wasm/npm, or $AE_CORE_JS) must give
// exactly the native CLI's JSON for the same text.
// Run: node --no-experimental-fetch --test tests/node/  (scripts/test.sh does it)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import fs from 'node:fs';
import path from 'node:path';
import url from 'node:url';

const here = path.dirname(url.fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');
const wasmJs = process.env.AE_CORE_JS ? path.resolve(process.env.AE_CORE_JS) : path.join(root, 'build/wasm/npm');
const cli = path.join(root, 'build/native/article-explorer');
const require = createRequire(import.meta.url);

function native(file, args = []) {
  return execFileSync(cli, ['analyze', ...args, file], { maxBuffer: 1 << 28 }).toString('utf8').replace(/\n$/, '');
}

function articles() {
  const list = [];
  const samples = path.join(root, 'assets/samples');
  for (const f of fs.readdirSync(samples).sort()) if (f.endsWith('.txt')) list.push(path.join(samples, f));
  const seed = path.resolve(root, '../shared/seeds/mexico-ecuador.txt');
  if (fs.existsSync(seed)) list.push(seed);
  else console.log('# ../shared/seeds absent: seed article skipped');
  return list;
}

const m = await require(wasmJs)();

test('wasm analyze() equals the native CLI, byte offsets', () => {
  for (const f of articles()) {
    const text = fs.readFileSync(f, 'utf8');
    assert.equal(m.analyze(text), native(f), f);
  }
});

test('wasm analyze() equals the native CLI, utf16 offsets and a reference date', () => {
  for (const f of articles()) {
    const text = fs.readFileSync(f, 'utf8');
    const js = m.analyze(text, JSON.stringify({ offsets: 'utf16', reference_date: '2020-02-29' }));
    assert.equal(js, native(f, ['--offsets', 'utf16', '--reference-date', '2020-02-29']), f);
    const a = JSON.parse(js);
    for (const s of a.sentences) assert.ok(s.end <= text.length && s.start < s.end);
  }
});

test('wasm analyze() equals the native CLI on real news (every 20th BBC article)', () => {
  const bbc = path.resolve(root, '../shared/data/news/bbc');
  if (!fs.existsSync(bbc)) { console.log('# ../shared/data/news/bbc absent: skipped'); return; }
  const files = [];
  for (const d of fs.readdirSync(bbc).sort()) {
    const dir = path.join(bbc, d);
    if (!fs.statSync(dir).isDirectory()) continue;
    for (const f of fs.readdirSync(dir).sort()) if (f.endsWith('.txt')) files.push(path.join(dir, f));
  }
  let n = 0;
  for (let k = 0; k < files.length; k += 20) {
    const buf = fs.readFileSync(files[k]);
    const text = buf.toString('utf8');
    if (Buffer.compare(Buffer.from(text, 'utf8'), buf) !== 0) continue;   // not valid UTF-8 (sport/199 is Latin-1)
    assert.equal(m.analyze(text), native(files[k]), files[k]);
    n++;
  }
  assert.ok(n > 50);
});

test('utf16 offsets index the JavaScript string', () => {
  const text = 'Emoji 😀 first. Then “Bárcena” said ‘no’.';
  const a = JSON.parse(m.analyze(text, { offsets: 'utf16' }));
  assert.equal(a.sentences.length, 2);
  assert.equal(text.slice(a.sentences[1].start, a.sentences[1].end), 'Then “Bárcena” said ‘no’.');
});

test('big text through malloc, not the stack', () => {
  const para = 'The minister said on Friday that talks would resume. ';
  const text = para.repeat(Math.ceil((6 << 20) / para.length));   // ~6 MB
  const a = JSON.parse(m.analyze(text, { offsets: 'utf16' }));
  assert.equal(a.schema, 'article-explorer/1');
  assert.ok(a.sentences.length > 100000);
});

test('bad options give an error object, not a crash', () => {
  assert.match(m.analyze('x', '{not json'), /"error"/);
  assert.match(m.analyze('x', { offsets: 'furlongs' }), /"error"/);
  const a = JSON.parse(m.analyze(''));
  assert.deepEqual(a.sentences, []);
});
