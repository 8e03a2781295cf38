"""The ``gazetteer`` command: ``build``, ``info`` and ``resolve``.

Exit status: 0 when everything asked for was done (every mention resolved),
1 when a mention did not resolve or an index/source problem stopped the work,
2 on usage errors (bad flags, unknown province, invalid mention).
"""

from __future__ import annotations

import argparse
import io
import json
import sys
from collections.abc import Iterable, Iterator, Sequence
from typing import Any, TextIO

from .adapters import SOURCES
from .errors import GazetteerError, IndexFileError, InvalidQueryError, SourceFormatError, UnknownProvinceError
from .normalize import KEY_RULES

__all__ = ["main"]


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="gazetteer",
        description="Offline bilingual gazetteer and place-name resolver for Syria.",
    )
    p.add_argument(
        "--index", help="index file to use (default: $GAZETTEER_INDEX, then your built one, then the shipped one)"
    )
    sub = p.add_subparsers(dest="command", required=True, metavar="{build,info,resolve}")

    b = sub.add_parser("build", help="build an index from the shipped sources and any files or folders you add")
    b.add_argument(
        "sources",
        nargs="*",
        metavar="SOURCE",
        help="more source files or folders (e.g. a folder with SY.txt and alternateNamesV2.txt)",
    )
    b.add_argument(
        "--no-shipped",
        action="store_true",
        help="leave out the upstream copies shipped with the package (build from SOURCE only)",
    )
    b.add_argument("--output", "-o", help="index file to write (default: the user index, used automatically)")
    b.add_argument(
        "--exclude-source", action="append", default=[], metavar="NAME",
        help=f"leave out a source ({', '.join(sorted(SOURCES))}); repeatable",
    )  # fmt: skip

    i = sub.add_parser("info", help="show the index in use: places, sources, licences, data version")
    i.add_argument("--json", action="store_true", help="print JSON")

    r = sub.add_parser("resolve", help="resolve mentions (arguments, or one per line on standard input)")
    r.add_argument("text", nargs="*", metavar="TEXT", help="mentions; none: read 'mention[<TAB>province]' lines")
    r.add_argument("--province", "-p", help="governorate the mentions are in (any spelling or code)")
    r.add_argument("--limit", "-n", type=int, default=1, help="candidates per mention (default 1)")
    r.add_argument("--json", action="store_true", help="one JSON object per line")
    return p


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    for stream in (sys.stdout, sys.stderr):
        if isinstance(stream, io.TextIOWrapper):  # undecodable argv/stdin bytes print as "?", not a traceback
            stream.reconfigure(errors="replace")
    args = _parser().parse_args(argv)
    try:
        if args.command == "build":
            return _build(args)
        if args.command == "info":
            return _info(args)
        return _resolve(args)
    except (UnknownProvinceError, InvalidQueryError) as e:
        print(f"gazetteer: error: {e}", file=sys.stderr)
        return 2
    except (IndexFileError, SourceFormatError, GazetteerError) as e:
        print(f"gazetteer: error: {e}", file=sys.stderr)
        return 1
    except BrokenPipeError:
        return 0


def _open(args: argparse.Namespace) -> Any:
    from .default import load

    return load(args.index)


def _build(args: argparse.Namespace) -> int:
    from .build import build, upstream_dir
    from .paths import ENV_VAR, user_index_path

    output = args.output or str(user_index_path())
    sources = list(args.sources) if args.no_shipped else [str(upstream_dir()), *args.sources]
    if not sources:
        raise InvalidQueryError("nothing to build from: name a SOURCE, or drop --no-shipped")
    result = build(sources, output, exclude=args.exclude_source, log=print)
    if args.output:
        print(f"Use it with: export {ENV_VAR}={result.path}   (or gazetteer --index {result.path} ...)")
    else:
        print("This is now the default index for this user (unless GAZETTEER_INDEX is set).")
    return 0


def info_dict(g: Any) -> dict[str, Any]:
    """What ``gazetteer info --json`` prints for an opened index."""
    h = g.header
    return {
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
    }


def _info(args: argparse.Namespace) -> int:
    info = info_dict(_open(args))
    if args.json:
        print(json.dumps(info, ensure_ascii=False, indent=2))
        return 0
    out = sys.stdout
    out.write(f"Index:        {info['index']} ({info['origin']}, {info['size_bytes'] / 1024:.0f} KiB)\n")
    out.write(f"Data version: {info['data_version']}, built {info['built_at']} by {info['builder']}\n")
    out.write(f"Places:       {info['places']}\n")
    if info["key_rules"] != KEY_RULES:
        out.write(
            f"Key rules:    {info['key_rules']}, this gazetteer uses {KEY_RULES}: rebuild the index "
            "(gazetteer build) so that every spelling the new rules join matches\n"
        )
    counts = info["counts"]
    out.write("By kind:      " + ", ".join(f"{k} {v}" for k, v in counts.get("by_kind", {}).items()) + "\n")
    out.write("By governorate:\n")
    for name, n in counts.get("by_governorate", {}).items():
        out.write(f"  {name:<14} {n}\n")
    out.write("Sources (attribution is a licence condition):\n")
    for s in info["sources"]:
        files = ", ".join(f"{f['file']} ({f.get('records', f.get('rows'))})" for f in s["files"])
        out.write(f"  {s['name']:<14} {s['licence']:<10} {s['title']}\n")
        out.write(f"  {'':<14} {s['attribution']}\n  {'':<14} files: {files}\n")
    return 0


def _lines(stream: TextIO) -> Iterator[tuple[str, str | None]]:
    for line in stream:
        line = line.rstrip("\r\n")
        if not line.strip():
            continue
        mention, _, province = line.partition("\t")
        yield mention, (province.strip() or None)


def _human(mention: str, matches: list[Any]) -> str:
    if not matches:
        return f"{mention} -> not found"
    rows = []
    for i, m in enumerate(matches):
        p = m.place
        ids = " ".join(
            x
            for x in (
                p.id,
                f"P-code {p.pcode}" if p.pcode else "",
                f"GeoNames {p.geonames_id}" if p.geonames_id else "",
            )
            if x
        )
        flags = []
        if m.ambiguous:
            flags.append("AMBIGUOUS: also " + ", ".join(m.alternatives))
        if m.in_province is False:
            flags.append("NOT IN THE GIVEN PROVINCE")
        lead = f"{mention} -> " if i == 0 else " " * (len(mention) + 4)
        rows.append(
            f"{lead}{p.name} | {p.name_ar or '-'}  ({p.kind}, {p.governorate.name})  "
            f"{p.lat:.5f}, {p.lon:.5f}  score {m.score:.0f} {m.tier}  [{ids}]"
            + (f"  {'; '.join(flags)}" if flags else "")
        )
    return "\n".join(rows)


def _resolve(args: argparse.Namespace) -> int:
    if args.limit < 1:
        raise InvalidQueryError("--limit must be at least 1")
    g = _open(args)
    if args.text:
        items: Iterable[tuple[str, str | None]] = [(t, args.province) for t in args.text]
    else:  # undecodable bytes become U+FFFD rather than a traceback
        items = _lines(io.TextIOWrapper(sys.stdin.buffer, encoding="utf-8", errors="replace"))
    missing = 0
    for mention, province in items:
        province = province or args.province
        try:
            matches = g.candidates(mention, province=province, limit=args.limit)
            error = None
        except (InvalidQueryError, UnknownProvinceError) as e:
            if args.text:
                raise
            matches, error = [], str(e)
        if not matches:
            missing += 1
        if args.json:
            obj: dict[str, Any] = {"mention": mention, "province": province, "matches": [m.to_dict() for m in matches]}
            if error:
                obj["error"] = error
            print(json.dumps(obj, ensure_ascii=False))
        else:
            print(_human(mention, matches) + (f"  ({error})" if error else ""))
    return 1 if missing else 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
