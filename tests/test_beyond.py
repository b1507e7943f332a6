"""Issue 7 end to end from the CLI: in-document suppressions, baselines that survive edits,
the compliance matrix and the ready-to-sign verdict of --mode final."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from naskah_lint.cli import main
from naskah_lint.writer.docspec import build_from_case

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"

OPENING = "^Pada hari ini Rabu"  # defect-pks: wrong weekday, CONS-WEEKDAY-DATE on this paragraph


def _build(tmp_path: Path, name: str, spec: dict[str, Any]) -> Path:
    return build_from_case(spec, tmp_path / f"{name}.docx")


def _check(*args: str) -> tuple[int, dict[str, Any]]:
    result = CliRunner().invoke(main, ["check", "--format", "json", *args])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    return result.exit_code, json.loads(result.output)


def _rules(report: dict[str, Any]) -> list[str]:
    return [f["rule"] for f in report["files"][0]["findings"]]


def _comment(text: str) -> dict[str, Any]:
    return {"comment": {"author": "Peninjau", "text": text}}


# --------------------------------------------------------------------------- suppressions


def test_suppression_with_reason_silences_the_rule_on_its_paragraph(tmp_path: Path) -> None:
    text = "naskah-lint: abaikan CONS-WEEKDAY-DATE — alasan: tanggal digeser karena hari libur"
    doc = _build(tmp_path, "s1", {"base": "defect-pks", "format": [[OPENING, _comment(text)]]})
    _, report = _check(str(doc))
    rules = _rules(report)
    assert "CONS-WEEKDAY-DATE" not in rules
    assert "CONS-OPENING-NUMERIC" in rules  # same paragraph, not named: still reported
    assert "META-SUPPRESSION-NO-REASON" not in rules
    assert "META-UNUSED-SUPPRESSION" not in rules
    assert "CONS-OPEN-COMMENTS" not in rules  # a suppression is not an open review comment


def test_suppression_by_group_and_english_keyword(tmp_path: Path) -> None:
    text = "naskah-lint: ignore CONS -- reason: checked with the partner"
    doc = _build(tmp_path, "s2", {"base": "defect-pks", "format": [[OPENING, _comment(text)]]})
    _, report = _check(str(doc))
    opening = [f for f in report["files"][0]["findings"] if f["location"]["part"] == "pembukaan"]
    assert [f["rule"] for f in opening] == []


def test_suppression_without_reason_is_a_finding(tmp_path: Path) -> None:
    text = "naskah-lint: abaikan CONS-WEEKDAY-DATE"
    doc = _build(tmp_path, "s3", {"base": "defect-pks", "format": [[OPENING, _comment(text)]]})
    _, report = _check(str(doc))
    rules = _rules(report)
    assert "CONS-WEEKDAY-DATE" not in rules
    assert rules.count("META-SUPPRESSION-NO-REASON") == 1


def test_suppression_that_silences_nothing_is_reported(tmp_path: Path) -> None:
    text = "naskah-lint: abaikan CONS-XREF – alasan: rujukan ke lampiran"
    doc = _build(tmp_path, "s4", {"base": "defect-pks", "format": [[OPENING, _comment(text)]]})
    _, report = _check(str(doc))
    rules = _rules(report)
    assert "CONS-WEEKDAY-DATE" in rules
    assert rules.count("META-UNUSED-SUPPRESSION") == 1
    assert "CONS-XREF" in rules  # the real CONS-XREF finding sits on another paragraph


def test_suppression_in_the_title_block_covers_the_whole_document(tmp_path: Path) -> None:
    text = "naskah-lint: abaikan FMT — alasan: format mengikuti templat mitra"
    spec = {"base": "defect-format", "format": [["^NOTA KESEPAHAMAN$", _comment(text)]]}
    doc = _build(tmp_path, "s5", spec)
    _, report = _check(str(doc))
    assert [r for r in _rules(report) if r.startswith("FMT-")] == []
    _, plain = _check(str(FIXTURES / "defect-format.docx"))
    assert len([r for r in _rules(plain) if r.startswith("FMT-")]) >= 7


# --------------------------------------------------------------------------- baseline

RUPIAH_DEFECT = [
    ["Rp25.500.000,00 (dua puluh lima juta lima ratus ribu rupiah)", "Rp. 25.500.000,-"]
]
LAST_HAK_LINE = r"^menyampaikan hasil penelitian kepada PIHAK PERTAMA dan PIHAK KEDUA\.$"
NEW_PASAL = [
    {"preset": "pasal"},
    {"preset": "pasal_judul", "text": "KERAHASIAAN"},
    "PARA PIHAK wajib menjaga kerahasiaan data dan informasi yang diperoleh dalam pelaksanaan "
    "Perjanjian Kerja Sama ini.",
]


def test_baseline_survives_inserted_paragraphs_and_a_new_pasal(tmp_path: Path) -> None:
    before = _build(tmp_path, "b1", {"base": "clean-pks-3pihak", "replace": RUPIAH_DEFECT})
    baseline = tmp_path / "baseline.json"
    _, report = _check(str(before), "--write-baseline", str(baseline))
    assert "FMT-RUPIAH" in _rules(report)
    # The same draft after an edit above the finding: a whole new pasal (auto-numbered, so
    # every later pasal number shifts, and three paragraphs are inserted).
    after_spec = {
        "base": "clean-pks-3pihak",
        "replace": RUPIAH_DEFECT,
        "insert_after": [[LAST_HAK_LINE, NEW_PASAL]],
    }
    after = _build(tmp_path / "edited", "b1", after_spec)
    _, plain = _check(str(after))
    moved = [f for f in plain["files"][0]["findings"] if f["rule"] == "FMT-RUPIAH"]
    old = [f for f in report["files"][0]["findings"] if f["rule"] == "FMT-RUPIAH"]
    assert moved[0]["location"]["block"] > old[0]["location"]["block"]  # it really moved
    assert moved[0]["location"]["pasal"] == old[0]["location"]["pasal"] + 1
    assert moved[0]["fingerprint"] == old[0]["fingerprint"]
    # Same relative path for both runs, as in a repository where the file is edited in place.
    baseline.write_text(
        baseline.read_text(encoding="utf-8").replace(str(before), str(after)), encoding="utf-8"
    )
    code, with_baseline = _check(str(after), "--baseline", str(baseline))
    assert _rules(with_baseline) == []
    assert code == 0


def test_baseline_reports_only_new_findings_and_counts_fixed(tmp_path: Path) -> None:
    first = _build(tmp_path, "b2", {"base": "clean-pks-3pihak", "replace": RUPIAH_DEFECT})
    baseline = tmp_path / "baseline.json"
    _check(str(first), "--write-baseline", str(baseline))
    weekday = [["hari ini Kamis", "hari ini Jumat"]]
    second = _build(tmp_path / "v2", "b2", {"base": "clean-pks-3pihak", "replace": weekday})
    baseline.write_text(
        baseline.read_text(encoding="utf-8").replace(str(first), str(second)), encoding="utf-8"
    )
    result = CliRunner().invoke(main, ["check", str(second), "--baseline", str(baseline)])
    assert "CONS-WEEKDAY-DATE" in result.output
    assert "FMT-RUPIAH" not in result.output
    assert "1 temuan dasar (baseline) sudah diperbaiki" in result.output


# --------------------------------------------------------------------------- matrix and verdict


def test_matrix_statuses_for_clean_and_defect_drafts() -> None:
    result = CliRunner().invoke(
        main,
        [
            "check",
            "--format",
            "matrix",
            "--lang",
            "en",
            str(FIXTURES / "clean-pks.docx"),
            str(FIXTURES / "defect-pks.docx"),
            str(FIXTURES / "clean-nk.docx"),
        ],
    )
    rows = {
        line.split("`")[1]: [c.strip() for c in line.strip("|").split("|")[1:]]
        for line in result.output.splitlines()
        if line.startswith("| `")
    }
    assert rows["CONS-WEEKDAY-DATE"][0] == "PASS"
    assert rows["CONS-WEEKDAY-DATE"][1].startswith("**FAIL** (Opening")
    assert rows["CLAUSE-HAK-KEWAJIBAN"][2] == "N/A"  # NK: not applicable
    assert rows["CLAUSE-NK-NONBINDING"][0] == "N/A"  # PKS: not applicable
    assert rows["CLAUSE-KORESPONDENSI"][0].startswith("**NEEDS-REVIEW**")  # info note
    assert rows["AUTH-SIGNATORY-AUTHORITY"] == ["**NEEDS-REVIEW**"] * 3  # manual checklist


@pytest.mark.parametrize(
    ("name", "verdict"),
    [
        ("clean-pks-3pihak", "SIAP DITANDATANGANI: tidak ada temuan galat pada mode final."),
        ("defect-nk", "BELUM SIAP DITANDATANGANI"),
    ],
)
def test_final_mode_ends_with_a_verdict(name: str, verdict: str) -> None:
    result = CliRunner().invoke(main, ["check", str(FIXTURES / f"{name}.docx"), "--mode", "final"])
    assert result.output.rstrip().splitlines()[-1].startswith(verdict)


def test_final_mode_turns_draft_leftovers_into_errors() -> None:
    _, draft = _check(str(FIXTURES / "defect-nk.docx"))
    _, final = _check(str(FIXTURES / "defect-nk.docx"), "--mode", "final")

    def sev(report: dict[str, Any], rule: str) -> set[str]:
        return {f["severity"] for f in report["files"][0]["findings"] if f["rule"] == rule}

    for rule in ("CONS-OPEN-COMMENTS", "CONS-TRACKED-CHANGES", "CONS-EMPTY-NOMOR"):
        assert sev(draft, rule) == {"warning"}
        assert sev(final, rule) == {"error"}
