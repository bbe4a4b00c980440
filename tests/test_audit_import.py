"""Importing audit forms into a sample: JSON, JSON lines and CSV; errors by file and line;
re-importing adds nothing. Real files, a real SQLite database, the real CLI."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from assistant.audit.csvcodec import write_csv
from assistant.audit.form import AuditForm
from assistant.audit.readers import read_forms
from assistant.audit.redaction import audit_form_from_case
from assistant.audit.repository import AuditError, AuditStore
from assistant.model import Case
from assistant.store import Store
from tests.helpers import CONTENT, run_cli

GOLDEN_FORMS = Path(__file__).resolve().parent / "golden" / "needgroups" / "forms.json"


@pytest.fixture
def forms() -> list[AuditForm]:
    return [AuditForm.model_validate(f) for f in json.loads(GOLDEN_FORMS.read_text())]


@pytest.fixture
def audit(tmp_path: Path) -> Any:
    store = Store(tmp_path / "audit.db")
    yield AuditStore(store)
    store.close()


def test_json_list_bad_form_reported_by_line_and_the_rest_kept(forms: list[AuditForm]) -> None:
    items = [json.loads(f.model_dump_json()) for f in forms[:2]]
    items.insert(1, {"case_reference": "AUD-9", "audit_date": "2026-02-30",
                     "needs": [{"holder": "Mother", "holder_kind": "aunt", "wording": "x"}]})
    text = json.dumps(items, indent=1)
    got, problems = read_forms("pool.json", text.encode())
    assert [f.case_reference for f in got] == [forms[0].case_reference, "AUD-002"]
    (problem,) = problems
    second_start = [n for n, line in enumerate(text.splitlines(), 1) if line == " {"][1]
    assert problem.line == second_start
    message = str(problem)
    assert message.startswith(f"pool.json:{second_start}: ")
    assert "audit date:" in message
    assert "needs 1, holder kind:" in message or "need 1, holder kind:" in message


def test_json_lines_and_a_single_object_both_read(forms: list[AuditForm]) -> None:
    lines = "\n".join(f.model_dump_json() for f in forms)
    got, problems = read_forms("pool.jsonl", lines.encode())
    assert problems == [] and len(got) == len(forms)
    got, problems = read_forms("one.json", forms[1].model_dump_json(indent=2).encode())
    assert problems == [] and got == [forms[1]]


def test_broken_json_is_reported_with_its_line() -> None:
    text = '[\n {"case_reference": "A-1", "audit_date": "2026-01-01"},\n {"case_reference": \n]'
    got, problems = read_forms("broken.json", text.encode())
    assert [f.case_reference for f in got] == ["A-1"]
    assert str(problems[0]).startswith("broken.json:4: not valid JSON")


def test_not_utf8_and_empty_files_are_problems_not_crashes() -> None:
    _, problems = read_forms("latin.csv", b"case_reference\ncaf\xe9\n")
    assert str(problems[0]) == "latin.csv:2: not UTF-8 text"
    _, problems = read_forms("empty.json", b"  \n")
    assert str(problems[0]) == "empty.json: empty file"


def test_csv_a_bad_row_leaves_its_whole_form_out_and_is_reported_by_line_and_need(
        forms: list[AuditForm]) -> None:
    text = write_csv(forms)
    lines = text.split("\r\n")
    # Break the second need of AUD-002 (a status the form does not know).
    index = next(n for n, line in enumerate(lines) if "violent relationships" in line)
    lines[index] = lines[index].replace(",partly,", ",sorted,")
    got, problems = read_forms("pool.csv", "\r\n".join(lines).encode(), CONTENT.framework)
    (problem,) = problems
    assert problem.line == index + 1
    assert problem.message.startswith("need 2, status: ")
    assert "case AUD-002 was not imported" in problem.message
    by_ref = {f.case_reference: f for f in got}
    assert sorted(by_ref) == sorted(
        f.case_reference for f in forms if f.case_reference != "AUD-002")
    assert by_ref["AUD-003"] == forms[2]


def test_csv_line_numbers_count_quoted_newlines(forms: list[AuditForm]) -> None:
    multi = forms[1].model_copy(update={"needs": [
        forms[1].needs[0].model_copy(update={"wording": "Mother needs to\nsleep at night."})]})
    text = write_csv([multi]) + "AUD-X,broken row\r\n"
    got, problems = read_forms("pool.csv", text.encode())
    assert got[0].needs[0].wording == "Mother needs to\nsleep at night."
    assert str(problems[0]).startswith("pool.csv:4: 2 cells where the header has 17")


def test_csv_missing_columns_reported_on_line_1() -> None:
    _, problems = read_forms("x.csv", b"case_reference,wording\nA-1,needs\n")
    assert str(problems[0]).startswith("x.csv:1: missing column(s): form_version, auditor")


def test_reimporting_adds_nothing_and_a_changed_form_is_reported(
        audit: AuditStore, forms: list[AuditForm]) -> None:
    sample = audit.new_sample("May audit")
    first = audit.add_forms(sample, forms, "a.json")
    assert (first.added, first.duplicates, first.problems) == (len(forms), 0, [])
    again = audit.add_forms(sample, forms, "a.json")
    assert (again.added, again.duplicates) == (0, len(forms))
    changed = forms[1].model_copy(update={"level_of_need": 5})
    result = audit.add_forms(sample, [changed], "b.json")
    assert result.added == 0
    assert "already imported with different content; the stored form was kept" in str(
        result.problems[0])
    assert len(audit.forms(sample)) == len(forms)
    assert len(audit.needs(sample)) == sum(len(f.needs) for f in forms)
    # The same form in another sample is a different pool.
    other = audit.new_sample("June audit")
    assert audit.add_forms(other, forms[:1], "a.json").added == 1


def test_forms_from_the_case_builder_import(audit: AuditStore, case: Case) -> None:
    sample = audit.new_sample("From cases")
    form = audit_form_from_case(case, "Auditor A", date(2026, 11, 20), content=CONTENT)
    assert audit.add_forms(sample, [form], "case").added == 1
    wordings = [n["wording"] for n in audit.needs(sample)]
    assert wordings == [n.wording for n in form.needs]
    assert not any("Kayla" in w for w in wordings)


def test_sample_names_are_unique_and_unknown_names_explained(audit: AuditStore) -> None:
    audit.new_sample("May audit")
    with pytest.raises(AuditError, match="already a sample called 'May audit'"):
        audit.new_sample("May audit")
    with pytest.raises(AuditError, match=r"no audit sample called 'June'.*samples: May audit"):
        audit.sample_id("June")


# --- the CLI, as a person runs it --------------------------------------------------------


def test_cli_add_reports_each_bad_file_and_imports_the_rest(tmp_path: Path,
                                                             forms: list[AuditForm]) -> None:
    good = tmp_path / "good.json"
    good.write_text(json.dumps([json.loads(f.model_dump_json()) for f in forms]))
    pooled = tmp_path / "pool.csv"
    fifth = forms[0].model_copy(update={"case_reference": "AUD-005"})
    pooled.write_text(write_csv([fifth]).replace(",partly,", ",unsure,", 1), newline="")
    env = {"NEEDS_LED_DB": str(tmp_path / "cli.db")}
    assert run_cli("audit", "new", "May", env=env).returncode == 0
    result = run_cli("audit", "add", "May", str(good), str(pooled), str(tmp_path / "nope.json"),
                     env=env)
    assert result.returncode == 1
    errors = result.stderr.strip().splitlines()
    assert errors[0].startswith(f"{pooled}:2: need 1, status: ")
    assert errors[0].endswith("case AUD-005 was not imported (fix this row and import the "
                              "file again)")
    assert errors[1] == f"{tmp_path / 'nope.json'}: no such file"
    assert "imported 4 form(s) into 'May', 2 problem(s) reported above" in result.stdout
    again = run_cli("audit", "add", "May", str(good), env=env)
    assert again.returncode == 0
    assert "imported 0 form(s) into 'May', 4 already in the sample" in again.stdout
    # The corrected file adds the whole form: nothing of it was kept before.
    pooled.write_text(write_csv([fifth]), newline="")
    fixed = run_cli("audit", "add", "May", str(pooled), env=env)
    assert (fixed.returncode, fixed.stderr) == (0, "")
    assert "imported 1 form(s) into 'May'" in fixed.stdout
    listed = run_cli("audit", "list", "--json", env=env)
    (sample,) = json.loads(listed.stdout)
    assert (sample["name"], sample["forms"], sample["needs"]) == ("May", 5, 16)


def test_cli_unknown_sample_is_one_line_exit_1(tmp_path: Path) -> None:
    result = run_cli("audit", "add", "Nope", "x.json", env={"NEEDS_LED_DB": str(tmp_path / "d")})
    assert result.returncode == 1
    assert result.stderr.strip().splitlines() == [
        "needs-led: error: no audit sample called 'Nope' (run 'audit new NAME')"]


def test_cli_suggest_accept_report_undo(tmp_path: Path) -> None:
    env = {"NEEDS_LED_DB": str(tmp_path / "cli.db")}
    run_cli("audit", "new", "May", env=env)
    run_cli("audit", "add", "May", str(GOLDEN_FORMS), env=env)
    result = run_cli("audit", "suggest", "May", "--json", "--accept", env=env)
    assert result.returncode == 0, result.stderr
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(rows) == 12
    drinking = next(r for r in rows if "stop drinking" in r["wording"])
    assert drinking["reason"].startswith("matched 'drinking' -> Parental substance misuse")
    # "needs to attend a parenting course" and "needs to be safe" get no theme: the group
    # asks for the need behind them.
    assert "10 with a suggested theme, 2 left for the group to place; 10 placed" in result.stderr
    course = next(r for r in rows if "parenting course" in r["wording"])
    assert course["theme"] is None and course["reason"].startswith("worded as a service")
    out = tmp_path / "report"
    made = run_cli("audit", "report", "May", "--out", str(out), "--date", "2026-11-22", env=env)
    assert made.returncode == 0, made.stderr
    assert (out / "needgroups-report.html").exists() and (out / "needgroups-report.csv").exists()
    twice = run_cli("audit", "report", "May", "--out", str(out), env=env)
    assert twice.returncode == 2 and "use --force" in twice.stderr
    undo = run_cli("audit", "undo", "May", env=env)
    assert undo.stdout.strip() == "undid: accept 10 suggestion(s)"
    assert "not in a group: 12 needs" in run_cli("audit", "groups", "May", env=env).stdout


def test_a_database_from_a_newer_version_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "newer.db"
    with Store(path) as store:
        AuditStore(store)
        store.db["_sqlite_migrations"].insert(
            {"migration_set": "needs-led-audit", "name": "m999_future",
             "applied_at": "2030-01-01"})
    with Store(path) as store, pytest.raises(AuditError, match="newer needs-led"):
        AuditStore(store)


# --- review findings: incomplete forms, replacing, empty forms, round trips --------------


def test_replace_swaps_a_stored_form_and_keeps_groups_of_needs_worded_as_before(
        audit: AuditStore, forms: list[AuditForm]) -> None:
    from assistant.needgroups import Shuffle

    sample = audit.new_sample("May audit")
    audit.add_forms(sample, forms, "a.json")
    shuffle = Shuffle(audit, sample)
    group = shuffle.create("Routines")
    old = [n for n in audit.needs(sample) if n["wording"] in
           {w.wording for w in forms[1].needs}]
    shuffle.place([n["id"] for n in old], group)
    corrected_need = forms[1].needs[0].model_copy(update={"wording": "Mother needs sleep."})
    corrected = forms[1].model_copy(update={"needs": [corrected_need, *forms[1].needs[1:]]})
    kept = audit.add_forms(sample, [corrected], "b.json")
    assert (kept.added, kept.replaced) == (0, 0)
    assert "add --replace to replace it" in str(kept.problems[0])
    result = audit.add_forms(sample, [corrected], "b.json", replace=True)
    assert (result.added, result.replaced, result.problems) == (0, 1, [])
    assert len(audit.forms(sample)) == len(forms)
    (form_row,) = [f for f in audit.forms(sample) if f["case_reference"] == "AUD-002"]
    assert AuditForm.model_validate_json(form_row["body"]) == corrected
    new = audit.needs(sample, form_id=form_row["id"])
    assert [(n["wording"], n["group_id"]) for n in new] == [
        ("Mother needs sleep.", None),
        *((n.wording, group) for n in forms[1].needs[1:])]
    assert len(audit.needs(sample)) == sum(len(f.needs) for f in forms)
    # Importing it once more is a duplicate, not another replacement.
    again = audit.add_forms(sample, [corrected], "b.json", replace=True)
    assert (again.replaced, again.duplicates) == (0, 1)


def test_one_identity_twice_in_one_import_keeps_the_first(
        audit: AuditStore, forms: list[AuditForm]) -> None:
    sample = audit.new_sample("Twice")
    other = forms[0].model_copy(update={"level_of_need": 1})
    result = audit.add_forms(sample, [forms[0], other], "a.json", replace=True)
    assert result.added == 1
    assert "appears twice with different content; the first was kept" in str(
        result.problems[0])


def test_a_form_with_no_needs_imports(audit: AuditStore, case: Case) -> None:
    data = case.model_dump()
    data.update(needs=[], comments=[], agreed_actions=[])
    form = audit_form_from_case(Case.model_validate(data), "Auditor", date(2026, 11, 20),
                                content=CONTENT)
    assert form.needs == []
    sample = audit.new_sample("Empty")
    got, problems = read_forms("empty.csv", write_csv([form]).encode())
    assert (got, problems) == ([form], [])
    assert audit.add_forms(sample, [form], "empty.json").added == 1
    assert audit.add_forms(sample, got, "empty.csv").duplicates == 1
    assert (len(audit.forms(sample)), audit.needs(sample)) == (1, [])


def test_same_form_as_json_then_csv_is_a_duplicate(audit: AuditStore,
                                                   forms: list[AuditForm]) -> None:
    need = forms[0].needs[0].model_copy(update={"services": [
        "Housing (B&B) | emergency", "", "Back\\slash \\| odd", "Key worker"]})
    form = forms[0].model_copy(update={"needs": [need, *forms[0].needs[1:]]})
    form = AuditForm.model_validate(form.model_dump())  # as read from a JSON file
    assert form.needs[0].services == [
        "Housing (B&B) | emergency", "Back\\slash \\| odd", "Key worker"]
    sample = audit.new_sample("Round trip")
    assert audit.add_forms(sample, [form], "a.json").added == 1
    (back,), problems = read_forms("a.csv", write_csv([form]).encode())
    assert (back, problems) == (form, [])
    assert audit.add_forms(sample, [back], "a.csv").duplicates == 1


def test_deeply_nested_json_is_one_problem_and_other_files_still_import(
        tmp_path: Path, forms: list[AuditForm]) -> None:
    _, problems = read_forms("deep.json", b"[" * 100_000)
    assert [str(p) for p in problems] == [
        "deep.json: not valid JSON (nested too deeply to be an audit form)"]
    deep = tmp_path / "deep.json"
    deep.write_text("[" * 100_000)
    good = tmp_path / "good.json"
    good.write_text(json.dumps([json.loads(f.model_dump_json()) for f in forms]))
    env = {"NEEDS_LED_DB": str(tmp_path / "cli.db")}
    run_cli("audit", "new", "Deep", env=env)
    result = run_cli("audit", "add", "Deep", str(deep), str(good), env=env)
    assert result.returncode == 1
    assert result.stderr == f"{deep}: not valid JSON (nested too deeply to be an audit form)\n"
    assert "imported 4 form(s) into 'Deep', 1 problem(s) reported above" in result.stdout


def test_cli_replace_is_documented_and_replaces(tmp_path: Path,
                                                forms: list[AuditForm]) -> None:
    assert "--replace" in run_cli("audit", "add", "--help").stdout
    env = {"NEEDS_LED_DB": str(tmp_path / "cli.db")}
    path = tmp_path / "a.csv"
    path.write_text(write_csv(forms[:1]), newline="")
    run_cli("audit", "new", "May", env=env)
    assert run_cli("audit", "add", "May", str(path), env=env).returncode == 0
    path.write_text(write_csv([forms[0].model_copy(update={"level_of_need": 2})]), newline="")
    kept = run_cli("audit", "add", "May", str(path), env=env)
    assert kept.returncode == 1 and "add --replace to replace it" in kept.stderr
    replaced = run_cli("audit", "add", "May", "--replace", str(path), env=env)
    assert (replaced.returncode, replaced.stderr) == (0, "")
    assert "imported 0 form(s) into 'May', replaced 1" in replaced.stdout


def test_cli_control_characters_in_a_sample_name_are_refused_and_never_echoed(
        tmp_path: Path) -> None:
    import sqlite3

    from sqlite_utils import Database

    from assistant.audit.checksums import seal_rows

    env = {"NEEDS_LED_DB": str(tmp_path / "cli.db")}
    made = run_cli("audit", "new", "a\x1b[31mred", env=env)
    assert made.returncode == 1
    assert "cannot contain control characters" in made.stderr
    assert "\x1b" not in made.stderr + made.stdout
    assert run_cli("audit", "new", "May", env=env).returncode == 0
    # A name stored before names were checked is printed without its ESC.
    with sqlite3.connect(tmp_path / "cli.db") as db:
        db.execute("insert into audit_samples (name, created_at) values (?, ?)",
                   ["old\x1b[31mred", "2026-11-01T09:00:00"])
        # sealed as migration m004 seals a row stored before checksums
        seal_rows(Database(db), "audit_samples", [db.execute("select max(id) from "
                                                             "audit_samples").fetchone()[0]])
    listed = run_cli("audit", "list", env=env)
    assert "old[31mred: 0 forms" in listed.stdout and "\x1b" not in listed.stdout
    missing = run_cli("audit", "add", "x\x1b[2Jy", str(tmp_path / "f.json"), env=env)
    assert missing.returncode == 1
    assert "no audit sample called 'x[2Jy'" in missing.stderr
    assert "\x1b" not in missing.stderr


def test_sample_names_refuse_controls_but_not_spaces_or_decomposed_accents(
        audit: AuditStore) -> None:
    import unicodedata

    for bad in ("a\x1b[31mred", "a\tb", "a\nb", "a\u202eb"):
        with pytest.raises(AuditError, match="cannot contain control characters"):
            audit.new_sample(bad)
    spaced = audit.new_sample("May  audit")
    assert audit.sample_id("May  audit") == spaced
    zoe = audit.new_sample(unicodedata.normalize("NFD", "Zoë's audit"))
    assert audit.sample_id("Zoë's audit") == zoe


def test_children_typed_in_as_the_printed_form_shows_them_import(case: Case) -> None:
    """Found walking a workshop: the printed audit form shows "Child 1: 5-9, female", and a
    trainer typing the paper forms into the CSV template copies that; the import refused
    it, asking for the CSV's own "Child 1 (5-9, female)". Both read the same; the sex
    may be left out (not recorded)."""
    from assistant.exporters import render

    form = audit_form_from_case(case, "Auditor", date(2026, 11, 20), content=CONTENT)
    printed = render(case, "audit-html", when=date(2026, 11, 20), content=CONTENT)
    assert isinstance(printed, str)
    shown = printed.split("<th>Children</th><td colspan=\"3\">", 1)[1].split("</td>", 1)[0]
    assert shown == "Child 1: 5-9, female; Child 2: 10-15, male", shown
    rows = write_csv([form]).splitlines()
    written = "; ".join(f"{c.label} ({c.age_band}, {c.sex})" for c in form.children)
    for typed in (shown, written):
        text = "\n".join([rows[0], *(row.replace(f'"{written}"', f'"{typed}"')
                                     for row in rows[1:])])
        got, problems = read_forms("typed.csv", text.encode())
        assert problems == [] and got == [form], (typed, problems)
    no_sex = "\n".join([rows[0], *(row.replace(f'"{written}"', '"Child 1: 5-9; Child 2 (10-15)"')
                                   for row in rows[1:])])
    [got], problems = read_forms("typed.csv", no_sex.encode())
    assert problems == []
    assert [(c.label, c.age_band, c.sex) for c in got.children] == [
        ("Child 1", "5-9", "not recorded"), ("Child 2", "10-15", "not recorded")]
