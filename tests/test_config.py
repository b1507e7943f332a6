"""Config files: discovery, validation with the key named, flags winning over the file, and
overrides (severity, params, per-path ignores) checked against the pack."""

from __future__ import annotations

from pathlib import Path

import pytest

from naskah_lint.api import prepared_pack
from naskah_lint.config import Settings, find_config, load_settings
from naskah_lint.errors import ConfigError
from naskah_lint.findings import Severity


def _write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_discovery_walks_up_and_prefers_own_file(tmp_path: Path) -> None:
    deep = tmp_path / "a" / "b" / "c"
    deep.mkdir(parents=True)
    outside = find_config(tmp_path.parent)  # whatever lies above the test folder (usually None)
    assert find_config(deep) == outside
    _write(tmp_path / "pyproject.toml", "[project]\nname = 'x'\n")  # no table: skipped
    assert find_config(deep) == outside
    with_table = _write(tmp_path / "a" / "pyproject.toml", "[tool.naskah-lint]\nmode = 'final'\n")
    assert find_config(deep) == with_table
    own = _write(tmp_path / "a" / "naskah-lint.toml", "mode = 'draft'\n")
    assert find_config(deep) == own  # naskah-lint.toml first in the same folder
    nearer = _write(tmp_path / "a" / "b" / "pyproject.toml", "[tool.naskah-lint]\n")
    assert find_config(deep) == nearer


def test_values_are_read_and_flags_win(tmp_path: Path) -> None:
    _write(
        tmp_path / "naskah-lint.toml",
        """
select = ["FMT", "CONS"]
ignore = "FMT-FONT"
fail-on = "warning"
mode = "final"
lang = "en"
jobs = 2
format = "json"
[severity]
FMT-MARGINS = "error"
[per-path-ignores]
"lama/*.docx" = ["FMT"]
[params.FMT-FONT]
fonts = ["Arial"]
""",
    )
    sub = tmp_path / "drafts"
    sub.mkdir()
    settings = load_settings({"paths": ("x.docx",)}, cwd=sub)
    assert settings == Settings(
        paths=("x.docx",),
        format="json",
        select=("FMT", "CONS"),
        ignore=("FMT-FONT",),
        fail_on="warning",
        mode="final",
        lang="en",
        jobs=2,
        severity={"FMT-MARGINS": "error"},
        per_path_ignores=(("lama/*.docx", ("FMT",)),),
        params={"FMT-FONT": {"fonts": ["Arial"]}},
        config_file="../naskah-lint.toml",
        config_dir=str(tmp_path.resolve()),
        from_file=settings.from_file,
    )
    assert settings.where("select") == "../naskah-lint.toml: select"
    flagged = load_settings(
        {"select": ("CLAUSE",), "mode": "draft", "lang": None, "ignore": ()}, cwd=sub
    )
    assert (flagged.select, flagged.mode, flagged.lang, flagged.ignore) == (
        ("CLAUSE",),
        "draft",
        "en",
        ("FMT-FONT",),
    )
    assert flagged.where("select") == "--select"
    assert flagged.where("ignore") == "../naskah-lint.toml: ignore"


@pytest.mark.parametrize(
    ("text", "where", "reason"),
    [
        ("colour = 'red'\n", "naskah-lint.toml: colour", "unknown key"),
        ("mode = 'fast'\n", "naskah-lint.toml: mode", "expected one of draft, final"),
        ("jobs = 0\n", "naskah-lint.toml: jobs", "expected a positive integer"),
        ("select = [1]\n", "naskah-lint.toml: select", "expected a list of rule ids"),
        ("[severity]\nFMT-FONT = 'fatal'\n", "naskah-lint.toml: severity.FMT-FONT", "fatal"),
        ("[params]\nFMT-FONT = 1\n", "naskah-lint.toml: params", "expected tables"),
        ("mode = \n", "naskah-lint.toml", "invalid TOML"),
    ],
)
def test_bad_config_names_the_key(tmp_path: Path, text: str, where: str, reason: str) -> None:
    _write(tmp_path / "naskah-lint.toml", text)
    with pytest.raises(ConfigError) as info:
        load_settings({}, cwd=tmp_path)
    assert info.value.where == where
    assert reason in info.value.reason


def test_pyproject_unknown_key_and_explicit_config(tmp_path: Path) -> None:
    _write(tmp_path / "pyproject.toml", "[tool.naskah-lint]\nselekt = ['FMT']\n")
    with pytest.raises(ConfigError) as info:
        load_settings({}, cwd=tmp_path)
    assert info.value.where == "pyproject.toml: tool.naskah-lint.selekt"
    other = _write(tmp_path / "ci" / "lint.toml", "lang = 'en'\n")
    assert load_settings({}, config=str(other), cwd=tmp_path).lang == "en"
    with pytest.raises(ConfigError) as info:
        load_settings({}, config=str(tmp_path / "missing.toml"), cwd=tmp_path)
    assert info.value.reason == "config file not found"


def test_profile_path_is_relative_to_the_config_file(tmp_path: Path) -> None:
    (tmp_path / "packs" / "mine").mkdir(parents=True)
    _write(tmp_path / "naskah-lint.toml", "profile = 'packs/mine'\n")
    sub = tmp_path / "x"
    sub.mkdir()
    assert load_settings({}, cwd=sub).profile == str(tmp_path.resolve() / "packs" / "mine")
    _write(tmp_path / "naskah-lint.toml", "profile = 'kpu-1068-2023'\n")
    assert load_settings({}, cwd=sub).profile == "kpu-1068-2023"


def test_overrides_are_checked_against_the_pack() -> None:
    pack = prepared_pack(
        Settings(
            severity={"FMT-MARGINS": "error"},
            params={"FMT-FONT": {"fonts": ["Arial"], "max_size_pt": 14}},
        )
    )
    margins, font = pack.rule("FMT-MARGINS"), pack.rule("FMT-FONT")
    assert margins is not None and font is not None
    assert (margins.severity, margins.severity_final) == (Severity.ERROR, Severity.ERROR)
    assert (font.params.fonts, font.params.max_size_pt, font.params.min_size_pt) == (
        ("Arial",),
        14.0,
        11.0,
    )
    cases = [
        (Settings(severity={"FMT-NOPE": "error"}), "--severity.FMT-NOPE", "no rule FMT-NOPE"),
        (
            Settings(
                params={"FMT-FONT": {"fonts": "Arial"}},
                config_file="c.toml",
                from_file=frozenset({"params"}),
            ),
            "c.toml: params.FMT-FONT.fonts",
            "expected a list of strings",
        ),
        (Settings(select=("XYZ",)), "--select", "'XYZ' matches no rule id"),
        (Settings(ignore=("FMT-FONTS",)), "--ignore", "'FMT-FONTS' matches no rule"),
        (
            Settings(per_path_ignores=(("*.docx", ("NOPE",)),)),
            "--per-path-ignores.*.docx",
            "'NOPE' matches no rule",
        ),
    ]
    for settings, where, reason in cases:
        with pytest.raises(ConfigError) as info:
            prepared_pack(settings)
        assert info.value.where == where
        assert reason in info.value.reason
