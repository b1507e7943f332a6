"""Rule kinds: layout (title block formatting, line spacing, page numbers, paraf, logo)."""

from __future__ import annotations

from typing import Any

from naskah_lint.engine.api import Kind

KINDS: tuple[Kind[Any], ...] = ()
