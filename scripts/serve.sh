#!/usr/bin/env bash
# Sets up (scripts/setup.sh: Debian packages + npm, idempotent), builds the page (wasm preset)
# and serves build/wasm/web/ on http://127.0.0.1:PORT/ (default 8080).
#   bash scripts/serve.sh [--port N] [--no-build]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
PORT=8080
BUILD=1
while [ $# -gt 0 ]; do
  case "$1" in
    --port) [ $# -ge 2 ] || { echo "serve.sh: --port needs a number" >&2; exit 2; }; PORT="$2"; shift 2 ;;
    --port=*) PORT="${1#--port=}"; shift ;;
    --no-build) BUILD=0; shift ;;
    -h|--help) sed -n '2,4p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "serve.sh: unknown argument $1 (try --help)" >&2; exit 2 ;;
  esac
done
case "$PORT" in ''|*[!0-9]*) echo "serve.sh: --port needs a number, not '$PORT'" >&2; exit 2 ;; esac

export NODE_PATH=/usr/share/nodejs   # emcc needs Debian's node-acorn
if [ $BUILD -eq 1 ]; then
  bash scripts/setup.sh
  cmake --preset wasm -DAE_BUILD_WEB=ON
  cmake --build --preset wasm -j "${JOBS:-$(nproc)}"
fi
WEB="$ROOT/build/wasm/web"
[ -f "$WEB/index.html" ] || { echo "serve.sh: $WEB/index.html is missing (build failed?)" >&2; exit 1; }

# A small static server in Node (already installed for emcc): GET/HEAD of files under WEB only.
exec node - "$WEB" "$PORT" <<'JS'
const http = require('http'), fs = require('fs'), path = require('path');
const [dir, port] = [path.resolve(process.argv[2]), +process.argv[3]];
const types = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm', '.data': 'application/octet-stream', '.png': 'image/png', '.json': 'application/json' };
const server = http.createServer((req, res) => {
  let rel;
  try { rel = decodeURIComponent(new URL(req.url, 'http://x').pathname); } catch { res.writeHead(400); return res.end(); }
  if (rel.endsWith('/')) rel += 'index.html';
  const file = path.join(dir, path.normalize(rel));
  if ((req.method !== 'GET' && req.method !== 'HEAD') || !file.startsWith(dir + path.sep)) { res.writeHead(404); return res.end(); }
  fs.stat(file, (err, st) => {
    if (err || !st.isFile()) { res.writeHead(404, { 'Content-Type': 'text/plain' }); return res.end('not found\n'); }
    res.writeHead(200, { 'Content-Type': types[path.extname(file)] || 'application/octet-stream',
      'Content-Length': st.size, 'Cache-Control': 'no-cache', 'X-Content-Type-Options': 'nosniff' });
    if (req.method === 'HEAD') return res.end();
    fs.createReadStream(file).pipe(res);
  });
});
server.on('error', (e) => { console.error(`serve.sh: ${e.code === 'EADDRINUSE' ? `port ${port} is in use (try --port N)` : e.message}`); process.exit(1); });
server.listen(port, '127.0.0.1', () => {
  console.log(`Article Explorer: http://127.0.0.1:${server.address().port}/   (serving ${dir}; Ctrl+C to stop)`);
});
JS
