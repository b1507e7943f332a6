"""The cheap Indonesian tokenizer: spaCy's Indonesian rules without the hyphenated exceptions,
built without importing spacy.lang.id once its settings are cached, tokenizing Indonesian text
as spaCy's own Indonesian tokenizer does; clause inference from a titleless pasal's text."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from naskah_lint.engine import cache
from naskah_lint.engine.loader import load_pack
from naskah_lint.outline import tokens

TEXTS = (
    "Dalam hal terjadi keadaan kahar (force majeure), PARA PIHAK sepakat untuk "
    "menyelesaikannya secara musyawarah.",
    "Kerja-sama ini berlaku 1 (satu) tahun; e-mail: kpu@kpu.go.id, https://kpu.go.id/x?y=1.",
    "Ditandatangani oleh Dr. NAMA DUA, S.H., M.H. dan Drs. H. NAMA, M.Si. di Karanganyar.",
    "Biaya Rp10.000.000,00 (sepuluh juta rupiah) dibebankan pada masing-masing PIHAK.",
    "“Perjanjian” ini—sebagaimana dimaksud dalam Pasal 5 ayat (2) huruf b—dst.",
    "Undang-Undang Nomor 7 Tahun 2017 tentang Pemilihan Umum; s.d. 31-12-2025.",
)


@pytest.fixture
def cache_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv(cache.CACHE_DIR_ENV, str(folder))
    monkeypatch.delenv(cache.NO_CACHE_ENV, raising=False)
    return folder


def _words(text: str) -> list[str]:
    return [t.text for t in tokens.tokenizer()(text)]


def test_tokens_keep_hyphenated_words_and_abbreviations_whole() -> None:
    assert _words("kerja-sama e-mail masing-masing S.H. Dr. dst.") == [
        "kerja-sama",
        "e-mail",
        "masing-masing",
        "S.H.",
        "Dr.",
        "dst.",
    ]
    assert _words("Pasal 5 ayat (2).") == ["Pasal", "5", "ayat", "(", "2", ")", "."]


def test_tokens_equal_spacy_indonesian_rules_without_hyphenated_exceptions() -> None:
    """Reference: a Language subclass with spaCy's own Indonesian defaults minus the hyphenated
    exceptions and the letter-hyphen-letter infix (all-script letter classes)."""
    from spacy.lang.id import IndonesianDefaults
    from spacy.language import Language

    exceptions, _, _, infixes = tokens._build_settings()
    kept = [p for p in IndonesianDefaults.infixes or [] if tokens._latin_letters(p) in infixes]
    assert len(kept) == len(infixes) < len(IndonesianDefaults.infixes or [])
    defaults = type(
        "Reference", (IndonesianDefaults,), {"tokenizer_exceptions": exceptions, "infixes": kept}
    )
    reference = type("ReferenceId", (Language,), {"lang": "id", "Defaults": defaults})()
    for text in TEXTS:
        assert _words(text) == [t.text for t in reference.make_doc(text)], text


def test_settings_are_cached_and_then_spacy_lang_id_is_not_imported(cache_folder: Path) -> None:
    built = tokens.tokenizer_settings()
    assert list(cache_folder.glob(f"{tokens.CACHE_NAME}.pickle"))
    code = (
        "import sys\n"
        "from naskah_lint.outline.tokens import tokenizer\n"
        "print([t.text for t in tokenizer()('kerja-sama S.H. (satu)')])\n"
        "print('spacy.lang.id' in sys.modules)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout.split("\n")
    assert out[:2] == ["['kerja-sama', 'S.H.', '(', 'satu', ')']", "False"]
    assert tokens.tokenizer_settings() == built


def test_a_damaged_settings_entry_is_rebuilt(cache_folder: Path) -> None:
    built = tokens.tokenizer_settings()
    entry = cache_folder / f"{tokens.CACHE_NAME}.pickle"
    cache.store(tokens.CACHE_NAME, (tokens.CACHE_FORMAT, "0"), ("not", "settings"))
    assert tokens.tokenizer_settings() == built  # an entry of another spaCy: rebuilt
    entry.write_bytes(b"garbage")
    assert tokens.tokenizer_settings() == built
    assert entry.stat().st_size > 1000


def test_infer_clause_from_phrases() -> None:
    values = load_pack().data.values
    match = tokens.infer_clause(TEXTS[0], values)
    assert (match.clause, match.score, match.matched) == ("keadaan-kahar", 100.0, "KEADAAN KAHAR")
    assert tokens.infer_clause("   ", values).clause is None
    assert tokens.infer_clause("Tidak ada apa-apa di sini.", values).clause is None
