"""Indonesian number words (terbilang) in both directions, for "N (words)" and rupiah checks.

The parser accepts the canonical forms (``sebelas``, ``seratus``, ``seribu``) and the tolerated
ones a drafter may type (``satu ratus``, ``se-ribu``, ``milyar``, ``Dua Puluh``), but rejects
anything that is not a well-formed number phrase: scales must descend (``juta`` before
``ribu``), each scale group is below one thousand, and no word may be left over.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from naskah_lint.lang._lazy import lazy_regex

__all__ = [
    "MAX_WORDS_VALUE",
    "NUMBER_WORDS",
    "NumberWords",
    "find_number_words",
    "int_to_words",
    "is_number_word",
    "words_to_decimal",
    "words_to_int",
]

#: `int_to_words` handles 0 .. MAX_WORDS_VALUE inclusive.
MAX_WORDS_VALUE = 10**15 - 1

_DIGITS: dict[str, int] = {
    "nol": 0,
    "kosong": 0,
    "satu": 1,
    "dua": 2,
    "tiga": 3,
    "empat": 4,
    "lima": 5,
    "enam": 6,
    "tujuh": 7,
    "delapan": 8,
    "sembilan": 9,
}
_DIGIT_WORDS = (
    "nol",
    "satu",
    "dua",
    "tiga",
    "empat",
    "lima",
    "enam",
    "tujuh",
    "delapan",
    "sembilan",
)

# Small multipliers inside a group of three digits.
_SMALL = {"belas": 0, "puluh": 10, "ratus": 100}
# Scale words between groups, with their value.
_SCALES: dict[str, int] = {
    "ribu": 10**3,
    "juta": 10**6,
    "miliar": 10**9,
    "milyar": 10**9,
    "triliun": 10**12,
    "trilyun": 10**12,
}
_SCALE_NAMES = ((10**12, "triliun"), (10**9, "miliar"), (10**6, "juta"), (10**3, "ribu"))

# Words built with the "se-" (one) prefix.
_SE_WORDS: dict[str, str] = {
    "sebelas": "belas",
    "sepuluh": "puluh",
    "seratus": "ratus",
    "seribu": "ribu",
    "sejuta": "juta",
    "semiliar": "miliar",
    "semilyar": "miliar",
    "setriliun": "triliun",
    "setrilyun": "triliun",
}

#: Every word that can be part of a number phrase (lower case).
NUMBER_WORDS: frozenset[str] = frozenset(
    [*_DIGITS, *_SMALL, *_SCALES, *_SE_WORDS, "se"],
)

_SPLIT = re.compile(r"[\s\-‐‑–]+")

# Token kinds after expansion.
_D = "d"  # a digit 0..9 (value)
_SE = "se"  # the "se-" prefix: a 1 that must be followed by a multiplier
_M = "m"  # belas / puluh / ratus
_S = "s"  # a scale (value)


@dataclass(frozen=True, slots=True)
class NumberWords:
    """A run of Indonesian number words found in text, with its value."""

    text: str
    span: tuple[int, int]
    value: int


def is_number_word(word: str) -> bool:
    """True when `word` (any case) is one of the number vocabulary words."""
    return word.lower() in NUMBER_WORDS


def _tokens(text: str) -> list[tuple[str, int | str]] | None:
    """Lower-case, split on spaces and hyphens and expand "se-" words; None on a foreign word."""
    out: list[tuple[str, int | str]] = []
    for word in _SPLIT.split(text.strip().lower()):
        if not word:
            continue
        if word in _DIGITS:
            out.append((_D, _DIGITS[word]))
        elif word in _SE_WORDS:
            out.append((_SE, 1))
            mult = _SE_WORDS[word]
            out.append((_S, _SCALES[mult]) if mult in _SCALES else (_M, mult))
        elif word == "se":
            out.append((_SE, 1))
        elif word in _SMALL:
            out.append((_M, word))
        elif word in _SCALES:
            out.append((_S, _SCALES[word]))
        else:
            return None
    return out


def _parse_group(toks: list[tuple[str, int | str]], i: int) -> tuple[int, int] | None:
    """Parse one group below a thousand starting at `i`; return (value, next index)."""
    n = len(toks)

    def digit_then(mult: str, j: int) -> int | None:
        if j + 1 < n and toks[j][0] in (_D, _SE) and toks[j + 1] == (_M, mult):
            value = toks[j][1]
            assert isinstance(value, int)
            return value if value > 0 else None
        return None

    start = i
    value = 0
    hundreds = digit_then("ratus", i)
    if hundreds is not None:
        value += hundreds * 100
        i += 2
    tens = digit_then("puluh", i)
    teen = digit_then("belas", i)
    if tens is not None:
        value += tens * 10
        i += 2
        if i < n and toks[i][0] == _D and (i + 1 >= n or toks[i + 1][0] != _M):
            unit = toks[i][1]
            assert isinstance(unit, int)
            if unit == 0:
                return None
            value += unit
            i += 1
    elif teen is not None:
        value += 10 + teen
        i += 2
    elif i < n and toks[i][0] == _D and (i + 1 >= n or toks[i + 1][0] != _M):
        unit = toks[i][1]
        assert isinstance(unit, int)
        if unit == 0 and i > start:
            return None
        value += unit
        i += 1
    elif i == start and i + 1 < n and toks[i][0] == _SE and toks[i + 1][0] == _S:
        value = 1  # "sejuta", "se-ribu": the prefix is the whole group
        i += 1
    if i == start:
        return None
    return value, i


def _parse_tokens(toks: list[tuple[str, int | str]]) -> int | None:
    """Compose groups and descending scales into one integer; None if anything is left over."""
    if not toks:
        return None
    if toks == [(_D, 0)]:
        return 0
    total = 0
    last_scale = 10**18
    i = 0
    n = len(toks)
    while i < n:
        parsed = _parse_group(toks, i)
        if parsed is None:
            return None
        value, i = parsed
        if value == 0:
            return None
        if i < n and toks[i][0] == _S:
            scale = toks[i][1]
            assert isinstance(scale, int)
            if scale >= last_scale:
                return None
            total += value * scale
            last_scale = scale
            i += 1
            continue
        if i != n:
            return None
        total += value
    return total


def words_to_int(text: str) -> int | None:
    """Indonesian number words -> int ("dua puluh lima" -> 25); None if not a clean number phrase.

    Tolerates case, extra spaces and hyphens ("se-ribu", "dua-puluh"); "rupiah" or any other
    non-number word makes the result None (strip units before calling).
    """
    toks = _tokens(text)
    if toks is None:
        return None
    return _parse_tokens(toks)


def words_to_decimal(text: str) -> Decimal | None:
    """Number words with an optional "koma" part -> Decimal ("dua koma lima" -> 2.5).

    After "koma" the digits are normally read one by one ("satu koma nol lima" -> 1.05); a
    composed number is read as its digit string ("dua koma dua puluh lima" -> 2.25).
    """
    parts = re.split(r"(?i)\bkoma\b", text)
    if len(parts) > 2:
        return None
    whole = words_to_int(parts[0])
    if whole is None:
        return None
    if len(parts) == 1:
        return Decimal(whole)
    frac_words = [w for w in _SPLIT.split(parts[1].strip().lower()) if w]
    scale = 1
    if len(frac_words) > 1 and frac_words[-1] in _SCALES:
        scale = _SCALES[frac_words.pop()]  # "satu koma lima miliar" = 1.5 x 10^9
    if not frac_words:
        return None
    if all(w in _DIGITS for w in frac_words):
        digits = "".join(str(_DIGITS[w]) for w in frac_words)
    else:
        frac = words_to_int(" ".join(frac_words))
        if frac is None:
            return None
        digits = str(frac)
    return Decimal(f"{whole}.{digits}") * scale


def _group_words(n: int) -> list[str]:
    """Words for 1..999."""
    words: list[str] = []
    hundreds, rest = divmod(n, 100)
    if hundreds == 1:
        words.append("seratus")
    elif hundreds:
        words += [_DIGIT_WORDS[hundreds], "ratus"]
    if rest == 10:
        words.append("sepuluh")
    elif rest == 11:
        words.append("sebelas")
    elif 12 <= rest <= 19:
        words += [_DIGIT_WORDS[rest - 10], "belas"]
    elif rest >= 20:
        tens, unit = divmod(rest, 10)
        words += [_DIGIT_WORDS[tens], "puluh"]
        if unit:
            words.append(_DIGIT_WORDS[unit])
    elif rest:
        words.append(_DIGIT_WORDS[rest])
    return words


def int_to_words(n: int) -> str:
    """int -> canonical lower-case Indonesian words (1500000 -> "satu juta lima ratus ribu").

    Raises ValueError outside 0 .. 10^15 - 1.
    """
    if isinstance(n, bool) or not isinstance(n, int):
        raise ValueError(f"not an integer: {n!r}")
    if n < 0 or n > MAX_WORDS_VALUE:
        raise ValueError(f"out of range for terbilang: {n}")
    if n == 0:
        return "nol"
    words: list[str] = []
    rest = n
    for scale, name in _SCALE_NAMES:
        group, rest = divmod(rest, scale)
        if group == 1 and scale == 1000:
            words.append("seribu")
        elif group:
            words += [*_group_words(group), name]
    if rest:
        words += _group_words(rest)
    return " ".join(words)


# compiled on first use: most runs look for no number words in free text
_WORD_RUN = lazy_regex(
    r"(?<![\w-])(?:"
    + "|".join(sorted(NUMBER_WORDS - {"se"}, key=len, reverse=True))
    + r"|se(?=[-‐‑]))(?:[\s\-‐‑]+(?:"
    + "|".join(sorted(NUMBER_WORDS - {"se"}, key=len, reverse=True))
    + r"))*(?![\w-])",
    re.IGNORECASE,
)


_MAX_RUN = 40  # no real number phrase is longer; bounds the work on pathological text


def find_number_words(text: str) -> list[NumberWords]:
    """Every maximal run of number words in `text` that parses, longest parse first.

    A run that does not parse as a whole ("satu dua") is split into the longest parseable
    prefixes, left to right, so each piece is reported on its own.
    """
    found: list[NumberWords] = []
    for match in _WORD_RUN().finditer(text):
        words = [
            (m.group(0), match.start() + m.start(), match.start() + m.end())
            for m in re.finditer(r"[^\s\-‐‑]+", match.group(0))
        ]
        toks = [_tokens(w) or [] for w, _, _ in words]
        i = 0
        while i < len(words):
            for j in range(min(len(words), i + _MAX_RUN), i, -1):
                start, end = words[i][1], words[j - 1][2]
                value = _parse_tokens([t for per_word in toks[i:j] for t in per_word])
                if value is not None:
                    found.append(NumberWords(text[start:end], (start, end), value))
                    i = j
                    break
            else:
                i += 1
    return found
