"""Rule kinds: clauses."""

from __future__ import annotations

from typing import Any

from naskah_lint.engine.api import Kind

KINDS: tuple[Kind[Any], ...] = ()
