"""A small on-disk cache of things that are slow to rebuild at every start (the validated rule
pack, the spaCy tokenizer's settings), in the user's cache folder.

An entry is one pickle file holding (key, value); it is used only when its stored key equals
the caller's key, the file belongs to the user and nobody else may write it. Anything wrong
(missing folder, old or foreign file, unpickling error, read-only disk) means "not cached":
the caller rebuilds, and a failed write is ignored. Writes are atomic (temporary file and
rename), so concurrent processes never read half an entry.

`NASKAH_LINT_CACHE_DIR` chooses the folder; `NASKAH_LINT_NO_CACHE=1` turns the cache off.
"""

from __future__ import annotations

import os
import pickle
import stat
import sys
from pathlib import Path
from typing import Any

FOLDER_NAME = "naskah-lint"
CACHE_DIR_ENV = "NASKAH_LINT_CACHE_DIR"
NO_CACHE_ENV = "NASKAH_LINT_NO_CACHE"
MAX_ENTRY_BYTES = 16 * 1024 * 1024  # a cache file larger than this is not ours


def cache_dir() -> Path | None:
    """The cache folder: $NASKAH_LINT_CACHE_DIR, else the platform's user cache folder; None
    when caching is off or no absolute folder can be named."""
    if os.environ.get(NO_CACHE_ENV, "") not in ("", "0"):
        return None
    chosen = os.environ.get(CACHE_DIR_ENV, "")
    if chosen:
        folder = Path(chosen)
    elif sys.platform == "win32":
        base = os.environ.get("LOCALAPPDATA", "")
        folder = Path(base) / FOLDER_NAME / "Cache" if base else Path()
    else:
        xdg = os.environ.get("XDG_CACHE_HOME", "")
        if xdg and Path(xdg).is_absolute():
            folder = Path(xdg) / FOLDER_NAME
        else:
            home = os.environ.get("HOME", "")
            folder = Path(home) / ".cache" / FOLDER_NAME if home else Path()
    return folder if folder.is_absolute() else None


def _trusted(found: os.stat_result) -> bool:
    """A regular file of ours that no other user may have written."""
    if not stat.S_ISREG(found.st_mode) or found.st_size > MAX_ENTRY_BYTES:
        return False
    getuid = getattr(os, "getuid", None)
    if getuid is None:  # Windows: the per-user LOCALAPPDATA folder is private already
        return True
    return found.st_uid == getuid() and not found.st_mode & (stat.S_IWGRP | stat.S_IWOTH)


def load(name: str, key: object) -> Any | None:
    """The value stored under `name` if its key equals `key`, else None (never raises)."""
    folder = cache_dir()
    if folder is None:
        return None
    path = folder / f"{name}.pickle"
    try:
        with path.open("rb") as handle:
            if not _trusted(os.fstat(handle.fileno())):
                return None
            stored_key, value = pickle.load(handle)
    except Exception:  # missing, unreadable, truncated or from another version: rebuild
        return None
    return value if stored_key == key else None


def store(name: str, key: object, value: object) -> bool:
    """Store `value` under `name` with its `key`; False (and nothing written) on any error."""
    folder = cache_dir()
    if folder is None:
        return False
    try:
        payload = pickle.dumps((key, value), protocol=pickle.HIGHEST_PROTOCOL)
    except Exception:  # an unpicklable value (a plug-in's params): simply not cached
        return False
    if len(payload) > MAX_ENTRY_BYTES:
        return False
    from naskah_lint.fsio import write_atomic

    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        write_atomic(folder / f"{name}.pickle", payload)
    except OSError:
        return False
    return True
