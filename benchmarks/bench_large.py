"""Time and peak memory of read + extract on large files, one line against line breaks.

    python benchmarks/bench_large.py              # 1, 16 and 200 MB
    python benchmarks/bench_large.py 1 16         # sizes in MB
    python benchmarks/bench_large.py --first-token 200   # only the seconds to the first streamed token

Each file is the corpus's speeches (``../shared/corpus`` when present, else
``corpora/``) repeated to the size, once with its line breaks and once with
every line break removed (a page saved as one line).  Each run is a fresh
process, so the peak resident memory (``ru_maxrss``) is that run's alone.
Prints seconds and chars/s of read + extract, peak memory beside the file's
size, and the seconds ``Segmenter.stream`` takes to give its first token
(what ``policytext segment`` prints first: reading the file, the decisions
on the whole text, one block cut); ``--first-token`` also says how much of it
was reading (and decoding) the file, and how long the command ``policytext
segment FILE`` takes to print its first line from its start.
"""
from __future__ import annotations

import glob
import os
import re
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def corpus_text() -> str:
    shared = ROOT.parent / "shared" / "corpus"
    paths = sorted(glob.glob(str(shared / "national" / "*.txt"))) or sorted(glob.glob(str(ROOT / "corpora" / "*.txt")))
    text = "\n".join(Path(p).read_text(encoding="utf-8") for p in paths)
    # the wiki licence trailer ends each report: keep one, at the very end, as a real file has
    trailer = re.compile(r"^本作品是中华人民共和国.*$", re.M)
    return trailer.sub("", text)


def make(path: Path, mb: float, one_line: bool) -> None:
    text = corpus_text()
    if one_line:
        text = text.replace("\n", "")
    unit = text.encode("utf-8")
    want = int(mb * 1_000_000)
    with open(path, "wb") as f:
        written = 0
        while written < want:
            chunk = unit[: want - written]
            f.write(chunk.decode("utf-8", "ignore").encode("utf-8"))
            written += len(chunk)


def run_one(path: str, extracting: bool = True) -> None:
    """In a child process: read and extract, print seconds, chars, peak RSS, indicators, seconds to the first token."""
    from policytext import Segmenter, extract, read

    t0 = time.perf_counter()
    doc = read(path)
    ex = extract(doc) if extracting else extract("")
    secs = time.perf_counter() - t0
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # MB (Linux reports KiB)
    chars = len(doc.text)
    del doc
    seg = Segmenter()
    seg.segment("预热")  # jieba's dictionary: loaded before the clock starts
    t0 = time.perf_counter()
    doc = read(path)  # what `policytext segment` prints first: read the file again, one block cut
    reading = time.perf_counter() - t0
    next(seg.stream(doc))
    first = time.perf_counter() - t0
    print(f"{secs:.3f} {chars} {rss:.0f} {len(ex.indicators)} {first:.2f} {reading:.2f}")


def command_first_line(path: Path) -> float:
    """Seconds from starting ``policytext segment PATH`` to its first line on stdout (imports and jieba included)."""
    t0 = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-m", "policytext.cli", "segment", str(path)], stdout=subprocess.PIPE,
                            stderr=subprocess.DEVNULL, env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert proc.stdout is not None
    proc.stdout.readline()
    secs = time.perf_counter() - t0
    proc.kill()
    proc.wait()
    return secs


def main(argv: list[str]) -> int:
    if argv[:1] == ["--child"]:
        run_one(argv[1], extracting="--first-token" not in argv)
        return 0
    first_only = "--first-token" in argv
    sizes = [float(a) for a in argv if a != "--first-token"] or [1, 16, 200]
    if not first_only:
        print(f"{'file':>22} {'seconds':>9} {'chars/s':>11} {'peak MB':>8} {'x file':>7} {'indicators':>10} "
              f"{'first token s':>13}")
    with tempfile.TemporaryDirectory() as d:
        for mb in sizes:
            for one_line in (False, True):
                path = Path(d) / f"big-{mb}-{int(one_line)}.txt"
                make(path, mb, one_line)
                out = subprocess.run([sys.executable, __file__, "--child", str(path)] + ["--first-token"] * first_only,
                                     capture_output=True, text=True, env={**os.environ, "PYTHONPATH": str(ROOT)})
                if out.returncode:
                    print(out.stderr[-2000:])
                    return 1
                secs, chars, rss, n, first, reading = out.stdout.split()
                label = f"{mb:g} MB {'one line' if one_line else 'lines'}"
                if first_only:
                    print(f"{label:>22} first token after {float(first):.2f} s, of which reading the file "
                          f"{float(reading):.2f} s; `policytext segment` prints its first line after "
                          f"{command_first_line(path):.2f} s (imports and jieba's dictionary included)", flush=True)
                    continue
                speed = int(chars) / float(secs)
                ratio = f"  {speed / lines_speed:.2f}x the speed with lines" if one_line else ""
                lines_speed = speed
                print(f"{label:>22} {float(secs):>9.1f} {speed:>11,.0f} {float(rss):>8,.0f} "
                      f"{float(rss) / mb:>7.1f} {int(n):>10,} {float(first):>13.2f}{ratio}", flush=True)
                path.unlink()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
