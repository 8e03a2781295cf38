"""Shared fixtures: where the real source data is, and indexes built once per session."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

from gazetteer.build import build, upstream_dir
from gazetteer.resolve import Gazetteer

REPO = Path(__file__).resolve().parent.parent
DATA_ENV = "GAZETTEER_SOURCE_DATA"

# Hypothesis profiles. "ci" tests the same examples on every run (derandomised: a red CI is the
# code's, not the draw's) and prints a failure's reproduce blob; "dev" draws new examples on every
# local run and replays the failures it saved in .hypothesis/. Pick one with HYPOTHESIS_PROFILE;
# else "ci" when CI is set (as .ci/run does), else "dev". A test's own settings(max_examples=...)
# still wins over the profile's budget. No deadline: the time of one example on a loaded machine
# says nothing about the code, and a deadline miss is a flaky failure.
HYPOTHESIS_PROFILE_ENV = "HYPOTHESIS_PROFILE"
settings.register_profile(
    "dev", max_examples=100, deadline=None, print_blob=True, suppress_health_check=[HealthCheck.too_slow]
)
settings.register_profile("ci", settings.get_profile("dev"), derandomize=True, database=None)
settings.load_profile(os.environ.get(HYPOTHESIS_PROFILE_ENV) or ("ci" if os.environ.get("CI") else "dev"))


def source_data_dir() -> Path:
    """``$GAZETTEER_SOURCE_DATA`` (a richer set: full SY.txt, OCHA...), else the repository's ``sources/upstream``."""
    explicit = os.environ.get(DATA_ENV)
    return Path(explicit) if explicit else upstream_dir()


@pytest.fixture(scope="session")
def data_dir() -> Path:
    """The upstream source files the index is built from (always present: they ship with the repository)."""
    path = source_data_dir()
    assert (path / "geonames_cities500_SY.txt").is_file() or os.environ.get(DATA_ENV), path
    return path


@pytest.fixture(scope="session")
def full_index_path(data_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An index built from every source file (the shipped index, unless GAZETTEER_SOURCE_DATA says otherwise)."""
    out = tmp_path_factory.mktemp("full") / "full.gzidx"
    build([data_dir], out)
    return out


@pytest.fixture(scope="session")
def full(full_index_path: Path) -> Gazetteer:
    """The full index, opened."""
    from gazetteer import load

    return load(full_index_path)


@pytest.fixture
def default_is_full(full_index_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Module-level functions answer from the full index (GAZETTEER_INDEX), for one test."""
    from gazetteer.default import reset_default

    monkeypatch.setenv("GAZETTEER_INDEX", str(full_index_path))
    reset_default()
    yield
    reset_default()


@pytest.fixture(scope="session", autouse=True)
def _isolated_cache(tmp_path_factory: pytest.TempPathFactory) -> None:
    """Keep the default index's cache out of the user's home during tests."""
    if not os.environ.get("GAZETTEER_CACHE_DIR"):
        os.environ["GAZETTEER_CACHE_DIR"] = str(tmp_path_factory.mktemp("cache"))
    os.environ.pop("GAZETTEER_INDEX", None)
