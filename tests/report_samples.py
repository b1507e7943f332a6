"""A fixed, hand-built pack and report for the reporter tests (golden files, escaping cases)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from kindkit import outline

from naskah_lint.engine.api import Pack, PackData, RuleSpec, Text
from naskah_lint.findings import FileError, FileResult, Finding, Location, Report, Severity
from naskah_lint.outline.model import Title


def rule(
    rule_id: str,
    severity: Severity,
    title: tuple[str, str],
    doc: tuple[str, str] = ("Penjelasan aturan.", "Why the rule exists."),
    applies_to: tuple[str, ...] = ("NK", "PKS"),
) -> RuleSpec:
    """A RuleSpec with every field filled."""
    return RuleSpec(
        id=rule_id,
        group=rule_id.split("-", 1)[0],
        title=Text(*title),
        severity=severity,
        severity_final=None,
        applies_to=applies_to,
        languages=("id",),
        kind="test",
        params=None,
        messages={"default": Text("pesan", "message")},
        suggestion=None,
        doc=Text(*doc),
        source="ANRI 7/2018 [V]",
        confidence="verified",
        example_bad=Text("Pada hari ini Rabu, tanggal 8 ...", "On Wednesday, 8 ..."),
        example_good=Text("Pada hari ini Senin, tanggal delapan ...", "On Monday, the eighth ..."),
    )


PACK = Pack(
    name="kpu-1068-2023",
    version="1",
    title=Text("Pedoman KPU 1068/2023", "KPU guideline 1068/2023"),
    rules=(
        rule("STRUCT-TITLE", Severity.WARNING, ("Judul sesuai pedoman", "Title per the guideline")),
        rule(
            "CONS-WEEKDAY-DATE",
            Severity.ERROR,
            ("Hari sesuai tanggal", "Weekday matches the date"),
            doc=("Nama hari harus cocok dengan tanggal <b>.", "The weekday must fit the date."),
        ),
        rule("CLAUSE-MONEV", Severity.INFO, ("Pasal monev", "Monitoring clause")),
        rule(
            "FMT-FONT",
            Severity.WARNING,
            ("Huruf badan naskah", "Body font"),
            applies_to=("NK", "PKS", "OTHER"),
        ),
        rule("CONS-AYAT-SEQUENCE", Severity.ERROR, ("Urutan ayat", "Paragraph sequence")),
    ),
    data=PackData("kpu-1068-2023", "1", {}),
)

OUTLINE = outline(
    title=Title(
        lines=("PERJANJIAN KERJA SAMA",),
        blocks=(3, 4),
        kind_text="PERJANJIAN KERJA SAMA",
        institutions=(),
        perihal=None,
    ),
    parts=((3, "judul"), (10, "pembukaan"), (20, "pasal")),
)

# Messages and paths with every character the CI formats must escape.
TRICKY = "Hari 'Rabu' tidak sesuai: 8 Juli 2024 (Senin), bukan 100%\nbaris kedua\r<b>&"

FINDINGS_A = (
    Finding(
        rule="CLAUSE-MONEV",
        severity=Severity.INFO,
        message="Pasal monitoring dan evaluasi tidak ditemukan.",
        location=Location(story="body", block=None, part="dokumen", label="Dokumen"),
        fingerprint="CLAUSE-MONEV:dokumen:0",
    ),
    Finding(
        rule="CONS-WEEKDAY-DATE",
        severity=Severity.ERROR,
        message=TRICKY,
        location=Location(
            story="body",
            block=12,
            part="pembukaan",
            label="Pembukaan, paragraf 12",
            excerpt="Pada hari ini Rabu, tanggal delapan bulan Juli …",
        ),
        fingerprint="CONS-WEEKDAY-DATE:pembukaan:a1b2:0",
        suggestion="Tulis hari Senin.",
    ),
    Finding(
        rule="CONS-AYAT-SEQUENCE",
        severity=Severity.ERROR,
        message="Ayat (3) muncul setelah ayat (1); ayat (2) hilang.",
        location=Location(
            story="body",
            block=31,
            part="pasal",
            pasal=5,
            ayat=2,
            label="Pasal 5 ayat (2), paragraf 31",
            excerpt="(3) PARA PIHAK …",
        ),
        fingerprint="CONS-AYAT-SEQUENCE:pasal/jangka-waktu:c3d4:0",
        clause="jangka-waktu",
    ),
    Finding(
        rule="FMT-FONT",
        severity=Severity.WARNING,
        message="Huruf 'Calibri' 10 pt; gunakan Arial atau Bookman Old Style 12 pt.",
        location=Location(
            story="footer", block=2, part="dokumen", label="Kaki halaman, paragraf 2"
        ),
        fingerprint="FMT-FONT:footer:e5f6:0",
    ),
    Finding(
        rule="META-UNUSED-SUPPRESSION",
        severity=Severity.WARNING,
        message="Komentar 'naskah-lint: abaikan FMT' tidak membungkam apa pun.",
        location=Location(story="body", block=40, part="penutup", label="Penutup, paragraf 40"),
        fingerprint="META-UNUSED-SUPPRESSION:penutup:0",
    ),
)


def sample_report(lang: str = "id", **overrides: Any) -> Report:
    """Three files: findings (a space in the path), clean (non-ASCII path), unreadable."""
    files = (
        FileResult(
            path="drafts/pks universitas.docx",
            sha256="0" * 64,
            document_type="PKS",
            findings=FINDINGS_A,
            outline=OUTLINE,
            suppressed=1,
            rules_run=tuple(r.id for r in PACK.rules),
        ),
        FileResult(
            path="drafts/Nota Kesepahaman Jawa Tengah – édisi.docx",
            sha256="1" * 64,
            document_type="NK",
            rules_run=tuple(r.id for r in PACK.rules),
        ),
        FileResult(
            path="rusak, lama:1.docx",
            sha256=None,
            document_type=None,
            error=FileError(
                "CORRUPT", "berkas rusak (zip terpotong): buka dan simpan ulang di Word"
            ),
        ),
    )
    values: dict[str, Any] = {
        "files": files,
        "tool_version": "0.1.0",
        "profile_name": "kpu-1068-2023",
        "profile_version": "1",
        "lang": lang,
    }
    values.update(overrides)
    return Report(**values)


GOLDEN = Path(__file__).parent / "golden" / "reports"


def check_golden(name: str, text: str) -> None:
    """Compare with tests/golden/reports/NAME; rewrite it when NASKAH_UPDATE_GOLDEN=1."""
    path = GOLDEN / name
    if os.environ.get("NASKAH_UPDATE_GOLDEN") == "1":
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(text.encode("utf-8"))
        return
    assert path.exists(), f"missing golden file {path}: run with NASKAH_UPDATE_GOLDEN=1"
    assert text == path.read_bytes().decode("utf-8"), f"{name} differs from golden"
