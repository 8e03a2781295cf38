"""An opened index, as the query path sees it: postings, name and place columns, links, places.

It holds state only (no per-query cache, no ranking): :mod:`gazetteer.lookup`
reads its postings and name keys, :mod:`gazetteer.rank` its place columns and
links, and the :class:`~gazetteer.resolve.Gazetteer` façade ties them together.

>>> from gazetteer import load
>>> o = load().opened
>>> row = o.row_of["gn:163779"]
>>> o.kind[row], o.place(row).name_ar
('town', 'تلبيسة')
"""

from __future__ import annotations

import _thread
import math
from collections.abc import Iterable, Iterator, Mapping
from collections.abc import Set as AbstractSet
from functools import partial
from itertools import chain
from typing import TYPE_CHECKING, Any, NamedTuple

from .index import KEY_TIERS, IndexFile
from .kinds import ADMIN_KINDS, importance
from .model import AdminRef, Name, Place, SourceRef, new_place
from .scoring import SCORES

if TYPE_CHECKING:
    from .spot import SpotIndex

__all__ = ["OpenedIndex", "Postings", "deletions"]

_NO_LINKS: frozenset[int] = frozenset()
_new_name = partial(tuple.__new__, Name)  # Name from a (text, lang, source, flags) tuple, without a Python call
_new_source = partial(tuple.__new__, SourceRef)


class Postings(Mapping[str, list[int]]):
    """Key -> name rows of one key tier: a dict key -> position over CSR offsets and rows.

    Opening builds one dict per tier and no per-key list: the work grows
    linearly with the index and gives the garbage collector nothing to walk.
    """

    __slots__ = ("_at", "_offsets", "_rows")

    def __init__(self, keys: list[str], offsets: list[int], rows: list[int]) -> None:
        self._at = dict(zip(keys, range(len(keys))))
        self._offsets, self._rows = offsets, rows

    def get(self, key: str, default: Any = ()) -> Any:
        i = self._at.get(key)
        return default if i is None else self._rows[self._offsets[i] : self._offsets[i + 1]]

    def __getitem__(self, key: str) -> list[int]:
        i = self._at[key]
        return self._rows[self._offsets[i] : self._offsets[i + 1]]

    def __contains__(self, key: object) -> bool:
        return key in self._at

    def __iter__(self) -> Iterator[str]:
        return iter(self._at)

    def __len__(self) -> int:
        return len(self._at)


class OpenedIndex:
    """The columns and structures of one index file that queries use (decoded at open)."""

    def __init__(self, index: IndexFile) -> None:
        self.file = index
        c = index.column
        # names: what lookup compares
        self.name_place: list[int] = c("names", "place")
        self.name_text: list[str] = c("names", "text")
        self.name_exact: list[str] = c("names", "exact")
        self.name_variant: list[str] = c("names", "variant")
        self.name_skeleton: list[str] = c("names", "skeleton")
        self.exact, self.variant, self.skeleton = (
            Postings(c("postings", f"{t}_keys"), c("postings", f"{t}_offsets"), c("postings", f"{t}_rows"))
            for t in KEY_TIERS
        )
        # places: what ranking reads
        self.ids: list[str] = c("places", "id")
        self.row_of: dict[str, int] = dict(zip(self.ids, range(len(self.ids))))
        self.kind: list[str] = c("places", "kind")
        self.gov: list[str | None] = c("places", "gov_pcode")
        self.lat: list[float] = c("places", "lat")
        self.lon: list[float] = c("places", "lon")
        self.pcode: list[str | None] = c("places", "pcode")
        self.dist: list[str | None] = c("places", "dist_pcode")
        self.sub: list[str | None] = c("places", "sub_pcode")
        self.importance: list[float] = [
            importance(k) + (0.0 if k in ADMIN_KINDS else _population_bonus(p))
            for k, p in zip(self.kind, c("places", "population"))
        ]
        self.linked: dict[int, frozenset[int]] = self._seat_links()
        self._places: dict[int, Place] = {}
        self._name_flags: list[tuple[str, ...]] = []
        self._place_columns: _PlaceColumns | None = None
        self._codes: tuple[dict[str, int], dict[int, int]] | None = None
        self._spots: SpotIndex | None = None
        self._fuzzy: dict[tuple[int, str], dict[str, str | tuple[str, ...]]] = {}  # (length, first letter) -> table
        self._by_length: dict[int, list[str]] | None = None
        self._by_letter: dict[int, tuple[dict[str, list[str]], dict[str, list[str]]]] = {}
        self._lock = _thread.allocate_lock()  # threading.Lock, without importing threading

    @property
    def path(self) -> str:
        """The index file."""
        return self.file.path

    @property
    def header(self) -> dict[str, Any]:
        """The index header."""
        return self.file.header

    def __len__(self) -> int:
        return len(self.ids)

    # -- links ----------------------------------------------------------------------------------
    def _seat_links(self) -> dict[int, frozenset[int]]:
        """Row -> rows linked to it by a seat link or a parent link, both ways (only the few linked rows)."""
        linked: dict[int, set[int]] = {}
        seats = self.file.column("places", "seat")
        seat_of = self.file.column("places", "seat_of")
        parents = self.file.column("places", "parent")
        for i, (one, many, parent) in enumerate(zip(seats, seat_of, parents)):
            others = [*many, *(x for x in (one, parent) if x)]
            for other in others:
                j = self.row_of.get(other)
                if j is not None and j != i:
                    linked.setdefault(i, set()).add(j)
                    linked.setdefault(j, set()).add(i)
        return {i: frozenset(s) for i, s in linked.items()}

    def links(self, row: int) -> AbstractSet[int]:
        """The rows linked to ``row`` (its seat, the units it seats, its parent or parts)."""
        return self.linked.get(row, _NO_LINKS)

    def related(self, a: int, b: int) -> bool:
        """Whether two places are one answer, not rivals: linked (directly or through a shared link) or nested."""
        la = self.links(a)
        if b in la or la & self.links(b):
            return True
        for unit, other in ((a, b), (b, a)):
            kind = self.kind[unit]
            if kind == "governorate" and self.gov[other] == self.gov[unit]:
                return True
            if kind == "district" and self.dist[other] == self.pcode[unit]:
                return True
            if kind == "subdistrict" and self.sub[other] == self.pcode[unit]:
                return True
        return False

    # -- ids -----------------------------------------------------------------------------------
    def rows_by_code(self) -> tuple[dict[str, int], dict[int, int]]:
        """(OCHA P-code -> row, GeoNames id -> row), built once; a merged place answers for every id it holds."""
        codes = self._codes
        if codes is None:
            by_pcode: dict[str, int] = {}
            by_gn: dict[int, int] = {}
            gn_ids = self.file.column("places", "geonames_id")
            for row, (pcode, gid) in enumerate(zip(self.pcode, gn_ids)):
                if pcode:
                    by_pcode.setdefault(pcode, row)
                if gid is not None:
                    by_gn.setdefault(gid, row)
            for row, sources in enumerate(self.file.column("places", "sources")):
                for source, sid, _licence in sources:
                    if source == "geonames" and sid.isdecimal():
                        by_gn.setdefault(int(sid), row)
            codes = self._codes = (by_pcode, by_gn)
        return codes

    # -- names ------------------------------------------------------------------------------------
    def is_core_name(self, row: int) -> bool:
        """Whether name ``row`` is a core name: a place's name with its own descriptive word taken off
        ("البعث" of "جامعة البعث"), which is evidence only for a place of that kind."""
        return "core" in self.file.column("names", "flags")[row]

    def is_unit_name(self, row: int) -> bool:
        """Whether name ``row`` is a subdistrict's name on a seat town named otherwise (flag ``unit``:
        "الغوطة الشرقية" on Jaramana), which answers only a mention that asks for a unit."""
        return "unit" in self.file.column("names", "flags")[row]

    def name_quality(self, row: int) -> str:
        """``main`` (the place's own name, its Arabic name, or an official or preferred one),
        ``historic`` (a name flagged historic), ``colloquial`` (a nickname or a region's name said of
        the place: "الشهباء" for Aleppo, "Hauran" for Daraa) or ``alias`` (any other alternate name)."""
        flags = self.file.column("names", "flags")[row]
        if "historic" in flags:
            return "historic"
        if "colloquial" in flags:
            return "colloquial"
        if "official" in flags or "preferred" in flags:
            return "main"
        place = self.name_place[row]
        text = self.name_text[row]
        c = self.file.column
        return "main" if text == c("places", "name")[place] or text == c("places", "name_ar")[place] else "alias"

    # -- spotting --------------------------------------------------------------------------------
    def spot_index(self) -> SpotIndex:
        """The spot tier of the posting lists (built on the first geoparse: a dict over first words)."""
        spots = self._spots
        if spots is None:
            c = self.file.column
            from .spot import SpotIndex

            spots = self._spots = SpotIndex(
                c("postings", "spot_keys"), c("postings", "spot_offsets"), c("postings", "spot_rows"),
                c("names", "spot"), c("names", "text"),
            )  # fmt: skip
        return spots

    # -- fuzzy deletion table --------------------------------------------------------------------
    def fuzzy_table(self, length: int, first: str) -> dict[str, str | tuple[str, ...]]:
        """The fuzzy tier's deletion table for probes of ``length`` letters that begin with ``first``:
        the variant keys of that length and first letter, and the deletions beginning with ``first`` of
        the keys one letter longer, each -> the key it comes from (a tuple of keys where several share
        it; few do). Built the first time a query needs it: a first fuzzy query builds three small
        tables (about 2 ms with the grouping of the keys), not the tables of every key.

        >>> from gazetteer import load
        >>> table = load().opened.fuzzy_table(6, "t")
        >>> "talbasa" in table["talbas"], all(probe[0] == "t" and len(probe) == 6 for probe in table)
        (True, True)
        """
        table = self._fuzzy.get((length, first))
        if table is None:
            with self._lock:
                table = self._fuzzy.get((length, first))
                if table is None:
                    same, _ = self._keys_by_letter(length)
                    longer_first, longer_second = self._keys_by_letter(length + 1)
                    probes = chain(
                        ((k, (k,)) for k in same.get(first, ())),
                        ((k, deletions(k)) for k in longer_first.get(first, ())),  # most begin with `first`
                        ((k, (k[1:],)) for k in longer_second.get(first, ())),  # only the one dropping k[0]
                    )
                    table = self._fuzzy[(length, first)] = _deletion_table(probes, first)
        return table

    def _keys_by_letter(self, length: int) -> tuple[dict[str, list[str]], dict[str, list[str]]]:
        """The variant keys of ``length`` letters by first letter, and by second letter where it differs
        from the first (under the lock)."""
        parts = self._by_letter.get(length)
        if parts is None:
            if self._by_length is None:
                by_length: dict[int, list[str]] = {}
                shortest = SCORES.min_fuzzy_query - 1
                for key in self.variant:
                    if len(key) >= shortest:
                        by_length.setdefault(len(key), []).append(key)
                self._by_length = by_length
            first: dict[str, list[str]] = {}
            second: dict[str, list[str]] = {}
            for key in self._by_length.get(length, ()):
                first.setdefault(key[0], []).append(key)
                if key[1] != key[0]:
                    second.setdefault(key[1], []).append(key)
            parts = self._by_letter[length] = (first, second)
        return parts

    def build_fuzzy_tables(self) -> None:
        """Build every deletion table a query may need (benchmarks time queries without the builds)."""
        longest = max(map(len, self.variant), default=0)
        for length in range(SCORES.min_fuzzy_query - 1, longest + 1):
            with self._lock:
                same, _ = self._keys_by_letter(length)
                longer_first, longer_second = self._keys_by_letter(length + 1)
            for first in sorted({*same, *longer_first, *longer_second}):
                self.fuzzy_table(length, first)

    # -- places ----------------------------------------------------------------------------------
    def place(self, row: int) -> Place:
        """The place in ``row`` (built once, then kept)."""
        place = self._places.get(row)
        if place is None:
            place = self._build_place(row)
            self._places[row] = place  # a benign race: both threads build equal places
        return place

    def clear_places(self) -> None:
        """Forget the built places (benchmarks measure building them)."""
        self._places.clear()

    def _build_place(self, row: int) -> Place:
        cols = self._place_columns
        if cols is None:
            c = self.file.column
            cols = _PlaceColumns._make(
                [
                    *(c("places", name) for name in _PlaceColumns._fields[:-3]),
                    *(c("names", name) for name in _PlaceColumns._fields[-3:]),
                ]
            )
            # one tuple per distinct flags value, shared by every name that has it (set before the
            # columns, which tell another thread that both are ready)
            flag_sets = {f: tuple(f.split(",")) if f else () for f in set(cols.flags)}
            self._name_flags = [flag_sets[f] for f in cols.flags]
            self._place_columns = cols
        start = cols.name_start[row]
        stop = start + cols.name_count[row]
        # Name(...) for each name row, all in C: zip gives the field tuples, tuple.__new__ makes them Names
        part = slice(start, stop)
        fields = zip(self.name_text[part], cols.lang[part], cols.source[part], self._name_flags[part])
        names = tuple(map(_new_name, fields))
        dist, sub = cols.dist_name[row], cols.sub_name[row]
        return new_place(
            id=self.ids[row],
            name=cols.name[row],
            name_ar=cols.name_ar[row],
            kind=self.kind[row],
            lat=self.lat[row],
            lon=self.lon[row],
            governorate=AdminRef(cols.gov_name[row], cols.gov_name_ar[row], self.gov[row]),
            district=None if dist is None else AdminRef(dist, cols.dist_name_ar[row], self.dist[row]),
            subdistrict=None if sub is None else AdminRef(sub, cols.sub_name_ar[row], self.sub[row]),
            population=cols.population[row],
            geonames_id=cols.geonames_id[row],
            pcode=self.pcode[row],
            wikidata=cols.wikidata[row],
            iso3166_2=cols.iso3166_2[row],
            names=names,
            sources=tuple(map(_new_source, cols.sources[row])),
            seat_of=tuple(cols.seat_of[row]),
            seat=cols.seat[row],
            admin_inferred=cols.admin_inferred[row],
            parent=cols.parent[row],
        )


class _PlaceColumns(NamedTuple):
    """The columns a Place is built from (fetched on the first build)."""

    name: list[str]
    name_ar: list[str | None]
    gov_name: list[str]
    gov_name_ar: list[str | None]
    dist_name: list[str | None]
    dist_name_ar: list[str | None]
    sub_name: list[str | None]
    sub_name_ar: list[str | None]
    population: list[int | None]
    geonames_id: list[int | None]
    wikidata: list[str | None]
    iso3166_2: list[str | None]
    sources: list[list[list[str]]]
    seat_of: list[list[str]]
    seat: list[str | None]
    admin_inferred: list[bool]
    parent: list[str | None]
    name_start: list[int]
    name_count: list[int]
    lang: list[str]
    source: list[str]
    flags: list[str]


def _deletion_table(key_probes: Iterable[tuple[str, Iterable[str]]], first: str) -> dict[str, str | tuple[str, ...]]:
    """The probes that begin with ``first`` -> the key each comes from (a tuple of keys where several
    share a probe).

    >>> table = _deletion_table([("abc", ["abc"]), ("abcd", deletions("abcd")), ("xabc", ["abc"])], "a")
    >>> table["abc"], table["abd"], "bcd" in table
    (('abc', 'abcd', 'xabc'), 'abcd', False)
    """
    built: dict[str, str | tuple[str, ...]] = {}
    get = built.get
    for key, probes in key_probes:
        for probe in probes:
            if probe[:1] != first:
                continue
            old = get(probe)
            if old is None:
                built[probe] = key
            elif isinstance(old, str):
                built[probe] = (old, key)
            else:
                built[probe] = (*old, key)
    return built


def deletions(key: str) -> set[str]:
    """The strings one deletion away from ``key`` (none for keys of three letters or fewer).

    >>> sorted(deletions("abcd"))
    ['abc', 'abd', 'acd', 'bcd']
    """
    return {key[:i] + key[i + 1 :] for i in range(len(key))} if len(key) > 3 else set()


def _population_bonus(population: int | None) -> float:
    return SCORES.population_bonus * min(math.log10((population or 0) + 1), 7.0) / 7.0
