"""Readable document specs (YAML) -> real .docx files: fixtures, rule test cases and `new`.

The spec format is documented in fixtures/README.md. `load_spec` resolves a spec and its
derivations (`base:` plus edits); `build` writes the Word file deterministically (fixed core
properties, revision and comment dates, zip timestamps) so rebuilt fixtures diff cleanly.
python-docx is imported only inside the build functions.
"""

from __future__ import annotations

import copy
import datetime as dt
import io
import os
import re
from collections.abc import Collection, Mapping, Sequence
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from naskah_lint.fsio import write_atomic

if TYPE_CHECKING:
    from docx.document import Document as DocxDocument
    from docx.oxml.text.paragraph import CT_P
    from docx.section import Section
    from docx.table import _Cell
    from docx.text.paragraph import Paragraph
    from docx.text.run import Run
    from lxml import etree

Spec = dict[str, Any]

EDIT_KEYS = ("replace", "remove", "insert_after", "insert_before", "format", "set")
META_KEYS = frozenset({"name", "fixture", "description", "defects"})
CONTENT_KEYS = frozenset(
    {
        "page",
        "font",
        "line_spacing",
        "space_after_pt",
        "lists",
        "presets",
        "header",
        "footer",
        "logo",
        "body",
        "core",
    }
)
TOP_KEYS = META_KEYS | CONTENT_KEYS | frozenset(EDIT_KEYS) | {"base"}

RUN_KEYS = frozenset(
    {"text", "bold", "italic", "underline", "caps", "size", "font", "highlight", "hidden", "color"}
)
PARA_KEYS = RUN_KEYS | frozenset(
    {
        "runs",
        "field",
        "text_before",
        "text_after",
        "style",
        "align",
        "line_spacing",
        "space_before_pt",
        "space_after_pt",
        "indent_left_cm",
        "indent_right_cm",
        "first_line_cm",
        "keep_with_next",
        "page_break_before",
        "list",
        "level",
        "restart",
        "comment",
        "tracked",
        "preset",
    }
)
TABLE_KEYS = frozenset(
    {
        "table",
        "borders",
        "keep_together",
        "widths_cm",
        "align",
        "table_align",
        "row_heights_cm",
        "font",
        "size",
        "bold",
    }
)
TEXTBOX_KEYS = frozenset({"textbox", "width_cm", "height_cm"})
LEVEL_KEYS = frozenset(
    {"format", "text", "align", "suffix", "start", "indent_left_cm", "hanging_cm", "levels"}
)
BLOCK_TYPES = ("table", "textbox", "page_break", "section_break")

PAPER_MM: dict[str, tuple[float, float]] = {
    "A4": (210.0, 297.0),
    "F4": (215.0, 330.0),
    "FOLIO": (215.9, 330.2),
    "F4-210": (210.0, 330.0),
    "LETTER": (215.9, 279.4),
    "LEGAL": (215.9, 355.6),
}
DEFAULT_MARGINS_CM = {"top": 2.0, "bottom": 2.5, "left": 3.0, "right": 2.0}
PAGE_KEYS = frozenset({"size", "orientation", "margins_cm", "set_size", "header_cm", "footer_cm"})
ALIGN = {
    "left": "LEFT",
    "center": "CENTER",
    "right": "RIGHT",
    "justify": "JUSTIFY",
    "both": "JUSTIFY",
}
HIGHLIGHT = {
    "yellow": "YELLOW",
    "green": "BRIGHT_GREEN",
    "cyan": "TURQUOISE",
    "magenta": "PINK",
    "blue": "BLUE",
    "red": "RED",
    "lightgray": "GRAY_25",
    "darkgray": "GRAY_50",
}
NUM_FORMATS = frozenset(
    {"decimal", "lowerLetter", "upperLetter", "lowerRoman", "upperRoman", "bullet"}
)
DEFAULT_AUTHOR = "naskah-lint fixtures"
FIXED_DATETIME = dt.datetime(2024, 1, 1, tzinfo=dt.UTC)


SPECS_ENV = "NASKAH_LINT_SPECS"


def default_specs_dir() -> Path:
    """The fixture specs folder: $NASKAH_LINT_SPECS, else the repository's fixtures/specs next
    to the package (source checkouts, editable installs), else ./fixtures/specs (an installed
    wheel run from the repository root, as CI does)."""
    env = os.environ.get(SPECS_ENV)
    if env:
        return Path(env)
    beside = Path(__file__).resolve().parents[2] / "fixtures" / "specs"
    if beside.is_dir():
        return beside
    return Path.cwd() / "fixtures" / "specs"


# -- loading and derivations -------------------------------------------------------------------


def load_spec(
    name_or_mapping: str | Path | Mapping[str, Any], specs_dir: str | Path | None = None
) -> Spec:
    """Resolve a spec by name (fixtures/specs/<name>.yml), path or mapping, applying `base:` and
    the edits (replace, remove, insert_after, insert_before, format, set) in that order."""
    folder = Path(specs_dir) if specs_dir is not None else None
    if isinstance(name_or_mapping, Path) or (
        isinstance(name_or_mapping, str) and name_or_mapping.endswith((".yml", ".yaml"))
    ):
        path = Path(name_or_mapping)
        raw = _read_yaml(str(path.resolve()))
        return _resolve(raw, folder or path.parent, (path.stem,))
    return _resolve(name_or_mapping, folder or default_specs_dir(), ())


@lru_cache(maxsize=64)
def _read_yaml(path: str) -> Mapping[str, Any]:
    """Parse one spec file (cached; callers deep-copy before changing anything)."""
    import yaml

    try:
        with open(path, encoding="utf-8") as fh:
            data = yaml.safe_load(fh)
    except FileNotFoundError:
        raise ValueError(f"spec file not found: {path}") from None
    except yaml.YAMLError as exc:
        raise ValueError(f"{path}: invalid YAML: {exc}") from None
    if not isinstance(data, Mapping):
        raise ValueError(f"{path}: a spec must be a mapping")
    return data


def _resolve(src: str | Mapping[str, Any], folder: Path, chain: tuple[str, ...]) -> Spec:
    """Load `src` (a name in `folder` or a mapping) and apply its base and edits."""
    if isinstance(src, str):
        if src in chain:
            raise ValueError(f"spec base cycle: {' -> '.join((*chain, src))}")
        raw: Spec = copy.deepcopy(dict(_read_yaml(str((folder / f"{src}.yml").resolve()))))
        chain = (*chain, src)
    elif isinstance(src, Mapping):
        raw = copy.deepcopy(dict(src))
    else:
        raise ValueError(f"a spec must be a name or a mapping, not {type(src).__name__}")
    unknown = sorted(set(raw) - TOP_KEYS)
    if unknown:
        raise ValueError(f"spec {chain[-1] if chain else '<mapping>'}: unknown keys {unknown}")
    base = raw.get("base")
    if base is not None:
        if not isinstance(base, str):
            raise ValueError("base: must be a spec name")
        spec = _resolve(base, folder, chain)
        for key in META_KEYS:
            spec.pop(key, None)
    else:
        spec = {}
    for key, value in raw.items():
        if key not in EDIT_KEYS and key != "base":
            spec[key] = value
    _apply_edits(spec, raw)
    return spec


def _apply_edits(spec: Spec, edits: Mapping[str, Any]) -> None:
    """Apply the derivation edits of `edits` to `spec` in the documented order."""
    for pair in _pairs(edits.get("replace"), "replace"):
        old, new = pair
        if not isinstance(old, str) or not isinstance(new, str) or not old:
            raise ValueError(f"replace: {pair!r} must be two strings, the first non-empty")
        count = sum(_replace_items(spec.get(story) or [], old, new) for story in _STORIES)
        if count == 0:
            raise ValueError(f"replace: {old!r} matches nothing")
    body: list[Any] = spec.setdefault("body", [])
    for pattern in _seq(edits.get("remove"), "remove"):
        regex = _compile(pattern, "remove")
        kept = [item for item in body if not _matches(regex, item)]
        if len(kept) == len(body):
            raise ValueError(f"remove: {pattern!r} matches no body paragraph")
        body[:] = kept
    for key, after in (("insert_after", True), ("insert_before", False)):
        for pattern, new_items in _pairs(edits.get(key), key):
            regex = _compile(pattern, key)
            additions = list(new_items) if isinstance(new_items, list) else [new_items]
            out: list[Any] = []
            hits = 0
            for item in body:
                hit = _matches(regex, item)
                hits += hit
                if hit and not after:
                    out.extend(copy.deepcopy(additions))
                out.append(item)
                if hit and after:
                    out.extend(copy.deepcopy(additions))
            if not hits:
                raise ValueError(f"{key}: {pattern!r} matches no body paragraph")
            body[:] = out
    for pattern, attrs in _pairs(edits.get("format"), "format"):
        regex = _compile(pattern, "format")
        if not isinstance(attrs, Mapping):
            raise ValueError(f"format: attributes for {pattern!r} must be a mapping")
        hits = 0
        for index, item in enumerate(body):
            if _matches(regex, item):
                base_item = {"text": item} if isinstance(item, str) else dict(item)
                body[index] = {**base_item, **copy.deepcopy(dict(attrs))}
                hits += 1
        if not hits:
            raise ValueError(f"format: {pattern!r} matches no body paragraph")
    changes = edits.get("set")
    if changes is not None:
        if not isinstance(changes, Mapping):
            raise ValueError("set: must be a mapping")
        _known_keys(changes, CONTENT_KEYS, "set")
        _deep_merge(spec, changes)


_STORIES = ("body", "header", "footer")
# w:pPr children that follow w:numPr in schema order (numPr is inserted before the first present)
_PPR_AFTER_NUMPR = (
    "w:suppressLineNumbers",
    "w:pBdr",
    "w:shd",
    "w:tabs",
    "w:suppressAutoHyphens",
    "w:kinsoku",
    "w:wordWrap",
    "w:overflowPunct",
    "w:topLinePunct",
    "w:autoSpaceDE",
    "w:autoSpaceDN",
    "w:bidi",
    "w:adjustRightInd",
    "w:snapToGrid",
    "w:spacing",
    "w:ind",
    "w:contextualSpacing",
    "w:mirrorIndents",
    "w:suppressOverlap",
    "w:jc",
    "w:textDirection",
    "w:textAlignment",
    "w:textboxTightWrap",
    "w:outlineLvl",
    "w:divId",
    "w:cnfStyle",
    "w:rPr",
    "w:sectPr",
    "w:pPrChange",
)


def _pairs(value: Any, key: str) -> list[tuple[Any, Any]]:
    """An edit's list of two-element lists."""
    pairs = []
    for pair in _seq(value, key):
        if not isinstance(pair, list | tuple) or len(pair) != 2:
            raise ValueError(f"{key}: each entry must be a pair, got {pair!r}")
        pairs.append((pair[0], pair[1]))
    return pairs


def _compile(pattern: Any, key: str) -> re.Pattern[str]:
    """Compile an edit's regex with a readable error."""
    if not isinstance(pattern, str):
        raise ValueError(f"{key}: the pattern must be a string, got {pattern!r}")
    try:
        return re.compile(pattern)
    except re.error as exc:
        raise ValueError(f"{key}: bad regex {pattern!r}: {exc}") from None


def _deep_merge(target: dict[str, Any], changes: Mapping[str, Any]) -> None:
    """Merge `changes` into `target`, recursing into mappings and replacing everything else."""
    for key, value in changes.items():
        current = target.get(key)
        if isinstance(value, Mapping) and isinstance(current, dict):
            _deep_merge(current, value)
        elif isinstance(value, Mapping) and current is True and key == "logo":
            target[key] = copy.deepcopy(dict(value))
        else:
            target[key] = copy.deepcopy(value)


def paragraph_text(item: Any) -> str | None:
    """The text a body item contributes for edit matching; None for tables, breaks, boxes."""
    if isinstance(item, str):
        return item
    if not isinstance(item, Mapping) or any(key in item for key in BLOCK_TYPES):
        return None
    if "runs" in item:
        return "".join(_run_dict(run).get("text", "") for run in item["runs"])
    if "field" in item:
        return str(item.get("text_before", "")) + str(item.get("text_after", ""))
    return str(item.get("text", ""))


def _matches(regex: re.Pattern[str], item: Any) -> bool:
    """Whether a body item is a paragraph whose full text matches `regex` (re.search)."""
    text = paragraph_text(item)
    return text is not None and regex.search(text) is not None


def _run_dict(run: Any) -> dict[str, Any]:
    """A run spec as a mapping (a bare string is a plain run)."""
    if isinstance(run, str):
        return {"text": run}
    if not isinstance(run, Mapping):
        raise ValueError(f"a run must be a string or a mapping, got {run!r}")
    return dict(run)


def _replace_items(items: list[Any], old: str, new: str) -> int:
    """Replace `old` by `new` in every text of a list of blocks, in place; return the count."""
    if not isinstance(items, list):
        raise ValueError("header, footer, body and cells must be lists")
    count = 0
    for index, item in enumerate(items):
        if isinstance(item, str):
            count += item.count(old)
            items[index] = item.replace(old, new)
        elif isinstance(item, dict):
            count += _replace_block(item, old, new)
    return count


def _replace_block(block: dict[str, Any], old: str, new: str) -> int:
    """Replace in one block mapping: its texts, runs, cells, text box, comments and revisions."""
    count = 0
    for key in ("text", "text_before", "text_after"):
        value = block.get(key)
        if isinstance(value, str):
            count += value.count(old)
            block[key] = value.replace(old, new)
    if isinstance(block.get("runs"), list):
        count += _replace_runs(block["runs"], old, new)
    if isinstance(block.get("table"), list):
        for row in block["table"]:
            if isinstance(row, list):
                for col, cell in enumerate(row):
                    if isinstance(cell, list):
                        count += _replace_items(cell, old, new)
                    else:
                        holder = [cell]
                        count += _replace_items(holder, old, new)
                        row[col] = holder[0]
    if isinstance(block.get("textbox"), list):
        count += _replace_items(block["textbox"], old, new)
    comments = block.get("comment")
    for comment in comments if isinstance(comments, list) else [comments]:
        if isinstance(comment, dict):
            count += _replace_block(comment, old, new)
    tracked = block.get("tracked")
    if isinstance(tracked, dict):
        for key in ("insert", "delete"):
            value = tracked.get(key)
            if isinstance(value, str):
                count += value.count(old)
                tracked[key] = value.replace(old, new)
    return count


def _replace_runs(runs: list[Any], old: str, new: str) -> int:
    """Replace across run boundaries: a match spanning runs lands in its first run."""
    for index, run in enumerate(runs):
        runs[index] = _run_dict(run)
    count = 0
    segment: list[dict[str, Any]] = []
    for run in [*runs, None]:
        if run is None or "field" in run:
            count += _replace_segment(segment, old, new)
            segment = []
        else:
            segment.append(run)
    return count


def _replace_segment(runs: list[dict[str, Any]], old: str, new: str) -> int:
    """Replace every occurrence of `old` in the joined text of consecutive text runs."""
    count = 0
    pos = 0
    while True:
        texts = [str(run.get("text", "")) for run in runs]
        joined = "".join(texts)
        start = joined.find(old, pos)
        if start < 0:
            return count
        end = start + len(old)
        offset = 0
        first = True
        for run, text in zip(runs, texts, strict=True):
            lo, hi = offset, offset + len(text)
            offset = hi
            if hi <= start or lo >= end:
                continue
            head = text[: max(0, start - lo)] if first else ""
            tail = text[end - lo :] if end <= hi else ""
            run["text"] = head + (new if first else "") + tail
            first = False
        count += 1
        pos = start + len(new)


# -- building ----------------------------------------------------------------------------------


def build(spec: Mapping[str, Any], out_path: Path) -> Path:
    """Write the .docx described by `spec` to `out_path` atomically and deterministically."""
    if "base" in spec or any(key in spec for key in EDIT_KEYS):
        spec = load_spec(spec)
    out_path = Path(out_path)
    write_atomic(out_path, render(spec))
    return out_path


def build_from_case(doc_spec: Mapping[str, Any], out_path: Path) -> Path:
    """Build a rule test case's `doc:` spec (a base fixture name plus edits)."""
    return build(load_spec(doc_spec), out_path)


def render(spec: Mapping[str, Any]) -> bytes:
    """The bytes of the .docx for a resolved spec."""
    import docx

    from naskah_lint.writer._ooxml import deterministic_zip

    unknown = sorted(set(spec) - TOP_KEYS)
    if unknown:
        raise ValueError(f"unknown spec keys {unknown}")
    document = docx.Document()
    package = document.part.package
    for rel_id, rel in list(package.rels.items()):
        if rel.reltype.endswith("/metadata/thumbnail"):  # the template's stale preview picture
            package.rels.pop(rel_id)
    builder = _Builder(document, spec)
    builder.run()
    buffer = io.BytesIO()
    document.save(buffer)
    return deterministic_zip(buffer.getvalue())


class _Builder:
    """Mutable state of one build: the python-docx document, list instances, revision ids."""

    def __init__(self, document: DocxDocument, spec: Mapping[str, Any]) -> None:
        self.doc = document
        self.spec = spec
        self.page: dict[str, Any] = dict(_mapping(spec.get("page"), "page"))
        self.presets: Mapping[str, Any] = _mapping(spec.get("presets"), "presets")
        self.lists: dict[str, dict[str, Any]] = {}
        self.current_num: dict[str, int] = {}
        self.next_num_id = 0
        self.next_rev_id = 100
        self.text_width_twips = 0

    # -- document-level setup

    def run(self) -> None:
        """Build everything: page, defaults, numbering, header/footer, body, core properties."""
        section = self.doc.sections[0]
        self.text_width_twips = _apply_page(section, self.page)
        self._apply_defaults()
        self._define_lists(_mapping(self.spec.get("lists"), "lists"))
        logo = self._logo_spec()
        header_items = list(_seq(self.spec.get("header"), "header"))
        footer_items = list(_seq(self.spec.get("footer"), "footer"))
        body_items = list(_seq(self.spec.get("body"), "body"))
        if logo is not None:
            (header_items if logo["where"] == "header" else body_items).insert(0, {"_logo": logo})
        if header_items:
            header = section.header
            header.is_linked_to_previous = False
            self._fill_story(header, header_items, "header")
        if footer_items:
            footer = section.footer
            footer.is_linked_to_previous = False
            self._fill_story(footer, footer_items, "footer")
        self._fill_story(self.doc._body, body_items, "body")
        self._core_properties()

    def _apply_defaults(self) -> None:
        """Document default font (docDefaults and Normal), line spacing, spacing after, language."""
        from docx.oxml.ns import qn
        from docx.shared import Pt

        font = _mapping(self.spec.get("font"), "font")
        _known_keys(font, {"name", "size"}, "font")
        name = str(font.get("name", "Arial"))
        size = float(font.get("size", 12))
        spacing = float(self.spec.get("line_spacing", 1.15))
        after = float(self.spec.get("space_after_pt", 4))
        styles = self.doc.styles.element
        rpr = styles.find(f"{qn('w:docDefaults')}/{qn('w:rPrDefault')}/{qn('w:rPr')}")
        ppr = styles.find(f"{qn('w:docDefaults')}/{qn('w:pPrDefault')}/{qn('w:pPr')}")
        if rpr is None or ppr is None:  # pragma: no cover - python-docx's template has both
            raise ValueError("template without docDefaults")
        fonts = rpr.find(qn("w:rFonts"))
        if fonts is not None:
            fonts.attrib.clear()
            _set_fonts(fonts, name)
        for tag in ("w:sz", "w:szCs"):
            el = rpr.find(qn(tag))
            if el is not None:
                el.set(qn("w:val"), str(round(size * 2)))
        lang = rpr.find(qn("w:lang"))
        if lang is not None:
            lang.set(qn("w:val"), "id-ID")
        spacing_el = ppr.find(qn("w:spacing"))
        if spacing_el is not None:
            spacing_el.set(qn("w:after"), str(round(after * 20)))
            spacing_el.set(qn("w:line"), str(round(240 * spacing)))
            spacing_el.set(qn("w:lineRule"), "auto")
        normal = self.doc.styles["Normal"]
        normal.font.name = name
        normal.font.size = Pt(size)
        _set_fonts(normal.element.get_or_add_rPr().get_or_add_rFonts(), name)
        normal.paragraph_format.line_spacing = spacing
        normal.paragraph_format.space_after = Pt(after)
        normal.paragraph_format.space_before = Pt(0)

    def _define_lists(self, lists: Mapping[str, Any]) -> None:
        """Add one abstractNum and one w:num per named list to the numbering part."""
        from docx.oxml.ns import qn

        from naskah_lint.writer._ooxml import abstract_num, cm_to_twips

        if not lists:
            return
        numbering = self.doc.part.numbering_part.element
        existing_abs = numbering.findall(qn("w:abstractNum"))
        abs_ids = [int(el.get(qn("w:abstractNumId"), "0")) for el in existing_abs]
        num_ids = [int(el.get(qn("w:numId"), "0")) for el in numbering.findall(qn("w:num"))]
        next_abs = max(abs_ids, default=-1) + 1
        self.next_num_id = max(num_ids, default=0) + 1
        anchor = existing_abs[-1] if existing_abs else None
        for name, definition in lists.items():
            definition = _mapping(definition, f"lists.{name}")
            raw_levels = definition.get("levels")
            levels = list(raw_levels) if isinstance(raw_levels, list) else [definition]
            rows = []
            for ilvl, level in enumerate(levels):
                level = _mapping(level, f"lists.{name}")
                _known_keys(level, LEVEL_KEYS, f"lists.{name}")
                fmt = str(level.get("format", "decimal"))
                if fmt not in NUM_FORMATS:
                    raise ValueError(f"lists.{name}: unknown format {fmt!r}")
                suffix = str(level.get("suffix", "tab"))
                if suffix not in {"tab", "space", "nothing"}:
                    raise ValueError(f"lists.{name}: suffix must be tab, space or nothing")
                align = str(level.get("align", "left"))
                if align not in {"left", "center", "right"}:
                    raise ValueError(f"lists.{name}: align must be left, center or right")
                left = level.get("indent_left_cm", 1.0 * (ilvl + 1) if align == "left" else 0)
                hanging = level.get("hanging_cm", 1.0 if align == "left" else 0)
                rows.append(
                    (
                        ilvl,
                        fmt,
                        str(level.get("text", f"%{ilvl + 1}.")),
                        align,
                        suffix,
                        int(level.get("start", 1)),
                        cm_to_twips(float(left)),
                        cm_to_twips(float(hanging)),
                    )
                )
            element = abstract_num(next_abs, rows)
            if anchor is None:
                numbering.insert(0, element)
            else:
                anchor.addnext(element)
            anchor = element
            self.lists[name] = {
                "abstract": next_abs,
                "start": rows[0][5],
                "align": [row[3] for row in rows],
            }
            next_abs += 1
            self.current_num[name] = self._add_num(name, None)

    def _add_num(self, name: str, start: int | None) -> int:
        """A new w:num instance of list `name` (restarting at `start` when given)."""
        from naskah_lint.writer._ooxml import insert_ordered, num_instance

        numbering = self.doc.part.numbering_part.element
        num_id = self.next_num_id
        self.next_num_id += 1
        element = num_instance(num_id, self.lists[name]["abstract"], start)
        insert_ordered(numbering, element, ("w:numIdMacAtCleanup",))
        return num_id

    def _logo_spec(self) -> dict[str, Any] | None:
        """The normalised `logo:` setting, or None."""
        logo = self.spec.get("logo")
        if logo is None or logo is False:
            return None
        if logo is True:
            return {"count": 1, "where": "body", "width_cm": 2.0}
        logo = _mapping(logo, "logo")
        _known_keys(logo, {"count", "where", "width_cm"}, "logo")
        where = logo.get("where", "body")
        if where not in {"body", "header"}:
            raise ValueError("logo.where must be body or header")
        count = int(logo.get("count", 1))
        if count not in {1, 2, 3}:
            raise ValueError("logo.count must be 1, 2 or 3")
        return {"count": count, "where": where, "width_cm": float(logo.get("width_cm", 2.0))}

    def _core_properties(self) -> None:
        """Fixed core properties so builds are reproducible."""
        core = _mapping(self.spec.get("core"), "core")
        _known_keys(core, {"author", "title", "created", "modified"}, "core")
        props = self.doc.core_properties
        author = str(core.get("author", DEFAULT_AUTHOR))
        props.author = author
        props.last_modified_by = author
        props.title = str(core.get("title", ""))
        props.subject = ""
        props.keywords = ""
        props.comments = ""
        props.category = ""
        props.revision = 1
        props.created = _datetime(core.get("created"))
        props.modified = _datetime(core.get("modified"))

    # -- stories

    def _fill_story(self, container: Any, items: Sequence[Any], story: str) -> None:
        """Add blocks to a body, header, footer or cell container (its existing content cleared
        for headers and footers, which python-docx creates with one empty paragraph)."""
        from docx.oxml.ns import qn

        if story in {"header", "footer"}:
            element = container._element
            for child in list(element):
                element.remove(child)
        for item in items:
            self._add_block(container, item, story)
        if story in {"header", "footer"}:
            last = container._element[-1] if len(container._element) else None
            if last is None or last.tag != qn("w:p"):
                container.add_paragraph()

    def _add_block(self, container: Any, item: Any, story: str) -> None:
        """Add one block item (paragraph, table, text box, break, logo) to a container."""
        from docx.enum.section import WD_SECTION
        from docx.enum.text import WD_BREAK

        if isinstance(item, Mapping) and "_logo" in item:
            self._add_logo(container.add_paragraph(), item["_logo"])
        elif isinstance(item, Mapping) and "table" in item:
            self._add_table(container, item, story)
        elif isinstance(item, Mapping) and "textbox" in item:
            if story != "body":
                raise ValueError("text boxes are supported in the body only")
            self._add_textbox(container.add_paragraph(), item)
        elif isinstance(item, Mapping) and "page_break" in item:
            _known_keys(item, {"page_break"}, "page_break")
            container.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
        elif isinstance(item, Mapping) and "section_break" in item:
            _known_keys(item, {"section_break"}, "section_break")
            if story != "body":
                raise ValueError("section breaks are supported in the body only")
            change = _mapping(item["section_break"], "section_break")
            _known_keys(change, {"page"}, "section_break")
            page = copy.deepcopy(self.page)
            _deep_merge(page, _mapping(change.get("page"), "section_break.page"))
            section = self.doc.add_section(WD_SECTION.NEW_PAGE)
            self.text_width_twips = _apply_page(section, page)
        else:
            default_align = "justify" if story == "body" else "left"
            self._fill_paragraph(container.add_paragraph(), item, default_align, story)

    def _fill_paragraph(self, para: Paragraph, item: Any, default_align: str, story: str) -> None:
        """Format one paragraph and add its runs, field, comment and tracked changes."""
        from docx.enum.text import WD_ALIGN_PARAGRAPH
        from docx.shared import Cm, Pt

        spec = self._paragraph_spec(item)
        fmt = para.paragraph_format
        if "style" in spec:
            try:
                para.style = self.doc.styles[str(spec["style"])]
            except KeyError:
                raise ValueError(f"unknown paragraph style {spec['style']!r}") from None
        list_name = spec.get("list")
        if list_name is not None:
            default_align = self._number_paragraph(para, spec)
        align = str(spec.get("align", default_align))
        if align not in ALIGN:
            raise ValueError(f"align must be one of {sorted(ALIGN)}, got {align!r}")
        fmt.alignment = getattr(WD_ALIGN_PARAGRAPH, ALIGN[align])
        if "line_spacing" in spec:
            fmt.line_spacing = float(spec["line_spacing"])
        if "space_before_pt" in spec:
            fmt.space_before = Pt(float(spec["space_before_pt"]))
        if "space_after_pt" in spec:
            fmt.space_after = Pt(float(spec["space_after_pt"]))
        if "indent_left_cm" in spec:
            fmt.left_indent = Cm(float(spec["indent_left_cm"]))
        if "indent_right_cm" in spec:
            fmt.right_indent = Cm(float(spec["indent_right_cm"]))
        if "first_line_cm" in spec:
            fmt.first_line_indent = Cm(float(spec["first_line_cm"]))
        if spec.get("keep_with_next"):
            fmt.keep_with_next = True
        if spec.get("page_break_before"):
            fmt.page_break_before = True
        shared = {key: spec[key] for key in RUN_KEYS - {"text"} if key in spec}
        for run_spec in self._run_specs(spec):
            merged = {**shared, **run_spec}
            if "field" in merged:
                self._add_field(para, merged)
            elif merged.get("text"):
                _format_run(para.add_run(str(merged["text"])), merged)
        if shared:
            self._format_paragraph_mark(para, shared)
        if "comment" in spec:
            if story != "body":
                raise ValueError("comments are supported on body paragraphs only")
            self._add_comments(para, spec["comment"])
        if "tracked" in spec:
            if story != "body":
                raise ValueError("tracked changes are supported on body paragraphs only")
            self._add_tracked(para, spec["tracked"], shared)

    @staticmethod
    def _format_paragraph_mark(para: Paragraph, shared: Mapping[str, Any]) -> None:
        """Give the paragraph mark (w:pPr/w:rPr) the paragraph's run formatting, as Word does;
        it is also what Word uses for an auto-numbered label."""
        from docx.oxml.ns import qn

        from naskah_lint.writer._ooxml import insert_ordered

        probe = para.add_run("")
        _format_run(probe, shared)
        rpr = probe._r.find(qn("w:rPr"))
        para._p.remove(probe._r)
        if rpr is not None:
            ppr = para._p.get_or_add_pPr()
            insert_ordered(ppr, rpr, ("w:sectPr", "w:pPrChange"))

    def _paragraph_spec(self, item: Any) -> dict[str, Any]:
        """A paragraph item as a validated mapping with its preset applied."""
        if isinstance(item, str):
            return {"text": item}
        if not isinstance(item, Mapping):
            raise ValueError(f"a paragraph must be a string or a mapping, got {item!r}")
        spec = dict(item)
        preset = spec.get("preset")
        if preset is not None:
            if preset not in self.presets:
                raise ValueError(f"unknown preset {preset!r}")
            spec = {**_mapping(self.presets[preset], f"presets.{preset}"), **spec}
        unknown = sorted(set(spec) - PARA_KEYS)
        if unknown:
            raise ValueError(f"paragraph {spec.get('text', '')!r}: unknown keys {unknown}")
        return spec

    @staticmethod
    def _run_specs(spec: Mapping[str, Any]) -> list[dict[str, Any]]:
        """The runs of a paragraph spec: `runs`, a field with text around it, or `text`."""
        if "runs" in spec:
            runs = [_run_dict(run) for run in _seq(spec["runs"], "runs")]
            for run in runs:
                unknown = sorted(set(run) - RUN_KEYS - {"field"})
                if unknown:
                    raise ValueError(f"run {run.get('text', '')!r}: unknown keys {unknown}")
            return runs
        if "field" in spec:
            out = []
            if spec.get("text_before"):
                out.append({"text": str(spec["text_before"])})
            out.append({"field": str(spec["field"]), "text": str(spec.get("text", "1"))})
            if spec.get("text_after"):
                out.append({"text": str(spec["text_after"])})
            return out
        if "text" in spec:
            return [{"text": str(spec["text"])}]
        return []

    def _number_paragraph(self, para: Paragraph, spec: Mapping[str, Any]) -> str:
        """Attach a paragraph to a named list (numPr); return its default alignment."""
        from docx.oxml.ns import qn
        from docx.oxml.parser import OxmlElement

        from naskah_lint.writer._ooxml import insert_ordered

        name = str(spec["list"])
        if name not in self.lists:
            raise ValueError(f"unknown list {name!r} (define it under lists:)")
        level = int(spec.get("level", 0))
        aligns = self.lists[name]["align"]
        if not 0 <= level < len(aligns):
            raise ValueError(f"list {name!r} has no level {level}")
        restart = spec.get("restart")
        if restart:
            start = self.lists[name]["start"] if restart is True else int(restart)
            self.current_num[name] = self._add_num(name, start)
        ppr = para._p.get_or_add_pPr()
        num_pr = OxmlElement("w:numPr")
        for tag, value in (("w:ilvl", level), ("w:numId", self.current_num[name])):
            child = OxmlElement(tag)
            child.set(qn("w:val"), str(value))
            num_pr.append(child)
        insert_ordered(ppr, num_pr, _PPR_AFTER_NUMPR)
        align = str(aligns[level])
        return "justify" if align == "left" else align

    def _add_field(self, para: Paragraph, run_spec: Mapping[str, Any]) -> None:
        """Append a complex field (e.g. PAGE) whose displayed result is the run's text."""
        from docx.oxml.ns import qn

        from naskah_lint.writer._ooxml import field_runs

        probe = para.add_run("")
        _format_run(probe, run_spec)
        rpr = probe._r.find(qn("w:rPr"))
        for element in field_runs(str(run_spec["field"]), str(run_spec.get("text", "1")), rpr):
            probe._r.addprevious(element)
        para._p.remove(probe._r)

    def _add_comments(self, para: Paragraph, comments: Any) -> None:
        """Anchor one or more Word comments on the whole paragraph (fixed dates)."""
        from docx.oxml.ns import qn

        from naskah_lint.writer._ooxml import FIXED_DATE

        for comment in comments if isinstance(comments, list) else [comments]:
            comment = _mapping(comment, "comment")
            _known_keys(comment, {"author", "text", "initials"}, "comment")
            runs = para.runs or [para.add_run("")]
            author = str(comment.get("author", "Reviewer"))
            initials = str(comment.get("initials", "".join(w[0] for w in author.split())[:3]))
            added = self.doc.add_comment(
                runs, text=str(comment.get("text", "")), author=author, initials=initials
            )
            added._comment_elm.set(qn("w:date"), FIXED_DATE)

    def _add_tracked(self, para: Paragraph, tracked: Any, shared: Mapping[str, Any]) -> None:
        """Append a tracked deletion and/or insertion after the paragraph's runs."""
        from docx.oxml.ns import qn

        from naskah_lint.writer._ooxml import revision

        tracked = _mapping(tracked, "tracked")
        unknown = sorted(set(tracked) - {"insert", "delete", "author"})
        if unknown or not ({"insert", "delete"} & set(tracked)):
            raise ValueError("tracked: needs insert and/or delete (and optionally author)")
        probe = para.add_run("")
        _format_run(probe, shared)
        rpr = probe._r.find(qn("w:rPr"))
        para._p.remove(probe._r)
        author = str(tracked.get("author", "Reviewer"))
        for kind, key in (("del", "delete"), ("ins", "insert")):
            if key in tracked:
                para._p.append(revision(kind, self.next_rev_id, author, str(tracked[key]), rpr))
                self.next_rev_id += 1

    def _add_table(self, container: Any, item: Mapping[str, Any], story: str) -> None:
        """A table; each cell is a string, a paragraph mapping or a list of paragraphs."""
        from docx.enum.table import WD_TABLE_ALIGNMENT
        from docx.shared import Cm, Twips

        _known_keys(item, TABLE_KEYS, "table")
        rows = _seq(item["table"], "table")
        if not rows or not all(isinstance(row, list) and row for row in rows):
            raise ValueError("table: must be a non-empty list of non-empty rows")
        ncols = len(rows[0])
        if any(len(row) != ncols for row in rows):
            raise ValueError("table: every row needs the same number of cells")
        table = container.add_table(len(rows), ncols, Twips(self.text_width_twips))
        _set_borders(table, bool(item.get("borders", True)))
        widths = item.get("widths_cm")
        if widths is not None:
            if not isinstance(widths, list) or len(widths) != ncols:
                raise ValueError("table: widths_cm needs one width per column")
            table.autofit = False
            for col, width in enumerate(widths):
                table.columns[col].width = Cm(float(width))
                for cell in table.columns[col].cells:
                    cell.width = Cm(float(width))
        if "table_align" in item:
            where = str(item["table_align"])
            if where not in {"left", "center", "right"}:
                raise ValueError("table_align must be left, center or right")
            table.alignment = getattr(WD_TABLE_ALIGNMENT, where.upper())
        heights = item.get("row_heights_cm")
        if heights is not None:
            if not isinstance(heights, list) or len(heights) != len(rows):
                raise ValueError("table: row_heights_cm needs one height per row")
            for row_obj, height in zip(table.rows, heights, strict=True):
                row_obj.height = Cm(float(height))
        if item.get("keep_together"):
            _keep_rows_together(table)
        cell_defaults = {key: item[key] for key in ("font", "size", "bold") if key in item}
        if item.get("keep_together"):
            cell_defaults["keep_with_next"] = True
        align = str(item.get("align", "left"))
        for r, row in enumerate(rows):
            for c, cell_spec in enumerate(row):
                self._fill_cell(table.cell(r, c), cell_spec, cell_defaults, align, story)

    def _fill_cell(
        self, cell: _Cell, cell_spec: Any, defaults: Mapping[str, Any], align: str, story: str
    ) -> None:
        """Fill one table cell with its paragraphs (the first reuses the cell's empty one)."""
        paragraphs = cell_spec if isinstance(cell_spec, list) else [cell_spec]
        if not paragraphs:
            return
        for index, para_spec in enumerate(paragraphs):
            spec = {"text": para_spec} if isinstance(para_spec, str) else dict(para_spec)
            spec = {**defaults, **spec}
            para = cell.paragraphs[0] if index == 0 else cell.add_paragraph()
            self._fill_paragraph(para, spec, align, story)

    def _add_textbox(self, para: Paragraph, item: Mapping[str, Any]) -> None:
        """A text box (DrawingML with a VML fallback) anchored in its own paragraph."""
        from docx.oxml.parser import OxmlElement
        from docx.text.paragraph import Paragraph as DocxParagraph

        from naskah_lint.writer._ooxml import finish_textbox, textbox_run

        _known_keys(item, TEXTBOX_KEYS, "textbox")
        contents = _seq(item["textbox"], "textbox")
        shape_id = self.doc.part.next_id
        run, content = textbox_run(
            shape_id, float(item.get("width_cm", 5.0)), float(item.get("height_cm", 1.5))
        )
        para._p.append(run)
        for spec in contents or [""]:
            p_element = OxmlElement("w:p")
            content.append(p_element)
            paragraph = DocxParagraph(cast("CT_P", p_element), para)
            self._fill_paragraph(paragraph, spec, "center", "textbox")
        finish_textbox(run)

    def _add_logo(self, para: Paragraph, logo: Mapping[str, Any]) -> None:
        """One to three small generated PNG logos, centred in their own paragraph."""
        from docx.enum.text import WD_ALIGN_PARAGRAPH
        from docx.shared import Cm

        from naskah_lint.writer._ooxml import tiny_png

        para.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
        colours = [(200, 30, 30), (30, 60, 160), (30, 130, 60)]
        for index in range(int(logo["count"])):
            if index:
                para.add_run("\t")
            png = tiny_png(colours[index])
            para.add_run().add_picture(io.BytesIO(png), width=Cm(float(logo["width_cm"])))


# -- small helpers -----------------------------------------------------------------------------


def _mapping(value: Any, key: str) -> Mapping[str, Any]:
    """A mapping value (absent -> empty) with a readable error."""
    if value is None:
        return {}
    if not isinstance(value, Mapping):
        raise ValueError(f"{key}: must be a mapping")
    return value


def _seq(value: Any, key: str) -> list[Any]:
    """A list value (absent -> empty) with a readable error."""
    if value is None:
        return []
    if not isinstance(value, list):
        raise ValueError(f"{key}: must be a list")
    return value


def _known_keys(item: Mapping[str, Any], allowed: Collection[str], key: str) -> None:
    """Reject a mapping with keys outside `allowed`, naming them."""
    unknown = sorted(set(item).difference(allowed))
    if unknown:
        raise ValueError(f"{key}: unknown keys {unknown}")


def _datetime(value: Any) -> dt.datetime:
    """A core-property date: a YAML date/datetime, an ISO string, or the fixed default."""
    if value is None:
        return FIXED_DATETIME
    if isinstance(value, dt.datetime):
        return value if value.tzinfo else value.replace(tzinfo=dt.UTC)
    if isinstance(value, dt.date):
        return dt.datetime(value.year, value.month, value.day, tzinfo=dt.UTC)
    try:
        parsed = dt.datetime.fromisoformat(str(value))
    except ValueError:
        raise ValueError(f"core: bad date {value!r}") from None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=dt.UTC)


def _set_fonts(fonts: etree._Element, name: str) -> None:
    """Set all four rFonts slots to one family (no theme fonts)."""
    from docx.oxml.ns import qn

    for attr in ("asciiTheme", "hAnsiTheme", "eastAsiaTheme", "cstheme"):
        if qn(f"w:{attr}") in fonts.attrib:
            del fonts.attrib[qn(f"w:{attr}")]
    for attr in ("ascii", "hAnsi", "eastAsia", "cs"):
        fonts.set(qn(f"w:{attr}"), name)


def _format_run(run: Run, spec: Mapping[str, Any]) -> None:
    """Apply the run-level keys of a spec as direct formatting."""
    from docx.enum.text import WD_COLOR_INDEX
    from docx.shared import Pt, RGBColor

    font = run.font
    if "font" in spec:
        font.name = str(spec["font"])
        _set_fonts(run._r.get_or_add_rPr().get_or_add_rFonts(), str(spec["font"]))
    if "size" in spec:
        font.size = Pt(float(spec["size"]))
    for key, attr in (
        ("bold", "bold"),
        ("italic", "italic"),
        ("underline", "underline"),
        ("caps", "all_caps"),
        ("hidden", "hidden"),
    ):
        if key in spec:
            setattr(font, attr, bool(spec[key]))
    if "highlight" in spec:
        colour = str(spec["highlight"])
        if colour not in HIGHLIGHT:
            raise ValueError(f"highlight must be one of {sorted(HIGHLIGHT)}")
        font.highlight_color = getattr(WD_COLOR_INDEX, HIGHLIGHT[colour])
    if "color" in spec:
        font.color.rgb = RGBColor.from_string(str(spec["color"]).lstrip("#").upper())


def _set_borders(table: Any, visible: bool) -> None:
    """Explicit single borders on every edge, or none at all."""
    from docx.oxml.ns import qn
    from docx.oxml.parser import OxmlElement

    from naskah_lint.writer._ooxml import insert_ordered

    tbl_pr = table._tbl.tblPr
    old = tbl_pr.find(qn("w:tblBorders"))
    if old is not None:
        tbl_pr.remove(old)
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        el = OxmlElement(f"w:{edge}")
        if visible:
            el.set(qn("w:val"), "single")
            el.set(qn("w:sz"), "4")
            el.set(qn("w:space"), "0")
            el.set(qn("w:color"), "000000")
        else:
            el.set(qn("w:val"), "nil")
        borders.append(el)
    insert_ordered(tbl_pr, borders, ("w:shd", "w:tblLayout", "w:tblCellMar", "w:tblLook"))


def _keep_rows_together(table: Any) -> None:
    """Rows that cannot split across pages (with keep-with-next paragraphs: one block)."""
    from docx.oxml.parser import OxmlElement

    from naskah_lint.writer._ooxml import insert_ordered

    for row in table.rows:
        insert_ordered(
            row._tr.get_or_add_trPr(),
            OxmlElement("w:cantSplit"),
            ("w:trHeight", "w:tblHeader", "w:tblCellSpacing", "w:jc", "w:hidden"),
        )


def _apply_page(section: Section, page: Mapping[str, Any]) -> int:
    """Page size, orientation and margins of one section; returns the text width in twips."""
    from docx.enum.section import WD_ORIENT
    from docx.oxml.ns import qn
    from docx.shared import Twips

    from naskah_lint.writer._ooxml import cm_to_twips, mm_to_twips

    _known_keys(page, PAGE_KEYS, "page")
    size = page.get("size", "A4")
    if isinstance(size, str):
        if size.upper() not in PAPER_MM:
            raise ValueError(f"page.size {size!r}: use one of {sorted(PAPER_MM)} or [w_mm, h_mm]")
        width_mm, height_mm = PAPER_MM[size.upper()]
    elif isinstance(size, list) and len(size) == 2:
        width_mm, height_mm = float(size[0]), float(size[1])
    else:
        raise ValueError(f"page.size {size!r}: use a name or [w_mm, h_mm]")
    orientation = page.get("orientation", "portrait")
    if orientation not in {"portrait", "landscape"}:
        raise ValueError("page.orientation must be portrait or landscape")
    if orientation == "landscape":
        width_mm, height_mm = max(width_mm, height_mm), min(width_mm, height_mm)
    margins_spec = _mapping(page.get("margins_cm"), "page.margins_cm")
    _known_keys(margins_spec, DEFAULT_MARGINS_CM, "page.margins_cm")
    margins = {**DEFAULT_MARGINS_CM, **margins_spec}
    width = mm_to_twips(width_mm)
    if page.get("set_size", True):
        section.page_width = Twips(width)
        section.page_height = Twips(mm_to_twips(height_mm))
        section.orientation = getattr(WD_ORIENT, orientation.upper())
    else:
        pg_sz = section._sectPr.find(qn("w:pgSz"))
        if pg_sz is not None:
            section._sectPr.remove(pg_sz)
    section.top_margin = Twips(cm_to_twips(float(margins["top"])))
    section.bottom_margin = Twips(cm_to_twips(float(margins["bottom"])))
    section.left_margin = Twips(cm_to_twips(float(margins["left"])))
    section.right_margin = Twips(cm_to_twips(float(margins["right"])))
    section.header_distance = Twips(cm_to_twips(float(page.get("header_cm", 1.25))))
    section.footer_distance = Twips(cm_to_twips(float(page.get("footer_cm", 1.25))))
    section.gutter = Twips(0)
    return width - cm_to_twips(float(margins["left"])) - cm_to_twips(float(margins["right"]))
