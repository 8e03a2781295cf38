"""Shared helpers of the benchmark: paths, timing, distances, the scoring rule, answers.

Every speed figure in the report is a median (and p99) over many calls, and every
speed claim is a ratio against a baseline measured in the same run.
"""

from __future__ import annotations

import math
import os
import statistics
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

BENCH_DIR = Path(__file__).resolve().parent
REPO = BENCH_DIR.parent
DATA_DIR = BENCH_DIR / "data"
#: Where the upstream source files are read from (never copied into the repository).
SOURCE_ENV = "GAZETTEER_SOURCE_DATA"
#: A right answer lies within this distance of the expected place (when ids differ).
RIGHT_WITHIN_M = 5_000.0


def source_data_dir() -> Path:
    """``$GAZETTEER_SOURCE_DATA`` or ``<repo>/../shared/data``; exit with a clear message when missing."""
    explicit = os.environ.get(SOURCE_ENV, "").strip()
    path = Path(explicit) if explicit else REPO.parent / "shared" / "data"
    if not path.is_dir() or not any(path.iterdir()):
        sys.exit(
            f"benchmarks: no source data at {path}.\n"
            f"Set {SOURCE_ENV}=/path/to/data (the folder holding geonames_cities500_SY.txt, "
            "opensyria_*.json, syrianarchive_locations.json) or put it at ../shared/data next to the repository."
        )
    return path


def seeds_dir() -> Path:
    """The folder holding the two seed articles (``<data>/../seeds``)."""
    return source_data_dir().parent / "seeds"


def log(message: str) -> None:
    print(f"[bench {time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


# -- distances ------------------------------------------------------------------------------------


def haversine_m(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in metres (good to 0.5 % — plenty for a 5 km rule)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6_371_008.8 * math.asin(min(1.0, math.sqrt(a)))


# -- answers and the scoring rule -----------------------------------------------------------------


@dataclass(frozen=True)
class Answer:
    """One candidate a system returned, reduced to what the scoring rule compares."""

    place_id: str | None  # an id of our index ("gn:163779", "pcode:SY04", "sa:517"), or a peer's "gn:..."
    geonames_id: int | None
    lat: float | None
    lon: float | None
    label: str = ""

    @classmethod
    def of_place(cls, place: Any) -> Answer:
        return cls(place.id, place.geonames_id, place.lat, place.lon, place.name)


@dataclass(frozen=True)
class Target:
    """An acceptable answer: a place of our index."""

    place_id: str
    geonames_id: int | None
    lat: float
    lon: float
    #: Places that also count as right (leave-one-out sets: the seat town of an admin unit named
    #: after it, or the units a town is the seat of), never for the strict rule.
    linked: tuple[str, ...] = ()


def is_right(answer: Answer | None, targets: Sequence[Target], *, linked: bool = True) -> bool:
    """The rule: no targets → right only when nothing is returned; otherwise same id, same
    GeoNames id, a place linked to a target (``Target.linked``, unless ``linked=False``), or
    coordinates within :data:`RIGHT_WITHIN_M` of any target."""
    if not targets:
        return answer is None
    if answer is None:
        return False
    for t in targets:
        if answer.place_id is not None and (answer.place_id == t.place_id or (linked and answer.place_id in t.linked)):
            return True
        if answer.geonames_id is not None and answer.geonames_id == t.geonames_id:
            return True
        if (
            answer.lat is not None
            and answer.lon is not None
            and haversine_m(answer.lat, answer.lon, t.lat, t.lon) <= RIGHT_WITHIN_M
        ):
            return True
    return False


def is_right_strict(answer: Answer | None, targets: Sequence[Target]) -> bool:
    """Same id or same GeoNames id only (no distance rule)."""
    if not targets:
        return answer is None
    if answer is None:
        return False
    return any(
        (answer.place_id is not None and answer.place_id == t.place_id)
        or (answer.geonames_id is not None and answer.geonames_id == t.geonames_id)
        for t in targets
    )


@dataclass
class Query:
    """One evaluation item."""

    text: str
    province: str | None  # governorate P-code (SY01..SY14) or None
    targets: tuple[Target, ...]  # empty: the right answer is "not found"
    tags: frozenset[str] = field(default_factory=frozenset)
    note: str = ""


# -- timing ---------------------------------------------------------------------------------------


def median(values: Sequence[float]) -> float:
    return statistics.median(values) if values else float("nan")


def percentile(values: Sequence[float], q: float) -> float:
    """Nearest-rank percentile (q in 0..100)."""
    if not values:
        return float("nan")
    ordered = sorted(values)
    rank = max(1, math.ceil(q / 100.0 * len(ordered)))
    return ordered[min(rank, len(ordered)) - 1]


def time_call(fn: Callable[[], Any], before: Callable[[], None] | None = None, repeats: int = 1) -> tuple[float, Any]:
    """Median seconds of ``repeats`` calls of ``fn`` (``before`` runs untimed before each), and the last result."""
    times = []
    result = None
    for _ in range(repeats):
        if before is not None:
            before()
        t0 = time.perf_counter_ns()
        result = fn()
        times.append((time.perf_counter_ns() - t0) / 1e9)
    return median(times), result


def fmt_us(seconds: float) -> str:
    if seconds != seconds:  # nan
        return "—"
    us = seconds * 1e6
    if us >= 100_000:
        return f"{us / 1000:,.0f} ms"
    if us >= 1000:
        return f"{us / 1000:,.1f} ms"
    if us >= 100:
        return f"{us:,.0f} µs"
    return f"{us:.1f} µs"


def fmt_pct(x: float) -> str:
    return "—" if x != x else f"{100 * x:.1f} %"


def rss_kib() -> int:
    """Resident set size of this process in KiB: /proc/self/status, else psutil, else 0."""
    try:
        with open("/proc/self/status", encoding="ascii") as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
    except OSError:
        pass
    try:
        import psutil

        return int(psutil.Process().memory_info().rss // 1024)
    except ImportError:
        return 0
