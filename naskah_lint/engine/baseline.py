"""Baselines: record today's findings by fingerprint, later report only the new ones.

Fingerprints do not contain block numbers or pasal numbers (see `fingerprint.py`), so a baseline
survives edits elsewhere in a draft. A baseline file is JSON:
`{"schema_version": 1, "tool": "naskah-lint", "files": {"<path>": ["<fingerprint>", ...]}}`.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import replace
from pathlib import Path

from naskah_lint.errors import ConfigError
from naskah_lint.findings import FileResult, Report

Baseline = Mapping[str, tuple[str, ...]]


def _norm(path: str) -> str:
    """The same key for a path on Windows and POSIX."""
    return path.replace("\\", "/")


def baseline_text(report: Report) -> str:
    """The baseline file recording every finding of `report` (readable files only), as JSON."""
    files = {
        _norm(r.path): sorted(f.fingerprint for f in r.findings)
        for r in report.files
        if r.error is None
    }
    data = {"schema_version": 1, "tool": "naskah-lint", "files": dict(sorted(files.items()))}
    import json  # here, not at the top: a check without a baseline needs no JSON

    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def load_baseline(path: Path) -> Baseline:
    """Read a baseline file; a missing or malformed one is a ConfigError (exit 2)."""
    import json  # here, not at the top: a check without a baseline needs no JSON

    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ConfigError(str(path), "baseline file not found") from None
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ConfigError(str(path), f"baseline is not valid JSON ({exc})") from None
    if not isinstance(raw, dict) or raw.get("schema_version") != 1:
        raise ConfigError(str(path), "not a naskah-lint baseline (schema_version 1 expected)")
    files = raw.get("files")
    if not isinstance(files, dict) or not all(
        isinstance(k, str) and isinstance(v, list) and all(isinstance(x, str) for x in v)
        for k, v in files.items()
    ):
        raise ConfigError(f"{path}: files", "expected a mapping of path -> list of fingerprints")
    return {_norm(k): tuple(v) for k, v in files.items()}


def apply_baseline(report: Report, baseline: Baseline) -> Report:
    """Drop findings recorded in the baseline; count baseline entries no longer found as fixed.

    Fingerprints are matched as a multiset, so a finding that occurs more often than recorded
    is reported for the extra occurrences."""
    files: list[FileResult] = []
    fixed_total = 0
    for result in report.files:
        known = Counter(baseline.get(_norm(result.path), ()))
        if result.error is not None:
            files.append(result)
            continue
        kept = []
        for finding in result.findings:
            if known[finding.fingerprint] > 0:
                known[finding.fingerprint] -= 1
            else:
                kept.append(finding)
        fixed = sum(known.values())
        fixed_total += fixed
        files.append(replace(result, findings=tuple(kept), baseline_fixed=fixed))
    return replace(report, files=tuple(files), baseline_fixed=fixed_total)
