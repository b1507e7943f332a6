"""Rule selection: `--select`/`--ignore` take full ids, groups or prefixes, comma separated."""

from __future__ import annotations

import fnmatch
from collections.abc import Iterable, Sequence
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING

from naskah_lint.engine.api import Pack
from naskah_lint.errors import ConfigError

if TYPE_CHECKING:
    from naskah_lint.config import Settings


def split_selectors(values: Iterable[str]) -> tuple[str, ...]:
    """Flatten repeated and comma-separated selector values, upper-cased, empties dropped."""
    out: list[str] = []
    for value in values:
        for part in value.split(","):
            token = part.strip().upper()
            if token and token not in out:
                out.append(token)
    return tuple(out)


def matches(rule_id: str, selector: str) -> bool:
    """A selector matches its own id, and every id it is a prefix of (`CONS`, `CLAUSE-PE`)."""
    return rule_id.startswith(selector)


def resolve(selectors: Sequence[str], rule_ids: Sequence[str], where: str) -> frozenset[str]:
    """The rule ids the selectors name; a selector that names no rule is a ConfigError."""
    chosen: set[str] = set()
    for selector in split_selectors(selectors):
        hits = {rid for rid in rule_ids if matches(rid, selector)}
        if not hits:
            raise ConfigError(
                where,
                f"'{selector}' matches no rule id, group or prefix",
                key="cli.no_such_rule",
                selector=selector,
            )
        chosen |= hits
    return frozenset(chosen)


def selected_ids(
    pack: Pack,
    select: Sequence[str] = (),
    ignore: Sequence[str] = (),
    where_select: str = "--select",
    where_ignore: str = "--ignore",
) -> frozenset[str]:
    """The ids to run: all (or those selected) minus those ignored."""
    ids = [r.id for r in pack.rules]
    base = resolve(select, ids, where_select) if split_selectors(select) else frozenset(ids)
    return base - resolve(ignore, ids, where_ignore)


def _path_matches(glob: str, candidates: Sequence[str]) -> bool:
    """Whether a per-path glob matches the file (as given, or relative to the config)."""
    return any(fnmatch.fnmatchcase(c, glob) or PurePosixPath(c).match(glob) for c in candidates)


def _candidates(path: str, config_dir: str | None) -> tuple[str, ...]:
    """The path as given and, when possible, relative to the config file's folder (POSIX)."""
    given = path.replace("\\", "/")
    out = [given[2:] if given.startswith("./") else given]
    if config_dir:
        try:
            rel = Path(path).resolve().relative_to(Path(config_dir))
        except (ValueError, OSError):
            rel = None
        if rel is not None and rel.as_posix() not in out:
            out.append(rel.as_posix())
    return tuple(out)


def validate(pack: Pack, settings: Settings) -> None:
    """Raise ConfigError for any selector (flags or config) that names no rule of the pack."""
    ids = [r.id for r in pack.rules]
    selected_ids(
        pack, settings.select, settings.ignore, settings.where("select"), settings.where("ignore")
    )
    for glob, selectors in settings.per_path_ignores:
        resolve(selectors, ids, f"{settings.where('per-path-ignores')}.{glob}")


def rules_for_path(pack: Pack, settings: Settings, path: str) -> frozenset[str]:
    """The ids to run on one file: selection minus the per-path ignores whose glob matches."""
    chosen = selected_ids(
        pack, settings.select, settings.ignore, settings.where("select"), settings.where("ignore")
    )
    if not settings.per_path_ignores:
        return chosen
    ids = [r.id for r in pack.rules]
    candidates = _candidates(path, settings.config_dir)
    for glob, selectors in settings.per_path_ignores:
        if _path_matches(glob, candidates):
            chosen -= resolve(selectors, ids, f"{settings.where('per-path-ignores')}.{glob}")
    return chosen
