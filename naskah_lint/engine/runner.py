"""Run a pack's rules over one document: choose the rules, call the kinds, build findings.

Kinds yield `Hit`s; the runner turns them into `Finding`s with a message in the report language,
a location a reviewer understands, the effective severity and a stable fingerprint. A kind that
raises does not stop the other rules: the failure is recorded (exit code 3 in the CLI).
"""

from __future__ import annotations

import functools
import os
import re
import string
import traceback
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, Any, NamedTuple

from naskah_lint._builder import record_builder
from naskah_lint.engine import loader
from naskah_lint.engine.api import Context, Hit, Pack, RuleSpec, Text
from naskah_lint.engine.fingerprint import keyed_fingerprints, normalise, path_of
from naskah_lint.engine.loader import ENGINE_KIND
from naskah_lint.engine.select import rules_for_path
from naskah_lint.engine.suppress import (
    Suppression,
    SuppressionOutcome,
    apply_suppressions,
    parse_suppression,
)
from naskah_lint.findings import Finding, Location, Severity
from naskah_lint.i18n import t
from naskah_lint.model import Block, Document, Story

if TYPE_CHECKING:
    from naskah_lint.config import Settings
    from naskah_lint.outline.model import Outline

EXCERPT_CHARS = 80
STORY_ORDER = {s.value: i for i, s in enumerate(Story)}
# Groups that still run on a document that is not an agreement (spec §5, STRUCT-DOCTYPE).
OTHER_GROUPS = frozenset({"FMT", "CONS", "META"})
DOCTYPE_RULE = "STRUCT-DOCTYPE"
LANGUAGE_RULE = "META-LANGUAGE"
NO_REASON_RULE = "META-SUPPRESSION-NO-REASON"
UNUSED_RULE = "META-UNUSED-SUPPRESSION"
_SPACE = re.compile(r"\s+")


class RuleFailure(NamedTuple):
    """A kind (or its message template) that failed on this document: our bug, exit code 3."""

    rule: str
    kind: str
    message: str  # one line, ends with where to report it
    traceback: str


class RunOutcome(NamedTuple):
    """What `execute` found on one document, and which rules failed (our bugs)."""

    findings: tuple[Finding, ...]
    rules_run: tuple[str, ...]  # ids of the rules that applied to the document
    failures: tuple[RuleFailure, ...] = ()
    suppressed: int = 0  # findings silenced by suppression comments in the draft


class RuleCrash(Exception):
    """Raised by `run_rules` when a kind failed; carries the partial outcome."""

    def __init__(self, outcome: RunOutcome) -> None:
        super().__init__("; ".join(f.message for f in outcome.failures))
        self.outcome = outcome


class HitError(Exception):
    """A hit the runner cannot turn into a finding (unknown variant, missing field, bad block)."""


def debug_enabled() -> bool:
    """Tracebacks are shown only with NASKAH_LINT_DEBUG=1."""
    return os.environ.get("NASKAH_LINT_DEBUG", "") not in ("", "0")


def internal_error_line(where: str, exc: BaseException, lang: str) -> str:
    """The one line shown for our own bug in `lang`: where it happened (a phrase of the
    `internal.*` catalogue, or ""), the exception, and a hint to report it."""
    detail = str(exc).splitlines()[0] if str(exc) else ""
    error = type(exc).__name__ + (": " + detail if detail else "")
    head = t("internal.error", lang) + (" " + where if where else "")
    return f"{head}: {error}; {t('internal.hint', lang)}"


# --------------------------------------------------------------------------- messages


def format_number(value: float, lang: str) -> str:
    """At most two decimals, no trailing zeros; a decimal comma in Indonesian (215,9)."""
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    if text == "-0":
        text = "0"
    return text.replace(".", ",") if lang == "id" else text


class _Formatter(string.Formatter):
    """str.format with language-aware floats when a field has no format spec."""

    def __init__(self, lang: str) -> None:
        super().__init__()
        self.lang = lang

    def format_field(self, value: Any, format_spec: str) -> Any:
        """A float without a spec in the report language's style; anything else as usual."""
        if isinstance(value, float) and not format_spec:
            return format_number(value, self.lang)
        return super().format_field(value, format_spec)


# A template's parts: literal text, then a field (name, conversion, spec) or None at the end.
_Part = tuple[str, str | None, str | None, str]
_CONVERSIONS: dict[str | None, Any] = {None: None, "s": str, "r": repr, "a": ascii}


@functools.lru_cache(maxsize=4096)
def _template_parts(template: str) -> tuple[_Part, ...] | None:
    """A template split once (the pack's templates are filled per finding); None when a field
    is not a plain name (positional, attribute, index, nested spec): those go through
    `_Formatter`, as does a malformed template (ValueError here), so errors stay the same."""
    parts: list[_Part] = []
    for literal, name, spec, conversion in string.Formatter().parse(template):
        if name is not None and (
            not name
            or name.isdigit()
            or "." in name
            or "[" in name
            or "{" in (spec or "")
            or conversion not in _CONVERSIONS
        ):
            return None
        parts.append((literal, name, conversion, spec or ""))
    return tuple(parts)


def fill(template: Text, params: Mapping[str, Any], lang: str) -> str:
    """A rule template in `lang` filled with a hit's params (KeyError if a field is missing)."""
    text = template.get(lang)
    try:
        parts = _template_parts(text)
    except ValueError:
        parts = None
    if parts is None:
        return _Formatter(lang).vformat(text, (), dict(params))
    # What `_Formatter(lang).vformat` does for plain names, without its per-field machinery.
    out: list[str] = []
    for literal, name, conversion, spec in parts:
        if literal:
            out.append(literal)
        if name is None:
            continue
        value = params[name]
        convert = _CONVERSIONS[conversion]
        if convert is not None:
            value = convert(value)
        if isinstance(value, float) and not spec:
            out.append(format_number(value, lang))
        else:
            out.append(format(value, spec))
    return "".join(out)


# --------------------------------------------------------------------------- locations


def excerpt(text: str, limit: int = EXCERPT_CHARS) -> str:
    """The first `limit` characters of a text, whitespace collapsed, "…" when cut."""
    head = text[: limit * 8]  # enough unless whitespace runs are long; a 1 MB paragraph
    flat = _SPACE.sub(" ", head).strip()  # is not collapsed whole for every finding in it
    if len(flat) <= limit and len(head) < len(text):
        flat = _SPACE.sub(" ", text).strip()
    return flat if len(flat) <= limit else flat[: limit - 1].rstrip() + "…"


def _part_label(part: str, pasal: int | None, ayat: int | None, lang: str) -> str:
    """ "Pasal 5 ayat (2)", "Pembukaan": the part of a body location, in `lang`."""
    if part == "pasal":
        if pasal is None:
            return t("loc.pasal_unnumbered", lang)
        if ayat is not None:
            return t("loc.pasal_ayat", lang, pasal=pasal, ayat=ayat)
        return t("loc.pasal", lang, pasal=pasal)
    return t(f"loc.{part}", lang)


def _title_block(outline: Outline, document: Document) -> int | None:
    """Where whole-document findings point: the title's first block, else the first one."""
    if outline.title is not None and outline.title.blocks:
        return outline.title.blocks[0]
    return 1 if any(b.story is Story.BODY for b in document.blocks) else None


# one Location and one Finding per finding, built without their frozen __init__ (_builder.py)
_new_location: Callable[
    [str, int | None, str, int | None, int | None, str, str, int | None, int | None, int | None],
    Location,
] = record_builder(Location)
_new_finding: Callable[[str, Severity, str, Location, str, str | None, str | None], Finding] = (
    record_builder(Finding)
)


class _Placed(NamedTuple):
    """Where a hit is, for the finding and for its fingerprint."""

    location: Location
    clause: str | None
    path: str  # fingerprint path
    text: str  # normalised block text for the fingerprint


class _Spot(NamedTuple):
    """What every finding in one block shares: its location but for the excerpt and runs."""

    story: str
    part: str
    pasal: int | None
    ayat: int | None
    label: str
    anchor: int | None  # the Location's anchor_block
    clause: str | None
    path: str  # fingerprint path
    text: str  # normalised block text for the fingerprint
    excerpt: str  # the block's own excerpt (for a hit without one)


def _spot(story: Story, index: int, block: Block, outline: Outline, lang: str) -> _Spot:
    """Where a block is: part, pasal, ayat, label in `lang`, fingerprint path and text."""
    anchor = index if story is Story.BODY else block.anchor_block
    part = outline.part_of(anchor) if anchor is not None else "dokumen"
    pasal = outline.pasal_of(anchor) if anchor is not None and part == "pasal" else None
    ayat = outline.ayat_of(anchor) if pasal is not None and anchor is not None else None
    pasal_number = pasal.number if pasal is not None else None
    ayat_number = ayat.number if ayat is not None else None
    paragraph = t("loc.paragraph", lang, block=index)
    if story is Story.BODY and part == "dokumen":
        # a body paragraph before the title (logo, "DRAFT" line): not a whole-document finding
        label = f"{t('loc.kepala', lang)}, {paragraph}"
    elif story is Story.BODY:
        label = f"{_part_label(part, pasal_number, ayat_number, lang)}, {paragraph}"
    else:
        label = f"{t(f'loc.story.{story.value}', lang)}, {paragraph}"
    clause = pasal.clause if pasal is not None else None
    return _Spot(
        story.value,
        part,
        pasal_number,
        ayat_number,
        label,
        block.anchor_block if story is not Story.BODY else None,
        clause,
        path_of(story.value, part, clause, pasal.title if pasal is not None else None),
        normalise(block.content),
        excerpt(block.text),
    )


def _place(
    hit: Hit,
    blocks: Mapping[tuple[Story, int], Block],
    document: Document,
    outline: Outline,
    lang: str,
    spots: dict[tuple[Story, int], _Spot] | None = None,
) -> _Placed:
    """Where a hit is: location (with a label in `lang`) and its fingerprint path and text
    (`spots` keeps what a block's findings share for the next hit in it)."""
    if hit.block is None:
        location = Location(
            story=Story.BODY.value,
            block=_title_block(outline, document),
            part="dokumen",
            label=t("loc.dokumen", lang),
            excerpt=excerpt(hit.excerpt or ""),
            run_start=hit.run_start,
            run_end=hit.run_end,
        )
        return _Placed(location, None, f"{Story.BODY.value}/dokumen", "")
    story = Story(hit.story)
    where = (story, hit.block)
    spot = spots.get(where) if spots is not None else None
    if spot is None:  # once per block, however many findings it has
        block = blocks.get(where)
        if block is None:
            raise HitError(f"block {hit.block} does not exist in story {story.value}")
        spot = _spot(story, hit.block, block, outline, lang)
        if spots is not None:
            spots[where] = spot
    location = _new_location(  # every field, in field order
        spot.story,
        hit.block,
        spot.part,
        spot.pasal,
        spot.ayat,
        spot.label,
        excerpt(hit.excerpt) if hit.excerpt is not None else spot.excerpt,
        spot.anchor,  # anchor_block
        hit.run_start,
        hit.run_end,
    )
    return _Placed(location, spot.clause, spot.path, spot.text)


# --------------------------------------------------------------------------- selection


def applies(rule: RuleSpec, document_type: str) -> bool:
    """Whether a rule runs on this document type (an OTHER document: FMT, CONS, META only)."""
    if document_type not in rule.applies_to:
        return False
    return document_type != "OTHER" or rule.group in OTHER_GROUPS or rule.id == DOCTYPE_RULE


def severity_of(rule: RuleSpec, hit: Hit, settings: Settings) -> Severity:
    """Explicit config override > the hit's own variant severity > --mode final > default."""
    override = settings.severity.get(rule.id)
    if override:
        return Severity(override)
    if hit.severity:
        return Severity(hit.severity)
    if settings.mode == "final" and rule.severity_final is not None:
        return rule.severity_final
    return rule.severity


def _notices(
    rules: Sequence[RuleSpec], outline: Outline, skipped_type: int, skipped_lang: int
) -> list[tuple[RuleSpec, Hit]]:
    """Findings the engine itself emits for rules of kind `engine`."""
    out: list[tuple[RuleSpec, Hit]] = []
    for rule in rules:
        if rule.id == LANGUAGE_RULE and skipped_lang:
            params = {"language": outline.language, "skipped": skipped_lang}
            out.append((rule, Hit(block=None, params=params, key="language")))
        elif rule.id == DOCTYPE_RULE and outline.document_type == "OTHER" and skipped_type:
            params = {"document_type": outline.document_type, "skipped": skipped_type}
            out.append((rule, Hit(block=None, params=params, key="doctype")))
    return out


# --------------------------------------------------------------------------- running


def _finding(rule: RuleSpec, hit: Hit, placed: _Placed, settings: Settings) -> Finding:
    """A hit as a finding (no fingerprint yet); HitError when the pack and kind disagree."""
    template = rule.messages.get(hit.message)
    if template is None:
        raise HitError(f"message variant '{hit.message}' is not defined in the pack")
    try:
        message = fill(template, hit.params, settings.lang)
        suggestion = fill(rule.suggestion, hit.params, settings.lang) if rule.suggestion else None
    except (KeyError, IndexError, AttributeError) as exc:
        raise HitError(f"template field {exc} is not provided by the kind") from None
    try:
        severity = severity_of(rule, hit, settings)
    except ValueError:
        raise HitError(f"invalid hit severity {hit.severity!r}") from None
    # every field, in field order; the fingerprint comes once findings are sorted
    return _new_finding(rule.id, severity, message, placed.location, "", suggestion, placed.clause)


class _Built(NamedTuple):
    """A finding before its fingerprint, with what the fingerprint is made of."""

    finding: Finding
    where: _Placed
    key: str  # the hit's key: with where.text, what the fingerprint is made of


def _sort_key(finding: Finding) -> tuple[int, int, str, str]:
    """Document order: story, block, then rule and message (deterministic output)."""
    loc = finding.location
    return (STORY_ORDER.get(loc.story, 99), loc.block or 0, finding.rule, finding.message)


def execute(
    document: Document,
    outline: Outline,
    pack: Pack,
    settings: Settings,
    path: str | None = None,
) -> RunOutcome:
    """Run every selected, applicable rule; never raises for a failing kind."""
    active = rules_for_path(pack, settings, path if path is not None else document.path)
    doc_type = outline.document_type
    doc_lang = "en" if outline.language == "en" else "id"
    runnable: list[RuleSpec] = []
    engine_rules: list[RuleSpec] = []
    skipped_type = skipped_lang = 0
    for rule in pack.rules:
        if rule.id not in active:
            continue
        if rule.kind == ENGINE_KIND:
            engine_rules.append(rule)
        elif not applies(rule, doc_type):
            skipped_type += 1
        elif doc_lang not in rule.languages:
            skipped_lang += 1
        else:
            runnable.append(rule)

    ctx = Context(document=document, outline=outline, mode=settings.mode, pack=pack.data)
    # blocks by (story, index), built at the first hit: most rules find nothing in a draft
    blocks: dict[tuple[Story, int], Block] = {}
    spots: dict[tuple[Story, int], _Spot] = {}
    failures: list[RuleFailure] = []

    def build(rule: RuleSpec, hits: Iterable[Hit]) -> list[_Built]:
        """The rule's findings; none (and a recorded failure) when the kind or pack fails."""
        try:
            built = []
            for hit in hits:
                if not blocks:
                    blocks.update({(b.story, b.index): b for b in document.blocks})
                where = _place(hit, blocks, document, outline, settings.lang, spots)
                built.append(_Built(_finding(rule, hit, where, settings), where, hit.key or ""))
        except Exception as exc:  # a bug in a kind or the pack: report it, keep going
            failures.append(_failure(rule, exc, settings.lang))
            return []
        return built

    checked = [b for rule in runnable for b in build(rule, _hits(rule, ctx))]
    outcome = apply_suppressions([b.finding for b in checked], _suppressions(document, outline))
    kept = {id(f) for f in outcome.kept}
    placed = [b for b in checked if id(b.finding) in kept]
    ran = {r.id for r in runnable}
    notices = _notices(engine_rules, outline, skipped_type, skipped_lang)
    notices += _suppression_notices(engine_rules, document, outcome, ran)
    for rule, hit in notices:
        placed.extend(build(rule, (hit,)))

    placed.sort(key=lambda b: _sort_key(b.finding))
    prints = keyed_fingerprints(
        [(b.finding.rule, b.where.path, b.where.text, b.key) for b in placed]
    )
    findings = tuple(  # each finding with its fingerprint (all fields, in field order)
        _new_finding(f.rule, f.severity, f.message, f.location, fp, f.suggestion, f.clause)
        for f, fp in zip([b.finding for b in placed], prints, strict=True)
    )
    rules_run = tuple(sorted(r.id for r in (*runnable, *engine_rules)))
    return RunOutcome(
        findings=findings,
        rules_run=rules_run,
        failures=tuple(failures),
        suppressed=outcome.suppressed,
    )


def _suppressions(document: Document, outline: Outline) -> list[Suppression]:
    """The naskah-lint suppression comments of the draft."""
    title = outline.title.blocks if outline.title is not None else ()
    found = (parse_suppression(c, title) for c in document.comments)
    return [s for s in found if s is not None]


def _suppression_notices(
    engine_rules: Sequence[RuleSpec],
    document: Document,
    outcome: SuppressionOutcome,
    ran: set[str],
) -> list[tuple[RuleSpec, Hit]]:
    """META findings about suppressions: without a reason, or silencing nothing although one
    of the rules they name ran (a suppression of an unselected rule is not "unused")."""
    texts = {c.id: c.text for c in document.comments}
    wanted: list[tuple[str, Sequence[Suppression]]] = [
        (NO_REASON_RULE, outcome.without_reason),
        (UNUSED_RULE, [s for s in outcome.unused if any(s.matches(r) for r in ran)]),
    ]
    rules = {r.id: r for r in engine_rules}
    out: list[tuple[RuleSpec, Hit]] = []
    for rule_id, items in wanted:
        rule = rules.get(rule_id)
        if rule is None:
            continue
        for item in items:
            text = excerpt(texts.get(item.comment_id, ""), 60)
            out.append(
                (
                    rule,
                    Hit(
                        block=item.block,
                        story=item.story or Story.BODY,
                        params={"text": text},
                        key=item.comment_id,
                    ),
                )
            )
    return out


def _hits(rule: RuleSpec, ctx: Context) -> Iterator[Hit]:
    """The kind's hits, lazily: a kind that raises does so where `build` catches it."""
    kind = loader.registered_kinds()[rule.kind]
    yield from kind.check(ctx, rule.params)


def _failure(rule: RuleSpec, exc: BaseException, lang: str) -> RuleFailure:
    """A failing rule, recorded with its one-line message (in `lang`) and its traceback."""
    tb = "".join(traceback.format_exception(exc))
    where = t("internal.rule", lang, rule=rule.id, kind=rule.kind)
    return RuleFailure(
        rule=rule.id,
        kind=rule.kind,
        message=internal_error_line(where, exc, lang),
        traceback=tb,
    )


def run_rules(
    document: Document, outline: Outline, pack: Pack, settings: Settings
) -> tuple[Finding, ...]:
    """The findings of every selected rule; raises `RuleCrash` (with the partial outcome) when a
    kind failed."""
    outcome = execute(document, outline, pack, settings)
    if outcome.failures:
        raise RuleCrash(outcome)
    return outcome.findings
