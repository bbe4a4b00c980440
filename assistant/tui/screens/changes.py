"""What changed in a case since a revision: by default since the last supervision."""

from __future__ import annotations

from rich.text import Text
from textual import getters
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, OptionList, Static
from textual.widgets.option_list import Option

from assistant.tui.app import NeedsLedApp
from assistant.tui.widgets.header import Header


class ChangesScreen(Screen[None]):
    """Revisions on the left (labelled with what each changed); the changes from the
    chosen one to now on the right."""

    app = getters.app(NeedsLedApp)

    BINDINGS = [Binding("escape", "app.pop_screen", "Back", id="changes.back")]

    def __init__(self, reference: str) -> None:
        super().__init__()
        self.reference = reference

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(id="changes-title")
        yield OptionList(id="revisions")
        with VerticalScroll(id="changes-box"):
            yield Static(id="changes")
        yield Footer()

    def on_mount(self) -> None:
        from assistant.revisions import label
        from assistant.store import StoreError

        self.sub_title = f"Changes · {self.reference}"
        try:
            store = self.app.case_store
            revisions = store.history(self.reference)
            self.cases = {r.number: store.load(self.reference, r.number) for r in revisions}
        except StoreError as exc:  # a damaged revision: one line, and back to the case
            self.app.store_problem(exc, "The changes could not be shown")
            self.app.pop_screen()
            return
        options = self.query_one("#revisions", OptionList)
        previous = None
        for r in revisions:
            case = self.cases[r.number]
            text = label(previous, case, most=1)
            previous = case
            options.add_option(Option(f"rev {r.number}  {r.saved_at[:16].replace('T', ' ')}  "
                                      f"{text}", id=str(r.number)))
        self.latest = revisions[-1].number if revisions else 0
        options.highlighted = self.since_supervision([r.note for r in revisions])
        options.focus()

    @staticmethod
    def since_supervision(notes: list[str]) -> int:
        """Where "since the last supervision" starts: after the last supervision, what the
        worker changed; straight after one (nothing changed since), what it changed."""
        sup = [i for i, note in enumerate(notes) if note.startswith("supervision")]
        if not sup:
            return 0
        last = sup[-1]
        if last < len(notes) - 1:
            return last
        first = last
        while first - 1 in sup:
            first -= 1
        return max(0, first - 1)

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        from assistant.revisions import diff

        number = int(str(event.option.id))
        changes = diff(self.cases[number], self.cases[self.latest])
        self.query_one("#changes-title", Static).update(Text(
            f"Since revision {number}: {len(changes)} change"
            f"{'s' * (len(changes) != 1)} (↑↓ chooses another revision; Esc goes back)",
            style="bold"))
        text = Text()
        for change in changes:
            text.append(change.line() + "\n", style="bold")
            if change.old:
                text.append(f"  was: {change.old}\n", style="dim")
            if change.new:
                text.append(f"  now: {change.new}\n")
        self.query_one("#changes", Static).update(text or "No changes.")
