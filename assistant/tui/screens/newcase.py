"""A new case: a pseudonymous reference and the people (role, first name or initials, age,
and sex where the worker gives it, so the coach's rewrites take the right pronouns)."""

from __future__ import annotations

import json
from typing import get_args

from pydantic import ValidationError
from textual import getters
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.screen import Screen
from textual.widgets import Button, Footer, Header, Input, Label, Select, Static

from assistant.model import Case, Person, Sex, explain
from assistant.tui.app import NeedsLedApp
from assistant.tui.messages import OpenCase
from assistant.tui.widgets.plan import person_label

SEXES: tuple[str, ...] = get_args(Sex)


class NewCaseScreen(Screen[None]):
    app = getters.app(NeedsLedApp)

    BINDINGS = [
        Binding("ctrl+s", "start", "Start interview", id="newcase.start"),
        Binding("escape", "app.pop_screen", "Cancel", id="newcase.pop_screen"),
        Binding("f1", "app.help", "Help", id="newcase.help"),
        Binding("ctrl+q", "app.quit", "Quit", id="newcase.quit"),
    ]
    #: what is typed here is kept as a draft until the case starts (Escape keeps it too)
    draft_scope = "~new-case"
    draft_title = "The new case"

    def __init__(self) -> None:
        super().__init__()
        self.people: list[Person] = []

    def compose(self) -> ComposeResult:
        framework = self.app.content.framework
        roles = [(r.label, r.id) for r in framework.roles]
        yield Header()
        with VerticalScroll(id="newcase"):
            yield Label("Case reference (pseudonymous: never a family name)")
            yield Input(placeholder="e.g. NL-2026-031", id="reference", select_on_focus=False)
            yield Label("People: role, first name or initials, age, sex if known "
                        "(Enter adds the person)")
            with Horizontal(id="person-row"):
                yield Select(roles, value=roles[0][1], allow_blank=False, id="role")
                yield Input(placeholder="first name or initials", id="name",
                            select_on_focus=False)
                yield Input(placeholder="age", id="age", restrict=r"[0-9]*", max_length=3,
                            select_on_focus=False)
                yield Select([(s.capitalize(), s) for s in SEXES], value="not recorded",
                             allow_blank=False, id="sex")
                yield Button("Add", id="add")
            yield Static("No people yet.", id="people")
            yield Static("", id="newcase-error", classes="error")
            yield Button("Start the interview", id="start", variant="primary")
        yield Footer()

    def on_mount(self) -> None:
        keeper = self.app.keeper
        keeper.restore(self)
        try:
            kept = json.loads(keeper.get(self.draft_scope, "people") or "[]")
            self.people = [Person.model_validate(p) for p in kept]
        except (ValueError, ValidationError):
            self.people = []
        self._show_people()
        self.query_one("#reference", Input).focus()

    def holds_text(self) -> bool:
        return bool(self.people) or any(
            field.value.strip() for field in self.query(Input))

    def _show_people(self) -> None:
        framework = self.app.content.framework
        self.query_one("#people", Static).update("\n".join(
            f"{i}. {person_label(p, framework)}" for i, p in enumerate(self.people, 1)
        ) or "No people yet.")
        self.app.keeper.put_draft(
            self.draft_scope, "people",
            json.dumps([p.model_dump(mode="json") for p in self.people]) if self.people
            else None)

    def _error(self, text: str) -> None:
        self.query_one("#newcase-error", Static).update(text)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        if event.input.id == "reference":
            self.query_one("#role", Select).focus()
        elif event.input.id in ("name", "age"):
            self.add_person()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "add":
            self.add_person()
        elif event.button.id == "start":
            self.action_start()

    def add_person(self) -> None:
        name = self.query_one("#name", Input)
        age = self.query_one("#age", Input)
        role = self.query_one("#role", Select)
        sex = self.query_one("#sex", Select)
        framework = self.app.content.framework
        try:
            person = Person.model_validate(
                {"role": role.value, "name": name.value, "sex": sex.value,
                 "age": int(age.value) if age.value else None},
                context={"framework": framework},
            )
        except ValidationError as exc:
            self._error("Person: " + "; ".join(explain(exc)))
            name.focus()
            return
        self.people.append(person)
        self._error("")
        name.value = ""
        age.value = ""
        sex.value = "not recorded"
        self._show_people()
        role.focus()

    def action_start(self) -> None:
        reference = self.query_one("#reference", Input).value.strip()
        if self.query_one("#name", Input).value.strip():
            self.add_person()
        try:
            case = Case(reference=reference, people=self.people)
        except ValidationError as exc:
            self._error("; ".join(explain(exc)))
            self.query_one("#reference", Input).focus()
            return
        from assistant.redact import load_names, reference_problem

        names = load_names(self.app.content)
        if problem := reference_problem(case, names):  # a name in the reference reaches every form
            self._error(problem[:1].upper() + problem[1:])
            self.query_one("#reference", Input).focus()
            return
        if not self.people:
            self._error("Add at least one person: the child first.")
            self.query_one("#name", Input).focus()
            return
        from assistant.store import StoreError

        try:
            exists = self.app.case_store.exists(reference)
        except StoreError as exc:  # the form keeps everything typed: nothing is lost
            self._error(f"Not started: {exc}")
            return
        if exists:
            self._error(f"A case '{reference}' already exists: open it from your cases.")
            self.query_one("#reference", Input).focus()
            return
        keeper = self.app.keeper
        keeper.forget_screen(self)
        keeper.forget(self.draft_scope, "people")
        keeper.set_base(reference, 0)  # new: another writer's case is a conflict
        self.app.save_case(case, "new case")
        self.post_message(OpenCase(case.reference))
