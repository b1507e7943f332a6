"""spaCy's Indonesian tokenizer, built the cheap way, for pasal without a title.

`spacy.blank("id")` spends ~1.7 s compiling ~16,000 hyphenated tokenizer exceptions; merely
importing `spacy.lang.id` builds them (~80 ms), and spaCy's affix patterns list the letters of
every script (~45 ms to compile). So the tokenizer is built from a `Vocab` and a `Tokenizer`
directly: the exceptions without a hyphen and the Indonesian affix patterns (without the
letter-hyphen-letter infix, so "kerja-sama" stays one token) are read from `spacy.lang.id` once
and kept in the user cache (`engine.cache`, keyed by spaCy's version), and the letter classes in
the affix patterns are spaCy's Latin ones (Indonesian is written in Latin script), which compile
in ~10 ms. spaCy is imported only here, only when a pasal has no title, and the tokenizer is
built once per process.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping, Sequence
from typing import Any, TypeGuard

from naskah_lint.outline.clauses import NO_MATCH, ClauseMatch

CACHE_NAME = "spacy-id-tokenizer"
CACHE_FORMAT = 1

# exceptions (orth -> token attributes), prefixes, suffixes, infixes
TokenizerSettings = tuple[
    dict[str, list[dict[int, str]]], tuple[str, ...], tuple[str, ...], tuple[str, ...]
]


def _latin_letters(pattern: str) -> str:
    """An affix pattern with spaCy's all-script letter classes replaced by its Latin ones."""
    from spacy.lang import char_classes as cc

    pairs = (
        (cc.ALPHA_LOWER, cc.LATIN_LOWER),
        (cc.ALPHA_UPPER, cc.LATIN_UPPER),
        (cc.ALPHA, cc.LATIN),
    )
    for every_script, latin in sorted(pairs, key=lambda pair: -len(pair[0])):
        pattern = pattern.replace(every_script, latin)
    return pattern


def _build_settings() -> TokenizerSettings:
    """The tokenizer's settings from `spacy.lang.id` (slow: imports its 16,000 exceptions)."""
    from spacy.lang.char_classes import ALPHA
    from spacy.lang.id.punctuation import (  # type: ignore[attr-defined]
        TOKENIZER_INFIXES,
        TOKENIZER_PREFIXES,
        TOKENIZER_SUFFIXES,
    )
    from spacy.lang.id.tokenizer_exceptions import TOKENIZER_EXCEPTIONS

    after_letter = f"(?<=[{ALPHA}])"

    def keep_infix(pattern: str) -> bool:
        """False for the infixes that split a hyphen between two letters."""
        if not (pattern.startswith(after_letter) and pattern.endswith(f"[{ALPHA}])")):
            return True
        return "-" not in pattern[len(after_letter) : len(after_letter) + 12]

    exceptions = {
        orth: [dict(attrs) for attrs in tokens]
        for orth, tokens in TOKENIZER_EXCEPTIONS.items()
        if "-" not in orth
    }
    return (
        exceptions,
        tuple(_latin_letters(p) for p in TOKENIZER_PREFIXES),
        tuple(_latin_letters(p) for p in TOKENIZER_SUFFIXES),
        tuple(_latin_letters(p) for p in TOKENIZER_INFIXES if keep_infix(p)),
    )


def _valid(value: object) -> TypeGuard[TokenizerSettings]:
    """Whether a cached value has the shape of `TokenizerSettings`."""
    if not (isinstance(value, tuple) and len(value) == 4 and isinstance(value[0], dict)):
        return False
    patterns = value[1:]
    return all(
        isinstance(part, tuple) and all(isinstance(p, str) for p in part) for part in patterns
    )


def tokenizer_settings() -> TokenizerSettings:
    """The Indonesian tokenizer's settings: from the user cache, else built (and cached)."""
    from spacy.about import __version__ as spacy_version

    from naskah_lint.engine import cache

    key = (CACHE_FORMAT, spacy_version)
    cached = cache.load(CACHE_NAME, key)
    if _valid(cached):
        return cached
    settings = _build_settings()
    cache.store(CACHE_NAME, key, settings)
    return settings


@functools.lru_cache(maxsize=1)
def tokenizer() -> Any:
    """An Indonesian tokenizer (spaCy's rules without the hyphenated exceptions) whose
    vocabulary gives each word its lower-case form (all the phrase matcher reads)."""
    from spacy.attrs import LOWER
    from spacy.lang.lex_attrs import lower
    from spacy.lang.tokenizer_exceptions import URL_MATCH
    from spacy.tokenizer import Tokenizer
    from spacy.util import compile_infix_regex, compile_prefix_regex, compile_suffix_regex
    from spacy.vocab import Vocab

    exceptions, prefixes, suffixes, infixes = tokenizer_settings()
    return Tokenizer(
        Vocab(lex_attr_getters={LOWER: lower}),
        rules=exceptions,
        prefix_search=compile_prefix_regex(prefixes).search,
        suffix_search=compile_suffix_regex(suffixes).search,
        infix_finditer=compile_infix_regex(infixes).finditer,
        token_match=None,
        url_match=URL_MATCH,
    )


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
    """A phrase matcher (on lower-case words) for the pack's clause phrases."""
    from spacy.matcher import PhraseMatcher

    tokenize = tokenizer()
    matcher = PhraseMatcher(tokenize.vocab, attr="LOWER")
    for clause, phrase in phrases:
        matcher.add(f"{clause}\x1f{phrase}", [tokenize(phrase)])
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
    tokenize = tokenizer()
    matcher = _matcher(phrases)
    doc = tokenize(text)
    order = {clause: i for i, (clause, _) in reversed(list(enumerate(phrases)))}
    per_clause: dict[str, int] = {}
    per_phrase: dict[tuple[str, str], int] = {}
    for match_id, start, end in matcher(doc):
        clause, phrase = tokenize.vocab.strings[match_id].split("\x1f", 1)
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
