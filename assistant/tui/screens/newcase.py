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
from textual.widgets import Button, Footer, Input, Label, OptionList, Select, Static

from assistant.model import Case, Person, Sex, explain
from assistant.tui.app import NeedsLedApp
from assistant.tui.messages import OpenCase
from assistant.tui.widgets.header import Header
from assistant.tui.widgets.plan import person_label

SEXES: tuple[str, ...] = get_args(Sex)


class NewCaseScreen(Screen[None]):
    app = getters.app(NeedsLedApp)

    BINDINGS = [
        Binding("ctrl+s", "start", "Start", id="newcase.start"),
        Binding("escape", "app.pop_screen", "Cancel", id="newcase.pop_screen"),
        # as in the interview: F8 removes, F9 changes a person (the one chosen in the list,
        # the last added unless the worker moves to another); shown once there is one
        Binding("f8", "remove_person", "Remove", id="newcase.remove_person"),
        Binding("f9", "edit_person", "Change", id="newcase.edit_person"),
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
                        "(Enter in age adds)")
            with Horizontal(id="person-row"):
                yield Select(roles, value=roles[0][1], allow_blank=False, id="role")
                yield Input(placeholder="first name or initials", id="name",
                            select_on_focus=False)
                yield Input(placeholder="age", id="age", restrict=r"[0-9]*", max_length=3,
                            select_on_focus=False)
                # Enter on a drop-down opens its list, as everywhere in Textual; the
                # person is added by Enter in the name or age field, or by Add
                yield Select([(s.capitalize(), s) for s in SEXES],
                             value="not recorded", allow_blank=False, id="sex")
                yield Button("Add", id="add")
            yield Static("No people yet.", id="no-people")
            yield OptionList(id="people")
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

    def _show_people(self, chosen: int | None = None) -> None:
        """List the people (``chosen`` highlighted, else the last one) and keep the draft."""
        framework = self.app.content.framework
        listed = self.query_one("#people", OptionList)
        # with the sex recorded: the rewrites take their pronouns from it, and a slip in
        # the drop-down is otherwise unseen once the person is added
        listed.set_options(f"{i}. {person_label(p, framework, sex=True)}"
                           for i, p in enumerate(self.people, 1))
        listed.display = bool(self.people)
        self.query_one("#no-people", Static).display = not self.people
        if self.people:
            listed.highlighted = len(self.people) - 1 if chosen is None else chosen
        self.refresh_bindings()
        self.app.keeper.put_draft(
            self.draft_scope, "people",
            json.dumps([p.model_dump(mode="json") for p in self.people]) if self.people
            else None)

    def _error(self, text: str) -> None:
        self.query_one("#newcase-error", Static).update(text)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Remove and change are offered (and shown in the footer) once a person is added."""
        if action in ("remove_person", "edit_person"):
            return bool(self.people)
        return True

    def _chosen(self) -> int | None:
        index = self.query_one("#people", OptionList).highlighted
        if not self.people:
            return None
        return index if index is not None and index < len(self.people) else len(self.people) - 1

    def action_remove_person(self) -> None:
        """Take the chosen person (the last added, unless another is chosen) off the list."""
        index = self._chosen()
        if index is None:
            return
        gone = self.people.pop(index)
        self._show_people(min(index, len(self.people) - 1) if self.people else None)
        self._error(f"Removed {person_label(gone, self.app.content.framework)}. "
                    "F9 changes a person instead.")

    def action_edit_person(self) -> None:
        """Put the chosen person back into the fields to change them; Enter adds them again.

        Nothing typed is lost: a person still being typed must be added (or cleared) first.
        """
        index = self._chosen()
        if index is None:
            return
        name = self.query_one("#name", Input)
        age = self.query_one("#age", Input)
        if name.value.strip() or age.value.strip():
            self._error("Add the person you are typing first (Enter), or clear them, "
                        "then change another.")
            name.focus()
            return
        person = self.people.pop(index)
        self.query_one("#role", Select).value = person.role
        self.query_one("#sex", Select).value = person.sex
        name.value = person.name
        age.value = "" if person.age is None else str(person.age)
        for field in (name, age):  # typing goes on after what is there, as it was typed
            field.cursor_position = len(field.value)
        self._show_people(min(index, len(self.people) - 1) if self.people else None)
        self._error(f"Changing {person.name}: Enter adds them back.")
        name.focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        """Enter on a person in the list changes them."""
        self.query_one("#people", OptionList).highlighted = event.option_index
        self.action_edit_person()

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

    def action_add_person(self) -> None:
        self.add_person()

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
