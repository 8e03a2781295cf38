"""Build an index: read sources, merge, write, and report what happened.

:func:`build` takes the files and folders a user names, and always adds the
project's curated files (``sources/governorates.json``, ``curated_places.tsv``,
``curated_names.tsv``, ``subdistrict_seats.tsv``; ``exclude={"curated"}``
leaves out all but the governorate table); :func:`build_default` builds the
index the package ships, from the verbatim upstream copies in
``sources/upstream`` (their SHA-256 checked against ``SHA256SUMS``). The same
inputs give the same data version. Every build runs the data-quality checks of
:mod:`gazetteer.quality`: :func:`format_report` prints them, the header keeps
their counts, and ``build(..., report=path)`` writes the whole quality report
as JSON.

>>> import tempfile, os
>>> out = os.path.join(tempfile.mkdtemp(), "default.gzidx")
>>> result = build_default(out)
>>> result.places > 1000, result.header["sources"][0]["name"]
(True, 'curated')
"""

from __future__ import annotations

import hashlib
import json
import os
import time
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from ._version import __version__
from .adapters import SOURCES, ReadResult, file_sha256
from .curated import curated_text
from .errors import SourceFormatError
from .governorates import all_governorates
from .index import write_index
from .merge import MergeReport, merge
from .model import Place
from .quality import format_quality, quality_report

__all__ = [
    "CHECKSUMS",
    "BuildResult",
    "build",
    "build_default",
    "format_report",
    "quality_report",
    "upstream_dir",
    "verify_checksums",
]

#: The checksum manifest a source folder may hold (``sha256sum`` format); the build verifies it.
CHECKSUMS = "SHA256SUMS"


@dataclass
class BuildResult:
    """What a build produced."""

    path: Path
    places: int
    header: dict[str, Any]
    report: MergeReport
    seconds: float
    size_bytes: int
    quality: dict[str, Any] = field(default_factory=dict)  #: :func:`gazetteer.quality.quality_report`


def upstream_dir() -> Path:
    """The verbatim upstream copies: ``sources/upstream`` in a checkout, ``gazetteer/_curated/upstream`` installed."""
    checkout = Path(__file__).resolve().parent.parent / "sources" / "upstream"
    if checkout.is_dir():
        return checkout
    return Path(__file__).resolve().parent / "_curated" / "upstream"


def verify_checksums(folder: Path) -> None:
    """Check every file ``folder/SHA256SUMS`` lists; raise :class:`SourceFormatError` naming the one that changed.

    A folder without the manifest is not checked (a user's own downloads).
    """
    manifest = folder / CHECKSUMS
    if not manifest.is_file():
        return
    for line_no, line in enumerate(manifest.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.split(maxsplit=1)
        if len(parts) != 2 or len(parts[0]) != 64:
            raise SourceFormatError(f"{manifest}:{line_no}: not a 'sha256  file' line")
        expected, name = parts[0].lower(), parts[1].strip().lstrip("*")
        path = folder / name
        if not path.is_file():
            raise SourceFormatError(f"{path}: listed in {manifest} but missing")
        actual = file_sha256(path)
        if actual != expected:
            raise SourceFormatError(
                f"{path}: changed since it was recorded (SHA-256 {actual[:16]}..., {CHECKSUMS} says "
                f"{expected[:16]}...). Upstream copies stay verbatim: restore the file, or record a new "
                f"upstream version in {CHECKSUMS} and sources/README.md"
            )


def _curated_entry(results: Sequence[ReadResult]) -> dict[str, Any]:
    text = curated_text("governorates.json").encode("utf-8")
    info = SOURCES["curated"]
    files: list[dict[str, Any]] = [
        {
            "file": "sources/governorates.json",
            "sha256": hashlib.sha256(text).hexdigest(),
            "rows": len(all_governorates()),
            "records": len(all_governorates()),
        }
    ]
    for r in results:
        files.append(
            {
                "file": f"sources/{r.path.name}",
                "sha256": hashlib.sha256(curated_text(r.path.name).encode("utf-8")).hexdigest(),
                "rows": r.rows,
                "records": len(r.records) + len(r.names) + len(r.seats),
                "skipped": sum(s.count for s in r.skipped),
            }
        )
    return {
        "name": "curated",
        "title": info.title,
        "licence": info.licence,
        "url": info.url,
        "attribution": info.attribution,
        "files": files,
    }


def _built_at() -> str:
    """UTC build time; ``SOURCE_DATE_EPOCH`` (reproducible builds) wins when set."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    moment = datetime.fromtimestamp(int(epoch), timezone.utc) if epoch.isdecimal() else datetime.now(timezone.utc)
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


def _header(results: Sequence[ReadResult], places: Sequence[Place], report: MergeReport) -> dict[str, Any]:
    by_source: dict[str, list[ReadResult]] = {}
    for r in results:
        by_source.setdefault(r.source, []).append(r)
    sources = [_curated_entry(by_source.pop("curated", []))]
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
    digest = hashlib.sha256(f"gazetteer {__version__}\n".encode())
    for s in sources:
        for f in s["files"]:
            digest.update(f"{s['name']}:{f['file']}:{f['sha256']}\n".encode())
    return {
        "data_version": digest.hexdigest()[:12],
        "built_at": _built_at(),
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


def _finish(results: list[ReadResult], output: Path, started: float, report_path: Path | None) -> BuildResult:
    places, report = merge(results)
    quality = quality_report(places, report=report)
    header = _header(results, places, report)
    header["quality"] = {"counts": quality["counts"], "explained": quality["explained"]}
    write_index(output, places, header)
    if report_path is not None:
        report_path.parent.mkdir(parents=True, exist_ok=True)
        report_path.write_text(json.dumps(quality, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return BuildResult(
        path=output,
        places=len(places),
        header=header,
        report=report,
        seconds=time.perf_counter() - started,
        size_bytes=output.stat().st_size,
        quality=quality,
    )


def build(
    sources: Iterable[str | os.PathLike[str]],
    output: str | os.PathLike[str],
    *,
    exclude: Iterable[str] = (),
    log: Callable[[str], None] | None = None,
    report: str | os.PathLike[str] | None = None,
) -> BuildResult:
    """Build an index from source files or folders (e.g. ``sources/upstream``, or a folder of downloads).

    ``exclude`` names sources to leave out (``{"syrianarchive"}``): nothing
    from them reaches the index. ``report`` is a path where the data-quality
    report (:func:`gazetteer.quality.quality_report`) is written as JSON.
    Raises :class:`~gazetteer.errors.SourceFormatError` for a path that is
    missing or not of a known format, and for a folder whose ``SHA256SUMS``
    does not match its files.
    """
    from .adapters.discover import read_all

    started = time.perf_counter()
    excluded = set(exclude)
    unknown = excluded - set(SOURCES)
    if unknown:
        raise SourceFormatError(f"unknown source name(s) {sorted(unknown)}; known: {', '.join(sorted(SOURCES))}")
    paths = [Path(s) for s in sources]
    for path in paths:
        if path.is_dir():
            verify_checksums(path)
    results = read_all(paths, exclude=excluded)
    if "curated" not in excluded:
        from .adapters import curated

        results.extend(curated.read_all())
    result = _finish(results, Path(output), started, Path(report) if report is not None else None)
    if log is not None:
        log(format_report(result))
    return result


def build_default(
    output: str | os.PathLike[str],
    *,
    exclude: Iterable[str] = (),
    report: str | os.PathLike[str] | None = None,
) -> BuildResult:
    """Build the index the package ships: ``sources/upstream`` (checksums verified) and the curated files."""
    folder = upstream_dir()
    if not folder.is_dir():
        raise SourceFormatError(f"{folder}: no upstream copies here (this installation has no sources)")
    return build([folder], output, exclude=exclude, report=report)


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
    decided = Counter(d.rule for d in r.decisions)
    if decided:
        lines.append("Decisions on rows (see the quality report for each): "
                     + ", ".join(f"{rule} {n}" for rule, n in sorted(decided.items())))  # fmt: skip
    counts = result.header["counts"]
    lines.append(f"Places: {counts['places']} ({', '.join(f'{k} {v}' for k, v in counts['by_kind'].items())})")
    lines.append("Places per source: " + ", ".join(f"{k} {v}" for k, v in counts["by_source"].items()))
    if result.quality:
        lines.append(format_quality(result.quality))
    lines.append(
        f"Wrote {result.path} ({result.size_bytes / 1024:.0f} KiB, data version {result.header['data_version']}) "
        f"in {result.seconds:.2f} s"
    )
    return "\n".join(lines)
