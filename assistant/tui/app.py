"""The Textual app: first screen, the interview, help and export.

The app opens on the worker's cases at once; the wording coach (spaCy) loads in a thread
worker so the first screen never waits for it, and ``coach_status`` tells every screen
when it is ready. The core (interview, store, coach) does the work; this is its face.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import partial
from typing import Any

from textual import work
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.command import Hit, Hits, Provider
from textual.reactive import reactive
from textual.screen import Screen

from assistant.content import Content
from assistant.interview import load_prompts
from assistant.store import Store


class CaseCommands(Provider):
    """Command palette entries: new case, open a case, export, help."""

    def _commands(self) -> list[tuple[str, Any, str]]:
        app: NeedsLedApp = self.app  # type: ignore[assignment]
        commands: list[tuple[str, Any, str]] = [
            ("New case", app.action_new_case, "Start a case: reference and people"),
            ("Export this case", app.action_export, "Write the plan and audit form to files"),
            ("Help", app.action_help, "The four concepts, with examples, and the keys"),
        ]
        for row in app.store.cases():
            ref = row["reference"]
            commands.append(
                (f"Open case {ref}", partial(app.open_case, ref), str(row.get("summary", "")))
            )
        return commands

    async def discover(self) -> Hits:
        for name, callback, help_text in self._commands():
            yield Hit(1.0, name, callback, help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for name, callback, help_text in self._commands():
            score = matcher.match(name)
            if score > 0:
                yield Hit(score, matcher.highlight(name), callback, help=help_text)


class NeedsLedApp(App[None]):
    TITLE = "needs-led"
    SUB_TITLE = "Need · Seriousness · Outcome · Work"
    CSS_PATH = "app.tcss"
    COMMANDS = App.COMMANDS | {CaseCommands}
    BINDINGS = [
        Binding("f1", "help", "Help"),
        Binding("ctrl+t", "toggle_theme", "Theme"),
        Binding("ctrl+q", "quit", "Quit", priority=True),
    ]

    #: loading, ready, reduced (blank pipeline) or unavailable
    coach_status: reactive[str] = reactive("loading")

    def __init__(self, db: str | None = None, content: str | None = None,
                 pipeline: str | None = None, *, store: Store | None = None) -> None:
        super().__init__()
        self.content = Content(content)
        self.prompts = load_prompts(self.content)
        self.store = store or Store(db)
        self.pipeline = pipeline
        self.coach: Any = None
        self.coach_problem = ""

    def on_mount(self) -> None:
        from assistant.tui.screens.home import HomeScreen

        self.push_screen(HomeScreen())
        self.load_coach()

    def on_unmount(self) -> None:
        self.store.close()

    @work(thread=True, exclusive=True, group="coach-load")
    def load_coach(self) -> None:
        """Load spaCy and the rules off the UI thread; the UI stays live meanwhile."""
        try:
            from assistant.wording import Coach
        except ImportError as exc:
            self.call_from_thread(self._coach_failed, f"not available in this version ({exc})")
            return
        try:
            coach = Coach(content=self.content, pipeline=self.pipeline)
            coach.load()
        except Exception as exc:  # the coach is optional: the interview works without it
            self.call_from_thread(self._coach_failed, str(exc).splitlines()[0][:200])
            return
        self.call_from_thread(self._coach_loaded, coach)

    def _coach_loaded(self, coach: Any) -> None:
        self.coach = coach
        self.coach_status = "reduced" if getattr(coach, "reduced", False) else "ready"

    def _coach_failed(self, problem: str) -> None:
        self.coach_problem = problem
        self.coach_status = "unavailable"

    # --- actions ------------------------------------------------------------------------

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        yield SystemCommand("Light or dark theme", "Switch between light and dark",
                            self.action_toggle_theme)

    def action_toggle_theme(self) -> None:
        self.theme = "textual-light" if self.theme == "textual-dark" else "textual-dark"

    def action_help(self) -> None:
        from assistant.tui.screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())

    def action_new_case(self) -> None:
        from assistant.tui.screens.newcase import NewCaseScreen

        self._to_home()
        self.push_screen(NewCaseScreen())

    def open_case(self, reference: str) -> None:
        from assistant.tui.screens.interview import InterviewScreen

        case = self.store.load(reference)
        self._to_home()
        self.push_screen(InterviewScreen(case))

    def _to_home(self) -> None:
        from assistant.tui.screens.home import HomeScreen

        while len(self.screen_stack) > 2 and not isinstance(self.screen, HomeScreen):
            self.pop_screen()

    def action_export(self) -> None:
        from assistant.tui.screens.export import ExportScreen
        from assistant.tui.screens.interview import InterviewScreen

        screen = self.screen
        if isinstance(screen, InterviewScreen):
            self.push_screen(ExportScreen(screen.interview.case))
        else:
            self.notify("Open a case first, then export it.", severity="warning")


def run(db: str | None = None, content: str | None = None, pipeline: str | None = None) -> int:
    NeedsLedApp(db=db, content=content, pipeline=pipeline).run()
    return 0
