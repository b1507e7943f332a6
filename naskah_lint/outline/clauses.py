"""Pasal titles -> canonical clause ids, through the pack's synonym table and rapidfuzz.

Exact synonyms win (after normalising case, punctuation, "Pasal N", "&" vs "dan" and a
parenthetical such as "(FORCE MAJEURE)"); otherwise a fuzzy score decides, so typos and longer
titles match ("PENYELESAIN PERSELISIHAN", "PEMUTUSAN HUBUNGAN PERJANJIAN KERJA"), while a title
that merely shares one word with a synonym does not. A synonym marked "=" ("=UMUM") is matched
exactly only, never fuzzily.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping, Sequence
from typing import Any, NamedTuple

DEFAULT_THRESHOLD = 85.0
# A synonym written "=UMUM" matches only a title that is exactly it: a bare modifier such as
# "UMUM" must not pull "PEMBIAYAAN UMUM" or "KEWAJIBAN UMUM" away from their own clauses.
EXACT_ONLY = "="

_PASAL_PREFIX = re.compile(r"^\s*(?:pasal|article)\s*\d+\s*[.:\-–]?\s*", re.IGNORECASE)
_PARENTHETICAL = re.compile(r"\([^)]*\)")
_NON_WORD = re.compile(r"[^0-9A-Z]+")
_STOPWORDS = frozenset({"DAN", "ATAU", "SERTA", "YANG", "PARA", "DALAM"})
# A synonym token counts as present in a title when it scores at least this against a title token.
_TOKEN_PRESENT = 80.0
# The synonym's tokens must cover at least this share of the title's content tokens, so that
# "HAK ATAS KEKAYAAN INTELEKTUAL" does not become hak-kewajiban through "HAK".
_MIN_COVERAGE = 0.5


class ClauseMatch(NamedTuple):
    """The clause a title maps to, the score (0-100) and the synonym that matched."""

    clause: str | None
    score: float
    matched: str | None


NO_MATCH = ClauseMatch(None, 0.0, None)


def normalize_title(title: str, keep_parenthetical: bool = False) -> str:
    """Upper-cased title without "Pasal N", punctuation or (by default) a parenthetical."""
    text = _PASAL_PREFIX.sub("", title)
    text = text.upper().replace("&", " DAN ")
    if not keep_parenthetical:
        stripped = _PARENTHETICAL.sub(" ", text)
        if stripped.strip():
            text = stripped
    return " ".join(_NON_WORD.sub(" ", text).split())


class _Synonym(NamedTuple):
    clause: str
    text: str  # as written in the pack
    norm: str
    tokens: tuple[str, ...]  # content tokens (no stopwords)


class ClauseTable:
    """The pack's synonyms, normalised once. Compared and hashed by identity (`match_title`'s
    cache key); a plain class, not a dataclass, so that importing the outline builds less."""

    __slots__ = ("by_token", "exact", "synonyms", "threshold", "vocab")

    def __init__(
        self,
        synonyms: tuple[_Synonym, ...],
        exact: Mapping[str, _Synonym],
        threshold: float,
        vocab: tuple[str, ...] = (),  # every content token of every synonym
        by_token: Mapping[str, tuple[int, ...]] | None = None,  # token -> synonyms
    ) -> None:
        self.synonyms = synonyms
        self.exact = exact
        self.threshold = threshold
        self.vocab = vocab
        self.by_token: Mapping[str, tuple[int, ...]] = {} if by_token is None else by_token


def _content_tokens(norm: str) -> tuple[str, ...]:
    return tuple(t for t in norm.split() if t not in _STOPWORDS)


@functools.lru_cache(maxsize=8)
def _table_cached(items: tuple[tuple[str, tuple[str, ...]], ...], threshold: float) -> ClauseTable:
    synonyms: list[_Synonym] = []
    exact: dict[str, _Synonym] = {}
    for clause, words in items:
        for word in words:
            exact_only = word.startswith(EXACT_ONLY)
            text = word[len(EXACT_ONLY) :].strip() if exact_only else word
            for keep in (False, True):
                norm = normalize_title(text, keep_parenthetical=keep)
                if not norm:
                    continue
                syn = _Synonym(clause, text, norm, _content_tokens(norm))
                if not exact_only:
                    synonyms.append(syn)
                exact.setdefault(norm, syn)
    vocab = tuple(sorted({t for s in synonyms for t in s.tokens}))
    by_token: dict[str, list[int]] = {}
    for i, syn in enumerate(synonyms):
        for token in syn.tokens:
            by_token.setdefault(token, []).append(i)
    return ClauseTable(
        tuple(synonyms), exact, threshold, vocab, {k: tuple(v) for k, v in by_token.items()}
    )


def clause_table(pack_values: Mapping[str, Any]) -> ClauseTable:
    """The clause table from the pack's `data:` mapping (`clauses`, `clause_match_threshold`)."""
    raw = pack_values.get("clauses") or {}
    items: list[tuple[str, tuple[str, ...]]] = []
    if isinstance(raw, Mapping):
        for clause, words in raw.items():
            if isinstance(words, Sequence) and not isinstance(words, str):
                items.append((str(clause), tuple(str(w) for w in words)))
    threshold = pack_values.get("clause_match_threshold", DEFAULT_THRESHOLD)
    try:
        value = float(threshold)
    except (TypeError, ValueError):
        value = DEFAULT_THRESHOLD
    return _table_cached(tuple(items), value)


def _token_scores(title_tokens: tuple[str, ...], vocab: tuple[str, ...]) -> dict[str, float]:
    """For each vocabulary token close to some title token, its best score (rapidfuzz, C speed)."""
    from rapidfuzz import fuzz, process

    found: dict[str, float] = {}
    for token in title_tokens:
        for word, score, _ in process.extract(
            token, vocab, scorer=fuzz.ratio, score_cutoff=_TOKEN_PRESENT, limit=None
        ):
            found[word] = max(found.get(word, 0.0), float(score))
    return found


def _subset_score(
    title_tokens: tuple[str, ...], syn: _Synonym, present: Mapping[str, float]
) -> float | None:
    """Score when every synonym token is (fuzzily) in the title and covers enough of it.

    The mean token score, lowered a little when the title has words the synonym lacks."""
    if not syn.tokens or not title_tokens:
        return None
    scores = [present.get(token) for token in syn.tokens]
    coverage = len(syn.tokens) / len(title_tokens)
    if any(s is None for s in scores) or coverage < _MIN_COVERAGE:
        return None
    mean = sum(s for s in scores if s is not None) / len(scores)
    return mean * (0.9 + 0.1 * min(coverage, 1.0))


@functools.lru_cache(maxsize=4096)
def match_title(title: str | None, table: ClauseTable) -> ClauseMatch:
    """The canonical clause for a pasal title, or NO_MATCH (score kept for the user)."""
    if not title:
        return NO_MATCH
    variants = [normalize_title(title), normalize_title(title, keep_parenthetical=True)]
    for norm in variants:
        syn = table.exact.get(norm)
        if syn is not None:
            return ClauseMatch(syn.clause, 100.0, syn.text)
    from rapidfuzz import fuzz, process

    norms = [s.norm for s in table.synonyms]
    best: tuple[float, int] = (-1.0, 0)
    for norm in dict.fromkeys(variants):
        if not norm:
            continue
        found = process.extractOne(norm, norms, scorer=fuzz.ratio)
        if found is not None:
            best = max(best, (round(float(found[1]), 1), -int(found[2])))
        title_tokens = _content_tokens(norm)
        present = _token_scores(title_tokens, table.vocab)
        candidates = sorted({i for token in present for i in table.by_token.get(token, ())})
        for order in candidates:
            subset = _subset_score(title_tokens, table.synonyms[order], present)
            if subset is not None:
                best = max(best, (round(subset, 1), -order))
    score, order = best[0], -best[1]
    if score < 0:
        return NO_MATCH
    syn = table.synonyms[order]
    if score < table.threshold:
        return ClauseMatch(None, score, syn.text)
    return ClauseMatch(syn.clause, score, syn.text)
