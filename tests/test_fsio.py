"""Whole-or-nothing writes and the same-file test that guards inputs."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from naskah_lint.fsio import NEW_FILE_MODE, same_file, write_atomic


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_text_is_written_as_utf8_bytes_with_newlines_as_given(tmp_path: Path) -> None:
    target = tmp_path / "deep" / "er" / "laporan.txt"
    write_atomic(target, "Pasal 1\r\nketentuan – umum\n")
    assert target.read_bytes() == "Pasal 1\r\nketentuan – umum\n".encode()
    assert sorted(p.name for p in target.parent.iterdir()) == ["laporan.txt"]


@pytest.mark.skipif(os.name != "posix", reason="POSIX file modes")
def test_a_new_file_is_an_ordinary_file_and_a_replaced_one_keeps_its_mode(tmp_path: Path) -> None:
    fresh = tmp_path / "new.json"
    write_atomic(fresh, b"{}")
    assert _mode(fresh) == NEW_FILE_MODE
    kept = tmp_path / "kept.json"
    kept.write_bytes(b"old")
    kept.chmod(0o600)
    write_atomic(kept, b"new")
    assert (kept.read_bytes(), _mode(kept)) == (b"new", 0o600)


def test_a_failed_write_leaves_the_old_file_and_no_temporary(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "baseline.json"
    target.write_bytes(b"old")

    def refuse(self: Path, other: Path) -> Path:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(Path, "replace", refuse)
    with pytest.raises(OSError, match="No space left"):
        write_atomic(target, b"new")
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["baseline.json"]


def test_same_file_through_a_link_and_a_relative_path(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    draft = tmp_path / "draf.docx"
    draft.write_bytes(b"x")
    link = tmp_path / "tautan.docx"
    link.symlink_to(draft)
    monkeypatch.chdir(tmp_path)
    assert same_file(Path("draf.docx"), draft)
    assert same_file(link, draft)
    assert not same_file(tmp_path / "lain.docx", draft)
