"""naskah-lint: a compliance linter for KPU agreement drafts (.docx)."""

__version__ = "0.1.0"
