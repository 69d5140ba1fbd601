#!/usr/bin/env bash
# Sets up (Debian packages + npm, as root), builds native and wasm, and runs every test:
# doctest unit tests, golden and bad-input CLI tests (CTest), the Node test of the wasm core
# module against the native CLI, and the browser test of the page in headless Chromium.
set -uo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
export NODE_PATH=/usr/share/nodejs
JOBS="${JOBS:-$(nproc)}"
passed=0; failed=0; failures=()
suite() {   # suite NAME command...
  local name="$1"; shift
  echo; echo "=== $name"
  if "$@"; then passed=$((passed+1)); else failed=$((failed+1)); failures+=("$name"); fi
}
step() { echo; echo "=== $1"; shift; "$@" || { echo "test.sh: '$*' failed"; exit 1; }; }

step "setup" bash scripts/setup.sh
step "configure native" cmake --preset native
step "build native" cmake --build --preset native -j "$JOBS"
suite "ctest (native)" ctest --preset native
step "configure wasm" cmake --preset wasm
step "build wasm" cmake --build --preset wasm -j "$JOBS"
suite "node: wasm core module == native CLI" node --no-experimental-fetch --test tests/node/
if [ -x tests/browser/run.sh ]; then
  suite "browser: the page in headless Chromium" tests/browser/run.sh
fi
echo
[ $failed -eq 0 ] || echo "failed suites: ${failures[*]}"
echo "test suites: $passed passed, $failed failed"
[ $failed -eq 0 ]
