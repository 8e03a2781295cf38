"""Names a place is known by: the core of a descriptive name.

When the index is written, a name with a descriptor also gives its core as a
name of the same place, flagged ``core``: admin words on any place ("ناحية مضايا"
→ "مضايا"), other words only on a place of their kind ("جامع الدالاتي" on a
landmark, "Hay X" on a neighbourhood, "مدينة حلب" on a city).

>>> core_name("Nahiyat Markaz Darayya", "town"), core_name("ناحية مضايا", "subdistrict")
('Darayya', 'مضايا')
"""

from __future__ import annotations

from collections.abc import Sequence

from .kinds import ADMIN_KINDS, accepts
from .mention import parse_mention
from .model import Name

__all__ = ["core_name", "with_core_names"]


def core_name(text: str, kind: str) -> str | None:
    """The name inside ``text`` when a descriptor fits a place of ``kind``, else ``None``.

    >>> core_name("Nahiyat Markaz Darayya", "town"), core_name("ناحية مضايا", "subdistrict")
    ('Darayya', 'مضايا')
    >>> core_name("جامع الدالاتي", "landmark"), core_name("Sasa Prison", "town"), core_name("Talbiseh", "town")
    ('الدالاتي', None, None)
    """
    mention = parse_mention(text)
    if mention.name == mention.text or not mention.kind_hint:
        return None
    if mention.kind_hint in ADMIN_KINDS or kind in accepts(mention.kind_hint):
        return mention.name
    return None


def with_core_names(names: Sequence[Name], kind: str) -> tuple[Name, ...]:
    """``names`` and, after them, each one's core (:func:`core_name`) not already there (flag ``"core"``).

    "ناحية مضايا" also gives "مضايا", so a bare name finds the unit (and, through its seat
    link, the town) even when no source spells it alone. Derived when the index is written,
    from the names being written.
    """
    seen = {(n.text, n.lang, n.source) for n in names}
    out = list(names)
    for n in names:
        core = core_name(n.text, kind)
        if core and (core, n.lang, n.source) not in seen:
            seen.add((core, n.lang, n.source))
            out.append(Name(core, n.lang, n.source, (*n.flags, "core")))
    return tuple(out)
