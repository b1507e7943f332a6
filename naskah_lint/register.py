"""The agreement register: one row of cooperation data per agreement, taken from the documents.

Monitoring and evaluation of KPU cooperation needs the parties, each party's nomor, the signing
date and place, the duration and the end date of every agreement; `naskah-lint register` reads
them from the drafts themselves instead of having them typed again.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from naskah_lint.lang import dates, quantities
from naskah_lint.lang.normalize import find_placeholders
from naskah_lint.outline.model import Outline

COLUMNS = (
    "path",
    "document_type",
    "title",
    "perihal",
    "parties",
    "nomor",
    "signing_date",
    "signing_place",
    "duration",
    "start_date",
    "end_date",
    "days_until_expiry",
    "status",
    "sha256",
    "error",
)


@dataclass(frozen=True, slots=True)
class RegisterRow:
    """One agreement of the register; None where the document does not say (or a blank)."""

    path: str
    document_type: str | None
    title: str | None
    perihal: str | None
    parties: tuple[str | None, ...]  # None: the party's institution is still a blank
    nomor: tuple[str | None, ...]
    signing_date: dt.date | None
    signing_place: str | None
    duration: str | None  # e.g. "P1Y", "P6M" (ISO 8601)
    start_date: dt.date | None
    end_date: dt.date | None
    days_until_expiry: int | None
    status: str  # draft|active|expiring|expired|unreadable
    sha256: str | None
    error: str | None = None


def _iso_duration(years: int, months: int, days: int) -> str | None:
    """An ISO 8601 duration ("P1Y6M"); None for nothing."""
    if not (years or months or days):
        return None
    out = "P"
    if years:
        out += f"{years}Y"
    if months:
        out += f"{months}M"
    if days:
        out += f"{days}D"
    return out


def _jangka_waktu_text(outline: Outline, block_texts: Sequence[str]) -> str:
    """Text of the Jangka Waktu pasal(s); empty when there is none, because a duration found
    elsewhere ("paling lambat 3 (tiga) bulan") would be a guess."""
    return "\n".join(
        "\n".join(block_texts[p.first_block - 1 : p.last_block])
        for p in outline.pasal
        if p.clause == "jangka-waktu"
    )


def _filled(text: str | None) -> str | None:
    """The text when it is really filled in; None for blanks and template fields."""
    if text is None:
        return None
    text = " ".join(text.split())
    if not any(c.isalnum() for c in text) or find_placeholders(text):
        return None  # "…………", "_____", "${mitra}", "(nama)"
    return text


def _parties(outline: Outline) -> tuple[str | None, ...]:
    """Each party's institution from the komparisi; a party that names none takes a title
    institution no other party claims (the title lists the same institutions, maybe reordered),
    then its jabatan, then its name."""
    title = tuple(_filled(i) for i in outline.title.institutions) if outline.title else ()
    if not outline.parties:
        return title
    named = [_filled(p.institution) for p in outline.parties]
    claimed = {n.casefold() for n in named if n}
    spare = [i for i in title if i and i.casefold() not in claimed]
    out: list[str | None] = []
    for party, institution in zip(outline.parties, named, strict=True):
        if institution is None and spare:
            institution = spare.pop(0)
        elif institution is None and party.institution is None:
            institution = _filled(party.jabatan) or _filled(party.name)
        out.append(institution)
    return tuple(out)


def build_row(
    path: str,
    sha256: str,
    outline: Outline,
    body_texts: Sequence[str],
    today: dt.date,
    expiring_days: int,
) -> RegisterRow:
    """One register row from an outline and the body texts (index = block - 1)."""
    title = " ".join(" ".join(outline.title.lines).split()) if outline.title else None
    perihal = _filled(outline.title.perihal) if outline.title else None
    parties = _parties(outline)
    nomor = tuple(None if n.placeholder else _filled(n.value) for n in outline.nomor)
    opening = outline.opening
    signing = opening.date if opening else None
    if signing is None and opening is not None:
        signing = opening.numeric_date
    place = _filled(opening.place) if opening else None
    text = _jangka_waktu_text(outline, body_texts)
    duration = quantities.find_duration(text)
    duration_iso = (
        _iso_duration(duration.years, duration.months, duration.days) if duration else None
    )
    start_raw = quantities.find_start_date(text)
    start = signing if start_raw == "signing" or start_raw is None else start_raw
    if not isinstance(start, dt.date):
        start = signing
    end = quantities.find_end_date(text)
    if end is None and start is not None and duration is not None:
        end = dates.add_duration(
            start, years=duration.years, months=duration.months, days=duration.days
        ) - dt.timedelta(days=1)
    unsigned = signing is None or not nomor or any(n is None for n in nomor)
    days_left = (end - today).days if end is not None else None
    if unsigned:
        status = "draft"
    elif days_left is not None and days_left < 0:
        status = "expired"
    elif days_left is not None and days_left <= expiring_days:
        status = "expiring"
    else:
        status = "active"
    return RegisterRow(
        path=path,
        document_type=outline.document_type,
        title=title,
        perihal=perihal,
        parties=parties,
        nomor=nomor,
        signing_date=signing,
        signing_place=place,
        duration=duration_iso,
        start_date=start,
        end_date=end,
        days_until_expiry=days_left,
        status=status,
        sha256=sha256,
    )


def row_for_file(
    display: str,
    path: Path | None,
    values: Mapping[str, Any],
    today: dt.date,
    expiring_days: int,
    lang: str,
) -> tuple[RegisterRow, int]:
    """Read, outline and register one discovered input (None = not found); never raises.
    Also returns the exit code it calls for: 0, 2 (unreadable) or 3 (our own bug)."""
    from naskah_lint.api import unreadable_message
    from naskah_lint.errors import UnreadableFile
    from naskah_lint.i18n import t

    if path is None:
        return unreadable_row(display, f"NOT_FOUND: {t('err.NOT_FOUND', lang)}"), 2
    try:
        from naskah_lint.outline import segment
        from naskah_lint.reader import read_document

        document = read_document(path)
        outline = segment(document, values)
        texts = [b.text for b in document.body]
        return build_row(display, document.sha256, outline, texts, today, expiring_days), 0
    except UnreadableFile as exc:
        return unreadable_row(display, f"{exc.code}: {unreadable_message(exc, lang)}"), 2
    except Exception as exc:  # our bug: this file's row says so, the others are still listed
        from naskah_lint.engine.runner import internal_error_line

        return unreadable_row(display, f"INTERNAL: {internal_error_line('', exc, lang)}"), 3


def unreadable_row(path: str, message: str) -> RegisterRow:
    """The row of an input that could not be read: status "unreadable" and the error."""
    return RegisterRow(
        path=path,
        document_type=None,
        title=None,
        perihal=None,
        parties=(),
        nomor=(),
        signing_date=None,
        signing_place=None,
        duration=None,
        start_date=None,
        end_date=None,
        days_until_expiry=None,
        status="unreadable",
        sha256=None,
        error=message,
    )


def _row_dict(row: RegisterRow) -> dict[str, object]:
    """A row as plain data, keys in column order, dates in ISO form."""

    def iso(d: dt.date | None) -> str | None:
        return d.isoformat() if d else None

    return {
        "path": row.path,
        "document_type": row.document_type,
        "title": row.title,
        "perihal": row.perihal,
        "parties": list(row.parties),
        "nomor": list(row.nomor),
        "signing_date": iso(row.signing_date),
        "signing_place": row.signing_place,
        "duration": row.duration,
        "start_date": iso(row.start_date),
        "end_date": iso(row.end_date),
        "days_until_expiry": row.days_until_expiry,
        "status": row.status,
        "sha256": row.sha256,
        "error": row.error,
    }


def render_json(rows: Sequence[RegisterRow], today: dt.date) -> str:
    """The register as JSON: schema version, the reference date and one object per row."""
    doc = {
        "schema_version": 1,
        "today": today.isoformat(),
        "agreements": [_row_dict(r) for r in rows],
    }
    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"


def render_csv(rows: Sequence[RegisterRow], delimiter: str = ";") -> str:
    """CSV with a UTF-8 BOM (so spreadsheets detect the encoding) and ISO dates; lists joined
    with " | "."""
    buf = io.StringIO()
    writer = csv.writer(buf, delimiter=delimiter, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for row in rows:
        values = _row_dict(row)
        writer.writerow([_csv_cell(values[column]) for column in COLUMNS])
    return "\ufeff" + buf.getvalue()


def _csv_cell(value: object) -> str:
    """One CSV cell: empty for None, a list's items joined with " | "."""
    if isinstance(value, list):
        return " | ".join(_csv_cell(item) for item in value)
    return "" if value is None else str(value)
