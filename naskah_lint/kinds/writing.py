"""Rule kinds: writing conventions (KPU nomor pattern, numbers with words, rupiah, spelling,
meterai). The patterns, units, spellings and keyword tables come from the rule params and pack.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from naskah_lint.engine.api import Context, Hit, Kind
from naskah_lint.kinds.consistency import (
    block_text,
    check_regex,
    find_span,
    kpu_nomors,
    looks_placeholder,
    pack_strings,
    party_name,
)
from naskah_lint.lang import money, normalize, prefilter, quantities
from naskah_lint.lang.terbilang import int_to_words, words_to_int
from naskah_lint.model import Story
from naskah_lint.outline.model import Signature

# --------------------------------------------------------------------------- nomor


@dataclass(frozen=True, slots=True)
class NomorPatternParams:
    """`pattern`: the KPU nomor as a full-match regex; `example`: a nomor that matches it."""

    pattern: str = r"^\d+/[A-Z]{2}\.\d{2}(\.\d+)?-[A-Z]+/\d{2,4}/\d{4}$"
    example: str = "12/PR.07-PKS/3313/2024"

    def __post_init__(self) -> None:
        check_regex(self.pattern, "pattern")


def check_nomor_pattern(ctx: Context, params: NomorPatternParams) -> Iterator[Hit]:
    """The KPU party's nomor follows the configured pattern (the partner's is never checked)."""
    pattern = re.compile(params.pattern)
    for nomor, label in kpu_nomors(ctx.outline, pack_strings(ctx, "kpu_keywords")):
        value = (nomor.value or "").strip()
        if nomor.placeholder or looks_placeholder(value) or pattern.fullmatch(value):
            continue
        start, end = find_span(block_text(ctx, nomor.block), value)
        yield Hit(
            block=nomor.block,
            params={"found": value, "party": label.strip(), "example": params.example},
            key=value,
            run_start=start,
            run_end=end,
        )


# --------------------------------------------------------------------------- numbers


@dataclass(frozen=True, slots=True)
class NumberWordsParams:
    """`units`: units a quantity is counted in; `skip_parts`: outline parts not checked
    (tables of figures in a lampiran need no words); `skip_tables`: skip table cells."""

    units: tuple[str, ...] = quantities.DEFAULT_UNITS
    skip_parts: tuple[str, ...] = ("judul", "nomor", "tanda-tangan", "lampiran")
    skip_tables: bool = True


def _unit_inside(words: str, digits: int, units: tuple[str, ...]) -> str | None:
    """The unit when the brackets hold the number and its unit ("satu bulan" for 1), else None."""
    low = " ".join(words.lower().split())
    for unit in sorted(units, key=len, reverse=True):
        if low.endswith(" " + unit) and words_to_int(low[: -len(unit)].strip()) == digits:
            return unit
    return None


def check_number_words(ctx: Context, params: NumberWordsParams) -> Iterator[Hit]:
    """Quantities in digits only ("3 bulan") -> "3 (tiga) bulan"; the unit inside the brackets
    ("1 (satu bulan)") -> "1 (satu) bulan"."""
    facts = ctx.facts
    pairs = facts.scans(quantities.find_number_with_words, needs=quantities.PAIR_NEEDS)
    bare = facts.scans(quantities.find_bare_quantities, tuple(params.units))
    lowered = facts.lowered
    # a bare quantity needs one of the units: a paragraph holding none of the units the
    # document mentions at all is not scanned (ASCII units only: lower_for_search is exact)
    words = {unit.split()[0].lower() for unit in params.units if unit.split()}
    units = tuple(w for w in sorted(words) if facts.mentions(w))
    if not all(w.isascii() for w in words):
        units = ("",)  # "" is in every text: no paragraph is left out
    # each distinct text's bare quantities, () without a unit word (a draft repeats paragraphs)
    quantities_in: dict[str, tuple[quantities.BareQuantity, ...]] = {}
    for b in facts.outside(params.skip_parts):
        if params.skip_tables and b.cell is not None:
            continue
        for q in pairs[b.text]:
            unit = None
            if q.words_value is None and q.words_text:
                unit = _unit_inside(q.words_text, q.digits, params.units)
            if unit is None:
                continue
            found = " ".join(q.text.split())
            yield Hit(
                block=b.index,
                message="unit_inside",
                params={
                    "found": found,
                    "expected": f"{q.digits} ({int_to_words(q.digits)}) {unit}",
                },
                key=f"{q.text}|{q.span[0]}",
                run_start=q.span[0],
                run_end=q.span[1],
            )
        found_bare = quantities_in.get(b.text)
        if found_bare is None:
            has_unit = any(map(lowered[b.text].__contains__, units))
            found_bare = quantities_in[b.text] = bare[b.text] if has_unit else ()
        for text, (s, e), value, _unit in found_bare:
            num = re.search(r"\d[\d.]*", text)
            if num is None:
                continue
            expected = f"{text[: num.end()]} ({int_to_words(value)}){text[num.end() :]}"
            yield Hit(
                block=b.index,
                params={"found": " ".join(text.split()), "expected": " ".join(expected.split())},
                key=f"{text}|{s}",
                run_start=s,
                run_end=e,
            )


# --------------------------------------------------------------------------- rupiah


@dataclass(frozen=True, slots=True)
class RupiahParams:
    """`problems`: the problem codes reported (see `naskah_lint.lang.money.PROBLEM_CODES`), in
    priority order: the first one an amount has selects the message variant of that name.
    `skip_parts`: parts not checked (lampiran tables); `words_in_tables`: require words there;
    `skip_after`: text just before an amount that makes it a stamp ("Meterai Rp10.000")."""

    problems: tuple[str, ...] = (
        "dot_after_rp",
        "space_after_rp",
        "dash_suffix",
        "no_decimals",
        "bad_grouping",
        "words_missing",
    )
    skip_parts: tuple[str, ...] = ("lampiran", "tanda-tangan")
    words_in_tables: bool = False
    skip_after: str = r"m[ae]terai\s*(?:tempel\s*)?$"

    def __post_init__(self) -> None:
        check_regex(self.skip_after, "skip_after")


def rupiah_canonical(amount: Decimal) -> str:
    """ "Rp10.000.000,00 (sepuluh juta rupiah)" for an amount."""
    whole = int(amount)
    cents = round((amount - whole) * 100)
    digits = f"Rp{whole:,}".replace(",", ".") + f",{cents:02d}"
    words = int_to_words(whole) + " rupiah"
    if cents:
        words += f" {int_to_words(cents)} sen"
    return f"{digits} ({words})"


def check_rupiah(ctx: Context, params: RupiahParams) -> Iterator[Hit]:
    """Money written as Rp10.000.000,00 (sepuluh juta rupiah): no "Rp. ", no ",-"."""
    stamp = re.compile(params.skip_after, re.IGNORECASE)
    rupiah = ctx.facts.scans(money.find_rupiah, needs=money.RUPIAH_NEEDS)
    for b in ctx.facts.outside(params.skip_parts):
        for r in rupiah[b.text]:
            if stamp.search(b.text[max(0, r.span[0] - 20) : r.span[0]]):
                continue
            codes = [c for c in params.problems if c in r.problems]
            if b.cell is not None and not params.words_in_tables:
                codes = [c for c in codes if c != "words_missing"]
            if not codes:
                continue
            yield Hit(
                block=b.index,
                message=codes[0],
                params={
                    "found": " ".join(r.text.split()),
                    "expected": rupiah_canonical(r.amount) if r.amount is not None else "-",
                },
                key=f"{r.text}|{r.span[0]}",
                run_start=r.span[0],
                run_end=r.span[1],
            )


# --------------------------------------------------------------------------- spelling


@dataclass(frozen=True, slots=True)
class Substitution:
    """`pattern` (regex, case-insensitive) -> `replacement` (re.sub template)."""

    pattern: str
    replacement: str

    def __post_init__(self) -> None:
        check_regex(self.pattern, "pattern")
        try:
            re.compile(self.pattern).sub(self.replacement, "")
        except (re.error, IndexError) as exc:
            raise ValueError(f"replacement: {exc}") from None


@dataclass(frozen=True, slots=True)
class SubstitutionParams:
    substitutions: tuple[Substitution, ...] = ()
    skip_parts: tuple[str, ...] = ("judul",)


_WORD_BEFORE = re.compile(r"([^\W\d_][\w-]*)\W*$")


def _title_case_context(text: str, start: int) -> bool:
    """True when the word before `start` is capitalised and in the same sentence, as in a name
    ("Perjanjian Kerjasama", "Wakil Rektor Perencanaan, Kerjasama")."""
    before = text[:start]
    # what re.search(r"[.:;!?]\s*$", before) tells (str.rstrip strips what \s matches),
    # without a regex tried at every position of the text before
    if before.rstrip().endswith((".", ":", ";", "!", "?")) or not before.strip():
        return False
    m = _WORD_BEFORE.search(before)
    return m is not None and m.group(1)[:1].isupper()


def _same_case(found: str, replacement: str, title: bool = False) -> str:
    """The replacement in the case of what was found (KERJASAMA -> KERJA SAMA; Kerjasama ->
    Kerja sama, or Kerja Sama inside a capitalised name)."""
    letters = [c for c in found if c.isalpha()]
    if letters and all(c.isupper() for c in letters):
        return replacement.upper()
    if found[:1].isupper():
        if title:
            return " ".join(w[:1].upper() + w[1:] for w in replacement.split(" "))
        return replacement[:1].upper() + replacement[1:]
    return replacement


_UNJOINABLE = re.compile(r"\\[1-9]|\(\?P=|\(\?\(|\(\?[aiLmsux-]+[:)]")


def _any_of(patterns: Sequence[str]) -> re.Pattern[str] | None:
    """One case-insensitive regex that matches wherever any of the patterns does (a cheap test
    per paragraph); None when joining could change a pattern's meaning (back-references,
    conditionals, inline flags) or the joined regex does not compile."""
    if not patterns or any(_UNJOINABLE.search(p) for p in patterns):
        return None
    try:
        return re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE)
    except re.error:
        return None


@functools.lru_cache(maxsize=256)
def _spelling_regexes(
    subs: tuple[Substitution, ...],
) -> tuple[tuple[tuple[re.Pattern[str], str], ...], re.Pattern[str] | None]:
    """Each spelling's regex with its replacement, and their joined pre-test (`_any_of`):
    built once per set of spellings a document may hold, not once per document."""
    compiled = tuple((re.compile(s.pattern, re.IGNORECASE), s.replacement) for s in subs)
    return compiled, _any_of([s.pattern for s in subs])


def check_substitution(ctx: Context, params: SubstitutionParams) -> Iterator[Hit]:
    """Non-standard spellings ("kerjasama") -> the standard one ("kerja sama"); one finding per
    spelling per paragraph (a paragraph repeating it gets one, on the first)."""
    facts = ctx.facts
    # a word every spelling contains: a substring test rules most paragraphs out at once, and
    # a spelling whose word is in no body paragraph at all cannot match anywhere
    wanted = []
    for sub in params.substitutions:
        literal = prefilter.required_literal(sub.pattern) or ""
        if not literal or facts.mentions(literal):
            wanted.append((sub, literal))
    if not wanted:
        return
    compiled, any_of = _spelling_regexes(tuple(sub for sub, _ in wanted))
    literals = tuple(literal for _, literal in wanted)
    pretest = all(literals)  # every spelling has a word: a text without them has none
    lowered = facts.lowered
    spelt: dict[str, list[tuple[str, str, int, int]]] = {}  # a repeated text: judged once
    for b in facts.outside(params.skip_parts):
        found = spelt.get(b.text)
        if found is None:
            low = lowered[b.text]
            if pretest and not prefilter.may_match(low, literals):
                found = []
            else:
                found = _misspellings(b.text, low, compiled, any_of)
            spelt[b.text] = found
        for written, expected, start, end in found:
            yield Hit(
                block=b.index,
                params={"found": written, "expected": expected},
                key=f"{written}|{start}",
                run_start=start,
                run_end=end,
            )


def _misspellings(
    text: str,
    low: str,
    compiled: Sequence[tuple[re.Pattern[str], str]],
    any_of: re.Pattern[str] | None,
) -> list[tuple[str, str, int, int]]:
    """(as written, standard spelling, start, end) of each non-standard spelling in a text
    (`low`: as `lower_for_search` gives it), each spelling once. The regexes are tried only
    where a spelling can start: a case-insensitive scan of every character is slow."""
    if any_of is not None and prefilter.search_from_literals(any_of, text, low) is None:
        return []  # one search instead of one per spelling: most paragraphs have none
    found: list[tuple[str, str, int, int]] = []
    seen: set[tuple[str, str]] = set()
    for rx, repl in compiled:
        for m in prefilter.finditer_from_literals(rx, text, low):
            title = _title_case_context(text, m.start())
            # a replacement without a backslash is its own expansion (Match.expand parses the
            # template anew on every call)
            expanded = m.expand(repl) if "\\" in repl else repl
            expected = _same_case(m.group(0), expanded, title)
            if (m.group(0), expected) in seen:
                continue
            seen.add((m.group(0), expected))
            found.append((m.group(0), expected, m.start(), m.end()))
    return found


# --------------------------------------------------------------------------- meterai


@dataclass(frozen=True, slots=True)
class MeteraiParams:
    """`meterai_pattern`: what marks a meterai in a signature block (text or placeholder)."""

    meterai_pattern: str = r"\b(?:ber)?m[ae]terai\b|\bRp\.?\s?10\.000\b"

    def __post_init__(self) -> None:
        check_regex(self.meterai_pattern, "meterai_pattern")


def check_meterai(ctx: Context, params: MeteraiParams) -> Iterator[Hit]:
    """Each non-government party signs its copy on a Meterai Rp10.000, so its OWN signature
    block must show one (a meterai under another party's signature does not count); a party
    that matches neither keyword list gets info."""
    outline = ctx.outline
    sigs = [s for s in outline.signatures if not s.witness and s.blocks]
    if not sigs or not outline.parties:
        return
    rx = re.compile(params.meterai_pattern, re.IGNORECASE)

    def shows_meterai(sig: Signature) -> bool:
        return sig.meterai or any(rx.search(block_text(ctx, b, sig.story)) for b in sig.blocks)

    ordinals = {p.ordinal for p in outline.parties if p.ordinal}
    own: dict[int, Signature] = {}
    for s in sigs:
        if s.ordinal in ordinals and s.ordinal not in own:
            own[s.ordinal] = s
    # blocks tied to no party (unlabelled, e.g. signers in text boxes): any of them may be it
    loose = [s for s in sigs if s.ordinal not in ordinals]
    government = pack_strings(ctx, "government_keywords")
    private = pack_strings(ctx, "private_keywords")
    for party in outline.parties:
        text = party.institution or party.jabatan
        if not text or looks_placeholder(text):
            continue
        kind = normalize.sector(text, government, private)
        if kind == "government":
            continue
        sig = own.get(party.ordinal) if party.ordinal else None
        if sig is not None:
            if shows_meterai(sig):
                continue
            block, story = sig.blocks[0], sig.story
        elif not loose or any(shows_meterai(s) for s in loose):
            continue  # no block of its own: STRUCT-SIGNATURE-BLOCKS reports that
        elif party.blocks:
            block, story = party.blocks[0], Story.BODY
        else:
            continue
        yield Hit(
            block=block,
            story=story,
            message="default" if kind == "private" else "unknown",
            params={"party": party_name(party), "institution": text.strip()},
            key=f"meterai|{party.index}",
            severity=None if kind == "private" else "info",
        )


# --------------------------------------------------------------------------- registry

KINDS: tuple[Kind[Any], ...] = (
    Kind("nomor-pattern", NomorPatternParams, check_nomor_pattern, "KPU nomor pattern."),
    Kind("number-words", NumberWordsParams, check_number_words, "Digits need words."),
    Kind("rupiah-format", RupiahParams, check_rupiah, "Rupiah written the EYD way."),
    Kind("substitution", SubstitutionParams, check_substitution, "Standard spellings."),
    Kind("meterai", MeteraiParams, check_meterai, "Meterai for non-government parties."),
)
