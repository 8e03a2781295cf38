"""Ranking: which candidate answers, how sure, and why.

Takes the hits :mod:`gazetteer.lookup` found and the hints of the mention, and
applies, in order:

1. the kinds the mention asks for (following seat links from a town to its unit and back), and
   what may stand in for a kind the index lacks (a settlement or a unit, matched exactly or by variant);
2. the caller's province as a constraint: candidates inside it win; when none
   matches inside, or only by skeleton or fuzzily, a candidate in a neighbouring
   governorate may answer only with an exact or variant match (``in_province=False``,
   and the explanation says so); ``strict`` never leaves the province;
3. the province named in the mention, ``near=``, importance; the seat town before
   the admin unit named after it;
4. the ambiguity test (a rival as good, farther than 3 km and not related), and
   the calibrated confidence of :mod:`gazetteer.confidence`.

>>> from gazetteer import load
>>> g = load()
>>> [m.place.id for m in g.candidates("Talbiseh", limit=1)]
['gn:163779']
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass

from . import governorates as govs
from .confidence import FAR_MARGIN, Evidence, bucket, bucket_confidence
from .geo import fast_distance_m
from .kinds import ADMIN_KINDS, AREA_KINDS, FACILITY_KINDS, KINDS, POPULATED_KINDS, accepts, stands_in
from .kinds import kind as kind_info
from .lookup import Hit, adjective_forms, unasked
from .mention import Mention
from .model import Match, new_match
from .normalize import fold, is_arabic, keys, without_articles
from .opened import OpenedIndex
from .scoring import SCORES

__all__ = [
    "COUNTRYSIDE_UNITS",
    "FOLLOWED_PARENT_KINDS",
    "NEIGHBOUR_TIERS",
    "Request",
    "fitting",
    "follow_links",
    "hints",
    "rank",
]

#: Tiers with which a candidate outside the given province, in a neighbouring one, may answer.
NEIGHBOUR_TIERS = frozenset({"exact", "variant"})


@dataclass(frozen=True, slots=True)
class Request:
    """What the caller asked besides the text: the province (a P-code), a point, how many answers."""

    gov: str | None = None
    near: tuple[float, float] | None = None
    limit: int = 1
    strict: bool = False  #: never answer outside ``gov``
    arabic: bool = False  #: the mention is written in Arabic (for the cross-script evidence)


def hints(mentions: Sequence[Mention]) -> tuple[str | None, str | None]:
    """The kind and the province a mention's descriptive words ask for (the first part that says)."""
    kind_hint = next((m.kind_hint for m in mentions if m.kind_hint), None)
    province_hint = next((m.province_hint for m in mentions if m.province_hint), None)
    return kind_hint, province_hint


#: Kinds whose names a source may write with their kind word ("حي الميدان", "قرية X"), which then is no
#: part of a proper name as a landmark's is ("Umayyad Mosque"): :func:`rank`.
_SETTLED = POPULATED_KINDS | {"neighbourhood"}
#: A leading English article, which no place's name holds (:func:`named_whole`: "the Houla Region").
_THE_RE = re.compile(r"^the\s+", re.IGNORECASE)


def named_whole(index: OpenedIndex, found: dict[int, Hit], mentions: Sequence[Mention]) -> list[int]:
    """The found places one of whose names is the whole mention, descriptive word included (equal
    variant keys): "مدينة حلب القديمة" is the Old City's name, not "the city of Aleppo al-Qadima";
    "Homs Governorate" the governorate's; "Houla Region", whose word asks for no kind, the region's."""
    whole = {keys(_THE_RE.sub("", m.text)).variant for m in mentions if m.name != m.text}  # "the Houla Region"
    named = {index.name_place[row] for variant in whole for row in index.variant.get(variant, ())}
    return [r for r in found if r in named]


def named_by_core(index: OpenedIndex, found: dict[int, Hit], mentions: Sequence[Mention], kind_hint: str) -> list[int]:
    """The found cities, towns, villages and quarters of a kind ``kind_hint`` accepts one of whose names
    is the mention's name without its descriptive word (equal variant keys): "الميدان" of "حي الميدان"."""
    cores = {keys(m.name).variant for m in mentions if m.name != m.text}
    named = {index.name_place[row] for variant in cores for row in index.variant.get(variant, ())}
    wanted = accepts(kind_hint)
    return [r for r in found if r in named and index.kind[r] in wanted and index.kind[r] in _SETTLED]


def named_with_adjectives(index: OpenedIndex, found: dict[int, Hit], mentions: Sequence[Mention]) -> list[int]:
    """The found places one of whose names is the mention's name with the directional adjectives
    after it (equal variant keys): "بلدة البويضة الشرقية" is the village "البويضة الشرقية" of Homs,
    not a village "البويضة" elsewhere."""
    fuller = {keys(name).variant for name in adjective_forms(mentions)}
    named = {index.name_place[row] for variant in fuller for row in index.variant.get(variant, ())}
    return [r for r in found if r in named]


#: Kinds a mention may reach through a town's parent link ("Hama airbase": the airbase whose parent is
#: Hama): the facilities a town is known by. Not a landmark ("Damascus University" is not the airport
#: or the mosque that Damascus is the parent of), nor a prison or a camp, of which a city has several
#: ("Damascus Central Prison" is Adra's, not the Mezzeh prison in the data).
FOLLOWED_PARENT_KINDS = frozenset({"airbase", "airport", "crossing", "dam"})

#: What the countryside of a town is ("the Ras al-Ayn countryside", "ريف القصير", when no governorate
#: has the name): the district the town is the seat of, else its subdistrict, else the town itself.
#: Like a governorate for "ريف حمص", the unit holds whatever part of the countryside is meant. The
#: countryside of a mountain or a region is its own area ("the Jabal al-Zawiya countryside").
COUNTRYSIDE_UNITS = ("district", "subdistrict", "mountain", "region")


def follow_links(index: OpenedIndex, found: dict[int, Hit], asked: str, wanted: tuple[str, ...]) -> None:
    """Add the admin unit a matched town is the seat of (and the reverse) when the mention asks for it,
    and the facility of the kind asked whose parent the town is ("Hama airbase")."""
    for row, hit in list(found.items()):
        if index.kind[row] in wanted:
            continue
        for other in index.links(row):
            kind = index.kind[other]
            if kind not in wanted or (other in found and found[other].score >= hit.score):
                continue
            seat = kind in ADMIN_KINDS or index.kind[row] in ADMIN_KINDS  # a unit and the town it is named after
            if seat or (asked in FOLLOWED_PARENT_KINDS and _strictly_fits(asked, kind)):
                found[other] = Hit(hit.score, hit.name_row, hit.tier, f"{kind} of {index.ids[row]}")


def _strictly_fits(asked: str, kind: str) -> bool:
    """The kind asked, or one that accepts it and that it accepts, the catch-all landmark aside
    (an airport for an airbase; not a university for a dam)."""
    if kind == asked:
        return True
    return "landmark" not in (asked, kind) and kind in accepts(asked) and asked in accepts(kind)


#: Kinds asked for whose place, once matched by name, leaves no stand-in beside it (:func:`fitting`).
_NAMED_THINGS = frozenset(k for k in KINDS if kind_info(k).family in ("facility", "site"))


#: The length of a subdistrict's OCHA P-code ("SY020004"): a town row that carries one is the
#: subdistrict too, the sources' unit merged into the town that is its seat and names it.
_SUBDISTRICT_PCODE_LENGTH = 8


def is_of_kind(index: OpenedIndex, row: int, wanted: tuple[str, ...], asked: str | None) -> bool:
    """Whether a row is of a kind in ``wanted``; when a subdistrict is asked for, a town that is a
    subdistrict merged into it counts as one ("Darat Izza Nahiya" is the row of Darat Izza, P-code
    SY020004). A district asked for is not answered so: "Kobani" is the district before the town."""
    if index.kind[row] in wanted:
        return True
    pcode = index.pcode[row]
    return asked == "subdistrict" and pcode is not None and len(pcode) == _SUBDISTRICT_PCODE_LENGTH


def _unit_asked(index: OpenedIndex, found: dict[int, Hit], wanted: tuple[str, ...], asked: str | None) -> str | None:
    """The kind :func:`is_of_kind` is told was asked: none when a row of a wanted kind is found, since a
    unit's own row answers for it ("Abu Kamal Subdistrict"), not the town that holds one."""
    return None if any(index.kind[r] in wanted for r in found) else asked


def _area_over_settlements(index: OpenedIndex, found: dict[int, Hit]) -> dict[int, Hit]:
    """The found places for a district word ("منطقة", also "area") that no district answers: a region
    or a mountain range named so, as the word's other sense, over a town that stands in ("منطقة
    الحولة" is the Houla plain's villages, not the town Kafr Laha that GeoNames also calls al-Houla);
    else all of them ("منطقة السخنة" is the town's)."""
    if any(index.kind[r] in ADMIN_KINDS for r in found):
        return found
    areas = {r: hit for r, hit in found.items() if index.kind[r] in AREA_KINDS and hit.tier in NEIGHBOUR_TIERS}
    return areas or found


#: Kinds whose exactly named place shuts out a stand-in of another kind (:func:`fitting`): the
#: facilities, and a city's quarter ("حي الصالحية" is Damascus's quarter, not the town of Deir ez-Zor;
#: a town stands in for "حي X" only when no quarter is named X).
_NAMED_THINGS_AND_QUARTERS = _NAMED_THINGS | {"neighbourhood"}


def fitting(index: OpenedIndex, found: dict[int, Hit], asked: str, wanted: tuple[str, ...]) -> dict[int, Hit]:
    """The found places that may answer a mention asking for the kind ``asked``.

    A place of a wanted kind; or a stand-in (:func:`gazetteer.kinds.stands_in`: the town for
    "Hama Citadel") matched exactly or by variant, unless the mention asks for a facility or a site
    and a place of a wanted kind is matched so too ("Abu al-Duhur Airbase" is the airbase, and the
    town it is named after no rival; "Rif Dimashq" keeps the district beside the governorate). A place
    matched by its core name (its name without its own descriptor: "البعث" of "جامعة البعث")
    answers only for its own kind: "سد البعث", a dam, is not the university.
    """
    out: dict[int, Hit] = {}
    named = False  # a place of a wanted kind matched by its name or a spelling of it
    asked_unit = _unit_asked(index, found, wanted, asked)
    for r, hit in found.items():
        kind = index.kind[r]
        if index.is_core_name(hit.name_row) and not _strictly_fits(asked, kind):
            continue
        if is_of_kind(index, r, wanted, asked_unit):
            out[r] = hit
            named = named or (hit.tier in NEIGHBOUR_TIERS and asked in _NAMED_THINGS_AND_QUARTERS)
        elif hit.tier in NEIGHBOUR_TIERS and stands_in(asked, kind) and not _seated_unit(index, r, kind):
            out[r] = hit
    if named:
        return {r: hit for r, hit in out.items() if is_of_kind(index, r, wanted, asked_unit)}
    return out


def _seated_unit(index: OpenedIndex, row: int, kind: str) -> bool:
    """Whether a subdistrict standing in for a settlement has a seat town in the index, which is the
    answer instead ("the village of Tadmur" is no subdistrict of Palmyra); one without ("قرية الخشنية",
    whose village the index lacks) stands in for its seat."""
    return kind == "subdistrict" and bool(index.links(row))


def _in_province(index: OpenedIndex, found: dict[int, Hit], request: Request) -> tuple[list[int], str, str]:
    """The candidate rows the province allows, the province evidence (in/out/none), and a note.

    Inside candidates win, unless they only match by skeleton or fuzzily while a neighbouring
    governorate holds an exact or variant match: a consonant skeleton inside ("Tubna" for
    "Thibeen", province Daraa) is weaker evidence than the name itself next door (Dhibbin).
    """
    rows = list(found)
    gov = request.gov
    if gov is None:
        return rows, "none", ""
    inside = [r for r in rows if index.gov[r] == gov]
    if request.strict:
        return inside, "in", ""
    strong_inside = any(found[r].tier in NEIGHBOUR_TIERS for r in inside)
    if inside and strong_inside:
        return inside, "in", ""
    around = govs.neighbours(gov)
    outside = [r for r in rows if index.gov[r] in around and found[r].tier in NEIGHBOUR_TIERS]
    if inside and not outside:
        return inside, "in", ""
    name = govs.by_pcode(gov).name
    how = "only a weak match" if inside else "nothing matches"
    return outside, "out", f"{how} in {name}: answered in a neighbouring governorate"


_Ranked = tuple[float, str, int, list[str]]


def _bare_name(index: OpenedIndex, hit: Hit) -> str:
    """The name a hit matched, its articles left out: "Al Midan" (Damascus) and "Midan" (Aleppo) are
    one name, and a query's article ("al-Midan") makes neither a better answer than the other."""
    return without_articles(fold(index.name_text[hit.name_row]))


def _without_its_article(name: str) -> str | None:
    """A Latin name's exact key without its article, ``None`` when it has none (a name of one word has
    none: the cheap test first, since every query ranks). Arabic names are left alone: namesakes
    written with and without ال meet in their Arabic names, which sources give both.

    >>> _without_its_article("Al Midan"), _without_its_article("Midan"), _without_its_article("الميدان")
    ('midan', None, None)
    """
    if (" " not in name and "-" not in name) or is_arabic(name):
        return None
    exact = fold(name)
    bare = without_articles(exact)
    return bare if bare != exact else None


def rank(index: OpenedIndex, found: dict[int, Hit], mentions: Sequence[Mention], request: Request) -> tuple[Match, ...]:
    """The best ``request.limit`` matches, best first, each with its confidence."""
    if not found:
        return ()
    kind_hint, province_hint = hints(mentions)
    found = {r: hit for r, hit in found.items() if not unasked(index, hit.name_row, r, kind_hint)}
    whole = named_whole(index, found, mentions)
    if whole and kind_hint and all(index.kind[r] in accepts(kind_hint) and index.kind[r] in _SETTLED for r in whole):
        # "حي الميدان", a source's name of Aleppo's Midan, is the kind word and the name of Damascus's too
        whole += [r for r in named_by_core(index, found, mentions, kind_hint) if r not in whole]
    preferred: tuple[str, ...] = ()  # the kinds a word part of a name asks for, to rank by alone
    if whole:  # the descriptive word is part of a name: only the places of that name, and no hint but
        # to rank them ("Mount Simeon" names the mountain and its district, and asks for the mountain)
        found = {r: found[r] for r in whole}
        preferred = accepts(kind_hint) if kind_hint else ()
        kind_hint = None
    elif kind_hint and (fuller := named_with_adjectives(index, found, mentions)):
        found = {r: found[r] for r in fuller}  # "بلدة البويضة الشرقية": the town of that name, not البويضة
    wanted: tuple[str, ...] = accepts(kind_hint) if kind_hint else ()
    said = kind_hint  # what the explanation says was asked
    if kind_hint == "governorate" and all(index.kind[r] != "governorate" for r in found):
        kind_hint, wanted = "district", COUNTRYSIDE_UNITS  # "the Ras al-Ayn countryside": no such governorate
        said = "countryside"
    if wanted:
        follow_links(index, found, str(kind_hint), wanted)
        found = fitting(index, found, str(kind_hint), wanted)
        if kind_hint == "district":
            found = _area_over_settlements(index, found)
    if not found:
        return ()
    unit_asked = _unit_asked(index, found, wanted, kind_hint)
    hint_gov = None
    if province_hint and kind_hint != "governorate":
        g = govs.lookup(province_hint)
        hint_gov = g.pcode if g else None
    rows, province, outside_note = _in_province(index, found, request)
    if not rows:
        return ()
    near = request.near
    ranked: list[_Ranked] = []
    for r in rows:
        hit = found[r]
        signals: list[str] = []
        score = hit.score + index.importance[r]
        if index.name_quality(hit.name_row) == "historic":
            score -= SCORES.historic_penalty
            signals.append("a historic name")
        if hit.via:
            signals.append(hit.via)
        if is_of_kind(index, r, wanted, unit_asked):
            score += SCORES.kind_bonus
            fits = "fits" if index.kind[r] in wanted else f"holds the subdistrict {index.pcode[r]}, which fits"
            signals.append(f"kind {index.kind[r]} {fits} '{said}'")
        elif index.kind[r] in preferred:
            score += SCORES.kind_bonus
            signals.append(f"kind {index.kind[r]} fits its name's word")
        if hint_gov and index.gov[r] == hint_gov:
            score += SCORES.province_hint_bonus
            signals.append("province named in the mention")
        if province == "in":
            signals.append("in the given province")
        elif province == "out":
            signals.append(f"{outside_note} ({govs.by_pcode(str(index.gov[r])).name})")
        if near is not None:
            d = fast_distance_m(near[0], near[1], index.lat[r], index.lon[r])
            score += SCORES.near_bonus * math.exp(-d / SCORES.near_scale_m)
            signals.append(f"{d / 1000:.0f} km from near=")
        ranked.append((score, index.ids[r], r, signals))
    ranked.sort(key=lambda t: (-t[0], t[1]))
    if not kind_hint:
        ranked = _seat_first(index, _feature_before_alias_unit(index, ranked, found), found)
    top_rank, _, top, _ = ranked[0]
    top_hit = found[top]
    # Places matched through a historic name ("Berea" for Aleppo) are no rivals of a modern match.
    unrelated = [
        (rank_, r)
        for rank_, _, r, _ in ranked[1:]
        if not index.related(top, r) and index.name_quality(found[r].name_row) != "historic"
    ]
    top_bare = _without_its_article(index.name_text[top_hit.name_row])  # "Hamah" has no rival in "Al-Hamah"
    rivals = [
        r
        for rank_, r in unrelated
        if (
            found[r].score >= top_hit.score - SCORES.ambiguity_score
            or found[r].tier == top_hit.tier != "fuzzy"
            or (top_bare is not None and found[r].tier in NEIGHBOUR_TIERS and _bare_name(index, found[r]) == top_bare)
        )
        and rank_ >= top_rank - SCORES.kind_bonus + 0.5
        and index.importance[r] > index.importance[top] - SCORES.rival_importance_gap
        and fast_distance_m(index.lat[top], index.lon[top], index.lat[r], index.lon[r]) > SCORES.same_place_m
        and not (near is not None and _near_decides(index, near, top, r))
    ]
    # a place at the same spot (a landmark row of the town, 200 m off) leaves where the name itself
    # matched clear; a likeness stays as unsure as its runner-up makes it
    elsewhere = (
        rank_
        for rank_, r in unrelated
        if (top_hit.tier not in NEIGHBOUR_TIERS
            or fast_distance_m(index.lat[top], index.lon[top], index.lat[r], index.lon[r]) > SCORES.same_place_m)
        and not (near is not None and _near_decides(index, near, top, r))
    )  # fmt: skip
    runner_up = next(elsewhere, None)
    margin = "clear" if runner_up is None or top_rank - runner_up >= FAR_MARGIN else "near"
    if wanted and not is_of_kind(index, top, wanted, unit_asked):
        ranked[0][3].append(f"no {said} of that name: answered with the {index.kind[top]}")
    out: list[Match] = []
    for _, _, r, signals in ranked[: request.limit]:
        hit = found[r]
        is_top = r == top
        alternatives = tuple(index.ids[x] for x in rivals[:5]) if is_top else ()
        matched = index.name_text[hit.name_row]
        evidence = Evidence(
            tier=hit.tier,
            score=hit.score,
            ambiguous=bool(alternatives),
            margin=margin if is_top else "below",
            province=province,
            cross_script=hit.tier == "skeleton" and is_arabic(matched) != request.arabic,
            kind_missed=bool(wanted) and not is_of_kind(index, r, wanted, unit_asked),
            name=index.name_quality(hit.name_row),
            key_letters=_skeleton_letters(index, hit),
        )
        key = bucket(evidence)
        in_province = None if province == "none" else province == "in"
        place, score, signal_tuple = index.place(r), round(hit.score, 2), tuple(signals)
        match = new_match(place, score, matched, hit.tier, signal_tuple, bool(alternatives), alternatives, in_province,
                          bucket_confidence(key), key)  # fmt: skip
        out.append(match)
    return tuple(out)


def _near_decides(index: OpenedIndex, near: tuple[float, float], top: int, rival: int) -> bool:
    """Whether ``near=`` tells two namesakes apart: the answer lies within ``SCORES.near_decides_m``
    of the point, the rival at least ``SCORES.near_rival_m`` from it and three times as far ("Al-Zahraa"
    near Nubl is the town 3 km away, not the quarter of Aleppo 20 km away)."""
    d_top = fast_distance_m(near[0], near[1], index.lat[top], index.lon[top])
    d_rival = fast_distance_m(near[0], near[1], index.lat[rival], index.lon[rival])
    return d_top <= SCORES.near_decides_m and d_rival >= max(SCORES.near_rival_m, 3 * d_top)


def _skeleton_letters(index: OpenedIndex, hit: Hit) -> int:
    """The consonants of a skeleton match's key (0 for the other tiers)."""
    return len(index.name_skeleton[hit.name_row]) if hit.tier == "skeleton" else 0  # a skeleton has no spaces


#: The places that may bear as an alias a name an area bears as its own (:func:`_feature_before_alias_unit`).
_ALIAS_BEARERS = frozenset(ADMIN_KINDS) | frozenset(POPULATED_KINDS) | frozenset(FACILITY_KINDS)


def _feature_before_alias_unit(index: OpenedIndex, ranked: list[_Ranked], found: dict[int, Hit]) -> list[_Ranked]:
    """A bare name that an admin unit or a settlement bears only as an alias, and a plain or a
    mountain as well, means the plain or the mountain: "Al-Ghab" is the Ghab plain, which the
    Al-Suqaylabiyah district is also called in OpenSyria's list ("منطقة الغاب" asks for the
    district); "الحولة" is the Houla plain, which GeoNames also gives the town Kafr Laha as a name;
    "وادي بردى" is the valley, not the market the Syrian Archive also calls so."""
    top = ranked[0][2]
    if index.kind[top] not in _ALIAS_BEARERS or index.name_quality(found[top].name_row) != "alias":
        return ranked
    for i, (_, _, r, signals) in enumerate(ranked[1:], start=1):
        if index.kind[r] in AREA_KINDS and found[r].tier == found[top].tier:
            signals.append(f"the {index.kind[r]} before a {index.kind[top]} that bears the name as an alias")
            return [ranked[i], *ranked[:i], *ranked[i + 1 :]]
    return ranked


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
