"""Settings: command-line flags merged over a config file, into one frozen object.

The file is `--config FILE`, else the first found walking up from the working directory:
`naskah-lint.toml`, then a `pyproject.toml` that has a `[tool.naskah-lint]` table. Flags win over
the file. Unknown keys and bad values are `ConfigError`s naming the file and the key (exit 2).
Only the standard library is imported here: the CLI builds settings before anything heavy.
"""

from __future__ import annotations

import os
import tomllib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from naskah_lint.errors import ConfigError

FORMATS = ("text", "json", "sarif", "github", "junit", "html", "matrix")
FAIL_ON = ("error", "warning", "info", "never")
MODES = ("draft", "final")
LANGS = ("id", "en")
LEVELS = ("error", "warning", "info")
DEFAULT_PROFILE = "kpu-1068-2023"
CONFIG_NAME = "naskah-lint.toml"
TOOL_TABLE = "naskah-lint"

_SCALAR_KEYS = ("fail-on", "profile", "mode", "lang", "format")
_KEYS = frozenset(
    {"select", "ignore", "jobs", "severity", "per-path-ignores", "params", *_SCALAR_KEYS}
)
_CHOICES: Mapping[str, Sequence[str]] = {
    "fail-on": FAIL_ON,
    "mode": MODES,
    "lang": LANGS,
    "format": FORMATS,
}


@dataclass(frozen=True, slots=True)
class Settings:
    """Everything one run needs to know, after merging flags over the config file."""

    paths: tuple[str, ...] = ()
    format: str = "text"
    output: str | None = None
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    fail_on: str = "error"
    profile: str = DEFAULT_PROFILE
    mode: str = "draft"
    lang: str = "id"
    jobs: int | None = None  # None: number of CPUs
    annotate: str | None = None
    baseline: str | None = None
    write_baseline: str | None = None
    # rule id -> error|warning|info; wins over --mode and over a kind's own variant severity
    severity: Mapping[str, str] = field(default_factory=dict, hash=False)
    # (glob, selectors): rules ignored in files whose path matches the glob
    per_path_ignores: tuple[tuple[str, tuple[str, ...]], ...] = ()
    # rule id -> {param: raw value}, validated against the rule's kind parameters
    params: Mapping[str, Mapping[str, Any]] = field(default_factory=dict, hash=False)
    config_file: str | None = None  # as found or given, for error messages
    config_dir: str | None = None  # absolute folder of the config file (per-path globs)
    from_file: frozenset[str] = frozenset()  # keys whose value came from the config file

    def where(self, key: str) -> str:
        """Where a setting came from, for error messages: `--select` or `pyproject.toml: select`."""
        if key in self.from_file and self.config_file:
            return f"{self.config_file}: {key}"
        return f"--{key}"


def find_config(start: Path) -> Path | None:
    """The nearest `naskah-lint.toml`, or `pyproject.toml` with our table, from `start` upward."""
    for folder in (start, *start.parents):
        own = folder / CONFIG_NAME
        if own.is_file():
            return own
        pyproject = folder / "pyproject.toml"
        if pyproject.is_file() and _has_tool_table(pyproject):
            return pyproject
    return None


def _has_tool_table(pyproject: Path) -> bool:
    """Whether a pyproject.toml has a [tool.naskah-lint] table."""
    try:
        data = tomllib.loads(pyproject.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
        return False  # a broken pyproject that is not ours is someone else's problem
    tool = data.get("tool")
    return isinstance(tool, dict) and TOOL_TABLE in tool


def read_config(path: Path, display: str) -> dict[str, Any]:
    """The raw naskah-lint table of a config file (validated for unknown keys, not values)."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ConfigError(display, "config file not found") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(display, f"cannot be read ({exc})") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(display, f"invalid TOML: {exc}") from None
    prefix = ""
    if path.name == "pyproject.toml":
        tool = data.get("tool", {})
        data = tool.get(TOOL_TABLE, {}) if isinstance(tool, dict) else {}
        prefix = f"tool.{TOOL_TABLE}."
        if not isinstance(data, dict):
            raise ConfigError(f"{display}: tool.{TOOL_TABLE}", "expected a table")
    unknown = sorted(k for k in data if k not in _KEYS)
    if unknown:
        known = ", ".join(sorted(_KEYS))
        raise ConfigError(f"{display}: {prefix}{unknown[0]}", f"unknown key (known: {known})")
    return dict(data)


def _selectors(value: object, where: str) -> tuple[str, ...]:
    """A config value of rule ids, groups or prefixes (a string or a list of strings)."""
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(where, "expected a list of rule ids, groups or prefixes")
    return tuple(v for v in value if v.strip())


def _validated(data: Mapping[str, Any], display: str) -> dict[str, Any]:
    """Check the value types of a config table; return Settings keyword arguments."""
    out: dict[str, Any] = {}
    for key in _SCALAR_KEYS:
        if key not in data:
            continue
        value = data[key]
        choices = _CHOICES.get(key)
        if not isinstance(value, str) or (choices is not None and value not in choices):
            allowed = f"one of {', '.join(choices)}" if choices else "a string"
            raise ConfigError(f"{display}: {key}", f"expected {allowed}, got {value!r}")
        out[key.replace("-", "_")] = value
    for key in ("select", "ignore"):
        if key in data:
            out[key] = _selectors(data[key], f"{display}: {key}")
    if "jobs" in data:
        jobs = data["jobs"]
        if isinstance(jobs, bool) or not isinstance(jobs, int) or jobs < 1:
            raise ConfigError(f"{display}: jobs", f"expected a positive integer, got {jobs!r}")
        out["jobs"] = jobs
    if "severity" in data:
        table = data["severity"]
        if not isinstance(table, dict):
            raise ConfigError(f"{display}: severity", "expected a table of rule id = level")
        for rule, level in table.items():
            if level not in LEVELS:
                raise ConfigError(
                    f"{display}: severity.{rule}",
                    f"expected one of {', '.join(LEVELS)}, got {level!r}",
                )
        out["severity"] = {str(k).upper(): str(v) for k, v in table.items()}
    if "per-path-ignores" in data:
        table = data["per-path-ignores"]
        if not isinstance(table, dict):
            raise ConfigError(f"{display}: per-path-ignores", "expected a table of glob = [ids]")
        out["per_path_ignores"] = tuple(
            (glob, _selectors(ids, f"{display}: per-path-ignores.{glob}"))
            for glob, ids in table.items()
        )
    if "params" in data:
        table = data["params"]
        if not isinstance(table, dict) or not all(isinstance(v, dict) for v in table.values()):
            raise ConfigError(f"{display}: params", "expected tables [params.RULE-ID]")
        out["params"] = {str(k).upper(): dict(v) for k, v in table.items()}
    return out


def load_settings(
    flags: Mapping[str, Any], config: str | None = None, cwd: Path | None = None
) -> Settings:
    """Merge command-line `flags` (None or empty = not given) over the config file."""
    here = cwd or Path.cwd()
    if config is not None:
        path: Path | None = Path(config)
        display = config
    else:
        path = find_config(here)
        display = _display(path, here) if path is not None else ""
    file_values: dict[str, Any] = {}
    config_dir: str | None = None
    if path is not None:
        file_values = _validated(read_config(path, display), display)
        config_dir = str(path.resolve().parent)
        profile = file_values.get("profile")
        if isinstance(profile, str):
            file_values["profile"] = _profile_from_file(profile, Path(config_dir))
    given = {key: value for key, value in flags.items() if not _unset(value)}
    from_file = frozenset(k.replace("_", "-") for k in file_values if k not in given)
    return Settings(
        **{**file_values, **given},
        config_file=display if path is not None else None,
        config_dir=config_dir,
        from_file=from_file,
    )


def _unset(value: object) -> bool:
    """A flag that was not given: None, or an empty tuple for a repeatable option."""
    return value is None or (isinstance(value, tuple) and not value)


def _display(path: Path, cwd: Path) -> str:
    """The config file as error messages name it: relative to the working folder if possible."""
    try:
        return os.path.relpath(path, cwd)
    except ValueError:  # another drive on Windows
        return str(path)


def _profile_from_file(profile: str, config_dir: Path) -> str:
    """A profile path in a config file is relative to that file's folder (names stay names)."""
    from naskah_lint.packs import is_pack_name

    if is_pack_name(profile) or Path(profile).is_absolute():
        return profile
    candidate = config_dir / profile
    return str(candidate) if candidate.is_dir() else profile
