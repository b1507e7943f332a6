"""Outline rendering: the contract's JSON shape and the rich Tree (Indonesian and English)."""

from __future__ import annotations

import dataclasses
import io
import json
import re

from modelbuild import document, pack_values, skeleton_pks

from naskah_lint.outline import segment
from naskah_lint.outline.model import Outline
from naskah_lint.outline.render import outline_json
from naskah_lint.report.outline_text import outline_tree, print_outline

CONTRACT_KEYS = [
    "schema_version",
    "path",
    "document_type",
    "language",
    "title",
    "nomor",
    "opening",
    "parties",
    "recitals",
    "pasal",
    "closing",
    "signatures",
]


def full() -> Outline:
    return segment(document(skeleton_pks()), pack_values())


def render(outline: Outline, lang: str) -> str:
    from rich.console import Console

    buffer = io.StringIO()
    Console(file=buffer, width=120, color_system=None).print(outline_tree(outline, lang))
    return buffer.getvalue()


def test_json_contract_shape() -> None:
    data = outline_json(full(), "drafts/pks.docx")
    assert list(data)[: len(CONTRACT_KEYS)] == CONTRACT_KEYS
    assert data["schema_version"] == 1
    assert data["path"] == "drafts/pks.docx"
    assert data["document_type"] == "PKS"
    assert data["language"] == "id"
    assert data["title"]["lines"][:2] == ["PERJANJIAN KERJA SAMA", "ANTARA"]
    assert data["title"]["perihal"] == "PENDIDIKAN PEMILIH DAN KAJIAN KEPEMILUAN"
    assert data["nomor"] == ["12/PR.07-PKS/3313/2024", "045/UC-FH/PKS/VII/2024"]
    assert {k: data["opening"][k] for k in ("weekday", "date", "place", "block")} == {
        "weekday": "Senin",
        "date": "2024-07-08",
        "place": "Karanganyar",
        "block": 11,
    }
    assert {k: data["parties"][0][k] for k in ("alias", "name", "jabatan", "institution")} == {
        "alias": "PIHAK KESATU",
        "name": "NAMA SATU, S.H.",
        "jabatan": "Sekretaris Komisi Pemilihan Umum Kabupaten Karanganyar",
        "institution": "Sekretariat Komisi Pemilihan Umum Kabupaten Karanganyar",
    }
    assert data["recitals"] == 3
    assert {k: data["pasal"][0][k] for k in ("number", "title", "clause", "ayat", "block")} == {
        "number": 1,
        "title": "MAKSUD DAN TUJUAN",
        "clause": "maksud-tujuan",
        "ayat": 2,
        "block": 20,
    }
    assert data["pasal"][0]["clause_score"] == 100.0
    assert {k: data["closing"][k] for k in ("rangkap", "block")} == {"rangkap": 2, "block": 37}
    assert [(s["label"], s["name"], s["jabatan"]) for s in data["signatures"]] == [
        ("PIHAK KESATU", "NAMA SATU, S.H.", "Sekretaris KPU Kabupaten Karanganyar"),
        ("PIHAK KEDUA", "Dr. NAMA DUA, M.H.", "Dekan Fakultas Hukum"),
    ]
    assert [r["letter"] for r in data["premis"]["recitals"]] == ["a", "b", "c"]
    assert data["premis"]["cited_nk"] == {
        "nomor": "3/PR.07-NK/3313/2024",
        "date": "2024-03-12",
        "block": 18,
    }
    assert data["lampiran"] == {
        "annex_blocks": [48],
        "annex_labels": ["LAMPIRAN"],
        "reference_blocks": [36],
    }
    assert data["parts"][0] == {"block": 1, "part": "judul"}
    json.dumps(data)  # serialisable as is


def test_json_nulls_for_absent_parts() -> None:
    data = outline_json(segment(document(["Catatan rapat."]), pack_values()), "x.docx")
    assert data["document_type"] == "OTHER"
    for key in ("title", "opening", "recitals", "closing", "premis", "lampiran"):
        assert data[key] is None, key
    for key in ("nomor", "parties", "pasal", "signatures", "witnesses", "placeholders"):
        assert data[key] == [], key


def test_text_tree_indonesian() -> None:
    text = render(full(), "id")
    assert text.splitlines()[0] == "Kerangka naskah: PKS (id)"
    assert "Judul [blok 1–7]" in text
    assert "NOMOR: 12/PR.07-PKS/3313/2024 [blok 8]" in text
    assert "Pembukaan [blok 11]" in text
    assert "Tanggal: 2024-07-08 (dengan huruf)" in text
    assert "PIHAK KESATU: NAMA SATU, S.H. [blok 12]" in text
    assert "Pertimbangan: 3 butir" in text
    assert "Pasal 1 MAKSUD DAN TUJUAN → maksud-tujuan (100) [blok 20–23]" in text
    assert "Ayat: (1) (2)" in text
    assert "Rangkap: 2 (dua)" in text
    assert "Tanda tangan: 2 blok" in text
    assert "LAMPIRAN [blok 48]" in text


def test_text_tree_english_and_missing_parts() -> None:
    text = render(segment(document(["NOTA KESEPAHAMAN", "Isi."]), pack_values()), "en")
    assert text.splitlines()[0] == "Document outline: NK (id)"
    assert "Opening: not found" in text
    assert "Closing: not found" in text
    assert "Signatures: 0 blocks: not found" in text
    assert "Articles: 0: not found" in text


def test_piped_outline_never_breaks_a_block_range() -> None:
    """Not on a terminal (`outline FILE | cat`), a long node stays on one line, unwrapped."""
    outline = full()
    title = "MAKSUD DAN TUJUAN KERJA SAMA PENDIDIKAN PEMILIH DAN KAJIAN KEPEMILUAN DI KABUPATEN"
    long_first = dataclasses.replace(outline.pasal[0], title=title)
    outline = dataclasses.replace(outline, pasal=(long_first, *outline.pasal[1:]))
    buffer = io.StringIO()  # not a TTY
    print_outline(outline, "id", buffer)
    lines = buffer.getvalue().splitlines()
    line = f"Pasal 1 {title} → maksud-tujuan (100) [blok 20–23]"
    assert [x for x in lines if line in x] == [f"│   ├── {line}"]
    assert len(line) > 80
    assert [x for x in lines if re.search(r"\[blok [^\]]*$|^[│├└─ ]*[\d–]+\]$", x)] == []
