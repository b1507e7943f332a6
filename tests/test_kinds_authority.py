"""Authority kinds (KPU signatory, kuasa) on hand-built outlines with the shipped pack params."""

from __future__ import annotations

from typing import Any

import kindkit
import pytest
from kindkit import ctx, doc, outline, params_of, run_kind

from naskah_lint.engine.api import Hit
from naskah_lint.kinds import authority as a
from naskah_lint.model import Document
from naskah_lint.outline.model import Outline, Party, Signature


def komparisi(*parties: Party) -> tuple[Document, Outline]:
    texts = [
        f"{p.index}. {p.name}, {p.jabatan}, {p.legal_basis or ''} bertindak untuk dan atas nama "
        f"{p.institution}, selanjutnya disebut {p.alias};"
        for p in parties
    ]
    return doc(texts), outline(document_type="NK", parties=parties)


def party(index: int, jabatan: str | None, institution: str, **kw: Any) -> Party:
    """Party `index` (PIHAK KESATU/KEDUA, named NAMA `index`) with its jabatan and institution."""
    base = {
        "alias": ("PIHAK KESATU", "PIHAK KEDUA")[index - 1],
        "name": f"NAMA {index}",
        "jabatan": jabatan,
        "institution": institution,
    }
    return kindkit.party(index, **{**base, **kw})


def run(kind_name: str, document: Document, out: Outline, params: Any) -> list[Hit]:
    """The hits of one authority kind."""
    return run_kind(a.KINDS, kind_name, ctx(document, out), params)


PARTNER = party(2, "Gubernur Contoh", "Pemerintah Provinsi Contoh")


@pytest.mark.parametrize(
    ("jabatan", "institution", "flagged"),
    [
        (
            "Ketua Komisi Pemilihan Umum Provinsi Contoh",
            "Komisi Pemilihan Umum Provinsi Contoh",
            False,
        ),
        ("Ketua KPU Kab. Contoh", "KPU Kabupaten Contoh", False),
        ("Ketua Komisi Independen Pemilihan Aceh", "Komisi Independen Pemilihan Aceh", False),
        ("Sekretaris KPU Provinsi Contoh", "Sekretariat KPU Provinsi Contoh", True),
        ("Plh. Ketua KPU Kabupaten Contoh", "KPU Kabupaten Contoh", True),
    ],
)
def test_nk_signatory(jabatan: str, institution: str, flagged: bool) -> None:
    d, o = komparisi(party(1, jabatan, institution), PARTNER)
    hits = run("kpu-signatory", d, o, params_of("AUTH-NK-SIGNATORY"))
    assert [(h.block, h.params["found"]) for h in hits] == ([(1, jabatan)] if flagged else [])
    if flagged:
        assert d.body[0].text[hits[0].run_start : hits[0].run_end] == jabatan


def test_pks_signatory_list_and_partner_never_judged() -> None:
    p = params_of("AUTH-PKS-SIGNATORY")
    d, o = komparisi(
        party(
            1,
            "Sekretaris Komisi Pemilihan Umum Kabupaten Karanganyar",
            "Sekretariat KPU Kabupaten Karanganyar",
        ),
        party(2, "Kepala Bagian Umum", "Universitas Contoh"),
    )
    assert run("kpu-signatory", d, o, p) == []
    d, o = komparisi(
        party(1, "Kepala Subbagian Umum KPU Kabupaten Contoh", "KPU Kabupaten Contoh"), PARTNER
    )
    assert [h.params["party"] for h in run("kpu-signatory", d, o, p)] == ["PIHAK KESATU"]


def test_signatory_falls_back_to_signature_jabatan() -> None:
    d, o = komparisi(party(1, None, "Komisi Pemilihan Umum Kabupaten Contoh"), PARTNER)
    sig = Signature(
        "PIHAK KESATU", 1, "Sekretaris KPU Kabupaten Contoh", "NAMA 1", None, False, (1,)
    )
    from dataclasses import replace

    hits = run("kpu-signatory", d, replace(o, signatures=(sig,)), params_of("AUTH-NK-SIGNATORY"))
    assert [h.params["found"] for h in hits] == ["Sekretaris KPU Kabupaten Contoh"]


def test_kuasa_skips_a_name_in_place_of_the_jabatan_and_unknown_institutions() -> None:
    d, o = komparisi(party(1, "Danu Diraja", "PT Contoh", name="Danu diraja"))
    assert run("kuasa", d, o, params_of("AUTH-KUASA")) == []
    d, o = komparisi(party(1, "Dekan Sekolah Vokasi", None))  # type: ignore[arg-type]
    assert run("kuasa", d, o, params_of("AUTH-KUASA")) == []


@pytest.mark.parametrize(
    ("jabatan", "institution", "basis", "expected"),
    [
        ("Rektor Universitas Contoh", "Universitas Contoh", None, []),
        ("Sekretaris KPU Kabupaten Contoh", "Sekretariat KPU Kabupaten Contoh", None, []),
        ("Dekan Fakultas Hukum", "Fakultas Hukum Universitas Contoh", None, []),
        ("Dekan Fakultas Hukum", "Universitas Contoh", None, ["default"]),
        ("Wakil Rektor Bidang Kerja Sama", "Universitas Contoh", None, ["default"]),
        (
            "Wakil Rektor Bidang Kerja Sama",
            "Universitas Contoh",
            "berdasarkan Surat Kuasa Rektor Nomor 5 Tahun 2024",
            [],
        ),
        ("Plt. Kepala Dinas Pendidikan", "Dinas Pendidikan Kota Contoh", None, ["acting"]),
        ("Kepala Dinas Kominfo Kota Contoh", "Pemerintah Kota Contoh", None, ["default"]),
        ("Kepala Dinas Pendidikan Kota Contoh", "Dinas Pendidikan Kota Contoh", None, []),
        ("Kepala Bagian Umum", "Sekretariat KPU Kabupaten Contoh", None, ["default"]),
    ],
)
def test_kuasa(jabatan: str, institution: str, basis: str | None, expected: list[str]) -> None:
    d, o = komparisi(party(1, jabatan, institution, legal_basis=basis))
    hits = run("kuasa", d, o, params_of("AUTH-KUASA"))
    assert [h.message for h in hits] == expected
