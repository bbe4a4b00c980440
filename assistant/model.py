"""The case model: people, needs, seriousness, outcomes, work and supervision.

Pydantic v2 models with messages a worker can read. Text is cleaned of control
characters on the way in (:mod:`assistant.textsafe`). Values defined by the framework
content (roles, seriousness ratings, outcome domains...) are checked against it when a
:class:`~assistant.content.Framework` is passed as validation context; the model itself
hard-codes no scale.
"""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StringConstraints,
    ValidationError,
    ValidationInfo,
    field_validator,
    model_validator,
)
from pydantic_core import ErrorDetails

from assistant.dates import loose
from assistant.textsafe import clean_text

SCHEMA_VERSION = 2

SHORT = 2_000
LONG = 200_000


def clean_input(value: Any) -> Any:
    """Control characters out, surrounding space off: how every typed string comes in."""
    return clean_text(value).strip() if isinstance(value, str) else value


ShortText = Annotated[str, BeforeValidator(clean_input), StringConstraints(max_length=SHORT)]
LongText = Annotated[str, BeforeValidator(clean_input), StringConstraints(max_length=LONG)]
Required = Annotated[ShortText, StringConstraints(min_length=1)]
REFERENCE_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9 ._/-]{0,39}$"
Sex = Literal["female", "male", "other", "not recorded"]
Ident = Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9_-]{1,40}$")]
#: a date read the way a person writes one anywhere in the app (assistant.dates)
Day = Annotated[date, BeforeValidator(loose)]


def new_id() -> str:
    return uuid.uuid4().hex[:8]


def now() -> datetime:
    return datetime.now(UTC).replace(microsecond=0)


def _framework_choice(field: str) -> Any:
    """A validator that checks a value against a list in the framework content, if given."""

    def check(value: str | None, info: ValidationInfo) -> str | None:
        framework = (info.context or {}).get("framework")
        if value is None or framework is None:
            return value
        allowed = framework.ids(field)
        if value not in allowed:
            raise ValueError(f"'{value}' is not one of: {', '.join(allowed)}")
        return value

    return check


def _framework_level(value: int, info: ValidationInfo) -> int:
    """A threshold level must be on the framework's scale (``threshold_levels``), if given.

    Why not a fixed range: the scale is content (a local authority may use four levels);
    without a framework (a case read back from the store) any level recorded stays readable.
    """
    framework = (info.context or {}).get("framework")
    if framework is not None and value not in framework.threshold_scale:
        allowed = ", ".join(str(level) for level in framework.threshold_scale)
        raise ValueError(f"level {value} is not on the threshold scale ({allowed})")
    return value


ThresholdLevel = Annotated[int, Field(ge=0), AfterValidator(_framework_level)]


class Model(BaseModel):
    model_config = ConfigDict(extra="forbid", validate_assignment=True)

    def __setattr__(self, name: str, value: Any) -> None:
        """Validate an assignment, and put the old value back if the model rejects it.

        Pydantic sets the field before running model-level validators, so a failed
        cross-check (a comment about an unknown item, say) would otherwise leave the
        invalid value in place.
        """
        if name not in type(self).model_fields:
            super().__setattr__(name, value)
            return
        old = self.__dict__.get(name)
        try:
            super().__setattr__(name, value)
        except ValidationError:
            self.__dict__[name] = old
            raise


def _a_name(value: str, info: ValidationInfo) -> str:
    """A person's name or initials holds a letter ('Mila', 'M.J.'): digits or marks alone
    ('12', '--') are a slip in the wrong field, and a plan would speak of "12's needs".

    Checked where a person is typed (the framework given as context, as for roles); a case
    read back from the store stays readable whatever an older version let through.
    """
    if (info.context or {}).get("framework") is not None and not any(
            ch.isalpha() for ch in value):
        raise ValueError(f"'{value}' has no letter; give a first name or initials, such as "
                         "'Mila' or 'M.J.'")
    return value


class Person(Model):
    """A child or family member, by role and first name or initials: never a full name."""

    id: Ident = Field(default_factory=new_id)
    role: Annotated[str, AfterValidator(_framework_choice("roles"))] = "child"
    name: Annotated[Required, StringConstraints(max_length=40), AfterValidator(_a_name)]
    age: Annotated[int, Field(ge=0, le=120)] | None = None
    date_of_birth: Day | None = None
    sex: Sex = "not recorded"


class Seriousness(Model):
    """What happens to the child if the need is not met, and how soon help must come."""

    consequences: Required
    rating: Annotated[str | None, AfterValidator(_framework_choice("seriousness"))] = None
    urgency: Annotated[str | None, AfterValidator(_framework_choice("urgency"))] = None
    threshold_level: ThresholdLevel | None = None
    safety: LongText = ""
    """What the worker answered when asked about immediate safety (top rating, help now)."""


class Outcome(Model):
    """A realistic, specific, measurable, dated change tied to one need."""

    id: Ident = Field(default_factory=new_id)
    statement: Required
    whose: Annotated[str, AfterValidator(_framework_choice("outcome_domains"))] = "child"
    measure: ShortText = ""
    target_date: Day | None = None


class WorkItem(Model):
    """A row of the child's plan: action, frequency, who, start date, outcome served."""

    id: Ident = Field(default_factory=new_id)
    action: Required
    who: ShortText = ""
    frequency: ShortText = ""
    start_date: Day | None = None
    outcome_id: Ident | None = None


class KeptWording(Model):
    """The worker kept their own wording against the coach's advice, and said why."""

    rule: ShortText
    wording: ShortText
    reason: Required
    at: datetime = Field(default_factory=now)


class Need(Model):
    id: Ident = Field(default_factory=new_id)
    holder: Ident
    wording: Required
    strengths: LongText = ""
    risks: LongText = ""
    seriousness: Seriousness | None = None
    outcomes: list[Outcome] = []
    work: list[WorkItem] = []
    kept_wording: list[KeptWording] = []
    status: Annotated[str, AfterValidator(_framework_choice("audit_status"))] = "unknown"
    child_voice: LongText = ""
    """What the child says about this need, in their words where possible."""
    parent_views: LongText = ""
    """What the parents or carers say about this need."""
    family_words: LongText = ""
    """How the worker would explain this need to the family: used by the family plan."""

    @model_validator(mode="after")
    def _work_serves_own_outcomes(self) -> Need:
        ids = {o.id for o in self.outcomes}
        if len(ids) != len(self.outcomes):
            raise ValueError("two outcomes of this need have the same id")
        for item in self.work:
            if item.outcome_id is not None and item.outcome_id not in ids:
                raise ValueError(
                    f"the work '{item.action}' serves an outcome ({item.outcome_id}) "
                    "that is not one of this need's outcomes"
                )
        return self


class Comment(Model):
    """A supervisor's or worker's question or comment, optionally about one item."""

    id: Ident = Field(default_factory=new_id)
    author: ShortText = ""
    role: Literal["supervisor", "worker"] = "supervisor"
    about: Ident | None = None
    text: Required
    at: datetime = Field(default_factory=now)
    resolved: bool = False


class AgreedAction(Model):
    id: Ident = Field(default_factory=new_id)
    action: Required
    owner: ShortText = ""
    due: Day | None = None
    done: bool = False
    done_on: Day | None = None


# --- reviews and distance travelled (seeds/004) ------------------------------------------


Score = Annotated[int, Field(ge=1, le=10)]


class Scores(Model):
    """Distance-travelled scores for one profile: the family, one child or one parent/carer.

    ``who`` is ``"family"`` for the family profile, else the person's id. Domains and the
    scale are framework content (framework/distance.yml); a lower score is better.
    """

    who: Ident
    scores: dict[Ident, Score] = {}


class OutcomeResult(Model):
    """One outcome's result at a review, with what shows it and when."""

    outcome_id: Ident
    statement: ShortText = ""
    """The outcome as worded at the review, so the record stands if it is later changed."""
    result: Annotated[str, AfterValidator(_framework_choice("outcome_results"))]
    evidence: LongText = ""
    evidence_date: date | None = None


class NeedReview(Model):
    """One need's status at a review and whether its seriousness has changed."""

    need_id: Ident
    status: Annotated[str, AfterValidator(_framework_choice("review_status"))]
    seriousness: Annotated[str, AfterValidator(_framework_choice("seriousness_change"))] = "same"


class CarriedForward(Model):
    """What happened to one outcome or piece of work after the review."""

    item_id: Ident
    kind: Literal["outcome", "work"]
    decision: Annotated[str, AfterValidator(_framework_choice("carry_forward"))] = "kept"
    was: ShortText = ""
    becomes: ShortText = ""


class Review(Model):
    """A review of the plan: results, status, new needs, the family's view, scores."""

    number: Annotated[int, Field(ge=1)]
    on: date
    outcomes: list[OutcomeResult] = []
    needs: list[NeedReview] = []
    new_needs: list[Ident] = []
    family_view: LongText = ""
    carried: list[CarriedForward] = []
    plan_result: Annotated[str | None, AfterValidator(_framework_choice("plan_results"))] = None
    scores: list[Scores] = []


class Case(Model):
    """One case, pseudonymous: a case reference, never a family name."""

    schema_version: int = SCHEMA_VERSION
    reference: Annotated[str, BeforeValidator(clean_input)] = Field(
        pattern=REFERENCE_PATTERN
    )
    worker: ShortText = ""
    worker_contact: ShortText = ""
    created: datetime = Field(default_factory=now)
    review_date: Day | None = None
    level_of_need: ThresholdLevel | None = None
    """The optional local threshold level for the case as a whole (framework threshold_levels)."""
    contingency: LongText = ""
    """If the plan is not working, what will happen."""
    distribution: list[ShortText] = []
    """Who the plan goes to."""
    story: LongText = ""
    child_voice: LongText = ""
    """What the children say about what is happening, asked after the story."""
    people: list[Person] = []
    needs: list[Need] = []
    comments: list[Comment] = []
    agreed_actions: list[AgreedAction] = []
    baseline: list[Scores] = []
    """Distance-travelled scores when the plan began (seeds/004, Appendix D)."""
    baseline_date: date | None = None
    reviews: list[Review] = []
    resume: dict[Annotated[str, StringConstraints(max_length=40)], ShortText] = {}
    """Legacy: where the interview was. Now kept beside the case by the store (not in a
    revision); read only to place a case saved by an older version."""

    @field_validator("schema_version")
    @classmethod
    def _known_version(cls, value: int) -> int:
        if value > SCHEMA_VERSION:
            raise ValueError(
                f"this case was written by a newer needs-led (schema {value}); "
                f"this version reads schema {SCHEMA_VERSION} and older"
            )
        if value < 1:
            raise ValueError("schema version must be 1 or more")
        return value

    @model_validator(mode="after")
    def _references_hold(self) -> Case:
        people = [p.id for p in self.people]
        if len(set(people)) != len(people):
            raise ValueError("two people in this case have the same id")
        for number, need in enumerate(self.needs, 1):
            if need.holder not in people:
                raise ValueError(
                    f"need {number} ('{need.wording[:60]}') is held by '{need.holder}', "
                    "who is not one of the people in this case"
                )
        known = set(people) | {n.id for n in self.needs}
        for need in self.needs:
            known |= {o.id for o in need.outcomes} | {w.id for w in need.work}
        for comment in self.comments:
            if comment.about is not None and comment.about not in known:
                raise ValueError(f"a comment is about '{comment.about}', which is not in this case")
        whose = set(people) | {"family"}
        for scores in [*self.baseline, *(s for r in self.reviews for s in r.scores)]:
            if scores.who not in whose:
                raise ValueError(f"distance-travelled scores are for '{scores.who}', who is "
                                 "not one of the people in this case (or 'family')")
        numbers = [r.number for r in self.reviews]
        if numbers != list(range(1, len(numbers) + 1)):
            raise ValueError("reviews must be numbered 1, 2, 3... in order")
        return self

    # --- convenience -------------------------------------------------------------------

    def person(self, person_id: str) -> Person | None:
        return next((p for p in self.people if p.id == person_id), None)

    def holder_name(self, need: Need) -> str:
        person = self.person(need.holder)
        return person.name if person else "?"

    def need(self, need_id: str) -> Need | None:
        return next((n for n in self.needs if n.id == need_id), None)

    def to_json(self) -> str:
        return self.model_dump_json(indent=2) + "\n"

    @classmethod
    def from_json(cls, text: str | bytes, framework: Any = None) -> Case:
        return cls.model_validate_json(text, context={"framework": framework})


# --- messages a worker can read -------------------------------------------------------

_LABELS = {
    "people": "person",
    "needs": "need",
    "outcomes": "outcome",
    "work": "work item",
    "comments": "comment",
    "agreed_actions": "agreed action",
    "kept_wording": "kept wording",
    "consequences": "what will happen if the need is not met",
    "target_date": "target date",
    "start_date": "start date",
    "date_of_birth": "date of birth",
    "threshold_level": "threshold level",
    "level_of_need": "level of need",
    "review_date": "review date",
    "worker_contact": "worker's contact",
    "child_voice": "what the child says",
    "parent_views": "what the parents say",
    "family_words": "in the family's words",
    "outcome_id": "outcome served",
    "reference": "case reference",
    "reviews": "review",
    "evidence_date": "evidence date",
    "family_view": "the family's view",
    "plan_result": "the plan's result",
    "baseline_date": "baseline date",
}


def _place(loc: tuple[int | str, ...]) -> str:
    parts: list[str] = []
    for part in loc:
        if isinstance(part, int):
            if parts:
                parts[-1] = f"{parts[-1]} {part + 1}"
            continue
        parts.append(_LABELS.get(part, part.replace("_", " ")))
    text = ", ".join(parts)
    return text[:1].upper() + text[1:]


def _reason(error: ErrorDetails) -> str:
    kind = error["type"]
    ctx = error.get("ctx", {})
    if kind == "missing":
        return "is required"
    if kind in ("string_too_short", "too_short"):
        return "is empty; please write something here"
    if kind in ("string_too_long", "too_long"):
        limit = ctx.get("max_length")
        return f"is too long (the most it can hold is {limit:,} characters)"
    if kind == "string_pattern_mismatch" and error["loc"][-1:] == ("reference",):
        return "must be 1-40 letters, digits, spaces or . _ / - (a case reference, not a name)"
    if kind == "extra_forbidden":
        return "is not a field this version knows"
    if kind in ("date_from_datetime_parsing", "date_parsing", "date_type"):
        return "is not a date (write it as YYYY-MM-DD)"
    message = error["msg"]
    return message.removeprefix("Value error, ").removeprefix("Assertion failed, ")


def explain(exc: ValidationError) -> list[str]:
    """One readable line per problem, e.g. ``Need 2, outcome 1, target date: is not a date``."""
    lines = []
    for error in exc.errors():
        place = _place(tuple(error["loc"]))
        reason = _reason(error)
        lines.append(f"{place}: {reason}" if place else reason[:1].upper() + reason[1:])
    return lines
