"""The workshop room: the door, each participant's own workspace, and the pool.

Real parts: a real room server (textual-serve) on a loopback port, the real app in a real
process per participant, real audit forms into a real SQLite pool. The participants are
browsers simulated at the protocol level (tests/room_driver.py): the join form, the cookie,
the app's websocket and its keystrokes.
"""

from __future__ import annotations

import asyncio
import shlex
from datetime import date
from pathlib import Path

import pytest

from assistant.audit.form import AuditForm
from assistant.room import (
    CODE_ALPHABET,
    CODE_LENGTH,
    MAX_WRONG_CODES,
    Room,
    new_code,
    normalise_code,
    start,
)
from tests.room_driver import ESCAPE, Participant, practice_and_send


@pytest.fixture
def room(tmp_path: Path) -> Room:
    return Room(folder=tmp_path / "room", pool_db=tmp_path / "trainer.db",
                sample="Workshop", port=0)


def a_form(reference: str = "PRACTICE-x", auditor: str = "anyone", needs: int = 1) -> bytes:
    form = AuditForm.model_validate({
        "case_reference": reference, "auditor": auditor,
        "audit_date": date(2026, 11, 29).isoformat(),
        "children": [{"label": "Child 1", "age_band": "10-15"}],
        "needs": [{"holder": "Child 1", "holder_kind": "child",
                   "wording": "Child 1 needs to be able to sit still in circle time"}
                  ] * needs,
    })
    return form.model_dump_json().encode()


def test_codes_are_readable_from_a_projector() -> None:
    codes = {new_code() for _ in range(200)}
    assert len(codes) > 190
    for code in codes:
        assert len(code) == CODE_LENGTH and set(code) <= set(CODE_ALPHABET)
        assert not set(code) & set("O0I1L")
    assert normalise_code(" ab-c 12x ") == "ABC12X"


def test_the_door_refuses_a_wrong_code_and_then_makes_a_guesser_wait(room: Room) -> None:
    assert room.join("WRONG1", "Sam", "10.0.0.5") is None
    assert room.participants == {}
    for _ in range(MAX_WRONG_CODES):
        room.join("WRONG1", "Sam", "10.0.0.5")
    # Locked out: even the right code waits, from that address only.
    assert room.join(room.code, "Sam", "10.0.0.5") is None
    assert room.join(room.code.lower(), "Sam", "10.0.0.6") is not None


def test_each_participant_gets_their_own_workspace(room: Room) -> None:
    first = room.join(room.code, "Sam", "a")
    second = room.join(room.code, "", "b")
    assert first is not None and second is not None
    assert first.db != second.db and first.folder.is_dir() and second.folder.is_dir()
    assert second.label == "Participant 2"
    command = shlex.split(room.command(first))
    assert command[command.index("--db") + 1] == str(first.db)
    assert str(second.db) not in room.command(first)
    assert room.participant(first.token) is first
    assert room.participant("not-a-token") is None and room.participant(None) is None


def test_a_pooled_form_is_the_senders_and_a_resend_replaces_it(room: Room) -> None:
    person = room.join(room.code, "Sam <b>", "a")
    assert person is not None
    first = room.pool(person, a_form(auditor="someone else"))
    assert not first.replaced and first.participant == "Sam <b>"
    again = room.pool(person, a_form(auditor="someone else"))
    assert room.pooled() == 1 and again.needs == 1
    with pytest.raises(ValueError, match="not a valid audit form"):
        room.pool(person, b'{"case_reference": 5}')
    from assistant.audit.repository import AuditStore
    from assistant.store import Store

    with Store(room.pool_db) as store:
        audit = AuditStore(store)
        [form] = audit.forms(audit.sample_id("Workshop"))
    assert form["auditor"] == "Sam <b>"  # the room says who sent it, not the form


def test_a_name_posted_to_the_room_never_reaches_the_pool(room: Room) -> None:
    """The app sends forms with names replaced, but anything can be posted to the room and
    the pool feeds the Need Groups report: the room casts the redaction's second net."""
    import json

    from assistant.audit.repository import AuditStore
    from assistant.store import Store

    person = room.join(room.code, "Sam", "a")
    assert person is not None
    body = json.loads(a_form())
    body["needs"][0]["wording"] = "Child 1 needs her aunt Philippa to take her to Brownies"
    room.pool(person, json.dumps(body).encode())
    with Store(room.pool_db) as store:
        audit = AuditStore(store)
        [form] = audit.forms(audit.sample_id("Workshop"))
        pooled = json.dumps(audit.needs(audit.sample_id("Workshop")), default=str)
    assert "Philippa" not in json.dumps(form, default=str) + pooled
    assert "Child 1 needs her aunt [name] to take her to Brownies" in pooled


def test_a_form_with_no_needs_is_not_pooled_and_the_sender_reads_why(
        room: Room, monkeypatch: pytest.MonkeyPatch) -> None:
    """Found walking a workshop: F10 on a case begun with no need written pooled an empty
    form ("0 needs arrived"), which the report counts as a case audited. The room refuses
    it, and the participant's app says why in words, not the room's JSON."""
    from assistant.audit.form import AuditForm
    from assistant.room import ENV_TOKEN, ENV_URL, RoomError, send_form

    person = room.join(room.code, "Ali", "a")
    assert person is not None
    with pytest.raises(ValueError, match="no needs yet"):
        room.pool(person, a_form(needs=0))
    assert room.pooled() == 0 and room.arrivals == [] and person.forms == 0

    async def scenario() -> str:
        runner = await start(room)
        monkeypatch.setenv(ENV_URL, f"http://127.0.0.1:{room.port}/pool")
        monkeypatch.setenv(ENV_TOKEN, person.token)
        try:
            with pytest.raises(RoomError) as refused:
                await asyncio.get_running_loop().run_in_executor(
                    None, send_form, AuditForm.model_validate_json(a_form(needs=0)))
            return str(refused.value)
        finally:
            await runner.cleanup()

    said = asyncio.run(scenario())
    assert said == ("the room refused the form: this case has no needs yet: write at least "
                    "one need, then send it again"), said
    assert room.pooled() == 0


def test_a_room_of_three(room: Room) -> None:
    """Three browsers: a wrong code refused, no app without the door, three forms pooled,
    and no participant sees another's case."""

    async def scenario() -> None:
        runner = await start(room)
        base = f"http://127.0.0.1:{room.port}"
        people = [Participant(base, name) for name in ("Ann", "Bo", "Cy")]
        try:
            stranger = Participant(base, "Stranger")
            assert await stranger.join("AAAAAA" if room.code != "AAAAAA" else "BBBBBB") == 403
            with pytest.raises(Exception, match="403"):
                await stranger.open_app()
            await stranger.close()
            assert room.participants == {}

            for person in people:
                assert await person.join(room.code) == 303
                await person.open_app()
            await asyncio.gather(*(
                practice_and_send(person, index, ["to be able to sit still in circle time"],
                                  pause=0.01)
                for index, person in enumerate(people)))
            assert room.pooled() == 3
            assert {a.participant for a in room.arrivals} == {"Ann", "Bo", "Cy"}
            assert all(a.needs == 1 for a in room.arrivals)

            # Bo's list of cases holds Bo's practice family only.
            from assistant.content import Content
            from assistant.practice import PRACTICE_PREFIX, load_vignettes

            order = load_vignettes(Content())
            references = {p.name: order[i].reference(PRACTICE_PREFIX)
                          for i, p in enumerate(people)}
            bo = people[1]
            mark = len(bo.output)
            await bo.press(ESCAPE)
            await bo.wait_for(references["Bo"], since=mark)
            await asyncio.sleep(0.5)
            seen = bo.text(mark)
            assert references["Ann"] not in seen and references["Cy"] not in seen
        finally:
            for person in people:
                await person.close()
            await asyncio.sleep(1.0)  # let each app hear its browser go and quit
            await runner.cleanup()

    asyncio.run(scenario())


def test_the_trainers_screen_shows_the_door_and_arrivals_live(room: Room) -> None:
    from textual.widgets import DataTable, RichLog, Static

    from assistant.tui.roomhost import EndRoom, RoomHostApp

    async def scenario() -> None:
        app = RoomHostApp(room, prefork=False)
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.pause()
            door = str(app.query_one("#door", Static).render())
            assert room.code in door and f"127.0.0.1:{room.port}" in door
            assert "this computer only" in door
            person = room.join(room.code, "Ann", "test")
            assert person is not None
            await asyncio.get_running_loop().run_in_executor(None, room.pool, person, a_form())
            for _ in range(20):
                await pilot.pause(0.2)
                if app.query_one("#people", DataTable).row_count == 1:
                    break
            table = app.query_one("#people", DataTable)
            assert table.get_row_at(0)[1:] == ["Ann", table.get_row_at(0)[2], "0", "1"]
            log = "\n".join(line.text for line in app.query_one("#arrivals", RichLog).lines)
            assert "Ann: case PRACTICE-x, 1 need arrived" in log
            await pilot.pause(0.6)
            assert "1 forms in the pooled sample 'Workshop'" in str(
                app.query_one("#pooled", Static).render())
            # Ending the room asks first; Esc keeps it open.
            await pilot.press("q")
            assert isinstance(app.screen, EndRoom)
            await pilot.press("escape")
            assert not isinstance(app.screen, EndRoom)
            await pilot.press("q", "y")
        assert app.return_code in (0, None)

    asyncio.run(scenario())


def test_the_trainers_code_opens_the_shuffle_on_the_pooled_forms(room: Room) -> None:
    """The projector's browser: the trainer's code shows the shuffle, not a workspace."""

    async def scenario() -> None:
        person = room.join(room.code, "Ann", "a")
        assert person is not None
        room.pool(person, a_form(reference="POOL-1"))
        serving = await start(room, prefork=False)
        base = f"http://127.0.0.1:{room.port}"
        projector = Participant(base, "Projector")
        try:
            assert await projector.join(room.trainer_code.lower()) == 303
            trainer = next(p for p in room.participants.values() if p.trainer)
            assert trainer.label == "Trainer (projector)"
            assert "audit shuffle Workshop" in room.command(trainer)
            await projector.open_app(width=90, height=28)
            await projector.wait_for("Need Groups", timeout=120)
            await projector.wait_for("POOL-1", timeout=60)
        finally:
            await projector.close()
            await asyncio.sleep(1.0)
            await serving.cleanup()

    asyncio.run(scenario())
