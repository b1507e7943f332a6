"""LibreOffice as a real Word client for slow tests: convert a file with a throw-away profile."""

from __future__ import annotations

import shutil
import subprocess
import uuid
from pathlib import Path

SOFFICE = shutil.which("soffice")


def convert(src: Path, target: str, outdir: Path) -> Path:
    """Convert `src` to `target` (e.g. "pdf", "docx") in `outdir`; the converted file's path."""
    assert SOFFICE is not None
    profile = Path("/tmp") / f"lo-{uuid.uuid4().hex}"
    try:
        proc = subprocess.run(
            [
                SOFFICE,
                "--headless",
                f"-env:UserInstallation={profile.as_uri()}",
                "--convert-to",
                target,
                "--outdir",
                str(outdir),
                str(src),
            ],
            capture_output=True,
            text=True,
            timeout=180,
            check=False,
        )
    finally:
        shutil.rmtree(profile, ignore_errors=True)
    out = outdir / f"{src.stem}.{target}"
    assert proc.returncode == 0, proc.stderr
    assert out.exists(), f"no {target} from {src.name}: {proc.stdout} {proc.stderr}"
    return out
