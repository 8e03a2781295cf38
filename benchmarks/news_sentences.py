"""Geoparsing on news sentences: the review sets, as a regression suite.

    python benchmarks/news_sentences.py [--details] [--set SET]   (SET: review5-en, review7-ar, ...)

``data/news_sentences/cases.jsonl`` holds 1,405 sentences in the styles of wire copy, monitors' daily
reports, OCHA updates and Arabic news sites, written for seven reviews on 2026-11-30 and 2026-12-01 with the
mentions a careful annotator wants written down before the geoparser ran (span, place name,
governorate, kind; ``maybe``: an answer is allowed, none is fine too; ``never``: words that must
give no place). Each expectation carries the index places it may be (``ids``, found by name,
governorate and kind in the index's place list when the file was written; empty when the index
lacks the place). Rules were drawn from these sentences, so they are tuning data: the figures say
whether a change keeps what the reviews fixed, not how the geoparser does on unseen text (that is
``geoparse_eval.py``'s test half).

A prediction on an expected span is *right* when its place is one of the ids, *wrong* otherwise
(also when the index lacks the place); a prediction on no expected or allowed span is *spurious*;
an expected place of the index with no prediction is *missed*.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path
from typing import Any

BENCH_DIR = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH_DIR.parent))
CASES = BENCH_DIR / "data" / "news_sentences" / "cases.jsonl"


def load_cases(path: Path = CASES) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def _overlaps(a: str, b: str) -> bool:
    return a == b or a in b or b in a


def score_case(case: dict[str, Any], mentions: list[tuple[str, str, str]]) -> tuple[Counter[str], list[str]]:
    """Counts (right, wrong, spurious, missed) and one line per problem; ``mentions`` are (text, place id, label)."""
    counts: Counter[str] = Counter()
    problems: list[str] = []
    used: set[int] = set()
    for e in case["expect"]:
        hit = next((k for k, m in enumerate(mentions) if k not in used and m[0] == e["span"]), None)
        if hit is None:
            hit = next((k for k, m in enumerate(mentions) if k not in used and _overlaps(m[0], e["span"])), None)
        if hit is None:
            if e["ids"]:
                counts["missed"] += 1
                problems.append(f"MISSED {e['span']!r} ({e['name']}, {e['governorate']})")
            continue
        used.add(hit)
        text, pid, label = mentions[hit]
        if pid in e["ids"]:
            counts["right"] += 1
        else:
            counts["wrong"] += 1
            want = e["ids"] or "(not in the index)"
            problems.append(f"WRONG {text!r} -> {label} ({pid}); want {e['name']}, {e['governorate']} {want}")
    for m in case["maybe"]:
        for k, (text, pid, label) in enumerate(mentions):
            if k not in used and _overlaps(text, m["span"]):
                used.add(k)
                if m.get("ids") and pid not in m["ids"]:
                    counts["wrong"] += 1
                    problems.append(f"WRONG {text!r} -> {label} ({pid}) on an allowed span")
    for k, (text, pid, label) in enumerate(mentions):
        if k not in used:
            counts["spurious"] += 1
            never = any(_overlaps(text, w) for w in case["never"])
            problems.append(f"SPURIOUS{' (never)' if never else ''} {text!r} -> {label} ({pid})")
    return counts, problems


def _label(place: Any) -> str:
    return f"{place.name} ({place.kind}, {place.governorate.name})"


def run(cases: list[dict[str, Any]]) -> dict[str, Any]:
    import gazetteer

    g = gazetteer.load()
    groups: dict[str, Counter[str]] = {}
    details: list[str] = []
    for case in cases:
        found = [(m.text, m.match.place.id, _label(m.match.place)) for m in g.geoparse(case["text"])]
        counts, problems = score_case(case, found)
        counts["cases"] += 1
        counts["expected"] += sum(1 for e in case["expect"] if e["ids"])
        for key in ("all", case["set"], case["lang"]):
            groups.setdefault(key, Counter()).update(counts)
        details += [f"{case['id']}: {p}\n    {case['text']}" for p in problems]
    return {"groups": groups, "details": details}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--details", action="store_true", help="print every problem")
    parser.add_argument("--set", help="only this review set")
    args = parser.parse_args(argv)
    cases = [c for c in load_cases() if args.set is None or c["set"] == args.set]
    result = run(cases)
    head = ("group", "cases", "expected", "right", "wrong", "spurious", "missed")
    print(f"{head[0]:<11} " + " ".join(f"{h:>8}" for h in head[1:]) + "  precision recall")
    for key, c in sorted(result["groups"].items()):
        answered = c["right"] + c["wrong"] + c["spurious"]
        precision = c["right"] / answered if answered else 1.0
        recall = c["right"] / c["expected"] if c["expected"] else 1.0
        figures = " ".join(f"{c[h]:>8}" for h in head[1:])
        print(f"{key:<11} {figures}  {precision:9.3f} {recall:6.3f}")
    if args.details:
        print("\n".join(result["details"]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
