"""`naskah-lint register`: the cooperation register (CSV or JSON) built from a folder of drafts."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import click

from naskah_lint.commands import (
    EXIT_CLEAN,
    command_options,
    command_settings,
    fail,
    format_option,
    guarded,
    output_option,
    refuse_input,
    write_output,
)

FORMATS = ("csv", "json")
_TAB_NAMES = frozenset({"\\t", "tab", "TAB"})


def _delimiter(value: str, lang: str) -> str:
    """One character (`\\t` or `tab` for a tab); anything else is a usage error."""
    from naskah_lint.i18n import t

    if value in _TAB_NAMES:
        return "\t"
    if len(value) != 1 or value in '\r\n"':
        fail(t("register.bad_delimiter", lang, value=value))
    return value


@click.command("register")
@click.argument("paths", nargs=-1, required=True, metavar="PATH...")
@format_option(FORMATS, default="csv", help="Output format (csv).")
@click.option(
    "--today",
    type=click.DateTime(formats=["%Y-%m-%d"]),
    default=None,
    metavar="YYYY-MM-DD",
    help="Reference date for days until expiry and the status (default: today).",
)
@click.option(
    "--expiring-days",
    type=click.IntRange(min=0),
    default=90,
    show_default=True,
    help="An agreement ending within this many days is 'expiring'.",
)
@click.option(
    "--delimiter",
    default=";",
    show_default=True,
    help="CSV column separator (one character; 'tab' for a tab).",
)
@output_option("Write the register to FILE.")
@command_options
@guarded
def register(
    paths: tuple[str, ...],
    fmt: str,
    today: dt.datetime | None,
    expiring_days: int,
    delimiter: str,
    output: str | None,
    lang: str | None,
    profile: str | None,
    config_file: str | None,
) -> None:
    """One row per agreement: type, perihal, parties, nomor, signing date and place, duration,
    end date, days until expiry and status, read from the documents themselves."""
    from naskah_lint.api import prepared_pack
    from naskah_lint.reader import discover
    from naskah_lint.register import render_csv, render_json, row_for_file

    settings = command_settings(lang, profile, config_file)
    sep = _delimiter(delimiter, settings.lang)
    day = today.date() if today is not None else dt.date.today()
    values = prepared_pack(settings).data.values
    items = discover(list(paths))
    if output is not None:
        refuse_input(Path(output), [p for _, p in items if p is not None], settings.lang)

    rows = []
    code = EXIT_CLEAN
    for display, path in items:
        row, row_code = row_for_file(display, path, values, day, expiring_days, settings.lang)
        rows.append(row)
        code = max(code, row_code)
        if row.error is not None:
            click.echo(f"naskah-lint: {display}: {row.error}", err=True)

    text = render_json(rows, day) if fmt == "json" else render_csv(rows, sep)
    if output is not None:
        write_output(Path(output), text, settings.lang)
    else:
        click.echo(text, nl=False)
    sys.exit(code)
