"""JUnit XML for CI test dashboards: a testsuite per file, a testcase per finding."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from naskah_lint.engine.api import Pack
from naskah_lint.findings import FileResult, Finding, Report, Severity
from naskah_lint.i18n import t
from naskah_lint.report._common import file_error, posix_path

# Characters XML 1.0 cannot carry at all (C0 controls except TAB, LF, CR; surrogates; FFFE/FFFF).
_INVALID_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")

CLEAN_CASE = "naskah-lint"


def _clean(text: str) -> str:
    """Text safe for XML 1.0 (invalid characters become U+FFFD)."""
    return _INVALID_XML.sub("\ufffd", text)


def _clean_text(text: str) -> str:
    """Element text safe for XML: also folds CR into LF (a raw CR would not survive parsing)."""
    return _clean(text.replace("\r\n", "\n").replace("\r", "\n"))


def _case_name(finding: Finding) -> str:
    """ "RULE-ID Pasal 5 ayat (2), paragraf 31 #fingerprint": unique and stable per finding."""
    name = finding.rule
    if finding.location.label:
        name += f" {finding.location.label}"
    if finding.fingerprint:
        name += f" #{finding.fingerprint}"
    return name


def _details(finding: Finding, lang: str) -> str:
    """The body of a failure or system-out: message, location, excerpt and suggestion."""
    lines = [finding.message]
    if finding.location.label:
        lines.append(finding.location.label)
    if finding.location.excerpt:
        lines.append(f"« {finding.location.excerpt} »")
    if finding.suggestion:
        lines.append(t("report.suggestion", lang, text=finding.suggestion))
    return "\n".join(lines)


def _suite(result: FileResult, lang: str) -> tuple[ET.Element, int, int, int]:
    """One testsuite; returns it with its tests, failures and errors counts."""
    path = _clean(posix_path(result.path))
    suite = ET.Element("testsuite")
    cases: list[ET.Element] = []
    failures = errors = 0
    failed = file_error(result)
    if failed is not None:
        code, message = failed
        case = ET.Element("testcase", {"classname": path, "name": CLEAN_CASE})
        err = ET.SubElement(case, "error", {"type": code, "message": _clean(message)})
        err.text = _clean_text(f"{code}: {message}")
        cases.append(case)
        errors = 1
    elif not result.findings:
        cases.append(ET.Element("testcase", {"classname": path, "name": CLEAN_CASE}))
    for finding in result.findings:
        case = ET.Element("testcase", {"classname": path, "name": _clean(_case_name(finding))})
        body = _clean_text(_details(finding, lang))
        if finding.severity is Severity.INFO:
            ET.SubElement(case, "system-out").text = body
        else:
            failure = ET.SubElement(
                case,
                "failure",
                {"type": finding.rule, "message": _clean(finding.message)},
            )
            failure.text = body
            failures += 1
        cases.append(case)
    suite.attrib.update(
        {
            "name": path,
            "tests": str(len(cases)),
            "failures": str(failures),
            "errors": str(errors),
            "skipped": "0",
        }
    )
    suite.extend(cases)
    return suite, len(cases), failures, errors


def render(report: Report, pack: Pack, lang: str) -> str:
    """The whole report as a `<testsuites>` document (UTF-8, indented, deterministic)."""
    del pack  # descriptions are not part of JUnit
    root = ET.Element("testsuites", {"name": "naskah-lint"})
    tests = failures = errors = 0
    for result in report.files:
        suite, n, f, e = _suite(result, lang)
        root.append(suite)
        tests, failures, errors = tests + n, failures + f, errors + e
    root.attrib.update(
        {"tests": str(tests), "failures": str(failures), "errors": str(errors), "skipped": "0"}
    )
    ET.indent(root, space="  ")
    body = ET.tostring(root, encoding="unicode")
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + body + "\n"
