"""Regenerate docs/benchmarks.md and docs/benchmarks.png: accuracy, precision and cost of gazetteer against peers.

    python benchmarks/run.py [--quick] [--allow-dirty] [--out DIR]

Builds the shipped index (``gazetteer.build.build_default``: ``sources/upstream`` and the
curated files) in a temporary folder, runs every evaluation set against gazetteer and its
peers on the same queries in the same process, measures costs in this process and in fresh
interpreters, writes the report, and prints the targets with PASS or FAIL and the figure.
It refuses to run on a working tree with uncommitted changes (the report names the commit it
measured); ``--allow-dirty`` runs anyway and the report says DIRTY at the top.
See benchmarks/README.md.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import platform
import random
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import replace
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # the repository: import gazetteer from here

import before_after
import costs
import evalsets
import growth
import peers
import report
from common import REPO, Query, git_state, log, seeds_dir

QUICK: dict[str, Any] = {
    "build_runs": 1,
    "loo_batches": 2,
    "loo_cap": 60,
    "set_cap": 120,  # per half, per set (removed: per batch)
    "negative_cap": 120,  # the same for the two large negative sets, foreign and removed
    "ambiguous_cap": 100,
    "removed_batches": 1,
    "tier_n": 150,
    "rounds": 3,
    "bulk_distinct": 5_000,
    "zipf_total": 50_000,
    "bulk_runs": 1,
    "cold_runs": 10,
    "growth": (1, 5),
    "growth_queries": 20,
    "growth_rounds": 2,
    "growth_cold_runs": 2,
    "geoparse_runs": 1,
    "nearest_n": 500,
    "localis_world_n": 50,
}
FULL: dict[str, Any] = {
    "build_runs": 3,
    "loo_batches": 8,
    "loo_cap": None,
    "set_cap": None,
    "negative_cap": 800,  # rapidfuzz-WRatio costs ~10 ms a query: these two sets hold ~6,000 queries each
    "ambiguous_cap": None,
    "removed_batches": 2,
    "tier_n": 1000,
    "rounds": 5,
    "bulk_distinct": 20_000,
    "zipf_total": 200_000,
    "bulk_runs": 3,
    "cold_runs": 15,
    "growth": (1, 10, 50),
    "growth_queries": 100,
    "growth_rounds": 3,
    "growth_cold_runs": 3,
    "geoparse_runs": 3,
    "nearest_n": 3000,
    "localis_world_n": 300,
}
GEOPARSE_SIZES = (10_000, 100_000, 1_000_000)
#: What benchmarks/pipelines.py is asked for (its --rows and options), by --quick.
PIPELINE_ROWS = {True: "1000000 --skip spark", False: "1000000,10000000"}


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
        "python": f"{platform.python_implementation()} {platform.python_version()}",
        "node": platform.node(),
    }


def _by_target(q: Query) -> str:
    return evalsets.split_of(q.targets[0].place_id) if q.targets else evalsets.split_of(q.text)


def run(quick: bool, state: Any, *, with_growth: bool = True, pipeline_rows: str = "") -> dict[str, Any]:
    cfg = QUICK if quick else FULL
    started = time.perf_counter()
    import gazetteer

    R: dict[str, Any] = {"quick": quick, "cfg": cfg, "machine": machine_info(), "problems": [], "git": state}
    R["date"] = datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    R["load_avg"] = [("start", _load_avg())]
    R["command"] = "python benchmarks/run.py" + (" --quick" if quick else "")
    R["versions"] = {d: peers.version_of(d) for d in peers.PEER_DISTS}
    R["versions"]["gazetteer"] = gazetteer.__version__
    R["default_min_confidence"] = getattr(gazetteer, "DEFAULT_MIN_CONFIDENCE", 0.0)  # older: every answer
    R["confidence_table"] = _confidence_meta()
    R["seeds_present"] = seeds_dir().is_dir()
    work = Path(tempfile.mkdtemp(prefix="gazetteer-bench-"))
    index_path = work / "index.gzidx"
    outcomes: list[peers.Outcome] = []
    R["outcomes"] = outcomes

    # -- build ----------------------------------------------------------------------------------------
    log(f"building the shipped index (build_default, {cfg['build_runs']} run(s))")
    build_times, built = costs.time_build(index_path, cfg["build_runs"])
    R["build"] = {
        "times": build_times,
        "size": index_path.stat().st_size,
        "places": built.places,
        "names": built.header["counts"]["names"],
        "data_version": built.header["data_version"],
        "by_kind": built.header["counts"]["by_kind"],
        "sources": [(s["name"], len(s["files"])) for s in built.header["sources"]],
    }
    nocur_path = work / "no-curated.gzidx"
    R["curated"] = _build_without_curated(nocur_path, built)
    g = gazetteer.load(index_path)
    places = list(g.places())
    R["fuzzy_build_s"] = costs.prebuild_fuzzy(g)

    # -- systems --------------------------------------------------------------------------------------
    log("loading peers")
    t = time.perf_counter()
    localis_sys = peers.LocalisSystem()
    R["peer_setup"] = {"localis (Syria-only registry, first search)": time.perf_counter() - t}
    R["localis_rows"] = localis_sys.size
    t = time.perf_counter()
    full_peers = peers.index_peers(places)
    R["peer_setup"]["rapidfuzz and exact tables"] = time.perf_counter() - t
    gaz_sys = peers.GazetteerSystem(g)
    R["systems_how"] = {s.name: s.how for s in (gaz_sys, localis_sys, *full_peers)}
    R["systems"] = [s.name for s in (gaz_sys, localis_sys, *full_peers)]
    R["sets"] = {}

    def run_set(name: str, queries: list[Query], systems: list[Any], split: Any) -> None:
        t0 = time.perf_counter()
        for s in systems:
            outcomes.extend(peers.evaluate(s, queries, name, split))
        log(f"set {name}: {len(queries)} queries x {len(systems)} systems in {time.perf_counter() - t0:.1f} s")

    # -- seed (the tuning half: calibrate.py uses it) --------------------------------------------------
    seed_q, problems = evalsets.seed_queries(g)
    R["problems"] += problems
    run_set("seed", seed_q, [gaz_sys, localis_sys, *full_peers], lambda q: "dev")
    rows = [x for x in evalsets.SEED_FILE.read_text(encoding="utf-8").splitlines() if x and not x.startswith("#")]
    R["sets"]["seed"] = {"queries": len(seed_q), "dropped": len(rows) - 1 - len(seed_q)}

    # -- ambiguous ------------------------------------------------------------------------------------
    amb_all = evalsets.ambiguous_queries(places)
    amb_q = evalsets.sample(amb_all, cfg["ambiguous_cap"], "ambiguous")
    R["sets"]["ambiguous"] = {"total": len(amb_all), "groups": len({q.note for q in amb_all}), "queries": len(amb_q)}
    run_set("ambiguous", amb_q, [gaz_sys, localis_sys, *full_peers], _by_target)

    # -- the new sets, per half: mutated spellings, neighbouring province, foreign names -----------------
    for split in ("test", "dev"):
        for name, make in (
            ("mutated", evalsets.mutated_queries),
            ("neighbour", evalsets.neighbour_province_queries),
            ("foreign", evalsets.foreign_queries),
        ):
            qs_all = make(places, split)
            cap = cfg["negative_cap"] * 2 if name == "foreign" else cfg["set_cap"]
            qs = evalsets.sample(qs_all, cap, f"{name}-{split}")
            R["sets"].setdefault(name, {})[split] = {"total": len(qs_all), "queries": len(qs)}
            run_set(name, qs, [gaz_sys, localis_sys, *full_peers], lambda q, s=split: s)

    # -- leave-one-out --------------------------------------------------------------------------------
    nocur_places = list(gazetteer.load(nocur_path).places()) if R["curated"]["differs"] else None
    curated_outcomes: list[peers.Outcome] = []
    R["curated_outcomes"] = curated_outcomes
    for script in ("latin", "arabic"):
        n_batches = n_queries = 0
        for batch in evalsets.loo_batches(places, script, max_batches=cfg["loo_batches"], cap_per_batch=cfg["loo_cap"]):
            path = work / f"loo-{script}-{batch.k}.gzidx"
            evalsets.write_batch_index(batch, path)
            gb = gazetteer.load(path)
            costs.prebuild_fuzzy(gb)
            # the baselines get the names the written index holds, so they see what gazetteer sees
            indexed = list(gb.places())
            systems = [peers.GazetteerSystem(gb), localis_sys, *peers.index_peers(indexed)]
            run_set(f"loo-{script}", batch.queries, systems, _by_target)
            R["problems"] += [f"loo-{script} batch {batch.k}: {e}" for e in systems[0].errors]
            if nocur_places is not None:
                curated_outcomes += _loo_without_curated(nocur_places, batch, work)
            path.unlink(missing_ok=True)
            n_batches += 1
            n_queries += len(batch.queries)
        R["sets"][f"loo-{script}"] = {"batches": n_batches, "queries": n_queries}

    # -- removed places (negatives: "not found" is right) --------------------------------------------------
    from gazetteer.index import write_index

    for split in ("test", "dev"):
        total = used = 0
        for batch in evalsets.removed_place_batches(places, split, batches=cfg["removed_batches"]):
            path = work / f"removed-{split}-{batch.k}.gzidx"
            write_index(path, batch.places, {"data_version": f"removed-{split}-{batch.k}", "benchmark": True})
            gb = gazetteer.load(path)
            costs.prebuild_fuzzy(gb)
            qs = evalsets.sample(batch.queries, cfg["negative_cap"], f"removed-{split}-{batch.k}")
            total += len(batch.queries)
            used += len(qs)
            run_set("removed", qs, [peers.GazetteerSystem(gb), localis_sys, *peers.index_peers(batch.places)],
                    lambda q, s=split: s)  # fmt: skip
            path.unlink(missing_ok=True)
        R["sets"].setdefault("removed", {})[split] = {"total": total, "queries": used,
                                                       "batches": cfg["removed_batches"]}  # fmt: skip
    R["gazetteer_errors"] = gaz_sys.errors

    # -- the curated layer: the same queries against the index built without it -----------------------------
    if nocur_places is not None:
        g_nc = gazetteer.load(nocur_path)
        costs.prebuild_fuzzy(g_nc)
        nc_sys = peers.GazetteerSystem(g_nc)
        nc_sys.name = "gazetteer-no-curated"
        for set_name in ("seed", "ambiguous", "mutated", "neighbour", "foreign"):
            seen: dict[int, peers.Outcome] = {}
            for o in outcomes:
                if o.set == set_name and o.system == "gazetteer":
                    seen.setdefault(id(o.query), o)
            for split in ("test", "dev"):
                qs = [o.query for o in seen.values() if o.split == split]
                curated_outcomes += peers.evaluate(nc_sys, qs, set_name, lambda q, s=split: s)
        log(f"curated layer: {len(curated_outcomes)} queries asked of the index built without it")

    # -- before and after the merge fixes (issue 16) ---------------------------------------------------
    try:
        R["before_after"] = before_after.compare(cap=cfg["set_cap"])
    except (OSError, subprocess.CalledProcessError) as e:  # no git history (an archive), or a revision failed
        R["problems"].append(f"before/after not measured: {e}")

    # -- geoparse -----------------------------------------------------------------------------------------
    R["geoparse"] = _geoparse(g, index_path, nocur_path if nocur_places is not None else None, cfg)

    # -- costs --------------------------------------------------------------------------------------------
    R["load_avg"].append(("before the cost figures", _load_avg()))
    log("per-query cost by tier")
    real = [q.text for q in seed_q] + R["geoparse"].get("gold_texts", [])
    pool = costs.mention_pool(places, real)
    R["pool_sizes"] = {k: len(v) for k, v in pool.items()}
    every = [t for v in pool.values() for t in v]
    by_tier = costs.classify(g, every)
    R["tier_counts"] = {t: len(v) for t, v in by_tier.items()}
    R["tiers"] = costs.summarize_tiers(costs.time_tiers(g, by_tier, per_tier=cfg["tier_n"], rounds=cfg["rounds"]))
    R["place_materialise"] = costs.place_materialisation(g)
    R["posting"] = costs.posting_stats(g)

    log("bulk throughput: distinct mentions and a Zipf stream")
    rng = random.Random(5)
    distinct = list(every)
    rng.shuffle(distinct)
    distinct = distinct[: cfg["bulk_distinct"]]
    stream = costs.zipf_stream(distinct, total=cfg["zipf_total"])
    R["bulk"] = {
        "distinct": {"n": len(distinct), "times": costs.time_bulk(index_path, distinct, cfg["bulk_runs"])},
        "zipf": {
            "n": len(stream),
            "distinct_in_stream": len(set(stream)),
            "pool": len(distinct),
            "times": costs.time_bulk(index_path, stream, cfg["bulk_runs"]),
        },
    }
    tier_of = {q: t for t, qs in by_tier.items() for q in qs}
    R["bulk"]["mix"] = {t: sum(1 for q in distinct if tier_of.get(q) == t) for t in by_tier}

    log("cold start in fresh interpreters")
    first = _first_queries(by_tier)
    R["first_queries"] = first
    site_dir = work / "installed"
    site = costs.installed_copy(index_path, site_dir)
    R["cold"] = {}
    if site is not None:
        R["cold"]["installed"] = costs.cold_start(first, cfg["cold_runs"], index_path=index_path, site=site)
        R["import_profile"] = costs.import_profile(site)
    R["cold"]["checkout"] = costs.cold_start(first, max(3, cfg["cold_runs"] // 3), index_path=index_path)
    R["import_profile_checkout"] = costs.import_profile(REPO)

    log("nearest()")
    R["nearest"] = costs.nearest_costs(g, cfg["nearest_n"])

    log("localis searched worldwide, for comparison")
    sample_q = [o.query.text for o in outcomes if o.system == "gazetteer"]
    sample_q = random.Random(2).sample(sample_q, min(cfg["localis_world_n"], len(sample_q)))
    R["localis_world"] = {"n": len(sample_q), "times": peers.localis_worldwide_time(sample_q)}
    R["localis_world"]["syria_times"] = [
        o.seconds for o in outcomes if o.system == "localis" and o.query.text in set(sample_q)
    ]

    # -- pipelines (benchmarks/pipelines.py, when present) -------------------------------------------------
    R["pipelines"] = _pipelines(index_path, work, pipeline_rows)

    # -- growth -------------------------------------------------------------------------------------------
    if with_growth:
        log("growth")
        grng = random.Random(9)
        gq = {
            t: grng.sample(by_tier[t], min(len(by_tier[t]), cfg["growth_queries"]))
            for t in ("exact", "variant", "fuzzy", "miss")
        }
        R["growth"] = growth.run_growth(
            places, cfg["growth"], work, gq, load_runs=cfg["growth_cold_runs"], rounds=cfg["growth_rounds"]
        )
    else:
        R["growth"] = []

    R["load_avg"].append(("end", _load_avg()))
    shutil.rmtree(work, ignore_errors=True)
    R["elapsed"] = time.perf_counter() - started
    return R


def _load_avg() -> float:
    """The 1-minute load average (other processes compete for the cores: the report shows it)."""
    try:
        return os.getloadavg()[0]
    except OSError:
        return float("nan")


def _confidence_meta() -> dict[str, Any]:
    try:
        from gazetteer import confidence

        t = confidence.table()
        keys = ("version", "commit", "target_precision", "default_min_confidence", "note", "tuning_figures")
        return {k: t.get(k) for k in keys}
    except Exception as e:  # an older library: no table
        return {"error": str(e)}


def _build_without_curated(path: Path, built: Any) -> dict[str, Any]:
    """The index built with ``exclude={"curated"}``; whether its places or names differ from the shipped one's
    (the data version alone cannot tell: it hashes the source files, and the curated ones may be left out)."""
    import gazetteer
    from gazetteer.build import build_default

    try:
        nc = build_default(path, exclude={"curated"})
    except Exception as e:
        return {"differs": False, "error": f"{type(e).__name__}: {e}"}

    def content(p: Path) -> set[tuple[str, tuple[str, ...]]]:
        return {(x.id, tuple(sorted(n.text for n in x.names))) for x in gazetteer.load(p).places()}

    return {
        "differs": content(path) != content(built.path),
        "places": nc.places,
        "names": nc.header["counts"]["names"],
        "data_version": nc.header["data_version"],
        "places_with": built.places,
        "names_with": built.header["counts"]["names"],
    }


def _loo_without_curated(nocur_places: list[Any], batch: Any, work: Path) -> list[peers.Outcome]:
    """The batch's held-out names removed from the index built without the curated layer, and asked of it."""
    import gazetteer
    from gazetteer.normalize import clean

    held = {(q.targets[0].place_id, q.text) for q in batch.queries}
    reduced = [replace(p, names=tuple(n for n in p.names if (p.id, clean(n.text)) not in held)) for p in nocur_places]
    path = work / f"loo-nc-{batch.script}-{batch.k}.gzidx"
    from gazetteer.index import write_index

    write_index(path, reduced, {"data_version": f"loo-nc-{batch.script}-{batch.k}", "benchmark": True})
    gb = gazetteer.load(path)
    costs.prebuild_fuzzy(gb)
    s = peers.GazetteerSystem(gb)
    s.name = "gazetteer-no-curated"
    out = peers.evaluate(s, batch.queries, f"loo-{batch.script}", _by_target)
    path.unlink(missing_ok=True)
    return out


def _first_queries(by_tier: dict[str, list[str]]) -> dict[str, str]:
    """The first query of a fresh process, by kind: a town as written, in Latin and in Arabic, and a typo."""
    from gazetteer.normalize import is_arabic

    exact = set(by_tier["exact"])
    out = {
        "exact": "Talbiseh" if "Talbiseh" in exact else next(q for q in by_tier["exact"] if not is_arabic(q)),
        "arabic": "تلبيسة" if "تلبيسة" in exact else next(q for q in by_tier["exact"] if is_arabic(q)),
    }
    fuzzy = sorted(q for q in by_tier["fuzzy"] if not is_arabic(q) and 7 <= len(q) <= 12 and " " not in q)
    if fuzzy:
        out["fuzzy"] = fuzzy[len(fuzzy) // 2]
    return out


def _geoparse(g: Any, index_path: Path, nocur_path: Path | None, cfg: dict[str, Any]) -> dict[str, Any]:
    """geoparse_eval on the annotated texts: gazetteer, its baseline and geotext; throughput at three sizes."""
    import geoparse_eval
    from common import clear_caches

    import gazetteer

    out: dict[str, Any] = {}
    try:
        docs = geoparse_eval.load_docs(g)
    except Exception as e:
        return {"error": f"{type(e).__name__}: {e}"}
    out["docs"] = {d.id: {"lang": d.lang, "split": d.split, "chars": len(d.text), "gold": len(d.gold)} for d in docs}
    out["gold_texts"] = sorted({m.text for d in docs for m in d.gold})
    clear_caches(g)
    systems: dict[str, Any] = {
        "gazetteer": lambda t: geoparse_eval.gazetteer_predict(g, t),
        "baseline": lambda t: geoparse_eval.baseline_predict(g, t),
    }
    try:
        systems["geotext"] = geoparse_eval.GeotextPeer().predict
    except ImportError:
        out["geotext_missing"] = True
    if nocur_path is not None:
        g_nc = gazetteer.load(nocur_path)
        systems["gazetteer-no-curated"] = lambda t: geoparse_eval.gazetteer_predict(g_nc, t)
    out["results"] = {name: geoparse_eval.evaluate(docs, fn) for name, fn in systems.items()}
    out["coverage"] = _news_coverage(g)
    log("geoparse throughput")
    out["speed"] = costs.geoparse_speed_fresh(index_path, GEOPARSE_SIZES, cfg["geoparse_runs"])
    big = GEOPARSE_SIZES[-1:]
    out["speed_in_process"] = costs.geoparse_speed(index_path, docs, big, cfg["geoparse_runs"], steady_only=True)
    text = costs.geoparse_text(docs, 100_000)
    out["peer_speed"] = {"chars": len(text), "bytes": len(text.encode("utf-8"))}
    for name in ("baseline", "geotext"):
        if name in systems:
            out["peer_speed"][name] = costs.peer_geoparse_speed(text, systems[name], max(1, cfg["geoparse_runs"]))
    return out


def _news_coverage(g: Any) -> dict[str, list[int]]:
    """news_coverage: per kind (and "all"), [held, named] over the places the sampled news reports name."""
    import news_coverage

    rows = news_coverage.load_places()
    counts, _ = news_coverage.coverage(g, rows)
    return {k: v for k, v in counts.items() if k not in {row["lang"] for row in rows}}


def _pipelines(index_path: Path, work: Path, rows: str) -> dict[str, Any]:
    """benchmarks/pipelines.py (another engineer's), imported lazily; absent or failing is reported, not fatal.

    A ``run(index_path, *, rows, workdir)`` function returning figures is used when the module has one;
    otherwise its command line runs in a child process (``--rows ROWS --workdir DIR``, the index under
    test as ``GAZETTEER_INDEX``) and its printed report is kept, with its "Target ... met" lines."""
    if rows == "off":
        return {"skipped": True}
    if not (Path(__file__).resolve().parent / "pipelines.py").is_file():
        return {"absent": True}
    try:
        import pipelines
    except Exception as e:  # its import failing (a library function it needs is missing) is reported
        return {"error": f"importing benchmarks/pipelines.py failed: {type(e).__name__}: {e}"}
    folder = work / "pipelines"
    folder.mkdir(exist_ok=True)
    log(f"pipelines (benchmarks/pipelines.py, rows {rows})")
    t0 = time.perf_counter()
    fn = getattr(pipelines, "run", None)
    if callable(fn):
        try:
            return {"result": fn(index_path, rows=rows, workdir=folder), "seconds": time.perf_counter() - t0}
        except Exception as e:
            return {"error": f"pipelines.run failed: {type(e).__name__}: {e}"}
    import subprocess

    cmd = [sys.executable, str(Path(pipelines.__file__).resolve()), "--rows", *rows.split(), "--workdir", str(folder)]
    env = {**os.environ, "GAZETTEER_INDEX": str(index_path)}
    done = subprocess.run(cmd, capture_output=True, text=True, env=env, check=False)
    out: dict[str, Any] = {"command": "python benchmarks/pipelines.py --rows " + rows, "seconds":
                           time.perf_counter() - t0, "stdout": done.stdout.strip()}  # fmt: skip
    if done.returncode != 0:
        tail = [" ".join(x.split()) for x in done.stderr.strip().splitlines()[-3:]]
        out["error"] = f"exit status {done.returncode}: " + " | ".join(x for x in tail if x.strip("^ "))
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="smaller samples (under 3 minutes)")
    parser.add_argument("--allow-dirty", action="store_true",
                        help="run on a tree with uncommitted changes (the report says DIRTY)")  # fmt: skip
    parser.add_argument("--no-growth", action="store_true", help="skip the synthetic growth section")
    parser.add_argument("--pipelines", metavar="ROWS", default="",
                        help="rows for benchmarks/pipelines.py, e.g. '1000000,10000000 --skip spark', or 'off' "
                        f"(default: quick {PIPELINE_ROWS[True]!r}, full {PIPELINE_ROWS[False]!r})")  # fmt: skip
    parser.add_argument("--out", type=Path, default=REPO / "docs", help="folder for benchmarks.md and benchmarks.png")
    args = parser.parse_args(argv)
    state = git_state()
    if state.is_dirty and not args.allow_dirty:
        print(
            "benchmarks: the working tree has uncommitted changes, so the report could not name the code it "
            "measured:\n  " + "\n  ".join(state.dirty[:20]) + "\nCommit them, or run with --allow-dirty "
            "(the report then says DIRTY).",
            file=sys.stderr,
        )
        return 2
    rows = args.pipelines or PIPELINE_ROWS[args.quick]
    R = run(args.quick, state, with_growth=not args.no_growth, pipeline_rows=rows)
    md, png = report.write(R, args.out)
    print(f"\nTargets (commit {state.commit}{', DIRTY TREE' if state.is_dirty else ''}"
          f"{', quick run' if args.quick else ''}):")  # fmt: skip
    for row in R["targets"]:
        print(f"  {row.status:<4}  {row.name}: {row.measured}")
    with contextlib.suppress(ValueError):
        md = md.relative_to(Path.cwd())
    log(f"wrote {md} and {png} in {R['elapsed']:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
