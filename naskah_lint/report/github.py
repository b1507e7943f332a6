"""GitHub Actions workflow commands: one annotation per finding, then a plain summary line."""

from __future__ import annotations

from naskah_lint.engine.api import Pack
from naskah_lint.findings import Report, Severity
from naskah_lint.report._common import display_message, file_error, line_of, posix_path
from naskah_lint.report.text import summary_text

COMMANDS: dict[Severity, str] = {
    Severity.ERROR: "error",
    Severity.WARNING: "warning",
    Severity.INFO: "notice",
}


def escape_data(text: str) -> str:
    """Escape a command's message: `%`, CR and LF."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """Escape a property value: as data, plus `:` and `,`."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def _command(name: str, properties: list[tuple[str, str]], message: str) -> str:
    """`::name k=v,k=v::message` with both parts escaped."""
    props = ",".join(f"{key}={escape_property(value)}" for key, value in properties)
    return f"::{name} {props}::{escape_data(message)}"


def render(report: Report, pack: Pack, lang: str) -> str:
    """Annotations for every finding and unreadable file, and a summary line for the log."""
    del pack  # the rule pack adds nothing an annotation can show
    lines: list[str] = []
    for result in report.files:
        path = posix_path(result.path)
        failed = file_error(result)
        if failed is not None:
            code, message = failed
            lines.append(_command("error", [("file", path), ("title", code)], message))
        if result.error is not None:
            continue
        for finding in result.findings:
            props = [
                ("file", path),
                ("line", str(line_of(finding, result))),
                ("title", finding.rule),
            ]
            lines.append(_command(COMMANDS[finding.severity], props, display_message(finding)))
    lines.append(summary_text(report, lang))
    return "\n".join(lines) + "\n"
