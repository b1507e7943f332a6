"""The JSON report of the contract (`check --format json`): deterministic, UTF-8, no timestamps."""

from __future__ import annotations

import json
from typing import Any

from naskah_lint.engine.api import Pack
from naskah_lint.findings import FileResult, Finding, Report, Severity

SCHEMA_VERSION = 1
TOOL_NAME = "naskah-lint"


def finding_dict(finding: Finding) -> dict[str, Any]:
    """One finding in the contract's shape and key order."""
    loc = finding.location
    location: dict[str, Any] = {
        "story": loc.story,
        "block": loc.block,
        "part": loc.part,
        "pasal": loc.pasal,
        "ayat": loc.ayat,
        "label": loc.label,
        "excerpt": loc.excerpt,
    }
    if loc.anchor_block is not None:  # text boxes etc.: the body block they are anchored in
        location["anchor_block"] = loc.anchor_block
    return {
        "rule": finding.rule,
        "severity": finding.severity.value,
        "message": finding.message,
        "location": location,
        "fingerprint": finding.fingerprint,
    }


def file_dict(result: FileResult) -> dict[str, Any]:
    """One input file: its type, its error (code and message) or its findings.

    `error` keeps to the contract's codes for unreadable inputs. A file our own bug stopped
    (exit code 3, reader or rule) also gets `internal_error`, the one-line message: the key is
    present only then, so the contract's shape is otherwise exactly what is produced."""
    error = result.error
    entry: dict[str, Any] = {
        "path": result.path,
        "sha256": result.sha256,
        "document_type": result.document_type,
        "error": None if error is None else {"code": error.code, "message": error.message},
        "findings": [finding_dict(f) for f in result.findings],
    }
    if result.internal_error is not None:
        entry["internal_error"] = result.internal_error
    return entry


def report_dict(report: Report) -> dict[str, Any]:
    """The whole report as plain data, keys in the contract's order."""
    return {
        "schema_version": SCHEMA_VERSION,
        "tool": {"name": TOOL_NAME, "version": report.tool_version},
        "profile": {"name": report.profile_name, "version": report.profile_version},
        "files": [file_dict(r) for r in report.files],
        "summary": {
            "files": len(report.files),
            "unreadable": report.unreadable,
            "error": report.count(Severity.ERROR),
            "warning": report.count(Severity.WARNING),
            "info": report.count(Severity.INFO),
        },
    }


def render(report: Report, pack: Pack, lang: str) -> str:
    """The JSON text (2-space indent, non-ASCII kept, final newline)."""
    return json.dumps(report_dict(report), ensure_ascii=False, indent=2) + "\n"
