"""Writing-convention kinds (nomor pattern, numbers with words, rupiah, spelling, meterai) on
hand-built documents and outlines, with the params the shipped pack gives them."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import kindkit
import pytest
from kindkit import ctx, doc, outline, params_of, run_kind

from naskah_lint.engine.api import Context, Hit
from naskah_lint.kinds import writing as w
from naskah_lint.model import Document
from naskah_lint.outline.model import Nomor, Party, Signature, Title


def run(kind_name: str, context: Context, params: Any) -> list[Hit]:
    """The hits of one writing kind."""
    return run_kind(w.KINDS, kind_name, context, params)


def party(index: int, institution: str, **kw: Any) -> Party:
    """Party `index`, aliased PIHAK KESATU/KEDUA/KETIGA, for `institution`."""
    alias = f"PIHAK {('KESATU', 'KEDUA', 'KETIGA')[index - 1]}"
    return kindkit.party(index, **{"alias": alias, "institution": institution, **kw})


def title(*institutions: str) -> Title:
    return Title(("PERJANJIAN KERJA SAMA",), (1,), "PERJANJIAN KERJA SAMA", institutions, "X")


# --------------------------------------------------------------------------- nomor


@pytest.mark.parametrize(
    ("value", "ok"),
    [
        ("12/PR.07-PKS/3313/2024", True),
        ("104/PR.07-SD/01/2022", True),
        ("3/PR.07.1-NK/32/2024", True),
        ("12/PKS/KPU-KRA/VII/2024", False),
        ("03/KB/KPU/TAHUN 2013", False),
    ],
)
def test_kpu_nomor_pattern(value: str, ok: bool) -> None:
    d = doc(["JUDUL", f"NOMOR: {value}", "NOMOR: B/29A/III/2015"])
    o = outline(
        title=title("KOMISI PEMILIHAN UMUM KABUPATEN KARANGANYAR", "KEPOLISIAN RESOR KARANGANYAR"),
        nomor=(
            Nomor(f"NOMOR: {value}", value, 2, False),
            Nomor("NOMOR: B/29A/III/2015", "B/29A/III/2015", 3, False),
        ),
    )
    hits = run("nomor-pattern", ctx(d, o), params_of("FMT-NOMOR-KPU"))
    if ok:
        assert hits == []
    else:
        assert [(h.block, h.params["found"]) for h in hits] == [(2, value)]
        assert d.body[1].text[hits[0].run_start : hits[0].run_end] == value


def test_nomor_pattern_skips_placeholders_and_partner_only_documents() -> None:
    d = doc(["JUDUL", "NOMOR: ……", "NOMOR: 1/X"])
    o = outline(
        title=title("KOMISI PEMILIHAN UMUM", "UNIVERSITAS CONTOH"),
        nomor=(Nomor("NOMOR: ……", "……", 2, True), Nomor("NOMOR: 1/X", "1/X", 3, False)),
    )
    assert run("nomor-pattern", ctx(d, o), params_of("FMT-NOMOR-KPU")) == []
    no_kpu = replace(o, title=title("UNIVERSITAS A", "PT B"), nomor=o.nomor[1:] * 2)
    assert run("nomor-pattern", ctx(d, no_kpu), params_of("FMT-NOMOR-KPU")) == []


# --------------------------------------------------------------------------- numbers


def test_bare_quantities_get_words_suggested() -> None:
    texts = [
        "pemberitahuan paling lambat 3 bulan sebelumnya dan 14 hari kalender",
        "dibuat dalam rangkap 2, masing-masing …",
        "sesuai Undang-Undang Nomor 7 Tahun 2017 pada tanggal 8 Juli 2024 dalam Pasal 3",
        "berlaku 1 (satu) tahun",
        "3 orang",  # a table cell
    ]
    hits = run(
        "number-words", ctx(doc(texts, cells=(5,)), outline()), params_of("FMT-NUMBER-WORDS")
    )
    assert [(h.block, h.params["found"], h.params["expected"]) for h in hits] == [
        (1, "3 bulan", "3 (tiga) bulan"),
        (1, "14 hari kalender", "14 (empat belas) hari kalender"),
        (2, "rangkap 2", "rangkap 2 (dua)"),
    ]
    assert texts[0][hits[0].run_start : hits[0].run_end] == "3 bulan"


# --------------------------------------------------------------------------- rupiah


def test_rupiah_problems_pick_the_first_variant_and_suggest_canonical() -> None:
    texts = [
        "sebesar Rp. 5.000.000,- (lima juta rupiah)",
        "sebesar Rp 10.000.000 (sepuluh juta rupiah)",
        "sebesar Rp10.000.000,00",
        "sebesar Rp10.000.000,00 (sepuluh juta rupiah)",
        "Rp2.500.000,00",  # in a table: words not required
        "masing-masing bermeterai Rp10.000 dan mempunyai kekuatan hukum yang sama",
    ]
    hits = run("rupiah-format", ctx(doc(texts, cells=(5,)), outline()), params_of("FMT-RUPIAH"))
    assert [(h.block, h.message, h.params["expected"]) for h in hits] == [
        (1, "dot_after_rp", "Rp5.000.000,00 (lima juta rupiah)"),
        (2, "space_after_rp", "Rp10.000.000,00 (sepuluh juta rupiah)"),
        (3, "words_missing", "Rp10.000.000,00 (sepuluh juta rupiah)"),
    ]


def test_number_words_unit_inside_the_brackets() -> None:
    texts = [
        "dipotong selama 1 (satu bulan); atau 2 (dua bulan)",
        "berlaku 1 (satu) bulan, 3 (tiga) tahun, 50 % (lima puluh persen), 2 (tiga bulan)",
    ]
    o = outline(parts=((1, "pasal"),))
    hits = run("number-words", ctx(doc(texts), o), params_of("FMT-NUMBER-WORDS"))
    assert [(h.block, h.message, h.params["found"], h.params["expected"]) for h in hits] == [
        (1, "unit_inside", "1 (satu bulan)", "1 (satu) bulan"),
        (1, "unit_inside", "2 (dua bulan)", "2 (dua) bulan"),
    ]  # "2 (tiga bulan)" has the wrong number too: not a mere misplaced unit


# --------------------------------------------------------------------------- spelling


def test_kerjasama_spelling_keeps_case_and_affixes() -> None:
    texts = [
        "JUDUL KERJASAMA",
        "PARA PIHAK sepakat bekerjasama dalam Kerjasama ini; kerjasamanya dievaluasi",
        "kerja sama yang dikerjasamakan",
    ]
    o = outline(parts=((1, "judul"), (2, "premis")))
    hits = run("substitution", ctx(doc(texts), o), params_of("FMT-SPELL-KERJASAMA"))
    assert [(h.block, h.params["found"], h.params["expected"]) for h in hits] == [
        (2, "bekerjasama", "bekerja sama"),
        (2, "Kerjasama", "Kerja sama"),
        (2, "kerjasamanya", "kerja samanya"),
    ]


def test_kerjasama_in_a_capitalised_name_and_once_per_paragraph() -> None:
    texts = [
        "Perjanjian Kerjasama ini dilaksanakan dalam rangka kerjasama dan kerjasama lain.",
        "Wakil Rektor Perencanaan, Kerjasama, Bisnis dan Informasi",
        "Kerjasama ini berlaku. Kerjasama dievaluasi.",
    ]
    o = outline(parts=((1, "pasal"),))
    hits = run("substitution", ctx(doc(texts), o), params_of("FMT-SPELL-KERJASAMA"))
    assert [(h.block, h.params["found"], h.params["expected"], h.run_start) for h in hits] == [
        (1, "Kerjasama", "Kerja Sama", 11),  # part of the name "Perjanjian Kerja Sama"
        (1, "kerjasama", "kerja sama", 51),  # the second "kerjasama" in block 1 is not repeated
        (2, "Kerjasama", "Kerja Sama", 26),
        (3, "Kerjasama", "Kerja sama", 0),  # starts a sentence: sentence case
    ]


# --------------------------------------------------------------------------- meterai


def _sigs(meterai_text: str = "") -> tuple[Document, tuple[Signature, ...]]:
    d = doc(["1. …", "2. …", "PIHAK KESATU,", "PIHAK KEDUA,", meterai_text or "(ttd)"])
    sigs = (
        Signature("PIHAK KESATU", 1, None, None, None, False, (3,)),
        Signature("PIHAK KEDUA", 2, None, None, None, False, (4, 5)),
    )
    return d, sigs


def test_meterai_private_party_without_meterai_warns() -> None:
    d, sigs = _sigs()
    parties = (party(1, "Komisi Pemilihan Umum Kabupaten Contoh"), party(2, "PT Contoh Data"))
    hits = run(
        "meterai", ctx(d, outline(parties=parties, signatures=sigs)), params_of("FMT-METERAI")
    )
    assert [(h.block, h.message, h.severity, h.params["party"]) for h in hits] == [
        (4, "default", None, "PIHAK KEDUA")
    ]


def test_meterai_present_or_all_government_passes_and_unknown_is_info() -> None:
    p = params_of("FMT-METERAI")
    d, sigs = _sigs("Meterai Rp10.000")
    private = (party(1, "Komisi Pemilihan Umum Kabupaten Contoh"), party(2, "PT Contoh Data"))
    assert run("meterai", ctx(d, outline(parties=private, signatures=sigs)), p) == []
    d, sigs = _sigs()
    gov = (
        party(1, "Komisi Pemilihan Umum Provinsi Contoh"),
        party(2, "Pemerintah Provinsi Contoh"),
    )
    assert run("meterai", ctx(d, outline(parties=gov, signatures=sigs)), p) == []
    unknown = (gov[0], party(2, "Universitas Contoh"))
    hits = run("meterai", ctx(d, outline(parties=unknown, signatures=sigs)), p)
    assert [(h.message, h.severity) for h in hits] == [("unknown", "info")]


def test_bad_regex_in_params_is_a_pack_error() -> None:
    from naskah_lint.engine.loader import build_params
    from naskah_lint.errors import ConfigError

    with pytest.raises(ConfigError, match="pattern: not a valid regular expression"):
        build_params(w.NomorPatternParams, {"pattern": "^(\\d+$"}, "rules[0].params")
    with pytest.raises(ConfigError, match="replacement"):
        build_params(
            w.SubstitutionParams,
            {"substitutions": [{"pattern": "kerjasama", "replacement": "\\2"}]},
            "rules[0].params",
        )


@pytest.mark.parametrize(
    ("institution", "expected"),
    [
        # NGOs, companies and associations whose names hold words that government bodies use too
        ("Lembaga Pemantau Pemilu Indonesia", ("default", None)),
        ("Lembaga Swadaya Masyarakat Peduli Demokrasi", ("default", None)),
        ("Badan Usaha Milik Desa Cahaya Abadi", ("default", None)),
        ("PT Bank Rakyat Indonesia (Persero) Tbk", ("default", None)),
        ("Yayasan Komisi Hak Anak", ("default", None)),
        # no keyword either way: unknown, info only
        ("Lembaga Sertifikasi Profesi Telekomunikasi Digital Indonesia", ("unknown", "info")),
        ("Badan Eksekutif Mahasiswa Universitas Contoh", ("unknown", "info")),
        ("Sekretariat Forum Warga", ("unknown", "info")),
        # government bodies named specifically
        ("Badan Pusat Statistik Kabupaten Contoh", None),
        ("Badan Kesatuan Bangsa dan Politik Provinsi Contoh", None),
        ("Komisi Penyiaran Indonesia Daerah Contoh", None),
        ("Sekretariat Daerah Kota Contoh", None),
        ("Politeknik Negeri Bali", None),
    ],
)
def test_meterai_government_keywords_are_specific(
    institution: str, expected: tuple[str, str | None] | None
) -> None:
    d, sigs = _sigs()
    parties = (party(1, "Komisi Pemilihan Umum Kabupaten Contoh"), party(2, institution))
    hits = run(
        "meterai", ctx(d, outline(parties=parties, signatures=sigs)), params_of("FMT-METERAI")
    )
    assert [(h.message, h.severity) for h in hits] == ([expected] if expected else [])
