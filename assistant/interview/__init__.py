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
from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

from pydantic import ValidationError

from assistant import dates
from assistant.content import Content, Framework
from assistant.interview.gaps import Gap, Gaps
from assistant.interview.people import People
from assistant.interview.prompts import (
    PLACEHOLDERS,
    HelpPrompts,
    InterviewPrompts,
    help_markdown,
    load_prompts,
)
from assistant.interview.steps import (
    COACHED,
    CONCEPT,
    KINDS,
    STEP,
    STEPS,
    AnswerError,
    At,
    Choice,
    Question,
    SafeFormat,
    Scope,
    Step,
    need_ids,
    statements,
)
from assistant.interview.story import Story
from assistant.model import Case, KeptWording, Need, Person, explain

__all__ = [
    "COACHED", "CONCEPT", "KINDS", "PLACEHOLDERS", "STEP", "STEPS", "AnswerError", "At",
    "Choice", "Gap", "HelpPrompts", "Interview", "InterviewPrompts", "Question", "Scope",
    "Step", "help_markdown", "load_prompts",
]

#: how many positions' questions :meth:`Interview.question` keeps built (the screen asks
#: for the current one and, around it, a few others)
ASKED_KEPT = 16


def _example_dates() -> dict[str, str]:
    """Example dates for the date questions, kept ahead of the app's today: the first
    Monday at least a week on ("soon", for a start) and twelve weeks on ("later", for an
    outcome or a review). Why: a fixed example ("9 Nov 2026") is soon in the past, and a
    worker copying its shape would be told the date has passed."""
    day = dates.today()
    soon = day + timedelta(days=7 + (-day.weekday()) % 7)
    later = day + timedelta(weeks=12)
    out: dict[str, str] = {}
    for name, value in (("soon", soon), ("later", later)):
        out[name] = dates.show_date(value)
        out[f"{name}_forms"] = (f"{dates.show_date(value)}, {value:%d/%m/%Y} or "
                                f"{value.isoformat()}")
    return out


class Interview(People, Story, Gaps):
    """The conversation over one case. Mutates ``case`` in place; the caller saves it, and
    keeps :attr:`key` (where the worker is) beside it."""

    def __init__(self, case: Case, content: Content,
                 prompts: InterviewPrompts | None = None, position: str | None = None,
                 today: date | None = None) -> None:
        self.case = case
        self.content = content
        self.framework: Framework = content.framework
        self.prompts = prompts or load_prompts(content)
        self.today = today or dates.today()
        #: what the last answer changed beyond itself, for the screen to say
        self.notes: list[str] = []
        #: reads what a work item or outcome statement already says of the questions
        #: after it, from one parse (text, stage, today, case) -> {"owner": ...,
        #: "frequency": ..., "start": ..., "measure": ..., "by": ...}; set by a caller
        #: that has the coach loaded (``Coach.read_offers``), so the interview itself
        #: never loads a pipeline
        self.offer_reader: Callable[[str, str, date, Case], dict[str, str]] | None = None
        #: reads what an answer to an examined step ("Who?", "How often?", "How will we
        #: know?") leaves out, as the coach's finding kinds (text, step kind, case) ->
        #: ["no-frequency", ...]; set by a caller that has the coach loaded
        #: (``Coach.read_answer``), as :attr:`offer_reader` is
        self.answer_reader: Callable[[str, str, Case], list[str]] | None = None
        #: the questions last built, by position, with the case as it was then (see
        #: :meth:`question`)
        self._asked: dict[str, tuple[str, Question]] = {}
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
                        served = next((o for o in need.outcomes if o.id == item.outcome_id),
                                      None)
                        return At(case, holder, need, served, item)
        raise KeyError(target)

    def _main_child_person(self) -> Person | None:
        """The first child recorded: whom a case-wide question ({child}) asks about."""
        return next((p for p in self.case.people if self.is_child(p.id)), None)

    def _main_child(self) -> str:
        child = self._main_child_person()
        return child.name if child else "the child"

    def is_child(self, person_id: str) -> bool:
        person = self.case.person(person_id)
        return person is not None and person.role in self.framework.child_roles

    def has_adults(self) -> bool:
        return any(not self.is_child(p.id) for p in self.case.people)

    def _values(self, step: Step, at: At) -> dict[str, str]:
        """The placeholder values for a step."""
        values: dict[str, str] = {"child": self._main_child(), **_example_dates()}
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
            # a parent's need not met happens to all the children in the case, not only
            # the first one recorded
            children = [p for p in self.case.people if self.is_child(p.id)]
            values["child"] = (values["name"] if self.is_child(at.need.holder)
                               else "the children" if len(children) > 1
                               else self._main_child())
        if step.extra is not None:
            values.update(step.extra(self, at))
        return values

    def _young(self, at: At) -> bool:
        """Whether the person a question asks about (the need's holder, else the step's
        person, else for a case-wide question the first child, whom {child} names) is a
        child too young to say much (:meth:`Framework.shows_more_than_says`)."""
        person_id = at.need.holder if at.need is not None else (
            at.person.id if at.person is not None else None)
        person = self.case.person(person_id) if person_id else self._main_child_person()
        return person is not None and self.framework.shows_more_than_says(person.role,
                                                                          person.age)

    def choices(self, listname: str | None) -> list[Choice]:
        if listname is None:
            return []
        return [Choice(c.id, c.label, c.description) for c in getattr(self.framework, listname)]

    # --- the question now ---------------------------------------------------------------

    def question(self, key: str | None = None) -> Question:
        """The question at ``key`` (default: where the worker is), built once for each
        state of the case.

        Why: the screen asks for the question on every keystroke (which stage the coach
        reads, whose need it is), and building some questions reads the whole case: "What
        I heard" reads the story for names and themes, seconds for a pasted referral. Built
        afresh each time, typing in that answer box froze the app for seconds a key. The
        question depends only on the position, the case and today (content and prompts
        do not change under an interview), so an unchanged case gives the same one."""
        key = key or self.key
        state = (f"{self.today.isoformat()} {self.offer_reader is not None}\n"
                 f"{self.case.model_dump_json()}")
        asked = self._asked.get(key)
        if asked is not None and asked[0] == state:
            return asked[1]
        question = self._build_question(key)
        if len(self._asked) >= ASKED_KEPT:
            self._asked.clear()
        self._asked[key] = (state, question)
        return question

    def _build_question(self, key: str) -> Question:
        step, at = self._resolve(key)
        text = self.prompts.questions[step.kind]
        values = self._values(step, at)
        keys = self.steps()
        fmt = SafeFormat(values)
        ask = text.ask_said if text.ask_said and values.get("said") \
            else text.ask_young if text.ask_young and self._young(at) \
            else text.ask
        return Question(
            key=key,
            kind=step.kind,
            concept=step.concept,
            title=text.title,
            text=ask.format_map(fmt),
            hint=text.hint.format_map(fmt),
            examples=[e.format_map(fmt) for e in text.examples],
            value=step.read(self, at),
            choices=self.choices(step.choices),
            coach_stage=step.coach,
            holder=values.get("name"),
            coach_holder=values.get("child") if step.coach == "seriousness"
            else values.get("parent") if step.kind == "whose_need" else values.get("name"),
            number=keys.index(key) + 1 if key in keys else 0,
            total=len(keys),
            multiline=step.multiline,
            scope=step.scope,
            describe_choices=step.describe_choices,
            hint_shown=step.hint_shown,
            offered=step.offer(self, at) if step.offer is not None else "",
        )

    def offer_prompt(self, question: Question) -> str:
        """What the answer box says when the question offers an answer (its placeholder):
        the step's message in prompts/interview.yml ("Enter takes “Every Tuesday”, as the
        work says, or type another answer"), else the file's ``offered``; "" when nothing
        is offered."""
        if not question.offered:
            return ""
        messages = self.prompts.messages
        said = (messages.owner_offered if question.kind == "who" else
                getattr(messages, f"{question.kind}_offered", "")) or messages.offered
        quoted = f"\u201c{question.offered}\u201d"
        return said.replace("{owner}", quoted).replace("{text}", quoted)

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
        named = self._named_in(low, choices)
        if named is not None:
            return named
        raise AnswerError(self.prompts.messages.bad_choice.format_map(SafeFormat(text=text)))

    def _named_in(self, low: str, choices: list[Any]) -> str | None:
        """The one choice whose label a longer answer names as a whole word ("pretty
        high", "High, I think"), where nothing in it denies ("not high") and no other
        choice is named ("between moderate and high" asks again).

        Why: a worker answers a supervisor's "how serious is it?" in words; refusing
        "pretty high" as "not one of the choices" reads like a form, not a conversation."""
        from assistant.wordlists import english

        words = set(re.findall(r"[a-z]+(?:'[a-z]+)?", low))
        negators = english(self.content).context.negators
        if any(w in negators or w.endswith("n't") for w in words):
            return None
        named = [c for c in choices
                 if re.search(rf"(?<![\w-]){re.escape(c.label.lower())}(?![\w-])", low)]
        return named[0].id if len(named) == 1 else None

    def parse_date(self, text: str) -> date | None:
        """A typed date: in one of the formats, or a phrase the offers read too ("next
        Monday", "the end of March", "in six weeks"), resolved against the app's today.
        Why: the worker who wrote "from next week" in a work statement is offered its date;
        typing the same words at the date question should be read the same way."""
        if not text.strip():
            return None
        from assistant.wordlists import english

        try:  # the one reading of a typed date, the command line's too
            return dates.read_date(text, self.today, words=english(self.content).time)
        except ValueError:
            raise AnswerError(
                # the shapes it reads, with a date ahead of today as the questions show
                self.prompts.messages.bad_date.format_map(
                    SafeFormat(text=text.strip(), **_example_dates()))
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
        if not text and step.offer is not None:
            text = step.offer(self, at)  # an empty answer takes what was offered
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
            if need is None or text not in statements(need):
                # a need written for someone else (the parent's own, at "Whose need is
                # it?"): the reason is kept with the need that holds the wording
                need = next((n for n in reversed(self.case.needs)
                             if text in statements(n)), need)
            if need is not None:
                need.kept_wording = [*need.kept_wording, *(
                    KeptWording(rule=rule, wording=text, reason=reason) for rule, reason in kept)]
        self._drop_stale_kept()
        if step.examined:
            self.notes.extend(self.lacking(step.kind, text))
        self._after(moved or self.key)
        return self.question()

    def lacking(self, kind: str, text: str) -> list[str]:
        """What the coach says an answer to the examined step ``kind`` leaves out ('"as
        needed" does not say how often: ...'), in the words of prompts/interview.yml
        (``answer_lacks``); [] for a step not examined, an empty answer, or without a
        coach (:attr:`answer_reader`).

        Why: a flag the coach leaves to a later question ("No frequency" on "SW to visit
        as needed") must be raised there if the answer does not give it either; the
        answer is kept as typed, and said to lack it."""
        reader = self.answer_reader
        if reader is None or not text.strip() or not STEP[kind].examined:
            return []
        said = self.prompts.answer_lacks
        return [said[k].format_map(SafeFormat(text=text.strip()))
                for k in reader(text, kind, self.case) if k in said]

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
                        SafeFormat(old=kept.wording.rstrip(" ."), text=kept.reason)))

    def note_low_needs(self, at: At) -> None:
        """Name it when low-level needs of one person start to add up."""
        if at.need is None:
            return
        low = self.framework.low_ratings
        count = sum(1 for n in self.case.needs if n.holder == at.need.holder
                    and n.seriousness is not None and n.seriousness.rating in low)
        if count >= self.prompts.limits.low_needs and at.ser and at.ser.rating in low:
            self.notes.append(self.prompts.messages.low_adds_up.format_map(
                SafeFormat(name=self.case.holder_name(at.need), count=count)))

    def note_pace(self, at: At) -> None:
        """Name it when a need rated serious is given the slowest help, or the reverse:
        seriousness decides how soon, how intense and how long help must be."""
        ser = at.ser
        if ser is None or ser.rating is None or ser.urgency is None or at.need is None:
            return
        ratings, urgencies = self.framework.ids("seriousness"), self.framework.ids("urgency")
        serious = ratings.index(ser.rating) >= len(ratings) - 2
        slowest = urgencies.index(ser.urgency) == len(urgencies) - 1
        if serious and slowest:
            self.notes.append(self.prompts.messages.slow_for_serious.format_map(SafeFormat(
                name=self.case.holder_name(at.need),
                text=self.framework.label("seriousness", ser.rating).lower(),
                date=self.framework.label("urgency", ser.urgency).lower())))

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
        return f'{label} "{text if len(text) <= 240 else text[:239] + "…"}"'

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
                                  need_ids(at.need)]
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
