"""Building from the real sources: counts, merges, same-name places kept apart, exclusion, determinism."""

from __future__ import annotations

import json
import random
import shutil
from collections import Counter
from pathlib import Path

import pytest

from gazetteer import load
from gazetteer.adapters import SOURCES
from gazetteer.build import build
from gazetteer.merge import merge
from gazetteer.model import SourceRecord
from gazetteer.resolve import Gazetteer


def test_build__more_than_1000_places_each_with_a_governorate(full: Gazetteer) -> None:
    places = list(full.places())
    assert len(places) > 1000
    assert len({p.id for p in places}) == len(places)
    assert all(p.governorate.pcode and p.governorate.name for p in places)
    assert {p.governorate.pcode for p in places} == {f"SY{n:02d}" for n in range(1, 15)}


def test_build__info_lists_sources_with_licences(full: Gazetteer) -> None:
    sources = {s["name"]: s for s in full.header["sources"]}
    assert {"geonames", "opensyria", "syrianarchive", "curated"} <= set(sources)
    for name, s in sources.items():
        assert s["licence"] == SOURCES[name].licence
        assert s["attribution"]


def test_build__talbiseh_is_one_place_with_every_id(full: Gazetteer) -> None:
    talbiseh = [p for p in full.places() if p.geonames_id == 163779 or p.pcode == "SY040401"]
    assert len(talbiseh) == 1
    place = talbiseh[0]
    assert place.geonames_id == 163779
    assert place.pcode == "SY040401"
    refs = {(s.source, s.id) for s in place.sources}
    assert {("geonames", "163779"), ("opensyria", "sy-homs-al-rastan-talbiseh"), ("syrianarchive", "512")} <= refs
    assert place.governorate.pcode == "SY04"
    assert place.district is not None and place.district.pcode == "SY0404"
    assert place.name_ar == "تلبيسة"


def test_build__admin_units_and_seats_know_each_other(full: Gazetteer) -> None:
    homs_gov = full.place("pcode:SY04")
    assert homs_gov is not None and homs_gov.kind == "governorate" and homs_gov.iso3166_2 == "SY-HI"
    assert homs_gov.seat is not None
    city = full.place(homs_gov.seat)
    assert city is not None and city.geonames_id == 169577
    assert "pcode:SY04" in city.seat_of


def test_build__subdistrict_far_from_its_town_is_linked_to_it(full: Gazetteer) -> None:
    # Jirud subdistrict's centre point lies 16 km from Jayrud town: too far to merge, linked instead.
    jirud = full.place("pcode:SY030301")
    assert jirud is not None and jirud.kind == "subdistrict" and jirud.seat is not None
    town = full.place(jirud.seat)
    assert town is not None and town.kind in ("city", "town", "village") and town.geonames_id == 169113
    assert "pcode:SY030301" in town.seat_of


def test_build__same_name_places_stay_apart(full: Gazetteer) -> None:
    qusayr = [p for p in full.places() if p.name_ar == "القصير" and p.kind == "town"]
    qusur = [p for p in full.places() if p.name_ar == "القصور" and p.governorate.pcode == "SY04"]
    assert len(qusayr) == 1 and len(qusur) == 1
    assert qusayr[0].id != qusur[0].id
    # Names shared by places in several governorates stay several places.
    by_name = Counter((p.name_ar, p.governorate.pcode) for p in full.places() if p.name_ar == "الحميدية")
    assert len({gov for _, gov in by_name}) >= 2


def test_build__exclude_source_leaves_nothing_of_it(data_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "no-sa.gzidx"
    build([data_dir], out, exclude={"syrianarchive"})
    g = load(out)
    assert "syrianarchive" not in {s["name"] for s in g.header["sources"]}
    for p in g.places():
        assert all(s.source != "syrianarchive" for s in p.sources)
        assert all(n.source != "syrianarchive" for n in p.names)
    assert g.resolve("Ter Maela") is None  # known only to the Syrian Archive


def test_build__input_order_does_not_change_the_index(data_dir: Path, tmp_path: Path, full: Gazetteer) -> None:
    shuffled = tmp_path / "shuffled"
    shuffled.mkdir()
    for f in data_dir.iterdir():
        if f.name == "SHA256SUMS":
            continue  # the shuffled copies are not the recorded upstream files
        if f.name == "syrianarchive_locations.json":
            rows = json.loads(f.read_text(encoding="utf-8"))
            random.Random(7).shuffle(rows)
            (shuffled / f.name).write_text(json.dumps(rows, ensure_ascii=False), encoding="utf-8")
        elif f.name.startswith("geonames_cities"):
            lines = f.read_text(encoding="utf-8").splitlines(keepends=True)
            random.Random(7).shuffle(lines)
            (shuffled / f.name).write_text("".join(lines), encoding="utf-8")
        else:
            shutil.copy(f, shuffled / f.name)
    out = tmp_path / "shuffled.gzidx"
    build([shuffled], out)
    assert [p.id for p in load(out).places()] == [p.id for p in full.places()]
    assert list(load(out).places()) == list(full.places())


def test_build__report_counts_skips_with_reasons(full: Gazetteer) -> None:
    report = full.header["build_report"]
    assert report["merged_places"] > 100
    assert report["seats_merged"] > 100
    for s in report["skipped"]:
        assert s["reason"] and s["rows"] > 0


def _rec(source: str, sid: str, name: str, lat: float, lon: float, **kw: object) -> SourceRecord:
    return SourceRecord(source=source, source_id=sid, name=name, kind=str(kw.pop("kind", "town")), lat=lat, lon=lon,
                        governorate=str(kw.pop("governorate", "11")), **kw)  # type: ignore[arg-type]  # fmt: skip


def _merge(*recs: SourceRecord) -> list[object]:
    from gazetteer.adapters import ReadResult

    places, _ = merge([ReadResult("x", Path("x"), list(recs))])
    return [p for p in places if p.kind not in ("governorate",)]


def test_merge__same_name_close_rows_of_two_sources_join() -> None:
    places = _merge(
        _rec("geonames", "1", "Tallbīsah", 34.8407, 36.7309, external_ids={"geonames": "1"}),
        _rec("syrianarchive", "5", "Talbisah", 34.8336, 36.7357, governorate="HOMS"),
    )
    assert len(places) == 1


def test_merge__same_name_far_apart_stay_apart() -> None:
    places = _merge(
        _rec("geonames", "1", "Al Hamidiyah", 34.71, 35.95, governorate="14", external_ids={"geonames": "1"}),
        _rec("syrianarchive", "7", "Al-Hamidiyah", 35.10, 36.70, governorate="HAMA"),
    )
    assert len(places) == 2


def test_merge__two_geonames_ids_never_join() -> None:
    places = _merge(
        _rec("geonames", "1", "Kafr Zita", 35.37, 36.60, governorate="10", external_ids={"geonames": "1"}),
        _rec("geonames", "2", "Kafr Zita", 35.371, 36.601, governorate="10", external_ids={"geonames": "2"}),
    )
    assert len(places) == 2


def test_merge__outside_syria_is_skipped_with_a_reason() -> None:
    from gazetteer.adapters import ReadResult

    places, report = merge([ReadResult("x", Path("x"), [_rec("syrianarchive", "9", "Paris", 48.85, 2.35)])])
    assert all(p.name != "Paris" for p in places)
    assert report.skipped[("syrianarchive", "coordinates outside Syria")] == 1


@pytest.mark.parametrize("kind", ["district", "subdistrict"])
def test_merge__only_authoritative_sources_make_admin_units(kind: str) -> None:
    places = _merge(_rec("syrianarchive", "3", "Somewhere nahiyah", 34.5, 36.5, kind=kind))
    assert [p.kind for p in places] == ["town"]  # type: ignore[attr-defined]
