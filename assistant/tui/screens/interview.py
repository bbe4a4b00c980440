"""The conversation: the assistant's question, the worker's answer, the coach and the plan.

Every answer changes the case through :class:`assistant.interview.Interview` and is saved
at once as a revision labelled with what changed ("Need 2 reworded"); moving around saves
only the position, beside the case, never a revision. Text typed but not yet submitted is
kept as a draft by the app (:mod:`assistant.tui.drafts`, keyed by
:meth:`InterviewScreen.draft_key`), within a second even while typing goes on; saves and
the position are written off the UI thread. Nothing typed is ever pre-selected;
Ctrl+Z undoes typing, then the last change to the case (an answer or a deletion).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import date
from textwrap import wrap
from typing import Any

from rich.text import Text
from textual import getters
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Footer, Static, TextArea, Tree

from assistant.interview import AnswerError, Interview, Question
from assistant.model import Case
from assistant.practice import Vignette
from assistant.supervision import comments_about
from assistant.tui.app import NeedsLedApp
from assistant.tui.drafts import set_text, text_of, typed_ahead
from assistant.tui.widgets.answer import ENTER_HELP, AnswerArea
from assistant.tui.widgets.coach import CoachPanel, render_report, suggestions
from assistant.tui.widgets.header import Header
from assistant.tui.widgets.plan import PlanTree, comment_text
from assistant.tui.widgets.status import LABELS, CoachStatus
from assistant.wording.report import TOLD

#: how many changes to the case Ctrl+Z can take back in one sitting
UNDO_DEPTH = 50
#: a coach check quicker than this (seconds) is run at every key; a slower one waits
#: until typing pauses for as long as it took, up to MAX_CHECK_WAIT (``schedule_check``)
CHECK_AT_ONCE = 0.15
MAX_CHECK_WAIT = 1.5


def coach_stages() -> tuple[str, ...]:
    """The stages this version's coach reads (a stage it lacks is simply not coached)."""
    try:
        from assistant.wording import STAGES
    except ImportError:
        return ()
    return tuple(STAGES)


class InterviewScreen(Screen[None]):
    app = getters.app(NeedsLedApp)

    # The footer shows these in order and cuts at the terminal's width: Esc, Help and Quit
    # first so they stay visible at 80 columns; the rest are in Help (F1) and the palette.
    BINDINGS = [
        Binding("escape", "leave", "Cases", id="interview.leave"),
        Binding("f1", "app.help", "Help", id="interview.help"),
        Binding("ctrl+q", "app.quit", "Quit", id="interview.quit"),
        # Only in a participant's app (the app's check); the app's own F10 binding came
        # last in the footer, cut to "f" in a participant's browser at 1100 pixels: this
        # gives it its place, the app's priority binding still doing the sending (a key
        # moved in prompts/keys.yml for app.send_to_room moves this one too: see the app's
        # keymap)
        Binding("f10", "app.send_to_room", "Send to room", id="interview.send_to_room"),
        Binding("ctrl+b", "back", "Back", id="interview.back"),
        Binding("ctrl+n", "skip", "Skip", id="interview.skip"),
        Binding("ctrl+r", "rewrite", "Rewrite", id="interview.rewrite"),
        Binding("ctrl+g", "gap", "Gap", id="interview.gap"),
        Binding("f5", "whole_plan", "Plan", id="interview.whole_plan"),
        Binding("f8", "remove", "Delete", id="interview.remove"),
        Binding("f2", "hint", "Hints", id="interview.hint"),
        Binding("f9", "person", "Person", id="interview.person"),
        Binding("f3", "changes", "Changes", id="interview.changes"),
        Binding("f4", "app.export", "Export", show=False, id="interview.export"),
        # priority: the answer box (a TextArea) binds F6 and F7 to select a line or all
        Binding("f6", "feedback", "Feedback", show=False, priority=True, id="interview.feedback"),
        Binding("f7", "story", "Story", show=False, priority=True, id="interview.story"),
        Binding("ctrl+z", "undo_case", "Undo", show=False, id="interview.undo_case"),
    ]

    def __init__(self, case: Case) -> None:
        super().__init__()
        position = self.app.keeper.position(case.reference)
        self.interview = Interview(case, self.app.content,
                                   self.app.prompts,
                                   position=position)
        self.interview.offer_reader = self._offers_of
        self.interview.answer_reader = self._lacks_of
        self._lacks_read: dict[tuple[Any, ...], list[str]] = {}  # see _lacks_of
        self._offers_read: dict[tuple[Any, ...], Any] = {}  # see _read_once
        self._saved = case.model_copy(deep=True)
        self._undo: list[tuple[Case, str, str]] = []
        self.generation = 0
        #: how long the last coach check took (seconds), and the check waiting for typing
        #: to pause (see ``schedule_check``)
        self._check_cost = 0.0
        self._check_timer: Timer | None = None
        self.report: Any = None
        self.report_text = ""
        self.rewrite_index = 0
        self.rewrite_options: list[str] = []
        self._taken = ""
        #: keys typed straight on past a flagged answer, kept after it in the answer box
        #: (see ``_typed_on_past_a_flag``): not part of the answer, but the next one's start
        self._held_over = ""
        self.show_hint = False
        self._shown_kind: str | None = None
        #: the practice vignette this case works, if it is a practice case
        self.vignette: Vignette | None = None
        self._vignette_problem = ""
        from assistant.content import ContentError
        from assistant.practice import vignette_of

        try:
            self.vignette = vignette_of(case, self.app.content)
        except ContentError as exc:  # the case still opens; only the feedback is missing
            self._vignette_problem = str(exc)

    def _offers_of(self, text: str, stage: str, today: date,
                   case: Case) -> dict[str, str]:
        """What a work or outcome statement already says of who, how often, from when,
        the measure and the date, once the coach is loaded (never waiting for it: before
        then nothing is offered, and the worker types the answers)."""
        key = (stage, text, today, tuple((p.name, p.role) for p in case.people))
        return self._read_once(key, lambda coach: coach.read_offers(text, stage, today, case),
                               {})

    def _lacks_of(self, text: str, kind: str, case: Case) -> list[str]:
        """What an answer to "Who?", "How often?" or "How will we know?" leaves out, as
        the coach reads it (``Coach.read_answer``), once per answer: the gaps ask again
        for every work item and outcome after each answer. [] until the coach is loaded
        (never waiting for it) and on any error: the answer is taken either way."""
        if self.app.coach_status != "ready" or self.app.coach is None:
            return []
        key = (kind, text, tuple((p.name, p.role) for p in case.people))
        if key not in self._lacks_read:
            try:
                found = list(self.app.coach.read_answer(text, kind, case))
            except Exception:
                found = []
            if len(self._lacks_read) > 256:
                self._lacks_read.clear()
            self._lacks_read[key] = found
        return self._lacks_read[key]

    def _read_once(self, key: tuple[Any, ...], read: Callable[[Any], Any],
                   default: Any) -> Any:
        """What the coach reads of a statement for its offers, read once per statement
        (the question is built again on every keystroke, and "Who?", "How often?" and
        "From what date?" share one read); ``default`` until the coach is loaded, never
        waiting for it, and on any error: an offer is a convenience, never an error on
        screen."""
        if self.app.coach_status != "ready" or self.app.coach is None:
            return default
        if key not in self._offers_read:
            try:
                found = read(self.app.coach)
            except Exception:
                found = default
            # the last read of each stage is kept: the statement on screen
            self._offers_read = {k: v for k, v in self._offers_read.items()
                                 if k[0] != key[0]} | {key: found}
        return self._offers_read[key]

    @property
    def case(self) -> Case:
        return self.interview.case

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="interview"):
            with Vertical(id="talk"):
                yield Static(id="progress")
                with VerticalScroll(id="question-box"):
                    yield Static(id="question")
                    yield Static(id="remarks")
                    yield Static(id="hint")
                yield AnswerArea(id="answer")
                yield Static(ENTER_HELP, id="enter-help", classes="dim")
                yield Static(id="message", classes="error")
                yield Static(id="notes")
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
        if not self.query("#question"):
            # Pushed from another screen's callback (a case reopened after a save
            # conflict), the screen got its Mount before the question box's own children
            # were mounted, on a loaded machine: it is filled once they are.
            self.call_after_refresh(self.on_mount)
            return
        self.watch(self.app, "coach_status", self._coach_status_changed, init=False)
        self.show_question(use_draft=True)
        self._supervision_notice()
        if self._vignette_problem:
            self.notify(f"No practice feedback for this case: {self._vignette_problem}",
                        severity="warning", timeout=10)

    def _supervision_notice(self) -> None:
        """Say on opening that supervision left comments or agreed actions, and where."""
        comments = sum(not c.resolved for c in self.case.comments)
        actions = sum(not a.done for a in self.case.agreed_actions)
        if not comments and not actions:
            return
        parts = [f"{n} {word}{'s' if n != 1 else ''}" for n, word in
                 ((comments, "open comment"), (actions, "agreed action")) if n]
        self.notify(f"{' and '.join(parts)}: shown in the plan, beside the items "
                    "they are about. F3 shows what changed since.", title="From supervision",
                    timeout=8)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("feedback", "story"):
            return self.vignette is not None
        return True

    @property
    def answer_box(self) -> AnswerArea:
        return self.query_one("#answer", AnswerArea)

    # --- showing ------------------------------------------------------------------------

    def show_question(self, use_draft: bool = False) -> None:
        q = self.interview.question()
        arrived = self._shown_kind not in (None, "review") and q.kind == "review"
        self._shown_kind = q.kind
        if arrived and self.vignette is not None:
            self.call_after_refresh(self.action_feedback)  # practice: the end brings feedback
        self.query_one("#progress", Static).update(
            Text.assemble((q.title, "bold"), f"  ·  {q.holder}" if q.holder else "",
                          (f"  ·  {q.number} of {q.total}", "dim"))
        )
        self.query_one("#question", Static).update(self._question_text(q))
        self._show_remarks(q)
        self._show_hint(q)
        # A choice is never pre-filled: typing "2" after "child" would read "child2". The
        # current choice is marked in the list, and an empty Enter keeps it.
        value = "" if q.choices else q.value
        # An answer read from what was already written (the owner the work names) is
        # offered, never typed in: as with a choice, an empty Enter takes it and typing
        # starts afresh, so nothing is appended to words the worker did not type.
        offered = "" if value or q.choices else q.offered
        if use_draft and q.kind != "review":
            draft = self.app.keeper.get(self.case.reference, q.key)
            # a blank draft never hides a saved answer: emptying the box and going Back
            # leaves the answer as it was, as the message says, after a restart too
            if draft is not None and (draft.strip() or not value):
                value = draft
        answer = self.answer_box
        current = next((c.label for c in q.choices if c.id == q.value), "")
        if q.kind != "review" and offered:
            answer.placeholder = self.interview.offer_prompt(q)
        elif q.kind != "review":
            answer.placeholder = (f"Enter keeps “{current}”, or type a number or a word"
                                  if current else "Type your answer")
        elif self.vignette is not None:
            answer.placeholder = "Enter for your feedback; Ctrl+B to go back"
        else:
            answer.placeholder = "Enter to stay here; Ctrl+B to go back; F4 to export"
        # an offer quoted in full may need more lines than an empty box has: the box
        # grows to show all of it (a long measure's "or type another measure" was cut)
        width = max(20, answer.content_size.width or 60)
        answer.styles.min_height = (min(8, max(2, len(wrap(answer.placeholder, width))))
                                    if offered and q.kind != "review" else None)
        self.report = None
        self.report_text = ""
        self.rewrite_index = 0
        self.rewrite_options = []
        self._taken = ""
        self._held_over = ""
        answer.set_value(value)
        self.query_one("#message", Static).update("")
        self._refresh_coach(value)
        self.refresh_plan()
        self.query_one("#question-box").scroll_home(animate=False)
        answer.focus()

    def _question_text(self, q: Question) -> Text:
        text = Text(q.text)
        for number, choice in enumerate(q.choices, 1):
            text.append(f"\n  {number}. ", style="bold")
            text.append(choice.label)
            if choice.id == q.value:
                text.append("  (now)", style="italic")
            if q.describe_choices and choice.description:
                text.append(f"\n     {choice.description}", style="dim")
        return text

    def _show_remarks(self, q: Question) -> None:
        """Supervision comments on the item this question is about, beside the question."""
        target = q.key.split(":", 1)[1]
        remarks = self.query_one("#remarks", Static)
        comments = [c for c in comments_about(self.case, target) if not c.resolved] \
            if target else []
        remarks.display = bool(comments)
        text = Text()
        for comment in comments:
            if text:
                text.append("\n")
            text.append(comment_text(comment, 2000))
        remarks.update(text)

    def _show_hint(self, q: Question) -> None:
        hint = self.query_one("#hint", Static)
        shown = self.show_hint or q.hint_shown
        hint.display = shown
        if not shown:
            return
        text = Text(q.hint or "No hint for this question.", style="italic")
        for choice in q.choices:
            if choice.description and not q.describe_choices:
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
                text.append(f"… and {len(gaps) - 4} more (F5 shows the whole plan)",
                            style="dim")
        else:
            text.append("No gaps in the plan.", style="green")
        self.query_one("#gaps", Static).update(text)

    def _say(self, notes: list[str]) -> None:
        """What the last answer changed beyond itself (a dropped reason, a past date...)."""
        self.query_one("#notes", Static).update(
            Text("\n".join(notes), style="italic") if notes else "")

    # --- the coach: one check per keystroke, the latest wins -----------------------------

    def _coach_status_changed(self, status: str) -> None:
        self._refresh_coach(self.answer_box.text)

    def _stage(self, q: Question) -> str | None:
        stage = q.coach_stage
        return stage if stage in coach_stages() else None

    def _refresh_coach(self, text: str) -> None:
        panel = self.query_one("#coach", CoachPanel)
        q = self.interview.question()
        stage = self._stage(q)
        panel.display = stage is not None
        if stage is None:
            return
        status = self.app.coach_status
        if status not in ("ready", "reduced"):
            problem = self.app.coach_problem
            panel.show(Text(LABELS[status] + (f": {problem}" if problem else ""), style="dim"))
            return
        if not text.strip():
            panel.show(Text("The coach reads your answer as you type.", style="dim"))
            return
        self.schedule_check(text)

    def schedule_check(self, text: str) -> None:
        """Check ``text`` in a thread; a newer keystroke makes this result stale, and a
        stale result is dropped (before the check if it has not started, after if it has).

        A check that takes longer than a keystroke (a long paste: a 21,000-character answer
        took about a second to read) waits until typing pauses for as long as the last
        check took, so it is not started again for every key: each one held the
        interpreter for that second and every key pressed meanwhile waited on it (deleting
        characters from such a paste took 65 ms a key and more). A short answer, read in
        a few milliseconds, is checked at once, as before."""
        self.generation += 1
        if self._check_timer is not None:
            self._check_timer.stop()
            self._check_timer = None
        q = self.interview.question()
        stage = self._stage(q)
        if stage is None:
            return
        generation, holder = self.generation, q.coach_holder or q.holder

        def start() -> None:
            self._check_timer = None
            self.run_worker(lambda: self._check(generation, text, stage, holder),
                            thread=True, group="coach-check", exclusive=True)

        wait = min(self._check_cost, MAX_CHECK_WAIT)
        if wait < CHECK_AT_ONCE:
            start()
        else:
            self._check_timer = self.set_timer(wait, start)

    def _check(self, generation: int, text: str, stage: str, holder: str | None) -> None:
        coach = self.app.coach
        try:
            if generation != self.generation:
                return  # the worker typed on since this was asked for: drop it
            # built here, off the UI thread (``Report.built``)
            began = time.perf_counter()
            report = coach.check(text, stage=stage, holder=holder, case=self.case).built()
            self._check_cost = time.perf_counter() - began
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
                                           self._stage(self.interview.question()))
        if text != self._taken:
            self.rewrite_options = suggestions(findings)
            self.rewrite_index = 0
        self.query_one("#coach", CoachPanel).show(render_report(text, findings, report))

    # --- typing and answering -----------------------------------------------------------

    def on_text_area_changed(self, event: TextArea.Changed) -> None:
        if event.text_area.id != "answer":
            return
        self._refresh_coach(event.text_area.text)

    def draft_key(self, widget: Any) -> tuple[str, str] | None:
        """The app keeps the answer's text as a draft of this case's current question."""
        if widget.id != "answer" or self.interview.key == "review:":
            return None  # nothing typed at the review is an answer
        return (self.case.reference, self.interview.key)

    def flush_draft(self) -> None:
        """Write the text typed but not yet submitted now, rather than in a moment."""
        self.app.keeper.kick()

    def _save(self, done: tuple[tuple[str, str], ...] = ()) -> None:
        """Save a revision labelled with what changed since the last one; ``done``: the
        drafts it used up (deleted once it is saved)."""
        from assistant.revisions import label

        note = label(self._saved, self.case)
        if note == "no change":
            for scope, name in done:
                self.app.keeper.forget(scope, name)
            self._remember()
            return
        self.app.save_case(self.case, note, done)
        self._saved = self.case.model_copy(deep=True)
        self._remember()

    def _remember(self) -> None:
        """Keep the position beside the case (not a revision), written off the UI thread."""
        self.app.keeper.remember_position(
            self.case.reference, self.interview.key)

    def _checkpoint(self, what: str) -> None:
        """Remember the case before a change, so Ctrl+Z can take the change back."""
        self._undo.append((self.case.model_copy(deep=True), self.interview.key, what))
        del self._undo[:-UNDO_DEPTH]

    def _findings_now(self, text: str, q: Question) -> list[Any]:
        """The coach's findings for exactly this text (checked now if the live one is stale)."""
        coach = self.app.coach
        stage = self._stage(q)
        if stage is None or coach is None or not text.strip():
            return []
        if self.report is not None and self.report_text == text:
            report = self.report
        else:
            report = coach.check(text, stage=stage, holder=q.coach_holder or q.holder,
                                 case=self.case)
        return self.interview.relevant(list(report.findings), stage)

    def on_answer_area_submitted(self, event: AnswerArea.Submitted) -> None:
        if event.area.id != "answer":
            return
        q = self.interview.question()
        text = self._without_held_over(event.value)
        if q.kind == "review" and self.vignette is not None:
            self.action_feedback()
            return
        if q.kind == "review":
            self.query_one("#message", Static).update(
                "This is the end of the interview: Ctrl+G goes to a gap, Ctrl+B back, "
                "F4 exports.")
            return
        findings = (self._findings_now(text, q)
                    if text.strip() != q.value.strip() and not q.choices else [])
        # a word read another way is told, not flagged: it asks for no reason to keep it
        findings = [f for f in findings if f.kind not in TOLD]
        # A seriousness finding challenges; the other stages may be kept with a reason.
        if findings:
            from assistant.tui.screens.keep import KeepScreen

            def kept(reason: str | None) -> None:
                if reason:
                    self.take_answer(text, [(f.rule, reason) for f in findings])
                else:
                    self.answer_box.focus()

            keep = KeepScreen(text, findings)
            self.app.push_screen(keep, kept)
            self.app.typeahead.divert(self._typed_on_past_a_flag(text), keep)
            return
        self.take_answer(text)

    def _typed_on_past_a_flag(self, sent: str) -> Callable[[str], None]:
        """Where keys typed straight on after Enter go when the coach flagged ``sent``
        and the keep dialog opened under the worker's fingers: back at the end of the
        answer box (saved as its draft), on a line of their own, so keeping the wording
        carries them to the next question as usual and going back to edit shows them; the
        dialog's reason field gets none of them (:meth:`TypeAhead.divert`)."""
        field = self.answer_box
        before = -1  # where the held line starts, less its line break; -1: not yet

        def typed(key: str) -> None:
            nonlocal before
            text = text_of(field) or ""
            if before < 0:  # the first key of the burst starts a line of its own
                if key == "\b":
                    return
                before = len(text)
                text += "\n"
                self.app.notify("What you typed after Enter is kept on a line of its "
                                "own in your answer box: it goes on to the next "
                                "question when this answer is taken.", timeout=6)
            if key != "\b":
                set_text(field, text + key)
            elif len(text) > before + 1:
                set_text(field, text[:-1])
            self._held_over = (text_of(field) or "")[before + 1:]
            # in the draft now, not when the field's Changed message reaches the app
            # (messages wait while the dialog is being put up)
            self.app.keeper.changed(field)

        return typed

    def _without_held_over(self, value: str) -> str:
        """The answer in ``value``: without the line typed on past a flag, while it is
        still there as it was kept (the worker may have deleted or changed it)."""
        held = self._held_over
        if held and value.endswith("\n" + held) and len(value) > len(held) + 1:
            return value[:-len(held) - 1]
        self._held_over = ""
        return value

    def take_answer(self, text: str, kept: list[tuple[str, str]] | None = None) -> None:
        key = self.interview.key
        self._checkpoint("your answer")
        try:
            self.interview.answer(text, kept=kept)
        except AnswerError as exc:
            self._undo.pop()
            self.query_one("#message", Static).update(str(exc))
            return
        if self._undo and self._undo[-1][0] == self.case:
            self._undo.pop()  # nothing changed: nothing to undo
        notes = list(self.interview.notes)
        field = self.answer_box
        ahead = typed_ahead(field, text)  # typed on after Enter, while this was checked
        self._held_over = ""  # (the line typed on past a flag is part of ``ahead``)
        self._save(done=((self.case.reference, key),))
        self.show_question(use_draft=True)
        if ahead:
            set_text(field, (text_of(field) or "") + ahead)
        self._say(notes)

    # --- moving: only the position is saved ---------------------------------------------

    def _moved(self) -> None:
        self.flush_draft()
        self._remember()
        self.show_question(use_draft=True)
        self._say([])

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

    # --- deleting, undoing and people ----------------------------------------------------

    def _highlighted(self) -> str:
        """The step of what the worker points at: the plan's highlighted line when the plan
        has the focus, else the current question."""
        plan = self.query_one("#plan", PlanTree)
        if self.focused is plan and plan.cursor_node is not None and plan.cursor_node.data:
            return str(plan.cursor_node.data)
        return self.interview.key

    def action_remove(self) -> None:
        from assistant.tui.screens.confirm import ConfirmScreen

        key = self._highlighted()
        kind, target = key.split(":", 1)
        if kind == "need_new" and self.case.person(target) is not None:
            self._remove_person(target)
            return
        what = self.interview.describe(key)
        if not what:
            self.notify("Highlight a need, an outcome, a piece of work or a person in the "
                        "plan (or go to it), then F8.")
            return

        def done(choice: str | None) -> None:
            if choice != "delete":
                return
            self._checkpoint(f"deleting the {what}")
            self.interview.remove(key)
            self._save()
            self.show_question(use_draft=True)
            self.notify(f"Deleted the {what}. Ctrl+Z brings it back.")

        self.app.push_screen(ConfirmScreen(f"Delete the {what}?",
                                           [("delete", "Delete"), ("keep", "Keep it")],
                                           danger=True), done)

    def _person_target(self) -> str | None:
        key = self._highlighted()
        target = key.split(":", 1)[1]
        if self.case.person(target) is not None:
            return target
        try:
            at = self.interview.about(key)
        except KeyError:
            return None
        return at.person.id if at.person else None

    def action_person(self) -> None:
        """Edit the person highlighted (or the holder of what is being asked), or add one."""
        from assistant.tui.screens.confirm import PersonScreen

        person_id = self._person_target()
        person = self.case.person(person_id) if person_id else None
        framework = self.interview.framework
        line = ""
        if person is not None:
            age = f", {person.age}" if person.age is not None else ""
            sex = f", {person.sex}" if person.sex != "not recorded" else ""
            line = f"{person.name}, {framework.label('roles', person.role).lower()}{age}{sex}"

        def done(text: str | None) -> None:
            if not text:
                return
            self._checkpoint("the change to the people")
            try:
                if person is None:
                    new = self.interview.person_from(text)
                    self.case.people = [*self.case.people, new]
                else:
                    self.interview.update_person(person.id, text)
            except AnswerError as exc:
                self._undo.pop()
                self.notify(str(exc), severity="error", timeout=8)
                return
            self._save()
            self.show_question(use_draft=True)

        self.app.push_screen(PersonScreen(line), done)

    def _remove_person(self, person_id: str) -> None:
        from assistant.tui.screens.confirm import ConfirmScreen

        person = self.case.person(person_id)
        assert person is not None
        needs = [n for n in self.case.needs if n.holder == person_id]
        choices: list[tuple[str, str]] = []
        if needs:
            choices.append(("delete", f"Remove {person.name} and their "
                                      f"{len(needs)} need{'s' * (len(needs) != 1)}"))
            choices += [(f"move:{p.id}", f"Move the needs to {p.name}")
                        for p in self.case.people if p.id != person_id]
        else:
            choices.append(("delete", f"Remove {person.name}"))
        choices.append(("keep", "Keep them"))
        question = (f"Remove {person.name} from the case? They hold {len(needs)} "
                    f"need{'s' * (len(needs) != 1)}: what should happen to them?"
                    if needs else f"Remove {person.name} from the case?")

        def done(choice: str | None) -> None:
            if not choice or choice == "keep":
                return
            self._checkpoint(f"removing {person.name}")
            move = choice.split(":", 1)[1] if choice.startswith("move:") else None
            self.interview.remove_person(person_id, move_to=move)
            self._save()
            self.show_question(use_draft=True)
            self.notify(f"Removed {person.name}. Ctrl+Z brings them back.")

        self.app.push_screen(ConfirmScreen(question, choices, danger=True), done)

    def on_answer_area_undo_case(self, event: AnswerArea.UndoCase) -> None:
        self.action_undo_case()

    def action_undo_case(self) -> None:
        if not self._undo:
            self.notify("Nothing to undo.")
            return
        before, key, what = self._undo.pop()
        self.interview.case = before
        if key in self.interview.steps():
            self.interview.key = key
        self._save()
        self.show_question(use_draft=True)
        self._say([])
        self.notify(f"Undone: {what}.")

    # --- views --------------------------------------------------------------------------

    def action_whole_plan(self) -> None:
        """The plan full width, or back beside the conversation."""
        talk = self.query_one("#talk")
        talk.display = not talk.display
        side = self.query_one("#side")
        side.set_class(not talk.display, "whole")
        plan = self.query_one("#plan", PlanTree)
        plan.width = 60 if talk.display else max(40, self.size.width - 14)
        self.refresh_plan()
        if talk.display:
            self.answer_box.focus()
        else:
            self.query_one("#plan", PlanTree).focus()

    def action_changes(self) -> None:
        from assistant.tui.screens.changes import ChangesScreen

        self._save()
        self.app.push_screen(ChangesScreen(self.case.reference))

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
        answer = self.answer_box
        held = self._held_over
        if held and answer.text.endswith("\n" + held):
            answer.replace_value(f"{choice}\n{held}")  # the line typed on past a flag stays
        else:
            answer.replace_value(choice)
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
        if not self.query_one("#talk").display:
            self.action_whole_plan()
            return
        self.flush_draft()
        self.app.pop_screen()

    def on_tree_node_selected(self, event: Tree.NodeSelected[str]) -> None:
        key = event.node.data
        if not key or key not in self.interview.steps():
            return
        self.flush_draft()
        if not self.query_one("#talk").display:
            self.action_whole_plan()
        self.interview.goto(key)
        self._moved()
