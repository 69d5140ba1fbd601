#!/usr/bin/env bash
# Compares two builds of the CLI on every shared article (BBC, Wikinews, PolNeAR train/dev/test,
# the seed), in bytes and UTF-16 offsets: prints IDENTICAL, or the ids of the articles that differ.
# For refactors, whose output must stay byte-identical:
#   git worktree add ../before HEAD~1 && (cd ../before && cmake --preset native && cmake --build --preset native -j --target article-explorer)
#   bash scripts/compare-output.sh ../before/build/native/article-explorer build/native/article-explorer
set -uo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
[ $# -ge 2 ] || { echo "usage: compare-output.sh BEFORE_CLI AFTER_CLI [SHARED_DIR]" >&2; exit 2; }
BEFORE="$1"; AFTER="$2"; SHARED="${3:-$ROOT/../shared}"
[ -d "$SHARED/data/news" ] || { echo "compare-output: $SHARED/data/news not found" >&2; exit 2; }
T="$(mktemp -d)"; trap 'rm -rf "$T"' EXIT
node -e '
const fs = require("fs"), path = require("path"), root = process.argv[1];
const list = (d, deep) => !fs.existsSync(d) ? [] : fs.readdirSync(d).sort().flatMap(n => {
  const p = path.join(d, n);
  return fs.statSync(p).isDirectory() ? (deep ? list(p, false) : []) : (n.endsWith(".txt") && n !== "README.TXT" ? [p] : []); });
const files = [...list(path.join(root, "data/news/bbc"), true), ...list(path.join(root, "data/news/wikinews"), false),
  ...["train", "dev", "test"].flatMap(s => list(path.join(root, "data/polnear", s, "text"), false)), path.join(root, "seeds/mexico-ecuador.txt")];
for (const f of files) if (fs.existsSync(f)) process.stdout.write(JSON.stringify({id: path.relative(root, f), text: fs.readFileSync(f, "utf8")}) + "\n");
' "$SHARED" > "$T/in.jsonl"
n=$(wc -l < "$T/in.jsonl"); rc=0
for off in bytes utf16; do
  "$BEFORE" batch "$T/in.jsonl" "$T/a.jsonl" --offsets $off 2>/dev/null || { echo "compare-output: $BEFORE batch failed"; exit 1; }
  "$AFTER" batch "$T/in.jsonl" "$T/b.jsonl" --offsets $off 2>/dev/null || { echo "compare-output: $AFTER batch failed"; exit 1; }
  if cmp -s "$T/a.jsonl" "$T/b.jsonl"; then echo "IDENTICAL ($off offsets, $n articles)"
  else
    rc=1; echo "DIFFERENT ($off offsets):"
    paste -d '\n' "$T/a.jsonl" "$T/b.jsonl" | awk 'NR%2==1{a=$0; next} a!=$0{n++; if (n<=20) {match(a, /"id":"[^"]*"/); print "  " substr(a, RSTART+6, RLENGTH-7)}} END{print "  articles that differ: " n+0}'
  fi
done
exit $rc
