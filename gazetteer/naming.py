"""Names a place is known by: the core of a descriptive name, and the rules that choose a place's names.

When the index is written, a name with a descriptor also gives its core as a
name of the same place, flagged ``core``: admin words on any place ("ناحية مضايا"
→ "مضايا"), other words only on a place of their kind ("جامع الدالاتي" on a
landmark, "Hay X" on a neighbourhood, "مدينة حلب" on a city).

>>> core_name("Nahiyat Markaz Darayya", "town"), core_name("ناحية مضايا", "subdistrict")
('Darayya', 'مضايا')

The merge chooses a place's English ``name`` and Arabic ``name_ar`` with the helpers below
(:func:`choose_arabic`, :func:`is_oddity`...); ``docs/merging.md`` states the rules.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from .kinds import ADMIN_KINDS, FACILITY_CORE_KINDS, NATURAL_KINDS, POPULATED_KINDS, accepts
from .mention import is_compass, is_direction_adjective, is_facility_adjective, parse_mention, word_kind
from .model import Name
from .normalize import is_arabic, skeleton_key, variant_key

__all__ = [
    "CITY_KINDS",
    "arabic_display",
    "arabic_script_lang",
    "ascii_display",
    "choose_arabic",
    "core_name",
    "is_oddity",
    "tidy_latin",
    "usable_arabic",
    "with_core_names",
    "without_admin_prefix",
]


#: Kinds whose names give their core without the descriptive word: a settlement or a quarter is
#: named by its core ("Hay al-Midan" is "al-Midan"), a mosque or a roundabout too ("جامع الدالاتي"),
#: and the facilities of :data:`FACILITY_CORE_KINDS`.
CORE_KINDS = frozenset({*POPULATED_KINDS, "neighbourhood", "camp", "landmark", *FACILITY_CORE_KINDS})


def core_name(text: str, kind: str) -> str | None:
    """The name inside ``text`` when a descriptor fits a place of ``kind``, else ``None``.

    >>> core_name("Nahiyat Markaz Darayya", "town"), core_name("ناحية مضايا", "subdistrict")
    ('Darayya', 'مضايا')
    >>> core_name("جامع الدالاتي", "landmark"), core_name("Sasa Prison", "town"), core_name("Talbiseh", "town")
    ('الدالاتي', None, None)
    >>> core_name("Lake Assad", "region"), core_name("Tishrin Dam", "dam")
    (None, 'Tishrin')
    >>> core_name("Jirah Military Airbase", "airbase")
    'Jirah'
    >>> core_name("Great Mosque of Hama", "landmark")  # a phrase around a place's name: "Great" is no name

    A compass word or a directional adjective is part of the name, not a descriptor to take off:
    "ناحية الغوطة الشرقية" (the Eastern Ghouta subdistrict) is no "الغوطة", "Eastern Kwaires
    Subdistrict" no "Kwaires" (Kuweires is another town).

    >>> core_name("ناحية الغوطة الشرقية", "subdistrict"), core_name("Eastern Kwaires Subdistrict", "town")
    (None, None)

    Nor is a natural feature's word: the Mount Simeon District is named after the mountain, not
    "Simeon" (a saint).

    >>> core_name("Mount Simeon District", "district"), core_name("Al-Bab District", "district")
    (None, 'Al-Bab')
    """
    mention = parse_mention(text)
    if mention.name == mention.text or not mention.kind_hint:
        return None
    if any(is_compass(w) or is_direction_adjective(w) or word_kind(w) in NATURAL_KINDS for w in mention.descriptors):
        return None
    if mention.province_hint and mention.kind_hint not in ADMIN_KINDS:
        return None
    if mention.kind_hint in ADMIN_KINDS:
        return mention.name
    if kind in CORE_KINDS and kind in accepts(mention.kind_hint):
        return _without_facility_adjectives(mention.name) if kind in FACILITY_CORE_KINDS else mention.name
    return None


def _without_facility_adjectives(name: str) -> str:
    """An Arabic facility's name less the adjectives that close it: "الشعيرات الجوية" (of "قاعدة
    الشعيرات الجوية") is "الشعيرات", the town the base is named after, as "مطار الشعيرات" writes it.

    >>> _without_facility_adjectives("الشعيرات الجوية"), _without_facility_adjectives("الجوية")
    ('الشعيرات', 'الجوية')
    """
    words = name.split()
    while len(words) > 1 and is_facility_adjective(words[-1]):
        words.pop()
    return " ".join(words)


#: Kinds whose names a quarter's, a camp's or a landmark's core may not take: "Latakia University"
#: and "Latakia Camp" do not make their places a "Latakia".
CITY_KINDS = frozenset({*ADMIN_KINDS, "city"})


def with_core_names(names: Sequence[Name], kind: str, taken: frozenset[str] = frozenset()) -> tuple[Name, ...]:
    """``names`` and, after them, each one's core (:func:`core_name`) not already there (flag ``"core"``),
    then the joined spelling of an Arabic "كفر X" or "بيت X" (:func:`joined_name`, flag ``"joined"``).

    "ناحية مضايا" also gives "مضايا", so a bare name finds the unit (and, through its seat
    link, the town) even when no source spells it alone. Derived when the index is written,
    from the names being written. ``taken``: variant keys of the names of cities and admin
    units, which the core of a place of another kind (a quarter, a camp, a landmark) never is.

    >>> [n.text for n in with_core_names([Name("Latakia University", "en", "x")], "landmark")]
    ['Latakia University', 'Latakia']
    >>> [n.text for n in with_core_names([Name("Latakia University", "en", "x")], "landmark",
    ...                                  frozenset({variant_key("Latakia")}))]
    ['Latakia University']
    """
    seen = {(n.text, n.lang, n.source) for n in names}
    out = list(names)
    for n in names:
        core = core_name(n.text, kind)
        if core and kind not in POPULATED_KINDS and kind not in ADMIN_KINDS and variant_key(core) in taken:
            continue
        if core and kind in FACILITY_CORE_KINDS and _opens_with(core, taken):
            continue  # "دمشق الدولي" of "مطار دمشق الدولي" would hide the city in "معرض دمشق الدولي"
        if core and (core, n.lang, n.source) not in seen:
            seen.add((core, n.lang, n.source))
            out.append(Name(core, n.lang, n.source, (*n.flags, "core")))
    for n in list(out):
        joined = joined_name(n.text)
        if joined and (joined, n.lang, n.source) not in seen:
            seen.add((joined, n.lang, n.source))
            out.append(Name(joined, n.lang, n.source, (*n.flags, "joined")))
    return tuple(out)


def _opens_with(name: str, taken: frozenset[str]) -> bool:
    """Whether the first words of ``name`` are one of the ``taken`` names ("دمشق الدولي": Damascus)."""
    words = name.split()
    return any(variant_key(" ".join(words[:k])) in taken for k in range(1, len(words)))


#: Arabic words that begin names and are often written joined to the next word ("كفرنبودة" for
#: "كفر نبودة", "بيتجن" for "بيت جن", "ديربعلبة" for "دير بعلبة").
_JOINED_PREFIXES = ("كفر", "بيت", "دير")


def joined_name(text: str) -> str | None:
    """An Arabic name that begins with كفر, بيت or دير written as one word, for running text that
    writes it so ("كفرنبودة"); ``None`` for any other name.

    >>> joined_name("كفر نبودة"), joined_name("بيت جن"), joined_name("تل رفعت"), joined_name("بيت العظم")
    ('كفرنبودة', 'بيتجن', None, None)
    >>> joined_name("دير بعلبة"), joined_name("دير الزور")
    ('ديربعلبة', None)
    """
    first, _, rest = text.partition(" ")
    if first not in _JOINED_PREFIXES or not rest or " " in rest or not is_arabic(rest) or rest.startswith("ال"):
        return None  # "بيت العظم" is never written "بيتالعظم"
    return first + rest


# --------------------------------------------------------------------------- choosing a place's names

#: Letters of Kurdish (Sorani) in Arabic script; and of Persian (also used by Kurdish and Urdu).
_KURDISH_LETTERS = frozenset("ۆێەڕڵڤۊ")
_PERSIAN_LETTERS = frozenset("پچژگکی")
#: Words of a translated OCHA name ("Madiq Castle", "Little Sura"): the name is not a spelling of the Arabic.
_TRANSLATION_WORDS = frozenset(
    {"castle", "little", "lower", "upper", "eastern", "western", "northern", "southern", "big", "small", "new"}
)
#: Lower-case word parts that a proper name may carry ("Deir-ez-Zor", "Ma'arrat an Nu'man").
_PARTICLES = frozenset(
    {"al", "el", "il", "ul", "ad", "adh", "an", "ar", "as", "ash", "at", "ath", "az", "ed", "en", "er", "es", "esh"}
    | {"et", "ez", "ej", "ibn", "bin", "bint", "wa", "w", "of", "and", "the", "de", "du", "di", "fi", "bu"}
)
_ADMIN_PREFIX = re.compile(r"^(?:markaz|nahiyat|nāḩiyat|nahiyah|mintaqat|muhafazat)\s+", re.IGNORECASE)
_ARABIC_ADMIN_PREFIX = re.compile(r"^(?:مركز|ناحية|منطقة|محافظة)\s+")


def arabic_script_lang(text: str, declared: str = "ar") -> str:
    """The language of an Arabic-script name: ``ku`` with Kurdish letters, ``fa`` with Persian ones, else ``declared``.

    >>> arabic_script_lang("قامشلۆ"), arabic_script_lang("اردوگاه یرموک"), arabic_script_lang("القامشلي")
    ('ku', 'fa', 'ar')
    """
    letters = set(text)
    if letters & _KURDISH_LETTERS:
        return "ku"
    if letters & _PERSIAN_LETTERS:
        return "fa" if declared in ("ar", "und", "") else declared
    return declared


def arabic_display(text: str) -> str:
    """An Arabic name as displayed: no vowel marks or tatweel, alef wasla written as alef.

    >>> arabic_display("مُخَيَّم ٱلْيَرْمُوْك")
    'مخيم اليرموك'
    """
    marks = "".join(ch for ch in text if not ("\u064b" <= ch <= "\u0655" or ch in "\u0670\u0640"))
    return " ".join(marks.replace("\u0671", "\u0627").split())


def without_admin_prefix(text: str) -> str:
    """A name without a leading "Markaz"/"Nahiyat"/"مركز"/"ناحية" (the unit's word, not the place's).

    >>> without_admin_prefix("Markaz Darayya"), without_admin_prefix("مركز القامشلي"), without_admin_prefix("Markaz")
    ('Darayya', 'القامشلي', 'Markaz')
    """
    for pattern in (_ADMIN_PREFIX, _ARABIC_ADMIN_PREFIX):
        stripped = pattern.sub("", text, count=1).strip()
        if stripped and stripped != text:
            return stripped
    return text


def is_oddity(name: str, other_spellings: Iterable[str] = ()) -> bool:
    """Whether an OCHA/OpenSyria English name is an oddity a reader would not expect.

    An oddity is a translation ("Madiq Castle", "Little Sura"), a form with a lower-case word
    part after a hyphen ("Tall Ed-daman", "Shat-ha"), or, when other sources spell the place,
    a form none of them shares by variant key ("Hole" for al-Hawl, "Quamishli").

    >>> is_oddity("Talbiseh", ["Tallbīsah"]), is_oddity("Quamishli", ["Al Qāmishlī"]), is_oddity("Madiq Castle")
    (False, True, True)
    >>> is_oddity("Tall Ed-daman"), is_oddity("Deir-ez-Zor", ["Dayr az Zawr"]), is_oddity("Sur")
    (True, False, False)
    """
    parts = [p for p in re.split(r"[\s\-]+", name) if p]
    if any(p.lower() in _TRANSLATION_WORDS for p in parts):
        return True
    if any(p[0].islower() and p.lower().strip("'’‘`") not in _PARTICLES for p in parts[1:]):
        return True
    others = {variant_key(o) for o in other_spellings if o and not is_arabic(o)}
    return bool(others) and variant_key(name) not in others


def ascii_display(asciiname: str) -> str:
    """A GeoNames ASCII name as displayed: backticks become apostrophes, none at the start.

    >>> ascii_display("`Amuda"), ascii_display("Ma`arrat an Nu`man"), ascii_display("Albu Kamal")
    ('Amuda', "Ma'arrat an Nu'man", 'Albu Kamal')
    """
    return asciiname.replace("`", "'").lstrip("'").strip()


def tidy_latin(text: str) -> str:
    """A Latin name with its first letter capitalised, title case for all-capitals, no admin prefix.

    >>> tidy_latin("latameh"), tidy_latin("AR-RAQQAH"), tidy_latin("Nāḩiyat as Sab‘ Biyār")
    ('Latameh', 'Ar-Raqqah', 'As Sab‘ Biyār')
    """
    text = without_admin_prefix(text.strip())
    if len(text) > 3 and text.isupper():
        text = text.title()
    return text[:1].upper() + text[1:] if text[:1].islower() and text[:1].isalpha() else text


def usable_arabic(text: str) -> bool:
    """Whether an Arabic-script text may be a place's ``name_ar``: Arabic letters only, no one-letter word.

    >>> usable_arabic("دمشق"), usable_arabic("د مشق"), usable_arabic("اردوگاه یرموک"), usable_arabic("Homs")
    (True, False, False, False)
    """
    if not is_arabic(text) or set(text) & (_KURDISH_LETTERS | _PERSIAN_LETTERS):
        return False
    words = [w for w in text.split() if any(ch.isalpha() for ch in w)]
    letters = sum(ch.isalpha() for ch in text)
    return (
        letters >= 2
        and all(sum(ch.isalpha() for ch in w) >= 2 or w in ("و",) for w in words)
        and not any("a" <= ch.lower() <= "z" for ch in text)
    )


_SOURCE_ORDER = {"curated": 0, "opensyria": 1, "ocha": 1, "geonames": 2}


def choose_arabic(
    candidates: Sequence[tuple[str, str, float]], latin_names: Iterable[str], display: str = ""
) -> str | None:
    """The Arabic name most sources agree on: ``candidates`` are ``(text, source, weight)``.

    Candidates with the same variant key are one vote per source (the source's largest weight
    for that name). The most supported wins; then the one whose
    consonant skeleton equals the display name's, then any Latin name's; then the one of the
    surest source (curated, OpenSyria/OCHA, GeoNames, the rest); then the text. Unusable texts
    (:func:`usable_arabic`) are ignored.

    >>> choose_arabic([("بالس", "geonames", 1), ("مسكنة", "geonames", 1), ("مسكنة", "opensyria", 1)], ["Maskanah"])
    'مسكنة'
    >>> choose_arabic([("الحولة", "geonames", 1), ("كفرلاها", "geonames", 1)], ["Kafr Laha"], "Kafr Laha")
    'كفرلاها'
    """
    display_skeleton = skeleton_key(display) if display else ""
    latin = {skeleton_key(t) for t in latin_names if t and not is_arabic(t)}
    groups: dict[str, dict[str, float]] = {}
    first: dict[str, str] = {}
    for text, source, weight in candidates:
        if not usable_arabic(text):
            continue
        key = variant_key(text)
        votes = groups.setdefault(key, {})
        votes[source] = max(votes.get(source, 0), weight)
        first.setdefault(key, text)
    if not groups:
        return None

    def rank(key: str) -> tuple[float, bool, bool, int, str]:
        skel = skeleton_key(first[key])
        surest = min(_SOURCE_ORDER.get(s, len(_SOURCE_ORDER)) for s in groups[key])
        return (-sum(groups[key].values()), skel != display_skeleton, skel not in latin, surest, first[key])

    return first[min(groups, key=rank)]
