"""Annotated copies: every finding a Word comment on the right block, never over the input."""

from __future__ import annotations

import hashlib
import os
import stat
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from naskah_lint.errors import OutputError
from naskah_lint.findings import Finding, Location, Severity
from naskah_lint.reader import read_document
from naskah_lint.writer.annotate import AUTHOR, annotate, annotated_path

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
STRESS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus" / "stress"
STRICT_FILES = [
    "python-mammoth__strict-format.docx",
    "docx2python__strict.docx",
    "pandoc__command-7691.docx",
]
VML_TEXTBOX = (
    '<w:r xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
    'xmlns:v="urn:schemas-microsoft-com:vml"><w:pict><v:shape style="width:100pt;height:40pt">'
    "<v:textbox><w:txbxContent><w:p><w:r><w:t>isi kotak</w:t></w:r></w:p></w:txbxContent>"
    "</v:textbox></v:shape></w:pict></w:r>"
)


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def make_draft(path: Path, human_comment: bool = False) -> Path:
    """Body: 1 empty, 2 title, 3 opening in three runs, 4 no runs, 5 holds a text box (textbox
    story block 1), 6 after it; a header and a footer paragraph."""
    import docx
    from docx.oxml import parse_xml

    d = docx.Document()
    d.add_paragraph("")
    d.add_paragraph("PERJANJIAN KERJA SAMA")
    p = d.add_paragraph("Pada hari ini ")
    p.add_run("Rabu").bold = True
    p.add_run(", tanggal delapan bulan Juli.")
    d.add_paragraph()
    box = d.add_paragraph("Paragraf dengan kotak teks ")
    box._p.append(parse_xml(VML_TEXTBOX))
    last = d.add_paragraph("Demikian perjanjian ini dibuat.")
    d.sections[0].header.paragraphs[0].text = "kepala"
    d.sections[0].footer.paragraphs[0].text = "kaki"
    if human_comment:
        d.add_comment(last.runs, text="Mohon dicek.", author="Reviewer KPU", initials="RK")
    path.parent.mkdir(parents=True, exist_ok=True)
    d.save(str(path))
    return path


def finding(rule: str, story: str = "body", block: int | None = None, **loc: object) -> Finding:
    return Finding(
        rule=rule,
        severity=Severity.WARNING,
        message=f"pesan {rule}",
        location=Location(story=story, block=block, **loc),  # type: ignore[arg-type]
    )


FINDINGS = (
    finding("CLAUSE-MONEV", block=None, part="dokumen"),
    finding("FMT-TITLE-CENTER", block=2, part="judul"),
    finding("CONS-WEEKDAY-DATE", block=3, part="pembukaan", run_start=14, run_end=18),
    finding("FMT-EMPTY", block=4),
    finding("FMT-FONT", story="footer", block=1),
    finding("FMT-PAGE-NUMBER", story="header", block=1),
    finding("FMT-BOX", story="textbox", block=1),
    finding("STRUCT-PENUTUP", block=6, part="penutup"),
)


@pytest.fixture
def draft(tmp_path: Path) -> Path:
    """A folder holding in/draf pks.docx (see make_draft)."""
    make_draft(tmp_path / "in" / "draf pks.docx")
    return tmp_path


def _comments_xml(path: Path) -> etree._Element:
    with zipfile.ZipFile(path) as zf:
        return etree.fromstring(zf.read("word/comments.xml"))


def _body_xml(path: Path) -> etree._Element:
    with zipfile.ZipFile(path) as zf:
        return etree.fromstring(zf.read("word/document.xml"))


# --- paths ------------------------------------------------------------------------------------


def test_annotated_path_mirrors_inputs(tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert annotated_path(out, "drafts/pks.docx") == out / "drafts" / "pks.naskah-lint.docx"
    assert annotated_path(out, "pks.docx") == out / "pks.naskah-lint.docx"
    assert annotated_path(out, "a/./b/../c/x.DOCX") == out / "a" / "c" / "x.naskah-lint.docx"
    assert annotated_path(out, "../luar/x.docx") == out / "_up" / "luar" / "x.naskah-lint.docx"
    assert annotated_path(out, "/srv/naskah/x.docx") == out / "_abs" / "srv" / "naskah" / (
        "x.naskah-lint.docx"
    )
    assert annotated_path(out, "C:\\Naskah\\y.docx") == out / "_abs" / "C" / "Naskah" / (
        "y.naskah-lint.docx"
    )
    assert annotated_path(out, "m.docm") == out / "m.naskah-lint.docm"
    assert annotated_path(out, "t.dotx") == out / "t.naskah-lint.dotx"
    assert annotated_path(out, "lama.doc") == out / "lama.naskah-lint.docx"
    for given in ("../../x.docx", "/x.docx", "a/../../../x.docx"):
        resolved = annotated_path(out, given).resolve()
        assert resolved.is_relative_to(out.resolve()), given


def test_annotated_path_rejects_empty_name(tmp_path: Path) -> None:
    with pytest.raises(OutputError):
        annotated_path(tmp_path, "")


# --- comments ---------------------------------------------------------------------------------


def test_every_finding_becomes_a_comment_on_the_right_block(draft: Path) -> None:
    src = draft / "in" / "draf pks.docx"
    before = _sha(src)
    dest = annotated_path(draft / "out", "in/draf pks.docx")
    annotate(src, FINDINGS, dest, "id")
    assert _sha(src) == before
    comments = read_document(dest).comments
    assert [c.author for c in comments] == [AUTHOR] * len(FINDINGS)
    assert {c.initials for c in comments} == {"NL"}
    assert [(c.anchor_story, c.anchor_block) for c in comments] == [
        ("body", 2),  # whole document: first non-empty paragraph (no outline given)
        ("body", 2),
        ("body", 3),
        ("body", 4),  # a paragraph without runs gets an empty run
        ("body", 2),  # footer: first body paragraph, text names the story
        ("body", 2),  # header
        ("body", 5),  # text box: its anchor paragraph
        ("body", 6),
    ]
    assert [c.text for c in comments] == [
        "[Dokumen] CLAUSE-MONEV (peringatan): pesan CLAUSE-MONEV",
        "FMT-TITLE-CENTER (peringatan): pesan FMT-TITLE-CENTER",
        "CONS-WEEKDAY-DATE (peringatan): pesan CONS-WEEKDAY-DATE",
        "FMT-EMPTY (peringatan): pesan FMT-EMPTY",
        "[Kaki halaman, paragraf 1] FMT-FONT (peringatan): pesan FMT-FONT",
        "[Kepala halaman, paragraf 1] FMT-PAGE-NUMBER (peringatan): pesan FMT-PAGE-NUMBER",
        "[Kotak teks, paragraf 1] FMT-BOX (peringatan): pesan FMT-BOX",
        "STRUCT-PENUTUP (peringatan): pesan STRUCT-PENUTUP",
    ]


def test_the_copy_is_an_ordinary_readable_file(draft: Path) -> None:
    dest = draft / "out" / "copy.naskah-lint.docx"
    annotate(draft / "in" / "draf pks.docx", FINDINGS[:1], dest, "id")
    assert stat.S_IMODE(dest.stat().st_mode) == 0o644  # not mkstemp's private 0600
    assert [p.name for p in dest.parent.iterdir()] == ["copy.naskah-lint.docx"]


def test_whole_document_findings_go_on_the_given_title_block(draft: Path) -> None:
    dest = draft / "out.docx"
    annotate(draft / "in" / "draf pks.docx", FINDINGS[:1], dest, "id", title_block=3)
    [comment] = read_document(dest).comments
    assert comment.anchor_block == 3


def test_span_anchors_only_the_offending_run(draft: Path) -> None:
    dest = draft / "out.docx"
    annotate(draft / "in" / "draf pks.docx", FINDINGS[2:3], dest, "id")
    paragraphs = list(_body_xml(dest).iter(f"{{{W}}}p"))
    opening = paragraphs[2]
    sequence = [
        el.tag.split("}")[1] + (":" + "".join(el.itertext()) if el.tag == f"{{{W}}}r" else "")
        for el in opening
        if el.tag != f"{{{W}}}pPr"
    ]
    assert sequence == [
        "r:Pada hari ini ",
        "commentRangeStart",
        "r:Rabu",
        "commentRangeEnd",
        "r:",  # the reference run
        "r:, tanggal delapan bulan Juli.",
    ]


def test_suggestion_and_language(draft: Path) -> None:
    f = Finding(
        rule="CONS-WEEKDAY-DATE",
        severity=Severity.ERROR,
        message="Weekday is wrong\r\nsecond line\x0b",
        location=Location(story="footer", block=1),
        suggestion="Write Monday.",
    )
    dest = draft / "en.docx"
    annotate(draft / "in" / "draf pks.docx", [f], dest, "en")
    [comment] = read_document(dest).comments
    assert comment.text == (
        "[Footer, paragraph 1] CONS-WEEKDAY-DATE (error): Weekday is wrong\nsecond line\n"
        "Suggestion: Write Monday."
    )


def test_reannotating_replaces_our_comments_and_keeps_others(tmp_path: Path) -> None:
    src = make_draft(tmp_path / "draf.docx", human_comment=True)
    first = tmp_path / "a" / "draf.naskah-lint.docx"
    annotate(src, FINDINGS, first, "id")
    assert len(read_document(first).comments) == len(FINDINGS) + 1
    second = tmp_path / "b" / "draf.naskah-lint.docx"
    annotate(first, FINDINGS[:2], second, "id")
    comments = read_document(second).comments
    assert sorted(c.author for c in comments) == ["Reviewer KPU", AUTHOR, AUTHOR]
    human = next(c for c in comments if c.author == "Reviewer KPU")
    assert (human.text, human.anchor_block) == ("Mohon dicek.", 6)
    # no dangling markers of the removed comments
    ids = {c.get(f"{{{W}}}id") for c in _comments_xml(second).iter(f"{{{W}}}comment")}
    body = _body_xml(second)
    for tag in ("commentRangeStart", "commentRangeEnd", "commentReference"):
        assert {el.get(f"{{{W}}}id") for el in body.iter(f"{{{W}}}{tag}")} == ids


def test_deterministic_copy(draft: Path) -> None:
    src = draft / "in" / "draf pks.docx"
    annotate(src, FINDINGS, draft / "1.docx", "id")
    annotate(src, FINDINGS, draft / "2.docx", "id")
    assert (draft / "1.docx").read_bytes() == (draft / "2.docx").read_bytes()


def test_no_findings_still_gives_a_copy(draft: Path) -> None:
    dest = draft / "x" / "y" / "copy.docx"
    annotate(draft / "in" / "draf pks.docx", [], dest, "id")
    assert read_document(dest).comments == ()
    assert not [p for p in dest.parent.iterdir() if p.name.endswith(".tmp")]


# --- safety -----------------------------------------------------------------------------------


def test_never_overwrites_the_input(draft: Path) -> None:
    src = draft / "in" / "draf pks.docx"
    before = _sha(src)
    with pytest.raises(OutputError) as info:
        annotate(src, FINDINGS, src, "id")
    assert "\n" not in str(info.value)
    with pytest.raises(OutputError):
        annotate(src, FINDINGS, draft / "in" / "." / "draf pks.docx", "id")
    link = draft / "link.docx"
    os.link(src, link)
    with pytest.raises(OutputError):
        annotate(src, FINDINGS, link, "id")
    sym = draft / "sym.docx"
    sym.symlink_to(src)
    with pytest.raises(OutputError):
        annotate(src, FINDINGS, sym, "id")
    assert _sha(src) == before


def test_unwritable_destination_is_one_line(draft: Path) -> None:
    blocker = draft / "blocker"
    blocker.write_text("not a folder")
    with pytest.raises(OutputError) as info:
        annotate(draft / "in" / "draf pks.docx", FINDINGS, blocker / "x.docx", "id")
    message = str(info.value)
    assert "\n" not in message
    assert "tidak dapat ditulis" in message


def test_unreadable_source_is_an_output_error(tmp_path: Path) -> None:
    bad = tmp_path / "bad.docx"
    bad.write_bytes(b"PK\x03\x04 broken")
    with pytest.raises(OutputError):
        annotate(bad, FINDINGS, tmp_path / "out.docx", "id")
    assert not (tmp_path / "out.docx").exists()


# --- real files: strict, templates, macros ----------------------------------------------------


@pytest.mark.parametrize("name", STRICT_FILES)
def test_strict_ooxml_is_refused(name: str, tmp_path: Path) -> None:
    src = STRESS / name
    if not src.exists():
        pytest.skip(f"corpus file {name} not found")
    with pytest.raises(OutputError) as info:
        annotate(src, FINDINGS[:1], tmp_path / "x.docx", "id")
    assert "Strict" in str(info.value)
    assert "\n" not in str(info.value)
    assert not (tmp_path / "x.docx").exists()


def _main_type(path: Path) -> str:
    with zipfile.ZipFile(path) as zf:
        types = etree.fromstring(zf.read("[Content_Types].xml"))
    ns = "{http://schemas.openxmlformats.org/package/2006/content-types}"
    return next(
        str(o.get("ContentType"))
        for o in types.iter(f"{ns}Override")
        if str(o.get("ContentType", "")).endswith("main+xml")
        and "glossary" not in str(o.get("PartName", ""))
    )


@pytest.mark.parametrize(
    ("name", "kind"),
    [("apache-poi__60316.dotx", "dotx"), ("apache-poi__SimpleMacro.docm", "docm")],
)
def test_templates_and_macro_documents_keep_their_kind(
    name: str, kind: str, tmp_path: Path
) -> None:
    src = STRESS / name
    if not src.exists():
        pytest.skip(f"corpus file {name} not found")
    before = _sha(src)
    document = read_document(src)
    blocks = [b.index for b in document.body if b.text.strip()][:3]
    findings = [finding("FMT-X", block=i) for i in blocks]
    dest = annotated_path(tmp_path, name)
    assert dest.suffix == f".{kind}"
    annotate(src, findings, dest, "id")
    assert _sha(src) == before
    copy = read_document(dest)
    assert copy.package_kind == kind
    assert _main_type(dest) == _main_type(src)
    assert [c.anchor_block for c in copy.comments] == blocks
    with zipfile.ZipFile(src) as a, zipfile.ZipFile(dest) as b:
        kept = {n for n in a.namelist() if "vbaProject" in n or "glossary" in n}
        assert kept <= set(b.namelist())


W14 = "http://schemas.microsoft.com/office/word/2010/wordml"
W15 = "http://schemas.microsoft.com/office/word/2012/wordml"


def _add_comments_extended(path: Path, keep_para_id: str) -> None:
    """Give every comment paragraph a w14:paraId and add Word's commentsExtended side part with
    one entry per comment plus one for a paragraph that is not ours (as Word does on save)."""
    with zipfile.ZipFile(path) as zf:
        parts = {n: zf.read(n) for n in zf.namelist()}
    comments = etree.fromstring(parts["word/comments.xml"])
    para_ids = []
    for i, p in enumerate(comments.iter(f"{{{W}}}p")):
        para_ids.append(f"{i + 1:08X}")
        p.set(f"{{{W14}}}paraId", para_ids[-1])
    parts["word/comments.xml"] = etree.tostring(comments, xml_declaration=True, encoding="UTF-8")
    entries = "".join(f'<w15:commentEx w15:paraId="{p}" w15:done="0"/>' for p in para_ids)
    entries += f'<w15:commentEx w15:paraId="{keep_para_id}" w15:done="1"/>'
    parts["word/commentsExtended.xml"] = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        f'<w15:commentsEx xmlns:w15="{W15}">{entries}</w15:commentsEx>'
    ).encode()
    rels = parts["word/_rels/document.xml.rels"].decode()
    rels = rels.replace(
        "</Relationships>",
        '<Relationship Id="rIdX15" Type="http://schemas.microsoft.com/office/2011/relationships/'
        'commentsExtended" Target="commentsExtended.xml"/></Relationships>',
    )
    parts["word/_rels/document.xml.rels"] = rels.encode()
    types = parts["[Content_Types].xml"].decode()
    types = types.replace(
        "</Types>",
        '<Override PartName="/word/commentsExtended.xml" ContentType="application/'
        'vnd.openxmlformats-officedocument.wordprocessingml.commentsExtended+xml"/></Types>',
    )
    parts["[Content_Types].xml"] = types.encode()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in parts.items():
            zf.writestr(name, data)


def test_reannotating_cleans_word_side_parts(draft: Path) -> None:
    first = draft / "first.docx"
    annotate(draft / "in" / "draf pks.docx", FINDINGS[:3], first, "id")
    _add_comments_extended(first, keep_para_id="7ABCDEF0")
    second = draft / "second.docx"
    annotate(first, FINDINGS[3:4], second, "id")
    assert [c.text for c in read_document(second).comments] == [
        "FMT-EMPTY (peringatan): pesan FMT-EMPTY"
    ]
    with zipfile.ZipFile(second) as zf:
        extended = etree.fromstring(zf.read("word/commentsExtended.xml"))
    assert [e.get(f"{{{W15}}}paraId") for e in extended] == ["7ABCDEF0"]


def test_an_annotated_copy_lints_like_its_draft(tmp_path: Path) -> None:
    """Our own comments are never linted: checking the copy again finds exactly the same."""
    from naskah_lint.api import lint_file, prepared_pack
    from naskah_lint.config import Settings
    from naskah_lint.model import Story

    src = Path(__file__).resolve().parents[1] / "fixtures" / "defect-nk.docx"
    settings = Settings()
    pack = prepared_pack(settings)
    before = lint_file(src, settings, pack)
    assert len(before.findings) > 10
    dest = tmp_path / "defect-nk.naskah-lint.docx"
    annotate(src, before.findings, dest, "id")
    doc = read_document(dest)
    assert sum(c.author == AUTHOR for c in doc.comments) == len(before.findings)
    assert [b.text for b in doc.story(Story.COMMENT)] == [
        "Nomor naskah belum diisi, mohon dilengkapi sebelum ditandatangani."
    ]  # the reviewer's comment only
    after = lint_file(dest, settings, pack)
    key = [(f.rule, f.location.story, f.location.block, f.message) for f in before.findings]
    assert [(f.rule, f.location.story, f.location.block, f.message) for f in after.findings] == key


def test_an_unwritable_destination_is_one_line_in_the_users_language(draft: Path) -> None:
    blocker = draft / "out"
    blocker.write_text("a file where a folder should be")
    with pytest.raises(OutputError) as info:
        annotate(draft / "in" / "draf pks.docx", FINDINGS[:1], blocker / "x.docx", "id")
    message = str(info.value)
    assert message.startswith(f"{blocker / 'x.docx'}: salinan beranotasi tidak dapat ditulis (")
    assert "No such" not in message and "Not a directory" not in message
    assert "\n" not in message
