"""`find_reference_targets`: what `find_references` finds, one target per ayat and huruf."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from naskah_lint.lang.references import Target, find_reference_targets, find_references

TEXTS = [
    "sebagaimana dimaksud dalam Pasal 5 ayat (2) huruf b.",
    "Pasal 3 sampai dengan Pasal 5",
    "ayat (1) sampai dengan ayat (3) dan huruf a sampai dengan huruf c",
    "sebagaimana dimaksud dalam Lampiran I dan Pasal 4 ayat (1) huruf a angka 2",
    "pada ayat (1), (2) dan ayat (4)",
    "PASAL 5 MAKSUD DAN TUJUAN",
    "Pasal 5",
    "Nomor 12/2024",
    "",
]


def _expected(text: str) -> tuple[Target, ...]:
    """The targets as read from `find_references`, one per ayat and huruf named."""
    return tuple(
        Target(ref.text, ref.pasal, ayat, huruf, ref.pasal_to, ref.lampiran)
        for ref in find_references(text)
        for ayat in (ref.ayat or (None,))
        for huruf in (ref.huruf or (None,))
    )


@pytest.mark.parametrize("text", TEXTS)
def test_targets_follow_references(text: str) -> None:
    assert find_reference_targets(text) == _expected(text)


def test_targets_expand_lists() -> None:
    assert find_reference_targets("Pasal 5 ayat (1) huruf a dan huruf b") == (
        Target("Pasal 5 ayat (1) huruf a dan huruf b", 5, 1, "a", None, False),
        Target("Pasal 5 ayat (1) huruf a dan huruf b", 5, 1, "b", None, False),
    )


_WORDS = [
    "Pasal",
    "pasal",
    "ayat",
    "(1)",
    "(2)",
    "huruf",
    "a",
    "c",
    "angka",
    "2",
    "3",
    "dan",
    "sampai dengan",
    "s.d.",
    "Lampiran",
    "I",
    ",",
    "-",
    "x",
    "\n",
]


@given(st.lists(st.sampled_from(_WORDS), max_size=12))
def test_targets_agree_on_reference_like_text(words: list[str]) -> None:
    text = " ".join(words)
    assert find_reference_targets(text) == _expected(text)
