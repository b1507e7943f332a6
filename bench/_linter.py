"""Lint one file in-process the way the CLI does, with the pack prepared once (bench helper)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from naskah_lint.findings import FileResult


def make_file_linter() -> Callable[[Path], FileResult]:
    """A function that reads, outlines and checks one file with the default settings."""
    from naskah_lint.api import lint_file, prepared_pack
    from naskah_lint.config import Settings

    settings = Settings()
    pack = prepared_pack(settings)
    return lambda path: lint_file(path, settings, pack)
