"""Cost figures: per-query time by tier, bulk throughput, build, cold load, memory."""

from __future__ import annotations

import json
import random
import subprocess
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from common import BENCH_DIR, REPO, log, median, percentile
from mutate import cosmetic, gibberish, key_changing, typo
from peers import clear_caches

TIERS = ("exact", "variant", "skeleton", "fuzzy", "miss")


def prebuild_fuzzy(g: Any) -> None:
    """Build the lazily built fuzzy table now (its cost is reported separately)."""
    if hasattr(g, "_fuzzy_table"):
        g._fuzzy_table()


# -- query pools ----------------------------------------------------------------------------------


def query_pool(places: Sequence[Any], n_each: int, seed: int = 7) -> list[str]:
    """Indexed names as written, cosmetic variants, typos, new names and gibberish."""
    rng = random.Random(seed)
    texts = sorted({n.text for p in places for n in p.names})
    base = rng.sample(texts, min(len(texts), n_each))
    pool = list(base)
    pool += [cosmetic(t, rng) for t in rng.sample(texts, min(len(texts), n_each))]
    pool += [typo(t, rng) for t in rng.sample(texts, min(len(texts), n_each))]
    pool += [key_changing(t, rng) for t in rng.sample(texts, min(len(texts), n_each))]
    pool += [gibberish(rng) for _ in range(n_each // 2)]
    return list(dict.fromkeys(pool))


def classify(g: Any, pool: Sequence[str]) -> dict[str, list[str]]:
    """Queries by the tier of their best match (``miss`` when nothing is found)."""
    from gazetteer import GazetteerError

    out: dict[str, list[str]] = {t: [] for t in TIERS}
    for q in pool:
        try:
            m = g.resolve(q)
        except GazetteerError:
            continue
        out["miss" if m is None else m.tier].append(q)
    return out


@dataclass
class TierTiming:
    tier: str
    n: int
    uncached: list[float] = field(default_factory=list)  # per-query medians, seconds
    cached: list[float] = field(default_factory=list)
    keys_only: list[float] = field(default_factory=list)


def time_tiers(
    g: Any, by_tier: dict[str, list[str]], *, per_tier: int, repeats: int, seed: int = 11
) -> dict[str, TierTiming]:
    """Uncached (LRU and key cache emptied before each call) and cached ``resolve()`` per tier.

    Each query is timed ``repeats`` times; its median is one sample; the report gives the
    median and p99 of those samples."""
    from gazetteer import normalize

    keys_cache = getattr(normalize, "_cached_keys", None)
    rng = random.Random(seed)
    prebuild_fuzzy(g)  # built lazily on first need: its cost is reported with the cold load
    out: dict[str, TierTiming] = {}
    for tier in TIERS:
        queries = by_tier.get(tier, [])
        if len(queries) > per_tier:
            queries = rng.sample(queries, per_tier)
        tt = TierTiming(tier, len(queries))
        for q in queries:
            un, ca, ko = [], [], []
            for _ in range(repeats):
                clear_caches(g, keys_cache)
                t0 = time.perf_counter_ns()
                g.resolve(q)
                un.append(time.perf_counter_ns() - t0)
                t0 = time.perf_counter_ns()
                g.resolve(q)
                ca.append(time.perf_counter_ns() - t0)
                if keys_cache is not None:
                    keys_cache.cache_clear()
                t0 = time.perf_counter_ns()
                normalize.keys(q)
                ko.append(time.perf_counter_ns() - t0)
            tt.uncached.append(median(un) / 1e9)
            tt.cached.append(median(ca) / 1e9)
            tt.keys_only.append(median(ko) / 1e9)
        out[tier] = tt
    return out


def summarize_tiers(timings: dict[str, TierTiming]) -> list[dict[str, Any]]:
    rows = []
    for tier, tt in timings.items():
        rows.append(
            {
                "tier": tier,
                "n": tt.n,
                "uncached_median": median(tt.uncached),
                "uncached_p99": percentile(tt.uncached, 99),
                "cached_median": median(tt.cached),
                "cached_p99": percentile(tt.cached, 99),
                "keys_median": median(tt.keys_only),
            }
        )
    return rows


def place_materialisation(g: Any, n: int = 300) -> float:
    """Median seconds of ``IndexFile.place(row)``: paid once per place the first time it is returned."""
    rows = list(range(min(n, len(g))))
    times = []
    for r in rows:
        t0 = time.perf_counter_ns()
        g.index.place(r)
        times.append(time.perf_counter_ns() - t0)
    return median(times) / 1e9


# -- bulk ---------------------------------------------------------------------------------------------


def zipf_stream(by_tier: dict[str, list[str]], *, distinct: int, total: int, seed: int = 3) -> list[str]:
    """``total`` mentions drawn Zipf-like (s = 1.1) from ``distinct`` mentions: about half names as
    written, the rest variants, typos and misses."""
    rng = random.Random(seed)
    mix = {"exact": 0.5, "variant": 0.2, "skeleton": 0.05, "fuzzy": 0.15, "miss": 0.10}
    chosen: list[str] = []
    for tier, share in mix.items():
        pool = by_tier.get(tier, [])
        chosen += rng.sample(pool, min(len(pool), int(distinct * share)))
    while len(chosen) < distinct and by_tier.get("exact"):
        chosen.append(rng.choice(by_tier["exact"]) + " ")  # same mention, different raw text
    rng.shuffle(chosen)
    weights = [1.0 / (i + 1) ** 1.1 for i in range(len(chosen))]
    return rng.choices(chosen, weights=weights, k=total)


def time_bulk(index_path: Path, stream: Sequence[str], runs: int) -> list[float]:
    """Seconds of ``resolve_many(stream)`` on a freshly loaded index with empty caches (load not timed)."""
    import gazetteer
    from gazetteer import normalize

    out = []
    for _ in range(runs):
        g = gazetteer.load(index_path)
        prebuild_fuzzy(g)
        clear_caches(g, getattr(normalize, "_cached_keys", None))
        t0 = time.perf_counter()
        table = g.resolve_many(list(stream))
        out.append(time.perf_counter() - t0)
        assert table.num_rows == len(stream)
    return out


# -- build, load, memory ----------------------------------------------------------------------------


def time_build(data_dir: Path, out: Path, runs: int) -> tuple[list[float], Any]:
    from gazetteer import normalize
    from gazetteer.build import build

    times, result = [], None
    for _ in range(runs):
        keys_cache = getattr(normalize, "_cached_keys", None)
        if keys_cache is not None:
            keys_cache.cache_clear()  # a second build in one process would reuse the first one's keys
        t0 = time.perf_counter()
        result = build([data_dir], out)
        times.append(time.perf_counter() - t0)
    return times, result


def _probe(args: list[str]) -> tuple[float, dict[str, float]]:
    cmd = [sys.executable, str(BENCH_DIR / "probe_load.py"), str(REPO), *args]
    t0 = time.perf_counter()
    done = subprocess.run(cmd, capture_output=True, text=True, check=False)
    wall = time.perf_counter() - t0
    if done.returncode != 0:
        raise RuntimeError(f"probe failed: {' '.join(cmd)}\n{done.stderr[-2000:]}")
    return wall, json.loads(done.stdout.strip().splitlines()[-1])


@dataclass
class LoadFigures:
    runs: int
    wall_import: list[float]
    wall_load: list[float]
    probes: list[dict[str, float]]

    def med(self, key: str) -> float:
        return median([p[key] for p in self.probes if key in p])

    @property
    def cold_load_wall(self) -> float:
        """Median wall time of interpreter + import + load, minus that of interpreter + import."""
        return median(self.wall_load) - median(self.wall_import)

    @property
    def wall_spread(self) -> float:
        """Half the interquartile range of the import-only wall times: the noise of the wall figure."""
        return (percentile(self.wall_import, 75) - percentile(self.wall_import, 25)) / 2

    @property
    def load_in_process(self) -> float:
        return self.med("load_s")

    @property
    def first_fuzzy_extra(self) -> float:
        return median([p["first_fuzzy_s"] - p.get("again_fuzzy_s", p["second_fuzzy_s"]) for p in self.probes])

    @property
    def fuzzy_built_by_query(self) -> bool:
        return all(p.get("fuzzy_table_built", 1.0) for p in self.probes)

    @property
    def rss_load_mib(self) -> float:
        return median([(p["rss_load_kib"] - p["rss_import_kib"]) / 1024 for p in self.probes])

    @property
    def rss_fuzzy_mib(self) -> float:
        return median([(p["rss_fuzzy_kib"] - p["rss_load_kib"]) / 1024 for p in self.probes])


def cold_load(index_path: Path, exact_q: str, fuzzy_q: str, fuzzy_q2: str, runs: int) -> LoadFigures:
    """Fresh interpreters, alternating "import only" and "import + load + three queries"."""
    wi, wl, probes = [], [], []
    _probe(["import"])  # warm the OS file cache and .pyc files once
    for _ in range(runs):
        w, _ = _probe(["import"])
        wi.append(w)
        w, p = _probe(["load", str(index_path), exact_q, fuzzy_q, fuzzy_q2])
        # the wall time of the load run includes the three queries: subtract them
        wl.append(w - p["first_exact_s"] - p["first_fuzzy_s"] - p.get("again_fuzzy_s", 0.0) - p["second_fuzzy_s"])
        probes.append(p)
    log(f"cold load: {runs} runs, median in-process load {median([p['load_s'] for p in probes]) * 1e3:.1f} ms")
    return LoadFigures(runs, wi, wl, probes)


def posting_stats(g: Any) -> dict[str, float]:
    """How long the exact-key posting lists are, in name rows and in distinct places."""
    exact = getattr(g, "_exact", None)
    name_place = getattr(g, "_name_place", None)
    if not exact or name_place is None:
        return {}
    rows = [len(v) for v in exact.values()]
    places = [len({name_place[r] for r in v}) for v in exact.values()]
    return {
        "keys": len(rows),
        "rows": sum(rows),
        "rows_per_key_mean": sum(rows) / len(rows),
        "rows_per_key_max": max(rows),
        "places_per_key_mean": sum(places) / len(places),
        "duplicate_rows": sum(rows) - sum(places),
    }


def import_profile(top: int = 8) -> list[tuple[str, float, float]]:
    """``python -X importtime -c "import gazetteer"``: the slowest modules as (name, self s, cumulative s)."""
    cmd = [sys.executable, "-X", "importtime", "-c", f"import sys; sys.path.insert(0, {str(REPO)!r}); import gazetteer"]
    done = subprocess.run(cmd, capture_output=True, text=True, check=False)
    rows = []
    for line in done.stderr.splitlines():
        parts = line.split("|")
        if len(parts) != 3 or not line.startswith("import time:"):
            continue
        try:
            self_us = int(parts[0].split(":")[1])
            cum_us = int(parts[1])
        except ValueError:
            continue
        rows.append((parts[2].strip(), self_us / 1e6, cum_us / 1e6))
    wanted = [r for r in rows if r[0].startswith("gazetteer") or r[0] in ("pyarrow", "pyproj", "rapidfuzz", "numpy")]
    return sorted(wanted, key=lambda r: -r[1])[:top]
