// The result JSON (tens of KB) as a string: its end by the typed array's native search and one
// TextDecoder call, where UTF8ToString looks for the end byte by byte in JavaScript.
var resultDecoder = typeof TextDecoder !== 'undefined' ? new TextDecoder('utf-8') : null;
function resultString(p) {
  if (!resultDecoder) return Module['UTF8ToString'](p);
  var heap = Module['HEAPU8'];
  return resultDecoder.decode(heap.subarray(p, heap.indexOf(0, p)));
}

// m.analyze(text, optionsJson?) -> JSON string. Text goes through _malloc + stringToUTF8, never
// through ccall's 'string' (that copies onto the 5 MB stack and breaks on big articles).
Module['analyze'] = function (text, options) {
  text = String(text == null ? '' : text);
  if (options != null && typeof options !== 'string') options = JSON.stringify(options);
  options = options || '';
  var n = Module['lengthBytesUTF8'](text);
  var m = Module['lengthBytesUTF8'](options);
  var tp = Module['_malloc'](n + 1);
  var op = Module['_malloc'](m + 1);
  try {
    Module['stringToUTF8'](text, tp, n + 1);
    Module['stringToUTF8'](options, op, m + 1);
    var rp = Module['_ae_analyze'](tp, n, op, m);
    if (!rp) throw new Error('article-explorer: out of memory');
    try { return resultString(rp); } finally { Module['_ae_free'](rp); }
  } finally {
    Module['_free'](tp);
    Module['_free'](op);
  }
};
