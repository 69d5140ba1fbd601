'use strict';
// The Node entry (require): the factory is asynchronous anyway, so it loads the ES module
// entry on its first call. require('article-explorer-core')() -> Promise of the module.
function createArticleExplorer(options) {
  return import('./node.mjs').then((m) => m.default(options));
}
module.exports = createArticleExplorer;
module.exports.default = createArticleExplorer;
