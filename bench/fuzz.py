"""Fuzz naskah-lint with hostile .docx files made from the fixtures.

`python bench/fuzz.py --cases 2000` mutates the fixture drafts' bytes and XML (truncation, bit
flips, removed and duplicated parts, duplicate zip names, `..` and absolute member paths, 10^5
paragraphs, 10^4-deep nesting, huge attributes, billion laughs, external entities, zip-bomb
members, an OLE header on a zip) and lints every case in-process, the way the CLI does. For each
case it checks that no exception escapes and that the result carries no internal error (a
traceback, exit 3): only our own error codes may come out. It also checks that the input file is
unchanged (sha256 before and after), that the reader gives the same Document (or the same error)
with and without folding repeated run properties (reader/fold.py), and measures the time per
file and the memory. The seeds are the fixtures and a draft written the way Word writes one.

It prints the counts per outcome, the slowest cases, the cases that raised the peak memory, and
exits 1 on any crash, changed input or case slower than `--max-seconds`.

The test suite runs a small seeded sample of the same generator (tests/test_fuzz_sample.py).
"""

from __future__ import annotations

import argparse
import functools
import hashlib
import io
import random
import resource
import signal
import sys
import time
import traceback
import warnings
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from types import FrameType

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"
W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
MIB = 1024 * 1024
WATCHDOG_SECONDS = 120  # a case still running after this is stopped and reported as a hang


@dataclass(frozen=True)
class Case:
    """One hostile input: a name saying what was done, and the file's bytes."""

    name: str
    data: bytes


Entries = list[tuple[str, bytes]]


def read_zip(data: bytes) -> Entries:
    """The (name, bytes) entries of a zip, in order."""
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        return [(i.filename, zf.read(i)) for i in zf.infolist()]


def write_zip(entries: Entries, stored: frozenset[str] = frozenset()) -> bytes:
    """A zip of these entries (duplicate names kept); names in `stored` are not compressed."""
    buf = io.BytesIO()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # "Duplicate name": that is the point
        with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
            for name, payload in entries:
                info = zipfile.ZipInfo(name, (2024, 1, 1, 0, 0, 0))
                info.compress_type = zipfile.ZIP_STORED if name in stored else zipfile.ZIP_DEFLATED
                zf.writestr(info, payload)
    return buf.getvalue()


def bomb_zip(entries: Entries, name: str, size: int) -> bytes:
    """The entries plus one member of `size` zero bytes, streamed (never held in memory)."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for entry, payload in entries:
            zf.writestr(zipfile.ZipInfo(entry, (2024, 1, 1, 0, 0, 0)), payload)
        chunk = b"\0" * MIB
        info = zipfile.ZipInfo(name, (2024, 1, 1, 0, 0, 0))
        info.compress_type = zipfile.ZIP_DEFLATED
        with zf.open(info, "w", force_zip64=True) as fh:
            for _ in range(size // MIB):
                fh.write(chunk)
    return buf.getvalue()


def with_document(
    entries: Entries, body_xml: bytes, prolog: bytes = b"", stored: bool = False
) -> bytes:
    """The package with word/document.xml replaced by a document holding this body (stored
    uncompressed when `stored`, so that a repetitive body is not refused for its ratio)."""
    doc = (
        prolog
        + b'<w:document xmlns:w="'
        + W_NS.encode()
        + b'"><w:body>'
        + body_xml
        + b"</w:body></w:document>"
    )
    parts = [(n, doc if n == "word/document.xml" else b) for n, b in entries]
    return write_zip(parts, frozenset({"word/document.xml"}) if stored else frozenset())


def replace_part(entries: Entries, part: str, payload: bytes) -> bytes:
    return write_zip([(n, payload if n == part else b) for n, b in entries])


def structural_cases(seed_doc: bytes) -> Iterator[Case]:
    """The named hostile shapes, each once per seed document."""
    entries = read_zip(seed_doc)
    names = [n for n, _ in entries]
    document = dict(entries).get("word/document.xml", b"")
    yield Case("empty-file", b"")
    yield Case("truncated-half", seed_doc[: len(seed_doc) // 2])
    yield Case("truncated-central-directory", seed_doc[:-22])
    yield Case("zip-header-only", seed_doc[:30])
    yield Case("ole-header-on-zip", OLE_MAGIC + seed_doc[8:])
    yield Case("ole-header-prepended", OLE_MAGIC + seed_doc)
    yield Case("no-word-part", write_zip([(n, b) for n, b in entries if n.startswith("docProps")]))
    for drop in (
        "word/document.xml",
        "[Content_Types].xml",
        "_rels/.rels",
        "word/styles.xml",
        "word/numbering.xml",
        "word/_rels/document.xml.rels",
        "word/theme/theme1.xml",
        "word/settings.xml",
    ):
        if drop in names:
            yield Case(f"removed-{drop}", write_zip([(n, b) for n, b in entries if n != drop]))
    for dup in ("word/document.xml", "[Content_Types].xml", "word/styles.xml"):
        extra = [(n, b) for n, b in entries if n == dup]
        yield Case(f"duplicate-zip-name-{dup}", write_zip([*entries, *extra]))
    yield Case(
        "duplicate-name-different-content",
        write_zip([*entries, ("word/document.xml", b"<w:document/>")]),
    )
    yield Case("dotdot-member", write_zip([*entries, ("../../evil.xml", b"<x/>")]))
    yield Case("absolute-member", write_zip([*entries, ("/etc/evil.xml", b"<x/>")]))
    rels = dict(entries).get("word/_rels/document.xml.rels", b"")
    yield Case(
        "dotdot-relationship-target",
        replace_part(
            entries,
            "word/_rels/document.xml.rels",
            rels.replace(b"styles.xml", b"../../../../etc/passwd"),
        ),
    )
    yield Case(
        "absolute-relationship-target",
        replace_part(
            entries, "word/_rels/document.xml.rels", rels.replace(b"styles.xml", b"/etc/passwd")
        ),
    )
    pasal = b"<w:p><w:r><w:t>Pasal 1</w:t></w:r></w:p>"
    yield Case("1e5-paragraphs", with_document(entries, pasal * 100_000))
    prose = (
        b"<w:p><w:r><w:t>PIHAK KESATU dan PIHAK KEDUA sepakat melaksanakan Pasal 2 ayat (1) "
        b"dalam 14 (empat belas) hari kalender dengan biaya Rp10.000.000,00.</w:t></w:r></w:p>"
    )
    yield Case("1e5-prose-paragraphs", with_document(entries, prose * 100_000))
    # stored uncompressed: not refused for the compression ratio, so read, outlined and checked
    yield Case("1e5-paragraphs-stored", with_document(entries, pasal * 100_000, stored=True))
    yield Case("1e5-prose-stored", with_document(entries, prose * 100_000, stored=True))
    yield Case("over-paragraph-limit", with_document(entries, b"<w:p/>" * 200_001))
    yield Case(
        "over-paragraph-limit-stored", with_document(entries, b"<w:p/>" * 200_001, stored=True)
    )
    deep = b"<w:tbl><w:tr><w:tc>" * 10_000 + b"<w:p/>" + b"</w:tc></w:tr></w:tbl>" * 10_000
    yield Case("1e4-deep-table-nesting", with_document(entries, deep))
    deep_xml = b"<w:sdt><w:sdtContent>" * 10_000 + b"</w:sdtContent></w:sdt>" * 10_000
    yield Case("1e4-deep-element-nesting", with_document(entries, deep_xml))
    tables = b"<w:tbl><w:tr><w:tc>" * 80 + b"<w:p/>" + b"</w:tc></w:tr></w:tbl>" * 80
    yield Case("80-nested-tables", with_document(entries, tables))
    inline = (
        b"<w:p>"
        + b"<w:hyperlink>" * 240
        + b"<w:r><w:t>x</w:t></w:r>"
        + b"</w:hyperlink>" * 240
        + b"</w:p>"
    )
    yield Case("240-nested-inline-wrappers", with_document(entries, inline))
    huge_attr = b'<w:p><w:pPr><w:pStyle w:val="' + b"A" * 5_000_000 + b'"/></w:pPr></w:p>'
    yield Case("huge-attribute", with_document(entries, huge_attr, stored=True))
    many_attrs = b"<w:p " + b" ".join(b'a%d="1"' % i for i in range(100_000)) + b"/>"
    yield Case("1e5-attributes", with_document(entries, many_attrs))
    huge_text = b"<w:p><w:r><w:t>" + b"kata " * 2_000_000 + b"</w:t></w:r></w:p>"
    yield Case("10mb-text-node", with_document(entries, huge_text, stored=True))
    big_text = b"<w:p><w:r><w:t>" + b"kata " * 900_000 + b"</w:t></w:r></w:p>"
    yield Case("4mb-paragraph", with_document(entries, big_text, stored=True))
    # long runs of what the text regexes look for: catastrophic backtracking would show here
    for label, unit in (
        ("brackets", b"("),
        ("dots", b"."),
        ("spaces", b" "),
        ("digits", b"1"),
        ("pasal-words", b"Pasal "),
        ("ayat-lists", b"ayat (1), "),
        ("rupiah", b"Rp1.000."),
        ("number-words", b"1 (satu "),
        ("placeholders", b"${"),
        ("party-words", b"PIHAK "),
    ):
        stress = b"<w:p><w:r><w:t>" + unit * (200_000 // len(unit)) + b"</w:t></w:r></w:p>"
        yield Case(f"regex-stress-{label}", with_document(entries, stress, stored=True))
    laughs = (
        b'<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY a "aaaaaaaaaa">'
        + b"".join(
            f'<!ENTITY {chr(98 + i)} "{("&" + chr(97 + i) + ";") * 10}">'.encode() for i in range(9)
        )
        + b"]>"
    )
    laugh_body = b"<w:p><w:r><w:t>&j;</w:t></w:r></w:p>"
    yield Case("billion-laughs", with_document(entries, laugh_body, laughs))
    xxe = b'<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
    xxe_body = b"<w:p><w:r><w:t>&x;</w:t></w:r></w:p>"
    yield Case("external-entity", with_document(entries, xxe_body, xxe))
    param = (
        b'<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY % p SYSTEM '
        b'"http://127.0.0.1:9/evil.dtd"> %p;]>'
    )
    yield Case("external-parameter-entity", with_document(entries, b"<w:p/>", param))
    yield Case("doctype-in-styles", replace_part(entries, "word/styles.xml", xxe + b"<x>&x;</x>"))
    yield Case("zip-bomb-media-member", bomb_zip(entries, "word/media/bomb.bin", 300 * MIB))
    yield Case(
        "zip-bomb-xml-member",
        bomb_zip(
            [(n, b) for n, b in entries if n != "word/styles.xml"], "word/styles.xml", 80 * MIB
        ),
    )
    yield Case(
        "10000-zip-members",
        write_zip([*entries, *((f"word/media/x{i}.bin", b"") for i in range(10_000))]),
    )
    yield Case("not-xml-document", replace_part(entries, "word/document.xml", b"\x00\xff garbage"))
    yield Case(
        "utf16-document",
        replace_part(
            entries, "word/document.xml", document.decode("utf-8", "replace").encode("utf-16")
        ),
    )
    yield Case("document-root-not-document", replace_part(entries, "word/document.xml", b"<x/>"))
    yield Case("stored-not-deflated", write_zip(entries, frozenset(names)))
    crc = bytearray(write_zip(entries, frozenset(names)))
    at = crc.find(b"<w:body>")
    if at > 0:
        crc[at + 3] ^= 0x01  # one byte of a stored member: the CRC no longer matches
    yield Case("crc-mismatch", bytes(crc))


def random_case(rng: random.Random, seed_doc: bytes, i: int) -> Case:
    """A random mutation of the file's bytes or of one XML part."""
    choice = rng.randrange(7)
    if choice == 0:  # bit flips anywhere
        buf = bytearray(seed_doc)
        for _ in range(rng.randint(1, 20)):
            pos = rng.randrange(len(buf))
            buf[pos] ^= 1 << rng.randrange(8)
        return Case(f"bitflip-{i}", bytes(buf))
    if choice == 1:  # truncation at a random point
        return Case(f"truncate-{i}", seed_doc[: rng.randrange(len(seed_doc))])
    entries = read_zip(seed_doc)
    xml_parts = [k for k, (n, _) in enumerate(entries) if n.endswith((".xml", ".rels"))]
    k = rng.choice(xml_parts)
    name, payload = entries[k]
    if choice == 2:  # overwrite bytes inside one XML part (the zip stays valid)
        buf = bytearray(payload)
        for _ in range(rng.randint(1, 10)):
            buf[rng.randrange(len(buf))] = rng.randrange(256)
        entries[k] = (name, bytes(buf))
    elif choice == 3:  # cut one XML part short
        entries[k] = (name, payload[: rng.randrange(max(1, len(payload)))])
    elif choice == 4:  # delete or duplicate a stretch of one XML part
        start = rng.randrange(max(1, len(payload)))
        end = min(len(payload), start + rng.randint(1, 400))
        if rng.random() < 0.5:
            entries[k] = (name, payload[:start] + payload[end:])
        else:
            entries[k] = (name, payload[:end] + payload[start:end] + payload[end:])
    elif choice == 5:  # move a stretch of one XML part elsewhere (well-formed more often)
        start = rng.randrange(max(1, len(payload)))
        end = min(len(payload), start + rng.randint(1, 2000))
        cut = payload[:start] + payload[end:]
        at = rng.randrange(len(cut) + 1)
        entries[k] = (name, cut[:at] + payload[start:end] + cut[at:])
    elif rng.random() < 0.5:  # remove a whole part
        del entries[k]
    else:  # duplicate a whole part (a duplicate zip name)
        entries.append(entries[k])
    return Case(f"xml{choice}-{name}-{i}", write_zip(entries))


def seed_documents(fixtures: Path = FIXTURES) -> list[bytes]:
    """The fixtures, then a draft written the way Word writes one (bench/run.py): every run
    with its fonts, size and language, so that the reader folds its run properties."""
    seeds = [p.read_bytes() for p in sorted(fixtures.glob("*.docx"))]
    if not seeds:
        raise SystemExit(f"no {fixtures}/*.docx to mutate (run fixtures/build.py)")
    return [*seeds, word_like_seed()]


@functools.cache
def word_like_seed() -> bytes:
    """A two-page agreement as Word writes it (bench/run.py's generator)."""
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    import tempfile

    from run import make_agreement

    with tempfile.TemporaryDirectory() as tmp:
        return make_agreement(Path(tmp) / "word-like.docx", 2).read_bytes()


def fold_differs(path: Path) -> str | None:
    """None when the reader gives the same for a file with and without run property folding
    (reader/fold.py): the same Document, or the same error; else both, for the report."""
    return fold_check(path)[0]


def fold_check(path: Path) -> tuple[str | None, bool]:
    """(what `fold_differs` says, whether the reader folded anything in the file)."""
    from naskah_lint.errors import UnreadableFile
    from naskah_lint.reader import package, read_document

    def read() -> str:
        try:
            return repr(read_document(path))
        except UnreadableFile as exc:
            return f"{exc.code} {exc.key} {sorted(exc.params.items())}"

    saved = package.fold
    folds: list[bool] = []

    def watched(data: bytes) -> tuple[bytes, list[bytes]] | None:
        result = saved(data)
        folds.append(result is not None)
        return result

    package.fold = watched  # the harness's own switches: the reader has none
    try:
        folded = read()
        package.fold = lambda data: None
        plain = read()
    finally:
        package.fold = saved
    if folded == plain:
        return None, any(folds)
    return f"folded: {folded[:300]}\nunfolded: {plain[:300]}", any(folds)


def generate(n: int, seed: int, structural_seeds: int | None = None) -> Iterator[Case]:
    """`n` cases: every structural case for the first `structural_seeds` fixtures (all when
    None), then random mutations of any fixture, reproducibly from `seed`."""
    seeds = seed_documents()
    rng = random.Random(seed)
    count = 0
    for s in seeds[:structural_seeds]:
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
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from _linter import make_file_linter

    return make_file_linter()


@dataclass(frozen=True)
class Outcome:
    """What one case did: time, the peak RSS growth, an escape or internal error, and the
    error code of the result (None = linted)."""

    name: str
    seconds: float
    rss_growth_kib: int
    crashed: str | None
    changed: bool
    error_code: str | None
    folded: bool = False  # the reader folded run properties (checked against an unfolded read)


class _Hang(Exception):
    pass


def _on_alarm(signum: int, frame: FrameType | None) -> None:
    raise _Hang


def run_case(
    case: Case, path: Path, lint: Callable[[Path], object], check_fold: bool = True
) -> Outcome:
    """Write the case to `path`, lint it, and check the result and the file; with
    `check_fold`, also that the read is the same without run property folding (an untimed
    second and third read)."""
    path.write_bytes(case.data)
    before = hashlib.sha256(case.data).hexdigest()
    rss0 = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    crashed = None
    code = None
    old = signal.signal(signal.SIGALRM, _on_alarm)
    signal.alarm(WATCHDOG_SECONDS)
    t0 = time.perf_counter()
    try:
        result = lint(path)
        internal = getattr(result, "internal_error", None)
        if internal:
            crashed = f"internal error: {internal}"
        err = getattr(result, "error", None)
        code = getattr(err, "code", None)
    except _Hang:
        crashed = f"hang: still running after {WATCHDOG_SECONDS} s"
    except Exception:  # the harness reports any escape as a crash
        crashed = traceback.format_exc(limit=8)
    finally:
        seconds = time.perf_counter() - t0
        signal.alarm(0)
        signal.signal(signal.SIGALRM, old)
    growth = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - rss0
    changed = hashlib.sha256(path.read_bytes()).hexdigest() != before
    folded = False
    if crashed is None and check_fold:
        differs, folded = fold_check(path)
        if differs is not None:
            crashed = f"folding changed the read:\n{differs}"
    return Outcome(case.name, seconds, growth, crashed, changed, code, folded)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    ap.add_argument("--cases", type=int, default=2000, help="number of cases (default 2000)")
    ap.add_argument("--seed", type=int, default=1068, help="random seed (default 1068)")
    ap.add_argument("--max-seconds", type=float, default=5.0, help="time limit per file")
    ap.add_argument("--workdir", type=Path, default=Path("/tmp/naskah-fuzz"))
    ap.add_argument("--verbose", action="store_true", help="print every case")
    ns = ap.parse_args(argv)
    ns.workdir.mkdir(parents=True, exist_ok=True)
    lint = make_linter()
    outcomes: list[Outcome] = []
    start_rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    t0 = time.perf_counter()
    for k, case in enumerate(generate(ns.cases, ns.seed)):
        out = run_case(case, ns.workdir / f"case-{k % 8}.docx", lint)
        outcomes.append(out)
        if ns.verbose:
            print(f"{k:5} {out.seconds:7.3f}s {out.error_code or 'linted':<10} {out.name}")
        if out.crashed:
            print(f"CRASH {out.name}:\n{out.crashed}", file=sys.stderr)
        if out.changed:
            print(f"CHANGED INPUT {out.name}", file=sys.stderr)
    total = time.perf_counter() - t0
    crashes = [o for o in outcomes if o.crashed]
    changed = [o for o in outcomes if o.changed]
    slow = [o for o in outcomes if o.seconds > ns.max_seconds]
    codes: dict[str, int] = {}
    for o in outcomes:
        key = "crash" if o.crashed else (o.error_code or "linted")
        codes[key] = codes.get(key, 0) + 1
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    times = sorted(o.seconds for o in outcomes)
    print(
        f"{len(outcomes)} cases in {total:.1f}s (seed {ns.seed}): crashes {len(crashes)}, "
        f"inputs changed {len(changed)}, slower than {ns.max_seconds:g}s: {len(slow)}"
    )
    print("outcomes: " + ", ".join(f"{k} {v}" for k, v in sorted(codes.items())))
    folded = sum(o.folded for o in outcomes)
    print(f"read with run properties folded (and the same unfolded): {folded} cases")
    print(
        f"time per file: median {times[len(times) // 2] * 1e3:.1f} ms, "
        f"p99 {times[min(len(times) - 1, len(times) * 99 // 100)] * 1e3:.0f} ms, "
        f"max {times[-1]:.2f} s"
    )
    worst = sorted(outcomes, key=lambda o: o.seconds, reverse=True)[:6]
    print("slowest: " + ", ".join(f"{o.name} {o.seconds:.2f}s" for o in worst))
    grew = sorted((o for o in outcomes if o.rss_growth_kib > 0), key=lambda o: -o.rss_growth_kib)
    print(
        "peak memory raised by: "
        + (", ".join(f"{o.name} +{o.rss_growth_kib / 1024:.0f} MiB" for o in grew[:6]) or "-")
    )
    print(
        f"peak RSS of the harness process: {peak:.0f} MiB (after start-up {start_rss / 1024:.0f} "
        "MiB)"
    )
    return 1 if crashes or changed or slow else 0


if __name__ == "__main__":
    sys.exit(main())
