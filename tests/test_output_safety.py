"""Output safety of `check` (issue 6 §4): --output, --write-baseline and --annotate never write
over an input, write whole files through a temporary name, and a destination that cannot take
the file gives one line and exit 2. (Atomic writes into new folders and an output named like an
input are covered in test_cli_check.py.)"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import stat
import threading
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from naskah_lint.cli import main

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = ROOT / "fixtures" / "defect-pks.docx"
OTHER = ROOT / "fixtures" / "clean-nk.docx"
SELECT = ["--select", "FMT-TITLE-CAPS,CONS-XREF,CONS-PASAL-SEQUENCE"]  # errors in defect-pks

pytestmark = pytest.mark.skipif(not FIXTURE.is_file(), reason="fixtures not built")


def _invoke(args: list[str], cwd: Path) -> Result:
    old = Path.cwd()
    os.chdir(cwd)
    try:
        return CliRunner().invoke(main, args, catch_exceptions=False)
    finally:
        os.chdir(old)


def _digests(folder: Path) -> dict[str, str]:
    """sha256 of every file under a folder, by relative path."""
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and not p.is_symlink()
    }


@pytest.fixture
def work(tmp_path: Path) -> Path:
    """A folder with two drafts: a.docx, and b.docx that happens to be named like a copy."""
    shutil.copy(FIXTURE, tmp_path / "a.docx")
    shutil.copy(OTHER, tmp_path / "a.naskah-lint.docx")
    return tmp_path


def test_annotate_refuses_to_replace_another_input(work: Path) -> None:
    before = _digests(work)
    result = _invoke(["check", "a.docx", "a.naskah-lint.docx", "--annotate", ".", *SELECT], work)
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.splitlines() == [
        "naskah-lint: a.naskah-lint.docx: salinan beranotasi akan menimpa berkas masukan; "
        "pilih folder --annotate lain"
    ]
    assert _digests(work) == before  # nothing written, nothing changed


def test_annotate_over_a_non_input_copy_is_allowed(work: Path) -> None:
    result = _invoke(["check", "a.docx", "--annotate", ".", "--format", "json", *SELECT], work)
    assert result.exit_code == 1
    assert (
        hashlib.sha256((work / "a.docx").read_bytes()).digest()
        == hashlib.sha256(FIXTURE.read_bytes()).digest()
    )
    assert (work / "a.naskah-lint.docx").read_bytes() != OTHER.read_bytes()


def test_write_baseline_never_overwrites_an_input(work: Path) -> None:
    before = _digests(work)
    result = _invoke(["check", ".", "--write-baseline", "a.docx", *SELECT], work)
    assert result.exit_code == 2
    assert len(result.stderr.splitlines()) == 1
    assert "termasuk masukan" in result.stderr
    assert _digests(work) == before


def test_output_through_a_link_to_an_input_is_refused(work: Path) -> None:
    (work / "report.json").symlink_to(work / "a.docx")
    before = _digests(work)
    result = _invoke(["check", "a.docx", "--output", "report.json", *SELECT], work)
    assert result.exit_code == 2
    assert len(result.stderr.splitlines()) == 1
    assert _digests(work) == before
    assert (work / "report.json").is_symlink()


def test_output_through_a_link_replaces_the_target_and_keeps_the_link(work: Path) -> None:
    (work / "reports").mkdir()
    target = work / "reports" / "latest.json"
    target.write_text("old", encoding="utf-8")
    (work / "report.json").symlink_to(target)
    result = _invoke(
        ["check", "a.docx", "--format", "json", "--output", "report.json", *SELECT], work
    )
    assert result.exit_code == 1
    assert (work / "report.json").is_symlink()
    assert json.loads(target.read_text(encoding="utf-8"))["files"][0]["path"] == "a.docx"
    assert sorted(p.name for p in (work / "reports").iterdir()) == ["latest.json"]


def test_output_into_a_pipe_writes_into_it(work: Path) -> None:
    fifo = work / "pipe"
    os.mkfifo(fifo)
    received: list[bytes] = []

    def drain() -> None:
        with fifo.open("rb") as handle:
            received.append(handle.read())

    reader = threading.Thread(target=drain)
    reader.start()
    result = _invoke(["check", "a.docx", "--format", "json", "--output", "pipe", *SELECT], work)
    reader.join(timeout=30)
    assert result.exit_code == 1
    assert stat.S_ISFIFO(fifo.lstat().st_mode)  # still a pipe, not replaced by a file
    assert json.loads(received[0])["summary"]["error"] >= 1


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="no /dev/full")
def test_full_device_is_one_line_and_exit_2(work: Path) -> None:
    mode = Path("/dev/full").stat().st_mode
    result = _invoke(["check", "a.docx", "--format", "json", "--output", "/dev/full"], work)
    assert result.exit_code == 2
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("naskah-lint: tidak dapat menulis /dev/full: ")
    assert Path("/dev/full").stat().st_mode == mode and stat.S_ISCHR(mode)


def test_annotate_into_an_unwritable_place_is_one_line_and_exit_2(work: Path) -> None:
    (work / "blocker").write_text("x", encoding="utf-8")
    before = _digests(work)
    result = _invoke(["check", "a.docx", "--annotate", "blocker/review", *SELECT], work)
    assert result.exit_code == 2
    assert len(result.stderr.splitlines()) == 1
    assert "a.naskah-lint.docx" in result.stderr
    assert _digests(work) == before


def test_english_message_for_an_unwritable_report(work: Path) -> None:
    (work / "blocker").write_text("x", encoding="utf-8")
    args = ["check", "a.docx", "--lang", "en", "--output", "blocker/r.json", *SELECT]
    result = _invoke(args, work)
    assert result.exit_code == 2
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("naskah-lint: cannot write blocker/r.json: ")


def test_inputs_are_unchanged_after_a_run_that_writes_everything(work: Path) -> None:
    inputs = _digests(work)
    args = [
        "check",
        ".",
        "--format",
        "json",
        "--output",
        "out/report.json",
        "--write-baseline",
        "out/baseline.json",
        "--annotate",
        "out/review",
        *SELECT,
    ]
    result = _invoke(args, work)
    assert result.exit_code == 1
    after = _digests(work)
    assert {k: after[k] for k in inputs} == inputs
    written = sorted(k for k in after if k not in inputs)
    assert written == [
        "out/baseline.json",
        "out/report.json",
        "out/review/a.naskah-lint.docx",  # the folder walk skips a.naskah-lint.docx
    ]
