"""Penutup, tanda tangan and lampiran: the end of an agreement."""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Sequence
from typing import NamedTuple

from naskah_lint.lang._lazy import lazy_regex
from naskah_lint.lang.dates import english_words_to_int
from naskah_lint.lang.normalize import find_placeholders
from naskah_lint.lang.ordinals import ordinal_value
from naskah_lint.lang.prefilter import lower_for_search
from naskah_lint.lang.terbilang import words_to_int
from naskah_lint.model import Block, Document, Story
from naskah_lint.outline.lines import Line, clean, has_placeholder, is_control_tag, strip_end
from naskah_lint.outline.model import Closing, Lampiran, Signature

_DEMIKIAN = re.compile(r"^\s*(?:demikian|thus|in\s+witness\s+whereof)\b", re.IGNORECASE)
_DIBUAT = re.compile(r"\b(?:dibuat|ditandatangani|drawn\s+up|executed|made)\b", re.IGNORECASE)
_RANGKAP_DIGITS_WORDS = (
    re.compile(r"\brangkap\s+(?P<d>\d{1,2})\s*\(\s*(?P<w>[^()]{1,40}?)\s*\)", re.IGNORECASE),
    re.compile(r"\b(?P<d>\d{1,2})\s*\(\s*(?P<w>[^()]{1,40}?)\s*\)\s*rangkap\b", re.IGNORECASE),
    re.compile(
        r"\b(?P<d>\d{1,2})\s*\(\s*(?P<w>[^()]{1,40}?)\s*\)\s*(?:\w+\s+)?(?:copies|counterparts)\b",
        re.IGNORECASE,
    ),
)
_METERAI = re.compile(r"m[ae]t[e]?rai|\bstamp(?:ed|s)?\b|\bduty\s+stamp", re.IGNORECASE)
_KEKUATAN = re.compile(
    r"kekuatan\s+hukum\s+yang\s+sama|same\s+legal\s+(?:force|power|effect)", re.IGNORECASE
)
_PARTY_LABEL = re.compile(
    r"^(?:untuk\s+dan\s+atas\s+nama\s+|untuk\s+|u\.?\s*b\.?\s+)?(?P<label>PIHAK\s+(?P<ord>PERTAMA"
    r"|KE\s*[-–]?\s*\d{1,2}|KE[A-Za-z]+(?:\s+(?:BELAS|PULUH))?))$"
    r"|^(?:THE\s+)?(?P<en>(?P<en_ord>FIRST|SECOND|THIRD|FOURTH|FIFTH|SIXTH)\s+PARTY)$",
    re.IGNORECASE,
)
_WITNESS_LABEL = re.compile(
    r"^(?P<label>saksi(?:\s*-\s*saksi|\s+saksi)?|mengetahui|menyaksikan|witness(?:es)?)\b",
    re.IGNORECASE,
)
_NIP = re.compile(r"^\s*(?:NIP|NRP|NIK|NIPPPK|NI\s*PPPK)\.?\s*[:.]?\s*(?P<v>.*)$", re.IGNORECASE)
_SKIP = re.compile(
    r"^\(?\s*(?:ttd\.?|cap(?:\s+dinas)?|tanda\s+tangan|stempel|signature|materai|meterai)\s*\)?$"
    r"|^rp\.?\s*10[.,]?000",
    re.IGNORECASE,
)
_JABATAN_WORDS = re.compile(
    r"\b(?:ketua|wakil|sekretaris|sekjen|sekretaris\s+jenderal|rektor|dekan|direktur|kepala|plt|plh"
    r"|pj|penjabat|wali\s*kota|walikota|bupati|gubernur|menteri|camat|lurah|komisaris|manajer|manager"
    r"|pimpinan|presiden|kapolda|kapolres|kapolri|panglima|komandan|jaksa|hakim|anggota|koordinator"
    r"|direksi|general\s+manager|director|president|head|dean|rector|universitas|university|komisi"
    r"|pemerintah|kementerian|fakultas|sekolah|institut|politeknik|kabupaten|kota|provinsi|dinas"
    r"|badan|lembaga|yayasan|perseroan|kpu|kip|bumdes|desa|jabatan|pt\.?|cv\.?)\b",
    re.IGNORECASE,
)
_TITLES = re.compile(
    r"^(?:prof|dr|drs|dra|ir|h|hj|kh)\.\s|,\s*[A-Z][A-Za-z]{0,4}\.(?:\s?[A-Za-z]{1,5}\.?)*",
)
_DOTS_ONLY = re.compile(r"^[(\[]?\s*[.…_\s]+\s*[)\]]?$")
_LAMPIRAN_HEAD = re.compile(
    r"^\s*(?P<label>LAMPIRAN(?:\s+(?P<num>[IVXLC]{1,6}|\d{1,3})\b)?)", re.IGNORECASE
)
_LAMPIRAN_REF = re.compile(r"\blampiran\b", re.IGNORECASE)


# The patterns below serve less common drafts (a closing without "Demikian", copies without a
# "N (words)" pair, side-by-side signature columns in a paragraph): compiled on first use.
_RANGKAP_WORD = lazy_regex(r"\b(?:rangkap|copies|counterparts|originals)\b", re.IGNORECASE)
_RANGKAP_DIGITS = lazy_regex(
    r"\brangkap\s+(?P<d>\d{1,2})\b|\b(?P<d2>\d{1,2})\s+rangkap\b", re.IGNORECASE
)
_RANGKAP_WORDS = lazy_regex(
    r"\brangkap\s+(?P<w>[a-z]+(?:\s+(?:belas|puluh))?)\b"
    r"|\b(?P<w2>[a-z]+(?:\s+(?:belas|puluh))?)\s+rangkap\b",
    re.IGNORECASE,
)
_COLUMN_SPLIT = lazy_regex(r"\t+| {4,}")


def is_closing(text: str) -> bool:
    """ "Demikian ... dibuat ... rangkap ..." or a sentence that makes the copies."""
    if _DEMIKIAN.search(text) and len(text) > 20:
        return True
    return bool(_DIBUAT.search(text) and _RANGKAP_WORD().search(text))


def find_closing(lines: Sequence[Line], start: int, end: int) -> int | None:
    """Index of the closing sentence in [start, end): the first "Demikian ...", else the last
    sentence that makes the copies."""
    made: int | None = None
    for i in range(max(start, 0), min(end, len(lines))):
        text = lines[i].text
        if not text:
            continue
        if _DEMIKIAN.search(text) and len(text) > 20:
            return i
        if _DIBUAT.search(text) and _RANGKAP_WORD().search(text):
            made = i
    return made


def read_closing(line: Line) -> Closing:
    """Rangkap (digits and words), meterai and equal legal force in the closing sentence."""
    text = line.text
    digits: int | None = None
    words_text: str | None = None
    for pattern in _RANGKAP_DIGITS_WORDS:
        m = pattern.search(text)
        if m:
            digits, words_text = int(m.group("d")), clean(m.group("w"))
            break
    if digits is None:
        m = _RANGKAP_DIGITS().search(text)
        if m:
            digits = int(m.group("d") or m.group("d2"))
    if digits is None and words_text is None:
        for m in _RANGKAP_WORDS().finditer(text):
            candidate = m.group("w") or m.group("w2")
            if words_to_int(candidate) is not None:
                words_text = candidate
                break
    return Closing(
        block=line.block,
        text=text,
        rangkap_digits=digits,
        rangkap_words=words_to_int(words_text) if words_text else None,
        rangkap_words_text=words_text,
        meterai=_METERAI.search(text) is not None,
        kekuatan_hukum=_KEKUATAN.search(text) is not None,
    )


def _label(text: str) -> tuple[str, int | None, bool] | None:
    """(label upper-cased, ordinal, witness) if a cell or column piece is a signature label."""
    t = strip_end(clean(text), " ,.:;")
    if not t or len(t) > 60:
        return None
    m = _PARTY_LABEL.match(t)
    if m:
        if m.group("en"):
            return (
                " ".join(m.group("en").upper().split()),
                english_words_to_int(m.group("en_ord")),
                False,
            )
        ordinal = ordinal_value(m.group("ord"))
        if ordinal is not None:
            return " ".join(m.group("label").upper().split()), ordinal, False
        return None
    w = _WITNESS_LABEL.match(t)
    if w and len(t) <= 40:
        return " ".join(t.upper().split()), None, True
    return None


class _Open:
    """A signature block being collected: its label and the rows under it (a plain mutable
    record, not a dataclass, so that importing the outline builds less)."""

    __slots__ = ("blocks", "label", "ordinal", "rows", "seq", "story", "table_row", "witness")

    def __init__(
        self,
        label: str | None,
        ordinal: int | None,
        witness: bool,
        story: Story,
        blocks: list[int],
        seq: int = 0,  # creation order, to keep left-to-right order within one row
        rows: list[str] | None = None,  # "" marks a gap
        table_row: tuple[int, int] | None = None,  # (table, row) of the label's cell
    ) -> None:
        self.label = label
        self.ordinal = ordinal
        self.witness = witness
        self.story = story
        self.blocks = blocks
        self.seq = seq
        self.rows: list[str] = [] if rows is None else rows
        self.table_row = table_row


def _template_key(text: str) -> str | None:
    for hit in find_placeholders(text):
        if hit.text.startswith(("${", "{{", "{", "«", "[")):
            return hit.text.lower()
    return None


def _is_name_placeholder(text: str) -> bool:
    key = _template_key(text)
    if key is not None and text.strip().lower() == key:
        return "nama" in key or "name" in key
    return bool(_DOTS_ONLY.match(text)) or bool(re.fullmatch(r"\(.*\)", text.strip()))


def _is_placeholder(text: str) -> bool:
    return has_placeholder(text) or bool(_DOTS_ONLY.match(text))


def _row_kind(text: str, prev: str, gap: bool) -> str:
    """ "name" or "jabatan" for a signature row: a title or name field makes a name; a jabatan
    keyword or field, or a line right under a jabatan line, makes a jabatan."""
    key = _template_key(text)
    if _TITLES.search(text) or _is_name_placeholder(text):
        return "name"
    named = key is not None and ("nama" in key or "name" in key)
    if (key is not None and not named) or _JABATAN_WORDS.search(text):
        return "jabatan"
    return "jabatan" if prev == "jabatan" and not gap else "name"


def _signature(sig: _Open) -> Signature | None:
    names: list[str] = []
    jabatan: list[str] = []
    nip: str | None = None
    meterai = False
    prev = ""
    gap = True
    content = False
    for row in sig.rows:
        text = clean(row)
        if not text or is_control_tag(text):
            gap = gap or not text
            continue
        content = True
        nip_m = _NIP.match(text)
        if nip_m:
            nip = strip_end(nip_m.group("v")) or None
            prev, gap = "nip", False
            continue
        if _METERAI.search(text):
            meterai = True
            prev, gap = "skip", False
            continue
        if _SKIP.match(text):
            prev, gap = "skip", False
            continue
        kind = _row_kind(text, prev, gap)
        (names if kind == "name" else jabatan).append(text)
        prev, gap = kind, False
    if not content and sig.label is None:
        return None
    real = [n for n in names if not _is_placeholder(n)]
    chosen = real or names
    name = chosen[-1] if chosen else None
    if name is not None and re.fullmatch(r"\(\s*[^().…]*[A-Za-z][^()]*\)", name):
        name = name.strip()[1:-1].strip()
    return Signature(
        label=sig.label,
        ordinal=sig.ordinal,
        jabatan=" ".join(j.rstrip(" ,;:") for j in jabatan) or None,
        name=name,
        nip=nip,
        meterai=meterai,
        blocks=tuple(sorted(set(sig.blocks))),
        story=sig.story,
        witness=sig.witness,
    )


class Signatures(NamedTuple):
    """Signature blocks and witnesses of the signature area."""

    parties: tuple[Signature, ...]
    witnesses: tuple[Signature, ...]
    first_block: int | None  # first body block of the signature area
    first_line: int | None = None  # index of the line holding the first label


def _pieces(line: Line, columns: int) -> list[tuple[tuple[object, ...], str]]:
    """(column key, text) pieces of a line: a table cell is one column; a paragraph is split at
    runs of tabs (or wide spaces) into side-by-side columns."""
    cell = line.source.cell
    if cell is not None:
        return [(("t", cell.table, cell.col), line.raw)]
    parts = [p for p in _COLUMN_SPLIT().split(line.raw) if p.strip()]
    if len(parts) >= 2:
        return [(("p", k), p) for k, p in enumerate(parts)]
    if not parts:
        return [(("p", 0), "")]
    leading = len(line.raw) - len(line.raw.lstrip("\t "))
    wide = line.raw.startswith("\t\t") or leading >= 10
    column = columns - 1 if columns >= 2 and wide else 0
    return [(("p", column), parts[0])]


def _witness_cells(lines: Sequence[Line], start: int, end: int) -> dict[tuple[int, int, int], str]:
    """(table, row, col) -> witness label for the cells of a witness row: a table row with a
    "Mengetahui"/"Saksi" cell makes its other cells that hold a signer of their own (two or
    more lines: jabatan and name) witnesses too. A single line is a continuation of the block
    above, as in tables with one row per visual line."""
    labels: dict[tuple[int, int], str] = {}
    filled: dict[tuple[int, int, int], int] = {}
    for i in range(max(start, 0), min(end, len(lines))):
        cell = lines[i].source.cell
        if cell is None or not lines[i].text or is_control_tag(lines[i].text):
            continue
        key = (cell.table, cell.row, cell.col)
        filled[key] = filled.get(key, 0) + 1
        lab = _label(lines[i].raw)
        if lab is not None and lab[2]:
            labels.setdefault((cell.table, cell.row), lab[0])
    return {
        key: labels[key[:2]] for key, count in filled.items() if key[:2] in labels and count >= 2
    }


def read_signatures(lines: Sequence[Line], start: int, end: int) -> Signatures:
    """Signature blocks (and witnesses) in body lines [start, end).

    A table row with a witness label ("Mengetahui") is a row of witnesses: its other cells that
    hold a signer belong to witnesses too, not to the party block of the row above."""
    open_by_col: dict[tuple[object, ...], _Open] = {}
    done: list[_Open] = []
    para_columns = 1
    first_block: int | None = None
    first_line: int | None = None
    witness_cells = _witness_cells(lines, start, end)
    for i in range(max(start, 0), min(end, len(lines))):
        line = lines[i]
        cell = line.source.cell
        table_row = (cell.table, cell.row) if cell is not None else None
        witness_label = witness_cells.get((cell.table, cell.row, cell.col)) if cell else None
        pieces = _pieces(line, para_columns)
        labels = [(key, text, _label(text)) for key, text in pieces]
        if line.source.cell is None and any(lab for _, _, lab in labels):
            para_columns = max(para_columns, len(pieces))
        for key, text, lab in labels:
            if lab is not None:
                if key in open_by_col:
                    done.append(open_by_col.pop(key))
                label, ordinal, witness = lab
                sig = _Open(
                    label,
                    ordinal,
                    witness,
                    Story.BODY,
                    [line.block],
                    seq=len(done) + len(open_by_col),
                    table_row=table_row,
                )
                open_by_col[key] = sig
                if first_block is None:
                    first_block, first_line = line.block, i
                continue
            current = open_by_col.get(key)
            if (
                witness_label is not None
                and (current is None or current.table_row != table_row)
                and text.strip()
                and not is_control_tag(text)
            ):
                if current is not None:  # the party block of the row above ends here
                    done.append(open_by_col.pop(key))
                current = _Open(
                    witness_label,
                    None,
                    True,
                    Story.BODY,
                    [],
                    seq=len(done) + len(open_by_col),
                    table_row=table_row,
                )
                open_by_col[key] = current
            if current is not None:
                current.rows.append(text)
                if text.strip() and not is_control_tag(text):
                    current.blocks.append(line.block)
    done.extend(open_by_col.values())
    done.sort(key=lambda s: (min(s.blocks), s.seq))
    parties: list[Signature] = []
    witnesses: list[Signature] = []
    for item in done:
        made = _signature(item)
        if made is not None:
            (witnesses if made.witness else parties).append(made)
    return Signatures(tuple(parties), tuple(witnesses), first_block, first_line)


def textbox_signatures(document: Document, after_block: int) -> tuple[Signature, ...]:
    """Unlabelled signature blocks kept in text boxes (a name and a jabatan), for drafts whose
    signers sit in floating boxes; only boxes anchored at or after `after_block`."""
    groups: list[list[Block]] = []
    current: list[Block] = []
    anchor: int | None = None
    for block in document.blocks:
        if block.story is not Story.TEXTBOX:
            continue
        if block.anchor_block is not None and block.anchor_block < after_block:
            continue
        if block.anchor_block != anchor or not block.text.strip():
            if current:
                groups.append(current)
            current = []
            anchor = block.anchor_block
        if block.text.strip():
            current.append(block)
    if current:
        groups.append(current)
    out: list[Signature] = []
    for group in groups:
        rows = [line for b in group for line in b.text.split("\n")]
        if not any(_JABATAN_WORDS.search(r) for r in rows) or len(rows) > 6:
            continue
        label = _label(rows[0])
        if label is not None:
            rows = rows[1:]
        sig = _signature(
            _Open(
                label=label[0] if label else None,
                ordinal=label[1] if label else None,
                witness=bool(label and label[2]),
                story=Story.TEXTBOX,
                blocks=[b.index for b in group],
                rows=rows,
            )
        )
        if sig is not None and sig.name is not None and sig.jabatan is not None:
            out.append(sig)
    return tuple(out)


def find_lampiran_heads(lines: Sequence[Line], start: int) -> list[int]:
    """Line indexes of annex headings ("LAMPIRAN", "LAMPIRAN I ...") from `start` on."""
    out: list[int] = []
    for i in range(max(start, 0), len(lines)):
        text = lines[i].text
        m = _LAMPIRAN_HEAD.match(text)
        if m is None or len(text) > 160:
            continue
        if re.search(r"\b(?:sebagaimana|tercantum|merupakan|dimaksud)\b", text, re.IGNORECASE):
            continue
        out.append(i)
    return out


def _lampiran_mentions(lines: Sequence[Line]) -> list[int]:
    """The blocks of the lines whose text matches `_LAMPIRAN_REF`, ascending.

    The case-insensitive regex scan of every line was the slowest step of the closing, so the
    word is first looked for in one lower-cased copy of all the lines (exact: see
    `lower_for_search`, which keeps every character's position) and the regex runs only on the
    lines where it occurs."""
    texts = [line.text for line in lines]
    low = lower_for_search("\n".join(texts))
    found: set[int] = set()
    at = low.find("lampiran")
    if at < 0:
        return []
    ends = list(itertools.accumulate(len(text) + 1 for text in texts))  # offset after each "\n"
    while at >= 0:
        i = bisect.bisect_right(ends, at)
        if _LAMPIRAN_REF.search(texts[i]):
            found.add(lines[i].block)
        at = low.find("lampiran", ends[i])
    return sorted(found)


def read_lampiran(lines: Sequence[Line], heads: Sequence[int], body_end: int) -> Lampiran | None:
    """Annex headings and the body lines (before `body_end`) that refer to a lampiran."""
    refs = _lampiran_mentions(lines[: max(body_end, 0)])
    if not heads and not refs:
        return None
    labels = []
    for i in heads:
        m = _LAMPIRAN_HEAD.match(lines[i].text)
        labels.append(" ".join(m.group("label").upper().split()) if m else "LAMPIRAN")
    return Lampiran(
        annex_blocks=tuple(lines[i].block for i in heads),
        annex_labels=tuple(labels),
        reference_blocks=tuple(refs),
    )
