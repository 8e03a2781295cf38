"""Realistic spelling mutations (after ROMANIZATION.md), used for timing pools and synthetic growth.

*Cosmetic* mutations are the differences the romanisation note says a matcher must absorb
(vowel classes, doubled letters, the article); they keep the variant key. *Key-changing*
mutations (an extra consonant, an Arabic letter replaced) make a new name.
"""

from __future__ import annotations

import random
import re

_VOWEL_SWAPS = {"a": ("e",), "e": ("i", "a"), "i": ("e", "ee"), "u": ("ou", "o"), "o": ("ou", "u")}
_ARTICLES = ("Al-", "Al ", "El-", "al-", "el ", "Ar-", "As ", "Ad-", "Ash ", "Ez-", "")
_ARTICLE_RE = re.compile(r"^(?:[AaEe][lrsdzt]h?[- ])")
_CONSONANTS = "bdfhjklmnrstz"
_AR_LETTERS = "بتثجحخدذرزسشصضطظعغفقكلمنهوي"


def _is_arabic(text: str) -> bool:
    return any("\u0600" <= c <= "\u06ff" for c in text)


def cosmetic(text: str, rng: random.Random) -> str:
    """One spelling change a reader would not notice: vowel class, doubling, article."""
    if _is_arabic(text):
        if text.startswith("ال") and len(text) > 4:
            return text[2:]
        return "ال" + text
    choice = rng.randrange(3)
    if choice == 0:
        spots = [i for i, c in enumerate(text) if c.lower() in _VOWEL_SWAPS and i > 0]
        if spots:
            i = rng.choice(spots)
            repl = rng.choice(_VOWEL_SWAPS[text[i].lower()])
            return text[:i] + repl + text[i + 1 :]
    if choice == 1:
        spots = [i for i in range(1, len(text)) if text[i].isalpha() and text[i].lower() not in "aeiouy"]
        if spots:
            i = rng.choice(spots)
            if i + 1 < len(text) and text[i + 1] == text[i]:
                return text[:i] + text[i + 1 :]  # undouble
            return text[:i] + text[i] + text[i:]  # double
    m = _ARTICLE_RE.match(text)
    if m:
        return rng.choice(_ARTICLES) + text[m.end() :]
    return rng.choice(_ARTICLES[:5]) + text


def key_changing(text: str, rng: random.Random) -> str:
    """A different name of the same shape: one consonant (or Arabic letter) inserted or replaced."""
    if len(text) < 3:
        return text + rng.choice(_CONSONANTS)
    if _is_arabic(text):
        spots = [i for i, c in enumerate(text) if c in _AR_LETTERS]
        if not spots:
            return text + rng.choice(_AR_LETTERS)
        i = rng.choice(spots)
        new = rng.choice([c for c in _AR_LETTERS if c != text[i]])
        return text[:i] + new + text[i + 1 :]
    for _ in range(10):
        i = rng.randrange(1, len(text))
        c = rng.choice(_CONSONANTS)
        if text[i - 1].lower() != c and text[i].lower() != c:
            return text[:i] + c + text[i:]
    return text + "z"


def mutate(text: str, rng: random.Random, *, change_key: bool, cosmetic_max: int = 2) -> str:
    out = key_changing(text, rng) if change_key else text
    for _ in range(rng.randrange(cosmetic_max + 1)):
        out = cosmetic(out, rng)
    return out


def typo(text: str, rng: random.Random) -> str:
    """One keyboard slip: a letter dropped, doubled in the wrong place, or two letters swapped."""
    if len(text) < 5:
        return text + rng.choice(_CONSONANTS)
    i = rng.randrange(1, len(text) - 1)
    kind = rng.randrange(3)
    if kind == 0:
        return text[:i] + text[i + 1 :]
    if kind == 1:
        return text[:i] + text[i + 1] + text[i] + text[i + 2 :]
    return text[:i] + rng.choice(_CONSONANTS) + text[i + 1 :]


def gibberish(rng: random.Random) -> str:
    """A mention that names no Syrian place."""
    n = rng.randrange(5, 12)
    word = "".join(rng.choice("bcdfghjklmnpqrstvwxz" if i % 2 == 0 else "aeiouy") for i in range(n))
    return word.capitalize() + ("" if rng.random() < 0.7 else " " + rng.choice(("Hills", "Farms", "Junction")))
