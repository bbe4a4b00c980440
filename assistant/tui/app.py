"""A minimal first screen until the interview lands."""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.widgets import Footer, Header, Static


class NeedsLedApp(App[None]):
    TITLE = "needs-led"
    BINDINGS = [("q", "quit", "Quit")]

    def __init__(self, db: str | None = None, content: str | None = None,
                 pipeline: str | None = None) -> None:
        super().__init__()
        self.db_path = db
        self.content_dir = content
        self.pipeline = pipeline

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("needs-led: Need, Seriousness, Outcome, Work to plan and do.", id="welcome")
        yield Footer()


def run(db: str | None = None, content: str | None = None, pipeline: str | None = None) -> int:
    NeedsLedApp(db=db, content=content, pipeline=pipeline).run()
    return 0
