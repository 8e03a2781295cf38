"""The :class:`Gazetteer` façade: one opened index, a per-query cache, and the public methods.

It ties the stages together and adds nothing of its own: :mod:`gazetteer.lookup`
finds candidates, :mod:`gazetteer.rank` orders them, :mod:`gazetteer.bulk`
runs lists, tables and Arrow batches through :meth:`Gazetteer.resolve`.

>>> from gazetteer import load
>>> g = load()  # the default index
>>> g.resolve("Talbiseh", province="Homs").place.governorate.name
'Homs'
"""

from __future__ import annotations

import threading
import warnings
from collections.abc import Callable
from functools import lru_cache, partial
from pathlib import Path
from typing import Any

from . import governorates as govs
from .browse import Browsing
from .confidence import DEFAULT_MIN_CONFIDENCE, check_min_confidence
from .errors import InvalidQueryError, StaleIndexWarning
from .geo import check_latlon
from .index import IndexFile, read_index
from .lookup import adjective_forms, candidates_of_forms, check_query, query_forms
from .model import Match, PlaceMention
from .normalize import KEY_RULES, is_arabic
from .opened import OpenedIndex
from .paths import shipped_index_path
from .rank import Request, hints, rank

__all__ = ["Gazetteer", "open_index"]

#: Answers kept per Gazetteer (distinct mention, province, near=, limit).
CACHE_SIZE = 65_536


class Gazetteer(Browsing):
    """An opened index that resolves mentions. Thread-safe; picklable (it reopens by path).

    ``origin`` says how the index was chosen: ``"file"`` (a path), ``"GAZETTEER_INDEX"``,
    ``"user index"`` or ``"shipped"`` (the index inside the package).
    """

    def __init__(self, index: IndexFile, *, origin: str = "file") -> None:
        built_with = index.header.get("key_rules", 1)
        if built_with != KEY_RULES:
            warnings.warn(
                StaleIndexWarning(
                    f"{index.path} was built with name-key rules {built_with!r}, this gazetteer uses {KEY_RULES}: "
                    "spellings that only the new rules join will not match until it is rebuilt (gazetteer build)"
                ),
                stacklevel=3,
            )
        self.opened = OpenedIndex(index)
        self.origin = origin
        self._cached = lru_cache(maxsize=CACHE_SIZE)(self._candidates_uncached)

    # -- facts about the index -------------------------------------------------------------
    @property
    def index(self) -> IndexFile:
        """The index file (header, columns)."""
        return self.opened.file

    @property
    def path(self) -> str:
        """The index file's path."""
        return self.opened.path

    @property
    def header(self) -> dict[str, Any]:
        """The index header: format and data version, build time, sources, counts."""
        return self.opened.header

    @property
    def data_version(self) -> str:
        """The data version recorded at build time."""
        return str(self.header.get("data_version", "unknown"))

    def __len__(self) -> int:
        return len(self.opened)

    def __repr__(self) -> str:
        return f"<Gazetteer {len(self)} places, data {self.data_version}, {self.path}>"

    def __reduce__(self) -> tuple[Any, tuple[Any, ...]]:
        return (_reopen, (self.path, self.origin))

    def clear_cache(self) -> None:
        """Forget cached answers and built places (benchmarks measure first-seen queries)."""
        self._cached.cache_clear()
        self.opened.clear_places()

    # -- queries ---------------------------------------------------------------------------
    def resolve(
        self,
        text: object,
        *,
        province: object = None,
        near: tuple[float, float] | None = None,
        strict_province: bool = False,
        min_confidence: float | None = None,
    ) -> Match | None:
        """The best place for a mention, or ``None`` when nothing matches well enough.

        ``province`` (any spelling or code of a governorate) is a constraint: a place
        inside it wins; when nothing inside matches, an exact or variant match in a
        neighbouring governorate may answer (``in_province=False``) unless
        ``strict_province``. ``near=(lat, lon)`` favours places close to a point. The
        answer's :attr:`~gazetteer.model.Match.confidence` must reach ``min_confidence``
        (default :data:`~gazetteer.confidence.DEFAULT_MIN_CONFIDENCE`, chosen for 97 %
        precision): an ambiguous or weak match gives ``None`` rather than a wrong place.

        Raises :class:`~gazetteer.errors.InvalidQueryError` for what is not a mention
        (not a str, longer than :data:`~gazetteer.lookup.MAX_QUERY_CHARS`, bad ``near=``
        or ``min_confidence=``) and :class:`~gazetteer.errors.UnknownProvinceError` for a
        ``province=`` that names no governorate.
        """
        threshold = DEFAULT_MIN_CONFIDENCE if min_confidence is None else check_min_confidence(min_confidence)
        found = self._matches(text, province, near, 1, strict_province)
        return found[0] if found and found[0].confidence >= threshold else None

    def candidates(
        self,
        text: object,
        *,
        province: object = None,
        near: tuple[float, float] | None = None,
        limit: int = 5,
        strict_province: bool = False,
        min_confidence: float = 0.0,
    ) -> list[Match]:
        """The best ``limit`` places for a mention, best first, each with its confidence (``[]`` when none).

        Unlike :meth:`resolve`, every candidate is listed by default (``min_confidence=0``).
        """
        threshold = check_min_confidence(min_confidence)
        if isinstance(limit, bool) or not isinstance(limit, int) or limit < 1:
            raise InvalidQueryError(f"limit must be a positive int, got {limit!r}")
        return [m for m in self._matches(text, province, near, limit, strict_province) if m.confidence >= threshold]

    def _matches(self, text: object, province: object, near: object, limit: int, strict: object) -> tuple[Match, ...]:
        query = check_query(text)
        gov = None if province is None else govs.find(province).pcode
        if not isinstance(strict, bool):
            raise InvalidQueryError(f"strict_province must be True or False, got {strict!r}")
        where = None
        if near is not None:
            if not isinstance(near, (tuple, list)) or len(near) != 2:
                raise InvalidQueryError(f"near must be a (lat, lon) pair, got {near!r}")
            where = check_latlon(near[0], near[1])
        if not query:
            return ()
        return self._cached(query, gov, where, min(limit, 100), strict)

    def _candidates_uncached(
        self, query: str, gov: str | None, near: tuple[float, float] | None, limit: int, strict: bool
    ) -> tuple[Match, ...]:
        forms, mentions = query_forms(query)
        kind_hint, province_hint = hints(mentions)
        plain = limit == 1 and near is None and not kind_hint and not province_hint
        fuller = adjective_forms(mentions)  # "بلدة البويضة الشرقية": the village of that name, if one is
        found = candidates_of_forms(self.opened, forms, gov=gov, plain=plain, exact_forms=fuller)
        request = Request(gov, near, limit, strict, arabic=is_arabic(query))
        return rank(self.opened, found, mentions, request)

    # -- text ------------------------------------------------------------------------------
    def geoparse(
        self,
        text: object,
        *,
        province: object = None,
        near: tuple[float, float] | None = None,
        min_confidence: float | None = None,
    ) -> list[PlaceMention]:
        """Every place mention of a text, in text order, resolved with the document as context.

        See :mod:`gazetteer.geoparsing`. ``province`` and ``near`` apply to every mention;
        each mention's ``match`` reaches ``min_confidence`` (default as :meth:`resolve`).

        >>> from gazetteer import load
        >>> [m.text for m in load().geoparse("Clashes in Talbiseh, Homs.")]
        ['Talbiseh', 'Homs']
        """
        from .geoparsing import geoparse

        return geoparse(self, text, province=province, near=near, min_confidence=min_confidence)

    def geoparse_many(
        self, texts: Any, *, ids: Any = None, province: object = None, min_confidence: float | None = None
    ) -> Any:
        """Geoparse many texts into one pyarrow Table, a row per mention (``doc_id`` = ``ids[i]`` or ``i``)."""
        from .geoparsing import geoparse_table

        return geoparse_table(self.geoparse, texts, ids=ids, province=province, min_confidence=min_confidence)

    # -- bulk ------------------------------------------------------------------------------
    def resolve_many(
        self,
        mentions: Any,
        *,
        province: Any = None,
        column: str = "mention",
        province_column: str | None = None,
        strict_province: bool = False,
        min_confidence: float | None = None,
        to_crs: str | None = None,
    ) -> Any:
        """Resolve many mentions into a pyarrow Table, one row per input row (repeats resolved once).

        See :func:`gazetteer.bulk.resolve_many` for the accepted inputs and the columns;
        ``strict_province`` and ``min_confidence`` apply to every row as in :meth:`resolve`;
        ``to_crs`` adds ``x``/``y`` projected columns.

        >>> from gazetteer import load
        >>> t = load().resolve_many(["Talbiseh", "Talbiseh", "", 42])
        >>> t.column("geonames_id").to_pylist()[:3], t.column("error").to_pylist()[3]
        ([163779, 163779, None], 'a mention must be a str, got int')
        """
        from .bulk import resolve_many

        return resolve_many(
            self._resolver(strict_province, min_confidence), mentions, province=province, column=column,
            province_column=province_column, to_crs=to_crs,
        )  # fmt: skip

    def resolve_batches(
        self,
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
        """Resolve a stream of Arrow record batches: a ``pyarrow.RecordBatchReader`` of input plus result columns.

        See :func:`gazetteer.bulk.resolve_batches` (Spark ``mapInArrow``, DuckDB, Polars: docs/pipelines.md).

        >>> import pyarrow as pa
        >>> from gazetteer import load
        >>> t = pa.table({"event": [1, 2], "mention": ["Talbiseh", "Xqzzy"]})
        >>> load().resolve_batches(t).read_all().select(["event", "id"]).to_pylist()
        [{'event': 1, 'id': 'gn:163779'}, {'event': 2, 'id': None}]
        """
        from .bulk import resolve_batches

        return resolve_batches(
            self._resolver(strict_province, min_confidence), batches, mention=mention, province=province,
            default_province=default_province, near=near, prefix=prefix,
        )  # fmt: skip

    def _resolver(self, strict_province: bool, min_confidence: float | None) -> Callable[..., Match | None]:
        """:meth:`resolve` with the options every row of a bulk call shares, checked once here."""
        if not isinstance(strict_province, bool):
            raise InvalidQueryError(f"strict_province must be True or False, got {strict_province!r}")
        if min_confidence is not None:
            check_min_confidence(min_confidence)
        if not strict_province and min_confidence is None:
            return self.resolve
        return partial(self.resolve, strict_province=strict_province, min_confidence=min_confidence)


_reopen_lock = threading.Lock()
_reopened: dict[tuple[str, str], Gazetteer] = {}


def open_index(path: str | Path, origin: str = "file") -> Gazetteer:
    """Open an index file as a :class:`Gazetteer`."""
    return Gazetteer(read_index(path), origin=origin)


def _reopen(path: str, origin: str) -> Gazetteer:
    """Unpickle a :class:`Gazetteer`: the same file opened in this process (once per process).

    The shipped index is the one of this installation, wherever it lives, so a pickled
    default reaches a worker on another machine without any file being copied.
    """
    if origin == "shipped":
        path = str(shipped_index_path())
    key = (path, origin)
    with _reopen_lock:
        g = _reopened.get(key)
        if g is None:
            g = _reopened[key] = open_index(path, origin)
        return g
