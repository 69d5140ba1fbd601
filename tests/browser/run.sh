#!/usr/bin/env bash
# The browser test of the page: builds build/wasm/web/ if needed (wasm preset, web on), then
# runs page.test.mjs, which serves that folder on 127.0.0.1 at a free port and drives headless
# Debian Chromium through playwright-core. Screenshots land in build/wasm/web/screenshots/.
#   tests/browser/run.sh                 build + test
#   AE_SKIP_BUILD=1 tests/browser/run.sh test what is there
#   AE_WEB_DIR=other/web tests/browser/run.sh   test another build of the page
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"
export NODE_PATH=/usr/share/nodejs

if [ ! -d tests/browser/node_modules/playwright-core ]; then
  echo "tests/browser: playwright-core is not installed: run scripts/setup.sh (npm ci here)" >&2
  exit 1
fi
if [ "${AE_SKIP_BUILD:-0}" != 1 ] && [ -z "${AE_WEB_DIR:-}" ]; then
  cmake --preset wasm -DAE_BUILD_WEB=ON >/dev/null
  cmake --build --preset wasm -j "${JOBS:-2}" --target ae_web
fi
exec node --test --test-reporter=spec tests/browser/
