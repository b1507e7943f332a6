"""`naskah-lint new`: start a new NK or PKS draft from a skeleton that follows the rule pack."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import click

from naskah_lint.commands import (
    command_options,
    command_settings,
    fail,
    guarded,
    output_option,
    write_output,
)

TYPES = ("NK", "PKS")


@click.command("new")
@click.option(
    "--type",
    "doc_type",
    type=click.Choice(TYPES, case_sensitive=False),
    required=True,
    metavar="NK|PKS",
    help="Nota Kesepahaman (NK) or Perjanjian Kerja Sama (PKS).",
)
@click.option(
    "--pihak",
    "parties",
    multiple=True,
    required=True,
    metavar="NAME",
    help="A party's institution, in order (PIHAK KESATU first); at least two.",
)
@click.option("--perihal", required=True, metavar="TEXT", help="What the agreement is about.")
@click.option(
    "--date",
    "day",
    type=click.DateTime(formats=["%Y-%m-%d"]),
    default=None,
    metavar="YYYY-MM-DD",
    help="Signing date: written in words with its weekday (default: left blank to fill).",
)
@output_option("The .docx to write.", required=True)
@click.option("--force", is_flag=True, help="Overwrite FILE if it exists.")
@command_options
@guarded
def new(
    doc_type: str,
    parties: tuple[str, ...],
    perihal: str,
    day: dt.datetime | None,
    output: str,
    force: bool,
    lang: str | None,
    profile: str | None,
    config_file: str | None,
) -> None:
    """Write a new draft: title, nomor lines, opening, komparisi, recitals, the pack's pasal,
    penutup and signature table, with dotted blanks for what is left to fill."""
    from naskah_lint.api import prepared_pack
    from naskah_lint.i18n import t

    settings = command_settings(lang, profile, config_file)
    names = tuple(" ".join(p.split()) for p in parties)
    subject = " ".join(perihal.split()).rstrip(".")  # a title line takes no full stop
    if len(names) < 2:
        fail(t("new.too_few_parties", settings.lang, n=len(names)))
    if not all(names):
        fail(t("new.empty_value", settings.lang, option="--pihak"))
    if not subject:
        fail(t("new.empty_value", settings.lang, option="--perihal"))
    target = Path(output)
    if target.is_dir():
        fail(t("new.is_folder", settings.lang, path=output))
    if target.exists() and not force:
        fail(t("new.exists", settings.lang, path=output))

    from naskah_lint.skeleton import skeleton_spec
    from naskah_lint.writer.docspec import render

    values = prepared_pack(settings).data.values
    kind = doc_type.upper()
    signing = day.date() if day is not None else None
    spec = skeleton_spec(kind, names, subject, signing, values)
    write_output(target, render(spec), settings.lang)
    click.echo(t("new.written", settings.lang, type=kind, path=output))
