"""CLAUSE kinds and rules on hand-built PKS/NK outlines: required pasal by clause id or content,
content a pasal must state, per-type severities (Keadaan Kahar: error for PKS, info for NK), and
binding clauses flagged in an NK."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

import pytest
from test_kinds_structure import PASAL_TITLES, blocks_of, clean_pks, run

from naskah_lint.engine.loader import build_params
from naskah_lint.errors import ConfigError
from naskah_lint.kinds import clauses
from naskah_lint.outline.model import Placeholder

Titles = Sequence[tuple[str, str | None, str]]

NK_PASAL: Titles = (
    ("MAKSUD DAN TUJUAN", "maksud-tujuan", "Maksud Nota Kesepahaman ini adalah dukungan."),
    ("RUANG LINGKUP", "ruang-lingkup", "Ruang lingkup meliputi pertukaran data dan sosialisasi."),
    ("PELAKSANAAN", "pelaksanaan", "Pelaksanaan dilakukan bersama."),
    (
        "TINDAK LANJUT",
        "tindak-lanjut",
        "Nota Kesepahaman ini ditindaklanjuti dengan Perjanjian Kerja Sama paling lambat "
        "3 (tiga) bulan.",
    ),
    ("PEMBIAYAAN", "pembiayaan", "Biaya dibebankan pada anggaran masing-masing PIHAK."),
    ("JANGKA WAKTU", "jangka-waktu", "Nota Kesepahaman ini berlaku 2 (dua) tahun."),
    (
        "PENYELESAIAN PERSELISIHAN",
        "penyelesaian-perselisihan",
        "Perselisihan diselesaikan secara musyawarah untuk mufakat.",
    ),
    ("PERUBAHAN", "perubahan", "Perubahan dibuat secara tertulis."),
    ("PENUTUP", "penutup", "Hal lain diatur kemudian."),
)

CLAUSE_RULES = (
    "CLAUSE-MAKSUD-TUJUAN",
    "CLAUSE-RUANG-LINGKUP",
    "CLAUSE-HAK-KEWAJIBAN",
    "CLAUSE-NK-NONBINDING",
    "CLAUSE-JANGKA-WAKTU",
    "CLAUSE-PEMBIAYAAN",
    "CLAUSE-KEADAAN-KAHAR",
    "CLAUSE-KAHAR-NOTICE",
    "CLAUSE-PERSELISIHAN",
    "CLAUSE-PERUBAHAN",
    "CLAUSE-PENGAKHIRAN",
    "CLAUSE-TINDAK-LANJUT",
    "CLAUSE-MONEV",
    "CLAUSE-KERAHASIAAN",
    "CLAUSE-KORESPONDENSI",
)


def without(titles: Titles, clause: str) -> list[tuple[str, str | None, str]]:
    """The pasal list with the pasal of one clause id removed."""
    return [t for t in titles if t[1] != clause]


def replaced(
    titles: Titles, clause: str, new: tuple[str, str | None, str]
) -> list[tuple[str, str | None, str]]:
    """The pasal list with the pasal of one clause id replaced."""
    return [new if t[1] == clause else t for t in titles]


def nk(titles: Titles = NK_PASAL):
    return clean_pks(titles, doc_type="NK")


# --------------------------------------------------------------------------- clean documents


@pytest.mark.parametrize("rule", CLAUSE_RULES)
def test_clean_pks_has_no_error_or_warning(rule: str) -> None:
    doc, outline = clean_pks()
    found = run(doc, outline, rule)
    # the PKS has no KORESPONDENSI pasal (an info note), everything else is in place
    expected = [(None, "info")] if rule == "CLAUSE-KORESPONDENSI" else []
    assert blocks_of(found) == expected


@pytest.mark.parametrize("rule", CLAUSE_RULES)
def test_clean_nk_has_no_error_or_warning(rule: str) -> None:
    doc, outline = nk()
    found = run(doc, outline, rule)
    expected = {
        "CLAUSE-KEADAAN-KAHAR": [(None, "info")],  # noted only, for an NK
        "CLAUSE-MONEV": [(None, "info")],
        "CLAUSE-KERAHASIAAN": [(None, "info")],  # ruang lingkup mentions "data"
    }.get(rule, [])
    assert blocks_of(found) == expected


# --------------------------------------------------------------------------- required pasal


@pytest.mark.parametrize(
    ("rule", "clause"),
    [
        ("CLAUSE-MAKSUD-TUJUAN", "maksud-tujuan"),
        ("CLAUSE-RUANG-LINGKUP", "ruang-lingkup"),
        ("CLAUSE-HAK-KEWAJIBAN", "hak-kewajiban"),
        ("CLAUSE-JANGKA-WAKTU", "jangka-waktu"),
        ("CLAUSE-KEADAAN-KAHAR", "keadaan-kahar"),
        ("CLAUSE-PERSELISIHAN", "penyelesaian-perselisihan"),
    ],
)
def test_missing_required_pasal_is_an_error_for_pks(rule: str, clause: str) -> None:
    doc, outline = clean_pks(without(PASAL_TITLES, clause))
    found = run(doc, outline, rule)
    assert blocks_of(found) == [(None, "error")]
    assert "di antara 11 pasal" in found[0].message


@pytest.mark.parametrize(
    ("rule", "clause"),
    [("CLAUSE-PEMBIAYAAN", "pembiayaan"), ("CLAUSE-PERUBAHAN", "perubahan")],
)
def test_missing_common_pasal_is_a_warning(rule: str, clause: str) -> None:
    doc, outline = clean_pks(without(PASAL_TITLES, clause))
    assert blocks_of(run(doc, outline, rule)) == [(None, "warning")]


def test_keadaan_kahar_message_names_the_heading_to_write() -> None:
    doc, outline = clean_pks(without(PASAL_TITLES, "keadaan-kahar"))
    (finding,) = run(doc, outline, "CLAUSE-KEADAAN-KAHAR")
    assert finding.message.startswith(
        "Pasal wajib 'Keadaan Kahar' tidak ditemukan di antara 11 pasal: PKS harus memuat pasal "
        "Keadaan Kahar/Keadaan Memaksa (mis. 'Pasal 8 KEADAAN KAHAR')"
    )


def test_keadaan_kahar_absent_in_nk_is_info_with_its_own_message() -> None:
    doc, outline = nk()
    (finding,) = run(doc, outline, "CLAUSE-KEADAAN-KAHAR", mode="final", lang="en")
    assert finding.severity.value == "info"
    assert finding.message.startswith("This Nota Kesepahaman has no force majeure pasal")


def test_clause_rules_leave_a_document_without_pasal_to_the_heading_rule() -> None:
    doc, outline = clean_pks()
    empty = dataclasses.replace(outline, pasal=())
    for rule in CLAUSE_RULES:
        assert run(doc, empty, rule) == []


# --------------------------------------------------------------------------- required content


def test_jangka_waktu_without_duration_or_end_date() -> None:
    titles = replaced(
        PASAL_TITLES,
        "jangka-waktu",
        ("JANGKA WAKTU", "jangka-waktu", "Perjanjian ini berlaku sejak ditandatangani."),
    )
    doc, outline = clean_pks(titles)
    found = run(doc, outline, "CLAUSE-JANGKA-WAKTU")
    assert blocks_of(found) == [(34, "error")]
    assert found[0].message.startswith(
        "Pasal 6 'JANGKA WAKTU' tidak menyebut lamanya berlaku atau tanggal berakhir"
    )
    # a duration still in dots is an unfilled template: a warning in draft mode
    holes = dataclasses.replace(outline, placeholders=(Placeholder("……", doc.blocks[0].story, 36),))
    found = run(doc, holes, "CLAUSE-JANGKA-WAKTU")
    assert blocks_of(found) == [(34, "warning")]
    assert found[0].message.startswith("Pasal 6 'JANGKA WAKTU' masih berisi isian kosong")
    assert blocks_of(run(doc, holes, "CLAUSE-JANGKA-WAKTU", mode="final")) == [(34, "error")]


@pytest.mark.parametrize(
    "body",
    [
        "Berlaku selama 2 (dua) tahun.",
        "Berlaku 24 bulan.",
        "Berlaku sampai dengan 31 Desember 2025.",
        "Berlaku selama lima tahun sejak ditandatangani.",
        "Berlaku selama ….. (……) tahun.",
    ],
)
def test_jangka_waktu_durations_accepted(body: str) -> None:
    doc, outline = clean_pks(
        replaced(PASAL_TITLES, "jangka-waktu", ("MASA BERLAKU", "jangka-waktu", body))
    )
    assert run(doc, outline, "CLAUSE-JANGKA-WAKTU") == []


def test_pembiayaan_without_source() -> None:
    doc, outline = clean_pks(
        replaced(PASAL_TITLES, "pembiayaan", ("BIAYA", "pembiayaan", "Biaya diatur kemudian."))
    )
    found = run(doc, outline, "CLAUSE-PEMBIAYAAN")
    assert blocks_of(found) == [(31, "warning")]
    assert "'BIAYA' tidak menyebut sumber dana" in found[0].message


def test_kahar_notice_period() -> None:
    doc, outline = clean_pks(
        replaced(
            PASAL_TITLES,
            "keadaan-kahar",
            ("KEADAAN MEMAKSA", "keadaan-kahar", "PIHAK yang mengalami wajib memberitahukan."),
        )
    )
    assert blocks_of(run(doc, outline, "CLAUSE-KAHAR-NOTICE")) == [(40, "info")]
    doc, outline = clean_pks(without(PASAL_TITLES, "keadaan-kahar"))
    assert run(doc, outline, "CLAUSE-KAHAR-NOTICE") == []  # CLAUSE-KEADAAN-KAHAR reports it


def test_unfilled_info_rule_stays_info() -> None:
    doc, outline = clean_pks(
        replaced(
            PASAL_TITLES,
            "keadaan-kahar",
            ("KEADAAN KAHAR", "keadaan-kahar", "PIHAK … wajib memberitahukan dalam …"),
        )
    )
    holes = dataclasses.replace(outline, placeholders=(Placeholder("…", doc.blocks[0].story, 42),))
    found = run(doc, holes, "CLAUSE-KAHAR-NOTICE")
    assert blocks_of(found) == [(40, "info")]
    assert "masih berisi isian kosong" in found[0].message


def test_perselisihan_and_perubahan_inside_another_pasal() -> None:
    titles = without(without(PASAL_TITLES, "penyelesaian-perselisihan"), "perubahan")
    titles = replaced(
        titles,
        "penutup",
        (
            "LAIN-LAIN",
            "lain-lain",
            "Perselisihan diselesaikan secara musyawarah. Perubahan dituangkan dalam addendum.",
        ),
    )
    doc, outline = clean_pks(titles)
    assert run(doc, outline, "CLAUSE-PERSELISIHAN") == []
    assert run(doc, outline, "CLAUSE-PERUBAHAN") == []
    # "sengketa" as a topic of cooperation is not a dispute clause
    scope = replaced(
        without(PASAL_TITLES, "penyelesaian-perselisihan"),
        "ruang-lingkup",
        ("RUANG LINGKUP", "ruang-lingkup", "Kajian sengketa proses pemilu."),
    )
    doc, outline = clean_pks(scope)
    assert blocks_of(run(doc, outline, "CLAUSE-PERSELISIHAN")) == [(None, "error")]


def test_perselisihan_without_musyawarah_is_a_warning() -> None:
    doc, outline = clean_pks(
        replaced(
            PASAL_TITLES,
            "penyelesaian-perselisihan",
            (
                "PENYELESAIAN SENGKETA",
                "penyelesaian-perselisihan",
                "Diselesaikan di Pengadilan Negeri.",
            ),
        )
    )
    assert blocks_of(run(doc, outline, "CLAUSE-PERSELISIHAN")) == [(43, "warning")]


def test_pengakhiran_may_be_an_ayat_of_another_pasal() -> None:
    titles = without(PASAL_TITLES, "pengakhiran")
    doc, outline = clean_pks(titles)
    assert blocks_of(run(doc, outline, "CLAUSE-PENGAKHIRAN")) == [(None, "warning")]
    titles = replaced(
        titles,
        "jangka-waktu",
        (
            "JANGKA WAKTU",
            "jangka-waktu",
            "Berlaku 1 (satu) tahun dan dapat diakhiri sebelum waktunya atas kesepakatan.",
        ),
    )
    doc, outline = clean_pks(titles)
    assert run(doc, outline, "CLAUSE-PENGAKHIRAN") == []


# --------------------------------------------------------------------------- NK specifics


def test_nk_tindak_lanjut_by_heading_by_content_and_missing() -> None:
    doc, outline = nk(without(NK_PASAL, "tindak-lanjut"))
    found = run(doc, outline, "CLAUSE-TINDAK-LANJUT")
    assert blocks_of(found) == [(None, "warning")]
    inside = replaced(
        NK_PASAL,
        "tindak-lanjut",
        ("KOORDINASI", "penanggung-jawab", "Hasilnya dituangkan dalam Perjanjian Kerja Sama."),
    )
    doc, outline = nk(inside)
    found = run(doc, outline, "CLAUSE-TINDAK-LANJUT")
    assert blocks_of(found) == [(28, "info")]  # found by content, but without a deadline
    assert "tanpa batas waktu" in found[0].message


def test_nk_with_binding_pasal() -> None:
    titles = [
        *NK_PASAL[:3],
        ("HAK DAN KEWAJIBAN", "hak-kewajiban", "Hak PIHAK KESATU …"),
        ("SANKSI", "sanksi", "Denda …"),
        *NK_PASAL[3:],
    ]
    doc, outline = nk(titles)
    found = run(doc, outline, "CLAUSE-NK-NONBINDING")
    assert blocks_of(found) == [(28, "warning"), (31, "warning")]
    assert found[1].message.startswith("Pasal 5 'SANKSI' tidak lazim dalam Nota Kesepahaman")
    # the same pasal in a PKS are expected: the rule does not apply
    doc, outline = clean_pks(titles)
    assert run(doc, outline, "CLAUSE-NK-NONBINDING") == []


def test_kerahasiaan_only_when_scope_mentions_data() -> None:
    doc, outline = nk()
    (finding,) = run(doc, outline, "CLAUSE-KERAHASIAAN")
    assert "Ruang lingkup menyebut 'data'" in finding.message
    with_secret = [
        *NK_PASAL[:-1],
        ("KERAHASIAAN", "kerahasiaan", "Data dijaga kerahasiaannya."),
        NK_PASAL[-1],
    ]
    doc, outline = nk(with_secret)
    assert run(doc, outline, "CLAUSE-KERAHASIAAN") == []
    no_data = replaced(
        NK_PASAL, "ruang-lingkup", ("RUANG LINGKUP", "ruang-lingkup", "Sosialisasi.")
    )
    doc, outline = nk(no_data)
    assert run(doc, outline, "CLAUSE-KERAHASIAAN") == []


def test_korespondensi_by_content() -> None:
    titles = replaced(
        PASAL_TITLES,
        "penutup",
        ("PENUTUP", "penutup", "Surat-menyurat ditujukan kepada alamat PARA PIHAK."),
    )
    doc, outline = clean_pks(titles)
    assert run(doc, outline, "CLAUSE-KORESPONDENSI") == []


def test_monev_by_content_and_absent() -> None:
    doc, outline = clean_pks(without(PASAL_TITLES, "monev"))
    assert blocks_of(run(doc, outline, "CLAUSE-MONEV")) == [(None, "info")]


# --------------------------------------------------------------------------- params


def test_required_clause_params_validated() -> None:
    with pytest.raises(ConfigError, match="clause ids or content_patterns"):
        build_params(clauses.RequiredClauseParams, {}, "r.params")
    with pytest.raises(ConfigError, match="invalid regular expression"):
        build_params(
            clauses.RequiredClauseParams, {"clauses": ["x"], "require_any": ["[a-"]}, "r.params"
        )
