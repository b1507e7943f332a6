"""Quick tests before regex scans: lower_for_search agrees with the case-insensitive regex on
every character; required_literal finds a run every match contains, or says it cannot tell;
the memo hands out lists the caller may change; the faster scanners find what the plain
regexes find."""

from __future__ import annotations

import re
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from naskah_lint.lang import _memo, normalize, quantities, references
from naskah_lint.lang.prefilter import find_phrase, lower_for_search, may_match, required_literal

PLAIN = sorted(set("abcdefghijklmnopqrstuvwxyz0123456789 -,:;'\"/=!@%&~<>."))


def test_lower_for_search_folds_exactly_like_the_ignorecase_regex() -> None:
    """For every code point c and plain character L: a case-insensitive regex for L matches c
    exactly when lower_for_search(c) == L; lower_for_search never changes a text's length."""
    chars = [chr(cp) for cp in range(sys.maxunicode + 1) if not 0xD800 <= cp <= 0xDFFF]
    any_plain = re.compile("[" + re.escape("".join(PLAIN)) + "]", re.IGNORECASE)
    matched = {c for c in chars if any_plain.fullmatch(c)}
    folded = {c for c in chars if lower_for_search(c) in PLAIN}
    assert matched == folded
    for c in matched:
        assert [p for p in PLAIN if re.fullmatch(re.escape(p), c, re.IGNORECASE)] == [
            lower_for_search(c)
        ]
    assert {c for c in chars if len(lower_for_search(c)) != 1} == set()
    assert lower_for_search("PASAL İ ı ſ K") == "pasal i i s k"


@pytest.mark.parametrize(
    ("pattern", "literal"),
    [
        (r"\b(ber)?materai\b", "materai"),
        (r"\bdibawah\b", "dibawah"),
        (r"\b(be)?kerja-?sama(nya)?\b", "kerja"),
        (r"\bRp\.?\s?10\.000\b", "10.000"),
        (r"x{2,3}yz", "yz"),
        (r"[]x]yz", "yz"),
        (r"(a(b)c)?defg", "defg"),
        (r"pasal\s+\d+", "pasal"),
        (r"\bPihak Kedua\b", "pihak kedua"),
        (r"abc|def", None),  # an alternation: no single literal
        (r"(?i)abc", None),  # inline flags
        (r"(?<![\w-])abc", None),  # look-arounds
        (r"^abc", None),
        (r"\1abc", None),
        (r"a?b?", None),
        (r"(abc", None),
    ],
)
def test_required_literal(pattern: str, literal: str | None) -> None:
    assert required_literal(pattern) == literal


_ATOMS = st.sampled_from(
    ["a", "b", "k", "s", "i", "-", " ", r"\.", r"\b", r"\s", ".", "[ab]", "(ab|c)", "(?:s)"]
)
_QUANT = st.sampled_from(["", "", "", "?", "*", "+", "{1,2}", "??"])
_TEXT = st.text(alphabet="abksiKSIİıſ- .\u212a", max_size=12)


@settings(max_examples=400, deadline=None)
@given(st.lists(st.tuples(_ATOMS, _QUANT), min_size=1, max_size=6), _TEXT)
def test_a_text_without_the_literal_never_matches(atoms: list[tuple[str, str]], text: str) -> None:
    pattern = "".join(a + q for a, q in atoms)
    try:
        re.compile(pattern)
    except re.error:  # "\\b?": the pack loader rejects such patterns
        return
    literal = required_literal(pattern)
    if literal is None:
        return
    low = lower_for_search(text)
    for flags in (0, re.IGNORECASE):
        if re.search(pattern, text, flags):
            assert literal in low, (pattern, text)
            assert may_match(low, ("zzz", literal))


def test_memo_hands_out_fresh_lists() -> None:
    text = "paling lambat 14 (empat belas) hari kalender sesuai Pasal 5 ayat (2)"
    first = quantities.find_number_with_words(text)
    first.clear()
    assert [q.digits for q in quantities.find_number_with_words(text)] == [14]
    refs = references.find_references(text)
    assert [(r.pasal, r.ayat) for r in refs] == [(5, (2,))]
    assert references.find_references(text) is not refs
    _memo.forget()
    assert [q.digits for q in quantities.find_number_with_words(text)] == [14]


def test_long_texts_are_scanned_but_not_remembered() -> None:
    text = "Pasal 3 ayat (1) " + "x" * _memo.MAX_CHARS
    assert [r.pasal for r in references.find_references(text)] == [3]
    assert [h.kind for h in normalize.find_placeholders(text)] == ["x"]


_SCAN_TEXT = st.text(
    alphabet="Pasal pasal AYAT ayat huruf angka Lampiran II (1)(2), dan s.d. - 12345 ab…..$[]{}<>"
    "xX0ddmmyyyy-/tgl(nama)(tanggal)İı\n",
    max_size=60,
)


@settings(max_examples=500, deadline=None)
@given(_SCAN_TEXT)
def test_candidate_scans_equal_the_plain_regex(text: str) -> None:
    """The scanners try their regex only where a match can start: same matches as finditer."""
    spans = [m.span() for m in references._reference_matches(text)]
    plain = [m.span() for m in references._REFERENCE.finditer(text)]
    assert spans == ([] if references.is_pasal_heading(text) is not None else plain)
    spans = [m.span() for m in normalize._placeholder_matches(text)]
    assert spans == [m.span() for m in normalize._PLACEHOLDER.finditer(text)]


_PHRASE_TEXT = st.text(alphabet="Pasal 5 ayat(2) pASAL\u00a0\t\nKİıſsk-.é", max_size=30)
_NEEDLE = st.text(alphabet="Pasal 5 ayat(2) sSkK-.é\t", max_size=12)


@settings(max_examples=600, deadline=None)
@given(_PHRASE_TEXT, _NEEDLE, st.integers(min_value=-2, max_value=32))
def test_find_phrase_equals_the_whitespace_tolerant_regex(
    text: str, needle: str, start: int
) -> None:
    pattern = r"\s+".join(re.escape(part) for part in needle.split())
    expected = None
    if needle.split():
        m = re.compile(pattern, re.IGNORECASE).search(text, start)
        expected = (m.start(), m.end()) if m else None
    assert find_phrase(text, needle, start) == expected


def test_find_phrase_examples() -> None:
    text = "sesuai pasal 5 dan PASAL\u00a0 5 ayat (2)"
    assert find_phrase(text, "Pasal 5") == (7, 14)
    assert find_phrase(text, "Pasal 5", 8) == (19, 27)
    assert find_phrase(text, "pasal 5 ayat (2)") == (19, 36)
    assert find_phrase(text, "   ") is None
    assert find_phrase("Café  Kopi", "café kopi") == (0, 10)
