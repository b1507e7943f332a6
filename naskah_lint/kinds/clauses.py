"""Rule kinds: required and forbidden pasal (clauses), by canonical clause id.

The outline maps each pasal heading to a canonical clause id through the pack's synonym table;
these kinds decide which ids a document type needs, optionally with content the clause must
state (a duration, a notice period, musyawarah …). Patterns are case-insensitive regexes.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from naskah_lint.engine.api import Context, Hit, Kind
from naskah_lint.engine.facts import DocumentFacts
from naskah_lint.kinds.structure import (
    check_patterns,
    check_severity,
    matches,
    placeholder_blocks,
    shorten,
)
from naskah_lint.outline.model import Pasal


@dataclass(frozen=True, slots=True)
class RequiredClauseParams:
    """A required pasal.

    - `clauses`: canonical clause ids; a pasal with any of them satisfies the rule.
    - `content_patterns`: else a pasal whose text matches one of these satisfies it (limited
      to pasal of the clause ids in `content_in`, if given), e.g. "ditindaklanjuti dengan
      Perjanjian Kerja Sama" inside Pelaksanaan, or "berakhir" inside Jangka Waktu.
    - `require_any`: the satisfying pasal must match one of these (a duration, a notice
      period, musyawarah …), else an `incomplete` finding with `incomplete_severity`; when
      the pasal still holds placeholders it is an `unfilled` finding instead, with
      `unfilled_severity` in draft mode (the incomplete severity in final mode).
    - `report_missing`: false = only check the content of a pasal that exists.
    - `optional_types`: document types for which absence is only noted (`optional` message,
      info severity).
    - `when_content_has` / `when_in`: the rule applies only if a pasal (of those clause ids,
      or any) mentions one of these patterns (e.g. data, DPT for Kerahasiaan).
    A document without any pasal is left to the pasal-heading rule."""

    clauses: tuple[str, ...] = ()
    content_patterns: tuple[str, ...] = ()
    content_in: tuple[str, ...] = ()
    require_any: tuple[str, ...] = ()
    incomplete_severity: str = ""
    unfilled_severity: str = "warning"
    report_missing: bool = True
    optional_types: tuple[str, ...] = ()
    when_content_has: tuple[str, ...] = ()
    when_in: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        if not self.clauses and not self.content_patterns:
            raise ValueError("clauses: give clause ids or content_patterns")
        for name in ("content_patterns", "require_any", "when_content_has"):
            check_patterns(getattr(self, name), name)
        check_severity(self.incomplete_severity, "incomplete_severity")
        check_severity(self.unfilled_severity, "unfilled_severity")


def _satisfying(
    pasal: tuple[Pasal, ...], facts: DocumentFacts, params: RequiredClauseParams
) -> list[Pasal]:
    """The pasal that count as the required clause: by heading, else by content."""
    by_heading = [p for p in pasal if p.clause is not None and p.clause in params.clauses]
    if by_heading or not params.content_patterns:
        return by_heading
    return [
        p
        for p in pasal
        if (not params.content_in or p.clause in params.content_in)
        and matches(params.content_patterns, facts.pasal_text(p), facts.lowered)
    ]


def check_required_clause(ctx: Context, params: RequiredClauseParams) -> Iterator[Hit]:
    """The required pasal exists (and states what it must)."""
    outline = ctx.outline
    if not outline.pasal:
        return
    facts = ctx.facts  # each pasal's text joined once per document, not once per rule
    trigger = ""
    if params.when_content_has:
        scope = [p for p in outline.pasal if not params.when_in or p.clause in params.when_in]
        found = next(
            (
                m
                for p in scope
                if (m := matches(params.when_content_has, facts.pasal_text(p), facts.lowered))
            ),
            None,
        )
        if found is None:
            return
        trigger = found.group(0)
    key = params.clauses[0] if params.clauses else "content"
    found_pasal = _satisfying(outline.pasal, facts, params)
    info = {
        "type": outline.document_type,
        "count": len(outline.pasal),
        "trigger": shorten(trigger, 40),
    }
    if not found_pasal:
        if not params.report_missing:
            return
        optional = outline.document_type in params.optional_types
        yield Hit(
            block=None,
            message="optional" if optional else "default",
            params=info,
            key=key,
            severity="info" if optional else None,
        )
        return
    if not params.require_any:
        return
    if any(matches(params.require_any, facts.pasal_text(p), facts.lowered) for p in found_pasal):
        return
    first = found_pasal[0]
    holes = placeholder_blocks(outline)
    unfilled = any(first.first_block <= b <= first.last_block for b in holes)
    severity = params.incomplete_severity or None
    if unfilled and ctx.mode == "draft":
        severity = params.unfilled_severity or severity
    yield Hit(
        block=first.heading_block,
        message="unfilled" if unfilled else "incomplete",
        params={**info, "pasal": first.number_text, "title": shorten(first.title or "", 60)},
        key=f"{key}-content",
        severity=severity,
    )


@dataclass(frozen=True, slots=True)
class ForbiddenClauseParams:
    """Pasal with these canonical clause ids should not appear (e.g. binding clauses in an NK)."""

    clauses: tuple[str, ...] = ()


def check_forbidden_clause(ctx: Context, params: ForbiddenClauseParams) -> Iterator[Hit]:
    """One finding per pasal whose heading maps to a forbidden clause id."""
    for pasal in ctx.outline.pasal:
        if (
            pasal.clause is not None
            and pasal.clause in params.clauses
            and not pasal.clause_inferred
        ):
            yield Hit(
                block=pasal.heading_block,
                params={
                    "pasal": pasal.number_text,
                    "title": shorten(pasal.title or "", 60),
                    "type": ctx.outline.document_type,
                },
                key=pasal.clause,
            )


KINDS: tuple[Kind[Any], ...] = (
    Kind(
        "required-clause",
        RequiredClauseParams,
        check_required_clause,
        "A pasal with one of the clause ids (or matching content) exists and states what it must. "
        "Variants: default/optional {type, count, trigger}, incomplete/unfilled (also pasal, "
        "title).",
    ),
    Kind(
        "forbidden-clause",
        ForbiddenClauseParams,
        check_forbidden_clause,
        "No pasal with one of the clause ids (e.g. Hak dan Kewajiban, Sanksi in an NK). "
        "Variant: default {pasal, title, type}.",
    ),
)
