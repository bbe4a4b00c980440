"""prompts/interview.yml as a validated model, and the help screen's words.

Every word the interview says comes from here; a trainer may reword any of it. A question
for a step kind that does not exist, a missing one, or an unknown placeholder is refused on
load, with the file and line.
"""

from __future__ import annotations

import string
from typing import Literal

from pydantic import Field, model_validator

from assistant.content import Content, Strict
from assistant.interview.steps import KINDS

PLACEHOLDERS = {"name", "child", "need", "outcome", "work", "count", "limit", "text",
                "heard", "themes", "parent", "old", "date", "level", "said",
                # example dates kept ahead of today ("7 Dec 2026"), and the same date in
                # each way it may be typed ("7 Dec 2026, 07/12/2026 or 2026-12-07")
                "soon", "soon_forms", "later", "later_forms"}


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
    # Asked instead of ``ask`` when the person asked about is a child too young to say
    # much ("what does she say or show ...": a toddler shows more than says); the age is
    # the framework's young_child_below, the one place the plan's labels read it too.
    ask_young: str = ""
    # Asked instead of ``ask`` where the statement already says when in words the app
    # cannot turn into a date on its own ({said}: "by the end of the spring term", "by
    # her fifth birthday"): the question quotes them rather than asking from blank.
    ask_said: str = ""
    young_below: int | None = None
    """No longer read here: a prompts file of old that still gives it is told where it went."""

    @model_validator(mode="after")
    def _placeholders(self) -> QuestionText:
        for text in (self.ask, self.hint, self.ask_young, self.ask_said, *self.examples):
            _check_placeholders(text)
        if self.young_below is not None:
            raise ValueError("young_below has moved to framework/framework.yml as "
                             "young_child_below (one age for the interview and the plan): "
                             "remove it here")
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
    #: an answer to "Who?", "How often?" or "How will we know?" the coach reads as
    #: leaving out what was asked ({text}: the ``answer_lacks`` message)
    unclear_work: str = 'The work "{work}": {text}'
    unclear_outcome: str = 'The outcome "{outcome}": {text}'

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
    slow_for_serious: str = ""
    offered: str = Field(min_length=1)
    """The answer box when a question offers what the statement already says and its
    step has no message of its own (``<kind>_offered``); holds {text}, the offer."""
    owner_offered: str = ""
    frequency_offered: str = ""
    start_offered: str = ""
    measure_offered: str = ""
    by_offered: str = ""

    @model_validator(mode="after")
    def _offers_name_the_offer(self) -> Messages:
        """An offered answer's message says what Enter takes: without its placeholder
        the worker would not see the offer."""
        for field, value in self.model_dump().items():
            if not field.endswith("offered") or not value:
                continue
            wanted = "{owner}" if field == "owner_offered" else "{text}"
            if wanted not in value:
                raise ValueError(f"{field}: say what Enter takes with {wanted}")
        return self


class Reflection(Strict):
    """Words the story reflection uses: which capitalised words are never names.

    The words that name family members are the framework roles' words; ``family_words``
    (word -> role id) is read still from a prompts file written before, over them."""

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
    #: what the worker is told when the coach reads an answer to a question asked after a
    #: statement as leaving out what was asked, by the coach's finding kind
    #: (``Coach.read_answer``): "no-frequency", "no-responsible", "no-measure-what",
    #: "no-measure-whom"; {text} is the answer as typed
    answer_lacks: dict[str, str] = {}

    @model_validator(mode="after")
    def _lacks_placeholders(self) -> InterviewPrompts:
        for text in self.answer_lacks.values():
            _check_placeholders(text)
        return self

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
