"""Finding fingerprints that survive edits elsewhere in a draft (baselines, SARIF).

A fingerprint is the first 16 hex digits of sha256 over: the rule id, a *path* (the story, the
part and, inside a pasal, its canonical clause id or else its normalised title; never a pasal,
ayat or block number), the normalised text of the block (numbering labels stripped) plus the
hit's key, and the occurrence index among findings with the same (rule, path, text).
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from collections.abc import Sequence
from typing import Any

_SPACE = re.compile(r"\s+")
# Leading labels whose numbers change when something is inserted above: "Pasal 5", "(2)",
# "b.", "3.", "1.2.", "IV." (manual numbering typed into the text).
_LEADING_LABEL = re.compile(
    r"^(?:pasal\s+\d+\b[.:]?|\(\d+\)|\([a-z]\)|[a-z]\.|\d+(?:\.\d+)*\.(?=\s)|[ivxlc]+\.)\s*"
)


def normalise(text: str) -> str:
    """Lower-case, whitespace collapsed, leading numbering labels removed (repeatedly)."""
    value = _SPACE.sub(" ", text).strip().lower()
    while True:
        stripped = _LEADING_LABEL.sub("", value, count=1)
        if stripped == value:
            return value
        value = stripped


def path_of(story: str, part: str, clause: str | None, pasal_title: str | None) -> str:
    """The fingerprint path: story/part, plus the pasal's clause id or normalised title."""
    path = f"{story}/{part}"
    if part == "pasal":
        path += "/" + (clause or normalise(pasal_title or ""))
    return path


def keyed_fingerprints(bases: Sequence[tuple[str, str, str, str]]) -> tuple[str, ...]:
    """Fingerprints for (rule, path, text, key) bases in document order: identical bases get
    occurrence indexes 0, 1, 2 … in that order. Each hashes rule, path, text + "\x1f" + key (no
    suffix for an empty key; normalised text holds no "\x1f") and the occurrence, joined by
    "\x1f"; the sha256 state after rule, path and text is shared by the findings of one block,
    so a long block is hashed once rather than once per finding."""
    seen: Counter[tuple[str, str, str, str]] = Counter()
    states: dict[tuple[str, str, str], Any] = {}
    out: list[str] = []
    for basis in bases:
        rule, path, text, key = basis
        state = states.get((rule, path, text))
        if state is None:
            state = hashlib.sha256("\x1f".join((rule, path, text)).encode("utf-8"))
            states[(rule, path, text)] = state
        digest = state.copy()
        suffix = ("\x1f" + key if key else "") + "\x1f" + str(seen[basis])
        digest.update(suffix.encode("utf-8"))
        out.append(digest.hexdigest()[:16])
        seen[basis] += 1
    return tuple(out)
