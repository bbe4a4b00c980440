"""The need coach reads a universal aim by its shape, not by its words.

An aim is universal when its predicate only names an aim or grades (to improve a quality,
to be resilient, to be included, to care for the children, "the best it can be") and
nothing particular hangs on it: no concrete object, setting, occasion, person or
condition. These statements use words in no rule, lexicon or example ("oracy", "the
happiest", "the richest possible", "kindness and fairness"), or phrasings none holds
("decisions that concern his future", "in the years ahead"), and the near misses share
the aims' words but say something particular. All run on the real default pipeline.
"""

from __future__ import annotations

import pytest

from assistant.content import Content
from assistant.wording import Coach
from assistant.wording.rules import RuleSet

# Aims phrased in ways no rule, lexicon or example holds.
UNIVERSAL: list[str] = [
    "Mila needs to be the happiest she can be.",  # a superlative, read by its tag
    "Remy needs to improve his oracy.",  # a quality by its suffix (-acy)
    "Ezra needs the richest possible childhood.",
    "Arlo needs a calmer and happier family life.",  # comparatives with no referent
    "Tom needs to be treated with kindness and fairness.",  # qualities by suffix (-ness)
    "Gus needs to be included in the decisions that concern his future.",
    "Mum needs to nurture the children consistently over time.",
    "The parents need to be able to look after the twins safely in the years ahead.",
    "Dad needs to strengthen his emotional literacy so that he can parent the boys.",
    "Pip needs to get the best out of life.",
    "Bea needs her voice to be heard in every decision about her life.",
    "Kit needs to be cherished and to be able to protect herself.",
    "Mum needs to show she can keep the children safe.",  # an aim shown
    "Tilly needs to have her emotional wellbeing supported.",  # an aim had
    "The children need to live free from domestic abuse.",  # harm of a kind
    "Ivy needs to feel part of her family.",
    "Ollie needs to grow into a confident and caring young man.",
    "Aisha needs the chance to develop into a productive adult.",  # a chance at an aim
    "Lily to be resilient and able to adapt to change.",  # plan-style
    "Lily to have her needs met by her parents.",
    "Mum needs to make sure the children are safe.",  # an aim made sure of
    "Ava needs to know she is loved.",  # an aim known of oneself
    "Leo needs to be supported to make positive choices.",  # graded only by how good
    "Mum needs to be well enough to look after the children.",
    "Sam needs to have a positive sense of identity.",
    "Jo needs her emotional and behavioural needs to be understood.",
    "Mum needs the capacity to keep the children safe.",
    "Dad needs to provide basic care and protection for Lola.",  # whom it is for
    "Lily needs to be cared for by her parents.",  # done by her carers in general
    "Resilient and able to adapt to change.",  # a fragment, as plans list them
    "Ability to protect self and be protected.",
    # the dev misses this work started from
    "Tia needs to be resilient and able to adapt to change.",
    "For Finn to be able to protect himself and be protected.",
    "Harry needs to progress in order to do well now and in the future.",
    "Dylan needs his well-being to be the best it can be.",
    "The children need a better home and family life.",
]

# The same words with something particular said: a concrete object, occasion, person or
# condition.
SPECIFIC: list[str] = [
    "Mila needs to be the first to read her poem out in assembly.",
    "Remy needs to improve his oracy enough to order his own lunch in the canteen.",
    "Ezra needs the biggest bedroom because he shares it with his two brothers.",
    "Arlo needs a calmer bedtime so that he falls asleep before nine.",
    "Gus needs to be included in the five-a-side games at lunchtime.",
    "The parents need to be able to look after the twins when Gran goes into hospital in May.",
    "Dad needs to parent the boys without shouting when they argue over the console.",
    "Tess needs to be accepted by her stepdad's family at Sunday dinners.",
    "Noah needs to have a voice at his review meeting next week.",
    "Sam needs to adapt to the change of school in September.",
    "Bea needs her voice to be heard when the court decides where she lives.",
    "Mum needs to nurture the baby's skin by using the cream twice a day.",
    "Pip needs to get the best mark in his spelling test on Friday.",
    "Jay needs a warm and quiet corner in the classroom where he can calm down.",
    "Mia needs a warm coat.",
    "Child 2 needs to grieve for his grandad in his own way.",
    "Dad needs to use calm consequences rather than shouting when Child 2 misbehaves.",
    "Kai needs to develop his confidence to speak in front of the class.",
    # another person named, a property anyone could see, a problem to cope with
    "Jay needs to be kinder to his sister.",
    "Amy needs a better relationship with her mum.",
    "The children need a cleaner home.",
    "Sam needs to live with his dad during the week.",
    "Mum needs to manage her anxiety.",
    "Mum needs to prove she can stay sober for six months.",
    "Mum needs to show the health visitor how she makes up the baby's bottles.",
    "Ella needs to feel part of the netball team at her new school.",
    "Zac needs to grow into his new school uniform.",
    "Kai needs the chance to go to football on Saturdays.",
    "Mia to be picked up by her aunt on Fridays.",
    "Mum needs to make sure the children are in bed by eight.",
    "Mum needs to know that Sam is safe at school.",
    "Ava needs to know she can ring Gran when Mum is drinking.",
    "Kyle needs to make better choices about who he spends time with.",
    "Lily needs to feel confident around other people.",
    "Mum needs to improve her ability to read.",
    "Confident enough to speak to her teacher.",
    "Kind to her brother.",
    "Mum to protect self from Dad's partner.",
    "The children need to be safe from their father's violence.",
    "Noah needs to be heard by the judge.",
    "Kai needs to make progress with toilet training before he starts nursery.",
    "Mum needs to be a good role model by not smoking in front of the children.",
    "Sam needs the ability to tie his shoelaces.",
    "Parent/carer's mental health or substance misuse significantly affect care of child.",
    "Mum needs to get a licence.",
    "Mum needs to have insurance.",
    "Sam needs to understand how much of the caring his sister is doing.",
    "Ella needs to improve her handwriting so that her teacher can read her homework.",
]


@pytest.mark.parametrize("text", UNIVERSAL)
def test_a_universal_aim_in_new_words_is_flagged(coach: Coach, text: str) -> None:
    reading = coach.read_need(text)
    assert reading is not None, text
    assert reading.category == "universal", reading.to_dict()
    assert reading.reason
    assert "universal" in coach.check(text).kinds, text


@pytest.mark.parametrize("text", SPECIFIC)
def test_a_specific_need_sharing_the_words_is_not_flagged(coach: Coach, text: str) -> None:
    assert "universal" not in coach.check(text).kinds, coach.check(text).to_dict()


def test_the_reason_quotes_the_aim(coach: Coach) -> None:
    reading = coach.read_need("Remy needs to improve his oracy.")
    assert reading is not None
    assert "improve his oracy" in reading.reason


def test_the_unseen_words_are_in_no_list() -> None:
    """The statements above test the structure: their key words are in no word class."""
    lexicons = RuleSet.load(Content(None)).lexicons
    words = {w.lower() for ws in lexicons.values() for w in ws}
    for word in ("oracy", "happiest", "richest", "kindness", "fairness"):
        assert word not in words, word


def test_the_aim_word_classes_are_data() -> None:
    lexicons = RuleSet.load(Content(None)).lexicons
    for name in ("shape_care_verb", "shape_aim_passive", "shape_grading_word",
                 "shape_generic_time", "shape_generic_thing", "shape_aim_noun",
                 "shape_aim_adj", "shape_maximal_word"):
        assert lexicons.get(name), name
