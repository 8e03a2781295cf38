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

from common import log, median
from mutate import mutate


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
    load: Any  # costs.LoadFigures
    fuzzy_build_s: float
    exact_med: float
    variant_med: float
    fuzzy_med: float
    miss_med: float
    variant_keys_shared: float  # share of variant keys with more than one place


def run_growth(
    places: Sequence[Any],
    factors: Sequence[int],
    workdir: Path,
    queries: dict[str, list[str]],
    *,
    load_runs: int,
    repeats: int,
) -> list[GrowthRow]:
    from costs import clear_caches, cold_load

    import gazetteer
    from gazetteer import normalize
    from gazetteer.index import write_index

    rows: list[GrowthRow] = []
    keys_cache = getattr(normalize, "_cached_keys", None)
    for factor in factors:
        t0 = time.perf_counter()
        synth = synthetic_places(places, factor)
        path = workdir / f"growth-{factor}x.gzidx"
        t1 = time.perf_counter()
        write_index(path, synth, {"data_version": f"synthetic-{factor}x", "benchmark": True})
        write_s = time.perf_counter() - t1
        log(f"growth {factor}x: {len(synth)} places generated in {t1 - t0:.1f} s, written in {write_s:.1f} s")
        fuzzy = queries["fuzzy"]
        load = cold_load(path, queries["exact"][0], fuzzy[0], fuzzy[1 % len(fuzzy)], load_runs)
        g = gazetteer.load(path)
        t2 = time.perf_counter()
        if hasattr(g, "_fuzzy_table"):
            g._fuzzy_table()
        fuzzy_build = time.perf_counter() - t2
        meds = {}
        for tier in ("exact", "variant", "fuzzy", "miss"):
            per_query = []
            for q in queries[tier]:
                times = []
                for _ in range(repeats):
                    clear_caches(g, keys_cache)
                    s = time.perf_counter_ns()
                    g.resolve(q)
                    times.append(time.perf_counter_ns() - s)
                per_query.append(median(times) / 1e9)
            meds[tier] = median(per_query)
        variant = getattr(g, "_variant", {})
        name_place = getattr(g, "_name_place", [])
        shared = sum(1 for v in variant.values() if len({name_place[r] for r in v}) > 1) / max(1, len(variant))
        rows.append(
            GrowthRow(
                factor,
                len(synth),
                sum(len(p.names) for p in synth),
                write_s,
                path.stat().st_size,
                load,
                fuzzy_build,
                meds["exact"],
                meds["variant"],
                meds["fuzzy"],
                meds["miss"],
                shared,
            )
        )
        del g
        path.unlink(missing_ok=True)
    return rows
