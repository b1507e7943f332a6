"""The outline as the contract's JSON shape (`outline --format json`, the HTML outline panel).

The text view (a rich Tree) is a report: naskah_lint.report.outline_text."""

from __future__ import annotations

import datetime as dt
from typing import Any

from naskah_lint.outline.model import (
    Closing,
    Lampiran,
    Opening,
    Outline,
    Party,
    Pasal,
    Premis,
    Signature,
    Title,
)

SCHEMA_VERSION = 1


def _iso(d: dt.date | None) -> str | None:
    return d.isoformat() if d is not None else None


def _title_json(title: Title | None) -> dict[str, Any] | None:
    if title is None:
        return None
    return {
        "lines": list(title.lines),
        "perihal": title.perihal,
        "kind_text": title.kind_text,
        "institutions": list(title.institutions),
        "blocks": list(title.blocks),
        "perihal_blocks": list(title.perihal_blocks),
        "has_antara": title.has_antara,
        "has_dan": title.has_dan,
        "has_tentang": title.has_tentang,
    }


def _opening_json(opening: Opening | None) -> dict[str, Any] | None:
    if opening is None:
        return None
    return {
        "weekday": opening.weekday,
        "date": _iso(opening.date),
        "place": opening.place,
        "block": opening.block,
        "day_text": opening.day_text,
        "month_text": opening.month_text,
        "year_text": opening.year_text,
        "date_in_words": opening.date_in_words,
        "numeric_text": opening.numeric_text,
        "numeric_date": _iso(opening.numeric_date),
        "placeholder": opening.placeholder,
    }


def _party_json(party: Party) -> dict[str, Any]:
    return {
        "alias": party.alias,
        "name": party.name,
        "jabatan": party.jabatan,
        "institution": party.institution,
        "index": party.index,
        "alias_as_written": party.alias_as_written,
        "ordinal": party.ordinal,
        "series": party.series,
        "legal_basis": party.legal_basis,
        "address": party.address,
        "blocks": list(party.blocks),
        "has_acting": party.has_acting,
        "has_address": party.has_address,
        "has_alias": party.has_alias,
        "placeholder": party.placeholder,
    }


def _premis_json(premis: Premis | None) -> dict[str, Any] | None:
    if premis is None:
        return None
    nk = premis.cited_nk
    return {
        "intro_block": premis.intro_block,
        "recitals": [
            {
                "letter": r.letter,
                "label": r.label,
                "block": r.block,
                "starts_bahwa": r.starts_bahwa,
                "ending": r.ending,
            }
            for r in premis.recitals
        ],
        "dasar_hukum_blocks": list(premis.dasar_hukum_blocks),
        "cited_nk": None
        if nk is None
        else {"nomor": nk.nomor, "date": _iso(nk.date), "block": nk.block},
        "agreement_block": premis.agreement_block,
        "para_pihak_block": premis.para_pihak_block,
    }


def _pasal_json(p: Pasal) -> dict[str, Any]:
    return {
        "number": p.number,
        "title": p.title,
        "clause": p.clause,
        "ayat": len(p.ayat),
        "block": p.heading_block,
        "number_text": p.number_text,
        "clause_score": p.clause_score,
        "clause_matched": p.clause_matched,
        "clause_inferred": p.clause_inferred,
        "title_block": p.title_block,
        "first_block": p.first_block,
        "last_block": p.last_block,
        "ayat_numbers": [a.number for a in p.ayat],
        "lists": [
            {"kind": i.kind, "label": i.label, "level": i.level, "ayat": i.ayat, "block": i.block}
            for i in p.lists
        ],
        "xrefs": [
            {
                "text": x.text,
                "block": x.block,
                "pasal": x.pasal,
                "pasal_to": x.pasal_to,
                "ayat": x.ayat,
                "huruf": x.huruf,
                "lampiran": x.lampiran,
            }
            for x in p.xrefs
        ],
        "bab": p.bab,
        "numbered_by_word": p.numbered_by_word,
    }


def _closing_json(closing: Closing | None) -> dict[str, Any] | None:
    if closing is None:
        return None
    rangkap = closing.rangkap_digits
    if rangkap is None:
        rangkap = closing.rangkap_words
    return {
        "rangkap": rangkap,
        "block": closing.block,
        "rangkap_digits": closing.rangkap_digits,
        "rangkap_words": closing.rangkap_words,
        "rangkap_words_text": closing.rangkap_words_text,
        "meterai": closing.meterai,
        "kekuatan_hukum": closing.kekuatan_hukum,
    }


def _signature_json(sig: Signature) -> dict[str, Any]:
    return {
        "label": sig.label,
        "name": sig.name,
        "jabatan": sig.jabatan,
        "ordinal": sig.ordinal,
        "nip": sig.nip,
        "meterai": sig.meterai,
        "story": sig.story.value,
        "blocks": list(sig.blocks),
    }


def _lampiran_json(lampiran: Lampiran | None) -> dict[str, Any] | None:
    if lampiran is None:
        return None
    return {
        "annex_blocks": list(lampiran.annex_blocks),
        "annex_labels": list(lampiran.annex_labels),
        "reference_blocks": list(lampiran.reference_blocks),
    }


def outline_json(outline: Outline, path: str) -> dict[str, Any]:
    """The contract's "Outline (outline --format json)" object, plus detail fields."""
    return {
        "schema_version": SCHEMA_VERSION,
        "path": path,
        "document_type": outline.document_type,
        "language": outline.language,
        "title": _title_json(outline.title),
        "nomor": [n.value for n in outline.nomor],
        "opening": _opening_json(outline.opening),
        "parties": [_party_json(p) for p in outline.parties],
        "recitals": len(outline.premis.recitals) if outline.premis is not None else None,
        "pasal": [_pasal_json(p) for p in outline.pasal],
        "closing": _closing_json(outline.closing),
        "signatures": [_signature_json(s) for s in outline.signatures],
        "nomor_lines": [
            {"text": n.text, "value": n.value, "block": n.block, "placeholder": n.placeholder}
            for n in outline.nomor
        ],
        "premis": _premis_json(outline.premis),
        "witnesses": [_signature_json(s) for s in outline.witnesses],
        "lampiran": _lampiran_json(outline.lampiran),
        "placeholders": [
            {"text": p.text, "story": p.story.value, "block": p.block} for p in outline.placeholders
        ],
        "parts": [{"block": block, "part": part} for block, part in outline.parts],
    }
