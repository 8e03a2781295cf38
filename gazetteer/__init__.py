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
gazetteer`` itself reads no data.
"""

from __future__ import annotations

from typing import Any

from ._version import __version__
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
from .model import AdminRef, Match, Name, Place, SourceRef
from .paths import ENV_VAR
from .resolve import Gazetteer

__all__ = [
    "ENV_VAR",
    "KINDS",
    "MAX_QUERY_CHARS",
    "AdminRef",
    "CorruptIndexError",
    "Gazetteer",
    "GazetteerError",
    "IndexFileError",
    "InvalidQueryError",
    "Match",
    "Name",
    "Place",
    "SourceFormatError",
    "SourceRef",
    "StaleIndexWarning",
    "UnknownProvinceError",
    "__version__",
    "candidates",
    "load",
    "resolve",
    "resolve_batches",
    "resolve_many",
]


def resolve(text: object, *, province: object = None, near: tuple[float, float] | None = None) -> Match | None:
    """The best place for a mention in the default index, or ``None``. See :meth:`Gazetteer.resolve`."""
    return load().resolve(text, province=province, near=near)


def candidates(
    text: object, *, province: object = None, near: tuple[float, float] | None = None, limit: int = 5
) -> list[Match]:
    """The best ``limit`` places for a mention, best first. See :meth:`Gazetteer.candidates`."""
    return load().candidates(text, province=province, near=near, limit=limit)


def resolve_many(
    mentions: Any, *, province: Any = None, column: str = "mention", province_column: str | None = None
) -> Any:
    """Resolve many mentions into a pyarrow Table. See :meth:`Gazetteer.resolve_many`."""
    return load().resolve_many(mentions, province=province, column=column, province_column=province_column)


def resolve_batches(
    batches: Any,
    *,
    mention: str = "mention",
    province: str | None = None,
    default_province: str | None = None,
    near: tuple[float, float] | None = None,
    prefix: str = "",
) -> Any:
    """Resolve a stream of Arrow record batches with the default index. See :meth:`Gazetteer.resolve_batches`.

    Hand it as it is to Spark's ``mapInArrow`` (each worker opens its own default index).
    """
    return load().resolve_batches(
        batches, mention=mention, province=province, default_province=default_province, near=near, prefix=prefix
    )
