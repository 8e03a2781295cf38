"""Pipelines: resolve_batches, `gazetteer resolve --input/--output`, and the recipes of docs/pipelines.md.

Every answer is checked against `resolve_many` on the same rows, or against a known place.
The recipes are run exactly as the document shows them (DuckDB, Polars, pandas in this process;
Spark local[2] in a child process with a time limit, skipped without Java or pyspark).
"""

from __future__ import annotations

import json
import os
import pickle
import random
import re
import shutil
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.csv as pacsv
import pyarrow.parquet as pq
import pytest

import gazetteer
from gazetteer import bulk
from gazetteer.errors import InvalidQueryError, UnknownProvinceError
from gazetteer.resolve import Gazetteer

REPO = Path(__file__).resolve().parent.parent
DOC = REPO / "docs" / "pipelines.md"
RESULTS = [f.name for f in bulk.RESULT_SCHEMA]

#: Mentions with known answers, spellings, misses, junk and nulls.
POOL = [
    "Talbiseh", "تلبيسة", "Tallbīsah", "TALBISEH", "Rastan", "Al-Qusayr", "Homs", "Idlib", "Kafr Nabl",
    "Al-Hamidiyah", "Deir Ezzor", "rural Idlib", "Qosour neighbourhood", "Xqzzyqq", "", " ", "x" * 300,
    "Tal\u200bbiseh", None,
]  # fmt: skip
PROVINCES = ["Homs", "حمص", "SY04", "Idlib", "Hama", "Narnia", "", None, None, None]


def rows(n: int, seed: int) -> tuple[list[str | None], list[str | None]]:
    rng = random.Random(seed)
    return [rng.choice(POOL) for _ in range(n)], [rng.choice(PROVINCES) for _ in range(n)]


def expected(g: Gazetteer, mentions: list[Any], provinces: list[Any] | None) -> pa.Table:
    """resolve_many's result columns for the same rows."""
    return g.resolve_many(mentions, province=provinces).select(RESULTS)


def assert_same_results(out: pa.Table, want: pa.Table, prefix: str = "", *, types: bool = True) -> None:
    assert out.num_rows == want.num_rows
    for name in RESULTS:
        got = out.column(prefix + name)
        if types:
            assert got.type == want.column(name).type, name
        assert got.to_pylist() == want.column(name).to_pylist(), name


@pytest.fixture(scope="module")
def g() -> Gazetteer:
    """The default index (the one the module functions and the recipes use)."""
    return gazetteer.load()


# -- resolve_batches: known answers -----------------------------------------------------------------------


def test_resolve_batches__known_places_and_input_columns_kept(g: Gazetteer) -> None:
    events = pa.table(
        {
            "event_id": [10, 11, 12, 13, 14],
            "mention": ["Talbiseh", "تلبيسة", None, "Xqzzyqq", "Rastan"],
            "province": ["Homs", None, "Homs", None, "Narnia"],
        }
    )
    out = g.resolve_batches(events, province="province").read_all()
    assert out.column_names == ["event_id", "mention", "province", *RESULTS]
    assert out.column("event_id").to_pylist() == [10, 11, 12, 13, 14]
    assert out.column("id").to_pylist()[:4] == ["gn:163779", "gn:163779", None, None]
    assert out.column("geonames_id").to_pylist()[0] == 163779
    assert out.column("in_province").to_pylist()[:2] == [True, None]
    assert out.column("error").to_pylist()[:4] == [None, None, None, None]
    assert out.column("error")[4].as_py().startswith("unknown province 'Narnia'")


def test_resolve_batches__module_function_uses_the_default_index(g: Gazetteer) -> None:
    out = gazetteer.resolve_batches(pa.table({"mention": ["Talbiseh"]})).read_all()
    assert out.column("id").to_pylist() == ["gn:163779"]
    assert "resolve_batches" in gazetteer.__all__


def test_resolve_batches__default_province_and_near(g: Gazetteer) -> None:
    t = pa.table({"mention": ["Talbiseh", "Talbiseh", "Talbiseh"], "province": [None, "Hama", "Homs"]})
    out = g.resolve_batches(t, province="province", default_province="Homs").read_all()
    assert out.column("in_province").to_pylist() == [True, False, True]
    alone = g.resolve_batches(t.select(["mention"]), default_province="Hama").read_all()
    assert alone.column("in_province").to_pylist() == [False] * 3
    near = g.resolve_batches(pa.table({"mention": ["Al-Hamidiyah"]}), near=(34.75, 35.95)).read_all()
    assert near.column("id").to_pylist() == [g.resolve("Al-Hamidiyah", near=(34.75, 35.95)).place.id]


# -- resolve_batches equals resolve_many ------------------------------------------------------------------


@pytest.mark.parametrize("seed", range(6))
def test_resolve_batches__same_answers_as_resolve_many(g: Gazetteer, seed: int) -> None:
    mentions, provinces = rows(400, seed)
    table = pa.table({"n": list(range(400)), "mention": mentions, "province": provinces})
    size = random.Random(seed).choice([1, 7, 64, 400])
    out = pa.Table.from_batches(list(g.resolve_batches(table.to_batches(max_chunksize=size), province="province")))
    assert out.column("n").to_pylist() == list(range(400))
    assert_same_results(out, expected(g, mentions, provinces))
    without = g.resolve_batches(table.select(["mention"])).read_all()
    assert_same_results(without, expected(g, mentions, None))


def test_resolve_batches__default_province_equals_filled_provinces(g: Gazetteer) -> None:
    mentions, provinces = rows(300, 9)
    out = g.resolve_batches(
        pa.table({"mention": mentions, "province": provinces}), province="province", default_province="Idlib"
    ).read_all()
    assert_same_results(out, expected(g, mentions, ["Idlib" if p is None else p for p in provinces]))


@pytest.mark.parametrize(
    "text_type", [pa.string(), pa.large_string(), pa.string_view(), pa.dictionary(pa.int8(), pa.string())]
)
def test_resolve_batches__text_column_types(g: Gazetteer, text_type: pa.DataType) -> None:
    mentions, provinces = rows(200, 3)
    m = pa.array(mentions, pa.string()).cast(text_type)
    p = pa.array(provinces, pa.string()).cast(text_type)
    out = g.resolve_batches(pa.table({"mention": m, "province": p}), province="province").read_all()
    assert out.schema.field("mention").type == text_type  # input columns are passed through as they are
    assert_same_results(out, expected(g, mentions, provinces))


def test_resolve_batches__dictionary_with_unused_and_repeated_values(g: Gazetteer) -> None:
    values = pa.array(["Talbiseh", "Unused", "Talbiseh", None, "Rastan"])
    mention = pa.DictionaryArray.from_arrays(pa.array([0, 2, 3, None, 4, 0], pa.int32()), values)
    out = g.resolve_batches(pa.table({"mention": mention})).read_all()
    want = expected(g, ["Talbiseh", "Talbiseh", None, None, "Rastan", "Talbiseh"], None)
    assert_same_results(out, want)


def test_resolve_batches__null_typed_columns(g: Gazetteer) -> None:
    t = pa.table({"mention": pa.array(["Talbiseh", "Rastan"]), "province": pa.nulls(2)})
    out = g.resolve_batches(t, province="province").read_all()
    assert_same_results(out, expected(g, ["Talbiseh", "Rastan"], None))
    assert g.resolve_batches(pa.table({"mention": pa.nulls(3)})).read_all().column("id").null_count == 3


def test_resolve_batches__memory_of_pairs_starts_afresh_when_full(
    g: Gazetteer, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(bulk, "MEMO_SIZE", 3)
    mentions, provinces = rows(500, 4)
    table = pa.table({"mention": mentions, "province": provinces})
    out = g.resolve_batches(table.to_batches(max_chunksize=16), province="province").read_all()
    assert_same_results(out, expected(g, mentions, provinces))


def test_resolve_batches__a_new_result_column_needs_no_other_change(
    g: Gazetteer, monkeypatch: pytest.MonkeyPatch
) -> None:
    """RESULT_SCHEMA is the one definition: a column added there (and filled) reaches every batch."""
    before, original = bulk.RESULT_SCHEMA, bulk._results_table
    schema = before.append(pa.field("quality", pa.float64()))

    def with_quality(results: Any) -> pa.Table:  # what the one who adds the column writes in _results_table
        results = list(results)
        monkeypatch.setattr(bulk, "RESULT_SCHEMA", before)
        table = original(results)
        monkeypatch.setattr(bulk, "RESULT_SCHEMA", schema)
        quality = pa.array([m.score / 100 if m else None for m, _ in results], pa.float64())
        return table.append_column(schema.field("quality"), quality)

    monkeypatch.setattr(bulk, "RESULT_SCHEMA", schema)
    monkeypatch.setattr(bulk, "_results_table", with_quality)
    out = g.resolve_batches(pa.table({"mention": ["Talbiseh", "Xqzzyqq", None]})).read_all()
    assert out.column_names[-1] == "quality"
    assert out.column("quality").to_pylist() == [1.0, None, None]


def test_resolve_batches__confidence_and_the_options_of_resolve(g: Gazetteer) -> None:
    mentions = ["Talbiseh", "Mansoura", "Hamidiyeh", "Qosour"]
    out = g.resolve_batches(pa.table({"mention": mentions, "province": [None, None, "Homs", "Homs"]}),
                            province="province").read_all()  # fmt: skip
    for row, text, prov in zip(out.to_pylist(), mentions, [None, None, "Homs", "Homs"]):
        m = g.resolve(text, province=prov)
        assert (row["id"], row["confidence"]) == ((m.place.id, m.confidence) if m else (None, None)), text
    lenient = g.resolve_many(mentions, min_confidence=0.0).column("id").to_pylist()
    assert lenient[1] == g.candidates("Mansoura", limit=1)[0].place.id and out.column("id")[1].as_py() is None
    with pytest.raises(InvalidQueryError):
        g.resolve_batches(pa.table({"mention": ["x"]}), min_confidence=2.0)
    strict = g.resolve_many(["Talbiseh"], province="Hama", strict_province=True)
    assert strict.column("id").to_pylist() == [None]


# -- inputs ---------------------------------------------------------------------------------------------


def _table() -> pa.Table:
    return pa.table({"k": list(range(6)), "mention": ["Talbiseh", "Rastan", None, "Homs", "Xqzzyqq", "Talbiseh"]})


@pytest.mark.parametrize(
    "make",
    [
        pytest.param(lambda t: t, id="table"),
        pytest.param(lambda t: t.to_batches(max_chunksize=2), id="list"),
        pytest.param(lambda t: iter(t.to_batches(max_chunksize=4)), id="iterator"),
        pytest.param(lambda t: (b for b in t.to_batches(max_chunksize=1)), id="generator"),
        pytest.param(lambda t: pa.RecordBatchReader.from_batches(t.schema, t.to_batches(2)), id="reader"),
        pytest.param(lambda t: t.combine_chunks().to_batches()[0], id="record-batch"),
        pytest.param(lambda t: __import__("pyarrow.dataset").dataset.dataset(t), id="dataset"),
        pytest.param(lambda t: t.to_pandas(), id="pandas"),
        pytest.param(lambda t: pytest.importorskip("polars").from_arrow(t), id="polars"),
        pytest.param(lambda t: [t.slice(0, 3), t.slice(3)], id="list-of-tables"),
    ],
)
def test_resolve_batches__accepted_inputs(g: Gazetteer, make: Any) -> None:
    t = _table()
    out = g.resolve_batches(make(t)).read_all()
    assert out.column("k").to_pylist() == list(range(6))
    assert_same_results(out, expected(g, t.column("mention").to_pylist(), None))


def test_resolve_batches__streams_one_batch_at_a_time(g: Gazetteer) -> None:
    pulled = []

    def source() -> Iterator[pa.RecordBatch]:
        for i in range(1000):
            pulled.append(i)
            yield pa.record_batch({"mention": ["Talbiseh", f"Nowhere{i}"]})

    reader = g.resolve_batches(source())
    first = next(iter(reader))
    assert first.column(1).to_pylist() == ["gn:163779", None]
    assert len(pulled) <= 2  # nothing read ahead beyond the batch in hand


def test_resolve_batches__batches_of_a_compatible_schema_are_cast(g: Gazetteer) -> None:
    a = pa.record_batch({"mention": pa.array(["Talbiseh"], pa.string())})
    b = pa.record_batch({"mention": pa.array(["Rastan"], pa.large_string())})
    out = g.resolve_batches([a, b]).read_all()
    assert out.column("id").to_pylist() == ["gn:163779", g.resolve("Rastan").place.id]


def test_resolve_batches__empty_inputs(g: Gazetteer) -> None:
    empty = pa.table({"k": pa.array([], pa.int64()), "mention": pa.array([], pa.string())})
    out = g.resolve_batches(empty).read_all()
    assert out.num_rows == 0 and out.column_names == ["k", "mention", *RESULTS]
    assert g.resolve_batches([]).read_all().num_rows == 0
    zero_rows = [pa.record_batch({"mention": pa.array([], pa.string())})] * 3
    assert g.resolve_batches(zero_rows).read_all().num_rows == 0


# -- errors ---------------------------------------------------------------------------------------------


def test_resolve_batches__missing_column_named_at_once(g: Gazetteer) -> None:
    t = pa.table({"text": ["Talbiseh"], "gov": ["Homs"]})
    with pytest.raises(InvalidQueryError, match=r"no column 'mention' in the input \(columns: text, gov\)"):
        g.resolve_batches(t)
    with pytest.raises(InvalidQueryError, match="no column 'province'"):
        g.resolve_batches(t, mention="text", province="province")
    with pytest.raises(InvalidQueryError, match="no column 'mention'"):
        g.resolve_batches(iter(t.to_batches()))  # a bare iterator: checked on its first batch, still at the call


def test_resolve_batches__non_text_columns_refused(g: Gazetteer) -> None:
    t = pa.table({"mention": [1, 2], "province": [1.5, 2.5], "text": ["Homs", "Hama"]})
    with pytest.raises(InvalidQueryError, match=r"column 'mention' must hold text .*got int64"):
        g.resolve_batches(t)
    with pytest.raises(InvalidQueryError, match=r"column 'province' must hold text .*got double"):
        g.resolve_batches(t, mention="text", province="province")
    with pytest.raises(InvalidQueryError, match="dictionary"):
        g.resolve_batches(pa.table({"mention": pa.array([1, 2]).dictionary_encode()}))


def test_resolve_batches__clashing_result_columns_need_a_prefix(g: Gazetteer) -> None:
    t = pa.table({"id": [1], "name": ["x"], "mention": ["Talbiseh"]})
    with pytest.raises(InvalidQueryError, match=r"result column\(s\) 'id', 'name'.*prefix"):
        g.resolve_batches(t)
    out = g.resolve_batches(t, prefix="gz_").read_all()
    assert out.column_names[:4] == ["id", "name", "mention", "gz_id"]
    assert_same_results(out, expected(g, ["Talbiseh"], None), prefix="gz_")


def test_resolve_batches__bad_options(g: Gazetteer) -> None:
    t = _table()
    with pytest.raises(UnknownProvinceError):
        g.resolve_batches(t, default_province="Narnia")
    with pytest.raises(InvalidQueryError, match="latitude"):
        g.resolve_batches(t, near=(91.0, 0.0))
    with pytest.raises(InvalidQueryError, match="near must be a"):
        g.resolve_batches(t, near=(1.0,))  # type: ignore[arg-type]
    with pytest.raises(InvalidQueryError, match="column name"):
        g.resolve_batches(t, mention=3)  # type: ignore[arg-type]
    with pytest.raises(InvalidQueryError, match="prefix"):
        g.resolve_batches(t, prefix=None)  # type: ignore[arg-type]
    for bad in ("mention", b"x", 42, None):
        with pytest.raises(InvalidQueryError, match="batches must be"):
            g.resolve_batches(bad)
    with pytest.raises(InvalidQueryError, match="batches must be Arrow record batches, got dict"):
        g.resolve_batches([{"mention": "Talbiseh"}])


def test_resolve_batches__a_later_batch_of_other_columns_is_a_clear_error(g: Gazetteer) -> None:
    batches = [pa.record_batch({"mention": ["Talbiseh"]}), pa.record_batch({"text": ["Rastan"]})]
    reader = g.resolve_batches(batches)
    with pytest.raises(InvalidQueryError, match="a batch has columns"):
        reader.read_all()


def test_gazetteer__pickled_resolve_batches_answers_the_same(g: Gazetteer) -> None:
    mentions, provinces = rows(100, 5)
    t = pa.table({"mention": mentions, "province": provinces})
    again = pickle.loads(pickle.dumps(g.resolve_batches))  # what Spark ships: the bound method, by path
    assert_same_results(again(t, province="province").read_all(), expected(g, mentions, provinces))


# -- the command line -----------------------------------------------------------------------------------


def cli(*args: str, **kw: Any) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(REPO), os.environ.get("PYTHONPATH", "")])}
    return subprocess.run(
        [sys.executable, "-m", "gazetteer", "resolve", *args],
        capture_output=True, text=True, timeout=300, env=env, cwd=kw.get("cwd"),
    )  # fmt: skip


@pytest.fixture
def events(tmp_path: Path) -> tuple[Path, list[str | None], list[str | None]]:
    mentions, provinces = rows(3000, 1)
    path = tmp_path / "events.parquet"
    pq.write_table(pa.table({"event_id": list(range(3000)), "mention": mentions, "province": provinces}), path)
    return path, mentions, provinces


def test_cli__parquet_to_parquet_equals_resolve_many(g: Gazetteer, events: Any, tmp_path: Path) -> None:
    path, mentions, provinces = events
    out = tmp_path / "out.parquet"
    done = cli("--input", str(path), "--output", str(out), "--province-column", "province", "--batch-size", "500")
    assert done.returncode == 0, done.stderr
    table = pq.read_table(out)
    assert table.column("event_id").to_pylist() == list(range(3000))
    want = expected(g, mentions, provinces)
    assert_same_results(table, want)
    # the summary counts what the rows say
    resolved = sum(v is not None for v in want.column("id").to_pylist())
    errors = sum(v is not None for v in want.column("error").to_pylist())
    ambiguous = sum(bool(v) for v in want.column("ambiguous").to_pylist())
    line = done.stderr.strip().splitlines()[-1]
    assert line.startswith(f"3,000 rows -> {out} in ")
    assert f": {resolved:,} resolved ({ambiguous:,} ambiguous), {3000 - resolved - errors:,} not found" in line
    assert f"{errors:,} errors" in line and "rows/s" in line
    assert "\r" not in done.stderr  # no progress bar when stderr is not a terminal
    assert {p.name for p in tmp_path.iterdir()} == {"events.parquet", "out.parquet"}  # no temporary file left


def test_cli__csv_in_tsv_out_with_json_summary(g: Gazetteer, tmp_path: Path) -> None:
    src = tmp_path / "in.csv"
    src.write_text('text,gov,note\nTalbiseh,Homs,a\n"تلبيسة",,b\nXqzzyqq,,"c, d"\n,Homs,e\nRastan,Narnia,f\n', "utf-8")
    out = tmp_path / "out.tsv"
    done = cli("--input", str(src), "--output", str(out), "--column", "text", "--province-column", "gov", "--json")
    assert done.returncode == 0, done.stderr
    summary = json.loads(done.stdout)
    assert summary | {"seconds": 0, "rows_per_s": 0} == {
        "input": str(src), "output": str(out), "rows": 5, "resolved": 2, "ambiguous": 0, "not_found": 2,
        "errors": 1, "seconds": 0, "rows_per_s": 0,
    }  # fmt: skip
    table = pacsv.read_csv(out, parse_options=pacsv.ParseOptions(delimiter="\t"))
    assert table.column_names == ["text", "gov", "note", *RESULTS]
    assert table.column("id").to_pylist()[:2] == ["gn:163779", "gn:163779"]
    assert table.column("note").to_pylist() == ["a", "b", "c, d", "e", "f"]  # other columns pass through as text
    assert table.column("in_province").to_pylist()[:2] == [True, None]  # an empty cell is no province


def test_cli__province_flag_applies_to_rows_without_one(tmp_path: Path) -> None:
    src = tmp_path / "in.csv"
    src.write_text("mention,province\nTalbiseh,\nTalbiseh,Hama\n", "utf-8")
    out = tmp_path / "out.parquet"
    done = cli("--input", str(src), "--output", str(out), "--province-column", "province", "--province", "Homs")
    assert done.returncode == 0, done.stderr
    assert pq.read_table(out).column("in_province").to_pylist() == [True, False]


def test_cli__progress_bar_on_a_terminal(events: Any, tmp_path: Path) -> None:
    pty = pytest.importorskip("pty")
    path, *_ = events
    leader, follower = pty.openpty()
    fcntl, termios, struct = (__import__(m) for m in ("fcntl", "termios", "struct"))
    fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 100, 0, 0))  # a terminal 100 columns wide
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    cmd = [sys.executable, "-m", "gazetteer", "resolve", "--input", str(path), "--output", str(tmp_path / "o.parquet")]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=follower, env=env)
    os.close(follower)
    seen = b""
    while True:
        try:
            chunk = os.read(leader, 4096)
        except OSError:  # the child closed the terminal
            break
        if not chunk:
            break
        seen += chunk
    assert proc.wait(timeout=300) == 0
    os.close(leader)
    text = seen.decode("utf-8", "replace")
    assert "100%|" in text and "3.00k/3.00k" in text and "rows/s]" in text  # tqdm's bar; the total from the footer
    assert "3,000 rows -> " in text  # then the summary


@pytest.mark.parametrize(
    ("args", "status", "message"),
    [
        (["--column", "text"], 2, "no column 'text' in the input (columns: event_id, mention, province)"),
        (["--province-column", "gov"], 2, "no column 'gov' in the input"),
        (["--column", "event_id"], 2, "column 'event_id' must hold text (strings), got int64"),
        (["--province", "Narnia"], 2, "unknown province 'Narnia'"),
        (["--limit", "3"], 2, "--limit does not apply to --input"),
        (["--batch-size", "0"], 2, "--batch-size must be at least 1"),
        (["Talbiseh"], 2, "give mentions as arguments or --input FILE, not both"),
    ],
)
def test_cli__usage_errors_are_one_clear_line(
    events: Any, tmp_path: Path, args: list[str], status: int, message: str
) -> None:
    path, *_ = events
    out = tmp_path / "out.parquet"
    done = cli("--input", str(path), "--output", str(out), *args)
    assert done.returncode == status
    assert done.stderr.startswith("gazetteer: error: ") and message in done.stderr, done.stderr
    assert "Traceback" not in done.stderr and len(done.stderr.strip().splitlines()) == 1
    assert not out.exists()


def test_cli__unreadable_inputs_and_outputs(events: Any, tmp_path: Path) -> None:
    path, *_ = events
    out = str(tmp_path / "out.parquet")
    (tmp_path / "empty.csv").write_bytes(b"")
    (tmp_path / "fake.parquet").write_text("mention\nTalbiseh\n")
    (tmp_path / "latin1.csv").write_bytes("mention\nDéir\n".encode("latin-1"))
    (tmp_path / "folder.parquet").mkdir()
    cases = [
        (["--input", str(tmp_path / "missing.parquet"), "--output", out], 1, "missing.parquet: No such file"),
        (["--input", str(tmp_path / "empty.csv"), "--output", out], 1, "empty.csv: the file is empty"),
        (["--input", str(tmp_path / "fake.parquet"), "--output", out], 1, "fake.parquet: Parquet magic bytes"),
        (["--input", str(tmp_path / "latin1.csv"), "--output", out], 1, "latin1.csv: "),
        (["--input", str(tmp_path / "folder.parquet"), "--output", out], 1, "cannot read"),
        (["--input", str(path), "--output", str(tmp_path / "no" / "out.parquet")], 1, "cannot write"),
        (["--input", str(path), "--output", str(tmp_path / "out.json")], 2, "must be a .parquet, .csv or .tsv"),
        (["--input", str(path)], 2, "--input and --output go together"),
    ]
    for args, status, message in cases:
        done = cli(*args)
        assert done.returncode == status, (args, done.stderr)
        assert done.stderr.startswith("gazetteer: error: ") and message in done.stderr, done.stderr
        assert "Traceback" not in done.stderr
    assert not (tmp_path / "out.parquet").exists()


def test_cli__failure_midway_leaves_no_output_and_keeps_the_old_one(tmp_path: Path) -> None:
    src = tmp_path / "in.csv"
    good = "Talbiseh,Homs\n" * 500_000  # two blocks of CSV (4 MiB each)...
    src.write_text("mention,province\n" + good + "one,two,three\n", "utf-8")  # ...then a row of 3 columns
    out = tmp_path / "out.parquet"
    out.write_bytes(b"the previous output")
    done = cli("--input", str(src), "--output", str(out), "--province-column", "province", "--batch-size", "1000")
    assert done.returncode == 1 and "cannot read" in done.stderr and "Traceback" not in done.stderr, done.stderr
    assert out.read_bytes() == b"the previous output"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.csv", "out.parquet"]  # no temporary file left


# -- the recipes of docs/pipelines.md ---------------------------------------------------------------------

_RECIPE = re.compile(r"<!-- recipe: (\w+) -->\n```python\n(.*?)\n```", re.S)


def recipes() -> dict[str, str]:
    found = dict(_RECIPE.findall(DOC.read_text("utf-8")))
    assert {"sample", "pandas", "polars", "duckdb", "spark"} <= set(found), sorted(found)
    return found


def run_recipe(name: str, folder: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, Any]:
    """Run the sample recipe then ``name`` in ``folder``, as one script; return its variables."""
    monkeypatch.chdir(folder)
    code = recipes()
    namespace: dict[str, Any] = {"__name__": f"recipe_{name}"}
    exec(compile(code["sample"] + "\n" + code[name], f"docs/pipelines.md:{name}", "exec"), namespace)
    return namespace


def sample_rows(folder: Path) -> tuple[list[int], list[str | None], list[str | None]]:
    t = pq.read_table(folder / "mentions.parquet")
    return t.column("event_id").to_pylist(), t.column("mention").to_pylist(), t.column("province").to_pylist()


def assert_recipe_answers(g: Gazetteer, folder: Path, resolved: pa.Table) -> None:
    """The recipe's output, in event order, equals resolve_many on the sample's rows; and Talbiseh is gn:163779."""
    ids, mentions, provinces = sample_rows(folder)
    resolved = resolved.sort_by("event_id")
    assert resolved.column("event_id").to_pylist() == ids
    assert resolved.column("mention").to_pylist() == mentions
    # pandas and Polars hand strings back as large_string: the values are compared
    assert_same_results(resolved, expected(g, mentions, provinces), types=False)
    talbiseh = [i for i, m in zip(resolved.column("id").to_pylist(), mentions) if m == "Talbiseh"]
    assert talbiseh and set(talbiseh) == {"gn:163779"}


def test_recipe__pandas(g: Gazetteer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    pytest.importorskip("pandas")
    ns = run_recipe("pandas", tmp_path, monkeypatch)
    assert_recipe_answers(g, tmp_path, pa.Table.from_pandas(ns["resolved"], preserve_index=False))


def test_recipe__polars(g: Gazetteer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    pytest.importorskip("polars", reason="polars is not installed (pip install '.[pipelines]')")
    ns = run_recipe("polars", tmp_path, monkeypatch)
    assert_recipe_answers(g, tmp_path, ns["resolved"].to_arrow())


def test_recipe__duckdb(g: Gazetteer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    pytest.importorskip("duckdb", reason="duckdb is not installed (pip install '.[pipelines]')")
    ns = run_recipe("duckdb", tmp_path, monkeypatch)
    assert_recipe_answers(g, tmp_path, pq.read_table(tmp_path / "resolved.parquet"))
    # the SQL aggregate counts what resolve_many says
    _, mentions, provinces = sample_rows(tmp_path)
    want = expected(g, mentions, provinces)
    counts: dict[str, int] = {}
    for gov in want.column("governorate").to_pylist():
        if gov is not None:
            counts[gov] = counts.get(gov, 0) + 1
    assert sorted(ns["by_governorate"], key=lambda r: (-r[1], r[0])) == sorted(
        counts.items(), key=lambda r: (-r[1], r[0])
    )


def _java_problem() -> str | None:
    java = shutil.which("java")
    if java is None:
        return "Java is not installed (Spark needs Java 17 or later)"
    try:
        done = subprocess.run([java, "-version"], capture_output=True, text=True, timeout=60)
    except (OSError, subprocess.TimeoutExpired) as e:
        return f"java -version failed: {e}"
    found = re.search(r'version "(\d+)', done.stderr + done.stdout)
    if done.returncode != 0 or not found:
        return f"java -version failed: {(done.stderr or done.stdout).strip()[:200]}"
    if int(found.group(1)) < 17:
        return f"Spark needs Java 17 or later, found {found.group(1)}"
    return None


SPARK_SECONDS = 600


def test_recipe__spark_local(g: Gazetteer, tmp_path: Path) -> None:
    """The Spark recipe in a child process (local[2]), within SPARK_SECONDS: default index and a pickled one."""
    problem = _java_problem()
    if problem:
        pytest.skip(problem)
    pytest.importorskip("pyspark", reason="pyspark is not installed (pip install '.[pipelines]')")
    shutil.copy(g.path, tmp_path / "syria.gzidx")  # "an index of your own": a copy of the default one
    code = recipes()
    script = tmp_path / "recipe_spark.py"
    script.write_text(
        code["sample"] + "\n" + code["spark"] + "\n"
        + textwrap.dedent("""
            import json
            json.dump([list(r) for r in governorates], open("governorates.json", "w"), ensure_ascii=False)
        """),
        "utf-8",
    )  # fmt: skip
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join([str(REPO), os.environ.get("PYTHONPATH", "")]),  # the executors' too
        "PYSPARK_PYTHON": sys.executable,
        "PYSPARK_DRIVER_PYTHON": sys.executable,
        "SPARK_LOCAL_IP": os.environ.get("SPARK_LOCAL_IP", "127.0.0.1"),  # no host name lookup in CI containers
    }
    try:
        done = subprocess.run(
            [sys.executable, str(script)], cwd=tmp_path, env=env, capture_output=True, text=True, timeout=SPARK_SECONDS
        )
    except subprocess.TimeoutExpired:
        pytest.fail(f"the Spark recipe took more than {SPARK_SECONDS} s")
    assert done.returncode == 0, done.stderr[-4000:]
    assert_recipe_answers(g, tmp_path, pq.read_table(tmp_path / "resolved-spark"))
    # the pickled Gazetteer (reopened by path in the executors) gave the same governorates
    _, mentions, provinces = sample_rows(tmp_path)
    counts: dict[str | None, int] = {}
    for gov in expected(g, mentions, provinces).column("governorate").to_pylist():
        counts[gov] = counts.get(gov, 0) + 1
    got = dict(json.loads((tmp_path / "governorates.json").read_text("utf-8")))
    assert got == counts


def test_benchmark_stream__names_and_their_mutated_spellings() -> None:
    """benchmarks/pipelines.py draws its stream from the index's names and the property tests' mutations."""
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))
    import pipelines  # type: ignore[import-not-found]

    pool = pipelines.spelling_pool()
    texts = {text for text, _ in pool}
    assert len(pool) == len(set(pool)) and {"Talbiseh", "تلبيسة"} <= texts
    names = {n.text for p in gazetteer.load().places() for n in p.names}
    assert len(texts - names) > len(names) // 2  # most names also come as a mutated spelling


def test_resolve_many__to_crs_adds_projected_columns(g: Gazetteer) -> None:
    from pyproj import Transformer

    t = g.resolve_many(["Talbiseh", "Xqzzyqq", "Rastan"], to_crs="EPSG:32637")
    names = t.column_names
    assert names[names.index("lon") + 1 : names.index("lon") + 3] == ["x", "y"]
    utm = Transformer.from_crs("EPSG:4326", "EPSG:32637", always_xy=True)
    for row in t.to_pylist():
        if row["id"] is None:
            assert row["x"] is None and row["y"] is None
        else:
            x, y = utm.transform(row["lon"], row["lat"])
            assert abs(row["x"] - x) < 0.01 and abs(row["y"] - y) < 0.01
    assert "x" not in g.resolve_many(["Talbiseh"]).column_names
    with pytest.raises(InvalidQueryError):
        g.resolve_many(["Talbiseh"], to_crs="EPSG:999999")
    with pytest.raises(InvalidQueryError):
        gazetteer.resolve_many(["Talbiseh"], to_crs="")
