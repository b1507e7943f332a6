"""Agreement outline: model -> parts (judul, nomor, pembukaan, komparisi, premis, pasal, penutup,
tanda tangan, lampiran)."""
