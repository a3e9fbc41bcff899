"""The shareable HTML report: its content, how it is saved, and a real browser loading it.

The browser test runs Debian's Chromium headless on the report, fails on any console message
(errors, failed loads: the network is mapped away) and keeps a screenshot in
``$TEAMWRIGHT_ARTIFACTS`` (default build/artifacts). Without Chromium it is skipped, unless
``TEAMWRIGHT_REQUIRE_BROWSER=1`` (CI's scripts/browser-test) makes that a failure.
"""

from __future__ import annotations

import html.parser
import os
import pathlib
import re
import shutil
import subprocess

import pytest
import teamwright as tw
from teamwright.cli import main

ROOT = pathlib.Path(__file__).resolve().parents[2]


class _Text(html.parser.HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []
        self.resources: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if name in ("src", "href") and value:
                self.resources.append(value)

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


def _read(path: pathlib.Path) -> _Text:
    page = _Text()
    page.feed(path.read_text(encoding="utf-8"))
    return page


def test_the_report_holds_the_team_why_each_member_gaps_and_plan(
    tmp_path: pathlib.Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "latam.html"
    assert main([
        "report", tw.example_path(), "--request", "latam_expansion",
        "--people", "p03,p07,p09", "--html", str(out),
    ]) == 0  # fmt: skip
    assert "report of latam_expansion" in capsys.readouterr().out
    page = _read(out)
    text = " ".join(page.parts)
    assert page.resources == []  # self-contained: nothing to fetch
    for person in ("p03", "p07", "p09"):
        assert person in text
    assert "2 x spanish >= 4" in text and "Development plan" in text
    model = tw.load(tw.example_path())
    planned = tw.plan(model, "latam_expansion", ["p03", "p07", "p09"], time_limit=5)
    assert all(g.due in text for d in planned.development for g in d.goals)


def test_a_solved_report_explains_every_member(tmp_path: pathlib.Path) -> None:
    model = tw.load(tw.example_path())
    request = model.requests[0].id
    report = tw.build_report(model, request, time_limit=10)
    out = tmp_path / "team.html"
    report.save(out)
    text = " ".join(_read(out).parts)
    assert report.result is not None and report.result.members
    for member in report.result.members:
        assert member.summary in text
    assert report.plan is None or report.plan.development is not None


def test_saving_follows_links_keeps_the_umask_and_never_half_writes(
    tmp_path: pathlib.Path,
) -> None:
    model = tw.load(tw.example_path())
    report = tw.build_report(model, "latam_expansion", ["p03", "p07", "p09"], time_limit=5)
    target = tmp_path / "real.html"
    target.write_text("old")
    link = tmp_path / "link.html"
    link.symlink_to(target)
    report.save(link)
    assert link.is_symlink() and target.read_text().startswith("<!DOCTYPE html>")
    assert oct(target.stat().st_mode & 0o777) == oct(0o666 & ~_umask())
    with pytest.raises(tw.FileError, match="directory"):
        report.save(tmp_path)
    with pytest.raises(tw.FileError):
        report.save(tmp_path / "missing" / "r.html")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["link.html", "real.html"]


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _chromium() -> str | None:
    return shutil.which("chromium") or shutil.which("chromium-browser")


def _load_in_browser(page: pathlib.Path, screenshot: pathlib.Path) -> list[str]:
    """The console messages of the page in headless Chromium (the network mapped away)."""
    browser = _chromium()
    assert browser is not None
    run = subprocess.run(
        [
            browser, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
            "--enable-logging=stderr", "--v=0", "--window-size=1200,1800",
            "--host-resolver-rules=MAP * ~NOTFOUND", f"--screenshot={screenshot}",
            page.as_uri(),
        ],
        capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    assert run.returncode == 0, run.stderr[-2000:]
    return re.findall(r"CONSOLE[^\n]*", run.stderr)


@pytest.fixture
def browser() -> None:
    if _chromium() is None:
        if os.environ.get("TEAMWRIGHT_REQUIRE_BROWSER") == "1":
            pytest.fail("Chromium is required (TEAMWRIGHT_REQUIRE_BROWSER=1) but not installed")
        pytest.skip("Chromium is not installed (scripts/browser-test installs it)")


@pytest.mark.usefixtures("browser")
def test_a_real_browser_shows_the_report_without_console_errors(tmp_path: pathlib.Path) -> None:
    artifacts = pathlib.Path(os.environ.get("TEAMWRIGHT_ARTIFACTS", ROOT / "build" / "artifacts"))
    artifacts.mkdir(parents=True, exist_ok=True)
    page = tmp_path / "report.html"
    model = tw.load(tw.example_path())
    tw.build_report(model, "latam_expansion", ["p03", "p07", "p09"], time_limit=5).save(page)
    screenshot = artifacts / "report.png"
    screenshot.unlink(missing_ok=True)
    assert _load_in_browser(page, screenshot) == []
    assert screenshot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert screenshot.stat().st_size > 20_000  # a rendered page, not a blank one

    # The check sees what it must: a page with a script error and a remote image.
    broken = tmp_path / "broken.html"
    broken.write_text(
        '<!DOCTYPE html><html><body><img src="http://example.invalid/x.png">'
        "<script>missing();</script></body></html>"
    )
    messages = _load_in_browser(broken, tmp_path / "broken.png")
    assert any("missing is not defined" in m for m in messages), messages
