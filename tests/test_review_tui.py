"""Reviewing in the app: a case reviewed twice from the first screen, under Pilot.

Real parts only: the fixture case in a real SQLite file, the real app and its wording
coach; the reviews are read back from the file as revisions labelled "Review N on DATE".
"""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import Input, Select, Static

from assistant.model import Case
from assistant.store import Store
from assistant.tui.app import NeedsLedApp
from assistant.tui.screens.home import HomeScreen
from assistant.tui.screens.review import ReviewScreen, TraceScreen
from assistant.tui.widgets.distance import DistanceChart
from tests.test_tui import SIZE, type_text, until

pytestmark = pytest.mark.anyio
REF = "NL-2026-014"


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


@pytest.fixture
def db(tmp_path: Path, case_json: str) -> Path:
    path = tmp_path / "cases.db"
    with Store(path) as store:
        store.save(Case.model_validate_json(case_json))
    return path


async def choose(pilot: Pilot, select_id: str, downs: int) -> None:
    """Open the focused-by-id Select with Enter, move down, choose with Enter."""
    widget = pilot.app.screen.query_one(f"#{select_id}", Select)
    widget.focus()
    await pilot.pause()
    await pilot.press("enter", *["down"] * downs, "enter")
    await pilot.pause()


async def fill(pilot: Pilot, input_id: str, text: str) -> None:
    field = pilot.app.screen.query_one(f"#{input_id}", Input)
    field.focus()
    await pilot.pause()
    field.value = ""
    await type_text(pilot, text)


async def open_review(pilot: Pilot, app: NeedsLedApp) -> ReviewScreen:
    await pilot.press("r")
    await until(pilot, lambda: isinstance(app.screen, ReviewScreen)
                and app.screen.query("#review-date"), "the review screen")
    assert isinstance(app.screen, ReviewScreen)
    return app.screen


async def test_a_case_reviewed_twice_from_the_first_screen(db: Path) -> None:
    app = NeedsLedApp(db=str(db))
    async with app.run_test(size=SIZE) as pilot:
        await until(pilot, lambda: app.core_ready, "the cases are open")
        await until(pilot, lambda: app.coach_status in ("ready", "reduced"), "the coach")
        await pilot.pause()

        # Review 1: results with evidence, status, the family's view, baseline and now
        screen = await open_review(pilot, app)
        assert "Review 1 of NL-2026-014" in str(screen.query_one("#review-title", Static).content)
        await fill(pilot, "review-date", "2027-02-15")
        await choose(pilot, "result-o1", 1)  # Achieved
        await fill(pilot, "evidence-o1", "Register: in school 19 of 20 days by 8.45")
        await choose(pilot, "result-o2", 2)  # Partly achieved
        await fill(pilot, "evidence-o2", "Kayla seems better")
        await choose(pilot, "carry-o2", 1)  # Changed
        await fill(pilot, "change-o2", "By May Kayla will tell her teacher it is not her fault")
        await choose(pilot, "status-n1", 1)  # Met
        await choose(pilot, "status-n3", 3)  # Unmet
        await choose(pilot, "serious-n3", 1)  # More serious
        await fill(pilot, "family-view", "Mornings are calmer")
        await choose(pilot, "plan-result", 2)  # Partly achieved
        for who, domain, base, now in (("family", "housing", "3", "3"),
                                       ("p1", "participation", "4", "2"),
                                       ("p2", "behaviour", "3", "4")):
            await fill(pilot, f"base-{who}-{domain}", base)
            await fill(pilot, f"now-{who}-{domain}", now)
        # Leaving and coming back loses nothing typed
        await pilot.press("escape")
        await until(pilot, lambda: isinstance(app.screen, HomeScreen), "home")
        screen = await open_review(pilot, app)
        assert screen.query_one("#evidence-o2", Input).value == "Kayla seems better"
        assert screen.query_one("#plan-result", Select).value == "partly"
        await pilot.press("ctrl+s")
        await until(pilot, lambda: isinstance(app.screen, ReviewScreen)
                    and app.screen is not screen and app.screen.query("#review-title"),
                    "the next review's screen")
        screen = app.screen
        assert isinstance(screen, ReviewScreen)
        assert "Review 2 of" in str(screen.query_one("#review-title", Static).content)
        said = str(screen.query_one("#review-said", Static).content)
        assert "Kayla seems better" in said and "not yet evidence" in said
        chart = screen.query_one("#distance-chart", DistanceChart)
        assert chart.travelled.improvements == [
            "Kayla: Participation in learning, education or work from Significant (4) to "
            "Minor (2)"]
        assert len(chart.travelled.setbacks) == 1
        assert not screen.query("#base-p1-participation")  # the baseline is recorded

        # Review 2 from the first screen again: scores only, and a closed need
        await pilot.press("escape")
        await until(pilot, lambda: isinstance(app.screen, HomeScreen), "home")
        screen = await open_review(pilot, app)
        await fill(pilot, "review-date", "2027-05-17")
        await choose(pilot, "status-n1", 4)  # Closed
        await fill(pilot, "now-p1-participation", "1")
        await fill(pilot, "now-p2-behaviour", "3")
        await pilot.press("ctrl+s")
        await until(pilot, lambda: isinstance(app.screen, ReviewScreen)
                    and app.screen is not screen and app.screen.query("#review-title"),
                    "the third review's screen")
        chart = app.screen.query_one("#distance-chart", DistanceChart)
        assert chart.travelled.columns == ["Baseline", "Review 1", "Review 2"]
        assert chart.travelled.setbacks == []  # Tyler back to his baseline
        rendered = " ".join(str(label.render()) for label in chart.query("Label"))
        assert "4→2→1" in rendered and "better by 3" in rendered

        # the learning trace of the case, from the review screen
        await pilot.press("f6")
        await until(pilot, lambda: isinstance(app.screen, TraceScreen)
                    and app.screen.trace is not None, "the learning trace")
        assert len(app.screen.trace.needs) == 4

    with Store(db) as store:
        notes = [r.note for r in store.history(REF)]
        case = store.load(REF)
    assert notes[-2:] == ["Review 1 on 2027-02-15", "Review 2 on 2027-05-17"]
    assert [r.number for r in case.reviews] == [1, 2]
    assert case.reviews[0].outcomes[1].result == "partly"
    assert case.needs[1].outcomes[0].statement.startswith("By May Kayla")
    assert case.needs[0].status == "closed" and case.needs[2].status == "unmet"
    assert case.reviews[0].plan_result == "partly"
    assert case.reviews[0].family_view == "Mornings are calmer"


async def test_the_review_saves_the_apps_way_and_keeps_every_field_as_a_draft(
        db: Path) -> None:
    """The review screen saves like the interview: off the UI thread, a lasting bar while
    the database is locked (the review is in the recovery file meanwhile), saved on retry;
    and what is typed or chosen is a draft in the database, back after quitting."""
    import sqlite3

    from assistant.recovery import recovery_dir
    from assistant.tui.drafts import SaveBar
    from assistant.tui.screens.saving import QuitScreen

    app = NeedsLedApp(db=str(db))
    async with app.run_test(size=SIZE) as pilot:
        await until(pilot, lambda: app.core_ready, "the cases are open")
        screen = await open_review(pilot, app)
        await fill(pilot, "review-date", "2027-02-15")
        await choose(pilot, "result-o1", 1)  # Achieved
        await fill(pilot, "evidence-o1", "Register: in school 19 of 20 days by 8.45")
        await fill(pilot, "family-view", "Mornings are calmer")
        await pilot.press("ctrl+q")  # drafts are written before quitting: it does not ask
        await until(pilot, lambda: not app.is_running or isinstance(app.screen, QuitScreen),
                    "quit")
        assert not isinstance(app.screen, QuitScreen)
    with Store(db) as store:
        kept = store.drafts(REF)
    assert kept["review 1/evidence-o1"] == "Register: in school 19 of 20 days by 8.45"
    assert kept["review 1/result-o1"] == "achieved"

    app = NeedsLedApp(db=str(db))
    locker = sqlite3.connect(db, isolation_level=None)
    try:
        async with app.run_test(size=SIZE) as pilot:
            await until(pilot, lambda: app.core_ready, "the cases are open")
            screen = await open_review(pilot, app)
            assert screen.query_one("#family-view", Input).value == "Mornings are calmer"
            assert screen.query_one("#result-o1", Select).value == "achieved"
            assert screen.query_one("#review-date", Input).value == "2027-02-15"
            locker.execute("BEGIN EXCLUSIVE")
            await pilot.press("ctrl+s")
            await until(pilot, lambda: isinstance(app.screen, ReviewScreen)
                        and app.screen is not screen, "the next review's form, at once")
            await until(pilot, lambda: app.screen.query(SaveBar), "the not-saved bar")
            bar = app.screen.query_one(SaveBar)
            assert "Not saved" in bar.text and "locked" in bar.text
            assert app.keeper.journal is not None and app.keeper.journal.file.exists()
            body = app.keeper.journal.file.read_text(encoding="utf-8")
            assert "Review 1 on 2027-02-15" in body, "the review is in the recovery file"
            locker.execute("ROLLBACK")
            # Ctrl+S on the fresh form, as the bar says: a retry, not an empty review 2
            await pilot.press("ctrl+s")
            await until(pilot, lambda: app.keeper.journal is not None
                        and app.keeper.journal.unsaved() == 0, "saved on retry")
            await until(pilot, lambda: not app.screen.query(SaveBar), "the bar goes")
    finally:
        locker.close()
    with Store(db) as store:
        notes = [r.note for r in store.history(REF)]
        case = store.load(REF)
        left = {k: v for k, v in store.drafts(REF).items() if k.startswith("review 1/")}
    assert notes.count("Review 1 on 2027-02-15") == 1
    assert not any(n.startswith("Review 2") for n in notes)
    assert case.reviews[0].family_view == "Mornings are calmer"
    assert case.reviews[0].outcomes[0].evidence.startswith("Register")
    assert left == {}, "the review's drafts go once the database has it"
    assert not recovery_dir(db).exists() or not list(recovery_dir(db).iterdir())
