"""A small shuffle driven through the real Textual app with Pilot, keys only.

The forms are imported into a real SQLite file; spaCy reads the needs in the app's worker;
every check reads the database, so what the screen did is what was saved.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from textual.widgets import Label, Static

from assistant.audit.readers import read_forms
from assistant.audit.repository import AuditStore
from assistant.store import Store
from assistant.tui.shuffle import ShuffleApp, bar_chart

GOLDEN_FORMS = Path(__file__).resolve().parent / "golden" / "needgroups" / "forms.json"


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "shuffle.db"
    with Store(path) as store:
        audit = AuditStore(store)
        sample_id = audit.new_sample("Workshop")
        forms, _ = read_forms("forms.json", GOLDEN_FORMS.read_bytes())
        audit.add_forms(sample_id, forms, "forms.json")
    return path


def saved(db: Path) -> tuple[dict[str, dict[str, Any]], dict[str, str | None]]:
    """Groups by name, and each need's group name by wording, as stored."""
    with Store(db) as store:
        audit = AuditStore(store)
        sample_id = audit.sample_id("Workshop")
        groups = {g["name"]: g for g in audit.groups(sample_id)}
        names = {g["id"]: g["name"] for g in groups.values()}
        needs = {n["wording"]: names.get(n["group_id"]) for n in audit.needs(sample_id)}
    return groups, needs


async def type_text(pilot: Any, text: str) -> None:
    await pilot.press(*["space" if c == " " else c for c in text])


def text_of(app: ShuffleApp, selector: str) -> str:
    return str(app.query_one(selector).render())


@pytest.mark.anyio
async def test_a_small_shuffle_by_keyboard(db: Path) -> None:
    app = ShuffleApp("Workshop", db=str(db))
    async with app.run_test(size=(120, 40)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert "Suggestions ready: 10 of 12 needs have a theme" in text_of(app, "#status")
        assert text_of(app, "#form-title").startswith("Form 1 of 4: AUD-002")
        # "needs to attend a parenting course" names a service: no theme, a question instead
        assert "Suggested: - (worded as a service" in text_of(app, "#detail")
        assert "need behind it" in text_of(app, "#detail")

        # Accept every suggestion on the first form: one group per theme.
        await pilot.press("A")
        await pilot.pause()
        groups, needs = saved(db)
        assert needs["Mother needs to attend a parenting course."] is None
        assert set(groups) == {"Parenting and boundaries", "Domestic abuse and its aftermath"}
        assert "█" in str(app.query_one("#groups").get_option_at_index(0).prompt)

        # A new group, typed into the prompt; the highlighted need goes into it by number.
        await pilot.press("c")
        await type_text(pilot, "Mothers' confidence")
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("down")
        await pilot.press("3")
        await pilot.pause()
        groups, needs = saved(db)
        wording = ("Mother needs to understand how her experiences of violent relationships "
                   "have undermined her confidence.")
        assert needs[wording] == "Mothers' confidence"

        # Undo puts it back where it was.
        await pilot.press("u")
        await pilot.pause()
        assert saved(db)[1][wording] == "Domestic abuse and its aftermath"
        assert text_of(app, "#status").startswith("Undid: place 1 need(s)")

        # Rename and describe the highlighted group (the first in the list).
        await pilot.press("tab")
        first = app.groups[0]["name"]
        await pilot.press("r")
        await pilot.press("ctrl+u")
        await type_text(pilot, "Parents taking charge")
        await pilot.press("enter")
        await pilot.press("e")
        await type_text(pilot, "Parents who need to set rules and keep them")
        await pilot.press("enter")
        await pilot.pause()
        groups, _ = saved(db)
        assert first not in groups
        assert groups["Parents taking charge"]["description"] == (
            "Parents who need to set rules and keep them")

        # Escape cancels a prompt and changes nothing.
        before = saved(db)
        await pilot.press("r")
        await type_text(pilot, "Nothing")
        await pilot.press("escape")
        await pilot.pause()
        assert saved(db) == before

        # Next form; place the whole form in the first group with f.
        await pilot.press("shift+tab")
        await pilot.press("n")
        await pilot.pause()
        assert text_of(app, "#form-title").startswith("Form 2 of 4: AUD-003")
        await pilot.press("tab")
        await pilot.press("f")
        await pilot.pause()
        _, needs = saved(db)
        assert needs["Child 2 needs to be at school by 8.45 every morning."] == (
            "Parents taking charge")

        # Merge group 3 into group 1 (prompted for its number).
        await pilot.press("down", "down")
        merged_name = app.current_group()["name"]  # type: ignore[index]
        await pilot.press("m")
        await type_text(pilot, "1")
        await pilot.press("enter")
        await pilot.pause()
        groups, _ = saved(db)
        assert merged_name not in groups
        assert len(groups) == 2

        # Split: view the first group, mark one need, split it into a new group.
        await pilot.press("home")
        await pilot.press("v")
        await pilot.press("shift+tab")
        await pilot.pause()
        assert text_of(app, "#form-title").startswith("Group: Parents taking charge")
        target = app.current_need()["wording"]  # type: ignore[index]
        await pilot.press("space")
        await pilot.press("s")
        await type_text(pilot, "Split off")
        await pilot.press("enter")
        await pilot.pause()
        groups, needs = saved(db)
        assert needs[target] == "Split off"
        assert "Split off" in groups


@pytest.mark.anyio
async def test_unsorted_needs_can_be_viewed_and_help_shows_the_keys(db: Path) -> None:
    app = ShuffleApp("Workshop", db=str(db))
    async with app.run_test(size=(100, 32)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press("question_mark")
        await pilot.pause()
        assert "Undo, redo     u or Ctrl+Z" in str(app.screen.query_one(Static).render())
        await pilot.press("escape")
        await pilot.pause()
        for _ in range(4):
            await pilot.press("A", "n")
        await pilot.pause()
        # The last option in the groups list is the pile to discuss: needs worded as a
        # service, an assessment or an aim; v shows them.
        await pilot.press("tab", "end", "v")
        await pilot.pause()
        # "needs to be safe" is a universal aim, pasted markup and all: it is read past the
        # markup (by meaning, where the lists are silent) and goes to the pile too.
        assert text_of(app, "#form-title").startswith("To discuss (2): worded as a service")
        assert sorted(n["wording"] for n in app.needs) == [
            "Child 1 needs to be safe <script>alert(1)</script>.",
            "Mother needs to attend a parenting course."]
        # Above it, "not in a group": every need no group holds.
        await pilot.press("v", "end", "up", "v")
        await pilot.pause()
        assert text_of(app, "#form-title").startswith("Group: not in a group (2 needs")
        assert [n["wording"] for n in app.needs] == [
            "Mother needs to attend a parenting course.",
            "Child 1 needs to be safe <script>alert(1)</script>."]
        # x sends a placed need back to unsorted; undo restores it.
        await pilot.press("v", "home")
        await pilot.pause()
        await pilot.press("shift+tab", "x")
        await pilot.pause()
        assert saved(db)[1][app.needs[0]["wording"]] is None
        await pilot.press("u")
        await pilot.pause()
        assert saved(db)[1][app.needs[0]["wording"]] is not None


def test_bar_chart_scales_to_the_largest() -> None:
    lines = [str(t) for t in bar_chart([("A", 10), ("B", 5), ("C", 0)], width=10)]
    assert lines[0].count("█") == 10
    assert lines[1].count("█") == 5
    assert lines[2].count("█") == 0
    assert lines[1].endswith(" 5")


@pytest.mark.anyio
async def test_square_brackets_in_names_are_shown_as_typed(tmp_path: Path) -> None:
    from assistant.needgroups import Shuffle

    path = tmp_path / "brackets.db"
    with Store(path) as store:
        audit = AuditStore(store)
        sample_id = audit.new_sample("Workshop")
        forms, _ = read_forms("forms.json", GOLDEN_FORMS.read_bytes())
        forms = [f.model_copy(update={"auditor": "Sam [/red] Jones"}) for f in forms]
        audit.add_forms(sample_id, forms, "forms.json")
        group = Shuffle(audit, sample_id).create("Housing (B&B) [urgent]")
        Shuffle(audit, sample_id).place([n["id"] for n in audit.needs(sample_id)][:2], group)
    app = ShuffleApp("Workshop", db=str(path))
    async with app.run_test(size=(120, 40)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert text_of(app, "#form-title").endswith("auditor Sam [/red] Jones")
        await pilot.press("tab")
        await pilot.press("v")
        await pilot.pause()
        assert text_of(app, "#form-title") == (
            "Group: Housing (B&B) [urgent] (2 needs; v: back)")
        await pilot.press("r")
        await pilot.pause()
        question = str(app.screen.query(Label).first().render())
        assert question == "New name for 'Housing (B&B) [urgent]':"
        await pilot.press("escape")
        await pilot.pause()
        assert app.is_running
