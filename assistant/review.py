"""Reviewing a plan: outcome results, need status, the plan carried forward, and distance
travelled (seeds/004: the Team Around the Family tool in Appendix D, report cards in E).

A review is written as plain data (a dict from JSON or YAML, or built by the CLI prompts
and the app's review screen) and applied to the case by :func:`apply_review`, which
returns a new case with one more :class:`~assistant.model.Review`; the caller saves it as
one revision labelled "Review N". Items are named the way a worker sees them on the plan:
need ``2``, outcome ``2.1`` (need 2's first outcome), work ``2.1``, or by their ids.

Distance-travelled scores run from no concern (1) to the most serious (5), so a fall in a
score between the baseline and the latest review is an improvement and a rise a setback.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from pydantic import ValidationError

from assistant import dates
from assistant.content import Content, Distance, Framework
from assistant.errors import InputError
from assistant.model import (
    CarriedForward,
    Case,
    Need,
    NeedReview,
    Outcome,
    OutcomeResult,
    Review,
    Scores,
    Seriousness,
    WorkItem,
    explain,
)

FAMILY = "family"
# Outcome-stage kinds that say a piece of evidence shows nothing anyone saw or counted. A
# missing date is not one: the evidence has its own date.
EVIDENCE_KINDS = ("vague", "no-measure", "service")


class ReviewError(InputError):
    """A review that cannot be applied; one line naming the item and what is wrong."""


def note(number: int, on: date) -> str:
    """The revision label of a review: 'Review 2 on 2027-05-01'."""
    return f"Review {number} on {on.isoformat()}"


# --- whose scores ----------------------------------------------------------------------


def profile_of(case: Case, who: str, framework: Framework) -> str:
    """'family', 'child' or 'parent': the distance-travelled profile for ``who``."""
    if who == FAMILY:
        return "family"
    person = case.person(who)
    if person is None:
        return "family"
    if person.role in framework.child_roles:
        return "child"
    return "family" if person.role in framework.family_roles else "parent"


def scored_people(case: Case, framework: Framework) -> list[tuple[str, str, str]]:
    """(who, label, profile) for everyone who gets scores: the family, each child, each
    parent or carer, in the case's order."""
    out = [(FAMILY, "The family", "family")]
    for person in case.people:
        kind = profile_of(case, person.id, framework)
        if kind != "family":
            out.append((person.id, f"{person.name} ({framework.label('roles', person.role)})",
                        kind))
    return out


def who_label(case: Case, who: str) -> str:
    if who == FAMILY:
        return "The family"
    person = case.person(who)
    return person.name if person else who


# --- naming items ------------------------------------------------------------------------


def _find_person(case: Case, ref: Any) -> str:
    text = str(ref).strip()
    if text.lower() in (FAMILY, "the family"):
        return FAMILY
    for person in case.people:
        if text == person.id or text.casefold() == person.name.casefold():
            return person.id
    names = ", ".join(p.name for p in case.people)
    raise ReviewError(f"'{text}' is not a person in this case (there are: {names}, or family)")


def _find_need(case: Case, ref: Any) -> Need:
    text = str(ref).strip()
    if text.isdigit() and 1 <= int(text) <= len(case.needs):
        return case.needs[int(text) - 1]
    need = case.need(text)
    if need is None:
        raise ReviewError(f"need '{text}' is not in this case (it has needs 1 to "
                          f"{len(case.needs)})")
    return need


def _find_item(case: Case, ref: Any, kind: str) -> tuple[Need, Outcome | WorkItem]:
    """Outcome or work ``ref``: '2.1' (need 2's first), or an id."""
    text = str(ref).strip()
    attr = "outcomes" if kind == "outcome" else "work"
    if "." in text:
        need_part, _, item_part = text.partition(".")
        need = _find_need(case, need_part)
        items = getattr(need, attr)
        if item_part.isdigit() and 1 <= int(item_part) <= len(items):
            return need, items[int(item_part) - 1]
    for need in case.needs:
        for item in getattr(need, attr):
            if item.id == text:
                return need, item
    raise ReviewError(f"{kind} '{text}' is not in this plan (name it as need.number, e.g. "
                      f"'1.1', or by its id)")


# --- the review --------------------------------------------------------------------------


def _date(value: Any, what: str) -> date | None:
    if value is None or value == "":
        return None
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value).strip())
    except ValueError:
        raise ReviewError(f"{what}: '{value}' is not a date (write it as YYYY-MM-DD)") from None


def _choice(framework: Framework, field_name: str, value: Any, what: str) -> str:
    """A framework list id from its id or its label, case-insensitively."""
    text = str(value).strip().casefold()
    for choice in getattr(framework, field_name):
        if text in (choice.id.casefold(), choice.label.casefold()):
            return choice.id
    allowed = ", ".join(framework.ids(field_name))
    raise ReviewError(f"{what}: '{value}' is not one of: {allowed}")


def _scores(case: Case, data: Any, distance: Distance, framework: Framework,
            what: str) -> list[Scores]:
    """``{who: {domain: score}}`` -> Scores, each domain and score checked against the
    content (a domain of another profile, or a score off the scale, is refused)."""
    if data is None:
        return []
    if not isinstance(data, dict):
        raise ReviewError(f"{what}: expected 'who: {{domain: score}}' entries")
    out = []
    for ref, domains in data.items():
        who = _find_person(case, ref)
        kind = profile_of(case, who, framework)
        profile = distance.profile(kind)
        if not isinstance(domains, dict):
            raise ReviewError(f"{what}, {ref}: expected 'domain: score' entries")
        known = {d.id: d.id for d in profile.domains} if profile else {}
        known |= {d.label.casefold(): d.id for d in profile.domains} if profile else {}
        scores: dict[str, int] = {}
        for domain, score in domains.items():
            key = known.get(str(domain)) or known.get(str(domain).casefold())
            if key is None:
                allowed = ", ".join(d.id for d in profile.domains) if profile else "none"
                raise ReviewError(f"{what}, {ref}: '{domain}' is not a domain of the "
                                  f"{kind} profile ({allowed})")
            if score is None or score == "":
                continue
            try:
                value = int(score)
            except (TypeError, ValueError):
                value = -1
            if value not in distance.scores:
                raise ReviewError(f"{what}, {ref}, {domain}: '{score}' is not a score "
                                  f"({distance.scores[0]}-{distance.scores[-1]})")
            scores[key] = value
        if scores:
            out.append(Scores(who=who, scores=scores))
    return out


@dataclass
class Applied:
    """The reviewed case, and what the coach said about the evidence."""

    case: Case
    review: Review
    warnings: list[str] = field(default_factory=list)


def evidence_problems(coach: Any, text: str, holder: str | None = None) -> list[str]:
    """What the coach finds wrong with ``text`` as evidence (as it reads a measure):
    'seems better' shows nothing anyone saw or counted."""
    if coach is None or not text.strip():
        return []
    report = coach.check(text, "outcome", holder)
    return [f.message for f in report.findings if f.kind in EVIDENCE_KINDS]


def apply_review(case: Case, data: dict[str, Any], content: Content,
                 coach: Any = None) -> Applied:
    """The case after the review ``data``; ``case`` itself is not changed. Anything the
    case model refuses (a changed wording too long, say) is one ReviewError line."""
    try:
        return _apply(case, data, content, coach)
    except ValidationError as exc:
        raise ReviewError(explain(exc)[0]) from None


def _apply(case: Case, data: dict[str, Any], content: Content, coach: Any) -> Applied:
    """The case after the review ``data``; ``case`` itself is not changed.

    ``data`` keys: date, outcomes [{outcome, result, evidence, evidence_date, carry,
    change_to}], needs [{need, status, seriousness, rating}], work [{work, carry,
    change_to}], new_needs [{holder, wording, consequences, rating}], family_view,
    plan_result, baseline {who: {domain: score}}, baseline_date, scores {who: {...}},
    next_review. Anything not named is kept as it was.
    """
    if not isinstance(data, dict):
        raise ReviewError("a review is a set of 'key: value' entries (date, outcomes, ...)")
    known_keys = {"date", "outcomes", "needs", "work", "new_needs", "family_view",
                  "plan_result", "baseline", "baseline_date", "scores", "next_review"}
    unknown = sorted(set(data) - known_keys)
    if unknown:
        raise ReviewError(f"'{unknown[0]}' is not part of a review "
                          f"(use: {', '.join(sorted(known_keys))})")
    framework = content.framework
    distance = content.distance
    on = _date(data.get("date"), "date") or dates.today()
    if case.reviews and on < case.reviews[-1].on:
        raise ReviewError(f"date: {on} is before review {case.reviews[-1].number} "
                          f"({case.reviews[-1].on})")
    new = case.model_copy(deep=True)
    warnings: list[str] = []
    number = len(case.reviews) + 1
    results: list[OutcomeResult] = []
    carried: list[CarriedForward] = []
    ended: set[str] = set()

    def carry(kind: str, need: Need, item: Outcome | WorkItem, entry: dict[str, Any],
              where: str) -> None:
        decision = _choice(framework, "carry_forward", entry.get("carry", "kept"),
                           f"{where}, carry")
        text_attr = "statement" if kind == "outcome" else "action"
        was = getattr(item, text_attr)
        becomes = str(entry.get("change_to") or "").strip()
        if decision == "changed":
            if not becomes:
                raise ReviewError(f"{where}: changed, but 'change_to' (the new wording) is "
                                  "empty")
            setattr(item, text_attr, becomes)
            if kind == "outcome" and entry.get("target_date"):
                item.target_date = _date(entry["target_date"], f"{where}, target_date")
        if decision == "ended":
            ended.add(item.id)
        carried.append(CarriedForward(item_id=item.id, kind=kind, decision=decision,
                                      was=was, becomes=becomes if decision == "changed" else ""))

    for position, entry in enumerate(data.get("outcomes") or [], 1):
        where = f"outcomes {position}"
        if not isinstance(entry, dict) or "outcome" not in entry:
            raise ReviewError(f"{where}: name the outcome ('outcome: 1.1')")
        need, found = _find_item(new, entry["outcome"], "outcome")
        assert isinstance(found, Outcome)  # asked for an outcome, so one came back
        item = found
        where = f"outcome {entry['outcome']}"
        result = _choice(framework, "outcome_results", entry.get("result", ""),
                         f"{where}, result")
        evidence = str(entry.get("evidence") or "").strip()
        for problem in evidence_problems(coach, evidence, new.holder_name(need)):
            warnings.append(f"{where}, evidence '{evidence[:60]}': not yet evidence. {problem}")
        if result in ("achieved", "partly") and not evidence:
            warnings.append(f"{where}: {framework.label('outcome_results', result).lower()}, "
                            "but nothing says what shows it")
        results.append(OutcomeResult(
            outcome_id=item.id, statement=item.statement, result=result, evidence=evidence,
            evidence_date=_date(entry.get("evidence_date"), f"{where}, evidence_date") or on,
        ))
        carry("outcome", need, item, entry, where)

    for position, entry in enumerate(data.get("work") or [], 1):
        if not isinstance(entry, dict) or "work" not in entry:
            raise ReviewError(f"work {position}: name the work ('work: 1.1')")
        need, work_item = _find_item(new, entry["work"], "work")
        carry("work", need, work_item, entry, f"work {entry['work']}")

    need_reviews: list[NeedReview] = []
    for position, entry in enumerate(data.get("needs") or [], 1):
        if not isinstance(entry, dict) or "need" not in entry:
            raise ReviewError(f"needs {position}: name the need ('need: 1')")
        need = _find_need(new, entry["need"])
        where = f"need {entry['need']}"
        status = _choice(framework, "review_status", entry.get("status", ""), f"{where}, status")
        change = _choice(framework, "seriousness_change", entry.get("seriousness", "same"),
                         f"{where}, seriousness")
        rating = entry.get("rating")
        if rating:
            rating = _choice(framework, "seriousness", rating, f"{where}, rating")
            if need.seriousness is None:
                raise ReviewError(f"{where}: a new rating, but the need has no seriousness "
                                  "recorded to change")
            need.seriousness.rating = rating
        if status in framework.ids("audit_status"):
            need.status = status
        need_reviews.append(NeedReview(need_id=need.id, status=status, seriousness=change))

    new_ids: list[str] = []
    for position, entry in enumerate(data.get("new_needs") or [], 1):
        where = f"new_needs {position}"
        if not isinstance(entry, dict) or not entry.get("wording") or not entry.get("holder"):
            raise ReviewError(f"{where}: a new need has a holder and a wording")
        serious = None
        if entry.get("consequences"):
            rating = entry.get("rating")
            serious = Seriousness(
                consequences=str(entry["consequences"]),
                rating=_choice(framework, "seriousness", rating, f"{where}, rating")
                if rating else None)
        added = Need(holder=_find_person(new, entry["holder"]), wording=str(entry["wording"]),
                     seriousness=serious)
        if added.holder == FAMILY:
            raise ReviewError(f"{where}: the holder must be a person in the case")
        new.needs.append(added)
        new_ids.append(added.id)

    # Ended outcomes and work leave the plan (earlier revisions keep them); work that
    # served an ended outcome no longer points at it.
    # (In this order: the need checks on every change that its work serves its outcomes.)
    for need in new.needs:
        need.work = [w for w in need.work if w.id not in ended]
        for work in need.work:
            if work.outcome_id in ended:
                work.outcome_id = None
        need.outcomes = [o for o in need.outcomes if o.id not in ended]

    if data.get("baseline") is not None:
        new.baseline = _merge(new.baseline, _scores(new, data["baseline"], distance, framework,
                                                    "baseline"))
        new.baseline_date = _date(data.get("baseline_date"), "baseline_date") or \
            new.baseline_date or new.created.date()
    scores = _scores(new, data.get("scores"), distance, framework, "scores")
    if scores and not new.baseline:
        warnings.append("scores without a baseline: distance travelled is measured from the "
                        "baseline (give 'baseline' in this or a later review)")
    plan_result = data.get("plan_result")
    try:
        review = Review(
            number=number, on=on, outcomes=results, needs=need_reviews, new_needs=new_ids,
            family_view=str(data.get("family_view") or ""), carried=carried,
            plan_result=_choice(framework, "plan_results", plan_result, "plan_result")
            if plan_result else None,
            scores=scores,
        )
        new.reviews = [*new.reviews, review]
        if data.get("next_review"):
            new.review_date = _date(data["next_review"], "next_review")
        checked = Case.model_validate(new.model_dump(), context={"framework": framework})
    except ValidationError as exc:
        raise ReviewError(explain(exc)[0]) from None
    return Applied(checked, review, warnings)


def _merge(old: list[Scores], new: list[Scores]) -> list[Scores]:
    by_who = {s.who: dict(s.scores) for s in old}
    for s in new:
        by_who.setdefault(s.who, {}).update(s.scores)
    return [Scores(who=who, scores=scores) for who, scores in by_who.items()]


# --- distance travelled --------------------------------------------------------------------


@dataclass
class DomainRow:
    """One domain for one person (or the family): its score at the baseline and reviews."""

    who: str
    who_label: str
    profile: str
    domain: str
    domain_label: str
    baseline: int | None
    reviews: list[int | None]

    @property
    def latest(self) -> int | None:
        return next((s for s in reversed(self.reviews) if s is not None), None)

    @property
    def change(self) -> int | None:
        """Baseline minus latest: positive is an improvement (the scale runs to worse)."""
        if self.baseline is None or self.latest is None:
            return None
        return self.baseline - self.latest

    @property
    def series(self) -> list[int | None]:
        return [self.baseline, *self.reviews]


@dataclass
class Travelled:
    """A case's distance travelled: every scored domain, and what improved or slipped."""

    columns: list[str]
    rows: list[DomainRow]
    improvements: list[str]
    setbacks: list[str]
    unchanged: int
    scale: list[tuple[int, str]]

    @property
    def measured(self) -> bool:
        return any(r.change is not None for r in self.rows)


def distance_travelled(case: Case, content: Content) -> Travelled:
    """Baseline to latest review, per person and domain, with improvements and setbacks
    named in words ('Sam: Health from Significant (4) to Minor (2)')."""
    framework = content.framework
    distance = content.distance
    baseline = {s.who: s.scores for s in case.baseline}
    columns = ["Baseline", *(f"Review {r.number}" for r in case.reviews)]
    rows: list[DomainRow] = []
    for who, _label, kind in scored_people(case, framework):
        profile = distance.profile(kind)
        per_review = [next((s.scores for s in r.scores if s.who == who), {})
                      for r in case.reviews]
        domains = list(baseline.get(who, {}))
        for scores in per_review:
            domains += [d for d in scores if d not in domains]
        order = [d.id for d in profile.domains] if profile else []
        domains.sort(key=lambda d: order.index(d) if d in order else len(order))
        for domain in domains:
            rows.append(DomainRow(
                who=who, who_label=who_label(case, who), profile=kind, domain=domain,
                domain_label=distance.domain_label(kind, domain),
                baseline=baseline.get(who, {}).get(domain),
                reviews=[scores.get(domain) for scores in per_review]))

    def words(row: DomainRow) -> str:
        return (f"{row.who_label}: {row.domain_label} from "
                f"{distance.score_label(row.baseline)} ({row.baseline}) to "
                f"{distance.score_label(row.latest)} ({row.latest})")

    improvements = [words(r) for r in rows if (r.change or 0) > 0]
    setbacks = [words(r) for r in rows if (r.change or 0) < 0]
    unchanged = sum(1 for r in rows if r.change == 0)
    return Travelled(columns, rows, improvements, setbacks, unchanged,
                     [(p.score, p.label) for p in distance.scale])


def latest_results(case: Case) -> dict[str, OutcomeResult]:
    """Each outcome's result at its most recent review."""
    out: dict[str, OutcomeResult] = {}
    for review in case.reviews:
        out.update((r.outcome_id, r) for r in review.outcomes)
    return out


def sparkline(values: Iterable[int | None], top: int = 5) -> str:
    """A one-line chart of scores in block characters ('▆▄▂'); a gap for no score."""
    blocks = "▁▂▃▄▅▆▇█"
    out = []
    for value in values:
        if value is None:
            out.append("·")
        else:
            out.append(blocks[min(len(blocks) - 1, round((value - 1) / max(1, top - 1)
                                                          * (len(blocks) - 1)))])
    return "".join(out)
