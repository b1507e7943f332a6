"""`naskah-lint check` end to end with click's CliRunner: exit codes 0/1/2/3, the contract's JSON
shape, unreadable inputs mixed with good ones, --output safety, --jobs determinism."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

from naskah_lint import packs
from naskah_lint.cli import main
from naskah_lint.engine import loader
from naskah_lint.engine.api import Kind

docspec = pytest.importorskip("naskah_lint.writer.docspec")

FMT3 = "FMT-PAPER-SIZE,FMT-MARGINS,FMT-FONT"
GOOD_PAGE = {"size": "A4", "margins_cm": {"top": 2, "bottom": 2.5, "left": 3, "right": 2}}
BAD_PAGE = {"size": "LETTER", "margins_cm": {"top": 2, "bottom": 1.5, "left": 3, "right": 2}}


def _spec(page: dict[str, Any], body: list[Any]) -> dict[str, Any]:
    return {"page": page, "font": {"name": "Arial", "size": 12}, "body": body}


CLEAN = _spec(GOOD_PAGE, ["PERJANJIAN KERJA SAMA", "Isi satu.", "Isi dua."])
DEFECT = _spec(
    BAD_PAGE,
    [
        "PERJANJIAN KERJA SAMA",
        {"text": "Isi satu.", "font": "Times New Roman", "size": 10},
        "Isi dua [dua juta].",
        {"text": "Isi tiga.", "size": 9},
    ],
)
OLE_HEADER = bytes.fromhex("d0cf11e0a1b11ae1") + bytes(504)


@pytest.fixture(scope="module")
def drafts(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder with a clean draft, a defective one, a text file named .docx and an OLE file."""
    root = tmp_path_factory.mktemp("drafts")
    docspec.build_from_case(CLEAN, root / "clean.docx")
    docspec.build_from_case(DEFECT, root / "defect.docx")
    (root / "notzip.docx").write_bytes(b"this is not a Word file\n")
    (root / "ole.docx").write_bytes(OLE_HEADER)
    return root


def _invoke(args: list[str], cwd: Path | None = None) -> Result:
    runner = CliRunner()
    if cwd is None:
        return runner.invoke(main, args, catch_exceptions=False)
    old = Path.cwd()
    os.chdir(cwd)
    try:
        return runner.invoke(main, args, catch_exceptions=False)
    finally:
        os.chdir(old)


def _json(result: Result) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(result.stdout)
    return data


# --------------------------------------------------------------------------- exit codes


def test_exit_0_and_1_follow_fail_on(drafts: Path) -> None:
    clean = str(drafts / "clean.docx")
    defect = str(drafts / "defect.docx")
    assert _invoke(["check", clean, "--select", FMT3]).exit_code == 0
    assert _invoke(["check", defect, "--select", FMT3]).exit_code == 1
    assert _invoke(["check", defect, "--select", FMT3, "--fail-on", "never"]).exit_code == 0
    # FMT-MARGINS is a warning: not enough for the default --fail-on error
    assert _invoke(["check", defect, "--select", "FMT-MARGINS"]).exit_code == 0
    assert (
        _invoke(["check", defect, "--select", "FMT-MARGINS", "--fail-on", "warning"]).exit_code == 1
    )


def test_exit_2_for_unreadable_inputs_while_others_are_checked(drafts: Path) -> None:
    args = ["check", "clean.docx", "defect.docx", "notzip.docx", "ole.docx", "missing.docx"]
    result = _invoke([*args, "--select", FMT3, "--format", "json"], drafts)
    assert result.exit_code == 2
    report = _json(result)
    by_path = {f["path"]: f for f in report["files"]}
    assert sorted(by_path) == [
        "clean.docx",
        "defect.docx",
        "missing.docx",
        "notzip.docx",
        "ole.docx",
    ]
    assert [f["path"] for f in report["files"]] == args[1:]
    codes = {p: (f["error"] or {}).get("code") for p, f in by_path.items()}
    assert codes == {
        "clean.docx": None,
        "defect.docx": None,
        "missing.docx": "NOT_FOUND",
        "notzip.docx": "NOT_DOCX",
        "ole.docx": codes["ole.docx"],
    }
    assert codes["ole.docx"] in ("ENCRYPTED", "LEGACY_DOC")
    for path in ("missing.docx", "notzip.docx", "ole.docx"):
        entry = by_path[path]
        assert entry["findings"] == [] and entry["document_type"] is None
        assert entry["error"]["message"] and "\n" not in entry["error"]["message"]
    assert by_path["missing.docx"]["error"]["message"] == "berkas tidak ditemukan: periksa jalurnya"
    assert [f["rule"] for f in by_path["defect.docx"]["findings"]] == [
        "FMT-MARGINS",
        "FMT-PAPER-SIZE",
        "FMT-FONT",
        "FMT-FONT",
    ]
    assert report["summary"] == {"files": 5, "unreadable": 3, "error": 1, "warning": 3, "info": 0}
    english = _json(_invoke(["check", "missing.docx", "--format", "json", "--lang", "en"], drafts))
    assert english["files"][0]["error"]["message"] == "file not found: check the path"


def _crash(ctx: object, params: object) -> list[object]:
    raise ZeroDivisionError("division by zero")


def test_exit_3_for_a_failing_kind_other_rules_still_reported(
    drafts: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    registry = dict(loader.registered_kinds())
    margins = registry["margins"]
    registry["margins"] = Kind(name="margins", params=margins.params, check=_crash)
    monkeypatch.setattr(loader, "registered_kinds", lambda: registry)
    monkeypatch.delenv("NASKAH_LINT_DEBUG", raising=False)
    result = _invoke(["check", str(drafts / "defect.docx"), "--select", FMT3, "--format", "json"])
    assert result.exit_code == 3
    checked = _json(result)["files"][0]
    assert [f["rule"] for f in checked["findings"]] == ["FMT-PAPER-SIZE", "FMT-FONT", "FMT-FONT"]
    assert checked["error"] is None and checked["document_type"] == "PKS"
    assert checked["internal_error"].startswith("galat internal di aturan FMT-MARGINS")
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1
    assert "galat internal di aturan FMT-MARGINS (jenis margins): ZeroDivisionError" in lines[0]
    assert "ini bug di naskah-lint: laporkan kepada pengelola naskah-lint" in lines[0]
    assert "Traceback" not in result.stderr
    english = _invoke(["check", str(drafts / "defect.docx"), "--select", FMT3, "--lang", "en"])
    assert english.exit_code == 3
    assert "internal error in rule FMT-MARGINS (kind margins): ZeroDivisionError" in english.stderr
    assert "this is a bug in naskah-lint: report it to the naskah-lint maintainers" in (
        english.stderr
    )
    monkeypatch.setenv("NASKAH_LINT_DEBUG", "1")
    debug = _invoke(["check", str(drafts / "defect.docx"), "--select", FMT3])
    assert debug.exit_code == 3 and "Traceback" in debug.stderr


def test_exit_3_for_a_reader_bug_other_files_still_checked(
    drafts: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import naskah_lint.reader as reader

    real = reader.read_document

    def flaky(path: Path) -> object:
        if path.name == "clean.docx":
            raise KeyError("oops")
        return real(path)

    monkeypatch.setattr(reader, "read_document", flaky)
    args = ["check", "clean.docx", "defect.docx", "--select", FMT3, "--format", "json"]
    result = _invoke(args, drafts)
    assert result.exit_code == 3
    files = _json(result)["files"]
    assert files[0]["error"] is None and files[0]["document_type"] is None
    assert "galat internal saat membaca berkas: KeyError" in files[0]["internal_error"]
    assert "internal_error" not in files[1]
    assert len(files[1]["findings"]) == 4


def test_config_and_selection_errors_exit_2_with_one_line(drafts: Path, tmp_path: Path) -> None:
    result = _invoke(["check", str(drafts / "clean.docx"), "--select", "NOPE"])
    assert result.exit_code == 2
    assert result.stderr == (
        "naskah-lint: galat konfigurasi: --select: 'NOPE' tidak cocok dengan id, grup atau "
        "awalan aturan mana pun (lihat naskah-lint rules)\n"
    )
    (tmp_path / "naskah-lint.toml").write_text("colour = 'red'\n", encoding="utf-8")
    result = _invoke(["check", str(drafts / "clean.docx"), "--lang", "en"], tmp_path)
    assert result.exit_code == 2
    assert result.stderr.startswith("naskah-lint: configuration error: naskah-lint.toml: colour:")
    assert len(result.stderr.splitlines()) == 1
    result = _invoke(["check", str(drafts / "clean.docx"), "--profile", str(tmp_path / "no")])
    assert result.exit_code == 2 and "--profile" in result.stderr
    assert _invoke(["check"]).exit_code == 2  # click usage error


def test_bad_pack_is_exit_2_naming_file_and_key(drafts: Path, tmp_path: Path) -> None:
    pack = tmp_path / "pack"
    shutil.copytree(packs.find_pack("kpu-1068-2023")[0], pack)
    fmt = pack / "fmt.yml"
    fmt.write_text(fmt.read_text(encoding="utf-8").replace("min_size_pt: 11", "min_size_pt: x"))
    result = _invoke(["check", str(drafts / "clean.docx"), "--profile", str(pack)])
    assert result.exit_code == 2
    assert f"{pack}/fmt.yml: rules[2].params.min_size_pt: expected a number" in result.stderr


def test_config_severity_override_and_mode(drafts: Path, tmp_path: Path) -> None:
    shutil.copy(drafts / "defect.docx", tmp_path / "defect.docx")
    (tmp_path / "naskah-lint.toml").write_text(
        '[severity]\nFMT-MARGINS = "error"\n[params.FMT-PAPER-SIZE]\n'
        'sizes = [{name = "Letter", width_mm = 215.9, height_mm = 279.4}]\n',
        encoding="utf-8",
    )
    result = _invoke(["check", "defect.docx", "--select", FMT3, "--format", "json"], tmp_path)
    findings = _json(result)["files"][0]["findings"]
    assert [(f["rule"], f["severity"]) for f in findings] == [
        ("FMT-MARGINS", "error"),
        ("FMT-FONT", "warning"),
        ("FMT-FONT", "warning"),
    ]
    assert result.exit_code == 1


# --------------------------------------------------------------------------- JSON shape


def test_json_report_matches_the_contract(drafts: Path) -> None:
    result = _invoke(["check", "defect.docx", "--select", FMT3, "--format", "json"], drafts)
    assert result.stdout.endswith("}\n")
    report = _json(result)
    assert list(report) == ["schema_version", "tool", "profile", "files", "summary"]
    assert report["schema_version"] == 1
    assert report["tool"] == {"name": "naskah-lint", "version": "0.1.0"}
    assert report["profile"] == {"name": "kpu-1068-2023", "version": "1"}
    (entry,) = report["files"]
    assert list(entry) == ["path", "sha256", "document_type", "error", "findings"]
    assert entry["path"] == "defect.docx"
    import hashlib

    assert entry["sha256"] == hashlib.sha256((drafts / "defect.docx").read_bytes()).hexdigest()
    assert entry["document_type"] in ("NK", "PKS", "ADDENDUM", "OTHER")
    assert entry["error"] is None
    for finding in entry["findings"]:
        assert list(finding) == ["rule", "severity", "message", "location", "fingerprint"]
        assert list(finding["location"]) == [
            "story",
            "block",
            "part",
            "pasal",
            "ayat",
            "label",
            "excerpt",
        ]
        assert finding["severity"] in ("error", "warning", "info")
        assert len(finding["fingerprint"]) == 16
        int(finding["fingerprint"], 16)
    first = entry["findings"][0]
    assert first["location"] == {
        "story": "body",
        "block": 1,
        "part": first["location"]["part"],
        "pasal": None,
        "ayat": None,
        "label": first["location"]["label"],
        "excerpt": "PERJANJIAN KERJA SAMA",
    }
    assert first["location"]["label"].endswith(", paragraf 1")
    fonts = [f for f in entry["findings"] if f["rule"] == "FMT-FONT"]
    assert [f["location"]["block"] for f in fonts] == [2, 4]
    assert fonts[0]["message"] == (
        "Paragraf ini memakai huruf Times New Roman 10 pt; gunakan Arial, Bookman Old Style "
        "berukuran 11–12 pt."
    )
    assert [f["location"]["excerpt"] for f in fonts] == ["Isi satu.", "Isi tiga."]
    assert report["summary"] == {"files": 1, "unreadable": 0, "error": 1, "warning": 3, "info": 0}
    # language-neutral fields stay, messages and labels follow --lang
    args = ["check", "defect.docx", "--select", FMT3, "--format", "json", "--lang", "en"]
    english = _json(_invoke(args, drafts))["files"][0]["findings"]
    assert [f["fingerprint"] for f in english] == [f["fingerprint"] for f in entry["findings"]]
    assert english[0]["location"]["label"].endswith(", paragraph 1")
    assert english[2]["message"].startswith("This paragraph uses Times New Roman 10 pt;")


def test_text_report_is_plain_when_piped(drafts: Path) -> None:
    result = _invoke(["check", "defect.docx", "clean.docx", "--select", FMT3], drafts)
    lines = result.stdout.splitlines()
    assert "\x1b[" not in result.stdout
    assert lines[0].startswith("defect.docx")
    assert any("FMT-PAPER-SIZE" in line and "galat" in line for line in lines)
    assert lines[-2].startswith("clean.docx") and lines[-2].endswith("tidak ada temuan")
    assert lines[-1] == (
        "naskah-lint: 2 berkas diperiksa, 1 galat, 3 peringatan, 0 info, 0 tidak terbaca"
    )


# --------------------------------------------------------------------------- --output


def test_output_is_written_atomically_into_new_folders(drafts: Path, tmp_path: Path) -> None:
    target = tmp_path / "out" / "deep" / "report.json"
    args = ["check", str(drafts / "defect.docx"), "--select", FMT3, "--format", "json"]
    result = _invoke([*args, "--output", str(target)])
    assert result.exit_code == 1 and result.stdout == ""
    assert json.loads(target.read_text(encoding="utf-8"))["summary"]["error"] == 1
    assert sorted(p.name for p in target.parent.iterdir()) == ["report.json"]  # no temp left
    text_target = tmp_path / "out" / "report.txt"
    _invoke([*args[:-2], "--output", str(text_target)])
    assert "FMT-PAPER-SIZE" in text_target.read_text(encoding="utf-8")


def test_output_never_overwrites_an_input(drafts: Path, tmp_path: Path) -> None:
    victim = tmp_path / "draft.docx"
    shutil.copy(drafts / "defect.docx", victim)
    before = victim.read_bytes()
    result = _invoke(["check", str(tmp_path), "--output", str(victim)])
    assert result.exit_code == 2
    assert len(result.stderr.splitlines()) == 1
    assert "termasuk masukan" in result.stderr
    assert victim.read_bytes() == before


def test_unwritable_output_is_exit_2(drafts: Path, tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    result = _invoke(["check", str(drafts / "clean.docx"), "--output", str(blocker / "r.json")])
    assert result.exit_code == 2
    assert result.stderr.startswith(f"naskah-lint: tidak dapat menulis {blocker / 'r.json'}: ")
    # a failed replace leaves what was there untouched and no temp file behind
    (tmp_path / "dir.json").mkdir()
    result = _invoke(["check", str(drafts / "clean.docx"), "--output", str(tmp_path / "dir.json")])
    assert result.exit_code == 2
    assert sorted(p.name for p in tmp_path.iterdir()) == ["dir.json", "file"]


# --------------------------------------------------------------------------- --jobs


def test_jobs_2_and_jobs_1_give_identical_json(drafts: Path, tmp_path: Path) -> None:
    for i in range(6):
        source = drafts / ("defect.docx" if i % 2 else "clean.docx")
        shutil.copy(source, tmp_path / f"d{i}.docx")
    shutil.copy(drafts / "notzip.docx", tmp_path / "d9.docx")
    base = ["check", ".", "--select", FMT3, "--format", "json"]
    one = _invoke([*base, "--jobs", "1"], tmp_path)
    two = _invoke([*base, "--jobs", "2"], tmp_path)
    assert one.exit_code == two.exit_code == 2
    assert one.stdout == two.stdout
    paths = [f["path"] for f in _json(one)["files"]]
    assert paths == [f"./d{i}.docx" for i in (0, 1, 2, 3, 4, 5, 9)]


# --------------------------------------------------------------------------- baseline, annotate


def test_baseline_round_trip(drafts: Path, tmp_path: Path) -> None:
    shutil.copy(drafts / "defect.docx", tmp_path / "defect.docx")
    base = ["check", "defect.docx", "--select", FMT3, "--format", "json"]
    written = _invoke([*base, "--write-baseline", "base.json"], tmp_path)
    assert written.exit_code == 1
    applied = _invoke([*base, "--baseline", "base.json"], tmp_path)
    assert applied.exit_code == 0
    assert _json(applied)["files"][0]["findings"] == []
    missing = _invoke([*base, "--baseline", "nope.json"], tmp_path)
    assert missing.exit_code == 2 and "baseline file not found" in missing.stderr


def test_annotate_writes_mirrored_copies(drafts: Path, tmp_path: Path) -> None:
    pytest.importorskip("naskah_lint.writer.annotate")
    (tmp_path / "in" / "sub").mkdir(parents=True)
    shutil.copy(drafts / "defect.docx", tmp_path / "in" / "sub" / "a.docx")
    result = _invoke(["check", "in", "--select", FMT3, "--annotate", "review"], tmp_path)
    assert result.exit_code == 1
    copy = tmp_path / "review" / "in" / "sub" / "a.naskah-lint.docx"
    assert copy.is_file()
    # our own copies are skipped when the folder is checked again
    again = _invoke(["check", ".", "--select", FMT3, "--format", "json"], tmp_path)
    assert [f["path"] for f in _json(again)["files"]] == ["./in/sub/a.docx"]
