"""Stress the resolver: many threads, a hostile mixture of queries, memory before and after.

Runs ``--n`` queries (default 1,000,000) across ``--threads`` threads (default 8),
twice over, against one index. The mixture holds real names, misspellings,
Arabic spellings, province variants, random junk and hostile input (non-strings,
10 MB strings, control and bidi characters, bad ``near=``/``province=``/``limit=``).

Reports:

* throughput of each round;
* outcomes by kind: a match, no match, each *expected* error type
  (``InvalidQueryError``, ``UnknownProvinceError``) and every *unexpected*
  exception (must be 0; the exit status is 1 otherwise);
* resident memory (``VmRSS``) before, after round 1 and after round 2, and the
  size of the answer cache (bounded), to show that repeated rounds do not grow;
* the slowest single query of each category in the mixture, and, measured
  alone (one thread, no contention), the time of the 10 MB query and of the
  slowest hostile input.

Usage::

    python benchmarks/stress.py [--n 1000000] [--threads 8] [--index PATH | --data DIR] [--json]

Without ``--index`` the shipped index is built (``gazetteer.build.build_default``:
``sources/upstream`` and the curated files) into a temporary folder, or, with
``--data DIR``, an index of that folder's files.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import random
import sys
import tempfile
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from common import rss_kib  # benchmarks/ is on sys.path when this runs as a script

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

import gazetteer  # noqa: E402 - after the path set-up, so the checkout is what runs
from gazetteer import Gazetteer, GazetteerError  # noqa: E402
from gazetteer import governorates as govs  # noqa: E402

TEN_MB = 10 * 1024 * 1024
EXPECTED_ERRORS = ("InvalidQueryError", "UnknownProvinceError")


@dataclass(frozen=True)
class Query:
    """One call of the mixture: which function, its arguments, and the category it counts under."""

    category: str
    label: str
    func: str  # "resolve", "candidates" or "module" (gazetteer.resolve on the default index)
    text: Any
    kwargs: dict[str, Any] = field(default_factory=dict)


def trimmed_rss_kib() -> int:
    """RSS after handing freed heap memory back to the OS (glibc ``malloc_trim``), where possible.

    The 10 MB inputs make large temporary strings; glibc keeps freed memory for
    reuse, so the raw RSS shows the peak of those, not what is still held.
    """
    try:
        import ctypes

        ctypes.CDLL("libc.so.6").malloc_trim(0)
    except (OSError, AttributeError):
        pass
    return rss_kib()


def open_index(args: argparse.Namespace) -> tuple[Gazetteer, str]:
    if args.index:
        return gazetteer.load(args.index), args.index
    out = Path(tempfile.mkdtemp(prefix="gazetteer-stress-")) / "index.gzidx"
    if args.data:
        from gazetteer.build import build

        build([Path(args.data)], out)
    else:
        from gazetteer.build import build_default

        build_default(out)
    return gazetteer.load(out), str(out)


def _typo(rng: random.Random, s: str) -> str:
    if len(s) < 4:
        return s + rng.choice("aeh")
    i = rng.randrange(len(s))
    kind = rng.randrange(4)
    if kind == 0:
        return s[:i] + s[i + 1 :]
    if kind == 1:
        return s[:i] + rng.choice("aeiouyhklrst") + s[i + 1 :]
    if kind == 2:
        return s[:i] + s[i] + s[i:]
    j = min(i + 1, len(s) - 1)
    return s[:i] + s[j] + s[i] + s[j + 1 :]


def _arabic_variant(rng: random.Random, s: str) -> str:
    """Harakat, tatweel, alef and ta-marbuta forms: spellings people type."""
    out = []
    for ch in s:
        out.append(ch)
        r = rng.random()
        if r < 0.15:
            out.append(rng.choice("\u064e\u064f\u0650\u0651\u0652"))
        elif r < 0.2:
            out.append("\u0640")
    text = "".join(out)
    return text.replace("ة", "ه") if rng.random() < 0.5 else text.replace("ا", "أ", 1)


def build_mixture(g: Gazetteer, size: int, seed: int) -> tuple[list[Query], list[Query], list[Query]]:
    """The query pool (shuffled), the 10 MB queries (run at a fixed rate) and the hostile ones (also timed alone)."""
    rng = random.Random(seed)
    places = list(g.places())
    latin = sorted({n.text for p in places for n in p.names if n.text.isascii()})
    arabic = sorted({n.text for p in places for n in p.names if not n.text.isascii()})
    spellings: dict[str, list[str]] = {}
    for gov in govs.all_governorates():
        spellings[gov.pcode] = [gov.name, gov.name_ar, gov.pcode, gov.iso, gov.name.upper(), f"{gov.name} Governorate"]

    big_ascii = "x" * TEN_MB
    big_arabic = "تلبيسة" * (TEN_MB // 6)
    heavy = [
        Query("hostile", "10 MB ascii mention", "resolve", big_ascii),
        Query("hostile", "10 MB arabic mention", "resolve", big_arabic),
        Query("hostile", "10 MB zero-width mention", "resolve", "\u200b" * TEN_MB),
        Query("hostile", "10 MB province (ascii)", "resolve", "Talbiseh", {"province": big_ascii}),
        Query("hostile", "10 MB province (arabic)", "resolve", "Talbiseh", {"province": big_arabic}),
    ]
    hostile = [
        Query("hostile", "cap-sized mention", "resolve", "Talbiseh " * (gazetteer.MAX_QUERY_CHARS // 9)),
        Query("hostile", "cap-sized misspelt words", "resolve", " ".join(_typo(rng, w) for w in latin[:30])[:256]),
        Query("hostile", "4x cap of spaces + name", "resolve", " " * (4 * gazetteer.MAX_QUERY_CHARS - 8) + "Talbiseh"),
        Query("hostile", "None", "resolve", None),
        Query("hostile", "int", "resolve", 42),
        Query("hostile", "bytes", "resolve", b"Homs"),
        Query("hostile", "list", "resolve", ["Homs"]),
        Query("hostile", "object", "resolve", object()),
        Query("hostile", "NUL inside", "resolve", "Tal\x00biseh"),
        Query("hostile", "bidi override", "resolve", "\u202eTalbiseh\u202c"),
        Query("hostile", "zero-width inside", "resolve", "Tal\u200bbi\u200dseh"),
        Query("hostile", "lone surrogate", "resolve", "Tal\udcffbiseh"),
        Query("hostile", "emoji", "resolve", "😀🇸🇾"),
        Query("hostile", "mixed scripts", "resolve", "Talbiseh تلبيسة"),
        Query("hostile", "near NaN", "resolve", "Talbiseh", {"near": (math.nan, 36.7)}),
        Query("hostile", "near inf", "resolve", "Talbiseh", {"near": (34.8, math.inf)}),
        Query("hostile", "near huge int", "resolve", "Talbiseh", {"near": (10**400, 36.7)}),
        Query("hostile", "near wrong shape", "resolve", "Talbiseh", {"near": (1.0, 2.0, 3.0)}),
        Query("hostile", "province Narnia", "resolve", "Talbiseh", {"province": "Narnia"}),
        Query("hostile", "province int", "resolve", "Talbiseh", {"province": 42}),
        Query("hostile", "limit 0", "candidates", "Talbiseh", {"limit": 0}),
        Query("hostile", "limit str", "candidates", "Talbiseh", {"limit": "3"}),
        Query("hostile", "limit huge", "candidates", "Hama", {"limit": 10**18}),
    ]

    pool: list[Query] = []
    for _ in range(size):
        r = rng.random()
        func = "module" if rng.random() < 0.1 else "resolve"
        if r < 0.25:
            pool.append(Query("name", "", func, rng.choice(latin)))
        elif r < 0.35:
            p = rng.choice(places)
            name = rng.choice(p.names).text
            pool.append(Query("province", "", func, name, {"province": rng.choice(spellings[p.governorate.pcode])}))
        elif r < 0.38:
            p = rng.choice(places)
            pool.append(Query("near", "", func, p.name, {"near": (p.lat + rng.uniform(-0.2, 0.2), p.lon)}))
        elif r < 0.60:
            pool.append(Query("misspelling", "", func, _typo(rng, rng.choice(latin))))
        elif r < 0.75:
            pool.append(Query("arabic", "", func, _arabic_variant(rng, rng.choice(arabic))))
        elif r < 0.80:
            pool.append(Query("candidates", "", "candidates", rng.choice(latin), {"limit": rng.randint(1, 20)}))
        elif r < 0.92:
            n = rng.randint(1, 40)
            text = "".join(chr(rng.randint(0x20, 0x2FFF)) for _ in range(n))
            pool.append(Query("junk", "", func, text))
        else:
            pool.append(rng.choice(hostile))
    rng.shuffle(pool)
    return pool, heavy, [*heavy, *hostile]


def call(g: Gazetteer, q: Query) -> str:
    """Run one query; return its outcome ("match", "none" or the error type)."""
    if q.func == "module":
        found = gazetteer.resolve(q.text, **q.kwargs)
    elif q.func == "candidates":
        found = g.candidates(q.text, **q.kwargs)
    else:
        found = g.resolve(q.text, **q.kwargs)
    return "match" if found else "none"


@dataclass
class Tally:
    outcomes: Counter[str] = field(default_factory=Counter)
    unexpected: Counter[str] = field(default_factory=Counter)
    unexpected_examples: dict[str, str] = field(default_factory=dict)
    slowest: dict[str, tuple[float, str]] = field(default_factory=dict)

    def merge(self, other: Tally) -> None:
        self.outcomes.update(other.outcomes)
        self.unexpected.update(other.unexpected)
        for k, v in other.unexpected_examples.items():
            self.unexpected_examples.setdefault(k, v)
        for k, v in other.slowest.items():
            if v[0] > self.slowest.get(k, (0.0, ""))[0]:
                self.slowest[k] = v


def run_round(
    g: Gazetteer, pool: list[Query], heavy: list[Query], heavy_every: int, n: int, threads: int, seed: int
) -> tuple[Tally, float]:
    tallies = [Tally() for _ in range(threads)]
    barrier = threading.Barrier(threads + 1)
    clock = time.perf_counter

    def work(k: int) -> None:
        rng = random.Random(seed * 1000 + k)
        tally = tallies[k]
        size = len(pool)
        barrier.wait()
        for i in range(k, n, threads):
            if heavy_every and i // threads % heavy_every == heavy_every - 1:
                q = heavy[(i // threads // heavy_every + k) % len(heavy)]  # 10 MB input, at a fixed rate
            else:
                q = pool[int(size * rng.random() ** 2)]  # skewed: some queries are much more frequent
            t0 = clock()
            try:
                outcome = call(g, q)
            except GazetteerError as e:
                outcome = type(e).__name__
            except Exception as e:  # counting what escapes is the point
                name = f"{type(e).__name__} ({q.category}: {q.label or repr(q.text)[:40]})"
                tally.unexpected[name] += 1
                tally.unexpected_examples.setdefault(name, repr(e)[:200])
                outcome = "UNEXPECTED"
            dt = clock() - t0
            tally.outcomes[outcome] += 1
            key = q.category if q.category != "hostile" else f"hostile: {q.label}"
            if dt > tally.slowest.get(key, (0.0, ""))[0]:
                tally.slowest[key] = (dt, q.label or repr(q.text)[:40])

    workers = [threading.Thread(target=work, args=(k,)) for k in range(threads)]
    for w in workers:
        w.start()
    barrier.wait()
    started = time.perf_counter()
    for w in workers:
        w.join()
    elapsed = time.perf_counter() - started
    total = Tally()
    for t in tallies:
        total.merge(t)
    return total, elapsed


def time_alone(g: Gazetteer, queries: list[Query], repeat: int = 3) -> list[tuple[float, str, str]]:
    """The worst of ``repeat`` runs of each query, one thread, answers cache cleared first."""
    out = []
    for q in queries:
        worst, outcome = 0.0, ""
        for _ in range(repeat):
            g.clear_cache()
            t0 = time.perf_counter()
            try:
                outcome = call(g, q)
            except GazetteerError as e:
                outcome = type(e).__name__
            except Exception as e:  # reported, not raised
                outcome = f"UNEXPECTED {type(e).__name__}"
            worst = max(worst, time.perf_counter() - t0)
        out.append((worst, q.label, outcome))
    return sorted(out, reverse=True)


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--n", type=int, default=1_000_000, help="queries per round (default 1,000,000)")
    p.add_argument("--threads", type=int, default=8, help="threads (default 8)")
    p.add_argument("--rounds", type=int, default=2, help="equal rounds (default 2)")
    p.add_argument("--pool", type=int, default=150_000, help="distinct queries in the mixture (default 150,000)")
    p.add_argument("--heavy-every", type=int, default=10_000, help="a 10 MB query every N per thread (0: none)")
    p.add_argument("--index", help="index file (default: build the shipped index, or one of --data)")
    p.add_argument("--data", help="source files or folder to build the index from (default: the shipped sources)")
    p.add_argument("--seed", type=int, default=20240601)
    p.add_argument("--json", action="store_true", help="also print the figures as one JSON object")
    args = p.parse_args(argv)
    if args.n < 1 or args.threads < 1 or args.rounds < 1 or args.pool < 1:
        p.error("--n, --threads, --rounds and --pool must be at least 1")

    g, path = open_index(args)
    os.environ["GAZETTEER_INDEX"] = path  # module-level calls answer from the same file
    from gazetteer.default import reset_default

    reset_default()
    pool, heavy, hostile = build_mixture(g, args.pool, args.seed)
    rss = {"before": rss_kib()}
    trimmed = {"before": trimmed_rss_kib()}
    print(f"index {path}: {len(g)} places; pool {len(pool):,} queries; {args.n:,} per round, {args.threads} threads")
    print(f"RSS before: {rss['before'] / 1024:.1f} MiB ({trimmed['before'] / 1024:.1f} MiB after malloc_trim)")
    rounds = []
    total = Tally()
    for i in range(args.rounds):
        tally, elapsed = run_round(g, pool, heavy, args.heavy_every, args.n, args.threads, args.seed)
        total.merge(tally)
        rss[f"after round {i + 1}"] = rss_kib()
        trimmed[f"after round {i + 1}"] = trimmed_rss_kib()
        info = g._cached.cache_info()
        rounds.append({"seconds": elapsed, "per_second": args.n / elapsed, "cache_size": info.currsize})
        print(
            f"round {i + 1}: {args.n:,} queries in {elapsed:.1f} s = {args.n / elapsed:,.0f}/s; "
            f"RSS {rss[f'after round {i + 1}'] / 1024:.1f} MiB "
            f"({trimmed[f'after round {i + 1}'] / 1024:.1f} MiB after malloc_trim); "
            f"answer cache {info.currsize:,}/{info.maxsize:,} "
            f"(hits {info.hits:,}, misses {info.misses:,})"
        )

    print("\nOutcomes (all rounds):")
    for outcome, count in total.outcomes.most_common():
        kind = "expected error" if outcome in EXPECTED_ERRORS else "unexpected" if outcome == "UNEXPECTED" else ""
        print(f"  {outcome:<22} {count:>10,}  {kind}")
    unexpected = sum(total.unexpected.values())
    print(f"Unexpected exceptions: {unexpected}")
    for name, count in total.unexpected.most_common():
        print(f"  {count:>8,}  {name}: {total.unexpected_examples[name]}")

    print("\nSlowest single query per category, inside the threaded mixture (includes waiting for the GIL):")
    for key, (dt, label) in sorted(total.slowest.items(), key=lambda kv: -kv[1][0])[:12]:
        print(f"  {dt * 1000:>9.1f} ms  {key}" + (f"  [{label}]" if label and label not in key else ""))

    alone = time_alone(g, hostile)
    print("\nHostile inputs timed alone (worst of 3, cache cleared):")
    for dt, label, outcome in alone:
        print(f"  {dt * 1000:>9.2f} ms  {label:<28} -> {outcome}")
    ten_mb = max(dt for dt, label, _ in alone if label.startswith("10 MB") and "mention" in label)
    in_mix = max(
        (v[0] for k, v in total.slowest.items() if k.startswith("hostile: 10 MB") and "mention" in k), default=0.0
    )
    print(f"\nMax single query, 10 MB mention: {ten_mb * 1000:.2f} ms alone, {in_mix * 1000:.2f} ms in the mixture")
    print(f"Slowest hostile input alone: {alone[0][1]} {alone[0][0] * 1000:.1f} ms")
    growth = rss[f"after round {args.rounds}"] - rss["after round 1"]
    growth_trimmed = trimmed[f"after round {args.rounds}"] - trimmed["after round 1"]
    print(
        f"RSS growth from round 1 to round {args.rounds}: {growth / 1024:+.1f} MiB raw, "
        f"{growth_trimmed / 1024:+.1f} MiB after malloc_trim"
    )

    if args.json:
        figures: dict[str, Any] = {
            "index": path,
            "places": len(g),
            "n": args.n,
            "threads": args.threads,
            "rounds": rounds,
            "rss_kib": rss,
            "rss_kib_after_malloc_trim": trimmed,
            "outcomes": dict(total.outcomes),
            "unexpected": dict(total.unexpected),
            "ten_mb_mention_ms": {"alone": round(ten_mb * 1000, 3), "in_mixture": round(in_mix * 1000, 3)},
            "alone_ms": {label: round(dt * 1000, 3) for dt, label, _ in alone},
        }
        print(json.dumps(figures, ensure_ascii=False))
    return 1 if unexpected else 0


if __name__ == "__main__":
    sys.exit(main())
