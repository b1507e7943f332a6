"""The three foundation rules: FMT-PAPER-SIZE, FMT-MARGINS, FMT-FONT (spec §5 rows 59-61)."""

from __future__ import annotations

from dataclasses import replace

import pytest
from engine_docs import a4, block, document, load, make_pack, outline, use_kinds

from naskah_lint.config import Settings
from naskah_lint.engine.api import Pack
from naskah_lint.engine.runner import run_rules
from naskah_lint.findings import Finding, Severity
from naskah_lint.model import Document, Run, RunFormat, Section
from naskah_lint.outline.model import Outline


@pytest.fixture
def pack(tmp_path, monkeypatch) -> Pack:
    use_kinds(monkeypatch)
    return load(make_pack(tmp_path))


def _run(
    pack: Pack, doc: Document, rule: str, ol: Outline | None = None, **kw: object
) -> list[Finding]:
    settings = Settings(select=(rule,), **kw)  # type: ignore[arg-type]
    return list(run_rules(doc, ol or outline(), pack, settings))


def _sized(width: float | None, height: float | None, index: int = 0, first: int = 1) -> Section:
    return replace(
        a4(index=index, first=first, last=first),
        page_width_mm=width,
        page_height_mm=height,
    )


# --------------------------------------------------------------------------- paper size


@pytest.mark.parametrize(
    ("width", "height"),
    [
        (210.0, 297.0),  # A4
        (297.0, 210.0),  # A4 landscape
        (215.0, 330.0),  # F4
        (215.9, 330.2),  # Folio
        (210.0, 330.0),  # F4 as Word often sets it
        (210.8, 296.2),  # within 1 mm
    ],
)
def test_paper_size_allowed(pack: Pack, width: float, height: float) -> None:
    doc = document([block(1, "JUDUL")], sections=[_sized(width, height)])
    assert _run(pack, doc, "FMT-PAPER-SIZE") == []


def test_paper_size_wrong_and_unset_sections(pack: Pack) -> None:
    blocks = [block(i, f"paragraf {i}") for i in range(1, 6)]
    sections = [
        _sized(215.9, 279.4, index=0, first=1),  # Letter
        _sized(210.0, 297.0, index=1, first=3),  # A4
        _sized(None, None, index=2, first=5),  # not set
    ]
    doc = document(blocks, sections=sections)
    found = _run(pack, doc, "FMT-PAPER-SIZE")
    assert [(f.location.block, f.severity) for f in found] == [
        (1, Severity.ERROR),
        (5, Severity.INFO),
    ]
    assert found[0].message == (
        "Ukuran kertas bagian 1 adalah 215,9 × 279,4 mm; gunakan salah satu ukuran yang "
        "diizinkan: A4, F4, Folio, F4 (210 × 330)."
    )
    assert found[1].message.startswith("Ukuran kertas bagian 3 tidak ditetapkan")
    english = _run(pack, doc, "FMT-PAPER-SIZE", lang="en")
    assert english[0].message.startswith("The paper size of section 1 is 215.9 × 279.4 mm;")


def test_paper_size_params_override(pack: Pack) -> None:
    from naskah_lint.api import _configured

    rule = pack.rule("FMT-PAPER-SIZE")
    assert rule is not None
    letter = {"sizes": [{"name": "Letter", "width_mm": 215.9, "height_mm": 279.4}]}
    custom = _configured(rule, Settings(params={"FMT-PAPER-SIZE": letter}))
    configured = replace(pack, rules=(custom,))
    doc = document([block(1, "JUDUL")], sections=[_sized(215.9, 279.4)])
    assert _run(configured, doc, "FMT-PAPER-SIZE") == []
    a4_doc = document([block(1, "JUDUL")], sections=[_sized(210, 297)])
    found = _run(configured, a4_doc, "FMT-PAPER-SIZE")
    assert [f.message.rsplit(":", 1)[1] for f in found] == [" Letter."]


# --------------------------------------------------------------------------- margins


def test_margins_ok_with_twip_rounding(pack: Pack) -> None:
    section = a4(last=1, left=29.99, bottom=24.98)
    doc = document([block(1, "JUDUL")], sections=[section])
    assert _run(pack, doc, "FMT-MARGINS") == []


def test_margins_too_narrow_gives_all_values(pack: Pack) -> None:
    sections = [
        a4(index=0, first=1, last=2, left=25.4, right=25.4, top=25.4, bottom=25.4),
        a4(index=1, first=3, last=3),
        a4(index=2, first=4, last=4, bottom=20.0, top=None),
    ]
    doc = document([block(i, "x") for i in range(1, 5)], sections=sections)
    found = _run(pack, doc, "FMT-MARGINS")
    assert [(f.location.block, f.severity) for f in found] == [
        (1, Severity.WARNING),
        (4, Severity.WARNING),
    ]
    assert found[0].message == (
        "Margin bagian 1 terlalu sempit: kiri 25,4 mm, kanan 25,4 mm, atas 25,4 mm, bawah "
        "25,4 mm; minimal kiri 30 mm, kanan 20 mm, atas 20 mm, bawah 25 mm."
    )
    assert "atas ? mm, bawah 20 mm" in found[1].message


# --------------------------------------------------------------------------- font


def _runs(*parts: tuple[str, str | None, float | None]) -> list[Run]:
    runs, start = [], 0
    for text, font, size in parts:
        runs.append(Run(text=text, start=start, fmt=RunFormat(font=font, size_pt=size)))
        start += len(text)
    return runs


def test_font_rules(pack: Pack) -> None:
    symbol = Run(text="\uf0b7", start=0, fmt=RunFormat(font="Symbol", size_pt=12))
    field = Run(text="1", start=0, fmt=RunFormat(font="Calibri", size_pt=9), kind="field")
    hidden = Run(text="x", start=0, fmt=RunFormat(font="Calibri", hidden=True))
    blocks = [
        block(1, "PERJANJIAN KERJA SAMA", size=16),  # title may be larger
        block(2, "ANTARA", size=10),  # but not smaller
        block(3, "Isi dengan Times", font="Times New Roman"),
        block(4, "isi kecil", size=10.5),
        block(5, "isi besar", size=14),
        block(6, "isi", runs=[symbol, *_runs((" isi", "Arial", 12))]),
        block(7, "1 isi", runs=[field, *_runs((" isi", "arial", 11))]),
        block(8, "isi", runs=[hidden, *_runs(("isi", "Bookman Old Style", 12))]),
        block(9, "   ", font="Calibri"),  # empty text is not counted
        block(10, "isi", font=None, size=None),  # unknown formatting is not judged
    ]
    doc = document(blocks)
    ol = outline(title_blocks=(1, 2))
    found = _run(pack, doc, "FMT-FONT", ol)
    assert [f.location.block for f in found] == [2, 3, 4, 5]
    assert [f.message for f in found[:2]] == [
        "Paragraf ini memakai huruf Arial 10 pt; gunakan Arial, Bookman Old Style berukuran "
        "11–12 pt.",
        "Paragraf ini memakai huruf Times New Roman 12 pt; gunakan Arial, Bookman Old Style "
        "berukuran 11–12 pt.",
    ]
    assert "Arial 10,5 pt" in found[2].message


def test_font_folds_beyond_ten_paragraphs(pack: Pack) -> None:
    blocks = [block(1, "JUDUL")]
    blocks += [block(i, f"isi {i}", font="Calibri", size=11) for i in range(2, 13)]
    doc = document(blocks)
    found = _run(pack, doc, "FMT-FONT")
    assert [(f.location.block, f.severity) for f in found] == [(2, Severity.WARNING)]
    assert found[0].message.startswith(
        "11 paragraf memakai huruf yang tidak sesuai (yang pertama: Calibri 11 pt);"
    )
    ten = document(blocks[:11])
    assert [f.location.block for f in _run(pack, ten, "FMT-FONT")] == list(range(2, 12))
