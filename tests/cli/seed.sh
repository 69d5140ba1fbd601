#!/usr/bin/env bash
# The owner's seed article: date line, boilerplate and sentence boundaries a reader agrees with.
# Skips (exit 77) when the shared data ($AE_SHARED_DIR, else ../shared) is absent.
set -euo pipefail
CLI="${1:?usage: seed.sh path/to/article-explorer}"
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
SEED="${AE_SHARED_DIR:-$ROOT/../shared}/seeds/mexico-ecuador.txt"
[ -f "$SEED" ] || { echo "skip: $SEED absent"; exit 77; }
"$CLI" analyze "$SEED" | python3 -c '
import json, sys
seed = open(sys.argv[1], "rb").read()
d = json.load(sys.stdin)
def txt(s): return seed[s["start"]:s["end"]].decode()
assert d["reference_date"] == "2024-04-06", d["reference_date"]
boiler = [txt(p) for p in d["paragraphs"] if p["boilerplate"]]
assert len(boiler) == 3, boiler
assert boiler[0].endswith("Credit: AP") and boiler[1].endswith("Credit: AP") and boiler[2].startswith("Want a quick")
sents = [txt(s) for s in d["sentences"]]
assert sents[0].startswith("Mexico is severing") and sents[0].endswith("Jorge Glas."), sents[0]
want = [
  "“This is not possible. It cannot be. This is crazy,” Roberto Canseco, head of the Mexican consular section in Quito, told local press while standing outside the embassy.",
  "“I am very worried because they could kill him. There is no basis to do this. This is totally outside the norm.”",
  "She also said Mexican diplomats were only waiting for the Ecuadorian government to offer the necessary guarantees for their return home.",
  "Ecuadorian authorities are still investigating more allegations against him.",
]
for w in want: assert w in sents, w
assert not any("Credit: AP" in s for s in sents)
assert len(sents) == 19, len(sents)
print("seed: reference_date, 3 boilerplate paragraphs, 19 sentences: ok")
' "$SEED"
# The quotes a careful reader marks (the seed's expected.json): each found with its kind and speaker, and
# few others (a quote split in two, a partial kept apart, a scare quote are fine; junk is not).
"$CLI" analyze "$SEED" | python3 -c '
import json, sys
d = json.load(sys.stdin)
exp = json.load(open(sys.argv[1]))["quotes"]
ents = {e["id"]: e for e in d["entities"]}
def name(q):
    return ents[q["speaker"]]["canonical"] if q.get("speaker") in ents else (q.get("speaker_text") or "")
bad = []
for x in exp:
    t = x["text"].strip(" .,")
    got = [q for q in d["quotes"] if t in q["text"] or q["text"].strip(" .,") in t]
    want = x["speaker"]
    good = [q for q in got if q["kind"] == x["kind"] and ((want is None and not q.get("speaker_text")) or
            (want is not None and (name(q) == want or (len(name(q)) > 4 and want.startswith(name(q))))))]
    if not good: bad.append((x["text"][:60], x["kind"], want, [(q["text"][:40], q["kind"], name(q)) for q in got]))
assert not bad, bad
assert len(d["quotes"]) <= len(exp) + 3, [q["text"][:40] for q in d["quotes"]]
print("seed: %d/%d expected quotes with their kinds and speakers (%d quotes): ok" % (len(exp), len(exp), len(d["quotes"])))
' "${SEED%.txt}.expected.json"
