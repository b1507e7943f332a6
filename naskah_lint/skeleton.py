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

from naskah_lint.lang import dates, ordinals, terbilang

BLANK = "…………"

_JENIS = {"NK": "Nota Kesepahaman", "PKS": "Perjanjian Kerja Sama"}
_TITLE = {"NK": "NOTA KESEPAHAMAN", "PKS": "PERJANJIAN KERJA SAMA"}


def _is_government(name: str, values: Mapping[str, Any]) -> bool:
    upper = f" {name.upper()} "
    private = values.get("private_keywords", ())
    if any(f" {k.upper()} " in upper for k in private):
        return False
    return any(f" {k.upper()} " in upper for k in values.get("government_keywords", ()))


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
    center: dict[str, Any] = {"align": "center", "bold": True}
    aliases = [f"PIHAK {ordinals.ordinal_word(i + 1, 'KESATU')}" for i in range(len(parties))]

    body: list[Any] = [{"text": _TITLE[doc_type], **center}, {"text": "ANTARA", **center}]
    for i, party in enumerate(parties):
        if i:
            body.append({"text": "DAN", **center})
        body.append({"text": party.upper(), **center})
    body += [{"text": "TENTANG", **center}, {"text": perihal.upper(), **center}]
    body += [{"text": f"NOMOR: {BLANK}", **center} for _ in parties]
    body.append("")
    body.append(opening_sentence(day))
    for i, (party, alias) in enumerate(zip(parties, aliases, strict=True)):
        end = "." if i == len(parties) - 1 else ";"
        body.append(
            f"{i + 1}. {BLANK}, {BLANK}, dalam hal ini bertindak untuk dan atas nama {party}, "
            f"berkedudukan di {BLANK}, selanjutnya disebut {alias}{end}"
        )
    together = ", ".join(aliases[:-1]) + f" dan {aliases[-1]}"
    body.append(
        f"{together} secara bersama-sama disebut PARA PIHAK dan masing-masing disebut PIHAK."
    )
    body.append("PARA PIHAK terlebih dahulu menerangkan hal-hal sebagai berikut:")
    recitals = [f"bahwa {aliases[0]} {BLANK};", f"bahwa {aliases[1]} {BLANK};"]
    if doc_type == "PKS":
        recitals.append(
            f"bahwa PARA PIHAK telah menandatangani Nota Kesepahaman Nomor {BLANK} "
            f"tanggal {BLANK}."
        )
    else:
        recitals.append(f"bahwa PARA PIHAK sepakat untuk bekerja sama dalam {BLANK}.")
    if len(recitals) > 1:
        recitals[-2] = recitals[-2][:-1] + "; dan"
    body += [f"{chr(97 + i)}. {text}" for i, text in enumerate(recitals)]
    body.append(
        f"Berdasarkan hal tersebut di atas, PARA PIHAK sepakat untuk mengadakan {jenis} "
        f"tentang {perihal} dengan ketentuan sebagai berikut:"
    )

    skeleton = values.get("skeleton", {})
    clause_ids: list[str] = list(skeleton.get("pasal", {}).get(doc_type, ()))
    numbers = {cid: n for n, cid in enumerate(clause_ids, start=1)}
    synonyms: Mapping[str, Sequence[str]] = values.get("clauses", {})
    for n, cid in enumerate(clause_ids, start=1):
        title = synonyms[cid][0] if synonyms.get(cid) else cid.upper()
        body.append({"text": f"Pasal {n}", **center})
        body.append({"text": title, **center})
        ayat = [
            a.format(jenis=jenis, pasal=numbers) for a in skeleton.get("ayat", {}).get(cid, ())
        ]
        if len(ayat) == 1:
            body.append(ayat[0])
        else:
            body += [f"({k}) {a}" for k, a in enumerate(ayat, start=1)]

    rangkap = len(parties)
    body.append(
        f"Demikian {jenis} ini dibuat dan ditandatangani oleh PARA PIHAK dalam rangkap "
        f"{rangkap} ({terbilang.int_to_words(rangkap)}), masing-masing bermeterai cukup dan "
        "mempunyai kekuatan hukum yang sama."
    )
    body.append("")
    header_row = [f"{alias}," for alias in aliases]
    jabatan_row = [f"{BLANK}," for _ in parties]
    meterai_row = [
        "" if _is_government(p, values) else "Meterai Rp10.000" for p in parties
    ]
    name_row = [BLANK for _ in parties]
    body.append({"table": [header_row, jabatan_row, meterai_row, name_row], "borders": False})
    return {
        "name": f"new-{doc_type.lower()}",
        "header": [{"field": "PAGE", "text_before": "-", "text_after": "-", "align": "center"}],
        "footer": [{"table": [["PARAF", *aliases], ["", *["" for _ in aliases]]]}],
        "body": body,
    }
