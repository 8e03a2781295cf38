"""The public surface: exported names, typing, keyword-only options, doctests, installed data."""

from __future__ import annotations

import inspect
import subprocess
import sys
from pathlib import Path

import pytest

import gazetteer
from gazetteer import errors


def test_api__all_names_exist_and_are_documented() -> None:
    for name in gazetteer.__all__:
        obj = getattr(gazetteer, name)
        if callable(obj) and not isinstance(obj, type(gazetteer)):
            assert obj.__doc__, name


def test_api__options_are_keyword_only_and_no_kwargs() -> None:
    for fn in (gazetteer.resolve, gazetteer.candidates, gazetteer.resolve_many, gazetteer.Gazetteer.resolve):
        params = list(inspect.signature(fn).parameters.values())
        assert not any(p.kind is p.VAR_KEYWORD for p in params), fn
        options = [p for p in params if p.name not in ("self", "text", "mentions")]
        assert all(p.kind is p.KEYWORD_ONLY for p in options), fn


def test_api__errors_share_a_base_and_a_builtin() -> None:
    assert issubclass(errors.InvalidQueryError, ValueError)
    assert issubclass(errors.UnknownProvinceError, ValueError)
    assert issubclass(errors.IndexFileError, OSError)
    for cls in (errors.InvalidQueryError, errors.UnknownProvinceError, errors.IndexFileError, errors.SourceFormatError):
        assert issubclass(cls, gazetteer.GazetteerError)


def test_api__py_typed_is_shipped() -> None:
    assert (Path(gazetteer.__file__).parent / "py.typed").is_file()


def test_api__import_reads_no_data() -> None:
    code = "import gazetteer, gazetteer.default as d; print(d._default is None)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "True"


def test_api__curated_data_is_reachable() -> None:
    from gazetteer.governorates import all_governorates

    govs = all_governorates()
    assert len(govs) == 14
    assert len({g.pcode for g in govs}) == len({g.iso for g in govs}) == len({g.geonames_admin1 for g in govs}) == 14


def test_api__installed_package_opens_a_built_index(full_index_path: Path, tmp_path: Path) -> None:
    """Run outside the source tree, so the installed package (and its bundled curated data) is used."""
    code = (
        "import gazetteer, importlib.resources as r, sys\n"
        "assert 'site-packages' in gazetteer.__file__, gazetteer.__file__\n"
        "assert (r.files('gazetteer._curated') / 'governorates.json').is_file()\n"
        "g = gazetteer.load(sys.argv[1])\n"
        "print(g.resolve('Talbiseh', province='SY04').place.geonames_id)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code, str(full_index_path)], capture_output=True, text=True, cwd=tmp_path
    )
    if "ModuleNotFoundError: No module named 'gazetteer'" in out.stderr:
        pytest.skip("gazetteer is not installed in this environment (pip install .)")
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "163779"


def test_api__places_and_matches_the_index_builds_are_true_frozen_records() -> None:
    # The query path builds Place and Match with model.fast_constructor; what it returns must be
    # indistinguishable from objects made with the public constructors.
    import dataclasses
    import pickle

    from gazetteer.model import Match, Place

    g = gazetteer.load()
    opened = g.opened
    for row in range(len(opened)):
        built = opened._build_place(row)
        fields = {f.name: getattr(built, f.name) for f in dataclasses.fields(Place)}
        public = Place(**fields)
        assert type(built) is Place
        assert built == public and hash(built) == hash(public) and repr(built) == repr(public)
    m = g.resolve("Talbiseh")
    assert m is not None and type(m) is Match
    again = Match(**{f.name: getattr(m, f.name) for f in dataclasses.fields(Match)})
    assert m == again and hash(m) == hash(again)
    assert pickle.loads(pickle.dumps(m)) == m
    assert dataclasses.replace(m, score=1.0).score == 1.0
    with pytest.raises(dataclasses.FrozenInstanceError):
        m.place.lat = 0.0  # type: ignore[misc]
    with pytest.raises(dataclasses.FrozenInstanceError):
        m.score = 0.0  # type: ignore[misc]
