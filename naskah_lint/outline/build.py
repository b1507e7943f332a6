"""Builders of the outline records made by the hundred per draft (Ayat, XRef, ListItem, Pasal).

The same technique as `naskah_lint.reader.build` (see its docstring): a plain class with the
frozen dataclass's exact `__slots__` stores the fields, then assigns `__class__` to the model
class, so the result is a genuine, equal record, built in a third of the time of the frozen
`__init__` (Pasal's sixteen keyword arguments cost ~2.3 µs). Each takes every field, in field
order; the field lists are checked against the model at import.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import cast

from naskah_lint.outline.model import Ayat, ListItem, Pasal, XRef
from naskah_lint.reader.build import _check_fields


class _AyatSlots:
    """Ayat(number, label, block), built without its frozen __init__."""

    __slots__ = _check_fields(Ayat, ("number", "label", "block"))

    def __init__(self, number: int, label: str, block: int) -> None:
        self.number = number
        self.label = label
        self.block = block
        self.__class__ = Ayat  # type: ignore[assignment]


class _ListItemSlots:
    """ListItem(kind, label, value, level, block, ayat), built without its frozen __init__."""

    __slots__ = _check_fields(ListItem, ("kind", "label", "value", "level", "block", "ayat"))

    def __init__(
        self, kind: str, label: str, value: int, level: int, block: int, ayat: int | None
    ) -> None:
        self.kind = kind
        self.label = label
        self.value = value
        self.level = level
        self.block = block
        self.ayat = ayat
        self.__class__ = ListItem  # type: ignore[assignment]


class _XRefSlots:
    """XRef(text, block, pasal, ayat, huruf, pasal_to, lampiran), built without its frozen
    __init__."""

    __slots__ = _check_fields(
        XRef, ("text", "block", "pasal", "ayat", "huruf", "pasal_to", "lampiran")
    )

    def __init__(
        self,
        text: str,
        block: int,
        pasal: int | None,
        ayat: int | None,
        huruf: str | None,
        pasal_to: int | None,
        lampiran: bool,
    ) -> None:
        self.text = text
        self.block = block
        self.pasal = pasal
        self.ayat = ayat
        self.huruf = huruf
        self.pasal_to = pasal_to
        self.lampiran = lampiran
        self.__class__ = XRef  # type: ignore[assignment]


class _PasalSlots:
    """Pasal(...) with every field, in field order, built without its frozen __init__."""

    __slots__ = _check_fields(
        Pasal,
        (
            "number",
            "number_text",
            "title",
            "clause",
            "clause_score",
            "clause_matched",
            "clause_inferred",
            "heading_block",
            "title_block",
            "first_block",
            "last_block",
            "ayat",
            "lists",
            "xrefs",
            "bab",
            "numbered_by_word",
        ),
    )

    def __init__(
        self,
        number: int | None,
        number_text: str,
        title: str | None,
        clause: str | None,
        clause_score: float,
        clause_matched: str | None,
        clause_inferred: bool,
        heading_block: int,
        title_block: int | None,
        first_block: int,
        last_block: int,
        ayat: tuple[Ayat, ...],
        lists: tuple[ListItem, ...],
        xrefs: tuple[XRef, ...],
        bab: str | None,
        numbered_by_word: bool,
    ) -> None:
        self.number = number
        self.number_text = number_text
        self.title = title
        self.clause = clause
        self.clause_score = clause_score
        self.clause_matched = clause_matched
        self.clause_inferred = clause_inferred
        self.heading_block = heading_block
        self.title_block = title_block
        self.first_block = first_block
        self.last_block = last_block
        self.ayat = ayat
        self.lists = lists
        self.xrefs = xrefs
        self.bab = bab
        self.numbered_by_word = numbered_by_word
        self.__class__ = Pasal  # type: ignore[assignment]


new_ayat = cast("Callable[[int, str, int], Ayat]", _AyatSlots)
new_list_item = cast("Callable[[str, str, int, int, int, int | None], ListItem]", _ListItemSlots)
new_xref = cast(
    "Callable[[str, int, int | None, int | None, str | None, int | None, bool], XRef]",
    _XRefSlots,
)
new_pasal = cast(
    "Callable[[int | None, str, str | None, str | None, float, str | None, bool, int,"
    " int | None, int, int, tuple[Ayat, ...], tuple[ListItem, ...], tuple[XRef, ...],"
    " str | None, bool], Pasal]",
    _PasalSlots,
)
