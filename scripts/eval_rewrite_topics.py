"""How often the coach's top rewrite for a faulty need comes from a library area the need
is about: tests/fixtures/rewrite_topics.yml, each need checked for each story's child.

Why: a rewrite about bedding offered for "needs support with his friendships" is worse
than none. This counts, for needs that name a topic, the share whose top rewrite is from an
acceptable area (or that get the questions only where the library has no area for the
topic), and the share given an off-topic rewrite; for needs that name none, the share
still given a rewrite led by the story.

    PYTHONPATH=. .venv/bin/python scripts/eval_rewrite_topics.py [--show]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

import yaml

from assistant.content import Content
from assistant.model import Case, Person
from assistant.wording import Coach

FIXTURE = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "rewrite_topics.yml"
PRONOUNS = {"male": {"his": "his", "he": "he"}, "female": {"his": "her", "he": "she"}}


def load(path: Path = FIXTURE) -> tuple[dict[str, Case], list[dict[str, Any]]]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    cases = {}
    for key, story in data["stories"].items():
        people = [Person(id=f"{key}{n}", **p) for n, p in enumerate(story["people"])]
        cases[key] = Case(reference=f"T-{key}", story=story["story"], people=people)
    return cases, data["needs"]


def top_area(coach: Coach, case: Case, text: str, holder: str) -> tuple[str | None, str]:
    """The area of the first rewrite offered ("" for questions only; None for a rule's own
    example, which comes from no area), and the rewrite."""
    report = coach.check(text, holder=holder, case=case)
    offered = [s for f in report.findings for s in f.suggestions]
    if not report.findings:
        return "unflagged", ""
    if not offered:
        return "", ""
    family = coach.library.family(case)
    for entry, filled in coach.library.choose(text, holder, family=family):
        if filled == offered[0]:
            return entry.area.area, offered[0]
    return None, offered[0]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--show", action="store_true", help="print every miss")
    args = parser.parse_args(argv)
    coach = Coach(Content(None)).load()
    cases, needs = load()
    tally = {"topic": [0, 0, 0, 0], "questions": [0, 0, 0, 0], "story": [0, 0, 0, 0]}
    # per group: right, wrong (off-topic rewrite), none (questions only), unflagged
    for key, case in cases.items():
        child = case.people[0]
        words = PRONOUNS[child.sex]
        for item in needs:
            text = item["need"].format(name=child.name, **words)
            accept = item["accept"]
            group = accept if isinstance(accept, str) else "topic"
            area, said = top_area(coach, case, text, child.name)
            row = tally[group]
            if area == "unflagged":
                row[3] += 1
                continue
            if group == "story":
                ok = True
                row[0 if area else 2] += 1
            elif group == "questions":
                ok = area == ""
                row[0 if ok else 1] += 1
            else:
                ok = area in accept or area == ""
                row[0 if area in accept else 2 if area == "" else 1] += 1
            if args.show and (not ok or (group == "topic" and area == "")):
                print(f"{key:7} {text!r}\n        want {accept}, got {area!r}: {said}")
    print("group      right  wrong  none  unflagged  (right: top rewrite from an accepted area;"
          " none: questions only)")
    for group, (right, wrong, none, unflagged) in tally.items():
        print(f"{group:9} {right:6} {wrong:6} {none:5} {unflagged:10}")
    topic, questions = tally["topic"], tally["questions"]
    judged = sum(topic[:3]) + sum(questions[:3])
    good = topic[0] + topic[2] + questions[0]
    print(f"named a topic: {good}/{judged} = {good / max(judged, 1):.3f} on topic or questions "
          f"only; off-topic rewrites {topic[1] + questions[1]}; top rewrite from an accepted "
          f"area {topic[0]}/{sum(topic[:3])}")
    story = tally["story"]
    print(f"no topic: {story[0]}/{sum(story[:3])} given a story-led rewrite")
    return 0


if __name__ == "__main__":
    sys.exit(main())
