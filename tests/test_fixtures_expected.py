"""End to end on the bundled fixtures: each draft gives exactly the findings in
fixtures/expected.json (rule, story, block, severity), no more, no fewer.

The expectations are not a snapshot taken on trust: the clean drafts must have no error or
warning at all, and every error or warning in a defect draft must be one its spec's `defects:`
list names (under `rules` or `also`), while every rule a defect names under `rules` must fire.
Regenerate with NASKAH_UPDATE_GOLDEN=1 and review the diff.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest
import yaml

from naskah_lint.api import lint_file, prepared_pack
from naskah_lint.config import Settings
from naskah_lint.findings import FileResult

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"
EXPECTED = FIXTURES / "expected.json"
NAMES = sorted(p.stem for p in FIXTURES.glob("*.docx"))


def _lint(name: str) -> FileResult:
    settings = Settings()
    return lint_file(FIXTURES / f"{name}.docx", settings, prepared_pack(settings))


def _rows(result: FileResult) -> list[list[Any]]:
    return [[f.rule, f.location.story, f.location.block, f.severity.value] for f in result.findings]


@pytest.fixture(scope="module")
def actual() -> dict[str, list[list[Any]]]:
    rows = {name: _rows(_lint(name)) for name in NAMES}
    if os.environ.get("NASKAH_UPDATE_GOLDEN"):
        text = json.dumps(rows, ensure_ascii=False, indent=1) + "\n"
        EXPECTED.write_text(text, encoding="utf-8")
    return rows


def _spec(name: str) -> dict[str, Any]:
    data = yaml.safe_load((FIXTURES / "specs" / f"{name}.yml").read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def test_every_fixture_has_expectations(actual: dict[str, list[list[Any]]]) -> None:
    expected = json.loads(EXPECTED.read_text(encoding="utf-8"))
    assert sorted(expected) == NAMES


@pytest.mark.parametrize("name", NAMES)
def test_fixture_gives_exactly_the_expected_findings(
    name: str, actual: dict[str, list[list[Any]]]
) -> None:
    expected = json.loads(EXPECTED.read_text(encoding="utf-8"))
    assert actual[name] == expected[name]


@pytest.mark.parametrize("name", [n for n in NAMES if n.startswith("clean-")])
def test_clean_fixture_has_no_error_or_warning(
    name: str, actual: dict[str, list[list[Any]]]
) -> None:
    assert [r for r in actual[name] if r[3] in ("error", "warning")] == []


@pytest.mark.parametrize("name", [n for n in NAMES if n.startswith("defect-")])
def test_defect_findings_are_the_seeded_defects(
    name: str, actual: dict[str, list[list[Any]]]
) -> None:
    defects = _spec(name)["defects"]
    required = {rule for d in defects for rule in d["rules"]}
    allowed = required | {rule for d in defects for rule in d.get("also", ())}
    fired = {r[0] for r in actual[name]}
    assert sorted(required - fired) == [], "seeded defects not reported"
    unexplained = sorted({r[0] for r in actual[name] if r[3] != "info"} - allowed)
    assert unexplained == [], "errors or warnings no seeded defect explains"
