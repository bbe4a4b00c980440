"""Practice for students: choose a vignette, work it through the interview, see feedback.

The vignette list shows each story before it is started, so the student reads the family
first and then begins at the needs. The feedback is computed off the UI thread (the
lemmatizer and the coach are spaCy) and can be written as HTML with ``write_feedback``.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from rich.console import Group
from rich.table import Table
from rich.text import Text
from textual import getters, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen, Screen
from textual.widgets import Footer, Label, OptionList, Static
from textual.widgets.option_list import Option

from assistant.model import Case
from assistant.tui.app import NeedsLedApp
from assistant.tui.messages import StartPractice
from assistant.tui.screens.export import ExportDialog
from assistant.tui.widgets.header import Header
from assistant.tui.widgets.status import LABELS, CoachStatus

if TYPE_CHECKING:
    from assistant.practice import Feedback, Vignette


def vignette_text(vignette: Vignette) -> Text:
    """The vignette as the student reads it: title, ages, the story and the family."""
    text = Text(vignette.title, style="bold")
    text.append(f"  ·  ages {vignette.ages}\n", style="dim")
    text.append(f"{vignette.summary}\n\n", style="italic")
    text.append(vignette.story.strip() + "\n\n")
    text.append("The family: ", style="bold")
    text.append(", ".join(f"{p.name} ({p.role}{f', {p.age}' if p.age is not None else ''})"
                          for p in vignette.people))
    return text


class PracticeScreen(Screen[None]):
    """The vignettes: title, ages and summary, with the story of the one highlighted."""

    app = getters.app(NeedsLedApp)

    BINDINGS = [Binding("escape", "app.pop_screen", "Cases", id="practice.cases")]

    def __init__(self) -> None:
        super().__init__()
        from assistant.practice import load_vignettes

        self.vignettes = load_vignettes(self.app.content)

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="practice"):
            with Vertical(id="vignette-list"):
                yield Label("Practice: choose a family, then Enter", id="practice-title")
                yield OptionList(id="vignettes")
            with VerticalScroll(id="vignette-box"):
                yield Static(id="vignette")
        yield Footer()

    def on_mount(self) -> None:
        from assistant.practice import PRACTICE_PREFIX

        self.sub_title = "Practice"
        from assistant.store import StoreError

        try:
            started = {row["reference"] for row in self.app.case_store.cases()}
        except StoreError as exc:  # the families can still be read; which were begun is unknown
            started = set()
            self.app.store_problem(exc, "Which families you started is not known")
        options = self.query_one("#vignettes", OptionList)
        for v in self.vignettes:
            label = Text(v.title, style="bold")
            label.append(f"  {v.ages}", style="dim")
            if v.reference(PRACTICE_PREFIX) in started:
                label.append("  (started)", style="italic")
            label.append(f"\n{v.summary}")
            options.add_option(Option(label, id=v.id))
        options.highlighted = 0
        options.focus()

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        vignette = next(v for v in self.vignettes if v.id == event.option.id)
        self.query_one("#vignette", Static).update(vignette_text(vignette))

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.post_message(StartPractice(event.option.id or ""))


class StoryScreen(ModalScreen[None]):
    """The vignette's story again, while working it."""

    BINDINGS = [Binding("escape,enter,f7", "close", "Close", id="story.close")]

    def __init__(self, vignette: Vignette) -> None:
        super().__init__()
        self.vignette = vignette

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="story"):
            yield Static(vignette_text(self.vignette))
            yield Static("Escape closes this.", classes="dim")

    def action_close(self) -> None:
        self.dismiss(None)


def feedback_renderable(result: Feedback) -> Group:
    """Found (side by side), missed, extra, wording, gaps and the teaching notes."""
    v = result.vignette
    parts: list[Any] = [Text.assemble((f"{v.title}: ", "bold"),
                                      f"you found {result.score} model needs.")]
    if result.found:
        table = Table(title="Found", title_justify="left", expand=True, show_lines=True,
                      title_style="bold green")
        table.add_column("Model need", ratio=1)
        table.add_column("Your need", ratio=1)
        for model, student, _ in result.found:
            yours = Text(student)
            if result.flagged(student):
                yours.append(f"\nThe coach flags its wording: {', '.join(result.flagged(student))}",
                             style="yellow")
            table.add_row(model.wording, yours)
        parts.append(table)
    missed = Text("\nMissed\n", style="bold red")
    if not result.missed:
        missed.append("None: you found every need in the model analysis.\n", style="green")
    for model in result.missed:
        missed.append(f"· {model.wording}\n", style="bold")
        missed.append(f"  If unmet: {model.consequences}\n", style="italic")
        missed.append(f"  Outcome: {model.outcome}\n  Work: {model.work}\n", style="dim")
    parts.append(missed)
    if result.extra_specific:
        extra = Text("Your other needs (not in the model; not wrong for that)\n", style="bold")
        for student in result.extra_specific:
            extra.append(f"· {student}\n")
        parts.append(extra)
    if result.extra_flagged:
        extra = Text("Your other needs: not yet needs (what would this give the person?)\n",
                     style="bold")
        for student in result.extra_flagged:
            extra.append(f"· {student}", style="bold")
            why = ["a trap in this vignette"] if student in result.traps else []
            why += result.flagged(student)
            extra.append(f"  [{', '.join(why)}]\n", style="yellow")
        parts.append(extra)
    if result.chains:
        chains = Text("Seriousness, outcomes and work, beside the model\n", style="bold")
        for chain in result.chains:
            chains.append(f"· {chain.student}\n", style="bold")
            chains.append(f"  Seriousness: {chain.seriousness}\n",
                          style="green" if chain.seriousness_ok else "yellow")
            for label, items, model_text in (("Outcome", chain.outcomes, chain.model.outcome),
                                             ("Work", chain.work, chain.model.work)):
                for item in items:
                    chains.append(f"  {label}: {item.text}")
                    if item.kinds:
                        kept = f"; you kept it: {item.kept}" if item.kept else ""
                        chains.append(f"  [{', '.join(item.kinds)}{kept}]", style="yellow")
                    chains.append("\n")
                if not items:
                    chains.append(f"  {label}: none yet\n", style="yellow")
                chains.append(f"  The model's {label.lower()}: {model_text}\n", style="dim")
        parts.append(chains)
    wording = Text("Wording\n", style="bold")
    flagged = [w for w in result.wording if w.kinds]
    if not result.wording:
        wording.append("You have not written any needs yet.\n", style="dim")
    elif not flagged:
        wording.append("The coach found nothing to question in your needs' wording.\n",
                       style="green")
    for need in flagged:
        wording.append(f"· {need.student}", style="bold")
        wording.append(f"  [{', '.join(need.kinds)}]\n", style="yellow")
        for message in need.messages:
            wording.append(f"  {message}\n", style="italic")
    parts.append(wording)
    gaps = Text("Gaps in the chain need → seriousness → outcome → work\n", style="bold")
    if not result.gaps:
        gaps.append("None.\n", style="green")
    for gap in result.gaps:
        gaps.append(f"· {gap}\n")
    parts.append(gaps)
    notes = Text("Teaching notes\n", style="bold")
    for note in v.teaching_notes:
        notes.append(f"· {note.strip()}\n")
    parts.append(notes)
    if v.traps:
        traps = Text("Traps in this vignette (wordings to avoid, not advice)\n", style="bold")
        for trap in v.traps:
            traps.append(f"· Trap: {trap.strip()}\n", style="red")
        parts.append(traps)
    return Group(*parts)


class FeedbackScreen(Screen[None]):
    """Feedback on the practice case as it stands; F4 writes it as HTML."""

    app = getters.app(NeedsLedApp)

    BINDINGS = [
        Binding("f4", "export", "Export HTML", id="feedback.export"),
        Binding("f7", "story", "Story", id="feedback.story"),
        Binding("escape", "close", "Back to the case", id="feedback.close"),
    ]

    def __init__(self, case: Case, vignette: Vignette) -> None:
        super().__init__()
        self.case = case.model_copy(deep=True)
        self.vignette = vignette
        self.result: Feedback | None = None

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="feedback-box"):
            yield Static("Working out your feedback…", id="feedback")
        yield CoachStatus(id="coach-status")
        yield Footer()

    def on_mount(self) -> None:
        self.sub_title = f"Feedback · {self.case.reference}"
        self.watch(self.app, "coach_status", self._coach_status)

    def _coach_status(self, status: str) -> None:
        if self.result is not None:
            return
        if status in ("ready", "reduced"):
            self.compute()
        elif status == "unavailable":
            problem = self.app.coach_problem
            self.query_one("#feedback", Static).update(
                f"Feedback needs the wording coach: {LABELS[status]} ({problem}). "
                "Your case is saved; nothing is lost.")

    @work(thread=True, exclusive=True, group="practice-feedback")
    def compute(self) -> None:
        """spaCy work (lemmas and the coach), off the UI thread."""
        from assistant.practice import chain_gaps, feedback

        app = self.app
        try:
            lemmas, synonyms = app.practice_matching()
            gaps = chain_gaps(self.case, app.content, app.prompts)
            result = feedback(self.case, self.vignette, app.coach, lemmas, gaps, synonyms,
                              framework=app.content.framework)
        except Exception as exc:  # shown, not raised: the case itself is safe
            app.call_from_thread(self._failed, str(exc).splitlines()[0][:200])
            return
        app.call_from_thread(self._show, result)

    def _failed(self, problem: str) -> None:
        self.query_one("#feedback", Static).update(f"The feedback failed: {problem}")

    def _show(self, result: Feedback) -> None:
        self.result = result
        self.query_one("#feedback", Static).update(feedback_renderable(result))
        self.notify("F4 writes this feedback as an HTML page.")

    def action_export(self) -> None:
        if self.result is None:
            self.notify("The feedback is not ready yet.", severity="warning")
            return
        self.app.push_screen(FeedbackExportScreen(self.result))

    def action_story(self) -> None:
        self.app.push_screen(StoryScreen(self.vignette))

    def action_close(self) -> None:
        self.app.pop_screen()


def default_folder() -> Path:
    """needs-led/practice-feedback in the user's documents folder, not where the app started."""
    from platformdirs import user_documents_dir

    return Path(user_documents_dir()) / "needs-led" / "practice-feedback"


class FeedbackExportScreen(ExportDialog):
    """Write the feedback as HTML into a folder; never over a file without the tick."""

    app = getters.app(NeedsLedApp)

    overwrite_label = "Overwrite a file already there"
    not_done = "Not written"

    def __init__(self, result: Feedback) -> None:
        super().__init__()
        self.result = result

    def intro(self) -> str:
        return "Write the feedback as HTML: folder for the file, then Enter"

    def default_folder(self) -> Path:
        return default_folder()

    def write(self, folder: Path, force: bool) -> tuple[str, str]:
        from assistant.workshop import write_feedback

        path = write_feedback(self.result, folder,
                              content=self.app.content, force=force)
        return f"Written:\n  {path}", f"Feedback written to {path}"
