"""Cheap exact tests that let a rule skip a regex scan on paragraphs that cannot match.

A regex scan costs ~10-50 ns a character whatever the pattern; most paragraphs hold none of what
a rule looks for. `required_literal` finds a run of plain characters every match of a simple
pattern must contain, and `lower_for_search` lower-cases a text so that a substring test on it
answers "could the case-insensitive regex match here?" exactly (see its docstring);
`matches_at` runs a regex only where such a search says a match can start.
"""

from __future__ import annotations

import functools
import re
import string
from collections.abc import Iterable, Iterator

__all__ = [
    "find_all",
    "find_phrase",
    "lower_for_search",
    "matches_at",
    "may_match",
    "required_literal",
]

# The only characters that Python's case-insensitive regex matching equates with an ASCII letter
# but str.lower() does not turn into it: dotted and dotless I, and the long s.
_REGEX_FOLD = str.maketrans({"\u0130": "i", "\u0131": "i", "\u017f": "s"})


def lower_for_search(text: str) -> str:
    """`text` lower-cased so that a word of ASCII letters occurs in it exactly when a
    case-insensitive regex for that word finds it in `text`: a substring test instead of a
    regex scan ("pasal" in lower_for_search(t) <=> re.search("pasal", t, re.IGNORECASE))."""
    return text.translate(_REGEX_FOLD).lower() if not text.isascii() else text.lower()


def find_all(low: str, word: str) -> Iterator[int]:
    """Every index where `word` starts in `low`, overlaps included, in order."""
    at = low.find(word)
    while at >= 0:
        yield at
        at = low.find(word, at + 1)


def matches_at(
    pattern: re.Pattern[str], text: str, starts: Iterable[int]
) -> Iterator[re.Match[str]]:
    """What `pattern.finditer(text)` yields when every match of `pattern` starts at one of
    `starts`: the regex is tried only there (in order, skipping starts inside the last match)
    instead of at every position of the text."""
    end = 0
    for start in sorted(set(starts)):
        if start < end:
            continue
        m = pattern.match(text, start)
        if m is not None:
            yield m
            end = m.end()


# Characters that match themselves outside a class (no case to fold but for the letters).
_PLAIN = frozenset(string.ascii_letters + string.digits + " -,:;'\"/=!@%&~<>")
_ESCAPED_PLAIN = frozenset(".-/,:;'\"")  # "\." matches a dot, and so on
_ESCAPED_GAPS = frozenset("bBsSdDwW")  # \b, \s, ...: not a character of a literal
_QUANTIFIERS = frozenset("?*+{")


def _skip_class(pattern: str, i: int) -> int | None:
    """The index after the character class that starts at `pattern[i]` ("["), None if open."""
    j = i + 1
    if pattern.startswith("^", j):
        j += 1
    if pattern.startswith("]", j):
        j += 1  # "[]...]" and "[^]...]": a leading "]" is a character
    while j < len(pattern):
        if pattern[j] == "\\":
            j += 2
        elif pattern[j] == "]":
            return j + 1
        else:
            j += 1
    return None


def _skip_group(pattern: str, i: int) -> int | None:
    """The index after the group that starts at `pattern[i]` ("("), None if unbalanced or if
    it is not a plain or named group (look-arounds, inline flags, conditionals)."""
    if pattern.startswith("(?", i) and not pattern.startswith(("(?:", "(?P<"), i):
        return None
    depth, j = 0, i
    while j < len(pattern):
        ch = pattern[j]
        if ch == "\\":
            j += 2
            continue
        if ch == "[":
            end = _skip_class(pattern, j)
            if end is None:
                return None
            j = end
            continue
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
            if depth == 0:
                return j + 1
        j += 1
    return None


def _skip_quantifier(pattern: str, i: int) -> int | None:
    """The index after a quantifier at `pattern[i]` (with its lazy "?" or possessive "+")."""
    if pattern[i] == "{":
        close = pattern.find("}", i)
        if close < 0:
            return None
        i = close + 1
    else:
        i += 1
    return i + 1 if pattern.startswith(("?", "+"), i) else i


def _runs(pattern: str) -> list[str] | None:
    """The runs of plain characters at the top level of `pattern` (None if unsure). Groups,
    classes, "." and quantified characters are gaps between runs."""
    runs: list[str] = []
    current: list[str] = []
    i, n = 0, len(pattern)
    while i < n:
        ch = pattern[i]
        char: str | None = None  # the one character this atom matches, None for a gap
        if ch == "|":
            return None  # an alternation at the top level: no single literal
        if ch == "\\":
            following = pattern[i + 1 : i + 2]
            if following in _ESCAPED_PLAIN and following:
                char = following
            elif not (following in _ESCAPED_GAPS and following):
                return None  # back-references, \A, \Z, character escapes ...
            end: int | None = i + 2
        elif ch in _PLAIN:
            char, end = ch, i + 1
        elif ch == "(":
            end = _skip_group(pattern, i)
        elif ch == "[":
            end = _skip_class(pattern, i)
        elif ch == ".":
            end = i + 1
        else:
            return None  # "^", "$", a stray ")" or quantifier, anything else: unsure
        if end is None:
            return None
        if end < n and pattern[end] in _QUANTIFIERS:
            char = None  # may be absent or repeated: a gap
            end = _skip_quantifier(pattern, end)
            if end is None:
                return None
        if char is None:
            if current:
                runs.append("".join(current))
                current = []
        else:
            current.append(char)
        i = end
    if current:
        runs.append("".join(current))
    return runs


def required_literal(pattern: str) -> str | None:
    """The longest run of plain characters (letters, digits, spaces, escaped punctuation) that
    every match of `pattern` contains, lower-cased; None when the pattern is not simple enough
    to tell (a top-level "|", inline flags, look-arounds, "^") or has no such run. For patterns
    compiled without re.VERBOSE (where a space is a space).
    r"\\b(ber)?materai\\b" -> "materai"; r"\\b(be)?kerja-?sama(nya)?\\b" -> "kerja"."""
    runs = _runs(pattern)
    if not runs:
        return None
    best = max(runs, key=len)
    return best.lower() if best.strip() else None


def may_match(low: str, literals: tuple[str, ...]) -> bool:
    """Whether a text (as `lower_for_search` gives it) holds any of the literals."""
    return any(map(low.__contains__, literals))


@functools.lru_cache(maxsize=1024)
def _phrase_pattern(needle: str) -> re.Pattern[str]:
    """The case-insensitive, whitespace-tolerant regex of a phrase."""
    return re.compile(r"\s+".join(re.escape(part) for part in needle.split()), re.IGNORECASE)


def find_phrase(text: str, needle: str, start: int = 0) -> tuple[int, int] | None:
    r"""The span of the first occurrence of `needle` in `text` at or after `start`, in any case
    and with any whitespace between its words, as `re.search` finds it with the words joined by
    r"\s+" and re.IGNORECASE; None if absent or `needle` has no words. An ASCII needle is found
    with substring searches (no regex to compile per needle: a cold start compiles none)."""
    parts = needle.split()
    if not parts:
        return None
    if not needle.isascii():
        m = _phrase_pattern(" ".join(parts)).search(text, start)
        return (m.start(), m.end()) if m else None
    low = lower_for_search(text)
    words = [part.lower() for part in parts]
    first = words[0]
    at = low.find(first, max(start, 0))
    while at >= 0:
        end = at + len(first)
        for word in words[1:]:
            gap = end
            while gap < len(low) and low[gap].isspace():
                gap += 1
            if gap == end or not low.startswith(word, gap):
                break
            end = gap + len(word)
        else:
            return at, end
        at = low.find(first, at + 1)
    return None
