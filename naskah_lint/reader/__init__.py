"""The reader: the only code that reads OOXML. A Word file becomes a naskah_lint.model.Document.

Public API: `read_document(path, limits)`, `Limits`, `discover(paths)`, `sniff(path)`.
"""

from __future__ import annotations

from naskah_lint.reader.discover import discover
from naskah_lint.reader.document import read_document
from naskah_lint.reader.package import Limits, sniff

__all__ = ["Limits", "discover", "read_document", "sniff"]
