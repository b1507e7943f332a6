"""Outline: penutup, signature blocks in every layout, witnesses, lampiran, placeholders, parts."""

from __future__ import annotations

from modelbuild import Item, document, pack_values, skeleton_pks, table

from naskah_lint.model import Story
from naskah_lint.outline import segment
from naskah_lint.outline.model import Outline

BODY: list[Item] = [
    "PERJANJIAN KERJA SAMA",
    "TENTANG",
    "X",
    "Pasal 1",
    "PENUTUP",
    "Isi pasal.",
]
CLOSING = (
    "Demikian Perjanjian Kerja Sama ini dibuat dalam rangkap 2 (dua), bermeterai cukup dan "
    "mempunyai kekuatan hukum yang sama."
)


def outline_of(items: list[Item]) -> Outline:
    return segment(document(items), pack_values())


def test_closing_rangkap_meterai_kekuatan() -> None:
    o = outline_of(skeleton_pks())
    c = o.closing
    assert c is not None
    assert c.block == 37
    assert (c.rangkap_digits, c.rangkap_words, c.rangkap_words_text) == (2, 2, "dua")
    assert (c.meterai, c.kekuatan_hukum) == (True, True)
    assert o.part_of(37) == "penutup"


def test_closing_words_only_and_mismatch() -> None:
    o = outline_of(
        [
            *BODY,
            "MoU ini dibuat dalam dua rangkap, masing-masing memiliki kekuatan hukum yang sama.",
        ]
    )
    c = o.closing
    assert c is not None
    assert (c.rangkap_digits, c.rangkap_words, c.rangkap_words_text, c.meterai) == (
        None,
        2,
        "dua",
        False,
    )
    # the closing is the last pasal's only content: it stays inside the pasal
    assert o.pasal[0].last_block == 7
    o2 = outline_of(
        [*BODY, "Demikian perjanjian ini dibuat dalam rangkap 3 (dua) bermaterai cukup."]
    )
    c2 = o2.closing
    assert c2 is not None
    assert (c2.rangkap_digits, c2.rangkap_words, c2.meterai, c2.kekuatan_hukum) == (
        3,
        2,
        True,
        False,
    )
    assert o2.pasal[0].last_block == 6


def test_no_closing_is_null() -> None:
    o = outline_of(BODY)
    assert o.closing is None
    assert o.signatures == ()


def test_signature_table_with_meterai_and_nip() -> None:
    o = outline_of(
        [
            *BODY,
            CLOSING,
            *table(
                [
                    [
                        [
                            "PIHAK KESATU,",
                            "Sekretaris KPU Kabupaten Contoh",
                            "",
                            "",
                            "NAMA SATU, S.H.",
                            "NIP 198001012005011001",
                        ],
                        ["PIHAK KEDUA,", "Direktur PT Contoh", "Meterai Rp10.000", "", "NAMA DUA"],
                    ]
                ]
            ),
        ]
    )
    assert [(s.label, s.ordinal, s.name, s.jabatan, s.nip, s.meterai) for s in o.signatures] == [
        (
            "PIHAK KESATU",
            1,
            "NAMA SATU, S.H.",
            "Sekretaris KPU Kabupaten Contoh",
            "198001012005011001",
            False,
        ),
        ("PIHAK KEDUA", 2, "NAMA DUA", "Direktur PT Contoh", None, True),
    ]
    assert o.signatures[0].blocks == (8, 9, 12, 13)
    assert o.signatures[0].story is Story.BODY
    assert o.part_of(8) == "tanda-tangan"


def test_mirrored_table_keeps_labels() -> None:
    o = outline_of(
        [
            *BODY,
            CLOSING,
            *table([[["PIHAK KEDUA", "", "ADHAN DAMBEA"], ["PIHAK KESATU", "", "……………………"]]]),
        ]
    )
    assert [(s.label, s.ordinal, s.name) for s in o.signatures] == [
        ("PIHAK KEDUA", 2, "ADHAN DAMBEA"),
        ("PIHAK KESATU", 1, "……………………"),
    ]


def test_witness_row_of_a_signature_table_stays_apart() -> None:
    # row 2 opens with "Mengetahui": the signer beside it is a witness as well, not the rest of
    # PIHAK KEDUA's block in the row above
    o = outline_of(
        [
            *BODY,
            CLOSING,
            *table(
                [
                    [["PIHAK KESATU", "", "NAMA SATU"], ["PIHAK KEDUA", "", "NAMA DUA"]],
                    [
                        ["Mengetahui", "Wakil Rektor", "", "NAMA TIGA"],
                        ["Direktur Utama", "PT Contoh", "", "NAMA EMPAT"],
                    ],
                ]
            ),
        ]
    )
    assert [(s.label, s.name, s.blocks) for s in o.signatures] == [
        ("PIHAK KESATU", "NAMA SATU", (8, 10)),
        ("PIHAK KEDUA", "NAMA DUA", (11, 13)),
    ]
    assert [(s.label, s.name, s.jabatan, s.blocks) for s in o.witnesses] == [
        ("MENGETAHUI", "NAMA TIGA", "Wakil Rektor", (14, 15, 17)),
        ("MENGETAHUI", "NAMA EMPAT", "Direktur Utama PT Contoh", (18, 19, 21)),
    ]


def test_row_per_line_table() -> None:
    # PHPWord-style: one table row per visual line, both parties side by side.
    o = outline_of(
        [
            *BODY,
            CLOSING,
            *table(
                [
                    ["PIHAK KESATU", "PIHAK KEDUA"],
                    ["", ""],
                    ["Prof. Dr. JAMAL WIWOHO, S.H., M.Hum.", "Direktur"],
                    ["REKTOR", "Jayabaya"],
                    ["UNIVERSITAS SEBELAS MARET", ""],
                ]
            ),
        ]
    )
    assert [(s.name, s.jabatan) for s in o.signatures] == [
        ("Prof. Dr. JAMAL WIWOHO, S.H., M.Hum.", "REKTOR UNIVERSITAS SEBELAS MARET"),
        (None, "Direktur Jayabaya"),
    ]


def test_stacked_paragraph_signatures_and_witnesses() -> None:
    o = outline_of(
        [
            *BODY,
            CLOSING,
            "PIHAK PERTAMA,",
            "Kepala Dinas Pendidikan",
            "",
            "Drs. BAMBANG, M.Pd.",
            "PIHAK KEDUA,",
            "Ketua KPU Kabupaten Contoh",
            "",
            "RINA",
            "Saksi-saksi:",
            "1. NAMA SAKSI",
        ]
    )
    assert [(s.label, s.name, s.jabatan) for s in o.signatures] == [
        ("PIHAK PERTAMA", "Drs. BAMBANG, M.Pd.", "Kepala Dinas Pendidikan"),
        ("PIHAK KEDUA", "RINA", "Ketua KPU Kabupaten Contoh"),
    ]
    assert [(w.label, w.name, w.witness) for w in o.witnesses] == [
        ("SAKSI-SAKSI", "1. NAMA SAKSI", True)
    ]


def test_tab_separated_signature_columns() -> None:
    o = outline_of(
        [
            *BODY,
            CLOSING,
            "\tPihak Kesatu\tPihak Kedua",
            "",
            "\t{{NAMA_BUPATI}}\t{{NAMA_PEGAWAI}}",
            "{{/tandatangan}}",
        ]
    )
    assert [(s.label, s.name, s.jabatan, s.blocks) for s in o.signatures] == [
        ("PIHAK KESATU", "{{NAMA_BUPATI}}", None, (8, 10)),
        ("PIHAK KEDUA", "{{NAMA_PEGAWAI}}", None, (8, 10)),
    ]


def test_signatures_in_text_boxes() -> None:
    o = outline_of(
        [
            "DOKUMEN PERJANJIAN SEWA",
            "TATA TERTIB",
            "",
            {"story": "textbox", "text": "", "anchor": 3},
            {"story": "textbox", "text": "Maulana I.T Rakha", "anchor": 3},
            {"story": "textbox", "text": "Direktur BUMDES", "anchor": 3},
            {"story": "textbox", "text": "", "anchor": 3},
            {"story": "textbox", "text": "Abdullah Rofiq", "anchor": 3},
            {"story": "textbox", "text": "Kepala Desa", "anchor": 3},
            {"story": "textbox", "text": "${logo}", "anchor": 1},
        ]
    )
    assert [(s.label, s.name, s.jabatan, s.story, s.blocks) for s in o.signatures] == [
        (None, "Maulana I.T Rakha", "Direktur BUMDES", Story.TEXTBOX, (2, 3)),
        (None, "Abdullah Rofiq", "Kepala Desa", Story.TEXTBOX, (5, 6)),
    ]
    assert o.part_of(3) == "tanda-tangan"


def test_korespondensi_labels_before_closing_are_not_signatures() -> None:
    o = outline_of(
        [
            "NOTA KESEPAHAMAN",
            "Pasal 1",
            "KORESPONDENSI",
            "PIHAK KESATU",
            "Alamat : Jalan A",
            "PIHAK KEDUA",
            "Alamat : Jalan B",
            "Pasal 2",
            "PENUTUP",
            "Nota Kesepahaman ini dibuat dalam rangkap 2 (dua) bermeterai cukup.",
            *table([["PIHAK KESATU", "PIHAK KEDUA"], ["NAMA SATU", "NAMA DUA"]]),
        ]
    )
    assert [(s.label, s.name, s.blocks) for s in o.signatures] == [
        ("PIHAK KESATU", "NAMA SATU", (11, 13)),
        ("PIHAK KEDUA", "NAMA DUA", (12, 14)),
    ]
    assert o.closing is not None and o.closing.block == 10
    assert o.pasal[1].last_block == 10


def test_lampiran_annex_and_references() -> None:
    o = outline_of(skeleton_pks())
    assert o.lampiran is not None
    assert o.lampiran.annex_blocks == (48,)
    assert o.lampiran.annex_labels == ("LAMPIRAN",)
    assert o.lampiran.reference_blocks == (36,)
    assert o.part_of(49) == "lampiran"
    assert outline_of(BODY).lampiran is None


def test_placeholders_in_every_story() -> None:
    o = outline_of(
        [
            "NOTA KESEPAHAMAN",
            "NOMOR: ${nomor}",
            "Nama : {{NAMA}}",
            "Tempat : ……………………",
            {"story": "header", "text": "DRAFT ${tahun}"},
            {"story": "textbox", "text": "${logo}", "anchor": 1},
        ]
    )
    assert [(p.text, p.story, p.block) for p in o.placeholders] == [
        ("${nomor}", Story.BODY, 2),
        ("{{NAMA}}", Story.BODY, 3),
        ("……………………", Story.BODY, 4),
        ("${tahun}", Story.HEADER, 1),
        ("${logo}", Story.TEXTBOX, 1),
    ]


def test_parts_sequence_of_a_full_draft() -> None:
    o = outline_of(skeleton_pks())
    assert o.parts == (
        (1, "judul"),
        (8, "nomor"),
        (11, "pembukaan"),
        (12, "komparisi"),
        (15, "premis"),
        (20, "pasal"),
        (37, "penutup"),
        (38, "tanda-tangan"),
        (48, "lampiran"),
    )
    assert o.part_of(10) == "nomor"
    assert o.part_of(35) == "pasal"


def test_empty_document() -> None:
    o = outline_of([])
    assert (o.document_type, o.title, o.opening, o.premis, o.closing, o.lampiran) == (
        "OTHER",
        None,
        None,
        None,
        None,
        None,
    )
    assert (o.parties, o.pasal, o.signatures, o.witnesses, o.parts) == ((), (), (), (), ())
