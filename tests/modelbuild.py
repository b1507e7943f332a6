"""Build `naskah_lint.model.Document` objects from plain lists, for fast unit tests without .docx.

An item is either a string (one body paragraph; "\\n" inside is a line break) or a dict:
  {"text": "...", "label": "(1)", "fmt": "decimal", "ilvl": 0, "num_id": 1,   # Word numbering
   "cell": (table, row, col), "story": "textbox", "anchor": 12, "align": "center",
   "style": "Heading1", "bold": True}
`table(rows)` turns a grid of cells (each a string or a list of paragraph strings) into items.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

import yaml

from naskah_lint.model import (
    Block,
    CellPos,
    Document,
    Numbering,
    ParaFormat,
    Run,
    RunFormat,
    Story,
)

Item = str | Mapping[str, Any]


def _value_of_label(label: str) -> int:
    """The counter value a numbering label shows: "(3)" -> 3, "c." -> 3, "Pasal 4" -> 4."""
    digits = re.search(r"\d+", label)
    if digits:
        return int(digits.group())
    letter = re.search(r"[A-Za-z]", label)
    return ord(letter.group().lower()) - 96 if letter else 1


def _fmt_of_label(label: str) -> str:
    """A plausible w:numFmt for a label."""
    if re.search(r"\d", label):
        return "decimal"
    if re.fullmatch(r"[a-z][.)]", label):
        return "lowerLetter"
    if re.fullmatch(r"[A-Z][.)]", label):
        return "upperLetter"
    return "bullet"


def block(item: Item, index: int, story: Story = Story.BODY) -> Block:
    """One Block from an item (see the module docstring)."""
    spec: Mapping[str, Any] = {"text": item} if isinstance(item, str) else item
    content = str(spec.get("text", ""))
    numbering = None
    label = spec.get("label")
    text = content
    if label is not None:
        numbering = Numbering(
            num_id=int(spec.get("num_id", 1)),
            ilvl=int(spec.get("ilvl", 0)),
            abstract_id=None,
            label=str(label),
            fmt=str(spec.get("fmt", _fmt_of_label(str(label)))),
            value=int(spec.get("value", _value_of_label(str(label)))),
        )
        text = f"{label}\t{content}"
    cell = None
    if "cell" in spec:
        t, r, c = spec["cell"]
        cell = CellPos(table=t, row=r, col=c, depth=1, path=((t, r, c),))
    fmt = RunFormat(font="Arial", size_pt=12.0, bold=bool(spec.get("bold", False)))
    runs: list[Run] = []
    if label is not None:
        runs.append(Run(text=str(label), start=0, fmt=fmt, kind="label"))
    if content:
        runs.append(Run(text=content, start=len(text) - len(content), fmt=fmt, locator=0))
    para = ParaFormat(
        style_id=spec.get("style"),
        alignment=spec.get("align"),
        line_spacing=1.0,
        line_spacing_rule="auto",
    )
    return Block(
        story=story,
        index=index,
        text=text,
        runs=tuple(runs),
        para=para,
        numbering=numbering,
        cell=cell,
        anchor_block=spec.get("anchor"),
    )


def document(items: Iterable[Item], path: str = "test.docx") -> Document:
    """A Document whose stories hold the items in order (each story numbered from 1)."""
    counters: dict[Story, int] = {}
    by_story: dict[Story, list[Block]] = {}
    for item in items:
        story = Story(item.get("story", "body")) if not isinstance(item, str) else Story.BODY
        counters[story] = counters.get(story, 0) + 1
        by_story.setdefault(story, []).append(block(item, counters[story], story))
    order = [Story.BODY, Story.HEADER, Story.FOOTER, Story.FOOTNOTE, Story.COMMENT, Story.TEXTBOX]
    blocks = tuple(b for s in order for b in by_story.get(s, []))
    return Document(path=path, sha256="0" * 64, blocks=blocks)


def table(rows: Sequence[Sequence[str | Sequence[str]]], number: int = 0) -> list[Item]:
    """Items for a table: rows of cells, each cell a string or a list of paragraph strings."""
    items: list[Item] = []
    for r, row in enumerate(rows):
        for c, cell in enumerate(row):
            paragraphs = [cell] if isinstance(cell, str) else list(cell)
            items.extend({"text": p, "cell": (number, r, c)} for p in paragraphs)
    return items


def numbered(label_texts: Iterable[tuple[str, str]], **extra: Any) -> list[Item]:
    """Auto-numbered paragraphs from (label, text) pairs, e.g. [("(1)", "..."), ("(2)", "...")]."""
    return [{"text": text, "label": label, **extra} for label, text in label_texts]


@functools.lru_cache(maxsize=1)
def pack_values() -> Mapping[str, Any]:
    """The shipped pack's `data:` mapping (clause synonyms, thresholds, titles ...)."""
    path = Path(__file__).resolve().parent.parent / "rules" / "kpu-1068-2023" / "pack.yml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    values: Mapping[str, Any] = data["data"]
    return values


def skeleton_pks() -> list[Item]:
    """A well-formed two-party PKS in the shape of spec §6.1 (typed labels, signature table)."""
    return [
        {"text": "PERJANJIAN KERJA SAMA", "align": "center"},
        {"text": "ANTARA", "align": "center"},
        {"text": "SEKRETARIAT KOMISI PEMILIHAN UMUM KABUPATEN KARANGANYAR", "align": "center"},
        {"text": "DENGAN", "align": "center"},
        {"text": "FAKULTAS HUKUM UNIVERSITAS CONTOH", "align": "center"},
        {"text": "TENTANG", "align": "center"},
        {"text": "PENDIDIKAN PEMILIH DAN KAJIAN KEPEMILUAN", "align": "center"},
        {"text": "NOMOR: 12/PR.07-PKS/3313/2024", "align": "center"},
        {"text": "NOMOR: 045/UC-FH/PKS/VII/2024", "align": "center"},
        "",
        "Pada hari ini Senin, tanggal delapan bulan Juli tahun dua ribu dua puluh empat "
        "(08-07-2024), bertempat di Karanganyar, kami yang bertanda tangan di bawah ini:",
        "1.\tNAMA SATU, S.H., Sekretaris Komisi Pemilihan Umum Kabupaten Karanganyar, dalam hal "
        "ini bertindak untuk dan atas nama Sekretariat Komisi Pemilihan Umum Kabupaten "
        "Karanganyar, berkedudukan di Jalan Contoh Nomor 1, Karanganyar, selanjutnya disebut "
        "PIHAK KESATU;",
        "2.\tDr. NAMA DUA, M.H., Dekan Fakultas Hukum Universitas Contoh, berdasarkan Keputusan "
        "Rektor Nomor 10 Tahun 2023, dalam hal ini bertindak untuk dan atas nama Fakultas Hukum "
        "Universitas Contoh, berkedudukan di Jalan Kampus Nomor 2, Surakarta, selanjutnya disebut "
        "PIHAK KEDUA.",
        "PIHAK KESATU dan PIHAK KEDUA secara bersama-sama disebut PARA PIHAK dan masing-masing "
        "disebut PIHAK.",
        "PARA PIHAK terlebih dahulu menerangkan hal-hal sebagai berikut:",
        "a.\tbahwa PIHAK KESATU merupakan unsur pendukung penyelenggara Pemilu di daerah;",
        "b.\tbahwa PIHAK KEDUA melaksanakan Tri Dharma Perguruan Tinggi; dan",
        "c.\tbahwa PARA PIHAK telah menandatangani Nota Kesepahaman Nomor 3/PR.07-NK/3313/2024 "
        "tanggal 12 Maret 2024.",
        "Berdasarkan hal tersebut, PARA PIHAK sepakat mengadakan Perjanjian Kerja Sama dengan "
        "ketentuan sebagai berikut:",
        {"text": "Pasal 1", "align": "center"},
        {"text": "MAKSUD DAN TUJUAN", "align": "center"},
        "(1)\tMaksud Perjanjian Kerja Sama ini adalah pendidikan pemilih.",
        "(2)\tTujuan Perjanjian Kerja Sama ini adalah meningkatkan partisipasi.",
        {"text": "Pasal 2", "align": "center"},
        {"text": "RUANG LINGKUP", "align": "center"},
        "Ruang lingkup Perjanjian Kerja Sama ini meliputi:",
        "a.\tsosialisasi;",
        "b.\tpenelitian; dan",
        "c.\tpengabdian.",
        {"text": "Pasal 3", "align": "center"},
        {"text": "JANGKA WAKTU", "align": "center"},
        "(1)\tPerjanjian Kerja Sama ini berlaku 1 (satu) tahun sejak ditandatangani.",
        "(2)\tJangka waktu sebagaimana dimaksud pada ayat (1) dapat diperpanjang sesuai "
        "kegiatan sebagaimana dimaksud dalam Pasal 2 huruf b.",
        {"text": "Pasal 4", "align": "center"},
        {"text": "PENUTUP", "align": "center"},
        "Rencana kerja tercantum dalam Lampiran yang merupakan bagian tidak terpisahkan dari "
        "Perjanjian Kerja Sama ini.",
        "Demikian Perjanjian Kerja Sama ini dibuat dan ditandatangani oleh PARA PIHAK dalam "
        "rangkap 2 (dua), masing-masing bermeterai cukup dan mempunyai kekuatan hukum yang sama.",
        *table(
            [
                [
                    [
                        "PIHAK KESATU,",
                        "Sekretaris KPU Kabupaten Karanganyar",
                        "",
                        "",
                        "NAMA SATU, S.H.",
                    ],
                    [
                        "PIHAK KEDUA,",
                        "Dekan Fakultas Hukum",
                        "Meterai Rp10.000",
                        "",
                        "Dr. NAMA DUA, M.H.",
                    ],
                ]
            ]
        ),
        "LAMPIRAN",
        "RENCANA KERJA",
    ]
