"""The HTML exports in a real browser: headless Chromium prints and screenshots them.

`make test` installs Debian's chromium first (the Makefile's `browser` target), so these
tests run rather than skip; without a browser they fail and say how to get one.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from datetime import date
from pathlib import Path

import pytest

from assistant.exporters import export
from assistant.model import Case, Need, Outcome, WorkItem
from tests.helpers import CONTENT

pytestmark = pytest.mark.browser

DAY = date(2026, 11, 20)
FLAGS = (
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--hide-scrollbars", "--enable-logging=stderr", "--v=0",
)
A4_POINTS = (595.0, 842.0)  # 210 x 297 mm


def chromium() -> str:
    for name in ("chromium", "chromium-browser"):
        found = shutil.which(name)
        if found:
            return found
    pytest.fail("headless Chromium is missing: run 'make browser' "
                "(or: apt-get install chromium)")


def run(tmp_path: Path, page: Path, *args: str) -> list[str]:
    """Open ``page`` in headless Chromium; return the console messages it logged."""
    profile = tmp_path / f"profile-{page.stem}"
    done = subprocess.run(
        [chromium(), *FLAGS, f"--user-data-dir={profile}", *args, page.as_uri()],
        capture_output=True, text=True, timeout=180,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    return [line for line in done.stderr.splitlines() if ":CONSOLE" in line]


def print_pdf(tmp_path: Path, page: Path) -> bytes:
    pdf = tmp_path / f"{page.stem}.pdf"
    run(tmp_path, page, "--no-pdf-header-footer", f"--print-to-pdf={pdf}")
    return pdf.read_bytes()


def pages(pdf: bytes) -> int:
    return len(re.findall(rb"/Type\s*/Page(?![a-zA-Z])", pdf))


def page_sizes(pdf: bytes) -> list[tuple[float, float]]:
    boxes = re.findall(rb"/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]", pdf)
    return [(float(w), float(h)) for w, h in boxes]


def big_case(case: Case) -> Case:
    """The fixture case with twelve long needs, each with three services."""
    long = ("needs to be able to tell an adult at school when she is frightened at home, "
            "in her own words and without being prompted, so that help comes the same day")
    for number in range(8):
        outcome = Outcome(id=f"ob{number}", statement="By the review she will say so twice.")
        case.needs.append(Need(
            id=f"nb{number}", holder="p1", wording=f"Kayla {long} ({number + 1}).",
            outcomes=[outcome], status="unmet",
            work=[WorkItem(action=f"Weekly session {k} with the school nurse and the class "
                           "teacher, using the feelings workbook", who="School nurse",
                           outcome_id=f"ob{number}") for k in range(3)],
        ))
    return case


def test_audit_form_prints_on_exactly_one_a4_page(case: Case, tmp_path: Path) -> None:
    [path] = export(case, ["audit-html"], tmp_path, auditor="Auditor (fictional)", when=DAY,
                    content=CONTENT)
    pdf = print_pdf(tmp_path, path)
    assert pages(pdf) == 1
    [(width, height)] = page_sizes(pdf)
    assert abs(width - A4_POINTS[0]) < 3 and abs(height - A4_POINTS[1]) < 3


def test_a_long_audit_form_still_prints_on_one_page(case: Case, tmp_path: Path) -> None:
    case = big_case(case)
    assert len(case.needs) == 12
    [path] = export(case, ["audit-html"], tmp_path, when=DAY, content=CONTENT)
    assert pages(print_pdf(tmp_path, path)) == 1


@pytest.mark.parametrize(
    ("needs", "wording", "services", "service"),
    [(9, 150, 2, 80), (16, 120, 2, 60), (30, 80, 1, 40), (10, 400, 4, 150)],
)
def test_audit_forms_of_many_shapes_fit_one_page(
    case: Case, tmp_path: Path, needs: int, wording: int, services: int, service: int
) -> None:
    """The type size is estimated from the text; the browser checks the estimate."""
    case.comments = []
    case.needs = [
        Need(id=f"x{i}", holder="p1",
             wording=("Kayla needs to be able to say what she feels " * 40)[:wording],
             work=[WorkItem(action=("Weekly session with the nurse " * 20)[:service],
                            who="Nurse") for _ in range(services)])
        for i in range(needs)
    ]
    [path] = export(case, ["audit-html"], tmp_path, when=DAY, content=CONTENT)
    assert pages(print_pdf(tmp_path, path)) == 1


def test_the_page_counter_sees_several_pages(case: Case, tmp_path: Path) -> None:
    """The worker's plan runs to several pages, so a count of 1 above means something."""
    [path] = export(big_case(case), ["plan-html"], tmp_path, when=DAY, content=CONTENT)
    pdf = print_pdf(tmp_path, path)
    assert pages(pdf) >= 3
    assert all(abs(w - A4_POINTS[0]) < 3 for w, _ in page_sizes(pdf))


@pytest.mark.parametrize("fmt", ["plan-html", "family-html", "audit-html"])
def test_screenshot_without_console_errors(case: Case, fmt: str, tmp_path: Path) -> None:
    [path] = export(case, [fmt], tmp_path, when=DAY, content=CONTENT)
    shot = tmp_path / f"{fmt}.png"
    console = run(tmp_path, path, "--window-size=1000,1400", f"--screenshot={shot}")
    assert console == []
    data = shot.read_bytes()
    assert data.startswith(b"\x89PNG\r\n\x1a\n")
    width, height = int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")
    assert (width, height) == (1000, 1400)
    assert len(data) > 20_000  # a rendered page, not a blank one


def test_the_console_check_sees_errors(tmp_path: Path) -> None:
    page = tmp_path / "broken.html"
    page.write_text("<!DOCTYPE html><p>x</p><script>notDefined()</script>", encoding="utf-8")
    console = run(tmp_path, page, f"--screenshot={tmp_path / 'broken.png'}")
    assert any("notDefined" in line for line in console)


def test_the_injection_case_runs_no_script(tmp_path: Path) -> None:
    """A typed <script> neither runs nor trips the page's content security policy."""
    from tests.helpers import FIXTURES

    evil = Case.from_json((FIXTURES / "injection.json").read_text(encoding="utf-8"))
    for path in export(evil, ["plan-html", "family-html", "audit-html"], tmp_path, when=DAY,
                       content=CONTENT):
        console = run(tmp_path, path, f"--screenshot={tmp_path / (path.stem + '.png')}")
        assert console == [], path.name
