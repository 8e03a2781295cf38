"""Geoparsing: every Syrian place mention in running text, resolved with the document as context.

1. :mod:`gazetteer.spot` finds the spans spelled like indexed names (one pass,
   longest name first, Arabic clitics and articles absorbed).
2. The descriptive words around a span join its mention ("the town of X",
   "X countryside", "rural X", "ريف X", "حي X"...), so the resolver reads the kind
   and province they ask for; the span itself stays the name.
3. A local binding ("X in Homs province", "X, Idlib", "X في ريف حمص") makes that
   governorate the span's province.
4. Every span is resolved; the confident, unambiguous answers vote for their
   governorates (by confidence). An ambiguous or unsure span is resolved again
   with the governorate the votes prefer among its candidates' governorates; the
   explanation names the mentions that decided.
5. A span that resolves to no confident place is no mention (a person's name,
   a common word, a place outside Syria): the confidence threshold, and a Latin
   word that is not capitalised, decide it.
6. A capitalised Latin name listed next to a settlement found, that no indexed
   spelling spotted ("Akhtarin and Turkmanbareh"), is asked in that settlement's
   governorate and kept when it is a confident settlement there, matched by a
   spelling of its name (not when the caller gives the province).

>>> from gazetteer import load
>>> text = "Fighting reached Talbiseh and Rastan, north of Homs."
>>> [(m.text, m.match.place.id) for m in load().geoparse(text)]
[('Talbiseh', 'gn:163779'), ('Rastan', 'gn:172946'), ('Homs', 'gn:169577')]
"""

from __future__ import annotations

import gc
import re
from bisect import bisect_left, bisect_right
from collections import Counter, defaultdict
from collections.abc import Callable, Collection, Iterator, Sequence
from dataclasses import replace
from functools import cache, lru_cache, partial
from itertools import islice, pairwise, takewhile
from operator import itemgetter
from typing import Any, Protocol

from . import governorates as govs
from .common_words import is_common_arabic, is_common_english
from .confidence import DEFAULT_MIN_CONFIDENCE
from .declared_names import with_declared_names
from .errors import InvalidQueryError
from .foreign import FOREIGN_COUNTRIES, FOREIGN_DEMONYMS, is_foreign
from .geo import fast_distance_m
from .kinds import ADMIN_KINDS, AREA_KINDS, FACILITY_CORE_KINDS, FACILITY_KINDS, POPULATED_KINDS, accepts
from .mention import (
    CENTRE_WORDS,
    COMPASS_NOUNS,
    ends_a_name,
    is_compass,
    is_descriptor,
    is_direction_adjective,
    is_facility_adjective,
    is_kind_modifier,
    is_parts_word,
    is_surroundings_word,
    parse_mention,
    word_kind,
)
from .model import Match, Place, PlaceMention
from .normalize import (
    ARABIC_CLITICS,
    ARABIC_CONJUNCTIONS,
    AYN_MARKS,
    exact_key,
    fold,
    fold_arabic,
    is_arabic,
    variant_key,
)
from .opened import OpenedIndex
from .rank import NEIGHBOUR_TIERS
from .scoring import SCORES
from .spatial import Nearby
from .spot import SPOTTED_CORE_KINDS, Span, Words, opens_a_construct, opens_a_name, spot

__all__ = ["MAX_TEXT_CHARS", "MENTION_SCHEMA", "PlaceMention", "geoparse", "geoparse_table"]

#: Longest text geoparse takes (characters); longer input raises InvalidQueryError.
MAX_TEXT_CHARS = 50_000_000
#: Descriptive words taken into a span's mention, at most this many on each side.
_CONTEXT_WORDS = 3
#: ب alone is the clitic of the next span ("حي الفيض بحماة": in Hama); "هجين (دير الزور)": a title's place.
_CONNECTOR_RE = re.compile(r"^(?:,|،|in|of|في|ب|the|\()$", re.IGNORECASE)
_GAP_WORD_RE = re.compile(r"[,،]|[^\s,،]+")
#: Marks of an ayn or a hamza that may end a romanised name outside its span ("Izra'", "Dar'a").
_NAME_END_MARKS = "'’ʼʿʾ`´"
#: The most words between two spans that :func:`_binds` reads as a binding ("X in the countryside of Y").
_BINDING_GAP_WORDS = 5
#: A sentence's end between two spans: a full stop, question or exclamation mark before a space, or a line break.
_GAP_SENTENCE_END_RE = re.compile(r"[.!?؟](?:\s|\Z)|\n")
_POSSESSIVE_RE = re.compile(r"^['’]s?\s+$")
#: A possessive between two spans ("Idlib's Jabal al-Zawiya"): :func:`_bind`.
_POSSESSIVE_GAP_RE = re.compile(r"['’]s?\s+")
#: What separates two names of a list; a direction adjective closes the mention before ("ريف حلب الغربي وإدلب").
_LIST_RE = re.compile(
    r"^\s*(?:(?:(?:ال)?(?:شمالي|جنوبي|شرقي|غربي)|(?:شمال|جنوب|شرق|غرب)(?:اً|ًا|ا))\s+)?(?:,|،|and|or|و)\s*(?:and\s+)?$",
    re.IGNORECASE,
)  # "محافظتي طرطوس جنوباً واللاذقية شمالاً": a direction word of the first name may close it
#: The gap between two names of a tally, one per line with its count ("– اللاذقية: 836.\n– طرطوس: 503."):
#: a list too (:func:`_read_lists`), as monitors' and humanitarian reports count by governorate.
_TALLY_GAP_RE = re.compile(r"^\s*[:：]\s*[\d٠-٩][\d٠-٩,.،]*\s*[.؛;]?[ \t]*\n\s*[-–—•*·]?\s*$")
#: Longest text between two listed names that :func:`_by_list_fellow` reads as a list's separator.
_LIST_GAP_CHARS = 12
#: A list's separator with the next name's Arabic settlement word ("قرية الزهراء ومدينة نبل"): :func:`_by_list_fellow`.
_LIST_KIND_RE = re.compile(r"^\s*(?:,|،)?\s*و(?:مدينة|بلدة|قرية)\s+$")
#: "region" right after a name ("the Tell Abyad region", "the Afrin Region"): :func:`_read_region`.
_REGION_AFTER_RE = re.compile(r"['’]?\s[Rr]egion\b")
#: The country after a name, closing a location's chain ("Houla, Homs, Syria"): :func:`_chained`.
_COUNTRY_AFTER_RE = re.compile(r"\s*[,،]\s*(?:Syria|سوريا|سورية)\b")
#: A place's name and a comma right before a name, on its line ("Houla, "): :func:`_chained`.
_PLACE_BEFORE_RE = re.compile(r"[^\W\d_][^,،|\n:;()]*[,،]\s*$")
_CHAIN_LOOK_BEHIND = 40
#: An encyclopedia's short description at a line's start, before a name and the country ("Village in
#: Homs, Syria"): a settlement lies in a governorate (:func:`_chained`); a quarter lies in its city.
_SETTLEMENT_IN_RE = re.compile(r"(?:^|\n)(?:Village|Town|City|Human settlement|Municipality|Place) in $")
#: A comma and the spaces around it, alone between two mentions.
_COMMA_GAP_RE = re.compile(r"\s*[,،]\s*")
#: A word for a city's quarter: the chain "حي الزهراء، حمص، سوريا" names the city, not the governorate
#: (also glued to an infobox's label: "الموقعحي الزهراء").
_QUARTER_WORD_RE = re.compile(r"(?:^|\W|الموقع)(?:ال)?(?:حي|neighbou?rhood|quarter)(?:\W|$)", re.IGNORECASE)
#: A commander's or a head's title after a governorate's name and up to three words of the body he
#: leads ("Latakia NDF commander", "Homs Army commander", "Raqqa state security head"): the governorate.
_COMMANDER_AFTER_RE = re.compile(
    r"(?:\s+(?!(?:of|the|in|and|or|to|from|was|is|said|says|by|for|with)\b)[\w\-]+){0,3}?"
    r"\s+(?:commander|commanders|head(?![\s\-]*(?:office|quarter|water|start|coach|teacher))|chief|leader|leaders|emir)\b"
)
#: The same title before the name, with the body he leads (five words at most) and "in" between
#: ("leader of Ahrar al-Sham rebel group in Homs", "قائد النصرة في إدلب"); "emir Abu Ali ran the
#: group's operations in Raqqa" says where he worked, not his post.
_COMMANDER_BEFORE_RE = re.compile(
    r"(?:\b(?:[Cc]ommander|[Ll]eader|[Cc]hief|[Ee]mir)\b|(?<!\w)(?:قائد|أمير|امير)(?!\w))(?:\s+[^\s.();|,،]+){0,5}?\s(?:in|في)\s$"
)
#: A ministry's directorate after a governorate's name and up to two words of its field ("the Idlib
#: Health Directorate"), or before it with one such word ("مديرية صحة إدلب", "مدير تربية حلب"): each
#: governorate has its own, so the name is the governorate's.
_DIRECTORATE_AFTER_RE = re.compile(r"(?:\s+[A-Z][\w\-]*){0,2}\s+Directorate\b")
_DIRECTORATE_BEFORE_RE = re.compile(r"(?<!\S)[وبل]?(?:مديرية|مديريات|مدير|مديرة)\s+(?!ال)[^\s.،,]+\s+\Z")
#: A title and "of" right before a governorate's name that ends its phrase ("ISIL chief commander of
#: Aleppo)", "the prefect of Deir ez-Zor,"): the area of his post (:func:`_commanded`).
_TITLE_OF_BEFORE_RE = re.compile(
    r"\b(?:[Cc]ommander|[Ll]eader|[Cc]hief|[Ee]mir|[Pp]refect|[Ww]ali)\s+of\s+(?:the\s+)?\Z"
)
_PHRASE_END_RE = re.compile(r"\s*(?:[),;.:|\n]|\Z)")
#: An encyclopedia's locator map after or around a governorate's name (:func:`_locator_map`).
_MAP_FILE_AFTER_RE = re.compile(r" in Syria[^|\n.]{0,30}\.(?:svg|png)\b")
_MAP_WITH = "Map of Syria with "
#: The geographers' "من أعمال" (among the dependencies of) before a capital's name: its province.
_DEPENDENCIES_BEFORE_RE = re.compile(r"(?<!\S)(?:من|في)\s+(?:أعمال|اعمال)\s+\Z")
#: What before a governorate's name makes it the area of a post or an office (:func:`_commanded`).
_POST_BEFORE_RES = (_COMMANDER_BEFORE_RE, _DIRECTORATE_BEFORE_RE, _DEPENDENCIES_BEFORE_RE)
#: How far before a name :data:`_COMMANDER_BEFORE_RE` reads, in characters.
_COMMANDER_LOOK_BEHIND = 70
#: "The northern countryside of" before the name ("الريف الشمالي لحماة", "في الريف الغربي لدمشق", "في
#: الريف الشرقي من حلب"): the countryside word with its article, one or two direction adjectives, and
#: the clitic ل that the name carries or the word من. The name is then the governorate's, as "ريف حماة
#: الشمالي" makes it.
_COUNTRYSIDE_OF_RE = re.compile(
    r"(?<!\S)[وف]?ب?(?:الريف|الأرياف|الارياف)(?P<adjectives>(?:\s+\S+){1,2}?)\s+(?:ل|من\s+)\Z"
)
#: A list's separator and the countryside word of its next name ("إدلب وريف حلب").
_COUNTRYSIDE_NEXT_RE = re.compile(r"^\s*(?:,|،)?\s*و(?:ب|ل)?(?:ريف|أرياف|ارياف)\s+$")
#: The gap before a list's next governorate that lies next to the one before: "the provinces of Idlib
#: and adjacent Aleppo", "Idlib and neighbouring Hama provinces" (:func:`_read_lists`).
_NEIGHBOUR_NEXT_RE = re.compile(r"^\s*(?:,|,?\s*and)\s+(?:adjacent|adjoining|neighbou?ring)\s+$", re.IGNORECASE)
#: Plural province words: said of a list, they make every governorate name of it a governorate.
_PROVINCES_RE = re.compile(
    r"^(?:provinces|governorates|governors|muhafazat|محافظات|محافظتي|محافظي|محافظا|محافظو|ريفي)$", re.IGNORECASE
)
#: A plural or dual province word a few words before a list, then "هما"/"هي" or a colon: "في محافظتين
#: رئيستين هما: اللاذقية وطرطوس" (two main governorates, namely Latakia and Tartus), "المحافظات التالية:".
_PROVINCES_BEFORE_RE = re.compile(
    r"(?<![\u0621-\u064a])(?:ال)?(?:محافظتين|محافظتان|محافظات)(?:\s+[\u0621-\u064a]+){0,2}\s*(?:(?:هما|هي)\s*:?|:)\s*$"
    r"|\b(?:provinces|governorates)(?:\s+\w+){0,2}\s*:\s*$",
    re.IGNORECASE,
)
#: How far before a list :data:`_PROVINCES_BEFORE_RE` reads, in characters.
_PROVINCES_LOOK_BEHIND = 40
#: Plural unit words (as :func:`gazetteer.normalize.fold` writes them): said before or after a list, they
#: make every name of it such a unit ("Hajin and As-Souseh subdistricts", "ناحيتا سلوك وعين عيسى"), as a
#: descriptive word asks it ("X subdistrict", "ناحية X").
_UNITS_OF_A_LIST = {
    "districts": "district",
    "subdistricts": "subdistrict",
    "nahiyas": "subdistrict",
    "nawahi": "subdistrict",
    "منطقتا": "منطقة",
    "منطقتي": "منطقة",
    "ناحيتا": "ناحية",
    "ناحيتي": "ناحية",
    "نواحي": "ناحية",
    "حيا": "حي",  # "حيا الميدان والسليمانية": the two quarters
    "حيي": "حي",
}
#: A list of at least this many governorate names reads as governorates ("in Aleppo, Idlib, Hama and Homs").
_GOVERNORATE_LIST = 3
#: City words: a sentence that says them, and a word of comparison right before a list of governorate
#: names, speaks of the cities ("the fifth city after Damascus, Aleppo, Homs and Hama", "مدينة ... بعد
#: دمشق وحلب وحمص وحماة").
_CITIES_RE = re.compile(
    r"\b(?:city|cities)\b|(?<![\u0621-\u064a])(?:ال)?(?:مدينة|مدن)(?![\u0621-\u064a])", re.IGNORECASE
)
#: Words of comparison right before a list that a sentence's city word speaks of (:func:`_compared_cities`).
_COMPARISON_WORDS = frozenset({"after", "than", "like", "as", "including", "بعد", "مثل", "منها", "ومنها", "كمدن"})
#: Verbs of a road or a line that joins places: the list after one names cities ("the M5 highway, which
#: connects Aleppo, Hama, and Homs to Damascus"; "الطريق الذي يربط حلب وحماة وحمص").
_CONNECTING_WORDS = frozenset(
    {"connects", "connecting", "links", "linking", "joins", "joining", "يربط", "تربط", "الرابط",
     "towards", "toward", "نحو", "صوب", "باتجاه"}  # a road or a move towards the cities: "يتجه نحو حماة وحمص ودمشق"
)  # fmt: skip
#: Where a sentence ends (:func:`_compared_cities`, :func:`_sentence_names_elsewhere`), and how far
#: back one is read for :data:`_CITIES_RE`.
_SENTENCE_CHARS = 300
_SENTENCE_END_RE = re.compile(r"[.!?؟\n]")
#: Kinds a one-word span is no mention of without a descriptive word asking for them: a quarter's
#: roundabout or a prison named by a common word ("الزراعة", "المركزي"); camps are settlements.
_NEEDS_DESCRIPTOR = FACILITY_KINDS - {"camp"}
#: Kinds a one-word Arabic span is no mention of when its word is a common word
#: (:data:`.common_words.COMMON_WORD_ZIPF`) and no descriptive word asks for the place: villages and
#: quarters named by a noun ("الزراعة", agriculture; "العدوان", aggression). Cities and towns keep
#: their names as written ("الباب", "الطبقة", "القصير"), not without their article ("ثورة",
#: revolution, is no al-Thawrah); a town of no known population needs its governorate named in the
#: text (:func:`_common_word_town`).
_COMMON_WORD_KINDS = frozenset({"village", "neighbourhood", "camp"})
#: How far either side of a span :func:`_line_around` reads its line.
_LINE_CHARS = 200
_LONG_LATIN_WORD_RE = re.compile(r"[A-Za-z][A-Za-z'’-]{3,}")
#: Kinds of place whose one-word name before a surname is a given name when the place's Arabic name is
#: a common Arabic word (:func:`_given_name`; :func:`_surname_after`: "Jassem Mohammed";
#: :func:`_family_name_after`: "جاسم الحريري"); a city's or a governorate's name goes on with its
#: landmarks ("Aleppo Citadel"), a known town's with its bodies ("Saraqib Coordination Committee").
_SMALL_PLACE_KINDS = frozenset({"town", "village", "neighbourhood", "camp"})
#: The kinds of place news name often enough that a common word after a definite noun is still the
#: place (:func:`_adjective`): "دخلت القوات الباب" is al-Bab.
_NAMED_LIKE_WORDS_KINDS = frozenset({"city", *ADMIN_KINDS})
#: Arabic words of a distance before a compass word ("25 كم جنوب اللاذقية"): the compass word then
#: measures from the place named, it does not name part of a governorate. (English says "25 km south
#: of Latakia", and "of" already keeps "south" off the name.)
_DISTANCE_UNITS = frozenset({
    "كم", "كلم", "كيلو", "كيلومتر", "كيلومترا", "كيلومترات", "كيلومترًا", "كيلومتراً", "ميل", "ميلا", "أميال", "متر",
})  # fmt: skip
#: Arabic verbs of lying before a compass word ("تقع جنوب اللاذقية", it lies south of Latakia), with
#: their clitic, and a suburb's word ("ضاحية جنوب شرق حمص", a suburb south-east of Homs): the compass
#: word says where a place lies from the city, as a distance does.
_LIES_WORDS = frozenset(
    {"تقع", "يقع", "وتقع", "ويقع", "الواقعة", "الواقع", "تبعد", "يبعد", "وتبعد", "ويبعد", "ضاحية", "وضاحية"}
)
#: A distance right after a name ("شمالي حماه حوالي 25 كلم", "north of Hama by some 25 km"): the
#: compass word before the name says where a place lies from the city.
_DISTANCE_AFTER_RE = re.compile(
    r"\s*(?:,\s*)?(?:(?:حوالي|حوالى|نحو|بنحو|بحوالي|مسافة|بمسافة|about|around|approximately|some|by)\s+){0,2}"
    r"\d[\d.,]*\s*(?:كم|كلم|كيلو|km|kilomet|mi\b|miles)",
    re.IGNORECASE,
)
_LATIN_COUNTRIES = "|".join(c for c in FOREIGN_COUNTRIES if c.isascii())
_LATIN_DEMONYMS = "|".join(d for d in FOREIGN_DEMONYMS if d.isascii())
_ARABIC_DEMONYMS = "|".join(d for d in FOREIGN_DEMONYMS if not d.isascii())
_COUNTRIES = "|".join(FOREIGN_COUNTRIES)
_COMPASS_WORDS = (
    "(?:southern|northern|eastern|western|central|south|north|east|west|جنوبي|شمالي|شرقي|غربي|جنوب|شمال|شرق|غرب|وسط)"
)
#: Words after a name that make it a channel's or a station's (:func:`_media_named`).
_MEDIA_AFTER_RE = re.compile(
    r"(?:\s+(?:TV|Television|Channel|Radio|FM|Post|Today|Now|News\b|[Nn]ews\s+[Aa]gency|Media(?=\s+(?:Center|Centre|Office)))"
    r"|\s*24\b(?!\s*(?:hours?|hrs?|h\b|km|kilomet|miles?|people|persons?|civilians|killed|dead|January|February|March"
    r"|April|May|June|July|August|September|October|November|December|ساع|كم|كيلو|شخص|قتيل|مدني)))\b"
)  # "Suwayda 24", "Deir ez-Zor 24", "السويداء24" (news networks), "the Qalamoun Media Center"; not "Idlib 24 hours"
#: "news agency" or "agency" right after a name: the agency's own name, which names it anywhere in
#: the text ("The official Sana news agency reported... told Sana"), not a town's (As-Saan).
_AGENCY_AFTER_RE = re.compile(r"\s+(?:[Nn]ews\s+)?[Aa]gency\b")
#: A verb of telling right before a name: one tells an outlet or a person, not a town ("told Al Mayadeen",
#: "speaking to Enab Baladi", "in an interview with Al-Watan"), when the name ends the phrase
#: (:data:`_SPOKEN_TO_AFTER_RE`): "told Aleppo residents", "told Raqqa's residents", "an interview with
#: Homs governor" tell the people of the place.
_SPOKEN_TO_BEFORE_RE = re.compile(r"\b(?i:told|telling|speaking\s+to|spoke\s+to|talking\s+to|interview\s+with)\s+$")
#: What follows an outlet or a person told something: a mark, the text's end, or a word that opens
#: what was said or when ("told Al Mayadeen that", "speaking to Enab Baladi on Monday").
_SPOKEN_TO_AFTER_RE = re.compile(
    r"\s*(?:[,.;:)\]\"”(]|$)|\s+(?:that|on|in|about|via|by|from|said|says|over|during|while|when|last|"
    r"this|today|yesterday|earlier|recently|under|at|for|and)\b"
)
_SPOKEN_TO_LOOK_BEHIND = 24
#: "مركز" or "مكتب" (centre, office) before a name and "الإعلامي" (media) after it: a media centre
#: named after a town ("مركز الأتارب الإعلامي", "المكتب الإعلامي" stands before no name).
_MEDIA_CENTRE_BEFORE_RE = re.compile(r"(?:^|[\s(])[ول]?(?:مركز|مكتب)\s*[“\"«]?$")  # "(مركز حماة الإعلامي)"
_MEDIA_CENTRE_AFTER_RE = re.compile(r"\s+ال[إا]علامي(?![\u0621-\u065f\u066e-\u06d3])")  # "الإعلامي،"
#: "اليوم" (today) and a closing quote after a quoted name: a channel's name ("“حلب اليوم”").
_TODAY_QUOTED_AFTER_RE = re.compile(r"\s+اليوم\s*[”\"»]")
_OPENING_QUOTES = frozenset('“"«')
#: The word that asks for a river, last of a mention's descriptors ("the Barada River"): only a
#: feature is one, not the valley or region a river names (Wadi Barada).
_RIVER_WORDS = ("river",)
#: "Saint" or "St." right before a span: the saint's name ("the churches of St. John and St. Saba");
#: "god" or "goddess" a deity's ("named for the Semitic god Bel", no village Bel).
_SAINT_BEFORE_RE = re.compile(r"\b(?:Saint|St\.?|Sts\.?|[Gg]od|[Gg]oddess)\s\Z")
_SAINT_LOOK_BEHIND = 9
#: Jund, an early Islamic military province, before the name of the city that named it (:func:`_old_province_named`).
_JUND_WORDS = frozenset({"Jund", "جند", "وجند", "بجند", "لجند"})
#: The words right before a railway's or a train's name (rail, train), and the word after an English one.
_RAIL_WORDS = frozenset({"حديد", "قطار"})
_RAILWAY_AFTER_RE = re.compile(r"\s+Railway\b(?!\s+[Ss]tation)")
#: Words before a name that make it a channel's, an agency's or a paper's: Arabic as :func:`_bare` writes
#: them, English in lower case.
_MEDIA_WORDS = frozenset(
    {"قناه", "تلفزيون", "اذاعه", "راديو", "وكاله", "شبكه", "صحيفه", "جريده", "مجله", "صفحه", "daily", "newspaper"}
    | {"مراسل", "مراسله", "لمراسل"}  # a correspondent: "أفاد مراسل الميادين" (the channel's)
    | {"agency"}  # "Official news agency Sana said": SANA, not As-Saan
)  # "the daily Al-Thawra" is the state paper, not al-Thawrah
#: How far before a span :func:`_said_foreign` looks for a foreign adjective (characters).
_FOREIGN_LOOK_BEHIND = 48
#: What says a name is another country's place: its people's adjective or the country's possessive
#: right before it, with a kind word and "of" ("the Iraqi town of Sinjar", "Jordan's Aqaba")...
_FOREIGN_BEFORE_RE = re.compile(
    rf"(?<![-\w])(?:(?:{_LATIN_COUNTRIES})['’]s|{_LATIN_DEMONYMS})"
    r"(?:\s+(?:border|coastal|southern|northern|eastern|western|central))?"
    r"(?:\s+(?:town|city|village|port|province|governorate|camp|region|district|area|crossing)\s+of)?\s+(?:the\s+)?$"
)
#: ... or, after it, the adjective in Arabic ("العقبة الأردنية") or the country, with a compass word, after
#: "in", في or ب ("صور جنوبي لبنان", "the Bureij camp in central Gaza", "سنجار في العراق", "أريحا
#: بالضفة الغربية"), or after a comma and before a punctuation mark ("Sinjar, Iraq, was retaken";
#: "In Daraa, Jordan closed..." begins a clause).
_FOREIGN_AFTER_RE = re.compile(
    rf"(?:\s+(?:{_ARABIC_DEMONYMS})(?!\w)"
    rf"|(?:\s+(?:camp|town|city|village))?(?:\s*,?\s+(?:in|في)\s+(?:{_COMPASS_WORDS}\s+)?|\s+{_COMPASS_WORDS}\s+|\s+ب)"
    rf"(?:{_COUNTRIES})(?![-\w'’])"
    rf"|\s*[,،]\s*(?:{_COUNTRIES})(?=\s*(?:[,.;:)\]]|$)))"
)
#: Words that open a mountain's name (:func:`_mountain_named`), as :func:`_bare` writes them (lower case).
_MOUNTAIN_WORDS = frozenset({"جبل", "جبال", "jabal", "jebel", "jabel", "jbel"})
#: Ranks and titles that open a person's name ("Col. Suheil al-Hassan", "Commander Rûbar Qamishlo"):
#: none begins a place's name, unlike "Sheikh" (Sheikh Maskin) or "Emir".
_RANKS = frozenset({
    "col", "colonel", "gen", "general", "brig", "brigadier", "maj", "major", "lt", "lieutenant", "capt", "captain",
    "commander", "admiral", "sgt", "sergeant", "president", "minister", "dr", "mr", "mrs", "ms", "queen", "king",
    "sultan", "emperor", "prince", "princess", "caliph", "emir", "sheikh",
})  # fmt: skip
#: Words with the article that follow a name and are no family name: relative pronouns, days and
#: times ("بمدينة القصير التي", "جاسم الأحد", "زار الوزير كفرنبل الأسبوع الماضي"), as :func:`_bare` writes them.
_NOT_FAMILY_NAMES = frozenset({
    "الذي", "التي", "الذين", "اللذين", "اللتين", "اللواتي", "اللاتي", "الاحد", "الاثنين", "الثلاثاء", "الاربعاء",
    "الخميس", "السبت", "الان", "اليوم", "الاسبوع", "الشهر", "العام", "الفجر", "الظهر", "العصر", "الصباح", "المساء",
    "الماضي", "المقبل", "الحالي", "الجاري",
})  # fmt: skip
#: Adjectives and names of Syria's peoples and faiths, which come before a place as no given name does
#: ("Kurdish Afrin", "Druze Suwayda", "Armenian Kessab", "Sunni Talbiseh"): :func:`_given_name_before`.
_PEOPLES = frozenset({
    "kurdish", "kurd", "kurds", "arab", "arabs", "druze", "alawite", "alawites", "alawi", "armenian", "armenians",
    "assyrian", "assyrians", "syriac", "christian", "christians", "ismaili", "ismailis", "sunni", "sunnis", "shia",
    "shiite", "shiites", "turkmen", "circassian", "yazidi", "yazidis", "bedouin", "palestinian", "muslim", "orthodox",
    "catholic", "maronite", "chechen",
})  # fmt: skip
#: Peoples' names in Arabic (as :func:`_bare` writes them): alone they are the people, not a place
#: ("هاجر السريان", the Syriacs migrated); a kind word before one names a place ("حي الأكراد").
_ARABIC_PEOPLES = frozenset({
    "السريان", "الاكراد", "الكرد", "التركمان", "الارمن", "الشركس", "الدروز", "العلويين", "العلويون", "الاشوريين",
    "الاشوريون", "الايزيديين", "الايزيديون", "اليزيديين", "الكلدان", "الشيشان", "البدو",
})  # fmt: skip
#: Arabic adjectives of the governorates' capitals, as :func:`_bare` writes them, and the governorate
#: each binds a name before it to (:func:`_nisba_binding`).
_NISBAS = {
    **dict.fromkeys(("الدمشقي", "الدمشقيه"), "SY01"), **dict.fromkeys(("الحلبي", "الحلبيه"), "SY02"),
    **dict.fromkeys(("الحمصي", "الحمصيه"), "SY04"), **dict.fromkeys(("الحموي", "الحمويه"), "SY05"),
    **dict.fromkeys(("اللاذقاني", "اللاذقانيه"), "SY06"), **dict.fromkeys(("الادلبي", "الادلبيه"), "SY07"),
    **dict.fromkeys(("الديري", "الديريه"), "SY09"), **dict.fromkeys(("الطرطوسي", "الطرطوسيه"), "SY10"),
    **dict.fromkeys(("الرقاوي", "الرقاويه"), "SY11"), **dict.fromkeys(("الدرعاوي", "الدرعاويه"), "SY12"),
}  # fmt: skip
#: The commonest men's given names, which follow a given name as the father's ("جاسم محمد"), as
#: :func:`_bare` writes them; no Syrian place is named so.
_FATHERS_NAMES = frozenset({"محمد", "احمد", "علي", "حسن", "حسين", "محمود", "خالد", "عمر", "ابراهيم", "مصطفى", "يوسف"})
#: Verbs of saying right before a given name ("قال جاسم الحريري"), as :func:`_bare` writes them.
_SAYING_VERBS = frozenset({
    "قال", "وقال", "اكد", "واكد", "اعلن", "واعلن", "افاد", "وافاد", "صرح", "وصرح", "اوضح", "واوضح", "ذكر", "وذكر",
    "اشار", "واشار", "اضاف", "واضاف",
})  # fmt: skip
#: How many words before a one-word Arabic span :func:`_family_name_after` reads for a rank or a title.
_PERSON_WINDOW = 5
#: The same ranks and titles in Arabic, with the article, as :func:`_bare` writes them.
_ARABIC_RANKS = frozenset({
    "العميد", "العقيد", "المقدم", "الرائد", "النقيب", "الملازم", "الرقيب", "العريف", "اللواء", "الفريق", "القيادي",
    "القائد", "الرئيس", "الوزير", "النائب", "الدكتور", "المهندس", "الناشط", "الصحفي", "الاعلامي", "المتحدث",
    "القياديه", "القائده", "الوزيره", "النائبه", "الدكتوره", "المهندسه", "الناشطه", "الصحفيه", "الاعلاميه",
    "المتحدثه", "الطالب", "الطالبه", "الكاتب", "الكاتبه", "الشاعر", "الشاعره", "الفنان", "الفنانه", "المعلم",
    "المعلمه", "السيد", "السيده", "الشاب", "الشابه", "الطفل", "الطفله", "الفتاه", "الحاج", "الحاجه",
})  # fmt: skip
#: "هجوم" (an offensive, an attack) with a clitic, as :func:`gazetteer.normalize.fold` writes it; and
#: what after the name makes it one attack on a point, not an offensive across a governorate.
_ATTACK_WORDS = frozenset({"هجوم", "وهجوم", "بهجوم", "لهجوم", "فهجوم"})
_ATTACK_AFTER_RE = re.compile(
    r"\s+(?:و?ال(?:إرهابي|ارهابي|انتحاري|كيميائي|كيماوي|مسلح|دموي|صاروخي|جوي|إسرائيلي|اسرائيلي)"
    r"|على\s|ب(?:ال)?(?:طائر|صاروخ|صواريخ|سيار|عبو|قذائف|مسير)|(?:الذي|التي)\s+(?:استهدف|طال|وقع|ضرب|أودى|اودى))"
)
#: Given names that are common English words too ("Ali"): still given names after a rank.
_COMMON_GIVEN_NAMES = frozenset({"ali"})
#: The words of the small tables below are compared as :func:`_bare` writes them: marks off, alef
#: forms and ة as the tables write them. (Folding every word next to a span cost 3 % of a long text.)
#: Words that make the name after them a person's: father of, son of, daughter of ("Abu Jassim" is
#: a commander, not the town Jasim); mother of, which also opens names of villages that the index may
#: lack ("وام الميادين", Umm al-Mayadhin in Daraa, is no al-Mayadin).
_KIN_WORDS = frozenset({"abu", "ibn", "bin", "bint", "umm", "ابو", "ابن", "بن", "بنت", "ام"})
#: "The citizen" (he, she; "to the citizen"): a person's name follows, in reports that quote residents
#: ("أوضحت المواطنة هنادي علي من قرية الدبيبية"): :func:`_kunya`.
_CITIZEN_WORDS = frozenset({"المواطن", "المواطنه", "للمواطن", "للمواطنه"})
#: "Servant of", which opens given names before a name of God ("Abdul-Aziz", "عبد العزيز"): :func:`_kunya`.
_SERVANT_WORDS = frozenset({"abd", "abdul", "abdel", "abdal", "abdol", "abdu", "عبد"})
#: Arabic demonstratives: "تلك الشجرة" is that tree, never a place's name. Not ذلك, which mostly ends
#: an adverb ("بما في ذلك الرقة", including Raqqa; "بعد ذلك", after that).
_DEMONSTRATIVES = frozenset({"هذه", "هذا", "تلك", "هذي", "هاتين", "هذين"})
#: "Lower" and "upper", "greater" and "lesser", and colours: after a name they make another village of
#: it ("المخرم التحتاني", "إدلب الصغرى", "السعن الأسود") or a wider area ("دمشق الكبرى", the metropolitan
#: area). Not "big" and "small", which after a kind word describe the place ("قرية القبير الصغيرة").
_LOWER_UPPER = frozenset({
    "التحتاني", "الفوقاني", "التحتانيه", "الفوقانيه", "تحتاني", "فوقاني", "تحتانيه", "فوقانيه", "الكبرى", "الصغرى",
    "الاسود", "السوداء", "الاحمر", "الحمراء", "الابيض", "البيضاء",
})  # fmt: skip
#: Particles before a name that start a phrase of their own: "lower" after the name is the name's.
_PARTICLES = frozenset({"في", "من", "الي", "الى", "علي", "على", "عن", "و", "ثم", "بين", "قرب", "نحو", "حتى", "حتي"})
#: Masculine relative and reflexive words after a noun (as :func:`_bare` writes them): "التل الذي", "التل نفسه".
_MASCULINE_RELATIVES = frozenset({"الذي", "نفسه", "ذاته"})
#: Adjectives that say no town: after a common word they make a phrase of it ("الثورة السورية").
_NO_TOWN_ADJECTIVES = frozenset({
    "السوريه", "السوري", "العربيه", "العربي", "الاسلاميه", "الاسلامي", "السياسيه", "السياسي", "الشعبيه", "الشعبي",
    "الوسطى", "الغنيه", "الفقيره", "الحاكمه", "العامله",  # a social class: "الطبقة الوسطى", "الطبقة الغنية"
})  # fmt: skip
#: The Arabic vowel marks, fathatan to sukun (the first three are the tanween).
_VOWEL_MARKS = "".join(map(chr, range(0x064B, 0x0653)))
#: What :func:`_bare` changes: Arabic marks and tatweel out, أ إ آ to ا, ة to ه.
_BARE_TABLE = str.maketrans({**dict.fromkeys(_VOWEL_MARKS, None), "\u0640": None, "\u0670": None,
                             "أ": "ا", "إ": "ا", "آ": "ا", "ة": "ه"})  # fmt: skip
#: From this many characters :func:`geoparse` pauses the cyclic garbage collector while it runs.
_PAUSE_GC_CHARS = 20_000
#: How far from a governorate capital's point a place bound to it ("X, Homs") lies outside the city.
_CITY_RADIUS_M = 10_000.0
#: How far from a governorate capital's point a town or a village bound to it ("Sarmin, Idlib", 9 km
#: away) is a town of the governorate; a village nearer is one the city has grown over (Aleppo's
#: Salah al-Din, Homs's Dayr Baalbah, 4 km), which the sources file as villages (:func:`_lies_outside_city`).
_TOWN_RADIUS_M = 6_000.0
#: Kinds :func:`_without_far_outliers` may drop: the small places whose names repeat across the country.
_OUTLIER_KINDS = frozenset({"village", "town", "neighbourhood"})
#: How many places one governorate of a text needs for a far outlier to be dropped.
_OUTLIER_SUPPORT = 3
#: The start of the note of an answer the text bound to a governorate (:func:`_bind`). A bound place
#: is looked for in that governorate alone, but for Damascus: "Daraya, Damascus" means its countryside.
_BOUND_NOTE = "bound by the text to"


def _bound_by_the_text(match: Match) -> bool:
    """Whether the text bound the answer to a governorate (:data:`_BOUND_NOTE`): no filter drops it."""
    return any(s.startswith(_BOUND_NOTE) for s in match.signals)


#: What separates a table's label from its value: "Governorate | Homs", "- Region: Hama".
_LABEL_MARK_RE = re.compile(r"[|:]")
#: The end of a line right after an Arabic span: with the unit word that opens the line, an infobox's
#: label and value ("المنطقة إزرع").
_ARABIC_LABEL_LINE_RE = re.compile(r"[ \t\u00a0]*(?:\n|\Z)")
_BULLETS = "-*•"
#: Words after "provincial" that make it the governorate's seat, the city ("Homs provincial centre").
_SEAT_WORDS = frozenset(
    {"capital", "capitals", "centre", "centres", "center", "centers", "city", "cities", "seat", "seats"}
)
#: Labels an infobox gives a town's first level of division under ("- Region: Tartus").
_REGION_LABELS = frozenset({"Region", "region"})
#: Places a list of settlements holds (:func:`_list_fellows`): "Akhtarin and Turkmanbareh", "in Khan Sheikh, Qatana".
_LISTED_KINDS = frozenset({*POPULATED_KINDS, "neighbourhood"})
#: How far into a text its first mention may start and still be its title's (:func:`_one_sense`).
_TITLE_CHARS = 80
#: The province or district word right after or before a name, in English (:func:`_one_sense`).
_PROVINCE_AFTER_RE = re.compile(r"\s+(?:governorate|province)\b", re.IGNORECASE)
_PROVINCE_BEFORE_RE = re.compile(r"\b(?:governorate|province) of (?:the )?$", re.IGNORECASE)
_DISTRICT_AFTER_RE = re.compile(r"\s+district\b", re.IGNORECASE)
#: "capital" or "seat" right before a name: the unit's seat, the town ("The capital is Raqqa", "Seat Afrin").
_CAPITAL_BEFORE_RE = re.compile(r"\b(?:capital|seat)(?: city)?(?: is| of| being| was)?(?: the)?[\s:|]*$", re.IGNORECASE)
#: The same said after the name: "Tartus is the regional capital", "Raqqa was the capital of".
_CAPITAL_AFTER_RE = re.compile(r"\s+(?:is|was)\s+(?:the\s+)?(?:\w+\s+)?(?:capital|seat)\b", re.IGNORECASE)
#: The places whose points decide between a mention's namesakes (:func:`_by_nearby_place`): a city
#: is too large (a quarter of Aleppo lies "by" Aleppo as surely as a village 20 km out does not).
_NEARBY_KINDS = frozenset({"village", "town"})
#: How many of a mention's candidates :func:`_by_nearby_place` measures against the text's places.
_NEARBY_CANDIDATES = 5
#: The side of :func:`_by_nearby_place`'s grid cells, in degrees: 0.12° (13 km of latitude, 11 km of
#: longitude in Syria) holds, with its eight neighbours, every point within ``SCORES.near_decides_m``.
_CELL_DEGREES = 0.12
#: How a listed name must match: by a name or a spelling of it ("Turkmanbareh", Turkmen al-Bareh), not by
#: consonants alone, which make a place of any capitalised word ("In Aleppo, Armenian families fled").
_LISTED_TIERS = NEIGHBOUR_TIERS
#: Shortest unspotted name :func:`_list_fellows` asks for (a three-letter word is a spelling of too much).
_MIN_LISTED_NAME = 4
#: How far before a listed place :func:`_list_fellows` looks for the name listed before it (characters).
_LIST_LOOK_BACK = 80
_LIST_SEPARATOR = r"(?:\s*,\s*(?:and\s+)?|\s+(?:and|or)\s+)"
_ARTICLE = r"(?:[Aa][lnrstdz]|[Ee][lnrstdz]|[Aa]sh|[Ee]sh)-"
_SENTENCE_WORDS = "The|In|On|At|And|Or|Of|From|To|By|With|For|Near"  # capitalised at a sentence's start, no name
_CAPITALISED = rf"(?!(?:{_SENTENCE_WORDS})\b)(?:{_ARTICLE})?[A-Z][^\W\d_]*(?:['’][^\W\d_]+)*"
#: A capitalised Latin name of one to four words ("Turkmanbareh", "Beit Jann", "al-Yaaroubiyah").
_LATIN_NAME_RE = re.compile(rf"(?<![\w'’-]){_CAPITALISED}(?:[ -]{_CAPITALISED}){{0,3}}(?![\w'’-])")
_LIST_AFTER_RE = re.compile(_LIST_SEPARATOR)
_SPACE_WORD_RE = re.compile(r"[^ ]+")
_LIST_BEFORE_RE = re.compile(rf"(?P<name>{_LATIN_NAME_RE.pattern}){_LIST_SEPARATOR}$")
#: Descriptive words that may name the settlement or unit of that name when the kind asked is missing
#: ("Talbiseh district" is the town when no district has that name); any other kind asked must be met.
_SETTLEMENT_HINTS = frozenset({*ADMIN_KINDS, *POPULATED_KINDS, "neighbourhood", "camp"})
#: The word for one camp in a mention ("مخيم حاس", "بمخيم", "the Ayn Issa refugee camp"): the camp
#: itself, which a town of its name is not; "مخيمات تل رفعت" (the camps) are the town's.
_ONE_CAMP_RE = re.compile(r"(?<!\w)[وفبلك]?(?:ال)?مخيم(?!\w)|(?<!\w)[Cc]amp(?!\w)")


class Gazetteer(Protocol):
    """What geoparsing needs of a :class:`gazetteer.resolve.Gazetteer` (no import back to it)."""

    opened: OpenedIndex

    def candidates(
        self, text: object, *, province: object = ..., near: tuple[float, float] | None = ..., limit: int = ...,
        strict_province: bool = ..., min_confidence: float = ...,
    ) -> list[Match]: ...  # fmt: skip

    def nearest(
        self, lat: object, lon: object, *, k: int = ..., kind: str | Collection[str] | None = ...,
        max_km: float | None = ...,
    ) -> list[Nearby]: ...  # fmt: skip


class _Item:
    """One spotted span on its way to an answer."""

    __slots__ = (
        "acronym", "adjective", "around", "binding", "closed_at", "construct", "found", "generic", "given_before",
        "glossed", "hint", "longer_name", "mention", "mountain", "named_at", "nisba_after", "opens", "part_end",
        "span", "surname", "text", "titled",
    )  # fmt: skip

    def __init__(self, span: Span, text: str, mention: str, hint: str | None, around: tuple[int, int]) -> None:
        self.span, self.text = span, text
        self.around = around  # the span with the descriptive words of its mention
        self.mention, self.hint = mention, hint  # the kind the mention's descriptive words ask for
        self.found: list[Match] = []
        self.binding: str | None = None  # a governorate P-code the text binds the span to
        self.longer_name = False  # "Eastern Ghariyah", "جبل أريحا": a word before the span begins another name
        self.mountain = False  # "جبل المزة": that word is a mountain's
        self.adjective = False  # "القرى الهامة": may be an adjective of the word before (_adjective)
        self.closed_at = around[1]  # where the adjectives that may end a facility's name end (_closed_at)
        self.opens = False  # a Latin span that opens a sentence, its capital the sentence's (_opens_sentence)
        self.surname = False  # a capitalised word after a one-word Latin span goes on with its name (_surname_after)
        self.acronym = False  # a one-word Latin span in capitals in a line that is not: "SANA said..." (_upper_case)
        self.given_before = False  # a given name right before a one-word Latin span: "Ahmad Homsi" (_given_name_before)
        self.named_at = around[0]  # where a facility's name begins in the stretch, past lower-case compass words
        self.titled = False  # a rank right before an Arabic span, a family name after it (_title_right_before)
        self.part_end = 0  # where the adjective saying an area's part ends ("القلمون الشرقي": _part_of_an_area)
        self.glossed = False  # the whole of a gloss after "(", "Arabic:" or "Native name:" (_GLOSS_BEFORE_RE)
        self.nisba_after = False  # a one-word Arabic span before a feminine nisba: "الجزيرة الفراتية" (_NISBA_AFTER_RE)
        self.construct = False  # a bare noun in construct with a name after it: "برج حيدر" (_construct_after)
        self.generic = False  # one Arabic word with its article that opens names: "التل", the hill (opens_a_name)

    def read_as(self, mention: str) -> None:
        """Take ``mention`` as the span's mention, and the kind its descriptive words ask for."""
        self.mention = mention
        self.hint = _kind_hint(mention)

    def read_as_governorate(self) -> None:
        """Take the span as a governorate's name: "محافظة X", "X governorate"."""
        self.read_as(f"محافظة {self.text}" if is_arabic(self.text) else f"{self.text} governorate")


def _lower_case_word(words: Words, span: Span) -> bool:
    """Whether a span is one Latin word in lower case: prose, not a name ("reached" spells a village)."""
    return span.first == span.last and words.keys[span.first][0].isascii() and not words.capital[span.first]


def _kind_hint(mention: str) -> str | None:
    return parse_mention(mention).kind_hint


def _word_gap(gap: str) -> bool:
    """Whether two words are next to each other in one phrase: a space or a hyphen between them, no
    full stop or comma ("the Hauran plain. The Barada River": "plain" says nothing of Barada); a
    quotation mark may open or close a name ("محافظة «القنيطرة»", "قرية \"جبا\""), and a hashtag
    mark open it ("بريف #حلب الشمالي", as news posted on social media write).

    >>> _word_gap(" "), _word_gap(" «"), _word_gap(" #"), _word_gap(". ")
    (True, True, True, False)
    """
    return len(gap) <= 3 and not gap.strip(' -\u00a0«»"“”#')


def _asked_name(text: str, words: Words, span: Span) -> str:
    """The name of a span that starts inside its word (behind one or two clitics) as the resolver is
    asked it: as written, except after لل, where the article the spelling merged into the clitic is
    put back ("للرقة": الرقة, "للاذقية": اللاذقية)."""
    name = text[span.start : span.end]
    first = span.first
    if text[span.start - 1 : span.start + 1] != "لل":  # "للرقة", "وللرقة"
        return name
    key = words.keys[first][span.key].removeprefix("#")
    return (key if key.startswith("ال") else "ال" + key) + text[words.end[first] : span.end]


def _compass_before_countryside(text: str, words: Words, j: int, taken: set[int]) -> bool:
    """Whether word ``j`` is a Latin compass word and "countryside" follows it: "Hama northern
    countryside", as monitors' English writes the governorate's northern countryside.

    >>> text = "in Hama northern countryside, north of Hama city"
    >>> [_compass_before_countryside(text, Words(text), j, set()) for j in (2, 5)]
    [True, False]
    """
    k = j + 1
    if k >= len(words.start) or k in taken or text[words.end[j] : words.start[k]] != " ":
        return False
    if j and text[words.end[j - 1] : words.start[j]] != " ":
        return False  # "Aleppo's western countryside", "Damascus' southwestern countryside": read as before
    word = text[words.start[j] : words.end[j]]
    return word.isascii() and is_compass(word) and text[words.start[k] : words.end[k]].lower() == "countryside"


def _the_compass_of_before(text: str, words: Words, top: int, taken: set[int]) -> list[str]:
    """The words "the", a compass noun and "of" when "in" and they end right before a span at word
    ``top + 1`` ("in the north of Hama": a part of it), else none; "to the southeast of Tartus" says
    where a place lies from the city.

    >>> text = "in the north of Hama, to the south of Hama"
    >>> _the_compass_of_before(text, Words(text), 3, set()), _the_compass_of_before(text, Words(text), 8, set())
    (['the', 'north', 'of'], [])
    """
    if top < 3 or any(k in taken for k in range(top - 3, top + 1)):
        return []
    said = [text[words.start[k] : words.end[k]] for k in range(top - 3, top + 1)]
    if said[0].lower() != "in" or said[1].lower() != "the" or said[3] != "of" or said[2].lower() not in COMPASS_NOUNS:
        return []
    gaps = [text[words.end[k] : words.start[k + 1]] for k in range(top - 3, top + 1)]
    return said[1:] if all(gap == " " for gap in gaps) else []


def _mention(text: str, words: Words, span: Span, taken: set[int], name: str) -> tuple[str, int, int]:
    """The span (its ``name``) with the descriptive words next to it ("the town of X", "X
    countryside"), and where that stretch of text starts and ends."""
    starts, ends = words.start, words.end
    before: list[str] = []
    i = top = _word_before(words, span)  # the word right before the span
    while i >= 0 and len(before) < _CONTEXT_WORDS and i not in taken:
        word = text[starts[i] : ends[i]]
        gap = text[ends[i] : starts[i + 1]] if i + 1 <= span.first else ""
        compass = (
            i == top
            and is_compass(word)
            and not _measured_from(text, words, i)
            and not _DISTANCE_AFTER_RE.match(text, span.end)
        )
        centre = word.lower() in CENTRE_WORDS and (i == top or (before and word_kind(before[0]) == "governorate"))
        # "منطقة مركز إدلب": the centre district of Idlib; "مركز محافظة دير الزور": the governorate's centre
        parts = i == top and not word.isascii() and is_parts_word(word)  # "بلدات درعا الغربية": Daraa's west
        descriptive = is_descriptor(word) or compass or centre or parts  # "southern Idlib", "northern al-Raqqa"
        if before and word_kind(before[-1]) in _CENTRE_UNIT_KINDS and word_kind(word) in POPULATED_KINDS:
            break  # "the administrative center of Nahiyat Diban": the centre is the town's, the mention the unit's
        if not descriptive or not _word_gap(gap) or word.lower() in ("in", "في") or word == "المدينة":
            # "Sasa Prison in Damascus": the prison is not Damascus's. "المدينة" asks for the city
            # after a name ("حلب المدينة"); before one it ends a phrase of its own ("اقتحمت القوات
            # المدينة وبلدة داعل": the city, and the town of Da'el)
            break
        before.insert(0, word)
        i -= 1
        if not word.isascii() and is_descriptor(word) and not is_descriptor(word, first=False):
            break  # "وأرياف مدينة حلب": a word behind و opens the phrase ("كامل أحياء وأرياف مدينة حلب")
    if before and i >= 0 and i in taken and before[0].isascii() and _word_gap(text[ends[i] : starts[i + 1]]):
        # "the Qadi Askar district of Aleppo": English words are the span before's, not Aleppo's; a
        # compass word right before the name stays its own ("the Jabal al-Akrad mountains of northern Latakia")
        before = before[-1:] if is_compass(before[-1]) and len(before) > 1 else []
    if len(before) > 1 and before[0] == before[1]:
        del before[0]  # an infobox's label and its value's word: "منطقة منطقة مركز ريف دمشق"
    if before and _ATTACK_AFTER_RE.match(text, span.end) and any(fold(w) in _ATTACK_WORDS for w in before):
        before = [w for w in before if fold(w) not in _ATTACK_WORDS]  # "هجوم حمص الإرهابي": an attack on the city
    if not before and _offensive_in(text, words, top, taken):
        before = [text[starts[top - 1] : ends[top - 1]], "in"]  # "the offensive in Aleppo"
    elif not before and _parts_in(text, words, top, taken, name):
        before = ["قرى", "في"]  # "بعض القرى في درعا": the governorate's villages (the article off: no name's)
    if before in ([], ["of"]) and (the_compass_of := _the_compass_of_before(text, words, top, taken)):
        j = span.last + 1
        kind_after = j < len(starts) and j not in taken and is_descriptor(text[starts[j] : ends[j]], first=False)
        if not kind_after:  # "in the north of Homs city" is the city's
            # "in the north of Hama": the governorate's north (:func:`gazetteer.mention.parse_mention`)
            return " ".join([*the_compass_of, name]), starts[top - 2], span.end
    after: list[str] = []
    j = span.last + 1
    while j < len(starts) and len(after) < _CONTEXT_WORDS and j not in taken:
        word = text[starts[j] : ends[j]]
        gap = text[ends[j - 1] : starts[j]]
        if not (_word_gap(gap) or _POSSESSIVE_RE.match(gap)):
            break
        if word.lower() == "the":
            break  # "From Homs the road climbs west": a kind word after "the" is the sentence's, not the name's
        if (
            word.lower() == "sub"
            and j + 1 < len(starts)
            and j + 1 not in taken
            and text[ends[j] : starts[j + 1]] == "-"
        ):
            unit = text[starts[j + 1] : ends[j + 1]]
            if unit.lower() in ("district", "districts"):
                after.append("sub" + unit.lower())  # OCHA's "Al-Karama sub-district": a subdistrict
                break
        if word.lower() == "provincial" and not _provincial_city(text, words, j, taken):
            after.append("province")  # "the Raqqa provincial council", "(Idlib provincial governor)"
            break
        if (
            not is_descriptor(word, first=False)
            and not (is_kind_modifier(word) and _kind_word_at(text, words, j + 1, taken))
            and not _compass_before_countryside(text, words, j, taken)
        ):
            break  # a word that is no descriptor, unless a kind word follows it: "air" of "air base"
        if not word.isascii() and not word.startswith("ال"):
            break  # an Arabic kind word follows a name only with the article: "كانت إدلب قرية صغيرة" says what it was
        if (
            not before
            and not word.isascii()
            and is_direction_adjective(word)
            and _surroundings_before(text, words, top, taken)
        ):
            break  # "أطراف منبج الشرقية": the eastern outskirts of Manbij, not a place "Manbij al-Sharqiyah"
        if word == "المحافظة" and text.startswith(" على", ends[j]):
            break  # "preserving": "استطاعت حلب المحافظة على تراثها"; "تعد السويداء المحافظة الوحيدة" is one
        if j + 1 in taken and not word.isascii() and _word_gap(text[ends[j] : starts[j + 1]]):
            break  # "وحول مدينة الباغوز": an Arabic kind word opens the next name's mention
        if not after and word_kind(word) == "road" and _second_end(text, words, span, taken):
            break  # "the Damascus-Homs highway": the road's ends are the cities
        after.append(word)
        j += 1
    glued = top >= 0 and words.end[top] == span.start  # "المنطقةالصنمين": a label text extraction glued on
    # "المنطقة إزرع" alone on its line: an infobox's label and its value, a space between
    lined = not before and _ARABIC_LABEL_LINE_RE.match(text, span.end) is not None and not text[span.start].isascii()
    if not before and (glued or lined or _LABEL_MARK_RE.search(text, max(0, span.start - 8), span.start)):
        label = _label(text, words, span, top, taken)
        if label:
            before.append(label)  # "Governorate | Homs", "- Region: Hama"
    elif len(before) == 1 and before[0] in CENTRE_WORDS and (centre_unit := _centre_label(text, words, top - 1, taken)):
        before.insert(0, centre_unit)  # "المنطقة | مركز الحسكة", "الناحية مركز رأس العين": the unit, not the city
    if not before and (countryside := _countryside_of(text, span)) is not None:
        return f"ريف {name}", countryside, span.end  # "الريف الجنوبي لإدلب": ريف إدلب الجنوبي
    while before and before[0].lower() in ("of", "in", "the"):
        before.pop(0)
    while after and after[-1].lower() in ("of", "in", "the"):
        after.pop()
    start = starts[top + 1 - len(before)] if before else span.start
    end = ends[span.last + len(after)] if after else span.end
    if not before and not after and (said := _APPOSITIVE_KIND_RE.match(text, span.end)):
        return f"{name} {said['kind']}", start, end  # "Thiban, a town on the Euphrates": the town
    if not before and not after and _ARABIC_PREDICATE_GOVERNORATE_RE.match(text, span.end):
        return f"محافظة {name}", start, end  # "دير الزور محافظة سورية": the governorate
    if not before and not after and (said := _ARABIC_PREDICATE_SETTLEMENT_RE.match(text, span.end)):
        kind_word = said["kind"] or said["kind2"]
        return f"{kind_word} {name}", start, end  # "آراك هي قرية في شرق سوريا": the village (a common word too)
    return " ".join([*before, name, *after]), start, end


def _countryside_of(text: str, span: Span) -> int | None:
    """Where "the (direction) countryside of" starts when it stands before the span, glued through
    the clitic ل or with من, or ``None``.

    >>> text = "تقدمت القوات في الريف الشمالي الغربي لحماة"
    >>> at = text.index("حماة")
    >>> text[_countryside_of(text, Span(at, at + 4, 0, 0, ())) :]
    'الريف الشمالي الغربي لحماة'
    >>> text = "شنت القوات هجوما في الريف الشرقي من حلب"
    >>> text[_countryside_of(text, Span(text.index("حلب"), len(text), 0, 0, ())) :]
    'الريف الشرقي من حلب'
    >>> _countryside_of("زار الريف القريب لحماة", Span(18, 22, 0, 0, ())) is None  # not a direction
    True
    """
    found = _COUNTRYSIDE_OF_RE.search(text, max(0, span.start - 40), span.start)
    if found is None or not all(map(is_direction_adjective, found["adjectives"].split())):
        return None
    return found.start()


#: The longest variant key of a name too short to be met through an article glued to it (:func:`_fits`):
#: three letters ("Sam", "Tal").
_SHORT_NAME_KEY = 3


def _article_glued_to_a_short_name(written: str, name: str) -> bool:
    """Whether a one-word Latin span meets a name of :data:`_SHORT_NAME_KEY` letters or fewer only
    by reading its first letters as an article glued to it: "Essam" (a given name) as "es" + "Sam".

    >>> _article_glued_to_a_short_name("Essam", "Sam"), _article_glued_to_a_short_name("Ghab", "Ghab")
    (True, False)
    >>> _article_glued_to_a_short_name("al-Sur", "Sur")
    False
    """
    if not written.isascii() or len(variant_key(name)) > _SHORT_NAME_KEY or " " in exact_key(written):
        return False  # "al-Sur" writes its article apart
    return len(exact_key(written)) > len(exact_key(name).replace(" ", "")) + 1


#: What may stand between two spans that one longer name joins: a space or a hyphen.
_NAME_GAP_RE = re.compile(r"[ \-]")


def _joined_spans(g: Gazetteer, text: str, spans: list[Span]) -> list[Span]:
    """The spans, with two that stand side by side made one where together they spell one place's
    longer name, exactly or as a spelling variant: "Tamana al-Ghab" is the village
    Tamana'at al-Ghab (Hama), whose spelling the spotter's keys miss, not the town Tamana (Idlib)
    and the Ghab plain. A pair that spells no such name stays two ("Homs Hama")."""
    out: list[Span] = []
    joined_once = False
    for span in spans:
        before = out[-1] if out else None
        if (
            before is None
            or joined_once  # two spans at most: "قلعة جعبر Caber Kalesi Qal'at Dawsar" are three names
            or not _NAME_GAP_RE.fullmatch(text, before.end, span.start)
            or is_arabic(text[before.start : before.end]) != is_arabic(text[span.start : span.end])
            or not _one_place_named(g, text[before.start : span.end])
        ):
            out.append(span)
            joined_once = False
            continue
        out[-1] = Span(before.start, span.end, before.first, span.last, before.rows + span.rows, before.key)
        joined_once = True
    return out


def _one_place_named(g: Gazetteer, name: str) -> bool:
    """Whether a name of two spans is, exactly or as a spelling variant, one place's name of two words or
    more (:func:`_joined_spans`)."""
    try:
        found = g.candidates(name, limit=2)
    except InvalidQueryError:
        return False
    return (
        bool(found)
        and found[0].tier in ("exact", "variant")
        and not found[0].ambiguous
        and len(found[0].matched_name.split()) > 1
    )


def _word_before(words: Words, span: Span) -> int:
    """The index of the word right before the span (-1 at the text's start): the article of "the
    district of al-Rastan" is the span's, so "of" is the word before it."""
    i = span.first - 1
    while i >= 0 and words.start[i] >= span.start:
        i -= 1
    return i


def _provincial_city(text: str, words: Words, j: int, taken: set[int]) -> bool:
    """Whether "provincial", word ``j``, opens "provincial capital" or "provincial centre": the city
    that is the seat of its governorate ("the Idlib provincial capital", "Homs provincial centre")."""
    k = j + 1
    if k >= len(words.start) or k in taken or not _word_gap(text[words.end[j] : words.start[k]]):
        return False
    return text[words.start[k] : words.end[k]].lower() in _SEAT_WORDS


def _past_compass_words(text: str, words: Words, start: int, end: int) -> int:
    """Where the words from ``start`` on stop being lower-case compass words, before ``end``: "the
    eastern Qalamoun Mountains" names the range from "Qalamoun" ("Eastern Ghouta" keeps its capital);
    Arabic has no capitals, and "جنوب سد تشرين" (south of the Tishrin Dam) names the dam from "سد"."""
    i = bisect_left(words.start, start)
    while i < len(words.start) and words.start[i] < end:
        word = text[words.start[i] : words.end[i]]
        if not ((word[:1].islower() or not word.isascii()) and is_compass(word)):
            return words.start[i]
        i += 1
    return end


def _second_end(text: str, words: Words, span: Span, taken: set[int]) -> bool:
    """Whether the span is the second of two names joined by a dash ("Damascus-Homs", "Aleppo–Mosul",
    "the Antioch-Aleppo road": a capitalised word the index lacks is a name too, a foreign one).

    >>> text = "the Antioch-Aleppo road"
    >>> _second_end(text, Words(text), Span(12, 18, 2, 2, ()), set())
    True
    """
    i = span.first - 1
    if i < 0 or span.start != words.start[span.first] or text[words.end[i] : span.start] not in _DASHES:
        return False
    if i in taken:
        return True
    word = text[words.start[i] : words.end[i]]
    return len(word) > 3 and word[0].isupper() and word.isascii()  # not "Al-", "Pre-"


_DASHES = ("-", "–", "‐", "—")


def _kind_word_at(text: str, words: Words, j: int, taken: set[int]) -> bool:
    """Whether word ``j`` is a facility's kind word right after the word before it, or another
    modifier and then one ("base" of "air base", "air base" of "military air base"; not "villages"
    of "Idlib border villages")."""
    while j < len(words.start) and j not in taken and _word_gap(text[words.end[j - 1] : words.start[j]]):
        word = text[words.start[j] : words.end[j]]
        if word_kind(word) in FACILITY_KINDS:
            return True
        if not is_kind_modifier(word):
            return False
        j += 1
    return False


def _measured_from(text: str, words: Words, i: int) -> bool:
    """Whether compass word ``i`` follows a distance ("25 كم جنوب اللاذقية", 25 km south of Latakia)
    or a verb of lying ("تقع جنوب اللاذقية"): then it says where a place lies from the city, not
    which part of the governorate is meant."""
    while i >= 1 and _word_gap(text[words.end[i - 1] : words.start[i]]):
        before = text[words.start[i - 1] : words.end[i - 1]]
        if not is_compass(before):
            return before.lower() in _DISTANCE_UNITS or before in _LIES_WORDS
        i -= 1  # "432 كم شمال شرق دمشق": the distance is before both compass words
    return False


def _offensive_in(text: str, words: Words, top: int, taken: set[int]) -> bool:
    """Whether the two words before a span (ending at word ``top``) are "offensive in": "the offensive
    in Aleppo" speaks of the governorate as "the Aleppo offensive" does."""
    if top < 1 or words.end[top] - words.start[top] != 2 or text[words.start[top] : words.end[top]].lower() != "in":
        return False
    if top in taken or top - 1 in taken:
        return False
    word = text[words.start[top - 1] : words.end[top - 1]].lower()
    return word in ("offensive", "offensives") and _word_gap(text[words.end[top - 1] : words.start[top]])


def _parts_in(text: str, words: Words, top: int, taken: set[int], name: str) -> bool:
    """Whether the two words before a span (ending at word ``top``) are "القرى في", "البلدات في" and
    the span a governorate's own ``name``: "بعض القرى في درعا" speaks of the governorate's villages as
    "قرى درعا" does ("القرى في سهل الغاب" are the plain's, a region's name as it is).

    >>> text = "بعض القرى في درعا"
    >>> _parts_in(text, Words(text), 2, set(), "درعا"), _parts_in(text, Words(text), 1, set(), "درعا")
    (True, False)
    """
    if top < 1 or top in taken or top - 1 in taken or text[words.start[top] : words.end[top]] != "في":
        return False
    word = text[words.start[top - 1] : words.end[top - 1]]
    if not is_parts_word(word, definite=True) or not _word_gap(text[words.end[top - 1] : words.start[top]]):
        return False
    return _a_governorate_s_own_name(name)


def _label(text: str, words: Words, span: Span, top: int, taken: set[int]) -> str | None:
    """The label that word ``top``, the word before the span, gives it as a table's value: the whole
    cell or line before it, and a kind of settlement or unit ("Governorate | Homs", "District |
    Al-Rastan", "محافظة | دير الزور", "- Region: Hama" in an encyclopedia's infobox; "المنطقةالصنمين"
    glued by text extraction, or the label and its value apart at a line's start); ``None`` when the
    word is no such label. A town's "Region" is its governorate, the first level of division."""
    near = max(0, span.start - 40)
    if text.find("Subdivision", near, span.start) >= 0 and (
        typed := _SUBDIVISION_NAME_RE.search(text, near, span.start)
    ):
        return _subdivision_type(text, typed)  # "Subdivision Type1: Governorate / Subdivision Name1: Homs"
    if top < 0 or top in taken or text[words.end[top] : span.start].strip(" \t\u00a0") not in ("|", ":", ""):
        return None
    word = text[words.start[top] : words.end[top]]
    if not word.isascii():
        word = word.removeprefix("ال")  # "المنطقة | الصنمين", "المحافظةدرعا": the label with its article
    kind = "governorate" if word in _REGION_LABELS else word_kind(word)
    if kind not in ADMIN_KINDS and kind not in POPULATED_KINDS:
        return None
    k = words.start[top]
    while k > 0 and text[k - 1] in " \t\u00a0":
        k -= 1
    if k > 0 and text[k - 1] in _BULLETS:
        k -= 1  # "- Region: Hama": a list's item
    if k == 0 or text[k - 1] in "|\n":
        return "Governorate" if word in _REGION_LABELS else word
    return None


#: An infobox's "Subdivision Name1:" right before a name, and the "Subdivision Type1:" that says its
#: kind (Wikipedia's settlement infobox, as text extraction writes its fields).
_SUBDIVISION_NAME_RE = re.compile(r"Subdivision[ _]?Name(\d*)\s*:?\s*\|?\s*\Z")
_SUBDIVISION_TYPE_RE = r"Subdivision[ _]?Type{}\s*:?\s*\|?\s*([A-Za-z]+)"
#: How far before the name field its type field is looked for, in characters.
_SUBDIVISION_CHARS = 200


def _subdivision_type(text: str, name: re.Match[str]) -> str | None:
    """The kind word of the "Subdivision TypeN" field before a "Subdivision NameN" one, or ``None``.

    >>> text = "Subdivision Type1: | Governorate |" + chr(10) + "Subdivision Name1: | Homs |"
    >>> _subdivision_type(text, _SUBDIVISION_NAME_RE.search(text, 0, 55))
    'Governorate'
    """
    window = re.compile(_SUBDIVISION_TYPE_RE.format(name[1]))
    found = list(window.finditer(text, max(0, name.start() - _SUBDIVISION_CHARS), name.start()))
    if not found:
        return None
    word = found[-1][1]
    return word if word_kind(word) in ADMIN_KINDS or word_kind(word) in POPULATED_KINDS else None


def _centre_label(text: str, words: Words, k: int, taken: set[int]) -> str | None:
    """The Arabic unit word an infobox line opens with, right before "مركز" (word ``k``): "المنطقة |
    مركز الحسكة", "الناحية مركز رأس العين" (a table whose cells text extraction joined) give
    "منطقة", "ناحية"; ``None`` for anything else ("تقع في مركز حمص" is the city's centre)."""
    if k < 0 or k in taken or text[words.end[k] : words.start[k + 1]].strip() not in ("", "|", ":"):
        return None
    word = text[words.start[k] : words.end[k]].removeprefix("ال")
    if word_kind(word) not in _CENTRE_UNIT_KINDS:
        return None
    line = text[text.rfind("\n", 0, words.start[k]) + 1 : words.start[k]]
    return word if line.strip(" \t\u00a0|" + _BULLETS) == "" else None


def _family_name(text: str, words: Words, span: Span, taken: set[int]) -> bool:
    """ "Bashar al-Assad", "Hayat Tahrir al-Sham": a capitalised word, then al-/el- and the span, is a
    person's or an organisation's name, not a place (a place after a word is "the town of al-X"; a
    compass word begins no person's name: "Western Al-Hasakah")."""
    i = span.first - 1
    starts, ends = words.start, words.end
    if i < 1 or not words.article[i] or text[ends[i] : starts[span.first]] != "-":
        return False
    before = i - 1
    word = text[starts[before] : ends[before]]
    gap = text[ends[before] : starts[i]]
    joined = 0 < len(gap) <= 1 and gap.isspace() and gap != "\n"  # a line's end parts two names: "Syria\nAl-Jiza"
    if is_common_english(word) and _opens_sentence(text, starts[before]):
        return False  # "From al-Rai to Qamishli", "Near al-Qusayr, the army advanced": a preposition, no given name
    return words.capital[before] and before not in taken and joined and not (is_descriptor(word) or is_compass(word))


@lru_cache(maxsize=65536)
def _bare(word: str) -> str:
    """A word as the small word tables write it (:data:`_BARE_TABLE`), cheaper than folding; once per
    distinct word (a text repeats its words, and several rules read the word before each span).

    >>> _bare("أبو"), _bare("السوريّة"), _bare("Abu")
    ('ابو', 'السوريه', 'Abu')
    """
    return word.translate(_BARE_TABLE)


def _kunya(text: str, words: Words, span: Span, taken: set[int]) -> bool:
    """ "Abu Jassim", "أبو حمص": a span right after "Abu" ("father of"), "Ibn" or "bin" ("son of") is
    a person's name, and one after "Umm" ("mother of") a person's or a place's the index lacks ("أم
    الميادين"); a place whose name begins so ("Abu Kamal", "أبو الظهور") is spotted whole. So is
    a span after a kunya or a rank and one given name: "Abu Hasan al-Taftanaz", "Col. Suheil Al
    Hassan", "Commander Rûbar Qamishlo"."""
    if span.start > words.start[span.first]:
        return False  # behind a clitic: "وابو"
    i = _word_before(words, span)  # "Abu Hasan" of "Abu Hasan al-Taftanaz"
    if i < 0:
        return False
    word = text[words.start[i] : words.end[i]]
    bare = _bare(word)
    gap = text[words.end[i] : span.start]
    if i not in taken and gap in (" ", "-") and bare.lower() in _SERVANT_WORDS:
        return True  # "Abdul-Aziz", "عبد العزيز": "servant of", a given name's first half, before a name of God
    if i not in taken and gap == " " and bare in _CITIZEN_WORDS:
        return True  # "أوضحت المواطنة هنادي علي": the citizen Hanadi, no town Hanadi
    if gap == "-" and i not in taken and word.isascii() and word.lower() in _KIN_WORDS and words.capital[i]:
        return True  # "Aiman Abu-Jable, an anti-Assad activist": a surname, not Jableh
    if gap != " ":
        return False
    kin = bare.removeprefix("و")  # "وأبو", "وام": the kin word after "and"
    if kin == _UMM and kin == bare and not _umm_opens_a_name(text, words, i):
        kin = ""  # "حمص أم حماة": "or"
    if i not in taken and (kin in _KIN_WORDS or (word.lower() in _KIN_WORDS and words.capital[i])):
        return True
    if i not in taken and words.capital[i] and word.lower() in _RANKS and span.first == span.last:
        return True  # a rank right before one word: "Admiral Essen" (a frigate), "General Hassan"
    if i < 1 or i - 1 in taken or not words.capital[i] or is_descriptor(word) or is_compass(word):
        return False  # the given name: a capitalised word ("Hasan" spells a village too, read as a name here)
    if word.isascii() and word.lower() not in _COMMON_GIVEN_NAMES and is_common_english(word):
        return False  # a headline's verb or noun: "President Visits Hama", "General Security Homs"
    title = text[words.start[i - 1] : words.end[i - 1]]
    if text[words.end[i - 1] : words.start[i]] not in (" ", ". "):
        return False
    title = title if title.isascii() else _bare(title)
    return title.lower() in _KIN_WORDS or title.lower() in _RANKS


#: أم, "mother of" and "or" (:func:`_umm_opens_a_name`), as :func:`_bare` writes it.
_UMM = "ام"


def _umm_opens_a_name(text: str, words: Words, i: int) -> bool:
    """Whether أم (word ``i``, with no و before it) is "mother of", opening a name, rather than "or"
    ("حمص أم حماة"): it opens the text, a line or a list's item, or follows a kind word ("قرية أم
    الميادين").

    >>> text = "قرية أم الميادين، أم القصور؛ حمص أم حماة"
    >>> words = Words(text)
    >>> [_umm_opens_a_name(text, words, i) for i in (1, 3, 6)]
    [True, True, False]
    """
    if i == 0:
        return True
    gap = text[words.end[i - 1] : words.start[i]]
    return any(mark in gap for mark in '،,\n(:«"') or is_descriptor(text[words.start[i - 1] : words.end[i - 1]])


def _name_goes_on(text: str, words: Words, span: Span, taken: set[int]) -> bool:
    """ "Busra Al-Harir": a Latin span followed by al-/el- and a word that is no spotted place is the
    start of a longer name the index lacks (Busra al-Harir, in the Lajat, is not Busra al-Sham)."""
    j = span.last + 1
    starts, ends = words.start, words.end
    if j + 1 >= len(starts) or not words.article[j] or j + 1 in taken:
        return False
    latin = words.keys[span.last][0].isascii()
    return latin and text[ends[span.last] : starts[j]] == " " and text[ends[j] : starts[j + 1]] == "-"


def _name_begun_before(text: str, words: Words, span: Span, taken: set[int]) -> bool:
    """Whether a generic word that opens settlement names (:func:`gazetteer.spot.opens_a_name`: Tell,
    Kafr, Khirbet, تل, كفر...) or a Latin word in the construct state (:data:`_CONSTRUCT_RE`, no kind
    word: "Shihat Hama") stands right before the span, so that the two are a longer name the index
    lacks ("Tell Diban", a hill in the town of Diban; "Kafr X" is not the village X). A Latin word
    must be capitalised, as a name's is."""
    i = span.first - 1
    if i >= 0 and span.start == words.start[i] and words.article[i]:
        i -= 1  # "Ayn al Hamra": the span "al Hamra" begins with its article
    elif span.start != words.start[span.first]:
        return False
    if i < 0 or text[words.end[i] : span.start] != " ":
        return False
    if i in taken:  # a name of its own, unless an Arabic opener ("جديدة", also the village al-Jadida)
        return not words.keys[i][0].isascii() and opens_a_construct(words.keys[i])
    if words.capital[i] and _CONSTRUCT_RE.fullmatch(text, words.start[i], words.end[i]):
        word = text[words.start[i] : words.end[i]]
        return not is_common_english(word) and not is_descriptor(word)
    return opens_a_construct(words.keys[i]) and (words.capital[i] or not words.keys[i][0].isascii())


#: A capitalised Latin word in the construct state, its ة written -at or -et ("Shihat Hama", "Jdeidet
#: Artouz"): before a name, the two are a longer name (:func:`_name_begun_before`).
_CONSTRUCT_RE = re.compile(r"[A-Z][a-z'’]{2,}[ae]t")


#: The ending of a feminine dual noun ("القريتين", the two villages) and of the adjectives that agree
#: with it ("المذكورتين", "المجاورتين"); "سابقتي" and "سالفتي" ("سابقتي الذكر", mentioned before) are
#: duals in a construct.
_DUAL_ENDING = "تين"
_DUAL_CONSTRUCTS = frozenset({"سابقتي", "سالفتي"})


#: "القريتين" (the two villages, and the town al-Qaryatayn), as :func:`_bare` writes it, and the dual
#: "قريتي"/"قريتين" that names two villages before it: the word then speaks of them.
_TWO_VILLAGES = "القريتين"
_TWO_VILLAGES_SAID_RE = re.compile(r"(?<![\u0621-\u064a])[وب]?قريتي(?:ن)?(?![\u0621-\u064a])")
#: How far before "القريتين" the two villages may be named, in characters.
_DUAL_LOOK_BEHIND = 400


def _is_dual_adjective(word: str) -> bool:
    """Whether a bare Arabic word is a feminine dual adjective.

    >>> _is_dual_adjective("المذكورتين"), _is_dual_adjective("سابقتي"), _is_dual_adjective("التي")
    (True, True, False)
    """
    return word.endswith((_DUAL_ENDING, "تان")) or word in _DUAL_CONSTRUCTS


def _arabic_noun_phrase(text: str, words: Words, span: Span, taken: set[int]) -> bool:
    """Whether an Arabic span is a word of a phrase, not a place: a common word or a generic word that
    opens names after a demonstrative ("تلك الشجرة", that tree, is not the town al-Shajara; "هذا
    الحصن", this fort, no village al-Husn; "هذه الرقة" is Raqqa); a name right before
    "lower" or "upper" ("المخرم التحتاني", Lower al-Mukharram, another village), unless a noun before
    it takes the adjective ("مدرسة عربين التحتانية", Arbin's lower school); a common word before an
    adjective that says no town ("الثورة السورية", the Syrian revolution, is not the city al-Thawrah;
    "الطبقة السياسية", the political class); a generic word with its article (:func:`opens_a_name`)
    before a masculine relative pronoun or definite adjective (a common word or a nisba, not a
    direction's): a town is feminine, the noun masculine ("التل الأثري", the archaeological mound,
    "التل الذي", is no town al-Tall; "الباب الثامن" is the eighth gate; "الباب الاستراتيجية" the town);
    a feminine dual before a dual adjective ("القريتين المجاورتين", the two neighbouring villages)."""
    starts, ends = words.start, words.end
    i, j = span.first - 1, span.last + 1
    word = text[span.start : span.end]
    joined = i >= 0 and text[ends[i] : span.start] == " "
    raw_before = text[starts[i] : ends[i]] if joined else ""
    before = _bare(raw_before)

    def common() -> bool:
        return span.first == span.last and is_common_arabic(word) and govs.lookup(word) is None

    def generic() -> bool:
        return span.first == span.last and opens_a_name(words.keys[span.first])

    if before in _DEMONSTRATIVES and word.startswith("ال") and (common() or generic() or _bare(word) == _TWO_VILLAGES):
        return True  # "هذا الحصن", this fort, "هذا التل", this hill, "هذه القريتين", these two villages: nouns there
    if _bare(word) == _TWO_VILLAGES and _TWO_VILLAGES_SAID_RE.search(
        text, max(0, span.start - _DUAL_LOOK_BEHIND), span.start
    ):
        return True  # "قريتي تل شاميران وتل جزيرة ... سكان القريتين": the two villages named before
    if j >= len(starts) or j in taken or text[span.end : starts[j]] != " ":
        return False
    raw_after = text[starts[j] : ends[j]]
    after = _bare(raw_after)
    if after in _LOWER_UPPER:  # the name's own, unless a noun before the name takes it ("وإلى" is و + إلى)
        particle = before in _PARTICLES or (before[:1] in ARABIC_CONJUNCTIONS and before[1:] in _PARTICLES)
        return not raw_before or particle or is_descriptor(raw_before)
    if span.first == span.last and _bare(word).endswith(_DUAL_ENDING) and _is_dual_adjective(after):
        return True  # "القريتين سابقتي الذكر", the two villages said before, is no town al-Qaryatayn
    if span.first == span.last and word.startswith("ال") and opens_a_name(words.keys[span.first]):
        masculine = (
            after.startswith("ال")
            and not after.endswith("ه")
            and not is_direction_adjective(raw_after)
            and fold_arabic(after) not in _NOT_DEFINITE  # "بلدة الحصن التي": a town, the relative feminine
        )
        if after in _MASCULINE_RELATIVES or (masculine and (is_common_arabic(raw_after) or after.endswith("ي"))):
            return True  # "التل الأثري", "التل الذي": the mound, a noun, not the town al-Tall
    return after in _NO_TOWN_ADJECTIVES and common() and not (raw_before and is_descriptor(raw_before))


def _compass_named(text: str, words: Words, span: Span, taken: set[int]) -> bool:
    """ "Eastern Ghariyah", "Western Ghariyah": a capitalised compass word inside a sentence, right
    before the span, is part of the name. Syrian villages come in pairs (al-Ghariyah al-Sharqiyah and
    al-Gharbiyah), so the name is another village than the span's, when the index lacks it. A
    governorate's name is the governorate instead ("Eastern Daraa", :func:`gazetteer.mention.parse_mention`)."""
    i = span.first - 1
    if i < 0 or i in taken or not words.capital[i] or text[words.end[i] : span.start] != " ":
        return False
    if not is_compass(text[words.start[i] : words.end[i]]):
        return False
    if _opens_sentence(text, words.start[i]):
        return False  # a capital there is the sentence's, not the name's
    return govs.lookup(text[span.start : span.end]) is None


def _paired_name(text: str, words: Words, span: Span, taken: set[int]) -> bool:
    """ "الغارية الشرقية", "المليحة الشرقية": an Arabic direction adjective right after the span, that
    no indexed name took in, makes another village's name (Syrian villages come in such pairs, as
    :func:`_compass_named` reads them in English). Not after a governorate's name ("حلب الشرقية",
    the east of the city; "ريف حماة الشمالي" reads the adjective as the countryside's)."""
    if span.last + 1 in taken or not _adjective_right_after(text, words, span):
        return False  # "سرمدا شمالي إدلب": without the article it says where, north of Idlib
    if _surroundings_before(text, words, span.first - 1, taken):
        return False  # "أطراف منبج الشرقية", "ريف داعل الشمالي": the outskirts' or countryside's part
    if _settlement_word_between_surroundings(text, words, span, taken):
        return False  # "بريف مدينة عين عيسى الغربي": the city's western countryside
    if _quarter_word_before(text, words, span.first - 1, taken):
        return False  # "حي دير بعلبة الشمالي": the northern part of the quarter
    return govs.lookup(text[span.start : span.end]) is None


def _settlement_word_between_surroundings(text: str, words: Words, span: Span, taken: set[int]) -> bool:
    """Whether a city's, town's or village's word stands right before the span and a surroundings word
    before it, and the direction adjective after the span is masculine: it agrees with "ريف"
    (countryside), not with a village's name ("بريف مدينة عين عيسى الغربي").

    >>> text = "بريف مدينة عين عيسى الغربي"
    >>> _settlement_word_between_surroundings(text, Words(text), Span(11, 19, 2, 3, ()), set())
    True
    """
    i = span.first - 1
    if i < 1 or i in taken or word_kind(text[words.start[i] : words.end[i]]) not in _SETTLEMENT_WORD_KINDS:
        return False
    adjective = text[words.start[span.last + 1] : words.end[span.last + 1]]
    return not adjective.endswith(("ة", "ه")) and _surroundings_before(text, words, i - 1, taken)


#: The kinds a word right before a name says it is, between a surroundings word and the name.
_SETTLEMENT_WORD_KINDS = frozenset({"city", "town", "village"})


def _adjective_right_after(text: str, words: Words, span: Span) -> bool:
    """Whether an Arabic direction adjective with its article follows the span ("السيال الشرقي"): a
    quarter so named is a part of the town, not a quarter that bears the town's name.

    >>> text = "حيي السيال الشرقي والسيال الغربي في بلدة السيال"
    >>> words = Words(text)
    >>> [_adjective_right_after(text, words, Span(s, s + 6, i, i, ())) for s, i in ((4, 1), (19, 3), (41, 7))]
    [True, True, False]
    """
    j = span.last + 1
    if j >= len(words.start) or text[span.end : words.start[j]] != " ":
        return False
    word = text[words.start[j] : words.end[j]]
    return word.startswith("ال") and is_direction_adjective(word)


def _quarter_word_before(text: str, words: Words, i: int, taken: set[int]) -> bool:
    """Whether word ``i``, right before a name, is a word for a city's quarter or quarters, with or
    without a clitic ("حي", "وحي", "أحياء"): a direction adjective after the name says a part of it.

    >>> text = "وحي دير بعلبة الشمالي"
    >>> _quarter_word_before(text, Words(text), 0, set()), _quarter_word_before(text, Words(text), 1, set())
    (True, False)
    """
    if i < 0 or i in taken:
        return False
    word = text[words.start[i] : words.end[i]]
    bare = word[1:] if word[:1] in ARABIC_CLITICS else word
    return word_kind(word) == "neighbourhood" or (not word.isascii() and word_kind(bare) == "neighbourhood")


#: A romanised Arabic direction adjective right after a name ("al-Ghariyah al-Sharqiyah", "Tell Abyad
#: al-Gharbi", "Maliha Sharqiyah", capitalised when it has no article): with it, the name is another
#: village's, as :func:`_paired_name` reads Arabic.
_ROMANIZED_PAIR_AFTER_RE = re.compile(
    r"[ -](?:(?:al|el|ash|esh|ech|ag|as|es)[- ]?(?:sharq|gharb|shamal|janub|sharg|qibl|wust|tahtan|fawqan)"
    r"|(?-i:(?:Sharq|Gharb|Shamal|Janub|Qibl|Tahtan|Fawqan)i))",
    re.IGNORECASE,
)


#: A capitalised word right after a span: a list without commas ("Babuline Banabil Bara Barad", an
#: infobox's), whose names follow each other.
_CAPITAL_NEXT_RE = re.compile(r" +[A-Z]")


def _second_word_of_a_settlement_s_name(text: str, words: Words, span: Span, taken: set[int]) -> bool:
    """Whether an Arabic span follows a settlement's kind word and one word that no name took in, no
    common word, spaces between, no clitic on the span: the span ends the name of a village or town
    the index lacks ("قرية صيدا الجولان", Saida al-Julan, is not the Golan), not a place of its own.

    >>> text = "توغلت القوة نحو قرية صيدا الجولان"
    >>> _second_word_of_a_settlement_s_name(text, Words(text), Span(26, 33, 5, 5, ()), set())
    True
    """
    i, k = span.first - 1, span.first - 2
    if k < 0 or i in taken or k in taken or span.start != words.start[span.first]:
        return False
    if text[words.end[i] : span.start] != " " or text[words.end[k] : words.start[i]] != " ":
        return False
    kind_word = text[words.start[k] : words.end[k]]
    kind_word = kind_word[1:] if kind_word[:1] in ARABIC_CLITICS and len(kind_word) > 4 else kind_word
    if word_kind(kind_word) not in POPULATED_KINDS:
        return False
    word = text[words.start[i] : words.end[i]]
    bare = word[1:] if word[:1] in ARABIC_CLITICS else word
    if not is_arabic(word) or word.endswith(_PRONOUN_SUFFIXES) or word_kind(bare) is not None:
        return False  # "قرية أشهرها شيران" (villages, the best known of them...), "مصيف وبلدة مشتى الحلو"
    return not any(map(is_common_arabic, (word, bare))) and not is_direction_adjective(word)  # "قرية بنواحي حلب"


def _kind_word_of_the_next_name(text: str, item: _Item) -> bool:
    """Whether the kind word after a Latin span, in lower case, belongs to the name after "of" ("the
    Idlib town of Saraqeb", "the Homs district of Khaldiyeh"), not to the span. A capitalised one is
    the span's own ("Izraa District of Daraa Governorate" is the district), and so is one before a
    province's name ("Baniyas district of Tartus province").

    >>> text = "in the Idlib town of Saraqeb and the Idlib town, Izraa District of Daraa"
    >>> [_kind_word_of_the_next_name(text, _Item(Span(s, s + 5, 0, 0, ()), "Idlib", "Idlib town", "town",
    ...  (s, s + 10))) for s in (7, 37, 49)]
    [True, False, False]
    """
    end = item.around[1]
    if end <= item.span.end or not item.text.isascii() or _OF_A_NAME_RE.match(text, end) is None:
        return False
    if _OF_A_PROVINCE_RE.match(text, end):
        return False  # "Baniyas district of Tartus province": the next name is a province, the district the span's
    after = text[item.span.end : end]
    return after == after.lower()


#: The kinds whose word after a name may be the next name's ("the Idlib town of Saraqeb"); not a
#: governorate's or an offensive's ("Latakia and Idlib governorates of Syria", "the Idlib offensive of 2014").
_NEXT_NAME_KINDS = POPULATED_KINDS | {"neighbourhood", "district"}
#: "of" and a name, right after a kind word (:func:`_kind_word_of_the_next_name`).
_OF_A_NAME_RE = re.compile(r" of (?:the )?(?:[Aa][lnrsdtz]-|[Ee][lnrsdtz]-)?[A-Z]")
#: "of", a name of one to three words and a province word ("of Tartus province", "of the Daraa
#: Governorate"): the name is a governorate, which holds the span's unit (:func:`_kind_word_of_the_next_name`).
_OF_A_PROVINCE_RE = re.compile(r" of (?:the )?[A-Z][\w'’-]*(?: [A-Z][\w'’-]*){0,2} (?:[Pp]rovince|[Gg]overnorate)\b")
#: Pronoun suffixes of a word after a kind word that make it no name ("أشهرها", the best known of them).
_PRONOUN_SUFFIXES = ("ها", "هم", "هما")


def _capitalised_name_before(text: str, words: Words, span: Span, taken: set[int]) -> bool:
    """Whether a capitalised Latin word that is no common word, no kind or compass word, no people's
    name and no spotted name's stands right before the span, a space between: a name the index
    lacks ("the Huwayqah Sharqiya neighbourhood")."""
    i = span.first - 1
    if i < 0 or i in taken or not words.capital[i] or text[words.end[i] : span.start] != " ":
        return False
    word = text[words.start[i] : words.end[i]]
    if is_common_english(word) or is_descriptor(word) or is_compass(word) or word.lower() in _PEOPLES:
        return False  # "Kurdish Afrin", "Druze Suwayda": the people's
    if word.lower() in _SPELLING_WORDS:
        return False  # "also Romanized Sheikh Saad": a spelling of the name follows
    return not _opens_sentence(text, words.start[i])


#: Words that say a spelling follows ("also Romanized Sheikh Saad"), which no name's word is.
_SPELLING_WORDS = frozenset({"romanized", "romanised", "transliterated", "spelled", "spelt"})


def _surroundings_before(text: str, words: Words, i: int, taken: set[int]) -> bool:
    """Whether word ``i``, right before a name, speaks of its surroundings or edge ("أطراف", "ريف"),
    whose part a direction adjective after the name then says (:func:`gazetteer.mention.is_surroundings_word`)."""
    return i >= 0 and i not in taken and is_surroundings_word(text[words.start[i] : words.end[i]])


def _mountain_named(text: str, words: Words, span: Span, taken: set[int]) -> bool:
    """ "جبل أريحا", "Jabal Ariha": a mountain's word right before a span that no indexed name takes
    in is a mountain named after the town (Jabal Ariha is Jabal al-Zawiya), not the town. "Mount" asks
    for a mountain already (:mod:`gazetteer.mention`); جبل and Jabal begin names and are no descriptors."""
    i = _word_before(words, span)  # "Jabal" of "Jabal al-Arbain"
    if i < 0 or i in taken or text[words.end[i] : span.start] != " ":
        return False
    word = _bare(text[words.start[i] : words.end[i]]).lower()
    return word in _MOUNTAIN_WORDS or (word[:1] in "وبل" and word[1:] in _MOUNTAIN_WORDS)


def _surname_after(text: str, words: Words, span: Span, taken: set[int]) -> bool:
    """ "Rami Abdulrahman", "Nasr Hariri": a one-word Latin span followed by a capitalised word that
    is no place, no descriptive word and no common English word may be a given name before a
    surname (:func:`_fits` asks whether the place's name is one). Not in a headline's title case,
    where every word has a capital ("Madaya Siege Enters Sixth Month").

    >>> text = "Rami Abdulrahman said that many died.\\nThey fought in Rami Village.\\nThey fought in Rami, Idlib."
    >>> words = Words(text)
    >>> rami = [i for i in range(len(words)) if text[words.start[i] : words.end[i]] == "Rami"]
    >>> [_surname_after(text, words, Span(words.start[i], words.end[i], i, i, ()), set()) for i in rami]
    [True, False, False]
    >>> text = "Madaya Siege Enters Sixth Month"
    >>> _surname_after(text, Words(text), Span(0, 6, 0, 0, ()), set())
    False

    A surname may be a place's nisba, spotted as a respelt place, and follow an article: "Hassan
    Homsi", "Hassan al-Homsi" are persons.

    >>> text = "the driver, Hassan Homsi, and Dr. Hassan al-Homsi"
    >>> words = Words(text)
    >>> hassan = [i for i in range(len(words)) if text[words.start[i] : words.end[i]] == "Hassan"]
    >>> homsi = {hassan[0] + 1, hassan[1] + 2}  # "Homsi" spotted as a respelt Homs
    >>> [_surname_after(text, words, Span(words.start[i], words.end[i], i, i, ()), homsi) for i in hassan]
    [True, True]
    """
    j = span.last + 1
    if j >= len(words.start) or text[words.end[span.last] : words.start[j]] != " ":
        return False
    if words.article[j] and j not in taken and j + 1 < len(words.start):
        if text[words.end[j] : words.start[j + 1]] not in _ARTICLE_JOINERS:
            return False
        j += 1  # "Hassan al-Homsi": the surname after its article
    if not words.capital[j] or words.article[j]:
        return False
    word = text[words.start[j] : words.end[j]]
    if j in taken and not _nisba_surname(word):
        return False  # "Rami, Idlib" or "Deir Hafer Kuweires": a place, no surname
    if not word.isascii() or is_descriptor(word, first=False) or is_compass(word) or is_common_english(word):
        return False
    if word.isupper():
        return False  # an acronym after a name: "Sarmada IDP camps", "Afrin YPG commanders"
    return not _title_case(_line_around(text, span.start))


#: What joins an article to its noun in a romanised name ("al-Homsi", "al Homsi").
_ARTICLE_JOINERS = frozenset({"-", " ", "\u2010", "\u2011"})


def _nisba_surname(word: str) -> bool:
    """Whether a capitalised Latin word ends as a nisba does ("Homsi", "Halabi", "Hamwi"): a family
    name made from a place's, which the spotter may read as the place respelt."""
    return len(word) >= 4 and word.isascii() and word[-1] in "iy"


#: What opens a gloss that gives a place's own name, and what closes it: "Salma (سَلْمَىٰ)", "(Arabic:
#: سلمى)", an infobox's "Native name: سلمى". The name is then the place's, though a common word spells it.
_GLOSS_BEFORE_RE = re.compile(r"(?:\((?:Arabic:\s*)?|Arabic:\s*|[Nn]ative name:\s*)$")
_GLOSS_END_RE = re.compile(r"\s*(?:[),;]|$)", re.MULTILINE)
_GLOSS_LOOK_BEHIND = 16
#: A person's role in parentheses after a name, as an infobox's list of commanders writes it: "Abu Kamal
#: (Ahrar ash-Sham Central Area Commander)", "Hassan al-Khalifa (Omar al-Farouq Brigade commander)".
_ROLE_AFTER_RE = re.compile(
    r"[ \t]*\n?[ \t]*\((?:[^()\n]{0,60}\s)?(?:[Cc]ommander|[Ll]eader|[Cc]hief|[Dd]eputy|[Gg]overnor|[Ee]mir|"
    r"[Ss]pokes(?:man|person|woman)|[Ff]ounder|[Mm]ufti)(?:\s[^()\n]{0,30})?\)"
)
#: What after a given name and a surname says they are a person's: "Dana Khalil, a teacher in Idlib",
#: "Dana Khalil, who..." (a place's apposition follows its own name: "Dana, a town north of Idlib").
_PERSON_APPOSITION_RE = re.compile(r",\s+(?:an?|who|whose)\s")


#: What ends a byline's author's name ("زياد عدوان: المصدر", "الفداء – صفاء شبلي:"): a colon and at most an
#: outlet's name to the line's end (a heading, "تاريخ صدد", has none).
_BYLINE_AFTER_RE = re.compile(r"[ \t]*:[^\n\d]{0,30}$", re.MULTILINE)
#: What opens a byline's line before the author's first name: nothing, or the outlet's name and a dash.
_BYLINE_BEFORE_RE = re.compile(r"(?:^|^[^\n]{0,30}[-–—_])[ \t]*\Z", re.MULTILINE)


def _arabic_surname(text: str, words: Words, span: Span, taken: set[int]) -> bool:
    """ "القيادي في وحدات حماية الشعب ريزان كوباني", "القائد العسكري روبار قامشلو": a one-word Arabic
    span right after a word that is no place, no common word and has no article, with a rank or a
    title among the :data:`_PERSON_WINDOW` words before that one, is a nom de guerre's place-name
    surname, not the place.

    >>> text = "أعلن القائد العسكري روبار قامشلو بدء الحملة في قامشلو"
    >>> words = Words(text)
    >>> at = [i for i in range(len(words)) if text[words.start[i] : words.end[i]] == "قامشلو"]
    >>> [_arabic_surname(text, words, Span(words.start[i], words.end[i], i, i, ()), set()) for i in at]
    [True, False]

    A byline's author needs no rank: "زياد عدوان: المصدر" (a colon follows, and at most the outlet's
    name, no figure; a heading, "تاريخ صدد", has no colon).

    >>> text = "قصف على مارع\\nزياد عدوان: المصدر\\nوقصفت القوات عدوان"
    >>> words = Words(text)
    >>> at = [i for i in range(len(words)) if text[words.start[i] : words.end[i]] == "عدوان"]
    >>> [_arabic_surname(text, words, Span(words.start[i], words.end[i], i, i, ()), set()) for i in at]
    [True, False]

    A given name that is also a common word counts right after the rank: "المهندس غسان الجاسم".

    >>> text = "بين المهندس غسان الجاسم أن"
    >>> _arabic_surname(text, Words(text), Span(17, 23, 3, 3, ()), set())
    True
    """
    i = span.first - 1
    if i < 1 or i in taken or span.start != words.start[span.first] or text[words.end[i] : span.start] != " ":
        return False
    word = text[words.start[i] : words.end[i]]
    if word.isascii() or word.startswith("ال") or is_descriptor(word) or is_compass(word):
        return False
    if _BYLINE_AFTER_RE.match(text, span.end) and _BYLINE_BEFORE_RE.search(text, 0, words.start[i]):
        return True  # "زياد عدوان: المصدر", "تشرين- طلال الكفيري:": a byline's author, first and last name
    if is_common_arabic(word):  # a given name that is also a word may follow a rank: "المهندس غسان الجاسم"
        rank = _bare(text[words.start[i - 1] : words.end[i - 1]]) in _ARABIC_RANKS
        return rank and i - 1 not in taken and _bare(word) not in _PARTICLES  # not "الشاب من حلب"
    before = range(max(0, i - _PERSON_WINDOW), i)
    return any(k not in taken and _bare(text[words.start[k] : words.end[k]]) in _ARABIC_RANKS for k in before)


def _read_off_a_foreign_name(written: str, name: str, clitics: int) -> bool:
    """Whether reading one or two clitics off a written word made a Syrian name of a foreign one:
    "لبنان" (Lebanon) is no ل + the village Banan, nor "ولبنان"; "والسليمانية" keeps the name that
    Aleppo's quarter and an Iraqi city share, as "السليمانية" does.

    >>> _read_off_a_foreign_name("لبنان", "بنان", 1), _read_off_a_foreign_name("ولبنان", "بنان", 2)
    (True, True)
    """
    return (is_foreign(written) or (clitics == 2 and is_foreign(written[1:]))) and not is_foreign(name)


def _title_right_before(text: str, words: Words, span: Span, taken: set[int]) -> bool:
    """Whether a rank or a title is the word right before the span: "الناشطة ميسلون الحوراني", with a
    family name after it (:func:`_family_name_after`), is a person whatever her given name spells (a
    town, a village, a quarter or a camp; "زار الرئيس حماة الأسبوع الماضي" names the city).

    >>> text = "قالت الناشطة ميسلون الحوراني"
    >>> words = Words(text)
    >>> _title_right_before(text, words, Span(words.start[2], words.end[2], 2, 2, ()), set())
    True
    """
    i = span.first - 1
    if i < 0 or i in taken or span.start != words.start[span.first] or text[words.end[i] : span.start] != " ":
        return False
    return _bare(text[words.start[i] : words.end[i]]) in _ARABIC_RANKS


def _nisba_binding(text: str, words: Words, span: Span, taken: set[int]) -> str | None:
    """The governorate a capital's adjective right after the span binds it to ("حي الميدان الدمشقي", the
    Damascene quarter al-Midan; "حي الشعار الحلبي"), as "X في دمشق" would: :data:`_NISBAS`.

    >>> text = "شهد حي الميدان الدمشقي احتفالات"
    >>> words = Words(text)
    >>> _nisba_binding(text, words, Span(words.start[2], words.end[2], 2, 2, ()), set())
    'SY01'
    """
    j = span.last + 1
    if j >= len(words.start) or j in taken or text[span.end : words.start[j]] != " ":
        return None
    return _NISBAS.get(_bare(text[words.start[j] : words.end[j]]))


def _family_name_after(text: str, words: Words, span: Span, taken: set[int]) -> bool:
    """ "العميد جاسم الفريج", "قال الناشط جاسم الحريري": a one-word Arabic span between a person's
    marker and a word with the article may be a given name before a family name (:func:`_fits` asks
    whether the span is a common word, as given names are). The marker is a rank or a title among
    the :data:`_PERSON_WINDOW` words before the span ("القيادي في الفيلق الخامس جاسم الحريري") or a
    verb of saying right before it ("قال جاسم الحريري"); the word after is no place, no descriptive or
    direction word, no feminine adjective, no relative pronoun and no day. Without a marker an
    Arabic sentence puts a place before any definite word ("اقتحمت الفرقة الرابعة جاسم الشهر
    الماضي", "وصلت إلى جاسم التعزيزات"), and a rank before a place is its subject ("زار الوزير حلب").

    >>> text = "قال العميد جاسم الحريري إن القوات دخلت جاسم الشهر الماضي"
    >>> words = Words(text)
    >>> jasim = [i for i in range(len(words)) if text[words.start[i] : words.end[i]] == "جاسم"]
    >>> [_family_name_after(text, words, Span(words.start[i], words.end[i], i, i, ()), set()) for i in jasim]
    [True, False]
    """
    if not _family_word_after(text, words, span, taken):
        return False
    i = span.first - 1
    if i >= 0 and i not in taken and _bare(text[words.start[i] : words.end[i]]) in _SAYING_VERBS:
        return True
    before = range(max(0, span.first - _PERSON_WINDOW), span.first)
    return any(k not in taken and _bare(text[words.start[k] : words.end[k]]) in _ARABIC_RANKS for k in before)


#: An infobox's demonym line ("Demonym(s) | Arabic: معري, romanized: Maarri"): its words name people.
_DEMONYM_LINE_RE = re.compile(r"^[^\w\n]*demonyms?\b.*", re.IGNORECASE | re.MULTILINE)
#: The dual endings of an Arabic noun (قريتين, قريتان: two villages), which replace its ة.
_DUAL_ENDINGS = ("تين", "تان")


def _dual_of_a_kind_word(word: str) -> bool:
    """Whether an Arabic word, without the article, is the dual of a kind word: "قريتين" (two
    villages), "وبلدتان" (and two towns) count places and name none ("القريتين" is the town
    al-Qaryatayn, written with its article).

    >>> _dual_of_a_kind_word("وقريتين"), _dual_of_a_kind_word("بلدتان"), _dual_of_a_kind_word("القريتين")
    (True, True, False)
    """
    for stem in (word, word[1:]) if word[:1] in ARABIC_CLITICS else (word,):
        if stem.endswith(_DUAL_ENDINGS) and len(stem) > 4 and word_kind(stem[:-3] + "ة") is not None:
            return True
    return False


def _dual_with_its_adjective(text: str, words: Words, span: Span) -> bool:
    """Whether a one-word Arabic span is the dual of a kind word with its article, a dual adjective
    with the article right after it or "بين" (between) right before it and no "و" (and) after:
    "القريتين الأخيرتين" (the last two villages) and "بين القريتين." count villages, while "القريتين
    المحاصرة" is the besieged town al-Qaryatayn, and so is "بين القريتين وتدمر".

    >>> text = "استولى الجيش على القريتين الأخيرتين قرب القريتين المحاصرة"
    >>> words = Words(text)
    >>> [_dual_with_its_adjective(text, words, Span(words.start[i], words.end[i], i, i, ())) for i in (3, 6)]
    [True, False]
    """
    word = _bare(text[words.start[span.first] : words.end[span.first]])
    stem = word[1:] if word[:1] in ARABIC_CLITICS and word[1:3] == "ال" else word
    if not stem.startswith("ال") or not _dual_of_a_kind_word(stem[2:]):
        return False
    after = _bare(_word_right_after(text, words, span))
    if after.startswith("ال") and after.endswith(_DUAL_ENDINGS):
        return True
    # "بين القريتين" (between the two villages) closing its phrase: "بين القريتين وتدمر" names the town
    between = _word_right_before(text, words, span) == "بين"
    return between and not after.startswith("و") and not _AND_NEXT_RE.match(text, span.end)


#: "و" (and) after a span, a space or a comma before it.
_AND_NEXT_RE = re.compile(r"[ \t]*[،,]?[ \t]*و")
#: The second word of a compound given name ("عز الدين", "سيف الدولة"), as :func:`_bare` writes it.
_COMPOUND_GIVEN_SECOND = frozenset({"الدين", "الدوله"})
#: Prepositions and words of place before a name, as :func:`_bare` writes them, and the nouns of what
#: befalls a place: a compound given name after one is the place so named ("في ركن الدين", "على صلاح
#: الدين", "قصف سيف الدولة"): :func:`_compound_given_name`.
_LOCATIVE_WORDS = frozenset({
    "في", "فى", "من", "الى", "الي", "على", "علي", "عن", "قرب", "بين", "نحو", "باتجاه", "حتى", "داخل", "حول",
    "محيط", "اطراف", "احياء", "حيي", "جنوب", "شمال", "شرق", "غرب", "جنوبي", "شمالي", "شرقي", "غربي", "وسط",
    "قصف", "استهداف", "اقتحام", "حصار", "سكان", "اهالي", "اهل",
})  # fmt: skip


def _compound_given_name(text: str, words: Words, span: Span, taken: set[int]) -> bool:
    """ "كتائب عز الدين القسام", "صلاح الدين الأيوبي", "سيف الدولة الحمداني": a two-word Arabic span
    that is a compound given name, with a family name after it (a word with the article that
    :func:`_family_name_after` would read as one) and no kind word before it, is a person, not the
    village, the quarter or the street so named ("حي صلاح الدين" stays the quarter, and a compass
    word after the name, "الشرقي", is no family name). So is one with no kind word, no clitic and no
    preposition of place before it ("اتجه صلاح الدين إلى الشغر", Saladin; "الوالي ركن الدين منكورس";
    "في ركن الدين", "بركن الدين" and "وصلاح الدين" stay the quarters).

    >>> text = "أطلقت كتائب عز الدين القسام صواريخ على قرية عز الدين"
    >>> words = Words(text)
    >>> at = [i for i in range(len(words) - 1) if text[words.start[i] : words.end[i + 1]] == "عز الدين"]
    >>> [_compound_given_name(text, words, Span(words.start[i], words.end[i + 1], i, i + 1, ()), set()) for i in at]
    [True, False]
    """
    second = text[words.start[span.last] : words.end[span.last]]
    if span.last != span.first + 1 or _bare(second) not in _COMPOUND_GIVEN_SECOND:
        return False
    i = _word_before(words, span)
    if i >= 0 and is_descriptor(text[words.start[i] : words.end[i]]):
        return False
    if _family_word_after(text, words, span, taken):
        return True
    if span.start > words.start[span.first] or i < 0:
        return False  # "بركن الدين", "وصلاح الدين": in, and (a list's item); the text's first words, its title
    before = _bare(text[words.start[i] : words.end[i]]) if i not in taken else ""
    return before not in _LOCATIVE_WORDS  # "اتجه صلاح الدين إلى الشغر": Saladin; "في ركن الدين": the quarter


def _family_word_after(text: str, words: Words, span: Span, taken: set[int]) -> bool:
    """Whether the word right after the span may be a family name: a word with the article, no
    feminine adjective, no relative pronoun, day or time word, no descriptive, direction or centre
    word ("جاسم الحريري", "عز الدين القسام"; not "جاسم الشهر", "صلاح الدين الشرقي"), or one of the
    commonest given names, a father's ("جاسم محمد", "عفرين محمد")."""
    j = span.last + 1
    if j >= len(words.start) or j in taken or text[span.end : words.start[j]] != " ":
        return False
    word = text[words.start[j] : words.end[j]]
    if _bare(word) in _FATHERS_NAMES:
        return True  # "قال جاسم محمد": Jassem son of Muhammad
    if not word.startswith("ال") or len(word) < 4 or word[-1] in "ةهى" or _bare(word) in _NOT_FAMILY_NAMES:
        return False
    return not (is_descriptor(word, first=False) or is_compass(word) or word in CENTRE_WORDS)


def _given_name_before(text: str, words: Words, span: Span, taken: set[int]) -> bool:
    """ "Ahmad Homsi", "Mohammad Kassab", "Dana Khalil": a one-word Latin span right after a capitalised
    word that is no place, no descriptive, compass or common English word and no acronym is a
    person's surname (or a longer name the index lacks), not the place. Not in a headline's title case.

    >>> text = "Opposition figure Ahmad Homsi said talks failed. Shelling hit Homs."
    >>> words = Words(text)
    >>> homs = [i for i in range(len(words)) if text[words.start[i] : words.end[i]] in ("Homsi", "Homs")]
    >>> [_given_name_before(text, words, Span(words.start[i], words.end[i], i, i, ()), set()) for i in homs]
    [True, False]

    Two given names may stand before it, the second one spotted as a place ("Mohammed Hassan Qatana").

    >>> text = "Minister Mohammed Hassan Qatana told a radio station."
    >>> words = Words(text)
    >>> _given_name_before(text, words, Span(words.start[4], words.end[4], 4, 4, ()), {3, 4})
    True
    """
    if span.start != words.start[span.first]:
        return False  # "al-Homsi": the article is the span's
    i = span.first - 1
    if i < 0 or text[words.end[i] : span.start] != " ":
        return False
    if (
        i in taken
        and (  # "Mohammed Hassan Qatana": a spotted word between a given name and the span is a second one
            i < 1
            or i - 1 in taken
            or text[words.end[i - 1] : words.start[i]] != " "
            or not _a_given_name(text, words, i - 1)
        )
    ):
        return False
    if not _a_given_name(text, words, i):
        return False
    return not _title_case(_line_around(text, span.start))


#: The most given names :func:`_rank_before_given_names` walks back over.
_GIVEN_NAMES_MAX = 3


def _rank_before_given_names(text: str, words: Words, span: Span) -> bool:
    """Whether a rank or a title stands before the given names before a surname ("Minister Mohammed
    Hassan Qatana", "Dr. Dana Khalil"): the span names a person. "Masakin Barzeh" (the Barzeh
    housing) has none.

    >>> text = "Agriculture Minister Mohammed Hassan Qatana said. Shelling hit Masakin Barzeh."
    >>> words = Words(text)
    >>> [_rank_before_given_names(text, words, Span(words.start[i], words.end[i], i, i, ())) for i in (4, 9)]
    [True, False]
    """
    i = span.first - 1
    for _ in range(_GIVEN_NAMES_MAX):
        if i < 1 or not words.capital[i] or text[words.end[i - 1] : words.start[i]] not in (" ", ". "):
            return False
        if text[words.start[i - 1] : words.end[i - 1]].lower() in _RANKS:
            return True
        i -= 1
    return False


def _a_person_s_surname_alone(item: _Item, match: Match) -> bool:
    """Whether a one-word span that the text also writes after a given name is that person's surname
    here too: no kind word asks for a place, nothing binds it, and its answer is a town, a village, a
    quarter or a camp (a city's name stays: "Ahmad Homsi" leaves Homs alone; "وأعلن الجاسم" after
    "المهندس غسان الجاسم" is the engineer)."""
    return (
        item.span.first == item.span.last
        and item.hint is None
        and not item.binding
        and match.place.kind in _SMALL_PLACE_KINDS
    )


def _a_given_name(text: str, words: Words, i: int) -> bool:
    """Whether word ``i`` may be a given name (:func:`_given_name_before`): capitalised, no article, no
    acronym, no descriptive, compass or common English word, no people's adjective and no half of a
    hyphenated pair (the caller asks whether the text names a place there)."""
    if not words.capital[i] or words.article[i]:
        return False
    word = text[words.start[i] : words.end[i]]
    if not word.isascii() or len(word) < 3 or word.isupper():
        return False  # an acronym before a name: "HTS Idlib", "SDF Raqqa"
    if is_descriptor(word) or is_compass(word) or is_common_english(word) or word.lower() in _PEOPLES:
        return False  # "Kurdish Afrin", "Armenian Kessab": a people's adjective
    return not (words.start[i] > 0 and text[words.start[i] - 1] in "-‐–")  # "Putin-Erdogan Idlib deal"


def _media_named(text: str, words: Words, span: Span) -> bool:
    """Whether a span names a channel, an agency, a paper or a news page: "TV", "Radio", "24",
    "Post", "Today", "News"... right after it ("Al-Mayadeen TV", "Suwayda 24", "Raqqa Post",
    "Hawar News Agency", "ARA News", "Halab Today", "“حلب اليوم”" quoted whole,
    "موقع درعا 24"), or قناة, تلفزيون, إذاعة, وكالة, شبكة, صحيفة, صفحة... right before it ("قناة
    الميادين", "شبكة دير الزور"). Not موقع, which is a site as often as a website.

    >>> text = "Al-Mayadeen TV said that Idlib fell."
    >>> words = Words(text)
    >>> [_media_named(text, words, Span(words.start[i], words.end[i], i, i, ())) for i in (1, 5)]
    [True, False]
    """
    if _MEDIA_AFTER_RE.match(text, span.end):
        return True
    if _MEDIA_CENTRE_AFTER_RE.match(text, span.end) and _MEDIA_CENTRE_BEFORE_RE.search(
        text, max(0, span.start - 8), span.start
    ):
        return True  # "مركز “الأتارب الإعلامي”", "مكتب حمص الإعلامي": the Atareb Media Center
    if text[span.start - 1 : span.start] in _OPENING_QUOTES and _TODAY_QUOTED_AFTER_RE.match(text, span.end):
        return True  # "مراسل “حلب اليوم”": the channel Halab Today, quoted whole ("in Aleppo today" is not)
    if (
        span.start > 0
        and _SPOKEN_TO_BEFORE_RE.search(text, max(0, span.start - _SPOKEN_TO_LOOK_BEHIND), span.start)
        and _SPOKEN_TO_AFTER_RE.match(text, span.end)
    ):
        return True  # "A Syrian source speaking to Al Mayadeen said": the channel, not al-Mayadin
    word = _word_right_before(text, words, span)  # "the daily Al-Thawra": the article is the span's
    return _bare(word) in _MEDIA_WORDS or word.lower() in _MEDIA_WORDS


def _word_right_before(text: str, words: Words, span: Span) -> str:
    """The word right before the span, one space between ("" if none): its article is the span's."""
    i = _word_before(words, span)
    return text[words.start[i] : words.end[i]] if i >= 0 and text[words.end[i] : span.start] == " " else ""


def _word_right_after(text: str, words: Words, span: Span) -> str:
    """The word right after the span, one space between ("" if none)."""
    j = span.last + 1
    return (
        text[words.start[j] : words.end[j]] if j < len(words.start) and text[span.end : words.start[j]] == " " else ""
    )


def _sheikh_named(text: str, words: Words, span: Span) -> bool:
    """Whether a span that ends with الشيخ (the sheikh) goes on with a man's given name: "جبل الشيخ محمد
    الطويل" is a hill named after Sheikh Muhammad, not جبل الشيخ (Mount Hermon).

    >>> text = "يحيط بها جبل الشيخ محمد الطويل"
    >>> _sheikh_named(text, Words(text), Span(9, 18, 2, 3, ()))
    True
    """
    last = _bare(text[words.start[span.last] : words.end[span.last]])
    return last in _SHEIKH_WORDS and _bare(_word_right_after(text, words, span)) in _FATHERS_NAMES


#: The sheikh (as :func:`_bare` writes it), which a man's given name may follow in a name (:func:`_sheikh_named`).
_SHEIKH_WORDS = frozenset({"الشيخ", "شيخ"})


def _arabic_phrase_word(text: str, words: Words, span: Span, taken: set[int]) -> bool:
    """Whether a one-word Arabic span is a word of a set phrase, not a place: الباب (the door) after
    فتح (to open) or before أمام (before), مفتوح or مغلق ("فتح الباب أمام المستثمرين", "الباب مفتوح");
    a plural before كافة or كلها (all: "الميادين كافة" are all fields, not al-Mayadin); a town named
    in an armed group's name, after ثوار (the revolutionaries of) or between مجلس and العسكري
    ("لواء ثوار الرقة", "مجلس منبج العسكري": the Manbij Military Council); and a span before "تذبح
    بصمت", the activists' outlet "الرقة تذبح بصمت"; عقارب before الساعة, the clock's hands ("باتجاه عقارب
    الساعة", clockwise), not the village Aqarib; معربا (expressing) before عن and a feeling ("معربا عن
    خشيته"), not the town Maaraba.

    >>> text = "أعاد المجلس فتح الباب أمام المتقدمين في مدينة الباب"
    >>> words = Words(text)
    >>> [_arabic_phrase_word(text, words, Span(words.start[i], words.end[i], i, i, ()), set()) for i in (3, 8)]
    [True, False]
    """
    if span.first != span.last or words.keys[span.first][0].isascii():
        return False
    before = _bare(_word_right_before(text, words, span))
    after = _bare(_word_right_after(text, words, span))
    if _ARABIC_PHRASE_AFTER_RE.match(text, span.end):
        return True
    word = _bare(text[span.start : span.end])
    if word == _DOOR and (_OPEN_RE.search(before) or after in _DOOR_AFTER):
        return True
    if after in _ALL_WORDS:
        return True
    return before in _REVOLUTIONARIES or (before in _COUNCIL and after == _MILITARY)


#: الباب (the door; the city al-Bab), the words around it in "فتح الباب أمام", "الباب مفتوح", and the
#: words of the other phrases of :func:`_arabic_phrase_word`, as :func:`_bare` writes them.
_DOOR = "الباب"
_OPEN_RE = re.compile("(?:^|^[وفل]|^ل?[يت]|^وي)فتح|^افتح|^فتحت")
_DOOR_AFTER = frozenset({"امام", "مفتوح", "مفتوحا", "مغلق", "مغلقا", "موارب"})
_ALL_WORDS = frozenset({"كافه", "كلها", "جميعها"})
_REVOLUTIONARIES = frozenset({"ثوار"})
_COUNCIL = frozenset({"مجلس"})
_MILITARY = "العسكري"
_ARABIC_PHRASE_AFTER_RE = re.compile(
    r"\s+تذبح\s+بصمت|(?<=عقارب)\s+الساعة"  # "عكس عقارب الساعة": the clock's hands
    r"|(?<=معربا)\s+عن\s+(?:قلق|خشي|أمل|امل|رفض|ترحيب|استنكار|تضامن|إدان|ادان|ارتياح|شكر|أسف|اسف|استياء|دعم|غضب|تقدير)"
)  # "معرباً عن خشيته": expressing his fear, not the town Maaraba


def _railway_named(text: str, words: Words, span: Span) -> bool:
    """Whether a span names a railway or a train: right after حديد (rail: "سكة حديد الحجاز", "خط حديد
    الحجاز") or قطار (train: "محطة قطار الحجاز"), or right before "Railway" ("the Hejaz Railway"; not
    "Railway Station", a station in a town). The railway runs far beyond the place its name says.

    >>> text = "خط حديد الحجاز ومحطة الحجاز"
    >>> words = Words(text)
    >>> [_railway_named(text, words, Span(words.start[i], words.end[i], i, i, ())) for i in (2, 4)]
    [True, False]
    """
    return _RAILWAY_AFTER_RE.match(text, span.end) is not None or _word_right_before(text, words, span) in _RAIL_WORDS


def _old_province_named(text: str, words: Words, span: Span) -> bool:
    """Whether the span names an early Islamic military province: right after Jund (جند), "a part of
    Jund Dimashq", "جند قنسرين". A jund spread far beyond the city that named it and is no place of
    the index.

    >>> text = "It was part of Jund Dimashq, south of Damascus."
    >>> words = Words(text)
    >>> at = [words.start.index(text.find(name)) for name in ("Dimashq", "Damascus")]
    >>> [_old_province_named(text, words, Span(words.start[i], words.end[i], i, i, ())) for i in at]
    [True, False]
    """
    return _word_right_before(text, words, span) in _JUND_WORDS


def _said_foreign(text: str, words: Words, span: Span) -> bool:
    """Whether the text says the span is a place of another country: its people's adjective or the
    country's possessive before it ("the Iraqi town of Sinjar", "Lebanon's Al-Mayadeen TV"), the
    Arabic adjective after it ("مدينة العقبة الأردنية"), or the country after it, with a compass word,
    after "in" or a comma ("مدينة صور جنوبي لبنان", "the Bureij camp in central Gaza", "Sinjar, Iraq").

    >>> text = "Yazidis fled the Iraqi town of Sinjar. Shelling hit Idlib, near Turkey."
    >>> words = Words(text)
    >>> at = [i for i in range(len(words)) if text[words.start[i] : words.end[i]] in ("Sinjar", "Idlib")]
    >>> spans = [Span(words.start[i], words.end[i], i, i, ()) for i in at]
    >>> [(text[s.start : s.end], _said_foreign(text, words, s)) for s in spans]
    [('Sinjar', True), ('Idlib', False)]
    """
    if _FOREIGN_BEFORE_RE.search(text, max(0, span.start - _FOREIGN_LOOK_BEHIND), span.start):
        return True
    return _FOREIGN_AFTER_RE.match(text, span.end) is not None


def _line_around(text: str, at: int) -> str:
    """The line of the text around ``at``, at most :data:`_LINE_CHARS` characters either side."""
    begin = text.rfind("\n", max(0, at - _LINE_CHARS), at) + 1 or max(0, at - _LINE_CHARS)
    end = text.find("\n", at, at + _LINE_CHARS)
    return text[begin : end if end >= 0 else at + _LINE_CHARS]


def _title_case(line: str) -> bool:
    """Whether a line is written in title case, as headlines are: of its Latin words of four letters
    or more (at least three), seven in ten or more begin with a capital.

    >>> _title_case("Madaya Siege Enters Sixth Month as Aid Waits"), _title_case("Rami Abdulrahman said that many died")
    (True, False)
    """
    long_words = _LONG_LATIN_WORD_RE.findall(line)
    return len(long_words) >= 3 and sum(w[0].isupper() for w in long_words) >= 0.7 * len(long_words)


def _upper_case(line: str) -> bool:
    """Whether a line's Latin letters (ten or more) are capitals nine times in ten: an upper-case headline.

    >>> _upper_case("REBELS ENTER ALBUKAMAL"), _upper_case("SANA said the road reopened")
    (True, False)
    """
    letters = [c for c in line if c.isascii() and c.isalpha()]
    return len(letters) >= 10 and sum(c.isupper() for c in letters) >= 0.9 * len(letters)


def _given_name(place: Place) -> bool:
    """Whether a place's Arabic name, with or without its article, is a common Arabic word: a given
    name as often as a place ("رامي", "ناصر", "جاسم", "سلمى"), so a surname after it is a person's."""
    name = place.name_ar or ""
    return is_common_arabic(name) or (name.startswith("ال") and is_common_arabic(name[2:]))


def _opens_sentence(text: str, start: int) -> bool:
    """Whether ``start`` opens a sentence, a line or the text (spaces and quotes before it skipped).

    >>> _opens_sentence("Hit by shells, ...", 0), _opens_sentence("Fighting. Hit by", 10), _opens_sentence("in Hit", 3)
    (True, True, False)
    """
    k = start
    while k > 0 and text[k - 1] in " \t\u00a0\"'“‘(":
        k -= 1
    return k == 0 or text[k - 1] in ".!?:\n•|"


def _adjective(text: str, words: Words, span: Span, taken: set[int]) -> bool:
    """ "القرى الهامة" (the important villages): a one-word Arabic span that is a common word with the
    article, written right after a word with the article, may be an adjective of that word, and then
    it is not the town al-Hamah (:func:`_fits` keeps a city: "دخلت القوات الباب", the forces entered
    al-Bab). A name in apposition is no common word ("العاصمة دمشق"), and a clitic opens a new
    phrase ("والباب"). Right after a name, any word with the article is its adjective: "مدينة حمص
    العريقة" (the ancient city of Homs) names no town al-Ariqah."""
    i = span.first - 1
    if i < 0 or span.start != words.start[span.first] or words.keys[i][0].isascii():
        return False  # a Latin word before: no Arabic noun phrase
    if text[words.end[i] : span.start] != " ":
        return False
    if i in taken:  # right after a name: "حمص العريقة" (ancient Homs) is no town al-Ariqah
        return fold_arabic(text[span.start : span.end]).startswith("ال")
    if not is_common_arabic(text[span.start : span.end]):
        return False
    before = fold_arabic(text[words.start[i] : words.end[i]])
    if before in _LOCATION_LABELS:
        return False  # "الموقع القصير، محافظة حمص": an infobox's location label, then the town
    if before in _NOT_DEFINITE:
        return False  # "إلى الطبقة" (to al-Tabqa), "التي": no noun with the article
    return before.startswith("ال") and fold_arabic(text[span.start : span.end]).startswith("ال")


#: The marks of tanween (ً ٌ ٍ): a word that carries one is indefinite, a noun or an adjective, no name.
_TANWEEN_RE = re.compile(f"[{_VOWEL_MARKS[:3]}]")
#: The ending of an Arabic relative adjective (nisba), feminine: "السلمية" (peaceful), "الشرقية".
_NISBA_END_RE = re.compile("ي[ةه]$")
#: Words that begin with the letters of the article but are no nouns with it (fold_arabic keys): إلى
#: (to), إلا (except), الآن (now) and the relative pronouns.
_NOT_DEFINITE = frozenset({"الي", "الا", "الان", "التي", "الذي", "الذين", "اللذين", "اللتين", "اللواتي", "اللاتي"})
#: An infobox's location labels (fold_arabic keys): the word after is the place, no adjective of them.
_LOCATION_LABELS = frozenset({"الموقع", "المكان"})


def _without_adjectives(text: str, words: Words, spans: list[Span]) -> list[Span]:
    """The spans less the directional adjectives that follow a name ("ريف حماة الشمالي": the
    adjective is part of the mention of Hama, not the quarter called الشمالي)."""
    kept: list[Span] = []
    for span in spans:
        if kept and span.first == span.last and kept[-1].last == span.first - 1:
            gap = text[words.end[span.first - 1] : words.start[span.first]]
            if gap == " " and is_direction_adjective(text[words.start[span.first] : words.end[span.first]]):
                continue
        kept.append(span)
    return kept


def _province_of(match: Match) -> str | None:
    """The governorate a span names, when it names one (the unit, or a governorate's capital city)."""
    p = match.place
    if p.kind == "governorate":
        return p.governorate.pcode
    if p.kind == "city" and p.governorate.pcode:
        g = govs.by_pcode(p.governorate.pcode)
        if g.capital and p.name and g.capital.split()[0].lower() in p.name.lower():
            return g.pcode
    return None


#: How far from a plain's or a mountain range's point a place said to lie in it may lie.
_AREA_REACH_M = 50_000


def _area_binds(this: _Item, area: _Item) -> bool:
    """ "قرية الحواش في سهل الغاب", "X in the Qalamoun": a place said to lie in a plain, a region or a
    mountain range lies near it. When no candidate of ``this`` that spells its name (exact or variant)
    lies within :data:`_AREA_REACH_M` of the area's point, it has none: al-Hawash of the Ghab plain
    is not the Hawash of Wadi al-Nasara, 100 km away, the one the index holds (the document decides
    among candidates that lie near). Whether the area bound it: an area binds no governorate, for a
    plain may straddle two."""
    if not area.found or area.found[0].place.kind not in AREA_KINDS:
        return False
    a = area.found[0].place
    if all(
        m.tier not in NEIGHBOUR_TIERS or fast_distance_m(m.place.lat, m.place.lon, a.lat, a.lon) > _AREA_REACH_M
        for m in this.found
    ):
        this.found = []
    return True


def _province_of_unit(item: _Item) -> str | None:
    """The governorate of a district or subdistrict the text names as one ("Janudiyeh sub-district",
    "ناحية الجانودية"), whose answer is the unit or its seat: a place said to be in it lies in that
    governorate ("Nasra (Janudiyeh sub-district)" is no Nasra of Homs). So does a countryside the
    text names after a district or a town ("قرية الزيارة بريف عفرين": the Afrin district's, in Aleppo,
    not al-Ziyarah of Hama)."""
    if not item.found:
        return None
    place = item.found[0].place
    # "ريف X" asks for a governorate: a district's or a town's countryside lies in its governorate
    if (item.hint in _UNIT_HINTS or item.hint == "governorate") and place.kind in _UNIT_OR_SEAT_KINDS:
        return place.governorate.pcode or None
    return None


#: The hints of a district's or subdistrict's mention; a unit said to lie in another is no place it
#: binds ("ضمن ناحية معبدة في منطقة المالكية": the nahiya, whose seat stands in for it only when sure).
_UNIT_HINTS = ("district", "subdistrict")
#: What a district's or subdistrict's name answers: the unit, or the town that is its seat.
_UNIT_OR_SEAT_KINDS = frozenset({"district", "subdistrict", "city", "town", "village"})


def geoparse(
    g: Gazetteer,
    text: object,
    *,
    province: object = None,
    near: tuple[float, float] | None = None,
    min_confidence: float | None = None,
) -> list[PlaceMention]:
    """Every place mention of ``text`` with its answer, in text order (see the module docs).

    On a text of :data:`_PAUSE_GC_CHARS` characters or more the cyclic garbage collector is paused
    while it runs (and left as it was): geoparsing makes no reference cycles, reference counting
    frees what it drops, and the collector's passes over the index's objects cost a tenth of a long
    text's time."""
    from .confidence import check_min_confidence

    if not isinstance(text, str):
        raise InvalidQueryError(f"a text must be a str, got {type(text).__name__}")
    if len(text) > MAX_TEXT_CHARS:
        raise InvalidQueryError(f"a text is at most {MAX_TEXT_CHARS} characters, got {len(text)}")
    threshold = DEFAULT_MIN_CONFIDENCE if min_confidence is None else check_min_confidence(min_confidence)
    gov = None if province is None else govs.find(province).pcode
    pause = len(text) >= _PAUSE_GC_CHARS and gc.isenabled()
    if pause:
        gc.disable()
    try:
        return _geoparse(g, text, gov, near, threshold)
    finally:
        if pause:
            gc.enable()


def _geoparse(
    g: Gazetteer, text: str, gov: str | None, near: tuple[float, float] | None, threshold: float
) -> list[PlaceMention]:
    """:func:`geoparse` of a checked text, the caller's governorate P-code and confidence threshold."""
    names = g.opened.spot_index()
    words = Words(text, names)
    spans = _without_adjectives(text, words, list(spot(text, words, names)))
    spans = [s for s in spans if not _lower_case_word(words, s)]  # prose: it takes no word from a name's mention
    spans = _joined_spans(g, text, spans)
    taken = {i for s in spans for i in range(s.first, s.last + 1)}
    ends = {s.end for s in spans}
    items: list[_Item] = []
    demonym_lines = [m.span() for m in _DEMONYM_LINE_RE.finditer(text)]  # once per text, mostly none
    hint_of = cache(_kind_hint)  # a text names its places many times: each mention parsed once
    agencies: set[str] = set()  # the names the text gives a news agency ("Sana news agency")
    for span in spans:
        clitic = span.start > words.start[span.first]  # one clitic ("بحمص") or two ("وبحمص")
        name = _asked_name(text, words, span) if clitic else text[span.start : span.end]
        one_latin_word = span.first == span.last and words.keys[span.first][0].isascii()
        if one_latin_word and is_descriptor(name):
            continue  # "The Massif includes...": a kind word spelled like a name (Masyaf) is the kind word
        if _family_name(text, words, span, taken) or _name_goes_on(text, words, span, taken):
            continue
        if _name_begun_before(text, words, span, taken):
            continue  # "a hill called Tell Diban" is not the town Diban, nor "كفر X" the village X
        if _kunya(text, words, span, taken):
            continue
        if not one_latin_word and _arabic_noun_phrase(text, words, span, taken):
            continue
        if not one_latin_word and _second_word_of_a_settlement_s_name(text, words, span, taken):
            continue  # "قرية صيدا الجولان" is a village Saida al-Julan, not the Golan
        if _COMPOUND_NAME_RE.match(text, span.end) or _second_half_of_a_name(text, span):
            continue  # "الشيخ سعد الدين الجباوي" is a man (Saad al-Din), not the town al-Shaykh Saad; "Rashid al-Din"
        one_word = text[words.start[span.first] : words.end[span.first]] if span.first == span.last else ""
        if (
            one_word
            and not one_latin_word
            and (_dual_of_a_kind_word(one_word) or _dual_with_its_adjective(text, words, span))
        ):
            continue  # "سيطروا على قريتين", "القريتين الأخيرتين": two villages, not the town al-Qaryatayn
        if demonym_lines and any(begin <= span.start < end for begin, end in demonym_lines):
            continue  # "Demonym(s) | Arabic: معري, romanized: Maarri": the people's name, no place
        if _compound_given_name(text, words, span, taken):
            continue  # "كتائب عز الدين القسام" are no village Izz al-Din, "سيف الدولة الحمداني" no quarter
        written = text[words.start[span.first] : words.end[span.last]]
        if written != name and _read_off_a_foreign_name(written, name, span.start - words.start[span.first]):
            continue  # a clitic read off a foreign name: "لبنان" is not ل + the village Banan, nor "ولبنان"
        if _ROMANIZED_PAIR_AFTER_RE.match(text, span.start - 1) and (
            span.start - 1 in ends or _capitalised_name_before(text, words, span, taken)
        ):
            continue  # "al-Ghariyah al-Sharqiyah", "Huwayqah Sharqiya": the adjective of the name before
        if _TANWEEN_RE.search(text, words.start[span.first], words.end[span.last]):
            continue  # "دَّانًا", "قريةً": a tanween marks an indefinite noun or adjective, which no name is
        if text[span.start - 1 : span.start] == "@":
            continue  # "@DeirEzzor24", "@Raqqa_SL": an account's handle, not the place
        if _SAINT_BEFORE_RE.search(text, max(0, span.start - _SAINT_LOOK_BEHIND), span.start):
            continue  # "St. Saba" (a church's saint) is no Sibbeh, "the god Bel" no village Bel
        if _PATRONYMIC_AFTER_RE.match(text, span.end):
            continue  # "Jabala ibn al-Harith", "زين العابدين بن علي": a person named after his father
        if _TRIBE_AFTER_RE.match(text, span.end):
            continue  # "the Albu Kamal clan": a tribe named after a place (or the place after it) is no mention
        if _ROLE_AFTER_RE.match(text, span.end):
            continue  # "Abu Kamal (Ahrar ash-Sham Central Area Commander)": a commander's name, no town
        if _ARMED_GROUP_AFTER_RE.match(text, span.end):
            continue  # "the Manbij Military Council", "Hama Martyrs Brigade": an armed group named after a place
        if _sheikh_named(text, words, span):
            continue  # "جبل الشيخ محمد الطويل": a hill named after a sheikh, not Mount Hermon
        if _arabic_phrase_word(text, words, span, taken):
            continue  # "فتح الباب أمام" (opened the door to), "الميادين كافة" (all fields), "مجلس منبج العسكري"
        if _railway_named(text, words, span):
            continue  # "سكة حديد الحجاز", "the Hejaz Railway": a railway's name, no quarter of Damascus
        if _media_named(text, words, span):
            if _AGENCY_AFTER_RE.match(text, span.end) or _word_right_before(text, words, span).lower() == "agency":
                agencies.add(name)  # "the official Sana news agency": "told Sana" is the agency too
            continue  # "Al-Mayadeen TV", "Suwayda 24", "شبكة دير الزور 24": an outlet named after a town
        if _old_province_named(text, words, span):
            continue  # "Jund Dimashq", "جند قنسرين": an early Islamic province, no place of the index
        if _said_foreign(text, words, span):
            continue  # "the Iraqi town of Sinjar" is not Sanjar (Idlib), "مدينة العقبة الأردنية" no quarter of Aleppo
        mention, start, end = _mention(text, words, span, taken, name)
        items.append(_Item(span, name, mention, hint_of(mention), (start, end)))
        if start < span.start:
            items[-1].named_at = _past_compass_words(text, words, start, span.start)
        items[-1].mountain = _mountain_named(text, words, span, taken)
        items[-1].longer_name = items[-1].mountain or _compass_named(text, words, span, taken)
        if not one_latin_word and is_arabic(name):
            items[-1].longer_name = items[-1].longer_name or _paired_name(text, words, span, taken)
        elif _ROMANIZED_PAIR_AFTER_RE.match(text, span.end):
            items[-1].longer_name = True  # "al-Ghariyah al-Sharqiyah": another village than al-Ghariyah
        elif (
            _capitalised_name_before(text, words, span, taken)
            and not _CAPITAL_NEXT_RE.match(text, span.end)
            and govs.lookup(name) is None  # "the Sochi Idlib memorandum", "an Enab Baladi Daraa correspondent"
        ):
            items[-1].longer_name = True  # "Qabab Abu Qalqal", "Beth Forklos": the end of a name the index lacks
        if not one_latin_word:
            items[-1].closed_at = _closed_at(text, words, end, taken)
        else:
            items[-1].opens = _opens_sentence(text, span.start)
            items[-1].surname = _surname_after(text, words, span, taken)
            items[-1].titled = (
                items[-1].surname and _PERSON_APPOSITION_RE.match(text, words.end[span.last + 1]) is not None
            )
            items[-1].given_before = _given_name_before(text, words, span, taken)
            written = text[span.start : span.end]
            acronym = len(written) > 1 and written.isupper()
            items[-1].acronym = acronym and not _upper_case(_line_around(text, span.start))
        items[-1].glossed = bool(
            _GLOSS_BEFORE_RE.search(text, max(0, span.start - _GLOSS_LOOK_BEHIND), span.start)
            and _GLOSS_END_RE.match(text, span.end)
        )
        items[-1].binding = _nisba_binding(text, words, span, taken)
        one_arabic_word = span.first == span.last and not one_latin_word
        items[-1].adjective = one_arabic_word and _adjective(text, words, span, taken)
        if one_arabic_word and not items[-1].adjective:
            items[-1].surname = _family_name_after(text, words, span, taken)
        if one_arabic_word:
            items[-1].nisba_after = _NISBA_AFTER_RE.match(text, span.end) is not None
            items[-1].construct = _construct_after(text, words, span, taken)
            items[-1].generic = (
                items[-1].hint is None and text.startswith("ال", span.start) and opens_a_name(words.keys[span.first])
            )
            items[-1].titled = items[-1].surname and _title_right_before(text, words, span, taken)
            items[-1].given_before = _arabic_surname(text, words, span, taken)
    if agencies:
        items = [item for item in items if item.text not in agencies]
    # "Minister Mohammed Hassan Qatana told ... Qatana said": a titled person's surname is his alone too
    surnames = {
        item.text
        for item in items
        if item.given_before and (is_arabic(item.text) or _rank_before_given_names(text, words, item.span))
    }  # an Arabic surname (:func:`_arabic_surname`) has its rank already
    ask = cache(partial(_candidates, g, near))  # the same mention asked again in one text: asked once
    named: dict[tuple[str, str, str], tuple[bool, bool]] = {}  # _name_facts, once per place, name and span
    for k, item in enumerate(items):
        if item.hint in _NEXT_NAME_KINDS and _kind_word_of_the_next_name(text, item):
            # "the Idlib town of Saraqeb", "the northern Hama village of Kafr Zita": the town is Saraqeb, in the
            # governorate; "the Homs district of Khaldiyeh": the quarter, in the city
            if item.hint in POPULATED_KINDS and _a_governorate_s_own_name(item.text):
                item.read_as_governorate()
            else:
                item.read_as(item.text)
        if item.hint == "governorate" and item.mention != item.text and _a_quarter_s_city_part(text, item):
            # "a neighborhood in northeastern Aleppo": the city's north-east, not the province's
            item.read_as(item.text)
        item.found = ask(item.mention, gov)
        if not item.found and item.hint == "region" and _a_governorate_s_own_name(item.text):
            item.read_as_governorate()
            item.found = ask(item.mention, gov)  # "the northern Hama plains": no such plain, the governorate's
        elif item.hint == "region" and _desert_of(item.mention) and not _sure(item.found, threshold):
            town = ask(item.text, gov)  # "بادية السخنة", "the Palmyra desert": the desert around the town
            if town and town[0].place.kind in _DESERT_OF_KINDS:  # "صحراء بادية الشام": the desert itself
                item.read_as(item.text)
                item.found = town
                item.named_at = item.span.start  # the desert word before the desert's name stays out
        elif item.hint is None and item.mention == item.text and _REGION_AFTER_RE.match(text, item.span.end):
            _read_region(item, ask, gov)
        elif (
            item.hint is None
            and item.mention == item.text
            and _a_governorate_s_own_name(item.text)
            and (
                _commanded(text, item)
                or _chained(text, item)
                or (k > 0 and _after_its_unit(text, items[k - 1], item))
                or _title_qualifier(text, items, k)
                or _locator_map(text, item)
                or _governorate_phrase_before(text, item)
            )
        ):
            item.read_as_governorate()
            item.found = ask(item.mention, gov)  # "Latakia NDF commander", "Houla, Homs, Syria": the governorate's
        elif not item.found and item.hint is None and _part_of_an_area(item):
            area = ask(item.text, gov)  # "القلمون الشرقي": the eastern Qalamoun, a part of the mountains
            if area and area[0].place.kind in AREA_KINDS:
                # the span is the part's name, adjective and all ("القلمون الشرقي"); two adjectives describe
                # a side of it ("جبل الزاوية الشمالية الغربية", its north-western slope): the span is the name
                two = len(item.mention.partition(item.text)[2].split()) == 2
                item.read_as(item.text)
                item.found, item.part_end = area, item.span.end if two else item.around[1]
    _read_lists(ask, text, items, gov)
    _bind(text, items, ask, gov, threshold)
    _bind_to_the_governorate_said(text, items)
    _spread_bindings(items)
    _one_sense(text, items, ask, gov)
    votes: dict[str, float] = defaultdict(float)
    voters: dict[str, dict[str, None]] = defaultdict(dict)  # per governorate, the texts that voted, in order
    settled: dict[tuple[int, int], list[tuple[float, float]]] = {}  # the villages and towns named surely, by cell
    cities: dict[tuple[float, float], None] = {}  # where the cities named surely lie
    for item in items:
        if item.binding and item.binding != gov:
            item.found = ask(item.mention, item.binding, _BOUND_NOTE)
        best = item.found[0] if item.found else None
        if best is not None and best.confidence >= threshold and not best.ambiguous and _fits(item, best, named):
            if _common_word_town(item, best):
                continue  # it needs the others' votes, it casts none
            if item.hint == "neighbourhood" and best.place.kind in _NEARBY_KINDS:
                continue  # "حي الرصافة" that found only the village Rasafeh of Aleppo: no quarter, no vote
            place_gov = best.place.governorate.pcode or ""
            votes[place_gov] += best.confidence
            voters[place_gov][item.text] = None
            if best.place.kind in _NEARBY_KINDS:
                _settle(settled, best.place.lat, best.place.lon)
            elif best.place.kind == "city":
                cities[best.place.lat, best.place.lon] = None
    out: list[PlaceMention] = []
    answered: list[tuple[_Item, Match]] = []  # per mention of ``out``, its item and answer
    no_quarter: set[str] = set()  # the names of quarters the index lacks ("حي X" that found no quarter)
    by_nearby = cache(partial(_by_nearby_place, g, settled, threshold))  # once per mention and governorate
    for k, item in enumerate(items):
        best = item.found[0] if item.found else None
        if best is not None and _undecided(best, threshold) and gov is None and not item.binding:
            best = _by_context(g, item, votes, voters, near) or best
        if best is not None and _undecided(best, threshold) and near is None:
            best = _by_list_fellow(g, text, items, k, item.binding or gov, threshold) or best
        if best is not None and _undecided(best, threshold) and near is None and settled:
            best = by_nearby(item.mention, item.binding or gov) or best
        if item.hint == "neighbourhood" and (best is None or best.confidence < threshold):
            no_quarter.add(item.text)  # "حي الحاضر (حماة)": no quarter al-Hadir in Hama
        if best is not None and best.confidence >= threshold and _fits(item, best, named):
            if item.text in surnames and _a_person_s_surname_alone(item, best):
                continue  # "Qatana said", after "Mohammed Hassan Qatana": the minister, not the town
            if _common_word_town(item, best) and not _supported(best, gov, voters, item.text):
                continue  # "وفي خطاب أمام مجلس الشعب" (in a speech) in a text about Aleppo is no Khitab (Hama)
            if _bare_quarter(item, best) and _placed_elsewhere(best, gov, voters, item.text):
                continue  # "معركة ميسلون" in a text about Damascus is no quarter of Aleppo
            if _arabic_historic_name(item, best) and _placed_elsewhere(best, gov, voters, item.text):
                continue  # "قرى جبالا ومعرتماتر" in Jabal al-Zawiya is no Gabala, the ancient Jableh
            if item.generic and _placed_elsewhere(best, gov, voters, item.text):
                continue  # "انسحب التنظيم من التل" (the hill) in a text about Aleppo is no town al-Tall of Rif Dimashq
            if _camp_by_a_bare_alias(item, best) and _placed_far(best, gov, voters, item.text):
                continue  # "العائدين" (the returnees) in a text about Aleppo is no camp al-Aideen of Homs
            if _facility_by_its_bare_core(item, best) and _placed_beyond_its_neighbours(best, gov, voters, item.text):
                continue  # "شمالا: باب الهوى" in an article on a village of Quneitra is no crossing of Idlib
            if _quarter_of_a_far_city(item, best, gov, voters) and _a_shared_name(g, item.text, best):
                continue  # "أحياء الحميدية والجبيلة" in a text about Deir ez-Zor is no quarter of Aleppo
            if _city_without_its_article(item, best) and _placed_elsewhere(best, gov, voters, item.text):
                continue  # "قرى ريف الدرباسية: ملك وقنيطرة": a village, not the city al-Quneitra
            if item.hint == "neighbourhood" and best.place.kind in POPULATED_KINDS and not _in_a_city(best, cities):
                if not _adjective_right_after(text, words, item.span):
                    no_quarter.add(item.text)  # not "حيي السيال الشرقي والسيال الغربي", the town's two quarters
                continue  # "أحياء الحاضر" in a text about Hama is no town of Aleppo that the index calls so
            start, end = _with_marks(text, *_extent(text, item, best), best.place)
            out.append(PlaceMention(start, end, text[start:end], best))
            answered.append((item, best))
    if no_quarter:  # "حي الحاضر ... منطقة الحاضر ... سوق الحاضر": the quarter each time, not the town
        out = [
            m
            for m, (item, best) in zip(out, answered)
            if item.text not in no_quarter or not _lone_stand_in(item, best, cities, settled)
        ]
    if gov is None:  # the caller's governorate places every mention: no outlier, stray or list fellow
        out = _landmarks_with_their_town(g, _without_far_outliers(text, out))  # an outlier places no landmark
        out = _list_fellows(ask, text, _without_respelt_strays(text, _without_list_strays(text, out)), spans, threshold)
    else:
        out = _landmarks_with_their_town(g, out)
    out = _without_misplaced_by_distance(text, out)
    return with_declared_names(text, _short_for_longer_names(text, out))


#: A quarter's word and "in" or "of" before a compass word and a governorate's name: "a neighborhood in
#: northeastern Aleppo", "the al-Rashideen neighbourhood of western Aleppo", "a city district (hayy) in".
_QUARTER_BEFORE_RE = re.compile(
    r"\b(?:neighbou?rhoods?|quarters?|districts?|hayy|suburbs?)\b(?:\s*\([^()]{0,12}\))?"
    r"\s+(?:(?:located|situated|lying)\s+)?(?:in|of)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
#: How far before a mention :data:`_QUARTER_BEFORE_RE` looks, in characters.
_QUARTER_LOOK_BEHIND = 60


def _a_quarter_s_city_part(text: str, item: _Item) -> bool:
    """Whether a governorate's name with a compass word says where a quarter lies in its city: "Sheikh
    Maqsood is a neighborhood in northern Aleppo", "a city district (hayy) in southwestern Homs" (the
    compass word would otherwise ask for the governorate's part, "northern Aleppo" alone).

    >>> text = "Ashrafiyah is a neighborhood in northeastern Aleppo. Rebels held northern Aleppo."
    >>> [_a_quarter_s_city_part(text, _Item(Span(s, s + 6, 0, 0, ()), "Aleppo", text[a : s + 6], None, (a, s + 6)))
    ...  for a, s in ((32, 45), (65, 74))]
    [True, False]
    """
    start = item.around[0]
    if not item.text.isascii() or not _a_governorate_s_own_name(item.text):
        return False
    said = parse_mention(item.mention).descriptors
    if not said or not all(is_compass(word) for word in said):
        return False  # "a district in the Idlib Governorate": the unit's word asks for the governorate
    return _QUARTER_BEFORE_RE.search(text, max(0, start - _QUARTER_LOOK_BEHIND), start) is not None


def _adjectives_after(text: str, name: str) -> set[str]:
    """The directional adjectives (folded) that follow ``name`` anywhere in the text (a scan with
    ``str.find``, which a long text costs little).

    >>> sorted(_adjectives_after("الغارية الشرقية والغارية الغربية والغارية", "الغارية"))
    ['الشرقيه', 'الغربيه']
    """
    found: set[str] = set()
    at = text.find(name + " ")
    while at >= 0:
        start = at + len(name) + 1
        end = start
        while end < len(text) and not text[end].isspace() and text[end] not in "،,.;:":
            end += 1
        if is_direction_adjective(text[start:end]):
            found.add(fold(text[start:end]))
        at = text.find(name + " ", start)
    return found


def _short_for_longer_names(text: str, found: list[PlaceMention]) -> list[PlaceMention]:
    """The mentions, each name that an earlier mention's name with a directional adjective begins
    answered as that mention ("الغارية الشرقية ... مشفى بلدة الغارية": al-Ghariyah al-Sharqiyah of
    Daraa, not Gharyeh of As-Suwayda), unless the text names two places so ("الغارية الشرقية
    والغارية الغربية", whether or not the index has both): the text shortens the name it gave in full.

    >>> from gazetteer import load
    >>> text = "على الطريق بين المسيفرة والغارية الشرقية. وكانوا في طريقهم إلى مشفى في بلدة الغارية."
    >>> [(m.text, m.match.place.governorate.name) for m in load().geoparse(text)]
    [('المسيفرة', 'Daraa'), ('الغارية الشرقية', 'Daraa'), ('الغارية', 'Daraa')]
    """
    longer: dict[str, PlaceMention | None] = {}
    for m in found:
        if " " not in m.text:
            continue  # most mentions: one word
        head, _, last = m.text.rpartition(" ")
        if is_direction_adjective(last):
            earlier = longer.setdefault(head, m)
            if earlier is not None and earlier.match.place.id != m.match.place.id:
                longer[head] = None  # two places named so: the short name says neither
    if not longer:
        return found
    # "الغارية الغربية" too, even if the index lacks it: the short name says neither (read once per name)
    named_twice = cache(lambda head: len(_adjectives_after(text, head)) > 1)
    out = []
    for m in found:
        full = longer.get(m.text)
        if (
            full is not None
            and full.start < m.start
            and full.match.place.id != m.match.place.id
            and not named_twice(m.text)
        ):
            note = f"short for {full.text!r}, which the text named before"
            m = m._replace(match=replace(full.match, signals=(*full.match.signals, note)))
        out.append(m)
    return out


#: The marks of ayn and hamza (:data:`~gazetteer.normalize.AYN_MARKS`) as one, to compare a span with
#: the names of its place.
_AYN_MARKS_AS_ONE = str.maketrans(dict.fromkeys(AYN_MARKS, "'"))


def _with_marks(text: str, start: int, end: int, place: Place) -> tuple[int, int]:
    """The span with the ayn or hamza mark that ends or begins it outside a word ("Izra'", "'Āmūdā")
    when the place has a name written so; "Damascus' suburbs" keeps its possessive outside. A vowel
    mark that opens the span is its clitic's ("وَداعل": the span is "داعل").

    >>> from gazetteer import load
    >>> izra = load().place("gn:169341")
    >>> text = "Izra', Dar'a and Damascus' suburbs"
    >>> _with_marks(text, 0, 4, izra), _with_marks(text, 17, 25, izra), _with_marks("وَداعل", 1, 6, izra)
    ((0, 5), (17, 25), (2, 6))
    """
    while start < end and text[start] in _VOWEL_MARKS:
        start += 1
    after = end < len(text) and text[end] in AYN_MARKS and not text[end + 1 : end + 2].isalpha()
    before = start > 0 and text[start - 1] in AYN_MARKS and not text[start - 2 : start - 1].isalnum()
    if not (after or before):
        return start, end
    names = {n.text.translate(_AYN_MARKS_AS_ONE) for n in place.names}
    if after and text[start : end + 1].translate(_AYN_MARKS_AS_ONE) in names:
        end += 1
    if before and text[start - 1 : end].translate(_AYN_MARKS_AS_ONE) in names:
        start -= 1
    return start, end


def _in_a_city(match: Match, cities: dict[tuple[float, float], None]) -> bool:
    """Whether a settlement that stands in for a quarter ("حي X", no quarter of that name) lies within
    :data:`_CITY_RADIUS_M` of a city the text names: a village a city has grown over, not a
    namesake town elsewhere."""
    p = match.place
    return any(fast_distance_m(p.lat, p.lon, lat, lon) <= _CITY_RADIUS_M for lat, lon in cities)


def _lone_stand_in(
    item: _Item,
    match: Match,
    cities: dict[tuple[float, float], None],
    settled: dict[tuple[int, int], list[tuple[float, float]]],
) -> bool:
    """Whether the answer may stand in for a quarter the index lacks: a settlement that no settlement's
    kind word asked for ("منطقة X" may be a quarter), in no city the text names (:func:`_in_a_city`)
    and by no other village or town it names surely (``settled``, :func:`_settle`): "حي عين العروس" is
    the village by Tell Abyad."""
    p = match.place
    if p.kind not in POPULATED_KINDS or item.hint in POPULATED_KINDS or _in_a_city(match, cities):
        return False
    return not any(
        0 < fast_distance_m(p.lat, p.lon, lat, lon) <= _CITY_RADIUS_M
        for lat, lon in settled.get(_cell(p.lat, p.lon), ())
    )


#: A distance right after a place's mention that measures it from the next mention ("تل خنزير التي
#: تبعد 21 كيلومتراً جنوبي رأس العين", "Mhardeh, some 25 km (15 miles) northwest of Hama"): the number,
#: the unit, then a compass word or "from" (:func:`_without_misplaced_by_distance`).
_DISTANCE_FROM_RE = re.compile(
    r"[\s,،(\"“”«»]*"
    r"(?:(?:which|that|is|are|lies|located|situated|lying|some|about|around|approximately|roughly|nearly|almost|just"
    r"|only|التي|الذي|تبعد|يبعد|الواقعة|الواقع|تقع|يقع|على|بعد|مسافة|بمسافة|حوالي|حوالى|نحو|بنحو|قرابة)\s+){0,4}"
    r"(\d+(?:\.\d+)?)\s*"
    r"(km|kms|kilomet(?:er|re)s?|كم|كلم|كيلو|كيلومتر|كيلومترا|كيلومتراً|كيلومترًا|كيلومترات|mi|miles?|ميل|ميلا|أميال)"
    r"(?!\w)(?:\s*\([^()]{0,24}\))?\s*(?:to\s+the\s+|إلى\s+ال)?"
    r"(?:(?:north|south|east|west)(?:-?\s?(?:east|west))?(?:ern)?\s+of|from|(?:شمال|جنوب|شرق|غرب)ي?"
    r"(?:\s+(?:شرق|غرب)ي?)?|من|عن)(?!\w)",
    re.IGNORECASE,
)
#: What may stand between a distance's compass word and the place it measures from ("the city of").
_DISTANCE_ANCHOR_GAP_RE = re.compile(r"(?:\s+(?:the|city|town|village|of|مدينة|بلدة|قرية|ناحية))*\s*", re.IGNORECASE)
#: A conjunction right before a mention ("between Daraa and Damascus", "درعا ودمشق"): a distance after
#: the pair measures the sentence's subject, not the second member.
_COORDINATED_BEFORE_RE = re.compile(r"(?:\b(?:and|or)\s+|(?<!\w)و)$", re.IGNORECASE)
#: Miles are said in English and Arabic news too ("15 miles north of", "10 أميال").
_MILE_UNITS = frozenset({"mi", "mile", "miles", "ميل", "ميلا", "أميال"})
#: The kinds of place a distance measures from and to: points, not areas, units or roads.
_MEASURED_KINDS = frozenset(
    {*POPULATED_KINDS, "neighbourhood", "camp", "airbase", "airport", "crossing", "prison", "dam", "landmark",
     "archaeological_site"}
)  # fmt: skip
#: How far a place may lie from where a text's distance puts it: the distance said is often by road
#: and the index's points are a town's centre, so half as much again and 10 km more.
_DISTANCE_SLACK = 1.5
_DISTANCE_SLACK_KM = 10.0


def _without_misplaced_by_distance(text: str, found: list[PlaceMention]) -> list[PlaceMention]:
    """The mentions less those a distance the text gives puts elsewhere: "قرية تل خنزير التي تبعد 21
    كيلومتراً جنوبي رأس العين" is no Tal Khanzir of Hama, 300 km from Ras al-Ain (the index lacks the
    village of al-Hasakah). The distance follows the mention, the place it measures from is the next
    mention; both must be points (:data:`_MEASURED_KINDS`), and the place may lie at most half as far
    again and 10 km more from it. Not after "and" ("between Daraa and Damascus, located 14 km north of
    Daraa" measures the sentence's town). Every mention of that name that gave the same place goes with it.

    >>> from gazetteer import load
    >>> [m.text for m in load().geoparse("قرية تل خنزير التي تبعد 21 كيلومتراً جنوبي رأس العين")]
    ['رأس العين']
    >>> [m.text for m in load().geoparse("Mhardeh, 25 km northwest of Hama city")]
    ['Mhardeh', 'Hama']
    """
    wrong: set[tuple[str, str]] = set()
    for m, after in pairwise(found):
        said = _DISTANCE_FROM_RE.match(text, m.end)
        if (
            said is None
            or after.start < said.end()
            or _DISTANCE_ANCHOR_GAP_RE.fullmatch(text, said.end(), after.start) is None
        ):
            continue
        if _COORDINATED_BEFORE_RE.search(text, max(0, m.start - 8), m.start):
            continue  # "between Daraa and Damascus, located 14 km north of Daraa": the sentence's town lies there
        place, anchor = m.match.place, after.match.place
        if place.kind not in _MEASURED_KINDS or anchor.kind not in _MEASURED_KINDS:
            continue
        km = float(said.group(1)) * (1.609 if said.group(2).lower() in _MILE_UNITS else 1.0)
        away_km = fast_distance_m(place.lat, place.lon, anchor.lat, anchor.lon) / 1000
        if away_km > km * _DISTANCE_SLACK + _DISTANCE_SLACK_KM:
            wrong.add((m.text, place.id))
    return [m for m in found if (m.text, m.match.place.id) not in wrong] if wrong else found


def _landmarks_with_their_town(g: Gazetteer, found: list[PlaceMention]) -> list[PlaceMention]:
    """The mentions less the landmarks that nothing in the text places: a mosque, a square or a
    hospital is named in a text about its town, and its name is often no one town's ("المسجد
    العمري", the Omari mosque, stands in many towns; the index knows Bosra's). A landmark stays when
    another mention's place, or a town named inside its own name ("Great Mosque of Hama"), lies
    within :data:`_CITY_RADIUS_M` of it, or when none of its names has a word that says what it is:
    "Krak des Chevaliers" (قلعة الحصن) is that castle's name alone, while "Jami al-Omari" is the
    mosque called المسجد العمري, as many towns' are."""
    if all(m.match.place.kind != "landmark" for m in found):
        return found
    others = {(o.lat, o.lon) for o in (m.match.place for m in found) if o.kind != "landmark"}
    landmarks = {m.match.place.id: m.match.place for m in found if m.match.place.kind == "landmark"}
    proper = {
        pid: not any(_says_its_kind(n.text) for n in place.names) for pid, place in landmarks.items()
    }  # a long text names its landmarks many times: each place's names read once

    @cache
    def placed(lat: float, lon: float, written: str) -> bool:
        if any(fast_distance_m(lat, lon, olat, olon) <= _CITY_RADIUS_M for olat, olon in others):
            return True
        words = f" {fold(written)} "
        towns = g.nearest(lat, lon, k=3, max_km=_CITY_RADIUS_M / 1000)
        return any(f" {fold(n.text)} " in words for t in towns for n in t.place.names if n.text)

    return [
        m
        for m in found
        if m.match.place.kind != "landmark"
        or proper[m.match.place.id]
        or _by_its_own_name(m)
        or placed(m.match.place.lat, m.match.place.lon, m.text)
    ]


def _by_its_own_name(m: PlaceMention) -> bool:
    """Whether a landmark is named by a one-word name of its own that :func:`_a_facility_s_own_name`
    took: "Al-Tanf" (the garrison, in the desert far from any other place of the text)."""
    match = m.match
    return (
        " " not in m.text.strip()
        and match.tier == "exact"
        and not _says_its_kind(match.matched_name)
        and _official_name(match)
    )


def _says_its_kind(name: str) -> bool:
    """Whether a name has a word that says what kind of place it is ("المسجد العمري", "Hama Hospital")."""
    return any(word_kind(w) or word_kind(w.removeprefix("ال")) for w in name.split())


def _places_by_governorate(found: Sequence[PlaceMention]) -> dict[str, set[str]]:
    """Governorate P-code ("" for none) -> the places of the mentions that lie in it."""
    named: dict[str, set[str]] = defaultdict(set)
    for m in found:
        named[m.match.place.governorate.pcode or ""].add(m.match.place.id)
    return named


def _without_far_outliers(text: str, found: list[PlaceMention]) -> list[PlaceMention]:
    """The mentions less the far outliers: a village, a town or a quarter (or a city an encyclopedia
    lists among the localities near its subject) alone in its governorate, in a text whose places
    gather in governorates none of which borders it ("Shamiyah" in a text about
    Abu Kamal is the Syrian desert, not the village al-Shamiyah of Latakia). Such a name more likely
    names a namesake the index lacks. A name spelt as the index writes it is dropped only when its
    own sentence names places of those other governorates ("بانياس" beside the Golan's villages is
    Banias, not the town of Tartus; "Separately, drones struck Tell Shamiram" after a sentence on
    Suwayda is the village of al-Hasakah). The text must name at least :data:`_OUTLIER_SUPPORT`
    places in one other governorate (the city, the governorate and the airport of Deir ez-Zor are
    three); a place the text binds to its governorate ("Nawa, Daraa") stays."""
    small = [m for m in found if _outlier_kind(m.match) or _a_nearby_locality_s_city(text, m)]
    if not small:
        return found
    named = _places_by_governorate(found)
    if max(map(len, named.values())) < _OUTLIER_SUPPORT:
        return found
    # a landmark keeps no outlier company: "Al-Zera'a roundabout" beside "Al-Amiriya" in a text on
    # Palmyra are Palmyra's, not a roundabout and a village of Aleppo
    landmarkless = _places_by_governorate([m for m in found if m.match.place.kind != "landmark"])
    # a governorate that only one small place names vouches for a neighbour only when it borders a
    # governorate named otherwise: "Arnaba" of Idlib and "Al-Hamidiya" of Hama, in a text on Quneitra, keep
    # each other no company; "Tal Abyad" (Raqqa, by Aleppo's towns) keeps "Ras al-Ain" (Hasakah) its own
    lone = {
        m.match.place.governorate.pcode or ""
        for m in small
        if len(landmarkless[m.match.place.governorate.pcode or ""]) == 1
    }
    solid = set(named) - lone
    unanchored = {g for g in lone if not govs.neighbours(g) & solid}
    outliers = set()
    for m in small:
        gov = m.match.place.governorate.pcode
        if not gov or landmarkless[gov] != {m.match.place.id} or _bound_by_the_text(m.match):
            continue
        near = govs.neighbours(gov) | {""}
        if any(other in near for other in named if other != gov and other not in unanchored):
            continue
        if (
            m.match.tier == "exact"
            and _own_name(m.match)
            and not (_sentence_names_elsewhere(text, found, m) or _always_after(text, found, m))
        ):
            continue
        outliers.add(id(m))
    return [m for m in found if id(m) not in outliers] if outliers else found


#: An encyclopedia's sentence on the localities around its subject, from its opening to a mention:
#: "Nearby localities include Zughba to the north, ... Duma to the southeast".
_NEARBY_LOCALITIES_BEFORE_RE = re.compile(r"\b[Nn]earby (?:localities|villages|towns) include\b[^.\n]*\Z")
#: How far before a mention :data:`_NEARBY_LOCALITIES_BEFORE_RE` reads, in characters.
_NEARBY_LOOK_BEHIND = 400


def _a_nearby_locality_s_city(text: str, m: PlaceMention) -> bool:
    """Whether a city's mention is an item of an encyclopedia's "Nearby localities include ..."
    sentence, which lists villages and towns around its subject: a city far from them is a namesake
    (:func:`_without_far_outliers`; "Duma to the southeast" of a village of Hama is no Douma of Rif
    Dimashq).

    >>> from gazetteer.model import AdminRef
    >>> place = Place(id="x", name="Duma", name_ar="دوما", kind="city", lat=0.0, lon=0.0,
    ...               governorate=AdminRef("Rif Dimashq", "ريف دمشق", "SY03"))
    >>> text = "Nearby localities include Suran to the north and Duma to the south. Duma is a city."
    >>> [_a_nearby_locality_s_city(text, PlaceMention(s, s + 4, "Duma", Match(place=place, score=100.0,
    ...  matched_name="Duma", tier="exact"))) for s in (49, 69)]
    [True, False]
    """
    return m.match.place.kind == "city" and (
        _NEARBY_LOCALITIES_BEFORE_RE.search(text, max(0, m.start - _NEARBY_LOOK_BEHIND), m.start) is not None
    )


def _outlier_kind(match: Match) -> bool:
    """Whether an answer may be a far outlier (:func:`_without_far_outliers`): a village, a town or a
    quarter, or a region or a mountain range matched by a spelling variant only ("Berade", a village of
    Afrin, is no Wadi Barada), or an archaeological site matched by a spelling variant or by a name not
    its own ("the Tel al-Ahmar area" in Quneitra is a red hill, not Til Barsip of Aleppo, whose modern
    name is Tell Ahmar; "the Abu Qubais hill" no castle of Hama)."""
    kind = match.place.kind
    if kind == "archaeological_site":
        return match.tier != "exact" or not _own_name(match)  # "the Tel al-Ahmar area" of Quneitra: no Til Barsip
    return kind in _OUTLIER_KINDS or (kind in AREA_KINDS and match.tier != "exact")


def _own_name(match: Match) -> bool:
    """Whether the name matched is the place's own: its display name, its Arabic name, or one a
    source gives as official or preferred, as the index rates it (``OpenedIndex.name_quality``,
    written into the answer's bucket); not an alternate ("خريبة", a GeoNames alternate of Nasra in
    Homs, is as likely a village al-Khuraybah of Aleppo), a nickname or a historic name.

    >>> from gazetteer import load
    >>> g = load()
    >>> [_own_name(g.candidates(q, limit=1)[0]) for q in ("الناصرة", "خريبة")]
    [True, False]
    """
    return not any(quality in match.bucket for quality in _NOT_OWN_NAME_BUCKETS)


#: The bucket marks of a name that is not the place's own (:func:`gazetteer.confidence.bucket`).
_NOT_OWN_NAME_BUCKETS = ("+alias", "+colloquial", "+historic")


#: Prepositions and conjunctions, which stand before any place's name (:func:`_always_after`).
_LINKING_WORDS = frozenset(
    {"في", "من", "إلى", "الى", "على", "عن", "مع", "بين", "حتى", "نحو", "قرب", "و", "او", "أو",
     "in", "of", "to", "from", "and", "or", "near", "at", "on", "by", "with", "for", "between", "towards", "the"}
)  # fmt: skip
#: The last word before a mention, with the spaces after it (:func:`_always_after`).
_LAST_WORD_RE = re.compile(r"(\w+)\s+\Z")


def _always_after(text: str, found: list[PlaceMention], m: PlaceMention) -> bool:
    """Whether the place of mention ``m`` is named twice or more, each time right after the same word
    that says nothing of a place: the title "حب نمرة" (Hab Nimra, Homs), repeated, names a village the
    index lacks, not the village Nimreh of As-Suwayda.

    >>> text = "حب نمرة: قرية. الاسم الرسمي حب نمرة"
    >>> from gazetteer.model import AdminRef
    >>> place = Place(id="x", name="Nimreh", name_ar="نمرة", kind="village", lat=0.0, lon=0.0,
    ...               governorate=AdminRef("As-Suwayda", "السويداء", "SY13"))
    >>> match = Match(place=place, score=100.0, matched_name="نمرة", tier="exact")
    >>> found = [PlaceMention(i, i + 4, "نمرة", match) for i in (3, 31)]
    >>> _always_after(text, found, found[0])
    True
    """
    before = [
        last[1] if (last := _LAST_WORD_RE.search(text, max(0, o.start - 30), o.start)) else ""
        for o in found
        if o.match.place.id == m.match.place.id
    ]
    word = before[0]
    if len(before) < 2 or any(w != word for w in before):
        return False
    return bool(word) and word.lower() not in _LINKING_WORDS and not is_descriptor(word)


#: Where a list of names breaks into its items: commas, " and ", " or ", " أو " between words, and و
#: glued to a word ("الزعينية واشتبرق وبداما").
_LIST_SPLIT_RE = re.compile(r"[،,]|\s(?:and|or|أو)\s|\sو|\s[–—-]\s", re.IGNORECASE)  # "باب الطاقة – الحويجة"
#: What no item of a list holds: a sentence's or a clause's mark.
_NOT_IN_A_LIST_RE = re.compile(r"[.;:!?؟()\[\]|\n]")
#: The most words of one list item ("بيت الشكوهي", "Tell Abyad al-Gharbi"), and of the words that may
#: stand between a word for villages and the list ("قرى ريف جسر الشغور الغربي: ").
_LIST_ITEM_WORDS = 3
_LIST_LEAD_WORDS = 4
#: The longest text between two names of one list that :func:`_list_gap` reads.
_LIST_GAP_LIMIT = 200
#: The words that open a list of settlements in English (Arabic: :func:`gazetteer.mention.is_parts_word`).
_SETTLEMENTS_WORD_RE = re.compile(r"\b(?:villages|towns|localities|hamlets)\b|[\u0600-\u06FF]+", re.IGNORECASE)
#: How far before a list's first known name its word for villages or towns may stand.
_LIST_LEAD_CHARS = 300


def _bare_item(piece: str) -> str:
    """A list's piece without its edges' spaces and a glued و ("وعرامو" is "عرامو")."""
    return piece.strip().removeprefix("و")


def _list_gap(gap: str) -> bool:
    """Whether the text between two names is a list's: separators, with unknown names of one to three
    words between them ("، وبيت الشكوهي، وعرامو، و", " واشتبرق و", ", Sarrin, and ", " و").

    >>> _list_gap("، وبيت الشكوهي، وعرامو، و"), _list_gap(" واشتبرق و"), _list_gap(", and "), _list_gap(" near ")
    (True, True, True, False)
    >>> _list_gap(" وقصفت "), _list_gap(" شرق "), _list_gap(" – الصخر – ")
    (False, False, True)
    """
    if len(gap) > _LIST_GAP_LIMIT or _NOT_IN_A_LIST_RE.search(gap):
        return False
    pieces = _LIST_SPLIT_RE.split(gap)
    if len(pieces) == 1 or _bare_item(pieces[0]) or _bare_item(pieces[-1]):
        return False  # the gap opens and ends with a separator
    return all(len(_bare_item(p).split()) <= _LIST_ITEM_WORDS for p in pieces[1:-1])  # ", and ": none


#: English words between a word for villages and the list's first name ("the villages of", "towns such as").
_ENGLISH_LIST_LEAD_RE = re.compile(r"^\s*(?:of|including|such\s+as|like|namely)\s+(?=\S|$)")


def _list_lead(lead: str) -> bool:
    """Whether the text between a word for villages or towns and a list's first known name leads into
    the list: up to four words saying where, a colon, and unknown names before the known one.

    >>> _list_lead(" البارودة، ونباتة، و"), _list_lead(" ريف جسر الشغور الغربي: "), _list_lead(" were shelled near ")
    (True, True, False)
    >>> _list_lead(" of "), _list_lead(" such as "), _list_lead(" of the "), _list_lead(" “")
    (True, True, False, True)
    """
    lead = _ENGLISH_LIST_LEAD_RE.sub(" ", lead, count=1)  # "the villages of Kafraa, Shihet Hamah..."
    lead = lead.rstrip("".join(_OPENING_QUOTES) + " ")  # "قرى وبلدات “باب الطاقة – الحويجة”": the list quoted
    where, colon, items = lead.partition(":")
    if not colon:
        where, items = "", lead
    if _NOT_IN_A_LIST_RE.search(where) or len(where.split()) > _LIST_LEAD_WORDS:
        return False
    if not items.strip():
        return True
    return _list_gap("," + items) and (bool(colon) or _LIST_SPLIT_RE.search(items) is not None)


#: Kinds of place a list of villages holds, whose stray member :func:`_without_list_strays` drops.
_LIST_STRAY_KINDS = _OUTLIER_KINDS


def _a_list_of_settlements(text: str, start: int) -> bool:
    """Whether the list whose first known name starts at ``start`` follows a word for villages or towns:
    "وهي قرى البارودة، ونباتة، ... وأبو مكي", "Nearby localities include Bureij and Karnaz", "قريتي
    دير فول والسعن" (the two villages of)."""
    for word in reversed(list(_SETTLEMENTS_WORD_RE.finditer(text, max(0, start - _LIST_LEAD_CHARS), start))):
        found = word.group()
        if (found.isascii() or is_parts_word(found) or _two_settlements_of(found)) and _list_lead(
            text[word.end() : start]
        ):
            return True
    return False


#: Words for villages right before a list's first name ("قرى دوما والرامي", "قريتي الرامي ودوما"), as
#: :func:`_bare` writes them: a city that the text calls a village is a namesake village.
_VILLAGES_WORDS = frozenset({"قرى", "وقرى", "بقرى", "قريتي", "وقريتي", "بقريتي", "قريتا", "وقريتا"})


#: Words for towns (and villages) right before a list's first name ("بلدتي الحيدرية وعش الورور").
_TOWNS_WORDS = _VILLAGES_WORDS | frozenset(
    {"بلدات", "وبلدات", "ببلدات", "بلدتي", "وبلدتي", "ببلدتي", "بلدتا", "وبلدتا"}
)


def _villages_word_before(text: str, start: int) -> bool:
    """Whether a word for villages stands right before ``start``, or before the one name listed with
    "و" before it ("قرى دوما", "قريتي الرامي ودوما").

    >>> _villages_word_before("استعادت قرى دوما", 12), _villages_word_before("في قريتي الرامي ودوما", 17)
    (True, True)
    >>> _villages_word_before("مدينة دوما", 6)
    False
    """
    return _settlements_word_before(text, start, _VILLAGES_WORDS)


def _settlements_word_before(text: str, start: int, settlements: frozenset[str]) -> bool:
    """Whether one of the words ``settlements`` stands right before ``start``, or before the one name
    listed with "و" before it (:func:`_villages_word_before`)."""
    before = text[max(0, start - _VILLAGES_LOOK_BEHIND) : start].split()
    if before and before[-1] == "و":
        before = before[:-1]
    if len(before) >= 1 and _bare(before[-1]) in settlements:
        return True
    return len(before) >= 2 and _bare(before[-2]) in settlements and text[start - 1 : start] == "و"


def _far(m: PlaceMention, strong: set[str]) -> bool:
    """Whether a village, town or quarter lies in a governorate that borders none of ``strong``, the
    governorates the text names places of many times (and is not one of them)."""
    gov = m.match.place.governorate.pcode
    return (
        m.match.place.kind in _LIST_STRAY_KINDS
        and gov is not None
        and gov not in strong
        and not (govs.neighbours(gov) & strong)
        and not _bound_by_the_text(m.match)
    )


#: What follows a list's first name: "و" or a comma and the next name, no word for places ("قرى جبلة
#: وقرى طرطوس": the villages of Jableh and of Tartus, a construct).
_NEXT_LIST_ITEM_RE = re.compile(
    r"\s*(?:،\s*و?|و)\s*(?!(?:ال)?(?:قرى|قري|بلدات|بلدة|مدن|مدينة|ريف|أرياف)\b)[\u0621-\u064a]"
)


def _a_village_list_s_city(text: str, m: PlaceMention) -> bool:
    """Whether a city's mention is an item of a list that a word for villages opens: the list goes on
    after it, or it ends one ("قرى دوما والرامي والشبكي", "قريتي الرامي ودوما"), not "قرى جبلة" (the
    villages of Jableh)."""
    if not _villages_word_before(text, m.start):
        return False
    return text[m.start - 1 : m.start] == "و" or _NEXT_LIST_ITEM_RE.match(text, m.end) is not None


#: How far before a name :func:`_villages_word_before` looks, in characters.
_VILLAGES_LOOK_BEHIND = 40


def _settlements_open(text: str, first: PlaceMention) -> bool:
    """Whether a word for villages or towns opens the list whose first mention is ``first``: before it
    ("قرى دوما والرامي") or in its own text ("قرى سهل الغاب، كالشريعة")."""
    return _a_list_of_settlements(text, first.start) or _opens_with_settlements(first.text)


def _opens_with_settlements(mention: str) -> bool:
    """Whether a mention's own text opens with a word for villages or towns, which then opens the list
    it begins: "قرى سهل الغاب، كالشريعة والحويز والحواش" (the Ghab's villages, such as...).

    >>> _opens_with_settlements("قرى سهل الغاب"), _opens_with_settlements("سهل الغاب")
    (True, False)
    """
    first = mention.split(maxsplit=1)[0] if mention.strip() else ""
    return bool(first) and not first.isascii() and (is_parts_word(first) or _two_settlements_of(first))


#: The construct dual's endings (قريتي, قريتا: the two villages of), which replace the noun's ة.
_CONSTRUCT_DUAL_ENDINGS = ("تي", "تا")
#: The kinds whose word's construct dual opens a list of two (:func:`_two_settlements_of`).
_DUAL_LIST_KINDS = frozenset({"village", "town", "city"})


def _two_settlements_of(word: str) -> bool:
    """Whether an Arabic word is the construct dual of a village's, a town's or a city's word ("قريتي
    دير فول والسعن", "وبلدتا"), which opens a list of two.

    >>> [_two_settlements_of(w) for w in ("قريتي", "وبلدتا", "مدينتي", "قرية")]
    [True, True, True, False]
    """
    for stem in (word, word[1:]) if word[:1] in ARABIC_CLITICS else (word,):
        if stem.endswith(_CONSTRUCT_DUAL_ENDINGS) and len(stem) > 3 and word_kind(stem[:-2] + "ة") in _DUAL_LIST_KINDS:
            return True
    return False


def _without_list_strays(text: str, found: list[PlaceMention]) -> list[PlaceMention]:
    """The mentions less a list's strays: a list of villages lies in one governorate ("قرى البارودة،
    ونباتة، ... وأبو مكي، والتريمسة، وأوبين" in northern Latakia), so a village, town or quarter
    in it that is alone in its governorate in the whole text, unbound, beside a fellow of the list in
    a governorate the text names places of :data:`_OUTLIER_SUPPORT` times or more, is a namesake the
    index lacks (Abu Makki of Idlib, Tremseh of Hama). Unlike :func:`_without_far_outliers`, the
    governorates may border each other: the list says where."""
    if len(found) < 2:
        return found
    named = _places_by_governorate(found)
    said = Counter(m.match.place.governorate.pcode or "" for m in found)  # governorate -> its mentions
    strong = {gov for gov, n in said.items() if gov and n >= _OUTLIER_SUPPORT}
    if not strong:
        return found

    def stray(m: PlaceMention) -> bool:
        gov = m.match.place.governorate.pcode or ""
        kind = m.match.place.kind
        return (
            (
                kind in _LIST_STRAY_KINDS
                or (kind == "city" and ("+historic" in m.match.bucket or _a_village_list_s_city(text, m)))
            )
            and gov not in strong
            and named[gov] == {m.match.place.id}
            and not _bound_by_the_text(m.match)
        )

    listed = cache(lambda k: _list_gap(text[found[k].end : found[k + 1].start]))  # mentions k and k + 1
    strays: set[int] = set()
    for k, m in enumerate(found):
        if not stray(m):
            continue  # few are: the list around each is read, not the whole text's
        first = k
        while first > 0 and listed(first - 1):
            first -= 1
        last = k
        while last + 1 < len(found) and listed(last):
            last += 1
        run = found[first : last + 1]
        held = {r.match.place.governorate.pcode for r in run if r.match.place.kind in _LIST_STRAY_KINDS}
        if len(run) > 1 and held & strong and _settlements_open(text, run[0]):
            strays.add(id(m))
        elif m.match.place.kind == "city" and _a_village_list_s_city(text, m):
            strays.add(id(m))  # "قرى دوما والرامي والشبكي" in a text on Suwayda: a village, no city of Rif Dimashq
        elif len(run) == 1 and _settlements_word_before(text, m.start, _TOWNS_WORDS) and _far(m, strong):
            strays.add(id(m))  # "بلدتي الحيدرية وعش الورور" by al-Qusayr: no village of Aleppo, which borders no Homs
    if not strays:
        return found
    # the namesake the index lacks throughout the text: "قرى وبلدات باب الطاقة – ... – العريمة" and later
    # "كفرنبودة والعريمة" are al-Arimah of Hama, no A'rima of Aleppo
    named_so = {(m.text, m.match.place.id) for m in found if id(m) in strays}
    return [m for m in found if id(m) not in strays and (m.text, m.match.place.id) not in named_so]


#: The fewest mentions of a list :func:`_without_respelt_strays` reads.
_RESPELT_LIST_MIN = 3


def _without_respelt_strays(text: str, found: list[PlaceMention]) -> list[PlaceMention]:
    """The mentions less a villages list's respelt strays: in a list a word for villages or towns opens,
    whose members named as the index writes them all lie in one governorate, a member matched only by a
    spelling variant that lies in another is a namesake the index lacks ("the nearby villages of Kafraa,
    Shihet Hamah, Majdal, KafrEmim, Ma'rin" around Hama: Ma'rin is no Mariyan of Idlib). Bound members stay."""
    listed = cache(lambda k: _list_gap(text[found[k].end : found[k + 1].start]))
    dropped: set[int] = set()
    first = 0
    while first < len(found):
        last = first
        while last + 1 < len(found) and listed(last):
            last += 1
        run = found[first : last + 1]
        first = last + 1
        if len(run) < _RESPELT_LIST_MIN:
            continue
        exact = {m.match.place.governorate.pcode for m in run if m.match.tier == "exact"}
        if len(exact) != 1 or None in exact:
            continue
        if not _settlements_open(text, run[0]):
            continue
        for m in run:
            if (
                m.match.tier != "exact"
                and m.match.place.kind in _LIST_STRAY_KINDS
                and m.match.place.governorate.pcode not in exact
                and not _bound_by_the_text(m.match)
            ):
                dropped.add(id(m))
    return [m for m in found if id(m) not in dropped] if dropped else found


def _sentence_names_elsewhere(text: str, found: list[PlaceMention], m: PlaceMention) -> bool:
    """Whether the sentence of mention ``m`` names a place of another governorate than ``m``'s."""
    begin = max((e.end() for e in _SENTENCE_END_RE.finditer(text, max(0, m.start - _LINE_CHARS), m.start)), default=0)
    found_end = _SENTENCE_END_RE.search(text, m.end, m.end + _LINE_CHARS)
    end = found_end.start() if found_end else m.end + _LINE_CHARS
    gov = m.match.place.governorate.pcode
    return any(
        o is not m and begin <= o.start < end and o.match.place.governorate.pcode not in (gov, None) for o in found
    )


def _list_fellows(
    ask: Callable[..., list[Match]], text: str, found: list[PlaceMention], spans: Sequence[Span], threshold: float
) -> list[PlaceMention]:
    """The mentions, with the Latin names listed next to a settlement that no indexed spelling
    spotted: "two towns – Akhtarin and Turkmanbareh", "in Khan Sheikh, Qatana, Kanaker". A list of
    settlements lies in one governorate, so such a name is asked in its neighbour's governorate and
    taken when it is a settlement there, unambiguous, confident and matched by a spelling of its name
    (:data:`_LISTED_TIERS`); the name nearest the place is tried first. English spellings of villages vary
    past what the spot keys absorb; a list beside a place is where an unknown capitalised word is
    most likely a place too. Only Latin names: Arabic has no capitals to tell a name from a word.
    """
    settled = [
        (m, gov) for m in found if m.match.place.kind in _LISTED_KINDS and (gov := m.match.place.governorate.pcode)
    ]
    if not settled:
        return found
    starts: list[int] = []  # of the spotted spans and the names taken, in text order (spot's order)
    ends: list[int] = []
    added: list[PlaceMention] = []

    def free(start: int, end: int) -> bool:
        if not starts:
            starts.extend(s.start for s in spans)
            ends.extend(s.end for s in spans)
        k = bisect_right(starts, end) - 1  # the last span starting before the name ends
        return k < 0 or ends[k] <= start

    def take(new: PlaceMention) -> None:
        added.append(new)
        k = bisect_right(starts, new.start)
        starts.insert(k, new.start)
        ends.insert(k, new.end)

    def fellow(start: int, end: int, beside: PlaceMention, gov: str) -> PlaceMention | None:
        name = text[start:end]
        if len(name) < _MIN_LISTED_NAME or not free(start, end) or is_foreign(name):
            return None
        asked = ask(name, gov)  # the note is added below: a name listed again is asked once
        best = asked[0] if asked else None
        if best is None or best.ambiguous or best.confidence < threshold or best.tier not in _LISTED_TIERS:
            return None  # a consonant skeleton makes a place of any word: "In Aleppo, Armenian families"
        if best.place.kind not in _LISTED_KINDS or best.place.governorate.pcode != gov:
            return None
        note = f"listed with {beside.text} in {govs.by_pcode(gov).name}"
        return PlaceMention(start, end, name, replace(best, signals=(*best.signals, note)))

    def listed_name(beside: PlaceMention, forward: bool) -> tuple[int, int] | None:
        """Where the capitalised name listed right after (or before) ``beside`` is, if any."""
        if forward:
            after = _LIST_AFTER_RE.match(text, beside.end)
            name = _LATIN_NAME_RE.match(text, after.end()) if after else None
            return name.span() if name else None
        if not _listed_before(text, beside.start):
            return None
        before = _LIST_BEFORE_RE.search(text, max(0, beside.start - _LIST_LOOK_BACK), beside.start)
        return before.span("name") if before else None

    for m, gov in settled:
        for forward in (True, False):
            beside = m
            while found_at := listed_name(beside, forward):
                # the name nearest the place first, growing word by word: "Yesterday Turkmanbareh and Akhtarin"
                start, end = found_at
                pieces = [w.span() for w in _SPACE_WORD_RE.finditer(text, start, end)]
                tries = [(start, e) for _, e in pieces] if forward else [(b, end) for b, _ in reversed(pieces)]
                new = next((f for b, e in tries if (f := fellow(b, e, beside, gov)) is not None), None)
                if new is None:
                    break
                take(new)
                beside = new
    return sorted([*found, *added], key=itemgetter(0)) if added else found  # by start


def _listed_before(text: str, start: int) -> bool:
    """Whether a list separator (a comma, "and", "or") ends right before ``start``: the cheap test
    that spares most mentions :data:`_LIST_BEFORE_RE`'s search."""
    tail = text[max(0, start - 6) : start].rstrip()
    return tail.endswith((",", " and", " or"))


#: Rif Dimashq described in English words: the mention is the name of Damascus in it, as "Aleppo" is
#: of "Aleppo countryside" ("rural Damascus", "the Countryside of Damascus"); "Rif Dimashq" is a name.
_ENGLISH_COUNTRYSIDE_RE = re.compile(
    r"(?:(?:rural|countryside of(?: the)?) )?(?P<name>[^\W\d_][^\d]*?)(?: countryside)?", re.IGNORECASE
)


def _extent(text: str, item: _Item, match: Match) -> tuple[int, int]:
    """Where the mention of the answer is: for a facility, a camp, a site or a natural feature that
    the descriptive word asked for, the word is part of its name ("سد الرستن", "Rastan Dam", "Al-Hawl
    refugee camp", as :func:`gazetteer.spot.spot_key` spots such names), and so are the adjectives
    that close a facility's name ("معبر باب الهوى الحدودي"); a settlement's or a unit's stays outside."""
    kind = match.place.kind
    if item.part_end:
        return item.span.start, item.part_end  # "القلمون الشرقي", the eastern Qalamoun, is named so
    facility = kind not in SPOTTED_CORE_KINDS or kind == "camp"  # "Al-Hawl refugee camp", "مخيم اليرموك"
    # the word asked for this kind of place; a quarter's word is no camp's ("حي الرمل الجنوبي": al-Raml)
    hint = item.hint or ""
    own_word = bool(hint) and kind in accepts(hint) and not (hint == "neighbourhood" and kind == "camp")
    if own_word and (
        _OPENING_QUOTE_RE.search(text, item.named_at, item.span.start)
        or _CLOSING_QUOTE_RE.search(text, item.span.end, max(item.around[1], item.closed_at))
    ):
        return item.span.start, item.span.end  # "معبر «سيمالكا» الحدودي", 'the "Tishrin" dam': the quotes say the name
    if kind in FACILITY_KINDS and item.closed_at > item.around[1]:
        start = _past_clitic(text, item.named_at) if own_word else item.span.start
        return start, item.closed_at  # "معبر باب الهوى الحدودي": the adjectives end the facility's name
    if facility and own_word and not _kind_word_outside_its_names(match, item.text):
        last = text[item.span.start : item.span.end].rsplit(None, 1)[-1] if item.span.first != item.span.last else ""
        if last and word_kind(last) in accepts(hint):
            return item.span.start, item.span.end  # "the Tishrin Dam reservoir": the name has its kind word already
        start = _past_clitic(text, item.named_at)
        if text.startswith("منطقة ", start) and start + 6 <= item.span.start:
            start += 6  # "منطقة سهل الغاب": the plain is "سهل الغاب", the area word stays out
        return start, item.around[1]  # "the eastern Qalamoun Mountains": no compass word
    castle = kind == "archaeological_site" and _CASTLE_BEFORE_RE.search(
        text, max(0, item.span.start - 9), item.span.start
    )
    if castle:
        return castle.start(1), item.span.end  # "قلعة أبو قبيس": the castle's word is part of its name
    centre = _CENTRE_BEFORE_RE.search(text, max(0, item.span.start - 8), item.span.start)
    if centre and (kind in _CENTRE_UNIT_KINDS or item.hint in _CENTRE_UNIT_KINDS):
        # "منطقة مركز الرقة": the unit's name is "مركز الرقة"; "ناحية مركز حماة" too, though the index knows
        # the subdistrict only as a name of the city it is centred on
        return centre.start(), item.span.end
    if kind == "governorate":
        described = _ENGLISH_COUNTRYSIDE_RE.fullmatch(item.text)  # "rural Damascus" is Rif Dimashq described
        if described and described.group("name") != item.text:  # not "الرقة" asked for "للرقة" (one letter more)
            return item.span.start + described.start("name"), item.span.start + described.end("name")
    return item.span.start, item.span.end


#: An opening quote between a kind word and the name, a closing one between the name and a kind word
#: (:func:`_extent`).
_OPENING_QUOTE_RE = re.compile('[«“"]')
_CLOSING_QUOTE_RE = re.compile('[»”"]')
#: قلعة (castle) right before a name, after its clitics: a castle's Arabic name holds it ("قلعة أبو قبيس").
_CASTLE_BEFORE_RE = re.compile(r"(?<![^\W\d_])[وفبلك]{0,2}(قلعة) $")
#: "Centre" right before a unit's name: part of the name ("مركز الرقة", the district and the subdistrict
#: the index also calls so; "Markaz Rif Dimashq"), not after a clitic ("بمركز حمص", in central Homs).
_CENTRE_BEFORE_RE = re.compile(r"(?<![^\W\d_])(?:مركز|[Mm]arkaz) $")
_CENTRE_UNIT_KINDS = frozenset({"district", "subdistrict"})


def _past_clitic(text: str, start: int) -> int:
    """Where a facility's name begins when its Arabic kind word carries a clitic: "ومطار منغ" (and
    the Menagh airbase) is named from "مطار".

    >>> _past_clitic("ومطار منغ", 0), _past_clitic("مطار منغ", 0), _past_clitic("the Menagh airbase", 4)
    (1, 0, 4)
    """
    if text[start : start + 1] in ARABIC_CLITICS and is_arabic(text[start : start + 1]):
        word = text[start : start + _LONGEST_KIND_WORD].split(" ", 1)[0]
        if not is_descriptor(word, first=False) and is_descriptor(word[1:], first=False):
            return start + 1
    return start


#: Enough characters to hold any Arabic kind word with its clitic (:func:`_past_clitic`).
_LONGEST_KIND_WORD = 16


def _closed_at(text: str, words: Words, end: int, taken: set[int]) -> int:
    """Where the Arabic adjectives that may end a facility's name (:func:`~gazetteer.mention.ends_a_name`),
    right after ``end``, end ("الجوية العسكرية" of "قاعدة كويرس الجوية العسكرية"); ``end`` when
    there are none."""
    if not text.startswith((" ال", " لل"), end):  # every such adjective has the article (or ل before it)
        return end
    j = bisect_left(words.start, end)
    while (
        j < len(words.start)
        and j not in taken
        and _word_gap(text[end : words.start[j]])
        and ends_a_name(text[words.start[j] : words.end[j]])
    ):
        end = words.end[j]
        j += 1
    return end


def _kind_word_outside_its_names(match: Match, written: str) -> bool:
    """Whether the answer is an ancient site none of whose names says what it is, or a region none of
    whose names in the script of ``written`` does: "the ruins of Palmyra" are the site Palmyra; "the
    Citadel of Shaizar" is that site's name; "سهل الحولة" is the plain of the region الحولة, while
    "سهل الغاب" is the Ghab's name, and "the Barada valley" Wadi Barada's."""
    kind = match.place.kind
    if kind == "archaeological_site":
        return not any(_says_its_kind(n.text) for n in match.place.names)
    if kind != "region":
        return False
    arabic = is_arabic(written)
    return not any(
        _says_its_kind(n.text) or n.text.lower().startswith(_VALLEY_WORDS)
        for n in match.place.names
        if is_arabic(n.text) == arabic
    )


#: Words that open a valley's name and say what it is ("Wadi Barada": the "Barada valley" is its name).
_VALLEY_WORDS = ("wadi ", "وادي ")


def _candidates(
    g: Gazetteer, near: tuple[float, float] | None, mention: str, gov: str | None, why: str = ""
) -> list[Match]:
    """The candidates of a mention within ``gov`` (a note says ``why`` the text chose it). A place the
    text binds to a governorate is looked for there alone ("حي الحاضر بمدينة حماة" is no town of
    Aleppo), but for Damascus, whose name news give its countryside ("Daraya, Damascus")."""
    try:
        strict = why == _BOUND_NOTE and gov != govs.CITY_GOVERNORATE
        found = g.candidates(mention, province=gov, near=near, limit=5, strict_province=strict)
    except InvalidQueryError:
        return []
    if why and found and gov:
        note = f"{why} {govs.by_pcode(gov).name}"
        found = [replace(found[0], signals=(*found[0].signals, note)), *found[1:]]
    return found


def _undecided(match: Match, threshold: float) -> bool:
    """Whether the document may decide: the answer has rivals about as good (a name that repeats
    across governorates), not merely a poor match ("Army" is no spelling of Aleppo in any province)."""
    if match.ambiguous:
        return True
    margin = match.bucket.split("|")[1] if match.bucket.count("|") >= 2 else ""
    return match.confidence < threshold and margin in ("ambiguous", "near")


def _historic(match: Match) -> bool:
    """Whether the name matched is one of the place's historic names only."""
    flags = [n.flags for n in match.place.names if n.text == match.matched_name]
    return bool(flags) and all("historic" in f for f in flags)


def _nisba_of(written: str, name: str) -> bool:
    """Whether a Latin span is the adjective of a place's own name, a family name in running text:
    "Homsi", "al-Homsi" of Homs (GeoNames stores "homsi" among the city's names).

    >>> _nisba_of("al-Homsi", "Homs"), _nisba_of("Homsy", "Homs"), _nisba_of("Homs", "Homs")
    (True, True, False)
    """
    word = _ARTICLE_PREFIX_RE.sub("", written).lower()
    return len(word) > 3 and word[-1] in "iy" and word[:-1] == name.lower()


#: An article written before a Latin name ("al-Homsi", "el Homsi").
_ARTICLE_PREFIX_RE = re.compile(r"^(?:al|el)[-\s]", re.IGNORECASE)


def _name_facts(item: _Item, match: Match, named: dict[tuple[str, str, str], tuple[bool, bool]]) -> tuple[bool, bool]:
    """(the name matched is only a colloquial one of the place, the span is a name of the place written
    without the article another of its names has), worked out once per place, name and span of a text
    (``named``): a city has a hundred names and is named a thousand times in a long text.

    A colloquial name ("الشام" for Damascus) is what running text mostly uses for something else (the
    Levant; "هيئة تحرير الشام"). A name without its article that is a common word ("ثورة" of
    "الثورة", "طبقة" of "الطبقة") is prose, whatever the kind of place."""
    key = (match.place.id, match.matched_name, item.text)
    facts = named.get(key)
    if facts is None:
        flags = [n.flags for n in match.place.names if n.text == match.matched_name]
        colloquial = bool(flags) and all("colloquial" in f for f in flags)
        nicknames = [n.text for n in match.place.names if "colloquial" in n.flags]
        if nicknames and not colloquial and "official" not in {f for fs in flags for f in fs}:
            # spelt as a colloquial name is one: "Sham" of "Sham Legion" matched GeoNames' "Cham", spelt as "al-Cham"
            spelling = variant_key(match.matched_name)
            colloquial = any(variant_key(n) == spelling for n in nicknames)
        word = fold_arabic(item.text) if is_arabic(item.text) else ""
        with_article = "ال" + word
        bare = bool(word) and not word.startswith("ال")
        bare = bare and any(fold_arabic(n.text) == with_article for n in match.place.names if is_arabic(n.text))
        facts = named[key] = (colloquial, bare)
    return facts


def _common_word(item: _Item) -> bool:
    """Whether a one-word Arabic span is a common word ("الزراعة"), as written after its clitic."""
    return item.span.first == item.span.last and is_common_arabic(item.text)


def _common_word_town(item: _Item, match: Match) -> bool:
    """Whether the answer is a small town (no population known) named by the one common Arabic word
    the span is, with no descriptive word: "خطاب" (a speech; Khitab, Hama), "صور" (pictures;
    as-Suwar), "حضر" (attended; Hader). Such a town is read only in a text that places other
    mentions in its governorate (:func:`_supported`); a town of known population keeps its name as
    written ("الباب", al-Bab; "الطبقة", al-Tabqa)."""
    return item.hint is None and match.place.kind == "town" and not match.place.population and _common_word(item)


def _city_without_its_article(item: _Item, match: Match) -> bool:
    """Whether the answer is a city named with the article, named by one Arabic word without it (and
    no name of the city is written so): Arabic writes the city "القنيطرة", "الرقة" every time, so
    "قنيطرة" more likely names a village the index lacks. Such a city is read only in a text that
    places other mentions in its governorate (:func:`_supported`).

    >>> from gazetteer import load
    >>> g = load()
    >>> [(m.text, m.match.place.kind) for m in g.geoparse("قرى ريف الدرباسية: ملك وقنيطرة وخانكي")]
    [('الدرباسية', 'subdistrict')]
    """
    if match.place.kind != "city" or not is_arabic(item.text) or " " in item.text or item.text.startswith("ال"):
        return False
    names = {_bare(n.text) for n in match.place.names if is_arabic(n.text)}
    word = _bare(item.text)
    return "ال" + word in names and word not in names


def _bare_quarter(item: _Item, match: Match) -> bool:
    """Whether the answer is a quarter named with no word that says so (or a village's or a town's
    word, which a quarter is not: "قرية الصالحية") and no binding: quarters bear the names of
    places across the country ("الصالحية", "ميسلون", "سوق الهال"), so in a text whose
    other mentions (or the caller's province) lie elsewhere, such a quarter is read only when one of
    them lies in its governorate (:func:`_supported`). Alone, "Sheikh Maqsoud was shelled" keeps it."""
    return item.hint in (None, "village", "town") and not item.binding and match.place.kind == "neighbourhood"


def _quarter_of_a_far_city(item: _Item, match: Match, gov: str | None, voters: dict[str, dict[str, None]]) -> bool:
    """Whether a quarter named with a quarter's word ("حي", "أحياء", "neighbourhood") and no binding
    lies in a governorate that neither the caller's province nor any other mention of the text
    places, while they place others, none of them bordering it: cities share their quarters' names
    ("الحميدية" of Deir ez-Zor is not the Hamidiyeh of Aleppo, the only one the index holds; the
    caller also asks :func:`_a_shared_name`). A neighbouring governorate's quarter stays ("حي جوبر"
    in a text on the Eastern Ghouta is Damascus's)."""
    if item.hint != "neighbourhood" or item.binding or match.place.kind != "neighbourhood":
        return False
    if _supported(match, gov, voters, item.text):
        return False
    place_gov = match.place.governorate.pcode or ""
    others = {g for g, names in voters.items() if g != place_gov and set(names) - {item.text}}
    if gov is not None:
        others.add(gov)
    near = govs.neighbours(place_gov) if place_gov else frozenset()
    return bool(others) and not others & near


def _a_shared_name(g: Gazetteer, text: str, match: Match) -> bool:
    """Whether another place of the index bears the name exactly, as "الحميدية" names towns of
    Tartus, Quneitra and Hama besides Aleppo's quarter: a name many places share ("باب قبلي", Hama's
    gate quarter, is its alone)."""
    return any(
        m.tier == "exact" and m.place.id != match.place.id for m in g.candidates(text, limit=5, min_confidence=0)
    )


def _camp_by_a_bare_alias(item: _Item, match: Match) -> bool:
    """Whether the answer is a camp named by one of its other names alone, no camp's word before it:
    "العائدين" (the returnees) is also "مخيم العائدين" of Homs, "اليرموك" the Yarmouk valley as often as
    the camp. Such a camp is read only where the text places others in its governorate or one that
    borders it (:func:`_placed_far`)."""
    return (
        match.place.kind == "camp"
        and item.hint is None
        and item.span.first == item.span.last
        and "+alias" in match.bucket
    )


def _facility_by_its_bare_core(item: _Item, match: Match) -> bool:
    """Whether the answer is a facility named by the core of its name alone, no kind word about it:
    "باب الهوى" is the Bab al-Hawa crossing in news of Idlib, and a place of the Golan in an article
    on a village of Quneitra ("شمالا: باب الهوى"). Such a facility is read only where the text places
    others in its governorate or one that borders it (:func:`_placed_beyond_its_neighbours`; a farm
    of that name in Latakia, which borders Idlib, is still read as the crossing)."""
    return match.place.kind in FACILITY_CORE_KINDS and item.hint is None and "+alias" in match.bucket


def _placed_beyond_its_neighbours(match: Match, gov: str | None, voters: dict[str, dict[str, None]], text: str) -> bool:
    """:func:`_placed_elsewhere`, and neither the caller's province nor another mention of the text
    lies in a governorate that borders the answer's."""
    if not _placed_elsewhere(match, gov, voters, text):
        return False
    near = govs.neighbours(match.place.governorate.pcode or "")
    return gov not in near and not any(_named_by_another(voters, g, text) for g in near)


def _arabic_historic_name(item: _Item, match: Match) -> bool:
    """Whether an Arabic span matched only an ancient name of its place ("جبالا", Gabala, for Jableh):
    Arabic text names its towns by their names, and a village elsewhere may bear the ancient one
    (Jabala of Jabal al-Zawiya). Such a place is read only where the text places others in its
    governorate (:func:`_placed_elsewhere`); English history writes "Hamath" for Hama and keeps it."""
    return "+historic" in match.bucket and is_arabic(item.text)


def _placed_far(match: Match, gov: str | None, voters: dict[str, dict[str, None]], text: str) -> bool:
    """:func:`_placed_elsewhere`, Damascus and the countryside around it (Rif Dimashq, which encloses
    it) counting as one: the Yarmouk camp of Damascus beside Sbeineh and Khan Eshieh of Rif Dimashq."""
    if not _placed_elsewhere(match, gov, voters, text):
        return False
    place_gov = match.place.governorate.pcode or ""
    if place_gov not in _CAPITAL_AND_COUNTRYSIDE:
        return True
    (twin,) = _CAPITAL_AND_COUNTRYSIDE - {place_gov}
    return twin != gov and not _named_by_another(voters, twin, text)


#: Damascus's governorate and the one that encloses it, Rif Dimashq (:func:`_placed_far`).
_CAPITAL_AND_COUNTRYSIDE = frozenset({govs.CITY_GOVERNORATE, "SY03"})


def _placed_elsewhere(match: Match, gov: str | None, voters: dict[str, dict[str, None]], text: str) -> bool:
    """Whether the caller's province or the text's other mentions lie in other governorates than the
    answer's, and none in its own."""
    if _supported(match, gov, voters, text):
        return False
    place_gov = match.place.governorate.pcode or ""
    return gov is not None or any(g != place_gov and names for g, names in voters.items())


def _supported(match: Match, gov: str | None, voters: dict[str, dict[str, None]], text: str) -> bool:
    """Whether the caller's province or another mention of the text (not ``text`` again) places the
    answer's governorate."""
    place_gov = match.place.governorate.pcode or ""
    return place_gov == gov or _named_by_another(voters, place_gov, text)


def _named_by_another(voters: dict[str, dict[str, None]], place_gov: str, text: str) -> bool:
    """Whether a mention of the text other than ``text`` voted for the governorate ``place_gov``."""
    return any(t != text for t in voters.get(place_gov, ()))


def _a_word_not_a_name(item: _Item, match: Match, hint: str | None) -> bool:
    """Whether a span that is a common English word is the word: a respelling ("Area" of Aere), a
    translation the place is also known by ("Revolution" of al-Thawrah), or a capital the sentence
    gives it ("Sheer numbers..."); "in Sheer" names the village Sheer as the index writes it. A kind
    word does not make a respelling a name ("an Army base" is no airport of Aleppo, once called Armi),
    but it makes a sentence's first word one ("Sheer village lies...")."""
    return match.tier != "exact" or match.matched_name != match.place.name or (item.opens and hint is None)


def _fits(item: _Item, match: Match, named: dict[tuple[str, str, str], tuple[bool, bool]]) -> bool:
    """Whether the answer is the kind of place the text speaks of: a facility asked for is not the
    town it is named after ("Sasa Prison" is not Sa'sa'), a facility named by one word needs the
    word that says what it is, an ancient name counts only as written, and a nickname, a common word
    or a name that the text goes on with (:func:`_compass_named`, :func:`_mountain_named`) is no place of that name."""
    if match.tier != "exact" and _historic(match):
        return False  # in running text a respelt ancient name is a word: "Army" is not Armi (Aleppo at Ebla)
    one_word = item.span.first == item.span.last
    if item.text.isascii() and _nisba_of(item.text, match.place.name):
        return False  # "the Homsi brothers", "Jasim al-Homsi": a family name from the place's, not the place
    hint = item.hint
    nickname = "+alias" in match.bucket or "+colloquial" in match.bucket
    if (
        one_word
        and hint != match.place.kind
        and not (hint == "district" and match.place.kind == "governorate" and not item.nisba_after)
        and nickname
        and _name_facts(item, match, named)[0]
    ):
        # a one-word nickname, unless a word asks for its kind: "الشام" is the Levant as often as Damascus;
        # an area's word asks for the region that a governorate's nickname names ("منطقة الجزيرة", "منطقة حوران"),
        # unless an adjective goes on with another region's name ("منطقة الجزيرة الفراتية", Upper Mesopotamia)
        return False
    if one_word and match.tier != "exact" and item.text.isascii() and item.text.lower() in _RANKS:
        return False  # "(Emir of Qalamoun)": a title, no respelt Emar
    if one_word and match.tier != "exact" and _article_glued_to_a_short_name(item.text, match.matched_name):
        return False  # "Essam" (a given name) is "es" + "Sam", Damascus in Turkish, only as a spelling variant
    if one_word and match.tier != "exact" and "+colloquial" in match.bucket:
        return False  # a nickname counts only as written: "the Hurrian city" is no respelt "Hauran"
    if one_word and match.tier == "skeleton" and hint is None and item.text.isascii():
        return False  # "Hassan said" shares only its consonants with al-Hisn: a word alone needs its vowels too
    kind = match.place.kind
    if item.surname and (
        (kind in _SMALL_PLACE_KINDS and (item.titled or _given_name(match.place)))
        or (match.tier != "exact" and kind not in _NAMED_LIKE_WORDS_KINDS)
    ):
        # "Rami Abdulrahman" (of the Observatory) is not the village Rami, "Jassem Mohammed" no Jasim; "Sabah
        # Fakhri" (the singer) no respelt Sibbeh, "Samira Halabi" no respelt Simyra
        return False
    if item.given_before and (match.tier != "exact" or kind in _SMALL_PLACE_KINDS or not item.text.isascii()):
        return False  # "Ahmad Homsi", "Mohammad Kassab" are persons; "Sochi Idlib memorandum" names the city
    if item.longer_name and (kind in POPULATED_KINDS or (item.mountain and kind == "neighbourhood")):
        return False  # "Eastern Ghariyah" is no village al-Ghariyah, "جبل أريحا" no town Ariha, "جبل المزة" no quarter
    if item.adjective and hint is None and (kind not in _NAMED_LIKE_WORDS_KINDS or _NISBA_END_RE.search(item.text)):
        # "القرى الهامة" are the important villages, not the town al-Hamah; a city keeps its name ("دخلت
        # القوات الباب") unless it has an adjective's ending: "الحلول السلمية" are peaceful, no al-Salamiyah
        return False
    if (
        hint is None
        and not item.glossed
        and _common_word(item)
        and (
            kind in _COMMON_WORD_KINDS
            or match.tier != "exact"
            or "+alias" in match.bucket
            or _name_facts(item, match, named)[1]
        )
    ):
        # "بالزراعة" is "in agriculture", not the village Zira'a; "ثورة" is no al-Thawrah; "محرم" (the month),
        # another name of al-Mukharram, is the month: a common word is a place by its own name alone
        return False
    if hint is None and one_word and _bare(item.text) in _ARABIC_PEOPLES:
        return False  # "هاجر السريان" (the Syriacs migrated) is no Sarrin, whose Syrian Archive row misspells it so
    if hint is None and one_word and _article_added(item, match):
        return False  # "الحمص" (the chickpeas) is no Homs, "زبدة الحلب" no Aleppo
    if (hint is None or item.construct) and one_word and _article_dropped(item, match):
        # "قبة كنيسة السيدة" (the church's dome) is no town al-Qubbah, "عامرة زاهرة" no al-Zahira; "قرية برج
        # حيدر" (Burj Haydar), the bare noun in construct with a name, is no village al-Burj
        return False
    if item.acronym and match.tier != "exact":
        return False  # an acronym: "SANA" (the news agency) is no spelling of as-Saan
    if one_word and is_common_english(item.text) and _a_word_not_a_name(item, match, hint):
        return False  # "Area of al-Balad district" is no Aere (as-Sanamayn); "in Sheer" named as written stays
    if hint is not None and hint not in _SETTLEMENT_HINTS and kind not in accepts(hint) and not _named_so(item, match):
        return False  # "Sasa Prison" is not the town Sa'sa', "Hauran plain" not the governorate
    if hint == "landmark" and kind == "landmark" and not _named_as_asked(item.mention, match.place):
        return False  # "مشفى الحصن" (al-Hosn's hospital) is not the castle the index calls الحصن
    if hint == "camp" and kind != "camp" and _ONE_CAMP_RE.search(item.mention):
        return False  # "مخيم حاس", "the Ayn Issa refugee camp": a camp the index lacks, not its town
    if hint == "feature" and kind != "feature" and parse_mention(item.mention).descriptors[-1:] == _RIVER_WORDS:
        return False  # "the Barada River" is no Wadi Barada, a valley: a river is a feature ("Lake Assad" a region)
    if kind in _NEEDS_DESCRIPTOR and hint is None and one_word:
        return _a_facility_s_own_name(item, match)
    return True


def _named_so(item: _Item, match: Match) -> bool:
    """Whether the place has the mention, kind word and all, for a name, and no other candidate is of
    the kind the word asks for: "Lake Qattinah" is a name of the dam that makes Lake Homs, which no
    lake asked for then rules out; "Mount Simeon" names a district and a mountain, and asks for the
    mountain.

    >>> from gazetteer import load
    >>> dam = load().resolve("Lake Qattinah")
    >>> lake = _Item(Span(5, 13, 1, 1, ()), "Qattinah", "Lake Qattinah", "feature", (0, 13))
    >>> river = _Item(Span(5, 13, 1, 1, ()), "Qattinah", "River Qattinah", "feature", (0, 14))
    >>> dam is not None and (_named_so(lake, dam), _named_so(river, dam))
    (True, False)
    """
    key = exact_key(item.mention)
    if not any(exact_key(n.text) == key for n in match.place.names):
        return False
    wanted = accepts(item.hint) if item.hint else ()
    return not any(m.place.kind in wanted for m in item.found)


def _named_as_asked(mention: str, place: Place) -> bool:
    """Whether a landmark has a name with one of the descriptive words the mention asks for it by: a
    hospital, a mosque or a school named after a place is no other landmark of that name.

    >>> from gazetteer import load
    >>> castle, mosque = load().place("sa:506"), load().place("cur:umayyad-mosque-damascus")
    >>> _named_as_asked("مشفى الحصن", castle), _named_as_asked("the Umayyad Mosque", mosque)
    (False, True)
    """
    asked = {fold(w) for w in parse_mention(mention).descriptors}
    return any(not asked.isdisjoint(fold(n.text).split()) for n in place.names)


def _a_facility_s_own_name(item: _Item, match: Match) -> bool:
    """Whether a facility named by one word with no word that says what it is, is still the facility:
    its own one-word name (:func:`_official_name`), met exactly, that no other place answers and no
    common word spells: "Al-Tanf", "التنف" (the garrison). "Tishreen" (the core of Tishreen
    University, also a quarter), "Rabia" (a road, and a town's name), "هنانو" (a barracks named
    after a man) and "الزراعة" stay nothing."""
    if match.tier != "exact" or match.bucket.split("|")[1:2] != ["clear"] or "+" in match.bucket:
        return False
    if len(item.found) > 1 or is_common_english(item.text) or is_common_arabic(item.text):
        return False
    return _official_name(match)


def _official_name(match: Match) -> bool:
    """Whether the name a match met is the place's own one-word name: its main name with no word that
    says what it is ("Al-Tanf"), or a name its source calls its own (flag ``official``) beside such a
    main name ("التنف"). "Tishreen" of "Tishreen Stadium" is not."""
    main = match.place.name
    if match.matched_name == main:
        return True
    return " " not in main.strip() and any(
        n.text == match.matched_name and "official" in n.flags for n in match.place.names
    )


def _construct_after(text: str, words: Words, span: Span, taken: set[int]) -> bool:
    """Whether the Arabic word right after a one-word span, a space between, may be the second term of
    a construct with it: a word no span took, with no article, no particle, no descriptive or direction
    word and no common word with an adjective's ending ("برج حيدر", Burj Haydar; not "بلدة زاهرة بريف
    حمص", "قبة في", "قبة كبيرة").

    >>> text = "قرية برج حيدر وبلدة زاهرة بريف حمص"
    >>> words = Words(text)
    >>> [_construct_after(text, words, Span(words.start[i], words.end[i], i, i, ()), set()) for i in (1, 4)]
    [True, False]
    """
    j = span.last + 1
    if j >= len(words.start) or j in taken or text[span.end : words.start[j]] != " ":
        return False
    word = text[words.start[j] : words.end[j]]
    if not is_arabic(word) or word.startswith("ال") or _bare(word) in _PARTICLES:
        return False
    adjective_like = word.endswith(("ة", "ه", "ي")) and is_common_arabic(word)  # "قبة كبيرة", a big dome
    return not (is_descriptor(word) or is_direction_adjective(word) or adjective_like)


def _article_dropped(item: _Item, match: Match) -> bool:
    """Whether an Arabic span without the article met a small place's name only with it: the variant
    "قبة" of "القبة", "زاهرة" of "الزاهرة". Arabic writes such a name with its article; bare, the
    word is a noun or an adjective ("قبة الصخرة", the Dome of the Rock). Towns of known population keep
    their bare names ("سلمية", "زبداني"), and so does a name the index writes bare."""
    if match.tier == "exact" or match.place.kind not in _SMALL_PLACE_KINDS or match.place.population:
        return False  # the cheap tests first: _fits asks this of every answer
    if not is_arabic(item.text) or fold_arabic(item.text).startswith("ال"):
        return False
    return fold_arabic(match.matched_name).startswith("ال")


def _article_added(item: _Item, match: Match) -> bool:
    """Whether an Arabic span with the article met a city's name only without it: "الحمص" (the
    chickpeas) of "حمص", "زبدة الحلب" (the cream of the milking) of "حلب". A city's name is written
    as it is; towns and villages are written both ways ("الرميلان", "المنصورة") and keep the reading."""
    if match.tier == "exact" or match.place.kind != "city" or not is_arabic(item.text):
        return False  # the cheap tests first: _fits asks this of every answer
    return fold_arabic(item.text).startswith("ال") and not fold_arabic(match.matched_name).startswith("ال")


def _read_lists(
    ask: Callable[[str, str | None], list[Match]], text: str, items: Sequence[_Item], gov: str | None
) -> None:
    """Governorate names listed together are governorates when the list says so ("the provinces of
    Daraa and Suwayda", "Idlib and Hama provinces") or when the list has at least
    :data:`_GOVERNORATE_LIST` of them and nothing else; the names of a list that a plural unit word
    opens or closes are such units ("Hajin and As-Souseh subdistricts")."""
    groups: list[list[_Item]] = []
    firsts: list[int] = []  # where each group starts in ``items``
    for k, item in enumerate(items):
        gap = text[items[k - 1].span.end : item.span.start] if k else ""
        listed = _LIST_RE.match(gap) or _COUNTRYSIDE_NEXT_RE.match(gap) or _NEIGHBOUR_NEXT_RE.match(gap)
        if k and (listed or _TALLY_GAP_RE.match(gap)):
            groups[-1].append(item)
        else:
            groups.append([item])
            firsts.append(k)
    for group, first in zip(groups, firsts):
        if len(group) < 2:
            continue
        if len({exact_key(item.text) for item in group}) < len(group):
            continue  # "Raqqa, Raqqa Governorate": a place and its governorate, no list names one twice
        if first and _in_a_quarter_of(text, items[first - 1], group[0]):
            group = group[1:]  # "حي الشعار في حلب وريف إدلب": Aleppo holds the quarter, it is the city
            if len(group) < 2 and not _governorates_said(group):
                continue
        edges = (fold(group[-1].mention.split()[-1]), fold(group[0].mention.split()[0]))
        if word := next((_UNITS_OF_A_LIST[e] for e in edges if e in _UNITS_OF_A_LIST), None):
            for item in group:
                if item.hint is None:
                    _read_as_unit(item, word, ask, gov)
            continue
        said_in_words = (
            any(_PROVINCES_RE.match(w) for item in group for w in item.mention.split())
            or _PROVINCES_BEFORE_RE.search(
                text, max(0, group[0].span.start - _PROVINCES_LOOK_BEHIND), group[0].span.start
            )
            is not None
        )
        said = said_in_words or _governorates_said(group)
        # a governorate's own names: "Hawran, Houran and Horan" are spellings of a region, not governorates
        own = [_a_governorate_s_own_name(item.text) for item in group]
        if not said and (len(group) < _GOVERNORATE_LIST or not all(own) or any(i.mention != i.text for i in group)):
            continue
        if not said_in_words and _compared_cities(text, group[0].span.start):
            continue  # "المدن المحاضرة كحمص وحماة وادلب ودرعا وريف الشام": the cities, a countryside after them
        for item, named in zip(group, own):
            if not named or item.hint not in (None, "governorate"):
                continue
            if item.found and item.found[0].place.kind == "governorate":
                continue  # "الريف الغربي لدمشق وهضبة الجولان": already Rif Dimashq, which "محافظة دمشق" is not
            item.read_as_governorate()
            item.found = ask(item.mention, gov)


def _in_a_quarter_of(text: str, before: _Item, first: _Item) -> bool:
    """Whether ``before``, the mention before a list's first name, is a quarter that it binds ("حي
    الشعار في حلب")."""
    quarter = before.hint == "neighbourhood" or (bool(before.found) and before.found[0].place.kind == "neighbourhood")
    return quarter and _binds(text[before.span.end : first.span.start])


def _governorates_said(group: Sequence[_Item]) -> bool:
    """Whether a descriptive word makes one name of a list a governorate, and so the whole list's
    governorate names: "ريف حماة وإدلب" (the countryside of Hama and Idlib), "the Idlib and Hama
    countryside", "Tartus and Latakia Governorate", "في إدلب وريف حلب الغربي" (Idlib and the
    western Aleppo countryside: the names are alike)."""
    return any(item.hint == "governorate" and item.mention != item.text for item in group)


def _read_region(item: _Item, ask: Callable[[str, str | None], list[Match]], gov: str | None) -> None:
    """ "the Idlib region" is the governorate, "the Tell Abyad region" and "the Afrin Region" the
    district of the town's name, when there is one; else the name as it is ("the Qalamoun region")."""
    if _a_governorate_s_own_name(item.text):
        unit = f"{item.text} governorate"
    else:
        unit = f"{item.text} district"
        found = ask(unit, gov)
        town = item.found[0].place if item.found else None
        if not found or found[0].place.kind != "district" or town is None or town.district is None:
            return
        if town.district.pcode != found[0].place.pcode:
            return  # "the Mare region": Mare' lies in Azaz district, not Maarrat al-Nu'man's
    item.read_as(unit)
    item.found = ask(unit, gov)


def _one_sense(
    text: str, items: Sequence[_Item], ask: Callable[[str, str | None], list[Match]], gov: str | None
) -> None:
    """An English text that opens with a governorate or a district said so ("Hama Governorate",
    "Idlib province", "Afrin District": an encyclopedia's article on it, a report on the province)
    names it bare afterwards: a later bare "Hama" is the governorate, "Afrin" the district, not the
    town. Only the text's first mention, within :data:`_TITLE_CHARS` of its start, with the unit's
    word next to it (not a compass word, "offensive" or an infobox's label); "capital" or "seat"
    before a later mention keeps the town ("The capital is Raqqa", "its capital being Tartus", "Seat:
    | Tartus"), and so does "is the capital" after it ("Tartus is the regional capital"). A village's article that names
    its governorate first, after the village, still measures distances from the city."""
    if not items or items[0].span.start > _TITLE_CHARS or is_arabic(items[0].text):
        return  # Arabic names the governorate "محافظة X" throughout; a bare X is the city (tuning texts: 6 of 6)
    if text[: items[0].span.start].strip(" \t\n=#*\"'“‘(").lower() not in ("", "the"):
        return  # "Al-Naimah is a town in the Daraa Governorate east of Daraa": the text is about the town
    opening = items[0].found[0] if items[0].found else None
    unit = opening.place.kind if opening else None
    span = items[0].span
    if unit == "governorate" and _a_governorate_s_own_name(items[0].text):
        said = _PROVINCE_AFTER_RE.match(text, span.end) or _PROVINCE_BEFORE_RE.search(text, 0, span.start)
    elif unit == "district":
        said = _DISTRICT_AFTER_RE.match(text, span.end)
    else:
        return
    if not said:
        return  # "the Northern Aleppo offensive" may be about the city's battles; an infobox's label is a town's
    key = exact_key(items[0].text)
    for item in items[1:]:
        best = item.found[0] if item.found else None
        if exact_key(item.text) != key or item.mention != item.text or item.binding or not best:
            continue
        if _CAPITAL_BEFORE_RE.search(text, max(0, item.span.start - 30), item.span.start):
            continue  # "The capital is Raqqa", "the provincial capital of Raqqa", "Seat: | Tartus": the city
        if _CAPITAL_AFTER_RE.match(text, item.span.end):
            continue  # "Tartus is the regional capital"
        if best.place.kind in POPULATED_KINDS:
            item.read_as(f"{item.text} {unit}")
            item.found = ask(item.mention, gov)


def _commanded(text: str, item: _Item) -> bool:
    """Whether a governorate's own name is the area of a commander or a head: "(Latakia NDF commander)",
    "(Raqqa state security head)", "leader of Ahrar al-Sham rebel group in Homs", "(ISIL prefect of
    Deir ez-Zor)" (the title and "of" right before the name, which ends the phrase), "(قائد النصرة في
    إدلب)", or of a ministry's directorate: "the Idlib Health Directorate", "مديرية صحة إدلب", "مدير
    تربية حلب". Such a post or office covers the governorate, not its capital alone. So do the
    geographers' "من أعمال حلب" (among the dependencies of Aleppo), the province of the city.

    >>> text = "Hilal al-Assad (Latakia NDF commander) left Latakia."
    >>> [_commanded(text, _Item(Span(s, s + 7, 0, 0, ()), "Latakia", "Latakia", None, (s, s + 7))) for s in (16, 44)]
    [True, False]
    """
    if not _a_governorate_s_own_name(item.text):
        return False
    start, end = item.span.start, item.span.end
    if _COMMANDER_AFTER_RE.match(text, end) or _DIRECTORATE_AFTER_RE.match(text, end):
        return True
    behind = max(0, start - _COMMANDER_LOOK_BEHIND)
    if _TITLE_OF_BEFORE_RE.search(text, behind, start) and _PHRASE_END_RE.match(text, end):
        return True
    return any(p.search(text, behind, start) for p in _POST_BEFORE_RES)


def _locator_map(text: str, item: _Item) -> bool:
    """Whether a governorate's own name is what an encyclopedia's locator map shows: "Aleppo in Syria
    (+Golan).svg" (the map file's name), "Map of Syria with Idlib highlighted". Such maps shade the
    governorate.

    >>> text = "Aleppo in Syria (+Golan).svg | Map of Syria with Idlib highlighted | Homs in Syria"
    >>> [_locator_map(text, _Item(Span(s, e, 0, 0, ()), text[s:e], text[s:e], None, (s, e))) for s, e in
    ...  ((0, 6), (49, 54), (67, 71))]
    [True, True, False]
    """
    start, end = item.span.start, item.span.end
    if _MAP_FILE_AFTER_RE.match(text, end):
        return True
    return text.endswith(_MAP_WITH, 0, start) and text.startswith(" highlighted", end)


def _governorate_phrase_before(text: str, item: _Item) -> bool:
    """Whether a phrase right before a governorate's own name makes it the governorate, not its capital
    (:data:`_GOVERNORATE_PHRASES_BEFORE`): "in" after a village or a town the text names by a kind word
    ("the village of Kharbat al-Mu'ezah in Tartus", "a village in Hama", "towns in Idlib": villages lie
    in a governorate; the village need not be known, a known one binds the name already, :func:`_bind`);
    an administrative border ("at the administrative border with Homs", "قرب الحدود الإدارية لحماة");
    a compass word and "parts of" or "areas of" ("in western parts of Quneitra", as "western Quneitra").

    >>> text = "the village of Kharbat Al-Mu'ezah in Tartus, a neighbourhood in Homs, western parts of Homs"
    >>> items = [_Item(Span(s, s + n, 0, 0, ()), text[s : s + n], text[s : s + n], None, (s, s + n)) for s, n in
    ...          ((37, 6), (64, 4), (87, 4))]
    >>> [_governorate_phrase_before(text, item) for item in items]
    [True, False, True]
    """
    start = item.span.start
    behind = max(0, start - _GOVERNORATE_PHRASE_LOOK_BEHIND)
    return any(p.search(text, behind, start) for p in _GOVERNORATE_PHRASES_BEFORE)


#: The phrases of :func:`_governorate_phrase_before`, each ending right before the span: a kind word of
#: villages or towns, its name if any (up to four words), and "in"; an administrative border; a compass
#: word and "parts of".
_GOVERNORATE_PHRASES_BEFORE = (
    re.compile(
        r"\b(?:[Vv]illages?|[Tt]owns?|[Hh]amlets?)(?: of (?:[Aa]l-|[Ee]l-)?[A-Z][\w'’-]*(?: [\w'’-]+){0,3})? in $"
    ),
    re.compile(
        r"\b[Aa]dministrative (?:borders?|boundar(?:y|ies)|lines?) (?:with|of|between) (?:the )?$"
        r"|الحدود الإدارية (?:مع |بين )?[ول]?$"
    ),
    re.compile(
        r"\b(?:[Nn]orth|[Ss]outh|[Ee]ast|[Ww]est|[Cc]entral)(?:ern|-?(?:east|west)(?:ern)?)?"
        r" (?:parts?|areas?) of (?:the )?$"
    ),
    re.compile(  # "التابعة لدير الزور", "تتبع إدارياً لحمص": what belongs to a governorate's name belongs to the unit
        r"(?:^|\s)(?:ال|و)?(?:تابع[ةه]?|[تي]تبع)\s+(?:(?:إداري|اداري)(?:ا|اً|ًا)?\s+)?(?:ل(?:ـ\s*)?|إلى\s+|الى\s+)?$"
    ),
)
#: How far back :func:`_governorate_phrase_before` reads, in characters.
_GOVERNORATE_PHRASE_LOOK_BEHIND = 80


def _part_of_an_area(item: _Item) -> bool:
    """Whether an Arabic mention ends with a name and a direction adjective, or two: "القلمون الشرقي",
    "جبال القلمون الشرقي", "هجوم القلمون الشرقي", "جبل الزاوية الشمالية الغربية". When no place has
    that name, the adjectives say which part of a region or a mountain range the text means (English
    says "Eastern Qalamoun"); a village's name with one is another village's (:func:`_paired_name`),
    so only :data:`~gazetteer.kinds.AREA_KINDS` answer."""
    rest = item.mention.partition(item.text)[2].split()  # after descriptive words: "هجوم القلمون الشرقي"
    return (
        is_arabic(item.text)
        and len(rest) in (1, 2)
        and all(word.startswith("ال") and is_direction_adjective(word) for word in rest)
    )


def _chained(text: str, item: _Item) -> bool:
    """Whether a governorate's own name stands between a place and the country in a location's chain:
    "Houla, Homs, Syria", "البارودة، اللاذقية، سوريا" (an infobox's place, governorate, country), or
    between a settlement's short description and the country ("Village in Homs, Syria"). "Homs,
    Syria" alone is the city, and so is the capital after a quarter ("حي الزهراء، حمص، سوريا").

    >>> text = "Location | Houla, Homs, Syria | al-Zahraa neighbourhood, Homs, Syria"
    >>> [_chained(text, _Item(Span(s, s + 4, 0, 0, ()), "Homs", "Homs", None, (s, s + 4))) for s in (18, 59)]
    [True, False]
    >>> _chained("Village in Homs, Syria", _Item(Span(11, 15, 2, 2, ()), "Homs", "Homs", None, (11, 15)))
    True
    """
    if not _a_governorate_s_own_name(item.text) or not _COUNTRY_AFTER_RE.match(text, item.span.end):
        return False
    if _SETTLEMENT_IN_RE.search(text, max(0, item.span.start - _CHAIN_LOOK_BEHIND), item.span.start):
        return True
    before = _PLACE_BEFORE_RE.search(text, max(0, item.span.start - _CHAIN_LOOK_BEHIND), item.span.start)
    return before is not None and not _QUARTER_WORD_RE.search(before.group())  # "حي الزهراء، حمص": the city


#: The longest title before a qualifier in parentheses (:func:`_title_qualifier`), in characters.
_QUALIFIED_TITLE_CHARS = 60


def _title_qualifier(text: str, items: Sequence[_Item], k: int) -> bool:
    """Whether mention ``k``, a governorate's own name (the caller has checked), is the qualifier in
    parentheses that closes a line's title and the title names no place the index has: "سويدية كبيرة
    (الرقة)", an encyclopedia's title for a village the index lacks, names its governorate
    ("Al-Jdayde (Aleppo)", a quarter the index has, keeps the city).

    >>> text = "سويدية كبيرة (الرقة)" + chr(10) + "قرية سورية"
    >>> _title_qualifier(text, [_Item(Span(14, 19, 2, 2, ()), "الرقة", "الرقة", None, (14, 19))], 0)
    True
    """
    item = items[k]
    start, end = item.span.start, item.span.end
    if text[start - 1 : start] != "(" or text[end : end + 1] != ")":
        return False
    line_end = text.find("\n", end)
    if text[end + 1 : len(text) if line_end < 0 else line_end].strip(" \t\u00a0|"):
        return False  # an infobox's header may close with its empty cells: "زمرين (طرطوس) | |"
    line_start = text.rfind("\n", 0, start) + 1
    title = text[line_start : start - 1].strip()
    if not title or len(title) > _QUALIFIED_TITLE_CHARS:
        return False
    earlier = (items[j] for j in range(k - 1, -1, -1))  # back to the line's start only
    return not any(o.found for o in takewhile(lambda o: o.span.start >= line_start, earlier))


def _after_its_unit(text: str, before: _Item, item: _Item) -> bool:
    """Whether ``item``, a governorate's own name (the caller has checked), follows a district's or a
    subdistrict's mention and a comma, as an encyclopedia gives a town's location ("a town in Raqqa
    District, Raqqa"): the governorate."""
    return (
        before.hint in _CENTRE_UNIT_KINDS
        and bool(before.found)
        and before.found[0].place.kind in _CENTRE_UNIT_KINDS
        and _COMMA_GAP_RE.fullmatch(text, before.around[1], item.span.start) is not None
    )


#: Words for a desert (as :func:`gazetteer.normalize.fold` writes them): said of a town's name, they
#: speak of the steppe around the town.
_DESERT_WORDS = frozenset({"desert", "صحراء", "باديه"})


#: What a desert word before a name may stand for: the desert around a town, or the desert the name is.
_DESERT_OF_KINDS = frozenset({*POPULATED_KINDS, "region"})


def _sure(found: list[Match], threshold: float) -> bool:
    """Whether the best of ``found`` reaches the confidence threshold ("بادية العشارة" finds the Syrian
    Desert by its consonants only, 0.23: no answer, and the desert of the town al-Asharah is read)."""
    return bool(found) and found[0].confidence >= threshold


def _desert_of(mention: str) -> bool:
    """Whether a mention's descriptive words speak of a desert ("بادية السخنة", "the Palmyra desert").

    >>> _desert_of("بادية السخنة"), _desert_of("the Palmyra desert"), _desert_of("سهل الغاب")
    (True, True, False)
    """
    return any(fold(word) in _DESERT_WORDS for word in parse_mention(mention).descriptors)


def _a_governorate_s_own_name(name: str) -> bool:
    """Whether ``name`` is one of a governorate's spellings as ``sources/governorates.json`` writes
    them ("Hama", "حماة"), not a likeness of one ("al-Hameh" is a town of Rif Dimashq) nor a region's
    or nickname's name ("Hauran", which the file marks colloquial)."""
    return exact_key(name) in _governorate_spellings()


@cache
def _governorate_spellings() -> frozenset[str]:
    return frozenset(
        exact_key(s)
        for g in govs.all_governorates()
        for s in (g.name, g.name_ar, *g.spellings, *g.spellings_ar)
        if s not in g.colloquial
    )


def _compared_cities(text: str, start: int) -> bool:
    """Whether a list starting at ``start`` follows a city word ("cities, Damascus, Aleppo...", "مدن
    دمشق وحلب") or a road's verb ("connects Aleppo, Hama, and Homs"), or a word of comparison
    (:data:`_COMPARISON_WORDS`, or ك stuck to the first name) in
    a sentence that has a city word (:data:`_CITIES_RE`): "the fifth city after Damascus, Aleppo,
    Homs and Hama", "cities such as Damascus, Aleppo...". "Airstrikes hit cities and towns in Aleppo,
    Idlib, Hama and Homs" names the governorates.

    >>> _compared_cities("The fifth city after Damascus", 21), _compared_cities("cities in Damascus", 10)
    (True, False)
    """
    begin = max(0, start - _SENTENCE_CHARS)
    head = text[begin:start]
    last = head.rsplit(None, 1)[-1].lower().strip(",،:") if head.strip() else ""
    if _CITIES_RE.fullmatch(last) or last in _CONNECTING_WORDS:
        return True  # "Syria's largest cities, Damascus, Aleppo...", "مظاهرات في مدن دمشق وحلب", "connects Aleppo"
    clitic = head.endswith("ك")  # "المدن الكبرى كدمشق وحلب وحمص": like Damascus...
    if last not in _COMPARISON_WORDS and not clitic:
        return False
    ends = list(_SENTENCE_END_RE.finditer(head))
    return _CITIES_RE.search(head, ends[-1].end() if ends else 0) is not None


def _read_as_unit(item: _Item, word: str, ask: Callable[[str, str | None], list[Match]], gov: str | None) -> None:
    """Read a listed name with the unit word its list says ("Hajin" of "Hajin and As-Souseh
    subdistricts"), when that answers a unit: "the Midan and Mezzeh districts" are quarters, and
    the word makes no quarter of a shared name more certain than the text alone did."""
    mention, found = item.mention, item.found
    item.read_as(f"{word} {item.text}" if word[:1] >= "\u0600" else f"{item.text} {word}")
    item.found = ask(item.mention, gov)
    if not item.found or item.found[0].place.kind not in ADMIN_KINDS:
        item.read_as(mention)
        item.found = found


def _lies_outside_city(inner: Match, outer: Match, features: bool = False) -> bool:
    """Whether a place bound to a governorate's capital ("Talbiseh, Homs") lies outside the city, so
    that the capital's name stands for its governorate: a settlement or a unit (or, with
    ``features``, a mountain or a region: "Idlib's Jabal al-Zawiya") farther than
    :data:`_CITY_RADIUS_M` from the city's point, a town or a village farther than :data:`_TOWN_RADIUS_M`
    (a quarter, a landmark or a site may lie inside it).
    Damascus is a governorate of its own city and stays as it is."""
    city = outer.place
    if city.kind != "city" or city.governorate.pcode == govs.CITY_GOVERNORATE:
        return False
    place = inner.place
    wide = features and place.kind in ("mountain", "region")
    if place.kind not in POPULATED_KINDS and place.kind not in ADMIN_KINDS and not wide:
        return False
    radius = _TOWN_RADIUS_M if place.kind in ("town", "village") else _CITY_RADIUS_M
    return fast_distance_m(place.lat, place.lon, city.lat, city.lon) > radius


def _bind(
    text: str, items: Sequence[_Item], ask: Callable[..., list[Match]], gov: str | None, threshold: float
) -> None:
    """ "X, Idlib", "X in Homs province": the next span names a governorate that binds this one.

    Not in a list of governorates ("Aleppo, Hama and Homs"): a span that names a governorate
    itself, or a next span followed by another list item, binds nothing. A capital city that binds a
    place outside it is read as its governorate (:func:`_lies_outside_city`), when that place, asked
    in the governorate, is an answer there, confident or tied with namesakes ("Qabbasin, Aleppo"): a
    guess ("Ghuwayran, Hasakah", whose only likeness is a village of Latakia) moves no city.
    """
    rebind: list[_Item] = []
    for k, (this, nxt) in enumerate(pairwise(items)):
        if this.found and nxt.found and _POSSESSIVE_GAP_RE.fullmatch(text, this.span.end, nxt.span.start):
            bound = _province_of(this.found[0])  # "Idlib's Jabal al-Zawiya", "Homs's Talbiseh": the other way round
            if bound is not None and _province_of(nxt.found[0]) is None and this.hint != "city":
                placed = ask(nxt.mention, bound, _BOUND_NOTE)
                if (
                    placed
                    and _placed_in(placed[0], bound, threshold)
                    and _lies_outside_city(placed[0], this.found[0], True)
                ):
                    rebind.append(this)
            continue
        if not nxt.found or not this.found:
            continue
        if _province_of(this.found[0]) is not None:
            comma = text[this.span.end : nxt.span.start].strip() in (",", "،")
            if comma and this.found[0].place.kind == "city" and this.found[0].place.id == nxt.found[0].place.id:
                rebind.append(nxt)  # "(Tartous, Tartous)", "Homs, Homs": the city, then its governorate
            continue
        if not _binds(
            _without_unknown_fellows(text[this.span.end : nxt.span.start], partial(_settlements_list, text, this))
        ):
            continue
        after = text[nxt.span.end : items[k + 2].span.start] if k + 2 < len(items) else ""
        if after and _LIST_RE.match(after):
            continue
        if _area_binds(this, nxt):
            continue
        bound = _province_of(nxt.found[0]) or (None if this.hint in _UNIT_HINTS else _province_of_unit(nxt))
        if bound is None and this.hint == "neighbourhood" and nxt.found[0].place.kind in _QUARTERED_KINDS:
            bound = nxt.found[0].place.governorate.pcode  # "حي القصور في بانياس": a quarter of Banyas, none of Homs'
        if bound is not None:
            this.binding = bound
            _bind_list_before(text, items, k, bound)
            placed = ask(this.mention, bound, _BOUND_NOTE)  # the answer the binding gives, asked again below (cached)
            if (
                placed
                and nxt.hint != "city"  # "the Zahraa district of Aleppo city": the text says which
                and this.hint != "neighbourhood"  # "حي الحمراء بحماة": a quarter's city is a city
                and _placed_in(placed[0], bound, threshold)
                and _lies_outside_city(placed[0], nxt.found[0])
            ):
                rebind.append(nxt)
    for item in rebind:  # "Khan Shaykhun in Idlib": the place lies outside the city, so Idlib is the governorate
        item.read_as_governorate()
        item.found = ask(item.mention, gov)


#: The kinds of place whose quarters a text names ("حي القصور في بانياس"): :func:`_bind`.
_QUARTERED_KINDS = frozenset({"city", "town"})


def _spread_bindings(items: Sequence[_Item]) -> None:
    """A name the text binds to one governorate once ("الموقع الزارة، محافظة حماة") is that
    governorate's wherever it stands bare in the text: "مجزرة الزارة" in the title is no Zara of Homs
    when the text places al-Zarah in Hama. Not a governorate's own name, nor a name bound to two, nor
    a mention whose answer lies in a governorate the text's other names place something in
    ("Maryamin, Hama", a page's old title, in a text on the Maryamin of Homs governorate)."""
    bindings: dict[str, set[str]] = defaultdict(set)
    for item in items:
        if item.binding and not _a_governorate_s_own_name(item.text):
            bindings[exact_key(item.text)].add(item.binding)
    if not bindings:
        return  # most texts bind nothing
    key_of = cache(exact_key)  # a text names its places many times
    placed: dict[str, set[str]] = defaultdict(set)  # governorate -> the names whose answers lie there
    for item in items:
        if item.found and (gov := item.found[0].place.governorate.pcode):
            placed[gov].add(key_of(item.text))
    for item in items:
        key = key_of(item.text)
        bound = bindings.get(key) if not item.binding else None
        if not bound or len(bound) != 1:
            continue
        answer_gov = item.found[0].place.governorate.pcode if item.found else None
        if answer_gov and placed[answer_gov] - {key}:
            continue  # the text names other places in the answer's governorate: the binding is no one sense
        item.binding = next(iter(bound))


#: "The governorate" said of one the text named before: "المحافظة" with its article (and a clitic), not
#: "المحافظة على" (preserving), and "the province" or "the governorate" with no "of" after it. Each
#: pattern opens with its noun, so that a scan of a long text stops only where the noun is.
_GOVERNORATE_SAID_AR_RE = re.compile(r"محافظة(?![\u0621-\u064a])(?!\s+على\s)")
_GOVERNORATE_SAID_AR_BEFORE = ("وبال", "بال", "وال", "فال", "ولل", "فلل", "ال", "لل")  # the longest first
_GOVERNORATE_SAID_EN_RE = re.compile(r"(?:[Pp]rovince|[Gg]overnorate)\b(?!\s+of\b)")
_THE_BEFORE_RE = re.compile(r"\b[Tt]he\s+$")
#: How far before "the governorate" the governorate it speaks of may be named, in characters.
_GOVERNORATE_SAID_REACH = 3_000


def _bind_to_the_governorate_said(text: str, items: Sequence[_Item]) -> None:
    """ "قرى دوما وشبكي وطربا في الريف الشرقي للمحافظة", "villages in the province's east": a place
    bound to "the governorate" is bound to the one the text named last before it (within
    :data:`_GOVERNORATE_SAID_REACH`), as if named there, with the places listed right before it."""
    if not items or ("محافظة" not in text and "rovince" not in text and "overnorate" not in text):
        return  # the cheap test first
    starts = [item.span.start for item in items]
    for at, lam in _governorate_said_at(text):
        k = bisect_left(starts, at) - 1  # the last item that begins before the word
        if k < 0 or items[k].span.end > at:
            continue
        this = items[k]
        if this.binding or not this.found or _province_of(this.found[0]) is not None:
            continue
        gap = _without_unknown_fellows(
            text[this.span.end : at], partial(_settlements_list, text, this)
        )  # "ودوما وشبكي وطربا في الريف..."
        if not _binds(gap + ("ل" if lam else "")):
            continue
        named = None
        for j in range(k - 1, -1, -1):
            if items[j].span.end < at - _GOVERNORATE_SAID_REACH:
                break
            if items[j].found and (named := _province_of(items[j].found[0])) is not None:
                break
        if named is not None:
            this.binding = named
            _bind_list_before(text, items, k, named)


def _governorate_said_at(text: str) -> Iterator[tuple[int, bool]]:
    """Where "the governorate" (:data:`_GOVERNORATE_SAID_AR_RE`) begins, its clitics included, and
    whether ل ("to, of") is one of them.

    >>> list(_governorate_said_at("في الريف الشرقي للمحافظة، وحافظ على المحافظة على تراثها، in the province"))
    [(16, True), (60, False)]
    """
    for m in _GOVERNORATE_SAID_AR_RE.finditer(text):
        head = text[max(0, m.start() - 4) : m.start()]
        before = next((b for b in _GOVERNORATE_SAID_AR_BEFORE if head.endswith(b)), "")
        at = m.start() - len(before)
        if before and (at == 0 or not ("\u0621" <= text[at - 1] <= "\u064a")):
            yield at, "لل" in before
    for m in _GOVERNORATE_SAID_EN_RE.finditer(text):
        the = _THE_BEFORE_RE.search(text, max(0, m.start() - 8), m.start())
        if the is not None:
            yield the.start(), False


def _bind_list_before(text: str, items: Sequence[_Item], k: int, bound: str) -> None:
    """ "Al-Qahtaniyah and Jubata al-Khashab in Quneitra province", "كفرنبل وحاس في ريف إدلب": the
    places listed right before item ``k`` are bound where it is, up to one the text binds itself or
    one that names a governorate ("Aleppo and Talbiseh in Homs" leaves Aleppo alone)."""
    while k > 0 and _LIST_RE.match(text[items[k - 1].span.end : items[k].span.start]):
        fellow = items[k - 1]
        if fellow.binding or not fellow.found or _province_of(fellow.found[0]) is not None:
            return
        fellow.binding = bound
        k -= 1


def _placed_in(match: Match, gov: str, threshold: float) -> bool:
    """Whether a bound place's answer lies in the binding governorate and is no guess: confident, or
    tied with namesakes there ("Qabbasin, Aleppo": the index holds it twice)."""
    return match.place.governorate.pcode == gov and (match.confidence >= threshold or match.ambiguous)


#: List items the index lacks between a name and the one that binds it: "ودوما وتيما بريف السويداء"
#: (و, "and", glued to a word), "Duma, Taima and Rimat al-Luhf in Suwayda" (capitalised words, an
#: article before one).
_UNKNOWN_FELLOWS_RE = re.compile(
    r"^(?:\s*،?\s+و[\u0621-\u064a]{3,}(?:\s(?![بل]|في\s)[\u0621-\u064a]{3,})?)+(?=\s*،?\s)"
    r"|^(?:\s*,?\s+(?:and\s+)?(?:(?:[Aa]l|[Ee]l)-)?[A-Z][a-z'’]+(?:\s+(?:(?:al|el)-)?[A-Z][a-z'’]+)*)+(?=\s)"
)


def _settlements_list(text: str, item: _Item) -> bool:
    """Whether an Arabic word for villages or towns opens the list ``item`` begins ("قرى المنصورة، وهنيدة")."""
    return is_arabic(item.text) and _a_list_of_settlements(text, item.span.start)


#: A subdistrict's or an area's word and one name the index lacks, right after a place ("بناحية شيراوا").
_UNKNOWN_UNIT_RE = re.compile(r"\s*،?\s*(?:ب|في\s+)?(?:ناحية|منطقة)\s+([\u0621-\u064a]{3,})(?=\s)")


def _without_unknown_fellows(gap: str, settlements: Callable[[], bool] = bool) -> str:
    """The gap less the list items right after the first name that the index lacks, each an Arabic
    word glued to و or a capitalised name, none a common or a kind word: they are listed with it and
    bound with it. In a list a word for villages opens (``settlements()``, asked only then), a common noun with its
    article is a village's name too ("قرى المنصورة، وهنيدة، والحمام والهورة في الريف الغربي لمدينة
    الرقة": al-Hammam, not "the bath"); a bare common word still ends the list ("وقال", and he said).

    >>> _without_unknown_fellows(" وتيما بريف "), _without_unknown_fellows(" وقال بريف ")
    (' بريف ', ' وقال بريف ')
    >>> _without_unknown_fellows("، ووادي قنديل، بريف ")
    '، بريف '
    >>> _without_unknown_fellows(", Taima and Rimat al-Luhf in "), _without_unknown_fellows(" and Monday in ")
    (' in ', ' and Monday in ')
    >>> _without_unknown_fellows("، والحمام في "), _without_unknown_fellows("، والحمام في ", lambda: True)
    ('، والحمام في ', ' في ')

    A subdistrict or an area the index lacks, named after the place, stands between it and its
    binding too: "قرية الزيارة بناحية شيراوا بريف عفرين" (Shirawa subdistrict, Afrin).

    >>> _without_unknown_fellows(" بناحية شيراوا بريف "), _without_unknown_fellows(" بناحية التي بريف ")
    (' بريف ', ' بناحية التي بريف ')
    """
    unit = _UNKNOWN_UNIT_RE.match(gap)
    if unit is not None and not is_common_arabic(unit.group(1)):
        gap = gap[unit.end() :]  # "بناحية شيراوا": then the unit's binding is the place's
    m = _UNKNOWN_FELLOWS_RE.match(gap)
    if m is None:
        return gap
    words = [w for w in re.split(r"[\s,،]+", m.group()) if w and w != "and"]
    arabic = [w for w in words if not w.isascii() and not opens_a_name(Words(w[1:]).keys[0])]  # "ووادي قنديل"
    if any(
        is_common_arabic(w)
        or (is_common_arabic(w[1:]) and not (w[1:].startswith("ال") and settlements()))
        or is_descriptor(w[1:])
        for w in arabic
    ):
        return gap
    if any(is_common_english(_ARTICLE_PREFIX_RE.sub("", w)) or is_descriptor(w) for w in words if w.isascii()):
        return gap  # "Monday", "Governorate": no name of a list
    return gap[m.end() :]


#: The countryside word with its article, which a direction adjective and ل then follow ("في الريف
#: الشرقي للسويداء", in the eastern countryside of al-Suwayda): :func:`_binds`.
_ARTICLED_COUNTRYSIDE = frozenset({"الريف", "بالريف", "الأرياف", "الارياف", "بالأرياف", "بالارياف"})
#: Words for an area that may stand between a name and the words that bind it (:func:`_binds`).
_AREA_GAP_WORDS = frozenset({"region", "area", "Region", "Area"})


def _binds(gap: str) -> bool:
    """Whether the words between two spans bind the first to the second: ", ", " in ", " في ", " بريف ",
    " in the countryside of ", " villages in northeastern "... (connectors and descriptive words, at
    least one connector; a compass word only right before the second span: "north of Homs" places the
    first span relative to the city, it binds nothing). An ayn or hamza mark that ends the first
    name stays out of the span and binds nothing ("Izra', Dar'a")."""
    if _GAP_SENTENCE_END_RE.search(gap):
        return False  # "... في ريف المحافظة.\nفي ريف دمشق": the next sentence's place binds nothing before it
    words: list[str] = []
    for word in _GAP_WORD_RE.finditer(gap.lstrip(_NAME_END_MARKS)):  # a gap may be pages long: five words at most
        if len(words) == _BINDING_GAP_WORDS:
            return False
        words.append(word.group())
    if not words:
        return False
    connector = False
    for k, w in enumerate(words):
        if _CONNECTOR_RE.match(w):
            connector = connector or w.lower() != "the"
        elif is_descriptor(w) and w[:1] == "ب" and not is_descriptor(w, first=False):
            connector = True  # بريف حمص: "in the countryside of Homs"; not وريف, "and the countryside of"
        elif is_compass(w) and k + 1 < len(words) and is_descriptor(words[k + 1]) and words[k + 1] != "of":
            continue  # "in the southern countryside of Aleppo": the countryside's side, no place beside Aleppo
        elif w in _AREA_GAP_WORDS:
            continue  # "Shahba region in Aleppo countryside", "the Kabani area in Latakia countryside"
        elif w in _ARTICLED_COUNTRYSIDE or (
            is_direction_adjective(w) and not _ARTICLED_COUNTRYSIDE.isdisjoint(words[max(0, k - 2) : k])
        ):
            connector = connector or w.startswith("ب")  # "في الريف الشرقي للسويداء", "بالريف الغربي لحماة"
        elif w == "ل" and k == len(words) - 1 and k and words[k - 1] not in ("في", "ب"):
            continue  # the preposition of "للسويداء", whose article's ل the span keeps
        elif not is_descriptor(w) and not (k == len(words) - 1 and is_compass(w)) and not is_facility_adjective(w):
            return False  # "موقع قطنا الأثري في ريف حمص": the adjective is the first name's
    return connector


#: What after a span makes its last word a compound given name ("سعد الدين", "نور الدين", "Saad al-Din"):
#: a place so named is spotted whole ("صلاح الدين", Aleppo's quarter), so the span is a person's name.
_COMPOUND_NAME_RE = re.compile(r"\s(?:و?الدين|[Aa]l-[Dd]in|[Ee]d-[Dd]in|[Ee]ddine?)(?![-\w])")
#: "son of" or "daughter of" and a word right after a name: the name is a person's given name
#: ("Jabala ibn al-Harith", a Ghassanid king, is no Jablah; "زين العابدين بن علي", an imam, no mosque). A
#: place whose name holds the word is spotted whole.
_PATRONYMIC_AFTER_RE = re.compile(r"\s+(?:ibn|bin|bint|بن|ابن|بنت)\s+\w", re.IGNORECASE)
#: A feminine nisba adjective with the article right after an Arabic name: with it the name may be
#: another, longer one ("الجزيرة الفراتية", Upper Mesopotamia, is no nickname of Al-Hasakah).
_NISBA_AFTER_RE = re.compile(r" ال[\u0621-\u064a]+(?:ية|يه)(?![\u0621-\u065f\u066e-\u06d3])")
#: A tribe's word right after a name ("the Albu Kamal clan", "the Shaitat tribe").
_TRIBE_AFTER_RE = re.compile(r"\s+(?:clan|clans|tribe|tribes)\b", re.IGNORECASE)
#: An armed group's words right after a name: "the Manbij Military Council", "the Tel Rifaat
#: Revolutionaries Battalion", "Qalamoun Shield Forces", "the Afrin Liberation Forces", "Sinjar
#: Resistance Units" (Iraq's Sinjar, not the town Sanjar of Idlib), a fighting unit's
#: word with a word of its name between ("the Maarrat al-Nu'man Martyrs Brigade", "Mount Zawiya
#: Battalion") are groups named after places, not mentions of them.
_ARMED_GROUP_AFTER_RE = re.compile(
    r"\s+(?:[Mm]ilitary\s+[Cc]ouncil|Revolutionaries|Shield|Party\b|(?:Resistance|Protection)\s+Units|Liberation\s+(?:Forces|Front|Army)|Army\b(?!\s+(?:[Bb]ase|[Hh]ospital|[Aa]irport|[Cc]ommander))"
    r"|(?:(?:Martyrs|Revolutionary|Free|Hawks|Lions|Falcons|Knights|Eagles)\s+)?(?:Brigades?|Battalions?|Regiments?))\b"
)
#: A span that is the second half of such a name, after its first ("Rashid al-Din Sinan"): no place's name.
_DIN_RE = re.compile(r"(?:[Aa]l|[Ee][ld]|[Aa]d|[Uu]d)-(?:[Dd]in|[Dd]een|[Dd]ine)")
_GIVEN_BEFORE_RE = re.compile(r"[A-Z][a-z]+ $")


def _second_half_of_a_name(text: str, span: Span) -> bool:
    """Whether the span is "al-Din" right after a capitalised word: "Rashid al-Din", "Nur al-Din" are
    men (a place so named is spotted whole: "Salah al-Din", "Izz al-Din").

    >>> span = Span(7, 13, 2, 2, ())
    >>> _second_half_of_a_name("Rashid al-Din Sinan", span), _second_half_of_a_name("Izz al-Din", Span(0, 10, 1, 2, ()))
    (True, False)
    """
    return _DIN_RE.fullmatch(text, span.start, span.end) is not None and bool(
        _GIVEN_BEFORE_RE.search(text, max(0, span.start - 20), span.start)
    )


#: A kind of place said in an apposition right after a name ("Thiban, a town on the east bank", "Kafr
#: Nabl, a small town in southern Idlib"): the kind the mention asks for, as a kind word after it would.
_APPOSITIVE_KIND_RE = re.compile(
    r",\s+an?\s+(?:[a-z]+\s+)?(?P<kind>town|village|city|district|subdistrict|sub-district|neighbou?rhood|camp|province)\b"
)
#: A governorate said of a name right after it in an Arabic article's lead, a parenthesis and هي (is)
#: allowed between: "دير الزور (تدعى أيضا الدير) محافظة سوريّة تقع في شرق سوريا", "درعا هي إحدى
#: المحافظات السورية". The word must be said of the name (Syrian, lying, in, part of: سورية، تقع، في،
#: تتبع). Only the governorate: a village's or a town's word adds nothing the index does not know, and
#: منطقة is an area as often as a district ("الرستن منطقة سورية" is the town's article).
_ARABIC_PREDICATE_GOVERNORATE_RE = re.compile(
    r" *(?:\([^()\n]{0,80}\) *)?[،,]? *(?:(?:هي|هو) +)?(?:[إا]حدى +)?(?:محافظة|المحافظات) +(?:ال)?(?:سوري|تقع|في|تتبع)"
)
#: A village, a town or a city said of a name right after it in an Arabic article's lead: "آراك هي
#: قرية في شرق سوريا", "معردس، قرية سورية تتبع ناحية صوران". The kind word then asks for the place, as
#: one before the name would: a name that is also a common word ("آراك", I see you) is the village.
#: Not "كانت إدلب قرية صغيرة" (Idlib was a small village): what a place was says nothing of its kind.
_ARABIC_PREDICATE_SETTLEMENT_RE = re.compile(
    r" *(?:\([^()\n]{0,80}\) *)?[،,]? *(?:(?:هي|هو) +(?P<kind>قرية|بلدة|مدينة)(?= )"
    r"|(?P<kind2>قرية|بلدة|مدينة) +(?:سورية|سوريّة|تقع|تتبع))"
)
#: The longest list of the mentions behind a document-context answer in its note, in characters.
_CONTEXT_NOTE_CHARS = 120


def _by_context(
    g: Gazetteer,
    item: _Item,
    votes: dict[str, float],
    voters: dict[str, dict[str, None]],
    near: tuple[float, float] | None,
) -> Match | None:
    """The span resolved again within the governorate the document's other mentions prefer, if any."""
    top = item.found[0]
    rivals = {top.place.id, *top.alternatives}  # only the places that matched about as well
    options = {m.place.governorate.pcode for m in item.found if m.place.id in rivals and m.place.governorate.pcode}
    ranked = sorted((votes.get(p, 0.0), p) for p in options)
    if not ranked or ranked[-1][0] <= 0.0 or (len(ranked) > 1 and ranked[-1][0] == ranked[-2][0]):
        return None
    chosen = ranked[-1][1]
    found = g.candidates(item.mention, province=chosen, near=near, limit=1, strict_province=True)
    if not found:
        return None
    # enough names to fill the note (each with its ", " takes three characters or more), not the
    # thousands a long text holds: reading them all for every undecided mention was quadratic
    names = islice((v for v in voters[chosen] if v != item.text), _CONTEXT_NOTE_CHARS // 3 + 1)
    others = ", ".join(names)[:_CONTEXT_NOTE_CHARS]
    note = f"document context: {govs.by_pcode(chosen).name}" + (f" (from {others})" if others else "")
    return replace(found[0], signals=(*found[0].signals, note))


def _by_list_fellow(
    g: Gazetteer, text: str, items: Sequence[_Item], k: int, gov: str | None, threshold: float
) -> Match | None:
    """Item ``k`` resolved again near the settlement listed right next to it, when that one is sure and a
    namesake lies by it: "the siege of Nubl and al-Zahraa" is the town of al-Zahraa 3 km from Nubl, not
    the quarter of Aleppo of that name 20 km away, in the same governorate (where the document's votes
    cannot tell them apart). Only a place within ``SCORES.near_decides_m`` of the other, with every
    namesake far (:func:`gazetteer.rank._near_decides`), and in the other's governorate."""
    item = items[k]
    for j in (k - 1, k + 1):
        if not 0 <= j < len(items):
            continue
        other = items[j]
        first, second = (other, item) if j < k else (item, other)
        gap = text[first.span.end : second.span.start]
        if len(gap) > _LIST_GAP_CHARS or not (_LIST_RE.match(gap) or _LIST_KIND_RE.match(gap)):
            continue
        sure = other.found[0] if other.found else None
        if sure is None or sure.confidence < threshold or sure.ambiguous or sure.place.kind not in _LISTED_KINDS:
            continue
        fellow = sure.place
        found = g.candidates(item.mention, province=gov, near=(fellow.lat, fellow.lon), limit=1)
        if not found or found[0].confidence < threshold or found[0].ambiguous:
            continue
        place = found[0].place
        if not fellow.governorate.pcode or place.governorate.pcode != fellow.governorate.pcode:
            continue
        if fast_distance_m(place.lat, place.lon, fellow.lat, fellow.lon) > SCORES.near_decides_m:
            continue
        note = f"listed with {other.text} ({fellow.name}, {govs.by_pcode(fellow.governorate.pcode).name})"
        return replace(found[0], signals=(*found[0].signals, note))
    return None


def _cell(lat: float, lon: float) -> tuple[int, int]:
    """The grid cell of a point, :data:`_CELL_DEGREES` on a side (:func:`_by_nearby_place`)."""
    return int(lat // _CELL_DEGREES), int(lon // _CELL_DEGREES)


def _settle(settled: dict[tuple[int, int], list[tuple[float, float]]], lat: float, lon: float) -> None:
    """Put a point in its cell and the eight around it, so that one cell holds every point near a place in it."""
    row, col = _cell(lat, lon)
    if (lat, lon) in settled.get((row, col), ()):
        return  # a text names its places many times: each point is put once
    for cell in ((row + dr, col + dc) for dr in (-1, 0, 1) for dc in (-1, 0, 1)):
        settled.setdefault(cell, []).append((lat, lon))


def _by_nearby_place(
    g: Gazetteer,
    settled: dict[tuple[int, int], list[tuple[float, float]]],
    threshold: float,
    mention: str,
    gov: str | None,
) -> Match | None:
    """The mention resolved again next to a village or town the text names surely (``settled``: their
    points), when one of its namesakes lies by it and the others far: "الزهراء هي بلدة تابعة لناحية
    نبل" is the town al-Zahraa 3 km from Nubl, not the quarter of Aleppo of that name 20 km away, in
    the same governorate. The resolver is asked only near a point that a namesake lies within
    ``SCORES.near_decides_m`` of (found through a grid of the points; :func:`gazetteer.rank._near_decides`
    then judges the rivals). Two points that choose two namesakes choose none."""
    points = [
        (lat, lon)
        for m in g.candidates(mention, province=gov, limit=_NEARBY_CANDIDATES)
        for lat, lon in settled.get(_cell(m.place.lat, m.place.lon), ())
        if fast_distance_m(lat, lon, m.place.lat, m.place.lon) <= SCORES.near_decides_m
    ]
    chosen: Match | None = None
    for lat, lon in dict.fromkeys(points):
        near = g.candidates(mention, province=gov, near=(lat, lon), limit=1)
        if not near or near[0].ambiguous or near[0].confidence < threshold:
            continue
        if chosen is not None and chosen.place.id != near[0].place.id:
            return None
        chosen = near[0] if chosen is None else chosen
    if chosen is None:
        return None
    return replace(chosen, signals=(*chosen.signals, "next to a place the text names"))


#: The columns of :func:`geoparse_table` (name, Arrow type name).
MENTION_SCHEMA: tuple[tuple[str, str], ...] = (
    ("doc_id", "string"),
    ("start", "int64"),
    ("end", "int64"),
    ("text", "string"),
    ("id", "string"),
    ("name", "string"),
    ("name_ar", "string"),
    ("lat", "float64"),
    ("lon", "float64"),
    ("kind", "string"),
    ("governorate", "string"),
    ("score", "float64"),
    ("confidence", "float64"),
)


def geoparse_table(
    parse: Any, texts: Any, *, ids: Any = None, province: object = None, min_confidence: float | None = None
) -> Any:
    """A pyarrow Table of the mentions ``parse`` finds in each text, one row per mention."""
    import pyarrow as pa

    texts = list(texts)
    doc_ids = [str(i) for i in range(len(texts))] if ids is None else [str(i) for i in ids]
    if len(doc_ids) != len(texts):
        raise InvalidQueryError(f"ids has {len(doc_ids)} values for {len(texts)} texts")
    cols: dict[str, list[Any]] = {name: [] for name, _ in MENTION_SCHEMA}
    for doc, text in zip(doc_ids, texts):
        for m in parse(text, province=province, min_confidence=min_confidence):
            p = m.match.place
            row = (doc, m.start, m.end, m.text, p.id, p.name, p.name_ar, p.lat, p.lon, p.kind, p.governorate.name,
                   m.match.score, m.match.confidence)  # fmt: skip
            for (name, _), value in zip(MENTION_SCHEMA, row):
                cols[name].append(value)
    schema = pa.schema([(name, getattr(pa, kind)()) for name, kind in MENTION_SCHEMA])
    return pa.Table.from_pydict(cols, schema=schema)
