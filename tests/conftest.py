"""Shared test set-up: the fixture specs are found in this repository even when the tests run
against an installed wheel (where the package has no fixtures/ beside it)."""

from __future__ import annotations

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
os.environ.setdefault("NASKAH_LINT_SPECS", str(ROOT / "fixtures" / "specs"))
