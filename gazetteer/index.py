"""The index file: a checksummed header and three columnar sections, read without pyarrow.

Layout (``docs/index-format.md``)::

    bytes 0-7     magic  b"GAZIDX\\x00\\x02"
    bytes 8-15    header length N (unsigned little-endian)
    bytes 16-47   SHA-256 of the header
    bytes 48-     header: UTF-8 JSON (format, versions, sources, counts, and the sections)
    sections      "places", "names" and "postings", back to back, each with its SHA-256;
                  the file ends where the last section ends

Every byte is covered by a checksum or by a length the header states, so any
flipped, missing or extra byte raises :class:`~gazetteer.errors.CorruptIndexError`
naming the file. A section is a run of columns: strings joined by NUL (one
``str.split`` to read them back), numbers as little-endian arrays. Opening reads
the file once, checks it, and decodes a column only when something asks for
it. Nothing in the file is executed or unpickled. Writing goes to a temporary
file that replaces the target only when complete.

>>> import tempfile, os
>>> from gazetteer.model import AdminRef, Name, Place, SourceRef
>>> p = Place(id="gn:1", name="Talbiseh", name_ar="تلبيسة", kind="town", lat=34.84, lon=36.73,
...           governorate=AdminRef("Homs", "حمص", "SY04"), names=(Name("Talbiseh", "en", "x"),),
...           sources=(SourceRef("x", "1", "CC0-1.0"),))
>>> path = os.path.join(tempfile.mkdtemp(), "t.gzidx")
>>> write_index(path, [p], {"data_version": "test"})
>>> idx = read_index(path)
>>> idx.header["data_version"], idx.column("places", "name"), idx.rows("names")
('test', ['Talbiseh'], 1)
"""

from __future__ import annotations

import hashlib
import json
import math
import os
import struct
import sys
from array import array
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any

from .errors import CorruptIndexError, IndexFileError
from .model import Name, Place
from .normalize import KEY_RULES, keys, variant_key

__all__ = [
    "FORMAT_VERSION",
    "KEY_TIERS",
    "MAGIC",
    "NAMES_COLUMNS",
    "PLACES_COLUMNS",
    "POSTING_TIERS",
    "IndexFile",
    "read_index",
    "write_index",
]

MAGIC = b"GAZIDX\x00\x02"
FORMAT_VERSION = 2
_PREAMBLE = 48  # magic, header length, header SHA-256
_MAX_HEADER = 64 << 20
_INT_NULL = -(2**63)
#: Key tiers of the posting lists, in the order the lookup tries them.
KEY_TIERS: tuple[str, ...] = ("exact", "variant", "skeleton")

#: Column types: ``str`` (None not allowed), ``str?``, ``int?`` (64-bit), ``i32``, ``f64``, ``bool``,
#: ``json`` (one JSON value per row, for nested lists).
PLACES_COLUMNS: tuple[tuple[str, str], ...] = (
    ("id", "str"),
    ("name", "str"),
    ("name_ar", "str?"),
    ("kind", "str"),
    ("lat", "f64"),
    ("lon", "f64"),
    ("gov_name", "str"),
    ("gov_name_ar", "str?"),
    ("gov_pcode", "str?"),
    ("dist_name", "str?"),
    ("dist_name_ar", "str?"),
    ("dist_pcode", "str?"),
    ("sub_name", "str?"),
    ("sub_name_ar", "str?"),
    ("sub_pcode", "str?"),
    ("population", "int?"),
    ("geonames_id", "int?"),
    ("pcode", "str?"),
    ("wikidata", "str?"),
    ("iso3166_2", "str?"),
    ("parent", "str?"),
    ("sources", "json"),  # [[source, id, licence], ...]
    ("seat_of", "json"),  # [id, ...]
    ("seat", "str?"),
    ("admin_inferred", "bool"),
    ("name_start", "i32"),  # first row of this place in the names section
    ("name_count", "i32"),
)
NAMES_COLUMNS: tuple[tuple[str, str], ...] = (
    ("place", "i32"),
    ("text", "str"),
    ("lang", "str"),
    ("source", "str"),
    ("flags", "str"),  # comma-separated
    ("exact", "str"),  # normalize.keys(text).exact
    ("variant", "str"),
    ("skeleton", "str"),
    ("spot", "str"),  # spot.spot_key(text): the words' keys for spotting names in running text
)
#: Posting tiers: the three key tiers, and ``spot`` (first spot word -> the names that start with it).
POSTING_TIERS: tuple[str, ...] = (*KEY_TIERS, "spot")
_POSTINGS_COLUMNS: tuple[tuple[str, str], ...] = tuple(
    (f"{tier}_{part}", kind)
    for tier in POSTING_TIERS
    for part, kind in (("keys", "str"), ("offsets", "i32"), ("rows", "i32"))
)
_SECTIONS: dict[str, tuple[tuple[str, str], ...]] = {
    "places": PLACES_COLUMNS,
    "names": NAMES_COLUMNS,
    "postings": _POSTINGS_COLUMNS,
}
_ARRAY_CODES = {"int?": "q", "i32": "i", "f64": "d"}
assert array("i").itemsize == 4 and array("q").itemsize == 8 and array("d").itemsize == 8


# --- columns ----------------------------------------------------------------------------------------


def _safe_text(value: str) -> str:
    # NUL joins the values and SOH stands for None: neither may occur inside one (clean text never has them).
    return value.replace("\x00", "\ufffd").replace("\x01", "\ufffd") if "\x00" in value or "\x01" in value else value


def _encode(values: Sequence[Any], kind: str) -> bytes:
    if kind in ("str", "str?", "json"):
        if kind == "json":
            texts = [json.dumps(v, ensure_ascii=False, separators=(",", ":")) for v in values]
        elif kind == "str":
            if any(v is None for v in values):
                raise ValueError("a str column cannot hold None")
            texts = [_safe_text(v) for v in values]
        else:
            texts = ["\x01" if v is None else _safe_text(v) for v in values]
        return "\x00".join(texts).encode("utf-8")
    if kind == "bool":
        return bytes(1 if v else 0 for v in values)
    code = _ARRAY_CODES[kind]
    if kind == "int?":
        data = array(code, [_INT_NULL if v is None else int(v) for v in values])
    elif kind == "f64":
        data = array(code, [math.nan if v is None else float(v) for v in values])  # type: ignore[misc]
    else:
        data = array(code, values)
    if sys.byteorder == "big":
        data.byteswap()
    return data.tobytes()


def _decode(buf: bytes, kind: str, count: int) -> list[Any]:
    """A column's values; ValueError when the bytes do not hold ``count`` values of ``kind``."""
    if kind in ("str", "str?", "json"):
        texts = buf.decode("utf-8").split("\x00") if count else []
        if len(texts) != count:
            raise ValueError(f"{len(texts)} values, expected {count}")
        if kind == "str?":
            return [None if t == "\x01" else t for t in texts]
        if kind == "json":  # one JSON array for the column: one C-level parse, not one per row
            values = json.loads("[" + ",".join(texts) + "]") if count else []
            if len(values) != count:
                raise ValueError(f"{len(values)} JSON values, expected {count}")
            return values
        return texts
    if kind == "bool":
        if len(buf) != count:
            raise ValueError(f"{len(buf)} values, expected {count}")
        return [b == 1 for b in buf]
    data = array(_ARRAY_CODES[kind])
    if len(buf) != count * data.itemsize:
        raise ValueError(f"{len(buf)} bytes, expected {count} values")
    data.frombytes(buf)
    if sys.byteorder == "big":
        data.byteswap()
    values = data.tolist()
    if kind == "int?":
        return [None if v == _INT_NULL else v for v in values]
    if kind == "f64":
        return [None if v != v else v for v in values]
    return values


# --- the opened file --------------------------------------------------------------------------------


class IndexFile:
    """A checked index file: its header, and its columns decoded on first use.

    ``column(section, name)`` returns a list (decoded once, then kept). A
    column whose bytes do not decode raises :class:`CorruptIndexError`.
    """

    def __init__(self, path: str, header: dict[str, Any], data: bytes) -> None:
        self.path = path
        self.header = header
        self.size_bytes = len(data)
        self._data = data
        self._columns: dict[tuple[str, str], list[Any]] = {}

    def rows(self, section: str) -> int:
        """The number of rows of a section."""
        return int(self.header["sections"][section]["rows"])

    def column(self, section: str, name: str) -> list[Any]:
        """One column's values (a benign race: two threads may decode the same column once each)."""
        key = (section, name)
        values = self._columns.get(key)
        if values is None:
            values = self._decode_column(section, name)
            self._columns[key] = values
        return values

    def _decode_column(self, section: str, name: str) -> list[Any]:
        sec = self.header["sections"][section]
        col = next((c for c in sec["columns"] if c["name"] == name), None)
        if col is None:
            raise CorruptIndexError(self.path, f"has no column {name!r} in section {section!r}")
        start = sec["offset"] + col["offset"]
        try:
            return _decode(self._data[start : start + col["length"]], col["type"], col["count"])
        except (ValueError, UnicodeDecodeError) as e:
            raise CorruptIndexError(self.path, f"has an unreadable column {section}.{name} ({e})") from None


# --- writing ----------------------------------------------------------------------------------------


def _place_columns(
    places: Sequence[Place], names_of: Callable[[Place], Sequence[Any]]
) -> tuple[dict[str, list[Any]], dict[str, list[Any]]]:
    from .spot import spot_key  # writing only: a reader never imports the spotter

    cols: dict[str, list[Any]] = {name: [] for name, _ in PLACES_COLUMNS}
    ncols: dict[str, list[Any]] = {name: [] for name, _ in NAMES_COLUMNS}
    for row, p in enumerate(places):
        names = names_of(p)
        cols["name_start"].append(len(ncols["place"]))
        cols["name_count"].append(len(names))
        for n in names:
            k = keys(n.text)
            ncols["place"].append(row)
            ncols["text"].append(n.text)
            ncols["lang"].append(n.lang)
            ncols["source"].append(n.source)
            ncols["flags"].append(",".join(n.flags))
            ncols["exact"].append(k.exact)
            ncols["variant"].append(k.variant)
            ncols["skeleton"].append(k.skeleton)
            ncols["spot"].append(spot_key(n.text, p.kind, core="core" in n.flags))
        for prefix, ref in (("gov", p.governorate), ("dist", p.district), ("sub", p.subdistrict)):
            cols[f"{prefix}_name"].append(ref.name if ref else None)
            cols[f"{prefix}_name_ar"].append(ref.name_ar if ref else None)
            cols[f"{prefix}_pcode"].append(ref.pcode if ref else None)
        for name in ("id", "name", "name_ar", "kind", "lat", "lon", "population", "geonames_id", "pcode",
                     "wikidata", "iso3166_2", "parent", "seat", "admin_inferred"):  # fmt: skip
            cols[name].append(getattr(p, name))
        cols["sources"].append([[s.source, s.id, s.licence] for s in p.sources])
        cols["seat_of"].append(list(p.seat_of))
    return cols, ncols


def _posting_columns(ncols: Mapping[str, list[Any]]) -> dict[str, list[Any]]:
    """Per key tier: the sorted keys, and for each the name rows that carry it (CSR offsets + rows).

    One row per (key, place, folded name): other rows of the same place and folded name score the same.
    """
    out: dict[str, list[Any]] = {}
    for tier in POSTING_TIERS:
        groups: dict[str, list[int]] = {}
        seen: set[tuple[str, int, str]] = set()
        column = [k.split(" ", 1)[0] for k in ncols["spot"]] if tier == "spot" else ncols[tier]
        for row, key in enumerate(column):
            marker = (ncols[tier][row], ncols["place"][row], ncols["exact"][row])
            if key and marker not in seen:
                seen.add(marker)
                groups.setdefault(key, []).append(row)
        ordered = sorted(groups)
        offsets = [0]
        rows: list[int] = []
        for key in ordered:
            rows.extend(groups[key])
            offsets.append(len(rows))
        out[f"{tier}_keys"], out[f"{tier}_offsets"], out[f"{tier}_rows"] = ordered, offsets, rows
    return out


def _section(columns: tuple[tuple[str, str], ...], values: Mapping[str, Sequence[Any]]) -> tuple[bytes, dict[str, Any]]:
    parts: list[bytes] = []
    described = []
    pos = 0
    for name, kind in columns:
        data = _encode(values[name], kind)
        described.append({"name": name, "type": kind, "count": len(values[name]), "offset": pos, "length": len(data)})
        parts.append(data)
        pos += len(data)
    blob = b"".join(parts)
    return blob, {"columns": described, "length": len(blob), "sha256": hashlib.sha256(blob).hexdigest()}


def write_index(
    path: str | os.PathLike[str],
    places: Sequence[Place],
    header: Mapping[str, Any],
    *,
    names_of: Callable[[Place], Sequence[Any]] | None = None,
) -> None:
    """Write places to ``path`` atomically (temporary file, fsync, then rename).

    ``names_of(place)`` gives the names to index for a place (default: its names and
    their cores, :func:`gazetteer.naming.with_core_names`).
    """
    from .naming import CITY_KINDS, with_core_names

    if names_of is None:
        taken = frozenset(variant_key(n.text) for p in places if p.kind in CITY_KINDS for n in p.names)

        def names_of(p: Place) -> Sequence[Name]:
            return with_core_names(p.names, p.kind, taken)

    cols, ncols = _place_columns(places, names_of)
    blobs: dict[str, bytes] = {}
    sections: dict[str, dict[str, Any]] = {}
    postings = _posting_columns(ncols)
    rows = {
        "places": len(places),
        "names": len(ncols["place"]),
        "postings": sum(len(postings[f"{t}_keys"]) for t in POSTING_TIERS),
    }
    for name, values in (("places", cols), ("names", ncols), ("postings", postings)):
        blobs[name], sections[name] = _section(_SECTIONS[name], values)
        sections[name]["rows"] = rows[name]
    head: dict[str, Any] = {
        "key_rules": KEY_RULES,  # a caller may record other rules (tests of stale indexes do)
        **header,
        "format": "gazetteer-index",
        "format_version": FORMAT_VERSION,
        "sections": {},
    }
    # Offsets depend on the header length, which depends on the offsets: iterate until stable.
    header_bytes = b""
    for _ in range(8):
        header_bytes = json.dumps(head, ensure_ascii=False, sort_keys=True).encode("utf-8")
        pos = _PREAMBLE + len(header_bytes)
        placed = {}
        for name in _SECTIONS:
            placed[name] = {**sections[name], "offset": pos}
            pos += sections[name]["length"]
        if placed == head["sections"]:
            break
        head["sections"] = placed
    else:  # pragma: no cover - offsets converge in two rounds
        raise RuntimeError("index header did not converge")
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    import tempfile

    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(MAGIC + struct.pack("<Q", len(header_bytes)) + hashlib.sha256(header_bytes).digest())
            f.write(header_bytes)
            for name in _SECTIONS:
                assert f.tell() == head["sections"][name]["offset"]
                f.write(blobs[name])
            f.flush()
            os.fsync(f.fileno())
        os.chmod(tmp, 0o644)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


# --- reading ----------------------------------------------------------------------------------------


def _read_bytes(p: Path) -> bytes:
    try:
        if p.is_dir():
            raise IndexFileError(p, "is a directory, not an index file")
        return p.read_bytes()
    except IndexFileError:
        raise
    except FileNotFoundError:
        raise IndexFileError(p, "no such index file") from None
    except PermissionError:
        raise IndexFileError(p, "permission denied") from None
    except IsADirectoryError:
        raise IndexFileError(p, "is a directory, not an index file") from None
    except OSError as e:
        raise IndexFileError(p, f"cannot be read ({e.strerror or e})") from None
    except (ValueError, UnicodeError) as e:  # NUL bytes, lone surrogates in the path
        raise IndexFileError(repr(str(p)), f"is not a usable path ({e})") from None


def _check_sections(p: Path, header: dict[str, Any], data: bytes, header_end: int, verify: bool) -> None:
    sections = header.get("sections")
    if not isinstance(sections, dict) or set(sections) != set(_SECTIONS):
        raise CorruptIndexError(p, "has no valid list of sections in its header")
    pos = header_end
    for name, expected in _SECTIONS.items():
        sec = sections[name]
        try:
            offset, length, digest, rows = int(sec["offset"]), int(sec["length"]), str(sec["sha256"]), int(sec["rows"])
            columns = sec["columns"]
            described = [(str(c["name"]), str(c["type"])) for c in columns]
            spans = [(int(c["offset"]), int(c["length"]), int(c["count"])) for c in columns]
        except (TypeError, KeyError, ValueError):
            raise CorruptIndexError(p, f"has no valid '{name}' section in its header") from None
        if described != list(expected):
            raise CorruptIndexError(p, f"has unexpected columns in section '{name}'")
        if offset != pos or offset + length > len(data):
            raise CorruptIndexError(p, f"is truncated or corrupt (section '{name}' is not where the header says)")
        end = 0
        for col_offset, col_length, count in spans:
            if col_offset != end or col_length < 0 or count < 0:
                raise CorruptIndexError(p, f"has a damaged column list in section '{name}'")
            end += col_length
        if end != length or rows < 0:
            raise CorruptIndexError(p, f"has a damaged column list in section '{name}'")
        if verify and hashlib.sha256(data[offset : offset + length]).hexdigest() != digest:
            raise CorruptIndexError(p, f"is corrupt (checksum of section '{name}' does not match)")
        pos = offset + length
    if pos != len(data):
        raise CorruptIndexError(p, f"is corrupt ({len(data) - pos} unexpected bytes after the last section)")


def read_index(path: str | os.PathLike[str], *, verify: bool = True) -> IndexFile:
    """Open and check an index file; raise :class:`IndexFileError` (or its :class:`CorruptIndexError`)."""
    p = Path(path)
    data = _read_bytes(p)
    if not data:
        raise IndexFileError(p, "is empty")
    if len(data) < 8 or data[:6] != MAGIC[:6]:
        if len(data) >= _PREAMBLE and sum(a != b for a, b in zip(data[:6], MAGIC)) == 1:
            raise CorruptIndexError(p, "is corrupt (one of its magic bytes is damaged)")
        raise IndexFileError(p, "is not a gazetteer index (bad magic bytes)")
    if data[:8] != MAGIC:
        version = int.from_bytes(data[6:8], "big")
        raise IndexFileError(p, f"has container version {version}, this gazetteer reads {FORMAT_VERSION}")
    if len(data) < _PREAMBLE:
        raise CorruptIndexError(p, "is truncated (shorter than its fixed preamble)")
    (header_len,) = struct.unpack("<Q", data[8:16])
    if header_len > min(_MAX_HEADER, len(data) - _PREAMBLE):
        raise CorruptIndexError(p, "is truncated or corrupt (header length beyond end of file)")
    header_bytes = data[_PREAMBLE : _PREAMBLE + header_len]
    if hashlib.sha256(header_bytes).digest() != data[16:_PREAMBLE]:
        raise CorruptIndexError(p, "is corrupt (checksum of the header does not match)")
    try:
        header = json.loads(header_bytes.decode("utf-8"))
        if not isinstance(header, dict):
            raise ValueError("header is not an object")
    except (ValueError, UnicodeDecodeError) as e:
        raise CorruptIndexError(p, f"has a corrupt header ({e})") from None
    if header.get("format") != "gazetteer-index":
        raise IndexFileError(p, "is not a gazetteer index (format field)")
    if header.get("format_version") != FORMAT_VERSION:
        raise IndexFileError(
            p, f"has format version {header.get('format_version')!r}, this gazetteer reads {FORMAT_VERSION}"
        )
    _check_sections(p, header, data, _PREAMBLE + header_len, verify)
    return IndexFile(str(p), header, data)
