"""Consistency kinds on hand-built documents and outlines (no .docx, no outline segmenter)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from kindkit import ctx, doc, opening, outline, params_of, party, pasal, run_kind, sig

from naskah_lint.engine.api import Context, Hit
from naskah_lint.kinds import consistency as c
from naskah_lint.model import (
    Block,
    Comment,
    Document,
    Metadata,
    Revision,
    Run,
    RunFormat,
    Story,
)
from naskah_lint.outline.model import (
    Ayat,
    CitedNK,
    Closing,
    Lampiran,
    ListItem,
    Nomor,
    Outline,
    Placeholder,
    Premis,
    Title,
    XRef,
)

# --------------------------------------------------------------------------- builders


def run(kind_name: str, context: Context, params: Any = None) -> list[Hit]:
    """The hits of one consistency kind."""
    return run_kind(c.KINDS, kind_name, context, params)


SENIN = "Pada hari ini Senin, tanggal delapan bulan Juli tahun dua ribu dua puluh empat"
JULY8 = dt.date(2024, 7, 8)

# --------------------------------------------------------------------------- opening date


def test_weekday_wrong_names_the_expected_day_and_anchors_on_it() -> None:
    text = SENIN.replace("Senin", "Rabu")
    hits = run(
        "weekday-date", ctx(doc([text]), outline(opening=opening(text, weekday="Rabu", date=JULY8)))
    )
    assert len(hits) == 1
    h = hits[0]
    assert (h.block, h.message) == (1, "default")
    assert dict(h.params) == {"found": "Rabu", "date": "8 Juli 2024", "expected": "Senin"}
    assert text[h.run_start : h.run_end] == "Rabu"


def test_weekday_and_date_messages_read_in_english() -> None:
    import dataclasses

    from test_kinds_structure import clean_pks, replace_text
    from test_kinds_structure import run as run_rule

    doc_, outline_ = clean_pks()
    assert outline_.opening is not None
    wrong = dataclasses.replace(
        outline_,
        opening=dataclasses.replace(
            outline_.opening, weekday="Rabu", numeric_date=dt.date(2024, 7, 9)
        ),
    )
    doc_ = replace_text(doc_, 10, outline_.opening.text.replace("Senin", "Rabu"))
    [weekday] = run_rule(doc_, wrong, "CONS-WEEKDAY-DATE", lang="en")
    assert weekday.message == (
        "The weekday 'Rabu' does not match the date: 8 July 2024 is a Monday ('Senin' in "
        "Indonesian). Write 'Pada hari ini Senin' or check the date."
    )
    [weekday_id] = run_rule(doc_, wrong, "CONS-WEEKDAY-DATE")
    assert weekday_id.message == (
        "Hari 'Rabu' tidak sesuai: 8 Juli 2024 jatuh pada hari Senin. Tulis 'Pada hari ini "
        "Senin' atau periksa tanggalnya."
    )
    [numeric] = run_rule(doc_, wrong, "CONS-OPENING-NUMERIC", lang="en")
    assert "means 9 July 2024, not the date in words (8 July 2024)" in numeric.message


def test_bilingual_values_format_and_pickle() -> None:
    import pickle

    value = c.date_value(dt.date(2024, 2, 29))
    assert (f"{value}", f"{value:en}", value == "29 Februari 2024") == (
        "29 Februari 2024",
        "29 February 2024",
        True,
    )
    assert f"{c.weekday_value('Jum’at'):en}" == "Friday"
    again = pickle.loads(pickle.dumps(value))
    assert (str(again), f"{again:en}") == ("29 Februari 2024", "29 February 2024")


@pytest.mark.parametrize("weekday", ["Senin", "SENIN", "senin"])
def test_weekday_right_in_any_case_passes(weekday: str) -> None:
    o = outline(opening=opening(SENIN, weekday=weekday, date=JULY8))
    assert run("weekday-date", ctx(doc([SENIN]), o)) == []


def test_jumat_with_apostrophe_is_accepted() -> None:
    friday = dt.date(2024, 7, 12)
    o = outline(opening=opening("Pada hari ini Jum'at", weekday="Jum'at", date=friday))
    assert run("weekday-date", ctx(doc(["Pada hari ini Jum'at"]), o)) == []


def test_misspelt_weekday_uses_unknown_variant() -> None:
    o = outline(opening=opening("Pada hari ini Senen", weekday="Senen", date=JULY8))
    hits = run("weekday-date", ctx(doc(["Pada hari ini Senen"]), o))
    assert [(h.message, h.params["expected"]) for h in hits] == [("unknown", "Senin")]


def test_weekday_without_a_date_is_not_judged() -> None:
    o = outline(opening=opening(SENIN, weekday="Rabu", date=None))
    assert run("weekday-date", ctx(doc([SENIN]), o)) == []


def test_opening_numeric_mismatch() -> None:
    text = SENIN + " (09-07-2024), bertempat di Karanganyar"
    o = outline(
        opening=opening(
            text, date=JULY8, numeric_text="(09-07-2024)", numeric_date=dt.date(2024, 7, 9)
        )
    )
    hits = run("opening-numeric", ctx(doc([text]), o))
    assert len(hits) == 1
    assert hits[0].params["expected"] == "(08-07-2024)"
    assert hits[0].params["found_date"] == "9 Juli 2024"
    assert text[hits[0].run_start : hits[0].run_end] == "(09-07-2024)"


def test_opening_numeric_equal_passes() -> None:
    o = outline(opening=opening(SENIN, date=JULY8, numeric_text="(08-07-2024)", numeric_date=JULY8))
    assert run("opening-numeric", ctx(doc([SENIN]), o)) == []


def test_empty_date_reported_and_placeholders_leave_it_to_that_rule() -> None:
    text = "Pada hari ini ……, tanggal …… bulan …… tahun dua ribu dua puluh empat"
    o = outline(
        opening=opening(text, weekday="……", day_text="……", month_text="……", placeholder=True),
        placeholders=(Placeholder("……", Story.BODY, 1), Placeholder("……", Story.BODY, 2)),
    )
    d = doc([text, "berkedudukan di ……"])
    hits = run("empty-date", ctx(d, o))
    assert [h.block for h in hits] == [1]
    assert text[hits[0].run_start : hits[0].run_end].startswith("…")
    leftovers = run("placeholders", ctx(d, o), params_of("CONS-PLACEHOLDERS"))
    assert [h.block for h in leftovers] == [2]


def test_filled_date_is_not_empty() -> None:
    o = outline(opening=opening(SENIN, date=JULY8, day_text="delapan"))
    assert run("empty-date", ctx(doc([SENIN]), o)) == []


# --------------------------------------------------------------------------- nomor


def _pks_title() -> Title:
    return Title(
        lines=("PERJANJIAN KERJA SAMA",),
        blocks=(1,),
        kind_text="PERJANJIAN KERJA SAMA",
        institutions=(
            "SEKRETARIAT KOMISI PEMILIHAN UMUM KABUPATEN KARANGANYAR",
            "FAKULTAS HUKUM UNIVERSITAS CONTOH",
        ),
        perihal="PENDIDIKAN PEMILIH",
    )


def test_nomor_year_differs_from_signing_year() -> None:
    d = doc(["PERJANJIAN", "NOMOR: 12/PR.07-PKS/3313/2023", "NOMOR: 045/UC/2021", SENIN])
    o = outline(
        title=_pks_title(),
        nomor=(
            Nomor("NOMOR: 12/PR.07-PKS/3313/2023", "12/PR.07-PKS/3313/2023", 2, False),
            Nomor("NOMOR: 045/UC/2021", "045/UC/2021", 3, False),
        ),
        opening=opening(SENIN, block=4, date=JULY8),
    )
    hits = run("nomor-year", ctx(d, o), params_of("CONS-NOMOR-YEAR"))
    assert [(h.block, h.params["found"], h.params["expected"]) for h in hits] == [
        (2, "2023", "2024")
    ]  # the partner's 2021 is not checked


def test_nomor_year_matching_passes() -> None:
    d = doc(["PERJANJIAN", "NOMOR: 12/PR.07-PKS/3313/2024", SENIN])
    o = outline(
        title=_pks_title(),
        nomor=(Nomor("NOMOR: 12/PR.07-PKS/3313/2024", "12/PR.07-PKS/3313/2024", 2, False),),
        opening=opening(SENIN, block=3, date=JULY8),
    )
    assert run("nomor-year", ctx(d, o), params_of("CONS-NOMOR-YEAR")) == []


def test_kpu_nomor_mapping_is_positional_and_skips_guesses() -> None:
    title = replace(_pks_title(), institutions=("UNIVERSITAS CONTOH", "KOMISI PEMILIHAN UMUM"))
    one = (Nomor("NOMOR: 1/UC/2024", "1/UC/2024", 2, False),)
    two = (*one, Nomor("NOMOR: 2/PR.07-NK/01/2024", "2/PR.07-NK/01/2024", 3, False))
    keywords = ("KOMISI PEMILIHAN UMUM", "KPU")
    assert c.kpu_nomors(outline(title=title, nomor=one), keywords) == ()
    found = c.kpu_nomors(outline(title=title, nomor=two), keywords)
    assert [n.value for n, _ in found] == ["2/PR.07-NK/01/2024"]


def test_empty_nomor_and_filled_nomor() -> None:
    d = doc(["NOMOR: ……/PR.07-PKS/3313/2024", "NOMOR: 045/UC-FH/PKS/VII/2024"])
    o = outline(
        nomor=(
            Nomor("NOMOR: ……/PR.07-PKS/3313/2024", "……/PR.07-PKS/3313/2024", 1, True),
            Nomor("NOMOR: 045/UC-FH/PKS/VII/2024", "045/UC-FH/PKS/VII/2024", 2, False),
        )
    )
    hits = run("empty-nomor", ctx(d, o))
    assert [h.block for h in hits] == [1]
    assert hits[0].run_start == len("NOMOR: ")


# --------------------------------------------------------------------------- NK before PKS


def test_nk_after_pks_is_an_error_and_before_passes() -> None:
    text = (
        "c. bahwa PARA PIHAK telah menandatangani Nota Kesepahaman "
        "Nomor 3/PR.07-NK/3313/2024 tanggal 12 Agustus 2024."
    )
    later = dt.date(2024, 8, 12)
    premis = Premis(None, (), (), CitedNK(text, "3/PR.07-NK/3313/2024", later, 2), None, None)
    d = doc([SENIN, text])
    hits = run("nk-before-pks", ctx(d, outline(opening=opening(SENIN, date=JULY8), premis=premis)))
    assert [(h.block, h.params["nk_date"], h.params["date"]) for h in hits] == [
        (2, "12 Agustus 2024", "8 Juli 2024")
    ]
    assert text[hits[0].run_start : hits[0].run_end] == "12 Agustus 2024"
    cited = CitedNK(text, "3/PR.07-NK/3313/2024", dt.date(2024, 3, 12), 2)
    earlier = replace(premis, cited_nk=cited)
    assert (
        run("nk-before-pks", ctx(d, outline(opening=opening(SENIN, date=JULY8), premis=earlier)))
        == []
    )


# --------------------------------------------------------------------------- numbering


def _pasal_doc(numbers: Sequence[int | None]) -> tuple[Document, Outline]:
    texts = [f"Pasal {n}" for n in numbers]
    ps = tuple(pasal(n, i, i) for i, n in enumerate(numbers, start=1))
    return doc(texts), outline(pasal=ps)


def test_pasal_gap_duplicate_and_start() -> None:
    d, o = _pasal_doc([1, 2, 3, 4, 5, 6, 8, 9])
    hits = run("pasal-sequence", ctx(d, o))
    assert [(h.block, h.message, h.params["expected"]) for h in hits] == [(7, "gap", 7)]
    d, o = _pasal_doc([1, 2, 2, 3])
    assert [(h.block, h.message) for h in run("pasal-sequence", ctx(d, o))] == [(3, "duplicate")]
    d, o = _pasal_doc([2, 3])
    assert [(h.block, h.message) for h in run("pasal-sequence", ctx(d, o))] == [(1, "start")]
    d, o = _pasal_doc([1, 3, 2])
    assert [(h.block, h.message) for h in run("pasal-sequence", ctx(d, o))] == [
        (2, "gap"),
        (3, "order"),
    ]


def test_pasal_in_sequence_passes() -> None:
    d, o = _pasal_doc(list(range(1, 13)))
    assert run("pasal-sequence", ctx(d, o)) == []


def test_ayat_gap_single_and_clean() -> None:
    d = doc(["Pasal 1", "(1) a", "(3) b", "Pasal 2", "(1) c", "Pasal 3", "(1) x", "(2) y"])
    o = outline(
        pasal=(
            pasal(1, 1, 3, ayat=(Ayat(1, "(1)", 2), Ayat(3, "(3)", 3))),
            pasal(2, 4, 5, ayat=(Ayat(1, "(1)", 5),)),
            pasal(3, 6, 8, ayat=(Ayat(1, "(1)", 7), Ayat(2, "(2)", 8))),
        )
    )
    hits = run("ayat-sequence", ctx(d, o), params_of("CONS-AYAT-SEQUENCE"))
    assert [(h.block, h.message, h.severity) for h in hits] == [
        (3, "gap", None),
        (5, "single", "warning"),
    ]
    assert hits[0].params["expected"] == "(2)"
    assert hits[0].params["where"] == "Pasal 1"


def test_list_sequence_gap_restart_and_nesting() -> None:
    items = (
        ListItem("huruf", "a.", 1, 1, 2, 1),
        ListItem("angka", "1.", 1, 2, 3, 1),
        ListItem("angka", "2.", 2, 2, 4, 1),
        ListItem("huruf", "b.", 2, 1, 5, 1),
        ListItem("angka", "1.", 1, 2, 6, 1),  # restarts under b.: fine
        ListItem("huruf", "d.", 4, 1, 7, 1),  # c. missing
        ListItem("huruf", "a.", 1, 1, 8, 2),  # new ayat: new list
        ListItem("huruf", "b.", 2, 1, 9, 2),
    )
    d = doc([f"p{i}" for i in range(1, 10)])
    o = outline(pasal=(pasal(4, 1, 9, lists=items),))
    hits = run("list-sequence", ctx(d, o))
    assert [(h.block, h.params["found"], h.params["expected"]) for h in hits] == [(7, "d.", "c.")]
    assert hits[0].params["where"] == "Pasal 4 ayat (1)"


def test_list_restart_after_sub_items_is_a_slip_but_after_prose_a_new_list() -> None:
    # Pasal 6 of the UNS PKS template: 3. Prosedur pembayaran / a. … / 1) 2) / a. (meant b.)
    items = (
        ListItem("angka", "1.", 1, 1, 2, None),
        ListItem("huruf", "a.", 1, 2, 3, None),
        ListItem("angka", "1)", 1, 3, 4, None),
        ListItem("angka", "2)", 2, 3, 5, None),
        ListItem("huruf", "a.", 1, 2, 6, None),
        ListItem("huruf", "a.", 1, 2, 8, None),  # after the prose in block 7: a new list
    )
    texts = ["Pasal 6", "1. Prosedur", "a. Biaya", "1) …", "2) …", "a. Transfer", "Rekening:"]
    d = doc([*texts, "a. Lain"])
    o = outline(pasal=(pasal(6, 1, 8, lists=items, ayat=()),))
    hits = run("list-sequence", ctx(d, o))
    found = [(h.block, h.params["found"], h.params["previous"], h.params["expected"]) for h in hits]
    assert found == [(6, "a.", "a.", "b.")]


def test_list_starting_late_is_reported() -> None:
    d = doc(["p1", "p2"])
    o = outline(pasal=(pasal(1, 1, 2, lists=(ListItem("huruf", "b.", 2, 1, 2, None),)),))
    hits = run("list-sequence", ctx(d, o))
    assert [(h.block, h.message, h.params["expected"]) for h in hits] == [(2, "start", "a.")]


# --------------------------------------------------------------------------- xref


def _xref_outline(xrefs: Sequence[XRef]) -> tuple[Document, Outline]:
    texts = [
        "Pasal 1",
        "(1) satu",
        "(2) dua",
        "Pasal 2",
        "a. x",
        "b. y",
        "Pasal 3",
        *[f"… {x.text} …" if "Undang" not in x.text else x.text for x in xrefs],
    ]
    ps = (
        pasal(1, 1, 3, ayat=(Ayat(1, "(1)", 2), Ayat(2, "(2)", 3))),
        pasal(
            2,
            4,
            6,
            lists=(ListItem("huruf", "a.", 1, 1, 5, None), ListItem("huruf", "b.", 2, 1, 6, None)),
        ),
        pasal(3, 7, 7 + len(xrefs), xrefs=tuple(xrefs)),
    )
    return doc(texts), outline(pasal=ps)


def test_xref_missing_pasal_ayat_and_huruf() -> None:
    xrefs = [
        XRef("Pasal 14", 8, 14, None, None),
        XRef("Pasal 1 ayat (3)", 9, 1, 3, None),
        XRef("Pasal 2 huruf c", 10, 2, None, "c"),
        XRef("Pasal 1 ayat (2)", 11, 1, 2, None),
        XRef("Pasal 2 huruf b", 12, 2, None, "b"),
    ]
    d, o = _xref_outline(xrefs)
    hits = run("xref", ctx(d, o), params_of("CONS-XREF"))
    assert [(h.block, h.message) for h in hits] == [(8, "pasal"), (9, "ayat"), (10, "huruf")]
    assert hits[0].params["available"] == "1–3"
    assert hits[1].params["available"] == "(1, 2)"
    assert hits[2].params["available"] == "a, b"
    assert d.body[7].text[hits[0].run_start : hits[0].run_end] == "Pasal 14"


def test_xref_current_pasal_ayat_and_external_law() -> None:
    xrefs = [
        XRef("ayat (1)", 8, None, 1, None),  # Pasal 3 has no ayat
        XRef("Pasal 27", 9, 27, None, None),
    ]
    d, o = _xref_outline(xrefs)
    d = doc([*[b.text for b in d.body[:8]], "Pasal 27 Undang-Undang Nomor 7 Tahun 2017"])
    hits = run("xref", ctx(d, o), params_of("CONS-XREF"))
    assert [(h.block, h.message, h.params["target"]) for h in hits] == [(8, "no_ayat", "Pasal 3")]


# --------------------------------------------------------------------------- rangkap


def test_rangkap_mismatch_and_too_few() -> None:
    text = "Demikian … dibuat dalam rangkap 1 (dua), masing-masing bermeterai cukup …"
    closing = Closing(1, text, 1, 2, "dua", True, True)
    o = outline(closing=closing, parties=(party(1), party(2)))
    hits = run("rangkap", ctx(doc([text]), o))
    assert [(h.message, h.params["expected"]) for h in hits] == [("mismatch", "2 (dua)")]
    assert text[hits[0].run_start : hits[0].run_end] == "rangkap 1 (dua)"
    few = replace(closing, text=text.replace("1 (dua)", "2 (dua)"), rangkap_digits=2)
    o3 = outline(closing=few, parties=(party(1), party(2), party(3)))
    hits = run("rangkap", ctx(doc([few.text]), o3))
    assert [(h.message, h.params["parties"], h.params["expected"]) for h in hits] == [
        ("too_few", 3, "3 (tiga)")
    ]


def test_rangkap_in_words_only_asks_for_digits_and_words() -> None:
    text = "MoU ini dibuat dalam dua rangkap, masing-masing memiliki kekuatan hukum yang sama."
    o = outline(closing=Closing(1, text, None, 2, "dua", False, True), parties=(party(1), party(2)))
    hits = run("rangkap", ctx(doc([text]), o))
    assert [(h.message, dict(h.params)) for h in hits] == [
        ("words_only", {"found": "dua rangkap", "expected": "2 (dua)"})
    ]
    assert text[hits[0].run_start : hits[0].run_end] == "dua rangkap"


def test_rangkap_consistent_passes() -> None:
    text = "Demikian … dibuat dalam rangkap 2 (dua) …"
    o = outline(closing=Closing(1, text, 2, 2, "dua", False, True), parties=(party(1), party(2)))
    assert run("rangkap", ctx(doc([text]), o)) == []


# --------------------------------------------------------------------------- parties


def _signing(name2: str, jabatan2: str, third: bool = False) -> tuple[Document, Outline]:
    texts = [
        "1. NAMA SATU, S.H., Sekretaris Komisi Pemilihan Umum Kabupaten Karanganyar, …",
        "2. Dr. NAMA DUA, M.H., Dekan Fakultas Hukum Universitas Contoh, …",
        "3. NAMA TIGA, Direktur PT Contoh, …",
        "PIHAK KESATU,",
        "Sekretaris KPU Kab. Karanganyar,",
        "NAMA SATU, SH",
        "PIHAK KEDUA,",
        jabatan2,
        name2,
    ]
    parties = [
        party(
            1,
            alias="PIHAK KESATU",
            name="NAMA SATU, S.H.",
            jabatan="Sekretaris Komisi Pemilihan Umum Kabupaten Karanganyar",
        ),
        party(
            2,
            alias="PIHAK KEDUA",
            name="Dr. NAMA DUA, M.H.",
            jabatan="Dekan Fakultas Hukum Universitas Contoh",
        ),
    ]
    if third:
        parties.append(
            party(3, alias="PIHAK KETIGA", name="NAMA TIGA", jabatan="Direktur PT Contoh")
        )
    sigs = (
        sig(
            "PIHAK KESATU",
            1,
            (4, 5, 6),
            jabatan="Sekretaris KPU Kab. Karanganyar,",
            name="NAMA SATU, SH",
        ),
        sig("PIHAK KEDUA", 2, (7, 8, 9), jabatan=jabatan2, name=name2),
    )
    return doc(texts), outline(parties=tuple(parties), signatures=sigs)


def test_party_signs_normalises_titles_case_and_abbreviations() -> None:
    d, o = _signing("DR. NAMA DUA, M.H.", "Dekan Fakultas Hukum Universitas Contoh,")
    assert run("party-signs", ctx(d, o)) == []


def test_party_signs_name_jabatan_and_missing() -> None:
    d, o = _signing("Dr. NAMA DUWA, M.H.", "Wakil Dekan Bidang Akademik,", third=True)
    hits = run("party-signs", ctx(d, o))
    assert [(h.block, h.message) for h in hits] == [(9, "name"), (8, "jabatan"), (3, "missing")]
    assert hits[0].params["expected"] == "Dr. NAMA DUA, M.H."
    assert hits[1].params["found"] == "Wakil Dekan Bidang Akademik"


def test_party_signs_name_written_in_place_of_jabatan() -> None:
    d, o = _signing("Dr. NAMA DUA, M.H.", "Direktur Utama")
    parties = (o.parties[0], replace(o.parties[1], jabatan="Dr. NAMA DUA"))
    hits = run("party-signs", ctx(d, replace(o, parties=parties)))
    # anchored where the fix belongs: the komparisi paragraph that shows the name as jabatan
    assert [(h.block, h.story, h.message, h.params["found"]) for h in hits] == [
        (2, Story.BODY, "jabatan_is_name", "Direktur Utama")
    ]


def test_party_signs_extra_block() -> None:
    d, o = _signing("Dr. NAMA DUA, M.H.", "Dekan Fakultas Hukum Universitas Contoh")
    extra = (*o.signatures, sig("PIHAK KETIGA", 3, (3,), name="NAMA TIGA"))
    hits = run("party-signs", ctx(d, replace(o, signatures=extra)))
    assert [(h.block, h.message, h.params["found"]) for h in hits] == [(3, "extra", "PIHAK KETIGA")]


def test_title_parties_mismatch_and_match() -> None:
    d = doc(["JUDUL", "1. …", "2. …"])
    title = _pks_title()
    good = (
        party(1, blocks=(2,), institution="Sekretariat Komisi Pemilihan Umum Kab. Karanganyar"),
        party(2, blocks=(3,), institution="Fakultas Hukum Universitas Contoh"),
    )
    p = params_of("CONS-TITLE-PARTIES")
    assert run("title-parties", ctx(d, outline(title=title, parties=good)), p) == []
    bad = (good[0], replace(good[1], institution="Politeknik Lain"))
    hits = run("title-parties", ctx(d, outline(title=title, parties=bad)), p)
    assert [(h.block, h.message) for h in hits] == [(3, "not_in_title"), (1, "not_in_komparisi")]
    assert hits[1].params["found"] == "FAKULTAS HUKUM UNIVERSITAS CONTOH"


def test_title_parties_accept_an_acronym_of_the_title_name() -> None:
    d = doc(["JUDUL", "1. …", "2. …"])
    title = Title(
        lines=("NOTA KESEPAHAMAN",),
        blocks=(1,),
        kind_text="NOTA KESEPAHAMAN",
        institutions=(
            "LEMBAGA SERTIFIKASI PROFESI TELEKOMUNIKASI DIGITAL INDONESIA",
            "POLITEKNIK NEGERI BALI",
        ),
        perihal="TRI DHARMA PERGURUAN TINGGI",
    )
    lsp = (
        party(1, blocks=(2,), institution="LSP Telekomunikasi Digital Indonesia"),
        party(2, blocks=(3,), institution="Politeknik Negeri Bali"),
    )
    p = params_of("CONS-TITLE-PARTIES")
    assert run("title-parties", ctx(d, outline(title=title, parties=lsp)), p) == []
    # initials that spell no run of the title's words are still a different body
    other = (replace(lsp[0], institution="LSK Telekomunikasi Digital Indonesia"), lsp[1])
    hits = run("title-parties", ctx(d, outline(title=title, parties=other)), p)
    assert [(h.block, h.message) for h in hits] == [(2, "not_in_title"), (1, "not_in_komparisi")]


def test_defined_terms_series_undefined_caps_and_generic_third_party() -> None:
    texts = [
        "… selanjutnya disebut PIHAK KESATU;",
        "… selanjutnya disebut PIHAK KEDUA.",
        "PIHAK KESATU dan PIHAK KEDUA secara bersama-sama disebut PARA PIHAK.",
        "Hak PIHAK PERTAMA dan PIHAK PERTAMA lagi",
        "kewajiban Pihak Kedua kepada PIHAK KETIGA",
        "tidak boleh dialihkan kepada pihak ketiga oleh Para Pihak",
    ]
    parties = (
        party(
            1, alias="PIHAK KESATU", alias_as_written="PIHAK KESATU", series="KESATU", blocks=(1,)
        ),
        party(2, alias="PIHAK KEDUA", alias_as_written="PIHAK KEDUA", blocks=(2,)),
    )
    premis = Premis(None, (), (), None, None, 3)
    o = outline(parties=parties, premis=premis)
    hits = run("defined-terms", ctx(doc(texts), o), params_of("CONS-DEFINED-TERMS"))
    assert [(h.block, h.message, h.params["found"]) for h in hits] == [
        (4, "series", "PIHAK PERTAMA"),
        (5, "caps", "Pihak Kedua"),
        (5, "undefined", "PIHAK KETIGA"),
        (6, "caps", "Para Pihak"),
    ]
    assert hits[0].params["expected"] == "PIHAK KESATU"
    assert hits[1].params["expected"] == "PIHAK KEDUA"


def test_defined_terms_clean_and_non_caps_definition_reported_once() -> None:
    # consistent title case (as in the PPPK template, slips to lower case included): one
    # warning for the whole draft, on the first definition, not one per use
    texts = [
        "… disebut Pihak Kesatu;",
        "… disebut Pihak Kedua.",
        "Pihak Kesatu wajib …",
        "maka pihak kesatu dapat memutus …",
    ]
    parties = (
        party(
            1, alias="PIHAK KESATU", alias_as_written="Pihak Kesatu", series="KESATU", blocks=(1,)
        ),
        party(2, alias="PIHAK KEDUA", alias_as_written="Pihak Kedua", blocks=(2,)),
    )
    hits = run("defined-terms", ctx(doc(texts), outline(parties=parties)))
    assert [(h.block, h.message, h.severity, h.run_start, h.run_end) for h in hits] == [
        (1, "noncaps", "warning", 10, 22)
    ]
    assert hits[0].params == {
        "found": "'Pihak Kesatu', 'Pihak Kedua'",
        "expected": "PIHAK KESATU, PIHAK KEDUA",
    }
    # one definition in capitals makes capitals the draft's convention: every other spelling
    # is a slip, the title-case definition included
    mixed = (parties[0], replace(parties[1], alias_as_written="PIHAK KEDUA"))
    mixed_texts = [texts[0], "… disebut PIHAK KEDUA.", *texts[2:]]
    hits = run("defined-terms", ctx(doc(mixed_texts), outline(parties=mixed)))
    assert [(h.block, h.message, h.params["found"]) for h in hits] == [
        (1, "caps", "Pihak Kesatu"),
        (3, "caps", "Pihak Kesatu"),
        (4, "caps", "pihak kesatu"),
    ]
    clean = [
        t.replace("Pihak Kesatu", "PIHAK KESATU")
        .replace("pihak kesatu", "PIHAK KESATU")
        .replace("Pihak Kedua", "PIHAK KEDUA")
        for t in texts
    ]
    upper = tuple(replace(p, alias_as_written=p.alias) for p in parties)
    assert run("defined-terms", ctx(doc(clean), outline(parties=upper))) == []


# --------------------------------------------------------------------------- numbers and money


def test_terbilang_mismatch_skips_money_and_rangkap() -> None:
    texts = [
        "paling lambat 7 (empat belas) hari dan 3 (tiga) bulan",
        "sebesar Rp5.000.000,00 (lima juta lima ratus ribu rupiah)",
        "Demikian … dibuat dalam rangkap 1 (dua) …",
    ]
    o = outline(closing=Closing(3, texts[2], 1, 2, "dua", False, True))
    hits = run("terbilang", ctx(doc(texts), o), params_of("CONS-TERBILANG"))
    assert [(h.block, h.params["digits"], h.params["words_value"]) for h in hits] == [(1, 7, 14)]
    assert hits[0].params["expected"] == "7 (tujuh)"
    assert texts[0][hits[0].run_start : hits[0].run_end] == "7 (empat belas) hari"


def test_rupiah_terbilang() -> None:
    texts = [
        "Rp. 5.000.000,- (lima juta lima ratus ribu rupiah)",
        "Rp10.000.000,00 (sepuluh juta rupiah)",
    ]
    hits = run("rupiah-terbilang", ctx(doc(texts), outline()))
    assert [(h.block, h.params["amount"], h.params["words_amount"]) for h in hits] == [
        (1, "Rp5.000.000,00", "Rp5.500.000,00")
    ]
    assert hits[0].params["expected"] == "Rp5.000.000,00 (lima juta rupiah)"


# --------------------------------------------------------------------------- jangka waktu


def _term(text: str, clause: str | None = "jangka-waktu") -> tuple[Document, Outline]:
    d = doc([SENIN, "Pasal 6", text])
    o = outline(
        opening=opening(SENIN, date=JULY8),
        pasal=(pasal(6, 2, 3, clause=clause),),
    )
    return d, o


def test_jangka_waktu_end_date_inconsistent() -> None:
    text = (
        "(1) Perjanjian ini berlaku 6 (enam) bulan sejak tanggal ditandatangani "
        "sampai dengan 7 Juli 2025."
    )
    d, o = _term(text)
    hits = run("jangka-waktu-dates", ctx(d, o), params_of("CONS-JANGKA-WAKTU-DATES"))
    assert [(h.block, h.message, h.params["expected"]) for h in hits] == [
        (3, "signing", "7 Januari 2025")
    ]
    assert text[hits[0].run_start : hits[0].run_end] == "7 Juli 2025"


@pytest.mark.parametrize("end", ["7 Juli 2025", "8 Juli 2025"])
def test_jangka_waktu_consistent_passes(end: str) -> None:
    d, o = _term(f"berlaku 1 (satu) tahun sejak tanggal ditandatangani sampai dengan {end}.")
    assert run("jangka-waktu-dates", ctx(d, o), params_of("CONS-JANGKA-WAKTU-DATES")) == []


def test_jangka_waktu_explicit_start() -> None:
    d, o = _term(
        "berlaku 2 (dua) tahun terhitung mulai tanggal 1 Januari 2024 "
        "sampai dengan 31 Desember 2026."
    )
    hits = run("jangka-waktu-dates", ctx(d, o), params_of("CONS-JANGKA-WAKTU-DATES"))
    assert [(h.message, h.params["start"], h.params["expected"]) for h in hits] == [
        ("default", "1 Januari 2024", "31 Desember 2025")
    ]


def test_jangka_waktu_max() -> None:
    p = params_of("CONS-JANGKA-WAKTU-MAX")
    d, o = _term("Perjanjian ini berlaku 10 (sepuluh) tahun sejak ditandatangani.")
    hits = run("jangka-waktu-max", ctx(d, o), p)
    assert [(h.block, h.params["found"], h.params["max_years"]) for h in hits] == [
        (3, "berlaku 10 (sepuluh) tahun", 5)
    ]
    for ok in ("berlaku 5 (lima) tahun", "berlaku 2 (dua) tahun"):
        d, o = _term(f"Perjanjian ini {ok} sejak ditandatangani.")
        assert run("jangka-waktu-max", ctx(d, o), p) == []


# --------------------------------------------------------------------------- lampiran


def test_lampiran_reference_without_annex_and_numbering() -> None:
    d = doc(["… tercantum dalam Lampiran II …", "LAMPIRAN I", "LAMPIRAN III"])
    lam = Lampiran((2, 3), ("LAMPIRAN I", "LAMPIRAN III"), (1,))
    hits = run("lampiran", ctx(d, outline(lampiran=lam)))
    assert [(h.block, h.message) for h in hits] == [(3, "numbering"), (1, "missing_annex")]
    assert hits[0].params["expected"] == "LAMPIRAN II"
    none = Lampiran((), (), (1,))
    assert [h.message for h in run("lampiran", ctx(d, outline(lampiran=none)))] == ["no_annex"]


def test_lampiran_matching_passes() -> None:
    d = doc(["… tercantum dalam Lampiran yang merupakan bagian …", "LAMPIRAN"])
    lam = Lampiran((2,), ("LAMPIRAN",), (1,))
    assert run("lampiran", ctx(d, outline(lampiran=lam))) == []


# --------------------------------------------------------------------------- leftovers


def test_placeholders_one_per_block_nomor_left_to_empty_nomor() -> None:
    d = doc(["NOMOR: ……", "berkedudukan di …… nama ${mitra} dan ${alamat}", "bersih"])
    o = outline(
        nomor=(Nomor("NOMOR: ……", None, 1, True),),
        placeholders=(
            Placeholder("……", Story.BODY, 1),
            Placeholder("……", Story.BODY, 2),
            Placeholder("${mitra}", Story.BODY, 2),
            Placeholder("${alamat}", Story.BODY, 2),
        ),
    )
    hits = run("placeholders", ctx(d, o), params_of("CONS-PLACEHOLDERS"))
    assert [(h.block, h.params["found"], h.params["count"]) for h in hits] == [
        (2, "'……', '${mitra}', '${alamat}'", 3)
    ]
    assert run("placeholders", ctx(d, outline())) == []


def test_placeholders_in_an_other_document_include_the_nomor() -> None:
    # CONS-EMPTY-NOMOR does not run on OTHER documents (a PPPK contract): nothing is dropped
    d = doc(["Nomor 800.1.2.5/{{NO_KONTRAK_BARU}}/BKPSDM", "Nama : {{NAMA_BUPATI}}"])
    o = outline(
        document_type="OTHER",
        nomor=(Nomor(d.blocks[0].text, "800.1.2.5/{{NO_KONTRAK_BARU}}/BKPSDM", 1, True),),
        placeholders=(
            Placeholder("{{NO_KONTRAK_BARU}}", Story.BODY, 1),
            Placeholder("{{NAMA_BUPATI}}", Story.BODY, 2),
        ),
    )
    hits = run("placeholders", ctx(d, o), params_of("CONS-PLACEHOLDERS"))
    assert [h.block for h in hits] == [1, 2]
    pks = replace(o, document_type="PKS")
    assert [h.block for h in run("placeholders", ctx(d, pks), params_of("CONS-PLACEHOLDERS"))] == [
        2
    ]


def test_placeholders_template_notes_in_every_story_but_comments() -> None:
    texts = [
        ("Pasal 3 (optional bisa ada bisa tidak)", Story.BODY),
        ("*) pilih salah satu …… dan (coret yang tidak perlu)", Story.FOOTER),
        ("Bupati [pilih salah satu] Kabupaten Contoh", Story.BODY),
        ("(coret yang tidak perlu)", Story.COMMENT),
        ("hasil kajian (tulisan ilmiah) dan (pilihan buku)", Story.BODY),
    ]
    blocks = tuple(
        Block(story=s, index=i, text=t, runs=(Run(text=t, start=0, fmt=RunFormat()),))
        for i, (t, s) in enumerate(texts, start=1)
    )
    d = Document(path="t.docx", sha256="0" * 64, blocks=blocks)
    hits = run("placeholders", ctx(d, outline()), params_of("CONS-PLACEHOLDERS"))
    # the blank "[pilih salah satu]" is CONS-PLACEHOLDERS' own (the outline lists it); a note
    # holding a blank is still a note; a comment is not the text; prose in brackets is no note
    assert [(h.block, h.story, h.message, h.params["found"]) for h in hits] == [
        (1, Story.BODY, "note", "'(optional bisa ada bisa tidak)'"),
        (2, Story.FOOTER, "note", "'*) pilih salah satu …… dan (coret yang tidak perlu)'"),
    ]
    assert (hits[0].run_start, hits[0].run_end) == (8, 38)


def test_placeholders_fold_beyond_max_findings() -> None:
    d = doc([f"isian {i} ……" for i in range(1, 6)])
    o = outline(placeholders=tuple(Placeholder("……", Story.BODY, b) for b in range(1, 6)))
    p = c.PlaceholderParams(max_findings=3)
    hits = run("placeholders", ctx(d, o), p)
    assert [(h.block, h.message) for h in hits] == [
        (1, "default"),
        (2, "default"),
        (3, "default"),
        (4, "more"),  # on the first paragraph not listed, so it sorts in reading order
    ]
    assert dict(hits[-1].params) == {"found": 2, "count": 2}


def test_foreign_residue_flags_police_topic_in_school_agreement() -> None:
    texts = [
        "a. bahwa PARA PIHAK bekerja sama dalam pengamanan tahapan sesuai UU Kepolisian;",
        "b. bahwa PIHAK KEDUA menyelenggarakan pendidikan;",
    ]
    parties = (
        party(1, institution="Komisi Pemilihan Umum Kabupaten Purwakarta"),
        party(2, institution="SMA Negeri 1 Purwakarta"),
    )
    from naskah_lint.outline.model import Recital

    premis = Premis(
        None,
        (Recital("a", texts[0], 1, True, ";"), Recital("b", texts[1], 2, True, ";")),
        (),
        None,
        None,
        None,
    )
    p = params_of("CONS-FOREIGN-RESIDUE")
    hits = run("foreign-residue", ctx(doc(texts), outline(parties=parties, premis=premis)), p)
    assert [(h.block, h.params["found"]) for h in hits] == [(1, "'pengamanan', 'Kepolisian'")]
    police = (parties[0], party(2, institution="Kepolisian Resor Purwakarta"))
    assert run("foreign-residue", ctx(doc(texts), outline(parties=police, premis=premis)), p) == []


def test_tracked_changes_grouped_per_block_and_folded() -> None:
    revs = tuple(Revision("ins", "Budi", None, Story.BODY, b, "x") for b in (1, 1, 2, 3))
    d = doc(["a", "b", "c"], revisions=revs)
    hits = run("tracked-changes", ctx(d, outline()), c.TrackedChangesParams(max_findings=2))
    assert [(h.block, h.message, h.params["count"]) for h in hits] == [
        (1, "default", 2),
        (2, "default", 1),
        (None, "more", 1),
    ]
    assert run("tracked-changes", ctx(doc(["a"]), outline())) == []


def test_open_comments_ignore_own_suppressions_and_resolved() -> None:
    comments = (
        Comment("1", "Budi", "B", None, "Mohon dicek lagi nomornya", Story.BODY, 2),
        Comment("2", "naskah-lint", "NL", None, "CONS-XREF: …", Story.BODY, 1),
        Comment(
            "3", "Ani", "A", None, "naskah-lint: abaikan CONS-XREF — alasan: NK", Story.BODY, 1
        ),
        Comment("4", "Ani", "A", None, "sudah", Story.BODY, 1, resolved=True),
    )
    d = doc(["a", "b"], comments=comments)
    hits = run("open-comments", ctx(d, outline()), params_of("CONS-OPEN-COMMENTS"))
    assert [(h.block, h.params["author"]) for h in hits] == [(2, "Budi")]


def test_highlight_and_hidden_text_spans() -> None:
    plain, marked = RunFormat(), RunFormat(highlight="yellow", hidden=False)
    hidden = RunFormat(hidden=True)
    block = Block(
        Story.BODY,
        1,
        "Biaya Rp5.000.000,00 catatan",
        runs=(
            Run("Biaya ", 0, plain),
            Run("Rp5.000.000,00", 6, marked),
            Run(" catatan", 20, hidden),
        ),
    )
    d = Document("t.docx", "0" * 64, (block,))
    hl = run("highlight", ctx(d, outline()), params_of("CONS-HIGHLIGHT"))
    assert [(h.block, h.run_start, h.run_end, h.params["found"]) for h in hl] == [
        (1, 6, 20, "Rp5.000.000,00")
    ]
    hd = run("hidden-text", ctx(d, outline()), params_of("CONS-HIDDEN-TEXT"))
    assert [(h.run_start, h.params["found"]) for h in hd] == [(20, "catatan")]
    none = Document("t.docx", "0" * 64, (replace(block, runs=(Run(block.text, 0, plain),)),))
    assert run("highlight", ctx(none, outline()), params_of("CONS-HIGHLIGHT")) == []


def test_author_metadata_only_in_final_mode() -> None:
    d = doc(["a"], metadata=Metadata(creator="Staf Hukum", last_modified_by="python-docx"))
    p = params_of("CONS-AUTHOR-METADATA")
    assert run("author-metadata", ctx(d, outline()), p) == []
    hits = run("author-metadata", ctx(d, outline(), mode="final"), p)
    assert [(h.block, h.params["found"]) for h in hits] == [(None, "creator='Staf Hukum'")]


# --------------------------------------------------------------------------- real agreements

CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus"


def _lint(path: Path, select: tuple[str, ...]) -> list[tuple[str, int | None]]:
    from naskah_lint.api import lint_file, prepared_pack
    from naskah_lint.config import Settings

    settings = Settings(select=select)
    result = lint_file(path, settings, prepared_pack(settings))
    assert result.error is None
    return [(f.rule, f.location.block) for f in result.findings]


@pytest.mark.slow
@pytest.mark.parametrize(
    ("name", "expected"),
    [
        # defines PIHAK KESATU in the komparisi, then writes "Para Pihak" in Pasal 1 and
        # "Pihak Pertama dan Pihak Kedua" in Pasal 2 (verified by reading the file)
        (
            "other/mitrakampus-Template_MOU_-_Bahasa_Indonesia.doc",
            [("CONS-DEFINED-TERMS", 41), ("CONS-DEFINED-TERMS", 46), ("CONS-DEFINED-TERMS", 46)],
        ),
        # Pasal 6 numbers its items 1., 2., 3. but item 3 a. refers to "Pasal 6 ayat (1) huruf a";
        # after "a. … 1) 2)" the next item is "a." again where "b." was meant
        ("agreements/sikasi-pks.docx", [("CONS-XREF", 87), ("CONS-LIST-SEQUENCE", 90)]),
        # the pihak kedua's jabatan in the komparisi is the name again ("Danu diraja"): the
        # finding points at the komparisi paragraph, where the fix belongs
        ("agreements/sikasi-Addendum_PKSPT_SHOPEE_Tahun_2024.docx", [("CONS-PARTY-SIGNS", 36)]),
        # a KESEPAKATAN BERSAMA whose Pasal 7 speaks of "Nota Kesepahaman ini" and "Perjanjian
        # ini" (copied from another template)
        (
            "agreements/mitraku-Template_MOU.docx",
            [("CONS-SELF-NAME", 79), ("CONS-SELF-NAME", 80), ("CONS-SELF-NAME", 82)],
        ),
        # "MoU ini dibuat dalam dua rangkap" (words only) and "Perjanjian ini berlaku" in a MoU
        (
            "agreements/agris-template_mou.docx",
            [("CONS-SELF-NAME", 14), ("CONS-RANGKAP", 16)],
        ),
    ],
)
def test_real_defects_in_the_corpus(name: str, expected: list[tuple[str, int]]) -> None:
    path = CORPUS / name
    if not path.exists():
        pytest.skip("shared corpus not present")
    rules = (
        "CONS-DEFINED-TERMS",
        "CONS-XREF",
        "CONS-PARTY-SIGNS",
        "CONS-LIST-SEQUENCE",
        "CONS-SELF-NAME",
        "CONS-RANGKAP",
    )
    found = _lint(path, rules)
    assert found == expected


@pytest.mark.slow
def test_corpus_agreements_lint_without_rule_failures() -> None:
    folder = CORPUS / "agreements"
    if not folder.exists():
        pytest.skip("shared corpus not present")
    from naskah_lint.api import lint_file, prepared_pack
    from naskah_lint.config import Settings

    settings = Settings(select=("CONS", "AUTH", "FMT"), mode="final")
    pack = prepared_pack(settings)
    for path in sorted(folder.glob("*.docx")):
        result = lint_file(path, settings, pack)
        assert result.internal_error is None, (path.name, result.internal_error)
        assert not [f for f in result.findings if f.rule.startswith("META")], path.name


# --------------------------------------------------------------------------- self-name


def _named(kind_text: str) -> Title:
    return Title(lines=(kind_text,), blocks=(1,), kind_text=kind_text, institutions=(), perihal="X")


def test_self_name_other_instrument_is_residue() -> None:
    texts = [
        "KESEPAKATAN BERSAMA",
        "Kesepakatan Bersama ini berlaku sejak ditandatangani.",
        "(1) Nota Kesepahaman ini berlaku dan ditafsirkan menurut hukum Indonesia.",
        "(2) penafsiran Perjanjian ini dan Perjanjian ini lagi; kerja sama ini; perjanjian ini",
    ]
    o = outline(title=_named("KESEPAKATAN BERSAMA"), parts=((1, "judul"), (2, "pasal")))
    hits = run("self-name", ctx(doc(texts), o), params_of("CONS-SELF-NAME"))
    assert [(h.block, h.params["found"], h.params["expected"]) for h in hits] == [
        (3, "Nota Kesepahaman ini", "Kesepakatan Bersama"),
        (4, "Perjanjian ini", "Kesepakatan Bersama"),  # once per paragraph; lower case is prose
    ]
    assert texts[2][hits[0].run_start : hits[0].run_end] == "Nota Kesepahaman ini"


def test_self_name_suggests_the_name_the_draft_uses() -> None:
    texts = ["MEMORANDUM OF UNDERSTANDING (MoU)", "MoU ini dibuat …", "Perjanjian ini berlaku …"]
    o = outline(
        title=_named("MEMORANDUM OF UNDERSTANDING (MoU)"), parts=((1, "judul"), (2, "pasal"))
    )
    hits = run("self-name", ctx(doc(texts), o), params_of("CONS-SELF-NAME"))
    assert [(h.block, h.params["found"], h.params["expected"]) for h in hits] == [
        (3, "Perjanjian ini", "MoU")
    ]
    pks = ["PERJANJIAN KERJA SAMA", "Perjanjian ini berlaku; Perjanjian Kerja Sama ini juga."]
    o = outline(title=_named("PERJANJIAN KERJA SAMA"), parts=((1, "judul"), (2, "pasal")))
    assert run("self-name", ctx(doc(pks), o), params_of("CONS-SELF-NAME")) == []


def test_foreign_residue_term_with_a_dotted_capital_i_is_found() -> None:
    """ "KEPOLİSİAN" (typed with a dotted capital I) matches the case-insensitive term; the
    cheap pre-test lowers the text as the regex folds it."""
    texts = ["a. bahwa PARA PIHAK mendukung tugas KEPOLİSİAN;"]
    parties = (
        party(1, institution="Komisi Pemilihan Umum Kabupaten Purwakarta"),
        party(2, institution="SMA Negeri 1 Purwakarta"),
    )
    from naskah_lint.outline.model import Recital

    premis = Premis(None, (Recital("a", texts[0], 1, True, ";"),), (), None, None, None)
    p = params_of("CONS-FOREIGN-RESIDUE")
    hits = run("foreign-residue", ctx(doc(texts), outline(parties=parties, premis=premis)), p)
    assert [(h.block, h.params["found"]) for h in hits] == [(1, "'KEPOLİSİAN'")]
