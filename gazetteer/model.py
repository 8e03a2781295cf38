"""Records: what a source says about a place, and what the index keeps.

Two layers of records live here:

* :class:`SourceRecord` is what one adapter read from one upstream row. It is
  the input of the merge (:mod:`gazetteer.merge`) and never reaches a query.
* :class:`Place` is one real place after merging, as stored in the index and
  returned inside a :class:`Match`.

>>> ref = AdminRef(name="Homs", name_ar="حمص", pcode="SY04")
>>> ref.pcode
'SY04'
>>> Name("Talbiseh", "en", "opensyria").text
'Talbiseh'
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, NamedTuple, TypeVar

from .kinds import ADMIN_KINDS, KINDS

__all__ = [
    "ADMIN_KINDS",
    "KINDS",
    "AdminRef",
    "Match",
    "Name",
    "Place",
    "PlaceMention",
    "SourceRecord",
    "SourceRef",
]


class Name(NamedTuple):
    """One name of a place, in one language, from one source.

    ``lang`` is a BCP 47-like tag: ``"ar"`` for Arabic script, ``"en"`` for
    English, ``"fr"``, ``"tr"``, ... and ``"und"`` when the source does not say.
    ``flags`` holds GeoNames-style qualifiers: ``"preferred"``, ``"short"``,
    ``"colloquial"``, ``"historic"``, ``"official"``, ``"alias"``, and ``"core"`` for a name
    the index derived from another one by taking a descriptor off ("Madaya" from "Nahiyat
    Madaya"; same language and source as the name it comes from), ``"unit"`` for a name of a
    subdistrict merged into a seat town named otherwise ("الغوطة الشرقية" on Jaramana), and
    ``"joined"`` for an Arabic "كفر X" or "بيت X" the index also writes as one word ("كفرنبودة").
    """

    text: str
    lang: str
    source: str
    flags: tuple[str, ...] = ()


class SourceRef(NamedTuple):
    """Where a place came from: the source's short name, its row id, its licence."""

    source: str  #: e.g. ``"geonames"``, ``"opensyria"``, ``"syrianarchive"``, ``"ocha"``
    id: str  #: the row's id in that source (geonameid, P-code, record id)
    licence: str  #: e.g. ``"CC-BY-4.0"``


class AdminRef(NamedTuple):
    """A reference to an administrative unit: its names and OCHA P-code."""

    name: str
    name_ar: str | None = None
    pcode: str | None = None


@dataclass(slots=True)
class SourceRecord:
    """One row read by an adapter, before merging.

    Coordinates are WGS84 degrees. ``governorate`` is anything that names a
    governorate (a P-code ``SY04``, ISO ``SY-HI``, GeoNames admin1 ``11``, or a
    spelling such as ``"HOMS "``); the merge resolves it with
    :mod:`gazetteer.governorates`. ``district_pcode`` / ``subdistrict_pcode``
    are set when the source states them. ``parent_id`` is the source's own id
    of the enclosing unit (e.g. an OpenSyria ``districtId``).
    """

    source: str
    source_id: str
    name: str
    kind: str
    lat: float | None = None
    lon: float | None = None
    name_ar: str | None = None
    names: list[Name] = field(default_factory=list)
    population: int | None = None
    governorate: str | None = None
    district_pcode: str | None = None
    subdistrict_pcode: str | None = None
    parent_id: str | None = None
    feature_code: str | None = None
    area_km2: float | None = None  #: area of an admin unit, km² (OpenSyria)
    #: external identifiers: keys ``geonames``, ``pcode``, ``wikidata``, ``iso3166_2``,
    #: ``geonames_admin2`` (a GeoNames admin2 geonameid) ...
    external_ids: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Place:
    """One place in the index (several source rows merged into one).

    >>> p = Place(id="gn:163779", name="Talbiseh", name_ar="تلبيسة", kind="town",
    ...           lat=34.84, lon=36.73, governorate=AdminRef("Homs", "حمص", "SY04"))
    >>> p.governorate.name, p.pcode
    ('Homs', None)
    """

    id: str  #: stable id: ``pcode:SY04``, ``gn:163779``, ``ocha:C2345``, ``sa:512``
    name: str  #: English (or best Latin) name
    name_ar: str | None
    kind: str  #: one of :data:`gazetteer.kinds.KINDS`
    lat: float  #: WGS84 latitude, degrees
    lon: float  #: WGS84 longitude, degrees
    governorate: AdminRef
    district: AdminRef | None = None
    subdistrict: AdminRef | None = None
    population: int | None = None
    geonames_id: int | None = None  #: primary GeoNames id
    pcode: str | None = None  #: OCHA P-code of this place (admin unit or community)
    wikidata: str | None = None
    iso3166_2: str | None = None  #: governorates only, e.g. ``SY-HI``
    names: tuple[Name, ...] = ()  #: every name, with its language and source
    sources: tuple[SourceRef, ...] = ()  #: every source row merged into this place
    seat_of: tuple[str, ...] = ()  #: ids of admin units whose seat this place is
    seat: str | None = None  #: for an admin unit: the id of its seat town
    admin_inferred: bool = False  #: district/subdistrict inferred by proximity
    parent: str | None = None  #: the place this one is part of (a neighbourhood's city), by id

    @property
    def licences(self) -> tuple[str, ...]:
        """The distinct licences of the sources of this place, sorted."""
        return tuple(sorted({s.licence for s in self.sources}))

    def to_dict(self) -> dict[str, object]:
        """A JSON-ready dict of this place.

        >>> Place(id="x", name="A", name_ar=None, kind="town", lat=1.0, lon=2.0,
        ...       governorate=AdminRef("Homs")).to_dict()["governorate"]
        'Homs'
        """

        def admin(ref: AdminRef | None) -> dict[str, str | None] | None:
            if ref is None:
                return None
            return {"name": ref.name, "name_ar": ref.name_ar, "pcode": ref.pcode}

        return {
            "id": self.id,
            "name": self.name,
            "name_ar": self.name_ar,
            "kind": self.kind,
            "lat": self.lat,
            "lon": self.lon,
            "governorate": self.governorate.name,
            "governorate_ar": self.governorate.name_ar,
            "governorate_pcode": self.governorate.pcode,
            "district": admin(self.district),
            "subdistrict": admin(self.subdistrict),
            "population": self.population,
            "geonames_id": self.geonames_id,
            "pcode": self.pcode,
            "wikidata": self.wikidata,
            "iso3166_2": self.iso3166_2,
            "seat_of": list(self.seat_of),
            "seat": self.seat,
            "admin_inferred": self.admin_inferred,
            "parent": self.parent,
            "sources": [{"source": s.source, "id": s.id, "licence": s.licence} for s in self.sources],
        }


@dataclass(frozen=True, slots=True)
class Match:
    """One answer to a mention: the place, how well it matched, and why.

    ``score`` is on a 0-100 scale (see ``docs/resolving.md``): 100 for an exact
    folded name, 90-99 for an equal variant key, 75-89 for an equal consonant
    skeleton, and 64-80 for a fuzzy match. ``confidence`` is the measured
    probability that the place is the right one, from the reliability table of
    :mod:`gazetteer.confidence` (tier, score band, runner-up, ambiguity, province).
    """

    place: Place
    score: float  #: match quality, 0-100
    matched_name: str  #: the place's name that the mention matched
    tier: str  #: ``"exact"``, ``"variant"``, ``"skeleton"`` or ``"fuzzy"``
    signals: tuple[str, ...] = ()  #: ranking signals that applied (province, kind hint...)
    ambiguous: bool = False  #: another place matched about as well and nothing decided
    alternatives: tuple[str, ...] = ()  #: ids of the close alternatives
    in_province: bool | None = None  #: ``None`` when no province was given
    confidence: float = 0.0  #: measured probability that this is the right place, 0-1
    bucket: str = ""  #: the reliability-table bucket the confidence comes from (``gazetteer.confidence``)

    @property
    def explanation(self) -> str:
        """A one-line, human-readable reason for this answer."""
        parts = [
            f"{self.tier} match on {self.matched_name!r} (score {self.score:.0f}, confidence {self.confidence:.2f})"
        ]
        parts.extend(self.signals)
        if self.ambiguous:
            parts.append(f"ambiguous with {', '.join(self.alternatives)}")
        return "; ".join(parts)

    def to_dict(self) -> dict[str, object]:
        """A JSON-ready dict of this match (the place nested under ``place``)."""
        return {
            "place": self.place.to_dict(),
            "score": round(self.score, 2),
            "matched_name": self.matched_name,
            "tier": self.tier,
            "signals": list(self.signals),
            "ambiguous": self.ambiguous,
            "alternatives": list(self.alternatives),
            "in_province": self.in_province,
            "confidence": round(self.confidence, 4),
            "bucket": self.bucket,
            "explanation": self.explanation,
        }


_Frozen = TypeVar("_Frozen")


def fast_constructor(cls: type[_Frozen]) -> Callable[..., _Frozen]:
    """``cls(...)`` for a frozen, slotted dataclass, without its per-field ``object.__setattr__``.

    The query path builds a :class:`Place` and a :class:`Match` per answer; a frozen
    dataclass' ``__init__`` spends most of their cost setting its fields one by one. This
    builds an unfrozen twin with the same slots (so the same memory layout) and gives it
    ``cls`` as its class: the object is a ``cls`` in every respect (equality, hash, repr,
    pickling, immutability) and costs a quarter as much.

    >>> make = fast_constructor(Place)
    >>> fields = dict(id="x", name="A", name_ar=None, kind="town", lat=1.0, lon=2.0, governorate=AdminRef("Homs"))
    >>> p = make(**fields)
    >>> type(p) is Place, p == Place(**fields), hash(p) == hash(Place(**fields))
    (True, True, True)
    """
    twin: type | None = None

    def make(*args: Any, **kwargs: Any) -> _Frozen:
        nonlocal twin
        if twin is None:  # built on the first call, not at import
            twin = _unfrozen_twin(cls)
        obj = twin(*args, **kwargs)
        obj.__class__ = cls
        return obj  # type: ignore[no-any-return]

    return make


def _unfrozen_twin(cls: type) -> type:
    namespace: dict[str, Any] = {"__annotations__": {}, "__module__": cls.__module__}
    for f in dataclasses.fields(cls):
        namespace["__annotations__"][f.name] = f.type
        if f.default is not dataclasses.MISSING:
            namespace[f.name] = f.default
    bare = type(f"_Building{cls.__name__}", (), namespace)
    twin: type = dataclass(slots=True, eq=False, repr=False, match_args=False)(bare)
    if twin.__slots__ != cls.__slots__:  # type: ignore[attr-defined]
        raise TypeError(f"{cls.__name__}: the twin's slots differ")
    return twin


#: ``Place(...)`` and ``Match(...)`` as the query path builds them (see :func:`fast_constructor`).
new_place: Callable[..., Place] = fast_constructor(Place)
new_match: Callable[..., Match] = fast_constructor(Match)


class PlaceMention(NamedTuple):
    """A place named in a text (:func:`gazetteer.geoparse`): where (``start``/``end`` into the
    text), as written, and the answer."""

    start: int
    end: int
    text: str
    match: Match
