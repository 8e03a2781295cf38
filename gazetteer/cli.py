"""The ``gazetteer`` command: ``resolve``, ``place``, ``list``, ``nearest``, ``admin``, ``info`` and ``build``.

Human-readable by default, ``--json`` for scripts (one JSON object per line;
``list`` and ``info`` print one document). Text written for people never
carries raw control or bidi-override characters: they are shown escaped
(``\\x1b``, ``\\u202e``).

Exit status:

====  ==============================================================================

``resolve --input FILE --output FILE`` exits 0 once the output is written, whatever the rows say.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import sys
import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from typing import Any, BinaryIO, NoReturn

from ._version import __version__
from .adapters import SOURCES
from .browse import NEAREST_MAX_KM
from .confidence import DEFAULT_MIN_CONFIDENCE
from .curated import QUERY_TIME_FILES
from .errors import GazetteerError, IndexFileError, InvalidQueryError, SourceFormatError, UnknownProvinceError
from .kinds import KINDS
from .normalize import KEY_RULES

__all__ = ["main", "safe"]


class _Usage(Exception):
    """A usage error found after parsing (exit 2)."""


def safe(text: object) -> str:
    """``text`` for a terminal: control, format (bidi) and unassigned characters shown escaped.

    >>> safe("Rastan\\x1b]0;pwned\\x07"), safe("حمص\\u202e")
    ('Rastan\\\\x1b]0;pwned\\\\x07', 'حمص\\\\u202e')
    """
    s = str(text)
    if s.isprintable():
        return s
    out = []
    for ch in s:
        if ch == " " or unicodedata.category(ch)[0] != "C":
            out.append(ch)
        else:
            code = ord(ch)
            out.append(f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}")
    return "".join(out)


def _say(text: str = "", *, err: bool = False) -> None:
    """Print lines for a person: each line through :func:`safe`."""
    print("\n".join(safe(line) for line in text.split("\n")), file=sys.stderr if err else sys.stdout)


def json_text(obj: Any, *, indent: int | None = None) -> str:
    """JSON with Arabic and other letters as written, but control, format (bidi) and unassigned
    characters as JSON escapes, so the output is safe on a terminal and still the same JSON.

    >>> print(json_text({"mention": "حمص\\u202e\\ud7fc"}))
    {"mention": "حمص\\u202e\\ud7fc"}
    """
    text = json.dumps(obj, ensure_ascii=False, indent=indent)
    if text.isprintable():
        return text
    return "".join(ch if ch == "\n" or unicodedata.category(ch)[0] != "C" else json.dumps(ch)[1:-1] for ch in text)


def _json(obj: Any, *, indent: int | None = None) -> None:
    print(json_text(obj, indent=indent))


class _Parser(argparse.ArgumentParser):
    """argparse with its error messages made safe for a terminal (they echo the arguments)."""

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(2, safe(f"{self.prog}: error: {message}") + "\n")


def _parser() -> argparse.ArgumentParser:
    p = _Parser(
        prog="gazetteer",
        description="Offline bilingual gazetteer and place-name resolver for Syria.",
    )
    p.add_argument("--version", action="version", version=f"gazetteer {__version__}")
    p.add_argument(
        "--index", help="index file to use (default: $GAZETTEER_INDEX, then your built one, then the shipped one)"
    )
    commands = "{resolve,geoparse,place,list,nearest,admin,info,build}"
    sub = p.add_subparsers(dest="command", required=True, metavar=commands)

    r = sub.add_parser(
        "resolve", help="resolve mentions (arguments, one per line on standard input, or a Parquet/CSV file)"
    )
    r.add_argument("text", nargs="*", metavar="TEXT", help="mentions; none: read 'mention[<TAB>province]' lines")
    r.add_argument("--province", "-p", help="governorate the mentions are in (any spelling or code)")
    r.add_argument("--strict-province", action="store_true", help="never answer outside --province")
    r.add_argument(
        "--min-confidence", type=float, default=None, metavar="X",
        help=f"answer only with a confidence of at least X (0-1; default {DEFAULT_MIN_CONFIDENCE:.2f}: 97%% precision)",
    )  # fmt: skip
    r.add_argument("--limit", "-n", type=int, default=1, help="candidates per mention (default 1)")
    r.add_argument("--json", action="store_true", help="one JSON object per line (with --input: the summary)")
    _file_arguments(r)

    gp = sub.add_parser("geoparse", help="find and resolve the place mentions of texts (files or standard input)")
    gp.add_argument("files", nargs="*", metavar="FILE", help="UTF-8 text files; none or '-': standard input")
    gp.add_argument("--province", "-p", help="governorate every mention is in (any spelling or code)")
    gp.add_argument("--min-confidence", type=float, default=None, metavar="X", help="as for resolve")
    out = gp.add_mutually_exclusive_group()
    out.add_argument("--json", action="store_true", help="one JSON object per mention")
    out.add_argument("--geojson", action="store_true", help="a GeoJSON FeatureCollection of the mentions")

    pl = sub.add_parser("place", help="show a place by id, OCHA P-code or GeoNames id")
    pl.add_argument("ids", nargs="+", metavar="ID", help="e.g. gn:163779, SY04, SY040401, 163779")
    pl.add_argument("--json", action="store_true", help="one JSON object per line")

    ls = sub.add_parser("list", help="list the places of a governorate, district or subdistrict")
    ls.add_argument("--governorate", "-g", help="any spelling or code")
    ls.add_argument("--district", help="OCHA P-code or name")
    ls.add_argument("--subdistrict", help="OCHA P-code or name")
    ls.add_argument("--kind", "-k", action="append", metavar="KIND", help=f"repeatable; one of {', '.join(KINDS)}")
    ls.add_argument("--json", action="store_true", help="a JSON list")

    n = sub.add_parser("nearest", help="the places nearest to a point")
    n.add_argument("lat", type=float, help="latitude, WGS84 degrees")
    n.add_argument("lon", type=float, help="longitude, WGS84 degrees")
    n.add_argument("--k", "-k", type=int, default=1, help="how many (default 1)")
    n.add_argument("--kind", action="append", metavar="KIND", help="repeatable; 'any' for every kind "
                   "(default: populated places)")  # fmt: skip
    n.add_argument("--max-km", type=float, default=NEAREST_MAX_KM,
                   help=f"ignore places farther than this (default {NEAREST_MAX_KM:g})")  # fmt: skip
    n.add_argument("--json", action="store_true", help="one JSON object per line")

    a = sub.add_parser("admin", help="the governorate, district and subdistrict of a point (approximate)")
    a.add_argument("lat", type=float, help="latitude, WGS84 degrees")
    a.add_argument("lon", type=float, help="longitude, WGS84 degrees")
    a.add_argument("--json", action="store_true", help="a JSON object")

    i = sub.add_parser("info", help="show the index in use: places, sources, licences, data version")
    i.add_argument("--json", action="store_true", help="print JSON")

    b = sub.add_parser("build", help="build an index from the shipped sources and any files or folders you add")
    b.add_argument("sources", nargs="*", metavar="SOURCE",
                   help="more source files or folders (a folder with SY.txt and alternateNamesV2.txt...)")  # fmt: skip
    b.add_argument("--no-shipped", action="store_true",
                   help="leave out the upstream copies shipped with the package (build from SOURCE only)")  # fmt: skip
    b.add_argument("--output", "-o", help="index file to write (default: the user index, used automatically)")
    b.add_argument(
        "--exclude-source", action="append", default=[], metavar="NAME",
        help=f"leave out a source ({', '.join(sorted(SOURCES))}); repeatable",
    )  # fmt: skip
    return p


def _file_arguments(r: argparse.ArgumentParser) -> None:
    f = r.add_argument_group("files", "resolve a column of a Parquet or CSV file into a new file, in batches")
    f.add_argument(
        "--input", "-i", metavar="FILE", help="Parquet, CSV or TSV file (.gz etc. too) with a mention column"
    )
    f.add_argument(
        "--output", "-o", metavar="FILE",
        help="file to write (.parquet, .csv or .tsv): the input's columns plus the result columns; "
        "written under a temporary name and renamed when complete",
    )  # fmt: skip
    f.add_argument("--column", default="mention", metavar="NAME", help="the column of mentions (default: mention)")
    f.add_argument(
        "--province-column", metavar="NAME", help="the column of provinces (rows where it is empty use --province)"
    )
    f.add_argument("--prefix", default="", help="put before the result columns' names (e.g. gz_, when they clash)")
    f.add_argument("--batch-size", type=int, default=65_536, metavar="ROWS", help="rows per batch (default 65536)")
    f.add_argument("--no-progress", action="store_true", help="no progress bar (shown only when stderr is a terminal)")


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    for stream in (sys.stdout, sys.stderr):
        if isinstance(stream, io.TextIOWrapper):  # unencodable text prints as "?", never a traceback
            stream.reconfigure(errors="replace")
    args = _parser().parse_args(argv)
    handlers = {
        "resolve": _resolve,
        "geoparse": _geoparse,
        "place": _place,
        "list": _list,
        "nearest": _nearest,
        "admin": _admin,
        "info": _info,
        "build": _build,
    }
    try:
        return handlers[args.command](args)
    except (UnknownProvinceError, InvalidQueryError, _Usage) as e:
        _say(f"gazetteer: error: {e}", err=True)
        return 2
    except (IndexFileError, SourceFormatError, GazetteerError) as e:
        _say(f"gazetteer: error: {e}", err=True)
        return 1
    except BrokenPipeError:
        return 0


def _open(args: argparse.Namespace) -> Any:
    from .default import load

    return load(args.index)


# -- resolve -----------------------------------------------------------------------------------------


def _stdin_lines(stream: BinaryIO) -> Iterator[tuple[str, str | None]]:
    """``mention[<TAB>province]`` lines of UTF-8 text; a line that is not text is a usage error."""
    for number, raw in enumerate(stream, 1):
        if b"\x00" in raw:
            raise _Usage(f"standard input is not text (a NUL byte on line {number}): give one mention per line")
        try:
            line = raw.decode("utf-8")
        except UnicodeDecodeError:
            raise _Usage(f"standard input is not UTF-8 text (line {number}): give one mention per line") from None
        line = line.rstrip("\r\n")
        if not line.strip():
            continue
        mention, _, province = line.partition("\t")
        yield mention, (province.strip() or None)


def _ids(p: Any) -> str:
    return " ".join(
        x for x in (p.id, f"P-code {p.pcode}" if p.pcode else "", f"GeoNames {p.geonames_id}" if p.geonames_id else "")
        if x
    )  # fmt: skip


def _place_line(p: Any) -> str:
    return f"{p.name} | {p.name_ar or '-'}  ({p.kind}, {p.governorate.name})  {p.lat:.5f}, {p.lon:.5f}  [{_ids(p)}]"


def _human(mention: str, matches: Sequence[Any], rejected: Sequence[Any]) -> str:
    if not matches:
        if not rejected:
            return f"{mention} -> not found"
        best = rejected[0]
        why = f"ambiguous with {', '.join(best.alternatives)}" if best.ambiguous else f"{best.tier} match"
        return (
            f"{mention} -> no confident answer (best: {best.place.name}, {best.place.governorate.name}, "
            f"confidence {best.confidence:.2f}; {why})"
        )
    rows = []
    for i, m in enumerate(matches):
        flags = []
        if m.ambiguous:
            flags.append("AMBIGUOUS: also " + ", ".join(m.alternatives))
        if m.in_province is False:
            flags.append("NOT IN THE GIVEN PROVINCE")
        lead = f"{mention} -> " if i == 0 else " " * (len(mention) + 4)
        rows.append(
            f"{lead}{_place_line(m.place)}  score {m.score:.0f} {m.tier}, confidence {m.confidence:.2f}"
            + (f"  {'; '.join(flags)}" if flags else "")
        )
    return "\n".join(rows)


def _resolve(args: argparse.Namespace) -> int:
    from .confidence import check_min_confidence

    if args.input is not None or args.output is not None:
        return _resolve_file(args)
    if args.limit < 1:
        raise _Usage("--limit must be at least 1")
    threshold = DEFAULT_MIN_CONFIDENCE if args.min_confidence is None else check_min_confidence(args.min_confidence)
    g = _open(args)
    if args.text:
        items: Iterable[tuple[str, str | None]] = [(t, args.province) for t in args.text]
    else:
        items = _stdin_lines(sys.stdin.buffer)
    seen = missing = 0
    for mention, province in items:
        seen += 1
        province = province or args.province
        error = None
        try:
            found = g.candidates(mention, province=province, limit=args.limit, strict_province=args.strict_province)
        except (InvalidQueryError, UnknownProvinceError) as e:
            if args.text:
                raise
            found, error = [], str(e)
        matches = [m for m in found if m.confidence >= threshold]
        rejected = [m for m in found if m.confidence < threshold]
        if not matches or matches[0] is not found[0]:
            matches = []
            missing += 1
        if args.json:
            obj: dict[str, Any] = {
                "mention": mention,
                "province": province,
                "matches": [m.to_dict() for m in matches],
                "rejected": [m.to_dict() for m in rejected],
            }
            if error:
                obj["error"] = error
            _json(obj)
        else:
            _say(_human(mention, matches, rejected) + (f"  ({error})" if error else ""))
    if not seen:
        _say("gazetteer: no mentions (give them as arguments, or one per line on standard input)", err=True)
        return 1
    return 1 if missing else 0


# -- geoparse ------------------------------------------------------------------------------------------


def _read_text(name: str) -> str:
    """A text file (or standard input for '-') as UTF-8; a usage error when it is not text."""
    if name == "-":
        data = sys.stdin.buffer.read()
        label = "standard input"
    else:
        try:
            with open(name, "rb") as f:
                data = f.read()
        except OSError as e:
            raise _Usage(f"{name[:200]}: cannot be read ({e.strerror or e})") from None
        except ValueError as e:  # NUL bytes or lone surrogates in the name
            raise _Usage(f"{name[:200]!r}: cannot be read ({e})") from None
        label = name[:200]
    if b"\x00" in data[:65536]:
        raise _Usage(f"{label} is not text (it holds NUL bytes)")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        raise _Usage(f"{label} is not UTF-8 text (byte {e.start})") from None


def _geoparse(args: argparse.Namespace) -> int:
    from .confidence import check_min_confidence

    threshold = None if args.min_confidence is None else check_min_confidence(args.min_confidence)
    g = _open(args)
    features: list[dict[str, Any]] = []
    found = 0
    for name in args.files or ["-"]:
        text = _read_text(name)
        mentions = g.geoparse(text, province=args.province, min_confidence=threshold)
        found += len(mentions)
        for m in mentions:
            p, match = m.match.place, m.match
            if args.geojson:
                features.append({
                    "type": "Feature",
                    "geometry": {"type": "Point", "coordinates": [p.lon, p.lat]},
                    "properties": {"file": name, "start": m.start, "end": m.end, "text": m.text, "id": p.id,
                                   "name": p.name, "name_ar": p.name_ar, "kind": p.kind,
                                   "governorate": p.governorate.name, "confidence": round(match.confidence, 4)},
                })  # fmt: skip
            elif args.json:
                _json({"file": name, "start": m.start, "end": m.end, "text": m.text, "match": match.to_dict()})
            else:
                _say(f"{name}:{m.start}-{m.end}  {m.text} -> {_place_line(p)}  confidence {match.confidence:.2f}")
    if args.geojson:
        _json({"type": "FeatureCollection", "features": features})
    if not found:
        _say("gazetteer: no place mention found", err=True)
    return 0 if found else 1


# -- places --------------------------------------------------------------------------------------------


def _place_dict(p: Any) -> dict[str, Any]:
    d: dict[str, Any] = p.to_dict()
    d["names"] = [{"text": n.text, "lang": n.lang, "source": n.source, "flags": list(n.flags)} for n in p.names]
    return d


def _place_human(p: Any) -> str:
    lines = [_place_line(p)]
    admin = [a for a in (p.district, p.subdistrict) if a is not None]
    if admin:
        lines.append("  in: " + ", ".join(f"{a.name} ({a.pcode})" for a in admin) + f", {p.governorate.name}")
    others = sorted({n.text for n in p.names} - {p.name, p.name_ar or ""})
    if others:
        shown = ", ".join(others[:12]) + (f" and {len(others) - 12} more" if len(others) > 12 else "")
        lines.append(f"  also: {shown}")
    lines.append("  sources: " + ", ".join(f"{s.source}:{s.id} ({s.licence})" for s in p.sources))
    return "\n".join(lines)


def _place(args: argparse.Namespace) -> int:
    g = _open(args)
    missing = 0
    for ident in args.ids:
        p = g.lookup_id(ident)
        if p is None:
            missing += 1
            _say(f"gazetteer: no place with id, P-code or GeoNames id {ident[:80]!r}", err=True)
            continue
        if args.json:
            _json(_place_dict(p))
        else:
            _say(_place_human(p))
    return 1 if missing else 0


def _list(args: argparse.Namespace) -> int:
    g = _open(args)
    kind = "any" if not args.kind else args.kind
    if args.governorate is None and args.district is None and args.subdistrict is None and not args.kind:
        raise _Usage("say what to list: --governorate, --district, --subdistrict and/or --kind")
    places = list(g.places(governorate=args.governorate, district=args.district, subdistrict=args.subdistrict,
                           kind=kind))  # fmt: skip
    if args.json:
        _json([p.to_dict() for p in places], indent=None)
    else:
        for p in places:
            _say(_place_line(p))
        _say(f"{len(places)} places", err=True)
    return 0 if places else 1


def _nearest(args: argparse.Namespace) -> int:
    g = _open(args)
    kind: Any = None if not args.kind else ("any" if args.kind == ["any"] else args.kind)
    found = g.nearest(args.lat, args.lon, k=args.k, kind=kind, max_km=args.max_km)
    for n in found:
        if args.json:
            _json({"distance_m": round(n.distance_m, 1), "place": n.place.to_dict()})
        else:
            _say(f"{n.distance_m / 1000:8.2f} km  {_place_line(n.place)}")
    if not found:
        _say(f"gazetteer: no place found within {args.max_km:g} km", err=True)
    return 0 if found else 1


def _admin(args: argparse.Namespace) -> int:
    g = _open(args)
    a = g.admin_of(args.lat, args.lon)
    if a is None:
        _say("gazetteer: this point is far from every subdistrict centre (outside Syria?)", err=True)
        return 1
    if args.json:
        _json(
            {
                "governorate": a.governorate._asdict(),
                "district": a.district._asdict() if a.district else None,
                "subdistrict": a.subdistrict._asdict() if a.subdistrict else None,
                "centre": a.centre.id,
                "distance_m": round(a.distance_m, 1),
                "method": a.method,
            }
        )
    else:
        parts = [f"{x.name} ({x.pcode})" for x in (a.subdistrict, a.district, a.governorate) if x is not None]
        _say(", ".join(parts))
        _say(f"  by the {a.method}: {a.centre.name}, {a.distance_m / 1000:.1f} km away (an approximation)")
    return 0


# -- info and build --------------------------------------------------------------------------------------


def info_dict(g: Any) -> dict[str, Any]:
    """What ``gazetteer info --json`` prints for an opened index."""
    h = g.header
    return {
        "gazetteer": __version__,
        "index": g.path,
        "origin": g.origin,
        "format_version": h.get("format_version"),
        "key_rules": h.get("key_rules", 1),
        "data_version": h.get("data_version"),
        "built_at": h.get("built_at"),
        "builder": h.get("builder"),
        "size_bytes": g.index.size_bytes,
        "places": len(g),
        "counts": h.get("counts", {}),
        "sources": h.get("sources", []),
        "skipped": h.get("build_report", {}).get("skipped", []),
        "query_time_data": [{"file": f, "licence": lic, "attribution": who} for f, lic, who in QUERY_TIME_FILES],
    }


def _info(args: argparse.Namespace) -> int:
    info = info_dict(_open(args))
    if args.json:
        _json(info, indent=2)
        return 0
    say = _say
    say(f"gazetteer {info['gazetteer']}")
    say(f"Index:        {info['index']} ({info['origin']}, {info['size_bytes'] / 1024:.0f} KiB)")
    say(f"Data version: {info['data_version']}, built {info['built_at']} by {info['builder']}")
    say(f"Places:       {info['places']}")
    if info["key_rules"] != KEY_RULES:
        say(
            f"Key rules:    {info['key_rules']}, this gazetteer uses {KEY_RULES}: rebuild the index "
            "(gazetteer build) so that every spelling the new rules join matches"
        )
    counts = info["counts"]
    say("By kind:      " + ", ".join(f"{k} {v}" for k, v in counts.get("by_kind", {}).items()))
    say("By governorate:")
    for name, n in counts.get("by_governorate", {}).items():
        say(f"  {name:<14} {n}")
    say("Sources and licences (attribution is a licence condition):")
    for s in info["sources"]:
        files = ", ".join(f"{f['file']} ({f.get('records', f.get('rows'))})" for f in s["files"])
        say(f"  {s['name']:<14} {s['licence']:<12} {s['title']}")
        say(f"  {'':<14} {s['attribution']}")
        say(f"  {'':<14} files: {files}")
    say("Read at query time (shipped with the package):")
    for q in info["query_time_data"]:
        say(f"  {q['file']:<24} {q['licence']:<12} {q['attribution']}")
    return 0


def _build(args: argparse.Namespace) -> int:
    from .build import build, upstream_dir
    from .paths import ENV_VAR, user_index_path

    output = args.output or str(user_index_path())
    sources = list(args.sources) if args.no_shipped else [str(upstream_dir()), *args.sources]
    if not sources:
        raise _Usage("nothing to build from: name a SOURCE, or drop --no-shipped")
    result = build(sources, output, exclude=args.exclude_source, log=_say)
    if args.output:
        _say(f"Use it with: export {ENV_VAR}={result.path}   (or gazetteer --index {result.path} ...)")
    else:
        _say("This is now the default index for this user (unless GAZETTEER_INDEX is set).")
    return 0


# -- resolve --input FILE --output FILE ------------------------------------------------------------

_PARQUET = (".parquet", ".parq", ".pq")


def _resolve_file(args: argparse.Namespace) -> int:
    """``resolve --input --output``: stream the file through ``resolve_batches``, then rename the output in place."""
    import time
    from pathlib import Path

    if args.input is None or args.output is None:
        raise InvalidQueryError("--input and --output go together")
    if args.text:
        raise InvalidQueryError("give mentions as arguments or --input FILE, not both")
    if args.limit != 1:
        raise InvalidQueryError("--limit does not apply to --input (each row gets its best place)")
    if args.batch_size < 1:
        raise InvalidQueryError("--batch-size must be at least 1")
    source, target = Path(args.input), Path(args.output)
    out_format = _format_of(target, sniff=False)
    batches, total = _open_input(source, args.batch_size)
    g = _open(args)
    try:
        resolved = g.resolve_batches(
            batches, mention=args.column, province=args.province_column, default_province=args.province,
            prefix=args.prefix, strict_province=args.strict_province, min_confidence=args.min_confidence,
        )  # fmt: skip
    except InvalidQueryError as e:
        raise InvalidQueryError(f"{source}: {e}") from None
    started = time.perf_counter()
    counts = _write_atomically(resolved, source, target, out_format, total, args.no_progress, args.prefix)
    seconds = time.perf_counter() - started
    summary = {"input": str(source), "output": str(target), **counts, "seconds": round(seconds, 3)}
    summary["rows_per_s"] = round(counts["rows"] / seconds) if seconds > 0 else None
    if args.json:
        print(json.dumps(summary, ensure_ascii=False))
    else:
        rate = f"{summary['rows_per_s']:,} rows/s" if summary["rows_per_s"] is not None else "-"
        print(
            f"{counts['rows']:,} rows -> {target} in {seconds:.1f} s ({rate}): {counts['resolved']:,} resolved "
            f"({counts['ambiguous']:,} ambiguous), {counts['not_found']:,} not found, {counts['errors']:,} errors",
            file=sys.stderr,
        )
    return 0


def _format_of(path: Any, *, sniff: bool) -> str:
    """``parquet``, ``csv`` or ``tsv``, from the file's first bytes (input) or name (both)."""
    name = path.name.lower()
    for compressed in (".gz", ".bz2", ".zst", ".lz4"):
        name = name.removesuffix(compressed)
    if sniff:
        with open(path, "rb") as f:
            head = f.read(4)
        if not head:
            raise _Unreadable(f"cannot read {path}: the file is empty")
        if head == b"PAR1":
            return "parquet"
    if name.endswith(_PARQUET):
        return "parquet"
    if name.endswith((".tsv", ".tab")):
        return "tsv"
    if name.endswith((".csv", ".txt")) or sniff:
        return "csv"
    raise InvalidQueryError(f"{path}: the output must be a .parquet, .csv or .tsv file")


class _Unreadable(GazetteerError):
    """An input or output file that cannot be read or written (exit status 1)."""


def _open_input(path: Any, batch_size: int) -> tuple[Any, int | None]:
    """The input as a ``RecordBatchReader`` (batches of at most ``batch_size`` rows), and its row count when known."""
    import pyarrow as pa

    try:
        kind = _format_of(path, sniff=True)
        if kind == "parquet":
            import pyarrow.parquet as pq

            pf = pq.ParquetFile(path, pre_buffer=False)
            batches = _guarded(path, pf.iter_batches(batch_size=batch_size))
            return pa.RecordBatchReader.from_batches(pf.schema_arrow, batches), pf.metadata.num_rows
        import pyarrow.csv as pacsv

        read = pacsv.ReadOptions(block_size=1 << 22)
        parse = pacsv.ParseOptions(delimiter="\t" if kind == "tsv" else ",")
        with pacsv.open_csv(path, read_options=read, parse_options=parse) as probe:
            names = probe.schema.names
        # Every column is read as text: types guessed from the first block could fail further on.
        # An empty cell is null (no province, no mention).
        convert = pacsv.ConvertOptions(
            column_types={n: pa.string() for n in names}, strings_can_be_null=True, null_values=[""]
        )
        reader = pacsv.open_csv(path, read_options=read, parse_options=parse, convert_options=convert)
        return pa.RecordBatchReader.from_batches(reader.schema, _guarded(path, _sliced(reader, batch_size))), None
    except (OSError, pa.ArrowException, ValueError) as e:
        raise _Unreadable(f"cannot read {path}: {_reason(e)}") from None


def _reason(e: BaseException) -> str:
    text = e.strerror if isinstance(e, OSError) and e.strerror else str(e)
    return text.strip().splitlines()[0] if text.strip() else type(e).__name__


def _sliced(batches: Iterable[Any], size: int) -> Iterator[Any]:
    for batch in batches:
        for start in range(0, max(batch.num_rows, 1), size):
            yield batch.slice(start, size)


def _guarded(path: Any, batches: Iterator[Any]) -> Iterator[Any]:
    """The batches; a read error further on (a damaged page, a bad CSV row) becomes a clear error."""
    import pyarrow as pa

    try:
        yield from batches
    except (OSError, pa.ArrowException, ValueError) as e:
        if isinstance(e, GazetteerError):
            raise
        raise _Unreadable(f"cannot read {path}: {_reason(e)}") from None


def _write_atomically(
    batches: Any, source: Any, target: Any, kind: str, total: int | None, no_progress: bool, prefix: str
) -> dict[str, int]:
    """Write ``batches`` to a temporary file beside ``target``, renamed to ``target`` only when complete."""
    import os
    import tempfile

    import pyarrow as pa
    import pyarrow.compute as pc
    from tqdm import tqdm

    try:
        fd, tmp_name = tempfile.mkstemp(dir=target.parent if str(target.parent) else ".", prefix=f".{target.name}.")
        os.close(fd)
    except OSError as e:
        raise _Unreadable(f"cannot write {target}: {_reason(e)}") from None
    counts = {"rows": 0, "resolved": 0, "ambiguous": 0, "not_found": 0, "errors": 0}
    writer: Any = None
    try:
        try:
            writer = _writer(tmp_name, batches.schema, kind)
        except (pa.ArrowException, ValueError, OSError) as e:
            raise _Unreadable(f"cannot write {target}: {_reason(e)}") from None
        with tqdm(
            total=total, unit=" rows", unit_scale=True, file=sys.stderr, disable=True if no_progress else None
        ) as bar:
            for batch in batches:
                try:
                    writer.write_batch(batch)
                except (pa.ArrowException, ValueError, OSError) as e:
                    raise _Unreadable(f"cannot write {target}: {_reason(e)}") from None
                n = batch.num_rows
                resolved = n - batch.column(prefix + "id").null_count
                errors = n - batch.column(prefix + "error").null_count
                counts["rows"] += n
                counts["resolved"] += resolved
                counts["errors"] += errors
                counts["not_found"] += n - resolved - errors
                counts["ambiguous"] += pc.sum(batch.column(prefix + "ambiguous")).as_py() or 0
                bar.update(n)
        try:
            writer.close()
            writer = None
            os.replace(tmp_name, target)
        except (pa.ArrowException, OSError) as e:
            raise _Unreadable(f"cannot write {target}: {_reason(e)}") from None
    except BaseException:
        if writer is not None:
            with contextlib.suppress(Exception):  # the first error is the one to report
                writer.close()
        if os.path.exists(tmp_name):
            os.unlink(tmp_name)
        raise
    return counts


def _writer(path: str, schema: Any, kind: str) -> Any:
    if kind == "parquet":
        import pyarrow.parquet as pq

        return pq.ParquetWriter(path, schema)
    import pyarrow.csv as pacsv

    return pacsv.CSVWriter(path, schema, write_options=pacsv.WriteOptions(delimiter="\t" if kind == "tsv" else ","))


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
