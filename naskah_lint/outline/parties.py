"""Komparisi (the parties) and premis (recitals, dasar hukum, cited NK, agreement sentence)."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import NamedTuple

from naskah_lint.lang._lazy import lazy_regex
from naskah_lint.lang.dates import english_words_to_int, find_dates
from naskah_lint.lang.ordinals import ordinal_value, series_of
from naskah_lint.outline.lines import Line, blocks_of, clean, has_placeholder, strip_end, tidy
from naskah_lint.outline.model import CitedNK, Party, Premis, Recital

_ORD_WORD = r"(?:PERTAMA|KE\s*[-–]?\s*\d{1,2}|KE[A-Z]+(?:\s+(?:BELAS|PULUH))?)"
_ALIAS_ID = re.compile(
    r"\b(?:disebut|dinamakan|dinamai|disingkat)(?:\s+(?:sebagai|dengan))?\s*[\"“”'‘’]?\s*"
    rf"(?P<alias>PIHAK\s+(?P<ord>{_ORD_WORD}))\b",
    re.IGNORECASE,
)
_ALIAS_EN = re.compile(
    r"\b(?:hereinafter|hereafter)\s+(?:referred\s+to\s+|called\s+|named\s+)?(?:as\s+)?"
    r"(?:the\s+)?[\"“]?(?P<alias>(?P<ord>FIRST|SECOND|THIRD|FOURTH|FIFTH|SIXTH)\s+PARTY)\b",
    re.IGNORECASE,
)
_PARA_PIHAK = re.compile(
    r"\bPARA\s+PIHAK\b.*\b(?:disebut|dinamakan)\b|\b(?:disebut|dinamakan)\b.*\bPARA\s+PIHAK\b"
    r"|\bTHE\s+PARTIES\b.*\breferred\b|\breferred\b.*\bTHE\s+PARTIES\b",
    re.IGNORECASE,
)
_INTRO = re.compile(
    r"\bterlebih\s+dahulu\s+(?:menerangkan|mempertimbangkan|menjelaskan)\b"
    r"|\bdengan\s+terlebih\s+dahulu\b|\bmenimbang\b|\bwhereas\b"
    r"|\bmenerangkan\s+(?:hal-hal|hal\s+hal)\b",
    re.IGNORECASE,
)
_AGREE = re.compile(
    r"\b(?:sepakat|bersepakat|menyepakati|setuju|mengikatkan\s+diri|agreed?|agrees)\b",
    re.IGNORECASE,
)
_AGREE_TAIL = re.compile(
    r"\b(?:ketentuan|sebagai\s+berikut|berikut|syarat|pasal|conditions|terms|provisions)\b",
    re.IGNORECASE,
)
_DASAR = re.compile(
    r"^(?:dengan\s+)?(?:memperhatikan|mengingat|dasar\s+hukum|berpedoman|berlandaskan)\b",
    re.IGNORECASE,
)
_NK_MENTION = re.compile(
    r"\b(?:Nota\s+Kesepahaman|Kesepakatan\s+Bersama|Nota\s+Kesepakatan"
    r"|Memorandum\s+of\s+Understanding|MoU)\b",
    re.IGNORECASE,
)
_NK_NOMOR = re.compile(r"\bNomor\s*:?\s*(?P<nomor>[^\s,;]+(?:\s*/\s*[^\s,;]+)*)", re.IGNORECASE)
_ENDING = re.compile(r"(?:;\s*(?P<conj>dan/atau|dan|atau)|(?P<p>[;.:,]))\s*$", re.IGNORECASE)
_LEAD_ENUM = re.compile(r"^\s*(?:[IVX]{1,5}|1I|\d{1,2}|[a-z])\s*[.)]\s*")

# Komparisi pieces. Each stops before the next piece of the sentence.
_STOP = (
    r"(?=\s*,|\s*;|\s+(?:yang\s+)?(?:berkedudukan|beralamat|berlamat|berdomisili|domiciled)\b"
    r"|\s+hereinafter\b"
    r"|\s+(?:yang\s+)?(?:untuk\s+)?selanjutnya\b|\s+(?:dalam\s+hal\s+ini|bertindak)\b"
    r"|\.\s*$|\s*\(\s*selanjutnya|$)"
)
_INSTITUTION = re.compile(
    r"\b(?:untuk\s+dan\s+atas\s+nama|(?<=\s)mewakili|to\s+represent|on\s+behalf\s+of)"
    r"\s*(?P<v>.+?)" + _STOP,
    re.IGNORECASE | re.DOTALL,
)
# "bertindak dalam jabatannya tersebut mewakili …" says the same as "bertindak untuk dan atas
# nama …" (the signatory acts for the institution), in words many templates use
_ACTING = re.compile(
    r"\bbertindak\s+untuk\s+dan\s+atas\s+nama\b|\buntuk\s+dan\s+atas\s+nama\b|\bto\s+represent\b"
    r"|\bon\s+behalf\s+of\b|\bbertindak\b[^,;.]{0,60}?\bmewakili\b",
    re.IGNORECASE,
)
_ADDRESS = re.compile(
    r"\b(?:berkedudukan|beralamat|berlamat|berdomisili|bertempat\s+tinggal|domiciled)"
    r"\s*(?:di|pada|at|in)?\s*(?P<v>.+?)"
    r"(?=\s*,?\s*(?:yang\s+)?(?:untuk\s+)?selanjutnya\b|,\s*(?:dalam\s+hal\s+ini|bertindak)\b"
    r"|\s*;|,?\s*hereinafter\b|\s*\(\s*selanjutnya|$)",
    re.IGNORECASE | re.DOTALL,
)
_LEGAL = re.compile(
    r"\b(?:berdasarkan|based\s+on)\s+(?P<v>.+?)"
    r"(?=,\s*(?:dalam\s+hal\s+ini|yang\s+selanjutnya|selanjutnya|berkedudukan|bertindak)\b"
    r"|\s+(?:dalam\s+hal\s+ini|bertindak|selanjutnya)\b|;"
    r"|,\s*(?:in\s+this\s+case|acting|domiciled|hereinafter)\b|$)",
    re.IGNORECASE | re.DOTALL,
)
_JABATAN_STOP = re.compile(
    r",|;|\s(?:yang\s+)?(?:diangkat|berdasarkan|dalam\s+hal\s+ini|bertindak|berkedudukan|beralamat"
    r"|berlamat|berdomisili|selanjutnya|untuk\s+selanjutnya|sesuai|in\s+this\s+case|acting"
    r"|domiciled|hereinafter|based)\b",
    re.IGNORECASE,
)
_KV = re.compile(r"^\s*(?P<key>[A-Za-z][A-Za-z ./]{1,30}?)\s*:\s*(?P<value>.*)$")
_KEYS = {
    "nama": "name",
    "name": "name",
    "jabatan": "jabatan",
    "position": "jabatan",
    "instansi": "institution",
    "institusi": "institution",
    "lembaga": "institution",
    "unit kerja": "institution",
    "institution": "institution",
    "alamat": "address",
    "address": "address",
    "berkedudukan": "address",
}
_TITLE_CHUNK = re.compile(r"^[A-Za-z]{1,5}\.?(?:\s?[A-Za-z]{1,6}\.?){0,4}$")


class Komparisi(NamedTuple):
    """The parties found, and where the komparisi ends (line indexes)."""

    parties: tuple[Party, ...]
    para_pihak_line: int | None
    last_line: int | None  # index of the last line that belongs to a party


def _alias_matches(text: str) -> list[tuple[re.Match[str], int, str | None, str]]:
    """(match, ordinal, series, canonical) for each alias declaration in a line."""
    out: list[tuple[re.Match[str], int, str | None, str]] = []
    for m in _ALIAS_ID.finditer(text):
        ordinal = ordinal_value(m.group("ord"))
        if ordinal is not None:
            canonical = "PIHAK " + " ".join(m.group("ord").upper().split())
            out.append((m, ordinal, series_of(m.group("ord")), canonical))
    for m in _ALIAS_EN.finditer(text):
        ordinal = english_words_to_int(m.group("ord"))
        if ordinal is not None:  # always: the pattern allows FIRST to SIXTH only
            canonical = " ".join(m.group("alias").upper().split())
            out.append((m, ordinal, None, canonical))
    return sorted(out, key=lambda item: item[0].start())


def _join(lines: Sequence[tuple[Line, str]]) -> str:
    """Party text: cells of one table row joined by tabs, other lines by newlines."""
    out: list[str] = []
    prev: Line | None = None
    for line, piece in lines:
        if prev is not None:
            same_row = (
                line.source.cell is not None
                and prev.source.cell is not None
                and (line.source.cell.table, line.source.cell.row)
                == (prev.source.cell.table, prev.source.cell.row)
            )
            same_cell = same_row and line.source.cell == prev.source.cell
            if same_cell:
                out.append(" ")
            else:
                out.append("\t" if same_row else "\n")
        out.append(piece)
        prev = line
    text = "".join(out)
    return re.sub(r"[ \u00a0]+([,;.])", r"\1", text)


def _paren_aware_cut(text: str, pattern: re.Pattern[str]) -> str:
    """Text up to the first `pattern` match that is not inside parentheses."""
    depth = 0
    cut_points = {m.start() for m in pattern.finditer(text)}
    for i, ch in enumerate(text):
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth = max(depth - 1, 0)
        elif depth == 0 and i in cut_points:
            return text[:i]
    return text


def _is_title_chunk(chunk: str, titles: frozenset[str]) -> bool:
    c = chunk.strip()
    return (
        c.upper() in titles
        or c.upper().rstrip(".") in titles
        or bool(_TITLE_CHUNK.match(c) and "." in c)
    )


def _name_and_rest(text: str, titles: frozenset[str]) -> tuple[str | None, str]:
    """Split "NAME, S.H., Jabatan ..." or "NAME : Jabatan ..." into the name and the rest."""
    body = _LEAD_ENUM.sub("", text, count=1)
    m = re.match(r"^(?P<name>[^:\n]{2,120}?)\s*:\s*(?P<rest>.+)$", body, re.DOTALL)
    if m and not _ACTING.search(m.group("name")) and not _ALIAS_ID.search(m.group("name")):
        return clean(m.group("name")), m.group("rest")
    chunks = re.split(r",\s*", clean(body))
    if len(chunks) < 2:
        return None, body
    name_parts = [chunks[0]]
    k = 1
    while k < len(chunks) and _is_title_chunk(chunks[k], titles):
        name_parts.append(chunks[k])
        k += 1
    return ", ".join(name_parts), ", ".join(chunks[k:])


def _kv_fields(text: str) -> dict[str, str]:
    fields: dict[str, str] = {}
    for raw in text.split("\n"):
        line = _LEAD_ENUM.sub("", raw.strip(), count=1)
        m = _KV.match(line.replace("\t", " "))
        if m:
            key = " ".join(m.group("key").lower().split())
            field = _KEYS.get(key)
            if field and field not in fields:
                fields[field] = clean(m.group("value"))
    return fields


def _value(pattern: re.Pattern[str], text: str) -> str | None:
    m = pattern.search(text)
    if m is None:
        return None
    value = tidy(m.group("v"))
    return value or None


# The head word of an organisation inside a jabatan ("Dekan Sekolah Vokasi Universitas X"):
# with no "bertindak untuk dan atas nama", the signatory acts for the body the jabatan names.
# Compiled on first use: asked only when the komparisi names no institution.
_ORG_HEAD = lazy_regex(
    r"\b(?:Sekretariat|Komisi|KPU|KIP|Bawaslu|Badan|Kementerian|Kementrian|Kemenko|Pemerintah"
    r"|Dinas|Kantor|Lembaga|Direktorat|Biro|Balai|Pusat|Universitas|Institut|Politeknik"
    r"|Sekolah|Akademi|Fakultas|Yayasan|Perkumpulan|Koperasi|Kepolisian|Kejaksaan|Pengadilan"
    r"|Rumah\s+Sakit|Perusahaan|Perseroan|PT|CV|University|Institute|Polytechnic|Faculty)\b"
)


def _organisation(jabatan: str | None) -> str | None:
    """The organisation a jabatan names ("Dekan Sekolah Vokasi Universitas Sebelas Maret" ->
    "Sekolah Vokasi Universitas Sebelas Maret"); None when it names none ("Kepala Dinas" names
    no body in particular) or is a blank."""
    if not jabatan or has_placeholder(jabatan):
        return None
    m = _ORG_HEAD().search(jabatan)
    found = tidy(jabatan[m.start() :]) if m else ""
    return found if len(found.split()) >= 2 else None


def _party(
    index: int,
    pieces: Sequence[tuple[Line, str]],
    alias: tuple[re.Match[str], int, str | None, str],
    titles: frozenset[str],
) -> Party:
    text = _join(pieces)
    match, ordinal, series, canonical = alias
    kv = _kv_fields(text)
    if "name" in kv:
        name: str | None = kv["name"] or None
        jabatan: str | None = kv.get("jabatan") or None
    else:
        name, rest = _name_and_rest(text, titles)
        jab = _paren_aware_cut(rest, _JABATAN_STOP) if rest else ""
        jabatan = tidy(jab) or None
        if jabatan is not None and (_ALIAS_ID.search(jabatan) or _ALIAS_EN.search(jabatan)):
            jabatan = None
    institution = kv.get("institution") or _value(_INSTITUTION, text) or _organisation(jabatan)
    address = kv.get("address") or _value(_ADDRESS, text)
    legal = _value(_LEGAL, text)
    has_address = "address" in kv or _ADDRESS.search(text) is not None
    return Party(
        index=index,
        alias=canonical,
        alias_as_written=match.group("alias"),
        ordinal=ordinal,
        series=series,
        name=name,
        jabatan=jabatan,
        legal_basis=legal,
        institution=institution,
        address=address,
        blocks=blocks_of([line for line, _ in pieces]),
        has_acting=_ACTING.search(text) is not None or "institution" in kv,
        has_address=has_address,
        has_alias=True,
        placeholder=has_placeholder(text),
    )


def read_komparisi(
    lines: Sequence[Line], start: int, end: int, first_tail: str | None, titles: frozenset[str]
) -> Komparisi:
    """Parties declared between `start` and `end` (line indexes); `first_tail` is what follows
    "di bawah ini:" on the opening line, if the first party starts there."""
    parties: list[Party] = []
    pending: list[tuple[Line, str]] = []
    if first_tail and start > 0:
        pending.append((lines[start - 1], first_tail))
    last_line: int | None = None
    para_pihak: int | None = None
    for i in range(start, end):
        line = lines[i]
        text = line.raw.strip()
        if not text:
            continue
        found = _alias_matches(text)
        if not found:
            if parties and _PARA_PIHAK.search(line.text):
                para_pihak = i
                break
            if parties and (_INTRO.search(line.text) or _AGREE.search(line.text)):
                break
            pending.append((line, text))
            continue
        cursor = 0
        for alias in found:
            m = alias[0]
            pending.append((line, text[cursor : m.end()]))
            parties.append(_party(len(parties) + 1, pending, alias, titles))
            pending = []
            cursor = m.end()
            last_line = i
        rest = text[cursor:]
        if re.search(r"[A-Za-z]{3}", rest) and _PARA_PIHAK.search(rest):
            para_pihak = i
            break
    if para_pihak is None and last_line is not None:
        for i in range(last_line + 1, end):
            if _PARA_PIHAK.search(lines[i].text):
                para_pihak = i
                break
            if lines[i].text and (_INTRO.search(lines[i].text) or _AGREE.search(lines[i].text)):
                break
    return Komparisi(tuple(parties), para_pihak, last_line)


def _ending(text: str) -> str:
    m = _ENDING.search(text)
    if m is None:
        return ""
    if m.group("conj"):
        return "; " + m.group("conj").lower()
    return m.group("p")


def _recital(line: Line) -> Recital:
    label, content = line.split_label()
    letter = None
    if label and re.fullmatch(r"[a-zA-Z][.)]", label):
        letter = label[0].lower()
    return Recital(
        letter=letter,
        text=content,
        block=line.block,
        starts_bahwa=content.lower().startswith("bahwa"),
        ending=_ending(content),
        label=label,
    )


def find_cited_nk(lines: Iterable[Line]) -> CitedNK | None:
    """The first Nota Kesepahaman cited with a Nomor (a PKS implements an NK)."""
    for line in lines:
        for m in _NK_MENTION.finditer(line.text):
            tail = line.text[m.end() :]
            if re.match(r"\s*(?:ini|tersebut)\b", tail, re.IGNORECASE):
                continue
            nomor_m = _NK_NOMOR.search(tail[:200])
            if nomor_m is None:
                continue
            after = tail[nomor_m.end() :]
            dates = find_dates(after)
            return CitedNK(
                text=line.text,
                nomor=strip_end(nomor_m.group("nomor"), " ,.;:") or None,
                date=dates[0][1] if dates else None,
                block=line.block,
            )
    return None


def read_premis(
    lines: Sequence[Line], start: int, end: int, para_pihak_line: int | None
) -> Premis | None:
    """Intro, recitals, dasar hukum and the agreement sentence in lines [start, end)."""
    intro: int | None = None
    agreement: int | None = None
    dasar_mode = False
    recitals: list[Recital] = []
    dasar: list[int] = []
    for i in range(start, end):
        line = lines[i]
        text = line.text
        if not text:
            continue
        label, content = line.split_label()
        if _AGREE.search(text) and _AGREE_TAIL.search(text) and not _INTRO.search(text):
            agreement = i
            dasar_mode = False
            continue
        if _INTRO.search(text) and label is None:
            intro = i if intro is None else intro
            dasar_mode = False
            continue
        if _DASAR.search(content) and content.rstrip().endswith(":"):
            dasar_mode = True
            dasar.append(line.block)
            continue
        if i == para_pihak_line:
            continue
        if agreement is not None:
            continue  # text after the agreement sentence but before Pasal 1
        if dasar_mode:
            dasar.append(line.block)
        elif intro is not None or content.lower().startswith("bahwa"):
            recitals.append(_recital(line))
    para_block = lines[para_pihak_line].block if para_pihak_line is not None else None
    intro_block = lines[intro].block if intro is not None else None
    if intro is None and para_pihak_line is not None and _INTRO.search(lines[para_pihak_line].text):
        intro_block = para_block
    agreement_block = lines[agreement].block if agreement is not None else None
    cited = find_cited_nk(lines[i] for i in range(start, end))
    if (
        intro_block is None
        and not recitals
        and not dasar
        and cited is None
        and agreement_block is None
        and para_block is None
    ):
        return None
    return Premis(
        intro_block=intro_block,
        recitals=tuple(recitals),
        dasar_hukum_blocks=tuple(sorted(set(dasar))),
        cited_nk=cited,
        agreement_block=agreement_block,
        para_pihak_block=para_block,
    )
