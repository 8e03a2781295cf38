"""Browsing: the places of a governorate, district or subdistrict, of some kinds, as objects or a table.

>>> from gazetteer import load
>>> rows = filter_rows(load().opened, governorate="Homs", district=None, subdistrict="SY040401", kind=None)
>>> sorted({load().opened.ids[r] for r in rows}) >= ["gn:163779"]
True
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from .errors import InvalidQueryError
from .kinds import KINDS, POPULATED_KINDS
from .model import Place
from .normalize import fold
from .opened import OpenedIndex

__all__ = ["PLACE_FIELDS", "filter_rows", "kinds_of", "place_row", "places_table"]


def kinds_of(kind: object) -> frozenset[str] | None:
    """A kind filter: None -> populated places, ``"any"`` -> None (every kind), a kind or several -> that set.

    >>> sorted(kinds_of(None)), kinds_of("any"), kinds_of(["town", "city"]) == {"town", "city"}
    (['city', 'town', 'village'], None, True)
    """
    if kind is None:
        return POPULATED_KINDS
    if kind == "any":
        return None
    wanted = {kind} if isinstance(kind, str) else set(kind) if isinstance(kind, (list, tuple, set, frozenset)) else None
    if wanted is None or not wanted or not all(isinstance(k, str) and k in KINDS for k in wanted):
        raise InvalidQueryError(f"kind must be one of {', '.join(KINDS)} (or 'any'), got {kind!r}")
    return frozenset(wanted)


def filter_rows(
    index: OpenedIndex, *, governorate: object, district: object, subdistrict: object, kind: object
) -> list[int]:
    """Rows of the places in a governorate, district, subdistrict (P-code or name) and of a kind (all when None)."""
    from .governorates import find

    rows = range(len(index))
    out = list(rows)
    if governorate is not None:
        gov = find(governorate).pcode
        out = [r for r in out if index.gov[r] == gov]
    for value, column, names, level in (
        (district, index.dist, "dist_name", "district"),
        (subdistrict, index.sub, "sub_name", "subdistrict"),
    ):
        if value is None:
            continue
        if not isinstance(value, str) or not value.strip():
            raise InvalidQueryError(f"{level} must be a P-code or a name, got {value!r}")
        code = value.strip().upper()
        if code.startswith("SY"):
            keep = [r for r in out if column[r] == code]
        else:
            wanted = fold(value)
            labels = index.file.column("places", names)
            keep = [r for r in out if labels[r] is not None and fold(labels[r]) == wanted]
        if not keep and not any((column[r] == code) for r in rows):
            raise InvalidQueryError(f"no {level} {value!r} in this index (give its OCHA P-code or its name)")
        out = keep
    if kind is not None:
        kinds = kinds_of(kind)
        if kinds is not None:
            out = [r for r in out if index.kind[r] in kinds]
    return sorted(out, key=index.ids.__getitem__)


#: The place columns of tables (:func:`places_table`, ``resolve_many``): name and Arrow type name.
PLACE_FIELDS: tuple[tuple[str, str], ...] = (
    ("id", "string"),
    ("name", "string"),
    ("name_ar", "string"),
    ("kind", "string"),
    ("lat", "float64"),
    ("lon", "float64"),
    ("governorate", "string"),
    ("governorate_pcode", "string"),
    ("district_pcode", "string"),
    ("subdistrict_pcode", "string"),
    ("pcode", "string"),
    ("geonames_id", "int64"),
)


def place_row(p: Place | None) -> dict[str, Any]:
    """The values of :data:`PLACE_FIELDS` for a place (all None for no place)."""
    if p is None:
        return dict.fromkeys(name for name, _ in PLACE_FIELDS)
    return {
        "id": p.id,
        "name": p.name,
        "name_ar": p.name_ar,
        "kind": p.kind,
        "lat": p.lat,
        "lon": p.lon,
        "governorate": p.governorate.name,
        "governorate_pcode": p.governorate.pcode,
        "district_pcode": p.district.pcode if p.district else None,
        "subdistrict_pcode": p.subdistrict.pcode if p.subdistrict else None,
        "pcode": p.pcode,
        "geonames_id": p.geonames_id,
    }


def places_table(places: Sequence[Place]) -> Any:
    """A pyarrow Table of places, one row each, with the columns of :data:`PLACE_FIELDS`."""
    import pyarrow as pa

    schema = pa.schema([(name, getattr(pa, kind)()) for name, kind in PLACE_FIELDS])
    rows = [place_row(p) for p in places]
    return pa.Table.from_pydict({name: [r[name] for r in rows] for name, _ in PLACE_FIELDS}, schema=schema)
