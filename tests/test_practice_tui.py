"""Practice in the app, as a student would: from the first screen to the feedback file.

Real parts only: the real coach and lemmatizer (installed spaCy pipeline), a real SQLite
file in tmp_path, the real app under Pilot, the real Jinja2 template written to a file.
"""

from __future__ import annotations

import io
import shutil
from pathlib import Path

import pytest
from rich.console import Console
from textual.pilot import Pilot
from textual.widgets import Checkbox, Input, OptionList, Static

from assistant.model import Case
from assistant.practice import find_vignette, practice_case
from assistant.store import Store
from assistant.tui.app import NeedsLedApp
from assistant.tui.screens.keep import KeepScreen
from assistant.tui.screens.practice import (
    FeedbackExportScreen,
    FeedbackScreen,
    PracticeScreen,
    StoryScreen,
)
from tests.helpers import CONTENT, ROOT, open_case, reads_the_dialog
from tests.test_tui import SIZE, answer, interview, on_interview, type_text, until

pytestmark = pytest.mark.anyio

SCHOOL = "Jackie needs to go to school every day, on time"
SERVICE = "Jackie needs counselling"


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


async def answer_keeping(pilot: Pilot, text: str) -> None:
    """Answer; if the coach questions the wording, keep it with a reason."""
    await answer(pilot, text)
    if isinstance(pilot.app.screen, KeepScreen):
        await reads_the_dialog()
        await type_text(pilot, "practising")
        await pilot.press("enter")
        await pilot.pause()


def rendered(app: NeedsLedApp, selector: str) -> str:
    """The text a Static shows (a rich renderable printed wide, so nothing wraps)."""
    content = app.screen.query_one(selector, Static).content
    if isinstance(content, str):
        return content
    console = Console(width=400, record=True, file=io.StringIO())
    console.print(content)
    return console.export_text()


async def test_a_practice_run_from_the_first_screen_to_the_feedback_file(
        tmp_path: Path) -> None:
    db = tmp_path / "cases.db"
    out = tmp_path / "feedback"
    app = NeedsLedApp(db=str(db))
    async with app.run_test(size=SIZE) as pilot:
        await until(pilot, lambda: app.coach_status != "loading", "the coach loads")
        assert app.coach_status == "ready", app.coach_problem
        await pilot.press("p")
        await until(pilot, lambda: isinstance(app.screen, PracticeScreen)
                    and app.screen.query("#vignette"), "the vignettes")
        options = app.screen.query_one("#vignettes", OptionList)
        assert options.option_count >= 8
        # the highlighted vignette's story is shown before it is started
        await pilot.press("down", "down")
        assert "Jackie is 10" in rendered(app, "#vignette")
        await pilot.press("enter")
        await until(pilot, lambda: on_interview(app), "the practice case opens")
        screen = interview(app)
        assert screen.case.reference == "PRACTICE-attendance"
        assert screen.case.story.startswith("Jackie is 10")
        assert screen.interview.key == "need_new:p1", "the student starts at the needs"
        await pilot.press("f7")
        assert isinstance(app.screen, StoryScreen)
        await pilot.press("escape")

        await answer_keeping(pilot, SCHOOL)
        while not screen.interview.key.startswith("need_new:"):  # their words: not yet
            await answer(pilot, "")
        await answer_keeping(pilot, SERVICE)
        while not screen.interview.key.startswith("need_new:"):
            await answer(pilot, "")
        assert [n.wording for n in screen.case.needs] == [SCHOOL, SERVICE]
        assert screen.case.needs[1].kept_wording, "the service-led need was questioned"
        await answer(pilot, "")  # no more needs for Jackie
        await answer(pilot, "")  # none for Wendy
        school = screen.case.needs[0].id
        script = {
            f"consequences:{school}": "Jackie will fall further behind and lose her friends",
            f"strengths:{school}": "Jackie likes her class teacher and her friend Aisha",
            f"risks:{school}": "Wendy cannot get up on bad mornings",
            f"rating:{school}": "high",
            f"urgency:{school}": "now",
            f"outcome_new:{school}": "By 31 March Jackie will be at school on 9 days in 10",
            "whose:": "",
            "measure:": "School register",
            "by:": "2027-03-31",
            "work_new:": "A family support worker walks Jackie to school each day",
            "who:": "Family support worker",
            "frequency:": "Each school day for six weeks",
            "start:": "2026-12-01",
        }
        for _ in range(60):
            key = screen.interview.key
            if key == "review:":
                break
            kind = key.split(":", 1)[0] + ":"
            text = script.pop(key, None)
            if text is None and kind in script and not kind.endswith("_new:"):
                text = script.pop(kind)
            if text is None and key.startswith("work_new:") and "work_new:" in script:
                text = script.pop("work_new:")
            if text is None:
                await pilot.press("ctrl+n")  # the service-led need's chain is left open
                await pilot.pause()
            else:
                await answer_keeping(pilot, text)
        assert screen.interview.key == "review:"
        assert not script, f"never asked: {script}"
        assert screen.interview.gaps(), "the second need's chain has gaps"

        # reaching the review brings the feedback; Escape goes back, Enter brings it again
        await until(pilot, lambda: isinstance(app.screen, FeedbackScreen), "feedback screen")
        await pilot.press("escape")
        await until(pilot, lambda: app.screen is screen, "back at the review")
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(app.screen, FeedbackScreen)
                    and app.screen.query("#feedback"), "feedback screen again")
        feedback_screen = app.screen
        assert isinstance(feedback_screen, FeedbackScreen)
        await until(pilot, lambda: feedback_screen.result is not None, "the feedback")
        result = feedback_screen.result
        assert result is not None
        model = result.vignette.model
        assert [(m.wording, s) for m, s, _ in result.found] == [(model[0].wording, SCHOOL)]
        assert len(result.missed) == len(model) - 1
        assert result.extra == [SERVICE]
        service_wording = next(w for w in result.wording if w.student == SERVICE)
        assert "service" in service_wording.kinds
        assert any("seriousness" in gap.lower() or "outcome" in gap.lower()
                   for gap in result.gaps), result.gaps
        shown = rendered(app, "#feedback")
        for expected in (model[0].wording, SCHOOL, model[1].wording, SERVICE,
                         "Teaching notes", result.vignette.teaching_notes[0].strip()[:40]):
            assert expected in shown, expected

        # F4 writes the HTML; a second write without the tick refuses to overwrite
        await pilot.press("f4")
        await until(pilot, lambda: isinstance(app.screen, FeedbackExportScreen)
                    and app.screen.query("#folder"), "export")
        app.screen.query_one("#folder", Input).value = str(out)
        await pilot.press("enter")
        path = out / "PRACTICE-attendance-feedback.html"
        await until(pilot, path.exists, "the feedback file")
        html = path.read_text(encoding="utf-8")
        assert "Practice feedback: Jackie and her mother" in html
        assert SCHOOL in html and SERVICE in html and model[1].wording in html
        path.write_text("the student's own notes", encoding="utf-8")
        await pilot.press("enter")
        await pilot.pause()
        assert "already exists" in rendered(app, "#export-result")
        assert "tick 'Overwrite'" in rendered(app, "#export-result")
        assert path.read_text(encoding="utf-8") == "the student's own notes"
        app.screen.query_one("#force", Checkbox).value = True
        app.screen.query_one("#folder", Input).focus()
        await pilot.press("enter")
        await until(pilot, lambda: "Practice feedback" in path.read_text(encoding="utf-8"),
                    "overwritten once ticked")
        await pilot.press("escape", "escape")
        await until(pilot, lambda: on_interview(app), "back at the case")

        # choosing the vignette again reopens the same case, not a fresh one
        await pilot.press("escape", "p")
        await until(pilot, lambda: isinstance(app.screen, PracticeScreen)
                    and app.screen.query("#vignette"), "the vignettes")
        assert "(started)" in str(
            app.screen.query_one("#vignettes", OptionList).get_option_at_index(2).prompt)
        app.start_practice("jackie-attendance")
        await until(pilot, lambda: on_interview(app), "reopened")
        assert [n.wording for n in interview(app).case.needs] == [SCHOOL, SERVICE]
        await pilot.press("ctrl+q")

    with Store(db) as store:
        history = store.history("PRACTICE-attendance")
    assert history[0].note == "practice started"


async def test_feedback_keys_belong_to_practice_cases_only(tmp_path: Path,
                                                          case_json: str) -> None:
    db = tmp_path / "cases.db"
    with Store(db) as store:
        store.save(Case.model_validate_json(case_json))
    app = NeedsLedApp(db=str(db))
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_case(pilot, "NL-2026-014")
        assert screen.vignette is None
        assert screen.check_action("feedback", ()) is False
        await pilot.press("f6", "f7")
        await pilot.pause()
        assert app.screen is screen


async def test_a_broken_vignette_is_a_message_and_the_practice_case_still_opens(
        tmp_path: Path) -> None:
    content = tmp_path / "content"
    for folder in ("framework", "prompts", "exports"):
        shutil.copytree(ROOT / folder, content / folder)
    db = tmp_path / "cases.db"
    with Store(db) as store:
        store.save(practice_case(find_vignette("jackie-attendance", CONTENT)))
    broken = content / "prompts" / "vignettes" / "03-jackie-attendance.yml"
    broken.write_text(broken.read_text().replace("rating: high", "rating: dreadful", 1))
    app = NeedsLedApp(db=str(db), content=str(content))
    async with app.run_test(size=SIZE) as pilot:
        await until(pilot, lambda: app.core_ready, "the cases are open")
        await pilot.press("p")
        await pilot.pause()
        assert not isinstance(app.screen, PracticeScreen)
        assert any("03-jackie-attendance.yml" in n.message for n in app._notifications)
        app.open_case("PRACTICE-attendance")
        await until(pilot, lambda: on_interview(app), "the case opens all the same")
        assert interview(app).vignette is None
        assert any("No practice feedback" in n.message for n in app._notifications)
