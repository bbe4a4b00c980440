"""The picture of the plan: what is missing or does not add up (each gap with the step
that would fill it), and the cumulative picture in one line."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any, cast

from assistant.dates import show_date
from assistant.interview.steps import At, SafeFormat, safety_shown

if TYPE_CHECKING:
    from assistant.content import Framework
    from assistant.interview import Interview
    from assistant.interview.prompts import InterviewPrompts
    from assistant.model import Case, Need


@dataclass(frozen=True)
class Gap:
    kind: str
    message: str
    key: str


class Gaps:
    """The gap and picture methods of :class:`~assistant.interview.Interview`."""

    case: Case
    framework: Framework
    prompts: InterviewPrompts
    today: date

    if TYPE_CHECKING:  # defined by Interview, which this is a part of
        def is_child(self, person_id: str) -> bool: ...
        def needs_in_order(self) -> list[Need]: ...
        def lacking(self, kind: str, text: str) -> list[str]: ...


    def gaps(self) -> list[Gap]:
        """What is missing or does not add up in the plan, each with the step that would
        fill it."""
        texts = self.prompts.gaps
        gaps: list[Gap] = []
        case = self.case

        def add(kind: str, template: str, key: str, **values: Any) -> None:
            gaps.append(Gap(kind, template.format_map(SafeFormat(values)), key))

        if not case.people:
            add("no_people", texts.no_people, "story:")
        for person in case.people:
            if self.is_child(person.id) and not any(n.holder == person.id for n in case.needs):
                add("child_without_needs", texts.child_without_needs,
                    f"need_new:{person.id}", name=person.name)
        outcomes = 0
        for need in self.needs_in_order():
            values = {"name": case.holder_name(need), "need": need.wording.rstrip(" .")}
            at = At(case, need=need)
            if need.seriousness is None or need.seriousness.rating is None:
                key = "consequences" if need.seriousness is None else "rating"
                add("no_seriousness", texts.no_seriousness, f"{key}:{need.id}", **values)
            elif safety_shown(cast("Interview", self), at) and not need.seriousness.safety:
                add("no_safety", texts.no_safety, f"safety:{need.id}", **values)
            if not need.outcomes:
                add("no_outcome", texts.no_outcome, f"outcome_new:{need.id}", **values)
            for outcome in need.outcomes:
                outcomes += 1
                ov = {"outcome": outcome.statement.rstrip(" ."),
                      "date": show_date(outcome.target_date)}
                if not outcome.measure:
                    add("no_measure", texts.no_measure, f"measure:{outcome.id}", **ov)
                for lack in self.lacking("measure", outcome.measure):
                    add("unclear_answer", texts.unclear_outcome, f"measure:{outcome.id}",
                        **(ov | {"text": lack}))
                if outcome.target_date is None:
                    add("no_date", texts.no_date, f"by:{outcome.id}", **ov)
                elif outcome.target_date < self.today:
                    add("past_date", texts.past_date, f"by:{outcome.id}", **ov)
                work = [w for w in need.work if w.outcome_id == outcome.id]
                if not work:
                    add("no_work", texts.no_work, f"work_new:{outcome.id}", **ov)
                for item in work:
                    for kind in ("who", "frequency"):
                        for lack in self.lacking(kind, getattr(item, kind)):
                            add("unclear_answer", texts.unclear_work, f"{kind}:{item.id}",
                                work=item.action.rstrip(" ."), text=lack)
                    if (item.start_date and outcome.target_date
                            and item.start_date > outcome.target_date):
                        add("work_after_outcome", texts.work_after_outcome,
                            f"start:{item.id}", **ov, work=item.action.rstrip(" ."),
                            text=show_date(item.start_date))
            for item in need.work:
                if item.outcome_id is None:
                    add("orphan_work", texts.orphan_work, f"work:{item.id}",
                        work=item.action.rstrip(" ."))
        if outcomes and case.review_date is None:
            add("no_review_date", texts.no_review_date, "review_date:")
        limit = self.prompts.limits.many_outcomes
        if outcomes > limit:
            add("too_many_outcomes", texts.too_many_outcomes, "review:", count=outcomes,
                limit=limit)
        low = self.framework.low_ratings
        lows = Counter(n.holder for n in case.needs
                       if n.seriousness is not None and n.seriousness.rating in low)
        for holder, count in lows.items():
            if count >= self.prompts.limits.low_needs:
                holding = case.person(holder)
                add("low_adds_up", texts.low_adds_up, "review:",
                    name=holding.name if holding else "?", count=count)
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
