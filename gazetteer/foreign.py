"""Names of places outside Syria: a mention that is one of them is no misspelt Syrian place.

``sources/foreign_names.tsv`` lists the countries and the cities beyond the border that reports
about Syria name (Iraq, Lebanon, Amman, Erbil, Gaziantep, Doha...), in English and Arabic, each
with the page it was read on. A mention whose folded text is one of them may still be a Syrian
place of the very same name (الريحانية: Reyhanlı in Türkiye, a village of Latakia) but never
through a looser key: "Iraq" is not Arak, "Erbil" not Arbin, "China" not Shin, البصرة not Busra.
Geoparsing drops a spot whose words are such a name ("لبنان" is not ل + the village Banan).

>>> is_foreign("Iraq"), is_foreign("العراق"), is_foreign("والعراق"), is_foreign("بلبنان"), is_foreign("Talbiseh")
(True, True, True, True, False)
"""

from __future__ import annotations

import csv
from functools import cache

from .curated import curated_text
from .normalize import ARABIC_CLITICS, fold, fold_latin, is_arabic, strip_arabic_article

__all__ = ["FOREIGN_COUNTRIES", "FOREIGN_DEMONYMS", "is_foreign", "is_foreign_key"]


#: Countries beyond Syria's borders whose places reports about Syria name, in English and Arabic
#: (a place said to be in one, "Sinjar, Iraq", "صور جنوبي لبنان", is none of Syria's namesakes).
#: Not Türkiye, whose name follows Syrian places in "north of Aleppo, near Turkey" and "جنوب تركيا".
FOREIGN_COUNTRIES: tuple[str, ...] = (
    "Iraq", "Jordan", "Lebanon", "Israel", "Iran", "Egypt", "Yemen", "Gaza", "the West Bank", "Libya",
    "العراق", "الأردن", "لبنان", "إسرائيل", "إيران", "مصر", "اليمن", "غزة", "الضفة الغربية", "ليبيا",
)  # fmt: skip
#: The peoples' adjectives of those countries, English before a name ("the Iraqi town of Sinjar",
#: "Jordan's Aqaba") and Arabic after it ("مدينة العقبة الأردنية"). Not Turkish (Türkiye's posts stand
#: in Syrian towns: "نقطة مورك التركية"), not Palestinian (the Yarmouk camp is Syrian).
FOREIGN_DEMONYMS: tuple[str, ...] = (
    "Iraqi", "Jordanian", "Lebanese", "Israeli", "Iranian", "Egyptian", "Yemeni", "Saudi", "Kuwaiti", "Libyan",
    "العراقية", "العراقي", "الأردنية", "الأردني", "اللبنانية", "اللبناني", "الإسرائيلية", "الإسرائيلي",
    "الإيرانية", "الإيراني", "المصرية", "المصري", "اليمنية", "اليمني", "السعودية", "السعودي", "الليبية",
    "الليبي",
)  # fmt: skip


@cache
def _rows() -> list[dict[str, str]]:
    return list(csv.DictReader(curated_text("foreign_names.tsv").splitlines(), delimiter="\t"))


@cache
def _latin_keys() -> frozenset[str]:
    """The folded English names (:func:`fold_latin`: no Unicode tables, so a Latin query's first call stays cheap)."""
    return frozenset(fold_latin(row["name"]) for row in _rows() if row["lang"] != "ar") - {""}


@cache
def _arabic_keys() -> frozenset[str]:
    """The folded Arabic names, with and without their article."""
    keys: set[str] = set()
    for row in _rows():
        if row["lang"] == "ar":
            key = fold(row["name"])
            keys.update((key, strip_arabic_article(key)))
    return frozenset(keys) - {""}


def is_foreign(text: str) -> bool:
    """Whether ``text`` (a mention, or the words of a spot with their clitics) names a place outside Syria."""
    return is_foreign_key(fold(text))


def is_foreign_key(key: str) -> bool:
    """:func:`is_foreign` of a folded text (:func:`gazetteer.normalize.fold`)."""
    if key.isascii():
        return key in _latin_keys()
    if not is_arabic(key):
        return False
    keys = _arabic_keys()
    if key in keys or strip_arabic_article(key) in keys:
        return True
    return len(key) > 3 and key[0] in ARABIC_CLITICS and strip_arabic_article(key[1:]) in keys
