#!/bin/sh
# The entity tagger's training end to end on a few project-written sentences: news-stats learns
# word clusters and case statistics from a tiny JSONL corpus (also gzipped) and cuts two name
# lists by it; train-tagger splits, trains a small model with them, twice (same bytes), and
# scores its output. Usage: train_ner.sh NEWS-STATS TRAIN-TAGGER POS-MODEL
set -u
stats=$1; trainer=$2; pos=$3
dir=$(dirname "$0")/ner
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
fail=0
check() { if ! eval "$2"; then echo "FAIL: $1"; fail=1; fi; }

# Word statistics: every word seen twice gets a cluster path of --depth bits and its case counts.
"$stats" words --corpus "$dir/corpus.jsonl" --out "$tmp/words.tsv" --min-count 2 --depth 3 2>"$tmp/words.log"
check "news-stats words exit" '[ $? -eq 0 ]'
check "words header" 'head -1 "$tmp/words.tsv" | grep -q "^# word"'
check "rotterdam: a 3-bit path, 4 times, always capitalised mid-sentence" 'grep -Eq "^rotterdam	[01]{3}	4	0	4	0	0$" "$tmp/words.tsv"'
check "progress on stderr" 'grep -q "level  3" "$tmp/words.log"'
if command -v gzip >/dev/null; then
  gzip -c "$dir/corpus.jsonl" > "$tmp/corpus.jsonl.gz"
  "$stats" words --corpus "$tmp/corpus.jsonl.gz" --out "$tmp/words-gz.tsv" --min-count 2 --depth 3 2>/dev/null
  check "gzipped corpus gives the same statistics" 'cmp -s "$tmp/words.tsv" "$tmp/words-gz.tsv"'
fi
"$stats" words --corpus "$dir/absent.jsonl" --out "$tmp/x.tsv" >/dev/null 2>&1
check "missing corpus: exit 1" '[ $? -eq 1 ]'
"$stats" words --bogus 1 >/dev/null 2>&1
check "bad usage: exit 2" '[ $? -eq 2 ]'

# Gazetteers: namespace and list lines and disambiguators cleaned, common words cut.
"$stats" gazetteers --lists "WIKI_ORG:$dir/orgs.lst,WIKI_LOC:$dir/places.lst" --corpus "$dir/corpus.jsonl" \
  --out "$tmp/gaz.tsv" --min-count 1 2>/dev/null
check "news-stats gazetteers exit" '[ $? -eq 0 ]'
check "kept: Nordic Shipping" 'grep -q "^WIKI_ORG	Nordic Shipping	" "$tmp/gaz.tsv"'
check "kept: Porto (from Porto, Portugal)" 'grep -q "^WIKI_LOC	Porto	" "$tmp/gaz.tsv"'
check "kept: Bergen (disambiguator cut)" 'grep -q "^WIKI_LOC	Bergen	" "$tmp/gaz.tsv"'
check "cut: Category and List lines" '! grep -Eq "Category|List of" "$tmp/gaz.tsv"'
check "cut: a common word (union)" '! grep -qi "	union	" "$tmp/gaz.tsv"'

# Split, train twice, score.
"$trainer" split --in "$dir/train.txt" --every 3 --train "$tmp/tr.txt" --held "$tmp/held.txt" >/dev/null
check "split: 2 documents train, 1 held" '[ $(grep -c DOCSTART "$tmp/tr.txt") -eq 2 ] && [ $(grep -c DOCSTART "$tmp/held.txt") -eq 1 ]'
train() {
  "$trainer" ner --train "$dir/train.txt" --dev "$dir/train.txt" --pos "$pos" --gazetteers "$tmp/gaz.tsv" \
    --words "$tmp/words.tsv" --learner pa --title-case 2 --epochs 3 --seed 1 --out "$1" --dev-out "$tmp/dev.out" --also "$tmp/held.txt"
}
train "$tmp/a.bin" > "$tmp/train.log" 2>&1
check "train-tagger ner exit" '[ $? -eq 0 ]'
check "an epoch line with its dev score" 'grep -Eq "^epoch  3 .*dev F1 \(quantised\) [0-9.]+" "$tmp/train.log"'
check "word statistics compiled" 'grep -q "^word statistics: [1-9]" "$tmp/train.log"'
check "case variants made" 'grep -q "^case variants: 1 sentences" "$tmp/train.log"'
check "held-out part scored" 'grep -q "^also .*held.txt: F1" "$tmp/train.log"'
check "model written" '[ -s "$tmp/a.bin" ]'
cp "$tmp/a.bin" "$tmp/first.bin"
train "$tmp/a.bin" > /dev/null 2>&1   # the same command (it is recorded in the model): the same bytes
check "deterministic: same bytes" 'cmp -s "$tmp/a.bin" "$tmp/first.bin"'
"$trainer" score "$tmp/dev.out" > "$tmp/score.txt"
check "score of the written model's output" 'grep -Eq "^overall .*F1 +[0-9.]+" "$tmp/score.txt"'
"$trainer" ner --train "$dir/train.txt" --dev "$dir/train.txt" --pos "$pos" --learner bogus --out "$tmp/c.bin" >/dev/null 2>&1
check "unknown learner: exit 2" '[ $? -eq 2 ]'
# The words model POS and NER share; a tiny POS model trained with it, which reads only with it.
"$trainer" words --words "$tmp/words.tsv" --out "$tmp/words.bin" > "$tmp/w.log" 2>&1
check "words model written" '[ -s "$tmp/words.bin" ] && grep -q "clusters fingerprint" "$tmp/w.log"'
printf '1\tRotterdam\t_\tPROPN\tNNP\t_\t2\tnsubj\t_\t_\n2\tgrew\t_\tVERB\tVBD\t_\t0\troot\t_\t_\n3\t.\t_\tPUNCT\t.\t_\t2\tpunct\t_\t_\n\n1\tThe\t_\tDET\tDT\t_\t2\tdet\t_\t_\n2\tport\t_\tNOUN\tNN\t_\t3\tnsubj\t_\t_\n3\tgrew\t_\tVERB\tVBD\t_\t0\troot\t_\t_\n\n' > "$tmp/pos.conllu"
"$trainer" pos --train "$tmp/pos.conllu" --dev "$tmp/pos.conllu" --out "$tmp/pos.bin" --epochs 2 --learner pa --words-model "$tmp/words.bin" > "$tmp/pos.log" 2>&1
check "train-tagger pos with the words model" '[ $? -eq 0 ] && [ -s "$tmp/pos.bin" ] && grep -q "dev acc (quantised)" "$tmp/pos.log"'
"$trainer" eval-pos --model "$tmp/pos.bin" --dev "$tmp/pos.conllu" --words-model "$tmp/words.bin" > "$tmp/ev.log" 2>&1
check "eval-pos with the same words model" '[ $? -eq 0 ] && grep -q "XPOS" "$tmp/ev.log"'
"$trainer" eval-pos --model "$tmp/pos.bin" --dev "$tmp/pos.conllu" > "$tmp/ev2.log" 2>&1
check "eval-pos with other clusters (the embedded ones): refused, retrain" '[ $? -eq 1 ] && grep -q "retrain" "$tmp/ev2.log"'
[ $fail -eq 0 ] && echo "train-ner: all checks passed"
exit $fail
