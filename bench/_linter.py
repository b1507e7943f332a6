"""Lint one file in-process the way the CLI does, with the pack prepared once (bench helper)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from naskah_lint.findings import FileResult


def make_file_linter() -> Callable[[Path], FileResult]:
    """A function that reads, outlines and checks one file with the default settings, as a
    long-running process would a file it has not seen: the toolkit's per-text memo is emptied
    first, so repeating the same draft does not time remembered results."""
    from naskah_lint.api import lint_file, prepared_pack
    from naskah_lint.config import Settings
    from naskah_lint.lang._memo import forget

    settings = Settings()
    pack = prepared_pack(settings)

    def lint(path: Path) -> FileResult:
        forget()
        return lint_file(path, settings, pack)

    return lint
