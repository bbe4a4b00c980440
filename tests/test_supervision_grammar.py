"""Every supervision question reads as English whoever holds the need (the TUI walk as a
supervisor: "Who is the fewest number of people ..."; "Is it Parents's ...").

Each question of prompts/supervision.yml is rendered for a need held by one child, a child
whose name ends in s, a parent, the parents together, the family and carers, with one child
and with several (``{child}`` is then "the children"), and read for agreement, possessives
and role words written as names. Names here are in no list or example.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from assistant.content import Content, ContentError
from assistant.model import Case, Need, Outcome, Person, WorkItem
from assistant.supervision import agenda, load_prompts
from tests.helpers import CONTENT

PLURAL = r"(?:the children|the parents|the family|the carers|the grandparents)"


def _case(holder: Person, *others: Person) -> Case:
    outcome = Outcome(statement="By Easter the bedtime routine will hold on five nights a "
                                "week.", whose="child")
    need = Need(holder=holder.id, wording="to keep a bedtime routine that works for "
                                          "everyone.", outcomes=[outcome],
                work=[WorkItem(action="Weekly visit to plan bedtimes",
                               outcome_id=outcome.id)])
    return Case(reference="SUP-GRAMMAR", people=[holder, *others], needs=[need])


HOLDERS = {
    "one child": (Person(id="h", name="Wrenna", role="child", age=7), []),
    "a child whose name ends in s": (Person(id="h", name="Tobias", role="child", age=9),
                                     [Person(id="s", name="Ilsa", role="child", age=4)]),
    "a parent": (Person(id="h", name="Mum", role="mother"),
                 [Person(id="c", name="Wrenna", role="child", age=7)]),
    "the parents": (Person(id="h", name="Parents", role="family"),
                    [Person(id="c", name="Wrenna", role="child", age=7),
                     Person(id="d", name="Peregrine", role="child", age=2)]),
    "the family": (Person(id="h", name="Family", role="family"),
                   [Person(id="c", name="Wrenna", role="child", age=7)]),
    "carers": (Person(id="h", name="Carers", role="carer"),
               [Person(id="c", name="Wrenna", role="child", age=7),
                Person(id="d", name="Peregrine", role="child", age=2)]),
}


@pytest.mark.parametrize("who", list(HOLDERS))
def test_every_question_reads_for_every_kind_of_holder(who: str) -> None:
    holder, others = HOLDERS[who]
    case = _case(holder, *others)
    questions = agenda(case, load_prompts(CONTENT), CONTENT.framework)
    about = [q.text for q in questions if q.about is not None]
    assert len(about) >= 8
    for text in (q.text for q in questions):
        assert "{" not in text and "}" not in text, text
        assert text.rstrip().endswith("?"), text
        # agreement: no singular verb with a plural holder or count, either way round
        assert not re.search(rf"\b(?:is|was|has|does) {PLURAL}\b", text), text
        assert not re.search(rf"\b{PLURAL} (?:is|was|has|does)\b", text), text
        assert not re.search(r"\bthe fewest number\b|\bis the fewest\b", text), text
        # possessives: "the parents'", "Tobias's"; never "the parents's"
        assert not re.search(r"\b(?:the )?\w+s's\b", text.replace("Tobias's", "")), text
        # a holder written as a role's word reads as one, not as a name
        assert not re.search(r"\b(?:Parents|Family|Carers)\b", text[1:]), text
        # nothing said twice ("the family, or the family")
        assert not re.search(r"\b(\w+(?: \w+)?), or \1\b", text), text
    if who in ("the parents", "carers"):
        assert any("the parents'" in t or "the carers'" in t for t in about), about
    if who == "a child whose name ends in s":
        assert any("Tobias's" in t for t in about), about


def test_the_several_children_a_parents_need_affects_read_as_plural() -> None:
    holder, others = HOLDERS["the parents"]
    texts = [q.text for q in agenda(_case(holder, *others), load_prompts(CONTENT),
                                    CONTENT.framework)]
    assert any("happen to the children" in t for t in texts), texts


def test_a_template_writing_the_possessive_by_hand_is_refused(tmp_path: Path) -> None:
    text = CONTENT.read_text("prompts", "supervision.yml")
    (tmp_path / "prompts").mkdir()
    (tmp_path / "prompts" / "supervision.yml").write_text(
        text.replace("{holder_s} name", "{holder}'s name"), encoding="utf-8")
    with pytest.raises(ContentError, match=r"holder_s"):
        load_prompts(Content(tmp_path))
