"""`naskah-lint new`: a new NK or PKS draft that follows the rule pack.

The skeleton is a docspec (see `naskah_lint.writer.docspec`): title block, one nomor line per
party, the opening with the date in words and its weekday, komparisi with placeholders, the
recitals, the required pasal for the type (the pack's `data.skeleton`), the penutup and a
signature table. Fields the author must fill are dotted placeholders, so the draft lints with
no error and no warning other than the placeholder warnings.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from typing import Any

from naskah_lint.lang import dates, normalize, ordinals, terbilang

BLANK = "…………"

_JENIS = {"NK": "Nota Kesepahaman", "PKS": "Perjanjian Kerja Sama"}
_TITLE = {"NK": "NOTA KESEPAHAMAN", "PKS": "PERJANJIAN KERJA SAMA"}


def _is_government(name: str, values: Mapping[str, Any]) -> bool:
    """Whether a party is a government body (it signs without meterai): decided exactly as the
    FMT-METERAI rule decides it, from the pack's keyword tables."""
    gov = values.get("government_keywords", ())
    return normalize.sector(name, gov, values.get("private_keywords", ())) == "government"


def opening_sentence(day: dt.date | None) -> str:
    """The opening with the weekday and the date in words, then the bracketed numeric date."""
    if day is None:
        return (
            f"Pada hari ini {BLANK}, tanggal {BLANK} bulan {BLANK} tahun {BLANK}, "
            f"bertempat di {BLANK}, kami yang bertanda tangan di bawah ini:"
        )
    return (
        f"Pada hari ini {dates.weekday_of(day)}, tanggal {terbilang.int_to_words(day.day)} "
        f"bulan {dates.month_name(day.month)} tahun {terbilang.int_to_words(day.year)} "
        f"({day:%d-%m-%Y}), bertempat di {BLANK}, kami yang bertanda tangan di bawah ini:"
    )


_LAYOUT: Mapping[str, Any] = {
    "page": {
        "size": "A4",
        "orientation": "portrait",
        "margins_cm": {"top": 2, "bottom": 2.5, "left": 3, "right": 2},
    },
    "font": {"name": "Arial", "size": 12},
    "line_spacing": 1.15,
}
_PRESETS: Mapping[str, Any] = {
    "judul": {"align": "center", "bold": True, "space_after_pt": 0},
    "nomor": {"align": "center", "space_after_pt": 0},
    "teks": {"align": "justify"},
    "butir": {"align": "justify", "indent_left_cm": 1, "first_line_cm": -1},
    "pasal": {
        "align": "center",
        "bold": True,
        "keep_with_next": True,
        "space_before_pt": 12,
        "space_after_pt": 0,
    },
    "pasal_judul": {"align": "center", "bold": True, "keep_with_next": True},
}


def _layout(skeleton: Mapping[str, Any]) -> dict[str, Any]:
    """Paper, margins, font and line spacing: the pack's `skeleton.layout`, else A4, margins
    3/2/2/2.5 cm, Arial 12 and 1.15 lines (what the FMT rules accept)."""
    layout = dict(_LAYOUT)
    layout.update(skeleton.get("layout") or {})
    return {key: layout[key] for key in ("page", "font", "line_spacing") if key in layout}


def skeleton_spec(
    doc_type: str,
    parties: Sequence[str],
    perihal: str,
    day: dt.date | None,
    values: Mapping[str, Any],
) -> dict[str, Any]:
    """The docspec of a new draft. `values` is the pack's `data:` mapping."""
    if doc_type not in _JENIS:
        raise ValueError(f"unknown document type {doc_type!r} (NK or PKS)")
    if len(parties) < 2:
        raise ValueError("an agreement needs at least two parties (--pihak twice)")
    jenis = _JENIS[doc_type]
    skeleton: Mapping[str, Any] = values.get("skeleton") or {}
    aliases = [f"PIHAK {ordinals.ordinal_word(i + 1, 'KESATU')}" for i in range(len(parties))]

    body: list[Any] = [
        {"preset": "judul", "text": _TITLE[doc_type], "size": 14},
        {"preset": "judul", "text": "ANTARA"},
    ]
    for i, party in enumerate(parties):
        if i:
            body.append({"preset": "judul", "text": "DAN"})
        body.append({"preset": "judul", "text": party.upper()})
    body += [
        {"preset": "judul", "text": "TENTANG"},
        {"preset": "judul", "text": perihal.upper(), "space_after_pt": 12},
    ]
    body += [{"preset": "nomor", "text": f"NOMOR: {BLANK}"} for _ in parties]
    body[-1] = {**body[-1], "space_after_pt": 12}
    body.append({"preset": "teks", "text": opening_sentence(day)})
    for i, (party, alias) in enumerate(zip(parties, aliases, strict=True)):
        end = "." if i == len(parties) - 1 else ";"
        body.append(
            {
                "preset": "butir",
                "text": f"{i + 1}.\t{BLANK}, {BLANK}, dalam hal ini bertindak untuk dan atas "
                f"nama {party}, berkedudukan di {BLANK}, selanjutnya disebut {alias}{end}",
            }
        )
    together = ", ".join(aliases[:-1]) + f" dan {aliases[-1]}"
    body.append(
        {
            "preset": "teks",
            "text": f"{together} secara bersama-sama disebut PARA PIHAK dan masing-masing "
            "disebut PIHAK.",
        }
    )
    body.append(
        {
            "preset": "teks",
            "text": "PARA PIHAK terlebih dahulu menerangkan hal-hal sebagai berikut:",
        }
    )
    recitals = [f"bahwa {alias} {BLANK};" for alias in aliases]
    if doc_type == "PKS":
        recitals.append(
            f"bahwa PARA PIHAK telah menandatangani Nota Kesepahaman Nomor {BLANK} tanggal {BLANK}."
        )
    else:
        recitals.append(f"bahwa PARA PIHAK sepakat untuk bekerja sama dalam {BLANK}.")
    recitals[-2] = recitals[-2][:-1] + "; dan"
    body += [
        {"preset": "butir", "text": f"{chr(97 + i)}.\t{text}"} for i, text in enumerate(recitals)
    ]
    body.append(
        {
            "preset": "teks",
            "text": f"Berdasarkan hal tersebut di atas, PARA PIHAK sepakat untuk mengadakan "
            f"{jenis} tentang {perihal} dengan ketentuan sebagai berikut:",
        }
    )

    clause_ids: list[str] = list((skeleton.get("pasal") or {}).get(doc_type, ()))
    numbers = {cid: n for n, cid in enumerate(clause_ids, start=1)}
    synonyms: Mapping[str, Sequence[str]] = values.get("clauses") or {}
    for n, cid in enumerate(clause_ids, start=1):
        title = synonyms[cid][0] if synonyms.get(cid) else cid.upper()
        body.append({"preset": "pasal", "text": f"Pasal {n}"})
        body.append({"preset": "pasal_judul", "text": title.upper()})
        ayat = [
            a.format(jenis=jenis, pasal=numbers) for a in (skeleton.get("ayat") or {}).get(cid, ())
        ]
        if len(ayat) == 1:
            body.append({"preset": "teks", "text": ayat[0]})
        else:
            body += [
                {"preset": "butir", "text": f"({k})\t{a}"} for k, a in enumerate(ayat, start=1)
            ]

    rangkap = len(parties)
    body.append(
        {
            "preset": "teks",
            "text": f"Demikian {jenis} ini dibuat dan ditandatangani oleh PARA PIHAK dalam "
            f"rangkap {rangkap} ({terbilang.int_to_words(rangkap)}), masing-masing bermeterai "
            "cukup dan mempunyai kekuatan hukum yang sama.",
            "space_before_pt": 12,
            "space_after_pt": 12,
            "keep_with_next": True,
        }
    )
    header_row = [f"{alias}," for alias in aliases]
    jabatan_row = [f"{BLANK}," for _ in parties]
    meterai_row = ["" if _is_government(p, values) else "Meterai Rp10.000" for p in parties]
    name_row = [{"text": BLANK, "bold": True} for _ in parties]
    body.append(
        {
            "table": [header_row, jabatan_row, meterai_row, [""] * len(parties), name_row],
            "borders": False,
            "keep_together": True,
            "align": "center",
        }
    )
    return {
        "name": f"new-{doc_type.lower()}",
        **_layout(skeleton),
        "presets": dict(_PRESETS),
        "header": [{"field": "PAGE", "text_before": "-", "text_after": "-", "align": "center"}],
        "footer": [
            {
                "table": [["Paraf", *aliases], ["" for _ in range(len(aliases) + 1)]],
                "borders": True,
                "row_heights_cm": [0.5, 1],
                "table_align": "right",
                "align": "center",
                "size": 8,
            }
        ],
        "body": body,
    }
