"""One rule for how a holder or an agency reads inside a sentence.

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
