"""One small error hierarchy: unreadable input, bad pack or config, and our own bugs."""

from __future__ import annotations


class NaskahLintError(Exception):
    """Base of every error we raise on purpose."""


class UnreadableFile(NaskahLintError):
    """An input that cannot be linted. `code` is one of the contract's error codes
    (NOT_DOCX, ENCRYPTED, LEGACY_DOC, CORRUPT, TOO_LARGE, NOT_FOUND); `key` names the message in
    the catalogue and `params` fill it, so the line can be shown in either language."""

    def __init__(self, code: str, key: str, **params: object) -> None:
        super().__init__(f"{code}: {key} {params}")
        self.code = code
        self.key = key
        self.params = params


class ConfigError(NaskahLintError):
    """A bad rule pack, config file or command-line value (exit code 2).

    `where` is e.g. "rules/kpu-1068-2023/fmt.yml: rules[3].params.sizes"."""

    def __init__(self, where: str, reason: str, key: str | None = None, **params: object) -> None:
        super().__init__(f"{where}: {reason}")
        self.where = where
        self.reason = reason  # English, for logs and pack authors
        self.key = key  # optional i18n key of the reason, filled with `params`, for users
        self.params = params


class OutputError(NaskahLintError):
    """A report or annotated copy that cannot be written (exit code 2)."""
