"""What changed between two revisions of a case, in words a worker and a supervisor read:
"Need 2 reworded", "Outcome 1.2 dated 15 Feb 2027", "Comment resolved".

Items are numbered as the plan shows them (need 2, outcome 2.1, work 2.1.3) and matched
by id, so reordering or rewording never reads as a removal. Used for the label of each
saved revision, for ``needs-led history CASE --diff A B`` and for the app's "changes since"
view.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from assistant.dates import show_date
from assistant.model import Case, Need

_SKIP = {"id", "kept_wording", "at", "created", "schema_version", "resume"}
_FIELD_WORDS = {
    "wording": "reworded", "statement": "reworded", "action": "reworded",
    "strengths": "what helps", "risks": "what makes it worse", "child_voice": "child's words",
    "parent_views": "parents' views", "family_words": "family's words", "status": "status",
    "measure": "measure", "target_date": "date", "whose": "whose outcome", "who": "who",
    "frequency": "how often", "start_date": "start date", "outcome_id": "outcome served",
    "holder": "holder", "story": "story", "worker": "worker", "worker_contact": "contact",
    "review_date": "review date", "level_of_need": "level of need",
    "contingency": "contingency", "distribution": "distribution", "reference": "reference",
    "name": "name", "role": "role", "age": "age", "sex": "sex", "date_of_birth": "date of birth",
    "consequences": "consequences", "rating": "rating", "urgency": "urgency",
    "threshold_level": "threshold level", "safety": "immediate safety",
}


@dataclass(frozen=True)
class Change:
    """One change: where (``Need 2``), what (``reworded``), and the old and new text."""

    where: str
    what: str
    old: str = ""
    new: str = ""

    def line(self) -> str:
        return f"{self.where} {self.what}"


def _show(value: Any) -> str:
    if value is None:
        return ""
    if hasattr(value, "isoformat") and not isinstance(value, str):
        try:
            return show_date(value)
        except (AttributeError, ValueError):
            return str(value)
    return str(value)


def _fields(where: str, old: Any, new: Any, changes: list[Change],
            skip: frozenset[str] = frozenset()) -> None:
    for name in type(new).model_fields:
        if name in _SKIP or name in skip:
            continue
        a, b = getattr(old, name), getattr(new, name)
        if a == b:
            continue
        word = _FIELD_WORDS.get(name, name.replace("_", " "))
        what = word if word == "reworded" else f"{word} changed"
        changes.append(Change(where, what, _show(a), _show(b)))


def _need_changes(number: int, old: Need, new: Need, changes: list[Change]) -> None:
    where = f"Need {number}"
    _fields(where, old, new, changes, frozenset({"seriousness", "outcomes", "work"}))
    if old.seriousness != new.seriousness:
        if old.seriousness is None:
            changes.append(Change(where, "seriousness added", "",
                                  new.seriousness.consequences if new.seriousness else ""))
        elif new.seriousness is None:
            changes.append(Change(where, "seriousness removed"))
        else:
            _fields(f"{where} seriousness:", old.seriousness, new.seriousness, changes)
    olds = {o.id: o for o in old.outcomes}
    for i, outcome in enumerate(new.outcomes, 1):
        place = f"Outcome {number}.{i}"
        if outcome.id not in olds:
            changes.append(Change(place, "added", "", outcome.statement))
        else:
            _fields(place, olds[outcome.id], outcome, changes)
    news = {o.id for o in new.outcomes}
    for outcome in old.outcomes:
        if outcome.id not in news:
            changes.append(Change(f"Need {number}: an outcome", "removed", outcome.statement))
    oldw = {w.id: w for w in old.work}
    for i, item in enumerate(new.work, 1):
        place = f"Work {number}.{i}"
        if item.id not in oldw:
            changes.append(Change(place, "added", "", item.action))
        else:
            _fields(place, oldw[item.id], item, changes)
    neww = {w.id for w in new.work}
    for item in old.work:
        if item.id not in neww:
            changes.append(Change(f"Need {number}: a piece of work", "removed", item.action))


def diff(old: Case, new: Case) -> list[Change]:
    """Every change from ``old`` to ``new``, in plan order."""
    changes: list[Change] = []
    _fields("Case", old, new, changes,
            frozenset({"people", "needs", "comments", "agreed_actions"}))
    old_people = {p.id: p for p in old.people}
    for person in new.people:
        if person.id not in old_people:
            changes.append(Change(f"{person.name}", "added to the case"))
        else:
            _fields(person.name, old_people[person.id], person, changes)
    new_people = {p.id for p in new.people}
    for person in old.people:
        if person.id not in new_people:
            changes.append(Change(person.name, "removed from the case"))
    old_needs = {n.id: n for n in old.needs}
    for number, need in enumerate(new.needs, 1):
        if need.id not in old_needs:
            changes.append(Change(f"Need {number}", "added", "", need.wording))
        else:
            _need_changes(number, old_needs[need.id], need, changes)
    new_needs = {n.id for n in new.needs}
    for need in old.needs:
        if need.id not in new_needs:
            changes.append(Change("A need", "removed", need.wording))
    old_comments = {c.id: c for c in old.comments}
    for comment in new.comments:
        before = old_comments.get(comment.id)
        if before is None:
            changes.append(Change("Comment", "added", "", comment.text))
        elif before.resolved != comment.resolved:
            changes.append(Change("Comment", "resolved" if comment.resolved else "reopened",
                                  "", comment.text))
        elif before.text != comment.text:
            changes.append(Change("Comment", "edited", before.text, comment.text))
    if len(old.comments) > len({c.id for c in new.comments} & set(old_comments)):
        gone = [c for c in old.comments if c.id not in {n.id for n in new.comments}]
        changes += [Change("Comment", "removed", c.text) for c in gone]
    old_actions = {a.id: a for a in old.agreed_actions}
    for action in new.agreed_actions:
        before_action = old_actions.get(action.id)
        if before_action is None:
            changes.append(Change("Agreed action", "added", "", action.action))
        elif before_action.done != action.done:
            changes.append(Change("Agreed action",
                                  f"done {_show(action.done_on)}".strip() if action.done
                                  else "reopened", "", action.action))
        elif before_action != action:
            changes.append(Change("Agreed action", "changed", before_action.action,
                                  action.action))
    return changes


def label(old: Case | None, new: Case, most: int = 2) -> str:
    """A short label for a revision: its first changes ("Need 2 reworded; Outcome 2.1
    added") and how many more."""
    if old is None:
        return "case started"
    changes = diff(old, new)
    if not changes:
        return "no change"
    words = "; ".join(c.line() for c in changes[:most])
    if len(changes) > most:
        words += f" and {len(changes) - most} more"
    return words
