"""Data-quality checks of a built index: what a reader of the data should be able to trust.

:func:`quality_report` checks a list of places (the output of the merge, or the places of an
opened index) and returns a JSON-ready dict; :func:`format_quality` prints it. The checks:

* ``duplicates``: two places within 3 km, of one kind family, whose ``name`` or ``name_ar``
  have equal or near-equal variant keys (rapidfuzz ratio 85 or more), not linked to each other;
* ``governorate_depth``: a place whose point lies more than 15 km deeper in another
  governorate than in its own (nearest subdistrict centre, see
  :class:`gazetteer.merge.GovernorateLocator`);
* ``copied_points``: places of different names at exactly one point;
* ``seats_without_pcode``: a town seating a subdistrict without carrying its P-code;
* ``non_arabic_name_ar``: a ``name_ar`` with Latin, Persian or Kurdish letters;
* ``admin_prefix_names``: a place named "Markaz ..." or "Nahiyat ..." (the unit's word);
* ``dropped``: source rows the build left out, and why (from the merge report).

A few findings are explained exceptions (:data:`EXPLAINED`): they are listed, not counted.

>>> from gazetteer.model import AdminRef, Place
>>> homs = AdminRef("Homs", "حمص", "SY04")
>>> a = Place(id="a", name="Talbiseh", name_ar="تلبيسة", kind="town", lat=34.84, lon=36.73, governorate=homs)
>>> b = Place(id="b", name="Tallbisah", name_ar=None, kind="village", lat=34.841, lon=36.731, governorate=homs)
>>> q = quality_report([a, b], centres=[("SY04", 34.73, 36.71)])
>>> q["counts"]["duplicates"], q["duplicates"][0]["ids"]
(1, ['a', 'b'])
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

from .kinds import ADMIN_KINDS, kind
from .model import Place
from .normalize import is_arabic, variant_key

if TYPE_CHECKING:
    from .merge import MergeReport

__all__ = ["CHECKS", "EXPLAINED", "format_quality", "quality_report"]

#: The checks, in report order.
CHECKS = (
    "duplicates",
    "governorate_depth",
    "copied_points",
    "seats_without_pcode",
    "non_arabic_name_ar",
    "admin_prefix_names",
)
DUPLICATE_DISTANCE_M = 3_000
DEPTH_M = 15_000
_NON_ARABIC_LETTERS = frozenset("پچژگکیۆێەڕڵڤۊ")

#: Findings that are right, with the reason: (check, place id or "id+id") -> reason.
EXPLAINED: dict[tuple[str, str], str] = {
    ("governorate_depth", "cur:rukban-camp"): (
        "Homs, as the cited page states (near al-Tanf); in this desert corner the Homs subdistricts have "
        "their centres 200 km north, so the nearest centre is Rif Dimashq's"
    ),
    ("governorate_depth", "cur:syrian-desert"): (
        "a region over four countries, put in Homs as the governorate of its point (same desert corner as Rukban camp)"
    ),
    ("governorate_depth", "cur:jebel-bishri"): (
        "a range on the border of Deir ez-Zor, Raqqa and Homs; the infobox says Deir ez-Zor"
    ),
    ("admin_prefix_names", "pcode:SY0301"): "the OCHA name of the district, not a prefix: Markaz Rif Dimashq",
}


def _fast_m(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    h = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    return 2 * 6_371_008.8 * math.asin(min(1.0, math.sqrt(h)))


def _family(place: Place) -> str:
    try:
        return kind(place.kind).family
    except KeyError:
        return place.kind


def _linked(a: Place, b: Place) -> bool:
    return (
        a.parent == b.id or b.parent == a.id or a.seat == b.id or b.seat == a.id
        or a.id in b.seat_of or b.id in a.seat_of
    )  # fmt: skip


def _near_equal(a: str, b: str) -> bool:
    if not a or not b:
        return False
    if a == b:
        return True
    from rapidfuzz.fuzz import ratio

    return min(len(a), len(b)) >= 4 and ratio(a, b) >= 85


def _duplicates(places: Sequence[Place]) -> list[dict[str, Any]]:
    cells: dict[tuple[int, int], list[Place]] = defaultdict(list)
    for p in places:
        cells[(int(p.lat / 0.05), int(p.lon / 0.05))].append(p)
    found: list[dict[str, Any]] = []
    for p in places:
        if p.kind in ADMIN_KINDS:
            continue
        cy, cx = int(p.lat / 0.05), int(p.lon / 0.05)
        for dy in (-1, 0, 1):
            for dx in (-1, 0, 1):
                for q in cells.get((cy + dy, cx + dx), []):
                    if q.id <= p.id or q.kind in ADMIN_KINDS or _family(p) != _family(q) or _linked(p, q):
                        continue
                    d = _fast_m(p.lat, p.lon, q.lat, q.lon)
                    if d > DUPLICATE_DISTANCE_M:
                        continue
                    keys_p = [variant_key(t) for t in (p.name, p.name_ar) if t]
                    keys_q = [variant_key(t) for t in (q.name, q.name_ar) if t]
                    if any(_near_equal(x, y) for x in keys_p for y in keys_q):
                        found.append(
                            {
                                "ids": [p.id, q.id],
                                "names": [f"{p.name} / {p.name_ar}", f"{q.name} / {q.name_ar}"],
                                "kinds": [p.kind, q.kind],
                                "distance_km": round(d / 1000, 2),
                            }
                        )
    return sorted(found, key=lambda f: f["ids"])


def _centres_of(places: Sequence[Place]) -> list[tuple[str, float, float]]:
    """Subdistrict centres from the places themselves: each subdistrict, or the town merged with it."""
    return [
        (p.governorate.pcode, p.lat, p.lon)
        for p in places
        if p.pcode and len(p.pcode) == 8 and p.pcode.startswith("SY") and p.governorate.pcode
    ]


def _depths(places: Sequence[Place], centres: Sequence[tuple[str, float, float]]) -> list[dict[str, Any]]:
    from .merge import GovernorateLocator

    locator = GovernorateLocator(centres)
    found: list[dict[str, Any]] = []
    for p in places:
        if p.kind in ADMIN_KINDS or not p.governorate.pcode:
            continue
        depth = locator.depth_m(p.lat, p.lon, {p.governorate.pcode})
        if depth > DEPTH_M:
            lies_in = locator.nearest(p.lat, p.lon)
            found.append(
                {
                    "ids": [p.id],
                    "name": p.name,
                    "governorate": p.governorate.name,
                    "lies_in": lies_in,
                    "depth_km": round(depth / 1000, 1),
                }
            )
    return found


def _copied_points(places: Sequence[Place]) -> list[dict[str, Any]]:
    by_point: dict[tuple[float, float], list[Place]] = defaultdict(list)
    for p in places:
        if p.kind not in ADMIN_KINDS:
            by_point[(round(p.lat, 6), round(p.lon, 6))].append(p)
    found: list[dict[str, Any]] = []
    for (lat, lon), group in sorted(by_point.items()):
        if len(group) < 2:
            continue
        unlinked = [p for p in group if not any(_linked(p, q) for q in group if q is not p)]
        if len(unlinked) >= 2:
            found.append({"ids": sorted(p.id for p in unlinked), "names": sorted(p.name for p in unlinked),
                          "point": [lat, lon]})  # fmt: skip
    return found


def _seats_without_pcode(places: Sequence[Place]) -> list[dict[str, Any]]:
    units = {p.id: p for p in places if p.kind == "subdistrict"}
    found: list[dict[str, Any]] = []
    for p in places:
        for unit_id in p.seat_of:
            unit = units.get(unit_id)
            if unit is not None and p.pcode != unit.pcode:
                found.append({"ids": [p.id], "name": p.name, "seat_of": unit_id, "pcode": p.pcode})
    return found


def _non_arabic_name_ar(places: Sequence[Place]) -> list[dict[str, Any]]:
    return [
        {"ids": [p.id], "name": p.name, "name_ar": p.name_ar}
        for p in places
        if p.name_ar and (not is_arabic(p.name_ar) or set(p.name_ar) & _NON_ARABIC_LETTERS
                          or any("a" <= ch.lower() <= "z" for ch in p.name_ar))
    ]  # fmt: skip


def _admin_prefix_names(places: Sequence[Place]) -> list[dict[str, Any]]:
    prefixes = ("markaz ", "nahiyat ", "nāḩiyat ", "nahiyah ")
    return [{"ids": [p.id], "name": p.name} for p in places if p.name.lower().startswith(prefixes)]


def quality_report(
    places: Iterable[Place],
    *,
    centres: Sequence[tuple[str, float, float]] | None = None,
    report: MergeReport | None = None,
) -> dict[str, Any]:
    """Run the checks on ``places``; a JSON-ready dict with ``counts`` and the findings of each check.

    ``centres`` are the (governorate P-code, lat, lon) of the subdistrict centres; by default
    those the merge used (``report.centres``), else the places' own subdistrict points.
    ``report`` (the merge report) adds the rows the build dropped and why.
    """
    places = list(places)
    if centres is None:
        centres = report.centres if report is not None and report.centres else _centres_of(places)
    found = {
        "duplicates": _duplicates(places),
        "governorate_depth": _depths(places, centres),
        "copied_points": _copied_points(places),
        "seats_without_pcode": _seats_without_pcode(places),
        "non_arabic_name_ar": _non_arabic_name_ar(places),
        "admin_prefix_names": _admin_prefix_names(places),
    }
    out: dict[str, Any] = {"counts": {}, "explained": {}}
    for check in CHECKS:
        kept, explained = [], []
        for item in found[check]:
            reason = EXPLAINED.get((check, "+".join(item["ids"])))
            if reason:
                explained.append({**item, "reason": reason})
            else:
                kept.append(item)
        out[check] = kept
        out["counts"][check] = len(kept)
        if explained:
            out["explained"][check] = explained
    dropped: list[dict[str, Any]] = []
    if report is not None:
        dropped = [
            {"source": src, "reason": reason, "rows": n, "example": report.skip_examples.get((src, reason), "")}
            for (src, reason), n in sorted(report.skipped.items())
        ]
        out["decisions"] = [d.to_dict() for d in report.decisions]
    out["dropped"] = dropped
    out["counts"]["dropped_rows"] = sum(d["rows"] for d in dropped)
    return out


def format_quality(quality: dict[str, Any], *, limit: int = 8) -> str:
    """The quality report as text: one line per check, then up to ``limit`` findings of each.

    >>> print(format_quality({"counts": {"duplicates": 0, "dropped_rows": 0}, "explained": {}, "dropped": []}))
    Data quality:
      duplicates: 0
      dropped rows: 0
    """
    lines = ["Data quality:"]
    for check, n in quality["counts"].items():
        if check == "dropped_rows":
            continue
        explained = quality.get("explained", {}).get(check, [])
        extra = f" (+{len(explained)} explained)" if explained else ""
        lines.append(f"  {check.replace('_', ' ')}: {n}{extra}")
        for item in quality.get(check, [])[:limit]:
            lines.append(f"    {_describe(item)}")
        for item in explained[:limit]:
            lines.append(f"    explained: {', '.join(item['ids'])}: {item['reason']}")
    lines.append(f"  dropped rows: {quality['counts'].get('dropped_rows', 0)}")
    for d in quality.get("dropped", []):
        lines.append(f"    {d['source']}: {d['reason']}: {d['rows']} (e.g. {d['example']})")
    return "\n".join(lines)


def _describe(item: dict[str, Any]) -> str:
    parts = [", ".join(item["ids"])]
    for key in ("names", "name", "name_ar", "governorate", "lies_in", "depth_km", "distance_km", "seat_of", "point"):
        if key in item:
            parts.append(f"{key}={item[key]}")
    return "; ".join(str(p) for p in parts)
