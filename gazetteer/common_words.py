"""Common words of Arabic and English: prose that a span spelling a place's name may be.

The shipped word lists (``sources/arabic_common_words.tsv``, ``sources/english_common_words.tsv``,
from wordfreq, CC BY-SA 4.0) give each word's Zipf frequency; a word of :data:`COMMON_WORD_ZIPF` or
more is common. Spotting reads no clitic off a common Arabic word to reach a one-word name
("وزارة", ministry, is not و + Zara); geoparsing drops villages named by common words.

>>> is_common_arabic("وزارة"), is_common_arabic("تلبيسة"), is_common_english("Area"), is_common_english("Talbiseh")
(True, False, True, False)
"""

from __future__ import annotations

from functools import cache, lru_cache

from .curated import curated_text
from .normalize import fold_arabic, is_arabic

__all__ = ["COMMON_WORD_ZIPF", "is_common_arabic", "is_common_english"]

#: The Zipf frequency (wordfreq: log10 of the uses per billion words; 4.0 is ten per million) from which
#: a word is common; the shipped lists hold the words from 4.0 up. Measured on the tuning texts:
#: "العدوان" is 4.33, "الزراعة" 4.58, "area" 5.46; towns' names such as "تلبيسة" are below 3, and
#: "Damascus" (3.59) and "Dana" (3.82) below 4.
COMMON_WORD_ZIPF = 4.0


@cache
def _common_words(file: str) -> frozenset[str]:
    """The words of Zipf frequency :data:`COMMON_WORD_ZIPF` or more of a shipped word list, folded as spans are."""
    words = set()
    for line in curated_text(file).splitlines()[2:]:
        word, zipf = line.split("\t")
        if float(zipf) >= COMMON_WORD_ZIPF:
            words.add(fold_arabic(word) if is_arabic(word) else word)
    return frozenset(words)


@lru_cache(maxsize=4096)
def is_common_arabic(word: str) -> bool:
    """Whether an Arabic word, as written (its clitics included), is a common word."""
    return is_arabic(word) and fold_arabic(word) in _common_words("arabic_common_words.tsv")


@lru_cache(maxsize=4096)
def is_common_english(word: str) -> bool:
    """Whether a Latin word is a common English word, whatever its capital ("Area" at a sentence's start)."""
    return word.lower() in _common_words("english_common_words.tsv")
