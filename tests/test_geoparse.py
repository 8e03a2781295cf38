"""Geoparsing running text: spans, Arabic clitics, descriptors, bindings, document context, bad input."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from gazetteer import InvalidQueryError
from gazetteer.resolve import Gazetteer
from gazetteer.spot import Words, spot_key, tokenize

TALBISEH, RASTAN, HOMS_CITY, HOMS_GOV = "gn:163779", "gn:172946", "gn:169577", "pcode:SY04"


def found(g: Gazetteer, text: str, **kw: object) -> list[tuple[str, str]]:
    return [(m.text, m.match.place.id) for m in g.geoparse(text, **kw)]


def test_geoparse__spans_are_the_names_in_text_order(full: Gazetteer) -> None:
    text = "Fighting reached Talbiseh and al-Rastan, north of Homs."
    mentions = full.geoparse(text)
    assert [(m.text, m.match.place.id) for m in mentions] == [
        ("Talbiseh", TALBISEH), ("al-Rastan", RASTAN), ("Homs", HOMS_CITY),
    ]  # fmt: skip
    for m in mentions:
        assert text[m.start : m.end] == m.text


def test_geoparse__arabic_clitics_and_article(full: Gazetteer) -> None:
    text = "سيطرت الفصائل على الرستن وتلبيسة بريف حمص"
    spans = found(full, text)
    assert ("الرستن", RASTAN) in spans and ("تلبيسة", TALBISEH) in spans
    assert ("حمص", HOMS_GOV) in spans  # ريف حمص: the governorate
    assert all(not t.startswith("و") for t, _ in spans)


def test_geoparse__descriptors_ask_for_a_kind_and_stay_outside_the_span(full: Gazetteer) -> None:
    assert found(full, "Shelling hit the Homs countryside.") == [("Homs", HOMS_GOV)]
    assert found(full, "They entered Homs city.") == [("Homs", HOMS_CITY)]
    assert found(full, "ناحية تلبيسة") == [("تلبيسة", TALBISEH)]


def test_geoparse__a_compass_word_before_countryside_keeps_the_governorate_s_countryside(full: Gazetteer) -> None:
    # monitors' English: "Hama northern countryside" is the governorate's northern countryside
    assert found(full, "Shelling hit Hama northern countryside.") == [("Hama", "pcode:SY05")]
    assert found(full, "Clashes in Idlib southern countryside") == [("Idlib", "pcode:SY07")]
    assert found(full, "Clashes north of Hama city") == [("Hama", "gn:170017")]
    # "in the north of Hama" is its northern part; "to the southeast of Tartus" where a place lies from the city
    assert found(full, "Regime forces shelled places in the north of Hama.") == [("Hama", "pcode:SY05")]
    assert found(full, "It lies to the southeast of Tartus.") == [("Tartus", "gn:163345")]
    assert found(full, "Clashes in the north of Homs city.") == [("Homs", HOMS_CITY)]
    # after a possessive the city stays, as before
    assert found(full, "Clashes broke out in Aleppo's western countryside.") == [("Aleppo", "gn:170063")]


def test_geoparse__a_local_binding_decides_a_shared_name(full: Gazetteer) -> None:
    # Al-Hamidiyah names places in several governorates: the text says which.
    tartus = full.geoparse("Clashes in Al-Hamidiyah, Tartus.")
    assert tartus and tartus[0].text == "Al-Hamidiyah" and tartus[0].match.place.governorate.pcode == "SY10"
    assert any("Tartus" in s for s in tartus[0].match.signals)
    # "region" or "area" between the name and the binding words: Aleppo's Shahba region is no Shahba of
    # As-Suwayda (the index lacks it), and Khan Shaykhun lies outside Idlib city, in its governorate
    assert found(full, "a drone flew over villages in Shahba region in Aleppo countryside.") == [
        ("Aleppo", "pcode:SY02")
    ]
    assert found(full, "Khan Shaykhun area in Idlib was shelled") == [
        ("Khan Shaykhun", "gn:168325"),
        ("Idlib", "pcode:SY07"),
    ]
    # "في الريف الشرقي للسويداء": the countryside word with its article, an adjective and ل bind too (Duma of
    # As-Suwayda is no Duma of Rif Dimashq)
    text = "هاجم التنظيم قرى دوما وشبكي وطربا في الريف الشرقي للسويداء"
    assert [pid for _, pid in found(full, text)] == ["pcode:SY13"]
    # "the governorate" binds to the one the text named last
    text = "ارتفع عدد الضحايا في ريف السويداء الشرقي. وتسلل عناصر التنظيم إلى قرى دوما وشبكي في الريف الشرقي للمحافظة."
    assert [pid for _, pid in found(full, text)] == ["pcode:SY13"]
    assert found(full, "قالت المحافظة على لسان المحافظ إن قرية دوما تضررت")[0][0] == "دوما"  # preserving: no anaphor
    # a plain binds no governorate, but a place said to lie in it lies near it: the Hawash the index holds
    # lies in Wadi al-Nasara (Homs), 100 km from the Ghab plain
    text = "استهدفت قوات النظام قرية الحواش في سهل الغاب بالبراميل المتفجرة"
    assert found(full, text) == [("سهل الغاب", "cur:ghab-plain")]
    assert found(full, "قصف على قرية قسطون في سهل الغاب") == [
        ("قسطون", "cur:qastun-village"),
        ("سهل الغاب", "cur:ghab-plain"),
    ]


def test_geoparse__a_binding_stops_at_the_end_of_its_sentence(full: Gazetteer) -> None:
    # the next sentence's governorate binds no place before it: Kafr Nabl is no place of Rif Dimashq
    arabic = "غارات على كفرنبل في ريف المحافظة.\nفي ريف دمشق، استهدف القصف سوقا"
    assert found(full, arabic) == [("كفرنبل", "gn:168661"), ("ريف دمشق", "pcode:SY03")]
    english = "Shells fell on Talbiseh in the countryside. In Idlib, drones struck a market."
    assert found(full, english)[0] == ("Talbiseh", TALBISEH)


def test_geoparse__a_quarter_named_with_its_kind_word_by_a_source_is_no_better_answer(full: Gazetteer) -> None:
    # the Syrian Archive writes Aleppo's al-Midan "حي الميدان", Damascus's "الميدان": both are the quarter
    assert {m.place.id for m in full.candidates("حي الميدان", limit=2)} == {"sa:54", "sa:183"}
    assert found(full, "تعرض حي الميدان العريق لقصف بقذائف الهاون.") == []  # which one, the text does not say
    assert found(full, "شهد حي الميدان الدمشقي احتفالات بعيد الفطر.") == [("الميدان", "sa:183")]


def test_geoparse__a_quarter_asked_for_shuts_out_a_town_of_its_name(full: Gazetteer) -> None:
    # al-Salihiyah is Damascus's quarter and a town of Deir ez-Zor: "حي الصالحية" asks for the quarter
    quarter = full.candidates("حي الصالحية", limit=3)
    assert quarter[0].place.id == "cur:damascus-salihiyah" and not quarter[0].ambiguous
    assert all(m.place.kind != "town" for m in quarter)
    text = "يضم حي الصالحية على سفح قاسيون مدارس ومساجد أيوبية."
    assert found(full, text) == [("الصالحية", "cur:damascus-salihiyah")]
    # the name alone stays ambiguous until the text says which
    assert full.candidates("الصالحية", limit=2)[0].ambiguous
    # a town stands in for "حي X" when no quarter is named X
    assert full.candidates("حي الحاضر", limit=1)[0].place.id == "gn:170137"


def test_geoparse__a_town_s_quarters_named_with_an_adjective_keep_the_town(full: Gazetteer) -> None:
    # "حيي السيال الشرقي والسيال الغربي" are the two quarters of the town al-Sayyal: the town's other
    # mentions stay the town (a quarter named X alone would make them the quarter the index lacks)
    text = "تقع السيال شمال غرب البوكمال، وتقسم إلى حيي السيال الشرقي والسيال الغربي."
    assert found(full, text)[0] == ("السيال", "cur:al-sayyal-town")


def test_geoparse__a_district_or_subdistrict_binds_a_place_to_its_governorate(full: Gazetteer) -> None:
    # humanitarian reports place a community by its sub-district: Nasra of Idlib is no Nasra of Homs
    text = "Nasra (Janudiyeh sub-district) and Jamiliya (Darkosh sub-district) had no population left."
    assert [t for t, _ in found(full, text)] == ["Janudiyeh", "Darkosh"]
    assert found(full, "Nasra was shelled.") == [("Nasra", "gn:173606")]  # alone, the index's Nasra (Homs)
    # a cave (مغارة) in the Qusayr district is no village Maghara of Idlib
    assert found(full, "عثرت فرق الدفاع المدني على مقبرة جماعية داخل مغارة في منطقة القصير.")[0][0] == "القصير"


def test_geoparse__two_words_text_extraction_glued_together(full: Gazetteer) -> None:
    # where a link or a line break was, extraction glues a name to the word before or after it
    assert found(full, "وعلى ممر بانياسمصياف والسهول") == [("بانياس", "gn:171830"), ("مصياف", "gn:167046")]
    assert found(full, "يبدأ الخط مندمشق / سورية")[0] == ("دمشق", "gn:170654")
    assert found(full, "محطة الحجاز دمشق - المزيريبدرعا")[-2:] == [("المزيريب", "gn:166503"), ("درعا", "gn:170905")]
    # a word that only ends as a name does is left whole: "عنصرين" (two members) is no عن + Sarin
    assert found(full, "أعلنت قسد أسر عنصرين من الجيش الوطني") == []


def test_geoparse__list_items_the_index_lacks_pass_the_binding_on(full: Gazetteer) -> None:
    # Duma of Suwayda (the index has only Duma of Rif Dimashq): listed before villages the index lacks
    # and bound with them, it is asked in Suwayda, where the index has no Duma
    for text in ("قصفت القوات قرى المتونة ودوما وتيما بريف السويداء الشمالي الشرقي.",
                 "Forces shelled Duma, Taima and Rimat al-Luhf in Suwayda province."):  # fmt: skip
        assert [pid for _, pid in found(full, text)] == ["pcode:SY13"], text
    # two-word items and commas too: Umm al-Tuyour of the Latakia coast is no village of Hama
    text = "وامتدت الحرائق لتشمل قرى وزغرين، وأم الطيور، ووادي قنديل، بريف اللاذقية، ما أسفر عن نزوح"
    assert found(full, text) == [("اللاذقية", "pcode:SY06")]
    # a common word is no list item: "Duma and Monday in Suwayda" binds nothing
    assert found(full, "Forces shelled Duma on Monday in the morning.")[0] == ("Duma", "gn:170592")


def test_geoparse__a_list_of_governorates_binds_nothing(full: Gazetteer) -> None:
    spans = found(full, "They lost ground in Aleppo, Hama and Homs.")
    assert [t for t, _ in spans] == ["Aleppo", "Hama", "Homs"]
    assert all(not pid.startswith("sa:") for _, pid in spans)


def test_geoparse__a_list_of_governorates_reads_as_governorates(full: Gazetteer) -> None:
    gov = {"Aleppo": "pcode:SY02", "Idlib": "pcode:SY07", "Hama": "pcode:SY05", "Homs": HOMS_GOV,
           "Daraa": "pcode:SY12", "Suwayda": "pcode:SY13"}  # fmt: skip
    four = found(full, "The regime lost ground in Aleppo, Idlib, Hama and Homs, and withdrew.")
    assert four == [(t, gov[t]) for t in ("Aleppo", "Idlib", "Hama", "Homs")]
    said = found(full, "the regime-held provinces of Daraa and Suwayda fell")
    assert said == [("Daraa", gov["Daraa"]), ("Suwayda", gov["Suwayda"])]
    assert found(full, "Idlib and Hama provinces") == [("Idlib", gov["Idlib"]), ("Hama", gov["Hama"])]
    # "adjacent" before the next name keeps the list (a news report: "adjacent Aleppo" gave the city)
    said = found(full, "Parts of the provinces of Idlib and adjacent Aleppo held by rebels")
    assert said == [("Idlib", gov["Idlib"]), ("Aleppo", gov["Aleppo"])]
    said = found(full, "the provinces of Idlib, and adjacent Aleppo")  # a serial comma
    assert said == [("Idlib", gov["Idlib"]), ("Aleppo", gov["Aleppo"])]
    tally = found(full, "الضحايا بحسب المحافظات:\n– اللاذقية: 836.\n– طرطوس: 503.\n– حماة: 262.")
    assert tally == [("اللاذقية", "pcode:SY06"), ("طرطوس", "pcode:SY10"), ("حماة", gov["Hama"])]  # a tally
    text = "يمتد السهل في محافظتين رئيستين هما: اللاذقية وطرطوس، وبطول 180 كلم"
    assert found(full, text) == [("اللاذقية", "pcode:SY06"), ("طرطوس", "pcode:SY10")]  # announced
    text = "ويشكل محافظتي طرطوس جنوبا واللاذقية شمالا."
    assert found(full, text) == [("طرطوس", "pcode:SY10"), ("اللاذقية", "pcode:SY06")]  # a direction word between
    text = "تضامنا مع أهالي المدن المحاضرة كحمص وحماة وادلب ودرعا وريف الشام"  # cities, like Homs...
    assert [p for _, p in found(full, text)][:4] == [HOMS_CITY, "gn:170017", "gn:169389", "gn:170905"]
    two = found(full, "They drove from Aleppo and Homs.")  # two names say nothing of provinces
    assert [p for _, p in two] == ["gn:170063", HOMS_CITY]


def test_geoparse__a_facility_asked_for_is_not_the_town_of_its_name(full: Gazetteer) -> None:
    assert found(full, "They took control of Sasa Prison.") == []  # the prison is not in the index
    assert found(full, "south of that lies the Hauran plain") == []  # the plain is not Daraa governorate
    assert found(full, "دوار الزراعة في حلب")[0][1] == "sa:87" and found(full, "يعمل السكان بالزراعة") == []
    # unless the place has the mention, kind word and all, for a name: Lake Qattinah is the dam's lake
    assert found(full, "at the southern edge of Lake Qattinah") == [("Lake Qattinah", "cur:lake-homs-dam")]
    # and no candidate is of the kind asked: "Mount Simeon" names a district, but asks for the mountain
    assert found(full, "the slopes of Mount Simeon") == [("Mount Simeon", "cur:mount-simeon-mountain")]
    # a district named after a mountain is no "Simeon", a saint
    assert found(full, "Saint Simeon Stylites lived on a pillar.") == []
    assert found(full, "The district of Mount Simeon is divided")[0][1] == "pcode:SY0200"
    # a river is a feature, which the index has none of: not the valley the river names, nor a lake's region
    assert found(full, "a village on the Barada River near Damascus") == [("Damascus", "gn:170654")]
    assert found(full, "the Barada River valley")[0][1] == "cur:wadi-barada"
    assert found(full, "the shore of Lake Assad")[0][1] == "cur:lake-assad"


def test_geoparse__a_camp_called_a_quarter_is_the_camp_and_the_quarter_word_stays_out(full: Gazetteer) -> None:
    # the Latakia camp is the quarter al-Raml al-Janubi; a quarter's word is no part of its name
    text = "تركزت الحملة العسكرية على حي الرمل الجنوبي الذي يؤوي"
    assert found(full, text) == [("الرمل الجنوبي", "cur:latakia-camp")]
    assert found(full, "مخيم اليرموك") == [("مخيم اليرموك", "gn:166716")]  # a camp's own word is its name's


def test_geoparse__a_facility_whose_own_name_is_one_word_needs_no_kind_word(full: Gazetteer) -> None:
    # "Al-Tanf" is the garrison's name, with no other place and no common word of that spelling
    assert found(full, "US forces are based at Al-Tanf near the border.") == [("Al-Tanf", "cur:al-tanf-garrison")]
    assert found(full, "قرب التنف") == [("التنف", "cur:al-tanf-garrison")]
    # a core of a longer name, a name other places share, a barracks named after a man: nothing
    assert found(full, "Tishreen said on Monday") == []
    assert found(full, "Rabia was quiet") == []  # a road's name and, respelt, a town's
    assert found(full, "مظاهرة في هنانو") == []


def test_geoparse__a_name_made_of_a_descriptive_word_and_a_city_is_spotted_whole(full: Gazetteer) -> None:
    # "Old City of Damascus" is a quarter, "Great Mosque of Hama" a mosque: neither is the city, nor "Old"/"Great".
    assert found(full, "Shells hit the Old City of Damascus.") == [("Old City of Damascus", "cur:damascus-old-city")]
    assert found(full, "They prayed at the Great Mosque of Hama") == [("Great Mosque of Hama", "cur:hama-great-mosque")]
    assert found(full, "The Great powers met at the Port.") == []


def test_geoparse__a_possessive_stays_outside_the_name(full: Gazetteer) -> None:
    assert found(full, "in Aleppo's city centre") == [("Aleppo", "gn:170063")]


def test_geoparse__words_that_are_not_places_give_nothing(full: Gazetteer) -> None:
    for text in (
        "the town was quiet", "Bashar al-Assad met officials in Moscow and Doha.", "مدينة", "",
        "The Syrian Free Army took Aleppo.",  # "Army" is no spelling of Aleppo, even beside it
        "Deir Khabiyah lies north of the town",  # "Deir" alone is a generic word, not Ad-Deir
        "ارتفاع 430 م (1٬410 قدم)",  # feet, not the Qadam quarter (القدم)
    ):  # fmt: skip
        spans = found(full, text)
        assert spans in ([], [("Aleppo", "gn:170063")]), (text, spans)
    assert found(full, "حي القدم")[0][1] == "cur:damascus-qadam"


def test_geoparse__many_texts_as_a_table(full: Gazetteer) -> None:
    table = full.geoparse_many(["Talbiseh and Rastan", "", "وتلبيسة"], ids=["a", "b", "c"])
    assert table.column("doc_id").to_pylist() == ["a", "a", "c"]
    assert table.column("id").to_pylist() == [TALBISEH, RASTAN, TALBISEH]
    assert table.schema.field("confidence").type == "double"
    with pytest.raises(InvalidQueryError):
        full.geoparse_many(["x"], ids=["a", "b"])


@pytest.mark.parametrize("bad", [None, 42, b"Talbiseh", ["Talbiseh"]])
def test_geoparse__a_non_string_is_a_clear_error(full: Gazetteer, bad: object) -> None:
    with pytest.raises(InvalidQueryError, match="must be a str"):
        full.geoparse(bad)


def test_geoparse__control_and_bidi_characters_and_a_long_text(full: Gazetteer) -> None:
    assert ("Talbiseh", TALBISEH) in found(full, "\u202eTalbiseh\x00 \u200f")
    long = "Talbiseh. " + "word " * 200_000
    assert found(full, long) == [("Talbiseh", TALBISEH)]


def test_spot__keys_of_names_and_words() -> None:
    # Latin words meet through their variant keys, article words left out
    assert spot_key("Deir ez-Zor", "city") == spot_key("Dayr az Zawr", "city").replace("zawr", "zur") == "dayr zur"
    assert spot_key("Zakiyah", "town") == "zakiya" == tokenize("Zakyah")[0].keys[0]
    assert spot_key("Homs Governorate", "governorate") == "hums" and spot_key("مدينة", "city") == ""
    # generic words alone are never spotted, unless the article makes them a name
    assert spot_key("Khan", "town") == spot_key("Deir", "village") == spot_key("تل", "town") == ""
    assert spot_key("Al-Bab", "city") == "bab" and spot_key("التل", "town") == "التل"
    # a settlement's Arabic name is spotted with or without its article; any other place's is not
    assert spot_key("الرستن", "city") == "رستن"
    assert spot_key("القدم", "neighbourhood") == "القدم" and spot_key("ناصر", "neighbourhood") == "#ناصر"
    # a core name is spotted only for settlements and quarters ("الدالاتي" of a mosque is a family name)
    assert spot_key("الدالاتي", "landmark", core=True) == "" and spot_key("الميدان", "neighbourhood", core=True)
    assert [t.keys for t in tokenize("وتلبيسة")] == [("وتلبيسه", "#وتلبيسه", "تلبيسه", "#تلبيسه")]
    # لل is ل + ال ("للرستن": to ar-Rastan), or ل + ال + a name beginning with ل ("للاذقية": to Latakia)
    assert tokenize("للرستن")[0].keys[2:4] == ("رستن", "الرستن")
    assert tokenize("للاذقية")[0].keys[2:] == ("اذقيه", "الاذقيه", "لاذقيه", "اللاذقيه")
    assert [t.article for t in tokenize("al-Rastan")] == [True, False]
    assert [(t.start, t.end) for t in tokenize("Aleppo's Ra's")] == [(0, 6), (9, 13)]


#: Letters, marks, quotes, digits, joiners and other characters of both scripts, for word cutting.
_WORD_PIECES = st.text(st.sampled_from("aZé ḩ'’`s-–.,؛٣3_\u064b\u0651\u0640\u200fوالتبيسةح \n"), max_size=40)


@given(_WORD_PIECES)
def test_words__columns_are_the_words_one_by_one(text: str) -> None:
    # the oracle walks the words one at a time (finditer with a plain, non-possessive pattern), as
    # the columns would be without their C-level passes; a possessive 's stays outside the word
    letter, quote = r"[^\W\d_]", "['’ʼ`ʿʾ‘´]"
    mark = "[\u0300-\u036f\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]"
    plain = re.compile(f"(?:{letter}|{mark})+(?:{quote}(?:{letter}|{mark})+)*")
    from gazetteer.spot import _word_keys

    def latin(c: str) -> bool:
        return "A" <= c <= "Z" or "a" <= c <= "z" or "\u00c0" <= c <= "\u024f"

    def pieces(start: int, word: str) -> list[tuple[int, str]]:
        """A word cut after each ة or ى that an Arabic letter follows, and where Latin and Arabic
        letters meet (two words glued together)."""
        out, begin = [], 0
        for k in range(len(word) - 1):
            nxt = word[k + 1]
            arabic_next = "\u0621" <= nxt <= "\u064a"
            glued = word[k] in "ةى" and ("\u0621" <= nxt <= "\u063a" or "\u0641" <= nxt <= "\u064a")
            script = (latin(word[k]) and arabic_next) or (
                "\u0621" <= word[k] <= "\u064a" and latin(nxt) and nxt.isascii()
            )
            if glued or script:
                out.append((start + begin, word[begin : k + 1]))
                begin = k + 1
        return [*out, (start + begin, word[begin:])]

    def hyphened_article(start: int, word: str) -> bool:
        """ "a-" or "e-" before a letter, no word, quote or hyphen right before: the article ("a-Raqqa")."""
        before = text[start - 1] if start else " "
        after = text[start + 1 : start + 3]
        lone = not (before.isalnum() or before in "_'’-")
        return word in ("a", "A", "e", "E") and lone and after[:1] == "-" and after[1:].isalpha()

    expected = []
    for m in plain.finditer(text):
        for start, word in pieces(m.start(), m.group()):
            if hyphened_article(start, word):
                expected.append((start, start + 1, (word.lower(),), (0,), True, word.isupper()))
                continue
            info = _word_keys(word)
            if info is not None:
                expected.append((start, start + len(word) - info[4], info[0], info[1], info[2], info[3]))
    words = Words(text)
    got = list(zip(words.start, words.end, words.keys, words.offsets, words.article, words.capital))
    assert got == expected
    assert [tuple(t) for t in tokenize(text)] == expected and len(words) == len(expected)


def test_words__where_a_name_may_begin() -> None:
    words = Words("the town of al-Rastan, near Talbiseh and al Rastan")
    begins = words.starting(frozenset({"rastan", "talbasa"}))
    assert [words.keys[i][0] for i in begins] == ["rastan", "talbasa", "rastan"]
    assert Words("").starting(frozenset({"x"})) == [] and len(Words(" ,. ")) == 0


def test_geoparse__names_abroad_give_nothing(full: Gazetteer) -> None:
    for text in ("at the crossroads of Syria, Iraq and Jordan", "وقالت مصادر في لبنان إن الحدود مغلقة",
                 "talks in Erbil and Basra"):  # fmt: skip
        assert full.geoparse(text) == [], text
    # countries and towns abroad that a looser key spells like a Syrian place (Banan, al-Qabun, Gharyeh,
    # Jennan, Shahba, Kafar Kila, Taleen, Dalyeh, Hawijah of Hama): a news report names them as they are
    for name in ("Benin", "Gabon", "Algeria", "Jenin", "Shebaa", "Kfar Kila", "Tallinn", "Dili", "Hawija"):
        assert full.geoparse(f"Officials met in {name} on Monday.") == [], name


def test_geoparse__document_context_decides_a_repeated_name_and_says_which_mentions(full: Gazetteer) -> None:
    """Al-Hamidiyah is in several governorates; the text's other places are all in Tartus."""
    assert full.resolve("Al-Hamidiyah") is None  # alone, it is ambiguous
    text = "Raids on Al-Hamidiyah near Tartus, Banias and Safita."
    first = full.geoparse(text)[0]
    assert first.text == "Al-Hamidiyah" and first.match.place.governorate.pcode == "SY10"
    assert first.match.signals[-1] == "document context: Tartus (from Tartus, Banias, Safita)"


def test_geoparse__document_context_note_stays_short_in_a_long_text(full: Gazetteer) -> None:
    """A long text lists only the first of its many voters (the whole list made geoparse quadratic)."""
    towns = ["Tartus", "Banias", "Safita", "Dreikish", "Qadmus", "Sheikh Badr"]
    text = " ".join(f"Shelling hit {t}." for t in towns * 300) + " Raids on Al-Hamidiyah."
    last = full.geoparse(text)[-1]
    assert last.text == "Al-Hamidiyah" and last.match.place.governorate.pcode == "SY10"
    note = last.match.signals[-1]
    assert note.startswith("document context: Tartus (from Tartus, Banias, Safita, Dreikish")
    assert len(note) <= len("document context: Tartus (from )") + 120


def test_geoparse__a_facility_asked_for_keeps_its_word_in_the_span(full: Gazetteer) -> None:
    """The dam is named with its word (as the spotter treats such names); a town's word stays outside."""
    assert found(full, "وصلت القوات إلى سد الرستن أمس") == [("سد الرستن", "cur:rastan-dam")]
    assert found(full, "They reached the Rastan Dam.") == [("Rastan Dam", "cur:rastan-dam")]
    assert found(full, "They entered the town of al-Rastan.") == [("al-Rastan", RASTAN)]


def test_geoparse__a_descriptive_word_does_not_reach_across_a_full_stop(full: Gazetteer) -> None:
    text = "South of that lies the Hauran plain. The Barada River Valley borders the Ghouta."
    spans = [m.text for m in full.geoparse(text)]
    assert "Barada River Valley" in spans and not any(s.startswith("plain") for s in spans)


def test_geoparse__a_compass_word_before_a_governorate_name_is_the_governorate(full: Gazetteer) -> None:
    # southern Idlib (Khan Shaykhun, Maarat al-Numan) lies 30-60 km from Idlib city: only the
    # governorate holds it; "south of Homs" places a thing relative to the city
    assert found(full, "Fighting continued in southern Idlib and northwest Hama.") == [
        ("Idlib", "pcode:SY07"), ("Hama", "pcode:SY05"),
    ]  # fmt: skip
    assert found(full, "تواصل القصف على جنوب إدلب") == [("إدلب", "pcode:SY07")]
    assert found(full, "They fled south of Homs.") == [("Homs", HOMS_CITY)]
    # no governorate name: the region, named whole as Arabic names it ("الغوطة الشرقية")
    assert found(full, "They besieged Eastern Ghouta.") == [("Eastern Ghouta", "cur:ghouta")]
    assert full.resolve("southern Idlib").place.id == "pcode:SY07"  # type: ignore[union-attr]
    # Damascus's governorate is the city: a part of it is a part of the city
    assert found(full, "The rebel-held pocket in southern Damascus fell.") == [("Damascus", "gn:170654")]
    assert found(full, "تقع البلدة جنوب غرب دمشق") == [("دمشق", "gn:170654")]


def test_geoparse__a_given_name_is_no_short_name_with_an_article_glued_to_it(full: Gazetteer) -> None:
    # "Essam" reads as "es" + "Sam" (Damascus in Turkish) only as a spelling variant
    assert found(full, "killing Hawar News Agency reporter, Essam Abdullah in Syria.") == []
    # a rank or a title that only respells a place is the title: "Emir" is no Emar (an ancient site)
    assert found(full, "Abu Khattab (Emir of Qalamoun) was killed.") == [("Qalamoun", "cur:qalamun-mountains")]
    assert found(full, "The Emar excavations resumed.") == [("Emar", "cur:emar")]


def test_geoparse__a_romanisation_s_letter_for_two_is_read_as_the_two(full: Gazetteer) -> None:
    # ḵ is kh in Wikipedia's romanisation of Arabic: "Talkalaḵ" is Talkalakh
    assert found(full, "Talkalakh (Arabic: تلكلخ, romanized: Talkalaḵ)") == [
        ("Talkalakh", "gn:163533"),
        ("تلكلخ", "gn:163533"),
        ("Talkalaḵ", "gn:163533"),
    ]


def test_geoparse__a_romanised_name_of_two_words_written_as_one(full: Gazetteer) -> None:
    # "Maarbalit" is the village the Syrian Archive writes "Mar Baleet", as resolve() reads it
    text = "Nearby localities include Ariha to the northwest and Maarbalit to the northeast."
    assert found(full, text) == [("Ariha", "gn:172994"), ("Maarbalit", "sa:631")]
    assert found(full, "Khanshaykhun was struck.") == [("Khanshaykhun", "gn:168325")]
    # a name whose spot key leaves its article out is not joined: Saladin is a man, not Salah al-Din
    assert found(full, "It was captured by Saladin in 1188.") == []


def test_geoparse__two_spans_that_spell_one_longer_name_are_that_place(full: Gazetteer) -> None:
    # "Tamana al-Ghab" is a spelling of Tamana'at al-Ghab (Hama) that no spot key has; its halves are
    # the town Tamana of Idlib and the Ghab plain
    assert found(full, "Tamana al-Ghab is a village in northern Syria.") == [("Tamana al-Ghab", "sa:432")]
    assert found(full, "They went from Homs Hama to Idlib") == [
        ("Homs", HOMS_CITY),
        ("Hama", "gn:170017"),
        ("Idlib", "gn:169389"),
    ]


def test_geoparse__a_name_that_goes_on_is_another_place(full: Gazetteer) -> None:
    # Busra al-Harir (Daraa, Lajat) is not Busra al-Sham; al-Ghariyah al-Sharqiyah and
    # al-Gharbiyah (Daraa) are not the al-Ghariyah of As-Suwayda
    assert found(full, "The army captured farms near Busra Al-Harir.") == [("Busra Al-Harir", "cur:busr-al-harir-town")]
    assert found(full, "They attacked the towns of Eastern Ghariyah and Western Ghariyah.") == []
    assert found(full, "They attacked the town of Busra al-Sham.") == [("Busra al-Sham", "gn:171126")]


def test_geoparse__arabic_words_that_are_not_places(full: Gazetteer) -> None:
    assert found(full, "سيطرت على بلدات في ريف حماة الشمالي") == [("حماة", "pcode:SY05")]  # an adjective
    assert found(full, "اهتم السكان بالزراعة وتربية المواشي") == []  # "in agriculture"
    assert found(full, "جزء من عملية ردع العدوان") == []  # "deterring the aggression"
    assert found(full, "قاتلت هيئة تحرير الشام") == []  # the Levant, in an organisation's name
    village = found(full, "قصفت قوات النظام قرية الزراعة")  # a descriptive word asks for the village
    assert [t for t, _ in village] == ["الزراعة"]
    # an area's word asks for the region a governorate's nickname names, not when a nisba goes on with another
    assert found(full, "تقع في منطقة حوران جنوب سوريا") == [("حوران", "pcode:SY12")]
    assert found(full, "ومنطقة الجزيرة قبل أن يغادر") == [("الجزيرة", "pcode:SY08")]
    assert found(full, "في منطقة الجزيرة الفراتية") == []
    assert found(full, "زار الجزيرة") == []  # alone, the island
    # أبا and أبي, the accusative and the genitive of أبو, open the names that write أبو
    assert found(full, "قصفت الطائرات محيط أبي الظهور") == [("أبي الظهور", "gn:174611")]
    assert found(full, "(بالتحويل من أبا الظهور)") == [("أبا الظهور", "gn:174611")]
    assert found(full, "قال أبي إن الطريق طويل") == []  # "my father"
    # a name's own أبي stays its spot key: a king called Abu al-Fida is no mosque named after him
    assert found(full, "حكم الملك المؤيد أبو الفداء مدينة حماة") == [("حماة", "gn:170017")]
    assert found(full, "جامع أبي الفداء في حماة")[0] == ("جامع أبي الفداء", "cur:hama-abu-al-fida-mosque")
    # the Old City of Aleppo's own Arabic name
    assert found(full, "تقع في حلب القديمة قرب القلعة") == [("حلب القديمة", "cur:aleppo-old-city")]


def test_geoparse__the_dual_countryside_reads_both_names_as_governorates(full: Gazetteer) -> None:
    assert found(full, "بدأ الهجوم في ريفي حلب وإدلب") == [("حلب", "pcode:SY02"), ("إدلب", "pcode:SY07")]


def test_geoparse__the_countryside_with_its_article_before_lam_is_the_governorate_s(full: Gazetteer) -> None:
    # "الريف الجنوبي لإدلب" says what "ريف إدلب الجنوبي" says; a town's countryside stays the town's
    assert found(full, "وصلوا إلى الريف الجنوبي لإدلب") == [("إدلب", "pcode:SY07")]
    assert found(full, "وبالريف الشمالي الغربي لحلب") == [("حلب", "pcode:SY02")]
    assert found(full, "وقرى الريف الغربي لدمشق") == [("دمشق", "pcode:SY03")]
    # in a list, too: "the western countryside of Damascus and the Golan Heights" is Rif Dimashq
    assert found(full, "وقرى الريف الغربي لدمشق وهضبة الجولان")[0] == ("دمشق", "pcode:SY03")
    assert found(full, "الريف الجنوبي لتلبيسة") == [("تلبيسة", TALBISEH)]
    assert found(full, "زار الريف القريب لحماة") == [("حماة", "gn:170017")]  # "nearby" is no direction


def test_geoparse__the_countryside_with_its_article_before_min_is_the_governorate_s(full: Gazetteer) -> None:
    # "الريف الشرقي من حلب" (the eastern countryside of Aleppo), as translations write it
    assert found(full, "شنت القوات هجوما في الريف الشرقي من حلب") == [("حلب", "pcode:SY02")]
    assert found(full, "في الريف الشمالي الغربي من حماة") == [("حماة", "pcode:SY05")]
    assert found(full, "وصلوا إلى القريب من حماة") == [("حماة", "gn:170017")]  # no countryside word


def test_geoparse__a_desert_named_after_a_governorate_or_a_town(full: Gazetteer) -> None:
    # the desert of a governorate's capital is the governorate's ("the Homs desert" already was);
    # the desert of a town is the steppe around the town
    assert found(full, "فروا باتجاه صحراء حمص الشرقية") == [("حمص", "pcode:SY04")]
    assert found(full, "وصلوا إلى بادية دير الزور") == [("دير الزور", "pcode:SY09")]
    assert found(full, "هجوم في بادية السخنة") == [("السخنة", "gn:172425")]
    assert found(full, "يقع في وسط صحراء بادية الشام") == [("بادية الشام", "cur:syrian-desert")]
    assert found(full, "They hid in the Palmyra desert.") == [("Palmyra", "gn:163808")]


def test_geoparse__a_capital_that_binds_a_place_outside_its_city_is_the_governorate(full: Gazetteer) -> None:
    # Khan Shaykhun lies ~60 km south of Idlib city and Talbiseh ~13 km north of Homs city: "X, Idlib"
    # and "X, Homs" name the governorate; a quarter of the city leaves the city as it is
    assert found(full, "Clashes in Khan Shaykhun, Idlib.") == [("Khan Shaykhun", "gn:168325"), ("Idlib", "pcode:SY07")]
    assert found(full, "Clashes in Talbiseh, Homs.") == [("Talbiseh", TALBISEH), ("Homs", HOMS_GOV)]
    assert found(full, "Fighting reached Talbiseh, north of Homs.")[-1] == ("Homs", HOMS_CITY)  # no binding
    # a town 9 km from its capital is no part of the city (an OCHA update: "Sarmin (Idleb)" gave Idlib city);
    # a village 4 km away, filed as a village though the city has grown over it, stays the city's
    assert found(full, "Hospitals were hit in Sarmin (Idleb).")[-1] == ("Idleb", "pcode:SY07")
    assert found(full, "Clashes in Dayr Baalbah, Homs.")[-1] == ("Homs", HOMS_CITY)
    # a village lies in a governorate, not in its capital, even a village the index lacks
    text = "Clashes broke out between armed locals from the village of Kharbat Al-Mu'ezah in Tartus and the police."
    assert found(full, text) == [("Tartus", "pcode:SY10")]
    assert found(full, "Shells fell on villages in Hama.") == [("Hama", "pcode:SY05")]
    assert found(full, "Shells fell on a neighbourhood in Homs.") == [("Homs", HOMS_CITY)]
    # so does an administrative border
    assert found(full, "Clashes raged at the administrative border with Homs.") == [("Homs", HOMS_GOV)]
    assert found(full, "قرب الحدود الإدارية لحماة") == [("حماة", "pcode:SY05")]
    # and belonging to it, administratively or not; a city's word keeps the city
    text = "سيطر على بلدة الباغوز في ريف مدينة البوكمال التابعة لدير الزور"
    assert found(full, text)[-1] == ("دير الزور", "pcode:SY09")
    assert found(full, "تتبع إدارياً لحمص، تبعد عن مدينة دمشق 190 كم")[0] == ("حمص", "pcode:SY04")
    assert found(full, "قرية تابعة لمدينة حمص") == [("حمص", HOMS_CITY)]
    # and a compass word with "parts of", as without it
    assert found(full, "those in western parts of Quneitra are without shelter") == [("Quneitra", "pcode:SY14")]


def test_geoparse__the_article_merged_into_the_clitic_lam(full: Gazetteer) -> None:
    # ل + الرقة is written للرقة (the alif dropped), ل + اللاذقية is للاذقية (one ل dropped too):
    # the span starts after the preposition, the place is the one with the article
    raqqa, latakia = full.resolve("الرقة"), full.resolve("اللاذقية")
    assert raqqa is not None and latakia is not None
    assert found(full, "وصلت التعزيزات للرقة") == [("لرقة", raqqa.place.id)]
    assert found(full, "المدن التابعة للرقة") == [("لرقة", "pcode:SY11")]  # what belongs to it: the governorate
    assert found(full, "وصلت التعزيزات للاذقية") == [("لاذقية", latakia.place.id)]
    assert found(full, "ذهب لحمص") == [("حمص", HOMS_CITY)]  # ل and a name without the article
    assert found(full, "للدفاع عن البلاد") == []


def test_geoparse__the_things_of_a_governorate_and_a_compass_word_after_a_kind_word(full: Gazetteer) -> None:
    # "the villages of Latakia", "the mountains of northern Latakia": parts of the governorate (there is
    # no mountain called Latakia); "the cities of Homs and Hama" and "the town of X" are the places
    assert found(full, "Fighting went on in the mountains of Latakia.") == [("Latakia", "pcode:SY06")]
    assert found(full, "Clashes in the Mountains of northern Latakia.") == [("Latakia", "pcode:SY06")]
    assert found(full, "Shells fell on the villages of Idlib.") == [("Idlib", "pcode:SY07")]
    assert found(full, "They shelled the villages of Kafr Nabl and Hass.")[0][1] != "pcode:SY07"
    assert [p for _, p in found(full, "the cities of Homs and Hama")] == [HOMS_CITY, "gn:170017"]
    # an offensive named after a governorate's name is fought across it; after another name it says nothing
    assert found(full, "The 2015 Latakia offensive began.") == [("Latakia", "pcode:SY06")]
    assert found(full, "The Palmyra offensive began.") == found(full, "Palmyra fell.")
    assert found(full, "They launched an offensive in Idlib.") == [("Idlib", "pcode:SY07")]
    assert found(full, "They launched an attack in Idlib.") == [("Idlib", "gn:169389")]
    assert found(full, "The Raqqa campaign (2012–2013) was a series of battles.") == [("Raqqa", "pcode:SY11")]


def test_geoparse__descriptive_words_reach_a_name_written_with_its_article(full: Gazetteer) -> None:
    # "the district of al-Rastan": the article is inside the span, the descriptive words before it
    assert found(full, "They took the district of al-Rastan.") == [("al-Rastan", "pcode:SY0404")]
    assert found(full, "They took the district of Rastan.") == [("Rastan", "pcode:SY0404")]


def test_geoparse__a_common_word_after_a_definite_noun_is_its_adjective(full: Gazetteer) -> None:
    # القرى الهامة: "the important villages", not the town al-Hamah (Rif Dimashq); a city stays a city
    assert found(full, "ومن القرى الهامة التابعة للمنطقة") == []
    assert found(full, "قصفت القوات بلدة الهامة") == [("الهامة", full.resolve("الهامة").place.id)]  # type: ignore[union-attr]
    assert found(full, "دخلت القوات الباب") == [("الباب", full.resolve("الباب").place.id)]  # type: ignore[union-attr]
    # a town after a subject and its adjective is the object of the verb: "the Turkish forces entered al-Darbasiyah"
    assert found(full, "دخلت القوات التركية الدرباسية") == [("الدرباسية", "gn:170887")]
    # an infobox's location label is no noun the name describes: "الموقع القصير" is al-Qusayr
    assert found(full, "الموقع القصير، محافظة حمص، سوريا")[0] == ("القصير", "gn:173322")
    # a city's name that ends as an adjective does (ية) is the adjective: peaceful protests, no al-Salamiyah
    assert found(full, "بدأت الاحتجاجات السورية السلمية في مطلع عام 2011") == []
    assert found(full, "ودعت إلى الحلول السلمية للأزمة") == []
    # إلى only looks like a word with the article: after it the word is no adjective
    assert found(full, "نزح الأهالي إلى السلمية") == [("السلمية", "gn:164947")]


def test_geoparse__a_table_label_says_the_kind(full: Gazetteer) -> None:
    # an encyclopedia's infobox: "Governorate | Homs" is the governorate, "District | Al-Rastan" the district
    table = "| Country | Syria |\n| Governorate | Homs |\n| District | Al-Rastan |\n| Population | Homs |"
    assert found(full, table) == [("Homs", HOMS_GOV), ("Al-Rastan", "pcode:SY0404"), ("Homs", HOMS_CITY)]
    assert found(full, "| محافظة | دير الزور |") == [("دير الزور", "pcode:SY09")]
    assert found(full, "The road | Homs") == [("Homs", HOMS_CITY)]  # a label is a whole cell
    # an Arabic infobox's label and value alone on a line, a space between: "المنطقة إزرع" is Izra District
    infobox = "البلد  سوريا\n المحافظة درعا\n المنطقة إزرع\n الناحية تسيل\n"
    assert found(full, infobox)[1] == ("إزرع", "pcode:SY1203")
    assert found(full, "وصلت القوات إلى إزرع\n")[0] == ("إزرع", "gn:169341")  # a line's end alone says nothing


def test_geoparse__a_landmark_needs_a_place_of_the_text_near_it(full: Gazetteer) -> None:
    # every town has an Omari mosque; the index knows Bosra's: with Bosra named it is that one
    assert found(full, "وصلوا إلى المسجد العمري") == []
    assert found(full, "وصلوا إلى المسجد العمري في بصرى") == [
        ("المسجد العمري", "cur:bosra-al-omari-mosque"), ("بصرى", "gn:171126"),
    ]  # fmt: skip
    assert [p for _, p in found(full, "They prayed at the Umayyad Mosque in Damascus.")][-1] == "gn:170654"


def test_geoparse__a_compass_word_before_a_governorate_binds_a_list_to_it(full: Gazetteer) -> None:
    # al-Yaarubiyah is a town of Al-Hasakah: "in Northeastern Aleppo" rules it out; "north of Homs"
    # places a town relative to the city and binds nothing
    assert found(full, "Rebels took al-Yaaroubiyah villages in Northeastern Aleppo.") == [("Aleppo", "pcode:SY02")]
    assert found(full, "Rebels took al-Yaaroubiyah.")[0][1] == "gn:383661"


def test_geoparse__a_district_after_a_name_is_that_name_s(full: Gazetteer) -> None:
    # "the Qadi Askar district of Aleppo": a quarter of the city; "district" does not reach Aleppo
    text = "ISIL executed prisoners in the Qadi al-Askar district of Aleppo."
    assert found(full, text) == [("Qadi al-Askar", "sa:60"), ("Aleppo", "gn:170063")]
    assert found(full, "Jobar district was shelled.") == [("Jobar", "cur:damascus-jobar")]
    assert found(full, "the Tel Rifaat district of Aleppo's countryside")[-1] == ("Aleppo", "pcode:SY02")


def test_geoparse__a_canton_is_the_district_of_its_name(full: Gazetteer) -> None:
    # the Kurdish administration's Kobani and Afrin cantons are the districts Ayn al-Arab and Afrin
    assert found(full, "the Kobani canton and the Afrin Canton") == [
        ("Kobani", "pcode:SY0206"), ("Afrin", "pcode:SY0203"),
    ]  # fmt: skip
    assert found(full, "استوعبت المدينة في كانتون كوباني") == [("كوباني", "pcode:SY0206")]
    # "مقاطعة", too: the Autonomous Administration's word for a canton
    assert found(full, "تضم المنطقة مقاطعة كوباني") == [("كوباني", "pcode:SY0206")]
    assert found(full, "بالإضافة إلى مقاطعة تل أبيض") == [("تل أبيض", "pcode:SY1102")]
    # "قضاء", the Ottoman and Lebanese word for a district; "القضاء على" (eliminating) names nothing
    assert found(full, "تتبع ناحية الناصرة قضاء تلكلخ")[-1] == ("تلكلخ", "pcode:SY0403")
    assert found(full, "بعد القضاء على التنظيم في الرقة") == [("الرقة", "gn:172955")]


def test_geoparse__a_name_listed_with_a_town_is_asked_in_its_governorate(full: Gazetteer) -> None:
    # "Turkmanbareh" is no indexed spelling of Turkmen al-Bareh (sa:161), a village of Aleppo near Akhtarin
    text = "ISIS captured two towns – Akhtarin and Turkmanbareh – north of the city."
    assert found(full, text) == [("Akhtarin", "gn:174115"), ("Turkmanbareh", "sa:161")]
    listed = full.geoparse(text)[1].match
    assert "listed with Akhtarin in Aleppo" in listed.signals
    before = found(full, "Turkmanbareh and Akhtarin were taken.")
    assert before == [("Turkmanbareh", "sa:161"), ("Akhtarin", "gn:174115")]
    # alone, or listed with a town of another governorate, it is no mention
    assert found(full, "ISIS captured Turkmanbareh.") == []
    assert found(full, "Rebels took Talbiseh and Turkmanbareh.") == [("Talbiseh", TALBISEH)]
    # a word after a comma is asked and gives nothing: a consonant skeleton alone makes no fellow
    assert found(full, "In Aleppo, Armenian families fled.") == [("Aleppo", "gn:170063")]
    assert found(full, "After the fall of Akhtarin, Biden said") == [("Akhtarin", "gn:174115")]
    assert found(full, "In Hajin, Mohammed, a local farmer, said.") == [("Hajin", "gn:174506")]
    # the name nearest the place is tried first
    assert found(full, "Yesterday Turkmanbareh and Akhtarin fell.") == [
        ("Turkmanbareh", "sa:161"),
        ("Akhtarin", "gn:174115"),
    ]
    # with a province the caller has decided: no list is read
    assert found(full, text, province="Aleppo") == [("Akhtarin", "gn:174115")]


def test_geoparse__an_infobox_s_subdivision_name_takes_the_kind_of_its_type_field(full: Gazetteer) -> None:
    # Wikipedia's settlement infobox: "Subdivision TypeN" says what "Subdivision NameN" is
    text = "Subdivision Type1: | Governorate |\nSubdivision Name1: | Homs |\nSeat: | Taldou |"
    assert found(full, text)[0] == ("Homs", HOMS_GOV)
    text = (
        "Subdivision Type1:Governorate\nSubdivision Name1:al-Hasakah\n"
        "Subdivision Type2:District\nSubdivision Name2:al-Hasakah"
    )
    assert found(full, text) == [("al-Hasakah", "pcode:SY08"), ("al-Hasakah", "pcode:SY0800")]
    assert found(full, "Subdivision Type1: Country\nSubdivision Name1: Homs")[0] == ("Homs", HOMS_CITY)


def test_geoparse__an_infobox_label_glued_to_its_value(full: Gazetteer) -> None:
    # text extracted from an encyclopedia's infobox glues label and value: "GovernorateIdlib"
    text = "Country Syria\nGovernorateIdlib\nDistrictIdlib District\nPopulation 57,859"
    assert found(full, text) == [("Idlib", "pcode:SY07"), ("Idlib", "pcode:SY0700")]
    assert found(full, "LocationWestern Al-Hasakah Governorate, Syria") == [("Al-Hasakah", "pcode:SY08")]
    # a line's end parts two names: "Syria" closing a line is no given name before "Al-Jiza"
    assert found(full, "Al-Jiza, Syria\nAl-Jiza\nالجيزة | |")[1] == ("Al-Jiza", "gn:169017")
    assert found(full, "Bashar al-Assad visited Hama") == [("Hama", "gn:170017")]
    assert found(full, "الموقعالقصير، محافظة حمص") == [("القصير", "gn:173322"), ("حمص", HOMS_GOV)]
    assert found(full, "الموقعمحافظات السويداء وريف دمشق") == [("السويداء", "pcode:SY13"), ("ريف دمشق", "pcode:SY03")]
    # a name without the article glued to the label; "الموقعة" (the battle) is a word of its own
    assert found(full, "الموقعصدد، محافظة حمص") == [("صدد", "gn:165109"), ("حمص", "pcode:SY04")]
    assert found(full, "وقعت الموقعة قرب صدد")[0] == ("صدد", "gn:165109")
    # a transliteration glued to its label: "Muḥāfaẓat" (governorate) says what the name is
    assert found(full, "(Arabic: مُحافظة الرقة, romanizedMuḥāfaẓat ar-Raqqah)") == [
        ("الرقة", "pcode:SY11"),
        ("ar-Raqqah", "pcode:SY11"),
    ]
    # a subdistrict's label, a capital's, a seat's
    assert found(full, "DistrictQatana District\nNahiyahBeit Jinn\n")[-1] == ("Beit Jinn", "pcode:SY030801")
    assert found(full, "Country Syria\nCapitalHoms\n") == [("Homs", HOMS_CITY)]
    assert [(w.start, w.end) for w in tokenize("GovernorateIdlib")] == [(0, 11), (11, 16)]
    assert [(w.start, w.end) for w in tokenize("GovernorateXY Governorates")] == [(0, 13), (14, 26)]  # no label


def test_geoparse__two_arabic_words_glued_where_a_link_was(full: Gazetteer) -> None:
    # scraped pages lose the space around a link: ة and ى end a word, so a letter after one begins the next
    assert found(full, "يرفده نهر جقجق في مدينة الحسكةثم يمر بمدينة الشدادي") == [
        ("الحسكة", "gn:173811"),
        ("الشدادي", "gn:172837"),
    ]
    assert found(full, "تبعد عن مدينةحماة مسافة 30 كيلومترًا") == [("حماة", "gn:170017")]
    assert found(full, "وصلت القوات إلىتلبيسة صباحا") == [("تلبيسة", "gn:163779")]
    assert found(full, "حوصرت قرى الفوعةوكفريا") == [("الفوعة", "cur:al-fuah-town"), ("كفريا", "sa:608")]
    assert [(w.start, w.end) for w in tokenize("مدينةحماةمسافة")] == [(0, 5), (5, 9), (9, 14)]
    assert [(w.start, w.end) for w in tokenize("الرقةُ مدينةٌ")] == [(0, 6), (7, 13)]  # a vowel mark after ة


def test_geoparse__a_conjunction_glued_between_two_names(full: Gazetteer) -> None:
    # "و" (and) glued between two names where links were: the pieces are read apart
    assert found(full, "على الطريق الواصل بين بانياسومصياف") == [("بانياس", "gn:171830"), ("مصياف", "gn:167046")]
    assert found(full, "دارت المعركة في مدينتي الرستنوتلبيسة") == [("الرستن", "gn:172946"), ("تلبيسة", "gn:163779")]
    # after the ة/ى cuts: "قرىكرنازوحيالين الغابوالزكاة" is the villages Karnaz, Hayalin al-Ghab and al-Zakah
    assert found(full, "تتاخمها قرىكرنازوحيالين الغابوالزكاة") == [
        ("كرناز", "gn:167739"),
        ("حيالين الغاب", "sa:368"),
        ("الزكاة", "sa:439"),
    ]
    # a word that is a name of its own (al-Huwash) or a common word (transport) stays whole; no index, no cut
    names = full.opened.spot_index()
    assert [len(Words(word, names)) for word in ("الحواش", "المواصلات", "بانياسومصياف")] == [1, 1, 2]
    assert [(w.start, w.end) for w in tokenize("بانياسومصياف")] == [(0, 12)]


def test_geoparse__an_arabic_lead_that_says_governorate(full: Gazetteer) -> None:
    # محافظة said of the name in an article's lead: the governorate; a town's word asks nothing new
    lead = 'دير الزور (تدعى أيضا "الدير" بالعامية السورية) محافظة سوريّة تقع في شرق البلاد'
    assert found(full, lead) == [("دير الزور", "pcode:SY09"), ("الدير", "pcode:SY09")]  # "الدير": its declared name
    assert found(full, "درعا هي إحدى المحافظات السورية") == [("درعا", "pcode:SY12")]
    assert found(full, "حمص مدينة سورية") == [("حمص", "gn:169577")]
    assert found(full, "كانت إدلب قرية صغيرة") == [("إدلب", "gn:169389")]
    # a village's or a town's word said of the name is its kind word: a name that is also a common word
    # ("آراك", I see you) is then the village (an encyclopedia excerpt: the article's subject was lost)
    assert found(full, "آراك هي قرية في شرق سوريا") == [("آراك", "cur:arak-homs-village")]
    assert found(full, "آراك، قرية سورية تتبع محافظة حمص")[0] == ("آراك", "cur:arak-homs-village")
    assert found(full, "لا أراك هنا") == []  # the common word alone


def test_geoparse__a_common_word_that_glosses_a_place_s_own_name(full: Gazetteer) -> None:
    # سلمى is a given name (a common word), but the whole of a gloss after the place's Latin name is its name
    assert found(full, "Salma (سَلْمَىٰ) is a village in Latakia.")[:2] == [("Salma", "sa:760"), ("سَلْمَىٰ", "sa:760")]
    assert found(full, "- Native name: سَلْمَىٰ") == [("سَلْمَىٰ", "sa:760")]
    assert found(full, "قالت سلمى إن القصف استمر") == []  # a woman's name in a sentence


def test_geoparse__news_words_that_spell_places(full: Gazetteer) -> None:
    # a common word is no clitic and a one-word name: "وزارة" (ministry) is not و + Zara (Homs),
    # "فرقة" (division) not ف + Raqqa
    assert found(full, "أعلنت وزارة الداخلية السورية مقتل عنصرين في درعا") == [("درعا", "gn:170905")]
    assert found(full, "أعلنت فرقة الحمزة سيطرتها على قرية في ريف حلب") == [("حلب", "pcode:SY02")]
    # the clitic is still read off a word that is no common word, and before a longer name
    assert found(full, "وصلت القوات إلى الرقة وحلب") == [("الرقة", "gn:172955"), ("حلب", "gn:170063")]
    assert found(full, "دخلت القوات وعين العرب") == [("عين العرب", "gn:172256")]  # Kobani
    # an acronym matches a place only as the place's own name: "SANA" is the news agency, not as-Saan
    assert found(full, "SANA said a hospital opened in Qardaha.") == [("Qardaha", "gn:173364")]
    # an acronym in a line in capitals is a headline's word: "ALBUKAMAL" is Abu Kamal
    assert found(full, "REBELS ENTER ALBUKAMAL AS ISIS RETREATS") == [("ALBUKAMAL", "gn:174448")]
    # a given name before a surname: the village's Arabic name, رامي, is a common word (a given name)
    assert found(full, "Rami Abdulrahman said at least 31 people were killed in Idlib.") == [("Idlib", "gn:169389")]
    assert found(full, "Shelling hit the village of Rami in Idlib.") == [("Rami", "sa:691"), ("Idlib", "pcode:SY07")]
    # a town whose Arabic name is no common word keeps its name before a capitalised word, and a
    # headline's title case gives every word a capital
    assert found(full, "Sarmada Displaced Camps Flooded") == [("Sarmada", "cur:sarmada-town")]
    assert found(full, "Madaya Siege Enters Sixth Month as Aid Waits") == [("Madaya", "gn:167558")]
    # a small town named by a common word needs the text's other places in its governorate:
    # "خطاب" (a speech) beside Aleppo and Homs is no Khitab (Hama); beside Halfaya and Hama it is
    speech = "وفي خطاب أمام مجلس الشعب، قال الرئيس إن إعادة الإعمار أولوية في حلب وحمص."
    assert [place for _, place in found(full, speech)] == ["gn:170063", "gn:169577"]
    hama = "سيطرت المعارضة على خطاب وحلفايا شمال حماة"
    assert found(full, hama)[:2] == [("خطاب", "cur:khitab"), ("حلفايا", "gn:170044")]
    assert found(full, "وفي خطاب أمام مجلس الشعب", province="Hama") == [("خطاب", "cur:khitab")]
    # a word with the article right after a name is its adjective: "العريقة" (ancient) is no al-Ariqah
    assert found(full, "عاصمتها وأكبر مدنها مدينة حمص العريقة وهي أهم المدن") == [("حمص", "gn:169577")]
    # a rank right before one word makes a person (or a ship) of it
    # ("Essen" spells as-Saan, Hama, which the province would otherwise accept)
    assert found(full, "The frigate Admiral Essen fired cruise missiles.", province="Hama") == []
    # a common word matched through another name only: "محرم" (the month) names al-Mukharram too
    assert found(full, "في العاشر من محرم عند مقام السيدة زينب") == [("السيدة زينب", "cur:sayyidah-zaynab-town")]


def test_geoparse__region_names_are_no_governorates(full: Gazetteer) -> None:
    # Jabal al-Druze is the mountain; Hauran's spellings in a list make no list of governorates
    assert found(full, "It also includes Jabal al-Druze in the east.") == [("Jabal al-Druze", "cur:jabal-al-druze")]
    assert found(full, "Also spelled Hawran, Houran and Horan, it is a plateau.") == []
    assert found(full, "Fighting spread to Hama, Homs and Idlib.") == [
        ("Hama", "pcode:SY05"),
        ("Homs", "pcode:SY04"),
        ("Idlib", "pcode:SY07"),
    ]


def test_geoparse__a_quarter_whose_name_two_governorates_share(full: Gazetteer) -> None:
    # al-Qusour is a quarter of Homs and of Daraa: the text decides, and no text, no answer
    homs = "Rebels besieged in the Old City of Homs and the Khalidiyah and Qusour districts agreed to leave."
    assert ("Qusour", "sa:517") in found(full, homs)
    assert ("Qusour", "sa:262") in found(full, "Shelling hit Qusour and Nawa in Daraa.")
    assert found(full, "In Deir ez-Zor city, police patrolled the Joura and Qusour neighbourhoods.") == [
        ("Deir ez-Zor", "gn:170794")
    ]


def test_geoparse__a_compass_word_before_a_name_written_with_its_article(full: Gazetteer) -> None:
    # "northern al-Raqqa" is the governorate as "northern Raqqa" is; a compass word begins no person's name
    assert found(full, "fighting in northern al-Raqqa") == [("al-Raqqa", "pcode:SY11")]
    assert found(full, "fighting in northern Raqqa") == [("Raqqa", "pcode:SY11")]
    assert found(full, "Clashes in Eastern al-Ghouta") == [("Eastern al-Ghouta", "cur:ghouta")]  # its name, whole
    assert found(full, "Bashar al-Assad visited al-Raqqa") == [("al-Raqqa", "gn:172955")]


def test_geoparse__a_unit_named_for_a_centre_is_spotted_whole(full: Gazetteer) -> None:
    # Markaz Rif Dimashq is a district of Rif Dimashq governorate: its name is not the governorate's
    text = "Markaz Rif Dimashq (Arabic: مركز ريف دمشق) is a district of the Rif Dimashq Governorate."
    assert found(full, text) == [
        ("Markaz Rif Dimashq", "pcode:SY0301"), ("مركز ريف دمشق", "pcode:SY0301"), ("Rif Dimashq", "pcode:SY03"),
    ]  # fmt: skip


def test_geoparse__a_compass_word_after_a_distance_measures_from_the_city(full: Gazetteer) -> None:
    # "25 كم جنوب اللاذقية" is 25 km south of the city; without a distance "جنوب اللاذقية" is southern Latakia
    assert found(full, "وتبعد مسافة 25 كم جنوب اللاذقية.") == [("اللاذقية", "gn:173576")]
    assert found(full, "تبعد 30 كيلومترا شرق حمص") == [("حمص", HOMS_CITY)]
    assert found(full, "قصفت الطائرات جنوب اللاذقية") == [("اللاذقية", "pcode:SY06")]
    # a verb of lying says the same: "تقع جنوب اللاذقية" (it lies south of Latakia) measures from the city
    assert found(full, "الهنادي بلدة تقع جنوب اللاذقية.")[1] == ("اللاذقية", "gn:173576")
    assert found(full, "وهي جزء من محافظة اللاذقية وتقع جنوب اللاذقية.")[1] == ("اللاذقية", "gn:173576")
    # and a suburb's word (an encyclopedia's village page): a suburb lies by the city
    assert found(full, "أصبحت تعد ضاحية جنوب شرق حمص بعد أن كانت قرية.") == [("حمص", HOMS_CITY)]
    assert found(full, "قرية تقع شمال شرق حمص") == [("حمص", HOMS_CITY)]


def test_geoparse__the_dual_of_subdistrict_asks_for_a_subdistrict(full: Gazetteer) -> None:
    # "ناحيتا سلوك وعين عيسى": the two subdistricts Suluk and Ayn Issa (the index has Suluk's)
    assert dict(found(full, "وتتبعها إدارياً ناحيتا سلوك وعين عيسى.")).get("سلوك") == "pcode:SY110201"
    # the town without the word; "سلوك" (behaviour) is a common word, so the text places it near Tell Abyad
    assert dict(found(full, "دخلوا سلوك قرب تل أبيض")).get("سلوك") == "gn:164895"


def test_geoparse__places_and_names_the_news_name(full: Gazetteer) -> None:
    # seventh collection of curated rows: places and spellings of news reports, each read on its page
    assert found(full, "داهمت قسد منازل في بلدة أبو حمام شرق هجين") == [
        ("أبو حمام", "cur:abu-hamam-town"), ("هجين", "gn:174506"),
    ]  # fmt: skip
    assert found(full, "استهدفت طائرات حربية بلدتي كفر حمرة وحريتان") == [
        ("كفر حمرة", "cur:kafr-hamrah-town"), ("حريتان", "gn:169858"),
    ]  # fmt: skip
    assert found(full, "Shelling hit Qastun in the Ghab plain.")[0] == ("Qastun", "cur:qastun-village")
    # towns of 4,000 people and more that the index lacked, each read on its page (the eighth collection)
    text = "Israeli jets struck the Tal al-Harra hill near the town of Al-Harra in north-western Daraa."
    assert ("Al-Harra", "cur:al-harra-daraa-town") in found(full, text)
    assert found(full, "تضم المدينة الصناعية في عدرا أكثر من ألف منشأة")[0] == ("عدرا", "cur:adra-town")
    assert found(full, "Shelling hit Tayzin and Deir al-Fardis west of Hama.")[:2] == [
        ("Tayzin", "cur:tayzin"), ("Deir al-Fardis", "cur:deir-al-fardis"),
    ]  # fmt: skip
    # two quarters of Damascus (the ninth collection)
    assert found(full, "سقطت قذائف على حي القصاع وباب شرقي في دمشق")[:2] == [
        ("القصاع", "cur:damascus-qassaa"), ("باب شرقي", "cur:damascus-bab-sharqi"),
    ]  # fmt: skip
    # Jdeidet Artouz is a town of its own beside Artouz, which every "جديدة عرطوز" answered before
    assert found(full, "وصحنايا وجديدة عرطوز وعرطوز في ريف دمشق")[1:3] == [
        ("جديدة عرطوز", "cur:jdeidet-artouz-town"), ("عرطوز", "cur:artouz-town"),
    ]  # fmt: skip
    assert found(full, "Militants shelled Kabani in the northern countryside of Lattakia.")[0] == ("Kabani", "sa:746")
    hajin_and_quriyah = [("Hajeen", "gn:174506"), ("Qurieh", "cur:al-quriyah-town")]
    assert found(full, "SDF raids in Hajeen and Qurieh.") == hajin_and_quriyah
    # spellings that news reports write, each cited on its report (flag "press")
    latmin = found(full, "Regime forces seized the villages of Latamneh, Latmeen, Kfar Zeita and Lahaya.")
    assert latmin[:2] == [("Latamneh", "sa:389"), ("Latmeen", "sa:388")]
    assert found(full, "قصف على كنسبا وعكو وكبينة في جبل الأكراد")[2] == ("كبينة", "sa:746")
    assert found(full, "حي باب عمرو هو أحد أحياء مدينة حمص")[0] == ("باب عمرو", "cur:homs-baba-amr")
    # "طارق الباب" is Aleppo's Tariq al-Bab quarter, not the town al-Bab
    assert ("الباب", "gn:174018") not in found(full, "حي طارق الباب أحد المناطق التي تعرضت لقصف مكثف في حلب")


def test_geoparse__curated_and_foreign_names_of_the_tuning_texts(full: Gazetteer) -> None:
    # جبل حوران is Jabal al-Druze (its Arabic page); "the Amarna letters" are Egypt's, not the village Amarnah
    assert found(full, "جبل حوران ويسمى جبل العرب") == [
        ("جبل حوران", "cur:jabal-al-druze"), ("جبل العرب", "cur:jabal-al-druze"),
    ]  # fmt: skip
    assert found(full, "the Phoenician city mentioned in the Amarna letters") == []
    # Jaffa, the port by Tel Aviv, whose key is that of Al Jaffah, a GeoNames name of Al-Haffa (Latakia)
    assert found(full, "Refugees from Jaffa settled in the Latakia Camp.") == [("Latakia Camp", "cur:latakia-camp")]
    # the Syrian desert and as-Safa by their Arabic names; the Raqqa governorate by its name of 1957-1970
    assert found(full, "ومن الشرق البادية السورية ومنطقة الصفا") == [
        ("البادية السورية", "cur:syrian-desert"), ("الصفا", "cur:es-safa"),
    ]  # fmt: skip
    assert found(full, "In 1957 Al-Rashid Governorate, named after Harun al-Rashid, was carved out") == [
        ("Al-Rashid", "pcode:SY11")
    ]
    assert found(full, "covered by the An-Nusayriyah Mountains") == [
        ("An-Nusayriyah Mountains", "cur:syrian-coastal-mountain-range")
    ]
    # spellings the towns' pages give: Al-Lataminah (Syrian Archive's Latameh), Tuffas, Khan Shikhoun
    assert found(full, "Al-Lataminah, Tuffas and Khan Shikhoun") == [
        ("Al-Lataminah", "sa:389"), ("Tuffas", "gn:163806"), ("Khan Shikhoun", "gn:168325"),
    ]  # fmt: skip


def test_geoparse__a_landmark_with_a_proper_name_needs_no_town_near_it(full: Gazetteer) -> None:
    # "Krak des Chevaliers" is one castle's name; "المسجد العمري" (the Omari mosque) is every town's
    assert found(full, "They visited Krak des Chevaliers.") == [("Krak des Chevaliers", "sa:506")]
    assert found(full, "وصلوا إلى المسجد العمري") == []
    assert found(full, "They prayed at Jami al-Omari.") == []  # its name المسجد العمري says what it is


def test_geoparse__an_arabic_area_word_reaches_a_mountain_or_a_region(full: Gazetteer) -> None:
    # "منطقة" is a district and an area: with no district of the name, the mountains or the region
    assert found(full, "منطقة جبل حوران منطقة تاريخية") == [("جبل حوران", "cur:jabal-al-druze")]
    assert found(full, "منطقة اللجاة") == [("اللجاة", "cur:lajat")]
    assert found(full, "منطقة الرستن") == [("الرستن", "pcode:SY0404")]  # a district of the name comes first


def test_geoparse__an_ancient_city_known_by_its_ruins(full: Gazetteer) -> None:
    # "the city of Sumur" asks for a city; the index knows Sumur only as the site Tell Kazel
    assert found(full, "the Phoenician city of Sumur") == [("Sumur", "cur:tell-kazel")]
    assert found(full, "the city of Palmyra") == [("Palmyra", "gn:163808")]  # a living city comes first


def test_geoparse__a_plural_unit_word_makes_every_name_of_its_list_that_unit(full: Gazetteer) -> None:
    # Hajin and Abu Kamal subdistricts (pcode SY090201, SY090200) of Abu Kamal district
    text = "with Hajin and As-Souseh subdistricts east of the river, while Abu Kamal and Al-Jalaa subdistricts"
    got = dict(found(full, text))
    assert got["Hajin"] == "pcode:SY090201" and got["Abu Kamal"] == "pcode:SY090200"
    assert found(full, "Talbiseh and Rastan")[1] == ("Rastan", RASTAN)  # no unit word: the towns
    # a unit word that answers no unit leaves a shared name as the text alone would: Midan is no
    # district; the quarter of Damascus listed with Mezzeh, not Aleppo's Midan (sa:54)
    assert dict(found(full, "Residents of the Midan and Mezzeh districts fled."))["Midan"] == "sa:183"


def test_geoparse__a_unit_word_right_after_a_name_is_its_own(full: Gazetteer) -> None:
    # "the administrative center of Abu Kamal Subdistrict ... is the city of Abu Kamal"
    text = "The administrative center of Abu Kamal Subdistrict is the city of Abu Kamal."
    assert found(full, text) == [("Abu Kamal", "pcode:SY090200"), ("Abu Kamal", "gn:174448")]


def test_geoparse__centre_governor_and_a_title_s_place_in_brackets(full: Gazetteer) -> None:
    # "منطقة مركز إدلب": the centre district of Idlib, named with its centre word; so is "ناحية مركز فيق"
    # (the index files the Fiq centre subdistrict as a town, pcode:SY140200)
    assert found(full, "منطقة مركز إدلب") == [("مركز إدلب", "pcode:SY0700")]
    assert found(full, "ناحية مركز فيق") == [("مركز فيق", "pcode:SY140200")]
    # the governor of a governorate
    assert found(full, "Mohamed Khair al-Sayyed (Governor of Idlib)") == [("Idlib", "pcode:SY07")]
    assert found(full, "قال محافظ حمص") == [("حمص", HOMS_GOV)]
    # an encyclopedia title names a town's governorate in brackets
    assert found(full, "Talbiseh (Homs)") == [("Talbiseh", TALBISEH), ("Homs", HOMS_GOV)]
    assert found(full, "Homs (Arabic: حمص)") == [("Homs", HOMS_CITY), ("حمص", HOMS_CITY)]


def test_geoparse__a_small_place_far_from_all_the_text_s_places_is_dropped(full: Gazetteer) -> None:
    # a text about Abu Kamal (Deir ez-Zor): "Shamiyah" there is the desert, not the village of Latakia
    text = "Abu Kamal, Hajin and Al-Jalaa lie on the Euphrates, in Deir ez-Zor Governorate; south is the Shamiyah."
    assert "Shamiyah" not in dict(found(full, text))
    # two outliers in one governorate, a landmark and a village, keep each other no company
    palmyra = "The army took Palmyra, al-Sukhnah and al-Qaryatayn. It took the Al-Zera'a roundabout and Al-Amiriya."
    assert [place for _, place in found(full, palmyra)] == ["gn:163808", "gn:172425", "gn:173361"]
    shamiyah = full.place("cur:al-shamiyah-latakia")
    assert shamiyah is not None and shamiyah.governorate.pcode == "SY06"  # the village the spelling reaches
    # a town named as the index writes it is dropped too (Banias of the Golan is not Baniyas of
    # Tartus), unless the text binds it to its governorate
    golan = "Jubata al-Khashab, Hadar and Majdal Shams lie in Quneitra Governorate, near Baniyas."
    assert "Baniyas" not in dict(found(full, golan))
    roundup = "Regime forces shelled Maarat al-Numan, Saraqib and Ariha, while in the south clashes erupted in Nawa"
    assert "Nawa" not in dict(found(full, roundup + "."))
    assert dict(found(full, roundup + ", Daraa.")).get("Nawa") == "gn:166365"
    # a village named exactly stays: a country-wide round-up names places far apart
    roundup = "Protests in Sweida, Shahba and Salkhad. Separately, Turkish drones struck Tell Shamiram."
    assert dict(found(full, roundup)).get("Tell Shamiram") == "cur:tell-shamiram-village"
    # a neighbouring governorate keeps it: Masyaf (Hama) in a text about Tartus
    tartus = "Safita, Dreikish and Baniyas are towns of Tartus Governorate; Masyaf lies to the east."
    assert dict(found(full, tartus)).get("Masyaf") == "gn:167046"


def test_geoparse__an_english_word_before_a_name_is_no_article(full: Gazetteer) -> None:
    # "In Aleppo" at a sentence's start: "In" is no transliterated article; "Ar Rastan" and "As Suwayda" are
    assert found(full, "In Aleppo, the fighting went on.") == [("Aleppo", "gn:170063")]
    assert found(full, "At Homs they met.") == [("Homs", HOMS_CITY)]
    assert found(full, "Ar Rastan and As Suwayda") == [("Ar Rastan", RASTAN), ("As Suwayda", "gn:172408")]


def test_geoparse__a_spelling_of_a_colloquial_name_is_colloquial(full: Gazetteer) -> None:
    # "Sham" matched GeoNames' "Cham", spelt as the colloquial "al-Cham": in English it names groups
    assert found(full, "Sham Legion fighters took the hill.") == []
    assert found(full, "Rebels of the Sham Legion entered Morek.") == [("Morek", "gn:166640")]
    assert found(full, "They fled to Damascus.") == [("Damascus", "gn:170654")]


def test_geoparse__a_compound_kind_word_after_a_name(full: Gazetteer) -> None:
    # "air base", "military airport": the first word belongs to the kind word, and the span takes both
    assert found(full, "ISIL attacked the Deir ez-Zor air base.") == [
        ("Deir ez-Zor air base", "cur:deir-ez-zor-airport")
    ]
    assert found(full, "Mezzeh military airport was hit.") == [("Mezzeh military airport", "cur:mezzeh-airbase")]
    # two such words in a row: "military air base"
    assert found(full, "ISIL tried to breach the Deir ez-Zor military air base.") == [
        ("Deir ez-Zor military air base", "cur:deir-ez-zor-airport")
    ]
    # only a facility's kind word makes a compound: "border villages" are Idlib's; "bases" are no airbase
    assert found(full, "Turkish artillery shelled Idlib border villages.") == [("Idlib", "gn:169389")]
    assert found(full, "Turkey set up several Hama bases.") == [("Hama", "gn:170017")]


def test_geoparse__a_list_of_governorate_names_the_sentence_calls_cities(full: Gazetteer) -> None:
    # "the fifth city after Damascus, Aleppo, Homs and Hama": the cities, not the governorates
    text = "اللاذقية مدينة سورية، تعتبر الخامسة من حيث عدد السكان، بعد دمشق وحلب وحمص وحماة"
    assert found(full, text)[1:] == [("دمشق", "gn:170654"), ("حلب", "gn:170063"), ("حمص", HOMS_CITY),
                                     ("حماة", "gn:170017")]  # fmt: skip
    # the city word of an earlier sentence says nothing of the list, nor one the list is not compared with
    assert found(full, "The city fell. Fighting went on in Aleppo, Idlib, Hama and Homs.")[-1] == ("Homs", HOMS_GOV)
    assert found(full, "Airstrikes hit cities and towns in Aleppo, Idlib, Hama and Homs.")[-1] == ("Homs", HOMS_GOV)


def test_geoparse__the_governorate_word_with_its_article(full: Gazetteer) -> None:
    # a label glued to its value asks for the governorate; after a name "المحافظة على" is "preserving"
    assert found(full, "الموقعالقصير، المحافظةحمص") == [("القصير", "gn:173322"), ("حمص", HOMS_GOV)]
    assert found(full, "استطاعت حلب المحافظة على تراثها") == [("حلب", "gn:170063")]


def test_geoparse__a_far_outlier_against_three_places_of_one_name(full: Gazetteer) -> None:
    # the city, the governorate and the airport of Deir ez-Zor are three places: al-Mari'iyah, a
    # spelling of Ma'ariya (Daraa), is a place near the airport the index lacks
    text = (
        "The Deir ez-Zor offensive. ISIL captured al-Mari'iyah and the mountain overlooking Deir ez-Zor city, "
        "then attacked the Deir ez-Zor air base in Deir ez-Zor Governorate."
    )
    assert "al-Mari'iyah" not in dict(found(full, text))
    assert dict(found(full, "ISIL captured al-Mari'iyah.")).get("al-Mari'iyah") == "cur:maariya-village"


def test_geoparse__an_area_word_names_a_region_before_a_town_that_stands_in(full: Gazetteer) -> None:
    # no district is named al-Houla: "منطقة" then means the area, the Houla plain, not the town Kafr Laha
    # that GeoNames also calls al-Houla
    text = "تعرضت بلدة الدار الكبيرة ومنطقة الحولة للقصف"
    assert found(full, text)[1] == ("الحولة", "cur:houla-region")
    assert full.candidates("منطقة السخنة", limit=1)[0].place.id == "gn:172425"  # no such region: the town
    assert full.candidates("منطقة القصير", limit=1)[0].place.id == "pcode:SY0402"  # a district first


def test_geoparse__a_name_a_town_bears_as_an_alias_is_the_plain_s_own(full: Gazetteer) -> None:
    # GeoNames gives the town Kafr Laha the name al-Houla; the Houla plain bears it as its own
    assert full.candidates("الحولة", limit=1)[0].place.id == "cur:houla-region"
    assert found(full, "حدثت المجزرة في سهول الحولة بريف حمص")[0] == ("الحولة", "cur:houla-region")
    assert found(full, "قصف على كفرلاها وتلدو")[0] == ("كفرلاها", "gn:168668")  # the town's own name


def test_geoparse__a_name_a_landmark_bears_as_an_alias_is_the_valley_s_own(full: Gazetteer) -> None:
    # the Syrian Archive calls its "Wadi Barada Market" (سوق وادي بردى) also "وادي بردى", the valley's name
    assert full.candidates("وادي بردى", limit=1)[0].place.id == "cur:wadi-barada"
    text = "خروج نبع الفيجة في وادي بردى عن الخدمة"
    assert ("وادي بردى", "cur:wadi-barada") in found(full, text)
    assert full.candidates("سوق وادي بردى", limit=1)[0].place.id == "sa:253"  # the market's own name


def test_geoparse__a_news_network_named_with_24_is_no_place_glued_or_not(full: Gazetteer) -> None:
    assert found(full, 'وبحسب منصة "السويداء24"، فإن أصوات الانفجارات تسمع') == []
    assert found(full, "Suwayda 24 reported clashes.") == []
    assert found(full, "قتل في حلب 24 شخصا") == [("حلب", "gn:170063")]  # a count, not a network
    assert found(full, "according to the pro-opposition Qalamoun Media Center.") == []
    assert found(full, "the al-Atareb Media Center reported on Monday") == []
    assert found(full, "Ahmed, an activist in Daraa, told ARA News that...") == [("Daraa", "gn:170905")]  # an outlet
    assert found(full, "وقال مراسل “حلب اليوم”، إن الطيران استهدف سراقب")[0][0] == "سراقب"  # the channel
    assert found(full, "قصفت الطائرات حلب اليوم.") == [("حلب", "gn:170063")]  # Aleppo, today
    assert found(full, "حسب مركز “الأتارب الإعلامي” اليوم") == []  # the Atareb Media Center
    assert found(full, "وقال مكتب حمص الإعلامي إن القصف طال تلبيسة") == [("تلبيسة", TALBISEH)]
    assert found(full, "حماة، سوريا، (مركز حماة الإعلامي) – قال الناطق") == [
        ("حماة", "gn:170017")
    ]  # a credit in brackets
    assert found(full, "نقل إلى مركز الأتارب الصحي")[0][0] == "الأتارب"  # a health centre is in the town
    assert found(full, "أفاد مراسل الميادين بأن الجيش استعاد قرية في ريف حلب")[-1] == ("حلب", "pcode:SY02")
    assert all(t != "الميادين" for t, _ in found(full, "أفاد مراسل الميادين بأن الجيش تقدم"))  # the channel
    assert found(full, "Barrel bombs hit Daraa. News of the strike spread.") == [("Daraa", "gn:170905")]


def test_geoparse__a_kind_word_before_of_and_a_name_is_that_name_s(full: Gazetteer) -> None:
    # news English: "the Idlib town of Saraqeb" is a town of Idlib province; "the northern Hama village of
    # Kafr Zita" gave the town al-Hamah of Rif Dimashq ("Hama village")
    assert found(full, "Shells hit the Idlib town of Saraqeb.")[0] == ("Idlib", "pcode:SY07")
    assert found(full, "Raids on the northern Hama village of Kafr Zita.")[0] == ("Hama", "pcode:SY05")
    assert found(full, "Shelling of the Homs district of Khaldiyeh.")[0] == ("Homs", HOMS_CITY)
    # before a province's name the kind word is the span's own: the district of Baniyas, in Tartus province
    text = "Gunmen stormed a village in Baniyas district of Tartus province on Monday."
    assert found(full, text) == [("Baniyas", "pcode:SY1002"), ("Tartus", "pcode:SY10")]
    assert found(full, "the Qalamoun town of Yabroud")[0] == ("Qalamoun", "cur:qalamun-mountains")
    # a capitalised kind word is the name's own, and a governorate's or an offensive's word says nothing
    assert found(full, "Izraa District of Daraa Governorate")[0] == ("Izraa", "pcode:SY1203")
    assert found(full, "during the 2014 Idlib offensive of the war")[0][0] == "Idlib"


def test_geoparse__a_hashtag_mark_stands_between_a_descriptive_word_and_its_name(full: Gazetteer) -> None:
    # news posted on social media: "بريف #حلب الشمالي" is Aleppo's countryside, "مدينة #إدلب" the city
    assert found(full, "قصفت فصائل المعارضة عدة قرى بريف #حلب الشمالي") == [("حلب", "pcode:SY02")]
    assert found(full, "غارات على مدينة #إدلب") == [("إدلب", "gn:169389")]


def test_geoparse__two_far_outliers_of_bordering_governorates_keep_each_other_no_company(full: Gazetteer) -> None:
    # a news report on Quneitra: the village Arnaba of Idlib and al-Hamidiyah of Hama border each other,
    # not the text's governorates (Quneitra's, the Khan Arnabah road's Arnaba; al-Hamidiyah of Quneitra)
    text = (
        "Israeli forces set up checkpoints around Khan Arnaba in Quneitra countryside, on routes linking "
        "Jubata al-Khashab to Arnaba and the Damascus-Khan Arnaba highway. A man from Othman (Daraa) was "
        "wounded near Al-Hamidiya village and taken to a hospital in Quneitra."
    )
    names = dict(found(full, text))
    assert "Arnaba" not in names and "Al-Hamidiya" not in names
    assert names["Jubata al-Khashab"] == "cur:jubata-al-khashab-town"
    # a lone town of a governorate that borders one the text names otherwise keeps its neighbour company
    text = "Turkish forces cleared Tal Abyad and Ras al-Ain. Jarablus, al-Bab and Azaz remained secure."
    assert {"Tal Abyad", "Ras al-Ain"} <= set(dict(found(full, text)))


def test_geoparse__a_region_matched_by_a_spelling_variant_may_be_a_far_outlier(full: Gazetteer) -> None:
    # a report on Afrin's villages: "Berade" (a village of Sherawa) spells Wadi Barada of Rif Dimashq loosely
    text = (
        "From the north to the west, the Kimare, Berade, Kefer Nebo and Kibesine villages of Afrin's Sherawa "
        "district are along the border. To the east there are Nubl and Zahraa. With Turkey invading Afrin, "
        "the villages were surrounded."
    )
    assert "Berade" not in dict(found(full, text))
    # the region's own name stays, whatever the text's other places
    text = "In Afrin, Nubl and Zahraa, and in Wadi Barada, the shelling went on. Afrin was quiet."
    assert dict(found(full, text)).get("Wadi Barada") == "cur:wadi-barada"


def test_geoparse__a_city_among_an_encyclopedia_s_nearby_localities_may_be_a_far_outlier(full: Gazetteer) -> None:
    # an encyclopedia excerpt on a village of Hama: "Duma to the southeast" is a namesake village, not
    # Douma (a city of Rif Dimashq, 200 km away)
    text = (
        "Qasr Abu Samrah is a village in the Hama District of the Hama Governorate, 31 km northeast of Hama. "
        "Nearby localities include Fan al-Shamali to the southwest, Duma to the southeast, and Suran to the west."
    )
    assert "Duma" not in dict(found(full, text))
    assert dict(found(full, text))["Fan al-Shamali"] == "sa:359"
    # among the localities of its own governorate the city stays
    text = "Misraba is a town of Rif Dimashq. Nearby localities include Harasta to the west and Duma to the north."
    assert dict(found(full, text)).get("Duma") == "gn:170592"


def test_geoparse__an_archaeological_site_by_another_name_may_be_a_far_outlier(full: Gazetteer) -> None:
    # a news report on Quneitra: "the Tel al-Ahmar area" (a red hill) is no Til Barsip of Aleppo, whose
    # modern name is Tell Ahmar; beside Jarablus and Manbij it is
    text = "Israeli forces advanced from the Tel al-Ahmar area toward Jubata al-Khashab, Khan Arnaba and Masharah."
    assert "Tel al-Ahmar" not in dict(found(full, text + " in Quneitra"))
    text = "Excavations at Tell Ahmar, the ancient Til Barsip on the Euphrates, near Jarablus and Manbij."
    assert dict(found(full, text))["Tell Ahmar"] == "cur:til-barsip-tell-ahmar"


def test_geoparse__a_far_outlier_named_by_an_alternate_alone_is_dropped(full: Gazetteer) -> None:
    # "خريبة" is only a GeoNames alternate of Nasra (Homs): in a text on Aleppo's north it is a village there
    text = "قصفت القوات قرى في ريف حلب الشمالي، منها تل رفعت وعفرين. وقالت امرأة من سكان قرية خريبة إن قذيفة سقطت."
    assert "خريبة" not in dict(found(full, text))
    # the town's own name in its own sentence stays, as before
    assert dict(found(full, text.replace("خريبة", "الناصرة"))).get("الناصرة") == "gn:173606"


def test_geoparse__a_far_outlier_always_after_one_word_is_a_longer_name(full: Gazetteer) -> None:
    # "حب نمرة" (Hab Nimra, Wadi al-Nasara, Homs) is not the village Nimreh of As-Suwayda, spelt
    # as the index writes it: each time the same word stands before it
    text = (
        "حب نمرة\n\nحب نمرة بلدة في وادي النصارى في محافظة حمص، تتبع لمنطقة تلكلخ، قرب مدينة حمص. الاسم الرسمي حب نمرة"
    )
    assert "نمرة" not in dict(found(full, text))
    # after a preposition each time, the village stays
    text = "قصف على نمرة. ثم هجوم على نمرة من محافظة حمص ومدينة حمص وتلكلخ"
    assert dict(found(full, text)).get("نمرة") == "sa:802"


def test_geoparse__a_common_english_word_is_no_respelt_name(full: Gazetteer) -> None:
    # "Area" opens a sentence with a capital and spells Aere, a GeoNames name of as-Sanamayn
    assert found(full, "Area of al-Balad district, Daraa, that was destroyed.") == [("Daraa", "gn:170905")]
    assert full.resolve("Area", province="Daraa") is not None  # asked for, the name is still there
    assert found(full, "Clashes in Dana.") == [("Dana", "gn:174259")]  # Zipf 3.8: a name first
    # a common word that is a place's name as written stays inside a sentence, not at its start
    assert found(full, "Clashes erupted in Sheer on Monday.") == [("Sheer", "sa:764")]
    assert found(full, "Sheer numbers of fighters reached Talbiseh.") == [("Talbiseh", TALBISEH)]
    # a kind word after a respelt common word does not make it a name: "Army" spells Armi, an old name
    # of Aleppo, whose airport an "Army base" would be; a sentence's first word before its kind word stays
    assert found(full, "The rebels captured Jisr al-Shughur and later on an Army base.") == [
        ("Jisr al-Shughur", "gn:169023")
    ]
    assert found(full, "Sheer village lies near Talbiseh.") == [("Sheer", "sa:764"), ("Talbiseh", TALBISEH)]


def test_geoparse__the_ruins_of_a_site_are_no_part_of_its_name(full: Gazetteer) -> None:
    # a facility's kind word is part of its name ("Rastan Dam"); "ruins" is no name of Palmyra's site
    assert found(full, "They reached the ruins of Palmyra.") == [("Palmyra", "cur:palmyra-archaeological-site")]
    # a region's span takes its kind word when one of its names in that script says it
    assert found(full, "في سهل الحولة") == [("الحولة", "cur:houla-region")]
    assert found(full, "في سهل الغاب") == [("سهل الغاب", "cur:ghab-plain")]
    assert found(full, "in the Lejat plain north of Daraa") == [("Lejat", "cur:lajat"), ("Daraa", "gn:170905")]
    assert found(full, "the Barada valley") == [("Barada valley", "cur:wadi-barada")]
    assert found(full, "the Rastan Dam") == [("Rastan Dam", "cur:rastan-dam")]
    assert found(full, "They shelled the Citadel of Aleppo.") == [("Citadel of Aleppo", "cur:aleppo-citadel")]


def test_geoparse__a_region_s_name_is_no_governorate_alone(full: Gazetteer) -> None:
    # "الجزيرة" (the Jazira, and Al Jazeera) is a colloquial spelling of Al-Hasakah governorate
    assert found(full, "من الحضارات الأولى في منطقة الجزيرة الفراتية") == []
    assert found(full, "Al-Jazira reported clashes in Homs.") == [("Homs", HOMS_CITY)]
    assert found(full, "محافظة الجزيرة") == [("الجزيرة", "pcode:SY08")]  # asked for by its kind word
    assert full.resolve("Jazira") is not None and full.resolve("Jazira").place.id == "pcode:SY08"  # type: ignore[union-attr]


def test_geoparse__a_facility_s_name_ends_with_its_adjectives(full: Gazetteer) -> None:
    # gold spans keep a facility's kind word and the adjectives that close its name
    assert found(full, "حاصرت القوات قاعدة كويرس الجوية العسكرية") == [
        ("قاعدة كويرس الجوية العسكرية", "cur:kuweires-airbase")
    ]
    assert found(full, "معبر باب الهوى الحدودي هو معبر") == [("معبر باب الهوى الحدودي", "cur:bab-al-hawa-crossing")]
    # quotes set the name apart from its kind word: the span is the quoted name
    assert found(full, "يعتبر معبر «سيمالكا» الحدودي من أهم المعابر") == [("سيمالكا", "cur:semalka-crossing")]
    assert found(full, 'They reached the "Tishrin" dam.') == [("Tishrin", "cur:tishrin-dam")]
    assert found(full, "The Al-Hawl refugee camp") == [("Al-Hawl refugee camp", "cur:al-hawl-camp")]
    assert found(full, "مخيم الهول للاجئين") == [("مخيم الهول للاجئين", "cur:al-hawl-camp")]
    # "الأثرية" (ancient) describes a castle, it ends no name: "قلعة الحصن الأثرية" is named "قلعة الحصن"
    assert found(full, "تطل على قلعة الحصن الأثرية") == [("قلعة الحصن", "sa:506")]
    # a settlement is not a facility: the adjective stays outside
    assert found(full, "دخلت القوات حلب العسكرية") == [("حلب", "gn:170063")]


def test_geoparse__one_camp_named_after_a_town_is_no_town(full: Gazetteer) -> None:
    # a camp the index lacks is not the town it is named after (as "Sasa Prison" is not Sa'sa')
    assert found(full, "قصف مخيم حاس للاجئين") == []
    assert found(full, "Since 2016, the Ayn Issa refugee camp has grown.") == []
    assert found(full, "يعتبر مخيم خان الشيح ثالث أكبر المخيمات") == []
    # the camps of a town are the town's; a camp the index has is found by its town's name
    assert found(full, "نزحوا إلى مخيمات تل رفعت") == [("تل رفعت", "gn:163476")]
    assert found(full, "Families arrived in Sarmada camps.") == [("Sarmada", "cur:sarmada-town")]
    assert found(full, "هاجموا مخيم الهول شرقي الحسكة")[0] == ("مخيم الهول", "cur:al-hawl-camp")
    # a landmark asked for by its word has it in a name: al-Hosn's hospital is no castle
    assert found(full, "نقل الجرحى إلى مشفى الحصن") == []
    assert found(full, "the Umayyad Mosque in Damascus")[0] == ("Umayyad Mosque", "cur:umayyad-mosque-damascus")


def test_geoparse__a_clitic_before_a_two_letter_word_that_begins_names(full: Gazetteer) -> None:
    # "وتل أبيض", "بتل رفعت", "وجب الجراح": the clitic's word has three letters; "ولد" stays a word
    assert found(full, "سيطرت القوات على رأس العين وتل أبيض") == [
        ("رأس العين", "gn:165509"), ("تل أبيض", "gn:163750"),
    ]  # fmt: skip
    assert found(full, "وصلوا بتل رفعت") == [("تل رفعت", "gn:163476")]
    assert found(full, "وجب الجراح والمسعودية إلى الشرق") == [("جب الجراح", "gn:168972")]
    assert found(full, "ولد في حمص") == [("حمص", HOMS_CITY)]


def test_geoparse__arabic_words_of_a_phrase_are_no_place(full: Gazetteer) -> None:
    # a demonstrative makes a noun of the word ("تلك الشجرة", that tree, is not al-Shajara)
    assert found(full, "يبحثون عن تلك الشجرة التي اندثرت") == []
    assert found(full, "بما في ذلك الرقة") == [("الرقة", "gn:172955")]  # "including Raqqa"
    # "lower" and "upper" make another village ("المخرم التحتاني" is not al-Mukharram)
    assert found(full, "المخرم التحتاني إلى الشمال") == []
    assert found(full, "المخرم إلى الشمال") == [("المخرم", "gn:166719")]
    # so do "greater" and "lesser": "دمشق الكبرى" is the metropolitan area, "إدلب الكبرى" an old village
    assert found(full, "يعيش في دمشق الكبرى خمسة ملايين") == []
    assert found(full, "قصفت الطائرات دمشق الليلة") == [("دمشق", "gn:170654")]
    # a common word before an adjective of relation: the Syrian revolution, not the city al-Thawrah
    assert found(full, "لقيادة الثورة السورية الكبرى") == []
    assert found(full, "في مدينة الثورة السورية") == [("الثورة", "gn:172374")]
    assert found(full, "في محافظة حمص السورية") == [("حمص", HOMS_GOV)]


def test_geoparse__infobox_labels_city_and_a_romanization_with_its_article(full: Gazetteer) -> None:
    assert found(full, "GovernorateDamascus Governorate\nCityDamascus\nPopulation") == [
        ("Damascus", "pcode:SY01"), ("Damascus", "gn:170654"),
    ]  # fmt: skip
    assert ("al-Qābūn", "cur:damascus-qaboun") in found(full, "Qaboun (Arabic: ٱلْقَابُون, romanizedal-Qābūn)")
    # a label repeated before its value's own word: "منطقة | منطقة مركز ريف دمشق" without the bar
    assert found(full, " منطقة منطقة مركز ريف دمشق\n") == [("مركز ريف دمشق", "pcode:SY0301")]


def test_geoparse__phrase_rules_keep_the_places_of_news_sentences(full: Gazetteer) -> None:
    # an adjective that may describe a town keeps it ("the border Qusayr", "the strategic al-Bab")
    assert found(full, "سيطر حزب الله على القصير الحدودية مع لبنان") == [("القصير", "gn:173322")]
    assert found(full, "دخلت فصائل درع الفرات الباب الاستراتيجية") == [("الباب", "gn:174018")]
    assert found(full, "الطبقة السياسية") == []  # the political class
    assert found(full, "من الطبقة الغنية") == []  # the rich class
    assert found(full, "أن الطبقة الوسطى في سوريا تآكلت") == []  # the middle class
    # a generic word with its article before a masculine adjective or relative is a noun: a town is feminine
    assert found(full, "حيث يرتفع التل الأثري في وسط سهل نهري") == []  # the archaeological mound
    assert found(full, "أطلقوا اسما على التل الذي كان خاليا") == []
    assert found(full, "هو الباب الثامن لمدينة حمص") == [("حمص", "gn:169577")]  # the eighth gate
    assert found(full, "دخلت القوات مدينة التل في ريف دمشق")[0] == ("التل", "gn:172349")
    # a feminine dual before a dual adjective is the noun: the two villages, not the town al-Qaryatayn
    assert found(full, "في بلدة الصبورة، القريبة من القريتين سابقتي الذكر") == [("الصبورة", "gn:165143")]
    assert found(full, "سيطر التنظيم على القريتين المجاورتين") == []
    assert found(full, "قصف على القريتين التي يسيطر عليها التنظيم") == [("القريتين", "gn:173361")]
    assert found(full, "الاشتباكات في القريتين الواقعة شرق حمص")[0] == ("القريتين", "gn:173361")
    text = "دخل التنظيم قريتي تل شاميران وتل جزيرة، وأسر من كان موجوداً من سكان القريتين."
    assert found(full, text) == []  # the two villages named before
    # a kind word spelled like a name is the kind word: "Massif" is no Masyaf
    assert found(full, "an area known as the Limestone Massif. The Massif includes three groups") == []
    # "lower" after a noun and a name is the noun's: Arbin's lower school, Douma's upper market
    assert found(full, "قصفت المدفعية مدرسة عربين التحتانية") == [("عربين", "gn:169372")]
    assert found(full, "تعرض سوق دوما الفوقاني لغارات") == [("دوما", "gn:170592")]
    # a governorate's name after a demonstrative stays; ك before تل is no clitic ("كتل": blocks)
    assert found(full, "هذه الرقة التي كانت عاصمة") == [("الرقة", "gn:172955")]
    assert found(full, "قال ناشطون إن كتل ذهب سرقت") == []
    assert found(full, "لتل تمر") == [("تل تمر", "gn:163434")]
    # "المحافظة" after a name is the governorate, unless "على" makes it "preserving"
    assert found(full, "تعد السويداء المحافظة الوحيدة") == [("السويداء", "pcode:SY13")]
    # a translation the place is also known by is the English word ("Revolution" of al-Thawrah)
    assert found(full, "The Syrian Revolution began in Daraa.") == [("Daraa", "gn:170905")]


def test_geoparse__a_list_of_cities_by_its_city_word_or_a_comparison(full: Gazetteer) -> None:
    cities = [("Damascus", "gn:170654"), ("Aleppo", "gn:170063"), ("Homs", HOMS_CITY), ("Hama", "gn:170017")]
    assert found(full, "Syria's major cities such as Damascus, Aleppo, Homs and Hama were hit.") == cities
    assert found(full, "Syria's largest cities, Damascus, Aleppo, Homs and Hama, were calm.") == cities
    assert [p for _, p in found(full, "خرجت مظاهرات في مدن دمشق وحلب وحمص وحماة")] == [p for _, p in cities]
    assert [p for _, p in found(full, "المدن الكبرى كدمشق وحلب وحمص وحماة")] == [p for _, p in cities]


def test_geoparse__a_name_after_father_of_or_son_of_is_a_person_s(full: Gazetteer) -> None:
    # a kunya or a patronymic: "Abu Jassim" is a commander, not the town Jasim
    assert found(full, "Commanders: Abu Jassim, Abu Wael") == []
    assert found(full, "خالد بن الوليد") == []
    assert found(full, "Clashes in Jasim.") == [("Jasim", "gn:165997")]
    # a place whose name begins so is spotted whole
    assert found(full, "Abu Kamal fell.") == [("Abu Kamal", "gn:174448")]
    # a hyphen too, in Latin letters (a news report: "Abu-Jable" gave Jableh); "Abu-Kamal" is spotted whole
    assert found(full, "Aiman Abu-Jable, an anti-Assad activist from Majdal Shams") == [("Majdal Shams", "gn:167444")]
    assert found(full, "Abu-Kamal fell.") == [("Abu-Kamal", "gn:174448")]
    # "mother of" opens names too, after "and" as well (a news report: "وام الميادين", a village of Daraa
    # the index lacks, gave al-Mayadin of Deir ez-Zor); the name alone stays the town
    assert found(full, "قصف بلدات اليادودة وام الميادين") == [("اليادودة", "cur:al-yadudah-village")]
    assert found(full, "قصف بلدات اليادودة والميادين")[1] == ("الميادين", "gn:173480")
    assert found(full, "Commanders: Umm Jassim") == []
    # "the citizen" before a name (a news report quoting residents: "المواطنة هنادي" gave the town Hanadi)
    assert found(full, "أوضحت المواطنة هنادي علي أن المياه مقطوعة") == []
    assert found(full, "قصف بلدة هنادي") == [("هنادي", "gn:173777")]


def test_geoparse__a_long_text_leaves_the_garbage_collector_as_it_was(full: Gazetteer) -> None:
    import gc

    text = "Fighting reached Talbiseh and al-Rastan, north of Homs. " * 400  # over 20,000 characters
    assert gc.isenabled()
    assert len(full.geoparse(text)) == 1200 and gc.isenabled()
    gc.disable()
    try:
        assert len(full.geoparse(text)) == 1200 and not gc.isenabled()  # the caller's choice is kept
    finally:
        gc.enable()


def test_geoparse__an_infobox_line_with_a_colon_labels_its_value(full: Gazetteer) -> None:
    # "- Region: Hama" in a town's infobox names its governorate, as "Governorate | Hama" does
    assert found(full, "Infobox\n- Country: Syria\n- Region: Hama\n- Timezone: EET\n") == [("Hama", "pcode:SY05")]
    rastan = [("Homs", HOMS_GOV), ("Al-Rastan", "pcode:SY0404")]
    assert found(full, "- Governorate: Homs\n- District: Al-Rastan") == rastan
    assert found(full, "The road: Homs") == [("Homs", HOMS_CITY)]  # a label is a whole line's start
    assert found(full, "Location Homs") == [("Homs", HOMS_CITY)]  # no colon, no label


def test_geoparse__provincial_after_a_name_is_the_governorate_unless_it_is_its_capital(full: Gazetteer) -> None:
    assert found(full, "(Raqqa provincial governor)") == [("Raqqa", "pcode:SY11")]
    assert found(full, "the Idlib provincial council met") == [("Idlib", "pcode:SY07")]
    assert found(full, "the Idlib provincial capital fell") == [("Idlib", "gn:169389")]
    assert found(full, "Homs provincial centre") == [("Homs", HOMS_CITY)]


def test_geoparse__the_arabic_name_of_syria_is_no_place(full: Gazetteer) -> None:
    # Sūriyā, as-Sūrīyah: the country, not the Roman fort Sura, whose page also calls it Suriya
    assert found(full, "Syria (Arabic: سوريا, romanized: Sūriyā), officially as-Sūrīyah, is a country") == []
    assert found(full, "the Roman fort of Sura on the Euphrates") == [("Sura", "cur:sura-roman-fort")]


def test_geoparse__a_name_after_a_rank_or_a_kunya_and_a_given_name_is_a_person_s(full: Gazetteer) -> None:
    assert found(full, "Syria Col. Suheil Al Hassan[7]") == []
    assert found(full, "Commander Rûbar Qamishlo[6]") == []
    assert found(full, "including Abu Hasan al-Taftanaz, a senior leader") == []
    assert found(full, "Abu Abdullah Taoum [4]") == []
    # places listed after a town that begins with Abu stay places
    assert found(full, "the road from Abu Kamal to Hajin") == [("Abu Kamal", "gn:174448"), ("Hajin", "gn:174506")]
    assert found(full, "Rebels shelled al-Taftanaz.") == [("al-Taftanaz", "gn:163799")]


def test_geoparse__rural_damascus_in_english_words_is_mentioned_by_its_city_s_name(full: Gazetteer) -> None:
    # "X countryside" is X, the governorate: so are "rural Damascus" and "the Damascus countryside"
    rif = "pcode:SY03"
    assert found(full, "in rural Damascus, during") == [("Damascus", rif)]
    assert found(full, "a village of the Damascus countryside") == [("Damascus", rif)]
    assert found(full, "the Governorate of the Countryside of Damascus") == [("Damascus", rif)]
    assert found(full, "Rif Dimashq") == [("Rif Dimashq", rif)]  # a name: whole
    assert found(full, "ريف دمشق") == [("ريف دمشق", rif)]


def test_geoparse__a_plain_named_after_a_town_is_not_the_town(full: Gazetteer) -> None:
    # the index has no "Maskanah Plains": neither the plural nor the singular reads as the town Maskanah
    assert found(full, "The Maskanah Plains offensive was an operation") == []
    assert found(full, "recapturing the Maskanah plain from ISIL") == []
    assert found(full, "Clashes in Maskanah.") == [("Maskanah", "gn:167080")]


def test_geoparse__a_facility_named_with_another_kind_word(full: Gazetteer) -> None:
    # "Jirah Military Airbase" written "the Jirah airbase"; its core name alone is no evidence
    assert found(full, "just short of capturing the Jirah airbase, after") == [("Jirah airbase", "cur:jirah-airbase")]
    assert found(full, "Menagh airbase fell") == [("Menagh airbase", "cur:menagh-airbase")]
    assert found(full, "the statue of Bassel al-Assad was toppled") == []  # the airport's core: a person
    assert full.resolve("Bassel al-Assad") is None
    assert full.resolve("Tishrin") is None or full.resolve("Tishrin").place.kind != "dam"  # a month
    assert full.resolve("Tishrin Dam").place.id == "cur:tishrin-dam"  # type: ignore[union-attr]


def test_geoparse__an_arabic_offensive_named_after_a_governorate(full: Gazetteer) -> None:
    # "هجوم حماة 2014" as "the Hama offensive": fought across the governorate; a battle (معركة) is the city's
    assert found(full, "هجوم حماة 2014") == [("حماة", "pcode:SY05")]
    assert found(full, "كان هجوم درعا 2014 حملة") == [("درعا", "pcode:SY12")]
    assert found(full, "معركة حلب") == [("حلب", "gn:170063")]
    assert found(full, "هجوم القصير") == [("القصير", "gn:173322")]


def test_geoparse__a_subdistrict_s_old_name_on_its_seat_needs_a_unit_word(full: Gazetteer) -> None:
    # "الغوطة الشرقية" named the subdistrict seated at Jaramana; alone it is the Ghouta, the oasis
    assert found(full, "سيطر الجيش على الغوطة الشرقية") == [("الغوطة الشرقية", "cur:ghouta")]
    assert found(full, "ناحية الغوطة الشرقية") == [("الغوطة الشرقية", "gn:169174")]
    assert found(full, "في التضاريس الوعرة للقلمون") == [("لقلمون", "cur:qalamun-mountains")]  # rugged
    assert full.resolve("Jebel Saman Subdistrict").place.id == "gn:170063"  # type: ignore[union-attr]
    assert full.resolve("الوعرة") is None
    assert found(full, "قرية في وادي النصارى بمحافظة حمص")[0] == ("وادي النصارى", "cur:wadi-al-nasara")


def test_geoparse__a_province_word_at_a_list_s_edge_makes_its_governorates_governorates(full: Gazetteer) -> None:
    hama, idlib = "pcode:SY05", "pcode:SY07"
    assert found(full, "ريف حماة وإدلب") == [("حماة", hama), ("إدلب", idlib)]
    assert found(full, "ريف حلب الغربي وإدلب") == [("حلب", "pcode:SY02"), ("إدلب", idlib)]
    assert found(full, "the Idlib and Hama countryside") == [("Idlib", idlib), ("Hama", hama)]
    assert found(full, "and Tartus and Latakia Governorate to the east") == [
        ("Tartus", "pcode:SY10"),
        ("Latakia", "pcode:SY06"),
    ]
    assert found(full, "مدينة حماة وإدلب") == [("حماة", "gn:170017"), ("إدلب", "gn:169389")]  # a city word: cities
    assert found(full, "Talbiseh and Homs province") == [("Talbiseh", TALBISEH), ("Homs", HOMS_GOV)]


def test_geoparse__a_lower_case_compass_word_is_no_part_of_a_feature_s_name(full: Gazetteer) -> None:
    text = "positions in the eastern Qalamoun Mountains of the Rif Dimashq Governorate"
    assert found(full, text)[0] == ("Qalamoun Mountains", "cur:qalamun-mountains")
    assert found(full, "the northern Tabqa Dam") == [("Tabqa Dam", "cur:tabqa-dam")]
    assert found(full, "Mezzeh military airport") == [("Mezzeh military airport", "cur:mezzeh-airbase")]


def test_geoparse__the_hauran_alone_is_a_region_not_daraa_governorate(full: Gazetteer) -> None:
    # Hauran spans Daraa, Suwayda and Quneitra: a spelling of Daraa governorate only when a word asks for it
    assert found(full, "the capital of Daraa Governorate in the Hauran region.") == [("Daraa", "pcode:SY12")]
    assert found(full, "معركة جنيف حوران") == []
    assert found(full, "محافظة حوران") == [("حوران", "pcode:SY12")]
    assert full.resolve("Hauran").place.id == "pcode:SY12"  # type: ignore[union-attr]


def test_geoparse__a_mountain_named_after_a_town_is_not_the_town(full: Gazetteer) -> None:
    # "جبل أريحا" (Jabal Ariha) is another name of Jabal al-Zawiya, not the town Ariha
    assert found(full, "ويتألف جبل الزاوية، أو جبل أريحا من كتلتين") == [("جبل الزاوية", "cur:jabal-zawiya-mountain")]
    assert found(full, "the Jabal Ariha area") == []
    assert found(full, "سيطروا على أريحا") == [("أريحا", "gn:172994")]
    assert found(full, "in Ariha and Jabal al-Zawiya")[0] == ("Ariha", "gn:172994")


def test_geoparse__a_headline_word_after_a_rank_is_no_given_name(full: Gazetteer) -> None:
    # title-case headlines: "Visits" and "Security" are no given names, so the place stays
    assert found(full, "Syrian President Visits Hama After Earthquake") == [("Hama", "gn:170017")]
    assert found(full, "The head of General Security Homs said") == [("Homs", HOMS_CITY)]
    assert found(full, "Col. Ali Talbiseh") == []  # "Ali", a common English word, is a given name here


def test_geoparse__an_attack_named_after_a_city_is_the_city_s(full: Gazetteer) -> None:
    # "هجوم" is an offensive and an attack: an attack word after the name makes it one attack on the city
    assert found(full, "ارتفعت حصيلة هجوم حمص الإرهابي") == [("حمص", HOMS_CITY)]
    assert found(full, "هجوم حمص على الكلية الحربية") == [("حمص", HOMS_CITY)]
    assert found(full, "هجوم دمشق بطائرة مسيرة") == [("دمشق", "gn:170654")]
    assert found(full, "هجوم حماة 2014") == [("حماة", "pcode:SY05")]


def test_geoparse__provincial_capitals_and_the_city_word_after_a_name(full: Gazetteer) -> None:
    cities = [("Hama", "gn:170017"), ("Idlib", "gn:169389")]
    assert found(full, "Rebels still hold the Hama and Idlib provincial capitals.") == cities
    assert found(full, "ريف حلب وحلب المدينة") == [("حلب", "pcode:SY02"), ("حلب", "gn:170063")]
    assert found(full, "ووصلت مشارف وأرياف مدينة حمص") == [("حمص", HOMS_CITY)]  # the country around the city
    assert found(full, "في أرياف حلب ومدينتها") == [("حلب", "pcode:SY02")]  # plural countryside


def test_geoparse__plains_of_a_governorate_fall_back_to_the_governorate(full: Gazetteer) -> None:
    assert found(full, "the northern Hama plains") == [("Hama", "pcode:SY05")]
    assert found(full, "south of that lies the Hauran plain.") == []  # a region wider than Daraa


def test_geoparse__an_unconfident_guess_moves_no_city_to_its_governorate(full: Gazetteer) -> None:
    # "Ghuwayran" (a quarter the index lacks) gives no confident place: Hasakah stays the city
    assert found(full, "Fighters in Ghuwayran, Hasakah.") == [("Hasakah", "gn:173811")]
    assert found(full, "Khan Shaykhun, Idlib") == [("Khan Shaykhun", "gn:168325"), ("Idlib", "pcode:SY07")]


def test_geoparse__an_arabic_kind_word_before_the_next_name_is_that_name_s(full: Gazetteer) -> None:
    # "وحول مدينة الباغوز": "around" the city, not the town al-Hawl asked as a city
    assert found(full, "داخل وحول مدينة الباغوز فوقاني السورية") == [("الباغوز فوقاني", "cur:al-baghuz-fawqani-town")]


def test_geoparse__compass_words_after_a_distance_say_where_from_the_city(full: Gazetteer) -> None:
    text = "على مسافة 432 كم شمال شرق دمشق و 320 كم جنوب شرق حلب."
    assert found(full, text) == [("دمشق", "gn:170654"), ("حلب", "gn:170063")]
    assert found(full, "في شمال شرق حلب") == [("حلب", "pcode:SY02")]


def test_geoparse__a_town_s_region_is_its_district_a_governorate_s_the_governorate(full: Gazetteer) -> None:
    assert found(full, "expanded into the Tell Abyad region, in the north") == [("Tell Abyad", "pcode:SY1102")]
    assert found(full, 'an "Afrin Region" in 2017') == [("Afrin", "pcode:SY0203")]
    assert found(full, "the Idlib region") == [("Idlib", "pcode:SY07")]
    assert found(full, "the Qalamoun region") == [("Qalamoun", "cur:qalamun-mountains")]  # no district of its name
    assert found(full, "in the Hauran region.") == []


def test_geoparse__one_governorate_said_in_a_list_makes_its_fellows_governorates(full: Gazetteer) -> None:
    # "in Idlib and the western Aleppo countryside": the names of a list are alike
    assert found(full, "للمناطق السكنية في إدلب وريف حلب الغربي.") == [("إدلب", "pcode:SY07"), ("حلب", "pcode:SY02")]
    assert found(full, "Homs city and the Hama countryside") == [("Homs", HOMS_CITY), ("Hama", "pcode:SY05")]
    assert found(full, "في حلب وحماة") == [("حلب", "gn:170063"), ("حماة", "gn:170017")]


def test_geoparse__the_ends_of_a_road_named_by_them_are_the_cities(full: Gazetteer) -> None:
    assert found(full, "reopens the Damascus-Homs highway") == [("Damascus", "gn:170654"), ("Homs", HOMS_CITY)]
    assert found(full, "the Homs-Hama road") == [("Homs", HOMS_CITY), ("Hama", "gn:170017")]
    assert found(full, "the Damascus highway") == []  # one name before a road word asks for a road
    # the other end may be a foreign city the index lacks
    assert found(full, "views of the Antioch-Aleppo road") == [("Aleppo", "gn:170063")]
    assert found(full, "the Beirut-Damascus highway") == [("Damascus", "gn:170654")]


def test_geoparse__a_base_named_by_its_town_with_another_kind_word(full: Gazetteer) -> None:
    # the index writes "قاعدة الشعيرات الجوية"; news write "مطار الشعيرات" (the airfield)
    text = "استهدفت غارات مطار التيفور العسكري ومطار الشعيرات جنوب شرقي المدينة."
    assert ("مطار الشعيرات", "cur:shayrat-airbase") in found(full, text)
    assert full.resolve("مطار الشعيرات").place.id == "cur:shayrat-airbase"  # type: ignore[union-attr]


def test_geoparse__kafr_and_beit_names_written_as_one_word(full: Gazetteer) -> None:
    assert found(full, "وكفرنبودة من الشمال") == [("كفرنبودة", "cur:kafr-nabudah")]
    assert found(full, "قصف بيتجن") == [("بيتجن", "pcode:SY030801")]
    assert found(full, "وتقع ديربعلبة في الجهة الشمالية الشرقية لمدينة حمص")[0] == ("ديربعلبة", "sa:516")


def test_geoparse__second_review_cases(full: Gazetteer) -> None:
    # "المدينة" before a name ends a phrase of its own: the town after it stays found
    assert found(full, "اقتحمت القوات المدينة وبلدة داعل.") == [("داعل", "gn:170959")]
    assert found(full, "بين حماة المدينة وريف إدلب") == [("حماة", "gn:170017"), ("إدلب", "pcode:SY07")]
    # the Kurds and the Turkmen are no mountains ("جبل الاكراد" of the Syrian Archive lends them no name)
    assert found(full, "يطالب الأكراد بحكم ذاتي") == [] and found(full, "يشكل تركمان سوريا أقلية") == []
    # "دمشق الدولي" is no airport's core name: the Damascus fair and the M5 keep their cities
    assert found(full, "افتتح معرض دمشق الدولي دورته") == [("دمشق", "gn:170654")]
    assert found(full, "حواجز على طريق حلب-دمشق الدولي") == [("حلب", "gn:170063"), ("دمشق", "gn:170654")]
    # a village tied with a namesake in the binding governorate still makes the capital the governorate
    assert found(full, "Shelling hit Qabbasin, Aleppo") == [("Aleppo", "pcode:SY02")]
    # "region" gives a district only when the town lies in it; a likeness is no governorate's name
    assert found(full, "Clashes in the Mare region") == [("Mare", "gn:167245")]
    assert found(full, "the al-Hameh region west of Damascus")[0] == ("al-Hameh", "cur:al-hamah-town")
    # a quarter bound to a city, and "أحياء" (quarters), keep the city out of a list of governorates
    assert found(full, "قصف على حي الشعار في حلب وريف إدلب")[1:] == [("حلب", "gn:170063"), ("إدلب", "pcode:SY07")]
    assert found(full, "في أحياء حلب وريف إدلب") == [("حلب", "gn:170063"), ("إدلب", "pcode:SY07")]
    assert found(full, "على كامل أحياء وأرياف مدينة حلب، لتفقد") == [("حلب", "gn:170063")]
    # an attack that "targeted" something, or a missile attack, is the city's
    assert found(full, "أدان الأمين العام هجوم حمص الذي استهدف حفل تخريج الضباط") == [("حمص", HOMS_CITY)]
    assert found(full, "بتنفيذ هجوم طرطوس الصاروخي") == [("طرطوس", "gn:163345")]


def test_geoparse__a_settlement_listed_next_to_a_namesake_decides_it(full: Gazetteer) -> None:
    # two al-Zahraa in Aleppo governorate; the one listed with Nubl is the town 3 km from it
    for text in ("Rebels besieged the towns of Nubl and al-Zahraa.", "فك الحصار عن نبل والزهراء"):
        found_ = full.geoparse(text)
        assert [m.match.place.id for m in found_] == ["gn:166331", "sa:164"], text
        assert any(s.startswith("listed with ") for s in found_[1].match.signals)
    # a fellow far from every namesake decides nothing: no answer rather than a guess
    assert [m.match.place.id for m in full.geoparse("Damascus and al-Zahraa were shelled.")] == ["gn:170654"]


def test_geoparse__a_city_word_after_a_capital_keeps_it_the_city(full: Gazetteer) -> None:
    # "district" is the quarter's; "city" says which Aleppo, even when the quarter's name is tied
    assert found(full, "Fighting in al-Zahraa district of Aleppo city.") == [("Aleppo", "gn:170063")]
    assert found(full, "Shelling hit the Salaheddine district of Aleppo city.") == [("Aleppo", "gn:170063")]


def test_geoparse__third_review_people(full: Gazetteer) -> None:
    # a capitalised word that is no place before a one-word name: a given name before a surname
    assert found(full, "Ahmad Othman, a spokesman for the Sultan Murad Division, denied the claims.") == []
    assert found(full, "Syrian MP Mohammad Kassab and businessman Samer Foz were added to the list.") == []
    # a town's name before a surname, whatever its population
    assert found(full, "Jassem Mohammed, a father of three from Inkhil, was killed.") == [("Inkhil", "gn:169375")]
    # a given name that only respells a town's name, before a surname: "Sabah" is no Sibbeh ("Sabbah")
    assert found(full, "Sabah Fakhri, the tenor, performed in Aleppo.") == [("Aleppo", "gn:170063")]
    samira = "Teacher Samira Halabi, who taught for 30 years in Salamiyah, was honoured."
    assert found(full, samira) == [("Salamiyah", "gn:164947")]  # no Simyra
    # a person's apposition after a given name and a surname: "Dana Khalil, a teacher" is no Dana
    assert found(full, "Dana Khalil, a teacher in Idlib city, said schools lacked fuel.") == [("Idlib", "gn:169389")]
    assert found(full, "Dana, a town north of Idlib, was shelled.")[0] == ("Dana", "gn:174259")
    # an Arabic given name before the father's: a person after a marker, the town without one
    assert found(full, "قال جاسم محمد، وهو نازح من ريف حمص") == [("حمص", "pcode:SY04")]
    assert found(full, "فازت الطالبة عفرين محمد من مدينة القامشلي") == [("القامشلي", "gn:173377")]
    assert found(full, "دخلت القوات جاسم محمد")[0] == ("جاسم", "gn:165997")
    assert found(full, "Government forces shelled Dana, Sarmada and Atmeh.")[0] == ("Dana", "gn:174259")
    # an acronym, a compass word or a common word before a name leaves it the place (here the
    # governorate: commanders named after it command there)
    assert found(full, "HTS Idlib commanders met in Sarmada.")[0] == ("Idlib", "pcode:SY07")
    # Arabic: a rank before a name, a family name after a given name
    assert found(full, "أعلن العميد جاسم الفريج تعيينه قائداً للفرقة.") == []
    assert found(full, "قال القيادي في الفيلق الخامس جاسم الحريري إن عناصره انسحبوا.") == []
    assert found(full, "سيطرت القوات على مدينة جاسم في ريف درعا.") == [("جاسم", "gn:165997"), ("درعا", "pcode:SY12")]
    assert found(full, "سيطرت القوات على مدينة القصير التي يسيطر عليها الجيش الحر")[0] == ("القصير", "gn:173322")
    # a nom de guerre after a rank or a title: a given name, then a town's name as the surname
    assert found(full, "قتل القيادي في وحدات حماية الشعب ريزان كوباني بغارة تركية.") == []
    assert found(full, "قالت القيادية في وحدات حماية المرأة روهلات عفرين إن المعركة مستمرة.") == []
    assert found(full, "أعلن القائد العسكري روبار قامشلو بدء الحملة في قامشلو") == [("قامشلو", "gn:173377")]


def test_geoparse__third_review_foreign_places(full: Gazetteer) -> None:
    # the text says the place is another country's: its people's adjective, its possessive, the country after it
    for text in (
        "Yazidis fled the Iraqi town of Sinjar into Syria.",
        "He flew to Jordan's Aqaba on Monday.",
        "Israeli strikes hit the Bureij camp in central Gaza.",
        "Fighters crossed from Shebaa, in southern Lebanon.",
        "أقيم المؤتمر في مدينة العقبة الأردنية.",
        "اتجه النازحون إلى مدينة صور جنوبي لبنان.",
        "Kurds rallied in Sulaymaniyah.",
    ):
        assert found(full, text) == [], text
    # Türkiye's posts stand in Syrian towns; a Syrian town near Turkey stays Syrian
    assert found(full, "انسحبت القوات من نقطة مورك التركية.") == [("مورك", "gn:166640")]
    assert found(full, "Shelling hit Idlib, near Turkey.") == [("Idlib", "gn:169389")]


def test_geoparse__third_review_compass_words(full: Gazetteer) -> None:
    # "شمالي X" is "شمال X": a part of the governorate, unless a distance follows (from the city)
    assert found(full, "قصفت الطائرات بلدة سرمين شمالي إدلب.")[1] == ("إدلب", "pcode:SY07")
    assert found(full, "تقع شمالي حماه حوالي 25 كلم") == [("حماه", "gn:170017")]
    # two direction adjectives after the countryside's name
    assert found(full, "اشتباكات في ريف إدلب الجنوبي الشرقي.") == [("إدلب", "pcode:SY07")]
    # a compass word right before the name stays its own after another span's English words
    text = "an attack in Salma and the Jabal al-Akrad mountains of northern Latakia."
    assert found(full, text)[-1] == ("Latakia", "pcode:SY06")


def test_geoparse__third_review_units_and_channels(full: Gazetteer) -> None:
    # OCHA writes "sub-district": a subdistrict, as "subdistrict" asks (Hajin: SY090201, Al-Karamah: SY110102)
    assert found(full, "Water trucking reached the Hajin sub-district.") == [("Hajin", "pcode:SY090201")]
    text = "15 communities in Al-Karama and Maadan sub-districts reported water shortages."
    assert found(full, text)[0] == ("Al-Karama", "pcode:SY110102")
    # a channel named after a town is no mention of it
    assert found(full, "Lebanon's Al-Mayadeen TV reported that the talks had ended.") == []
    assert found(full, "نقلت قناة الميادين عن مصادر محلية") == []
    assert found(full, "Shelling hit Mayadin on Monday.") == [("Mayadin", "gn:173480")]


def test_geoparse__a_capital_s_possessive_before_a_place_outside_it_is_the_governorate(full: Gazetteer) -> None:
    # "Hama's Kafr Zita": Kafr Zita lies 30 km from Hama city; a quarter keeps the city
    assert found(full, "Hama's Kafr Zita was shelled.")[0] == ("Hama", "pcode:SY05")
    assert found(full, "A child died in Idlib's Jabal al-Zawiya.")[0] == ("Idlib", "pcode:SY07")
    assert found(full, "Shells hit Aleppo's Salah al-Din neighbourhood.")[0] == ("Aleppo", "gn:170063")


def test_geoparse__sixth_review_places_the_person_rules_keep(full: Gazetteer) -> None:
    # a people's adjective, an acronym or a hyphenated pair before a name; an acronym or a body after one
    assert found(full, "Turkey's offensive on Kurdish Afrin entered its third week.") == [("Afrin", "gn:174186")]
    assert found(full, "Putin-Erdogan Idlib deal under strain as strikes resume") == [("Idlib", "gn:169389")]
    assert found(full, "Over 8,000 families arrived in Sarmada IDP camps this week.") == [
        ("Sarmada", "cur:sarmada-town")
    ]
    # an Arabic place before a definite word with no person's marker before it; a rank before a city
    assert found(full, "اقتحمت الفرقة الرابعة جاسم الشهر الماضي") == [("جاسم", "gn:165997")]
    assert found(full, "زار الوزير حلب يوم الأحد") == [("حلب", "gn:170063")]
    assert found(full, "قصفت الطائرات حي التضامن الدمشقي")[0][0] == "التضامن"
    # a country after a comma that opens the next clause, and "Syrian-Iraqi" before a town
    assert found(full, "As fighting raged in Daraa, Jordan closed its border crossing.") == [("Daraa", "gn:170905")]
    text = "Militias moved into the Syrian-Iraqi border town of Abu Kamal."
    assert found(full, text) == [("Abu Kamal", "gn:174448")]


def test_geoparse__a_capital_s_adjective_after_a_quarter_binds_it(full: Gazetteer) -> None:
    # Jobar is a quarter of Damascus and a village of Homs: "الدمشقي" (Damascene) says which
    assert found(full, "شهد حي جوبر الدمشقي دماراً واسعاً") == [("جوبر", "cur:damascus-jobar")]
    assert found(full, "تعرض حي الشعار الحلبي للقصف") == [("الشعار", "sa:74")]
    # Aleppo's Midan is named "حي الميدان" whole, which shuts out no namesake quarter: Damascus's
    assert found(full, "شهد حي الميدان الدمشقي احتفالات") == [("الميدان", "sa:183")]


def test_geoparse__a_place_the_text_binds_is_looked_for_in_that_governorate_alone(full: Gazetteer) -> None:
    # no quarter al-Hadir in Hama: the town al-Hadir of Aleppo is no answer for "حي الحاضر بمدينة حماة"
    assert found(full, "اندلعت اشتباكات في حي الحاضر بمدينة حماة مساء أمس") == [("حماة", "gn:170017")]
    # news call Damascus's countryside "Damascus": Daraya lies in Rif Dimashq
    assert found(full, "Shelling hit Daraya, the Damascus suburb, on Friday.")[0] == ("Daraya", "gn:170892")


def test_geoparse__a_name_with_its_direction_adjective_after_a_kind_word(full: Gazetteer) -> None:
    # "بلدة البويضة الشرقية" is the village al-Buwaydah al-Sharqiyah (Homs), not al-Boida (Hama)
    text = "قصفت القوات بلدة البويضة الشرقية بريف حمص"
    assert found(full, text)[0] == ("البويضة الشرقية", "cur:al-buwaydah-al-sharqiyah-village")
    top = full.candidates("بلدة المليحة الغربية", limit=1)[0]
    assert (top.place.id, top.tier) == ("cur:al-maliha-al-gharbiya-town", "exact")
    # the name with its adjective by a spelling variant too: the index writes "الدير الغربي" with the article
    # (a tuning text's "دير الغربي قرية سورية" lost the village once "قرية" was read as the village's word)
    top = full.candidates("قرية دير الغربي", limit=1)[0]
    assert (top.place.id, top.tier) == ("sa:563", "variant")
    # a direction adjective that is no part of a name still says which part of the governorate
    assert full.resolve("ريف حماة الشمالي").place.id == "pcode:SY05"


def test_geoparse__two_clitics_before_a_name(full: Gazetteer) -> None:
    assert found(full, "قتل ثلاثة مدنيين في حمص وبحماة") == [("حمص", "gn:169577"), ("حماة", "gn:170017")]
    assert found(full, "وبإدلب قتل اثنان") == [("إدلب", "gn:169389")]
    # a foreign name or a common word behind the first clitic is read as such, not as و + ل/ب + a place
    assert found(full, "ولبنان") == [] and found(full, "وبلدة") == []


def test_geoparse__acled_style_locations_in_brackets(full: Gazetteer) -> None:
    # "(Admin2, Admin1)": a name repeated after a comma is the governorate; an ayn mark ends a name
    text = "An explosion killed three civilians in Al-Hamidiyah (Tartous, Tartous)."
    assert found(full, text)[1:] == [("Tartous", "gn:163345"), ("Tartous", "pcode:SY10")]
    assert found(full, "An IED hit a car in Jasim (Izra', Dar'a).")[2] == ("Dar'a", "pcode:SY12")
    assert found(full, "Hama Hama") == [("Hama", "gn:170017"), ("Hama", "gn:170017")]
    # an infobox's "Location": a city, then its governorate said so; no list of governorates names one twice
    text = "Location Raqqa, Raqqa Governorate, Syria"
    assert found(full, text) == [("Raqqa", "gn:172955"), ("Raqqa", "pcode:SY11")]
    assert found(full, "He was born in Homs, Homs Governorate.") == [("Homs", "gn:169577"), ("Homs", HOMS_GOV)]
    assert found(full, "Idlib, Hama and Homs governorates")[0] == ("Idlib", "pcode:SY07")


def test_resolve__the_countryside_of_a_mountain_is_its_area(full: Gazetteer) -> None:
    match = full.resolve("Jabal al-Zawiya countryside")
    assert match is not None and match.place.id == "cur:jabal-zawiya-mountain"
    assert "kind mountain fits 'countryside'" in match.signals
    assert full.resolve("Ras al-Ayn countryside").place.id == "pcode:SY0804"


def test_geoparse__a_rank_right_before_a_given_name_and_a_family_name_after_it(full: Gazetteer) -> None:
    assert found(full, "قالت الناشطة ميسلون الحوراني إن القصف استمر") == []
    # a rank before a town and a time word after it: the town ("the minister visited Kafranbel last week")
    assert found(full, "زار الوزير كفرنبل الأسبوع الماضي") == [("كفرنبل", "gn:168661")]
    assert found(full, "زار الرئيس حماة الأسبوع الماضي") == [("حماة", "gn:170017")]


def test_geoparse__arabic_in_or_bi_before_a_foreign_country_after_the_name(full: Gazetteer) -> None:
    assert found(full, "فر آلاف الإيزيديين من سنجار في العراق") == []
    assert found(full, "مدينة أريحا في الضفة الغربية") == []
    assert found(full, "قصف على أريحا في ريف إدلب")[0] == ("أريحا", "gn:172994")


def test_geoparse__places_listed_before_a_bound_one_share_its_governorate(full: Gazetteer) -> None:
    # the index has no Qahtaniyah in Quneitra: the one in Hasakah is no answer for this list
    text = "Israeli troops set up a position overlooking Al-Qahtaniyah and Jubata al-Khashab in Quneitra province."
    assert [m.match.place.governorate.name for m in full.geoparse(text)] == ["Quneitra", "Quneitra"]
    text = "قصفت القوات كفرنبل وحاس في ريف إدلب الجنوبي"
    assert [m.match.signals[-1] for m in full.geoparse(text)][:2] == ["bound by the text to Idlib"] * 2
    # a governorate's capital in the list keeps its own governorate
    assert found(full, "Attacks on Aleppo and Talbiseh in Homs province")[0] == ("Aleppo", "gn:170063")


def test_geoparse__an_apposition_says_the_kind_and_a_clitic_stays_out_of_a_facility(full: Gazetteer) -> None:
    # "Thiban" alone is the subdistrict named after the town; ", a town" says which
    assert found(full, "Thiban, a town on the east bank of the Euphrates, was hit.") == [("Thiban", "gn:170691")]
    assert found(full, "Idlib, a province of three million people") == [("Idlib", "pcode:SY07")]
    text = "استهدفت الطائرات مدينة تل رفعت ومطار منغ العسكري"
    assert found(full, text)[1] == ("مطار منغ العسكري", "cur:menagh-airbase")


def test_geoparse__the_towns_or_villages_of_a_governorate_are_the_governorate(full: Gazetteer) -> None:
    assert found(full, "قصفت القوات بلدات درعا الغربية") == [("درعا", "pcode:SY12")]
    assert found(full, "قرى حماة الشرقية") == [("حماة", "pcode:SY05")]
    # "villages in Daraa and Quneitra": the governorates (a news report; the city before)
    assert found(full, "لاقتحام ما تبقى من مثلث الموت وبعض القرى في درعا والقنيطرة.") == [
        ("درعا", "pcode:SY12"),
        ("القنيطرة", "pcode:SY14"),
    ]
    # not a region's name: "the villages in the Ghab plain" are the plain's, the span the plain's name
    assert found(full, "قصفت القرى في سهل الغاب") == [("سهل الغاب", "cur:ghab-plain")]
    # of a region or a district, the plural asks for nothing of its own
    assert found(full, "وكانت أكبر قرى الغوطة") == [("الغوطة", "cur:ghouta")]
    assert found(full, "رنكوس بلدة من بلدات منطقة التل")[1] == ("التل", "pcode:SY0304")


def test_geoparse__the_two_quarters_and_a_clitic_before_a_foreign_spelled_quarter(full: Gazetteer) -> None:
    # حيا/حيي: the dual of حي, said before a list; السليمانية names Aleppo's quarter and an Iraqi city
    text = "قصفت الطائرات حيا الميدان والسليمانية في حلب"
    assert found(full, text)[:2] == [("الميدان", "sa:54"), ("السليمانية", "sa:81")]
    assert found(full, "ولبنان") == [] and found(full, "بلبنان") == []


def test_geoparse__batch_15_infobox_labels_quotes_and_compound_given_names(full: Gazetteer) -> None:
    # an infobox label glued to a value that begins with a lower-case article
    text = "Country Syria\nGovernorateRaqqa\nDistrictal-Thawrah\nSubdistrictal-Thawrah\nControl"
    assert found(full, text)[1] == ("al-Thawrah", "pcode:SY1103")
    # a quotation mark between a kind word and its name
    assert found(full, "من أقدم قرى محافظة «القنيطرة» وهي") == [("القنيطرة", "pcode:SY14")]
    # "سعد الدين" is a compound given name: the man, not the town al-Shaykh Saad
    assert found(full, "وهو الشيخ سعد الدين الجباوي صاحب الطريقة السعدية") == []
    assert found(full, "قصف حي صلاح الدين في حلب")[0][0] == "صلاح الدين"


def test_geoparse__a_commander_s_area_is_the_governorate(full: Gazetteer) -> None:
    # an infobox's commanders: the post covers the governorate, not its capital alone
    assert found(full, "Hilal al-Assad (Latakia NDF commander)") == [("Latakia", "pcode:SY06")]
    assert found(full, "Khaled al-Halabi, (Raqqa state security head)") == [("Raqqa", "pcode:SY11")]
    assert found(full, "the leader of Ahrar al-Sham rebel group in Homs was killed") == [("Homs", "pcode:SY04")]
    assert found(full, "أبو المقداد (قائد النصرة في إدلب)") == [("إدلب", "pcode:SY07")]
    # the title and "of" right before the name that ends the phrase
    assert found(full, "Amer al-Rafdan (ISIL prefect of Deir ez-Zor), Ali Kmaz") == [("Deir ez-Zor", "pcode:SY09")]
    assert found(full, "(ISIL chief commander of Aleppo)") == [("Aleppo", "pcode:SY02")]
    assert found(full, "the commander of Aleppo Airport arrived")[0][1] != "pcode:SY02"
    # an encyclopedia's locator map shades the governorate
    assert found(full, "Part of the Syrian Civil War\nAleppo in Syria (+Golan).svg")[0] == ("Aleppo", "pcode:SY02")
    assert found(full, "Map of Syria with Idlib highlighted") == [("Idlib", "pcode:SY07")]
    # where a man worked, an office, a commander elsewhere in the sentence: the city
    assert found(full, "IS emir Abu Ali al-Anbari ran the group's operations in Raqqa.") == [("Raqqa", "gn:172955")]
    assert found(full, "the Aleppo head office") == [("Aleppo", "gn:170063")]
    assert found(full, "The commander said Homs was calm.") == [("Homs", "gn:169577")]


def test_geoparse__an_ayn_or_hamza_mark_belongs_to_the_name_the_index_writes_with_it(full: Gazetteer) -> None:
    assert found(full, "the town of Izra' in Daraa")[0] == ("Izra'", "gn:169341")
    assert found(full, "Amuda (Kurdish: Amûdê, Arabic: 'Āmūdā)")[-1] == ("'Āmūdā", "gn:173230")
    # a possessive's apostrophe stays out
    assert found(full, "Shelling hit Homs' western suburbs")[0][0] == "Homs"
    # a clitic's vowel mark stays out too: "وَداعل" is "and Da'el"
    assert found(full, "يربط بين خربة غزالة من جهة وَداعل من جهة أخرى")[-1] == ("داعل", "gn:170959")
    # a mark between a name's words joins them as a hyphen does: "Al-‘Assafir" with a left quote
    assert found(full, "the rebels in Deir Al-‘Assafir were cut off") == [("Deir Al-‘Assafir", "gn:170817")]


def test_geoparse__an_infobox_demonym_line_names_people(full: Gazetteer) -> None:
    text = "The city lies between Aleppo and Hama.\nDemonym(s) | Arabic: معري, romanized: Maarri |"
    assert found(full, text) == [("Aleppo", "gn:170063"), ("Hama", "gn:170017")]
    assert found(full, "The demonym of Homs is Homsi.") == [("Homs", "gn:169577")]


def test_geoparse__a_summer_resort_is_a_town(full: Gazetteer) -> None:
    # "سلمى" alone is a given name; "مصيف سلمى" (the resort of Salma) is the village
    assert found(full, "وبالقرب منها مصيف سلمى ومصيف دورين") == [("سلمى", "sa:760"), ("دورين", "sa:749")]


def test_geoparse__a_wilayat_is_a_province(full: Gazetteer) -> None:
    # the Islamic State's and the Ottomans' provinces were named after the cities
    assert found(full, "the Islamic State's Wilayat Halab") == [("Halab", "pcode:SY02")]
    assert found(full, "أعلن التنظيم ولاية الرقة") == [("الرقة", "pcode:SY11")]
    assert found(full, "ولاية الرئيس الأسد") == []


def test_geoparse__the_dual_of_a_kind_word_counts_places_and_names_none(full: Gazetteer) -> None:
    # "قريتين" is "two villages"; the town al-Qaryatayn is written with its article
    assert found(full, "قام المتمردون بالاستيلاء على بلدة انخل وقريتين وثلاث نقاط تفتيش") == [("انخل", "gn:169375")]
    assert found(full, "سيطرت القوات على قريتين في ريف حمص") == [("حمص", "pcode:SY04")]
    assert found(full, "دخلت القوات بلدتين جديدتين") == []
    assert found(full, "وصلت التعزيزات إلى القريتين") == [("القريتين", "gn:173361")]
    # with the article and a dual adjective after it, the dual still counts villages
    assert found(full, "واستولى الجيش على القريتين الأخيرتين على الطريق") == []
    # after a demonstrative too (a news report: "أبناء هذه القريتين", the sons of these two villages)
    assert found(full, "الفوج الذي يشكل أبناء هذه القريتين عموده الفقري") == []
    assert found(full, "حاصر الجيش القريتين المحاصرة") == [("القريتين", "gn:173361")]
    # and so after "بين" (between) with no "و" (and) to name the other end
    assert found(full, "بسبب النمو العمراني بين القريتين.") == []
    assert found(full, "دارت المعارك بين القريتين وتدمر")[0] == ("القريتين", "gn:173361")


def test_geoparse__a_compound_given_name_before_a_family_name_is_a_person(full: Gazetteer) -> None:
    # "Izz al-Din al-Qassam" (the Hamas brigades' namesake) is no village of Homs, Sayf al-Dawla
    # al-Hamdani no quarter of Aleppo, Saladin no village
    assert found(full, "أطلقت كتائب عز الدين القسام صواريخ من غزة") == []
    assert found(full, "أسس سيف الدولة الحمداني إمارة في حلب") == [("حلب", "gn:170063")]
    assert found(full, "تمثال صلاح الدين الأيوبي في دمشق") == [("دمشق", "gn:170654")]
    # a kind word before the name, or no family name after it, keeps the place
    assert found(full, "قرية عز الدين في ريف حمص")[0] == ("عز الدين", "cur:izz-al-din-homs")
    assert found(full, "قصف حي سيف الدولة الحمداني في حلب")[0] == ("سيف الدولة", "sa:72")
    assert found(full, "قصف سيف الدولة في حلب")[0] == ("سيف الدولة", "sa:72")
    # with no kind word, no clitic and no word of place before it, the name is a person's too (an
    # encyclopedia excerpt: "اتجه صلاح الدين إلى الشغر", Saladin headed for al-Shughur, gave a quarter of Aleppo)
    assert found(full, "في سنة 1188 اتجه صلاح الدين إلى الشغر") == []
    assert found(full, "ومدفن الوالي ركن الدين منكورس في دمشق") == [("دمشق", "gn:170654")]
    assert found(full, "وخرجت مظاهرة في ركن الدين")[0] == ("ركن الدين", "cur:damascus-rukn-al-din")
    assert found(full, "قصف أحياء السكري وصلاح الدين")[1] == ("صلاح الدين", "sa:67")


def test_geoparse__the_centre_of_the_governorate_is_its_city(full: Gazetteer) -> None:
    assert found(full, "وتقع لجهة الشرق من مركز محافظة «دير الزور» على بعد 43 كم") == [("دير الزور", "gn:170794")]
    assert found(full, "وحوالي 30 كم عن مركز المحافظة إدلب، وقد") == [("إدلب", "gn:169389")]
    assert found(full, "تتبع منطقة مركز إدلب") == [("مركز إدلب", "pcode:SY0700")]


def test_geoparse__a_bare_quarter_in_a_text_about_another_governorate(full: Gazetteer) -> None:
    # ميسلون is a quarter of Aleppo in the index; the battle of 1920 was fought near Damascus
    assert found(full, "وقعت معركة ميسلون قرب دمشق عام 1920") == [("دمشق", "gn:170654")]
    # nor a village's or a town's word: a quarter is neither ("قرية الصالحية" by Abu Kamal is no quarter of Damascus)
    text = "قتل مدني في قرية الصالحية قرب البوكمال شرقي دير الزور."
    assert [pid for _, pid in found(full, text)] == ["cur:al-salihiyah-deir-ez-zor-town", "gn:174448", "pcode:SY09"]
    # alone, or with its city, the quarter stays
    assert found(full, "Sheikh Maqsoud was shelled") == [("Sheikh Maqsoud", "cur:aleppo-sheikh-maqsood")]
    assert found(full, "Shelling hit Baba Amr in Homs")[0] == ("Baba Amr", "cur:homs-baba-amr")
    # asked by its word, in a text about a governorate that does not border Aleppo, a shared name is no
    # quarter of Aleppo; "حي الرصافة", which found only a village of Aleppo, casts no vote for it
    text = (
        "سقطت قذائف على الأحياء الخاضعة لقوات النظام في مدينة ديرالزور. وقصفت المدفعية أحياء الحميدية والجبيلة"
        " الخاضعة للتنظيم في المدينة، وأصيب مدني بالحميدية. وشن الطيران غارات على دوار المعامل في حي الرصافة،"
        " وعلى ناحية خشام بريف المدينة الشرقي."
    )
    assert [pid for _, pid in found(full, text)] == ["gn:170794", "gn:167899"]
    text = "قصف على أحياء الحميدية والشيخ مقصود في مدينة حلب"
    assert found(full, text)[0] == ("الحميدية", "sa:25")
    assert found(full, "قصف على حي جوبر وعربين في الغوطة الشرقية")[0] == ("جوبر", "cur:damascus-jobar")
    # a generic word alone with its article: "the hill" in a text about Aleppo is no town al-Tall
    text = "سيطروا على تل شريع القريب من المطار في ريف حلب الشرقي، بعد انسحاب التنظيم من التل."
    assert found(full, text) == [("حلب", "pcode:SY02")]
    assert found(full, "قصف على التل وصيدنايا بريف دمشق")[0] == ("التل", "gn:172349")  # the town, in its governorate
    # a camp by another of its names alone: "the returnees" in a text about Aleppo is no camp of Homs
    text = "يعود أبناء قرية الإخاء في ريف حلب إلى ديارهم، لكن نسبة العائدين لا تتجاوز 30%، بحسب رئيس بلدية تل بلاط."
    assert found(full, text) == [("حلب", "pcode:SY02")]
    text = "UNRWA reopened its health centre in Yarmouk and resumed classes in Khan Eshieh and Sbeineh."
    assert ("Yarmouk", "gn:166716") in found(full, text)  # Damascus and Rif Dimashq count as one
    # a facility by its core alone (an encyclopedia article on a village of Quneitra: "north: Bab
    # al-Hawa" is a place of the Golan, no crossing of Idlib); beside Idlib or a governorate bordering it, it is
    text = "مويسة قرية في الجولان تتبع ناحية مسعدة في محافظة القنيطرة. حدودها: شمالا: باب الهوى – واسط."
    assert "باب الهوى" not in dict(found(full, text))
    crossing = "cur:bab-al-hawa-crossing"
    assert dict(found(full, "تقع الدانا على مقربة من باب الهوى شمال إدلب"))["باب الهوى"] == crossing
    text = "Trucks entered through Bab al-Salameh, north of Azaz, after the UN mechanism for Bab al-Hawa expired."
    assert dict(found(full, text))["Bab al-Hawa"] == crossing
    # an Arabic span that matched only an ancient name (Gabala, Jableh's), in a text about Idlib's villages
    text = "وسيطرت قوات النظام على قرى جبالا ومعرتماتر والنقير في جبل الزاوية بريف إدلب"
    assert "جبالا" not in dict(found(full, text))


def test_geoparse__a_name_with_a_commander_s_role_after_it_is_a_person(full: Gazetteer) -> None:
    # an encyclopedia's infobox lists commanders with their roles: "Abu Kamal" there is a nom de guerre
    text = "Commanders and leaders\nAbu Kamal\n(Ahrar ash-Sham Central Area Commander)\nHassan al-Khalifa"
    assert found(full, text) == []
    assert found(full, "Abu Kamal (Deir ez-Zor) was captured")[0] == ("Abu Kamal", "gn:174448")


def test_geoparse__a_handle_and_a_royal_title_are_no_places(full: Gazetteer) -> None:
    assert found(full, "According to @DeirEzzor24 and @Raqqa_SL, strikes hit Hajin.") == [("Hajin", "gn:174506")]
    assert found(full, "Queen Zenobia ruled Palmyra") == [("Palmyra", "gn:163808")]


def test_geoparse__an_arabic_kind_word_without_the_article_after_a_name_says_what_it_is(full: Gazetteer) -> None:
    # "Idlib was a small village": قرية opens a predicate; it does not ask for a village called إدلب
    assert found(full, "التاريخ كانت إدلب قرية صغيرة") == [("إدلب", "gn:169389")]
    # with the article it still describes the name ("حلب المدينة": the city of Aleppo)
    assert found(full, "في حلب المدينة") == [("حلب", "gn:170063")]


def test_geoparse__a_city_that_the_sources_file_as_a_village(full: Gazetteer) -> None:
    # al-Bara (Idlib) is a village in the data; "the city of al-Bara" is still it, not nothing
    assert found(full, "واد قامت فيه مدينة البارة. أعلى قممه") == [("البارة", "sa:648")]
    # a city of the name still comes before a village of it
    assert found(full, "في مدينة حماة") == [("حماة", "gn:170017")]


def test_geoparse__a_name_bound_once_is_bound_wherever_the_text_names_it(full: Gazetteer) -> None:
    # the text places al-Zarah in Hama; the index's only Zara is a village of Homs: no mention is it
    text = "مجزرة الزارة. هاجم مسلحون قرية الزارة. الموقع: الزارة، محافظة حماة."
    assert found(full, text) == [("حماة", "pcode:SY05")]
    # unbound, the name is the index's Zara
    assert found(full, "مجزرة الزارة. هاجم مسلحون قرية الزارة.") == [("الزارة", "sa:515"), ("الزارة", "sa:515")]
    # not when the text places other names in the answer's governorate: a page's old title binds no sense
    text = "(Redirected from Maryamin, Hama)\nMaryamin is a village in Homs Governorate, near Taldou."
    assert ("Maryamin", "cur:maryamin") in found(full, text)


def test_geoparse__a_word_with_an_article_that_a_city_never_has_is_the_word(full: Gazetteer) -> None:
    # "الحمص" (the chickpeas) is no Homs, "زبدة الحلب" (the cream of the milking) no Aleppo
    assert found(full, "ويزرع فيها القمح والحمص والعدس") == []
    assert found(full, "ألّف «زبدة الحلب من تاريخ حلب»") == [("حلب", "gn:170063")]
    # a people's name alone is the people: the Syrian Archive misspells Sarrin "السريان" (the Syriacs)
    assert found(full, "هاجر السريان إلى القامشلي") == [("القامشلي", "gn:173377")]
    assert found(full, "يعيش في حي الأكراد بدمشق")[0] == ("الأكراد", "cur:damascus-rukn-al-din")
    # a town written with the article the index leaves off keeps it
    assert found(full, "وفي حقول الرميلان بمحافظة الحسكة")[0][1] == "cur:rmelan-town"


def test_geoparse__a_bare_word_that_meets_a_small_place_only_with_its_article_is_the_word(full: Gazetteer) -> None:
    # "قبة" (a dome) is no town al-Qubbah (Qabu), "سريان" (taking effect) no town al-Sirian
    assert found(full, "تضررت قبة كنيسة السيدة في حمص جراء القصف.") == [("حمص", "gn:169577")]
    # a kind word asks for the place, unless a name follows the bare word in construct (Burj Haydar)
    assert found(full, "قتل مدنيان في قرية برج حيدر بريف حلب الغربي") == [("حلب", "pcode:SY02")]
    assert found(full, "قتل مدنيان في قرية البرج بريف حلب")[0] == ("البرج", "cur:al-burj-al-bab-village")
    assert found(full, "بعد ساعات فقط من سريان وقف إطلاق النار") == []
    # a town of known population keeps its bare name; a kind word asks for the small place
    assert found(full, "قصفت الطائرات سلمية")[0][1] == "gn:164947"
    assert found(full, "في بلدة قبة")[0][1] == "gn:168098"


def test_geoparse__a_governorate_between_a_place_and_the_country_is_the_governorate(full: Gazetteer) -> None:
    # an infobox's location chain: place, governorate, country (the village is not in the index)
    assert found(full, "الموقع | البارودة، اللاذقية، سوريا |") == [("اللاذقية", "pcode:SY06")]
    # the capital with the country alone is the city
    assert found(full, "He was born in Homs, Syria.") == [("Homs", "gn:169577")]
    # so is the capital after a quarter: the quarter's city
    assert found(full, "الموقع | حي الزهراء، حمص، سوريا |")[-1] == ("حمص", "gn:169577")
    # an encyclopedia's short description: a village or a town lies in the governorate
    assert found(full, "Al-Houz\nVillage in Homs, Syria\nAl-Houz is a village.") == [("Homs", "pcode:SY04")]
    assert found(full, "Town in Hama, Syria")[0] == ("Hama", "pcode:SY05")
    assert found(full, "The hospital in Homs, Syria, was shelled.")[0] == ("Homs", "gn:169577")  # no description
    # a village lies in the governorate all the same (``_governorate_phrase_before``)
    assert found(full, "The village in Homs, Syria, was shelled.")[0] == ("Homs", "pcode:SY04")


def test_geoparse__a_governorate_after_its_district_and_a_comma_is_the_governorate(full: Gazetteer) -> None:
    # an encyclopedia's location: "a town in X District, Y" names the district, then the governorate
    assert found(full, "Ma'adan is a Syrian town in Raqqa District, Raqqa.")[-1] == ("Raqqa", "pcode:SY11")
    assert found(full, "Jableh is in Jableh District, Latakia.")[-1] == ("Latakia", "pcode:SY06")
    # a quarter called a district is no unit: its city follows
    assert found(full, "It lies in the al-Sukkari district, Aleppo.")[-1] == ("Aleppo", "gn:170063")


def test_geoparse__a_capital_that_qualifies_a_title_the_index_lacks_is_the_governorate(full: Gazetteer) -> None:
    # an encyclopedia's title "village (governorate)" for a village the index lacks
    assert found(full, "سويدية كبيرة (الرقة)\nسويدية كبيرة قرية سورية") == [("الرقة", "pcode:SY11")]
    # an infobox's header closing with its empty cells is such a title too
    assert found(full, "زمرين (طرطوس) | |\n---|---|\nالبلد | سوريا |")[0] == ("طرطوس", "pcode:SY10")
    assert found(full, "Foo Bar (Homs)\nFoo Bar is a village.") == [("Homs", HOMS_GOV)]
    # a quarter the index has keeps its city; inside a sentence the brackets are no title's
    assert found(full, "Al-Jdayde (Aleppo)\nA quarter.")[-1] == ("Aleppo", "gn:170063")
    assert found(full, "He was born there (Homs) in 1950.") == [("Homs", HOMS_CITY)]


def test_geoparse__a_ministry_s_directorate_named_after_a_governorate_is_the_governorate_s(full: Gazetteer) -> None:
    assert found(full, "بالتعاون مع مديرية صحة إدلب حملة لقاح") == [("إدلب", "pcode:SY07")]
    assert found(full, "قال مدير تربية حلب") == [("حلب", "pcode:SY02")]
    assert found(full, "the Idlib Health Directorate said") == [("Idlib", "pcode:SY07")]
    # a director of an office in the city says nothing of the governorate
    assert found(full, "قال مدير المكتب في حلب") == [("حلب", "gn:170063")]


def test_geoparse__the_dependencies_of_a_capital_are_its_governorate(full: Gazetteer) -> None:
    # Yaqut's "من أعمال حلب": among the dependencies (the province) of Aleppo
    assert found(full, "وهي قرية من أعمال حمص") == [("حمص", HOMS_GOV)]
    assert found(full, "من أعمال حلب") == [("حلب", "pcode:SY02")]


def test_geoparse__governate_is_a_spelling_of_governorate(full: Gazetteer) -> None:
    assert found(full, "fighting in the Raqqa governate") == [("Raqqa", "pcode:SY11")]
    assert found(full, "it was losing the entire governate of Raqqa") == [("Raqqa", "pcode:SY11")]


def test_geoparse__the_area_of_an_ancient_site_is_the_site(full: Gazetteer) -> None:
    # "منطقة" (district, area) before a site's name no district has is the site's area
    assert found(full, "ممتدة من حدود تركيا حتى منطقة أفاميا جنوباً") == [("أفاميا", "cur:apamea")]
    assert found(full, "في منطقة تدمر")[0][1] == "pcode:SY0405"  # a district of the name comes first


def test_geoparse__a_word_with_tanween_is_no_name(full: Gazetteer) -> None:
    # "دَّانًا" (indefinite, accusative) is no town Dana; a name's own vowel marks keep it
    assert found(full, "ولا يزال دَّانًا في القرية") == []
    assert found(full, "قصفت حمصَ") == [("حمصَ", "gn:169577")]


def test_geoparse__a_list_of_capitals_after_a_word_of_heading_names_the_cities(full: Gazetteer) -> None:
    cities = ["gn:170017", "gn:169577", "gn:170654"]
    assert [p for _, p in found(full, "طريق يتجه إلى الجنوب نحو حماة وحمص ودمشق")] == cities
    assert [p for _, p in found(full, "the road heads south towards Hama, Homs and Damascus")] == cities


def test_geoparse__clashes_and_an_insurgency_named_after_a_governorate_span_it(full: Gazetteer) -> None:
    assert found(full, "Part of the Daraa insurgency") == [("Daraa", "pcode:SY12")]
    assert found(full, "اشتباكات درعا 2021") == [("درعا", "pcode:SY12")]
    # clashes in a place are the place's
    assert found(full, "clashes in Daraa killed two") == [("Daraa", "gn:170905")]
    assert found(full, "اندلعت اشتباكات في درعا") == [("درعا", "gn:170905")]


def test_geoparse__a_direction_adjective_after_a_region_says_its_part(full: Gazetteer) -> None:
    # the eastern Qalamoun is a part of the mountains, named with its adjective
    assert found(full, "هجوم القلمون الشرقي في أبريل") == [("القلمون الشرقي", "cur:qalamun-mountains")]
    assert found(full, "في جبال القلمون الشرقي،") == [("جبال القلمون الشرقي", "cur:qalamun-mountains")]
    # two adjectives say a side of it (its north-western slope), which the mention does not name
    assert found(full, "في نهاية لحف جبل الزاوية الشمالية الغربية") == [("جبل الزاوية", "cur:jabal-zawiya-mountain")]
    # a village's name with one is still another village's, which the index may hold whole
    assert found(full, "قصفت الغارية الغربية") == []
    assert found(full, "قصفت الغارية الشرقية") == [("الغارية الشرقية", "cur:al-ghariyah-al-sharqiyah-town")]


def test_geoparse__a_list_of_villages_lies_in_one_governorate(full: Gazetteer) -> None:
    # al-Najiyah of Jisr al-Shughur's countryside (Idlib) is not in the index; Latakia's al-Najeya is no answer
    text = "بدأت فرق الدفاع المدني إزالة الألغام في قرى ريف جسر الشغور الغربي: الزعينية واشتبرق وبداما والناجية."
    assert [p for _, p in found(full, text)] == ["pcode:SY0704", "sa:720", "gn:171494"]
    # a list no word for villages opens may cross governorates: the border towns from Raqqa to Hasakah
    text = "The border follows the railway, passing Tell Abyad, Ras al-Ain, al-Darbasiyah and Amuda."
    assert [m[0] for m in found(full, text)] == ["Tell Abyad", "Ras al-Ain", "al-Darbasiyah", "Amuda"]


def test_geoparse__a_subdistrict_without_a_seat_town_stands_in_for_its_village(full: Gazetteer) -> None:
    # the index has al-Khashniyyeh (Quneitra) as a subdistrict only: "the village of al-Khashniyyeh" is it
    assert found(full, "أحد بيوت قرية الخشنية") == [("الخشنية", "pcode:SY140002")]
    match = full.resolve("قرية الخشنية")
    assert match is not None and match.place.id == "pcode:SY140002"
    assert "no village of that name" in match.explanation
    # a subdistrict whose seat town the index has is no stand-in: Tadmur's is Palmyra
    tadmur = full.resolve("village of Tadmur")
    assert tadmur is None or tadmur.place.kind != "subdistrict"


def test_geoparse__a_generic_word_before_a_name_opens_a_longer_name(full: Gazetteer) -> None:
    # "Tell Diban" is a hill in Diban, "كفر نبودة" is no Nubuda: the index lacks the longer names
    text = "Diban is a town in Deir ez-Zor. Part of it lies on a hill called Tell Diban."
    assert [m[0] for m in found(full, text)] == ["Diban", "Deir ez-Zor"]
    assert found(full, "Clashes near Khirbet Diban and Deir ez-Zor") == [("Deir ez-Zor", "gn:170794")]
    # so does a capitalised word in the construct state (-at, -et: Arabic's ة before a noun), no kind word
    assert found(full, "Jdeidet Talbiseh lies by Qatana.") == [("Qatana", "gn:165929")]  # no Talbiseh
    # after a village's kind word and a word nothing spotted, an Arabic span ends the village's name
    assert found(full, "توغل القسم الآخر نحو قرية صيدا الجولان وأقام حاجزاً وسطها.") == []  # no Golan
    assert found(full, "وقال إنها قرية بنواحي حلب من العواصم") == [("حلب", "gn:170063")]
    assert found(full, "يبلغ عدد القرى إلى 370 قرية أشهرها شيران")[0][0] == "شيران"
    # an Arabic opener that is also a name of its own (جديدة: the village al-Jadida) opens one all the same
    assert found(full, "قصفت قرية جديدة تلبيسة") == []
    text = "ISIL's Wilayat Homs and Maarat al-Numan"
    assert found(full, text) == [("Homs", HOMS_GOV), ("Maarat al-Numan", "gn:167611")]
    assert found(full, "That Homs fell surprised no one.")[0][0] == "Homs"  # a common English word is no construct
    # a name the index has whole is spotted whole
    assert found(full, "Shelling hit Tell Rifaat and Kafr Nabl")[0] == ("Tell Rifaat", "gn:163476")
    # أم is also "or": "حمص أم حماة" keeps Hama
    assert [m[0] for m in found(full, "هل الهجوم على حمص أم حماة")] == ["حمص", "حماة"]
    # رأس (head, cape) opens a village's name: "رأس عوج" in a list of Latakia's villages is no Awaj of Hama
    assert found(full, "وتتبع لها قرى الرفيعة، رأس عوج، دعتور") == []
    assert found(full, "مدينة رأس العين في الحسكة")[0] == ("رأس العين", "gn:165509")
    # ديار (the lands of) opens a region's name: "ديار ربيعة" is no village Rabi'ah
    assert found(full, "كانت عامودا من ديار ربيعة") == [("عامودا", "gn:173230")]
    # الشيخ / Sheikh opens a name (a place's or a man's): "منطقة الشيخ نبهان" (Latakia) is no Nabhan of Idlib
    assert found(full, "اقتحموا مواقع في منطقة الشيخ نبهان") == []
    assert found(full, "في قرية الشيخ مسكين")[0] == ("الشيخ مسكين", "gn:164328")
    assert found(full, "Sheikh Maqsoud was shelled")[0] == ("Sheikh Maqsoud", "cur:aleppo-sheikh-maqsood")
    # Wadi / وادي opens a valley's name: "Wadi Jabala" is no Jablah, "وادي منين" no town Manin
    assert found(full, "it is joined by the stream known as Wadi Jabala.") == []
    assert found(full, "ويمر فيها وادي منين") == []
    assert found(full, "Clashes in Wadi Barada")[0][1] == "cur:wadi-barada"
    # باب (gate) opens a gate's name: "باب تدمر", a gate of Homs, is no Palmyra
    assert found(full, "باب تدمر، ولا تزال بضعة أحجار منه قائمة") == []
    assert found(full, "عبر معبر باب السلامة")[0][1] == "cur:bab-al-salameh-crossing"
    # نهر (river) opens a river's name: "نهر عفرين" is the Afrin river, which the index lacks, not the town
    assert found(full, "يمر نهر عفرين في مدينة عفرين") == [("عفرين", "gn:174186")]
    assert found(full, "على ضفاف ونهر عفرين") == []
    # نبع (spring): "نبع الفيجة" is the spring, not the town Ain al-Fijah
    assert found(full, "يتدفق نبع الفيجة الذي يزود مدينة دمشق") == [("دمشق", "gn:170654")]
    # a name the index writes as one word is found written as two: "كفر سجنة" for كفرسجنة, "تل كلخ" for تلكلخ
    assert found(full, "اغتيل بين قريتي كفر سجنة والركايا")[0] == ("كفر سجنة", "sa:604")
    assert found(full, "قصفت الطائرات وتل كلخ") == [("تل كلخ", "gn:163533")]
    # with its article the generic word is a noun of its own: "النهر سد الفرات" (on the river, the Euphrates Dam)
    assert found(full, "أقيم على مجرى النهر سد الفرات")[0][1] == "cur:tabqa-dam"


def test_geoparse__a_namesake_next_to_a_village_the_text_names(full: Gazetteer) -> None:
    # al-Zahraa: a town 3 km from Nubl and a quarter of Aleppo, both in Aleppo governorate
    assert found(full, "الزهراء هي بلدة تابعة لناحية نبل في محافظة حلب")[0] == ("الزهراء", "sa:164")
    assert found(full, "تعرضت قرية الزهراء ومدينة نبل لحصار")[0] == ("الزهراء", "sa:164")
    # with no village near either namesake, the name stays undecided
    assert found(full, "الزهراء هي بلدة في محافظة حلب") == [("حلب", "pcode:SY02")]


def test_geoparse__the_centre_word_is_part_of_a_unit_s_name_and_the_castle_word_of_a_castle_s(full: Gazetteer) -> None:
    # OCHA calls the central district and subdistrict "مركز الرقة"; an infobox line gives the unit
    assert found(full, "المنطقة | مركز الحسكة |") == [("مركز الحسكة", "pcode:SY0800")]
    assert found(full, "\n الناحية مركز رأس العين\n") == [("مركز رأس العين", "pcode:SY080400")]
    assert found(full, "Markaz Rif Dimashq is a district") == [("Markaz Rif Dimashq", "pcode:SY0301")]
    # after other descriptive words too: "Markaz" does not come off a governorate's name (it gave Rif Dimashq)
    assert found(full, "towns of Markaz Rif Dimashq") == [("Markaz Rif Dimashq", "pcode:SY0301")]
    # the centre of a city is the city; a town that stands in for a central subdistrict the index lacks
    # answers for the subdistrict's name, "مركز" and all, as the district's answer does
    assert found(full, "تقع في مركز حمص") == [("حمص", "gn:169577")]
    assert found(full, "ناحية مركز تل أبيض") == [("مركز تل أبيض", "gn:163750")]
    assert found(full, "تتبع ناحية مركز حماة في منطقة مركز حماة") == [
        ("مركز حماة", "gn:170017"),
        ("مركز حماة", "pcode:SY0501"),
    ]
    # so is قلعة (castle) part of a castle's mention, its clitics not
    assert found(full, "قلعة أبو قبيس عام 2000") == [("قلعة أبو قبيس", "cur:abu-qubays-castle")]
    assert found(full, "وصلوا وبقلعة أبو قبيس") == [("قلعة أبو قبيس", "cur:abu-qubays-castle")]


def test_geoparse__an_arabic_infobox_label_with_its_article_glued_to_its_value(full: Gazetteer) -> None:
    text = "البلد سوريا\nالمحافظةدرعا\nالمنطقةالصنمين\nالناحيةالصنمين\nالسيطرة"
    # the district, then the town that stands in for the subdistrict the index lacks
    assert found(full, text) == [("درعا", "pcode:SY12"), ("الصنمين", "pcode:SY1202"), ("الصنمين", "gn:172469")]


def test_geoparse__the_centre_of_a_unit_named_with_its_unit_word_is_the_unit(full: Gazetteer) -> None:
    # "the administrative center of Nahiyat Diban": the centre is the town's; the mention is the subdistrict
    text = "Diban is the administrative center of Nahiyat Diban of Mayadin District."
    assert found(full, text)[1] == ("Diban", "pcode:SY090301")


def test_geoparse__the_golan_by_its_short_name(full: Gazetteer) -> None:
    assert found(full, "على الحدود مع الجولان المحتل") == [("الجولان", "cur:golan-heights")]
    assert found(full, "Israeli strikes on the Golan") == [("Golan", "cur:golan-heights")]
    assert found(full, "the Golani Brigade") == []


def test_geoparse__a_mountain_named_after_a_quarter_is_not_the_quarter(full: Gazetteer) -> None:
    # "جبل المزة" is the mountain above Mezzeh; "North New Aleppo" is still part of New Aleppo
    assert found(full, "تقع المزة على سفح جبل المزة") == [("المزة", "cur:damascus-mezzeh")]
    assert found(full, "New Aleppo consists of North New Aleppo and South New Aleppo.")[1][1] == "cur:aleppo-new-aleppo"


def test_geoparse__an_english_text_that_opens_with_a_governorate_names_it_bare_afterwards(full: Gazetteer) -> None:
    text = "Hama Governorate\nHama is one of the fourteen governorates. Fighting spread across Hama in 2019."
    assert [m[1] for m in found(full, text)] == ["pcode:SY05"] * 3
    # its capital is the city
    assert found(full, "Raqqa Governorate\nThe capital is Raqqa.")[-1] == ("Raqqa", "gn:172955")
    assert found(full, "Tartus Governorate is a governorate, with its capital being Tartus.")[-1] == (
        "Tartus",
        "gn:163345",
    )
    assert found(full, "Tartus Governorate\n- Seat: | Tartus |")[-1] == ("Tartus", "gn:163345")
    assert found(full, "Tartus Governorate. Tartus is the regional capital.")[-1] == ("Tartus", "gn:163345")
    assert found(full, "Tartus Governorate. Tartus is a large governorate.")[-1] == ("Tartus", "pcode:SY10")
    # so is a district's article: a later bare "Afrin" is the district
    text = "Afrin District\nAfrin District is a district of Aleppo Governorate. Violence in Afrin was minor."
    assert found(full, text)[-1] == ("Afrin", "pcode:SY0203")
    # a text that opens with the city, or a village's article, keeps the bare name the city's
    assert found(full, "Hama is a city. Hama Governorate surrounds Hama.")[-1] == ("Hama", "gn:170017")
    text = "Kafr Zita is a town in Hama Governorate, 30 km north of Hama."
    assert found(full, text)[-1] == ("Hama", "gn:170017")
    # Arabic names the governorate with محافظة throughout: a bare حماة is the city
    assert found(full, "محافظة حماة\nزار الوزير حماة أمس")[-1] == ("حماة", "gn:170017")


def test_geoparse__a_road_s_verb_before_a_list_names_cities(full: Gazetteer) -> None:
    text = "the M5 highway, which connects Aleppo, Hama, and Homs to Damascus."
    assert [m[1] for m in found(full, text)] == ["gn:170063", "gn:170017", "gn:169577", "gn:170654"]
    # a list of four governorates' names with no such word stays the governorates
    assert found(full, "Airstrikes hit Aleppo, Idlib, Hama and Homs")[0] == ("Aleppo", "pcode:SY02")


def test_geoparse__a_news_outlet_named_after_a_place_is_no_mention(full: Gazetteer) -> None:
    assert found(full, "Suwayda 24 reported clashes in Shahba, As-Suwayda.")[0] == ("Shahba", "gn:164626")
    assert found(full, "نقلت شبكة دير الزور 24 عن مصادر محلية") == []
    assert found(full, "the Raqqa Post said") == []
    # a number of hours or of people after a name is no outlet
    assert found(full, "killed in Idlib 24 hours ago") == [("Idlib", "gn:169389")]
    assert found(full, "قتل في إدلب 24 شخصا") == [("إدلب", "gn:169389")]


def test_geoparse__a_quarter_in_a_named_city_is_looked_for_there(full: Gazetteer) -> None:
    # the index has no such quarter in that city: the namesake elsewhere is no answer
    assert found(full, "في حي الصالحية بدير الزور") == [("دير الزور", "gn:170794")]
    assert found(full, "في حي الفيض بحماة") == [("حماة", "gn:170017")]
    # a town's quarter too, whatever the rest of the text names (a news report: "حي القصور في بانياس", a
    # quarter of Banyas, gave Homs's al-Qusur once the text had named Homs)
    text = "سقط ضحايا في حي القصور في بانياس. وشملت المجازر محافظات طرطوس وحمص وحماة."
    assert "القصور" not in dict(found(full, text))
    assert dict(found(full, "سقط ضحايا في حي القصور في حمص"))["القصور"] == "sa:517"
    # a town standing in for a quarter must lie in a city the text names
    text = "نظمت شرطة المرور في حماة السير في أحياء الحاضر وباب قبلي"
    assert found(full, text) == [("حماة", "gn:170017"), ("باب قبلي", "sa:314")]
    # ... and so is it for the quarter's name elsewhere in the text, unless a settlement's word asks for it
    text = (
        "حي الحاضر (حماة)\nمنطقة الحاضر يقع في الوسط الشمالي لمدينة حماة الواصل بين حماة وحلب. وجدت منطقة"
        " «الحاضر» في حماة لتكون معلماً. وتسمية الحاضر من تاريخ المدينة."
    )
    assert "gn:170137" not in {place for _, place in found(full, text)}
    # but a village by a town the text names is that quarter of the town, all through the text
    text = "منظر عام لحي عين العروس\nعين العروس هي الحي الجنوبي لمدينة تل أبيض في محافظة الرقة. وتقع عين العروس"
    assert [t for t, p in found(full, text) if p == "cur:ain-al-arous-village"] == ["عين العروس", "عين العروس"]
    text = "حي الحاضر في حماة. وقصفت الطائرات بلدة الحاضر في ريف حلب"
    assert ("الحاضر", "gn:170137") in found(full, text)
    # "and the city of Hama" binds nothing: the Houla plain of Homs stays in a list that ends with Hama
    text = "يطل على مدينة حمص وسهل الحولة وكفر بهم ومدينة حماة"
    assert ("الحولة", "cur:houla-region") in found(full, text)
    # ب before a governorate binds a town as "في" does
    assert found(full, "قصف بلدة كفرنبل بإدلب") == [("كفرنبل", "gn:168661"), ("إدلب", "pcode:SY07")]


def test_geoparse__an_arabic_direction_adjective_after_a_village_makes_another_village(full: Gazetteer) -> None:
    # al-Maliha al-Sharqiyah (Daraa) is not al-Maliha of Rif Dimashq; the index lacks it
    assert found(full, "في بلدة المليحة الشرقية بريف درعا") == [("درعا", "pcode:SY12")]
    # a name the index has whole is spotted whole; without the article the word says where
    buwaydah = ("البويضة الشرقية", "cur:al-buwaydah-al-sharqiyah-village")
    assert found(full, "بلدة البويضة الشرقية بريف حمص")[0] == buwaydah
    assert found(full, "سرمدا شمالي إدلب")[0] == ("سرمدا", "cur:sarmada-town")
    assert found(full, "أحياء حلب الشرقية") == [("حلب", "gn:170063")]


def test_geoparse__a_direction_adjective_after_outskirts_or_countryside_says_their_part(full: Gazetteer) -> None:
    # the eastern outskirts, surroundings, entrance or countryside of a town: the adjective is theirs
    manbij = [("منبج", "gn:167357")]
    assert found(full, "سيطرت القوات على أطراف منبج الشرقية") == manbij
    assert found(full, "اشتباكات وبمحيط منبج الشرقي") == manbij
    assert found(full, "عند مدخل خربة غزالة الشماليّ") == [("خربة غزالة", "gn:168120")]
    assert found(full, "قصف في ريف داعل الشمالي") == [("داعل", "gn:170959")]
    # "ديرالزور" glued, as many Deir ez-Zor outlets write it, is the governorate's name too
    assert found(full, "قصف في ريف ديرالزور الشرقي") == [("ديرالزور", "pcode:SY09")]
    # a settlement's word between: a masculine adjective agrees with ريف, not with a village's name
    assert found(full, "قصف بريف مدينة عين عيسى الغربي")[0] == ("عين عيسى", "gn:172134")
    assert found(full, "قصف على أطراف بلدة الغارية الشرقية")[0][1] == "cur:al-ghariyah-al-sharqiyah-town"
    # after a word for a quarter, the adjective says the quarter's part ("the northern Deir Baalbah")
    assert found(full, "هي حي دير بعلبة الشمالي في مدينة حمص")[0] == ("دير بعلبة", "sa:516")
    # without such a word the adjective still makes another village's name
    assert found(full, "في بلدة المليحة الشرقية بريف درعا") == [("درعا", "pcode:SY12")]
    # romanised, too: "al-Ghariyah al-Gharbiyah" is neither al-Ghariyah nor a quarter al-Gharbiyah
    assert found(full, "west of al-Ghariyah al-Gharbiyah and Saida") == []
    assert found(full, "in al-Sharqiyah quarter of Hama")[0] == ("al-Sharqiyah", "sa:333")
    # news write the adjective capitalised without its article: "Maliha Sharqiyah" (Daraa) is no Maliha of
    # Rif Dimashq, and after a name the index lacks it is no quarter of Hama
    assert found(full, "Shelling hit Maliha Sharqiyah yesterday.") == []
    # a capitalised word that is no common one before a village's name begins a longer name the index
    # lacks ("Qabab Abu Qalqal" is no Abu Qalqal), not before a governorate's name, nor a people's word
    assert found(full, "clashes around the town of Qabab Abu Qalqal, south of Manbij")[0][0] == "Manbij"
    assert [t for t, _ in found(full, "The Sochi Idlib memorandum created a demilitarised zone.")] == ["Idlib"]
    assert found(full, "Regime shelling targeted Sunni Talbiseh on Monday.") == [("Talbiseh", TALBISEH)]
    # a colour after the name makes another village, too: al-Saan al-Aswad (Homs) is no al-Saan of Hama
    assert found(full, "كما تعرضت قرية السعن الأسود للقصف") == []
    # a particle with its conjunction before the name is a particle all the same ("وإلى": and to)
    assert found(full, "وإلى السعن الأسود وحوش حجو تعرضت القريتين للقصف") == [("القريتين", "gn:173361")]
    assert found(full, "تعرضت قرية القبير الصغيرة للقصف")[0][0] == "القبير"  # "small" describes it
    assert found(full, "the Sheikh Yassin, the Huwayqah Sharqiya and the Knamat neighbourhoods") == []


def test_geoparse__review_9_governors_basins_dailies_and_family_names(full: Gazetteer) -> None:
    # the governors of two governorates govern the governorates
    found_ids = [m[1] for m in found(full, "The governors of Idlib and Aleppo met in Damascus")]
    assert found_ids == ["pcode:SY07", "pcode:SY02", "gn:170654"]
    assert [m[1] for m in found(full, "اجتمع محافظا حلب وإدلب")] == ["pcode:SY02", "pcode:SY07"]
    # the Yarmouk basin (Daraa) is no camp of Damascus
    assert found(full, "Israeli forces entered the Yarmouk Basin in Daraa countryside") == [("Daraa", "pcode:SY12")]
    assert found(full, "توغلت القوات في حوض اليرموك بريف درعا الغربي") == [("درعا", "pcode:SY12")]
    # the state daily is no city
    assert found(full, "the daily Al-Thawra reported") == []
    # a family name made from a place's name
    assert found(full, "The Homsi brothers were arrested in Homs") == [("Homs", "gn:169577")]


def test_geoparse__a_student_or_a_writer_before_a_given_name_and_a_family_name(full: Gazetteer) -> None:
    # الطالبة (the student) is a title as الناشطة is: دانا and نوى are her given name
    assert found(full, "قالت الطالبة دانا الأحمد") == []
    assert found(full, "قالت الطالبة نوى الأحمد") == []
    # a title before a town with no family name after it leaves the town
    assert found(full, "غادر الناشط سراقب بعد تلقيه تهديدات") == [("سراقب", "gn:164816")]


def test_geoparse__the_villages_of_a_mountain_are_in_the_mountain(full: Gazetteer) -> None:
    # "villages of" asks for no village called Jabal al-Akrad: the villages lie in the mountain area
    text = "Villages of Jabal al-Akrad such as Kinsabba and Salma received water."
    assert found(full, text)[0] == ("Jabal al-Akrad", "cur:jabal-al-akrad-mountain")


def test_geoparse__libya_s_homs_is_not_syria_s(full: Gazetteer) -> None:
    assert found(full, "Migrants drowned off the Libyan town of Homs") == []
    assert found(full, "Homs, Libya, was hit by floods") == []
    assert found(full, "Floods hit Homs") == [("Homs", "gn:169577")]


def test_geoparse__a_table_s_latin_and_arabic_columns_glued_together(full: Gazetteer) -> None:
    text = "English NameArabic NamePopulation\nDeir Qanunدير قانون4,213Ain al-Fijah"
    assert found(full, text)[:2] == [("Deir Qanun", "cur:deir-qanun-village"), ("دير قانون", "cur:deir-qanun-village")]


def test_geoparse__an_area_word_before_a_plain_and_a_name_with_its_kind_word(full: Gazetteer) -> None:
    # "منطقة سهل الغاب": the area of the plain, not the district the index also calls الغاب
    assert found(full, "أثر كبير على منطقة سهل الغاب إذ أصبحت") == [("سهل الغاب", "cur:ghab-plain")]
    # a name that holds its kind word keeps its span before another kind word
    assert found(full, "the Tishrin Dam reservoir is also fed by the Sajur") == [("Tishrin Dam", "cur:tishrin-dam")]


def test_geoparse__review_10_prose_people_clans_and_sentence_openers(full: Gazetteer) -> None:
    # a man's name, a clan, a people's adjective are no places
    assert found(full, "Rashid al-Din Sinan led the Ismailis from Masyaf.") == [("Masyaf", "gn:167046")]
    assert found(full, "Salah al-Din district of Aleppo")[0] == ("Salah al-Din", "sa:67")
    assert found(full, "the Albu Kamal clan lives near Abu Kamal") == [("Abu Kamal", "gn:174448")]
    # a fighting unit's name: a brigade, battalion or regiment named after a place is no mention of it
    text = "Units involved: Maarrat al-Nu'man Martyrs Brigade, Hama Brigade. They fought in Maarrat al-Nu'man."
    assert found(full, text) == [("Maarrat al-Nu'man", "gn:167611")]
    # a name before "son of" is a man's given name: a Ghassanid king, an imam
    assert found(full, "named after the phylarch Jabala ibn al-Harith, near Jableh") == [("Jableh", "gn:169304")]
    assert found(full, "مقام ينسب إلى زين العابدين بن علي بن أبي طالب") == []
    assert found(full, "the Hurrian city of Urkesh") == [("Urkesh", "cur:urkesh-tell-mozan")]
    # a gorge is no camp of Damascus
    assert found(full, "on the Yarmouk gorge west of Daraa") == [("Daraa", "gn:170905")]
    # a preposition opening a sentence is no given name; "the road" after a name is the sentence's
    assert found(full, "From al-Rai to Qamishli the border follows the railway.")[0] == ("al-Rai", "gn:169138")
    assert found(full, "From Homs the road climbs west.") == [("Homs", "gn:169577")]
    # a village's stub that names its governorate first keeps the bare capital the city
    text = "Al-Naimah is a town in the Daraa Governorate east of Daraa."
    assert found(full, text) == [
        ("Al-Naimah", "cur:al-naimeh-village"),
        ("Daraa", "pcode:SY12"),
        ("Daraa", "gn:170905"),
    ]
    # the Kurdish word for a governorate stays out of the span, as "Governorate" does
    text = "Aleppo Governorate (Kurdish: Parêzgeha Helebê) is a governorate."
    assert found(full, text) == [("Aleppo", "pcode:SY02"), ("Helebê", "pcode:SY02")]


def test_geoparse__names_inside_groups_set_phrases_and_railways(full: Gazetteer) -> None:
    # an armed group named after its town is no mention of the town
    council = "The al-Bab Military Council, modelled after the Manbij Military Council, took villages near Manbij."
    assert found(full, council) == [("Manbij", "gn:167357")]
    assert found(full, "the Tel Rifaat Revolutionaries Battalion") == []
    # Iraq's Sinjar names a unit (an encyclopedia's infobox: it gave the town Sanjar of Idlib)
    text = "Combatant1: Syrian Democratic Forces, International Freedom Battalion, Sinjar Resistance Units"
    assert found(full, text) == []
    # in lower case too, as an infobox's parenthesis writes it; "the military council of Aleppo" keeps the city
    assert found(full, "Commander1: Col. Abdul Jabbar al-Oqaidi (Aleppo military council)") == []
    # an army named after a place is a group too, but not an army base, hospital or commander
    assert found(full, "a former leader of the pro-opposition Yarmouk Army Group") == []
    assert found(full, "Ahmed Abu Zeid (Homs Army commander)") == [("Homs", HOMS_GOV)]
    # "servant of" opens a given name: "Abdul-Aziz" is no Azaz
    assert found(full, "The injured are Arin Abdul-Aziz al-Hassan and Miran Salah.") == []
    assert found(full, "قال عبد العزيز الحسن") == []
    assert found(full, "the military council of Aleppo") == [("Aleppo", "gn:170063")]
    assert found(full, "Combatant1: Qalamoun Shield Forces") == []
    # a saint's name after "St.": a church's, not the town Sibbeh
    assert found(full, "three churches (St. John, St. Saba, and St. Boutros) in Marmarita") == [("Marmarita", "sa:501")]
    # a deity's after "god" (an encyclopedia excerpt: "the Semitic god Bel" gave the village Bel)
    assert found(full, "The river was named for the Semitic god Bel.") == []
    assert found(full, "The village of Bel lies near Aleppo.")[0] == ("Bel", "sa:104")
    liberation = "Clashes between the Afrin Liberation Forces and the Turkish army near Tell Rifaat."
    assert found(full, liberation) == [("Tell Rifaat", "gn:163476")]
    # an early Islamic province (jund) named after a city is neither the city nor its namesake village
    assert found(full, "It became part of Jund Qinnasrin, north of Hama.") == [("Hama", "gn:170017")]
    assert found(full, "كانت جزءاً من جند دمشق") == []
    assert found(full, "It lay in Qinnasrin, south of Aleppo.")[0] == ("Qinnasrin", "cur:qinnasrin")
    # Arabic set phrases: the door, all fields, an armed group, an outlet
    assert found(full, "أعاد المجلس المحلي في مدينة الباب فتح الباب أمام المتقدمين") == [("الباب", "gn:174018")]
    assert found(full, "وأكدت الحكومة أن الباب مفتوح أمام المستثمرين") == []
    assert found(full, "وقال الخبير إن الميادين كافة تحتاج إلى إصلاح") == []
    assert found(full, "تقدمت قوات مجلس منبج العسكري في ريف منبج الغربي") == [("منبج", "pcode:SY0205")]
    assert found(full, "أعلن لواء ثوار الرقة انضمامه إلى قسد") == []
    assert found(full, "نشرت حملة الرقة تذبح بصمت صوراً للإعدامات") == []
    # the clock's hands: "باتجاه عقارب الساعة" (clockwise) is no village Aqarib, "قرية عقارب" is
    assert found(full, "الصور باتجاه عقارب الساعة من الأعلى") == []
    assert found(full, "هجوم على قرية عقارب")[0][0] == "عقارب"
    # "معربا عن خشيته": expressing his fear, not the town Maaraba; the town keeps its name
    assert [t for t, _ in found(full, "قال إن القصف عنيف، معربا عن خشيته من اقتحام الحي")] == []
    assert found(full, "دخلت القوات بلدة معربا عن طريق التل")[0] == ("معربا", "cur:maaraba-rif-dimashq-town")
    # a sheikh's given name after الشيخ: a hill named after him, not Mount Hermon
    assert found(full, "يحيط بها من الشمال جبل الشيخ محمد الطويل") == []
    assert found(full, "على سفوح جبل الشيخ الذي يتصدر المنظر") == [("جبل الشيخ", "cur:mount-hermon")]
    # a railway's or a train's name: the Hejaz is Arabia, not the quarter al-Hijaz of Damascus
    assert found(full, "سكة حديد الحجاز أو خط حديد الحجاز") == []
    assert found(full, "وجود محطة قطار الحجاز فيها") == []
    assert found(full, "the Hejaz Railway reached Daraa in 1908") == [("Daraa", "gn:170905")]


def test_geoparse__an_adjective_of_the_first_name_in_a_binding_gap(full: Gazetteer) -> None:
    # "the ancient site of Qatna in the Homs countryside" binds Qatna to Homs: not Qatana of Rif Dimashq
    assert found(full, "موقع قطنا الأثري في ريف حمص") == [("حمص", "pcode:SY04")]


def test_geoparse__arabic_names_of_famous_ancient_sites(full: Gazetteer) -> None:
    assert found(full, "الرقم المكتشفة في مملكة إيبلا في تل مرديخ")[0] == ("إيبلا", "cur:ebla-archaeological-site")
    assert found(full, "اكتشفت الأبجدية في أوغاريت") == [("أوغاريت", "cur:ugarit")]
    assert found(full, "آثار دورا أوروبوس قرب البوكمال")[0] == ("دورا أوروبوس", "cur:dura-europos")


def test_geoparse__a_name_the_text_declares_is_its_place_each_time(full: Gazetteer) -> None:
    jirud, salkhad, izra, furqlus = "gn:169113", "gn:164917", "gn:169341", "gn:170340"
    text = "In Roman times, Jairoud was known as Geroda. The road from Geroda ran north."
    assert [(t, p) for t, p in found(full, text) if t == "Geroda"] == [("Geroda", jirud), ("Geroda", jirud)]
    assert ("Zorabene", izra) in found(full, "Izraa, (Zorava, Zorowa or Zorabene) was a Canaanite city.")
    text = 'Furqlus was known as "Betproclis" or "Betroclus," which were Greek transliterations.'
    assert {("Betproclis", furqlus), ("Betroclus", furqlus)} <= set(found(full, text))
    text = "Kafr Buhum (Arabic: كفر بهم, Syriac: ܟܦܪ ܒܚܡ, Kafar Bouhoum) is a town in Hama."
    assert ("Kafar Bouhoum", "gn:168708") in found(full, text)
    # "also Romanized" and "also transliterated" label a spelling, their word no part of it (an encyclopedia
    # excerpt gave the span "Romanized Sheikh Saad")
    text = "Al-Shaykh Saad (Arabic: الشيخ سعد; also Romanized Sheikh Saad) is a town in Daraa."
    assert ("Sheikh Saad", "cur:al-shaykh-saad-town") in found(full, text)
    assert found(full, "also Romanized Sheikh Saad;") == [("Sheikh Saad", "cur:al-shaykh-saad-town")]
    # a parenthesis of common words alone declares nothing, unless quoted (an encyclopedia excerpt: a locator
    # map's caption, "Jebel Bishri (Near East)", made "Near East" a name of the mountain)
    assert [t for t, _ in found(full, "Location of Jebel Bishri (Near East). Trade in the Near East.")] == [
        "Jebel Bishri"
    ]
    text = 'Hawash is the largest village in Wadi al-Nasara ("Valley of Christians") region.'
    assert ("Valley of Christians", "cur:wadi-al-nasara") in found(full, text)
    # a verb of naming after a preposition's object names the sentence's subject (a news report: "مدنياً آخر
    # من بلدة “أم ولد” أيضاً يدعى “معتز...”", another civilian from Umm Walad named Muataz, made him the town)
    text = "وأضاف المراسل أن مدنياً آخر من بلدة “أم ولد” أيضاً يدعى “معتز حمد يوسف الرفاعي” فُقد"
    assert found(full, text) == [("أم ولد", "cur:umm-walad-town")]
    text = "صلخد أو صرحد مدينة في محافظة السويداء. وكانت قلعة صرحد، تحرس الطريق."  # an Arabic comma ends a word
    assert [t for t, p in found(full, text) if p == salkhad] == ["صلخد", "صرحد", "صرحد"]
    assert found(full, "عضو مركز حمص الإعلامي، فإن القصف طال تلبيسة") == [("تلبيسة", TALBISEH)]
    text = "صلخد أو صرحد مدينة في محافظة السويداء. وكانت قلعة بصرحد تحرس الطريق."
    assert [(t, p) for t, p in found(full, text) if t == "صرحد"] == [("صرحد", salkhad), ("صرحد", salkhad)]
    text = "المسمية (كان اسمها قديماً فاينا) بلدة سورية."
    assert ("فاينا", "gn:173462") in found(full, text)
    match = next(m.match for m in full.geoparse(text) if m.text == "فاينا")
    assert any("فاينا" in s and "المسمية" in s for s in match.signals)  # the explanation names the declaration


def test_geoparse__no_name_is_declared_by_a_dateline_a_citation_or_a_clause(full: Gazetteer) -> None:
    assert [t for t, _ in found(full, "Damascus (SANA) - Clashes went on.")] == ["Damascus"]
    text = "Opposition fighter in Al-Yarmouk Camp (Asharq Al-Awsat)\nDamascus - Asharq Al-Awsat\nWith the end..."
    assert [t for t, _ in found(full, text)] == ["Al-Yarmouk Camp", "Damascus"]  # a photo's credit, an outlet
    text = "وأفاد مراسل بلدي نيوز في درعا (حذيفة حلاوة) أن الطائرات قصفت نوى"
    assert [t for t, _ in found(full, text)] == ["درعا", "نوى"]  # the correspondent's name
    text = "Mosaics were found within Nawa (A. Reifenberg, 'Ancient Hebrew Arts', 1952)."
    assert [t for t, _ in found(full, text)] == ["Nawa"]
    text = "The ancient city north of Jarablus (half of which is now in Turkey) was called Karkemish."
    assert "Karkemish" not in [t for t, _ in found(full, text)]  # Jarablus is no subject: "north of" it
    text = "هجوم في محافظة ريف دمشق (الحرب الأهلية السورية) والتدخل العسكري"
    assert all("الحرب" not in t for t, _ in found(full, text))
    text = "الميادين مدينة سورية تابعة لمحافظة دير الزور، وكانت سابقا تسمى الرحبة."
    assert ("الرحبة", "pcode:SY09") not in found(full, text)  # the governorate is no subject of "تسمى"
    text = "تقع القنيطرة قرب خط وقف إطلاق النار، واسمها يعني «الجسر الصغير»."
    assert all("الجسر" not in t for t, _ in found(full, text))  # "its name means": no name
    text = "ترجم لكل من نزل دمشق أو اجتاز بنواحيها من أعلام حمص"
    assert all("اجتاز" not in t for t, _ in found(full, text))  # "or passed by its outskirts": a clause
    text = "Jairoud (also called Tharbeso) and al-Nabk (also called Tharbeso) lie north of Damascus."
    assert "Tharbeso" not in [t for t, _ in found(full, text)]  # declared for two places: neither


def test_geoparse__an_article_of_one_letter_and_a_hyphen(full: Gazetteer) -> None:
    # Syria Direct writes the assimilated article "a-": Jisr a-Shughour is Jisr al-Shughur, not the
    # village Shughour; "a-Raqqa" is not Ariqa of As-Suwayda
    assert found(full, "displaced from Jisr a-Shughour in Idlib")[0] == ("Jisr a-Shughour", "gn:169023")
    assert found(full, "Fighting in a-Raqqa and Deir e-Zor.") == [("a-Raqqa", "gn:172955"), ("Deir e-Zor", "gn:170794")]
    assert full.resolve("a-Raqqa").place.id == "gn:172955"  # type: ignore[union-attr]
    assert found(full, "It was a Talbiseh family.") == [("Talbiseh", "gn:163779")]  # a lone "a" stays a word
    # after a digit, a quote or a hyphen the letter is no article (a random draw found "3a-Z")
    assert Words("3a-Z").article == Words("'a-Z").article == [False, False]
    assert Words("a-Z").article == [True, False]


def test_geoparse__a_name_shortened_after_the_text_gave_it_with_its_adjective(full: Gazetteer) -> None:
    text = "على الطريق بين المسيفرة والغارية الشرقية. وكانوا في طريقهم إلى مشفى في بلدة الغارية."
    short = [m for m in full.geoparse(text) if m.text == "الغارية"]
    assert [m.match.place.id for m in short] == ["cur:al-ghariyah-al-sharqiyah-town"]  # not Gharyeh (As-Suwayda)
    assert "short for" in short[0].match.explanation
    # alone, or after two places named so, the short name is answered on its own
    alone = "وكانوا في طريقهم إلى مشفى في بلدة الغارية."
    two = "قصف على الغارية الشرقية والغارية الغربية. وكانوا في طريقهم إلى مشفى في بلدة الغارية."
    for t in (alone, two):
        assert all("short for" not in m.match.explanation for m in full.geoparse(t) if m.text == "الغارية")


def test_geoparse__a_landmark_of_a_town_named_with_the_town_s_word(full: Gazetteer) -> None:
    # "the hospital of the town of Ain Issa": the town is named, whatever the index knows of its hospital
    assert [t for t, _ in found(full, "ونقل الجرحى إلى مستشفى بلدة عين عيسى، إلى جانب")] == ["عين عيسى"]
    assert found(full, "نقل إلى مشفى مدينة إدلب الوطني") == [("إدلب", "gn:169389")]
    assert found(full, "استهدف القصف جامع بلدة تلبيسة") == [("تلبيسة", "gn:163779")]
    assert found(full, "Regime forces captured the mountain town of Salma on January 12.") == [("Salma", "sa:760")]
    # "شارعي الجلاء والمحافظة": the two streets, no quarter al-Jalaa of Hama; "شوارع صلنفة" are Slinfah's
    assert found(full, "واستهدفت الغارة شارعي الجلاء والمحافظة وسط المدينة") == []
    assert found(full, "تمتلئ شوارع صلنفة بالسياح") == [("صلنفة", "gn:164052")]


def test_geoparse__a_compass_word_of_the_countryside_binds(full: Gazetteer) -> None:
    # "in the southern countryside of Aleppo" binds as "in Aleppo province" does: no Aziziyah of Hama
    text = "Five soldiers were killed in the village of Aziziya in the southern countryside of Aleppo."
    assert all(p.startswith("pcode:SY02") or p == "gn:170063" or "Aleppo" in full.place(p).governorate.name
               for _, p in found(full, text))  # fmt: skip
    assert found(full, "Clashes in Talbiseh, north of Homs.") == [("Talbiseh", TALBISEH), ("Homs", HOMS_CITY)]


def test_geoparse__a_governorate_after_the_glued_countryside_and_lil(full: Gazetteer) -> None:
    # "الريف الشرقي للرقة،": the span is "لرقة" (after the preposition), not one character more
    text = "نزحت عائلات من قرى في الريف الشرقي للرقة، باتجاه الضفة الجنوبية"
    (mention,) = full.geoparse(text)
    assert (mention.text, mention.match.place.id) == ("لرقة", "pcode:SY11")
    assert text[mention.start : mention.end] == "لرقة"


def test_geoparse__a_city_named_without_its_article_in_a_text_about_elsewhere(full: Gazetteer) -> None:
    # Arabic writes the city "القنيطرة": "قنيطرة" in a list of villages of al-Darbasiyah is a village
    text = "تعرضت قرى بريف الدرباسية للقصف، وهي: كربشك وملك وقنيطرة وخانكي"
    assert all(p != "gn:173334" for _, p in found(full, text))
    assert found(full, "قصف على مدينة القنيطرة") == [("القنيطرة", "gn:173334")]
    assert ("قنيطرة", "gn:173334") in found(full, "زار المحافظ قنيطرة وخان أرنبة والبعث في القنيطرة")


def test_geoparse__a_generic_word_before_a_name_with_its_article(full: Gazetteer) -> None:
    # "Ayn al Hamra" (Idlib) is no Hamra of Hama; "Hawsh al Sayyid Ali" (by Azaz) no quarter of Aleppo
    assert [t for t, _ in found(full, "The towns seized include A’yn al Hamra, Basnaqul and Muhambel.")] == ["Muhambel"]
    assert found(full, "They targeted the villages of Tell Maled and Hawsh al Sayyid Ali.") == []
    assert found(full, "وصل القصف إلى قرية حوش حجو") == []
    assert found(full, "Clashes in al-Rastan.") == [("al-Rastan", RASTAN)]


def test_geoparse__a_news_agency_s_name_names_it_throughout_the_text(full: Gazetteer) -> None:
    # AFP writes SANA "Sana": "the official Sana news agency" and "told Sana" are no As-Saan (Hama)
    text = "The official Sana news agency reported that forces deployed to Latakia. A source told Sana so."
    assert found(full, text) == [("Latakia", "gn:173576")]


def test_geoparse__a_party_named_after_a_place_is_no_mention(full: Gazetteer) -> None:
    text = "Upon instruction by the al-Baa'th Party, the Quneitra council warned families to return to Jaba."
    assert all(p != "cur:madinat-al-baath-town" for _, p in found(full, text))


def test_geoparse__a_distance_from_the_next_place_rules_out_a_namesake_far_away(full: Gazetteer) -> None:
    # the index's only Tal Khanzir lies in Hama, 300 km from Ras al-Ain: the village 21 km south of it
    # is another (the index lacks it); Mhardeh lies some 23 km from Hama, as said
    text = 'استهدف الهجوم قرية "تل خنزير" التي تبعد 21 كيلومتراً جنوبي رأس العين (سري كانيه)'
    assert all(p != "sa:426" for _, p in found(full, text))
    assert all(p != "sa:426" for _, p in found(full, "the village of Tal Khanzir, 13 miles south of Ras al-Ain"))
    assert ("Mhardeh", "gn:166742") in found(full, "Rockets hit Mhardeh, 25 km (15 miles) northwest of Hama city.")
    assert ("تل خنزير", "sa:426") in found(full, "قصف على قرية تل خنزير بريف حماة")
    # after "and" the distance measures the sentence's town: Damascus stays
    text = "Da'il is a town located on the road between Daraa and Damascus, located 14 kilometers north of Daraa."
    assert ("Damascus", "gn:170654") in found(full, text)


def test_geoparse__a_villages_list_binds_through_unknown_names_that_are_common_nouns(full: Gazetteer) -> None:
    # "والحمام" (al-Hammam; also "the bath") between al-Mansurah and its binding kept the list from
    # Raqqa: the text's Aleppo towns then made it the Mansoura of Aleppo
    text = (
        "وصلت العائلات إلى قرى المنصورة، وهنيدة، والحمام والهورة في الريف الغربي لمدينة الرقة، "
        "قادمة من مدن مسكنة والخفسة في الريف الشرقي لحلب"
    )
    assert ("المنصورة", "gn:8559276") in found(full, text)


def test_geoparse__two_villages_named_together_lie_in_one_governorate(full: Gazetteer) -> None:
    # "قريتي دير فول والسعن" (the two villages of) in northern Homs: al-Saan is not As-Saan of Hama
    text = (
        "شن الطيران غارات على مدينة الرستن في ريف حمص الشمالي، واستهدف قريتي دير فول والسعن. "
        "وقصفت قوات النظام أحياء الرستن شمالي حمص."
    )
    assert ("دير فول", "cur:deir-ful") in found(full, text)
    assert all(p != "gn:172515" for _, p in found(full, text))
    assert ("السعن", "gn:172515") in found(full, "استهدف القصف بلدة السعن في ريف حماة الشرقي")


AL_HUSN = "cur:al-husn-homs-village"


def test_geoparse__a_given_name_is_no_place_that_shares_its_consonants(full: Gazetteer) -> None:
    # al-Husn (al-Hisn), the village below the Krak, shares only consonants with Hassan; "Homsi" after
    # it, a nisba surname, once kept it from reading as a given name
    assert found(full, "Clashes in al-Husn, Homs.") == [("al-Husn", AL_HUSN), ("Homs", "pcode:SY04")]
    for text in (
        "In Homs, Hassan said the shelling went on all night.",
        "Shelling hit Talbiseh in Homs countryside, activist Hassan told AFP.",
        "A bus overturned on the Hama–Homs highway; the driver, Hassan Homsi, survived.",
        "A decree appointed Dr. Hassan al-Homsi, a surgeon from Tal Kalakh, as director of health in Homs.",
    ):
        assert all(p != AL_HUSN for _, p in found(full, text)), text


def test_geoparse__a_fort_is_no_village_al_husn(full: Gazetteer) -> None:
    # حصن (a fort) opens names: "هذا الحصن" (this fort) in a text on a castle is no village al-Husn
    assert found(full, "ويعد الأيوبيون أول من شرع ببناء هذا الحصن لمواجهة الخطر") == []
    assert all(p != AL_HUSN for _, p in found(full, "سلّم فرسان الإسبتارية حصن الأكراد إلى السلطان بيبرس"))
    assert ("الحصن", AL_HUSN) in found(full, "قصفت قوات النظام بلدة الحصن في ريف حمص الغربي")


def test_geoparse__a_minister_named_after_a_town_and_an_agency_after_its_word(full: Gazetteer) -> None:
    # the minister Mohammed Hassan Qatana is no town Qatana, and then neither is "Qatana said";
    # "news agency Sana" is SANA, no As-Saan (Hama)
    text = (
        "Dozens of fires were burning, Agriculture Minister Mohammed Hassan Qatana told a radio station. "
        "“Syria is witnessing this number of fires in a single day,” Qatana said. "
        "Official news agency Sana said fires burned homes in the coastal city of Banias."
    )
    assert [t for t, _ in found(full, text)] == ["Banias"]
    assert found(full, "Shelling hit Qatana, west of Damascus.")[0] == ("Qatana", "gn:165929")


def test_geoparse__two_places_in_parentheses_are_no_name_of_the_one_before(full: Gazetteer) -> None:
    # "محطة الدريكيش (الباشا والدلبة)": the lines a power station feeds, not another name of Dreikish
    text = "خرجت خطوط عن الخدمة: محطة الدريكيش (الباشا والدلبة)، ثم أعيدت الباشا والدلبة إلى الخدمة."
    assert found(full, text) == [("الدريكيش", "gn:170572")]


def test_geoparse__an_engineer_s_family_name_is_no_town(full: Gazetteer) -> None:
    # "المهندس غسان الجاسم" (engineer Ghassan al-Jasim): غسان is a common word, and "وأعلن الجاسم" is him too
    text = (
        "باشرت المديرية بتعزيل الشوارع في مدينة حرستا، وبيّن المهندس غسان الجاسم أن العمل مستمر. "
        "وأعلن الجاسم بدء العمل على محور عربين زملكا."
    )
    assert all(p != "gn:165997" for _, p in found(full, text))
    assert ("حرستا", "gn:169897") in found(full, text)
    assert ("حمص", "gn:169577") in found(full, "تضررت قبة كنيسة السيدة في حمص جراء القصف.")


def test_geoparse__a_district_s_countryside_binds_through_an_unknown_subdistrict(full: Gazetteer) -> None:
    # "قرية الزيارة بناحية شيراوا بريف عفرين": the Ziyarah of Afrin (Aleppo), not al-Ziyarah of Hama
    for text in ("قصفت القوات قرية الزيارة بريف عفرين", "سقطت القذائف قرب قرية الزيارة بناحية شيراوا بريف عفرين"):
        assert all(p != "gn:172027" for _, p in found(full, text)), text
    assert ("الزيارة", "gn:172027") in found(full, "قصفت القوات قرية الزيارة بريف حماة")


def test_geoparse__the_villages_of_a_plain_opened_by_its_own_mention(full: Gazetteer) -> None:
    # "قرى سهل الغاب، كالشريعة والحويز والحواش": al-Hawash of the Ghab, not Hawash of Homs
    text = (
        "شمل القصف معظم قرى سهل الغاب، كالشريعة و الحويز و العنكاوي والحواش و الحويجة ومدينة قلعة المضيق "
        "بريف حماة الغربي، ونزح الأهالي من ريف حماة."
    )
    assert all(p != "gn:173802" for _, p in found(full, text))
    assert ("الحويز", "sa:367") in found(full, text)


def test_geoparse__a_byline_s_author_and_a_town_named_before_its_relative(full: Gazetteer) -> None:
    # "زياد عدوان: المصدر" is the author, no village Adwan of Idlib; "بلدة الحصن التي" is the town
    text = "قتلى بقصف على بلدات في ريف حلب الشمالي\n\nزياد عدوان: المصدر\n\nتعرضت قرى جنوب شرق مدينة مارع لقصف مدفعي."
    assert all(p != "sa:527" for _, p in found(full, text))
    text = "شنت القوات هجوماً على بلدة الحصن التي توجد فيها قلعة الحصن الأثرية في ريف حمص"
    assert ("الحصن", AL_HUSN) in found(full, text)


def test_geoparse__a_city_listed_as_a_village_is_a_namesake(full: Gazetteer) -> None:
    # "قرى دوما والرامي والشبكي" in a report on As-Suwayda: the village Duma of Suwayda, not the city
    text = (
        "استعادت مجموعات مقاتلة من السويداء قرى في الريف الشرقي دخلها التنظيم. "
        "وأفاد مراسل عنب بلدي في السويداء أن التشكيلات العاملة في المحافظة استعادت قرى دوما والرامي والشبكي. "
        "وانتشرت الحركة في قريتي الرامي ودوما. وأصبحت قرى الريف الشرقي في محافظة السويداء خالية من التنظيم."
    )
    assert all(p != "gn:170592" for _, p in found(full, text))
    # "قرى جبلة وقرى طرطوس" (the villages of Jableh and of Tartus) keeps the city
    text = "استنفرت الأحياء القريبة من بانياس وساندهم شبيحة قرى جبلة وقرى طرطوس"
    assert ("جبلة", "gn:169304") in found(full, text)


def test_geoparse__a_respelt_village_of_another_governorate_in_a_villages_list(full: Gazetteer) -> None:
    # "the nearby villages of Kafraa, Shihet Hamah, Majdal, KafrEmim, Ma'rin" around Hama city: Ma'rin
    # is no Mariyan (Idlib), which only a spelling variant matched
    text = (
        "Some 6,900 families were displaced to Hama city, and 4,600 others to the nearby villages of Kafraa, "
        "Shihet Hamah, Majdal, Ma'ar Shahror, Kamhani, KafrEmim, Ma'rin, Kason Aljabl, and Teizine."
    )
    answers = found(full, text)
    assert ("Kafraa", "sa:382") in answers
    assert all(p not in ("sa:674", "sa:590") for _, p in answers)


def test_geoparse__a_quarter_in_a_compass_part_of_its_city(full: Gazetteer) -> None:
    # a quarter lies in the city: "a neighborhood in northeastern Aleppo" is no part of the governorate
    text = "Ashrafiyah is a neighborhood in northeastern Aleppo in northern Syria."
    assert ("Aleppo", "gn:170063") in found(full, text)
    assert ("Aleppo", "pcode:SY02") in found(full, "Rebels advanced in northern Aleppo on Monday.")
    assert ("Idlib", "pcode:SY07") in found(full, "Jisr al-Shughur is the seat of a district in the Idlib Governorate.")


def test_geoparse__the_desert_of_a_town_when_the_desert_s_name_matches_only_by_its_consonants(full: Gazetteer) -> None:
    # "بادية العشارة" (the desert of al-Asharah) found the Syrian Desert by its consonants only
    text = "اشتباكات عنيفة جرت على محاور في بادية العشارة بريف دير الزور"
    assert ("العشارة", "gn:174036") in found(full, text)


def test_geoparse__a_lone_town_of_a_list_in_a_far_governorate(full: Gazetteer) -> None:
    # "بلدتي الحيدرية وعش الورور" by al-Qusayr (Homs): not the Haydariyah of Aleppo, which borders no Homs
    text = (
        "سجل الجيش تقدما في محاولاته السيطرة على مدينة القصير. ارتفعت اعمدة الدخان في بلدة دمينة الغربية في ريف "
        "القصير، فيما شدد الجيش الحصار على مدينة القصير في ريف حمص. وقال الضابط: نفذنا هجوما متزامنا على بلدتي "
        "الحيدرية وعش الورور."
    )
    assert all(p != "sa:27" for _, p in found(full, text))
    assert ("الحيدرية", "sa:27") in found(full, "قصفت القوات بلدتي الحيدرية وعش الورور بريف حلب الشرقي")


def test_geoparse__an_arabic_compass_word_stays_out_of_a_facility_s_span(full: Gazetteer) -> None:
    # "جنوب سد تشرين" (south of the Tishrin Dam): the span is the dam's name, as "the eastern Qalamoun" is
    for text in ("سيطرت القوات على قرى رميلات وشاش (جنوب سد تشرين)", "وصلت القوات شمال مطار كويرس"):
        assert [t for t, _ in found(full, text)] in (["سد تشرين"], ["مطار كويرس"]), text


def test_geoparse__a_city_s_ancient_name_in_a_villages_list_elsewhere(full: Gazetteer) -> None:
    # "Arman" (Urman, As-Suwayda) in a list of Suwayda's villages is no Aleppo, which the Akkadians called so
    text = (
        "Protests continue in Al-Suwaidaa province. Villages and towns of Baka, Majadel, Salah, Samiea, "
        "Al-Mujemir, Arman and Harran in Al-Suwaidaa countryside witnessed protests. Qamisa village in the "
        "eastern countryside of Al-Suwaidaa witnessed a strike."
    )
    assert all(p != "gn:170063" for _, p in found(full, text))


def test_geoparse__one_tells_an_outlet_not_a_town(full: Gazetteer) -> None:
    # "speaking to Al Mayadeen" is the channel, not al-Mayadin of Deir ez-Zor
    text = "A Syrian source speaking to Al Mayadeen said Israeli forces destroyed two units near Quneitra."
    assert all(p != "gn:173480" for _, p in found(full, text))
    assert ("al-Mayadin", "gn:173480") in found(full, "The fighting in al-Mayadin killed five, a resident told AFP.")
    # at a sentence's start too (a news sentence); but one tells a place's people, or its governor
    text = "Speaking to Al-Mayadeen, Faisal Mekdad said Damascus would wait."
    assert found(full, text) == [("Damascus", "gn:170654")]
    assert found(full, "Officials told Aleppo residents to leave.") == [("Aleppo", "gn:170063")]
    assert found(full, "He told Raqqa's residents to evacuate.") == [("Raqqa", "gn:172955")]
    assert found(full, "In an interview with Homs governor Talal Barazi") == [("Homs", HOMS_GOV)]


def test_geoparse__a_dash_separated_villages_list_and_its_stray_throughout(full: Gazetteer) -> None:
    # "قرى وبلدات “باب الطاقة – الحويجة – كفرنبودة – الصخر – العريمة – اللطامنة”" in Hama: al-Arimah of
    # Hama (the index lacks it), not A'rima of Aleppo; nor later in the text, "كفرنبودة والعريمة"
    text = (
        "قصفت الطائرات الروسية قرى وبلدات “باب الطاقة – الحويجة – كفرنبودة – الصخر – العريمة – اللطامنة” في ريف "
        "محافظة حماة، وقرى “ترملا – القصابية – الهبيط” في ريف إدلب الجنوبي.\n\nكما قصفت المروحيات كفرنبودة "
        "والعريمة وتل الصخر في ريف حماة."
    )
    answers = found(full, text)
    assert all(p != "gn:174043" for _, p in answers)
    assert ("الحويجة", "sa:366") in answers


def test_geoparse__a_dateline_s_reporter_in_parentheses_is_no_name_of_the_place(full: Gazetteer) -> None:
    # "بلدي نيوز - حماة (شحود جدوع)": the outlet, the place and its reporter; Izraa's names still count
    text = "بلدي نيوز - حماة (شحود جدوع)\nشهدت بلدات ريف حماة الشرقي حركة نزوح كبيرة."
    assert [t for t, _ in found(full, text)] == ["حماة", "حماة"]
    assert ("Zorava", "gn:169341") in found(full, "Izraa (Zorava, Zorowa or Zorabene) is a town in Daraa.")
