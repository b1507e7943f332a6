"""User-facing strings that are not rule messages, one catalogue per language.

Rule messages and docs live in the rule pack. Everything else a user reads (error lines, report
headings, labels, verdicts) lives here. Both catalogues must have the same keys (a test checks).
Add keys to BOTH catalogues; never reformat or reorder other people's entries.
"""

from __future__ import annotations

from collections.abc import Mapping

ID: Mapping[str, str] = {
    # --- unreadable inputs (one line: what is wrong, what to do) ---
    "err.NOT_FOUND": "berkas tidak ditemukan: periksa jalurnya",
    "err.NOT_DOCX": "bukan dokumen Word (.docx): {detail}; simpan sebagai .docx lalu periksa lagi",
    "err.NOT_DOCX.lockfile": "berkas kunci Word (~$), bukan dokumen: periksa dokumen aslinya",
    "err.ENCRYPTED": "berkas dilindungi kata sandi: simpan tanpa kata sandi lalu periksa lagi",
    "err.LEGACY_DOC": "format Word lama (.doc): simpan sebagai .docx lalu periksa lagi",
    "err.CORRUPT": "berkas rusak ({detail}): buka dan simpan ulang di Word",
    "err.TOO_LARGE": "berkas melebihi batas {limit}: {detail}; periksa apakah berkas ini benar",
    "err.READ": "berkas tidak dapat dibaca: {detail}",
    # --- location labels ---
    "loc.paragraph": "paragraf {block}",
    "loc.dokumen": "Dokumen",
    "loc.judul": "Judul",
    "loc.nomor": "Nomor",
    "loc.pembukaan": "Pembukaan",
    "loc.komparisi": "Komparisi",
    "loc.premis": "Premis",
    "loc.pasal": "Pasal {pasal}",
    "loc.pasal_ayat": "Pasal {pasal} ayat ({ayat})",
    "loc.penutup": "Penutup",
    "loc.tanda-tangan": "Tanda tangan",
    "loc.lampiran": "Lampiran",
    "loc.story.header": "Kepala halaman",
    "loc.story.footer": "Kaki halaman",
    "loc.story.footnote": "Catatan kaki",
    "loc.story.comment": "Komentar",
    "loc.story.textbox": "Kotak teks",
    # --- severities ---
    "sev.error": "galat",
    "sev.warning": "peringatan",
    "sev.info": "info",
    "matrix.title": "Matriks kepatuhan",
    "matrix.requirement": "Persyaratan",
    "matrix.PASS": "LULUS",
    "matrix.FAIL": "GAGAL",
    "matrix.NEEDS-REVIEW": "PERLU DITINJAU",
    "matrix.N/A": "T/B",
    "matrix.unreadable": "tidak terbaca",
    "matrix.legend": "LULUS = tidak ada temuan; GAGAL = ada galat/peringatan; PERLU DITINJAU = harus diperiksa manusia; T/B = tidak berlaku untuk jenis dokumen ini.",
    "matrix.evidence": "bukti",
}

EN: Mapping[str, str] = {
    "err.NOT_FOUND": "file not found: check the path",
    "err.NOT_DOCX": "not a Word document (.docx): {detail}; save it as .docx and check again",
    "err.NOT_DOCX.lockfile": "a Word lock file (~$), not a document: check the real document",
    "err.ENCRYPTED": "file is password-protected: save it without a password and check again",
    "err.LEGACY_DOC": "legacy Word format (.doc): save it as .docx and check again",
    "err.CORRUPT": "file is damaged ({detail}): open it in Word and save it again",
    "err.TOO_LARGE": "file exceeds the {limit} limit: {detail}; check that this is the right file",
    "err.READ": "file cannot be read: {detail}",
    "loc.paragraph": "paragraph {block}",
    "loc.dokumen": "Document",
    "loc.judul": "Title",
    "loc.nomor": "Number",
    "loc.pembukaan": "Opening",
    "loc.komparisi": "Parties",
    "loc.premis": "Recitals",
    "loc.pasal": "Article {pasal}",
    "loc.pasal_ayat": "Article {pasal} paragraph ({ayat})",
    "loc.penutup": "Closing",
    "loc.tanda-tangan": "Signatures",
    "loc.lampiran": "Annex",
    "loc.story.header": "Header",
    "loc.story.footer": "Footer",
    "loc.story.footnote": "Footnote",
    "loc.story.comment": "Comment",
    "loc.story.textbox": "Text box",
    "sev.error": "error",
    "sev.warning": "warning",
    "sev.info": "info",
    "matrix.title": "Compliance matrix",
    "matrix.requirement": "Requirement",
    "matrix.PASS": "PASS",
    "matrix.FAIL": "FAIL",
    "matrix.NEEDS-REVIEW": "NEEDS-REVIEW",
    "matrix.N/A": "N/A",
    "matrix.unreadable": "unreadable",
    "matrix.legend": "PASS = no finding; FAIL = an error or warning; NEEDS-REVIEW = a person must check; N/A = does not apply to this document type.",
    "matrix.evidence": "evidence",
}

CATALOGUES: Mapping[str, Mapping[str, str]] = {"id": ID, "en": EN}


def t(key: str, lang: str = "id", **params: object) -> str:
    """The string `key` in `lang` (falling back to Indonesian), filled with `params`."""
    catalogue = CATALOGUES.get(lang, ID)
    template = catalogue.get(key) or ID[key]
    return template.format(**params) if params else template
