"""gazetteer: an offline, bilingual (Arabic/English) gazetteer and place-name resolver for Syria.

>>> import gazetteer
>>> m = gazetteer.resolve("Talbiseh", province="Homs")
>>> m.place.name_ar, m.place.governorate.name, m.place.geonames_id
('تلبيسة', 'Homs', 163779)
>>> gazetteer.resolve("تلبيسة").place.id == m.place.id
True
>>> gazetteer.resolve("Xqzzy") is None
True

Module-level functions use the default index (see :func:`load`); ``import
gazetteer`` itself opens no index.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from ._version import __version__
from .browse import NEAREST_MAX_KM
from .confidence import DEFAULT_MIN_CONFIDENCE
from .default import load
from .errors import (
    CorruptIndexError,
    GazetteerError,
    IndexFileError,
    InvalidQueryError,
    SourceFormatError,
    StaleIndexWarning,
    UnknownProvinceError,
)
from .kinds import KINDS
from .lookup import MAX_QUERY_CHARS
from .model import AdminRef, Match, Name, Place, PlaceMention, SourceRef
from .paths import ENV_VAR
from .resolve import Gazetteer
from .spatial import AdminOf, Nearby

__all__ = [
    "DEFAULT_MIN_CONFIDENCE",
    "ENV_VAR",
    "KINDS",
    "MAX_QUERY_CHARS",
    "AdminOf",
    "AdminRef",
    "CorruptIndexError",
    "Gazetteer",
    "GazetteerError",
    "IndexFileError",
    "InvalidQueryError",
    "Match",
    "Name",
    "Nearby",
    "Place",
    "PlaceMention",
    "SourceFormatError",
    "SourceRef",
    "StaleIndexWarning",
    "UnknownProvinceError",
    "__version__",
    "admin_of",
    "by_geonames_id",
    "by_pcode",
    "candidates",
    "geoparse",
    "geoparse_many",
    "load",
    "nearest",
    "place",
    "places",
    "resolve",
    "resolve_batches",
    "resolve_many",
]


def resolve(
    text: object,
    *,
    province: object = None,
    near: tuple[float, float] | None = None,
    strict_province: bool = False,
    min_confidence: float | None = None,
) -> Match | None:
    """The best place for a mention in the default index, or ``None``. See :meth:`Gazetteer.resolve`."""
    return load().resolve(
        text, province=province, near=near, strict_province=strict_province, min_confidence=min_confidence
    )


def candidates(
    text: object,
    *,
    province: object = None,
    near: tuple[float, float] | None = None,
    limit: int = 5,
    strict_province: bool = False,
    min_confidence: float = 0.0,
) -> list[Match]:
    """The best ``limit`` places for a mention, best first. See :meth:`Gazetteer.candidates`."""
    return load().candidates(
        text, province=province, near=near, limit=limit, strict_province=strict_province, min_confidence=min_confidence
    )


def resolve_many(
    mentions: Any,
    *,
    province: Any = None,
    column: str = "mention",
    province_column: str | None = None,
    strict_province: bool = False,
    min_confidence: float | None = None,
    to_crs: str | None = None,
) -> Any:
    """Resolve many mentions into a pyarrow Table. See :meth:`Gazetteer.resolve_many`."""
    return load().resolve_many(
        mentions, province=province, column=column, province_column=province_column,
        strict_province=strict_province, min_confidence=min_confidence, to_crs=to_crs,
    )  # fmt: skip


def geoparse(
    text: object,
    *,
    province: object = None,
    near: tuple[float, float] | None = None,
    min_confidence: float | None = None,
) -> list[PlaceMention]:
    """Every place mention of a text, resolved with the document as context. See :meth:`Gazetteer.geoparse`."""
    return load().geoparse(text, province=province, near=near, min_confidence=min_confidence)


def geoparse_many(texts: Any, *, ids: Any = None, province: object = None, min_confidence: float | None = None) -> Any:
    """Geoparse many texts into a pyarrow Table. See :meth:`Gazetteer.geoparse_many`."""
    return load().geoparse_many(texts, ids=ids, province=province, min_confidence=min_confidence)


def place(place_id: object) -> Place | None:
    """The place with this id in the default index. See :meth:`Gazetteer.place`."""
    return load().place(place_id)


def by_pcode(pcode: object) -> Place | None:
    """The place with this OCHA P-code. See :meth:`Gazetteer.by_pcode`."""
    return load().by_pcode(pcode)


def by_geonames_id(geonames_id: object) -> Place | None:
    """The place with this GeoNames id. See :meth:`Gazetteer.by_geonames_id`."""
    return load().by_geonames_id(geonames_id)


def places(
    *, governorate: object = None, district: object = None, subdistrict: object = None, kind: Any = None
) -> Iterator[Place]:
    """Every place, or those of an admin unit and kind(s). See :meth:`Gazetteer.places`."""
    return load().places(governorate=governorate, district=district, subdistrict=subdistrict, kind=kind)


def nearest(
    lat: object, lon: object, *, k: int = 1, kind: Any = None, max_km: float | None = NEAREST_MAX_KM
) -> list[Nearby]:
    """The places nearest to a point. See :meth:`Gazetteer.nearest`."""
    return load().nearest(lat, lon, k=k, kind=kind, max_km=max_km)


def admin_of(lat: object, lon: object) -> AdminOf | None:
    """The admin units of a point (approximate). See :meth:`Gazetteer.admin_of`."""
    return load().admin_of(lat, lon)


def resolve_batches(
    batches: Any,
    *,
    mention: str = "mention",
    province: str | None = None,
    default_province: str | None = None,
    near: tuple[float, float] | None = None,
    prefix: str = "",
    strict_province: bool = False,
    min_confidence: float | None = None,
) -> Any:
    """Resolve a stream of Arrow record batches with the default index. See :meth:`Gazetteer.resolve_batches`.

    Hand it as it is to Spark's ``mapInArrow`` (each worker opens its own default index).
    """
    return load().resolve_batches(
        batches, mention=mention, province=province, default_province=default_province, near=near, prefix=prefix,
        strict_province=strict_province, min_confidence=min_confidence,
    )  # fmt: skip
