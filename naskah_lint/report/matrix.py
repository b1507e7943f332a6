"""The compliance matrix: every requirement of the pack × every document, with evidence.

PASS = the rule ran and found nothing; FAIL = an error or warning; NEEDS-REVIEW = a checklist
item a person must decide, or an info-level note; N/A = the rule does not apply to the document
(type, language, selection). This is the artefact a reviewer signs off.
"""

from __future__ import annotations

import html
from dataclasses import dataclass

from naskah_lint.engine.api import Pack, RuleSpec
from naskah_lint.findings import FileResult, Report, Severity
from naskah_lint.i18n import t

PASS, FAIL, REVIEW, NA = "PASS", "FAIL", "NEEDS-REVIEW", "N/A"
CSS_CLASS = {PASS: "pass", FAIL: "fail", REVIEW: "review", NA: "na"}  # unreadable: "na"


@dataclass(frozen=True, slots=True)
class Cell:
    """One requirement in one document: its status and the findings' locations."""

    status: str  # PASS|FAIL|NEEDS-REVIEW|N/A, or "" for an unreadable file
    evidence: str  # location label(s) of the findings, empty for PASS/N/A


def cell(rule: RuleSpec, result: FileResult) -> Cell:
    """The status of one requirement in one file."""
    if result.error is not None or result.internal_error is not None:
        return Cell("", "")
    if rule.id not in result.rules_run:
        return Cell(NA, "")
    found = [f for f in result.findings if f.rule == rule.id]
    labels = [f.location.label for f in found if f.location.label]
    evidence = labels[0] if labels else ""
    if len(labels) > 1:
        evidence += f" (+{len(labels) - 1})"
    if any(f.severity in (Severity.ERROR, Severity.WARNING) for f in found):
        return Cell(FAIL, evidence)
    if rule.checklist or found:
        return Cell(REVIEW, evidence)
    return Cell(PASS, "")


def rows(report: Report, pack: Pack) -> list[tuple[RuleSpec, list[Cell]]]:
    """One row per rule of the pack (pack order by id), one cell per file."""
    return [(r, [cell(r, f) for f in report.files]) for r in sorted(pack.rules, key=lambda r: r.id)]


def _status_text(status: str, lang: str) -> str:
    """A status in `lang` (an unreadable file's cell has none)."""
    return t(f"matrix.{status}", lang) if status else t("matrix.unreadable", lang)


def _file_name(path: str) -> str:
    """The last component of a path as given ("drafts/pks.docx" -> "pks.docx")."""
    return path.replace("\\", "/").rstrip("/").rsplit("/", 1)[-1] or path


def _md(text: str) -> str:
    """Text safe inside a Markdown table cell."""
    return text.replace("|", "\\|").replace("\n", " ")


def render(report: Report, pack: Pack, lang: str) -> str:
    """Markdown: requirement × document."""
    pack_label = t("matrix.pack", lang, name=pack.name, version=pack.version)
    out = [f"# {t('matrix.title', lang)}: {pack_label}", ""]
    head = [t("matrix.requirement", lang), *(_md(f.path) for f in report.files)]
    out.append("| " + " | ".join(head) + " |")
    out.append("|" + "---|" * len(head))
    for rule, cells in rows(report, pack):
        line = [f"`{rule.id}` {_md(rule.title.get(lang))}"]
        for c in cells:
            text = _status_text(c.status, lang)
            if c.status in (FAIL, REVIEW):  # what the reviewer must look at stands out
                text = f"**{text}**"
            if c.evidence:
                text += f" ({_md(c.evidence)})"
            line.append(text)
        out.append("| " + " | ".join(line) + " |")
    out += ["", t("matrix.legend", lang), ""]
    return "\n".join(out)


def render_html_section(report: Report, pack: Pack, lang: str) -> str:
    """The same matrix as an HTML <section> for the HTML report (escaped, no scripts)."""
    e = html.escape
    parts = [
        '<section id="matrix" aria-labelledby="matrix-title">',
        f'<h2 id="matrix-title">{e(t("matrix.title", lang))}</h2>',
        '<div class="matrix-wrap"><table class="matrix"><thead><tr>',
        f'<th scope="col">{e(t("matrix.requirement", lang))}</th>',
    ]
    # a column is headed by the file's name, linked to its card (#file-N) with the path as a tip
    parts += [
        f'<th scope="col" title="{e(f.path)}"><a href="#file-{i}">{e(_file_name(f.path))}</a></th>'
        for i, f in enumerate(report.files, start=1)
    ]
    parts.append("</tr></thead><tbody>")
    for rule, cells in rows(report, pack):
        parts.append(
            f'<tr><th scope="row"><code>{e(rule.id)}</code> {e(rule.title.get(lang))}</th>'
        )
        for c in cells:
            css = CSS_CLASS.get(c.status, "na")
            ev = f"<br><small>{e(c.evidence)}</small>" if c.evidence else ""
            parts.append(
                f'<td class="m-{css}" data-status="{e(c.status)}">'
                f"{e(_status_text(c.status, lang))}{ev}</td>"
            )
        parts.append("</tr>")
    parts.append("</tbody></table></div>")
    parts.append(f'<p class="matrix-legend">{e(t("matrix.legend", lang))}</p></section>')
    return "".join(parts)
