"""Who the story names that the case lacks ("What I heard"): a relation word is a person
only where it names one (the TUI walk as a student: "sister" and "family" were listed as
people to add, and so were "Nursery" and "Referral", capitalised by the sentence).

Several messy, real-sounding stories (fictional, names in no list or example): each says
which people must be listed and which words must not. A Pilot test shows the panel from
the first screen.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from assistant.interview import Interview
from assistant.model import Case, Person
from assistant.tui.app import NeedsLedApp
from tests.helpers import CONTENT, interview, until
from tests.test_tui import SIZE, answer, start_case

TODAY = date(2026, 11, 29)

#: (story, people in the case, must be listed, must not be listed)
STORIES = [
    ("Tamsin (4) lives with her mum Odette and her sister. Nursery say Tamsin hits other "
     "children. The family moved here in May. School is not yet an issue.",
     [("Tamsin", "child", 4), ("Odette", "mother", 29)],
     ["sister"], ["family", "Nursery", "School", "children"]),
    ("Family moved from Glasgow last year. Dad works nights. Sister Elowen (14) looks "
     "after Rufus (6) after school. Families in the street have complained. Teacher says "
     "he is tired.",
     [("Rufus", "child", 6)],
     ["Elowen", "dad"], ["family", "families", "Glasgow", "Teacher", "Family"]),
    ("Referral from school. Priya has depression. The family are known to CAMHS. Nan "
     "helps on Saturdays. Older brother Solvey lives with his dad Marcan.",
     [("Priya", "mother", 30), ("Ilka", "child", 8)],
     ["nan", "Solvey", "Marcan"], ["Referral", "Older", "family"]),
    ("Staff at nursery report bruising. Siblings: none. Mother says it happened at soft "
     "play. Grandparents live abroad. Stepdad Joren moved in; he is like a brother to her.",
     [("Ines", "child", 3), ("Mum", "mother", 25)],
     ["Joren"], ["Staff", "siblings", "grandparents", "brother"]),
    ("Lola is 9. Her parents separated in 2025. She stays with her father at weekends. "
     "Sister school is in Leeds. Lola says family time is shouting. Her auntie Bevan "
     "picks her up. The baby cries at night.",
     [("Lola", "child", 9)],
     ["father", "Bevan"], ["parents", "family", "sister", "Sister"]),
]


def _heard(story: str, people: list[tuple[str, str, int]]) -> tuple[list[str], str]:
    case = Case(reference="HEARD-1", story=story,
                people=[Person(name=n, role=r, age=a) for n, r, a in people])
    iv = Interview(case, CONTENT, today=TODAY)
    heard = iv.reflect()["heard"]
    new = heard.split("not in the case yet: ", 1)[1] if "not in the case yet" in heard \
        else ""
    return [item.split(" (")[0] for item in new.split(", ") if item], heard


@pytest.mark.parametrize(("story", "people", "listed", "unlisted"), STORIES,
                         ids=[s[0][:24] for s in STORIES])
def test_only_words_that_name_a_person_are_people_to_add(
        story: str, people: list[tuple[str, str, int]], listed: list[str],
        unlisted: list[str]) -> None:
    new, heard = _heard(story, people)
    for word in listed:
        assert word in new, (word, heard)
    for word in unlisted:
        assert word not in new, (word, heard)


def test_a_word_for_the_whole_family_is_never_a_person_to_add() -> None:
    for story in ("The family are struggling.", "Family is everything to Wenna.",
                  "Wenna's family moved here.", "Both families help.",
                  "Her parents argue.", "The household is chaotic."):
        new, heard = _heard(story, [("Wenna", "child", 7)])
        assert new == [], heard


def test_a_relation_word_names_a_person_where_it_is_someones_or_named() -> None:
    for story, word in (("Wenna misses her older sister.", "sister"),
                        ("Wenna's brother is in care.", "brother"),
                        ("Wenna goes to her grandmother on Fridays.", "grandmother"),
                        ("Wenna is close to cousin Tullo.", "Tullo")):
        new, heard = _heard(story, [("Wenna", "child", 7)])
        assert word in new, heard


pytestmark = pytest.mark.anyio


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


async def test_what_i_heard_lists_people_not_words(tmp_path: Path) -> None:
    app = NeedsLedApp(db=str(tmp_path / "cases.db"))
    async with app.run_test(size=SIZE) as pilot:
        await start_case(pilot, "NL-HEARD-5")
        screen = interview(app)
        await answer(pilot, "Nursery say Kayla is tired. The family moved in May. Kayla "
                            "misses her sister. Families on the estate help.")
        await until(pilot, lambda: screen.interview.key == "heard:", "what I heard")
        question = str(screen.query_one("#question").render())
        said = question.split("not in the case yet:", 1)[1].split(".", 1)[0]
        assert "sister" in said, question
        for word in ("family", "Nursery", "Families", "families"):
            assert word not in said, question
