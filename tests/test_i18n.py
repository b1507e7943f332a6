"""The message catalogues: both languages have the same keys and placeholders, and every key the
code asks for exists."""

from __future__ import annotations

import re
import string
from pathlib import Path

import pytest

from naskah_lint.config import LEVELS
from naskah_lint.engine.loader import CONFIDENCES
from naskah_lint.i18n import CATALOGUES, EN, ID, t
from naskah_lint.model import Story

PACKAGE = Path(__file__).resolve().parents[1] / "naskah_lint"
LITERAL_KEY = re.compile(r"""\bt\(\s*(?:"([^"{}]+)"|'([^'{}]+)')""")
PARTS = ("dokumen", "judul", "nomor", "pembukaan", "komparisi", "premis", "pasal", "penutup",
         "tanda-tangan", "lampiran")  # fmt: skip
ERROR_CODES = ("NOT_DOCX", "ENCRYPTED", "LEGACY_DOC", "CORRUPT", "TOO_LARGE", "NOT_FOUND")


def _fields(template: str) -> set[str]:
    return {f for _, f, _, _ in string.Formatter().parse(template) if f}


def test_catalogues_have_the_same_keys_and_placeholders() -> None:
    assert set(CATALOGUES) == {"id", "en"}
    assert sorted(set(ID) - set(EN)) == []
    assert sorted(set(EN) - set(ID)) == []
    mismatched = [k for k in ID if _fields(ID[k]) != _fields(EN[k])]
    assert mismatched == []
    assert [k for k in ID if not ID[k].strip() or not EN[k].strip()] == []


def _used_keys() -> set[str]:
    keys: set[str] = set()
    for path in PACKAGE.rglob("*.py"):
        for match in LITERAL_KEY.finditer(path.read_text(encoding="utf-8")):
            key = match.group(1) or match.group(2)
            if not key.endswith("."):  # a prefix joined with a computed part (checked below)
                keys.add(key)
    return keys


def test_every_literal_key_in_the_code_exists() -> None:
    used = _used_keys()
    assert {"loc.paragraph", "loc.dokumen", "report.summary", "cli.config_error"} <= used
    assert sorted(k for k in used if k not in ID) == []


def test_every_computed_key_family_is_complete() -> None:
    computed = [f"loc.{part}" for part in PARTS]
    computed += [f"loc.story.{s.value}" for s in Story if s is not Story.BODY]
    computed += [f"sev.{level}" for level in LEVELS]
    computed += [f"confidence.{c}" for c in CONFIDENCES]
    computed += [f"err.{code}" for code in ERROR_CODES]
    assert [k for k in computed if k not in ID] == []


@pytest.mark.parametrize("lang", ["id", "en"])
def test_t_fills_and_falls_back(lang: str) -> None:
    label = t("loc.pasal_ayat", lang, pasal=5, ayat=2)
    assert label == {"id": "Pasal 5 ayat (2)", "en": "Article 5(2)"}[lang]
    assert t("loc.judul", "fr") == "Judul"  # unknown language: Indonesian


def test_os_reason_speaks_the_users_language() -> None:
    import errno

    from naskah_lint.i18n import os_reason

    missing = FileNotFoundError(errno.ENOENT, "No such file or directory")
    assert os_reason(missing, "id") == "folder atau berkas tidak ada"
    assert os_reason(missing, "en") == "no such file or folder"
    assert os_reason(OSError(errno.ENOSPC, "No space left on device"), "id") == "ruang disk penuh"
    assert os_reason(OSError(errno.EIO, "Input/output error"), "id") == "galat sistem EIO"
    assert os_reason(OSError("no errno"), "en") == "system error OSError"
