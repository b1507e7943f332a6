"""Annotated copies: each finding as a Word comment in a copy of the draft, never over the input.

The one module that writes annotated Word files. python-docx adds the comments; macro-enabled
documents and templates (.docm, .dotx, .dotm) are opened under the document content type and
given their own content type back, so the copy keeps its kind. Strict OOXML is refused.
"""

from __future__ import annotations

import io
import posixpath
import re
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING, Any

from naskah_lint.errors import NaskahLintError, OutputError
from naskah_lint.findings import Finding
from naskah_lint.fsio import same_file, write_atomic
from naskah_lint.i18n import os_reason, t
from naskah_lint.report._common import story_label

if TYPE_CHECKING:
    from lxml import etree

    from naskah_lint.model import Block, Document

AUTHOR = "naskah-lint"
INITIALS = "NL"
SUFFIX = ".naskah-lint"
DOCX_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
WORD_MAIN_TYPES = frozenset(
    {
        DOCX_MAIN,
        "application/vnd.ms-word.document.macroEnabled.main+xml",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml",
        "application/vnd.ms-word.template.macroEnabledTemplate.main+xml",
    }
)
CT_NS = "http://schemas.openxmlformats.org/package/2006/content-types"
W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
MC_NS = "http://schemas.openxmlformats.org/markup-compatibility/2006"
W14_NS = "http://schemas.microsoft.com/office/word/2010/wordml"
W15_NS = "http://schemas.microsoft.com/office/word/2012/wordml"
W16CID_NS = "http://schemas.microsoft.com/office/word/2016/wordml/cid"
W16CEX_NS = "http://schemas.microsoft.com/office/word/2018/wordml/cex"
# Kept suffixes: a macro-enabled document or a template stays one (Word checks the extension).
KEPT_SUFFIXES = (".docm", ".dotx", ".dotm")
# Fixed zip timestamp so that the same input and findings give a byte-identical copy.
ZIP_DATE = (1980, 1, 1, 0, 0, 0)
# Characters XML 1.0 cannot carry.
_INVALID_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
# Containers whose runs must not carry our range markers (deleted text, VML fallbacks, nested
# text boxes belong to other paragraphs).
_SKIP_PARENTS = frozenset(
    {
        f"{{{W_NS}}}del",
        f"{{{W_NS}}}moveFrom",
        f"{{{MC_NS}}}Fallback",
        f"{{{W_NS}}}txbxContent",
    }
)


def w(local: str) -> str:
    """Clark name of a WordprocessingML element or attribute."""
    return f"{{{W_NS}}}{local}"


def annotated_path(dest_dir: Path, display_path: str) -> Path:
    """Where the annotated copy of `display_path` goes: its relative path mirrored under
    `dest_dir` as `<name>.naskah-lint.docx` (`.docm`/`.dotx`/`.dotm` keep their suffix); absolute
    paths go under `_abs/`, and each `..` becomes `_up`, so nothing lands outside `dest_dir`."""
    text = display_path.replace("\\", "/")
    drive = ""
    if re.match(r"^[A-Za-z]:", text):
        drive, text = text[0].upper(), text[2:]
    absolute = text.startswith("/") or bool(drive)
    parts = [p for p in posixpath.normpath(text).split("/") if p not in ("", ".")]
    if not parts:
        raise OutputError(f"{display_path}: {t('annotate.bad_name', 'id')}")
    parts = ["_up" if p == ".." else p for p in parts]
    if absolute:
        parts = ["_abs", *([drive] if drive else []), *parts]
    name = PurePosixPath(parts[-1])
    suffix = name.suffix.lower() if name.suffix.lower() in KEPT_SUFFIXES else ".docx"
    stem = name.stem if name.suffix else name.name
    parts[-1] = f"{stem}{SUFFIX}{suffix}"
    return dest_dir.joinpath(*parts)


@dataclass(frozen=True, slots=True)
class _Note:
    """One comment to write: the body block it is anchored on, an optional character span in
    that block, and its text."""

    block: int
    span: tuple[int, int] | None
    text: str


def annotate(
    src: Path,
    findings: Sequence[Finding],
    dest: Path,
    lang: str,
    *,
    title_block: int | None = None,
) -> None:
    """Write a copy of `src` to `dest` with every finding as a Word comment (author naskah-lint).

    `title_block` (the outline's first title block) anchors whole-document findings; without it
    they go on the first non-empty body paragraph. Raises OutputError (one line) when `dest`
    would overwrite `src`, the file cannot be annotated, or the copy cannot be written."""
    _refuse_same_file(src, dest, lang)
    document = _read(src, lang)
    if document.strict:
        raise OutputError(f"{src}: {t('annotate.strict', lang)}")
    notes = [_note(f, document, lang, title_block) for f in findings]
    data = _annotated_bytes(src, document, notes, lang)
    _write_atomically(dest, data, lang)


# --- safety ----------------------------------------------------------------------------------


def _refuse_same_file(src: Path, dest: Path, lang: str) -> None:
    """OutputError when writing `dest` would replace the input."""
    if same_file(src, dest):
        raise OutputError(f"{dest}: {t('annotate.same_as_input', lang)}")


def _read(src: Path, lang: str) -> Document:
    """The source as our reader sees it (blocks with their locators)."""
    from naskah_lint.reader import read_document

    try:
        return read_document(src)
    except NaskahLintError as exc:
        raise OutputError(
            f"{src}: {t('annotate.cannot_open', lang, detail=_one_line(exc))}"
        ) from None


def _one_line(exc: BaseException) -> str:
    """An exception as one short line."""
    text = " ".join(str(exc).split())
    return text[:200] or type(exc).__name__


def _write_atomically(dest: Path, data: bytes, lang: str) -> None:
    """The copy written whole or not at all (a new file is 0644); OutputError in one line."""
    try:
        write_atomic(dest, data)
    except OSError as exc:
        reason = os_reason(exc, lang)
        raise OutputError(f"{dest}: {t('annotate.cannot_write', lang, detail=reason)}") from None


# --- where each comment goes ------------------------------------------------------------------


def _first_text_block(document: Document) -> int:
    """The first non-empty body paragraph (1 when the body is empty)."""
    for block in document.body:
        if block.text.strip():
            return block.index
    return 1


def _note(finding: Finding, document: Document, lang: str, title_block: int | None) -> _Note:
    """Anchor and text of one finding's comment."""
    from naskah_lint.model import Story

    loc = finding.location
    severity = t(f"sev.{finding.severity.value}", lang)
    text = f"{finding.rule} ({severity}): {finding.message}"
    if finding.suggestion:
        text += "\n" + t("report.suggestion", lang, text=finding.suggestion)
    fallback = title_block if title_block and document.block(Story.BODY, title_block) else None
    first = fallback or _first_text_block(document)
    if loc.story == "body" and loc.block is not None:
        if document.block(Story.BODY, loc.block) is not None:
            span = None
            if loc.run_start is not None:
                end = loc.run_end if loc.run_end is not None else loc.run_start
                span = (loc.run_start, max(end, loc.run_start))
            return _Note(loc.block, span, _clean(text))
        return _Note(first, None, _clean(f"[{t('loc.paragraph', lang, block=loc.block)}] {text}"))
    if loc.story == "body":
        return _Note(first, None, _clean(f"[{t('loc.dokumen', lang)}] {text}"))
    prefix = f"[{story_label(loc.story, loc.block, lang)}] "
    anchor = loc.anchor_block
    if anchor is None and loc.block is not None:
        try:
            story = Story(loc.story)
        except ValueError:
            story = None
        block = document.block(story, loc.block) if story is not None else None
        anchor = block.anchor_block if block is not None else None
    if anchor is None or document.block(Story.BODY, anchor) is None:
        anchor = first
    return _Note(anchor, None, _clean(prefix + text))


def _clean(text: str) -> str:
    """Comment text safe for XML (CR folded into LF, invalid characters dropped)."""
    return _INVALID_XML.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))


# --- writing ---------------------------------------------------------------------------------


def _annotated_bytes(src: Path, document: Document, notes: Sequence[_Note], lang: str) -> bytes:
    """The annotated package as bytes (content type of the source kept)."""
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        original = src.read_bytes()
    except OSError as exc:
        raise OutputError(
            f"{src}: {t('annotate.cannot_open', lang, detail=os_reason(exc, lang))}"
        ) from None
    main_type = _main_content_type(original)
    stream = original if main_type in (None, DOCX_MAIN) else _set_main_type(original, DOCX_MAIN)
    try:
        doc = docx.Document(io.BytesIO(stream))
    except (PackageNotFoundError, ValueError, KeyError, zipfile.BadZipFile, OSError) as exc:
        detail = _one_line(exc)
        raise OutputError(f"{src}: {t('annotate.cannot_open', lang, detail=detail)}") from None
    except Exception as exc:  # python-docx raises unrelated types on odd packages
        detail = _one_line(exc)
        raise OutputError(f"{src}: {t('annotate.cannot_open', lang, detail=detail)}") from None
    _remove_own_comments(doc)
    paragraphs = list(doc.element.iter(w("p")))
    for note in notes:
        _add_comment(doc, document, paragraphs, note)
    for comment in doc.comments:
        # No date: the same input and findings give a byte-identical copy.
        attrib = comment._comment_elm.attrib
        if w("date") in attrib:
            del attrib[w("date")]
    out = io.BytesIO()
    doc.save(out)
    data = out.getvalue()
    if main_type not in (None, DOCX_MAIN):
        data = _set_main_type(data, main_type)
    return _normalise_zip(data)


def _body_paragraph(document: Document, paragraphs: list[Any], index: int) -> Any | None:
    """The lxml w:p of a body block, found through the reader's locator."""
    from naskah_lint.model import Story

    block = document.block(Story.BODY, index)
    if block is None or block.locator.part != document.main_part:
        return None
    ordinal = block.locator.ordinal
    return paragraphs[ordinal] if 0 <= ordinal < len(paragraphs) else None


def _own_runs(p: Any) -> list[Any]:
    """The w:r elements that belong to paragraph `p` itself (not deleted, not in a nested text
    box or a VML fallback), in document order."""
    out = []
    for r in p.iter(w("r")):
        parent = r.getparent()
        ok = True
        while parent is not None and parent is not p:
            if parent.tag in _SKIP_PARENTS or parent.tag == w("p"):
                ok = False
                break
            parent = parent.getparent()
        if ok:
            out.append(r)
    return out


def _span_runs(block: Block, p: Any, span: tuple[int, int]) -> list[Any]:
    """The w:r elements covering a character span of the block text ([] when not mappable)."""
    start, end = span
    all_runs = list(p.iter(w("r")))
    own = {id(r) for r in _own_runs(p)}
    chosen: list[Any] = []
    for run in block.runs:
        if run.locator < 0 or run.kind != "text" or not run.text:
            continue
        run_end = run.start + len(run.text)
        hit = run.start < end and run_end > start if end > start else run.start <= start < run_end
        if not hit:
            continue
        if run.locator >= len(all_runs) or id(all_runs[run.locator]) not in own:
            return []
        chosen.append(all_runs[run.locator])
    return chosen


def _add_comment(doc: Any, document: Document, paragraphs: list[Any], note: _Note) -> None:
    """Add one comment, anchored on the span's runs or on the whole paragraph."""
    from docx.text.paragraph import Paragraph
    from docx.text.run import Run

    from naskah_lint.model import Story

    p = _body_paragraph(document, paragraphs, note.block)
    if p is None:
        p = _body_paragraph(document, paragraphs, _first_text_block(document))
    if p is None:
        p = paragraphs[0] if paragraphs else doc.add_paragraph()._p
    paragraph = Paragraph(p, doc._body)
    runs: list[Any] = []
    block = document.block(Story.BODY, note.block)
    if note.span is not None and block is not None:
        runs = _span_runs(block, p, note.span)
    if not runs:
        runs = _own_runs(p)
    if not runs:
        runs = [p.add_r()]
    doc.add_comment(
        [Run(runs[0], paragraph), Run(runs[-1], paragraph)],
        text=note.text,
        author=AUTHOR,
        initials=INITIALS,
    )


# --- removing our previous comments (re-annotating an annotated copy) -------------------------


def _remove_own_comments(doc: Any) -> None:
    """Delete comments authored naskah-lint, with their range markers, reference runs and their
    entries in the commentsExtended/Ids/Extensible parts."""
    part = doc.part
    if not any(rel.reltype.endswith("/comments") for rel in part.rels.values()):
        return
    comments_root = part._comments_part.element
    ids: set[str] = set()
    para_ids: set[str] = set()
    for comment in list(comments_root.iter(w("comment"))):
        if comment.get(w("author")) != AUTHOR:
            continue
        ids.add(comment.get(w("id"), ""))
        para_ids.update(p.get(f"{{{W14_NS}}}paraId", "") for p in comment.iter(w("p")))
        comments_root.remove(comment)
    if not ids:
        return
    _strip_markers(doc.element, ids)
    _strip_extended_parts(part, para_ids)


def _strip_markers(root: Any, ids: set[str]) -> None:
    """Remove range starts/ends and reference runs of the given comment ids."""
    for tag in ("commentRangeStart", "commentRangeEnd"):
        for el in list(root.iter(w(tag))):
            if el.get(w("id")) in ids:
                _drop(el)
    for ref in list(root.iter(w("commentReference"))):
        if ref.get(w("id")) not in ids:
            continue
        run = ref.getparent()
        if run is not None and run.tag == w("r") and _only_reference(run):
            _drop(run)
        else:
            _drop(ref)


def _only_reference(run: Any) -> bool:
    """Whether a run holds nothing but its properties and a comment reference."""
    return all(child.tag in (w("rPr"), w("commentReference")) for child in run)


def _drop(el: Any) -> None:
    """Remove an element, keeping its tail text."""
    parent = el.getparent()
    if parent is not None:
        parent.remove(el)


def _strip_extended_parts(part: Any, para_ids: set[str]) -> None:
    """Remove entries of deleted comments from commentsExtended, commentsIds, commentsExtensible
    (Word's side parts, keyed by the comment paragraphs' w14:paraId and durableId)."""
    from lxml import etree

    para_ids.discard("")
    if not para_ids:
        return
    related = [rel.target_part for rel in part.rels.values() if not rel.is_external]
    durable: set[str] = set()
    ordered = sorted(related, key=lambda p: "commentsExtensible" in str(p.partname))
    for target in ordered:
        name = str(target.partname)
        if not any(k in name for k in ("commentsExtended", "commentsIds", "commentsExtensible")):
            continue
        try:
            root = etree.fromstring(target.blob, etree.XMLParser(resolve_entities=False))
        except etree.XMLSyntaxError:
            continue
        changed = False
        for el in list(root):
            pid = _attr(el, "paraId")
            did = _attr(el, "durableId")
            if pid in para_ids or (did is not None and did in durable and pid is None):
                if did is not None:
                    durable.add(did)
                root.remove(el)
                changed = True
        if changed:
            _set_blob(
                target,
                etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True),
            )


def _attr(el: etree._Element, local: str) -> str | None:
    """An attribute by local name, whatever its namespace."""
    for key, value in el.attrib.items():
        if str(key).rsplit("}", 1)[-1] == local:
            return str(value)
    return None


def _set_blob(part: Any, blob: bytes) -> None:
    """Replace the bytes of a python-docx part (XML parts are re-parsed)."""
    if hasattr(part, "_element"):
        from docx.oxml.parser import parse_xml

        part._element = parse_xml(blob)
    else:
        part._blob = blob


# --- package-level edits ----------------------------------------------------------------------


def _main_content_type(data: bytes) -> str | None:
    """The content type of the main document part (from [Content_Types].xml), if found."""
    from lxml import etree

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            types = etree.fromstring(
                zf.read("[Content_Types].xml"), etree.XMLParser(resolve_entities=False)
            )
    except (KeyError, zipfile.BadZipFile, etree.XMLSyntaxError, OSError):
        return None
    for override in types.iter(f"{{{CT_NS}}}Override"):
        ctype = override.get("ContentType", "")
        if ctype in WORD_MAIN_TYPES:
            return ctype
    return None


def _set_main_type(data: bytes, new_type: str) -> bytes:
    """The package with its Word main part's content type replaced by `new_type`."""
    from lxml import etree

    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        types = etree.fromstring(
            zf.read("[Content_Types].xml"), etree.XMLParser(resolve_entities=False)
        )
        for override in types.iter(f"{{{CT_NS}}}Override"):
            if override.get("ContentType", "") in WORD_MAIN_TYPES:
                override.set("ContentType", new_type)
        body = etree.tostring(types, xml_declaration=True, encoding="UTF-8", standalone=True)
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
            for info in zf.infolist():
                payload = body if info.filename == "[Content_Types].xml" else zf.read(info)
                dst.writestr(info.filename, payload)
    return out.getvalue()


def _normalise_zip(data: bytes) -> bytes:
    """The same package with fixed timestamps and [Content_Types].xml first (deterministic)."""
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        infos = zf.infolist()
        order = sorted(infos, key=lambda i: (i.filename != "[Content_Types].xml", infos.index(i)))
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
            for info in order:
                entry = zipfile.ZipInfo(info.filename, date_time=ZIP_DATE)
                entry.compress_type = zipfile.ZIP_DEFLATED
                entry.external_attr = 0o644 << 16
                dst.writestr(entry, zf.read(info))
    return out.getvalue()
