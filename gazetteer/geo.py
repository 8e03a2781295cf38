"""Distances on the WGS84 ellipsoid, projections, and coordinate checks; always ``lat``/``lon`` order.

* :func:`distance_m` is the distance on the WGS84 ellipsoid (Andoyer-Lambert,
  pure Python: no import cost on the query path; a test checks it against
  pyproj's exact geodesic: within 2 mm per km).
* :func:`fast_distance_m` is the great-circle distance on a sphere of the
  WGS84 mean radius: within 0.5 % of the geodesic, for thresholds and ranking.
* :func:`distances_m` (many points at once) and :func:`project` use pyproj,
  imported on first use: the build and GIS output, not the query path.

pyproj's :meth:`pyproj.Geod.inv` and transformers take longitude first; this
module is the only place that calls them, so the rest of the library says
``lat=``/``lon=``.

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
from typing import TYPE_CHECKING, Any

from .errors import InvalidQueryError

if TYPE_CHECKING:
    from pyproj import Geod

__all__ = [
    "EARTH_RADIUS_M",
    "SYRIA_BBOX",
    "check_latlon",
    "distance_m",
    "distances_m",
    "fast_distance_m",
    "in_syria",
    "project",
]

#: A generous bounding box around Syria: (min_lat, min_lon, max_lat, max_lon).
SYRIA_BBOX: tuple[float, float, float, float] = (32.0, 35.4, 37.6, 42.6)
#: WGS84 semi-major axis and flattening.
_A = 6_378_137.0
_F = 1 / 298.257223563
_B = _A * (1 - _F)  # semi-minor axis
#: Mean radius of the WGS84 ellipsoid, (2a + b) / 3.
EARTH_RADIUS_M = (2 * _A + _B) / 3


@cache
def _geod() -> Geod:
    """The WGS84 ellipsoid (pyproj is imported on first use, not at ``import gazetteer``)."""
    from pyproj import Geod

    return Geod(ellps="WGS84")


def fast_distance_m(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in metres (haversine on the mean radius).

    >>> round(fast_distance_m(33.5, 36.3, 33.6, 36.3))
    11120
    """
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_M * math.asin(min(1.0, math.sqrt(h)))


def distance_m(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Distance in metres between two WGS84 points on the ellipsoid (Andoyer-Lambert's formula).

    Within 2 mm per km of pyproj's exact geodesic (a test compares them), in pure Python.

    >>> round(distance_m(33.5, 36.3, 33.6, 36.3))
    11091
    """
    b1 = math.atan((1 - _F) * math.tan(math.radians(lat1)))
    b2 = math.atan((1 - _F) * math.tan(math.radians(lat2)))
    p, q = (b1 + b2) / 2, (b2 - b1) / 2
    half_dl = math.radians(lon2 - lon1) / 2
    h = math.sin(q) ** 2 + math.cos(b1) * math.cos(b2) * math.sin(half_dl) ** 2
    sigma = 2 * math.asin(min(1.0, math.sqrt(h)))
    cos_half, sin_half = math.cos(sigma / 2), math.sin(sigma / 2)
    if sin_half < 1e-12:
        return 0.0
    if cos_half < 1e-9:  # antipodal: the formula degenerates, the sphere is close enough
        return fast_distance_m(lat1, lon1, lat2, lon2)
    x = (sigma - math.sin(sigma)) * (math.sin(p) * math.cos(q)) ** 2 / cos_half**2
    y = (sigma + math.sin(sigma)) * (math.cos(p) * math.sin(q)) ** 2 / sin_half**2
    return _A * (sigma - _F / 2 * (x + y))


def distances_m(lat: float, lon: float, lats: Sequence[float], lons: Sequence[float]) -> list[float]:
    """Geodesic distances in metres from one point to many (pyproj, vectorised; for builds).

    >>> [round(d) for d in distances_m(33.5, 36.3, [33.5, 33.6], [36.3, 36.3])]
    [0, 11091]
    """
    n = len(lats)
    if n == 0:
        return []
    _, _, dist = _geod().inv([lon] * n, [lat] * n, list(lons), list(lats))
    return [float(d) for d in dist]


@cache
def _transformer(crs: str) -> Any:
    from pyproj import CRS, Transformer
    from pyproj.exceptions import CRSError

    try:
        target = CRS.from_user_input(crs)
    except CRSError as e:
        raise InvalidQueryError(f"unknown coordinate reference system {crs!r} ({e})") from None
    return Transformer.from_crs("EPSG:4326", target, always_xy=True)


def project(
    lats: Sequence[float | None], lons: Sequence[float | None], crs: str
) -> tuple[list[float | None], list[float | None]]:
    """WGS84 points projected to ``crs`` (e.g. ``"EPSG:32637"``, UTM 37N): ``(xs, ys)``; None stays None.

    >>> xs, ys = project([34.84072], [36.73092], "EPSG:32637")
    >>> round(xs[0]), round(ys[0])
    (292523, 3857728)
    """
    if not isinstance(crs, str) or not crs.strip():
        raise InvalidQueryError(f"to_crs must name a coordinate reference system, got {crs!r}")
    transformer = _transformer(crs.strip())
    keep = [i for i, (la, lo) in enumerate(zip(lats, lons)) if la is not None and lo is not None]
    xs: list[float | None] = [None] * len(lats)
    ys: list[float | None] = [None] * len(lats)
    if keep:
        px, py = transformer.transform([lons[i] for i in keep], [lats[i] for i in keep])
        for i, x, y in zip(keep, px, py):
            xs[i], ys[i] = float(x), float(y)
    return xs, ys


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
