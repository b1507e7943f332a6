"""--annotate over several drafts: a file that cannot be annotated is refused with one line and
exit 2, and the other copies are still written."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from naskah_lint.cli import main

ROOT = Path(__file__).resolve().parent.parent
STRICT = ROOT.parent / "shared" / "corpus" / "stress" / "python-mammoth__strict-format.docx"


@pytest.mark.skipif(not STRICT.exists(), reason="../shared/corpus is not beside the checkout")
def test_a_refused_copy_does_not_stop_the_others(tmp_path: Path) -> None:
    strict = tmp_path / "in" / "strict.docx"
    strict.parent.mkdir()
    shutil.copyfile(STRICT, strict)
    good = tmp_path / "in" / "pks.docx"
    shutil.copyfile(ROOT / "fixtures" / "clean-pks.docx", good)
    out = tmp_path / "out"
    result = CliRunner().invoke(
        main, ["check", str(strict), str(good), "--annotate", str(out), "--format", "json"]
    )
    assert result.exit_code == 2
    refused = [line for line in result.stderr.splitlines() if "strict.docx" in line]
    assert len(refused) == 1 and "Strict" in refused[0]
    copies = sorted(p.name for p in out.rglob("*.docx"))
    assert copies == ["pks.naskah-lint.docx"]
