"""Numbering labels as Word draws them: formats, restarts, overrides, style-linked lists."""

from __future__ import annotations

from pathlib import Path

import pytest
from docxbuild import numbered, p, write

from naskah_lint.model import Document
from naskah_lint.reader import read_document
from naskah_lint.reader.numbering import format_number


def lvl(
    ilvl: int,
    text: str,
    fmt: str = "decimal",
    start: int = 1,
    extra: str = "",
) -> str:
    return (
        f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="{start}"/><w:numFmt w:val="{fmt}"/>'
        f'<w:lvlText w:val="{text}"/>{extra}</w:lvl>'
    )


def abstract(aid: int, *levels: str, extra: str = "") -> str:
    return f'<w:abstractNum w:abstractNumId="{aid}">{extra}{"".join(levels)}</w:abstractNum>'


def num(nid: int, aid: int, overrides: str = "") -> str:
    return f'<w:num w:numId="{nid}"><w:abstractNumId w:val="{aid}"/>{overrides}</w:num>'


def _labels(doc: Document) -> list[str | None]:
    return [b.label for b in doc.body]


def _read(tmp_path: Path, body: str, numbering: str, styles: str | None = None) -> Document:
    return read_document(write(tmp_path, "n.docx", body, numbering=numbering, styles=styles))


def test_pasal_label_with_suffix_and_label_run(tmp_path: Path) -> None:
    numbering = abstract(0, lvl(0, "Pasal %1", extra='<w:suff w:val="space"/>')) + num(1, 0)
    body = numbered("", 1) + p("MAKSUD DAN TUJUAN") + numbered("", 1) + numbered("Isi", 1)
    doc = _read(tmp_path, body, numbering)
    assert [b.text for b in doc.body] == [
        "Pasal 1 ",
        "MAKSUD DAN TUJUAN",
        "Pasal 2 ",
        "Pasal 3 Isi",
    ]
    last = doc.body[3]
    assert last.numbering is not None
    assert (last.numbering.label, last.numbering.value, last.numbering.suffix) == (
        "Pasal 3",
        3,
        "space",
    )
    assert (last.numbering.num_id, last.numbering.ilvl, last.numbering.abstract_id) == (1, 0, 0)
    assert [(run.text, run.kind, run.locator) for run in last.runs] == [
        ("Pasal 3 ", "label", -1),
        ("Isi", "text", 0),
    ]
    assert last.content == "Isi"


def test_levels_restart_after_a_higher_level(tmp_path: Path) -> None:
    numbering = abstract(
        0,
        lvl(0, "%1."),
        lvl(1, "%1.%2."),
        lvl(2, "(%3)", "lowerLetter"),
    ) + num(1, 0)
    levels = [0, 1, 2, 2, 1, 2, 0, 2, 1]
    doc = _read(tmp_path, "".join(numbered("x", 1, i) for i in levels), numbering)
    assert _labels(doc) == ["1.", "1.1.", "(a)", "(b)", "1.2.", "(a)", "2.", "(a)", "2.1."]
    assert doc.body[0].text == "1.\tx"


def test_lvl_restart_zero_never_restarts_and_one_restarts_only_after_level_one(
    tmp_path: Path,
) -> None:
    numbering = abstract(
        0,
        lvl(0, "%1."),
        lvl(1, "%2)", extra='<w:lvlRestart w:val="0"/>'),
        lvl(2, "%3]", extra='<w:lvlRestart w:val="1"/>'),
    ) + num(1, 0)
    levels = [0, 1, 2, 0, 1, 2, 1, 2]
    doc = _read(tmp_path, "".join(numbered("x", 1, i) for i in levels), numbering)
    assert _labels(doc) == ["1.", "1)", "1]", "2.", "2)", "1]", "3)", "2]"]


@pytest.mark.parametrize(
    ("value", "fmt", "expected"),
    [
        (4, "upperRoman", "IV"),
        (14, "lowerRoman", "xiv"),
        (1994, "upperRoman", "MCMXCIV"),
        (1, "lowerLetter", "a"),
        (26, "upperLetter", "Z"),
        (27, "lowerLetter", "aa"),
        (53, "lowerLetter", "aaa"),
        (7, "decimalZero", "07"),
        (12, "decimalZero", "12"),
        (2, "ordinal", "2nd"),
        (11, "ordinal", "11th"),
        (3, "decimalEnclosedParen", "(3)"),
        (5, "cardinalText", "5"),
        (5, "somethingNew", "5"),
        (5, "none", ""),
    ],
)
def test_number_formats(value: int, fmt: str, expected: str) -> None:
    assert format_number(value, fmt) == expected


def test_start_bullets_none_and_private_use_bullet(tmp_path: Path) -> None:
    numbering = (
        abstract(0, lvl(0, "%1.", "lowerRoman", start=4))
        + abstract(1, lvl(0, "\uf0b7", "bullet"))
        + abstract(2, lvl(0, "", "none"))
        + num(1, 0)
        + num(2, 1)
        + num(3, 2)
    )
    body = numbered("a", 1) + numbered("b", 1) + numbered("c", 2) + numbered("d", 3)
    doc = _read(tmp_path, body, numbering)
    assert _labels(doc) == ["iv.", "v.", "•", ""]
    assert [b.text for b in doc.body] == ["iv.\ta", "v.\tb", "•\tc", "d"]


def test_nums_share_their_abstract_counter_unless_start_overridden(tmp_path: Path) -> None:
    override = '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride>'
    numbering = abstract(0, lvl(0, "(%1)")) + num(1, 0) + num(2, 0) + num(3, 0, override)
    body = (
        numbered("a", 1)
        + numbered("b", 1)
        + numbered("c", 2)  # same abstract, no override: continues
        + numbered("d", 3)  # startOverride: restarts at its first use
        + numbered("e", 3)
        + numbered("f", 1)  # back on num 1: the shared counter goes on
    )
    assert _labels(_read(tmp_path, body, numbering)) == ["(1)", "(2)", "(3)", "(1)", "(2)", "(3)"]


def test_level_override_replaces_the_level(tmp_path: Path) -> None:
    override = (
        '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="5"/>'
        + lvl(0, "Bab %1", "upperRoman")
        + "</w:lvlOverride>"
    )
    numbering = abstract(0, lvl(0, "%1.")) + num(1, 0, override)
    assert _labels(_read(tmp_path, numbered("a", 1) + numbered("b", 1), numbering)) == [
        "Bab V",
        "Bab VI",
    ]


STYLES = (
    '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/>'
    "</w:style>"
    '<w:style w:type="paragraph" w:styleId="Pasal"><w:name w:val="Judul Pasal"/>'
    '<w:basedOn w:val="Normal"/><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr>'
    '<w:jc w:val="center"/></w:pPr></w:style>'
    '<w:style w:type="paragraph" w:styleId="PasalKhusus"><w:name w:val="Pasal Khusus"/>'
    '<w:basedOn w:val="Pasal"/></w:style>'
    '<w:style w:type="paragraph" w:styleId="Ayat"><w:name w:val="Ayat"/>'
    '<w:pPr><w:numPr><w:numId w:val="2"/></w:numPr></w:pPr></w:style>'
)


def test_numbering_linked_from_paragraph_styles(tmp_path: Path) -> None:
    numbering = (
        abstract(0, lvl(0, "Pasal %1", extra='<w:suff w:val="nothing"/>'))
        + abstract(
            1,
            lvl(0, "%1.", extra='<w:pStyle w:val="Bab"/>'),
            lvl(1, "(%2)", extra='<w:pStyle w:val="Ayat"/>'),
        )
        + num(1, 0)
        + num(2, 1)
    )
    body = (
        p("", ppr='<w:pStyle w:val="Pasal"/>')
        + p("ayat", ppr='<w:pStyle w:val="Ayat"/>')
        + p("ayat", ppr='<w:pStyle w:val="Ayat"/>')
        + p("", ppr='<w:pStyle w:val="PasalKhusus"/>')  # basedOn Pasal: inherits numbering
        + p("tanpa", ppr='<w:pStyle w:val="Pasal"/><w:numPr><w:numId w:val="0"/></w:numPr>')
        + p("", ppr='<w:pStyle w:val="Pasal"/>')
    )
    doc = _read(tmp_path, body, numbering, STYLES)
    assert _labels(doc) == ["Pasal 1", "(1)", "(2)", "Pasal 2", None, "Pasal 3"]
    assert doc.body[0].text == "Pasal 1"
    assert doc.body[1].numbering is not None and doc.body[1].numbering.ilvl == 1
    assert doc.body[3].para.alignment == "center"


def test_legal_numbering_and_unused_parent_level(tmp_path: Path) -> None:
    numbering = abstract(
        0,
        lvl(0, "%1.", "upperRoman"),
        lvl(1, "%1.%2", extra="<w:isLgl/>"),
    ) + num(1, 0)
    # a list that starts at level 2 shows its unused parent as start - 1 (Word's "0.1")
    doc = _read(
        tmp_path, numbered("a", 1, 1) + numbered("b", 1, 0) + numbered("c", 1, 1), numbering
    )
    assert _labels(doc) == ["0.1", "I.", "1.1"]


def test_num_style_link_is_followed(tmp_path: Path) -> None:
    styles = (
        '<w:style w:type="numbering" w:styleId="DaftarPasal"><w:name w:val="Daftar Pasal"/>'
        '<w:pPr><w:numPr><w:numId w:val="7"/></w:numPr></w:pPr></w:style>'
    )
    numbering = (
        abstract(0, lvl(0, "Pasal %1"), extra='<w:styleLink w:val="DaftarPasal"/>')
        + abstract(1, extra='<w:numStyleLink w:val="DaftarPasal"/>')
        + num(7, 0)
        + num(8, 1)
    )
    doc = _read(tmp_path, numbered("x", 8) + numbered("y", 8), numbering, styles)
    assert _labels(doc) == ["Pasal 1", "Pasal 2"]


def test_undefined_num_and_missing_numbering_part(tmp_path: Path) -> None:
    numbering = abstract(0, lvl(0, "%1.")) + num(1, 0)
    assert _labels(_read(tmp_path, numbered("x", 9), numbering)) == [None]
    doc = read_document(write(tmp_path, "plain.docx", numbered("x", 1)))
    assert _labels(doc) == [None]
    assert doc.body[0].text == "x"
