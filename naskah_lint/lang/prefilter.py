"""Cheap exact tests that let a rule skip a regex scan on paragraphs that cannot match.

A regex scan costs ~10-50 ns a character whatever the pattern; most paragraphs hold none of what
a rule looks for. `required_literal` finds a run of plain characters every match of a simple
pattern must contain, and `lower_for_search` lower-cases a text so that a substring test on it
answers "could the case-insensitive regex match here?" exactly (see its docstring);
`matches_at` runs a regex only where such a search says a match can start. `start_literals`
and `required_literals` read those literals from any regex (with alternatives and groups), and
`finditer_from_literals` / `search_from_literals` try a regex only where a match can start.
"""

from __future__ import annotations

import functools
import importlib
import re
import string
from collections.abc import Callable, Iterable, Iterator
from typing import Any

__all__ = [
    "find_all",
    "find_phrase",
    "finditer_from_literals",
    "literal_starts",
    "lower_for_search",
    "matches_at",
    "may_match",
    "required_literal",
    "required_literals",
    "search_from_literals",
    "start_literals",
]

# The only characters that Python's case-insensitive regex matching equates with an ASCII letter
# but str.lower() does not turn into it: dotted and dotless I, and the long s.
_REGEX_FOLD_PAIRS = (("\u0130", "i"), ("\u0131", "i"), ("\u017f", "s"))


def lower_for_search(text: str) -> str:
    """`text` lower-cased so that a word of ASCII letters occurs in it exactly when a
    case-insensitive regex for that word finds it in `text`: a substring test instead of a
    regex scan ("pasal" in lower_for_search(t) <=> re.search("pasal", t, re.IGNORECASE))."""
    if text.isascii():
        return text.lower()
    # three replace scans in C: str.translate with a mapping costs ~50 ns a character
    for char, folded in _REGEX_FOLD_PAIRS:
        if char in text:
            text = text.replace(char, folded)
    return text.lower()


def find_all(low: str, word: str) -> Iterator[int]:
    """Every index where `word` starts in `low`, overlaps included, in order."""
    at = low.find(word)
    while at >= 0:
        yield at
        at = low.find(word, at + 1)


def matches_at(pattern: re.Pattern[str], text: str, starts: Iterable[int]) -> list[re.Match[str]]:
    """What `pattern.finditer(text)` yields when every match of `pattern` starts at one of
    `starts` (ascending): the regex is tried only there (skipping starts inside the last
    match) instead of at every position of the text. A list, not a generator: it runs per
    text for every prefiltered scan, and most texts give none or one match."""
    found: list[re.Match[str]] = []
    match = pattern.match
    end = 0
    for start in starts:
        if start < end:
            continue
        m = match(text, start)
        if m is not None:
            found.append(m)
            end = m.end()
    return found


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


@functools.lru_cache(maxsize=512)
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


_ZERO_WIDTH = ("AT", "ASSERT", "ASSERT_NOT")  # opcodes that match no character
_REPEATS = ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT")


def _lowered_literal(char: str) -> str | None:
    """What `lower_for_search` makes of every character a regex literal `char` matches, in
    any case (None when that is not one known character: a non-ASCII letter)."""
    if char.lower() == char.upper():
        return char  # no case: it matches itself only
    return char.lower() if char.isascii() else None


def _literal_run(items: list[Any], i: int) -> tuple[str, int]:
    """The run of known literal characters from item `i` (as `lower_for_search` gives them)
    and the index after it; "" when item `i` is not one."""
    run: list[str] = []
    while i < len(items) and str(items[i][0]) == "LITERAL":
        char = _lowered_literal(chr(items[i][1]))
        if char is None:
            break
        run.append(char)
        i += 1
    return "".join(run), i


def _start_literals(items: list[Any]) -> set[str] | None:
    """Literals (as `lower_for_search` gives them) one of which starts every match of the
    parsed items; None when unsure (a class range, a category, ".", a back-reference ...)."""
    i, n = 0, len(items)  # (opcodes are compared by name: the parser's own constants)
    while i < n and str(items[i][0]) in _ZERO_WIDTH:
        i += 1  # \b, look-arounds: the match goes on at the same position
    if i == n:
        return None  # may match the empty string
    op, av = str(items[i][0]), items[i][1]
    if op == "LITERAL":
        run, _ = _literal_run(items, i)
        return {run} if run else None
    if op == "IN":
        found: set[str] = set()
        for item_op, item in av:
            char = _lowered_literal(chr(item)) if str(item_op) == "LITERAL" else None
            if char is None:
                return None  # a range, a category, a negated class
            found.add(char)
        return found
    if op == "BRANCH":
        found = set()
        for branch in av[1]:
            starts = _start_literals(list(branch))
            if starts is None:
                return None
            found |= starts
        return found
    if op == "SUBPATTERN":
        return _start_literals(list(av[3]))
    if op in _REPEATS:
        inner = _start_literals(list(av[2]))
        if av[0] >= 1 or inner is None:
            return inner
        rest = _start_literals(items[i + 1 :])  # optional: the match may start after it
        return None if rest is None else inner | rest
    return None


def _required_literals(items: list[Any]) -> set[str] | None:
    """Literals (as `lower_for_search` gives them) one of which every match of the parsed
    items contains; of the sequence's required parts, the one whose shortest literal is the
    longest. None when no part is known to need a literal."""
    candidates: list[set[str]] = []
    i, n = 0, len(items)
    while i < n:
        op, av = str(items[i][0]), items[i][1]
        found: set[str] | None = None
        if op == "LITERAL":
            run, i = _literal_run(items, i)
            if run:
                candidates.append({run})
                continue
        elif op == "SUBPATTERN":
            found = _required_literals(list(av[3]))
        elif op == "BRANCH":
            found = set()
            for branch in av[1]:
                needed = _required_literals(list(branch))
                if needed is None:
                    found = None
                    break
                found |= needed
        elif op in _REPEATS and av[0] >= 1:
            found = _required_literals(list(av[2]))
        if found:
            candidates.append(found)
        i += 1  # anything else (classes, look-arounds, optional parts) needs no literal
    if not candidates:
        return None
    return max(candidates, key=lambda c: (min(map(len, c)), -len(c)))


def _read_pattern(
    reader: Callable[[list[Any]], set[str] | None], pattern: str, flags: int
) -> set[str] | None:
    """`reader` applied to the parsed `pattern`; None when unsure (LOCALE or VERBOSE flags,
    an unusual pattern, another Python's parser)."""
    if flags & (re.LOCALE | re.VERBOSE):
        return None
    try:
        return reader(list(importlib.import_module("re._parser").parse(pattern, flags)))
    except Exception:
        return None


@functools.lru_cache(maxsize=512)
def required_literals(pattern: str, flags: int = 0) -> tuple[str, ...] | None:
    r"""Literals one of which every match of `pattern` (compiled with `flags`) contains, as
    `lower_for_search` writes them: a text whose `lower_for_search` holds none of them has no
    match. None when that is not simply known. r"\(\s*(?:coret|pilih)[^()]*\)" ->
    ("coret", "pilih")."""
    found = _read_pattern(_required_literals, pattern, flags)
    return tuple(sorted(found)) if found and all(found) else None


@functools.lru_cache(maxsize=512)
def start_literals(pattern: str, flags: int = 0) -> tuple[str, ...] | None:
    r"""Literals one of which every match of `pattern` (compiled with `flags`) starts with, as
    `lower_for_search` writes them: where a match starts, `lower_for_search(text)` holds one of
    them. None when that is not simply known (the pattern may match "" or start with ".", a
    range, a category ...). r"(berlaku|jangka\s+waktu)" -> ("berlaku", "jangka");
    r"\(\s*coret" -> ("(",)."""
    found = _read_pattern(_start_literals, pattern, flags)
    return tuple(sorted(found)) if found else None


def literal_starts(literals: tuple[str, ...], low: str) -> list[int]:
    """Every index of `low` where one of the literals starts, ascending, no repeats."""
    # `find_all` inlined, and an absent literal costs one `in` test: this runs per text for
    # every prefiltered scan, and most texts hold none of most literals
    starts: list[int] = []
    find = low.find
    for literal in literals:
        if literal in low:
            at = find(literal)
            while at >= 0:
                starts.append(at)
                at = find(literal, at + 1)
    return sorted(set(starts)) if len(starts) > 1 and len(literals) > 1 else starts


def finditer_from_literals(
    pattern: re.Pattern[str],
    text: str,
    low: str | None = None,
    literals: tuple[str, ...] | None = None,
) -> list[re.Match[str]]:
    """What `pattern.finditer(text)` yields, the regex tried only where one of its
    `start_literals` occurs (`low`: `lower_for_search(text)` when the caller has it): a few
    `str.find` calls instead of a regex scan of every character. `literals`: those of the
    start literals worth looking for (a caller may leave out what the text cannot hold)."""
    if literals is None:
        literals = start_literals(pattern.pattern, pattern.flags)
    if literals is None:
        return list(pattern.finditer(text))
    starts = literal_starts(literals, lower_for_search(text) if low is None else low)
    return matches_at(pattern, text, starts)


def search_from_literals(
    pattern: re.Pattern[str],
    text: str,
    low: str | None = None,
    literals: tuple[str, ...] | None = None,
) -> re.Match[str] | None:
    """What `pattern.search(text)` finds, the regex tried only where one of its
    `start_literals` occurs (see `finditer_from_literals`)."""
    if literals is None:
        literals = start_literals(pattern.pattern, pattern.flags)
    if literals is None:
        return pattern.search(text)
    starts = literal_starts(literals, lower_for_search(text) if low is None else low)
    for start in starts:  # the first match only (`matches_at` would find them all)
        m = pattern.match(text, start)
        if m is not None:
            return m
    return None


def may_match(low: str, literals: tuple[str, ...]) -> bool:
    """Whether a text (as `lower_for_search` gives it) holds any of the literals."""
    return any(map(low.__contains__, literals))


@functools.lru_cache(maxsize=1024)
def _phrase_pattern(needle: str) -> re.Pattern[str]:
    """The case-insensitive, whitespace-tolerant regex of a phrase."""
    return re.compile(r"\s+".join(re.escape(part) for part in needle.split()), re.IGNORECASE)


def find_phrase(
    text: str, needle: str, start: int = 0, low: str | None = None
) -> tuple[int, int] | None:
    r"""The span of the first occurrence of `needle` in `text` at or after `start`, in any case
    and with any whitespace between its words, as `re.search` finds it with the words joined by
    r"\s+" and re.IGNORECASE; None if absent or `needle` has no words. An ASCII needle is found
    with substring searches (no regex to compile per needle: a cold start compiles none); `low`
    is `lower_for_search(text)` when the caller has it already."""
    parts = needle.split()
    if not parts:
        return None
    if not needle.isascii():
        m = _phrase_pattern(" ".join(parts)).search(text, start)
        return (m.start(), m.end()) if m else None
    if low is None:
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
