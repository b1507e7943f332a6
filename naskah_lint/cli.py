"""The `naskah-lint` command line: parse flags, build one Settings, call the library, exit.

Only click and the standard library are imported at module level so that `--help` and
`--version` answer instantly; the reader, the engine, rich and the reporters are imported inside
the commands that need them. Exit codes: 0 clean, 1 findings at or above --fail-on, 2 usage,
config, output or unreadable input, 3 our own bug (the highest that applies wins).
"""

from __future__ import annotations

import sys
import textwrap
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from naskah_lint import __version__
from naskah_lint.commands import (
    EXIT_INTERNAL,
    EXIT_USAGE,
    command_options,
    command_settings,
    fail,
    fail_on_option,
    format_option,
    guarded,
    mode_option,
    output_option,
    refuse_input,
    write_output,
)
from naskah_lint.commands.diff_cmd import diff
from naskah_lint.commands.new_cmd import new
from naskah_lint.commands.register_cmd import register
from naskah_lint.config import FORMATS, Settings
from naskah_lint.errors import OutputError, UnreadableFile

if TYPE_CHECKING:
    from naskah_lint.api import Item
    from naskah_lint.engine.api import Pack, RuleSpec
    from naskah_lint.findings import Report

PROGRESS_MIN_FILES = 5


# --------------------------------------------------------------------------- the group


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "--version", prog_name="naskah-lint")
def main() -> None:
    """Compliance linter for KPU agreement drafts (.docx): Nota Kesepahaman and Perjanjian
    Kerja Sama, per Keputusan KPU 1068/2023."""


# --------------------------------------------------------------------------- check


@main.command()
@click.argument("paths", nargs=-1, required=True)
@format_option(FORMATS, default=None, help="Report format.")
@output_option("Write the report to FILE.")
@click.option("--select", multiple=True, metavar="IDS", help="Rule ids, groups or prefixes.")
@click.option("--ignore", multiple=True, metavar="IDS", help="Rule ids, groups or prefixes.")
@fail_on_option("Exit 1 at this severity.")
@mode_option
@click.option(
    "--annotate",
    metavar="DIR",
    default=None,
    help="Write a copy of each draft with findings as Word comments under DIR.",
)
@click.option("--jobs", "-j", type=click.IntRange(min=1), default=None, help="Parallel processes.")
@click.option("--baseline", metavar="FILE", default=None, help="Report only new findings.")
@click.option(
    "--write-baseline", metavar="FILE", default=None, help="Record the findings as a baseline."
)
@command_options
@guarded
def check(
    paths: tuple[str, ...],
    fmt: str | None,
    output: str | None,
    select: tuple[str, ...],
    ignore: tuple[str, ...],
    fail_on: str | None,
    mode: str | None,
    annotate: str | None,
    jobs: int | None,
    baseline: str | None,
    write_baseline: str | None,
    lang: str | None,
    profile: str | None,
    config_file: str | None,
) -> None:
    """Check .docx drafts (files or folders) against the rule pack."""
    from naskah_lint.api import discover_inputs, prepared_pack
    from naskah_lint.engine.baseline import apply_baseline, baseline_text, load_baseline
    from naskah_lint.findings import FailOn

    settings = command_settings(
        lang,
        profile,
        config_file,
        paths=paths,
        format=fmt,
        output=output,
        select=select,
        ignore=ignore,
        fail_on=fail_on,
        mode=mode,
        annotate=annotate,
        jobs=jobs,
        baseline=baseline,
        write_baseline=write_baseline,
    )
    pack = prepared_pack(settings)
    items = discover_inputs(settings)
    if not items:
        from naskah_lint.i18n import t

        shown = ", ".join(settings.paths)
        click.echo(f"naskah-lint: {t('cli.no_inputs', settings.lang, paths=shown)}", err=True)
    inputs = [p for _, p in items if p is not None]
    for target in (settings.output, settings.write_baseline):
        if target is not None:
            refuse_input(Path(target), inputs, settings.lang)
    if settings.annotate is not None:
        _refuse_annotating_inputs(items, inputs, Path(settings.annotate), settings.lang)
    recorded = load_baseline(Path(settings.baseline)) if settings.baseline is not None else None

    report = _run(settings, items)
    if settings.write_baseline is not None:
        write_output(Path(settings.write_baseline), baseline_text(report), settings.lang)
    if recorded is not None:
        report = apply_baseline(report, recorded)

    _emit(report, pack, settings)
    refused = 0
    if settings.annotate is not None:
        refused = _annotate(report, items, Path(settings.annotate), settings.lang)
    for result in report.files:
        if result.internal_error:
            click.echo(f"naskah-lint: {result.path}: {result.internal_error}", err=True)
    code = report.exit_code(FailOn(settings.fail_on))
    sys.exit(max(code, EXIT_USAGE) if refused and code != EXIT_INTERNAL else code)


def _run(settings: Settings, items: Sequence[Item]) -> Report:
    """Lint with a progress bar on stderr when many files are checked interactively."""
    from naskah_lint.api import lint_paths

    if len(items) < PROGRESS_MIN_FILES or not sys.stderr.isatty():
        return lint_paths(settings, items=items)
    from rich.console import Console
    from rich.progress import Progress

    from naskah_lint.i18n import t

    with Progress(console=Console(stderr=True), transient=True) as progress:
        task = progress.add_task(t("cli.progress", settings.lang), total=len(items))
        return lint_paths(settings, on_result=lambda _: progress.advance(task), items=items)


def render_report(report: Report, pack: Pack, fmt: str, lang: str) -> str:
    """The report in one of the formats (reporters imported on demand)."""
    import importlib

    module_name = {"json": "json_report"}.get(fmt, fmt)
    module = importlib.import_module(f"naskah_lint.report.{module_name}")
    text: str = module.render(report, pack, lang)
    return text


def _emit(report: Report, pack: Pack, settings: Settings) -> None:
    """The report to --output, else to stdout (text streamed through rich, in colour on a TTY)."""
    if settings.output is not None:
        text = render_report(report, pack, settings.format, settings.lang)
        write_output(Path(settings.output), text, settings.lang)
    elif settings.format == "text":
        from naskah_lint.report.text import make_console, print_report

        print_report(report, settings.lang, make_console(sys.stdout))
    else:
        click.echo(render_report(report, pack, settings.format, settings.lang), nl=False)


def _refuse_annotating_inputs(
    items: Sequence[Item], inputs: Sequence[Path], dest: Path, lang: str
) -> None:
    """No annotated copy may replace an input (say `a.docx` and `a.naskah-lint.docx` both named
    on the command line): OutputError (exit 2) before anything is checked or written."""
    from naskah_lint.fsio import file_id
    from naskah_lint.i18n import t
    from naskah_lint.writer.annotate import annotated_path

    taken = {file_id(path) for path in inputs} - {None}
    for display, path in items:
        if path is not None:
            copy = annotated_path(dest, display)
            if file_id(copy) in taken:
                raise OutputError(f"{copy}: {t('annotate.same_as_input', lang)}")


def _annotate(report: Report, items: Sequence[Item], dest: Path, lang: str) -> int:
    """A copy of each readable draft with its findings as Word comments, mirrored under dest.

    A file that cannot be annotated (e.g. Strict OOXML) gets one line on stderr and the others
    are still written; returns how many were refused (the run then exits 2)."""
    from naskah_lint.writer.annotate import annotate, annotated_path

    sources = {display: path for display, path in items if path is not None}
    refused = 0
    for result in report.files:
        src = sources.get(result.path)
        if src is None or result.error is not None or result.document_type is None:
            continue
        title = result.outline.title if result.outline is not None else None
        title_block = title.blocks[0] if title is not None and title.blocks else None
        try:
            annotate(
                src,
                result.findings,
                annotated_path(dest, result.path),
                lang,
                title_block=title_block,
            )
        except OutputError as exc:
            refused += 1
            click.echo(f"naskah-lint: {exc}", err=True)
    return refused


# --------------------------------------------------------------------------- outline


@main.command()
@click.argument("file")
@format_option(("text", "json"))
@click.option("--blocks", is_flag=True, help="Show the reader's paragraphs instead.")
@command_options
@guarded
def outline(
    file: str,
    fmt: str,
    blocks: bool,
    lang: str | None,
    profile: str | None,
    config_file: str | None,
) -> None:
    """Show what was recognised in a draft (or, with --blocks, the reader's paragraphs)."""
    import json

    from naskah_lint.api import unreadable_message
    from naskah_lint.i18n import t
    from naskah_lint.reader import read_document

    settings = command_settings(lang, profile, config_file)
    path = Path(file)
    if not path.exists():
        fail(f"{file}: {t('err.NOT_FOUND', settings.lang)}")
    try:
        document = read_document(path)
    except UnreadableFile as exc:
        fail(f"{file}: {unreadable_message(exc, settings.lang)}")
    if blocks:
        from naskah_lint.report.blocks import blocks_json, blocks_text

        if fmt == "json":
            click.echo(json.dumps(blocks_json(document), ensure_ascii=False, indent=2))
        else:
            text = blocks_text(document, settings.lang)
            click.echo(text, nl=not text.endswith("\n"))
        return
    from naskah_lint.api import prepared_pack
    from naskah_lint.outline import segment

    found = segment(document, prepared_pack(settings).data.values)
    if fmt == "json":
        from naskah_lint.outline.render import outline_json

        click.echo(json.dumps(outline_json(found, file), ensure_ascii=False, indent=2))
    else:
        from naskah_lint.report.outline_text import print_outline

        print_outline(found, settings.lang, sys.stdout)


# --------------------------------------------------------------------------- rules, explain


def rule_dict(rule: RuleSpec, lang: str) -> dict[str, Any]:
    """One catalogue entry of `rules --format json`, texts in `lang`."""
    return {
        "id": rule.id,
        "group": rule.group,
        "title": rule.title.get(lang),
        "severity": rule.severity.value,
        "applies_to": list(rule.applies_to),
        "source": rule.source,
        "confidence": rule.confidence,
        "doc": rule.doc.get(lang),
        "example_bad": rule.example_bad.get(lang),
        "example_good": rule.example_good.get(lang),
    }


@main.command("rules")
@format_option(("text", "json"))
@command_options
@guarded
def rules_command(fmt: str, lang: str | None, profile: str | None, config_file: str | None) -> None:
    """List the rules of the active pack."""
    import json

    from naskah_lint.api import prepared_pack

    settings = command_settings(lang, profile, config_file)
    pack = prepared_pack(settings)
    if fmt == "json":
        entries = [rule_dict(r, settings.lang) for r in pack.rules]
        click.echo(json.dumps(entries, ensure_ascii=False, indent=2))
        return
    from naskah_lint.i18n import t

    id_width = max((len(r.id) for r in pack.rules), default=0)
    severities = {r.id: t(f"sev.{r.severity.value}", settings.lang) for r in pack.rules}
    sev_width = max((len(s) for s in severities.values()), default=0)
    for rule in pack.rules:
        applies = ",".join(rule.applies_to)
        click.echo(
            f"{rule.id.ljust(id_width)}  {severities[rule.id].ljust(sev_width)}  "
            f"{rule.title.get(settings.lang)}  [{applies}]"
        )


def explain_text(rule: RuleSpec, lang: str) -> str:
    """What `explain` prints: title, severity, scope, source and confidence, doc, examples."""
    from naskah_lint.i18n import t

    def both(key: str, value: str) -> str:
        """The translated value, with the language-neutral one in brackets when it differs."""
        shown = t(f"{key}.{value}", lang)
        return shown if shown == value else f"{shown} ({value})"

    lines = [f"{rule.id} — {rule.title.get(lang)}", ""]
    lines.append(f"{t('explain.severity', lang)}: {both('sev', rule.severity.value)}")
    if rule.severity_final is not None and rule.severity_final is not rule.severity:
        final = both("sev", rule.severity_final.value)
        lines.append(f"{t('explain.severity_final', lang)}: {final}")
    lines.append(f"{t('explain.applies_to', lang)}: {', '.join(rule.applies_to)}")
    lines.append(f"{t('explain.languages', lang)}: {', '.join(rule.languages)}")
    lines.append(f"{t('explain.confidence', lang)}: {both('confidence', rule.confidence)}")
    lines.append(f"{t('report.source', lang)}: {rule.source}")
    if rule.checklist:
        lines.append(t("explain.checklist", lang))
    lines.append("")
    lines.extend(textwrap.wrap(rule.doc.get(lang), width=88, break_on_hyphens=False) or [""])
    for key, text in (
        ("report.example_bad", rule.example_bad),
        ("report.example_good", rule.example_good),
    ):
        lines.extend(["", f"{t(key, lang)}:"])
        lines.extend(textwrap.indent(line, "    ") for line in text.get(lang).strip().splitlines())
    return "\n".join(lines) + "\n"


@main.command()
@click.argument("rule_id", metavar="RULE-ID")
@command_options
@guarded
def explain(rule_id: str, lang: str | None, profile: str | None, config_file: str | None) -> None:
    """Explain one rule: why, source, confidence, a bad and a good example."""
    from naskah_lint.api import prepared_pack
    from naskah_lint.i18n import t

    settings = command_settings(lang, profile, config_file)
    pack = prepared_pack(settings)
    rule = pack.rule(rule_id.strip().upper())
    if rule is None:
        fail(t("cli.unknown_rule", settings.lang, rule=rule_id, pack=pack.name))
    click.echo(explain_text(rule, settings.lang), nl=False)


main.add_command(register)
main.add_command(new)
main.add_command(diff)


def run() -> None:
    """The `naskah-lint` program: `main`, with a quicker exit.

    At exit the interpreter collects every object still alive (modules, the pack, the results:
    ~25 ms of a cold run); `gc.freeze()` first moves them out of the collector's reach, and
    nothing after it needs them collected (the process ends)."""
    import atexit
    import gc

    atexit.register(gc.freeze)
    main()


if __name__ == "__main__":  # pragma: no cover
    run()
