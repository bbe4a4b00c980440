"""Small dialogs: confirm with named choices (never a bare yes/no), and edit a person."""

from __future__ import annotations

from typing import Any

from textual import getters
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Static

from assistant.tui.app import NeedsLedApp


class ConfirmScreen(ModalScreen[str | None]):
    """Asks ``question``; returns the id of the choice pressed, None on Escape."""

    BINDINGS = [Binding("escape", "cancel", "Cancel", id="confirm.cancel")]

    def __init__(self, question: str, choices: list[tuple[str, str]],
                 danger: bool = False) -> None:
        super().__init__()
        self.question = question
        self.choices = choices
        #: the first choice destroys something (shown in the error colour)
        self.danger = danger

    def compose(self) -> ComposeResult:
        with Vertical(id="confirm", classes="dialog"):
            yield Static(self.question, id="confirm-question")
            for number, (_ident, label) in enumerate(self.choices):
                yield Button(label, id=f"choice-{number}",
                             variant="error" if number == 0 and self.danger else "default")
            yield Static("Tab moves between the choices; Enter chooses; Escape cancels.",
                         classes="dim")

    def on_mount(self) -> None:
        # the safe choice has the focus: Enter alone never deletes
        self.query(Button).last().focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        number = int(str(event.button.id).split("-", 1)[1])
        self.dismiss(self.choices[number][0])

    def action_cancel(self) -> None:
        self.dismiss(None)


class PersonScreen(ModalScreen[str | None]):
    """Edit (or add) a person as 'name, role, age'; returns the line, None on Escape."""

    app = getters.app(NeedsLedApp)

    BINDINGS = [Binding("escape", "cancel", "Cancel", id="person.cancel")]
    #: what is typed is kept as a draft (for this person) until it is saved
    draft_scope = "~person"
    draft_title = "The person dialog"

    def __init__(self, line: str, title: str = "") -> None:
        super().__init__()
        self.line = line
        self.title_text = title

    def compose(self) -> ComposeResult:
        with Vertical(id="person", classes="dialog"):
            if self.title_text:
                yield Label(self.title_text)
                yield Input(self.line, id="person-line", select_on_focus=False)
                yield Static("Enter saves; Escape cancels.", classes="dim")
                return
            yield Label("Edit this person" if self.line else "Add a person")
            yield Input(self.line, id="person-line", select_on_focus=False,
                        placeholder="name, role, age, sex (e.g. Gran, grandparent, 70, female)")
            yield Static("Roles: child, brother or sister, mother, father, step-parent, "
                         "carer, grandparent, other relative. Enter saves; Escape cancels. "
                         "To remove someone, highlight them in the plan and press F8.",
                         classes="dim")

    def draft_key(self, widget: Any) -> tuple[str, str] | None:
        return (self.draft_scope, f"{self.title_text}|{self.line}") \
            if widget.id == "person-line" else None

    def holds_text(self) -> bool:
        """Asks before quitting only when something was changed."""
        return self.query_one("#person-line", Input).value != self.line

    def on_mount(self) -> None:
        field = self.query_one("#person-line", Input)
        self.app.keeper.restore(self)
        field.focus()
        field.cursor_position = len(field.value)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.app.keeper.forget_screen(self)
        self.dismiss(event.value.strip() or None)

    def action_cancel(self) -> None:
        self.dismiss(None)
