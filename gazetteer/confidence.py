"""Calibrated confidence: the measured probability that an answer is the right place.

Every answer falls in a bucket of :class:`Evidence` (the tier and score band of
its match, whether it was ambiguous, how far ahead of the runner-up it ranked,
and where it lies relative to the caller's province). ``confidence.json`` holds,
per bucket, how many answers in that bucket were right on the project's tuning
sets (``benchmarks/calibrate.py`` measures them; ``docs/benchmarks.md`` shows the
reliability table and the precision/recall curve). A bucket's confidence is its
smoothed precision; a bucket with few answers leans on the coarser buckets it
belongs to (without its markers, then without its province, then its score band).

>>> e = Evidence("exact", 100.0, ambiguous=False, margin="clear", province="none")
>>> bucket(e), 0.9 < confidence(e) <= 1.0
('exact|clear|none', True)
>>> 0.0 <= DEFAULT_MIN_CONFIDENCE < 1.0
True
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any, NamedTuple

from .errors import InvalidQueryError
from .scoring import SCORES

__all__ = [
    "DEFAULT_MIN_CONFIDENCE",
    "LONG_SKELETON",
    "MARGINS",
    "Evidence",
    "band",
    "bucket",
    "check_min_confidence",
    "confidence",
    "table",
]

#: How an answer stands against the other places that matched: ``clear`` (none, or all of them
#: ``FAR_MARGIN`` rank points or more behind), ``near`` (one closer), ``below`` (not the best answer).
MARGINS: tuple[str, ...] = ("clear", "near", "below")
#: Rank points that separate a "clear" lead from a "near" one.
FAR_MARGIN = SCORES.far_margin
#: Consonants from which a skeleton match is told apart as long (its own band: far fewer chance matches).
LONG_SKELETON = 5
#: Pseudo-answers with which a bucket's score band pulls a sparse bucket towards itself.
_BAND_WEIGHT = 4.0


class Evidence(NamedTuple):
    """What decides how far an answer can be trusted."""

    tier: str  #: exact, variant, skeleton or fuzzy
    score: float  #: the match score, 0-100
    ambiguous: bool  #: another place matched about as well and nothing decided
    margin: str  #: one of :data:`MARGINS`
    province: str  #: ``in`` (inside the given province), ``out`` (a neighbouring one), ``none`` (no province)
    cross_script: bool = False  #: an Arabic mention against a Latin name, or the reverse
    kind_missed: bool = False  #: the mention asked for a kind ("X airbase") and the place is not of it
    #: the name matched: ``main`` (the place's name or an official one), ``alias``, ``historic``, ``colloquial``
    name: str = "main"
    key_letters: int = 0  #: letters of the key that matched (a skeleton's consonants)


def band(e: Evidence) -> str:
    """The score band of an answer.

    A consonant skeleton of :data:`LONG_SKELETON` letters or more is a band of its own: two
    unrelated names rarely share five consonants in order, while three ("Dara" and "Dura")
    are shared by chance.

    >>> band(Evidence("variant", 97.4, False, "clear", "none")), band(Evidence("fuzzy", 66.0, False, "clear", "none"))
    ('variant-high', 'fuzzy-low')
    >>> band(Evidence("skeleton", 87.0, False, "clear", "none", key_letters=3))
    'skeleton-high'
    >>> band(Evidence("skeleton", 87.0, False, "clear", "none", cross_script=True, key_letters=6))
    'skeleton-script-long'
    """
    if e.tier == "exact":
        return "exact"
    if e.tier == "variant":
        return "variant-high" if e.score >= 96.0 else "variant-low"
    if e.tier == "skeleton":
        long = "-long" if e.key_letters >= LONG_SKELETON else ""
        if e.cross_script:
            return f"skeleton-script{long}"
        return f"skeleton-high{long}" if e.score >= 85.0 else "skeleton-low"
    return "fuzzy-high" if e.score >= 72.0 else "fuzzy-low"


def bucket(e: Evidence) -> str:
    """The reliability-table bucket of an answer: ``band|ambiguous-or-margin|province``, then
    ``+other-kind`` when the mention asked for a kind the answer is not of, and ``+alias``,
    ``+colloquial`` or ``+historic`` when the name matched is not the place's own or an official one
    (a nickname is measured apart from a spelling: "الشهباء" is Aleppo's and a town's name)."""
    extra = ("+other-kind" if e.kind_missed else "") + ("" if e.name == "main" else f"+{e.name}")
    return f"{band(e)}|{'ambiguous' if e.ambiguous else e.margin}|{e.province}{extra}"


@cache
def table() -> dict[str, Any]:
    """The reliability table shipped with the package (``gazetteer/confidence.json``)."""
    text = Path(__file__).with_name("confidence.json").read_text(encoding="utf-8")
    data: dict[str, Any] = json.loads(text)
    return data


def _rate(right: float, answered: float, prior: float, weight: float) -> float:
    return (right + prior * weight) / (answered + weight)


@cache
def _levels() -> list[dict[str, tuple[float, float]]]:
    """The table's counts at each level of detail, finest first: the bucket, then without its
    ``+`` markers, then without its province, then the band (best answers only)."""
    buckets = {k: (float(v[0]), float(v[1])) for k, v in table()["buckets"].items()}
    levels: list[dict[str, tuple[float, float]]] = [buckets]
    for cut in (_without_markers, _without_province):
        coarser: dict[str, tuple[float, float]] = {}
        for key, (right, answered) in levels[-1].items():
            r0, a0 = coarser.get(cut(key), (0.0, 0.0))
            coarser[cut(key)] = (r0 + right, a0 + answered)
        levels.append(coarser)
    levels.append({k: (float(v[0]), float(v[1])) for k, v in table()["bands"].items()})
    return levels


def _without_markers(key: str) -> str:
    return key.split("+", 1)[0]


def _without_province(key: str) -> str:
    return key.rsplit("|", 1)[0]


@cache
def _confidence(key: str) -> float:
    """Smoothed precision: each level's rate pulls the next finer one when that one has few answers."""
    keys = [key, _without_markers(key), _without_province(_without_markers(key)), key.split("|", 1)[0]]
    rate = 0.5  # nothing measured at all
    for level, k in reversed(list(zip(_levels(), keys))):
        right, answered = level.get(k, (0.0, 0.0))
        rate = _rate(right, answered, rate, _BAND_WEIGHT)
    return round(rate, 4)


def confidence(e: Evidence) -> float:
    """The measured probability that an answer with this evidence is right (0-1)."""
    return _confidence(bucket(e))


def bucket_confidence(key: str) -> float:
    """:func:`confidence` of the evidence whose :func:`bucket` is ``key``.

    >>> e = Evidence("exact", 100.0, False, "clear", "none")
    >>> bucket_confidence(bucket(e)) == confidence(e)
    True
    """
    return _confidence(key)


def _default_min_confidence() -> float:
    value = table().get("default_min_confidence", 0.9)
    return float(value)


#: ``resolve`` answers only when the confidence is at least this: the lowest threshold that kept
#: precision at or above 97 % on the tuning sets (``confidence.json``).
DEFAULT_MIN_CONFIDENCE: float = _default_min_confidence()


def check_min_confidence(value: object) -> float:
    """``value`` as a threshold in [0, 1], or :class:`~gazetteer.errors.InvalidQueryError`."""
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0.0 <= float(value) <= 1.0:
        raise InvalidQueryError(f"min_confidence must be a number in [0, 1], got {value!r}")
    return float(value)
