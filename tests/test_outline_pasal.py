"""Outline: pasal headings and titles in every real-world shape, clause ids, ayat, lists, xrefs."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from modelbuild import Item, document, pack_values, skeleton_pks

from naskah_lint.outline import segment
from naskah_lint.outline.clauses import clause_table, match_title, normalize_title
from naskah_lint.outline.model import Outline

HEAD: list[Item] = ["PERJANJIAN KERJA SAMA", "TENTANG", "X"]


def outline_of(items: list[Item]) -> Outline:
    return segment(document(items), pack_values())


def test_headings_in_separate_paragraphs() -> None:
    o = outline_of(skeleton_pks())
    assert [(p.number, p.number_text, p.title, p.clause) for p in o.pasal] == [
        (1, "Pasal 1", "MAKSUD DAN TUJUAN", "maksud-tujuan"),
        (2, "Pasal 2", "RUANG LINGKUP", "ruang-lingkup"),
        (3, "Pasal 3", "JANGKA WAKTU", "jangka-waktu"),
        (4, "Pasal 4", "PENUTUP", "penutup"),
    ]
    first = o.pasal[0]
    assert (first.heading_block, first.title_block, first.first_block, first.last_block) == (
        20,
        21,
        20,
        23,
    )
    assert first.clause_score == 100.0 and first.clause_matched == "MAKSUD DAN TUJUAN"
    assert first.clause_inferred is False and first.numbered_by_word is False
    # the closing "Demikian ..." follows the last pasal, it is not part of it
    assert o.pasal[-1].last_block == 36
    assert o.pasal_of(22) is first
    assert o.part_of(20) == "pasal"


def test_run_together_and_line_break_headings() -> None:
    o = outline_of(
        [
            *HEAD,
            "PASAL 1MAKSUD DAN TUJUAN",
            "Isi pasal satu.",
            "PASAL 2\nRUANG LINGKUP",
            "Isi pasal dua.",
            "Pasal 3 KEADAAN MEMAKSA (FORCE MAJEURE)",
            "Isi pasal tiga.",
        ]
    )
    assert [(p.number, p.title, p.clause, p.title_block) for p in o.pasal] == [
        (1, "MAKSUD DAN TUJUAN", "maksud-tujuan", 4),
        (2, "RUANG LINGKUP", "ruang-lingkup", 6),
        (3, "KEADAAN MEMAKSA (FORCE MAJEURE)", "keadaan-kahar", 8),
    ]
    assert [p.number_text for p in o.pasal] == ["PASAL 1", "PASAL 2", "Pasal 3"]


def test_word_numbered_pasal_and_ayat() -> None:
    o = outline_of(
        [
            *HEAD,
            {"text": "", "label": "Pasal 1", "num_id": 7},
            "MAKSUD DAN TUJUAN",
            {"text": "Maksud kerja sama.", "label": "(1)", "num_id": 8},
            {"text": "Tujuan kerja sama.", "label": "(2)", "num_id": 8},
            {"text": "", "label": "Pasal 2", "num_id": 7},
            "PENYELESAIN PERSELISIHAN",
            "Diselesaikan secara musyawarah.",
        ]
    )
    first, second = o.pasal
    assert (first.number, first.number_text, first.numbered_by_word) == (1, "Pasal 1", True)
    assert [(a.number, a.label, a.block) for a in first.ayat] == [(1, "(1)", 6), (2, "(2)", 7)]
    assert second.clause == "penyelesaian-perselisihan"
    assert second.clause_matched == "PENYELESAIAN PERSELISIHAN"
    assert 85 <= second.clause_score < 100


def test_lists_levels_and_ayat_membership() -> None:
    o = outline_of(
        [
            *HEAD,
            "Pasal 1",
            "HAK DAN KEWAJIBAN",
            "(1)\tHak PIHAK KESATU:",
            "a.\tmenerima laporan;",
            "b.\tmenerima data berupa:",
            "1.\tdata pemilih;",
            "2.\tdata wilayah; dan",
            "c.\tmemberi arahan.",
            "(2)\tKewajiban PIHAK KEDUA:",
            {"text": "menyusun laporan;", "label": "a.", "fmt": "lowerLetter"},
            {"text": "menyampaikan data.", "label": "b.", "fmt": "lowerLetter"},
        ]
    )
    p = o.pasal[0]
    assert [a.number for a in p.ayat] == [1, 2]
    assert [(i.kind, i.label, i.value, i.level, i.ayat) for i in p.lists] == [
        ("huruf", "a.", 1, 1, 1),
        ("huruf", "b.", 2, 1, 1),
        ("angka", "1.", 1, 2, 1),
        ("angka", "2.", 2, 2, 1),
        ("huruf", "c.", 3, 1, 1),
        ("huruf", "a.", 1, 1, 2),
        ("huruf", "b.", 2, 1, 2),
    ]
    assert o.ayat_of(9) is not None and o.ayat_of(9).number == 1  # type: ignore[union-attr]
    assert o.ayat_of(13) is not None and o.ayat_of(13).number == 2  # type: ignore[union-attr]


def test_parenthesised_numbers_are_their_own_level() -> None:
    # UNS PKS Pasal 6: "3. Prosedur" / "a. …" / "1) …" "2) …" / "a. …" (meant b.)
    o = outline_of(
        [
            *HEAD,
            "Pasal 1",
            "PEMBIAYAAN",
            "1.\tBeban PIHAK KESATU;",
            "2.\tProsedur pembayaran:",
            "a.\tBiaya dibayarkan sebagai berikut:",
            "1)\ttermin pertama;",
            "2)\ttermin kedua;",
            "a.\tPembayaran dilakukan secara transfer.",
        ]
    )
    assert [(i.label, i.level) for i in o.pasal[0].lists] == [
        ("1.", 1),
        ("2.", 1),
        ("a.", 2),
        ("1)", 3),
        ("2)", 3),
        ("a.", 2),
    ]


def test_cross_references() -> None:
    o = outline_of(skeleton_pks())
    p3 = o.pasal[2]
    assert [(x.pasal, x.ayat, x.huruf, x.block) for x in p3.xrefs] == [
        (None, 1, None, 33),
        (2, None, "b", 33),
    ]
    lampiran_refs = [x for x in o.pasal[3].xrefs if x.lampiran]
    assert len(lampiran_refs) == 1 and lampiran_refs[0].block == 36


def test_bab_grouping() -> None:
    o = outline_of(
        [
            *HEAD,
            "BAB I",
            "KETENTUAN UMUM",
            "Pasal 1",
            "DEFINISI",
            "Isi.",
            "BAB II",
            "PELAKSANAAN",
            "Pasal 2",
            "PELAKSANAAN KEGIATAN",
            "Isi.",
        ]
    )
    assert [(p.number, p.bab, p.clause) for p in o.pasal] == [
        (1, "BAB I", "ketentuan-umum"),
        (2, "BAB II", "pelaksanaan"),
    ]
    assert o.pasal[0].last_block == 8  # ends before "BAB II"
    assert o.part_of(4) == "pasal"


def test_titleless_pasal_clause_is_inferred() -> None:
    o = outline_of(
        [
            *HEAD,
            "Pasal 1",
            "(1)\tPerjanjian ini berlaku untuk jangka waktu 1 (satu) tahun.",
            "(2)\tJangka waktu sebagaimana dimaksud pada ayat (1) dapat diperpanjang.",
        ]
    )
    p = o.pasal[0]
    assert p.title is None and p.title_block is None
    assert p.clause == "jangka-waktu"
    assert p.clause_inferred is True
    assert p.clause_matched == "JANGKA WAKTU"
    assert p.clause_score == 100.0


def test_body_reference_lines_are_not_headings() -> None:
    o = outline_of(
        [*HEAD, "Pasal 1", "UMUM", "Pasal 3 sampai dengan Pasal 5 berlaku.", "Pasal 5 ayat (2) ..."]
    )
    assert [p.number for p in o.pasal] == [1]
    # a bare "UMUM" pasal holds general provisions: Ketentuan Umum (spec §3), matched exactly
    assert (o.pasal[0].clause, o.pasal[0].clause_matched) == ("ketentuan-umum", "UMUM")


@pytest.mark.parametrize(
    ("title", "clause"),
    [
        ("PENYELESAIN PERSELISIHAN", "penyelesaian-perselisihan"),
        ("KEADAAN MEMAKSA (FORCE MAJEURE)", "keadaan-kahar"),
        ("Keadaan Kahar", "keadaan-kahar"),
        ("(FORCE MAJEURE)", "keadaan-kahar"),
        ("MASA BERLAKU", "jangka-waktu"),
        ("Pasal 1 MAKSUD & TUJUAN", "maksud-tujuan"),
        ("LAIN - LAIN", "lain-lain"),
        ("KERAHASIAN", "kerahasiaan"),
        ("RUANG LINGKUP KERJASAMA", "ruang-lingkup"),
        ("Pemutusan Hubungan Perjanjian Kerja", "pengakhiran"),
        ("HAK DAN KEWAJIBAN PARA PIHAK", "hak-kewajiban"),
        # "UMUM" alone is Ketentuan Umum (general provisions, spec §3), but only as the whole
        # title: as a modifier it must not pull other titles away from their own clause
        ("UMUM", "ketentuan-umum"),
        ("PEMBIAYAAN UMUM", "pembiayaan"),
        ("KEWAJIBAN UMUM", "hak-kewajiban"),
        ("PEMILIHAN UMUM", None),
        ("OBJECTIVE", "maksud-tujuan"),
        ("SCOPE", "ruang-lingkup"),
        ("TIME PERIOD", "jangka-waktu"),
        ("DISPUTE SETTLEMENT", "penyelesaian-perselisihan"),
        ("TEMA KEGIATAN", None),
        ("HAK ATAS KEKAYAAN INTELEKTUAL", None),
        ("Masa Perjanjian Kerja, Jabatan, dan Unit Kerja", None),
        ("KEWAJIBAN INSTITUTIONAL FEE", None),
        ("Perlindungan", None),
    ],
)
def test_clause_matching(title: str, clause: str | None) -> None:
    found = match_title(title, clause_table(pack_values()))
    assert found.clause == clause
    assert found.matched is not None
    if clause is None:
        assert found.score < 85
    else:
        assert found.score >= 85


def test_normalize_title() -> None:
    assert normalize_title("Pasal 12 Keadaan Kahar (Force Majeure).") == "KEADAAN KAHAR"
    assert normalize_title("Maksud & Tujuan") == "MAKSUD DAN TUJUAN"
    assert normalize_title("(FORCE MAJEURE)") == "FORCE MAJEURE"


def test_threshold_comes_from_the_pack() -> None:
    strict = clause_table({**pack_values(), "clause_match_threshold": 99})
    assert match_title("PENYELESAIN PERSELISIHAN", strict).clause is None
    assert match_title("PENYELESAIAN PERSELISIHAN", strict).clause == "penyelesaian-perselisihan"


def test_titled_document_never_imports_spacy() -> None:
    script = textwrap.dedent(
        """
        import sys
        sys.path.insert(0, "tests")
        from modelbuild import document, pack_values, skeleton_pks
        from naskah_lint.outline import segment
        o = segment(document(skeleton_pks()), pack_values())
        assert len(o.pasal) == 4
        print("spacy" in sys.modules)
        """
    )
    run = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        check=True,
        cwd=Path(__file__).resolve().parent.parent,
    )
    assert run.stdout.strip() == "False"
