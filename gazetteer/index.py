"""The index file: a small header and three Arrow IPC sections, checked on open.

Layout (``docs/index-format.md``)::

    bytes 0-7    magic  b"GAZIDX\\x00\\x01"
    bytes 8-15   header length N (unsigned little-endian)
    bytes 16-    header: UTF-8 JSON, padded with spaces so sections start 64-aligned
    sections     "places", "names" and "keys" (posting lists), each an uncompressed Arrow IPC file,
                 at the offsets the header gives, each with its SHA-256

Opening memory-maps the file, checks magic, format version, lengths and
checksums, and reads the sections without copying. Nothing in the file is
executed or unpickled. Writing goes to a temporary file that replaces the
target only when complete.

>>> import tempfile, os
>>> from gazetteer.model import AdminRef, Name, Place, SourceRef
>>> p = Place(id="gn:1", name="Talbiseh", name_ar="تلبيسة", kind="town", lat=34.84, lon=36.73,
...           governorate=AdminRef("Homs", "حمص", "SY04"), names=(Name("Talbiseh", "en", "x"),),
...           sources=(SourceRef("x", "1", "CC0-1.0"),))
>>> path = os.path.join(tempfile.mkdtemp(), "t.gzidx")
>>> write_index(path, [p], {"data_version": "test"})
>>> idx = read_index(path)
>>> idx.header["data_version"], idx.place(0) == p
('test', True)
"""

from __future__ import annotations

import hashlib
import json
import os
import struct
import tempfile
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pyarrow as pa

from .errors import IndexFileError
from .mention import parse_mention
from .model import ADMIN_KINDS, AdminRef, Name, Place, SourceRef
from .normalize import KEY_RULES, keys

__all__ = ["FORMAT_VERSION", "MAGIC", "IndexFile", "read_index", "write_index"]

MAGIC = b"GAZIDX\x00\x01"
FORMAT_VERSION = 1
_ALIGN = 64
_MAX_HEADER = 64 << 20

_SOURCE_TYPE = pa.struct([("source", pa.string()), ("id", pa.string()), ("licence", pa.string())])
PLACES_SCHEMA = pa.schema(
    [
        ("id", pa.string()),
        ("name", pa.string()),
        ("name_ar", pa.string()),
        ("kind", pa.string()),
        ("lat", pa.float64()),
        ("lon", pa.float64()),
        ("gov_name", pa.string()),
        ("gov_name_ar", pa.string()),
        ("gov_pcode", pa.string()),
        ("dist_name", pa.string()),
        ("dist_name_ar", pa.string()),
        ("dist_pcode", pa.string()),
        ("sub_name", pa.string()),
        ("sub_name_ar", pa.string()),
        ("sub_pcode", pa.string()),
        ("population", pa.int64()),
        ("geonames_id", pa.int64()),
        ("pcode", pa.string()),
        ("wikidata", pa.string()),
        ("iso3166_2", pa.string()),
        ("sources", pa.list_(_SOURCE_TYPE)),
        ("seat_of", pa.list_(pa.string())),
        ("seat", pa.string()),
        ("admin_inferred", pa.bool_()),
        ("name_start", pa.int32()),  # first row of this place in the names section
        ("name_count", pa.int32()),
    ]
)
NAMES_SCHEMA = pa.schema(
    [
        ("place", pa.int32()),
        ("text", pa.string()),
        ("lang", pa.string()),
        ("source", pa.string()),
        ("flags", pa.string()),  # comma-separated
        ("exact", pa.string()),  # normalize.exact_key(text)
        ("variant", pa.string()),  # normalize.variant_key(text)
        ("skeleton", pa.string()),  # normalize.skeleton_key(text)
    ]
)


#: Posting lists: for each key tier (0 exact, 1 variant, 2 skeleton) and key, the name rows
#: that carry it, one row per (key, place, folded name) since the others score the same.
KEYS_SCHEMA = pa.schema([("tier", pa.int8()), ("key", pa.string()), ("rows", pa.list_(pa.int32()))])
KEY_TIERS = ("exact", "variant", "skeleton")


@dataclass
class IndexFile:
    """An opened index: its header and its Arrow tables (memory-mapped)."""

    path: str
    header: dict[str, Any]
    places: pa.Table
    names: pa.Table
    keys: pa.Table
    size_bytes: int

    def __post_init__(self) -> None:
        self._cols: dict[str, list[Any]] = {}

    def column(self, name: str) -> list[Any]:
        """A column as a Python list, converted once (``names.x`` for the names table)."""
        col = self._cols.get(name)
        if col is None:  # benign race: two threads may convert the same column once each
            table = self.names if name.startswith("names.") else self.places
            col = table.column(name.removeprefix("names.")).to_pylist()
            self._cols[name] = col
        return col

    def place(self, row: int) -> Place:
        """The place in row ``row`` (columns are converted to lists once, on first use)."""
        c = self.column
        start, count = c("name_start")[row], c("name_count")[row]
        stop = start + count
        names = tuple(
            Name(t, lang, src, tuple(f.split(",")) if f else ())
            for t, lang, src, f in zip(
                c("names.text")[start:stop],
                c("names.lang")[start:stop],
                c("names.source")[start:stop],
                c("names.flags")[start:stop],
            )
        )

        def ref(prefix: str) -> AdminRef | None:
            name = c(f"{prefix}_name")[row]
            if name is None:
                return None
            return AdminRef(name, c(f"{prefix}_name_ar")[row], c(f"{prefix}_pcode")[row])

        gov = ref("gov")
        assert gov is not None
        return Place(
            id=c("id")[row],
            name=c("name")[row],
            name_ar=c("name_ar")[row],
            kind=c("kind")[row],
            lat=c("lat")[row],
            lon=c("lon")[row],
            governorate=gov,
            district=ref("dist"),
            subdistrict=ref("sub"),
            population=c("population")[row],
            geonames_id=c("geonames_id")[row],
            pcode=c("pcode")[row],
            wikidata=c("wikidata")[row],
            iso3166_2=c("iso3166_2")[row],
            names=names,
            sources=tuple(SourceRef(s["source"], s["id"], s["licence"]) for s in c("sources")[row]),
            seat_of=tuple(c("seat_of")[row]),
            seat=c("seat")[row],
            admin_inferred=c("admin_inferred")[row],
        )


#: Kinds a descriptor word may take off a place's own name, besides admin words (any place: a town
#: carries the names of the subdistrict merged into it): "جامع الدالاتي" on a landmark, "Hay X" on a
#: neighbourhood, "مدينة حلب" on a city. ("Sasa Prison" on the town of Sasa stays whole.)
_CORE_KINDS: dict[str, frozenset[str]] = {
    "landmark": frozenset({"landmark"}),
    "neighbourhood": frozenset({"neighbourhood"}),
    "camp": frozenset({"camp"}),
    "city": frozenset({"city", "town"}),
    "town": frozenset({"city", "town", "village"}),
    "village": frozenset({"town", "village"}),
}


def core_name(text: str, kind: str) -> str | None:
    """The name inside ``text`` when a descriptor fits a place of ``kind``, else ``None``.

    >>> core_name("Nahiyat Markaz Darayya", "town"), core_name("ناحية مضايا", "subdistrict")
    ('Darayya', 'مضايا')
    >>> core_name("جامع الدالاتي", "landmark"), core_name("Sasa Prison", "town"), core_name("Talbiseh", "town")
    ('الدالاتي', None, None)
    """
    mention = parse_mention(text)
    if mention.name == mention.text or not mention.kind_hint:
        return None
    if mention.kind_hint in ADMIN_KINDS or kind in _CORE_KINDS.get(mention.kind_hint, ()):
        return mention.name
    return None


def with_core_names(names: Sequence[Name], kind: str) -> tuple[Name, ...]:
    """``names`` and, after them, each one's core (:func:`core_name`) not already there (flag ``"core"``).

    "ناحية مضايا" also gives "مضايا", so a bare name finds the unit (and, through its seat
    link, the town) even when no source spells it alone. Derived when the index is written,
    from the names being written.
    """
    seen = {(n.text, n.lang, n.source) for n in names}
    out = list(names)
    for n in names:
        core = core_name(n.text, kind)
        if core and (core, n.lang, n.source) not in seen:
            seen.add((core, n.lang, n.source))
            out.append(Name(core, n.lang, n.source, (*n.flags, "core")))
    return tuple(out)


def _tables(places: Sequence[Place]) -> tuple[pa.Table, pa.Table, pa.Table]:
    cols: dict[str, list[Any]] = {f.name: [] for f in PLACES_SCHEMA}
    ncols: dict[str, list[Any]] = {f.name: [] for f in NAMES_SCHEMA}
    for row, p in enumerate(places):
        names = with_core_names(p.names, p.kind)
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
        for prefix, ref in (("gov", p.governorate), ("dist", p.district), ("sub", p.subdistrict)):
            cols[f"{prefix}_name"].append(ref.name if ref else None)
            cols[f"{prefix}_name_ar"].append(ref.name_ar if ref else None)
            cols[f"{prefix}_pcode"].append(ref.pcode if ref else None)
        for name in ("id", "name", "name_ar", "kind", "lat", "lon", "population", "geonames_id", "pcode",
                     "wikidata", "iso3166_2", "seat", "admin_inferred"):  # fmt: skip
            cols[name].append(getattr(p, name))
        cols["sources"].append([{"source": s.source, "id": s.id, "licence": s.licence} for s in p.sources])
        cols["seat_of"].append(list(p.seat_of))
    return (
        pa.Table.from_pydict(cols, schema=PLACES_SCHEMA),
        pa.Table.from_pydict(ncols, schema=NAMES_SCHEMA),
        _posting_lists(ncols),
    )


def _posting_lists(ncols: dict[str, list[Any]]) -> pa.Table:
    tiers: list[int] = []
    keys_out: list[str] = []
    rows_out: list[list[int]] = []
    for tier, column in enumerate(KEY_TIERS):
        groups: dict[str, list[int]] = {}
        seen: set[tuple[str, int, str]] = set()
        for row, key in enumerate(ncols[column]):
            marker = (key, ncols["place"][row], ncols["exact"][row])
            if key and marker not in seen:
                seen.add(marker)
                groups.setdefault(key, []).append(row)
        for key in sorted(groups):
            tiers.append(tier)
            keys_out.append(key)
            rows_out.append(groups[key])
    return pa.Table.from_pydict({"tier": tiers, "key": keys_out, "rows": rows_out}, schema=KEYS_SCHEMA)


def _ipc_bytes(table: pa.Table) -> bytes:
    sink = pa.BufferOutputStream()
    with pa.ipc.new_file(sink, table.schema) as writer:
        writer.write_table(table)
    return bytes(sink.getvalue().to_pybytes())


def write_index(path: str | os.PathLike[str], places: Sequence[Place], header: Mapping[str, Any]) -> None:
    """Write places to ``path`` atomically (temporary file, then rename)."""
    places_table, names_table, keys_table = _tables(places)
    sections = {
        "places": _ipc_bytes(places_table),
        "names": _ipc_bytes(names_table),
        "keys": _ipc_bytes(keys_table),
    }
    head: dict[str, Any] = {
        "format": "gazetteer-index",
        "format_version": FORMAT_VERSION,
        "key_rules": KEY_RULES,
        **header,
    }
    # Offsets depend on the header length, which depends on the offsets: iterate.
    head["sections"] = {}
    header_bytes = b""
    for _ in range(4):
        header_bytes = json.dumps(head, ensure_ascii=False, sort_keys=True).encode("utf-8")
        start = 16 + len(header_bytes)
        start += -start % _ALIGN
        offsets, pos = {}, start
        for name, data in sections.items():
            offsets[name] = {"offset": pos, "length": len(data), "sha256": hashlib.sha256(data).hexdigest()}
            pos += len(data) + (-len(data) % _ALIGN)
        if offsets == head["sections"]:
            break
        head["sections"] = offsets
    header_bytes = json.dumps(head, ensure_ascii=False, sort_keys=True).encode("utf-8")
    pad = -(16 + len(header_bytes)) % _ALIGN
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(MAGIC)
            f.write(struct.pack("<Q", len(header_bytes) + pad))
            f.write(header_bytes + b" " * pad)
            for name, data in sections.items():
                assert f.tell() == head["sections"][name]["offset"]
                f.write(data)
                f.write(b"\0" * (-len(data) % _ALIGN))
            f.flush()
            os.fsync(f.fileno())
        os.chmod(tmp, 0o644)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def read_index(path: str | os.PathLike[str], *, verify: bool = True) -> IndexFile:
    """Open and check an index file; raise :class:`IndexFileError` on any problem."""
    p = Path(path)
    try:
        if p.is_dir():
            raise IndexFileError(p, "is a directory, not an index file")
        size = p.stat().st_size
        with open(p, "rb") as f:
            lead = f.read(16)
    except FileNotFoundError:
        raise IndexFileError(p, "no such index file") from None
    except PermissionError:
        raise IndexFileError(p, "permission denied") from None
    except OSError as e:
        raise IndexFileError(p, f"cannot be read ({e.strerror or e})") from None
    except (ValueError, UnicodeError) as e:  # NUL bytes, lone surrogates in the path
        raise IndexFileError(repr(str(p)), f"is not a usable path ({e})") from None
    if size == 0:
        raise IndexFileError(p, "is empty")
    if len(lead) < 16 or lead[:6] != MAGIC[:6]:
        raise IndexFileError(p, "is not a gazetteer index (bad magic bytes)")
    if lead[:8] != MAGIC:
        raise IndexFileError(p, f"has container version {lead[6:8].hex()}, this gazetteer reads {MAGIC[6:8].hex()}")
    (header_len,) = struct.unpack("<Q", lead[8:16])
    if header_len > min(_MAX_HEADER, size - 16):
        raise IndexFileError(p, "is truncated or corrupt (header length beyond end of file)")
    try:
        mm = pa.memory_map(str(p), "r")
    except OSError as e:
        raise IndexFileError(p, f"cannot be memory-mapped ({e})") from None
    try:
        mm.seek(16)
        header = json.loads(bytes(mm.read(header_len)).decode("utf-8"))
        if not isinstance(header, dict):
            raise ValueError("header is not an object")
    except (ValueError, UnicodeDecodeError) as e:
        raise IndexFileError(p, f"has a corrupt header ({e})") from None
    if header.get("format") != "gazetteer-index":
        raise IndexFileError(p, "is not a gazetteer index (format field)")
    if header.get("format_version") != FORMAT_VERSION:
        raise IndexFileError(
            p, f"has format version {header.get('format_version')!r}, this gazetteer reads {FORMAT_VERSION}"
        )
    tables: dict[str, pa.Table] = {}
    for name, schema in (("places", PLACES_SCHEMA), ("names", NAMES_SCHEMA), ("keys", KEYS_SCHEMA)):
        sec = header.get("sections", {}).get(name)
        try:
            offset, length, digest = int(sec["offset"]), int(sec["length"]), str(sec["sha256"])
        except (TypeError, KeyError, ValueError):
            raise IndexFileError(p, f"has no valid '{name}' section in its header") from None
        if offset < 16 + header_len or offset + length > size:
            raise IndexFileError(p, f"is truncated (section '{name}' ends past the end of the file)")
        mm.seek(offset)
        buf = mm.read_buffer(length)
        if verify and hashlib.sha256(memoryview(buf)).hexdigest() != digest:
            raise IndexFileError(p, f"is corrupt (checksum of section '{name}' does not match)")
        try:
            table = pa.ipc.open_file(buf).read_all()
        except (pa.ArrowInvalid, pa.ArrowException, OSError) as e:
            raise IndexFileError(p, f"has an unreadable '{name}' section ({e})") from None
        if not table.schema.equals(schema):
            raise IndexFileError(p, f"has an unexpected schema in section '{name}'")
        tables[name] = table
    return IndexFile(str(p), header, tables["places"], tables["names"], tables["keys"], size)
