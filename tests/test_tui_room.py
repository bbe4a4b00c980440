"""The trainer's view in the app: the room's wording from files, a folder or an audit sample.

Real parts only: the real coach, audit forms and case files written to tmp_path, an audit
sample pooled in a real SQLite file, the real app under Pilot.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import DataTable, Input, Static

from assistant.audit.redaction import audit_form_from_case
from assistant.audit.repository import AuditStore
from assistant.model import Case, Need, Person
from assistant.store import Store
from assistant.tui.app import NeedsLedApp
from assistant.tui.screens.room import RoomWordingScreen
from tests.helpers import CONTENT
from tests.test_tui import SIZE, until

pytestmark = pytest.mark.anyio


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


def participant_case(reference: str, *wordings: str) -> Case:
    return Case(reference=reference, story="A fictional family.",
                people=[Person(id="p1", name="Kayla", role="child", age=9)],
                needs=[Need(holder="p1", wording=w) for w in wordings])


@pytest.fixture
def room(tmp_path: Path) -> Path:
    """Three participants: an audit form, a case file, and one broken file."""
    folder = tmp_path / "room"
    folder.mkdir()
    form = audit_form_from_case(
        participant_case("W-1", "Kayla needs counselling", "Kayla needs to feel safe"),
        "Participant A", date(2026, 11, 20), content=CONTENT)
    (folder / "a.json").write_text(form.model_dump_json(), encoding="utf-8")
    (folder / "b.json").write_text(
        participant_case("W-2", "Kayla needs counselling for her anger").to_json(),
        encoding="utf-8")
    (folder / "c.csv").write_text("not,an,audit form\n1,2,3\n", encoding="utf-8")
    return folder


async def show(pilot: Pilot, text: str) -> None:
    field = pilot.app.screen.query_one("#room-files", Input)
    field.value = text
    field.focus()
    await pilot.press("enter")
    await pilot.pause()


def message(app: NeedsLedApp) -> str:
    return str(app.screen.query_one("#room-message", Static).content)


async def test_the_rooms_wording_from_a_folder_and_from_an_audit_sample(
        tmp_path: Path, room: Path) -> None:
    db = tmp_path / "cases.db"
    with Store(db) as store:
        audit = AuditStore(store)
        sample = audit.new_sample("spring")
        form = audit_form_from_case(participant_case("W-3", "Kayla needs counselling"),
                                    "Participant C", date(2026, 11, 21), content=CONTENT)
        audit.add_forms(sample, [form], source="c.json")
    app = NeedsLedApp(db=str(db))
    async with app.run_test(size=SIZE) as pilot:
        await until(pilot, lambda: app.coach_status != "loading", "the coach loads")
        assert app.coach_status == "ready", app.coach_problem
        app.action_room_wording()
        await until(pilot, lambda: isinstance(app.screen, RoomWordingScreen)
                    and app.screen.query("#room-table"), "the view")
        table = app.screen.query_one("#room-table", DataTable)

        await show(pilot, str(tmp_path / "nowhere"))
        assert "neither a file nor a folder" in message(app)
        assert "spring" in message(app), "the known samples are named"

        await show(pilot, str(room))
        await until(pilot, lambda: "statements read" in message(app), "the room is read")
        assert "3 need statements read" in message(app)
        assert "Skipped (1)" in message(app) and "c.csv" in message(app)
        rows = [table.get_row_at(i) for i in range(table.row_count)]
        service = [r for r in rows if r[0] == "service" and "counselling" in str(r[2])]
        assert service and service[0][1] == 2, rows

        await show(pilot, "spring")
        await until(pilot, lambda: "1 need statements read" in message(app), "the sample")
        rows = [table.get_row_at(i) for i in range(table.row_count)]
        assert [r[1] for r in rows if r[0] == "service"] == [1], rows
