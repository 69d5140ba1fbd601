#!/usr/bin/env bash
# Sets up (Debian packages + npm, as root), builds native and wasm, and runs every test:
# doctest unit tests, golden and bad-input CLI tests (CTest), the Node test of the wasm core
# module against the native CLI, the npm package installed from its tarball (tests/package/),
# the Python module and the Dask batch against the native CLI (tests/python/), and the browser
# test of the page in headless Chromium.
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
# AE_PYTHON=ON: the Python module is required here (its default, AUTO, skips it without pybind11).
step "configure native" cmake --preset native -DAE_PYTHON=ON
step "build native" cmake --build --preset native -j "$JOBS"
suite "ctest (native)" ctest --preset native
# Debian's interpreter, whose python3-dask and python3-distributed the test's cluster runs on.
suite "python: the module == CLI on every shared article; batch on dask-scheduler + 2 dask-workers == CLI batch, a worker killed mid-run" \
  /usr/bin/python3 tests/python/test_article_explorer.py
# The same unit, golden and CLI tests under AddressSanitizer + UBSan (the corpus run is left to
# the release build: it is a speed/linearity check and ASan slows it tenfold).
step "configure native-debug (ASan + UBSan)" cmake --preset native-debug
step "build native-debug" cmake --build --preset native-debug -j "$JOBS" --target core-tests article-explorer learn-genders train-tagger news-stats train-triggers train-cues train-content train-pronouns train-sources train-attributions train-parser
suite "ctest (native-debug, ASan + UBSan)" ctest --preset native-debug -E corpus
# A short libFuzzer run over the whole core (long runs: docs/robustness.md).
if command -v clang++ >/dev/null; then
  step "configure fuzz" cmake --preset fuzz
  step "build fuzz" cmake --build --preset fuzz -j "$JOBS"
  suite "fuzz: analyze() on arbitrary bytes, ${FUZZ_SECONDS:-180} s" \
    bash -c "mkdir -p build/fuzz/corpus && build/fuzz/tests/fuzz/fuzz-analyze -max_total_time=${FUZZ_SECONDS:-180} -rss_limit_mb=4096 -timeout=30 -print_final_stats=1 build/fuzz/corpus tests/fuzz/corpus 2>&1 | tail -15; exit \${PIPESTATUS[0]}"
fi
step "configure wasm" cmake --preset wasm
step "build wasm" cmake --build --preset wasm -j "$JOBS"
suite "node: wasm core module == native CLI" node --no-experimental-fetch --test tests/node/
suite "package: npm pack, install offline, import/require in Node, a Web Worker in Chromium" \
  node --test tests/package/
if [ -x tests/browser/run.sh ]; then
  suite "browser: the page in headless Chromium" tests/browser/run.sh
fi
echo
[ $failed -eq 0 ] || echo "failed suites: ${failures[*]}"
echo "test suites: $passed passed, $failed failed"
[ $failed -eq 0 ]
