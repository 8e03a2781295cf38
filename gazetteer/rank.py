"""Ranking: which candidate answers, how sure, and why.

Takes the hits :mod:`gazetteer.lookup` found and the hints of the mention, and
applies, in order: the kinds the mention asks for (following seat links from a
town to its unit and back), the province given by the caller, the province
named in the mention, ``near=``, importance, the seat-town-first rule, and the
ambiguity test (a rival as good, farther than 3 km and not related).

>>> from gazetteer import load
>>> g = load()
>>> [m.place.id for m in g.candidates("Talbiseh", limit=1)]
['gn:163779']
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from . import governorates as govs
from .geo import fast_distance_m
from .kinds import ADMIN_KINDS, accepts
from .lookup import Hit
from .mention import Mention
from .model import Match
from .opened import OpenedIndex
from .scoring import SCORES

__all__ = ["Request", "hints", "rank"]


@dataclass(frozen=True, slots=True)
class Request:
    """What the caller asked besides the text: the province (a P-code), a point, how many answers."""

    gov: str | None = None
    near: tuple[float, float] | None = None
    limit: int = 1


def hints(mentions: Sequence[Mention]) -> tuple[str | None, str | None]:
    """The kind and the province a mention's descriptive words ask for (the first part that says)."""
    kind_hint = next((m.kind_hint for m in mentions if m.kind_hint), None)
    province_hint = next((m.province_hint for m in mentions if m.province_hint), None)
    return kind_hint, province_hint


def follow_links(index: OpenedIndex, found: dict[int, Hit], wanted: tuple[str, ...]) -> None:
    """Add the admin unit a matched town is the seat of (and the reverse) when the mention asks for it."""
    for row, hit in list(found.items()):
        if index.kind[row] in wanted:
            continue
        for other in index.links(row):
            if index.kind[other] in wanted and (other not in found or found[other].score < hit.score):
                found[other] = Hit(hit.score, hit.name_row, hit.tier, f"{index.kind[other]} of {index.ids[row]}")


_Ranked = tuple[float, str, int, list[str]]


def rank(index: OpenedIndex, found: dict[int, Hit], mentions: Sequence[Mention], request: Request) -> tuple[Match, ...]:
    """The best ``request.limit`` matches, best first."""
    if not found:
        return ()
    kind_hint, province_hint = hints(mentions)
    wanted: tuple[str, ...] = accepts(kind_hint) if kind_hint else ()
    if wanted:
        follow_links(index, found, wanted)
    hint_gov = None
    if province_hint and kind_hint != "governorate":
        g = govs.lookup(province_hint)
        hint_gov = g.pcode if g else None
    rows = list(found)
    gov = request.gov
    in_province: bool | None = None
    outside_note = ""
    if gov is not None:
        inside = [r for r in rows if index.gov[r] == gov]
        in_province = bool(inside)
        if inside:
            rows = inside
        else:
            outside_note = f"no candidate in {govs.by_pcode(gov).name}; best elsewhere"
    near = request.near
    ranked: list[_Ranked] = []
    for r in rows:
        hit = found[r]
        signals: list[str] = []
        score = hit.score + index.importance[r]
        if hit.via:
            signals.append(hit.via)
        if index.kind[r] in wanted:
            score += SCORES.kind_bonus
            signals.append(f"kind {index.kind[r]} fits '{kind_hint}'")
        if hint_gov and index.gov[r] == hint_gov:
            score += SCORES.province_hint_bonus
            signals.append("province named in the mention")
        if gov is not None and in_province:
            signals.append("in the given province")
        if near is not None:
            d = fast_distance_m(near[0], near[1], index.lat[r], index.lon[r])
            score += SCORES.near_bonus * math.exp(-d / SCORES.near_scale_m)
            signals.append(f"{d / 1000:.0f} km from near=")
        if outside_note:
            signals.append(outside_note)
        ranked.append((score, index.ids[r], r, signals))
    ranked.sort(key=lambda t: (-t[0], t[1]))
    if not kind_hint:
        ranked = _seat_first(index, ranked, found)
    top_rank, _, top, _ = ranked[0]
    top_hit = found[top]
    rivals = [
        r
        for rank_, _, r, _ in ranked[1:]
        if (found[r].score >= top_hit.score - SCORES.ambiguity_score or found[r].tier == top_hit.tier != "fuzzy")
        and rank_ >= top_rank - SCORES.kind_bonus + 0.5
        and not index.related(top, r)
        and fast_distance_m(index.lat[top], index.lon[top], index.lat[r], index.lon[r]) > SCORES.same_place_m
    ]
    if wanted and index.kind[top] not in wanted:
        ranked[0][3].append(f"no {kind_hint} of that name: answered with the {index.kind[top]}")
    out: list[Match] = []
    for _, _, r, signals in ranked[: request.limit]:
        hit = found[r]
        alternatives = tuple(index.ids[x] for x in rivals[:5]) if r == top else ()
        out.append(
            Match(
                place=index.place(r),
                score=round(hit.score, 2),
                matched_name=index.name_text[hit.name_row],
                tier=hit.tier,
                signals=tuple(signals),
                ambiguous=bool(alternatives),
                alternatives=alternatives,
                in_province=in_province,
            )
        )
    return tuple(out)


def _seat_first(index: OpenedIndex, ranked: list[_Ranked], found: dict[int, Hit]) -> list[_Ranked]:
    """A bare name means the town before the admin unit it seats ("Tell Abyad", "Hamath").

    When the best candidate is an admin unit and its seat town also matched well, the town
    goes first; asking for the unit ("Tell Abyad district") keeps the unit first.
    """
    top = ranked[0][2]
    if index.kind[top] not in ADMIN_KINDS:
        return ranked
    for i, (_, _, r, signals) in enumerate(ranked[1:], start=1):
        if r in index.links(top) and index.kind[r] not in ADMIN_KINDS and found[r].score >= SCORES.seat_first_min:
            signals.append(f"the town that {index.ids[top]} is named after")
            return [ranked[i], *ranked[:i], *ranked[i + 1 :]]
    return ranked
