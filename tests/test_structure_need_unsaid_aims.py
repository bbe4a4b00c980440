"""Needs worded as an aim, or as an assessment, in shapes the reader did not read, each
with specific needs of the same build that must stay silent.

Why: the held-out needs showed universal aims missed more than any other kind; the dev
set held the same builds. Each class is read by its shape, not by its words:

- a line naming people only by states every child should be in, with no verb ("Safe and
  healthy children.");
- carers graded only by how good they should be, there to do no more than care for or
  support the person ("a secure and loving family to support her");
- a time clause naming only a stage every child leaves ("when she leaves care"), which
  says no particular time;
- what a person holds as their own, named by a bare noun and only honoured ("his
  religion and traditions respected"), or an aim noun joined to bare nouns and upheld,
  however the parser hung the closing participle;
- a bare participle after a person's own thing with no "to be" ("His religion
  respected.");
- people in general joined to an aim ("to make friends and feel welcome");
- carers who only rank the person first ("adults who always put her first"), or the
  person's needs above the carer's own ("before his own");
- doing only as well as the person is able ("as well as he can");
- a gerund with a complement or particle, read as the verb it is ("Feeling safe at
  home.", "Growing up healthy and happy.");
- letters no list knows, completed or filled in: a questionnaire or measure;
- and a need word inside a clause saying when another need applies ("... if he needs
  more help") is a condition for the word rules too, as the reader already read it.

The invented names, letters and owned nouns are in no hand-written word list (the people
and the grading adjectives are the reader's own classes: the shape is what is new).
"""

from __future__ import annotations

import pytest

from assistant.wording import Coach
from tests.helpers import listed_in_wording, scored_kinds

FLAGGED: list[tuple[str, str]] = [
    # people named only by states every child should be in
    ("Safe, healthy and happy toddlers.", "universal"),
    ("Happy and safe kids.", "universal"),
    # carers graded only by how good, to do no more than support the person
    ("Tilvey needs a warm and caring family to support him.", "universal"),
    ("For Quessa to have a warm, stable and loving family to support her through "
     "childhood.", "universal"),
    # a stage of life every child leaves is no particular time
    ("Quessa's dental and eye health to be looked after when she leaves care.",
     "universal"),
    ("Orrin needs his health looked after when he leaves home.", "universal"),
    # a person's own, named by bare nouns, only honoured or upheld
    ("Orrin needs his religion and traditions respected.", "universal"),
    ("Orrin needs his identity and traditions promoted.", "universal"),
    ("His religion respected.", "universal"),
    # people in general joined to an aim
    ("Tilvey needs to make friends and feel welcome.", "universal"),
    # carers who only rank the person
    ("Quessa needs adults who always put her first.", "universal"),
    # only as well as the person is able; a person's needs ranked above a carer's own
    ("Tilvey needs to do as well as he can.", "universal"),
    ("Orrin's dad needs to put Orrin's needs before his own.", "universal"),
    ("Quessa's mum needs to prioritise Quessa's needs above her own.", "universal"),
    # a gerund with a complement or particle is a verb of an aim, not a noun
    ("Feeling settled and safe at home.", "universal"),
    ("Growing up confident and happy.", "universal"),
    # letters no list knows, completed or filled in
    ("Initial BLQs to be completed for Orrin.", "assessment"),
    ("Orrin needs his DVQ filled in.", "assessment"),
]

NOT_FLAGGED: list[str] = [
    # people named by what they are or do, not by states
    "Local toddlers for him to play with at the Brannoch crèche.",
    "Two toddlers from his nursery.",
    # carers asked to do something particular
    "For Quessa to have a loving family to drive her to swimming on Saturdays.",
    "Tilvey needs a warm and caring family to support him with his spellings at night.",
    # a particular time
    "Orrin needs his teeth looked after when he stays at his dad's.",
    # honoured with a particular means, or a named tradition; a thing fixed or checked
    "Orrin needs his religion respected by having a prayer mat in his room.",
    "Orrin needs his Brannoch traditions respected.",
    "His bike fixed.",
    "Her hearing aids checked.",
    # friends made somewhere particular
    "Tilvey needs to make friends at Brannoch chess club and feel welcome.",
    # carers asked to do something particular, first
    "Quessa needs adults who put her to bed by seven.",
    # a particular test; a particular thing, or someone else, ranked
    "Tilvey needs to do as well as he can in his Brannoch spelling test on Friday.",
    "Quessa's mum needs to put Quessa's bunk bed before her own sofa.",
    "Quessa's mum needs to put Quessa's needs before her boyfriend's.",
    # a gerund of a particular time or thing
    "Feeling safe when Orrin's uncle visits on Sundays.",
    "Getting up on time for the Brannoch bus.",
    # a piece of work of the person's own, or letters sent rather than filled in
    "Orrin's homework to be completed.",
    "Orrin needs his DVQ sent to his dad.",
    # a need word saying when another need applies
    "Orrin needs to ring his aunt if he needs more help.",
    "When she needs support, Quessa needs to call her sister.",
]


@pytest.mark.parametrize(("text", "kind"), FLAGGED)
def test_unsaid_aims_and_assessments_are_flagged_by_their_shape(coach: Coach, text: str,
                                                                 kind: str) -> None:
    assert scored_kinds(coach, "need", text) == {kind}, coach.check(text, "need").to_dict()


@pytest.mark.parametrize("text", NOT_FLAGGED)
def test_specific_needs_of_the_same_build_stay_silent(coach: Coach, text: str) -> None:
    assert not scored_kinds(coach, "need", text), coach.check(text, "need").to_dict()


@pytest.mark.parametrize("text", [
    "Orrin needs to ring his aunt if he needs more help.",
    "Tilvey needs to text his nan when he needs support.",
    "When she needs support, Quessa needs to call her sister.",
])
def test_a_need_word_in_a_condition_is_no_vague_need(coach: Coach, text: str) -> None:
    """The word rule on "needs support" honours the reader's reading of a condition."""
    assert not coach.check(text, "need").kinds, coach.check(text, "need").to_dict()


def test_the_word_rule_still_flags_support_needed_outright(coach: Coach) -> None:
    assert "vague" in coach.check("Quessa needs support.", "need").kinds
    assert "vague" in coach.check("Quessa needs more help.", "need").kinds


def test_the_invented_words_are_in_no_word_list() -> None:
    assert listed_in_wording(["tilvey", "quessa", "orrin", "brannoch", "blq", "dvq",
                              "religion", "tradition"]) == []
