"""Helpers shared by the CI and review reporters: levels, lines, logical paths and URIs."""

from __future__ import annotations

import os
import posixpath
from pathlib import Path, PurePosixPath
from urllib.parse import quote

from naskah_lint.findings import FileResult, Finding, Severity
from naskah_lint.i18n import t

INTERNAL_CODE = "INTERNAL"  # a file our own bug stopped us from checking fully (exit code 3)

SARIF_LEVELS: dict[Severity, str] = {
    Severity.ERROR: "error",
    Severity.WARNING: "warning",
    Severity.INFO: "note",
}

# Body-part names used in logical locations; always Indonesian (the document's own terms),
# so SARIF logical locations stay stable whatever `--lang` says.
_PART_NAMES: dict[str, str] = {
    "dokumen": "Dokumen",
    "judul": "Judul",
    "nomor": "Nomor",
    "pembukaan": "Pembukaan",
    "komparisi": "Komparisi",
    "premis": "Premis",
    "pasal": "Pasal",
    "penutup": "Penutup",
    "tanda-tangan": "Tanda tangan",
    "lampiran": "Lampiran",
}

_STORIES = frozenset({"header", "footer", "footnote", "comment", "textbox"})


def file_error(result: FileResult) -> tuple[str, str] | None:
    """(code, message) of a file that was not fully checked: unreadable (its error code) or
    stopped by our own bug (`INTERNAL_CODE`); None for a file checked in full."""
    if result.error is not None:
        return result.error.code, result.error.message
    if result.internal_error is not None:
        return INTERNAL_CODE, result.internal_error
    return None


def title_block(result: FileResult) -> int:
    """The first body block of the title (1 when unknown): where whole-document facts point."""
    outline = result.outline
    if outline is not None and outline.title is not None and outline.title.blocks:
        return max(1, outline.title.blocks[0])
    return 1


def line_of(finding: Finding, result: FileResult) -> int:
    """The 1-based line CI tools show for a finding: the body block (a text box's anchor block;
    the title block for whole-document findings and other stories, as in the annotated copy)."""
    loc = finding.location
    if loc.story == "body" and loc.block is not None and loc.block >= 1:
        return loc.block
    if loc.anchor_block is not None and loc.anchor_block >= 1:
        return loc.anchor_block
    return title_block(result)


def logical_path(finding: Finding) -> str:
    """Where a finding is in the agreement, e.g. "Pasal 5/ayat (2)", "Pembukaan", "Kaki halaman"."""
    loc = finding.location
    if loc.story != "body":
        return t(f"loc.story.{loc.story}", "id") if loc.story in _STORIES else loc.story
    if loc.part == "pasal" and loc.pasal is not None:
        path = f"Pasal {loc.pasal}"
        return f"{path}/ayat ({loc.ayat})" if loc.ayat is not None else path
    return _PART_NAMES.get(loc.part, loc.part)


def story_label(story: str, block: int | None, lang: str) -> str:
    """ "Kaki halaman, paragraf 2": names a non-body story and its block for people."""
    name = t(f"loc.story.{story}", lang) if story in _STORIES else story
    if block is None:
        return name
    return f"{name}, {t('loc.paragraph', lang, block=block)}"


def display_message(finding: Finding) -> str:
    """The finding's message followed by its location label in brackets (when there is one)."""
    label = finding.location.label
    return f"{finding.message} ({label})" if label else finding.message


def posix_path(path: str) -> str:
    """A path as given, with POSIX separators and redundant parts removed ("./a/../b" -> "b")."""
    text = path.replace("\\", "/")
    if not text:
        return text
    return posixpath.normpath(text)


def artifact_uri(path: str, cwd: Path | None = None) -> str:
    """An RFC 3986 URI for an input: relative to the working directory when the file is inside it
    (else a file: URI), POSIX separators, spaces and non-ASCII characters percent-encoded."""
    text = posix_path(path)
    if PurePosixPath(text).is_absolute() or (len(text) > 1 and text[1] == ":"):
        base = (cwd or Path.cwd()).resolve()
        try:
            rel = Path(os.path.normpath(path)).relative_to(base)
        except ValueError:
            absolute = text if text.startswith("/") else "/" + text
            return "file://" + quote(absolute, safe="/:")
        text = rel.as_posix()
    return quote(text, safe="/")
