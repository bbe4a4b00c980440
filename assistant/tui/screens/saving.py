"""Two questions about saving: another writer changed the case; quit with work unsaved."""

from __future__ import annotations

from typing import Any

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Static


class ConflictScreen(ModalScreen[bool | None]):
    """Returns True to keep this session's version as the latest, False to make the other
    writer's the latest again (yours stays in the history), None to decide later."""

    BINDINGS = [Binding("escape", "later", "Later", id="saving.conflict.later")]

    def __init__(self, conflict: Any) -> None:
        super().__init__()
        self.conflict = conflict

    def compose(self) -> ComposeResult:
        c = self.conflict
        with Vertical(classes="saving-dialog"):
            yield Static(
                f"Case {c.reference} was saved by another program (revision {c.latest}) "
                f"while you worked on it (from revision {c.expected}). Nothing is lost: "
                "both versions are kept in the history. Which should be the latest?",
                classes="saving-text")
            with Horizontal(classes="saving-buttons"):
                yield Button("Keep both, mine latest", id="mine", variant="primary")
                yield Button("Keep both, theirs latest", id="theirs")

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "mine")

    def action_later(self) -> None:
        self.dismiss(None)


class QuitScreen(ModalScreen[str]):
    """Returns "quit", "retry" or "stay"."""

    BINDINGS = [Binding("escape", "stay", "Stay", id="saving.quit.stay")]

    def __init__(self, problems: list[str], can_retry: bool) -> None:
        super().__init__()
        self.problems = problems
        self.can_retry = can_retry

    def compose(self) -> ComposeResult:
        with Vertical(classes="saving-dialog"):
            yield Static("Quit needs-led?\n" + "\n".join(f"· {p}" for p in self.problems),
                         classes="saving-text")
            with Horizontal(classes="saving-buttons"):
                yield Button("Stay", id="stay", variant="primary")
                if self.can_retry:
                    yield Button("Try saving again", id="retry")
                yield Button("Quit", id="quit", variant="error")

    def on_mount(self) -> None:
        self.query_one("#stay", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss(str(event.button.id))

    def action_stay(self) -> None:
        self.dismiss("stay")
