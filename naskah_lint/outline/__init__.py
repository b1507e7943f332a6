"""Agreement outline: model -> parts (judul, nomor, pembukaan, komparisi, premis, pasal, penutup,
tanda tangan, lampiran)."""

from __future__ import annotations

from naskah_lint.outline.segmenter import segment

__all__ = ["segment"]
