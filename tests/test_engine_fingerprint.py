"""Fingerprints survive edits elsewhere in the draft (baselines, SARIF partialFingerprints)."""

from __future__ import annotations

from engine_docs import (
    a4,
    block,
    document,
    load,
    make_pack,
    outline,
    reference_fingerprint,
    use_kinds,
)
from kindkit import matched_pasal as pasal

from naskah_lint.config import Settings
from naskah_lint.engine.api import Pack
from naskah_lint.engine.fingerprint import keyed_fingerprints, normalise, path_of
from naskah_lint.engine.runner import run_rules
from naskah_lint.findings import Finding
from naskah_lint.model import Block, Numbering


def _numbered(index: int, label: str, content: str, font: str = "Arial") -> Block:
    """An auto-numbered paragraph: Word draws `label` before the content."""
    base = block(index, f"{label}\t{content}", font=font)
    value = int("".join(c for c in label if c.isdigit()) or 1)
    numbering = Numbering(num_id=1, ilvl=0, abstract_id=1, label=label, fmt="decimal", value=value)
    return Block(story=base.story, index=index, text=base.text, runs=base.runs, numbering=numbering)


def _draft(pack: Pack, extra_opening: int, extra_pasal: bool) -> tuple[list[Finding], int]:
    """A draft whose Pasal 'JANGKA WAKTU' holds a Times New Roman paragraph; optionally with
    paragraphs inserted in the opening and a whole new pasal inserted before it."""
    texts: list[tuple[str, str | None]] = [("PERJANJIAN KERJA SAMA", None)]
    texts += [(f"Paragraf pembukaan tambahan {i}", None) for i in range(extra_opening)]
    texts.append(("Pada hari ini Senin ...", None))
    pasal_specs: list[tuple[str, str | None, list[str]]] = [
        ("MAKSUD DAN TUJUAN", "maksud-tujuan", ["Maksud perjanjian ini."]),
    ]
    if extra_pasal:
        pasal_specs.append(("RUANG LINGKUP", "ruang-lingkup", ["Ruang lingkup baru.", "Lagi."]))
    pasal_specs.append(
        ("JANGKA WAKTU", "jangka-waktu", ["Berlaku 2 (dua) tahun.", "Dapat diperpanjang."])
    )
    blocks = [block(i + 1, text) for i, (text, _) in enumerate(texts)]
    parts = [(1, "judul"), (2, "pembukaan")]
    pasal_list = []
    for number, (title, clause, ayat_texts) in enumerate(pasal_specs, start=1):
        first = len(blocks) + 1
        if number == 1:
            parts.append((first, "pasal"))
        blocks.append(block(first, f"Pasal {number}"))
        blocks.append(block(first + 1, title))
        ayat = []
        for k, text in enumerate(ayat_texts, start=1):
            font = "Times New Roman" if title == "JANGKA WAKTU" and k == 1 else "Arial"
            blocks.append(_numbered(len(blocks) + 1, f"({k})", text, font=font))
            ayat.append((k, len(blocks)))
        pasal_list.append(pasal(number, first, len(blocks), title=title, clause=clause, ayat=ayat))
    doc = document(blocks, sections=[a4(last=len(blocks))])
    ol = outline(parts=parts, pasal_list=pasal_list)
    return list(run_rules(doc, ol, pack, Settings())), len(pasal_list)


def test_fingerprint_survives_insertions_above(tmp_path, monkeypatch) -> None:
    use_kinds(monkeypatch)
    pack = load(make_pack(tmp_path))
    before, n_before = _draft(pack, extra_opening=0, extra_pasal=False)
    after, n_after = _draft(pack, extra_opening=3, extra_pasal=True)
    assert n_after == n_before + 1
    assert [f.rule for f in before] == ["FMT-FONT"] == [f.rule for f in after]
    old, new = before[0], after[0]
    # the paragraph moved (block and pasal number changed) ...
    assert (old.location.block, old.location.pasal) == (8, 2)
    assert (new.location.block, new.location.pasal) == (15, 3)
    # ... and kept its fingerprint
    assert old.fingerprint == new.fingerprint
    assert len(old.fingerprint) == 16 and int(old.fingerprint, 16) >= 0


def test_normalise_strips_labels_and_case() -> None:
    assert normalise("  Pasal 5  Jangka\tWaktu ") == "jangka waktu"
    assert normalise("(2) a. Para  Pihak") == "para pihak"
    assert normalise("1.2. Ruang lingkup") == "ruang lingkup"
    assert normalise("2024 adalah tahun") == "2024 adalah tahun"


def test_path_uses_clause_else_title_never_number() -> None:
    assert path_of("body", "pasal", "jangka-waktu", "JANGKA WAKTU") == "body/pasal/jangka-waktu"
    assert path_of("body", "pasal", None, "Hak  Cipta") == "body/pasal/hak cipta"
    assert path_of("body", "pembukaan", None, None) == "body/pembukaan"


def test_occurrences_are_numbered_in_order() -> None:
    basis = ("FMT-FONT", "body/pembukaan", "teks", "")
    other = ("FMT-FONT", "body/pembukaan", "lain", "")
    prints = keyed_fingerprints([basis, other, basis])
    assert prints[0] == reference_fingerprint(*basis, 0)
    assert prints[2] == reference_fingerprint(*basis, 1)
    assert prints[1] == reference_fingerprint(*other, 0)
    assert len(set(prints)) == 3
