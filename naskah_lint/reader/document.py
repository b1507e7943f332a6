"""read_document: a .docx file to the Document model, or UnreadableFile, never anything else."""

from __future__ import annotations

import errno
import hashlib
import os
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from naskah_lint.errors import UnreadableFile
from naskah_lint.model import Block, Comment, Document, Metadata, Section, Story
from naskah_lint.reader import ns
from naskah_lint.reader.meta import metadata, page_setup
from naskah_lint.reader.ns import STRICT_MARKER
from naskah_lint.reader.numbering import Counters, NumberingDefs
from naskah_lint.reader.package import (
    Limits,
    Package,
    Rel,
    classify,
    corrupt,
    size_text,
    too_large,
    unreadable,
)
from naskah_lint.reader.props import on
from naskah_lint.reader.styles import StyleSheet, load_styles, load_theme_fonts
from naskah_lint.reader.walker import Collector, Para, PartWalker

STORY_ORDER = (
    Story.BODY,
    Story.HEADER,
    Story.FOOTER,
    Story.FOOTNOTE,
    Story.COMMENT,
    Story.TEXTBOX,
)
FIRST_PAGE_BLOCKS = 15  # blocks taken as "the first page" when Word saved no page breaks
_NOTE_SEPARATORS = frozenset({"separator", "continuationSeparator", "continuationNotice"})
_HF_TYPES = ("default", "first", "even")
# The author of our own annotations (writer/annotate.py): their text is ours, not the draft's.
OWN_COMMENT_AUTHOR = "naskah-lint"


def read_document(path: str | os.PathLike[str], limits: Limits | None = None) -> Document:
    """Read a Word file (opened read-only) into the Document model.

    Raises UnreadableFile (NOT_FOUND, NOT_DOCX, ENCRYPTED, LEGACY_DOC, CORRUPT, TOO_LARGE) for
    anything that cannot be linted; the kind is sniffed from the bytes, not the name."""
    limits = limits or Limits()
    display = os.fspath(path)
    p = Path(path)
    try:
        size = p.stat().st_size
        if p.is_dir():
            raise UnreadableFile("NOT_DOCX", "err.NOT_DOCX.folder")
    except (FileNotFoundError, NotADirectoryError):
        raise UnreadableFile("NOT_FOUND", "err.NOT_FOUND") from None
    except OSError as exc:
        raise _os_error(exc) from None
    if size > limits.max_total_uncompressed:
        raise too_large(
            f"max_total_uncompressed = {size_text(limits.max_total_uncompressed)}", size_text(size)
        )
    try:
        with open(p, "rb") as fh:
            data = fh.read()
    except OSError as exc:
        raise _os_error(exc) from None
    sha = hashlib.sha256(data).hexdigest()
    kind = classify(data[:4096], p)
    if kind != "zip":
        raise unreadable(kind)
    try:
        with Package(data, limits) as pkg:
            return _read_package(pkg, display, sha, limits)
    except RecursionError:
        raise corrupt("deep", "", "nesting too deep") from None
    except MemoryError:
        raise too_large("memory", size_text(size)) from None


def _os_error(exc: OSError) -> UnreadableFile:
    """An input the system will not let us read: permission refused, or another OS error."""
    if exc.errno in (errno.EACCES, errno.EPERM):
        return UnreadableFile("NOT_FOUND", "err.READ.permission", detail=exc.strerror or str(exc))
    return UnreadableFile("NOT_FOUND", "err.READ", detail=exc.strerror or str(exc))


def _present(pkg: Package, name: str | None) -> str | None:
    """The part name if the package holds that part (as Package.optional_xml decides)."""
    return name if name and pkg.has(name) else None


def _first_of(rels: dict[str, Rel], rtype: str) -> str | None:
    for rel in rels.values():
        if rel.type == rtype and not rel.external:
            return rel.target
    return None


@dataclass(frozen=True, slots=True)
class _SectionRefs:
    """The header and footer parts in force for a section (by type), after inheritance."""

    headers: dict[str, str]
    footers: dict[str, str]
    title_pg: bool


@dataclass(frozen=True, slots=True)
class _PartSummary:
    """What a header or footer part holds, for its sections."""

    page_field: bool
    paraf: bool
    images: int


def _read_package(pkg: Package, display: str, sha: str, limits: Limits) -> Document:
    main, kind = pkg.main_part()
    raw = pkg.read(main)
    strict = STRICT_MARKER in raw
    root, forms = pkg.parse_main(raw, main, strict)
    if root.tag != ns.w("document"):
        local = root.tag.rsplit("}", 1)[-1] if isinstance(root.tag, str) else "?"
        raise corrupt("root", main, f"{main}: root element <{local}>", root=local)
    rels = pkg.rels(main)
    styles = StyleSheet(
        load_styles(pkg.read, _present(pkg, _first_of(rels, "styles"))),
        load_theme_fonts(pkg.read, _present(pkg, _first_of(rels, "theme"))),
    )

    def style_num(style_id: str) -> int | None:
        style = styles.get(style_id)
        return style.num_id if style is not None else None

    numbering = _first_of(rels, "numbering")
    defs = NumberingDefs(lambda: pkg.optional_xml(numbering), style_num)
    collector = Collector(styles, limits.max_paragraphs)

    walker = PartWalker(collector, main, Counters(defs))
    walker.forms = forms
    body = root.find(ns.W_BODY)
    final_sectpr = None
    if body is not None:
        walker.container(body, Story.BODY, None, None)
        walker.end_part()
        for child in reversed(body):
            if child.tag == ns.W_SECTPR:
                final_sectpr = child
                break
    n_body = len(collector.paras[Story.BODY])
    breaks = [*walker.section_breaks, (final_sectpr, n_body)]
    if final_sectpr is None and walker.section_breaks and walker.section_breaks[-1][1] == n_body:
        breaks.pop()

    section_refs = _section_refs(breaks, rels, pkg)
    summaries = _read_headers_footers(pkg, section_refs, collector, defs)

    for rtype, which in (("footnotes", "footnote"), ("endnotes", "endnote")):
        notes = _first_of(rels, rtype)
        if notes and pkg.has(notes):
            _read_notes(pkg.xml(notes), notes, which, collector, defs)

    comments: tuple[Comment, ...] = ()
    comments_part = _first_of(rels, "comments")
    if comments_part and pkg.has(comments_part):
        extended = _first_of(rels, "commentsExtended")
        done = _done_para_ids(pkg.optional_xml(extended) if extended else None)
        comments = _read_comments(pkg.xml(comments_part), comments_part, collector, defs, done)

    text_chars = sum(pa.length for paras in collector.paras.values() for pa in paras)
    if text_chars > limits.max_text_chars:
        raise too_large(f"max_text_chars = {limits.max_text_chars}", str(text_chars))
    sections = _sections(breaks, section_refs, summaries)
    paged = collector.breaks > 0
    return Document(
        path=display,
        sha256=sha,
        blocks=_finish_blocks(collector, paged),
        sections=sections,
        comments=comments,
        revisions=tuple(collector.revisions),
        metadata=_metadata(pkg),
        package_kind=kind,
        strict=strict,
        first_page_images=_first_page_images(collector, section_refs, summaries),
        main_part=main,
    )


def _section_refs(
    breaks: list[tuple[etree._Element | None, int]], rels: dict[str, Rel], pkg: Package
) -> list[_SectionRefs]:
    """Each section's header and footer parts by type; a type a section does not give is
    inherited from the previous section, as Word does."""
    out: list[_SectionRefs] = []
    inherited: dict[str, dict[str, str]] = {"header": {}, "footer": {}}
    header_ref, footer_ref, title_pg_tag = (
        ns.w("headerReference"),
        ns.w("footerReference"),
        ns.w("titlePg"),
    )
    for sectpr, _last in breaks:
        found: dict[str, dict[str, str]] = {"header": {}, "footer": {}}
        title_pg = False
        for child in sectpr if sectpr is not None else ():
            tag = child.tag
            if tag in (header_ref, footer_ref):
                rel = rels.get(child.get(ns.R_ID) or "")
                if rel is not None and not rel.external and pkg.has(rel.target):
                    which = "header" if tag == header_ref else "footer"
                    found[which][(child.get(ns.W_TYPE) or "default").strip()] = rel.target
            elif tag == title_pg_tag:
                title_pg = on(child)
        for which in ("header", "footer"):
            inherited[which] = {**inherited[which], **found[which]}
        out.append(_SectionRefs(inherited["header"], inherited["footer"], title_pg))
    return out


def _read_headers_footers(
    pkg: Package, refs: list[_SectionRefs], collector: Collector, defs: NumberingDefs
) -> dict[str, _PartSummary]:
    """Walk every referenced header and footer part once (headers first, in section order)."""
    summaries: dict[str, _PartSummary] = {}
    for story in (Story.HEADER, Story.FOOTER):
        for s_index, ref in enumerate(refs):
            for part in _ordered(ref.headers if story is Story.HEADER else ref.footers):
                if part in summaries:
                    continue
                walker = PartWalker(collector, part, Counters(defs), story_part=part)
                walker.section = s_index
                walker.container(pkg.xml(part), story, None, None)
                summaries[part] = _PartSummary(
                    page_field=any(pa.page_field for pa in walker.paras),
                    paraf=any("paraf" in pa.text.lower() for pa in walker.paras),
                    images=sum(pa.images for pa in walker.paras),
                )
    return summaries


def _finish_blocks(collector: Collector, paged: bool) -> tuple[Block, ...]:
    """Every story's blocks in contract order; body blocks (and their text boxes) carry the
    approximate page when the file has any page break."""
    blocks: list[Block] = []
    for story in STORY_ORDER:
        for pa in collector.paras[story]:  # appended when started: already in index order
            page = None
            if paged and (
                story is Story.BODY or (story is Story.TEXTBOX and pa.anchor is not None)
            ):
                page = pa.page
            blocks.append(pa.finish(page))
    return tuple(blocks)


def _ordered(refs: dict[str, str]) -> list[str]:
    """Header/footer parts of a section: default, first, even, then any odd type names."""
    names = [refs[t] for t in _HF_TYPES if t in refs]
    names += [v for k, v in refs.items() if k not in _HF_TYPES]
    return list(dict.fromkeys(names))


def _sections(
    breaks: list[tuple[etree._Element | None, int]],
    refs: list[_SectionRefs],
    summaries: dict[str, _PartSummary],
) -> tuple[Section, ...]:
    """The Section records, with each section's first and last body block."""
    out: list[Section] = []
    first = 1
    for i, ((sectpr, last), ref) in enumerate(zip(breaks, refs, strict=True)):
        h_parts = tuple(_ordered(ref.headers))
        f_parts = tuple(_ordered(ref.footers))
        setup = page_setup(sectpr)
        out.append(
            Section(
                index=i,
                **setup,  # type: ignore[arg-type]
                header_parts=h_parts,
                footer_parts=f_parts,
                header_has_page_number=any(summaries[p].page_field for p in h_parts),
                footer_has_page_number=any(summaries[p].page_field for p in f_parts),
                header_has_paraf=any(summaries[p].paraf for p in h_parts),
                footer_has_paraf=any(summaries[p].paraf for p in f_parts),
                first_block=first,
                last_block=last if last >= first else 0,
            )
        )
        first = max(first, last + 1)
    return tuple(out)


def _read_notes(
    root: etree._Element, part: str, which: str, collector: Collector, defs: NumberingDefs
) -> None:
    walker = PartWalker(collector, part, Counters(defs))
    for note in root:
        if not isinstance(note.tag, str) or note.tag not in (ns.w("footnote"), ns.w("endnote")):
            if len(note):
                walker.skip(note)
            continue
        if (note.get(ns.W_TYPE) or "normal") in _NOTE_SEPARATORS:
            walker.skip(note)
            continue
        nid = note.get(ns.W_ID) or ""
        walker.story_part = f"{part}#{nid}"
        anchor = collector.note_anchors.get((which, nid))
        walker.container(note, Story.FOOTNOTE, None, anchor)
        walker.end_part()


def _done_para_ids(root: etree._Element | None) -> set[str]:
    """paraIds of comments marked done (w15:commentEx w15:done="1")."""
    done: set[str] = set()
    if root is None:
        return done
    for el in root.iter(f"{{{ns.W15_NS}}}commentEx"):
        if (el.get(ns.W15_DONE) or "").strip().lower() in ("1", "true", "on"):
            pid = el.get(ns.W15_PARAID)
            if pid:
                done.add(pid.upper())
    return done


def _read_comments(
    root: etree._Element,
    part: str,
    collector: Collector,
    defs: NumberingDefs,
    done: set[str],
) -> tuple[Comment, ...]:
    walker = PartWalker(collector, part, Counters(defs))
    out: list[Comment] = []
    story_paras = collector.paras[Story.COMMENT]
    for el in root:
        if el.tag != ns.w("comment"):
            if len(el):
                walker.skip(el)
            continue
        cid = el.get(ns.W_ID) or ""
        anchor_story, anchor_block = collector.comment_anchors.get(cid, (None, None))
        walker.story_part = f"{part}#{cid}"
        start = len(story_paras)
        walker.container(
            el, Story.COMMENT, None, anchor_block if anchor_story is Story.BODY else None
        )
        walker.end_part()
        mine: list[Para] = story_paras[start:]
        last_para = None
        for p in el.iter(ns.W_P):
            last_para = p
        para_id = (last_para.get(ns.W14_PARAID) or "").upper() if last_para is not None else ""
        author = el.get(ns.W_AUTHOR) or ""
        text = "\n".join(pa.text for pa in mine)
        if author == OWN_COMMENT_AUTHOR:
            # our own annotations (an annotated copy checked again) are never linted: they
            # stay listed as comments but give no blocks of the comment story
            del story_paras[start:]
        out.append(
            Comment(
                id=cid,
                author=author,
                initials=el.get(ns.W_INITIALS) or "",
                date=el.get(ns.W_DATE),
                text=text,
                anchor_story=anchor_story,
                anchor_block=anchor_block,
                resolved=bool(para_id) and para_id in done,
            )
        )
    return tuple(out)


def _metadata(pkg: Package) -> Metadata:
    """Core and app properties; a damaged docProps part only loses the metadata."""
    rels = pkg.rels("")
    core = _first_of(rels, "core-properties") or "docProps/core.xml"
    app = (
        _first_of(rels, "extended-properties")
        or _first_of(rels, "extendedProperties")
        or "docProps/app.xml"
    )
    roots = []
    for name in (core, app):
        try:
            roots.append(pkg.optional_xml(name))
        except UnreadableFile:
            roots.append(None)
    return metadata(roots[0], roots[1])


def _first_page_images(
    collector: Collector,
    refs: list[_SectionRefs],
    summaries: dict[str, _PartSummary],
) -> int:
    """Pictures on the first page: body blocks before the first page break (at most the first
    FIRST_PAGE_BLOCKS blocks unless Word saved its layout), their text boxes, and the header
    section 0 shows on page 1."""
    rendered = collector.rendered_markers > 0
    first: set[int] = set()
    count = 0
    for pa in collector.paras[Story.BODY]:
        on_first = pa.page == 1 and (rendered or pa.index <= FIRST_PAGE_BLOCKS)
        if on_first:
            first.add(pa.index)
            count += pa.images
    count += sum(pa.images for pa in collector.paras[Story.TEXTBOX] if pa.anchor in first)
    if refs:
        headers = refs[0].headers
        part = (headers.get("first") if refs[0].title_pg else None) or headers.get("default")
        if part and part in summaries:
            count += summaries[part].images
    return count
