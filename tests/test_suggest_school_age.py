"""A child under school age is not offered school-age settings (the TUI walk: a rewrite
for the mother of a four-year-old at nursery spoke of "after school").

The school fact (framework/case-facts.yml) says with ``younger: [at-nursery]`` that a
child younger than its ages whom the story shows at nursery is not at school: a story
that names a school (a cousin's, the one the child starts next year) no longer brings
school-day statements to that child; a four-year-old in reception, or an older brother at
school, still gets them. Stories, names and needs here are in no list or example.
Real spaCy.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from assistant.content import Content, ContentError, default_root
from assistant.model import Case, Person
from assistant.wording import Coach
from assistant.wording.casefit import load_case_facts
from tests.helpers import CONTENT

SCHOOL = load_case_facts(CONTENT).by_id["school"]
SCHOOL_WORDS = re.compile(
    r"\b(?:" + "|".join(re.escape(w) for w in [*SCHOOL.mentions, "after school",
                                               "school days", "school nights"]) + r")\b",
    re.IGNORECASE)

STORIES = [
    "Wynn (4) goes to nursery three mornings a week. Carys, her mum, finds bedtimes and "
    "mornings hard since the move. Wynn will start school next September.",
    "Wynn is four and at preschool. Carys says Wynn clings to her and hits out after "
    "nursery. Her cousin is at the school across the road.",
    "Nursery staff say Wynn (4) arrives hungry and in dirty clothes. Carys drinks most "
    "evenings. The school nurse knows the family from Wynn's older cousin.",
]
NEEDS = [
    ("Carys", "Carys needs parenting support."),
    ("Carys", "Carys needs help with Wynn's behaviour."),
    ("Carys", "Carys needs support with her drinking."),
    ("Wynn", "Wynn needs emotional support."),
    ("Wynn", "Wynn needs support with her behaviour."),
    ("Wynn", "Wynn needs to be safe."),
]


def _case(story: str, age: int) -> Case:
    return Case(reference="SCHOOL-AGE", story=story,
                people=[Person(id="w", name="Wynn", role="child", age=age, sex="female"),
                        Person(id="c", name="Carys", role="mother", age=26, sex="female")])


def _rewrites(coach: Coach, case: Case) -> list[str]:
    out: list[str] = []
    for _, text in NEEDS:
        for finding in coach.check(text, "need", case=case).findings:
            out += finding.suggestions
    return out


@pytest.mark.parametrize("story", STORIES, ids=["starts-next-year", "cousin", "nurse"])
def test_a_four_year_old_at_nursery_is_offered_no_school_day(coach: Coach,
                                                             story: str) -> None:
    offered = _rewrites(coach, _case(story, 4))
    assert offered, "the needs must be given rewrites at all"
    school = [r for r in offered if SCHOOL_WORDS.search(r)]
    assert not school, school


def test_a_child_of_school_age_still_is(coach: Coach) -> None:
    story = STORIES[0].replace("Wynn (4) goes to nursery three mornings a week",
                               "Wynn (6) goes to school").replace(
        " Wynn will start school next September.", "")
    offered = _rewrites(coach, _case(story, 6))
    assert any(SCHOOL_WORDS.search(r) for r in offered), offered


def test_a_four_year_old_at_school_and_an_older_sibling_still_are(coach: Coach) -> None:
    """Only the child the nursery is for is held back: a four-year-old the story shows in
    reception, or an older brother at school beside a four-year-old at nursery, is still
    offered school-day statements."""
    reception = "Wynn (4) started in reception at school in September. Carys has been low."
    assert any(SCHOOL_WORDS.search(r) for r in _rewrites(coach, _case(reception, 4)))
    case = _case(STORIES[0], 4)
    case.people.append(Person(id="b", name="Torin", role="child", age=8, sex="male"))
    case.story += " Torin (8) is at the school round the corner."
    offered = [r for _, text in NEEDS[:3]
               for f in coach.check(text, "need", case=case).findings for r in f.suggestions]
    school = [r for r in offered if SCHOOL_WORDS.search(r)]
    assert school and all("Wynn" not in r for r in school), offered


def test_younger_names_known_facts_and_needs_ages(tmp_path: Path) -> None:
    folder = tmp_path / "framework"
    folder.mkdir()
    text = (default_root() / "framework" / "case-facts.yml").read_text(encoding="utf-8")
    (folder / "case-facts.yml").write_text(
        text.replace("younger: [at-nursery]", "younger: [at-creche]", 1), encoding="utf-8")
    with pytest.raises(ContentError, match=r"unknown fact\(s\) at-creche"):
        Coach(Content(tmp_path))
