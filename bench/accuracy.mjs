// Side-by-side accuracy: our core (wasm) vs compromise and wink-nlp on text none of them was
// trained on: MEANTIME's Wikinews articles (../shared/data/meantime), scored against its gold
// named-entity mentions and time expressions, and PolNeAR dev (../shared/data/polnear/dev),
// scored against its attributions (our quote cues were learned from PolNeAR train).
//
// usage (from bench/, after `npm ci`):
//   node --no-experimental-fetch accuracy.mjs [--errors N]
//
//   --errors N   also print up to N missed and N spurious items per engine and task
//
// MEANTIME text: each document's tokens joined by spaces, lightly detokenised, one sentence per paragraph
// (title first), as tools/eval-events does. Scored: the part MEANTIME annotates in full (its
// sentences 0-6: the title, the date line and the first sentences of the story).
// Tasks:
//   names    gold: ENTITY_MENTION of syntactic type NAM whose entity is PER, LOC or ORG;
//            ours: `name` and `alias` mentions of PERSON / LOCATION / ORGANIZATION entities;
//            compromise: .people() .places() .organizations(); wink-nlp's lite model finds none
//            of these types, so it is not scored on them.
//   times    gold: every TIMEX3 with tokens (DATE, TIME, DURATION, SET);
//            ours: values DATE / TIME / DURATION / SET and the date line; wink-nlp: entities
//            DATE / TIME / DURATION; compromise: runs of #Date / #Time terms.
//   quoted   PolNeAR: gold: the attributed contents that hold a quote mark (direct, mixed), a
//            discontinuous one ("A," said X. "B") as one item per fragment;
//            ours: quotes of kind direct, partial, mixed; compromise: .quotations(); wink-nlp
//            has no quotations.
//   reported PolNeAR: gold: every attributed content (also indirect: "X said that ...");
//            ours: every quote but scare quotes; compromise: .quotations().
// Matching is one-to-one, greedy in text order: "overlap" counts a pair whose spans share a
// character (and, for names, whose types agree), "exact" one whose spans are equal after
// trimming spaces, punctuation and quote marks at both ends.
import fs from 'node:fs';
import path from 'node:path';
import url from 'node:url';

import { loadEngines } from './engines.mjs';

const here = path.dirname(url.fileURLToPath(import.meta.url));
const root = path.resolve(here, '..');
const shared = path.resolve(root, '../shared');

const argv = process.argv.slice(2);
if (argv.includes('-h') || argv.includes('--help')) {
  console.log(fs.readFileSync(url.fileURLToPath(import.meta.url), 'utf8').split('\n').slice(0, 30).join('\n'));
  process.exit(0);
}
let showErrors = 0;
if (argv.includes('--errors')) {
  showErrors = Number(argv[argv.indexOf('--errors') + 1]);
  if (!Number.isInteger(showErrors) || showErrors < 0) { console.error('--errors needs a count'); process.exit(2); }
}

const meantimeDir = path.join(shared, 'data/meantime');
if (!fs.existsSync(meantimeDir)) {
  console.log(`skipped: ${meantimeDir} is not present`);
  process.exit(0);
}
const { core, compromise: nlpCompromise, wink, versions } = await loadEngines();

// ---- MEANTIME CAT XML ----
const kFullSentences = 6;   // sentences 0-6 are annotated in full (as in tools/eval-events)
const attr = (tag, name) => { const m = tag.match(new RegExp(`\\s${name}="([^"]*)"`)); return m ? m[1] : ''; };
const unescape = (s) => s.replace(/&(amp|lt|gt|quot|apos);/g, (_, e) => ({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" })[e]);
const noSpaceBefore = new Set([',', '.', ';', ':', '?', '!', ')', '%', "'s", "'S", "n't", "'re", "'ve", "'ll", "'d", "'m"]);

function loadDoc(file) {
  const x = fs.readFileSync(file, 'utf8');
  let text = '', lastSent = -1;
  const tok = new Map();   // t_id -> {start, end, sent}
  for (const m of x.matchAll(/<token ([^>]*)>([^<]*)<\/token>/g)) {
    let word = unescape(m[2]);
    const sent = Number(attr(m[1], 'sentence')), tid = attr(m[1], 't_id');
    if (word === '``' || word === "''") word = '"';
    const glue = text.endsWith('(') || text.endsWith('$');
    if (lastSent >= 0 && sent !== lastSent) text += '\n\n';
    else if (lastSent >= 0 && !noSpaceBefore.has(word) && !glue) text += ' ';
    lastSent = sent;
    tok.set(tid, { start: text.length, end: text.length + word.length, sent });
    text += word;
  }
  let annotatedEnd = 0;
  for (const t of tok.values()) if (t.sent <= kFullSentences) annotatedEnd = Math.max(annotatedEnd, t.end);
  const span = (body) => {
    const ts = [...body.matchAll(/<token_anchor t_id="(\d+)"/g)].map((m) => tok.get(m[1])).filter(Boolean);
    if (!ts.length) return null;
    return { start: Math.min(...ts.map((t) => t.start)), end: Math.max(...ts.map((t) => t.end)) };
  };
  // entity instances and the mentions that refer to them
  const entType = new Map();
  for (const m of x.matchAll(/<ENTITY ([^>]*)\/?>/g)) entType.set(attr(m[1], 'm_id'), attr(m[1], 'ent_type'));
  const typeOf = new Map();
  for (const m of x.matchAll(/<REFERS_TO [^>]*>([\s\S]*?)<\/REFERS_TO>/g)) {
    const target = (m[1].match(/<target m_id="(\d+)"/) || [])[1];
    for (const s of m[1].matchAll(/<source m_id="(\d+)"/g)) typeOf.set(s[1], entType.get(target));
  }
  const names = [], times = [];
  for (const m of x.matchAll(/<ENTITY_MENTION ([^>]*)>([\s\S]*?)<\/ENTITY_MENTION>/g)) {
    if (attr(m[1], 'syntactic_type') !== 'NAM') continue;
    const type = typeOf.get(attr(m[1], 'm_id'));
    const s = span(m[2]);
    if (s && s.end <= annotatedEnd && ['PER', 'LOC', 'ORG'].includes(type)) names.push({ ...s, type });
  }
  for (const m of x.matchAll(/<TIMEX3 ([^>]*)>([\s\S]*?)<\/TIMEX3>/g)) {
    const s = span(m[2]);
    if (s && s.end <= annotatedEnd) times.push({ ...s, type: attr(m[1], 'type') });
  }
  return { corpus: 'meantime', name: path.basename(file, '.xml'), text, annotatedEnd, gold: { names, times } };
}

// ---- PolNeAR brat standoff: DIR/attributions/NAME_XXXX.ann (one annotator) beside DIR/text/NAME.txt ----
const polnearDir = path.join(shared, 'data/polnear/dev');
const quoteMark = /["\u201C\u201D\u00AB\u00BB]/;
function loadPolnear(annFile) {
  const base = path.basename(annFile, '.ann');
  const name = base.slice(0, base.lastIndexOf('_'));
  const textFile = path.join(polnearDir, 'text', `${name}.txt`);
  if (!fs.existsSync(textFile)) return null;
  const text = fs.readFileSync(textFile, 'utf8');
  // brat offsets count code points; JavaScript strings count UTF-16 units
  const u16 = [];
  { let i = 0; for (const ch of text) { u16.push(i); i += ch.length; } u16.push(text.length); }
  const quoted = [], reported = [];
  for (const line of fs.readFileSync(annFile, 'utf8').split('\n')) {
    const m = line.match(/^T\d+\tContent ([\d ;]+)\t/);
    if (!m) continue;
    // a discontinuous content (“A,” said X. “B”) is one item per fragment, as quotes are found
    const frags = m[1].split(';').map((part) => part.trim().split(' ').map((x) => u16[Number(x)]))
      .filter(([a, b]) => a !== undefined && b !== undefined && a < b).map(([start, end]) => ({ start, end }));
    if (!frags.length) continue;
    reported.push(...frags);
    if (quoteMark.test(text.slice(frags[0].start, frags[frags.length - 1].end))) quoted.push(...frags);
  }
  return { corpus: 'polnear', name: base, article: name, text, annotatedEnd: text.length, gold: { quoted, reported } };
}

const docs = fs.readdirSync(meantimeDir, { withFileTypes: true })
  .filter((d) => d.isDirectory()).map((d) => d.name).sort()
  .flatMap((c) => fs.readdirSync(path.join(meantimeDir, c)).filter((f) => f.endsWith('.xml')).sort()
    .map((f) => loadDoc(path.join(meantimeDir, c, f))));
if (!docs.length) { console.log(`skipped: no MEANTIME documents under ${meantimeDir}`); process.exit(0); }
const nMeantime = docs.length;
if (fs.existsSync(path.join(polnearDir, 'attributions'))) {
  for (const f of fs.readdirSync(path.join(polnearDir, 'attributions')).filter((f) => f.endsWith('.ann')).sort()) {
    const d = loadPolnear(path.join(polnearDir, 'attributions', f));
    if (d) docs.push(d);
  }
}

// ---- engines: each returns {names: [{start,end,type}], times: [{start,end}]} in UTF-16 offsets ----
const its = wink.its;
const ourType = { PERSON: 'PER', LOCATION: 'LOC', ORGANIZATION: 'ORG' };
const utf16 = JSON.stringify({ offsets: 'utf16' });
const engines = [
  {
    name: 'ours (wasm)',
    run(text) {
      const a = JSON.parse(core.analyze(text, utf16));
      const names = [];
      for (const e of a.entities) {
        if (!ourType[e.type]) continue;
        for (const m of e.mentions) if (m.kind === 'name' || m.kind === 'alias') names.push({ start: m.start, end: m.end, type: ourType[e.type] });
      }
      const times = a.values.filter((v) => ['DATE', 'TIME', 'DURATION', 'SET'].includes(v.type)).map((v) => ({ start: v.start, end: v.end }));
      if (a.date_line) times.push({ start: a.date_line.start, end: a.date_line.end });
      const quoted = a.quotes.filter((q) => ['direct', 'partial', 'mixed'].includes(q.kind)).map((q) => ({ start: q.start, end: q.end }));
      const reported = a.quotes.filter((q) => q.kind !== 'scare').map((q) => ({ start: q.start, end: q.end }));
      return { names, times, quoted, reported };
    },
  },
  {
    name: 'compromise',
    run(text) {
      const d = nlpCompromise(text);
      const spans = (view, type) => view.json({ offset: true }).map((x) => ({ start: x.offset.start, end: x.offset.start + x.offset.length, type }));
      return {
        names: [...spans(d.people(), 'PER'), ...spans(d.places(), 'LOC'), ...spans(d.organizations(), 'ORG')],
        times: spans(d.match('(#Date|#Time)+'), ''),
        quoted: spans(d.quotations(), ''),
        reported: spans(d.quotations(), ''),
      };
    },
  },
  {
    name: 'wink-nlp', lacks: ['names', 'quoted', 'reported'],
    run(text) {
      const doc = wink.readDoc(text);
      // token character offsets: wink-nlp keeps each token's preceding spaces, so the text is their concatenation
      const values = doc.tokens().out(its.value), spaces = doc.tokens().out(its.precedingSpaces);
      const starts = [];
      let at = 0, fromText = true;
      for (let i = 0; i < values.length; i++) {
        at += spaces[i].length;
        if (text.startsWith(values[i], at)) starts.push(at);
        else { const k = text.indexOf(values[i], at); fromText = fromText && k >= 0; starts.push(k >= 0 ? k : at); at = k >= 0 ? k : at; }
        at += values[i].length;
      }
      const ents = doc.entities().out(its.detail), sp = doc.entities().out(its.span);
      const times = [];
      ents.forEach((e, i) => {
        if (!['DATE', 'TIME', 'DURATION'].includes(e.type)) return;
        const [a, b] = sp[i];
        times.push({ start: starts[a], end: starts[b] + values[b].length });
      });
      return { times };
    },
  },
];

// ---- scoring ----
const edge = /[\s.,;:!?"'()\[\]\u2018\u2019\u201C\u201D\u00AB\u00BB\u2026\u2013\u2014]/;
const trimmed = (text, s) => {
  let a = s.start, b = s.end;
  while (a < b && edge.test(text[a])) a++;
  while (b > a && edge.test(text[b - 1])) b--;
  return `${a}:${b}`;
};
function match(text, gold, ours, typed, exact) {
  const used = new Array(gold.length).fill(false);
  let tp = 0;
  const spurious = [];
  for (const o of [...ours].sort((p, q) => p.start - q.start || p.end - q.end)) {
    let hit = -1;
    for (let g = 0; g < gold.length; g++) {
      if (used[g] || (typed && gold[g].type !== o.type)) continue;
      const ok = exact ? trimmed(text, gold[g]) === trimmed(text, o) : gold[g].start < o.end && o.start < gold[g].end;
      if (ok) { hit = g; break; }
    }
    if (hit >= 0) { used[hit] = true; tp++; } else spurious.push(o);
  }
  return { tp, nGold: gold.length, nOurs: ours.length, missed: gold.filter((_, g) => !used[g]), spurious };
}

const tasks = [
  { corpus: 'meantime', key: 'names', title: 'MEANTIME named entities (PER, LOC, ORG; typed)', typed: true },
  { corpus: 'meantime', key: 'names', title: 'MEANTIME named entities, untyped (found, whatever the type)', typed: false },
  { corpus: 'meantime', key: 'times', title: 'MEANTIME time expressions (untyped)', typed: false },
  { corpus: 'polnear', key: 'quoted', title: 'PolNeAR dev quotations: attributed contents with quote marks', typed: false },
  { corpus: 'polnear', key: 'reported', title: 'PolNeAR dev attributions, direct and indirect', typed: false },
];
const lacking = { names: 'its model has no person, place or organisation entities', quoted: 'it has no quotations', reported: 'it has no quotations' };
const totals = {};   // `${engine}|${task}|${mode}` -> {tp, nGold, nOurs}
const examples = {}; // `${engine}|${task}` -> {missed: [], spurious: []}
const t0 = Date.now();
for (const e of engines) {
  for (const doc of docs) {
    const out = e.run(doc.text);
    for (const task of tasks) {
      if (task.corpus !== doc.corpus || (e.lacks || []).includes(task.key)) continue;
      // one item per span and type (our date line is also one of our values)
      const seen = new Set();
      const ours = out[task.key].filter((s) => s.start < doc.annotatedEnd && !seen.has(`${s.start}:${s.end}:${s.type}`) && seen.add(`${s.start}:${s.end}:${s.type}`));
      for (const exact of [false, true]) {
        const r = match(doc.text, doc.gold[task.key], ours, task.typed, exact);
        const k = `${e.name}|${task.title}|${exact ? 'exact' : 'overlap'}`;
        const t = (totals[k] ||= { tp: 0, nGold: 0, nOurs: 0 });
        t.tp += r.tp; t.nGold += r.nGold; t.nOurs += r.nOurs;
        if (!exact && showErrors) {
          const ex = (examples[`${e.name}|${task.title}`] ||= { missed: [], spurious: [] });
          for (const m of r.missed) ex.missed.push(`${doc.name}: ${JSON.stringify(doc.text.slice(m.start, m.end))} ${m.type || ''}`);
          for (const s of r.spurious) ex.spurious.push(`${doc.name}: ${JSON.stringify(doc.text.slice(s.start, s.end))} ${s.type || ''}`);
        }
      }
    }
  }
}

const pct = (x) => (100 * x).toFixed(1).padStart(5);
console.log(`Article Explorer accuracy beside the peers  node ${process.version}`);
console.log(versions);
const goldCount = (key) => docs.reduce((n, d) => n + (d.gold[key] || []).length, 0);
console.log(`MEANTIME: ${nMeantime} documents, the fully annotated sentences 0-${kFullSentences}; ` +
  `gold ${goldCount('names')} names, ${goldCount('times')} time expressions`);
console.log(`PolNeAR dev: ${docs.length - nMeantime} annotations of ${new Set(docs.map((d) => d.article).filter(Boolean)).size} articles; gold ${goldCount('reported')} attributed content fragments, ` +
  `${goldCount('quoted')} of them in contents with quote marks`);
for (const task of tasks) {
  console.log(`\n${task.title}`);
  console.log('engine        found    overlap P     R    F1    exact P     R    F1');
  for (const e of engines) {
    if ((e.lacks || []).includes(task.key)) { console.log(`${e.name.padEnd(12)}      -    (${lacking[task.key]})`); continue; }
    const row = ['overlap', 'exact'].map((mode) => {
      const t = totals[`${e.name}|${task.title}|${mode}`];
      const p = t.nOurs ? t.tp / t.nOurs : 0, r = t.nGold ? t.tp / t.nGold : 0, f = p + r ? 2 * p * r / (p + r) : 0;
      return `${pct(p)} ${pct(r)} ${pct(f)}`;
    });
    const found = totals[`${e.name}|${task.title}|overlap`].nOurs;
    console.log(`${e.name.padEnd(12)} ${String(found).padStart(6)}    ${row[0]}    ${row[1]}`);
  }
}
if (showErrors) {
  for (const [k, ex] of Object.entries(examples)) {
    console.log(`\n${k}: missed ${ex.missed.length}, spurious ${ex.spurious.length}`);
    for (const m of ex.missed.slice(0, showErrors)) console.log(`  missed   ${m}`);
    for (const s of ex.spurious.slice(0, showErrors)) console.log(`  spurious ${s}`);
  }
}
console.log(`\n${((Date.now() - t0) / 1000).toFixed(1)} s`);
