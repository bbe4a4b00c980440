"""The one-page audit-form record: needs identified and services provided, with no names.

An audit group reads a sample of these forms and "shuffles" the needs into Need Groups.
The form carries a case reference, each child's age band and sex, the highest threshold
level recorded, and each need as specifically worded with every person's name replaced
by a role label ("Child 1", "Mother"), so forms can be pooled without identifying anyone.

Three shapes share one model: JSON (``AuditForm.model_dump_json``, documented by
``exports/audit-form.schema.json``), CSV rows for pooling many forms (one row per need,
form-level columns repeated), and the HTML page rendered by :mod:`assistant.exporters`.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable
from datetime import date
from typing import TYPE_CHECKING, Annotated, Any, Literal, cast, get_args

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
from assistant.errors import Located
from assistant.model import REFERENCE_PATTERN, Case, Person, Sex, ShortText, clean_input
from assistant.redact import (
    NameInReference,
    Names,
    Redactor,
    Replaced,
    load_names,
    reference_problem,
)

if TYPE_CHECKING:
    from assistant.content import Framework

FORM_VERSION = 2
"""Version 2 adds the plan's review: how many reviews, the latest review's date, the
plan's overall result and distance travelled per domain. Version 1 forms still import."""
SCHEMA_ID = f"https://needs-led.invalid/schema/audit-form-{FORM_VERSION}.json"

AgeBand = Literal["pre-birth", "0-4", "5-9", "10-15", "16-17", "18+", "not known"]
HolderKind = Literal["child", "parent", "family"]
Status = Literal["met", "partly", "unmet", "closed", "unknown"]
PlanResult = Literal["wholly", "partly", "not-achieved", "dropped-out"]
Profile = Literal["family", "child", "parent"]

# Short role labels for holders who are not children; a role the framework adds later
# falls back to its framework label.
ROLE_LABELS = {
    "mother": "Mother",
    "father": "Father",
    "stepparent": "Step-parent",
    "carer": "Carer",
    "grandparent": "Grandparent",
    "relative": "Relative",
    "family": "Family",
}
FAMILY_ROLES = {"family"}


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
        "known: its status at the latest review",
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
    level_of_need: int | None = Field(
        default=None, ge=1, le=5, description="The highest threshold level recorded (1-5)"
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
        default=None, description="The plan's overall result at the latest review: wholly, "
        "partly, not-achieved or dropped-out (version 2)")
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

    def to_csv_rows(self) -> list[dict[str, str]]:
        """One row per need (one blank-need row if there are none), form columns repeated."""
        form = {
            "form_version": str(self.form_version),
            "case_reference": self.case_reference,
            "auditor": self.auditor,
            "audit_date": self.audit_date.isoformat(),
            "level_of_need": "" if self.level_of_need is None else str(self.level_of_need),
            "children": "; ".join(f"{c.label} ({c.age_band}, {c.sex})" for c in self.children),
            "reviews": str(self.reviews) if self.form_version >= 2 else "",
            "review_date": self.review_date.isoformat() if self.review_date else "",
            "plan_result": self.plan_result or "",
            "distance": "; ".join(f"{d.holder}: {d.profile}/{d.domain} {d.baseline}>{d.latest}"
                                  for d in self.distance),
        }
        empty = {name: "" for name in CSV_COLUMNS if name not in form}
        if not self.needs:
            return [{name: (form | empty)[name] for name in CSV_COLUMNS}]
        rows = [
            form
            | {
                "need_number": str(number),
                "holder": need.holder,
                "holder_kind": need.holder_kind,
                "wording": need.wording,
                "seriousness": need.seriousness or "",
                "status": need.status,
                "services": join_services(need.services),
            }
            for number, need in enumerate(self.needs, 1)
        ]
        return [{name: row[name] for name in CSV_COLUMNS} for row in rows]


SERVICE_SEPARATOR = " | "


def join_services(services: list[str]) -> str:
    """The services in one CSV cell, separated by " | "; a "|" or "\\" inside one is escaped.

    Escaping (rather than rewriting "|" as "/") lets the cell be read back exactly, so a
    form imported as JSON and again as CSV is recognised as the same form.
    """
    return SERVICE_SEPARATOR.join(
        s.replace("\\", "\\\\").replace("|", "\\|") for s in services)


def split_services(cell: str) -> list[str]:
    """The services from a cell written by :func:`join_services` (blank parts dropped)."""
    services: list[str] = []
    current: list[str] = []
    i = 0
    while i < len(cell):
        pair = cell[i:i + 2]
        if pair in ("\\\\", "\\|"):  # an escaped backslash or bar; any other "\\" is kept
            current.append(pair[1])
            i += 2
            continue
        if cell[i] == "|":
            services.append("".join(current))
            current = []
        else:
            current.append(cell[i])
        i += 1
    services.append("".join(current))
    return [s.strip() for s in services if s.strip()]


REQUIRED_CSV_COLUMNS = (
    "form_version",
    "case_reference",
    "auditor",
    "audit_date",
    "level_of_need",
    "children",
    "need_number",
    "holder",
    "holder_kind",
    "wording",
    "seriousness",
    "status",
    "services",
)
"""The columns every pooled CSV has (version 1's); version 2 adds REVIEW_CSV_COLUMNS."""
REVIEW_CSV_COLUMNS = ("reviews", "review_date", "plan_result", "distance")
CSV_COLUMNS = (*REQUIRED_CSV_COLUMNS, *REVIEW_CSV_COLUMNS)


# --- from a case -----------------------------------------------------------------------


def age_band(person: Person, on: date, unborn: bool = False) -> AgeBand:
    """The age band on ``on``, from the recorded age or else the date of birth."""
    if unborn or (person.date_of_birth is not None and person.date_of_birth > on):
        return "pre-birth"
    age = person.age
    if age is None and person.date_of_birth is not None:
        born = person.date_of_birth
        age = on.year - born.year - ((on.month, on.day) < (born.month, born.day))
    if age is None:
        return "not known"
    for limit, band in ((4, "0-4"), (9, "5-9"), (15, "10-15"), (17, "16-17")):
        if age <= limit:
            return band  # type: ignore[return-value]
    return "18+"


def role_labels(case: Case, framework: Framework) -> dict[str, tuple[str, HolderKind]]:
    """Each person's id -> (role label, holder kind); children numbered in case order."""
    child_roles = framework.child_roles
    labels: dict[str, tuple[str, HolderKind]] = {}
    children = [p for p in case.people if p.role in child_roles]
    for number, person in enumerate(children, 1):
        labels[person.id] = (f"Child {number}", "child")
    others = [p for p in case.people if p.role not in child_roles]
    base = {
        p.id: ROLE_LABELS.get(p.role) or framework.label("roles", p.role) or p.role.title()
        for p in others
    }
    for person in others:
        same = [p.id for p in others if base[p.id] == base[person.id]]
        label = base[person.id]
        if len(same) > 1:
            label = f"{label} {same.index(person.id) + 1}"
        kind: HolderKind = "family" if person.role in FAMILY_ROLES else "parent"
        labels[person.id] = (label, kind)
    return labels


def audit_form_from_case(
    case: Case, auditor: str, audit_date: date, *, framework: Framework | None = None,
    names: Names | None = None,
) -> AuditForm:
    """The audit-form record of ``case``: names replaced, nothing identifying kept.

    Raises :class:`~assistant.redact.NameInReference` if the case reference holds a name.
    The names the case does not hold that were taken out are in :func:`names_taken_out`.
    """
    return audit_form_and_names(case, auditor, audit_date, framework=framework,
                                names=names)[0]


def names_taken_out(case: Case, *, framework: Framework | None = None,
                    names: Names | None = None) -> list[Replaced]:
    """The names in the case's needs and services that are not the case's people, which
    the audit form replaces: for the worker to see before a form is exported."""
    labels = role_labels(case, framework or _framework())
    return _redact(case, labels, names)[1]


def names_notice(case: Case, *, framework: Framework | None = None) -> list[str]:
    """Lines telling the worker which names the audit form replaced that are not people in
    the case (empty if none), for the CLI and the app to show before a form leaves."""
    taken = names_taken_out(case, framework=framework)
    if not taken:
        return []
    return ["the audit form replaces these names, which are not people in this case "
            "(add the person, or reword, if one is not a name):",
            *(f"  {item}" for item in taken)]


def _framework() -> Framework:
    from assistant.content import Content

    return Content().framework


def _redact(case: Case, labels: dict[str, tuple[str, HolderKind]], names: Names | None,
            ) -> tuple[list[tuple[str, list[str]]], list[Replaced], set[str]]:
    """Each need's wording and services with names replaced, and the names replaced that
    the case does not hold. The story is read too (not written): a name found only there
    still keeps the reference from carrying it."""
    redact = Redactor(case, {pid: label for pid, (label, _) in labels.items()},
                      names or load_names())
    redact.learn([case.story] + [text for need in case.needs
                                 for text in (need.wording, *(w.action for w in need.work),
                                              *(w.who for w in need.work))])
    texts = []
    for number, need in enumerate(case.needs, 1):
        wording = redact(need.wording, f"need {number}")
        services = []
        for index, item in enumerate(need.work, 1):
            where = f"need {number}, service {index}"
            action = redact(item.action, where)
            # "who" apart from the action: alone, "sue" is the name, not the verb
            services.append(f"{action} — {redact(item.who, where)}" if item.who else action)
        texts.append((wording, services))
    return texts, redact.replaced, redact.learned


def audit_form_and_names(
    case: Case, auditor: str, audit_date: date, *, framework: Framework | None = None,
    names: Names | None = None,
) -> tuple[AuditForm, list[Replaced]]:
    """The audit form of ``case`` and the names not in the case that it replaced."""
    framework = framework or _framework()
    names = names or load_names()
    labels = role_labels(case, framework)
    texts, replaced, learned = _redact(case, labels, names)
    problem = reference_problem(case, names, learned)
    if problem:
        raise NameInReference(problem)
    unborn_roles = {"unborn"}
    children = [
        AuditChild(
            label=labels[p.id][0],
            age_band=age_band(p, audit_date, unborn=p.role in unborn_roles),
            sex=p.sex,
        )
        for p in case.people
        if labels[p.id][1] == "child"
    ]
    needs = []
    levels = []
    for need, (wording, services) in zip(case.needs, texts, strict=True):
        label, kind = labels.get(need.holder, ("Not known", "family"))
        serious = need.seriousness
        if serious is not None and serious.threshold_level is not None:
            levels.append(serious.threshold_level)
        status = need.status if need.status in ("met", "partly", "unmet", "closed") else "unknown"
        needs.append(
            AuditNeed(
                holder=label,
                holder_kind=kind,
                wording=wording,
                seriousness=serious.rating if serious else None,
                status=status,
                services=services,
            )
        )
    review = case.reviews[-1] if case.reviews else None
    form = AuditForm(
        case_reference=case.reference,
        children=children,
        level_of_need=max(levels) if levels else case.level_of_need,
        needs=needs,
        auditor=auditor,
        audit_date=audit_date,
        reviews=len(case.reviews),
        review_date=review.on if review else None,
        plan_result=cast(PlanResult, review.plan_result) if review and review.plan_result in
        get_args(PlanResult) else None,
        distance=_distance(case, framework, labels),
    )
    return form, replaced


def _distance(case: Case, framework: Framework,
              labels: dict[str, tuple[str, HolderKind]]) -> list[AuditDistance]:
    """Baseline and latest scores per holder and domain, holders by role label."""
    from assistant.review import FAMILY, profile_of

    baseline = {s.who: s.scores for s in case.baseline}
    latest: dict[str, dict[str, int]] = {}
    for review in case.reviews:
        for scores in review.scores:
            latest.setdefault(scores.who, {}).update(scores.scores)
    out = []
    for who, latest_scores in latest.items():
        label = "Family" if who == FAMILY else labels.get(who, ("Not known", "family"))[0]
        for domain, score in latest_scores.items():
            if domain in baseline.get(who, {}):
                out.append(AuditDistance(holder=label, profile=profile_of(case, who, framework),
                                         domain=domain, baseline=baseline[who][domain],
                                         latest=score))
    return out


# --- CSV for pooling many forms --------------------------------------------------------

_FORMULA = ("=", "+", "-", "@", "\t", "\r")


def defuse(cell: str) -> str:
    """Keep a spreadsheet from running a cell as a formula (OWASP CSV injection).

    A leading apostrophe is doubled too, so reading back removes exactly one.
    """
    return "'" + cell if cell.startswith((*_FORMULA, "'")) else cell


def _undefuse(cell: str) -> str:
    return cell[1:] if cell.startswith("'") and cell[1:].startswith((*_FORMULA, "'")) else cell


def write_csv(forms: Iterable[AuditForm], header: bool = True) -> str:
    """CSV text of many forms, formula-safe; read back with :func:`forms_from_csv`."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS, lineterminator="\r\n")
    if header:
        writer.writeheader()
    for form in forms:
        for row in form.to_csv_rows():
            writer.writerow({key: defuse(value) for key, value in row.items()})
    return out.getvalue()


_CHILD = re.compile(r"\s*([^;()]+?)\s*\(\s*([^,()]+?)\s*,\s*([^()]+?)\s*\)\s*")


class CsvError(Located, ValueError):
    """A pooled CSV file that cannot be read: ``line`` and ``field`` (the column) say
    where; ``str()`` is "line 2: children: cannot read ..."."""

    def __init__(self, message: str, *, line: int | None = None,
                 field: str | None = None) -> None:
        super().__init__(message)
        self._place(message, line=line, field=field)


def _children(text: str, line: int) -> list[dict[str, str]]:
    children = []
    for part in filter(str.strip, text.split(";")):
        match = _CHILD.fullmatch(part)
        if not match:
            raise CsvError(f"cannot read {part.strip()!r} (expected e.g. "
                           "'Child 1 (5-9, female)')", line=line, field="children")
        children.append({"label": match[1], "age_band": match[2], "sex": match[3]})
    return children


_DISTANCE = re.compile(r"\s*(.+?):\s*(\w+)/(\S+)\s+(\d+)\s*>\s*(\d+)\s*")


def _distances(text: str, line: int) -> list[dict[str, str]]:
    """'Child 1: child/general-health 4>2; Family: family/housing 3>3' -> entries."""
    out = []
    for part in filter(str.strip, text.split(";")):
        match = _DISTANCE.fullmatch(part)
        if not match:
            raise CsvError(f"cannot read {part.strip()!r} (expected e.g. "
                           "'Child 1: child/general-health 4>2')", line=line, field="distance")
        out.append({"holder": match[1], "profile": match[2], "domain": match[3],
                    "baseline": match[4], "latest": match[5]})
    return out


def forms_from_csv(text: str) -> list[AuditForm]:
    """Forms from pooled CSV rows, grouped by (case reference, auditor, audit date).

    Raises :class:`CsvError` for missing columns and
    :class:`pydantic.ValidationError` for values the model rejects.
    """
    reader = csv.DictReader(io.StringIO(text.lstrip("\ufeff")))
    missing = [c for c in REQUIRED_CSV_COLUMNS if c not in (reader.fieldnames or [])]
    if missing:
        raise CsvError(f"missing column(s): {', '.join(missing)}", line=1)
    groups: dict[tuple[str, str, str], dict[str, Any]] = {}
    for row in reader:
        row = {key: _undefuse(value or "") for key, value in row.items() if key in CSV_COLUMNS}
        line = reader.line_num
        key = (row["case_reference"], row["auditor"], row["audit_date"])
        if key not in groups:
            groups[key] = {
                "form_version": row["form_version"] or FORM_VERSION,
                "case_reference": row["case_reference"],
                "auditor": row["auditor"],
                "audit_date": row["audit_date"],
                "level_of_need": row["level_of_need"] or None,
                "children": _children(row["children"], line),
                "needs": [],
            }
            if row.get("reviews"):
                groups[key]["reviews"] = row["reviews"]
            if row.get("review_date"):
                groups[key]["review_date"] = row["review_date"]
            if row.get("plan_result"):
                groups[key]["plan_result"] = row["plan_result"]
            if row.get("distance"):
                groups[key]["distance"] = _distances(row["distance"], line)
        if row["wording"] or row["holder"]:
            groups[key]["needs"].append(
                {
                    "holder": row["holder"],
                    "holder_kind": row["holder_kind"],
                    "wording": row["wording"],
                    "seriousness": row["seriousness"] or None,
                    "status": row["status"] or "unknown",
                    "services": split_services(row["services"]),
                }
            )
    return [AuditForm.model_validate(data) for data in groups.values()]


# --- the documented JSON Schema --------------------------------------------------------


def json_schema() -> dict[str, Any]:
    """The JSON Schema of the JSON format, as written to exports/audit-form.schema.json."""
    schema: dict[str, Any] = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
    }
    schema |= AuditForm.model_json_schema()
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

