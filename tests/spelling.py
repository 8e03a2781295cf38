"""Spelling mutations of real names: each changes the exact key and keeps the variant key.

The property tests (and the benchmarks) need spellings of a name that a reader takes for the
same name. A mutation here is one *class* of the differences that ROMANIZATION.md and the
rules of :mod:`gazetteer.normalize` say carry no identity, applied at one or more places of a
name where the documented rules absorb it. Every class changes the folded text (the exact key,
``keys(x).exact``), so the lookup must go past its first tier; none changes the variant key.

:func:`mutate` returns ``(mutated text, class name)``, or ``None`` when the class has no place
to apply in that name (never the name unchanged). The sites are found from the rules as the
module docs of :mod:`gazetteer.normalize` and ROMANIZATION.md write them, re-derived here on a
folded copy of the name: nothing here computes a key, so the tests measure the key functions.
A mutation never makes or touches a word that :func:`gazetteer.mention.parse_mention` takes off
a name ("Tell Bise" -> "Tell Base" is the airbase of Tell, not a spelling of Tell Bise).

Latin classes (:data:`LATIN_CLASSES`): ``q_k_g``, ``ch_sh``, ``kh_x``, ``ou_u_o``
(Qosour → Qusur), ``e_i_a`` (vowel classes), ``doubled`` (letters doubled or undoubled),
``article`` (al-/el-/Al /ar-... replaced, glued, added or dropped), ``ending`` (-ah/-eh/-a/-e,
-at/-et before another word), ``nisba`` (-iyah/-iyya/-iyeh/-ieh/-ia...), ``join`` and ``split``
(words joined or split where no article sits inside). Case, diacritics (ḩ ş ā...), ‘ marks
and hyphens change no key: they come on top as noise (``noise=True``).

Arabic classes (:data:`ARABIC_CLASSES`): ``hamza_waw`` (ؤ → و), ``hamza_ya`` (ئ → ي),
``hamza_drop`` (ء dropped), ``article`` (ال added or removed), ``join``, ``split``, and the
folds that alone leave the exact key as it is (``fold_arabic`` folds them too), each combined
with one of those six and named ``<fold>+<class>``: ``ta_marbuta`` (ة/ه at a word end),
``alef_maqsura`` (ى/ي at a word end), ``harakat``, ``tatweel``, ``alef_forms`` (أ إ آ ٱ / ا).

Left out because the documented rules do not merge them (so no generator could keep the
variant key): kh ≈ h (Muharram/Mukharram stay apart), j ≈ g (g is q's class), th ≈ s,
dh ≈ z, -i ≈ -a (Sharqi/Sharqa), ay ≈ u (Qusayr/Qusur), و/ؤ the other way (a hamza added).
"""

from __future__ import annotations

import itertools
import random
import re
import unicodedata
from collections.abc import Callable
from functools import lru_cache
from typing import NamedTuple

from gazetteer.mention import parse_mention

__all__ = [
    "ARABIC_CLASSES",
    "ARABIC_FOLDS",
    "KNOWN_BUGS",
    "LATIN_CLASSES",
    "applies",
    "mutate",
    "mutate_arabic",
    "mutate_latin",
]

#: Library bugs the generators step around, each pinned by strict-xfail examples (test_properties.py,
#: test_normalize.py's test_variant_key__known_bugs): remove an entry when its examples pass.
KNOWN_BUGS = frozenset(
    {
        # Generic words are looked up before the vowel classes, and the table lacks their vowel-class
        # spellings: "Kefer" is not "Kafer" (-> kafr), so variant_key("Kefer Batna") != variant_key("Kafer Batna").
        "generic_words_before_vowel_classes",
    }
)

# --- the rules, as documented (gazetteer/normalize.py module docs, ROMANIZATION.md) ---------------------

_VOWELS = frozenset("aeiou")
_CONSONANTS = frozenset("bcdfghjklmnpqrstvxz")  # y and w are half vowels: left out of "consonant" sites
_GLUE_CONSONANTS = frozenset("bcdfghjklmnpqrstvwxyz")  # "al/el + consonant glued": any letter but a vowel
_SUN = frozenset("tdrzsn")
_ARTICLES_E = "el er es esh et ez ed en ej ech"
_I_FORMS = "il ir is ish it ith id idh iz in" + ("" if "article_i_forms_ich_ij" in KNOWN_BUGS else " ij ich")
_ARTICLES = frozenset(
    f"al ul ar as ash at ath ad adh az an {_ARTICLES_E} {_I_FORMS} ehl ehs ehsh eht ehd ehr ehn ehz".split()
)
#: Article forms the ``article`` class writes, by the first consonant sound of the next word.
_ARTICLE_FOR = {
    "sh": ("ash", "esh", "ish", "ech"),
    "ch": ("ech", "esh", "ash"),
    "th": ("ath", "ith"),
    "dh": ("adh", "idh"),
    "r": ("ar", "er", "ir"),
    "s": ("as", "es", "is"),
    "t": ("at", "et", "it"),
    "d": ("ad", "ed", "id"),
    "z": ("az", "ez", "iz"),
    "n": ("an", "en", "in"),
    "j": ("ej",) + (() if "article_i_forms_ich_ij" in KNOWN_BUGS else ("ij",)),
}
_PLAIN_ARTICLES = ("al", "el", "il", "ul")
_SEPARATORS = (" ", "-")
#: Generic words (every spelling the variant key maps, and their canonical forms): their letters are
#: looked up whole, so the generators leave them alone.
_GENERIC_FORMS = {
    "kafr": "kfar kafar kafer kefar kefr kfr kufr kufer kfer",
    "jabal": "jbel jbal djbel jebl jbl",
    "dayr": "der dier deyr dyr dajr dejr",
    "ayn": "aine ein ain aayn aein ajn ejn",
    "khirbat": "kheurbet khirbet kherbet khirbit kharbat khurbat",
    "wadi": "ouadi wady oued",
    "abu": "bu abul albu abo abou ebu",
    "bir": "bier beer bire",
    "bin": "ibn ben ebn",
    "bayt": "bet beit bait beyt",
    "shaykh": "sheik shekh shiekh shiek shaik sheykh sheikh shaikh cheikh chaikh cheykh shykh",
}
_CANONICAL_GENERIC = frozenset(_GENERIC_FORMS)
_GENERIC = _CANONICAL_GENERIC | {form for forms in _GENERIC_FORMS.values() for form in forms.split()}
#: Digraphs the consonant classes read as one sound: a join must not make one across two words.
_DIGRAPH_PAIRS = frozenset({("c", "h"), ("d", "h"), ("t", "h"), ("g", "h"), ("p", "h"), ("s", "h"), ("k", "h")})
_DIGRAPH_PAIRS |= {("d", "j"), ("d", "z"), ("t", "c"), ("c", "k")}
_TA_ENDINGS = ("ah", "eh", "a", "e")
_CONSTRUCT_ENDINGS = ("at", "et")
_NISBA_ENDINGS = ("iyah", "iyya", "iyyah", "iyeh", "ieh", "ie", "iye", "iya", "ia")
_NISBA_HEADS = ("iyy", "iy", "eyy", "ey", "i")
_QUOTES = frozenset("ʿʾ‘’'`´ʻʼ′ʹ")
_DOTTED_H = frozenset("ḩḨḥḤħĦ")


def _collapse(word: str) -> str:
    out = []
    for c in word:
        if not out or out[-1] != c:
            out.append(c)
    return "".join(out)


_ARTICLE_SET = frozenset(_collapse(a) for a in _ARTICLES)


def _is_article(word: str) -> bool:
    return _collapse(word) in _ARTICLE_SET


def _glued_strip(word: str) -> str:
    """A word without its glued article: al/el/il + consonant + 2 letters (a doubled l read as one),
    e + doubled sun letter + 2 letters."""
    if len(word) >= 5 and word[0] == "e" and word[1] == word[2] and word[1] in _SUN and word[3:5].isalpha():
        return word[1:]
    if word[:1] in ("a", "e", "i") and word[1:2] == "l":
        rest = word[1:].lstrip("l")
        if len(rest) >= 3 and rest[0] in _GLUE_CONSONANTS and rest[1:3].isalpha():
            return rest
    return word


def _consonantal_t(word: str) -> bool:
    """The consonant-only rule: 4+ letters, no e/i/o/u, at most one a, ending in a consonant + t."""
    word = _collapse(word)
    return (
        len(word) >= 4
        and word.isalpha()
        and not any(c in "eiou" for c in word)
        and word.count("a") <= 1
        and word.endswith("t")
        and word[-2] not in "aeiou"
        and word != "bayt"
    )


def _is_nisba(word: str) -> bool:
    n = len(word)
    return any(word[p:] in {h + e for h in _NISBA_HEADS for e in _TA_ENDINGS} for p in range(2, n - 1))


# --- Latin text as folded words, each letter tied to the raw character it comes from ---------------


class _Word(NamedTuple):
    letters: str  # folded: lower-case ASCII letters and digits
    at: tuple[int, ...]  # raw index of each folded letter


def _fold_char(c: str) -> str:
    base = unicodedata.normalize("NFKD", c)
    base = "".join(ch for ch in base if not unicodedata.combining(ch))
    return base.lower() if base.isascii() else ""


def _latin_words(text: str) -> list[_Word] | None:
    """The folded words of a Latin name; None when a character does not fold to plain ASCII letters."""
    words = _latin_words_cached(text)
    return None if words is None else list(words)


@lru_cache(maxsize=16384)
def _latin_words_cached(text: str) -> tuple[_Word, ...] | None:
    words: list[_Word] = []
    letters: list[str] = []
    at: list[int] = []

    def close() -> None:
        if letters:
            words.append(_Word("".join(letters), tuple(at)))
            letters.clear()
            at.clear()

    for i, c in enumerate(text):
        if c in _QUOTES:
            if "".join(letters) in ("al", "el") and i + 1 < len(text) and text[i + 1].isalpha():
                close()  # "Al‘Awamid": an article glued by a mark is a word of its own
            continue
        if unicodedata.combining(c):
            continue
        f = _fold_char(c)
        if len(f) == 1 and f.isalnum():
            letters.append(f)
            at.append(i)
        elif c.isalpha() or (f and f.isalnum()):
            return None  # a ligature or a letter of another script: not a name these rules describe
        else:
            close()
    close()
    return tuple(words)


def _replace(text: str, edits: list[tuple[int, int, str]]) -> str:
    """Apply (start, end, new) edits on raw indices, keeping the case of the first replaced letter."""
    for start, end, new in sorted(edits, reverse=True):
        old = text[start:end]
        if old[:1].isupper() and new:
            new = new[0].upper() + new[1:]
        text = text[:start] + new + text[end:]
    return text


def _span(w: _Word, lo: int, hi: int) -> tuple[int, int] | None:
    """Raw span of folded letters lo..hi-1, or None when something else sits between them."""
    start, end = w.at[lo], w.at[hi - 1] + 1
    return (start, end) if end - start == hi - lo else None


@lru_cache(maxsize=65536)
def _status(letters: str) -> tuple[bool, str, bool, bool]:
    """What the word rules make of a folded word: an article, a glued article, a generic word, a
    consonant-only -t word.

    The article and glued-article rules read the word as written; the others, its doubled letters collapsed.
    """
    glued = _glued_strip(letters)
    core = _collapse(glued)
    return _is_article(letters), letters[: len(letters) - len(glued)], core in _GENERIC, _consonantal_t(core)


def _plain(w: _Word) -> bool:
    """A word whose letters the generators may touch: no article, no generic word, no digit."""
    status = _status(w.letters)
    return w.letters.isalpha() and not status[0] and not status[2]


def _content(words: list[_Word]) -> list[int]:
    return [i for i, w in enumerate(words) if not _is_article(w.letters)]


def _runs(letters: str) -> tuple[str, list[int], list[int]]:
    """A word with its doubled letters collapsed, and where each collapsed letter's run starts and ends."""
    collapsed: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    for i, c in enumerate(letters):
        if collapsed and collapsed[-1] == c:
            ends[-1] = i + 1
        else:
            collapsed.append(c)
            starts.append(i)
            ends.append(i + 1)
    return "".join(collapsed), starts, ends


_Sites = list[tuple[int, int, int, tuple[str, ...]]]  # (word, lo, hi: folded letters, replacements)
_Pick = Callable[[str, int], tuple[int, tuple[str, ...]] | None]


def _letter_sites(words: list[_Word], pick: _Pick) -> _Sites:
    """Where ``pick`` finds a site in a word's collapsed letters (the rules after the articles read those),
    with the replacements that leave what the word rules make of the word (:func:`_status`) as it was."""
    sites: _Sites = []
    for wi, w in enumerate(words):
        if not _plain(w) or _descriptive(w.letters):
            continue
        collapsed, starts, ends = _runs(w.letters)
        for i in range(len(collapsed)):
            found = pick(collapsed, i)
            if not found:
                continue
            size, options = found
            lo, hi = starts[i], ends[i + size - 1]
            if not _span(w, lo, hi):
                continue
            # a word that becomes a generic word ("Kefer" -> "Kafer") is read by the generic table
            options = tuple(r for r in options if _keeps(w.letters, w.letters[:lo] + r + w.letters[hi:]))
            if options:
                sites.append((wi, lo, hi, options))
    return sites


def _keeps(letters: str, new: str) -> bool:
    """Whether the word rules read a mutated word as they read the word (:func:`_status`), and it describes nothing."""
    return _status(new) == _status(letters) and not _descriptive(new)


def _apply_sites(text: str, words: list[_Word], sites: _Sites, rnd: random.Random, many: bool) -> str | None:
    if not sites:
        return None
    rnd.shuffle(sites)
    chosen = sites[: rnd.randint(1, len(sites))] if many else sites[:1]
    taken: set[tuple[int, int]] = set()
    edits = []
    new_words = {wi: words[wi].letters for wi, *_ in chosen}
    for wi, lo, hi, repl in sorted(chosen, key=lambda site: (site[0], -site[1])):
        if any((wi, k) in taken for k in range(lo - 1, hi + 1)):
            continue  # neighbouring sites: their conditions were read on the original letters
        taken.update((wi, k) for k in range(lo, hi))
        start, end = _span(words[wi], lo, hi) or (0, 0)
        new = rnd.choice(repl)
        edits.append((start, end, new))
        new_words[wi] = new_words[wi][:lo] + new + new_words[wi][hi:]
    if any(_status(new) != _status(words[wi].letters) for wi, new in new_words.items()):
        wi, lo, hi, repl = chosen[0]  # together the sites made another kind of word: the first one alone
        start, end = _span(words[wi], lo, hi) or (0, 0)
        edits = [(start, end, rnd.choice(repl))]
    return _replace(text, edits)


def _qkg(word: str, i: int) -> tuple[int, tuple[str, ...]] | None:
    c = word[i]
    nxt = word[i + 1 : i + 2]
    if c in "qkg" and nxt != "h":  # gh is k's digraph; kh a sound of its own
        return 1, tuple(x for x in "qkg" if x != c)
    return None


def _chsh(word: str, i: int) -> tuple[int, tuple[str, ...]] | None:
    pair = word[i : i + 2]
    if pair in ("ch", "sh") and word[i - 1 : i] != "t":  # tch is sh, tsh is not
        return 2, ("sh",) if pair == "ch" else ("ch",)
    return None


def _khx(word: str, i: int) -> tuple[int, tuple[str, ...]] | None:
    if word[i : i + 2] == "kh":
        return 2, ("x",)
    if word[i] == "x":
        return 1, ("kh",)
    return None


def _between_consonants(word: str, i: int, size: int) -> bool:
    before = word[i - 1] if i else ""
    after = word[i + size : i + size + 1]
    return (before == "" or before in _CONSONANTS) and after != "" and after in _CONSONANTS


def _ou(word: str, i: int) -> tuple[int, tuple[str, ...]] | None:
    # u ≈ ou ≈ o ≈ oo between consonants: before a vowel ou is w, after a or e a diphthong.
    for old, new in (("ou", ("u", "o")), ("oo", ("u", "ou")), ("o", ("u", "ou")), ("u", ("o", "ou"))):
        if word.startswith(old, i) and _between_consonants(word, i, len(old)):
            return len(old), new
    return None


def _eia(word: str, i: int) -> tuple[int, tuple[str, ...]] | None:
    # e ≈ i ≈ a between consonants, not in the last syllable (endings keep -i apart; -at/-et, -ah/-eh).
    c = word[i]
    if c in "aei" and i and _between_consonants(word, i, 1) and i + 2 < len(word):
        return 1, tuple(x for x in "aei" if x != c)  # the consonant-only rule: _letter_sites checks it
    return None


def _latin_vowel_or_consonant(cls: str) -> Callable[[str, random.Random], str | None]:
    pick = {"q_k_g": _qkg, "ch_sh": _chsh, "kh_x": _khx, "ou_u_o": _ou, "e_i_a": _eia}[cls]

    def mutate(text: str, rnd: random.Random) -> str | None:
        words = _latin_words(text)
        if words is None:
            return None
        sites = [s for s in _letter_sites(words, pick) if s[3]]
        return _apply_sites(text, words, sites, rnd, many=True)

    return mutate


def _doubled(text: str, rnd: random.Random) -> str | None:
    """Double a letter, or undouble a doubled one, past a word's second letter (a glued article's place)."""
    words = _latin_words(text)
    if words is None:
        return None
    edits: list[tuple[int, int, str]] = []
    for w in words:
        if not w.letters.isalpha() or _is_article(w.letters) or _descriptive(w.letters):
            continue
        first = 2 if "glued_article_doubled_l" in KNOWN_BUGS else 1
        for i in range(first, len(w.letters)):
            raw = w.at[i]
            if i + 1 < len(w.letters) and w.letters[i + 1] == w.letters[i] and _span(w, i, i + 2):
                undoubled = w.letters[:i] + w.letters[i + 1 :]
                if _collapse(_glued_strip(undoubled)) == _collapse(_glued_strip(w.letters)) and _keeps(
                    w.letters, undoubled
                ):
                    edits.append((raw, raw + 1, ""))
            doubled = w.letters[: i + 1] + w.letters[i:]
            if _collapse(_glued_strip(doubled)) == _collapse(_glued_strip(w.letters)) and _keeps(w.letters, doubled):
                edits.append((raw, raw + 1, text[raw] * 2))
    if not edits:
        return None
    return _replace(text, [rnd.choice(edits)])


def _next_sound(word: str) -> str:
    return word[:2] if word[:2] in _ARTICLE_FOR else word[:1]


def _article(text: str, rnd: random.Random) -> str | None:
    """Replace an article by another form (spaced, hyphenated or glued), drop it, or add one."""
    words = _latin_words(text)
    if words is None or not _content(words):
        return None
    options: list[tuple[int, int, str]] = []
    for wi, w in enumerate(words[:-1]):
        nxt = words[wi + 1]
        if not _is_article(w.letters) or _is_article(nxt.letters) or not nxt.letters.isalpha():
            continue
        if _descriptive(nxt.letters):
            continue
        span = (w.at[0], nxt.at[0])  # the article and what separates it from its noun
        forms = [f for f in (*_PLAIN_ARTICLES, *_ARTICLE_FOR.get(_next_sound(nxt.letters), ())) if not _descriptive(f)]
        for form in forms:
            if form != w.letters:
                options += [(span[0], span[1], form + sep) for sep in _SEPARATORS]
        glued = [f for f in ("al", "el") if len(nxt.letters) >= 3 and nxt.letters[0] in _GLUE_CONSONANTS]
        glued += ["e" + nxt.letters[0]] if nxt.letters[0] in _SUN and len(nxt.letters) >= 3 else []
        glued = [g for g in glued if g + nxt.letters != w.letters + nxt.letters and not _descriptive(g + nxt.letters)]
        options += [(span[0], span[1], g) for g in glued]
        if len(_content(words)) >= 1:
            options.append((span[0], span[1], ""))  # dropped
    for wi, w in enumerate(words):
        before = words[wi - 1] if wi else None
        if _is_article(w.letters) or not w.letters.isalpha() or (before and _is_article(before.letters)):
            continue
        if _glued_strip(w.letters) != w.letters or _descriptive(w.letters):
            continue  # "Alrastan" has an article already
        forms = [f for f in (*_PLAIN_ARTICLES, *_ARTICLE_FOR.get(_next_sound(w.letters), ())) if not _descriptive(f)]
        options += [(w.at[0], w.at[0], f + rnd.choice(_SEPARATORS)) for f in forms]
    if not options:
        return None
    start, end, new = rnd.choice(options)
    if start == 0 and new:
        new = new[0].upper() + new[1:] if rnd.random() < 0.5 else new
    return text[:start] + new + text[end:]


def _ending_sites(words: list[_Word], nisba: bool) -> _Sites:
    """The ending of each word (read with its doubled letters collapsed), with the other spellings of its class."""
    content = _content(words)
    sites: _Sites = []
    for n, wi in enumerate(content):
        w = words[wi]
        if not _plain(w) or _descriptive(w.letters):
            continue
        last = n == len(content) - 1 or not words[content[n + 1]].letters[:1].isalpha()
        glued = len(w.letters) - len(_glued_strip(w.letters))  # the endings are read on the noun
        collapsed, starts, _ = _runs(w.letters[glued:])
        starts = [glued + i for i in starts]
        if not nisba and _is_nisba(collapsed):
            continue
        if nisba:
            endings: tuple[str, ...] = _NISBA_ENDINGS
        else:
            endings = _TA_ENDINGS if last else _TA_ENDINGS + _CONSTRUCT_ENDINGS
        for e in sorted(endings, key=len, reverse=True):
            stem = collapsed[: -len(e)]
            if not collapsed.endswith(e) or len(stem) < 2 or stem[-1] not in _CONSONANTS or stem[-1] == "h":
                continue
            lo, hi = starts[len(stem)], len(w.letters)
            if not _span(w, lo, hi):
                break  # a mark inside the ending
            options = tuple(x for x in endings if x != e and _keeps(w.letters, w.letters[:lo] + x))
            if options:
                sites.append((wi, lo, hi, options))
            break
    return sites


def _ending_class(nisba: bool) -> Callable[[str, random.Random], str | None]:
    def mutate(text: str, rnd: random.Random) -> str | None:
        words = _latin_words(text)
        if words is None:
            return None
        sites = _ending_sites(words, nisba)
        sites = [s for s in sites if not any(text[words[s[0]].at[-1]] == c for c in _DOTTED_H)]  # Malaḩ: ح
        return _apply_sites(text, words, sites, rnd, many=True)

    return mutate


def _ending_starts_after_a_consonant(word: str) -> bool:
    """Whether a word's ending (its last letters of a e i y h, at most 5) follows a consonant that is not
    its first letter: then the ending rules read it alike whatever comes before the word."""
    stem = word.rstrip("aeiyh")
    tail = len(word) - len(stem)
    if tail == 0:
        return word[-1] != "t"  # -t: the construct and consonant-only rules
    # -ya after a consonant is a nisba only with 3 letters before it ("Zakyah"; "anya" is no nisba)
    return tail <= 5 and len(stem) >= (3 if word[len(stem)] == "y" else 2) and stem[-1] in _CONSONANTS


def _join_ok(a: _Word, b: _Word) -> bool:
    """Whether two neighbouring words give the variant key of their join (no rule reads a word boundary)."""
    if any(_descriptive(w) for w in (a.letters, b.letters, a.letters + b.letters)):
        return False
    x, y = _collapse(a.letters), _collapse(b.letters)  # doubled letters collapse before any word rule
    for w in (x, y):
        if not w.isalpha() or _is_article(w) or (w in _GENERIC and w not in _CANONICAL_GENERIC):
            return False
    raw_x, raw_y = a.letters, b.letters  # glued articles are read before doubled letters collapse
    if len(x) < 3 or len(y) < 3 or any(_glued_strip(w) != w for w in (raw_x, raw_y, raw_x + raw_y)):
        return False
    # No ending, construct or consonant-only rule on the first word: it ends in a consonant (not t, h, y, w;
    # not v, a w that makes a diphthong with the vowel before it unless a vowel follows);
    # the second word's ending reads alike alone and joined.
    if x[-1] not in _CONSONANTS or x[-1] in "thv" or _consonantal_t(x) or not _ending_starts_after_a_consonant(y):
        return False
    # no digraph across the boundary, nor a doubled letter (it would collapse into the next word's digraph)
    return (x[-1], y[0]) not in _DIGRAPH_PAIRS and x[-1] != y[0]


def _join(text: str, rnd: random.Random) -> str | None:
    words = _latin_words(text)
    if words is None:
        return None
    spots = []
    for a, b in itertools.pairwise(words):
        gap = text[a.at[-1] + 1 : b.at[0]]
        if _join_ok(a, b) and gap.strip(" -") == "":
            spots.append((a.at[-1] + 1, b.at[0]))
    if not spots:
        return None
    start, end = rnd.choice(spots)
    return text[:start] + text[end:]


#: A word that begins with an article and a mark ("alʿe"), which the key reads as the article and a
#: word ("al-ʿArus"): splitting "Jebalʿe" (noise put the mark there) as "Jeb-alʿe" makes one.
_ARTICLE_BEFORE_MARK_RE = re.compile("[aeiAEI][lL]+['’ʼ`ʿʾ‘´]")


def _split(text: str, rnd: random.Random) -> str | None:
    words = _latin_words(text)
    if words is None:
        return None
    spots = []
    for w in words:
        if w.letters in _GENERIC or _descriptive(w.letters):
            continue
        for k in range(3, len(w.letters) - 2):
            a = _Word(w.letters[:k], w.at[:k])
            b = _Word(w.letters[k:], w.at[k:])
            adjacent = w.at[k] == w.at[k - 1] + 1
            no_mark = _ARTICLE_BEFORE_MARK_RE.match(text, w.at[k]) is None
            if adjacent and no_mark and _join_ok(a, b) and _glued_strip(w.letters) == w.letters:
                spots.append(w.at[k])
    if not spots:
        return None
    at = rnd.choice(spots)
    return text[:at] + rnd.choice(_SEPARATORS) + text[at:]


_LATIN: dict[str, Callable[[str, random.Random], str | None]] = {
    "q_k_g": _latin_vowel_or_consonant("q_k_g"),
    "ch_sh": _latin_vowel_or_consonant("ch_sh"),
    "kh_x": _latin_vowel_or_consonant("kh_x"),
    "ou_u_o": _latin_vowel_or_consonant("ou_u_o"),
    "e_i_a": _latin_vowel_or_consonant("e_i_a"),
    "doubled": _doubled,
    "article": _article,
    "ending": _ending_class(nisba=False),
    "nisba": _ending_class(nisba=True),
    "join": _join,
    "split": _split,
}
LATIN_CLASSES: tuple[str, ...] = tuple(_LATIN)

_ACCENTS = {"a": "áā", "i": "íī", "u": "úū", "s": "şṣ", "h": "ḩḥ", "t": "ţṭ", "d": "ḑḍ", "z": "ẓ", "e": "é"}


def _latin_noise(text: str, rnd: random.Random) -> str:
    """Case, diacritics, ‘ marks inside words, hyphens for spaces: no key changes (but the skeleton's ḩ)."""
    choice = rnd.randrange(4)
    if choice == 0:
        return text.upper() if rnd.random() < 0.5 else text.lower()
    if choice == 1:
        chars = list(text)
        for i, c in enumerate(chars):
            before, after = text[i - 1 : i].lower(), text[i + 1 : i + 2].lower()
            if c.lower() == "h" and ((before and before in "cdgkpst") or after == "h"):
                continue  # the h of a digraph: a dotted one is ح
            if c in _ACCENTS and rnd.random() < 0.3:
                chars[i] = rnd.choice(_ACCENTS[c])
        return "".join(chars)
    if choice == 2:
        spots = [i for i in range(3, len(text) - 1) if text[i - 3 : i + 1].isalpha() and text[i + 1].isalpha()]
        if spots:
            i = rnd.choice(spots)
            return text[: i + 1] + rnd.choice("‘ʿ") + text[i + 1 :]
        return text
    return text.replace(" ", "-") if " " in text else text.replace("-", " ")


def _new_descriptor(name: str, text: str) -> bool:
    """Whether a mutation made a descriptive word or a connector ("Tell Bise" -> "Tell Base", "فيجة" ->
    "في جة"): :func:`gazetteer.mention.parse_mention` reads another mention, not a spelling of the name."""
    return _descriptors(text) != _descriptors(name)


@lru_cache(maxsize=65536)
def _descriptors(text: str) -> int:
    return len(parse_mention(text).descriptors)


@lru_cache(maxsize=65536)
def _descriptive(word: str) -> bool:
    """Whether parse_mention takes a word off the edge of a name: a word of a kind, province or direction,
    a connector ("in", "في"). The generators neither touch nor make one."""
    anchor = "س" if _is_arabic(word) else "x"
    return bool(_descriptors(f"{anchor} {word}") or _descriptors(f"{word} {anchor}"))


def _is_arabic(text: str) -> bool:
    return any("\u0600" <= c <= "\u06ff" for c in text)


def _tries(func: Callable[[str, random.Random], str | None], name: str, rnd: random.Random) -> str | None:
    """``func``'s mutation, drawn again (a few times) while it makes a descriptive word."""
    for _ in range(_TRIES):
        out = func(name, rnd)
        if out is None or not _new_descriptor(name, out):
            return out
    return None


_TRIES = 8


def mutate_latin(name: str, cls: str, rnd: random.Random, *, noise: bool = False) -> tuple[str, str] | None:
    """One mutation of class ``cls`` of a Latin name, and noise on top with ``noise``; None when none applies."""
    out = _tries(_LATIN[cls], name, rnd)
    if out is None:
        return None
    if noise and rnd.random() < 0.5:
        out = _latin_noise(out, rnd)
    return out, cls


# --- Arabic -------------------------------------------------------------------------------------------

_ALEFS = "أإآٱ"
_HARAKAT = [chr(c) for c in range(0x064B, 0x0653)] + ["\u0670"]
_TATWEEL = "\u0640"
_PREFIXED_ARTICLES = ("وال", "بال", "فال", "كال")


def _fold_ar(word: str) -> str:
    """Enough of fold_arabic for the article rule: marks and tatweel out, alef/ya/ta marbuta forms folded."""
    out = []
    for c in word:
        if unicodedata.combining(c) or c == _TATWEEL:
            continue
        out.append("ا" if c in _ALEFS else "ي" if c == "ى" else "ه" if c == "ة" else c)
    return "".join(out)


def _strip_ar(folded: str) -> str:
    """The article rule: ال (4+ letters), وال بال فال كال (5+), لل (4+)."""
    if folded.startswith("ال") and len(folded) >= 4:
        return folded[2:]
    if folded.startswith(_PREFIXED_ARTICLES) and len(folded) >= 5:
        return folded[3:]
    if folded.startswith("لل") and len(folded) >= 4:
        return folded[2:]
    return folded


def _letters_at(word: str) -> list[int]:
    return [i for i, c in enumerate(word) if not unicodedata.combining(c) and c != _TATWEEL]


def _ar_words(text: str) -> list[str]:
    return text.split(" ")


def _arabic_letter(c: str) -> bool:
    return "\u0600" <= c <= "\u06ff" and unicodedata.category(c) == "Lo"  # not tatweel (Lm), marks, digits


def _hamza(old: str, new: str) -> Callable[[str, random.Random], str | None]:
    def mutate(text: str, rnd: random.Random) -> str | None:
        spots = [i for i, c in enumerate(text) if c == old]
        if new == "":  # a word of a lone hamza would vanish
            spots = [i for i in spots if any(_arabic_letter(c) and c != old for c in _word_around(text, i))]
        if not spots:
            return None
        chosen = rnd.sample(spots, rnd.randint(1, len(spots)))
        return "".join(new if i in chosen else c for i, c in enumerate(text))

    return mutate


def _word_around(text: str, i: int) -> str:
    start = text.rfind(" ", 0, i) + 1
    end = text.find(" ", i)
    return text[start : end if end >= 0 else len(text)]


def _ar_article(text: str, rnd: random.Random) -> str | None:
    words = _ar_words(text)
    options: list[list[str]] = []
    for i, w in enumerate(words):
        f = _fold_ar(w)
        if not f or not all(_arabic_letter(c) for c in f) or _descriptive(f):
            continue
        if _strip_ar(f) == f and len(f) >= 2 and not _descriptive("ال" + f):
            options.append([*words[:i], "ال" + w, *words[i + 1 :]])
        if f.startswith("ال") and len(f) >= 4 and _strip_ar(f[2:]) == f[2:] and not _descriptive(f[2:]):
            letters = _letters_at(w)
            options.append([*words[:i], w[letters[2] :], *words[i + 1 :]])
    if not options:
        return None
    return " ".join(rnd.choice(options))


def _ar_join_ok(a: str, b: str) -> bool:
    fa, fb = _fold_ar(a), _fold_ar(b)
    if not fa or not fb or not all(_arabic_letter(c) for c in fa + fb):
        return False
    if _descriptive(fa) or _descriptive(fb) or _descriptive(fa + fb):
        return False
    return _strip_ar(fa) + _strip_ar(fb) == _strip_ar(fa + fb)


def _ar_join(text: str, rnd: random.Random) -> str | None:
    words = _ar_words(text)
    spots = [i for i in range(len(words) - 1) if _ar_join_ok(words[i], words[i + 1])]
    if not spots:
        return None
    i = rnd.choice(spots)
    return " ".join([*words[:i], words[i] + words[i + 1], *words[i + 2 :]])


def _ar_split(text: str, rnd: random.Random) -> str | None:
    words = _ar_words(text)
    spots = []
    for wi, w in enumerate(words):
        letters = _letters_at(w)
        for k in range(2, len(letters) - 1):  # two letters on each side at least
            a, b = w[: letters[k]], w[letters[k] :]
            if _ar_join_ok(a, b):
                spots.append((wi, letters[k]))
    if not spots:
        return None
    wi, at = rnd.choice(spots)
    w = words[wi]
    return " ".join([*words[:wi], w[:at], w[at:], *words[wi + 1 :]])


_ARABIC: dict[str, Callable[[str, random.Random], str | None]] = {
    "hamza_waw": _hamza("ؤ", "و"),
    "hamza_ya": _hamza("ئ", "ي"),
    "hamza_drop": _hamza("ء", ""),
    "article": _ar_article,
    "join": _ar_join,
    "split": _ar_split,
}


def _word_ends(text: str, letters: str) -> list[int]:
    return [i for i, c in enumerate(text) if c in letters and (i + 1 == len(text) or not _arabic_letter(text[i + 1]))]


def _ta_marbuta(text: str, rnd: random.Random) -> str | None:
    spots = _word_ends(text, "ةه")
    if not spots:
        return None
    i = rnd.choice(spots)
    return text[:i] + ("ه" if text[i] == "ة" else "ة") + text[i + 1 :]


def _alef_maqsura(text: str, rnd: random.Random) -> str | None:
    spots = _word_ends(text, "ىي")
    if not spots:
        return None
    i = rnd.choice(spots)
    return text[:i] + ("ي" if text[i] == "ى" else "ى") + text[i + 1 :]


def _harakat(text: str, rnd: random.Random) -> str | None:
    spots = [i for i, c in enumerate(text) if _arabic_letter(c)]
    if not spots:
        return None
    chosen = set(rnd.sample(spots, rnd.randint(1, len(spots))))
    return "".join(c + rnd.choice(_HARAKAT) if i in chosen else c for i, c in enumerate(text))


def _tatweel(text: str, rnd: random.Random) -> str | None:
    spots = [i for i, c in enumerate(text[:-1]) if _arabic_letter(c) and _arabic_letter(text[i + 1])]
    if not spots:
        return None
    i = rnd.choice(spots)
    return text[: i + 1] + _TATWEEL * rnd.randint(1, 3) + text[i + 1 :]


def _alef_forms(text: str, rnd: random.Random) -> str | None:
    spots = [i for i, c in enumerate(text) if c in "ا" + _ALEFS]
    if not spots:
        return None
    i = rnd.choice(spots)
    return text[:i] + rnd.choice([x for x in "ا" + _ALEFS if x != text[i]]) + text[i + 1 :]


#: Folds the exact key absorbs (fold_arabic): each comes with one of the key-changing classes.
_ARABIC_FOLDS: dict[str, Callable[[str, random.Random], str | None]] = {
    "ta_marbuta": _ta_marbuta,
    "alef_maqsura": _alef_maqsura,
    "harakat": _harakat,
    "tatweel": _tatweel,
    "alef_forms": _alef_forms,
}
ARABIC_FOLDS: tuple[str, ...] = tuple(_ARABIC_FOLDS)
ARABIC_CLASSES: tuple[str, ...] = tuple(_ARABIC) + ARABIC_FOLDS


def mutate_arabic(name: str, cls: str, rnd: random.Random, *, noise: bool = False) -> tuple[str, str] | None:
    """One mutation of class ``cls`` of an Arabic name; None when none applies.

    A fold class (:data:`ARABIC_FOLDS`) is applied with a key-changing class drawn among
    those that apply, and named ``fold+class``. ``noise`` adds a right-to-left mark now and then.
    """
    if cls in _ARABIC_FOLDS:
        folded = _ARABIC_FOLDS[cls](name, rnd)
        if folded is None:
            return None
        bases = list(_ARABIC)
        rnd.shuffle(bases)
        for base in bases:
            out = _tries(_ARABIC[base], folded, rnd)
            if out is not None:
                return _arabic_noise(out, rnd, noise), f"{cls}+{base}"
        return None
    out = _tries(_ARABIC[cls], name, rnd)
    return None if out is None else (_arabic_noise(out, rnd, noise), cls)


def _arabic_noise(text: str, rnd: random.Random, noise: bool) -> str:
    if noise and rnd.random() < 0.2:
        return "\u200f" + text  # a right-to-left mark, as pasted text carries
    return text


def applies(name: str, cls: str) -> bool:
    """Whether class ``cls`` has a place to apply in ``name`` (cheaper than :func:`mutate`; a mutation of
    such a name may still come out None, rarely: when every draw made a descriptive word)."""
    if not _is_arabic(name):
        return _LATIN[cls](name, random.Random(0)) is not None
    if cls in _ARABIC_FOLDS:  # with one of the key-changing classes
        folded = _ARABIC_FOLDS[cls](name, random.Random(0))
        return folded is not None and any(f(name, random.Random(0)) is not None for f in _ARABIC.values())
    return _ARABIC[cls](name, random.Random(0)) is not None


def mutate(name: str, rnd: random.Random, cls: str | None = None, *, noise: bool = False) -> tuple[str, str] | None:
    """A mutation of ``name`` (of class ``cls``, else of a random class that applies): (text, class) or None."""
    arabic = any("\u0600" <= c <= "\u06ff" for c in name)
    classes = ARABIC_CLASSES if arabic else LATIN_CLASSES
    func = mutate_arabic if arabic else mutate_latin
    if cls is not None:
        return func(name, cls, rnd, noise=noise)
    order = list(classes)
    rnd.shuffle(order)
    for c in order:
        out = func(name, c, rnd, noise=noise)
        if out is not None:
            return out
    return None
