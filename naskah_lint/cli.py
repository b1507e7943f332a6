"""The `naskah-lint` command line: parse flags, build one Settings, call the library, exit.

Only click and the standard library are imported at module level so that `--help` and
`--version` answer instantly; the reader, the engine, rich and the reporters are imported inside
the commands that need them. Exit codes: 0 clean, 1 findings at or above --fail-on, 2 usage,
config, output or unreadable input, 3 our own bug (the highest that applies wins).
"""

from __future__ import annotations

import functools
import os
import sys
import tempfile
import textwrap
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import click

from naskah_lint import __version__
from naskah_lint.commands import command_options as shared_options  # --lang --profile --config
from naskah_lint.config import FAIL_ON, FORMATS, MODES, Settings, load_settings
from naskah_lint.errors import ConfigError, OutputError, UnreadableFile

if TYPE_CHECKING:
    from naskah_lint.engine.api import Pack, RuleSpec
    from naskah_lint.findings import Report

F = TypeVar("F", bound=Callable[..., Any])

EXIT_CLEAN, EXIT_FINDINGS, EXIT_USAGE, EXIT_INTERNAL = 0, 1, 2, 3
PROGRESS_MIN_FILES = 5


# --------------------------------------------------------------------------- errors


def guarded(func: F) -> F:
    """Turn our errors into one line and an exit code: 2 for config/output, 3 for bugs."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        from naskah_lint.i18n import t

        lang = kwargs.get("lang") or "id"
        try:
            return func(*args, **kwargs)
        except (click.exceptions.Exit, click.ClickException, click.Abort):
            raise
        except ConfigError as exc:
            _fail(t("cli.config_error", lang, where=exc.where, reason=exc.reason), EXIT_USAGE)
        except OutputError as exc:
            _fail(str(exc), EXIT_USAGE)
        except Exception as exc:  # our bug: one line, a hint, a traceback only on request
            from naskah_lint.engine.runner import debug_enabled, internal_error_line

            if debug_enabled():
                import traceback

                traceback.print_exc()
            _fail(internal_error_line("", exc), EXIT_INTERNAL)
        return None

    return wrapper  # type: ignore[return-value]


def _fail(line: str, code: int) -> None:
    click.echo(f"naskah-lint: {line}", err=True)
    sys.exit(code)


# --------------------------------------------------------------------------- the group


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "--version", prog_name="naskah-lint")
def main() -> None:
    """Compliance linter for KPU agreement drafts (.docx): Nota Kesepahaman and Perjanjian
    Kerja Sama, per Keputusan KPU 1068/2023."""


# --------------------------------------------------------------------------- check


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--format", "fmt", type=click.Choice(FORMATS), default=None, help="Report format.")
@click.option("--output", "-o", metavar="FILE", default=None, help="Write the report to FILE.")
@click.option("--select", multiple=True, metavar="IDS", help="Rule ids, groups or prefixes.")
@click.option("--ignore", multiple=True, metavar="IDS", help="Rule ids, groups or prefixes.")
@click.option(
    "--fail-on", type=click.Choice(FAIL_ON), default=None, help="Exit 1 at this severity."
)
@click.option("--mode", type=click.Choice(MODES), default=None, help="draft (default) or final.")
@click.option(
    "--annotate",
    "annotate_dir",
    metavar="DIR",
    default=None,
    help="Write a copy of each draft with findings as Word comments under DIR.",
)
@click.option("--jobs", "-j", type=click.IntRange(min=1), default=None, help="Parallel processes.")
@click.option("--baseline", metavar="FILE", default=None, help="Report only new findings.")
@click.option(
    "--write-baseline", metavar="FILE", default=None, help="Record the findings as a baseline."
)
@shared_options
@guarded
def check(
    paths: tuple[str, ...],
    fmt: str | None,
    output: str | None,
    select: tuple[str, ...],
    ignore: tuple[str, ...],
    fail_on: str | None,
    mode: str | None,
    annotate_dir: str | None,
    jobs: int | None,
    baseline: str | None,
    write_baseline: str | None,
    lang: str | None,
    profile: str | None,
    config_file: str | None,
) -> None:
    """Check .docx drafts (files or folders) against the rule pack."""
    from naskah_lint.api import discover_inputs, prepared_pack
    from naskah_lint.findings import FailOn

    flags = {
        "paths": paths,
        "format": fmt,
        "output": output,
        "select": select,
        "ignore": ignore,
        "fail_on": fail_on,
        "mode": mode,
        "annotate": annotate_dir,
        "jobs": jobs,
        "baseline": baseline,
        "write_baseline": write_baseline,
        "lang": lang,
        "profile": profile,
    }
    settings = load_settings(flags, config_file)
    pack = prepared_pack(settings)
    items = discover_inputs(settings)
    inputs = [p for _, p in items if p is not None]
    for target in (settings.output, settings.write_baseline):
        if target is not None:
            _refuse_input(Path(target), inputs, settings.lang)
    recorded = None
    if settings.baseline is not None:
        from naskah_lint.engine.baseline import load_baseline

        recorded = load_baseline(Path(settings.baseline))

    report = _run(settings, items)
    if settings.write_baseline is not None:
        from naskah_lint.engine.baseline import write_baseline as record

        try:
            record(report, Path(settings.write_baseline))
        except OSError as exc:
            raise _output_error(settings.write_baseline, exc, settings.lang) from None
    if recorded is not None:
        from naskah_lint.engine.baseline import apply_baseline

        report = apply_baseline(report, recorded)

    _emit(report, pack, settings)
    if settings.annotate is not None:
        _annotate(report, items, Path(settings.annotate), settings.lang)
    for result in report.files:
        if result.internal_error:
            click.echo(f"naskah-lint: {result.path}: {result.internal_error}", err=True)
    sys.exit(report.exit_code(FailOn(settings.fail_on)))


def _run(settings: Settings, items: Sequence[tuple[str, Path | None]]) -> Report:
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


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == b.resolve() or (a.exists() and b.exists() and a.samefile(b))
    except OSError:
        return False


def _refuse_input(target: Path, inputs: Sequence[Path], lang: str) -> None:
    from naskah_lint.i18n import t

    if any(_same_file(target, p) for p in inputs):
        raise OutputError(t("cli.output_is_input", lang, path=target))


def _output_error(path: str | Path, exc: OSError, lang: str) -> OutputError:
    from naskah_lint.i18n import t

    reason = exc.strerror or type(exc).__name__
    return OutputError(t("cli.output_error", lang, path=path, reason=reason))


def write_atomically(path: Path, text: str, lang: str = "id") -> None:
    """Write a text file via a temporary file in the same folder and a rename: a reader never
    sees half a report, and a failed write leaves the old file in place."""
    tmp: str | None = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            handle.write(text)
        Path(tmp).replace(path)
        tmp = None
    except OSError as exc:
        raise _output_error(path, exc, lang) from None
    finally:
        if tmp is not None:
            Path(tmp).unlink(missing_ok=True)


def render_report(report: Report, pack: Pack, fmt: str, lang: str) -> str:
    """The report in one of the formats (reporters imported on demand)."""
    import importlib

    module_name = {"json": "json_report"}.get(fmt, fmt)
    module = importlib.import_module(f"naskah_lint.report.{module_name}")
    text: str = module.render(report, pack, lang)
    return text


def _emit(report: Report, pack: Pack, settings: Settings) -> None:
    if settings.output is not None:
        text = render_report(report, pack, settings.format, settings.lang)
        write_atomically(Path(settings.output), text, settings.lang)
        return
    if settings.format == "text":
        from naskah_lint.report.text import make_console, print_report

        print_report(report, settings.lang, make_console(sys.stdout))
        return
    click.echo(render_report(report, pack, settings.format, settings.lang), nl=False)


def _annotate(
    report: Report, items: Sequence[tuple[str, Path | None]], dest: Path, lang: str
) -> None:
    """A copy of each readable draft with its findings as Word comments, mirrored under dest."""
    from naskah_lint.writer.annotate import annotate, annotated_path

    sources = {display: path for display, path in items if path is not None}
    for result in report.files:
        src = sources.get(result.path)
        if src is None or result.error is not None or result.document_type is None:
            continue
        title = result.outline.title if result.outline is not None else None
        title_block = title.blocks[0] if title is not None and title.blocks else None
        annotate(
            src,
            result.findings,
            annotated_path(dest, result.path),
            lang,
            title_block=title_block,
        )


# --------------------------------------------------------------------------- outline


@main.command()
@click.argument("file")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text")
@click.option("--blocks", is_flag=True, help="Show the reader's paragraphs instead.")
@shared_options
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

    settings = load_settings({"lang": lang, "profile": profile}, config_file)
    path = Path(file)
    if not path.exists():
        _fail(f"{file}: {t('err.NOT_FOUND', settings.lang)}", EXIT_USAGE)
    from naskah_lint.reader import read_document

    try:
        document = read_document(path)
    except UnreadableFile as exc:
        _fail(f"{file}: {unreadable_message(exc, settings.lang)}", EXIT_USAGE)
        return
    if blocks:
        from naskah_lint.report.blocks import blocks_json, blocks_text

        data: Any = blocks_json(document) if fmt == "json" else None
        text = blocks_text(document, settings.lang) if fmt == "text" else ""
    else:
        from naskah_lint.api import prepared_pack
        from naskah_lint.outline import segment
        from naskah_lint.outline.render import outline_json, outline_text

        found = segment(document, prepared_pack(settings).data.values)
        if fmt == "text":
            from naskah_lint.report.text import make_console

            make_console(sys.stdout).print(outline_text(found, settings.lang))
            return
        data = outline_json(found, file)
    if fmt == "json":
        click.echo(json.dumps(data, ensure_ascii=False, indent=2))
    else:
        click.echo(text, nl=not text.endswith("\n"))


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
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text")
@shared_options
@guarded
def rules_command(fmt: str, lang: str | None, profile: str | None, config_file: str | None) -> None:
    """List the rules of the active pack."""
    import json

    from naskah_lint.api import prepared_pack

    settings = load_settings({"lang": lang, "profile": profile}, config_file)
    pack = prepared_pack(settings)
    if fmt == "json":
        entries = [rule_dict(r, settings.lang) for r in pack.rules]
        click.echo(json.dumps(entries, ensure_ascii=False, indent=2))
        return
    id_width = max((len(r.id) for r in pack.rules), default=0)
    sev_width = max((len(r.severity.value) for r in pack.rules), default=0)
    for rule in pack.rules:
        applies = ",".join(rule.applies_to)
        click.echo(
            f"{rule.id.ljust(id_width)}  {rule.severity.value.ljust(sev_width)}  "
            f"{rule.title.get(settings.lang)}  [{applies}]"
        )


def explain_text(rule: RuleSpec, lang: str) -> str:
    """What `explain` prints: title, severity, scope, source and confidence, doc, examples."""
    from naskah_lint.i18n import t

    def both(key: str, value: str) -> str:
        shown = t(f"{key}.{value}", lang)
        return shown if shown == value else f"{shown} ({value})"

    def sev(value: str) -> str:
        return both("sev", value)

    lines = [f"{rule.id} — {rule.title.get(lang)}", ""]
    lines.append(f"{t('explain.severity', lang)}: {sev(rule.severity.value)}")
    if rule.severity_final is not None and rule.severity_final is not rule.severity:
        lines.append(f"{t('explain.severity_final', lang)}: {sev(rule.severity_final.value)}")
    lines.append(f"{t('explain.applies_to', lang)}: {', '.join(rule.applies_to)}")
    lines.append(f"{t('explain.languages', lang)}: {', '.join(rule.languages)}")
    lines.append(f"{t('explain.confidence', lang)}: {both('confidence', rule.confidence)}")
    lines.append(f"{t('report.source', lang)}: {rule.source}")
    if rule.checklist:
        lines.append(t("explain.checklist", lang))
    lines.append("")
    lines.extend(textwrap.wrap(rule.doc.get(lang), width=88) or [""])
    for key, text in (
        ("report.example_bad", rule.example_bad),
        ("report.example_good", rule.example_good),
    ):
        lines.extend(["", f"{t(key, lang)}:"])
        lines.extend(textwrap.indent(line, "    ") for line in text.get(lang).strip().splitlines())
    return "\n".join(lines) + "\n"


@main.command()
@click.argument("rule_id", metavar="RULE-ID")
@shared_options
@guarded
def explain(rule_id: str, lang: str | None, profile: str | None, config_file: str | None) -> None:
    """Explain one rule: why, source, confidence, a bad and a good example."""
    from naskah_lint.api import prepared_pack
    from naskah_lint.i18n import t

    settings = load_settings({"lang": lang, "profile": profile}, config_file)
    pack = prepared_pack(settings)
    rule = pack.rule(rule_id.strip().upper())
    if rule is None:
        _fail(t("cli.unknown_rule", settings.lang, rule=rule_id, pack=pack.name), EXIT_USAGE)
        return
    click.echo(explain_text(rule, settings.lang), nl=False)


def _add_commands() -> None:
    """register, new and diff live in naskah_lint.commands (light modules: click only)."""
    from naskah_lint.commands.diff_cmd import diff
    from naskah_lint.commands.new_cmd import new
    from naskah_lint.commands.register_cmd import register

    for command in (register, new, diff):
        main.add_command(command)


_add_commands()


if __name__ == "__main__":  # pragma: no cover
    main()
