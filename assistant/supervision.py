"""Reflective supervision over a case: the supervisor's questions, comments and agreed actions.

The questions come from ``prompts/supervision.yml``; comments and agreed actions are part
of the case (so they are kept in the revision history and appear in the plan's appendix).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Any

from pydantic import Field, field_validator

from assistant import dates
from assistant.content import Content, Framework, Strict
from assistant.model import AgreedAction, Case, Comment, Need, Outcome

_FIELD = re.compile(r"\{(\w+)\}")
_KNOWN = {"holder", "holder_s", "child", "need", "outcome", "work"}


class ConceptQuestions(Strict):
    need: list[str] = Field(min_length=1)
    seriousness: list[str] = Field(min_length=1)
    outcome: list[str] = Field(min_length=1)
    work: list[str] = Field(min_length=1)


class SupervisionPrompts(Strict):
    opening: list[str] = Field(min_length=1)
    concepts: ConceptQuestions
    closing: list[str] = Field(min_length=1)

    @field_validator("opening", "closing")
    @classmethod
    def _no_fields(cls, questions: list[str]) -> list[str]:
        for question in questions:
            if _FIELD.search(question):
                raise ValueError(f"'{question}' uses a {{field}}, which only concept "
                                 "questions can have")
        return questions

    @field_validator("concepts")
    @classmethod
    def _known_fields(cls, concepts: ConceptQuestions) -> ConceptQuestions:
        for questions in concepts.model_dump().values():
            for question in questions:
                unknown = set(_FIELD.findall(question)) - _KNOWN
                if unknown:
                    raise ValueError(f"'{question}' uses unknown field(s) "
                                     f"{', '.join(sorted(unknown))}; use {sorted(_KNOWN)}")
                if "{holder}'s" in question or "{holder}\u2019s" in question:
                    raise ValueError(f"'{question}': write {{holder_s}} for the holder's "
                                     "possessive (\"the parents'\" is not \"the parents's\")")
        return concepts


def load_prompts(content: Content) -> SupervisionPrompts:
    return content.load(SupervisionPrompts, "prompts", "supervision.yml")


@dataclass(frozen=True)
class Question:
    concept: str  # opening, need, seriousness, outcome, work, closing
    about: str | None  # the id of the need, outcome or work item it is about
    text: str


def child_of(case: Case, need: Need, framework: Framework) -> str:
    """Whom a need not met happens to, as the interview asks it: the holder, for a child's
    need; for a parent's or carer's need, the child (or "the children", when the case has
    several). Why: seriousness is about the child (the framework's question "what will
    happen to the child?"); "What will happen to Donna if Donna's need is not met?" asked
    the supervisor to rate a parent's need by what happens to the parent."""
    holder = case.person(need.holder)
    if holder is not None and holder.role in framework.child_roles:
        return holder.name
    children = [p for p in case.people if p.role in framework.child_roles]
    if len(children) > 1:
        return "the children"
    return children[0].name if children else case.holder_name(need)


def holder_forms(case: Case, need: Need, framework: Framework) -> tuple[str, str]:
    """The holder as a question names them, and their possessive: ("Mia", "Mia's"),
    ("James", "James's"), and for a holder written as a role's word rather than a name
    ("Parents", "Family", "Carers") ("the parents", "the parents'").

    Why: "Is it Parents's, or someone else's need written in Parents's name?" was asked
    of a need held by the parents together."""
    name = case.holder_name(need)
    words = {w.lower() for role in framework.roles
             for w in [*role.words, *role.female.words, *role.male.words]}
    low = name.lower()
    if low.removeprefix("the ") in words:
        common = "the " + low.removeprefix("the ")
        return common, common + ("'" if common.endswith("s") else "'s")
    return name, name + "'s"


def agenda(case: Case, prompts: SupervisionPrompts, framework: Framework) -> list[Question]:
    """The supervision walk-through for ``case``: opening, each need's chain, closing."""
    questions = [Question("opening", None, q) for q in prompts.opening]
    asked_general: set[tuple[str, str]] = set()

    def ask(concept: str, about: str | None, template: str, **values: str) -> None:
        if not _FIELD.search(template):
            if (concept, template) in asked_general:
                return
            asked_general.add((concept, template))
            about = None
        elif not all(values.get(f) for f in _FIELD.findall(template)):
            return
        questions.append(Question(concept, about, template.format_map(values)))

    concepts = prompts.concepts
    for need in case.needs:
        holder, holder_s = holder_forms(case, need, framework)
        base = {"holder": holder, "holder_s": holder_s,
                "child": child_of(case, need, framework), "need": need.wording.rstrip(".")}
        for template in concepts.need:
            ask("need", need.id, template, **base)
        for template in concepts.seriousness:
            ask("seriousness", need.id, template, **base)
        outcomes: list[Outcome | None] = list(need.outcomes) or [None]
        for outcome in outcomes:
            for template in concepts.outcome:
                ask("outcome", outcome.id if outcome else need.id, template,
                    **base, outcome=outcome.statement.rstrip(".") if outcome else "")
        for item in need.work:
            for template in concepts.work:
                ask("work", item.id, template, **base, work=item.action.rstrip("."))
    questions += [Question("closing", None, q) for q in prompts.closing]
    return questions


def add_comment(case: Case, text: str, *, about: str | None = None, author: str = "",
                role: str = "supervisor") -> Comment:
    """Attach a question or comment (to the case, or to a need, outcome or work item)."""
    if about is not None and about not in item_ids(case):
        raise ValueError(f"'{about}' is not a need, outcome or work item of this case")
    comment = Comment(text=text, about=about, author=author, role=role)
    case.comments = [*case.comments, comment]
    return comment


def add_action(case: Case, action: str, *, owner: str = "",
               due: date | None = None) -> AgreedAction:
    agreed = AgreedAction(action=action, owner=owner, due=due)
    case.agreed_actions = [*case.agreed_actions, agreed]
    return agreed


def item_ids(case: Case) -> set[str]:
    """Ids a comment may be about: people, needs, outcomes and work items."""
    ids = {p.id for p in case.people}
    for need in case.needs:
        ids |= {need.id} | {o.id for o in need.outcomes} | {w.id for w in need.work}
    return ids


def comments_about(case: Case, item_id: str | None) -> list[Comment]:
    return [c for c in case.comments if c.about == item_id]


# --- what a person sees: "need 2", "outcome 2.1", "work 2.3", "comment 1" -------------------

_REF = re.compile(r"^\s*(need|outcome|work|n|o|w)\s*(\d+)(?:\.(\d+))?\s*$", re.IGNORECASE)


def resolve_about(case: Case, text: str) -> str:
    """The id of the item ``text`` names, as the plan numbers it ("need 2", "outcome 2.1"
    for need 2's first outcome, "work 2.3" for need 2's third piece of work), a person's
    name, or an id itself. ValueError, with what exists, otherwise."""
    text = text.strip()
    if text in item_ids(case):
        return text
    for person in case.people:
        if person.name.lower() == text.lower():
            return person.id
    match = _REF.match(text)
    if match:
        kind, first, second = match.group(1).lower()[0], int(match.group(2)), match.group(3)
        if 1 <= first <= len(case.needs):
            need = case.needs[first - 1]
            if kind == "n" and second is None:
                return need.id
            items = need.outcomes if kind == "o" else need.work if kind == "w" else []
            if second is not None and 1 <= int(second) <= len(items):
                return items[int(second) - 1].id
    needs = len(case.needs)
    raise ValueError(f"'{text}' is not in this case: write need 1 to need {needs}, "
                     "outcome N.M (need N's M-th outcome) or work N.M"
                     if needs else f"'{text}' is not in this case: it has no needs yet")


def _numbered(items: list[Any], ref: str, what: str) -> int:
    ref = ref.strip()
    for index, item in enumerate(items):
        if item.id == ref:
            return index
    if ref.isdigit() and 1 <= int(ref) <= len(items):
        return int(ref) - 1
    raise ValueError(f"there is no {what} '{ref}' (this case has {len(items)})")


def mark_done(case: Case, ref: str, on: date | None = None, done: bool = True) -> AgreedAction:
    """Mark agreed action ``ref`` (its number or id) done on ``on`` (today by default)."""
    index = _numbered(case.agreed_actions, ref, "agreed action")
    action = case.agreed_actions[index].model_copy(
        update={"done": done, "done_on": (on or dates.today()) if done else None})
    case.agreed_actions = [action if i == index else a
                           for i, a in enumerate(case.agreed_actions)]
    return action


def resolve_comment(case: Case, ref: str, resolved: bool = True,
                    text: str | None = None) -> Comment:
    """Resolve (or reopen) comment ``ref``, or change its text."""
    index = _numbered(case.comments, ref, "comment")
    update: dict[str, object] = {"resolved": resolved}
    if text is not None:
        update["text"] = Comment(text=text).text  # cleaned and checked like any comment
    comment = case.comments[index].model_copy(update=update)
    case.comments = [comment if i == index else c for i, c in enumerate(case.comments)]
    return comment


def place_of(case: Case, item_id: str | None) -> str:
    """How the plan numbers an item ("need 2", "outcome 2.1"), for lists."""
    if item_id is None:
        return "the whole case"
    for n, need in enumerate(case.needs, 1):
        if need.id == item_id:
            return f"need {n}"
        for m, outcome in enumerate(need.outcomes, 1):
            if outcome.id == item_id:
                return f"outcome {n}.{m}"
        for m, item in enumerate(need.work, 1):
            if item.id == item_id:
                return f"work {n}.{m}"
    person = case.person(item_id)
    return person.name if person else item_id
