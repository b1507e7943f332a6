"""`naskah-lint diff OLD NEW`: findings new, fixed and persisting between two versions of a draft
(see `naskah_lint.diff`)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from naskah_lint.commands import (
    EXIT_CLEAN,
    EXIT_FINDINGS,
    EXIT_INTERNAL,
    EXIT_USAGE,
    command_options,
    command_settings,
    fail_on_option,
    format_option,
    guarded,
    mode_option,
)

if TYPE_CHECKING:
    from naskah_lint.diff import FindingsDiff
    from naskah_lint.findings import FailOn, FileResult


def exit_code(old: FileResult, new: FileResult, diff: FindingsDiff, fail_on: FailOn) -> int:
    """3 when a file hit our own bug, 2 when one is unreadable, 1 when a new finding is at or
    above `fail_on`, else 0 (the highest applies)."""
    if old.internal_error or new.internal_error:
        return EXIT_INTERNAL
    if old.error is not None or new.error is not None:
        return EXIT_USAGE
    worst = max((f.severity.rank for f in diff.new), default=0)
    return EXIT_FINDINGS if worst >= fail_on.threshold else EXIT_CLEAN


@click.command("diff")
@click.argument("old_file", metavar="OLD.docx")
@click.argument("new_file", metavar="NEW.docx")
@format_option(("text", "json"))
@fail_on_option("Exit 1 when a NEW finding is at this severity or above (default error).")
@mode_option
@command_options
@guarded
def diff(
    old_file: str,
    new_file: str,
    fmt: str,
    fail_on: str | None,
    mode: str | None,
    lang: str | None,
    profile: str | None,
    config_file: str | None,
) -> None:
    """Findings new, fixed and persisting between two versions of a draft (by fingerprint)."""
    from naskah_lint.api import lint_item, prepared_pack
    from naskah_lint.diff import compare, diff_json, diff_text
    from naskah_lint.findings import FailOn

    settings = command_settings(lang, profile, config_file, mode=mode, fail_on=fail_on)
    prepared_pack(settings)  # a bad pack or config stops here with exit 2
    results = [
        lint_item((given, Path(given) if Path(given).exists() else None), settings)
        for given in (old_file, new_file)
    ]
    old, new = results
    found = compare(old.findings, new.findings)
    if fmt == "json":
        click.echo(diff_json(old, new, found), nl=False)
    else:
        click.echo(diff_text(old, new, found, settings.lang), nl=False)
    sys.exit(exit_code(old, new, found, FailOn(settings.fail_on)))
