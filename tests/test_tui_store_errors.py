"""Every kind of store error is one line in the app, never a traceback.

Each database is broken for real, the way it happens: a file you may not read (as an
ordinary user), bytes overwritten inside an index page, a second program holding the
write lock, a disk that is full (a real tmpfs filled to the brim), a zero-byte file, a
file written by a newer needs-led, a digit changed in stored text behind the checksum's
back. The real app runs on it under Pilot; the test reads what the worker sees.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import sqlite3
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import Static

from assistant.model import Case
from assistant.store import Store, checksum
from assistant.tui.app import NeedsLedApp
from assistant.tui.drafts import SaveBar
from assistant.tui.screens.home import HomeScreen
from assistant.tui.screens.interview import InterviewScreen
from tests.test_tui import SIZE, type_text, until

pytestmark = pytest.mark.anyio
REF = "NL-2026-014"


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


@pytest.fixture
def folder() -> Iterator[Path]:
    """A folder every user can enter (pytest's own tmp folders are private to root)."""
    path = Path(tempfile.mkdtemp(prefix="needs-led-tui-errors-"))
    path.chmod(0o755)
    yield path
    shutil.rmtree(path, ignore_errors=True)


def build(path: Path, case: Case) -> Path:
    with Store(path) as store:
        store.save(case)
        store.save(case.model_copy(update={"reference": "NL-2026-015"}))
    return path


def problem_line(app: NeedsLedApp) -> str:
    screen = next(s for s in app.screen_stack if isinstance(s, HomeScreen))
    return str(screen.query_one("#store-problem", Static).render())


def one_line(text: str) -> None:
    assert text and "\n" not in text.strip(), text
    assert "Traceback" not in text and "File \"" not in text, text


async def refused(app: NeedsLedApp, pilot: Pilot) -> str:
    """The app could not use the database: the first screen says why in one line, the
    app stays up until the worker quits, and then exits with status 1."""
    await until(pilot, lambda: app.failure, "the problem is reported")
    await pilot.pause()
    shown = problem_line(app)
    one_line(shown)
    assert shown == app.failure
    assert not app.core_ready and app.is_running
    await pilot.press("n")  # anything that needs the cases says the same line
    await pilot.pause()
    assert isinstance(app.screen, HomeScreen)
    await pilot.press("ctrl+q")
    await until(pilot, lambda: not app.is_running, "quit")
    return shown


def untouched(path: Path, before: bytes) -> None:
    assert path.read_bytes() == before, "the database was written to"
    wal = Path(f"{path}-wal")
    assert not wal.exists() or wal.stat().st_size == 0


@contextlib.contextmanager
def as_nobody() -> Iterator[None]:
    """Act as an ordinary user (root may read anything, so a permission test run as root
    would test nothing); as an ordinary user already, nothing changes."""
    if os.geteuid() != 0:
        yield
        return
    # real and effective ids both (os.access asks as the real user); the saved id stays
    # root's, so the test can come back
    os.setresgid(65534, 65534, 0)
    os.setresuid(65534, 65534, 0)
    try:
        yield
    finally:
        os.setresuid(0, 0, 0)
        os.setresgid(0, 0, 0)


async def test_a_file_you_may_not_read(folder: Path, case: Case, tmp_path: Path) -> None:
    db = build(folder / "cases.db", case)
    # Open it once as its owner: everything the app imports on the way is imported.
    warm = NeedsLedApp(db=str(db))
    async with warm.run_test(size=SIZE) as pilot:
        await until(pilot, lambda: warm.core_ready, "the cases are open")
    db.chmod(0o000 if os.geteuid() != 0 else 0o600)  # root's 0600 file: nobody may not read
    app = NeedsLedApp(db=str(db))
    with as_nobody():
        async with app.run_test(size=SIZE) as pilot:
            shown = await refused(app, pilot)
    assert "permission denied" in shown and "cannot read this file" in shown
    assert app.return_code == 1


async def test_a_damaged_index_page(tmp_path: Path, case: Case) -> None:
    db = build(tmp_path / "cases.db", case)
    con = sqlite3.connect(db)
    size = con.execute("pragma page_size").fetchone()[0]
    page = con.execute("select rootpage from sqlite_master "
                       "where name = 'idx_revisions_reference_number'").fetchone()[0]
    con.close()
    data = bytearray(db.read_bytes())
    data[page * size - 60:page * size] = b"\x07" * 60  # the cells at the page's end
    db.write_bytes(bytes(data))
    before = db.read_bytes()
    app = NeedsLedApp(db=str(db))
    async with app.run_test(size=SIZE) as pilot:
        shown = await refused(app, pilot)
    assert "the database is damaged (SQLite's check found:" in shown
    assert "nothing was written to it" in shown
    untouched(db, before)


async def test_a_changed_digit_behind_the_checksum(tmp_path: Path, case: Case) -> None:
    db = build(tmp_path / "cases.db", case)
    con = sqlite3.connect(db)
    con.execute("update revisions set body = replace(body, '8.45', '9.45') "
                "where reference = ?", [REF])
    con.commit()
    con.close()
    before = db.read_bytes()
    app = NeedsLedApp(db=str(db))
    async with app.run_test(size=SIZE) as pilot:
        shown = await refused(app, pilot)
    assert f"case '{REF}' revision 1 does not match its checksum" in shown
    untouched(db, before)


async def test_a_zero_byte_file(tmp_path: Path) -> None:
    db = tmp_path / "cases.db"
    db.touch()
    app = NeedsLedApp(db=str(db))
    async with app.run_test(size=SIZE) as pilot:
        shown = await refused(app, pilot)
    assert "the file is empty (0 bytes)" in shown and "left untouched" in shown
    assert db.stat().st_size == 0


async def test_a_database_from_a_newer_needs_led(tmp_path: Path, case: Case) -> None:
    db = build(tmp_path / "cases.db", case)
    con = sqlite3.connect(db)
    con.execute("insert into _sqlite_migrations (migration_set, name, applied_at) "
                "values ('needs-led', 'm099_from_the_future', '2027-01-01')")
    con.commit()
    con.close()
    before = db.read_bytes()
    app = NeedsLedApp(db=str(db))
    async with app.run_test(size=SIZE) as pilot:
        shown = await refused(app, pilot)
    assert "written by a newer needs-led; upgrade needs-led" in shown
    untouched(db, before)


async def test_a_case_saved_by_a_newer_needs_led_opens_with_one_line(
        tmp_path: Path, case: Case) -> None:
    """A revision with a newer case schema (its checksum intact): the others open; that
    one says why it cannot, in one line, and is never saved over."""
    db = build(tmp_path / "cases.db", case)
    with Store(db) as store:
        body = case.model_dump_json().replace('"schema_version":2', '"schema_version":9')
        assert body != case.model_dump_json()
        store.db.execute("update revisions set body = ?, checksum = ? where reference = ?",
                         [body, checksum(body), REF])
    app = NeedsLedApp(db=str(db))
    async with app.run_test(size=SIZE) as pilot:
        await until(pilot, lambda: app.core_ready, "the cases are open")
        app.open_case(REF)
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        shown = [str(n.message) for n in app._notifications]
        line = next(m for m in shown if "cannot be opened" in m)
        one_line(line)
        assert "written by a newer needs-led (case schema 9" in line
        app.open_case("NL-2026-015")
        await until(pilot, lambda: isinstance(app.screen, InterviewScreen)
                    and bool(app.screen.query("#answer")), "the other case opens")
        await pilot.pause()
    with Store(db) as store:
        assert [r.number for r in store.history(REF)] == [1]


async def test_a_locked_database(tmp_path: Path, case: Case) -> None:
    db = build(tmp_path / "cases.db", case)
    locker = sqlite3.connect(db, isolation_level=None)
    try:
        app = NeedsLedApp(db=str(db))
        async with app.run_test(size=SIZE) as pilot:
            await until(pilot, lambda: app.core_ready, "the cases are open")
            locker.execute("BEGIN EXCLUSIVE")
            app.open_case(REF)
            await until(pilot, lambda: isinstance(app.screen, InterviewScreen)
                        and bool(app.screen.query("#answer")), "the interview")
            await type_text(pilot, "Kayla needs")
            await until(pilot, lambda: app.screen.query(SaveBar), "the not-saved bar", 900)
            bar = app.screen.query_one(SaveBar).text
            one_line(bar)
            assert "is locked by another program" in bar and "Ctrl+S" in bar
            locker.execute("ROLLBACK")
            await pilot.press("ctrl+s")
            await until(pilot, lambda: not app.screen.query(SaveBar), "saved on retry")
    finally:
        locker.close()
    with Store(db) as store:
        assert "Kayla needs" in store.drafts(REF).values()


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    """A real file system of 1 MiB (tmpfs, mounted for the test: needs root)."""
    if os.geteuid() != 0:  # CI runs as root; a worker's own run cannot mount one
        pytest.skip("a full disk is made with a small tmpfs, which needs root")
    mount = tmp_path / "disk"
    mount.mkdir()
    made = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", str(mount)],
                          capture_output=True, text=True)
    if made.returncode != 0:
        pytest.fail(f"a small tmpfs could not be mounted as root: {made.stderr}")
    try:
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=False)


async def test_a_full_disk(small_disk: Path, tmp_path: Path, case: Case,
                           monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))  # the recovery file
    db = build(small_disk / "cases.db", case)
    app = NeedsLedApp(db=str(db))
    async with app.run_test(size=SIZE) as pilot:
        await until(pilot, lambda: app.core_ready, "the cases are open")
        app.open_case(REF)
        await until(pilot, lambda: isinstance(app.screen, InterviewScreen)
                    and bool(app.screen.query("#answer")), "the interview")
        # another program fills the disk
        with open(small_disk / "filler", "wb") as filler, contextlib.suppress(OSError):
            while True:
                filler.write(b"\0" * 65536)
                filler.flush()
        await pilot.press(*"Kayla needs", "space", *("x" * 20))
        await until(pilot, lambda: app.screen.query(SaveBar), "the not-saved bar", 900)
        bar = app.screen.query_one(SaveBar).text
        one_line(bar)
        assert "the disk is full" in bar
        assert app.keeper.journal is not None
        kept = app.keeper.journal.in_use
        assert kept.exists() and "xxxxxxxxxx" in kept.read_text(encoding="utf-8")
        (small_disk / "filler").unlink()  # space again: the retry saves it
        await pilot.press("ctrl+s")
        await until(pilot, lambda: not app.screen.query(SaveBar), "saved on retry", 900)
    with Store(db) as store:
        assert any(t.endswith("x" * 20) for t in store.drafts(REF).values())


async def test_the_case_list_failing_later_is_one_line(tmp_path: Path, case: Case) -> None:
    """The database changes under the app (another program renames a column of the case
    list): the first screen says so in one line instead of a traceback."""
    db = build(tmp_path / "cases.db", case)
    app = NeedsLedApp(db=str(db))
    async with app.run_test(size=SIZE) as pilot:
        await until(pilot, lambda: app.core_ready, "the cases are open")
        con = sqlite3.connect(db)
        con.execute("alter table cases rename column summary to gist")
        con.commit()
        con.close()
        home = app.screen
        assert isinstance(home, HomeScreen)
        home.refresh_cases()
        await pilot.pause()
        shown = problem_line(app)
        one_line(shown)
        assert "database error" in shown and "no such column: summary" in shown
        await pilot.press("ctrl+p")  # the palette lists cases too: still no traceback
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert app.is_running


async def test_starting_a_case_on_a_changed_database_is_one_line(
        tmp_path: Path, case: Case) -> None:
    """Another program renamed the case list while the new-case form was open: starting
    says why in one line, and the form keeps what was typed."""
    from assistant.tui.screens.newcase import NewCaseScreen

    db = build(tmp_path / "cases.db", case)
    app = NeedsLedApp(db=str(db))
    async with app.run_test(size=SIZE) as pilot:
        await until(pilot, lambda: app.core_ready, "the cases are open")
        await pilot.press("n")
        await until(pilot, lambda: isinstance(app.screen, NewCaseScreen)
                    and app.focused is not None, "new case")
        await type_text(pilot, "NL-T-300")
        await pilot.press("enter", "tab")
        await type_text(pilot, "Kayla")
        await pilot.press("tab", "9", "enter")
        await pilot.pause()
        con = sqlite3.connect(db)
        con.execute("alter table cases rename to cases_gone")
        con.commit()
        con.close()
        await pilot.press("ctrl+s")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, NewCaseScreen)
        shown = str(screen.query_one("#newcase-error", Static).render())
        one_line(shown)
        assert shown.startswith("Not started:") and "no such table: cases" in shown
        assert [p.name for p in screen.people] == ["Kayla"]
