"""Tests of the upstream-format readers (gazetteer.adapters.*).

Small fixtures in ``tests/fixtures/<source>/`` are written in the exact upstream
formats (see ``tests/fixtures/ADAPTERS.md``); the real files of ``../shared/data``
(or ``$GAZETTEER_SOURCE_DATA``) are read too when present.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from gazetteer.adapters import ReadResult, Skip, curated, discover, geonames, ocha, opensyria
from gazetteer.adapters import syrianarchive as sa
from gazetteer.errors import SourceFormatError
from gazetteer.geo import in_syria
from gazetteer.model import KINDS, Name, SourceRecord
from gazetteer.resolve import Gazetteer

REPO = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
GN = FIXTURES / "geonames"
OS = FIXTURES / "opensyria"


@pytest.fixture(scope="module")
def source_data(data_dir: Path) -> Path:
    """The real source files (conftest's ``data_dir``: ``$GAZETTEER_SOURCE_DATA`` or ../shared/data)."""
    return data_dir


def by_id(result: ReadResult) -> dict[str, SourceRecord]:
    return {r.source_id: r for r in result.records}


def reasons(result: ReadResult) -> Counter[str]:
    return Counter(s.reason for s in result.skipped)


def names_of(record: SourceRecord) -> list[tuple[str, str, tuple[str, ...]]]:
    return [(n.text, n.lang, n.flags) for n in record.names]


def assert_well_formed(result: ReadResult) -> None:
    """Every record has a kind of KINDS, a name, and coordinates in Syria or none."""
    for r in result.records:
        assert r.kind in KINDS, r
        assert r.name, r
        assert r.source == result.source
        if r.lat is not None and r.lon is not None:
            assert in_syria(r.lat, r.lon), r
        assert all(isinstance(n, Name) and n.text == n.text.strip() for n in r.names)


# --------------------------------------------------------------------------- GeoNames dump


@pytest.fixture(scope="module")
def sy_dump() -> ReadResult:
    return geonames.read_dump(GN / "SY.txt")


def test_geonames_dump__kinds_from_feature_codes(sy_dump: ReadResult) -> None:
    kinds = {sid: (r.kind, r.feature_code) for sid, r in by_id(sy_dump).items()}
    assert kinds == {
        "163779": ("town", "P.PPLA3"),
        "169577": ("city", "P.PPLA"),
        "7910001": ("neighbourhood", "P.PPLX"),
        "7910002": ("landmark", "S.PRN"),
        "7910003": ("feature", "T.MT"),
        "7910004": ("camp", "S.CMPRF"),
        "163532": ("district", "A.ADM2"),
        "7910010": ("town", "P.PPLA2"),
        "7910011": ("city", "P.PPL"),
        "7910012": ("village", "P.PPL"),
    }
    assert_well_formed(sy_dump)


def test_geonames_dump__skips_with_reasons(sy_dump: ReadResult) -> None:
    assert sy_dump.rows == 18
    assert [(s.row, s.reason) for s in sy_dump.skipped] == [
        ("163843", "not a place kind we keep"),
        ("7910005", "not a place kind we keep"),
        ("10", "malformed line"),
        ("11", "bad encoding"),
        ("7910008", "empty name"),
        ("13", "duplicate id"),
        ("7910009", "coordinates outside Syria"),
        ("7910010", "swapped lat/lon (fixed)"),
        ("7910013", "malformed coordinates"),
    ]
    dropped = [s for s in sy_dump.skipped if not s.reason.endswith("(fixed)")]
    assert len(sy_dump.records) + len(dropped) == sy_dump.rows


def test_geonames_dump__record_fields(sy_dump: ReadResult) -> None:
    t = by_id(sy_dump)["163779"]
    assert (t.name, t.name_ar, t.lat, t.lon, t.population) == (
        "Tallbīsah",
        "تلبيسة",
        34.84072,
        36.73092,
        38491,
    )
    assert (t.governorate, t.parent_id, t.source) == ("11", None, "geonames")
    assert t.external_ids == {"geonames": "163779", "geonames_admin1": "11"}
    district = by_id(sy_dump)["163532"]
    assert district.external_ids["geonames_admin2"] == "163532"
    assert district.parent_id is None  # its admin2 code is itself


def test_geonames_dump__names_keep_latin_and_arabic_only(sy_dump: ReadResult) -> None:
    t = by_id(sy_dump)["163779"]
    assert names_of(t) == [
        ("Tallbīsah", "und", ("official",)),
        ("Tallbisah", "und", ()),
        ("Talbisah", "und", ()),
        ("Talbiseh", "und", ()),
        ("Telbise", "und", ()),
        ("tlbyst", "und", ()),
        ("تلبيسة", "ar", ()),
    ]  # Cyrillic dropped, duplicates merged
    salamiyah = by_id(sy_dump)["7910011"]
    assert "Σαλαμίγια" not in {n.text for n in salamiyah.names}


def test_geonames_dump__name_ar_avoids_admin_phrases(sy_dump: ReadResult) -> None:
    assert by_id(sy_dump)["169577"].name_ar == "حمص"  # not "محافظة حمص"
    assert by_id(sy_dump)["163532"].name_ar is None


def test_geonames_dump__swapped_coordinates_are_fixed(sy_dump: ReadResult) -> None:
    rastan = by_id(sy_dump)["7910010"]
    assert (rastan.lat, rastan.lon) == (34.92, 36.71)


def test_geonames_dump__all_countries_aggregates_other_countries() -> None:
    result = geonames.read(GN / "allCountries.txt")
    assert sorted(by_id(result)) == ["163779", "169577"]
    assert result.rows == 5
    assert result.skipped == [Skip("geonames", "*", "other country", "3 rows", count=3)]


def test_geonames_dump__wrong_column_count_raises(tmp_path: Path) -> None:
    path = tmp_path / "SY.txt"
    path.write_text("a,b,c\n1,2,3\n4,5,6\n", encoding="utf-8")
    with pytest.raises(SourceFormatError, match=r"SY\.txt.*19 tab-separated columns"):
        geonames.read(path)


def test_geonames_dump__binary_or_wrong_encoding_raises(tmp_path: Path) -> None:
    binary = tmp_path / "cities500.txt"
    binary.write_bytes(b"PK\x03\x04\x00\x00binary zip")
    with pytest.raises(SourceFormatError, match="binary"):
        geonames.read(binary)
    latin1 = tmp_path / "SY.txt"
    row = "\t".join(["1", "Hom\xe9", "Home", "", "34.7", "36.7", "P", "PPL", "SY"] + [""] * 10)
    latin1.write_bytes((row + "\n").encode("latin-1") * 3)
    with pytest.raises(SourceFormatError, match="UTF-8"):
        geonames.read(latin1)


def test_geonames_dump__missing_file_raises(tmp_path: Path) -> None:
    with pytest.raises(SourceFormatError, match="cannot read"):
        geonames.read(tmp_path / "SY.txt")


# --------------------------------------------------------------------------- GeoNames admin codes


def test_geonames_admin_codes__admin1() -> None:
    result = geonames.read_admin_codes(GN / "admin1CodesASCII.txt")
    homs = by_id(result)["169575"]
    assert (homs.kind, homs.name, homs.governorate, homs.lat, homs.lon) == (
        "governorate",
        "Homs",
        "11",
        None,
        None,
    )
    assert homs.external_ids == {"geonames": "169575", "geonames_admin1": "11"}
    assert sorted(by_id(result)) == ["169575", "170062"]
    assert result.skipped == [Skip("geonames", "*", "other country", "2 rows", count=2)]


def test_geonames_admin_codes__admin2() -> None:
    result = geonames.read(GN / "admin2Codes.txt")
    district = by_id(result)["163532"]
    assert (district.kind, district.name, district.governorate) == ("district", "Talkalakh District", "11")
    assert district.external_ids == {
        "geonames": "163532",
        "geonames_admin1": "11",
        "geonames_admin2": "163532",
    }
    assert len(result.records) == 2
    assert [(s.row, s.reason) for s in result.skipped] == [("4", "malformed line"), ("*", "other country")]


# --------------------------------------------------------------------------- GeoNames alternate names


def test_geonames_alternate_names__languages_flags_wikidata() -> None:
    alt = geonames.read_alternate_names(GN / "alternateNamesV2.txt", {163779, 169577})
    assert alt.wikidata == {163779: "Q1000001"}
    assert [(n.text, n.lang, n.flags) for n in alt.names[163779]] == [
        ("تلبيسة", "ar", ("preferred",)),
        ("Talbiseh", "en", ("preferred",)),
        ("Telbise", "und", ("historic",)),
    ]  # link, post, abbr and Cyrillic rows ignored
    assert [(n.text, n.lang, n.flags) for n in alt.names[169577]] == [
        ("Homs", "fr", ()),
        ("حمص", "ar", ("preferred",)),
        ("Emesa", "la", ("historic",)),
    ]
    assert 999999 not in alt.names
    assert alt.rows == 15
    assert [s.reason for s in alt.skipped] == ["malformed line"]


def test_geonames_read_dump__attaches_alternate_names() -> None:
    result = geonames.read_dump(GN / "SY.txt", GN / "alternateNamesV2.txt")
    t = by_id(result)["163779"]
    assert t.external_ids["wikidata"] == "Q1000001"
    assert t.name_ar == "تلبيسة"
    flags = {(n.text, n.lang): n.flags for n in t.names}
    assert flags[("Talbiseh", "en")] == ("preferred",)  # "und" upgraded to the stated language
    assert flags[("Telbise", "und")] == ("historic",)
    assert flags[("تلبيسة", "ar")] == ("preferred",)
    rastan = by_id(result)["7910010"]
    assert ("Rastan", "en", ("short",)) in names_of(rastan)
    assert "wikidata" not in rastan.external_ids
    assert reasons(result)["malformed line"] == 2  # one in the dump, one in the alternate names


def test_geonames_read__alternate_names_alone_raises() -> None:
    with pytest.raises(SourceFormatError, match="alternate names"):
        geonames.read(GN / "alternateNamesV2.txt")


@pytest.mark.parametrize(
    ("name", "role"),
    [
        ("SY.txt", "geonames-dump"),
        ("allCountries.txt", "geonames-dump"),
        ("cities500.txt", "geonames-dump"),
        ("cities1000.txt", "geonames-dump"),
        ("cities5000.txt", "geonames-dump"),
        ("cities15000.txt", "geonames-dump"),
        ("geonames_cities500_SY.txt", "geonames-dump"),
        ("admin1CodesASCII.txt", "geonames-admin1"),
        ("geonames_admin1CodesASCII_SY.txt", "geonames-admin1"),
        ("admin2Codes.txt", "geonames-admin2"),
        ("geonames_admin2Codes_SY.txt", "geonames-admin2"),
        ("alternateNamesV2.txt", "geonames-altnames"),
        ("alternateNames.txt", "geonames-altnames"),
        ("geonames_alternateNamesV2_SY.txt", "geonames-altnames"),
        ("alternatenames/SY.txt", "geonames-altnames"),
        ("readme.txt", None),
        ("countryInfo.txt", None),
    ],
)
def test_geonames_matches__file_names(name: str, role: str | None) -> None:
    assert geonames.role(Path(name)) == role
    assert geonames.matches(Path(name)) is (role is not None)


# --------------------------------------------------------------------------- OpenSyria


def test_opensyria__governorates() -> None:
    result = opensyria.read(OS / "governorates.json")
    homs = by_id(result)["sy-homs"]
    assert (homs.kind, homs.name, homs.name_ar, homs.lat, homs.lon) == (
        "governorate",
        "Homs",
        "حمص",
        34.5,
        37.75,
    )
    assert (homs.population, homs.governorate, homs.parent_id) == (1803000, "SY04", None)
    assert homs.external_ids == {
        "pcode": "SY04",
        "geonames": "169575",
        "wikidata": "Q1000011",
        "iso3166_2": "SY-HI",
    }
    assert names_of(homs) == [
        ("Homs", "en", ("official",)),
        ("حمص", "ar", ("official",)),
        ("Homs Governorate", "en", ("official",)),
        ("Hims", "en", ("alias",)),
        ("محافظة حمص", "ar", ("official",)),
    ]
    hama = by_id(result)["sy-hama"]
    assert hama.population is None
    assert ("Ḩamāh", "en", ("alias",)) in names_of(hama)  # from "Muḩāfaz̧at Ḩamāh"
    assert (result.rows, result.skipped) == (2, [])


def test_opensyria__districts() -> None:
    result = opensyria.read(OS / "districts.json")
    rastan = by_id(result)["sy-homs-al-rastan"]
    assert (rastan.kind, rastan.governorate, rastan.parent_id) == ("district", "SY04", "sy-homs")
    assert rastan.external_ids["pcode"] == "SY0404"
    assert len(result.records) == 2


def test_opensyria__subdistricts_strip_generic_words() -> None:
    result = opensyria.read(OS / "subdistricts.json")
    talbiseh = by_id(result)["sy-homs-al-rastan-talbiseh"]
    assert talbiseh.kind == "subdistrict"
    assert (talbiseh.governorate, talbiseh.district_pcode, talbiseh.parent_id) == (
        "SY04",
        "SY0404",
        "sy-homs-al-rastan",
    )
    assert names_of(talbiseh) == [
        ("Talbiseh", "en", ("official",)),
        ("تلبيسة", "ar", ("official",)),
        ("Talbiseh Subdistrict", "en", ("official",)),
        ("ناحية تلبيسة", "ar", ("official",)),
        ("Nāḩiyat Tallbīsah", "en", ("official",)),
        ("nahyt tlbyst", "en", ("alias",)),
        ("Tallbīsah", "en", ("alias",)),
    ]
    kalakh = by_id(result)["sy-homs-talkalakh-tall-kalakh"]
    texts = {n.text for n in kalakh.names}
    assert {"Tallkalakh", "Markaz Tallkalakh", "تلكلخ"} <= texts
    assert kalakh.name_ar == "مركز تلكلخ"
    assert kalakh.population is None


def test_opensyria__register_is_not_a_record_file() -> None:
    assert not opensyria.matches(OS / "sources.json")
    assert opensyria.role(Path("opensyria_sources.json")) == "opensyria-register"
    register = opensyria.read_register(OS / "sources.json")
    assert [r["id"] for r in register] == ["geonames-sy", "wikidata"]


@pytest.mark.parametrize(
    "content",
    ['{"id": "sy-homs", "name": {"en": "Homs"}}', '[{"value": 1}, {"value": 2}]', "[1, 2, 3]", "not json"],
)
def test_opensyria__not_a_list_of_objects_raises(tmp_path: Path, content: str) -> None:
    path = tmp_path / "governorates.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(SourceFormatError, match=r"governorates\.json"):
        opensyria.read(path)


def test_opensyria__not_utf8_raises(tmp_path: Path) -> None:
    path = tmp_path / "districts.json"
    path.write_bytes('[{"id": "x", "name": {"en": "Homs"}}]'.encode("utf-16"))
    with pytest.raises(SourceFormatError, match="UTF-8"):
        opensyria.read(path)


# --------------------------------------------------------------------------- Syrian Archive


@pytest.fixture(scope="module")
def archive() -> ReadResult:
    return sa.read(FIXTURES / "syrianarchive" / "locations.json")


def test_syrianarchive__records_and_kinds(archive: ReadResult) -> None:
    got = {sid: (r.kind, r.name, r.name_ar, r.governorate) for sid, r in by_id(archive).items()}
    assert got == {
        "0": ("village", "Aleppo", "حلب", "ALEPPO"),
        "1": ("landmark", "Abi Fares al-Hamdani roundabout", "دوار ابو فراس الحمداني", "ALEPPO"),
        "3": ("village", "Akko", "عكو", "IDLIB"),
        "4": ("neighbourhood", "Sahari", "السحاري", "DARAA"),
        "7": ("subdistrict", "Irbin", "عربين", "DAMASCUS"),
        "8": ("camp", "Yarmouk Camp", "مخيم اليرموك", "DAMASCUS"),
        "10": ("neighbourhood", "Ma'adi", "المعادي", "ALEPPO"),
    }
    assert_well_formed(archive)


def test_syrianarchive__skips_with_reasons(archive: ReadResult) -> None:
    assert archive.rows == 12
    assert [(s.row, s.reason) for s in archive.skipped] == [
        ("2", "missing coordinates"),
        ("4", "swapped lat/lon (fixed)"),
        ("5", "coordinates outside Syria"),
        ("3", "duplicate id"),
        ("6", "empty name"),
        ("9", "malformed coordinates"),
    ]


def test_syrianarchive__coordinates_from_latlon_and_swapped(archive: ReadResult) -> None:
    records = by_id(archive)
    assert records["3"].lat == pytest.approx(35 + 42 / 60 + 49 / 3600)  # DMS latlon
    assert records["3"].lon == pytest.approx(36 + 56 / 60 + 54 / 3600)
    assert (records["10"].lat, records["10"].lon) == (36.19, 37.16)  # "36.19N 37.16E"
    assert (records["4"].lat, records["4"].lon) == (32.6189, 36.1045)  # swapped back


def test_syrianarchive__generic_words_give_extra_names(archive: ReadResult) -> None:
    records = by_id(archive)
    assert names_of(records["1"]) == [
        ("Abi Fares al-Hamdani roundabout", "en", ()),
        ("دوار ابو فراس الحمداني", "ar", ()),
        ("ابو فراس الحمداني", "ar", ("alias",)),
    ]
    assert ("حيّ المعادي", "ar", ("alias",)) in names_of(records["10"])
    assert ("Irbin nahiyah", "en", ("alias",)) in names_of(records["7"])
    assert ("اليرموك", "ar", ("alias",)) in names_of(records["8"])


def test_syrianarchive__a_name_opening_with_jabal_is_a_mountain_not_a_village() -> None:
    # the file lists the mountain regions "جبل تركمان" and "جبل الاكراد" as villages
    assert sa.classify_name("Jabal Turkman", "جبل تركمان")[0] == "mountain"
    assert sa.classify_name("Jabal Akrad", "جبل الاكراد")[0] == "mountain"
    assert sa.classify_name("Talbiseh", "تلبيسة")[0] == "village"


def test_syrianarchive__a_mountain_row_joins_the_curated_mountain_of_its_name(full: Gazetteer) -> None:
    mountain = full.place("cur:turkmen-mountain")
    assert mountain is not None and ("syrianarchive", "744") in [(s.source, s.id) for s in mountain.sources]
    assert full.place("sa:744") is None
    assert full.resolve("جبل تركمان").place.id == "cur:turkmen-mountain"  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("35°42'49\"N   36°56'54\"E", (35.713611, 36.948333)),
        ("36°56'54\"E 35°42'49\"N", (35.713611, 36.948333)),
        ("36°11'N 37°6'E ", (36.183333, 37.1)),
        ("36.197971, 37.1656697", (36.197971, 37.1656697)),
        ("33.5    36.3", (33.5, 36.3)),
        ("35.5N\xa0 36.9E", (35.5, 36.9)),
        ("", None),
        ("somewhere near Homs", None),
        ("1 2 3", None),
    ],
)
def test_syrianarchive__parse_latlon(text: str, expected: tuple[float, float] | None) -> None:
    got = sa.parse_latlon(text)
    if expected is None:
        assert got is None
    else:
        assert got == pytest.approx(expected, abs=1e-6)


def test_syrianarchive__not_declared_format_raises(tmp_path: Path) -> None:
    path = tmp_path / "locations.json"
    path.write_text(json.dumps({"locations": [{"id": 1}]}), encoding="utf-8")
    with pytest.raises(SourceFormatError, match=r"locations\.json"):
        sa.read(path)


# --------------------------------------------------------------------------- OCHA


def test_ocha__hdx_style_with_hxl_row() -> None:
    result = ocha.read(FIXTURES / "ocha" / "syr_pplp_adm4_unocha.csv")
    assert result.rows == 7  # the HXL hashtag row is not a data row
    t = by_id(result)["C4470"]
    assert (t.kind, t.name, t.name_ar, t.lat, t.lon) == ("village", "Talbiseh", "تلبيسة", 34.84072, 36.73092)
    assert (t.governorate, t.district_pcode, t.subdistrict_pcode, t.parent_id) == (
        "SY04",
        "SY0404",
        "SY040401",
        "SY040401",
    )
    assert t.external_ids == {"pcode": "C4470"}
    assert names_of(t) == [
        ("Talbiseh", "en", ("official",)),
        ("تلبيسة", "ar", ("official",)),
        ("Telbeiseh", "en", ("alias",)),
    ]
    assert sorted(by_id(result)) == ["C4470", "C4471"]
    assert [(s.row, s.reason) for s in result.skipped] == [
        ("C4472", "missing coordinates"),
        ("C4473", "empty name"),
        ("C4470", "duplicate id"),
        ("8", "malformed line"),
        ("9", "bad encoding"),
    ]


def test_ocha__shapefile_attribute_style_with_bom_and_population() -> None:
    result = ocha.read(FIXTURES / "ocha" / "syr_pplp_adm4_attributes.csv")
    records = by_id(result)
    assert (records["C2990"].kind, records["C2990"].population) == ("town", 12000)
    assert (records["C2990"].lat, records["C2990"].lon) == (35.06, 36.69)  # POINT_Y, POINT_X
    assert ("كفر بهم", "ar", ("alias",)) in names_of(records["C2990"])
    assert (records["C2991"].kind, records["C2991"].governorate) == ("village", "SY05")
    assert result.skipped == []


def test_ocha__wrong_header_raises(tmp_path: Path) -> None:
    path = tmp_path / "syr_pplp_adm4.csv"
    path.write_text("name,lat,lon\nHoms,34.7,36.7\n", encoding="utf-8")
    with pytest.raises(SourceFormatError, match="admin4Pcode"):
        ocha.read(path)


@pytest.mark.parametrize(
    ("name", "expected"),
    [("syr_pplp_adm4_unocha_20210113.csv", True), ("SYR_PPLP_ADM4.csv", True), ("pplp.json", False)],
)
def test_ocha_matches__file_names(name: str, expected: bool) -> None:
    assert ocha.matches(Path(name)) is expected


# --------------------------------------------------------------------------- discover


@pytest.mark.parametrize(
    ("name", "role"),
    [
        ("SY.txt", "geonames-dump"),
        ("geonames_admin1CodesASCII_SY.txt", "geonames-admin1"),
        ("geonames_admin2Codes_SY.txt", "geonames-admin2"),
        ("alternateNamesV2.txt", "geonames-altnames"),
        ("opensyria_governorates.json", "opensyria"),
        ("subdistricts.json", "opensyria"),
        ("opensyria_sources.json", "opensyria-register"),
        ("syrianarchive_locations.json", "syrianarchive"),
        ("locations.json", "syrianarchive"),
        ("syr_pplp_adm4_unocha.csv", "ocha-pplp"),
        ("README.md", None),
        ("notes.json", None),
    ],
)
def test_discover_classify__by_file_name(name: str, role: str | None) -> None:
    assert discover.classify(Path(name)) == role


def test_discover__folders_files_and_ignored(tmp_path: Path) -> None:
    (tmp_path / "README.md").write_text("# data\n", encoding="utf-8")
    ignored: list[Path] = []
    found = discover.discover([GN, OS, tmp_path, GN / "SY.txt"], ignored)
    assert [(role, p.name) for role, p in found] == [
        ("geonames-dump", "SY.txt"),
        ("geonames-admin1", "admin1CodesASCII.txt"),
        ("geonames-admin2", "admin2Codes.txt"),
        ("geonames-dump", "allCountries.txt"),
        ("geonames-altnames", "alternateNamesV2.txt"),
        ("opensyria", "districts.json"),
        ("opensyria", "governorates.json"),
        ("opensyria-register", "sources.json"),
        ("opensyria", "subdistricts.json"),
    ]
    assert ignored == [tmp_path / "README.md"]


def test_discover__missing_path_raises(tmp_path: Path) -> None:
    with pytest.raises(SourceFormatError, match="no such file"):
        discover.discover([tmp_path / "nowhere"])
    with pytest.raises(SourceFormatError, match="no such file"):
        discover.read_all([tmp_path / "nowhere"])


def test_discover__unknown_explicit_file_raises(tmp_path: Path) -> None:
    path = tmp_path / "places.csv"
    path.write_text("a,b\n", encoding="utf-8")
    with pytest.raises(SourceFormatError, match=r"places\.csv"):
        discover.discover([path])


def test_read_all__order_and_alternate_names() -> None:
    results = discover.read_all([FIXTURES / "syrianarchive", OS, GN, FIXTURES / "ocha"])
    assert [(r.source, r.path.name) for r in results] == [
        ("geonames", "admin1CodesASCII.txt"),
        ("geonames", "admin2Codes.txt"),
        ("opensyria", "governorates.json"),
        ("opensyria", "districts.json"),
        ("opensyria", "subdistricts.json"),
        ("geonames", "SY.txt"),
        ("geonames", "allCountries.txt"),
        ("syrianarchive", "locations.json"),
        ("ocha", "syr_pplp_adm4_attributes.csv"),
        ("ocha", "syr_pplp_adm4_unocha.csv"),
    ]
    dump = results[5]
    assert by_id(dump)["163779"].external_ids["wikidata"] == "Q1000001"


def test_read_all__exclude_reads_nothing_from_a_source() -> None:
    results = discover.read_all([FIXTURES / "syrianarchive", OS], exclude={"syrianarchive"})
    assert {r.source for r in results} == {"opensyria"}
    with pytest.raises(ValueError, match="unknown source"):
        discover.read_all([OS], exclude={"wikipedia"})


# --------------------------------------------------------------------------- real files


def test_real_geonames_cities500(source_data: Path) -> None:
    result = geonames.read(source_data / "geonames_cities500_SY.txt")
    assert (len(result.records), result.rows, result.skipped) == (290, 290, [])
    t = by_id(result)["163779"]
    assert (t.governorate, t.name_ar, t.kind) == ("11", "تلبيسة", "town")
    assert "Talbiseh" in {n.text for n in t.names}
    assert_well_formed(result)


def test_real_geonames_admin_codes(source_data: Path) -> None:
    admin1 = geonames.read(source_data / "geonames_admin1CodesASCII_SY.txt")
    admin2 = geonames.read(source_data / "geonames_admin2Codes_SY.txt")
    assert (len(admin1.records), len(admin2.records)) == (14, 61)
    assert {r.kind for r in admin1.records} == {"governorate"}
    assert {r.kind for r in admin2.records} == {"district"}
    assert admin1.skipped == admin2.skipped == []


def test_real_opensyria(source_data: Path) -> None:
    counts = {}
    for level in ("governorates", "districts", "subdistricts"):
        result = opensyria.read(source_data / f"opensyria_{level}.json")
        assert result.skipped == []
        assert_well_formed(result)
        counts[level] = len(result.records)
    assert counts == {"governorates": 14, "districts": 62, "subdistricts": 272}
    subdistricts = by_id(opensyria.read(source_data / "opensyria_subdistricts.json"))
    talbiseh = subdistricts["sy-homs-al-rastan-talbiseh"]
    assert "Tallbisah" in {n.text for n in talbiseh.names}  # from "Nahiyat Tallbisah"
    assert talbiseh.external_ids["pcode"] == "SY040401"


def test_real_syrianarchive(source_data: Path) -> None:
    result = sa.read(source_data / "syrianarchive_locations.json")
    assert result.rows == 819
    assert 780 <= len(result.records) <= 819
    dropped = [s for s in result.skipped if not s.reason.endswith("(fixed)")]
    assert len(dropped) == 819 - len(result.records)
    assert all(s.reason for s in result.skipped)
    assert_well_formed(result)
    kinds = Counter(r.kind for r in result.records)
    assert kinds["landmark"] >= 30
    assert kinds["neighbourhood"] >= 20


def test_real_read_all(source_data: Path) -> None:
    ignored: list[Path] = []
    roles = Counter(role for role, _ in discover.discover([source_data], ignored))
    assert roles == {
        "geonames-dump": 1,
        "geonames-admin1": 1,
        "geonames-admin2": 1,
        "opensyria": 3,
        "opensyria-register": 1,
        "syrianarchive": 1,
    }
    assert [p.name for p in ignored] == ["SHA256SUMS"]
    results = discover.read_all([source_data])
    assert sum(len(r.records) for r in results) == 290 + 14 + 61 + 14 + 62 + 272 + 819


# --------------------------------------------------------------------------- Syrian Archive: kinds of real rows


def test_syrianarchive__facility_words_give_facility_kinds() -> None:
    records = by_id(sa.read(FIXTURES / "merge" / "syrianarchive_locations.json"))
    got = {sid: records[sid].kind for sid in ("23", "479", "127", "53", "55", "264", "343", "182")}
    assert got == {
        "23": "prison",  # "Central Prison" (Aleppo)
        "479": "prison",  # "Central Prison / السجن المركزي" (Homs)
        "127": "airbase",  # "Kuwayris Airbase / مطار كويرس"
        "53": "landmark",  # "Meridian / فندق ديدمان" (a hotel)
        "55": "landmark",  # "Military Academy / الكليه الحربيه"
        "264": "landmark",  # "Arab International (European) Uni"
        "343": "town",  # "Amiqiyah / مدينة عميقة": مدينة does not make a city
        "182": "camp",  # "Yarmouk Camp / مخيم اليرموك"
    }


def test_syrianarchive__governorate_words_leave_the_arabic_name() -> None:
    records = by_id(sa.read(REPO / "sources" / "upstream" / "syrianarchive_locations.json"))
    suluk = records["781"]  # "Suluk nahiyah / الرقة سلوك"
    assert suluk.name_ar == "سلوك" and ("الرقة سلوك", "ar", ("alias",)) in names_of(suluk)
    assert records["473"].name_ar == "حمص القديمة"  # "Old Homs": the word is part of the name


# --------------------------------------------------------------------------- OpenSyria: area


def test_opensyria__area_of_subdistricts() -> None:
    records = by_id(opensyria.read(FIXTURES / "merge" / "opensyria_subdistricts.json"))
    jaramana = next(r for r in records.values() if r.external_ids.get("pcode") == "SY030103")
    assert jaramana.area_km2 == pytest.approx(10.485) and jaramana.population == 114363


# --------------------------------------------------------------------------- curated files


PLACES_HEADER = "\t".join(curated.PLACE_COLUMNS)


def test_curated__reads_a_place_row_with_its_geonames_id() -> None:
    row = (
        "kanaker-town\tKanaker\tكناكر\t\ttown\t33.26722\t36.09694\t33°16′2″N 36°5′49″E\tRif Dimashq\t\t"
        "https://qa.edu.vn/en/Kanaker,_Syria\t2026-11-29\tsame place as gn:168579\t168579"
    )
    result = curated.read_places(f"{PLACES_HEADER}\n{row}\n")
    (rec,) = result.records
    assert (rec.source, rec.source_id, rec.kind, rec.governorate) == ("curated", "kanaker-town", "town", "Rif Dimashq")
    assert rec.external_ids == {"curated": "kanaker-town", "geonames": "168579"}
    assert rec.name_ar == "كناكر"


def test_curated__arabic_with_vowel_marks_is_shown_without() -> None:
    row = (
        "yarmouk-camp\tYarmouk Camp\tمُخَيَّم ٱلْيَرْمُوْك\tYarmouk\tcamp\t33.47417\t36.30306\t33°28′27″N 36°18′11″E\t"
        "Damascus\tgn:170654\thttps://example.org/Yarmouk\t2026-11-29\tx\t166716"
    )
    (rec,) = curated.read_places(f"{PLACES_HEADER}\n{row}\n").records
    assert rec.name_ar == "مخيم اليرموك" and rec.parent_id == "gn:170654"
    assert ("مُخَيَّم ٱلْيَرْمُوْك", "ar", ("official",)) in names_of(rec)


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("id\tname\n", "header"),
        (f"{PLACES_HEADER}\nx\tX\t\t\ttown\t33.5\t36.3\t33.5, 36.3\tDamascus\t\t\t2026-11-29\t\t\n", "url"),
        (f"{PLACES_HEADER}\nx\tX\t\t\tcastle\t33.5\t36.3\t33.5, 36.3\tDamascus\t\thttps://a.b\t2026-11-29\t\t\n",
         "kind"),
    ],
)  # fmt: skip
def test_curated__refuses_rows_without_citation_or_with_unknown_kind(text: str, problem: str) -> None:
    with pytest.raises(SourceFormatError, match=problem):
        curated.read_places(text)


def test_curated__names_languages() -> None:
    header = "\t".join(curated.NAME_COLUMNS)
    rows = [
        "gn:170905\tAdhri'at\tar\thistoric\thttps://a.b/Daraa\t2026-11-29\tLatin text tagged ar",
        "gn:173377\tقامشلۆ\tckb\t\thttps://a.b/Q\t2026-11-29\t",
        "gn:173377\tܩܡܫܠܝ\tsyc\t\thttps://a.b/Q\t2026-11-29\tSyriac script",
        "sa:517\tQosour\ten\tpress\thttps://a.b/Q\t2026-11-29\t",
    ]
    result = curated.read_names(header + "\n" + "\n".join(rows) + "\n")
    got = [(f.target, f.name.text, f.name.lang, f.name.flags) for f in result.names]
    assert got == [
        ("gn:170905", "Adhri'at", "ar-Latn", ("historic",)),
        ("gn:173377", "قامشلۆ", "ckb", ()),
        ("sa:517", "Qosour", "en", ("press",)),
    ]
    assert [s.reason for s in result.skipped] == ["script not kept"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("33° 28′ 40″ N 36° 13′ 24″ E / 33.47778° N 36.22333° E", (33.47778, 36.22333)),
        ("34 ° 29'24 '' N. 36 ° 54'32 '' E. / 34,49000 ° N 36,90889 ° O.", (34.49, 36.90889)),
        ("36 ° 5′51 ″ с.ш. 37 ° 56′25 ″ в.д.", (36.0975, 37.94028)),
        ("37 ° 11′8″ K 042 ° 13′56 ″ D", (37.18556, 42.23222)),
        ("32 ° 28′34 ″ Н. 36 ° 31′16 ″ E", (32.47611, 36.52111)),
        ("خط العرض 32درجة و41دقيقة شمالاً مع خط الطول 35درجة و58دقيقة شرقاً", (32.68333, 35.96667)),
        ("View on map:35.658060°N 36.260830°E", (35.65806, 36.26083)),
        ("36°52′20.51″N41°1′17.61″E", (36.87236, 41.02156)),
    ],
)
def test_curated__coordinate_texts_of_the_cited_pages(text: str, expected: tuple[float, float]) -> None:
    assert curated.parse_coord_text(text) == expected


def test_upstream_copies__live_in_sources_only() -> None:
    """A verbatim upstream file has one home, ``sources/upstream``; fixtures hold extracts, not copies."""
    upstream = {f.read_bytes() for f in (REPO / "sources" / "upstream").iterdir() if f.is_file()}
    sizes = {len(b) for b in upstream}
    copies = [
        f.relative_to(REPO).as_posix()
        for top in ("tests", "benchmarks", "docs", "gazetteer")
        for f in (REPO / top).rglob("*")
        if f.is_file() and f.stat().st_size in sizes and f.read_bytes() in upstream
    ]
    assert copies == []
