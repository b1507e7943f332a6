"""`naskah-lint new`: the skeleton follows the pack, lints in draft mode with placeholder warnings
only, carries the date in words with its weekday, never overwrites by accident, and opens in
LibreOffice."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import click
import pytest
from click.testing import CliRunner, Result
from soffice import SOFFICE, convert

from naskah_lint.api import lint_file, prepared_pack
from naskah_lint.commands.new_cmd import new
from naskah_lint.config import Settings
from naskah_lint.engine.api import Pack
from naskah_lint.findings import FileResult, Finding, Severity

KPU = "Sekretariat Komisi Pemilihan Umum Kabupaten Karanganyar"
UNIV = "Fakultas Hukum Universitas Contoh"
PT = "PT Contoh Data Nusantara"
# Rules whose every finding is a field left to fill; the others count only in their
# "placeholder" message variant.
PLACEHOLDER_RULES = frozenset({"CONS-PLACEHOLDERS", "CONS-EMPTY-NOMOR", "CONS-EMPTY-DATE"})


def _command() -> click.Command:
    from naskah_lint.cli import main

    return main if "new" in main.commands else click.Group(commands=[new])


def run(*args: str) -> Result:
    return CliRunner().invoke(_command(), ["new", *args], catch_exceptions=False)


def make(target: Path, doc_type: str, parties: list[str], day: str | None, *extra: str) -> Result:
    args = ["--type", doc_type, "--perihal", "Pendidikan Pemilih", "-o", str(target)]
    for party in parties:
        args += ["--pihak", party]
    if day is not None:
        args += ["--date", day]
    return run(*args, *extra)


def _template_regex(template: str) -> re.Pattern[str]:
    parts = re.split(r"\{[a-z_]+\}", template)
    return re.compile(".*?".join(re.escape(p) for p in parts), re.DOTALL)


def is_placeholder_warning(finding: Finding, pack: Pack, lang: str = "id") -> bool:
    """A finding that only says a field is still to fill."""
    if finding.rule in PLACEHOLDER_RULES:
        return True
    rule = pack.rule(finding.rule)
    assert rule is not None
    variant = rule.messages.get("placeholder")
    return variant is not None and bool(
        _template_regex(variant.get(lang)).fullmatch(finding.message)
    )


def lint(path: Path, lang: str = "id") -> tuple[FileResult, Pack]:
    settings = Settings(mode="draft", lang=lang)
    pack = prepared_pack(settings)
    return lint_file(path, settings, pack), pack


CASES = [
    ("PKS", [KPU, UNIV], "2024-07-08"),
    ("PKS", [KPU, UNIV, PT], None),
    ("NK", [KPU, UNIV], None),
    ("NK", [KPU, UNIV, PT], "2025-01-01"),
]


@pytest.mark.parametrize(("doc_type", "parties", "day"), CASES)
def test_skeleton_lints_with_placeholder_warnings_only(
    tmp_path: Path, doc_type: str, parties: list[str], day: str | None
) -> None:
    target = tmp_path / "draf.docx"
    res = make(target, doc_type, parties, day)
    assert res.exit_code == 0, res.output
    assert res.output == f"Draf {doc_type} baru ditulis ke {target}\n"
    result, pack = lint(target)
    assert result.error is None and result.internal_error is None
    assert result.document_type == doc_type
    assert [f for f in result.findings if f.severity is Severity.ERROR] == []
    warnings = [f for f in result.findings if f.severity is Severity.WARNING]
    assert [f.message for f in warnings if not is_placeholder_warning(f, pack)] == []
    rules = Counter(f.rule for f in warnings)
    assert rules["CONS-EMPTY-NOMOR"] == len(parties)  # one blank nomor line per party
    assert rules["STRUCT-KOMPARISI"] == len(parties)  # name and jabatan to fill
    assert rules["STRUCT-SIGNATURE-BLOCKS"] == len(parties)
    assert rules["CONS-PLACEHOLDERS"] > 0
    assert ("CONS-EMPTY-DATE" in rules) is (day is None)


@pytest.mark.parametrize(("doc_type", "parties", "day"), CASES)
def test_skeleton_follows_the_pack(
    tmp_path: Path, doc_type: str, parties: list[str], day: str | None
) -> None:
    target = tmp_path / "draf.docx"
    make(target, doc_type, parties, day)
    result, pack = lint(target)
    outline = result.outline
    assert outline is not None and outline.title is not None
    assert outline.title.institutions == tuple(p.upper() for p in parties)
    assert outline.title.perihal == "PENDIDIKAN PEMILIH"
    assert len(outline.nomor) == len(parties) and all(n.placeholder for n in outline.nomor)
    assert [p.institution for p in outline.parties] == parties
    assert [p.alias for p in outline.parties] == [
        "PIHAK KESATU",
        "PIHAK KEDUA",
        "PIHAK KETIGA",
    ][: len(parties)]
    skeleton = pack.data.values["skeleton"]["pasal"][doc_type]
    assert [p.clause for p in outline.pasal] == skeleton
    assert [p.number for p in outline.pasal] == list(range(1, len(skeleton) + 1))
    assert outline.closing is not None and outline.closing.rangkap_digits == len(parties)
    assert [s.label for s in outline.signatures] == [p.alias for p in outline.parties]
    meterai = {s.label: s.meterai for s in outline.signatures}
    assert meterai.get("PIHAK KETIGA", True) is True  # the company signs over a meterai
    assert meterai["PIHAK KESATU"] is False
    fmt_rules = {"FMT-PAPER-SIZE", "FMT-MARGINS", "FMT-FONT", "FMT-LINE-SPACING", "FMT-PAGE-NUMBER"}
    assert [f.rule for f in result.findings if f.rule in fmt_rules] == []
    assert {"FMT-PAPER-SIZE", "FMT-MARGINS", "FMT-FONT"} <= set(result.rules_run)


@pytest.mark.parametrize(
    ("day", "weekday", "words", "digits"),
    [
        (
            "2024-07-08",
            "Senin",
            "tanggal delapan bulan Juli tahun dua ribu dua puluh empat",
            "08-07-2024",
        ),
        (
            "2025-01-01",
            "Rabu",
            "tanggal satu bulan Januari tahun dua ribu dua puluh lima",
            "01-01-2025",
        ),
        (
            "2024-02-29",
            "Kamis",
            "tanggal dua puluh sembilan bulan Februari tahun dua ribu dua puluh empat",
            "29-02-2024",
        ),
    ],
)
def test_opening_has_the_date_in_words_and_its_weekday(
    tmp_path: Path, day: str, weekday: str, words: str, digits: str
) -> None:
    target = tmp_path / "draf.docx"
    make(target, "PKS", [KPU, UNIV], day)
    result, _ = lint(target)
    assert result.outline is not None
    opening = result.outline.opening
    assert opening is not None
    assert opening.text.startswith(f"Pada hari ini {weekday}, {words} ({digits}), bertempat di")
    assert opening.weekday == weekday
    assert opening.date is not None and opening.date.isoformat() == day
    assert opening.date_in_words
    rules = {f.rule for f in result.findings}
    assert not rules & {"CONS-WEEKDAY-DATE", "CONS-OPENING-NUMERIC", "FMT-OPENING-DATE-WORDS"}


def test_without_a_date_the_opening_is_left_to_fill(tmp_path: Path) -> None:
    target = tmp_path / "draf.docx"
    make(target, "NK", [KPU, UNIV], None)
    result, _ = lint(target)
    assert result.outline is not None and result.outline.opening is not None
    assert result.outline.opening.date is None
    assert result.outline.opening.text.startswith("Pada hari ini …………, tanggal …………")


def test_check_command_in_draft_mode(tmp_path: Path) -> None:
    from naskah_lint.cli import main

    target = tmp_path / "draf.docx"
    make(target, "PKS", [KPU, UNIV], "2024-07-08")
    runner = CliRunner()
    ok = runner.invoke(main, ["check", str(target), "--mode", "draft"])
    assert ok.exit_code == 0, ok.output
    strict = runner.invoke(main, ["check", str(target), "--mode", "draft", "--fail-on", "warning"])
    assert strict.exit_code == 1  # the placeholders are warnings to act on
    final = runner.invoke(main, ["check", str(target), "--mode", "final"])
    assert final.exit_code == 1  # not ready to sign


def test_output_is_deterministic(tmp_path: Path) -> None:
    a, b = tmp_path / "a.docx", tmp_path / "b.docx"
    make(a, "PKS", [KPU, UNIV, PT], "2024-07-08")
    make(b, "PKS", [KPU, UNIV, PT], "2024-07-08")
    assert a.read_bytes() == b.read_bytes()


def test_refuses_to_overwrite_without_force(tmp_path: Path) -> None:
    target = tmp_path / "draf.docx"
    target.write_bytes(b"naskah lama")
    res = make(target, "PKS", [KPU, UNIV], None)
    assert res.exit_code == 2
    assert "--force" in res.stderr
    assert target.read_bytes() == b"naskah lama"
    forced = make(target, "PKS", [KPU, UNIV], None, "--force", "--lang", "en")
    assert forced.exit_code == 0
    assert forced.output == f"New PKS draft written to {target}\n"
    assert target.read_bytes()[:2] == b"PK"  # a zip package now
    assert [p.name for p in tmp_path.iterdir()] == ["draf.docx"]  # no temp file left


@pytest.mark.parametrize(
    ("args", "needle"),
    [
        (["--type", "PKS", "--pihak", KPU, "--perihal", "X"], "--pihak"),
        (["--type", "NK", "--pihak", KPU, "--pihak", " ", "--perihal", "X"], "--pihak"),
        (["--type", "NK", "--pihak", KPU, "--pihak", UNIV, "--perihal", "  "], "--perihal"),
        (["--type", "MOU", "--pihak", KPU, "--pihak", UNIV, "--perihal", "X"], "--type"),
        (
            [
                "--type",
                "NK",
                "--pihak",
                KPU,
                "--pihak",
                UNIV,
                "--perihal",
                "X",
                "--date",
                "8-7-2024",
            ],
            "--date",
        ),
    ],
)
def test_bad_arguments_are_usage_errors(tmp_path: Path, args: list[str], needle: str) -> None:
    target = tmp_path / "draf.docx"
    res = run(*args, "-o", str(target))
    assert res.exit_code == 2
    assert needle in res.stderr
    assert not target.exists()


def test_type_is_case_insensitive(tmp_path: Path) -> None:
    target = tmp_path / "draf.docx"
    assert make(target, "pks", [KPU, UNIV], None).exit_code == 0
    result, _ = lint(target)
    assert result.document_type == "PKS"


@pytest.mark.slow
@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed")
@pytest.mark.parametrize("doc_type", ["NK", "PKS"])
def test_libreoffice_opens_the_skeleton(tmp_path: Path, doc_type: str) -> None:
    target = tmp_path / "draf.docx"
    make(target, doc_type, [KPU, UNIV, PT], "2024-07-08")
    pdf = convert(target, "pdf", tmp_path)
    data = pdf.read_bytes()
    assert data.startswith(b"%PDF")
    pages = len(re.findall(rb"/Type\s*/Page[^s]", data))
    assert pages >= 3  # title, komparisi, every pasal and the signatures


def test_english_messages_are_placeholder_warnings_too(tmp_path: Path) -> None:
    target = tmp_path / "draf.docx"
    make(target, "PKS", [KPU, UNIV, PT], "2024-07-08")
    result, pack = lint(target, "en")
    warnings = [f for f in result.findings if f.severity is Severity.WARNING]
    assert warnings
    assert [f.message for f in warnings if not is_placeholder_warning(f, pack, "en")] == []
