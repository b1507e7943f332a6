"""Benchmark naskah-lint against the raw-parse floor and against python-docx.

Run with the project installed (`python3 -m pip install .`): `python bench/run.py`.
`--quick` uses small inputs and one repetition (CI runs it only to check that it works).

It generates a 2-page, a 20-page and a 100-page agreement and a folder of 200 mixed two-page
drafts, then measures in one run (median of several repetitions):
  (a) the raw floor: zip + lxml parse of every XML part the reader reads;
  (b) python-docx: Document() + walking paragraphs, runs and table cells;
  (c) naskah-lint in-process `lint_file` (read + outline + all rules);
  (d) the CLI as a cold process on one 2-page draft, `--help` and `--version`;
  (e) the 200-draft folder with `--jobs 1` and with the default;
  (f) peak RSS of the CLI on the 100-page draft;
and prints every figure and the ratios the performance targets are stated in.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
import zipfile
from collections.abc import Callable
from pathlib import Path

PYTHON = sys.executable

PASAL_TITLES = [
    "MAKSUD DAN TUJUAN",
    "RUANG LINGKUP",
    "PELAKSANAAN",
    "HAK DAN KEWAJIBAN",
    "PEMBIAYAAN",
    "JANGKA WAKTU",
    "MONITORING DAN EVALUASI",
    "KEADAAN KAHAR",
    "PENYELESAIAN PERSELISIHAN",
    "PERUBAHAN",
    "PENGAKHIRAN",
    "KERAHASIAAN",
    "KORESPONDENSI",
    "LAIN-LAIN",
]

AYAT = (
    "PIHAK KESATU dan PIHAK KEDUA sepakat untuk melaksanakan kegiatan sebagaimana dimaksud "
    "dalam Pasal 2 secara terkoordinasi, dengan memperhatikan ketentuan peraturan "
    "perundang-undangan, dalam jangka waktu 14 (empat belas) hari kalender sejak "
    "pemberitahuan tertulis diterima oleh masing-masing PIHAK."
)


def make_agreement(path: Path, pages: int, titled: bool = True) -> Path:
    """Write a PKS-shaped draft of about `pages` A4 pages (~15 paragraphs a page)."""
    from docx import Document
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Mm, Pt

    doc = Document()
    sec = doc.sections[0]
    sec.page_width, sec.page_height = Mm(210), Mm(297)
    sec.left_margin, sec.right_margin = Mm(30), Mm(20)
    sec.top_margin, sec.bottom_margin = Mm(20), Mm(25)
    style = doc.styles["Normal"]
    style.font.name = "Arial"
    style.font.size = Pt(12)

    def center(text: str, bold: bool = True) -> None:
        p = doc.add_paragraph()
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        p.add_run(text).bold = bold

    for line in (
        "PERJANJIAN KERJA SAMA",
        "ANTARA",
        "SEKRETARIAT KOMISI PEMILIHAN UMUM KABUPATEN KARANGANYAR",
        "DENGAN",
        "FAKULTAS HUKUM UNIVERSITAS CONTOH",
        "TENTANG",
        "PENDIDIKAN PEMILIH DAN KAJIAN KEPEMILUAN",
        "NOMOR: 12/PR.07-PKS/3313/2024",
        "NOMOR: 045/UC-FH/PKS/VII/2024",
    ):
        center(line)
    doc.add_paragraph(
        "Pada hari ini Senin, tanggal delapan bulan Juli tahun dua ribu dua puluh empat "
        "(08-07-2024), bertempat di Karanganyar, kami yang bertanda tangan di bawah ini:"
    )
    doc.add_paragraph(
        "1. NAMA SATU, S.H., Sekretaris Komisi Pemilihan Umum Kabupaten Karanganyar, dalam hal "
        "ini bertindak untuk dan atas nama Sekretariat Komisi Pemilihan Umum Kabupaten "
        "Karanganyar, berkedudukan di Jalan Contoh Nomor 1, Karanganyar, selanjutnya disebut "
        "PIHAK KESATU;"
    )
    doc.add_paragraph(
        "2. Dr. NAMA DUA, M.H., Dekan Fakultas Hukum Universitas Contoh, dalam hal ini "
        "bertindak untuk dan atas nama Fakultas Hukum Universitas Contoh, berkedudukan di "
        "Jalan Kampus Nomor 2, Surakarta, selanjutnya disebut PIHAK KEDUA."
    )
    doc.add_paragraph(
        "PIHAK KESATU dan PIHAK KEDUA secara bersama-sama disebut PARA PIHAK dan masing-masing "
        "disebut PIHAK."
    )
    doc.add_paragraph(
        "Berdasarkan hal tersebut, PARA PIHAK sepakat mengadakan Perjanjian Kerja Sama dengan "
        "ketentuan sebagai berikut:"
    )
    target = pages * 15
    n = 0
    while len(doc.paragraphs) < target - 8:
        n += 1
        center(f"Pasal {n}")
        if titled:
            center(PASAL_TITLES[(n - 1) % len(PASAL_TITLES)])
        for k in range(1, 5):
            doc.add_paragraph(f"({k}) {AYAT}")
    doc.add_paragraph(
        "Demikian Perjanjian Kerja Sama ini dibuat dalam rangkap 2 (dua), masing-masing "
        "bermeterai cukup dan mempunyai kekuatan hukum yang sama."
    )
    table = doc.add_table(rows=4, cols=2)
    cells = [
        ("PIHAK KEDUA,", "PIHAK KESATU,"),
        ("Dekan Fakultas Hukum Universitas Contoh,", "Sekretaris KPU Kabupaten Karanganyar,"),
        ("Meterai Rp10.000", ""),
        ("Dr. NAMA DUA, M.H.", "NAMA SATU, S.H."),
    ]
    for r, (left, right) in enumerate(cells):
        table.cell(r, 0).text = left
        table.cell(r, 1).text = right
    doc.save(str(path))
    return path


def floor_parse(path: Path) -> None:
    """(a) zip + lxml parse of every XML part the reader reads."""
    from lxml import etree

    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
    with zipfile.ZipFile(path) as zf:
        for name in zf.namelist():
            if name.endswith((".xml", ".rels")) and (
                name.startswith(("word/", "docProps/", "_rels/")) or name == "[Content_Types].xml"
            ):
                etree.fromstring(zf.read(name), parser)


def docx_walk(path: Path) -> int:
    """(b) what a hand-written python-docx script costs: open, walk paragraphs/runs/cells."""
    import docx

    d = docx.Document(str(path))
    n = 0
    for p in d.paragraphs:
        for r in p.runs:
            n += len(r.text)
    for t in d.tables:
        for row in t.rows:
            for c in row.cells:
                for p in c.paragraphs:
                    for r in p.runs:
                        n += len(r.text)
    return n


WALK_SCRIPT = """
import sys, docx
n = 0
for path in sys.argv[1:]:
    d = docx.Document(path)
    for p in d.paragraphs:
        for r in p.runs:
            n += len(r.text)
    for t in d.tables:
        for row in t.rows:
            for c in row.cells:
                for p in c.paragraphs:
                    for r in p.runs:
                        n += len(r.text)
print(n)
"""


def median_time(fn: Callable[[], object], reps: int) -> float:
    times = []
    for _ in range(reps):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def run_proc(args: list[str]) -> tuple[float, int, int]:
    """Run a process; return (seconds, exit code, peak RSS in KiB of that process tree)."""
    t0 = time.perf_counter()
    proc = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - t0
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.stderr is not None:
        err = proc.stderr.read().decode(errors="replace")
        if "Traceback" in err:
            raise SystemExit(f"{args}: traceback\n{err}")
    return elapsed, proc.returncode, int(usage.ru_maxrss)


def median_proc(args: list[str], reps: int) -> tuple[float, int]:
    runs = [run_proc(args) for _ in range(reps)]
    return statistics.median(r[0] for r in runs), max(r[2] for r in runs)


def cli(*args: str) -> list[str]:
    return [PYTHON, "-m", "naskah_lint.cli", *args]


def lint_in_process(path: Path) -> Callable[[], object]:
    """(c) naskah-lint in-process: read + outline + all rules, pack loaded once."""
    from _linter import make_file_linter

    runner = make_file_linter()
    return lambda: runner(path)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true", help="small inputs, one repetition")
    ap.add_argument("--reps", type=int, default=7)
    ap.add_argument("--workdir", type=Path, default=None)
    ns = ap.parse_args()
    reps = 1 if ns.quick else ns.reps
    sizes = {"2-page": 2, "20-page": 4 if ns.quick else 20, "100-page": 6 if ns.quick else 100}
    folder_n = 12 if ns.quick else 200

    work = ns.workdir or Path(tempfile.mkdtemp(prefix="naskah-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    files = {k: make_agreement(work / f"{k}.docx", v) for k, v in sizes.items()}
    untitled = make_agreement(work / "untitled-2-page.docx", 2, titled=False)
    folder = work / "folder"
    folder.mkdir(exist_ok=True)
    base = files["2-page"].read_bytes()
    for i in range(folder_n):
        if i % 4 == 3:
            make_agreement(folder / f"draft-{i:03d}.docx", 3, titled=bool(i % 8))
        else:
            (folder / f"draft-{i:03d}.docx").write_bytes(base)
    folder_files = sorted(str(p) for p in folder.glob("*.docx"))

    print(f"naskah-lint benchmark ({'quick' if ns.quick else f'median of {reps}'}), in {work}")
    print(f"{'input':<10} {'(a) floor':>11} {'(b) docx':>11} {'(c) lint':>11} {'c/a':>7} {'c/b':>7}")
    for name, path in files.items():
        lint = lint_in_process(path)
        lint()  # warm imports and the pack once, as a long-running process would
        a = median_time(lambda p=path: floor_parse(p), reps)
        b = median_time(lambda p=path: docx_walk(p), reps)
        c = median_time(lint, reps)
        print(f"{name:<10} {a * 1e3:>9.1f}ms {b * 1e3:>9.1f}ms {c * 1e3:>9.1f}ms "
              f"{c / a:>7.2f} {c / b:>7.2f}")

    big = str(files["100-page"])
    two = str(files["2-page"])
    help_t, _ = median_proc(cli("--help"), reps)
    ver_t, _ = median_proc(cli("--version"), reps)
    cold2, _ = median_proc(cli("check", two, "--format", "json", "--fail-on", "never"), reps)
    spacy_t, _ = median_proc([PYTHON, "-c", "import spacy"], reps)
    cold_untitled, _ = median_proc(
        cli("check", str(untitled), "--format", "json", "--fail-on", "never"), reps
    )
    cold100, rss100 = median_proc(cli("check", big, "--format", "json", "--fail-on", "never"), reps)
    walk100, walk_rss = median_proc([PYTHON, "-c", WALK_SCRIPT, big], reps)
    print()
    print(f"(d) --help {help_t:.3f}s, --version {ver_t:.3f}s (target <= 0.15 s)")
    print(f"(d) CLI cold, 2-page draft: {cold2:.3f}s (target <= 0.4 s)")
    print(f"(d) CLI cold, 2-page draft with untitled pasal (spaCy): {cold_untitled:.3f}s; "
          f"cold `import spacy` {spacy_t:.3f}s; difference {cold_untitled - spacy_t:+.3f}s "
          f"(target <= +0.3 s)")
    print(f"(d) CLI cold, 100-page draft: {cold100:.3f}s; cold python-docx walk {walk100:.3f}s; "
          f"ratio {cold100 / walk100:.2f} (target <= 2.0)")

    seq, rss_seq = median_proc(
        cli("check", str(folder), "--jobs", "1", "--format", "json", "--fail-on", "never"),
        max(1, reps // 2),
    )
    par, rss_par = median_proc(
        cli("check", str(folder), "--format", "json", "--fail-on", "never"), max(1, reps // 2)
    )
    walk_folder, _ = median_proc([PYTHON, "-c", WALK_SCRIPT, *folder_files], max(1, reps // 2))
    print(f"(e) {folder_n} drafts: --jobs 1 {seq:.2f}s, default jobs {par:.2f}s "
          f"(target <= 3 s); one python-docx process walking them {walk_folder:.2f}s; "
          f"ratio default/walk {par / walk_folder:.2f} (target <= 1.0)")
    peak = max(rss100, rss_par, rss_seq)
    print(f"(f) peak RSS: CLI on 100-page draft {rss100 / 1024:.0f} MiB "
          f"(python-docx walk {walk_rss / 1024:.0f} MiB); folder runs {rss_seq / 1024:.0f} / "
          f"{rss_par / 1024:.0f} MiB; largest {peak / 1024:.0f} MiB (target <= 200 MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
