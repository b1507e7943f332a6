"""Run property forms folded before the main part is parsed (reader/fold.py): a folded read is
the unfolded read exactly, and folding is refused wherever the bytes could hide markup."""

from __future__ import annotations

import zipfile
from pathlib import Path
from tempfile import TemporaryDirectory

import pytest
from docxbuild import p, r, write
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from naskah_lint.errors import UnreadableFile
from naskah_lint.model import Document
from naskah_lint.reader import ns, package, read_document
from naskah_lint.reader.fold import FOLD_MARK, fold

BOLD = '<w:rFonts w:ascii="Arial" w:hAnsi="Arial"/><w:b/><w:sz w:val="24"/>'
PLAIN = '<w:rFonts w:ascii="Arial" w:hAnsi="Arial"/><w:sz w:val="24"/><w:lang w:val="id-ID"/>'
CHANGED = '<w:i/><w:rPrChange w:id="7" w:author="Budi" w:date="2024-01-02T00:00:00Z"/>'
MARK_INS = '<w:ins w:id="8" w:author="Sari" w:date="2024-01-03T00:00:00Z"/>'


def _unfolded(path: Path, monkeypatch: pytest.MonkeyPatch) -> Document:
    with monkeypatch.context() as m:
        m.setattr(package, "fold", lambda data: None)
        return read_document(path)


def _main_part(path: Path) -> bytes:
    with zipfile.ZipFile(path) as z:
        return z.read("word/document.xml")


def test_a_folded_read_is_the_unfolded_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    field = (
        '<w:r><w:rPr>{}</w:rPr><w:fldChar w:fldCharType="begin"/></w:r>'
        '<w:r><w:rPr>{}</w:rPr><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>'
        '<w:r><w:rPr>{}</w:rPr><w:fldChar w:fldCharType="separate"/></w:r>'
        "<w:r><w:rPr>{}</w:rPr><w:t>3</w:t><w:tab/><w:t>x</w:t></w:r>"
        '<w:r><w:rPr>{}</w:rPr><w:fldChar w:fldCharType="end"/></w:r>'
    ).format(*[BOLD] * 5)
    body = "".join(
        f"<w:p><w:pPr><w:rPr>{MARK_INS}</w:rPr></w:pPr>"
        + r(f"tebal {i}", BOLD)
        + r(f"biasa {i}", PLAIN)
        + r(f"ubah {i}", CHANGED)
        + (field if i % 3 == 0 else "")
        + "</w:p>"
        for i in range(6)
    ) + p("tanpa", "", '<w:rFonts w:cs="Arial"/>')
    path = write(tmp_path, "f.docx", body)
    folded = fold(_main_part(path))
    assert folded is not None and len(folded[1]) == 4  # BOLD, PLAIN, CHANGED, MARK_INS
    doc = read_document(path)
    assert repr(doc) == repr(_unfolded(path, monkeypatch))
    assert [rev.kind for rev in doc.revisions].count("rPrChange") == 6
    assert [rev.kind for rev in doc.revisions].count("ins") == 6


def test_a_form_that_does_not_parse_gives_the_unfolded_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    body = "".join(p(f"x{i}", "", '<w:rFonts w:ascii="&bogus;"/>') for i in range(6))
    path = write(tmp_path, "bad.docx", body)
    assert fold(_main_part(path)) is not None
    with pytest.raises(UnreadableFile) as folded:
        read_document(path)
    with pytest.raises(UnreadableFile) as unfolded:
        _unfolded(path, monkeypatch)
    assert (folded.value.code, folded.value.key, folded.value.params) == (
        unfolded.value.code,
        unfolded.value.key,
        unfolded.value.params,
    )


def test_folding_keeps_the_depth_libxml2_limits(tmp_path: Path) -> None:
    # body, p and 251 hyperlinks put the runs at depth 255 and their rPr children at 257: one
    # level too deep, folded or not
    runs = "".join(r(f"x{i}", "<w:b/><w:i/>") for i in range(40))
    body = "<w:p>" + "<w:hyperlink>" * 251 + runs + "</w:hyperlink>" * 251 + "</w:p>"
    path = write(tmp_path, "deep.docx", body)
    assert fold(_main_part(path)) is not None
    with pytest.raises(UnreadableFile) as exc:
        read_document(path)
    assert exc.value.code == "CORRUPT"


HEAD = b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
ROOT = b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
FORM = b'<w:b/><w:sz w:val="24"/>'
RUNS = b"<w:body><w:p>" + (b"<w:r><w:rPr>" + FORM + b"</w:rPr><w:t>x</w:t></w:r>") * 6
RUNS += b"</w:p></w:body>"
END = b"</w:document>"


def test_plain_bytes_fold() -> None:
    folded = fold(HEAD + ROOT + RUNS + END)
    assert folded is not None
    data, forms = folded
    assert forms == [FORM]
    assert data.count(f"<w:rPr>{FOLD_MARK}0<_/></w:rPr>".encode()) == 6
    # as the Open XML SDK writes them, and other character references, fold too
    spaced = RUNS.replace(b"<w:b/>", b'<w:b w:val="&#49;" />').replace(b">x<", b">&#x41;<")
    assert fold(HEAD + ROOT + spaced + END) is not None
    # one element with an attribute folds (a marker is fewer nodes), a bare element does not
    single = RUNS.replace(FORM, b'<w:sz w:val="24"/>')
    marked = single.replace(b'<w:sz w:val="24"/>', f"{FOLD_MARK}0<_/>".encode())
    assert fold(HEAD + ROOT + single + END) == (HEAD + ROOT + marked + END, [b'<w:sz w:val="24"/>'])
    assert fold(HEAD + ROOT + RUNS.replace(FORM, b"<w:b/>") + END) is None


@pytest.mark.parametrize(
    "data",
    [
        HEAD + ROOT + b"<!-- c -->" + RUNS + END,
        HEAD + ROOT + RUNS.replace(b"<w:t>x", b"<w:t><![CDATA[x]]>") + END,
        HEAD + b"<!DOCTYPE w:document>" + ROOT + RUNS + END,
        HEAD + ROOT + b"<?pi x?>" + RUNS + END,
        HEAD.replace(b"UTF-8", b"windows-1252") + ROOT + RUNS + END,
        HEAD + ROOT + RUNS.replace(b"<w:p>", b'<w:p xmlns:w="urn:other">') + END,
        HEAD + ROOT.replace(b"/main", b"/other") + RUNS + END,
        HEAD + ROOT + RUNS.replace(b"<w:t>x", FOLD_MARK.encode() + b"<w:t>x") + END,
        HEAD + ROOT + RUNS.replace(b"<w:t>x", b"<w:t>&#xe000;x") + END,
        HEAD + ROOT + RUNS.replace(b"<w:t>x", b"<w:t>&#57344;x") + END,
        HEAD + ROOT + RUNS.replace(b"<w:b/>", b"<w:b w:val='0'/>") + END,
        HEAD + ROOT + RUNS.replace(b"<w:b/>", b"<w:b/> ") + END,
        HEAD + ROOT + RUNS.replace(b"<w:b/>", b'<w:b val="0"/>') + END,
        HEAD + ROOT + RUNS.replace(b"<w:b/>", b"<w:i/>", 3) + END,  # no form seen 4 times
    ],
)
def test_folding_is_refused_where_markup_could_hide(data: bytes) -> None:
    assert fold(data) is None


def test_sparse_run_properties_are_not_worth_folding() -> None:
    dense = HEAD + ROOT + RUNS + END
    assert fold(dense) is not None
    # the same runs after a picture's worth of base64: one rPr per ~2 KiB
    picture = b"<w:body><w:p><w:r><w:t>" + b"QUJD" * 3_000 + b"</w:t></w:r></w:p>"
    assert fold(HEAD + ROOT + RUNS.replace(b"<w:body>", picture) + END) is None
    # a xmlns:w declared again below the root, even for the same namespace, is refused
    again = RUNS.replace(b"<w:p>", b'<w:p xmlns:w = "' + ROOT.split(b'"')[1] + b'">')
    assert fold(HEAD + ROOT + again + END) is None
    # ...while the prefixes drawings declare (wp, w14) are other prefixes
    drawing = RUNS.replace(b"<w:p>", b'<w:p xmlns:wp="urn:wp" xmlns:w14="urn:w14">')
    assert fold(HEAD + ROOT + drawing + END) is not None


# Forms a property test draws from: Word's own, and odd ones (entities, references, revisions,
# a character style, a bare element); each drawn form repeats, so most drafts below fold.
ODD_FORMS = (
    PLAIN,
    BOLD,
    CHANGED,
    MARK_INS,
    '<w:rStyle w:val="Kuat"/><w:sz w:val="28"/>',
    '<w:rFonts w:ascii="A&amp;B" w:cs="&#49;"/><w:vanish/>',
    '<w:highlight w:val="yellow"/><w:u w:val="none"/>',
    '<w:b w:val="&bogus;"/><w:i/>',
    "<w:b/>",
)
WRAPS = ("{}", "<w:hyperlink>{}</w:hyperlink>", '<w:ins w:id="1" w:author="A">{}</w:ins>')
STYLES = '<w:style w:type="character" w:styleId="Kuat"><w:rPr><w:b/></w:rPr></w:style>'


@st.composite
def _drafts(draw: st.DrawFn) -> str:
    forms = draw(st.lists(st.sampled_from(ODD_FORMS), min_size=1, max_size=4, unique=True))
    paragraphs = []
    for i in range(draw(st.integers(4, 12))):
        runs = "".join(
            draw(st.sampled_from(WRAPS)).format(r(f"kata {i}.{k}", draw(st.sampled_from(forms))))
            for k in range(draw(st.integers(1, 4)))
        )
        mark = draw(st.sampled_from(("", f"<w:rPr>{draw(st.sampled_from(forms))}</w:rPr>")))
        paragraphs.append(f"<w:p><w:pPr>{mark}</w:pPr>{runs}</w:p>")
    spoiler = draw(st.sampled_from(("", "<!-- catatan -->", r("\ue000", ""), "<?pi x?>")))
    return spoiler.join([paragraphs[0], "".join(paragraphs[1:])])


def _read(path: Path) -> str:
    try:
        return repr(read_document(path))
    except UnreadableFile as exc:
        return f"{exc.code} {exc.key} {sorted(exc.params.items())}"


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_drafts())
def test_any_draft_reads_the_same_folded_or_not(body: str) -> None:
    with TemporaryDirectory() as tmp:
        path = write(Path(tmp), "d.docx", body, styles=STYLES)
        folded = _read(path)
        saved = package.fold
        package.fold = lambda data: None  # restored below: not monkeypatch, inside @given
        try:
            assert _read(path) == folded
        finally:
            package.fold = saved


def test_a_long_part_is_sampled_in_its_first_256_kib() -> None:
    """Past 256 KiB a part folds only when its first 256 KiB hold the 256 sampled rPr: the
    early count refuses exactly what the density test refuses."""
    head = (
        b'<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="'
        + ns.W_NS.encode()
        + b'"><w:body>'
    )
    run = b"<w:r><w:rPr>" + BOLD.encode() + b"</w:rPr><w:t>x</w:t></w:r>"
    runs = b"<w:p>" + run * 300 + b"</w:p>"
    tail = b"</w:body></w:document>"
    end_256th = len(head) + len(b"<w:p>") + 255 * len(run) + len(b"<w:r><w:rPr>")
    for pad, folds in ((256 * 1024 - end_256th, True), (256 * 1024 - end_256th + 1, False)):
        data = head.replace(b"<w:body>", b" " * pad + b"<w:body>") + runs
        data += b"<w:p/>" * (300 * 1024 // 6) + tail  # longer than 256 KiB
        assert (fold(data) is not None) is folds
