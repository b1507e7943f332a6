"""Builders of the model objects the reader makes by the thousand (Run, Block and its Locator).

A frozen dataclass's __init__ sets every field through `object.__setattr__`, about three times
the cost of a plain slot store: for the ~5,000 runs and ~1,500 paragraphs of 100 pages that was
over a tenth of a read. Each builder here is a plain class with the model class's exact
`__slots__`: its __init__ stores the fields, then assigns `__class__` to the model class (Python
allows it between classes of identical slot layout), so the result is a genuine Run, Block or
Locator, equal to one built by the model's own constructor (none has a __post_init__ to skip).
Each takes every field, in field order; the field lists are checked against the model at import,
so a field added to the model fails loudly here instead of being left unset.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import fields
from typing import cast

from naskah_lint.model import Block, CellPos, Locator, Numbering, ParaFormat, Run, RunFormat, Story


def _check_fields(cls: type, names: tuple[str, ...]) -> tuple[str, ...]:
    """`names` if they are exactly the fields (and so the slots) of the dataclass `cls`."""
    declared = tuple(f.name for f in fields(cls))
    if declared != names or tuple(getattr(cls, "__slots__", ())) != names:
        raise RuntimeError(f"reader/build.py: {cls.__name__} fields are now {declared}")
    return names


class RunSlots:
    """Run(text, start, fmt, kind, inserted, locator), built without its frozen __init__."""

    __slots__ = _check_fields(Run, ("text", "start", "fmt", "kind", "inserted", "locator"))

    def __init__(
        self, text: str, start: int, fmt: RunFormat, kind: str, inserted: bool, locator: int
    ) -> None:
        self.text = text
        self.start = start
        self.fmt = fmt
        self.kind = kind
        self.inserted = inserted
        self.locator = locator
        self.__class__ = Run  # type: ignore[assignment]


# A hot loop may build a Run inline, skipping the __init__ call: `run = new_slots(RunSlots)`,
# then store every field in order and assign `run.__class__ = Run` (PartWalker.inline does).
new_slots = object.__new__


class _LocatorSlots:
    """Locator(part, ordinal), built without its frozen __init__."""

    __slots__ = _check_fields(Locator, ("part", "ordinal"))

    def __init__(self, part: str, ordinal: int) -> None:
        self.part = part
        self.ordinal = ordinal
        self.__class__ = Locator  # type: ignore[assignment]


class _BlockSlots:
    """Block(..., locator=Locator(part, ordinal), ...), built without their frozen __init__."""

    __slots__ = _check_fields(
        Block,
        (
            "story",
            "index",
            "text",
            "runs",
            "para",
            "numbering",
            "cell",
            "section",
            "locator",
            "anchor_block",
            "story_part",
            "has_image",
            "has_page_field",
            "page",
        ),
    )

    def __init__(
        self,
        story: Story,
        index: int,
        text: str,
        runs: tuple[Run, ...],
        para: ParaFormat,
        numbering: Numbering | None,
        cell: CellPos | None,
        section: int,
        part: str,
        ordinal: int,
        anchor_block: int | None,
        story_part: str | None,
        has_image: bool,
        has_page_field: bool,
        page: int | None,
    ) -> None:
        self.story = story
        self.index = index
        self.text = text
        self.runs = runs
        self.para = para
        self.numbering = numbering
        self.cell = cell
        self.section = section
        self.locator = _LocatorSlots(part, ordinal)
        self.anchor_block = anchor_block
        self.story_part = story_part
        self.has_image = has_image
        self.has_page_field = has_page_field
        self.page = page
        self.__class__ = Block  # type: ignore[assignment]


new_run = cast("Callable[[str, int, RunFormat, str, bool, int], Run]", RunSlots)
new_block = cast(
    "Callable[[Story, int, str, tuple[Run, ...], ParaFormat, Numbering | None, CellPos | None,"
    " int, str, int, int | None, str | None, bool, bool, int | None], Block]",
    _BlockSlots,
)
