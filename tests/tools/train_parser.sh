#!/usr/bin/env bash
# train-parser end to end on ten project-written sentences (tests/tools/parser): a greedy model
# with the news word clusters of the shipped words model, and a beam-trained one; both evaluated.
set -euo pipefail
TP="${1:?usage: train_parser.sh path/to/train-parser WORDS.bin}"
WORDS="${2:?usage: train_parser.sh path/to/train-parser WORDS.bin}"
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
OUT="$(mktemp -d)"
trap 'rm -rf "$OUT"' EXIT
T="$HERE/parser/train.conllu"; D="$HERE/parser/dev.conllu"
fail() { echo "FAIL: $*"; exit 1; }

"$TP" train --train "$T" --dev "$T" --out "$OUT/greedy.bin" --epochs 3 --seed 1 --clusters "$WORDS" > "$OUT/g.log"
grep -q "train: 8 sentences" "$OUT/g.log" || fail "greedy: train not read"
grep -q "epoch  3: " "$OUT/g.log" || fail "greedy: no third epoch"
grep -q "^wrote " "$OUT/g.log" || fail "greedy: no model written"
"$TP" eval --model "$OUT/greedy.bin" --dev "$T" --clusters "$WORDS" > "$OUT/ge.log"
grep -q "trained for beam 1, decoding with beam 1" "$OUT/ge.log" || fail "greedy: eval header"
# the best of three epochs on its own training sentences fits them (UAS >= 90)
awk '/dev, gold XPOS:/ { if ($5 + 0 < 90) bad = 1; seen = 1 } END { exit !(seen && !bad) }' "$OUT/ge.log" || { cat "$OUT/ge.log"; fail "greedy: training UAS"; }
# without the clusters it was trained with, the model is refused with a clear error
if "$TP" eval --model "$OUT/greedy.bin" --dev "$D" > "$OUT/nc.log" 2>&1; then fail "loaded without its clusters"; fi
grep -q "word clusters" "$OUT/nc.log" || fail "no clear error without clusters"

"$TP" train --train "$T" --dev "$T" --out "$OUT/beam.bin" --epochs 3 --seed 1 --clusters "$WORDS" --beam 3 > "$OUT/b.log"
grep -q "epoch  3: " "$OUT/b.log" || fail "beam: no third epoch"
"$TP" eval --model "$OUT/beam.bin" --dev "$T" --clusters "$WORDS" > "$OUT/be.log"
grep -q "trained for beam 3, decoding with beam 3" "$OUT/be.log" || fail "beam: eval header"
awk '/dev, gold XPOS:/ { if ($5 + 0 < 90) bad = 1; seen = 1 } END { exit !(seen && !bad) }' "$OUT/be.log" || { cat "$OUT/be.log"; fail "beam: training UAS"; }
"$TP" eval --model "$OUT/beam.bin" --dev "$D" --clusters "$WORDS" --beam 1 | grep -q "decoding with beam 1" || fail "beam: --beam 1"
echo "train-parser tiny: ok"
