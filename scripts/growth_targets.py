"""Print the national growth target policytext finds in each work report (1992-2025), and the outcome the next
report states for that year (policytext.outcomes), from ../shared/corpus/national."""
import sys
from pathlib import Path

from policytext import extract, read
from policytext.measures import figure_of, measure_table
from policytext.outcomes import outcome_rows

SHARED = Path(__file__).resolve().parents[2] / "shared"
TABLE = measure_table()
GDP = TABLE.by_name("gdp_growth")


def growth_targets(path):
    """Every target of the report that the measure table reads as GDP growth, with its figure."""
    inds = [i for i in extract(read(path)).indicators if i.kind == "target" and TABLE.match(i.name) == GDP]
    return [(i, figure_of(i, GDP)) for i in inds]


if __name__ == "__main__":
    folder = SHARED / "corpus" / "national"
    paired = {r.year: r for r in outcome_rows([str(folder)]) if r.measure == "gdp_growth"}
    missing = 0
    for p in sorted(folder.glob("gwr-*.txt")):
        year = int(p.stem.split("-")[1])
        if year < 1992 or not p.stem[4:].isdigit():
            continue
        found = [(i, f) for i, f in growth_targets(p) if f is not None]
        missing += not found
        first = found[0] if found else None
        r = paired.get(year)
        print(year, len(found), first and (first[1].value, first[1].high, first[1].qualifier, first[0].text),
              "| outcome", r and (r.target, r.outcome, r.met, r.outcome_text))
    print("missing", missing, file=sys.stderr)
