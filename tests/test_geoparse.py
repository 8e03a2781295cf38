"""Geoparsing running text: spans, Arabic clitics, descriptors, bindings, document context, bad input."""

from __future__ import annotations

import pytest

from gazetteer import InvalidQueryError
from gazetteer.resolve import Gazetteer
from gazetteer.spot import spot_key, tokenize

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


def test_geoparse__a_local_binding_decides_a_shared_name(full: Gazetteer) -> None:
    # Al-Hamidiyah names places in several governorates: the text says which.
    tartus = full.geoparse("Clashes in Al-Hamidiyah, Tartus.")
    assert tartus and tartus[0].text == "Al-Hamidiyah" and tartus[0].match.place.governorate.pcode == "SY10"
    assert any("Tartus" in s for s in tartus[0].match.signals)


def test_geoparse__a_list_of_governorates_binds_nothing(full: Gazetteer) -> None:
    spans = found(full, "They lost ground in Aleppo, Hama and Homs.")
    assert [t for t, _ in spans] == ["Aleppo", "Hama", "Homs"]
    assert all(not pid.startswith("sa:") for _, pid in spans)


def test_geoparse__words_that_are_not_places_give_nothing(full: Gazetteer) -> None:
    for text in ("the town was quiet", "Bashar al-Assad met officials in Moscow and Doha.", "مدينة", ""):
        assert found(full, text) == [], text


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
    assert spot_key("Deir ez-Zor") == "deir zor" and spot_key("الرستن") == "رستن"
    assert spot_key("Homs Governorate") == "homs" and spot_key("مدينة") == "" and spot_key("Khan") == ""
    assert [t.keys for t in tokenize("وتلبيسة")] == [("وتلبيسه", "تلبيسه")]
    assert [t.article for t in tokenize("al-Rastan")] == [True, False]
