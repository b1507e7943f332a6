"""The meta-test of the shipped pack: every rule is documented in both languages, with source,
confidence and examples, and has at least one failing and one passing case in
tests/rules/cases (rules still without cases are xfail, listed, so progress is visible)."""

from __future__ import annotations

import string
from collections import defaultdict
from pathlib import Path

import pytest

from naskah_lint.engine.api import RuleSpec
from naskah_lint.engine.loader import CONFIDENCES, DOC_TYPES, GROUPS, load_pack

CASES_DIR = Path(__file__).resolve().parent / "rules" / "cases"
PACK = load_pack()
RULES = {rule.id: rule for rule in PACK.rules}


def _case_kinds() -> dict[str, set[str]]:
    """rule id -> {"failing", "passing"} from the case files."""
    import yaml

    found: dict[str, set[str]] = defaultdict(set)
    for path in sorted(CASES_DIR.glob("*.yml")):
        for case in yaml.safe_load(path.read_text(encoding="utf-8")) or []:
            found[str(case["rule"])].add("failing" if case.get("expect") else "passing")
    return found


CASE_KINDS = _case_kinds()


def _fields(template: str) -> set[str]:
    return {f for _, f, _, _ in string.Formatter().parse(template) if f}


@pytest.mark.parametrize("rule_id", sorted(RULES))
def test_rule_is_fully_documented(rule_id: str) -> None:
    rule: RuleSpec = RULES[rule_id]
    assert rule.group in GROUPS and rule_id.startswith(rule.group + "-")
    assert rule.applies_to and set(rule.applies_to) <= set(DOC_TYPES)
    assert rule.confidence in CONFIDENCES
    assert rule.source.strip()
    texts = [rule.title, rule.doc, rule.example_bad, rule.example_good, *rule.messages.values()]
    for text in texts:
        assert text.id.strip() and text.en.strip()
    assert rule.example_bad.id != rule.example_good.id
    assert rule.example_bad.en != rule.example_good.en
    assert "default" in rule.messages
    for variant, message in rule.messages.items():
        assert _fields(message.id) == _fields(message.en), variant


def _with_missing_cases() -> list[object]:
    params = []
    for rule_id in sorted(RULES):
        if RULES[rule_id].kind == "engine":
            continue  # emitted by the engine itself; covered by the engine tests
        if RULES[rule_id].checklist:
            continue  # a manual review item: never a finding (tests/test_matrix.py)
        missing = {"failing", "passing"} - CASE_KINDS.get(rule_id, set())
        marks = (
            [pytest.mark.xfail(strict=False, reason=f"no {' and no '.join(sorted(missing))} case")]
            if missing
            else []
        )
        params.append(pytest.param(rule_id, marks=marks, id=rule_id))
    return params


@pytest.mark.parametrize("rule_id", _with_missing_cases())
def test_rule_has_a_failing_and_a_passing_case(rule_id: str) -> None:
    assert CASE_KINDS.get(rule_id, set()) == {"failing", "passing"}


def test_cases_name_existing_rules() -> None:
    assert sorted(set(CASE_KINDS) - set(RULES)) == []
