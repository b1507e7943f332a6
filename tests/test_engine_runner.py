"""The runner: rule choice by type and language, severities and modes, locations, sorting,
and failing kinds that must not kill the run."""

from __future__ import annotations

from pathlib import Path

import pytest
from engine_docs import (
    a4,
    block,
    document,
    load,
    make_pack,
    outline,
    rule_yaml,
    use_kinds,
)
from kindkit import matched_pasal as pasal

from naskah_lint.config import Settings
from naskah_lint.engine.api import Pack
from naskah_lint.engine.runner import RuleCrash, excerpt, execute, format_number, run_rules
from naskah_lint.findings import Severity
from naskah_lint.model import Story


@pytest.fixture
def doc_and_outline():
    blocks = [
        block(1, "PERJANJIAN KERJA SAMA"),
        block(2, "Pada hari ini Senin ..."),
        block(3, "Pasal 1"),
        block(4, "MAKSUD DAN TUJUAN"),
        block(5, "(1) Maksud perjanjian ini."),
        block(6, "(2) Tujuan perjanjian ini."),
        block(7, "Demikian perjanjian ini dibuat."),
        block(1, "Paraf", story=Story.FOOTER),
        block(1, "Logo", story=Story.TEXTBOX, anchor_block=2),
    ]
    doc = document(blocks, sections=[a4(last=7)])
    ol = outline(
        parts=((1, "judul"), (2, "pembukaan"), (3, "pasal"), (7, "penutup")),
        pasal_list=[
            pasal(1, 3, 6, title="MAKSUD DAN TUJUAN", clause="maksud-tujuan", ayat=[(1, 5), (2, 6)])
        ],
    )
    return doc, ol


def _pack(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, *rules: str) -> Pack:
    use_kinds(monkeypatch)
    return load(make_pack(tmp_path, rules))


def _hits(*specs: str) -> str:
    return "{hits: [" + ", ".join(specs) + "]}"


def test_locations_labels_and_sorting(tmp_path, monkeypatch, doc_and_outline) -> None:
    doc, ol = doc_and_outline
    hits = _hits(
        "{block: 1, story: footer}",
        "{block: 6}",
        "{block: 2}",
        "{block: null}",
        "{block: 1, story: textbox}",
        "{block: 7}",
    )
    pack = _pack(tmp_path, monkeypatch, rule_yaml("CONS-TEST-A", params=hits))
    for lang, expected in (
        (
            "id",
            [
                ("body", 1, "dokumen", None, None, "Dokumen"),
                ("body", 2, "pembukaan", None, None, "Pembukaan, paragraf 2"),
                ("body", 6, "pasal", 1, 2, "Pasal 1 ayat (2), paragraf 6"),
                ("body", 7, "penutup", None, None, "Penutup, paragraf 7"),
                ("footer", 1, "dokumen", None, None, "Kaki halaman, paragraf 1"),
                ("textbox", 1, "pembukaan", None, None, "Kotak teks, paragraf 1"),
            ],
        ),
        (
            "en",
            [
                ("body", 1, "dokumen", None, None, "Document"),
                ("body", 2, "pembukaan", None, None, "Opening, paragraph 2"),
                ("body", 6, "pasal", 1, 2, "Article 1(2), paragraph 6"),
                ("body", 7, "penutup", None, None, "Closing, paragraph 7"),
                ("footer", 1, "dokumen", None, None, "Footer, paragraph 1"),
                ("textbox", 1, "pembukaan", None, None, "Text box, paragraph 1"),
            ],
        ),
    ):
        findings = run_rules(doc, ol, pack, Settings(lang=lang))
        got = [
            (
                f.location.story,
                f.location.block,
                f.location.part,
                f.location.pasal,
                f.location.ayat,
                f.location.label,
            )
            for f in findings
        ]
        assert got == expected
    textbox = findings[-1]
    assert textbox.location.anchor_block == 2
    assert findings[2].clause == "maksud-tujuan"
    assert findings[2].message == "Value x."
    assert findings[2].location.excerpt == "(2) Tujuan perjanjian ini."


def test_findings_sorted_by_block_then_rule(tmp_path, monkeypatch, doc_and_outline) -> None:
    doc, ol = doc_and_outline
    pack = _pack(
        tmp_path,
        monkeypatch,
        rule_yaml("FMT-TEST-Z", params=_hits("{block: 2}", "{block: 5}")),
        rule_yaml("CONS-TEST-B", params=_hits("{block: 5}", "{block: 1, story: header}")),
        rule_yaml("CONS-TEST-A", params=_hits("{block: 5}")),
    )
    # the header block does not exist in this document: CONS-TEST-B fails as a whole
    outcome = execute(doc, ol, pack, Settings())
    assert [f.rule for f in outcome.failures] == ["CONS-TEST-B"]
    assert "block 1 does not exist in story header" in outcome.failures[0].message
    pack = _pack(
        tmp_path,
        monkeypatch,
        rule_yaml("FMT-TEST-Z", params=_hits("{block: 2}", "{block: 5}")),
        rule_yaml("CONS-TEST-B", params=_hits("{block: 5}", "{block: 1, story: footer}")),
        rule_yaml("CONS-TEST-A", params=_hits("{block: 5}")),
    )
    findings = run_rules(doc, ol, pack, Settings())
    assert [(f.location.story, f.location.block, f.rule) for f in findings] == [
        ("body", 2, "FMT-TEST-Z"),
        ("body", 5, "CONS-TEST-A"),
        ("body", 5, "CONS-TEST-B"),
        ("body", 5, "FMT-TEST-Z"),
        ("footer", 1, "CONS-TEST-B"),
    ]


def test_severity_mode_and_override(tmp_path, monkeypatch, doc_and_outline) -> None:
    doc, ol = doc_and_outline
    hits = _hits("{block: 2}", "{block: 5, severity: info}")
    pack = _pack(
        tmp_path,
        monkeypatch,
        rule_yaml("CONS-TEST-A", severity="warning", severity_final="error", params=hits),
    )

    def severities(settings: Settings) -> list[Severity]:
        return [f.severity for f in run_rules(doc, ol, pack, settings)]

    assert severities(Settings()) == [Severity.WARNING, Severity.INFO]
    assert severities(Settings(mode="final")) == [Severity.ERROR, Severity.INFO]
    # an explicit override wins over --mode final and over the kind's own variant severity
    override = Settings(mode="final", severity={"CONS-TEST-A": "warning"})
    assert severities(override) == [Severity.WARNING, Severity.WARNING]


def test_other_document_runs_only_fmt_cons_meta(tmp_path, monkeypatch, doc_and_outline) -> None:
    doc, _ = doc_and_outline
    hit = _hits("{block: 2}")
    doctype = rule_yaml(
        "STRUCT-DOCTYPE",
        kind="engine",
        severity="info",
        messages=(
            "\n    message: {id: 'Bukan perjanjian: {skipped} aturan dilewati ({document_type}).',"
            " en: 'Not an agreement: {skipped} rules skipped ({document_type}).'}"
        ),
    )
    pack = _pack(
        tmp_path,
        monkeypatch,
        rule_yaml("CONS-TEST-A", params=hit),
        rule_yaml("CLAUSE-TEST-B", params=hit, applies_to="[NK, PKS]"),
        rule_yaml("STRUCT-TEST-C", params=hit),  # lists OTHER, but STRUCT never runs on OTHER
        rule_yaml("AUTH-TEST-D", params=hit, applies_to="[PKS]"),
        doctype,
    )
    other = outline(document_type="OTHER")
    outcome = execute(doc, other, pack, Settings())
    rules = [(f.rule, f.severity, f.message) for f in outcome.findings]
    assert rules == [
        (
            "STRUCT-DOCTYPE",
            Severity.INFO,
            "Bukan perjanjian: 3 aturan dilewati (OTHER).",
        ),
        ("CONS-TEST-A", Severity.WARNING, "Nilai x."),
    ]
    assert outcome.findings[0].location.part == "dokumen"
    assert "CLAUSE-TEST-B" not in outcome.rules_run
    assert "CONS-TEST-A" in outcome.rules_run
    # an NK gets the clause rule but not the PKS-only rule, and no doctype notice
    nk = execute(doc, outline(document_type="NK"), pack, Settings())
    assert sorted({f.rule for f in nk.findings}) == [
        "CLAUSE-TEST-B",
        "CONS-TEST-A",
        "STRUCT-TEST-C",
    ]


def test_english_document_skips_indonesian_rules(tmp_path, monkeypatch, doc_and_outline) -> None:
    doc, _ = doc_and_outline
    hit = _hits("{block: 2}")
    pack = _pack(
        tmp_path,
        monkeypatch,
        rule_yaml("CONS-TEST-A", params=hit),
        rule_yaml("CONS-TEST-B", params=hit),
        rule_yaml("CONS-TEST-EN", params=hit, languages="[id, en]"),
    )
    outcome = execute(doc, outline(language="en"), pack, Settings(lang="en"))
    got = [(f.rule, f.message) for f in outcome.findings]
    assert got == [
        (
            "META-LANGUAGE",
            "This document is in 'en': 2 rules that only apply to Indonesian drafts were skipped.",
        ),
        ("CONS-TEST-EN", "Value x."),
    ]
    # an Indonesian document: no notice
    indonesian = execute(doc, outline(), pack, Settings())
    assert [f.rule for f in indonesian.findings] == ["CONS-TEST-A", "CONS-TEST-B", "CONS-TEST-EN"]
    # the notice itself can be ignored
    quiet = execute(doc, outline(language="en"), pack, Settings(ignore=("META",)))
    assert [f.rule for f in quiet.findings] == ["CONS-TEST-EN"]


def test_failing_kind_is_recorded_and_others_still_run(
    tmp_path, monkeypatch, doc_and_outline
) -> None:
    doc, ol = doc_and_outline
    pack = _pack(
        tmp_path,
        monkeypatch,
        rule_yaml("CONS-TEST-CRASH", kind="test-crash"),
        rule_yaml("CONS-TEST-OK", params=_hits("{block: 2}")),
        rule_yaml("CONS-TEST-VARIANT", params=_hits("{block: 2, message: nope}")),
    )
    outcome = execute(doc, ol, pack, Settings(lang="en"))
    assert [f.rule for f in outcome.findings] == ["CONS-TEST-OK"]
    assert [(f.rule, f.kind) for f in outcome.failures] == [
        ("CONS-TEST-CRASH", "test-crash"),
        ("CONS-TEST-VARIANT", "test-hits"),
    ]
    crash = outcome.failures[0]
    assert crash.message.startswith(
        "internal error in rule CONS-TEST-CRASH (kind test-crash): RuntimeError: boom; "
        "this is a bug in naskah-lint: report it to the naskah-lint maintainers"
    )
    assert "Traceback" in crash.traceback
    assert "'nope' is not defined" in outcome.failures[1].message
    with pytest.raises(RuleCrash) as info:
        run_rules(doc, ol, pack, Settings())
    assert [f.rule for f in info.value.outcome.findings] == ["CONS-TEST-OK"]


def test_missing_template_field_is_an_internal_error(
    tmp_path, monkeypatch, doc_and_outline
) -> None:
    doc, ol = doc_and_outline
    messages = "\n    message: {id: 'Nilai {missing}.', en: 'Value {missing}.'}"
    pack = _pack(
        tmp_path,
        monkeypatch,
        rule_yaml("CONS-TEST-A", params=_hits("{block: 2}"), messages=messages),
    )
    outcome = execute(doc, ol, pack, Settings())
    assert outcome.findings == ()
    assert "galat internal di aturan CONS-TEST-A (jenis test-hits)" in outcome.failures[0].message
    assert "'missing'" in outcome.failures[0].message


def test_selection_and_per_path_ignores(tmp_path, monkeypatch, doc_and_outline) -> None:
    doc, ol = doc_and_outline
    hit = _hits("{block: 2}")
    pack = _pack(
        tmp_path,
        monkeypatch,
        rule_yaml("CONS-TEST-A", params=hit),
        rule_yaml("CONS-TEST-B", params=hit),
        rule_yaml("FMT-TEST-C", params=hit),
    )

    def rules(settings: Settings, path: str = "drafts/a.docx") -> list[str]:
        return [f.rule for f in execute(doc, ol, pack, settings, path=path).findings]

    assert rules(Settings(select=("CONS",))) == ["CONS-TEST-A", "CONS-TEST-B"]
    assert rules(Settings(select=("CONS-TEST-A,FMT",))) == ["CONS-TEST-A", "FMT-TEST-C"]
    assert rules(Settings(ignore=("cons-test-b",))) == ["CONS-TEST-A", "FMT-TEST-C"]
    ignores = (("drafts/*.docx", ("FMT",)), ("old/**", ("CONS-TEST-A",)))
    assert rules(Settings(per_path_ignores=ignores)) == ["CONS-TEST-A", "CONS-TEST-B"]
    assert rules(Settings(per_path_ignores=ignores), "old/x/b.docx") == [
        "CONS-TEST-B",
        "FMT-TEST-C",
    ]
    assert rules(Settings(per_path_ignores=ignores), "elsewhere/c.docx") == [
        "CONS-TEST-A",
        "CONS-TEST-B",
        "FMT-TEST-C",
    ]


def test_excerpt_and_numbers() -> None:
    assert excerpt("  a\tb\n\nc  ") == "a b c"
    long = "kata " * 40
    cut = excerpt(long)
    assert len(cut) == 80 and cut.endswith("…") and cut.startswith("kata kata")
    assert excerpt("[dua juta] rupiah") == "[dua juta] rupiah"
    assert format_number(215.9, "id") == "215,9"
    assert format_number(215.9, "en") == "215.9"
    assert format_number(30.0, "id") == "30"
    assert format_number(10.25, "en") == "10.25"


def test_suppression_comments(tmp_path, monkeypatch, doc_and_outline) -> None:
    from dataclasses import replace

    from naskah_lint.model import Comment

    doc, ol = doc_and_outline
    hits = _hits("{block: 2}", "{block: 5}", "{block: 6}")
    pack = _pack(
        tmp_path,
        monkeypatch,
        rule_yaml("CONS-TEST-A", params=hits),
        rule_yaml("FMT-TEST-B", params=_hits("{block: 5}")),
    )

    def comment(cid: str, text: str, block: int) -> Comment:
        return Comment(cid, "Penyusun", "P", None, text, Story.BODY, block)

    comments = (
        comment("1", "naskah-lint: abaikan CONS-TEST-A — alasan: sudah disepakati", 5),
        comment("2", "naskah-lint: abaikan FMT", 6),  # no reason; silences nothing on block 6
        comment("3", "naskah-lint: ignore CLAUSE-X - reason: rule not run", 7),
        comment("4", "Mohon dicek lagi.", 2),  # an ordinary comment
    )
    outcome = execute(replace(doc, comments=comments), ol, pack, Settings())
    got = [(f.rule, f.location.block) for f in outcome.findings]
    assert got == [
        ("CONS-TEST-A", 2),
        ("FMT-TEST-B", 5),
        ("CONS-TEST-A", 6),
        ("META-SUPPRESSION-NO-REASON", 6),
        ("META-UNUSED-SUPPRESSION", 6),
    ]
    assert outcome.suppressed == 1
    assert outcome.findings[3].message == (
        "Komentar pengecualian 'naskah-lint: abaikan FMT' tidak memberi alasan; tulis "
        "'naskah-lint: abaikan ATURAN — alasan: …'."
    )
    # a suppression anchored in the title silences its rules in the whole document
    whole = (comment("9", "naskah-lint: abaikan CONS — alasan: draf lama", 1),)
    outcome = execute(replace(doc, comments=whole), ol, pack, Settings())
    assert [f.rule for f in outcome.findings] == ["FMT-TEST-B"]
    assert outcome.suppressed == 3


@pytest.mark.parametrize(
    "template",
    [
        "Nilai {x} dan {y!r} lalu {z:>5}: {w:.1f} {{kurung}}",
        "{x}{x}",
        "tanpa isian",
        "{0} posisi",  # positional: the general path
        "{x.real} atribut",  # attribute: the general path
        "{x:{w}} bersarang",  # nested spec: the general path
    ],
)
@pytest.mark.parametrize("lang", ["id", "en"])
def test_fill_matches_str_format_with_language_floats(template: str, lang: str) -> None:
    """The cached split of a template fills exactly as the Formatter-based path would."""
    from naskah_lint.engine.api import Text
    from naskah_lint.engine.runner import _Formatter, fill

    params = {"x": 2.5, "y": "a'b", "z": 7, "w": 3.25}
    try:
        expected: object = _Formatter(lang).vformat(template, (2.5,), params)
    except (IndexError, KeyError, ValueError) as exc:
        expected = type(exc)
    try:
        got: object = fill(Text(id=template, en=template), params, lang)
    except (IndexError, KeyError, ValueError) as exc:
        got = type(exc)
    if template.startswith("{0}"):
        assert got is IndexError  # fill gives no positional arguments
    else:
        assert got == expected
    if template == "{x}{x}":
        assert got == ("2,5" if lang == "id" else "2.5") * 2


def test_fill_reports_a_missing_field_and_a_malformed_template() -> None:
    from naskah_lint.engine.api import Text
    from naskah_lint.engine.runner import fill

    with pytest.raises(KeyError):
        fill(Text(id="{tidak_ada}", en="{missing}"), {}, "id")
    with pytest.raises(ValueError):
        fill(Text(id="{x", en="{x"), {"x": 1}, "id")
