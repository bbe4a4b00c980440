"""Reflective supervision over a case: the supervisor's questions, comments and agreed actions.

The questions come from ``prompts/supervision.yml``; comments and agreed actions are part
of the case (so they are kept in the revision history and appear in the plan's appendix).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from pydantic import Field, field_validator

from assistant.content import Content, Strict
from assistant.model import AgreedAction, Case, Comment

_FIELD = re.compile(r"\{(\w+)\}")
_KNOWN = {"holder", "need", "outcome", "work"}


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
        return concepts


def load_prompts(content: Content | None = None) -> SupervisionPrompts:
    return (content or Content()).load(SupervisionPrompts, "prompts", "supervision.yml")


@dataclass(frozen=True)
class Question:
    concept: str  # opening, need, seriousness, outcome, work, closing
    about: str | None  # the id of the need, outcome or work item it is about
    text: str


def agenda(case: Case, prompts: SupervisionPrompts) -> list[Question]:
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
        base = {"holder": case.holder_name(need), "need": need.wording.rstrip(".")}
        for template in concepts.need:
            ask("need", need.id, template, **base)
        for template in concepts.seriousness:
            ask("seriousness", need.id, template, **base)
        for outcome in need.outcomes or [None]:
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
    comment = Comment(text=text, about=about, author=author, role=role)  # type: ignore[arg-type]
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
