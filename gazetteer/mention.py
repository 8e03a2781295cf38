"""Mentions as they appear in text: the place name apart from the words around it.

News and reports wrap a place name in descriptive words: ``Homs countryside``,
``the town of Dar al-Kabirah``, ``Qosour neighbourhood``, ``ريف حلب الغربي``.
:func:`parse_mention` takes those words off the edges of a mention and turns
them into hints (the kind of place, the governorate named). It never validates
a hint and never looks inside a name: ``Deir ez-Zor``, ``Beit Jann`` and
``Khan Shaykhun`` come back whole.

>>> m = parse_mention("the western countryside of Aleppo")
>>> m.name, m.kind_hint, m.province_hint
('Aleppo', 'governorate', 'Aleppo')
>>> m.descriptors
('the', 'western', 'countryside', 'of')
>>> parse_mention("Tel Rifaat district of Aleppo's countryside")[1:4]
('Tel Rifaat', 'district', 'Aleppo')
>>> parse_mention("ريف دمشق").name  # the name of a governorate, kept whole
'ريف دمشق'
"""

from __future__ import annotations

import re
from functools import cache, lru_cache
from itertools import pairwise, takewhile
from typing import NamedTuple

from . import governorates as govs
from .kinds import KINDS
from .normalize import arabic_words_only, clean, fold_arabic, fold_latin, is_arabic, to_ascii, variant_key

__all__ = [
    "CENTRE_WORDS",
    "COMPASS_NOUNS",
    "KIND_HINTS",
    "Mention",
    "is_compass",
    "is_descriptor",
    "is_direction_adjective",
    "is_parts_word",
    "kind_said",
    "name_with_adjectives",
    "parse_mention",
    "word_kind",
]

#: The values :attr:`Mention.kind_hint` can take: the kinds of :mod:`gazetteer.kinds`.
KIND_HINTS: tuple[str, ...] = KINDS


class Mention(NamedTuple):
    """A mention split into the place name and what the words around it say."""

    #: The whole mention, cleaned (:func:`gazetteer.normalize.clean`).
    text: str
    #: The place name: the mention without the descriptive words at its edges.
    name: str
    #: The kind of place the descriptive words ask for (one of :data:`KIND_HINTS`), or None.
    kind_hint: str | None
    #: The raw text of a governorate the mention names ("Homs" in "rural Homs"), not validated.
    province_hint: str | None
    #: The words taken off, in the order of the mention.
    descriptors: tuple[str, ...]


_GOV = "governorate"
#: Marks a descriptor that makes the name a governorate and the province hint.
_PROVINCE = "province"
#: Marks countryside words: with Damascus they are part of a name (Rif Dimashq).
_COUNTRYSIDE = "countryside"
#: Marks a military offensive's word: after a governorate's name it makes the name the governorate.
_OFFENSIVE = "offensive"


#: Kinds whose word right after a name is the unit's own, whatever words before it say.
_UNIT_WORDS = frozenset({"district", "subdistrict"})


def _words(kind: str | None, words: str) -> dict[str, str | None]:
    return dict.fromkeys(words.split(), kind)


#: Compass words, Latin and Arabic. Right before the name of a governorate they speak of a part of the
#: governorate ("southern Idlib", "northwest Hama", "جنوب إدلب"), which the city does not hold (southern
#: Idlib lies 30-60 km from Idlib city): the governorate is the answer true whatever part is meant.
_LATIN_COMPASS = (
    "north south east west northern southern eastern western northeastern northwestern southeastern "
    "southwestern northeast northwest southeast southwest"
)
_ARABIC_COMPASS = "شمال جنوب شرق غرب شمالي جنوبي شرقي غربي"
_COMPASS = frozenset(f"{_LATIN_COMPASS} {_ARABIC_COMPASS}".split(" "))

#: Words that make a kind word after them a compound one ("air base", "military airport", "oil field").
_KIND_MODIFIERS = "oil gas military air border international"

#: Latin descriptor words, as fold_latin keys without spaces, and the kind each asks for.
_LATIN: dict[str, str | None] = {
    # governor: "the Governor of Idlib" governs the governorate; wilayat: a province of the Ottomans'
    # or of the Islamic State ("Wilayat Halab", "Wilayat Raqqa")
    **_words(
        _PROVINCE,
        # governate: a common misspelling ("the Raqqa governate")
        "governorate governorates governate governates province provinces muhafazat muhafaza muhafazah mohafaza"
        " governor governors wilayat wilayah vilayet parezgeha",
    ),
    **_words(_COUNTRYSIDE, "countryside countrysides rural rif reef surroundings"),
    # "the Latakia offensive", "the Aleppo offensive (October 2015)": an offensive named after a governorate's
    # name is fought across the governorate (the Latakia mountains, southern Aleppo), which holds the city too;
    # so are clashes and an insurgency named so ("the Daraa insurgency", "اشتباكات درعا 2021")
    **_words(_OFFENSIVE, "offensive offensives campaign campaigns clashes insurgency"),
    # canton: the Kurdish administration's cantons (Afrin, Kobani) are the districts of those names
    **_words(
        "district", "district districts mantiqah mantiqat mantiqa mintaqah mintaqa manteqa mantika mntqt canton cantons"
    ),
    **_words(
        "subdistrict",
        "subdistrict subdistricts nahiyah nahiya nahia nahiyeh nahiyat najiyah nahyt nahyat nahiyas nawahi",
    ),
    **_words("city", "city cities centre center citycentre citycenter downtown"),
    **_words("town", "town towns township"),
    **_words("village", "village villages hamlet"),
    **_words("neighbourhood", "neighbourhood neighborhood neighbourhoods neighborhoods quarter hay hayy"),
    **_words("camp", "camp camps refugee"),
    **_words("airbase", "airbase airbases airfield airfields base"),
    **_words("airport", "airport airports"),
    **_words("crossing", "crossing crossings checkpoint"),
    **_words("prison", "prison prisons jail"),
    **_words("oil_field", "field fields oilfield oilfields gasfield"),
    **_words("dam", "dam dams reservoir"),
    **_words("road", "highway motorway road"),
    **_words("archaeological_site", "ruins castle citadel archaeological"),
    **_words("mountain", "mountain mountains mount mt massif"),  # "the Limestone Massif" is no Masyaf
    **_words("region", "plain plains desert valley basin gorge"),
    **_words(
        "landmark",
        "hospital mosque church roundabout square sq bridge barracks university school stadium street st station "
        "academy refinery",
    ),
    **_words("feature", "river lake spring"),
    **_words(
        None,
        # markaz: "centre" of a subdistrict ("Nahiyat Markaz Qatana"); mrkz: its consonant spelling
        "markaz mrkz the of provincial area region zone outskirts suburbs suburb vicinity surrounding central greater "
        f"{_KIND_MODIFIERS} settlement settlements syria syrian in near around inside {_LATIN_COMPASS}",
    ),
}

#: Plural descriptor words for things that lie in a governorate: "the villages of Idlib" and "the
#: mountains of Latakia" speak of the governorate. Cities, towns, districts and quarters are left out:
#: "the cities of Homs and Hama" are the cities, "the neighbourhoods of Homs" the city's.
_PARTS = frozenset(
    ("villages", "hamlets", "mountains", "camps", "fields", "oilfields", "dams", "airbases", "airfields", "prisons",
     "crossings")
)  # fmt: skip

#: The Arabic plurals of :data:`_PARTS` (fold_arabic keys): "قرى حماة", "بلدات درعا الغربية".
_ARABIC_PARTS = frozenset({"قري", "بلدات"})

#: Arabic words for a place's surroundings or a part of its edge (fold_arabic keys): the middle, the
#: outskirts, the surroundings, the suburbs, the entrance(s), the approaches, the borders. A direction
#: adjective after the name is theirs: "أطراف منبج الشرقية" (Manbij's eastern outskirts), "مدخل خربة
#: غزالة الشمالي" (its northern entrance).
_ARABIC_SURROUNDINGS = "وسط اطراف محيط ضواحي مدخل مداخل مشارف تخوم"

#: Arabic descriptor words (fold_arabic keys). Words that begin names are left out on purpose:
#: جسر (Jisr ash-Shughur), قلعة (Qal'at al-Madiq), جبل, وادي, نهر, سوق, خان, تل, دير, كفر.
_ARABIC: dict[str, str | None] = {
    # محافظ: the governor (of the governorate); المحافظة: a label before a name ("المحافظة | حمص"), the
    # governorate after one ("تعد السويداء المحافظة الوحيدة"; geoparsing stops at "المحافظة على", preserving)
    # محافظا: the two governors; ولاية: a province of the Ottomans or of the Islamic State ("ولاية الرقة")
    **_words(_PROVINCE, "محافظه محافظات محافظتي محافظ المحافظه محافظا محافظو محافظي ولايه"),
    # ريفي حلب وإدلب: the countrysides (dual) of Aleppo and Idlib; ارياف: the plural ("أرياف حلب")
    **_words(_COUNTRYSIDE, "ريف ريفي ارياف"),
    # "هجوم حماة 2014" as "the Hama offensive", "اشتباكات درعا 2021": fought across the governorate
    **_words(_OFFENSIVE, "هجوم اشتباكات تمرد"),
    # منطقتا/كانتوني: the two districts, cantons; مقاطعة: a canton of the Autonomous Administration
    # ("مقاطعة كوباني"), which is the district of its name; قضاء: the Ottoman and Lebanese word ("قضاء تلكلخ")
    **_words("district", "منطقه منطقتا منطقتي كانتون كانتوني مقاطعه قضاء"),
    **_words("subdistrict", "ناحيه ناحيتا ناحيتي نواحي"),  # ناحيتا/ناحيتي: the two subdistricts; نواحي: the
    **_words("city", "مدينه المدينه"),  # "حماة المدينة": the city of Hama, as against its countryside
    **_words("town", "بلده مصيف"),  # مصيف: a summer resort ("مصيف سلمى", "مصيف صلنفة"), a town of the mountains
    **_words("village", "قريه ضيعه"),
    **_words("neighbourhood", "حي احياء حيا حيي"),  # احياء: "أحياء حلب", the quarters of Aleppo (the city); حيا: two
    **_words("camp", "مخيم للاجئين"),  # "مخيم الهول للاجئين": the camp for refugees
    **_words("airport", "مطار"),
    **_words("airbase", "قاعده"),
    **_words("crossing", "معبر"),
    **_words("prison", "سجن"),
    **_words("oil_field", "حقل"),
    **_words("dam", "سد"),
    **_words("landmark", "مشفي مستشفي جامع مسجد دوار ساحه شارع شارعي حاجز جامعه"),
    **_words("region", "سهل حوض صحراء باديه"),  # حوض: a basin ("حوض اليرموك"), not the camp of Yarmouk
    # مركز: "centre" (ناحية مركز تدمر); بلدات, قرى: the towns, the villages of a governorate ("بلدات درعا"),
    # of a region ("قرى الغوطة") or of a district ("بلدات منطقة التل"): they ask for no kind of their own
    **_words(None, f"{_ARABIC_COMPASS} {_ARABIC_SURROUNDINGS} في مركز {' '.join(sorted(_ARABIC_PARTS))}"),
}
#: Arabic directional adjectives: descriptors after a name only when another descriptor is there
#: (ريف حلب الغربي), since they also end names (كويرس شرقي, صرين الشمالية).
_ARABIC_ADJECTIVES = frozenset(
    adjective
    for direction in ("شمالي", "جنوبي", "شرقي", "غربي")
    for adjective in (direction, "ال" + direction, "ال" + direction + "ه")
)
_ARABIC_PREFIXES = "وبلف"
#: Arabic adjectives that close a facility's name after a kind word before it ("قاعدة كويرس الجوية
#: العسكرية", "معبر باب الهوى الحدودي", "مخيم الهول للاجئين"), as fold_arabic writes them.
_FACILITY_ADJECTIVES = frozenset(
    {"الجويه", "العسكريه", "العسكري", "الحدودي", "الدولي", "للاجئين", "اللاجئين", "الاثري", "الاثريه"}
)  # الأثري: "موقع قطنا الأثري", the ancient site


@lru_cache(maxsize=4096)
def is_facility_adjective(word: str) -> bool:
    """Whether an Arabic word is an adjective that ends a facility's name ("الجوية", "الحدودي").

    >>> is_facility_adjective("العسكرية"), is_facility_adjective("للاجئين"), is_facility_adjective("حلب")
    (True, True, False)
    """
    return fold_arabic(word) in _FACILITY_ADJECTIVES


#: Facility adjectives that describe a place rather than end its name: "قلعة الحصن الأثرية" (the
#: ancient castle) is named "قلعة الحصن", while "معبر باب الهوى الحدودي" is the crossing's name.
_DESCRIBING_ADJECTIVES = frozenset({"الاثري", "الاثريه"})


def ends_a_name(word: str) -> bool:
    """Whether an Arabic word is a facility adjective that a facility's name ends with
    (:func:`is_facility_adjective`, not one that only describes it).

    >>> ends_a_name("الحدودي"), ends_a_name("الجوية"), ends_a_name("الأثرية")
    (True, True, False)
    """
    folded = fold_arabic(word)
    return folded in _FACILITY_ADJECTIVES and folded not in _DESCRIBING_ADJECTIVES


@lru_cache(maxsize=4096)
def is_direction_adjective(word: str) -> bool:
    """Whether an Arabic word is a directional adjective ("الشمالي", "شرقي"), which after a name
    belongs to it ("ريف حماة الشمالي") and is no place of its own.

    >>> is_direction_adjective("الشمالي"), is_direction_adjective("الغربية"), is_direction_adjective("حماة")
    (True, True, False)
    """
    return fold_arabic(word) in _ARABIC_ADJECTIVES


def name_with_adjectives(mention: Mention) -> str | None:
    """The name with the Arabic directional adjectives that the parse took off after it because a
    descriptive word opened the mention, or ``None``: "بلدة البويضة الشرقية" may be the town named
    "البويضة الشرقية" (the resolver looks that name up exactly and prefers it when a place has it).

    >>> name_with_adjectives(parse_mention("بلدة البويضة الشرقية"))
    'البويضة الشرقية'
    >>> name_with_adjectives(parse_mention("ريف حلب")), name_with_adjectives(parse_mention("البويضة الشرقية"))
    (None, None)
    """
    if mention.name == mention.text:  # most mentions: nothing was taken off
        return None
    at = mention.text.find(mention.name)
    if at < 0:
        return None
    adjectives = list(takewhile(is_direction_adjective, mention.text[at + len(mention.name) :].split()))
    return " ".join([mention.name, *adjectives]) if adjectives else None


_CONNECTORS = frozenset(("of", "in", "في"))


#: The city whose countryside is a governorate of its own: Rif Dimashq.
@cache
def _damascus() -> frozenset[str]:
    """Variant keys of Damascus (computed on first use: importing reads nothing)."""
    return frozenset(variant_key(n) for n in ("Damascus", "Dimashq", "Dimashk", "Damas", "دمشق", "الشام"))


_POSSESSIVE_RE = re.compile("(?:['’ʼ`]s|s['’ʼ])$", re.IGNORECASE)
_EDGE_PUNCT = '.,;:!?"()[]{}«»“”،؛؟'


class _Word(NamedTuple):
    raw: str  # the token as written, possessive included
    bare: str  # without possessive or edge punctuation
    kind: str | None  # descriptor kind ("" when not a descriptor)
    possessive: bool


_NOT = ""  # kind of a word that is not a descriptor
_ADJECTIVE = "adjective"  # kind of a trailing Arabic directional adjective


@cache
def _syria() -> str:
    return variant_key("Syria")


def _classify(token: str, first: bool, last: bool) -> _Word:
    bare = token.strip(_EDGE_PUNCT)
    if not is_arabic(bare):
        match = _POSSESSIVE_RE.search(bare)
        possessive = bool(match) and match is not None and match.start() >= 3  # not Ra's (رأس)
        if possessive and match is not None:
            bare = bare[: match.start()] + ("s" if match.group()[0] in "sS" else "")
        key = fold_latin(bare).replace(" ", "")
        if not key:  # punctuation only
            return _Word(token, bare, None, possessive)
        return _Word(token, bare, _LATIN.get(key, _NOT), possessive)
    key = fold_arabic(bare)
    if last and not first and key in _ARABIC_ADJECTIVES:
        return _Word(token, bare, _ADJECTIVE, False)  # "كويرس شرقي"; before a name "شرقي حمص" is a compass word
    if key in _ARABIC:
        return _Word(token, bare, _ARABIC[key], False)
    if first and len(key) > 2 and key[0] in _ARABIC_PREFIXES and key[1:] in _ARABIC:
        return _Word(token, bare, _ARABIC[key[1:]], False)  # بريف حلب, ومدينة حمص
    if last and key in _ARABIC_ADJECTIVES:
        return _Word(token, bare, _ADJECTIVE, False)
    return _Word(token, bare, _NOT, False)


def word_kind(word: str) -> str | None:
    """The kind of place one descriptive word names, as a table's label ("Governorate | Homs"):
    a province word a governorate, a kind word its kind; ``None`` for any other word.

    >>> word_kind("Governorate"), word_kind("District"), word_kind("محافظة"), word_kind("countryside")
    ('governorate', 'district', 'governorate', None)
    """
    kind = _classify(word, False, False).kind
    if kind == _PROVINCE:
        return _GOV
    return kind if kind in KIND_HINTS else None


def kind_said(text: str) -> str | None:
    """The kind a name's descriptive word says it is of: "محافظة إدلب" a governorate's, "مدينة
    إدلب" a city's; ``None`` when no word says (a countryside word names no unit).

    >>> kind_said("محافظة إدلب"), kind_said("Quneitra Governorate"), kind_said("مدينة إدلب")
    ('governorate', 'governorate', 'city')
    >>> kind_said("Idlib"), kind_said("ريف إدلب"), kind_said("Idlib District")
    (None, None, 'district')
    """
    mention = parse_mention(text)
    if not mention.descriptors or mention.kind_hint is None:
        return None
    if mention.kind_hint == _GOV:
        province = any(_classify(d, True, True).kind == _PROVINCE for d in mention.descriptors)
        return _GOV if province else None
    return mention.kind_hint


def is_descriptor(word: str, *, first: bool = True) -> bool:
    """Whether one word is a descriptive word :func:`parse_mention` takes off a name's edges.

    ``first``: the word opens the mention, where an Arabic clitic may stick to it ("بريف").

    >>> is_descriptor("countryside"), is_descriptor("ريف"), is_descriptor("Talbiseh"), is_descriptor("of")
    (True, True, False, True)
    >>> is_descriptor("بريف"), is_descriptor("بريف", first=False)
    (True, False)
    """
    return _is_descriptor(word, first)


@lru_cache(maxsize=65536)
def _is_descriptor(word: str, first: bool) -> bool:
    return _classify(word, first, not first).kind not in (_NOT, None) or fold_latin(word) in ("the", "of", "in")


@lru_cache(maxsize=4096)
def is_parts_word(word: str, *, definite: bool = False) -> bool:
    """Whether an Arabic word is a plural of settlements ("قرى", "بلدات", with a clitic or not), which
    before a governorate's name speaks of the governorate ("قرى حماة", "وبلدات درعا الغربية");
    ``definite`` accepts the article too, as before "في" ("بعض القرى في درعا").

    >>> is_parts_word("قرى"), is_parts_word("وبلدات"), is_parts_word("مدن"), is_parts_word("القرى")
    (True, True, False, False)
    >>> is_parts_word("القرى", definite=True), is_parts_word("والبلدات", definite=True)
    (True, True)
    """
    key = fold_arabic(word)
    if key in _ARABIC_PARTS:
        return True
    if len(key) > 3 and key[0] in _ARABIC_PREFIXES:
        key = key[1:]  # "وبلدات", "والقرى": the clitic off
    return key in _ARABIC_PARTS or (definite and key.startswith("ال") and key[2:] in _ARABIC_PARTS)


_SURROUNDINGS = frozenset(_ARABIC_SURROUNDINGS.split())


@lru_cache(maxsize=4096)
def is_surroundings_word(word: str) -> bool:
    """Whether an Arabic word speaks of a place's surroundings, its countryside or the edge of it
    ("أطراف", "بمحيط", "مدخل", "ريف"): a direction adjective after the name then says which part of
    them ("ريف داعل الشمالي"), and makes no other place's name.

    >>> is_surroundings_word("أطراف"), is_surroundings_word("وبمحيط"), is_surroundings_word("بلدة")
    (True, True, False)
    """
    key = fold_arabic(word)
    for _ in range(2):  # one clitic or two: "بمحيط", "وبمحيط"
        if len(key) > 3 and key[0] in _ARABIC_PREFIXES and key not in _ARABIC:
            key = key[1:]
    return key in _SURROUNDINGS or _ARABIC.get(key, _NOT) == _COUNTRYSIDE


def is_kind_modifier(word: str) -> bool:
    """Whether a word makes the kind word after it a compound ("air" of "Deir ez-Zor air base").

    >>> is_kind_modifier("Military"), is_kind_modifier("air"), is_kind_modifier("the")
    (True, True, False)
    """
    return word.lower() in _MODIFIER_SET


_MODIFIER_SET = frozenset(_KIND_MODIFIERS.split())


def is_compass(word: str) -> bool:
    """Whether a word is a compass word, which right before a governorate's name makes it the governorate
    ("southern Idlib"); an Arabic one may carry a و ب ل ف prefix ("وجنوب").

    >>> is_compass("southern"), is_compass("Northwest"), is_compass("وجنوب"), is_compass("south-west")
    (True, True, True, False)
    """
    key = word.lower()  # the Arabic compass words have no letter that folding changes
    return key in _COMPASS or (key[:1] in _ARABIC_PREFIXES and key[1:] in _COMPASS)


def _descriptor(word: _Word) -> str:
    return word.bare if is_arabic(word.bare) else word.bare.lower()


class _Parsed(NamedTuple):
    name: str
    kind: str | None
    province: bool  # a province or countryside word was taken off
    province_hint: str | None  # from a leading possessive: "Aleppo's Salah al-Din"
    descriptors: tuple[str, ...]


def _is_hint(kind: str | None) -> bool:
    return kind in KIND_HINTS or kind in (_PROVINCE, _COUNTRYSIDE)


def _masculine_side_of_governorate(name_words: list[_Word], adjectives: list[_Word]) -> bool:
    """Whether a governorate's name is followed by masculine direction adjectives only: they agree
    with the countryside (ريف) that a list or a headline leaves out ("ريفي حلب الجنوبي الغربي وإدلب
    الجنوبي الشرقي", "قصف على إدلب الجنوبي"). A feminine one says a part of the city ("حلب الشرقية").
    Damascus's countryside is a governorate of its own, so "دمشق الجنوبي" stays as written."""
    gov = govs.lookup(" ".join(w.bare for w in name_words))
    if gov is None or gov.pcode == govs.CITY_GOVERNORATE:
        return False
    return not any(w.bare.endswith(("ة", "ه")) for w in adjectives)


def _the_compass_of(leading: list[_Word]) -> bool:
    """Whether the words before a name are "the", a compass noun and "of", alone or after "in" ("in
    the north of Hama", as monitors write the governorate's north); "north of Hama" and "to the
    southeast of Tartus" measure from the city.

    >>> words = [_classify(w, False, False) for w in "in the north of".split()]
    >>> _the_compass_of(words), _the_compass_of(words[2:])
    (True, False)
    """
    if len(leading) < 3 or leading[-1].bare.lower() != "of" or leading[-3].bare.lower() != "the":
        return False
    if len(leading) > 3 and leading[-4].bare.lower() != "in":
        return False  # "to the southeast of Tartus": where a place lies from the city
    return leading[-2].bare.lower() in COMPASS_NOUNS


#: Compass nouns, which "the" before and "of" after make a part of the next name ("in the north of
#: Hama", :func:`_the_compass_of`).
COMPASS_NOUNS = frozenset(
    {"north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest", "north-east",
     "north-west", "south-east", "south-west"}
)  # fmt: skip


def _part_of_governorate(leading: list[_Word], name: str, after: list[_Word]) -> bool:
    """Whether the words around a governorate's name speak of a part of it: a compass word ("southern
    Idlib", "the Mountains of northern Latakia"), the things in it ("the villages of Idlib") or an
    offensive fought in it ("the Latakia offensive", "the offensive in Aleppo"). A kind word after the
    name keeps its kind ("the villages of Idlib city"), and a part of Damascus, whose governorate is
    the city, is the city's ("southern Damascus")."""
    compass = bool(leading) and is_compass(leading[-1].bare)
    compass = compass or _the_compass_of(leading)  # "in the north of Hama": its northern part
    parts = _parts_of(leading)
    if not (compass or parts or any(w.kind == _OFFENSIVE for w in (*leading, *after))):
        return False
    gov = govs.lookup(name)
    if gov is not None and gov.pcode == govs.CITY_GOVERNORATE and not parts:
        return False  # "southern Damascus", "جنوب دمشق": a part of the city, which is all its governorate is
    return not any(w.kind in KIND_HINTS for w in after) and gov is not None


#: "Centre" before a unit's name ("ناحية مركز فيق", "Markaz Rif Dimashq"), folded.
CENTRE_WORDS = frozenset({"markaz", "mrkz", "مركز"})
#: The English "centre", which after a unit's word names its seat ("the district center of al-Haffah").
_CENTRE_EN = frozenset({"center", "centre"})


def _folded(word: str) -> str:
    """A word folded as the word tables write it, Arabic or Latin."""
    return fold_arabic(word) if is_arabic(word) else fold_latin(word)


def _centre_of_province(leading: list[_Word]) -> bool:
    """Whether the words before a name say "the centre of the governorate" ("مركز محافظة", "مركز
    المحافظة"): the governorate's seat, its city."""
    return any(a.kind is None and fold_arabic(a.bare) == "مركز" and b.kind == _PROVINCE for a, b in pairwise(leading))


def _parts_of(leading: list[_Word]) -> bool:
    """Whether the words before a name say "the <things> of" in the plural: "the villages of", "the
    mountains of", "قرى", "بلدات" right before it, or with "في" between (not "the cities of", "the
    districts of", "مدن": those may be the name's own)."""
    if leading and is_arabic(leading[-1].bare):
        if len(leading) >= 2 and fold_arabic(leading[-1].bare) == "في":  # "قرى في درعا": villages in Daraa
            return is_parts_word(leading[-2].bare, definite=True)
        return is_parts_word(leading[-1].bare)
    keys = [fold_latin(w.bare) for w in leading if not is_arabic(w.bare)]
    return any(key in _PARTS and "of" in keys[i + 1 :] for i, key in enumerate(keys))


#: The kinds of the words for a settlement, which name the place a landmark's or a mountain's word
#: before them belongs to ("مستشفى بلدة عين عيسى", the hospital of the town Ain Issa, names the
#: town; so does "the mountain town of Salma").
_SETTLEMENT_WORD_KINDS = frozenset({"city", "town", "village"})


def _parse(tokens: list[str]) -> _Parsed | None:
    """Strip descriptors off both edges; None when nothing but descriptors is left."""
    words = [_classify(t, i == 0, i == len(tokens) - 1) for i, t in enumerate(tokens)]
    k = len(words) - 1
    while k >= 2 and words[k].kind == _ADJECTIVE and fold_arabic(words[k - 1].bare) in _ARABIC_ADJECTIVES:
        k -= 1  # two directions: "ريف حماة الشمالي الغربي" (north-west)
        words[k] = words[k]._replace(kind=_ADJECTIVE)
    start, end = 0, len(words)
    while start < end and words[start].kind != _NOT:
        start += 1
    while end > start and words[end - 1].kind != _NOT:
        end -= 1
    if start == end:
        return None
    adjectives_only = words[end:] and all(w.kind == _ADJECTIVE for w in words[end:])
    side_of_governorate = adjectives_only and _masculine_side_of_governorate(words[start:end], words[end:])
    if (
        adjectives_only
        and not side_of_governorate
        and not any(_is_hint(w.kind) for w in words[:start])
        and not _parts_of(words[:start])
    ):
        end = len(words)  # كويرس شرقي: the adjective belongs to the name; "قرى حماة الشرقية" is Hama's east
    descriptors = [_descriptor(w) for w in words[:start] if w.bare]
    hint = None
    if end - start > 1 and words[start].possessive:  # "Aleppo's Salah al-Din", "Syria's Homs"
        if variant_key(words[start].bare) != _syria():
            hint = words[start].bare
        descriptors += [_descriptor(words[start]), "'s"]
        start += 1
    name_words = words[start:end]
    after = words[end:]
    parts = [w.raw for w in name_words]
    if after and name_words[-1].possessive:  # "Aleppo's countryside"
        parts[-1] = name_words[-1].bare
        descriptors.append("'s")
    descriptors += [_descriptor(w) for w in after if w.bare]
    name = " ".join(parts).strip(_EDGE_PUNCT) or " ".join(parts)
    kinds = [w.kind for w in (*words[:start], *reversed(after)) if w.kind]  # the outermost word first
    if len(kinds) > 1 and kinds[0] == "district" and fold_arabic(words[0].bare) == "منطقه":
        kinds = kinds[1:]  # "منطقة سهل الغاب", "منطقة جبل الزاوية": the area of the plain, of the mountain
    nearest = next((w.kind for w in reversed(words[:start]) if w.kind), None)
    if nearest in _SETTLEMENT_WORD_KINDS and kinds[:1] in (["landmark"], ["mountain"]):
        # "مشفى مدينة إدلب", the city of Idlib's hospital: the city; "the mountain town of Salma": the town
        kinds = [k for k in kinds if k not in ("landmark", "mountain")]
    if start and words[start - 1].kind == "city" and _PROVINCE not in kinds:
        # "أرياف مدينة حمص": the country around the city; "أحياء وأرياف مدينة حلب": its quarters too;
        # "سهل مدينة الباب": the plain of the city
        kinds = [k for k in kinds if k not in (_COUNTRYSIDE, "neighbourhood", "region")]
    leading = pairwise(words[:start])
    if any(a.kind in _UNIT_WORDS and b.kind == "city" and _folded(b.bare) in _CENTRE_EN for a, b in leading):
        kinds = ["city"]  # "the district center of al-Haffah": the district's seat, the town
    province = any(k in (_PROVINCE, _COUNTRYSIDE) for k in kinds)
    if province and _centre_of_province(words[:start]):
        kinds, province = ["city"], False  # "مركز محافظة دير الزور": the governorate's centre, the city
    kind = _GOV if province else next((k for k in kinds if k in KIND_HINTS), None)
    if not province and after and after[0].kind in _UNIT_WORDS:
        kind = after[0].kind  # "the centre of Abu Kamal Subdistrict": the unit's own word names it
    elif not province and after and after[0].kind in KIND_HINTS and start and words[start - 1].bare.lower() == "of":
        kind = after[0].kind  # "the Zahraa district of Aleppo city": "district" is the quarter's, "city" Aleppo's
    if kind != _GOV and (side_of_governorate or _part_of_governorate(words[:start], name, after)):
        kind, province = _GOV, True
    elif kind != _GOV and _parts_of(words[:start]) and not any(w.kind in KIND_HINTS for w in after):
        kind = None  # "the villages of Jabal al-Akrad": the villages lie in it, whatever kind of place it is
    if province and variant_key(name) in _damascus():
        countryside = [i for i, w in enumerate(words) if w.kind == _COUNTRYSIDE]
        if countryside:  # Rif Dimashq, Rural Damascus, Damascus countryside, ريف دمشق: a governorate's name
            lo, hi = min(start, *countryside), max(end, *(i + 1 for i in countryside))
            if lo and _folded(words[lo - 1].bare) in CENTRE_WORDS:  # "Markaz Rif Dimashq", "مركز ريف دمشق": a district
                lo, kind, province = lo - 1, "district", False
            name = " ".join(w.raw for w in words[lo:hi]).strip(_EDGE_PUNCT)
            descriptors = [_descriptor(w) for w in (*words[:lo], *words[hi:]) if w.bare]
    return _Parsed(name, kind, province, hint, tuple(descriptors))


def parse_mention(text: str) -> Mention:
    """Split a mention into its place name and the hints of the words around it.

    Descriptive words (kinds of place, province and countryside words, directions,
    "the", "of", a possessive) are taken off the start and the end only. When
    nothing else is left the whole mention is the name, without hints, but for an
    offensive's or a campaign's word at its end ("Syrian Desert campaign").

    >>> parse_mention("Homs countryside")  # doctest: +NORMALIZE_WHITESPACE
    Mention(text='Homs countryside', name='Homs', kind_hint='governorate',
            province_hint='Homs', descriptors=('countryside',))
    >>> parse_mention("Sasa Prison")[1:]
    ('Sasa', 'prison', None, ('prison',))
    >>> parse_mention("حي الوعر")[1:3]
    ('الوعر', 'neighbourhood')
    >>> parse_mention("Deir ez-Zor").name
    'Deir ez-Zor'
    """
    if not isinstance(text, str):
        raise TypeError(f"expected str, got {type(text).__name__}")
    return _parsed(text) if len(text) <= _PARSED_CHARS else _parse_uncached(text)


#: The longest mention :func:`parse_mention` remembers (a name with its descriptive words is far shorter).
_PARSED_CHARS = 200


@lru_cache(maxsize=16384)
def _parsed(text: str) -> Mention:
    """:func:`parse_mention` of a short string, once per distinct string: geoparsing reads a
    mention's kind hint and then resolves it, and a text names its places many times."""
    return _parse_uncached(text)


def _parse_uncached(text: str) -> Mention:
    cleaned = clean(text)
    if _plain_latin(cleaned) or _plain_arabic(cleaned):
        return Mention(cleaned, cleaned, None, None, ())
    return _parse_mention(cleaned)


def _plain_arabic(cleaned: str) -> bool:
    """Whether an Arabic mention has nothing :func:`parse_mention` would take off (most names).

    A shortcut with the same answer as the full parse: Arabic letters, marks and spaces
    only, no connector, and neither the first word (with or without a و ب ل ف prefix) nor
    the last one a descriptor or a directional adjective.
    """
    if not cleaned or cleaned.isascii() or not arabic_words_only(cleaned):
        return False
    words = fold_arabic(cleaned).split(" ")
    first, last = words[0], words[-1]
    if first in _ARABIC or last in _ARABIC or last in _ARABIC_ADJECTIVES or not first:
        return False
    if len(first) > 2 and first[0] in _ARABIC_PREFIXES and first[1:] in _ARABIC:
        return False
    return not any(w in _CONNECTORS for w in words[1:-1])


_ASCII_NOT_KEY_RE = re.compile("[^a-z0-9]+")


def _plain_latin(cleaned: str) -> bool:
    """Whether a Latin mention has nothing :func:`parse_mention` would take off (most names).

    A shortcut with the same answer as the full parse: no Arabic, no comma,
    possessive or edge punctuation, and no word whose key is a descriptor or a
    connector (a word's key is its ASCII letters and digits, as in ``_classify``).
    """
    if not cleaned or "," in cleaned or cleaned[0] in _EDGE_PUNCT or cleaned[-1] in _EDGE_PUNCT:
        return False
    ascii_only = cleaned.isascii()
    if not ascii_only and ("،" in cleaned or is_arabic(cleaned)):
        return False
    if "'" in cleaned or "`" in cleaned or "’" in cleaned or "ʼ" in cleaned:
        for word in cleaned.split(" "):
            match = _POSSESSIVE_RE.search(word.strip(_EDGE_PUNCT))
            if match and match.start() >= 3:
                return False
    for word in cleaned.split(" "):
        key = word.lower() if ascii_only and word.isalnum() else _ASCII_NOT_KEY_RE.sub("", to_ascii(word).lower())
        if not key or key in _LATIN:
            return False
    return True


def _parse_mention(cleaned: str) -> Mention:
    """:func:`parse_mention` of cleaned text, word by word."""
    tokens = cleaned.split(" ") if cleaned else []
    if not tokens:
        return Mention(cleaned, cleaned, None, None, ())
    # "X district of Y countryside", "Rastan in Homs province": X is the place, Y its province
    for i, token in enumerate(tokens):
        if i == len(tokens) - 1:
            break
        if token[-1:] in ",،" and len(token) > 1:  # "Talbiseh, Homs": a comma joins like "in"
            left_tokens, connector = tokens[: i + 1], ","
        elif i > 0 and token.lower() in _CONNECTORS:
            left_tokens, connector = tokens[:i], token.lower()
        else:
            continue
        left = _parse(left_tokens)
        if left is None:  # "the town of X": only descriptors before the connector
            continue
        right = _parse(tokens[i + 1 :])
        descriptors = (*left.descriptors, connector)
        if right is None:  # "Homs in the north", "Homs, Syria"
            descriptors += tuple(_descriptor(_classify(t, False, False)) for t in tokens[i + 1 :])
            return Mention(cleaned, left.name, left.kind, left.province_hint, descriptors)
        hint = right.name if right.kind in (None, _GOV) else right.province_hint
        return Mention(cleaned, left.name, left.kind, hint, (*descriptors, *right.descriptors))
    parsed = _parse(tokens)
    if parsed is None:  # nothing but descriptive words: the name is the mention, but an offensive's
        end = len(tokens)  # word after it ("the Syrian Desert campaign": "Syrian" and "Desert" describe)
        while end > 1 and _classify(tokens[end - 1], False, True).kind == _OFFENSIVE:
            end -= 1
        if not any(fold_latin(t) not in ("the", "of", "in") for t in tokens[:end]):
            end = len(tokens)  # "the campaign": no name at all
        stripped = tuple(_descriptor(_classify(t, False, True)) for t in tokens[end:])
        return Mention(cleaned, " ".join(tokens[:end]), None, None, stripped)
    hint = parsed.name if parsed.province else parsed.province_hint
    return Mention(cleaned, parsed.name, parsed.kind, hint, parsed.descriptors)
