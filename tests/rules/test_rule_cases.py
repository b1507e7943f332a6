"""Rule cases as data: every case in tests/rules/cases/*.yml builds its draft from a document
spec, lints it with only its rule selected, and expects exactly the listed findings of that rule.

Test ids are "RULE-ID-casename", so `pytest -k FMT-FONT` runs one rule's cases. A case:
    - rule: FMT-FONT            # the rule under test
      name: times-and-small     # unique per rule
      doc: {base: clean-pks, format: [...]}   # naskah_lint.writer.docspec spec
      expect: [{block: 11}, {block: 22, severity: warning}]   # keys: block, story, severity, part
                                # block: null = a finding about the whole document
      mode: final               # optional: draft|final
      lang: en                  # optional: message language
      params: {fonts: [Arial]}  # optional: override the rule's parameters
      severity: error           # optional: override the rule's severity (as in naskah-lint.toml)
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

import pytest
import yaml

from naskah_lint.api import lint_file, prepared_pack
from naskah_lint.config import Settings
from naskah_lint.findings import Finding
from naskah_lint.i18n import t

CASES_DIR = Path(__file__).resolve().parent / "cases"
CASE_KEYS = frozenset(
    {"rule", "name", "doc", "expect", "mode", "lang", "params", "severity", "description"}
)
EXPECT_KEYS = ("block", "story", "severity", "part")


def load_cases(folder: Path = CASES_DIR) -> list[tuple[str, dict[str, Any]]]:
    """(file name, case) for every case of every case file, in file order."""
    cases: list[tuple[str, dict[str, Any]]] = []
    for path in sorted(folder.glob("*.yml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or []
        if not isinstance(data, list):
            raise ValueError(f"{path.name}: expected a list of cases")
        for i, case in enumerate(data):
            if not isinstance(case, dict) or not {"rule", "name", "doc", "expect"} <= set(case):
                raise ValueError(f"{path.name}[{i}]: a case needs rule, name, doc and expect")
            unknown = sorted(set(case) - CASE_KEYS)
            if unknown:
                raise ValueError(f"{path.name}[{i}]: unknown key {unknown[0]}")
            cases.append((path.name, case))
    return cases


def case_id(case: Mapping[str, Any]) -> str:
    return f"{case['rule']}-{case['name']}"


CASES = load_cases()


def test_case_ids_are_unique() -> None:
    ids = [case_id(case) for _, case in CASES]
    assert sorted({i for i in ids if ids.count(i) > 1}) == []


def _expected(entry: Mapping[str, Any]) -> dict[str, Any]:
    """The keys an expected finding names; a block is in the body story unless it says so."""
    keys = {k: entry[k] for k in EXPECT_KEYS if k in entry}
    if "block" in keys:
        keys.setdefault("story", "body")
    return keys


def _whole_document(finding: Finding, lang: str) -> bool:
    """A finding about the whole file (the engine places it on the title block)."""
    loc = finding.location
    return loc.part == "dokumen" and loc.label == t("loc.dokumen", lang)


def _shown(finding: Finding, expected: Mapping[str, Any], lang: str) -> dict[str, Any]:
    """The finding's values for the keys the expectation names. A whole-document finding
    matches `block: null` as well as the title block it is placed on."""
    whole = _whole_document(finding, lang) and expected.get("block", 0) is None
    values = {
        "block": None if whole else finding.location.block,
        "story": finding.location.story,
        "severity": finding.severity.value,
        "part": finding.location.part,
    }
    return {k: values[k] for k in expected}


@pytest.mark.parametrize(("file", "case"), CASES, ids=[case_id(case) for _, case in CASES] or None)
def test_rule_case(file: str, case: dict[str, Any], tmp_path: Path) -> None:
    docspec = pytest.importorskip("naskah_lint.writer.docspec")
    rule = case["rule"]
    settings = Settings(
        select=(rule,),
        mode=case.get("mode", "draft"),
        lang=case.get("lang", "id"),
        params={rule: case["params"]} if case.get("params") else {},
        severity={rule: case["severity"]} if case.get("severity") else {},
    )
    pack = prepared_pack(settings)
    assert pack.rule(rule) is not None, f"{file}: no rule {rule} in the pack"
    path = tmp_path / "case.docx"
    docspec.build_from_case(case["doc"], path)
    result = lint_file(path, settings, pack)
    assert result.error is None, result.error
    assert result.internal_error is None, result.internal_error
    expected = [_expected(entry) for entry in case["expect"]]
    found = [f for f in result.findings if f.rule == rule]
    got = [_shown(f, exp, settings.lang) for f, exp in zip(found, expected, strict=False)]
    messages = [f"{f.location.label}: {f.message}" for f in found]
    assert len(found) == len(expected), f"{file}: {case_id(case)} found {messages}"
    assert got == expected, f"{file}: {case_id(case)} found {messages}"
