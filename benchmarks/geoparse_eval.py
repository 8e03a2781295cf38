"""Geoparsing measured on annotated texts: precision, recall and F1 of (span, place) pairs, and speed.

    python benchmarks/geoparse_eval.py [--index PATH] [--texts dev|test|all] [--speed]

Texts: ``data/geoparse/texts/*.txt`` (encyclopedia articles, CC BY-SA, attribution in
``data/geoparse/sources.tsv``) and, when ``../shared/seeds`` exists, the two seed articles
(their gold files are here, their text is not). Gold: ``data/geoparse/gold/<id>.tsv`` — every
Syrian place mention with its place (an id of the index, or NONE when the index lacks it).

A predicted mention is right when its span is the gold span and its place is the gold place
(same id, same GeoNames id, or within 5 km: ``common.is_right``). Gold NONE mentions count in
no recall; a prediction on them, or on no gold span, is a false positive. *dev* texts (en01-en03,
en08-en11, en16 and up, ar01-ar03, ar08-ar11, ar16 and up, and the seed articles: :data:`DEV`) are the ones the rules
were tuned on; *test* texts (en04-en07, en12-en15, ar04-ar07, ar12-ar15) never were.

Systems: gazetteer (``Gazetteer.geoparse``); a baseline that takes every spotted span's first
indexed name, with no context and no confidence; ``geotext`` (its own world-cities data, names
only: a predicted city is placed at its GeoNames point) when installed.
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from common import DATA_DIR, REPO, Answer, Target, is_right, log

sys.path.insert(0, str(REPO))

GEO_DIR = DATA_DIR / "geoparse"
SEEDS = {
    "seed-rastan-talbiseh": "aa-2024-12-06-rastan-talbiseh.txt",
    "seed-expand-north": "aa-2024-12-06-expand-north-towards-damascus.txt",
}
#: The tuning texts; en04-en07, en12-en15, ar04-ar07 and ar12-ar15 are the test half.
DEV = {
    *(f"en{n:02d}" for n in (1, 2, 3, *range(8, 12), *range(16, 421))),
    *(f"ar{n:02d}" for n in (1, 2, 3, *range(8, 12), *range(16, 406))),
    *SEEDS,
}


@dataclass
class Gold:
    start: int
    end: int
    text: str
    target: Target | None  # None: the index lacks the place


@dataclass
class Doc:
    id: str
    lang: str
    text: str
    gold: list[Gold]

    @property
    def split(self) -> str:
        return "dev" if self.id in DEV else "test"


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    wrong_place: int = 0  # a right span with a wrong place (counted in fp and fn)
    details: list[str] = field(default_factory=list)

    def add(self, other: Score) -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn
        self.wrong_place += other.wrong_place

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def load_docs(g: Any) -> list[Doc]:
    """The annotated texts (seed articles only when ../shared/seeds exists)."""
    langs = {}
    with open(GEO_DIR / "sources.tsv", encoding="utf-8") as f:
        for row in csv.DictReader(f, delimiter="\t"):
            langs[row["id"]] = row["lang"]
    docs = []
    seeds_dir = REPO.parent / "shared" / "seeds"
    for gold_path in sorted((GEO_DIR / "gold").glob("*.tsv")):
        doc_id = gold_path.stem
        if doc_id in SEEDS:
            path = seeds_dir / SEEDS[doc_id]
            if not path.is_file():
                continue
            lang = "en"
        else:
            path = GEO_DIR / "texts" / f"{doc_id}.txt"
            lang = langs[doc_id]
        text = path.read_text(encoding="utf-8")
        gold = []
        with open(gold_path, encoding="utf-8") as f:
            for row in csv.DictReader(f, delimiter="\t"):
                start, end = int(row["start"]), int(row["end"])
                assert text[start:end] == row["text"], (doc_id, row)
                target = None
                if row["place"] != "NONE":
                    lat, lon = float(row["lat"]), float(row["lon"])
                    place = g.place(row["place"])
                    gid = place.geonames_id if place is not None else None
                    target = Target(row["place"], gid, lat, lon)
                gold.append(Gold(start, end, row["text"], target))
        docs.append(Doc(doc_id, lang, text, gold))
    return docs


def score(doc: Doc, predicted: list[tuple[int, int, Answer]]) -> Score:
    """Compare (start, end, answer) predictions with the gold mentions of a text."""
    s = Score()
    gold_by_span = {(m.start, m.end): m for m in doc.gold}
    matched: set[tuple[int, int]] = set()
    for start, end, answer in predicted:
        gold = gold_by_span.get((start, end))
        if gold is not None and gold.target is not None and is_right(answer, (gold.target,)):
            s.tp += 1
            matched.add((start, end))
        else:
            s.fp += 1
            if gold is not None and gold.target is not None:
                s.wrong_place += 1
            s.details.append(
                f"FP {doc.id} {doc.text[start:end]!r} -> {answer.label} ({answer.place_id})"
                + ("" if gold is None else f", gold {gold.target.place_id if gold.target else 'NONE'}")
            )
    for m in doc.gold:
        if m.target is not None and (m.start, m.end) not in matched:
            s.fn += 1
            s.details.append(f"FN {doc.id} {m.text!r} gold {m.target.place_id}")
    return s


def gazetteer_predict(g: Any, text: str) -> list[tuple[int, int, Answer]]:
    return [(m.start, m.end, _answer(m.match.place)) for m in g.geoparse(text)]


def baseline_predict(g: Any, text: str) -> list[tuple[int, int, Answer]]:
    """Longest-match dictionary lookup: each spotted span's first indexed name, no context, no threshold."""
    from gazetteer.spot import Words, spot

    o = g.opened
    out = []
    for span in spot(text, Words(text), o.spot_index()):
        out.append((span.start, span.end, _answer(o.place(o.name_place[span.rows[0]]))))
    return out


class GeotextPeer:
    """geotext: world cities (GeoNames cities15000) by name; a Syrian city is placed at its point."""

    def __init__(self) -> None:
        import geotext

        self.geotext = geotext
        data = Path(geotext.__file__).parent / "data" / "cities15000.txt"
        self.points: dict[str, tuple[int, float, float, str]] = {}
        with open(data, encoding="utf-8") as f:
            for line in f:
                cols = line.split("\t")
                if len(cols) > 8 and cols[8] == "SY":
                    for name in {cols[1], cols[2]}:
                        self.points.setdefault(name.lower(), (int(cols[0]), float(cols[4]), float(cols[5]), cols[1]))

    def predict(self, text: str) -> list[tuple[int, int, Answer]]:
        out = []
        found = self.geotext.GeoText(text)
        for name in dict.fromkeys(found.cities):
            point = self.points.get(name.lower())
            if point is None:
                continue  # a city outside Syria: no Syrian place
            start = text.find(name)
            while start >= 0:
                out.append((start, start + len(name), Answer(f"gn:{point[0]}", point[0], point[1], point[2], point[3])))
                start = text.find(name, start + 1)
        return out


def _answer(p: Any) -> Answer:
    return Answer(p.id, p.geonames_id, p.lat, p.lon, p.name)


def evaluate(docs: list[Doc], predict: Any) -> dict[str, Any]:
    per_doc = {}
    groups: dict[str, Score] = {}
    details = []
    for doc in docs:
        s = score(doc, predict(doc.text))
        per_doc[doc.id] = s
        details += s.details
        for key in ("all", doc.lang, doc.split, f"{doc.split}-{doc.lang}"):
            groups.setdefault(key, Score()).add(s)
    return {"per_doc": per_doc, "groups": groups, "details": details}


def throughput(
    g_path: Path, docs: list[Doc], sizes: tuple[int, ...] = (10_000, 100_000, 1_000_000)
) -> list[dict[str, float]]:
    """Characters per second of geoparse on texts of each size (paragraphs of the corpus, shuffled).

    One-off set-up (the spot index, the fuzzy table, the place columns) is done before the clock
    starts; a fresh index holds no answers, but paragraphs repeat in the larger texts, so their
    mentions come from the answer cache as in a corpus of related texts (``run.py`` reports the
    first-seen figure with every cache emptied)."""
    from gazetteer import load

    paragraphs = [p for d in docs for p in d.text.split("\n") if p.strip()]
    rng = random.Random(7)
    out = []
    for size in sizes:
        parts: list[str] = []
        while sum(map(len, parts)) < size:
            parts.append(rng.choice(paragraphs))
        text = "\n".join(parts)[:size]
        g = load(g_path)  # a fresh index: no cached answers
        # One sentence per script: the spot index, the normaliser's character classes (scanned on
        # first Arabic text in a source checkout; a wheel reads them) and both common-word lists.
        g.geoparse("Warm up the spot index near the village of Talbiseh. قرب قرية تلبيسة في ريف حمص")
        g.opened.build_fuzzy_tables()
        g.opened.place(0)
        g.clear_cache()
        t0 = time.perf_counter()
        n = len(g.geoparse(text))
        dt = time.perf_counter() - t0
        out.append({"chars": len(text), "seconds": dt, "chars_per_s": len(text) / dt, "mentions": n})
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--index", help="index file (default: build the shipped one)")
    parser.add_argument("--texts", choices=("dev", "test", "all"), default="all")
    parser.add_argument("--speed", action="store_true", help="also measure throughput at 10 kB, 100 kB, 1 MB")
    parser.add_argument("--details", action="store_true", help="print every false positive and negative")
    parser.add_argument("--json", help="write the figures to this file")
    args = parser.parse_args(argv)
    import tempfile

    from gazetteer import load
    from gazetteer.build import build_default

    tmp = Path(tempfile.mkdtemp())
    path = Path(args.index) if args.index else tmp / "default.gzidx"
    if not args.index:
        build_default(path)
    g = load(path)
    docs = [d for d in load_docs(g) if args.texts == "all" or d.split == args.texts]
    systems: dict[str, Any] = {
        "gazetteer": lambda t: gazetteer_predict(g, t),
        "baseline": lambda t: baseline_predict(g, t),
    }
    try:
        peer = GeotextPeer()
        systems["geotext"] = peer.predict
    except ImportError:
        log("geotext not installed: peer left out")
    results = {name: evaluate(docs, fn) for name, fn in systems.items()}
    figures: dict[str, Any] = {"docs": {d.id: {"lang": d.lang, "split": d.split, "chars": len(d.text),
                                               "mentions": len(d.gold)} for d in docs}}  # fmt: skip
    for name, r in results.items():
        print(f"\n{name}")
        for key, s in sorted(r["groups"].items()):
            figures_line = f"P {s.precision:.3f}  R {s.recall:.3f}  F1 {s.f1:.3f}  (tp {s.tp}, fp {s.fp}, fn {s.fn})"
            print(f"  {key:<10} {figures_line}")
        figures[name] = {
            "groups": {k: {"p": s.precision, "r": s.recall, "f1": s.f1, "tp": s.tp, "fp": s.fp, "fn": s.fn}
                       for k, s in r["groups"].items()},
            "per_doc": {k: {"p": s.precision, "r": s.recall, "f1": s.f1, "fp": s.fp} for k, s in r["per_doc"].items()},
        }  # fmt: skip
    print("\nper text (gazetteer): F1, false positives")
    for doc_id, s in results["gazetteer"]["per_doc"].items():
        print(f"  {doc_id:<22} F1 {s.f1:.3f}  FP {s.fp}")
    if args.details:
        for line in results["gazetteer"]["details"]:
            print("  " + line)
    if args.speed:
        figures["throughput"] = throughput(path, docs)
        for row in figures["throughput"]:
            print(f"  {row['chars']:>9,} chars in {row['seconds']:.3f} s: {row['chars_per_s'] / 1e6:.2f} M chars/s")
    if args.json:
        Path(args.json).write_text(json.dumps(figures, indent=1, default=str), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
