"""The 14 governorates (محافظات): codes in every system, and the spellings people use.

The facts come from ``sources/governorates.json`` (written by the project, with
its origin stated there). Any code or spelling finds a governorate:

>>> lookup("SY-HI").name, lookup("SY04").name, lookup("11").name, lookup("SY.11").name
('Homs', 'Homs', 'Homs', 'Homs')
>>> lookup("Rural Damascus").pcode, lookup("ريف دمشق").pcode, lookup("Reef Damascus").pcode
('SY03', 'SY03', 'SY03')
>>> lookup("DEIR EZZOR ").iso, lookup("Dayr az Zawr").iso
('SY-DY', 'SY-DY')
>>> lookup("Narnia") is None, lookup("HOMS PROVINCE").name
(True, 'Homs')
>>> find("Narnia")
Traceback (most recent call last):
...
gazetteer.errors.UnknownProvinceError: unknown province 'Narnia'; valid governorates: ...
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

from .curated import curated_text, load_json
from .errors import UnknownProvinceError
from .model import AdminRef
from .normalize import clean, exact_key, variant_key

__all__ = ["CITY_GOVERNORATE", "Governorate", "all_governorates", "by_pcode", "find", "lookup", "neighbours"]

#: The governorate that is its capital city and nothing more, Damascus (its countryside is Rif
#: Dimashq): a part of it ("southern Damascus", "جنوب دمشق") is a part of the city.
CITY_GOVERNORATE = "SY01"


@dataclass(frozen=True, slots=True)
class Governorate:
    """One governorate (admin1) with its codes and spellings."""

    name: str  #: English name, e.g. ``"Homs"``
    name_ar: str  #: Arabic name, e.g. ``"حمص"``
    iso: str  #: ISO 3166-2, e.g. ``"SY-HI"``
    pcode: str  #: OCHA P-code, e.g. ``"SY04"``
    geonames_admin1: str  #: GeoNames admin1 code, e.g. ``"11"``
    geonames_id: int  #: GeoNames id of the ADM1 feature
    capital: str | None  #: name of the capital city (``None`` for Rif Dimashq)
    lat: float  #: approximate centre, WGS84
    lon: float
    spellings: tuple[str, ...]  #: Latin spellings
    spellings_ar: tuple[str, ...]  #: Arabic spellings
    #: spellings that are a region's or a nickname's, said of more than the governorate ("Jazira", "الشام")
    colloquial: tuple[str, ...] = ()

    @property
    def ref(self) -> AdminRef:
        """This governorate as an :class:`~gazetteer.model.AdminRef`."""
        return AdminRef(self.name, self.name_ar, self.pcode)


@cache
def all_governorates() -> tuple[Governorate, ...]:
    """The 14 governorates, in OCHA P-code order."""
    data = load_json("governorates.json")["governorates"]
    govs = [
        Governorate(
            name=g["name"],
            name_ar=g["name_ar"],
            iso=g["iso"],
            pcode=g["pcode"],
            geonames_admin1=g["geonames_admin1"],
            geonames_id=int(g["geonames_id"]),
            capital=g["capital"],
            lat=float(g["lat"]),
            lon=float(g["lon"]),
            spellings=tuple(g["spellings"]),
            spellings_ar=tuple(g["spellings_ar"]),
            colloquial=tuple(g.get("colloquial", ())),
        )
        for g in data
    ]
    return tuple(sorted(govs, key=lambda g: g.pcode))


@cache
def _table() -> tuple[dict[str, Governorate], dict[str, Governorate]]:
    codes: dict[str, Governorate] = {}
    names: dict[str, Governorate] = {}
    for g in all_governorates():
        for code in (g.iso, g.pcode, g.geonames_admin1, f"SY.{g.geonames_admin1}", str(g.geonames_id)):
            codes[code.upper()] = g
        codes[g.iso.split("-")[1]] = g  # bare ISO suffix: "HI"
        for spelling in (g.name, g.name_ar, *g.spellings, *g.spellings_ar):
            for key in (exact_key(spelling), variant_key(spelling)):
                if key:
                    names.setdefault(key, g)
    return codes, names


def by_pcode(pcode: str) -> Governorate:
    """The governorate with this OCHA P-code (``SY01``..``SY14``); ``KeyError`` otherwise."""
    return _by_pcode()[pcode]


@cache
def _by_pcode() -> dict[str, Governorate]:
    return {g.pcode: g for g in all_governorates()}


def lookup(designation: object) -> Governorate | None:
    """The governorate a code or spelling designates, or ``None``.

    Accepts ISO 3166-2 (``SY-HI``), OCHA P-codes (``SY04``, also longer P-codes
    such as ``SY0404`` of a district inside it), GeoNames admin1 codes (``11``,
    ``SY.11``), English, Arabic and other spellings, with or without the words
    governorate/province/محافظة.
    """
    if not isinstance(designation, str) or len(designation) > 400:
        return None  # no spelling is that long: refuse before any work on the text
    return _lookup_text(designation)


_GENERIC_WORDS = re.compile(r"(?i)\b(?:governorate|province|muhafazat?)\b|محافظة")


@lru_cache(maxsize=4096)
def _lookup_text(designation: str) -> Governorate | None:
    text = clean(designation)
    if not text or len(text) > 100:
        return None
    codes, names = _table()
    upper = text.upper()
    if upper in codes:
        return codes[upper]
    if len(upper) in (6, 8) and upper.startswith("SY") and upper[2:].isdigit():
        return codes.get(upper[:4])  # a district or subdistrict P-code
    for key in (exact_key(text), variant_key(text)):
        if key in names:
            return names[key]
    stripped = _GENERIC_WORDS.sub(" ", text)
    if stripped != text:
        return _lookup_text(stripped)
    return None


def find(province: object) -> Governorate:
    """Like :func:`lookup`, but raise :class:`UnknownProvinceError` when nothing matches."""
    g = lookup(province)
    if g is None:
        raise UnknownProvinceError(province, [g.name for g in all_governorates()])
    return g


@cache
def _adjacency() -> dict[str, frozenset[str]]:
    """Governorate P-code -> P-codes of its neighbours, from ``sources/governorate_adjacency.tsv``."""
    lines = curated_text("governorate_adjacency.tsv").splitlines()
    if not lines or lines[0].split("\t")[:2] != ["governorate", "neighbour"]:
        raise ValueError("sources/governorate_adjacency.tsv: header must start with 'governorate\tneighbour'")
    pairs: dict[str, set[str]] = {g.pcode: set() for g in all_governorates()}
    for line_no, line in enumerate(lines[1:], 2):
        if not line.strip():
            continue
        a, b = (lookup(x) for x in line.split("\t")[:2])
        if a is None or b is None or a == b:
            raise ValueError(f"sources/governorate_adjacency.tsv:{line_no}: not a pair of two governorates")
        pairs[a.pcode].add(b.pcode)
        pairs[b.pcode].add(a.pcode)
    return {k: frozenset(v) for k, v in pairs.items()}


def neighbours(pcode: str) -> frozenset[str]:
    """The P-codes of the governorates that share a border with this one (any code or spelling works).

    Read from ``sources/governorate_adjacency.tsv`` (each pair cites the page that states it);
    the relation is symmetric. Raises :class:`UnknownProvinceError` for an unknown governorate.

    >>> sorted(neighbours("SY01")), sorted(by_pcode(p).name for p in neighbours("Quneitra"))
    (['SY03'], ['Daraa', 'Rif Dimashq'])
    """
    return _adjacency()[find(pcode).pcode]
