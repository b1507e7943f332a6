"""SARIF 2.1.0 reporter: schema-valid, every rule described, results placed and fingerprinted."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from report_samples import PACK, TRICKY, check_golden, sample_report

from naskah_lint.findings import FileResult, Finding, Location, Severity
from naskah_lint.report import sarif
from naskah_lint.report._common import artifact_uri

SCHEMA = Path(__file__).parent / "sarif-schema-2.1.0.json"


@cache
def _validator() -> jsonschema.Draft7Validator:
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    # This copy of the official schema keeps the log's own schema under definitions/Root and
    # has no top-level constraints: validate against that definition, or nothing is checked.
    if "properties" not in schema and "Root" in schema.get("definitions", {}):
        schema = {**schema, "$ref": "#/definitions/Root"}
    return jsonschema.Draft7Validator(schema)


def _log(lang: str = "id", **overrides: Any) -> dict[str, Any]:
    text = sarif.render(sample_report(lang, **overrides), PACK, lang)
    data: dict[str, Any] = json.loads(text)
    return data


@pytest.mark.parametrize("lang", ["id", "en"])
def test_valid_against_official_schema(lang: str) -> None:
    errors = sorted(_validator().iter_errors(_log(lang)), key=lambda e: list(e.path))
    assert [e.message for e in errors] == []


def test_schema_rejects_a_broken_log() -> None:
    """The validator is real: a result without a message, a bad level and a missing version
    all fail."""
    log = _log()
    del log["runs"][0]["results"][0]["message"]
    assert not _validator().is_valid(log)
    log = _log()
    log["runs"][0]["results"][0]["level"] = "info"
    assert not _validator().is_valid(log)
    log = _log()
    del log["version"]
    assert not _validator().is_valid(log)


def test_envelope_and_driver() -> None:
    log = _log()
    assert log["version"] == "2.1.0"
    assert log["$schema"].endswith("sarif-2.1.0.json")
    assert len(log["runs"]) == 1
    driver = log["runs"][0]["tool"]["driver"]
    assert driver["name"] == "naskah-lint"
    assert driver["version"] == "0.1.0"
    assert driver["informationUri"].startswith("https://")
    ids = [r["id"] for r in driver["rules"]]
    assert ids == [r.id for r in PACK.rules] + ["META-UNUSED-SUPPRESSION"]


def test_rule_descriptor_has_both_languages() -> None:
    driver = _log("en")["runs"][0]["tool"]["driver"]
    rule = next(r for r in driver["rules"] if r["id"] == "CONS-WEEKDAY-DATE")
    assert rule["name"] == "ConsWeekdayDate"
    assert rule["shortDescription"] == {"text": "Weekday matches the date"}
    assert rule["fullDescription"] == {"text": "The weekday must fit the date."}
    assert rule["defaultConfiguration"] == {"level": "error"}
    assert rule["properties"]["group"] == "CONS"
    assert rule["properties"]["confidence"] == "verified"
    assert rule["properties"]["source"] == "ANRI 7/2018 [V]"
    assert rule["properties"]["applies_to"] == ["NK", "PKS"]
    help_text = rule["help"]["text"]
    assert help_text.index("Hari sesuai tanggal") < help_text.index("Weekday matches the date")
    assert "Contoh salah: Pada hari ini Rabu" in help_text
    assert "Good example: On Monday" in help_text
    # Markdown help escapes markup that came from the pack.
    assert "tanggal \\<b\\>." in rule["help"]["markdown"]
    info_rule = next(r for r in driver["rules"] if r["id"] == "CLAUSE-MONEV")
    assert info_rule["defaultConfiguration"] == {"level": "note"}


def test_results_locations_and_fingerprints() -> None:
    run = _log()["runs"][0]
    results = run["results"]
    assert [r["ruleId"] for r in results] == [
        "CLAUSE-MONEV",
        "CONS-WEEKDAY-DATE",
        "CONS-AYAT-SEQUENCE",
        "FMT-FONT",
        "META-UNUSED-SUPPRESSION",
    ]
    rules = run["tool"]["driver"]["rules"]
    for r in results:
        assert rules[r["ruleIndex"]]["id"] == r["ruleId"]
    assert [r["level"] for r in results] == ["note", "error", "error", "warning", "warning"]
    lines = [r["locations"][0]["physicalLocation"]["region"]["startLine"] for r in results]
    # whole document and footer findings point at the title block (3), like the annotated copy
    assert lines == [3, 12, 31, 3, 40]
    names = [r["locations"][0]["logicalLocations"][0]["fullyQualifiedName"] for r in results]
    assert names == ["Dokumen", "Pembukaan", "Pasal 5/ayat (2)", "Kaki halaman", "Penutup"]
    assert {r["locations"][0]["logicalLocations"][0]["kind"] for r in results} == {"module"}
    uri = results[1]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
    assert uri == "drafts/pks%20universitas.docx"
    assert results[1]["partialFingerprints"] == {
        "naskahLint/v1": "CONS-WEEKDAY-DATE:pembukaan:a1b2:0"
    }
    assert results[1]["message"]["text"] == TRICKY + " (Pembukaan, paragraf 12)"
    assert results[2]["properties"]["clause"] == "jangka-waktu"


def test_artifacts_and_unreadable_file_notification() -> None:
    run = _log()["runs"][0]
    uris = [a["location"]["uri"] for a in run["artifacts"]]
    assert uris == [
        "drafts/pks%20universitas.docx",
        "drafts/Nota%20Kesepahaman%20Jawa%20Tengah%20%E2%80%93%20%C3%A9disi.docx",
        "rusak%2C%20lama%3A1.docx",
    ]
    assert run["artifacts"][0]["hashes"] == {"sha-256": "0" * 64}
    invocation = run["invocations"][0]
    assert invocation["executionSuccessful"] is True
    [note] = invocation["toolExecutionNotifications"]
    assert note["level"] == "error"
    assert note["descriptor"] == {"id": "CORRUPT"}
    assert note["message"]["text"].startswith("rusak, lama:1.docx: berkas rusak")
    loc = note["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
    assert loc == "rusak%2C%20lama%3A1.docx"


def test_uri_relative_to_working_directory(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    inside = tmp_path / "naskah" / "PKS 1.docx"
    assert artifact_uri(str(inside)) == "naskah/PKS%201.docx"
    assert artifact_uri("./a/../b/c.docx") == "b/c.docx"
    assert artifact_uri("sub\\dir\\x.docx") == "sub/dir/x.docx"
    assert artifact_uri("../luar.docx") == "../luar.docx"
    outside = "/elsewhere/naskah é.docx"
    assert artifact_uri(outside) == "file:///elsewhere/naskah%20%C3%A9.docx"


def test_only_pack_rules_when_no_findings() -> None:
    clean = FileResult(path="a.docx", sha256="2" * 64, document_type="NK")
    log = _log(files=(clean,))
    run = log["runs"][0]
    assert [r["id"] for r in run["tool"]["driver"]["rules"]] == [r.id for r in PACK.rules]
    assert run["results"] == []
    assert run["invocations"][0]["toolExecutionNotifications"] == []
    assert _validator().is_valid(log)


def test_finding_without_fingerprint_or_block() -> None:
    finding = Finding(
        rule="FMT-FONT",
        severity=Severity.WARNING,
        message="m",
        location=Location(story="textbox", block=1, anchor_block=7, label=""),
    )
    result = FileResult(path="a.docx", sha256=None, document_type="OTHER", findings=(finding,))
    log = _log(files=(result,))
    [res] = log["runs"][0]["results"]
    assert "partialFingerprints" not in res
    assert res["locations"][0]["physicalLocation"]["region"]["startLine"] == 7
    assert res["locations"][0]["logicalLocations"][0]["fullyQualifiedName"] == "Kotak teks"
    assert res["message"]["text"] == "m"
    assert _validator().is_valid(log)


def test_deterministic() -> None:
    report = sample_report()
    assert sarif.render(report, PACK, "id") == sarif.render(report, PACK, "id")


@pytest.mark.parametrize("lang", ["id", "en"])
def test_golden(lang: str) -> None:
    check_golden(f"sample.{lang}.sarif", sarif.render(sample_report(lang), PACK, lang))
