"""Where indexes live: the one shipped in the package, the user's own, and the cache folder.

>>> shipped_index_path().name
'default.gzidx'
"""

from __future__ import annotations

import os
from pathlib import Path

__all__ = ["ENV_VAR", "cache_dir", "shipped_index_path", "source_checkout", "user_index_path"]

#: Environment variable naming the default index file.
ENV_VAR = "GAZETTEER_INDEX"
_PACKAGE = Path(__file__).resolve().parent


def shipped_index_path() -> Path:
    """The index built from ``sources/`` when the package was built (inside the installed package)."""
    return _PACKAGE / "data" / "default.gzidx"


def source_checkout() -> Path | None:
    """The repository root when running from a source checkout (``sources/upstream`` beside the package)."""
    root = _PACKAGE.parent
    return root if (root / "sources" / "upstream").is_dir() else None


def cache_dir() -> Path:
    """``$GAZETTEER_CACHE_DIR``, else ``$XDG_CACHE_HOME/gazetteer``, else ``~/.cache/gazetteer``."""
    explicit = os.environ.get("GAZETTEER_CACHE_DIR")
    if explicit:
        return Path(explicit)
    xdg = os.environ.get("XDG_CACHE_HOME")
    return (Path(xdg) if xdg else Path.home() / ".cache") / "gazetteer"


def user_index_path() -> Path:
    """Where ``gazetteer build`` writes when given no ``--output``; used by default when present."""
    return cache_dir() / "index.gzidx"
