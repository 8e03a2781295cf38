"""The command line under hostile input: no traceback, no raw control character on a terminal,
exit codes as documented (0 done, 1 not found, 2 usage error); and the new subcommands."""

from __future__ import annotations

import io
import json
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gazetteer.cli import main, safe

REPO = Path(__file__).resolve().parent.parent


def _run(argv: list[str], stdin: bytes, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(stdin), encoding="utf-8"))
    try:
        code = main(argv)
    except SystemExit as e:  # argparse: usage errors exit 2, --help/--version exit 0
        code = int(e.code or 0)
    out = capsys.readouterr()
    return code, out.out, out.err


def _no_raw_controls(text: str) -> bool:
    return all(ch == "\n" or unicodedata.category(ch)[0] != "C" for ch in text)


ARG = st.one_of(
    st.text(max_size=40),
    st.binary(max_size=40).map(lambda b: b.decode("utf-8", "surrogateescape")),  # undecodable argv bytes
    st.sampled_from(["Talbiseh", "Rastan\x1b]0;pwned\x07", "حمص\u202e", "", " ", "\x00", "x" * 5000, "-p", "--json"]),
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(args=st.lists(ARG, max_size=4), stdin=st.binary(max_size=300), command=st.sampled_from(
    ["resolve", "geoparse", "place", "list", "nearest", "admin"]))  # fmt: skip
def test_cli__fuzzed_arguments_and_stdin(
    args: list[str], stdin: bytes, command: str, full_index_path: Path, capsys, monkeypatch
) -> None:
    code, out, err = _run(["--index", str(full_index_path), command, *args], stdin, capsys, monkeypatch)
    assert code in (0, 1, 2), code
    assert "Traceback" not in err
    assert _no_raw_controls(out) and _no_raw_controls(err), (out[-300:], err[-300:])


@pytest.mark.parametrize(
    ("argv", "stdin", "code", "says"),
    [
        (["resolve"], b"", 1, "no mentions"),
        (["resolve"], b"\x7fELF\x02\x01\x00\x00\tjunk\n", 2, "not text"),
        (["resolve"], b"Tal\xffbiseh\n", 2, "not UTF-8"),
        (["resolve", "Homs", "--province", "Narnia"], b"", 2, "unknown province"),
        (["resolve", "--min-confidence", "2", "Homs"], b"", 2, "min_confidence"),
        (["geoparse"], b"", 1, "no place mention"),
        (["geoparse", "/nonexistent/file.txt"], b"", 2, "cannot be read"),
        (["place", "nope"], b"", 1, "no place"),
        (["nearest", "91", "36"], b"", 2, "latitude"),
        (["nearest", "48.85", "2.35", "--max-km", "50"], b"", 1, "no place found"),
        (["admin", "48.85", "2.35"], b"", 1, "far from every"),
        (["list"], b"", 2, "say what to list"),
        (["list", "--kind", "castle"], b"", 2, "kind must be one of"),
    ],
)
def test_cli__documented_exit_codes_and_messages(argv, stdin, code, says, full_index_path, capsys, monkeypatch):
    got, out, err = _run(["--index", str(full_index_path), *argv], stdin, capsys, monkeypatch)
    assert got == code, (got, out, err)
    assert says in err, err
    assert err.count(says) == 1  # each thing said once


def test_cli__human_output_escapes_control_and_bidi_characters(full_index_path, capsys, monkeypatch) -> None:
    _, out, _ = _run(["--index", str(full_index_path), "resolve", "Rastan\x1b]0;pwned\x07", "حمص\u202e"], b"",
                     capsys, monkeypatch)  # fmt: skip
    assert "\x1b" not in out and "\x07" not in out and "\u202e" not in out
    assert "\\x1b]0;pwned\\x07" in out and "\\u202e" in out
    assert safe("plain حمص") == "plain حمص"


def test_cli__json_keeps_the_text_machine_readable(full_index_path, capsys, monkeypatch) -> None:
    _, out, _ = _run(["--index", str(full_index_path), "resolve", "--json", "Tal\x1bbiseh\u202e"], b"", capsys,
                     monkeypatch)  # fmt: skip
    obj = json.loads(out)
    assert obj["mention"] == "Tal\x1bbiseh\u202e"  # exactly what was asked, escaped by JSON itself
    assert "\\u001b" in out


def test_cli__place_list_nearest_admin_version(full_index_path: Path) -> None:
    def run(*argv: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-m", "gazetteer", "--index", str(full_index_path), *argv],
                              capture_output=True, text=True, cwd=REPO, timeout=120)  # fmt: skip

    place = run("place", "SY04", "gn:163779", "--json")
    assert place.returncode == 0
    rows = [json.loads(line) for line in place.stdout.splitlines()]
    assert [r["id"] for r in rows] == ["pcode:SY04", "gn:163779"] and rows[1]["names"]
    listed = run("list", "--governorate", "Homs", "--kind", "town", "--json")
    assert listed.returncode == 0
    towns = json.loads(listed.stdout)
    assert towns and {t["governorate"] for t in towns} == {"Homs"} and {t["kind"] for t in towns} == {"town"}
    near = run("nearest", "34.84", "36.73")
    assert near.returncode == 0 and "Talbiseh" in near.stdout.splitlines()[0]
    admin = run("admin", "34.84", "36.73", "--json")
    assert json.loads(admin.stdout)["subdistrict"]["pcode"] == "SY040401"
    version = run("--version")
    assert version.returncode == 0 and version.stdout.startswith("gazetteer ")


def test_cli__geoparse_geojson_is_a_feature_collection(full_index_path: Path, tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text("Clashes reached Talbiseh, north of Homs, and the village of Ter Maela.", encoding="utf-8")
    argv = [sys.executable, "-m", "gazetteer", "--index", str(full_index_path), "geoparse", str(article), "--geojson"]
    out = subprocess.run(argv, capture_output=True, text=True, cwd=REPO, timeout=120)
    assert out.returncode == 0, out.stderr
    doc = json.loads(out.stdout)
    assert doc["type"] == "FeatureCollection"
    names = {f["properties"]["text"] for f in doc["features"]}
    assert {"Talbiseh", "Homs", "Ter Maela"} <= names
    for f in doc["features"]:
        lon, lat = f["geometry"]["coordinates"]
        assert f["geometry"]["type"] == "Point" and 32 < lat < 38 and 35 < lon < 43
