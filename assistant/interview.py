"""The interview: which question comes next, what an answer changes, and the gaps.

A pure-Python state machine over a :class:`~assistant.model.Case`, so the conversation can
be driven and tested without a screen (the Textual app is only its face). Every word the
assistant says comes from ``prompts/interview.yml``.

The sequence of steps is recomputed from the case after every answer: the story; the
needs of each person in turn; the seriousness of each need; the outcomes of each need;
the work for each outcome; then a review. A step is named by a stable key such as
``consequences:n1``, kept in ``case.resume["step"]`` so a reopened case resumes exactly.
"""

from __future__ import annotations

import string
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any, Literal

from pydantic import Field, ValidationError, model_validator

from assistant.content import Content, Framework, Strict
from assistant.model import Case, KeptWording, Need, Outcome, Person, Seriousness, WorkItem, explain

Kind = Literal[
    "story",
    "need_new", "need",
    "consequences", "strengths", "risks", "rating", "urgency",
    "outcome_new", "outcome", "whose", "measure", "by",
    "work_new", "work", "who", "frequency", "start",
    "review",
]
KINDS: tuple[str, ...] = Kind.__args__  # type: ignore[attr-defined]

#: The framework concept each step belongs to (the panel title and the plan's column).
CONCEPT: dict[str, str] = {
    "story": "story",
    "need_new": "need", "need": "need",
    "consequences": "seriousness", "strengths": "seriousness", "risks": "seriousness",
    "rating": "seriousness", "urgency": "seriousness",
    "outcome_new": "outcome", "outcome": "outcome", "whose": "outcome", "measure": "outcome",
    "by": "outcome",
    "work_new": "work", "work": "work", "who": "work", "frequency": "work", "start": "work",
    "review": "review",
}

#: Steps whose text the wording coach checks, and at which stage.
COACHED: dict[str, str] = {
    "need_new": "need", "need": "need",
    "outcome_new": "outcome", "outcome": "outcome",
    "work_new": "work", "work": "work",
}

PLACEHOLDERS = {"name", "child", "need", "outcome", "work", "count", "limit", "text"}


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


class InterviewPrompts(Strict):
    """prompts/interview.yml: one entry per step kind, the gap messages and the limits."""

    opening: str
    questions: dict[str, QuestionText]
    gaps: GapTexts
    asked_later: dict[Literal["need", "outcome", "work"], list[str]] = {}
    limits: Limits = Limits()
    messages: Messages

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


@dataclass(frozen=True)
class Gap:
    kind: str
    message: str
    key: str


class _Safe(dict):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def parse_date(text: str) -> date:
    """ISO (2027-02-15) or British (15/02/2027, 15-02-2027, 15.02.2027) dates."""
    text = text.strip()
    for fmt in ("%Y-%m-%d", "%d/%m/%Y", "%d-%m-%Y", "%d.%m.%Y", "%d/%m/%y"):
        try:
            return datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    raise ValueError(text)


class Interview:
    """The conversation over one case. Mutates ``case`` in place; the caller saves it."""

    def __init__(self, case: Case, content: Content,
                 prompts: InterviewPrompts | None = None) -> None:
        self.case = case
        self.content = content
        self.framework: Framework = content.framework
        self.prompts = prompts or load_prompts(content)
        keys = self.steps()
        saved = case.resume.get("step")
        self.key = saved if saved in keys else self._first_open(keys)
        self._remember()

    # --- the sequence -------------------------------------------------------------------

    def _people_order(self) -> list[Person]:
        return list(self.case.people)

    def needs_in_order(self) -> list[Need]:
        order = {p.id: i for i, p in enumerate(self.case.people)}
        return sorted(self.case.needs, key=lambda n: order.get(n.holder, len(order)))

    def steps(self) -> list[str]:
        """Every step of the conversation for the case as it stands now, in order."""
        keys = ["story:"]
        for person in self._people_order():
            keys += [f"need:{n.id}" for n in self.case.needs if n.holder == person.id]
            keys.append(f"need_new:{person.id}")
        needs = self.needs_in_order()
        for need in needs:
            keys += [f"consequences:{need.id}", f"strengths:{need.id}", f"risks:{need.id}"]
            if need.seriousness is not None:
                keys += [f"rating:{need.id}", f"urgency:{need.id}"]
        for need in needs:
            for outcome in need.outcomes:
                keys += [f"{k}:{outcome.id}" for k in ("outcome", "whose", "measure", "by")]
            keys.append(f"outcome_new:{need.id}")
        for need in needs:
            for outcome in need.outcomes:
                for item in need.work:
                    if item.outcome_id == outcome.id:
                        keys += [f"{k}:{item.id}" for k in ("work", "who", "frequency", "start")]
                keys.append(f"work_new:{outcome.id}")
            for item in need.work:
                if item.outcome_id is None:
                    keys += [f"{k}:{item.id}" for k in ("work", "who", "frequency", "start")]
        keys.append("review:")
        return keys

    def _first_open(self, keys: list[str]) -> str:
        """Where to start a case with no saved position: the first unanswered step."""
        for key in keys:
            kind, target = key.split(":", 1)
            if kind == "story" and not self.case.story:
                return key
            if kind == "need_new" and not any(n.holder == target for n in self.case.needs):
                return key
            if kind == "consequences" and self._need(target).seriousness is None:
                return key
            if kind == "outcome_new" and not self._need(target).outcomes:
                return key
            if kind == "work_new":
                need, _ = self._outcome(target)
                if not any(w.outcome_id == target for w in need.work):
                    return key
        return "review:"

    def _remember(self) -> None:
        self.case.resume = {**self.case.resume, "step": self.key}

    # --- lookups ------------------------------------------------------------------------

    def _need(self, need_id: str) -> Need:
        need = self.case.need(need_id)
        if need is None:
            raise KeyError(need_id)
        return need

    def _outcome(self, outcome_id: str) -> tuple[Need, Outcome]:
        for need in self.case.needs:
            for outcome in need.outcomes:
                if outcome.id == outcome_id:
                    return need, outcome
        raise KeyError(outcome_id)

    def _work(self, work_id: str) -> tuple[Need, WorkItem]:
        for need in self.case.needs:
            for item in need.work:
                if item.id == work_id:
                    return need, item
        raise KeyError(work_id)

    def _main_child(self) -> str:
        child = next((p for p in self.case.people if self._is_child(p.id)), None)
        return child.name if child else "the child"

    def _context(self, kind: str, target: str) -> tuple[dict[str, str], Need | None]:
        """The placeholder values for a step, and the need it is about (if any)."""
        values: dict[str, str] = {"child": self._main_child()}
        need: Need | None = None
        if kind == "need_new":
            person = self.case.person(target)
            values["name"] = person.name if person else "?"
        elif kind in ("need", "consequences", "strengths", "risks", "rating", "urgency",
                      "outcome_new"):
            need = self._need(target)
        elif kind in ("outcome", "whose", "measure", "by", "work_new"):
            need, outcome = self._outcome(target)
            values["outcome"] = outcome.statement
        elif kind in ("work", "who", "frequency", "start"):
            need, item = self._work(target)
            values["work"] = item.action
            if item.outcome_id:
                values["outcome"] = self._outcome(item.outcome_id)[1].statement
        if need is not None:
            values["name"] = self.case.holder_name(need)
            values["need"] = need.wording
        # statements are quoted inside questions: "...father". reads better than "...father.".
        for name in ("need", "outcome", "work"):
            if name in values:
                values[name] = values[name].rstrip(" .")
        if kind in ("consequences", "strengths", "risks", "rating", "urgency") and need:
            values["child"] = (
                values["name"] if self._is_child(need.holder) else self._main_child()
            )
        return values, need

    def _is_child(self, person_id: str) -> bool:
        person = self.case.person(person_id)
        return person is not None and person.role in self.framework.child_roles

    def _value(self, kind: str, target: str) -> str:
        """The current answer for a step, so the worker edits rather than retypes."""
        if kind == "story":
            return self.case.story
        if kind in ("need_new", "outcome_new", "work_new", "review"):
            return ""
        if kind in ("need", "consequences", "strengths", "risks", "rating", "urgency"):
            need = self._need(target)
            ser = need.seriousness
            return {
                "need": need.wording,
                "consequences": ser.consequences if ser else "",
                "strengths": need.strengths,
                "risks": need.risks,
                "rating": (ser.rating or "") if ser else "",
                "urgency": (ser.urgency or "") if ser else "",
            }[kind]
        if kind in ("outcome", "whose", "measure", "by"):
            _, outcome = self._outcome(target)
            return {
                "outcome": outcome.statement,
                "whose": outcome.whose,
                "measure": outcome.measure,
                "by": outcome.target_date.isoformat() if outcome.target_date else "",
            }[kind]
        _, item = self._work(target)
        return {
            "work": item.action,
            "who": item.who,
            "frequency": item.frequency,
            "start": item.start_date.isoformat() if item.start_date else "",
        }[kind]

    def _choices(self, kind: str) -> list[Choice]:
        name = {"rating": "seriousness", "urgency": "urgency", "whose": "outcome_domains"}.get(kind)
        if name is None:
            return []
        return [Choice(c.id, c.label, c.description) for c in getattr(self.framework, name)]

    # --- the question now ---------------------------------------------------------------

    def question(self, key: str | None = None) -> Question:
        key = key or self.key
        kind, target = key.split(":", 1)
        text = self.prompts.questions[kind]
        values, _ = self._context(kind, target)
        keys = self.steps()
        fmt = _Safe(values)
        return Question(
            key=key,
            kind=kind,
            concept=CONCEPT[kind],
            title=text.title,
            text=text.ask.format_map(fmt),
            hint=text.hint.format_map(fmt),
            examples=[e.format_map(fmt) for e in text.examples],
            value=self._value(kind, target),
            choices=self._choices(kind),
            coach_stage=COACHED.get(kind),
            holder=values.get("name"),
            number=keys.index(key) + 1 if key in keys else 0,
            total=len(keys),
        )

    def relevant(self, findings: list[Any], stage: str | None) -> list[Any]:
        """The coach's findings worth raising now: not those a later step asks about."""
        later = set(self.prompts.asked_later.get(stage, [])) if stage else set()  # type: ignore[call-overload]
        return [f for f in findings if f.kind not in later]

    # --- moving -------------------------------------------------------------------------

    def goto(self, key: str) -> Question:
        if key not in self.steps():
            raise KeyError(key)
        self.key = key
        self._remember()
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
        self.key = keys[min(len(keys) - 1, keys.index(key) + 1)]
        self._remember()

    # --- answering ----------------------------------------------------------------------

    def _choice(self, kind: str, text: str) -> str | None:
        text = text.strip()
        if not text:
            return None
        choices = self._choices(kind)
        if text.isdigit() and 1 <= int(text) <= len(choices):
            return choices[int(text) - 1].id
        low = text.lower()
        for choice in choices:
            if low in (choice.id.lower(), choice.label.lower()):
                return choice.id
        starts = [c for c in choices if c.label.lower().startswith(low) or c.id.startswith(low)]
        if len(starts) == 1:
            return starts[0].id
        raise AnswerError(self.prompts.messages.bad_choice.format_map(_Safe(text=text)))

    def _date(self, text: str) -> date | None:
        if not text.strip():
            return None
        try:
            return parse_date(text)
        except ValueError:
            raise AnswerError(
                self.prompts.messages.bad_date.format_map(_Safe(text=text.strip()))
            ) from None

    def _required(self, text: str) -> str:
        if not text.strip():
            raise AnswerError(self.prompts.messages.empty)
        return text

    def answer(self, text: str, kept: list[tuple[str, str]] | None = None) -> Question:
        """Take the worker's answer to the current step, change the case, and move on.

        ``kept`` lists (rule, reason) pairs: coach findings the worker chose to keep their
        wording against, with why; they are recorded on the need for a supervisor.
        Raises :class:`AnswerError` (nothing changed) if the answer cannot be taken.
        """
        kind, target = self.key.split(":", 1)
        text = text.strip()
        try:
            moved = self._apply(kind, target, text)
        except ValidationError as exc:
            raise AnswerError("; ".join(explain(exc))) from None
        if kept and text:
            need = self._need_of(moved or self.key)
            for rule, reason in kept:
                need.kept_wording = [
                    *need.kept_wording, KeptWording(rule=rule, wording=text, reason=reason)
                ]
        self._after(moved or self.key)
        return self.question()

    def _need_of(self, key: str) -> Need:
        kind, target = key.split(":", 1)
        if kind in ("need", "outcome_new", "consequences"):
            return self._need(target)
        if kind in ("outcome", "work_new"):
            return self._outcome(target)[0]
        if kind == "work":
            return self._work(target)[0]
        raise KeyError(key)

    def _apply(self, kind: str, target: str, text: str) -> str | None:
        """Change the case; return the key of a newly created item's step, if any."""
        case = self.case
        if kind == "story":
            case.story = text
        elif kind == "need_new":
            if not text:
                return None
            need = Need(holder=target, wording=text)
            case.needs = [*case.needs, need]
            return f"need:{need.id}"
        elif kind == "need":
            self._need(target).wording = self._required(text)
        elif kind == "consequences":
            need = self._need(target)
            if not text:
                if need.seriousness is not None:
                    raise AnswerError(self.prompts.messages.empty)
                return None
            if need.seriousness is None:
                need.seriousness = Seriousness(consequences=text)
            else:
                need.seriousness.consequences = text
        elif kind == "strengths":
            self._need(target).strengths = text
        elif kind == "risks":
            self._need(target).risks = text
        elif kind in ("rating", "urgency"):
            ser = self._need(target).seriousness
            if ser is not None:
                setattr(ser, kind, self._choice(kind, text))
        elif kind == "outcome_new":
            if not text:
                return None
            need = self._need(target)
            whose = "child" if self._is_child(need.holder) else "family"
            if whose not in self.framework.ids("outcome_domains"):
                whose = self.framework.ids("outcome_domains")[0]
            outcome = Outcome(statement=text, whose=whose)
            need.outcomes = [*need.outcomes, outcome]
            return f"outcome:{outcome.id}"
        elif kind == "outcome":
            self._outcome(target)[1].statement = self._required(text)
        elif kind == "whose":
            choice = self._choice(kind, text)
            if choice is not None:
                self._outcome(target)[1].whose = choice
        elif kind == "measure":
            self._outcome(target)[1].measure = text
        elif kind == "by":
            self._outcome(target)[1].target_date = self._date(text)
        elif kind == "work_new":
            if not text:
                return None
            need, _ = self._outcome(target)
            item = WorkItem(action=text, outcome_id=target)
            need.work = [*need.work, item]
            return f"work:{item.id}"
        elif kind == "work":
            self._work(target)[1].action = self._required(text)
        elif kind == "who":
            self._work(target)[1].who = text
        elif kind == "frequency":
            self._work(target)[1].frequency = text
        elif kind == "start":
            self._work(target)[1].start_date = self._date(text)
        return None

    def remove(self) -> Question:
        """Delete the need, outcome or work item the current step is about."""
        kind, target = self.key.split(":", 1)
        keys = self.steps()
        index = keys.index(self.key)
        if kind in ("need", "consequences", "strengths", "risks", "rating", "urgency"):
            self.case.needs = [n for n in self.case.needs if n.id != target]
        elif kind in ("outcome", "whose", "measure", "by"):
            need, _ = self._outcome(target)
            need.work = [w.model_copy(update={"outcome_id": None}) if w.outcome_id == target
                         else w for w in need.work]
            need.outcomes = [o for o in need.outcomes if o.id != target]
        elif kind in ("work", "who", "frequency", "start"):
            need, _ = self._work(target)
            need.work = [w for w in need.work if w.id != target]
        else:
            return self.question()
        new_keys = self.steps()
        earlier = [k for k in keys[:index] if k in new_keys]
        self.key = earlier[-1] if earlier else new_keys[0]
        self._remember()
        return self.question()

    # --- the picture --------------------------------------------------------------------

    def gaps(self) -> list[Gap]:
        """What is missing from the plan, each with the step that would fill it."""
        texts = self.prompts.gaps
        gaps: list[Gap] = []
        case = self.case
        if not case.people:
            gaps.append(Gap("no_people", texts.no_people, "story:"))
        for person in case.people:
            if self._is_child(person.id) and not any(n.holder == person.id for n in case.needs):
                gaps.append(Gap("child_without_needs",
                                texts.child_without_needs.format_map(_Safe(name=person.name)),
                                f"need_new:{person.id}"))
        outcomes = 0
        for need in self.needs_in_order():
            values = _Safe(name=case.holder_name(need), need=need.wording.rstrip(" ."))
            if need.seriousness is None or need.seriousness.rating is None:
                key = "consequences" if need.seriousness is None else "rating"
                gaps.append(Gap("no_seriousness", texts.no_seriousness.format_map(values),
                                f"{key}:{need.id}"))
            if not need.outcomes:
                gaps.append(Gap("no_outcome", texts.no_outcome.format_map(values),
                                f"outcome_new:{need.id}"))
            for outcome in need.outcomes:
                outcomes += 1
                ov = _Safe(outcome=outcome.statement.rstrip(" ."))
                if not outcome.measure:
                    gaps.append(Gap("no_measure", texts.no_measure.format_map(ov),
                                    f"measure:{outcome.id}"))
                if outcome.target_date is None:
                    gaps.append(Gap("no_date", texts.no_date.format_map(ov), f"by:{outcome.id}"))
                if not any(w.outcome_id == outcome.id for w in need.work):
                    gaps.append(Gap("no_work", texts.no_work.format_map(ov),
                                    f"work_new:{outcome.id}"))
            for item in need.work:
                if item.outcome_id is None:
                    work = _Safe(work=item.action.rstrip(" ."))
                    gaps.append(Gap("orphan_work", texts.orphan_work.format_map(work),
                                    f"work:{item.id}"))
        limit = self.prompts.limits.many_outcomes
        if outcomes > limit:
            gaps.append(Gap("too_many_outcomes",
                            texts.too_many_outcomes.format_map(_Safe(count=outcomes, limit=limit)),
                            "review:"))
        low = Counter(n.holder for n in case.needs
                      if n.seriousness is not None and n.seriousness.rating == "low")
        for holder, count in low.items():
            if count >= self.prompts.limits.low_needs:
                person = case.person(holder)
                gaps.append(Gap("low_adds_up", texts.low_adds_up.format_map(
                    _Safe(name=person.name if person else "?", count=count)), "review:"))
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
