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
from gazetteer.build import build, format_report
from gazetteer.merge import merge
from gazetteer.model import SourceRecord
from gazetteer.normalize import is_arabic
from gazetteer.quality import CHECKS as QUALITY_CHECKS
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


# --------------------------------------------------------------------------- the shipped index: quality targets


def _quality(full: Gazetteer) -> dict[str, object]:
    q = full.header["quality"]
    assert isinstance(q, dict)
    return q


def test_quality__every_check_is_zero_or_explained(full: Gazetteer) -> None:
    q = _quality(full)
    counts = q["counts"]
    assert isinstance(counts, dict)
    for check in QUALITY_CHECKS:
        assert counts[check] == 0, check
    explained = q["explained"]
    assert isinstance(explained, dict)
    assert len(explained.get("duplicates", [])) <= 2
    assert all(item["reason"] for items in explained.values() for item in items)


def test_quality__report_lists_checks_and_dropped_rows(data_dir: Path, tmp_path: Path) -> None:
    out, report = tmp_path / "x.gzidx", tmp_path / "quality.json"
    result = build([data_dir], out, report=report)
    written = json.loads(report.read_text(encoding="utf-8"))
    assert written["counts"] == result.quality["counts"]
    assert set(QUALITY_CHECKS) <= set(written)
    dropped = {(d["source"], d["reason"]) for d in written["dropped"]}
    assert ("syrianarchive", "copied point") in dropped  # e.g. Kawakibi and Martini, one point, owner unknown
    rows = {d["row"]: d for d in written["decisions"]}
    assert rows["syrianarchive:463"]["rule"] == "misplaced unit row"  # Qamishli nahiyah, on Hasakah city
    text = format_report(result)
    assert "Data quality:" in text and "duplicates: 0" in text


def test_quality__name_ar_is_arabic_and_names_have_no_unit_prefix(full: Gazetteer) -> None:
    for p in full.places():
        if p.name_ar:
            assert is_arabic(p.name_ar) and not set(p.name_ar) & set("پچژگکیۆێەڕڵ"), (p.id, p.name_ar)
            assert not any("a" <= ch.lower() <= "z" for ch in p.name_ar), (p.id, p.name_ar)
        if p.id != "pcode:SY0301":  # the district's OCHA name is "Markaz Rif Dimashq"
            assert not p.name.lower().startswith(("markaz ", "nahiyat ", "nāḩiyat ")), (p.id, p.name)


@pytest.mark.parametrize(
    ("place", "allowed"),
    [
        ("gn:170905", {"درعا"}),  # Daraa city
        ("gn:172256", {"عين العرب"}),  # Kobani / Ayn al-Arab
        ("gn:166716", {"مخيم اليرموك", "اليرموك"}),  # Yarmouk camp
        ("gn:173377", {"القامشلي"}),  # Qamishli
    ],
)
def test_quality__arabic_names_of_the_audit(full: Gazetteer, place: str, allowed: set[str]) -> None:
    p = full.place(place)
    assert p is not None and p.name_ar in allowed


@pytest.mark.parametrize(
    ("mention", "province", "expected"),
    [
        ("Kasra", None, "gn:8308210"),  # not SA's "Kasra nahiyah", 181 km away in Aleppo
        ("al-Houl", None, "gn:173797"),  # not SA's al-Houl row on al-Arisheh's point
        ("Al-Hol", "Hasakah", "gn:173797"),  # the town, or its camp (linked to it as its parent, 2 km away)
    ],
)
def test_quality__resolve_finds_the_right_place(
    full: Gazetteer, mention: str, province: str | None, expected: str
) -> None:
    match = full.resolve(mention, province=province)
    assert match is not None and expected in (match.place.id, match.place.parent)


def test_quality__hammam_al_turkman_is_in_raqqa(full: Gazetteer) -> None:
    match = full.resolve("Hammam al-Turkman", province="Raqqa")
    assert match is not None and match.in_province is True and match.place.governorate.pcode == "SY11"


def test_quality__bara_data_side(full: Gazetteer) -> None:
    """Aleppo's "Berea" is historic, and al-Bara (البارة, Idlib) is a place."""
    aleppo = full.place("gn:170063")
    assert aleppo is not None
    assert all("historic" in n.flags for n in aleppo.names if n.text in ("Berea", "Beroea"))
    bara = [p for p in full.places() if p.name_ar == "البارة" and p.governorate.pcode == "SY07"]
    assert len(bara) == 1


def test_quality__a_name_flagged_wrong_leaves_its_place(full: Gazetteer) -> None:
    """GeoNames gives Hajin the name of Abu Hardub, a village of al-Mayadin: a curated row flagged
    ``wrong`` takes it away in every spelling of its key, and adds none; Hajin keeps its own names."""
    hajin = full.place("gn:174506")
    assert hajin is not None
    texts = {n.text for n in hajin.names}
    assert "Abu Hardub" not in texts and "Abū Ḩardūb" not in texts
    assert {"Hajin", "هجين"} <= texts
    assert full.candidates("Abu Hardub") == []
    match = full.resolve("Hajin", province="Deir ez-Zor")
    assert match is not None and match.place.id == "gn:174506"


def test_quality__bara_is_al_bara_not_aleppo(full: Gazetteer) -> None:
    match = full.resolve("Bara", min_confidence=0)
    assert match is not None and match.place.name_ar == "البارة" and match.place.governorate.pcode == "SY07"
    assert not match.ambiguous  # Aleppo's historic "Berea" is no rival
    assert all(m.place.id != "gn:170063" for m in [full.resolve("Bara")] if m is not None)


def test_quality__seat_towns_carry_their_subdistrict_pcode(full: Gazetteer) -> None:
    for p in full.places():
        for unit_id in p.seat_of:
            unit = full.place(unit_id)
            assert unit is not None
            if unit.kind == "subdistrict":
                assert p.pcode == unit.pcode, (p.id, unit_id)


def test_merge__a_name_that_says_another_kind_is_dropped(full: Gazetteer) -> None:
    """GeoNames gives the city of Idlib "محافظة إدلب" and OpenSyria the Idlib district "مدينة إدلب":
    each names another place, and each answers that place."""
    city, district = full.place("gn:169389"), full.place("pcode:SY0700")
    assert city is not None and district is not None
    assert "محافظة إدلب" not in {n.text for n in city.names}
    assert "مدينة إدلب" not in {n.text for n in district.names}
    governorate = full.resolve("محافظة إدلب")
    assert governorate is not None and governorate.place.id == "pcode:SY07"
    assert [m.match.place.id for m in full.geoparse("بعد مدينة إدلب مركز المحافظة")] == ["gn:169389"]


@pytest.mark.parametrize(("epoch", "expected"), [("0", "1970-01-01T00:00:00Z"), ("86400", "1970-01-02T00:00:00Z")])
def test_build__source_date_epoch_sets_the_build_time(
    monkeypatch: pytest.MonkeyPatch, epoch: str, expected: str
) -> None:
    from gazetteer.build import _built_at

    monkeypatch.setenv("SOURCE_DATE_EPOCH", epoch)
    assert _built_at() == expected


@pytest.mark.parametrize("epoch", ["", "soon", "²", "-5"])
def test_build__a_source_date_epoch_that_is_no_number_is_ignored(monkeypatch: pytest.MonkeyPatch, epoch: str) -> None:
    from gazetteer.build import _built_at

    monkeypatch.setenv("SOURCE_DATE_EPOCH", epoch)
    stamp = _built_at()  # the time now, not a traceback ("²" is a digit to str.isdigit, not to int)
    assert len(stamp) == 20 and stamp.endswith("Z") and not stamp.startswith("1970")
