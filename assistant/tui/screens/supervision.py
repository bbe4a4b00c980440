"""Reflective supervision over a case: the agenda question by question, with the case's own
items beside it, comments attached where they belong and agreed actions recorded.

Every comment and action is saved at once as a revision, so the worker sees them on
reopening the case and the history shows when each was added.
"""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual import getters
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen, Screen
from textual.widgets import Footer, Input, Label, Static

from assistant.model import AgreedAction, Case
from assistant.tui.app import NeedsLedApp
from assistant.tui.widgets.header import Header
from assistant.tui.widgets.plan import PlanTree, action_text, comment_text

CONCEPTS = {
    "opening": "Opening: the story",
    "need": "Need",
    "seriousness": "Seriousness",
    "outcome": "Outcome",
    "work": "Work",
    "closing": "Closing: what we agreed",
}


def find_item(case: Case, item_id: str) -> tuple[str, Any, Any]:
    """(kind, need, item) for a need, outcome or work item id; kind '' if not found."""
    for need in case.needs:
        if need.id == item_id:
            return "need", need, need
        for outcome in need.outcomes:
            if outcome.id == item_id:
                return "outcome", need, outcome
        for item in need.work:
            if item.id == item_id:
                return "work", need, item
    return "", None, None


class SupervisionScreen(Screen[None]):
    app = getters.app(NeedsLedApp)

    # Esc, Help and Quit first: the footer cuts at the terminal's width
    BINDINGS = [
        Binding("escape", "leave", "Cases", id="supervision.leave"),
        Binding("f1", "app.help", "Help", id="supervision.help"),
        Binding("ctrl+q", "app.quit", "Quit", id="supervision.quit"),
        Binding("ctrl+n", "next", "Next", id="supervision.next"),
        Binding("ctrl+b", "back", "Back", id="supervision.back"),
        Binding("f3", "toggle_about", "Item/case", id="supervision.toggle-about"),
        Binding("f5", "agree", "Agreed action", id="supervision.agree"),
        Binding("f6", "done", "Done", id="supervision.done"),
        Binding("f7", "comments", "Comments", id="supervision.comments"),
    ]

    def __init__(self, case: Case) -> None:
        super().__init__()
        from assistant.supervision import agenda, load_prompts

        self.case = case
        self.prompts = load_prompts(self.app.content)
        self.questions = agenda(case, self.prompts, self.app.content.framework)
        self.index = 0
        self.whole_case = False

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="supervision"):
            with Vertical(id="sv-talk"):
                with Horizontal(id="sv-who"):
                    yield Label("Supervisor: ")
                    yield Input(self._last_author(), placeholder="your name (on every comment)",
                                id="sv-name", select_on_focus=False, compact=True)
                yield Static(id="sv-progress")
                yield Static(id="sv-question")
                with VerticalScroll(id="sv-item-box"):
                    yield Static(id="sv-item")
                yield Label("", id="sv-about")
                yield Input(placeholder="A question or comment for the worker, then Enter",
                            id="sv-comment")
                yield Static(id="sv-message")
            with Vertical(id="side"):
                yield PlanTree("Plan", id="plan")
        yield Footer()

    def _last_author(self) -> str:
        """The supervisor's name from their last comment: asked once, editable."""
        return next((c.author for c in reversed(self.case.comments)
                     if c.role == "supervisor" and c.author), "")

    def on_mount(self) -> None:
        self.sub_title = f"Supervision · {self.case.reference}"
        self.query_one("#plan", PlanTree).show_root = False
        self.app.keeper.restore(self)
        self.show_question()
        name = self.query_one("#sv-name", Input)
        if not name.value:  # asked once: the name goes on every comment
            name.focus()
            self.query_one("#sv-message", Static).update(
                "Your name first (Enter), so the worker knows who asked.")

    def draft_key(self, widget: Any) -> tuple[str, str] | None:
        """A comment being typed is kept as a draft of this case's supervision."""
        return (self.case.reference, "supervision:comment") if widget.id == "sv-comment" \
            else None

    @property
    def question(self) -> Any:
        return self.questions[self.index]

    @property
    def about(self) -> str | None:
        """The item a comment typed now would be about (None: the whole case)."""
        return None if self.whole_case else self.question.about

    def show_question(self) -> None:
        q = self.question
        self.query_one("#sv-progress", Static).update(Text.assemble(
            (CONCEPTS[q.concept], "bold"), f"  ·  question {self.index + 1} of "
            f"{len(self.questions)}"))
        self.query_one("#sv-question", Static).update(Text(q.text, style="bold"))
        self.query_one("#sv-item", Static).update(self._item_text())
        about = self.about
        if about is None:
            target = "the whole case"
        else:
            kind, _need, item = find_item(self.case, about)
            words = {"need": getattr(item, "wording", ""), "outcome":
                     getattr(item, "statement", ""), "work": getattr(item, "action", "")}
            target = f"this {kind}: {words.get(kind, '')}"[:70]
        hint = "  (F3: the whole case)" if q.about and not self.whole_case else (
            "  (F3: this item)" if q.about else "")
        self.query_one("#sv-about", Label).update(Text.assemble(
            ("Comment on ", "dim"), (target, "italic"), (hint, "dim")))
        current = ""
        if q.about:
            kind = find_item(self.case, q.about)[0]
            current = f"{kind}:{q.about}" if kind else ""
        self.query_one("#plan", PlanTree).show(self.case, self.app.content.framework,
                                               current)
        self.query_one("#sv-comment", Input).focus()

    def _item_text(self) -> Text:
        """What the case says about the item under discussion, and its comments so far."""
        q = self.question
        text = Text()
        framework = self.app.content.framework
        if q.concept == "opening":
            text.append("The story: ", style="bold")
            text.append(self.case.story or "(no story recorded yet)")
        elif q.concept == "closing":
            text.append("Agreed actions so far:", style="bold")
            for action in self.case.agreed_actions:
                text.append("\n  ")
                text.append(action_text(action, 200))
            if not self.case.agreed_actions:
                text.append(" none yet (F5 records one)", style="dim")
        elif q.about:
            kind, need, item = find_item(self.case, q.about)
            if need is not None:
                text.append(f"Need ({self.case.holder_name(need)}): ", style="bold")
                text.append(need.wording)
                ser = need.seriousness
                if ser and q.concept in ("need", "seriousness"):
                    text.append("\nIf unmet: ", style="bold")
                    text.append(ser.consequences)
                    if ser.rating:
                        text.append(f" [{framework.label('seriousness', ser.rating)}]")
                if kind == "outcome":
                    text.append("\nOutcome: ", style="bold")
                    text.append(item.statement)
                    if item.target_date:
                        text.append(f" (by {item.target_date.isoformat()})")
                if kind == "work":
                    text.append("\nWork: ", style="bold")
                    text.append(item.action)
                    details = [d for d in (item.who, item.frequency) if d]
                    if details:
                        text.append(f" ({', '.join(details)})")
        from assistant.supervision import comments_about

        for comment in comments_about(self.case, q.about):
            text.append("\n")
            text.append(comment_text(comment, 2000))
        return text

    # --- moving -------------------------------------------------------------------------

    def action_next(self) -> None:
        self.index = min(len(self.questions) - 1, self.index + 1)
        self.whole_case = False
        self.show_question()

    def action_back(self) -> None:
        self.index = max(0, self.index - 1)
        self.whole_case = False
        self.show_question()

    def action_toggle_about(self) -> None:
        if self.question.about is None:
            self.notify("This question is about the whole case.")
            return
        self.whole_case = not self.whole_case
        self.show_question()

    def action_leave(self) -> None:
        self.app.pop_screen()

    # --- adding -------------------------------------------------------------------------

    def _save(self, note: str, done: tuple[tuple[str, str], ...] = ()) -> None:
        self.app.save_case(self.case, note, done)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        if event.input.id == "sv-name":
            self.query_one("#sv-comment", Input).focus()
            return
        if event.input.id != "sv-comment":
            return
        from pydantic import ValidationError

        from assistant.model import explain
        from assistant.supervision import add_comment

        text = event.value.strip()
        message = self.query_one("#sv-message", Static)
        if not text:
            message.update("Type a question or comment first; Ctrl+N moves on.")
            return
        try:
            author = self.query_one("#sv-name", Input).value.strip()
            add_comment(self.case, text, about=self.about, role="supervisor", author=author)
        except ValidationError as exc:
            message.update(f"Not added: {explain(exc)[0]}")
            return
        except ValueError as exc:
            message.update(f"Not added: {exc}")
            return
        self._save("supervision: comment added",
                   done=((self.case.reference, "supervision:comment"),))
        event.input.value = ""
        message.update("Comment added and saved; the worker sees it when they open the case.")
        self.show_question()

    def action_agree(self) -> None:
        def recorded(action: AgreedAction | None) -> None:
            if action is None:
                return
            from assistant.supervision import add_action

            add_action(self.case, action.action, owner=action.owner, due=action.due)
            self._save("supervision: agreed action added")
            self.query_one("#sv-message", Static).update("Agreed action recorded and saved.")
            self.show_question()

        self.app.push_screen(AgreedActionScreen(self.case), recorded)

    def action_done(self) -> None:
        """Mark an agreed action done, today."""
        from assistant.supervision import mark_done
        from assistant.tui.screens.confirm import ConfirmScreen

        open_actions = [(str(n), a) for n, a in enumerate(self.case.agreed_actions, 1)
                        if not a.done]
        if not open_actions:
            self.notify("No open agreed actions.")
            return

        def chosen(ref: str | None) -> None:
            if not ref or ref == "none":
                return
            action = mark_done(self.case, ref)
            self._save(f"supervision: agreed action {ref} done")
            self.query_one("#sv-message", Static).update(
                f"Done: {action.action} ({action.done_on}).")
            self.show_question()

        self.app.push_screen(ConfirmScreen(
            "Which agreed action is done (today)?",
            [(ref, f"{ref}. {a.action[:60]}") for ref, a in open_actions]
            + [("none", "None of them")]), chosen)

    def action_comments(self) -> None:
        """Resolve, reopen or edit a comment."""
        from assistant.supervision import place_of, resolve_comment
        from assistant.tui.screens.confirm import ConfirmScreen, PersonScreen

        if not self.case.comments:
            self.notify("No comments yet.")
            return
        choices = [(str(n), f"{n}. {'(resolved) ' if c.resolved else ''}"
                            f"{place_of(self.case, c.about)}: {c.text[:50]}")
                   for n, c in enumerate(self.case.comments, 1)]

        def chosen(ref: str | None) -> None:
            if not ref or ref == "none":
                return
            comment = self.case.comments[int(ref) - 1]

            def act(what: str | None) -> None:
                if what in ("resolve", "reopen"):
                    resolve_comment(self.case, ref, resolved=what == "resolve")
                    self._save(f"supervision: comment {ref} {what}d")
                    self.show_question()
                elif what == "edit":
                    def edited(text: str | None) -> None:
                        if text:
                            resolve_comment(self.case, ref, resolved=comment.resolved, text=text)
                            self._save(f"supervision: comment {ref} edited")
                            self.show_question()

                    self.app.push_screen(PersonScreen(comment.text, "Edit the comment"), edited)

            toggle = ("reopen", "Reopen it") if comment.resolved else ("resolve", "Resolve it")
            self.app.push_screen(ConfirmScreen(f"Comment {ref}: {comment.text}",
                                               [toggle, ("edit", "Edit it"),
                                                ("none", "Leave it")]), act)

        self.app.push_screen(ConfirmScreen("Which comment?", [*choices, ("none", "None")]),
                             chosen)


class AgreedActionScreen(ModalScreen[AgreedAction | None]):
    """What was agreed, who will do it, by when; a bad date is said, nothing is lost."""

    app = getters.app(NeedsLedApp)

    BINDINGS = [Binding("escape", "close", "Close", id="agreed-action.close")]
    #: what is typed here is kept as a draft until the action is recorded
    draft_scope = "~agreed-action"
    draft_title = "The agreed-action dialog"

    def __init__(self, case: Case | None = None) -> None:
        super().__init__()
        self.case = case
        #: an owner the coach read as naming no one, said once: Enter again records it
        self._owner_queried = ""

    def compose(self) -> ComposeResult:
        with Vertical(id="agree"):
            yield Label("Agreed action: what will be done (Tab to move, Enter to record)")
            yield Input(id="action", placeholder="e.g. Talk with Tyler on his own")
            yield Label("Who will do it")
            yield Input(id="owner", placeholder="e.g. Social worker")
            yield Label("By when (15 Feb 2027, 15/02/2027 or 2027-02-15; or leave empty)")
            yield Input(id="due", placeholder="e.g. 15 Feb 2027")
            yield Static("", id="agree-message", classes="error")

    def on_mount(self) -> None:
        self.app.keeper.restore(self)
        self.query_one("#action", Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        from pydantic import ValidationError

        from assistant.model import explain

        message = self.query_one("#agree-message", Static)
        action = self.query_one("#action", Input).value.strip()
        owner = self.query_one("#owner", Input).value.strip()
        due_text = self.query_one("#due", Input).value.strip()
        if not action:
            message.update("Say what was agreed first.")
            self.query_one("#action", Input).focus()
            return
        if owner and owner != self._owner_queried and self._names_no_one(owner):
            # "TBC", "someone", "the team": an agreed action nobody owns is not agreed
            self._owner_queried = owner
            message.update(f"'{owner}' names no one who will do it: who will? "
                           "(Enter again records it as typed.)")
            self.query_one("#owner", Input).focus()
            return
        due = None
        if due_text:
            from assistant.dates import parse_date

            try:
                due = parse_date(due_text)
            except ValueError as exc:
                message.update(str(exc))
                self.query_one("#due", Input).focus()
                return
        try:
            agreed = AgreedAction(action=action, owner=owner, due=due)
        except ValidationError as exc:
            message.update(f"Not recorded: {explain(exc)[0]}")
            return
        self.app.keeper.forget_screen(self)
        self.dismiss(agreed)

    def _names_no_one(self, owner: str) -> bool:
        """Whether the coach reads ``owner`` as naming no one who can act (as the
        interview reads "Who will do this?"); False until the coach is loaded, never
        waiting for it, and on any error: the action is recorded either way."""
        if self.app.coach_status != "ready" or self.app.coach is None:
            return False
        try:
            return "no-responsible" in self.app.coach.read_answer(owner, "who", self.case)
        except Exception:
            return False

    def action_close(self) -> None:
        self.dismiss(None)
