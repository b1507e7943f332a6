"""The pack loader: the shipped pack loads; a broken pack is one ConfigError naming the file, the
key and the reason; packs and kinds are found by name, by folder and through entry points."""

from __future__ import annotations

import shutil
import sys
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from engine_docs import SHIPPED, TEST_KINDS, load, make_pack, rule_yaml, use_kinds

from naskah_lint import packs
from naskah_lint.engine import loader
from naskah_lint.engine.api import Kind
from naskah_lint.errors import ConfigError
from naskah_lint.kinds import formatting


def test_shipped_pack_loads_with_every_registered_kind() -> None:
    pack = loader.load_pack()
    assert (pack.name, pack.version, pack.path) == ("kpu-1068-2023", "1", "rules/kpu-1068-2023")
    ids = [r.id for r in pack.rules]
    assert ids == sorted(ids)
    assert {"FMT-PAPER-SIZE", "FMT-MARGINS", "FMT-FONT", "META-LANGUAGE"} <= set(ids)
    font = pack.rule("FMT-FONT")
    assert font is not None
    assert font.params.fonts == ("Arial", "Bookman Old Style")
    assert (font.params.min_size_pt, font.params.max_size_pt) == (11.0, 12.0)
    assert font.file == "rules/kpu-1068-2023/fmt.yml"
    assert loader.load_pack("kpu-1068-2023") is pack  # read once per process


def _break(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, file: str, old: str, new: str) -> str:
    """Copy the test pack, replace `old` by `new` in one file, load it; return the error."""
    use_kinds(monkeypatch)
    folder = make_pack(tmp_path, [rule_yaml("CONS-TEST-A", params="{hits: [{block: 1}]}")])
    path = folder / file
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(ConfigError) as info:
        load(folder)
    return f"{info.value.where} | {info.value.reason}"


BROKEN = [
    # (file, old, new, expected where, expected part of the reason)
    (
        "test.yml",
        "    source: ",
        "    colour: red\n    source: ",
        "pack/test.yml: rules[0].colour",
        "unknown key [CONS-TEST-A, line 2]",
    ),
    (
        "test.yml",
        "id: CONS-TEST-A",
        "id: cons-test-a",
        "pack/test.yml: rules[0].id",
        "expected <GROUP>-<NAME> in capitals",
    ),
    (
        "test.yml",
        "group: CONS",
        "group: FMT",
        "pack/test.yml: rules[0].group",
        "'FMT' does not match the id prefix of CONS-TEST-A",
    ),
    (
        "test.yml",
        "id: CONS-TEST-A\n    group: CONS",
        "id: FMT-FONT\n    group: FMT",
        "pack/test.yml: rules[0].id",
        "duplicate id FMT-FONT (first defined in pack/fmt.yml)",
    ),
    (
        "test.yml",
        "severity: warning",
        "severity: fatal",
        "pack/test.yml: rules[0].severity",
        "expected one of error, warning, info, got 'fatal'",
    ),
    (
        "test.yml",
        'en: "Title CONS-TEST-A"',
        'fr: "Titre"',
        "pack/test.yml: rules[0].title.en",
        "missing (both languages are required)",
    ),
    (
        "test.yml",
        "kind: test-hits",
        "kind: no-such-kind",
        "pack/test.yml: rules[0].kind",
        "unknown kind 'no-such-kind'",
    ),
    (
        "test.yml",
        "applies_to: [NK,",
        "applies_to: [MOU,",
        "pack/test.yml: rules[0].applies_to[0]",
        "expected one of NK, PKS, ADDENDUM, OTHER, got 'MOU'",
    ),
    (
        "test.yml",
        "confidence: practice",
        "confidence: sure",
        "pack/test.yml: rules[0].confidence",
        "expected one of verified, secondary, practice, recalled",
    ),
    (
        "test.yml",
        '    source: "test"\n',
        "",
        "pack/test.yml: rules[0].source",
        "required key is missing",
    ),
    (
        "test.yml",
        "'Nilai {value}.'",
        "'Nilai {value.'",
        "pack/test.yml: rules[0].messages.default.id",
        "not a valid template",
    ),
    (
        "test.yml",
        "'Value {value}.'",
        "'Value {other}.'",
        "pack/test.yml: rules[0].messages.default",
        "different fields (only in id: value; only in en: other)",
    ),
    (
        "test.yml",
        "{hits: [{block: 1}]}",
        "{hits: [{block: one}]}",
        "pack/test.yml: rules[0].params.hits[0].block",
        "expected an integer or null, got 'one'",
    ),
    (
        "test.yml",
        "{hits: [{block: 1}]}",
        "{hitz: []}",
        "pack/test.yml: rules[0].params.hitz",
        "unknown parameter (known: hits)",
    ),
    (
        "fmt.yml",
        "tolerance_mm: 1\n",
        "tolerance_mm: 1\n      colour: red\n",
        "pack/fmt.yml: rules[0].params.colour",
        "unknown parameter (known: sizes, tolerance_mm)",
    ),
    (
        "fmt.yml",
        'fonts: ["Arial", "Bookman Old Style"]',
        "fonts: Arial",
        "pack/fmt.yml: rules[2].params.fonts",
        "expected a list of strings, got 'Arial'",
    ),
    (
        "fmt.yml",
        "width_mm: 215, height_mm: 330}",
        "width_mm: wide, height_mm: 330}",
        "pack/fmt.yml: rules[0].params.sizes[1].width_mm",
        "expected a number, got 'wide'",
    ),
    (
        "fmt.yml",
        "min_size_pt: 11",
        "min_size_pt: [11]",
        "pack/fmt.yml: rules[2].params.min_size_pt",
        "expected a number, got [11]",
    ),
    (
        "test.yml",
        "    kind: test-hits",
        "    kind: test-hits\n    kind: engine",
        "pack/test.yml:9",
        "invalid YAML: duplicate key 'kind'",
    ),
    ("test.yml", "    doc: {", "    doc: {{", "pack/test.yml:", "invalid YAML"),
    ("pack.yml", "name: kpu-1068-2023", "nama: kpu", "pack/pack.yml: nama", "unknown key"),
]


@pytest.mark.parametrize(("file", "old", "new", "where", "reason"), BROKEN)
def test_broken_pack_names_file_key_and_reason(
    tmp_path, monkeypatch, file: str, old: str, new: str, where: str, reason: str
) -> None:
    message = _break(tmp_path, monkeypatch, file, old, new)
    got_where, got_reason = message.split(" | ", 1)
    assert got_where.startswith(where), message
    assert reason in got_reason, message


def test_params_are_typed_and_frozen(tmp_path, monkeypatch) -> None:
    use_kinds(monkeypatch)
    pack = load(make_pack(tmp_path))
    paper = pack.rule("FMT-PAPER-SIZE")
    assert paper is not None
    sizes = paper.params.sizes
    assert isinstance(sizes, tuple)
    assert (sizes[2].name, sizes[2].width_mm, sizes[2].height_mm) == ("Folio", 215.9, 330.2)
    assert isinstance(sizes[0].width_mm, float)
    assert paper.messages["unset"].en.startswith("The paper size of section {section}")


def test_override_params_validates_like_the_pack(tmp_path, monkeypatch) -> None:
    use_kinds(monkeypatch)
    font = load(make_pack(tmp_path)).rule("FMT-FONT")
    assert font is not None
    changed = loader.override_params(font.params, {"fonts": ["Arial"]}, "cfg: params.FMT-FONT")
    assert changed.fonts == ("Arial",) and changed.min_size_pt == 11.0
    with pytest.raises(ConfigError) as info:
        loader.override_params(font.params, {"fonts": "Arial"}, "cfg: params.FMT-FONT")
    assert info.value.where == "cfg: params.FMT-FONT.fonts"
    with pytest.raises(ConfigError) as info:
        loader.override_params(font.params, {"font": ["Arial"]}, "cfg: params.FMT-FONT")
    assert info.value.where == "cfg: params.FMT-FONT.font"


# --------------------------------------------------------------------------- lookup


def test_find_pack_by_name_folder_and_error(tmp_path) -> None:
    folder, display = packs.find_pack("kpu-1068-2023")
    assert (folder / "pack.yml").is_file() and display == "rules/kpu-1068-2023"
    copy = tmp_path / "my-pack"
    shutil.copytree(SHIPPED, copy)
    assert packs.find_pack(str(copy)) == (copy, str(copy))
    with pytest.raises(ConfigError) as info:
        packs.find_pack(str(tmp_path / "nothing"))
    assert info.value.where == "--profile"
    (tmp_path / "empty").mkdir()
    with pytest.raises(ConfigError) as info:
        packs.find_pack(str(tmp_path / "empty"))
    assert "needs a pack.yml" in info.value.reason


def _install(root: Path, monkeypatch, group: str, entries: dict[str, str]) -> None:
    """Put a real distribution declaring `entries` under `group` first on sys.path (alone with
    the interpreter's own folders), as `pip install` of a plug-in would."""
    root.mkdir(parents=True, exist_ok=True)
    info = root / "demo_plugin-1.0.dist-info"
    info.mkdir()
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: demo-plugin\nVersion: 1.0\n")
    lines = "".join(f"{name} = {value}\n" for name, value in entries.items())
    (info / "entry_points.txt").write_text(f"[{group}]\n{lines}")
    monkeypatch.setattr(sys, "path", [str(root), *sys.path])


@pytest.fixture
def fresh_registry(monkeypatch) -> Iterator[None]:
    """Only the formatting kinds built in; the kinds registry rebuilt around the test."""
    monkeypatch.setattr("naskah_lint.kinds.builtin_kinds", lambda: formatting.KINDS)
    loader.registered_kinds.cache_clear()
    yield
    loader.registered_kinds.cache_clear()


def test_third_party_kinds_register_through_entry_points(
    tmp_path, monkeypatch, fresh_registry
) -> None:
    _install(tmp_path, monkeypatch, loader.KINDS_GROUP, {"demo": "engine_docs:TEST_KINDS"})
    registry = loader.registered_kinds()
    assert {"paper-size", "margins", "body-font", "engine", "test-hits", "test-crash"} == set(
        registry
    )
    assert registry["test-hits"] is TEST_KINDS[0]


def test_single_kind_entry_point_and_conflicts(tmp_path, monkeypatch, fresh_registry) -> None:
    single: Kind[object] = TEST_KINDS[1]
    monkeypatch.setattr("engine_docs.SINGLE", single, raising=False)
    base = list(sys.path)
    _install(tmp_path / "one", monkeypatch, loader.KINDS_GROUP, {"one": "engine_docs:SINGLE"})
    assert loader.registered_kinds()["test-crash"] is single

    loader.registered_kinds.cache_clear()
    monkeypatch.setattr(sys, "path", base)
    clash = {"clash": "naskah_lint.kinds.formatting:KINDS"}
    _install(tmp_path / "clash", monkeypatch, loader.KINDS_GROUP, clash)
    with pytest.raises(ConfigError) as info:
        loader.registered_kinds()
    assert info.value.where.startswith("entry point naskah_lint.kinds: clash")
    assert "already registered by naskah_lint.kinds.formatting" in info.value.reason

    loader.registered_kinds.cache_clear()
    monkeypatch.setattr(sys, "path", base)
    broken = {"broken": "no_such_module_xyz:KINDS"}
    _install(tmp_path / "broken", monkeypatch, loader.KINDS_GROUP, broken)
    with pytest.raises(ConfigError) as info:
        loader.registered_kinds()
    assert "cannot be loaded (ModuleNotFoundError" in info.value.reason


def test_installed_pack_by_name(tmp_path, monkeypatch) -> None:
    copy = tmp_path / "acme-pack"
    shutil.copytree(SHIPPED, copy)
    monkeypatch.setattr("engine_docs.ACME", str(copy), raising=False)
    _install(tmp_path / "site", monkeypatch, packs.PACKS_GROUP, {"acme": "engine_docs:ACME"})
    assert packs.find_pack("acme") == (copy, str(copy))
    assert packs.is_pack_name("acme") and not packs.is_pack_name("other")


def test_entry_point_scan_skips_importlib_metadata_only_when_nothing_declares(
    tmp_path, monkeypatch
) -> None:
    """The cheap scan answers False only when it is sure; a declaring dist-info, a zip or an egg
    on the path send the question on to importlib.metadata."""
    base = [str(tmp_path / "nothing-installed")]
    monkeypatch.setattr(sys, "path", base)
    assert not packs.may_declare(loader.KINDS_GROUP)
    assert packs.entry_points(loader.KINDS_GROUP) == ()

    _install(tmp_path / "site", monkeypatch, "other.group", {"x": "engine_docs:ACME"})
    assert not packs.may_declare(loader.KINDS_GROUP)

    monkeypatch.setattr(sys, "path", base)
    _install(tmp_path / "site2", monkeypatch, loader.KINDS_GROUP, {"demo": "engine_docs:X"})
    assert packs.may_declare(loader.KINDS_GROUP)
    assert [ep.name for ep in packs.entry_points(loader.KINDS_GROUP)] == ["demo"]

    archive = tmp_path / "plugins.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        zf.writestr("placeholder.txt", "")
    monkeypatch.setattr(sys, "path", [*base, str(archive)])
    assert packs.may_declare(loader.KINDS_GROUP)

    eggs = tmp_path / "eggs"
    (eggs / "demo-1.0-py3.11.egg").mkdir(parents=True)
    monkeypatch.setattr(sys, "path", [*base, str(eggs)])
    assert packs.may_declare(loader.KINDS_GROUP)
