"""Golden outline JSON for every fixture draft; NASKAH_UPDATE_GOLDEN=1 rewrites them (review the
diff before committing)."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from modelbuild import pack_values

from naskah_lint.outline import segment
from naskah_lint.outline.render import outline_json
from naskah_lint.reader import read_document

ROOT = Path(__file__).resolve().parent.parent
GOLDEN = ROOT / "tests" / "golden" / "outline"
FIXTURES = (
    "clean-pks",
    "clean-nk",
    "clean-pks-3pihak",
    "clean-nk-pertama",
    "defect-pks",
    "defect-format",
    "defect-nk",
)


def _render(name: str) -> str:
    path = ROOT / "fixtures" / f"{name}.docx"
    if not path.exists():
        pytest.skip(f"fixture {path.name} not built")
    outline = segment(read_document(path), pack_values())
    data = outline_json(outline, f"fixtures/{name}.docx")
    return json.dumps(data, ensure_ascii=False, indent=2, sort_keys=False) + "\n"


@pytest.mark.parametrize("name", FIXTURES)
def test_golden_outline(name: str) -> None:
    rendered = _render(name)
    golden = GOLDEN / f"{name}.json"
    if os.environ.get("NASKAH_UPDATE_GOLDEN") == "1":
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text(rendered, encoding="utf-8")
    assert golden.exists(), f"no golden file; run with NASKAH_UPDATE_GOLDEN=1 to create {golden}"
    assert rendered == golden.read_text(encoding="utf-8")


def test_golden_outline_is_deterministic() -> None:
    assert _render("clean-pks") == _render("clean-pks")
