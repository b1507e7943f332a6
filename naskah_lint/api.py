"""The library entry points: lint one document, one file, or every file a run names.

`lint_paths` reads, outlines and checks each input (in a process pool when more than a few files
are checked) and returns a `Report` in the order `discover()` gave the files. Unreadable inputs
become results with an error code and a one-line message; our own bugs become results with
`internal_error` set (exit code 3) and never stop the other files.
"""

from __future__ import annotations

import contextlib
import functools
import gc
import math
import os
import sys
import traceback
from collections.abc import Callable, Iterator, Sequence
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from naskah_lint import __version__
from naskah_lint.config import Settings
from naskah_lint.engine.api import Pack, RuleSpec
from naskah_lint.errors import ConfigError, UnreadableFile
from naskah_lint.findings import FileError, FileResult, Report, Severity
from naskah_lint.i18n import t

if TYPE_CHECKING:
    from naskah_lint.model import Document
    from naskah_lint.outline.model import Outline

# A pool costs ~0.1 s to start: only worth it beyond a few files.
PARALLEL_MIN_FILES = 5
MAX_CHUNK = 8
GC_THRESHOLD = 100_000  # first-generation threshold while a file is linted

Item = tuple[str, Path | None]


@functools.cache
def prepared_pack(settings: Settings) -> Pack:
    """The run's pack: loaded once per process, with the config's parameter and severity
    overrides applied and every selector checked (ConfigError otherwise)."""
    from naskah_lint.engine.loader import load_pack
    from naskah_lint.engine.select import validate

    pack = load_pack(settings.profile)
    known = {r.id for r in pack.rules}
    for key, table in (("severity", settings.severity), ("params", settings.params)):
        for rule_id in table:
            if rule_id not in known:
                where = f"{settings.where(key)}.{rule_id}"
                raise ConfigError(where, f"no rule {rule_id} in the pack {pack.name}")
    rules = tuple(_configured(rule, settings) for rule in pack.rules)
    configured = replace(pack, rules=rules)
    validate(configured, settings)
    return configured


def _configured(rule: RuleSpec, settings: Settings) -> RuleSpec:
    """A rule with the config's parameter overrides (validated like the pack's own) and its
    severity override (which also holds in --mode final)."""
    from naskah_lint.engine.loader import override_params

    raw = settings.params.get(rule.id)
    if raw:
        where = f"{settings.where('params')}.{rule.id}"
        rule = replace(rule, params=override_params(rule.params, raw, where))
    level = settings.severity.get(rule.id)
    if level:
        rule = replace(rule, severity=Severity(level), severity_final=Severity(level))
    return rule


def lint_document(
    document: Document,
    pack: Pack,
    settings: Settings,
    outline: Outline | None = None,
    path: str | None = None,
) -> FileResult:
    """Check an already-read document (the outline is built unless given)."""
    from naskah_lint.engine.runner import debug_enabled, execute

    if outline is None:
        from naskah_lint.outline import segment

        outline = segment(document, pack.data.values)
    shown = path if path is not None else document.path
    outcome = execute(document, outline, pack, settings, path=shown)
    internal = None
    if outcome.failures:
        internal = outcome.failures[0].message
        if debug_enabled():
            for failure in outcome.failures:
                print(failure.traceback, file=sys.stderr)
    return FileResult(
        path=shown,
        sha256=document.sha256,
        document_type=outline.document_type,
        findings=outcome.findings,
        outline=outline,
        rules_run=outcome.rules_run,
        suppressed=outcome.suppressed,
        internal_error=internal,
    )


def unreadable_message(exc: UnreadableFile, lang: str) -> str:
    """The one-line message of an unreadable input in `lang`: its own, else its code's."""
    for key in (exc.key, f"err.{exc.code}"):
        try:
            return t(key, lang, **exc.params)
        except (KeyError, IndexError):
            continue
    return t("err.READ", lang, detail=exc.code)


def lint_file(
    path: str | Path, settings: Settings, pack: Pack, display: str | None = None
) -> FileResult:
    """Read, outline and check one file; never raises for a bad input or our own bug."""
    with _fewer_collections():
        return _lint_file(path, settings, pack, display)


@contextlib.contextmanager
def _fewer_collections() -> Iterator[None]:
    """Raise the garbage collector's first threshold while a file is linted, then restore it.

    A lint allocates ~10^5 acyclic objects (runs, blocks, findings); at the default threshold
    (700) the collector runs hundreds of times per file for nothing: 30 % of a 2-page lint."""
    old = gc.get_threshold()
    if not gc.isenabled() or old[0] <= 0 or old[0] >= GC_THRESHOLD:
        yield
        return
    gc.set_threshold(GC_THRESHOLD, *old[1:])
    try:
        yield
    finally:
        gc.set_threshold(*old)


def _lint_file(path: str | Path, settings: Settings, pack: Pack, display: str | None) -> FileResult:
    """`lint_file` without the collector tuning: a bad input or our bug becomes the result."""
    from naskah_lint.engine.runner import internal_error_line

    shown = display if display is not None else str(path)
    try:
        from naskah_lint.reader import read_document

        document = read_document(Path(path))
    except UnreadableFile as exc:
        error = FileError(code=exc.code, message=unreadable_message(exc, settings.lang))
        return FileResult(path=shown, sha256=None, document_type=None, error=error)
    except Exception as exc:  # a reader bug: report it and go on with the other files
        lang = settings.lang
        return _crashed(shown, internal_error_line(t("internal.reading", lang), exc, lang))
    try:
        return lint_document(document, pack, settings, path=shown)
    except Exception as exc:  # an outline or engine bug
        lang = settings.lang
        line = internal_error_line(t("internal.checking", lang), exc, lang)
        return _crashed(shown, line, document)


def _crashed(path: str, line: str, document: Document | None = None) -> FileResult:
    """The result of a file our own bug stopped (the traceback with NASKAH_LINT_DEBUG=1)."""
    from naskah_lint.engine.runner import debug_enabled

    if debug_enabled() and sys.exc_info()[0] is not None:
        traceback.print_exc()
    return FileResult(
        path=path,
        sha256=document.sha256 if document is not None else None,
        document_type=None,
        internal_error=line,
    )


def lint_item(item: Item, settings: Settings) -> FileResult:
    """Check one discovered input (None = not found) with the run's prepared pack."""
    display, path = item
    if path is None:
        error = FileError(code="NOT_FOUND", message=t("err.NOT_FOUND", settings.lang))
        return FileResult(path=display, sha256=None, document_type=None, error=error)
    return lint_file(path, settings, prepared_pack(settings), display=display)


def _start_method() -> str:
    """Set explicitly: Python 3.14 changes the default to forkserver."""
    return "fork" if sys.platform == "linux" else "spawn"


def _jobs(settings: Settings, count: int) -> int:
    """Worker processes: --jobs (default the CPUs), never more than the files."""
    wanted = settings.jobs if settings.jobs is not None else (os.cpu_count() or 1)
    return max(1, min(wanted, count))


def lint_items(
    items: Sequence[Item],
    settings: Settings,
    on_result: Callable[[FileResult], None] | None = None,
) -> tuple[FileResult, ...]:
    """Check inputs in order; a process pool (one pack load per worker) beyond a few files."""
    prepared_pack(settings)  # config errors surface here, before any worker starts
    jobs = _jobs(settings, len(items))
    results: list[FileResult] = []
    if jobs <= 1 or len(items) < PARALLEL_MIN_FILES:
        for item in items:
            result = lint_item(item, settings)
            results.append(result)
            if on_result is not None:
                on_result(result)
        return tuple(results)
    import multiprocessing  # only here: ~10 ms of every start-up otherwise
    from concurrent.futures import ProcessPoolExecutor

    chunk = max(1, min(MAX_CHUNK, math.ceil(len(items) / (jobs * 4))))
    context = multiprocessing.get_context(_start_method())
    work = functools.partial(lint_item, settings=settings)
    with ProcessPoolExecutor(
        max_workers=jobs, mp_context=context, initializer=prepared_pack, initargs=(settings,)
    ) as pool:
        for result in pool.map(work, items, chunksize=chunk):
            results.append(result)
            if on_result is not None:
                on_result(result)
    return tuple(results)


def discover_inputs(settings: Settings) -> list[Item]:
    """The files a run checks, in report order."""
    from naskah_lint.reader import discover

    return list(discover(list(settings.paths)))


def lint_paths(
    settings: Settings,
    on_result: Callable[[FileResult], None] | None = None,
    items: Sequence[Item] | None = None,
) -> Report:
    """Check every input of `settings.paths` (or the given discovered `items`)."""
    pack = prepared_pack(settings)
    found = discover_inputs(settings) if items is None else list(items)
    results = lint_items(found, settings, on_result)
    return Report(
        files=results,
        tool_version=__version__,
        profile_name=pack.name,
        profile_version=pack.version,
        lang=settings.lang,
        mode=settings.mode,
    )
