"""Which index answers when the caller names none.

The default index is, in order:

1. the file named by the environment variable ``GAZETTEER_INDEX``;
2. the index ``gazetteer build`` writes when given no ``--output``
   (``<cache>/index.gzidx``, see :func:`gazetteer.paths.cache_dir`);
3. the index shipped inside the package, built from ``sources/`` when the
   wheel was built. Opening it writes nothing anywhere, so it works from a
   read-only install.

Running from a source checkout, where no wheel was built, the same index is
built from ``sources/`` on first use into ``<cache>`` (a developer's
convenience; an installed package never does this). The default is opened
once per process, under a lock.
"""

from __future__ import annotations

import _thread
import hashlib
import os
from pathlib import Path

from ._version import __version__
from .errors import IndexFileError
from .index import read_index
from .paths import ENV_VAR, cache_dir, shipped_index_path, source_checkout, user_index_path
from .resolve import Gazetteer

__all__ = ["ENV_VAR", "default", "load", "reset_default"]

_lock = _thread.allocate_lock()  # threading.Lock itself, without importing threading
_default: Gazetteer | None = None


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
    """The default index, opened once per process."""
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
    shipped = shipped_index_path()
    if shipped.exists():
        return Gazetteer(read_index(shipped), origin="shipped")
    checkout = source_checkout()
    if checkout is None:
        raise IndexFileError(
            shipped,
            "is missing: this installation has no data. Reinstall the package (pip install gazetteer), "
            f"or build an index with `gazetteer build` and point {ENV_VAR} at it",
        )
    return Gazetteer(read_index(_checkout_index(checkout)), origin="source checkout")


def _checkout_index(root: Path) -> Path:
    """The shipped index of a source checkout, built into the cache once per state of the code and data."""
    digest = hashlib.sha256(__version__.encode())
    for folder in (root / "sources", root / "gazetteer"):
        for f in sorted(folder.rglob("*")):
            if f.is_file() and f.suffix in (".py", ".json", ".tsv", ".txt", ".md") and "__pycache__" not in f.parts:
                digest.update(f.relative_to(root).as_posix().encode() + b"\0" + f.read_bytes())
    name = f"checkout-{__version__}-{digest.hexdigest()[:12]}.gzidx"
    path = cache_dir() / name
    if not path.exists():
        from .build import build_default

        try:
            build_default(path)
        except OSError:  # no writable cache: a private temporary folder
            import tempfile

            path = Path(tempfile.mkdtemp(prefix="gazetteer-")) / name
            build_default(path)
    return path
