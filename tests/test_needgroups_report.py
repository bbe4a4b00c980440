"""The Need Groups report: golden HTML and CSV, escaping, and the numbers in it.

Golden files live in tests/golden/needgroups/. After an intended change to the template or
the report, regenerate them with
``UPDATE_GOLDEN=1 .venv/bin/python -m pytest tests/test_needgroups_report.py`` and review
the diff.
"""

from __future__ import annotations

import csv
import io
import os
import re
import shutil
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from assistant.audit.readers import read_forms
from assistant.audit.repository import AuditStore
from assistant.content import Content
from assistant.needgroups import (
    Analyzer,
    Report,
    Shuffle,
    Suggester,
    build_report,
    load_coach,
    load_themes,
    suggest_sample,
    write_report,
)
from assistant.store import Store
from tests.helpers import CONTENT, STOP

GOLDEN = Path(__file__).resolve().parent / "golden" / "needgroups"
UPDATE = os.environ.get("UPDATE_GOLDEN") == "1"
THEMES = load_themes(CONTENT)


@pytest.fixture
def report(tmp_path: Path) -> Report:
    """The golden forms, suggestions accepted, then shaped as an audit group would."""
    with Store(tmp_path / "audit.db") as store:
        audit = AuditStore(store)
        sample_id = audit.new_sample("Golden sample")
        forms, _ = read_forms("forms.json", (GOLDEN / "forms.json").read_bytes())
        audit.add_forms(sample_id, forms, "forms.json")
        suggester = Suggester(THEMES, Analyzer(None, CONTENT))
        suggest_sample(audit, sample_id, suggester, load_coach(CONTENT))  # as `audit suggest` does
        shuffle = Shuffle(audit, sample_id)
        shuffle.accept(themes=THEMES)
        groups = {g["theme"]: g["id"] for g in audit.groups(sample_id)}
        shuffle.rename(groups["school-learning"], "Getting to school & learning")
        shuffle.describe(groups["school-learning"],
                         "Children missing school because mornings at home are chaotic.",
                         "Agreed by the audit group on 20 November.")
        return build_report(audit, sample_id, "Golden sample", Content().framework, THEMES,
                            suggester, generated=date(2026, 11, 22), stop=STOP)


def test_report_files_match_their_golden_copies(report: Report, tmp_path: Path) -> None:
    paths = write_report(report, tmp_path / "out", content=CONTENT)
    for path in paths:
        golden = GOLDEN / path.name
        if UPDATE:
            shutil.copyfile(path, golden)
        assert golden.exists(), f"no golden file {golden.name}: run with UPDATE_GOLDEN=1"
        assert path.read_bytes() == golden.read_bytes(), (
            f"{path.name} differs from its golden copy; if intended, regenerate with "
            "UPDATE_GOLDEN=1 and review the diff")


def test_group_numbers_shares_and_typical_needs(report: Report) -> None:
    assert (report.forms, report.needs, report.children) == (4, 12, 6)
    school = next(g for g in report.groups if g.name == "Getting to school & learning")
    assert (school.cases, school.share, school.needs) == (2, 50, 2)
    assert school.typical == ["Child 1 needs to be at school by 8.45 every morning, rested "
                              "and having had breakfast.",
                              "Child 2 needs to be at school by 8.45 every morning."]
    assert dict(school.seriousness)["High"] == 2
    assert dict(school.status)["Partly met"] == 1
    assert ("Breakfast club", 1) in school.services
    substance = next(g for g in report.groups if g.theme == "Parental substance misuse")
    assert substance.cases == 1 and substance.needs == 2
    assert report.groups[0].cases >= report.groups[-1].cases


def test_needs_met_by_no_service_and_services_answering_no_need(report: Report) -> None:
    mental = next(g for g in report.groups if g.theme == "Parental mental health")
    assert mental.unserved == 1
    assert mental.unserved_examples == [
        "Mother needs to take her medication every day so that her mood stays steady."]
    (course,) = report.services_no_need
    assert course["service"] == "Parenting course — Family Centre"
    assert course["need"] == "Mother needs to attend a parenting course."
    assert "worded as a service ('parenting course')" in course["why"]


def test_unsorted_needs_are_listed_with_why(report: Report) -> None:
    course, safe = report.unsorted
    assert safe["case"] == "AUD-004"
    assert safe["reason"]  # always says why (here the pasted markup hides the aim)
    assert course["reason"].startswith("worded as a service")
    assert "need behind it" in course["reason"]


def test_case_references_are_never_broken_at_their_hyphens(report: Report,
                                                             tmp_path: Path) -> None:
    """Found walking the report in a browser: the narrow Case column printed "NL-2026-014"
    as "NL-/2026-/014"; every case reference cell keeps it on one line."""
    html = next(p for p in write_report(report, tmp_path / "out", content=CONTENT)
                if p.suffix == ".html").read_text("utf-8")
    cases = {u["case"] for u in report.unsorted}
    assert cases
    for case in cases:
        assert f"<td>{case}</td>" not in html and f'<td class="ref">{case}</td>' in html
    assert "td.ref { white-space: nowrap; }" in html


def test_report_card_has_the_three_questions(report: Report) -> None:
    assert list(report.card) == ["How much did we do?", "How well did we do it?",
                                 "Is anyone better off?"]
    much = dict(report.card["How much did we do?"])
    assert much["Cases audited"] == "4"
    well = dict(report.card["How well did we do it?"])
    assert well["Needs met by no service"] == "3 (25%)"
    better = dict(report.card["Is anyone better off?"])
    assert better["Met"] == "2 (17%)"
    assert better["Needs met or partly met, of those with a known status"] == "5 of 6 (83%)"
    assert dict(report.levels)["Level 3"] == 2


def test_typed_text_is_escaped_in_html_and_defused_in_csv(report: Report,
                                                          tmp_path: Path) -> None:
    html_path, csv_path, needs_path = write_report(report, tmp_path / "out", content=CONTENT)
    html = html_path.read_text()
    assert "<script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert html.count("<svg") >= 4, "group chart, seriousness bars and report-card charts"
    rows = list(csv.reader(io.StringIO(csv_path.read_text())))
    assert rows[0][:6] == ["group", "cluster", "description", "cases",
                           "share_of_cases_percent", "needs"]
    assert rows[-1][0] == "Not in a group"
    assert all(not cell.startswith("=") for row in rows for cell in row)
    need_rows = list(csv.DictReader(io.StringIO(needs_path.read_text())))
    assert len(need_rows) == report.needs  # one row per need
    assert all(not v.startswith("=") for row in need_rows for v in row.values())


def test_svg_bars_are_scaled_to_the_largest_group(report: Report, tmp_path: Path) -> None:
    html = write_report(report, tmp_path / "out", content=CONTENT)[0].read_text()
    chart = html.split('<svg class="chart"', 1)[1].split("</svg>", 1)[0]
    widths = [float(w) for w in re.findall(r'<rect x="210" y="\d+" width="([\d.]+)"', chart)]
    assert len(widths) == len(report.groups)
    assert max(widths) == 260.0
    top = report.groups[0].cases
    assert widths == [round(g.cases / top * 260, 1) for g in report.groups]


def test_report_of_an_empty_sample_says_so(tmp_path: Path) -> None:
    with Store(tmp_path / "e.db") as store:
        audit = AuditStore(store)
        sample_id = audit.new_sample("Empty")
        report: Any = build_report(audit, sample_id, "Empty", Content().framework, THEMES,
                                   generated=date(2026, 11, 22), stop=STOP)
    html = write_report(report, tmp_path / "out", content=CONTENT)[0].read_text()
    assert "No Need Groups yet" in html
    assert "cannot yet say whether anyone is better off" in html


def test_a_group_name_that_looks_like_a_formula_is_defused(report: Report) -> None:
    from assistant.needgroups import render_csv

    report.groups[0].name = '=HYPERLINK("http://example.invalid")'
    rows = list(csv.reader(io.StringIO(render_csv(report))))
    assert rows[1][0] == "'=HYPERLINK(\"http://example.invalid\")"


def test_the_wording_coach_reading_is_stored_and_reported(tmp_path: Path) -> None:
    """With the real coach: a need worded as a service or a universal aim is counted."""
    from assistant.needgroups import load_coach

    coach = load_coach(CONTENT)
    assert coach is not None, "the wording coach should load from the default content"
    with Store(tmp_path / "c.db") as store:
        audit = AuditStore(store)
        sample_id = audit.new_sample("Coached")
        forms, _ = read_forms("forms.json", (GOLDEN / "forms.json").read_bytes())
        audit.add_forms(sample_id, forms, "forms.json")
        counts = suggest_sample(audit, sample_id, Suggester(THEMES, Analyzer(None, CONTENT)), coach)
        assert counts["coached"] == 12
        kinds = {n["wording"]: n["kinds"] for n in audit.needs(sample_id)}
        assert "service" in kinds["Mother needs to attend a parenting course."]
        assert kinds["Child 2 needs to be at school by 8.45 every morning."] == []
        report = build_report(audit, sample_id, "Coached", Content().framework, THEMES,
                              Suggester(THEMES, Analyzer(None, CONTENT)),
                              generated=date(2026, 11, 22), stop=STOP)
        # A second run reads nothing again.
        again = suggest_sample(audit, sample_id, Suggester(THEMES, Analyzer(None, CONTENT)), coach)
        assert again["coached"] == 0
    well = dict(report.card["How well did we do it?"])
    row = well["Needs worded specifically (not as a service, a universal aim or an assessment)"]
    assert " of 12 (" in row
    specific = int(row.split(" of ")[0])
    assert 0 < specific < 12


# --- writing the files: atomic, owner-only, all or nothing (review finding 7) -------------


def test_report_files_are_owner_only_and_not_overwritten_without_force(
        report: Report, tmp_path: Path) -> None:
    from assistant.errors import ExportExists

    out = tmp_path / "out"
    paths = write_report(report, out, content=CONTENT)
    assert [oct(p.stat().st_mode & 0o777) for p in paths] == ["0o600"] * 3
    paths[0].unlink()
    paths[1].write_text("kept")
    with pytest.raises(ExportExists, match=r"needgroups-report\.csv: already exists"):
        write_report(report, out, content=CONTENT)
    assert paths[1].read_text() == "kept"
    assert not paths[0].exists(), "nothing is written when one file is in the way"
    write_report(report, out, force=True, content=CONTENT)
    assert paths[1].read_text().startswith("group,cluster")
    assert sorted(p.name for p in out.iterdir()) == sorted(p.name for p in paths)


@pytest.mark.parametrize(("template", "message"), [
    ("<p>{{ r.sample }}</p>\n{% for g in r.groups %}\n<p>{{ g.name }</p>\n",
     r"^needgroups-report\.html\.j2:3: unexpected '}'$"),
    ("<p>{{ r.sample }}</p>\n<p>{{ nothing_here.at_all }}</p>\n",
     r"^needgroups-report\.html\.j2:2: 'nothing_here' is undefined$"),
])
def test_a_broken_report_template_is_one_line_and_writes_nothing(
        report: Report, tmp_path: Path, template: str, message: str) -> None:
    from assistant.errors import ExportError

    override = tmp_path / "content"
    (override / "exports").mkdir(parents=True)
    (override / "exports" / "needgroups-report.html.j2").write_text(template)
    with pytest.raises(ExportError, match=message):
        write_report(report, tmp_path / "out", Content(override))
    assert not (tmp_path / "out").exists()


def test_cli_report_with_a_broken_override_template_exits_1_with_one_line(
        tmp_path: Path) -> None:
    from tests.helpers import run_cli

    override = tmp_path / "content"
    (override / "exports").mkdir(parents=True)
    (override / "exports" / "needgroups-report.html.j2").write_text("{{ r.sample }\n")
    env = {"NEEDS_LED_DB": str(tmp_path / "cli.db")}
    assert run_cli("audit", "new", "May", env=env).returncode == 0
    out = tmp_path / "out"
    result = run_cli("audit", "report", "May", "--out", str(out), "--content", str(override),
                     env=env)
    assert result.returncode == 1
    assert result.stderr == "needs-led: error: needgroups-report.html.j2:1: unexpected '}'\n"
    assert not out.exists() or not any(out.iterdir())
