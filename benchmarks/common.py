"""Shared helpers of the benchmark: paths, the repository state, timing, distances, the scoring rule.

Every speed figure in the report is a median (and p99) over many calls, and every
speed claim is a ratio against a baseline measured in the same run.
"""

from __future__ import annotations

import math
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

BENCH_DIR = Path(__file__).resolve().parent
REPO = BENCH_DIR.parent
DATA_DIR = BENCH_DIR / "data"
#: A right answer lies within this distance of the expected place (when ids differ).
RIGHT_WITHIN_M = 5_000.0
#: Files the benchmark writes: a change to them does not make the tree dirty.
OUTPUTS = ("docs/benchmarks.md", "docs/benchmarks.png")


def seeds_dir() -> Path:
    """The folder holding the two seed articles (``<repo>/../shared/seeds``; optional)."""
    return REPO.parent / "shared" / "seeds"


def log(message: str) -> None:
    print(f"[bench {time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


# -- the repository --------------------------------------------------------------------------------


@dataclass(frozen=True)
class GitState:
    commit: str  # full hash of HEAD, or "unknown"
    short: str
    subject: str  # HEAD's commit message, first line
    dirty: tuple[str, ...]  # `git status --porcelain` lines, outputs left out

    @property
    def is_dirty(self) -> bool:
        return bool(self.dirty)


def git_state() -> GitState:
    """HEAD and the uncommitted changes of the working tree (untracked files count; the report itself does not)."""

    def git(*args: str) -> str:
        return subprocess.run(["git", *args], cwd=REPO, capture_output=True, text=True, check=True).stdout

    try:
        commit = git("rev-parse", "HEAD").strip()
        subject = git("log", "-1", "--format=%s").strip()
        status = git("status", "--porcelain", "--untracked-files=all")
    except (OSError, subprocess.CalledProcessError):
        return GitState("unknown", "unknown", "", ("not a git checkout",))
    dirty = tuple(line for line in status.splitlines() if line.strip() and line[3:].strip() not in OUTPUTS)
    return GitState(commit, commit[:10], subject, dirty)


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
    confidence: float | None = None  # gazetteer only: Match.confidence
    bucket: str = ""  # gazetteer only: Match.bucket (band|margin|province)
    tier: str = ""  # gazetteer only: Match.tier

    @classmethod
    def of_place(cls, place: Any) -> Answer:
        return cls(place.id, place.geonames_id, place.lat, place.lon, place.name)

    @classmethod
    def of_match(cls, m: Any) -> Answer:
        p = m.place
        return cls(p.id, p.geonames_id, p.lat, p.lon, p.name, getattr(m, "confidence", 1.0), getattr(m, "bucket", ""),
                   m.tier)  # fmt: skip


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


def is_positive(q: Query) -> bool:
    """Whether the query has a place to find (a removed place's name and a foreign name have none)."""
    return bool(q.targets) and "removed" not in q.tags


def judge(q: Query, answer: Answer | None, *, linked: bool = True) -> bool:
    """Whether ``answer`` (``None``: "not found") is right for ``q``.

    A positive query: the expected place (:func:`is_right`). A query with no targets (a seed
    mention the data lacks, a foreign town): only "not found". A removed place's name: "not
    found", or a place within 5 km of it or linked to it (an unmerged twin, its admin unit).
    """
    if "removed" in q.tags:
        return answer is None or is_right(answer, q.targets, linked=linked)
    return is_right(answer, q.targets, linked=linked)


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


#: The process-wide caches that queries and texts fill, as (module, function) of the package: emptied
#: before every uncached measurement (one an older library lacks is skipped).
QUERY_CACHES = (
    ("normalize", "_cached_keys"),
    ("spot", "_word_keys"),
    ("mention", "_parsed"),
    ("mention", "_is_descriptor"),
    ("mention", "is_facility_adjective"),
    ("mention", "is_direction_adjective"),
    ("mention", "is_parts_word"),
    ("mention", "is_surroundings_word"),
    ("geoparsing", "_bare"),
    ("common_words", "is_common_arabic"),
    ("common_words", "is_common_english"),
    ("governorates", "_lookup_text"),
)


def clear_query_caches(package: str = "gazetteer") -> None:
    """Empty :data:`QUERY_CACHES` of ``package`` (a module not imported yet holds nothing)."""
    for module, name in QUERY_CACHES:
        fn = getattr(sys.modules.get(f"{package}.{module}"), name, None)
        if fn is not None and hasattr(fn, "cache_clear"):
            fn.cache_clear()


def clear_caches(g: Any) -> None:
    """Forget everything a query leaves behind: the answer cache and built places
    (``Gazetteer.clear_cache``) and the process-wide caches keyed by words and names (:data:`QUERY_CACHES`)."""
    clear = getattr(g, "clear_cache", None)
    if clear is not None:
        clear()
    else:  # an older Gazetteer: the answer cache only
        g._cached.cache_clear()
    clear_query_caches()


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
