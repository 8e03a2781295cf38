"""Calibrated confidence: the measured probability that an answer is the right place.

Every answer falls in a bucket of :class:`Evidence` (the tier and score band of
its match, whether it was ambiguous, how far ahead of the runner-up it ranked,
and where it lies relative to the caller's province). ``confidence.json`` holds,
per bucket, how many answers in that bucket were right on the project's tuning
sets (``benchmarks/calibrate.py`` measures them; ``docs/benchmarks.md`` shows the
reliability table and the precision/recall curve). A bucket's confidence is its
smoothed precision; a bucket with few answers leans on its score band.

>>> e = Evidence("exact", 100.0, ambiguous=False, margin="clear", province="none")
>>> bucket(e), 0.9 < confidence(e) <= 1.0
('exact|clear|none', True)
>>> 0.0 <= DEFAULT_MIN_CONFIDENCE < 1.0
True
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from .scoring import SCORES

__all__ = [
    "DEFAULT_MIN_CONFIDENCE",
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
#: Pseudo-answers with which a bucket's score band pulls a sparse bucket towards itself.
_BAND_WEIGHT = 8.0


@dataclass(frozen=True, slots=True)
class Evidence:
    """What decides how far an answer can be trusted."""

    tier: str  #: exact, variant, skeleton or fuzzy
    score: float  #: the match score, 0-100
    ambiguous: bool  #: another place matched about as well and nothing decided
    margin: str  #: one of :data:`MARGINS`
    province: str  #: ``in`` (inside the given province), ``out`` (a neighbouring one), ``none`` (no province)
    cross_script: bool = False  #: an Arabic mention against a Latin name, or the reverse


def band(e: Evidence) -> str:
    """The score band of an answer.

    >>> band(Evidence("variant", 97.4, False, "clear", "none")), band(Evidence("fuzzy", 66.0, False, "clear", "none"))
    ('variant-high', 'fuzzy-low')
    """
    if e.tier == "exact":
        return "exact"
    if e.tier == "variant":
        return "variant-high" if e.score >= 96.0 else "variant-low"
    if e.tier == "skeleton":
        if e.cross_script:
            return "skeleton-script"
        return "skeleton-high" if e.score >= 85.0 else "skeleton-low"
    return "fuzzy-high" if e.score >= 72.0 else "fuzzy-low"


def bucket(e: Evidence) -> str:
    """The reliability-table bucket of an answer: ``band|ambiguous-or-margin|province``."""
    return f"{band(e)}|{'ambiguous' if e.ambiguous else e.margin}|{e.province}"


@cache
def table() -> dict[str, Any]:
    """The reliability table shipped with the package (``gazetteer/confidence.json``)."""
    text = (resources.files("gazetteer") / "confidence.json").read_text(encoding="utf-8")
    data: dict[str, Any] = json.loads(text)
    return data


def _rate(right: float, answered: float, prior: float, weight: float) -> float:
    return (right + prior * weight) / (answered + weight)


@cache
def _confidence(key: str, band_key: str) -> float:
    buckets = table()["buckets"]
    bands = table()["bands"]
    b_right, b_answered = bands.get(band_key, (0, 0))
    band_rate = _rate(b_right, b_answered, 0.5, 2.0)  # an unseen band: 0.5, quickly moved by data
    right, answered = buckets.get(key, (0, 0))
    return round(_rate(right, answered, band_rate, _BAND_WEIGHT), 4)


def confidence(e: Evidence) -> float:
    """The measured probability that an answer with this evidence is right (0-1)."""
    return _confidence(bucket(e), band(e))


#: ``resolve`` answers only when the confidence is at least this: the lowest threshold that kept
#: precision at or above 97 % on the tuning sets (``confidence.json``).
DEFAULT_MIN_CONFIDENCE: float = 0.0  # replaced from the table below


def _default_min_confidence() -> float:
    value = table().get("default_min_confidence", 0.9)
    return float(value)


DEFAULT_MIN_CONFIDENCE = _default_min_confidence()


def check_min_confidence(value: object) -> float:
    """``value`` as a threshold in [0, 1], or :class:`~gazetteer.errors.InvalidQueryError`."""
    from .errors import InvalidQueryError

    if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0.0 <= float(value) <= 1.0:
        raise InvalidQueryError(f"min_confidence must be a number in [0, 1], got {value!r}")
    return float(value)
