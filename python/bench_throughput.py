#!/usr/bin/python3
"""Articles per second, side by side on the same input: the CLI's batch (1 and 2 threads), the
Python module (1 and 2 threads), and article_explorer.batch on a local Dask cluster of two
workers; then what a 10 M-article run needs, on paper, from these figures.

    /usr/bin/python3 python/bench_throughput.py [--build build/native] [--every 3] [--rounds 3]

Input: every Nth BBC + Wikinews article of ../shared/data/news as JSONL. The configurations
run in turn, round after round, and the median of each is reported; on a shared machine the
figures move with the load (printed before and after).
"""
import argparse
import concurrent.futures
import glob
import gzip
import io
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
import zlib

def self_cpu():
    r = resource.getrusage(resource.RUSAGE_SELF)
    return r.ru_utime + r.ru_stime


def children_cpu():
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), ".."))


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--build", default=os.path.join(ROOT, "build", "native"))
    p.add_argument("--news", default=os.path.join(ROOT, "..", "shared", "data", "news"))
    p.add_argument("--every", type=int, default=3, help="every Nth article (default 3)")
    p.add_argument("--rounds", type=int, default=5)
    a = p.parse_args()
    cli = os.path.join(a.build, "article-explorer")
    pypath = os.path.join(a.build, "python")
    sys.path.insert(0, pypath)
    import article_explorer as ae
    env = dict(os.environ, PYTHONPATH=pypath)

    files = sorted(glob.glob(os.path.join(a.news, "bbc", "*", "*.txt"))) + sorted(glob.glob(os.path.join(a.news, "wikinews", "*.txt")))
    if not files:
        sys.exit(f"bench_throughput: no articles in {a.news}")
    files = files[::a.every]
    tmp = tempfile.mkdtemp(prefix="ae-bench-")
    src = os.path.join(tmp, "in.jsonl")
    texts = []
    with open(src, "w", encoding="utf-8") as f:
        for path in files:
            with open(path, "rb") as g:
                t = g.read().decode("utf-8", "replace")
            texts.append(t)
            f.write(json.dumps({"id": os.path.relpath(path, a.news), "text": t}, ensure_ascii=False) + "\n")
    n = len(texts)
    in_bytes = os.path.getsize(src)

    # Each run returns (wall seconds, CPU seconds of every process that worked on it).
    def cli_batch(threads):
        out = os.path.join(tmp, f"cli{threads}.jsonl")
        c0, t0 = children_cpu(), time.monotonic()
        subprocess.run([cli, "batch", src, out, "--threads", str(threads)], check=True, stderr=subprocess.DEVNULL)
        return time.monotonic() - t0, children_cpu() - c0

    def module(threads):
        c0, t0 = self_cpu(), time.monotonic()
        if threads == 1:
            for t in texts:
                ae.analyze_json(t)
        else:
            with concurrent.futures.ThreadPoolExecutor(threads) as pool:
                for _ in pool.map(ae.analyze_json, texts):
                    pass
        return time.monotonic() - t0, self_cpu() - c0

    # The Dask run: `python3 -m article_explorer.batch IN OUT --workers 2` without the start of
    # the cluster (started once, as a long run would), CPU of the driver and the two workers.
    from article_explorer import batch
    args = batch.parse_args([src, os.path.join(tmp, "dask.jsonl"), "--workers", "2"])
    (to_dir, outs), _ = batch.output_plan(args)
    t0 = time.monotonic()
    client, cluster = batch.connect(args)
    dask_start = time.monotonic() - t0

    dask_split = []   # (driver CPU, workers' CPU) of each run

    def dask_local():
        w0, c0, t0 = sum(client.run(self_cpu).values()), self_cpu(), time.monotonic()
        stderr, sys.stderr = sys.stderr, io.StringIO()   # the progress line
        try:
            batch.run(args, client, to_dir, outs)
        finally:
            sys.stderr = stderr
        wall = time.monotonic() - t0
        driver, workers = self_cpu() - c0, sum(client.run(self_cpu).values()) - w0
        dask_split.append((driver, workers))
        return wall, driver + workers

    runs = {"CLI batch, 1 thread": lambda: cli_batch(1), "CLI batch, 2 threads": lambda: cli_batch(2),
            "Python module, 1 thread": lambda: module(1), "Python module, 2 threads": lambda: module(2),
            "Dask, local cluster of 2 workers": dask_local}
    ae.analyze_json(texts[0])   # warm-up
    dask_local()
    load0 = os.getloadavg()
    times = {k: [] for k in runs}
    for r in range(a.rounds):
        for name, fn in runs.items():
            times[name].append(fn())
    client.close()
    cluster.close()
    load1 = os.getloadavg()

    print(f"input: {n} articles (1 in {a.every} of the BBC + Wikinews articles), {in_bytes / 1e6:.1f} MB of JSONL; "
          f"{os.cpu_count()} cores; load average {load0[0]:.1f} before, {load1[0]:.1f} after")
    print(f"{'configuration':34} {'median':>7} {'best':>6} {'CPUs':>5} {'per CPU-s':>9}   articles/s of each round")
    rate, per_cpu = {}, {}
    for name, runs_ in times.items():
        walls = [w for w, _ in runs_]
        rate[name] = n / statistics.median(walls)
        per_cpu[name] = statistics.median(n / c for _, c in runs_)
        cpus = statistics.median(c / w for w, c in runs_)
        print(f"{name:34} {rate[name]:7.0f} {n / min(walls):6.0f} {cpus:5.2f} {per_cpu[name]:9.0f}   "
              f"({', '.join(f'{n / w:.0f}' for w in walls)})")
    print("(median and best: articles per second of wall time; CPUs: the CPU time the run got per second, "
          "on a shared machine often less than its threads; per CPU-s: articles per second of CPU)")
    same = open(os.path.join(tmp, "dask.jsonl"), "rb").read() == open(os.path.join(tmp, "cli1.jsonl"), "rb").read()
    print(f"Dask local cluster start: {dask_start:.1f} s, outside the figures; Dask output == CLI output: {same}")
    dask_split = dask_split[-a.rounds:]
    worker_rate = statistics.median(n / w for _, w in dask_split)
    driver_share = statistics.median(d / (d + w) for d, w in dask_split)
    print(f"Dask CPU: the workers {worker_rate:.0f} articles per CPU-second, the driver {100 * driver_share:.0f}% of the run's CPU")

    # What the driver moves: output bytes per article, and how well they compress.
    out = open(os.path.join(tmp, "cli1.jsonl"), "rb").read()
    out_per = len(out) / n
    in_per = in_bytes / n
    t0 = time.monotonic()
    gz = gzip.compress(out, compresslevel=6)
    gz_mb_s = len(out) / (time.monotonic() - t0) / 1e6
    try:
        import lz4.frame
        lz4_ratio = len(out) / len(lz4.frame.compress(out))
    except ImportError:
        lz4_ratio = len(out) / len(zlib.compress(out, 1))
    per_core = per_cpu["CLI batch, 1 thread"]
    # A Dask worker's articles per CPU-second as measured here (the driver runs on a machine of
    # its own in a cluster).
    per_worker = worker_rate
    print()
    print(f"per article: {in_per / 1e3:.1f} KB in, {out_per / 1e3:.1f} KB out; output compresses {lz4_ratio:.1f}x "
          f"on the wire (lz4), {len(out) / len(gz):.1f}x as .gz at {gz_mb_s:.0f} MB/s on one core")
    core_hours = 10e6 / per_core / 3600
    print(f"10 M articles at {per_core:.0f} articles per CPU-second (CLI, 1 thread): {core_hours:.1f} core-hours; "
          f"{10e6 * in_per / 1e9:.0f} GB in, {10e6 * out_per / 1e9:.0f} GB out "
          f"({10e6 * out_per / len(out) * len(gz) / 1e9:.0f} GB as .gz)")
    # One driver reads every line and receives every result: over a 1 Gb/s link (~117 MB/s) it
    # moves in + out/ratio bytes per article (lz4 by Dask for a plain OUT, gzip from the workers
    # for a .gz OUT, which costs each worker out / gz_mb_s seconds per article).
    net_plain = 117e6 / (in_per + out_per / lz4_ratio)
    net_gz = 117e6 / (in_per + out_per * len(gz) / len(out))
    print(f"one driver's network ceiling at 1 Gb/s: ~{net_plain:.0f} articles/s to a plain OUT, ~{net_gz:.0f} to a .gz OUT "
          f"(the workers' gzip: {out_per / gz_mb_s / 1e3:.2f} ms per article)")
    net_rate = net_plain
    print(f"with {per_worker:.0f} articles/s per Dask worker (one core each, as measured per CPU-second):")
    for machines, cores in ((1, 2), (4, 8), (8, 16), (16, 16)):
        w = machines * cores
        r = min(w * per_worker, net_rate)
        secs = 10e6 / r
        took = f"{secs / 3600:.1f} h" if secs >= 3600 else f"{secs / 60:.0f} min"
        print(f"  {machines:2d} machine(s) x {cores:2d} cores = {w:3d} workers: {w * per_worker:7.0f} articles/s, "
              f"{took} for 10 M{f' (driver-bound: {r:.0f} articles/s)' if r < w * per_worker else ''}")


if __name__ == "__main__":
    main()
