"""Reader of the Syrian Archive locations database (``locations.json``).

Upstream: https://github.com/crito/syrianarchive, ``database/data/locations.json``
(also found as ``syrianarchive_locations.json``): a JSON list of objects
``{id, name, arabic_name, region, latitude, longitude, latlon}``. The data is
hand-typed and dirty:

* names and regions are padded with spaces and may carry bidi controls;
  regions are upper case and loose (``"DEIR EZZOR "``, ``"QUINETRA"``; the
  ``DAMASCUS`` region also covers Rif Dimashq places). The region is passed on
  raw (stripped) as ``governorate``: the merge resolves it.
* ``latitude``/``longitude`` are strings, sometimes empty or malformed; then
  ``latlon`` (free text: ``"36.19, 37.16"``, ``"36.19N 37.16E"`` or
  ``35°42'49"N 36°56'54"E``) is parsed instead. Swapped pairs are swapped back.
* Arabic names often start with a generic word (قرية village, بلدة and مدينة
  town, حي neighbourhood, مخيم camp, سجن prison, مطار airport, مشفى/دوار/جامع/
  جسر/حاجز/فندق/مشروع/كلية/قلعة... landmarks) and English names carry words such
  as ``roundabout``, ``Prison``, ``Airbase``, ``Academy``, ``Uni``, ``nahiyah``
  (subdistrict): they set the kind (default ``"village"``) and the name is also
  stored without the generic word. A governorate word typed into an Arabic name
  ("محمبل ادلب") and leading punctuation ("- قرية الغفر") are taken off.

>>> [round(x, 5) for x in parse_latlon('35°42\\'49"N   36°56\\'54"E')]
[35.71361, 36.94833]
>>> parse_latlon("36.19N 37.16E"), parse_latlon("36.197971, 37.1656697"), parse_latlon("n/a")
((36.19, 37.16), (36.197971, 37.1656697), None)
>>> classify_name("Karah Bridge", "جسر الكرة")
('landmark', 'Karah Bridge', 'جسر الكرة', ['الكرة'])
>>> classify_name("Ajaz", "قرية اعجاز")
('village', 'Ajaz', 'اعجاز', ['قرية اعجاز'])
>>> classify_name("Central Prison", "السجن المركزي")[0], classify_name("Kuwayris Airbase", "مطار كويرس")[0]
('prison', 'airbase')
>>> classify_name("Amiqiyah", "مدينة عميقة")[0], classify_name("Meridian", "فندق ديدمان")[0]
('town', 'landmark')
"""

from __future__ import annotations

import re
from pathlib import Path

from ..errors import SourceFormatError
from ..model import SourceRecord
from ..normalize import clean, skeleton_key
from . import SOURCES, ReadResult, Skip
from .geonames import NameSet, check_coordinates, parse_float, strip_arabic_marks
from .opensyria import load_json_list

__all__ = [
    "LICENCE",
    "NAME",
    "ROLES",
    "classify_name",
    "matches",
    "parse_latlon",
    "read",
    "role",
    "strip_governorate_word",
]

NAME = "syrianarchive"
LICENCE = SOURCES[NAME].licence

#: The roles of the files this module reads (see :func:`role`).
ROLES: tuple[str, ...] = ("syrianarchive",)

_FILE_RE = re.compile(r"^(syrianarchive.*|locations)\.json$", re.IGNORECASE)

#: Leading Arabic generic words (compared without article, harakat, and with ة as ه) and the kind they give.
ARABIC_KIND_WORDS: dict[str, str] = {
    "قرية": "village",
    "بلدة": "town",
    "مدينة": "town",  # "مدينة عميقة" is a village: the word does not make a city
    "حي": "neighbourhood",
    "مساكن": "neighbourhood",
    "مخيم": "camp",
    "ناحية": "subdistrict",
    "سجن": "prison",
    "مطار": "airport",
    "جبل": "mountain",  # "جبل تركمان", "جبل الاكراد": the mountain regions, which the file calls villages
    **dict.fromkeys(
        [
            "مشفى",
            "مستشفى",
            "دوار",
            "ساحة",
            "جامع",
            "مسجد",
            "مدرسة",
            "جسر",
            "حاجز",
            "شارع",
            "طريق",
            "سوق",
            "كنيسة",
            "جامعة",
            "معمل",
            "ملعب",
            "فندق",
            "مشروع",
            "كلية",
            "قلعة",
        ],
        "landmark",
    ),
}
#: Kinds whose name is nothing without its generic word: "الاكراد" of "جبل الاكراد" is the Kurds.
_KEEP_HEAD = frozenset({"mountain"})
#: Kinds whose Arabic name is better without the generic word.
_STRIP_FOR_NAME_AR = frozenset({"village", "town", "city", "neighbourhood", "subdistrict"})

#: English words (lower case, anywhere in the name) and the kind they give, by priority.
ENGLISH_KIND_WORDS: dict[str, str] = {
    **dict.fromkeys(
        [
            "hospital",
            "roundabout",
            "square",
            "school",
            "mosque",
            "base",
            "bridge",
            "checkpoint",
            "barracks",
            "street",
            "st",
            "st.",
            "souq",
            "market",
            "university",
            "uni",
            "academy",
            "college",
            "hotel",
            "projects",
            "castle",
            "citadel",
            "factory",
            "stadium",
            "church",
        ],
        "landmark",
    ),
    "prison": "prison",
    "airport": "airport",
    "airbase": "airbase",
    "camp": "camp",
    "neighbourhood": "neighbourhood",
    "neighborhood": "neighbourhood",
    "district": "neighbourhood",
    "nahiyah": "subdistrict",
    "nahiya": "subdistrict",
    "najiyah": "subdistrict",
    "mantiqah": "district",
    "mintaqah": "district",
    "city": "city",
    "town": "town",
    "village": "village",
}
#: English generic words that are dropped from the primary name (trailing position).
_ENGLISH_STRIP = frozenset(
    {"nahiyah", "nahiya", "najiyah", "mantiqah", "mintaqah", "village", "town", "city"}
    | {"neighbourhood", "neighborhood", "district"}
)
_KIND_PRIORITY = (
    "prison",
    "airbase",
    "airport",
    "landmark",
    "camp",
    "mountain",
    "neighbourhood",
    "subdistrict",
    "district",
    "city",
    "town",
    "village",
)
#: Governorate words typed into some Arabic names ("محمبل ادلب", "الرقة سلوك", "ريف إدلب رامي").
_GOVERNORATE_WORDS_AR = (
    "دمشق", "ريف دمشق", "حلب", "ريف حلب", "حمص", "ريف حمص", "حماة", "حماه", "ريف حماة", "اللاذقية",
    "ريف اللاذقية", "ادلب", "إدلب", "ريف ادلب", "ريف إدلب", "الحسكة", "دير الزور", "طرطوس", "الرقة",
    "ريف الرقة", "درعا", "ريف درعا", "السويداء", "القنيطرة",
)  # fmt: skip

_COMPONENT = re.compile(
    r"""(?P<sign>-)?(?P<deg>\d+(?:\.\d+)?)\s*
        (?:[°º˚]\s*
           (?:(?P<min>\d+(?:\.\d+)?)\s*['′’]\s*
              (?:(?P<sec>\d+(?:\.\d+)?)\s*(?:"|″|”|''|’’)\s*)?
           )?
        )?
        (?P<hem>[NSEW](?![a-z]))?""",
    re.VERBOSE | re.IGNORECASE,
)


def role(path: Path) -> str | None:
    """``"syrianarchive"`` for ``locations.json`` / ``syrianarchive*.json``, else ``None``.

    >>> role(Path("syrianarchive_locations.json")), role(Path("places.json"))
    ('syrianarchive', None)
    """
    return "syrianarchive" if _FILE_RE.match(path.name) else None


def matches(path: Path) -> bool:
    """Whether the file name is a Syrian Archive locations file."""
    return role(path) is not None


def parse_latlon(text: str) -> tuple[float, float] | None:
    """A (lat, lon) pair from free text: decimal pair, decimal with N/E, or DMS."""
    text = clean(text.replace("\xa0", " "))
    parts = [m for m in _COMPONENT.finditer(text) if m.group("deg")]
    if len(parts) != 2:
        return None
    values: list[tuple[float, str]] = []
    for m in parts:
        value = float(m.group("deg"))
        if m.group("min"):
            value += float(m.group("min")) / 60
        if m.group("sec"):
            value += float(m.group("sec")) / 3600
        hem = (m.group("hem") or "").upper()
        if m.group("sign") or hem in ("S", "W"):
            value = -value
        values.append((value, hem))
    (a, ha), (b, hb) = values
    if ha in ("E", "W") and hb in ("N", "S"):
        return b, a
    return a, b


def _first_word(text: str) -> tuple[str, str]:
    word, _, rest = text.partition(" ")
    word = strip_arabic_marks(word).replace("ه", "ة")
    if word.startswith("ال") and len(word) > 4:
        word = word[2:]
    return word, rest.strip()


def strip_governorate_word(arabic: str, latin: str) -> str:
    """``arabic`` without a governorate word typed into it, when the rest is the place's name.

    The rest must have the consonant skeleton of the English name, so "حمص القديمة" (Old Homs)
    keeps its word.

    >>> strip_governorate_word("محمبل ادلب", "Mahambel"), strip_governorate_word("الرقة سلوك", "Suluk")
    ('محمبل', 'سلوك')
    >>> strip_governorate_word("حمص القديمة", "Old Homs")
    'حمص القديمة'
    """
    target = skeleton_key(latin)
    for word in _GOVERNORATE_WORDS_AR:
        for rest in (arabic.removeprefix(word + " "), arabic.removesuffix(" " + word)):
            if rest != arabic and rest.strip() and target and skeleton_key(rest) == target:
                return rest.strip()
    return arabic


def classify_name(name: str, arabic: str) -> tuple[str, str, str, list[str]]:
    """The kind, primary name, ``name_ar`` and extra names of a location.

    The extra names are the forms with or without the generic word that are
    not already the primary ones.
    """
    kinds: set[str] = set()
    extra: list[str] = []
    arabic = arabic.lstrip("-–—_.,:; ")
    name_ar = arabic
    word, rest = _first_word(arabic)
    arabic_kind = ARABIC_KIND_WORDS.get(word) if rest else None
    if arabic_kind:
        kinds.add(arabic_kind)
        if arabic_kind in _STRIP_FOR_NAME_AR:
            name_ar, extra_ar = rest, arabic
            extra.append(extra_ar)
        elif arabic_kind not in _KEEP_HEAD:
            extra.append(rest)
    words = name.split(" ")
    for i, w in enumerate(words):
        kind = ENGLISH_KIND_WORDS.get(w.lower())
        if w.lower() == "base" and i and words[i - 1].lower() == "air":
            kind = "airbase"
        if kind:
            kinds.add(kind)
    primary = name
    if len(words) > 1 and words[-1].lower() in _ENGLISH_STRIP:
        primary = " ".join(words[:-1])
        extra.append(name)
    kind = next((k for k in _KIND_PRIORITY if k in kinds), "village")
    stripped = strip_governorate_word(name_ar, primary)
    if stripped != name_ar:
        extra.append(name_ar)
        name_ar = stripped
    return kind, primary, name_ar, extra


def read(path: Path) -> ReadResult:
    """Read a Syrian Archive ``locations.json``."""
    expected = "a Syrian Archive JSON list of {id, name, arabic_name, region, latitude, longitude, latlon}"
    items = load_json_list(path, expected)
    good = sum(isinstance(i, dict) and "id" in i and ("name" in i or "arabic_name" in i) for i in items)
    if items and good * 2 <= len(items):
        raise SourceFormatError(f"{path}: expected {expected}; {len(items) - good} of {len(items)} are not")
    result = ReadResult(NAME, path)
    seen: set[str] = set()
    for index, item in enumerate(items):
        result.rows += 1
        if not isinstance(item, dict) or "id" not in item:
            result.skipped.append(Skip(NAME, f"#{index}", "malformed row", "no id"))
            continue
        sid = clean(str(item["id"]))
        if sid in seen:
            result.skipped.append(Skip(NAME, sid, "duplicate id"))
            continue
        seen.add(sid)
        record = _record(sid, item, result.skipped)
        if record is not None:
            result.records.append(record)
    return result


def _str(item: dict[str, object], key: str) -> str:
    value = item.get(key)
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    return clean(value) if isinstance(value, str) else ""


def _record(sid: str, item: dict[str, object], skipped: list[Skip]) -> SourceRecord | None:
    name, arabic = _str(item, "name"), _str(item, "arabic_name")
    if len(name) > 3 and name.isupper():
        name = name.title()  # "ALEPPO " -> "Aleppo"
    if not name and not arabic:
        skipped.append(Skip(NAME, sid, "empty name"))
        return None
    lat_s, lon_s, latlon = _str(item, "latitude"), _str(item, "longitude"), _str(item, "latlon")
    lat, lon = parse_float(lat_s), parse_float(lon_s)
    if lat is None or lon is None:
        pair = parse_latlon(latlon) if latlon else None
        if pair is None:
            empty = not lat_s and not lon_s and not latlon
            reason = "missing coordinates" if empty else "malformed coordinates"
            skipped.append(Skip(NAME, sid, reason, f"lat={lat_s!r} lon={lon_s!r} latlon={latlon!r}"))
            return None
        lat, lon = pair
    coords = check_coordinates(NAME, sid, lat, lon, skipped)
    if coords is None:
        return None
    kind, primary, name_ar, extra = classify_name(name, arabic)
    names = NameSet(NAME)
    names.add(primary, "en")
    names.add(name_ar, "ar")
    for text in extra:
        names.add(text, "ar" if any("\u0600" <= ch <= "\u06ff" for ch in text) else "en", ("alias",))
    return SourceRecord(
        source=NAME,
        source_id=sid,
        name=primary or name_ar,
        kind=kind,
        lat=coords[0],
        lon=coords[1],
        name_ar=name_ar or None,
        names=names.to_list(),
        governorate=_str(item, "region") or None,
    )
