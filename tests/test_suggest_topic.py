"""Rewrites follow the topic the faulty need names (the issue: rewrites are chosen "from
library areas that the story and the need speak to"; "Where nothing fits, show the questions
only").

"Kai needs support with his friendships" was offered a clean bed and his mum setting rules,
because the story spoke of drinking and tea-times and the need's own words matched no area.
The need's topic is read from its parse (the phrase "with ...", "about ...", "because ..."),
so a topic in no word list is still a topic: the questions are asked rather than a rewrite
about something else. A need naming no topic keeps the story-led choice.

Real spaCy pipeline, real content; invented families only.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.content import Content
from assistant.model import Case, Person
from assistant.wording import Coach
from tests.helpers import CONTENT

# A story that speaks loudly to other areas: drinking, tea-times, sleep, fights.
KAI = Case(reference="T-K", story=(
    "Kai is 9 and lives with his mum Jade. Jade drinks most evenings and Kai often makes his "
    "own tea; school say he comes in hungry and tired and gets into fights at break."),
    people=[Person(id="k", name="Kai", role="child", age=9, sex="male"),
            Person(id="j", name="Jade", role="mother", age=31, sex="female")])
# A teenager whose story is about going missing with older boys.
NIAMH = Case(reference="T-N", story=(
    "Niamh (14) lives with her dad Colm. She has been staying out overnight with older boys "
    "and missed most of last term."),
    people=[Person(id="n", name="Niamh", role="child", age=14, sex="female"),
            Person(id="c", name="Colm", role="father", age=45, sex="male")])


@pytest.fixture(scope="module")
def coach() -> Coach:
    return Coach(content=CONTENT).load()


def _areas(coach: Coach, case: Case | None, text: str, holder: str) -> list[str | None]:
    """The area of each rewrite the coach offers (None for one from no library area)."""
    report = coach.check(text, holder=holder, case=case)
    offered = [s for f in report.findings for s in f.suggestions]
    family = coach.library.family(case)
    chosen = {filled: entry.area.area
              for entry, filled in coach.library.choose(text, holder, family=family)}
    assert report.findings, text
    return [chosen.get(s) for s in offered]


@pytest.mark.parametrize(("case", "need", "area"), [
    (KAI, "Kai needs support with his friendships", "friendships"),
    (KAI, "Kai needs counselling about the bullying at school", "bullying"),
    (KAI, "Kai needs support because he is being bullied", "bullying"),
    (KAI, "Kai needs a mentor for his social skills", "friendships"),
    (KAI, "Kai needs help with his homework", "learning"),
    (NIAMH, "Niamh needs support with her friendships", "friendships"),
    (NIAMH, "Niamh needs therapy about her panic attacks", "emotional-wellbeing"),
    (NIAMH, "Niamh needs to be referred to a group for help with making friends",
     "friendships"),
    (NIAMH, "Niamh needs an assessment of her social media use", "online-safety"),
])
def test_the_needs_own_topic_chooses_the_area_over_the_story(
        coach: Coach, case: Case, need: str, area: str) -> None:
    holder = case.people[0].name
    areas = _areas(coach, case, need, holder)
    assert areas and areas[0] == area, (need, areas)
    # no area only the story speaks to answers another need
    story_only = {"substance", "neglect", "housing-money", "missing", "exploitation",
                  "sleep", "family-relationships"}
    assert not set(areas) & story_only, (need, areas)


@pytest.mark.parametrize("need", [
    "Kai needs support with his unicycle",
    "Kai needs help with his pet tortoise",
    "Kai needs counselling about the allotment",
    "Kai needs advice regarding his chess tournament",
    "Kai needs support because the caravan was sold",
])
@pytest.mark.parametrize("with_case", [True, False])
def test_a_topic_no_area_knows_gets_the_questions_only(coach: Coach, need: str,
                                                       with_case: bool) -> None:
    report = coach.check(need, holder="Kai", case=KAI if with_case else None)
    assert report.findings, need
    assert all(f.questions for f in report.findings)
    assert [s for f in report.findings for s in f.suggestions] == [], need


@pytest.mark.parametrize(("need", "words"), [
    ("Kai needs support with his friendships", {"friendships"}),
    ("Kai needs counselling about the bullying at school", {"bullying", "school"}),
    ("Kai needs help because his mum drinks", {"mum", "drinks"}),
    ("Kai needs support with his unicycle", {"unicycle"}),
    ("Kai needs to be referred to a group for help with making friends", {"friends"}),
    # no topic: the service alone, who gives it, a time, a helper
    ("Kai needs support", set()),
    ("Kai needs to be safe", set()),
    ("Kai needs support from his nan", set()),
    ("Kai needs to engage with services", set()),
    ("Kai needs counselling for six weeks", set()),
    ("Kai needs support for Tyler", set()),
    # the clause the help is for ("help getting there", "support to attend"), whatever
    # the help is called
    ("Kai needs help getting to his trampolining club on time", {"trampolining", "club"}),
    ("Mum needs support to attend her appointments", {"appointments"}),
    ("Kai needs encouragement to practise his clarinet", {"practise", "clarinet"}),
    ("Kai needs help making friends", {"friends"}),
    # an aim's state names no topic, helped or not
    ("Kai needs support to be safe and happy", set()),
    ("Kai needs help to be settled", set()),
])
def test_the_topic_is_read_from_the_parse(coach: Coach, need: str, words: set[str]) -> None:
    assert set(coach.library.topic(need, "Kai")) == words


@pytest.mark.parametrize("need", [
    "Kai needs to be safe", "Kai needs support", "Kai needs counselling",
    "Kai needs a family support worker", "Kai needs help", "Kai needs support from his nan",
    "Kai needs to reach his full potential", "Kai needs a referral to early help",
])
@pytest.mark.parametrize("case", [KAI, NIAMH, None])
def test_a_need_naming_no_topic_keeps_the_story_led_choice(
        coach: Coach, need: str, case: Case | None) -> None:
    """Without a parse no topic is read, which is how rewrites were chosen before topics
    were: a need that names none is offered the same rewrites either way."""
    library = coach.library
    holder = case.people[0].name if case is not None else "Kai"
    text = need.replace("Kai", holder).replace(" his ", " her " if holder == "Niamh"
                                                else " his ")
    family = library.family(case)
    read = library.choose(text, holder, family=family)
    parser = library._parser
    try:
        library.read_with(None)
        library._last = None  # the statement just chosen is kept: choose afresh
        blind = library.choose(text, holder, family=family)
    finally:
        library.read_with(parser)
        library._last = None
    assert read == blind
    if case is not None:
        assert read, text  # the story still leads to rewrites


def test_only_the_faulty_needs_own_clause_names_its_topic(coach: Coach) -> None:
    text = "Kai needs counselling. He needs to be able to go to his nan's when Jade drinks."
    assert coach.library.topic(text, "Kai", at=0) == ()
    assert _areas(coach, KAI, text, "Kai"), "story-led rewrites for the bare service"


def _local(tmp_path: Path) -> Content:
    """The shipped content with one more library area, for a topic no shipped list knows."""
    library = tmp_path / "framework" / "library"
    library.mkdir(parents=True)
    (library / "zz-water.yml").write_text("""area: water-sports
title: Water sports
keywords: [kayaking, canoeing, paddling]
ages: [8, 17]
statements:
  - {text: "{name} needs to be able to swim fifty metres before he goes on the river."}
  - {text: "{name} needs to wear a buoyancy aid every time he is on the water."}
  - {text: "{name} needs to know how to get back into the boat if it tips over."}
  - {text: "{name} needs to paddle with an adult who knows the river."}
  - {text: "{name} needs to keep his kit dry and ready the night before a session."}
""", encoding="utf-8")
    return Content(tmp_path)


def test_a_topic_is_matched_to_areas_by_their_keywords_as_data(
        coach: Coach, tmp_path: Path) -> None:
    need = "Kai needs support with his kayaking"
    assert [s for f in coach.check(need, holder="Kai", case=KAI).findings
            for s in f.suggestions] == []
    local = Coach(content=_local(tmp_path)).load()
    areas = _areas(local, KAI, need, "Kai")
    assert areas and set(areas) == {"water-sports"}, areas
    assert _areas(local, KAI, "Kai needs to be safe", "Kai") == \
        _areas(coach, KAI, "Kai needs to be safe", "Kai")


def test_a_topic_statement_takes_nothing_for_granted_the_case_lacks(coach: Coach) -> None:
    """A statement about bullying or panic is offered only where the need or the story
    says it: a friendship need is never given "...while the bullying is sorted out"."""
    said = [s for f in coach.check("Kai needs support with his friendships", holder="Kai",
                                   case=KAI).findings for s in f.suggestions]
    assert said and not any("bull" in s or "panic" in s for s in said), said
    facts = coach.library.facts.by_id
    for area in ("bullying",):
        for entry in coach.library.entries[area]:
            assert "bullied" in entry.needs, entry.statement.text
    assert "bullied" in facts and "anxious" in facts
