"""Look-ups by point: the nearest places, and the admin units a coordinate falls in.

A grid of 0.1° cells over the index's places (built once, on first use: a few
milliseconds) answers :func:`nearest` by searching rings of cells outwards, so a
query reads a handful of cells, not every place. Candidates are ordered by
great-circle distance and the reported distances are geodesic (WGS84).

:func:`admin_of` has no boundaries to test against: it takes the governorate,
district and subdistrict of the nearest subdistrict centre (the seat town when
the index merged them, else the unit's centroid). That rule agrees with GeoNames'
admin1 for 288 of 290 populated places (``../shared/DATA_AUDIT.md``); near a
border it can be wrong, which the result says (``method``, ``distance_m``).

>>> from gazetteer import load
>>> g = load()
>>> [n.place.name for n in g.nearest(34.84, 36.73)]
['Talbiseh']
>>> g.admin_of(34.84, 36.73).subdistrict.pcode
'SY040401'
"""

from __future__ import annotations

import _thread
import heapq
import math
from collections.abc import Collection, Iterator
from functools import lru_cache
from typing import NamedTuple

from .geo import SYRIA_BBOX, distance_m, fast_distance_m
from .kinds import POPULATED_KINDS
from .model import AdminRef, Place
from .opened import OpenedIndex

__all__ = ["ADMIN_OF_MAX_M", "AdminOf", "Nearby", "SpatialIndex"]

_CELL = 0.2  # degrees: 22 km; rings grow over the desert, cells stay small in cities
_POPULATED_CELL = 0.3  # the populated places alone are sparser: larger cells, fewer rings over the desert
#: Squared plane distances within this factor may swap on the ellipsoid (the plane's error, from
#: the latitude's cosine and the ellipsoid's two radii, stays under 1.5 % of a distance within a few
#: cells): such candidates are measured on the ellipsoid, and the search goes on until it holds.
_PLANE_MARGIN = 1.05
#: admin_of answers None for a point farther than this from every subdistrict centre (outside Syria).
ADMIN_OF_MAX_M = 60_000.0


class Nearby(NamedTuple):
    """A place near a point."""

    place: Place
    distance_m: float  #: geodesic distance from the point, metres


class AdminOf(NamedTuple):
    """The admin units of a point, by the nearest subdistrict centre (an approximation: no boundaries)."""

    governorate: AdminRef
    district: AdminRef | None
    subdistrict: AdminRef | None
    centre: Place  #: the subdistrict centre that decided (a seat town or a unit's centroid)
    distance_m: float  #: from the point to that centre, metres
    method: str = "nearest subdistrict centre"


class SpatialIndex:
    """A grid over the places of one opened index."""

    def __init__(self, index: OpenedIndex) -> None:
        self.index = index
        self._cells: dict[tuple[int, int], list[int]] | None = None
        self._populated: dict[tuple[int, int], list[int]] = {}
        self._extent = (0, 0, 0, 0)
        self._populated_extent = (0, 0, 0, 0)
        self._centres: list[int] | None = None
        self._lock = _thread.allocate_lock()  # threading.Lock, without importing threading

    def _grid(self) -> dict[tuple[int, int], list[int]]:
        cells = self._cells
        if cells is None:
            with self._lock:
                if self._cells is None:
                    built: dict[tuple[int, int], list[int]] = {}
                    populated: dict[tuple[int, int], list[int]] = {}
                    kind = self.index.kind
                    for row, (lat, lon) in enumerate(zip(self.index.lat, self.index.lon)):
                        built.setdefault(_cell(lat, lon), []).append(row)
                        if kind[row] in POPULATED_KINDS:
                            populated.setdefault(_cell(lat, lon, _POPULATED_CELL), []).append(row)
                    self._extent = _extent(built) if built else (0, 0, 0, 0)
                    self._populated_extent = _extent(populated) if populated else (0, 0, 0, 0)
                    self._populated = populated  # set before the cells, which tell another thread both are ready
                    self._cells = built
                cells = self._cells
        return cells

    def nearest(
        self, lat: float, lon: float, k: int = 1, kinds: Collection[str] | None = POPULATED_KINDS,
        max_m: float | None = None,
    ) -> list[Nearby]:  # fmt: skip
        """The ``k`` places of ``kinds`` (all kinds when None) nearest to a point, within ``max_m``."""
        grid = self._grid()
        if not grid:
            return []
        size = _CELL
        lo_i, hi_i, lo_j, hi_j = self._extent
        if kinds == POPULATED_KINDS:
            # the default: a grid of populated places only, in larger cells (they are sparser)
            grid, kinds, size = self._populated, None, _POPULATED_CELL
            lo_i, hi_i, lo_j, hi_j = self._populated_extent
        kind, lats, lons = self.index.kind, self.index.lat, self.index.lon
        found: list[tuple[float, int]] = []
        ci, cj = _cell(*_clamp(lat, lon), size)
        # Candidates are ranked in a local plane (degrees of latitude; longitude scaled by the
        # cosine of the latitude): cheap, and within a fraction of a percent of the sphere at
        # these distances; the few closest are then measured on the ellipsoid.
        scale = math.cos(math.radians(lat))
        ring = 0
        get = grid.get
        while True:
            for rows in [get((ci + di, cj + dj)) for di, dj in _ring_offsets(ring)]:
                for row in rows or ():
                    if kinds is None or kind[row] in kinds:
                        dy, dx = lats[row] - lat, (lons[row] - lon) * scale
                        found.append((dy * dy + dx * dx, row))
            # every unseen place lies outside the square of cells searched so far: at least the
            # point's distance to that square's nearest side away (in the same plane), less a margin
            # that keeps the ellipsoid's re-ranking below exact
            side = min(lat - (ci - ring) * size, (ci + ring + 1) * size - lat,
                       (lon - (cj - ring) * size) * scale, ((cj + ring + 1) * size - lon) * scale)  # fmt: skip
            bound = max(0.0, side) ** 2 / _PLANE_MARGIN
            enough = len(found) >= k and (min(found) if k == 1 else heapq.nsmallest(k, found)[-1])[0] <= bound
            beyond = max_m is not None and bound >= (max_m / 110_000.0) ** 2
            outside = ci - ring <= lo_i and ci + ring >= hi_i and cj - ring <= lo_j and cj + ring >= hi_j
            if enough or beyond or outside:
                break
            ring += 1
        found.sort()
        # Re-rank on the ellipsoid where the plane could have swapped two places.
        cut = k
        while cut < len(found) and found[cut][0] <= found[k - 1][0] * _PLANE_MARGIN:
            cut += 1
        out = []
        for _, row in found[:cut]:
            d = distance_m(lat, lon, lats[row], lons[row])
            if max_m is None or d <= max_m:
                out.append(Nearby(self.index.place(row), d))
        out.sort(key=lambda n: (n.distance_m, n.place.id))
        return out[:k]

    def _subdistrict_centres(self) -> list[int]:
        centres = self._centres
        if centres is None:
            o = self.index
            chosen: dict[str, int] = {}
            for row, (kind, pcode) in enumerate(zip(o.kind, o.pcode)):
                if kind == "subdistrict" and pcode:
                    chosen.setdefault(pcode, row)
            for row, (kind, pcode) in enumerate(zip(o.kind, o.pcode)):
                # a town that carries its subdistrict's P-code is that subdistrict's centre
                if kind in POPULATED_KINDS and pcode and len(pcode) == 8 and pcode.startswith("SY"):
                    chosen[pcode] = row
            centres = self._centres = sorted(chosen.values())
        return centres

    def admin_of(self, lat: float, lon: float) -> AdminOf | None:
        """The admin units of a point (see the module docs), or None farther than ADMIN_OF_MAX_M from any centre."""
        centres = self._subdistrict_centres()
        if not centres:
            return None
        o = self.index
        best = min(centres, key=lambda r: fast_distance_m(lat, lon, o.lat[r], o.lon[r]))
        d = distance_m(lat, lon, o.lat[best], o.lon[best])
        if d > ADMIN_OF_MAX_M:
            return None
        place = o.place(best)
        return AdminOf(place.governorate, place.district, place.subdistrict, place, d)


def _cell(lat: float, lon: float, size: float = _CELL) -> tuple[int, int]:
    return (math.floor(lat / size), math.floor(lon / size))


def _ring_cells(ci: int, cj: int, ring: int) -> Iterator[tuple[int, int]]:
    """The cells on the square ring ``ring`` cells away from ``(ci, cj)`` (only the centre for 0).

    >>> sorted(_ring_cells(0, 0, 1)) == sorted((i, j) for i in (-1, 0, 1) for j in (-1, 0, 1) if (i, j) != (0, 0))
    True
    """
    if ring == 0:
        yield ci, cj
        return
    for j in range(cj - ring, cj + ring + 1):
        yield ci - ring, j
        yield ci + ring, j
    for i in range(ci - ring + 1, ci + ring):
        yield i, cj - ring
        yield i, cj + ring


@lru_cache(maxsize=256)
def _ring_offsets(ring: int) -> tuple[tuple[int, int], ...]:
    """:func:`_ring_cells` around ``(0, 0)``, kept: the search adds them to its cell."""
    return tuple(_ring_cells(0, 0, ring))


def _clamp(lat: float, lon: float) -> tuple[float, float]:
    """A far-away point starts its search at the edge of Syria's box, not thousands of rings away."""
    min_lat, min_lon, max_lat, max_lon = SYRIA_BBOX
    return min(max(lat, min_lat), max_lat), min(max(lon, min_lon), max_lon)


def _extent(grid: dict[tuple[int, int], list[int]]) -> tuple[int, int, int, int]:
    rows = [i for i, _ in grid]
    cols = [j for _, j in grid]
    return min(rows), max(rows), min(cols), max(cols)
