"""Help: the four concepts with the seeds' own examples, the coach, and the keys."""

from __future__ import annotations

from textual import getters
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Markdown

from assistant.interview import help_markdown
from assistant.tui.app import NeedsLedApp
from assistant.tui.widgets.header import Header


class HelpScreen(Screen[None]):
    app = getters.app(NeedsLedApp)

    BINDINGS = [Binding("escape,q", "app.pop_screen", "Close help", id="help.close")]

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="help"):
            yield Markdown(help_markdown(self.app.content))
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#help").focus()
