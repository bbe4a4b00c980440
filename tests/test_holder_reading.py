"""One reading of who holds a need noun, shared by the need reader and a finding's context,
and one rule for how a holder or an agency reads inside a sentence.

Why: the need reader and the finding's context each read the holder of "a need for ..."
and disagreed ("The school identified a need for ...": the reader made the school the
holder). Both now take :func:`need_noun_holder`: whoever has, shows or expresses a need, or
is named in its "for ... to" clause or as its possessor, holds it; whoever identifies,
assesses, notices or meets it does not. The verbs and nouns below appear in no rule list.
"""

from __future__ import annotations

import pytest

from assistant.wording import Coach
from assistant.wording.structure.readings import within_sentence


def _both(coach: Coach, text: str) -> tuple[str | None, str | None]:
    """The need reader's holder and the report's (the finding's context) for ``text``."""
    doc = coach._engine.nlp(text)
    reading = coach._engine.reader.read_need(doc)
    report = coach.check(text, "need")
    assert report.findings, text
    return (reading.holder_text if reading is not None else None), report.holder


@pytest.mark.parametrize("text", [
    # an agent who only saw, judged or met the need does not hold it
    "The school identified a need for a Farrowby mentor.",
    "The panel assessed a need for Quenby counselling.",
    "The health visitor noticed a need for Thornleigh counselling.",
    "Our team recognised a need for Pellworth respite.",
    "The Brindle practice will meet a need for family therapy.",
    "There is a need for a Wexcombe key worker.",
])
def test_an_agent_who_sees_a_need_does_not_hold_it(coach: Coach, text: str) -> None:
    assert _both(coach, text) == (None, None)


@pytest.mark.parametrize(("text", "holder"), [
    ("The school identified a need for Arlo to see a Farrowby mentor.", "Arlo"),
    ("Arlo has a need for Quenby counselling.", "Arlo"),
    ("Arlo shows a clear need for a Thornleigh mentor.", "Arlo"),
    ("Mum expressed a need for Pellworth respite.", "Mum"),
    ("Arlo's need for Wexcombe counselling is urgent.", "Arlo"),
    ("The panel agreed a need for Mum to attend a Brindle parenting course.", "Mum"),
])
def test_who_has_shows_or_is_named_holds_it(coach: Coach, text: str, holder: str) -> None:
    assert _both(coach, text) == (holder, holder)


@pytest.mark.parametrize(("phrase", "said"), [
    ("The Farrowby school", "the Farrowby school"),
    ("Those Quenby carers", "those Quenby carers"),
    ("Her Thornleigh aunt", "her Thornleigh aunt"),
    ("Every Pellworth agency", "every Pellworth agency"),
])
def test_a_determiner_loses_the_sentence_capital(phrase: str, said: str) -> None:
    assert within_sentence(phrase) == said


@pytest.mark.parametrize("phrase", ["Ofsted", "Mum", "Arlo's nan", "The", "Quenby Council",
                                    "the school"])
def test_a_name_or_a_lone_word_keeps_its_case(phrase: str) -> None:
    assert within_sentence(phrase) == phrase


def test_the_agency_and_the_holder_read_the_same_inside_a_sentence(coach: Coach) -> None:
    """The seriousness reader's agency and the coach's holder go through one rule."""
    report = coach.check("If nothing changes, The Farrowby academy will prosecute.",
                         "seriousness")
    said = [f.message for f in report.findings if f.kind == "agency-risk"]
    assert said and "the Farrowby academy will do" in said[0], said
    assert "The Farrowby academy will do" not in said[0]
    report = coach.check("Her Quenby aunt needs counselling.", "need")
    questions = [q for f in report.findings for q in f.questions]
    assert any("her Quenby aunt" in q for q in questions), questions
    assert not any("Her Quenby aunt" in q[1:] for q in questions), questions


# --- the child a consequence should be about, read at the seriousness stage --------------


@pytest.mark.parametrize(("text", "child"), [
    ("If nothing changes, the Farrowby academy will exclude Arlo.", "Arlo"),
    ("If nothing changes, the Quenby nursery will exclude the baby.", "the baby"),
    ("If nothing changes, the council will move her son to the Thornleigh unit.",
     "her son"),
])
def test_an_agency_risk_asks_about_the_child_it_names(coach: Coach, text: str,
                                                      child: str) -> None:
    report = coach.check(text, "seriousness")
    said = [f.message for f in report.findings if f.kind == "agency-risk"]
    assert said and f"what will happen to {child} if" in said[0], said


@pytest.mark.parametrize("text", [
    # a name in the condition is as often the parent; a sanction's object is an adult; a
    # name after a preposition may be a day or a place
    "If Dee keeps drinking, the Farrowby council will be criticised.",
    "If nothing changes, the Quenby academy will prosecute Dee.",
    "If nothing changes by Monday, the Thornleigh trust will be named in the press.",
    "If nothing changes, the department will be criticised at Brindle.",
])
def test_an_agency_risk_naming_no_child_asks_about_the_child(coach: Coach,
                                                             text: str) -> None:
    report = coach.check(text, "seriousness")
    said = [f.message for f in report.findings if f.kind == "agency-risk"]
    assert said and "what will happen to the child if" in said[0], said


def test_a_name_the_case_knows_as_an_adult_is_not_the_child(coach: Coach) -> None:
    from assistant.model import Case, Person

    case = Case(reference="T-AR1", story="Arlo (7) lives with his mum Wren.",
                people=[Person(id="a", name="Arlo", role="child", age=7, sex="male"),
                        Person(id="w", name="Wren", role="mother", age=31, sex="female")])
    report = coach.check("If nothing changes, the Farrowby academy will exclude Wren.",
                         "seriousness", case=case)
    said = [f.message for f in report.findings if f.kind == "agency-risk"]
    assert said and "what will happen to the child if" in said[0], said
    report = coach.check("If nothing changes, the Farrowby academy will exclude Arlo.",
                         "seriousness", case=case)
    said = [f.message for f in report.findings if f.kind == "agency-risk"]
    assert said and "what will happen to Arlo if" in said[0], said


@pytest.mark.parametrize(("text", "holder"), [
    ("Pia's mum needs to be safe.", "Pia's mum"),
    ("Arlo's nan needs to engage with services.", "Arlo's nan"),
])
def test_a_need_verb_tagged_as_a_noun_is_not_read_as_a_possessed_need(
        coach: Coach, text: str, holder: str) -> None:
    """"needs" tagged a noun with a possessor before it is still the verb: the possessor
    is part of its subject, not the need's holder."""
    report = coach.check(text, "need")
    assert report.findings
    assert report.holder in (holder, None), report.holder
    assert report.holder != holder.split("'")[0]


def test_a_possessor_of_someone_else_before_a_need_word_is_not_its_holder(
        coach: Coach) -> None:
    """"Hana's mum needs respite", "needs" read as a noun: Hana is the mum's, not the
    need's."""
    report = coach.check("Hana's mum needs Farrowby respite.", "need")
    assert report.findings and report.holder != "Hana"
