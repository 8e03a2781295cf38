"""Two versions of the library timed side by side in one process, their calls interleaved.

    python benchmarks/ab_speed.py A_CHECKOUT B_CHECKOUT geoparse-10k|geoparse-1m|geoparse-docs|resolve-TIER [--n N]

A noisy machine (a shared 2-core VM) moves whole runs by ±30 %: a figure from one run and a
figure from another compare the hour, not the code. Here the ``gazetteer`` package of each checkout
is copied under another name (``gaz_a``, ``gaz_b``: the package imports itself only relatively),
both open the same index file, and every sample times A and B back to back, in random order,
with every cache emptied first. The report is the median of the per-sample ratios B/A.

``geoparse-10k`` / ``geoparse-1m``: ``geoparse`` of texts made of the annotated corpus's paragraphs
(``costs.geoparse_text``); ``geoparse-docs``: a pipeline's batch, 100 different tuning texts
geoparsed one after another in one process, its caches emptied once before the batch (what one
article leaves in the caches helps the next); ``resolve-TIER``: ``resolve(q)`` plus reading the place, for mentions of
that tier (``costs.classify``: exact, variant, skeleton, fuzzy, miss).
"""

from __future__ import annotations

import argparse
import importlib
import random
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

BENCH_DIR = Path(__file__).resolve().parent


def _copy_package(checkout: Path, name: str, into: Path) -> None:
    shutil.copytree(checkout / "gazetteer", into / name, ignore=shutil.ignore_patterns("__pycache__"))


def _clear(g: Any, package: str) -> None:
    from common import clear_query_caches

    g.clear_cache()
    clear_query_caches(package)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("a", type=Path, help="checkout A (the baseline)")
    parser.add_argument("b", type=Path, help="checkout B")
    parser.add_argument("work", help="geoparse-10k, geoparse-1m, geoparse-docs or resolve-TIER")
    parser.add_argument("--n", type=int, default=30, help="texts or mentions (geoparse-1m: 2)")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)

    sys.path.insert(0, str(BENCH_DIR))
    sys.path.insert(0, str(BENCH_DIR.parent))
    import costs
    import geoparse_eval

    import gazetteer

    tmp = Path(tempfile.mkdtemp(prefix="gazetteer-ab-"))
    try:
        for name, checkout in (("gaz_a", args.a), ("gaz_b", args.b)):
            _copy_package(checkout.resolve(), name, tmp)
        (tmp / "sources").symlink_to(BENCH_DIR.parent / "sources")  # curated files, found beside the package
        sys.path.insert(0, str(tmp))
        reference = gazetteer.load()
        index = reference.path
        versions = {name: importlib.import_module(name).load(index) for name in ("gaz_a", "gaz_b")}
        docs = geoparse_eval.load_docs(reference)
        rng = random.Random(args.seed)
        call: Callable[[Any, Any], object]
        items: list[Any]
        if args.work == "geoparse-docs":
            texts = [d.text for d in docs if d.split == "dev"]  # the tuning texts
            batches = [rng.sample(texts, min(100, len(texts))) for _ in range(args.n)]

            def call(g: Any, batch: list[str]) -> object:
                return [g.geoparse(text) for text in batch]

            items = batches
        elif args.work.startswith("geoparse-"):
            size = {"geoparse-10k": 10_000, "geoparse-1m": 1_000_000}[args.work]
            count = args.n if size < 100_000 else min(args.n, 2)
            items = [costs.geoparse_text(docs, size, seed=s) for s in range(count)]

            def call(g: Any, text: str) -> object:
                return g.geoparse(text)

            for g in versions.values():
                g.geoparse(docs[0].text)
        elif args.work.startswith("resolve-"):
            import evalsets

            tier = args.work.split("-", 1)[1]
            seed_q, _ = evalsets.seed_queries(reference)
            pool = costs.mention_pool(list(reference.places()), [q.text for q in seed_q])
            by_tier = costs.classify(reference, [q for qs in pool.values() for q in qs])
            items = rng.sample(by_tier[tier], min(args.n, len(by_tier[tier])))

            def call(g: Any, text: str) -> object:
                m = g.resolve(text)
                return None if m is None else m.place.lat

        else:
            parser.error(f"unknown work {args.work!r}")
        for g in versions.values():
            costs.prebuild_fuzzy(g)  # its cost belongs to the cold start, not to a query
        times: dict[str, list[float]] = {"gaz_a": [], "gaz_b": []}
        for _ in range(3):
            for item in items:
                order = ["gaz_a", "gaz_b"]
                rng.shuffle(order)
                for name in order:
                    _clear(versions[name], name)
                    t0 = time.perf_counter_ns()
                    call(versions[name], item)
                    times[name].append((time.perf_counter_ns() - t0) / 1e3)
        ratios = [b / a for a, b in zip(times["gaz_a"], times["gaz_b"])]
        print(
            f"{args.work}: A {statistics.median(times['gaz_a']):,.1f} µs, B {statistics.median(times['gaz_b']):,.1f} µs"
            f" (medians); median ratio B/A {statistics.median(ratios):.3f} over {len(ratios)} samples"
        )
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
