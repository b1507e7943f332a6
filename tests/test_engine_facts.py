"""Per-document facts shared by the rules: built once per context, each one equal to what a
rule would compute on its own (body map, parts, lower-cased texts, scans, pasal texts, the
document's words and run formats)."""

from __future__ import annotations

import dataclasses

from kindkit import ctx, doc, outline, pasal

from naskah_lint.engine.api import Context
from naskah_lint.lang import money, quantities
from naskah_lint.lang.prefilter import lower_for_search
from naskah_lint.model import Block, Run, RunFormat, Story

TEXTS = [
    "PERJANJIAN KERJA SAMA",
    "Pasal 1",
    "Biaya sebesar Rp10.000.000,00 (sepuluh juta rupiah) dibayar selama 3 bulan.",
    "Biaya sebesar Rp10.000.000,00 (sepuluh juta rupiah) dibayar selama 3 bulan.",
    "KEPOLİSİAN dan Kerja Sama",
]


def _context() -> Context:
    parts = ((1, "judul"), (2, "pasal"), (5, "penutup"))
    return ctx(doc(TEXTS), outline(parts=parts, pasal=(pasal(1, 2, 4),)))


def test_facts_are_built_once_per_context_and_not_compared() -> None:
    context = _context()
    assert context.facts is context.facts
    assert dataclasses.replace(context).facts is not context.facts
    assert context == dataclasses.replace(context)


def test_body_map_parts_and_outside() -> None:
    facts = _context().facts
    assert [b.index for b in facts.body] == [1, 2, 3, 4, 5]
    assert facts.body_map[3].text == TEXTS[2]
    assert facts.parts == ("judul", "pasal", "pasal", "pasal", "penutup")
    assert [b.index for b in facts.outside(("judul", "penutup"))] == [2, 3, 4]
    assert facts.outside(["judul", "penutup"]) is facts.outside(("judul", "penutup"))


def test_lowered_texts_and_words() -> None:
    facts = _context().facts
    assert facts.lowered[TEXTS[4]] == lower_for_search(TEXTS[4]) == "kepolisian dan kerja sama"
    assert facts.mentions("kepolisian")
    assert facts.mentions("kerja sama")
    assert facts.mentions("rp10")
    assert not facts.mentions("kejaksaan")
    assert not facts.mentions("kerja  sama")


def test_scans_are_the_lang_results_as_tuples() -> None:
    facts = _context().facts
    rupiah = facts.scans(money.find_rupiah)
    assert rupiah is facts.scans(money.find_rupiah)
    assert rupiah[TEXTS[2]] == tuple(money.find_rupiah(TEXTS[2]))
    assert rupiah[TEXTS[0]] == ()
    needing = facts.scans(money.find_rupiah, needs=money.RUPIAH_NEEDS)
    assert needing is not rupiah
    assert needing[TEXTS[2]] == rupiah[TEXTS[2]]
    assert needing[TEXTS[4]] == ()
    bare = facts.scans(quantities.find_bare_quantities, ("bulan",))
    assert bare[TEXTS[2]] == tuple(quantities.find_bare_quantities(TEXTS[2], ("bulan",)))
    assert [q[0] for q in bare[TEXTS[2]]] == ["3 bulan"]


def test_pasal_text_joins_its_blocks() -> None:
    context = _context()
    only = context.outline.pasal[0]
    assert context.facts.pasal_text(only) == "\n".join(TEXTS[1:4])


def test_formats_are_the_distinct_run_formats() -> None:
    bold, plain = RunFormat(bold=True), RunFormat()
    blocks = tuple(
        Block(
            story=Story.BODY,
            index=i,
            text="ab",
            runs=(Run("a", 0, bold), Run("b", 1, plain if i == 1 else bold)),
        )
        for i in (1, 2)
    )
    document = dataclasses.replace(doc([]), blocks=blocks)
    formats = ctx(document, outline()).facts.formats
    assert len(formats) == 2
    assert formats[0] is bold
    assert formats[1] is plain


def test_parts_equal_part_of_in_any_order() -> None:
    for parts in (((2, "judul"), (4, "pasal"), (4, "penutup")), ((3, "pasal"), (1, "judul"))):
        out = outline(parts=parts)
        facts = ctx(doc(TEXTS), out).facts
        assert facts.parts == tuple(out.part_of(i) for i in range(1, 6))
