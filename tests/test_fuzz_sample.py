"""A seeded sample of the hostile-file fuzz harness (bench/fuzz.py): every structural case for one
fixture plus random mutations. Asserts only what must always hold: no exception and no internal
error (only our own error codes), the input file unchanged, and the same read with and without
run property folding. No timing is asserted here; the full run (`python bench/fuzz.py --cases
2000`) measures time and memory."""

from __future__ import annotations

import hashlib
import importlib.util
import random
import sys
from collections import Counter
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from engine_docs import reference_fingerprint

from naskah_lint.api import lint_file, prepared_pack
from naskah_lint.config import Settings
from naskah_lint.engine.fingerprint import keyed_fingerprints
from naskah_lint.engine.runner import excerpt
from naskah_lint.errors import UnreadableFile
from naskah_lint.reader import read_document
from naskah_lint.reader.package import Limits

ROOT = Path(__file__).resolve().parent.parent
ERROR_CODES = {"NOT_DOCX", "ENCRYPTED", "LEGACY_DOC", "CORRUPT", "TOO_LARGE", "NOT_FOUND"}
RANDOM_CASES = 20


def _fuzz() -> ModuleType:
    spec = importlib.util.spec_from_file_location("naskah_fuzz", ROOT / "bench" / "fuzz.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["naskah_fuzz"] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


fuzz = _fuzz()
pytestmark = pytest.mark.skipif(
    not list((ROOT / "fixtures").glob("*.docx")), reason="fixtures not built"
)


def _sample() -> list[Any]:
    structural = list(fuzz.structural_cases(fuzz.seed_documents()[0]))
    cases = list(fuzz.generate(len(structural) + RANDOM_CASES, seed=6, structural_seeds=1))
    assert [c.name for c in cases[: len(structural)]] == [c.name for c in structural]
    return cases


SAMPLE = _sample() if list((ROOT / "fixtures").glob("*.docx")) else []


def test_sample_covers_every_named_mutation() -> None:
    names = {c.name for c in SAMPLE}
    for wanted in (
        "truncated-half",
        "ole-header-on-zip",
        "removed-word/document.xml",
        "duplicate-zip-name-word/document.xml",
        "dotdot-member",
        "absolute-member",
        "1e5-paragraphs",
        "1e5-paragraphs-stored",
        "1e4-deep-table-nesting",
        "huge-attribute",
        "billion-laughs",
        "external-entity",
        "zip-bomb-media-member",
        "regex-stress-rupiah",
    ):
        assert wanted in names
    assert sum(1 for c in SAMPLE if c.name.startswith(("bitflip", "truncate-", "xml"))) == 20


@pytest.mark.parametrize("case", SAMPLE, ids=lambda c: c.name)
def test_hostile_file_gives_only_our_errors_and_stays_unchanged(case: Any, tmp_path: Path) -> None:
    settings = Settings()
    path = tmp_path / "case.docx"
    data: bytes = case.data
    path.write_bytes(data)
    result = lint_file(path, settings, prepared_pack(settings))
    assert result.internal_error is None
    if result.error is not None:
        assert result.error.code in ERROR_CODES
        assert "\n" not in result.error.message and result.error.message
    assert hashlib.sha256(path.read_bytes()).digest() == hashlib.sha256(data).digest()
    assert fuzz.fold_differs(path) is None


def test_paragraph_and_text_limits_bound_the_work(tmp_path: Path) -> None:
    entries = fuzz.read_zip(fuzz.seed_documents()[0])
    para = b"<w:p><w:r><w:t>kata kata kata</w:t></w:r></w:p>"
    path = tmp_path / "many.docx"
    path.write_bytes(fuzz.with_document(entries, para * 300, stored=True))
    assert len(read_document(path, Limits(max_paragraphs=400)).body) == 300
    with pytest.raises(UnreadableFile) as paragraphs:
        read_document(path, Limits(max_paragraphs=299))
    assert paragraphs.value.params["limit"] == "max_paragraphs = 299"
    with pytest.raises(UnreadableFile) as chars:
        read_document(path, Limits(max_text_chars=300 * 14 - 1))
    assert (chars.value.code, chars.value.params) == (
        "TOO_LARGE",
        {"limit": "max_text_chars = 4199", "detail": str(300 * 14)},
    )
    assert Limits().max_paragraphs == 25_000 and Limits().max_text_chars == 5_000_000


def test_keyed_fingerprints_equal_the_joined_ones() -> None:
    rng = random.Random(6)
    for _ in range(500):
        bases = [
            (
                rng.choice(["FMT-A", "CONS-B"]),
                rng.choice(["body/pasal/x", "body/judul"]),
                rng.choice(["", "teks", "teks panjang é"]),
                rng.choice(["", "k", "k|2"]),
            )
            for _ in range(rng.randint(0, 6))
        ]
        seen: Counter[tuple[str, str, str, str]] = Counter()
        expected = []
        for basis in bases:
            expected.append(reference_fingerprint(*basis, seen[basis]))
            seen[basis] += 1
        assert keyed_fingerprints(bases) == tuple(expected)


def test_excerpt_of_a_long_text_is_the_excerpt_of_the_whole() -> None:
    assert excerpt("a " * 100_000) == ("a " * 39).strip() + " a…"
    assert excerpt(" " * 5_000 + "awal") == "awal"
    assert excerpt("x" + " " * 1_000 + "y") == "x y"
    assert excerpt("kata " * 3) == "kata kata kata"
