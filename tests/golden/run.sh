#!/usr/bin/env bash
# Golden tests: each article in assets/samples/ through the CLI must give exactly the JSON in
# tests/golden/<name>.json. After an intended change of output: tests/golden/run.sh CLI --update
set -euo pipefail
CLI="${1:?usage: run.sh path/to/article-explorer [--update]}"
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
update="${2:-}"
fail=0; n=0
for f in "$ROOT"/assets/samples/*.txt; do
  name="$(basename "$f" .txt)"
  want="$HERE/$name.json"
  got="$("$CLI" analyze --pretty "$f")"
  n=$((n+1))
  if [ "$update" = "--update" ]; then printf '%s\n' "$got" > "$want"; echo "updated $want"; continue; fi
  if [ ! -f "$want" ]; then echo "FAIL $name: no golden file $want (run with --update)"; fail=$((fail+1)); continue; fi
  if ! diff -u "$want" <(printf '%s\n' "$got") > /tmp/golden-$$.diff; then
    echo "FAIL $name: output differs from $want"; head -60 /tmp/golden-$$.diff; fail=$((fail+1))
  else echo "ok   $name"; fi
done
rm -f /tmp/golden-$$.diff
echo "golden: $((n-fail)) passed, $fail failed"
[ $fail -eq 0 ]
