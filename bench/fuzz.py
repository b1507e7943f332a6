"""Fuzz naskah-lint with hostile .docx files made from the fixtures.

`python bench/fuzz.py --cases 2000` mutates the fixture drafts' bytes and XML (truncation, bit
flips, removed and duplicated parts, duplicate zip names, `..` and absolute member paths, 10^5
paragraphs, 10^4-deep nesting, huge attributes, billion laughs, external entities, zip-bomb
members, an OLE header on a zip) and lints every case in-process. For each case it checks that
only our own error types come out (no other exception), that the input is unchanged, and how long
the file took. It prints the counts, the slowest cases and the peak memory, and exits 1 on any
crash, changed input or case slower than `--max-seconds`.

The test suite runs a small seeded sample of the same generator (tests/test_fuzz_sample.py).
"""

from __future__ import annotations

import argparse
import hashlib
import io
import random
import resource
import sys
import time
import traceback
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


@dataclass(frozen=True)
class Case:
    name: str
    data: bytes


def _read_zip(data: bytes) -> list[tuple[zipfile.ZipInfo, bytes]]:
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        return [(i, zf.read(i)) for i in zf.infolist()]


def _write_zip(entries: list[tuple[str, bytes]], compression: int = zipfile.ZIP_DEFLATED) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compression) as zf:
        for name, payload in entries:
            zf.writestr(zipfile.ZipInfo(name, (2024, 1, 1, 0, 0, 0)), payload)
    return buf.getvalue()


def _with_document(data: bytes, body_xml: bytes, prolog: bytes = b"") -> bytes:
    """Replace word/document.xml of `data` by a document with this body content."""
    doc = (
        prolog
        + b'<w:document xmlns:w="'
        + W_NS.encode()
        + b'"><w:body>'
        + body_xml
        + b"</w:body></w:document>"
    )
    entries = [(i.filename, b) for i, b in _read_zip(data)]
    return _write_zip([(n, doc if n == "word/document.xml" else b) for n, b in entries])


def structural_cases(seed_doc: bytes) -> Iterator[Case]:
    """The named hostile shapes; each appears once per seed document."""
    entries = [(i.filename, b) for i, b in _read_zip(seed_doc)]
    names = [n for n, _ in entries]
    yield Case("empty-file", b"")
    yield Case("truncated-half", seed_doc[: len(seed_doc) // 2])
    yield Case("truncated-tail", seed_doc[:-22])
    yield Case("ole-header-on-zip", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + seed_doc[8:])
    yield Case("zip-with-no-word-part", _write_zip([(n, b) for n, b in entries if n.startswith("docProps")]))
    for drop in ("word/document.xml", "[Content_Types].xml", "_rels/.rels", "word/styles.xml",
                 "word/numbering.xml", "word/_rels/document.xml.rels"):
        if drop in names:
            yield Case(f"removed-{drop}", _write_zip([(n, b) for n, b in entries if n != drop]))
    dup = entries + [(n, b) for n, b in entries if n == "word/document.xml"]
    yield Case("duplicate-zip-name", _write_zip(dup))
    yield Case("dotdot-member", _write_zip(entries + [("../../evil.xml", b"<x/>")]))
    yield Case("absolute-member", _write_zip(entries + [("/etc/evil.xml", b"<x/>")]))
    para = b"<w:p><w:r><w:t>Pasal 1</w:t></w:r></w:p>"
    yield Case("1e5-paragraphs", _with_document(seed_doc, para * 100_000))
    deep = b"<w:tbl><w:tr><w:tc>" * 10_000 + b"<w:p/>" + b"</w:tc></w:tr></w:tbl>" * 10_000
    yield Case("1e4-deep-nesting", _with_document(seed_doc, deep))
    huge_attr = b'<w:p><w:pPr><w:pStyle w:val="' + b"A" * 5_000_000 + b'"/></w:pPr></w:p>'
    yield Case("huge-attribute", _with_document(seed_doc, huge_attr))
    laughs = (
        b'<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY a "aaaaaaaaaa">'
        + b"".join(
            f'<!ENTITY {chr(98 + i)} "{("&" + chr(97 + i) + ";") * 10}">'.encode() for i in range(9)
        )
        + b"]>"
    )
    yield Case("billion-laughs", _with_document(seed_doc, b"<w:p><w:r><w:t>&j;</w:t></w:r></w:p>", laughs))
    xxe = b'<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
    yield Case("external-entity", _with_document(seed_doc, b"<w:p><w:r><w:t>&x;</w:t></w:r></w:p>", xxe))
    bomb = b"\0" * (300 * 1024 * 1024)
    yield Case("zip-bomb-member", _write_zip(entries + [("word/media/bomb.bin", bomb)]))
    yield Case("not-xml-document", _write_zip([(n, b"\x00\xff garbage" if n == "word/document.xml" else b) for n, b in entries]))


def random_case(rng: random.Random, seed_doc: bytes, i: int) -> Case:
    """A random mutation of bytes or of one XML part."""
    choice = rng.randrange(6)
    if choice == 0:  # bit flips anywhere
        buf = bytearray(seed_doc)
        for _ in range(rng.randint(1, 20)):
            pos = rng.randrange(len(buf))
            buf[pos] ^= 1 << rng.randrange(8)
        return Case(f"bitflip-{i}", bytes(buf))
    if choice == 1:  # truncation at a random point
        return Case(f"truncate-{i}", seed_doc[: rng.randrange(len(seed_doc))])
    entries = [(inf.filename, b) for inf, b in _read_zip(seed_doc)]
    xml_parts = [k for k, (n, _) in enumerate(entries) if n.endswith(".xml")]
    k = rng.choice(xml_parts)
    name, payload = entries[k]
    if choice == 2:  # flip bytes inside one XML part (keeps the zip valid)
        buf = bytearray(payload)
        for _ in range(rng.randint(1, 10)):
            pos = rng.randrange(len(buf))
            buf[pos] = rng.randrange(256)
        entries[k] = (name, bytes(buf))
    elif choice == 3:  # cut one XML part short
        entries[k] = (name, payload[: rng.randrange(max(1, len(payload)))])
    elif choice == 4:  # delete or duplicate a random element's bytes
        start = rng.randrange(len(payload))
        end = min(len(payload), start + rng.randint(1, 400))
        if rng.random() < 0.5:
            entries[k] = (name, payload[:start] + payload[end:])
        else:
            entries[k] = (name, payload[:end] + payload[start:end] + payload[end:])
    else:  # remove or duplicate a whole part
        if rng.random() < 0.5:
            del entries[k]
        else:
            entries.append(entries[k])
    return Case(f"xml-{choice}-{name}-{i}", _write_zip(entries))


def generate(n: int, seed: int) -> Iterator[Case]:
    """`n` cases: every structural case for each fixture, then random mutations."""
    seeds = [p.read_bytes() for p in sorted(FIXTURES.glob("*.docx"))]
    if not seeds:
        raise SystemExit("no fixtures/*.docx to mutate (run fixtures/build.py)")
    rng = random.Random(seed)
    count = 0
    for s in seeds:
        for case in structural_cases(s):
            if count >= n:
                return
            count += 1
            yield case
    i = 0
    while count < n:
        i += 1
        count += 1
        yield random_case(rng, rng.choice(seeds), i)


def make_linter() -> Callable[[Path], object]:
    """Lint one file the way the CLI does (read + outline + all rules), pack loaded once."""
    from _linter import make_file_linter

    return make_file_linter()


@dataclass(frozen=True)
class Outcome:
    name: str
    seconds: float
    crashed: str | None
    changed: bool
    error_code: str | None


def run_case(case: Case, path: Path, lint: Callable[[Path], object]) -> Outcome:
    path.write_bytes(case.data)
    before = hashlib.sha256(case.data).hexdigest()
    t0 = time.perf_counter()
    crashed = None
    code = None
    try:
        result = lint(path)
        err = getattr(result, "error", None)
        code = getattr(err, "code", None)
    except Exception:  # noqa: BLE001 - the harness reports any escape as a crash
        crashed = traceback.format_exc(limit=6)
    seconds = time.perf_counter() - t0
    changed = hashlib.sha256(path.read_bytes()).hexdigest() != before
    return Outcome(case.name, seconds, crashed, changed, code)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--cases", type=int, default=2000)
    ap.add_argument("--seed", type=int, default=1068)
    ap.add_argument("--max-seconds", type=float, default=5.0)
    ap.add_argument("--workdir", type=Path, default=Path("/tmp/naskah-fuzz"))
    ns = ap.parse_args()
    ns.workdir.mkdir(parents=True, exist_ok=True)
    lint = make_linter()
    outcomes: list[Outcome] = []
    t0 = time.perf_counter()
    for k, case in enumerate(generate(ns.cases, ns.seed)):
        out = run_case(case, ns.workdir / f"case-{k % 8}.docx", lint)
        outcomes.append(out)
        if out.crashed:
            print(f"CRASH {out.name}:\n{out.crashed}", file=sys.stderr)
    total = time.perf_counter() - t0
    crashes = [o for o in outcomes if o.crashed]
    changed = [o for o in outcomes if o.changed]
    slow = [o for o in outcomes if o.seconds > ns.max_seconds]
    codes: dict[str, int] = {}
    for o in outcomes:
        key = o.error_code or ("crash" if o.crashed else "linted")
        codes[key] = codes.get(key, 0) + 1
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"{len(outcomes)} cases in {total:.1f}s (seed {ns.seed}): crashes {len(crashes)}, "
          f"inputs changed {len(changed)}, slower than {ns.max_seconds}s: {len(slow)}")
    print("outcomes: " + ", ".join(f"{k} {v}" for k, v in sorted(codes.items())))
    worst = sorted(outcomes, key=lambda o: o.seconds, reverse=True)[:5]
    print("slowest: " + ", ".join(f"{o.name} {o.seconds:.2f}s" for o in worst))
    print(f"peak RSS of the harness process: {peak:.0f} MiB")
    return 1 if crashes or changed or slow else 0


if __name__ == "__main__":
    sys.exit(main())
