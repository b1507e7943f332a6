"""Built-in rule kinds. Each module exposes `KINDS`, a tuple of `Kind`s; the engine collects
them here and from the `naskah_lint.kinds` entry-point group, the same way."""

from __future__ import annotations

from typing import Any

from naskah_lint.engine.api import Kind


def builtin_kinds() -> tuple[Kind[Any], ...]:
    """All built-in kinds (imported on call, so `--help` imports none of them)."""
    from naskah_lint.kinds import (
        authority,
        clauses,
        consistency,
        formatting,
        layout,
        meta,
        structure,
        writing,
    )

    return (
        *formatting.KINDS,
        *layout.KINDS,
        *structure.KINDS,
        *clauses.KINDS,
        *consistency.KINDS,
        *authority.KINDS,
        *writing.KINDS,
        *meta.KINDS,
    )
