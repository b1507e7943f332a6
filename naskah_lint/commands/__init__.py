"""What every command shares: exit codes, the error guard, common options, settings and output.

`naskah_lint.cli` defines the group and `check`, `outline`, `rules` and `explain`; `register`,
`new` and `diff` live beside this module, one `click.Command` each. Only click, the standard
library and the light config module are imported here: `naskah-lint --help` stays instant.
"""

from __future__ import annotations

import functools
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, NoReturn, TypeVar

import click

from naskah_lint.config import FAIL_ON, LANGS, MODES, Settings, load_settings
from naskah_lint.errors import ConfigError, OutputError

F = TypeVar("F", bound=Callable[..., Any])

EXIT_CLEAN, EXIT_FINDINGS, EXIT_USAGE, EXIT_INTERNAL = 0, 1, 2, 3


# --------------------------------------------------------------------------- errors


def fail(line: str, code: int = EXIT_USAGE) -> NoReturn:
    """One line on stderr, then exit with `code`."""
    click.echo(f"naskah-lint: {line}", err=True)
    sys.exit(code)


def guarded(func: F) -> F:
    """Turn our errors into one line and an exit code: 2 for config/output, 3 for our bugs (a
    traceback only with NASKAH_LINT_DEBUG=1)."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        from naskah_lint.i18n import t

        lang = kwargs.get("lang") or "id"
        try:
            return func(*args, **kwargs)
        except (click.exceptions.Exit, click.ClickException, click.Abort):
            raise
        except ConfigError as exc:
            reason = t(exc.key, lang, **exc.params) if exc.key else exc.reason
            fail(t("cli.config_error", lang, where=exc.where, reason=reason))
        except OutputError as exc:
            fail(str(exc))
        except BrokenPipeError:  # `naskah-lint rules | head`: the reader left, nobody to tell
            _silence_stdout()
            sys.exit(EXIT_USAGE)  # an output that cannot be written (contract)
        except Exception as exc:
            from naskah_lint.engine.runner import debug_enabled, internal_error_line

            if debug_enabled():
                import traceback

                traceback.print_exc()
            fail(internal_error_line("", exc, lang), EXIT_INTERNAL)

    return wrapper  # type: ignore[return-value]


def _silence_stdout() -> None:
    """Point stdout at the null device, so that the flush at exit does not fail again."""
    import os

    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):  # no real file descriptor (e.g. under a test runner)
        pass


# --------------------------------------------------------------------------- options


def command_options(func: F) -> F:
    """--lang, --profile and --config: every command takes them."""
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


def format_option(
    choices: Sequence[str], default: str | None = "text", help: str = "Output format."
) -> Callable[[F], F]:
    """--format, into the parameter `fmt`."""
    return click.option("--format", "fmt", type=click.Choice(choices), default=default, help=help)


def output_option(help: str, required: bool = False) -> Callable[[F], F]:
    """--output/-o FILE."""
    return click.option(
        "--output", "-o", metavar="FILE", default=None, required=required, help=help
    )


def fail_on_option(help: str) -> Callable[[F], F]:
    """--fail-on (None: the config file's, else error)."""
    return click.option("--fail-on", type=click.Choice(FAIL_ON), default=None, help=help)


def mode_option(func: F) -> F:
    """--mode draft|final (None: the config file's, else draft)."""
    option = click.option(
        "--mode", type=click.Choice(MODES), default=None, help="draft (default) or final."
    )
    return option(func)


def command_settings(
    lang: str | None, profile: str | None, config_file: str | None, **flags: Any
) -> Settings:
    """The run's settings: these flags (None = not given) over the config file."""
    return load_settings({"lang": lang, "profile": profile, **flags}, config_file)


# --------------------------------------------------------------------------- output


def refuse_input(target: Path, inputs: Sequence[Path], lang: str) -> None:
    """An output file must never be one of the inputs (OutputError, exit 2); checked before the
    run so that nothing is linted for a report that cannot be written."""
    from naskah_lint.fsio import same_file
    from naskah_lint.i18n import t

    if any(same_file(target, path) for path in inputs):
        raise OutputError(t("cli.output_is_input", lang, path=target))


def write_output(path: Path, data: bytes | str, lang: str) -> None:
    """Write a report, register, baseline or draft whole or not at all (OutputError, exit 2)."""
    from naskah_lint.fsio import write_atomic
    from naskah_lint.i18n import os_reason, t

    try:
        write_atomic(path, data)
    except OSError as exc:
        raise OutputError(
            t("cli.output_error", lang, path=path, reason=os_reason(exc, lang))
        ) from None
