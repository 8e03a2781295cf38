"""The kinds of place: one table that every stage reads.

Each kind has a family, an importance (the prior that ranks a bare name: a
bare "Homs" means the city before the governorate), the distance within which
two rows of it may be the same place, the kinds it may merge with, and the
kinds a descriptor asking for it accepts ("Shayrat airbase" accepts an airbase
or an airport).

>>> KINDS[:4]
('governorate', 'district', 'subdistrict', 'city')
>>> kind("airbase").family, kind("town").importance
('facility', 2.0)
>>> accepts("city")
('city', 'town')
>>> may_merge("town", "village"), may_merge("landmark", "town")
(True, False)
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType

__all__ = [
    "ADMIN_KINDS",
    "AREA_KINDS",
    "FACILITY_CORE_KINDS",
    "FACILITY_KINDS",
    "KINDS",
    "POPULATED_KINDS",
    "Kind",
    "accepts",
    "importance",
    "kind",
    "may_merge",
    "merge_distance_m",
    "stands_in",
]


@dataclass(frozen=True, slots=True)
class Kind:
    """One kind of place."""

    name: str  #: e.g. ``"town"``
    family: str  #: ``admin``, ``populated``, ``part``, ``facility``, ``site`` or ``natural``
    importance: float  #: ranking prior of a bare name (populated places add up to 1 for population)
    merge_distance_m: float  #: two rows of this kind farther apart than this are two places
    merges_with: frozenset[str]  #: kinds a row of this kind may merge with (symmetric, checked below)
    accepts: tuple[str, ...]  #: kinds a descriptor asking for this kind accepts, best first
    description: str  #: one line for the docs


_POPULATED = frozenset({"city", "town", "village"})
_FACILITY = frozenset(
    {"camp", "airbase", "airport", "crossing", "prison", "oil_field", "gas_field", "dam", "road", "landmark"}
)

_TABLE: tuple[Kind, ...] = (
    Kind("governorate", "admin", 1.8, 0, frozenset(), ("governorate",), "admin1 (محافظة), 14 of them"),
    # "the Qadi Askar district of Aleppo", "Jobar district": in English a district is also a city's quarter
    Kind("district", "admin", 1.5, 0, frozenset(), ("district", "neighbourhood"), "admin2 (منطقة)"),
    Kind("subdistrict", "admin", 1.2, 0, frozenset(), ("subdistrict",), "admin3 (ناحية)"),
    Kind("city", "populated", 3.0, 10_000, _POPULATED, ("city", "town"),
         "governorate capital or population of 50,000 or more"),
    Kind("town", "populated", 2.0, 5_000, _POPULATED | {"neighbourhood", "camp"}, ("town", "city", "village"),
         "population of 5,000 or more, or an admin seat"),
    Kind("village", "populated", 1.0, 3_000, _POPULATED | {"neighbourhood", "camp"}, ("village", "town"),
         "other populated place"),
    # a camp grown into its city is called a quarter: "حي الرمل الجنوبي" (the Latakia camp)
    Kind("neighbourhood", "part", 0.6, 2_000, frozenset({"town", "village", "neighbourhood"}),
         ("neighbourhood", "village", "camp"), "part of a city (حي)"),
    Kind("camp", "facility", 0.6, 2_000, frozenset({"camp", "village", "town"}), ("camp",),
         "displacement or refugee camp (مخيم)"),
    Kind("airbase", "facility", 0.5, 3_000, frozenset({"airbase", "airport", "landmark"}),
         ("airbase", "airport", "landmark"),
         "military airbase or airfield (مطار عسكري)"),
    Kind("airport", "facility", 0.5, 3_000, frozenset({"airbase", "airport", "landmark"}),
         ("airport", "airbase", "landmark"),
         "civil airport (مطار)"),
    Kind("crossing", "facility", 0.5, 2_000, frozenset({"crossing", "landmark"}), ("crossing", "landmark"),
         "border crossing (معبر)"),
    Kind("prison", "facility", 0.4, 1_000, frozenset({"prison", "landmark"}), ("prison", "landmark"), "prison (سجن)"),
    Kind("oil_field", "facility", 0.4, 10_000, frozenset({"oil_field", "gas_field"}), ("oil_field", "gas_field"),
         "oil field (حقل نفط)"),
    Kind("gas_field", "facility", 0.4, 10_000, frozenset({"oil_field", "gas_field"}), ("gas_field", "oil_field"),
         "gas field (حقل غاز)"),
    Kind("dam", "facility", 0.4, 3_000, frozenset({"dam", "landmark"}), ("dam", "landmark"), "dam or reservoir (سد)"),
    Kind("road", "facility", 0.3, 5_000, frozenset({"road"}), ("road",), "road, highway or junction"),
    Kind("landmark", "facility", 0.4, 1_000, frozenset({"landmark", "prison", "airbase", "airport", "crossing", "dam"}),
         ("landmark", "prison", "airbase", "airport", "crossing", "dam"),
         "building, roundabout, square, hospital, school, base..."),
    Kind("archaeological_site", "site", 0.5, 2_000, frozenset({"archaeological_site"}),
         ("archaeological_site", "landmark"),
         "ancient city, tell, castle, monastery (موقع أثري)"),
    Kind("mountain", "natural", 0.3, 20_000, frozenset({"mountain", "region"}), ("mountain", "region"),
         "mountain or range (جبل)"),
    Kind("region", "natural", 0.3, 30_000, frozenset({"mountain", "region"}), ("region", "mountain"),
         "named region, plain or desert (Ghouta, Qalamoun, Hauran...)"),
    Kind("feature", "natural", 0.3, 5_000, frozenset({"feature"}), ("feature", "mountain", "region"),
         "other natural feature: wadi, spring, river..."),
)  # fmt: skip

_BY_NAME = MappingProxyType({k.name: k for k in _TABLE})

#: Every kind, from the largest to the smallest unit, then the other families.
KINDS: tuple[str, ...] = tuple(k.name for k in _TABLE)
#: Administrative units (with OCHA P-codes SYnn, SYnnnn, SYnnnnnn).
ADMIN_KINDS: frozenset[str] = frozenset(k.name for k in _TABLE if k.family == "admin")
#: Natural features: mountains, regions, rivers, springs.
NATURAL_KINDS: frozenset[str] = frozenset(k.name for k in _TABLE if k.family == "natural")
#: The natural features that are areas: regions (plains, deserts) and mountain ranges, which a name
#: shared with a settlement or a unit may mean ("الحولة", "منطقة القلمون", "القلمون الشرقي").
AREA_KINDS: frozenset[str] = frozenset({"region", "mountain"})
#: Populated places.
POPULATED_KINDS: frozenset[str] = _POPULATED
#: Facilities: camps, bases, crossings, prisons, fields, dams, roads, landmarks.
FACILITY_KINDS: frozenset[str] = _FACILITY
#: Facilities whose core is evidence with their kind word: "the Jirah airbase" and "Menagh airbase"
#: are "Jirah Military Airbase" and "Menagh Air Base" written with another kind word, as "سد تشرين"
#: is "Tishrin Dam". A core name answers only for its own kind (:mod:`gazetteer.rank`): "Tishrin"
#: alone stays a month, not the dam. Lakes, rivers and mountains give none ("Lake Assad" is no "Assad").
FACILITY_CORE_KINDS: frozenset[str] = frozenset(
    {"airbase", "airport", "dam", "prison", "crossing", "oil_field", "gas_field"}
)


def kind(name: str) -> Kind:
    """The :class:`Kind` called ``name``; ``KeyError`` for an unknown kind."""
    return _BY_NAME[name]


def importance(name: str) -> float:
    """The ranking prior of a kind (0 for an unknown one)."""
    k = _BY_NAME.get(name)
    return k.importance if k else 0.0


def merge_distance_m(a: str, b: str) -> float:
    """How far apart two rows of kinds ``a`` and ``b`` may be and still be one place (the larger limit)."""
    return max(_BY_NAME[a].merge_distance_m if a in _BY_NAME else 2_000.0,
               _BY_NAME[b].merge_distance_m if b in _BY_NAME else 2_000.0)  # fmt: skip


def may_merge(a: str, b: str) -> bool:
    """Whether rows of kinds ``a`` and ``b`` may be the same place."""
    k = _BY_NAME.get(a)
    return k is not None and b in k.merges_with


def accepts(hint: str) -> tuple[str, ...]:
    """The kinds a descriptor asking for ``hint`` accepts, best first (``(hint,)`` for an unknown hint)."""
    k = _BY_NAME.get(hint)
    return k.accepts if k else (hint,)


#: What may stand in for a kind a mention asks for when nothing of that kind matches, by the
#: asked kind's family: the settlement or unit such a thing lies in or is named after ("Hama
#: Citadel" -> Hama), never a thing of another sort ("حي البياضة", a quarter, is not the prison
#: called البياضة; "ضيعة دوما", a hamlet, is neither the city nor the district of Douma), and
#: nothing for a natural feature ("Ghab Plain" is no district).
_STAND_INS: Mapping[str, frozenset[str]] = MappingProxyType(
    {
        # "منطقة" is a district and an area: "منطقة جبل حوران", "منطقة القلمون" are the mountains, "منطقة
        # أفاميا" the ancient city's
        "admin": _POPULATED | {"governorate", "district", "subdistrict", "region", "mountain", "archaeological_site"},
        # a town the sources file as a village ("مدينة البارة"), a village a city has grown over; an ancient
        # city known by its ruins ("the city of Sumur", Tell Kazel); the subdistrict a village is the seat
        # of, when the index has the unit only ("قرية الخشنية"; rank.fitting skips one with a seat town)
        "populated": frozenset({"village", "neighbourhood", "archaeological_site", "subdistrict"}),
        "part": _POPULATED | {"neighbourhood"},
        "facility": _POPULATED | {"neighbourhood", "governorate", "district", "subdistrict"},
        "site": _POPULATED | {"neighbourhood", "governorate", "district", "subdistrict"},
        "natural": frozenset(),
    }
)


def stands_in(asked: str, kind: str) -> bool:
    """Whether a place of ``kind`` may answer a mention asking for ``asked`` when no place of an
    accepted kind matches (an unknown ``asked`` kind accepts any stand-in).

    >>> stands_in("archaeological_site", "city"), stands_in("neighbourhood", "prison"), stands_in("village", "district")
    (True, False, False)
    """
    k = _BY_NAME.get(asked)
    return k is None or kind in k.accepts or kind in _STAND_INS[k.family]


def _check() -> None:
    """The table's invariants, asserted at import."""
    assert len(_BY_NAME) == len(_TABLE), "kind names are unique"
    families = {"admin", "populated", "part", "facility", "site", "natural"}
    for k in _TABLE:
        assert k.family in families, k
        assert k.accepts and k.accepts[0] == k.name and set(k.accepts) <= set(_BY_NAME), k
        assert k.merges_with <= set(_BY_NAME), k
        for other in k.merges_with:
            assert k.name in _BY_NAME[other].merges_with, f"merge of {k.name} and {other} is not symmetric"
        assert (k.family == "admin") == (not k.merges_with), k
    assert set(_STAND_INS) == families and all(s <= set(_BY_NAME) for s in _STAND_INS.values())
    assert max(k.importance for k in _TABLE) == importance("city")


_check()
