"""Findings new, fixed and persisting between two versions of a draft, as text or JSON.

Findings are matched by fingerprint as a multiset: the fingerprint leaves out block and pasal
numbers, so a finding that only moved (paragraphs or a pasal inserted above it) persists.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from naskah_lint.findings import FileResult, Finding
from naskah_lint.i18n import t
from naskah_lint.report._common import file_error
from naskah_lint.report.json_report import finding_dict

SCHEMA_VERSION = 1


@dataclass(frozen=True, slots=True)
class FindingsDiff:
    """New findings (in NEW's order), fixed ones (in OLD's order) and persisting ones (as NEW
    shows them now)."""

    new: tuple[Finding, ...]
    fixed: tuple[Finding, ...]
    persisting: tuple[Finding, ...]


def compare(old: Sequence[Finding], new: Sequence[Finding]) -> FindingsDiff:
    """Match by fingerprint as a multiset: the first k of NEW's findings with a fingerprint
    persist when OLD had k of them; the rest are new; OLD's surplus is fixed."""
    left = Counter(f.fingerprint for f in old)
    right = Counter(f.fingerprint for f in new)
    added: list[Finding] = []
    persisting: list[Finding] = []
    seen: Counter[str] = Counter()
    for finding in new:
        seen[finding.fingerprint] += 1
        target = persisting if seen[finding.fingerprint] <= left[finding.fingerprint] else added
        target.append(finding)
    fixed: list[Finding] = []
    seen.clear()
    for finding in old:
        seen[finding.fingerprint] += 1
        if seen[finding.fingerprint] > right[finding.fingerprint]:
            fixed.append(finding)
    return FindingsDiff(tuple(added), tuple(fixed), tuple(persisting))


def _error_dict(result: FileResult) -> dict[str, str] | None:
    """Why a file was not (fully) checked: its unreadable code, or INTERNAL for our bug."""
    error = file_error(result)
    return None if error is None else {"code": error[0], "message": error[1]}


def diff_json(old: FileResult, new: FileResult, diff: FindingsDiff) -> str:
    """The JSON document: schema version, both paths, the three lists in the contract's finding
    shape, and `errors` (null per file unless it could not be read or checked)."""
    data: dict[str, Any] = {
        "schema_version": SCHEMA_VERSION,
        "old": old.path,
        "new": new.path,
        "new_findings": [finding_dict(f) for f in diff.new],
        "fixed": [finding_dict(f) for f in diff.fixed],
        "persisting": [finding_dict(f) for f in diff.persisting],
        "errors": {"old": _error_dict(old), "new": _error_dict(new)},
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def _finding_line(finding: Finding, lang: str) -> str:
    """One finding as the text diff lists it: severity, rule, location, message."""
    severity = t(f"sev.{finding.severity.value}", lang)
    where = f"{finding.location.label}: " if finding.location.label else ""
    return f"  {severity}  {finding.rule}  {where}{finding.message}"


def diff_text(old: FileResult, new: FileResult, diff: FindingsDiff, lang: str) -> str:
    """Plain text: a header, the three sections (new, fixed, persisting) and a summary line."""
    lines = [t("diff.header", lang, old=old.path, new=new.path)]
    for result in (old, new):
        error = _error_dict(result)
        if error is not None:
            lines.append(t("diff.unreadable", lang, path=result.path, **error))
    sections = (
        ("diff.new", diff.new),
        ("diff.fixed", diff.fixed),
        ("diff.persisting", diff.persisting),
    )
    for key, findings in sections:
        lines.extend(["", t(key, lang, n=len(findings))])
        lines.extend(_finding_line(f, lang) for f in findings)
        if not findings:
            lines.append(f"  {t('diff.none', lang)}")
    lines.extend(
        [
            "",
            t(
                "diff.summary",
                lang,
                new=len(diff.new),
                fixed=len(diff.fixed),
                persisting=len(diff.persisting),
            ),
        ]
    )
    return "\n".join(lines) + "\n"
