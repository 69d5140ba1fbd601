// The result JSON (tens of KB) as a string: its end by the typed array's native search and one
// TextDecoder call, where UTF8ToString looks for the end byte by byte in JavaScript.
var resultDecoder = typeof TextDecoder !== 'undefined' ? new TextDecoder('utf-8') : null;
function resultString(p) {
  if (!resultDecoder) return Module['UTF8ToString'](p);
  var heap = Module['HEAPU8'];
  return resultDecoder.decode(heap.subarray(p, heap.indexOf(0, p)));
}

// The text as UTF-8 in wasm memory (malloc'ed; the caller frees it): a well-formed string in
// one native TextEncoder pass (the same bytes as stringToUTF8's), anything else (a lone
// surrogate) or a long text (3 bytes a unit reserved) by lengthBytesUTF8 + stringToUTF8.
var textEncoder = typeof TextEncoder !== 'undefined' ? new TextEncoder() : null;
function textToMemory(text) {
  if (textEncoder && text.isWellFormed && text.length <= (1 << 20) && text.isWellFormed()) {
    var cap = 3 * text.length;
    var p = Module['_malloc'](cap + 1);
    var heap = Module['HEAPU8'];
    var n = textEncoder.encodeInto(text, heap.subarray(p, p + cap)).written;
    heap[p + n] = 0;
    return { p: p, n: n };
  }
  var len = Module['lengthBytesUTF8'](text);
  var q = Module['_malloc'](len + 1);
  Module['stringToUTF8'](text, q, len + 1);
  return { p: q, n: len };
}

// m.analyze(text, optionsJson?) -> JSON string. Text goes into _malloc'ed memory, never through
// ccall's 'string' (that copies onto the 5 MB stack and breaks on big articles).
Module['analyze'] = function (text, options) {
  text = String(text == null ? '' : text);
  if (options != null && typeof options !== 'string') options = JSON.stringify(options);
  options = options || '';
  var t = textToMemory(text);
  var m = Module['lengthBytesUTF8'](options);
  var op = Module['_malloc'](m + 1);
  try {
    Module['stringToUTF8'](options, op, m + 1);
    var rp = Module['_ae_analyze'](t.p, t.n, op, m);
    if (!rp) throw new Error('article-explorer: out of memory');
    try { return resultString(rp); } finally { Module['_ae_free'](rp); }
  } finally {
    Module['_free'](t.p);
    Module['_free'](op);
  }
};
