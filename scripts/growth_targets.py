"""Print the national growth target that policytext finds in each work report (1992-2025)."""
import re
import sys
from pathlib import Path

from policytext import extract, read

SHARED = Path(__file__).resolve().parents[2] / "shared"
NAME = re.compile("国内生产总值|国民生产总值|经济增长|生产总值")


def growth_targets(path):
    ex = extract(read(path))
    return [i for i in ex.indicators if i.kind == "target" and NAME.search(i.name)]


if __name__ == "__main__":
    missing = 0
    for p in sorted((SHARED / "corpus" / "national").glob("gwr-*.txt")):
        year = int(p.stem.split("-")[1])
        if year < 1992:
            continue
        found = growth_targets(p)
        if not found:
            missing += 1
        first = found[0] if found else None
        print(year, len(found), first and (first.name, first.value, first.unit, first.change and first.change.value,
                                           first.change and first.change.value_high, first.text))
    print("missing", missing, file=sys.stderr)
