"""Reviewing a plan in the app: results, status, the plan carried forward, the family's
view and distance-travelled scores; then the chart of distance travelled. F6 shows the
learning trace of each need's wording.

The screen builds the same plain data as ``needs-led review --from`` and hands it to
:func:`assistant.review.apply_review`, so both check a review the same way; the result is
saved as one revision labelled "Review N on DATE". Nothing typed is lost on an error.
"""

from __future__ import annotations

from contextlib import suppress
from typing import Any

from rich.console import Group
from rich.text import Text
from textual import getters, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Input, Label, Select, Static
from textual.widgets.select import InvalidSelectValueError

from assistant import dates
from assistant.model import Case
from assistant.tui.app import NeedsLedApp
from assistant.tui.widgets.distance import DistanceChart
from assistant.tui.widgets.header import Header
from assistant.tui.widgets.status import CoachStatus


def _options(framework: Any, field: str) -> list[tuple[str, str]]:
    return [(choice.label, choice.id) for choice in getattr(framework, field)]


def _carry_row(framework: Any, select_id: str, input_id: str, placeholder: str) -> Horizontal:
    """An outcome's or a work item's row: kept, changed or ended, and its new wording."""
    return Horizontal(
        Select(_options(framework, "carry_forward"), prompt="Carry forward", value="kept",
               allow_blank=False, id=select_id, compact=True),
        Input(placeholder=placeholder, id=input_id, compact=True),
        classes="row")


class ReviewScreen(Screen[None]):
    """Review the plan of ``case``: Ctrl+S saves it as the next review."""

    app = getters.app(NeedsLedApp)

    BINDINGS = [
        Binding("escape", "close", "Back", id="review.close"),
        Binding("ctrl+s", "save", "Save review", id="review.save"),
        Binding("f6", "trace", "Learning trace", id="review.trace"),
    ]

    DEFAULT_CSS = """
    #review-form { padding: 0 1; }
    #review-form .section { text-style: bold; margin-top: 1; color: $accent; }
    #review-form .item { margin-top: 1; }
    #review-form .row { height: 1; margin-top: 1; }
    #review-form .row Select { width: 30; margin-right: 1; }
    #review-form .row Input { width: 1fr; }
    #review-form #review-date { width: 14; }
    #review-form #family-view { margin-top: 1; }
    #review-form #plan-result { width: 30; margin-top: 1; }
    #review-form .score-row { height: 1; }
    #review-form .score-row Label { width: 46; }
    #review-form .score-row Input { width: 6; margin-right: 1; }
    #review-form .score-row .score-head { width: 7; }
    #review-form .note { color: $warning; display: none; }
    #review-form .note.shown { display: block; }
    """

    def __init__(self, case: Case, said: list[str] | None = None) -> None:
        super().__init__()
        self.case = case
        self.said = said or []
        """What the coach said about the review just saved (its evidence)."""

    # --- layout ---------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        from assistant.review import distance_travelled, scored_people

        app = self.app
        framework = app.content.framework
        distance = app.content.distance
        case = self.case
        yield Header()
        with VerticalScroll(id="review-form"):
            yield Static(self._title(), id="review-title")
            if self.said:
                yield Static("At the review just saved:\n" + "\n".join(f"· {w}" for w in self.said),
                             id="review-said", classes="note shown")
            yield Label("Distance travelled so far", classes="section")
            yield DistanceChart(distance_travelled(case, app.content), id="distance-chart")
            yield Label("Review date (YYYY-MM-DD)", classes="section")
            yield Input(dates.today().isoformat(), id="review-date", compact=True)
            yield Label("Outcomes: result, what shows it, and what happens next",
                        classes="section")
            for n, need in enumerate(case.needs, 1):
                for k, outcome in enumerate(need.outcomes, 1):
                    yield Static(f"Outcome {n}.{k}: {outcome.statement}", classes="item")
                    with Horizontal(classes="row"):
                        yield Select(_options(framework, "outcome_results"), prompt="Result",
                                     id=f"result-{outcome.id}", compact=True)
                        yield Input(placeholder="What shows it: seen, counted or said, by whom",
                                    id=f"evidence-{outcome.id}", compact=True)
                    yield Static("", id=f"evidence-note-{outcome.id}", classes="note")
                    yield _carry_row(framework, f"carry-{outcome.id}", f"change-{outcome.id}",
                                     "If changed: the outcome as it now reads")
            if not any(need.outcomes for need in case.needs):
                yield Static("This plan has no outcomes yet.", classes="dim")
            yield Label("Work: kept, changed or ended", classes="section")
            for n, need in enumerate(case.needs, 1):
                for k, item in enumerate(need.work, 1):
                    yield Static(f"Work {n}.{k}: {item.action}", classes="item")
                    yield _carry_row(framework, f"wcarry-{item.id}", f"wchange-{item.id}",
                                     "If changed: the work as it now reads")
            yield Label("Needs: status now, and has the seriousness changed?", classes="section")
            for n, need in enumerate(case.needs, 1):
                yield Static(f"Need {n} ({case.holder_name(need)}): {need.wording}",
                             classes="item")
                with Horizontal(classes="row"):
                    yield Select(_options(framework, "review_status"), prompt="Status",
                                 id=f"status-{need.id}", compact=True)
                    yield Select(_options(framework, "seriousness_change"),
                                 prompt="Seriousness", value="same", allow_blank=False,
                                 id=f"serious-{need.id}", compact=True)
            yield Label("A new need found since (optional)", classes="section")
            with Horizontal(classes="row"):
                yield Select([(p.name, p.id) for p in case.people], prompt="Whose need",
                             id="new-holder", compact=True)
                yield Input(placeholder="The need, specifically", id="new-wording", compact=True)
            yield Label("The family's view of progress", classes="section")
            yield Input(placeholder="In their words where possible", id="family-view", compact=True)
            yield Label("The plan overall", classes="section")
            yield Select(_options(framework, "plan_results"), prompt="Plan result",
                         id="plan-result", compact=True)
            scale = ", ".join(f"{p.score} {p.label}" for p in distance.scale)
            yield Label(f"Distance-travelled scores ({scale}); blank means not scored",
                        classes="section")
            for who, label, kind in scored_people(case, framework):
                profile = distance.profile(kind)
                if profile is None:
                    continue
                yield Static(label, classes="item")
                with Horizontal(classes="score-row dim"):
                    yield Label("Domain")
                    if not case.baseline:
                        yield Label("Baseline", classes="score-head")
                    yield Label("Now", classes="score-head")
                for domain in profile.domains:
                    with Horizontal(classes="score-row"):
                        yield Label(domain.label[:45])
                        if not case.baseline:
                            yield Input(placeholder="base", restrict=r"[0-9]?", max_length=1,
                                        id=f"base-{who}-{domain.id}", compact=True)
                        yield Input(placeholder="now", restrict=r"[0-9]?", max_length=1,
                                    id=f"now-{who}-{domain.id}", compact=True)
            yield Static("Ctrl+S saves this review. F6: the learning trace.", classes="dim")
        yield CoachStatus(id="coach-status")
        yield Footer()

    def _title(self) -> Text:
        number = len(self.case.reviews) + 1
        title = Text(f"Review {number} of {self.case.reference}", style="bold")
        if self.case.reviews:
            last = self.case.reviews[-1]
            title.append(f"  (last: Review {last.number} on {last.on.isoformat()})",
                         style="dim")
        return title

    # --- nothing typed is lost: the app's drafts, like the interview's -----------------

    def draft_key(self, widget: Any) -> tuple[str, str] | None:
        """Each field is a draft of this case, under the review it belongs to ("review
        2/evidence-o1"): kept by the app within a second of typing, it comes back when the
        screen opens again, and a draft for review 2 never fills review 3's form. (Not
        "review:", which is an interview step.)"""
        if not widget.id:
            return None
        return (self.case.reference, f"review {len(self.case.reviews) + 1}/{widget.id}")

    def _keeper(self) -> Any:
        app = self.app
        return app.keeper

    def on_select_changed(self, event: Select.Changed) -> None:
        """The app keeps Input text itself; a choice is kept here, the same way."""
        key = self.draft_key(event.select)
        journal = self._keeper().journal
        if key is None or journal is None or not self.is_mounted:
            return
        value = event.value
        journal.put_draft(*key, "" if value is Select.NULL or value is None else str(value))

    def _restore_drafts(self) -> bool:
        """Put back what was typed and chosen for this review; True if anything was."""
        keeper = self._keeper()
        restored = False
        for widget in self.query("#review-form Input, #review-form Select"):
            key = self.draft_key(widget)
            text = keeper.get(*key) if key else None
            if text is None:
                continue
            if isinstance(widget, Select):
                if text and widget.value != text:
                    with suppress(InvalidSelectValueError):
                        widget.value = text
                        restored = True
            elif isinstance(widget, Input) and widget.value != text:
                widget.value = text
                restored = True
        return restored

    def _draft_keys(self) -> tuple[tuple[str, str], ...]:
        """Every field's draft, used up once the review is saved."""
        keys = (self.draft_key(w) for w in self.query("#review-form Input, #review-form Select"))
        return tuple(k for k in keys if k is not None)

    def on_mount(self) -> None:
        self.sub_title = f"Review · {self.case.reference}"
        if self._restore_drafts():
            self.notify("Your unsaved review is back as you left it.")
        # The first result, not the date: a stray key must not replace the date.
        first = self.query(Select).first() if self.query(Select) else None
        (first or self.query_one("#review-date", Input)).focus()

    # --- the coach reads evidence as it is left -------------------------------------------

    def on_input_blurred(self, event: Input.Blurred) -> None:
        ident = event.input.id or ""
        if ident.startswith("evidence-"):
            self._check_evidence(ident.removeprefix("evidence-"), event.value)

    @work(thread=True, group="evidence", exit_on_error=False)
    def _check_evidence(self, outcome_id: str, text: str) -> None:
        from assistant.review import evidence_problems

        app = self.app
        if app.coach is None or app.coach_status not in ("ready", "reduced"):
            return
        problems = evidence_problems(app.coach, text)
        message = f"Not yet evidence: {' '.join(problems)}" if problems else ""
        app.call_from_thread(self._show_note, outcome_id, message)

    def _show_note(self, outcome_id: str, message: str) -> None:
        for note in self.query(f"#evidence-note-{outcome_id}").results(Static):
            note.update(message)
            note.set_class(bool(message), "shown")

    # --- reading the form -------------------------------------------------------------------

    def _value(self, selector: str) -> str:
        widget = self.query_one(selector)
        if isinstance(widget, Select):
            value = widget.value
            return "" if value is Select.NULL or value is None else str(value)
        return str(getattr(widget, "value", "")).strip()

    def review_data(self) -> dict[str, Any]:
        """The review as typed, in the shape ``needs-led review --from`` reads."""
        from assistant.review import scored_people

        app = self.app
        case = self.case
        data: dict[str, Any] = {"date": self._value("#review-date")}
        outcomes, work, needs = [], [], []
        for n, need in enumerate(case.needs, 1):
            for k, outcome in enumerate(need.outcomes, 1):
                result = self._value(f"#result-{outcome.id}")
                carry = self._value(f"#carry-{outcome.id}") or "kept"
                if not result and carry == "kept":
                    continue
                entry: dict[str, Any] = {"outcome": f"{n}.{k}", "result": result,
                                         "evidence": self._value(f"#evidence-{outcome.id}"),
                                         "carry": carry,
                                         "change_to": self._value(f"#change-{outcome.id}")}
                outcomes.append(entry)
            for k, item in enumerate(need.work, 1):
                carry = self._value(f"#wcarry-{item.id}") or "kept"
                if carry != "kept":
                    work.append({"work": f"{n}.{k}", "carry": carry,
                                 "change_to": self._value(f"#wchange-{item.id}")})
            status = self._value(f"#status-{need.id}")
            if status:
                needs.append({"need": n, "status": status,
                              "seriousness": self._value(f"#serious-{need.id}") or "same"})
        data |= {"outcomes": outcomes, "work": work, "needs": needs}
        holder, wording = self._value("#new-holder"), self._value("#new-wording")
        if holder or wording:
            data["new_needs"] = [{"holder": holder, "wording": wording}]
        data["family_view"] = self._value("#family-view")
        data["plan_result"] = self._value("#plan-result") or None
        distance = app.content.distance
        for key, prefix in (("baseline", "base"), ("scores", "now")):
            scores: dict[str, dict[str, str]] = {}
            for who, _label, kind in scored_people(case, app.content.framework):
                profile = distance.profile(kind)
                for domain in profile.domains if profile else []:
                    found = self.query(f"#{prefix}-{who}-{domain.id}")
                    if found and found.first(Input).value.strip():
                        scores.setdefault(who, {})[domain.id] = found.first(Input).value.strip()
            if scores:
                data[key] = scores
        return data

    # --- actions ----------------------------------------------------------------------------

    def action_save(self) -> None:
        """Check the review, then save it the app's way: in the recovery file at once,
        written to the database off the UI thread, a lasting bar (and a retry) if the
        database refuses. The form's drafts go only once the database has the review."""
        from pydantic import ValidationError

        from assistant.model import explain
        from assistant.review import ReviewError, apply_review, distance_travelled, note

        app = self.app
        data = self.review_data()
        journal = self._keeper().journal
        if journal is not None and journal.error and not any(
                v for k, v in data.items() if k != "date"):
            # The bar says "Ctrl+S: now": with nothing entered here, that is what it means.
            self._keeper().retry()
            self.notify("Trying to save again …")
            return
        coach = app.coach if app.coach_status in ("ready", "reduced") else None
        try:
            applied = apply_review(self.case, data, app.content, coach)
        except ReviewError as exc:
            self.notify(f"Not saved: {exc}", severity="error", timeout=10)
            return
        except ValidationError as exc:  # the case model refused it: say where, keep the form
            self.notify(f"Not saved: {explain(exc)[0]}", severity="error", timeout=10)
            return
        app.save_case(applied.case, note(applied.review.number, applied.review.on),
                      self._draft_keys())
        self.case = applied.case
        travelled = distance_travelled(self.case, app.content)
        summary = (f"{len(travelled.improvements)} better, {len(travelled.setbacks)} worse"
                   if travelled.measured else "no distance measured yet")
        self.notify(f"Review {applied.review.number} saved: {summary}.", timeout=8)
        # A fresh form for the next review, under the updated chart (the baseline fields
        # give way once a baseline is recorded).
        self.app.switch_screen(ReviewScreen(self.case, applied.warnings))

    def action_trace(self) -> None:
        self._keeper().kick()
        self.app.push_screen(TraceScreen(self.case.reference))

    def action_close(self) -> None:
        self._keeper().kick()  # what is typed is written now, not in a moment
        self.app.pop_screen()


class TraceScreen(Screen[None]):
    """The learning trace: each need's wording from the first draft to now."""

    app = getters.app(NeedsLedApp)

    BINDINGS = [Binding("escape", "close", "Back", id="review.trace.close")]

    def __init__(self, reference: str) -> None:
        super().__init__()
        self.reference = reference
        self.trace: Any = None

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="trace-box"):
            yield Static("Reading the revisions…", id="trace")
        yield CoachStatus(id="coach-status")
        yield Footer()

    def on_mount(self) -> None:
        self.sub_title = f"Learning trace · {self.reference}"
        self.build()

    @work(thread=True, exclusive=True, group="trace", exit_on_error=False)
    def build(self) -> None:
        from assistant.trace import load_trace

        app = self.app
        coach = app.coach if app.coach_status in ("ready", "reduced") else None
        try:
            trace = load_trace(app.case_store, self.reference, coach)
        except Exception as exc:  # shown, not raised: the case itself is safe
            app.call_from_thread(self._show_text, f"The trace failed: {str(exc)[:200]}")
            return
        app.call_from_thread(self._show, trace, coach is not None)

    def _show_text(self, text: str) -> None:
        self.query_one("#trace", Static).update(text)

    def _show(self, trace: Any, coached: bool) -> None:
        self.trace = trace
        parts: list[Any] = [Text(f"{len(trace.needs)} needs across {trace.revisions} "
                                 "revisions", style="bold")]
        if not coached:
            parts.append(Text("The wording coach is still loading: its readings are left out.",
                              style="dim"))
        for need in trace.needs:
            head = Text(f"\n{need.holder}: {need.current}", style="bold")
            changes = (f"reworded {need.changes} time{'s' if need.changes != 1 else ''}"
                       if need.changes else "not reworded")
            if need.removed_in:
                changes += f"; removed in revision {need.removed_in}"
            head.append(f"  ({changes})", style="dim")
            parts.append(head)
            for number, step in enumerate(need.steps, 1):
                line = Text(f" {number}. {step.wording}")
                line.append(f"  rev {step.revision}{', ' + step.note if step.note else ''}",
                            style="dim")
                parts.append(line)
                if step.kinds:
                    parts.append(Text(f"    the coach: {', '.join(step.kinds)}. "
                                      + " ".join(step.messages), style="yellow"))
                elif coached:
                    parts.append(Text("    the coach found nothing to change", style="green"))
                for kept in step.kept:
                    parts.append(Text(f"    kept ({kept.rule}): {kept.reason}", style="italic"))
        if not trace.needs:
            parts.append(Text("This case has no needs yet."))
        self.query_one("#trace", Static).update(Group(*parts))

    def action_close(self) -> None:
        self.app.pop_screen()
