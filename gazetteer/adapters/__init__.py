"""Readers of upstream source formats, one module per source (used by the build only).

Each adapter module exposes ``NAME`` (short source name), ``LICENCE``,
``matches(path) -> bool`` (does this file look like one of mine, by name) and
``read(path) -> ReadResult``. A query never imports this package.

>>> Skip("syrianarchive", "17", "malformed coordinates", "lat='3x'").reason
'malformed coordinates'
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..model import SourceRecord

__all__ = ["SOURCES", "ReadResult", "Skip", "SourceInfo", "file_sha256"]


@dataclass(frozen=True, slots=True)
class Skip:
    """A source row that was not used, and why."""

    source: str
    row: str  #: row id or line number
    reason: str  #: short, stable reason (counted in the build report)
    detail: str = ""
    count: int = 1  #: rows this entry stands for (one entry may aggregate many, e.g. "other country")


@dataclass(slots=True)
class ReadResult:
    """What an adapter read from one file."""

    source: str
    path: Path
    records: list[SourceRecord] = field(default_factory=list)
    skipped: list[Skip] = field(default_factory=list)
    rows: int = 0  #: rows seen in the file (records + skipped + ignored)


@dataclass(frozen=True, slots=True)
class SourceInfo:
    """A source: its short name, full title, licence and where it comes from."""

    name: str
    title: str
    licence: str
    url: str
    attribution: str


SOURCES: dict[str, SourceInfo] = {
    s.name: s
    for s in (
        SourceInfo(
            "geonames",
            "GeoNames geographical database",
            "CC-BY-4.0",
            "https://download.geonames.org/export/dump/",
            "Contains data from GeoNames (geonames.org), licensed under CC BY 4.0.",
        ),
        SourceInfo(
            "opensyria",
            "OpenSyria data-geography (governorates, districts, subdistricts)",
            "CC-BY-4.0",
            "https://github.com/Open-Syria/data-geography",
            "Contains data from OpenSyria data-geography, licensed under CC BY 4.0 "
            "(built from GeoNames, Wikidata, geoBoundaries, HDX/OCHA COD, US Census Bureau).",
        ),
        SourceInfo(
            "syrianarchive",
            "Syrian Archive locations database",
            "GPL-2.0",
            "https://github.com/crito/syrianarchive",
            "Contains location data from the Syrian Archive (crito/syrianarchive), GPL-2.0.",
        ),
        SourceInfo(
            "ocha",
            "OCHA Syria populated places (COD-PP, syr_pplp_adm4)",
            "CC-BY-IGO",
            "https://data.humdata.org/dataset/cod-ab-syr",
            "Contains data from UN OCHA Common Operational Datasets via HDX, CC BY-IGO.",
        ),
        SourceInfo(
            "curated",
            "The 14 governorates, written by the gazetteer project",
            "CC0-1.0",
            "sources/ in the gazetteer repository",
            "Project-written facts: codes and spellings of the 14 governorates.",
        ),
    )
}


def file_sha256(path: Path) -> str:
    """The SHA-256 hex digest of a file, read in chunks."""
    import hashlib

    h = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()
