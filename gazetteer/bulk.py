"""Bulk resolution: lists, pandas and Arrow in, Arrow out.

Every function here takes the resolve function it applies (a
:meth:`Gazetteer.resolve <gazetteer.resolve.Gazetteer.resolve>`), so this module
needs nothing above it. pyarrow is imported here, not on the single-query path.

>>> from gazetteer import load
>>> t = resolve_many(load().resolve, ["Talbiseh", "تلبيسة"])
>>> t.column("id").to_pylist()
['gn:163779', 'gn:163779']
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Any

import pyarrow as pa
import pyarrow.compute as pc

from .errors import GazetteerError, InvalidQueryError
from .model import Match

__all__ = ["RESULT_SCHEMA", "resolve_many"]

Resolver = Callable[..., "Match | None"]


def resolve_many(
    resolve: Resolver,
    mentions: Any,
    *,
    province: Any = None,
    column: str = "mention",
    province_column: str | None = None,
) -> pa.Table:
    """Resolve many mentions; one output row per input row, repeats resolved once.

    ``mentions`` is a list (or any iterable) of strings, a pyarrow
    ``Array``/``ChunkedArray``, a pandas ``Series``, or a pyarrow ``Table``
    / pandas ``DataFrame`` with a ``column`` of mentions (and optionally a
    ``province_column``). ``province`` is one province for all rows or a
    sequence aligned with the mentions. A bad mention or province gives a
    row with ``error`` set and no place; it never spoils the other rows.
    """
    texts, provinces = _bulk_inputs(mentions, province, column, province_column)
    m_codes, m_dict = _encode(texts)
    p_codes, p_dict = _encode(provinces) if provinces is not None else ([0] * len(m_codes), [None])
    width = len(p_dict) + 1
    combined = [(m + 1) * width + (p + 1) for m, p in zip(m_codes, p_codes)]
    unique = pa.array(combined, type=pa.int64()).unique()
    positions = pc.index_in(pa.array(combined, type=pa.int64()), value_set=unique)
    results: list[tuple[Match | None, str | None]] = []
    for code in unique.to_pylist():
        m, p = divmod(code, width)
        text = m_dict[m - 1] if m > 0 else None
        prov = p_dict[p - 1] if p > 0 else None
        try:
            if isinstance(text, _Bad):
                raise InvalidQueryError(text.reason)
            match = None if text is None else resolve(text, province=prov)
            results.append((match, None))
        except GazetteerError as e:
            results.append((None, str(e)))
    table = _results_table(results)
    out = table.take(positions)
    columns = {"mention": pa.array([_utf8(t) for t in texts], pa.string())}
    if provinces is not None:
        columns["province"] = pa.array([_utf8(p) for p in provinces], pa.string())
    for name in out.column_names:
        columns[name] = out.column(name)
    return pa.table(columns)


class _Bad:
    """A mention that is not a str (kept apart so it gets an error, not a match)."""

    __slots__ = ("reason",)

    def __init__(self, value: object) -> None:
        self.reason = f"a mention must be a str, got {type(value).__name__}"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, _Bad) and other.reason == self.reason

    def __hash__(self) -> int:
        return hash(self.reason)


def _as_list(values: Any, what: str) -> list[Any]:
    if isinstance(values, (pa.Array, pa.ChunkedArray)):
        if not (
            pa.types.is_string(values.type) or pa.types.is_large_string(values.type) or pa.types.is_null(values.type)
        ):
            if pa.types.is_dictionary(values.type) and (
                pa.types.is_string(values.type.value_type) or pa.types.is_large_string(values.type.value_type)
            ):
                return (
                    list(values.cast(pa.string()).to_pylist())
                    if isinstance(values, pa.Array)
                    else [v for chunk in values.chunks for v in chunk.cast(pa.string()).to_pylist()]
                )
            raise InvalidQueryError(f"{what} must be strings, got an Arrow column of {values.type}")
        return list(values.to_pylist())
    if isinstance(values, (str, bytes)):
        raise InvalidQueryError(f"{what} must be a sequence of strings, not a single {type(values).__name__}")
    if hasattr(values, "to_list") and hasattr(values, "dtype"):  # pandas Series
        values = values.to_list()
    try:
        return list(values)
    except TypeError:
        raise InvalidQueryError(f"{what} must be an iterable of strings, got {type(values).__name__}") from None


def _bulk_inputs(
    mentions: Any, province: Any, column: str, province_column: str | None
) -> tuple[list[Any], list[Any] | None]:
    if hasattr(mentions, "columns") and hasattr(mentions, "iloc"):  # pandas DataFrame
        mentions = pa.Table.from_pandas(mentions, preserve_index=False)
    if isinstance(mentions, pa.Table):
        if column not in mentions.column_names:
            raise InvalidQueryError(f"table has no column {column!r} (columns: {', '.join(mentions.column_names)})")
        if province_column is not None:
            if province_column not in mentions.column_names:
                raise InvalidQueryError(f"table has no column {province_column!r}")
            province = mentions.column(province_column)
        mentions = mentions.column(column)
    texts = [t if t is None or isinstance(t, str) else _Bad(t) for t in _as_list(mentions, "mentions")]
    if province is None:
        return texts, None
    if isinstance(province, str):
        return texts, [province] * len(texts)
    provinces = _as_list(province, "province")
    if len(provinces) != len(texts):
        raise InvalidQueryError(f"province has {len(provinces)} values for {len(texts)} mentions")
    return texts, provinces


def _utf8(value: Any) -> str | None:
    """A str that Arrow can hold (lone surrogates become U+FFFD), or None for a non-str."""
    if not isinstance(value, str):
        return None
    return value.encode("utf-8", "surrogatepass").decode("utf-8", "replace")


def _encode(values: Sequence[Any]) -> tuple[list[int], list[Any]]:
    """Codes (-1 for None) and the distinct values, in first-seen order."""
    seen: dict[tuple[str, Any], int] = {}
    distinct: list[Any] = []
    codes = []
    for v in values:
        if v is None:
            codes.append(-1)
            continue
        try:
            key: tuple[str, Any] = (type(v).__name__, v) if isinstance(v, (str, int, float)) else ("~", repr(v))
            hash(key)
        except TypeError:  # an unhashable object that is not a list/dict/set (repr covers those)
            key = ("~", id(v))
        code = seen.get(key)
        if code is None:
            code = seen[key] = len(distinct)
            distinct.append(v)
        codes.append(code)
    return codes, distinct


RESULT_SCHEMA = pa.schema(
    [
        ("id", pa.string()),
        ("name", pa.string()),
        ("name_ar", pa.string()),
        ("kind", pa.string()),
        ("lat", pa.float64()),
        ("lon", pa.float64()),
        ("governorate", pa.string()),
        ("governorate_pcode", pa.string()),
        ("district_pcode", pa.string()),
        ("subdistrict_pcode", pa.string()),
        ("pcode", pa.string()),
        ("geonames_id", pa.int64()),
        ("score", pa.float64()),
        ("tier", pa.string()),
        ("matched_name", pa.string()),
        ("ambiguous", pa.bool_()),
        ("in_province", pa.bool_()),
        ("error", pa.string()),
    ]
)


def _results_table(results: Iterable[tuple[Match | None, str | None]]) -> pa.Table:
    cols: dict[str, list[Any]] = {f.name: [] for f in RESULT_SCHEMA}
    for match, error in results:
        p = match.place if match else None
        row = {
            "id": p.id if p else None,
            "name": p.name if p else None,
            "name_ar": p.name_ar if p else None,
            "kind": p.kind if p else None,
            "lat": p.lat if p else None,
            "lon": p.lon if p else None,
            "governorate": p.governorate.name if p else None,
            "governorate_pcode": p.governorate.pcode if p else None,
            "district_pcode": p.district.pcode if p and p.district else None,
            "subdistrict_pcode": p.subdistrict.pcode if p and p.subdistrict else None,
            "pcode": p.pcode if p else None,
            "geonames_id": p.geonames_id if p else None,
            "score": match.score if match else None,
            "tier": match.tier if match else None,
            "matched_name": match.matched_name if match else None,
            "ambiguous": match.ambiguous if match else None,
            "in_province": match.in_province if match else None,
            "error": error,
        }
        for name, value in row.items():
            cols[name].append(value)
    return pa.Table.from_pydict(cols, schema=RESULT_SCHEMA)
