"""The reader's package layer: sniffing by content, every error code, zip-bomb limits, hostile
XML (XXE, billion laughs), read-only access, Strict namespaces and input discovery."""

from __future__ import annotations

import hashlib
import os
import time
import zipfile
from pathlib import Path

import pytest
from docxbuild import DOCM_MAIN, DOTX_MAIN, build, p, write, zip_bytes
from lxml import etree

from naskah_lint.errors import UnreadableFile
from naskah_lint.i18n import EN, ID, t
from naskah_lint.model import Story
from naskah_lint.reader import Limits, discover, read_document, sniff
from naskah_lint.reader.package import new_parser

OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504


def _error(path: Path, limits: Limits | None = None) -> UnreadableFile:
    with pytest.raises(UnreadableFile) as info:
        read_document(path, limits)
    err = info.value
    assert err.key in ID and err.key in EN, err.key
    t(err.key, "id", **err.params)  # every error renders in both languages
    t(err.key, "en", **err.params)
    return err


def test_missing_file_is_not_found(tmp_path: Path) -> None:
    err = _error(tmp_path / "nope.docx")
    assert (err.code, err.key) == ("NOT_FOUND", "err.NOT_FOUND")


@pytest.mark.parametrize(
    ("content", "key", "detail"),
    [
        (b"", "err.NOT_DOCX.empty", None),
        (b"just some text, not a document\n", "err.NOT_DOCX.unknown", None),
        (b"%PDF-1.7\n%...", "err.NOT_DOCX", "PDF"),
        (b"{\\rtf1\\ansi hello}", "err.NOT_DOCX", "RTF"),
        (b"<html><body>Word web page</body></html>", "err.NOT_DOCX", "HTML"),
    ],
)
def test_non_zip_content_is_not_docx(
    tmp_path: Path, content: bytes, key: str, detail: str | None
) -> None:
    path = tmp_path / "draft.docx"
    path.write_bytes(content)
    err = _error(path)
    assert err.code == "NOT_DOCX"
    assert err.key == key
    assert err.params.get("detail") == detail


def test_lock_file_named_directly_is_not_docx(tmp_path: Path) -> None:
    path = tmp_path / "~$draft.docx"
    path.write_bytes(b"\x05alice" + b"\x00" * 48 + b"\x05\x00" + "alice".encode("utf-16-le"))
    err = _error(path)
    assert (err.code, err.key) == ("NOT_DOCX", "err.NOT_DOCX.lockfile")
    assert sniff(path) == "lockfile"


def test_lock_file_content_under_another_name_is_recognised(tmp_path: Path) -> None:
    name = b"Yoga"
    data = bytes([len(name)]) + name + b"\x00" * (53 - len(name))
    data += bytes([len(name), 0]) + name.decode().encode("utf-16-le")
    data += b"\x00" * (162 - len(data))
    path = tmp_path / "owner.docx"
    path.write_bytes(data)
    assert _error(path).key == "err.NOT_DOCX.lockfile"


def test_ole_file_is_legacy_doc(tmp_path: Path) -> None:
    path = tmp_path / "old.docx"  # the name lies; the bytes decide
    path.write_bytes(OLE + "WordDocument".encode("utf-16-le") + b"\x00" * 100)
    assert _error(path).code == "LEGACY_DOC"
    assert sniff(path) == "ole"


@pytest.mark.parametrize("stream", ["EncryptionInfo", "EncryptedPackage"])
def test_ole_with_encryption_streams_is_encrypted(tmp_path: Path, stream: str) -> None:
    path = tmp_path / "secret.docx"
    # far from the start, so the chunked scan must find it across a chunk border
    path.write_bytes(OLE + b"\x00" * (1024 * 1024 - 530) + stream.encode("utf-16-le") + b"\x00")
    assert _error(path).code == "ENCRYPTED"
    assert sniff(path) == "ole-encrypted"


def test_zip_without_word_part_is_not_docx(tmp_path: Path) -> None:
    path = tmp_path / "archive.docx"
    path.write_bytes(zip_bytes({"readme.txt": "hello", "data/x.xml": "<x/>"}))
    err = _error(path)
    assert (err.code, err.key) == ("NOT_DOCX", "err.NOT_DOCX.zip")
    assert sniff(path) == "zip-not-word"


def test_spreadsheet_package_is_not_docx_and_says_what_it_is(tmp_path: Path) -> None:
    sheet = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"
    path = tmp_path / "book.docx"
    path.write_bytes(
        zip_bytes(
            {
                "[Content_Types].xml": (
                    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                    f'<Override PartName="/xl/workbook.xml" ContentType="{sheet}"/></Types>'
                ),
                "_rels/.rels": (
                    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/'
                    'relationships"><Relationship Id="r1" Type="http://schemas.openxmlformats.'
                    'org/officeDocument/2006/relationships/officeDocument" '
                    'Target="xl/workbook.xml"/></Relationships>'
                ),
                "xl/workbook.xml": "<workbook/>",
            }
        )
    )
    err = _error(path)
    assert (err.code, err.key, err.params["detail"]) == ("NOT_DOCX", "err.NOT_DOCX", "XLSX")


def test_truncated_zip_is_corrupt(tmp_path: Path) -> None:
    data = build(p("Pasal 1"))
    path = tmp_path / "cut.docx"
    path.write_bytes(data[: len(data) // 2])
    err = _error(path)
    assert err.code == "CORRUPT"
    assert err.params["detail"].startswith("zip:")
    assert sniff(path) == "zip-corrupt"


def test_broken_document_xml_is_corrupt_naming_the_part(tmp_path: Path) -> None:
    path = write(tmp_path, "bad.docx", document_xml=b"<w:document><w:body><w:p>")
    err = _error(path)
    assert err.code == "CORRUPT"
    assert err.params["detail"].startswith("word/document.xml: ")


def test_broken_styles_part_is_corrupt_naming_it(tmp_path: Path) -> None:
    path = write(tmp_path, "bad.docx", p("x"), styles="<w:style></w:styles>")
    err = _error(path)
    assert err.code == "CORRUPT"
    assert err.params["detail"].startswith("word/styles.xml: ")


def test_bad_crc_is_corrupt(tmp_path: Path) -> None:
    data = bytearray(build(p("Pasal satu dua tiga"), styles=""))
    with zipfile.ZipFile(tmp_path / "probe.zip", "w") as zf:  # find the document entry offset
        zf.writestr("x", b"")
    info = zipfile.ZipFile(__import__("io").BytesIO(bytes(data))).getinfo("word/document.xml")
    # flip one byte of the compressed data (after the 30-byte header, name and extra field)
    offset = info.header_offset + 30 + len(info.filename) + len(info.extra) + 5
    data[offset] ^= 0xFF
    path = tmp_path / "crc.docx"
    path.write_bytes(bytes(data))
    err = _error(path)
    assert err.code == "CORRUPT"
    assert "word/document.xml" in err.params["detail"]


def test_zip_bomb_ratio_is_refused_before_inflating(tmp_path: Path) -> None:
    path = write(
        tmp_path, "bomb.docx", p("x"), extra_parts={"word/media/zeros.bin": bytes(3 << 20)}
    )
    err = _error(path)
    assert err.code == "TOO_LARGE"
    assert err.params["limit"] == "max_ratio = 200"
    assert err.params["detail"].startswith("word/media/zeros.bin ")


def test_too_many_entries_is_too_large(tmp_path: Path) -> None:
    extra = {f"customXml/item{i}.xml": b"<a/>" for i in range(5_001)}
    path = write(tmp_path, "many.docx", p("x"), extra_parts=extra)
    err = _error(path)
    assert (err.code, err.params["limit"]) == ("TOO_LARGE", "max_entries = 5000")


def test_total_size_and_xml_part_limits_name_the_limit(tmp_path: Path) -> None:
    noise = os.urandom(300_000)  # incompressible: the ratio check stays quiet
    path = write(tmp_path, "big.docx", p("x" * 3000), extra_parts={"word/media/noise.bin": noise})
    err = _error(path, Limits(max_total_uncompressed=200_000))
    assert err.code == "TOO_LARGE"
    assert err.params["limit"] == "max_total_uncompressed = 195.3 KiB"
    assert err.params["detail"].endswith(" KiB")
    err = _error(path, Limits(max_xml_part=2500))
    assert err.params["limit"] == "max_xml_part = 2.4 KiB"
    assert err.params["detail"].startswith("word/document.xml ")


def test_paragraph_limit(tmp_path: Path) -> None:
    path = write(tmp_path, "long.docx", p("a") * 6)
    assert len(read_document(path, Limits(max_paragraphs=6)).body) == 6
    err = _error(path, Limits(max_paragraphs=5))
    assert (err.code, err.params["limit"]) == ("TOO_LARGE", "max_paragraphs = 5")


def test_xxe_entity_is_never_resolved(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-VALUE")
    xml = (
        f'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "{secret.as_uri()}">]>'
        '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        "<w:body><w:p><w:r><w:t>a&x;b</w:t></w:r></w:p></w:body></w:document>"
    ).encode()
    # the parser itself never reads the file ...
    root = etree.fromstring(xml, new_parser())
    assert "TOP-SECRET" not in etree.tostring(root, encoding="unicode")
    assert "TOP-SECRET" not in "".join(t for t in root.itertext() if isinstance(t, str))
    # ... and a part that declares entities is refused as damaged
    err = _error(write(tmp_path, "xxe.docx", document_xml=xml))
    assert err.code == "CORRUPT"
    assert err.params["detail"] == "word/document.xml: DOCTYPE with ENTITY declarations"
    assert "TOP-SECRET" not in str(err)


def test_billion_laughs_is_refused_quickly(tmp_path: Path) -> None:
    entities = '<!ENTITY l0 "lol">' + "".join(
        f'<!ENTITY l{i} "{("&l" + str(i - 1) + ";") * 10}">' for i in range(1, 10)
    )
    xml = (
        f'<?xml version="1.0"?><!DOCTYPE d [{entities}]>'
        '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        "<w:body><w:p><w:r><w:t>&l9;</w:t></w:r></w:p></w:body></w:document>"
    ).encode()
    started = time.perf_counter()
    err = _error(write(tmp_path, "lol.docx", document_xml=xml))
    assert err.code in ("CORRUPT", "TOO_LARGE")
    assert time.perf_counter() - started < 2


def test_deep_nesting_is_corrupt_not_a_crash(tmp_path: Path) -> None:
    body = "<w:sdt><w:sdtContent>" * 300 + p("x") + "</w:sdtContent></w:sdt>" * 300
    assert _error(write(tmp_path, "deep.docx", body)).code == "CORRUPT"


def test_input_is_read_only(tmp_path: Path) -> None:
    path = write(tmp_path, "draft.docx", p("Pasal 1"))
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    mtime = path.stat().st_mtime_ns
    doc = read_document(path)
    assert doc.sha256 == before
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before
    assert path.stat().st_mtime_ns == mtime


def test_main_part_found_through_relationships(tmp_path: Path) -> None:
    path = write(tmp_path, "odd.docx", p("Isi utama"), main_part="content/main.xml")
    doc = read_document(path)
    assert doc.main_part == "content/main.xml"
    assert [b.text for b in doc.body] == ["Isi utama"]
    assert doc.body[0].locator.part == "content/main.xml"


@pytest.mark.parametrize(("ctype", "kind"), [(DOCM_MAIN, "docm"), (DOTX_MAIN, "dotx")])
def test_package_kind_from_main_content_type(tmp_path: Path, ctype: str, kind: str) -> None:
    path = write(tmp_path, "template.doc", p("x"), main_type=ctype)  # the name says .doc
    assert read_document(path).package_kind == kind
    assert sniff(path) == kind


def test_strict_namespaces_read_like_transitional(tmp_path: Path) -> None:
    styles = (
        '<w:style w:type="paragraph" w:styleId="Judul"><w:name w:val="Judul"/>'
        '<w:pPr><w:jc w:val="center"/></w:pPr><w:rPr><w:b/><w:sz w:val="28"/></w:rPr></w:style>'
    )
    body = p("NOTA KESEPAHAMAN", ppr='<w:pStyle w:val="Judul"/>') + (
        '<w:sectPr><w:pgSz w:w="11906" w:h="16838"/></w:sectPr>'
    )
    doc = read_document(write(tmp_path, "strict.docx", body, styles=styles, strict=True))
    assert doc.strict is True
    block = doc.body[0]
    assert block.text == "NOTA KESEPAHAMAN"
    assert (block.para.alignment, block.runs[0].fmt.bold, block.runs[0].fmt.size_pt) == (
        "center",
        True,
        14.0,
    )
    assert (doc.sections[0].page_width_mm, doc.sections[0].page_height_mm) == (210.01, 297.0)


def test_unusual_prefixes_are_matched_by_namespace(tmp_path: Path) -> None:
    xml = (
        b'<?xml version="1.0"?><ns0:document '
        b'xmlns:ns0="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        b"<ns0:body><ns0:p><ns0:r><ns0:t>Pasal 1</ns0:t></ns0:r></ns0:p></ns0:body>"
        b"</ns0:document>"
    )
    doc = read_document(write(tmp_path, "ns0.docx", document_xml=xml))
    assert [(b.story, b.text) for b in doc.blocks] == [(Story.BODY, "Pasal 1")]


def test_discover_walks_folders_and_keeps_named_files(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / ".hidden").mkdir()
    for name in (
        "a.docx",
        "Z.DOCX",
        "b/c.docm",
        "b/d.dotx",
        "b/e.dotm",
        "b/f.doc",
        "~$a.docx",
        "a.naskah-lint.docx",
        "notes.txt",
        ".hidden/g.docx",
    ):
        (tmp_path / name).write_bytes(b"x")
    folder = str(tmp_path)
    found = discover([folder])
    assert [d for d, _ in found] == [
        os.path.join(folder, n)  # noqa: PTH118 - discover joins display paths as strings
        for n in ("Z.DOCX", "a.docx", "b/c.docm", "b/d.dotx", "b/e.dotm", "b/f.doc")
    ]
    assert all(path is not None and path.is_file() for _, path in found)
    lock = str(tmp_path / "~$a.docx")
    missing = str(tmp_path / "missing.docx")
    assert discover([lock, missing]) == [(lock, Path(lock)), (missing, None)]


def _messages(err: UnreadableFile) -> tuple[str, str]:
    return t(err.key, "id", **err.params), t(err.key, "en", **err.params)


def test_damaged_files_are_explained_in_the_users_language(tmp_path: Path) -> None:
    """The library's own English (zipfile, lxml) never reaches the one-line message."""
    data = build(p("Pasal 1"))
    cut = tmp_path / "cut.docx"
    cut.write_bytes(data[: len(data) // 2])
    assert _messages(_error(cut)) == (
        "berkas rusak (arsip zip terpotong atau cacat): buka dan simpan ulang di Word",
        "file is damaged (truncated or broken zip archive): open it in Word and save it again",
    )
    broken = (
        b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        b"\n<w:body><w:p></w:body>"
    )
    bad = write(tmp_path, "bad.docx", document_xml=broken)
    err = _error(bad)
    assert (err.key, err.params["part"], err.params["line"]) == (
        "err.CORRUPT.xml",
        "word/document.xml",
        2,
    )
    assert _messages(err)[0] == (
        "berkas rusak (XML tidak sah di word/document.xml, baris 2): buka dan simpan ulang di Word"
    )
    xxe = (
        b'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x "y">]>'
        b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        b"<w:body/></w:document>"
    )
    assert _messages(_error(write(tmp_path, "xxe.docx", document_xml=xxe)))[1] == (
        "file refused (word/document.xml declares ENTITY definitions, which Word never writes): "
        "open it in Word and save it again"
    )
    root = b'<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"/>'
    assert _messages(_error(write(tmp_path, "root.docx", document_xml=root)))[0] == (
        "berkas rusak (bagian utama word/document.xml bukan dokumen Word, melainkan <styles>): "
        "buka dan simpan ulang di Word"
    )


def test_every_corrupt_reason_has_a_message_without_library_words() -> None:
    reasons = ("zip", "part", "missing", "xml", "entities", "deep", "root")
    params = {"part": "word/x.xml", "line": 3, "root": "x", "detail": "Bad magic number"}
    for lang in ("id", "en"):
        for reason in reasons:
            text = t(f"err.CORRUPT.{reason}", lang, **params)
            assert "Bad magic" not in text
            assert text.endswith(
                "buka dan simpan ulang di Word" if lang == "id" else "save it again"
            )


def test_unreadable_for_lack_of_permission(tmp_path: Path) -> None:
    if os.geteuid() == 0:
        pytest.skip("root reads every file: permissions cannot be tested")
    path = write(tmp_path, "locked.docx", p("x"))
    path.chmod(0)
    try:
        err = _error(path)
    finally:
        path.chmod(0o644)
    assert (err.code, err.key) == ("NOT_FOUND", "err.READ.permission")
