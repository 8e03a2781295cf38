"""The exceptions of the library: one base class, each also a builtin.

Catch :class:`GazetteerError` for everything the library raises on purpose,
or the builtin a subclass also derives from (``ValueError``, ``OSError``).

>>> issubclass(InvalidQueryError, ValueError)
True
>>> print(UnknownProvinceError("Narnia", ["Homs", "Hama"]))  # doctest: +ELLIPSIS
unknown province 'Narnia'; valid governorates: Homs, Hama (names, Arabic names, ISO 3166-2, ...)
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

__all__ = [
    "CorruptIndexError",
    "GazetteerError",
    "IndexFileError",
    "InvalidQueryError",
    "SourceFormatError",
    "StaleIndexWarning",
    "UnknownProvinceError",
]


class GazetteerError(Exception):
    """Base class of every error the library raises on purpose."""


class StaleIndexWarning(UserWarning):
    """An index whose name keys were made by other rules than this version's.

    It still answers, but spellings that only the new rules join miss until
    the index is rebuilt with ``gazetteer build``.
    """


class InvalidQueryError(GazetteerError, ValueError):
    """The query is not a query: not a string, too long, or a bad ``near=``."""


class UnknownProvinceError(GazetteerError, ValueError):
    """``province=`` names no governorate; the message lists the valid ones."""

    def __init__(self, province: object, valid: Iterable[str]) -> None:
        self.province = province
        self.valid = tuple(valid)
        # Shorten before repr(): a 10 MB province must not cost a 10 MB repr.
        shown = repr(province[:100] if isinstance(province, (str, bytes)) else province)
        if len(shown) > 80:
            shown = shown[:77] + "..."
        super().__init__(
            f"unknown province {shown}; valid governorates: {', '.join(self.valid)} "
            "(names, Arabic names, ISO 3166-2, OCHA P-codes and GeoNames admin1 codes are accepted)"
        )

    def __reduce__(self) -> tuple[Any, ...]:
        return (type(self), (self.province, self.valid))


class IndexFileError(GazetteerError, OSError):
    """An index file is missing, unreadable, damaged or of another format.

    The message names the file and the command that rebuilds it.
    """

    def __init__(self, path: object, problem: str) -> None:
        self.path = str(path)
        self.problem = problem
        super().__init__(
            f"{self.path}: {problem}. Rebuild it with `gazetteer build SOURCE... --output {self.path}`; "
            "if it is your default index, unset GAZETTEER_INDEX (or delete the file) to use the one "
            "shipped with the package."
        )

    def __str__(self) -> str:
        return str(self.args[0])

    def __reduce__(self) -> tuple[Any, ...]:
        return (type(self), (self.path, self.problem))


class CorruptIndexError(IndexFileError):
    """An index file whose bytes do not match its checksums or its own description."""


class SourceFormatError(GazetteerError, ValueError):
    """A source file is not in the format its name or the caller declared."""
