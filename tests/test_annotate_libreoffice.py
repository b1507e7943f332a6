"""Annotated copies opened by a real client: LibreOffice renders them and keeps every comment."""

from __future__ import annotations

import zipfile
from collections import Counter
from pathlib import Path

import pytest
from lxml import etree
from soffice import SOFFICE, convert
from test_annotate import FINDINGS, STRESS, finding, make_draft

from naskah_lint.findings import Finding, Location, Severity
from naskah_lint.reader import read_document
from naskah_lint.writer.annotate import AUTHOR, annotate, annotated_path

AGREEMENTS = STRESS.parent / "agreements"
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed"),
]


def _comment_count(path: Path) -> int:
    with zipfile.ZipFile(path) as zf:
        if "word/comments.xml" not in zf.namelist():
            return 0
        root = etree.fromstring(zf.read("word/comments.xml"))
    return len(list(root.iter(f"{{{W}}}comment")))


def _every_block(src: Path) -> list[Finding]:
    """A finding on every non-empty body block (spans on the first word), plus a footer one."""
    document = read_document(src)
    out: list[Finding] = []
    for b in document.body:
        if not b.text.strip():
            continue
        word_end = len(b.text.split()[0]) if b.text.split() else 0
        start = b.text.index(b.text.split()[0]) if word_end else 0
        out.append(
            Finding(
                rule="FMT-X",
                severity=Severity.WARNING,
                message=f'blok {b.index}: 100% "kutip" & <tanda>',
                location=Location(
                    story="body", block=b.index, run_start=start, run_end=start + word_end
                ),
            )
        )
    out.append(finding("FMT-FONT", story="footer", block=1))
    out.append(finding("CLAUSE-MONEV", block=None, part="dokumen"))
    return out


def _cases() -> list[str]:
    names = ["fixture"]
    names += [f"agreements/{p.name}" for p in sorted(AGREEMENTS.glob("*.docx"))[:3]]
    names += ["stress/apache-poi__SimpleMacro.docm", "stress/apache-poi__60316.dotx"]
    return names


@pytest.mark.parametrize("case", _cases())
def test_libreoffice_renders_and_keeps_every_comment(case: str, tmp_path: Path) -> None:
    if case == "fixture":
        src = make_draft(tmp_path / "in" / "draf pks.docx")
        findings: list[Finding] = list(FINDINGS)
    else:
        src = STRESS.parent / case
        if not src.exists():
            pytest.skip(f"corpus file {case} not found")
        findings = _every_block(src)
    dest = annotated_path(tmp_path / "out", src.name)
    annotate(src, findings, dest, "id")
    copy = read_document(dest)
    ours = [c for c in copy.comments if c.author == AUTHOR]
    assert len(ours) == len(findings)
    pdf = convert(dest, "pdf", tmp_path / "pdf")
    assert pdf.read_bytes().startswith(b"%PDF")
    back = convert(dest, "docx", tmp_path / "roundtrip")
    assert _comment_count(back) == _comment_count(dest) == len(copy.comments)
    # LibreOffice drops the text (not the comment) of comments anchored inside content controls
    # that still show their placeholder (w:showingPlcHdr, as in Word templates): compare the rest.
    limited = _in_placeholder_controls(dest)
    expected = Counter(c.text for c in ours if c.id not in limited)
    again = Counter(c.text for c in read_document(back).comments if c.author == AUTHOR)
    assert expected <= again
    if case == "fixture":
        assert not limited
        assert again == Counter(c.text for c in ours)


def _in_placeholder_controls(path: Path) -> set[str]:
    """Ids of comments whose range starts inside a content control showing its placeholder."""
    with zipfile.ZipFile(path) as zf:
        root = etree.fromstring(zf.read("word/document.xml"))
    out = set()
    for start in root.iter(f"{{{W}}}commentRangeStart"):
        for sdt in start.iterancestors(f"{{{W}}}sdt"):
            if sdt.find(f"{{{W}}}sdtPr/{{{W}}}showingPlcHdr") is not None:
                out.add(str(start.get(f"{{{W}}}id")))
    return out
