"""Per-document facts that many rules need (body blocks by index, each body block's part and
lower-cased text, the lang scans of each text), computed once per document instead of once per
rule. Kinds reach them through `Context.facts`; everything is built on first use.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Mapping, Sequence
from typing import Any, Generic, TypeVar

from naskah_lint.lang._memo import shared
from naskah_lint.lang.prefilter import lower_for_search
from naskah_lint.model import Block, Document, RunFormat, Story
from naskah_lint.outline.model import Outline, Pasal

T = TypeVar("T")


class Scans(dict[str, tuple[T, ...]], Generic[T]):
    """One lang scan's results by text, filled on first lookup: `scans[text]` costs a dict
    lookup after the first time (rules look up the same paragraph many times). A text whose
    lower-cased form lacks `needs` (a literal every finding holds) is not scanned at all."""

    __slots__ = ("_args", "_lowered", "_needs", "_scan")

    def __init__(
        self,
        scan: Callable[..., list[T]],
        args: tuple[Hashable, ...],
        needs: str,
        lowered: Mapping[str, str],
    ) -> None:
        super().__init__()
        self._scan = shared(scan)  # a remembered scan's tuple as it is, no copy
        self._args = args
        self._needs = needs
        self._lowered = lowered

    def __missing__(self, text: str) -> tuple[T, ...]:
        if self._needs and self._needs not in self._lowered[text]:
            found: tuple[T, ...] = ()
        else:
            found = self._scan(text, *self._args)
        self[text] = found
        return found


class _Lowered(dict[str, str]):
    """`lower_for_search` of each text, filled on first lookup."""

    __slots__ = ()

    def __missing__(self, text: str) -> str:
        found = self[text] = lower_for_search(text)
        return found


class DocumentFacts:
    """What several rules compute from one document and its outline, each computed once.

    Read-only for kinds: the shared tuples and mappings must not be changed."""

    __slots__ = (
        "_all_lowered",
        "_body",
        "_body_map",
        "_formats",
        "_lowered",
        "_outside",
        "_parts",
        "_pasal_texts",
        "_placeholders",
        "_scans",
        "_words",
        "document",
        "outline",
    )

    def __init__(self, document: Document, outline: Outline) -> None:
        self.document = document
        self.outline = outline
        self._body: tuple[Block, ...] = document.story(Story.BODY)
        self._body_map: dict[int, Block] | None = None
        self._parts: tuple[str, ...] | None = None
        self._lowered = _Lowered()
        self._all_lowered = ""
        self._words: str | None = None  # the distinct words of `_all_lowered`, one a line
        self._formats: tuple[RunFormat, ...] | None = None
        self._outside: dict[tuple[str, ...], tuple[Block, ...]] = {}
        self._scans: dict[tuple[Any, ...], Scans[Any]] = {}
        self._pasal_texts: dict[int, str] = {}
        self._placeholders: dict[int, tuple[str, ...]] | None = None

    @property
    def body(self) -> tuple[Block, ...]:
        """The body blocks, in order."""
        return self._body

    @property
    def body_map(self) -> Mapping[int, Block]:
        """Body blocks by their 1-based index."""
        found = self._body_map
        if found is None:
            found = self._body_map = {b.index: b for b in self._body}
        return found

    @property
    def parts(self) -> tuple[str, ...]:
        """Each body block's outline part (`Outline.part_of`), in body order."""
        found = self._parts
        if found is None:
            part_of = self.outline.part_of
            found = self._parts = tuple(part_of(b.index) for b in self._body)
        return found

    def outside(self, skip_parts: Sequence[str]) -> tuple[Block, ...]:
        """The body blocks whose part is none of `skip_parts`, in order."""
        key = tuple(skip_parts)
        found = self._outside.get(key)
        if found is None:
            skip = frozenset(key)
            found = tuple(
                b for b, part in zip(self._body, self.parts, strict=True) if part not in skip
            )
            self._outside[key] = found
        return found

    @property
    def lowered(self) -> Mapping[str, str]:
        """Texts as `lower_for_search` gives them, each text lower-cased once per document:
        `facts.lowered[block.text]`."""
        return self._lowered

    def mentions(self, literal: str) -> bool:
        """Whether some block of the document (any story) holds `literal` in its `lowered`
        text: False means no case-insensitive regex for an ASCII word in it matches anywhere.
        A literal without spaces is looked up among the document's distinct words."""
        if self._words is None:
            lowered = self._lowered
            texts = dict.fromkeys(b.text for b in self.document.blocks)  # templates repeat
            self._all_lowered = "\n".join([lowered[t] for t in texts])
            self._words = "\n".join(set(self._all_lowered.split()))
        parts = literal.split()  # one part equal to the literal: no whitespace ("" either way)
        if len(parts) != 1 or parts[0] != literal:
            return literal in self._all_lowered
        return literal in self._words

    def placeholders_in(self, block: int) -> tuple[str, ...]:
        """The placeholder texts the outline found in a body block, in outline order (one pass
        over the outline's placeholders per document, not one per block asked about)."""
        found = self._placeholders
        if found is None:
            grouped: dict[int, list[str]] = {}
            for p in self.outline.placeholders:
                if p.story is Story.BODY:
                    grouped.setdefault(p.block, []).append(p.text)
            found = self._placeholders = {k: tuple(v) for k, v in grouped.items()}
        return found.get(block, ())

    @property
    def formats(self) -> tuple[RunFormat, ...]:
        """The distinct run formats of every story's runs: a document has a few, its runs
        thousands (found by identity first: the reader shares one object per format)."""
        found = self._formats
        if found is None:
            seen = {id(r.fmt): r.fmt for b in self.document.blocks for r in b.runs}
            found = self._formats = tuple(dict.fromkeys(seen.values()))  # equal ones once
        return found

    def scans(self, scan: Callable[..., list[T]], *args: Hashable, needs: str = "") -> Scans[T]:
        """`scan(text, *args)` (a pure lang scan) by text, each text scanned once per document;
        the results are tuples shared by every rule. `needs`: a literal (as `lower_for_search`
        writes it) that every finding of the scan holds, as the lang module states it."""
        key = (scan, needs, *args)
        found = self._scans.get(key)
        if found is None:
            found = self._scans[key] = Scans(scan, args, needs, self._lowered)
        return found

    def pasal_text(self, pasal: Pasal) -> str:
        """The text of a pasal's blocks, heading to last block, joined with newlines."""
        key = id(pasal)  # the outline (and so each pasal) lives as long as these facts
        found = self._pasal_texts.get(key)
        if found is None:
            blocks = self.body_map
            found = "\n".join(
                blocks[i].text
                for i in range(pasal.first_block, pasal.last_block + 1)
                if i in blocks
            )
            self._pasal_texts[key] = found
        return found
