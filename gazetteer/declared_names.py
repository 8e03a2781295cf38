"""Names a text gives a place it names: its other names, which the index may lack.

Encyclopedia articles and reports say what else a place is called, right after its name:
"Jairoud was known as Geroda", "Banyas (ancient Balanaea)", "Menagh Air Base (also spelled Menegh,
Mannagh, or Minakh)", "Tell Aran (Kurdish: Girê Aran)", "صلخد أو صرحد مدينة في محافظة السويداء",
"المسمية (كان اسمها قديماً فاينا)". Such a name is the place itself, in that text: each of its
occurrences is a mention of the place (:func:`with_declared_names`), where the text names nothing else.

The declaration must follow the place's own mention: a name in parentheses right after it, "or" (أو)
and a name, or a verb of naming ("known as", "called", "تسمى", "عرفت باسم") in the same sentence
with no other place between. A name the text declares is short (:data:`_MOST_WORDS` words), is no
common word and no number, and no name the text already gives another place.

>>> from gazetteer import load
>>> text = "In Roman times, Jairoud was known as Geroda. Geroda lay on the road to Damascus."
>>> [(m.text, m.match.place.name) for m in load().geoparse(text)]
[('Jairoud', 'Jirud'), ('Geroda', 'Jirud'), ('Geroda', 'Jirud'), ('Damascus', 'Damascus')]
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import replace
from operator import attrgetter

from .common_words import is_common_arabic, is_common_english
from .foreign import is_foreign
from .model import PlaceMention
from .normalize import is_arabic

__all__ = ["with_declared_names"]

#: The most words of a name a text declares ("Rahbat Malik ibn Tawk" has four).
_MOST_WORDS = 4
#: Where a declared name is looked for again: from this many characters before the place's mention
#: (an infobox's title above an article's lead) to this many after (a long article).
_REPEATS_BEFORE = 2_000
_REPEATS_AFTER = 20_000
#: How far after its place a verb of naming may stand in the same sentence ("Furqlus was known as").
_VERB_LOOK_AHEAD = 120

#: The labels of a name in parentheses: a language ("Kurdish:", "Classical Syriac:"), a
#: transliteration ("romanized:"), or "also spelled", "ancient", "formerly"...
_LABEL_RE = re.compile(
    r"\s*(?:(?:Classical|Western|Eastern|Ancient|Modern|North|South)?\s*(?:Neo-)?"
    r"(?:Arabic|Kurdish|Syriac|Aramaic|Turkish|Ottoman Turkish|Armenian|Hebrew|Greek|Latin|French|Circassian|"
    r"Assyrian|Akkadian|Persian)\s*:|romani[sz]ed\s*:?|also\s+(?:spelled|spelt|written|known\s+as|called|romani[sz]ed|transliterated)|"
    r"(?:also|or|ancient|formerly|historically|classical|medieval|old)\b|"
    r"بال(?:كردية|سريانية|تركية|آرامية|ارامية|فرنسية|إنجليزية|انجليزية|لاتينية|يونانية|عبرية|أرمنية)\s*:?)\s*",
    re.IGNORECASE,
)
#: A verb of naming in English (and what may stand before it), right after the place it names:
#: "was known as", "also called", "(also spelled".
_LATIN_VERB_RE = re.compile(
    r"(?:(?:is|was|were|are|has\s+been|had\s+been)\s+)?(?:(?:also|formerly|once|historically|locally|then|"
    r"originally|previously|later|still)\s+)*(?:known|called|named|spelled|spelt|referred\s+to)\s+"
    r"(?:(?:locally|in\s+[A-Z][a-z]+)\s+)?(?:as\s+)?(?:the\s+)?"
)
#: A verb of naming in Arabic, right after the place it names: "كانت تسمى", "عرفت باسم", "اسمها القديم".
_ARABIC_VERB_RE = re.compile(
    r"(?:و?(?:كانت|كان|قد)\s+)?(?:(?:سابقا|سابقاً|قديما|قديماً|أيضا|أيضاً)\s+)?"
    r"(?:و?(?:تسمى|تُسمى|تسمّى|تُسمَّى|يسمى|يُسمى|تدعى|تُدعى|يدعى|سميت|سُميت|سمّيت|سمي|عرفت|عُرفت|تعرف|تُعرف|"
    r"يعرف|يطلق\s+عليها|أطلق\s+عليها|يطلق\s+عليه|أطلق\s+عليه)"
    r"|و?(?:كان\s+)?اسمها\s+(?:القديم|التاريخي|السابق|الأصلي)(?:\s+هو)?|و?كان\s+اسمها|و?اسمها\s+هو)"
    r"\s+(?:(?:سابقا|سابقاً|قديما|قديماً|محليا|محلياً|أيضا|أيضاً)\s+)?(?:باسم\s+|اسم\s+)?"
)
#: Verbs after which a name takes "ب" ("عرفت بالرحبة": known as al-Rahba).
_ARABIC_VERB_WITH_BI_RE = re.compile(r"(?:عرفت|عُرفت|تعرف|تُعرف|يعرف)\s+$")
#: The end of a sentence, which no declaration crosses.
_SENTENCE_END_RE = re.compile(r"[.!?؟\n]")
#: A parenthesis right after a place's name.
_PAREN_RE = re.compile(r"\s*,?\s*\(([^()\n]{1,200})\)")
#: A correspondent's word before a place ("Enab Baladi's correspondent in Daraa (Name)"): the parenthesis
#: after the place then holds the correspondent's name, not the place's.
_REPORTER_BEFORE_RE = re.compile(r"مراسل|correspondent|reporter", re.IGNORECASE)
#: How far before a mention a correspondent's word is looked for, in characters.
_REPORTER_LOOK_BEHIND = 40
#: A dateline's outlet and dash before a place, at a line's start ("بلدي نيوز - حماة (شحود جدوع)",
#: "أخبار الآن | حمص (يوسف أبو يعقوب)"): the parenthesis after the place holds its reporter's name.
_DATELINE_BEFORE_RE = re.compile(r"(?:^|\n)[^\n]{1,30}\s[-–—|]\s*$")
#: How far before a mention :data:`_DATELINE_BEFORE_RE` reads, in characters.
_DATELINE_LOOK_BEHIND = 40
#: Nothing but spaces to the line's end (a dateline's line ends with its reporter's parenthesis).
_LINE_END_RE = re.compile(r"[ \t]*(?:\n|$)")
#: A dateline's agency after a place ("Damascus (SANA) -"), no name of it.
_DATELINE_AFTER_RE = re.compile(r"\s*[-–—]")
#: What separates the names of a list of names: a comma, a semicolon, "or", "and", "أو".
_NAME_LIST_SPLIT_RE = re.compile(r"\s*(?:[,;،؛/]|\s(?:or|and|أو)\s)\s*")
#: Words that end a bare Arabic name ("صلخد أو صرحد مدينة في..."): what the sentence goes on with.
_ARABIC_NAME_ENDS = (
    frozenset({"هي", "هو", "وهي", "وهو", "مدينة", "بلدة", "قرية", "ناحية", "قلعة", "حي", "تقع", "يقع"})
    | frozenset({"في", "من", "على", "إلى", "الى", "عن", "التي", "الذي", "كما", "حيث", "ثم", "وقد"})
    | frozenset({"بالفرنسية", "بالإنجليزية", "بالانجليزية", "بالكردية", "بالسريانية", "بالتركية", "باليونانية"})
    | frozenset({"باللاتينية"})
)
#: A word of Arabic text, up to a mark.
_ARABIC_WORD_RE = re.compile(r"[^\s،,.;؛:()\[\]«»\"“”]+")
#: The most words of a bare Arabic name (one in no quotes and no parentheses).
_MOST_BARE_ARABIC_WORDS = 3
#: The pronouns Arabic attaches to a noun ("بنواحيها", in its surroundings), which no bare name
#: declared after "أو" ends with, in a word of this many letters or more.
_PRONOUN_SUFFIXES = ("ها", "هم", "هن")
_PRONOUN_WORD_MIN = 5
#: Quotes around a declared name, and what closes a quoted or bracketed one.
_QUOTES = "\"'“”‘’«»"
_CLOSING_QUOTE_RE = re.compile(r"[\"'“”‘’«»)]")
#: "or" between two Arabic names, and the comma after a name.
_OR_RE = re.compile(r"\s*أو\s+")
_COMMA_RE = re.compile(r"\s*[,،]?\s*")
#: What may begin a declaration after a mention: a parenthesis, "أو", a verb of naming (one match
#: per mention, before the slower reading of :func:`_declared_after`).
_MAY_DECLARE_RE = re.compile(
    f"[{_QUOTES}]*\\s*[,،]?\\s*(?:\\(|أو\\s|{_LATIN_VERB_RE.pattern}|{_ARABIC_VERB_RE.pattern})"
)
#: The one-letter clitics an Arabic name may carry where the text repeats it, and a letter of Arabic
#: (marks included, which ``str.isalnum`` leaves out).
_CLITICS = "وبل"
_ARABIC_LETTER_RE = re.compile("[\u0621-\u065f\u066e-\u06d3]")  # not the Arabic comma, semicolon or question mark
#: Words that stand before the object of a preposition, which no declaration names ("north of
#: Jarabulus ... was called Karkemish", "في محافظة دير الزور واسمها...", "مدني من بلدة “أم ولد” يدعى
#: “معتز...”": the civilian is named so, a kind word and a quote between).
_PREPOSITION_BEFORE_RE = re.compile(
    r"(?:\b(?:of|in|at|near|from|to|by|with|on|into|towards?)|(?:^|\s)[وفلب]?(?:في|من|إلى|الى|على|قرب|محافظة|لمحافظة|منطقة|ريف|ناحية)"
    r"(?:\s+(?:بلدة|قرية|مدينة|حي))?)\s+[“\"«]?$",
    re.IGNORECASE,
)
#: How far before a mention :data:`_PREPOSITION_BEFORE_RE` reads, in characters.
_PREPOSITION_LOOK_BEHIND = 20
#: Marks no name holds: a label's colon, a pronunciation's brackets, a template's.
_NO_NAME_MARKS = frozenset(":[]{}|=<>")
#: Languages whose name labels a name in parentheses, with or without its colon.
_LANGUAGES = frozenset({"Arabic", "Kurdish", "Syriac", "Aramaic", "Turkish", "Armenian", "Hebrew"}) | frozenset(
    {"Greek", "Latin", "French", "English", "Persian", "Circassian"}
)
#: A word of a declared Latin name: capitalised, or a particle inside a name ("ibn", "al-").
_LATIN_PARTICLES = frozenset(
    ["al", "el", "ad", "as", "ash", "at", "az", "ibn", "bin", "bint", "abu", "de", "du", "of", "la", "le"]
)


def _name_like(item: str, *, bare_arabic: bool = False, quoted: bool = False) -> bool:
    """Whether an item of a declaration is a name: a few words, no digit, not only common words, no
    lone letter; a Latin name's words capitalised but for particles, not all common words unless
    ``quoted``; a ``bare_arabic`` name (in no quotes, after no label) of no common word and no noun
    with its pronoun.

    >>> _name_like("Geroda"), _name_like("the city"), _name_like("1920"), _name_like("Temple D")
    (True, False, False, False)
    >>> _name_like("Near East"), _name_like("Mount Bishri")
    (False, True)
    >>> _name_like("صرحد"), _name_like("المدينة"), _name_like("رصيف العربات", bare_arabic=True)
    (True, False, True)
    >>> _name_like("اجتاز بنواحيها", bare_arabic=True), _name_like("الباشا والدلبة", bare_arabic=True)
    (False, False)
    """
    words = item.split()
    if not words or len(words) > _MOST_WORDS or any(ch.isdigit() or ch in _NO_NAME_MARKS for ch in item):
        return False  # "1920", "Template:Lang-ar", "[ˈdarʕa]" (a pronunciation)
    if not all(sum(ch.isalpha() for ch in w) >= 2 for w in words):
        return False  # a lone letter ("Temple D", "A. Reifenberg") or a mark
    if is_arabic(item):
        if any(w.startswith("وال") for w in words[1:]):
            return False  # "(الباشا والدلبة)": "and the" joins two places a station serves, no name of one
        if bare_arabic:
            return len(words) <= _MOST_BARE_ARABIC_WORDS and not any(
                is_common_arabic(w) or (len(w) >= _PRONOUN_WORD_MIN and w.endswith(_PRONOUN_SUFFIXES)) for w in words
            )  # "نزل دمشق أو اجتاز بنواحيها": a clause, its noun with "its"
        return not (len(words) == 1 and is_common_arabic(words[0]))
    for w in words:
        if w.isascii() and not w[0].isupper() and w.lower().split("-")[0] not in _LATIN_PARTICLES:
            return False
    if not quoted and all(w.isascii() and is_common_english(w) for w in words):
        return False  # "Bishri (Near East)": a map's caption; quoted, "Valley of Christians" is a name
    return not (len(words) == 1 and words[0].isascii() and words[0].isupper())


def _unquoted(piece: str) -> tuple[int, int]:
    """The (start, end) of ``piece`` without the spaces and quotes around it."""
    start, stop = 0, len(piece)
    while start < stop and piece[start] in _QUOTES + " (":
        start += 1
    while stop > start and piece[stop - 1] in _QUOTES + " )":
        stop -= 1
    return start, stop


def _listed_names(chunk: str, offset: int, *, leading: bool = False) -> list[tuple[int, int]]:
    """The (start, end) of the names a parenthesis lists in ``chunk`` (which starts at ``offset``):
    the items after a label ("Kurdish: Girê Aran", "also spelled Tell Arn"), and the unlabelled ones
    when every unlabelled item is a name ("Izraa (Zorava, Zorowa or Zorabene)"), none when one is not
    ("Nawa (A. Reifenberg, 'Ancient Hebrew Arts', 1952)"); ``leading``: the names before the first item
    that is none ("was known as Betproclis or Betroclus, which were Greek...")."""
    labelled: list[tuple[int, int]] = []
    bare: list[tuple[int, int]] = []
    all_bare_names = True
    pos = 0
    for sep in [*_NAME_LIST_SPLIT_RE.finditer(chunk), None]:
        end = sep.start() if sep is not None else len(chunk)
        piece = chunk[pos:end]
        label = _LABEL_RE.match(piece)
        skip = label.end() if label is not None and label.end() > 0 else 0
        start, stop = _unquoted(piece[skip:])
        name = piece[skip + start : skip + stop]
        quoted = piece[skip:].strip()[:1] in _QUOTES
        if skip:
            if name and _name_like(name, quoted=quoted):
                labelled.append((offset + pos + skip + start, offset + pos + skip + stop))
        elif name in _LANGUAGES:
            pass  # "Kurdish, Çemê Xatûna": a label without its colon
        elif name and _name_like(name, bare_arabic=True, quoted=quoted):
            bare.append((offset + pos + start, offset + pos + stop))
        elif name:
            all_bare_names = False
            if leading:
                break  # after a verb, the names up to the sentence's next words
        pos = sep.end() if sep is not None else len(chunk)
    return labelled + (bare if all_bare_names or leading else [])


def _arabic_name_at(text: str, at: int, limit: int) -> tuple[int, int] | None:
    """The Arabic name that begins at ``at``: in quotes («X», "X"), or bare, a few words up to a mark
    or a word that goes on with the sentence (:data:`_ARABIC_NAME_ENDS`); ``None`` when none does."""
    while at < limit and text[at] == " ":
        at += 1
    if at < limit and text[at] in _QUOTES + "(":
        close = _CLOSING_QUOTE_RE.search(text, at + 1, limit)
        if close is None:
            return None
        start, stop = at + 1, close.start()
        return (start, stop) if _name_like(text[start:stop], quoted=True) else None
    taken: list[re.Match[str]] = []
    for w in _ARABIC_WORD_RE.finditer(text, at, limit):
        if text[taken[-1].end() if taken else at : w.start()].strip():
            break  # a mark between two words ends the name
        if w.group() in _ARABIC_NAME_ENDS or w.group() == "أو" or not is_arabic(w.group()):
            break
        taken.append(w)
        if len(taken) > _MOST_BARE_ARABIC_WORDS:
            return None  # no name: a clause
    if not taken:
        return None
    start, stop = at, taken[-1].end()
    return (start, stop) if _name_like(text[start:stop], bare_arabic=True) else None


def _or_names(text: str, at: int, limit: int) -> list[tuple[int, int]]:
    """The names after each "أو" (or) from ``at`` ("صلخد أو صرحد مدينة", "خناصرة أو خنيصرة أو ...")."""
    out: list[tuple[int, int]] = []
    while (m := _OR_RE.match(text, at, limit)) is not None:
        found = _arabic_name_at(text, m.end(), limit)
        if found is None:
            break
        out.append(found)
        at = found[1]
        while at < limit and text[at] in _QUOTES:
            at += 1
    return out


def _declared_after(text: str, mention: PlaceMention, next_start: int) -> list[tuple[int, int]]:
    """The names the text declares right after ``mention`` (none crosses the next mention at ``next_start``)."""
    arabic_text = is_arabic(mention.text)
    at = mention.end
    while at < len(text) and text[at] in _QUOTES:
        at += 1
    sentence_end = _SENTENCE_END_RE.search(text, at)
    limit = min(next_start, at + _VERB_LOOK_AHEAD, sentence_end.start() if sentence_end else len(text))
    out: list[tuple[int, int]] = []
    paren = _PAREN_RE.match(text, at)  # the names it holds may be spotted: "(Arabic: كفر بهم, Syriac: ...)"
    if paren is not None and _REPORTER_BEFORE_RE.search(
        text, max(0, mention.start - _REPORTER_LOOK_BEHIND), mention.start
    ):
        paren = None  # "مراسل بلدي نيوز في درعا (حذيفة حلاوة)": the correspondent's name, not the city's
    if (
        paren is not None
        and _LINE_END_RE.match(text, paren.end())
        and _DATELINE_BEFORE_RE.search(text, max(0, mention.start - _DATELINE_LOOK_BEHIND), mention.start)
    ):
        paren = None  # "بلدي نيوز - حماة (شحود جدوع)": a dateline's line, the outlet, the place and its reporter
    if paren is not None and not _DATELINE_AFTER_RE.match(text, paren.end()):
        inner_at, inner_end = paren.span(1)
        verb = (_ARABIC_VERB_RE if arabic_text else _LATIN_VERB_RE).match(text, inner_at, inner_end)
        if verb is not None and verb.end() > inner_at:
            if arabic_text:
                found = _arabic_name_at(text, verb.end(), inner_end)
                out.extend([found] if found else [])
            else:
                out.extend(_listed_names(text[verb.end() : inner_end], verb.end()))
        else:
            out.extend(_listed_names(paren.group(1), inner_at))
        at = paren.end()
    if _PREPOSITION_BEFORE_RE.search(text, max(0, mention.start - _PREPOSITION_LOOK_BEHIND), mention.start):
        return out  # "north of Jarabulus ... was called Karkemish": the subject is another
    lead = _COMMA_RE.match(text, at, max(limit, at))
    start = lead.end() if lead is not None else at
    if arabic_text:
        out.extend(_or_names(text, at, limit))
        verb = _ARABIC_VERB_RE.match(text, start, limit)
        if verb is not None and verb.end() > start:
            name_at = verb.end()
            if _ARABIC_VERB_WITH_BI_RE.search(text, start, name_at) and text[name_at : name_at + 1] == "ب":
                name_at += 1  # "عرفت بالرحبة"
            found = _arabic_name_at(text, name_at, limit)
            if found is not None:
                out.append(found)
                out.extend(_or_names(text, found[1], limit))
    else:
        verb = _LATIN_VERB_RE.match(text, start, limit)
        if verb is not None and verb.end() > start:
            out.extend(_listed_names(text[verb.end() : limit], verb.end(), leading=True))
    return out


def with_declared_names(text: str, found: list[PlaceMention]) -> list[PlaceMention]:
    """``found`` (in text order) with a mention for each occurrence of a name the text declares for one
    of its places (see the module's doc), in text order; a name declared for two places is left out."""
    if not found:
        return found
    declared: dict[str, PlaceMention] = {}
    clashing: set[str] = set()
    for k, mention in enumerate(found):
        if not _MAY_DECLARE_RE.match(text, mention.end):
            continue  # almost every mention
        next_start = found[k + 1].start if k + 1 < len(found) else len(text)
        for start, end in _declared_after(text, mention, next_start):
            name = text[start:end]
            if name == mention.text:
                continue
            other = declared.get(name)
            if other is not None and other.match.place.id != mention.match.place.id:
                clashing.add(name)
            declared.setdefault(name, mention)
    named = {m.text for m in found}
    names = {n: m for n, m in declared.items() if n not in clashing and n not in named and not is_foreign(n)}
    if not names:
        return found
    starts = [m.start for m in found]
    ends = [m.end for m in found]
    added: list[PlaceMention] = []
    for name, anchor in names.items():
        # the article around the declaration: a long text (a feed of many) costs each name its window only
        article = max(0, anchor.start - _REPEATS_BEFORE), anchor.end + _REPEATS_AFTER + len(name)
        occurrences = _occurrences(text, name, *article)
        if any(_a_dateline_s_source(text, start, start + len(name)) for start in occurrences):
            continue  # a photo's credit ("Al-Yarmouk Camp (Asharq Al-Awsat)"): no name of the place
        note = f"the text names it {name!r} (after {anchor.text!r})"
        match = replace(anchor.match, signals=(*anchor.match.signals, note))
        for start in occurrences:
            end = start + len(name)
            k = bisect_left(starts, end)  # the mentions that begin before this name ends
            if _whole_word(text, start, end) and not (k and ends[k - 1] > start):
                added.append(PlaceMention(start, end, name, match))  # not inside a mention the text has
    added.sort(key=lambda m: m.start)
    kept: list[PlaceMention] = []
    for m in added:  # a declared name inside a longer one found at the same place ("Arne" of "Girê Arne")
        if not kept or kept[-1].end <= m.start:
            kept.append(m)
        elif m.end - m.start > kept[-1].end - kept[-1].start:
            kept[-1] = m
    return sorted([*found, *kept], key=attrgetter("start"))  # two runs in order: timsort merges them


def _occurrences(text: str, name: str, start: int, stop: int) -> list[int]:
    """Where ``name`` begins in ``text[start:stop]``, each occurrence ending by ``stop`` (a scan with ``str.find``).

    >>> _occurrences("Zorava, Izraa, Zorava", "Zorava", 0, 21), _occurrences("Zorava, Izraa, Zorava", "Zorava", 1, 20)
    ([0, 15], [])
    """
    found: list[int] = []
    at = text.find(name, start, stop)
    while at >= 0:
        found.append(at)
        at = text.find(name, at + 1, stop)
    return found


def _a_dateline_s_source(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` stands as a dateline's source, after a dash and before the line's end
    or a colon ("Damascus - Asharq Al-Awsat").

    >>> _a_dateline_s_source("Damascus - Asharq Al-Awsat\\nText", 11, 26)
    True
    >>> _a_dateline_s_source("Izraa lies in Hauran - Zorava was a bishopric", 23, 29)
    False
    """
    before = text[max(0, start - 4) : start].rstrip(" \t")
    after = text[end : end + 4].lstrip(" \t")
    return before.endswith(tuple(_DASHES)) and (not after or after[0] in "\n\r:")


#: The dashes that set a dateline's place off from its source ("Damascus - SANA").
_DASHES = "-–—"


def _whole_word(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` is whole words: no letter on either side but an Arabic clitic (و ب
    ل) before an Arabic name ("بصرحد").

    >>> _whole_word("in Geroda.", 3, 9), _whole_word("Gerodas", 0, 6), _whole_word("بصرحد", 1, 5)
    (True, False, True)
    """
    if end < len(text) and (text[end].isalnum() or _ARABIC_LETTER_RE.match(text[end])):
        return False
    before = start
    if before > 0 and text[before - 1] in _CLITICS and _ARABIC_LETTER_RE.match(text[start]):
        before -= 1
    return before == 0 or not (text[before - 1].isalnum() or _ARABIC_LETTER_RE.match(text[before - 1]))
