"""Safe editing in the interview, driven with keys under Pilot: a real app, a real file."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.model import Case
from assistant.store import Store
from assistant.tui.app import NeedsLedApp
from assistant.tui.screens.changes import ChangesScreen
from assistant.tui.screens.confirm import ConfirmScreen, PersonScreen
from assistant.tui.widgets.answer import AnswerArea
from tests.helpers import click, open_case
from tests.test_tui import interview, type_text, until

pytestmark = pytest.mark.anyio


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


@pytest.fixture
def db(tmp_path: Path, case_json: str) -> Path:
    path = tmp_path / "cases.db"
    with Store(path) as store:
        store.save(Case.model_validate_json(case_json))
    return path


async def opened(pilot, app: NeedsLedApp) -> None:  # type: ignore[no-untyped-def]
    screen = await open_case(pilot, "NL-2026-014")
    assert screen.interview.key == "outcome_new:n4", "the first unanswered question"
    tree = screen.query_one("#plan")
    tree.focus()
    line = next(i for i in range(tree.last_line + 1)  # type: ignore[attr-defined]
                if tree.get_node_at_line(i).data == "need:n4")  # type: ignore[attr-defined]
    tree.cursor_line = line  # type: ignore[attr-defined]
    await pilot.press("enter")  # choosing a plan line goes there
    await until(pilot, lambda: screen.interview.key == "need:n4", "at need 4")
    screen.answer_box.focus()


async def test_editing_is_never_a_wipe_and_moving_saves_no_revision(db: Path) -> None:
    app = NeedsLedApp(db=str(db))
    async with app.run_test(size=(100, 32)) as pilot:
        await opened(pilot, app)
        screen = interview(app)
        box = screen.query_one("#answer", AnswerArea)
        assert box.value.startswith("Tyler needs to be home")
        assert box.selected_text == "", "nothing is pre-selected"
        assert box.cursor_location == box.document.end, "the cursor is at the end"
        # one key: Textual's undo batches typing by time, and on a loaded machine two keys
        # can land in two batches (Ctrl+Z would then take back only the last)
        await type_text(pilot, "X")
        assert box.value.endswith("where he is going.X")
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert box.value.endswith("where he is going."), "Ctrl+Z undoes typing"
        # Enter sends; Ctrl+J adds a line; the answer keeps both lines
        await pilot.press("ctrl+j")
        await type_text(pilot, "Second line")
        assert box.value.endswith("where he is going.\nSecond line")
        for key in ("ctrl+b", "ctrl+n", "ctrl+n", "ctrl+b", "ctrl+g"):
            await pilot.press(key)
            await pilot.pause()
        with Store(db) as store:
            assert len(store.history("NL-2026-014")) == 1, "moving is not a change"
            assert store.position("NL-2026-014") == screen.interview.key


async def test_f8_deletes_what_is_highlighted_after_asking_and_ctrl_z_brings_it_back(
        db: Path) -> None:
    app = NeedsLedApp(db=str(db))
    async with app.run_test(size=(100, 32)) as pilot:
        await opened(pilot, app)
        screen = interview(app)
        assert screen.interview.key == "need:n4"
        tree = screen.query_one("#plan")
        tree.focus()
        line = next(i for i in range(tree.last_line + 1)  # type: ignore[attr-defined]
                    if tree.get_node_at_line(i).data == "outcome:o1")  # type: ignore[attr-defined]
        tree.cursor_line = line  # type: ignore[attr-defined]
        await pilot.press("f8")
        await until(pilot, lambda: isinstance(app.screen, ConfirmScreen), "asked first")
        assert "By the February review Kayla" in str(app.screen.query_one(
            "#confirm-question").render())
        await pilot.press("enter")  # the focus is on "Keep it": Enter alone never deletes
        await pilot.pause()
        assert screen.case.needs[0].outcomes, "kept"
        await pilot.press("f8")
        await until(pilot, lambda: isinstance(app.screen, ConfirmScreen), "asked again")
        await click(pilot, "#choice-0")
        await until(pilot, lambda: app.screen is screen, "back")
        assert screen.case.needs[0].outcomes == [], "the highlighted outcome went"
        assert screen.case.need("n4") is not None, "not the need the question is about"
        with Store(db) as store:
            assert "an outcome removed" in store.history("NL-2026-014")[-1].note
        screen.answer_box.focus()
        await pilot.press("ctrl+z")  # nothing typed to undo: the deletion is undone
        await pilot.pause()
        assert [o.id for o in screen.case.needs[0].outcomes] == ["o1"]
        with Store(db) as store:
            assert store.load("NL-2026-014").needs[0].outcomes[0].id == "o1"


async def test_people_are_edited_and_removed_asking_about_their_needs(db: Path) -> None:
    app = NeedsLedApp(db=str(db))
    async with app.run_test(size=(100, 32)) as pilot:
        await opened(pilot, app)
        screen = interview(app)
        await pilot.press("f9")  # the holder of the need being asked about: Tyler
        await until(pilot, lambda: isinstance(app.screen, PersonScreen), "person dialog")
        field = app.screen.query_one("#person-line")
        assert field.value == "Tyler, brother or sister, 14, male"  # type: ignore[attr-defined]
        assert field.selection.start == field.selection.end  # type: ignore[attr-defined]
        for _ in ", male":
            await pilot.press("backspace")
        await pilot.press("backspace", "backspace")
        await type_text(pilot, "15")
        await pilot.press("enter")
        await until(pilot, lambda: app.screen is screen, "saved")
        tyler = screen.case.person("p2")
        assert tyler is not None and (tyler.age, tyler.sex) == (15, "male"), "sex is kept"
        tree = screen.query_one("#plan")
        tree.focus()
        line = next(i for i in range(tree.last_line + 1)  # type: ignore[attr-defined]
                    if tree.get_node_at_line(i).data == "need_new:p2")  # type: ignore[attr-defined]
        tree.cursor_line = line  # type: ignore[attr-defined]
        await pilot.press("f8")
        await until(pilot, lambda: isinstance(app.screen, ConfirmScreen), "asked")
        labels = [str(b.label) for b in app.screen.query("Button")]
        assert labels[0].startswith("Remove Tyler and their 1 need")
        assert "Move the needs to Kayla" in labels
        await click(pilot, f"#choice-{labels.index('Move the needs to Kayla')}")
        await until(pilot, lambda: app.screen is screen, "removed")
        assert screen.case.person("p2") is None
        assert screen.case.need("n4") is not None and screen.case.need("n4").holder == "p1"


async def test_changes_since_the_last_supervision(db: Path) -> None:
    from assistant.supervision import add_comment

    with Store(db) as store:
        case = store.load("NL-2026-014")
        add_comment(case, "What does Tyler say?", about="n4")
        store.save(case, note="supervision")
        case.needs[3].wording = "Tyler needs to be home by 9pm."
        store.save(case, note="edit")
    app = NeedsLedApp(db=str(db))
    async with app.run_test(size=(100, 32)) as pilot:
        await opened(pilot, app)
        await pilot.press("f3")
        await until(pilot, lambda: isinstance(app.screen, ChangesScreen), "changes")
        await pilot.pause()
        title = str(app.screen.query_one("#changes-title").render())
        assert title.startswith("Since revision 2: 1 change")
        assert "Need 4 reworded" in str(app.screen.query_one("#changes").render())


async def test_a_choice_is_never_prefilled_so_typing_never_appends(db: Path) -> None:
    app = NeedsLedApp(db=str(db))
    async with app.run_test(size=(80, 24)) as pilot:
        await opened(pilot, app)
        screen = interview(app)
        screen.interview.goto("whose:o1")
        screen.show_question()
        box = screen.answer_box
        assert box.value == "" and "The child's or young person's outcome" in box.placeholder
        await pilot.press("enter")  # an empty Enter keeps the current choice
        assert screen.case.needs[0].outcomes[0].whose == "child"
        screen.interview.goto("whose:o1")
        screen.show_question()
        await type_text(pilot, "2")
        await pilot.press("enter")
        await pilot.pause()
        assert screen.case.needs[0].outcomes[0].whose == "family"
        footer = " ".join(str(k.render()) for k in app.screen.query("FooterKey")
                          if k.region.width and k.region.right <= 80)
        for word in ("Cases", "Help", "Quit"):
            assert word in footer, footer


@pytest.mark.parametrize("size", [(80, 30), (120, 36)], ids=["80", "120"])
async def test_ctrl_u_clears_the_typed_line_however_it_wraps(
        db: Path, size: tuple[int, int]) -> None:
    """An answer wider than the box wraps onto several rows: Ctrl+U deletes what is before
    the cursor on the line as typed (not just the last row), the same at every width;
    Ctrl+Z puts it back in one step; a line typed before Ctrl+J stays; Ctrl+K is its
    mirror."""
    app = NeedsLedApp(db=str(db))
    async with app.run_test(size=size) as pilot:
        screen = await open_case(pilot, "NL-2026-014")
        box = screen.answer_box
        box.focus()
        first = "Kept: a line typed first"
        long = ("Tyler needs an adult who notices when he is out late and asks him where he "
                "is going, every evening, even when he says it is nothing")
        box.clear()
        await type_text(pilot, first)
        await pilot.press("ctrl+j")
        await type_text(pilot, long)
        await pilot.pause()
        assert box.wrapped_document.height >= 3, "the answer wraps onto several rows"
        await pilot.press("ctrl+u")
        await pilot.pause()
        assert box.value == first + "\n", box.value
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert box.value == first + "\n" + long, "Ctrl+Z puts the whole line back"
        # Ctrl+K from the start of the typed line: the rest of it, all rows
        box.move_cursor((1, 0))
        await pilot.press("ctrl+k")
        await pilot.pause()
        assert box.value == first + "\n"
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert box.value == first + "\n" + long
        # in the middle of the line: only what is before the cursor goes
        box.move_cursor((1, long.index("every")))
        await pilot.press("ctrl+u")
        await pilot.pause()
        assert box.value == first + "\n" + long[long.index("every"):]
