"""Fuzz read → extract → segment on mutated real speeches for a while (issue #9).

    python scripts/fuzz.py --minutes 5                 # the bundled speeches, ../shared's too when present
    python scripts/fuzz.py --minutes 1 --seed 7 --save out/fuzz

Each input is an excerpt of a real speech (300 B to 100 KB, in UTF-8, GB18030,
Big5-HKSCS or UTF-16) with a few mutations: flipped bits, control bytes,
long runs of digits, Chinese numerals (一, 亿, 零, 两千, 壹佰 …), list markers
and units, and deletions.  It reports every exception other than
``ReadError``, every span that does not point at its text, every record that
is not strict JSON, and every input slower than 1 s per 100 KB (CPU time,
with 0.05 s of slack for timer noise, so that waiting for other jobs on a
loaded machine does not count; a slow input is timed twice more and the best
of three decides); ``--save DIR`` keeps the inputs
found.  Exit status 1 when anything was found.
"""
from __future__ import annotations

import argparse
import glob
import json
import random
import sys
import time
import traceback
from pathlib import Path

from policytext import ReadError, Segmenter, extract, read

ROOT = Path(__file__).resolve().parents[1]
DIGITS = "0123456789"
NUMERALS = ["一", "二", "两", "三", "十", "百", "千", "万", "亿", "零", "点", "壹", "佰", "萬", "億", "兩", "〇", "负"]
PIECES = ["%", "‰", "、", "，", "。", "；", "一是", "（一）", "第一，", "三高一低", "增长", "由", "提高到", "比上年",
          "分别", "左右", "以上", "亿元", "万人", "“", "”", "\u3000", "\r", "\n", "\f", "——"]


def speeches() -> list[bytes]:
    paths = sorted(glob.glob(str(ROOT / "corpora" / "**" / "*.txt"), recursive=True))
    paths += sorted(glob.glob(str(ROOT.parent / "shared" / "corpus" / "**" / "*.txt"), recursive=True))
    return [Path(p).read_bytes() for p in paths]


def mutate(rng: random.Random, base: bytes) -> bytes:
    """An excerpt of ``base`` in some encoding, with one to six mutations."""
    size = rng.choice([300, 3000, 3000, 20000, 100000])
    start = rng.randrange(max(1, len(base) - size))
    chunk = base[start:start + size].decode("utf-8", "ignore")
    encoding = rng.choice(["utf-8", "utf-8", "gb18030", "big5hkscs", "utf-16"])
    data = bytearray(chunk.encode(encoding, "ignore"))
    for _ in range(rng.randint(1, 6)):
        i = rng.randint(0, len(data))
        op = rng.choice(["flip", "control", "digits", "numerals", "piece", "delete"])
        if op == "flip" and data:
            data[min(i, len(data) - 1)] ^= 1 << rng.randrange(8)
        elif op == "control":
            data[i:i] = bytes([rng.randrange(32)]) * rng.randint(1, 8)
        elif op == "digits":
            run = "".join(rng.choice(DIGITS + ".,， ") if rng.random() < 0.2 else rng.choice(DIGITS)
                          for _ in range(rng.choice([10, 60, 500, 5000])))
            data[i:i] = run.encode(encoding, "ignore")
        elif op == "numerals":
            alphabet = rng.sample(NUMERALS, rng.randint(1, 5))
            run = "".join(rng.choice(alphabet) for _ in range(rng.choice([5, 50, 400, 3000])))
            data[i:i] = run.encode(encoding, "ignore")
        elif op == "piece":
            data[i:i] = (rng.choice(PIECES) * rng.randint(1, 200)).encode(encoding, "ignore")
        else:
            del data[i:i + rng.randint(1, 500)]
    return bytes(data)


def check(data: bytes, seg: Segmenter) -> None:
    """read → extract → segment, asserting what must hold for any input."""
    try:
        doc = read(data)
    except ReadError:
        return
    ex = extract(doc)
    text = doc.text
    for ind in ex.indicators:
        assert text[ind.span[0]:ind.span[1]] == ind.text, ("indicator span", ind.span)
    for f in ex.formulations:
        assert text[f.span[0]:f.span[1]] == f.text, ("formulation span", f.span)
    for en in ex.enumerations:
        for it in en.items:
            assert text[it.span[0]:it.span[1]] == it.text, ("item span", it.span)
    json.dumps(ex.to_dict(), allow_nan=False)
    for tok in seg.stream(doc):
        assert text[tok.span[0]:tok.span[1]] == tok.text, ("token span", tok.span)


def budget(data: bytes) -> float:
    return 0.05 + len(data) / 100_000


def cpu_time(data: bytes, seg: Segmenter) -> float:
    t0 = time.process_time()
    check(data, seg)
    return time.process_time() - t0


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--minutes", type=float, default=5.0)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--save", help="a folder to keep crashing and slow inputs in")
    args = ap.parse_args(argv)
    rng = random.Random(args.seed)
    bases = speeches()
    seg = Segmenter()
    for warm in bases[:1] + [(ROOT / "corpora" / "seed-county-cadre-speech.txt").read_bytes()]:
        check(warm[:3000], seg)  # jieba's dictionary, the patterns and the converters load once, before timing
    crashes, slow, n, size = [], [], 0, 0
    worst = (0.0, 0)
    end = time.monotonic() + 60 * args.minutes
    while time.monotonic() < end:
        data = mutate(rng, rng.choice(bases))
        n += 1
        size += len(data)
        t0, c0 = time.perf_counter(), time.process_time()
        try:
            check(data, seg)
        except Exception:  # noqa: BLE001 - a fuzzer reports whatever escapes
            crashes.append((data, traceback.format_exc(limit=3)))
            print(f"CRASH #{n} ({len(data)} B): {traceback.format_exc(limit=3).strip().splitlines()[-1]}", flush=True)
            continue
        wall, cpu = time.perf_counter() - t0, time.process_time() - c0
        worst = max(worst, (cpu / budget(data), n))
        if cpu > budget(data):  # CPU time, so that waiting for other jobs does not count; confirmed twice more
            cpu = min([cpu] + [cpu_time(data, seg) for _ in range(2)])
            verdict = "SLOW" if cpu > budget(data) else "slowed by load"
            print(f"{verdict} #{n} ({len(data)} B): {wall:.2f} s wall, best of three {cpu:.2f} s CPU", flush=True)
            if cpu > budget(data):
                slow.append((data, cpu))
    if args.save:
        out = Path(args.save)
        out.mkdir(parents=True, exist_ok=True)
        for k, (data, tb) in enumerate(crashes):
            (out / f"crash-{k}.bin").write_bytes(data)
            (out / f"crash-{k}.txt").write_text(tb, encoding="utf-8")
        for k, (data, _) in enumerate(slow):
            (out / f"slow-{k}.bin").write_bytes(data)
    print(f"{n} inputs ({size / 1e6:.1f} MB) in {args.minutes:g} min: {len(crashes)} crashes, "
          f"{len(slow)} slower than 1 s per 100 KB; the slowest (#{worst[1]}) took {worst[0]:.0%} of its time")
    return 1 if crashes or slow else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
