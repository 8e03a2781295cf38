"""Reader of the OpenSyria data-geography files (governorates, districts, subdistricts).

Upstream: https://github.com/Open-Syria/data-geography, ``data/governorates.json``,
``data/districts.json`` and ``data/subdistricts.json`` (also found renamed
``opensyria_*.json``). Each file is a JSON list of objects with ``id``,
``name`` (``en``, ``ar``), ``aliases`` (``value``, ``language``, ``type``),
``centroid`` (``latitude``, ``longitude``), ``population`` (``value``, ``year``), ``area``
(``value``, ``unit``),
``externalIds`` (``ochaPcode``, ``geonames``, ``wikidata``, ``geoboundaries``),
``iso31662`` (governorates), ``governorateId`` (districts, subdistricts) and
``districtId`` (subdistricts). The level of an element is told by its
parent keys, so a renamed file still reads right.

Names that start with a generic word (``Nāḩiyat``, ``Markaz``, ``ناحية``,
``مركز``...) or end with one (``Subdistrict``, ``District``, ``Governorate``)
are also stored without it, flagged ``alias``: the resolver wants
``Tallbisah`` from ``Nahiyat Tallbisah``.

``sources.json`` (``opensyria_sources.json``) is the register of the sources
behind the data; :func:`read_register` returns it as is, it holds no places.

>>> strip_generic("Nāḩiyat Markaz Tallkalakh")
['Markaz Tallkalakh', 'Tallkalakh']
>>> strip_generic("ناحية تلبيسة"), strip_generic("Talbiseh Subdistrict"), strip_generic("Homs")
(['تلبيسة'], ['Talbiseh'], [])
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from ..errors import SourceFormatError
from ..model import SourceRecord
from ..normalize import clean, fold_latin
from . import SOURCES, ReadResult, Skip
from .geonames import NameSet, check_coordinates, lang_for, parse_float

__all__ = [
    "LICENCE",
    "NAME",
    "ROLES",
    "load_json_list",
    "matches",
    "read",
    "read_register",
    "role",
    "strip_generic",
]

NAME = "opensyria"
LICENCE = SOURCES[NAME].licence

#: The roles of the files this module reads (see :func:`role`).
ROLES: tuple[str, ...] = ("opensyria", "opensyria-register")

_DATA_RE = re.compile(r"^(opensyria_)?(governorates|districts|subdistricts)\.json$", re.IGNORECASE)
_REGISTER_RE = re.compile(r"^(opensyria_)?sources\.json$", re.IGNORECASE)

#: Generic leading words (folded Latin, or Arabic) stripped to make an alias.
_LATIN_PREFIXES = ("nahiyat", "nahiyah", "markaz", "mintaqat", "muhafazat")
_ARABIC_PREFIXES = ("ناحية", "منطقة", "محافظة", "مركز")
_LATIN_SUFFIXES = ("subdistrict", "sub district", "district", "governorate", "nahiyah")

_ALIAS_FLAGS = {"formal": "official", "alias": "alias", "alternate_spelling": "alias"}


def role(path: Path) -> str | None:
    """``"opensyria"`` for a data file, ``"opensyria-register"`` for ``sources.json``, else ``None``.

    >>> role(Path("opensyria_districts.json")), role(Path("opensyria_sources.json"))
    ('opensyria', 'opensyria-register')
    """
    if _DATA_RE.match(path.name):
        return "opensyria"
    if _REGISTER_RE.match(path.name):
        return "opensyria-register"
    return None


def matches(path: Path) -> bool:
    """Whether the file is an OpenSyria data file (the register is not one).

    >>> matches(Path("subdistricts.json")), matches(Path("opensyria_sources.json"))
    (True, False)
    """
    return role(path) == "opensyria"


def strip_generic(text: str) -> list[str]:
    """The forms of ``text`` without its generic leading/trailing words (may be empty)."""
    out: list[str] = []
    current = clean(text)
    while True:
        words = current.split(" ")
        if len(words) < 2:
            break
        first, last = fold_latin(words[0]), fold_latin(words[-1])
        if first in _LATIN_PREFIXES or words[0] in _ARABIC_PREFIXES:
            current = " ".join(words[1:])
        elif last in _LATIN_SUFFIXES:
            current = " ".join(words[:-1])
        else:
            break
        out.append(current)
    return out


def load_json_list(path: Path, expected: str) -> list[object]:
    """The top-level JSON list of a file; :class:`SourceFormatError` otherwise."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise SourceFormatError(f"{path}: cannot read: {exc.strerror or exc}") from exc
    try:
        value = json.loads(data.decode("utf-8-sig"))
    except UnicodeDecodeError as exc:
        raise SourceFormatError(f"{path}: not UTF-8 text, expected {expected}") from exc
    except json.JSONDecodeError as exc:
        raise SourceFormatError(f"{path}: not JSON ({exc.msg}), expected {expected}") from exc
    if not isinstance(value, list):
        raise SourceFormatError(f"{path}: a JSON {type(value).__name__}, expected {expected}")
    return value


def read_register(path: Path) -> list[dict[str, object]]:
    """The OpenSyria source register (``sources.json``): a list of source descriptions."""
    items = load_json_list(path, "a JSON list of source objects")
    if not all(isinstance(i, dict) and "id" in i for i in items):
        raise SourceFormatError(f"{path}: expected a JSON list of objects with an 'id'")
    return [i for i in items if isinstance(i, dict)]


def read(path: Path) -> ReadResult:
    """Read one OpenSyria governorates/districts/subdistricts file."""
    expected = 'an OpenSyria JSON list of objects with "id" and "name"'
    items = load_json_list(path, expected)
    good = sum(isinstance(i, dict) and "id" in i and isinstance(i.get("name"), dict) for i in items)
    if items and good * 2 <= len(items):
        raise SourceFormatError(f"{path}: expected {expected}; {len(items) - good} of {len(items)} are not")
    result = ReadResult(NAME, path)
    seen: set[str] = set()
    for index, item in enumerate(items):
        result.rows += 1
        if not isinstance(item, dict) or "id" not in item or not isinstance(item.get("name"), dict):
            result.skipped.append(Skip(NAME, f"#{index}", "malformed row", "no id or name"))
            continue
        record = _record(item, result.skipped)
        if record is None:
            continue
        if record.source_id in seen:
            result.skipped.append(Skip(NAME, record.source_id, "duplicate id"))
            continue
        seen.add(record.source_id)
        result.records.append(record)
    return result


def _text(value: object) -> str:
    return clean(value) if isinstance(value, str) else ""


def _record(item: dict[str, object], skipped: list[Skip]) -> SourceRecord | None:
    sid = _text(str(item["id"]))
    name_obj = item["name"]
    assert isinstance(name_obj, dict)
    en, ar = _text(name_obj.get("en")), _text(name_obj.get("ar"))
    if not en and not ar:
        skipped.append(Skip(NAME, sid, "empty name"))
        return None
    if "districtId" in item:
        kind, parent = "subdistrict", _text(item.get("districtId"))
    elif "governorateId" in item:
        kind, parent = "district", _text(item.get("governorateId"))
    else:
        kind, parent = "governorate", ""

    lat = lon = None
    centroid = item.get("centroid")
    if isinstance(centroid, dict):
        lat, lon = parse_float(centroid.get("latitude")), parse_float(centroid.get("longitude"))
        if lat is not None and lon is not None:
            coords = check_coordinates(NAME, sid, lat, lon, skipped)
            if coords is None:
                return None
            lat, lon = coords
        else:
            lat = lon = None

    names = NameSet(NAME)
    raw_names: list[tuple[str, str, tuple[str, ...]]] = []
    if en:
        raw_names.append((en, "en", ("official",)))
    if ar:
        raw_names.append((ar, "ar", ("official",)))
    aliases = item.get("aliases")
    for alias in aliases if isinstance(aliases, list) else []:
        if not isinstance(alias, dict):
            continue
        text = _text(alias.get("value"))
        declared = _text(alias.get("language"))
        lang = lang_for(text, declared) if text else None
        if lang is None:
            continue
        flag = _ALIAS_FLAGS.get(_text(alias.get("type")), "alias")
        raw_names.append((text, lang, (flag,)))
    for text, lang, flags in raw_names:
        names.add(text, lang, flags)
    for text, lang, _flags in raw_names:
        for stripped in strip_generic(text):
            if stripped not in names.texts():
                names.add(stripped, lang, ("alias",))

    population = None
    pop = item.get("population")
    if isinstance(pop, dict):
        value = pop.get("value")
        if isinstance(value, (int, float)) and not isinstance(value, bool) and value > 0:
            population = int(value)

    area_km2 = None
    area = item.get("area")
    if isinstance(area, dict) and area.get("unit", "km2") == "km2":
        value = area.get("value")
        if isinstance(value, (int, float)) and not isinstance(value, bool) and value > 0:
            area_km2 = float(value)

    external: dict[str, str] = {}
    ext = item.get("externalIds")
    if isinstance(ext, dict):
        for key, target in (
            ("ochaPcode", "pcode"),
            ("geonames", "geonames"),
            ("wikidata", "wikidata"),
            ("geoboundaries", "geoboundaries"),
        ):
            value = ext.get(key)
            if isinstance(value, (str, int)) and not isinstance(value, bool) and str(value).strip():
                external[target] = str(value).strip()
    iso = _text(item.get("iso31662"))
    if iso:
        external["iso3166_2"] = iso

    pcode = external.get("pcode", "")
    governorate: str | None = pcode[:4] if re.fullmatch(r"SY\d{2,}", pcode) else None
    if governorate is None:
        gov_id = _text(item.get("governorateId")) if kind != "governorate" else sid
        governorate = gov_id.removeprefix("sy-").replace("-", " ") or None
    district_pcode = pcode[:6] if kind == "subdistrict" and re.fullmatch(r"SY\d{6}", pcode) else None
    return SourceRecord(
        source=NAME,
        source_id=sid,
        name=en or ar,
        kind=kind,
        lat=lat,
        lon=lon,
        name_ar=ar or None,
        names=names.to_list(),
        population=population,
        area_km2=area_km2,
        governorate=governorate,
        district_pcode=district_pcode,
        parent_id=parent or None,
        external_ids=external,
    )
