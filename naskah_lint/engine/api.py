"""The contract between the engine and rule kinds (built-in and third-party).

A *kind* is Python: a pure function over the document model and outline that yields `Hit`s.
A *rule* is data in the pack: it names a kind and gives it parameters, severity, messages and docs.
The runner turns hits into `Finding`s (message in the report language, location, fingerprint).

Third-party packages register kinds through the entry-point group `naskah_lint.kinds`; the entry
point's object is a `Kind` or an iterable of `Kind`s. Built-in kinds are collected the same way
from `naskah_lint.kinds.BUILTIN_KINDS`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from naskah_lint.findings import Severity
from naskah_lint.model import Document, Story
from naskah_lint.outline.model import Outline

if TYPE_CHECKING:
    from naskah_lint.engine.facts import DocumentFacts

P = TypeVar("P")


@dataclass(frozen=True, slots=True)
class Hit:
    """One thing a kind found.

    `message` selects one of the rule's message variants (key in the rule's `messages` mapping;
    "default" when the rule has a single `message`); `params` fill its `{placeholders}`.
    `block` is the 1-based block in `story` (None = the whole document: anchored on the title).
    `key` disambiguates hits of one rule on one block for the fingerprint (e.g. the section
    index, the pasal number must NOT be used: use the clause id or the text instead).
    `suggestion_params` fill the rule's optional `suggestion` template.
    """

    block: int | None
    story: Story = Story.BODY
    message: str = "default"
    params: Mapping[str, Any] = field(default_factory=dict)
    key: str = ""
    excerpt: str | None = None
    run_start: int | None = None
    run_end: int | None = None
    severity: str | None = None  # a kind may raise/lower within the rule (e.g. info variant)


@dataclass(frozen=True, slots=True)
class Context:
    """Everything a kind may look at. Frozen: kinds never mutate it. `facts` holds what many
    rules compute from the document (built once, shared by every rule run with this context)."""

    document: Document
    outline: Outline
    mode: str  # "draft" | "final"
    pack: PackData
    # Built on first use (see `facts`); not an input, never compared or shown.
    _facts: DocumentFacts | None = field(
        default=None, init=False, repr=False, compare=False, hash=False
    )

    @property
    def facts(self) -> DocumentFacts:
        """Per-document facts shared by every rule run with this context (body map, parts,
        lower-cased texts, lang scans), each computed once."""
        found = self._facts
        if found is None:
            from naskah_lint.engine.facts import DocumentFacts

            found = DocumentFacts(self.document, self.outline)
            object.__setattr__(self, "_facts", found)
        return found


@dataclass(frozen=True, slots=True)
class PackData:
    """Shared, pack-level data that several kinds use (read from pack.yml `data:`).

    `values` is the parsed YAML mapping, e.g. values["clauses"] (clause id -> synonyms),
    values["government_keywords"], values["abbreviations"]. Kinds read it through their own
    typed params where possible; this is for tables shared by many rules."""

    name: str
    version: str
    values: Mapping[str, Any]


@dataclass(frozen=True, slots=True)
class Kind(Generic[P]):
    """A rule kind: a name used in the pack, its typed parameter dataclass and its check."""

    name: str
    params: type[P]
    check: Callable[[Context, P], Iterable[Hit]]
    doc: str = ""


@dataclass(frozen=True, slots=True)
class Text:
    """A user-facing text in both languages."""

    id: str
    en: str

    def get(self, lang: str) -> str:
        """The text in `lang` (Indonesian unless English is asked for and given)."""
        return self.en if lang == "en" and self.en else self.id


@dataclass(frozen=True, slots=True)
class RuleSpec:
    """One rule of a pack, validated by the loader (`naskah_lint.engine.loader`)."""

    id: str
    group: str  # STRUCT|CLAUSE|FMT|CONS|AUTH|META
    title: Text
    severity: Severity
    severity_final: Severity | None
    applies_to: tuple[str, ...]  # NK|PKS|ADDENDUM|OTHER
    languages: tuple[str, ...]  # document languages it runs on ("id", "en")
    kind: str
    params: Any  # an instance of the kind's parameter dataclass
    messages: Mapping[str, Text]  # variant -> template ("default" always present)
    suggestion: Text | None
    doc: Text
    source: str
    confidence: str  # verified|secondary|practice|recalled
    example_bad: Text
    example_good: Text
    checklist: bool = False
    file: str = ""  # the pack file it came from, for error messages


@dataclass(frozen=True, slots=True)
class Pack:
    """A loaded rule pack."""

    name: str
    version: str
    title: Text
    rules: tuple[RuleSpec, ...]
    data: PackData
    path: str = ""

    def rule(self, rule_id: str) -> RuleSpec | None:
        """The rule with this exact id, or None."""
        for r in self.rules:
            if r.id == rule_id:
                return r
        return None
