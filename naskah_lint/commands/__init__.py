"""Commands beyond `check`: `register`, `new` and `diff`, one `click.Command` per module.

The CLI group adds them (`main.add_command(register)`). Only click, the standard library and
the light config module are imported here: `naskah-lint --help` stays instant. The options every
command shares mirror `naskah_lint.cli.shared_options`; they are redefined here rather than
imported so that `naskah_lint.cli` may import these modules at any point of its own import.
"""

from __future__ import annotations

import functools
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, NoReturn, TypeVar

import click

from naskah_lint.config import LANGS

F = TypeVar("F", bound=Callable[..., Any])

EXIT_CLEAN, EXIT_FINDINGS, EXIT_USAGE, EXIT_INTERNAL = 0, 1, 2, 3


def command_options(func: F) -> F:
    """--lang, --profile and --config, as `naskah_lint.cli.shared_options` defines them."""
    func = click.option(
        "--config",
        "config_file",
        metavar="FILE",
        default=None,
        help="Config file (default: naskah-lint.toml or [tool.naskah-lint] in pyproject.toml, "
        "found upwards from the current folder).",
    )(func)
    func = click.option(
        "--profile",
        metavar="NAME|PATH",
        default=None,
        help="Rule pack: a shipped or installed pack's name, else a folder "
        "(default kpu-1068-2023).",
    )(func)
    return click.option(
        "--lang",
        type=click.Choice(LANGS),
        default=None,
        help="Language of messages and labels (default id).",
    )(func)


def guarded(func: F) -> F:
    """The CLI's error guard (config/output errors exit 2, our bugs exit 3), looked up when the
    command runs so that this module never imports `naskah_lint.cli` at import time."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        from naskah_lint.cli import guarded as cli_guarded

        return cli_guarded(func)(*args, **kwargs)

    return wrapper  # type: ignore[return-value]


def fail(line: str, code: int = EXIT_USAGE) -> NoReturn:
    """One line on stderr, then exit with `code`."""
    click.echo(f"naskah-lint: {line}", err=True)
    sys.exit(code)


def refuse_input(target: Path, inputs: Sequence[Path], lang: str) -> None:
    """An output file must never be one of the inputs (OutputError, exit 2)."""
    from naskah_lint.errors import OutputError
    from naskah_lint.i18n import t

    for path in inputs:
        try:
            same = target.resolve() == path.resolve() or (
                target.exists() and path.exists() and target.samefile(path)
            )
        except OSError:
            same = False
        if same:
            raise OutputError(t("cli.output_is_input", lang, path=target))
