"""The command line, run as a new user would: `gazetteer ...` and `python -m gazetteer ...`."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

GAZETTEER = shutil.which("gazetteer")
COMMANDS = [[sys.executable, "-m", "gazetteer"]] + ([[GAZETTEER]] if GAZETTEER else [])


def run(args: list[str], *, stdin: str = "", env: dict[str, str] | None = None, cmd: list[str] | None = None):
    full_env = {**os.environ, **(env or {})}
    return subprocess.run(
        (cmd or COMMANDS[0]) + args, input=stdin, capture_output=True, text=True, env=full_env, timeout=120
    )


@pytest.mark.parametrize("cmd", COMMANDS, ids=lambda c: Path(c[-1]).name)
def test_cli__resolve_human_readable(cmd: list[str], full_index_path: Path) -> None:
    out = run(["--index", str(full_index_path), "resolve", "Talbiseh", "--province", "Homs"], cmd=cmd)
    assert out.returncode == 0, out.stderr
    assert "Talbiseh" in out.stdout and "تلبيسة" in out.stdout and "Homs" in out.stdout
    assert "34.84072, 36.73092" in out.stdout


def test_cli__resolve_json_one_object_per_line(full_index_path: Path) -> None:
    out = run(["--index", str(full_index_path), "resolve", "--json", "Rastan", "تلبيسة", "--limit", "2"])
    assert out.returncode == 0, out.stderr
    lines = [json.loads(line) for line in out.stdout.splitlines()]
    assert [o["mention"] for o in lines] == ["Rastan", "تلبيسة"]
    assert lines[1]["matches"][0]["place"]["geonames_id"] == 163779
    assert 1 <= len(lines[0]["matches"]) <= 2


def test_cli__resolve_reads_stdin_with_provinces(full_index_path: Path) -> None:
    stdin = "Qosour\tHoms\nAl-Hamidiyah\tTartus\n\nXqzzyqq-nowhere\n"
    out = run(["--index", str(full_index_path), "resolve", "--json"], stdin=stdin)
    assert out.returncode == 1  # one mention did not resolve
    rows = [json.loads(line) for line in out.stdout.splitlines()]
    assert rows[0]["matches"][0]["place"]["id"] == "sa:517"
    assert rows[1]["matches"][0]["place"]["governorate_pcode"] == "SY10"
    assert rows[2]["matches"] == []


def test_cli__exit_codes(full_index_path: Path) -> None:
    idx = ["--index", str(full_index_path)]
    assert run([*idx, "resolve", "Homs"]).returncode == 0
    assert run([*idx, "resolve", "Xqzzyqq"]).returncode == 1
    bad = run([*idx, "resolve", "Homs", "--province", "Narnia"])
    assert bad.returncode == 2 and "valid governorates" in bad.stderr and "Traceback" not in bad.stderr
    assert run(["resolve", "--limit", "x", "Homs"]).returncode == 2
    assert run(["frobnicate"]).returncode == 2


def test_cli__damaged_index_is_a_clear_error(tmp_path: Path) -> None:
    bad = tmp_path / "bad.gzidx"
    bad.write_bytes(b"garbage" * 10)
    out = run(["resolve", "Homs"], env={"GAZETTEER_INDEX": str(bad)})
    assert out.returncode == 1
    assert str(bad) in out.stderr and "gazetteer build" in out.stderr and "Traceback" not in out.stderr


def test_cli__info_json_shows_sources_licences_and_counts(full_index_path: Path) -> None:
    out = run(["info", "--json"], env={"GAZETTEER_INDEX": str(full_index_path)})
    assert out.returncode == 0, out.stderr
    info = json.loads(out.stdout)
    assert info["origin"] == "GAZETTEER_INDEX"
    assert info["places"] > 1000
    assert {s["name"]: s["licence"] for s in info["sources"]}["syrianarchive"] == "GPL-2.0"
    assert sum(info["counts"]["by_governorate"].values()) == info["places"]
    human = run(["info"], env={"GAZETTEER_INDEX": str(full_index_path)})
    assert "CC-BY-4.0" in human.stdout and "Data version" in human.stdout
    # the word list geoparsing reads is shipped data too, with its licence and origin
    query_data = {q["file"]: q for q in info["query_time_data"]}
    assert query_data["arabic_common_words.tsv"]["licence"] == "CC-BY-SA-4.0"
    assert query_data["english_common_words.tsv"]["licence"] == "CC-BY-SA-4.0"
    assert "wordfreq" in human.stdout


def test_cli__build_then_use_without_code_changes(data_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "idx"
    built = run(["build", str(data_dir), "--output", str(out), "--exclude-source", "syrianarchive"])
    assert built.returncode == 0, built.stderr
    assert "Places:" in built.stdout and "Merged:" in built.stdout
    info = json.loads(run(["info", "--json"], env={"GAZETTEER_INDEX": str(out)}).stdout)
    assert "syrianarchive" not in {s["name"] for s in info["sources"]}


def test_cli__build_without_output_becomes_the_default(data_dir: Path, tmp_path: Path) -> None:
    env = {"GAZETTEER_CACHE_DIR": str(tmp_path / "cache"), "GAZETTEER_INDEX": ""}
    assert run(["build", str(data_dir)], env=env).returncode == 0
    info = json.loads(run(["info", "--json"], env=env).stdout)
    assert info["origin"] == "user index" and info["places"] > 1000


def test_cli__build_unknown_source_is_an_error(tmp_path: Path) -> None:
    out = run(["build", str(tmp_path / "missing"), "--output", str(tmp_path / "x")])
    assert out.returncode == 1 and "Traceback" not in out.stderr
