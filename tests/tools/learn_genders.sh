#!/bin/sh
# learn-genders on two project-written articles: each name's gender from its honorifics and
# the He/She sentences after it; a bad option or a missing input is refused.
set -u
bin=$1; dir=$(dirname "$0")/genders
fail=0
out=$("$bin" --min-count 2 "$dir" 2>/dev/null) || { echo "FAIL: exit $?"; fail=1; }
printf '%s\n' "$out" | grep -q "^alice	f	" || { echo "FAIL: alice is not f"; fail=1; }
printf '%s\n' "$out" | grep -q "^bertram	m	" || { echo "FAIL: bertram is not m"; fail=1; }
printf '%s\n' "$out" | grep -q "^# First names" || { echo "FAIL: no header"; fail=1; }
"$bin" --min-count 99 "$dir" 2>/dev/null | grep -q "^alice" && { echo "FAIL: --min-count ignored"; fail=1; }
"$bin" --bogus "$dir" >/dev/null 2>&1; [ $? -eq 2 ] || { echo "FAIL: unknown option not exit 2"; fail=1; }
"$bin" "$dir/absent" >/dev/null 2>&1; [ $? -eq 1 ] || { echo "FAIL: missing input not exit 1"; fail=1; }
[ $fail -eq 0 ] && echo "learn-genders: all checks passed"
exit $fail
