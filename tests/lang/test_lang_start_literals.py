"""Literal anchors read from a regex: start_literals gives what every match starts with and
required_literals what every match holds (as lower_for_search writes them), so that the
regex is tried only where a literal occurs; finditer/search from the literals equal the plain
regex on any text; the memo's shared tuples are the remembered results."""

from __future__ import annotations

import _sre
import re
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from naskah_lint.lang import _memo, money, ordinals, quantities
from naskah_lint.lang.prefilter import (
    finditer_from_literals,
    lower_for_search,
    required_literals,
    search_from_literals,
    start_literals,
)


@pytest.mark.parametrize(
    ("pattern", "flags", "expected"),
    [
        (
            r"\b(berlaku|jangka\s+waktu|selama)\b[^.;]{0,80}?\)",
            re.I,
            ("berlaku", "jangka", "selama"),
        ),
        (r"\b(ber)?materai\b", re.I, ("ber", "materai")),
        (r"[Pp](?<!\w[Pp])(?i:IHAK)", 0, ("p",)),
        (r"(?:\(\s*coret)|(?:\*\)\s*isi)", re.I, ("(", "*)")),
        (r"(?<![\w-])(Nota\s+Kesepahaman|MoU)\s+ini\b", re.I, ("mou", "nota")),
        (r"a?b", 0, ("a", "b")),
        (r"x+y", 0, ("x",)),
        (r"É", 0, None),  # a non-ASCII letter: its case rules are not str.lower's
        (r"", 0, None),
        (r"x*", 0, None),
        (r"\d+x", 0, None),
        (r"ab|", 0, None),
        (r".b", 0, None),
        (r"[a-c]b", 0, None),
        (r"(a)\1", 0, ("a",)),
    ],
)
def test_start_literals(pattern: str, flags: int, expected: tuple[str, ...] | None) -> None:
    assert start_literals(pattern, flags) == expected


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        (r"\(\s*(?:coret|pilih)\b[^()]*\)", ("coret", "pilih")),
        (r"\b(ber)?materai\b", ("materai",)),
        (r"\b(be)?kerja-?sama(nya)?\b", ("kerja",)),
        (r"(?!abc)d", ("d",)),
        (r"a|", None),
        (r"x*", None),
        (r"", None),
    ],
)
def test_required_literals(pattern: str, expected: tuple[str, ...] | None) -> None:
    assert required_literals(pattern, re.I) == expected


def test_uncased_literals_match_only_themselves() -> None:
    """An uncased literal (lower() == upper()) is compiled as a plain literal, also under
    IGNORECASE: lower_for_search leaves it as it is."""
    for cp in range(sys.maxunicode + 1):
        c = chr(cp)
        if c.lower() == c.upper():
            assert not _sre.unicode_iscased(cp), hex(cp)
            if not 0xD800 <= cp <= 0xDFFF:
                assert lower_for_search(c) == c, hex(cp)


_ATOMS = st.sampled_from(
    [
        "a",
        "b",
        "k",
        "s",
        "i",
        "(",
        "-",
        " ",
        r"\.",
        r"\b",
        r"\s",
        ".",
        "[ab]",
        "[(k]",
        "(ab|c)",
        "(?:s|ki)",
        "(?<!a)",
        "(?=b)",
        r"\d",
    ]
)
_QUANT = st.sampled_from(["", "", "", "?", "*", "+", "{1,2}", "??"])
_TEXT = st.text(alphabet="abksiKSIİıſ-( .\u212a1", max_size=14)


@settings(max_examples=600, deadline=None)
@given(st.lists(st.tuples(_ATOMS, _QUANT), min_size=1, max_size=6), _TEXT)
def test_literal_anchored_scans_equal_the_plain_regex(
    atoms: list[tuple[str, str]], text: str
) -> None:
    pattern = "".join(a + q for a, q in atoms)
    for flags in (0, re.IGNORECASE):
        try:
            rx = re.compile(pattern, flags)
        except re.error:
            return
        plain = [(m.span(), m.groups()) for m in rx.finditer(text)]
        low = lower_for_search(text)
        assert [(m.span(), m.groups()) for m in finditer_from_literals(rx, text, low)] == plain
        assert [(m.span(), m.groups()) for m in finditer_from_literals(rx, text)] == plain
        found = search_from_literals(rx, text, low)
        assert (found.span() if found else None) == (plain[0][0] if plain else None)
        needed = required_literals(rx.pattern, rx.flags)
        if plain and needed is not None:
            assert any(literal in low for literal in needed), (pattern, text)


def test_shared_gives_the_remembered_tuple() -> None:
    text = "paling lambat 14 (empat belas) hari kalender"
    tuples = _memo.shared(quantities.find_number_with_words)
    first = tuples(text)
    assert isinstance(first, tuple)
    assert [q.digits for q in first] == [14]
    assert tuples(text) is first  # remembered, not copied
    assert list(first) == quantities.find_number_with_words(text)
    bare = _memo.shared(quantities.find_bare_quantities)  # not a memo: wrapped in a tuple
    assert bare("selama 3 bulan") == (("3 bulan", (7, 14), 3, "bulan"),)


def test_literals_given_by_the_caller() -> None:
    rx = re.compile(r"\b(?:nota|mou)\s+ini\b", re.IGNORECASE)
    text = "MoU ini dan Nota ini"
    assert [m.group(0) for m in finditer_from_literals(rx, text, literals=("mou",))] == ["MoU ini"]
    assert finditer_from_literals(rx, text, literals=()) == []


_NEEDS_TEXT = st.text(
    alphabet="Rr Pp İıſ pihak PIHAK KEDUA kesatu 10.000,00 (sepuluh ribu)", max_size=40
)


@settings(max_examples=400, deadline=None)
@given(_NEEDS_TEXT)
def test_what_every_finding_holds(text: str) -> None:
    """A text without the stated literal has no finding: callers skip the scan on it."""
    low = lower_for_search(text)
    if money.find_rupiah(text):
        assert money.RUPIAH_NEEDS in low
    if ordinals.find_party_aliases(text):
        assert ordinals.ALIAS_NEEDS in low
    for sample in ("Rp10.000,00 (sepuluh ribu rupiah)", "PIHAK KEDUA", "pihak ke-2"):
        assert money.find_rupiah(sample) or ordinals.find_party_aliases(sample)


def test_duration_gates_are_the_patterns_start_literals() -> None:
    # find_duration tries a duration regex only on a text holding one of these words
    for pattern, starts in quantities._DURATION_PATTERNS:
        compiled = pattern()
        assert start_literals(compiled.pattern, compiled.flags) == starts


def test_lazy_regex_compiles_once() -> None:
    from naskah_lint.lang._lazy import lazy_regex

    accessor = lazy_regex(r"\bpasal\s+\d+", re.IGNORECASE)
    compiled = accessor()
    assert compiled is accessor()
    assert compiled.pattern == r"\bpasal\s+\d+" and compiled.flags & re.IGNORECASE
