"""Builders shared by the rule-kind and engine tests: the shipped pack and a rule's params,
hand-built documents and outline records with every field defaulted, and the hits of one kind
(no .docx, no segmenter). Keyword arguments set any other field of the record."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from functools import lru_cache
from typing import Any

from naskah_lint.engine.api import Context, Hit, Kind, Pack
from naskah_lint.engine.loader import load_pack
from naskah_lint.model import Block, CellPos, Document, Run, RunFormat, Section, Story
from naskah_lint.outline.model import Ayat, Opening, Outline, Party, Pasal, Signature


@lru_cache(maxsize=1)
def pack() -> Pack:
    """The shipped pack."""
    return load_pack()


def params_of(rule_id: str) -> Any:
    """The typed params the shipped pack gives one rule."""
    rule = pack().rule(rule_id)
    assert rule is not None, rule_id
    return rule.params


def doc(texts: Sequence[str], cells: Sequence[int] = (), **kw: Any) -> Document:
    """Body paragraphs 1, 2, … with one plain run each; those numbered in `cells` in a table."""
    blocks = tuple(
        Block(
            story=Story.BODY,
            index=i,
            text=t,
            runs=(Run(text=t, start=0, fmt=RunFormat()),),
            cell=CellPos(0, 0, 0) if i in cells else None,
        )
        for i, t in enumerate(texts, start=1)
    )
    return Document(path="t.docx", sha256="0" * 64, blocks=blocks, **kw)


def section(index: int = 0, first: int = 1, last: int = 1, **kw: Any) -> Section:
    """A4 portrait with the guideline's margins (mm): top 20, bottom 25, left 30, right 20."""
    base: dict[str, Any] = {
        "index": index,
        "page_width_mm": 210.0,
        "page_height_mm": 297.0,
        "orientation": "portrait",
        "margin_top_mm": 20.0,
        "margin_bottom_mm": 25.0,
        "margin_left_mm": 30.0,
        "margin_right_mm": 20.0,
        "first_block": first,
        "last_block": last,
    }
    base.update(kw)
    return Section(**base)


def outline(**kw: Any) -> Outline:
    """An Indonesian PKS outline in which no part was found."""
    base: dict[str, Any] = {
        "document_type": "PKS",
        "language": "id",
        "title": None,
        "nomor": (),
        "opening": None,
        "parties": (),
        "premis": None,
        "pasal": (),
        "closing": None,
        "signatures": (),
        "witnesses": (),
        "lampiran": None,
        "placeholders": (),
        "parts": (),
    }
    base.update(kw)
    return Outline(**base)


def ctx(document: Document, out: Outline, mode: str = "draft") -> Context:
    """What a kind sees, with the shipped pack's data."""
    return Context(document=document, outline=out, mode=mode, pack=pack().data)


def run_kind(
    kinds: Iterable[Kind[Any]], kind_name: str, context: Context, params: Any = None
) -> list[Hit]:
    """The hits of the kind named `kind_name` among `kinds`, with `params` or its defaults."""
    kind = next(k for k in kinds if k.name == kind_name)
    return list(kind.check(context, params if params is not None else kind.params()))


def opening(text: str, block: int = 1, **kw: Any) -> Opening:
    """An opening sentence at `block` with no date read from it."""
    base: dict[str, Any] = {
        "block": block,
        "text": text,
        "weekday": None,
        "day_text": None,
        "month_text": None,
        "year_text": None,
        "date": None,
        "date_in_words": True,
        "numeric_text": None,
        "numeric_date": None,
        "place": None,
    }
    base.update(kw)
    return Opening(**base)


def party(index: int, **kw: Any) -> Party:
    """Party `index` in the komparisi, written in block `index`, with nothing else read."""
    base: dict[str, Any] = {
        "index": index,
        "alias": None,
        "alias_as_written": None,
        "ordinal": index,
        "series": None,
        "name": None,
        "jabatan": None,
        "legal_basis": None,
        "institution": None,
        "address": None,
        "blocks": (index,),
    }
    base.update(kw)
    return Party(**base)


def pasal(number: int | None, heading: int, last: int, **kw: Any) -> Pasal:
    """Pasal `number` from its heading block to `last`, untitled and with no clause."""
    base: dict[str, Any] = {
        "number": number,
        "number_text": f"Pasal {number}",
        "title": None,
        "clause": None,
        "clause_score": 0.0,
        "clause_matched": None,
        "clause_inferred": False,
        "heading_block": heading,
        "title_block": None,
        "first_block": heading,
        "last_block": last,
    }
    base.update(kw)
    return Pasal(**base)


def matched_pasal(
    number: int | None,
    first: int,
    last: int,
    *,
    title: str | None = None,
    clause: str | None = None,
    ayat: Sequence[tuple[int, int]] = (),
) -> Pasal:
    """Pasal `number` over blocks first..last, its title on the next block matching `clause`
    exactly; ayat as (number, block) pairs."""
    return pasal(
        number,
        first,
        last,
        title=title,
        clause=clause,
        clause_score=100.0 if clause else 0.0,
        clause_matched=title if clause else None,
        title_block=first + 1 if title else None,
        ayat=tuple(Ayat(number=n, label=f"({n})", block=b) for n, b in ayat),
    )


def sig(label: str | None, ordinal: int | None, blocks: Iterable[int], **kw: Any) -> Signature:
    """A signature block with no jabatan, name, NIP or meterai read."""
    base: dict[str, Any] = {
        "label": label,
        "ordinal": ordinal,
        "jabatan": None,
        "name": None,
        "nip": None,
        "meterai": False,
        "blocks": tuple(blocks),
    }
    base.update(kw)
    return Signature(**base)
