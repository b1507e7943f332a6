"""The OPC layer: sniff a file's kind, check the zip directory before inflating, find the Word
main part through relationships and content types, and parse parts with a hardened parser."""

from __future__ import annotations

import io
import os
import posixpath
import struct
import zipfile
import zlib
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import IO, Any
from urllib.parse import unquote

from lxml import etree

from naskah_lint.errors import UnreadableFile
from naskah_lint.reader.fold import fold, form_document
from naskah_lint.reader.ns import CT_NS, PKG_REL_NS, STRICT_MARKER, STRICT_TO_TRANSITIONAL

MIB = 1024 * 1024

WORD_MAIN_TYPES: Mapping[str, str] = {
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml": "docx",
    "application/vnd.ms-word.document.macroEnabled.main+xml": "docm",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml": "dotx",
    "application/vnd.ms-word.template.macroEnabledTemplate.main+xml": "dotm",
}
# Main parts of other packages, named by a language-neutral token in NOT_DOCX messages.
OTHER_MAIN_TYPES: Mapping[str, str] = {
    "spreadsheetml": "XLSX",
    "presentationml": "PPTX",
    "ms-excel": "XLSX",
    "ms-powerpoint": "PPTX",
    "ms-visio": "VSDX",
}

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_MAGICS = (b"PK\x03\x04", b"PK\x05\x06", b"PK\x07\x08")
ENCRYPTION_STREAMS = ("EncryptionInfo".encode("utf-16-le"), "EncryptedPackage".encode("utf-16-le"))
XML_SUFFIXES = (".xml", ".rels", ".vml")

# Everything the zip and zlib modules raise for a damaged archive.
ZIP_ERRORS = (
    zipfile.BadZipFile,
    zlib.error,
    EOFError,
    OSError,
    ValueError,
    KeyError,
    NotImplementedError,
    RuntimeError,
    struct.error,
    UnicodeDecodeError,
)


@dataclass(frozen=True, slots=True)
class Limits:
    """Safety limits checked from the zip directory before anything is inflated.

    Defaults: 256 MiB uncompressed in total, 64 MiB per XML part, 5,000 zip entries, a
    compression ratio of at most 200 for entries over 1 MiB; and, counted while reading, 25,000
    paragraphs and 5,000,000 characters of text (a 1,000-page agreement has about 15,000
    paragraphs and 3,000,000 characters). The last two bound the time a file takes (outline and
    rules cost ~150 µs per dense paragraph: a file at the limits is checked in under 5 s).
    Exceeding any of them gives TOO_LARGE naming the limit."""

    max_total_uncompressed: int = 256 * MIB
    max_xml_part: int = 64 * MIB
    max_entries: int = 5_000
    max_ratio: float = 200.0
    ratio_min_size: int = 1 * MIB
    max_paragraphs: int = 25_000
    max_text_chars: int = 5_000_000


def new_parser() -> etree.XMLParser:
    """The one XML parser configuration: no entities, no DTD, no network, no huge trees.
    One per package read: lxml parsers must not be shared between threads."""
    return etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        huge_tree=False,
        remove_comments=True,
        remove_pis=True,
    )


def parse_xml(data: bytes, part: str, parser: etree.XMLParser | None = None) -> etree._Element:
    """Parse one part safely (Strict namespaces mapped to transitional); CORRUPT names the part.

    A DTD that declares entities is refused: Word never writes one, and it is how XXE and
    billion-laughs files attack parsers."""
    return _parse_checked(_transitional(data), part, parser or new_parser())


def parse_main(
    data: bytes, part: str, parser: etree.XMLParser, strict: bool
) -> tuple[etree._Element, list[etree._Element]]:
    """Parse the main part as parse_xml does, with its frequent run property forms folded
    (reader/fold.py): (root, each folded form's rPr element by number). `strict`: whether the
    bytes hold STRICT_MARKER (the caller has looked: a scan of the part)."""
    if strict:
        data = _transitional(data)
    folded = fold(data)
    if folded is not None:
        try:
            root = etree.fromstring(folded[0], parser)
            forms = [etree.fromstring(form_document(form), parser) for form in folded[1]]
        except (etree.XMLSyntaxError, ValueError, MemoryError):
            pass  # the unfolded bytes, parsed below, give the error to report
        else:
            if root is not None:  # no DOCTYPE to check: fold refuses bytes with one
                return root, forms
    return _parse_checked(data, part, parser), []


def _transitional(data: bytes) -> bytes:
    """The part's bytes with Strict namespaces mapped to transitional ones."""
    if STRICT_MARKER in data:
        for strict, transitional in STRICT_TO_TRANSITIONAL:
            data = data.replace(strict, transitional)
    return data


def _parse_checked(data: bytes, part: str, parser: etree.XMLParser) -> etree._Element:
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as exc:
        raise corrupt("xml", part, f"{part}: {exc.msg}", line=exc.lineno or 1) from None
    except (ValueError, MemoryError) as exc:
        raise corrupt("part", part, f"{part}: {exc}") from None
    if root is None:
        raise corrupt("part", part, f"{part}: empty")
    docinfo: Any = root.getroottree().docinfo
    if docinfo.doctype:
        dtd: Any = docinfo.internalDTD
        if dtd is not None and any(True for _ in dtd.iterentities()):
            raise corrupt("entities", part, f"{part}: DOCTYPE with ENTITY declarations")
    return root


def corrupt(reason: str, part: str, detail: str, **params: object) -> UnreadableFile:
    """CORRUPT with a message in the user's language (`err.CORRUPT.<reason>` names the part and
    what is wrong); `detail` keeps the library's own words for debugging, never shown."""
    return UnreadableFile("CORRUPT", f"err.CORRUPT.{reason}", part=part, detail=detail, **params)


def _magic(head: bytes) -> str:
    """The file kind its first bytes announce: zip|ole|empty|pdf|rtf|html|xml|other."""
    if not head:
        return "empty"
    if head.startswith(ZIP_MAGICS):
        return "zip"
    if head.startswith(OLE_MAGIC):
        return "ole"
    stripped = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if stripped.startswith(b"%pdf"):
        return "pdf"
    if stripped.startswith(b"{\\rtf"):
        return "rtf"
    if stripped.startswith((b"<html", b"<!doctype html")) or b"<html" in stripped[:512]:
        return "html"
    if stripped.startswith(b"<?xml"):
        return "xml"
    return "other"


def _looks_like_lock_file(data: bytes) -> bool:
    """Word's owner file (~$name.docx): 162 bytes, the user name as ANSI then as UTF-16."""
    if len(data) != 162:
        return False
    n = data[0]
    return 0 < n <= 53 and data[54] == n and data[55] == 0


def _ole_is_encrypted(path: Path) -> bool:
    """An OLE file holding an encrypted OOXML package has EncryptionInfo/EncryptedPackage
    streams; their UTF-16 names appear in the compound file directory."""
    overlap = 64
    tail = b""
    with open(path, "rb") as fh:
        while chunk := fh.read(MIB):
            buf = tail + chunk
            if any(name in buf for name in ENCRYPTION_STREAMS):
                return True
            tail = buf[-overlap:]
    return False


def classify(head: bytes, path: Path) -> str:
    """The kind of a file from its first bytes (and, for OLE, its directory): zip,
    ole-encrypted, ole, lockfile, empty, pdf, rtf, html, xml or other."""
    kind = _magic(head)
    if kind == "ole":
        return "ole-encrypted" if _ole_is_encrypted(path) else "ole"
    if kind != "zip" and (path.name.startswith("~$") or _looks_like_lock_file(head)):
        return "lockfile"
    return kind


def unreadable(kind: str) -> UnreadableFile:
    """The error for a file whose kind (from classify) is not a zip package."""
    if kind == "ole-encrypted":
        return UnreadableFile("ENCRYPTED", "err.ENCRYPTED")
    if kind == "ole":
        return UnreadableFile("LEGACY_DOC", "err.LEGACY_DOC")
    if kind in ("lockfile", "empty"):
        return UnreadableFile("NOT_DOCX", f"err.NOT_DOCX.{kind}")
    if kind in ("pdf", "rtf", "html", "xml"):
        return UnreadableFile("NOT_DOCX", "err.NOT_DOCX", detail=kind.upper())
    return UnreadableFile("NOT_DOCX", "err.NOT_DOCX.unknown")


def too_large(limit: str, detail: str) -> UnreadableFile:
    return UnreadableFile("TOO_LARGE", "err.TOO_LARGE", limit=limit, detail=detail)


def size_text(n: float) -> str:
    """A byte count for people: MiB, KiB or bytes."""
    if n >= MIB:
        return f"{n / MIB:.1f} MiB"
    return f"{n / 1024:.1f} KiB" if n >= 1024 else f"{n:.0f} B"


def check_directory(infos: list[zipfile.ZipInfo], limits: Limits) -> None:
    """Refuse zip bombs from the central directory alone, before inflating anything."""
    if len(infos) > limits.max_entries:
        raise too_large(f"max_entries = {limits.max_entries}", str(len(infos)))
    total = 0
    for info in infos:
        size = info.file_size
        total += size
        name = info.filename
        if size > limits.max_xml_part and name.lower().endswith(XML_SUFFIXES):
            raise too_large(
                f"max_xml_part = {size_text(limits.max_xml_part)}", f"{name} {size_text(size)}"
            )
        if size > limits.ratio_min_size:
            ratio = size / max(info.compress_size, 1)
            if ratio > limits.max_ratio:
                raise too_large(f"max_ratio = {limits.max_ratio:g}", f"{name} {ratio:.0f}:1")
    if total > limits.max_total_uncompressed:
        raise too_large(
            f"max_total_uncompressed = {size_text(limits.max_total_uncompressed)}", size_text(total)
        )


@dataclass(frozen=True, slots=True)
class Rel:
    """One relationship: type (last path segment only, so Strict and transitional agree) and
    the target part name (zip entry name), or the raw target when external."""

    type: str
    target: str
    external: bool = False


def rels_name(part: str) -> str:
    """The relationships part of `part` ("" for the package)."""
    folder, name = posixpath.split(part)
    return posixpath.join(folder, "_rels", f"{name}.rels")


def resolve_target(source: str, target: str) -> str:
    """A relationship target as a zip entry name, relative to the source part's folder."""
    target = target.replace("\\", "/")
    if target.startswith("/"):
        joined = target.lstrip("/")
    else:
        joined = posixpath.join(posixpath.dirname(source), target)
    return posixpath.normpath(joined).lstrip("/")


class Package:
    """An opened, size-checked OPC zip: parts by name, content types, relationships, XML."""

    def __init__(self, data: bytes, limits: Limits) -> None:
        self._fh: IO[bytes] = io.BytesIO(data)
        try:
            self._zip = zipfile.ZipFile(self._fh)
            infos = self._zip.infolist()
        except ZIP_ERRORS as exc:
            raise corrupt("zip", "zip", f"zip: {exc}") from None
        try:
            check_directory(infos, limits)
        except UnreadableFile:
            self.close()
            raise
        self.limits = limits
        self._infos = {i.filename.lower(): i for i in infos if not i.is_dir()}
        self._types: tuple[dict[str, str], dict[str, str]] | None = None
        self._rels: dict[str, dict[str, Rel]] = {}  # by source part: parsed once per read
        self._parser = new_parser()

    def __enter__(self) -> Package:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def close(self) -> None:
        self._zip.close()
        self._fh.close()

    def _info(self, name: str) -> zipfile.ZipInfo | None:
        key = name.lower()
        info = self._infos.get(key)
        if info is None and "%" in key:
            info = self._infos.get(unquote(key))
        return info

    def has(self, name: str) -> bool:
        return self._info(name) is not None

    def read(self, name: str) -> bytes:
        """The inflated bytes of a part (at most its declared size; CRC checked)."""
        info = self._info(name)
        if info is None:
            raise corrupt("missing", name, f"{name}: missing")
        try:
            with self._zip.open(info) as fh:
                return fh.read(info.file_size + 1)
        except ZIP_ERRORS as exc:
            raise corrupt("part", name, f"{name}: {exc}") from None

    def xml(self, name: str) -> etree._Element:
        """A part parsed with the hardened parser."""
        return parse_xml(self.read(name), name, self._parser)

    def parse_main(
        self, data: bytes, name: str, strict: bool
    ) -> tuple[etree._Element, list[etree._Element]]:
        """Parse the main part's bytes with its run property forms folded (see parse_main)."""
        return parse_main(data, name, self._parser, strict)

    def optional_xml(self, name: str | None) -> etree._Element | None:
        """A part parsed, or None when absent."""
        if not name or not self.has(name):
            return None
        return self.xml(name)

    def rels(self, source: str) -> dict[str, Rel]:
        """Relationships of a part (source "" = the package) by id; {} when none. Read once
        per source (the package's are asked for the main part and for the metadata)."""
        cached = self._rels.get(source)
        if cached is not None:
            return cached
        name = rels_name(source) if source else "_rels/.rels"
        if not self.has(name):
            return {}
        root = self.xml(name)
        out: dict[str, Rel] = {}
        for el in root.iter(f"{{{PKG_REL_NS}}}Relationship"):
            rid = el.get("Id") or ""
            rtype = (el.get("Type") or "").rstrip("/").rsplit("/", 1)[-1]
            target = el.get("Target") or ""
            if (el.get("TargetMode") or "").lower() == "external":
                out[rid] = Rel(rtype, target, True)
            elif target:
                out[rid] = Rel(rtype, resolve_target(source, target))
        self._rels[source] = out
        return out

    def content_type(self, name: str) -> str | None:
        """The content type of a part from [Content_Types].xml (Override, then Default)."""
        if self._types is None:
            overrides: dict[str, str] = {}
            defaults: dict[str, str] = {}
            if self.has("[Content_Types].xml"):
                root = self.xml("[Content_Types].xml")
                for el in root.iter(f"{{{CT_NS}}}Override"):
                    part = (el.get("PartName") or "").lstrip("/").lower()
                    overrides[part] = (el.get("ContentType") or "").strip()
                for el in root.iter(f"{{{CT_NS}}}Default"):
                    ext = (el.get("Extension") or "").lower()
                    defaults[ext] = (el.get("ContentType") or "").strip()
            self._types = (overrides, defaults)
        overrides, defaults = self._types
        key = name.lower()
        if key in overrides:
            return overrides[key]
        ext = key.rsplit(".", 1)[-1] if "." in key else ""
        return defaults.get(ext)

    def main_part(self) -> tuple[str, str]:
        """(main part name, package kind docx|docm|dotx|dotm), or NOT_DOCX."""
        candidates: list[str] = []
        for rel in self.rels("").values():
            if rel.type == "officeDocument" and not rel.external:
                candidates.append(rel.target)
        candidates.append("word/document.xml")
        other: str | None = None
        for name in candidates:
            if not self.has(name):
                continue
            ctype = self.content_type(name)
            if ctype is not None:
                kind = WORD_MAIN_TYPES.get(ctype.lower()) or _kind_ci(ctype)
                if kind:
                    return self._info_name(name), kind
                other = other or _other_kind(ctype)
        if self._types is not None:
            for part, ctype in self._types[0].items():
                kind = _kind_ci(ctype)
                if kind and self.has(part):
                    return self._info_name(part), kind
        if other is None and self.has("mimetype"):
            other = "ODF"
        if other:
            raise UnreadableFile("NOT_DOCX", "err.NOT_DOCX", detail=other)
        raise UnreadableFile("NOT_DOCX", "err.NOT_DOCX.zip")

    def _info_name(self, name: str) -> str:
        info = self._info(name)
        return info.filename if info is not None else name


def _kind_ci(ctype: str) -> str | None:
    low = ctype.lower()
    for known, kind in WORD_MAIN_TYPES.items():
        if known.lower() == low:
            return kind
    return None


def _other_kind(ctype: str) -> str | None:
    low = ctype.lower()
    for marker, token in OTHER_MAIN_TYPES.items():
        if marker in low and "main" in low:
            return token
    return None


def sniff(path: str | os.PathLike[str], limits: Limits | None = None) -> str:
    """What a file is by content, not name: docx|docm|dotx|dotm (a Word package),
    zip-not-word, zip-corrupt, too-large, ole-encrypted, ole, lockfile, empty, pdf, rtf, html,
    xml, other, or missing."""
    limits = limits or Limits()
    p = Path(path)
    try:
        if p.stat().st_size > limits.max_total_uncompressed:
            return "too-large"
        with open(p, "rb") as fh:
            head = fh.read(4096)
    except OSError:
        return "missing"
    kind = classify(head, p)
    if kind != "zip":
        return kind
    try:
        with Package(p.read_bytes(), limits) as pkg:
            return pkg.main_part()[1]
    except UnreadableFile as exc:
        return {"NOT_DOCX": "zip-not-word", "TOO_LARGE": "too-large"}.get(exc.code, "zip-corrupt")
