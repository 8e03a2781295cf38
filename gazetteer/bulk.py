"""Bulk resolution: lists, pandas and Arrow in, Arrow out; streams of Arrow record batches.

Every function here takes the resolve function it applies (a
:meth:`Gazetteer.resolve <gazetteer.resolve.Gazetteer.resolve>`), so this module
needs nothing above it. pyarrow is imported here, not on the single-query path.

>>> from gazetteer import load
>>> t = resolve_many(load().resolve, ["Talbiseh", "تلبيسة"])
>>> t.column("id").to_pylist()
['gn:163779', 'gn:163779']
>>> batch = pa.record_batch({"mention": ["Talbiseh", "Rastan", None]})
>>> out = resolve_batches(load().resolve, [batch]).read_all()
>>> out.column("mention").to_pylist(), out.column("geonames_id").to_pylist()
(['Talbiseh', 'Rastan', None], [163779, 172946, None])
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any

import pyarrow as pa
import pyarrow.compute as pc

from .errors import GazetteerError, InvalidQueryError
from .geo import project
from .model import Match

__all__ = ["RESULT_SCHEMA", "output_schema", "resolve_batches", "resolve_many"]

Resolver = Callable[..., "Match | None"]


def resolve_many(
    resolve: Resolver,
    mentions: Any,
    *,
    province: Any = None,
    column: str = "mention",
    province_column: str | None = None,
    to_crs: str | None = None,
) -> pa.Table:
    """Resolve many mentions; one output row per input row, repeats resolved once.

    ``mentions`` is a list (or any iterable) of strings, a pyarrow
    ``Array``/``ChunkedArray``, a pandas ``Series``, or a pyarrow ``Table``
    / pandas ``DataFrame`` with a ``column`` of mentions (and optionally a
    ``province_column``). ``province`` is one province for all rows or a
    sequence aligned with the mentions. A bad mention or province gives a
    row with ``error`` set and no place; it never spoils the other rows.
    ``to_crs`` (``"EPSG:32637"``, UTM 37N, and the like) adds the columns
    ``x`` and ``y``: the place's point projected with pyproj.

    >>> from gazetteer import load
    >>> t = resolve_many(load().resolve, ["Talbiseh", "Xqzzy"], to_crs="EPSG:32637")
    >>> [None if v is None else round(v) for v in t.column("x").to_pylist()]
    [292523, None]
    """
    if to_crs is not None:
        project([], [], to_crs)  # an unknown CRS is an error before any row is resolved
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
        if name == "lon" and to_crs is not None:
            xs, ys = project(out.column("lat").to_pylist(), out.column("lon").to_pylist(), to_crs)
            columns["x"], columns["y"] = pa.array(xs, pa.float64()), pa.array(ys, pa.float64())
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
        ("confidence", pa.float64()),
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
            "confidence": match.confidence if match else None,
            "tier": match.tier if match else None,
            "matched_name": match.matched_name if match else None,
            "ambiguous": match.ambiguous if match else None,
            "in_province": match.in_province if match else None,
            "error": error,
        }
        for name, value in row.items():
            cols[name].append(value)
    return pa.Table.from_pydict(cols, schema=RESULT_SCHEMA)


# -- streams of record batches ---------------------------------------------------------------------

#: Distinct (mention, province) answers one stream remembers across its batches (then it starts afresh).
MEMO_SIZE = 65_536
_EMPTY = pa.schema([("mention", pa.string())])


def output_schema(
    schema: pa.Schema, *, mention: str = "mention", province: str | None = None, prefix: str = ""
) -> pa.Schema:
    """The schema :func:`resolve_batches` gives for input of ``schema``: its columns, then the result columns.

    Raises :class:`~gazetteer.errors.InvalidQueryError` naming a missing or non-text
    column, or result columns that the input already has (``prefix`` names them apart).

    >>> output_schema(pa.schema([("mention", pa.string())])).names[:4]
    ['mention', 'id', 'name', 'name_ar']
    >>> output_schema(pa.schema([("id", pa.int64()), ("mention", pa.string())]), prefix="gz_").names[:4]
    ['id', 'mention', 'gz_id', 'gz_name']
    """
    if not isinstance(prefix, str):
        raise InvalidQueryError(f"prefix must be a str, got {type(prefix).__name__}")
    for role, name in (("mention", mention), ("province", province)):
        if name is None and role == "province":
            continue
        if not isinstance(name, str):
            raise InvalidQueryError(f"{role} must be a column name (a str), got {type(name).__name__}")
        if name not in schema.names:
            raise InvalidQueryError(f"no column {name!r} in the input (columns: {', '.join(schema.names) or 'none'})")
        if schema.names.count(name) > 1:
            raise InvalidQueryError(f"the input has more than one column {name!r}")
        _check_text(name, schema.field(name).type)
    results = [field.with_name(prefix + field.name) for field in RESULT_SCHEMA]
    clash = [f.name for f in results if f.name in schema.names]
    if clash:
        raise InvalidQueryError(
            f"the input already has result column(s) {', '.join(map(repr, clash))}: "
            "name the result columns apart with a prefix (prefix='gz_'; on the command line --prefix gz_)"
        )
    return pa.schema([*schema, *results], metadata=schema.metadata)


def resolve_batches(
    resolve: Resolver,
    batches: Any,
    *,
    mention: str = "mention",
    province: str | None = None,
    default_province: str | None = None,
    near: tuple[float, float] | None = None,
    prefix: str = "",
) -> pa.RecordBatchReader:
    """Resolve a stream of Arrow record batches; each comes out with its columns plus the result columns.

    ``batches`` is an iterable of ``pyarrow.RecordBatch`` (a Spark ``mapInArrow``
    iterator, a ``RecordBatchReader``), a ``Table``, a ``Dataset``, anything with
    ``to_batches()``, or a pandas or Polars ``DataFrame``. ``mention`` and
    ``province`` name text columns (``string``, ``large_string``, ``string_view``
    or a dictionary of those); ``default_province`` applies where the province is
    null or there is no province column; ``near`` biases every row. The result
    columns are those of :func:`resolve_many`, with the same types and values,
    named with ``prefix``.

    Returns a ``pyarrow.RecordBatchReader`` (an iterator of batches with a
    ``schema``): batches are read, resolved and handed on one at a time, so
    memory follows the batch size, not the input. A batch looks up only its
    distinct (mention, province) pairs, resolves those not seen before in the
    stream, and spreads the answers over its rows with an Arrow ``take``.
    Bad options and a missing column raise
    :class:`~gazetteer.errors.InvalidQueryError` (or ``UnknownProvinceError``)
    at once when the input has a schema, else when the first batch is read; a
    bad row gets its ``error`` as in :func:`resolve_many`.

    >>> from gazetteer import load
    >>> t = pa.table({"event": [7, 8], "text": ["Rastan", "Talbiseh"], "gov": ["Homs", "Narnia"]})
    >>> out = resolve_batches(load().resolve, t, mention="text", province="gov").read_all()
    >>> out.column_names[:5], out.column("id").to_pylist(), out.column("error").to_pylist()[1][:25]
    (['event', 'text', 'gov', 'id', 'name'], ['gn:172946', None], "unknown province 'Narnia'")
    """
    resolve("", province=default_province, near=near)  # checks both options before any batch is read
    output_schema(_EMPTY, prefix=prefix)  # checks prefix
    try:
        if hasattr(batches, "columns") and hasattr(batches, "iloc"):  # pandas DataFrame
            batches = pa.Table.from_pandas(batches, preserve_index=False)
        elif hasattr(batches, "to_arrow") and not isinstance(batches, (pa.Table, pa.RecordBatch)):  # Polars
            batches = batches.to_arrow()
    except (pa.ArrowException, ValueError, TypeError) as e:
        raise InvalidQueryError(f"this {type(batches).__name__} does not convert to Arrow: {e}") from None
    stream = _batch_source(batches)
    schema = getattr(batches, "schema", None)
    if not isinstance(schema, pa.Schema):
        first = next(stream, None)
        if first is None:  # an empty stream without a schema: nothing to learn the columns from
            return pa.RecordBatchReader.from_batches(output_schema(_EMPTY, prefix=prefix), iter(()))
        schema, stream = first.schema, itertools.chain([first], stream)
    out = output_schema(schema, mention=mention, province=province, prefix=prefix)
    answers = _Answers(resolve, default_province, near)
    batch_stream = (_resolve_batch(answers, _conform(b, schema), out, mention, province) for b in stream)
    return pa.RecordBatchReader.from_batches(out, batch_stream)


def _batch_source(batches: Any) -> Iterator[pa.RecordBatch]:
    if isinstance(batches, pa.RecordBatch):
        return iter([batches])
    if hasattr(batches, "to_batches") and not isinstance(batches, pa.RecordBatchReader):
        batches = batches.to_batches()
    if isinstance(batches, (str, bytes)) or not isinstance(batches, Iterable):
        raise InvalidQueryError(f"batches must be Arrow record batches or a table, got {type(batches).__name__}")
    return _checked(iter(batches))


def _checked(items: Iterator[Any]) -> Iterator[pa.RecordBatch]:
    for item in items:
        if isinstance(item, pa.RecordBatch):
            yield item
        elif isinstance(item, pa.Table):
            yield from item.to_batches()
        else:
            raise InvalidQueryError(f"batches must be Arrow record batches, got {type(item).__name__}")


def _conform(batch: pa.RecordBatch, schema: pa.Schema) -> pa.RecordBatch:
    """A batch with the stream's schema (the first batch's), or a clear error."""
    if batch.schema.equals(schema):
        return batch
    if batch.schema.names == schema.names:
        try:
            return pa.RecordBatch.from_arrays([c.cast(f.type) for c, f in zip(batch.columns, schema)], schema=schema)
        except (pa.ArrowInvalid, pa.ArrowNotImplementedError, ValueError, TypeError):
            pass
    raise InvalidQueryError(f"a batch has columns {batch.schema} where the stream began with {schema}")


def _is_text(t: pa.DataType) -> bool:
    is_view = getattr(pa.types, "is_string_view", None)  # pyarrow 16 and later
    return bool(pa.types.is_string(t) or pa.types.is_large_string(t) or (is_view is not None and is_view(t)))


def _check_text(name: str, t: pa.DataType) -> None:
    if _is_text(t) or pa.types.is_null(t) or (pa.types.is_dictionary(t) and _is_text(t.value_type)):
        return
    raise InvalidQueryError(f"column {name!r} must hold text (strings), got {t}")


def _codes(values: pa.Array) -> tuple[pa.Array, pa.Array]:
    """Int64 codes (null for null) into a string array of values (which may repeat or go unused)."""
    if pa.types.is_dictionary(values.type):
        return values.indices.cast(pa.int64()), values.dictionary.cast(pa.string())
    if pa.types.is_null(values.type):
        return pa.nulls(len(values), pa.int64()), pa.array([], pa.string())
    encoded = values.cast(pa.string()).dictionary_encode()
    return encoded.indices.cast(pa.int64()), encoded.dictionary


class _Answers:
    """The result rows of the distinct (mention, province) pairs seen so far, as one Arrow table.

    A batch finds its pairs' rows with one Arrow ``index_in`` over their keys, resolves
    only the pairs not seen yet, and takes its rows from the table: a repeat costs no
    Python work. At most :data:`MEMO_SIZE` pairs are kept (then it starts afresh).
    """

    def __init__(self, resolve: Resolver, default_province: str | None, near: tuple[float, float] | None) -> None:
        self.resolve, self.default_province, self.near = resolve, default_province, near
        self._reset()

    def _reset(self) -> None:
        self.keys: pa.Array = pa.array([], pa.string())
        self.table = _results_table([])

    def rows(self, texts: pa.Array, provinces: pa.Array | None) -> pa.Array:
        """The table row of each (text, province) pair (null for a null text), resolving the new pairs."""
        if len(self.keys) >= MEMO_SIZE:
            self._reset()
        if self.default_province is not None and provinces is not None:
            provinces = pc.fill_null(provinces, self.default_province)
        keys = _pair_keys(texts, provinces)
        rows = pc.index_in(keys, value_set=self.keys)
        new = pc.and_(pc.is_null(rows), pc.is_valid(keys))
        if not pc.any(new).as_py():
            return rows
        where = pc.indices_nonzero(new)
        new_texts = texts.take(where).to_pylist()
        new_provinces = provinces.take(where).to_pylist() if provinces is not None else [None] * len(where)
        answers = [self._answer(t, self.default_province if p is None else p) for t, p in zip(new_texts, new_provinces)]
        base = self.table.num_rows
        self.table = pa.concat_tables([self.table, _results_table(answers)]).combine_chunks()
        self.keys = pa.concat_arrays([self.keys, keys.take(where)])
        return pc.replace_with_mask(rows, new, pa.array(range(base, base + len(answers)), rows.type))

    def _answer(self, text: str, province: str | None) -> tuple[Match | None, str | None]:
        try:
            return self.resolve(text, province=province, near=self.near), None
        except GazetteerError as e:
            return None, str(e)


def _pair_keys(texts: pa.Array, provinces: pa.Array | None) -> pa.Array:
    """One string per (text, province) pair, different for different pairs; null for a null text.

    ``"-:" + text`` without a province, ``f"{len(province)}:{province}:{text}"`` with one.
    """
    if provinces is None:
        return texts
    with_province = pc.binary_join_element_wise(pc.cast(pc.utf8_length(provinces), pa.string()), provinces, texts, ":")
    without = pc.binary_join_element_wise("-", texts, ":")
    return pc.if_else(pc.is_null(provinces), without, with_province)


def _resolve_batch(
    answers: _Answers, batch: pa.RecordBatch, out: pa.Schema, mention: str, province: str | None
) -> pa.RecordBatch:
    """One batch: its distinct (mention, province) pairs looked up once, then spread over the rows with ``take``."""
    m_codes, m_values = _codes(batch.column(mention))
    if province is None:
        pairs, p_values, width = m_codes, pa.array([], pa.string()), 1
    else:
        p_codes, p_values = _codes(batch.column(province))
        width = len(p_values) + 1  # province code + 1, 0 for no province
        pairs = pc.add(pc.multiply(m_codes, width), pc.add(pc.fill_null(p_codes, -1), 1))
    encoded = pairs.dictionary_encode()  # row -> distinct pair; null where the mention is null
    distinct = encoded.dictionary
    m_of = pc.divide(distinct, width)
    p_of = pc.subtract(distinct, pc.multiply(m_of, width))  # 0: no province, else its code + 1
    texts = m_values.take(m_of)
    provinces = None
    if province is not None:
        provinces = p_values.take(pc.if_else(pc.equal(p_of, 0), pa.scalar(None, pa.int64()), pc.subtract(p_of, 1)))
    rows = answers.rows(texts, provinces).take(encoded.indices)
    results = answers.table.take(rows)
    columns = [*batch.columns, *(results.column(i).combine_chunks() for i in range(results.num_columns))]
    return pa.RecordBatch.from_arrays(columns, schema=out)
