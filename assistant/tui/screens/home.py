"""The first screen: the worker's cases (resume or supervise any), new case, practice, help."""

from __future__ import annotations

from textual import getters
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import Button, Footer, Label, OptionList, Static
from textual.widgets.option_list import Option

from assistant.tui.app import NeedsLedApp
from assistant.tui.messages import OpenCase
from assistant.tui.widgets.header import Header
from assistant.tui.widgets.status import CoachStatus


class HomeScreen(Screen[None]):
    app = getters.app(NeedsLedApp)

    BINDINGS = [
        Binding("n", "app.new_case", "New case", id="home.new"),
        Binding("o", "open_selected", "Open case", id="home.open"),
        Binding("s", "supervise_selected", "Supervise", id="home.supervise"),
        # Not in the footer: at 80 columns it would push Help and Quit out (F1 lists it).
        Binding("r", "review_selected", "Review", show=False, id="home.review"),
        Binding("p", "app.practice", "Practice", id="home.practice"),
        Binding("q", "app.quit", "Quit", show=False, id="home.quit"),
    ]

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="home"):
            yield Static("", id="opening")
            yield Static("", id="store-problem", markup=False)
            yield Label("Your cases", id="cases-title")
            yield OptionList(id="cases")
            with Horizontal(id="home-buttons"):
                yield Button("New case", id="new", variant="primary")
                yield Button("Practice", id="practice")
                yield Button("Help", id="help")
            yield CoachStatus(id="coach-status")
        yield Footer()

    DEFAULT_CSS = """
    #store-problem { color: $text-error; text-style: bold; display: none; }
    #store-problem.shown { display: block; }
    """

    def on_mount(self) -> None:
        cases = self.query_one("#cases", OptionList)
        cases.add_option(Option("Opening your cases…", disabled=True))
        cases.focus()
        self.watch(self.app, "core_ready", self._core_ready)
        failure = getattr(self.app, "failure", "")
        if failure:
            self.show_problem(failure)

    def show_problem(self, line: str) -> None:
        """The one line saying why the cases cannot be listed or opened (a damaged,
        locked, unreadable or newer database), kept in view: never a traceback."""
        problem = self.query_one("#store-problem", Static)
        problem.update(line)
        problem.set_class(bool(line), "shown")
        if line and not self.app.core_ready:
            cases = self.query_one("#cases", OptionList)
            cases.clear_options()
            cases.add_option(Option("Your cases cannot be opened (see above). "
                                    "q quits.", disabled=True))

    def _core_ready(self, ready: bool) -> None:
        if ready:
            self.query_one("#opening", Static).update(
                self.app.prompts.opening)
            self.refresh_cases()
            # the keys typed while the cases were opened go to the list now
            self.app.typeahead.opened()

    def on_screen_resume(self) -> None:
        if self.app.core_ready:
            self.refresh_cases()

    def refresh_cases(self) -> None:
        from assistant.store import StoreError

        cases = self.query_one("#cases", OptionList)
        try:
            rows = self.app.case_store.cases()
        except StoreError as exc:
            cases.clear_options()
            cases.add_option(Option("Your cases cannot be listed (see above).",
                                    disabled=True))
            self.show_problem(" ".join(str(exc).split()))
            return
        cases.clear_options()
        self.show_problem("")
        if not rows:
            cases.add_option(Option("No cases yet: press n to start one.", disabled=True))
            self.query_one("#new", Button).focus()
            return
        for row in rows:
            cases.add_option(Option(f"{row['reference']}  ·  {row['summary']}",
                                    id=row["reference"]))
        cases.highlighted = 0
        cases.focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        if event.option.id:
            self.post_message(OpenCase(event.option.id))

    def _selected(self) -> str | None:
        cases = self.query_one("#cases", OptionList)
        if cases.highlighted is not None:
            return cases.get_option_at_index(cases.highlighted).id
        return None

    def action_open_selected(self) -> None:
        reference = self._selected()
        if reference:
            self.post_message(OpenCase(reference))

    def action_supervise_selected(self) -> None:
        reference = self._selected()
        if reference:
            self.post_message(OpenCase(reference, "supervision"))
        else:
            self.notify("Highlight a case to supervise it.", severity="warning")

    def action_review_selected(self) -> None:
        reference = self._selected()
        if reference:
            self.post_message(OpenCase(reference, "review"))
        else:
            self.notify("Highlight a case to review it.", severity="warning")

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "new":
            self.app.action_new_case()
        elif event.button.id == "practice":
            self.app.action_practice()
        elif event.button.id == "help":
            self.app.action_help()
