"""Find the source files in folders, tell their roles by file name, and read them all.

A build calls :func:`read_all` with the folders and files the user named
(e.g. ``../shared/data``); or :func:`discover` then the adapters itself. Each
file gets a role:

=====================  ===============  ==============================================
role                   source           files
=====================  ===============  ==============================================
``geonames-dump``      geonames         ``SY.txt``, ``allCountries.txt``, ``cities500.txt``...
``geonames-admin1``    geonames         ``admin1CodesASCII.txt``, ``geonames_admin1Codes*.txt``
``geonames-admin2``    geonames         ``admin2Codes.txt``, ``geonames_admin2Codes*.txt``
``geonames-altnames``  geonames         ``alternateNamesV2.txt``, ``geonames_alternateNames*.txt``
``opensyria``          opensyria        ``governorates.json``, ``opensyria_districts.json``...
``opensyria-register`` opensyria        ``sources.json``, ``opensyria_sources.json`` (no places)
``syrianarchive``      syrianarchive    ``locations.json``, ``syrianarchive_locations.json``
``ocha-pplp``          ocha             ``syr_pplp*.csv``, ``*pplp*adm4*.csv``
=====================  ===============  ==============================================

>>> classify(Path("geonames_cities500_SY.txt")), classify(Path("README.md"))
('geonames-dump', None)
>>> ROLE_SOURCE["ocha-pplp"]
'ocha'
"""

from __future__ import annotations

import warnings
from collections.abc import Iterable
from pathlib import Path

from ..errors import SourceFormatError
from . import SOURCES, ReadResult, geonames, ocha, opensyria, syrianarchive

__all__ = ["ROLE_SOURCE", "classify", "discover", "read_all"]

#: The source (a key of :data:`~gazetteer.adapters.SOURCES`) of each role.
ROLE_SOURCE: dict[str, str] = {
    **dict.fromkeys(geonames.ROLES, geonames.NAME),
    **dict.fromkeys(opensyria.ROLES, opensyria.NAME),
    **dict.fromkeys(syrianarchive.ROLES, syrianarchive.NAME),
    **dict.fromkeys(ocha.ROLES, ocha.NAME),
}

#: The order in which :func:`read_all` reads the roles (admin codes before dumps).
_ORDER = (
    "geonames-admin1",
    "geonames-admin2",
    "opensyria",
    "geonames-dump",
    "syrianarchive",
    "ocha-pplp",
)


def classify(path: Path) -> str | None:
    """The role of a file from its name, or ``None`` when no adapter reads it."""
    for role in (geonames.role, opensyria.role, syrianarchive.role, ocha.role):
        found = role(path)
        if found is not None:
            return found
    return None


def discover(sources: Iterable[Path], ignored: list[Path] | None = None) -> list[tuple[str, Path]]:
    """The (role, path) of every source file in ``sources`` (folders are listed, not recursed).

    Files of a folder that no adapter reads (``README.md``...) are appended to
    ``ignored`` when given. A path that does not exist, or a file named
    explicitly whose role cannot be told, raises :class:`SourceFormatError`.
    """
    found: list[tuple[str, Path]] = []
    seen: set[Path] = set()

    def add(path: Path, explicit: bool) -> None:
        key = path.resolve()
        if key in seen:
            return
        seen.add(key)
        role = classify(path)
        if role is not None:
            found.append((role, path))
        elif explicit:
            names = ", ".join(sorted(ROLE_SOURCE))
            raise SourceFormatError(
                f"{path}: not a known source file (by its name); known roles: {names}. "
                "See gazetteer.adapters.discover for the file names of each role."
            )
        elif ignored is not None:
            ignored.append(path)

    for source in sources:
        source = Path(source)
        if source.is_dir():
            for child in sorted(source.iterdir()):
                if child.is_file():
                    add(child, explicit=False)
        elif source.is_file():
            add(source, explicit=True)
        else:
            raise SourceFormatError(f"{source}: no such file or folder")
    return found


def _opensyria_level(path: Path) -> int:
    name = path.name.lower()
    return 2 if "subdistrict" in name else 1 if "district" in name else 0


def read_all(sources: Iterable[Path], exclude: Iterable[str] = frozenset()) -> list[ReadResult]:
    """Read every source file found in ``sources``, in a sensible order.

    Admin code tables come first, then OpenSyria (governorates, districts,
    subdistricts), GeoNames dumps (each with the alternate names files of its
    folder attached; alternate names found in a folder without a dump are
    attached to every dump), the Syrian Archive and OCHA. Sources whose name is in
    ``exclude`` (e.g. ``{"syrianarchive"}``) are not read at all. The OpenSyria
    register holds no places and is not read.
    """
    excluded = set(exclude)
    unknown = excluded - set(SOURCES)
    if unknown:
        raise ValueError(f"unknown source(s) to exclude: {sorted(unknown)}; known: {sorted(SOURCES)}")
    found = [(role, path) for role, path in discover(sources) if ROLE_SOURCE[role] not in excluded]
    by_role: dict[str, list[Path]] = {}
    for role, path in found:
        by_role.setdefault(role, []).append(path)

    alt_by_dir: dict[Path, list[Path]] = {}
    for path in by_role.get("geonames-altnames", []):
        alt_by_dir.setdefault(path.parent, []).append(path)
    dumps = by_role.get("geonames-dump", [])
    dump_dirs = {d.parent for d in dumps}
    orphans = [p for d, paths in alt_by_dir.items() if d not in dump_dirs for p in paths]
    if alt_by_dir and not dumps:
        warnings.warn("GeoNames alternate names given without a GeoNames dump: not read", UserWarning, stacklevel=2)

    results: list[ReadResult] = []
    for role in _ORDER:
        paths = by_role.get(role, [])
        if role == "opensyria":
            paths = sorted(paths, key=lambda p: (_opensyria_level(p), p.name))
        for path in paths:
            if role in ("geonames-admin1", "geonames-admin2"):
                results.append(geonames.read_admin_codes(path))
            elif role == "geonames-dump":
                result = geonames.read_dump(path)
                for alt in alt_by_dir.get(path.parent, []) + orphans:
                    geonames.attach_alternate_names(result, alt)
                results.append(result)
            elif role == "opensyria":
                results.append(opensyria.read(path))
            elif role == "syrianarchive":
                results.append(syrianarchive.read(path))
            elif role == "ocha-pplp":
                results.append(ocha.read(path))
    return results
