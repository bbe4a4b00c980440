"""The people in a case, as the interview changes them: added from the story, edited,
removed (their needs moved or removed with them), and found by name or family word."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any, get_args

from pydantic import ValidationError

from assistant.interview.steps import AnswerError, SafeFormat, need_ids
from assistant.model import Need, Person, Sex, explain

if TYPE_CHECKING:
    from assistant.content import Framework
    from assistant.interview.prompts import InterviewPrompts
    from assistant.model import Case


class People:
    """The people methods of :class:`~assistant.interview.Interview`."""

    case: Case
    framework: Framework
    prompts: InterviewPrompts
    key: str

    @property
    def family_words(self) -> dict[str, str]:
        """Each word that names a family member ("gran") -> its role id: the framework
        roles' words, and any a prompts file of old still lists (it wins)."""
        return {**self.framework.vocabulary.family_words,
                **self.prompts.reflection.family_words}

    if TYPE_CHECKING:  # defined by Interview, which this is a part of
        def steps(self) -> list[str]: ...
        def _first_open(self, keys: list[str]) -> str: ...
        def is_child(self, person_id: str) -> bool: ...


    def person_from(self, line: str, person_id: str | None = None) -> Person:
        """A person from 'Name, role[, age][, sex]' ('Gran, grandparent, 70, female'; 'Gary,
        mum's partner'); the role may be its id, its label, or a family word from the
        prompts."""
        parts = [p.strip() for p in line.split(",")]
        name = parts[0]
        role = self.role_for(parts[1]) if len(parts) > 1 and parts[1] else None
        age = int(parts[2]) if len(parts) > 2 and parts[2].isdigit() else None
        rest = [p.lower() for p in parts[2:] if p and not p.isdigit()]
        sex = next((p for p in rest if p in get_args(Sex)), None)
        if role is None:
            role = self.role_for(name)
        if role is None:
            raise AnswerError(self.prompts.messages.bad_person.format_map(SafeFormat(text=line)))
        data: dict[str, Any] = {"name": name, "role": role, "age": age}
        if sex:
            data["sex"] = sex
        if person_id:
            data["id"] = person_id
        try:
            return Person.model_validate(data, context={"framework": self.framework})
        except ValidationError as exc:
            raise AnswerError("; ".join(explain(exc))) from None

    def role_for(self, text: str) -> str | None:
        """The role id ``text`` names: a role's id or label, or a family word (the last one
        wins, so "mum's partner" is a step-parent); None if it names none."""
        low = text.strip().lower()
        for role in self.framework.roles:
            if low in (role.id, role.label.lower()):
                return role.id
        words = self.family_words
        if low in words:
            return words[low]
        found = [(m.start(), role_id) for word, role_id in words.items()
                 for m in re.finditer(rf"\b{re.escape(word)}\b", low)]
        if found:
            return max(found)[1]
        starts = [r.id for r in self.framework.roles if r.label.lower().startswith(low)]
        return starts[0] if len(starts) == 1 and low else None

    def update_person(self, person_id: str, line: str) -> Person:
        """Change a person's name, role or age from 'Name, role[, age]'."""
        old = self.case.person(person_id)
        if old is None:
            raise KeyError(person_id)
        new = self.person_from(line, person_id)
        keep: dict[str, Any] = {"date_of_birth": old.date_of_birth}
        if new.sex == "not recorded":
            keep["sex"] = old.sex
        new = new.model_copy(update=keep)
        self.case.people = [new if p.id == person_id else p for p in self.case.people]
        return new

    def remove_person(self, person_id: str, move_to: str | None = None) -> None:
        """Remove a person; their needs go to ``move_to`` or are removed with them."""
        if move_to == person_id or (move_to and self.case.person(move_to) is None):
            raise KeyError(move_to)
        gone = {person_id}
        for need in self.case.needs:
            if need.holder == person_id:
                if move_to:
                    need.holder = move_to
                else:
                    gone |= need_ids(need)
        if not move_to:
            self.case.needs = [n for n in self.case.needs if n.holder != person_id]
        self.case.comments = [c for c in self.case.comments if c.about not in gone]
        self.case.people = [p for p in self.case.people if p.id != person_id]
        if self.key not in self.steps():
            self.key = self._first_open(self.steps())

    def person_for(self, word: str) -> Person | None:
        """The adult a word names: by name, or by the role a family word stands for."""
        low = word.lower()
        for person in self.case.people:
            if person.name.lower() == low:
                return person
        role = self.role_for(word)
        return next((p for p in self.case.people if p.role == role and role), None)

    def parent_in(self, need: Need) -> str:
        """The parent or carer a child's need is about, by name where the case has them
        ('Lisa' for "needs his mum to stop shouting"), or ''."""
        wording = need.wording
        for person in self.case.people:
            if not self.is_child(person.id) and re.search(
                    rf"\b{re.escape(person.name)}\b", wording, re.IGNORECASE):
                return person.name
        adult_roles = {r.id for r in self.framework.roles if r.kind == "parent"}
        for word, role in self.family_words.items():
            if role in adult_roles and re.search(rf"\b{re.escape(word)}('s)?\b", wording,
                                                 re.IGNORECASE):
                found = next((p for p in self.case.people if p.role == role), None)
                return found.name if found else word
        return ""
