"""The conversation: the assistant's question, the worker's answer, the coach and the plan.

Every answer changes the case through :class:`assistant.interview.Interview` and is saved
at once as a new revision; text typed but not yet submitted is kept as a draft by the app
(:mod:`assistant.tui.drafts`, keyed by :meth:`InterviewScreen.draft_key`), so quitting (or
losing the terminal) loses nothing.
"""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Footer, Header, Input, Static, Tree

from assistant.interview import AnswerError, Interview, Question
from assistant.model import Case
from assistant.practice import Vignette
from assistant.supervision import comments_about
from assistant.tui.drafts import InOrderInput, set_text, text_of, typed_ahead
from assistant.tui.widgets.coach import CoachPanel, render_report, suggestions
from assistant.tui.widgets.plan import PlanTree, comment_text
from assistant.tui.widgets.status import LABELS, CoachStatus
from assistant.wording.pipeline import SPACY_LOCK

CHECK_DELAY = 0.15



class InterviewScreen(Screen[None]):
    BINDINGS = [
        Binding("ctrl+b", "back", "Back"),
        Binding("ctrl+n", "skip", "Skip"),
        Binding("f2", "hint", "Hints"),
        Binding("ctrl+r", "rewrite", "Rewrite"),
        Binding("ctrl+g", "gap", "Gap"),
        Binding("f4", "app.export", "Export"),
        Binding("f8", "remove", "Delete"),
        Binding("f6", "feedback", "Feedback"),
        Binding("f7", "story", "Story"),
        Binding("escape", "leave", "Cases"),
    ]

    def __init__(self, case: Case) -> None:
        super().__init__()
        self.interview = Interview(case, self.app.content,  # type: ignore[attr-defined]
                                   self.app.prompts)  # type: ignore[attr-defined]
        self.generation = 0
        self.report: Any = None
        self.report_text = ""
        self.rewrite_index = 0
        self.rewrite_options: list[str] = []
        self._taken = ""
        self.show_hint = False
        self._check_timer: Timer | None = None
        self._shown_kind: str | None = None
        #: the practice vignette this case works, if it is a practice case
        self.vignette: Vignette | None = None
        self._vignette_problem = ""
        from assistant.content import ContentError
        from assistant.practice import vignette_of

        try:
            self.vignette = vignette_of(case, self.app.content)  # type: ignore[attr-defined]
        except ContentError as exc:  # the case still opens; only the feedback is missing
            self._vignette_problem = str(exc)

    @property
    def case(self) -> Case:
        return self.interview.case

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="interview"):
            with Vertical(id="talk"):
                yield Static(id="progress")
                yield Static(id="question")
                yield Static(id="remarks")
                with VerticalScroll(id="hint-box"):
                    yield Static(id="hint")
                # Enter submits in key order; focus never selects (typing on never wipes it)
                yield InOrderInput(id="answer", select_on_focus=False)
                yield Static(id="message", classes="error")
                yield CoachPanel(id="coach")
            with Vertical(id="side"):
                yield Static(id="picture")
                yield PlanTree("Plan", id="plan")
                yield Static(id="gaps")
        yield CoachStatus(id="coach-status")
        yield Footer()

    def on_mount(self) -> None:
        self.sub_title = self.case.reference
        self.query_one("#plan", PlanTree).show_root = False
        self.watch(self.app, "coach_status", self._coach_status_changed, init=False)
        self.show_question(use_draft=True)
        self._supervision_notice()
        if self._vignette_problem:
            self.notify(f"No practice feedback for this case: {self._vignette_problem}",
                        severity="warning", timeout=10)

    def _supervision_notice(self) -> None:
        """Say on opening that supervision left comments or agreed actions, and where."""
        comments = len(self.case.comments)
        actions = sum(not a.done for a in self.case.agreed_actions)
        if not comments and not actions:
            return
        parts = [f"{n} {word}{'s' if n != 1 else ''}" for n, word in
                 ((comments, "comment"), (actions, "agreed action")) if n]
        self.notify(f"{' and '.join(parts)}: shown in the plan, beside the items "
                    "they are about.", title="From supervision", timeout=8)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("feedback", "story"):
            return self.vignette is not None
        return True

    # --- showing ------------------------------------------------------------------------

    def show_question(self, use_draft: bool = False) -> None:
        q = self.interview.question()
        arrived = self._shown_kind not in (None, "review") and q.kind == "review"
        self._shown_kind = q.kind
        if arrived and self.vignette is not None:
            self.call_after_refresh(self.action_feedback)  # practice: the end brings feedback
        self.query_one("#progress", Static).update(
            Text.assemble((q.title, "bold"), f"  ·  {q.holder}" if q.holder else "")
        )
        self.query_one("#question", Static).update(self._question_text(q))
        self._show_remarks(q)
        self._show_hint(q)
        value = q.value
        if use_draft and q.kind != "review":
            draft = self.app.keeper.get(self.case.reference, q.key)  # type: ignore[attr-defined]
            value = value if draft is None else draft
        answer = self.query_one("#answer", Input)
        if q.kind != "review":
            answer.placeholder = "Type your answer, then Enter"
        elif self.vignette is not None:
            answer.placeholder = "Enter for your feedback; Ctrl+B to go back"
        else:
            answer.placeholder = "Enter to stay here; Ctrl+B to go back; F4 to export"
        self.report = None
        self.report_text = ""
        self.rewrite_index = 0
        self.rewrite_options = []
        self._taken = ""
        with answer.prevent(Input.Changed):
            answer.value = value
        answer.cursor_position = len(value)
        self.query_one("#message", Static).update("")
        self._refresh_coach(value)
        self.refresh_plan()
        answer.focus()

    def _question_text(self, q: Question) -> Text:
        text = Text(q.text)
        for number, choice in enumerate(q.choices, 1):
            text.append(f"\n  {number}. ", style="bold")
            text.append(choice.label)
            if choice.id == q.value:
                text.append("  (now)", style="italic")
        return text

    def _show_remarks(self, q: Question) -> None:
        """Supervision comments on the item this question is about, beside the question."""
        target = q.key.split(":", 1)[1]
        remarks = self.query_one("#remarks", Static)
        comments = comments_about(self.case, target) if target else []
        remarks.display = bool(comments)
        text = Text()
        for comment in comments:
            if text:
                text.append("\n")
            text.append(comment_text(comment, 400))
        remarks.update(text)

    def _show_hint(self, q: Question) -> None:
        hint = self.query_one("#hint", Static)
        self.query_one("#hint-box").display = self.show_hint
        if not self.show_hint:
            return
        text = Text(q.hint or "No hint for this question.", style="italic")
        for choice in q.choices:
            if choice.description:
                text.append(f"\n{choice.label}: ", style="bold")
                text.append(choice.description)
        if q.examples:
            text.append("\nFor example:", style="bold")
            for example in q.examples:
                text.append(f"\n  · {example}")
        hint.update(text)

    def refresh_plan(self) -> None:
        self.query_one("#picture", Static).update(self.interview.picture())
        self.query_one("#plan", PlanTree).show(self.case, self.interview.framework,
                                               self.interview.key)
        gaps = self.interview.gaps()
        text = Text()
        if gaps:
            text.append(f"Gaps ({len(gaps)}), Ctrl+G goes to the first:\n", style="bold")
            for gap in gaps[:4]:
                text.append(f"· {gap.message}\n")
            if len(gaps) > 4:
                text.append(f"… and {len(gaps) - 4} more", style="dim")
        else:
            text.append("No gaps in the plan.", style="green")
        self.query_one("#gaps", Static).update(text)

    # --- the coach ----------------------------------------------------------------------

    def _coach_status_changed(self, status: str) -> None:
        self._refresh_coach(self.query_one("#answer", Input).value)

    def _refresh_coach(self, text: str) -> None:
        panel = self.query_one("#coach", CoachPanel)
        q = self.interview.question()
        panel.display = q.coach_stage is not None
        if q.coach_stage is None:
            return
        status = self.app.coach_status  # type: ignore[attr-defined]
        if status not in ("ready", "reduced"):
            problem = self.app.coach_problem  # type: ignore[attr-defined]
            panel.show(Text(LABELS[status] + (f": {problem}" if problem else ""), style="dim"))
            return
        if not text.strip():
            panel.show(Text("The coach reads your answer as you type.", style="dim"))
            return
        self.schedule_check(text)

    def schedule_check(self, text: str) -> None:
        """Check ``text`` shortly after the last keystroke; older results are dropped."""
        self.generation += 1
        if self._check_timer is not None:
            self._check_timer.stop()
        generation = self.generation
        self._check_timer = self.set_timer(CHECK_DELAY, lambda: self._start_check(generation, text))

    def _start_check(self, generation: int, text: str) -> None:
        q = self.interview.question()
        if generation != self.generation or q.coach_stage is None:
            return
        stage, holder = q.coach_stage, q.holder
        self.run_worker(lambda: self._check(generation, text, stage, holder),
                        thread=True, group="coach-check")

    def _check(self, generation: int, text: str, stage: str, holder: str | None) -> None:
        coach = self.app.coach  # type: ignore[attr-defined]
        try:
            with SPACY_LOCK:
                if generation != self.generation:
                    return  # the worker typed on while this waited: drop it
                report = coach.check(text, stage=stage, holder=holder)
        except Exception as exc:
            self.app.call_from_thread(self._show_check_failed, generation, str(exc))
            return
        self.app.call_from_thread(self.show_report, generation, text, report)

    def _show_check_failed(self, generation: int, problem: str) -> None:
        if generation == self.generation:
            self.query_one("#coach", CoachPanel).show(Text(f"The coach failed: {problem}"))

    def show_report(self, generation: int, text: str, report: Any) -> None:
        """Show a coach report, unless the worker has typed since it was asked for."""
        if generation != self.generation:
            return
        self.report = report
        self.report_text = text
        findings = self.interview.relevant(list(report.findings),
                                           self.interview.question().coach_stage)
        if text != self._taken:
            self.rewrite_options = suggestions(findings)
            self.rewrite_index = 0
        self.query_one("#coach", CoachPanel).show(render_report(text, findings))

    # --- typing and answering -----------------------------------------------------------

    def on_input_changed(self, event: Input.Changed) -> None:
        if event.input.id != "answer":
            return
        self._refresh_coach(event.value)

    def draft_key(self, widget: Any) -> tuple[str, str] | None:
        """The app keeps the answer's text as a draft of this case's current question."""
        if widget.id != "answer" or self.interview.key == "review:":
            return None  # nothing typed at the review is an answer
        return (self.case.reference, self.interview.key)

    def flush_draft(self) -> None:
        """Write the text typed but not yet submitted now, rather than in a moment."""
        self.app.keeper.kick()  # type: ignore[attr-defined]

    def _save(self, note: str) -> None:
        self.app.save_case(self.case, note)  # type: ignore[attr-defined]

    def _findings_now(self, text: str, q: Question) -> list[Any]:
        """The coach's findings for exactly this text (checked now if the live one is stale)."""
        coach = self.app.coach  # type: ignore[attr-defined]
        if q.coach_stage is None or coach is None or not text.strip():
            return []
        if self.report is not None and self.report_text == text:
            report = self.report
        else:
            with SPACY_LOCK:
                report = coach.check(text, stage=q.coach_stage, holder=q.holder)
        return self.interview.relevant(list(report.findings), q.coach_stage)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        if event.input.id != "answer":
            return
        q = self.interview.question()
        text = event.value
        if q.kind == "review" and self.vignette is not None:
            self.action_feedback()
            return
        if q.kind == "review":
            self.query_one("#message", Static).update(
                "This is the end of the interview: Ctrl+G goes to a gap, Ctrl+B back, "
                "F4 exports.")
            return
        findings = self._findings_now(text, q) if text.strip() != q.value.strip() else []
        if findings:
            from assistant.tui.screens.keep import KeepScreen

            def kept(reason: str | None) -> None:
                if reason:
                    self.take_answer(text, [(f.rule, reason) for f in findings])
                else:
                    self.query_one("#answer", Input).focus()

            self.app.push_screen(KeepScreen(text, findings), kept)
            return
        self.take_answer(text)

    def take_answer(self, text: str, kept: list[tuple[str, str]] | None = None) -> None:
        key = self.interview.key
        try:
            self.interview.answer(text, kept=kept)
        except AnswerError as exc:
            self.query_one("#message", Static).update(str(exc))
            return
        field = self.query_one("#answer")
        ahead = typed_ahead(field, text)  # typed on after Enter, while this was checked
        self.app.save_case(self.case, f"answered {key}",  # type: ignore[attr-defined]
                           done=((self.case.reference, key),))
        self.show_question(use_draft=True)
        if ahead:
            set_text(field, (text_of(field) or "") + ahead)

    # --- moving -------------------------------------------------------------------------

    def _moved(self) -> None:
        self.flush_draft()
        self._save("moved")
        self.show_question(use_draft=True)

    def action_back(self) -> None:
        self.flush_draft()
        self.interview.back()
        self._moved()

    def action_skip(self) -> None:
        self.flush_draft()
        self.interview.skip()
        self._moved()

    def action_gap(self) -> None:
        gaps = self.interview.gaps()
        if not gaps:
            self.notify("No gaps in the plan.")
            return
        self.flush_draft()
        self.interview.goto(gaps[0].key)
        self._moved()

    def action_remove(self) -> None:
        kind = self.interview.key.split(":", 1)[0]
        if kind in ("story", "need_new", "outcome_new", "work_new", "review"):
            self.notify("Go to a need, an outcome or a piece of work to delete it.")
            return
        self.interview.remove()
        self._save("deleted an item")
        self.show_question(use_draft=True)
        self.notify("Deleted. Every earlier version is kept: 'needs-led history' lists them.")

    def action_hint(self) -> None:
        self.show_hint = not self.show_hint
        self._show_hint(self.interview.question())

    def action_rewrite(self) -> None:
        options = self.rewrite_options
        if not options:
            self.notify("The coach has no rewrite to offer for this answer.")
            return
        choice = options[self.rewrite_index % len(options)]
        self.rewrite_index += 1
        self._taken = choice
        answer = self.query_one("#answer", Input)
        answer.value = choice
        answer.cursor_position = len(choice)
        answer.focus()

    def action_feedback(self) -> None:
        """Practice: feedback on the case as it stands, at the review or at any time."""
        from assistant.tui.screens.practice import FeedbackScreen

        if self.vignette is None:
            return
        self.flush_draft()
        self.app.push_screen(FeedbackScreen(self.case, self.vignette))

    def action_story(self) -> None:
        from assistant.tui.screens.practice import StoryScreen

        if self.vignette is not None:
            self.app.push_screen(StoryScreen(self.vignette))

    def action_leave(self) -> None:
        self.flush_draft()
        self.app.pop_screen()

    def on_tree_node_selected(self, event: Tree.NodeSelected[str]) -> None:
        key = event.node.data
        if not key or key not in self.interview.steps():
            return
        self.flush_draft()
        self.interview.goto(key)
        self._moved()
