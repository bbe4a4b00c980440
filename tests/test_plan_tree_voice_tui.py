"""The plan beside the interview, as found walking the app: what each person says of a
need, each on its own line (a child's words skipped with the parents' views given showed
an empty "In Tia's words:"), and each kept-wording reason beside the statement it was
kept for (three reasons under one need left the supervisor guessing which was which).

Real parts: the Textual app under Pilot with a real SQLite file; nothing is mocked.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Tree

from assistant.model import Case
from assistant.store import Store
from assistant.tui.app import NeedsLedApp
from tests.helpers import open_case

pytestmark = pytest.mark.anyio


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


def leaves(tree: Tree, need: str, kind: str = "need") -> list[str]:  # type: ignore[type-arg]
    """The lines under item ``need`` (a need, or with ``kind`` an outcome or work item)."""
    found: list[str] = []

    def walk(node) -> None:  # type: ignore[no-untyped-def]
        if node.data == f"{kind}:{need}" and node.children:
            found.extend(str(child.label) for child in node.children)
        for child in node.children:
            walk(child)

    walk(tree.root)
    return found


@pytest.mark.parametrize(("voice", "views", "want"), [
    ("", "Mum says Kayla is fine", ["What does Kayla say? Not recorded yet",
                                    "Parents' views: Mum says Kayla is fine"]),
    ("I like swimming", "", ["In Kayla's words: I like swimming"]),
    ("I like swimming", "Mum agrees", ["In Kayla's words: I like swimming",
                                       "Parents' views: Mum agrees"]),
    ("", "", ["What does Kayla say? Not recorded yet"]),
])
async def test_the_childs_words_and_the_parents_views_each_show_or_say_not_recorded(
        tmp_path: Path, case_json: str, voice: str, views: str, want: list[str]) -> None:
    case = Case.model_validate_json(case_json)
    need = next(n for n in case.needs if n.id == "n1")
    need.child_voice, need.parent_views = voice, views
    db = tmp_path / "cases.db"
    with Store(db) as store:
        store.save(case)
    app = NeedsLedApp(db=str(db))
    async with app.run_test(size=(110, 34)) as pilot:
        screen = await open_case(pilot, "NL-2026-014")
        lines = leaves(screen.query_one("#plan", Tree), "n1")
        said = [line for line in lines if line.startswith(("What does", "In ", "Parents"))]
        assert said == want, lines


async def test_each_kept_reason_is_shown_beside_the_statement_it_was_kept_for(
        tmp_path: Path) -> None:
    from tests.helpers import FIXTURES

    case = Case.model_validate_json((FIXTURES / "severe-need.json").read_text("utf-8"))
    db = tmp_path / "cases.db"
    with Store(db) as store:
        store.save(case)
    need = case.needs[0]
    app = NeedsLedApp(db=str(db))
    async with app.run_test(size=(110, 34)) as pilot:
        screen = await open_case(pilot, "NL-2026-090")
        tree = screen.query_one("#plan", Tree)

        def kept(item: str, kind: str) -> list[str]:
            return [line for line in leaves(tree, item, kind)
                    if line.startswith("Kept own wording")]

        assert kept(need.id, "need") == []
        assert kept(need.outcomes[0].id, "outcome") == [
            "Kept own wording: tutor said it was ok"]
        assert kept(need.work[0].id, "work") == ["Kept own wording: placement agency wording"]
        pat = case.needs[3]
        assert [line[:30] for line in kept(pat.id, "need")] == [
            "Kept own wording: Pat's own wo"]


async def test_a_long_needs_rating_stays_visible_in_the_plan(
        tmp_path: Path, case_json: str) -> None:
    """Found by walk10: the plan beside the interview cut a long need's line at its
    width, and the rating tag ("[High]") written after the wording went with it; the tag
    now comes before the wording, and the wording is what is shortened."""
    from assistant.content import Content

    case = Case.model_validate_json(case_json)
    need = next(n for n in case.needs if n.id == "n1")
    need.wording = ("Kayla needs to be at school by 8.45 every morning, rested, washed and "
                    "having had breakfast, with her reading book and her PE kit ready")
    assert need.seriousness is not None
    rating = Content().framework.ids("seriousness")[-1]
    need.seriousness.rating = rating
    label = Content().framework.label("seriousness", rating)
    db = tmp_path / "cases.db"
    with Store(db) as store:
        store.save(case)
    app = NeedsLedApp(db=str(db))
    async with app.run_test(size=(110, 34)) as pilot:
        screen = await open_case(pilot, "NL-2026-014")
        tree = screen.query_one("#plan", Tree)
        tree.scroll_home(animate=False)  # (it shows where the worker is)
        await pilot.pause()
        shown = [tree.render_line(y).text for y in range(tree.size.height)]
        line = next(text for text in shown if "Need 1:" in text)
        assert f"[{label}]" in line, shown
        assert "Kayla needs to be" in line, "the wording follows, shortened"
