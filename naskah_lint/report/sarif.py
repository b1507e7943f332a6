"""SARIF 2.1.0 report for code scanning (GitHub and other SARIF viewers); deterministic JSON."""

from __future__ import annotations

import json
from typing import Any

from naskah_lint.engine.api import Pack, RuleSpec
from naskah_lint.findings import FileResult, Finding, Report
from naskah_lint.i18n import t
from naskah_lint.report._common import (
    SARIF_LEVELS,
    artifact_uri,
    display_message,
    file_error,
    line_of,
    logical_path,
)

SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
FALLBACK_INFORMATION_URI = "https://pypi.org/project/naskah-lint/"
FINGERPRINT_KEY = "naskahLint/v1"


def render(report: Report, pack: Pack, lang: str) -> str:
    """The report as one SARIF log with a single run (no timestamps, stable order)."""
    rules = _rule_descriptors(report, pack, lang)
    index = {r["id"]: i for i, r in enumerate(rules)}
    results: list[dict[str, Any]] = []
    notifications: list[dict[str, Any]] = []
    artifacts: list[dict[str, Any]] = []
    for artifact_index, result in enumerate(report.files):
        uri = artifact_uri(result.path)
        artifacts.append(_artifact(result, uri))
        failed = file_error(result)
        if failed is not None:
            code, message = failed
            notifications.append(
                {
                    "level": "error",
                    "message": {"text": f"{result.path}: {message}"},
                    "descriptor": {"id": code},
                    "locations": [
                        {"physicalLocation": {"artifactLocation": {"uri": uri}}},
                    ],
                }
            )
        if result.error is not None:
            continue
        results.extend(
            _result(f, result, uri, artifact_index, index[f.rule]) for f in result.findings
        )
    log = {
        "$schema": SCHEMA_URI,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "naskah-lint",
                        "version": report.tool_version,
                        "semanticVersion": report.tool_version,
                        "informationUri": _information_uri(),
                        "rules": rules,
                        "properties": {
                            "profile": {
                                "name": report.profile_name,
                                "version": report.profile_version,
                            },
                            "mode": report.mode,
                        },
                    }
                },
                "invocations": [
                    {
                        "executionSuccessful": not any(r.internal_error for r in report.files),
                        "toolExecutionNotifications": notifications,
                    }
                ],
                "language": "id" if lang != "en" else "en",
                "columnKind": "unicodeCodePoints",
                "artifacts": artifacts,
                "results": results,
            }
        ],
    }
    return json.dumps(log, ensure_ascii=False, indent=2) + "\n"


def _information_uri() -> str:
    """The project's home page from the installed metadata, else its package index page."""
    from importlib import metadata

    try:
        urls = metadata.metadata("naskah-lint").get_all("Project-URL") or []
    except metadata.PackageNotFoundError:
        urls = []
    for entry in urls:
        label, _, url = str(entry).partition(",")
        if label.strip().lower() in {"homepage", "home", "source", "repository"} and url.strip():
            return url.strip()
    return FALLBACK_INFORMATION_URI


def _rule_descriptors(report: Report, pack: Pack, lang: str) -> list[dict[str, Any]]:
    """Every rule of the pack, in pack order, then any rule id found only in the findings."""
    rules = [_descriptor(spec, lang) for spec in pack.rules]
    known = {spec.id for spec in pack.rules}
    extra = sorted({f.rule for r in report.files for f in r.findings} - known)
    rules.extend({"id": rule_id, "name": _name(rule_id)} for rule_id in extra)
    return rules


def _name(rule_id: str) -> str:
    """A SARIF `name`: the id in PascalCase ("CONS-WEEKDAY-DATE" -> "ConsWeekdayDate")."""
    return "".join(part.capitalize() for part in rule_id.replace("_", "-").split("-") if part)


def _descriptor(spec: RuleSpec, lang: str) -> dict[str, Any]:
    """A reportingDescriptor with help in Indonesian first, then English."""
    return {
        "id": spec.id,
        "name": _name(spec.id),
        "shortDescription": {"text": spec.title.get(lang)},
        "fullDescription": {"text": spec.doc.get(lang) or spec.title.get(lang)},
        "help": {"text": _help_text(spec), "markdown": _help_markdown(spec)},
        "defaultConfiguration": {"level": SARIF_LEVELS[spec.severity]},
        "properties": {
            "group": spec.group,
            "confidence": spec.confidence,
            "source": spec.source,
            "applies_to": list(spec.applies_to),
            "tags": [spec.group.lower(), "naskah-lint"],
        },
    }


def _help_sections(spec: RuleSpec) -> list[tuple[str, str, str, str, str]]:
    """(language, title, doc, bad, good) for Indonesian then English."""
    out = []
    for lang in ("id", "en"):
        title = spec.title.id if lang == "id" else spec.title.en
        doc = spec.doc.id if lang == "id" else spec.doc.en
        bad = spec.example_bad.id if lang == "id" else spec.example_bad.en
        good = spec.example_good.id if lang == "id" else spec.example_good.en
        if lang == "en" and not (title or doc):
            continue
        out.append((lang, title, doc, bad, good))
    return out


def _help_text(spec: RuleSpec) -> str:
    """Plain-text help: both languages, with the bad and good examples."""
    parts = []
    for lang, title, doc, bad, good in _help_sections(spec):
        lines = [f"{spec.id}: {title}", doc]
        if bad:
            lines.append(f"{t('report.example_bad', lang)}: {bad}")
        if good:
            lines.append(f"{t('report.example_good', lang)}: {good}")
        parts.append("\n".join(line for line in lines if line))
    if spec.source:
        parts.append(f"{t('report.source', 'id')} / {t('report.source', 'en')}: {spec.source}")
    return "\n\n".join(parts)


def _md(text: str) -> str:
    """Markdown-escape a text shown inline."""
    out = []
    for ch in text:
        if ch in "\\`*_{}[]<>()#+!|":
            out.append("\\" + ch)
        else:
            out.append(ch)
    return "".join(out).replace("\n", "  \n")


def _help_markdown(spec: RuleSpec) -> str:
    """Markdown help: both languages, examples as quotes."""
    parts = []
    for lang, title, doc, bad, good in _help_sections(spec):
        lines = [f"**{_md(spec.id)}: {_md(title)}** ({lang})", "", _md(doc)]
        if bad:
            lines += ["", f"{t('report.example_bad', lang)}:", "", f"> {_md(bad)}"]
        if good:
            lines += ["", f"{t('report.example_good', lang)}:", "", f"> {_md(good)}"]
        parts.append("\n".join(lines))
    if spec.source:
        src = f"{t('report.source', 'id')} / {t('report.source', 'en')}"
        parts.append(f"*{src}:* {_md(spec.source)}")
    return "\n\n".join(parts)


def _artifact(result: FileResult, uri: str) -> dict[str, Any]:
    """An artifact entry: location, SHA-256 when read, and the document type."""
    artifact: dict[str, Any] = {"location": {"uri": uri}}
    if result.sha256:
        artifact["hashes"] = {"sha-256": result.sha256}
    properties: dict[str, Any] = {"document_type": result.document_type}
    if result.error is not None:
        properties["error"] = {"code": result.error.code, "message": result.error.message}
    artifact["properties"] = properties
    return artifact


def _result(
    finding: Finding, result: FileResult, uri: str, artifact_index: int, rule_index: int
) -> dict[str, Any]:
    """One SARIF result."""
    loc = finding.location
    logical: dict[str, Any] = {"fullyQualifiedName": logical_path(finding), "kind": "module"}
    out: dict[str, Any] = {
        "ruleId": finding.rule,
        "ruleIndex": rule_index,
        "level": SARIF_LEVELS[finding.severity],
        "message": {"text": display_message(finding)},
        "locations": [
            {
                "physicalLocation": {
                    "artifactLocation": {"uri": uri, "index": artifact_index},
                    "region": {"startLine": line_of(finding, result)},
                },
                "logicalLocations": [logical],
            }
        ],
    }
    if loc.excerpt:
        region = out["locations"][0]["physicalLocation"]["region"]
        region["snippet"] = {"text": loc.excerpt}
    if finding.fingerprint:
        out["partialFingerprints"] = {FINGERPRINT_KEY: finding.fingerprint}
    properties: dict[str, Any] = {
        "story": loc.story,
        "block": loc.block,
        "part": loc.part,
        "label": loc.label,
    }
    if loc.pasal is not None:
        properties["pasal"] = loc.pasal
    if loc.ayat is not None:
        properties["ayat"] = loc.ayat
    if finding.clause is not None:
        properties["clause"] = finding.clause
    if finding.suggestion:
        properties["suggestion"] = finding.suggestion
    out["properties"] = properties
    return out
