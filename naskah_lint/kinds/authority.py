"""Rule kinds: signatory authority. Who may sign is policy: the allowed jabatan, the heads of
institutions and the words that cite a delegation are all rule params. What the file cannot
show (whether a person really holds the office, whether a kuasa is valid) is left to people.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from naskah_lint.engine.api import Context, Hit, Kind
from naskah_lint.kinds.consistency import (
    block_text,
    check_regex,
    contains_words,
    find_span,
    is_kpu_party,
    looks_placeholder,
    normalize_person,
    normalize_text,
    pack_mapping,
    pack_strings,
    party_name,
)
from naskah_lint.outline.model import Party


def _jabatan(ctx: Context, party: Party) -> str | None:
    """The party's jabatan from the komparisi, else from its signature block."""
    if party.jabatan and not looks_placeholder(party.jabatan):
        return party.jabatan
    for sig in ctx.outline.signatures:
        if party.ordinal and sig.ordinal == party.ordinal and sig.jabatan:
            return None if looks_placeholder(sig.jabatan) else sig.jabatan
    return None


def _anchor(ctx: Context, party: Party, needle: str) -> tuple[int, int | None, int | None]:
    """The komparisi block of a party that shows `needle`, with the span."""
    for b in party.blocks:
        start, end = find_span(block_text(ctx, b), needle)
        if start is not None:
            return b, start, end
    return party.blocks[0], None, None


@dataclass(frozen=True, slots=True)
class SignatoryParams:
    """`allowed`: regexes matched at the start of the KPU signatory's jabatan after
    normalisation (upper case, no punctuation, abbreviations such as KPU expanded)."""

    allowed: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        for i, pattern in enumerate(self.allowed):
            check_regex(pattern, f"allowed[{i}]")


def check_kpu_signatory(ctx: Context, params: SignatoryParams) -> Iterator[Hit]:
    """The KPU party's signatory holds one of the allowed jabatan."""
    if not params.allowed:
        return
    keywords = pack_strings(ctx, "kpu_keywords")
    abbr = pack_mapping(ctx, "abbreviations")
    allowed = [re.compile(p) for p in params.allowed]
    for party in ctx.outline.parties:
        if not party.blocks or not is_kpu_party(party, keywords):
            continue
        jabatan = _jabatan(ctx, party)
        if jabatan is None:
            continue
        norm = normalize_text(jabatan, abbr)
        if not norm or any(rx.match(norm) for rx in allowed):
            continue
        block, start, end = _anchor(ctx, party, jabatan)
        yield Hit(
            block=block,
            params={"party": party_name(party), "found": " ".join(jabatan.split())},
            key=f"signatory|{party.index}",
            run_start=start,
            run_end=end,
        )


@dataclass(frozen=True, slots=True)
class UnitHead:
    """A jabatan (regex at the start) that heads an institution only when the institution it
    acts for contains `unit` (e.g. SEKRETARIS heads a SEKRETARIAT, DEKAN a FAKULTAS)."""

    jabatan: str
    unit: str

    def __post_init__(self) -> None:
        check_regex(self.jabatan, "jabatan")


@dataclass(frozen=True, slots=True)
class KuasaParams:
    """`heads`: jabatan regexes (normalised text) that head their institution; `unit_heads`:
    heads only of a given unit; `non_heads`: jabatan that do not head an institution containing
    `unit` (a Kepala Dinas signing for the Pemerintah Daerah); `acting`: prefixes of an acting
    or on-behalf signatory (Plt, Plh, a.n.); `delegation`: regexes that cite a kuasa or
    delegation in the komparisi."""

    heads: tuple[str, ...] = ()
    unit_heads: tuple[UnitHead, ...] = ()
    non_heads: tuple[UnitHead, ...] = ()
    acting: tuple[str, ...] = ()
    delegation: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        for name in ("heads", "acting", "delegation"):
            for i, pattern in enumerate(getattr(self, name)):
                check_regex(pattern, f"{name}[{i}]")


def check_kuasa(ctx: Context, params: KuasaParams) -> Iterator[Hit]:
    """A signatory who is not the head of the institution cites a surat kuasa or delegation."""
    abbr = pack_mapping(ctx, "abbreviations")
    heads = [re.compile(p) for p in params.heads]
    acting = [re.compile(p) for p in params.acting]
    delegation = [re.compile(p, re.IGNORECASE) for p in params.delegation]
    for party in ctx.outline.parties:
        if not party.blocks:
            continue
        jabatan = _jabatan(ctx, party)
        if jabatan is None:
            continue
        norm = normalize_text(jabatan, abbr)
        titles = pack_strings(ctx, "academic_titles")
        if not norm or normalize_person(jabatan, titles) == normalize_person(party.name, titles):
            continue  # no real jabatan (the name written twice): STRUCT/CONS rules report that
        unit = normalize_text(party.institution, abbr)
        is_acting = any(rx.match(norm) for rx in acting)
        not_head = any(
            re.match(h.jabatan, norm) and contains_words(unit, normalize_text(h.unit))
            for h in params.non_heads
        )
        is_head = (
            not is_acting
            and not not_head
            and (
                any(rx.match(norm) for rx in heads)
                or any(
                    re.match(h.jabatan, norm) and contains_words(unit, normalize_text(h.unit))
                    for h in params.unit_heads
                )
            )
        )
        if is_head or (not unit and not is_acting):
            continue  # head, or no institution to judge the jabatan against
        text = " ".join(block_text(ctx, b) for b in party.blocks)
        text += " " + (party.legal_basis or "")
        if any(rx.search(text) for rx in delegation):
            continue
        block, start, end = _anchor(ctx, party, jabatan)
        yield Hit(
            block=block,
            message="acting" if is_acting else "default",
            params={
                "party": party_name(party),
                "found": " ".join(jabatan.split()),
                "institution": " ".join((party.institution or "-").split()),
            },
            key=f"kuasa|{party.index}",
            run_start=start,
            run_end=end,
        )


KINDS: tuple[Kind[Any], ...] = (
    Kind("kpu-signatory", SignatoryParams, check_kpu_signatory, "KPU signatory jabatan."),
    Kind("kuasa", KuasaParams, check_kuasa, "Non-head signatory cites a kuasa."),
)
