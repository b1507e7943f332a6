"""A file our own bug stopped (exit code 3) is visible in every CI format, never a clean pass."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET

from report_samples import PACK, sample_report

from naskah_lint.findings import FileResult, Report
from naskah_lint.report import github, html, junit, matrix, sarif

BUG = "internal error in rule FMT-FONT (kind font): KeyError: 'x'; this is a bug"


def _report(lang: str = "id") -> Report:
    broken = FileResult(
        path="drafts/rusak: 1, 2.docx",
        sha256="2" * 64,
        document_type="PKS",
        internal_error=BUG,
    )
    return sample_report(lang, files=(broken,))


def test_github_annotates_the_internal_error() -> None:
    lines = github.render(_report(), PACK, "id").splitlines()
    assert lines[0] == f"::error file=drafts/rusak%3A 1%2C 2.docx,title=INTERNAL::{BUG}"


def test_junit_reports_an_error_not_a_clean_pass() -> None:
    root = ET.fromstring(junit.render(_report(), PACK, "id").encode("utf-8"))
    [suite] = root.findall("testsuite")
    assert (suite.get("tests"), suite.get("failures"), suite.get("errors")) == ("1", "0", "1")
    [error] = suite.findall("testcase/error")
    assert (error.get("type"), error.get("message")) == ("INTERNAL", BUG)


def test_sarif_notifies_and_marks_the_run_unsuccessful() -> None:
    log = json.loads(sarif.render(_report(), PACK, "id"))
    [invocation] = log["runs"][0]["invocations"]
    assert invocation["executionSuccessful"] is False
    [note] = invocation["toolExecutionNotifications"]
    assert (note["descriptor"]["id"], note["message"]["text"]) == (
        "INTERNAL",
        f"drafts/rusak: 1, 2.docx: {BUG}",
    )
    clean = json.loads(sarif.render(sample_report(), PACK, "id"))
    assert clean["runs"][0]["invocations"][0]["executionSuccessful"] is True


def test_html_card_says_so() -> None:
    text = html.render(_report("en"), PACK, "en")
    assert f'<p class="file-error">internal error: {BUG}</p>' in text.replace("&#x27;", "'")


def test_matrix_title_names_the_pack_and_version() -> None:
    assert matrix.render(sample_report(), PACK, "id").splitlines()[0] == (
        "# Matriks kepatuhan: paket aturan kpu-1068-2023 versi 1"
    )
    assert matrix.render(sample_report(), PACK, "en").splitlines()[0] == (
        "# Compliance matrix: rule pack kpu-1068-2023 version 1"
    )
