"""Candidate lookup: a mention's keys to the names that match them, tier by tier.

The three keys of :mod:`gazetteer.normalize` (exact, variant, skeleton) are
looked up in the index's posting lists; when nothing reaches the variant tier,
the fuzzy tier looks up the one-deletion neighbourhood of the variant key and
scores those candidates with rapidfuzz. Scores come from :mod:`gazetteer.scoring`.

>>> from gazetteer import load
>>> found = candidates(load().opened, "Talbissa")
>>> sorted((h.tier, h.score) for h in found.values())[-1]
('variant', 97.88)
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from .errors import InvalidQueryError
from .foreign import is_foreign_key
from .kinds import ADMIN_KINDS, FACILITY_CORE_KINDS, NATURAL_KINDS
from .mention import Mention, is_compass, is_descriptor, name_with_adjectives, parse_mention, word_kind
from .normalize import NameKeys, clean, exact_and_variant, fold, has_dotted_h, is_arabic, keys, script
from .opened import OpenedIndex
from .scoring import SCORES

__all__ = [
    "MAX_QUERY_CHARS",
    "Hit",
    "QueryKeys",
    "adjective_forms",
    "candidates",
    "check_query",
    "fuzzy_candidate",
    "fuzzy_score",
    "key_score",
    "query_forms",
    "query_keys",
    "split_scripts",
    "unasked",
]

#: A hit scoring above this settles the lookup (:meth:`~gazetteer.scoring.Scores.settles`).
_SETTLES_ABOVE: float = SCORES.lowest_settling()

#: Longest accepted mention, in characters; longer input raises InvalidQueryError.
MAX_QUERY_CHARS = 256


def check_query(text: object) -> str:
    """Return the cleaned mention, or raise :class:`InvalidQueryError`.

    >>> check_query("  Talbiseh\\u200f ")
    'Talbiseh'
    >>> check_query(42)
    Traceback (most recent call last):
    ...
    gazetteer.errors.InvalidQueryError: a mention must be a str, got int
    """
    if not isinstance(text, str):
        raise InvalidQueryError(f"a mention must be a str, got {type(text).__name__}")
    if len(text) > MAX_QUERY_CHARS * 4:
        raise InvalidQueryError(f"a mention is at most {MAX_QUERY_CHARS} characters, got {len(text)}")
    cleaned = clean(text)
    if len(cleaned) > MAX_QUERY_CHARS:
        raise InvalidQueryError(f"a mention is at most {MAX_QUERY_CHARS} characters, got {len(cleaned)}")
    return cleaned


@dataclass(slots=True)
class Hit:
    """The best name of one place for a mention."""

    score: float
    name_row: int
    tier: str
    via: str = ""  #: a signal explaining an indirect hit (the unit of a matched seat town)


def _first_ratio(a: str, b: str, *, score_cutoff: float | None = None) -> float:
    """rapidfuzz's ``fuzz.ratio``, imported by the first query that compares spellings (about 12 ms that
    an exact first query does not pay); from then on :data:`_ratio` is rapidfuzz's own function.

    >>> round(_ratio("talbisa", "talbasa"), 2)
    85.71
    """
    global _ratio
    from rapidfuzz.fuzz import ratio

    _ratio = ratio
    return float(ratio(a, b, score_cutoff=score_cutoff))


def _first_indel(a: str, b: str, *, score_cutoff: int | None = None) -> int:
    """rapidfuzz's ``Indel.distance``, imported on first use like :func:`_first_ratio`."""
    global _indel_distance
    from rapidfuzz.distance import Indel

    _indel_distance = Indel.distance
    return int(Indel.distance(a, b, score_cutoff=score_cutoff))


_ratio: Callable[..., float] = _first_ratio
_indel_distance: Callable[..., int] = _first_indel


def key_score(q: NameKeys | QueryKeys, exact: str, variant: str, skeleton: str) -> tuple[float, str] | None:
    """Score and tier of one name for a query, by equal keys; ``None`` when no key is equal.

    >>> n = keys("Tallbīsah")
    >>> key_score(keys("Talbiseh"), *n)
    (97.41, 'variant')
    >>> key_score(keys("تلبيسة"), *n)
    (82.0, 'skeleton')
    """
    if exact and exact == q.exact:
        return SCORES.exact, "exact"
    if variant and variant == q.variant:
        return SCORES.variant(_ratio(q.exact, exact) / 100.0), "variant"
    if len(q.skeleton) >= SCORES.min_skeleton and skeleton == q.skeleton:
        if variant[:1].isascii() != q.variant[:1].isascii():
            return SCORES.cross_script_skeleton, "skeleton"  # across scripts the skeleton is all there is
        similarity = _ratio(q.variant, variant)
        short = len(skeleton) <= SCORES.min_skeleton
        if similarity < (SCORES.short_skeleton_min_ratio if short else SCORES.skeleton_min_ratio):
            return None  # same consonants, different names ("nowhere at all" vs "Nahiyat ar Ra'i")
        return SCORES.skeleton(similarity / 100.0), "skeleton"
    return None


def split_scripts(text: str) -> list[str]:
    """A mention in two scripts as its Latin part and its Arabic part; other mentions as they are.

    >>> split_scripts("Qabu القبو"), split_scripts("Talbiseh")
    (['Qabu', 'القبو'], ['Talbiseh'])
    >>> split_scripts("16 Tishrin Dam سد 16 تشرين")
    ['16 Tishrin Dam', 'سد 16 تشرين']
    """
    if text.isascii() or script(text) != "mixed":
        return [text]
    words = text.split()
    lettered: list[bool | None] = [is_arabic(w) if any(c.isalpha() for c in w) else None for w in words]
    # a word without letters ("16") goes with the next word that has some, or else the one before
    scripts = []
    for i, s in enumerate(lettered):
        if s is None:
            s = next((x for x in lettered[i + 1 :] if x is not None), None)
        if s is None:
            s = next((x for x in reversed(lettered[:i]) if x is not None), False)
        scripts.append(s)
    parts = [" ".join(w for w, s in zip(words, scripts) if s == arabic) for arabic in (False, True)]
    return [p for p in parts if p]


def query_forms(query: str) -> tuple[list[str], list[Mention]]:
    """The texts looked up for a mention, and its parsed parts.

    Each script part is looked up as it is, without the compass words that open it (a part of a
    place whose name holds its kind word: "northern an-Nusayriyah Mountains"), and as its core
    name without descriptive words; a mixed string is never looked up whole.

    >>> query_forms("Sasa Prison")[0], query_forms("Yarmouk Camp مخيم اليرموك")[0]
    (['Sasa Prison', 'Sasa'], ['Yarmouk Camp', 'Yarmouk', 'مخيم اليرموك', 'اليرموك'])
    >>> query_forms("northern Alawite Mountains")[0][:3]
    ['northern Alawite Mountains', 'Alawite Mountains', 'Alawite']

    A natural feature's word right before the core stays with it too: a unit named after a
    mountain is named so ("the district of Mount Simeon").

    >>> query_forms("the district of Mount Simeon")[0]
    ['the district of Mount Simeon', 'Simeon', 'Mount Simeon']
    """
    forms: list[str] = []
    mentions = []
    for part in split_scripts(query):
        mention = parse_mention(part)
        mentions.append(mention)
        for text in (
            part,
            _nominative_abu(part),
            _past_compass_words(part),
            mention.name,
            _nominative_abu(mention.name),
            _with_its_feature_word(mention),
            *_mountain_forms(mention),
        ):
            if text and text not in forms:
                forms.append(text)
    return forms, mentions


def _mountain_forms(mention: Mention) -> tuple[str, ...]:
    """A Latin mountain's name in the three orders English and romanised Arabic write it ("Mount
    Turkmen", "Turkmen Mountain", "Jabal Turkmen"), when the mention asks for a mountain: the
    index may hold one of them only. None for a name in Arabic script or that asks for another kind.

    >>> _mountain_forms(parse_mention("Mount Turkmen")), _mountain_forms(parse_mention("Homs"))
    (('Jabal Turkmen', 'Turkmen Mountain', 'Mount Turkmen'), ())
    """
    if is_arabic(mention.text) or mention.kind_hint != "mountain":
        return ()  # "the district of Mount Simeon" asks for the district
    return (f"Jabal {mention.name}", f"{mention.name} Mountain", f"Mount {mention.name}")


def _with_its_feature_word(mention: Mention) -> str:
    """The core name with the natural feature's word the parse took off right before it ("Mount
    Simeon" of "Mount Simeon District"), "" when there is none. Latin only: an Arabic feature's
    word before a name is spanned by the geoparser's own rules ("صحراء بادية الشام").

    >>> _with_its_feature_word(parse_mention("Mount Simeon District")), _with_its_feature_word(parse_mention("Homs"))
    ('Mount Simeon', '')
    """
    if is_arabic(mention.text):
        return ""
    for word in mention.descriptors:
        if word_kind(word) in NATURAL_KINDS:
            found = re.search(rf"{re.escape(word)}\s+{re.escape(mention.name)}", mention.text, re.IGNORECASE)
            if found:
                return found.group()
    return ""


def _nominative_abu(name: str) -> str:
    """A mention with أبا or أبي (the accusative and the genitive of أبو, "father of", which opens
    names) as names write it, أبو.

    >>> _nominative_abu("أبي الظهور"), _nominative_abu("مطار أبي الظهور"), _nominative_abu("أبيض")
    ('أبو الظهور', 'مطار أبو الظهور', 'أبيض')
    """
    return _ABU_CASE_RE.sub(r"\1أبو ", name) if "ب" in name else name


#: أبا or أبي (hamza or none) as a word followed by another.
_ABU_CASE_RE = re.compile("(^| )[أا]ب[اي] (?=[^ ])")


def _past_compass_words(part: str) -> str:
    """``part`` without the compass words (and "the") that open it, or "" when none does.

    >>> _past_compass_words("the northern Qalamoun Mountains"), _past_compass_words("Qalamoun")
    ('Qalamoun Mountains', '')
    """
    first, _, rest = part.partition(" ")
    if not rest or not (is_compass(first) or first.lower() == "the"):
        return ""  # most mentions: one word, or a first word that is no compass word
    words = part.split()
    k = 0
    while k < len(words) - 1 and (is_compass(words[k]) or words[k].lower() == "the"):
        k += 1
    return " ".join(words[k:]) if k and any(is_compass(w) for w in words[:k]) else ""


def fuzzy_candidate(query_variant: str, variant: str) -> bool:
    """Whether a name enters the fuzzy tier: variant keys one edit apart.

    One edit: lengths differ by at most one and the Indel distance is at most
    two (one insertion, deletion or substitution, or a moved letter). This is
    exactly what the deletion table finds; a test checks it against a scan of
    every name.

    >>> fuzzy_candidate("talbisa", "talbasa"), fuzzy_candidate("talbisa", "tlbs")
    (True, False)
    """
    return (
        len(query_variant) >= SCORES.min_fuzzy_query
        and abs(len(query_variant) - len(variant)) <= 1
        and _indel_distance(query_variant, variant, score_cutoff=2) <= 2
    )


def fuzzy_score(query_variant: str, variant: str) -> float | None:
    """The fuzzy score of two variant keys, or ``None`` below the ratio threshold.

    >>> fuzzy_score("talbissa", "talbasa"), fuzzy_score("talbisa", "kafrnubl")
    (64.0, None)
    """
    ratio = _ratio(query_variant, variant, score_cutoff=SCORES.fuzzy_min_ratio)
    return SCORES.fuzzy(ratio) if ratio else None


class QueryKeys:
    """A mention's keys, its skeleton computed only when a lookup asks for it.

    >>> k = QueryKeys("Talbissa", *exact_and_variant("Talbissa"))
    >>> k.variant, k.skeleton
    ('talbasa', 'tlbs')
    """

    __slots__ = ("_skeleton", "exact", "text", "variant")

    def __init__(self, text: str, exact: str, variant: str, skeleton: str | None = None) -> None:
        self.text, self.exact, self.variant, self._skeleton = text, exact, variant, skeleton

    @property
    def skeleton(self) -> str:
        """The consonant skeleton (:func:`gazetteer.normalize.skeleton_key`)."""
        if self._skeleton is None:
            self._skeleton = keys(self.text).skeleton
        return self._skeleton


def query_keys(index: OpenedIndex, text: str) -> QueryKeys:
    """A text's keys; a text whose exact key an indexed name has reuses that name's stored keys.

    The variant and skeleton keys are functions of the folded text, except that a BGN ḩ
    keeps its h in the skeleton: a text or name holding one reuses only a same-text name's keys.
    """
    exact = fold(text)
    rows = index.exact.get(exact, ())
    if rows:
        dotted = has_dotted_h(text)
        for row in rows:
            stored = index.name_text[row]
            if stored == text or not (dotted or has_dotted_h(stored)):
                return QueryKeys(text, exact, index.name_variant[row], index.name_skeleton[row])
    return QueryKeys(text, *exact_and_variant(text))


def _offer(index: OpenedIndex, found: dict[int, Hit], row: int, score: float, tier: str) -> None:
    place = index.name_place[row]
    hit = found.get(place)
    if hit is None or score > hit.score:
        found[place] = Hit(score, row, tier)


def _offer_exact(index: OpenedIndex, k: QueryKeys, found: dict[int, Hit]) -> None:
    for row in index.exact.get(k.exact, ()):
        _offer(index, found, row, SCORES.exact, "exact")


class Said:
    """The words a mention writes, for :func:`likeness_allowed`: worked out on first use (most
    queries never need them), then kept."""

    __slots__ = ("_skeletons", "_text", "_words")

    def __init__(self, text: str) -> None:
        self._text = text
        self._words: frozenset[str] | None = None
        self._skeletons: frozenset[str] | None = None

    def words(self) -> frozenset[str]:
        """The words, case-folded."""
        if self._words is None:
            self._words = frozenset(w.casefold() for w in self._text.split())
        return self._words

    def skeletons(self) -> frozenset[str]:
        """The consonant skeletons of the words."""
        if self._skeletons is None:
            self._skeletons = frozenset(keys(w).skeleton for w in self.words())
        return self._skeletons


def likeness_allowed(index: OpenedIndex, row: int, said: Said) -> bool:
    """Whether a name may be matched by skeleton or fuzzily for a mention that writes ``said``.

    Not a core name (a name with its descriptive word taken off, "Hananu" of "Hananu Barracks"):
    only the name itself is evidence for it. Not a name with a descriptive word the mention does not
    say: the consonants of "شارع" or "قرية" lent to a likeness are no evidence ("Sūreshjān" is not
    شارع السجن, a street; "Karakuyu" not قرية عكو), while "Jami Nur al-Din" says جامع and "Meng
    airbase" says the words of "Menagh Air Base" as one.
    """
    if index.is_core_name(row):
        return False
    text = index.name_text[row]
    edges = text.split()
    if len(edges) < 2:
        return True  # parse_mention never takes a name's only word
    first, last = is_descriptor(edges[0]), is_descriptor(edges[-1], first=False)
    if (not first or edges[0].casefold() in said.words()) and (not last or edges[-1].casefold() in said.words()):
        return True  # it takes words off the edges only: none, or the very words the mention says
    words = [keys(d).skeleton for d in parse_mention(text).descriptors if d != "'s"]
    skeletons = said.skeletons() if words else frozenset()
    if all(w in skeletons or w + "t" in skeletons for w in words if w):  # ة read as t: "Sahat" for ساحة
        return True
    return len(words) > 1 and "".join(words) in skeletons  # "airbase" says "Air Base"


def _score_rows(
    index: OpenedIndex, k: QueryKeys, found: dict[int, Hit], rows: list[int], settled: float, said: Said
) -> None:
    for row in rows:
        hit = found.get(index.name_place[row])
        if hit is not None and hit.score >= settled:
            continue
        scored = key_score(k, index.name_exact[row], index.name_variant[row], index.name_skeleton[row])
        if scored is not None and (scored[1] != "skeleton" or likeness_allowed(index, row, said)):
            _offer(index, found, row, *scored)


def unasked(index: OpenedIndex, name_row: int, row: int, asked: str | None = None) -> bool:
    """Whether a name answers only a mention that asks for a kind that ``asked`` (the kind the
    mention asks, if any) is not: a facility's core name needs any kind word (:data:`FACILITY_CORE_KINDS`:
    "Bassel al-Assad" is a person and "Tishrin" a month until "airport" or "Dam" follows them); a
    subdistrict's name on a seat town named otherwise (flag ``unit``) needs a unit's word ("الغوطة
    الشرقية" is the region, "ناحية الغوطة الشرقية" the subdistrict seated at Jaramana)."""
    if asked not in ADMIN_KINDS and index.is_unit_name(name_row):
        return True
    return asked is None and index.kind[row] in FACILITY_CORE_KINDS and index.is_core_name(name_row)


def lookup(
    index: OpenedIndex,
    k: QueryKeys,
    found: dict[int, Hit],
    *,
    settles: bool = False,
    gov: str | None = None,
    said: Said | None = None,
) -> None:
    """Offer every name with a key equal to one of ``k``'s to ``found`` (place row -> best hit).

    Tier by tier, skipping places a higher tier already settled: the same result as
    :func:`key_score` over the union of the three row sets, with far fewer calls. With
    ``settles``, a hit (in ``gov`` when given) that no skeleton hit can rival
    (:meth:`~gazetteer.scoring.Scores.settles`) skips the skeleton tier: the invariants of
    :class:`~gazetteer.scoring.Scores` make that leave the best answer unchanged. A skeleton
    match needs :func:`likeness_allowed` (``said``: the words of the mention, ``k.text``'s by default).
    """
    said = said or Said(k.text)
    _offer_exact(index, k, found)
    _score_rows(index, k, found, index.variant.get(k.variant, ()), SCORES.exact, said)
    if settles and any(
        h.score > _SETTLES_ABOVE and (gov is None or index.gov[p] == gov) and not unasked(index, h.name_row, p)
        for p, h in found.items()
    ):
        return  # a name that answers only a kind word (:func:`unasked`) settles nothing for a plain query
    if len(k.skeleton) >= SCORES.min_skeleton:
        _score_rows(index, k, found, index.skeleton.get(k.skeleton, ()), SCORES.variant_base, said)


def fuzzy_lookup(index: OpenedIndex, k: QueryKeys, found: dict[int, Hit], said: Said | None = None) -> None:
    """Offer the names whose variant key is one edit from ``k.variant`` (see :func:`fuzzy_candidate`)
    and that :func:`likeness_allowed` lets through."""
    if len(k.variant) < SCORES.min_fuzzy_query:
        return
    said = said or Said(k.text)
    q = k.variant
    n = len(q)
    # the probes: the key itself, and its deletions, by first letter (only dropping q[0] changes it)
    keep_first = {q[:i] + q[i + 1 :] for i in range(1, n)}
    keys_seen: set[str] = set()
    shorter = index.fuzzy_table(n - 1, q[0]).get
    probed = (index.fuzzy_table(n, q[0]).get(q), index.fuzzy_table(n - 1, q[1]).get(q[1:]), *map(shorter, keep_first))
    for found_keys in filter(None, probed):
        if isinstance(found_keys, str):
            keys_seen.add(found_keys)
        else:
            keys_seen.update(found_keys)
    for key in sorted(keys_seen):
        score = fuzzy_score(k.variant, key)
        if score is not None:
            for row in index.variant[key]:
                if likeness_allowed(index, row, said):
                    _offer(index, found, row, score, "fuzzy")


def candidates(index: OpenedIndex, query: str, *, gov: str | None = None, plain: bool = False) -> dict[int, Hit]:
    """Every place a cleaned mention matches, with its best hit (place row -> :class:`Hit`).

    ``plain`` says that only the best answer is wanted and nothing (hint, ``near=``)
    can lift a weaker tier: then a settling hit skips the skeleton tier.
    """
    forms, mentions = query_forms(query)
    return candidates_of_forms(index, forms, gov=gov, plain=plain, exact_forms=adjective_forms(mentions))


def adjective_forms(mentions: Sequence[Mention]) -> list[str]:
    """The names with the directional adjectives their parse took off (:func:`~gazetteer.mention.name_with_adjectives`),
    looked up exactly besides the forms.

    >>> adjective_forms(query_forms("بلدة البويضة الشرقية")[1])
    ['البويضة الشرقية']
    """
    return [name for m in mentions if (name := name_with_adjectives(m))]


def candidates_of_forms(
    index: OpenedIndex,
    forms: list[str],
    *,
    gov: str | None = None,
    plain: bool = False,
    exact_forms: Sequence[str] = (),
) -> dict[int, Hit]:
    """:func:`candidates` for the forms :func:`query_forms` gave, and the places named exactly or by a
    spelling variant by ``exact_forms`` (a name with the adjectives its parse took off:
    :func:`~gazetteer.mention.name_with_adjectives`)."""
    found: dict[int, Hit] = {}
    for form in exact_forms:  # exactly, or by a spelling variant ("قرية دير الغربي" is الدير الغربي)
        k = query_keys(index, form)
        _offer_exact(index, k, found)
        _score_rows(index, k, found, index.variant.get(k.variant, ()), SCORES.exact, Said(form))
    qkeys = [query_keys(index, f) for f in forms]
    foreign = [is_foreign_key(k.exact) for k in qkeys]
    said = Said(" ".join(forms))
    for k, abroad in zip(qkeys, foreign):
        if abroad:  # a name of a place outside Syria: only a Syrian place of that very name
            _offer_exact(index, k, found)
        else:
            lookup(index, k, found, settles=plain, gov=gov, said=said)
    if not found or max(h.score for h in found.values()) < SCORES.fuzzy_below:
        for k, abroad in zip(qkeys, foreign):
            if not abroad:
                fuzzy_lookup(index, k, found, said)
    return found
