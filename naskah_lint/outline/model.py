"""The agreement outline: which blocks are the title, nomor, opening, parties, recitals, pasal,
closing and signatures. Built by `naskah_lint.outline.segment(document, pack_data)`.

Every part that is not found is `None` (or an empty tuple), never a guess. Block numbers are
body-story block indexes (1-based) unless a field says otherwise. More fields may be added;
none are renamed or removed (the JSON outline in the contract is built from these).
"""

from __future__ import annotations

import bisect
import datetime as dt
import itertools
from dataclasses import dataclass, field

from naskah_lint.model import Story


@dataclass(frozen=True, slots=True)
class Title:
    lines: tuple[str, ...]  # the title lines as shown, one per visual line
    blocks: tuple[int, ...]  # body blocks that make up the title block
    kind_text: str | None  # the line that named the type, e.g. "PERJANJIAN KERJA SAMA"
    institutions: tuple[str, ...]  # after ANTARA / DAN / DENGAN (in order)
    perihal: str | None  # after TENTANG
    perihal_blocks: tuple[int, ...] = ()
    has_antara: bool = False
    has_dan: bool = False  # DAN or DENGAN
    has_tentang: bool = False


@dataclass(frozen=True, slots=True)
class Nomor:
    text: str  # the whole line, e.g. "NOMOR: 12/PR.07-PKS/3313/2024"
    value: str | None  # the number part, None if blank
    block: int
    placeholder: bool  # blank, dotted, ${...}, {{...}}, XXXX...


@dataclass(frozen=True, slots=True)
class Opening:
    block: int
    text: str
    weekday: str | None  # as written, e.g. "Rabu"
    day_text: str | None  # "delapan" or "8" as written
    month_text: str | None
    year_text: str | None
    date: dt.date | None  # the date the words (or digits) give, None if incomplete/placeholder
    date_in_words: bool  # day, month and year all spelled out in words
    numeric_text: str | None  # the bracketed "(08-07-2024)", as written
    numeric_date: dt.date | None
    place: str | None  # after "bertempat di"
    placeholder: bool = False


@dataclass(frozen=True, slots=True)
class Party:
    index: int  # 1-based order in the komparisi
    alias: str | None  # "PIHAK KESATU" as written (upper-cased)
    alias_as_written: str | None  # e.g. "Pihak Pertama"
    ordinal: int | None  # 1 for KESATU/PERTAMA, 2 for KEDUA, ...
    series: str | None  # "KESATU" or "PERTAMA" series for ordinal 1
    name: str | None  # with academic titles
    jabatan: str | None
    legal_basis: str | None  # "Keputusan ... Nomor ..." / "Surat Kuasa ..."
    institution: str | None  # "bertindak untuk dan atas nama ..."; else the body in the jabatan
    address: str | None  # "berkedudukan di ..." / "beralamat di ..."
    blocks: tuple[int, ...]
    has_acting: bool = False  # "bertindak untuk dan atas nama"
    has_address: bool = False
    has_alias: bool = False  # "selanjutnya disebut PIHAK ..."
    placeholder: bool = False


@dataclass(frozen=True, slots=True)
class Recital:
    letter: str | None  # "a", "b", ... (from text or numbering label)
    text: str
    block: int
    starts_bahwa: bool
    ending: str  # ";", "; dan", "; atau", ".", ":" or "" (what the item ends with)
    label: str | None = None  # the list label as shown ("a.", "1.", from text or numbering)


@dataclass(frozen=True, slots=True)
class CitedNK:
    text: str
    nomor: str | None
    date: dt.date | None
    block: int


@dataclass(frozen=True, slots=True)
class Premis:
    intro_block: int | None  # "PARA PIHAK terlebih dahulu menerangkan ..."
    recitals: tuple[Recital, ...]
    dasar_hukum_blocks: tuple[int, ...]
    cited_nk: CitedNK | None
    agreement_block: int | None  # "... sepakat ... dengan ketentuan sebagai berikut:"
    para_pihak_block: int | None  # "... secara bersama-sama disebut PARA PIHAK ..."


@dataclass(frozen=True, slots=True)
class Ayat:
    number: int
    label: str  # "(1)" as shown
    block: int


@dataclass(frozen=True, slots=True)
class ListItem:
    kind: str  # "huruf" | "angka"
    label: str  # "a." / "1." as shown
    value: int  # 1 for a./1., 2 for b./2., ...
    level: int  # nesting depth within the pasal (1 = directly under pasal/ayat)
    block: int
    ayat: int | None  # the ayat it belongs to


@dataclass(frozen=True, slots=True)
class XRef:
    """A textual cross-reference such as "sebagaimana dimaksud dalam Pasal 5 ayat (2) huruf b"."""

    text: str
    block: int
    pasal: int | None  # None = the current pasal ("pada ayat (1)")
    ayat: int | None
    huruf: str | None
    pasal_to: int | None = None  # for "Pasal 3 sampai dengan Pasal 5"
    lampiran: bool = False  # refers to a Lampiran rather than a pasal


@dataclass(frozen=True, slots=True)
class Pasal:
    number: int | None  # from the text or from numbering; None if unreadable
    number_text: str  # "Pasal 3" as shown
    title: str | None
    clause: str | None  # canonical clause id or None
    clause_score: float  # 0-100 match score of the title against the pack's synonyms
    clause_matched: str | None  # the synonym that matched
    clause_inferred: bool  # decided from content (no title), not from the heading
    heading_block: int
    title_block: int | None
    first_block: int  # first block of the pasal (the heading)
    last_block: int  # last block (inclusive)
    ayat: tuple[Ayat, ...] = ()
    lists: tuple[ListItem, ...] = ()
    xrefs: tuple[XRef, ...] = ()
    bab: str | None = None
    numbered_by_word: bool = False  # "Pasal N" comes from auto-numbering


@dataclass(frozen=True, slots=True)
class Closing:
    block: int
    text: str
    rangkap_digits: int | None
    rangkap_words: int | None  # the value the words in brackets give
    rangkap_words_text: str | None
    meterai: bool  # mentions (ber)meterai
    kekuatan_hukum: bool  # "kekuatan hukum yang sama"


@dataclass(frozen=True, slots=True)
class Signature:
    label: str | None  # "PIHAK KESATU" (upper-cased)
    ordinal: int | None
    jabatan: str | None
    name: str | None
    nip: str | None
    meterai: bool
    blocks: tuple[int, ...]
    story: Story = Story.BODY
    witness: bool = False


@dataclass(frozen=True, slots=True)
class Lampiran:
    """Annexes present (a heading "LAMPIRAN ..." after the signatures) and references to them."""

    annex_blocks: tuple[int, ...]
    annex_labels: tuple[str, ...]  # "LAMPIRAN I", "LAMPIRAN" ...
    reference_blocks: tuple[int, ...]


@dataclass(frozen=True, slots=True)
class Placeholder:
    text: str  # "${mitra}", "{{nama}}", "……", "XXXX", "(nama)"
    story: Story
    block: int


@dataclass(frozen=True, slots=True)
class Outline:
    document_type: str  # NK|PKS|ADDENDUM|OTHER
    language: str  # "id" | "en"
    title: Title | None
    nomor: tuple[Nomor, ...]
    opening: Opening | None
    parties: tuple[Party, ...]
    premis: Premis | None
    pasal: tuple[Pasal, ...]
    closing: Closing | None
    signatures: tuple[Signature, ...]
    witnesses: tuple[Signature, ...]
    lampiran: Lampiran | None
    placeholders: tuple[Placeholder, ...]
    parts: tuple[tuple[int, str], ...]  # (first body block, part name) boundaries, ascending
    # First blocks of the pasal, built on first use when the pasal are in order and do not
    # overlap (as the segmenter builds them), so that pasal_of bisects instead of scanning all
    # pasal for every finding; () = scan. Not an input, never compared or shown.
    _pasal_starts: tuple[int, ...] | None = field(
        default=None, init=False, repr=False, compare=False, hash=False
    )
    # The first blocks of `parts`, for part_of's bisection (rules ask it for every block).
    _part_firsts: tuple[int, ...] | None = field(
        default=None, init=False, repr=False, compare=False, hash=False
    )

    def part_of(self, block: int) -> str:
        """The contract's part name for a body block: judul, nomor, pembukaan, komparisi, premis,
        pasal, penutup, tanda-tangan, lampiran; "dokumen" before the first part."""
        firsts = self._part_firsts
        if firsts is None:
            firsts = tuple(first for first, _ in self.parts)
            object.__setattr__(self, "_part_firsts", firsts)
        i = bisect.bisect_right(firsts, block) - 1
        return self.parts[i][1] if i >= 0 else "dokumen"

    def pasal_of(self, block: int) -> Pasal | None:
        """The pasal containing a body block, if any."""
        starts = self._pasal_starts
        if starts is None:
            starts = _ordered_starts(self.pasal)
            object.__setattr__(self, "_pasal_starts", starts)
        if starts:
            i = bisect.bisect_right(starts, block) - 1
            if i >= 0 and block <= self.pasal[i].last_block:
                return self.pasal[i]
            return None
        for p in self.pasal:
            if p.first_block <= block <= p.last_block:
                return p
        return None

    def ayat_of(self, block: int) -> Ayat | None:
        """The ayat containing a body block (the last ayat starting at or before it)."""
        p = self.pasal_of(block)
        if p is None:
            return None
        found = None
        for a in p.ayat:
            if a.block <= block:
                found = a
        return found


def _ordered_starts(pasal: tuple[Pasal, ...]) -> tuple[int, ...]:
    """The pasal's first blocks if each ends before the next starts, else ()."""
    for p, q in itertools.pairwise(pasal):
        if not p.first_block <= p.last_block < q.first_block:
            return ()
    return tuple(p.first_block for p in pasal)
