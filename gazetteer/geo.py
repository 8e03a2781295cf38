"""Distances on the WGS84 ellipsoid, projections, and coordinate checks; always ``lat``/``lon`` order.

* :func:`distance_m` is the geodesic distance on WGS84 (Vincenty's inverse
  formula, pure Python: no import cost on the query path; a test checks it
  against pyproj's ``Geod`` to the millimetre).
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
_B = _A * (1 - _F)
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
    """Geodesic distance in metres between two WGS84 points (Vincenty's inverse formula).

    Falls back to :func:`fast_distance_m` for nearly antipodal points, where the
    iteration does not converge.

    >>> round(distance_m(33.5, 36.3, 33.6, 36.3))
    11091
    """
    if lat1 == lat2 and lon1 == lon2:
        return 0.0
    u1 = math.atan((1 - _F) * math.tan(math.radians(lat1)))
    u2 = math.atan((1 - _F) * math.tan(math.radians(lat2)))
    sin_u1, cos_u1, sin_u2, cos_u2 = math.sin(u1), math.cos(u1), math.sin(u2), math.cos(u2)
    big_l = math.radians(lon2 - lon1)
    lam = big_l
    for _ in range(100):
        sin_lam, cos_lam = math.sin(lam), math.cos(lam)
        sin_sigma = math.hypot(cos_u2 * sin_lam, cos_u1 * sin_u2 - sin_u1 * cos_u2 * cos_lam)
        if sin_sigma == 0.0:
            return 0.0
        cos_sigma = sin_u1 * sin_u2 + cos_u1 * cos_u2 * cos_lam
        sigma = math.atan2(sin_sigma, cos_sigma)
        sin_alpha = cos_u1 * cos_u2 * sin_lam / sin_sigma
        cos2_alpha = 1 - sin_alpha * sin_alpha
        cos_2sm = cos_sigma - 2 * sin_u1 * sin_u2 / cos2_alpha if cos2_alpha else 0.0
        c = _F / 16 * cos2_alpha * (4 + _F * (4 - 3 * cos2_alpha))
        previous = lam
        lam = big_l + (1 - c) * _F * sin_alpha * (
            sigma + c * sin_sigma * (cos_2sm + c * cos_sigma * (-1 + 2 * cos_2sm * cos_2sm))
        )
        if abs(lam - previous) < 1e-12:
            break
    else:
        return fast_distance_m(lat1, lon1, lat2, lon2)
    u_sq = cos2_alpha * (_A * _A - _B * _B) / (_B * _B)
    a = 1 + u_sq / 16384 * (4096 + u_sq * (-768 + u_sq * (320 - 175 * u_sq)))
    b = u_sq / 1024 * (256 + u_sq * (-128 + u_sq * (74 - 47 * u_sq)))
    delta = (
        b
        * sin_sigma
        * (
            cos_2sm
            + b
            / 4
            * (cos_sigma * (-1 + 2 * cos_2sm**2) - b / 6 * cos_2sm * (-3 + 4 * sin_sigma**2) * (-3 + 4 * cos_2sm**2))
        )
    )
    return _B * a * (sigma - delta)


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
