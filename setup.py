"""Packaging hook: the wheel ships the default index, built from ``sources/`` at build time.

``pyproject.toml`` holds the metadata; this file only extends setuptools' ``build_py``
so that building a wheel (``pip install .``, ``python -m build``) also runs
:func:`gazetteer.build.build_default` into ``gazetteer/data/default.gzidx`` inside the
build. The index is not kept in the repository: it is derived data, rebuilt from the
verbatim upstream copies (checked against ``sources/upstream/SHA256SUMS``) and the
curated files, so the same inputs give the same data version. It also stores the Unicode
character classes the normaliser needs for the build's Unicode version, so an installed
package does not scan ``unicodedata`` on its first Arabic query.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

ROOT = Path(__file__).resolve().parent


class BuildPyWithIndex(build_py):
    """``build_py`` that also writes the default index into the built package."""

    def run(self) -> None:
        super().run()
        if self.editable_mode:  # an editable install reads sources/ directly (gazetteer.default)
            return
        data = Path(self.build_lib) / "gazetteer" / "data"
        sys.path.insert(0, str(ROOT))
        try:
            from gazetteer.build import build_default, format_report
            from gazetteer.normalize import unicode_classes

            result = build_default(data / "default.gzidx")
            classes = unicode_classes()
        finally:
            sys.path.remove(str(ROOT))
        (data / f"unicode-{classes['unicode']}.json").write_text(json.dumps(classes), encoding="utf-8")
        print(format_report(result))


setup(cmdclass={"build_py": BuildPyWithIndex})
