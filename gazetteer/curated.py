"""Access to the project's curated data files in ``sources/``.

Installed, they live in the package ``gazetteer._curated``; in a source
checkout they are read from ``sources/`` beside the package.

>>> "governorates" in load_json("governorates.json")
True
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

__all__ = ["curated_text", "load_json"]


def curated_text(name: str) -> str:
    """The text of a curated file, e.g. ``governorates.json``."""
    from importlib import resources  # here, not at import: it pulls in tempfile, shutil, zipfile...

    try:
        return (resources.files("gazetteer._curated") / name).read_text(encoding="utf-8")
    except (ModuleNotFoundError, FileNotFoundError):
        return (Path(__file__).resolve().parent.parent / "sources" / name).read_text(encoding="utf-8")


@cache
def load_json(name: str) -> Any:
    """A curated JSON file, parsed once."""
    return json.loads(curated_text(name))
