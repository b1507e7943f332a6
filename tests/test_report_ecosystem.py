"""CI ecosystem files: the pre-commit hook and the GitHub Actions workflow in the docs."""

from __future__ import annotations

import re
import shlex
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[1]


def test_pre_commit_hook() -> None:
    [hook] = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert hook["id"] == "naskah-lint"
    assert hook["entry"] == "naskah-lint check"
    assert hook["language"] == "python"
    assert hook["files"] == r"\.docx$"
    assert hook["pass_filenames"] is True
    assert hook["require_serial"] is False
    files, exclude = re.compile(hook["files"]), re.compile(hook["exclude"])
    linted = [
        p
        for p in ["naskah/pks.docx", "a.doc", "a.docm", "x/~$pks.docx", "out/pks.naskah-lint.docx"]
        if files.search(p) and not exclude.search(p)
    ]
    assert linted == ["naskah/pks.docx"]


def _workflow() -> dict[str, Any]:
    text = (ROOT / "docs" / "github-actions.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```yaml\n(.*?)```", text, flags=re.S)
    workflow: dict[str, Any] = yaml.safe_load(blocks[0])
    return workflow


def test_workflow_steps() -> None:
    workflow = _workflow()
    assert workflow["permissions"]["security-events"] == "write"
    steps = workflow["jobs"]["naskah-lint"]["steps"]
    uses = [s["uses"].split("@")[0] for s in steps if "uses" in s]
    assert uses == [
        "actions/checkout",
        "actions/setup-python",
        "github/codeql-action/upload-sarif",
        "actions/upload-artifact",
    ]
    upload = next(s for s in steps if s.get("uses", "").startswith("github/codeql-action"))
    assert upload["with"]["sarif_file"] == "naskah-lint.sarif"
    runs = " ".join(s.get("run", "") for s in steps)
    assert "--format sarif --output naskah-lint.sarif --fail-on never" in runs
    assert "--format github" in runs
    assert '--format matrix --fail-on never >> "$GITHUB_STEP_SUMMARY"' in runs


def test_workflow_commands_parse_with_our_cli() -> None:
    """Every `naskah-lint check` line in the workflow uses options the CLI accepts."""
    from naskah_lint.cli import check

    workflow = _workflow()
    env = workflow["env"]
    steps = workflow["jobs"]["naskah-lint"]["steps"]
    commands = [s["run"] for s in steps if "naskah-lint check" in s.get("run", "")]
    assert len(commands) == 5
    for command in commands:
        command = command.split(">>")[0]
        for name, value in env.items():
            command = command.replace(f'"${name}"', value)
        argv = shlex.split(command)
        assert argv[:2] == ["naskah-lint", "check"]
        ctx = check.make_context("check", argv[2:])
        assert ctx.params["paths"] == ("docs/",)
