"""`rules`, `explain`, `outline`, `--version`/`--help`, and the text report's rendering."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from naskah_lint import __version__
from naskah_lint.cli import main
from naskah_lint.engine.loader import load_pack
from naskah_lint.findings import FileError, FileResult, Finding, Location, Report, Severity
from naskah_lint.report import text


def _invoke(*args: str) -> Result:
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def test_rules_json_is_the_catalogue_in_the_chosen_language() -> None:
    result = _invoke("rules", "--format", "json")
    assert result.exit_code == 0
    entries = json.loads(result.stdout)
    pack = load_pack()
    assert [e["id"] for e in entries] == [r.id for r in pack.rules]
    font = next(e for e in entries if e["id"] == "FMT-FONT")
    assert list(font) == [
        "id",
        "group",
        "title",
        "severity",
        "applies_to",
        "source",
        "confidence",
        "doc",
        "example_bad",
        "example_good",
    ]
    assert font["title"] == "Jenis dan ukuran huruf isi naskah"
    assert (font["group"], font["severity"], font["confidence"]) == ("FMT", "warning", "verified")
    assert font["applies_to"] == ["NK", "PKS", "ADDENDUM", "OTHER"]
    english = json.loads(_invoke("rules", "--format", "json", "--lang", "en").stdout)
    assert next(e for e in english if e["id"] == "FMT-FONT")["title"] == "Body font family and size"


def test_rules_text_lists_every_rule() -> None:
    result = _invoke("rules")
    lines = result.stdout.splitlines()
    assert len(lines) == len(load_pack().rules)
    paper = next(line for line in lines if line.startswith("FMT-PAPER-SIZE "))
    assert " galat " in paper and paper.endswith("[NK,PKS,ADDENDUM,OTHER]")
    english = _invoke("rules", "--lang", "en").stdout.splitlines()
    assert " error " in next(line for line in english if line.startswith("FMT-PAPER-SIZE "))


def test_explain_in_both_languages_and_unknown_id() -> None:
    result = _invoke("explain", "fmt-margins")
    assert result.exit_code == 0
    out = result.stdout
    assert out.startswith("FMT-MARGINS — Batas tepi (margin) halaman\n")
    assert "Tingkat: peringatan (warning)\n" in out
    assert "Keyakinan: terverifikasi (verified)\n" in out
    assert "Sumber: Permenpan/ANRI-style" in out
    assert "Contoh salah:\n    Margin kiri 2,54 cm" in out
    assert "Contoh benar:\n    Margin kiri 3 cm" in out
    english = _invoke("explain", "FMT-MARGINS", "--lang", "en").stdout
    assert english.startswith("FMT-MARGINS — Page margins\n")
    assert "Bad example:\n    Left margin 2.54 cm" in english
    unknown = _invoke("explain", "FMT-NOPE")
    assert unknown.exit_code == 2
    assert unknown.stderr == (
        "naskah-lint: aturan FMT-NOPE tidak ada dalam paket kpu-1068-2023; "
        "lihat 'naskah-lint rules'\n"
    )


def test_outline_missing_and_unreadable_file(tmp_path: Path) -> None:
    missing = _invoke("outline", str(tmp_path / "nope.docx"))
    assert missing.exit_code == 2
    assert missing.stderr.endswith("berkas tidak ditemukan: periksa jalurnya\n")
    (tmp_path / "x.docx").write_bytes(b"plain text")
    bad = _invoke("outline", str(tmp_path / "x.docx"), "--lang", "en")
    assert bad.exit_code == 2 and "not a Word document" in bad.stderr


def test_outline_json_of_a_built_draft(tmp_path: Path) -> None:
    docspec = pytest.importorskip("naskah_lint.writer.docspec")
    pytest.importorskip("naskah_lint.outline.render")
    path = tmp_path / "d.docx"
    docspec.build_from_case({"body": ["NOTA KESEPAHAMAN", "ANTARA", "A", "DAN", "B"]}, path)
    result = _invoke("outline", str(path), "--format", "json")
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert (data["schema_version"], data["path"], data["document_type"]) == (1, str(path), "NK")
    tree = _invoke("outline", str(path))
    assert tree.exit_code == 0 and "NOTA KESEPAHAMAN" in tree.stdout
    blocks = _invoke("outline", str(path), "--blocks", "--format", "json")
    assert blocks.exit_code == 0 and "NOTA KESEPAHAMAN" in blocks.stdout


def test_help_and_version_import_nothing_heavy() -> None:
    assert _invoke("--version").stdout == "naskah-lint, version 0.1.0\n"
    assert "check" in _invoke("--help").stdout
    code = (
        "import sys, naskah_lint.cli;"
        "heavy = ('docx', 'lxml', 'rich', 'spacy', 'yaml', 'rapidfuzz',"
        " 'naskah_lint.reader', 'naskah_lint.outline', 'naskah_lint.engine');"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in heavy or m in heavy))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert out.strip() == "[]"


def test_a_closed_pipe_is_an_unwritten_output_not_a_bug() -> None:
    """`naskah-lint rules | head -1`: the reader left early; no bug report on stderr, exit 2."""
    command = [sys.executable, "-m", "naskah_lint", "rules", "--format", "json"]
    proc = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert proc.stdout is not None
    proc.stdout.close()  # before the interpreter has even started: every write fails
    _, err = proc.communicate(timeout=60)
    assert (proc.returncode, err) == (2, b"")


def test_python_dash_m_is_the_program() -> None:
    """`python -m naskah_lint` runs what the `naskah-lint` script runs (`cli.run`)."""
    out = subprocess.run(
        [sys.executable, "-m", "naskah_lint", "--version"], capture_output=True, text=True
    )
    expected = f"naskah-lint, version {__version__}\n"
    assert (out.returncode, out.stdout, out.stderr) == (0, expected, "")


# --------------------------------------------------------------------------- text report


def _report() -> Report:
    finding = Finding(
        rule="CONS-TERBILANG",
        severity=Severity.ERROR,
        message="Angka 2.000.000 tidak sama dengan [dua juta] lima: tulis [dua juta].",
        location=Location(
            block=31, part="pasal", pasal=5, ayat=2, label="Pasal 5 ayat (2), paragraf 31"
        ),
        suggestion="Rp2.000.000,00 [dua juta rupiah]",
    )
    info = Finding(
        rule="FMT-FONT",
        severity=Severity.INFO,
        message="m",
        location=Location(block=40, label="Penutup, paragraf 40"),
    )
    good = FileResult(path="a [1].docx", sha256="0", document_type="PKS", findings=(finding, info))
    bad = FileResult(
        path="b.docx",
        sha256=None,
        document_type=None,
        error=FileError(code="CORRUPT", message="berkas rusak (word/document.xml)"),
    )
    empty = FileResult(path="c.docx", sha256="1", document_type="NK")
    return Report(
        files=(good, bad, empty), tool_version="0.1.0", profile_name="p", profile_version="1"
    )


def test_text_report_keeps_brackets_and_aligns() -> None:
    out = text.render(_report(), load_pack(), "id")
    assert out.splitlines() == [
        "a [1].docx  PKS",
        "  galat       CONS-TERBILANG  Pasal 5 ayat (2), paragraf 31: Angka 2.000.000 tidak sama "
        "dengan [dua juta] lima: tulis [dua juta].",
        "                              Saran: Rp2.000.000,00 [dua juta rupiah]",
        "  info        FMT-FONT        Penutup, paragraf 40: m",
        "b.docx  tidak terbaca (CORRUPT): berkas rusak (word/document.xml)",
        "c.docx  NK  tidak ada temuan",
        "naskah-lint: 3 berkas diperiksa, 1 galat, 0 peringatan, 1 info, 1 tidak terbaca",
    ]


def test_text_report_colours_only_on_a_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    import io

    from rich.console import Console

    buffer = io.StringIO()
    monkeypatch.delenv("NO_COLOR", raising=False)
    coloured = Console(file=buffer, force_terminal=True, color_system="standard", soft_wrap=True)
    text.print_report(_report(), "en", coloured)
    assert "\x1b[" in buffer.getvalue() and "[dua juta]" in buffer.getvalue()
    monkeypatch.setenv("NO_COLOR", "1")
    plain = io.StringIO()
    text.print_report(_report(), "en", text.make_console(plain))
    assert "\x1b[" not in plain.getvalue()
    assert "error    CONS-TERBILANG  Pasal 5 ayat (2), paragraf 31: " in plain.getvalue()
