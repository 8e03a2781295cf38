"""Spotting: the spans of running text that are spelled like an indexed name.

Text is cut into words (letters and marks; an apostrophe inside a word keeps it
whole, a hyphen or a space separates words, a possessive 's stays outside).
Each word gets its *spot keys*, best first:

- a Latin word: its variant key (:func:`gazetteer.normalize.variant_key`), so
  "Zakyah" meets "Zakiyah" and "Qosour" meets "Qusour"; article words (al, el,
  ar, ez...) are skipped, so "al-Rastan", "Ar Rastan" and "Rastan" meet;
- an Arabic word: its folded form, read as written and, behind a clitic (و ف ب ل ك),
  without it. A reading with the article ال gives two keys: the bare word, for
  the names of settlements and admin units (which news write with or without
  the article), and the word with its article, for every other name; a reading
  without the article gives the bare word and ``#`` + the word. So "القدم" (a
  quarter) is not spotted in "قدم" (feet), nor "ناصر" (a quarter) in "الناصر".

Every indexed name has its sequence of spot keys (:func:`spot_key`), stored in
the index (the ``spot`` tier of the posting lists: first key -> names). One pass
over the words finds, at each word, the longest indexed name that starts there:
the cost grows with the text, not with the number of names.

>>> [t.keys for t in tokenize("وتلبيسة al-Rastan Aleppo's")]
[('وتلبيسه', '#وتلبيسه', 'تلبيسه', '#تلبيسه'), ('al',), ('rastan',), ('alabu',)]
>>> spot_key("Ar-Rastan", "city"), spot_key("الرستن", "city"), spot_key("Deir ez-Zor", "city")
('rastan', 'رستن', 'dayr zur')
>>> spot_key("القدم", "neighbourhood"), spot_key("ناصر", "neighbourhood")
('القدم', '#ناصر')
"""

from __future__ import annotations

import heapq
import re
from bisect import bisect_left
from collections.abc import Iterator, Sequence
from functools import lru_cache
from itertools import accumulate, compress, repeat
from operator import is_not, itemgetter, sub
from typing import NamedTuple, cast

from .common_words import is_common_arabic
from .kinds import ADMIN_KINDS, FACILITY_CORE_KINDS, POPULATED_KINDS, accepts
from .mention import CENTRE_WORDS, Mention, is_descriptor, parse_mention
from .normalize import (
    _GENERIC_MAP,
    ARABIC_CLITICS,
    ARABIC_CONJUNCTIONS,
    AYN_MARKS,
    HYPHENATED_ARTICLE_RE,
    _is_article,
    exact_and_variant,
    fold,
)

__all__ = [
    "LOOSE_ARTICLE_KINDS", "SPOTTED_CORE_KINDS", "Span", "SpotIndex", "Token", "Words", "opens_a_construct",
    "opens_a_name", "spot", "spot_key", "tokenize",
]  # fmt: skip

_LETTER = r"[^\W\d_]"
_MARK = "[\u0300-\u036f\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]"
_QUOTE = "['’ʼ`ʿʾ‘´]"
#: Letters and marks, possessive (``++``): a run never needs to give characters back, and the engine
#: skips the backtracking bookkeeping.
_WORD_RE = re.compile(f"(?:{_LETTER}++|{_MARK}++)++(?:{_QUOTE}(?:{_LETTER}++|{_MARK}++)++)*+")
#: An encyclopedia's infobox label that text extraction glued to its value ("GovernorateIdlib",
#: "LocationWestern Al-Hasakah", "CityDamascus", "NahiyahBeit Jinn", "CapitalHoms", "Districtal-Thawrah",
#: "romanizedMuḥāfaẓat", "romanizedal-Qābūn",
#: "الموقعالقصير"): a word of its own. Looked for once per distinct word (:func:`_glue_cuts`), not
#: by a scan of the text (inside the split's pattern it doubled the split's time).
_GLUED_LABEL_RE = re.compile(
    "(?:Governorate|Subdistrict|District|Nahiyah|Nahiya|Location|Country|Province|Region|Capital|Seat|City|Cities)"
    "(?=[A-Z][a-z]|(?:al|el|as|ash|ad|adh|ar|at|ath|az|an|ed|es|er|et|ez|en)$)"  # "Districtal-Thawrah": an article
    "|romanized(?=[^\\W\\d_])"  # "romanizedal-Qābūn", "romanizedḤalab": glued to any letter
    "|(?:المحافظة|المنطقة|الناحية)(?=[\u0621-\u064a])"  # ة ends a word: any letter after it begins the next
    "|(?:الموقع|البلد)(?=ال|محافظ|مدينة|منطقة|ناحية|بلدة|قرية"  # "الموقعمحافظات السويداء": a kind word after it,
    # or a name ("الموقعصدد") that begins with none of ا ة ت ن و ي: "الموقعة" (the battle), "البلدات",
    # "البلدية", "الموقعين" (the signatories) are words of their own
    "|[\u0621-\u0626\u0628\u062b-\u063a\u0641-\u0645\u0647][\u0621-\u064a]{2})"
)
#: Two Arabic words that text extraction glued together where a link was ("مدينةحماة", "نبودةوالهبيط",
#: "قرىكرناز"): ة and ى end a word, so a letter right after one begins the next.
_GLUED_ARABIC_RE = re.compile("[\u0629\u0649](?=[\u0621-\u063a\u0641-\u064a])")  # ة ى; letters, no tatweel
#: A Latin letter against an Arabic one, either way: a table's two columns that text extraction joined
#: ("Deir Qanunدير قانون", "Efraافرة").
_SCRIPT_CHANGE_RE = re.compile("(?<=[A-Za-z\u00c0-\u024f])(?=[\u0621-\u064a])|(?<=[\u0621-\u064a])(?=[A-Za-z])")
_ARABIC_RE = re.compile("[\u0600-\u06ff]")
_ARTICLE = "ال"
#: Marks the key of an Arabic word read without the article (see the module docs).
_BARE = "#"
#: Words that begin many names and are no name alone (Tell, Deir, Kafr, Khan, Bab...).
_GENERIC_LATIN = ("tell", "tal", "tall", "khan", "bab", "jisr", "ras", "qasr", "qalaat", "qalat", "souq", "suq",
                  "nahr", "jabal", "dam", "deir", "dayr", "ain", "ayn", "kafr", "beit", "bayt", "umm", "abu",
                  "wadi", "bir", "khirbet", "khirbat", "shaykh", "sheikh", "mazraat", "mazraa")  # fmt: skip
_GENERIC_ARABIC = ("بير", "تل", "جب", "دير", "كفر", "عين", "خان", "باب", "جسر", "راس", "قصر", "قلعه", "سوق", "نهر",
                   "جبل", "بيت", "ابو", "ام", "خربه", "وادي", "مزرعه", "شيخ")  # fmt: skip
#: Two-letter generic words (folded) that a clitic may stand before: "وتل أبيض", "بتل رفعت", "وأم الفرسان".
_SHORT_NAME_STARTS = frozenset(w for w in _GENERIC_ARABIC if len(w) == 2)
#: The clitics read before them: and, in/with, to (not ك: "كتل" is blocks, "كتل ذهب" no Tell Dahab).
_SHORT_WORD_CLITICS = "وبل"
#: Kinds whose Arabic names are spotted with or without the article ("الحولة" and "حولة").
LOOSE_ARTICLE_KINDS = frozenset({*ADMIN_KINDS, *POPULATED_KINDS, "camp"})
#: Kinds whose names are spotted without their descriptive word, and whose derived core names are spotted.
SPOTTED_CORE_KINDS = frozenset({*ADMIN_KINDS, *POPULATED_KINDS, "neighbourhood", "camp"})
#: What may separate two words of one name in running text: a space, a hyphen, an ayn or hamza mark
#: ("Deir Al-‘Assafir").
_JOINERS = " -‐‑–" + AYN_MARKS


class Token(NamedTuple):
    """A word of the text: where it is, its spot keys (best first) and the offset each key starts at."""

    start: int
    end: int
    keys: tuple[str, ...]
    offsets: tuple[int, ...]  #: characters to skip at the word's start for each key (a clitic)
    article: bool  #: an article word (al, el, ar, ez...): skipped when names are matched
    capital: bool  #: a Latin word written with a capital letter


def _arabic_readings(folded: str) -> list[tuple[str, int]]:
    """The word as written and, behind a clitic, without it, with the clitic's length. لل is ل + ال
    ("للرقة": to ar-Raqqa), or ل + ال + a name that begins with ل, one ل dropped as Arabic spelling
    does ("للاذقية": to al-Ladhiqiyah, Latakia).

    A three-letter word is read behind a clitic only when what is left is a two-letter word that
    begins names and is none alone ("وتل" of "وتل أبيض", "بتل" of "بتل رفعت", "وجب" of "وجب الجراح").

    >>> _arabic_readings("للرقه")
    [('للرقه', 0), ('الرقه', 1), ('اللرقه', 1)]
    >>> _arabic_readings("وتل"), _arabic_readings("ولد")
    ([('وتل', 0), ('تل', 1)], [('ولد', 0)])

    "و" or "ف" may stand before one of ب ل ك ("وبحمص": and in Homs; "وللرقة": and to ar-Raqqa).

    >>> _arabic_readings("وبحمص")
    [('وبحمص', 0), ('بحمص', 1), ('حمص', 2)]
    """
    readings = [(folded, 0)]
    short = len(folded) == 3 and folded[1:] in _SHORT_NAME_STARTS and folded[0] in _SHORT_WORD_CLITICS
    if (len(folded) >= 4 or short) and folded[0] in ARABIC_CLITICS:
        readings += _behind(folded[0], folded[1:], 1)
    if len(folded) >= 5 and folded[0] in ARABIC_CONJUNCTIONS and folded[1] in _PREPOSITIONS:
        readings += _behind(folded[1], folded[2:], 2)  # "وبحمص", "وللرقة": and + in/to + the name
    return readings


def _behind(clitic: str, rest: str, offset: int) -> list[tuple[str, int]]:
    """The readings of what follows a clitic: ل before ل is ل + ال, or ل + ال + a name that begins with ل."""
    if rest.startswith("ل") and clitic == "ل":
        return [(_ARTICLE + rest[1:], offset), (_ARTICLE + rest, offset)]
    return [(rest, offset)]


#: The clitics that may follow a conjunction (:data:`~gazetteer.normalize.ARABIC_CONJUNCTIONS`).
_PREPOSITIONS = "بلك"


def _arabic_keys(reading: str) -> tuple[str, str]:
    """(loose key, strict key) of one Arabic reading: the bare word, and the word with its article or marked bare."""
    if reading.startswith(_ARTICLE) and len(reading) >= 4:
        return reading[2:], reading
    return reading, _BARE + reading


def _keys_of(word: str) -> tuple[tuple[str, ...], tuple[int, ...], bool]:
    """A word's spot keys, best first, the offset each starts at, and whether it is an article."""
    if _ARABIC_RE.search(word) is None:
        exact, variant = exact_and_variant(word)  # both keys in one pass, without the skeleton
        folded = exact.replace(" ", "")
        if folded and _is_article(folded):
            return (folded,), (0,), True
        return (variant.replace(" ", "") if folded else "",), (0,), False
    keys: list[str] = []
    offsets: list[int] = []
    for reading, offset in _arabic_readings(fold(word).replace(" ", "")):
        for key in (*_arabic_keys(reading), *(_arabic_keys(_ABU_CASES[reading]) if reading in _ABU_CASES else ())):
            if key not in keys:
                keys.append(key)
                offsets.append(offset)
    return tuple(keys), tuple(offsets), False


#: أبا and أبي, the accusative and the genitive of أبو ("father of", which opens names: "مطار أبي
#: الظهور", Abu al-Duhur's airbase), folded: also spotted as أبو, as names write it (after the
#: word's own keys, which a name's spot key takes).
_ABU_CASES = {"ابا": "ابو", "ابي": "ابو"}


#: What :func:`tokenize` keeps of a word: its keys, their offsets, article, capital, and how many
#: characters to drop at its end (the "'s" of "Aleppo's"); ``None`` for a word with no key.
_WordToken = tuple[tuple[str, ...], tuple[int, ...], bool, bool, int]


@lru_cache(maxsize=65536)
def _word_keys(word: str) -> _WordToken | None:
    """Everything :func:`tokenize` needs of a word, once per distinct word."""
    trim = 2 if word[-1] in "sS" and len(word) >= 5 and word[-2] in "'’" else 0
    keys, offsets, article = _keys_of(word[:-2] if trim else word)
    if not keys[0] and len(keys) == 1:
        return None
    return keys, offsets, article, word[0].isupper(), trim


class Words:
    """The words of a text that have a key, one list per :class:`Token` field (``words.start[i]``...).

    Every list comes from a C-level pass (``re.split``, ``accumulate``, ``map``
    over the cached :func:`_word_keys`), so a long text costs no Python step
    and no record per word; :meth:`starting` takes one Python step per
    *distinct* word. Given the index's ``names`` (its :class:`SpotIndex`), a و
    that text extraction glued between two names is cut off (:func:`_cut_at_and`).

    >>> words = Words("Aleppo's Ra's")
    >>> len(words), words.start, words.end, words.keys
    (2, [0, 9], [6, 13], [('alabu',), ('ras',)])
    """

    __slots__ = ("_infos", "article", "capital", "end", "keys", "offsets", "start")

    def __init__(self, text: str, names: SpotIndex | None = None) -> None:
        parts = _SPLIT_RE.split(text)  # text between words, a word, text between words, ...
        bounds = list(accumulate(map(len, parts), initial=0))
        words: list[str] = parts[1::2]
        del parts  # the text between words, freed before the columns are made
        starts: list[int] = bounds[1:-1:2]
        ends: list[int] = bounds[2::2]
        del bounds
        distinct = set(words)
        glued = {w: cuts for w in distinct if (cuts := _glue_cuts(w))}  # once per distinct word
        if names is not None:
            glued = _cut_at_and(distinct, glued, names)
            glued = _cut_between_words(distinct, glued, names)
        if glued:
            words, starts, ends = _unglued(words, starts, ends, glued)
        found: list[_WordToken | None] = list(map(_word_keys, words))
        if "-" in text:
            _mark_hyphenated_articles(text, words, starts, found)
        del words  # each word is known by its keys from here on
        if None in found:  # a word with no key (a number's, a mark's): left out
            kept = list(map(is_not, found, repeat(None)))
            starts, ends, found = list(compress(starts, kept)), list(compress(ends, kept)), list(compress(found, kept))
        infos = cast("list[_WordToken]", found)  # no None left
        self._infos = infos  # shared: one tuple per distinct word
        self.start: list[int] = starts
        trims = list(map(itemgetter(4), infos))
        self.end: list[int] = list(map(sub, ends, trims)) if any(trims) else ends  # without a possessive 's
        #: Spot keys, best first, and the characters a clitic takes before each.
        self.keys: list[tuple[str, ...]] = list(map(itemgetter(0), infos))
        self.offsets: list[tuple[int, ...]] = list(map(itemgetter(1), infos))
        self.article: list[bool] = list(map(itemgetter(2), infos))  #: an article word (al, el, ar, ez...)
        self.capital: list[bool] = list(map(itemgetter(3), infos))  #: a Latin word written with a capital

    def __len__(self) -> int:
        return len(self.start)

    def token(self, i: int) -> Token:
        """Word ``i`` as one record."""
        return Token(self.start[i], self.end[i], self.keys[i], self.offsets[i], self.article[i], self.capital[i])

    def starting(self, first_keys: frozenset[str]) -> list[int]:
        """Where a name may begin: the words that are no article and have a key in ``first_keys``."""
        ids = list(map(id, self._infos))  # a distinct word's info is one shared tuple (or a few equal ones)
        may_begin = {
            i: not info[2] and not first_keys.isdisjoint(info[0]) for i, info in dict(zip(ids, self._infos)).items()
        }  # once per distinct word
        return list(compress(range(len(ids)), map(may_begin.__getitem__, ids)))


_SPLIT_RE = re.compile(f"({_WORD_RE.pattern})")


#: :data:`~gazetteer.normalize.HYPHENATED_ARTICLE_RE` without its lookbehind, which makes a scan of a
#: long text six times slower: a match that begins a one-letter word has no letter before it.
_ARTICLE_LETTER_RE = re.compile(HYPHENATED_ARTICLE_RE.pattern.removeprefix(r"(?<![\w'’-])"))


def _mark_hyphenated_articles(text: str, words: list[str], starts: list[int], found: list[_WordToken | None]) -> None:
    """Make each one-letter article written with a hyphen ("a-Raqqa", "Deir e-Zor",
    :data:`~gazetteer.normalize.HYPHENATED_ARTICLE_RE`) an article word in ``found``: the letter
    alone is no article ("a Homs hospital").

    >>> text = "Jisr a-Shughour, a town"
    >>> Words(text).article
    [False, True, False, False, False]
    """
    for m in _ARTICLE_LETTER_RE.finditer(text):  # the checks below stand for the pattern's lookbehind
        if m.start() and (text[m.start() - 1].isalnum() or text[m.start() - 1] in "_'’-"):
            continue  # "3a-Z", "'a-Raqqa": a word's character or a quote right before the letter
        i = bisect_left(starts, m.start())
        if i < len(starts) and starts[i] == m.start() and len(words[i]) == 1:
            found[i] = ((words[i].lower(),), (0,), True, words[i].isupper(), 0)


def _glue_cuts(word: str) -> tuple[int, ...]:
    """Where, inside ``word``, a word that text extraction glued to it begins: after an infobox label
    that begins it ("GovernorateIdlib"), after each ة or ى followed by a letter ("مدينةحماة"), where
    Latin letters meet Arabic ones ("Qanunدير").

    >>> _glue_cuts("GovernorateIdlib"), _glue_cuts("مدينةحماةمسافة"), _glue_cuts("Idlib"), _glue_cuts("Qanunدير")
    ((11,), (5, 9), (), (5,))
    """
    label = _GLUED_LABEL_RE.match(word)
    if label is None and _GLUED_ARABIC_RE.search(word) is None and _SCRIPT_CHANGE_RE.search(word) is None:
        return ()  # almost every word
    cuts = {m.end() for m in _GLUED_ARABIC_RE.finditer(word)} | {m.start() for m in _SCRIPT_CHANGE_RE.finditer(word)}
    if label is not None:
        cuts.add(label.end())
    return tuple(sorted(cuts))


#: The conjunction "و" (and), which text extraction glues to the next name where a link was
#: ("الرستنوتلبيسة": al-Rastan and Talbiseh).
_AND = "\u0648"
#: The fewest letters on each side of a glued "و" (:func:`_cut_at_and`).
_AND_SIDE_MIN = 3


def _cut_at_and(distinct: set[str], glued: dict[str, tuple[int, ...]], names: SpotIndex) -> dict[str, tuple[int, ...]]:
    """``glued`` (a word -> :func:`_glue_cuts`) with a cut before each "و" that joins two names text
    extraction glued together: "بين بانياسومصياف" is Baniyas and Masyaf, "كرنازوحيالين" Karnaz and
    Hayalin. A piece of a word (what the other cuts leave) is cut there when it begins no name, is no
    common word, what stands before the "و" is a word of some name and what follows begins one.

    >>> from gazetteer import load
    >>> index = load().opened.spot_index()
    >>> _cut_at_and({"الرستنوتلبيسة", "والحولة", "مدينةحماة"}, {"مدينةحماة": (5,)}, index)
    {'مدينةحماة': (5,), 'الرستنوتلبيسة': (6,)}
    """
    out = dict(glued)
    for word in distinct:
        if _AND not in word[_AND_SIDE_MIN:-_AND_SIDE_MIN] or _ARABIC_RE.match(word) is None:
            continue  # almost every word
        cuts = glued.get(word, ())
        begins = (0, *cuts)
        found = [
            begin + at for begin, end in zip(begins, (*cuts, len(word))) if (at := _and_inside(word[begin:end], names))
        ]
        if found:
            out[word] = tuple(sorted({*cuts, *found}))
    return out


#: The fewest letters of a word that :func:`_cut_between_words` reads as two, and of the name in it.
_GLUED_WORD_MIN = 6
_GLUED_NAME_MIN = 4


def _cut_between_words(
    distinct: set[str], glued: dict[str, tuple[int, ...]], names: SpotIndex
) -> dict[str, tuple[int, ...]]:
    """``glued`` with a cut inside each Arabic word that text extraction made of two where a link or a
    line break was: two one-word names ("بانياسمصياف": Baniyas and Masyaf, "المزيريبدرعا"), a
    preposition and a name ("مندمشق": from Damascus), a name and و with a common word ("دمشقومنطقة").
    Only a word of six letters or more that is no common word and begins no name, cut at the one
    place where both sides read so; a name of four letters or more.

    >>> from gazetteer import load
    >>> index = load().opened.spot_index()
    >>> sorted(_cut_between_words({"مندمشق", "بانياسمصياف", "مدينة", "المعارضة", "عنصرين"}, {}, index).items())
    [('بانياسمصياف', (6,)), ('مندمشق', (2,))]
    """
    out = dict(glued)
    for word in distinct:
        if len(word) < _GLUED_WORD_MIN or word in glued or _ARABIC_RE.match(word) is None or is_common_arabic(word):
            continue
        folded = fold(word)
        if len(folded) != len(word) or not _may_hold_a_name(folded, names.arabic_one_word):
            continue  # almost every word: no piece of it is a name (a word with marks is left whole)
        whole = _word_keys(word)
        if whole is None or not names.first_keys.isdisjoint(whole[0]):
            continue  # a name's word, whole
        cuts = tuple(at for at in range(2, len(word) - 1) if _two_words(word[:at], word[at:], names))
        if len(cuts) == 1:
            out[word] = cuts
    return out


def _may_hold_a_name(folded: str, one_word: frozenset[str]) -> bool:
    """Whether a folded word begins or ends with a one-word name's key (with or without ال before it)."""
    for at in range(2, len(folded) - 1):
        for piece in (folded[:at], folded[at:]):
            if len(piece) >= _GLUED_NAME_MIN and (piece in one_word or (piece[2:] in one_word and piece[:2] == "ال")):
                return True
    return False


#: Prepositions that text extraction glues to the name after them ("مندمشق": from Damascus).
#: Not عن, which begins common words that end as a name does ("عنصرين", two members, is no عن + Sarin).
_GLUED_PREPOSITIONS = frozenset({"من", "في", "الى", "إلى", "على", "منذ", "حتى"})


def _two_words(left: str, right: str, names: SpotIndex) -> bool:
    """Whether ``left`` and ``right`` are two names, a preposition and a name, or a name and "و" with a
    common word (:func:`_cut_between_words`)."""
    if not _one_word_name(right, names):
        return (
            right[0] == _AND and len(right) > 3 and is_common_arabic(right[1:]) and _one_word_name(left, names)
        )  # "دمشقومنطقة": Damascus, and the district
    return left in _GLUED_PREPOSITIONS or _one_word_name(left, names)


def _one_word_name(piece: str, names: SpotIndex) -> bool:
    """Whether ``piece`` is a whole one-word name of the index, of :data:`_GLUED_NAME_MIN` letters or more."""
    if len(piece) < _GLUED_NAME_MIN:
        return False
    found = _word_keys(piece)
    return found is not None and any(k in names.first_keys and names.names_from(k) for k in found[0][:2])


def _and_inside(piece: str, names: SpotIndex) -> int:
    """Where a glued "و" between two names stands in ``piece`` (0 for none): see :func:`_cut_at_and`."""
    if len(piece) < 2 * _AND_SIDE_MIN + 1 or is_common_arabic(piece):
        return 0
    whole = _word_keys(piece)
    if whole is None or not names.first_keys.isdisjoint(whole[0]):
        return 0  # a name of its own ("الزور", "حوران") or the first word of one
    at = piece.find(_AND, _AND_SIDE_MIN)
    while 0 < at <= len(piece) - _AND_SIDE_MIN - 1:
        before, after = _word_keys(piece[:at]), _word_keys(piece[at:])
        ends_a_name = before is not None and not names.name_words.isdisjoint(before[0])
        if ends_a_name and after is not None and not names.first_keys.isdisjoint(after[0]):
            return at
        at = piece.find(_AND, at + 1)
    return 0


def _unglued(
    words: list[str], starts: list[int], ends: list[int], glued: dict[str, tuple[int, ...]]
) -> tuple[list[str], list[int], list[int]]:
    """The word columns with each glued word cut where another begins (``glued``: a glued word's
    :func:`_glue_cuts`), rebuilt in one pass (cutting in place would move the lists' tails once per cut).

    >>> _unglued(["GovernorateIdlib", "in", "مدينةحماة"], [0, 17, 20], [16, 19, 29], {"GovernorateIdlib": (11,),
    ...          "مدينةحماة": (5,)})
    (['Governorate', 'Idlib', 'in', 'مدينة', 'حماة'], [0, 11, 17, 20, 25], [11, 16, 19, 25, 29])
    """
    out_words: list[str] = []
    out_starts: list[int] = []
    out_ends: list[int] = []
    done = 0
    for k in compress(range(len(words)), map(glued.__contains__, words)):  # the glued words, in order
        out_words += words[done:k]
        out_starts += starts[done:k]
        out_ends += ends[done:k]
        word, begin = words[k], 0
        for cut in (*glued[word], len(word)):
            out_words.append(word[begin:cut])
            out_starts.append(starts[k] + begin)
            out_ends.append(starts[k] + cut)
            begin = cut
        done = k + 1
    return out_words + words[done:], out_starts + starts[done:], out_ends + ends[done:]


def tokenize(text: str) -> list[Token]:
    """The words of ``text`` with their spot keys, as records (:class:`Words` holds them as columns)."""
    words = Words(text)
    return [words.token(i) for i in range(len(words))]


@lru_cache(maxsize=1)
def _generic_words() -> frozenset[str]:
    latin = (*_GENERIC_MAP, *_GENERIC_MAP.values(), *_GENERIC_LATIN)
    return frozenset({*(k for w in latin for k in _keys_of(w)[0]), *(fold(w) for w in _GENERIC_ARABIC)})


#: Generic words that open a settlement's name and are no kind word ("Tell Diban", a hill of the town
#: Diban; "Kafr X", "Khirbet X", "تل ذيبان"; "رأس عوج", a village, is not the town Awaj; "ديار ربيعة",
#: the lands of the Rabi'a, a medieval region, is no village Rabi'ah): Latin as written with a
#: capital, Arabic folded. Not أم in Arabic (also "or": "حمص أم حماة"). Sheikh and Wadi too: "الشيخ
#: نبهان" is no village Nabhan, "Wadi Jabala" (a stream) no Jablah. And باب in Arabic: "باب تدمر", a
#: gate of Homs named after Palmyra, is no Palmyra; نهر: "نهر عفرين", the river, is not the town; نبع:
#: "نبع الفيجة", the spring, is not the town Ain al-Fijah; حصن (a fort): "حصن الأكراد" is the Krak,
#: and "الحصن" alone the village al-Husn only where the text speaks of Homs ("بناء هذا الحصن": a fort).
_NAME_OPENERS_LATIN = (
    "tell", "kafr", "khirbat", "ayn", "dayr", "bayt", "umm", "bir", "mazraat", "ras", "shaykh", "wadi",
    "hawsh", "hosh", "housh",
)  # fmt: skip
_NAME_OPENERS_ARABIC = (
    "تل", "كفر", "خربه", "عين", "دير", "بيت", "بير", "راس", "ديار", "شيخ", "وادي", "باب", "نهر", "نبع", "جديده",
    "حوش", "حصن",
)  # fmt: skip


@lru_cache(maxsize=1)
def _name_opener_keys() -> frozenset[str]:
    latin = {*_NAME_OPENERS_LATIN, *(form for form, canon in _GENERIC_MAP.items() if canon in _NAME_OPENERS_LATIN)}
    return frozenset({*(k for w in latin for k in _keys_of(w)[0]), *_NAME_OPENERS_ARABIC})


def opens_a_name(keys: tuple[str, ...]) -> bool:
    """Whether a word (its spot keys, :attr:`Words.keys`) is a generic word that opens a settlement's
    name: before a spotted name, the two are a longer name ("Tell Diban" is not the town Diban).

    >>> opens_a_name(Words("Tell").keys[0]), opens_a_name(Words("Khirbet").keys[0]), opens_a_name(Words("تل").keys[0])
    (True, True, True)
    >>> opens_a_name(Words("Town").keys[0]), opens_a_name(Words("أم").keys[0])
    (False, False)
    """
    return not _name_opener_keys().isdisjoint(keys)


def opens_a_construct(keys: tuple[str, ...]) -> bool:
    """:func:`opens_a_name`, an Arabic word written without its article: the first noun of a
    construct ("نهر عفرين", the Afrin river) has none, while "النهر سد الفرات" is "the river: the
    Euphrates Dam". But الشيخ, a title, which takes the article before a name ("الشيخ نبهان").

    >>> opens_a_construct(Words("ونهر").keys[0]), opens_a_construct(Words("النهر").keys[0])
    (True, False)
    >>> opens_a_construct(Words("Tell").keys[0]), opens_a_construct(Words("التل").keys[0])
    (True, False)
    """
    if keys[0].isascii():
        return opens_a_name(keys)
    return "شيخ" in keys or any(key[:1] == _BARE and key[1:] in _NAME_OPENERS_ARABIC for key in keys)


def spot_key(name: str, kind: str, *, core: bool = False) -> str:
    """The spot keys of the words of a name of a place of ``kind``, or "" when it is never spotted.

    Descriptive words at the edges of the name of an admin unit or a settlement
    are left out ("ناحية تلبيسة" and "Homs Governorate" are spotted as their core,
    so the descriptive word stays outside the span and tells the resolver the
    kind); a facility's or a feature's word is part of its name ("Lake Assad" is
    not "Assad", a person), though the core of a facility of
    :data:`~gazetteer.kinds.FACILITY_CORE_KINDS` is spotted too, for "the Jirah
    airbase" (it answers only with a kind word). Never spotted: a name that is nothing but
    descriptive words, or generic words without an article ("مدينة", "Khan",
    "Deir"), and a ``core`` name (derived by taking a descriptive word off) of a
    place of another kind ("الدالاتي" of "جامع الدالاتي").

    >>> spot_key("Homs Governorate", "governorate"), spot_key("Khan", "town"), spot_key("Al-Bab", "city")
    ('hums', '', 'bab')
    """
    if core and kind not in SPOTTED_CORE_KINDS and kind not in FACILITY_CORE_KINDS:
        return ""  # "الدالاتي" of "جامع الدالاتي": a landmark is spotted by its whole name
    mention = parse_mention(name)
    core_name = name if not _core_is_the_name(mention, kind) else mention.name
    loose = kind in LOOSE_ARTICLE_KINDS
    words: list[str] = []
    plain: list[str] = []  # the words as written, for the descriptor test
    with_article = False
    for token in tokenize(core_name):
        if token.article:
            with_article = True
        elif len(token.keys) > 1:  # Arabic: the reading as written, loose or strict (always for a generic word)
            bare, strict = token.keys[:2]
            words.append(bare if loose and bare not in _generic_words() else strict)
            with_article = with_article or strict.startswith(_ARTICLE)
            plain.append(bare)
        elif token.keys[0]:
            words.append(token.keys[0])
            plain.append(core_name[token.start : token.end])
    generic = _generic_words()
    if (
        not words
        or all(is_descriptor(w) for w in plain)
        or (all(w.removeprefix(_BARE).removeprefix(_ARTICLE) in generic or w in generic for w in words)
            and not with_article)
    ):  # fmt: skip
        return ""  # "Al-Bab", "التل" stay: the article makes a generic word a name
    return " ".join(words)


def _core_is_the_name(mention: Mention, kind: str) -> bool:
    """Whether a name's descriptive or province words stay outside its spotted span.

    Only for a settlement, camp or admin unit, and for a quarter or a camp only
    when the descriptive word names its kind: "Old City of Damascus" (a
    quarter), "Great Mosque of Hama" and "Port of Latakia" are spotted whole.

    >>> _core_is_the_name(parse_mention("Homs Governorate"), "governorate")
    True
    >>> _core_is_the_name(parse_mention("Old City of Damascus"), "neighbourhood")
    False
    >>> _core_is_the_name(parse_mention("Great Mosque of Hama"), "landmark")
    False

    A name that begins with "centre" is spotted without it ("مركز فيق" as "فيق"), unless what is
    left reads as a governorate: "Markaz Rif Dimashq", a district, is spotted whole (:func:`parse_mention`
    keeps the centre word before a governorate's name).

    >>> _core_is_the_name(parse_mention("مركز فيق"), "subdistrict"), parse_mention("Markaz Rif Dimashq").name
    (True, 'Markaz Rif Dimashq')
    """
    if kind not in SPOTTED_CORE_KINDS:
        return False
    if mention.descriptors and fold(mention.descriptors[0]) in CENTRE_WORDS:
        return not (kind in _CENTRE_UNITS and mention.kind_hint == "governorate")  # no unit's core is a governorate
    hint = mention.kind_hint
    if hint in SPOTTED_CORE_KINDS:
        return kind in accepts(hint) or kind not in ("neighbourhood", "camp")
    return hint is None and mention.province_hint is not None


_CENTRE_UNITS = frozenset({"district", "subdistrict"})


class Span(NamedTuple):
    """A stretch of text spelled like some indexed names."""

    start: int
    end: int
    first: int  #: index of its first token
    last: int  #: index of its last token
    rows: tuple[int, ...]  #: name rows whose spot key it matches
    key: int = 0  #: which of its first word's spot keys matched (``words.keys[first][key]``)


def spot(text: str, words: Words, index: SpotIndex) -> Iterator[Span]:
    """The longest indexed names in the text, left to right, without overlaps."""
    names_from = index.names_from
    start_of, keys_of, offsets_of = words.start, words.keys, words.offsets
    resume = 0  # the word after the last span found
    for i in words.starting(index.first_keys):  # most words begin no name: they are never looked at
        if i < resume:
            continue
        keys = keys_of[i]
        best: tuple[int, int, int, tuple[int, ...]] | None = None  # (words, last word, key number, rows)
        follow = _next_keys(text, words, i)
        for key_no, key in enumerate(keys):
            for name_words, rows in names_from(key, follow):
                if best is not None and len(name_words) <= best[0]:
                    break
                last = _match(text, words, i, name_words)
                if last is not None:
                    best = (len(name_words), last, key_no, rows)
                    break
        if best is None:
            best = _split_prefix(text, words, i, index)
        if best is None:
            continue
        _, last, key_no, rows = best
        start = start_of[i] + offsets_of[i][key_no]
        generic = last == i and keys[key_no] in _generic_words()
        if i > 0 and key_no == 0 and offsets_of[i][0] == 0 and words.article[i - 1] and _joined(text, words, i - 1):
            prev_start, prev_end = start_of[i - 1], words.end[i - 1]
            article = text[prev_start:prev_end].lower()
            if (
                text[prev_end : start_of[i]] == "-"
                or article in ("al", "el")
                or (words.capital[i - 1] and _assimilated(article, text[start_of[i] : words.end[i]]))
            ):
                start = prev_start  # "al-Rastan", "Al Rastan", "Ar Rastan": the article is part of the name
                generic = False
        if generic:  # "Deir" of "Deir al-Fardis" is not "Ad-Deir"
            continue
        offset = offsets_of[i][key_no]
        if last == i and offset and any(is_common_arabic(text[start_of[i] + k : words.end[i]]) for k in range(offset)):
            continue  # a common word is no clitic and a one-word name: "وزارة" (ministry) is not و + Zara
        yield Span(start, words.end[last], i, last, rows, key_no)
        resume = last + 1


#: Arabic generic words that a name's next word is often written onto ("كفرسجنة" and "كفر سجنة",
#: "تلكلخ" and "تل كلخ"), folded and bare (no article).
_JOINABLE_PREFIXES = frozenset(_BARE + w for w in ("كفر", "تل", "دير"))


def _split_prefix(text: str, words: Words, i: int, index: SpotIndex) -> tuple[int, int, int, tuple[int, ...]] | None:
    """A one-word name written as two words: a generic word (:data:`_JOINABLE_PREFIXES`) at word ``i``,
    a space, and the rest of the name ("كفر سجنة" for the village the index writes كفرسجنة), as
    :func:`spot`'s best (words, last word, key number, rows), or None.

    >>> from gazetteer import load
    >>> names, text = load().opened.spot_index(), "بين قريتي كفر سجنة والركايا"
    >>> words = Words(text)
    >>> best = _split_prefix(text, words, 2, names)
    >>> best is not None and text[words.start[2] : words.end[best[1]]]
    'كفر سجنة'
    """
    j = i + 1
    if j >= len(words.start) or text[words.end[i] : words.start[j]] != " " or words.article[j]:
        return None
    for key_no, key in enumerate(words.keys[i]):
        if key in _JOINABLE_PREFIXES and words.offsets[j][0] == 0:
            joined = key[1:] + words.keys[j][0]
            for candidate in (joined, _BARE + joined):
                for name_words, rows in index.names_from(candidate):
                    if len(name_words) == 1:
                        return 1, j, key_no, rows
    return None


def _assimilated(article: str, word: str) -> bool:
    """Whether a capitalised article word written apart is the article of the next word: al and el,
    or an article assimilated to the word's first letter ("Ar Rastan", "As Suwayda", "An Nabk", "Ash
    Shaykh"). "In Aleppo", "At Homs" and "As Aleppo fell" begin with an English word.

    >>> _assimilated("ar", "Rastan"), _assimilated("in", "Aleppo"), _assimilated("at", "Homs")
    (True, False, False)
    """
    if article in ("al", "el"):
        return True
    sound = article[1:] if article[:1] in "aeiu" else article
    return bool(sound) and word.lower().startswith(sound)


def _joined(text: str, words: Words, i: int) -> bool:
    """Whether word ``i`` and the next are one name's words: only joiners (at most two) between them."""
    gap = text[words.end[i] : words.start[i + 1]]
    return len(gap) <= 2 and not gap.strip(_JOINERS)  # every character a joiner


def _next_keys(text: str, words: Words, i: int) -> tuple[str, ...]:
    """The keys of the word that may carry on a name from word ``i`` (joined articles skipped):
    the second word of any longer name :func:`_match` can find there."""
    j = i + 1
    n = len(words.start)
    article = words.article
    while j < n and article[j] and _joined(text, words, j - 1):
        j += 1
    return words.keys[j] if j < n and _joined(text, words, j - 1) else ()


def _match(text: str, words: Words, i: int, name_words: Sequence[str]) -> int | None:
    """The last word of ``name_words`` matched from word ``i`` (article words in between skipped), or None."""
    last = i
    j = i + 1
    n = len(words.start)
    article, keys = words.article, words.keys
    for word in name_words[1:]:
        while j < n and article[j] and _joined(text, words, j - 1):
            j += 1
        if j >= n or word not in keys[j] or not _joined(text, words, j - 1):
            return None
        last = j
        j += 1
    return last


#: The fewest letters of a romanised name's words written as one (:func:`_joined_names`).
_JOINED_MIN_LETTERS = 7
#: A word of a name's text, to count them (:func:`_joined_names`).
_TEXT_WORD_RE = re.compile(r"[^\W_]+")


def _joined_names(spot_keys: Sequence[str], texts: Sequence[str]) -> dict[str, list[int]]:
    """The romanised names of two words, their keys written as one word, each -> its name rows:
    "Maarbalit" is "Mar Baleet", "Talkalakh" "Tall Kalakh", as :func:`gazetteer.resolve` reads
    them. Only names written as two words (spot keys leave an article out: "Saladin" is a man, not
    "Salah al-Din" joined) whose joined key has :data:`_JOINED_MIN_LETTERS` letters or more and is
    no name's one word.

    >>> keys, texts = ["mar balat", "tal kalak", "sala din", "hums", "abu ali"], ["Mar Baleet", "Tall Kalakh",
    ...     "Salah al-Din", "Homs", "Abu Ali"]
    >>> _joined_names(keys, texts)
    {'marbalat': [0], 'talkalak': [1]}
    """
    single = {k for k in spot_keys if k and " " not in k}
    out: dict[str, list[int]] = {}
    for row, key in enumerate(spot_keys):
        if key.count(" ") == 1 and key.isascii() and len(_TEXT_WORD_RE.findall(texts[row])) == 2:
            joined = key.replace(" ", "")
            if len(joined) >= _JOINED_MIN_LETTERS and joined not in single:
                out.setdefault(joined, []).append(row)
    return out


class SpotIndex:
    """Spot key sequences of an index's names, grouped by their first key, longest first."""

    def __init__(self, first_keys: Sequence[str], offsets: Sequence[int], rows: Sequence[int],
                 spot_keys: Sequence[str], texts: Sequence[str]) -> None:  # fmt: skip
        self._at = dict(zip(first_keys, range(len(first_keys))))
        self._offsets, self._rows, self._spot = offsets, rows, spot_keys
        self._joined = _joined_names(spot_keys, texts)
        #: The keys some name begins with (a romanised name of several words written as one among them).
        self.first_keys: frozenset[str] = frozenset(self._at).union(self._joined)
        self._one_word: dict[str, list[tuple[tuple[str, ...], tuple[int, ...]]]] = {}
        self._name_words: frozenset[str] | None = None
        self._arabic_one_word: frozenset[str] | None = None
        self._cache: dict[str, dict[str, list[tuple[tuple[int, int], tuple[str, ...], tuple[int, ...]]]]] = {}

    @property
    def arabic_one_word(self) -> frozenset[str]:
        """The spot keys of the one-word Arabic names, without the bare mark (built on first use):
        what :func:`_cut_between_words` looks for inside a word before it reads the word's pieces."""
        if self._arabic_one_word is None:
            self._arabic_one_word = frozenset(
                k.lstrip(_BARE) for k in set(self._spot) if " " not in k and _ARABIC_RE.match(k.lstrip(_BARE))
            )
        return self._arabic_one_word

    @property
    def name_words(self) -> frozenset[str]:
        """The keys of every word of every name (built on first use)."""
        if self._name_words is None:
            self._name_words = frozenset(k for keys in set(self._spot) for k in keys.split(" ") if k)
        return self._name_words

    def names_from(self, key: str, follow: Sequence[str] = ()) -> list[tuple[tuple[str, ...], tuple[int, ...]]]:
        """(word keys, name rows) of the names whose first word has ``key``, the longest first: the
        one-word names, and the longer ones whose second word has one of the keys ``follow``."""
        by_second = self._cache.get(key)
        if by_second is None:
            by_second = self._cache[key] = self._group(key)
        longer = [by_second[k] for k in follow if k in by_second]
        if not longer:
            return self._one_word.get(key, [])
        merged = heapq.merge(*longer, by_second.get("", []))  # the longest first, then in name order
        return [(words, rows) for _, words, rows in merged]

    def _group(self, key: str) -> dict[str, list[tuple[tuple[int, int], tuple[str, ...], tuple[int, ...]]]]:
        """The names whose first word has ``key``, by their second word's key ("" for one-word names),
        each list in the order (longest first, then as stored) that :meth:`names_from` merges."""
        i = self._at.get(key)
        groups: dict[tuple[str, ...], list[int]] = {}
        if i is not None:
            for row in self._rows[self._offsets[i] : self._offsets[i + 1]]:
                groups.setdefault(tuple(self._spot[row].split(" ")), []).append(row)
        if key in self._joined:
            groups.setdefault((key,), []).extend(self._joined[key])
        ordered = sorted(groups.items(), key=lambda kv: -len(kv[0]))
        out: dict[str, list[tuple[tuple[int, int], tuple[str, ...], tuple[int, ...]]]] = {}
        for pos, (words, rows) in enumerate(ordered):
            out.setdefault(words[1] if len(words) > 1 else "", []).append(((-len(words), pos), words, tuple(rows)))
        self._one_word[key] = [(words, rows) for _, words, rows in out.get("", [])]
        return out
