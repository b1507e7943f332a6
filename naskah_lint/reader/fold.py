"""Repeated run properties folded in the main part's bytes before it is parsed.

The ~5,000 runs of a 100-page draft repeat a handful of byte-identical `<w:rPr>...</w:rPr>`
forms; parsing, freeing and keying their ~25,000 small children was over a third of a read. Each
frequent form is replaced in the bytes by a marker rPr: the text FOLD_MARK + the form's number,
and one empty child `<_/>` (so that the tree keeps its depth, which libxml2 limits), and the form
is parsed once on its own. The walker reads a marker's format from a per-form cache and the
form's element wherever an rPr's content is read (run and paragraph-mark rPr; no other reader
looks inside an rPr).

Folding is tried only where the first rPr of the part are dense (one per KiB or more, as in any
text a draft's runs make; a part of pictures or a few runs is not worth the scans). It is exact
or not done: only where no markup can hide in the bytes (no CDATA, comment,
DOCTYPE or processing instruction) and no text can pass for a marker (no FOLD_MARK, even as a
character reference), in UTF-8, with the `w` prefix declared once, on the root, for the
WordprocessingML namespace; only forms of empty elements with `w:` attributes in double quotes.
A form that does not parse on its own, or a folded part that does not parse, falls back to the
unfolded bytes (which then give the error they always gave).
"""

from __future__ import annotations

import re
from collections import Counter

from naskah_lint.reader import ns

FOLD_MARK = "\ue000"  # a private-use character: folding is refused where the part holds it
_MARK = FOLD_MARK.encode()
_OPEN = b"<w:rPr>"
_CLOSE = b"</w:rPr>"
_SAMPLE = 256  # forms are chosen among the first rPr of the part...
_MIN_SEEN = 4  # ...seen at least this often there...
_MAX_FORMS = 8  # ...at most this many
_MAX_BYTES_PER_RPR = 1024  # and only where the sampled rPr are this dense (see fold)
# a form: empty elements with w: attributes in double quotes, as Word (or the Open XML SDK) writes
_FORM = re.compile(rb'(?:<w:[A-Za-z]+(?: w:[A-Za-z]+="[^"<]*")* ?/>)+')
_MARK_REFERENCE = re.compile(rb"&#(?:x0*[eE]000|0*57344);")  # FOLD_MARK as a character reference
_DECLARATION = re.compile(rb"<\?xml[^<>]*\?>")
_UTF8 = re.compile(rb"""encoding\s*=\s*["']utf-?8["']""", re.IGNORECASE)
_W_PREFIX = re.compile(rb"""xmlns:w\s*=\s*["']([^"'<>]*)["']""")
_W_NS = ns.W_NS.encode()
_FORM_OPEN = b'<w:rPr xmlns:w="' + _W_NS + b'">'


def form_document(content: bytes) -> bytes:
    """A folded form's content as an XML document of its own: the rPr it was."""
    return _FORM_OPEN + content + _CLOSE


def fold(data: bytes) -> tuple[bytes, list[bytes]] | None:
    """(folded bytes, the folded forms' contents by number), or None when nothing is folded."""
    # the first rPr, sampled first: a part whose rPr are sparse (a few runs, or pictures and
    # their base64 data) is not worth the scans below, which cost ~2.5 ms a megabyte
    # A part longer than _SAMPLE KiB passes the density test below only when its first
    # _SAMPLE KiB hold the whole sample: counted there first, the same refusals cost no split
    # (which copies the whole part) of a long part of pictures.
    window = _SAMPLE * _MAX_BYTES_PER_RPR
    if len(data) > window and data.count(_OPEN, 0, window) < _SAMPLE:
        return None
    sample = data.split(_OPEN, _SAMPLE)
    if len(sample) - 1 < _MIN_SEEN:
        return None
    sampled = len(data) - len(sample[-1]) if len(sample) > _SAMPLE else len(data)
    if sampled > (len(sample) - 1) * _MAX_BYTES_PER_RPR:
        return None
    if _holds(data, b"<!", 1) or _holds(data, _MARK, 0):
        return None
    if _holds(data, b"&#", 1) and _MARK_REFERENCE.search(data):
        return None
    start = 3 if data.startswith(b"\xef\xbb\xbf") else 0
    declaration = _DECLARATION.match(data, start)
    if declaration is not None:
        if b"encoding" in declaration.group() and not _UTF8.search(declaration.group()):
            return None
        start = declaration.end()
    if _holds(data, b"<?", 1, start):
        return None
    root = data.find(b"<", start)
    if root < 0 or data[start:root].strip():
        return None
    root_end = data.find(b">", root)
    if not _w_declared_once(data, root, root_end):
        return None
    seen = Counter(piece[: piece.find(_CLOSE)] for piece in sample[1:_SAMPLE])
    forms = [
        content
        for content, count in seen.most_common()
        if count >= _MIN_SEEN and _FORM.fullmatch(content) and _saves(content)
    ][:_MAX_FORMS]
    if not forms:
        return None
    markers = [b"%s%s%d<_/>%s" % (_OPEN, _MARK, i, _CLOSE) for i in range(len(forms))]
    if len(forms) <= 2:  # one bytes.replace pass per form...
        for content, marker in zip(forms, markers, strict=True):
            data = data.replace(_OPEN + content + _CLOSE, marker)
        return data, forms
    # ...or one regex pass for them all
    pattern = re.compile(b"%s(%s)%s" % (_OPEN, b"|".join(map(re.escape, forms)), _CLOSE))
    pieces = pattern.split(data)  # text, form, text, form, ..., text
    by_form = dict(zip(forms, markers, strict=True))
    pieces[1::2] = [by_form[content] for content in pieces[1::2]]
    return b"".join(pieces), forms


def _w_declared_once(data: bytes, root: int, root_end: int) -> bool:
    """Whether the root element's start tag (data[root:root_end]) declares the `w` prefix for
    WordprocessingML and nothing else in the part declares `w` (nor names it, even in text)."""
    declared = list(_W_PREFIX.finditer(data, root, root_end))
    if len(declared) != 1 or declared[0].group(1) != _W_NS:
        return False
    at = data.find(b"xmlns:w", root_end)
    while at >= 0:  # xmlns:wp=, xmlns:w14= (drawings declare theirs) are other prefixes
        if data[at + 7 : at + 8] in (b"=", b" ", b"\t", b"\r", b"\n"):
            return False
        at = data.find(b"xmlns:w", at + 7)
    return True


def _saves(form: bytes) -> bool:
    """Whether folding a form saves nodes: a marker is a text and an element, fewer nodes than
    any form but one bare element such as `<w:b/>`."""
    return form.count(b"/>") > 1 or b"=" in form


def _holds(data: bytes, needle: bytes, rare: int, start: int = 0) -> bool:
    """Whether `needle` occurs in data[start:], found by its byte at index `rare` (one rare in
    a part): a memchr scan instead of a search that stops at every `<`."""
    byte = needle[rare : rare + 1]
    at = data.find(byte, start + rare)
    while at >= 0:
        if data.startswith(needle, at - rare):
            return True
        at = data.find(byte, at + 1)
    return False
