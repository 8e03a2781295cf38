"""Threads and processes: the default index opens once, threads answer like one thread, workers like the parent.

See ``docs/guarantees.md`` ("Threads and processes").
"""

from __future__ import annotations

import json
import multiprocessing
import os
import pickle
import random
import subprocess
import sys
import threading
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

import pytest

import gazetteer
from gazetteer import Gazetteer, GazetteerError, IndexFileError, InvalidQueryError, UnknownProvinceError, load

REPO = Path(__file__).resolve().parent.parent
THREADS = 8

#: Run in a fresh interpreter, so that the module-level default is not opened yet.
FIRST_USE_SCRIPT = r"""
import json, sys, threading, time
import gazetteer
import gazetteer.default as d

assert d._default is None, "import gazetteer must not open an index"
opens = []
real_read_index = d.read_index

def counting_read_index(path, *args, **kwargs):
    opens.append(str(path))
    time.sleep(0.2)  # widen the window in which a second opener would slip in
    return real_read_index(path, *args, **kwargs)

d.read_index = counting_read_index
n = int(sys.argv[1])
barrier = threading.Barrier(n)
out = [None] * n
errors = []

def work(i):
    try:
        barrier.wait()
        m = gazetteer.resolve("Talbiseh")
        many = gazetteer.candidates("Homs", limit=3)
        out[i] = [id(gazetteer.load()), id(d._default), m.place.id, m.score, [c.place.id for c in many]]
    except BaseException as e:
        errors.append(repr(e))

threads = [threading.Thread(target=work, args=(i,)) for i in range(n)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(json.dumps({"opens": opens, "out": out, "errors": errors, "origin": d._default.origin}))
"""


def test_default__opened_once_when_threads_start_together(full_index_path: Path) -> None:
    env = {**os.environ, "GAZETTEER_INDEX": str(full_index_path), "PYTHONPATH": str(REPO)}
    r = subprocess.run(
        [sys.executable, "-c", FIRST_USE_SCRIPT, str(THREADS)],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )
    assert r.returncode == 0, r.stderr
    report = json.loads(r.stdout)
    assert report["errors"] == []
    assert report["opens"] == [str(full_index_path)], "the default index was opened more than once"
    assert report["origin"] == "GAZETTEER_INDEX"
    first = report["out"][0]
    assert first[0] == first[1]  # load() is the module-level default
    assert all(row == first for row in report["out"]), report["out"]


def _mentions(g: Gazetteer, n: int, seed: int) -> list[tuple[str, str | None]]:
    """A shuffled stream of (mention, province): names, misspellings, misses, junk, province variants."""
    rng = random.Random(seed)
    names = sorted({name.text for p in g.places() for name in p.names})

    def typo(s: str) -> str:
        if len(s) < 4:
            return s
        i = rng.randrange(len(s))
        return rng.choice([s[:i] + s[i + 1 :], s[:i] + rng.choice("aeiouyhklr") + s[i + 1 :], s[:i] + s[i] + s[i:]])

    junk = ["", "   ", "Xqzzyplonk", "😀", "Homs 😀", "\u202eTalbiseh", "Tal\u200bbiseh", "x" * 300, "Talbiseh تلبيسة"]
    provinces = [None] * 6 + ["Homs", "SY04", "حلب", "Idlib Governorate", "Narnia"]
    out = []
    for _ in range(n):
        roll = rng.random()
        text = rng.choice(names) if roll < 0.5 else typo(rng.choice(names)) if roll < 0.85 else rng.choice(junk)
        out.append((text, rng.choice(provinces)))
    rng.shuffle(out)
    return out


def _outcome(g: Gazetteer, text: str, province: str | None) -> Any:
    """Everything an answer says (or the error's type and message), comparable across runs."""
    try:
        found = g.candidates(text, province=province, limit=3)
    except GazetteerError as e:
        return (type(e).__name__, str(e))
    return [(m.place.id, m.score, m.tier, m.ambiguous, m.alternatives, m.in_province, m.signals) for m in found]


@pytest.fixture
def fast_switching() -> Iterator[None]:
    """Switch threads as often as possible, so that races show."""
    before = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)
    yield
    sys.setswitchinterval(before)


def _in_threads(g: Gazetteer, stream: list[tuple[str, str | None]]) -> list[Any]:
    """The outcomes of the stream, resolved by THREADS threads started together (interleaved shares)."""
    got: list[Any] = [None] * len(stream)
    barrier = threading.Barrier(THREADS)
    errors: list[BaseException] = []

    def work(k: int) -> None:
        try:
            barrier.wait()
            for i in range(k, len(stream), THREADS):
                got[i] = _outcome(g, *stream[i])
        except BaseException as e:  # reported below, not lost in the thread
            errors.append(e)

    threads = [threading.Thread(target=work, args=(k,)) for k in range(THREADS)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    return got


@pytest.mark.usefixtures("fast_switching")
def test_threads__shuffled_stream_answers_like_one_thread(full_index_path: Path) -> None:
    sequential = load(full_index_path)
    stream = _mentions(sequential, 5_000, seed=7)
    expected = [_outcome(sequential, t, p) for t, p in stream]
    assert any(isinstance(e, tuple) for e in expected) and any(e for e in expected if isinstance(e, list))

    g = load(full_index_path)  # cold: no cached answers, places or fuzzy table yet
    for round_ in range(2):
        g.clear_cache()
        got = _in_threads(g, stream)
        diffs = [(stream[i], expected[i], got[i]) for i in range(len(stream)) if got[i] != expected[i]]
        assert not diffs, f"round {round_}: {len(diffs)} answers differ from one thread, e.g. {diffs[:3]}"


@pytest.mark.usefixtures("fast_switching")
def test_threads__resolve_many_in_parallel_answers_like_one_thread(full_index_path: Path) -> None:
    g = load(full_index_path)
    stream = _mentions(g, 2_000, seed=11)
    chunks = [stream[k::THREADS] for k in range(THREADS)]
    expected = [g.resolve_many([t for t, _ in c], province=[p for _, p in c]).to_pylist() for c in chunks]
    g2 = load(full_index_path)
    got: list[Any] = [None] * THREADS
    barrier = threading.Barrier(THREADS)

    def work(k: int) -> None:
        barrier.wait()
        got[k] = g2.resolve_many([t for t, _ in chunks[k]], province=[p for _, p in chunks[k]]).to_pylist()

    threads = [threading.Thread(target=work, args=(k,)) for k in range(THREADS)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert got == expected


def test_pickle__a_gazetteer_comes_back_answering_the_same(full: Gazetteer) -> None:
    again = pickle.loads(pickle.dumps(full))
    assert isinstance(again, Gazetteer) and again.path == full.path and len(again) == len(full)
    assert again.data_version == full.data_version
    for text, province in _mentions(full, 300, seed=3):
        assert _outcome(again, text, province) == _outcome(full, text, province)
    m = full.resolve("Talbiseh")
    assert pickle.loads(pickle.dumps(m)) == m


@pytest.mark.parametrize(
    "error",
    [
        InvalidQueryError("a mention must be a str, got int"),
        UnknownProvinceError("Narnia", ["Homs", "Hama"]),
        IndexFileError("/tmp/x.gzidx", "is empty"),
    ],
    ids=lambda e: type(e).__name__,
)
def test_pickle__errors_survive_pickling(error: GazetteerError) -> None:
    # Exceptions cross process boundaries pickled (multiprocessing, concurrent.futures).
    again = pickle.loads(pickle.dumps(error))
    assert type(again) is type(error) and str(again) == str(error)
    assert vars(again) == vars(error)


@pytest.mark.usefixtures("default_is_full")
@pytest.mark.parametrize("method", ["fork", "spawn"])
def test_processes__workers_answer_like_the_parent(full: Gazetteer, method: str) -> None:
    if method not in multiprocessing.get_all_start_methods():
        pytest.skip(f"no {method!r} start method here")
    mentions = [t for t, _ in _mentions(full, 400, seed=5) if len(t) <= 256]
    expected = [full.resolve(t) for t in mentions]
    assert [gazetteer.resolve(t) for t in mentions] == expected  # the parent's default is the same index
    ctx = multiprocessing.get_context(method)
    with ctx.Pool(2) as pool:
        via_pickled = pool.starmap(Gazetteer.resolve, [(full, t) for t in mentions], chunksize=50)
        via_default = pool.map(gazetteer.resolve, mentions, chunksize=50)
        workers_default = pool.apply(gazetteer.load)  # pickled back by path
    assert workers_default.path == full.path
    assert via_pickled == expected
    assert via_default == expected


@pytest.mark.usefixtures("default_is_full")
def test_processes__worker_errors_reach_the_parent() -> None:
    ctx = multiprocessing.get_context("fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn")
    with ProcessPoolExecutor(1, mp_context=ctx) as pool:
        with pytest.raises(InvalidQueryError):
            pool.submit(gazetteer.resolve, 42).result(timeout=60)
        with pytest.raises(UnknownProvinceError):
            pool.submit(gazetteer.resolve, "Talbiseh", province="Narnia").result(timeout=60)
