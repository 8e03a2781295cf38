"""Geodesic distances on WGS84 (pyproj), always in ``lat``/``lon`` order.

pyproj's :meth:`pyproj.Geod.inv` takes longitudes first; this module is the
only place that calls it, so the rest of the library can say ``lat=``/``lon=``.

>>> round(distance_m(34.84072, 36.73092, 34.87722, 36.78354) / 1000, 1)
6.3
>>> check_latlon(91.0, 0.0)
Traceback (most recent call last):
...
gazetteer.errors.InvalidQueryError: latitude must be a finite number in [-90, 90], got 91.0
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from functools import cache
from typing import TYPE_CHECKING

from .errors import InvalidQueryError

if TYPE_CHECKING:
    from pyproj import Geod

__all__ = ["SYRIA_BBOX", "check_latlon", "distance_m", "distances_m", "in_syria"]


@cache
def _geod() -> Geod:
    """The WGS84 ellipsoid (pyproj is imported on first use, not at ``import gazetteer``)."""
    from pyproj import Geod

    return Geod(ellps="WGS84")


#: A generous bounding box around Syria: (min_lat, min_lon, max_lat, max_lon).
SYRIA_BBOX: tuple[float, float, float, float] = (32.0, 35.4, 37.6, 42.6)


def distance_m(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Geodesic distance in metres between two WGS84 points."""
    _, _, dist = _geod().inv(lon1, lat1, lon2, lat2)
    return float(dist)


def distances_m(lat: float, lon: float, lats: Sequence[float], lons: Sequence[float]) -> list[float]:
    """Geodesic distances in metres from one point to many (vectorised).

    >>> [round(d) for d in distances_m(33.5, 36.3, [33.5, 33.6], [36.3, 36.3])]
    [0, 11091]
    """
    n = len(lats)
    if n == 0:
        return []
    _, _, dist = _geod().inv([lon] * n, [lat] * n, list(lons), list(lats))
    return [float(d) for d in dist]


def check_latlon(lat: object, lon: object) -> tuple[float, float]:
    """Return ``(lat, lon)`` as floats, or raise :class:`InvalidQueryError`."""
    out = []
    for value, name, bound in ((lat, "latitude", 90.0), (lon, "longitude", 180.0)):
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise InvalidQueryError(f"{name} must be a number, got {type(value).__name__}")
        try:
            f = float(value)
        except OverflowError:
            f = math.inf
        if not math.isfinite(f) or abs(f) > bound:
            shown = repr(value) if len(repr(value)) <= 40 else repr(value)[:37] + "..."
            raise InvalidQueryError(f"{name} must be a finite number in [-{bound:g}, {bound:g}], got {shown}")
        out.append(f)
    return out[0], out[1]


def in_syria(lat: float, lon: float) -> bool:
    """Whether a point lies in the bounding box :data:`SYRIA_BBOX`.

    >>> in_syria(34.73, 36.71), in_syria(36.71, 34.73)
    (True, False)
    """
    min_lat, min_lon, max_lat, max_lon = SYRIA_BBOX
    return min_lat <= lat <= max_lat and min_lon <= lon <= max_lon
