"""How fast quoteattr runs, and how its cost grows.

    python benchmarks/bench.py                      # all sections, on a generated corpus
    python benchmarks/bench.py ../shared/corpora/polnear/dev.jsonl --only throughput profile
    python benchmarks/bench.py --quick              # smaller sizes, for a quick look

Sections (``--only`` picks some):

- ``throughput``: MB/s (UTF-8 bytes) and words/s on one core, over every JSONL file
  given (lines with a "text") or a generated news-like corpus; with a ``regex`` ``\\w+``
  pass over the same texts for scale.
- ``profile``: where the time goes, by module (each stage is one module), from
  cProfile; time in C functions (regex matching) counts for the module calling them.
- ``scaling``: one document of 10 KB, 100 KB, 1 MB and 10 MB: time and cost per
  character (flat means linear).
- ``hostile``: texts built to break a rule-based extractor (only quote marks, deep
  nesting, "said" repeated, ...) at two sizes: cost per character relative to news,
  and how the time grows when the input grows four times (4 means linear).
- ``startup``: ``import quoteattr`` and the CLI on empty input, in fresh processes.
- ``memory``: peak RSS of ``quoteattr --format jsonl FILE`` (the largest JSONL given,
  else a generated 12 MB file).
- ``jobs``: the CLI with ``--jobs`` 1 and all cores on the same JSONL file.

Run it from a checkout (it imports the ``quoteattr`` next to it, even when another
one is installed) or, outside one, with ``PYTHONPATH`` set. Figures go to stdout;
``--json FILE`` also writes them as JSON.
"""

from __future__ import annotations

import argparse
import collections
import cProfile
import json
import os
import pathlib
import pstats
import subprocess
import sys
import tempfile
import time
from typing import Dict, List, Optional, Sequence, Tuple

HERE = pathlib.Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
if (HERE.parent / "quoteattr" / "__init__.py").exists():
    # the checkout this script is in, even when another one is installed (an editable
    # install of another worktree would otherwise be measured instead)
    sys.path.insert(0, str(HERE.parent))
import quoteattr  # noqa: E402

import regex  # noqa: E402

import corpus  # noqa: E402

SECTIONS = ("throughput", "profile", "scaling", "hostile", "startup", "memory", "jobs")
_WORDS = regex.compile(r"\w+")
MB = 1e6
WPASS = "\\w+ MB/s"


def _env() -> Dict[str, str]:
    env = dict(os.environ)
    root = str(pathlib.Path(quoteattr.__file__).resolve().parent.parent)
    env["PYTHONPATH"] = root + os.pathsep + env.get("PYTHONPATH", "")
    return env


def load_jsonl(path: str) -> List[str]:
    texts = []
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                t = json.loads(line).get("text")
                if isinstance(t, str):
                    texts.append(t)
    return texts


def _timed(texts: Sequence[str], config: Optional[quoteattr.Config] = None) -> float:
    t = time.perf_counter()
    for text in texts:
        quoteattr.extract(text, config=config)
    return time.perf_counter() - t


def throughput(name: str, texts: Sequence[str], repeat: int) -> Dict[str, float]:
    nbytes = sum(len(t.encode("utf-8", "surrogatepass")) for t in texts)
    nchars = sum(len(t) for t in texts)
    nwords = sum(len(_WORDS.findall(t)) for t in texts)
    quoteattr.extract(texts[0])  # warm the lazily built patterns and lexicons
    best = min(_timed(texts) for _ in range(repeat))
    t = time.perf_counter()
    for text in texts:
        _WORDS.findall(text)
    wpass = time.perf_counter() - t
    row = {
        "docs": len(texts), "MB": nbytes / MB, "seconds": best, "MB/s": nbytes / MB / best,
        "words/s": nwords / best, "us/char": best / max(nchars, 1) * 1e6,
        WPASS: nbytes / MB / max(wpass, 1e-9),
    }
    print(f"  {name:28} {len(texts):6d} docs {row['MB']:8.2f} MB {best:8.2f} s "
          f"{row['MB/s']:7.2f} MB/s {row['words/s'] / 1e3:8.0f}k words/s "
          f"{row['us/char']:6.3f} us/char  (\\w+ pass: {row[WPASS]:.0f} MB/s)")
    return row


def profile(texts: Sequence[str]) -> Dict[str, float]:
    """Seconds of own time per module, C calls charged to their callers."""
    quoteattr.extract(texts[0])
    prof = cProfile.Profile()
    prof.enable()
    for text in texts:
        quoteattr.extract(text)
    prof.disable()
    stats = pstats.Stats(prof).stats  # type: ignore[attr-defined]

    def bucket(func: Tuple[str, int, str]) -> Optional[str]:
        filename = func[0]
        if filename == "~":
            return None  # a C function: charged to its callers below
        p = pathlib.PurePath(filename)
        if p.parent.name == "quoteattr":
            return p.stem.lstrip("_")
        if "regex" in p.parts:
            return "regex compile"
        if p.name in ("enum.py", "functools.py"):
            return "regex compile"
        return "other"

    totals: Dict[str, float] = collections.defaultdict(float)
    for func, (_cc, _nc, tt, _ct, callers) in stats.items():
        b = bucket(func)
        if b is not None:
            totals[b] += tt
            continue
        spent = sum(c[2] for c in callers.values()) or 1.0
        for caller, c in callers.items():
            totals[bucket(caller) or "other"] += tt * (c[2] / spent if callers else 1.0)
        if not callers:
            totals["other"] += tt
    whole = sum(totals.values()) or 1.0
    for name, sec in sorted(totals.items(), key=lambda kv: -kv[1]):
        print(f"  {name:20} {sec:7.3f} s {100 * sec / whole:5.1f} %")
    print("  (under cProfile, which slows Python code more than C code)")
    return dict(totals)


def scaling(sizes: Sequence[int]) -> List[Dict[str, float]]:
    rows = []
    prev = None
    for n in sizes:
        text = corpus.news_text(n)
        quoteattr.extract(text[:2000])
        reps = 3 if n <= 1_000_000 else 1
        best = min(_timed([text]) for _ in range(reps))
        us = best / len(text) * 1e6
        growth = f"{best / prev[1] * prev[0] / n:5.2f}" if prev else "    -"
        print(f"  {n / 1e3:9.0f} KB {best:8.3f} s {us:7.3f} us/char  cost/char vs previous: {growth}")
        rows.append({"chars": n, "seconds": best, "us/char": us})
        prev = (n, best)
    return rows


def hostile(size: int, news_us: float, limit: float) -> List[Dict[str, object]]:
    rows: List[Dict[str, object]] = []
    print(f"  {'input':24} {'size':>8} {'seconds':>8} {'us/char':>8} {'x news':>7} {'time x4':>8}")
    fiction = quoteattr.Config(genre="fiction")
    cases = [(name, make, None) for name, make in corpus.HOSTILE.items()]
    cases += [(name, make, fiction) for name, make in corpus.HOSTILE_FICTION.items()]
    for name, make, config in cases:
        small, big = make(size // 4), make(size)
        t_small = min(_timed([small], config) for _ in range(2))
        if t_small * 16 > limit:
            print(f"  {name:24} {len(small):8d} {t_small:8.3f}  (4x larger skipped: over the time limit)")
            rows.append({"input": name, "chars": len(small), "seconds": t_small, "skipped_big": True})
            continue
        t_big = min(_timed([big], config) for _ in range(2))
        us = t_big / len(big) * 1e6
        ratio = t_big / max(t_small, 1e-9)
        flag = "  <-- superlinear?" if ratio > 5 else ""
        flag += "  <-- costly" if us > 5 * news_us else ""
        print(f"  {name:24} {len(big):8d} {t_big:8.3f} {us:8.3f} {us / news_us:7.2f} {ratio:8.2f}{flag}")
        rows.append({"input": name, "chars": len(big), "seconds": t_big, "us/char": us,
                     "x news": us / news_us, "growth x4": ratio})
    return rows


def startup() -> Dict[str, float]:
    def best(cmd: List[str], stdin: bytes = b"") -> float:
        times = []
        for _ in range(5):
            t = time.perf_counter()
            subprocess.run(cmd, input=stdin, stdout=subprocess.DEVNULL, check=False, env=_env(),
                           cwd=tempfile.gettempdir())
            times.append(time.perf_counter() - t)
        return min(times)

    bare = best([sys.executable, "-c", "pass"])
    imp = best([sys.executable, "-c", "import quoteattr"])
    cli = best([sys.executable, "-m", "quoteattr", "--format", "jsonl", "-"])
    one = best([sys.executable, "-m", "quoteattr", "--format", "jsonl", "-"],
               "“We will win,” Mayor Ana Ruiz said.".encode())
    print(f"  python -c pass            {bare:6.3f} s")
    print(f"  import quoteattr          {imp:6.3f} s")
    print(f"  quoteattr, empty input   {cli:6.3f} s")
    print(f"  quoteattr, one sentence  {one:6.3f} s")
    return {"python": bare, "import": imp, "cli_empty": cli, "cli_one": one}


def _cli_run(path: str, jobs: int) -> Tuple[float, float]:
    """Wall time and peak RSS (MB) of the CLI over ``path``."""
    code = (
        "import resource, subprocess, sys, time\n"
        "t = time.perf_counter()\n"
        "subprocess.run([sys.executable, '-m', 'quoteattr', '--format', 'jsonl', '--jobs', sys.argv[2],"
        " sys.argv[1]], stdout=subprocess.DEVNULL, check=False)\n"
        "dt = time.perf_counter() - t\n"
        "print(dt, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024)\n"
    )
    out = subprocess.run([sys.executable, "-c", code, path, str(jobs)], capture_output=True, text=True,
                         env=_env(), check=True)
    dt, rss = out.stdout.split()
    return float(dt), float(rss)


def _big_jsonl(files: Sequence[str], tmp: str) -> str:
    if files:
        return max(files, key=os.path.getsize)
    path = os.path.join(tmp, "news.jsonl")
    with open(path, "w", encoding="utf-8") as fh:
        for i, text in enumerate(corpus.news_documents(12_000_000)):
            fh.write(json.dumps({"id": f"n{i}", "text": text}, ensure_ascii=False) + "\n")
    return path


def memory(path: str) -> Dict[str, float]:
    dt, rss = _cli_run(path, 1)
    size = os.path.getsize(path) / MB
    print(f"  {os.path.basename(path)} ({size:.1f} MB): peak RSS {rss:.0f} MB (largest process), {dt:.1f} s")
    return {"file_MB": size, "peak_rss_MB": rss, "seconds": dt}


def jobs(path: str) -> Dict[str, float]:
    size = os.path.getsize(path) / MB
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    out = {}
    for n in sorted({1, cores}):
        dt, rss = _cli_run(path, n)
        print(f"  --jobs {n}: {dt:6.2f} s, {size / dt:6.2f} MB/s (file bytes), peak RSS {rss:.0f} MB")
        out[f"jobs{n}_seconds"] = dt
    return out


def main(argv: Optional[Sequence[str]] = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("files", nargs="*", help="JSONL corpora (default: a generated news-like corpus)")
    p.add_argument("--only", nargs="+", choices=SECTIONS, default=list(SECTIONS))
    p.add_argument("--quick", action="store_true", help="smaller sizes")
    p.add_argument("--generated-mb", type=float, default=3.0, help="size of the generated corpus")
    p.add_argument("--hostile-size", type=int, default=1_000_000, help="characters of each hostile text")
    p.add_argument("--max-size", type=int, default=10_000_000, help="largest document for scaling")
    p.add_argument("--repeat", type=int, default=2, help="throughput runs (the best counts)")
    p.add_argument("--json", metavar="FILE", help="also write the figures here")
    args = p.parse_args(argv)
    if args.quick:
        args.generated_mb, args.hostile_size, args.max_size, args.repeat = 0.5, 200_000, 1_000_000, 1
    figures: Dict[str, object] = {"python": sys.version.split()[0], "quoteattr": quoteattr.__version__}
    corpora = {os.path.relpath(f): load_jsonl(f) for f in args.files}
    news = list(corpus.news_documents(int(args.generated_mb * MB)))
    print(f"quoteattr {quoteattr.__version__} on Python {figures['python']}, one core unless said")
    if "throughput" in args.only:
        print("\nthroughput")
        rows = {"generated news": throughput("generated news", news, args.repeat)}
        for name, texts in corpora.items():
            rows[name] = throughput(name, texts, args.repeat)
        figures["throughput"] = rows
    news_us = figures.get("throughput", {}).get("generated news", {}).get("us/char")  # type: ignore[union-attr]
    if "profile" in args.only:
        for name, texts in [("generated news", news)] + list(corpora.items()):
            print(f"\nprofile: {name}")
            figures.setdefault("profile", {})[name] = profile(texts)  # type: ignore[union-attr]
    if "scaling" in args.only:
        print("\nscaling: one news-like document")
        sizes = [n for n in (10_000, 100_000, 1_000_000, 10_000_000) if n <= args.max_size]
        figures["scaling"] = scaling(sizes)
    if "hostile" in args.only:
        if news_us is None:
            news_us = _timed(news) / sum(len(t) for t in news) * 1e6
        print(f"\nhostile inputs (news: {news_us:.3f} us/char)")
        figures["hostile"] = hostile(args.hostile_size, news_us, limit=120.0)
    if "startup" in args.only:
        print("\nstart-up (best of 5)")
        figures["startup"] = startup()
    if "memory" in args.only or "jobs" in args.only:
        with tempfile.TemporaryDirectory() as tmp:
            big = _big_jsonl(args.files, tmp)
            if "memory" in args.only:
                print("\nmemory: the CLI over one JSONL file")
                figures["memory"] = memory(big)
            if "jobs" in args.only:
                print("\njobs: the CLI over one JSONL file")
                figures["jobs"] = jobs(big)
    if args.json:
        with open(args.json, "w", encoding="utf-8") as fh:
            json.dump(figures, fh, indent=1)
    return 0


if __name__ == "__main__":
    sys.exit(main())
