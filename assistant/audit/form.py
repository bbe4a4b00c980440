"""The one-page audit-form record: needs identified and services provided, with no names.

An audit group reads a sample of these forms and "shuffles" the needs into Need Groups.
The form carries a case reference, each child's age band and sex, the highest threshold
level recorded, and each need as specifically worded with every person's name replaced
by a role label ("Child 1", "Mother"), so forms can be pooled without identifying anyone.

This module is the model only: what a form holds and what each field may be. Three shapes
share it: JSON (``AuditForm.model_dump_json``, documented by
``exports/audit-form.schema.json``, see :func:`json_schema`), CSV rows for pooling many
forms (:mod:`assistant.audit.csvcodec`), and the HTML page rendered by
:mod:`assistant.exporters`. A form is made from a case by :mod:`assistant.audit.redaction`.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StringConstraints,
    model_serializer,
    model_validator,
)

from assistant.dates import loose
from assistant.model import (
    REFERENCE_PATTERN,
    Sex,
    ShortText,
    ThresholdLevel,
    _framework_choice,
    clean_input,
)

if TYPE_CHECKING:
    from assistant.content import Framework

FORM_VERSION = 2
"""Version 2 adds the plan's review: how many reviews, the latest review's date, the
plan's overall result and distance travelled per domain. Version 1 forms still import."""
SCHEMA_ID = f"https://needs-led.invalid/schema/audit-form-{FORM_VERSION}.json"

AgeBand = Literal["pre-birth", "0-4", "5-9", "10-15", "16-17", "18+", "not known"]
HolderKind = Literal["child", "parent", "family"]
# A need's status, the plan's result and the level of need are on the framework's lists
# (audit_status, plan_results, threshold_levels): checked against the framework when one is
# given as validation context (``context={"framework": ...}``, as an import does), so a
# reader reports a bad value by line; without one a form still reads (and
# assistant.paperforms.check_forms checks it before it is pooled).
ChoiceId = Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9_-]{0,39}$")]
Status = Annotated[ChoiceId, AfterValidator(_framework_choice("audit_status"))]
PlanResult = Annotated[ChoiceId, AfterValidator(_framework_choice("plan_results"))]
Profile = Literal["family", "child", "parent"]


def _no_blanks(services: list[str]) -> list[str]:
    """A blank service records nothing; dropping it keeps JSON and CSV forms identical."""
    return [s for s in services if s]


Text = ShortText
Label = Annotated[str, BeforeValidator(clean_input),
                  StringConstraints(min_length=1, max_length=60)]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class AuditChild(_Model):
    """One child in the case, described only by label, age band and sex."""

    label: Label = Field(description='"Child 1", "Child 2" ... in the order of the case')
    age_band: AgeBand = Field(
        default="not known",
        description="Age band on the audit date, from the recorded age or date of birth",
    )
    sex: Sex = Field(
        default="not recorded", description="As recorded in the case"
    )


class AuditNeed(_Model):
    """One need as specifically worded, names replaced by role labels."""

    holder: Label = Field(description='A role label, never a name: "Child 1", "Mother"...')
    holder_kind: HolderKind = Field(
        description="Whose need: a child's, a parent's or carer's, or the family's as a whole"
    )
    wording: Annotated[Text, StringConstraints(min_length=1)] = Field(
        description="The need as specifically worded, each person's name replaced by a label"
    )
    seriousness: Text | None = Field(
        default=None, description="The framework's seriousness rating id (low ... severe)"
    )
    status: Status = Field(
        default="unknown",
        description="Whether the need is met, partly met, unmet, closed (version 2) or not "
        "known: its status at the latest review (an id from the framework's audit_status)",
    )
    services: Annotated[list[Text], AfterValidator(_no_blanks)] = Field(
        default=[], description="Services provided or planned for this need"
    )


class AuditDistance(_Model):
    """Distance travelled in one domain for one holder: baseline and latest review scores."""

    holder: Label = Field(description='A role label, never a name: "Family", "Child 1"...')
    profile: Profile = Field(description="Whose profile: the family, a child, a parent/carer")
    domain: Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9_-]{0,59}$")] = Field(
        description="The domain id (framework/distance.yml), e.g. housing, general-health")
    baseline: int = Field(ge=1, le=10, description="The score at the baseline (1 is none)")
    latest: int = Field(ge=1, le=10, description="The score at the latest review")


REVIEW_FIELDS = ("reviews", "review_date", "plan_result", "distance")


class AuditForm(_Model):
    """The audit-form record of one case, as one auditor read it on one date."""

    form_version: int = Field(
        default=FORM_VERSION, ge=1, le=FORM_VERSION,
        description="The version of this format; a reader rejects versions it does not know",
    )
    case_reference: Annotated[str, BeforeValidator(clean_input)] = Field(
        pattern=REFERENCE_PATTERN,
        description="The case reference, never a name",
    )
    children: list[AuditChild] = Field(default=[], description="Every child in the case")
    level_of_need: ThresholdLevel | None = Field(
        default=None,
        description="The highest threshold level recorded (a level of the framework's "
        "threshold_levels)",
    )
    needs: list[AuditNeed] = Field(default=[], description="Every need, in the case's order")
    auditor: Text = Field(default="", description="Who completed the form")
    audit_date: Annotated[date, BeforeValidator(loose)] = Field(
        description="When the form was completed (YYYY-MM-DD; 27/11/2026 and 27 Nov 2026 "
        "are read too)")
    reviews: int = Field(default=0, ge=0, description="How many reviews the plan has had "
                         "(version 2)")
    review_date: date | None = Field(default=None, description="The latest review's date "
                                     "(version 2)")
    plan_result: PlanResult | None = Field(
        default=None, description="The plan's overall result at the latest review (an id "
        "from the framework's plan_results) (version 2)")
    distance: list[AuditDistance] = Field(
        default=[], description="Distance travelled per holder and domain, baseline to the "
        "latest review; lower scores are better (version 2)")

    @model_validator(mode="after")
    def _version_holds_its_fields(self) -> AuditForm:
        if self.form_version < 2 and (self.reviews or self.review_date or self.plan_result
                                      or self.distance):
            raise ValueError("review fields (reviews, review_date, plan_result, distance) "
                             "need form_version 2")
        if self.form_version < 2 and any(n.status == "closed" for n in self.needs):
            raise ValueError("status 'closed' needs form_version 2")
        return self

    @model_serializer(mode="wrap")
    def _as_its_version(self, handler: Any) -> dict[str, Any]:
        """A version 1 form is written as version 1 wrote it (no review fields), so its
        JSON, and the digest that recognises a form imported again, stay the same."""
        data = handler(self)
        if self.form_version < 2:
            for name in REVIEW_FIELDS:
                data.pop(name, None)
        return data

    @property
    def reviewed(self) -> bool:
        return self.reviews > 0


# --- the documented JSON Schema --------------------------------------------------------


def json_schema(framework: Framework) -> dict[str, Any]:
    """The JSON Schema of the JSON format, as written to exports/audit-form.schema.json.

    The lists a form's values come from are the framework's (``framework``): its need
    statuses, plan results and threshold levels are written into the schema as enums.
    """
    schema: dict[str, Any] = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
    }
    schema |= AuditForm.model_json_schema()
    defs = schema["$defs"]
    defs["AuditNeed"]["properties"]["status"]["enum"] = framework.ids("audit_status")
    result = schema["properties"]["plan_result"]["anyOf"][0]
    result["enum"] = framework.ids("plan_results")
    level = schema["properties"]["level_of_need"]["anyOf"][0]
    level["enum"] = framework.threshold_scale
    schema["title"] = f"needs-led audit-form record, version {FORM_VERSION}"
    schema["description"] = (
        "The one-page audit-form record of one case: a case reference (never a name), each "
        "child's age band and sex, the highest threshold level recorded, and each need as "
        "specifically worded, with every person's name replaced by a role label, its "
        "seriousness rating, the services provided or planned, and whether it was met; "
        "from version 2, the plan's reviews, its overall result and distance travelled per "
        "domain (version 1 forms, without them, are still read). "
        "Forms are pooled across a sample of cases and grouped into Need Groups. "
        f"form_version is {FORM_VERSION}; a reader rejects a higher version."
    )
    return schema

