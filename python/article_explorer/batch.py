"""`article-explorer batch` on a Dask cluster: JSONL shards in, the CLI's JSONL lines out.

Run `python3 -m article_explorer.batch --help`. The driver (this process) reads the shards,
sends chunks of lines to the workers, and writes their output in input order; the workers run
the core (article_explorer._core.batch_chunk, the CLI's per-line code) with the GIL released.
"""
import argparse
import collections
import gzip
import os
import sys
import time
import uuid
import warnings

from . import _core

DESCRIPTION = """\
Analyse {"id","text","date"?} JSONL lines on a Dask cluster and write exactly the lines of
`article-explorer batch`: {"id","analysis"} per article in input order, and {"line","error"}
for a bad line (also reported on stderr with its shard and line number; the run goes on).
Blank lines are skipped.

IN...  JSONL shards, plain or gzip (name ending in .gz); - is stdin.
OUT    a file: every shard's lines in order, the bytes `article-explorer batch` writes for the
       shards concatenated ("line" counts through all of them); - is stdout.
       A directory (an existing one, or a name ending in /): one output per shard, named as the
       shard, each the bytes `article-explorer batch SHARD OUT/SHARD` writes.
       An output whose name ends in .gz is gzip, compressed by the workers: one gzip member per
       chunk, which gzip -d, zcat and Python's gzip read as one stream.

This process (the driver) reads IN and writes OUT; the workers get chunks of lines and send
back their output, so they need no access to the files. Without --scheduler it starts a local
cluster of the machine's cores (one single-threaded worker process per core). With
--scheduler the workers must import article_explorer: start them with PYTHONPATH set to the
build's python folder, e.g.
    PYTHONPATH=build/native/python dask-worker tcp://HOST:8786
A worker that dies mid-run costs only its chunks: the scheduler runs them again on another
worker and the driver writes each chunk once, in order (a chunk that takes down workers
repeatedly, distributed.scheduler.allowed-failures times, 3 by default, fails the run).
Progress goes to stderr.

exit status: 0 success (bad lines included), 1 bad input or cluster failure, 2 bad usage
"""

PROG = "python3 -m article_explorer.batch"


def analyze_chunk(lines, first_line, offsets, gzip_level):
    """Runs on a worker: the CLI's output for `lines` (bytes without '\\n'), numbered from
    first_line, as one gzip member when gzip_level > 0 (a .gz OUT is the members one after the
    other, which gzip reads as one stream: the workers compress, not the driver).
    Returns (output bytes, analysed, [(line, reason), ...])."""
    out, analysed, errors = _core.batch_chunk(lines, first_line, offsets)
    if gzip_level:
        out = gzip.compress(out, compresslevel=gzip_level, mtime=0)
    return out, analysed, errors


def worker_version():
    """Runs on each worker at the start: what it imports."""
    return _core.version, _core.schema, os.path.dirname(os.path.abspath(__file__))


def fail(msg):
    sys.stderr.write(f"{PROG}: {msg}\n")
    return 1


def open_in(path):
    if path == "-":
        return sys.stdin.buffer
    return gzip.open(path, "rb") if path.endswith(".gz") else open(path, "rb")


# gzip's own default: its usual speed/size balance (Python's default, 9, is slower for little).
GZIP_LEVEL = 6


def open_out(path):
    """OUT, written as bytes: a .gz OUT receives gzip members from the workers."""
    return sys.stdout.buffer if path == "-" else open(path, "wb")


def read_chunks(shards, chunk_lines, chunk_bytes, per_shard_numbers):
    """Yields (shard index, first line number in the output, first line number in the shard,
    lines). Lines are split on '\\n' only and keep any '\\r', as std::getline does in the CLI; a
    shard's last line needs no '\\n'. Chunks never span two shards."""
    number = 1
    for k, path in enumerate(shards):
        if per_shard_numbers:
            number = 1
        shard_line = 1
        with open_in(path) as f:
            lines, size = [], 0
            for line in f:
                if line.endswith(b"\n"):
                    line = line[:-1]
                lines.append(line)
                size += len(line)
                if len(lines) >= chunk_lines or size >= chunk_bytes:
                    yield k, number, shard_line, lines
                    number += len(lines)
                    shard_line += len(lines)
                    lines, size = [], 0
            if lines:
                yield k, number, shard_line, lines
                number += len(lines)


def parse_args(argv):
    p = argparse.ArgumentParser(prog=PROG, description=DESCRIPTION, usage=f"{PROG} [options] IN... OUT",
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("paths", nargs="+", metavar="IN... OUT", help="input shards, then the output file or directory")
    p.add_argument("--scheduler", metavar="ADDRESS", help="a running dask-scheduler, e.g. tcp://HOST:8786")
    p.add_argument("--scheduler-file", metavar="FILE", help="the JSON file `dask-scheduler --scheduler-file` wrote")
    p.add_argument("--workers", type=int, metavar="N",
                   help="local cluster only: worker processes (default: the machine's cores, %d)" % (os.cpu_count() or 1))
    p.add_argument("--offsets", choices=["bytes", "utf16"], default="bytes",
                   help="JSON spans in input bytes (default) or UTF-16 code units, as the CLI's --offsets")
    p.add_argument("--chunk-lines", type=int, default=64, metavar="N",
                   help="lines per task (default 64); a chunk also ends after 8 MB of input")
    p.add_argument("--wait-workers", type=float, default=60, metavar="S",
                   help="how long to wait for a first worker to join the scheduler (default 60 s)")
    a = p.parse_args(argv)
    if len(a.paths) < 2:
        p.error("needs at least one IN and an OUT")
    if a.scheduler and a.scheduler_file:
        p.error("--scheduler and --scheduler-file are exclusive")
    if a.workers is not None and (a.scheduler or a.scheduler_file):
        p.error("--workers is for the local cluster; the scheduler's workers are what they are")
    if a.workers is not None and a.workers < 1:
        p.error("--workers must be at least 1")
    if a.chunk_lines < 1:
        p.error("--chunk-lines must be at least 1")
    a.shards, a.out = a.paths[:-1], a.paths[-1]
    if a.shards.count("-") > 1:
        p.error("- (stdin) can be read once")
    return a


def output_plan(a):
    """The output path of each shard (one path for all in file mode), or an error message."""
    for s in a.shards:
        if s != "-" and not os.path.exists(s):
            return None, f"cannot open '{s}': No such file or directory"
        if s != "-" and os.path.isdir(s):
            return None, f"cannot read '{s}': it is a directory"
    to_dir = a.out != "-" and (a.out.endswith("/") or os.path.isdir(a.out))
    if not to_dir:
        outs = [a.out] * len(a.shards)
    else:
        if "-" in a.shards:
            return None, "stdin cannot be written to a directory: name an OUT file"
        names = [os.path.basename(s) for s in a.shards]
        dup = [n for n, c in collections.Counter(names).items() if c > 1]
        if dup:
            return None, f"two shards named '{dup[0]}' would write the same file in '{a.out}'"
        os.makedirs(a.out, exist_ok=True)
        outs = [os.path.join(a.out, n) for n in names]
    for s, o in zip(a.shards, outs):
        if s != "-" and o != "-" and os.path.exists(o) and os.path.samefile(s, o):
            return None, f"OUT '{o}' is the same file as IN: it would be overwritten before it is read"
    return (to_dir, outs), None


def connect(a):
    """A dask.distributed Client, and the LocalCluster it owns (None with --scheduler)."""
    from distributed import Client, LocalCluster
    if a.scheduler or a.scheduler_file:
        return Client(address=a.scheduler, scheduler_file=a.scheduler_file, timeout="30s"), None
    # Worker processes import article_explorer from where this one did.
    here = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    os.environ["PYTHONPATH"] = here + (os.pathsep + os.environ["PYTHONPATH"] if os.environ.get("PYTHONPATH") else "")
    cluster = LocalCluster(n_workers=a.workers or os.cpu_count() or 1, threads_per_worker=1,
                           processes=True, dashboard_address=None)
    return Client(cluster), cluster


def check_workers(client, wait_s):
    """The workers import the same core as this process, or an error message."""
    if not client.scheduler_info()["workers"]:
        sys.stderr.write(f"{PROG}: waiting up to {wait_s:g} s for a worker\n")
        try:
            client.wait_for_workers(1, timeout=wait_s)
        except Exception:
            return f"no worker joined the scheduler in {wait_s:g} s"
    try:
        versions = client.run(worker_version)
    except Exception as e:   # ModuleNotFoundError on a worker comes back here
        return (f"a worker cannot import article_explorer ({type(e).__name__}: {e}); start dask-worker "
                f"with PYTHONPATH=<build>/python (the folder that holds article_explorer/)")
    mine = (_core.version, _core.schema)
    for w, v in versions.items():
        if tuple(v[:2]) != mine:
            return f"worker {w} runs article_explorer {v[0]} (schema {v[1]}), this driver {mine[0]} (schema {mine[1]})"
    return None


def run(a, client, to_dir, outs):
    """Submits chunks (at most a few per worker thread at a time), writes results in order."""
    # Each chunk's lines go to one worker once, by design: Dask's advice to scatter big task
    # arguments ahead of time does not apply.
    warnings.filterwarnings("ignore", message="Large object of size", category=UserWarning)
    threads = sum(w["nthreads"] for w in client.scheduler_info()["workers"].values()) or 1
    max_in_flight = max(8, 4 * threads)
    run_id = uuid.uuid4().hex[:12]
    pending = collections.deque()   # (future, shard, first line, first shard line), in input order
    chunks = read_chunks(a.shards, a.chunk_lines, 8 << 20, per_shard_numbers=to_dir)
    shard_names = ["stdin" if s == "-" else s for s in a.shards]
    out_files = {}
    written = set()
    lines_read = analysed = bad = 0
    t0 = last_progress = time.monotonic()
    more = True
    next_key = 0

    def progress(final=False):
        secs = time.monotonic() - t0
        rate = analysed / secs if secs > 0 else 0.0
        tail = f" in {secs:.2f} s\n" if final else ""
        sys.stderr.write(f"\rbatch: {lines_read} lines read, {analysed} analysed, {bad} bad, {rate:.1f} articles/s{tail}")
        sys.stderr.flush()

    try:
        while more or pending:
            while more and len(pending) < max_in_flight:
                c = next(chunks, None)
                if c is None:
                    more = False
                    break
                k, first, shard_first, lines = c
                level = GZIP_LEVEL if outs[k].endswith(".gz") else 0
                fut = client.submit(analyze_chunk, lines, first, a.offsets, level, key=f"ae-batch-{run_id}-{next_key}", pure=False)
                next_key += 1
                pending.append((fut, k, first, shard_first, len(lines)))
            if not pending:
                break
            fut, k, first, shard_first, n = pending.popleft()
            out, done, errors = fut.result()
            fut.release()
            path = outs[k]
            f = out_files.get(path)
            if f is None:
                for old in list(out_files):   # directory mode: one shard's file open at a time
                    if old != "-":
                        out_files.pop(old).close()
                f = out_files[path] = open_out(path)
                written.add(path)
            f.write(out)
            lines_read += n
            analysed += done
            for line, reason in errors:
                bad += 1
                sys.stderr.write(f"\n{PROG}: {shard_names[k]}:{line - first + shard_first}: {reason}; line skipped\n")
            now = time.monotonic()
            if now - last_progress >= 0.5:
                progress()
                last_progress = now
        # An input with no line at all still gets its empty output (a valid empty .gz).
        for path in set(outs) - written:
            if path != "-":
                with open_out(path) as f:
                    f.write(gzip.compress(b"", mtime=0) if path.endswith(".gz") else b"")
    finally:
        for path, f in out_files.items():
            if path == "-":
                f.flush()
            else:
                f.close()
    progress(final=True)


def main(argv=None):
    a = parse_args(sys.argv[1:] if argv is None else argv)
    plan, err = output_plan(a)
    if err:
        return fail(err)
    to_dir, outs = plan
    # Output files are created as their first chunk arrives; a file OUT is tried up front so that
    # a wrong path fails before the cluster starts.
    if not to_dir and a.out != "-":
        try:
            open_out(a.out).close()
        except OSError as e:
            return fail(f"cannot write '{a.out}': {e.strerror}")
    try:
        client, cluster = connect(a)
    except Exception as e:
        return fail(f"cannot reach the scheduler: {type(e).__name__}: {e}")
    try:
        err = check_workers(client, a.wait_workers)
        if err:
            return fail(err)
        n = len(client.scheduler_info()["workers"])
        where = a.scheduler or a.scheduler_file or "a local cluster"
        sys.stderr.write(f"{PROG}: {len(a.shards)} shard(s) on {where}, {n} worker(s)\n")
        run(a, client, to_dir, outs)
    except OSError as e:
        return fail(f"{e.filename or ''}: {e.strerror or e}")
    except Exception as e:
        return fail(f"{type(e).__name__}: {e}")
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
