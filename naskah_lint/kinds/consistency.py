"""Rule kinds: internal consistency (dates, numbering, cross-references, parties, amounts, and
leftovers a signed agreement must not carry: placeholders, tracked changes, comments).

Policy (patterns, limits, word lists) comes from the rule's params; the kinds only decide.
Shared helpers for the KPU party and its nomor live here too (used by `writing` and
`authority`).
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date
from decimal import Decimal
from typing import Any, NamedTuple

from naskah_lint.engine.api import Context, Hit, Kind
from naskah_lint.lang import dates, money, normalize, ordinals, quantities
from naskah_lint.lang._lazy import lazy_regex
from naskah_lint.lang.normalize import keyword_in
from naskah_lint.lang.prefilter import (
    find_phrase,
    finditer_from_literals,
    required_literals,
    start_literals,
)
from naskah_lint.lang.terbilang import int_to_words
from naskah_lint.model import Block, Story
from naskah_lint.outline.model import Nomor, Opening, Outline, Party, Pasal, XRef

# --------------------------------------------------------------------------- shared helpers


class Bilingual(str):
    """A message value with an English rendering: a template writes "{date}" for the
    Indonesian text ("8 Juli 2024", "Senin") and "{date:en}" for the English one ("8 July
    2024", "Monday"), so English messages do not show Indonesian month and weekday names."""

    en: str

    def __new__(cls, text: str, en: str) -> Bilingual:
        obj = super().__new__(cls, text)
        obj.en = en
        return obj

    def __getnewargs__(self) -> tuple[str, str]:  # type: ignore[override]  # pickling
        return (str(self), self.en)

    def __format__(self, spec: str) -> str:
        if spec == "en":
            return self.en
        return super().__format__(spec)


def date_value(d: date) -> Bilingual:
    """A date for a message: "8 Juli 2024", or "8 July 2024" through "{field:en}"."""
    return Bilingual(dates.format_date(d), dates.format_date_en(d))


def weekday_value(name: str) -> Bilingual:
    """An Indonesian weekday for a message, with its English name through "{field:en}"."""
    return Bilingual(name, dates.weekday_en(name) or name)


def block_text(ctx: Context, index: int | None, story: Story = Story.BODY) -> str:
    """The displayed text of a block, "" when it does not exist."""
    if index is None:
        return ""
    found = ctx.document.block(story, index)
    return found.text if found else ""


def find_span(
    text: str, needle: str | None, start: int = 0, low: str | None = None
) -> tuple[int | None, int | None]:
    """Character span of `needle` in `text` (case-insensitive, whitespace-tolerant); `low` is
    the text as `lower_for_search` gives it, when the caller has it."""
    if not needle or not needle.strip():
        return None, None
    found = find_phrase(text, needle, start, low)  # no regex compiled per needle
    return found if found is not None else (None, None)


def check_regex(value: str, name: str, groups: int = 0) -> None:
    """Raise ValueError (a pack error) unless `value` is a regex with at least `groups` groups."""
    try:
        compiled = re.compile(value)
    except re.error as exc:
        raise ValueError(f"{name}: not a valid regular expression ({exc})") from None
    if compiled.groups < groups:
        raise ValueError(f"{name}: the regular expression needs a (group) for the value")


def looks_placeholder(text: str | None) -> bool:
    """True for blanks, dotted fills, template fields and XXXX."""
    if text is None:
        return True
    return not text.strip() or bool(normalize.find_placeholders(text))


def pack_strings(ctx: Context, key: str) -> tuple[str, ...]:
    """A list of strings from the pack's `data:` table (empty when absent)."""
    raw = ctx.pack.values.get(key, ())
    if isinstance(raw, str):
        return (raw,)
    if isinstance(raw, Iterable):
        return tuple(str(v) for v in raw)
    return ()


def pack_mapping(ctx: Context, key: str) -> Mapping[str, str]:
    """A str -> str table from the pack's `data:` (empty when absent)."""
    raw = ctx.pack.values.get(key, {})
    if isinstance(raw, Mapping):
        return {str(k): str(v) for k, v in raw.items()}
    return {}


def normalize_text(text: str | None, abbreviations: Mapping[str, str] | None = None) -> str:
    """An institution or jabatan in comparison form (case, punctuation, abbreviations)."""
    return normalize.normalize_name(text, (), abbreviations) if text else ""


def normalize_person(
    text: str | None, titles: Sequence[str], abbreviations: Mapping[str, str] | None = None
) -> str:
    """A person's name in comparison form (also without academic titles)."""
    return normalize.normalize_name(text, titles, abbreviations) if text else ""


def first_placeholder(text: str) -> tuple[int | None, int | None]:
    """Span of the first placeholder in text."""
    found = normalize.find_placeholders(text)
    return found[0].span if found else (None, None)


def contains_words(longer: str, shorter: str) -> bool:
    """True if the normalised `shorter` appears word-aligned inside `longer`."""
    if not shorter:
        return False
    return f" {shorter} " in f" {longer} "


def party_labels(outline: Outline) -> tuple[str, ...]:
    """The party names in nomor order: the title's institutions, else the komparisi's."""
    if outline.title and outline.title.institutions:
        return outline.title.institutions
    return tuple(p.institution or p.jabatan or p.name or "" for p in outline.parties)


def kpu_nomors(outline: Outline, keywords: Sequence[str]) -> tuple[tuple[Nomor, str], ...]:
    """(nomor, party label) for the KPU party's nomor line(s).

    Nomor lines follow the order of the parties in the title. When the counts differ (a line is
    missing) only a KPU party listed first is mapped, to the first line: anything else is a guess.
    """
    labels = party_labels(outline)
    found: list[tuple[Nomor, str]] = []
    for i, label in enumerate(labels):
        if keyword_in(label, keywords) is None:
            continue
        if len(outline.nomor) == len(labels) or (i == 0 and outline.nomor):
            found.append((outline.nomor[i], label))
    return tuple(found)


def is_kpu_party(party: Party, keywords: Sequence[str]) -> bool:
    """A komparisi party acting for a KPU body (by institution, else by jabatan)."""
    if party.institution:
        return keyword_in(party.institution, keywords) is not None
    return keyword_in(party.jabatan, keywords) is not None


def party_name(party: Party) -> str:
    """How a message names a party: its alias, else its institution, else its place."""
    return party.alias or party.institution or f"pihak ke-{party.index}"


def pasal_label(p: Pasal) -> str:
    """'Pasal 3' as shown (or as numbered)."""
    if p.number_text.strip():
        return " ".join(p.number_text.split())
    return f"Pasal {p.number}" if p.number is not None else "Pasal"


def _hit_at(
    ctx: Context,
    block: int,
    needle: str | None,
    message: str = "default",
    key: str = "",
    severity: str | None = None,
    **params: Any,
) -> Hit:
    """A body hit anchored on the first occurrence of `needle` in the block."""
    start, end = find_span(block_text(ctx, block), needle)
    return Hit(
        block=block,
        message=message,
        params=params,
        key=key,
        run_start=start,
        run_end=end,
        severity=severity,
    )


def _ranges(numbers: Iterable[int]) -> str:
    """'1–12' for a run, else '1, 2, 4'."""
    nums = sorted(set(numbers))
    if not nums:
        return "-"
    if nums == list(range(nums[0], nums[-1] + 1)) and len(nums) > 2:
        return f"{nums[0]}–{nums[-1]}"
    return ", ".join(str(n) for n in nums)


def _rupiah_text(amount: Decimal) -> str:
    """Rp10.000.000,00 style."""
    whole = int(amount)
    cents = round((amount - whole) * 100)
    return f"Rp{whole:,}".replace(",", ".") + f",{int(cents):02d}"


# --------------------------------------------------------------------------- opening date


@dataclass(frozen=True, slots=True)
class NoParams:
    """The kind takes no parameters."""


def check_weekday_date(ctx: Context, params: NoParams) -> Iterator[Hit]:
    """The opening's weekday must be the weekday of its date."""
    op = ctx.outline.opening
    if op is None or op.date is None or not op.weekday or looks_placeholder(op.weekday):
        return
    expected = dates.weekday_of(op.date)
    found = dates.normalize_weekday(op.weekday)
    if found == expected:
        return
    yield _hit_at(
        ctx,
        op.block,
        op.weekday,
        message="default" if found else "unknown",
        found=op.weekday,
        date=date_value(op.date),
        expected=weekday_value(expected),
    )


def check_opening_numeric(ctx: Context, params: NoParams) -> Iterator[Hit]:
    """The bracketed "(dd-mm-yyyy)" after the opening must equal the date in words."""
    op = ctx.outline.opening
    if op is None or op.date is None or op.numeric_date is None or not op.numeric_text:
        return
    if op.numeric_date == op.date:
        return
    yield _hit_at(
        ctx,
        op.block,
        op.numeric_text,
        found=op.numeric_text.strip(),
        found_date=date_value(op.numeric_date),
        date=date_value(op.date),
        expected=f"({op.date.day:02d}-{op.date.month:02d}-{op.date.year})",
    )


def blank_date(op: Opening) -> bool:
    """The opening's date is left blank (placeholders, missing day/month/year)."""
    if op.date is not None:
        return False
    if op.placeholder:
        return True
    parts = (op.day_text, op.month_text, op.year_text)
    return any(p is not None and looks_placeholder(p) for p in parts)


def empty_date(ctx: Context) -> bool:
    """The opening exists but its date is left blank (what CONS-EMPTY-DATE reports)."""
    op = ctx.outline.opening
    return op is not None and blank_date(op)


def check_empty_date(ctx: Context, params: NoParams) -> Iterator[Hit]:
    """A signing date left blank in the opening."""
    op = ctx.outline.opening
    if op is None or not empty_date(ctx):
        return
    start, end = first_placeholder(block_text(ctx, op.block))
    yield Hit(
        block=op.block,
        params={"found": _date_phrase(op.text)},
        run_start=start,
        run_end=end,
    )


# Where an opening's date ends (compiled on first use: only a finding quotes it).
_DATE_PHRASE_END = lazy_regex(r",?\s*(?:bertempat\b|kami\b|yang\s+bertanda)", re.IGNORECASE)


def _date_phrase(text: str, limit: int = 120) -> str:
    """The opening up to where the date ends ("… tahun ……"), before the place and "kami"."""
    flat = " ".join(text.split())
    m = _DATE_PHRASE_END().search(flat)
    if m and m.start() > 0:
        flat = flat[: m.start()].rstrip(" ,")
    return flat if len(flat) <= limit else flat[: limit - 1].rstrip() + "…"


# --------------------------------------------------------------------------- nomor


@dataclass(frozen=True, slots=True)
class NomorYearParams:
    """`year_pattern`: a regex whose group 1 is the year in a nomor (searched)."""

    year_pattern: str = r"(?<!\d)((?:19|20)\d{2})\s*$"

    def __post_init__(self) -> None:
        check_regex(self.year_pattern, "year_pattern", groups=1)


def check_nomor_year(ctx: Context, params: NomorYearParams) -> Iterator[Hit]:
    """The year in the KPU nomor must be the year of the signing date."""
    op = ctx.outline.opening
    if op is None or op.date is None:
        return
    pattern = re.compile(params.year_pattern)
    for nomor, _label in kpu_nomors(ctx.outline, pack_strings(ctx, "kpu_keywords")):
        if nomor.placeholder or not nomor.value:
            continue
        m = pattern.search(nomor.value.strip())
        if m is None or int(m.group(1)) == op.date.year:
            continue
        yield _hit_at(
            ctx,
            nomor.block,
            nomor.value,
            nomor=nomor.value.strip(),
            found=m.group(1),
            expected=str(op.date.year),
            date=date_value(op.date),
        )


def empty_nomor(nomor: Nomor) -> bool:
    """The NOMOR line is left blank or dotted (what CONS-EMPTY-NOMOR reports)."""
    return nomor.placeholder or looks_placeholder(nomor.value)


def check_empty_nomor(ctx: Context, params: NoParams) -> Iterator[Hit]:
    """A NOMOR line left blank or dotted."""
    for nomor in ctx.outline.nomor:
        if empty_nomor(nomor):
            start, end = first_placeholder(block_text(ctx, nomor.block))
            yield Hit(
                block=nomor.block,
                params={"found": " ".join(nomor.text.split())},
                key=nomor.text,
                run_start=start,
                run_end=end,
            )


# --------------------------------------------------------------------------- NK before PKS


def check_nk_before_pks(ctx: Context, params: NoParams) -> Iterator[Hit]:
    """The NK a PKS cites must be dated on or before the PKS."""
    premis, op = ctx.outline.premis, ctx.outline.opening
    if premis is None or premis.cited_nk is None or op is None or op.date is None:
        return
    nk = premis.cited_nk
    if nk.date is None or nk.date <= op.date:
        return
    text = block_text(ctx, nk.block)
    span: tuple[int | None, int | None] = (None, None)
    for (s, e), found in dates.find_dates(text):
        if found == nk.date:
            span = (s, e)
            break
    yield Hit(
        block=nk.block,
        params={
            "nk_date": date_value(nk.date),
            "date": date_value(op.date),
            "nomor": nk.nomor or "-",
        },
        run_start=span[0],
        run_end=span[1],
    )


# --------------------------------------------------------------------------- numbering


def check_pasal_sequence(ctx: Context, params: NoParams) -> Iterator[Hit]:
    """Pasal numbers start at 1 and go up by one, with no gaps or duplicates."""
    prev: int | None = None
    first_block: dict[int, int] = {}
    for p in ctx.outline.pasal:
        n = p.number
        if n is None:
            prev = prev + 1 if prev is not None else None
            continue
        common: dict[str, Any] = {"found": n, "heading": pasal_label(p)}
        if n in first_block:
            yield _hit_at(
                ctx,
                p.heading_block,
                p.number_text,
                message="duplicate",
                expected=(prev or 0) + 1,
                first_block=first_block[n],
                **common,
            )
        elif prev is None and n != 1:
            yield _hit_at(ctx, p.heading_block, p.number_text, message="start", **common)
        elif prev is not None and n != prev + 1:
            yield _hit_at(
                ctx,
                p.heading_block,
                p.number_text,
                message="gap" if n > prev else "order",
                previous=prev,
                expected=prev + 1,
                **common,
            )
        first_block.setdefault(n, p.heading_block)
        prev = n


@dataclass(frozen=True, slots=True)
class AyatSequenceParams:
    """`single_severity`: severity for a pasal whose only ayat is numbered ("off" = no check)."""

    single_severity: str = "warning"

    def __post_init__(self) -> None:
        if self.single_severity not in ("error", "warning", "info", "off"):
            raise ValueError("single_severity: expected error, warning, info or off")


def check_ayat_sequence(ctx: Context, params: AyatSequenceParams) -> Iterator[Hit]:
    """Ayat (1), (2), … run consecutively inside each pasal; a lone ayat is not numbered."""
    for p in ctx.outline.pasal:
        where = pasal_label(p)
        if len(p.ayat) == 1 and params.single_severity != "off" and p.ayat[0].number == 1:
            a = p.ayat[0]
            yield _hit_at(
                ctx,
                a.block,
                a.label,
                message="single",
                severity=params.single_severity,
                where=where,
                found=a.label,
            )
            continue
        prev: int | None = None
        seen: set[int] = set()
        for a in p.ayat:
            common: dict[str, Any] = {"where": where, "found": a.label}
            if a.number in seen:
                yield _hit_at(
                    ctx,
                    a.block,
                    a.label,
                    message="duplicate",
                    expected=f"({(prev or 0) + 1})",
                    **common,
                )
            elif prev is None and a.number != 1:
                yield _hit_at(ctx, a.block, a.label, message="start", **common)
            elif prev is not None and a.number != prev + 1:
                yield _hit_at(
                    ctx,
                    a.block,
                    a.label,
                    message="gap",
                    previous=f"({prev})",
                    expected=f"({prev + 1})",
                    **common,
                )
            seen.add(a.number)
            prev = a.number


def _list_label(kind: str, value: int) -> str:
    """'c.' for huruf 3, '3.' for angka 3."""
    if kind == "huruf" and 1 <= value <= 26:
        return f"{chr(96 + value)}."
    return f"{value}."


def check_list_sequence(ctx: Context, params: NoParams) -> Iterator[Hit]:
    """Huruf a., b., … and angka 1., 2., … run consecutively at each level.

    A list that restarts at a./1. is a new list (two lists in one ayat are legitimate); a list
    nested under an item restarts under each parent item.
    """
    for p in ctx.outline.pasal:
        state: dict[int, tuple[str, int, str, int]] = {}
        current_ayat: object = object()
        item_blocks = {i.block for i in p.lists} | {a.block for a in p.ayat}
        for item in p.lists:
            if item.ayat != current_ayat:
                state.clear()
                current_ayat = item.ayat
            for level in [lvl for lvl in state if lvl > item.level]:
                del state[level]
            where = pasal_label(p) + (f" ayat ({item.ayat})" if item.ayat is not None else "")
            prev = state.get(item.level)
            if prev is not None and prev[0] != item.kind:
                prev = None
            # a restart at a./1. begins a new list only after some prose (an introduction such
            # as "Kewajiban PIHAK KEDUA:"); right after the previous item's sub-items it is a
            # numbering slip ("a. … 1) 2) a." where "b." was meant)
            restart_ok = prev is None or _prose_between(ctx, prev[3], item.block, item_blocks)
            if prev is None and item.value != 1:
                yield _hit_at(
                    ctx,
                    item.block,
                    item.label,
                    message="start",
                    where=where,
                    found=item.label,
                    expected=_list_label(item.kind, 1),
                )
            elif prev is not None and (
                item.value != prev[1] + 1 and (item.value != 1 or not restart_ok)
            ):
                yield _hit_at(
                    ctx,
                    item.block,
                    item.label,
                    where=where,
                    found=item.label,
                    previous=prev[2],
                    expected=_list_label(item.kind, prev[1] + 1),
                )
            state[item.level] = (item.kind, item.value, item.label, item.block)


def _prose_between(ctx: Context, first: int, last: int, item_blocks: set[int]) -> bool:
    """True when a non-empty paragraph that is no list item or ayat lies between two blocks."""
    return any(b not in item_blocks and block_text(ctx, b).strip() for b in range(first + 1, last))


# --------------------------------------------------------------------------- cross-references


@dataclass(frozen=True, slots=True)
class XRefParams:
    """`external_pattern`: text right after a reference that makes it point into another
    instrument ("Pasal 5 Undang-Undang Nomor 7 Tahun 2017", "Pasal 3 Nota Kesepahaman …")."""

    external_pattern: str = (
        r"^[\s,]*(?:angka\s+\d+\s*)?(?:Undang|UU\b|Peraturan|Keputusan|Instruksi|Surat\s+Edaran"
        r"|Permen|Perpres|Perda|Perkada|PP\b|PKPU|Kitab|KUH|Nota\s+Kesepahaman"
        r"|Perjanjian\s+Kerja\s*sama\s+Nomor)"
    )

    def __post_init__(self) -> None:
        check_regex(self.external_pattern, "external_pattern")


def check_xref(ctx: Context, params: XRefParams) -> Iterator[Hit]:
    """Every Pasal/ayat/huruf a reference names exists in this agreement."""
    numbers = {p.number: p for p in ctx.outline.pasal if p.number is not None}
    if not numbers:
        return
    external = re.compile(params.external_pattern, re.IGNORECASE)
    available = _ranges(numbers)
    # where each reference is and whether it points outside: a draft repeats the same
    # reference in the same paragraph text many times, so each (text, reference) is found once
    spans: dict[tuple[str, str], tuple[int | None, int | None, bool]] = {}
    lowered = ctx.facts.lowered
    ayat_of: dict[int, set[int]] = {}  # each target pasal's ayat numbers, by id
    for p in ctx.outline.pasal:
        for x in p.xrefs:
            if x.lampiran:
                continue
            slips = _xref_slips(x, p, numbers, available, ayat_of)
            if not slips:
                continue  # (most references: found from the outline alone, no text search)
            text = block_text(ctx, x.block)
            where = spans.get((text, x.text))
            if where is None:
                start, end = find_span(text, x.text, low=lowered[text])
                outside = end is not None and external.match(text[end : end + 80]) is not None
                where = spans[(text, x.text)] = (start, end, outside)
            start, end, outside = where
            if outside:
                continue
            for message, params_, key in slips:
                yield Hit(
                    block=x.block,
                    message=message,
                    params=params_,
                    key=key,
                    run_start=start,
                    run_end=end,
                )


def _xref_slips(
    x: XRef,
    p: Pasal,
    numbers: Mapping[int, Pasal],
    available: str,
    ayat_of: dict[int, set[int]],
) -> list[tuple[str, dict[str, Any], str]]:
    """(message variant, params, key) for each part of a reference in pasal `p` that does
    not exist: the pasal, the ayat, the huruf (`ayat_of` keeps each pasal's ayat numbers)."""
    if (
        x.ayat is None
        and not x.huruf
        and (x.pasal is None or x.pasal in numbers)
        and (x.pasal_to is None or x.pasal_to in numbers)
    ):
        return []  # most references: pasal that exist, no ayat or huruf to look up
    slips: list[tuple[str, dict[str, Any], str]] = []
    ref = " ".join(x.text.split())
    for wanted in (x.pasal, x.pasal_to):
        if wanted is not None and wanted not in numbers:
            params = {"ref": ref, "pasal": wanted, "available": available}
            slips.append(("pasal", params, f"{ref}|{wanted}"))
    target = p if x.pasal is None else numbers.get(x.pasal)
    if target is None or (x.pasal_to is not None and x.ayat is None):
        return slips
    if x.ayat is not None:
        ayat = ayat_of.get(id(target))
        if ayat is None:
            ayat = ayat_of[id(target)] = {a.number for a in target.ayat}
        if x.ayat not in ayat:
            params = {
                "ref": ref,
                "ayat": x.ayat,
                "target": pasal_label(target),
                "available": f"({_ranges(ayat)})" if ayat else "-",
            }
            slips.append(("ayat" if ayat else "no_ayat", params, f"{ref}|ayat"))
            return slips
    if x.huruf:
        letter = x.huruf.strip().lower()[:1]
        items = [
            it
            for it in target.lists
            if it.kind == "huruf" and (x.ayat is None or it.ayat == x.ayat)
        ]
        values = {it.value for it in items}
        if letter and (ord(letter) - 96) not in values:
            place = pasal_label(target)
            place += f" ayat ({x.ayat})" if x.ayat is not None else ""
            shown = ", ".join(_list_label("huruf", v)[0] for v in sorted(values))
            params = {"ref": ref, "huruf": letter, "target": place, "available": shown or "-"}
            slips.append(("huruf", params, f"{ref}|huruf"))
    return slips


# --------------------------------------------------------------------------- rangkap


_RANGKAP_RE = re.compile(r"rangkap\s*\d*\s*(?:\([^()]*\))?", re.IGNORECASE)


def check_rangkap(ctx: Context, params: NoParams) -> Iterator[Hit]:
    """The penutup's rangkap: digits equal words, and at least one original per party."""
    c = ctx.outline.closing
    if c is None or (c.rangkap_digits is None and c.rangkap_words is None):
        return
    text = block_text(ctx, c.block)
    m = _RANGKAP_RE.search(text)
    span = (m.start(), m.end()) if m else (None, None)
    found = " ".join(m.group(0).split()) if m else f"rangkap {c.rangkap_digits}"
    parties = len(ctx.outline.parties) or len(ctx.outline.signatures)
    if (
        c.rangkap_digits is not None
        and c.rangkap_words is not None
        and c.rangkap_digits != c.rangkap_words
    ):
        right = parties or c.rangkap_digits
        yield Hit(
            block=c.block,
            message="mismatch",
            params={
                "found": found,
                "digits": c.rangkap_digits,
                "words": c.rangkap_words_text or "",
                "words_value": c.rangkap_words,
                "expected": f"{right} ({int_to_words(right)})",
            },
            run_start=span[0],
            run_end=span[1],
        )
        return
    count = c.rangkap_digits if c.rangkap_digits is not None else c.rangkap_words
    if count is not None and parties and count < parties:
        yield Hit(
            block=c.block,
            message="too_few",
            params={
                "found": found,
                "count": count,
                "parties": parties,
                "expected": f"{parties} ({int_to_words(parties)})",
            },
            run_start=span[0],
            run_end=span[1],
        )
    elif c.rangkap_digits is None and c.rangkap_words is not None:
        # "dalam dua rangkap": the count in words only (digits only is FMT-NUMBER-WORDS's)
        said = re.escape(" ".join((c.rangkap_words_text or "").split())) or r"[a-z]+"
        words = re.search(rf"\b{said}\s+rangkap\b|\brangkap\s+{said}\b", text, re.IGNORECASE)
        yield Hit(
            block=c.block,
            message="words_only",
            params={
                "found": " ".join(words.group(0).split()) if words else found,
                "expected": f"{c.rangkap_words} ({int_to_words(c.rangkap_words)})",
            },
            run_start=words.start() if words else span[0],
            run_end=words.end() if words else span[1],
        )


# --------------------------------------------------------------------------- parties


def _sig_block(ctx: Context, blocks: Sequence[int], needle: str | None, story: Story) -> int:
    """The block of a signature that shows `needle` (else its first block)."""
    for b in blocks:
        if needle and find_span(block_text(ctx, b, story), needle)[0] is not None:
            return b
    return blocks[0]


def check_party_signs(ctx: Context, params: NoParams) -> Iterator[Hit]:
    """Each komparisi party signs, with the same name and jabatan; no extra signature blocks."""
    parties = ctx.outline.parties
    sigs = [s for s in ctx.outline.signatures if not s.witness and s.blocks]
    if not parties or not sigs:
        return
    titles = pack_strings(ctx, "academic_titles")
    abbr = pack_mapping(ctx, "abbreviations")

    def pname(text: str | None) -> str:
        return normalize_person(text, titles, abbr)

    pairs: list[tuple[int, int]] = []
    free_p = list(range(len(parties)))
    free_s = list(range(len(sigs)))
    for pi in list(free_p):  # by alias ordinal
        ordinal = parties[pi].ordinal
        match = next((si for si in free_s if ordinal and sigs[si].ordinal == ordinal), None)
        if match is not None:
            pairs.append((pi, match))
            free_p.remove(pi)
            free_s.remove(match)
    for pi in list(free_p):  # by name
        name = pname(parties[pi].name)
        match = next((si for si in free_s if name and pname(sigs[si].name) == name), None)
        if match is not None:
            pairs.append((pi, match))
            free_p.remove(pi)
            free_s.remove(match)
    unlabelled = [si for si in free_s if sigs[si].ordinal is None]
    while free_p and unlabelled and len(free_p) == len(unlabelled):  # by order, only if it fits
        pi, si = free_p.pop(0), unlabelled.pop(0)
        pairs.append((pi, si))
        free_s.remove(si)

    for pi, si in sorted(pairs):
        party, sig = parties[pi], sigs[si]
        who = party_name(party)
        if (
            party.name
            and sig.name
            and not looks_placeholder(party.name)
            and not looks_placeholder(sig.name)
            and pname(party.name) != pname(sig.name)
        ):
            b = _sig_block(ctx, sig.blocks, sig.name, sig.story)
            start, end = find_span(block_text(ctx, b, sig.story), sig.name)
            yield Hit(
                block=b,
                story=sig.story,
                message="name",
                params={"party": who, "found": sig.name.strip(), "expected": party.name.strip()},
                key=f"name|{who}",
                run_start=start,
                run_end=end,
            )
        if (
            party.jabatan
            and sig.jabatan
            and not looks_placeholder(party.jabatan)
            and not looks_placeholder(sig.jabatan)
        ):
            pj, sj = normalize_text(party.jabatan, abbr), normalize_text(sig.jabatan, abbr)
            if pj and sj and not (contains_words(pj, sj) or contains_words(sj, pj)):
                b = _sig_block(ctx, sig.blocks, sig.jabatan, sig.story)
                start, end = find_span(block_text(ctx, b, sig.story), sig.jabatan)
                name_only = pname(party.jabatan) == pname(party.name)
                story = sig.story
                if name_only:  # the fix belongs in the komparisi: point at its jabatan
                    shown = [
                        k
                        for k in party.blocks
                        if find_span(block_text(ctx, k), party.jabatan)[0] is not None
                    ]
                    if shown:
                        b, story = shown[-1], Story.BODY
                        start, end = find_span(block_text(ctx, b), party.jabatan)
                yield Hit(
                    block=b,
                    story=story,
                    message="jabatan_is_name" if name_only else "jabatan",
                    params={
                        "party": who,
                        "found": sig.jabatan.strip().rstrip(","),
                        "expected": party.jabatan.strip(),
                    },
                    key=f"jabatan|{who}",
                    run_start=start,
                    run_end=end,
                )
    for pi in free_p:
        party = parties[pi]
        if party.blocks:
            yield _hit_at(
                ctx,
                party.blocks[0],
                party.alias_as_written or party.name,
                message="missing",
                key=f"missing|{party_name(party)}",
                party=party_name(party),
                name=(party.name or "-").strip(),
            )
    for si in free_s:
        sig = sigs[si]
        yield Hit(
            block=sig.blocks[0],
            story=sig.story,
            message="extra",
            params={"found": sig.label or (sig.name or "-").strip()},
            key=f"extra|{sig.label or sig.name}",
        )


@dataclass(frozen=True, slots=True)
class TitlePartiesParams:
    """`min_ratio`: rapidfuzz ratio (0-100) at which two names count as the same (typos)."""

    min_ratio: int = 92
    allow_containment: bool = True


def _expand_acronyms(a: str, b: str) -> str:
    """`a` with each acronym that spells the initials of consecutive words of `b` written out
    ("LSP TELEKOMUNIKASI" against "LEMBAGA SERTIFIKASI PROFESI TELEKOMUNIKASI")."""
    words_b = b.split()
    out: list[str] = []
    for token in a.split():
        expanded = token
        n = len(token)
        if 2 <= n <= 6 and token.isalpha() and token not in words_b:
            for i in range(len(words_b) - n + 1):
                run = words_b[i : i + n]
                if "".join(w[0] for w in run) == token:
                    expanded = " ".join(run)
                    break
        out.append(expanded)
    return " ".join(out)


def _same_institution(a: str, b: str, params: TitlePartiesParams) -> bool:
    """Two normalised institution names denote the same body (an acronym of the other's words,
    such as LSP for LEMBAGA SERTIFIKASI PROFESI, counts as the same name)."""
    if not a or not b:
        return False
    if a == b:
        return True
    a, b = _expand_acronyms(a, b), _expand_acronyms(b, a)
    if a == b:
        return True
    if params.allow_containment and (contains_words(a, b) or contains_words(b, a)):
        return True
    from rapidfuzz import fuzz

    return bool(fuzz.ratio(a, b) >= params.min_ratio)


def check_title_parties(ctx: Context, params: TitlePartiesParams) -> Iterator[Hit]:
    """The institutions in ANTARA … DAN … are exactly those of the komparisi."""
    title = ctx.outline.title
    if title is None or not title.institutions:
        return
    abbr = pack_mapping(ctx, "abbreviations")
    named = [i for i in title.institutions if not looks_placeholder(i)]
    komp = [
        p for p in ctx.outline.parties if p.institution and not looks_placeholder(p.institution)
    ]
    if not named or not komp:
        return
    t_norm = [normalize_text(i, abbr) for i in named]
    for p in komp:
        pn = normalize_text(p.institution, abbr)
        if not any(_same_institution(pn, tn, params) for tn in t_norm) and p.blocks:
            yield _hit_at(
                ctx,
                p.blocks[0],
                p.institution,
                message="not_in_title",
                key=f"komparisi|{pn}",
                party=party_name(p),
                found=(p.institution or "").strip(),
                title=", ".join(named),
            )
    k_norm = [normalize_text(p.institution, abbr) for p in komp]
    if len(komp) < len(ctx.outline.parties):
        return  # some komparisi institution unknown: cannot say a title name is missing
    for inst, tn in zip(named, t_norm, strict=True):
        if any(_same_institution(tn, kn, params) for kn in k_norm):
            continue
        block = next(
            (b for b in title.blocks if find_span(block_text(ctx, b), inst)[0] is not None),
            title.blocks[0] if title.blocks else None,
        )
        if block is None:
            continue
        yield _hit_at(
            ctx,
            block,
            inst,
            message="not_in_komparisi",
            key=f"title|{tn}",
            found=inst.strip(),
            komparisi=", ".join((p.institution or "").strip() for p in komp),
        )


@dataclass(frozen=True, slots=True)
class DefinedTermsParams:
    """`check_para_pihak`: also require PARA PIHAK in capitals; `noncaps_severity`: the level of
    the one finding for a draft that defines and uses its party terms in other than capitals
    throughout (consistent in itself, but against the capitals convention)."""

    check_para_pihak: bool = True
    noncaps_severity: str = "warning"

    def __post_init__(self) -> None:
        if self.noncaps_severity not in ("error", "warning", "info"):
            raise ValueError("noncaps_severity: one of error, warning, info")


_PARA_PIHAK = re.compile(r"(?=[Pp])\bpara\s+pihak\b", re.IGNORECASE)


class _PartyTerms(NamedTuple):
    """How a draft defines its party terms: the ordinals defined, the series, the PARA PIHAK
    definition as written, and whether the draft's own convention is capitals."""

    defined: frozenset[int]
    series: str | None
    para_written: str | None  # "PARA PIHAK" / "Para Pihak" in the definition, None if none
    caps: bool  # some definition is in capitals: every other spelling is a slip
    noncaps: bool  # every definition found is in other than capitals


def _party_terms(ctx: Context) -> _PartyTerms:
    outline = ctx.outline
    parties = outline.parties
    written = [p.alias_as_written for p in parties if p.ordinal and p.alias_as_written]
    para_written: str | None = None
    if outline.premis and outline.premis.para_pihak_block:
        m = _PARA_PIHAK.search(block_text(ctx, outline.premis.para_pihak_block))
        para_written = m.group(0) if m else None
    if para_written is not None:
        written.append(para_written)
    caps = any(normalize.is_upper(w) for w in written)
    return _PartyTerms(
        defined=frozenset(p.ordinal for p in parties if p.ordinal),
        series=next((p.series for p in parties if p.ordinal == 1 and p.series), None),
        para_written=para_written,
        caps=caps,
        noncaps=bool(written) and not caps,
    )


def check_defined_terms(ctx: Context, params: DefinedTermsParams) -> Iterator[Hit]:
    """One ordinal series, every PIHAK X used is defined, defined terms in capitals: each slip
    per paragraph; a draft that writes all its terms in title case gets one finding."""
    outline = ctx.outline
    terms = _party_terms(ctx)
    if terms.noncaps:
        yield _noncaps_hit(ctx, terms, params)
    is_upper = functools.cache(normalize.is_upper)  # the same few aliases, thousands of times
    series = terms.series
    skip = set(outline.title.blocks) if outline.title else set()
    aliases = ctx.facts.scans(ordinals.find_party_aliases, needs=ordinals.ALIAS_NEEDS)
    lowered = ctx.facts.lowered
    para = params.check_para_pihak and not terms.noncaps and bool(terms.caps or terms.para_written)
    # a draft writes the same few aliases thousands of times and repeats whole paragraphs:
    # each alias (with the series known then) is judged once, each paragraph text once
    judged: dict[_AliasKey, _Verdict | None] = {}
    texts: dict[tuple[str, str | None], tuple[list[_Slip], str | None]] = {}
    paras: dict[str, tuple[str, int, int] | None] = {}
    for b in ctx.document.body:
        if b.index in skip:
            continue
        found = aliases[b.text]
        if found:
            known = texts.get((b.text, series))
            if known is None:
                known = texts[(b.text, series)] = _alias_slips(
                    found, series, judged, terms, outline, is_upper
                )
            slips, series = known
            for variant, params_, canonical, s, e in slips:
                yield Hit(
                    block=b.index,
                    message=variant,
                    params=dict(params_),
                    key=f"{variant}|{canonical}",
                    run_start=s,
                    run_end=e,
                )
        if para and "para" in lowered[b.text]:
            if b.text not in paras:
                paras[b.text] = _para_slip(b.text, lowered[b.text], terms, is_upper)
            slip = paras[b.text]
            if slip is not None:
                yield Hit(
                    block=b.index,
                    message="caps",
                    params={"found": slip[0], "expected": "PARA PIHAK"},
                    key="caps|PARA PIHAK",
                    run_start=slip[1],
                    run_end=slip[2],
                )


# (alias as written, ordinal, canonical alias, series known when it is reached)
_AliasKey = tuple[str, int, str, str | None]
# (message variant, params) of an alias that is a slip
_Verdict = tuple[str, Mapping[str, str]]
# (message variant, params, canonical alias, start, end) of a slip in a paragraph
_Slip = tuple[str, Mapping[str, str], str, int, int]


def _alias_slips(
    aliases: Sequence[tuple[str, tuple[int, int], int, str]],
    series: str | None,
    judged: dict[_AliasKey, _Verdict | None],
    terms: _PartyTerms,
    outline: Outline,
    is_upper: Callable[[str], bool],
) -> tuple[list[_Slip], str | None]:
    """The slips among a paragraph's party aliases (each variant of each alias once) and the
    series known after it (the first KESATU/PERTAMA sets it when the komparisi did not); a
    paragraph's slips depend only on its text and the series known before it. `judged`
    keeps each alias's verdict."""
    slips: list[_Slip] = []
    seen: set[tuple[str, str]] = set()
    for written, (s, e), ordinal, canonical in aliases:
        if series is None and ordinal == 1:
            series = ordinals.series_of(canonical.split(" ", 1)[1])
        key = (written, ordinal, canonical, series)
        if key in judged:
            verdict = judged[key]
        else:
            verdict = judged[key] = _alias_slip(key, terms, outline, is_upper)
        if verdict is None or (verdict[0], canonical) in seen:
            continue
        seen.add((verdict[0], canonical))
        slips.append((verdict[0], verdict[1], canonical, s, e))
    return slips, series


def _alias_slip(
    key: _AliasKey, terms: _PartyTerms, outline: Outline, is_upper: Callable[[str], bool]
) -> _Verdict | None:
    """What is wrong with one party alias: undefined, of the other series, not in capitals
    (None when nothing is, or when its case makes it no defined term)."""
    written, ordinal, canonical, series = key
    word_series = ordinals.series_of(canonical.split(" ", 1)[1]) if ordinal == 1 else None
    lower = written == written.lower()
    if terms.defined and ordinal not in terms.defined:
        if lower:
            return None  # generic "pihak ketiga": any third party, not a defined term
        return "undefined", {"found": written, "defined": _defined(outline)}
    if word_series is not None and series is not None and word_series != series:
        return "series", {"found": written, "expected": f"PIHAK {series}"}
    if not is_upper(written):
        if terms.noncaps or (lower and not terms.defined):
            return None  # reported once for the document / not known to be a term
        return "caps", {"found": written, "expected": canonical}
    return None


def _defined(outline: Outline) -> str:
    names = [p.alias for p in outline.parties if p.alias]
    return ", ".join(names) if names else "-"


def _noncaps_hit(ctx: Context, terms: _PartyTerms, params: DefinedTermsParams) -> Hit:
    """The one finding for a draft whose party terms are all defined in other than capitals,
    anchored on the first definition."""
    parties = [p for p in ctx.outline.parties if p.ordinal and p.alias_as_written]
    found = [" ".join((p.alias_as_written or "").split()) for p in parties]
    expected = [p.alias or (p.alias_as_written or "").upper() for p in parties]
    if terms.para_written is not None:
        found.append(" ".join(terms.para_written.split()))
        expected.append("PARA PIHAK")
    premis = ctx.outline.premis
    block: int | None = premis.para_pihak_block if premis else None
    needle = terms.para_written
    if parties and parties[0].blocks:
        block, needle = parties[0].blocks[0], parties[0].alias_as_written
    start, end = find_span(block_text(ctx, block), needle)
    return Hit(
        block=block,
        message="noncaps",
        params={
            "found": ", ".join(f"'{w}'" for w in dict.fromkeys(found)),
            "expected": ", ".join(dict.fromkeys(expected)),
        },
        key="noncaps",
        run_start=start,
        run_end=end,
        severity=params.noncaps_severity,
    )


def _para_slip(
    text: str, low: str, terms: _PartyTerms, is_upper: Callable[[str], bool]
) -> tuple[str, int, int] | None:
    """The first PARA PIHAK of a paragraph written in other than capitals (as written, start,
    end): title case is a slip in a draft whose terms are in capitals; lower case only where
    PARA PIHAK is defined (else it is the plain phrase "the parties"). `low`: the text as
    `lower_for_search` gives it (the regex is tried only where "para" starts)."""
    for m in finditer_from_literals(_PARA_PIHAK, text, low):
        written = m.group(0)
        if is_upper(written):
            continue
        if written == written.lower() and terms.para_written is None:
            continue
        return written, m.start(), m.end()
    return None


# --------------------------------------------------------------------------- numbers and money


@dataclass(frozen=True, slots=True)
class TerbilangParams:
    """`skip_rangkap`: leave the penutup's "rangkap N (…)" to CONS-RANGKAP."""

    skip_rangkap: bool = True


def check_terbilang(ctx: Context, params: TerbilangParams) -> Iterator[Hit]:
    """Every "N (words)" pair agrees (money is left to CONS-RUPIAH-TERBILANG)."""
    closing = ctx.outline.closing
    pairs = ctx.facts.scans(quantities.find_number_with_words, needs=quantities.PAIR_NEEDS)
    rupiah = ctx.facts.scans(money.find_rupiah, needs=money.RUPIAH_NEEDS)
    for b in ctx.document.body:
        found = pairs[b.text]
        if not found:
            continue
        money_spans = [r.span for r in rupiah[b.text]]
        for q in found:
            if q.words_value is None or q.words_value == q.digits:
                continue
            s, e = q.span
            if any(ms <= s < me or s <= ms < e for ms, me in money_spans):
                continue
            if (
                params.skip_rangkap
                and closing is not None
                and b.index == closing.block
                and q.unit == "rangkap"
            ):
                continue
            yield Hit(
                block=b.index,
                params={
                    "found": " ".join(q.text.split()),
                    "digits": q.digits,
                    "words": q.words_text,
                    "words_value": q.words_value,
                    "expected": f"{q.digits} ({int_to_words(q.digits)})",
                },
                key=f"{q.text}|{s}",
                run_start=s,
                run_end=e,
            )


def check_rupiah_terbilang(ctx: Context, params: NoParams) -> Iterator[Hit]:
    """The rupiah digits equal the terbilang in brackets."""
    rupiah = ctx.facts.scans(money.find_rupiah, needs=money.RUPIAH_NEEDS)
    for b in ctx.document.body:
        for r in rupiah[b.text]:
            if r.amount is None or r.words_value is None or r.amount == r.words_value:
                continue
            words = int_to_words(int(r.amount)) if r.amount == int(r.amount) else ""
            yield Hit(
                block=b.index,
                params={
                    "found": " ".join(r.text.split()),
                    "amount": _rupiah_text(r.amount),
                    "words": r.words_text or "",
                    "words_amount": _rupiah_text(r.words_value),
                    "expected": f"{_rupiah_text(r.amount)} ({words} rupiah)",
                },
                key=f"{r.text}|{r.span[0]}",
                run_start=r.span[0],
                run_end=r.span[1],
            )


# --------------------------------------------------------------------------- jangka waktu


@dataclass(frozen=True, slots=True)
class JangkaWaktuParams:
    """`clauses`: canonical clause ids whose pasal state the term (all pasal if none found);
    `allowed_offsets_days`: accepted end − (start + duration), in days (−1: the day before the
    anniversary, 0: the anniversary itself); `max_years`: the longest term allowed."""

    clauses: tuple[str, ...] = ("jangka-waktu",)
    allowed_offsets_days: tuple[int, ...] = (-1, 0)
    max_years: int = 5


class _Term(NamedTuple):
    block: int
    duration: quantities.Duration
    start: date | None
    end: date | None
    start_is_signing: bool


def _terms(ctx: Context, params: JangkaWaktuParams) -> list[_Term]:
    """The durations stated in the term pasal, with start and end dates in the same block."""
    pasal = [p for p in ctx.outline.pasal if p.clause in params.clauses] or list(ctx.outline.pasal)
    op = ctx.outline.opening
    signing = op.date if op is not None else None
    texts = {b.index: b.text for b in ctx.document.body}
    found: list[_Term] = []
    for p in pasal:
        for index in range(p.first_block, p.last_block + 1):
            text = texts.get(index, "")
            duration = quantities.find_duration(text)
            if duration is None:
                continue
            start_raw = quantities.find_start_date(text)
            is_signing = start_raw == "signing"
            start = signing if is_signing else start_raw if isinstance(start_raw, date) else None
            found.append(_Term(index, duration, start, quantities.find_end_date(text), is_signing))
    return found


def _duration_text(d: quantities.Duration) -> str:
    return " ".join(d.text.split())


def check_jangka_waktu_dates(ctx: Context, params: JangkaWaktuParams) -> Iterator[Hit]:
    """Start + duration − 1 day = end, when all three are stated."""
    from datetime import timedelta

    for term in _terms(ctx, params):
        if term.start is None or term.end is None:
            continue
        d = term.duration
        try:
            anniversary = dates.add_duration(term.start, d.years, d.months, d.days)
        except ValueError:
            continue
        offset = (term.end - anniversary).days
        if offset in params.allowed_offsets_days:
            continue
        expected = anniversary + timedelta(days=min(params.allowed_offsets_days, default=-1))
        end_text = date_value(term.end)
        start, stop = find_span(block_text(ctx, term.block), end_text)
        yield Hit(
            block=term.block,
            message="signing" if term.start_is_signing else "default",
            params={
                "duration": _duration_text(d),
                "start": date_value(term.start),
                "end": end_text,
                "expected": date_value(expected),
            },
            key=f"{term.block}",
            run_start=start,
            run_end=stop,
        )


def check_jangka_waktu_max(ctx: Context, params: JangkaWaktuParams) -> Iterator[Hit]:
    """The term is no longer than the configured maximum."""
    for term in _terms(ctx, params)[:1]:
        d = term.duration
        months = d.years * 12 + d.months
        limit = params.max_years * 12
        if months < limit or (months == limit and d.days == 0):
            continue
        yield _hit_at(
            ctx,
            term.block,
            d.text,
            found=_duration_text(d),
            max_years=params.max_years,
        )


# --------------------------------------------------------------------------- lampiran


# A cited annex number (compiled on first use: only drafts with annexes and citations).
_LAMPIRAN_NUM = lazy_regex(r"\bLampiran\s+([IVXLC]+|\d+)\b", re.IGNORECASE)


_ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII")


def check_lampiran(ctx: Context, params: NoParams) -> Iterator[Hit]:
    """Lampiran references and annexes match; several annexes are numbered I, II, …."""
    lam = ctx.outline.lampiran
    if lam is None or (not lam.annex_blocks and not lam.reference_blocks):
        return
    if lam.reference_blocks and not lam.annex_blocks:
        b = lam.reference_blocks[0]
        yield _hit_at(ctx, b, "Lampiran", message="no_annex")
        return
    if lam.annex_blocks and not lam.reference_blocks:
        yield _hit_at(ctx, lam.annex_blocks[0], "Lampiran", message="not_referenced")
    labels = [" ".join(label.upper().split()) for label in lam.annex_labels]
    numbers = [label.split(" ", 1)[1] if " " in label else "" for label in labels]
    if len(lam.annex_blocks) > 1:
        for i, (block, num) in enumerate(zip(lam.annex_blocks, numbers, strict=False)):
            expected = _ROMAN[i] if i < len(_ROMAN) else str(i + 1)
            if num != expected:
                yield _hit_at(
                    ctx,
                    block,
                    labels[i] if i < len(labels) else "Lampiran",
                    message="numbering",
                    key=f"numbering|{i}",
                    found=labels[i] if i < len(labels) else "LAMPIRAN",
                    expected=f"LAMPIRAN {expected}",
                )
    present = {n for n in numbers if n}
    annex_count = len(lam.annex_blocks)
    for b in lam.reference_blocks:
        text = block_text(ctx, b)
        for m in _LAMPIRAN_NUM().finditer(text):
            num = m.group(1).upper()
            if num in present or (annex_count == 1 and num in ("I", "1") and not present):
                continue
            yield Hit(
                block=b,
                message="missing_annex",
                params={"found": m.group(0), "present": ", ".join(labels) or "-"},
                key=f"missing|{num}",
                run_start=m.start(),
                run_end=m.end(),
            )


# --------------------------------------------------------------------------- leftovers


@functools.lru_cache(maxsize=8)
def _note_regex(patterns: tuple[str, ...]) -> re.Pattern[str] | None:
    """One case-insensitive regex for the pack's template-note patterns (None when none)."""
    if not patterns:
        return None
    return re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE)


def _template_notes(ctx: Context, params: PlaceholderParams) -> Iterator[Hit]:
    """Template instruction notes, one finding per paragraph (comments are not the text)."""
    rx = _note_regex(params.note_patterns)
    if rx is None:
        return
    needed = required_literals(rx.pattern, rx.flags)
    # every note holds one of `needed`: only those the document holds are looked for per text
    present = None if needed is None else tuple(filter(ctx.facts.mentions, needed))
    if present == ():
        return  # no word that every note holds is anywhere in the document
    lowered = ctx.facts.lowered
    seen: dict[str, list[re.Match[str]]] = {}  # a repeated paragraph text: scanned once
    for b in ctx.document.blocks:
        if b.story is Story.COMMENT:
            continue
        notes = seen.get(b.text)
        if notes is None:
            low = lowered[b.text]
            if present is None or any(map(low.__contains__, present)):
                notes = _notes_in(rx, b.text, low)
            else:
                notes = []  # none of the words every note holds: no note
            seen[b.text] = notes
        if not notes:
            continue
        shown = list(dict.fromkeys(" ".join(m.group(0).split()) for m in notes))
        text = ", ".join(f"'{t}'" for t in shown[: params.max_shown])
        yield Hit(
            block=b.index,
            story=b.story,
            message="note",
            params={"found": text + (", …" if len(shown) > params.max_shown else "")},
            key="note",
            run_start=notes[0].start(),
            run_end=notes[0].end(),
        )


def _notes_in(rx: re.Pattern[str], text: str, low: str) -> list[re.Match[str]]:
    """The template notes in a text (`low`: as `lower_for_search` gives it), but for those
    inside a blank ("[pilih salah satu]"), which are reported as the blank."""
    notes = list(finditer_from_literals(rx, text, low))  # tried only where a note can start
    if notes:
        blanks = [hit.span for hit in normalize.find_placeholders(text)]
        notes = [m for m in notes if not any(s <= m.start() and m.end() <= e for s, e in blanks)]
    return notes


@dataclass(frozen=True, slots=True)
class PlaceholderParams:
    """`skip_nomor` / `skip_opening_date`: leave blank nomor lines and a blank signing date to
    CONS-EMPTY-NOMOR and CONS-EMPTY-DATE; `max_shown`: placeholders quoted per finding;
    `max_findings`: paragraphs reported one by one before the rest fold into one finding."""

    skip_nomor: bool = True
    skip_opening_date: bool = True
    max_shown: int = 3
    max_findings: int = 15
    # the document types CONS-EMPTY-NOMOR and CONS-EMPTY-DATE run on: in any other (OTHER)
    # this rule reports the blank nomor and date itself, so that nothing goes unreported
    skip_in_types: tuple[str, ...] = ("NK", "PKS", "ADDENDUM")
    # template instructions left in the text ("(coret yang tidak perlu)", "*) pilih salah
    # satu"): not a blank to fill but a note to act on and delete; reported per paragraph too
    note_patterns: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        for i, pattern in enumerate(self.note_patterns):
            check_regex(pattern, f"note_patterns[{i}]")


def check_placeholders(ctx: Context, params: PlaceholderParams) -> Iterator[Hit]:
    """Leftover placeholders ("……", "${mitra}", "XXXX", "(nama)") and template instruction
    notes ("(coret yang tidak perlu)"), one finding of each per paragraph."""
    yield from _template_notes(ctx, params)
    skip: set[tuple[Story, int]] = set()
    if ctx.outline.document_type not in params.skip_in_types:
        params = replace(params, skip_nomor=False, skip_opening_date=False)
    if params.skip_nomor:
        skip |= {(Story.BODY, n.block) for n in ctx.outline.nomor if empty_nomor(n)}
    if params.skip_opening_date and ctx.outline.opening and empty_date(ctx):
        skip.add((Story.BODY, ctx.outline.opening.block))
    grouped: dict[tuple[Story, int], list[str]] = {}
    for ph in ctx.outline.placeholders:
        where = (ph.story, ph.block)
        if where in skip:
            continue
        grouped.setdefault(where, [])
        if ph.text not in grouped[where]:
            grouped[where].append(ph.text)
    order = sorted(grouped.items(), key=lambda kv: (kv[0][0] is not Story.BODY, kv[0]))
    for n, ((story, block), texts) in enumerate(order):
        if n == params.max_findings:
            rest = sum(len(t) for _, t in order[n:])
            yield Hit(  # anchored where the unlisted ones begin, so it sorts in reading order
                block=block,
                story=story,
                message="more",
                params={"found": rest, "count": len(order) - n},
                key="more",
            )
            return
        start, end = find_span(block_text(ctx, block, story), texts[0])
        shown = ", ".join(f"'{t.strip()}'" for t in texts[: params.max_shown])
        if len(texts) > params.max_shown:
            shown += ", …"
        yield Hit(
            block=block,
            story=story,
            params={"found": shown, "count": len(texts)},
            run_start=start,
            run_end=end,
        )


@dataclass(frozen=True, slots=True)
class ResidueTopic:
    """A topic that belongs to one kind of partner: `terms` in the text are residue unless a
    party matches one of `party_terms` (case-insensitive, whole words)."""

    name: str
    terms: tuple[str, ...]
    party_terms: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class ForeignResidueParams:
    topics: tuple[ResidueTopic, ...] = ()


def _ascii_first_word(term: str) -> str | None:
    """The lower-cased first word of an ASCII term (a substring any match must contain)."""
    first = term.split()[0].lower()
    return first if first.isascii() else None


def check_foreign_residue(ctx: Context, params: ForeignResidueParams) -> Iterator[Hit]:
    """Institutions or topics in the premis/pasal that belong to none of the parties."""
    outline = ctx.outline
    party_text = " | ".join(
        [*(outline.title.institutions if outline.title else ())]
        + [" ".join(x for x in (p.institution, p.jabatan, p.name) if x) for p in outline.parties]
    )
    if not party_text.strip():
        return
    active = [t for t in params.topics if keyword_in(party_text, t.party_terms) is None]
    if not active:
        return
    blocks: set[int] = set()
    if outline.premis is not None:
        blocks |= {r.block for r in outline.premis.recitals}
        blocks |= set(outline.premis.dasar_hukum_blocks)
        if outline.premis.cited_nk:
            blocks.add(outline.premis.cited_nk.block)
    for p in outline.pasal:
        blocks |= set(range(p.first_block, p.last_block + 1))
    # a term whose first word is nowhere in the body cannot match in any block: most drafts
    # hold none of them, and one search of the whole body replaces one per block (and the
    # term's regex is not even built)
    patterns: list[tuple[re.Pattern[str], str, str | None]] = []
    for topic in active:
        for term in topic.terms:
            words = term.split()
            first = _ascii_first_word(term) if words else None
            if not words or (first is not None and not ctx.facts.mentions(first)):
                continue
            rx = r"(?<!\w)" + r"\s+".join(map(re.escape, words)) + r"(?!\w)"
            patterns.append((re.compile(rx, re.IGNORECASE), topic.name, first))
    if not patterns:
        return
    body = ctx.facts.body_map
    seen: dict[str, list[tuple[int, int, str, str]]] = {}  # a repeated paragraph: scanned once
    for index in sorted(blocks):
        block = body.get(index)
        text = block.text if block is not None else ""
        found = seen.get(text)
        if found is None:
            found = seen[text] = _residue(text, ctx.facts.lowered[text], patterns)
        if not found:
            continue
        terms = list(dict.fromkeys(f[2] for f in found))
        topics_named = list(dict.fromkeys(f[3] for f in found))
        yield Hit(
            block=index,
            params={"found": ", ".join(f"'{t}'" for t in terms), "topic": ", ".join(topics_named)},
            run_start=found[0][0],
            run_end=found[0][1],
        )


def _residue(
    text: str,
    low: str,
    patterns: Sequence[tuple[re.Pattern[str], str, str | None]],
) -> list[tuple[int, int, str, str]]:
    """(start, end, term as written, topic) of each residue pattern's first match, in order
    (`low`: the text as `lower_for_search` gives it)."""
    found: list[tuple[int, int, str, str]] = []
    for pattern, topic_name, first in patterns:
        if first is not None and first not in low:
            continue  # cheap exact pre-test: the regex cannot match without its first word
        m = pattern.search(text)
        if m:
            found.append((m.start(), m.end(), m.group(0), topic_name))
    found.sort()
    return found


@dataclass(frozen=True, slots=True)
class TrackedChangesParams:
    """`max_findings`: findings per document before the rest are folded into one summary."""

    max_findings: int = 10


def check_tracked_changes(ctx: Context, params: TrackedChangesParams) -> Iterator[Hit]:
    """Unresolved tracked changes (insertions, deletions, moves, formatting changes)."""
    grouped: dict[tuple[Story, int | None], list[str]] = {}
    authors: dict[tuple[Story, int | None], set[str]] = {}
    for rev in ctx.document.revisions:
        where = (rev.story, rev.block)
        grouped.setdefault(where, []).append(rev.kind)
        if rev.author:
            authors.setdefault(where, set()).add(rev.author)
    ordered = sorted(grouped.items(), key=lambda kv: (str(kv[0][0]), kv[0][1] or 0))
    for n, ((story, block), kinds) in enumerate(ordered):
        if n == params.max_findings:
            rest = sum(len(k) for _, k in ordered[n:])
            yield Hit(
                block=None,
                message="more",
                params={"count": rest, "blocks": len(ordered) - n},
                key="more",
            )
            return
        yield Hit(
            block=block,
            story=story if block is not None else Story.BODY,
            params={
                "count": len(kinds),
                "kinds": ", ".join(sorted(set(kinds))),
                "authors": ", ".join(sorted(authors.get((story, block), set()))) or "-",
            },
            key=f"{story}|{block}",
        )


@dataclass(frozen=True, slots=True)
class OpenCommentsParams:
    """Comments by `ignore_authors` (our own annotations) and comments whose text starts with
    one of `ignore_prefixes` (suppressions) are not open review comments."""

    ignore_authors: tuple[str, ...] = ("naskah-lint",)
    ignore_prefixes: tuple[str, ...] = ("naskah-lint:",)
    include_resolved: bool = False


def check_open_comments(ctx: Context, params: OpenCommentsParams) -> Iterator[Hit]:
    """Review comments still in the file."""
    authors = {a.casefold() for a in params.ignore_authors}
    prefixes = tuple(p.casefold() for p in params.ignore_prefixes)
    for c in ctx.document.comments:
        if c.author.strip().casefold() in authors:
            continue
        if c.text.strip().casefold().startswith(prefixes):
            continue
        if c.resolved and not params.include_resolved:
            continue
        text = " ".join(c.text.split())
        yield Hit(
            block=c.anchor_block,
            story=c.anchor_story or Story.BODY,
            params={
                "author": c.author or "-",
                "text": text[:80] + ("…" if len(text) > 80 else ""),
            },
            key=f"comment|{c.id}",
        )


@dataclass(frozen=True, slots=True)
class RunFlagParams:
    """`ignore_values`: highlight colours that are not a highlight (e.g. "none", white fill)."""

    ignore_values: tuple[str, ...] = ("none", "auto", "FFFFFF", "white")


def _flagged_runs(
    ctx: Context, flag: str, ignore: Sequence[str]
) -> Iterator[tuple[Block, int, int, str]]:
    """(block, start, end, text) of the first stretch of runs with a format flag, per block."""
    skip = {v.casefold() for v in ignore}
    if not any(f.highlight if flag == "highlight" else f.hidden for f in ctx.facts.formats):
        return  # no run of the document has the flag at all
    for b in ctx.document.blocks:
        if b.story is Story.COMMENT:
            continue
        start = end = None
        for run in b.runs:
            value = run.fmt.highlight if flag == "highlight" else run.fmt.hidden
            on = bool(value) and not (isinstance(value, str) and value.casefold() in skip)
            if on and run.text.strip():
                if start is None:
                    start = run.start
                end = run.start + len(run.text)
            elif start is not None and run.text.strip():
                break
        if start is not None and end is not None:
            yield b, start, end, b.text[start:end]


def check_highlight(ctx: Context, params: RunFlagParams) -> Iterator[Hit]:
    """Highlighted text (a reviewer's marker) left in the draft."""
    for b, start, end, text in _flagged_runs(ctx, "highlight", params.ignore_values):
        shown = " ".join(text.split())
        yield Hit(
            block=b.index,
            story=b.story,
            params={"found": shown[:60] + ("…" if len(shown) > 60 else "")},
            run_start=start,
            run_end=end,
        )


def check_hidden_text(ctx: Context, params: RunFlagParams) -> Iterator[Hit]:
    """Hidden text: words that print for nobody but are still in the signed file."""
    for b, start, end, text in _flagged_runs(ctx, "hidden", ()):
        shown = " ".join(text.split())
        yield Hit(
            block=b.index,
            story=b.story,
            params={"found": shown[:60] + ("…" if len(shown) > 60 else "")},
            run_start=start,
            run_end=end,
        )


@dataclass(frozen=True, slots=True)
class AuthorMetadataParams:
    """`fields`: core/app properties to check; `ignore_values`: harmless values (generators),
    matched case-insensitively at the start of the value;
    `final_only`: check only in --mode final."""

    fields: tuple[str, ...] = ("creator", "last_modified_by")
    ignore_values: tuple[str, ...] = ("naskah-lint", "python-docx", "Unknown", "Author")
    final_only: bool = True


def check_author_metadata(ctx: Context, params: AuthorMetadataParams) -> Iterator[Hit]:
    """Author names left in the file's properties."""
    if params.final_only and ctx.mode != "final":
        return
    ignore = {v.casefold() for v in params.ignore_values}
    found: list[str] = []
    for name in params.fields:
        value = getattr(ctx.document.metadata, name, None)
        if (
            isinstance(value, str)
            and value.strip()
            and not value.strip().casefold().startswith(tuple(ignore))
        ):
            found.append(f"{name}='{value.strip()}'")
    if found:
        yield Hit(block=None, params={"found": ", ".join(found)})


# --------------------------------------------------------------------------- registry

# --------------------------------------------------------------------------- self-name


@dataclass(frozen=True, slots=True)
class NameFamily:
    """Names of one instrument ("Nota Kesepahaman", "MoU"); the first is the one to write."""

    family: str
    names: tuple[str, ...]

    def __post_init__(self) -> None:
        if not self.names or not all(n.strip() for n in self.names):
            raise ValueError("names: give at least one non-empty name")


@dataclass(frozen=True, slots=True)
class SelfNameParams:
    """`families`: the instrument names; the document's family is the one its title names.
    `skip_parts`: outline parts not checked."""

    families: tuple[NameFamily, ...] = ()
    skip_parts: tuple[str, ...] = ("judul",)


def _family_of(text: str, families: Sequence[NameFamily]) -> NameFamily | None:
    """The family whose longest name appears in `text` as whole words."""
    best: tuple[int, NameFamily] | None = None
    for fam in families:
        found = keyword_in(text, fam.names)
        if found and (best is None or len(found) > best[0]):
            best = (len(found), fam)
    return best[1] if best else None


def check_self_name(ctx: Context, params: SelfNameParams) -> Iterator[Hit]:
    """The draft calls itself by its own title ("Nota Kesepahaman ini"), not by another
    instrument's name ("Perjanjian ini" in an NK, "Nota Kesepahaman ini" in a Kesepakatan
    Bersama): the other name is usually residue of the template it was copied from."""
    title = ctx.outline.title
    if title is None or not title.kind_text or not params.families:
        return
    own = _family_of(title.kind_text, params.families)
    if own is None:
        return
    names = sorted({n for f in params.families for n in f.names}, key=len, reverse=True)
    rx = re.compile(
        r"(?<![\w-])("
        + "|".join(re.escape(n).replace(r"\ ", r"\s+") for n in names)
        + r")\s+ini\b",
        re.IGNORECASE,
    )
    found: list[tuple[int, re.Match[str], str, NameFamily]] = []
    lowered = ctx.facts.lowered
    starts = start_literals(rx.pattern, rx.flags)  # the names' first words the draft has
    if starts is not None:
        starts = tuple(word for word in starts if ctx.facts.mentions(word))
    families: dict[str, NameFamily | None] = {}  # a draft says the same few names many times
    for b in ctx.facts.outside(params.skip_parts):
        if "ini" not in lowered[b.text]:  # no "… ini" at all: skip the regex scan
            continue
        for m in finditer_from_literals(rx, b.text, lowered[b.text], starts):
            said = " ".join(m.group(1).split())
            if said not in families:
                families[said] = _family_of(said, params.families)
            fam = families[said]
            if said[:1].isupper() and fam is not None:  # "perjanjian ini" in lower case: prose
                found.append((b.index, m, said, fam))
    # suggest the own name the draft uses most ("MoU ini" in a MoU), else the family's first
    used = Counter(said for _, _, said, fam in found if fam.family == own.family)
    expected = used.most_common(1)[0][0] if used else own.names[0]
    seen: set[tuple[int, str]] = set()
    for block, m, said, fam in found:
        if fam.family == own.family or (block, said.lower()) in seen:
            continue
        seen.add((block, said.lower()))
        yield Hit(
            block=block,
            params={
                "found": f"{said} ini",
                "expected": expected,
                "title": " ".join(title.kind_text.split()),
            },
            key=f"{said.lower()}|{m.start()}",
            run_start=m.start(),
            run_end=m.end(),
        )


KINDS: tuple[Kind[Any], ...] = (
    Kind("weekday-date", NoParams, check_weekday_date, "Opening weekday fits its date."),
    Kind("opening-numeric", NoParams, check_opening_numeric, "(dd-mm-yyyy) equals the words."),
    Kind("empty-date", NoParams, check_empty_date, "Signing date left blank."),
    Kind("nomor-year", NomorYearParams, check_nomor_year, "KPU nomor year = signing year."),
    Kind("empty-nomor", NoParams, check_empty_nomor, "NOMOR line left blank."),
    Kind("nk-before-pks", NoParams, check_nk_before_pks, "Cited NK dated before the PKS."),
    Kind("pasal-sequence", NoParams, check_pasal_sequence, "Pasal 1, 2, 3 … no gaps."),
    Kind("ayat-sequence", AyatSequenceParams, check_ayat_sequence, "Ayat (1), (2) … no gaps."),
    Kind("list-sequence", NoParams, check_list_sequence, "Huruf/angka lists consecutive."),
    Kind("xref", XRefParams, check_xref, "Pasal/ayat/huruf references exist."),
    Kind("rangkap", NoParams, check_rangkap, "Rangkap digits = words, >= parties."),
    Kind("party-signs", NoParams, check_party_signs, "Signatures match the komparisi."),
    Kind("title-parties", TitlePartiesParams, check_title_parties, "Title parties = komparisi."),
    Kind("defined-terms", DefinedTermsParams, check_defined_terms, "PIHAK aliases consistent."),
    Kind("terbilang", TerbilangParams, check_terbilang, "N (words) pairs agree."),
    Kind("rupiah-terbilang", NoParams, check_rupiah_terbilang, "Rupiah digits = terbilang."),
    Kind("jangka-waktu-dates", JangkaWaktuParams, check_jangka_waktu_dates, "Term dates add up."),
    Kind("jangka-waktu-max", JangkaWaktuParams, check_jangka_waktu_max, "Term within maximum."),
    Kind("lampiran", NoParams, check_lampiran, "Lampiran references match annexes."),
    Kind("placeholders", PlaceholderParams, check_placeholders, "Leftover placeholders."),
    Kind("foreign-residue", ForeignResidueParams, check_foreign_residue, "Copy-paste residue."),
    Kind("tracked-changes", TrackedChangesParams, check_tracked_changes, "Tracked changes."),
    Kind("open-comments", OpenCommentsParams, check_open_comments, "Open review comments."),
    Kind("highlight", RunFlagParams, check_highlight, "Highlighted text."),
    Kind("hidden-text", RunFlagParams, check_hidden_text, "Hidden text."),
    Kind("author-metadata", AuthorMetadataParams, check_author_metadata, "Author metadata."),
    Kind("self-name", SelfNameParams, check_self_name, "The draft calls itself by its title."),
)
