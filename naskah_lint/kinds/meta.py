"""Rule kinds: meta (checklist items a person decides)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from naskah_lint.engine.api import Context, Hit, Kind


@dataclass(frozen=True, slots=True)
class ChecklistParams:
    """No parameters: the rule's doc says what the reviewer checks."""


def _checklist(ctx: Context, params: ChecklistParams) -> Iterable[Hit]:
    """A requirement the file cannot decide: it yields no finding and appears in the compliance
    matrix as NEEDS-REVIEW for every document it applies to (the rule must set checklist: true)."""
    return ()


KINDS: tuple[Kind[Any], ...] = (
    Kind(
        "checklist",
        ChecklistParams,
        _checklist,
        doc="A manual review item: listed in the matrix as NEEDS-REVIEW, never a finding.",
    ),
)
