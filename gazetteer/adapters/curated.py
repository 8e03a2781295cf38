"""Reader of the project's curated files: places, names and subdistrict seats read from cited pages.

Three tab-separated UTF-8 files in ``sources/`` (installed as ``gazetteer._curated``), one fact per
line, each line citing the page it was read on (``url``) and the date (``read``):

* ``curated_places.tsv``: ``id name name_ar other_names kind lat lon coord_text governorate parent
  url read note geonames_id``. ``id`` is a slug (the place id becomes ``cur:<slug>`` unless the
  place has a GeoNames id or P-code); ``other_names`` are separated by ``" | "``; ``coord_text``
  is the coordinate as the page printed it; ``parent`` is ``gn:<id>`` of the city a neighbourhood
  belongs to (or of the town a site belongs to); ``geonames_id`` is set when the row is a place
  GeoNames knows (Kanaker is ``168579``), so the place keeps its id ``gn:168579``.
* ``curated_names.tsv``: ``place name lang flags url read note``: a name of a place defined by
  another source, found by a stable row id (``gn:170063``, ``pcode:SY08``, ``sa:517``); ``flags``
  are ``historic``, ``colloquial``, ``press``, or ``wrong`` (the name belongs to another place: the
  merge takes it away from this one, :data:`gazetteer.merge.WRONG_NAME_FLAG`).
* ``subdistrict_seats.tsv``: ``subdistrict_pcode subdistrict_name seat url read note``: the seat
  town (``gn:<id>``) of a subdistrict, for the units whose names do not match their town
  ("Jebel Saman" is seated at Aleppo).

>>> parse_coord_text("33°28′40″N 36°13′24″E / 33.47778°N 36.22333°E")
(33.47778, 36.22333)
>>> parse_coord_text("北緯32度42分43.6秒 東経36度25分29.9秒")
(32.71211, 36.42497)
>>> parse_coord_text("{{coord|35|26|24|N|36|32|12|E|region:SY}}")
(35.44, 36.53667)
"""

from __future__ import annotations

import re
from pathlib import Path

from ..curated import curated_text
from ..errors import SourceFormatError
from ..geo import in_syria
from ..kinds import KINDS
from ..model import Name, SourceRecord
from ..naming import arabic_display
from ..normalize import clean, is_arabic
from . import SOURCES, NameFact, ReadResult, SeatFact, Skip
from .geonames import NameSet, lang_for

__all__ = [
    "FILES",
    "LICENCE",
    "NAME",
    "PLACE_COLUMNS",
    "arabic_display",
    "coord_candidates",
    "parse_coord_text",
    "read_all",
    "read_names",
    "read_places",
    "read_seats",
]

NAME = "curated"
LICENCE = SOURCES[NAME].licence

PLACE_COLUMNS = [
    "id", "name", "name_ar", "other_names", "kind", "lat", "lon", "coord_text", "governorate", "parent", "url",
    "read", "note", "geonames_id",
]  # fmt: skip
NAME_COLUMNS = ["place", "name", "lang", "flags", "url", "read", "note"]
SEAT_COLUMNS = ["subdistrict_pcode", "subdistrict_name", "seat", "url", "read", "note"]
#: The curated files this module reads, in ``sources/``.
FILES = ("curated_places.tsv", "curated_names.tsv", "subdistrict_seats.tsv")

_SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_TARGET = re.compile(r"^(gn:\d+|pcode:SY\d{2,8}|sa:\d+|cur:[a-z0-9-]+)$")
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def _rows(name: str, columns: list[str], text: str | None = None) -> list[tuple[int, dict[str, str]]]:
    """The rows of a curated TSV file as dicts, with their line numbers; the header must match."""
    text = curated_text(name) if text is None else text
    lines = text.splitlines()
    if not lines or lines[0].split("\t") != columns:
        raise SourceFormatError(f"sources/{name}: header must be {' '.join(columns)!r}")
    out: list[tuple[int, dict[str, str]]] = []
    for line_no, line in enumerate(lines[1:], 2):
        if not line.strip():
            continue
        values = line.split("\t")
        if len(values) != len(columns):
            raise SourceFormatError(f"sources/{name}:{line_no}: {len(values)} fields, expected {len(columns)}")
        out.append((line_no, dict(zip(columns, (v.strip() for v in values)))))
    return out


def _cited(name: str, line_no: int, row: dict[str, str]) -> None:
    if not row["url"].startswith(("http://", "https://")) or not _DATE.match(row["read"]):
        raise SourceFormatError(f"sources/{name}:{line_no}: every fact needs the url and the date it was read")


def _coord_number(text: str) -> float:
    return float(text.replace(",", "."))


_HEMI = {
    "N": "N", "S": "S", "E": "E", "W": "W", "O": "E", "K": "N", "D": "E", "Н": "N",
    "С.Ш.": "N", "В.Д.": "E", "NORTH": "N", "EAST": "E", "شمالا": "N", "شمالاً": "N", "شرقا": "E", "شرقاً": "E",
}  # fmt: skip
_PREFIX_HEMI = {"北緯": "N", "東経": "E"}


def parse_coord_text(text: str) -> tuple[float, float] | None:
    """The (lat, lon) a page's coordinate text states, rounded to 5 decimals, or ``None``.

    Reads degrees/minutes/seconds or decimal degrees in the notations the cited pages use
    (English, German ``O`` and decimal commas, Turkish ``K``/``D``, Russian ``с.ш.``/``в.д.``,
    Japanese 北緯/東経, Arabic درجة/دقيقة, the ``{{coord|...}}`` template, a bare ``lat, lon``
    pair) and takes the first coordinate the text gives.

    >>> parse_coord_text("36° 38′ 3,8″ N, 37° 5′ 8,7″ O")
    (36.63439, 37.08575)
    >>> parse_coord_text("40° 04´ 04 east and 36° 50´ 03 north")
    (36.83417, 40.06778)
    >>> parse_coord_text("GPS coordinates: 34.74750,40.73000"), parse_coord_text("n/a")
    ((34.7475, 40.73), None)
    """
    text = clean(text)
    m = re.search(r"\{\{coord\|([^}]*)\}\}", text, re.IGNORECASE)
    if m:
        parts = [p.strip() for p in m.group(1).split("|")]
        return _from_components(_template_components(parts))
    first = text.split(" / ")[0]
    for candidate in (first, text):
        found = _from_components(_components(candidate))
        if found is not None:
            return found
    numbers = re.findall(r"-?\d+(?:[.,]\d+)?", text.replace(", ", " "))
    decimals = [_coord_number(n) for n in numbers if re.search(r"[.,]\d{2,}", n)]
    if len(decimals) >= 2:
        return round(decimals[0], 5), round(decimals[1], 5)
    return None


def coord_candidates(text: str) -> list[tuple[float, float]]:
    """Every coordinate a text gives: pages often print one point twice, in DMS and in decimals,
    rounded differently (``33°10′N 35°52′E / 33.17°N 35.87°E``).

    >>> coord_candidates("33°10′N 35°52′E / 33.17°N 35.87°E / 33.17; 35.87")
    [(33.16667, 35.86667), (33.17, 35.87)]
    """
    out: list[tuple[float, float]] = []
    for segment in [*clean(text).split(" / "), text]:
        found = parse_coord_text(segment)
        if found is not None and found not in out:
            out.append(found)
    return out


def _template_components(parts: list[str]) -> list[tuple[list[float], str]]:
    out: list[tuple[list[float], str]] = []
    current: list[float] = []
    for p in parts:
        if re.fullmatch(r"-?\d+(?:\.\d+)?", p):
            current.append(float(p))
        elif p.upper() in ("N", "S", "E", "W") and current:
            out.append((current, p.upper()))
            current = []
    return out


_TOKEN = re.compile(
    r"(北緯|東経)|(\d+(?:[.,]\d+)?)\s*(°|º|˚|度|درجة|′|'|´|’|分|دقيقة|″|\"|''|”|秒)?"
    r"|(с\.\s?ш\.|в\.\s?д\.|north|east|شمالاً|شمالا|شرقاً|شرقا|[NSEWOKDН](?![A-Za-z]))",
    re.IGNORECASE,
)


def _components(text: str) -> list[tuple[list[float], str]]:
    """Split a coordinate text into (degree parts, hemisphere) pairs."""
    out: list[tuple[list[float], str]] = []
    current: list[float] = []
    pending_prefix = ""
    for m in _TOKEN.finditer(text):
        prefix, number, unit, hemi = m.group(1), m.group(2), m.group(3), m.group(4)
        if prefix:
            if current and pending_prefix:
                out.append((current, pending_prefix))
            current, pending_prefix = [], _PREFIX_HEMI[prefix]
        elif number is not None:
            if unit in ("′", "'", "´", "’", "分", "دقيقة") and not current:
                continue  # a minute without degrees: not a coordinate
            if len(current) == 3:
                break
            current.append(_coord_number(number))
        elif hemi:
            key = hemi.upper().replace(" ", "")
            h = _HEMI.get(key)
            if h and current:
                out.append((current, h))
                current = []
    if current and pending_prefix:
        out.append((current, pending_prefix))
    return out


def _from_components(parts: list[tuple[list[float], str]]) -> tuple[float, float] | None:
    lat = lon = None
    for values, hemi in parts:
        deg = values[0] + (values[1] / 60 if len(values) > 1 else 0) + (values[2] / 3600 if len(values) > 2 else 0)
        if hemi in ("S", "W"):
            deg = -deg
        if hemi in ("N", "S") and lat is None:
            lat = deg
        elif hemi in ("E", "W") and lon is None:
            lon = deg
    if lat is None or lon is None:
        return None
    return round(lat, 5), round(lon, 5)


def read_places(text: str | None = None) -> ReadResult:
    """Read ``curated_places.tsv`` (or ``text`` in its format) into records of source ``curated``."""
    name = "curated_places.tsv"
    result = ReadResult(NAME, Path("sources") / name)
    seen: set[str] = set()
    for line_no, row in _rows(name, PLACE_COLUMNS, text):
        result.rows += 1
        _cited(name, line_no, row)
        slug = row["id"]
        if not _SLUG.match(slug) or slug in seen:
            raise SourceFormatError(f"sources/{name}:{line_no}: id {slug!r} is not a new lower-case slug")
        seen.add(slug)
        if row["kind"] not in KINDS:
            raise SourceFormatError(f"sources/{name}:{line_no}: unknown kind {row['kind']!r}")
        try:
            lat, lon = float(row["lat"]), float(row["lon"])
        except ValueError:
            raise SourceFormatError(f"sources/{name}:{line_no}: lat/lon are not numbers") from None
        if not in_syria(lat, lon):
            result.skipped.append(Skip(NAME, slug, "coordinates outside Syria", f"{lat}, {lon}"))
            continue
        names = NameSet(NAME)
        names.add(row["name"], "en", ("official",))
        arabic = row["name_ar"]
        if arabic:
            names.add(arabic, "ar", ("official",))
            display = arabic_display(arabic)
            if display != arabic:
                names.add(display, "ar")
        for other in (o.strip() for o in row["other_names"].split("|")):
            lang = lang_for(other) if other else None
            if lang is None:
                continue  # another script (Hebrew...): cannot match an English or Arabic mention
            names.add(other, lang)
            if lang == "ar" and arabic_display(other) != other:
                names.add(arabic_display(other), "ar")
        external = {"curated": slug}
        if row["geonames_id"]:
            external["geonames"] = row["geonames_id"]
        parent = row["parent"] or None
        if parent is not None and not re.fullmatch(r"gn:\d+", parent):
            raise SourceFormatError(f"sources/{name}:{line_no}: parent must be gn:<id>, got {parent!r}")
        result.records.append(
            SourceRecord(
                source=NAME,
                source_id=slug,
                name=row["name"],
                kind=row["kind"],
                lat=lat,
                lon=lon,
                name_ar=arabic_display(arabic) if arabic else None,
                names=names.to_list(),
                governorate=row["governorate"],
                parent_id=parent,
                external_ids=external,
            )
        )
    return result


def _name_lang(text: str, declared: str) -> str | None:
    """The language tag of a curated name: Latin text declared ``ar`` is ``ar-Latn``; other scripts are dropped."""
    if is_arabic(text):
        return lang_for(text, declared if declared not in ("ar-Latn",) else "ar")
    lang = lang_for(text, declared)
    if lang is None:
        return None
    return "ar-Latn" if declared == "ar" else lang


def read_names(text: str | None = None) -> ReadResult:
    """Read ``curated_names.tsv``: names for places that other sources define (no records of its own)."""
    name = "curated_names.tsv"
    result = ReadResult(NAME, Path("sources") / name)
    for line_no, row in _rows(name, NAME_COLUMNS, text):
        result.rows += 1
        _cited(name, line_no, row)
        if not _TARGET.match(row["place"]):
            expected = "gn:<id>, pcode:<P-code>, sa:<id> or cur:<id>"
            raise SourceFormatError(f"sources/{name}:{line_no}: place must be {expected}")
        lang = _name_lang(row["name"], row["lang"])
        if lang is None:
            result.skipped.append(Skip(NAME, f"{name}:{line_no}", "script not kept", f"{row['name']} ({row['lang']})"))
            continue
        flags = tuple(f for f in (x.strip() for x in row["flags"].split(",")) if f)
        result.names.append(
            NameFact(NAME, str(line_no), row["place"], Name(clean(row["name"]), lang, NAME, flags), row["url"])
        )
    return result


def read_seats(text: str | None = None) -> ReadResult:
    """Read ``subdistrict_seats.tsv``: the seat town of a subdistrict, by P-code and GeoNames id."""
    name = "subdistrict_seats.tsv"
    result = ReadResult(NAME, Path("sources") / name)
    for line_no, row in _rows(name, SEAT_COLUMNS, text):
        result.rows += 1
        _cited(name, line_no, row)
        if not re.fullmatch(r"SY\d{6}", row["subdistrict_pcode"]) or not re.fullmatch(r"gn:\d+", row["seat"]):
            raise SourceFormatError(f"sources/{name}:{line_no}: expected a subdistrict P-code and gn:<id>")
        result.seats.append(SeatFact(NAME, str(line_no), row["subdistrict_pcode"], row["seat"], row["url"]))
    return result


def read_all() -> list[ReadResult]:
    """Every curated file: places, names, seats."""
    return [read_places(), read_names(), read_seats()]
