"""Hand-built documents and outlines for engine tests (no reader, no .docx needed)."""

from __future__ import annotations

import hashlib
import shutil
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import kindkit
import pytest

from naskah_lint.engine import loader
from naskah_lint.engine.api import Context, Hit, Kind, Pack
from naskah_lint.kinds import formatting
from naskah_lint.model import Block, Document, Run, RunFormat, Section, Story
from naskah_lint.outline.model import Outline, Pasal, Title


def block(
    index: int,
    text: str,
    *,
    story: Story = Story.BODY,
    font: str | None = "Arial",
    size: float | None = 12.0,
    runs: Sequence[Run] | None = None,
    anchor_block: int | None = None,
) -> Block:
    """A paragraph with one run in the given font (or the given runs)."""
    if runs is None:
        runs = (Run(text=text, start=0, fmt=RunFormat(font=font, size_pt=size)),)
    return Block(story=story, index=index, text=text, runs=tuple(runs), anchor_block=anchor_block)


def a4(index: int = 0, first: int = 1, last: int = 1, **margins: float | None) -> Section:
    """An A4 section with the guideline's margins unless overridden (top=, bottom=, …)."""
    return kindkit.section(index, first, last, **{f"margin_{k}_mm": v for k, v in margins.items()})


def document(
    blocks: Sequence[Block],
    sections: Sequence[Section] | None = None,
    path: str = "draft.docx",
) -> Document:
    body = [b for b in blocks if b.story is Story.BODY]
    if sections is None:
        sections = (a4(last=len(body)),)
    return Document(path=path, sha256="0" * 64, blocks=tuple(blocks), sections=tuple(sections))


def outline(
    *,
    document_type: str = "PKS",
    language: str = "id",
    title_blocks: Sequence[int] = (1,),
    parts: Sequence[tuple[int, str]] = ((1, "judul"),),
    pasal_list: Sequence[Pasal] = (),
) -> Outline:
    """An outline with a one-line PKS title on `title_blocks` (none when empty) and the pasal."""
    title = (
        Title(
            lines=("PERJANJIAN KERJA SAMA",),
            blocks=tuple(title_blocks),
            kind_text="PERJANJIAN KERJA SAMA",
            institutions=(),
            perihal=None,
        )
        if title_blocks
        else None
    )
    return kindkit.outline(
        document_type=document_type,
        language=language,
        title=title,
        pasal=tuple(pasal_list),
        parts=tuple(parts),
    )


def reference_fingerprint(rule: str, path: str, text: str, key: str, occurrence: int) -> str:
    """A fingerprint hashed the plain way the engine documents, to check its shared-state one."""
    joined = text + ("\x1f" + key if key else "")
    basis = "\x1f".join((rule, path, joined, str(occurrence)))
    return hashlib.sha256(basis.encode("utf-8")).hexdigest()[:16]


# --------------------------------------------------------------------------- test packs

REPO = Path(__file__).resolve().parents[1]
SHIPPED = REPO / "rules" / "kpu-1068-2023"


@dataclass(frozen=True, slots=True)
class HitSpec:
    block: int | None
    story: str = "body"
    message: str = "default"
    key: str = ""
    severity: str | None = None
    value: str = "x"


@dataclass(frozen=True, slots=True)
class HitsParams:
    hits: tuple[HitSpec, ...] = ()


def _check_hits(ctx: Context, params: HitsParams) -> Iterator[Hit]:
    for spec in params.hits:
        yield Hit(
            block=spec.block,
            story=Story(spec.story),
            message=spec.message,
            params={"value": spec.value},
            key=spec.key,
            severity=spec.severity,
        )


@dataclass(frozen=True, slots=True)
class NoParams:
    pass


def _check_crash(ctx: Context, params: NoParams) -> Iterable[Hit]:
    raise RuntimeError("boom")


TEST_KINDS: tuple[Kind[Any], ...] = (
    Kind("test-hits", HitsParams, _check_hits),
    Kind("test-crash", NoParams, _check_crash),
)


def use_kinds(monkeypatch: pytest.MonkeyPatch, *extra: Kind[Any]) -> dict[str, Kind[Any]]:
    """Register only the formatting kinds, the engine kind and test kinds (isolated from the
    other kind modules)."""
    registry = {k.name: k for k in (*formatting.KINDS, loader.ENGINE, *TEST_KINDS, *extra)}
    monkeypatch.setattr(loader, "registered_kinds", lambda: registry)
    return registry


def rule_yaml(
    rule_id: str,
    kind: str = "test-hits",
    *,
    severity: str = "warning",
    severity_final: str | None = None,
    applies_to: str = "[NK, PKS, ADDENDUM, OTHER]",
    languages: str = "[id]",
    params: str = "{}",
    messages: str | None = None,
) -> str:
    """One rule in the pack format, with every required key filled."""
    group = rule_id.split("-", 1)[0]
    final = f"\n    severity_final: {severity_final}" if severity_final else ""
    msgs = messages or (
        "\n    messages:"
        "\n      default: {id: 'Nilai {value}.', en: 'Value {value}.'}"
        "\n      other: {id: 'Lain {value}.', en: 'Other {value}.'}"
    )
    return f"""
  - id: {rule_id}
    group: {group}
    title: {{id: "Judul {rule_id}", en: "Title {rule_id}"}}
    severity: {severity}{final}
    applies_to: {applies_to}
    languages: {languages}
    kind: {kind}
    params: {params}{msgs}
    doc: {{id: "Dok", en: "Doc"}}
    source: "test"
    confidence: practice
    example_bad: {{id: "buruk", en: "bad"}}
    example_good: {{id: "baik", en: "good"}}
"""


def make_pack(
    tmp_path: Path, rules: Iterable[str] = (), *, shipped: Iterable[str] = ("fmt.yml", "meta.yml")
) -> Path:
    """A pack folder: the shipped pack.yml, some shipped rule files, and test rules."""
    folder = tmp_path / "pack"
    folder.mkdir(exist_ok=True)
    shutil.copy(SHIPPED / "pack.yml", folder / "pack.yml")
    for name in shipped:
        shutil.copy(SHIPPED / name, folder / name)
    body = "".join(rules)
    if body:
        (folder / "test.yml").write_text("rules:" + body, encoding="utf-8")
    return folder


def load(folder: Path) -> Pack:
    return loader.parse_pack(folder, "pack")
