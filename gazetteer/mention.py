"""Placeholder while being written."""

from __future__ import annotations

from typing import NamedTuple

from .normalize import clean

__all__ = ["Mention", "parse_mention"]


class Mention(NamedTuple):
    text: str
    name: str
    kind_hint: str | None
    province_hint: str | None
    descriptors: tuple[str, ...]


def parse_mention(text: str) -> Mention:
    t = clean(text)
    return Mention(t, t, None, None, ())
