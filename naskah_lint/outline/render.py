"""The user's view of an outline: the contract's JSON shape and a rich Tree with block numbers."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from naskah_lint.i18n import t
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

if TYPE_CHECKING:
    from rich.tree import Tree

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


# --- text ---------------------------------------------------------------------------------


def _text(text: str, style: str = "") -> Any:
    """A rich Text that wraps even on a soft-wrapping console (markup never interpreted)."""
    from rich.text import Text as RichText

    return RichText(text, style=style, no_wrap=False, overflow="fold")


def _blocks(blocks: Sequence[int], lang: str) -> str:
    """ " [blok 5]" or " [blok 5–9]" in the user's language."""
    if not blocks:
        return ""
    lo, hi = min(blocks), max(blocks)
    span = str(lo) if lo == hi else f"{lo}–{hi}"
    return " [" + t("outline.blocks", lang, blocks=span) + "]"


def _or_missing(value: object, lang: str) -> str:
    return str(value) if value not in (None, "") else t("outline.none", lang)


def _title_node(tree: Tree, title: Title | None, lang: str) -> None:
    if title is None:
        tree.add(_text(t("outline.title", lang) + ": " + t("outline.not_found", lang)))
        return
    node = tree.add(_text(t("outline.title", lang) + _blocks(title.blocks, lang)))
    for line in title.lines:
        node.add(_text(line))
    if title.institutions:
        node.add(_text(t("outline.institutions", lang) + ": " + "; ".join(title.institutions)))
    node.add(_text(t("outline.perihal", lang) + ": " + _or_missing(title.perihal, lang)))


def _opening_node(tree: Tree, opening: Opening | None, lang: str) -> None:
    label = t("outline.opening", lang)
    if opening is None:
        tree.add(_text(label + ": " + t("outline.not_found", lang)))
        return
    node = tree.add(_text(label + _blocks([opening.block], lang)))
    node.add(_text(t("outline.weekday", lang) + ": " + _or_missing(opening.weekday, lang)))
    date = _or_missing(_iso(opening.date), lang)
    if opening.date is not None and opening.date_in_words:
        date += " (" + t("outline.in_words", lang) + ")"
    node.add(_text(t("outline.date", lang) + ": " + date))
    if opening.numeric_text:
        node.add(_text(t("outline.numeric_date", lang) + ": " + opening.numeric_text))
    node.add(_text(t("outline.place", lang) + ": " + _or_missing(opening.place, lang)))


def _party_node(tree: Tree, party: Party, lang: str) -> None:
    head = f"{party.alias or '?'}: {_or_missing(party.name, lang)}"
    node = tree.add(_text(head + _blocks(party.blocks, lang)))
    node.add(_text(t("outline.jabatan", lang) + ": " + _or_missing(party.jabatan, lang)))
    node.add(_text(t("outline.institution", lang) + ": " + _or_missing(party.institution, lang)))
    node.add(_text(t("outline.address", lang) + ": " + _or_missing(party.address, lang)))
    if party.legal_basis:
        node.add(_text(t("outline.legal_basis", lang) + ": " + party.legal_basis))


def _premis_node(tree: Tree, premis: Premis | None, lang: str) -> None:
    label = t("outline.premis", lang)
    if premis is None:
        tree.add(_text(label + ": " + t("outline.not_found", lang)))
        return
    node = tree.add(_text(label))
    if premis.para_pihak_block is not None:
        node.add(_text(t("outline.para_pihak", lang) + _blocks([premis.para_pihak_block], lang)))
    recitals = node.add(_text(t("outline.recitals", lang, count=len(premis.recitals))))
    for r in premis.recitals:
        excerpt = r.text if len(r.text) <= 70 else r.text[:69] + "…"
        recitals.add(_text(f"{r.label or '-'} {excerpt}" + _blocks([r.block], lang)))
    if premis.dasar_hukum_blocks:
        node.add(_text(t("outline.dasar_hukum", lang) + _blocks(premis.dasar_hukum_blocks, lang)))
    if premis.cited_nk is not None:
        nk = premis.cited_nk
        node.add(
            _text(
                t("outline.cited_nk", lang)
                + f": {_or_missing(nk.nomor, lang)}, {_or_missing(_iso(nk.date), lang)}"
                + _blocks([nk.block], lang)
            )
        )
    if premis.agreement_block is not None:
        node.add(_text(t("outline.agreement", lang) + _blocks([premis.agreement_block], lang)))
    else:
        node.add(_text(t("outline.agreement", lang) + ": " + t("outline.not_found", lang)))


def _pasal_node(tree: Tree, pasal: Sequence[Pasal], lang: str) -> None:
    label = t("outline.pasal", lang, count=len(pasal))
    if not pasal:
        tree.add(_text(label + ": " + t("outline.not_found", lang)))
        return
    node = tree.add(_text(label))
    for p in pasal:
        clause = p.clause or t("outline.no_clause", lang)
        how = t("outline.inferred", lang) if p.clause_inferred else f"{p.clause_score:g}"
        title = p.title or "(" + t("outline.untitled", lang) + ")"
        head = f"{p.number_text} {title} → {clause} ({how})"
        item = node.add(_text(head + _blocks([p.first_block, p.last_block], lang)))
        if p.bab:
            item.add(_text(p.bab))
        if p.ayat:
            item.add(_text(t("outline.ayat", lang) + ": " + " ".join(a.label for a in p.ayat)))
        if p.lists:
            item.add(_text(t("outline.lists", lang, count=len(p.lists))))
        if p.xrefs:
            refs = "; ".join(dict.fromkeys(x.text for x in p.xrefs))
            item.add(_text(t("outline.xrefs", lang) + ": " + refs))


def _closing_node(tree: Tree, closing: Closing | None, lang: str) -> None:
    label = t("outline.closing", lang)
    if closing is None:
        tree.add(_text(label + ": " + t("outline.not_found", lang)))
        return
    node = tree.add(_text(label + _blocks([closing.block], lang)))
    rangkap = _or_missing(closing.rangkap_digits, lang)
    if closing.rangkap_words_text:
        rangkap += f" ({closing.rangkap_words_text})"
    node.add(_text(t("outline.rangkap", lang) + ": " + rangkap))
    yes, no = t("outline.yes", lang), t("outline.no", lang)
    node.add(_text(t("outline.meterai", lang) + ": " + (yes if closing.meterai else no)))


def _signature_nodes(tree: Tree, outline: Outline, lang: str) -> None:
    label = t("outline.signatures", lang, count=len(outline.signatures))
    if not outline.signatures:
        tree.add(_text(label + ": " + t("outline.not_found", lang)))
    else:
        node = tree.add(_text(label))
        for s in outline.signatures:
            story = "" if s.story.value == "body" else f" ({t('loc.story.' + s.story.value, lang)})"
            head = f"{s.label or '?'}: {_or_missing(s.name, lang)}"
            item = node.add(_text(head + story + _blocks(s.blocks, lang)))
            item.add(_text(t("outline.jabatan", lang) + ": " + _or_missing(s.jabatan, lang)))
            if s.nip:
                item.add(_text("NIP: " + s.nip))
            if s.meterai:
                item.add(_text(t("outline.meterai", lang) + ": " + t("outline.yes", lang)))
    if outline.witnesses:
        node = tree.add(_text(t("outline.witnesses", lang, count=len(outline.witnesses))))
        for s in outline.witnesses:
            node.add(_text(f"{s.label}: {_or_missing(s.name, lang)}" + _blocks(s.blocks, lang)))


def _lampiran_node(tree: Tree, lampiran: Lampiran | None, lang: str) -> None:
    label = t("outline.lampiran", lang)
    if lampiran is None:
        tree.add(_text(label + ": " + t("outline.not_found", lang)))
        return
    node = tree.add(_text(label))
    for block, annex in zip(lampiran.annex_blocks, lampiran.annex_labels, strict=True):
        node.add(_text(annex + _blocks([block], lang)))
    if lampiran.reference_blocks:
        node.add(_text(t("outline.references", lang) + _blocks(lampiran.reference_blocks, lang)))


def outline_text(outline: Outline, lang: str = "id") -> Tree:
    """A rich Tree of the recognised parts, each with its block numbers; absent parts say so."""
    from rich.tree import Tree

    root = Tree(
        _text(
            t("outline.root", lang, type=outline.document_type, language=outline.language),
            style="bold",
        )
    )
    _title_node(root, outline.title, lang)
    nomor_label = t("outline.nomor", lang, count=len(outline.nomor))
    if outline.nomor:
        node = root.add(_text(nomor_label))
        for n in outline.nomor:
            mark = " (" + t("outline.placeholder", lang) + ")" if n.placeholder else ""
            node.add(_text(n.text + mark + _blocks([n.block], lang)))
    else:
        root.add(_text(nomor_label + ": " + t("outline.not_found", lang)))
    _opening_node(root, outline.opening, lang)
    parties = root.add(_text(t("outline.parties", lang, count=len(outline.parties))))
    for party in outline.parties:
        _party_node(parties, party, lang)
    _premis_node(root, outline.premis, lang)
    _pasal_node(root, outline.pasal, lang)
    _closing_node(root, outline.closing, lang)
    _signature_nodes(root, outline, lang)
    _lampiran_node(root, outline.lampiran, lang)
    if outline.placeholders:
        shown = ", ".join(dict.fromkeys(p.text for p in outline.placeholders[:8]))
        root.add(
            _text(t("outline.placeholders", lang, count=len(outline.placeholders)) + ": " + shown)
        )
    return root
