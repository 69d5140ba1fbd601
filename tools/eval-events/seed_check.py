#!/usr/bin/env python3
"""Seed check: our events on ../shared/seeds/mexico-ecuador.txt against the "events" of its
expected JSON. An expected event is right when one of ours has the same type, a trigger that
overlaps the expected trigger text, and for agent / patient / participant (any role) an argument
whose text contains the expected text or whose entity's canonical name equals it; times are
reported next to it. Usage: tools/eval-events/seed_check.py build/native/article-explorer [SEEDS_DIR]"""
import json, os, subprocess, sys

cli = sys.argv[1] if len(sys.argv) > 1 else "build/native/article-explorer"
seeds = sys.argv[2] if len(sys.argv) > 2 else os.path.join(os.path.dirname(__file__), "../../../shared/seeds")
text_path = os.path.join(seeds, "mexico-ecuador.txt")
exp = json.load(open(os.path.join(seeds, "mexico-ecuador.expected.json")))["events"]
out = json.loads(subprocess.run([cli, "analyze", text_path], capture_output=True, check=True).stdout)
canon = {e["id"]: e["canonical"] for e in out["entities"]}

def arg_ok(ev, role, want):
    for a in ev["arguments"]:
        if role != "participant" and a["role"] != role: continue
        if role == "participant" and a["role"] == "time": continue
        if want.lower() in a["text"].lower() or canon.get(a["entity"]) == want: return True
    return False

right = 0
for x in exp:
    best = None
    for ev in out["events"]:
        t = ev["trigger"]["text"]
        if ev["type"] != x["type"] or not (t in x["trigger"] or x["trigger"] in t): continue
        ok = all(arg_ok(ev, r, x[r]) for r in ("agent", "patient", "participant") if r in x)
        if best is None or ok: best = (ev, ok)
        if ok: break
    ev, ok = best if best else (None, False)
    right += ok
    time = (ev or {}).get("time") or {}
    tnote = f" time {time.get('value')}" + (f" (want {x['time']})" if "time" in x and x["time"] != time.get("value") else "")
    print(("ok  " if ok else "MISS"), x["type"], repr(x["trigger"]), (ev and ev["id"] or "-"), tnote if ev else "")
print(f"seed events: {right}/{len(exp)} right (type, agent, patient)")
