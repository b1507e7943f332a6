"""The on-disk cache of validated packs: used only while the pack files, the kinds and the tool
are unchanged; a broken pack, a damaged or foreign cache file and a disabled cache all fall
back to parsing."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from engine_docs import SHIPPED

from naskah_lint.engine import cache, loader
from naskah_lint.errors import ConfigError
from naskah_lint.kinds import formatting


@pytest.fixture
def cache_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A private cache folder; the per-process pack memo cleared around the test."""
    folder = tmp_path / "cache"
    monkeypatch.setenv(cache.CACHE_DIR_ENV, str(folder))
    monkeypatch.delenv(cache.NO_CACHE_ENV, raising=False)
    loader._load.cache_clear()
    yield folder
    loader._load.cache_clear()


def _pack_copy(tmp_path: Path) -> Path:
    folder = tmp_path / "pack"
    shutil.copytree(SHIPPED, folder)
    return folder


def _fresh_load(folder: Path) -> loader.Pack:
    """Load as a new process would: no per-process memo."""
    loader._load.cache_clear()
    return loader.load_pack(str(folder))


def _no_parsing(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(folder: Path, display: str) -> loader.Pack:
        raise AssertionError(f"parsed {display} although it is cached")

    monkeypatch.setattr(loader, "parse_pack", refuse)


def test_second_load_comes_from_the_cache_and_equals_the_parsed_pack(
    tmp_path: Path, cache_folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = _pack_copy(tmp_path)
    parsed = _fresh_load(folder)
    entries = list(cache_folder.glob("pack-*.pickle"))
    assert len(entries) == 1
    if hasattr(os, "getuid"):
        assert entries[0].stat().st_mode & 0o022 == 0
    _no_parsing(monkeypatch)
    cached = _fresh_load(folder)
    assert cached == parsed
    assert cached is not parsed
    assert cached.rule("FMT-FONT") == parsed.rule("FMT-FONT")


def test_an_edited_pack_file_is_parsed_again(
    tmp_path: Path, cache_folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = _pack_copy(tmp_path)
    before = _fresh_load(folder).rule("FMT-FONT")
    assert before is not None
    path = folder / Path(before.file).name
    text = path.read_text(encoding="utf-8")
    # same size, same modification time: only the content tells the change
    stat = path.stat()
    changed = text.replace("Arial", "Arian", 1)
    assert len(changed) == len(text) and changed != text
    path.write_text(changed, encoding="utf-8")
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    after = _fresh_load(folder).rule("FMT-FONT")
    assert after is not None
    assert after.params.fonts[0] == "Arian"
    assert before.params.fonts[0] == "Arial"


def test_a_new_rule_file_is_seen(tmp_path: Path, cache_folder: Path) -> None:
    folder = _pack_copy(tmp_path)
    count = len(_fresh_load(folder).rules)
    extra = (folder / "fmt.yml").read_text(encoding="utf-8")
    rule = extra.split("\n  - id: ", 2)[1]
    (folder / "zz-extra.yml").write_text(
        "rules:\n  - id: " + rule.replace("FMT-", "FMT-COPY-", 1), encoding="utf-8"
    )
    assert len(_fresh_load(folder).rules) == count + 1


def test_a_broken_pack_is_never_cached(tmp_path: Path, cache_folder: Path) -> None:
    folder = _pack_copy(tmp_path)
    path = folder / "fmt.yml"
    path.write_text(path.read_text(encoding="utf-8") + "\n  - id: [\n", encoding="utf-8")
    for _ in range(2):
        with pytest.raises(ConfigError) as info:
            _fresh_load(folder)
        assert info.value.where.startswith(f"{folder}/fmt.yml:")
    assert not list(cache_folder.glob("pack-*.pickle"))


def test_damaged_or_foreign_entries_are_rebuilt(tmp_path: Path, cache_folder: Path) -> None:
    folder = _pack_copy(tmp_path)
    parsed = _fresh_load(folder)
    [entry] = cache_folder.glob("pack-*.pickle")
    entry.write_bytes(entry.read_bytes()[:100])  # truncated
    assert _fresh_load(folder) == parsed
    assert entry.stat().st_size > 1000  # rewritten whole
    if hasattr(os, "getuid"):
        entry.chmod(0o666)  # anybody could have written it: not trusted
        assert cache.load(entry.stem, None) is None
        assert _fresh_load(folder) == parsed


def test_a_different_kinds_registry_does_not_use_the_entry(
    tmp_path: Path, cache_folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = _pack_copy(tmp_path)
    _fresh_load(folder)
    monkeypatch.setattr("naskah_lint.kinds.builtin_kinds", lambda: formatting.KINDS)
    loader.registered_kinds.cache_clear()
    try:
        with pytest.raises(ConfigError) as info:
            _fresh_load(folder)
        assert "unknown kind" in info.value.reason
    finally:
        loader.registered_kinds.cache_clear()


def test_the_cache_can_be_turned_off(
    tmp_path: Path, cache_folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(cache.NO_CACHE_ENV, "1")
    assert cache.cache_dir() is None
    _fresh_load(_pack_copy(tmp_path))
    assert not cache_folder.exists()


def test_cache_folder_defaults(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv(cache.NO_CACHE_ENV, raising=False)
    monkeypatch.delenv(cache.CACHE_DIR_ENV, raising=False)
    if os.name == "nt":
        pytest.skip("POSIX folders")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert cache.cache_dir() == tmp_path / "xdg" / "naskah-lint"
    monkeypatch.setenv("XDG_CACHE_HOME", "relative/not/used")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert cache.cache_dir() == tmp_path / "home" / ".cache" / "naskah-lint"
    monkeypatch.setenv(cache.CACHE_DIR_ENV, "relative")
    assert cache.cache_dir() is None


def test_store_refuses_what_it_cannot_pickle(cache_folder: Path) -> None:
    assert cache.store("lambda", 1, lambda: None) is False
    assert cache.store("value", ("k", 1), {"a": (1, 2)}) is True
    assert cache.load("value", ("k", 1)) == {"a": (1, 2)}
    assert cache.load("value", ("k", 2)) is None
    assert cache.load("missing", ("k", 1)) is None
