"""The app driven as a worker would: keys from the first screen to saved files.

Real parts only: the real wording coach with the installed spaCy pipeline, a real SQLite
file in tmp_path, the real Textual app under Pilot, the real exporters writing files.
Waiting (``until``) polls for a state; nothing here asserts on a duration.
"""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from textual import events
from textual.pilot import Pilot
from textual.widgets import Input

from assistant import dates
from assistant.model import Case
from assistant.store import Store
from assistant.tui.app import NeedsLedApp
from assistant.tui.screens.export import ExportScreen
from assistant.tui.screens.home import HomeScreen
from assistant.tui.screens.keep import KeepScreen
from assistant.tui.screens.newcase import NewCaseScreen
from assistant.tui.widgets.answer import AnswerArea
from tests.helpers import click, interview, on_interview, open_case, reads_the_dialog, until

SIZE = (100, 32)

pytestmark = pytest.mark.anyio


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


async def type_text(pilot: Pilot, text: str) -> None:
    await pilot.press(*[{" ": "space"}.get(ch, ch) for ch in text])


async def paste(pilot: Pilot, text: str) -> None:
    """Paste into the focused field, as a terminal delivers pasted text."""
    focused = pilot.app.focused
    assert focused is not None
    focused.post_message(events.Paste(text))
    await pilot.pause()


async def answer(pilot: Pilot, text: str) -> None:
    """Clear the answer field (pre-filled when editing), paste ``text``, press Enter."""
    field = pilot.app.screen.query_one("#answer", AnswerArea)
    field.clear()
    if text:
        await paste(pilot, text)
    await pilot.press("enter")
    await pilot.pause()


async def start_case(pilot: Pilot, reference: str) -> None:
    """From the first screen: a new case with Kayla (child, 9) and Dee (mother)."""
    await until(pilot, lambda: pilot.app.core_ready, "the cases are open")
    await pilot.press("n")
    await until(pilot, lambda: isinstance(pilot.app.screen, NewCaseScreen), "new case screen")
    await type_text(pilot, reference)
    await pilot.press("enter", "tab")
    await type_text(pilot, "Kayla")
    await pilot.press("tab", "9", "enter")
    await pilot.pause()
    # the role list has focus again: open it and choose Mother (fourth)
    await pilot.press("enter", "down", "down", "down", "enter", "tab")
    await type_text(pilot, "Dee")
    await click(pilot, "#add")  # the mouse works too
    await pilot.pause()
    await pilot.press("ctrl+s")
    await until(pilot, lambda: on_interview(pilot.app), "interview")


async def test_a_whole_case_from_the_first_screen_to_saved_files(tmp_path: Path) -> None:
    db = tmp_path / "cases.db"
    out = tmp_path / "out"
    app = NeedsLedApp(db=str(db))
    async with app.run_test(size=SIZE) as pilot:
        assert isinstance(app.screen, HomeScreen)
        await until(pilot, lambda: app.coach_status != "loading", "the coach loads")
        assert app.coach_status == "ready", app.coach_problem
        await start_case(pilot, "NL-T-100")
        screen = interview(app)
        assert screen.interview.key == "story:"
        assert [p.name for p in screen.case.people] == ["Kayla", "Dee"]
        assert screen.case.people[1].role == "mother"

        await answer(pilot, "Dee drinks in the mornings since her father died.\n"
                            "Her sister Rose helps.")
        assert screen.case.story.count("\n") == 1, "a pasted story keeps its lines"
        assert screen.interview.key == "heard:"
        assert "Rose" in str(screen.query_one("#question").render())
        await answer(pilot, "")
        assert screen.interview.key == "child_says:"
        await answer(pilot, "Kayla says mornings are the worst.")
        assert screen.interview.key == f"need_new:{screen.case.people[0].id}"

        # the live coach: a service-led need is flagged while it is typed
        await type_text(pilot, "Kayla needs counselling")
        await until(pilot, lambda: screen.report is not None
                    and screen.report_text == "Kayla needs counselling", "a coach report")
        assert "service" in screen.report.kinds
        shown = str(screen.query_one("#coach-text").render())
        assert "counselling" in shown
        # a result that arrives after newer typing is dropped, not shown
        late = app.coach.check("Kayla needs to be safe", stage="need", holder="Kayla")
        screen.show_report(screen.generation - 1, "Kayla needs to be safe", late)
        assert screen.report_text == "Kayla needs counselling"
        assert str(screen.query_one("#coach-text").render()) == shown

        # take a rewrite into the answer, then edit it
        assert screen.rewrite_options, "the coach offers rewrites for a service-led need"
        await pilot.press("ctrl+r")
        taken = screen.query_one("#answer", AnswerArea).value
        assert taken in screen.rewrite_options
        await type_text(pilot, " X")
        assert screen.query_one("#answer", AnswerArea).value == taken + " X"

        # keep own wording with a reason: the reason is recorded
        field = screen.query_one("#answer", AnswerArea)
        field.clear()
        await type_text(pilot, "Kayla needs counselling")
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(app.screen, KeepScreen), "keep wording dialog")
        await pilot.press("enter")  # an empty reason is refused
        assert isinstance(app.screen, KeepScreen)
        await type_text(pilot, "Kayla asked for this herself")
        await pilot.press("enter")
        await until(pilot, lambda: app.screen is screen and len(screen.case.needs) == 1,
                    "the need is taken")
        kept = screen.case.needs[0].kept_wording
        assert kept and kept[0].reason == "Kayla asked for this herself"
        labels = [str(n.label) for n in screen.query_one("#plan")._tree_nodes.values()]  # type: ignore[attr-defined]
        assert any("Kayla asked for this herself" in label for label in labels), labels

        # go back and change it to a specific need: the reason kept for the old wording goes
        assert screen.interview.key.startswith("voice:")
        await pilot.press("ctrl+b")
        assert screen.interview.key.startswith("need:")
        await answer(pilot, "Kayla needs to be at school by 8.45 every morning")
        assert screen.case.needs[0].kept_wording == []
        assert "was dropped" in str(screen.query_one("#notes").render())
        for text in ["'I hate getting up'", "Dee says Kayla will not get up", ""]:
            await answer(pilot, text)
        await until(pilot, lambda: screen.interview.key.startswith("need_new:"), "next need")
        await answer(pilot, "")
        await answer(pilot, "Dee needs to be sober in the mornings to get Kayla up")
        if isinstance(app.screen, KeepScreen):
            await reads_the_dialog()
            await type_text(pilot, "agreed with Dee")
            await pilot.press("enter")
            await pilot.pause()
        for _ in range(3):  # Dee's own words, the family's words, no more needs for Dee
            await answer(pilot, "")
        for text in ["Kayla will fall behind in reading", "Kayla likes her teacher",
                     "Mornings are chaotic", "3", "2",
                     "Kayla will look after herself", "Dee wants to change", "", "high", "now"]:
            await answer(pilot, text)
        assert screen.interview.key.startswith("outcome_new:")
        soon, start = dates.today() + timedelta(days=90), dates.today() + timedelta(days=7)
        for text in ["By 15 February Kayla will be at school by 8.45 on 9 days in 10",
                     "", "School register", soon.isoformat(), "",
                     "Within eight weeks Dee will be sober every school morning",
                     "", "Morning visits and the aunt's weekly report",
                     soon.strftime("%d/%m/%Y"), ""]:
            await answer(pilot, text)
            if isinstance(app.screen, KeepScreen):
                await reads_the_dialog()
                await type_text(pilot, "agreed in supervision")
                await pilot.press("enter")
                await pilot.pause()
        assert screen.interview.key.startswith("work_new:")
        for text in ["Aunt walks Kayla to school each morning", "Aunt",
                     "Each school day for 12 weeks", start.isoformat(), "",
                     "Dee meets the alcohol worker weekly", "Alcohol worker",
                     "Weekly for 12 weeks", f"{start.day} {start.strftime('%b %Y')}", ""]:
            await answer(pilot, text)
            if isinstance(app.screen, KeepScreen):
                await reads_the_dialog()
                await type_text(pilot, "agreed in supervision")
                await pilot.press("enter")
                await pilot.pause()
        assert screen.interview.key == "worker:"
        for text in ["Sam Okafor", soon.strftime("%d/%m/%Y"), "3", "", ""]:
            await answer(pilot, text)
        assert screen.interview.key == "review:"
        assert screen.interview.gaps() == []
        assert "No gaps" in str(screen.query_one("#gaps").render())

        # export from inside the app
        await pilot.press("f4")
        await until(pilot, lambda: isinstance(app.screen, ExportScreen), "export dialog")
        app.screen.query_one("#folder", Input).value = str(out)
        await pilot.press("enter")
        await until(pilot, lambda: out.is_dir() and any(out.iterdir()), "exported files")
        await pilot.press("escape")
        await pilot.press("ctrl+q")

    with Store(db) as store:
        case = store.load("NL-T-100")
        history = store.history("NL-T-100")
        assert len(history) > 20, "a revision after every answer"
        assert not any(r.note in ("moved", "") for r in history[1:]), [r.note for r in history]
        assert any("Need 1 reworded" in r.note for r in history), [r.note for r in history]
        assert store.position("NL-T-100") == "review:"
    assert [n.wording for n in case.needs] == [
        "Kayla needs to be at school by 8.45 every morning",
        "Dee needs to be sober in the mornings to get Kayla up",
    ]
    kayla = case.needs[0]
    assert kayla.seriousness is not None and kayla.seriousness.rating == "high"
    assert kayla.outcomes[0].measure == "School register"
    assert [w.who for w in kayla.work] == ["Aunt"]
    assert case.resume == {}, "the position is not part of the case"
    assert (case.worker, case.level_of_need) == ("Sam Okafor", 3)
    assert kayla.child_voice == "'I hate getting up'"
    assert case.child_voice == "Kayla says mornings are the worst."
    names = sorted(p.name for p in out.iterdir())
    assert any(n.endswith(".html") for n in names), names
    assert any(n.endswith(".md") for n in names), names


async def test_resume_after_quit_with_unsubmitted_text(tmp_path: Path) -> None:
    db = tmp_path / "cases.db"
    app = NeedsLedApp(db=str(db))
    async with app.run_test(size=SIZE) as pilot:
        await start_case(pilot, "NL-T-200")
        screen = interview(app)
        for text in ["Kayla misses school.", "", "", "Kayla needs to sit still in circle time"]:
            await answer(pilot, text)
        if isinstance(app.screen, KeepScreen):
            await reads_the_dialog()
            await type_text(pilot, "as the teacher put it")
            await pilot.press("enter")
            await pilot.pause()
        for _ in range(3):  # Kayla's words, the parents' views, the family's words
            await answer(pilot, "")
        await type_text(pilot, "Kayla needs to sleep thr")
        key = screen.interview.key
        # the draft is saved a moment after the last keystroke, without pressing Enter
        with Store(db) as probe:
            await until(pilot, lambda: probe.drafts("NL-T-200").get(key)
                        == "Kayla needs to sleep thr", "the draft is saved")
        # saved before the app closes, as it must be if the terminal is killed
    app2 = NeedsLedApp(db=str(db))
    async with app2.run_test(size=SIZE) as pilot:
        assert isinstance(app2.screen, HomeScreen)
        await until(pilot, lambda: app2.core_ready, "the cases are open")
        await pilot.pause()
        await pilot.press("enter")  # the case list has focus, the case highlighted
        await until(pilot, lambda: on_interview(app2), "reopened")
        again = interview(app2)
        assert again.interview.key == key
        assert again.query_one("#answer", AnswerArea).value == "Kayla needs to sleep thr"
        assert [n.wording for n in again.case.needs] == ["Kayla needs to sit still in circle time"]
        await pilot.press("enter")
        await pilot.pause()
        if isinstance(app2.screen, KeepScreen):
            await reads_the_dialog()
            await type_text(pilot, "fine")
            await pilot.press("enter")
            await pilot.pause()
        assert len(again.case.needs) == 2
    with Store(db) as store:
        assert store.drafts("NL-T-200").get(key, "") == ""
        assert len(store.load("NL-T-200").needs) == 2


async def test_bad_answer_shows_a_message_and_keeps_the_text(tmp_path: Path,
                                                             case_json: str) -> None:
    db = tmp_path / "cases.db"
    with Store(db) as store:
        store.save(Case.model_validate_json(case_json))
    app = NeedsLedApp(db=str(db))
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_case(pilot, "NL-2026-014")
        screen.interview.goto("by:o1")
        screen.show_question()
        await answer(pilot, "next spring")
        assert "not a date" in str(screen.query_one("#message").render())
        assert screen.query_one("#answer", AnswerArea).value == "next spring"
        assert screen.interview.key == "by:o1"
        # a plan item chosen in the tree goes back to it
        tree = screen.query_one("#plan")
        node = next(n for n in tree._tree_nodes.values() if n.data == "need:n4")  # type: ignore[attr-defined]
        tree.select_node(node)  # type: ignore[attr-defined]
        await pilot.pause()
        assert screen.interview.key == "need:n4"
        assert screen.query_one("#answer", AnswerArea).value.startswith("Tyler needs to be home")


async def test_an_unusable_database_is_one_clear_line(tmp_path: Path) -> None:
    app = NeedsLedApp(db=str(tmp_path))  # a folder, not a database file
    async with app.run_test(size=SIZE) as pilot:
        await until(pilot, lambda: app.failure, "the failure is reported")
        await pilot.press("ctrl+q")  # the line stays on screen until the worker quits
    assert "is a folder, not a database file" in app.failure
    assert app.return_code == 1


async def test_palette_theme_and_help(tmp_path: Path, case_json: str) -> None:
    db = tmp_path / "cases.db"
    with Store(db) as store:
        store.save(Case.model_validate_json(case_json))
    app = NeedsLedApp(db=str(db))
    async with app.run_test(size=(80, 24)) as pilot:
        await until(pilot, lambda: app.core_ready, "the cases are open")
        assert app.theme != "textual-light"
        await pilot.press("ctrl+t")  # Textual's own theme picker, not a copy of it
        await pilot.pause()
        await type_text(pilot, "textual-light")
        await pilot.press("enter")
        await until(pilot, lambda: app.theme == "textual-light", "the light theme")
        await pilot.press("f1")
        assert "Help" in type(app.screen).__name__
        await pilot.press("escape")
        await pilot.press("ctrl+p")
        await pilot.pause()
        await type_text(pilot, "open case NL-2026")
        await until(pilot, lambda: "NL-2026-014" in str(app.screen.query("OptionList").first()
                                                        .get_option_at_index(0).prompt)
                    if app.screen.query("OptionList") and
                    app.screen.query("OptionList").first().option_count else False,
                    "the palette offers the case")
        await pilot.press("enter")
        await until(pilot, lambda: on_interview(app), "the case opens from the palette")
        screen = interview(app)
        assert screen.case.reference == "NL-2026-014"
        # the plan's cursor sits on what the question is about
        tree = screen.query_one("#plan")
        assert tree.cursor_node is not None  # type: ignore[attr-defined]
        assert tree.cursor_node.data == "need:n4"  # type: ignore[attr-defined]


async def test_quitting_at_once_keeps_the_text_typed(tmp_path: Path) -> None:
    db = tmp_path / "cases.db"
    with Store(db) as store:
        store.save(Case(reference="Q-1", story="A fictional family.",
                        people=[{"id": "p1", "name": "Kayla"}],  # type: ignore[list-item]
                        resume={"step": "need_new:p1"}))
    app = NeedsLedApp(db=str(db))
    async with app.run_test(size=(80, 24)) as pilot:
        await open_case(pilot, "Q-1")
        await type_text(pilot, "Kayla needs to")
        await pilot.press("ctrl+q")  # before the draft's own timer fires
    with Store(db) as store:
        assert store.drafts("Q-1") == {"need_new:p1": "Kayla needs to"}
