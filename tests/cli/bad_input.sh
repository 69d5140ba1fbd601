#!/usr/bin/env bash
# Bad input is normal input: the CLI answers with valid JSON (exit 0) or a one-line error (exit
# 1), never crashes, never hangs. Usage errors exit 2.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh" "$@"

# expect NAME FILE WANT_EXIT [extra args...]
expect() {
  local name="$1" file="$2" want="$3"; shift 3
  timeout 300 "$CLI" analyze "$@" "$file" > "$T/out" 2> "$T/err"; local rc=$?
  if [ $rc -ne "$want" ]; then bad "$name: exit $rc, wanted $want ($(head -c 200 "$T/err"))"; return; fi
  if [ "$want" -eq 0 ]; then
    python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); n=int(sys.argv[2]); assert d["schema"]=="article-explorer/1"; assert all(0<=s["start"]<=s["end"]<=n for s in d["sentences"]+d["paragraphs"])' "$T/out" "$(stat -c %s "$file")" \
      || { bad "$name: output is not valid article-explorer/1 JSON with spans inside the input"; return; }
  else
    [ "$(wc -l < "$T/err")" -eq 1 ] || { bad "$name: error is not one line: $(cat "$T/err")"; return; }
  fi
  ok "$name"
}

: > "$T/empty.txt"
expect "empty file" "$T/empty.txt" 0

# 20 MB in release builds; sanitizer builds (10x slower) use AE_BIG_MB=4 (tests/CMakeLists.txt).
BIG_MB="${AE_BIG_MB:-20}"
python3 - "$T" "$BIG_MB" <<'PY'
import sys, os, random
t = sys.argv[1]
big_mb = int(sys.argv[2])
random.seed(7)
para = "The minister said on Friday that “talks would resume”, adding: \"We are ready.\" Prices rose 4.5% in March. "
with open(f"{t}/big.txt", "w") as f:
    n = 0
    while n < big_mb * 1024 * 1024:
        s = para * 5 + "\n\n"; f.write(s); n += len(s.encode())
with open(f"{t}/oneline.txt", "w") as f:
    f.write(("word " * 100 + "“unbalanced ") * 900)          # ~500 KB, one line, open quotes
base = open(f"{t}/big.txt", "rb").read(3000)
with open(f"{t}/invalid.txt", "wb") as f:
    f.write(base[:500] + b"\xff\xfe\xc3(\xed\xa0\x80\xf4\x90\x80\x80" + base[500:1000])
with open(f"{t}/nul.txt", "wb") as f:
    f.write(base[:400] + b"\x00" * 3 + base[400:900])
with open(f"{t}/junk.bin", "wb") as f:
    f.write(bytes(random.getrandbits(8) for _ in range(200000)))
with open(f"{t}/html.txt", "w") as f:
    f.write("<html><body><script>var x = '<p>';</script><p>Hello “world”.</p></body></html>")
with open(f"{t}/rtl-emoji.txt", "w") as f:
    f.write("قال الوزير أمس إن المحادثات ستستأنف. 😀👍🏽 שלום עולם. Done.")
with open(f"{t}/quotes.txt", "w") as f:
    f.write("\"“”‘’'" * 20000)
PY

expect "$BIG_MB MB of text" "$T/big.txt" 0
expect "one 500 KB line with unbalanced quotes" "$T/oneline.txt" 0
expect "invalid UTF-8" "$T/invalid.txt" 0
expect "NUL bytes" "$T/nul.txt" 0
expect "binary junk is refused" "$T/junk.bin" 1
expect "HTML" "$T/html.txt" 0
expect "right-to-left scripts and emoji" "$T/rtl-emoji.txt" 0
expect "120k quote marks" "$T/quotes.txt" 0
expect "missing file" "$T/does-not-exist.txt" 1
expect "a directory is refused" "$T" 1
expect "an endless device stops at the size limit" /dev/zero 1

# stdin and usage errors
if printf 'From stdin. Second.' | "$CLI" analyze - | python3 -c 'import json,sys; assert len(json.load(sys.stdin)["sentences"])==2'; then ok "stdin"; else bad "stdin"; fi
head -c 70000000 /dev/zero | timeout 300 "$CLI" analyze - > /dev/null 2> "$T/err"; rc=$?
[ $rc -eq 1 ] && grep -q "stdin is over the limit" "$T/err" && ok "stdin over the size limit is exit 1" || bad "stdin over the size limit: exit $rc"
"$CLI" analyze --offsets furlongs "$T/empty.txt" 2>/dev/null; [ $? -eq 2 ] && ok "bad --offsets is exit 2" || bad "bad --offsets is exit 2"
"$CLI" analyze --reference-date 2024-13-01 "$T/empty.txt" 2>/dev/null; [ $? -eq 2 ] && ok "bad --reference-date is exit 2" || bad "bad --reference-date is exit 2"
"$CLI" frobnicate 2>/dev/null; [ $? -eq 2 ] && ok "unknown command is exit 2" || bad "unknown command is exit 2"
"$CLI" --help | grep -q "analyze" && ok "--help" || bad "--help"
"$CLI" --version | grep -q "article-explorer" && ok "--version" || bad "--version"

finish bad-input
