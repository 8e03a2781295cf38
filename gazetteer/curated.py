"""Access to the project's curated data files in ``sources/``.

Installed, they live in the package ``gazetteer._curated``; in a source
checkout they are read from ``sources/`` beside the package.

>>> "governorates" in load_json("governorates.json")
True
"""

from __future__ import annotations

import importlib
import json
from functools import cache
from pathlib import Path
from typing import Any

__all__ = ["QUERY_TIME_FILES", "curated_text", "load_json"]

#: The shipped files read at query time, not built into an index (``gazetteer info`` lists them):
#: (file, licence, attribution).
QUERY_TIME_FILES: tuple[tuple[str, str, str], ...] = (
    ("foreign_names.tsv", "CC-BY-SA-4.0", "names of places outside Syria, collected by the gazetteer project"),
    (
        "arabic_common_words.tsv",
        "CC-BY-SA-4.0",
        "Arabic word frequencies from wordfreq 3.1.1 (Robyn Speer), https://github.com/rspeer/wordfreq",
    ),
    (
        "english_common_words.tsv",
        "CC-BY-SA-4.0",
        "English word frequencies from wordfreq 3.1.1 (Robyn Speer), https://github.com/rspeer/wordfreq",
    ),
)


def curated_text(name: str) -> str:
    """The text of a curated file, e.g. ``governorates.json``."""
    return (_curated_dir() / name).read_text(encoding="utf-8")


@cache
def _curated_dir() -> Path:
    """The installed package ``gazetteer._curated`` (a folder of data files), else ``sources/`` of the checkout.

    Found by importing the package, not through ``importlib.resources``, which would import
    tempfile, shutil and zipfile on a query's first call.
    """
    try:
        installed = importlib.import_module("gazetteer._curated")  # present only when installed
    except ModuleNotFoundError:
        return Path(__file__).resolve().parent.parent / "sources"
    return Path(next(iter(installed.__path__)))


@cache
def load_json(name: str) -> Any:
    """A curated JSON file, parsed once."""
    return json.loads(curated_text(name))
