"""HTML report: self-contained, escaped, grouped by part and pasal, outline beside, filters."""

from __future__ import annotations

import re
import sys
from collections.abc import Mapping
from typing import Any

import lxml.html
import pytest
from report_samples import PACK, check_golden, sample_report

from naskah_lint.findings import FileResult, Finding, Location, Severity
from naskah_lint.report import html

OUTLINE_JSON: dict[str, Any] = {
    "schema_version": 1,
    "path": "drafts/pks universitas.docx",
    "document_type": "PKS",
    "language": "id",
    "title": {
        "lines": ["PERJANJIAN KERJA SAMA", "ANTARA", "KPU KABUPATEN <KARANGANYAR>"],
        "perihal": "PENDIDIKAN PEMILIH",
    },
    "nomor": ["12/PR.07-PKS/3313/2024", "045/UC-FH/PKS/VII/2024"],
    "opening": {"weekday": "Senin", "date": "2024-07-08", "place": "Karanganyar", "block": 12},
    "parties": [
        {
            "alias": "PIHAK KESATU",
            "name": "NAMA SATU, S.H.",
            "jabatan": "Sekretaris",
            "institution": "Sekretariat KPU Kabupaten Karanganyar",
        }
    ],
    "recitals": 3,
    "pasal": [
        {
            "number": 1,
            "title": "MAKSUD DAN TUJUAN",
            "clause": "maksud-tujuan",
            "ayat": 2,
            "block": 20,
        },
        {"number": 5, "title": "JANGKA WAKTU", "clause": "jangka-waktu", "ayat": 3, "block": 29},
        {"number": 6, "title": "LAIN & LAIN", "clause": None, "ayat": 0, "block": 35},
    ],
    "closing": {"rangkap": 2, "block": 39},
    "signatures": [{"label": "PIHAK KESATU", "name": "NAMA SATU, S.H.", "jabatan": "Sekretaris"}],
}


@pytest.fixture
def fixed_outline(monkeypatch: pytest.MonkeyPatch) -> None:
    """A fixed outline dict for files that have an outline, and no matrix (golden stability)."""

    def outline(result: FileResult) -> Mapping[str, Any] | None:
        return OUTLINE_JSON if result.outline is not None else None

    monkeypatch.setattr(html, "_outline_dict", outline)
    monkeypatch.setattr(html, "_matrix", lambda *a: '<section id="matrix" hidden></section>')


def _doc(text: str) -> Any:
    return lxml.html.document_fromstring(text)


_TOKEN = re.compile(
    r"^(?P<tag>[a-z0-9-]*)(?P<id>#[\w-]+)?(?P<cls>(?:\.[\w-]+)*)(?P<attr>\[[^\]]+\])?$"
)


def css(el: Any, selector: str) -> list[Any]:
    """A tiny CSS subset (descendant chains of tag#id.class[attr="v"]) as XPath (no cssselect)."""
    path = "."
    for token in selector.split():
        m = _TOKEN.match(token)
        assert m, token
        preds = []
        if m["id"]:
            preds.append(f"@id='{m['id'][1:]}'")
        for c in filter(None, m["cls"].split(".")):
            preds.append(f"contains(concat(' ', normalize-space(@class), ' '), ' {c} ')")
        if m["attr"]:
            name, _, value = m["attr"][1:-1].partition("=")
            preds.append(f"@{name}={value}" if value else f"@{name}")
        path += f"//{m['tag'] or '*'}" + "".join(f"[{p}]" for p in preds)
    return list(el.xpath(path))


@pytest.mark.usefixtures("fixed_outline")
@pytest.mark.parametrize("lang", ["id", "en"])
def test_golden(lang: str) -> None:
    check_golden(f"sample.{lang}.html", html.render(sample_report(lang), PACK, lang))


def test_language_attribute_and_strings() -> None:
    assert '<html lang="id">' in html.render(sample_report(), PACK, "id")
    text_en = html.render(sample_report(), PACK, "en")
    assert '<html lang="en">' in text_en
    assert "5 of 5 findings shown" in text_en
    assert "<title>naskah-lint report</title>" in text_en


def test_self_contained() -> None:
    text = html.render(sample_report(), PACK, "id")
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:|//)""", text)
    assert "@import" not in text
    assert "url(" not in text
    assert "<link" not in text
    assert re.search(r"<script\s+src", text) is None
    assert text.count("<style>") == 1 and text.count("<script>") == 1


def test_every_finding_once_with_data_attributes() -> None:
    doc = _doc(html.render(sample_report(), PACK, "id"))
    items = css(doc, "li.finding")
    assert [(i.get("data-severity"), i.get("data-rule")) for i in items] == [
        ("info", "CLAUSE-MONEV"),
        ("error", "CONS-WEEKDAY-DATE"),
        ("error", "CONS-AYAT-SEQUENCE"),
        ("warning", "META-UNUSED-SUPPRESSION"),
        ("warning", "FMT-FONT"),
    ]
    shown = doc.get_element_by_id("shown-count")
    assert shown.text_content() == "5 dari 5 temuan ditampilkan"
    assert shown.get("data-template") == "{shown} dari {total} temuan ditampilkan"
    assert shown.get("data-total") == "5"


def test_groups_by_part_pasal_and_story(fixed_outline: None) -> None:
    doc = _doc(html.render(sample_report(), PACK, "id"))
    article = doc.get_element_by_id("file-1")
    headings = [h.text_content() for h in css(article, "section.group h3")]
    assert headings == [
        "Dokumen 1",
        "Pembukaan 1",
        "Pasal 5 — JANGKA WAKTU 1",
        "Penutup 1",
        "Kaki halaman 1",
    ]


def test_escaping_of_messages_paths_and_titles() -> None:
    finding = Finding(
        rule="CONS-WEEKDAY-DATE",
        severity=Severity.ERROR,
        message='<script>alert("x")</script> & 100%',
        location=Location(story="body", block=2, part="judul", label="Judul <1>", excerpt="a<b"),
        suggestion="tulis \"Senin\" & 'Selasa'",
    )
    result = FileResult(
        path='x"><img src=y>.docx', sha256=None, document_type="PKS", findings=(finding,)
    )
    text = html.render(sample_report(files=(result,)), PACK, "id")
    assert "<script>alert" not in text
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; 100%" in text
    assert "<img" not in text
    assert "x&quot;&gt;&lt;img src=y&gt;.docx" in text
    doc = _doc(text)
    [item] = css(doc, "li.finding")
    assert css(item, ".message")[0].text_content() == '<script>alert("x")</script> & 100%'
    assert css(item, ".excerpt")[0].text_content() == "a<b"
    assert css(item, ".loc")[0].text_content() == "Judul <1>"
    assert css(item, ".suggestion")[0].text_content() == "Saran: tulis \"Senin\" & 'Selasa'"
    assert css(item, "code.rule")[0].get("title") == "Hari sesuai tanggal"


def test_summary_and_unreadable_file() -> None:
    doc = _doc(html.render(sample_report(), PACK, "id"))
    rows = css(doc, "section.summary tbody tr")
    cells = [[c.text_content().strip() for c in row] for row in rows]
    assert cells[0][:5] == [
        "drafts/pks universitas.docx",
        "Perjanjian Kerja Sama (PKS)",
        "2",
        "2",
        "1",
    ]
    assert cells[1][1] == "Nota Kesepahaman (NK)"
    assert cells[1][5] == "tanpa temuan"
    assert cells[2][5] == (
        "tidak terbaca CORRUPT berkas rusak (zip terpotong): buka dan simpan ulang di Word"
    )
    broken = doc.get_element_by_id("file-3")
    assert "CORRUPT" in broken.text_content()
    assert css(broken, "li.finding") == []


def test_outline_panel(fixed_outline: None) -> None:
    doc = _doc(html.render(sample_report(), PACK, "id"))
    [aside] = css(doc.get_element_by_id("file-1"), "aside.outline")
    text = aside.text_content()
    assert "KPU KABUPATEN <KARANGANYAR>" in text
    assert "12/PR.07-PKS/3313/2024" in text
    assert "Senin, 8 Juli 2024, Karanganyar (paragraf 12)" in text
    pasal = [li.text_content() for li in css(aside, "ol.pasal-list li")]
    assert pasal == [
        "Pasal 1 MAKSUD DAN TUJUAN maksud-tujuan 2 ayat",
        "Pasal 5 JANGKA WAKTU jangka-waktu 3 ayat",
        "Pasal 6 LAIN & LAIN tanpa klausul baku",
    ]
    assert "dibuat rangkap 2" in text
    # the clean NK file has no outline in the sample: no panel, one column
    assert css(doc.get_element_by_id("file-2"), "aside.outline") == []


def test_no_outline_panel_without_renderer(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "naskah_lint.outline.render", None)
    doc = _doc(html.render(sample_report(), PACK, "id"))
    assert css(doc, "aside.outline") == []
    assert len(css(doc, "li.finding")) == 5


def test_matrix_section() -> None:
    doc = _doc(html.render(sample_report(), PACK, "id"))
    sections = css(doc, "#matrix")
    assert len(sections) == 1
    from naskah_lint.report import matrix

    if hasattr(matrix, "render_html_section"):
        rows = css(sections[0], "tbody tr")
        assert len(rows) == len(PACK.rules)


def test_matrix_placeholder_when_missing(monkeypatch: pytest.MonkeyPatch) -> None:
    import naskah_lint.report

    monkeypatch.setitem(sys.modules, "naskah_lint.report.matrix", None)
    monkeypatch.delattr(naskah_lint.report, "matrix", raising=False)
    text = html.render(sample_report(), PACK, "id")
    assert '<section id="matrix" hidden></section>' in text


def test_filters_list_rules_found() -> None:
    doc = _doc(html.render(sample_report(), PACK, "en"))
    options = [o.text_content() for o in css(doc, "#rule-filter option")]
    assert options == [
        "All rules",
        "CLAUSE-MONEV — Monitoring clause",
        "CONS-AYAT-SEQUENCE — Paragraph sequence",
        "CONS-WEEKDAY-DATE — Weekday matches the date",
        "FMT-FONT — Body font",
        "META-UNUSED-SUPPRESSION",
    ]
    boxes = css(doc, 'input[name="severity"]')
    assert [b.get("value") for b in boxes] == ["error", "warning", "info"]
    assert all(b.get("checked") is not None for b in boxes)


def test_deterministic() -> None:
    report = sample_report()
    assert html.render(report, PACK, "id") == html.render(report, PACK, "id")


def test_opening_date_in_the_report_language(fixed_outline: None) -> None:
    doc = _doc(html.render(sample_report("en"), PACK, "en"))
    [aside] = css(doc.get_element_by_id("file-1"), "aside.outline")
    assert "Senin, 8 July 2024, Karanganyar (paragraph 12)" in aside.text_content()


def test_summary_cells_name_their_column_for_narrow_screens() -> None:
    doc = _doc(html.render(sample_report(), PACK, "id"))
    first = css(doc, "section.summary tbody tr")[0]
    assert [c.get("data-label") for c in first.findall("td")] == [
        "Jenis dokumen",
        "galat",
        "peringatan",
        "info",
        "Status",
    ]


def test_matrix_columns_are_file_names_linked_to_their_cards() -> None:
    doc = _doc(html.render(sample_report(), PACK, "id"))
    heads = css(doc, "#matrix thead th")[1:]
    assert [(h.get("title"), h.text_content()) for h in heads] == [
        ("drafts/pks universitas.docx", "pks universitas.docx"),
        (
            "drafts/Nota Kesepahaman Jawa Tengah – édisi.docx",
            "Nota Kesepahaman Jawa Tengah – édisi.docx",
        ),
        ("rusak, lama:1.docx", "rusak, lama:1.docx"),
    ]
    assert [h.find("a").get("href") for h in heads] == ["#file-1", "#file-2", "#file-3"]
