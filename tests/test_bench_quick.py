"""`python bench/run.py --quick` works: it exits 0 and prints every figure (a)-(f) and the ratios
the performance targets are stated in. Timings are not asserted (CI machines vary); the full
benchmark is run by hand and its numbers are in the README."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
NUMBER = r"[0-9]+(?:\.[0-9]+)?"

pytest.importorskip("docx")


@pytest.fixture(scope="module")
def output(tmp_path_factory: pytest.TempPathFactory) -> str:
    work = tmp_path_factory.mktemp("bench")
    done = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "run.py"), "--quick", "--workdir", str(work)],
        capture_output=True,
        text=True,
        timeout=600,
        cwd=ROOT,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
    return done.stdout


@pytest.mark.parametrize("size", ["2-page", "20-page", "100-page"])
def test_in_process_row_has_floor_docx_lint_and_ratios(output: str, size: str) -> None:
    row = re.search(
        rf"^{size}\s+({NUMBER})ms\s+({NUMBER})ms\s+({NUMBER})ms\s+({NUMBER})\s+({NUMBER})$",
        output,
        re.MULTILINE,
    )
    assert row is not None, output
    a, b, c, ca, cb = (float(g) for g in row.groups())
    assert min(a, b, c) > 0
    assert ca == pytest.approx(c / a, rel=0.05, abs=0.01)
    assert cb == pytest.approx(c / b, rel=0.05, abs=0.01)


@pytest.mark.parametrize(
    "pattern",
    [
        rf"^\(d\) --help {NUMBER}s, --version {NUMBER}s \(target <= 0\.15 s\)$",
        rf"^\(d\) CLI cold, 2-page draft: {NUMBER}s \(target <= 0\.4 s\)$",
        rf"^\(d\) CLI cold, 2-page draft with untitled pasal \(spaCy\): {NUMBER}s; "
        rf"cold `import spacy` {NUMBER}s; difference [+-]{NUMBER}s \(target <= \+0\.3 s\)$",
        rf"^\(d\) CLI cold, 100-page draft: {NUMBER}s; cold python-docx walk {NUMBER}s; "
        rf"ratio {NUMBER} \(target <= 2\.0\)$",
        rf"^\(e\) 12 drafts: --jobs 1 {NUMBER}s, default jobs {NUMBER}s \(target <= 3 s\); "
        rf"one python-docx process walking them {NUMBER}s; ratio default/walk {NUMBER} "
        r"\(target <= 1\.0\)$",
        rf"^\(e\) CPU seconds: --jobs 1 {NUMBER}, default {NUMBER}, python-docx walk {NUMBER}; "
        rf"2 processes ran {NUMBER}x faster than 1 on this machine just now \(2 idle cores: ~2x\)$",
        rf"^\(f\) peak RSS: CLI on the 100-page draft {NUMBER} MiB \(python-docx walk {NUMBER} "
        rf"MiB\); folder --jobs 1 {NUMBER} MiB, default {NUMBER} MiB; largest {NUMBER} MiB "
        r"\(target <= 200 MB\)$",
    ],
    ids=["help", "cli-2-page", "cli-spacy", "cli-100-page", "folder", "folder-cpu", "rss"],
)
def test_every_figure_line_is_printed(output: str, pattern: str) -> None:
    assert re.search(pattern, output, re.MULTILINE), output
