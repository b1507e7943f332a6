"""One self-contained HTML report for reviewers: summary, findings by part and pasal, outline,
filters. Inline CSS and vanilla JS only: it opens offline and never touches the network."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from html import escape
from typing import Any

from naskah_lint.engine.api import Pack
from naskah_lint.findings import FileResult, Finding, Report, Severity
from naskah_lint.i18n import t
from naskah_lint.report._common import story_label

SEVERITIES: tuple[Severity, ...] = (Severity.ERROR, Severity.WARNING, Severity.INFO)
_STORY_ORDER = ("header", "footer", "footnote", "textbox", "comment")


def e(text: object) -> str:
    """HTML-escape any value (quotes included, so it is safe in attributes too)."""
    return escape(str(text), quote=True)


def render(report: Report, pack: Pack, lang: str) -> str:
    """The complete HTML document."""
    lang = "en" if lang == "en" else "id"
    total = sum(len(r.findings) for r in report.files)
    body = "\n".join(
        [
            _header(report, lang),
            '<main id="main">',
            _filters(report, pack, lang, total),
            _summary(report, lang),
            *(_file(i, r, pack, lang) for i, r in enumerate(report.files, start=1)),
            _matrix(report, pack, lang),
            "</main>",
            '<footer class="page-footer">'
            f"{e(t('html.generated', lang, version=report.tool_version))}</footer>",
        ]
    )
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="{lang}">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '<meta name="generator" content="naskah-lint">\n'
        f"<title>{e(t('html.title', lang))}</title>\n"
        f"<style>{_CSS}</style>\n</head>\n<body>\n"
        f'<a class="skip" href="#main">{e(t("html.skip", lang))}</a>\n'
        f"{body}\n<script>{_JS}</script>\n</body>\n</html>\n"
    )


# --- page parts -------------------------------------------------------------------------------


def _header(report: Report, lang: str) -> str:
    """Title, profile, mode and the overall counts."""
    mode = t(f"html.mode.{report.mode}", lang) if report.mode in ("draft", "final") else report.mode
    counts = "".join(
        f'<li class="pill sev-{s.value}"><span class="num">{report.count(s)}</span> '
        f"{e(t(f'sev.{s.value}', lang))}</li>"
        for s in SEVERITIES
    )
    files = (
        f'<li class="pill"><span class="num">{len(report.files)}</span> '
        f"{e(t('html.files', lang))}</li>"
    )
    unreadable = (
        f'<li class="pill sev-error"><span class="num">{report.unreadable}</span> '
        f"{e(t('html.unreadable', lang))}</li>"
        if report.unreadable
        else ""
    )
    return (
        '<header class="page-header">'
        f"<h1>{e(t('html.title', lang))}</h1>"
        '<p class="meta">'
        f"{e(t('html.profile', lang))}: <strong>{e(report.profile_name)}</strong> "
        f"v{e(report.profile_version)} · {e(t('html.mode', lang))}: <strong>{e(mode)}</strong> · "
        f"naskah-lint {e(report.tool_version)}</p>"
        f'<ul class="totals" aria-label="{e(t("html.totals", lang))}">'
        f"{files}{counts}{unreadable}</ul>"
        "</header>"
    )


def _filters(report: Report, pack: Pack, lang: str, total: int) -> str:
    """Severity checkboxes, a rule select and the live count of findings shown."""
    boxes = "".join(
        f'<label class="check sev-{s.value}"><input type="checkbox" name="severity" '
        f'value="{s.value}" checked> <span class="badge sev-{s.value}">'
        f"{e(t(f'sev.{s.value}', lang))}</span> "
        f'<span class="muted">({report.count(s)})</span></label>'
        for s in SEVERITIES
    )
    rules = sorted({f.rule for r in report.files for f in r.findings})
    options = "".join(
        f'<option value="{e(rule_id)}">{e(rule_id)}{e(_rule_suffix(pack, rule_id, lang))}</option>'
        for rule_id in rules
    )
    template = t("html.shown", lang, shown="{shown}", total="{total}")
    return (
        f'<section class="filters" aria-label="{e(t("html.filters", lang))}">'
        f"<fieldset><legend>{e(t('html.filter.severity', lang))}</legend>{boxes}</fieldset>"
        '<div class="rule-filter">'
        f'<label for="rule-filter">{e(t("html.filter.rule", lang))}</label> '
        f'<select id="rule-filter"><option value="">{e(t("html.filter.all_rules", lang))}</option>'
        f"{options}</select></div>"
        f'<p class="shown"><output id="shown-count" aria-live="polite" '
        f'data-template="{e(template)}" data-total="{total}">'
        f"{e(t('html.shown', lang, shown=total, total=total))}</output></p>"
        "</section>"
    )


def _rule_suffix(pack: Pack, rule_id: str, lang: str) -> str:
    """ " — title" for a rule the pack knows, else nothing."""
    spec = pack.rule(rule_id)
    return f" — {spec.title.get(lang)}" if spec is not None else ""


def _summary(report: Report, lang: str) -> str:
    """One row per file: type, counts per severity, status."""
    head = "".join(
        f'<th scope="col" class="num">{e(t(f"sev.{s.value}", lang))}</th>' for s in SEVERITIES
    )
    names = {s: e(t(f"sev.{s.value}", lang)) for s in SEVERITIES}
    doctype_name, status_name = e(t("html.doctype", lang)), e(t("html.status", lang))
    rows = []
    for i, r in enumerate(report.files, start=1):
        cells = "".join(
            f'<td class="num" data-label="{names[s]}">{r.count(s)}</td>' for s in SEVERITIES
        )
        if r.error is not None:
            status = (
                f'<span class="badge sev-error">{e(t("html.unreadable", lang))}</span> '
                f"<code>{e(r.error.code)}</code> {e(r.error.message)}"
            )
            cells = "".join(f'<td class="num" data-label="{names[s]}">–</td>' for s in SEVERITIES)
        elif not r.findings:
            status = f'<span class="badge ok">{e(t("html.clean", lang))}</span>'
        else:
            status = e(t("html.findings_count", lang, n=len(r.findings)))
        if r.suppressed:
            status += (
                f' <span class="muted">· {e(t("html.suppressed", lang, n=r.suppressed))}</span>'
            )
        rows.append(
            f'<tr><th scope="row"><a href="#file-{i}">{e(r.path)}</a></th>'
            f'<td data-label="{doctype_name}">{e(_doctype(r.document_type, lang))}</td>{cells}'
            f'<td class="status" data-label="{status_name}">{status}</td></tr>'
        )
    return (
        '<section class="summary" aria-labelledby="summary-h">'
        f'<h2 id="summary-h">{e(t("html.summary", lang))}</h2>'
        '<div class="table-wrap"><table>'
        f'<thead><tr><th scope="col">{e(t("html.file", lang))}</th>'
        f'<th scope="col">{e(t("html.doctype", lang))}</th>{head}'
        f'<th scope="col">{e(t("html.status", lang))}</th></tr></thead>'
        f"<tbody>{''.join(rows)}</tbody></table></div></section>"
    )


def _doctype(code: str | None, lang: str) -> str:
    """ "Perjanjian Kerja Sama (PKS)" for a type code; a dash when unknown."""
    if code is None:
        return "–"
    if code in ("NK", "PKS", "ADDENDUM", "OTHER"):
        return t(f"html.doctype.{code}", lang)
    return code


def _file(index: int, result: FileResult, pack: Pack, lang: str) -> str:
    """A file's card: findings grouped by part and pasal beside its outline."""
    head = (
        f'<h2 id="file-{index}-h"><span class="path">{e(result.path)}</span> '
        + (
            f'<span class="doctype">{e(_doctype(result.document_type, lang))}</span>'
            if result.document_type
            else ""
        )
        + "</h2>"
    )
    if result.error is not None:
        body = (
            f'<p class="file-error"><span class="badge sev-error">{e(t("html.unreadable", lang))}'
            f"</span> <code>{e(result.error.code)}</code> {e(result.error.message)}</p>"
        )
        return (
            f'<article class="file" id="file-{index}" aria-labelledby="file-{index}-h">'
            f"{head}{body}</article>"
        )
    outline = _outline_dict(result)
    findings = _findings_html(index, result, pack, lang, outline)
    aside = _outline_html(index, outline, lang) if outline is not None else ""
    layout = "layout" if aside else "layout single"
    internal = (
        f'<p class="file-error">{e(t("report.internal", lang, message=result.internal_error))}</p>'
        if result.internal_error is not None
        else ""
    )
    return (
        f'<article class="file" id="file-{index}" aria-labelledby="file-{index}-h">{head}'
        f'{internal}<div class="{layout}">{findings}{aside}</div></article>'
    )


def _findings_html(
    index: int,
    result: FileResult,
    pack: Pack,
    lang: str,
    outline: Mapping[str, Any] | None,
) -> str:
    """The findings column: one section per group (part, pasal or story)."""
    label = e(t("html.findings", lang))
    if not result.findings:
        return (
            f'<section class="findings" aria-label="{label}">'
            f'<p class="empty">{e(t("html.no_findings", lang))}</p></section>'
        )
    titles = _pasal_titles(outline)
    groups: dict[tuple[int, int, str], list[Finding]] = {}
    names: dict[tuple[int, int, str], str] = {}
    for finding in result.findings:
        key, name = _group(finding, lang, titles)
        groups.setdefault(key, []).append(finding)
        names.setdefault(key, name)
    parts = []
    for g, key in enumerate(sorted(groups, key=lambda k: (k[0], _first_block(groups[k]), k[2]))):
        items = "".join(_finding_html(f, pack, lang) for f in groups[key])
        gid = f"file-{index}-g{g + 1}"
        parts.append(
            f'<section class="group" aria-labelledby="{gid}">'
            f'<h3 id="{gid}">{e(names[key])} <span class="count">{len(groups[key])}</span></h3>'
            f'<ol class="finding-list">{items}</ol></section>'
        )
    none = f'<p class="empty none-match" hidden>{e(t("html.none_match", lang))}</p>'
    return f'<section class="findings" aria-label="{label}">{"".join(parts)}{none}</section>'


def _first_block(findings: Sequence[Finding]) -> int:
    """The lowest block number in a group (groups follow the document)."""
    return min((f.location.block or 0) for f in findings)


def _pasal_titles(outline: Mapping[str, Any] | None) -> dict[int, str]:
    """Pasal number -> title from the outline, for group headings."""
    out: dict[int, str] = {}
    for p in _list(outline, "pasal"):
        if isinstance(p, Mapping) and isinstance(p.get("number"), int) and p.get("title"):
            out[p["number"]] = str(p["title"])
    return out


def _group(
    finding: Finding, lang: str, titles: Mapping[int, str]
) -> tuple[tuple[int, int, str], str]:
    """(sort key, heading) of a finding's group: whole document, a body part, a pasal, a story."""
    loc = finding.location
    if loc.story != "body":
        order = _STORY_ORDER.index(loc.story) if loc.story in _STORY_ORDER else len(_STORY_ORDER)
        return (2, order, loc.story), story_label(loc.story, None, lang)
    if loc.part == "dokumen" or loc.block is None:
        return (0, 0, "dokumen"), t("loc.dokumen", lang)
    if loc.part == "pasal" and loc.pasal is not None:
        name = t("loc.pasal", lang, pasal=loc.pasal)
        if loc.pasal in titles:
            name += f" — {titles[loc.pasal]}"
        return (1, 0, f"pasal-{loc.pasal:06d}"), name
    key = f"loc.{loc.part}"
    name = t(key, lang) if _has_key(key) else loc.part
    return (1, 0, loc.part), name


def _has_key(key: str) -> bool:
    """Whether the catalogue has a string for `key`."""
    from naskah_lint.i18n import ID

    return key in ID


def _finding_html(finding: Finding, pack: Pack, lang: str) -> str:
    """One finding: severity badge, rule id (title as tooltip), location, message, excerpt."""
    sev = finding.severity.value
    spec = pack.rule(finding.rule)
    title = spec.title.get(lang) if spec is not None else ""
    rule = f'<code class="rule" title="{e(title)}">{e(finding.rule)}</code>' + (
        f'<span class="rule-title">{e(title)}</span>' if title else ""
    )
    parts = [
        f'<li class="finding sev-{sev}" data-severity="{sev}" data-rule="{e(finding.rule)}">',
        '<div class="finding-head">',
        f'<span class="badge sev-{sev}">{e(t(f"sev.{sev}", lang))}</span> {rule}',
        f'<span class="loc">{e(finding.location.label)}</span>' if finding.location.label else "",
        "</div>",
        f'<p class="message">{e(finding.message)}</p>',
    ]
    if finding.location.excerpt:
        parts.append(
            f'<blockquote class="excerpt" aria-label="{e(t("html.excerpt", lang))}">'
            f"{e(finding.location.excerpt)}</blockquote>"
        )
    if finding.suggestion:
        parts.append(
            f'<p class="suggestion">{e(t("report.suggestion", lang, text=finding.suggestion))}</p>'
        )
    parts.append("</li>")
    return "".join(parts)


# --- outline panel ----------------------------------------------------------------------------


def _outline_dict(result: FileResult) -> Mapping[str, Any] | None:
    """The outline as the outline command's JSON dict, or None (no outline, or no renderer)."""
    if result.outline is None:
        return None
    try:
        from naskah_lint.outline.render import outline_json
    except ImportError:
        return None
    data = outline_json(result.outline, result.path)
    return data if isinstance(data, Mapping) else None


def _list(data: Mapping[str, Any] | None, key: str) -> list[Any]:
    """`data[key]` when it is a list, else []."""
    if data is None:
        return []
    value = data.get(key)
    return list(value) if isinstance(value, list | tuple) else []


def _text(value: object) -> str:
    """A plain value for display ('' for None)."""
    return "" if value is None else str(value)


def _outline_html(index: int, data: Mapping[str, Any], lang: str) -> str:
    """The recognised outline: title, nomor, opening, parties, pasal list, closing, signatures."""
    missing = f'<span class="muted">{e(t("html.outline.none", lang))}</span>'
    rows: list[tuple[str, str]] = []

    title = data.get("title")
    lines = [str(x) for x in title.get("lines", [])] if isinstance(title, Mapping) else []
    rows.append(("html.outline.title", "<br>".join(e(x) for x in lines) or missing))
    perihal = title.get("perihal") if isinstance(title, Mapping) else None
    rows.append(("html.outline.perihal", e(perihal) if perihal else missing))

    nomor = [str(n) for n in _list(data, "nomor") if n]
    rows.append(("html.outline.nomor", _ul(nomor, e) if nomor else missing))

    rows.append(("html.outline.opening", _opening(data.get("opening"), lang) or missing))

    parties = [p for p in _list(data, "parties") if isinstance(p, Mapping)]
    rows.append(("html.outline.parties", _ol(parties, _party) if parties else missing))

    recitals = data.get("recitals")
    if isinstance(recitals, int):
        rows.append(("html.outline.recitals", e(t("html.outline.recitals_n", lang, n=recitals))))

    pasal = [p for p in _list(data, "pasal") if isinstance(p, Mapping)]
    rows.append(("html.outline.pasal", _pasal_list(pasal, lang) if pasal else missing))

    closing = data.get("closing")
    if isinstance(closing, Mapping):
        rangkap = closing.get("rangkap")
        text = t("html.outline.rangkap", lang, n=rangkap) if rangkap is not None else ""
        rows.append(("html.outline.closing", e(text) or e(_block(closing.get("block"), lang))))
    else:
        rows.append(("html.outline.closing", missing))

    signatures = [s for s in _list(data, "signatures") if isinstance(s, Mapping)]
    rows.append(("html.outline.signatures", _ul(signatures, _signature) if signatures else missing))

    items = "".join(f"<dt>{e(t(key, lang))}</dt><dd>{value}</dd>" for key, value in rows)
    hid = f"file-{index}-outline"
    return (
        f'<aside class="outline" aria-labelledby="{hid}">'
        f'<h3 id="{hid}">{e(t("html.outline", lang))}</h3><dl>{items}</dl></aside>'
    )


def _block(block: object, lang: str) -> str:
    """ "paragraf 14" for a block number, '' otherwise."""
    return t("loc.paragraph", lang, block=block) if isinstance(block, int) else ""


def _opening(opening: object, lang: str) -> str:
    """ "Senin, 8 Juli 2024, Karanganyar (paragraf 14)"."""
    if not isinstance(opening, Mapping):
        return ""
    bits = [_text(opening.get("weekday")), _date(opening.get("date"), lang)]
    bits.append(_text(opening.get("place")))
    text = ", ".join(b for b in bits if b)
    block = _block(opening.get("block"), lang)
    if block:
        text = f"{text} ({block})" if text else block
    return e(text)


def _date(value: object, lang: str) -> str:
    """An ISO date as people write it ("8 Juli 2024", "8 July 2024"); anything else as given."""
    from datetime import date

    from naskah_lint.lang.dates import format_date, format_date_en

    text = _text(value)
    try:
        day = date.fromisoformat(text)
    except ValueError:
        return text
    return format_date_en(day) if lang == "en" else format_date(day)


def _labelled(label: str, text: str, note: str) -> str:
    """ "<strong>label</strong>: text <span class="muted">note</span>" (empty parts left out)."""
    out = f"<strong>{e(label)}</strong>: " if label else ""
    out += e(text)
    if note:
        out += f' <span class="muted">{e(note)}</span>'
    return out


def _party(p: Mapping[str, Any]) -> str:
    """ "PIHAK KESATU: NAME, jabatan — institution"."""
    who = ", ".join(x for x in (_text(p.get("name")), _text(p.get("jabatan"))) if x)
    inst = _text(p.get("institution"))
    return _labelled(_text(p.get("alias")), who, f"— {inst}" if inst else "")


def _signature(s: Mapping[str, Any]) -> str:
    """ "PIHAK KESATU: NAME (jabatan)"."""
    jabatan = _text(s.get("jabatan"))
    name = _text(s.get("name")) or "…"
    return _labelled(_text(s.get("label")), name, f"({jabatan})" if jabatan else "")


def _pasal_list(pasal: Sequence[Mapping[str, Any]], lang: str) -> str:
    """Numbered pasal with title, canonical clause id and ayat count."""
    items = []
    for p in pasal:
        number = p.get("number")
        head = t("loc.pasal", lang, pasal=number if number is not None else "?")
        title = _text(p.get("title"))
        clause = p.get("clause")
        ayat = p.get("ayat")
        line = f'<span class="pasal-no">{e(head)}</span> {e(title)}'
        if clause:
            line += f' <code class="clause">{e(clause)}</code>'
        else:
            line += f' <code class="clause none">{e(t("html.outline.no_clause", lang))}</code>'
        if isinstance(ayat, int) and ayat:
            line += f' <span class="muted">{e(t("html.outline.ayat_n", lang, n=ayat))}</span>'
        items.append(f"<li>{line}</li>")
    return f'<ol class="pasal-list">{"".join(items)}</ol>'


def _ul(items: Iterable[Any], fmt: Callable[[Any], str]) -> str:
    return "<ul>" + "".join(f"<li>{fmt(x)}</li>" for x in items) + "</ul>"


def _ol(items: Iterable[Any], fmt: Callable[[Any], str]) -> str:
    return "<ol>" + "".join(f"<li>{fmt(x)}</li>" for x in items) + "</ol>"


# --- matrix -----------------------------------------------------------------------------------


def _matrix(report: Report, pack: Pack, lang: str) -> str:
    """The compliance matrix `<section id="matrix">` from `matrix.render_html_section` when it
    exists, else an empty hidden placeholder with the same id."""
    try:
        from naskah_lint.report import matrix
    except ImportError:
        return '<section id="matrix" hidden></section>'
    build = getattr(matrix, "render_html_section", None)
    fragment = str(build(report, pack, lang)) if callable(build) else ""
    return fragment or '<section id="matrix" hidden></section>'


# --- assets -----------------------------------------------------------------------------------

_CSS = """
:root{--fg:#1d2433;--muted:#5b6475;--bg:#f4f6f9;--card:#fff;--line:#dde2ea;--accent:#1f4e8c;
--err:#b42318;--err-bg:#fef3f2;--warn:#93370d;--warn-bg:#fffaeb;--info:#175cd3;--info-bg:#eff8ff;
--ok:#067647;--ok-bg:#ecfdf3}
*{box-sizing:border-box}
[hidden]{display:none!important}
html{font-size:15px}
body{margin:0;font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans","Liberation Sans",
Arial,sans-serif;color:var(--fg);background:var(--bg);line-height:1.5}
.skip{position:absolute;left:-999px;top:0;background:var(--accent);color:#fff;padding:.5rem 1rem}
.skip:focus{left:1rem;z-index:10}
.page-header{background:var(--accent);color:#fff;padding:1.25rem 2rem 1rem}
.page-header h1{margin:0 0 .25rem;font-size:1.5rem;font-weight:650;letter-spacing:.01em}
.page-header .meta{margin:0 0 .75rem;opacity:.9;font-size:.93rem}
.totals{list-style:none;margin:0;padding:0;display:flex;flex-wrap:wrap;gap:.5rem}
.pill{background:rgba(255,255,255,.14);border:1px solid rgba(255,255,255,.3);border-radius:999px;
padding:.15rem .75rem;font-size:.9rem}
.pill .num{font-weight:700}
.pill.sev-error .num{color:#ffd3cf}.pill.sev-warning .num{color:#ffe7a8}
.pill.sev-info .num{color:#cfe6ff}
main{max-width:1280px;margin:0 auto;padding:1rem 2rem 2rem}
.filters{position:sticky;top:0;z-index:5;display:flex;flex-wrap:wrap;align-items:center;
gap:.75rem 1.5rem;
background:var(--card);border:1px solid var(--line);border-radius:10px;padding:.6rem 1rem;
margin:.5rem 0 1rem;
box-shadow:0 1px 3px rgba(16,24,40,.08)}
.filters fieldset{border:0;margin:0;padding:0;display:flex;flex-wrap:wrap;gap:.25rem 1rem;
align-items:center}
.filters legend{float:left;font-weight:600;margin-right:.5rem}
.check{display:inline-flex;align-items:center;gap:.35rem;cursor:pointer}
.check input{width:1.05rem;height:1.05rem;accent-color:var(--accent)}
.rule-filter label{font-weight:600;margin-right:.35rem}
select{font:inherit;padding:.25rem .4rem;border:1px solid var(--line);border-radius:6px;
max-width:15rem;
background:#fff}
.shown{margin:0 0 0 auto;font-weight:600;color:var(--accent)}
:focus-visible{outline:3px solid #f79009;outline-offset:2px}
h2{font-size:1.2rem;margin:0 0 .75rem}
.summary,.file,#matrix{background:var(--card);border:1px solid var(--line);border-radius:10px;
padding:1rem 1.25rem;margin:0 0 1rem;box-shadow:0 1px 2px rgba(16,24,40,.05)}
.table-wrap{overflow-x:auto}
table{border-collapse:collapse;width:100%;font-size:.93rem}
th,td{text-align:left;padding:.45rem .6rem;border-bottom:1px solid var(--line);vertical-align:top}
thead th{background:#f8f9fb;font-weight:600;color:var(--muted)}
td.num,th.num{text-align:right;font-variant-numeric:tabular-nums;width:6.5rem}
tbody th{font-weight:500}
a{color:var(--accent)}
.file h2{display:flex;flex-wrap:wrap;align-items:baseline;gap:.6rem;
border-bottom:1px solid var(--line);
padding-bottom:.5rem}
.file h2 .path{font-family:ui-monospace,"SFMono-Regular",Menlo,Consolas,"Liberation Mono",
monospace;
font-size:1.02rem;word-break:break-all}
.doctype{font-size:.85rem;font-weight:500;color:var(--muted);background:#eef1f6;border-radius:6px;
padding:.05rem .5rem}
.layout{display:grid;grid-template-columns:minmax(0,1fr) 22rem;gap:1.25rem;align-items:start}
.layout.single{grid-template-columns:minmax(0,1fr)}
.group h3{font-size:1rem;margin:.75rem 0 .4rem;color:var(--accent)}
.group h3 .count{font-size:.78rem;font-weight:600;color:var(--muted);background:#eef1f6;
border-radius:999px;padding:0 .5rem;margin-left:.25rem}
.finding-list{list-style:none;margin:0;padding:0}
.finding{border:1px solid var(--line);border-left:4px solid var(--line);border-radius:8px;
padding:.55rem .8rem;margin:0 0 .5rem;background:#fff}
.finding.sev-error{border-left-color:var(--err)}
.finding.sev-warning{border-left-color:#f79009}
.finding.sev-info{border-left-color:var(--info)}
.finding-head{display:flex;flex-wrap:wrap;align-items:center;gap:.4rem .6rem}
.badge{display:inline-block;font-size:.75rem;font-weight:700;text-transform:uppercase;
letter-spacing:.04em;
border-radius:4px;padding:.05rem .45rem;border:1px solid transparent}
.badge.sev-error{color:var(--err);background:var(--err-bg);border-color:#fecdca}
.badge.sev-warning{color:var(--warn);background:var(--warn-bg);border-color:#fedf89}
.badge.sev-info{color:var(--info);background:var(--info-bg);border-color:#b2ddff}
.badge.ok{color:var(--ok);background:var(--ok-bg);border-color:#abefc6}
code{font-family:ui-monospace,"SFMono-Regular",Menlo,Consolas,"Liberation Mono",monospace;
font-size:.86em}
.rule{font-weight:700;cursor:help}
.rule-title{color:var(--muted);font-size:.88rem}
.loc{margin-left:auto;color:var(--muted);font-size:.88rem}
.message{margin:.35rem 0 0;white-space:pre-line}
.excerpt{margin:.4rem 0 0;padding:.3rem .7rem;border-left:3px solid var(--line);color:#364152;
background:#f8f9fb;font-family:Georgia,"Times New Roman",serif;white-space:pre-wrap}
.suggestion{margin:.35rem 0 0;color:var(--ok);font-weight:500}
.empty{color:var(--muted);font-style:italic}
.muted{color:var(--muted)}
.file-error{margin:.25rem 0;color:var(--err)}
.outline{background:#f8f9fb;border:1px solid var(--line);border-radius:8px;padding:.75rem 1rem;
font-size:.9rem;position:sticky;top:5rem;max-height:calc(100vh - 6.5rem);overflow:auto}
.outline h3{margin:0 0 .5rem;font-size:1rem}
.outline dl{margin:0}
.outline dt{font-weight:650;color:var(--muted);font-size:.78rem;text-transform:uppercase;
letter-spacing:.05em;margin-top:.6rem}
.outline dd{margin:.15rem 0 0}
.outline ul,.outline ol{margin:.1rem 0;padding-left:1.2rem}
.pasal-list{padding-left:0!important;list-style:none}
.pasal-list li{padding:.12rem 0;border-bottom:1px dashed var(--line)}
.pasal-no{font-weight:600}
.clause{color:var(--ok);background:var(--ok-bg);border-radius:4px;padding:0 .3rem;
white-space:nowrap}
.clause.none{color:var(--muted);background:#eef1f6}
table.matrix td{font-size:.82rem;font-weight:600;white-space:nowrap}
table.matrix td small{font-weight:400;white-space:normal;color:var(--muted)}
table.matrix th code{font-weight:700}
.m-pass{color:var(--ok);background:var(--ok-bg)}.m-fail{color:var(--err);background:var(--err-bg)}
.m-review{color:var(--warn);background:var(--warn-bg)}.m-na{color:var(--muted)}
.matrix-wrap{overflow-x:auto}.matrix-legend{color:var(--muted);font-size:.85rem}
table.matrix th[scope=row]{position:sticky;left:0;z-index:1;background:var(--card);
min-width:min(17rem,45vw)}
table.matrix thead th:first-child{position:sticky;left:0;z-index:2}
table.matrix th[scope=row] code{white-space:nowrap}
table.matrix thead th{min-width:7rem;overflow-wrap:anywhere}
.file.no-match .outline{display:none}
.file.no-match .layout{grid-template-columns:minmax(0,1fr)}
.page-footer{text-align:center;color:var(--muted);font-size:.85rem;padding:0 0 2rem}
@media (max-width:900px){.layout{grid-template-columns:1fr}.outline{position:static;
max-height:none}
main{padding:1rem}}
@media (max-width:640px){main{padding:.75rem}.page-header{padding:1rem}
.filters{position:static}
.summary thead{display:none}
.summary tbody tr{display:grid;grid-template-columns:repeat(3,minmax(0,1fr));gap:.1rem .75rem;
padding:.5rem 0;border-bottom:1px solid var(--line)}
.summary tbody th,.summary tbody td{border:0;padding:.1rem 0;width:auto;text-align:left}
.summary tbody th,.summary tbody td:first-of-type,.summary tbody td.status{grid-column:1/-1}
.summary tbody td::before{content:attr(data-label) ": ";color:var(--muted);font-size:.8rem}}
@media print{body{background:#fff;font-size:11pt}.filters,.skip{display:none}
.page-header{background:#fff;color:#000;border-bottom:2px solid #000;padding:0 0 .5rem}
.pill{border-color:#999}.pill .num{color:#000!important}
.summary,.file,#matrix{box-shadow:none;border:0;padding:0;break-inside:auto}
.file{break-before:page}.finding{break-inside:avoid}
.outline{position:static;max-height:none}
.layout{grid-template-columns:minmax(0,1fr) 16rem}}
"""

_JS = """
(function () {
  "use strict";
  var boxes = Array.prototype.slice.call(document.querySelectorAll('input[name="severity"]'));
  var select = document.getElementById("rule-filter");
  var out = document.getElementById("shown-count");
  if (!out || !select) { return; }
  var template = out.getAttribute("data-template");
  var total = out.getAttribute("data-total");
  function apply() {
    var wanted = {};
    boxes.forEach(function (b) { if (b.checked) { wanted[b.value] = true; } });
    var rule = select.value;
    var shown = 0;
    document.querySelectorAll(".finding").forEach(function (el) {
      var ok = wanted[el.getAttribute("data-severity")] === true &&
        (rule === "" || el.getAttribute("data-rule") === rule);
      el.hidden = !ok;
      if (ok) { shown += 1; }
    });
    document.querySelectorAll(".group").forEach(function (g) {
      g.hidden = g.querySelector(".finding:not([hidden])") === null;
    });
    var filtered = shown !== Number(total);
    document.querySelectorAll(".findings").forEach(function (f) {
      var none = f.querySelector(".finding:not([hidden])") === null;
      var note = f.querySelector(".none-match");
      if (note) { note.hidden = !none; }
      var card = f.closest(".file");
      if (card) { card.classList.toggle("no-match", filtered && none); }
    });
    out.textContent = template.replace("{shown}", String(shown)).replace("{total}", total);
  }
  boxes.forEach(function (b) { b.addEventListener("change", apply); });
  select.addEventListener("change", apply);
  apply();
})();
"""
