"""Merge source records into places: one real place, one record, every id kept.

Rules (see ``docs/merging.md``):

* Governorates come from the project's table (:mod:`gazetteer.governorates`);
  OpenSyria and GeoNames admin1 rows attach to them by P-code, GeoNames id or
  admin1 code. Districts and subdistricts are keyed by OCHA P-code; GeoNames
  ADM2/ADM3 rows attach by GeoNames id.
* Other rows (populated places, neighbourhoods, landmarks...) join when they
  share an id (GeoNames id, OCHA P-code) or when they share a name key
  (:func:`gazetteer.normalize.variant_key`, Arabic or Latin), are of compatible
  kinds, lie in compatible governorates and are closer than a distance that
  depends on their kinds (geodesic, pyproj). Two GeoNames rows with different
  ids, or two OCHA rows with different P-codes, never join.
* A subdistrict whose centre town is known (same name key, same governorate,
  within 15 km) is merged into that town: one place carrying the town's
  GeoNames id and the subdistrict's P-code. Districts and governorates stay
  separate places linked to their seat town (``seat`` / ``seat_of``).
* Every place gets a governorate; a district and subdistrict when a source
  states them, else inferred from the nearest subdistrict centre of the same
  governorate (``admin_inferred=True``).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from . import governorates as govs
from .adapters import SOURCES, ReadResult, Skip
from .geo import distance_m, distances_m, in_syria
from .kinds import ADMIN_KINDS, KINDS, POPULATED_KINDS, may_merge, merge_distance_m
from .model import AdminRef, Name, Place, SourceRecord, SourceRef
from .normalize import is_arabic, variant_key

__all__ = ["MergeReport", "merge"]

SEAT_DISTANCE_M = 15_000
NEIGHBOURHOOD_OF_CITY_M = 4_000
#: Which source wins for names, coordinates and kind (first wins).
_PRIORITY = ("opensyria", "ocha", "geonames", "syrianarchive", "curated")
_ADMIN_SOURCES = frozenset({"opensyria", "geonames", "ocha", "curated"})
_KIND_RANK = {k: i for i, k in enumerate(KINDS)}


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

    def skip(self, s: Skip) -> None:
        """Count one skipped row."""
        key = (s.source, s.reason)
        self.skipped[key] += s.count
        self.skip_examples.setdefault(key, f"{s.row}: {s.detail}" if s.detail else s.row)

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
        }


_Drop = Callable[[SourceRecord, str, str], None]


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


def _name_keys(rec: SourceRecord) -> set[str]:
    texts = {rec.name, *(n.text for n in rec.names)}
    if rec.name_ar:
        texts.add(rec.name_ar)
    return {k for k in (variant_key(t) for t in texts if t) if len(k) >= 2}


def _priority(rec: SourceRecord) -> int:
    return _PRIORITY.index(rec.source) if rec.source in _PRIORITY else len(_PRIORITY)


def _geonames_id(rec: SourceRecord) -> int | None:
    gid = rec.external_ids.get("geonames")
    return int(gid) if gid and gid.isdigit() else None


@dataclass
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
    seat_of: list[str] = field(default_factory=list)
    seat: str | None = None
    id: str = ""
    extra_names: list[Name] = field(default_factory=list)


def _record_governorates(rec: SourceRecord) -> list[govs.Governorate]:
    """Governorates a record's own designation allows (two for 'DAMASCUS' regions)."""
    if rec.governorate is None:
        return []
    g = govs.lookup(rec.governorate)
    if g is None:
        return []
    if rec.source == "syrianarchive" and g.pcode in ("SY01", "SY03"):
        return [govs.by_pcode("SY01"), govs.by_pcode("SY03")]
    return [g]


def _compatible(a: SourceRecord, b: SourceRecord, ga: list[govs.Governorate], gb: list[govs.Governorate]) -> bool:
    if not may_merge(a.kind, b.kind):
        return False
    if a.source == b.source and a.source in ("geonames", "ocha"):
        return False  # distinct ids in one authoritative source are distinct places
    if ga and gb and not {g.pcode for g in ga} & {g.pcode for g in gb}:
        return False
    if a.lat is None or a.lon is None or b.lat is None or b.lon is None:
        return False
    limit = merge_distance_m(a.kind, b.kind)
    return distance_m(a.lat, a.lon, b.lat, b.lon) <= limit


def _best_name(records: list[SourceRecord]) -> str:
    for rec in sorted(records, key=_priority):
        if rec.source == "geonames":
            ascii_names = [n.text for n in rec.names if n.lang == "en" and "preferred" in n.flags]
            if ascii_names:
                return ascii_names[0]
        name = rec.name.strip()
        if name:
            if name.isupper() and len(name) > 3:
                name = name.title()
            return name
    return records[0].source_id


def _best_arabic(records: list[SourceRecord]) -> str | None:
    # A populated place merged with its subdistrict keeps the town's Arabic name
    # (OpenSyria's is often "مركز ..."), so non-admin rows come first.
    for rec in sorted(records, key=lambda r: (r.kind in ADMIN_KINDS, _priority(r))):
        if rec.name_ar:
            return rec.name_ar
    return None


def merge(results: Iterable[ReadResult]) -> tuple[list[Place], MergeReport]:
    """Merge what the adapters read into places; returns them and a report."""
    report = MergeReport()
    records: list[SourceRecord] = []
    for result in results:
        for s in result.skipped:
            report.skip(s)
        for rec in result.records:
            report.records[rec.source] += 1
            records.append(rec)
    # A deterministic order, whatever order the sources were given in.
    records.sort(key=lambda r: (_priority(r), r.source, r.source_id))

    def drop(rec: SourceRecord, reason: str, detail: str = "") -> None:
        report.skip(Skip(rec.source, rec.source_id, reason, detail or rec.name))

    # Validate coordinates once more: adapters should have dropped these.
    usable: list[SourceRecord] = []
    for rec in records:
        if rec.lat is not None and rec.lon is not None and not in_syria(rec.lat, rec.lon):
            drop(rec, "coordinates outside Syria", f"{rec.name} ({rec.lat}, {rec.lon})")
            continue
        usable.append(rec)

    # Only P-code and GeoNames sources define admin units; another source's "X subdistrict"
    # row joins the unit it names, or else counts as a town.
    loose = [r for r in usable if r.kind in ADMIN_KINDS and r.source not in _ADMIN_SOURCES]
    usable = [r for r in usable if not (r.kind in ADMIN_KINDS and r.source not in _ADMIN_SOURCES)]
    admin_nodes = _admin_nodes([r for r in usable if r.kind in ADMIN_KINDS], drop)
    usable.extend(r for r in loose if not _attach_to_unit(r, admin_nodes))
    subdistricts = [n for n in admin_nodes if n.kind == "subdistrict"]
    districts_by_gn: dict[str, _Node] = {}
    for n in admin_nodes:
        if n.kind == "district":
            for r in n.records:
                gid = r.external_ids.get("geonames")
                if gid:
                    districts_by_gn[gid] = n
    place_nodes = _place_nodes([r for r in usable if r.kind not in ADMIN_KINDS], drop, subdistricts)
    _infer_neighbourhoods(place_nodes)
    _assign_hierarchy(place_nodes, subdistricts, districts_by_gn)
    _merge_seats(place_nodes, admin_nodes, report)
    nodes = admin_nodes + place_nodes
    _assign_ids(nodes)
    _link_seats(nodes, report)
    places = [_to_place(n) for n in nodes if n.records]
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
    return places, report


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
            names=[Name(s, "en", "curated", ("alias",)) for s in g.spellings]
            + [Name(s, "ar", "curated", ("alias",)) for s in g.spellings_ar],
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
        unit = _Node([rec], rec.kind, rec.lat, rec.lon, gov, pcode=pcode)
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
    # Hierarchy of admin units from their P-codes.
    for node in nodes:
        if node.kind == "subdistrict" and node.pcode:
            parent = by_pcode.get(node.pcode[:6])
            if parent is not None:
                node.district = _admin_ref(parent)
            node.subdistrict = _admin_ref(node)
        elif node.kind == "district":
            node.district = _admin_ref(node)
    return nodes


def _attach_to_unit(rec: SourceRecord, units: list[_Node]) -> bool:
    """Attach a non-authoritative admin-kind row to the unit of the same name nearby, if any."""
    allowed = {g.pcode for g in _record_governorates(rec)}
    names = _name_keys(rec)
    best: tuple[float, _Node] | None = None
    for unit in units:
        if unit.kind not in ("district", "subdistrict") or (allowed and unit.governorate.pcode not in allowed):
            continue
        if rec.lat is None or rec.lon is None or not names & set().union(*(_name_keys(r) for r in unit.records)):
            continue
        d = distance_m(rec.lat, rec.lon, unit.lat, unit.lon)
        if d <= 25_000 and (best is None or d < best[0]):
            best = (d, unit)
    if best is None:
        rec.kind = "town"
        return False
    best[1].records.append(rec)
    return True


def _admin_ref(node: _Node) -> AdminRef:
    return AdminRef(_best_name(node.records), _best_arabic(node.records), node.pcode)


def _place_nodes(records: list[SourceRecord], drop: _Drop, subdistricts: list[_Node]) -> list[_Node]:
    """Cluster non-admin records into places (union-find over ids and name keys)."""
    kept: list[SourceRecord] = []
    for rec in records:
        if rec.lat is None or rec.lon is None:
            drop(rec, "no coordinates", rec.name)
        else:
            kept.append(rec)
    records = kept
    rec_govs = [_record_governorates(r) for r in records]
    uf = _UnionFind(len(records))
    first_by_id: dict[tuple[str, str], int] = {}
    buckets: dict[str, list[int]] = defaultdict(list)
    for i, rec in enumerate(records):
        for scheme in ("geonames", "pcode"):
            value = rec.external_ids.get(scheme)
            if value:
                j = first_by_id.setdefault((scheme, value), i)
                if j != i:
                    if rec.source == records[j].source:
                        drop(rec, "duplicate id", f"{scheme} {value}")
                        records[i] = rec = _blank(rec)
                        break
                    uf.union(i, j)
        for key in _name_keys(rec):
            buckets[key].append(i)
    for members in buckets.values():
        if len(members) < 2 or len(members) > 200:
            continue
        for x, i in enumerate(members):
            for j in members[x + 1 :]:
                if uf.find(i) != uf.find(j) and _compatible(records[i], records[j], rec_govs[i], rec_govs[j]):
                    uf.union(i, j)
    clusters: dict[int, list[int]] = defaultdict(list)
    for i, rec in enumerate(records):
        if rec.source_id:  # blanked duplicates have no id
            clusters[uf.find(i)].append(i)
    nodes: list[_Node] = []
    for members in clusters.values():
        recs = sorted((records[i] for i in members), key=_priority)
        lead = recs[0]
        assert lead.lat is not None and lead.lon is not None
        kinds = sorted({r.kind for r in recs}, key=lambda k: _KIND_RANK.get(k, 99))
        authoritative = [r.kind for r in recs if r.source in ("geonames", "ocha")]
        kind = authoritative[0] if authoritative else kinds[0]
        candidates: list[govs.Governorate] = []
        for i in members:
            if rec_govs[i]:
                candidates = rec_govs[i]
                if records[i].source != "syrianarchive":
                    break
        gov, inferred = _choose_governorate(lead.lat, lead.lon, candidates, subdistricts)
        ocha = next((r.external_ids.get("pcode") for r in recs if r.source == "ocha"), None)
        node = _Node(recs, kind, lead.lat, lead.lon, gov, pcode=ocha, admin_inferred=inferred)
        ocha_rec = next((r for r in recs if r.source == "ocha"), None)
        if ocha_rec is not None:
            node.district = _pcode_ref(ocha_rec.district_pcode, subdistricts, level="district")
            node.subdistrict = _pcode_ref(ocha_rec.subdistrict_pcode, subdistricts, level="subdistrict")
        nodes.append(node)
    return nodes


def _blank(rec: SourceRecord) -> SourceRecord:
    return SourceRecord(source=rec.source, source_id="", name="", kind=rec.kind)


def _pcode_ref(pcode: str | None, subdistricts: list[_Node], level: str) -> AdminRef | None:
    if not pcode:
        return None
    for s in subdistricts:
        ref = s.district if level == "district" else s.subdistrict
        if ref is not None and ref.pcode == pcode:
            return ref
    return AdminRef(pcode, None, pcode)


def _choose_governorate(
    lat: float, lon: float, candidates: list[govs.Governorate], subdistricts: list[_Node]
) -> tuple[govs.Governorate, bool]:
    """The record's governorate; the nearest subdistrict centre decides between several or none."""
    if len(candidates) == 1:
        return candidates[0], False
    allowed = {g.pcode for g in candidates}
    pool = [s for s in subdistricts if not allowed or s.governorate.pcode in allowed]
    if pool:
        dists = distances_m(lat, lon, [s.lat for s in pool], [s.lon for s in pool])
        best = min(range(len(pool)), key=dists.__getitem__)
        return pool[best].governorate, not candidates
    everyone = candidates or list(govs.all_governorates())
    dists = distances_m(lat, lon, [g.lat for g in everyone], [g.lon for g in everyone])
    return everyone[min(range(len(everyone)), key=dists.__getitem__)], True


def _infer_neighbourhoods(nodes: list[_Node]) -> None:
    """A village known only to non-gazetteer sources, inside a city, is a neighbourhood of it."""
    cities = [n for n in nodes if n.kind == "city"]
    if not cities:
        return
    for node in nodes:
        if node.kind == "village" and not any(r.source in _ADMIN_SOURCES for r in node.records):
            dists = distances_m(node.lat, node.lon, [c.lat for c in cities], [c.lon for c in cities])
            if min(dists) <= NEIGHBOURHOOD_OF_CITY_M:
                node.kind = "neighbourhood"


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


def _merge_seats(places: list[_Node], admin: list[_Node], report: MergeReport) -> None:
    """Merge each subdistrict into its centre town when one is found."""
    by_key: dict[str, list[_Node]] = defaultdict(list)
    for node in places:
        if node.kind in POPULATED_KINDS:
            for rec in node.records:
                for key in _name_keys(rec):
                    by_key[key].append(node)
    for sub in admin:
        if sub.kind != "subdistrict":
            continue
        keys = set().union(*(_name_keys(r) for r in sub.records))
        found = {id(n): n for k in keys for n in by_key.get(k, []) if n.governorate.pcode == sub.governorate.pcode}
        best: tuple[bool, float, _Node] | None = None
        for town in found.values():
            if town.pcode and town.pcode.startswith("SY") and len(town.pcode) == 8:
                continue  # already the seat of another subdistrict
            d = distance_m(sub.lat, sub.lon, town.lat, town.lon)
            # A town known to GeoNames or OCHA beats a nearer row known only to other sources.
            rank = (not any(r.source in _ADMIN_SOURCES for r in town.records), d)
            if d <= SEAT_DISTANCE_M and (best is None or rank < best[:2]):
                best = (*rank, town)
        if best is None:
            continue
        town = best[2]
        town.records.extend(sub.records)
        town.records.sort(key=_priority)
        if not town.pcode:
            town.pcode = sub.pcode
        town.subdistrict, town.district = sub.subdistrict, sub.district
        town.admin_inferred = False
        sub.records = []  # absorbed
        report.seats_merged += 1


def _assign_ids(nodes: list[_Node]) -> None:
    seen: set[str] = set()
    for node in nodes:
        if not node.records:
            continue
        if node.kind in ADMIN_KINDS and node.pcode:
            base = f"pcode:{node.pcode}"
        else:
            gids = sorted(g for g in (_geonames_id(r) for r in node.records if r.kind not in ADMIN_KINDS) if g)
            if gids:
                base = f"gn:{gids[0]}"
            elif node.pcode:
                base = f"ocha:{node.pcode}" if node.pcode.startswith("C") else f"pcode:{node.pcode}"
            else:
                lead = node.records[0]
                base = f"{ {'syrianarchive': 'sa'}.get(lead.source, lead.source) }:{lead.source_id}"
        ident, n = base, 2
        while ident in seen:
            ident, n = f"{base}~{n}", n + 1
        seen.add(ident)
        node.id = ident


def _link_seats(nodes: list[_Node], report: MergeReport) -> None:
    """Link governorates, districts and subdistricts to the populated place of the same name inside them.

    (A subdistrict whose centre town lies close enough was merged into it before; the others, such
    as Jirud and Jayrud 16 km apart, stay separate places and are linked here.)
    """
    by_key: dict[str, list[_Node]] = defaultdict(list)
    for node in nodes:
        if node.records and node.kind in POPULATED_KINDS:
            for rec in node.records:
                for key in _name_keys(rec):
                    by_key[key].append(node)
    for unit in nodes:
        if not unit.records or unit.kind not in ADMIN_KINDS:
            continue
        if unit.kind == "governorate":
            capital = unit.governorate.capital
            keys = {variant_key(capital)} if capital else set()
        else:
            keys = set().union(*(_name_keys(r) for r in unit.records))
        towns = {id(n): n for k in keys for n in by_key.get(k, []) if n.governorate.pcode == unit.governorate.pcode}
        if unit.kind == "district" and unit.pcode:
            towns = {i: t for i, t in towns.items() if not t.district or t.district.pcode == unit.pcode}
        elif unit.kind == "subdistrict" and unit.district:
            towns = {i: t for i, t in towns.items() if not t.district or t.district.pcode == unit.district.pcode}
        if not towns:
            continue
        seat = max(towns.values(), key=lambda t: (_population(t), -_KIND_RANK.get(t.kind, 99), t.id))
        unit.seat = seat.id
        seat.seat_of.append(unit.id)
        report.seat_links += 1


def _population(node: _Node) -> int:
    pops = [r.population for r in node.records if r.population and r.kind not in ADMIN_KINDS]
    return max(pops) if pops else 0


def _to_place(node: _Node) -> Place:
    recs = node.records
    names: list[Name] = []
    seen: set[tuple[str, str, str]] = set()
    for rec in recs:
        own = list(rec.names)
        if rec.name and not any(n.text == rec.name for n in own):
            own.insert(0, Name(rec.name.strip(), "ar" if is_arabic(rec.name) else "und", rec.source))
        if rec.name_ar and not any(n.text == rec.name_ar for n in own):
            own.append(Name(rec.name_ar, "ar", rec.source))
        for n in own:
            text = n.text.strip()
            key = (text, n.lang, n.source)
            if text and key not in seen:
                seen.add(key)
                names.append(Name(text, n.lang, n.source, n.flags))
    gid = next((g for g in (_geonames_id(r) for r in recs if r.source == "geonames") if g), None)
    if gid is None:
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
    return Place(
        id=node.id,
        name=_best_name(recs) if node.kind != "governorate" else node.governorate.name,
        name_ar=_best_arabic(recs) if node.kind != "governorate" else node.governorate.name_ar,
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
        seat_of=tuple(sorted(node.seat_of)),
        seat=node.seat,
        admin_inferred=node.admin_inferred,
    )
