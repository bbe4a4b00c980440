"""Each kind of question the interview asks, in one table.

A :class:`Step` says what a question is about (the case, a person, a need, an outcome or a
piece of work), where it comes in the conversation (its phase), how it reads and writes the
case, and when it is asked. A new question is one :class:`Step` in :data:`STEPS` and one
entry in ``prompts/interview.yml``; nothing else compares step kinds.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal

from assistant.dates import show_date
from assistant.model import Case, Need, Outcome, Person, Seriousness, WorkItem

if TYPE_CHECKING:
    from assistant.interview import Interview

Scope = Literal["case", "person", "need", "outcome", "work"]


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
    #: whom the coach speaks of for this answer: the holder, except where the question
    #: asks about someone else (a parent's need's seriousness asks what will happen to the
    #: child, so the coach asks about that child too)
    coach_holder: str | None = None
    number: int = 0
    total: int = 0
    multiline: bool = True
    scope: str = "case"
    describe_choices: bool = False
    hint_shown: bool = False
    #: an answer read from what the worker already wrote, offered when the step has none
    #: (the owner a work statement names, for "Who will do this?"; how often and from
    #: when, for a work item; the measure and date, for an outcome)
    offered: str = ""


class SafeFormat(dict):
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
    #: show the hint with the question, not only on request (the safety guidance)
    hint_shown: bool = False
    #: an answer to offer when the step has none yet (see ``Question.offered``)
    offer: Reader | None = None
    #: the answer is read by the coach for what the question asks ("Who?", "How often?",
    #: "How will we know?"), as the statement before it is (``Interview.answer_reader``)
    examined: bool = False


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
                SafeFormat(date=show_date(value))))

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
        if listname in ("seriousness", "urgency"):
            iv.note_pace(at)

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
        raise AnswerError(iv.prompts.messages.no_parent.format_map(SafeFormat(parent=word)))
    need = Need(holder=person.id, wording=text)
    iv.case.needs = [*iv.case.needs, need]
    iv.notes.append(iv.prompts.messages.added_need.format_map(SafeFormat(name=person.name)))
    return None


def safety_shown(iv: Interview, at: At) -> bool:
    ser = at.ser
    if ser is None:
        return False
    first = iv.framework.ids("urgency")[0]
    return ser.rating in iv.framework.safety_ratings and ser.urgency == first


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
    iv.notes.append(iv.prompts.messages.added_people.format_map(SafeFormat(text=", ".join(added))))


def _has_story(iv: Interview, at: At) -> bool:
    return bool(iv.case.story)


def _child_says_shown(iv: Interview, at: At) -> bool:
    return bool(iv.case.story) and any(iv.is_child(p.id) for p in iv.case.people)


def _work_unanswered(iv: Interview, at: At) -> bool:
    return at.need is not None and at.outcome is not None and not any(
        w.outcome_id == at.outcome.id for w in at.need.work)


def _owner_offer(iv: Interview, at: At) -> str:
    """The owner the work statement already names ("Family support worker to visit ...",
    "Mum will take Leo ..."), read by the interview's offer reader (the coach's work
    reading, when one is loaded; the same read gives the frequency and start offered
    after it); "" when the item has an owner or none is named."""
    item = at.work
    reader = iv.offer_reader
    if item is None or item.who or not item.action.strip() or reader is None:
        return ""
    return reader(item.action, "work", iv.today, iv.case).get("owner", "")


def _offer_of(name: str) -> Reader:
    """An offer for the step that asks ``name`` of a work item ("frequency", "start") or
    an outcome ("measure", "by"): what its statement already says ("every Tuesday from 7
    December", "on at least 4 days a week by the end of March 2027"), read by the
    interview's offer reader (the coach's, when one is loaded), dates against the
    interview's today. "" when the item has that answer already, or the statement does
    not say it, or a date read does not pass as a typed one would."""

    def offer(iv: Interview, at: At) -> str:
        reader = iv.offer_reader
        if reader is None:
            return ""
        if name in ("frequency", "start"):
            item = at.work
            if item is None or (item.frequency if name == "frequency" else item.start_date):
                return ""
            text, stage = item.action, "work"
        else:
            outcome = at.outcome
            if outcome is None or (outcome.measure if name == "measure"
                                   else outcome.target_date):
                return ""
            text, stage = outcome.statement, "outcome"
        if not text.strip():
            return ""
        said = reader(text, stage, iv.today, iv.case).get(name, "")
        if said and name in ("start", "by"):
            try:
                iv.parse_date(said)
            except AnswerError:
                return ""
        return said

    return offer


def _said_when(iv: Interview, at: At) -> dict[str, str]:
    """For "By what date?": the words the outcome already says when in ({said}: "by the
    end of the spring term", "by her fifth birthday"), where the offer reader reads no
    date from them; nothing when a date is offered, or the outcome is dated already."""
    outcome, reader = at.outcome, iv.offer_reader
    if outcome is None or outcome.target_date is not None or reader is None \
            or not outcome.statement.strip():
        return {}
    said = reader(outcome.statement, "outcome", iv.today, iv.case)
    return {"said": said["when"]} if said.get("when") and not said.get("by") else {}


def _worker_read(iv: Interview, at: At) -> str:
    case = at.case
    return ", ".join(part for part in (case.worker, case.worker_contact) if part)


def _worker_write(iv: Interview, at: At, text: str) -> None:
    """'Sam Okafor, 0161 555 0192': the name, then (after the first comma) the contact."""
    name, _, contact = text.partition(",")
    at.case.worker = name.strip()
    at.case.worker_contact = contact.strip()


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
    # the parent's own need is written here: the coach reads it as it reads any need
    Step("whose_need", "need", "need", "need", _empty, _parent_need, shown=_parent_shown,
         extra=_parent_extra, coach="need"),
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
         _safety_write, shown=safety_shown, hint_shown=True,
         unanswered=lambda iv, at: safety_shown(iv, at) and not (at.ser and at.ser.safety)),
    # outcomes of each need
    Step("outcome", "outcome", "outcome", "outcome", *_outcome, coach="outcome"),
    Step("whose", "outcome", "outcome", "outcome",
         *_choice("outcome", "whose", "outcome_domains"), choices="outcome_domains",
         multiline=False),
    Step("measure", "outcome", "outcome", "outcome", *_text("outcome", "measure"),
         offer=_offer_of("measure"), examined=True),
    Step("by", "outcome", "outcome", "outcome", *_date("outcome", "target_date"),
         multiline=False, offer=_offer_of("by"), extra=_said_when),
    Step("outcome_new", "outcome", "outcomes", "need", _empty, _new_outcome, coach="outcome",
         unanswered=lambda iv, at: at.need is not None and not at.need.outcomes),
    # the work towards each outcome
    Step("work", "work", "work", "work", *_action, coach="work"),
    Step("who", "work", "work", "work", *_text("work", "who"), offer=_owner_offer,
         examined=True),
    Step("frequency", "work", "work", "work", *_text("work", "frequency"),
         offer=_offer_of("frequency"), examined=True),
    Step("start", "work", "work", "work", *_date("work", "start_date"), multiline=False,
         offer=_offer_of("start")),
    Step("work_new", "work", "works", "outcome", _empty, _new_work, coach="work",
         unanswered=_work_unanswered),
    # what the documents need
    Step("worker", "plan", "documents", "case", _worker_read, _worker_write, multiline=False),
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


def need_ids(need: Need | None) -> set[str]:
    if need is None:
        return set()
    return {need.id} | {o.id for o in need.outcomes} | {w.id for w in need.work}
