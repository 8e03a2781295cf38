"""The ``gazetteer`` command: ``build``, ``info`` and ``resolve``.

Exit status: 0 when everything asked for was done (every mention resolved),
1 when a mention did not resolve or an index/source problem stopped the work,
2 on usage errors (bad flags, unknown province, invalid mention). ``resolve --input
FILE --output FILE`` exits 0 once the output is written, whatever the rows say.
"""

from __future__ import annotations

import argparse
import contextlib
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

    r = sub.add_parser(
        "resolve", help="resolve mentions (arguments, one per line on standard input, or a Parquet/CSV file)"
    )
    r.add_argument("text", nargs="*", metavar="TEXT", help="mentions; none: read 'mention[<TAB>province]' lines")
    r.add_argument("--province", "-p", help="governorate the mentions are in (any spelling or code)")
    r.add_argument("--limit", "-n", type=int, default=1, help="candidates per mention (default 1)")
    r.add_argument("--json", action="store_true", help="one JSON object per line (with --input: the summary)")
    _file_arguments(r)
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
    if args.input is not None or args.output is not None:
        return _resolve_file(args)
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
            prefix=args.prefix,
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
