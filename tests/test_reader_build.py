"""The reader's fast builders make exactly the objects the model's constructors make."""

from __future__ import annotations

import pickle
from dataclasses import dataclass

import pytest

from naskah_lint.model import Block, CellPos, Locator, ParaFormat, Run, RunFormat, Story
from naskah_lint.reader.build import _check_fields, new_block, new_run


def test_new_run_equals_constructed_run() -> None:
    fmt = RunFormat(font="Arial", size_pt=12.0, bold=True)
    built = new_run("Pasal 1", 4, fmt, "field", True, 7)
    made = Run("Pasal 1", 4, fmt, "field", True, 7)
    assert type(built) is Run
    assert built == made
    assert hash(built) == hash(made)
    assert repr(built) == repr(made)
    assert pickle.loads(pickle.dumps(built)) == made


def test_new_block_equals_constructed_block() -> None:
    run = Run("Pasal 1", 0, RunFormat())
    cell = CellPos(table=0, row=1, col=2, path=((0, 1, 2),))
    built = new_block(
        Story.TEXTBOX,
        3,
        "Pasal 1",
        (run,),
        ParaFormat(alignment="center"),
        None,
        cell,
        1,
        "word/header1.xml",
        9,
        12,
        "word/header1.xml",
        True,
        False,
        4,
    )
    made = Block(
        story=Story.TEXTBOX,
        index=3,
        text="Pasal 1",
        runs=(run,),
        para=ParaFormat(alignment="center"),
        numbering=None,
        cell=cell,
        section=1,
        locator=Locator("word/header1.xml", 9),
        anchor_block=12,
        story_part="word/header1.xml",
        has_image=True,
        has_page_field=False,
        page=4,
    )
    assert type(built) is Block and type(built.locator) is Locator
    assert built == made
    assert repr(built) == repr(made)
    assert pickle.loads(pickle.dumps(built)) == made


def test_field_check_refuses_a_changed_field_list() -> None:
    @dataclass(frozen=True, slots=True)
    class Grown:
        text: str
        extra: int = 0

    with pytest.raises(RuntimeError, match=r"Grown fields are now \('text', 'extra'\)"):
        _check_fields(Grown, ("text",))
    assert _check_fields(Grown, ("text", "extra")) == ("text", "extra")


def test_built_objects_stay_frozen() -> None:
    run = new_run("a", 0, RunFormat(), "text", False, 0)
    with pytest.raises(AttributeError):
        run.text = "b"  # type: ignore[misc]
