"""Merge source records into places: one real place, one record, every id kept.

Rules (``docs/merging.md`` states each with the rows it was made for):

* Governorates come from the project's table (:mod:`gazetteer.governorates`);
  OpenSyria and GeoNames admin1 rows attach to them. Districts and
  subdistricts are keyed by OCHA P-code; GeoNames ADM2/ADM3 rows attach by id.
* Rows of the gazetteer sources (GeoNames, OCHA, the project's curated rows)
  are *anchors*: an OCHA or curated row joins the GeoNames row of its GeoNames
  id, or one of the same name key, compatible kind and governorate within the
  distance its kinds allow; two rows of one of these sources never join.
* Syrian Archive (SA) rows are checked before they join anything: a region
  label that the point contradicts by more than 15 km of depth
  (:class:`GovernorateLocator`) yields to the point, unless a place of the
  row's name in the labelled governorate shows the point is the wrong part; a
  "nahiyah/mantiqah" row gives its names and id, never its point, to the unit
  (else the town) of its name, and the report says when it lay more than
  10 km from its town; a populated row more than 10 km from the town or city
  of its name in its governorate gives that town its names and id, never its
  point (Afrin 52 km away); names that belong to another known place are not added;
  a row that copies another row's point goes to its namesake or is dropped.
  Every such decision is in the report.
* A subdistrict's seat is the town the curated seat table names, or the
  unique town of its name in its governorate and district (an SA-only row is
  never chosen when a gazetteer town matches); the seat gets the P-code and is
  merged with the unit when the unit's centre lies within 15 km of it.
* Kind, ``name`` and ``name_ar`` follow the strongest evidence (see
  :mod:`gazetteer.naming` and ``docs/merging.md``).
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from functools import cache, lru_cache

from . import governorates as govs
from .adapters import SOURCES, NameFact, ReadResult, SeatFact, Skip
from .geo import EARTH_RADIUS_M, distance_m, distances_m, in_syria
from .kinds import ADMIN_KINDS, KINDS, POPULATED_KINDS, may_merge, merge_distance_m
from .mention import kind_said, parse_mention
from .model import AdminRef, Name, Place, SourceRecord, SourceRef
from .naming import (
    arabic_display,
    arabic_script_lang,
    ascii_display,
    choose_arabic,
    core_name,
    is_oddity,
    tidy_latin,
    without_admin_prefix,
)
from .normalize import _is_article, exact_key, is_arabic, keys, skeleton_key, to_ascii, variant_key

__all__ = ["Decision", "GovernorateLocator", "MergeReport", "merge"]

#: Words that open the name of a valley or a mountain, never a town's spelling ("Wadi an-Nasara", "Jebel Saman").
_FEATURE_WORDS = ("wadi", "jabal", "jebel", "jabel", "وادي", "جبل")
#: Two skeleton words this alike (rapidfuzz ratio) are one word spelt two ways (:func:`_spells_the_town`).
_SAME_WORD_RATIO = 80
#: A subdistrict whose centre lies this close to its seat town is merged into it.
SEAT_DISTANCE_M = 15_000
#: The flag of a curated name row that takes a name away from a place: a source gives it the name
#: of another place ("Abu Hardub", a village of al-Mayadin, among GeoNames' names of Hajin). The
#: name goes, in every spelling of its variant key, and the row itself adds none.
WRONG_NAME_FLAG = "wrong"
#: A region label is wrong when its point lies this much deeper in another governorate.
GOVERNORATE_TOLERANCE_M = 15_000
#: An SA "nahiyah/mantiqah" row farther than this from its same-named town is misplaced.
UNIT_ROW_TOWN_M = 10_000
#: An SA populated row farther than this from the town (or city) of its name in its governorate is
#: that town with a wrong point (``../shared/DATA_AUDIT.md`` §8: Afrin 52 km, Nubl 21 km...).
MISPLACED_POPULATED_M = 10_000
_TOWN_KINDS = frozenset({"city", "town"})
#: SA-only villages this close to a city of 200,000 people or more are its neighbourhoods (half as far
#: for a smaller city).
NEIGHBOURHOOD_OF_CITY_M = 4_000
BIG_CITY_POPULATION = 200_000
CITY_POPULATION = 50_000
#: A district seat whose central subdistrict has this many people is a city (Qamishli, Manbij).
MARKAZ_CITY_POPULATION = 150_000
#: A subdistrict this dense is urban: its population is its seat's (Jaramana, Babella).
URBAN_DENSITY_PER_KM2 = 2_000

#: A row this close to a place spelled alike (same skeleton, near-equal key) is that place.
SPELLED_ALIKE_M = 1_000
#: The gazetteer sources: their rows anchor places; only they define admin units.
_AUTHORITATIVE = frozenset({"opensyria", "ocha", "geonames", "curated"})
_ADMIN_SOURCES = frozenset({"opensyria", "geonames", "ocha", "curated"})
#: Which row gives a place its point (first wins).
_POINT_ORDER = ("ocha", "geonames", "curated", "syrianarchive", "opensyria")
#: Deterministic record order, and ties between sources (first wins).
_PRIORITY = ("opensyria", "ocha", "geonames", "curated", "syrianarchive")
_KIND_RANK = {k: i for i, k in enumerate(KINDS)}
_SA_KIND_ORDER = ("prison", "airbase", "airport", "crossing", "landmark", "camp", "neighbourhood", "town", "village")
_ANCHOR_FAMILY = frozenset({"town", "city", "village", "neighbourhood", "camp"})


@dataclass(frozen=True, slots=True)
class Decision:
    """One decision of the merge about one source row, for the build report."""

    rule: str  #: e.g. ``"governorate"``, ``"misplaced unit row"``, ``"copied point"``, ``"curated"``
    row: str  #: ``source:id`` of the row
    action: str  #: what was done, e.g. ``"joined gn:8308210"`` or ``"dropped"``
    detail: str = ""

    def to_dict(self) -> dict[str, str]:
        """A JSON-ready dict."""
        return {"rule": self.rule, "row": self.row, "action": self.action, "detail": self.detail}


@dataclass
class MergeReport:
    """What the merge did, for the build report."""

    records: Counter[str] = field(default_factory=Counter)  #: records read, per source
    skipped: Counter[tuple[str, str]] = field(default_factory=Counter)  #: (source, reason) -> rows
    skip_examples: dict[tuple[str, str], str] = field(default_factory=dict)
    merged_places: int = 0  #: places made of two or more source rows
    merge_examples: list[str] = field(default_factory=list)
    seat_links: int = 0
    seats_merged: int = 0  #: subdistricts merged into their centre town
    admin_inferred: int = 0
    places_per_source: Counter[str] = field(default_factory=Counter)
    decisions: list[Decision] = field(default_factory=list)  #: every row-level decision, in order
    #: (governorate P-code, lat, lon) of the subdistrict centres the governorate checks used
    centres: list[tuple[str, float, float]] = field(default_factory=list)

    def skip(self, s: Skip) -> None:
        """Count one skipped row."""
        key = (s.source, s.reason)
        self.skipped[key] += s.count
        self.skip_examples.setdefault(key, f"{s.row}: {s.detail}" if s.detail else s.row)

    def decide(self, rule: str, rec: SourceRecord | str, action: str, detail: str = "") -> None:
        """Record one decision about one row."""
        row = rec if isinstance(rec, str) else f"{rec.source}:{rec.source_id}"
        self.decisions.append(Decision(rule, row, action, detail))

    def to_dict(self) -> dict[str, object]:
        """A JSON-ready summary."""
        return {
            "records": dict(self.records),
            "skipped": [
                {"source": src, "reason": reason, "rows": n, "example": self.skip_examples.get((src, reason), "")}
                for (src, reason), n in sorted(self.skipped.items())
            ],
            "merged_places": self.merged_places,
            "merge_examples": self.merge_examples,
            "seat_links": self.seat_links,
            "seats_merged": self.seats_merged,
            "admin_inferred": self.admin_inferred,
            "places_per_source": dict(self.places_per_source),
            "decisions": [d.to_dict() for d in self.decisions],
        }


_Drop = Callable[[SourceRecord, str, str], None]


class GovernorateLocator:
    """Which governorate a point lies in, without polygons: that of the nearest subdistrict centre.

    Calibrated on the shipped sources (``docs/merging.md``): it agrees with GeoNames' admin1
    code for 288 of 290 populated rows, the two misses within 2 km of the tie; so a point
    more than :data:`GOVERNORATE_TOLERANCE_M` closer to another governorate's centres than
    to any centre of its own is an error, not a border effect.

    >>> loc = GovernorateLocator([("SY04", 34.73, 36.71), ("SY05", 35.13, 36.75)])
    >>> loc.nearest(34.80, 36.70), round(loc.depth_m(34.80, 36.70, {"SY05"}) / 1000, 1)
    ('SY04', 29.1)
    """

    def __init__(self, centres: Iterable[tuple[str, float, float]]) -> None:
        self.centres = sorted(centres)
        if not self.centres:
            self.centres = [(g.pcode, g.lat, g.lon) for g in govs.all_governorates()]
        self._radians = [(p, math.radians(a), math.radians(b), math.cos(math.radians(a))) for p, a, b in self.centres]
        self._cache: dict[tuple[float, float], dict[str, float]] = {}

    def distances(self, lat: float, lon: float) -> dict[str, float]:
        """Governorate P-code -> distance in metres to its nearest centre (great circle: within 0.5 %)."""
        key = (lat, lon)
        found = self._cache.get(key)
        if found is None:
            p1, l1 = math.radians(lat), math.radians(lon)
            c1 = math.cos(p1)
            found = {}
            for pcode, p2, l2, c2 in self._radians:
                h = math.sin((p2 - p1) / 2) ** 2 + c1 * c2 * math.sin((l2 - l1) / 2) ** 2
                d = 2 * EARTH_RADIUS_M * math.asin(min(1.0, math.sqrt(h)))
                if d < found.get(pcode, math.inf):
                    found[pcode] = d
            self._cache[key] = found
        return found

    def nearest(self, lat: float, lon: float) -> str:
        """The P-code of the governorate the point lies in."""
        d = self.distances(lat, lon)
        return min(d, key=lambda p: (d[p], p))

    def depth_m(self, lat: float, lon: float, pcodes: Iterable[str]) -> float:
        """How much closer the point lies to another governorate's centres than to any of ``pcodes``' (0 inside)."""
        d = self.distances(lat, lon)
        own = min((d[p] for p in pcodes if p in d), default=float("inf"))
        return max(0.0, own - min(d.values()))

    def within(self, lat: float, lon: float, tolerance_m: float = GOVERNORATE_TOLERANCE_M) -> set[str]:
        """The governorates the point may lie in: within ``tolerance_m`` of depth."""
        d = self.distances(lat, lon)
        best = min(d.values())
        return {p for p, v in d.items() if v - best <= tolerance_m}


class _UnionFind:
    def __init__(self, n: int) -> None:
        self.parent = list(range(n))

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def _text_keys(text: str, kind: str) -> set[str]:
    """The variant key of a name, and of its core when a descriptor fits ``kind`` (a unit word fits any)."""
    return set(_cached_text_keys(text, kind))


@lru_cache(maxsize=65536)
def _cached_text_keys(text: str, kind: str) -> frozenset[str]:
    keys = {variant_key(text)}
    core = core_name(text, kind)
    if core:
        keys.add(variant_key(core))
    return frozenset(k for k in keys if len(k) >= 2)


def _name_texts(rec: SourceRecord) -> list[str]:
    texts = [rec.name, *(n.text for n in rec.names)]
    if rec.name_ar:
        texts.append(rec.name_ar)
    return [t for t in dict.fromkeys(texts) if t]


def _name_keys(rec: SourceRecord) -> set[str]:
    return set().union(*(_text_keys(t, rec.kind) for t in _name_texts(rec))) if _name_texts(rec) else set()


def _priority(rec: SourceRecord) -> int:
    return _PRIORITY.index(rec.source) if rec.source in _PRIORITY else len(_PRIORITY)


def _geonames_id(rec: SourceRecord) -> int | None:
    gid = rec.external_ids.get("geonames")
    return int(gid) if gid and gid.isdecimal() else None


@dataclass(eq=False)
class _Node:
    """A place under construction: its source rows and what is known of it."""

    records: list[SourceRecord]
    kind: str
    lat: float
    lon: float
    governorate: govs.Governorate
    district: AdminRef | None = None
    subdistrict: AdminRef | None = None
    pcode: str | None = None
    admin_inferred: bool = False
    seat_of: list[_Node] = field(default_factory=list)
    seat: _Node | None = None
    id: str = ""
    passive: set[int] = field(default_factory=set)  #: id() of rows that give names and ids only
    extra_names: list[Name] = field(default_factory=list)  #: names given by other sources' facts
    parent: _Node | None = None
    parent_gn: int | None = None  #: a curated row's parent (GeoNames id), resolved after clustering
    seated_units: list[_Node] = field(default_factory=list)  #: units merged or linked to this seat
    unit_population: int | None = None  #: population of a subdistrict, as evidence for its seat's kind

    def own_keys(self) -> set[str]:
        """Name keys of the rows of the gazetteer sources (never the keys other rows brought)."""
        out: set[str] = set()
        for rec in self.records:
            if rec.source in _AUTHORITATIVE:
                out |= _name_keys(rec)
        return out

    def authoritative(self) -> bool:
        return any(r.source in _AUTHORITATIVE for r in self.records if id(r) not in self.passive)

    def active(self) -> list[SourceRecord]:
        return [r for r in self.records if id(r) not in self.passive]


def _record_governorate(rec: SourceRecord) -> govs.Governorate | None:
    return govs.lookup(rec.governorate) if rec.governorate else None


def merge(results: Iterable[ReadResult]) -> tuple[list[Place], MergeReport]:
    """Merge what the adapters read into places; returns them and a report."""
    report = MergeReport()
    records: list[SourceRecord] = []
    name_facts: list[NameFact] = []
    seat_facts: list[SeatFact] = []
    for result in results:
        for s in result.skipped:
            report.skip(s)
        for rec in result.records:
            report.records[rec.source] += 1
            records.append(rec)
        name_facts.extend(result.names)
        seat_facts.extend(result.seats)
    records.sort(key=lambda r: (_priority(r), r.source, _sort_id(r.source_id)))

    def drop(rec: SourceRecord, reason: str, detail: str = "") -> None:
        report.skip(Skip(rec.source, rec.source_id, reason, detail or rec.name))

    usable: list[SourceRecord] = []
    for rec in records:
        if rec.lat is not None and rec.lon is not None and not in_syria(rec.lat, rec.lon):
            drop(rec, "coordinates outside Syria", f"{rec.name} ({rec.lat}, {rec.lon})")
            continue
        usable.append(rec)

    centres = [
        (r.external_ids["pcode"][:4], r.lat, r.lon)
        for r in usable
        if r.source == "opensyria" and r.kind == "subdistrict" and r.lat is not None and r.lon is not None
        and r.external_ids.get("pcode", "").startswith("SY")
    ]  # fmt: skip
    locator = GovernorateLocator(centres)
    report.centres = locator.centres

    admin_recs = [r for r in usable if r.kind in ADMIN_KINDS and r.source in _ADMIN_SOURCES]
    admin_nodes = _admin_nodes(admin_recs, drop)
    subdistricts = [n for n in admin_nodes if n.kind == "subdistrict"]
    districts_by_gn: dict[str, _Node] = {}
    for n in admin_nodes:
        if n.kind == "district":
            for r in n.records:
                gid = r.external_ids.get("geonames")
                if gid:
                    districts_by_gn[gid] = n
    admin_ids = {id(r) for r in admin_recs}
    others = [r for r in usable if id(r) not in admin_ids]
    placed = []
    for rec in others:
        if rec.lat is None or rec.lon is None:
            drop(rec, "no coordinates", rec.name)
        else:
            placed.append(rec)
    anchors = _anchor_nodes([r for r in placed if r.source in _AUTHORITATIVE], drop, report)
    _assign_hierarchy(anchors, subdistricts, districts_by_gn)
    unit_names = _probable_seats(anchors, subdistricts, seat_facts)
    sa_nodes = _place_other_rows([r for r in placed if r.source not in _AUTHORITATIVE], anchors, admin_nodes,
                                 locator, drop, report, unit_names)  # fmt: skip
    for node in anchors:
        for rec in node.records:
            if rec.source != "curated":
                continue
            joined = ", ".join(f"{r.source}:{r.source_id}" for r in node.records if r.source != "curated")
            if joined:
                report.decide("curated", rec, f"joined {joined}", "same place: same name within the kinds' distance")
            else:
                report.decide("curated", rec, "new place", f"{rec.kind} {rec.name}")
    place_nodes = anchors + sa_nodes
    _infer_neighbourhoods(place_nodes, report)
    _assign_hierarchy(place_nodes, subdistricts, districts_by_gn)
    _seats(place_nodes, admin_nodes, seat_facts, report)
    _promote_kinds(place_nodes, report)
    nodes = [n for n in admin_nodes + place_nodes if n.records]
    _assign_ids(nodes)
    _attach_name_facts(nodes, name_facts, report)
    places = [_to_place(n) for n in nodes]
    places.sort(key=lambda p: p.id)
    for p in places:
        if len(p.sources) > 1:
            report.merged_places += 1
            if len(report.merge_examples) < 30 and len({s.source for s in p.sources}) > 1:
                refs = " + ".join(f"{s.source}:{s.id}" for s in p.sources)
                report.merge_examples.append(f"{p.name} ({p.kind}, {p.governorate.name}) <- {refs}")
        for src in {s.source for s in p.sources}:
            report.places_per_source[src] += 1
    report.admin_inferred = sum(p.admin_inferred for p in places)
    report.seat_links = sum(1 for p in places if p.seat)
    return places, report


def _sort_id(source_id: str) -> tuple[int, str]:
    return (int(source_id), "") if source_id.isdecimal() else (1 << 62, source_id)


# --------------------------------------------------------------------------- admin units


def _spelling_flags(g: govs.Governorate, spelling: str) -> tuple[str, ...]:
    """The flags of a governorate's spelling: a region's name or a nickname said of more than the
    governorate ("Jazira", "الشام") is colloquial, which running text reads as no mention of it alone."""
    return ("alias", "colloquial") if spelling in g.colloquial else ("alias",)


def _admin_nodes(records: list[SourceRecord], drop: _Drop) -> list[_Node]:
    """Governorates from the project's table; districts and subdistricts by P-code."""
    nodes: list[_Node] = []
    gov_nodes: dict[str, _Node] = {}
    for g in govs.all_governorates():
        curated = SourceRecord(
            source="curated",
            source_id=g.pcode,
            name=g.name,
            kind="governorate",
            lat=g.lat,
            lon=g.lon,
            name_ar=g.name_ar,
            names=[Name(s, "en", "curated", _spelling_flags(g, s)) for s in g.spellings]
            + [Name(s, "ar", "curated", _spelling_flags(g, s)) for s in g.spellings_ar],
            governorate=g.pcode,
            external_ids={"pcode": g.pcode, "iso3166_2": g.iso, "geonames": str(g.geonames_id)},
        )
        node = _Node([curated], "governorate", g.lat, g.lon, g, pcode=g.pcode)
        gov_nodes[g.pcode] = node
        nodes.append(node)
    by_pcode: dict[str, _Node] = {}
    by_gn: dict[str, _Node] = {}
    for g in govs.all_governorates():
        by_gn[str(g.geonames_id)] = gov_nodes[g.pcode]
    pending: list[SourceRecord] = []
    for rec in sorted(records, key=lambda r: (("governorate", "district", "subdistrict").index(r.kind), _priority(r))):
        pcode = rec.external_ids.get("pcode")
        gid = rec.external_ids.get("geonames")
        if rec.kind == "governorate":
            gov = govs.lookup(pcode or "") or govs.lookup(rec.governorate or "")
            if gov is None and gid and gid in by_gn:
                gov = by_gn[gid].governorate
            if gov is None:
                drop(rec, "unknown governorate", f"{rec.name} ({rec.governorate})")
                continue
            gov_node = gov_nodes[gov.pcode]
            gov_node.records.append(rec)
            if rec.source == "opensyria" and rec.lat is not None and rec.lon is not None:
                gov_node.lat, gov_node.lon = rec.lat, rec.lon
            continue
        known = (by_pcode.get(pcode) if pcode else None) or (by_gn.get(gid) if gid else None)
        if known is not None:
            known.records.append(rec)
            if gid:
                by_gn.setdefault(gid, known)
            continue
        if rec.lat is None or rec.lon is None:
            pending.append(rec)  # an admin code without a feature: attach by id only
            continue
        gov = govs.lookup(pcode or "") or govs.lookup(rec.governorate or "")
        if gov is None:
            drop(rec, "unknown governorate", f"{rec.name} ({rec.governorate})")
            continue
        unit = _Node([rec], rec.kind, rec.lat, rec.lon, gov, pcode=pcode, unit_population=rec.population)
        nodes.append(unit)
        if pcode:
            by_pcode[pcode] = unit
        if gid:
            by_gn[gid] = unit
    for rec in pending:
        gid = rec.external_ids.get("geonames")
        target = by_gn.get(gid) if gid else None
        if target is None:
            drop(rec, "no coordinates", f"{rec.kind} {rec.name}: no feature with coordinates to attach to")
        else:
            target.records.append(rec)
    for node in nodes:
        if node.kind == "subdistrict" and node.pcode:
            parent = by_pcode.get(node.pcode[:6])
            if parent is not None:
                node.district = _admin_ref(parent)
            node.subdistrict = _admin_ref(node)
        elif node.kind == "district":
            node.district = _admin_ref(node)
    return nodes


def _admin_ref(node: _Node) -> AdminRef:
    return AdminRef(_unit_name(node.records), _unit_arabic(node.records), node.pcode)


def _unit_name(records: list[SourceRecord]) -> str:
    for rec in sorted(records, key=_priority):
        if rec.source == "geonames":
            preferred = [n.text for n in rec.names if n.lang == "en" and "preferred" in n.flags]
            if preferred:
                return preferred[0]
        if rec.name.strip():
            return tidy_latin(rec.name) if rec.name.isupper() else rec.name.strip()
    return records[0].source_id


def _unit_arabic(records: list[SourceRecord]) -> str | None:
    for rec in sorted(records, key=_priority):
        if rec.name_ar:
            return rec.name_ar
    return None


# --------------------------------------------------------------------------- anchors


def _anchor_nodes(records: list[SourceRecord], drop: _Drop, report: MergeReport) -> list[_Node]:
    """Places of the gazetteer sources: each GeoNames row, joined by the OCHA and curated rows of the same place."""
    nodes: list[_Node] = []
    by_gn: dict[int, _Node] = {}
    by_pcode: dict[str, _Node] = {}
    buckets: dict[str, list[_Node]] = defaultdict(list)

    def new_node(rec: SourceRecord) -> _Node:
        assert rec.lat is not None and rec.lon is not None
        gov = _record_governorate(rec) or govs.by_pcode("SY01")
        node = _Node([rec], rec.kind, rec.lat, rec.lon, gov)
        if rec.source == "ocha":
            node.pcode = rec.external_ids.get("pcode")
        if rec.source == "curated" and rec.parent_id:
            node.parent_gn = int(rec.parent_id.split(":")[1])
        nodes.append(node)
        return node

    def index(node: _Node, rec: SourceRecord) -> None:
        for key in _name_keys(rec):
            buckets[key].append(node)

    for source in ("geonames", "ocha", "curated"):
        for rec in (r for r in records if r.source == source):
            gid = _geonames_id(rec)
            pcode = rec.external_ids.get("pcode") if source == "ocha" else None
            node: _Node | None
            if source == "geonames":
                if gid in by_gn:
                    drop(rec, "duplicate id", f"geonames {gid}")
                    continue
                node = new_node(rec)
            elif source == "ocha" and pcode in by_pcode:
                drop(rec, "duplicate id", f"pcode {pcode}")
                continue
            else:
                node = by_gn.get(gid) if gid is not None else None
                if node is not None and any(r.source == source for r in node.records):
                    node = None
                if node is None:
                    node = _nearest_same_place(rec, buckets)
                if node is None:
                    node = new_node(rec)
                else:
                    node.records.append(rec)
                    if source == "curated" and rec.parent_id and node.parent_gn is None:
                        node.parent_gn = int(rec.parent_id.split(":")[1])
                    if source == "ocha":
                        node.pcode = pcode
            if gid is not None:
                by_gn.setdefault(gid, node)
            if pcode:
                by_pcode[pcode] = node
            index(node, rec)
    for node in nodes:
        _settle_anchor(node)
    return nodes


def _nearest_same_place(rec: SourceRecord, buckets: dict[str, list[_Node]]) -> _Node | None:
    """The anchor of another source that ``rec`` names, of a compatible kind, same governorate, near enough."""
    assert rec.lat is not None and rec.lon is not None
    gov = _record_governorate(rec)
    best: tuple[float, int, _Node] | None = None
    seen: set[int] = set()
    for key in sorted(_name_keys(rec)):
        for node in buckets.get(key, []):
            if id(node) in seen or any(r.source == rec.source for r in node.records):
                continue
            seen.add(id(node))
            if not may_merge(rec.kind, node.kind) or (gov is not None and node.governorate.pcode != gov.pcode):
                continue
            if rec.parent_id and any(f"gn:{_geonames_id(r)}" == rec.parent_id for r in node.records):
                continue  # a place is not the place it belongs to (Al-Hawl camp is not Al-Hawl town)
            d = distance_m(rec.lat, rec.lon, node.lat, node.lon)
            if d <= merge_distance_m(rec.kind, node.kind) and (best is None or (d, len(seen)) < best[:2]):
                best = (d, len(seen), node)
    return best[2] if best else None


def _settle_anchor(node: _Node) -> None:
    """Point, governorate and kind of an anchor from its rows."""
    recs = sorted(node.records, key=lambda r: _POINT_ORDER.index(r.source))
    lead = recs[0]
    assert lead.lat is not None and lead.lon is not None
    node.lat, node.lon = lead.lat, lead.lon
    for rec in recs:
        gov = _record_governorate(rec)
        if gov is not None:
            node.governorate = gov
            break
    node.kind = _anchor_kind(node.records)


def _anchor_kind(records: list[SourceRecord]) -> str:
    """A camp is a camp; a curated neighbourhood or facility keeps its kind; else the gazetteer source's kind."""
    kinds = [r.kind for r in records if r.source in _AUTHORITATIVE]
    if "camp" in kinds:
        return "camp"
    curated = [r.kind for r in records if r.source == "curated"]
    if curated and curated[0] not in POPULATED_KINDS:
        return curated[0]
    gazetteer = [r for r in records if r.source in ("geonames", "ocha")]
    if gazetteer:
        return min((r.kind for r in gazetteer), key=lambda k: _KIND_RANK.get(k, 99))
    return curated[0] if curated else kinds[0]


# --------------------------------------------------------------------------- rows of other sources


def _label_governorates(rec: SourceRecord) -> set[str]:
    """The governorates a row's region label allows.

    The Syrian Archive labels its Raqqa rows ``QUINETRA`` (it has no Raqqa region):
    a ``QUINETRA`` row north of 34.5°N is read as Raqqa; ``DAMASCUS`` covers
    Damascus and Rif Dimashq.
    """
    g = _record_governorate(rec)
    if g is None:
        return set()
    if rec.source == "syrianarchive":
        if g.pcode == "SY14" and rec.lat is not None and rec.lat > 34.5:
            return {"SY11"}
        if g.pcode in ("SY01", "SY03"):
            return {"SY01", "SY03"}
    return {g.pcode}


@dataclass(eq=False)
class _Row:
    """An SA row being placed."""

    rec: SourceRecord
    home: set[str]  #: governorates it lies in (label, or the point when the label is wrong)
    allowed: set[str]  #: governorates a same-named place may lie in (home and those within tolerance)
    target: _Node | None = None
    passive: bool = False
    dropped: bool = False


def _place_other_rows(
    records: list[SourceRecord],
    anchors: list[_Node],
    units: list[_Node],
    locator: GovernorateLocator,
    drop: _Drop,
    report: MergeReport,
    unit_names: dict[int, set[str]],
) -> list[_Node]:
    """Attach the rows of non-gazetteer sources (the Syrian Archive) to anchors or units, or make places of them.

    ``unit_names`` gives the anchors that will seat a subdistrict the keys of its names ("Qabu"
    is the OCHA name of the town GeoNames calls Al Qabw).
    """
    targets = [*anchors, *(u for u in units if u.kind in ("district", "subdistrict"))]
    index: dict[str, list[_Node]] = defaultdict(list)
    for node in targets:
        for key in node.own_keys() | unit_names.get(id(node), set()):
            index[key].append(node)

    def namesakes(texts: Iterable[str], kind: str, allowed: set[str], core: bool = True) -> list[_Node]:
        found: dict[int, _Node] = {}
        for text in texts:
            for key in _text_keys(text, kind if core else "subdistrict"):
                for node in index.get(key, []):
                    if node.governorate.pcode in allowed:
                        found[id(node)] = node
        return list(found.values())

    grid = _Grid([n for n in anchors if n.kind not in ADMIN_KINDS], SPELLED_ALIKE_M)
    rows: list[_Row] = []
    for rec in records:
        assert rec.lat is not None and rec.lon is not None
        label = _label_governorates(rec)
        near = locator.within(rec.lat, rec.lon)
        if label and locator.depth_m(rec.lat, rec.lon, label) > GOVERNORATE_TOLERANCE_M:
            depth = locator.depth_m(rec.lat, rec.lon, label) / 1000
            in_label = [n for n in namesakes(_name_texts(rec), "town", label) if _is_place_target(n)]
            if in_label:
                units = _units_first(rec, in_label) if rec.kind in ("district", "subdistrict") else []
                target = _nearest(rec, units or in_label)
                rows.append(_Row(rec, label, label, target, passive=True))
                report.decide("governorate", rec, f"names and id given to {_describe(target)}",
                              f"region says {_gov_names(label)}, point lies {depth:.0f} km inside "
                              f"{govs.by_pcode(locator.nearest(rec.lat, rec.lon)).name}; the labelled "
                              "governorate has a place of this name: the point is wrong")  # fmt: skip
                continue
            home = {locator.nearest(rec.lat, rec.lon)}
            detail = f"region says {_gov_names(label)}, point lies {depth:.0f} km inside another governorate"
            report.decide("governorate", rec, f"governorate from the point: {_gov_names(home)}", detail)
        else:
            home = label or {locator.nearest(rec.lat, rec.lon)}
        rows.append(_Row(rec, home, home | near))

    for row in rows:
        if row.target is not None:
            continue
        rec = row.rec
        texts = _name_texts(rec)
        if rec.kind in ("district", "subdistrict"):
            # A unit row gives its names and id to the unit of its name (else to its town) and never its
            # point: the unit has its centre, the town its own point.
            named = namesakes(texts, "town", row.allowed)
            towns = [n for n in named if n.kind in POPULATED_KINDS] or [n for n in named if n.kind in _ANCHOR_FAMILY]
            units = _units_first(rec, named)
            if towns or units:
                town = _nearest(rec, towns) if towns else None
                unit_or_town = _nearest(rec, units) if units else town
                assert unit_or_town is not None
                row.target, row.passive = unit_or_town, True
                d = _distance(rec, town) if town is not None else 0.0
                if town is not None and d > UNIT_ROW_TOWN_M:
                    report.decide("misplaced unit row", rec, f"names and id given to {_describe(unit_or_town)}",
                                  f"{rec.name}: {d / 1000:.0f} km from its town {_describe(town)}; "
                                  "its point is not used")  # fmt: skip
                continue
            rec.kind = "town"
        found = [
            n for n in namesakes(texts, rec.kind, row.allowed)
            if n.kind not in ADMIN_KINDS and may_merge(rec.kind, n.kind)
            and _distance(rec, n) <= merge_distance_m(rec.kind, n.kind)
        ]  # fmt: skip
        if not found:
            found = [n for n in grid.around(rec) if _spelled_alike(rec, n)]
            if found:
                report.decide("names", rec, f"joined {_describe(found[0])}",
                              "spelled alike within 1 km (same consonant skeleton)")  # fmt: skip
        if not found and rec.kind in POPULATED_KINDS:
            # An SA village named like a town of its governorate, far from it, is that town with a wrong
            # point (Afrin 52 km east of Afrin, Nubl on Mar'e's point): its names and id go to the town.
            # Named alike in both scripts, and no word that sets it apart ("Dana village", قرية الدانا, is
            # a village of its own; Mar Shamarin, معرشمارين, is not Ma'arrat Misrin).
            latin = [t for t in texts if not is_arabic(t)]
            towns = [n for n in namesakes(latin, rec.kind, row.allowed) if n.kind in _TOWN_KINDS]
            if rec.name_ar:
                by_arabic = {id(n) for n in namesakes([rec.name_ar], rec.kind, row.allowed)}
                towns = [n for n in towns if id(n) in by_arabic]
            far = [n for n in towns if _distance(rec, n) > MISPLACED_POPULATED_M]
            if far and len(far) == len(towns) and parse_mention(rec.name).kind_hint is None:
                town = _nearest(rec, far)
                row.target, row.passive = town, True
                report.decide("misplaced populated row", rec, f"names and id given to {_describe(town)}",
                              f"{rec.name}: {_distance(rec, town) / 1000:.0f} km from the town of its name in "
                              "its governorate; its point is not used")  # fmt: skip
                continue
        if found:
            row.target = _nearest(rec, found)

    _follow_same_point(rows, report)
    for row in rows:
        if row.dropped:
            continue
        _filter_names(row, namesakes, drop, report)
    _copied_points(rows, namesakes, drop, report)

    for row in rows:
        if row.target is None or row.dropped:
            continue
        node = row.target
        node.records.append(row.rec)
        if row.passive or node.authoritative() or node.kind in ADMIN_KINDS:
            node.passive.add(id(row.rec))
    return _own_places([r for r in rows if r.target is None and not r.dropped], locator)


class _Grid:
    """Nodes bucketed by a grid of about ``radius_m``, to find the ones near a row."""

    def __init__(self, nodes: list[_Node], radius_m: float) -> None:
        self.radius_m = radius_m
        self.step = radius_m / 111_000 * 2
        self.cells: dict[tuple[int, int], list[_Node]] = defaultdict(list)
        for n in nodes:
            self.cells[(int(n.lat // self.step), int(n.lon // self.step))].append(n)

    def around(self, rec: SourceRecord) -> list[_Node]:
        assert rec.lat is not None and rec.lon is not None
        cy, cx = int(rec.lat // self.step), int(rec.lon // self.step)
        found = [n for dy in (-1, 0, 1) for dx in (-1, 0, 1) for n in self.cells.get((cy + dy, cx + dx), [])]
        return sorted((n for n in found if _distance(rec, n) <= self.radius_m), key=lambda n: _distance(rec, n))


def _spelled_alike(rec: SourceRecord, node: _Node) -> bool:
    """A row and a nearby place are one when spelled alike: the same consonant skeleton, and for two
    Latin names variant keys 85 % alike ("Aqayribat" / "Uqayribat", 0.4 km), for a Latin and an
    Arabic name a skeleton of four letters or more ("ابو الضهور" / "Abu al-Duhur", 0.2 km)."""
    from rapidfuzz.fuzz import ratio

    if not may_merge(rec.kind, node.kind) or rec.governorate is None:
        return False
    theirs = [t for r in node.records if r.source in _AUTHORITATIVE for t in _name_texts(r)]
    for a in _name_texts(rec):
        sa = skeleton_key(a)
        if len(sa) < 3:
            continue
        for b in theirs:
            if skeleton_key(b) != sa or (is_arabic(a) and is_arabic(b)):
                continue
            if not is_arabic(a) and not is_arabic(b):
                if ratio(variant_key(a), variant_key(b)) >= 85:
                    return True
            elif len(sa) >= 4:
                return True
    return False


def _units_first(rec: SourceRecord, named: Sequence[_Node]) -> list[_Node]:
    """The admin units among ``named``, those of the row's own level first."""
    return [n for n in named if n.kind == rec.kind] or [n for n in named if n.kind in ADMIN_KINDS]


def _is_place_target(node: _Node) -> bool:
    return node.kind in _ANCHOR_FAMILY or node.kind in ADMIN_KINDS


def _distance(rec: SourceRecord, node: _Node) -> float:
    assert rec.lat is not None and rec.lon is not None
    return distance_m(rec.lat, rec.lon, node.lat, node.lon)


def _nearest(rec: SourceRecord, nodes: Sequence[_Node]) -> _Node:
    """The nearest node; populated places before admin units at equal standing."""
    return min(nodes, key=lambda n: (n.kind in ADMIN_KINDS, _distance(rec, n), _first_id(n)))


def _first_id(node: _Node) -> str:
    return min(f"{r.source}:{r.source_id}" for r in node.records)


def _describe(node: _Node) -> str:
    gid = next((g for g in (_geonames_id(r) for r in node.records if r.kind not in ADMIN_KINDS) if g), None)
    if gid:
        return f"gn:{gid}"
    if node.pcode:
        return f"pcode:{node.pcode}"
    return _first_id(node)


def _gov_names(pcodes: Iterable[str]) -> str:
    return "/".join(govs.by_pcode(p).name for p in sorted(pcodes))


def _same_name(a: SourceRecord, b: SourceRecord) -> bool:
    """Two rows carry the same name: a shared variant key or an equal consonant skeleton."""
    if _name_keys(a) & _name_keys(b):
        return True
    sa = {skeleton_key(t) for t in _name_texts(a)}
    return bool(sa & {skeleton_key(t) for t in _name_texts(b)} - {""})


def _follow_same_point(rows: list[_Row], report: MergeReport) -> None:
    """A row at exactly the point of a same-named row that was placed goes where that row went."""
    by_point: dict[tuple[float, float], list[_Row]] = defaultdict(list)
    for row in rows:
        assert row.rec.lat is not None and row.rec.lon is not None
        by_point[(round(row.rec.lat, 6), round(row.rec.lon, 6))].append(row)
    for group in by_point.values():
        for row in group:
            if row.target is not None:
                continue
            leader = next((o for o in group if o.target is not None and o.passive and _same_name(o.rec, row.rec)), None)
            if leader is not None and leader.target is not None:
                row.target, row.passive = leader.target, True
                report.decide("misplaced unit row", row.rec, f"names and id given to {_describe(leader.target)}",
                              f"same name and point as {leader.rec.source}:{leader.rec.source_id}")  # fmt: skip


def _filter_names(
    row: _Row, namesakes: Callable[[Iterable[str], str, set[str], bool], list[_Node]], drop: _Drop, report: MergeReport
) -> None:
    """Keep only the names of a row that are not another known place's.

    A row that joins a place gives it no name that names another place and not this one (no
    chaining: "Qudsaya / عين الفيجة" gives Ein Elfijeh its Arabic name only). A row that joins
    nothing and whose English and Arabic names disagree keeps neither name of a known place
    elsewhere ("Amarnah / جرابلس" keeps Amarnah); when both scripts name known places, it is dropped.
    """
    rec = row.rec
    kept: list[Name] = []
    removed: list[str] = []
    texts = [Name(rec.name, "ar" if is_arabic(rec.name) else "en", rec.source)] if rec.name else []
    texts += [n for n in rec.names if n.text != rec.name]
    if rec.name_ar and not any(n.text == rec.name_ar for n in texts):
        texts.append(Name(rec.name_ar, "ar", rec.source))
    target_is_unit = row.target is not None and row.target.kind in ADMIN_KINDS
    matches = {
        n.text: [
            o for o in namesakes([n.text], rec.kind, row.allowed, False)
            if (o.kind not in ADMIN_KINDS or target_is_unit) and (may_merge(_kind_of(rec), o.kind) or o is row.target)
        ]
        for n in texts
    }  # fmt: skip
    if row.target is not None:
        for n in texts:
            others = matches[n.text]
            if others and all(o is not row.target for o in others):
                removed.append(n.text)
            else:
                kept.append(n)
    else:
        latin = [n for n in texts if not is_arabic(n.text)]
        arabic = [n for n in texts if is_arabic(n.text)]
        lm = {id(o): o for n in latin for o in matches[n.text]}
        am = {id(o): o for n in arabic for o in matches[n.text]}
        disagree = latin and arabic and skeleton_key(latin[0].text) != skeleton_key(rec.name_ar or arabic[0].text)
        if disagree and (lm or am) and not set(lm) & set(am):
            if lm and am:
                row.dropped = True
                drop(rec, "names designate two other places", f"{rec.name} / {rec.name_ar}")
                report.decide("names", rec, "dropped",
                              f"{rec.name} / {rec.name_ar}: the English and the Arabic name are two other known "
                              "places, neither at this point")  # fmt: skip
                return
            bad = latin if lm else arabic
            removed = [n.text for n in bad]
            kept = [n for n in texts if n not in bad]
        else:
            kept = texts
    if not removed:
        return
    report.decide("names", rec, f"names not kept: {', '.join(removed)}", "they are the names of another known place")
    latin_kept = [n.text for n in kept if not is_arabic(n.text)]
    arabic_kept = [n.text for n in kept if is_arabic(n.text)]
    row.rec = replace(
        rec,
        name=latin_kept[0] if latin_kept else (arabic_kept[0] if arabic_kept else ""),
        name_ar=arabic_kept[0] if arabic_kept else None,
        names=[n for n in kept if n.text != rec.name or n.text in latin_kept + arabic_kept],
    )


def _kind_of(rec: SourceRecord) -> str:
    return "town" if rec.kind in ADMIN_KINDS else rec.kind


def _copied_points(
    rows: list[_Row],
    namesakes: Callable[[Iterable[str], str, set[str], bool], list[_Node]],
    drop: _Drop,
    report: MergeReport,
) -> None:
    """Rows of different names at exactly one point: the point is the row's a gazetteer place confirms.

    The other rows copied it: each gives its names and id to a place of its name in its
    governorate, or is dropped. When no row is confirmed, a single unplaced name keeps the
    point, and several are all dropped: nothing tells whose point it is.
    """
    by_point: dict[tuple[float, float], list[_Row]] = defaultdict(list)
    for row in rows:
        if not row.dropped:
            assert row.rec.lat is not None and row.rec.lon is not None
            by_point[(round(row.rec.lat, 6), round(row.rec.lon, 6))].append(row)
    for group in by_point.values():
        if len(group) < 2 or all(r.target is not None for r in group):
            continue
        names: list[list[_Row]] = []
        for row in group:
            for bucket in names:
                if _same_name(bucket[0].rec, row.rec):
                    bucket.append(row)
                    break
            else:
                names.append([row])
        if len(names) < 2:
            continue
        owners = [b for b in names if any(r.target is not None and not r.passive for r in b)]
        unplaced = [b for b in names if all(r.target is None for r in b)]
        if not owners and len(unplaced) < 2:
            continue
        others = ", ".join(f"{r.rec.source}:{r.rec.source_id} {r.rec.name}" for r in group)
        owner = f"{owners[0][0].rec.source}:{owners[0][0].rec.source_id}" if owners else ""
        for bucket in unplaced:
            for row in bucket:
                found = [n for n in namesakes(_name_texts(row.rec), "town", row.home, True) if _is_place_target(n)]
                if owner and found:
                    row.target, row.passive = _nearest(row.rec, found), True
                    report.decide("copied point", row.rec, f"names and id given to {_describe(row.target)}",
                                  f"its point is {owner}'s")  # fmt: skip
                    continue
                row.dropped = True
                drop(row.rec, "copied point", others)
                why = f"its point is {owner}'s" if owner else f"one point for {others}; whose it is is not known"
                report.decide("copied point", row.rec, "dropped", why)


def _own_places(rows: list[_Row], locator: GovernorateLocator) -> list[_Node]:
    """Places made of rows that joined no place of the gazetteer sources (union by name, kind and distance)."""
    uf = _UnionFind(len(rows))
    buckets: dict[str, list[int]] = defaultdict(list)
    for i, row in enumerate(rows):
        for key in _name_keys(row.rec):
            buckets[key].append(i)
    by_point: dict[tuple[float, float], list[int]] = defaultdict(list)
    for i, row in enumerate(rows):
        assert row.rec.lat is not None and row.rec.lon is not None
        by_point[(round(row.rec.lat, 6), round(row.rec.lon, 6))].append(i)
    for members in buckets.values():
        if len(members) < 2 or len(members) > 200:
            continue
        for x, i in enumerate(members):
            for j in members[x + 1 :]:
                a, b = rows[i], rows[j]
                if (
                    uf.find(i) != uf.find(j) and may_merge(a.rec.kind, b.rec.kind) and a.allowed & b.allowed
                    and _distance_recs(a.rec, b.rec) <= merge_distance_m(a.rec.kind, b.rec.kind)
                ):  # fmt: skip
                    uf.union(i, j)
    for members in by_point.values():
        for x, i in enumerate(members):
            for j in members[x + 1 :]:
                if may_merge(rows[i].rec.kind, rows[j].rec.kind) and _same_name(rows[i].rec, rows[j].rec):
                    uf.union(i, j)
    clusters: dict[int, list[_Row]] = defaultdict(list)  # by root
    for i, row in enumerate(rows):
        clusters[uf.find(i)].append(row)
    nodes: list[_Node] = []
    for cluster in clusters.values():
        lead = cluster[0].rec
        assert lead.lat is not None and lead.lon is not None
        homes = set.intersection(*(m.home for m in cluster)) or set.union(*(m.home for m in cluster))
        if len(homes) == 1:
            pcode = next(iter(homes))
            inferred = False
        else:
            d = locator.distances(lead.lat, lead.lon)
            pcode = min(homes, key=lambda p: (d.get(p, float("inf")), p))
            inferred = True
        kinds = {m.rec.kind for m in cluster}
        kind = next((k for k in _SA_KIND_ORDER if k in kinds), sorted(kinds)[0])
        node = _Node([m.rec for m in cluster], kind, lead.lat, lead.lon, govs.by_pcode(pcode), admin_inferred=inferred)
        nodes.append(node)
    return nodes


def _distance_recs(a: SourceRecord, b: SourceRecord) -> float:
    assert a.lat is not None and a.lon is not None and b.lat is not None and b.lon is not None
    return distance_m(a.lat, a.lon, b.lat, b.lon)


# --------------------------------------------------------------------------- neighbourhoods and hierarchy


def _city_radius(node: _Node) -> float:
    population = _population(node)
    return NEIGHBOURHOOD_OF_CITY_M if population >= BIG_CITY_POPULATION else NEIGHBOURHOOD_OF_CITY_M / 2


def _infer_neighbourhoods(nodes: list[_Node], report: MergeReport) -> None:
    """An SA-only village inside a city is a neighbourhood of it; neighbourhoods get their city as parent."""
    cities = [n for n in nodes if n.kind == "city" and n.authoritative()]
    if not cities:
        return
    radii = [_city_radius(c) for c in cities]
    for node in nodes:
        if node.authoritative() or node.kind not in ("village", "neighbourhood"):
            continue
        dists = distances_m(node.lat, node.lon, [c.lat for c in cities], [c.lon for c in cities])
        best = min(range(len(cities)), key=lambda i: dists[i] / radii[i])
        if node.kind == "village" and dists[best] <= radii[best]:
            node.kind = "neighbourhood"
        if node.kind == "neighbourhood" and node.parent is None and dists[best] <= 2 * radii[best]:
            node.parent = cities[best]
    by_gn = {g: n for n in nodes for g in (_geonames_id(r) for r in n.records if r.source == "geonames") if g}
    for node in nodes:
        for rec in node.records:
            if rec.source == "curated" and rec.parent_id:
                parent = by_gn.get(int(rec.parent_id.split(":")[1]))
                if parent is not None and parent is not node:
                    node.parent = parent
                elif parent is None:
                    report.decide("curated", rec, "parent not found", rec.parent_id)


def _assign_hierarchy(nodes: list[_Node], subdistricts: list[_Node], districts_by_gn: dict[str, _Node]) -> None:
    """District and subdistrict of each place: stated by a source, else the nearest subdistrict centre."""
    by_gov: dict[str, list[_Node]] = defaultdict(list)
    for s in subdistricts:
        by_gov[s.governorate.pcode].append(s)
    for node in nodes:
        if node.district is None:
            for rec in node.records:
                gn_admin2 = rec.external_ids.get("geonames_admin2")
                district = districts_by_gn.get(gn_admin2) if gn_admin2 else None
                if district is not None and district.governorate.pcode == node.governorate.pcode:
                    node.district = _admin_ref(district)
                    break
        if node.subdistrict is not None:
            continue
        pool = by_gov.get(node.governorate.pcode, [])
        if node.district is not None and node.district.pcode:
            pool = [s for s in pool if s.district and s.district.pcode == node.district.pcode] or pool
        if not pool:
            continue
        dists = distances_m(node.lat, node.lon, [s.lat for s in pool], [s.lon for s in pool])
        nearest = pool[min(range(len(pool)), key=dists.__getitem__)]
        if node.district is None:
            node.district = nearest.district
        node.subdistrict = nearest.subdistrict
        node.admin_inferred = True


# --------------------------------------------------------------------------- seats


def _seat_rank(town: _Node, unit: _Node) -> tuple[bool, bool, bool, int, int, int, float, str]:
    """Gazetteer towns first; then one named by the unit's English name, or "Nahiyat <unit>" in GeoNames;
    then the larger, the higher kind, the better source, the nearer."""
    best_source = min((_priority(r) for r in town.active()), default=len(_PRIORITY))
    own = _name_keys_all(town)
    return (
        not town.authoritative(),
        not own & _latin_unit_keys(unit),
        not any(_is_nahiya_name(n.text, unit) for r in town.active() for n in r.names),
        -_population(town),
        _KIND_RANK.get(town.kind, 99),
        best_source,
        distance_m(unit.lat, unit.lon, town.lat, town.lon),
        _first_id(town),
    )


def _latin_unit_keys(unit: _Node) -> set[str]:
    out: set[str] = set()
    for rec in unit.records:
        if rec.source in _AUTHORITATIVE:
            for text in _name_texts(rec):
                if not is_arabic(text):
                    out |= _text_keys(text, rec.kind)
    return out


def _is_nahiya_name(text: str, unit: _Node) -> bool:
    core = without_admin_prefix(text)
    return (
        core != text
        and text.lower().startswith(("nahiyat", "nāḩiyat", "ناحية"))
        and bool(_text_keys(core, "town") & unit.own_keys())
    )


def _probable_seats(anchors: list[_Node], units: list[_Node], facts: list[SeatFact]) -> dict[int, set[str]]:
    """Anchor -> name keys of the subdistrict it will seat and absorb (same rules as :func:`_seats`)."""
    by_key: dict[str, list[_Node]] = defaultdict(list)
    by_gn: dict[int, _Node] = {}
    for node in anchors:
        if node.kind in POPULATED_KINDS:
            for key in node.own_keys():
                by_key[key].append(node)
            for rec in node.records:
                gid = _geonames_id(rec)
                if gid:
                    by_gn.setdefault(gid, node)
    stated = {f.pcode: int(f.seat.split(":")[1]) for f in facts}
    out: dict[int, set[str]] = defaultdict(set)
    for unit in units:
        town = by_gn.get(stated.get(unit.pcode or "", -1))
        if town is None:
            candidates = _seat_candidates(unit, by_key)
            town = min(candidates, key=lambda t: _seat_rank(t, unit)) if candidates else None
        if town is not None and distance_m(unit.lat, unit.lon, town.lat, town.lon) <= SEAT_DISTANCE_M:
            out[id(town)] |= unit.own_keys()
    return out


def _seats(places: list[_Node], admin: list[_Node], facts: list[SeatFact], report: MergeReport) -> None:
    """Find each unit's seat town; merge a subdistrict into it when near, else link it; give the town the P-code."""
    by_key: dict[str, list[_Node]] = defaultdict(list)
    by_gn: dict[int, _Node] = {}
    for node in places:
        if node.kind in POPULATED_KINDS:
            for key in node.own_keys() | _name_keys_all(node):
                by_key[key].append(node)
            for rec in node.records:
                gid = _geonames_id(rec)
                if gid and rec.source in ("geonames", "curated"):
                    by_gn.setdefault(gid, node)
    stated = {f.pcode: f for f in facts}
    units = sorted((n for n in admin if n.kind == "subdistrict"), key=lambda n: n.pcode or "")
    for unit in units:
        fact = stated.get(unit.pcode or "")
        town: _Node | None = None
        unique = False
        if fact is not None:
            town = by_gn.get(int(fact.seat.split(":")[1]))
            if town is None:
                report.decide("seat", f"curated:{fact.row}", "seat town not in the index", f"{unit.pcode} {fact.seat}")
            unique = town is not None
        if town is None:
            candidates = _seat_candidates(unit, by_key)
            if candidates:
                ranked = sorted(candidates, key=lambda t: _seat_rank(t, unit))
                town = ranked[0]
                rivals = [t for t in ranked[1:] if _seat_rank(t, unit)[:3] == _seat_rank(town, unit)[:3]]
                unique = True
                if rivals:
                    report.decide("seat", f"pcode:{unit.pcode}", f"seat {_describe(town)}",
                                  "also named like the unit: " + ", ".join(_describe(t) for t in rivals)
                                  + "; chosen by population, kind, source, distance")  # fmt: skip
        if town is None:
            continue
        _make_seat(town, unit, unique, report)
    for unit in admin:
        if unit.kind == "subdistrict" or not unit.records:
            continue
        town = None
        if unit.kind == "governorate":
            capital = unit.governorate.capital
            keys = {variant_key(capital)} if capital else set()
            capitals = {
                id(n): n for k in keys for n in by_key.get(k, []) if n.governorate.pcode == unit.governorate.pcode
            }
            if capitals:
                town = sorted(capitals.values(), key=lambda t: _seat_rank(t, unit))[0]
        else:
            candidates = _seat_candidates(unit, by_key)
            if candidates:
                town = sorted(candidates, key=lambda t: _seat_rank(t, unit))[0]
            else:  # a district's seat is its central subdistrict's ("Jebel Saman" is seated at Aleppo)
                central = next((u for u in units if u.pcode == f"{unit.pcode}00"), None)
                town = central.seat if central is not None else None
                if town is None and central is not None and not central.records:
                    town = next((p for p in places if central in p.seated_units), None)
        if town is not None:
            unit.seat = town
            town.seat_of.append(unit)


def _name_keys_all(node: _Node) -> set[str]:
    out: set[str] = set()
    for rec in node.active():
        out |= _name_keys(rec)
    return out


def _seat_candidates(unit: _Node, by_key: dict[str, list[_Node]]) -> list[_Node]:
    keys = unit.own_keys()
    found = {id(n): n for k in keys for n in by_key.get(k, []) if n.governorate.pcode == unit.governorate.pcode}
    district = unit.district.pcode if unit.kind == "subdistrict" and unit.district else unit.pcode
    if unit.kind in ("district", "subdistrict") and district:
        found = {
            i: t for i, t in found.items()
            if not t.district or t.district.pcode == district or t.admin_inferred
        }  # fmt: skip
    return sorted(found.values(), key=_first_id)


def _make_seat(town: _Node, unit: _Node, unique: bool, report: MergeReport) -> None:
    """Merge a subdistrict into its seat when near, else link them; the seat takes the unit's P-code."""
    d = distance_m(unit.lat, unit.lon, town.lat, town.lon)
    town.seated_units.append(unit)
    if unit.unit_population and unit.pcode:
        town.unit_population = max(town.unit_population or 0, _unit_people(unit))
    owns_other = town.pcode and len(town.pcode) == 8 and town.pcode != unit.pcode
    if unique and not owns_other:
        town.pcode = unit.pcode
        town.subdistrict, town.district = unit.subdistrict, unit.district
        town.admin_inferred = False
    if d <= SEAT_DISTANCE_M and unique and not owns_other:
        town.records.extend(unit.records)
        for rec in unit.records:
            town.passive.add(id(rec))
        unit.records = []
        report.seats_merged += 1
        return
    unit.seat = town
    town.seat_of.append(unit)


def _unit_people(unit: _Node) -> int:
    """The population a subdistrict gives as evidence for its seat's size (0 when it is mostly rural)."""
    rec = next((r for r in unit.records if r.source == "opensyria"), None)
    population = unit.unit_population or 0
    if rec is None or not unit.pcode:
        return 0
    if unit.pcode.endswith("00") and population >= MARKAZ_CITY_POPULATION:
        return population
    if rec.area_km2 and population / rec.area_km2 >= URBAN_DENSITY_PER_KM2:
        return population
    return 0


def _promote_kinds(nodes: list[_Node], report: MergeReport) -> None:
    """A town whose own population is unknown is a city when its urban or central subdistrict counts 50,000."""
    for node in nodes:
        if node.kind != "town" or _population(node) or not node.unit_population:
            continue
        if node.unit_population >= CITY_POPULATION:
            node.kind = "city"
            report.decide("kind", f"place:{_first_id(node)}", "city",
                          f"seat of a subdistrict of {node.unit_population:,} people (central or urban)")  # fmt: skip


def _population(node: _Node) -> int:
    pops = [r.population for r in node.active() if r.population and r.kind not in ADMIN_KINDS]
    return max(pops) if pops else 0


# --------------------------------------------------------------------------- ids, names, places


def _assign_ids(nodes: list[_Node]) -> None:
    seen: set[str] = set()
    for node in nodes:
        if node.kind in ADMIN_KINDS and node.pcode:
            base = f"pcode:{node.pcode}"
        else:
            gids = sorted(
                g for g in (_geonames_id(r) for r in node.records if r.kind not in ADMIN_KINDS and r.source in
                            ("geonames", "curated") and id(r) not in node.passive) if g
            )  # fmt: skip
            curated = sorted(r.source_id for r in node.active() if r.source == "curated")
            absorbed = any(r.kind in ADMIN_KINDS and r.external_ids.get("pcode") == node.pcode for r in node.records)
            if gids:
                base = f"gn:{gids[0]}"
            elif node.pcode and (absorbed or node.pcode.startswith("C")):
                base = f"ocha:{node.pcode}" if node.pcode.startswith("C") else f"pcode:{node.pcode}"
            elif curated:
                base = f"cur:{curated[0]}"
            else:
                lead = min(node.records, key=lambda r: (_priority(r), _sort_id(r.source_id)))
                base = f"{ {'syrianarchive': 'sa'}.get(lead.source, lead.source) }:{lead.source_id}"
        ident, n = base, 2
        while ident in seen:
            ident, n = f"{base}~{n}", n + 1
        seen.add(ident)
        node.id = ident


def _attach_name_facts(nodes: list[_Node], facts: list[NameFact], report: MergeReport) -> None:
    """Give each place the names other sources state for it, found by a stable id of one of its rows."""
    by_ref: dict[str, _Node] = {}
    for node in nodes:
        for rec in node.records:
            gid = _geonames_id(rec)
            if gid and rec.kind not in ADMIN_KINDS and rec.source in ("geonames", "curated"):
                by_ref.setdefault(f"gn:{gid}", node)
            short = {"syrianarchive": "sa", "curated": "cur"}.get(rec.source, rec.source)
            by_ref.setdefault(f"{short}:{rec.source_id}", node)
        if node.pcode and node.kind in ADMIN_KINDS:
            by_ref.setdefault(f"pcode:{node.pcode}", node)
    for node in nodes:
        for rec in node.records:
            gid = _geonames_id(rec)
            if gid:
                by_ref.setdefault(f"gn:{gid}", node)
    for fact in facts:
        found = by_ref.get(fact.target)
        if found is None:
            detail = f"{fact.target} {fact.name.text}"
            report.skip(Skip(fact.source, fact.row, "name for a place not in the index", detail))
            continue
        found.extra_names.append(fact.name)


def _retag(name: Name) -> Name:
    if name.lang in ("ar", "und") and is_arabic(name.text):
        lang = arabic_script_lang(name.text, name.lang)
        if lang != name.lang:
            return Name(name.text, lang, name.source, name.flags)
    return name


def _counts_as_modern(name: Name) -> bool:
    if "historic" in name.flags:
        return False
    if name.source == "geonames":  # cities500 alternates carry no flags: only the official name counts
        return "official" in name.flags or "preferred" in name.flags
    return True


def _mark_historic(names: list[Name]) -> list[Name]:
    """Flag ``historic`` every name a source flags so, unless a source gives it as a current name.

    The flag spreads to the same name (variant key) in any source, and to an Arabic-script name
    with the consonant skeleton of a historic Latin name and of no current one ("بالس" from
    "Bâlis" at Maskana; not "رأس العين", whose skeleton "Ras al-Ain" shares with "Resaina").
    """
    modern = {variant_key(n.text) for n in names if _counts_as_modern(n)}
    historic = {variant_key(n.text) for n in names if "historic" in n.flags} - modern
    latin = [n for n in names if not is_arabic(n.text)]
    old_skeletons = {skeleton_key(n.text) for n in latin if variant_key(n.text) in historic}
    new_skeletons = {
        skeleton_key(n.text) for n in names if _counts_as_modern(n) and variant_key(n.text) not in historic
    }
    out: list[Name] = []
    for n in names:
        key = variant_key(n.text)
        spread = is_arabic(n.text) and key not in modern and skeleton_key(n.text) in old_skeletons - new_skeletons
        if (key in historic or spread) and "historic" not in n.flags:
            n = Name(n.text, n.lang, n.source, (*n.flags, "historic"))
        out.append(n)
    return out


def _names(node: _Node) -> list[Name]:
    names: list[Name] = []
    seen: set[tuple[str, str, str]] = set()

    def add(n: Name) -> None:
        text = n.text.strip()
        key = (text, n.lang, n.source)
        if text and key not in seen:
            seen.add(key)
            names.append(Name(text, n.lang, n.source, n.flags))

    town_words: set[str] | None = None
    for rec in node.records:
        own = list(rec.names)
        if rec.name and not any(n.text == rec.name for n in own):
            own.insert(0, Name(rec.name.strip(), "ar" if is_arabic(rec.name) else "und", rec.source))
        if rec.name_ar and not any(n.text == rec.name_ar for n in own):
            own.append(Name(rec.name_ar, "ar", rec.source))
        unit = rec.kind in ADMIN_KINDS and node.kind not in ADMIN_KINDS and id(rec) in node.passive
        if unit and town_words is None:
            town_words = {w for r in node.active() for t in _name_texts(r) for w in _name_words(t, r.kind)}
        for n in own:
            named_otherwise = unit and not _spells_the_town(n.text, rec.kind, town_words or set())
            add(_flagged_unit(_retag(n)) if named_otherwise else _retag(n))
    for n in node.extra_names:
        add(_retag(n))
    wrong = {variant_key(n.text) for n in node.extra_names if WRONG_NAME_FLAG in n.flags}
    names = [n for n in names if not _says_another_kind(n.text, node.kind) and variant_key(n.text) not in wrong]
    return _mark_historic(names)


def _spells_the_town(text: str, kind: str, town_words: set[str]) -> bool:
    """Whether a merged subdistrict's name (without "ناحية", "Nahiyat", "مركز" or "Subdistrict")
    shares a word with its seat town's names, by variant key or consonant skeleton, nearly
    (:data:`_SAME_WORD_RATIO`): "المخرم" with "المخرم الفوقاني", "Hadher" with "Al Hadir", "Susat"
    with "As Susah", "al Fijah" with "Ain al-Fijah", "كفربطنا" with "كفر بطنا"; "الغوطة الشرقية"
    shares none with Jaramana's names, nor "Jebel Saman" with Aleppo's."""
    from rapidfuzz.fuzz import ratio  # the build's only use: kept off the import of the package

    words = _name_words(text, kind)
    if words & _feature_keys() - town_words:
        return False  # "وادي النصارى" (Wadi al-Nasara, a valley) is no spelling of the town an-Nasirah
    return not words or any(ratio(w, t) >= _SAME_WORD_RATIO for w in words for t in town_words if w[0] == t[0])


@cache
def _feature_keys() -> frozenset[str]:
    """:func:`_name_words` keys of the words that open a valley's or a mountain's name (:data:`_FEATURE_WORDS`)."""
    return frozenset(k for w in _FEATURE_WORDS for k in _name_words(w, "region") if k[0] == "v")


def _name_words(text: str, kind: str) -> set[str]:
    """The exact keys ("e" first), variant keys ("v") and consonant skeletons ("s") of a name's
    words and of the name written as one word; its descriptive words, its articles written apart
    ("al Hisan") and one-letter words left out."""
    name = parse_mention(without_admin_prefix(without_admin_prefix(text))).name
    words = [w for w in name.replace("-", " ").split() if not _is_article(w.lower())]
    if len(words) > 1:
        words.append("".join(words))
    out: set[str] = set()
    for w in words:
        k = keys(w)
        out |= {tag + key for tag, key in (("e", k.exact), ("v", k.variant), ("s", k.skeleton)) if len(key) >= 2}
    return out


def _flagged_unit(n: Name) -> Name:
    """A name of a subdistrict merged into a seat town named otherwise, flagged ``unit``: "الغوطة
    الشرقية" (the Eastern Ghouta subdistrict, seated at Jaramana) names the unit and the region, never
    the town, so it answers only a mention that asks for a unit (:func:`gazetteer.lookup.unasked`)."""
    return n if "unit" in n.flags else Name(n.text, n.lang, n.source, (*n.flags, "unit"))


def _says_another_kind(text: str, kind: str) -> bool:
    """A name whose descriptive word says it is another place's: a governorate's on anything but the
    governorate (GeoNames gives the city of Idlib "محافظة إدلب", OpenSyria a district "Quneitra
    Governorate"), a town's on an admin unit (OpenSyria gives the Idlib district "مدينة إدلب")."""
    said = kind_said(text)
    return (said == "governorate" and kind != "governorate") or (said in POPULATED_KINDS and kind in ADMIN_KINDS)


def _latin_spellings(node: _Node, names: list[Name]) -> list[str]:
    return [n.text for n in names if not is_arabic(n.text) and "historic" not in n.flags]


def _display_name(node: _Node, names: list[Name]) -> str:
    """The English name a reader expects (``docs/merging.md``, "Names")."""
    capital = next((u.governorate for u in node.seat_of if u.kind == "governorate"), None)
    if capital is not None and capital.capital:
        return capital.capital
    active = node.active()
    curated = [r for r in active if r.source == "curated"]
    if curated:
        return tidy_latin(curated[0].name)
    others = [
        r.name for r in node.records if r.source not in ("opensyria", "ocha") and r.name and not is_arabic(r.name)
    ]
    others += [n.text for n in names if n.source in ("geonames", "curated") and not is_arabic(n.text)]
    own_keys = _name_keys_all(node)
    ocha = [r for r in node.records if r.source in ("ocha", "opensyria")]
    ocha += [r for u in node.seated_units for r in u.records if r.source in ("ocha", "opensyria")]
    for rec in sorted(ocha, key=lambda r: (r.kind in ADMIN_KINDS, _KIND_RANK.get(r.kind, 99), r.source_id)):
        candidate = without_admin_prefix(rec.name)
        if rec.kind in ADMIN_KINDS and variant_key(candidate) not in own_keys | node.own_keys():
            continue  # a unit named otherwise ("Jebel Saman" seated at Aleppo)
        if not is_oddity(candidate, others):
            return tidy_latin(candidate)
    for rec in sorted(active, key=_priority):
        if rec.source == "geonames":
            preferred = [n.text for n in rec.names if n.lang == "en" and "preferred" in n.flags]
            if preferred:
                return tidy_latin(preferred[0])
            return tidy_latin(ascii_display(to_ascii(rec.name)))
    for rec in sorted(node.records, key=lambda r: (id(r) in node.passive, _priority(r), _sort_id(r.source_id))):
        if rec.name and not is_arabic(rec.name):
            return tidy_latin(rec.name)
    return node.records[0].name or node.records[0].source_id


_NOT_NAME_AR = frozenset({"historic", "colloquial", "press", "short"})


def _display_arabic(node: _Node, names: list[Name], display: str) -> str | None:
    """The Arabic name the sources agree on (``docs/merging.md``, "Names").

    Each source votes once for a name: its own ``name_ar`` counts 1, its other Arabic names
    half (GeoNames, whose alternates are unordered, 1 each); a cited curated name counts 2.
    Historic, colloquial and press forms are alternates, never ``name_ar``; the Arabic name of
    an admin unit merged into the place counts only when it is the place's own ("مركز جبل سمعان"
    is not Aleppo's).
    """
    latin = _latin_spellings(node, names)
    own_skeletons = {skeleton_key(t) for t in latin} | {
        skeleton_key(n.text) for r in node.records if r.kind not in ADMIN_KINDS for n in r.names
    }
    barred = {(n.text, n.source) for n in names if set(n.flags) & _NOT_NAME_AR}
    candidates: list[tuple[str, str, float]] = []

    def add(text: str, source: str, weight: float, unit: bool) -> None:
        if (text, source) in barred or not is_arabic(text):
            return
        shown = arabic_display(without_admin_prefix(text))
        if unit and skeleton_key(shown) not in own_skeletons:
            return
        candidates.append((shown, source, weight))

    for rec in node.records:
        unit = rec.kind in ADMIN_KINDS
        for n in rec.names:
            if n.lang == "ar" and arabic_script_lang(n.text) == "ar":
                primary = rec.source == "geonames" or n.text == rec.name_ar
                add(n.text, rec.source, 1.0 if primary else 0.5, unit)
        if rec.name_ar and not any(n.text == rec.name_ar for n in rec.names):
            add(rec.name_ar, rec.source, 1.0, unit)
    for n in node.extra_names:
        if n.lang == "ar" and not set(n.flags) & _NOT_NAME_AR:
            add(n.text, n.source, 2.0 if not n.flags else 1.0, False)
    for seated in node.seated_units:  # a linked unit of the place's name names it too ("صرين" for Sarrin)
        for rec in seated.records:
            if rec.source in ("opensyria", "ocha") and rec.name_ar:
                add(rec.name_ar, rec.source, 1.0, True)
    return choose_arabic(candidates, latin, display)


def _seated_unit_s_arabic(node: _Node, names: list[Name], name_ar: str | None) -> list[Name]:
    """The Arabic name a town shows when only the subdistrict it seats gives it ("صرين" of Sarrin,
    whose own rows say "صرين الشمالية" and the Syrian Archive's typo "السريان"), as a name of the town
    too: the name it shows is one it answers to."""
    if not name_ar or any(exact_key(n.text) == exact_key(name_ar) for n in names):
        return []
    for seated in node.seated_units:
        for rec in seated.records:
            if rec.name_ar and arabic_display(without_admin_prefix(rec.name_ar)) == name_ar:
                return [Name(name_ar, "ar", rec.source)]
    return []


def _to_place(node: _Node) -> Place:
    recs = node.records
    names = _names(node)
    gid = next((g for g in (_geonames_id(r) for r in recs if r.source == "geonames" and r.kind not in ADMIN_KINDS)
                if g), None)  # fmt: skip
    if gid is None:
        gid = next((g for g in (_geonames_id(r) for r in recs if r.source in ("geonames", "curated")) if g), None)
    if gid is None and node.kind in ADMIN_KINDS:
        gid = next((g for g in (_geonames_id(r) for r in recs) if g), None)
    if node.kind in ADMIN_KINDS:
        population = next((r.population for r in recs if r.population), None)
    else:
        population = _population(node) or None
    wikidata = next((r.external_ids["wikidata"] for r in recs if r.external_ids.get("wikidata")), None)
    iso = node.governorate.iso if node.kind == "governorate" else None
    sources = tuple(
        sorted(
            {SourceRef(r.source, r.source_id, SOURCES[r.source].licence) for r in recs}, key=lambda s: (s.source, s.id)
        )
    )
    name: str
    name_ar: str | None
    if node.kind == "governorate":
        name, name_ar = node.governorate.name, node.governorate.name_ar
    elif node.kind in ADMIN_KINDS:
        name, name_ar = _unit_name(recs), _unit_arabic(recs)
    else:
        name = _display_name(node, names)
        name_ar = _display_arabic(node, names, name)
        names += _seated_unit_s_arabic(node, names, name_ar)
    return Place(
        id=node.id,
        name=name,
        name_ar=name_ar,
        kind=node.kind,
        lat=round(node.lat, 6),
        lon=round(node.lon, 6),
        governorate=node.governorate.ref,
        district=node.district,
        subdistrict=node.subdistrict,
        population=population,
        geonames_id=gid,
        pcode=node.pcode,
        wikidata=wikidata,
        iso3166_2=iso,
        names=tuple(names),
        sources=sources,
        seat_of=tuple(sorted(u.id for u in node.seat_of if u.records)),
        seat=node.seat.id if node.seat is not None and node.seat.records else None,
        admin_inferred=node.admin_inferred,
        parent=node.parent.id if node.parent is not None and node.parent.records else None,
    )
