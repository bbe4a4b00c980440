"""`needs-led review CASE`: review a plan, as prompts on a terminal or from a file.

Both ways build the same plain data and go through :func:`assistant.review.apply_review`,
so a script (``--from review.yml``) and a worker at the prompts get the same checks; the
result is saved as one revision labelled "Review N on DATE".
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from typing import Any

from assistant.cli import add, open_content, open_store


def _load_file(name: str) -> dict[str, Any]:
    """A review from JSON or YAML (JSON is YAML); a broken file is one line, exit 2."""
    import yaml

    from assistant.commands.cases import read_input
    from assistant.review import ReviewError

    raw = read_input(name)
    try:
        data = yaml.safe_load(raw.decode("utf-8"))
    except UnicodeDecodeError:
        raise ReviewError(f"{name}: not UTF-8 text") from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f":{mark.line + 1}" if mark else ""
        problem = getattr(exc, "problem", None) or "not valid JSON or YAML"
        raise ReviewError(f"{name}{where}: {problem}") from None
    if not isinstance(data, dict):
        raise ReviewError(f"{name}: a review is a set of 'key: value' entries (date, "
                          "outcomes, needs, ...)")
    return data


class Prompter:
    """Questions on a terminal; an answer the content does not know is asked again."""

    def __init__(self, ask: Callable[[str], str] = input, say: Callable[[str], None] = print):
        self.ask = ask
        self.say = say

    def text(self, question: str, default: str = "") -> str:
        hint = f" [{default}]" if default else ""
        answer = self.ask(f"{question}{hint}: ").strip()
        return answer or default

    def choice(self, question: str, ids: list[str], default: str = "",
               optional: bool = True) -> str:
        from assistant.review import ReviewError

        options = "/".join(ids)
        while True:
            skip = ", Enter to skip" if optional and not default else ""
            answer = self.text(f"{question} ({options}{skip})", default)
            if not answer and (optional or default):
                return default
            match = [i for i in ids if i.startswith(answer.casefold())]
            if answer in ids:
                return answer
            if len(match) == 1:
                return match[0]
            self.say(str(ReviewError(f"'{answer}' is not one of: {', '.join(ids)}")))


def interview(case: Any, content: Any, coach: Any, prompter: Prompter) -> dict[str, Any]:
    """Ask for a review, item by item, as a supervisor would; return the review data."""
    from datetime import date

    from assistant import dates
    from assistant.review import evidence_problems, scored_people

    framework = content.framework
    distance = content.distance
    p = prompter
    data: dict[str, Any] = {}
    number = len(case.reviews) + 1
    p.say(f"Review {number} of {case.reference}. Enter skips a question.")
    while True:
        when = p.text("Review date (YYYY-MM-DD)", dates.today().isoformat())
        try:
            date.fromisoformat(when)
            break
        except ValueError:
            p.say(f"'{when}' is not a date (write it as YYYY-MM-DD)")
    data["date"] = when
    outcomes, work, needs = [], [], []
    for n, need in enumerate(case.needs, 1):
        p.say(f"\nNeed {n} ({case.holder_name(need)}): {need.wording}")
        for k, outcome in enumerate(need.outcomes, 1):
            p.say(f"  Outcome {n}.{k}: {outcome.statement}")
            result = p.choice("  Result", framework.ids("outcome_results"))
            if not result:
                continue
            entry: dict[str, Any] = {"outcome": f"{n}.{k}", "result": result}
            evidence = p.text("  What shows it (seen, counted or said, by whom)")
            problems = evidence_problems(coach, evidence, case.holder_name(need))
            if problems:
                p.say("  Not yet evidence: " + " ".join(problems))
                better = p.text("  What shows it (Enter keeps your wording)")
                evidence = better or evidence
            entry["evidence"] = evidence
            entry["evidence_date"] = p.text("  Date of that evidence", when)
            entry["carry"] = p.choice("  Carry forward", framework.ids("carry_forward"), "kept")
            if entry["carry"] == "changed":
                entry["change_to"] = p.text("  The outcome as it now reads")
            outcomes.append(entry)
        for k, item in enumerate(need.work, 1):
            decision = p.choice(f"  Work {n}.{k}: {item.action}. Carry forward",
                                framework.ids("carry_forward"), "kept")
            if decision != "kept":
                change = p.text("  The work as it now reads") if decision == "changed" else ""
                work.append({"work": f"{n}.{k}", "carry": decision, "change_to": change})
        status = p.choice("  Need status", framework.ids("review_status"))
        if status:
            change = p.choice("  Seriousness since the plan",
                              framework.ids("seriousness_change"), "same")
            entry = {"need": n, "status": status, "seriousness": change}
            if change != "same" and need.seriousness is not None:
                rating = p.choice("  Seriousness now", framework.ids("seriousness"),
                                  need.seriousness.rating or "")
                if rating:
                    entry["rating"] = rating
            needs.append(entry)
    data |= {"outcomes": outcomes, "work": work, "needs": needs}
    new_needs = []
    while True:
        holder = p.text("\nA new need found since (whose? Enter for none)")
        if not holder:
            break
        wording = p.text("  The need, specifically")
        if wording:
            new_needs.append({"holder": holder, "wording": wording})
    data["new_needs"] = new_needs
    data["family_view"] = p.text("The family's view of progress")
    data["plan_result"] = p.choice("The plan overall", framework.ids("plan_results"))
    p.say("\nDistance travelled: scores from 1 (" + distance.score_label(distance.scores[0])
          + f") to {distance.scores[-1]} (" + distance.score_label(distance.scores[-1])
          + "), as 'domain=score domain=score'.")
    for key, prompt in (("baseline", "Baseline"), ("scores", "Now")):
        if key == "baseline" and case.baseline:
            continue
        scores: dict[str, dict[str, str]] = {}
        for who, label, kind in scored_people(case, framework):
            profile = distance.profile(kind)
            if profile is None:
                continue
            p.say(f"  {label}: " + ", ".join(d.id for d in profile.domains))
            line = p.text(f"  {prompt}, {label}")
            pairs = dict(part.split("=", 1) for part in line.split() if "=" in part)
            if pairs:
                scores[who] = pairs
        if scores:
            data[key] = scores
    data["next_review"] = p.text("Next review date (YYYY-MM-DD, Enter for none)")
    return data


def cmd_review(args: argparse.Namespace) -> int:
    from assistant.review import apply_review, distance_travelled, note
    from assistant.wording import Coach

    content = open_content(args)
    with open_store(args) as store:
        case = store.load(args.case)
        coach = Coach(content, getattr(args, "pipeline", None))
        if args.from_file:
            data = _load_file(args.from_file)
        else:
            from assistant.cli import require_terminal

            require_terminal("review without --from")
            data = interview(case, content, coach, Prompter())
        applied = apply_review(case, data, content, coach)
        for warning in applied.warnings:
            print(f"warning: {warning}", file=sys.stderr)
        review = applied.review
        revision = store.save(applied.case, note=note(review.number, review.on))
    print(f"{case.reference}: Review {review.number} on {review.on.isoformat()} saved "
          f"(revision {revision})")
    travelled = distance_travelled(applied.case, content)
    if travelled.measured:
        print(f"Distance travelled since the baseline: {len(travelled.improvements)} "
              f"better, {len(travelled.setbacks)} worse, {travelled.unchanged} the same")
        for line in travelled.improvements:
            print(f"  better: {line}")
        for line in travelled.setbacks:
            print(f"  worse:  {line}")
    return 0


def add_commands(sub: Any, common: argparse.ArgumentParser) -> None:
    p = add(
        sub, common, "review",
        "review a case's plan: outcome results, need status, distance travelled",
        cmd_review,
        description=(
            "Review a plan: each outcome's result and what shows it, each need's status and "
            "whether its seriousness changed, new needs, the family's view, what is carried "
            "forward, and distance-travelled scores (framework/distance.yml). On a terminal "
            "it asks; --from reads the same answers from JSON or YAML. Saved as one revision "
            "labelled 'Review N on DATE'."
        ),
    )
    p.add_argument("case", metavar="CASE", help="the case reference")
    p.add_argument("--from", dest="from_file", metavar="FILE",
                   help="the review as JSON or YAML ('-' for standard input); see "
                   "tests/fixtures/review1.yml for its shape")
