#!/usr/bin/python3
"""The Python module and the Dask batch against the native CLI, with the real engine.

- article_explorer.analyze_json() gives the CLI's JSON on every shared BBC + Wikinews article
  (bytes and UTF-16 offsets, with and without a reference date); bad options raise ValueError;
  the GIL is released while the core runs.
- `python3 -m article_explorer.batch` on a dask-scheduler with two dask-worker processes on
  127.0.0.1 writes the bytes of `article-explorer batch`, bad lines reported with their numbers,
  also when a worker is killed mid-run; gzip shards, a directory OUT, a local cluster.

Run: /usr/bin/python3 tests/python/test_article_explorer.py   (scripts/test.sh does it)
Environment: AE_BUILD (default build/native), AE_SHARED_DIR (default ../shared beside the
checkout; without its data/news the two sample articles, repeated, stand in).
"""
import glob
import gzip
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
import unittest
import warnings

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
BUILD = os.path.abspath(os.environ.get("AE_BUILD", os.path.join(ROOT, "build", "native")))
CLI = os.path.join(BUILD, "article-explorer")
PYPATH = os.path.join(BUILD, "python")
SHARED = os.path.abspath(os.environ.get("AE_SHARED_DIR", os.path.join(ROOT, "..", "shared")))
NEWS = os.path.join(SHARED, "data", "news")
sys.path.insert(0, PYPATH)
import article_explorer as ae   # noqa: E402  (from the build folder)

ENV = dict(os.environ, PYTHONPATH=PYPATH)
TMP = None
ARTICLES = []      # (id, file path, raw bytes)
TOTAL_LINES = 0


def articles():
    files = sorted(glob.glob(os.path.join(NEWS, "bbc", "*", "*.txt"))) + sorted(glob.glob(os.path.join(NEWS, "wikinews", "*.txt")))
    if files:
        return [(os.path.relpath(f, NEWS), f) for f in files]
    print(f"# {NEWS} absent: the articles of assets/samples stand in, repeated", file=sys.stderr)
    samples = sorted(glob.glob(os.path.join(ROOT, "assets", "samples", "*.txt")))
    return [(f"{os.path.basename(f)}#{k}", f) for k in range(1000) for f in samples]


def jsonl_line(art_id, text, k):
    o = {"id": art_id, "text": text}
    if k % 7 == 0:
        o["date"] = "2005-03-01"
    return json.dumps(o, ensure_ascii=False) + "\n"


# Bad lines among the articles, at known places: (after article k, the line). Blank lines are
# skipped without a report; 500 falls in the second shard (part2.jsonl).
BAD_LINES = {100: "{not json\n", 200: '{"id": 1, "text": 5}\n', 300: "\n", 400: "  \r\n", 500: '["an array"]\n'}
NOT_JSON, NO_TEXT = "not valid JSON", 'expected an object with a string "text"'
REPORTED = {100: NOT_JSON, 200: NO_TEXT, 500: NO_TEXT}
BAD = []           # (line number in all.jsonl, reason)


def setUpModule():
    global TMP, TOTAL_LINES
    TMP = tempfile.mkdtemp(prefix="ae-python-test-")
    lines = []
    for k, (art_id, path) in enumerate(articles()):
        with open(path, "rb") as f:
            raw = f.read()
        ARTICLES.append((art_id, path, raw))
        lines.append(jsonl_line(art_id, raw.decode("utf-8", "replace"), k))
        if k in BAD_LINES:
            lines.append(BAD_LINES[k])
            if k in REPORTED:
                BAD.append((len(lines), REPORTED[k]))
    TOTAL_LINES = len(lines)
    write(os.path.join(TMP, "all.jsonl"), lines)
    # Two small shards of the first lines, the first gzip, the second plain; head.jsonl is both.
    part = min(400, len(lines) // 4)
    write(os.path.join(TMP, "part1.jsonl.gz"), lines[:part])
    write(os.path.join(TMP, "part1.jsonl"), lines[:part])
    write(os.path.join(TMP, "part2.jsonl"), lines[part:2 * part])
    write(os.path.join(TMP, "head.jsonl"), lines[:2 * part])
    # The CLI's output, the reference for everything below.
    for name, offsets in (("all", "bytes"), ("all", "utf16"), ("part1", "bytes"), ("part2", "bytes"),
                          ("part2", "utf16"), ("head", "bytes")):
        subprocess.run([CLI, "batch", os.path.join(TMP, f"{name}.jsonl"), os.path.join(TMP, f"cli-{name}-{offsets}.jsonl"),
                        "--threads", "2", "--offsets", offsets], check=True, stderr=subprocess.DEVNULL)


def write(path, lines):
    with (gzip.open(path, "wt", encoding="utf-8") if path.endswith(".gz") else open(path, "w", encoding="utf-8")) as f:
        f.writelines(lines)


def tearDownModule():
    shutil.rmtree(TMP, ignore_errors=True)


def read(path):
    with (gzip.open(path, "rb") if path.endswith(".gz") else open(path, "rb")) as f:
        return f.read()


def text_of(path):
    with open(path, errors="replace") as f:
        return f.read()


def first_difference(a, b):
    la, lb = a.split(b"\n"), b.split(b"\n")
    for k, (x, y) in enumerate(zip(la, lb)):
        if x != y:
            return f"line {k + 1} differs: {x[:120]!r} vs {y[:120]!r}"
    return f"{len(la)} lines vs {len(lb)}"


class Case(unittest.TestCase):
    def assertSameBytes(self, got_path, want_path):
        got, want = read(got_path), read(want_path)
        if got != want:
            self.fail(f"{got_path} differs from {want_path}: {first_difference(got, want)}")


class Module(Case):
    def cli_analyses(self, offsets):
        """id -> the "analysis" bytes of the CLI's batch line."""
        out = {}
        for line in read(os.path.join(TMP, f"cli-all-{offsets}.jsonl")).splitlines():
            if line.startswith(b'{"id":'):
                head, sep, rest = line.partition(b',"analysis":')
                out[json.loads(head[6:])] = rest[:-1]
        return out

    def test_json_equals_cli_on_every_article(self):
        for offsets in ("bytes", "utf16"):
            cli = self.cli_analyses(offsets)
            self.assertEqual(len(cli), len(ARTICLES))
            for k, (art_id, _, raw) in enumerate(ARTICLES):
                date = "2005-03-01" if k % 7 == 0 else None
                text = raw.decode("utf-8", "replace")
                got = ae.analyze_json(text, reference_date=date, offsets=offsets)
                self.assertEqual(got.encode("utf-8"), cli[art_id], f"{art_id} ({offsets})")
        print(f"\n# module == CLI batch on {len(ARTICLES)} articles, bytes and utf16 offsets", file=sys.stderr)

    def test_bytes_input_equals_cli_analyze(self):
        # Raw bytes, invalid UTF-8 included (BBC sport/199 is Latin-1), against `analyze FILE`.
        picked = [a for a in ARTICLES if not self.valid_utf8(a[2])][:3] + ARTICLES[:: max(1, len(ARTICLES) // 8)]
        for art_id, path, raw in picked:
            cli = subprocess.run([CLI, "analyze", "--offsets", "utf16", "--reference-date", "2020-02-29", path],
                                 check=True, capture_output=True).stdout
            got = ae.analyze_json(raw, offsets="utf16", reference_date="2020-02-29")
            self.assertEqual(got.encode("utf-8") + b"\n", cli, art_id)

    @staticmethod
    def valid_utf8(raw):
        try:
            raw.decode("utf-8")
            return True
        except UnicodeDecodeError:
            return False

    def test_dict_and_options(self):
        a = ae.analyze("Minister Ana Silva said on Friday that talks would resume.", reference_date="2024-04-05")
        self.assertEqual(a["schema"], ae.SCHEMA)
        self.assertEqual(a["reference_date"], "2024-04-05")
        self.assertTrue(any(e["canonical"] == "Ana Silva" for e in a["entities"]))
        with self.assertRaisesRegex(ValueError, "offsets must be"):
            ae.analyze("x", offsets="chars")
        with self.assertRaisesRegex(ValueError, "not a valid YYYY-MM-DD"):
            ae.analyze("x", reference_date="2024-02-30")
        with self.assertRaises(TypeError):
            ae.analyze(42)
        # What the core repaired stays in the result, as in the CLI.
        d = ae.analyze(b"caf\xe9 au lait")["diagnostics"]
        self.assertEqual([x["code"] for x in d], ["invalid_utf8"])
        # utf16 offsets count UTF-16 code units (an emoji is two).
        text = "Emoji \U0001F600 first. Then \u201cB\u00e1rcena\u201d said no."
        s = ae.analyze(text, offsets="utf16")["sentences"][1]
        self.assertEqual(text.encode("utf-16-le")[2 * s["start"]:2 * s["end"]].decode("utf-16-le"), "Then \u201cB\u00e1rcena\u201d said no.")

    def test_gil_released_while_the_core_runs(self):
        # While one thread is inside the core, this one keeps running Python: with the GIL held
        # it could not run a single bytecode until analyze_json returned.
        text = "The minister said on Friday that talks would resume. " * 20000
        inside = threading.Event()
        result = []

        def work():
            inside.set()
            result.append(ae.analyze_json(text))

        t = threading.Thread(target=work)
        spins = 0
        t.start()
        inside.wait()
        t0 = time.monotonic()
        while t.is_alive():
            spins += 1
        secs = time.monotonic() - t0
        t.join()
        self.assertTrue(result)
        self.assertGreater(secs, 0.2, "the analysis was too short to tell")
        self.assertGreater(spins, 100000, f"only {spins} loop turns in {secs:.2f} s beside the core")


def dask_command(name):
    # Debian's commands (#!/usr/bin/python3), else the same modules under this interpreter.
    if os.path.exists(f"/usr/bin/{name}"):
        return [f"/usr/bin/{name}"]
    return [sys.executable, "-m", f"distributed.cli.{name.replace('-', '_')}"]


class Cluster(Case):
    """A dask-scheduler and two dask-worker processes on 127.0.0.1 (random ports)."""

    @classmethod
    def setUpClass(cls):
        cls.dir = os.path.join(TMP, "cluster")
        os.makedirs(cls.dir)
        cls.sched_file = os.path.join(cls.dir, "scheduler.json")
        cls.procs = []
        cls.sched_log = os.path.join(cls.dir, "scheduler.log")
        cls.scheduler = cls.start(dask_command("dask-scheduler") + [
            "--host", "127.0.0.1", "--port", "0", "--no-dashboard", "--scheduler-file", cls.sched_file,
            "--idle-timeout", "300"], cls.sched_log)
        for _ in range(600):
            if os.path.exists(cls.sched_file):
                break
            time.sleep(0.1)
        cls.workers = [cls.start_worker(f"w{k}") for k in (1, 2)]
        cls.wait_for_workers(2)

    @classmethod
    def start(cls, argv, log):
        with open(log, "ab") as err:
            p = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=err, env=ENV, cwd=cls.dir)
        cls.procs.append(p)
        return p

    @classmethod
    def start_worker(cls, name):
        # --no-nanny: the worker is this process, so killing it loses the worker (no restart).
        return cls.start(dask_command("dask-worker") + [
            "--scheduler-file", cls.sched_file, "--host", "127.0.0.1", "--nthreads", "1", "--no-nanny",
            "--no-dashboard", "--name", name, "--local-directory", cls.dir, "--death-timeout", "60"],
            os.path.join(cls.dir, f"{name}.log"))

    @classmethod
    def wait_for_workers(cls, n):
        from distributed import Client
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", DeprecationWarning)   # tornado's, inside distributed
            c = Client(scheduler_file=cls.sched_file, timeout="60s")
        with c:
            c.wait_for_workers(n, timeout=120)
            for _ in range(100):   # a killed worker may still be listed for a moment
                if len(c.scheduler_info()["workers"]) == n:
                    return
                time.sleep(0.1)
            raise AssertionError(f"{len(c.scheduler_info()['workers'])} workers, expected {n}")

    @classmethod
    def tearDownClass(cls):
        for p in cls.procs:
            if p.poll() is None:
                p.terminate()
        for p in cls.procs:
            try:
                p.wait(timeout=20)
            except subprocess.TimeoutExpired:
                p.kill()
                p.wait()

    def batch(self, args, **kw):
        return subprocess.run([sys.executable, "-m", "article_explorer.batch", *args, "--scheduler-file", self.sched_file],
                              env=ENV, capture_output=True, timeout=600, **kw)

    def test_cluster_equals_cli_batch(self):
        out = os.path.join(TMP, "dask-all.jsonl")
        r = self.batch([os.path.join(TMP, "all.jsonl"), out, "--chunk-lines", "32"])
        err = r.stderr.decode()
        self.assertEqual(r.returncode, 0, err[-2000:])
        self.assertSameBytes(out, os.path.join(TMP, "cli-all-bytes.jsonl"))
        # Bad lines on stderr with their numbers, as the CLI reports them, and in OUT.
        self.assertGreaterEqual(len(BAD), 2)
        self.assertEqual(BAD[:2], [(102, NOT_JSON), (203, NO_TEXT)])
        for line, reason in BAD:
            self.assertIn(f"all.jsonl:{line}: {reason}; line skipped", err)
        self.assertIn(f"batch: {TOTAL_LINES} lines read, {len(ARTICLES)} analysed, {len(BAD)} bad", err)
        errors = [json.loads(line) for line in read(out).splitlines() if line.startswith(b'{"error"')]
        self.assertEqual(errors, [{"error": reason, "line": line} for line, reason in BAD])

    def test_cluster_utf16_offsets(self):
        out = os.path.join(TMP, "dask-part2-utf16.jsonl")
        r = self.batch([os.path.join(TMP, "part2.jsonl"), out, "--offsets", "utf16"])
        self.assertEqual(r.returncode, 0, r.stderr.decode()[-2000:])
        self.assertSameBytes(out, os.path.join(TMP, "cli-part2-utf16.jsonl"))

    def test_gzip_shards_to_a_file_and_to_a_directory(self):
        shards = [os.path.join(TMP, "part1.jsonl.gz"), os.path.join(TMP, "part2.jsonl")]
        # One OUT: the shards' lines in order, numbered through both (= the CLI on head.jsonl).
        out = os.path.join(TMP, "dask-parts.jsonl.gz")
        r = self.batch([*shards, out])
        self.assertEqual(r.returncode, 0, r.stderr.decode()[-2000:])
        # gzip members from the workers, one stream to gzip itself
        unzipped = subprocess.run(["gzip", "-dc", out], check=True, capture_output=True).stdout
        self.assertEqual(unzipped, read(os.path.join(TMP, "cli-head-bytes.jsonl")), "gzip -dc OUT.gz")
        self.assertSameBytes(out, os.path.join(TMP, "cli-head-bytes.jsonl"))
        # A directory: one output per shard, each numbered on its own (= the CLI on each shard).
        out_dir = os.path.join(TMP, "dask-dir") + "/"
        r = self.batch([*shards, out_dir])
        self.assertEqual(r.returncode, 0, r.stderr.decode()[-2000:])
        self.assertEqual(sorted(os.listdir(out_dir)), ["part1.jsonl.gz", "part2.jsonl"])
        part = read(os.path.join(TMP, "part1.jsonl")).count(b"\n")
        for line, reason in BAD:   # reported with each shard's own line numbers
            where = f"part1.jsonl.gz:{line}" if line <= part else f"part2.jsonl:{line - part}" if line <= 2 * part else None
            if where:
                self.assertIn(f"{where}: {reason}; line skipped", r.stderr.decode())
        self.assertSameBytes(os.path.join(out_dir, "part1.jsonl.gz"), os.path.join(TMP, "cli-part1-bytes.jsonl"))
        self.assertSameBytes(os.path.join(out_dir, "part2.jsonl"), os.path.join(TMP, "cli-part2-bytes.jsonl"))

    def test_worker_killed_mid_run(self):
        out = os.path.join(TMP, "dask-killed.jsonl")
        err_path = os.path.join(TMP, "dask-killed.err")
        victim = self.workers[0]
        with open(err_path, "wb") as err:
            driver = subprocess.Popen([sys.executable, "-m", "article_explorer.batch", os.path.join(TMP, "all.jsonl"), out,
                                       "--scheduler-file", self.sched_file, "--chunk-lines", "16"], env=ENV, stderr=err)
            try:
                # Kill the worker once a fifth of the lines are written and the run is going on.
                read_at_kill = 0
                deadline = time.monotonic() + 300
                while driver.poll() is None and time.monotonic() < deadline:
                    progress = re.findall(r"batch: (\d+) lines read", text_of(err_path))
                    read_at_kill = int(progress[-1]) if progress else 0
                    if read_at_kill >= TOTAL_LINES // 5:
                        break
                    time.sleep(0.05)
                self.assertIsNone(driver.poll(), "the run ended before the worker could be killed")
                os.kill(victim.pid, signal.SIGKILL)
                victim.wait()
                self.assertEqual(driver.wait(timeout=600), 0, text_of(err_path)[-2000:])
            finally:
                if driver.poll() is None:
                    driver.kill()
                    driver.wait()
                # The next tests get their two workers back.
                self.workers[0] = self.start_worker("w3")
                self.wait_for_workers(2)
        self.assertLess(read_at_kill, TOTAL_LINES, "killed after the last chunk")
        self.assertIn("Remove worker", text_of(self.sched_log), "the scheduler saw no worker leave")
        self.assertSameBytes(out, os.path.join(TMP, "cli-all-bytes.jsonl"))
        print(f"\n# worker killed after {read_at_kill} of {TOTAL_LINES} lines; output identical", file=sys.stderr)

    def test_usage_and_bad_input(self):
        h = subprocess.run([sys.executable, "-m", "article_explorer.batch", "--help"], env=ENV, capture_output=True)
        self.assertEqual(h.returncode, 0)
        for word in (b"--scheduler", b"PYTHONPATH", b"gzip", b"article-explorer batch", b"local cluster"):
            self.assertIn(word, h.stdout)
        r = self.batch([os.path.join(TMP, "missing.jsonl"), os.path.join(TMP, "x.jsonl")])
        self.assertEqual(r.returncode, 1)
        self.assertIn(b"cannot open", r.stderr)
        same = os.path.join(TMP, "part2.jsonl")
        r = self.batch([same, same])
        self.assertEqual(r.returncode, 1)
        self.assertIn(b"same file as IN", r.stderr)
        r = self.batch([os.path.join(TMP, "all.jsonl")])
        self.assertEqual(r.returncode, 2)
        # No line at all: an empty OUT, as the CLI writes, and a .gz OUT that gzip reads as empty.
        empty = os.path.join(TMP, "empty.jsonl")
        write(empty, [])
        for out in ("empty-out.jsonl", "empty-out.jsonl.gz"):
            r = self.batch([empty, os.path.join(TMP, out)])
            self.assertEqual(r.returncode, 0, r.stderr.decode()[-2000:])
            self.assertEqual(subprocess.run(["gzip", "-dcf", os.path.join(TMP, out)], check=True, capture_output=True).stdout, b"")


class LocalCluster(Case):
    def test_local_cluster_without_scheduler(self):
        out = os.path.join(TMP, "local.jsonl")
        r = subprocess.run([sys.executable, "-m", "article_explorer.batch", os.path.join(TMP, "part1.jsonl.gz"), out,
                            "--workers", "2"], env=ENV, capture_output=True, timeout=600)
        self.assertEqual(r.returncode, 0, r.stderr.decode()[-2000:])
        self.assertIn(b"a local cluster, 2 worker(s)", r.stderr)
        self.assertSameBytes(out, os.path.join(TMP, "cli-part1-bytes.jsonl"))


if __name__ == "__main__":
    unittest.main(verbosity=2)
