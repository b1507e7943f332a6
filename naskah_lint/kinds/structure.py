"""Rule kinds: the parts of an agreement (document type, judul, nomor, pembuka, komparisi,
premis, pasal headings, penutup, signature blocks), read from the outline.

Policy (accepted titles, keywords, patterns, element labels) comes from the rule's params; the
kinds only know where in the outline each part lives. Patterns are case-insensitive regexes.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from naskah_lint.engine.api import Context, Hit, Kind
from naskah_lint.kinds.consistency import Bilingual, blank_date
from naskah_lint.lang.prefilter import lower_for_search, search_from_literals, start_literals
from naskah_lint.model import Block, Document, Story
from naskah_lint.outline.model import Outline, Party, Recital, Signature

# --------------------------------------------------------------------------- shared helpers
# (also used by naskah_lint.kinds.clauses and naskah_lint.kinds.layout)


def body_map(document: Document) -> dict[int, Block]:
    """Body blocks by their 1-based index."""
    return {b.index: b for b in document.iter_story(Story.BODY)}


def placeholder_blocks(outline: Outline) -> frozenset[int]:
    """Body blocks that hold a leftover placeholder (as the outline found them)."""
    return frozenset(p.block for p in outline.placeholders if p.story is Story.BODY)


def placeholder_severity(ctx: Context) -> str | None:
    """Severity for an unfilled-template finding: a warning in draft mode, the rule's own
    severity (an error) in final mode, as issue 4 §3 sets for placeholders."""
    return "warning" if ctx.mode == "draft" else None


def check_patterns(patterns: Sequence[str], where: str) -> None:
    """Raise ValueError (the loader reports it with the key) if a pattern is not a regex."""
    for pattern in patterns:
        try:
            re.compile(pattern)
        except re.error as exc:
            raise ValueError(f"{where}: invalid regular expression {pattern!r} ({exc})") from None


def matches(
    patterns: Sequence[str], text: str, lowered: Mapping[str, str] | None = None
) -> re.Match[str] | None:
    """The first match of any pattern in `text` (case-insensitive), or None. Each pattern is
    tried only where one of its start literals occurs (`lowered`: the document's lower-cased
    texts, `DocumentFacts.lowered`, when the caller has them)."""
    low = lowered[text] if lowered is not None else None
    for rx, literals in _compiled(tuple(patterns)):
        if literals is None:
            found = rx.search(text)
        else:  # the literals found once per pattern list
            if low is None:
                low = lower_for_search(text)
            found = search_from_literals(rx, text, low, literals)
        if found:
            return found
    return None


@functools.lru_cache(maxsize=1024)
def _compiled(
    patterns: tuple[str, ...],
) -> tuple[tuple[re.Pattern[str], tuple[str, ...] | None], ...]:
    """Each pattern compiled case-insensitively, with its start literals: a rule's pattern list
    is read once, not once per text it is tried on."""
    out = []
    for pattern in patterns:
        rx = re.compile(pattern, re.IGNORECASE)
        out.append((rx, start_literals(rx.pattern, rx.flags)))
    return tuple(out)


def check_severity(value: str, where: str) -> None:
    """Raise ValueError unless `value` is empty (= the rule's severity) or a severity name."""
    if value not in ("", "error", "warning", "info"):
        raise ValueError(f"{where}: expected error, warning, info or empty, got {value!r}")


def check_labels_en(labels: tuple[str, ...], labels_en: tuple[str, ...]) -> None:
    """`element_labels_en`, when given, names the same elements in English."""
    if labels_en and len(labels_en) != len(labels):
        raise ValueError("element_labels_en: give one English label per element label")


def check_elements(
    known: tuple[str, ...],
    elements: tuple[str, ...],
    fill_elements: tuple[str, ...],
    labels: tuple[str, ...],
    labels_en: tuple[str, ...],
) -> None:
    """`elements` and `fill_elements` are among `known`, each element has a label, and
    `labels_en`, when given, names the same elements in English."""
    unknown = [e for e in (*elements, *fill_elements) if e not in known]
    if unknown:
        raise ValueError(f"elements: unknown {unknown[0]!r} (known: {', '.join(known)})")
    if len(labels) != len(elements):
        raise ValueError("element_labels: give one label per element")
    check_labels_en(labels, labels_en)


def missing_value(labels: Sequence[str], labels_en: Sequence[str]) -> Bilingual:
    """The missing elements for a message: "{missing}" in Indonesian, "{missing:en}" in
    English (the Indonesian labels when no English ones are given)."""
    return Bilingual(", ".join(labels), ", ".join(labels_en or labels))


def english_labels(
    labels: tuple[str, ...], labels_en: tuple[str, ...], chosen: Sequence[str]
) -> list[str]:
    """The English labels of the `chosen` Indonesian labels."""
    table = dict(zip(labels, labels_en or labels, strict=True))
    return [table[label] for label in chosen]


def norm(text: str) -> str:
    """Upper case, single spaces, no surrounding punctuation: for comparing title lines."""
    text = re.sub(r"\s+", " ", text.upper()).strip()
    return text.strip(" .,:;")


def has_letters(text: str | None) -> bool:
    """True when the text has at least one letter (dotted blanks and brackets have none)."""
    return bool(text) and any(ch.isalpha() for ch in text or "")


def filled(value: str | None) -> bool:
    """True when a value has letters or digits outside template fields (${…}, {{…}})."""
    rest = re.sub(r"\$\{[^}]*\}|\{\{[^}]*\}\}", "", value or "")
    return any(ch.isalnum() for ch in rest)


def shorten(text: str, limit: int = 80) -> str:
    """One line, at most `limit` characters, for message parameters."""
    line = re.sub(r"\s+", " ", text).strip()
    return line if len(line) <= limit else line[: limit - 1].rstrip() + "…"


def title_end(outline: Outline) -> int:
    """The last body block of the title and nomor lines (0 when there is none)."""
    ends = [0]
    if outline.title is not None:
        ends.extend(outline.title.blocks)
    ends.extend(n.block for n in outline.nomor)
    return max(ends)


def region(ctx: Context, name: str) -> tuple[Block, ...]:
    """Body blocks of a named search region.

    `before-pasal`: after the title/nomor lines and before the first pasal heading;
    `body`: every block after the title/nomor lines; `end`: from the last pasal's heading on.
    """
    outline = ctx.outline
    start = title_end(outline)
    blocks = tuple(b for b in ctx.document.iter_story(Story.BODY) if b.index > start)
    first = outline.pasal[0].heading_block if outline.pasal else None
    if name == "before-pasal":
        return tuple(b for b in blocks if first is None or b.index < first)
    if name == "end":
        last = outline.pasal[-1].first_block if outline.pasal else start
        return tuple(b for b in blocks if b.index >= last)
    return blocks


def block_text(blocks: Mapping[int, Block], first: int, last: int) -> str:
    """The text of body blocks first..last joined with newlines."""
    return "\n".join(blocks[i].text for i in range(first, last + 1) if i in blocks)


# --------------------------------------------------------------------------- document-type


@dataclass(frozen=True, slots=True)
class DocumentTypeParams:
    """`report`: the document types that get the note (default: OTHER only)."""

    report: tuple[str, ...] = ("OTHER",)


def check_document_type(ctx: Context, params: DocumentTypeParams) -> Iterator[Hit]:
    """One whole-document note for a document of a reported type (OTHER: the agreement
    structure and clause rules were skipped), quoting its title or first line."""
    outline = ctx.outline
    if outline.document_type not in params.report:
        return
    title = ""
    if outline.title is not None:
        title = outline.title.kind_text or " ".join(outline.title.lines)
    if not title.strip():
        title = next((b.text for b in ctx.document.iter_story(Story.BODY) if b.text.strip()), "")
    yield Hit(
        block=None,
        message="default" if title.strip() else "no_title",
        params={"type": outline.document_type, "title": shorten(title)},
        key=outline.document_type,
    )


# --------------------------------------------------------------------------- title-form


@dataclass(frozen=True, slots=True)
class TitleFormParams:
    """The guideline's title forms per document type; anything else in the title line is a
    variant to replace. `missing_severity` applies when no title was found at all."""

    nk_form: str = "NOTA KESEPAHAMAN"
    pks_form: str = "PERJANJIAN KERJA SAMA"
    addendum_forms: tuple[str, ...] = ("ADENDUM", "ADDENDUM", "PERUBAHAN")
    missing_severity: str = "error"

    def __post_init__(self) -> None:
        check_severity(self.missing_severity, "missing_severity")


def _title_block_of(ctx: Context, text: str | None) -> int | None:
    """The title block whose text contains `text` (else the first title block)."""
    title = ctx.outline.title
    if title is None or not title.blocks:
        return None
    if text:
        blocks = ctx.facts.body_map
        wanted = norm(text)
        for i in title.blocks:
            if i in blocks and wanted and wanted in norm(blocks[i].text):
                return i
    return title.blocks[0]


def _starts_with_form(found: str, form: str) -> bool:
    return found == form or found.startswith(form + " ")


def check_title_form(ctx: Context, params: TitleFormParams) -> Iterator[Hit]:
    """The title names the guideline form (NOTA KESEPAHAMAN / PERJANJIAN KERJA SAMA)."""
    outline = ctx.outline
    title = outline.title
    expected = params.pks_form if outline.document_type == "PKS" else params.nk_form
    if title is None or not (title.kind_text or "").strip():
        yield Hit(
            block=None,
            message="missing",
            params={"expected": expected, "type": outline.document_type},
            key="missing",
            severity=params.missing_severity or None,
        )
        return
    found = norm(title.kind_text or "")
    if outline.document_type == "ADDENDUM":
        if any(re.search(rf"\b{re.escape(f)}\b", found) for f in params.addendum_forms):
            return
        expected = params.addendum_forms[0] if params.addendum_forms else expected
    elif _starts_with_form(found, params.nk_form) or _starts_with_form(found, params.pks_form):
        return
    yield Hit(
        block=_title_block_of(ctx, title.kind_text),
        params={"found": shorten(title.kind_text or ""), "expected": expected},
        key="variant",
    )


# --------------------------------------------------------------------------- title-parties


@dataclass(frozen=True, slots=True)
class TitlePartiesParams:
    """ANTARA … DAN/DENGAN … with at least `min_parties` institutions, one of them KPU.
    `kpu_keywords` empty: use the pack's `kpu_keywords` table."""

    min_parties: int = 2
    kpu_keywords: tuple[str, ...] = ()
    antara_pattern: str = r"^\s*ANTARA\b"

    def __post_init__(self) -> None:
        check_patterns((self.antara_pattern,), "antara_pattern")


def keywords(ctx: Context, given: tuple[str, ...], table: str) -> tuple[str, ...]:
    """A rule's keyword list, or the pack's shared table of that name."""
    if given:
        return given
    raw = ctx.pack.values.get(table, ())
    return tuple(str(k) for k in raw) if isinstance(raw, list | tuple) else ()


def has_keyword(text: str, words: Iterable[str]) -> bool:
    """True when one of the keywords occurs in `text` as whole words (case-insensitive)."""
    upper = text.upper()
    return any(re.search(rf"(?<!\w){re.escape(w.upper())}(?!\w)", upper) for w in words if w)


def check_title_parties(ctx: Context, params: TitlePartiesParams) -> Iterator[Hit]:
    """The title's ANTARA … DAN … names the parties, one of them a KPU body."""
    title = ctx.outline.title
    if title is None:
        return
    blocks = ctx.facts.body_map
    antara = next(
        (
            i
            for i in title.blocks
            if i in blocks and re.search(params.antara_pattern, blocks[i].text, re.I)
        ),
        _title_block_of(ctx, title.kind_text),
    )
    missing = [
        w for w, ok in (("ANTARA", title.has_antara), ("DAN/DENGAN", title.has_dan)) if not ok
    ]
    if missing:
        yield Hit(
            block=antara, message="default", params={"missing": ", ".join(missing)}, key="antara"
        )
        return
    found = "; ".join(shorten(i, 60) for i in title.institutions)
    if len(title.institutions) < params.min_parties:
        yield Hit(
            block=antara,
            message="few",
            params={"count": len(title.institutions), "found": found, "min": params.min_parties},
            key="few",
        )
        return
    words = keywords(ctx, params.kpu_keywords, "kpu_keywords")
    if not words or any(has_keyword(i, words) for i in title.institutions):
        return
    if any(
        not has_letters(re.sub(r"\$\{[^}]*\}|\{\{[^}]*\}\}", "", i)) for i in title.institutions
    ):
        return  # a party still to be filled in may be the KPU body
    yield Hit(block=antara, message="no_kpu", params={"found": found}, key="kpu")


# --------------------------------------------------------------------------- title-perihal


@dataclass(frozen=True, slots=True)
class TitlePerihalParams:
    """TENTANG followed by a perihal (`min_letters` letters at least)."""

    min_letters: int = 3


def check_title_perihal(ctx: Context, params: TitlePerihalParams) -> Iterator[Hit]:
    """TENTANG is present and followed by a filled-in perihal."""
    title = ctx.outline.title
    if title is None:
        return
    last = title.blocks[-1] if title.blocks else None
    if not title.has_tentang:
        yield Hit(block=last, message="default", key="tentang")
        return
    perihal = (title.perihal or "").strip()
    block = title.perihal_blocks[0] if title.perihal_blocks else last
    letters = sum(ch.isalpha() for ch in perihal)
    if letters >= params.min_letters:
        return
    if perihal:
        yield Hit(
            block=block,
            message="placeholder",
            params={"found": shorten(perihal)},
            key="perihal",
            severity=placeholder_severity(ctx),
        )
    else:
        yield Hit(block=block, message="empty", key="perihal")


# --------------------------------------------------------------------------- nomor-count


@dataclass(frozen=True, slots=True)
class NomorCountParams:
    """One NOMOR line per party (parties from the komparisi, else from the title)."""

    allow_more: bool = False


def party_count(outline: Outline) -> int:
    """Number of parties: komparisi entries, else title institutions."""
    if outline.parties:
        return len(outline.parties)
    return len(outline.title.institutions) if outline.title is not None else 0


def check_nomor_count(ctx: Context, params: NomorCountParams) -> Iterator[Hit]:
    """Count of NOMOR lines = number of parties."""
    outline = ctx.outline
    parties = party_count(outline)
    count = len(outline.nomor)
    if parties == 0 or count == parties or (count > parties and params.allow_more):
        return
    if count == 0:
        last = outline.title.blocks[-1] if outline.title and outline.title.blocks else None
        yield Hit(block=last, message="none", params={"parties": parties}, key="nomor")
        return
    yield Hit(
        block=outline.nomor[-1].block,
        message="default" if count < parties else "many",
        params={"count": count, "parties": parties},
        key="nomor",
    )


# --------------------------------------------------------------------------- opening


@dataclass(frozen=True, slots=True)
class OpeningParams:
    """The pembuka sentence. `check`: `sentence` (Pada hari ini <hari>, tanggal … bulan …
    tahun …), `place` (bertempat di …) or `date-words` (day, month, year spelled out)."""

    check: str = "sentence"
    start_pattern: str = r"^\W*pada\s+hari\s+ini\b"
    element_labels: tuple[str, ...] = ("hari", "tanggal", "bulan", "tahun")
    element_labels_en: tuple[str, ...] = ("weekday", "day", "month", "year")

    def __post_init__(self) -> None:
        if self.check not in ("sentence", "place", "date-words"):
            raise ValueError(f"check: expected sentence, place or date-words, got {self.check!r}")
        check_patterns((self.start_pattern,), "start_pattern")
        if len(self.element_labels) != 4:
            raise ValueError("element_labels: give 4 labels (hari, tanggal, bulan, tahun)")
        check_labels_en(self.element_labels, self.element_labels_en)


def _words_for_date(ctx: Context) -> str:
    """'tanggal delapan bulan Juli tahun dua ribu dua puluh empat' for the opening's date."""
    from naskah_lint.lang.dates import month_name
    from naskah_lint.lang.terbilang import int_to_words

    opening = ctx.outline.opening
    date = opening.date if opening is not None else None
    if date is None:
        return ""
    return (
        f"tanggal {int_to_words(date.day)} bulan {month_name(date.month)} "
        f"tahun {int_to_words(date.year)}"
    )


def check_opening(ctx: Context, params: OpeningParams) -> Iterator[Hit]:
    """The opening sentence, its place, or its date in words (per `check`)."""
    opening = ctx.outline.opening
    if params.check == "sentence":
        if opening is None:
            yield Hit(block=None, message="missing", key="opening")
            return
        parts = (opening.weekday, opening.day_text, opening.month_text, opening.year_text)
        missing = [
            label
            for label, value in zip(params.element_labels, parts, strict=True)
            if not filled(value)
        ]
        start_ok = re.search(params.start_pattern, opening.text, re.IGNORECASE) is not None
        if not missing and start_ok:
            return
        placeholder = opening.placeholder or opening.block in placeholder_blocks(ctx.outline)
        if missing and placeholder and start_ok and blank_date(opening):
            return  # the sentence is there, its date is a blank: CONS-EMPTY-DATE reports that
        missing_en = english_labels(params.element_labels, params.element_labels_en, missing)
        if missing and placeholder:
            yield Hit(
                block=opening.block,
                message="placeholder",
                params={"missing": missing_value(missing, missing_en)},
                key="opening",
                severity=placeholder_severity(ctx),
            )
            return
        if missing:
            yield Hit(
                block=opening.block,
                message="default",
                params={
                    "missing": missing_value(missing, missing_en),
                    "found": shorten(opening.text, 60),
                },
                key="opening",
            )
        if not start_ok:
            yield Hit(
                block=opening.block,
                message="start",
                params={"found": shorten(opening.text, 40)},
                key="start",
            )
        return
    if opening is None:
        return
    if params.check == "place":
        if has_letters(opening.place):
            return
        if opening.place:
            yield Hit(
                block=opening.block,
                message="placeholder",
                params={"found": shorten(opening.place, 40)},
                key="place",
                severity=placeholder_severity(ctx),
            )
        else:
            yield Hit(block=opening.block, key="place")
        return
    # date-words
    named = zip(
        params.element_labels[1:],
        (opening.day_text, opening.month_text, opening.year_text),
        strict=True,
    )
    digits = [f"{label} '{value}'" for label, value in named if value and re.search(r"\d", value)]
    if not digits:
        return
    words = _words_for_date(ctx)
    yield Hit(
        block=opening.block,
        message="default" if words else "no_date",
        params={"found": ", ".join(digits), "words": words},
        key="date-words",
    )


# --------------------------------------------------------------------------- komparisi


_PARTY_ELEMENTS = ("name", "jabatan", "acting", "address", "alias")


@dataclass(frozen=True, slots=True)
class KomparisiParams:
    """Each party entry has the `elements` (any of name, jabatan, acting, address, alias),
    named in messages by the parallel `element_labels`. A placeholder entry missing only
    `fill_elements` is an unfilled template (a warning in draft mode)."""

    elements: tuple[str, ...] = _PARTY_ELEMENTS
    element_labels: tuple[str, ...] = (
        "nama",
        "jabatan",
        "'bertindak untuk dan atas nama …'",
        "'berkedudukan di …'",
        "'selanjutnya disebut PIHAK …'",
    )
    fill_elements: tuple[str, ...] = ("name", "jabatan")
    element_labels_en: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        check_elements(
            _PARTY_ELEMENTS,
            self.elements,
            self.fill_elements,
            self.element_labels,
            self.element_labels_en,
        )


def _missing(
    missing: Sequence[tuple[str, str]], labels: tuple[str, ...], labels_en: tuple[str, ...]
) -> Bilingual:
    """The (element, label) pairs missing, as a bilingual message value."""
    chosen = [label for _, label in missing]
    return missing_value(chosen, english_labels(labels, labels_en, chosen))


def _party_has(party: Party, element: str) -> bool:
    if element == "name":
        return has_letters(party.name)
    if element == "jabatan":
        return has_letters(party.jabatan)
    if element == "acting":
        return party.has_acting
    if element == "address":
        return party.has_address
    return party.has_alias


def party_label(party: Party) -> str:
    """'PIHAK KEDUA' or 'pihak ke-2' for messages."""
    return party.alias or f"#{party.index}"


def check_komparisi(ctx: Context, params: KomparisiParams) -> Iterator[Hit]:
    """Every komparisi entry names the party fully."""
    outline = ctx.outline
    if not outline.parties:
        yield Hit(block=None, message="none", key="komparisi")
        return
    holes = placeholder_blocks(outline)
    for party in outline.parties:
        missing = [
            (element, label)
            for element, label in zip(params.elements, params.element_labels, strict=True)
            if not _party_has(party, element)
        ]
        if not missing:
            continue
        block = party.blocks[0] if party.blocks else None
        unfilled = party.placeholder or any(b in holes for b in party.blocks)
        template = unfilled and all(e in params.fill_elements for e, _ in missing)
        yield Hit(
            block=block,
            message="placeholder" if template else "default",
            params={
                "party": party_label(party),
                "index": party.index,
                "missing": _missing(missing, params.element_labels, params.element_labels_en),
            },
            key=f"party-{party.index}",
            severity=placeholder_severity(ctx) if template else None,
        )


# --------------------------------------------------------------------------- part-present

_PARTS = ("para-pihak", "agreement", "cited-nk", "closing")
_REGIONS = ("before-pasal", "body", "end")


@dataclass(frozen=True, slots=True)
class PartPresentParams:
    """A part of the agreement is present.

    `part`: para-pihak (PARA PIHAK definition), agreement (the "… sepakat … sebagai berikut:"
    sentence), cited-nk (a PKS citing its NK), closing (the penutup sentence). When the
    outline did not find it, a block in `search` (before-pasal | body | end) matching one of
    `patterns` counts. The part's text must then match every `elements` regex (named by
    `element_labels`), else an `incomplete` finding with `incomplete_severity`.
    `before_first_pasal`: the part must come before Pasal 1 (else a `misplaced` finding)."""

    part: str = "closing"
    patterns: tuple[str, ...] = ()
    search: str = "before-pasal"
    elements: tuple[str, ...] = ()
    element_labels: tuple[str, ...] = ()
    incomplete_severity: str = ""
    before_first_pasal: bool = False

    def __post_init__(self) -> None:
        if self.part not in _PARTS:
            raise ValueError(f"part: expected one of {', '.join(_PARTS)}, got {self.part!r}")
        if self.search not in _REGIONS:
            raise ValueError(f"search: expected one of {', '.join(_REGIONS)}, got {self.search!r}")
        check_patterns(self.patterns, "patterns")
        check_patterns(self.elements, "elements")
        if len(self.element_labels) != len(self.elements):
            raise ValueError("element_labels: give one label per element")
        check_severity(self.incomplete_severity, "incomplete_severity")


def _outline_part(outline: Outline, part: str) -> tuple[int, str] | None:
    """(block, text) of the part as the outline found it, or None."""
    premis = outline.premis
    if part == "closing":
        return (outline.closing.block, outline.closing.text) if outline.closing else None
    if premis is None:
        return None
    if part == "cited-nk":
        return (premis.cited_nk.block, premis.cited_nk.text) if premis.cited_nk else None
    block = premis.para_pihak_block if part == "para-pihak" else premis.agreement_block
    return (block, "") if block is not None else None


def check_part_present(ctx: Context, params: PartPresentParams) -> Iterator[Hit]:
    """The part exists (outline or fallback patterns), is complete and in its place."""
    outline = ctx.outline
    blocks = ctx.facts.body_map
    found = _outline_part(outline, params.part)
    if found is not None and not found[1] and found[0] in blocks:
        found = (found[0], blocks[found[0]].text)
    if found is None and params.patterns:
        hit = next(
            (
                b
                for b in region(ctx, params.search)
                if matches(params.patterns, b.text, ctx.facts.lowered)
            ),
            None,
        )
        if hit is not None:
            found = (hit.index, hit.text)
    if found is None:
        yield Hit(block=None, message="default", key=params.part)
        return
    block, text = found
    first_pasal = outline.pasal[0].heading_block if outline.pasal else None
    if params.before_first_pasal and first_pasal is not None and block > first_pasal:
        yield Hit(
            block=block,
            message="misplaced",
            params={"pasal": outline.pasal[0].number_text},
            key=f"{params.part}-misplaced",
        )
    missing = [
        label
        for pattern, label in zip(params.elements, params.element_labels, strict=True)
        if not re.search(pattern, text, re.IGNORECASE)
    ]
    if missing:
        yield Hit(
            block=block,
            message="incomplete",
            params={"missing": ", ".join(missing), "found": shorten(text, 60)},
            key=f"{params.part}-incomplete",
            severity=params.incomplete_severity or None,
        )


# --------------------------------------------------------------------------- recitals


@dataclass(frozen=True, slots=True)
class RecitalsParams:
    """The premis: present; items lettered a., b., …; each starts with "bahwa"; endings:
    `middle_endings` for items before the next-to-last, `penultimate_endings`, `last_endings`."""

    lettered: bool = True
    require_bahwa: bool = True
    middle_endings: tuple[str, ...] = (";",)
    penultimate_endings: tuple[str, ...] = (";", "; dan", "; atau")
    last_endings: tuple[str, ...] = (".", ";")


def _allowed_endings(params: RecitalsParams, i: int, count: int) -> tuple[str, ...]:
    if i == count - 1:
        return params.last_endings
    if i == count - 2:
        return params.penultimate_endings
    return params.middle_endings


_BLANK_END = re.compile(r"(?:\.{3,}|…+|_{3,})\W*$")


def _ends_in_blank(text: str) -> bool:
    """True when an item ends in a dotted or underlined blank (a template field)."""
    return _BLANK_END.search(text.rstrip()) is not None


def _item_name(recital: Recital, expected: str) -> str:
    """How a message names a recital: its label as written ("1", "b"), else its letter, else
    the letter it should have; the template adds the full stop."""
    shown = (recital.label or recital.letter or "").strip().strip("().").strip()
    return shown or expected


def check_recitals(ctx: Context, params: RecitalsParams) -> Iterator[Hit]:
    """The premis items are lettered, start with "bahwa" and end with the right punctuation.

    A check that every item fails (a premis written in another style) gives one `*_all`
    finding on the first item instead of one per item."""
    premis = ctx.outline.premis
    if premis is None or not premis.recitals:
        yield Hit(block=None, message="default", key="premis")
        return
    items = premis.recitals
    count = len(items)
    letters = [chr(ord("a") + i) if i < 26 else "" for i in range(count)]
    bad_letter = [
        params.lettered and bool(exp) and (r.letter or "").lower() != exp
        for r, exp in zip(items, letters, strict=True)
    ]
    bad_bahwa = [params.require_bahwa and not r.starts_bahwa for r in items]
    # an item still ending in a dotted blank ("PIHAK KEDUA adalah ……") has no ending of its own
    # yet: the placeholder rule reports the blank, not its dots as a full stop
    bad_ending = [
        r.ending not in _allowed_endings(params, i, count)
        and not (r.ending in (".", "") and _ends_in_blank(r.text))
        for i, r in enumerate(items)
    ]
    first = items[0]
    if count > 1 and all(bad_letter):
        found = ", ".join(dict.fromkeys(r.label or r.letter or "-" for r in items))
        yield Hit(
            first.block, message="letter_all", params={"found": found, "count": count}, key="letter"
        )
    if count > 1 and all(bad_bahwa):
        yield Hit(first.block, message="bahwa_all", params={"count": count}, key="bahwa")
    for i, recital in enumerate(items):
        expected = letters[i]
        shown = _item_name(recital, expected)
        if bad_letter[i] and not (count > 1 and all(bad_letter)):
            yield Hit(
                block=recital.block,
                message="letter",
                params={
                    "found": recital.label or recital.letter or "-",
                    "expected": f"{expected}.",
                },
                key="letter",
            )
        if bad_bahwa[i] and not (count > 1 and all(bad_bahwa)):
            yield Hit(
                block=recital.block,
                message="bahwa",
                params={"found": shorten(recital.text, 30), "letter": shown},
                key="bahwa",
            )
        if bad_ending[i]:
            allowed = _allowed_endings(params, i, count)
            yield Hit(
                block=recital.block,
                message="ending",
                params={
                    "found": recital.ending or "-",
                    "expected": " / ".join(f"'{e}'" for e in allowed),
                    "letter": shown,
                },
                key="ending",
            )


# --------------------------------------------------------------------------- pasal-headings


@dataclass(frozen=True, slots=True)
class PasalHeadingsParams:
    """Every "Pasal N" has a title line (in capitals, centred, as the flags say); a document
    with no pasal at all gets one `no_pasal` finding when `report_no_pasal`."""

    caps: bool = True
    centered: bool = True
    report_no_pasal: bool = True
    no_pasal_severity: str = "error"

    def __post_init__(self) -> None:
        check_severity(self.no_pasal_severity, "no_pasal_severity")


def displayed_text(block: Block) -> str:
    """The text as Word shows it: runs formatted with caps/small caps are upper case."""
    chars = list(block.text)
    for run in block.runs:
        if run.fmt.caps or run.fmt.small_caps:
            end = min(run.start + len(run.text), len(chars))
            for k in range(max(run.start, 0), end):
                chars[k] = chars[k].upper()
    return "".join(chars)


def lowercase_words(text: str, placeholders: Iterable[str] = ()) -> list[str]:
    """Words of `text` that contain lower-case letters, ignoring the given placeholders and
    template fields (${…}, {{…}})."""
    for ph in placeholders:
        if ph:
            text = text.replace(ph, " ")
    text = re.sub(r"\$\{[^}]*\}|\{\{[^}]*\}\}", " ", text)
    words = (w.strip("()[]\"'“”‘’,;:") for w in re.findall(r"\S+", text))
    return [w for w in words if any(ch.islower() for ch in w)]


def check_pasal_headings(ctx: Context, params: PasalHeadingsParams) -> Iterator[Hit]:
    """Pasal headings are followed by a title line, in capitals and centred."""
    outline = ctx.outline
    if not outline.pasal:
        if params.report_no_pasal:
            yield Hit(
                block=None,
                message="no_pasal",
                key="no-pasal",
                severity=params.no_pasal_severity or None,
            )
        return
    blocks = ctx.facts.body_map
    titled = [
        p
        for p in outline.pasal
        if has_letters(p.title) and p.title_block is not None and p.title_block in blocks
    ]
    titled_ids = {id(p) for p in titled}
    off_centre = [p for p in titled if blocks[p.title_block or 0].para.alignment != "center"]
    collapse = params.centered and len(titled) > 1 and len(off_centre) == len(titled)
    if collapse:
        first = off_centre[0]
        yield Hit(
            block=first.title_block,
            message="center_all",
            params={
                "count": len(off_centre),
                "pasal": first.number_text or "Pasal",
                "title": shorten(first.title or "", 60),
            },
            key="center-all",
        )
    lowers: dict[tuple[str, tuple[str, ...]], bool] = {}
    for pasal in outline.pasal:
        label = pasal.number_text or "Pasal"
        if id(pasal) not in titled_ids:  # identity: `in titled` compared whole pasal trees
            yield Hit(
                block=pasal.heading_block,
                message="default",
                params={"pasal": label},
                key=f"title-{label}",
            )
            continue
        title_block = blocks[pasal.title_block or 0]
        if params.caps:
            holes = ctx.facts.placeholders_in(title_block.index)
            shown = (
                displayed_text(title_block)
                if pasal.title_block != pasal.heading_block
                else pasal.title or ""
            )
            if (shown, holes) not in lowers:  # the same few titles in every pasal
                lowers[(shown, holes)] = bool(lowercase_words(shown, holes))
            if lowers[(shown, holes)]:
                yield Hit(
                    block=title_block.index,
                    message="caps",
                    params={
                        "pasal": label,
                        "found": shorten(pasal.title or "", 60),
                        "expected": shorten((pasal.title or "").upper(), 60),
                    },
                    key=f"caps-{label}",
                )
        if params.centered and not collapse and pasal in off_centre:
            yield Hit(
                block=title_block.index,
                message="center",
                params={"pasal": label, "title": shorten(pasal.title or "", 60)},
                key=f"center-{label}",
            )


# --------------------------------------------------------------------------- signature-blocks

_SIG_ELEMENTS = ("label", "jabatan", "name")


@dataclass(frozen=True, slots=True)
class SignatureBlocksParams:
    """One signature block per party, each with the `elements` (label, jabatan, name) named by
    `element_labels`. A block with a placeholder missing only `fill_elements` is unfilled."""

    elements: tuple[str, ...] = _SIG_ELEMENTS
    element_labels: tuple[str, ...] = ("label PIHAK …", "jabatan", "nama lengkap")
    fill_elements: tuple[str, ...] = ("name", "jabatan")
    element_labels_en: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        check_elements(
            _SIG_ELEMENTS,
            self.elements,
            self.fill_elements,
            self.element_labels,
            self.element_labels_en,
        )


def _signature_has(sig: Signature, element: str) -> bool:
    if element == "label":
        return has_letters(sig.label)
    if element == "jabatan":
        return has_letters(sig.jabatan)
    return has_letters(sig.name)


def _signature_for(
    party: Party, position: int, signatures: Sequence[Signature]
) -> Signature | None:
    """The signature block of a party: same ordinal, else same label, else same position
    when no block carries an ordinal."""
    if party.ordinal is not None:
        for sig in signatures:
            if sig.ordinal == party.ordinal:
                return sig
    if party.alias:
        for sig in signatures:
            if sig.label and norm(sig.label) == norm(party.alias):
                return sig
    if all(s.ordinal is None for s in signatures) and position < len(signatures):
        return signatures[position]
    return None


def check_signature_blocks(ctx: Context, params: SignatureBlocksParams) -> Iterator[Hit]:
    """Every party signs in its own complete block."""
    outline = ctx.outline
    signatures = tuple(s for s in outline.signatures if not s.witness)
    parties = outline.parties
    if not signatures:
        if parties or party_count(outline):
            yield Hit(
                block=None, message="none", params={"parties": party_count(outline)}, key="none"
            )
        return
    holes = placeholder_blocks(outline)
    anchor = (
        max(b for s in signatures for b in s.blocks) if any(s.blocks for s in signatures) else None
    )
    for position, party in enumerate(parties):
        if _signature_for(party, position, signatures) is None:
            yield Hit(
                block=anchor,
                message="missing_party",
                params={
                    "party": party_label(party),
                    "institution": shorten(party.institution or "", 60),
                },
                key=f"missing-{party_label(party)}",
            )
    for number, sig in enumerate(signatures, start=1):
        missing = [
            (element, label)
            for element, label in zip(params.elements, params.element_labels, strict=True)
            if not _signature_has(sig, element)
        ]
        if not missing:
            continue
        unfilled = any(b in holes for b in sig.blocks)
        template = unfilled and all(e in params.fill_elements for e, _ in missing)
        who = sig.label or f"#{number}"
        yield Hit(
            block=sig.blocks[0] if sig.blocks else None,
            story=sig.story,
            message="placeholder" if template else "default",
            params={
                "party": who,
                "missing": _missing(missing, params.element_labels, params.element_labels_en),
            },
            key=f"sig-{who}",
            severity=placeholder_severity(ctx) if template else None,
        )


def _kinds() -> tuple[Kind[Any], ...]:
    return (
        Kind(
            "document-type",
            DocumentTypeParams,
            check_document_type,
            "A note for documents of the listed types (OTHER: agreement rules skipped). "
            "Variants: default {type, title}, no_title.",
        ),
        Kind(
            "title-form",
            TitleFormParams,
            check_title_form,
            "The title line names the guideline form for the document type. "
            "Variants: default {found, expected}, missing {expected, type}.",
        ),
        Kind(
            "title-antara-dan",
            TitlePartiesParams,
            check_title_parties,
            "The title has ANTARA … DAN/DENGAN … with the parties, one of them KPU. "
            "Variants: default {missing}, few {count, found, min}, no_kpu {found}.",
        ),
        Kind(
            "title-perihal",
            TitlePerihalParams,
            check_title_perihal,
            "TENTANG is followed by a filled-in perihal. "
            "Variants: default, empty, placeholder {found}.",
        ),
        Kind(
            "nomor-count",
            NomorCountParams,
            check_nomor_count,
            "One NOMOR line per party. Variants: default/many {count, parties}, none {parties}.",
        ),
        Kind(
            "opening",
            OpeningParams,
            check_opening,
            "The opening sentence: its elements, its place, or its date in words. Variants: "
            "missing, default {missing, found}, placeholder {missing}, start {found} (sentence); "
            "default, placeholder {found} (place); default/no_date {found, words} (date-words).",
        ),
        Kind(
            "komparisi",
            KomparisiParams,
            check_komparisi,
            "Every komparisi entry names the party fully. "
            "Variants: none, default/placeholder {party, index, missing}.",
        ),
        Kind(
            "part-present",
            PartPresentParams,
            check_part_present,
            "A part (PARA PIHAK definition, agreement sentence, cited NK, penutup) is present. "
            "Variants: default, misplaced {pasal}, incomplete {missing, found}.",
        ),
        Kind(
            "recitals",
            RecitalsParams,
            check_recitals,
            "The premis: lettered items starting with 'bahwa', with the right endings. Variants: "
            "default, letter {found, expected}, letter_all {found, count}, bahwa {found, letter}, "
            "bahwa_all {count}, ending {found, expected, letter}.",
        ),
        Kind(
            "pasal-headings",
            PasalHeadingsParams,
            check_pasal_headings,
            "Every Pasal N has a title line in capitals, centred. Variants: default {pasal}, "
            "caps {pasal, found, expected}, center {pasal, title}, center_all {count, pasal, "
            "title}, no_pasal.",
        ),
        Kind(
            "signature-blocks",
            SignatureBlocksParams,
            check_signature_blocks,
            "One complete signature block per party. Variants: none {parties}, "
            "missing_party {party, institution}, default/placeholder {party, missing}.",
        ),
    )


KINDS: tuple[Kind[Any], ...] = _kinds()
