"""Synthetic growth: the real index's places plus perturbed copies, at 1x, 10x and 50x.

Copy c of a place gets the id ``<id>~c``, no GeoNames id, P-code or seat links, coordinates
moved by up to ±0.15° and every name changed by one key-changing mutation (an extra
consonant, or one Arabic letter replaced) plus up to two cosmetic ones (vowel class,
doubled letter, article), so names stay realistic, lengths keep their distribution and a
copy is a new place, not a duplicate spelling of the original.
"""

from __future__ import annotations

import random
import time
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from common import log, median, percentile
from mutate import mutate

#: Largest factor whose cold start is also measured with a fuzzy first query (a process per run that
#: builds the whole fuzzy table: tens of seconds at 50x; the build is timed in process at every size).
FUZZY_FIRST_MAX = 10


def synthetic_places(places: Sequence[Any], factor: int, seed: int = 50) -> list[Any]:
    if factor <= 1:
        return list(places)
    from gazetteer.model import Name

    rng = random.Random(seed)
    out = list(places)
    for c in range(1, factor):
        for p in places:
            names = tuple(Name(mutate(n.text, rng, change_key=True), n.lang, n.source, n.flags) for n in p.names)
            out.append(
                replace(
                    p,
                    id=f"{p.id}~{c}",
                    name=names[0].text if names else p.name,
                    names=names,
                    lat=p.lat + rng.uniform(-0.15, 0.15),
                    lon=p.lon + rng.uniform(-0.15, 0.15),
                    geonames_id=None,
                    pcode=None,
                    wikidata=None,
                    seat=None,
                    seat_of=(),
                    parent=None,
                )
            )
    return out


@dataclass
class GrowthRow:
    factor: int
    places: int
    names: int
    write_s: float
    size_bytes: int
    cold: Any  # costs.ColdStart (checkout, GAZETTEER_INDEX)
    fuzzy_build_s: float
    med: dict[str, float]  # tier -> median uncached resolve() with the place read
    p99: dict[str, float]
    variant_keys_shared: float  # share of variant keys with more than one place


def run_growth(
    places: Sequence[Any],
    factors: Sequence[int],
    workdir: Path,
    queries: dict[str, list[str]],
    *,
    load_runs: int,
    rounds: int,
) -> list[GrowthRow]:
    """For each factor: write the synthetic index, cold start in fresh interpreters, the fuzzy table's build,
    and the same queries per tier (uncached, the place read; :func:`costs.time_tiers`)."""
    from costs import cold_start, time_tiers

    import gazetteer
    from gazetteer.index import write_index

    rows: list[GrowthRow] = []
    for factor in factors:
        t0 = time.perf_counter()
        synth = synthetic_places(places, factor)
        path = workdir / f"growth-{factor}x.gzidx"
        t1 = time.perf_counter()
        write_index(path, synth, {"data_version": f"synthetic-{factor}x", "benchmark": True})
        write_s = time.perf_counter() - t1
        log(f"growth {factor}x: {len(synth)} places generated in {t1 - t0:.1f} s, written in {write_s:.1f} s")
        first = {"exact": queries["exact"][0]}
        if factor <= FUZZY_FIRST_MAX:  # beyond, the first fuzzy query is the fuzzy table's build (timed below)
            first["fuzzy"] = queries["fuzzy"][0]
        cold = cold_start(first, load_runs, index_path=path)
        g = gazetteer.load(path)
        t2 = time.perf_counter()
        g.opened.build_fuzzy_tables()
        fuzzy_build = time.perf_counter() - t2
        timings = time_tiers(g, queries, per_tier=max(len(v) for v in queries.values()), rounds=rounds)
        variant, name_place = g.opened.variant, g.opened.name_place
        shared = sum(1 for k in variant if len({name_place[r] for r in variant[k]}) > 1) / max(1, len(variant))
        rows.append(
            GrowthRow(
                factor,
                len(synth),
                sum(len(p.names) for p in synth),
                write_s,
                path.stat().st_size,
                cold,
                fuzzy_build,
                {t: median(tt.uncached) for t, tt in timings.items()},
                {t: percentile(tt.uncached, 99) for t, tt in timings.items()},
                shared,
            )
        )
        del g
        path.unlink(missing_ok=True)
    return rows
