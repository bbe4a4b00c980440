"""The paper route into an audit: the blank form, the spreadsheet templates that import
back, and the checks every imported form gets (scales, a case twice, names, UK dates).

Real parts: the real command in a subprocess, a real SQLite file, real .xlsx files written
and read by openpyxl, the blank form printed by WeasyPrint.
"""

from __future__ import annotations

import csv
import json
from datetime import datetime
from pathlib import Path

import pytest

from assistant.audit.csvcodec import CSV_COLUMNS
from assistant.content import Content
from assistant.paperforms import allowed_values, blank_form_html, check_forms, xlsx_to_csv
from assistant.redact import load_names
from tests.helpers import run_cli


def row(**cells: str) -> dict[str, str]:
    base = {name: "" for name in CSV_COLUMNS}
    base.update(form_version="1", case_reference="PAPER-1", auditor="AB",
                audit_date="27/11/2026", children="Child 1 (10-15, male)", need_number="1",
                holder="Child 1", holder_kind="child",
                wording="Child 1 needs to be able to sit still in circle time",
                seriousness="moderate", status="partly", services="Learning mentor")
    base.update(cells)
    return base


def write_csv(path: Path, rows: list[dict[str, str]]) -> Path:
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(CSV_COLUMNS))
        writer.writeheader()
        writer.writerows(rows)
    return path


@pytest.fixture
def env(tmp_path: Path) -> dict[str, str]:
    env = {"NEEDS_LED_DB": str(tmp_path / "audit.db")}
    assert run_cli("audit", "new", "Paper", env=env).returncode == 0
    return env


def test_the_blank_form_prints_on_one_a4_page() -> None:
    from weasyprint import HTML

    html = blank_form_html(Content())
    document = HTML(string=html).render()
    assert len(document.pages) == 1
    width, height = document.pages[0].width, document.pages[0].height
    assert (round(width * 25.4 / 96), round(height * 25.4 / 96)) == (210, 297)
    for value in allowed_values(Content().framework)["seriousness"]:
        assert value in html


def test_the_kit_is_written_and_its_templates_import_back(tmp_path: Path,
                                                          env: dict[str, str]) -> None:
    from openpyxl import load_workbook

    kit = tmp_path / "kit"
    result = run_cli("audit", "blank", "--out", str(kit), env=env)
    assert result.returncode == 0, result.stderr
    assert sorted(p.name for p in kit.iterdir()) == [
        "audit-form-blank.html", "audit-forms-template.csv", "audit-forms-template.xlsx"]
    # (walk10) a line saying how to fill it in, then the header the import reads
    note, header_line = (kit / "audit-forms-template.csv").read_text().strip().splitlines()
    assert header_line.split(",") == list(CSV_COLUMNS)
    assert note.startswith('"#') and "' | '" in note and "';'" in note

    # A trainer types two paper forms into the workbook: a real date cell and a UK date.
    book = load_workbook(kit / "audit-forms-template.xlsx")
    sheet = book["Forms"]
    assert [c.value for c in sheet[1]] == list(CSV_COLUMNS)
    assert len(sheet.data_validations.dataValidation) == 5  # drop-down lists
    first = row(case_reference="PAPER-1")
    second = row(case_reference="PAPER-2", audit_date="28 Nov 2026", level_of_need="3")
    for values in (first, second):
        cells: list[object] = [values[name] for name in CSV_COLUMNS]
        sheet.append(cells)
    sheet.cell(row=2, column=list(CSV_COLUMNS).index("audit_date") + 1,
               value=datetime(2026, 11, 27))
    filled = tmp_path / "typed-in.xlsx"
    book.save(filled)
    result = run_cli("audit", "add", "Paper", str(filled), env=env)
    assert result.returncode == 0, result.stderr
    assert "imported 2 form(s)" in result.stdout
    listed = json.loads(run_cli("audit", "list", "--json", env=env).stdout)
    assert listed[0]["forms"] == 2 and listed[0]["needs"] == 2


def test_uk_and_printed_dates_are_read(tmp_path: Path, env: dict[str, str]) -> None:
    path = write_csv(tmp_path / "f.csv", [row(case_reference="D-1", audit_date="27/11/2026"),
                                          row(case_reference="D-2", audit_date="27 Nov 2026"),
                                          row(case_reference="D-3", audit_date="2026-11-27")])
    result = run_cli("audit", "add", "Paper", str(path), env=env)
    assert result.returncode == 0, result.stderr
    assert "imported 3 form(s)" in result.stdout


def test_a_value_off_the_scale_leaves_the_form_out_naming_the_allowed_values(
        tmp_path: Path, env: dict[str, str]) -> None:
    path = write_csv(tmp_path / "f.csv", [
        row(case_reference="S-1", seriousness="extreme"),
        row(case_reference="S-2", level_of_need="7"),
        row(case_reference="S-3")])
    result = run_cli("audit", "add", "Paper", str(path), env=env)
    assert result.returncode == 1
    assert "seriousness 'extreme' is not one of low, moderate, high, severe" in result.stderr
    assert "case S-1" in result.stderr
    assert "imported 1 form(s)" in result.stdout  # S-3 only: S-2's level fails the model


def test_the_same_case_audited_twice_is_warned_about(tmp_path: Path,
                                                    env: dict[str, str]) -> None:
    first = write_csv(tmp_path / "a.csv", [row(case_reference="T-1", auditor="AB")])
    again = write_csv(tmp_path / "b.csv", [row(case_reference="T-1", auditor="CD",
                                               audit_date="28/11/2026")])
    assert run_cli("audit", "add", "Paper", str(first), env=env).returncode == 0
    result = run_cli("audit", "add", "Paper", str(again), env=env)
    assert result.returncode == 0
    assert "warning: " in result.stderr and "case T-1 is audited more than once" in result.stderr
    assert "counts it as one case" in result.stderr


def test_names_in_need_text_are_warned_about() -> None:
    from assistant.audit.form import AuditForm

    form = AuditForm.model_validate({
        "case_reference": "N-1", "audit_date": "2026-11-27",
        "needs": [
            {"holder": "Child 1", "holder_kind": "child",
             "wording": "Child 1 needs to see her gran Maureen every Sunday"},
            {"holder": "Mother", "holder_kind": "parent",
             "wording": "Mother needs to be able to get Child 1 to school by 8.45"},
        ]})
    content = Content()
    checked = check_forms("f.csv", [form], content.framework, names=load_names(content))
    assert len(checked.forms) == 1
    [warning] = checked.warnings
    assert "need 1" in str(warning) and "'Maureen'" in str(warning)
    assert "replaced by [name]" in str(warning)


def test_names_in_need_text_and_services_are_replaced_before_pooling() -> None:
    """Found walking as a trainer: a typed paper form's "Kayleigh" was warned about at
    import and then printed in the Need Groups report. The form that is kept carries
    "[name]" in its need and its services; the role labels stay as written."""
    from assistant.audit.form import AuditForm

    form = AuditForm.model_validate({
        "case_reference": "N-3", "audit_date": "2026-11-27",
        "needs": [
            {"holder": "Child 1", "holder_kind": "child",
             "wording": "Child 1 needs to see her gran Maureen every Sunday",
             "services": ["Contact supervised by Rosalind at the family centre",
                          "Meets the worker to agree a plan — Drug and alcohol worker"]},
            {"holder": "Mother", "holder_kind": "parent",
             "wording": "Mother needs Relative to collect Child 1 from school on Fridays"},
        ]})
    content = Content()
    checked = check_forms("f.csv", [form], content.framework, names=load_names(content))
    [kept] = checked.forms
    assert kept.needs[0].wording == "Child 1 needs to see her gran [name] every Sunday"
    assert kept.needs[0].services == [
        "Contact supervised by [name] at the family centre",
        "Meets the worker to agree a plan — Drug and alcohol worker"]  # who, read alone
    assert kept.needs[1].wording == form.needs[1].wording
    assert "Maureen" not in kept.model_dump_json() and "Rosalind" not in kept.model_dump_json()
    [warning] = checked.warnings
    assert "'Maureen', 'Rosalind'" in str(warning)


def test_the_role_labels_the_form_writes_are_no_names() -> None:
    """The audit form writes a person by their role's label ("Relative" for an other
    relative, "Step-parent", "Carer 2"): imported again, those are not names (found by
    walk7: "'Relative' may be a name" for a form the app had just written), while a
    name beside them still is."""
    from assistant.audit.form import AuditForm

    form = AuditForm.model_validate({
        "case_reference": "N-2", "audit_date": "2026-11-27",
        "needs": [
            {"holder": "Mother", "holder_kind": "parent",
             "wording": "Mother needs to know who to call when Relative starts shouting"},
            {"holder": "Child 1", "holder_kind": "child",
             "wording": "Child 1 needs Step-parent and Carer 2 to agree one bedtime"},
            {"holder": "Child 1", "holder_kind": "child",
             "wording": "Child 1 needs Relative and Dorrit to stop arguing at handovers"},
        ]})
    content = Content()
    checked = check_forms("f.json", [form], content.framework, names=load_names(content))
    assert [str(w).split(": ", 1)[1].split(" may")[0] for w in checked.warnings] == [
        "case N-2, need 3: 'Dorrit'"]


def test_a_file_that_only_says_xlsx_is_a_problem_not_a_crash() -> None:
    with pytest.raises(ValueError, match=r"not a readable \.xlsx workbook"):
        xlsx_to_csv(b"PK\x03\x04 not really a zip")
    from assistant.audit.readers import read_forms

    forms, problems = read_forms("broken.xlsx", b"hello")
    assert forms == [] and "not a readable .xlsx" in str(problems[0])


def test_the_csv_template_typed_in_imports_services_split_by_bar_or_semicolon(
        tmp_path: Path, env: dict[str, str]) -> None:
    """Found by walk10, a trainer typing paper forms into the CSV template: only the .xlsx
    template said that several services in one cell are separated by " | ", and
    "Parenting programme; CAMHS" stayed one service. The CSV template now says it on a
    line before its header (read past by the import, nothing to delete), and ";" is read
    between services in a cell with no "|" ("|" wins where both are written)."""
    from assistant.audit.readers import read_forms

    kit = tmp_path / "kit"
    assert run_cli("audit", "blank", "--out", str(kit), env=env).returncode == 0
    template = kit / "audit-forms-template.csv"
    with template.open("a", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(CSV_COLUMNS))
        writer.writerow(row(case_reference="SEMI-1", services="Parenting programme; CAMHS"))
        writer.writerow(row(case_reference="BAR-1", services="Parenting programme | CAMHS"))
        writer.writerow(row(case_reference="BOTH-1",
                            services="Parenting programme; weekly | CAMHS"))
        writer.writerow(row(case_reference="ONE-1", services="Learning mentor"))
    forms, problems = read_forms(str(template), template.read_bytes(), Content().framework)
    assert problems == []
    services = {f.case_reference: f.needs[0].services for f in forms}
    assert services == {
        "SEMI-1": ["Parenting programme", "CAMHS"],
        "BAR-1": ["Parenting programme", "CAMHS"],
        "BOTH-1": ["Parenting programme; weekly", "CAMHS"],
        "ONE-1": ["Learning mentor"],
    }
    result = run_cli("audit", "add", "Paper", str(template), env=env)
    assert result.returncode == 0, result.stderr
    assert "imported 4 form(s)" in result.stdout


def test_a_service_with_a_semicolon_in_its_name_is_written_and_read_back_exactly() -> None:
    from assistant.audit.csvcodec import join_services, split_services

    for services in (["Parenting programme; CAMHS"], ["A | B", "C;D", "E\\F"],
                     ["Parenting programme", "CAMHS"]):
        assert split_services(join_services(services)) == services


def test_scale_values_typed_as_the_form_prints_them_are_read(tmp_path: Path,
                                                              env: dict[str, str]) -> None:
    """Found by walk11, a trainer typing paper forms into the CSV template: the printed
    form says "Met? is one of: Met, Partly met, Unmet, Closed, Not known", and "Partly
    met" typed as printed was refused with "String should match pattern
    '^[a-z0-9][a-z0-9_-]{0,39}$'". A value on a scale is read by its id or its label, in
    any case ("High", "Partly met", "Not known", "Level 3"); one that is neither is
    refused naming both."""
    from assistant.audit.readers import read_forms

    path = write_csv(tmp_path / "f.csv", [
        row(case_reference="L-1", seriousness="High", status="Partly met"),
        row(case_reference="L-2", seriousness="SEVERE", status="not known",
            level_of_need="Level 3"),
        row(case_reference="L-3", seriousness="moderate", status="Unmet",
            level_of_need="Level 2: additional needs"),
        row(case_reference="L-4", status="very good")])
    forms, problems = read_forms(str(path), path.read_bytes(), Content().framework)
    read = {f.case_reference: (f.needs[0].seriousness, f.needs[0].status, f.level_of_need)
            for f in forms}
    assert read == {"L-1": ("high", "partly", None), "L-2": ("severe", "unknown", 3),
                    "L-3": ("moderate", "unmet", 2)}, read
    (problem,) = problems
    assert "need 1, status: 'very good' is not one of met, partly, unmet, closed, unknown" in \
        problem.message and "Partly met" in problem.message and "pattern" not in \
        problem.message, problem.message
    result = run_cli("audit", "add", "Paper", str(path), env=env)
    assert result.returncode == 1 and "imported 3 form(s)" in result.stdout, result
