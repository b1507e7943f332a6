"""Files written whole or not at all, and the one test for "is this output one of the inputs"."""

from __future__ import annotations

import os
import stat
import tempfile
from pathlib import Path

NEW_FILE_MODE = 0o644  # mkstemp creates 0600; reports, copies and drafts are ordinary files


def write_atomic(path: Path, data: bytes | str) -> None:
    """Write `data` (text as UTF-8, newlines as given) to `path` through a temporary file beside
    it and a rename, creating missing folders: a reader never sees half a file and a failed
    write leaves the old one in place. A replaced file keeps its mode; a symbolic link keeps
    pointing to the new file; a device or pipe is written into, never replaced. Raises OSError."""
    payload = data.encode("utf-8") if isinstance(data, str) else data
    try:
        found = path.stat()
    except OSError:
        found = None
    if found is not None and not stat.S_ISREG(found.st_mode) and not stat.S_ISDIR(found.st_mode):
        # a device, pipe or socket (/dev/stdout, /dev/null, /dev/full): write into it, since
        # renaming a file over it would replace the device itself (as root, for everyone)
        with path.open("wb") as handle:
            handle.write(payload)
        return
    if path.is_symlink():
        path = path.resolve()  # replace the file the link points to, not the link
    path.parent.mkdir(parents=True, exist_ok=True)
    mode = stat.S_IMODE(found.st_mode) if found is not None else NEW_FILE_MODE
    fd, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    tmp = Path(name)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(payload)
        tmp.chmod(mode)
        tmp.replace(path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def file_id(path: Path) -> tuple[int, int] | None:
    """The (device, inode) of an existing file, through links; None when there is none."""
    try:
        found = path.stat()
    except OSError:
        return None
    return found.st_dev, found.st_ino


def same_file(a: Path, b: Path) -> bool:
    """Whether two paths name one file (also through links); False when either cannot be read."""
    try:
        if a.resolve() == b.resolve():
            return True
    except OSError:
        return False
    found = file_id(a)
    return found is not None and found == file_id(b)
