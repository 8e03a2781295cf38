"""Scores, thresholds and ranking bonuses: one table, its invariants asserted at import.

A match's ``score`` (0-100) says how well the mention's text matched a name;
ranking adds bonuses to it (kind asked for, province named, ``near=``,
importance). The numbers live in :data:`SCORES`; nothing else writes them out.

=========  ==========  ==========================================================
tier       score       when
=========  ==========  ==========================================================
exact      100         the folded mention equals a folded name
variant    90-99       equal variant keys; +9 x similarity of the folded forms
skeleton   75-89       equal consonant skeletons (82 across scripts)
fuzzy      64-80       0.8 x rapidfuzz ratio of variant keys one edit apart
=========  ==========  ==========================================================

>>> SCORES.variant(1.0), SCORES.skeleton(0.5), SCORES.fuzzy(90.0)
(99.0, 82.0, 72.0)
>>> SCORES.tier_of(95.0)
'variant'
"""

from __future__ import annotations

from dataclasses import dataclass

from .kinds import KINDS, importance

__all__ = ["SCORES", "TIERS", "Scores"]

#: The largest ranking prior of a kind (:func:`gazetteer.kinds.importance`).
_MAX_KIND_IMPORTANCE: float = max(importance(k) for k in KINDS)

#: Match tiers, from the strictest to the loosest.
TIERS: tuple[str, ...] = ("exact", "variant", "skeleton", "fuzzy")


@dataclass(frozen=True, slots=True)
class Scores:
    """Every number the lookup and the ranking use."""

    exact: float = 100.0
    variant_base: float = 90.0  #: a variant hit scores variant_base + variant_span x similarity
    variant_span: float = 9.0
    skeleton_base: float = 75.0  #: a same-script skeleton hit scores skeleton_base + skeleton_span x similarity
    skeleton_span: float = 14.0
    cross_script_skeleton: float = 82.0  #: an Arabic mention against a Latin name, or the reverse
    fuzzy_factor: float = 0.8  #: a fuzzy hit scores fuzzy_factor x rapidfuzz ratio
    fuzzy_min_ratio: float = 80.0  #: fuzzy hits below this ratio are dropped
    skeleton_min_ratio: float = 70.0  #: same-script skeleton hits need this ratio of variant keys...
    short_skeleton_min_ratio: float = 80.0  #: ... and this when the skeleton has only min_skeleton consonants
    min_skeleton: int = 3  #: shortest skeleton that may match on its own
    min_fuzzy_query: int = 6  #: shortest variant key that enters the fuzzy tier
    fuzzy_below: float = 90.0  #: the fuzzy tier is tried when the best hit scores below this
    kind_bonus: float = 8.0  #: the place is of the kind the mention asks for
    province_hint_bonus: float = 5.0  #: the place is in the governorate the mention names
    near_bonus: float = 10.0  #: at the near= point; decays as exp(-distance / near_scale_m)
    near_scale_m: float = 50_000.0
    near_decides_m: float = 10_000.0  #: a place this close to near= is no namesake's rival...
    near_rival_m: float = 15_000.0  #: ... of one this far from it and three times as far as the place
    population_bonus: float = 1.0  #: at most, for a populated place (log10 of population / 7)
    ambiguity_score: float = 3.0  #: a rival within this score (or of the same tier) is ambiguous...
    same_place_m: float = 3_000.0  #: ... unless it lies within this distance of the answer
    rival_importance_gap: float = 2.0  #: ... or is this much less important (a street named after a city)
    seat_first_min: float = 90.0  #: a seat town this good goes before the admin unit named after it
    far_margin: float = 5.0  #: a runner-up this many rank points behind is "far" (confidence evidence)
    historic_penalty: float = 5.0  #: rank points off a match on a historic name ("Berea" for Aleppo)

    def variant(self, similarity: float) -> float:
        """Score of a variant hit whose folded forms are ``similarity`` (0-1) alike."""
        return round(self.variant_base + self.variant_span * similarity, 2)

    def skeleton(self, similarity: float) -> float:
        """Score of a same-script skeleton hit whose variant keys are ``similarity`` (0-1) alike."""
        return round(self.skeleton_base + self.skeleton_span * similarity, 2)

    def fuzzy(self, ratio: float) -> float:
        """Score of a fuzzy hit with rapidfuzz ``ratio`` (0-100)."""
        return round(self.fuzzy_factor * ratio, 2)

    def tier_of(self, score: float) -> str:
        """The tier a score belongs to."""
        if score >= self.exact:
            return "exact"
        if score >= self.variant_base:
            return "variant"
        if score >= self.skeleton_base:
            return "skeleton"
        return "fuzzy"

    def settles(self, score: float) -> bool:
        """Whether a hit this good leaves no room for a skeleton hit to rank above it, rival it or seat it.

        >>> SCORES.settles(100.0), SCORES.settles(98.5), SCORES.settles(97.5)
        (True, True, False)
        """
        return score > self.lowest_settling()

    def lowest_settling(self) -> float:
        """The score above which a hit settles (see :meth:`settles`)."""
        return self.skeleton(1.0) + self.max_importance + self.far_margin

    @property
    def max_importance(self) -> float:
        """The largest importance a place can add to its rank."""
        return _MAX_KIND_IMPORTANCE + self.population_bonus

    def check(self) -> None:
        """Assert the invariants the lookup and the ranking rely on."""
        variant_max = self.variant(1.0)
        skeleton_max = self.skeleton(1.0)
        fuzzy_max = self.fuzzy(100.0)
        assert self.exact > variant_max >= self.variant_base > skeleton_max, "tiers do not overlap"
        assert self.skeleton_base <= self.cross_script_skeleton <= skeleton_max
        assert fuzzy_max <= self.skeleton_base + 5 and self.fuzzy(self.fuzzy_min_ratio) < self.skeleton_base
        # The settling shortcut (lookup skips the skeleton tier after a hit that settles(), with
        # no hint and no near=): the best skeleton hit plus the most importance ranks more than
        # far_margin below a settling hit (so the answer's confidence evidence is the same), is
        # never within ambiguity_score of it (nor of its tier), and never puts a seat town first.
        # Exact hits always settle.
        lowest_settling = self.lowest_settling()
        assert self.settles(self.exact) and lowest_settling < self.exact
        assert skeleton_max < lowest_settling - self.ambiguity_score
        assert skeleton_max < self.seat_first_min <= self.variant_base
        # The fuzzy tier is tried exactly when no hit of the variant tier or better was found.
        assert self.fuzzy_below == self.variant_base
        # A kind bonus always beats a tier step inside the skeleton band and any importance gap.
        assert self.kind_bonus > self.max_importance
        # A modern name of a small place ranks above a historic name of a big one with the same key.
        assert self.historic_penalty > self.max_importance


#: The one instance everything reads.
SCORES = Scores()
SCORES.check()
