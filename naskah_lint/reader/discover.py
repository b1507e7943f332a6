"""Turn command-line paths into the files to check (contract "Inputs")."""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

WORD_SUFFIXES = frozenset({".docx", ".docm", ".dotx", ".dotm", ".doc"})
OWN_COPY_SUFFIX = ".naskah-lint.docx"


def _wanted(name: str) -> bool:
    low = name.lower()
    if name.startswith("~$") or low.endswith(OWN_COPY_SUFFIX):
        return False
    return Path(low).suffix in WORD_SUFFIXES


def discover(paths: Sequence[str]) -> list[tuple[str, Path | None]]:
    """(display path, file) for every input: folders walked recursively for Word files (lock
    files, hidden folders and our own annotated copies skipped, sorted), files named directly
    always kept, and missing paths as (given, None) so the caller reports NOT_FOUND."""
    out: list[tuple[str, Path | None]] = []
    for given in paths:
        path = Path(given)
        if path.is_dir():
            found: list[tuple[str, Path]] = []
            for folder, dirs, files in os.walk(path):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in files:
                    if _wanted(name):
                        full = Path(folder) / name
                        if full.is_file():
                            display = os.path.join(given, os.path.relpath(full, path))  # noqa: PTH118 - keep the folder exactly as given
                            found.append((display, full))
            found.sort(key=lambda item: (Path(item[0]).parts, item[0]))
            out.extend(found)
        elif path.exists():
            out.append((given, path))
        else:
            out.append((given, None))
    return out
