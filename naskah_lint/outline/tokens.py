"""spaCy's Indonesian tokenizer, built the cheap way, for pasal without a title.

`spacy.blank("id")` spends ~1.7 s compiling ~16,000 hyphenated tokenizer exceptions; a Language
subclass whose defaults drop them (and the letter-hyphen-letter infix, so "kerja-sama" stays one
token) builds in ~25 ms. spaCy is imported only here, only when a pasal has no title, and the
pipeline is built once per process.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping, Sequence
from typing import Any

from naskah_lint.outline.clauses import NO_MATCH, ClauseMatch


@functools.lru_cache(maxsize=1)
def indonesian() -> Any:
    """A blank Indonesian pipeline (tokenizer only) without the hyphenated exceptions."""
    from spacy.lang.char_classes import ALPHA
    from spacy.lang.id import IndonesianDefaults
    from spacy.lang.id.punctuation import TOKENIZER_INFIXES  # type: ignore[attr-defined]
    from spacy.lang.id.tokenizer_exceptions import TOKENIZER_EXCEPTIONS
    from spacy.language import Language

    after_letter = f"(?<=[{ALPHA}])"

    def keep_infix(pattern: str) -> bool:
        """False for the infixes that split a hyphen between two letters."""
        if not (pattern.startswith(after_letter) and pattern.endswith(f"[{ALPHA}])")):
            return True
        return "-" not in pattern[len(after_letter) : len(after_letter) + 12]

    defaults = type(
        "CheapIndonesianDefaults",
        (IndonesianDefaults,),
        {
            "tokenizer_exceptions": {k: v for k, v in TOKENIZER_EXCEPTIONS.items() if "-" not in k},
            "infixes": [p for p in TOKENIZER_INFIXES if keep_infix(p)],
        },
    )
    language = type("CheapIndonesian", (Language,), {"lang": "id", "Defaults": defaults})
    return language()


def _phrases(pack_values: Mapping[str, Any]) -> tuple[tuple[str, str], ...]:
    """(clause id, phrase) pairs from the pack's synonyms, lower-cased, in pack order."""
    raw = pack_values.get("clauses") or {}
    out: list[tuple[str, str]] = []
    if isinstance(raw, Mapping):
        for clause, words in raw.items():
            if isinstance(words, Sequence) and not isinstance(words, str):
                for word in words:
                    phrase = " ".join(str(word).lower().replace("(", " ").replace(")", " ").split())
                    if phrase:
                        out.append((str(clause), phrase))
    return tuple(out)


@functools.lru_cache(maxsize=4)
def _matcher(phrases: tuple[tuple[str, str], ...]) -> Any:
    from spacy.matcher import PhraseMatcher

    nlp = indonesian()
    matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
    for clause, phrase in phrases:
        matcher.add(f"{clause}\x1f{phrase}", [nlp.make_doc(phrase)])
    return matcher


def infer_clause(text: str, pack_values: Mapping[str, Any]) -> ClauseMatch:
    """The clause a titleless pasal is about, from clause phrases found in its text.

    The clause whose phrases occur most wins (ties: pack order); the score is its share of all
    phrase hits (0-100) and `matched` the phrase seen most often. NO_MATCH when nothing occurs."""
    if not text.strip():
        return NO_MATCH
    phrases = _phrases(pack_values)
    if not phrases:
        return NO_MATCH
    nlp = indonesian()
    matcher = _matcher(phrases)
    doc = nlp.make_doc(text)
    order = {clause: i for i, (clause, _) in reversed(list(enumerate(phrases)))}
    per_clause: dict[str, int] = {}
    per_phrase: dict[tuple[str, str], int] = {}
    for match_id, start, end in matcher(doc):
        clause, phrase = nlp.vocab.strings[match_id].split("\x1f", 1)
        del start, end
        per_clause[clause] = per_clause.get(clause, 0) + 1
        per_phrase[(clause, phrase)] = per_phrase.get((clause, phrase), 0) + 1
    if not per_clause:
        return NO_MATCH
    total = sum(per_clause.values())
    clause = min(per_clause, key=lambda c: (-per_clause[c], order[c]))
    phrase = max(
        (p for c, p in per_phrase if c == clause),
        key=lambda p: (per_phrase[(clause, p)], len(p)),
    )
    return ClauseMatch(clause, round(100.0 * per_clause[clause] / total, 1), phrase.upper())
