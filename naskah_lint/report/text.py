"""The human text report (rich): a header per file, one line per finding, a summary line.

Lines are built as rich `Text` objects, never markup strings, so bracketed document text such as
"[dua juta]" is printed as written. Output is plain (no colour, no styles) when piped or when
NO_COLOR is set, and lines are never wrapped (grep-friendly).
"""

from __future__ import annotations

import io
import os
from collections.abc import Iterable
from typing import IO, TYPE_CHECKING

from naskah_lint.engine.api import Pack
from naskah_lint.findings import FileResult, Report, Severity
from naskah_lint.i18n import t

if TYPE_CHECKING:
    from rich.console import Console
    from rich.text import Text

STYLES = {
    Severity.ERROR: "bold red",
    Severity.WARNING: "yellow",
    Severity.INFO: "cyan",
}
INDENT = "  "


def _severity_width(lang: str) -> int:
    """The widest severity name in `lang`, so that rule ids line up."""
    return max(len(t(f"sev.{s.value}", lang)) for s in Severity)


def file_lines(result: FileResult, lang: str) -> list[Text]:
    """The lines for one file: a header, then one line per finding (suggestions indented)."""
    from rich.text import Text

    header = Text()
    header.append(result.path, style="bold")
    if result.error is not None:
        header.append("  ")
        msg = t("report.unreadable", lang, code=result.error.code, message=result.error.message)
        header.append(msg, style="bold red")
        return [header]
    doc_type = result.document_type or t("report.doctype_unknown", lang)
    header.append(f"  {doc_type}", style="dim")
    lines = [header]
    if result.internal_error is not None:
        lines.append(
            Text(INDENT)
            + Text(t("report.internal", lang, message=result.internal_error), style="bold red")
        )
    if not result.findings:
        if result.internal_error is None:
            header.append(f"  {t('report.no_findings', lang)}", style="green")
        return lines
    sev_width = _severity_width(lang)
    rule_width = max(len(f.rule) for f in result.findings)
    for finding in result.findings:
        line = Text(INDENT)
        line.append(
            t(f"sev.{finding.severity.value}", lang).ljust(sev_width), STYLES[finding.severity]
        )
        line.append("  ")
        line.append(finding.rule.ljust(rule_width), style="bold")
        line.append("  ")
        if finding.location.label:
            line.append(finding.location.label, style="dim")
            line.append(": ")
        line.append(finding.message)
        lines.append(line)
        if finding.suggestion:
            pad = INDENT + " " * (sev_width + rule_width + 4)
            lines.append(Text(pad) + Text(t("report.suggestion", lang, text=finding.suggestion)))
    return lines


def summary_text(report: Report, lang: str) -> str:
    """Files checked, findings per severity, unreadable files: the report's closing words."""
    return t(
        "report.summary",
        lang,
        files=len(report.files),
        error=report.count(Severity.ERROR),
        warning=report.count(Severity.WARNING),
        info=report.count(Severity.INFO),
        unreadable=report.unreadable,
    )


def summary_line(report: Report, lang: str) -> Text:
    """The closing line: the summary, plus what the baseline fixed."""
    from rich.text import Text

    line = Text(summary_text(report, lang), style="bold")
    if report.baseline_fixed:
        line.append(f"; {t('report.baseline_fixed', lang, n=report.baseline_fixed)}")
    return line


def verdict_line(report: Report, lang: str) -> Text:
    """`--mode final`: ready to sign only with no error-level finding and every file read."""
    from rich.text import Text

    blocking = report.count(Severity.ERROR)
    files = sum(1 for r in report.files if r.count(Severity.ERROR))
    if blocking == 0 and report.unreadable == 0:
        return Text(t("report.verdict_ready", lang), style="bold green")
    return Text(
        t(
            "report.verdict_blocked",
            lang,
            n=blocking,
            files=files,
            unreadable=report.unreadable,
        ),
        style="bold red",
    )


def report_lines(report: Report, lang: str) -> Iterable[Text]:
    """Every line of the report, in order; in final mode a verdict closes it."""
    for result in report.files:
        yield from file_lines(result, lang)
    yield summary_line(report, lang)
    if report.mode == "final":
        yield verdict_line(report, lang)


def make_console(file: IO[str] | None = None, plain: bool | None = None) -> Console:
    """A console that never wraps; plain when asked, when NO_COLOR is set or when not a TTY
    (rich decides the last itself)."""
    from rich.console import Console

    if plain is None:
        plain = bool(os.environ.get("NO_COLOR"))
    if plain:
        return Console(
            file=file, color_system=None, force_terminal=False, highlight=False, soft_wrap=True
        )
    return Console(file=file, highlight=False, soft_wrap=True)


def print_report(report: Report, lang: str, console: Console) -> None:
    """Print the report line by line (streaming-friendly: one file at a time)."""
    for line in report_lines(report, lang):
        console.print(line)


def render(report: Report, pack: Pack, lang: str) -> str:
    """The report as plain text (no colour codes), e.g. for --output or tests."""
    buffer = io.StringIO()
    print_report(report, lang, make_console(buffer, plain=True))
    return buffer.getvalue()
