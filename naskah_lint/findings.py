"""Findings and reports: the immutable records that flow from the engine to the reporters."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from naskah_lint.outline.model import Outline


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        return {"error": 3, "warning": 2, "info": 1}[self.value]


class FailOn(StrEnum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"
    NEVER = "never"

    @property
    def threshold(self) -> int:
        return {"error": 3, "warning": 2, "info": 1, "never": 99}[self.value]


@dataclass(frozen=True, slots=True)
class Location:
    """Where a finding is. `story`/`block` follow the contract; `label` is for people
    ("Pasal 5 ayat (2), paragraf 31") in the report language."""

    story: str = "body"
    block: int | None = None
    part: str = "dokumen"
    pasal: int | None = None
    ayat: int | None = None
    label: str = ""
    excerpt: str = ""
    anchor_block: int | None = None  # for text boxes etc.: the body block it is anchored in
    run_start: int | None = None  # optional character offset in the block text (annotations)
    run_end: int | None = None


@dataclass(frozen=True, slots=True)
class Finding:
    rule: str
    severity: Severity
    message: str
    location: Location
    fingerprint: str = ""
    suggestion: str | None = None  # what to write instead, when the rule knows
    clause: str | None = None  # canonical clause id of the pasal, if any (fingerprint path)


@dataclass(frozen=True, slots=True)
class FileError:
    code: str  # NOT_DOCX|ENCRYPTED|LEGACY_DOC|CORRUPT|TOO_LARGE|NOT_FOUND
    message: str


@dataclass(frozen=True, slots=True)
class FileResult:
    path: str  # as given on the command line (or relative to a given folder)
    sha256: str | None
    document_type: str | None
    error: FileError | None = None
    findings: tuple[Finding, ...] = ()
    outline: Outline | None = None
    suppressed: int = 0  # findings silenced by in-document suppressions
    baseline_fixed: int = 0  # baseline fingerprints no longer found (with --baseline)
    rules_run: tuple[str, ...] = ()  # ids of the rules that applied to this file (matrix: N/A)
    internal_error: str | None = None  # one line: a rule kind or the reader failed (our bug)

    def count(self, severity: Severity) -> int:
        return sum(1 for f in self.findings if f.severity is severity)


@dataclass(frozen=True, slots=True)
class Report:
    files: tuple[FileResult, ...]
    tool_version: str
    profile_name: str
    profile_version: str
    lang: str = "id"
    mode: str = "draft"
    baseline_fixed: int = 0

    @property
    def unreadable(self) -> int:
        return sum(1 for f in self.files if f.error is not None)

    def count(self, severity: Severity) -> int:
        return sum(f.count(severity) for f in self.files)

    def exit_code(self, fail_on: FailOn) -> int:
        """0 clean, 1 findings at/above `fail_on`, 2 when an input was unreadable, 3 when a rule
        or the reader failed on a file (our bug); the highest applies (3 > 2 > 1 > 0)."""
        if any(f.internal_error for f in self.files):
            return 3
        if self.unreadable:
            return 2
        worst = max((f.severity.rank for r in self.files for f in r.findings), default=0)
        return 1 if worst >= fail_on.threshold else 0
