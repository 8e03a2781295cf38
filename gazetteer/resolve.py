"""Resolve mentions against an opened index: lookups by key, fuzzy stage, ranking.

A :class:`Gazetteer` wraps one index file. Its lookups are dictionaries from
the three keys of :mod:`gazetteer.normalize` (exact, variant, skeleton) to name
rows; the fuzzy stage looks up the one-deletion neighbourhood of the query's
keys (built on first need) and scores only those candidates with rapidfuzz.

Scores (0-100, match quality only; ``docs/resolving.md``):

=========  =====================================================
exact      100: the folded mention equals a folded name
variant    90-99: equal variant keys; +9 x similarity of folded forms
skeleton   75-89: equal consonant skeletons (also across scripts)
fuzzy      64-79: 0.8 x rapidfuzz ratio of variant keys (ratio >= 80, keys of 6+ letters)
=========  =====================================================

Ranking adds, to the score, bonuses for the kind the mention asks for
("district", "city", ...), the province named inside the mention, ``near=``
and importance (admin level, population); ties are broken by place id.
"""

from __future__ import annotations

import math
import threading
import warnings
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator, Mapping, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import pyarrow as pa
import pyarrow.compute as pc
from rapidfuzz import fuzz
from rapidfuzz.distance import Indel

from . import governorates as govs
from .errors import GazetteerError, InvalidQueryError, StaleIndexWarning
from .geo import check_latlon, distances_m
from .index import KEY_TIERS, IndexFile
from .mention import Mention, parse_mention
from .model import ADMIN_KINDS, Match, Place
from .normalize import KEY_RULES, NameKeys, clean, fold, is_arabic, keys, script

__all__ = [
    "MAX_QUERY_CHARS",
    "Gazetteer",
    "check_query",
    "fuzzy_candidate",
    "fuzzy_score",
    "key_score",
    "query_forms",
    "split_scripts",
]

#: Longest accepted mention, in characters; longer input raises InvalidQueryError.
MAX_QUERY_CHARS = 256
#: Fuzzy matches below this rapidfuzz ratio (0-100) of variant keys are dropped.
FUZZY_MIN_RATIO = 80.0
#: Importance by kind (a bare "Homs" means the city before the governorate);
#: populated places add up to 1 more for population (log scale).
_KIND_IMPORTANCE = {
    "city": 3.0,
    "town": 2.0,
    "governorate": 1.8,
    "district": 1.5,
    "subdistrict": 1.2,
    "village": 1.0,
    "neighbourhood": 0.6,
    "camp": 0.6,
    "landmark": 0.4,
    "feature": 0.3,
}
_HINT_KINDS = {
    "city": ("city", "town"),
    "town": ("town", "city", "village"),
    "village": ("village", "town"),
    "neighbourhood": ("neighbourhood", "village"),
}
_KIND_BONUS = 8.0
_PROVINCE_HINT_BONUS = 5.0
_NEAR_BONUS = 10.0
_NEAR_SCALE_M = 50_000.0
_AMBIGUITY_SCORE = 3.0
_SAME_PLACE_M = 3_000.0


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


#: Shortest consonant skeleton that may match on its own (two consonants match too much).
MIN_SKELETON = 3
#: Same-script skeleton matches also need this rapidfuzz ratio of their variant keys.
SKELETON_MIN_RATIO = 70.0
#: ... and this one when the skeleton has only three consonants ("Hamad" is not "Hameidiyyeh").
SHORT_SKELETON_MIN_RATIO = 80.0
#: Shortest variant key that enters the fuzzy stage.
MIN_FUZZY_QUERY = 6


def key_score(q: NameKeys, exact: str, variant: str, skeleton: str) -> tuple[float, str] | None:
    """Score and tier of one name for a query, by equal keys; ``None`` when no key is equal.

    >>> from gazetteer.normalize import keys
    >>> n = keys("Tallbīsah")
    >>> key_score(keys("Talbiseh"), *n)
    (97.41, 'variant')
    >>> key_score(keys("تلبيسة"), *n)
    (82.0, 'skeleton')
    """
    if exact and exact == q.exact:
        return 100.0, "exact"
    if variant and variant == q.variant:
        return round(90.0 + 9.0 * fuzz.ratio(q.exact, exact) / 100.0, 2), "variant"
    if len(q.skeleton) >= MIN_SKELETON and skeleton == q.skeleton:
        if variant[:1].isascii() != q.variant[:1].isascii():
            return 82.0, "skeleton"  # across scripts the skeleton is all there is to compare
        similarity = fuzz.ratio(q.variant, variant)
        if similarity < (SKELETON_MIN_RATIO if len(skeleton) > MIN_SKELETON else SHORT_SKELETON_MIN_RATIO):
            return None  # same consonants, different names ("nowhere at all" vs "Nahiyat ar Ra'i")
        return round(75.0 + 14.0 * similarity / 100.0, 2), "skeleton"
    return None


def split_scripts(text: str) -> list[str]:
    """A mention in two scripts as its Latin part and its Arabic part; other mentions as they are.

    >>> split_scripts("Qabu القبو"), split_scripts("Talbiseh")
    (['Qabu', 'القبو'], ['Talbiseh'])
    """
    if text.isascii() or script(text) != "mixed":
        return [text]
    words = text.split()
    parts = [" ".join(w for w in words if is_arabic(w) == arabic) for arabic in (False, True)]
    return [p for p in parts if p]


def query_forms(query: str) -> tuple[list[str], list[Mention]]:
    """The texts looked up for a mention, and its parsed parts.

    Each script part is looked up as it is and as its core name without
    descriptive words; a mixed string is never looked up whole.

    >>> query_forms("Sasa Prison")[0], query_forms("Yarmouk Camp مخيم اليرموك")[0]
    (['Sasa Prison', 'Sasa'], ['Yarmouk Camp', 'Yarmouk', 'مخيم اليرموك', 'اليرموك'])
    """
    forms: list[str] = []
    mentions = []
    for part in split_scripts(query):
        mention = parse_mention(part)
        mentions.append(mention)
        for text in (part, mention.name):
            if text and text not in forms:
                forms.append(text)
    return forms, mentions


def fuzzy_candidate(query_variant: str, variant: str) -> bool:
    """Whether a name enters the fuzzy stage: variant keys one edit apart.

    One edit: lengths differ by at most one and the Indel distance is at most
    two (one insertion, deletion or substitution, or a moved letter). This is
    exactly what the index's deletion table finds; a test checks it against a
    scan of every name.

    >>> fuzzy_candidate("talbisa", "talbasa"), fuzzy_candidate("talbisa", "tlbs")
    (True, False)
    """
    return (
        len(query_variant) >= MIN_FUZZY_QUERY
        and abs(len(query_variant) - len(variant)) <= 1
        and Indel.distance(query_variant, variant, score_cutoff=2) <= 2
    )


def fuzzy_score(query_variant: str, variant: str) -> float | None:
    """0.8 x rapidfuzz ratio of the variant keys, or ``None`` below :data:`FUZZY_MIN_RATIO`.

    >>> fuzzy_score("talbissa", "talbasa"), fuzzy_score("talbisa", "kafrnubl")
    (64.0, None)
    """
    ratio = fuzz.ratio(query_variant, variant, score_cutoff=FUZZY_MIN_RATIO)
    return round(0.8 * ratio, 2) if ratio else None


@dataclass(slots=True)
class _Hit:
    score: float
    name_row: int
    tier: str
    via: str = ""  # a signal explaining an indirect hit


def _deletions(key: str) -> set[str]:
    return {key[:i] + key[i + 1 :] for i in range(len(key))} if len(key) > 3 else set()


_NO_LINKS: frozenset[int] = frozenset()


class _Postings(Mapping[str, list[int]]):
    """Key -> name rows of one key tier, read from the index's posting lists.

    All tiers share two flat lists (offsets and rows) and each tier keeps a dict
    key -> position, so opening builds no per-key Python list: no work and no
    garbage-collector traffic that would grow faster than the index.
    """

    __slots__ = ("_at", "_offsets", "_rows")

    def __init__(self, at: dict[str, int], offsets: list[int], rows: list[int]) -> None:
        self._at, self._offsets, self._rows = at, offsets, rows

    @classmethod
    def tiers(cls, table: pa.Table, n_tiers: int) -> list[_Postings]:
        """One mapping per tier of a posting-list table sorted by tier (as the index writes it)."""
        tier = table.column("tier")
        if len(tier) > 1 and not pc.all(pc.less_equal(tier.slice(0, len(tier) - 1), tier.slice(1))).as_py():
            table = table.sort_by("tier")  # not written by write_index, still readable
        lists = table.column("rows").combine_chunks()
        offsets: list[int] = lists.offsets.to_pylist()
        rows: list[int] = lists.values.to_pylist()
        keys: list[str] = table.column("key").to_pylist()
        tier_of: list[int] = table.column("tier").to_pylist()
        at: list[dict[str, int]] = [{} for _ in range(n_tiers)]
        for tier in range(n_tiers):
            lo, hi = bisect_left(tier_of, tier), bisect_right(tier_of, tier)
            at[tier] = dict(zip(keys[lo:hi], range(lo, hi)))
        return [cls(a, offsets, rows) for a in at]

    def get(self, key: str, default: Any = ()) -> Any:
        i = self._at.get(key)
        return default if i is None else self._rows[self._offsets[i] : self._offsets[i + 1]]

    def __getitem__(self, key: str) -> list[int]:
        i = self._at[key]
        return self._rows[self._offsets[i] : self._offsets[i + 1]]

    def __iter__(self) -> Iterator[str]:
        return iter(self._at)

    def __len__(self) -> int:
        return len(self._at)


class Gazetteer:
    """An opened index that resolves mentions. Thread-safe; picklable by path.

    >>> from gazetteer import load
    >>> g = load()  # the default index
    >>> g.resolve("Talbiseh", province="Homs").place.governorate.name
    'Homs'
    """

    def __init__(self, index: IndexFile, *, origin: str = "file") -> None:
        self.index = index
        self.origin = origin  #: how this index was chosen: "file", "GAZETTEER_INDEX", "embedded"...
        built_with = index.header.get("key_rules", 1)
        if built_with != KEY_RULES:
            warnings.warn(
                StaleIndexWarning(
                    f"{index.path} was built with name-key rules {built_with!r}, this gazetteer uses {KEY_RULES}: "
                    "spellings that only the new rules join will not match until it is rebuilt (gazetteer build)"
                ),
                stacklevel=3,
            )
        self._lock = threading.Lock()
        self._places: dict[int, Place] = {}
        names = index.names
        self._name_place: list[int] = names.column("place").to_pylist()
        self._name_text: list[str] = names.column("text").to_pylist()
        self._name_exact: list[str] = names.column("exact").to_pylist()
        self._name_variant: list[str] = names.column("variant").to_pylist()
        self._name_skeleton: list[str] = names.column("skeleton").to_pylist()
        self._exact, self._variant, self._skeleton = _Postings.tiers(index.keys, len(KEY_TIERS))
        places = index.places
        self._ids: list[str] = places.column("id").to_pylist()
        self._row_of = {pid: i for i, pid in enumerate(self._ids)}
        self._kind: list[str] = places.column("kind").to_pylist()
        self._gov: list[str] = places.column("gov_pcode").to_pylist()
        self._lat: list[float] = places.column("lat").to_pylist()
        self._lon: list[float] = places.column("lon").to_pylist()
        pops = places.column("population").to_pylist()
        self._importance = [
            _KIND_IMPORTANCE.get(k, 0.0) + (0.0 if k in ADMIN_KINDS else min(math.log10((p or 0) + 1), 7.0) / 7.0)
            for k, p in zip(self._kind, pops)
        ]
        self._pcode: list[str | None] = places.column("pcode").to_pylist()
        self._dist: list[str | None] = places.column("dist_pcode").to_pylist()
        self._sub: list[str | None] = places.column("sub_pcode").to_pylist()
        self._linked: dict[int, set[int]] = self._seat_links(places)
        self._fuzzy: dict[str, tuple[str, ...]] | None = None
        self._cached = lru_cache(maxsize=65_536)(self._candidates_uncached)

    def _seat_links(self, places: pa.Table) -> dict[int, set[int]]:
        """Row -> rows it is linked to by a seat link, both ways (only the few linked rows)."""
        linked: dict[int, set[int]] = {}
        seat, seat_of = places.column("seat"), places.column("seat_of")
        has_link = pc.or_(pc.is_valid(seat), pc.fill_null(pc.greater(pc.list_value_length(seat_of), 0), False))
        at = pc.indices_nonzero(has_link)
        rows = at.to_pylist()
        for i, one, many in zip(rows, seat.take(at).to_pylist(), seat_of.take(at).to_pylist()):
            for other in ([one] if one else []) + list(many or []):
                j = self._row_of.get(other)
                if j is not None:
                    linked.setdefault(i, set()).add(j)
                    linked.setdefault(j, set()).add(i)
        return linked

    def _links(self, row: int) -> AbstractSet[int]:
        return self._linked.get(row, _NO_LINKS)

    # -- facts about the index -------------------------------------------------------------
    @property
    def path(self) -> str:
        """The index file."""
        return self.index.path

    @property
    def header(self) -> dict[str, Any]:
        """The index header: format and data version, build time, sources, counts."""
        return self.index.header

    @property
    def data_version(self) -> str:
        """The data version recorded at build time."""
        return str(self.index.header.get("data_version", "unknown"))

    def __len__(self) -> int:
        return len(self._ids)

    def __repr__(self) -> str:
        return f"<Gazetteer {len(self)} places, data {self.data_version}, {self.path}>"

    def __reduce__(self) -> tuple[Any, tuple[Any, ...]]:
        from .default import _reopen

        return (_reopen, (self.path, self.origin))

    def place(self, place_id: str) -> Place | None:
        """The place with this id (``gn:163779``, ``pcode:SY04``...), or ``None``."""
        row = self._row_of.get(place_id) if isinstance(place_id, str) else None
        return None if row is None else self._place(row)

    def places(self) -> Iterator[Place]:
        """Every place, in id order."""
        for row in range(len(self._ids)):
            yield self._place(row)

    def _place(self, row: int) -> Place:
        place = self._places.get(row)
        if place is None:
            place = self.index.place(row)
            self._places[row] = place  # a benign race: both threads build equal places
        return place

    # -- queries ---------------------------------------------------------------------------
    def resolve(
        self, text: object, *, province: object = None, near: tuple[float, float] | None = None
    ) -> Match | None:
        """The best place for a mention, or ``None`` when nothing matches.

        Raises :class:`InvalidQueryError` for what is not a mention (not a str,
        longer than :data:`MAX_QUERY_CHARS`, bad ``near=``) and
        :class:`UnknownProvinceError` for a ``province=`` that names no governorate.
        """
        found = self.candidates(text, province=province, near=near, limit=1)
        return found[0] if found else None

    def candidates(
        self, text: object, *, province: object = None, near: tuple[float, float] | None = None, limit: int = 5
    ) -> list[Match]:
        """The best ``limit`` places for a mention, best first (``[]`` when none)."""
        query = check_query(text)
        if isinstance(limit, bool) or not isinstance(limit, int) or limit < 1:
            raise InvalidQueryError(f"limit must be a positive int, got {limit!r}")
        gov = None if province is None else govs.find(province).pcode
        where = None
        if near is not None:
            if not isinstance(near, (tuple, list)) or len(near) != 2:
                raise InvalidQueryError(f"near must be a (lat, lon) pair, got {near!r}")
            where = check_latlon(near[0], near[1])
        if not query:
            return []
        return list(self._cached(query, gov, where, min(limit, 100)))

    def _keys(self, text: str) -> NameKeys:
        """The query's keys; a mention spelled exactly like an indexed name reuses that name's stored keys."""
        exact = fold(text)
        for row in self._exact.get(exact, ()):
            if self._name_text[row] == text:
                return NameKeys(exact, self._name_variant[row], self._name_skeleton[row])
        return keys(text)

    def _offer(self, found: dict[int, _Hit], row: int, score: float, tier: str) -> None:
        place = self._name_place[row]
        hit = found.get(place)
        if hit is None or score > hit.score:
            found[place] = _Hit(score, row, tier)

    def _lookup(
        self, k: NameKeys, found: dict[int, _Hit], *, exact_settles: bool = False, gov: str | None = None
    ) -> None:
        """Names with a key equal to one of the query's (three dictionary lookups).

        With ``exact_settles``, an exact hit (in ``gov`` when given) skips the skeleton tier:
        see ``_candidates_uncached`` for when that leaves the answer unchanged.
        """
        # Tier by tier, skipping places a higher tier already settled: the same result as
        # key_score over the union of the three row sets, with far fewer calls.
        for row in self._exact.get(k.exact, ()):
            self._offer(found, row, 100.0, "exact")
        exact_done = exact_settles and any(
            h.score >= 100.0 and (gov is None or self._gov[p] == gov) for p, h in found.items()
        )
        tiers = [(self._variant.get(k.variant, ()), 100.0)]
        if not exact_done and len(k.skeleton) >= MIN_SKELETON:
            tiers.append((self._skeleton.get(k.skeleton, ()), 90.0))
        for rows, settled in tiers:
            for row in rows:
                hit = found.get(self._name_place[row])
                if hit is not None and hit.score >= settled:
                    continue
                scored = key_score(k, self._name_exact[row], self._name_variant[row], self._name_skeleton[row])
                if scored is not None:
                    self._offer(found, row, *scored)

    def _fuzzy_lookup(self, k: NameKeys, found: dict[int, _Hit]) -> None:
        """Names whose variant key is one edit from the query's (see :func:`fuzzy_candidate`)."""
        if len(k.variant) < MIN_FUZZY_QUERY:
            return
        table = self._fuzzy_table()
        keys_seen: set[str] = set()
        for probe in (k.variant, *_deletions(k.variant)):
            keys_seen.update(table.get(probe, ()))
        for key in sorted(keys_seen):
            score = fuzzy_score(k.variant, key)
            if score is not None:
                for row in self._variant[key]:
                    self._offer(found, row, score, "fuzzy")

    def _fuzzy_table(self) -> dict[str, tuple[str, ...]]:
        """Deletion neighbourhood of every variant key (built once, on first need)."""
        if self._fuzzy is None:
            with self._lock:
                if self._fuzzy is None:
                    table: dict[str, list[str]] = {}
                    for key in self._variant:
                        if len(key) >= MIN_FUZZY_QUERY - 1:
                            for probe in (key, *_deletions(key)):
                                table.setdefault(probe, []).append(key)
                    self._fuzzy = {k: tuple(v) for k, v in table.items()}
        return self._fuzzy

    def _candidates_uncached(
        self, query: str, gov: str | None, near: tuple[float, float] | None, limit: int
    ) -> tuple[Match, ...]:
        forms, mentions = query_forms(query)
        found: dict[int, _Hit] = {}
        qkeys = [self._keys(f) for f in forms]
        # For the best answer alone, with no hint or near= to lift a weaker tier, an exact hit (in the
        # province, when one is given) makes the skeleton tier pointless: its best, 89 + at most 4 of
        # importance, ranks below 100, is never close enough to flag ambiguity (score within 3 or the
        # same tier) and never puts a seat town first (that needs 90). So it is not scored: the answer
        # is the same, and an exact hit costs the same however many names share its skeleton.
        kind_hint = next((m.kind_hint for m in mentions if m.kind_hint), None)
        province_hint = next((m.province_hint for m in mentions if m.province_hint), None)
        plain = limit == 1 and near is None and not kind_hint and not province_hint
        for k in qkeys:
            self._lookup(k, found, exact_settles=plain, gov=gov)
        if not found or max(h.score for h in found.values()) < 90.0:
            for k in qkeys:
                self._fuzzy_lookup(k, found)
        if not found:
            return ()
        wanted: tuple[str, ...] = _HINT_KINDS.get(kind_hint, (kind_hint,)) if kind_hint else ()
        if wanted:
            self._follow_links(found, wanted)
        hint_gov = None
        if province_hint and kind_hint != "governorate":
            g = govs.lookup(province_hint)
            hint_gov = g.pcode if g else None
        rows = list(found)
        in_province: bool | None = None
        outside_note = ""
        if gov is not None:
            inside = [r for r in rows if self._gov[r] == gov]
            in_province = bool(inside)
            if inside:
                rows = inside
            else:
                outside_note = f"no candidate in {govs.by_pcode(gov).name}; best elsewhere"
        dist: dict[int, float] = {}
        if near is not None:
            ds = distances_m(near[0], near[1], [self._lat[r] for r in rows], [self._lon[r] for r in rows])
            dist = dict(zip(rows, ds))
        ranked: list[tuple[float, str, int, list[str]]] = []
        for r in rows:
            hit = found[r]
            signals: list[str] = []
            rank = hit.score + self._importance[r]
            if hit.via:
                signals.append(hit.via)
            if self._kind[r] in wanted:
                rank += _KIND_BONUS
                signals.append(f"kind {self._kind[r]} fits '{kind_hint}'")
            if hint_gov and self._gov[r] == hint_gov:
                rank += _PROVINCE_HINT_BONUS
                signals.append("province named in the mention")
            if gov is not None and in_province:
                signals.append("in the given province")
            if r in dist:
                bonus = _NEAR_BONUS * math.exp(-dist[r] / _NEAR_SCALE_M)
                rank += bonus
                signals.append(f"{dist[r] / 1000:.0f} km from near=")
            if outside_note:
                signals.append(outside_note)
            ranked.append((rank, self._ids[r], r, signals))
        ranked.sort(key=lambda t: (-t[0], t[1]))
        if not kind_hint:
            ranked = self._seat_first(ranked, found)
        top_rank, _, top, _ = ranked[0]
        top_score = found[top].score
        close = [
            r
            for rank, _, r, _ in ranked[1:]
            if (found[r].score >= top_score - _AMBIGUITY_SCORE or found[r].tier == found[top].tier != "fuzzy")
            and rank >= top_rank - _KIND_BONUS + 0.5
            and not self._related(top, r)
        ]
        rivals = self._far_from(top, close)
        if wanted and self._kind[top] not in wanted:
            ranked[0][3].append(f"no {kind_hint} of that name: answered with the {self._kind[top]}")
        out: list[Match] = []
        for _, _, r, signals in ranked[:limit]:
            hit = found[r]
            alternatives = tuple(self._ids[x] for x in rivals[:5]) if r == top else ()
            out.append(
                Match(
                    place=self._place(r),
                    score=round(hit.score, 2),
                    matched_name=self._name_text[hit.name_row],
                    tier=hit.tier,
                    signals=tuple(signals),
                    ambiguous=bool(alternatives),
                    alternatives=alternatives,
                    in_province=in_province,
                )
            )
        return tuple(out)

    def _related(self, a: int, b: int) -> bool:
        """Seat links (direct or through a shared seat) and admin containment are not ambiguity."""
        if b in self._links(a) or self._links(a) & self._links(b):
            return True
        for unit, other in ((a, b), (b, a)):
            kind = self._kind[unit]
            if kind == "governorate" and self._gov[other] == self._gov[unit]:
                return True
            if kind == "district" and self._dist[other] == self._pcode[unit]:
                return True
            if kind == "subdistrict" and self._sub[other] == self._pcode[unit]:
                return True
        return False

    def _seat_first(
        self, ranked: list[tuple[float, str, int, list[str]]], found: dict[int, _Hit]
    ) -> list[tuple[float, str, int, list[str]]]:
        """A bare name means the town before the admin unit it seats ("Tell Abyad", "Hamath").

        When the best candidate is an admin unit and its seat town also matched well (90+),
        the town goes first; asking for the unit ("Tell Abyad district") keeps the unit first.
        """
        top = ranked[0][2]
        if self._kind[top] not in ADMIN_KINDS:
            return ranked
        for i, (_, _, r, signals) in enumerate(ranked[1:], start=1):
            if r in self._links(top) and self._kind[r] not in ADMIN_KINDS and found[r].score >= 90.0:
                signals.append(f"the town that {self._ids[top]} is named after")
                return [ranked[i], *ranked[:i], *ranked[i + 1 :]]
        return ranked

    def _far_from(self, top: int, rows: list[int]) -> list[int]:
        """The rows more than 3 km from ``top`` (one vectorised geodesic call)."""
        if not rows:
            return []
        ds = distances_m(self._lat[top], self._lon[top], [self._lat[r] for r in rows], [self._lon[r] for r in rows])
        return [r for r, d in zip(rows, ds) if d > _SAME_PLACE_M]

    def _follow_links(self, found: dict[int, _Hit], wanted: tuple[str, ...]) -> None:
        """Add the admin unit a matched town is the seat of (and the reverse) when the mention asks for it."""
        for row, hit in list(found.items()):
            if self._kind[row] in wanted:
                continue
            for other in self._links(row):
                if self._kind[other] in wanted and (other not in found or found[other].score < hit.score):
                    found[other] = _Hit(hit.score, hit.name_row, hit.tier, f"{self._kind[other]} of {self._ids[row]}")

    # -- bulk ------------------------------------------------------------------------------
    def resolve_many(
        self,
        mentions: Any,
        *,
        province: Any = None,
        column: str = "mention",
        province_column: str | None = None,
    ) -> pa.Table:
        """Resolve many mentions; one output row per input row, repeats resolved once.

        ``mentions`` is a list (or any iterable) of strings, a pyarrow
        ``Array``/``ChunkedArray``, a pandas ``Series``, or a pyarrow ``Table``
        / pandas ``DataFrame`` with a ``column`` of mentions (and optionally a
        ``province_column``). ``province`` is one province for all rows or a
        sequence aligned with the mentions. A bad mention or province gives a
        row with ``error`` set and no place; it never spoils the other rows.

        >>> from gazetteer import load
        >>> t = load().resolve_many(["Talbiseh", "Talbiseh", "", 42])
        >>> t.column("geonames_id").to_pylist()[:3], t.column("error").to_pylist()[3]
        ([163779, 163779, None], 'a mention must be a str, got int')
        """
        texts, provinces = _bulk_inputs(mentions, province, column, province_column)
        m_codes, m_dict = _encode(texts)
        p_codes, p_dict = _encode(provinces) if provinces is not None else ([0] * len(m_codes), [None])
        width = len(p_dict) + 1
        combined = [(m + 1) * width + (p + 1) for m, p in zip(m_codes, p_codes)]
        unique = pa.array(combined, type=pa.int64()).unique()
        positions = pc.index_in(pa.array(combined, type=pa.int64()), value_set=unique)
        results: list[tuple[Match | None, str | None]] = []
        for code in unique.to_pylist():
            m, p = divmod(code, width)
            text = m_dict[m - 1] if m > 0 else None
            prov = p_dict[p - 1] if p > 0 else None
            try:
                if isinstance(text, _Bad):
                    raise InvalidQueryError(text.reason)
                match = None if text is None else self.resolve(text, province=prov)
                results.append((match, None))
            except GazetteerError as e:
                results.append((None, str(e)))
        table = _results_table(results)
        out = table.take(positions)
        columns = {"mention": pa.array([_utf8(t) for t in texts], pa.string())}
        if provinces is not None:
            columns["province"] = pa.array([_utf8(p) for p in provinces], pa.string())
        for name in out.column_names:
            columns[name] = out.column(name)
        return pa.table(columns)


class _Bad:
    """A mention that is not a str (kept apart so it gets an error, not a match)."""

    __slots__ = ("reason",)

    def __init__(self, value: object) -> None:
        self.reason = f"a mention must be a str, got {type(value).__name__}"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, _Bad) and other.reason == self.reason

    def __hash__(self) -> int:
        return hash(self.reason)


def _as_list(values: Any, what: str) -> list[Any]:
    if isinstance(values, (pa.Array, pa.ChunkedArray)):
        if not (
            pa.types.is_string(values.type) or pa.types.is_large_string(values.type) or pa.types.is_null(values.type)
        ):
            if pa.types.is_dictionary(values.type) and (
                pa.types.is_string(values.type.value_type) or pa.types.is_large_string(values.type.value_type)
            ):
                return (
                    list(values.cast(pa.string()).to_pylist())
                    if isinstance(values, pa.Array)
                    else [v for chunk in values.chunks for v in chunk.cast(pa.string()).to_pylist()]
                )
            raise InvalidQueryError(f"{what} must be strings, got an Arrow column of {values.type}")
        return list(values.to_pylist())
    if isinstance(values, (str, bytes)):
        raise InvalidQueryError(f"{what} must be a sequence of strings, not a single {type(values).__name__}")
    if hasattr(values, "to_list") and hasattr(values, "dtype"):  # pandas Series
        values = values.to_list()
    try:
        return list(values)
    except TypeError:
        raise InvalidQueryError(f"{what} must be an iterable of strings, got {type(values).__name__}") from None


def _bulk_inputs(
    mentions: Any, province: Any, column: str, province_column: str | None
) -> tuple[list[Any], list[Any] | None]:
    if hasattr(mentions, "columns") and hasattr(mentions, "iloc"):  # pandas DataFrame
        mentions = pa.Table.from_pandas(mentions, preserve_index=False)
    if isinstance(mentions, pa.Table):
        if column not in mentions.column_names:
            raise InvalidQueryError(f"table has no column {column!r} (columns: {', '.join(mentions.column_names)})")
        if province_column is not None:
            if province_column not in mentions.column_names:
                raise InvalidQueryError(f"table has no column {province_column!r}")
            province = mentions.column(province_column)
        mentions = mentions.column(column)
    texts = [t if t is None or isinstance(t, str) else _Bad(t) for t in _as_list(mentions, "mentions")]
    if province is None:
        return texts, None
    if isinstance(province, str):
        return texts, [province] * len(texts)
    provinces = _as_list(province, "province")
    if len(provinces) != len(texts):
        raise InvalidQueryError(f"province has {len(provinces)} values for {len(texts)} mentions")
    return texts, provinces


def _utf8(value: Any) -> str | None:
    """A str that Arrow can hold (lone surrogates become U+FFFD), or None for a non-str."""
    if not isinstance(value, str):
        return None
    return value.encode("utf-8", "surrogatepass").decode("utf-8", "replace")


def _encode(values: Sequence[Any]) -> tuple[list[int], list[Any]]:
    """Codes (-1 for None) and the distinct values, in first-seen order."""
    seen: dict[tuple[str, Any], int] = {}
    distinct: list[Any] = []
    codes = []
    for v in values:
        if v is None:
            codes.append(-1)
            continue
        try:
            key: tuple[str, Any] = (type(v).__name__, v) if isinstance(v, (str, int, float)) else ("~", repr(v))
            hash(key)
        except TypeError:  # an unhashable object that is not a list/dict/set (repr covers those)
            key = ("~", id(v))
        code = seen.get(key)
        if code is None:
            code = seen[key] = len(distinct)
            distinct.append(v)
        codes.append(code)
    return codes, distinct


_RESULT_SCHEMA = pa.schema(
    [
        ("id", pa.string()),
        ("name", pa.string()),
        ("name_ar", pa.string()),
        ("kind", pa.string()),
        ("lat", pa.float64()),
        ("lon", pa.float64()),
        ("governorate", pa.string()),
        ("governorate_pcode", pa.string()),
        ("district_pcode", pa.string()),
        ("subdistrict_pcode", pa.string()),
        ("pcode", pa.string()),
        ("geonames_id", pa.int64()),
        ("score", pa.float64()),
        ("tier", pa.string()),
        ("matched_name", pa.string()),
        ("ambiguous", pa.bool_()),
        ("in_province", pa.bool_()),
        ("error", pa.string()),
    ]
)


def _results_table(results: Iterable[tuple[Match | None, str | None]]) -> pa.Table:
    cols: dict[str, list[Any]] = {f.name: [] for f in _RESULT_SCHEMA}
    for match, error in results:
        p = match.place if match else None
        row = {
            "id": p.id if p else None,
            "name": p.name if p else None,
            "name_ar": p.name_ar if p else None,
            "kind": p.kind if p else None,
            "lat": p.lat if p else None,
            "lon": p.lon if p else None,
            "governorate": p.governorate.name if p else None,
            "governorate_pcode": p.governorate.pcode if p else None,
            "district_pcode": p.district.pcode if p and p.district else None,
            "subdistrict_pcode": p.subdistrict.pcode if p and p.subdistrict else None,
            "pcode": p.pcode if p else None,
            "geonames_id": p.geonames_id if p else None,
            "score": match.score if match else None,
            "tier": match.tier if match else None,
            "matched_name": match.matched_name if match else None,
            "ambiguous": match.ambiguous if match else None,
            "in_province": match.in_province if match else None,
            "error": error,
        }
        for name, value in row.items():
            cols[name].append(value)
    return pa.Table.from_pydict(cols, schema=_RESULT_SCHEMA)
