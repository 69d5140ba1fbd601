// Side-by-side words/s: our core (wasm, the whole analysis) vs compromise and wink-nlp,
// on the same texts, in the same process and the same run; plus the native CLI's figure.
//
// usage (from bench/, after `npm ci`):
//   node --no-experimental-fetch peers.mjs [--quick] [--every N] [--all] [--passes N] [--no-native]
//
//   --quick      every 25th BBC article, 3 passes (about half a minute)
//   --every N    take every N-th BBC article (default 5: 445 of 2,225)
//   --all        all 2,225 BBC articles (compromise alone then needs minutes per pass)
//   --passes N   timed passes per engine and corpus (default 5; the median is reported)
//   --no-native  do not run build/native/article-explorer bench
//
// Texts: ../shared/data/news/bbc/*/*.txt (relative to the repo root) and
// ../shared/seeds/mexico-ecuador.txt repeated to ~150 KB as one long article.
// Words: one shared count per text, whitespace-separated tokens, used for every engine.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import url from 'node:url';

import { loadEngines } from './engines.mjs';
import v8 from 'node:v8';
import vm from 'node:vm';

const here = path.dirname(url.fileURLToPath(import.meta.url));
const root = path.resolve(here, '..');
const shared = path.resolve(root, '../shared');

// ---- options ----
const argv = process.argv.slice(2);
function optValue(name, fallback) {
  const i = argv.indexOf(name);
  if (i < 0) return fallback;
  const v = Number(argv[i + 1]);
  if (!Number.isInteger(v) || v < 1) { console.error(`${name} needs a positive integer`); process.exit(2); }
  return v;
}
if (argv.includes('-h') || argv.includes('--help')) {
  console.log(fs.readFileSync(url.fileURLToPath(import.meta.url), 'utf8').split('\n').slice(0, 17).join('\n'));
  process.exit(0);
}
const quick = argv.includes('--quick');
const every = argv.includes('--all') ? 1 : optValue('--every', quick ? 25 : 5);
const passes = optValue('--passes', quick ? 3 : 5);
const withNative = !argv.includes('--no-native');

// ---- inputs ----
const bbcDir = path.join(shared, 'data/news/bbc');
const seedFile = path.join(shared, 'seeds/mexico-ecuador.txt');
if (!fs.existsSync(bbcDir) || !fs.existsSync(seedFile)) {
  console.log(`skipped: ${shared} (BBC articles and seed article) is not present`);
  process.exit(0);
}
const { core, compromise: nlpCompromise, wink, versions } = await loadEngines();

const allBbc = fs.readdirSync(bbcDir, { withFileTypes: true })
  .filter((d) => d.isDirectory()).map((d) => d.name).sort()
  .flatMap((cat) => fs.readdirSync(path.join(bbcDir, cat)).filter((f) => f.endsWith('.txt')).sort()
    .map((f) => path.join(bbcDir, cat, f)));
const bbcFiles = allBbc.filter((_, i) => i % every === 0);
const seed = fs.readFileSync(seedFile, 'utf8').trim();
const seedTarget = 150_000;
let longText = seed, repeats = 1;
while (Buffer.byteLength(longText) < seedTarget) { longText += '\n\n' + seed; repeats++; }

const countWords = (t) => { const m = t.match(/\S+/g); return m ? m.length : 0; };
const corpus = (name, texts) => ({
  name, texts,
  words: texts.reduce((n, t) => n + countWords(t), 0),
  bytes: texts.reduce((n, t) => n + Buffer.byteLength(t), 0),
});
const corpora = [
  corpus(`BBC ${bbcFiles.length}/${allBbc.length} files`, bbcFiles.map((f) => fs.readFileSync(f, 'utf8'))),
  corpus(`seed x${repeats} (1 text)`, [longText]),
];

// ---- engines: each returns a count so the work cannot be skipped ----
const tagsOnly = JSON.stringify({ tags_only: true });
const engines = [
  {
    name: 'ours (wasm)', what: 'm.analyze(text): whole analysis + JSON', throws: 0,
    // A C++ exception escaping analyze() is a core bug: count it (and say so) rather than abort the run.
    run(t) { try { return core.analyze(t).length; } catch { this.throws++; return 0; } },
  },
  {
    // Like for like with wink-nlp: tokens, POS tags, values and named entities, no cast, quotes,
    // parse or events (Options::tags_only). Not the target's figure; it shows where the time goes.
    name: 'ours (tags)', what: 'm.analyze(text, {tags_only: true}): tokens + POS + values + NER + JSON', throws: 0,
    run(t) { try { return core.analyze(t, tagsOnly).length; } catch { this.throws++; return 0; } },
  },
  { name: 'wink-nlp', what: 'readDoc(text).entities().out()', run: (t) => wink.readDoc(t).entities().out().length },
  {
    name: 'compromise', what: 'nlp(text) .people .places .organizations .quotations',
    run: (t) => {
      const d = nlpCompromise(t);
      return d.people().out('array').length + d.places().out('array').length +
        d.organizations().out('array').length + d.quotations().out('array').length;
    },
  },
];

// A collection between timed passes keeps one engine's garbage off the next one's clock.
v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc');
const now = () => Number(process.hrtime.bigint()) / 1e9;
const load = () => os.loadavg().map((x) => x.toFixed(2)).join(' ');
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); const h = s.length >> 1; return s.length % 2 ? s[h] : (s[h - 1] + s[h]) / 2; };
const fmt = (n) => Math.round(n).toLocaleString('en-US');
const pad = (s, n, right = false) => (right ? String(s).padEnd(n) : String(s).padStart(n));

const started = now();
console.log(`Article Explorer peers benchmark  node ${process.version}  ${os.cpus().length} CPUs  load ${load()} (1/5/15 min)`);
console.log(versions);
console.log(`passes ${passes} (median), order rotated each pass, warm-up first; words = whitespace tokens, one count per text for all engines`);
for (const e of engines) console.log(`  ${pad(e.name, 12, true)} ${e.what}`);
console.log('');

const results = [];   // {corpus, engine, secs[], found}
for (const c of corpora) {
  // Warm-up: every engine over a slice of the corpus (at least the first 20 texts, or all of a small one).
  const warm = c.texts.slice(0, Math.max(20, Math.ceil(c.texts.length / 5)));
  for (const e of engines) for (const t of warm) e.run(t);
  const secs = engines.map(() => []);
  const found = engines.map(() => 0);
  for (let p = 0; p < passes; p++) {
    for (let k = 0; k < engines.length; k++) {
      const i = (k + p) % engines.length;
      gc();
      let n = 0;
      const t0 = now();
      for (const t of c.texts) n += engines[i].run(t);
      secs[i].push(now() - t0);
      found[i] = n;
    }
    if (process.stderr.isTTY) process.stderr.write(`  ${c.name}: pass ${p + 1}/${passes} done, ${(now() - started).toFixed(0)} s elapsed \r`);
  }
  if (process.stderr.isTTY) process.stderr.write('\n');
  engines.forEach((e, i) => results.push({ corpus: c, engine: e, secs: secs[i], found: found[i] }));
}

// ---- native CLI ----
const cli = path.join(root, 'build/native/article-explorer');
const native = new Map();   // corpus name -> {wps (shared count), printed, nativeWords}
if (withNative && fs.existsSync(cli)) {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ae-peers-'));
  const longFile = path.join(tmp, 'seed-150k.txt');
  fs.writeFileSync(longFile, longText);
  const lists = [bbcFiles, [longFile]];
  corpora.forEach((c, i) => {
    const r = spawnSync(cli, ['bench', '--min-seconds', '2', ...lists[i]], { encoding: 'utf8', maxBuffer: 1 << 20 });
    const out = (r.stdout || '') + (r.stderr || '');
    const ms = /([\d.]+) ms per pass/.exec(out), wps = /(\d+) words\/s/.exec(out), nw = /words (\d+)/.exec(out);
    if (r.status !== 0 || !ms || !wps) { console.log(`native bench failed on ${c.name}: ${out.trim().split('\n').pop()}`); return; }
    native.set(c.name, { wps: c.words / (Number(ms[1]) / 1e3), printed: Number(wps[1]), nativeWords: nw ? Number(nw[1]) : NaN });
  });
  fs.rmSync(tmp, { recursive: true, force: true });
} else if (withNative) {
  console.log(`(no ${path.relative(process.cwd(), cli)}: native figure skipped; cmake --preset native && cmake --build --preset native -j2 --target article-explorer)\n`);
}

// ---- table ----
const head = `${pad('corpus', 22, true)} ${pad('engine', 12, true)} ${pad('words', 9)} ${pad('KB', 6)} ${pad('median s', 9)} ${pad('words/s', 10)} ${pad('min..max words/s', 19)} ${pad('found', 8)}`;
console.log(head);
console.log('-'.repeat(head.length));
for (const c of corpora) {
  for (const r of results.filter((x) => x.corpus === c)) {
    const m = median(r.secs);
    const lo = c.words / Math.max(...r.secs), hi = c.words / Math.min(...r.secs);
    console.log(`${pad(c.name, 22, true)} ${pad(r.engine.name, 12, true)} ${pad(fmt(c.words), 9)} ${pad(Math.round(c.bytes / 1024), 6)} ` +
      `${pad(m.toFixed(3), 9)} ${pad(fmt(c.words / m), 10)} ${pad(`${fmt(lo)}..${fmt(hi)}`, 19)} ${pad(fmt(r.found), 8)}`);
  }
  const n = native.get(c.name);
  if (n) {
    console.log(`${pad(c.name, 22, true)} ${pad('ours native', 12, true)} ${pad(fmt(c.words), 9)} ${pad(Math.round(c.bytes / 1024), 6)} ` +
      `${pad((c.words / n.wps).toFixed(3), 9)} ${pad(fmt(n.wps), 10)} ${pad(`(CLI: ${fmt(n.printed)})`, 19)} ${pad('', 8)}`);
  }
}
console.log('found: ours = JSON bytes (ours (tags): of the tags-only analysis); wink = entities (all types); compromise = people+places+orgs+quotations matches');
console.log('ours native: CLI `bench --min-seconds 2` ms per pass on the same files, over the shared word count (CLI: its own word count)');

console.log('\nratios of median words/s (targets from issue 8: ours/wink >= 2, ours/compromise >= 25; tags/wink: ours (tags) over wink, no target)');
console.log(`${pad('corpus', 22, true)} ${pad('ours/wink', 10)} ${pad('ours/compromise', 16)} ${pad('native/wasm', 12)} ${pad('tags/wink', 10)}`);
for (const c of corpora) {
  const w = (name) => c.words / median(results.find((x) => x.corpus === c && x.engine.name === name).secs);
  const ours = w('ours (wasm)');
  const rw = ours / w('wink-nlp'), rc = ours / w('compromise');
  const n = native.get(c.name);
  console.log(`${pad(c.name, 22, true)} ${pad(`${rw.toFixed(2)} ${rw >= 2 ? 'ok' : 'MISS'}`, 10)} ` +
    `${pad(`${rc.toFixed(1)} ${rc >= 25 ? 'ok' : 'MISS'}`, 16)} ${pad(n ? (n.wps / ours).toFixed(2) : '-', 12)} ` +
    `${pad((w('ours (tags)') / w('wink-nlp')).toFixed(2), 10)}`);
}
for (const e of engines) {
  if (e.throws) console.log(`\nWARNING: ${e.name} threw on ${e.throws} analyze() calls (warm-up and timed passes): a core bug; its figures are not valid`);
}
console.log(`\nload ${load()} (1/5/15 min) at the end, ${os.cpus().length} CPUs; ${(now() - started).toFixed(0)} s in all`);
