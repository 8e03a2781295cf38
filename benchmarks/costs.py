"""Cost figures: per-query time by tier, bulk throughput (distinct and Zipf), cold start, build, memory,
nearest(), geoparse throughput.

Every per-query figure is uncached unless it says otherwise: before each timed call the answer
cache and the built ``Place`` objects (``Gazetteer.clear_cache()``), the name-key cache and the
spotting word cache are emptied (:func:`common.clear_caches`), and the timed call reads the
returned place. Timed calls are spread over rounds: every round times each query once, in a
new shuffled order, so no query is timed twice in a row; a query's sample is its median over
the rounds, and the report gives the median and p99 of those samples.
"""

from __future__ import annotations

import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from common import BENCH_DIR, REPO, clear_caches, clear_query_caches, log, median, percentile
from mutate import cosmetic, gibberish, key_changing, typo

TIERS = ("exact", "variant", "skeleton", "fuzzy", "miss")


def prebuild_fuzzy(g: Any) -> float:
    """Build the lazily built fuzzy table now; its seconds (its cost is reported with the cold start)."""
    t0 = time.perf_counter()
    opened = getattr(g, "opened", None)
    if opened is not None and hasattr(opened, "build_fuzzy_tables"):  # one table per key length
        opened.build_fuzzy_tables()
    elif opened is not None and hasattr(opened, "fuzzy_table"):  # an older library: one table
        opened.fuzzy_table()
    return time.perf_counter() - t0


# -- query pools ----------------------------------------------------------------------------------


def written_names(places: Sequence[Any]) -> list[str]:
    """Every name a source wrote (derived "core" names left out), once."""
    return sorted({n.text for p in places for n in p.names if "core" not in n.flags})


def mention_pool(places: Sequence[Any], real: Sequence[str], *, seed: int = 7) -> dict[str, list[str]]:
    """Distinct mentions by origin: ``real`` (names as the sources wrote them and the corpus mentions),
    ``variant`` (a cosmetic spelling change of a written name), ``typo`` (a keyboard slip),
    ``new`` (a key-changing change: mostly another name) and ``gibberish``."""
    rng = random.Random(seed)
    names = written_names(places)
    seen: set[str] = set()

    def fresh(texts: Sequence[str]) -> list[str]:
        out = []
        for t in texts:
            t = t.strip()
            if t and t not in seen:
                seen.add(t)
                out.append(t)
        return out

    pool = {"real": fresh([*names, *real])}
    pool["variant"] = fresh([cosmetic(t, rng) for t in names])
    pool["typo"] = fresh([typo(t, rng) for t in names])
    pool["new"] = fresh([key_changing(t, rng) for t in rng.sample(names, min(len(names), 3000))])
    pool["gibberish"] = fresh([gibberish(rng) for _ in range(2000)])
    return pool


def classify(g: Any, texts: Sequence[str]) -> dict[str, list[str]]:
    """Mentions by the tier of their best candidate (any confidence; ``miss`` when there is none)."""
    from gazetteer import GazetteerError

    out: dict[str, list[str]] = {t: [] for t in TIERS}
    for q in texts:
        try:
            found = g.candidates(q, limit=1)
        except GazetteerError:
            continue
        out[found[0].tier if found else "miss"].append(q)
    return out


# -- per-query time by tier -------------------------------------------------------------------------


@dataclass
class TierTiming:
    tier: str
    n: int
    uncached: list[float] = field(default_factory=list)  # per-query medians over the rounds, seconds
    first_round: list[float] = field(default_factory=list)  # the first round alone
    cached: list[float] = field(default_factory=list)
    keys_only: list[float] = field(default_factory=list)


def _resolve_and_read(g: Any, q: str) -> None:
    m = g.resolve(q)
    if m is not None:
        m.place.lat  # noqa: B018 - a caller reads the place


def time_tiers(
    g: Any, by_tier: dict[str, list[str]], *, per_tier: int, rounds: int, seed: int = 11
) -> dict[str, TierTiming]:
    """``resolve(q)`` and reading the place: uncached (every cache emptied first) and cached (again at once);
    also ``normalize.keys(q)`` alone with its cache emptied."""
    from gazetteer import normalize

    rng = random.Random(seed)
    prebuild_fuzzy(g)  # built lazily on the first fuzzy need: its cost is reported with the cold start
    chosen = {t: rng.sample(qs, min(per_tier, len(qs))) for t, qs in by_tier.items()}
    jobs = [(t, i, q) for t, qs in chosen.items() for i, q in enumerate(qs)]
    un: dict[tuple[str, int], list[float]] = {}
    ca: dict[tuple[str, int], list[float]] = {}
    ko: dict[tuple[str, int], list[float]] = {}
    keys_cache = getattr(normalize, "_cached_keys", None)
    for _ in range(rounds):
        rng.shuffle(jobs)
        for t, i, q in jobs:
            clear_caches(g)
            t0 = time.perf_counter_ns()
            _resolve_and_read(g, q)
            t1 = time.perf_counter_ns()
            _resolve_and_read(g, q)
            t2 = time.perf_counter_ns()
            if keys_cache is not None:
                keys_cache.cache_clear()
            t3 = time.perf_counter_ns()
            normalize.keys(q)
            t4 = time.perf_counter_ns()
            un.setdefault((t, i), []).append((t1 - t0) / 1e9)
            ca.setdefault((t, i), []).append((t2 - t1) / 1e9)
            ko.setdefault((t, i), []).append((t4 - t3) / 1e9)
    out: dict[str, TierTiming] = {}
    for t, qs in chosen.items():
        tt = TierTiming(t, len(qs))
        for i in range(len(qs)):
            tt.uncached.append(median(un[(t, i)]))
            tt.first_round.append(un[(t, i)][0])
            tt.cached.append(median(ca[(t, i)]))
            tt.keys_only.append(median(ko[(t, i)]))
        out[t] = tt
    return out


def summarize_tiers(timings: dict[str, TierTiming]) -> list[dict[str, Any]]:
    rows = []
    for tier in TIERS:
        tt = timings.get(tier)
        if tt is None:
            continue
        rows.append(
            {
                "tier": tier,
                "n": tt.n,
                "uncached_median": median(tt.uncached),
                "uncached_p99": percentile(tt.uncached, 99),
                "first_round_median": median(tt.first_round),
                "first_round_p99": percentile(tt.first_round, 99),
                "cached_median": median(tt.cached),
                "cached_p99": percentile(tt.cached, 99),
                "keys_median": median(tt.keys_only),
            }
        )
    return rows


def place_materialisation(g: Any, n: int = 500, seed: int = 3) -> dict[str, float]:
    """Seconds to build a ``Place`` from the index columns (``opened.place(row)`` after ``clear_cache()``)."""
    rng = random.Random(seed)
    rows = rng.sample(range(len(g)), min(n, len(g)))
    g.opened.place(rows[0])  # the place columns are fetched on the first build
    g.clear_cache()
    times = []
    for r in rows:
        t0 = time.perf_counter_ns()
        g.opened.place(r)
        times.append((time.perf_counter_ns() - t0) / 1e9)
    return {"median": median(times), "p99": percentile(times, 99), "n": len(times)}


# -- bulk ---------------------------------------------------------------------------------------------


def zipf_stream(distinct: Sequence[str], *, total: int, s: float = 1.1, seed: int = 3) -> list[str]:
    """``total`` mentions drawn Zipf-like (exponent ``s``) from ``distinct`` (in its given order of popularity)."""
    rng = random.Random(seed)
    weights = [1.0 / (i + 1) ** s for i in range(len(distinct))]
    return rng.choices(list(distinct), weights=weights, k=total)


def time_bulk(index_path: Path, stream: Sequence[str], runs: int) -> list[float]:
    """Seconds of ``resolve_many(stream)`` on a freshly loaded index with every cache empty (load not timed)."""
    import gazetteer

    out = []
    for _ in range(runs):
        g = gazetteer.load(index_path)
        prebuild_fuzzy(g)
        clear_caches(g)
        t0 = time.perf_counter()
        table = g.resolve_many(list(stream))
        out.append(time.perf_counter() - t0)
        assert table.num_rows == len(stream)
    return out


# -- build, cold start, memory ------------------------------------------------------------------------


def time_build(out: Path, runs: int, *, exclude: Sequence[str] = ()) -> tuple[list[float], Any]:
    """``build_default(out)`` ``runs`` times (each in this process, the key cache emptied first)."""
    from gazetteer import normalize
    from gazetteer.build import build_default

    times, result = [], None
    for _ in range(runs):
        keys_cache = getattr(normalize, "_cached_keys", None)
        if keys_cache is not None:
            keys_cache.cache_clear()  # a second build in one process would reuse the first one's keys
        t0 = time.perf_counter()
        result = build_default(out, exclude=set(exclude)) if exclude else build_default(out)
        times.append(time.perf_counter() - t0)
    return times, result


def installed_copy(index_path: Path, workdir: Path) -> Path | None:
    """A site folder holding the package as a wheel installs it (setup.py's ``build_py``): the code, the
    curated files as ``gazetteer._curated``, ``data/default.gzidx`` (this run's build) and the Unicode
    classes for this Python. None when it cannot be assembled."""
    site = workdir / "site"
    try:
        from gazetteer.normalize import unicode_classes

        pkg = site / "gazetteer"
        shutil.copytree(REPO / "gazetteer", pkg, ignore=shutil.ignore_patterns("__pycache__", "data"))
        curated = pkg / "_curated"
        curated.mkdir()
        for f in (REPO / "sources").iterdir():
            if f.is_file() and f.suffix in (".json", ".tsv", ".md"):
                shutil.copy2(f, curated / f.name)
        (pkg / "data").mkdir()
        shutil.copy2(index_path, pkg / "data" / "default.gzidx")
        classes = unicode_classes()
        (pkg / "data" / f"unicode-{classes['unicode']}.json").write_text(json.dumps(classes), encoding="utf-8")
        subprocess.run([sys.executable, "-m", "compileall", "-q", str(site)], check=True, capture_output=True)
    except (OSError, subprocess.CalledProcessError) as e:
        log(f"installed copy not assembled ({e}); cold start measured from the checkout only")
        return None
    return site


def _probe(root: Path, args: list[str], env: dict[str, str]) -> tuple[float, dict[str, float]]:
    cmd = [sys.executable, str(BENCH_DIR / "probe_load.py"), str(root), *args]
    t0 = time.perf_counter()
    done = subprocess.run(cmd, capture_output=True, text=True, check=False, env=env)
    wall = time.perf_counter() - t0
    if done.returncode != 0:
        raise RuntimeError(f"probe failed: {' '.join(cmd)}\n{done.stderr[-2000:]}")
    return wall, json.loads(done.stdout.strip().splitlines()[-1])


def _bare_wall(env: dict[str, str]) -> float:
    t0 = time.perf_counter()
    subprocess.run([sys.executable, "-c", "pass"], check=True, env=env)
    return time.perf_counter() - t0


@dataclass
class ColdStart:
    """Fresh interpreters: ``import gazetteer`` + open the default index + the first query (and its place)."""

    where: str  # "installed" (an installed copy, its shipped index) or "checkout" (GAZETTEER_INDEX)
    runs: int
    probes: dict[str, list[dict[str, float]]]  # first-query kind -> probe figures per run
    walls: dict[str, list[float]]  # first-query kind -> process wall seconds per run
    bare_walls: list[float]  # `python -c pass`
    queries: dict[str, str]

    def med(self, kind: str, key: str) -> float:
        return median([p[key] for p in self.probes.get(kind, []) if key in p])

    def p90(self, kind: str, key: str) -> float:
        return percentile([p[key] for p in self.probes.get(kind, []) if key in p], 90)


def cold_start(
    queries: dict[str, str], runs: int, *, index_path: Path, site: Path | None = None, second: str = ""
) -> ColdStart:
    """``runs`` fresh interpreters per first-query kind, kinds interleaved. With ``site`` the installed copy
    answers from its shipped index; otherwise the checkout with ``GAZETTEER_INDEX=index_path``."""
    cache = tempfile.mkdtemp(prefix="gazetteer-bench-cache-")
    env = {k: v for k, v in os.environ.items() if k not in ("GAZETTEER_INDEX", "PYTHONPATH")}
    env["GAZETTEER_CACHE_DIR"] = cache  # an empty cache: no user index is picked up
    if site is None:
        env["GAZETTEER_INDEX"] = str(index_path)
    root = site if site is not None else REPO
    probes: dict[str, list[dict[str, float]]] = {k: [] for k in queries}
    walls: dict[str, list[float]] = {k: [] for k in queries}
    bare = []
    first = next(iter(queries.values()))
    _probe(root, ["start", first], env)  # .pyc files written, OS file cache warm
    for _ in range(runs):
        bare.append(_bare_wall(env))
        for kind, q in queries.items():
            w, p = _probe(root, ["start", q, *([second] if second else [])], env)
            walls[kind].append(w)
            probes[kind].append(p)
    shutil.rmtree(cache, ignore_errors=True)
    cs = ColdStart("installed" if site is not None else "checkout", runs, probes, walls, bare, dict(queries))
    log(
        f"cold start ({cs.where}): {runs} runs per kind, median import+load+first "
        + ", ".join(f"{k} {cs.med(k, 'total_s') * 1e3:.0f} ms" for k in queries)
    )
    return cs


def import_only(runs: int, root: Path = REPO) -> list[float]:
    """In-process seconds of ``import gazetteer`` alone in fresh interpreters."""
    env = {k: v for k, v in os.environ.items() if k not in ("GAZETTEER_INDEX", "PYTHONPATH")}
    return [_probe(root, ["import"], env)[1]["import_s"] for _ in range(runs)]


def import_profile(root: Path = REPO, top: int = 10) -> list[tuple[str, float, float]]:
    """``python -X importtime -c "import gazetteer"``: the slowest modules as (name, self s, cumulative s)."""
    cmd = [sys.executable, "-X", "importtime", "-c", f"import sys; sys.path.insert(0, {str(root)!r}); import gazetteer"]
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
    return sorted(rows, key=lambda r: -r[1])[:top]


def posting_stats(g: Any) -> dict[str, float]:
    """How long the exact-key posting lists are, in name rows and in distinct places."""
    o = getattr(g, "opened", None)
    if o is None:
        return {}
    exact, name_place = o.exact, o.name_place
    rows = [len(exact[k]) for k in exact]
    places = [len({name_place[r] for r in exact[k]}) for k in exact]
    if not rows:
        return {}
    return {
        "keys": len(rows),
        "rows": sum(rows),
        "rows_per_key_mean": sum(rows) / len(rows),
        "rows_per_key_max": max(rows),
        "places_per_key_mean": sum(places) / len(places),
        "duplicate_rows": sum(rows) - sum(places),
    }


# -- nearest() ----------------------------------------------------------------------------------------


def nearest_costs(g: Any, n: int, seed: int = 13) -> dict[str, float]:
    """``nearest(lat, lon)`` at random points of Syria's bounding box (most of it desert: the far end of
    the search) and at points within 0.05° of a random place (where events are reported): the first
    call (builds the grid), then median and p99 for k=1 and k=10, and ``admin_of``."""
    rng = random.Random(seed)
    points = [(rng.uniform(32.4, 37.2), rng.uniform(35.8, 42.3)) for _ in range(n)]
    places = [(p.lat, p.lon) for p in g.places()]
    near = [(la + rng.uniform(-0.05, 0.05), lo + rng.uniform(-0.05, 0.05)) for la, lo in rng.choices(places, k=n)]
    t0 = time.perf_counter()
    g.nearest(*points[0])
    first = time.perf_counter() - t0
    out: dict[str, float] = {"first_s": first, "n": n}
    for label, fn, at in (
        ("k1", lambda p: g.nearest(*p), points),
        ("k1_near", lambda p: g.nearest(*p), near),
        ("k10", lambda p: g.nearest(*p, k=10), points),
        ("admin_of", lambda p: g.admin_of(*p), points),
    ):
        times = []
        for p in at:
            t = time.perf_counter_ns()
            fn(p)
            times.append((time.perf_counter_ns() - t) / 1e9)
        out[f"{label}_median"] = median(times)
        out[f"{label}_p99"] = percentile(times, 99)
    return out


# -- geoparse throughput --------------------------------------------------------------------------------


def geoparse_text(docs: Sequence[Any], size: int, seed: int = 7) -> str:
    """A text of ``size`` characters made of the corpus's paragraphs in random order (as geoparse_eval does)."""
    paragraphs = [p for d in docs for p in d.text.split("\n") if p.strip()]
    rng = random.Random(seed)
    parts: list[str] = []
    while sum(map(len, parts)) < size:
        parts.append(rng.choice(paragraphs))
    return "\n".join(parts)[:size]


def geoparse_speed_fresh(index_path: Path, sizes: Sequence[int], runs: int) -> dict[str, Any]:
    """:func:`geoparse_speed` in a fresh interpreter (``python costs.py geoparse-speed ...``): a user's process
    holds the library and its text, not the objects of this benchmark's other sections, which the cyclic
    garbage collector would walk in every full collection that geoparsing's allocations trigger."""
    cmd = [sys.executable, str(Path(__file__).resolve()), "geoparse-speed", str(index_path), str(runs),
           *map(str, sizes)]  # fmt: skip
    env = {k: v for k, v in os.environ.items() if k not in ("GAZETTEER_INDEX", "PYTHONPATH")}
    done = subprocess.run(cmd, capture_output=True, text=True, check=False, env=env)
    if done.returncode != 0:
        raise RuntimeError(f"geoparse speed child failed: {' '.join(cmd)}\n{done.stderr[-2000:]}")
    out: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return out


def geoparse_speed(
    index_path: Path, docs: Sequence[Any], sizes: Sequence[int], runs: int, *, steady_only: bool = False
) -> dict[str, Any]:
    """Geoparse throughput per text size, two ways (``steady_only``: the second alone), median of ``runs``:

    * ``eval``: ``geoparse_eval.throughput`` (a freshly loaded index per size), the process-wide caches
      (``common.QUERY_CACHES``) emptied first; it includes the index's one-off lazy builds (fuzzy table, place columns);
    * ``steady``: one index whose lazy tables are built (spot index, fuzzy table, place columns), every
      cache emptied before each timed ``geoparse(text)``: the rate on first-seen text, one-offs excluded.
    """
    import geoparse_eval

    import gazetteer

    def row(size: int, secs: list[float], mentions: int) -> dict[str, Any]:
        text = geoparse_text(docs, size)
        nbytes = len(text.encode("utf-8"))
        t = median(secs)
        return {"chars": len(text), "bytes": nbytes, "seconds": t, "all_seconds": secs,
                "chars_per_s": len(text) / t, "bytes_per_s": nbytes / t, "mentions": mentions}  # fmt: skip

    out: dict[str, Any] = {"eval": [], "steady": []}
    for size in () if steady_only else sizes:
        rows = []
        for _ in range(runs):
            clear_query_caches()
            rows += geoparse_eval.throughput(index_path, list(docs), (size,))
        out["eval"].append(row(size, [r["seconds"] for r in rows], rows[0]["mentions"]))
    g = gazetteer.load(index_path)
    g.geoparse(docs[0].text)  # builds the spot index and fetches the place columns
    prebuild_fuzzy(g)
    for size in sizes:
        text = geoparse_text(docs, size)
        secs = []
        n = 0
        for _ in range(runs):
            clear_caches(g)
            t0 = time.perf_counter()
            n = len(g.geoparse(text))
            secs.append(time.perf_counter() - t0)
        out["steady"].append(row(size, secs, n))
    return out


def peer_geoparse_speed(text: str, predict: Any, runs: int) -> float:
    """Median seconds of ``predict(text)`` over ``runs`` calls."""
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        predict(text)
        times.append(time.perf_counter() - t0)
    return median(times)


def _child(argv: list[str]) -> int:
    """``costs.py geoparse-speed INDEX RUNS SIZE...``: :func:`geoparse_speed` here, its figures as JSON."""
    if len(argv) < 4 or argv[0] != "geoparse-speed":
        print("usage: costs.py geoparse-speed INDEX RUNS SIZE...", file=sys.stderr)
        return 2
    sys.path.insert(0, str(REPO))
    import geoparse_eval

    import gazetteer

    index_path, runs, sizes = Path(argv[1]), int(argv[2]), [int(x) for x in argv[3:]]
    docs = geoparse_eval.load_docs(gazetteer.load(index_path))
    print(json.dumps(geoparse_speed(index_path, docs, sizes, runs)))
    return 0


if __name__ == "__main__":
    sys.exit(_child(sys.argv[1:]))
