"""Suppressions written inside the draft as Word comments.

Syntax (contract, "Suppressions in the draft"): a comment whose text starts with
`naskah-lint: abaikan` (or `naskah-lint: ignore`), then one or more rule ids, groups or prefixes
(comma or space separated), then a dash (`-`, `–`, `—` or `--`) and a reason, optionally after
`alasan:` / `reason:`. It silences those rules on the paragraph the comment is anchored on, or in
the whole document when anchored in the title block.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import NamedTuple

from naskah_lint.engine.select import matches
from naskah_lint.findings import Finding
from naskah_lint.lang._lazy import lazy_regex
from naskah_lint.model import Comment, Story

# The patterns of a suppression comment, compiled on first use (most drafts have none).
_HEAD = lazy_regex(r"^\s*naskah[-\s]?lint\s*:\s*(abaikan|ignore)\b(?P<rest>.*)$", re.I | re.S)
_SPLIT = lazy_regex(r"\s+(?:--|-|–|—)\s*|\s*(?:--|–|—)\s*")  # spaced hyphen, dashes, "--"
_REASON_PREFIX = lazy_regex(r"^\s*(alasan|reason)\s*:\s*", re.I)
_TOKEN = lazy_regex(r"^[A-Z][A-Z0-9]*(?:-[A-Z0-9]+)*-?$")


class Suppression(NamedTuple):
    """One parsed suppression comment."""

    comment_id: str
    selectors: tuple[str, ...]  # ids, groups or prefixes, upper-cased
    reason: str  # "" when none was given
    story: Story | None
    block: int | None
    document_wide: bool

    def matches(self, rule: str) -> bool:
        """Whether the suppression names this rule (by id, group or prefix)."""
        return any(matches(rule, s) for s in self.selectors)

    def covers(self, finding: Finding) -> bool:
        """Whether the suppression silences this finding (its rule, on its paragraph)."""
        if not self.matches(finding.rule):
            return False
        if self.document_wide:
            return True
        loc = finding.location
        story = self.story.value if self.story is not None else None
        return loc.story == story and loc.block == self.block


def parse_suppression(comment: Comment, title_blocks: Sequence[int]) -> Suppression | None:
    """Parse a comment; None when it is not a suppression."""
    head = _HEAD().match(comment.text)
    if head is None:
        return None
    rest = head.group("rest").strip()
    parts = _SPLIT().split(rest, maxsplit=1)
    ids_text = parts[0]
    reason = _REASON_PREFIX().sub("", parts[1]).strip() if len(parts) > 1 else ""
    selectors = tuple(
        tok.upper().rstrip("-")
        for tok in re.split(r"[\s,;]+", ids_text)
        if tok and _TOKEN().match(tok.upper())
    )
    anchored_in_title = (
        comment.anchor_story is Story.BODY
        and comment.anchor_block is not None
        and comment.anchor_block in title_blocks
    )
    return Suppression(
        comment_id=comment.id,
        selectors=selectors,
        reason=reason,
        story=comment.anchor_story,
        block=comment.anchor_block,
        document_wide=anchored_in_title,
    )


class SuppressionOutcome(NamedTuple):
    """The findings left, how many were silenced, and the suppressions to report (META)."""

    kept: tuple[Finding, ...]
    suppressed: int
    without_reason: tuple[Suppression, ...]
    unused: tuple[Suppression, ...]


def apply_suppressions(
    findings: Iterable[Finding], suppressions: Sequence[Suppression]
) -> SuppressionOutcome:
    """Drop the findings that a suppression covers; report suppressions without a reason and
    those that silenced nothing. META findings themselves are never suppressed."""
    used: set[str] = set()
    kept: list[Finding] = []
    suppressed = 0
    for finding in findings:
        hit = None
        if not finding.rule.startswith("META-"):
            hit = next((s for s in suppressions if s.covers(finding)), None)
        if hit is None:
            kept.append(finding)
        else:
            used.add(hit.comment_id)
            suppressed += 1
    return SuppressionOutcome(
        kept=tuple(kept),
        suppressed=suppressed,
        without_reason=tuple(s for s in suppressions if not s.reason),
        unused=tuple(s for s in suppressions if s.comment_id not in used),
    )
