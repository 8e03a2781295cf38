"""Browsing: the places of a governorate, district or subdistrict, of some kinds, as objects or a table.

>>> from gazetteer import load
>>> rows = filter_rows(load().opened, governorate="Homs", district=None, subdistrict="SY040401", kind=None)
>>> sorted({load().opened.ids[r] for r in rows}) >= ["gn:163779"]
True
"""

from __future__ import annotations

import math
from collections.abc import Collection, Iterator, Sequence
from typing import Any

from .errors import InvalidQueryError
from .geo import check_latlon
from .kinds import KINDS, POPULATED_KINDS
from .model import Place
from .normalize import fold
from .opened import OpenedIndex
from .spatial import AdminOf, Nearby, SpatialIndex

__all__ = ["NEAREST_MAX_KM", "PLACE_FIELDS", "Browsing", "filter_rows", "kinds_of", "place_row", "places_table"]

#: How far :meth:`Browsing.nearest` looks by default, km: a point farther from every place is no
#: neighbour of one (a (0, 0) left by a missing coordinate is not "near" a Syrian town).
NEAREST_MAX_KM = 100.0


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


class Browsing:
    """The look-ups of a :class:`~gazetteer.resolve.Gazetteer` by id, by point and by admin unit."""

    opened: OpenedIndex
    _grid: SpatialIndex

    # -- places ----------------------------------------------------------------------------
    def place(self, place_id: object) -> Place | None:
        """The place with this id (``gn:163779``, ``pcode:SY04``, ``cur:mezzeh-airbase``...), or ``None``.

        >>> from gazetteer import load
        >>> load().place("gn:163779").name_ar
        'تلبيسة'
        """
        row = self.opened.row_of.get(place_id) if isinstance(place_id, str) else None
        return None if row is None else self.opened.place(row)

    def by_pcode(self, pcode: object) -> Place | None:
        """The place with this OCHA P-code (``SY04``, ``SY040401``, a community's ``C1234``), or ``None``.

        >>> from gazetteer import load
        >>> load().by_pcode("SY04").kind, load().by_pcode("SY040401").name
        ('governorate', 'Talbiseh')
        """
        if not isinstance(pcode, str):
            return None
        row = self.opened.rows_by_code()[0].get(pcode.strip().upper())
        return None if row is None else self.opened.place(row)

    def by_geonames_id(self, geonames_id: object) -> Place | None:
        """The place with this GeoNames id (an int or its decimal digits), or ``None``.

        >>> from gazetteer import load
        >>> load().by_geonames_id(163779).name, load().by_geonames_id("١٦٣٧٧٩").name, load().by_geonames_id("²")
        ('Talbiseh', 'Talbiseh', None)
        """
        if isinstance(geonames_id, bool):
            return None
        if isinstance(geonames_id, str) and geonames_id.strip().isdecimal():  # "²" is a digit, not decimal
            geonames_id = int(geonames_id.strip())
        if not isinstance(geonames_id, int):
            return None
        row = self.opened.rows_by_code()[1].get(geonames_id)
        return None if row is None else self.opened.place(row)

    def lookup_id(self, text: object) -> Place | None:
        """A place by any of its identifiers: an index id, an OCHA P-code or a GeoNames id.

        >>> from gazetteer import load
        >>> [load().lookup_id(x).name for x in ("gn:163779", "SY040401", "163779")]
        ['Talbiseh', 'Talbiseh', 'Talbiseh']
        """
        if not isinstance(text, str):
            return self.by_geonames_id(text)
        return self.place(text.strip()) or self.by_pcode(text) or self.by_geonames_id(text)

    def places(
        self,
        *,
        governorate: object = None,
        district: object = None,
        subdistrict: object = None,
        kind: str | Collection[str] | None = None,
    ) -> Iterator[Place]:
        """Every place, in id order, or those of a governorate, district, subdistrict and kind(s).

        ``governorate`` takes any spelling or code; ``district`` and ``subdistrict`` take an
        OCHA P-code or a name. Unknown values raise
        :class:`~gazetteer.errors.UnknownProvinceError` / :class:`~gazetteer.errors.InvalidQueryError`.

        >>> from gazetteer import load
        >>> towns = list(load().places(governorate="Homs", kind="town"))
        >>> all(p.governorate.name == "Homs" and p.kind == "town" for p in towns), len(towns) > 10
        (True, True)
        """
        rows = filter_rows(self.opened, governorate=governorate, district=district, subdistrict=subdistrict, kind=kind)
        for row in rows:
            yield self.opened.place(row)

    def places_table(
        self,
        *,
        governorate: object = None,
        district: object = None,
        subdistrict: object = None,
        kind: str | Collection[str] | None = None,
    ) -> Any:
        """:meth:`places` as a pyarrow Table, one row per place (the place columns of :meth:`resolve_many`)."""
        return places_table(list(self.places(governorate=governorate, district=district, subdistrict=subdistrict,
                                             kind=kind)))  # fmt: skip

    def nearest(
        self,
        lat: object,
        lon: object,
        *,
        k: int = 1,
        kind: str | Collection[str] | None = None,
        max_km: float | None = NEAREST_MAX_KM,
    ) -> list[Nearby]:
        """The ``k`` places nearest to a point, nearest first, with their geodesic distance.

        ``kind``: a kind, several, ``"any"``, or None for populated places (city, town,
        village). ``max_km`` drops places farther away (default :data:`NEAREST_MAX_KM`, so a point
        far from Syria, such as (0, 0) from a missing coordinate, gives ``[]``; ``None``: no limit).

        >>> from gazetteer import load
        >>> n = load().nearest(34.84, 36.73)[0]
        >>> n.place.name, round(n.distance_m)
        ('Talbiseh', 116)
        """
        lat_f, lon_f = check_latlon(lat, lon)
        if isinstance(k, bool) or not isinstance(k, int) or k < 1:
            raise InvalidQueryError(f"k must be a positive int, got {k!r}")
        kinds = kinds_of(kind)
        max_m = None
        if max_km is not None:
            if isinstance(max_km, bool) or not isinstance(max_km, (int, float)) or not max_km >= 0:
                raise InvalidQueryError(f"max_km must be a number >= 0, got {max_km!r}")
            max_m = float(max_km) * 1000.0 if max_km < 1e300 else math.inf  # 10**400 km: no float, no limit
        return self._spatial().nearest(lat_f, lon_f, min(k, 1000), kinds, max_m)

    def admin_of(self, lat: object, lon: object) -> AdminOf | None:
        """The governorate, district and subdistrict of a point, by the nearest subdistrict centre.

        An approximation until boundaries are available (see :mod:`gazetteer.spatial`);
        ``None`` for a point far from every centre (outside Syria).
        """
        lat_f, lon_f = check_latlon(lat, lon)
        return self._spatial().admin_of(lat_f, lon_f)

    def _spatial(self) -> SpatialIndex:
        spatial: SpatialIndex | None = getattr(self, "_grid", None)
        if spatial is None:
            spatial = SpatialIndex(self.opened)
            self._grid = spatial
        return spatial


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
