"""record_builder makes exactly the objects the records' own constructors make."""

from __future__ import annotations

import dataclasses
import pickle
from dataclasses import dataclass

import pytest

from naskah_lint._builder import record_builder
from naskah_lint.findings import Finding, Location, Severity
from naskah_lint.model import Block, CellPos, Locator, ParaFormat, Run, RunFormat, Story
from naskah_lint.outline.body import new_pasal
from naskah_lint.outline.model import Ayat, Pasal
from naskah_lint.reader.walker import new_block, new_locator, new_run


def _same(built: object, made: object) -> None:
    assert type(built) is type(made)
    assert built == made
    assert hash(built) == hash(made)
    assert repr(built) == repr(made)
    assert pickle.loads(pickle.dumps(built)) == made


def test_run_and_block_equal_constructed_ones() -> None:
    fmt = RunFormat(font="Arial", size_pt=12.0, bold=True)
    _same(new_run("Pasal 1", 4, fmt, "field", True, 7), Run("Pasal 1", 4, fmt, "field", True, 7))
    run = Run("Pasal 1", 0, RunFormat())
    cell = CellPos(table=0, row=1, col=2, path=((0, 1, 2),))
    fields = {
        "story": Story.TEXTBOX,
        "index": 3,
        "text": "Pasal 1",
        "runs": (run,),
        "para": ParaFormat(alignment="center"),
        "numbering": None,
        "cell": cell,
        "section": 1,
        "anchor_block": 12,
        "story_part": "word/header1.xml",
        "has_image": True,
        "has_page_field": False,
        "page": 4,
    }
    built = new_block(locator=new_locator("word/header1.xml", 9), **fields)
    _same(built, Block(locator=Locator("word/header1.xml", 9), **fields))  # type: ignore[arg-type]
    assert type(built.locator) is Locator


def test_outline_and_finding_records_equal_constructed_ones() -> None:
    ayat = (record_builder(Ayat)(1, "(1)", 5),)
    values = {f.name: None for f in dataclasses.fields(Pasal)}
    values |= {"number": 2, "number_text": "Pasal 2", "clause_score": 0.0, "ayat": ayat}
    values |= {"lists": (), "xrefs": (), "numbered_by_word": False, "clause_inferred": False}
    values |= {"heading_block": 4, "first_block": 4, "last_block": 6}
    _same(new_pasal(**values), Pasal(**values))  # type: ignore[arg-type]
    location = Location(story="body", block=3, label="Pasal 2", excerpt="x")
    made = Finding("R", Severity.ERROR, "m", location, "fp", None, None)
    _same(record_builder(Finding)("R", Severity.ERROR, "m", location, "fp", None, None), made)


def test_every_field_is_required_and_named() -> None:
    with pytest.raises(TypeError, match="missing 1 required positional argument: 'locator'"):
        new_run("a", 0, RunFormat(), "text", False)  # type: ignore[call-arg]
    with pytest.raises(TypeError, match="unexpected keyword argument 'colour'"):
        record_builder(Locator)(part="p", ordinal=1, colour=2)


def test_built_objects_stay_frozen() -> None:
    run = new_run("a", 0, RunFormat(), "text", False, 0)
    with pytest.raises(AttributeError):
        run.text = "b"  # type: ignore[misc]


def test_only_slotted_records_without_post_init() -> None:
    @dataclass(frozen=True)
    class NoSlots:
        text: str

    @dataclass(frozen=True, slots=True)
    class Checked:
        text: str

        def __post_init__(self) -> None:
            pass

    with pytest.raises(TypeError, match="NoSlots: its __slots__ are not its fields"):
        record_builder(NoSlots)
    with pytest.raises(TypeError, match="Checked: not a dataclass without __post_init__"):
        record_builder(Checked)
    with pytest.raises(TypeError, match="not a dataclass"):
        record_builder(int)
