"""The index file: round trip, metadata, and every kind of damaged or foreign file."""

from __future__ import annotations

import hashlib
import os
import random
import struct
import subprocess
import sys
import warnings
from dataclasses import replace
from pathlib import Path

import pytest

from gazetteer import CorruptIndexError, Gazetteer, IndexFileError, StaleIndexWarning, load
from gazetteer.cli import info_dict
from gazetteer.index import MAGIC, read_index, write_index
from gazetteer.model import Name
from gazetteer.naming import with_core_names
from gazetteer.normalize import KEY_RULES


def test_index__round_trip_keeps_every_place(full_index_path: Path) -> None:
    g = load(full_index_path)
    places = list(g.places())
    out = full_index_path.parent / "copy.gzidx"
    write_index(out, places, {"data_version": "copy"})
    again = load(out)
    assert list(again.places()) == places
    assert again.data_version == "copy"


def test_index__header_has_versions_sources_and_checksums(full: object, full_index_path: Path) -> None:
    header = read_index(full_index_path).header
    assert header["format"] == "gazetteer-index"
    assert header["format_version"] == 2
    assert len(header["data_version"]) == 12
    assert header["built_at"].endswith("Z")
    names = {s["name"] for s in header["sources"]}
    assert {"geonames", "opensyria", "syrianarchive", "curated"} <= names
    for s in header["sources"]:
        assert s["licence"]
        for f in s["files"]:
            assert len(f["sha256"]) == 64 and f["rows"] >= 0


def test_index__every_flipped_byte_is_refused_naming_the_file(full_index_path: Path, tmp_path: Path) -> None:
    """Header, preamble, padding-free sections: a flipped byte anywhere gives an IndexFileError, never a wrong index."""
    data = full_index_path.read_bytes()
    (n,) = struct.unpack("<Q", data[8:16])
    positions = list(range(48 + 64)) + list(range(48 + n - 32, 48 + n + 32))  # preamble, header edges
    positions += [*random.Random(1).sample(range(len(data)), 150), len(data) - 1]
    bad = tmp_path / "flipped.gzidx"
    for pos in positions:
        damaged = bytearray(data)
        damaged[pos] ^= 0x01
        bad.write_bytes(bytes(damaged))
        expected = IndexFileError if pos in (6, 7) else CorruptIndexError  # 6-7: the container version
        with pytest.raises(expected) as err:
            load(bad).resolve("Talbiseh")
        assert str(bad) in str(err.value), pos


def test_index__query_path_imports_neither_pyarrow_nor_pyproj(full_index_path: Path) -> None:
    script = (
        "import sys, gazetteer\n"
        f"g = gazetteer.load({str(full_index_path)!r})\n"
        "assert g.resolve('Talbiseh', province='Homs').place.geonames_id == 163779\n"
        "assert g.resolve('Talbissa').place.geonames_id == 163779\n"
        "print(sorted(m for m in ('pyarrow', 'pyproj', 'numpy') if m in sys.modules))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parent.parent)},
    )
    assert out.stdout.strip() == "[]", out.stdout + out.stderr


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
        header = bytes(data[48 : 48 + n])
        changed = header.replace(b'"format_version": 2', b'"format_version":99')
        assert len(changed) == n and changed != header
        data[48 : 48 + n] = changed
        data[16:48] = hashlib.sha256(changed).digest()
    elif how == "header-garbage":
        data[60:100] = b"\xff" * 40
    elif how == "empty":
        data = bytearray()
    elif how == "tiny":
        data = bytearray(MAGIC[:5])
    elif how == "extra-bytes":
        data += b"\0"
    dst.write_bytes(bytes(data))
    return dst


@pytest.mark.parametrize(
    ("how", "message"),
    [
        ("truncated", "truncated"),
        ("corrupted", "checksum"),
        ("bad-magic", "not a gazetteer index"),
        ("future-version", "format version 99"),
        ("header-garbage", "checksum of the header"),
        ("extra-bytes", "unexpected bytes"),
        ("empty", "empty"),
        ("tiny", "not a gazetteer index"),
    ],
)
def test_index__damaged_file_names_file_and_rebuild_command(
    full_index_path: Path, tmp_path: Path, how: str, message: str
) -> None:
    bad = _damage(full_index_path, tmp_path / f"{how}.gzidx", how)
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
def test_index__unreadable_file(full_index_path: Path, tmp_path: Path) -> None:
    locked = tmp_path / "locked.gzidx"
    locked.write_bytes(full_index_path.read_bytes())
    locked.chmod(0)
    with pytest.raises(IndexFileError, match="permission denied"):
        load(locked)


def test_index__failed_write_leaves_the_old_index(
    full_index_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "keep.gzidx"
    target.write_bytes(full_index_path.read_bytes())
    before = target.read_bytes()
    places = list(load(full_index_path).places())

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


def test_index__built_with_other_key_rules_warns_and_still_answers(full: Gazetteer, tmp_path: Path) -> None:
    homs = full.place("gn:169577")
    assert homs is not None
    write_index(tmp_path / "old.gzidx", [homs], {"data_version": "test", "key_rules": KEY_RULES - 1})
    with pytest.warns(StaleIndexWarning, match="gazetteer build"):
        old = load(tmp_path / "old.gzidx")
    match = old.resolve("Homs")
    assert match is not None and match.place.id == "gn:169577"
    assert info_dict(old)["key_rules"] == KEY_RULES - 1


def test_index__written_now_records_the_key_rules_and_does_not_warn(full: Gazetteer, tmp_path: Path) -> None:
    write_index(tmp_path / "new.gzidx", list(full.places())[:5], {"data_version": "test"})
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        new = load(tmp_path / "new.gzidx")
    assert new.header["key_rules"] == KEY_RULES


def test_index__admin_names_give_their_core_name(full: Gazetteer, tmp_path: Path) -> None:
    madaya = full.place("gn:167558")
    assert madaya is not None and any(n.text == "ناحية مضايا" for n in madaya.names)
    # Held out like the leave-one-out benchmark: no source's bare Arabic spelling is left.
    reduced = replace(madaya, names=tuple(n for n in madaya.names if n.text != "مضايا"))
    write_index(tmp_path / "core.gzidx", [reduced], {"data_version": "test"})
    g = load(tmp_path / "core.gzidx")
    place = g.place("gn:167558")
    assert place is not None
    derived = [n for n in place.names if n.text == "مضايا"]
    assert derived and all("core" in n.flags for n in derived)
    match = g.resolve("مضايا")
    assert match is not None and match.place.id == "gn:167558" and match.tier == "exact"


def test_with_core_names__adds_each_core_once_and_only_for_fitting_words() -> None:
    names = (
        Name("Nahiyat Madaya", "en", "ocha"),
        Name("Madaya Subdistrict", "en", "ocha"),
        Name("Madaya", "en", "opensyria"),
        Name("Sasa Prison", "en", "sa"),
    )
    out = with_core_names(names, "town")
    assert out[: len(names)] == names
    assert out[len(names) :] == (Name("Madaya", "en", "ocha", ("core",)),)
    assert with_core_names(out, "town") == out
    # A descriptor of another kind is kept: the town of Sasa is not "Sasa Prison"'s core on a prison.
    prison = with_core_names((Name("Sasa Prison", "en", "sa"),), "landmark")
    assert prison[1:] == (Name("Sasa", "en", "sa", ("core",)),)


def test_index__a_compass_word_stays_in_the_name_it_is_part_of(full: Gazetteer) -> None:
    # "ناحية الغوطة الشرقية" (Eastern Ghouta subdistrict, on Jaramana) gave Jaramana the core "الغوطة",
    # "ناحية عين الشرقية" the core "عين" (spring) and "Eastern Kwaires Subdistrict" the core "Kwaires"
    for pid, core in (("gn:169174", "الغوطة"), ("gn:171998", "الغوطة"), ("gn:172173", "عين"), ("gn:167713", "Kwaires")):
        place = full.place(pid)
        assert place is not None and core not in {n.text for n in place.names}, (pid, core)
    assert [m.place.id for m in full.candidates("الغوطة")][:1] == ["cur:ghouta"]  # the oasis (curated name)
    assert with_core_names((Name("ناحية الغوطة الشرقية", "ar", "x"),), "subdistrict")[1:] == ()


@pytest.mark.parametrize("n_places", [0, 1])
def test_index__tiny_index_without_seat_links_opens_and_answers(full: Gazetteer, tmp_path: Path, n_places: int) -> None:
    homs = full.place("gn:169577")
    assert homs is not None
    lone = replace(homs, seat_of=(), seat=None)
    write_index(tmp_path / "tiny.gzidx", [lone][:n_places], {"data_version": "test"})
    g = load(tmp_path / "tiny.gzidx")
    assert len(g) == n_places
    match = g.resolve("Homs")
    assert (match.place.id if match else None) == ("gn:169577" if n_places else None)
