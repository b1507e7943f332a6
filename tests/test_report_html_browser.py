"""The HTML report in headless Chromium: no errors, no network, filters and counts work."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from report_samples import PACK, sample_report

from naskah_lint.findings import Report, Severity
from naskah_lint.report import html

CHROMIUM = Path("/usr/bin/chromium")
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]
CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus" / "agreements"

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="/usr/bin/chromium is not installed"),
]


def _report_and_pack(name: str) -> tuple[Report, Any]:
    """The hand-built sample, or real findings on the agreement corpus (skipped when the
    pipeline or the corpus is missing)."""
    if name == "sample":
        return sample_report(), PACK
    try:
        from naskah_lint.api import lint_paths, prepared_pack
        from naskah_lint.config import Settings
    except ImportError as exc:
        pytest.skip(f"pipeline not available: {exc}")
    if not CORPUS.is_dir():
        pytest.skip(f"corpus not found at {CORPUS}")
    paths = tuple(str(p) for p in sorted(CORPUS.glob("*.docx"))[:4])
    settings = Settings(paths=paths, jobs=1)
    return lint_paths(settings), prepared_pack(settings)


@pytest.mark.parametrize("name", ["sample", "corpus"])
def test_report_in_chromium(name: str, tmp_path: Path) -> None:
    sync_api = pytest.importorskip("playwright.sync_api")
    report, pack = _report_and_pack(name)
    page_file = tmp_path / "report.html"
    page_file.write_text(html.render(report, pack, "id"), encoding="utf-8")
    total = sum(len(f.findings) for f in report.files)
    infos = report.count(Severity.INFO)
    errors: list[str] = []
    requests: list[str] = []

    def route(r: Any) -> None:
        url = r.request.url
        if url.startswith(("file:", "data:")):
            r.continue_()
        else:
            requests.append(url)
            r.abort()

    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        try:
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            page.route("**/*", route)
            page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
            page.on("pageerror", lambda exc: errors.append(str(exc)))
            page.goto(page_file.as_uri())
            page.wait_for_load_state("load")

            shown = page.locator("#shown-count")
            assert page.locator(".finding:visible").count() == total
            assert shown.inner_text() == f"{total} dari {total} temuan ditampilkan"

            page.locator('input[name="severity"][value="info"]').uncheck()
            assert page.locator(".finding:visible").count() == total - infos
            assert page.locator('.finding[data-severity="info"]:visible').count() == 0
            assert shown.inner_text() == f"{total - infos} dari {total} temuan ditampilkan"

            # keyboard: focus the info checkbox and tick it again with the space bar
            page.locator('input[name="severity"][value="info"]').focus()
            page.keyboard.press("Space")
            assert page.locator(".finding:visible").count() == total

            if total:
                rule = report.files[0].findings[0].rule if report.files[0].findings else None
                rule = rule or next(f.rule for r in report.files for f in r.findings)
                expected = sum(1 for r in report.files for f in r.findings if f.rule == rule)
                page.locator("#rule-filter").select_option(rule)
                assert page.locator(".finding:visible").count() == expected
                assert shown.inner_text() == f"{expected} dari {total} temuan ditampilkan"
                # cards with nothing left to show drop their outline panel while filtered
                others = sum(
                    1
                    for r in report.files
                    if r.error is None and all(f.rule != rule for f in r.findings)
                )
                assert page.locator("article.file.no-match").count() == others
                assert page.locator("article.file.no-match aside.outline:visible").count() == 0
                page.locator("#rule-filter").select_option("")
                assert page.locator("article.file.no-match").count() == 0

            page.screenshot(path=str(tmp_path / "report.png"), full_page=True)

            # a phone: the summary stacks (no sideways scrolling), counts keep their labels
            page.set_viewport_size({"width": 420, "height": 900})
            row = page.locator("section.summary tbody tr").first
            assert row.bounding_box()["width"] <= 420
            assert page.locator("section.summary thead").is_hidden()
            label = page.locator("section.summary tbody td.num").first.evaluate(
                "el => getComputedStyle(el, '::before').content"
            )
            assert label == '"galat: "'
            page.screenshot(path=str(tmp_path / "report-420.png"), full_page=True)
        finally:
            browser.close()
    assert errors == []
    assert requests == []
    assert (tmp_path / "report.png").stat().st_size > 10_000
