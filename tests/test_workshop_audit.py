"""The audit as a workshop runs it: redo, parking groups, one numbering, removing a form,
deleting a sample, accepting into a group of the same name, and the commissioner's report
(distinct cases, typical needs from specific wording, tidied service names, a first page
that says what to commission, method and caveats).

Real parts: forms in a real SQLite file, the real Shuffle operations and report builder,
the real command in a subprocess, the real shuffle app under Pilot.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from assistant.audit.form import AuditForm
from assistant.audit.repository import AuditStore
from assistant.content import Content
from assistant.needgroups import Shuffle, build_report, load_themes
from assistant.needgroups.services import Services, load_services
from assistant.store import Store
from tests.helpers import CONTENT, STOP, run_cli, until


def form(reference: str, auditor: str, needs: list[tuple[str, list[str]]],
         on: str = "2026-11-27") -> AuditForm:
    return AuditForm.model_validate({
        "case_reference": reference, "auditor": auditor, "audit_date": on,
        "children": [{"label": "Child 1", "age_band": "10-15"}],
        "needs": [{"holder": "Child 1", "holder_kind": "child", "wording": wording,
                   "services": services, "status": "partly"}
                  for wording, services in needs]})


@pytest.fixture
def store(tmp_path: Path) -> Store:
    return Store(tmp_path / "audit.db")


@pytest.fixture
def sample(store: Store) -> tuple[AuditStore, int]:
    audit = AuditStore(store)
    sample_id = audit.new_sample("Workshop")
    audit.add_forms(sample_id, [
        form("W-1", "AB", [("Child 1 needs to be able to read a simple book aloud", ["FNP"]),
                           ("Child 1 needs CAMHS", ["CAMHS"])]),
        form("W-1", "CD", [("Child 1 needs to be able to read a simple book aloud",
                            ["Family Nurse Partnership"])], on="2026-11-28"),
        form("W-2", "AB", [("Child 1 needs to understand why her dad left", [])]),
    ], "test")
    return audit, sample_id


def placed(audit: AuditStore, sample_id: int) -> dict[str, int | None]:
    return {n["wording"] + f"#{n['form_id']}": n["group_id"] for n in audit.needs(sample_id)}


def test_undo_then_redo_restores_the_same_state(sample: tuple[AuditStore, int]) -> None:
    audit, sample_id = sample
    shuffle = Shuffle(audit, sample_id)
    group = shuffle.create("Reading")
    need_ids = [n["id"] for n in audit.needs(sample_id)][:2]
    shuffle.place(need_ids, group)
    after = placed(audit, sample_id)
    assert shuffle.undo() and shuffle.undo()  # the placing, then the new group
    assert audit.groups(sample_id) == []
    assert shuffle.redo() and shuffle.redo()
    assert placed(audit, sample_id) == after
    assert [g["name"] for g in audit.groups(sample_id)] == ["Reading"]
    assert shuffle.redo() is None
    shuffle.undo()
    shuffle.create("Something new")  # a new change ends what redo could make again
    assert shuffle.redo() is None


def test_a_parking_group_is_left_out_of_the_reports_groups(
        sample: tuple[AuditStore, int]) -> None:
    audit, sample_id = sample
    shuffle = Shuffle(audit, sample_id)
    reading = shuffle.create("Reading")
    parked = shuffle.create("Worded as services")
    needs = {n["wording"]: n["id"] for n in audit.needs(sample_id)}
    shuffle.place([needs["Child 1 needs CAMHS"]], parked)
    shuffle.place([needs["Child 1 needs to understand why her dad left"]], reading)
    shuffle.set_parking(parked, True)
    groups = audit.groups(sample_id)
    assert [(g["number"], g["name"], g["parking"]) for g in groups] == [
        (1, "Reading", False), (2, "Worded as services", True)]
    report = build_report(audit, sample_id, "Workshop", Content().framework, load_themes(CONTENT),
                          stop=STOP)
    assert [g.name for g in report.groups] == ["Reading"]
    assert [g.name for g in report.parked] == ["Worded as services"]
    shuffle.undo()
    assert not audit.groups(sample_id)[1]["parking"]


def test_accepting_a_theme_joins_the_group_of_the_same_name(
        sample: tuple[AuditStore, int]) -> None:
    audit, sample_id = sample
    themes = load_themes(CONTENT)
    theme = themes.themes[0]
    shuffle = Shuffle(audit, sample_id)
    made = shuffle.create(theme.label.upper())  # made by hand first, in other letters
    first = audit.needs(sample_id)[0]
    audit.save_analyses([{"id": first["id"], "tokens": None, "theme": theme.id,
                          "reason": None, "alternatives": [], "kinds": None}])
    assert shuffle.accept([first["id"]], themes=themes) == 1
    names = [g["name"] for g in audit.groups(sample_id)]
    assert names == [theme.label.upper()], "no duplicate '(2)' group"
    assert audit.needs(sample_id)[0]["group_id"] == made


def test_a_form_removed_comes_back_with_undo(sample: tuple[AuditStore, int]) -> None:
    audit, sample_id = sample
    shuffle = Shuffle(audit, sample_id)
    group = shuffle.create("Reading")
    target = audit.forms(sample_id)[0]
    mine = [n["id"] for n in audit.needs(sample_id) if n["form_id"] == target["id"]]
    shuffle.place(mine, group)
    before = (audit.forms(sample_id), audit.needs(sample_id))
    shuffle.remove_form(target["id"])
    assert target["id"] not in {f["id"] for f in audit.forms(sample_id)}
    assert not any(n["form_id"] == target["id"] for n in audit.needs(sample_id))
    shuffle.undo()
    assert (audit.forms(sample_id), audit.needs(sample_id)) == before
    shuffle.redo()
    assert len(audit.forms(sample_id)) == len(before[0]) - 1


def test_a_deleted_sample_can_be_restored(sample: tuple[AuditStore, int]) -> None:
    audit, sample_id = sample
    audit.delete_sample("Workshop")
    assert [s.name for s in audit.samples()] == []
    with pytest.raises(Exception, match="no audit sample called 'Workshop'"):
        audit.sample_id("Workshop")
    audit.restore_sample("Workshop")
    assert audit.sample_id("Workshop") == sample_id
    assert len(audit.forms(sample_id)) == 3


def test_the_report_counts_cases_not_forms_and_quotes_specific_needs(
        sample: tuple[AuditStore, int]) -> None:
    audit, sample_id = sample
    shuffle = Shuffle(audit, sample_id)
    group = shuffle.create("Learning")
    shuffle.place([n["id"] for n in audit.needs(sample_id)], group)
    # The coach read two needs as specific and "needs CAMHS" as a service.
    audit.save_analyses([need | {"kinds": ["service"] if "CAMHS" in need["wording"] else []}
                         for need in audit.needs(sample_id)])
    report = build_report(audit, sample_id, "Workshop", Content().framework, load_themes(CONTENT),
                          services=load_services(Content()), title="Reading in Riverside",
                          area="Riverside (fictional)", author="The audit group",
                          generated=date(2026, 11, 29), stop=STOP)
    assert (report.forms, report.cases) == (3, 2)
    assert report.duplicates == [("W-1", 2)]
    [learning] = report.groups
    assert learning.cases == 2 and learning.share == 100
    assert "Child 1 needs CAMHS" not in learning.typical
    assert learning.typical and all("CAMHS" not in t for t in learning.typical)
    assert dict(learning.services)["Family Nurse Partnership"] == 2  # FNP and its name
    from assistant.needgroups import render_html

    html = render_html(report, CONTENT)
    summary = html.split('class="summary"', 1)[1].split("</section>", 1)[0]
    assert "Reading in Riverside" in html and "Riverside (fictional)" in html
    assert "2 cases audited (3 forms" in summary
    assert "What the groups suggest commissioning" in summary
    assert "Method and caveats" in html and "W-1: 2 forms" in html


def test_service_names_are_tidied_by_the_synonyms_file() -> None:
    services = load_services(Content())
    assert services.canonical("FNP") == services.canonical("family nurse partnership")
    assert services.canonical(" Fnp ") == "Family Nurse Partnership"
    assert services.canonical("Riverside Food Bank") == "Riverside Food Bank"
    with pytest.raises(ValueError, match="listed under both"):
        Services.model_validate({"services": [{"name": "A", "also": ["x"]},
                                               {"name": "B", "also": ["X"]}]})


def test_the_cli_numbers_groups_once_and_parks_redoes_removes_and_restores(
        tmp_path: Path) -> None:
    env = {"NEEDS_LED_DB": str(tmp_path / "cli.db")}
    with Store(tmp_path / "cli.db") as store:
        audit = AuditStore(store)
        sample_id = audit.new_sample("Room")
        audit.add_forms(sample_id, [form("C-1", "AB", [("Child 1 needs to read", [])]),
                                    form("C-2", "AB", [("Child 1 needs to write", [])])], "t")
        shuffle = Shuffle(audit, sample_id)
        shuffle.create("First")
        shuffle.create("Second")
    listed = run_cli("audit", "groups", "Room", env=env).stdout.splitlines()
    assert listed[0].split()[:2] == ["1", "First"] and listed[1].split()[:2] == ["2", "Second"]
    assert run_cli("audit", "park", "Room", "2", env=env).returncode == 0
    assert "[not a Need Group]" in run_cli("audit", "groups", "Room", env=env).stdout
    assert "undid" in run_cli("audit", "undo", "Room", env=env).stdout
    assert "redid" in run_cli("audit", "redo", "Room", env=env).stdout
    result = run_cli("audit", "remove-form", "Room", "C-2", env=env)
    assert result.returncode == 0 and "puts it back" in result.stdout
    assert json.loads(run_cli("audit", "list", "--json", env=env).stdout)[0]["forms"] == 1
    assert run_cli("audit", "delete", "Room", env=env).returncode == 0
    assert json.loads(run_cli("audit", "list", "--json", env=env).stdout) == []
    assert run_cli("audit", "restore", "Room", env=env).returncode == 0
    assert json.loads(run_cli("audit", "list", "--json", env=env).stdout)[0]["name"] == "Room"
    missing = run_cli("audit", "park", "Room", "9", env=env)
    assert missing.returncode == 1 and "no group 9" in missing.stderr


@pytest.mark.anyio
async def test_the_shuffle_on_a_projector(tmp_path: Path) -> None:
    """At 90x28: every key is on F1, redo and parking work from the keyboard, and a group's
    view says which form each need came from."""
    from assistant.tui.shuffle import Help, ShuffleApp

    db = tmp_path / "projector.db"
    with Store(db) as store:
        audit = AuditStore(store)
        sample_id = audit.new_sample("Room")
        audit.add_forms(sample_id, [form("P-1", "AB", [("Child 1 needs to read", [])]),
                                    form("P-2", "AB", [("Child 1 needs to write", [])])], "t")
        Shuffle(audit, sample_id).create("Literacy")
    app = ShuffleApp("Room", db=str(db))
    async with app.run_test(size=(90, 28)) as pilot:
        await pilot.pause()
        shown = {key for key, active in app.screen.active_bindings.items()
                 if active.binding.show}
        assert {"f1", "u", "y", "q"} <= shown
        # The footer's keys fit 90 columns (beside the palette key): nothing is cut. The
        # footer is drawn after the first frame on a busy machine, so wait for the drawn
        # state; a word cut off never appears and the wait fails.
        await until(pilot, lambda: all(word in app.export_screenshot()
                                       for word in ("Keys", "Undo", "Redo", "Quit")),
                    "the footer shows Keys, Undo, Redo and Quit whole at 90 columns")
        # Group names are shown whole, however long.
        with Store(db) as store:
            Shuffle(AuditStore(store), sample_id).create(
                "Parents who need to understand their child's disability")
        app.refresh_groups()
        lines = [str(o.prompt) for o in app.query_one("#groups").options]
        assert any("Parents who need to understand their child's disability" in line
                   for line in lines)
        await pilot.press("f1")
        assert isinstance(app.screen, Help)
        keys_text = str(app.screen.query_one("Static").render())
        for key in ("Ctrl+Y", "mark as not a Need Group", "R take the form"):
            assert key in keys_text
        await pilot.press("escape")
        await pilot.press("1")  # place P-1's need in group 1
        await pilot.press("u")
        await pilot.press("y")
        with Store(db) as store:
            audit = AuditStore(store)
            [need] = [n for n in audit.needs(sample_id) if n["wording"].endswith("read")]
            assert need["group_id"] == audit.groups(sample_id)[0]["id"]
        await pilot.press("tab")  # to the groups list, then mark group 1 as parking
        await pilot.press("k")
        await pilot.pause()
        with Store(db) as store:
            assert AuditStore(store).groups(sample_id)[0]["parking"]
        await pilot.press("shift+tab")
        await pilot.press("n", "1", "v")  # second form's need into group 1; view the group
        await pilot.pause()
        lines = [str(option.prompt) for option in app.query_one("#needs").options]
        assert any(line.strip().startswith("[P-1]") for line in lines)
        assert any(line.strip().startswith("[P-2]") for line in lines)
