"""Dialog questions wrap inside their box (found by walk11, a trainer ending the workshop
room at 120 columns): "End the room? Every participant's app closes. Their cases" was
cut at the dialog's border, so the trainer never read that the cases and pooled forms
are kept. A Label is as wide as its text; in a fixed-width dialog it must wrap. The
shuffle's questions quote a group's name, which can be long, and are the same class.
"""

from __future__ import annotations

import pytest
from textual.app import App
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import Label

from assistant.tui.roomhost import EndRoom
from assistant.tui.shuffle import Prompt

LONG = ("Parents' own difficulties: drinking, low mood and the debts that keep the "
        "children off school")


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


class _Host(App[None]):
    def __init__(self, dialog: Screen[object]) -> None:
        super().__init__()
        self.dialog = dialog

    def on_mount(self) -> None:
        self.push_screen(self.dialog)


@pytest.mark.anyio
@pytest.mark.parametrize("dialog, words", [
    (lambda: EndRoom(), "the pooled forms are kept"),
    (lambda: Prompt(f"New name for '{LONG}':", LONG), "keep the children off school"),
])
async def test_a_dialogs_question_is_shown_whole(dialog: object, words: str) -> None:
    app = _Host(dialog())  # type: ignore[operator]
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.pause()
        box = app.screen.query_one(Vertical)
        question = app.screen.query(Label).first()
        assert question.region.right <= box.content_region.right, (
            question.region, box.content_region)
        shown = " ".join(line.text.strip() for line in question.render_lines(
            question.content_region.reset_offset))
        assert words in " ".join(shown.split()), shown
