"""The audit form of a case: every name replaced by a role label, nothing identifying kept.

The case's people become "Child 1", "Mother"...; their names (with the variants
:mod:`assistant.redact` knows) are replaced in each need and service, names the case does
not hold are replaced too and listed for the worker, and a case reference that carries a
name is refused. What comes out is an :class:`~assistant.audit.form.AuditForm`.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from assistant.audit.form import (
    AgeBand,
    AuditChild,
    AuditDistance,
    AuditForm,
    AuditNeed,
    HolderKind,
)
from assistant.model import Case, Person
from assistant.redact import (
    NameInReference,
    Names,
    Redactor,
    Replaced,
    load_names,
    reference_problem,
)

if TYPE_CHECKING:
    from assistant.content import Content, Framework


#: how a service is written on an audit form: its action, then who does it
SERVICE_JOIN = " — "


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
    """Each person's id -> (role label, holder kind).

    The label is the role's audit label in the framework ("Child", "Step-parent"; its
    label if it has none). Children are numbered in case order ("Child 1", "Child 2"), so a
    child is never told apart by anything but order; others are numbered only when two
    share a label ("Carer 1", "Carer 2").
    """
    def base(person: Person) -> str:
        role = framework.role(person.role)
        return role.short_label if role is not None else person.role.title()

    child_roles = framework.child_roles
    labels: dict[str, tuple[str, HolderKind]] = {}
    numbers: dict[str, int] = {}
    for person in (p for p in case.people if p.role in child_roles):
        label = base(person)
        numbers[label] = numbers.get(label, 0) + 1
        labels[person.id] = (f"{label} {numbers[label]}", "child")
    others = [p for p in case.people if p.role not in child_roles]
    named = {p.id: base(p) for p in others}
    for person in others:
        same = [p.id for p in others if named[p.id] == named[person.id]]
        label = named[person.id]
        if len(same) > 1:
            label = f"{label} {same.index(person.id) + 1}"
        kind: HolderKind = "family" if person.role in framework.family_roles else "parent"
        labels[person.id] = (label, kind)
    return labels


def audit_form_from_case(case: Case, auditor: str, audit_date: date, *,
                         content: Content) -> AuditForm:
    """The audit-form record of ``case``: names replaced, nothing identifying kept.

    ``content`` gives the roles (labels, children) and the name lists.
    Raises :class:`~assistant.redact.NameInReference` if the case reference holds a name.
    The names the case does not hold that were taken out are in :func:`names_taken_out`.
    """
    return audit_form_and_names(case, auditor, audit_date, content=content)[0]


def names_taken_out(case: Case, *, content: Content) -> list[Replaced]:
    """The names in the case's needs and services that are not the case's people, which
    the audit form replaces: for the worker to see before a form is exported."""
    labels = role_labels(case, content.framework)
    return _redact(case, labels, load_names(content))[1]


def names_notice(case: Case, *, content: Content) -> list[str]:
    """Lines telling the worker which names the audit form replaced that are not people in
    the case (empty if none), for the CLI and the app to show before a form leaves."""
    taken = names_taken_out(case, content=content)
    if not taken:
        return []
    return ["the audit form replaces these names, which are not people in this case "
            "(add the person, or reword, if one is not a name):",
            *(f"  {item}" for item in taken)]


def _redact(case: Case, labels: dict[str, tuple[str, HolderKind]], names: Names,
            ) -> tuple[list[tuple[str, list[str]]], list[Replaced], set[str]]:
    """Each need's wording and services with names replaced, and the names replaced that
    the case does not hold. The story is read too (not written): a name found only there
    still keeps the reference from carrying it."""
    redact = Redactor(case, {pid: label for pid, (label, _) in labels.items()}, names)
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
            services.append(f"{action}{SERVICE_JOIN}{redact(item.who, where)}" if item.who
                            else action)
        texts.append((wording, services))
    # the same name in a service's action and its owner ("Youth worker Jade", as the
    # interview offers it) is one name taken out there: listed and counted once
    return texts, list(dict.fromkeys(redact.replaced)), redact.learned


def audit_form_and_names(case: Case, auditor: str, audit_date: date, *,
                         content: Content) -> tuple[AuditForm, list[Replaced]]:
    """The audit form of ``case`` and the names not in the case that it replaced."""
    framework = content.framework
    names = load_names(content)
    labels = role_labels(case, framework)
    texts, replaced, learned = _redact(case, labels, names)
    problem = reference_problem(case, names, learned)
    if problem:
        raise NameInReference(problem)
    children = [
        AuditChild(
            label=labels[p.id][0],
            age_band=age_band(p, audit_date, unborn=p.role in framework.unborn_roles),
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
        status = need.status if need.status in framework.ids("audit_status") else "unknown"
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
        plan_result=review.plan_result if review and review.plan_result in
        framework.ids("plan_results") else None,
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


def label_words(framework: Framework) -> frozenset[str]:
    """The folded words of the role labels an audit form names people by ("relative",
    "step", "parent"): a form's own labels, never names (found by walk7: "'Relative' may be
    a name" for a form the app had just written)."""
    return frozenset(word.lower() for role in framework.roles
                     for word in role.short_label.replace("-", " ").split())


def form_without_names(form: AuditForm, names: Names,
                       labels: frozenset[str] = frozenset()) -> tuple[AuditForm, list[Replaced]]:
    """``form`` with every word that reads as a name replaced by "[name]" in its needs'
    wording and services, and what was replaced (``where``: "need 2").

    A form that arrives from outside the app (a typed paper form, a form posted to a room)
    has not been through :func:`audit_form_from_case`, so the redaction's second net is
    cast here. Found walking as a trainer: a paper form's "Kayleigh" was warned about at
    import and then printed in the Need Groups report. ``labels`` are the folded words of
    the role labels a form names people by ("relative", "carer"): never names here.
    """
    import re

    from assistant.redact import _UNKNOWN as UNKNOWN  # the one placeholder for a name

    redactor = Redactor(case=Case(reference="x"), labels={}, names=names)
    found: list[Replaced] = []

    def unnamed(text: str, where: str) -> str:
        before = len(redactor.replaced)
        redactor(text, where=where)
        taken = [r for r in redactor.replaced[before:]
                 if not set(r.name.lower().replace("-", " ").split()) <= labels]
        for replaced in taken:
            text = re.sub(rf"(?<![^\W\d_]){re.escape(replaced.name)}(?![^\W\d_])",
                          UNKNOWN, text)
            found.append(Replaced(where, replaced.name, UNKNOWN))
        return text

    needs = []
    for number, need in enumerate(form.needs, 1):
        where = f"need {number}"
        needs.append(need.model_copy(update={
            "wording": unnamed(need.wording, where),
            # a service is written "action — who" (as :func:`_redact` joins them): each
            # part is read alone, as it was typed, so "Drug and alcohol worker" after the
            # dash is not a capitalised word in mid-sentence
            "services": [SERVICE_JOIN.join(unnamed(part, where)
                                           for part in service.split(SERVICE_JOIN))
                         for service in need.services]}))
    return form.model_copy(update={"needs": needs}), found
