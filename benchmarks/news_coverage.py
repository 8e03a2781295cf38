"""How much of what news reports name the index holds: a coverage estimate, not a geoparsing score.

    python benchmarks/news_coverage.py [--index PATH] [--details]

``data/news_coverage/places.tsv`` lists the Syrian places that 40 news reports name (20 Arabic, 20
English, 2013-2026), one row per place and report: the report's address, its language, the place
as the report writes it, the governorate the report puts it in (empty when it does not say) and its
kind. A helper took the reports in the order a search of the stored pages gave them, one search per
governorate and kind of news, and listed the places without looking at the index (2026-12-01). The
reports' text is not kept (their licences do not allow it).

A place counts as held when a candidate matches it exactly or by a spelling variant in the
governorate the report gives (any governorate when it gives none). Spotting in running text can do
no better than this; how often geoparsing gets a held place right is ``geoparse_eval.py``'s question.
"""

from __future__ import annotations

import argparse
import csv
import sys
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from gazetteer import Gazetteer

BENCH_DIR = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH_DIR.parent))
PLACES = BENCH_DIR / "data" / "news_coverage" / "places.tsv"
#: The tiers by which a place counts as held: its name or a spelling of it, not a likeness.
HELD_TIERS = ("exact", "variant")


def held(g: Gazetteer, name: str, governorate: str | None) -> bool:
    """Whether the index has the place: an exact or variant candidate in the governorate given."""
    from gazetteer import InvalidQueryError

    try:
        found = g.candidates(name, limit=5)
    except InvalidQueryError:
        return False
    return any(m.tier in HELD_TIERS and (governorate is None or m.place.governorate.name == governorate) for m in found)


def load_places() -> list[dict[str, str]]:
    """The rows of ``data/news_coverage/places.tsv``."""
    with PLACES.open(encoding="utf-8") as f:
        return list(csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE))


def coverage(g: Gazetteer, rows: list[dict[str, str]]) -> tuple[dict[str, list[int]], list[dict[str, str]]]:
    """Per language, kind and "all": [held, named]; and the rows of the places the index lacks."""
    counts: dict[str, list[int]] = {}
    lacking = []
    for row in rows:
        ok = held(g, row["name"], row["governorate"] or None)
        for key in ("all", row["lang"], row["kind"]):
            pair = counts.setdefault(key, [0, 0])
            pair[0] += ok
            pair[1] += 1
        if not ok:
            lacking.append(row)
    return counts, lacking


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--index", help="index file (default: the shipped one)")
    parser.add_argument("--details", action="store_true", help="list the places the index lacks")
    args = parser.parse_args(argv)
    import gazetteer

    g = gazetteer.load(args.index) if args.index else gazetteer.load()
    rows = load_places()
    counts, lacking = coverage(g, rows)
    reports = len({row["report"] for row in rows})
    print(f"{len(rows)} places named in {reports} news reports; held by the index {g}:")
    for key in ("all", "ar", "en", *sorted(k for k in counts if k not in ("all", "ar", "en"))):
        hits, named = counts[key]
        print(f"  {key:<12} {hits:>4} of {named:<4} {hits / named:6.1%}")
    if args.details:
        for row in lacking:
            print(f"  lacks {row['lang']} {row['kind']:<11} {row['name']} ({row['governorate'] or '?'})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
