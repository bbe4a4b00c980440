"""What the plan, family-plan and audit-form templates see: the case and its helpers.

Built once per export (:func:`template_context`) and shared by the HTML, Markdown, PDF
and Word templates, so every format shows the same numbering, labels and rows.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING, Any

from assistant.content import Content, ContentError, Strict
from assistant.model import Case, Need
from assistant.rendering.pagefit import audit_type_size
from assistant.rendering.templates import export_file

if TYPE_CHECKING:
    from assistant.audit.form import AuditForm


def template_context(case: Case, content: Content, form: AuditForm, *, auditor: str,
             when: date, with_supervision: bool = False,
             notes: list[str] | None = None) -> dict[str, Any]:
    """What every template sees: the case, the framework's labels and a few helpers."""
    framework = content.framework
    numbers = {need.id: n for n, need in enumerate(case.needs, 1)}
    items: dict[str, str] = {p.id: p.name for p in case.people}
    for need in case.needs:
        number = numbers[need.id]
        items[need.id] = f"Need {number}"
        for k, outcome in enumerate(need.outcomes, 1):
            items[outcome.id] = f"Need {number}, outcome {k}"
        for k, work in enumerate(need.work, 1):
            items[work.id] = f"Need {number}, work {k}"

    def outcome_of(need: Need, outcome_id: str | None) -> Any:
        return next((o for o in need.outcomes if o.id == outcome_id), None)

    def role(person_id: str) -> str:
        person = case.person(person_id)
        return framework.label("roles", person.role) if person else ""

    children = [p for p in case.people if p.role in framework.child_roles]
    child_ids = {p.id for p in children}

    def is_child(person_id: str) -> bool:
        return person_id in child_ids

    def young(person_id: str) -> bool:
        """A child too young to say much, whose own words are what they show us (the
        framework's age, as the interview asks them "say or show")."""
        person = case.person(person_id)
        return person is not None and framework.shows_more_than_says(person.role, person.age)

    def own_words(need: Need) -> str:
        """What the need's holder says of it: the interview keeps a child's words as the
        child's voice and an adult's as their own views (interview step "voice")."""
        return need.child_voice if is_child(need.holder) else need.parent_views

    family = _Family(content, notes)
    return {
        "case": case,
        "framework": framework,
        "when": when,
        "auditor": auditor,
        "holder": case.holder_name,
        "role": role,
        "is_child": is_child,
        "own_words": own_words,
        "young": young,
        "need_number": numbers,
        "item_label": lambda ident: items.get(ident or "", ""),
        "outcome_of": outcome_of,
        "work_rows": work_rows,
        "children": children,
        "adults": [p for p in case.people if p.role not in framework.child_roles],
        "plain": family.plain,
        "family_words": family.own,
        "plain_words": family.words_only,
        "form": form,
        "audit_type_size": audit_type_size(form),
        "with_supervision": with_supervision,
        "kept": kept_wording,
        "advice": _lazy_advice(content),
        "signatories": signatories(case, role),
        "travelled": _travelled(case, content),
    }


def _travelled(case: Case, content: Content) -> Any:
    """Distance travelled for the plan's review section (assistant.review)."""
    from assistant.review import distance_travelled

    return distance_travelled(case, content)


def work_rows(need: Need) -> list[dict[str, Any]]:
    """The rows of the child's plan table for one need, grouped by the outcome they serve.

    Each row is a work item (or None where an outcome has no work yet) with the outcome it
    serves; ``outcome_rows`` is set on the first row of each outcome (how many rows its
    cell spans) and 0 on the rest, so the outcome is written once, not on every row.
    Work serving no outcome comes last, under "Not linked to an outcome"; a need with
    neither has one row with ``empty`` set.
    """
    rows: list[dict[str, Any]] = []
    groups: list[tuple[Any, list[Any]]] = [
        (outcome, [w for w in need.work if w.outcome_id == outcome.id])
        for outcome in need.outcomes
    ]
    known = {o.id for o in need.outcomes}
    loose = [w for w in need.work if w.outcome_id not in known]
    if loose:
        groups.append((None, loose))
    for outcome, items in groups:
        for k, item in enumerate(items or [None]):
            rows.append({"work": item, "outcome": outcome, "empty": False,
                         "outcome_rows": (len(items) or 1) if k == 0 else 0})
    if not rows:  # neither outcomes nor work yet: one row that says so
        rows.append({"work": None, "outcome": None, "empty": True, "outcome_rows": 1})
    return rows


def kept_wording(need: Need) -> list[Any]:
    """The kept-wording entries that still apply: their wording is still in the need.

    A worker who kept a wording and later rewrote it has nothing left to explain; an
    entry about text that is no longer in the plan would only confuse its reader.
    """
    current = {need.wording, *(o.statement for o in need.outcomes),
               *(w.action for w in need.work)}
    return [k for k in need.kept_wording if k.wording in current]


def signatories(case: Case, role: Callable[[str], str]) -> list[dict[str, str]]:
    """Who signs the plan: the worker, each adult, each child of 10 or more, a manager."""
    rows = [{"name": case.worker, "role": "Worker"}]
    for person in case.people:
        if person.age is not None and person.age < 10:
            continue
        rows.append({"name": person.name, "role": role(person.id)})
    rows.append({"name": "", "role": "Team manager"})
    return rows


class _Family:
    """plain(), family_words() and plain_words() for the family's plan, made on first use."""

    def __init__(self, content: Content, notes: list[str] | None) -> None:
        self.content = content
        self.notes = notes
        self._made: Any = None

    def _text(self) -> Any:
        if self._made is None:
            from assistant.plainwords import FamilyText, load_words

            words = load_words(self.content, export_file(self.content, "plain-words.yml"))
            self._made = FamilyText(words, self.notes if self.notes is not None else [])
        return self._made

    def plain(self, text: str, where: str = "") -> str:
        return str(self._text().plain(text, where))

    def own(self, text: str) -> str:
        return str(self._text().own(text))

    def words_only(self, text: str, lower: bool = False) -> str:
        return str(self._text().words_only(text, lower))


def _lazy_advice(content: Content) -> Callable[[str], str]:
    """advice(rule_id): what the coach advised, in words for a reader, never the rule id."""
    made: list[Callable[[str], str]] = []

    def advice(rule_id: str) -> str:
        if not made:
            made.append(_advice_table(content))
        return made[0](rule_id)

    return advice


def _advice_table(content: Content) -> Callable[[str], str]:
    from assistant.plainwords import parse_file
    from assistant.wording.rules import RuleFile

    advice = parse_file(export_file(content, "advice.yml"), Advice)
    kinds: dict[str, str] = {}
    try:
        for _, rules in content.load_all(RuleFile, "framework", "wording"):
            kinds |= {rule.id: rule.kind for rule in rules.rules}
    except ContentError:
        pass

    def lookup(rule_id: str) -> str:
        kind = kinds.get(rule_id)
        return advice.kinds.get(kind or "", advice.unknown) if kind else advice.unknown

    return lookup


class Advice(Strict):
    """exports/advice.yml: the coach's advice by kind, as the plan's reader sees it."""

    kinds: dict[str, str] = {}
    unknown: str = "The wording coach suggested other words."
