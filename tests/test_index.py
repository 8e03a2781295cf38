"""The index file: round trip, metadata, and every kind of damaged or foreign file."""

from __future__ import annotations

import json
import os
import struct
from pathlib import Path

import pytest

from gazetteer import IndexFileError, load
from gazetteer.index import MAGIC, read_index, write_index


def test_index__round_trip_keeps_every_place(embedded_index_path: Path) -> None:
    g = load(embedded_index_path)
    places = list(g.places())
    out = embedded_index_path.parent / "copy.gzidx"
    write_index(out, places, {"data_version": "copy"})
    again = load(out)
    assert list(again.places()) == places
    assert again.data_version == "copy"


def test_index__header_has_versions_sources_and_checksums(full: object, full_index_path: Path) -> None:
    header = read_index(full_index_path).header
    assert header["format"] == "gazetteer-index"
    assert header["format_version"] == 1
    assert len(header["data_version"]) == 12
    assert header["built_at"].endswith("Z")
    names = {s["name"] for s in header["sources"]}
    assert {"geonames", "opensyria", "syrianarchive", "curated"} <= names
    for s in header["sources"]:
        assert s["licence"]
        for f in s["files"]:
            assert len(f["sha256"]) == 64 and f["rows"] >= 0


def test_index__opens_memory_mapped_without_copying(full_index_path: Path) -> None:
    idx = read_index(full_index_path)
    # Zero-copy: the table buffers live in the memory-mapped file, not on the heap.
    import pyarrow as pa

    before = pa.total_allocated_bytes()
    read_index(full_index_path)
    assert pa.total_allocated_bytes() - before < idx.size_bytes // 4


def _damage(src: Path, dst: Path, how: str) -> Path:
    data = bytearray(src.read_bytes())
    if how == "truncated":
        data = data[: len(data) // 2]
    elif how == "corrupted":
        data[-200] ^= 0xFF
    elif how == "bad-magic":
        data[:6] = b"PAR1\x00\x00"
    elif how == "future-version":
        (n,) = struct.unpack("<Q", data[8:16])
        header = json.loads(data[16 : 16 + n])
        header["format_version"] = 99
        text = json.dumps(header, sort_keys=True).encode().ljust(n)
        if len(text) != n:
            pytest.skip("header grew")
        data[16 : 16 + n] = text
    elif how == "header-garbage":
        data[20:60] = b"\xff" * 40
    elif how == "empty":
        data = bytearray()
    elif how == "tiny":
        data = bytearray(MAGIC[:5])
    dst.write_bytes(bytes(data))
    return dst


@pytest.mark.parametrize(
    ("how", "message"),
    [
        ("truncated", "truncated"),
        ("corrupted", "checksum"),
        ("bad-magic", "not a gazetteer index"),
        ("future-version", "format version 99"),
        ("header-garbage", "corrupt header"),
        ("empty", "empty"),
        ("tiny", "not a gazetteer index"),
    ],
)
def test_index__damaged_file_names_file_and_rebuild_command(
    embedded_index_path: Path, tmp_path: Path, how: str, message: str
) -> None:
    bad = _damage(embedded_index_path, tmp_path / f"{how}.gzidx", how)
    with pytest.raises(IndexFileError) as err:
        load(bad)
    text = str(err.value)
    assert message in text
    assert str(bad) in text
    assert "gazetteer build" in text


def test_index__directory_missing_file_and_foreign_files(tmp_path: Path) -> None:
    with pytest.raises(IndexFileError, match="is a directory"):
        load(tmp_path)
    with pytest.raises(IndexFileError, match="no such index file"):
        load(tmp_path / "nope.gzidx")
    parquet = tmp_path / "x.parquet"
    import pyarrow as pa
    import pyarrow.parquet as pq

    pq.write_table(pa.table({"a": [1]}), parquet)
    with pytest.raises(IndexFileError, match="not a gazetteer index"):
        load(parquet)


@pytest.mark.skipif(hasattr(os, "geteuid") and os.geteuid() == 0, reason="root reads any file")
def test_index__unreadable_file(embedded_index_path: Path, tmp_path: Path) -> None:
    locked = tmp_path / "locked.gzidx"
    locked.write_bytes(embedded_index_path.read_bytes())
    locked.chmod(0)
    with pytest.raises(IndexFileError, match="permission denied"):
        load(locked)


def test_index__failed_write_leaves_the_old_index(
    embedded_index_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "keep.gzidx"
    target.write_bytes(embedded_index_path.read_bytes())
    before = target.read_bytes()
    places = list(load(embedded_index_path).places())

    def disk_full(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("gazetteer.index.os.fsync", disk_full)
    with pytest.raises(OSError, match="No space left"):
        write_index(target, places, {})
    assert target.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["keep.gzidx"]


def test_index__non_path_argument_is_a_clear_error() -> None:
    with pytest.raises(IndexFileError, match="is not a path"):
        load(42)  # type: ignore[arg-type]
