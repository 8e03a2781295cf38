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

from ..model import Name, SourceRecord

__all__ = ["SOURCES", "NameFact", "ReadResult", "SeatFact", "Skip", "SourceInfo", "file_sha256"]


@dataclass(frozen=True, slots=True)
class Skip:
    """A source row that was not used, and why."""

    source: str
    row: str  #: row id or line number
    reason: str  #: short, stable reason (counted in the build report)
    detail: str = ""
    count: int = 1  #: rows this entry stands for (one entry may aggregate many, e.g. "other country")


@dataclass(frozen=True, slots=True)
class NameFact:
    """A name a source gives to a place that another source defines (``sources/curated_names.tsv``).

    ``target`` names the place by a stable id of one of its rows, never by a merged place id:
    ``gn:170063`` (a GeoNames id), ``pcode:SY08`` (an OCHA P-code) or ``sa:517`` (a Syrian
    Archive row).
    """

    source: str
    row: str  #: line number or row id in the source file
    target: str  #: ``gn:<geonameid>``, ``pcode:<P-code>`` or ``<source short name>:<row id>``
    name: Name
    url: str = ""  #: the page the fact was read on


@dataclass(frozen=True, slots=True)
class SeatFact:
    """A subdistrict's seat town, read from a cited page (``sources/subdistrict_seats.tsv``)."""

    source: str
    row: str
    pcode: str  #: the subdistrict's OCHA P-code, e.g. ``SY020000``
    seat: str  #: the seat town as ``gn:<geonameid>``
    url: str = ""


@dataclass(slots=True)
class ReadResult:
    """What an adapter read from one file."""

    source: str
    path: Path
    records: list[SourceRecord] = field(default_factory=list)
    skipped: list[Skip] = field(default_factory=list)
    rows: int = 0  #: rows seen in the file (records + skipped + ignored)
    names: list[NameFact] = field(default_factory=list)  #: names for places of other sources
    seats: list[SeatFact] = field(default_factory=list)  #: seat towns of subdistricts


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
            "Curated facts of the gazetteer project: governorates, places, names, subdistrict seats",
            "CC-BY-SA-4.0",
            "sources/ in the gazetteer repository (each row cites the page it was read on)",
            "Contains facts read from Wikipedia (CC BY-SA 4.0) and its mirrors and from other public pages, "
            "each row citing its page and date, compiled by the gazetteer project (sources/curated_*.tsv, "
            "sources/subdistrict_seats.tsv, sources/governorates.json), CC BY-SA 4.0.",
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
