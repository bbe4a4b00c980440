"""The interview: which question comes next, what an answer changes, and the gaps.

A pure-Python conversation over a :class:`~assistant.model.Case`, so it can be driven and
tested without a screen (the Textual app is only its face). Every word the assistant says
comes from ``prompts/interview.yml``.

Each kind of question is one :class:`Step` in :data:`STEPS`: what it is about (the case, a
person, a need, an outcome or a piece of work), where it comes in the conversation (its
phase), how it reads and writes the case, and when it is asked. A new question is one
entry in ``prompts/interview.yml`` and one ``Step``; nothing else compares step kinds.

The sequence is recomputed from the case after every answer: the story and what it told
us; each person's needs in turn, with what the holder says about each; each need's
seriousness; each need's outcomes; the work for each outcome; what the documents need;
then a review. A step is named by a stable key such as ``consequences:n1``. Where the
worker is (the key) is not part of the case: the caller keeps it beside the case, so
moving around never changes the case.
"""

from __future__ import annotations

import re
import string
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Literal, get_args

from pydantic import Field, ValidationError, model_validator

from assistant.content import Content, Framework, Strict
from assistant.dates import parse_date, show_date
from assistant.model import (
    Case,
    KeptWording,
    Need,
    Outcome,
    Person,
    Seriousness,
    Sex,
    WorkItem,
    explain,
)

Scope = Literal["case", "person", "need", "outcome", "work"]

PLACEHOLDERS = {"name", "child", "need", "outcome", "work", "count", "limit", "text",
                "heard", "themes", "parent", "old", "date", "level"}


def _check_placeholders(text: str) -> str:
    for _, name, _, _ in string.Formatter().parse(text):
        if name is not None and name not in PLACEHOLDERS:
            raise ValueError(
                f"unknown placeholder {{{name}}} (use one of: {', '.join(sorted(PLACEHOLDERS))})"
            )
    return text


class QuestionText(Strict):
    title: str
    ask: str
    hint: str = ""
    examples: list[str] = []

    @model_validator(mode="after")
    def _placeholders(self) -> QuestionText:
        for text in (self.ask, self.hint, *self.examples):
            _check_placeholders(text)
        return self


class GapTexts(Strict):
    no_people: str
    child_without_needs: str
    no_seriousness: str
    no_outcome: str
    no_work: str
    orphan_work: str
    no_date: str
    no_measure: str
    too_many_outcomes: str
    low_adds_up: str
    past_date: str
    work_after_outcome: str
    no_review_date: str
    no_safety: str

    @model_validator(mode="after")
    def _placeholders(self) -> GapTexts:
        for text in self.model_dump().values():
            _check_placeholders(text)
        return self


class Limits(Strict):
    many_outcomes: int = Field(8, ge=1)
    low_needs: int = Field(3, ge=2)


class Messages(Strict):
    empty: str
    bad_date: str
    bad_choice: str
    kept_dropped: str = ""
    past_date: str = ""
    low_adds_up: str = ""
    added_people: str = ""
    bad_person: str = ""
    no_parent: str = ""
    added_need: str = ""


class Reflection(Strict):
    """Words the story reflection uses: which words name family members, and which
    capitalised words are never names."""

    family_words: dict[str, str] = {}
    not_names: list[str] = []
    nobody_new: str = ""
    no_themes: str = ""


class InterviewPrompts(Strict):
    """prompts/interview.yml: one entry per step kind, the gap messages and the limits."""

    opening: str
    questions: dict[str, QuestionText]
    gaps: GapTexts
    asked_later: dict[Literal["need", "outcome", "work"], list[str]] = {}
    limits: Limits = Limits()
    messages: Messages
    reflection: Reflection = Reflection()

    @model_validator(mode="after")
    def _every_kind(self) -> InterviewPrompts:
        missing = [k for k in KINDS if k not in self.questions]
        unknown = [k for k in self.questions if k not in KINDS]
        if missing:
            raise ValueError(f"questions: missing {', '.join(missing)}")
        if unknown:
            raise ValueError(f"questions: unknown step {', '.join(unknown)}")
        return self


def load_prompts(content: Content) -> InterviewPrompts:
    return content.load(InterviewPrompts, "prompts", "interview.yml")


class AnswerError(ValueError):
    """An answer the interview cannot take; the message says what to write instead."""


@dataclass(frozen=True)
class Choice:
    id: str
    label: str
    description: str = ""


@dataclass(frozen=True)
class Question:
    """What the assistant asks now, with everything the screen needs to show it."""

    key: str
    kind: str
    concept: str
    title: str
    text: str
    hint: str
    examples: list[str]
    value: str
    choices: list[Choice] = field(default_factory=list)
    coach_stage: str | None = None
    holder: str | None = None
    number: int = 0
    total: int = 0
    multiline: bool = True
    scope: str = "case"
    describe_choices: bool = False


@dataclass(frozen=True)
class Gap:
    kind: str
    message: str
    key: str


class _Safe(dict):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


# --- what a step is about -----------------------------------------------------------------


@dataclass
class At:
    """The items a step is about: always the case; the person, need, outcome or work item
    where the step's scope has one."""

    case: Case
    person: Person | None = None
    need: Need | None = None
    outcome: Outcome | None = None
    work: WorkItem | None = None

    @property
    def ser(self) -> Seriousness | None:
        return self.need.seriousness if self.need else None


Reader = Callable[["Interview", At], str]
Writer = Callable[["Interview", At, str], "str | None"]
Test = Callable[["Interview", At], bool]


def _always(iv: Interview, at: At) -> bool:
    return True


def _never(iv: Interview, at: At) -> bool:
    return False


@dataclass(frozen=True)
class Step:
    """One kind of question.

    ``read`` gives the current answer (so the worker edits rather than retypes); ``write``
    changes the case and may return the key of a step to go to next (a new item's own);
    ``shown`` says whether the step is asked for this item; ``unanswered`` marks where a
    case opened without a position starts; ``choices`` names a framework list.
    """

    kind: str
    concept: str
    phase: str
    scope: Scope
    read: Reader
    write: Writer
    coach: str | None = None
    choices: str | None = None
    multiline: bool = True
    shown: Test = _always
    unanswered: Test = _never
    extra: Callable[[Interview, At], dict[str, str]] | None = None
    #: show each choice's description with the question (the threshold indicators)
    describe_choices: bool = False


# --- reading and writing helpers used by the step table ---------------------------------


def _text(obj: str, attr: str, required: bool = False) -> tuple[Reader, Writer]:
    """Read and write one text attribute of the step's item (``obj`` names it on At)."""

    def read(iv: Interview, at: At) -> str:
        return str(getattr(getattr(at, obj), attr) or "")

    def write(iv: Interview, at: At, text: str) -> None:
        if required and not text:
            raise AnswerError(iv.prompts.messages.empty)
        setattr(getattr(at, obj), attr, text)

    return read, write


def _date(obj: str, attr: str) -> tuple[Reader, Writer]:
    def read(iv: Interview, at: At) -> str:
        return show_date(getattr(getattr(at, obj), attr))

    def write(iv: Interview, at: At, text: str) -> None:
        value = iv.parse_date(text)
        setattr(getattr(at, obj), attr, value)
        if value is not None and value < iv.today:
            iv.notes.append(iv.prompts.messages.past_date.format_map(
                _Safe(date=show_date(value))))

    return read, write


def _choice(obj: str, attr: str, listname: str, as_int: bool = False) -> tuple[Reader, Writer]:
    def read(iv: Interview, at: At) -> str:
        item = getattr(at, obj)
        value = getattr(item, attr) if item is not None else None
        return "" if value is None else str(value)

    def write(iv: Interview, at: At, text: str) -> None:
        item = getattr(at, obj)
        chosen = iv.choose(listname, text)
        if item is None or chosen is None:
            return
        setattr(item, attr, int(chosen) if as_int else chosen)
        if listname == "seriousness":
            iv.note_low_needs(at)

    return read, write


def _ser_text(attr: str) -> tuple[Reader, Writer]:
    def read(iv: Interview, at: At) -> str:
        return str(getattr(at.ser, attr) or "") if at.ser else ""

    def write(iv: Interview, at: At, text: str) -> None:
        if at.ser is not None:
            setattr(at.ser, attr, text)

    return read, write


def _empty(iv: Interview, at: At) -> str:
    return ""


def _nothing(iv: Interview, at: At, text: str) -> None:
    return None


def _write_consequences(iv: Interview, at: At, text: str) -> None:
    need = at.need
    assert need is not None
    if not text:
        if need.seriousness is not None:
            raise AnswerError(iv.prompts.messages.empty)
        return
    if need.seriousness is None:
        need.seriousness = Seriousness(consequences=text)
    else:
        need.seriousness.consequences = text


def _new_need(iv: Interview, at: At, text: str) -> str | None:
    if not text or at.person is None:
        return None
    need = Need(holder=at.person.id, wording=text)
    iv.case.needs = [*iv.case.needs, need]
    return f"need:{need.id}"


def _new_outcome(iv: Interview, at: At, text: str) -> str | None:
    need = at.need
    if not text or need is None:
        return None
    domains = iv.framework.ids("outcome_domains")
    whose = "child" if iv.is_child(need.holder) else "family"
    outcome = Outcome(statement=text, whose=whose if whose in domains else domains[0])
    need.outcomes = [*need.outcomes, outcome]
    return f"outcome:{outcome.id}"


def _new_work(iv: Interview, at: At, text: str) -> str | None:
    if not text or at.need is None or at.outcome is None:
        return None
    item = WorkItem(action=text, outcome_id=at.outcome.id)
    at.need.work = [*at.need.work, item]
    return f"work:{item.id}"


def _voice_read(iv: Interview, at: At) -> str:
    assert at.need is not None
    return at.need.child_voice if iv.is_child(at.need.holder) else at.need.parent_views


def _voice_write(iv: Interview, at: At, text: str) -> None:
    assert at.need is not None
    if iv.is_child(at.need.holder):
        at.need.child_voice = text
    else:
        at.need.parent_views = text


def _views_shown(iv: Interview, at: At) -> bool:
    """The parents' views are asked separately only for a child's need."""
    return at.need is not None and iv.is_child(at.need.holder) and iv.has_adults()


def _parent_shown(iv: Interview, at: At) -> bool:
    return at.need is not None and iv.is_child(at.need.holder) and bool(iv.parent_in(at.need))


def _parent_extra(iv: Interview, at: At) -> dict[str, str]:
    assert at.need is not None
    return {"parent": iv.parent_in(at.need)}


def _parent_need(iv: Interview, at: At, text: str) -> str | None:
    """Record the parent's own need, written by the worker, under the parent's name."""
    if not text or at.need is None:
        return None
    word = iv.parent_in(at.need)
    person = iv.person_for(word)
    if person is None:
        raise AnswerError(iv.prompts.messages.no_parent.format_map(_Safe(parent=word)))
    need = Need(holder=person.id, wording=text)
    iv.case.needs = [*iv.case.needs, need]
    iv.notes.append(iv.prompts.messages.added_need.format_map(_Safe(name=person.name)))
    return None


def _safety_shown(iv: Interview, at: At) -> bool:
    ser = at.ser
    if ser is None:
        return False
    top = iv.framework.ids("seriousness")[-1]
    first = iv.framework.ids("urgency")[0]
    return ser.rating == top and ser.urgency == first


def _safety_write(iv: Interview, at: At, text: str) -> None:
    if not text:
        raise AnswerError(iv.prompts.messages.empty)
    assert at.ser is not None
    at.ser.safety = text


def _heard_extra(iv: Interview, at: At) -> dict[str, str]:
    return iv.reflect()


def _heard_write(iv: Interview, at: At, text: str) -> None:
    """Each line 'Name, role[, age]' adds a person the story named."""
    if not text:
        return
    added = []
    people = list(iv.case.people)
    for line in (part.strip() for part in re.split(r"[\n;]", text)):
        if not line:
            continue
        person = iv.person_from(line)
        people.append(person)
        added.append(person.name)
    iv.case.people = people
    iv.notes.append(iv.prompts.messages.added_people.format_map(_Safe(text=", ".join(added))))


def _has_story(iv: Interview, at: At) -> bool:
    return bool(iv.case.story)


def _child_says_shown(iv: Interview, at: At) -> bool:
    return bool(iv.case.story) and any(iv.is_child(p.id) for p in iv.case.people)


def _work_unanswered(iv: Interview, at: At) -> bool:
    return at.need is not None and at.outcome is not None and not any(
        w.outcome_id == at.outcome.id for w in at.need.work)


_story = _text("case", "story")
_need = _text("need", "wording", required=True)
_outcome = _text("outcome", "statement", required=True)
_action = _text("work", "action", required=True)

#: Every kind of question, in the order each phase asks them.
STEPS: tuple[Step, ...] = (
    # the story, and what it told us
    Step("story", "story", "start", "case", *_story, unanswered=lambda iv, at: not iv.case.story),
    Step("heard", "story", "start", "case", _empty, _heard_write, shown=_has_story,
         extra=_heard_extra),
    Step("child_says", "story", "start", "case", *_text("case", "child_voice"),
         shown=_child_says_shown),
    # each need as written, with what the holder says about it
    Step("need", "need", "need", "need", *_need, coach="need"),
    Step("whose_need", "need", "need", "need", _empty, _parent_need, shown=_parent_shown,
         extra=_parent_extra),
    Step("voice", "need", "need", "need", _voice_read, _voice_write),
    Step("views", "need", "need", "need", *_text("need", "parent_views"), shown=_views_shown),
    Step("family_words", "need", "need", "need", *_text("need", "family_words")),
    Step("need_new", "need", "person", "person", _empty, _new_need, coach="need",
         unanswered=lambda iv, at: at.person is not None and not any(
             n.holder == at.person.id for n in iv.case.needs)),
    # seriousness of each need
    Step("consequences", "seriousness", "seriousness", "need",
         lambda iv, at: at.ser.consequences if at.ser else "", _write_consequences,
         coach="seriousness", unanswered=lambda iv, at: at.ser is None),
    Step("strengths", "seriousness", "seriousness", "need", *_text("need", "strengths")),
    Step("risks", "seriousness", "seriousness", "need", *_text("need", "risks")),
    Step("rating", "seriousness", "seriousness", "need",
         *_choice("ser", "rating", "seriousness"), choices="seriousness", multiline=False,
         shown=lambda iv, at: at.ser is not None),
    Step("urgency", "seriousness", "seriousness", "need",
         *_choice("ser", "urgency", "urgency"), choices="urgency", multiline=False,
         shown=lambda iv, at: at.ser is not None),
    Step("safety", "seriousness", "seriousness", "need", *_ser_text("safety")[:1],
         _safety_write, shown=_safety_shown,
         unanswered=lambda iv, at: _safety_shown(iv, at) and not (at.ser and at.ser.safety)),
    # outcomes of each need
    Step("outcome", "outcome", "outcome", "outcome", *_outcome, coach="outcome"),
    Step("whose", "outcome", "outcome", "outcome",
         *_choice("outcome", "whose", "outcome_domains"), choices="outcome_domains",
         multiline=False),
    Step("measure", "outcome", "outcome", "outcome", *_text("outcome", "measure")),
    Step("by", "outcome", "outcome", "outcome", *_date("outcome", "target_date"),
         multiline=False),
    Step("outcome_new", "outcome", "outcomes", "need", _empty, _new_outcome, coach="outcome",
         unanswered=lambda iv, at: at.need is not None and not at.need.outcomes),
    # the work towards each outcome
    Step("work", "work", "work", "work", *_action, coach="work"),
    Step("who", "work", "work", "work", *_text("work", "who")),
    Step("frequency", "work", "work", "work", *_text("work", "frequency")),
    Step("start", "work", "work", "work", *_date("work", "start_date"), multiline=False),
    Step("work_new", "work", "works", "outcome", _empty, _new_work, coach="work",
         unanswered=_work_unanswered),
    # what the documents need
    Step("worker", "plan", "documents", "case", *_text("case", "worker"), multiline=False),
    Step("review_date", "plan", "documents", "case", *_date("case", "review_date"),
         multiline=False),
    Step("level", "plan", "documents", "case",
         *_choice("case", "level_of_need", "threshold_levels", as_int=True),
         choices="threshold_levels", multiline=False, describe_choices=True),
    Step("status", "plan", "status", "need", *_choice("need", "status", "audit_status"),
         choices="audit_status", multiline=False),
    Step("review", "review", "end", "case", _empty, _nothing),
)

KINDS: tuple[str, ...] = tuple(s.kind for s in STEPS)
STEP: dict[str, Step] = {s.kind: s for s in STEPS}
#: The framework concept each step belongs to (the panel title and the plan's column).
CONCEPT: dict[str, str] = {s.kind: s.concept for s in STEPS}
#: Steps whose text the wording coach checks, and at which stage.
COACHED: dict[str, str] = {s.kind: s.coach for s in STEPS if s.coach}


def statements(need: Need) -> set[str]:
    """Every statement of a need a kept-wording reason can be about."""
    return ({need.wording} | {o.statement for o in need.outcomes}
            | {w.action for w in need.work})


class Interview:
    """The conversation over one case. Mutates ``case`` in place; the caller saves it, and
    keeps :attr:`key` (where the worker is) beside it."""

    def __init__(self, case: Case, content: Content,
                 prompts: InterviewPrompts | None = None, position: str | None = None,
                 today: date | None = None) -> None:
        self.case = case
        self.content = content
        self.framework: Framework = content.framework
        self.prompts = prompts or load_prompts(content)
        self.today = today or date.today()
        #: what the last answer changed beyond itself, for the screen to say
        self.notes: list[str] = []
        keys = self.steps()
        legacy = case.resume.get("step")
        if position in keys:
            self.key = position
        elif legacy in keys:
            self.key = legacy
        else:
            self.key = self._first_open(keys)

    # --- the sequence -------------------------------------------------------------------

    def needs_in_order(self) -> list[Need]:
        order = {p.id: i for i, p in enumerate(self.case.people)}
        return sorted(self.case.needs, key=lambda n: order.get(n.holder, len(order)))

    def _keys(self, phase: str, at: At, ident: str) -> list[str]:
        return [f"{s.kind}:{ident}" for s in STEPS if s.phase == phase and s.shown(self, at)]

    def steps(self) -> list[str]:
        """Every step of the conversation for the case as it stands now, in order."""
        case = self.case
        root = At(case)
        keys = self._keys("start", root, "")
        for person in case.people:
            for need in (n for n in case.needs if n.holder == person.id):
                keys += self._keys("need", At(case, person, need), need.id)
            keys += self._keys("person", At(case, person), person.id)
        needs = self.needs_in_order()
        for need in needs:
            keys += self._keys("seriousness", At(case, need=need), need.id)
        for need in needs:
            for outcome in need.outcomes:
                keys += self._keys("outcome", At(case, need=need, outcome=outcome), outcome.id)
            keys += self._keys("outcomes", At(case, need=need), need.id)
        for need in needs:
            for outcome in need.outcomes:
                for item in (w for w in need.work if w.outcome_id == outcome.id):
                    keys += self._keys("work", At(case, need=need, outcome=outcome, work=item),
                                       item.id)
                keys += self._keys("works", At(case, need=need, outcome=outcome), outcome.id)
            for item in (w for w in need.work if w.outcome_id is None):
                keys += self._keys("work", At(case, need=need, work=item), item.id)
        keys += self._keys("documents", root, "")
        for need in needs:
            keys += self._keys("status", At(case, need=need), need.id)
        keys += self._keys("end", root, "")
        return keys

    def _first_open(self, keys: list[str]) -> str:
        """Where to start a case with no saved position: the first unanswered step."""
        for key in keys:
            step, at = self._resolve(key)
            if step.unanswered(self, at):
                return key
        return "review:"

    # --- lookups ------------------------------------------------------------------------

    def _resolve(self, key: str) -> tuple[Step, At]:
        kind, target = key.split(":", 1)
        step = STEP[kind]
        return step, self.at(step.scope, target)

    def about(self, key: str) -> At:
        """The items a step's key is about; KeyError if they are not in the case."""
        return self._resolve(key)[1]

    def at(self, scope: str, target: str) -> At:
        """The items an id names, for a step of ``scope``; KeyError if it is not in the case."""
        case = self.case
        if scope == "case":
            return At(case)
        if scope == "person":
            person = case.person(target)
            if person is None:
                raise KeyError(target)
            return At(case, person)
        for need in case.needs:
            holder = case.person(need.holder)
            if scope == "need" and need.id == target:
                return At(case, holder, need)
            if scope == "outcome":
                for outcome in need.outcomes:
                    if outcome.id == target:
                        return At(case, holder, need, outcome)
            if scope == "work":
                for item in need.work:
                    if item.id == target:
                        outcome = next((o for o in need.outcomes if o.id == item.outcome_id),
                                       None)
                        return At(case, holder, need, outcome, item)
        raise KeyError(target)

    def _main_child(self) -> str:
        child = next((p for p in self.case.people if self.is_child(p.id)), None)
        return child.name if child else "the child"

    def is_child(self, person_id: str) -> bool:
        person = self.case.person(person_id)
        return person is not None and person.role in self.framework.child_roles

    def has_adults(self) -> bool:
        return any(not self.is_child(p.id) for p in self.case.people)

    def _values(self, step: Step, at: At) -> dict[str, str]:
        """The placeholder values for a step."""
        values: dict[str, str] = {"child": self._main_child()}
        if at.person is not None:
            values["name"] = at.person.name
        if at.need is not None:
            values["name"] = self.case.holder_name(at.need)
            values["need"] = at.need.wording
        if at.outcome is not None:
            values["outcome"] = at.outcome.statement
        if at.work is not None:
            values["work"] = at.work.action
        # statements are quoted inside questions: "...father". reads better than "...father.".
        for name in ("need", "outcome", "work"):
            if name in values:
                values[name] = values[name].rstrip(" .")
        if step.concept == "seriousness" and at.need is not None:
            values["child"] = (values["name"] if self.is_child(at.need.holder)
                               else self._main_child())
        if step.extra is not None:
            values.update(step.extra(self, at))
        return values

    def choices(self, listname: str | None) -> list[Choice]:
        if listname is None:
            return []
        return [Choice(c.id, c.label, c.description) for c in getattr(self.framework, listname)]

    # --- the question now ---------------------------------------------------------------

    def question(self, key: str | None = None) -> Question:
        key = key or self.key
        step, at = self._resolve(key)
        text = self.prompts.questions[step.kind]
        values = self._values(step, at)
        keys = self.steps()
        fmt = _Safe(values)
        return Question(
            key=key,
            kind=step.kind,
            concept=step.concept,
            title=text.title,
            text=text.ask.format_map(fmt),
            hint=text.hint.format_map(fmt),
            examples=[e.format_map(fmt) for e in text.examples],
            value=step.read(self, at),
            choices=self.choices(step.choices),
            coach_stage=step.coach,
            holder=values.get("name"),
            number=keys.index(key) + 1 if key in keys else 0,
            total=len(keys),
            multiline=step.multiline,
            scope=step.scope,
            describe_choices=step.describe_choices,
        )

    def relevant(self, findings: list[Any], stage: str | None) -> list[Any]:
        """The coach's findings worth raising now: not those a later step asks about."""
        later = set(self.prompts.asked_later.get(stage, [])) if stage else set()  # type: ignore[call-overload]
        return [f for f in findings if f.kind not in later]

    # --- moving: never changes the case -------------------------------------------------

    def goto(self, key: str) -> Question:
        if key not in self.steps():
            raise KeyError(key)
        self.key = key
        return self.question()

    def back(self) -> Question:
        keys = self.steps()
        index = keys.index(self.key)
        return self.goto(keys[max(0, index - 1)])

    def skip(self) -> Question:
        """Move on without changing anything."""
        keys = self.steps()
        index = keys.index(self.key)
        return self.goto(keys[min(len(keys) - 1, index + 1)])

    def _after(self, key: str) -> None:
        keys = self.steps()
        if key in keys:
            self.key = keys[min(len(keys) - 1, keys.index(key) + 1)]
        elif self.key not in keys:
            self.key = self._first_open(keys)

    # --- answering ----------------------------------------------------------------------

    def choose(self, listname: str, text: str) -> str | None:
        """The id of the choice ``text`` names (its number, id, label or a unique start)."""
        text = text.strip()
        if not text:
            return None
        choices = self.choices(listname)
        if text.isdigit() and listname != "threshold_levels" and 1 <= int(text) <= len(choices):
            return choices[int(text) - 1].id
        low = text.lower()
        for choice in choices:
            if low in (choice.id.lower(), choice.label.lower()):
                return choice.id
        starts = [c for c in choices if c.label.lower().startswith(low) or c.id.startswith(low)]
        if len(starts) == 1:
            return starts[0].id
        raise AnswerError(self.prompts.messages.bad_choice.format_map(_Safe(text=text)))

    def parse_date(self, text: str) -> date | None:
        if not text.strip():
            return None
        try:
            return parse_date(text)
        except ValueError:
            raise AnswerError(
                self.prompts.messages.bad_date.format_map(_Safe(text=text.strip()))
            ) from None

    def answer(self, text: str, kept: list[tuple[str, str]] | None = None) -> Question:
        """Take the worker's answer to the current step, change the case, and move on.

        ``kept`` lists (rule, reason) pairs: coach findings the worker chose to keep their
        wording against, with why; they are recorded on the need for a supervisor. A
        reason kept for wording that has since changed is dropped, with a note.
        Raises :class:`AnswerError` (nothing changed) if the answer cannot be taken.
        """
        step, at = self._resolve(self.key)
        text = text.strip()
        before = self.case.model_copy(deep=True)
        self.notes = []
        try:
            moved = step.write(self, at, text)
        except (ValidationError, AnswerError) as exc:
            self._restore(before)
            if isinstance(exc, AnswerError):
                raise
            raise AnswerError("; ".join(explain(exc))) from None
        if kept and text:
            new_at = self._resolve(moved)[1] if moved else at
            need = new_at.need
            if need is not None:
                need.kept_wording = [*need.kept_wording, *(
                    KeptWording(rule=rule, wording=text, reason=reason) for rule, reason in kept)]
        self._drop_stale_kept()
        self._after(moved or self.key)
        return self.question()

    def _restore(self, before: Case) -> None:
        for name in type(before).model_fields:
            self.case.__dict__[name] = before.__dict__[name]

    def _drop_stale_kept(self) -> None:
        for need in self.case.needs:
            now = statements(need)
            stale = [k for k in need.kept_wording if k.wording not in now]
            if stale:
                need.kept_wording = [k for k in need.kept_wording if k.wording in now]
                for kept in stale:
                    self.notes.append(self.prompts.messages.kept_dropped.format_map(
                        _Safe(old=kept.wording.rstrip(" ."), text=kept.reason)))

    def note_low_needs(self, at: At) -> None:
        """Name it when low-level needs of one person start to add up."""
        if at.need is None:
            return
        low = self.framework.ids("seriousness")[0]
        count = sum(1 for n in self.case.needs if n.holder == at.need.holder
                    and n.seriousness is not None and n.seriousness.rating == low)
        if count >= self.prompts.limits.low_needs and at.ser and at.ser.rating == low:
            self.notes.append(self.prompts.messages.low_adds_up.format_map(
                _Safe(name=self.case.holder_name(at.need), count=count)))

    # --- removing -----------------------------------------------------------------------

    def item_of(self, key: str) -> tuple[str, str] | None:
        """(scope, id) of the need, outcome or work item a step edits; None for others."""
        kind, target = key.split(":", 1)
        scope = STEP[kind].scope
        if scope in ("need", "outcome", "work") and not kind.endswith("_new"):
            return scope, target
        return None

    def describe(self, key: str) -> str:
        """'need "…"': what :meth:`remove` would delete, for a confirmation."""
        item = self.item_of(key)
        if item is None:
            return ""
        at = self.at(*item)
        text = {"need": at.need.wording if at.need else "",
                "outcome": at.outcome.statement if at.outcome else "",
                "work": at.work.action if at.work else ""}[item[0]]
        label = {"need": "need", "outcome": "outcome", "work": "piece of work"}[item[0]]
        return f'{label} "{text[:80]}"'

    def remove(self, key: str | None = None) -> Question:
        """Delete the need, outcome or work item a step (the current one by default) is
        about. An outcome's work stays, serving no outcome."""
        key = key or self.key
        item = self.item_of(key)
        if item is None:
            return self.question()
        scope, target = item
        keys = self.steps()
        at = self.at(scope, target)
        if scope == "need":
            self.case.needs = [n for n in self.case.needs if n.id != target]
            self.case.comments = [c for c in self.case.comments if c.about not in
                                  _ids(at.need)]
        elif scope == "outcome" and at.need is not None:
            need = at.need
            need.work = [w.model_copy(update={"outcome_id": None}) if w.outcome_id == target
                         else w for w in need.work]
            self.case.comments = [c for c in self.case.comments if c.about != target]
            need.outcomes = [o for o in need.outcomes if o.id != target]
        elif scope == "work" and at.need is not None:
            self.case.comments = [c for c in self.case.comments if c.about != target]
            at.need.work = [w for w in at.need.work if w.id != target]
        new_keys = self.steps()
        if self.key not in new_keys:
            index = keys.index(self.key) if self.key in keys else 0
            earlier = [k for k in keys[:index] if k in new_keys]
            self.key = earlier[-1] if earlier else new_keys[0]
        self._drop_stale_kept()
        return self.question()

    # --- people -------------------------------------------------------------------------

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
            raise AnswerError(self.prompts.messages.bad_person.format_map(_Safe(text=line)))
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
        words = self.prompts.reflection.family_words
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
                    gone |= _ids(need)
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
        adult_roles = {r.id for r in self.framework.roles if not r.child} - {"family"}
        for word, role in self.prompts.reflection.family_words.items():
            if role in adult_roles and re.search(rf"\b{re.escape(word)}('s)?\b", wording,
                                                 re.IGNORECASE):
                person = next((p for p in self.case.people if p.role == role), None)
                return person.name if person else word
        return ""

    # --- the story, reflected back ------------------------------------------------------

    def names_in_story(self) -> list[str]:
        """Capitalised words in the story that look like names of people not in the case."""
        known = {p.name.lower() for p in self.case.people}
        not_names = {w.lower() for w in self.prompts.reflection.not_names}
        seen: list[str] = []
        for match in re.finditer(r"\b([A-Z][a-z]+(?:-[A-Z][a-z]+)?)(?:'s)?\b", self.case.story):
            word = match.group(1)
            low = word.lower()
            if (low in known or low in not_names or low.removesuffix("s") in not_names
                    or low in self.prompts.reflection.family_words):
                continue
            if any(low == r.id or low == r.label.lower() for r in self.framework.roles):
                continue
            if word not in seen:
                seen.append(word)
        return seen

    def family_in_story(self) -> list[str]:
        """Family words in the story ('gran', 'stepdad') whose role nobody in the case has."""
        roles = {p.role for p in self.case.people}
        found: list[str] = []
        low = self.case.story.lower()
        for word, role in self.prompts.reflection.family_words.items():
            if role not in roles and re.search(rf"\b{re.escape(word)}('s)?\b", low) \
                    and word not in found:
                found.append(word)
        return found

    def story_themes(self, limit: int = 4) -> list[str]:
        """The Need Group themes whose words the story uses most (framework/themes.yml)."""
        from assistant.needgroups.themes import load_themes

        try:
            themes = load_themes(self.content)
        except Exception:  # themes are optional for a reflection
            return []
        low = self.case.story.lower()
        score: Counter[str] = Counter()
        labels: dict[str, str] = {}
        for theme in themes.themes:
            labels[theme.id] = theme.label
            for term in theme.terms:
                stem = re.escape(term.lower()[:-1] if term.lower().endswith("e") else
                                 term.lower())
                hits = len(re.findall(rf"\b{stem}\w*", low))
                if hits:
                    score[theme.id] += hits * (2 if " " in term else 1)
        return [labels[t] for t, _ in score.most_common(limit)]

    def reflect(self) -> dict[str, str]:
        """What the story told us: who ({heard}) and what ({themes})."""
        words = self.prompts.reflection
        people = [f"{p.name} ({self.framework.label('roles', p.role).lower()})"
                  for p in self.case.people]
        new = self.names_in_story() + self.family_in_story()
        heard = ", ".join(people)
        if new:
            heard += "; and, not in the case yet: " + ", ".join(new)
        elif words.nobody_new:
            heard += f". {words.nobody_new}"
        themes = self.story_themes()
        return {"heard": heard, "themes": ", ".join(themes).lower() if themes
                else words.no_themes}

    # --- the picture --------------------------------------------------------------------

    def gaps(self) -> list[Gap]:
        """What is missing or does not add up in the plan, each with the step that would
        fill it."""
        texts = self.prompts.gaps
        gaps: list[Gap] = []
        case = self.case

        def add(kind: str, template: str, key: str, **values: Any) -> None:
            gaps.append(Gap(kind, template.format_map(_Safe(values)), key))

        if not case.people:
            add("no_people", texts.no_people, "story:")
        for person in case.people:
            if self.is_child(person.id) and not any(n.holder == person.id for n in case.needs):
                add("child_without_needs", texts.child_without_needs,
                    f"need_new:{person.id}", name=person.name)
        outcomes = 0
        for need in self.needs_in_order():
            values = {"name": case.holder_name(need), "need": need.wording.rstrip(" .")}
            at = At(case, need=need)
            if need.seriousness is None or need.seriousness.rating is None:
                key = "consequences" if need.seriousness is None else "rating"
                add("no_seriousness", texts.no_seriousness, f"{key}:{need.id}", **values)
            elif _safety_shown(self, at) and not need.seriousness.safety:
                add("no_safety", texts.no_safety, f"safety:{need.id}", **values)
            if not need.outcomes:
                add("no_outcome", texts.no_outcome, f"outcome_new:{need.id}", **values)
            for outcome in need.outcomes:
                outcomes += 1
                ov = {"outcome": outcome.statement.rstrip(" ."),
                      "date": show_date(outcome.target_date)}
                if not outcome.measure:
                    add("no_measure", texts.no_measure, f"measure:{outcome.id}", **ov)
                if outcome.target_date is None:
                    add("no_date", texts.no_date, f"by:{outcome.id}", **ov)
                elif outcome.target_date < self.today:
                    add("past_date", texts.past_date, f"by:{outcome.id}", **ov)
                work = [w for w in need.work if w.outcome_id == outcome.id]
                if not work:
                    add("no_work", texts.no_work, f"work_new:{outcome.id}", **ov)
                for item in work:
                    if (item.start_date and outcome.target_date
                            and item.start_date > outcome.target_date):
                        add("work_after_outcome", texts.work_after_outcome,
                            f"start:{item.id}", **ov, work=item.action.rstrip(" ."),
                            text=show_date(item.start_date))
            for item in need.work:
                if item.outcome_id is None:
                    add("orphan_work", texts.orphan_work, f"work:{item.id}",
                        work=item.action.rstrip(" ."))
        if outcomes and case.review_date is None:
            add("no_review_date", texts.no_review_date, "review_date:")
        limit = self.prompts.limits.many_outcomes
        if outcomes > limit:
            add("too_many_outcomes", texts.too_many_outcomes, "review:", count=outcomes,
                limit=limit)
        low = self.framework.ids("seriousness")[0]
        lows = Counter(n.holder for n in case.needs
                       if n.seriousness is not None and n.seriousness.rating == low)
        for holder, count in lows.items():
            if count >= self.prompts.limits.low_needs:
                person = case.person(holder)
                add("low_adds_up", texts.low_adds_up, "review:",
                    name=person.name if person else "?", count=count)
        return gaps

    def picture(self) -> str:
        """The cumulative picture in one line: how many needs, for whom, how serious."""
        case = self.case
        if not case.needs:
            return "No needs yet."
        per = Counter(case.holder_name(n) for n in self.needs_in_order())
        whom = ", ".join(f"{name} {count}" for name, count in per.items())
        ratings = Counter(n.seriousness.rating for n in case.needs
                          if n.seriousness is not None and n.seriousness.rating)
        order = self.framework.ids("seriousness")
        how = ", ".join(f"{ratings[r]} {self.framework.label('seriousness', r).lower()}"
                        for r in reversed(order) if ratings[r])
        unrated = len(case.needs) - sum(ratings.values())
        if unrated:
            how = f"{how}, {unrated} not rated" if how else f"{unrated} not rated"
        outcomes = sum(len(n.outcomes) for n in case.needs)
        work = sum(len(n.work) for n in case.needs)
        needs = len(case.needs)
        return (f"{needs} need{'s' * (needs != 1)} ({whom}); {how}; "
                f"{outcomes} outcome{'s' * (outcomes != 1)}; {work} work item{'s' * (work != 1)}")


def _ids(need: Need | None) -> set[str]:
    if need is None:
        return set()
    return {need.id} | {o.id for o in need.outcomes} | {w.id for w in need.work}


class HelpPrompts(Strict):
    """prompts/help.yml: the words of the help screen around the framework's concepts."""

    title: str
    intro: str
    avoid_heading: str
    prefer_heading: str
    keys_heading: str
    keys: list[str]
    coach_heading: str
    coach: str


def help_markdown(content: Content) -> str:
    """The help screen as Markdown: the four concepts with the seeds' own examples."""
    words = content.load(HelpPrompts, "prompts", "help.yml")
    lines = [f"# {words.title}", "", words.intro, ""]
    for number, concept in enumerate(content.framework.concepts, 1):
        lines += [f"## {number}. {concept.title}", "", f"*{concept.question}*", "",
                  concept.explanation, ""]
        if concept.avoid:
            lines += [words.avoid_heading, "", *[f"- ~~{e}~~" for e in concept.avoid], ""]
        if concept.prefer:
            lines += [words.prefer_heading, "", *[f"- {e}" for e in concept.prefer], ""]
    lines += [f"## {words.coach_heading}", "", words.coach, "", f"## {words.keys_heading}", ""]
    lines += [f"- {k}" for k in words.keys]
    return "\n".join(lines) + "\n"
