"""Spotting: the spans of running text that are spelled like an indexed name.

Text is cut into words (letters and marks; an apostrophe inside a word keeps it
whole, a hyphen or a space separates words). Each word gets its *spot key*: its
folded form (:func:`gazetteer.normalize.fold`), with the article taken off an
Arabic word and, for an Arabic word behind a clitic (و ف ب ل ك), also the key of
the word without it. Article words (al, el, ar, ez...) are skipped, so
"al-Rastan", "Ar Rastan" and "Rastan" meet.

Every indexed name has its sequence of spot keys, stored in the index
(the ``spot`` tier of the posting lists: first key -> names). One pass over the
words finds, at each word, the longest indexed name that starts there: the cost
grows with the text, not with the number of names.

>>> [t.keys for t in tokenize("وتلبيسة al-Rastan")]
[('وتلبيسه', 'تلبيسه'), ('al',), ('rastan',)]
>>> spot_key("Ar-Rastan"), spot_key("الرستن"), spot_key("Deir ez-Zor")
('rastan', 'رستن', 'deir zor')
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from functools import lru_cache
from typing import NamedTuple

from .kinds import ADMIN_KINDS, POPULATED_KINDS
from .mention import is_descriptor, parse_mention
from .normalize import _GENERIC_MAP, _is_article, fold, strip_arabic_article

__all__ = ["Span", "SpotIndex", "Token", "spot", "spot_key", "tokenize"]

_LETTER = r"[^\W\d_]"
_MARK = "[\u0300-\u036f\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]"
_QUOTE = "['’ʼ`ʿʾ‘´]"
_WORD_RE = re.compile(f"(?:{_LETTER}|{_MARK})+(?:{_QUOTE}(?:{_LETTER}|{_MARK})+)*")
_ARABIC_RE = re.compile("[\u0600-\u06ff]")
_CLITICS = "وفبلك"
#: Words that begin many names and are no name alone (Tell, Deir, Kafr, Khan, Bab...), as spot keys.
_GENERIC_LATIN = ("tell", "tal", "tall", "khan", "bab", "jisr", "ras", "qasr", "qalaat", "qalat", "souq", "suq",
                  "nahr", "jabal", "dam")  # fmt: skip
_GENERIC_ARABIC = ("بير", "تل", "دير", "كفر", "عين", "خان", "باب", "جسر", "راس", "قصر", "قلعه", "سوق", "نهر", "جبل",
                   "بيت", "ابو", "ام")  # fmt: skip
_GENERIC_WORDS = frozenset({*_GENERIC_MAP, *(fold(w) for w in (*_GENERIC_LATIN, *_GENERIC_ARABIC))})
#: Kinds whose descriptive word a name is spotted without.
_CORE_KINDS = frozenset({*ADMIN_KINDS, *POPULATED_KINDS, "neighbourhood", "governorate"})
#: What may separate two words of one name in running text.
_JOINERS = frozenset(" -‐‑–'’")


class Token(NamedTuple):
    """A word of the text: where it is, its spot keys (best first) and the offset each key starts at."""

    start: int
    end: int
    keys: tuple[str, ...]
    offsets: tuple[int, ...]  #: characters to skip at the word's start for each key (a clitic)
    article: bool  #: an article word (al, el, ar, ez...): skipped when names are matched
    capital: bool  #: a Latin word written with a capital letter


@lru_cache(maxsize=65536)
def _word_keys(word: str) -> tuple[tuple[str, ...], tuple[int, ...], bool]:
    if _ARABIC_RE.search(word) is None:
        key = fold(word).replace(" ", "")
        return (key,), (0,), bool(key) and _is_article(key)
    folded = fold(word).replace(" ", "")
    bare = strip_arabic_article(folded)
    keys, offsets = [bare], [1 if len(folded) - len(bare) == 3 or folded.startswith("لل") else 0]
    if folded == bare and len(folded) >= 4 and folded[0] in _CLITICS:
        inner = strip_arabic_article(folded[1:])
        keys.append(inner)
        offsets.append(1)
    return tuple(keys), tuple(offsets), False


def tokenize(text: str) -> list[Token]:
    """The words of ``text`` with their spot keys."""
    out = []
    for m in _WORD_RE.finditer(text):
        word = m.group()
        keys, offsets, article = _word_keys(word)
        if keys[0] or len(keys) > 1:
            out.append(Token(m.start(), m.end(), keys, offsets, article, word[:1].isupper()))
    return out


def spot_key(name: str) -> str:
    """The spot keys of a name's words, descriptive words at its edges and article words left out.

    "ناحية تلبيسة" and "Homs Governorate" are spotted as their core, so the descriptive
    word stays outside the span (and tells the resolver the kind); a name that is nothing
    but descriptive words, or generic words without an article ("مدينة", "Khan"), is never
    spotted ("").
    """
    mention = parse_mention(name)
    # Only words that name an admin unit or a settlement come off ("ناحية تلبيسة", "Homs Governorate");
    # a facility's or a feature's word is part of its name ("Lake Assad" is not "Assad", a person).
    core = mention.name if mention.kind_hint in _CORE_KINDS or mention.province_hint else name
    tokens = tokenize(core)
    words = [t.keys[0] for t in tokens if not t.article and t.keys[0]]
    with_article = any(t.article for t in tokens) or any(t.offsets[0] for t in tokens) or core.startswith("ال")
    if (
        not words
        or all(is_descriptor(w) for w in words)
        or (all(w in _GENERIC_WORDS for w in words) and not with_article)
    ):
        return ""  # "Al-Bab", "التل" stay: the article makes a generic word a name
    return " ".join(words)


class Span(NamedTuple):
    """A stretch of text spelled like some indexed names."""

    start: int
    end: int
    first: int  #: index of its first token
    last: int  #: index of its last token
    rows: tuple[int, ...]  #: name rows whose spot key it matches


def _joined(text: str, a: Token, b: Token) -> bool:
    gap = text[a.end : b.start]
    return len(gap) <= 2 and all(c in _JOINERS for c in gap)


def spot(text: str, tokens: Sequence[Token], index: SpotIndex) -> Iterator[Span]:
    """The longest indexed names in the text, left to right, without overlaps."""
    n = len(tokens)
    i = 0
    while i < n:
        tok = tokens[i]
        if tok.article:
            i += 1
            continue
        best: tuple[int, int, int, tuple[int, ...]] | None = None  # (words, last token, key number, rows)
        for key_no, key in enumerate(tok.keys):
            for words, rows in index.names_from(key):
                if best is not None and len(words) <= best[0]:
                    break
                last = _match(text, tokens, i, words)
                if last is not None:
                    best = (len(words), last, key_no, rows)
                    break
        if best is None:
            i += 1
            continue
        _, last, key_no, rows = best
        start = tok.start + tok.offsets[key_no]
        if i > 0 and key_no == 0 and tok.offsets[0] == 0:
            prev = tokens[i - 1]
            if (
                prev.article
                and _joined(text, prev, tok)
                and (
                    text[prev.end : tok.start] == "-"
                    or prev.capital
                    or text[prev.start : prev.end].lower() in ("al", "el")
                )
            ):
                start = prev.start  # "al-Rastan", "Al Rastan": the article is part of the name
        yield Span(start, tokens[last].end, i, last, rows)
        i = last + 1


def _match(text: str, tokens: Sequence[Token], i: int, words: Sequence[str]) -> int | None:
    """The last token of ``words`` matched from token ``i`` (article words in between skipped), or None."""
    last = i
    j = i + 1
    for word in words[1:]:
        while j < len(tokens) and tokens[j].article and _joined(text, tokens[j - 1], tokens[j]):
            j += 1
        if j >= len(tokens) or tokens[j].keys[0] != word or not _joined(text, tokens[j - 1], tokens[j]):
            return None
        last = j
        j += 1
    return last


class SpotIndex:
    """Spot key sequences of an index's names, grouped by their first key, longest first."""

    def __init__(self, first_keys: Sequence[str], offsets: Sequence[int], rows: Sequence[int],
                 spot_keys: Sequence[str]) -> None:  # fmt: skip
        self._at = dict(zip(first_keys, range(len(first_keys))))
        self._offsets, self._rows, self._spot = offsets, rows, spot_keys
        self._cache: dict[str, list[tuple[tuple[str, ...], tuple[int, ...]]]] = {}

    def names_from(self, key: str) -> list[tuple[tuple[str, ...], tuple[int, ...]]]:
        """(word keys, name rows) of the names whose first word has ``key``, the longest first."""
        found = self._cache.get(key)
        if found is None:
            i = self._at.get(key)
            groups: dict[tuple[str, ...], list[int]] = {}
            if i is not None:
                for row in self._rows[self._offsets[i] : self._offsets[i + 1]]:
                    groups.setdefault(tuple(self._spot[row].split(" ")), []).append(row)
            found = sorted(((k, tuple(v)) for k, v in groups.items()), key=lambda kv: -len(kv[0]))
            self._cache[key] = found
        return found
