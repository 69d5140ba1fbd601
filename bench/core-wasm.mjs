// Words per second of the wasm core module in Node over a set of text files.
// usage: node --no-experimental-fetch bench/core-wasm.mjs [--tokens-only|--tags-only] [--passes N] FILE...
import { createRequire } from 'node:module';
import fs from 'node:fs';
import path from 'node:path';
import url from 'node:url';

const root = path.resolve(path.dirname(url.fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const args = process.argv.slice(2);
const tokensOnly = args.includes('--tokens-only');
const tagsOnly = args.includes('--tags-only');
// --passes N: exactly N timed passes (for instruction counts under perf stat), else >= 2 s.
const fixedPasses = args.includes('--passes') ? Number(args[args.indexOf('--passes') + 1]) : 0;
const files = args.filter((a, i) => !a.startsWith('--') && args[i - 1] !== '--passes');
if (!files.length) { console.error('usage: core-wasm.mjs [--tokens-only|--tags-only] [--passes N] FILE...'); process.exit(2); }
const m = await require(process.env.AE_CORE_JS ? path.resolve(process.env.AE_CORE_JS) : path.join(root, 'build/wasm/npm'))();
const texts = files.map((f) => fs.readFileSync(f, 'utf8'));
const bytes = texts.reduce((n, t) => n + Buffer.byteLength(t), 0);
const opts = JSON.stringify({ tokens_only: tokensOnly, tags_only: tagsOnly });
// Words as the native bench counts them: word and number tokens, approximated by \p{L}|\p{N} runs.
const words = texts.reduce((n, t) => n + (t.match(/[\p{L}\p{N}]+(?:[-'.,:][\p{L}\p{N}]+)*/gu) || []).length, 0);
for (const t of texts) m.analyze(t, opts);   // warm-up
let passes = 0; const t0 = process.hrtime.bigint(); let secs = 0;
do { for (const t of texts) m.analyze(t, opts); passes++; secs = Number(process.hrtime.bigint() - t0) / 1e9; } while (fixedPasses ? passes < fixedPasses : secs < 2);
const per = secs / passes;
console.log(`files ${texts.length}  bytes ${bytes}  words~ ${words}  passes ${passes}  stages ${tokensOnly ? 'text+tokens+sentences' : tagsOnly ? 'text+tokens+sentences+pos+values+ner' : 'all'} (incl. JSON)`);
console.log(`${Math.round(words / per)} words/s  ${(bytes / per / 1e6).toFixed(2)} MB/s  ${(per * 1e3).toFixed(1)} ms per pass`);
