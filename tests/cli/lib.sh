# Shared by the CLI test scripts: the CLI under test, a scratch folder, pass/fail counting.
#   source "$(dirname "$0")/lib.sh" "$@"     (then ok NAME / bad NAME, and `finish NAME` last)
set -uo pipefail
CLI="${1:?usage: $(basename "$0") path/to/article-explorer}"
T="$(mktemp -d)"; trap 'rm -rf "$T"' EXIT
pass=0; fail=0
ok()  { echo "ok   $1"; pass=$((pass+1)); }
bad() { echo "FAIL $1"; fail=$((fail+1)); }
finish() { echo "$1: $pass passed, $fail failed"; [ $fail -eq 0 ]; }
