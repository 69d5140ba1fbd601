// The Node entry (import): the ES module build with the .wasm read from beside this file.
// Emscripten 3.1.6's ES module output has no working Node path, and fetch() in Node cannot
// read a file URL, so the bytes are handed over as wasmBinary.
import { readFileSync } from 'node:fs';
import createModule from './article-explorer-core.mjs';

const wasmFile = new URL('./article-explorer-core.wasm', import.meta.url);

export default function createArticleExplorer(options = {}) {
  const wasmBinary = options.wasmBinary || readFileSync(wasmFile);
  return createModule({ ...options, wasmBinary });
}
