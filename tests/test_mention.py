"""gazetteer.mention: place names apart from the descriptive words around them."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from gazetteer.mention import KIND_HINTS, Mention, parse_mention
from gazetteer.normalize import clean


@pytest.mark.parametrize(
    ("text", "name", "kind_hint", "province_hint"),
    [
        ("Palmyra district", "Palmyra", "district", None),
        ("Hama city center", "Hama", "city", None),
        ("Hama city centre", "Hama", "city", None),
        ("the city centre of Hama", "Hama", "city", None),
        ("Qosour neighbourhood", "Qosour", "neighbourhood", None),
        ("Qosour neighborhood", "Qosour", "neighbourhood", None),
        ("Sasa Prison", "Sasa", "prison", None),
        ("Homs countryside", "Homs", "governorate", "Homs"),
        ("rural Homs", "Homs", "governorate", "Homs"),
        ("Homs province", "Homs", "governorate", "Homs"),
        ("Homs governorate", "Homs", "governorate", "Homs"),
        ("northern Homs countryside", "Homs", "governorate", "Homs"),
        ("the western countryside of Aleppo", "Aleppo", "governorate", "Aleppo"),
        ("Aleppo's countryside", "Aleppo", "governorate", "Aleppo"),
        ("Aleppo’s countryside", "Aleppo", "governorate", "Aleppo"),
        ("Aleppo's western countryside", "Aleppo", "governorate", "Aleppo"),
        ("the town of Dar al-Kabirah", "Dar al-Kabirah", "town", None),
        ("the village of Ter Maela", "Ter Maela", "village", None),
        ("Tel Rifaat district", "Tel Rifaat", "district", None),
        ("Idlib province", "Idlib", "governorate", "Idlib"),
        ("Al-Qutayfah district", "Al-Qutayfah", "district", None),
        ("Aleppo's city centre", "Aleppo", "city", None),
        ("Homs provincial centre", "Homs", "city", None),
        ("ريف حمص", "حمص", "governorate", "حمص"),
        ("محافظة حمص", "حمص", "governorate", "حمص"),
        ("مدينة حلب", "حلب", "city", None),
        ("حي الوعر", "الوعر", "neighbourhood", None),
        ("ناحية تلبيسة", "تلبيسة", "subdistrict", None),
        ("منطقة تدمر", "تدمر", "district", None),
        ("بلدة الدار الكبيرة", "الدار الكبيرة", "town", None),
        ("قرية تير معلة", "تير معلة", "village", None),
        ("مخيم اليرموك", "اليرموك", "camp", None),
        ("مخيم الهول للاجئين", "الهول", "camp", None),  # للاجئين (for refugees) says what the camp is
        ("سجن صيدنايا", "صيدنايا", "prison", None),
        ("Talbiseh", "Talbiseh", None, None),
        # the countryside of Damascus is a governorate's name: kept whole
        ("Rif Dimashq", "Rif Dimashq", "governorate", "Rif Dimashq"),
        ("ريف دمشق", "ريف دمشق", "governorate", "ريف دمشق"),
        ("Damascus countryside", "Damascus countryside", "governorate", "Damascus countryside"),
        ("Rural Damascus", "Rural Damascus", "governorate", "Rural Damascus"),
        ("Reef Damascus", "Reef Damascus", "governorate", "Reef Damascus"),
        ("Rif Dimashq Governorate", "Rif Dimashq", "governorate", "Rif Dimashq"),
        ("ريف دمشق الغربي", "ريف دمشق", "governorate", "ريف دمشق"),
        # descriptor-like words inside names stay
        ("Khan Sheikh", "Khan Sheikh", None, None),
        ("Beit Jann", "Beit Jann", None, None),
        ("Al-Waer", "Al-Waer", None, None),
        ("Deir ez-Zor", "Deir ez-Zor", None, None),
        ("Jisr ash-Shughur", "Jisr ash-Shughur", None, None),
        ("Ras al-Ayn district", "Ras al-Ayn", "district", None),
        # a city word right before the name: the plain of the city, the country around it
        ("سهل مدينة الباب", "الباب", "city", None),
        ("أرياف مدينة حمص", "حمص", "city", None),
        ("Ra's al-Ayn", "Ra's al-Ayn", None, None),
        ("Tall Kalakh", "Tall Kalakh", None, None),
        ("جسر الشغور", "جسر الشغور", None, None),
        ("قلعة المضيق", "قلعة المضيق", None, None),
        ("كويرس شرقي", "كويرس شرقي", None, None),  # a village's name ends with the direction
        # a governorate's name and masculine directions: its countryside, the ريف a list leaves out
        ("إدلب الجنوبي الشرقي", "إدلب", "governorate", "إدلب"),
        ("حماة الشمالي", "حماة", "governorate", "حماة"),
        ("حلب الشرقية", "حلب الشرقية", None, None),  # feminine: the east of the city, as written
        ("Wadi Barada", "Wadi Barada", None, None),
        # only descriptors: the whole text is the name, no hints
        ("district", "district", None, None),
        ("the city centre", "the city centre", None, None),
        ("ريف", "ريف", None, None),
        # a place and its province
        ("Tel Rifaat district of Aleppo's countryside", "Tel Rifaat", "district", "Aleppo"),
        ("Rastan in Homs province", "Rastan", None, "Homs"),
        ("the town of Dar al-Kabirah in Homs countryside", "Dar al-Kabirah", "town", "Homs"),
        ("Talbiseh, Homs", "Talbiseh", None, "Homs"),
        ("Aleppo's Salah al-Din neighbourhood", "Salah al-Din", "neighbourhood", "Aleppo"),
        ("Syria's Homs province", "Homs", "governorate", "Homs"),
        ("حي الوعر في حمص", "الوعر", "neighbourhood", "حمص"),
        # directions, outskirts, prefixes
        ("northern outskirts of Homs", "Homs", None, None),
        ("ريف حلب الغربي", "حلب", "governorate", "حلب"),
        ("بريف حمص الشمالي", "حمص", "governorate", "حمص"),
        # a compass word right before a governorate's name: a part of the governorate (not "X of Homs")
        ("شمال حماة", "حماة", "governorate", "حماة"),
        ("southern Idlib", "Idlib", "governorate", "Idlib"),
        ("in the north of Hama", "Hama", "governorate", "Hama"),  # its northern part
        ("north of Hama", "Hama", None, None),  # where a place lies from the city
        ("Northwest Hama", "Hama", "governorate", "Hama"),
        ("southern Talbiseh", "Talbiseh", None, None),  # no governorate's name
        ("south of Homs", "Homs", None, None),
        ("Yarmouk refugee camp", "Yarmouk", "camp", None),
        ("Al-Tanf region", "Al-Tanf", None, None),
        ("  Hama  city\u200f ", "Hama", "city", None),
        # a kind word right after the name is its own; the one before "of" is another place's
        ("district of Aleppo city", "Aleppo", "city", None),
        ("district of Aleppo", "Aleppo", "district", None),
        # two direction adjectives after the countryside's name; one after a village's name is its own
        ("بريف حماة الشمالي الغربي", "حماة", "governorate", "حماة"),
        ("شمالي إدلب", "إدلب", "governorate", "إدلب"),
    ],
)
def test_parse_mention__known_answers(text: str, name: str, kind_hint: str | None, province_hint: str | None) -> None:
    m = parse_mention(text)
    assert (m.name, m.kind_hint, m.province_hint) == (name, kind_hint, province_hint)
    assert m.text == clean(text)


@pytest.mark.parametrize(
    ("text", "descriptors"),
    [
        ("Sasa Prison", ("prison",)),
        ("Aleppo's western countryside", ("'s", "western", "countryside")),
        ("the city centre of Hama", ("the", "city", "centre", "of")),
        ("ريف حلب الغربي", ("ريف", "الغربي")),
        ("Talbiseh", ()),
        ("Rif Dimashq", ()),
        ("district", ()),
    ],
)
def test_parse_mention__descriptors(text: str, descriptors: tuple[str, ...]) -> None:
    assert parse_mention(text).descriptors == descriptors


def test_parse_mention__seed_articles_phrases(data_dir: Path) -> None:
    """Province phrases of the two seed articles parse to a bare governorate name."""
    seeds = data_dir.parent / "seeds"
    if not seeds.is_dir():
        pytest.skip(f"no seed articles at {seeds}")
    text = " ".join(p.read_text(encoding="utf-8") for p in sorted(seeds.glob("*.txt")))
    for phrase, name in [
        ("Homs province", "Homs"),
        ("Idlib province", "Idlib"),
        ("Palmyra district", "Palmyra"),
        ("Qosour neighbourhood", "Qosour"),
        ("Homs provincial centre", "Homs"),
    ]:
        assert phrase in text
        assert parse_mention(phrase).name == name


@pytest.mark.parametrize("junk", [None, 0, b"Homs", object()], ids=repr)
def test_parse_mention__rejects_non_str(junk: object) -> None:
    with pytest.raises(TypeError):
        parse_mention(junk)  # type: ignore[arg-type]


@given(st.text())
def test_parse_mention__never_raises_nor_returns_an_empty_name(text: str) -> None:
    m = parse_mention(text)
    assert isinstance(m, Mention)
    assert m.text == clean(text)
    assert bool(m.name) == bool(m.text)
    assert m.kind_hint is None or m.kind_hint in KIND_HINTS
    assert m.name in m.text or m.name.strip('.,;:!?"()[]{}«»“”،؛؟') in m.text


_DESCRIPTOR_WORDS = st.sampled_from(
    ["district", "province", "countryside", "city", "centre", "the", "of", "northern", "village", "ريف", "حي", "مدينة"]
)


@given(st.sampled_from(["Talbiseh", "Deir ez-Zor", "Khan Shaykhun", "تلبيسة", "جسر الشغور"]), _DESCRIPTOR_WORDS)
def test_parse_mention__trailing_descriptor_leaves_the_name(name: str, word: str) -> None:
    assert parse_mention(f"{name} {word}").name == name


_LATIN_MENTIONS = st.lists(
    st.one_of(
        _DESCRIPTOR_WORDS.filter(str.isascii),
        st.sampled_from(["in", "In", "OF", "Centre.", "(city)", "-", "Homs,", "Rif", "Tall", "Deir-ez-Zor", "al_Bab"]),
        st.text(alphabet="abkmsz-.()!_ 0'`", min_size=1, max_size=8),
        st.sampled_from(["Aleppo's", "Ra's", "Homs'", "(Idlib’s)", "Sa'sa'", "Ma‘arrat", "Nāḩiyat", "Distríct"]),
        st.sampled_from(["Ḩimş", "Şūrān,", "«Homs»", "ريف", "حي", "في", "،", "Région", "北京", "Ⅻ", "İdlib"]),
        st.text(min_size=1, max_size=6),
    ),
    min_size=1,
    max_size=5,
).map(" ".join)


@given(_LATIN_MENTIONS)
def test_parse_mention__plain_latin_shortcut_agrees_with_the_full_parse(text: str) -> None:
    from gazetteer.mention import _parse_mention, _plain_latin

    cleaned = clean(text)
    full = _parse_mention(cleaned)
    if _plain_latin(cleaned):
        assert full == Mention(cleaned, cleaned, None, None, ())
    assert parse_mention(text) == full


def test_mention__an_offensive_word_comes_off_a_name_of_descriptive_words() -> None:
    # "Syrian" and "Desert" both describe; the campaign's word is still no part of the name
    m = parse_mention("Syrian Desert campaign")
    assert (m.name, m.kind_hint, m.descriptors) == ("Syrian Desert", None, ("campaign",))
    assert parse_mention("the campaign").name == "the campaign"  # no name left: the mention whole
