"""STRUCT kinds and rules on hand-built documents and outlines (no .docx): each rule passes a
well-formed PKS/NK (spec §6.1/§6.2) and reports the defect seeded into a copy, with the exact
block, message variant, severity and message text."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest
from kindkit import matched_pasal
from modelbuild import document

from naskah_lint.config import Settings
from naskah_lint.engine.loader import build_params, load_pack
from naskah_lint.engine.runner import execute
from naskah_lint.errors import ConfigError
from naskah_lint.findings import Finding
from naskah_lint.kinds import structure
from naskah_lint.model import Document
from naskah_lint.outline.model import (
    CitedNK,
    Closing,
    Nomor,
    Opening,
    Outline,
    Party,
    Pasal,
    Placeholder,
    Premis,
    Recital,
    Signature,
    Title,
)

# --------------------------------------------------------------------------- the builder
# A PKS after spec §6.1: title 1-7, nomor 8-9, opening 10, parties 11-12, PARA PIHAK 13,
# premis 14-17, agreement sentence 18, 12 pasal of 3 blocks each (19-54), closing 55,
# signature table 56-61.

PASAL_TITLES = (
    (
        "MAKSUD DAN TUJUAN",
        "maksud-tujuan",
        "Maksud Perjanjian Kerja Sama ini adalah pendidikan pemilih.",
    ),
    ("RUANG LINGKUP", "ruang-lingkup", "Ruang lingkup meliputi pendidikan pemilih dan kajian."),
    ("PELAKSANAAN", "pelaksanaan", "Pelaksanaan sebagaimana dimaksud dalam Pasal 2."),
    ("HAK DAN KEWAJIBAN", "hak-kewajiban", "Hak PIHAK KESATU menerima hasil kajian."),
    ("PEMBIAYAAN", "pembiayaan", "Biaya dibebankan pada anggaran masing-masing PIHAK."),
    (
        "JANGKA WAKTU",
        "jangka-waktu",
        "Perjanjian ini berlaku 1 (satu) tahun sejak tanggal ditandatangani sampai dengan "
        "7 Juli 2025.",
    ),
    ("MONITORING DAN EVALUASI", "monev", "PARA PIHAK melakukan monitoring dan evaluasi."),
    (
        "KEADAAN KAHAR",
        "keadaan-kahar",
        "PIHAK yang mengalami keadaan kahar memberitahukan secara tertulis paling lambat "
        "7 (tujuh) hari.",
    ),
    (
        "PENYELESAIAN PERSELISIHAN",
        "penyelesaian-perselisihan",
        "Perselisihan diselesaikan secara musyawarah untuk mufakat.",
    ),
    ("PERUBAHAN", "perubahan", "Perubahan dituangkan dalam adendum secara tertulis."),
    ("PENGAKHIRAN", "pengakhiran", "Perjanjian ini dapat diakhiri atas kesepakatan PARA PIHAK."),
    ("PENUTUP", "penutup", "Hal yang belum diatur akan diatur kemudian."),
)

TITLE_LINES = (
    "PERJANJIAN KERJA SAMA",
    "ANTARA",
    "SEKRETARIAT KOMISI PEMILIHAN UMUM KABUPATEN KARANGANYAR",
    "DENGAN",
    "FAKULTAS HUKUM UNIVERSITAS CONTOH",
    "TENTANG",
    "PENDIDIKAN PEMILIH DAN KAJIAN KEPEMILUAN",
)
OPENING = (
    "Pada hari ini Senin, tanggal delapan bulan Juli tahun dua ribu dua puluh empat "
    "(08-07-2024), bertempat di Karanganyar, kami yang bertanda tangan di bawah ini:"
)
CLOSING = (
    "Demikian Perjanjian Kerja Sama ini dibuat dalam rangkap 2 (dua), masing-masing "
    "bermeterai cukup dan mempunyai kekuatan hukum yang sama."
)


def pks_items(pasal: Sequence[tuple[str, str | None, str]] = PASAL_TITLES) -> list[Any]:
    """Body paragraphs of the clean PKS (title centred, pasal headings and titles centred)."""
    items: list[Any] = [{"text": line, "align": "center"} for line in TITLE_LINES]
    items += [
        {"text": "NOMOR: 12/PR.07-PKS/3313/2024", "align": "center"},
        {"text": "NOMOR: 045/UC-FH/PKS/VII/2024", "align": "center"},
        OPENING,
        "1. NAMA SATU, S.H., Sekretaris KPU Kabupaten Karanganyar, dalam hal ini bertindak untuk "
        "dan atas nama Sekretariat KPU Kabupaten Karanganyar, berkedudukan di Jalan Contoh "
        "Nomor 1, selanjutnya disebut PIHAK KESATU;",
        "2. Dr. NAMA DUA, M.H., Dekan Fakultas Hukum Universitas Contoh, dalam hal ini bertindak "
        "untuk dan atas nama Fakultas Hukum Universitas Contoh, berkedudukan di Jalan Kampus "
        "Nomor 2, selanjutnya disebut PIHAK KEDUA.",
        "PIHAK KESATU dan PIHAK KEDUA secara bersama-sama disebut PARA PIHAK dan masing-masing "
        "disebut PIHAK.",
        "PARA PIHAK terlebih dahulu menerangkan hal-hal sebagai berikut:",
        "a. bahwa PIHAK KESATU merupakan unsur pendukung penyelenggara Pemilu;",
        "b. bahwa PIHAK KEDUA melaksanakan Tri Dharma Perguruan Tinggi; dan",
        "c. bahwa PARA PIHAK telah menandatangani Nota Kesepahaman Nomor 3/PR.07-NK/3313/2024 "
        "tanggal 12 Maret 2024.",
        "Berdasarkan hal tersebut, PARA PIHAK sepakat mengadakan Perjanjian Kerja Sama dengan "
        "ketentuan sebagai berikut:",
    ]
    for n, (title, _, body) in enumerate(pasal, start=1):
        items += [
            {"text": f"Pasal {n}", "align": "center"},
            {"text": title, "align": "center"},
            {"text": body, "align": "both"},
        ]
    items.append(CLOSING)
    items += [
        {"text": "PIHAK KEDUA,", "cell": (0, 0, 0)},
        {"text": "Dekan Fakultas Hukum Universitas Contoh,", "cell": (0, 0, 0)},
        {"text": "Dr. NAMA DUA, M.H.", "cell": (0, 0, 0)},
        {"text": "PIHAK KESATU,", "cell": (0, 0, 1)},
        {"text": "Sekretaris KPU Kabupaten Karanganyar,", "cell": (0, 0, 1)},
        {"text": "NAMA SATU, S.H.", "cell": (0, 0, 1)},
    ]
    return items


def pasal_outline(
    titles: Sequence[tuple[str, str | None, str]], first: int = 19
) -> tuple[Pasal, ...]:
    """Pasal records for 3-block pasal (heading, title, one body block) starting at `first`."""
    return tuple(
        matched_pasal(n, first + 3 * (n - 1), first + 3 * n - 1, title=title, clause=clause)
        for n, (title, clause, _) in enumerate(titles, start=1)
    )


def clean_pks(
    pasal: Sequence[tuple[str, str | None, str]] = PASAL_TITLES, doc_type: str = "PKS"
) -> tuple[Document, Outline]:
    """The well-formed PKS of spec §6.1 as a Document and its Outline."""
    doc = document(pks_items(pasal))
    end = 19 + 3 * len(pasal)  # the closing block
    outline = Outline(
        document_type=doc_type,
        language="id",
        title=Title(
            lines=TITLE_LINES,
            blocks=(1, 2, 3, 4, 5, 6, 7),
            kind_text="PERJANJIAN KERJA SAMA",
            institutions=(TITLE_LINES[2], TITLE_LINES[4]),
            perihal=TITLE_LINES[6],
            perihal_blocks=(7,),
            has_antara=True,
            has_dan=True,
            has_tentang=True,
        ),
        nomor=(
            Nomor("NOMOR: 12/PR.07-PKS/3313/2024", "12/PR.07-PKS/3313/2024", 8, False),
            Nomor("NOMOR: 045/UC-FH/PKS/VII/2024", "045/UC-FH/PKS/VII/2024", 9, False),
        ),
        opening=Opening(
            block=10,
            text=OPENING,
            weekday="Senin",
            day_text="delapan",
            month_text="Juli",
            year_text="dua ribu dua puluh empat",
            date=dt.date(2024, 7, 8),
            date_in_words=True,
            numeric_text="(08-07-2024)",
            numeric_date=dt.date(2024, 7, 8),
            place="Karanganyar",
        ),
        parties=(
            _party(
                1, "PIHAK KESATU", "NAMA SATU, S.H.", "Sekretaris KPU Kabupaten Karanganyar", 11
            ),
            _party(2, "PIHAK KEDUA", "Dr. NAMA DUA, M.H.", "Dekan Fakultas Hukum", 12),
        ),
        premis=Premis(
            intro_block=14,
            recitals=(
                Recital("a", "bahwa PIHAK KESATU …;", 15, True, ";"),
                Recital("b", "bahwa PIHAK KEDUA …; dan", 16, True, "; dan"),
                Recital("c", "bahwa PARA PIHAK … 12 Maret 2024.", 17, True, "."),
            ),
            dasar_hukum_blocks=(),
            cited_nk=CitedNK(
                "Nota Kesepahaman Nomor 3/PR.07-NK/3313/2024", "3/PR.07-NK/3313/2024", None, 17
            ),
            agreement_block=18,
            para_pihak_block=13,
        ),
        pasal=pasal_outline(pasal),
        closing=Closing(end, CLOSING, 2, 2, "dua", True, True),
        signatures=(
            Signature(
                "PIHAK KEDUA",
                2,
                "Dekan Fakultas Hukum",
                "Dr. NAMA DUA, M.H.",
                None,
                False,
                (end + 1, end + 2, end + 3),
            ),
            Signature(
                "PIHAK KESATU",
                1,
                "Sekretaris KPU",
                "NAMA SATU, S.H.",
                None,
                False,
                (end + 4, end + 5, end + 6),
            ),
        ),
        witnesses=(),
        lampiran=None,
        placeholders=(),
        parts=(
            (1, "judul"),
            (8, "nomor"),
            (10, "pembukaan"),
            (11, "komparisi"),
            (14, "premis"),
            (19, "pasal"),
            (end, "penutup"),
            (end + 1, "tanda-tangan"),
        ),
    )
    return doc, outline


def _party(index: int, alias: str, name: str, jabatan: str, block: int) -> Party:
    return Party(
        index=index,
        alias=alias,
        alias_as_written=alias,
        ordinal=index,
        series="KESATU",
        name=name,
        jabatan=jabatan,
        legal_basis=None,
        institution=jabatan,
        address="Jalan Contoh",
        blocks=(block,),
        has_acting=True,
        has_address=True,
        has_alias=True,
    )


def replace_text(doc: Document, index: int, text: str, **para: Any) -> Document:
    """A copy of the document with body block `index` given a new text (and para format)."""
    blocks = []
    for b in doc.blocks:
        if b.story.value == "body" and b.index == index:
            run = dataclasses.replace(b.runs[-1], text=text, start=0) if b.runs else None
            b = dataclasses.replace(
                b,
                text=text,
                runs=(run,) if run else (),
                numbering=None,
                para=dataclasses.replace(b.para, **para),
            )
        blocks.append(b)
    return dataclasses.replace(doc, blocks=tuple(blocks))


def run(
    doc: Document, outline: Outline, rule: str, mode: str = "draft", lang: str = "id"
) -> list[Finding]:
    """The findings of one rule of the shipped pack (raises if the kind failed)."""
    settings = Settings(select=(rule,), mode=mode, lang=lang)
    outcome = execute(doc, outline, load_pack(), settings)
    assert not outcome.failures, outcome.failures[0].traceback
    return [f for f in outcome.findings if f.rule == rule]


def blocks_of(findings: Sequence[Finding]) -> list[tuple[int | None, str]]:
    """(block or None for whole-document findings, severity) of each finding."""
    return [
        (None if f.location.part == "dokumen" else f.location.block, f.severity.value)
        for f in findings
    ]


STRUCT_RULES = (
    "STRUCT-TITLE",
    "STRUCT-ANTARA-DAN",
    "STRUCT-TENTANG",
    "STRUCT-NOMOR-PER-PARTY",
    "STRUCT-OPENING",
    "STRUCT-OPENING-PLACE",
    "STRUCT-KOMPARISI",
    "STRUCT-PARA-PIHAK-DEF",
    "STRUCT-RECITALS",
    "STRUCT-PKS-CITES-NK",
    "STRUCT-AGREEMENT-SENTENCE",
    "STRUCT-PASAL-HEADING",
    "STRUCT-PENUTUP",
    "STRUCT-SIGNATURE-BLOCKS",
)


# --------------------------------------------------------------------------- clean documents


@pytest.mark.parametrize("rule", STRUCT_RULES)
def test_clean_pks_passes_every_struct_rule(rule: str) -> None:
    doc, outline = clean_pks()
    assert run(doc, outline, rule) == []


def test_builder_blocks_line_up_with_the_outline() -> None:
    doc, _ = clean_pks()
    body = structure.body_map(doc)
    assert body[10].text == OPENING
    assert body[19].text == "Pasal 1" and body[20].text == "MAKSUD DAN TUJUAN"
    assert body[55].text == CLOSING
    assert body[56].text == "PIHAK KEDUA,"


# --------------------------------------------------------------------------- title


def test_title_variant_is_a_warning_naming_the_standard_form() -> None:
    doc, outline = clean_pks()
    doc = replace_text(doc, 1, "KESEPAKATAN BERSAMA")
    outline = dataclasses.replace(
        outline, title=dataclasses.replace(outline.title, kind_text="KESEPAKATAN BERSAMA")
    )
    found = run(doc, outline, "STRUCT-TITLE")
    assert blocks_of(found) == [(1, "warning")]
    assert found[0].message == (
        "Judul 'KESEPAKATAN BERSAMA' bukan bentuk baku pedoman: tulis 'PERJANJIAN KERJA SAMA'."
    )


def test_missing_title_is_an_error() -> None:
    doc, outline = clean_pks()
    outline = dataclasses.replace(outline, title=None)
    found = run(doc, outline, "STRUCT-TITLE", lang="en")
    assert blocks_of(found) == [(None, "error")]
    assert "'PERJANJIAN KERJA SAMA'" in found[0].message


def test_title_variants_accepted_per_type() -> None:
    doc, outline = clean_pks(doc_type="ADDENDUM")
    outline = dataclasses.replace(
        outline,
        title=dataclasses.replace(outline.title, kind_text="ADENDUM I PERJANJIAN KERJA SAMA"),
    )
    assert run(doc, outline, "STRUCT-TITLE") == []
    outline = dataclasses.replace(
        outline, title=dataclasses.replace(outline.title, kind_text="PERJANJIAN KERJASAMA")
    )
    found = run(doc, outline, "STRUCT-TITLE")
    assert blocks_of(found) == [(1, "warning")]
    assert "'ADENDUM'" in found[0].message


def test_antara_dan_missing_and_no_kpu_party() -> None:
    doc, outline = clean_pks()
    no_dan = dataclasses.replace(
        outline, title=dataclasses.replace(outline.title, has_dan=False, institutions=())
    )
    found = run(doc, no_dan, "STRUCT-ANTARA-DAN")
    assert blocks_of(found) == [(2, "error")]
    assert "DAN/DENGAN" in found[0].message and "ANTARA," not in found[0].message
    no_kpu = dataclasses.replace(
        outline,
        title=dataclasses.replace(
            outline.title, institutions=("UNIVERSITAS SEBELAS MARET", "PT BANK CONTOH")
        ),
    )
    found = run(doc, no_kpu, "STRUCT-ANTARA-DAN")
    assert blocks_of(found) == [(2, "error")]
    assert "UNIVERSITAS SEBELAS MARET; PT BANK CONTOH" in found[0].message
    template = dataclasses.replace(
        outline,
        title=dataclasses.replace(
            outline.title, institutions=("UNIVERSITAS SEBELAS MARET", "${mitra}")
        ),
    )
    assert run(doc, template, "STRUCT-ANTARA-DAN") == []
    one = dataclasses.replace(
        outline, title=dataclasses.replace(outline.title, institutions=("KPU KABUPATEN X",))
    )
    assert "hanya menyebut 1 pihak" in run(doc, one, "STRUCT-ANTARA-DAN")[0].message


def test_tentang_missing_empty_and_placeholder() -> None:
    doc, outline = clean_pks()
    title = outline.title
    no_tentang = dataclasses.replace(outline, title=dataclasses.replace(title, has_tentang=False))
    assert blocks_of(run(doc, no_tentang, "STRUCT-TENTANG")) == [(7, "error")]
    empty = dataclasses.replace(outline, title=dataclasses.replace(title, perihal=None))
    assert blocks_of(run(doc, empty, "STRUCT-TENTANG")) == [(7, "error")]
    dots = dataclasses.replace(outline, title=dataclasses.replace(title, perihal="…………………"))
    assert blocks_of(run(doc, dots, "STRUCT-TENTANG")) == [(7, "warning")]
    assert blocks_of(run(doc, dots, "STRUCT-TENTANG", mode="final")) == [(7, "error")]


def test_nomor_count() -> None:
    doc, outline = clean_pks()
    one = dataclasses.replace(outline, nomor=outline.nomor[:1])
    found = run(doc, one, "STRUCT-NOMOR-PER-PARTY")
    assert blocks_of(found) == [(8, "warning")]
    assert found[0].message.startswith("Hanya ada 1 baris NOMOR untuk 2 pihak")
    none = dataclasses.replace(outline, nomor=())
    assert blocks_of(run(doc, none, "STRUCT-NOMOR-PER-PARTY")) == [(7, "warning")]
    three = dataclasses.replace(outline, nomor=(*outline.nomor, outline.nomor[0]))
    assert "Ada 3 baris NOMOR untuk 2 pihak" in run(doc, three, "STRUCT-NOMOR-PER-PARTY")[0].message


# --------------------------------------------------------------------------- opening


def test_opening_missing_incomplete_and_placeholder() -> None:
    doc, outline = clean_pks()
    assert blocks_of(run(doc, dataclasses.replace(outline, opening=None), "STRUCT-OPENING")) == [
        (None, "error")
    ]
    no_day = dataclasses.replace(
        outline, opening=dataclasses.replace(outline.opening, weekday=None, day_text=None)
    )
    found = run(doc, no_day, "STRUCT-OPENING")
    assert blocks_of(found) == [(10, "error")]
    assert "tidak menyebut hari, tanggal" in found[0].message
    template = dataclasses.replace(
        no_day, opening=dataclasses.replace(no_day.opening, placeholder=True)
    )
    assert blocks_of(run(doc, template, "STRUCT-OPENING")) == [(10, "warning")]
    assert blocks_of(run(doc, template, "STRUCT-OPENING", mode="final")) == [(10, "error")]
    wrong_start = dataclasses.replace(
        outline, opening=dataclasses.replace(outline.opening, text="Hari ini Senin, tanggal …")
    )
    assert "tidak diawali 'Pada hari ini'" in run(doc, wrong_start, "STRUCT-OPENING")[0].message


def test_opening_place() -> None:
    doc, outline = clean_pks()
    no_place = dataclasses.replace(
        outline, opening=dataclasses.replace(outline.opening, place=None)
    )
    assert blocks_of(run(doc, no_place, "STRUCT-OPENING-PLACE")) == [(10, "warning")]
    dots = dataclasses.replace(outline, opening=dataclasses.replace(outline.opening, place="……"))
    found = run(doc, dots, "STRUCT-OPENING-PLACE")
    assert blocks_of(found) == [(10, "warning")]
    assert "belum diisi ('bertempat di ……')" in found[0].message
    assert run(doc, dataclasses.replace(outline, opening=None), "STRUCT-OPENING-PLACE") == []


# --------------------------------------------------------------------------- komparisi


def test_komparisi_lists_missing_elements() -> None:
    doc, outline = clean_pks()
    second = dataclasses.replace(outline.parties[1], has_address=False, has_alias=False)
    bad = dataclasses.replace(outline, parties=(outline.parties[0], second))
    found = run(doc, bad, "STRUCT-KOMPARISI")
    assert blocks_of(found) == [(12, "error")]
    assert found[0].message.startswith(
        "Komparisi pihak ke-2 (PIHAK KEDUA) tidak memuat 'berkedudukan di …', "
        "'selanjutnya disebut PIHAK …':"
    )
    assert blocks_of(run(doc, dataclasses.replace(outline, parties=()), "STRUCT-KOMPARISI")) == [
        (None, "error")
    ]


def test_komparisi_template_name_is_a_draft_warning() -> None:
    doc, outline = clean_pks()
    blank = dataclasses.replace(outline.parties[0], name="……", placeholder=True)
    bad = dataclasses.replace(outline, parties=(blank, outline.parties[1]))
    assert blocks_of(run(doc, bad, "STRUCT-KOMPARISI")) == [(11, "warning")]
    assert blocks_of(run(doc, bad, "STRUCT-KOMPARISI", mode="final")) == [(11, "error")]


def test_missing_elements_are_named_in_the_message_language() -> None:
    doc, outline = clean_pks()
    nameless = dataclasses.replace(
        outline,
        parties=(dataclasses.replace(outline.parties[0], name=None), *outline.parties[1:]),
    )
    [en] = run(doc, nameless, "STRUCT-KOMPARISI", lang="en")
    assert en.message.startswith("Party entry 1 (PIHAK KESATU) lacks full name: complete it")
    [indonesian] = run(doc, nameless, "STRUCT-KOMPARISI")
    assert indonesian.message.startswith("Komparisi pihak ke-1 (PIHAK KESATU) tidak memuat nama")
    with pytest.raises(ConfigError, match="element_labels_en"):
        build_params(
            structure.KomparisiParams,
            {"elements": ["name"], "element_labels": ["nama"], "element_labels_en": ["a", "b"]},
            "rules[0].params",
        )


# --------------------------------------------------------------------------- premis parts


def test_para_pihak_definition_from_outline_or_text() -> None:
    doc, outline = clean_pks()
    lost = dataclasses.replace(
        outline, premis=dataclasses.replace(outline.premis, para_pihak_block=None)
    )
    assert run(doc, lost, "STRUCT-PARA-PIHAK-DEF") == []  # the sentence is still in block 13
    doc = replace_text(doc, 13, "Para pihak sepakat.")
    assert blocks_of(run(doc, lost, "STRUCT-PARA-PIHAK-DEF")) == [(None, "warning")]


def test_recitals_letters_bahwa_and_endings() -> None:
    doc, outline = clean_pks()
    recitals = (
        Recital("a", "bahwa PIHAK KESATU adalah lembaga negara;", 15, True, ";"),
        Recital("c", "PIHAK KEDUA adalah perguruan tinggi,", 16, False, ","),
        Recital("d", "bahwa PARA PIHAK sepakat", 17, True, ""),
    )
    bad = dataclasses.replace(
        outline, premis=dataclasses.replace(outline.premis, recitals=recitals)
    )
    found = run(doc, bad, "STRUCT-RECITALS")
    assert blocks_of(found) == [(16, "warning")] * 3 + [(17, "warning")] * 2
    messages = [f.message for f in found]
    assert "Butir premis berlabel 'c': beri huruf berurutan, di sini 'b.'." in messages
    # items are named as written ("c", "d"), not by the letter they should have
    assert "Butir premis c. diakhiri ',': akhiri dengan ';' / '; dan' / '; atau'." in messages
    assert "Butir premis d. diakhiri '-': akhiri dengan '.' / ';'." in messages
    assert any(m.startswith("Butir premis c. tidak diawali 'bahwa'") for m in messages)
    gone = dataclasses.replace(outline, premis=None)
    assert blocks_of(run(doc, gone, "STRUCT-RECITALS")) == [(None, "warning")]


def test_recitals_in_another_style_are_reported_once_per_check() -> None:
    doc, outline = clean_pks()
    recitals = (
        Recital(None, "PIHAK KESATU adalah …;", 15, False, ";", label="1."),
        Recital(None, "PIHAK KEDUA adalah …; dan", 16, False, "; dan", label="2."),
        Recital(None, "PARA PIHAK …", 17, False, ".", label="3."),
    )
    numbered = dataclasses.replace(
        outline, premis=dataclasses.replace(outline.premis, recitals=recitals)
    )
    found = run(doc, numbered, "STRUCT-RECITALS")
    assert blocks_of(found) == [(15, "warning"), (15, "warning")]
    assert [f.message for f in found] == [
        "Butir premis tidak berhuruf a., b., c. (label: 1., 2., 3.; 3 butir): beri setiap butir "
        "huruf berurutan a., b., ….",
        "Tidak satu pun dari 3 butir premis diawali 'bahwa': awali setiap butir dengan 'bahwa …'.",
    ]


def test_recitals_named_by_their_label_and_blank_endings_left_to_placeholders() -> None:
    doc, outline = clean_pks()
    recitals = (
        Recital(None, "bahwa PIHAK KESATU adalah lembaga negara.", 15, True, ".", label="1."),
        Recital(None, "bahwa PIHAK KEDUA adalah ……", 16, True, "", label="2."),
        Recital(None, "bahwa PARA PIHAK bermaksud bekerja sama.", 17, True, ".", label="3."),
    )
    numbered = dataclasses.replace(
        outline, premis=dataclasses.replace(outline.premis, recitals=recitals)
    )
    found = run(doc, numbered, "STRUCT-RECITALS")
    # item 1 really ends with a full stop; item 2 ends in a dotted blank, not in punctuation
    assert [(f.location.block, f.message) for f in found if "diakhiri" in f.message] == [
        (15, "Butir premis 1. diakhiri '.': akhiri dengan ';'.")
    ]
    english = run(doc, numbered, "STRUCT-RECITALS", lang="en")
    assert "Recital 1. ends with '.': end it with ';'." in [f.message for f in english]


def test_pks_cites_nk() -> None:
    doc, outline = clean_pks()
    no_nk = dataclasses.replace(outline, premis=dataclasses.replace(outline.premis, cited_nk=None))
    assert run(doc, no_nk, "STRUCT-PKS-CITES-NK") == []  # "Nota Kesepahaman" still in block 17
    doc = replace_text(doc, 17, "c. bahwa PARA PIHAK bermaksud bekerja sama.")
    assert blocks_of(run(doc, no_nk, "STRUCT-PKS-CITES-NK")) == [(None, "warning")]


def test_agreement_sentence_missing_and_misplaced() -> None:
    doc, outline = clean_pks()
    lost = dataclasses.replace(
        outline, premis=dataclasses.replace(outline.premis, agreement_block=None)
    )
    assert run(doc, lost, "STRUCT-AGREEMENT-SENTENCE") == []
    doc2 = replace_text(doc, 18, "Selanjutnya diatur hal-hal sebagai berikut:")
    assert blocks_of(run(doc2, lost, "STRUCT-AGREEMENT-SENTENCE")) == [(None, "warning")]
    late = dataclasses.replace(
        outline, premis=dataclasses.replace(outline.premis, agreement_block=21)
    )
    found = run(doc, late, "STRUCT-AGREEMENT-SENTENCE")
    assert blocks_of(found) == [(21, "warning")]
    assert "setelah Pasal 1" in found[0].message


# --------------------------------------------------------------------------- pasal headings


def test_pasal_heading_title_caps_and_centre() -> None:
    titles = list(PASAL_TITLES)
    titles[1] = ("Ruang Lingkup", "ruang-lingkup", titles[1][2])
    doc, outline = clean_pks(titles)
    doc = replace_text(doc, 26, "PELAKSANAAN", alignment="left")  # Pasal 3's title line
    no_title = dataclasses.replace(outline.pasal[3], title=None, title_block=None)
    outline = dataclasses.replace(outline, pasal=(*outline.pasal[:3], no_title, *outline.pasal[4:]))
    found = run(doc, outline, "STRUCT-PASAL-HEADING")
    assert blocks_of(found) == [(23, "warning"), (26, "warning"), (28, "warning")]
    assert found[0].message == (
        "Judul Pasal 2 'Ruang Lingkup' tidak ditulis dengan huruf kapital: tulis 'RUANG LINGKUP'."
    )
    assert found[1].message == (
        "Judul Pasal 3 'PELAKSANAAN' tidak rata tengah: ratakan judul pasal ke tengah."
    )
    assert found[2].message.startswith("Pasal 4 tidak diikuti judul pasal")


def test_no_centred_pasal_title_is_one_finding() -> None:
    doc, outline = clean_pks()
    for p in outline.pasal:
        doc = replace_text(doc, p.title_block, PASAL_TITLES[p.number - 1][0], alignment="left")
    found = run(doc, outline, "STRUCT-PASAL-HEADING")
    assert blocks_of(found) == [(20, "warning")]
    assert found[0].message == (
        "Judul pasal tidak rata tengah (12 pasal, mulai Pasal 1 'MAKSUD DAN TUJUAN'): "
        "ratakan semua judul pasal ke tengah."
    )


def test_all_caps_formatting_counts_as_capitals() -> None:
    titles = list(PASAL_TITLES)
    titles[0] = ("Maksud dan Tujuan", "maksud-tujuan", titles[0][2])
    doc, outline = clean_pks(titles)
    blocks = []
    for b in doc.blocks:
        if b.index == 20 and b.story.value == "body":
            runs = tuple(
                dataclasses.replace(r, fmt=dataclasses.replace(r.fmt, caps=True)) for r in b.runs
            )
            b = dataclasses.replace(b, runs=runs)
        blocks.append(b)
    doc = dataclasses.replace(doc, blocks=tuple(blocks))
    assert run(doc, outline, "STRUCT-PASAL-HEADING") == []


def test_no_pasal_is_one_error() -> None:
    doc, outline = clean_pks()
    assert blocks_of(run(doc, dataclasses.replace(outline, pasal=()), "STRUCT-PASAL-HEADING")) == [
        (None, "error")
    ]


# --------------------------------------------------------------------------- penutup


def test_penutup_missing_incomplete_and_in_last_pasal() -> None:
    doc, outline = clean_pks()
    gone = dataclasses.replace(outline, closing=None)
    assert run(doc, gone, "STRUCT-PENUTUP") == []  # the Demikian sentence is still found
    doc2 = replace_text(doc, 55, "Para pihak menandatangani.")
    assert blocks_of(run(doc2, gone, "STRUCT-PENUTUP")) == [(None, "error")]
    short = dataclasses.replace(
        outline, closing=dataclasses.replace(outline.closing, text="Demikian PKS ini dibuat.")
    )
    found = run(doc, short, "STRUCT-PENUTUP")
    assert blocks_of(found) == [(55, "warning")]
    assert (
        "tidak menyebut 'rangkap N (…)', 'mempunyai kekuatan hukum yang sama'" in found[0].message
    )
    # the sentence inside the PENUTUP pasal also counts
    doc3 = replace_text(
        doc2,
        54,
        "Perjanjian ini dibuat dalam rangkap 2 (dua) dan mempunyai kekuatan hukum yang sama.",
    )
    assert run(doc3, gone, "STRUCT-PENUTUP") == []


# --------------------------------------------------------------------------- signatures


def test_signature_block_missing_for_a_party_and_incomplete() -> None:
    doc, outline = clean_pks()
    third = dataclasses.replace(
        outline.parties[1], index=3, alias="PIHAK KETIGA", ordinal=3, institution="PT CONTOH"
    )
    three = dataclasses.replace(outline, parties=(*outline.parties, third))
    found = run(doc, three, "STRUCT-SIGNATURE-BLOCKS")
    assert blocks_of(found) == [(61, "error")]
    assert found[0].message.startswith("PIHAK KETIGA (PT CONTOH) tidak mempunyai blok tanda tangan")
    nameless = dataclasses.replace(outline.signatures[0], name=None)
    bad = dataclasses.replace(outline, signatures=(nameless, outline.signatures[1]))
    found = run(doc, bad, "STRUCT-SIGNATURE-BLOCKS")
    assert blocks_of(found) == [(56, "error")]
    assert "Blok tanda tangan PIHAK KEDUA tidak memuat nama lengkap" in found[0].message
    holes = dataclasses.replace(
        bad, placeholders=(Placeholder("(……)", outline.signatures[0].story, 58),)
    )
    assert blocks_of(run(doc, holes, "STRUCT-SIGNATURE-BLOCKS")) == [(56, "warning")]
    assert blocks_of(
        run(doc, dataclasses.replace(outline, signatures=()), "STRUCT-SIGNATURE-BLOCKS")
    ) == [(None, "error")]


# --------------------------------------------------------------------------- types, languages


def test_struct_rules_skip_other_and_english_documents() -> None:
    doc, outline = clean_pks()
    broken = dataclasses.replace(outline, title=None, opening=None, pasal=(), closing=None)
    other = dataclasses.replace(broken, document_type="OTHER")
    for rule in STRUCT_RULES:
        assert run(doc, other, rule) == []
    english = dataclasses.replace(broken, language="en")
    for rule in STRUCT_RULES:
        assert run(doc, english, rule) == []


def test_doctype_note_for_other_documents_only() -> None:
    doc, outline = clean_pks()
    other = dataclasses.replace(outline, document_type="OTHER")
    settings = Settings(select=("STRUCT",))
    found = list(execute(doc, other, load_pack(), settings).findings)
    assert [(f.rule, f.severity.value) for f in found] == [("STRUCT-DOCTYPE", "info")]
    assert found[0].message.startswith("Dokumen berjudul 'PERJANJIAN KERJA SAMA' tidak dikenali")
    found = execute(doc, outline, load_pack(), settings).findings
    assert [f.rule for f in found] == ["STRUCT-LOGO"]  # no image in this document: a note


# --------------------------------------------------------------------------- params validation


def test_bad_params_are_config_errors() -> None:
    with pytest.raises(ConfigError, match="invalid regular expression"):
        build_params(structure.PartPresentParams, {"patterns": ["(unclosed"]}, "r.params")
    with pytest.raises(ConfigError, match="element_labels"):
        build_params(structure.KomparisiParams, {"elements": ["name"]}, "r.params")
    with pytest.raises(ConfigError, match="check"):
        build_params(structure.OpeningParams, {"check": "weekday"}, "r.params")
    with pytest.raises(ConfigError, match="missing_severity"):
        build_params(structure.TitleFormParams, {"missing_severity": "fatal"}, "r.params")


# --------------------------------------------------------------------------- real drafts

CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus" / "agreements"
MINE = ("STRUCT", "CLAUSE", "FMT-TITLE", "FMT-OPENING", "FMT-LINE", "FMT-PAGE", "FMT-PARAF")


def corpus_findings(name: str) -> set[tuple[str, int | None, str]]:
    """(rule, block or None, severity) of this module's rules on one corpus draft."""
    from naskah_lint.api import lint_file, prepared_pack

    path = CORPUS / name
    if not path.is_file():
        pytest.skip(f"corpus file {name} not available")
    settings = Settings(select=MINE)
    result = lint_file(path, settings, prepared_pack(settings))
    assert result.error is None and result.internal_error is None
    return {
        (f.rule, None if f.location.part == "dokumen" else f.location.block, f.severity.value)
        for f in result.findings
    }


def test_corpus_pks_template_defects_verified_by_reading() -> None:
    found = corpus_findings("sikasi-pks.docx")
    # title "PERJANJIAN KERJA SAMA / ${mitra} / DENGAN / FAKULTAS …": no ANTARA line
    assert ("STRUCT-ANTARA-DAN", 5, "error") in found
    # a PKS template without any Keadaan Kahar pasal (11 pasal, none about force majeure)
    assert ("CLAUSE-KEADAAN-KAHAR", None, "error") in found
    # PIHAK KESATU: "Dekan …, yang berkedudukan di …" without "bertindak untuk dan atas nama"
    assert ("STRUCT-KOMPARISI", 20, "error") in found
    # TENTANG followed by dotted blanks only: unfilled, a warning in draft mode
    assert ("STRUCT-TENTANG", 15, "warning") in found
    # the PKS cites "Nota Kesepahaman/ Kesepakatan Bersama … Nomor: …" in Pasal 1
    assert not any(rule == "STRUCT-PKS-CITES-NK" for rule, _, _ in found)


def test_corpus_nk_template_defects_verified_by_reading() -> None:
    found = corpus_findings("sikasi-mou.docx")
    # "antara", "dan", "tentang" in lower case in the title block
    assert {(r, b) for r, b, _ in found if r == "FMT-TITLE-CAPS"} == {
        ("FMT-TITLE-CAPS", 9),
        ("FMT-TITLE-CAPS", 13),
        ("FMT-TITLE-CAPS", 20),
    }
    # no dispute-resolution provision anywhere in the 9 pasal
    assert ("CLAUSE-PERSELISIHAN", None, "error") in found
    # amendments are covered in LAIN-LAIN ("… perubahan … dalam addendum"): no finding
    assert not any(rule == "CLAUSE-PERUBAHAN" for rule, _, _ in found)
    # it is an NK: Keadaan Kahar is only noted
    assert ("CLAUSE-KEADAAN-KAHAR", None, "info") in found


def test_corpus_other_and_english_documents_get_no_agreement_findings() -> None:
    assert {r for r, _, _ in corpus_findings("bumdes-dokumen_perjanjian_sewa.docx")} <= {
        "STRUCT-DOCTYPE",
        "FMT-PAGE-NUMBER",
        "FMT-LINE-SPACING",
    }
    english = corpus_findings("mitrakampus-Template_MOU_-_Bahasa_Inggris.docx")
    assert not any(r.startswith(("STRUCT", "CLAUSE")) for r, _, _ in english)


def test_corpus_opening_date_in_digits() -> None:
    # "Pada hari ini, Jumat tanggal 22 bulan Juli tahun 2022"
    assert ("FMT-OPENING-DATE-WORDS", 19, "error") in corpus_findings(
        "sikasi-PKS_Jagakarsa_Tahun_2022.docx"
    )


def test_corpus_pemda_template_false_positives_stay_fixed() -> None:
    found = corpus_findings("mitraku-Template_MOU.docx")
    rules = {r for r, _, _ in found}
    # the footer holds a table "PIHAK KESATU | PIHAK KEDUA" over empty cells: a paraf box
    assert "FMT-PARAF" not in rules
    # the blank date is CONS-EMPTY-DATE's: STRUCT-OPENING does not report it a second time
    assert "STRUCT-OPENING" not in rules
    # recital 1 ends in a dotted blank ("PIHAK KESATU adalah …."), not in a full stop; the
    # numbering 1., 2. and the missing "bahwa" are reported on the first item only
    assert sorted(b for r, b, _ in found if r == "STRUCT-RECITALS") == [23]
    # no "bertempat di …" in the opening: a real omission
    assert ("STRUCT-OPENING-PLACE", 15, "warning") in found
