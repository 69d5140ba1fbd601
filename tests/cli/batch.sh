#!/usr/bin/env bash
# `batch`: JSONL in, JSONL out in input order; a bad line is reported on stderr with its number
# and written as {"line","error"}, the run goes on; --threads N gives the same bytes as one
# thread; - is stdin/stdout; OUT may not be IN (it would be truncated before it is read).
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh" "$@"

# 300 good lines (more than one 256-line window), with a bad one, an object without text and a
# blank line among them; every 50th carries a date.
python3 - "$T" <<'PY'
import json, sys
t = sys.argv[1]
with open(f"{t}/in.jsonl", "w") as f:
    for k in range(300):
        art = {"id": f"a{k}", "text": f"Minister Ana Silva {k} said on Friday that talks with the union would resume. \"We are ready,\" she told reporters."}
        if k % 50 == 0: art["date"] = "2024-04-05"
        f.write(json.dumps(art) + "\n")
        if k == 9: f.write("{not json\n")                 # line 11
        if k == 19: f.write('{"id": "x", "text": 42}\n')  # line 22
        if k == 29: f.write("\n")                         # line 33: blank, ignored
PY

timeout 300 "$CLI" batch "$T/in.jsonl" "$T/out1.jsonl" --threads 1 2> "$T/err1"; rc=$?
[ $rc -eq 0 ] && ok "exit 0 with bad lines in the input" || bad "exit $rc with bad lines in the input: $(tail -c 300 "$T/err1")"
python3 - "$T/out1.jsonl" <<'PY' && ok "300 analyses in input order, 2 errors with their line numbers, dates used" || bad "output lines"
import json, sys
rows = [json.loads(l) for l in open(sys.argv[1])]
assert len(rows) == 302, len(rows)
errors = [r for r in rows if "error" in r]
assert [r["line"] for r in errors] == [11, 22], errors
good = [r for r in rows if "analysis" in r]
assert [r["id"] for r in good] == [f"a{k}" for k in range(300)]
for k, r in enumerate(good):
    a = r["analysis"]
    assert a["schema"] == "article-explorer/1"
    assert a["reference_date"] == ("2024-04-05" if k % 50 == 0 else None), (k, a["reference_date"])
    assert any(e["canonical"].startswith("Ana Silva") for e in a["entities"]), (k, a["entities"])
    assert len(a["quotes"]) >= 1
PY
grep -q "in.jsonl:11: not valid JSON; line skipped" "$T/err1" && grep -q "in.jsonl:22: expected an object" "$T/err1" \
  && ok "bad lines reported on stderr with their numbers" || bad "stderr: $(tr '\r' '\n' < "$T/err1" | head -5)"
grep -q "batch: 303 lines read, 300 analysed, 2 bad" "$T/err1" && ok "progress and summary on stderr" || bad "summary: $(tr '\r' '\n' < "$T/err1" | tail -2)"

timeout 300 "$CLI" batch "$T/in.jsonl" "$T/out2.jsonl" --threads 2 2> /dev/null \
  && cmp -s "$T/out1.jsonl" "$T/out2.jsonl" && ok "--threads 2 writes the same bytes as 1" || bad "--threads 2 differs from --threads 1"

head -n 5 "$T/in.jsonl" | timeout 60 "$CLI" batch - - 2> /dev/null > "$T/out3.jsonl"
[ "$(wc -l < "$T/out3.jsonl")" -eq 5 ] && head -n 5 "$T/out1.jsonl" | cmp -s - "$T/out3.jsonl" \
  && ok "- reads stdin and writes stdout" || bad "- as IN and OUT"

cp "$T/in.jsonl" "$T/same.jsonl"
"$CLI" batch "$T/same.jsonl" "$T/same.jsonl" 2> "$T/err4"; rc=$?
[ $rc -eq 2 ] && cmp -s "$T/in.jsonl" "$T/same.jsonl" && ok "OUT = IN is refused and IN is kept" || bad "OUT = IN: exit $rc, $(cat "$T/err4")"
"$CLI" batch "$T/missing.jsonl" "$T/o.jsonl" 2> /dev/null; [ $? -eq 1 ] && ok "missing IN is exit 1" || bad "missing IN"
"$CLI" batch "$T" "$T/o.jsonl" 2> /dev/null; [ $? -eq 1 ] && ok "a directory as IN is exit 1" || bad "a directory as IN"
"$CLI" batch "$T/in.jsonl" "$T/o.jsonl" --threads 0 2> /dev/null; [ $? -eq 2 ] && ok "--threads 0 is exit 2" || bad "--threads 0"
"$CLI" batch "$T/in.jsonl" 2> /dev/null; [ $? -eq 2 ] && ok "no OUT is exit 2" || bad "no OUT"

finish batch
