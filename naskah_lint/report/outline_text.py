"""`naskah-lint outline FILE` as text: a rich Tree of the recognised parts with block numbers.

On a terminal long lines fold under their guide lines; piped or redirected, every node stays on
one line (grep-friendly, like the text report), so "[blok 96–101]" is never broken.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import IO, TYPE_CHECKING, Any

from naskah_lint.i18n import t
from naskah_lint.outline.model import (
    Closing,
    Lampiran,
    Opening,
    Outline,
    Party,
    Pasal,
    Premis,
    Title,
)
from naskah_lint.report.text import make_console

if TYPE_CHECKING:
    from rich.tree import Tree

# Width for output that is not a terminal: wider than any paragraph, so nothing wraps (rich
# neither pads nor allocates to the width).
UNWRAPPED_WIDTH = 1_000_000_000


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


def _not_found(tree: Tree, label: str, lang: str) -> None:
    """A leaf saying that the part `label` was not found."""
    tree.add(_text(label + ": " + t("outline.not_found", lang)))


def _title_node(tree: Tree, title: Title | None, lang: str) -> None:
    if title is None:
        _not_found(tree, t("outline.title", lang), lang)
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
        _not_found(tree, label, lang)
        return
    node = tree.add(_text(label + _blocks([opening.block], lang)))
    node.add(_text(t("outline.weekday", lang) + ": " + _or_missing(opening.weekday, lang)))
    date = _or_missing(opening.date, lang)
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
        _not_found(tree, label, lang)
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
                + f": {_or_missing(nk.nomor, lang)}, {_or_missing(nk.date, lang)}"
                + _blocks([nk.block], lang)
            )
        )
    if premis.agreement_block is not None:
        node.add(_text(t("outline.agreement", lang) + _blocks([premis.agreement_block], lang)))
    else:
        _not_found(node, t("outline.agreement", lang), lang)


def _pasal_node(tree: Tree, pasal: Sequence[Pasal], lang: str) -> None:
    label = t("outline.pasal", lang, count=len(pasal))
    if not pasal:
        _not_found(tree, label, lang)
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
        _not_found(tree, label, lang)
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
        _not_found(tree, label, lang)
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
        _not_found(tree, label, lang)
        return
    node = tree.add(_text(label))
    for block, annex in zip(lampiran.annex_blocks, lampiran.annex_labels, strict=True):
        node.add(_text(annex + _blocks([block], lang)))
    if lampiran.reference_blocks:
        node.add(_text(t("outline.references", lang) + _blocks(lampiran.reference_blocks, lang)))


def outline_tree(outline: Outline, lang: str = "id") -> Tree:
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
        _not_found(root, nomor_label, lang)
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


def print_outline(outline: Outline, lang: str, file: IO[str] | None = None) -> None:
    """Print the outline tree to `file` (stdout by default) on the text report's console; when
    that is not a terminal, wide enough that no line wraps."""
    console = make_console(file)
    if not console.is_terminal:
        console.width = UNWRAPPED_WIDTH
    console.print(outline_tree(outline, lang))
