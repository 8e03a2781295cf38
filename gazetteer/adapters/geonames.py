"""Reader of the GeoNames dump format (``SY.txt``, ``allCountries.txt``, ``cities500.txt``...).

The GeoNames dump (https://download.geonames.org/export/dump/, ``readme.txt``) is
tab-separated UTF-8 without a header, 19 columns per line: geonameid, name,
asciiname, alternatenames (comma-separated), latitude, longitude, feature class,
feature code, country code, cc2, admin1, admin2, admin3, admin4, population,
elevation, dem, timezone, modification date. The same reader takes the
full-country extract ``SY.txt``, the ``citiesNNN`` extracts and
``allCountries.txt`` (rows of other countries are counted, not kept, and
reported as one aggregated :class:`Skip`).

This module also reads the admin code tables (``admin1CodesASCII.txt``,
``admin2Codes.txt``) and streams ``alternateNamesV2.txt`` (or V1
``alternateNames.txt``) to attach language-tagged names and Wikidata ids to the
places of a dump.

Names in scripts other than Latin and Arabic (Cyrillic, Greek, Hebrew, CJK,
Armenian...) are dropped: they cannot match a mention in an English or Arabic
text and only add noise to the index.

The small helpers at the end of :data:`__all__` (:func:`lang_for`,
:func:`check_coordinates`, :class:`NameSet`...) are shared by the other
adapters; text and coordinates go through :mod:`gazetteer.normalize` and
:mod:`gazetteer.geo` like everything else.

>>> kind_for("P", "PPLA3", 38491)
'town'
>>> kind_for("S", "PRN", None), kind_for("T", "MT", None), kind_for("R", "RD", None)
('landmark', 'feature', None)
>>> lang_for("تلبيسة"), lang_for("Tallbīsah"), lang_for("Талбиса")
('ar', 'und', None)
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import SourceFormatError
from ..geo import in_syria
from ..model import Name, SourceRecord
from ..normalize import clean, letter_scripts
from . import SOURCES, ReadResult, Skip

__all__ = [
    "LICENCE",
    "NAME",
    "ROLES",
    "AlternateNames",
    "NameSet",
    "attach_alternate_names",
    "check_coordinates",
    "iter_lines",
    "kind_for",
    "kind_from_population",
    "lang_for",
    "matches",
    "parse_float",
    "pick_arabic",
    "read",
    "read_admin_codes",
    "read_alternate_names",
    "read_dump",
    "role",
    "strip_arabic_marks",
]

NAME = "geonames"
LICENCE = SOURCES[NAME].licence

#: The roles of the files this module reads (see :func:`role`).
ROLES: tuple[str, ...] = ("geonames-dump", "geonames-admin1", "geonames-admin2", "geonames-altnames")

DUMP_COLUMNS = 19
COUNTRY = "SY"
_DUMP_EXPECTED = "a UTF-8 GeoNames dump (19 tab-separated columns)"
_ADMIN_EXPECTED = "a UTF-8 GeoNames admin code table (4 tab-separated columns)"
_ALT_EXPECTED = "a GeoNames alternate names file (8 or 10 tab-separated columns)"

_DUMP_RE = re.compile(r"^(sy|allcountries|cities\d+.*|geonames_cities.*)\.txt$", re.IGNORECASE)
_ADMIN1_RE = re.compile(r"^(geonames_)?admin1codes.*\.txt$", re.IGNORECASE)
_ADMIN2_RE = re.compile(r"^(geonames_)?admin2codes.*\.txt$", re.IGNORECASE)
_ALT_RE = re.compile(r"^(geonames_)?alternatenames.*\.txt$", re.IGNORECASE)

#: alternateNames ``isolanguage`` values that are not languages.
PSEUDO_LANGUAGES = frozenset(
    {"link", "wkdt", "post", "iata", "icao", "faac", "fr_1793", "abbr", "unlc", "tcid"}
    | {"phon", "piny", "nuts", "lauc", "uicn"}
)

_CAMP_CODES = frozenset({"CMP", "CMPRF", "CMPQ"})
_SEAT_CODES = frozenset({"PPLA2", "PPLA3", "PPLA4"})
#: Arabic generic words that make a name a poor choice for ``name_ar``.
_ARABIC_ADMIN_WORDS = ("محافظة", "منطقة", "ناحية")

# --------------------------------------------------------------------------- roles


def role(path: Path) -> str | None:
    """The role of a GeoNames file, from its name, or ``None``.

    >>> role(Path("SY.txt")), role(Path("geonames_admin2Codes_SY.txt"))
    ('geonames-dump', 'geonames-admin2')
    >>> role(Path("alternatenames/SY.txt")), role(Path("readme.txt"))
    ('geonames-altnames', None)
    """
    name = path.name
    if name.upper() == "SY.TXT" and path.parent.name.lower() == "alternatenames":
        return "geonames-altnames"  # the per-country alternate names zip holds SY.txt too
    if _ADMIN1_RE.match(name):
        return "geonames-admin1"
    if _ADMIN2_RE.match(name):
        return "geonames-admin2"
    if _ALT_RE.match(name):
        return "geonames-altnames"
    if _DUMP_RE.match(name):
        return "geonames-dump"
    return None


def matches(path: Path) -> bool:
    """Whether the file name is one of the GeoNames files this module reads.

    >>> matches(Path("cities500.txt")), matches(Path("opensyria_districts.json"))
    (True, False)
    """
    return role(path) is not None


def read(path: Path) -> ReadResult:
    """Read a GeoNames dump or admin code file (chosen by file name).

    An alternate names file has no places of its own: attach it to a dump with
    :func:`read_dump` or :func:`attach_alternate_names`.
    """
    r = role(path)
    if r in ("geonames-admin1", "geonames-admin2"):
        return read_admin_codes(path)
    if r == "geonames-altnames":
        raise SourceFormatError(
            f"{path}: a GeoNames alternate names file has no places of its own; "
            "pass it to read_dump(dump, alternate_names_path=...)"
        )
    return read_dump(path)


# --------------------------------------------------------------------------- kinds


def kind_from_population(population: int | None) -> str:
    """``"city"`` from 50,000 people, ``"town"`` from 5,000, else ``"village"``.

    >>> kind_from_population(60000), kind_from_population(5000), kind_from_population(None)
    ('city', 'town', 'village')
    """
    if population is not None and population >= 50_000:
        return "city"
    if population is not None and population >= 5_000:
        return "town"
    return "village"


def kind_for(feature_class: str, feature_code: str, population: int | None) -> str | None:
    """The kind of a GeoNames feature, or ``None`` for a feature we do not keep."""
    if feature_class == "P":
        if feature_code in ("PPLC", "PPLA"):
            return "city"
        if feature_code == "PPLX":
            return "neighbourhood"
        kind = kind_from_population(population)
        if kind == "village" and feature_code in _SEAT_CODES:
            return "town"
        return kind
    if feature_class == "A":
        return {"ADM1": "governorate", "ADM2": "district", "ADM3": "subdistrict"}.get(feature_code)
    if feature_class == "S":
        return "camp" if feature_code in _CAMP_CODES else "landmark"
    if feature_class in ("T", "H", "V", "L"):
        return "feature"
    return None


# --------------------------------------------------------------------------- dump


def read_dump(dump_path: Path, alternate_names_path: Path | None = None) -> ReadResult:
    """Read a GeoNames dump file; keep the Syrian rows of the kinds we use.

    With ``alternate_names_path``, also attach the names and Wikidata ids of
    ``alternateNamesV2.txt`` (see :func:`attach_alternate_names`).
    """
    result = ReadResult(NAME, dump_path)
    seen: set[str] = set()
    other_country = 0
    bad = 0
    for line_no, raw in iter_lines(dump_path):
        result.rows += 1
        row = str(line_no)
        fields = raw.split(b"\t")
        if len(fields) != DUMP_COLUMNS:
            bad += 1
            result.skipped.append(Skip(NAME, row, "malformed line", f"{len(fields)} columns, expected {DUMP_COLUMNS}"))
            _check_format(dump_path, result.rows, bad, _DUMP_EXPECTED)
            continue
        if fields[8] != b"SY":
            other_country += 1
            continue
        try:
            cols = [f.decode("utf-8") for f in fields]
        except UnicodeDecodeError as exc:
            bad += 1
            result.skipped.append(Skip(NAME, row, "bad encoding", str(exc)))
            _check_format(dump_path, result.rows, bad, _DUMP_EXPECTED)
            continue
        record = _dump_record(cols, row, result.skipped)
        if record is None:
            continue
        if record.source_id in seen:
            result.skipped.append(Skip(NAME, row, "duplicate id", record.source_id))
            continue
        seen.add(record.source_id)
        result.records.append(record)
    _check_format(dump_path, result.rows, bad, _DUMP_EXPECTED, final=True)
    if other_country:
        result.skipped.append(Skip(NAME, "*", "other country", f"{other_country} rows", count=other_country))
    if alternate_names_path is not None:
        attach_alternate_names(result, alternate_names_path)
    return result


def _dump_record(cols: list[str], row: str, skipped: list[Skip]) -> SourceRecord | None:
    gid, name, asciiname, alternates, lat_s, lon_s, fclass, fcode = cols[:8]
    admin1, admin2 = cols[10].strip(), cols[11].strip()
    gid = gid.strip()
    if not gid.isdigit():
        skipped.append(Skip(NAME, row, "malformed line", f"geonameid={gid!r}"))
        return None
    name = clean(name)
    if not name:
        skipped.append(Skip(NAME, gid, "empty name"))
        return None
    population = _parse_population(cols[14])
    kind = kind_for(fclass.strip(), fcode.strip(), population)
    if kind is None:
        skipped.append(Skip(NAME, gid, "not a place kind we keep", f"{fclass}.{fcode}"))
        return None
    lat, lon = parse_float(lat_s), parse_float(lon_s)
    if lat is None or lon is None:
        reason = "missing coordinates" if not lat_s.strip() or not lon_s.strip() else "malformed coordinates"
        skipped.append(Skip(NAME, gid, reason, f"lat={lat_s!r} lon={lon_s!r}"))
        return None
    coords = check_coordinates(NAME, gid, lat, lon, skipped)
    if coords is None:
        return None
    names = NameSet(NAME)
    names.add(name, lang_for(name) or "und", ("official",))
    names.add(asciiname, lang_for(asciiname) or "und")
    arabic: list[str] = []
    for alt in alternates.split(","):
        alt = clean(alt)
        lang = lang_for(alt)
        if lang is None:
            continue
        names.add(alt, lang)
        if lang == "ar":
            arabic.append(alt)
    external = {"geonames": gid}
    if admin1:
        external["geonames_admin1"] = admin1
    if admin2:
        external["geonames_admin2"] = admin2
    return SourceRecord(
        source=NAME,
        source_id=gid,
        name=name,
        kind=kind,
        lat=coords[0],
        lon=coords[1],
        name_ar=pick_arabic(arabic),
        names=names.to_list(),
        population=population,
        governorate=admin1 or None,
        parent_id=admin2 if admin2 and admin2 != gid else None,
        feature_code=f"{fclass}.{fcode}",
        external_ids=external,
    )


def pick_arabic(candidates: list[str]) -> str | None:
    """The first Arabic name that is not an abbreviation nor an admin phrase.

    >>> pick_arabic(["محافظة طرطوس", "طرطوس"])
    'طرطوس'
    """
    full = [c for c in candidates if sum(ch.isalpha() for ch in c) >= 2]
    for c in full:
        if not c.startswith(_ARABIC_ADMIN_WORDS):
            return c
    return full[0] if full else (candidates[0] if candidates else None)


def _parse_population(text: str) -> int | None:
    text = text.strip()
    if not text.isdigit():
        return None
    value = int(text)
    return value or None  # GeoNames writes 0 for "unknown"


def _check_format(path: Path, rows: int, bad: int, expected: str, *, final: bool = False) -> None:
    """Raise when most lines so far are not of the expected format."""
    if (final or rows >= 100) and rows and bad * 2 > rows:
        raise SourceFormatError(f"{path}: not {expected}: {bad} of {rows} lines are malformed or not UTF-8")


# --------------------------------------------------------------------------- admin codes


def read_admin_codes(path: Path) -> ReadResult:
    """Read ``admin1CodesASCII.txt`` or ``admin2Codes.txt``; keep the Syrian rows.

    Each row (``SY.NN`` or ``SY.NN.NNNNNN``, name, ascii name, geonameid)
    becomes a governorate or district record without coordinates.
    """
    result = ReadResult(NAME, path)
    seen: set[str] = set()
    other_country = 0
    bad = 0
    for line_no, raw in iter_lines(path):
        result.rows += 1
        row = str(line_no)
        try:
            line = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            bad += 1
            result.skipped.append(Skip(NAME, row, "bad encoding", str(exc)))
            _check_format(path, result.rows, bad, _ADMIN_EXPECTED)
            continue
        cols = line.split("\t")
        codes = cols[0].strip().split(".")
        if len(cols) != 4 or len(codes) not in (2, 3) or not cols[3].strip().isdigit():
            bad += 1
            result.skipped.append(Skip(NAME, row, "malformed line", f"{len(cols)} columns"))
            _check_format(path, result.rows, bad, _ADMIN_EXPECTED)
            continue
        if codes[0] != COUNTRY:
            other_country += 1
            continue
        gid = cols[3].strip()
        name = clean(cols[1]) or clean(cols[2])
        if not name:
            result.skipped.append(Skip(NAME, gid, "empty name"))
            continue
        if gid in seen:
            result.skipped.append(Skip(NAME, row, "duplicate id", gid))
            continue
        seen.add(gid)
        names = NameSet(NAME)
        names.add(cols[1], lang_for(clean(cols[1])) or "und", ("official",))
        names.add(cols[2], lang_for(clean(cols[2])) or "und")
        external = {"geonames": gid, "geonames_admin1": codes[1]}
        if len(codes) == 3:
            external["geonames_admin2"] = codes[2]
        result.records.append(
            SourceRecord(
                source=NAME,
                source_id=gid,
                name=name,
                kind="governorate" if len(codes) == 2 else "district",
                names=names.to_list(),
                governorate=codes[1],
                feature_code="A.ADM1" if len(codes) == 2 else "A.ADM2",
                external_ids=external,
            )
        )
    _check_format(path, result.rows, bad, _ADMIN_EXPECTED, final=True)
    if other_country:
        result.skipped.append(Skip(NAME, "*", "other country", f"{other_country} rows", count=other_country))
    return result


# --------------------------------------------------------------------------- alternate names


@dataclass(slots=True)
class AlternateNames:
    """What :func:`read_alternate_names` found for the kept geonameids."""

    path: Path
    names: dict[int, list[Name]] = field(default_factory=dict)
    wikidata: dict[int, str] = field(default_factory=dict)
    skipped: list[Skip] = field(default_factory=list)
    rows: int = 0  #: lines seen in the file (all geonameids)


def read_alternate_names(path: Path, keep_ids: set[int]) -> AlternateNames:
    """Stream ``alternateNamesV2.txt`` (10 columns) or V1 (8 columns).

    Only rows whose geonameid is in ``keep_ids`` are decoded. Language codes
    are kept as given (``"und"`` when empty, ``"ar"`` for Arabic script without
    one); ``isPreferredName``, ``isShortName``, ``isColloquial`` and
    ``isHistoric`` become the flags ``preferred``, ``short``, ``colloquial``,
    ``historic``. ``wkdt`` rows give Wikidata ids; other pseudo-languages
    (``link``, ``post``, ``iata``, ``abbr``...) are ignored.
    """
    out = AlternateNames(path)
    bad = 0
    for line_no, raw in iter_lines(path):
        out.rows += 1
        fields = raw.split(b"\t")
        if len(fields) not in (8, 10) or not fields[1].isdigit():
            bad += 1
            out.skipped.append(Skip(NAME, f"{path.name}:{line_no}", "malformed line", f"{len(fields)} columns"))
            _check_format(path, out.rows, bad, _ALT_EXPECTED)
            continue
        gid = int(fields[1])
        if gid not in keep_ids:
            continue
        try:
            cols = [f.decode("utf-8") for f in fields]
        except UnicodeDecodeError as exc:
            out.skipped.append(Skip(NAME, f"{path.name}:{line_no}", "bad encoding", str(exc)))
            continue
        isolang = cols[2].strip()
        text = clean(cols[3])
        if isolang == "wkdt":
            if re.fullmatch(r"Q\d+", text):
                out.wikidata.setdefault(gid, text)
            continue
        if isolang in PSEUDO_LANGUAGES or not text:
            continue
        lang = lang_for(text, isolang)
        if lang is None:
            continue
        flags = tuple(
            flag
            for flag, value in zip(("preferred", "short", "colloquial", "historic"), cols[4:8], strict=True)
            if value.strip() == "1"
        )
        out.names.setdefault(gid, []).append(Name(text, lang, NAME, flags))
    _check_format(path, out.rows, bad, _ALT_EXPECTED, final=True)
    return out


def attach_alternate_names(result: ReadResult, path: Path) -> None:
    """Add the alternate names and Wikidata ids of ``path`` to the records of a dump.

    An Arabic name flagged preferred becomes ``name_ar``. Skips of the
    alternate names file are appended to ``result.skipped``.
    """
    by_id = {int(r.source_id): r for r in result.records if r.source_id.isdigit()}
    alt = read_alternate_names(path, set(by_id))
    result.skipped.extend(alt.skipped)
    for gid, record in by_id.items():
        wikidata = alt.wikidata.get(gid)
        if wikidata:
            record.external_ids.setdefault("wikidata", wikidata)
        extra = alt.names.get(gid)
        if not extra:
            continue
        names = NameSet(NAME, record.names)
        for n in extra:
            names.add(n.text, n.lang, n.flags)
        record.names = names.to_list()
        preferred = [n.text for n in extra if n.lang == "ar" and "preferred" in n.flags]
        arabic = [n.text for n in extra if n.lang == "ar" and "historic" not in n.flags]
        if preferred:
            record.name_ar = preferred[0]
        elif record.name_ar is None:
            record.name_ar = pick_arabic(arabic)


# --------------------------------------------------------------------------- shared helpers


def iter_lines(path: Path) -> Iterator[tuple[int, bytes]]:
    """The non-blank lines of a file as bytes (without line end), numbered from 1.

    Raises :class:`SourceFormatError` if the file is missing or looks binary
    (NUL bytes near its start).
    """
    try:
        f = open(path, "rb")  # noqa: SIM115 - closed below, generator
    except OSError as exc:
        raise SourceFormatError(f"{path}: cannot read: {exc.strerror or exc}") from exc
    with f:
        if b"\x00" in f.read(8192):
            raise SourceFormatError(f"{path}: binary data, expected a text file")
        f.seek(0)
        for line_no, raw in enumerate(f, 1):
            if line_no == 1 and raw.startswith(b"\xef\xbb\xbf"):
                raw = raw[3:]
            raw = raw.rstrip(b"\r\n")
            if raw.strip():
                yield line_no, raw


def lang_for(text: str, declared: str = "") -> str | None:
    """The language tag to store for ``text``, or ``None`` to drop it.

    Arabic script gives ``"ar"`` unless the source declared another language
    written in Arabic script (``"fa"``, ``"ku"``...); Latin script keeps the
    declared language (``"und"`` when none, and never ``"ar"``); other scripts
    and names without letters are dropped.

    >>> lang_for("حمص"), lang_for("Homs"), lang_for("Homs", "fr"), lang_for("Хомс", "ru")
    ('ar', 'und', 'fr', None)
    """
    script = letter_scripts(text)
    declared = declared.strip()
    if not script or "other" in script:
        return None
    if script == {"arabic"}:
        return declared if declared and declared not in ("und", "en") else "ar"
    return declared if declared and declared != "ar" else "und"


def strip_arabic_marks(text: str) -> str:
    """Arabic text without harakat, shadda, superscript alef and tatweel."""
    return "".join(ch for ch in text if not ("\u064b" <= ch <= "\u0655" or ch == "\u0670" or ch == "\u0640"))


def parse_float(value: object) -> float | None:
    """A finite float from a number or a numeric string, else ``None``.

    >>> parse_float(" 36.5 "), parse_float("3x"), parse_float(""), parse_float(None)
    (36.5, None, None, None)
    """
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        number = float(value)
    elif isinstance(value, str):
        try:
            number = float(value.strip())
        except ValueError:
            return None
    else:
        return None
    return number if math.isfinite(number) else None


def check_coordinates(source: str, row: str, lat: float, lon: float, skipped: list[Skip]) -> tuple[float, float] | None:
    """Validate a point: keep it, swap it (noting a ``"swapped lat/lon (fixed)"`` skip) or drop it.

    >>> notes: list[Skip] = []
    >>> check_coordinates("x", "1", 36.73, 34.84, notes), notes[0].reason
    ((34.84, 36.73), 'swapped lat/lon (fixed)')
    >>> check_coordinates("x", "2", 48.85, 2.35, notes), notes[1].reason
    (None, 'coordinates outside Syria')
    """
    if in_syria(lat, lon):
        return lat, lon
    if in_syria(lon, lat):
        skipped.append(Skip(source, row, "swapped lat/lon (fixed)", f"lat={lat} lon={lon}"))
        return lon, lat
    skipped.append(Skip(source, row, "coordinates outside Syria", f"lat={lat} lon={lon}"))
    return None


class NameSet:
    """An ordered list of :class:`Name` without duplicates.

    A name is stored once per (text, language); a name of unknown language
    (``"und"``) merges into the same text with a known language, and is
    upgraded when the known language comes later. Flags are merged.

    >>> ns = NameSet("geonames")
    >>> ns.add("Talbiseh", "und", ("official",)); ns.add("Talbiseh", "en", ("preferred",))
    >>> ns.to_list()
    [Name(text='Talbiseh', lang='en', source='geonames', flags=('official', 'preferred'))]
    """

    def __init__(self, source: str, names: Iterable[Name] = ()) -> None:
        self.source = source
        self._names: list[Name] = []
        self._index: dict[tuple[str, str], int] = {}
        self._langs: dict[str, list[str]] = {}
        for n in names:
            self.add(n.text, n.lang, n.flags)

    def add(self, text: str, lang: str, flags: tuple[str, ...] = ()) -> None:
        """Add one name (cleaned; empty names are ignored)."""
        text = clean(text)
        if not text:
            return
        known = self._langs.get(text, [])
        if lang == "und" and known:
            key = (text, next((x for x in known if x != "und"), "und"))
        elif lang != "und" and "und" in known:
            pos = self._index.pop((text, "und"))
            known.remove("und")
            old = self._names[pos]
            self._names[pos] = Name(text, lang, old.source, old.flags)
            self._index[(text, lang)] = pos
            known.append(lang)
            key = (text, lang)
        else:
            key = (text, lang)
        i = self._index.get(key)
        if i is None:
            self._index[key] = len(self._names)
            self._names.append(Name(text, lang, self.source, tuple(dict.fromkeys(flags))))
            self._langs.setdefault(text, []).append(lang)
            return
        old = self._names[i]
        merged = tuple(dict.fromkeys(old.flags + flags))
        if merged != old.flags:
            self._names[i] = Name(old.text, old.lang, old.source, merged)

    def texts(self) -> set[str]:
        """The distinct texts stored."""
        return set(self._langs)

    def to_list(self) -> list[Name]:
        """The names, in insertion order."""
        return list(self._names)
