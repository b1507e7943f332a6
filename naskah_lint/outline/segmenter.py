"""The segmenter: a Document becomes an Outline of the agreement's parts.

Order of work: pasal headings first (they bound everything), then the head (type, title, nomor,
opening), the komparisi and premis before Pasal 1, then the closing, signatures and lampiran
after the last pasal. Each part that is not found stays None or empty.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any

from naskah_lint._builder import record_builder
from naskah_lint.lang._memo import shared
from naskah_lint.lang.normalize import find_placeholders, looks_english
from naskah_lint.model import Document, Story
from naskah_lint.outline.body import Heading, _title_line, build_pasal, find_headings
from naskah_lint.outline.clauses import clause_table
from naskah_lint.outline.closing import (
    _DEMIKIAN,
    find_closing,
    find_lampiran_heads,
    read_closing,
    read_lampiran,
    read_signatures,
    textbox_signatures,
)
from naskah_lint.outline.lines import Line, body_lines, is_control_tag
from naskah_lint.outline.model import Outline, Placeholder, Signature
from naskah_lint.outline.parties import read_komparisi, read_premis
from naskah_lint.outline.title import read_head

_AFTER_UNDERSIGNED = re.compile(r"\b(?:di\s*bawah\s+ini|the\s+undersigned)\s*[:,]?", re.IGNORECASE)
_SAMPLE = 20000  # characters of body text the language is judged on
_PART_ORDER = (
    "judul",
    "nomor",
    "pembukaan",
    "komparisi",
    "premis",
    "pasal",
    "penutup",
    "tanda-tangan",
    "lampiran",
)


def _academic_titles(pack_values: Mapping[str, Any]) -> frozenset[str]:
    raw = pack_values.get("academic_titles") or ()
    if isinstance(raw, str) or not isinstance(raw, Iterable):
        return frozenset()
    return frozenset(str(t).upper() for t in raw)


def _language(lines: Sequence[Line]) -> str:
    """ "en" or "id" from the first 20,000 characters of the body text (joined lines)."""
    texts: list[str] = []
    size = 0
    for line in lines:  # stop once the sample is full instead of joining the whole body
        if line.text:
            texts.append(line.text)
            size += len(line.text) + 1
            if size > _SAMPLE:
                break
    sample = " ".join(texts)[:_SAMPLE]
    return "en" if sample and looks_english(sample) else "id"


def _closing_outside(lines: Sequence[Line], last: Heading, closing_i: int) -> bool:
    """True when the closing sentence follows the last pasal instead of being its content."""
    if not _DEMIKIAN.search(lines[closing_i].text):
        return False
    start = _title_line(lines, last.line, closing_i + 1)
    first = (start if start is not None else last.line) + 1
    while first < closing_i and not lines[first].text:
        first += 1
    return first != closing_i


_new_placeholder: Callable[[str, Story, int], Placeholder] = record_builder(Placeholder)


def _placeholders(document: Document) -> tuple[Placeholder, ...]:
    """Blanks left to fill; template control tags ("{{#perjanjian}}", "{{/tandatangan}}") mark
    loops and sections of a mail-merge template, not a value to fill in, so they are left out."""
    scan = shared(find_placeholders)  # the remembered tuple, no list copied per block
    out: list[Placeholder] = []
    for block in document.blocks:
        hits = scan(block.text)
        if hits:  # most blocks have none: no inner loop
            out.extend(
                _new_placeholder(hit.text, block.story, block.index)
                for hit in hits
                if not is_control_tag(hit.text)
            )
    return tuple(out)


def _signature_anchors(document: Document, signatures: Sequence[Signature]) -> list[int]:
    """Body blocks where signature blocks start (for a text box: the block it is anchored in)."""
    anchors = {b.index: b.anchor_block for b in document.blocks if b.story is Story.TEXTBOX}
    out: list[int] = []
    for sig in signatures:
        first = sig.blocks[0] if sig.blocks else None
        if first is None:
            continue
        anchor = first if sig.story is Story.BODY else anchors.get(first)
        if anchor is not None:
            out.append(anchor)
    return out


def _parts(labels: Mapping[int, str]) -> tuple[tuple[int, str], ...]:
    out: list[tuple[int, str]] = []
    current = "dokumen"
    for block in sorted(labels):
        name = labels[block]
        if name != current:
            out.append((block, name))
            current = name
    return tuple(out)


def segment(document: Document, pack_values: Mapping[str, Any]) -> Outline:
    """The outline of an agreement draft; `pack_values` is the rule pack's `data:` mapping."""
    lines = body_lines(document)
    language = _language(lines)
    english = language == "en"
    table = clause_table(pack_values)

    headings, babs = find_headings(lines, 0, english)
    limit = min([h.line for h in headings[:1]] + [b.line for b in babs[:1]] + [len(lines)])
    head = read_head(lines, limit, english)
    headings = [h for h in headings if h.line >= head.end]
    babs = [b for b in babs if b.line >= head.end]
    first_pasal = min([h.line for h in headings[:1]] + [b.line for b in babs[:1]] + [len(lines)])

    first_tail = None
    if head.opening_line is not None:
        m = _AFTER_UNDERSIGNED.search(lines[head.opening_line].raw)
        tail = lines[head.opening_line].raw[m.end() :].strip() if m else ""
        first_tail = tail if re.search(r"[A-Za-z]{3}", tail) else None
    komparisi = read_komparisi(
        lines, head.end, first_pasal, first_tail, _academic_titles(pack_values)
    )
    premis_start = komparisi.last_line + 1 if komparisi.last_line is not None else head.end
    if komparisi.para_pihak_line is not None:
        premis_start = min(premis_start, komparisi.para_pihak_line)
    after_body = headings[-1].line + 1 if headings else premis_start
    closing_i = find_closing(lines, after_body, len(lines))
    premis_end = first_pasal if headings or closing_i is None else closing_i
    premis = read_premis(lines, premis_start, premis_end, komparisi.para_pihak_line)
    closing = read_closing(lines[closing_i]) if closing_i is not None else None
    sig_start = closing_i + 1 if closing_i is not None else after_body
    heads = find_lampiran_heads(lines, sig_start)
    sig_end = heads[0] if heads else len(lines)
    signatures = read_signatures(lines, sig_start, sig_end)
    party_sigs = signatures.parties
    if not party_sigs:
        after_block = lines[sig_start].block if sig_start < len(lines) else 0
        party_sigs = textbox_signatures(document, after_block)

    pasal_end = signatures.first_line if signatures.first_line is not None else sig_end
    if closing_i is not None and headings and _closing_outside(lines, headings[-1], closing_i):
        pasal_end = closing_i
    pasal = build_pasal(lines, headings, babs, pasal_end, table, pack_values)
    lampiran = read_lampiran(lines, heads, sig_start)

    labels: dict[int, str] = {}

    def mark(blocks: Iterable[int | None], part: str) -> None:
        for b in blocks:
            if b is not None:
                labels.setdefault(b, part)

    if head.title is not None:
        mark(head.title.blocks, "judul")
    mark((n.block for n in head.nomor), "nomor")
    mark([head.opening.block if head.opening else None], "pembukaan")
    for party in komparisi.parties:
        mark(party.blocks, "komparisi")
    if premis is not None:
        if premis.para_pihak_block is not None and premis.para_pihak_block != premis.intro_block:
            mark([premis.para_pihak_block], "komparisi")
        mark([premis.intro_block, premis.agreement_block], "premis")
        mark((r.block for r in premis.recitals), "premis")
        mark(premis.dasar_hukum_blocks, "premis")
    if first_pasal < len(lines):
        mark([lines[first_pasal].block], "pasal")
    mark([closing.block if closing else None], "penutup")
    mark([signatures.first_block], "tanda-tangan")
    if signatures.first_block is None:
        mark(_signature_anchors(document, party_sigs), "tanda-tangan")
    mark((lines[i].block for i in heads[:1]), "lampiran")
    if head.title is not None and head.title.blocks:
        # the title ends with its last line: what follows belongs to no part until the next
        # part starts (else a form with no opening would call its whole body "judul")
        mark([max(head.title.blocks) + 1], "dokumen")
    return Outline(
        document_type=head.document_type,
        language=language,
        title=head.title,
        nomor=head.nomor,
        opening=head.opening,
        parties=komparisi.parties,
        premis=premis,
        pasal=pasal,
        closing=closing,
        signatures=party_sigs,
        witnesses=signatures.witnesses,
        lampiran=lampiran,
        placeholders=_placeholders(document),
        parts=_parts(labels),
    )
