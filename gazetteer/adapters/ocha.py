"""Reader of the OCHA Syria populated places table ``syr_pplp_adm4`` (COD-PP) as CSV.

The table lists the ~7,900 communities of Syria (admin4, P-codes ``Cnnnn``)
with English and Arabic names, the P-codes of their governorate (``SYnn``),
district (``SYnnnn``) and subdistrict (``SYnnnnnn``), and a point.

Two column-name styles are published and both are read (headers are matched
case-insensitively):

* the attribute style of the OCHA/HDX shapefile and GeoJSON
  ``syr_pplp_adm4_unocha_20210113`` -- ``ADM0_EN``, ``ADM0_AR``, ``ADM0_PCODE``
  ... ``ADM4_EN``, ``ADM4_AR``, ``ADM4_PCODE``, ``ADM4_REF``, ``ADM4ALT1EN``,
  ``ADM4ALT2EN``, ``ADM4ALT1AR``, ``ADM4ALT2AR`` and the point as
  ``LONGITUDE``/``LATITUDE`` or ``POINT_X``/``POINT_Y``. The ``ADMn_EN`` and
  ``ADM4_PCODE`` names of this file were confirmed in public R scripts that
  read ``syr_pplp_adm4_unocha_20210113.json`` (World Bank nighttime-lights
  analysis code); the ``ALT``/``REF`` columns follow the COD attribute schema
  seen in other countries' COD files.
* the tabular HDX/COD style -- ``admin0Name_en``, ``admin0Name_ar``,
  ``admin0Pcode`` ... ``admin4Name_en``, ``admin4Name_ar``, ``admin4Pcode``,
  ``admin4RefName``, ``admin4AltName1_en``..., ``longitude``, ``latitude``,
  optionally followed by an HXL hashtag row (``#adm1+name``...), which is
  skipped. These names were confirmed in public code reading Syria OCHA
  location sheets (``admin4Name_en``, ``admin4Name_ar``, ``admin4Pcode``,
  ``admin3Pcode``... in UNHCR Syria and REACH Syria scripts).

The older 2016 shapefile used ``PCODE`` for the community code; it is also
accepted. Lines are decoded one by one (a line that is not UTF-8 is skipped
with reason ``"bad encoding"``), so quoted fields must not span lines.

>>> column_map(["admin1Pcode", "admin4Name_en", "admin4Pcode", "latitude", "longitude"])["pcode"]
2
>>> column_map(["ADM4_EN", "ADM4_AR", "ADM4_PCODE", "POINT_X", "POINT_Y"])["lon"]
3
"""

from __future__ import annotations

import csv
import re
from pathlib import Path

from ..errors import SourceFormatError
from ..model import SourceRecord
from ..normalize import clean
from . import SOURCES, ReadResult, Skip
from .geonames import NameSet, check_coordinates, iter_lines, kind_from_population, parse_float

__all__ = ["COLUMNS", "LICENCE", "NAME", "ROLES", "column_map", "matches", "read", "role"]

NAME = "ocha"
LICENCE = SOURCES[NAME].licence

#: The roles of the files this module reads (see :func:`role`).
ROLES: tuple[str, ...] = ("ocha-pplp",)

_FILE_RE = re.compile(r"^(syr_pplp.*|.*pplp.*adm4.*)\.csv$", re.IGNORECASE)

#: Accepted header names (lower case) of each field, by preference.
COLUMNS: dict[str, tuple[str, ...]] = {
    "pcode": ("admin4pcode", "adm4_pcode", "pcode"),
    "en": ("admin4name_en", "adm4_en", "name_en"),
    "ar": ("admin4name_ar", "adm4_ar", "name_ar"),
    "ref": ("admin4refname", "adm4_ref"),
    "alt_en1": ("admin4altname1_en", "adm4alt1en"),
    "alt_en2": ("admin4altname2_en", "adm4alt2en"),
    "alt_ar1": ("admin4altname1_ar", "adm4alt1ar"),
    "alt_ar2": ("admin4altname2_ar", "adm4alt2ar"),
    "adm1": ("admin1pcode", "adm1_pcode"),
    "adm2": ("admin2pcode", "adm2_pcode"),
    "adm3": ("admin3pcode", "adm3_pcode"),
    "lat": ("latitude", "lat", "point_y", "latitude_y", "y"),
    "lon": ("longitude", "lon", "long", "point_x", "longitude_x", "x"),
    "population": ("population", "pop", "pop_total", "total_pop"),
}


def role(path: Path) -> str | None:
    """``"ocha-pplp"`` for ``syr_pplp*.csv`` / ``*pplp*adm4*.csv``, else ``None``.

    >>> role(Path("syr_pplp_adm4_unocha_20210113.csv")), role(Path("syr_pplp_adm4.json"))
    ('ocha-pplp', None)
    """
    return "ocha-pplp" if _FILE_RE.match(path.name) else None


def matches(path: Path) -> bool:
    """Whether the file name is an OCHA populated places CSV."""
    return role(path) is not None


def column_map(header: list[str]) -> dict[str, int]:
    """The column index of each field of :data:`COLUMNS` found in ``header``."""
    index = {clean(h).lower(): i for i, h in reversed(list(enumerate(header)))}
    found: dict[str, int] = {}
    for field, names in COLUMNS.items():
        for n in names:
            if n in index:
                found[field] = index[n]
                break
    return found


def _split(line: str, delimiter: str) -> list[str]:
    return next(csv.reader([line], delimiter=delimiter), [])


def read(path: Path) -> ReadResult:
    """Read an OCHA ``syr_pplp_adm4`` CSV (UTF-8, optional BOM and HXL row)."""
    expected = "an OCHA populated places CSV with admin4Pcode/ADM4_PCODE and name columns"
    result = ReadResult(NAME, path)
    lines = iter_lines(path)
    header: list[str] | None = None
    delimiter = ","
    for _line_no, raw in lines:
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise SourceFormatError(f"{path}: header is not UTF-8, expected {expected}") from exc
        delimiter = max((",", ";", "\t"), key=text.count)
        header = _split(text, delimiter)
        break
    if header is None:
        return result  # empty file
    cols = column_map(header)
    if "pcode" not in cols or ("en" not in cols and "ar" not in cols):
        raise SourceFormatError(f"{path}: expected {expected}; header is {header[:8]!r}")
    seen: set[str] = set()
    bad = 0
    first = True
    for line_no, raw in lines:
        row = str(line_no)
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            result.rows += 1
            bad += 1
            result.skipped.append(Skip(NAME, row, "bad encoding", str(exc)))
            _check(path, result.rows, bad, expected)
            continue
        cells = _split(text, delimiter)
        if first and any(c.strip() for c in cells) and all(not c.strip() or c.strip().startswith("#") for c in cells):
            first = False
            continue  # HXL hashtag row
        first = False
        result.rows += 1
        if len(cells) != len(header):
            bad += 1
            result.skipped.append(Skip(NAME, row, "malformed line", f"{len(cells)} columns, expected {len(header)}"))
            _check(path, result.rows, bad, expected)
            continue
        record = _record(cells, cols, row, result.skipped)
        if record is None:
            continue
        if record.source_id in seen:
            result.skipped.append(Skip(NAME, record.source_id, "duplicate id", f"line {row}"))
            continue
        seen.add(record.source_id)
        result.records.append(record)
    _check(path, result.rows, bad, expected, final=True)
    return result


def _check(path: Path, rows: int, bad: int, expected: str, *, final: bool = False) -> None:
    if (final or rows >= 100) and rows and bad * 2 > rows:
        raise SourceFormatError(f"{path}: expected {expected}; {bad} of {rows} lines are malformed")


def _record(cells: list[str], cols: dict[str, int], row: str, skipped: list[Skip]) -> SourceRecord | None:
    def get(field: str) -> str:
        i = cols.get(field)
        return clean(cells[i]) if i is not None else ""

    pcode = get("pcode")
    if not pcode:
        skipped.append(Skip(NAME, row, "missing P-code"))
        return None
    en, ar = get("en"), get("ar")
    if not en and not ar:
        skipped.append(Skip(NAME, pcode, "empty name"))
        return None
    lat_s, lon_s = get("lat"), get("lon")
    lat, lon = parse_float(lat_s), parse_float(lon_s)
    if lat is None or lon is None:
        reason = "missing coordinates" if not lat_s or not lon_s else "malformed coordinates"
        skipped.append(Skip(NAME, pcode, reason, f"lat={lat_s!r} lon={lon_s!r}"))
        return None
    coords = check_coordinates(NAME, pcode, lat, lon, skipped)
    if coords is None:
        return None
    names = NameSet(NAME)
    names.add(en, "en", ("official",))
    names.add(ar, "ar", ("official",))
    for field, lang in (
        ("ref", "en"),
        ("alt_en1", "en"),
        ("alt_en2", "en"),
        ("alt_ar1", "ar"),
        ("alt_ar2", "ar"),
    ):
        if get(field) not in names.texts():
            names.add(get(field), lang, ("alias",))
    pop_s = get("population").replace(",", "")
    population = int(float(pop_s)) if parse_float(pop_s) is not None and float(pop_s) > 0 else None
    adm3 = get("adm3")
    external = {"pcode": pcode}
    return SourceRecord(
        source=NAME,
        source_id=pcode,
        name=en or ar,
        kind=kind_from_population(population),
        lat=coords[0],
        lon=coords[1],
        name_ar=ar or None,
        names=names.to_list(),
        population=population,
        governorate=get("adm1") or None,
        district_pcode=get("adm2") or None,
        subdistrict_pcode=adm3 or None,
        parent_id=adm3 or None,
        external_ids=external,
    )
