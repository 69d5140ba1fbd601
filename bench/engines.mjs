// What peers.mjs and accuracy.mjs both load, with the same messages when something is missing:
// our core wasm module (AE_CORE_JS or the package folder build/wasm/npm/) and the pinned peer packages (`npm ci`).
import { createRequire } from 'node:module';
import fs from 'node:fs';
import path from 'node:path';
import url from 'node:url';

const here = path.dirname(url.fileURLToPath(import.meta.url));
const root = path.resolve(here, '..');
const require = createRequire(import.meta.url);

// Exits the process (status 1) with a one-line reason when the module or a package is missing.
export async function loadEngines() {
  const wasmPath = process.env.AE_CORE_JS ? path.resolve(process.env.AE_CORE_JS) : path.join(root, 'build/wasm/npm');
  if (!fs.existsSync(wasmPath)) {
    console.error(`missing ${path.relative(process.cwd(), wasmPath)}: build it first with\n` +
      '  cmake --preset wasm && cmake --build --preset wasm -j2 --target article-explorer-core');
    process.exit(1);
  }
  let compromise, winkNLP, winkModel;
  try {
    compromise = (await import('compromise')).default;
    winkNLP = require('wink-nlp');
    winkModel = require('wink-eng-lite-web-model');
  } catch (e) {
    console.error(`cannot load the peer packages (${e.message.split('\n')[0]}): run \`npm ci\` in bench/ first`);
    process.exit(1);
  }
  const version = (pkg) => JSON.parse(fs.readFileSync(path.join(here, 'node_modules', pkg, 'package.json'), 'utf8')).version;
  return {
    core: await require(wasmPath)(),
    compromise,
    wink: winkNLP(winkModel),
    versions: `compromise ${version('compromise')}  wink-nlp ${version('wink-nlp')}  wink-eng-lite-web-model ${version('wink-eng-lite-web-model')}`,
  };
}
