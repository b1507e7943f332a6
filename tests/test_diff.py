"""`naskah-lint diff OLD NEW`: findings new, fixed and persisting between two versions of a draft,
matched by fingerprint, so a finding that only moved (paragraphs inserted above) persists."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import click
import pytest
from click.testing import CliRunner, Result

from naskah_lint.commands.diff_cmd import diff
from naskah_lint.diff import compare
from naskah_lint.findings import Finding, Location, Severity
from naskah_lint.writer.docspec import build, load_spec

RUPIAH_OK = "Rp10.000.000,00 (sepuluh juta rupiah)"
RUPIAH_BAD = "Rp. 10.000.000,- (sepuluh juta rupiah)"
EXTRA_AYAT = {
    "preset": "butir",
    "text": "(3)\tPARA PIHAK melaksanakan kerja sama ini dengan prinsip saling menghormati.",
}
VARIANTS: dict[str, Any] = {
    "base": "clean-pks",
    # one warning inserted in Pasal 5
    "rupiah": {"base": "clean-pks", "replace": [[RUPIAH_OK, RUPIAH_BAD]]},
    # the same defect, with a new ayat inserted in Pasal 1 above it
    "rupiah-shifted": {
        "base": "clean-pks",
        "replace": [[RUPIAH_OK, RUPIAH_BAD]],
        "insert_after": [["^\\(2\\)\\tTujuan", [EXTRA_AYAT]]],
    },
    # one error inserted in the opening
    "weekday": {"base": "clean-pks", "replace": [["Pada hari ini Senin", "Pada hari ini Rabu"]]},
}


def _command() -> click.Command:
    from naskah_lint.cli import main

    return main if "diff" in main.commands else click.Group(commands=[diff])


def run(*args: str) -> Result:
    return CliRunner().invoke(_command(), ["diff", *args], catch_exceptions=False)


@pytest.fixture(scope="module")
def drafts(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("diff")
    return {k: build(load_spec(v), folder / f"{k}.docx") for k, v in VARIANTS.items()}


@pytest.fixture(scope="module")
def base_rules(drafts: dict[str, Path]) -> list[str]:
    """What the clean fixture itself reports (its info findings), in report order."""
    from naskah_lint.api import lint_file, prepared_pack
    from naskah_lint.config import Settings

    settings = Settings()
    result = lint_file(drafts["base"], settings, prepared_pack(settings))
    assert all(f.severity is Severity.INFO for f in result.findings)
    return [f.rule for f in result.findings]


def as_json(res: Result) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(res.stdout)
    return data


def rules(items: list[dict[str, Any]]) -> list[str]:
    return [f["rule"] for f in items]


def test_a_new_warning(drafts: dict[str, Path], base_rules: list[str]) -> None:
    res = run(str(drafts["base"]), str(drafts["rupiah"]), "--format", "json")
    assert res.exit_code == 0, res.output  # a warning is below the default --fail-on error
    data = as_json(res)
    assert data["schema_version"] == 1
    assert (data["old"], data["new"]) == (str(drafts["base"]), str(drafts["rupiah"]))
    assert rules(data["new_findings"]) == ["FMT-RUPIAH"]
    (added,) = data["new_findings"]
    assert added["severity"] == "warning"
    assert added["location"]["part"] == "pasal" and added["location"]["pasal"] == 5
    assert RUPIAH_BAD.split(" (")[0] in added["message"]
    assert set(added) == {"rule", "severity", "message", "location", "fingerprint"}
    assert data["fixed"] == []
    assert rules(data["persisting"]) == base_rules
    assert data["errors"] == {"old": None, "new": None}


def test_fail_on_governs_new_findings_only(drafts: dict[str, Path]) -> None:
    old, new = str(drafts["base"]), str(drafts["rupiah"])
    assert run(old, new, "--fail-on", "warning").exit_code == 1
    assert run(new, old, "--fail-on", "warning").exit_code == 0  # fixed, nothing new
    # the persisting info finding does not count, only new ones do
    assert run(old, old, "--fail-on", "info").exit_code == 0


def test_a_new_error_fails_by_default(drafts: dict[str, Path]) -> None:
    res = run(str(drafts["base"]), str(drafts["weekday"]), "--format", "json")
    assert res.exit_code == 1
    data = as_json(res)
    assert rules(data["new_findings"]) == ["CONS-WEEKDAY-DATE"]
    assert data["new_findings"][0]["location"]["part"] == "pembukaan"
    assert data["fixed"] == []


def test_fixed_findings(drafts: dict[str, Path], base_rules: list[str]) -> None:
    data = as_json(run(str(drafts["weekday"]), str(drafts["rupiah"]), "--format", "json"))
    assert rules(data["new_findings"]) == ["FMT-RUPIAH"]
    assert rules(data["fixed"]) == ["CONS-WEEKDAY-DATE"]
    assert rules(data["persisting"]) == base_rules


def test_a_finding_that_moved_persists(drafts: dict[str, Path], base_rules: list[str]) -> None:
    res = run(str(drafts["rupiah"]), str(drafts["rupiah-shifted"]), "--format", "json")
    assert res.exit_code == 0
    data = as_json(res)
    assert data["new_findings"] == [] and data["fixed"] == []
    assert sorted(rules(data["persisting"])) == sorted([*base_rules, "FMT-RUPIAH"])
    before = as_json(run(str(drafts["base"]), str(drafts["rupiah"]), "--format", "json"))
    (moved,) = [f for f in data["persisting"] if f["rule"] == "FMT-RUPIAH"]
    original = before["new_findings"][0]
    assert moved["fingerprint"] == original["fingerprint"]
    assert moved["location"]["block"] == original["location"]["block"] + 1  # reported as now


def test_text_output_has_three_sections(drafts: dict[str, Path], base_rules: list[str]) -> None:
    res = run(str(drafts["weekday"]), str(drafts["rupiah"]))
    lines = res.output.splitlines()
    assert lines[0] == f"naskah-lint diff: {drafts['weekday']} -> {drafts['rupiah']}"
    sections = [line for line in lines if line and not line.startswith(" ")]
    n = len(base_rules)
    assert sections[1:] == [
        "Temuan baru (1):",
        "Sudah diperbaiki (1):",
        f"Masih ada ({n}):",
        f"1 baru, 1 diperbaiki, {n} masih ada",
    ]
    new_at = lines.index("Temuan baru (1):")
    assert lines[new_at + 1].startswith("  peringatan  FMT-RUPIAH  Pasal 5")
    fixed_at = lines.index("Sudah diperbaiki (1):")
    assert lines[fixed_at + 1].startswith("  galat  CONS-WEEKDAY-DATE  Pembukaan")


def test_text_output_in_english_with_empty_sections(
    drafts: dict[str, Path], base_rules: list[str]
) -> None:
    res = run(str(drafts["base"]), str(drafts["base"]), "--lang", "en")
    assert res.exit_code == 0
    lines = res.output.splitlines()
    assert lines[2:4] == ["New findings (0):", "  (none)"]
    assert lines[-1] == f"0 new, 0 fixed, {len(base_rules)} persisting"


def test_unreadable_input_exits_2(
    drafts: dict[str, Path], base_rules: list[str], tmp_path: Path
) -> None:
    broken = tmp_path / "rusak.docx"
    broken.write_bytes(b"bukan dokumen word")
    res = run(str(drafts["base"]), str(broken), "--format", "json")
    assert res.exit_code == 2
    data = as_json(res)
    assert data["errors"]["old"] is None
    assert data["errors"]["new"]["code"] == "NOT_DOCX"
    assert data["new_findings"] == []
    assert rules(data["fixed"]) == base_rules
    missing = run(str(tmp_path / "tidak-ada.docx"), str(drafts["base"]))
    assert missing.exit_code == 2
    assert "tidak terbaca (NOT_FOUND)" in missing.output


def test_final_mode_is_passed_to_the_linter(drafts: dict[str, Path], tmp_path: Path) -> None:
    draft = build(
        load_spec({"base": "clean-pks", "replace": [["Karanganyar, kami", "…………, kami"]]}),
        tmp_path / "tempat-kosong.docx",
    )
    assert run(str(drafts["base"]), str(draft)).exit_code == 0  # placeholders warn in draft
    final = run(str(drafts["base"]), str(draft), "--mode", "final", "--format", "json")
    assert final.exit_code == 1
    assert "error" in {f["severity"] for f in as_json(final)["new_findings"]}


def _finding(rule: str, fingerprint: str, block: int) -> Finding:
    return Finding(rule, Severity.WARNING, "m", Location(block=block), fingerprint=fingerprint)


def test_compare_is_a_multiset_match() -> None:
    old = [_finding("A", "x", 1), _finding("A", "x", 2), _finding("B", "y", 3)]
    new = [_finding("A", "x", 5), _finding("C", "z", 6), _finding("C", "z", 7)]
    found = compare(old, new)
    assert [(f.rule, f.location.block) for f in found.persisting] == [("A", 5)]
    assert [(f.rule, f.location.block) for f in found.fixed] == [("A", 2), ("B", 3)]
    assert [(f.rule, f.location.block) for f in found.new] == [("C", 6), ("C", 7)]


def test_bad_profile_is_a_config_error(drafts: dict[str, Path], tmp_path: Path) -> None:
    res = run(str(drafts["base"]), str(drafts["base"]), "--profile", str(tmp_path / "tidak-ada"))
    assert res.exit_code == 2
    assert "--profile" in res.stderr and res.stdout == ""
