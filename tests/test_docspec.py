"""The docspec builder: readable specs become real .docx files with the features they describe,
derivation edits fail loudly, builds are byte-identical, and committed fixtures are up to date."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import zipfile
from collections.abc import Mapping
from pathlib import Path
from typing import Any, cast

import docx
import pytest
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_COLOR_INDEX
from lxml import etree

from naskah_lint.writer.docspec import build, build_from_case, load_spec, paragraph_text

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "fixtures"
SPECS = FIXTURES / "specs"
FIXTURE_NAMES = [
    "clean-nk",
    "clean-nk-pertama",
    "clean-pks",
    "clean-pks-3pihak",
    "defect-format",
    "defect-nk",
    "defect-pks",
]
NS = {
    "w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
    "mc": "http://schemas.openxmlformats.org/markup-compatibility/2006",
    "wps": "http://schemas.microsoft.com/office/word/2010/wordprocessingShape",
    "v": "urn:schemas-microsoft-com:vml",
    "wp": "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing",
}
W = "{" + NS["w"] + "}"


def _parts(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def _xml(path: Path, part: str) -> etree._Element:
    return etree.fromstring(_parts(path.read_bytes())[part])


def _build(tmp_path: Path, spec: str | Mapping[str, Any], name: str = "out") -> Path:
    return build(load_spec(spec), tmp_path / f"{name}.docx")


def _xp(element: Any, path: str) -> list[Any]:
    """An XPath result as a list (lxml's stubs type it as a wide union)."""
    return list(cast("list[Any]", element.xpath(path, namespaces=NS)))


def _sect(path: Path) -> etree._Element:
    sect = _xml(path, "word/document.xml").find("w:body/w:sectPr", NS)
    assert sect is not None
    return sect


# -- page setup ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "width", "height", "margins"),
    [
        ("clean-pks", 11906, 16838, (1134, 1417, 1701, 1134)),
        ("clean-nk", 12189, 18709, (1134, 1417, 1701, 1134)),
        ("clean-pks-3pihak", 11906, 18709, (1134, 1417, 1701, 1134)),
        ("defect-format", 12240, 15840, (1134, 850, 1134, 1134)),
    ],
)
def test_page_size_and_margins_in_twips(
    tmp_path: Path, name: str, width: int, height: int, margins: tuple[int, ...]
) -> None:
    sect = _sect(_build(tmp_path, name))
    size = sect.find("w:pgSz", NS)
    mar = sect.find("w:pgMar", NS)
    assert size is not None and mar is not None
    assert (int(size.get(W + "w", "0")), int(size.get(W + "h", "0"))) == (width, height)
    got = tuple(int(mar.get(W + edge, "0")) for edge in ("top", "bottom", "left", "right"))
    assert got == margins


def test_set_size_false_writes_no_page_size_like_phpword(tmp_path: Path) -> None:
    sect = _sect(_build(tmp_path, {"page": {"set_size": False}, "body": ["x"]}))
    assert sect.find("w:pgSz", NS) is None
    assert sect.find("w:pgMar", NS) is not None


def test_landscape_and_explicit_millimetres(tmp_path: Path) -> None:
    path = _build(tmp_path, {"page": {"size": [210, 330], "orientation": "landscape"}})
    size = _sect(path).find("w:pgSz", NS)
    assert size is not None
    assert (size.get(W + "w"), size.get(W + "h"), size.get(W + "orient")) == (
        "18709",
        "11906",
        "landscape",
    )


def test_section_break_starts_a_section_with_its_own_paper(tmp_path: Path) -> None:
    spec = {"body": ["satu", {"section_break": {"page": {"size": "LETTER"}}}, "dua"]}
    document = docx.Document(str(_build(tmp_path, spec)))
    sizes = [(s.page_width.twips, s.page_height.twips) for s in document.sections]  # type: ignore[union-attr]
    assert sizes == [(11906, 16838), (12240, 15840)]


# -- fonts and paragraphs --------------------------------------------------------------------------


def test_document_default_font_and_spacing(tmp_path: Path) -> None:
    path = _build(tmp_path, "clean-nk")
    styles = _xml(path, "word/styles.xml")
    fonts = styles.find("w:docDefaults/w:rPrDefault/w:rPr/w:rFonts", NS)
    size = styles.find("w:docDefaults/w:rPrDefault/w:rPr/w:sz", NS)
    spacing = styles.find("w:docDefaults/w:pPrDefault/w:pPr/w:spacing", NS)
    assert fonts is not None and size is not None and spacing is not None
    assert {fonts.get(W + a) for a in ("ascii", "hAnsi", "eastAsia", "cs")} == {"Bookman Old Style"}
    assert fonts.get(W + "asciiTheme") is None
    assert size.get(W + "val") == "24"
    assert (spacing.get(W + "line"), spacing.get(W + "lineRule")) == ("276", "auto")
    normal = docx.Document(str(path)).styles["Normal"]
    assert normal.font.name == "Bookman Old Style"
    assert normal.font.size is not None and normal.font.size.pt == 12


def test_defaults_when_keys_are_absent(tmp_path: Path) -> None:
    document = docx.Document(str(_build(tmp_path, {"body": ["teks"]})))
    section = document.sections[0]
    assert (section.page_width.twips, section.page_height.twips) == (11906, 16838)  # type: ignore[union-attr]
    assert section.left_margin.twips == 1701  # type: ignore[union-attr]
    paragraph = document.paragraphs[0]
    assert paragraph.text == "teks"
    assert paragraph.paragraph_format.alignment == WD_ALIGN_PARAGRAPH.JUSTIFY
    assert document.styles["Normal"].font.name == "Arial"


def test_run_and_paragraph_formatting_is_direct(tmp_path: Path) -> None:
    spec = {
        "body": [
            {
                "text": "JUDUL",
                "align": "center",
                "bold": True,
                "size": 14,
                "font": "Times New Roman",
                "caps": True,
                "italic": True,
                "highlight": "yellow",
                "hidden": True,
                "line_spacing": 2.0,
                "indent_left_cm": 1,
                "first_line_cm": -0.5,
                "style": "Heading 1",
            },
            {"runs": [{"text": "Pada hari ini "}, {"text": "Senin", "bold": True}, ","]},
            "a\tb\nc",
        ]
    }
    document = docx.Document(str(_build(tmp_path, spec)))
    first, second, third = document.paragraphs
    run = first.runs[0]
    assert (run.bold, run.italic, run.font.all_caps, run.font.hidden) == (True, True, True, True)
    assert run.font.size.pt == 14  # type: ignore[union-attr]
    assert run.font.name == "Times New Roman"
    assert run.font.highlight_color == WD_COLOR_INDEX.YELLOW
    fmt = first.paragraph_format
    assert fmt.alignment == WD_ALIGN_PARAGRAPH.CENTER
    assert fmt.line_spacing == 2.0
    assert fmt.left_indent is not None and fmt.first_line_indent is not None
    assert (fmt.left_indent.twips, fmt.first_line_indent.twips) == (567, -283)
    assert first.style.name == "Heading 1"  # type: ignore[union-attr]
    assert [r.text for r in second.runs] == ["Pada hari ini ", "Senin", ","]
    assert [r.bold for r in second.runs] == [None, True, None]
    assert third.text == "a\tb\nc"
    assert third._p.xpath("./w:r/w:tab") and third._p.xpath("./w:r/w:br")


# -- numbering -------------------------------------------------------------------------------------


def test_auto_numbered_pasal_and_ayat_restart_per_pasal(tmp_path: Path) -> None:
    path = _build(tmp_path, "clean-pks-3pihak")
    numbering = _xml(path, "word/numbering.xml")
    abstract = {
        el.get(W + "abstractNumId"): el.find("w:lvl[@w:ilvl='0']/w:lvlText", NS).get(W + "val")  # type: ignore[union-attr]
        for el in numbering.findall("w:abstractNum", NS)
    }
    num_to_text = {
        el.get(W + "numId"): abstract[el.find("w:abstractNumId", NS).get(W + "val")]  # type: ignore[union-attr]
        for el in numbering.findall("w:num", NS)
    }
    body = _xml(path, "word/document.xml").find("w:body", NS)
    assert body is not None
    used: dict[str, list[str]] = {}
    for num_id in _xp(body, "./w:p/w:pPr/w:numPr[w:ilvl/@w:val='0']/w:numId/@w:val"):
        used.setdefault(str(num_to_text[num_id]), []).append(str(num_id))
    spec = load_spec("clean-pks-3pihak")
    presets = [item.get("preset") for item in spec["body"] if isinstance(item, dict)]
    assert len(used["Pasal %1"]) == presets.count("pasal") == 13
    assert len(set(used["Pasal %1"])) == 1  # one continuous list for the pasal headings
    # every pasal's ayat list is its own w:num restarting at 1
    assert len(set(used["(%1)"])) == presets.count("ayat1")
    overrides = _xp(numbering, "./w:num[w:lvlOverride/w:startOverride/@w:val='1']/@w:numId")
    assert set(used["(%1)"]) <= set(overrides)
    pasal_num = used["Pasal %1"][0]
    headings = _xp(body, f"./w:p[w:pPr/w:numPr/w:numId/@w:val='{pasal_num}']")
    assert {h.xpath("string(.)") for h in headings} == {""}  # labels live in numbering.xml only


def test_unknown_list_is_rejected(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="unknown list 'ayat'"):
        _build(tmp_path, {"body": [{"text": "x", "list": "ayat"}]})


# -- tables, header, footer, image -----------------------------------------------------------------


def test_signature_table_and_footer_paraf_table(tmp_path: Path) -> None:
    path = _build(tmp_path, "clean-pks")
    document = docx.Document(str(path))
    (table,) = document.tables
    assert [c.text for c in table.rows[0].cells] == ["PIHAK KEDUA,", "PIHAK KESATU,"]
    left = [p.text for p in table.cell(1, 0).paragraphs]
    assert left == [
        "Dekan Fakultas Hukum Universitas Contoh,",
        "",
        "Meterai Rp10.000",
        "",
        "Dr. NAMA DUA, M.H.",
    ]
    borders = table._tbl.xpath("./w:tblPr/w:tblBorders/*/@w:val")
    assert set(borders) == {"nil"}
    footer = document.sections[0].footer
    (paraf,) = footer.tables
    assert [c.text for c in paraf.rows[0].cells] == ["Paraf", "PIHAK KESATU", "PIHAK KEDUA"]
    assert set(paraf._tbl.xpath("./w:tblPr/w:tblBorders/*/@w:val")) == {"single"}
    assert paraf._tbl.xpath("string(./w:tblPr/w:jc/@w:val)") == "right"


def test_header_has_a_dash_page_field(tmp_path: Path) -> None:
    header = _xml(_build(tmp_path, "clean-pks"), "word/header1.xml")
    (para,) = header.findall("w:p", NS)
    assert [t.text for t in para.findall(".//w:t", NS)] == ["-", "1", "-"]
    assert [el.get(W + "fldCharType") for el in para.findall(".//w:fldChar", NS)] == [
        "begin",
        "separate",
        "end",
    ]
    assert para.findtext(".//w:instrText", namespaces=NS) == " PAGE "


def test_logos_are_inline_png_pictures(tmp_path: Path) -> None:
    path = _build(tmp_path, "clean-pks-3pihak")
    document = docx.Document(str(path))
    first = document.paragraphs[0]
    assert len(first._p.xpath(".//w:drawing/wp:inline")) == 3
    media = [name for name in _parts(path.read_bytes()) if name.startswith("word/media/")]
    assert len(media) == 3
    assert all(_parts(path.read_bytes())[m].startswith(b"\x89PNG") for m in media)


def test_no_logo_no_header_no_footer_when_absent(tmp_path: Path) -> None:
    parts = _parts(_build(tmp_path, {"body": ["x"]}).read_bytes())
    assert not [n for n in parts if n.startswith(("word/media/", "word/header", "word/footer"))]


# -- text boxes, comments, tracked changes ---------------------------------------------------------


def test_textbox_is_written_as_word_does(tmp_path: Path) -> None:
    path = _build(tmp_path, {"body": ["a", {"textbox": ["Logo PIHAK 1"]}, "b"]})
    body = _xml(path, "word/document.xml").find("w:body", NS)
    assert body is not None
    paragraphs = body.findall("w:p", NS)
    assert len(paragraphs) == 3
    alternate = paragraphs[1].find("w:r/mc:AlternateContent", NS)
    assert alternate is not None
    choice = alternate.find("mc:Choice", NS)
    assert choice is not None and choice.get("Requires") == "wps"
    assert choice.findtext(".//wps:txbx/w:txbxContent/w:p/w:r/w:t", namespaces=NS) == "Logo PIHAK 1"
    fallback_text = alternate.findtext(
        "mc:Fallback/w:pict/v:shape/v:textbox/w:txbxContent/w:p/w:r/w:t", namespaces=NS
    )
    assert fallback_text == "Logo PIHAK 1"


def test_comment_part_and_anchor(tmp_path: Path) -> None:
    path = _build(tmp_path, "defect-nk")
    document = docx.Document(str(path))
    comments = list(document.comments)
    assert [(c.author, c.text) for c in comments] == [
        ("Reviewer", "Nomor naskah belum diisi, mohon dilengkapi sebelum ditandatangani.")
    ]
    anchored = [p for p in document.paragraphs if p._p.xpath("./w:commentRangeStart")]
    assert [p.text for p in anchored] == ["Nomor: ……"]
    assert b'w:date="2024-01-01T00:00:00Z"' in _parts(path.read_bytes())["word/comments.xml"]


def test_tracked_insert_and_delete(tmp_path: Path) -> None:
    spec = {
        "body": [
            {
                "text": "Kalimat dengan ",
                "tracked": {"insert": "teks baru", "delete": "teks lama", "author": "A"},
            }
        ]
    }
    body = _xml(_build(tmp_path, spec), "word/document.xml").find("w:body", NS)
    assert body is not None
    para = body.find("w:p", NS)
    assert para is not None
    assert para.findtext("w:del/w:r/w:delText", namespaces=NS) == "teks lama"
    assert para.findtext("w:ins/w:r/w:t", namespaces=NS) == "teks baru"
    assert [el.get(W + "author") for el in para.findall("w:ins", NS)] == ["A"]
    kinds = [etree.QName(child).localname for child in para]
    assert kinds == ["pPr", "r", "del", "ins"]


def test_comments_outside_the_body_are_rejected(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="comments are supported on body paragraphs only"):
        _build(tmp_path, {"header": [{"text": "x", "comment": {"text": "c"}}]})


# -- derivations -----------------------------------------------------------------------------------


def test_defect_pks_derivation_applies_every_edit() -> None:
    spec = load_spec("defect-pks")
    texts = [paragraph_text(item) for item in spec["body"]]
    assert "Pasal 7" not in texts and "KEADAAN KAHAR" not in texts
    assert texts.index("Pasal 8") == texts.index("MONITORING DAN EVALUASI") - 1
    assert texts.index("Pasal 6") < texts.index("Pasal 8") < texts.index("Pasal 9")
    assert not any(t and t.startswith("NOMOR: 045/") for t in texts)
    assert "NOMOR: ……/PR.07-PKS/3313/2024" in texts
    assert "Pendidikan Pemilih dan Kajian Kepemiluan." in texts
    assert any(t and t.startswith("3.\tNAMA TIGA") for t in texts)
    opening = next(t for t in texts if t and t.startswith("Pada hari ini"))
    assert opening.startswith("Pada hari ini Rabu,") and "(09-07-2024)" in opening
    assert "fixture" not in spec and spec["name"] == "defect-pks"
    assert len(spec["defects"]) == 15


def test_replace_reaches_cells_header_footer_and_split_runs() -> None:
    spec = load_spec(
        {
            "header": [{"field": "PAGE", "text_before": "- ", "text_after": " -"}],
            "footer": [{"table": [["Paraf PIHAK KESATU"]]}],
            "body": [
                {"runs": [{"text": "hari ini "}, {"text": "Sen", "bold": True}, {"text": "in,"}]},
                {"table": [["PIHAK KESATU,", ["a", {"text": "PIHAK KESATU"}]]]},
            ],
            "replace": [["ini Senin", "ini Rabu"], ["KESATU", "PERTAMA"], ["- ", "—"]],
        }
    )
    assert [run["text"] for run in spec["body"][0]["runs"]] == ["hari ini Rabu", "", ","]
    assert spec["body"][1]["table"] == [["PIHAK PERTAMA,", ["a", {"text": "PIHAK PERTAMA"}]]]
    assert spec["footer"][0]["table"] == [["Paraf PIHAK PERTAMA"]]
    assert spec["header"][0]["text_before"] == "—"


@pytest.mark.parametrize(
    ("edits", "message"),
    [
        (
            {"replace": [["tidak ada di dokumen", "x"]]},
            "replace: 'tidak ada di dokumen' matches nothing",
        ),
        ({"remove": ["^Pasal 99$"]}, r"remove: '\^Pasal 99\$' matches no body paragraph"),
        ({"insert_after": [["^Pasal 99$", "x"]]}, "insert_after: .* matches no body paragraph"),
        ({"insert_before": [["^Pasal 99$", "x"]]}, "insert_before: .* matches no body paragraph"),
        ({"format": [["^Pasal 99$", {"bold": True}]]}, "format: .* matches no body paragraph"),
        ({"set": {"pages": {}}}, r"set: unknown keys \['pages'\]"),
        ({"bogus": 1}, "unknown keys"),
    ],
)
def test_edits_that_match_nothing_raise(edits: dict[str, Any], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        load_spec({"base": "clean-pks", **edits})


def test_edit_order_and_set_deep_merge() -> None:
    spec = load_spec(
        {
            "base": "clean-nk",
            "replace": [["PEMERINTAH PROVINSI CONTOH", "PEMERINTAH PROVINSI LAIN"]],
            "remove": ["^TENTANG$"],
            "insert_after": [["^PEMERINTAH PROVINSI LAIN$", "SISIPAN"]],
            "insert_before": [["^SISIPAN$", "SEBELUM"]],
            "format": [["^SISIPAN$", {"bold": True}]],
            "set": {"page": {"margins_cm": {"left": 4}}, "font": {"size": 11}},
        }
    )
    texts = [paragraph_text(item) for item in spec["body"][:8]]
    assert texts == [
        "NOTA KESEPAHAMAN",
        "ANTARA",
        "KOMISI PEMILIHAN UMUM PROVINSI CONTOH",
        "DAN",
        "PEMERINTAH PROVINSI LAIN",
        "SEBELUM",
        "SISIPAN",
        "DUKUNGAN FASILITASI PENYELENGGARAAN PEMILIHAN TAHUN 2024",
    ]
    assert spec["body"][6] == {"text": "SISIPAN", "bold": True}
    assert spec["page"] == {
        "size": "F4",
        "margins_cm": {"top": 2, "bottom": 2.5, "left": 4, "right": 2},
    }
    assert spec["font"] == {"name": "Bookman Old Style", "size": 11}


def test_base_cycle_and_missing_spec_are_errors(tmp_path: Path) -> None:
    (tmp_path / "a.yml").write_text("base: b\n", encoding="utf-8")
    (tmp_path / "b.yml").write_text("base: a\n", encoding="utf-8")
    with pytest.raises(ValueError, match="spec base cycle: a -> b -> a"):
        load_spec("a", tmp_path)
    with pytest.raises(ValueError, match="spec file not found"):
        load_spec("tidak-ada", tmp_path)


def test_unknown_paragraph_key_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match=r"unknown keys \['txt'\]"):
        _build(tmp_path, {"body": [{"txt": "x"}]})


def test_build_from_case_builds_a_case_document(tmp_path: Path) -> None:
    out = build_from_case(
        {"base": "clean-pks", "replace": [["hari ini Senin", "hari ini Rabu"]]}, tmp_path / "c.docx"
    )
    texts = [p.text for p in docx.Document(str(out)).paragraphs]
    assert any(t.startswith("Pada hari ini Rabu, tanggal delapan bulan Juli") for t in texts)
    assert not any("hari ini Senin" in t for t in texts)


# -- determinism and the committed fixtures ------------------------------------------------------


def test_building_twice_gives_identical_bytes(tmp_path: Path) -> None:
    first = _build(tmp_path, "defect-nk", "one").read_bytes()
    second = _build(tmp_path, "defect-nk", "two").read_bytes()
    assert first == second
    core = _parts(first)["docProps/core.xml"].decode()
    assert "<dc:creator>naskah-lint fixtures</dc:creator>" in core
    assert "2024-01-01T00:00:00Z" in core


def test_fixture_spec_list_is_the_expected_one() -> None:
    names = sorted(p.stem for p in SPECS.glob("*.yml") if load_spec(p.stem).get("fixture", True))
    assert names == FIXTURE_NAMES


@pytest.mark.parametrize("name", FIXTURE_NAMES)
def test_committed_fixture_is_up_to_date(tmp_path: Path, name: str) -> None:
    committed = FIXTURES / f"{name}.docx"
    assert committed.exists(), f"missing {committed}: run python fixtures/build.py"
    rebuilt = _build(tmp_path, name).read_bytes()
    assert _parts(rebuilt) == _parts(committed.read_bytes()), (
        f"{committed.name} is stale: run python fixtures/build.py"
    )


@pytest.mark.parametrize("name", FIXTURE_NAMES)
def test_fixture_reads_back_with_python_docx(name: str) -> None:
    document = docx.Document(str(FIXTURES / f"{name}.docx"))
    spec = load_spec(name)
    top_level = [paragraph_text(item) or "" for item in spec["body"]]
    texts = [p.text for p in document.paragraphs if p.text.strip()]
    assert texts == [t for t in top_level if t.strip()]


@pytest.mark.slow
def test_fixtures_open_in_libreoffice(tmp_path: Path) -> None:
    soffice = shutil.which("soffice")
    if soffice is None:
        pytest.skip("LibreOffice is not installed")
    files = [str(FIXTURES / f"{name}.docx") for name in FIXTURE_NAMES]
    subprocess.run(
        [
            soffice,
            f"-env:UserInstallation=file://{tmp_path}/lo",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            *files,
        ],
        check=True,
        capture_output=True,
        timeout=240,
    )
    for name in FIXTURE_NAMES:
        pdf = (tmp_path / f"{name}.pdf").read_bytes()
        pages = re.findall(rb"/Type\s*/Page[^s]", pdf)
        assert pdf.startswith(b"%PDF") and len(pages) >= 2, name
