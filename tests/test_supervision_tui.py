"""Supervision in the app: a supervisor comments and agrees actions; the worker sees them.

Real parts only: the fixture case in a real SQLite file in tmp_path, the real app under
Pilot, the real prompts/supervision.yml; the revision history is read back from the file.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import Input, Static

from assistant.model import Case
from assistant.store import Store
from assistant.tui.app import NeedsLedApp
from assistant.tui.screens.supervision import AgreedActionScreen, SupervisionScreen
from tests.helpers import click
from tests.test_tui import SIZE, interview, on_interview, type_text, until

pytestmark = pytest.mark.anyio

REF = "NL-2026-014"
ON_CASE = "What does Dee make of the school's worry?"
ON_NEED = "Is this Kayla's need, or the school's?"
ACTION = "Ask the school for Kayla's arrival times since September"


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


@pytest.fixture
def db(tmp_path: Path, case_json: str) -> Path:
    path = tmp_path / "cases.db"
    with Store(path) as store:
        store.save(Case.model_validate_json(case_json))
    return path


def supervising(app: NeedsLedApp) -> SupervisionScreen:
    screen = app.screen
    assert isinstance(screen, SupervisionScreen), screen
    return screen


async def comment(pilot: Pilot, text: str) -> None:
    field = pilot.app.screen.query_one("#sv-comment", Input)
    assert field.has_focus
    await type_text(pilot, text)
    await pilot.press("enter")
    await pilot.pause()


async def agree(pilot: Pilot, action: str, owner: str) -> None:
    """F5 on the supervision screen, then the action and who will do it typed."""
    await pilot.press("f5")
    await until(pilot, lambda: isinstance(pilot.app.screen, AgreedActionScreen)
                and pilot.app.screen.query("#due"), "action form")
    await type_text(pilot, action)
    await pilot.press("tab")
    await type_text(pilot, owner)


def plan_labels(app: NeedsLedApp) -> list[str]:
    tree = app.screen.query_one("#plan")
    return [str(n.label) for n in tree._tree_nodes.values()]  # type: ignore[attr-defined]


async def test_supervisor_comments_and_actions_reach_the_worker(db: Path) -> None:
    app = NeedsLedApp(db=str(db))
    async with app.run_test(size=SIZE) as pilot:
        await until(pilot, lambda: app.core_ready, "the cases are open")
        await pilot.pause()
        await pilot.press("s")  # supervise the highlighted case
        await until(pilot, lambda: isinstance(app.screen, SupervisionScreen)
                    and app.screen.query("#sv-comment"), "supervision")
        screen = supervising(app)
        assert screen.question.concept == "opening"
        assert screen.case.story[:40] in str(screen.query_one("#sv-item", Static).content)

        # the supervisor's name is asked once and goes on every comment
        name = screen.query_one("#sv-name", Input)
        assert name.value == "Supervisor (fictional)", "the last supervisor's name, editable"
        name.focus()
        name.value = ""
        await type_text(pilot, "Pat")
        await pilot.press("enter")
        # a comment on the whole case
        await comment(pilot, ON_CASE)
        assert screen.case.comments[-1].about is None
        assert screen.case.comments[-1].author == "Pat"

        # an empty comment is refused with a message
        await pilot.press("enter")
        assert "Type a question" in str(screen.query_one("#sv-message", Static).content)

        # walk on to the first need: a comment there is about that need
        while screen.question.concept != "need":
            await pilot.press("ctrl+n")
        need_id = screen.question.about
        assert need_id == "n1"
        await comment(pilot, ON_NEED)
        assert screen.case.comments[-1].about == "n1"
        assert ON_NEED in str(screen.query_one("#sv-item", Static).content)

        # on a work question, F3 switches the comment to the whole case and back
        while screen.question.concept != "work":
            await pilot.press("ctrl+n")
        assert screen.about == "w1"
        await pilot.press("f3")
        assert screen.about is None
        await pilot.press("f3")
        assert screen.about == "w1"
        await pilot.press("ctrl+b")
        assert screen.question.concept == "outcome"

        # an agreed action: a bad date is said and nothing typed is lost
        await agree(pilot, ACTION, "Social worker")
        await pilot.press("tab")
        await type_text(pilot, "next week")
        await pilot.press("enter")
        form = app.screen
        assert isinstance(form, AgreedActionScreen)
        assert "not a date" in str(form.query_one("#agree-message", Static).content)
        assert form.query_one("#action", Input).value == ACTION
        form.query_one("#due", Input).value = "15 Dec 2026"
        await pilot.press("enter")
        await until(pilot, lambda: app.screen is screen, "the action is recorded")
        agreed = screen.case.agreed_actions[-1]
        assert (agreed.action, agreed.owner, agreed.due) == (ACTION, "Social worker",
                                                             date(2026, 12, 15))
        # F6 marks an agreed action done (today); F7 resolves a comment
        from assistant.tui.screens.confirm import ConfirmScreen

        await pilot.press("f6")
        await until(pilot, lambda: isinstance(app.screen, ConfirmScreen), "which action")
        first_open = next(n for n, a in enumerate(screen.case.agreed_actions, 1) if not a.done)
        await click(pilot, "#choice-0")
        await until(pilot, lambda: app.screen is screen, "done")
        # today is the pinned clock (tests/conftest.py), not the machine's date
        assert screen.case.agreed_actions[first_open - 1].done_on == date(2026, 11, 29)
        await pilot.press("f7")
        await until(pilot, lambda: isinstance(app.screen, ConfirmScreen), "which comment")
        await click(pilot, "#choice-0")
        await until(pilot, lambda: isinstance(app.screen, ConfirmScreen)
                    and "Resolve it" in [str(b.label) for b in app.screen.query("Button")],
                    "what to do with it")
        await click(pilot, "#choice-0")
        await until(pilot, lambda: app.screen is screen, "resolved")
        assert screen.case.comments[0].resolved
        await pilot.press("escape")

        # the worker reopens the case and sees them where they belong
        await pilot.press("enter")
        await until(pilot, lambda: on_interview(app), "the worker opens the case")
        worker = interview(app)
        labels = plan_labels(app)
        assert any(ON_NEED in label for label in labels), labels
        assert any(ON_CASE in label for label in labels), labels
        assert any(ACTION in label and "15 Dec 2026" in label for label in labels), labels
        tree = worker.query_one("#plan")
        need_node = next(n for n in tree._tree_nodes.values()  # type: ignore[attr-defined]
                         if n.data == "need:n1" and "Need 1:" in str(n.label))
        assert any(ON_NEED in str(child.label) for child in need_node.children)
        # beside the question too, when the worker is on that need
        worker.interview.goto("need:n1")
        worker.show_question()
        assert ON_NEED in str(worker.query_one("#remarks", Static).content)
        worker.interview.goto("need:n2")
        worker.show_question()
        assert not worker.query_one("#remarks", Static).display
        notices = [n.message for n in app._notifications]
        assert any("open comment" in m and "agreed action" in m for m in notices), notices
        await pilot.press("ctrl+q")

    with Store(db) as store:
        case = store.load(REF)
        notes = [r.note for r in store.history(REF)]
    assert [(c.about, c.text) for c in case.comments[-2:]] == [(None, ON_CASE), ("n1", ON_NEED)]
    assert case.agreed_actions[-1].action == ACTION
    assert notes.count("supervision: comment added") == 2
    assert notes.count("supervision: agreed action added") == 1
    assert "supervision: comment 1 resolved" in notes


async def test_supervise_from_the_command_palette(db: Path) -> None:
    app = NeedsLedApp(db=str(db))
    async with app.run_test(size=SIZE) as pilot:
        await until(pilot, lambda: app.core_ready, "the cases are open")
        await pilot.press("ctrl+p")
        await pilot.pause()
        await type_text(pilot, "supervise case NL")
        await until(pilot, lambda: app.screen.query("OptionList") and
                    "Supervise case" in str(app.screen.query("OptionList").first()
                                            .get_option_at_index(0).prompt)
                    if app.screen.query("OptionList")
                    and app.screen.query("OptionList").first().option_count else False,
                    "the palette offers supervision")
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(app.screen, SupervisionScreen)
                    and app.screen.query("#sv-comment"), "supervision")
        assert supervising(app).case.reference == REF


async def test_an_agreed_action_owned_by_no_one_is_queried_once(db: Path) -> None:
    """Found by walk11: "TBC" as who will do an agreed action was recorded without a word,
    though the interview queries it at "Who will do this?". The dialog says so once;
    Enter again records it as typed, and nothing typed is lost."""
    app = NeedsLedApp(db=str(db))
    async with app.run_test(size=SIZE) as pilot:
        await until(pilot, lambda: app.core_ready, "the cases are open")
        await pilot.pause()
        await pilot.press("s")
        await until(pilot, lambda: isinstance(app.screen, SupervisionScreen)
                    and app.screen.query("#sv-comment"), "supervision")
        screen = supervising(app)
        await until(pilot, lambda: app.coach_status == "ready", "the coach is loaded")
        await agree(pilot, ACTION, "TBC")
        await pilot.press("enter")
        form = app.screen
        assert isinstance(form, AgreedActionScreen)
        said = str(form.query_one("#agree-message", Static).content)
        assert "'TBC' names no one who will do it" in said
        assert form.query_one("#action", Input).value == ACTION
        assert form.query_one("#owner", Input).has_focus
        await pilot.press("enter")
        await until(pilot, lambda: app.screen is screen, "recorded as typed")
        agreed = screen.case.agreed_actions[-1]
        assert (agreed.action, agreed.owner) == (ACTION, "TBC")
