"""Nothing typed is lost: the journal, the recovery file, and the app's side of them.

Real parts only: a real SQLite file locked by a real second connection, real recovery
files, the real app under Pilot. Time is injected into the journal (a clock) where the
rule is about time, so no test waits on or asserts a duration.
"""

from __future__ import annotations

import asyncio
import json
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import Input

from assistant.model import Case
from assistant.recovery import DRAFT_MAX_WAIT, Journal, recover, recovery_dir
from assistant.store import RevisionConflict, Store
from assistant.tui.app import NeedsLedApp
from assistant.tui.drafts import SaveBar
from assistant.tui.screens.interview import InterviewScreen
from assistant.tui.screens.keep import KeepScreen
from assistant.tui.screens.newcase import NewCaseScreen
from assistant.tui.screens.saving import ConflictScreen, QuitScreen
from assistant.tui.typeahead import BURST_GAP
from assistant.tui.widgets.answer import AnswerArea
from tests.helpers import click, open_case, until

SIZE = (100, 32)


def kayla_case(reference: str = "NL-L-1") -> Case:
    return Case(reference=reference, story="A fictional family: Kayla, 9, and her dad.",
                people=[{"id": "p1", "name": "Kayla", "age": 9}])  # type: ignore[list-item]


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def dead_pid() -> int:
    """The id of a process that has ended (a recovery file from a killed session)."""
    proc = subprocess.Popen([sys.executable, "-c", "pass"])
    proc.wait()
    return proc.pid


# --- the store's optimistic check ----------------------------------------------------------


def test_a_save_based_on_an_older_revision_is_refused(db_path: Path) -> None:
    with Store(db_path) as store:
        case = kayla_case()
        assert store.save(case, expect=0) == 1
        assert store.latest_revision(case.reference) == 1
        theirs = case.model_copy(update={"story": "Changed by an import."})
        store.save(theirs, note="imported")
        mine = case.model_copy(update={"story": "Changed in the app."})
        with pytest.raises(RevisionConflict) as caught:
            store.save(mine, expect=1)
        assert caught.value.latest == 2 and caught.value.expected == 1
        assert store.load(case.reference).story == "Changed by an import."
        assert store.save(mine, expect=2) == 3
        assert store.save(mine, expect=0) == 3  # identical to the latest: nothing to refuse
        assert store.latest_revision("NL-none") == 0


# --- the journal ----------------------------------------------------------------------------


def test_steady_typing_is_written_within_the_maximum_wait(db_path: Path) -> None:
    """A key every 0.125 s never leaves a pause, yet the draft is due by the maximum wait."""
    clock = Clock()
    journal = Journal(db_path, clock=clock)
    typed = ""
    due_after = None
    for n, ch in enumerate("Kayla needs to sleep through the night"):
        typed += ch
        journal.put_draft("NL-L-1", "need_new:p1", typed)
        if journal.due() and due_after is None:
            due_after = n
            journal.drain()
            break
        clock.now += 0.125  # exact in binary: no rounding in the comparison
    assert due_after is not None, "typing without a pause was never written"
    # due at the first key past the maximum wait (not earlier: there was never a pause)
    assert DRAFT_MAX_WAIT <= due_after * 0.125 < DRAFT_MAX_WAIT + 0.125
    with Store(db_path) as store:
        assert store.drafts("NL-L-1") == {"need_new:p1": typed}
    journal.close()


def test_a_failed_save_stays_in_the_recovery_file_until_the_database_takes_it(
        db_path: Path) -> None:
    with Store(db_path) as store:
        store.save(kayla_case())
    journal = Journal(db_path, opener=lambda: Store(db_path, timeout=0.05))
    journal.set_base("NL-L-1", 1)
    locker = sqlite3.connect(db_path, isolation_level=None)
    locker.execute("BEGIN EXCLUSIVE")
    answered = kayla_case().model_copy(update={"story": "Kayla's dad works nights."})
    journal.submit("NL-L-1", answered.model_dump_json(), "answered story:",
                   done=(("NL-L-1", "story:"),))
    # in the file before the database is even tried
    kept = json.loads(journal.file.read_text(encoding="utf-8"))
    assert [p["note"] for p in kept["pending"]] == ["answered story:"]
    assert journal.file.stat().st_mode & 0o077 == 0, "owner-only, like the database"
    journal.drain()
    assert "locked" in journal.error
    assert journal.unsaved() == 1
    assert json.loads(journal.file.read_text(encoding="utf-8"))["pending"]
    # typing goes on while the database is locked: the recovery file keeps up with it
    journal.put_draft("NL-L-1", "need_new:p1", "Kayla needs to")
    journal.mirror()
    drafts = json.loads(journal.file.read_text(encoding="utf-8"))["drafts"]
    assert {"scope": "NL-L-1", "field": "need_new:p1", "text": "Kayla needs to"}.items() \
        <= drafts[0].items()
    locker.execute("ROLLBACK")
    locker.close()
    journal.drain()
    assert journal.error == "" and journal.unsaved() == 0
    with Store(db_path) as store:
        assert store.load("NL-L-1").story == "Kayla's dad works nights."
    journal.close()
    assert not journal.file.exists(), "a clean exit with everything saved leaves no file"


def test_recover_applies_a_killed_sessions_file_once(db_path: Path) -> None:
    with Store(db_path) as store:
        store.save(kayla_case())
    answered = kayla_case().model_copy(update={"story": "Kayla's dad works nights."})
    folder = recovery_dir(db_path)
    folder.mkdir()
    path = folder / f"session-{dead_pid()}.json"
    path.write_text(json.dumps({
        "pending": [{"reference": "NL-L-1", "body": answered.model_dump_json(),
                     "note": "answered story:", "restore": None}],
        "drafts": [{"scope": "NL-L-1", "field": "need_new:p1", "text": "Kayla needs to",
                    "at": "2026-01-01T00:00:00+00:00"},
                   {"scope": "~new-case", "field": "reference", "text": "NL-L-2",
                    "at": "2026-01-01T00:00:00+00:00"}],
        "saved": {},
    }), encoding="utf-8")
    live = folder / "session-1.json"  # pid 1 is running: another open session's file
    live.write_text("{}", encoding="utf-8")
    with Store(db_path) as store:
        lines = recover(store)
        assert store.load("NL-L-1").story == "Kayla's dad works nights."
        assert store.history("NL-L-1")[-1].note == "recovered: answered story:"
        assert store.drafts("NL-L-1") == {"need_new:p1": "Kayla needs to"}
        assert store.drafts("~new-case") == {"reference": "NL-L-2"}
        assert any("1 change not saved" in line for line in lines), lines
        assert not path.exists() and live.exists()
        assert recover(store) == [], "applied once"


def test_revisions_the_database_lost_are_restored_and_reported(db_path: Path) -> None:
    """The -wal file removed, then a kill: the database lacks what it had confirmed."""
    with Store(db_path) as store:
        store.save(kayla_case())
    later = kayla_case().model_copy(update={"story": "Saved, then lost with the -wal file."})
    folder = recovery_dir(db_path)
    folder.mkdir()
    (folder / f"session-{dead_pid()}.json").write_text(json.dumps({
        "pending": [], "drafts": [],
        "saved": {"NL-L-1": {"revision": 2, "body": later.model_dump_json()}},
    }), encoding="utf-8")
    with Store(db_path) as store:
        lines = recover(store)
        assert store.load("NL-L-1").story == "Saved, then lost with the -wal file."
    assert any("missing from the database" in line and "-wal" in line for line in lines)


def test_a_removed_wal_file_is_noticed_and_checkpointed(db_path: Path) -> None:
    with Store(db_path) as store:
        store.save(kayla_case())
    journal = Journal(db_path)
    journal.put_draft("NL-L-1", "need_new:p1", "Kayla needs")
    journal.drain()
    Path(f"{db_path}-wal").unlink()
    journal.submit("NL-L-1", kayla_case().model_copy(update={"story": "After."})
                   .model_dump_json(), "answered story:")
    journal.drain()
    assert journal.wal_missing
    # the database file itself has the save, without the -wal file
    conn = sqlite3.connect(f"file:{db_path}?mode=ro&immutable=1", uri=True)
    bodies = [r[0] for r in conn.execute("select body from revisions")]
    conn.close()
    assert any('"story":"After."' in b for b in bodies)


# --- the app ----------------------------------------------------------------------------

@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


def keeper_state(app: NeedsLedApp) -> str:
    """The screens, the writer and the journal, for a failure's message."""
    keeper, journal = app.keeper, app.keeper.journal
    stories = [getattr(getattr(s, "case", None), "story", None) for s in app.screen_stack]
    queued = len(journal.queue) if journal is not None else None
    problem = (journal.conflict, journal.error) if journal is not None else None
    return (f"screens {app.screen_stack}, their stories {stories}; writing "
            f"{keeper._writing}, reopen {keeper._reopen!r}, queued {queued}, "
            f"conflict/error {problem}, coach {app.coach_status}")


async def submit(pilot: Pilot, text: str) -> None:
    field = pilot.app.screen.query_one("#answer", AnswerArea)
    field.set_value(text)
    await pilot.press("enter")
    await pilot.pause()


@pytest.mark.anyio
async def test_two_writers_the_later_save_asks_and_keeps_both(db_path: Path) -> None:
    with Store(db_path) as store:
        store.save(kayla_case(), note="new case")
    app = NeedsLedApp(db=str(db_path))
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_case(pilot, "NL-L-1")
        # meanwhile `needs-led import` writes the same case
        with Store(db_path) as other:
            other.save(kayla_case().model_copy(update={"story": "Imported story."}),
                       note="imported")
        await submit(pilot, "Kayla needs to be at school by 8.45 every morning")
        await until(pilot, lambda: isinstance(app.screen, ConflictScreen), "asked")
        await click(pilot, "#mine")
        await until(pilot, lambda: app.keeper.journal is not None
                    and app.keeper.journal.unsaved() == 0, "saved")
        assert screen.case.needs
    with Store(db_path) as store:
        history = store.history("NL-L-1")
        latest = store.load("NL-L-1")
        imported = store.load("NL-L-1", 2)
    assert [r.note for r in history][:2] == ["new case", "imported"]
    assert "kept alongside revision 2" in history[-1].note
    assert latest.needs[0].wording.startswith("Kayla needs to be at school")
    assert imported.story == "Imported story.", "the other writer's revision is kept"


@pytest.mark.anyio
async def test_theirs_latest_keeps_mine_in_the_history(db_path: Path) -> None:
    with Store(db_path) as store:
        store.save(kayla_case(), note="new case")
    app = NeedsLedApp(db=str(db_path))
    async with app.run_test(size=SIZE) as pilot:
        await open_case(pilot, "NL-L-1")
        with Store(db_path) as other:
            other.save(kayla_case().model_copy(update={"story": "Imported story."}),
                       note="imported")
        await submit(pilot, "Kayla needs to be at school by 8.45 every morning")
        await until(pilot, lambda: isinstance(app.screen, ConflictScreen), "asked")
        await click(pilot, "#theirs")
        await until(pilot, lambda: isinstance(app.screen, InterviewScreen)
                    and app.screen.case.story == "Imported story.", "theirs reopened",
                    state=lambda: keeper_state(app))
    with Store(db_path) as store:
        history = store.history("NL-L-1")
        mine = store.load("NL-L-1", 3)
        assert store.load("NL-L-1").story == "Imported story."
    assert len(history) == 4
    assert mine.needs and mine.needs[0].wording.startswith("Kayla needs to be at school")


@pytest.mark.anyio
async def test_a_locked_database_shows_a_lasting_bar_and_quitting_asks(db_path: Path) -> None:
    with Store(db_path) as store:
        store.save(kayla_case(), note="new case")
    app = NeedsLedApp(db=str(db_path))
    locker = sqlite3.connect(db_path, isolation_level=None)
    try:
        async with app.run_test(size=SIZE) as pilot:
            screen = await open_case(pilot, "NL-L-1")
            locker.execute("BEGIN EXCLUSIVE")
            await submit(pilot, "Kayla needs to be at school by 8.45 every morning")
            assert screen.query_one("#answer", AnswerArea).text == "", "the UI moved on at once"
            await until(pilot, lambda: app.screen.query(SaveBar), "the not-saved bar")
            bar = app.screen.query_one(SaveBar)
            assert "Not saved" in bar.text and "locked" in bar.text
            assert app.keeper.journal is not None
            assert app.keeper.journal.file.exists()
            await pilot.press("ctrl+q")
            await until(pilot, lambda: isinstance(app.screen, QuitScreen), "quit asks")
            assert app.is_running
            locker.execute("ROLLBACK")
            await click(pilot, "#retry")
            await until(pilot, lambda: app.keeper.journal is not None
                        and app.keeper.journal.unsaved() == 0, "saved on retry")
            await until(pilot, lambda: not app.screen.query(SaveBar), "the bar goes")
    finally:
        locker.close()
    with Store(db_path) as store:
        assert store.load("NL-L-1").needs[0].wording.startswith("Kayla needs to be at school")
    assert not recovery_dir(db_path).exists() or not list(recovery_dir(db_path).iterdir())


@pytest.mark.anyio
async def test_the_new_case_form_is_a_draft_and_quitting_from_it_asks(db_path: Path) -> None:
    app = NeedsLedApp(db=str(db_path))
    async with app.run_test(size=SIZE) as pilot:
        await until(pilot, lambda: app.core_ready, "the cases are open")
        await pilot.press("n")
        await until(pilot, lambda: isinstance(app.screen, NewCaseScreen), "new case")
        await pilot.press(*"NL-D-7")
        await pilot.press("enter", "tab", *"Kayla", "tab", "9", "enter")
        await pilot.pause()
        await pilot.press("tab", *"Lee")  # typed, not yet added
        await pilot.press("ctrl+q")
        await until(pilot, lambda: isinstance(app.screen, QuitScreen), "quit asks")
        await click(pilot, "#quit")
    app2 = NeedsLedApp(db=str(db_path))
    async with app2.run_test(size=SIZE) as pilot:
        await until(pilot, lambda: app2.core_ready, "the cases are open")
        await pilot.press("n")
        await until(pilot, lambda: isinstance(app2.screen, NewCaseScreen), "new case")
        screen = app2.screen
        assert isinstance(screen, NewCaseScreen)
        assert screen.query_one("#reference", Input).value == "NL-D-7"
        assert screen.query_one("#name", Input).value == "Lee"
        assert [p.name for p in screen.people] == ["Kayla"]
        await pilot.press("ctrl+s")
        await until(pilot, lambda: isinstance(app2.screen, InterviewScreen), "started")
        assert [p.name for p in app2.screen.case.people] == ["Kayla", "Lee"]  # type: ignore[attr-defined]
    with Store(db_path) as store:
        assert store.drafts("~new-case") == {}


@pytest.mark.anyio
async def test_the_keep_my_wording_reason_is_a_draft(db_path: Path) -> None:
    with Store(db_path) as store:
        store.save(kayla_case(), note="new case")
    flagged = "Kayla needs counselling"
    app = NeedsLedApp(db=str(db_path))
    async with app.run_test(size=SIZE) as pilot:
        await until(pilot, lambda: app.coach_status != "loading", "the coach loads")
        await open_case(pilot, "NL-L-1")
        await submit(pilot, flagged)
        await until(pilot, lambda: isinstance(app.screen, KeepScreen), "the coach flags it")
        await asyncio.sleep(BURST_GAP + 0.1)  # the worker reads the dialog first
        await pilot.press(*"agreed with the family")
        await pilot.press("ctrl+q")
        await until(pilot, lambda: isinstance(app.screen, QuitScreen), "quit asks")
        await click(pilot, "#quit")
    app2 = NeedsLedApp(db=str(db_path))
    async with app2.run_test(size=SIZE) as pilot:
        await until(pilot, lambda: app2.coach_status != "loading", "the coach loads")
        screen = await open_case(pilot, "NL-L-1")
        assert screen.query_one("#answer", AnswerArea).text == flagged, "the answer's draft"
        await pilot.press("enter")
        # up: its on_mount has put the draft back and focused the reason (the class alone
        # is there as soon as it is pushed, before that)
        await until(pilot, lambda: isinstance(app2.screen, KeepScreen)
                    and getattr(app2.focused, "id", None) == "reason", "flagged again")
        assert app2.screen.query_one("#reason", Input).value == "agreed with the family"
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(app2.screen, InterviewScreen), "kept")
    with Store(db_path) as store:
        need = store.load("NL-L-1").needs[0]
        assert need.wording == flagged
        assert store.drafts("~keep") == {}


@pytest.mark.anyio
async def test_quitting_with_everything_saved_does_not_ask(db_path: Path) -> None:
    with Store(db_path) as store:
        store.save(kayla_case(), note="new case")
    app = NeedsLedApp(db=str(db_path))
    async with app.run_test(size=SIZE) as pilot:
        await open_case(pilot, "NL-L-1")
        await submit(pilot, "Kayla needs to be at school by 8.45 every morning")
        await pilot.press(*"Kayla needs")
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert not app.is_running
    with Store(db_path) as store:
        assert store.load("NL-L-1").needs
        assert "Kayla needs" in store.drafts("NL-L-1").values()


@pytest.mark.anyio
async def test_supervision_comments_and_agreed_actions_are_drafts(db_path: Path) -> None:
    from assistant.tui.screens.supervision import AgreedActionScreen, SupervisionScreen

    with Store(db_path) as store:
        store.save(kayla_case(), note="new case")
    app = NeedsLedApp(db=str(db_path))
    async with app.run_test(size=SIZE) as pilot:
        await until(pilot, lambda: app.core_ready, "the cases are open")
        app.supervise("NL-L-1")
        await until(pilot, lambda: isinstance(app.screen, SupervisionScreen)
                    and bool(app.screen.query("#sv-comment")), "supervising")
        await pilot.press(*"Pat", "enter")  # the supervisor's name, asked first
        await pilot.press(*"What does Kayla say")
        await pilot.press("f5")
        await until(pilot, lambda: isinstance(app.screen, AgreedActionScreen)
                    and bool(app.screen.query("#action")), "the dialog")
        await pilot.press(*"Talk with Kayla")
        await pilot.press("ctrl+q")
        await until(pilot, lambda: isinstance(app.screen, QuitScreen), "quit asks")
        await click(pilot, "#quit")
    app2 = NeedsLedApp(db=str(db_path))
    async with app2.run_test(size=SIZE) as pilot:
        await until(pilot, lambda: app2.core_ready, "the cases are open")
        app2.supervise("NL-L-1")
        await until(pilot, lambda: isinstance(app2.screen, SupervisionScreen)
                    and bool(app2.screen.query("#sv-comment")), "supervising")
        assert app2.screen.query_one("#sv-comment", Input).value == "What does Kayla say"
        await pilot.press("f5")
        await until(pilot, lambda: isinstance(app2.screen, AgreedActionScreen)
                    and bool(app2.screen.query("#action")), "the dialog")
        assert app2.screen.query_one("#action", Input).value == "Talk with Kayla"


def test_when_the_databases_folder_cannot_take_the_file_it_goes_to_the_state_folder(
        tmp_path: Path, db_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    with Store(db_path) as store:
        store.save(kayla_case())
    recovery_dir(db_path).write_text("in the way", encoding="utf-8")  # mkdir fails here
    journal = Journal(db_path, opener=lambda: Store(db_path, timeout=0.05))
    answered = kayla_case().model_copy(update={"story": "Kayla's dad works nights."})
    locker = sqlite3.connect(db_path, isolation_level=None)
    locker.execute("BEGIN EXCLUSIVE")
    journal.submit("NL-L-1", answered.model_dump_json(), "answered story:")
    assert journal.file_error == ""
    assert journal.in_use == journal.fallback and journal.fallback.exists()
    assert str(tmp_path / "state") in str(journal.fallback)
    journal.drain()
    assert journal.error, "the database is locked"
    locker.execute("ROLLBACK")
    locker.close()
    # the app is killed here; the next start finds the file in the state folder
    journal.fallback.rename(journal.fallback.with_name(f"session-{dead_pid()}.json"))
    with Store(db_path) as store:
        lines = recover(store)
        assert store.load("NL-L-1").story == "Kayla's dad works nights."
    assert lines


@pytest.mark.anyio
async def test_a_blank_draft_never_hides_a_saved_need(tmp_path: Path) -> None:
    """An answer box emptied to spaces and left with Back was kept as a draft of "   ",
    and on reopening the need's box was blank, the saved wording nowhere to be seen. A
    blank draft now gives way to the saved answer; a draft with words still wins."""
    db = tmp_path / "cases.db"
    case = Case.model_validate({**kayla_case().model_dump(), "needs": [
        {"id": "n1", "holder": "p1", "wording": "Kayla needs to sleep in her own bed."}]})
    with Store(db) as store:
        store.save(case)
        store.save_draft("NL-L-1", "need:n1", "   ")
        store.save_position("NL-L-1", "need:n1")
    app = NeedsLedApp(db=str(db))
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_case(pilot, "NL-L-1")
        await until(pilot, lambda: screen.interview.key == "need:n1", "the need's question")
        assert screen.answer_box.text == "Kayla needs to sleep in her own bed."


@pytest.mark.anyio
async def test_a_paste_with_terminal_escapes_goes_in_as_its_words(tmp_path: Path) -> None:
    """Text pasted through a terminal with a colour escape in it went into the box (and
    the case) with the escape's bytes: the words arrive, the escape does not."""
    from textual import events

    db = tmp_path / "cases.db"
    with Store(db) as store:
        store.save(kayla_case())
    app = NeedsLedApp(db=str(db))
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_case(pilot, "NL-L-1")
        box = screen.answer_box
        box.focus()
        box.text = ""
        box.post_message(events.Paste("Kayla \x1b[31mneeds\x1b[0m\x07 to sleep."))
        await pilot.pause()
        assert box.text == "Kayla needs to sleep."
