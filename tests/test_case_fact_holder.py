"""A fact about one kind of person, in the worker's own statement, is shown only where
its words are said of a person of that kind.

"Jordan needs a referral to CAMHS for low mood" is the child's low mood: read as words
alone it showed a parent's illness, and the child was offered "...his mum stays in bed
because Mum is unwell" in a family with no such illness. The statements here are in no
library or eval file; real content and pipeline, no mocks.
"""

from __future__ import annotations

import pytest

from assistant.model import Case, Person
from assistant.wording import Coach
from assistant.wording.casefit import Family
from assistant.wording.suggest import Library
from tests.helpers import CONTENT


@pytest.fixture(scope="module")
def library() -> Library:
    return Coach(content=CONTENT).load().library


@pytest.fixture(scope="module")
def family(library: Library) -> Family:
    case = Case(reference="T-CF", story=(
        "Ezra (13) lives with his mum Nadia and his sister. Ezra has stopped going to "
        "football and spends most evenings in his room."),
        people=[Person(id="e", name="Ezra", role="child", age=13, sex="male"),
                Person(id="n", name="Nadia", role="mother", age=41, sex="female")])
    found = library.family(case)
    assert found is not None and "parent-unwell" not in found.facts
    return found


def _shown(library: Library, text: str, holder: str, family: Family | None) -> set[str]:
    member = family.member(holder) if family is not None else None
    return library._shown_by(library.spelled(text), holder, member, family)


CHILDS_OWN = [
    ("Ezra", "Ezra needs a CAMHS assessment for his low mood."),
    ("Ezra", "Ezra needs counselling for anxiety about going out."),
    ("Ezra", "Ezra needs help with his depression and sleep."),
    ("Ezra", "Ezra needs CAMHS."),
    ("Nadia", "Nadia needs help to understand Ezra's low mood."),
]

PARENTS = [
    ("Nadia", "Nadia needs a GP review of her depression."),
    ("Mum", "Mum needs support with her anxiety."),
    ("Ezra", "Ezra needs to understand why his mum is unwell."),
    ("Ezra", "Ezra needs to understand Nadia's low mood."),
]


@pytest.mark.parametrize(("holder", "text"), CHILDS_OWN)
def test_a_childs_own_feelings_show_no_parents_illness(library: Library, family: Family,
                                                       holder: str, text: str) -> None:
    assert "parent-unwell" not in _shown(library, text, holder, family)


@pytest.mark.parametrize("text", [t for h, t in CHILDS_OWN if h == "Ezra"])
def test_without_a_case_too(library: Library, text: str) -> None:
    """Without a case the holder the coach cannot place is read as a child, as the
    statements it is offered are chosen."""
    assert "parent-unwell" not in _shown(library, text, "Ezra", None)


@pytest.mark.parametrize(("holder", "text"), PARENTS)
def test_a_parents_illness_said_of_the_parent_is_shown(library: Library, family: Family,
                                                       holder: str, text: str) -> None:
    assert "parent-unwell" in _shown(library, text, holder, family)


def test_a_childs_anxiety_is_shown_only_of_a_child(library: Library, family: Family) -> None:
    assert "anxious" in _shown(library, "Ezra needs help with his anxiety.", "Ezra", family)
    assert "anxious" in _shown(library, "Nadia needs help because Ezra is anxious.", "Nadia",
                               family)
    # the mother's own anxiety is no child's
    assert "anxious" not in _shown(library, "Nadia needs support with her anxiety.", "Nadia",
                                   family)


@pytest.mark.parametrize("text", [t for h, t in CHILDS_OWN if h == "Ezra"])
def test_no_rewrite_gives_the_child_an_ill_parent(library: Library, family: Family,
                                                  text: str) -> None:
    """Must fail before the fix: "...his mum stays in bed because Mum is unwell"."""
    for with_case in (family, None):
        for rewrite in library.suggest(text, "Ezra", [], with_case, True):
            assert "unwell" not in rewrite and "hospital" not in rewrite, (text, rewrite)


def test_a_childs_statement_about_a_parents_illness_is_offered_where_said(
        library: Library, family: Family) -> None:
    """Must pass: said of the mother, her illness may be taken for granted."""
    offered = library.suggest("Ezra needs help because his mum has depression.", "Ezra", [],
                              family, True)
    assert any("unwell" in r or "illness" in r for r in offered), offered
