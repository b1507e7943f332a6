"""Where a rule pack lives: `--profile NAME|PATH` to a folder with a pack.yml.

A name is looked up among the shipped packs, then among packs other packages install through the
entry-point group `naskah_lint.packs`; anything else is a folder. Below the engine, so the
settings layer can tell names from paths (config-relative folders) without loading it.
"""

from __future__ import annotations

import importlib.resources
import os
import re
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from naskah_lint.errors import ConfigError

if TYPE_CHECKING:
    import importlib.metadata

PACKS_GROUP = "naskah_lint.packs"
PACK_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*$")


def entry_points(group: str) -> tuple[importlib.metadata.EntryPoint, ...]:
    """The entry points of one group, sorted by name (deterministic registration).

    `importlib.metadata` costs ~20 ms to import and scan on every start, for a group that is
    usually declared by no installed distribution: it is asked only when `may_declare` finds the
    group's name in some distribution's entry points (or cannot tell)."""
    if not may_declare(group):
        return ()
    import importlib.metadata

    found = importlib.metadata.entry_points(group=group)
    return tuple(sorted(found, key=lambda ep: ep.name))


def may_declare(group: str) -> bool:
    """False only when no distribution on `sys.path` can declare entry points of `group`: no
    `*.dist-info`/`*.egg-info` folder's `entry_points.txt` names it, and no zip or egg on the
    path (those are left to `importlib.metadata`). A cheap over-approximation (~2 ms)."""
    needle = group.encode()
    for entry in sys.path:
        folder = entry or "."
        try:
            listing = os.scandir(folder)
        except OSError:
            if Path(folder).is_file():  # a zip archive on the path
                return True
            continue
        with listing:
            for item in listing:
                name = item.name
                if name.endswith((".dist-info", ".egg-info")):
                    try:
                        if needle in (Path(item.path) / "entry_points.txt").read_bytes():
                            return True
                    except OSError:
                        continue
                elif name.endswith(".egg"):
                    return True
    return False


def _shipped(name: str) -> Path | None:
    """The shipped pack folder `name`: inside the package (wheel), else the repo's `rules/`."""
    if not PACK_NAME.match(name):
        return None
    try:
        candidate = importlib.resources.files("naskah_lint") / "rules" / name
        if candidate.is_dir() and (candidate / "pack.yml").is_file():
            return Path(str(candidate))
    except (OSError, ModuleNotFoundError):
        pass
    repo = Path(__file__).resolve().parents[1] / "rules" / name
    if (repo / "pack.yml").is_file():
        return repo
    return None


def _installed(name: str) -> Path | None:
    """A pack registered by another package under the entry-point group `naskah_lint.packs`."""
    for ep in entry_points(PACKS_GROUP):
        if ep.name != name:
            continue
        where = f"entry point {PACKS_GROUP}: {ep.name} = {ep.value}"
        try:
            obj = ep.load()
            if callable(obj):
                obj = obj()
        except Exception as exc:  # a broken plug-in is a configuration problem
            raise ConfigError(where, f"cannot be loaded ({type(exc).__name__}: {exc})") from None
        path = Path(str(obj))
        if not (path / "pack.yml").is_file():
            raise ConfigError(where, f"{path} is not a pack folder (no pack.yml)")
        return path
    return None


def find_pack(profile: str) -> tuple[Path, str]:
    """Resolve `--profile NAME|PATH` to (folder, display prefix for error messages)."""
    shipped = _shipped(profile)
    if shipped is not None:
        return shipped, f"rules/{profile}"
    installed = _installed(profile)
    if installed is not None:
        return installed, str(installed)
    folder = Path(profile)
    if folder.is_dir():
        if not (folder / "pack.yml").is_file():
            raise ConfigError(f"{profile}/pack.yml", "not found: a pack folder needs a pack.yml")
        return folder, profile.rstrip("/\\") or profile
    raise ConfigError(
        "--profile", f"no shipped or installed pack named '{profile}' and no such folder"
    )


def is_pack_name(profile: str) -> bool:
    """True when `profile` names a shipped or installed pack (not a folder path)."""
    return _shipped(profile) is not None or _installed(profile) is not None
