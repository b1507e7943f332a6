"""Random WordprocessingML (odd nesting, odd attribute values) never makes the reader raise
anything but UnreadableFile, and what it reads keeps its own invariants."""

from __future__ import annotations

from pathlib import Path
from tempfile import TemporaryDirectory

from docxbuild import build
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from naskah_lint.errors import UnreadableFile
from naskah_lint.model import Story
from naskah_lint.reader import read_document

_TAG_LINES = (
    "w:p w:r w:t w:tbl w:tr w:tc w:tcPr w:gridSpan w:vMerge w:sdt w:sdtContent w:customXml",
    "w:smartTag w:hyperlink w:fldSimple w:fldChar w:instrText w:ins w:del w:moveFrom w:moveTo",
    "w:delText w:pPr w:rPr w:pStyle w:rStyle w:numPr w:ilvl w:numId w:jc w:spacing w:ind w:b",
    "w:sz w:rFonts w:u w:sym w:tab w:br w:cr w:sectPr w:pgSz w:pgMar w:txbxContent",
    "mc:AlternateContent mc:Choice mc:Fallback w:drawing w:pict v:imagedata a:blip",
    "w:lastRenderedPageBreak w:commentRangeStart w:commentReference w:footnoteReference",
    "w:rPrChange w:pPrChange w:trPr w:gridBefore w:outlineLvl w:highlight w:shd m:oMath m:t",
)
TAGS = [tag for line in _TAG_LINES for tag in line.split()]
_ATTR_LINES = (
    "w:val w:w w:h w:top w:char w:fldCharType w:instr w:id w:type w:line w:lineRule w:before",
    "w:hanging w:ascii w:asciiTheme w:fill r:id w:author",
)
ATTRS = [attr for line in _ATTR_LINES for attr in line.split()]
VALUES = st.sampled_from(
    ["0", "1", "-1", "true", "off", "", "abc", "1.5", "1e400", "nan", "F0B7", "zz", "start",
     "page", "begin", "separate", "end", "restart", "auto", "exact", "2.5cm", "x1", "PAGE", "3"]
)  # fmt: skip
TEXT = st.sampled_from(["", "teks", "a&amp;b", "\r\n", " Pasal 1 "])


def _element(children: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    attrs = st.dictionaries(st.sampled_from(ATTRS), VALUES, max_size=3)
    return st.builds(
        lambda tag, a, inner: (
            f"<{tag}{''.join(f' {k}={v!r}' for k, v in a.items())}>" + "".join(inner) + f"</{tag}>"
        ),
        st.sampled_from(TAGS),
        attrs,
        st.lists(children, max_size=4),
    )


XML = st.recursive(TEXT, _element, max_leaves=40)
NUMBERING = (
    '<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="x"/>'
    '<w:numFmt w:val="upperRoman"/><w:lvlText w:val="%1.%9%"/></w:lvl>'
    '<w:lvl w:ilvl="1"><w:lvlRestart w:val="abc"/></w:lvl></w:abstractNum>'
    '<w:num w:numId="1"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0">'
    '<w:startOverride w:val="-3"/></w:lvlOverride></w:num>'
    '<w:num w:numId="3"><w:abstractNumId w:val="9"/></w:num>'
)


@settings(
    max_examples=150,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(body=st.lists(XML, min_size=1, max_size=5), header=XML, notes=XML)
def test_random_wordml_never_crashes(body: list[str], header: str, notes: str) -> None:
    data = build(
        "".join(body),
        numbering=NUMBERING,
        headers={"rId1": header},
        footnotes=notes,
        comments=notes,
    )
    with TemporaryDirectory() as folder:
        path = Path(folder) / "fuzz.docx"
        path.write_bytes(data)
        try:
            doc = read_document(path)
        except UnreadableFile as exc:
            assert exc.code in {"CORRUPT", "TOO_LARGE"}
            return
    for story in Story:
        assert [b.index for b in doc.story(story)] == list(range(1, len(doc.story(story)) + 1))
    for block in doc.blocks:
        assert "".join(run.text for run in block.runs) == block.text
        for run in block.runs:
            assert block.text[run.start : run.start + len(run.text)] == run.text
