"""`_lampiran_mentions` (one lower-cased scan, then the regex) agrees with the regex per line."""

from __future__ import annotations

import pytest

from naskah_lint.model import Block, Story
from naskah_lint.outline.closing import _LAMPIRAN_REF, _lampiran_mentions
from naskah_lint.outline.lines import Line, clean


def _lines(texts: list[str]) -> list[Line]:
    return [
        Line(i + 1, 0, text, clean(text), Block(Story.BODY, i + 1, text))
        for i, text in enumerate(texts)
    ]


@pytest.mark.parametrize(
    ("texts", "expected"),
    [
        (["Pasal 1", "sebagaimana tercantum dalam Lampiran I", "LAMPIRAN"], [2, 3]),
        (["lampirannya dikirim", "xlampiran", "Lamp iran"], []),
        (["LAMPİRAN II", "lampıran", "ſebagaimana Lampiran"], [1, 2, 3]),
        (["", "tanpa", ""], []),
    ],
)
def test_lampiran_mentions(texts: list[str], expected: list[int]) -> None:
    lines = _lines(texts)
    assert _lampiran_mentions(lines) == expected
    by_regex = sorted({line.block for line in lines if _LAMPIRAN_REF.search(line.text)})
    assert by_regex == expected
