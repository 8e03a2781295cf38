"""Pipelines benchmark: `resolve_batches`, the CLI, DuckDB and Spark over a Zipf stream of real mention spellings.

    python benchmarks/pipelines.py              # 1 M and 10 M rows, every way: about 8 minutes on 2 cores
    python benchmarks/pipelines.py --rows 1000000 --skip spark,spark-floor      # a quick look: about 1 minute
    python benchmarks/pipelines.py --rows 10000000 --repeat 3 --skip spark,spark-floor   # on a shared machine

(Writing the input files takes about 20 s more the first time. On a machine that other work
shares, figures swing by 2x: `--repeat N` keeps the fastest of N runs, and each line shows the
load average before it and this way's own CPU time.)

For each size it writes `mentions-<rows>.parquet` (columns event_id int64, mention, province; row
groups of 131,072 rows) under `--workdir` (default benchmarks/out/pipelines, gitignored; kept for
the next run, `--fresh` rewrites it) and runs each way of resolving the file in a fresh process,
which reports its wall time and peak resident memory (ru_maxrss):

- **loop**, the baseline: `g.resolve(m, province=p)` for every row, read batch by batch (`to_pylist`);
- **batches ×1**: `resolve_batches` over `ParquetFile.iter_batches`, output consumed (not written);
- **batches ×2**: the same in 2 processes, each taking every other row group (wall time of both);
- **CLI**: `python -m gazetteer resolve --input F --output O.parquet --province-column province`;
- **DuckDB**: `SELECT * FROM read_parquet(F)` streamed through `resolve_batches`, then
  `COPY (SELECT * FROM resolved) TO 'O.parquet'` (the recipe of docs/pipelines.md);
- **Spark local[2]**: `spark.read.parquet(F).mapInArrow(gazetteer.resolve_batches, schema)`
  written to Parquet (session start-up not counted; 65,536 rows per Arrow batch), and the same job
  with a function that hands the batches back unchanged: what Spark itself costs.

The loop, resolve_batches and the CLI run pinned to one core each (Linux `sched_setaffinity`); the
CLI's figure is the whole command (start-up and index load included), the others' exclude them.

The stream: every distinct name of the index, each with two spellings mutated by the property
tests' mutations (`tests/spelling.py`: `mutate`), each paired with no
province (half), or its governorate's name, Arabic name or P-code; the pairs shuffled and drawn
with Zipf weights 1/rank^1.1 (as `costs.zipf_stream`). Figures are printed with ratios against the
loop measured in the same run, and the growth from the smallest to the largest size.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

BENCH_DIR = Path(__file__).resolve().parent
REPO = BENCH_DIR.parent
sys.path.insert(0, str(REPO))  # the repository: import gazetteer from here
WAYS = ("loop", "batches", "batches2", "cli", "duckdb", "spark", "spark-floor")
ZIPF_S = 1.1
ROW_GROUP = 131_072
BATCH = 65_536


# -- the input file -------------------------------------------------------------------------------------


def spelling_pool(seed: int = 7) -> list[tuple[str, str | None]]:
    """Distinct (mention, province) pairs: the index's names and mutated spellings, with and without a province."""
    sys.path.insert(0, str(REPO / "tests"))
    from spelling import mutate

    import gazetteer

    rng = random.Random(seed)
    spellings: dict[str, Any] = {}
    for place in gazetteer.load().places():
        for name in place.names:
            mutated = (mutate(name.text, rng) for _ in range(2))  # (text, class), None when none applies
            for text in (name.text, *(m[0] for m in mutated if m is not None)):
                spellings.setdefault(text, place.governorate)
    pairs: set[tuple[str, str | None]] = set()
    for text, gov in spellings.items():
        pairs.add((text, None) if rng.random() < 0.5 else (text, rng.choice([gov.name, gov.name_ar, gov.pcode])))
        if rng.random() < 0.25:  # some spellings come both with and without a province
            pairs.add((text, None))
    pool = sorted(pairs, key=lambda p: (p[0], p[1] or ""))
    rng.shuffle(pool)
    return pool


def write_mentions(path: Path, rows: int, seed: int = 11) -> dict[str, Any]:
    """Write ``rows`` Zipf-drawn (event_id, mention, province) rows to ``path``, a million at a time."""
    import numpy as np
    import pyarrow as pa
    import pyarrow.parquet as pq

    pool = spelling_pool()
    mentions = np.array([m for m, _ in pool], dtype=object)
    provinces = np.array([p for _, p in pool], dtype=object)
    weights = 1.0 / np.arange(1, len(pool) + 1) ** ZIPF_S
    weights /= weights.sum()
    rng = np.random.default_rng(seed)
    schema = pa.schema([("event_id", pa.int64()), ("mention", pa.string()), ("province", pa.string())])
    tmp = path.with_suffix(".tmp")
    used: set[int] = set()
    with pq.ParquetWriter(tmp, schema) as w:
        for start in range(0, rows, 1_000_000):
            n = min(1_000_000, rows - start)
            pick = rng.choice(len(pool), size=n, p=weights)
            used.update(np.unique(pick).tolist())
            table = pa.table(
                {"event_id": np.arange(start, start + n), "mention": mentions[pick], "province": provinces[pick]},
                schema=schema,
            )
            w.write_table(table, row_group_size=ROW_GROUP)
    tmp.replace(path)
    return {"pool": len(pool), "distinct_in_file": len(used)}


# -- the ways, each run in its own process --------------------------------------------------------------


def _row_groups(path: str, part: int, parts: int) -> list[int]:
    import pyarrow.parquet as pq

    return list(range(part, pq.ParquetFile(path).metadata.num_row_groups, parts))


def work_loop(path: str, part: int, parts: int) -> int:
    import pyarrow.parquet as pq

    import gazetteer

    g, rows, found = gazetteer.load(), 0, 0
    for batch in pq.ParquetFile(path, pre_buffer=False).iter_batches(BATCH, row_groups=_row_groups(path, part, parts)):
        for mention, province in zip(batch.column("mention").to_pylist(), batch.column("province").to_pylist()):
            try:
                match = g.resolve(mention, province=province)
            except gazetteer.GazetteerError:
                match = None
            rows += 1
            found += match is not None
    return rows


def work_batches(path: str, part: int, parts: int) -> int:
    import pyarrow.parquet as pq

    import gazetteer

    batches = pq.ParquetFile(path, pre_buffer=False).iter_batches(BATCH, row_groups=_row_groups(path, part, parts))
    return sum(b.num_rows for b in gazetteer.resolve_batches(batches, province="province"))


def work_duckdb(path: str, out: str) -> int:
    import duckdb
    import pyarrow.parquet as pq

    import gazetteer

    con = duckdb.connect()
    mentions = con.cursor().sql(f"SELECT * FROM read_parquet('{path}')").to_arrow_reader(BATCH)
    resolved = gazetteer.resolve_batches(mentions, province="province")  # noqa: F841 - read by SQL
    con.sql(f"COPY (SELECT * FROM resolved) TO '{out}' (FORMAT parquet)")
    return int(pq.ParquetFile(out).metadata.num_rows)


def work_spark(path: str, out: str, floor: bool = False) -> tuple[int, float, int, int]:
    """Spark local[2]: ``mapInArrow(resolve_batches)`` to Parquet; with ``floor``, the same job with a
    function that hands the batches back unchanged (what Spark costs without gazetteer)."""
    import pyarrow.parquet as pq
    from pyspark.sql import SparkSession
    from pyspark.sql.pandas.types import from_arrow_schema, to_arrow_schema

    import gazetteer
    from gazetteer.bulk import output_schema

    spark = (
        SparkSession.builder.master("local[2]")
        .config("spark.sql.execution.arrow.maxRecordsPerBatch", str(BATCH))
        .config("spark.ui.enabled", "false")
        .getOrCreate()
    )
    spark.sparkContext.setLogLevel("ERROR")
    t0 = time.perf_counter()
    df = spark.read.parquet(path)
    schema = from_arrow_schema(output_schema(to_arrow_schema(df.schema), province="province"))
    rss_dir = Path(out + ".rss")
    rss_dir.mkdir(exist_ok=True)

    def resolve(batches: Any) -> Any:  # gazetteer.resolve_batches, then the worker's peak RSS noted
        import resource

        yield from batches if floor else gazetteer.resolve_batches(batches, province="province")
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
        (rss_dir / f"{os.getpid()}-{time.time_ns()}").write_text(str(peak))

    df.mapInArrow(resolve, df.schema if floor else schema).write.mode("overwrite").parquet(out)
    seconds = time.perf_counter() - t0
    partitions = df.rdd.getNumPartitions()
    spark.stop()
    rows = sum(pq.ParquetFile(f).metadata.num_rows for f in Path(out).glob("*.parquet"))
    worker_rss = max(int(f.read_text()) for f in rss_dir.iterdir())
    return rows, seconds, partitions, worker_rss


def worker(args: argparse.Namespace) -> None:
    """Run one way in this process and print one JSON line: rows, seconds, peak RSS."""
    import resource

    import gazetteer

    gazetteer.load()  # the index load is not timed (it is in the CLI's figure)
    t0 = time.perf_counter()
    if args.worker == "loop":
        rows = work_loop(args.input, args.part, args.parts)
    elif args.worker == "batches":
        rows = work_batches(args.input, args.part, args.parts)
    elif args.worker == "duckdb":
        rows = work_duckdb(args.input, args.output)
    else:
        rows, spark_s, partitions, worker_rss = work_spark(args.input, args.output, floor=args.worker == "spark-floor")
    seconds = time.perf_counter() - t0 if not args.worker.startswith("spark") else spark_s
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    result = {"rows": rows, "seconds": seconds, "rss": rss}
    if args.worker.startswith("spark"):  # the peak of the Python workers, which the JVM starts
        result.update(rss=worker_rss, partitions=partitions)
    print(json.dumps(result))


def _spawn(
    cmd: list[str], env: dict[str, str], log_path: Path, cpu: int | None = None
) -> tuple[subprocess.Popen[bytes], Any]:
    """Start ``cmd`` with its output in ``log_path``; pinned to one CPU when ``cpu`` is given (Linux)."""
    out = open(log_path, "wb")  # noqa: SIM115 - closed by _reap
    pin = None
    if cpu is not None and hasattr(os, "sched_setaffinity"):
        cores = sorted(os.sched_getaffinity(0))

        def pin() -> None:
            os.sched_setaffinity(0, {cores[cpu % len(cores)]})

    return subprocess.Popen(cmd, stdout=out, stderr=subprocess.STDOUT, env=env, cwd=REPO, preexec_fn=pin), out


def _reap(proc: subprocess.Popen[bytes], out: Any, log_path: Path) -> dict[str, Any]:
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    out.close()
    text = log_path.read_text(errors="replace")
    if proc.returncode != 0:
        raise RuntimeError(f"{' '.join(map(str, proc.args))} failed ({proc.returncode}):\n{text[-3000:]}")
    lines = [line for line in text.splitlines() if line.startswith("{")]
    result = json.loads(lines[-1]) if lines else {}
    result["child_rss"] = usage.ru_maxrss * 1024
    result["cpu"] = usage.ru_utime + usage.ru_stime
    return result


def measure(way: str, path: Path, work: Path, env: dict[str, str], repeat: int) -> dict[str, Any]:
    """The fastest of ``repeat`` runs of one way (the machine may be shared), with its load average before."""
    runs = []
    for _ in range(repeat):
        load = os.getloadavg()[0]
        runs.append({**measure_once(way, path, work, env), "load": load})
        shutil.rmtree(work / f"out-{way}.parquet", ignore_errors=True)
        (work / f"out-{way}.parquet").unlink(missing_ok=True)
    return min(runs, key=lambda r: r["seconds"])


def measure_once(way: str, path: Path, work: Path, env: dict[str, str]) -> dict[str, Any]:
    """Run one way in fresh processes; rows, seconds (wall of the work), peak RSS of the largest process."""
    me = [sys.executable, str(Path(__file__).resolve()), "--worker"]
    out = work / f"out-{way}.parquet"
    if way == "cli":
        cmd = [sys.executable, "-m", "gazetteer", "resolve", "--input", str(path), "--output", str(out)]
        cmd += ["--province-column", "province", "--json", "--no-progress"]
        t0 = time.perf_counter()
        proc, fh = _spawn(cmd, env, work / "log-cli.txt", cpu=0)
        r = _reap(proc, fh, work / "log-cli.txt")
        # the whole command on one core, start-up and index load included
        return {"rows": r["rows"], "seconds": time.perf_counter() - t0, "rss": r["child_rss"], "cpu": r["cpu"]}
    parts = 2 if way == "batches2" else 1
    name = "batches" if way == "batches2" else way
    procs = []
    t0 = time.perf_counter()
    for part in range(parts):
        cmd = [*me, name, "--input", str(path), "--output", str(out), "--part", str(part), "--parts", str(parts)]
        log = work / f"log-{way}-{part}.txt"
        # one core per process for the loop and resolve_batches; DuckDB and Spark use the machine
        procs.append((*_spawn(cmd, env, log, cpu=part if way in ("loop", "batches", "batches2") else None), log))
    results = [_reap(p, fh, log) for p, fh, log in procs]
    wall = time.perf_counter() - t0
    rows = sum(r["rows"] for r in results)
    # in-process timings exclude interpreter start and index load; with 2 processes, the slower one's
    seconds = max(r["seconds"] for r in results)
    cpu = sum(r["cpu"] for r in results)
    if way.startswith("spark"):  # the Python workers are the JVM's children: their RSS as they noted it
        return {"rows": rows, "seconds": seconds, "rss": results[0]["rss"], "wall": wall, "cpu": None}
    return {"rows": rows, "seconds": seconds, "rss": max(r["rss"] for r in results), "wall": wall, "cpu": cpu}


# -- report ------------------------------------------------------------------------------------------


def report(figures: dict[int, dict[str, dict[str, Any]]], info: dict[int, dict[str, Any]], repeat: int) -> None:
    labels = {
        "loop": "loop over resolve (baseline)",
        "batches": "resolve_batches, 1 process",
        "batches2": "resolve_batches, 2 processes",
        "cli": "CLI Parquet -> Parquet",
        "duckdb": "DuckDB SQL -> Parquet",
        "spark": "Spark local[2] mapInArrow -> Parquet (*)",
        "spark-floor": "Spark, same job, batches unchanged (*)",
    }
    print(f"\nMachine: {platform.platform()}, {os.cpu_count()} cores, Python {platform.python_version()}")
    print(
        f"Each figure: the fastest of {repeat} run(s); 'load' is the 1-minute load average before it (above the"
        " core count, other work shared the machine). 'rows/CPU s' counts this way's own CPU time."
    )
    for rows, ways in figures.items():
        base = ways.get("loop")
        print(
            f"\n{rows:,} rows (pool of {info[rows]['pool']:,} distinct (mention, province) pairs, "
            f"{info[rows]['distinct_in_file']:,} in the file, {info[rows]['size_mb']:.0f} MB)"
        )
        head = f"  {'way':<40} {'cores':>5} {'load':>5} {'seconds':>8} {'CPU s':>7} {'rows/s':>11} {'x loop':>7}"
        print(f"{head} {'rows/CPU s':>11} {'peak RSS':>9}")
        for way, f in ways.items():
            rate = f["rows"] / f["seconds"]
            ratio = f"{rate / (base['rows'] / base['seconds']):.1f}" if base else "-"
            rss = f"{f['rss'] / 2**20:.0f} MiB" if f.get("rss") else "-"
            cpu = f"{f['cpu']:.1f}" if f.get("cpu") else "-"
            per_cpu = f"{f['rows'] / f['cpu']:,.0f}" if f.get("cpu") else "-"
            cores = {"batches2": "2", "duckdb": "all", "spark": "all", "spark-floor": "all"}.get(way, "1")
            print(
                f"  {labels[way]:<40} {cores:>5} {f['load']:>5.1f} {f['seconds']:>8.1f} {cpu:>7} {rate:>11,.0f}"
                f" {ratio:>7} {per_cpu:>11} {rss:>9}"
            )
    if any("spark" in ways for ways in figures.values()):
        print("  (*) peak RSS of a Python worker; seconds from reading to written, without session start-up")
    sizes = sorted(figures)
    if len(sizes) > 1:
        small, large = sizes[0], sizes[-1]
        print(f"\nGrowth {small:,} -> {large:,} rows ({large / small:.0f}x the rows):")
        for way in figures[large]:
            if way not in figures[small]:
                continue
            a, b = figures[small][way], figures[large][way]
            time_ratio = b["seconds"] / a["seconds"]
            rss = f", peak RSS x{b['rss'] / a['rss']:.2f}" if a.get("rss") and b.get("rss") else ""
            print(f"  {labels[way]:<40} time x{time_ratio:.1f}, rows/s x{(large / small) / time_ratio:.2f}{rss}")
    for rows, ways in figures.items():
        cli = ways.get("cli")
        if cli and rows >= 10_000_000:  # the target is set at 10 M rows
            rate = cli["rows"] / cli["seconds"]
            ok = cli["rss"] < 500e6 and rate >= 300_000
            print(
                f"\nTarget at {rows:,} rows, CLI Parquet -> Parquet on one core (whole command, start-up included): "
                f"peak RSS < 500 MB and >= 300,000 rows/s: {cli['rss'] / 1e6:.0f} MB, {rate:,.0f} rows/s "
                f"({cli['rows'] / cli['cpu']:,.0f} per CPU second) -> {'met' if ok else 'NOT met'}"
            )


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--rows", default="1000000,10000000", help="comma-separated sizes (default 1000000,10000000)")
    p.add_argument("--workdir", type=Path, default=BENCH_DIR / "out" / "pipelines", help="where the files go")
    p.add_argument("--skip", default="", help=f"comma-separated ways to leave out ({', '.join(WAYS)})")
    p.add_argument("--fresh", action="store_true", help="rewrite the input files even when present")
    p.add_argument("--repeat", type=int, default=1, help="runs of each way; the fastest is kept (default 1)")
    p.add_argument("--worker", metavar="WAY", help=argparse.SUPPRESS)
    p.add_argument("--input", help=argparse.SUPPRESS)
    p.add_argument("--output", help=argparse.SUPPRESS)
    p.add_argument("--part", type=int, default=0, help=argparse.SUPPRESS)
    p.add_argument("--parts", type=int, default=1, help=argparse.SUPPRESS)
    args = p.parse_args()
    if args.worker is not None:
        worker(args)
        return
    sizes = [int(r.replace("_", "")) for r in args.rows.split(",") if r.strip()]
    skip = {s.strip() for s in args.skip.split(",") if s.strip()}
    ways = [w for w in WAYS if w not in skip]
    args.workdir.mkdir(parents=True, exist_ok=True)
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join([str(REPO), os.environ.get("PYTHONPATH", "")]).rstrip(os.pathsep),
    }
    env.setdefault("PYSPARK_PYTHON", sys.executable)
    import gazetteer

    print(f"index: {gazetteer.load()!r}", file=sys.stderr)
    figures: dict[int, dict[str, dict[str, Any]]] = {}
    info: dict[int, dict[str, Any]] = {}
    for rows in sizes:
        path = args.workdir / f"mentions-{rows}.parquet"
        meta = args.workdir / f"mentions-{rows}.json"
        if args.fresh or not path.exists() or not meta.exists():
            t0 = time.perf_counter()
            meta.write_text(json.dumps(write_mentions(path, rows)))
            print(f"[{rows:,}] wrote {path} in {time.perf_counter() - t0:.0f} s", file=sys.stderr)
        info[rows] = {**json.loads(meta.read_text()), "size_mb": path.stat().st_size / 1e6}
        figures[rows] = {}
        with tempfile.TemporaryDirectory(dir=args.workdir) as tmp:
            for way in ways:
                print(f"[{rows:,}] {way} ...", file=sys.stderr, flush=True)
                figures[rows][way] = measure(way, path, Path(tmp), env, args.repeat)
                f = figures[rows][way]
                print(f"[{rows:,}] {way}: {f['rows'] / f['seconds']:,.0f} rows/s", file=sys.stderr, flush=True)
    report(figures, info, args.repeat)


if __name__ == "__main__":
    main()
