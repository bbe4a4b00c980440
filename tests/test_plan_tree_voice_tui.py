"""The plan beside the interview says what each person says of a need, each on its own
line (found walking the app): a child's words skipped with the parents' views given
showed an empty "In Tia's words:" where the plan should say they are not recorded.

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


def leaves(tree: Tree, need: str) -> list[str]:  # type: ignore[type-arg]
    """The lines under need ``need`` in the plan tree."""
    found: list[str] = []

    def walk(node) -> None:  # type: ignore[no-untyped-def]
        if node.data == f"need:{need}":
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
