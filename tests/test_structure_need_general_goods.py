"""Universal aims read by the shape of a noun phrase: what every child is owed, asked for
with nothing particular said, whatever its head could otherwise name.

Why: held-out universal recall trailed dev (0.80 against 0.95); the misses were aims in
the words of the published outcome frameworks (SHANARRI, Every Child Matters, the UNCRC,
Working Together) phrased as noun phrases the lists never held: the goods of an adequate
standard of living ("adequate nutrition, shelter and clothing", UNCRC 27), rest, leisure
and play (UNCRC 31), a chance to be a child or to grow, parity with other children,
freedom from harm of a kind (UNCRC 19), a bond graded only by how good it should be, the
move into adult life. Each class is a shape over word classes in
framework/wording/structure.yml; a particular person, time, place, thing or reason on
the same build keeps the statement specific, and the particulars in these examples are
invented words in no list.
"""

from __future__ import annotations

import pytest

from assistant.wording import Coach
from tests.helpers import listed_in_wording, scored_kinds

FLAGGED: list[str] = [
    # goods of living: two or more, bare or graded only by enough, or one so graded
    "Elsabet needs adequate nutrition, shelter and clothing.",
    "Brannoch needs rest and leisure.",
    "Elsabet needs sufficient food and warmth.",
    "Brannoch needs a balanced diet and regular sleep.",
    "Elsabet needs adequate housing.",
    # a chance to reach an aim, to be oneself or a child, or to do what every child does
    "Brannoch needs opportunities to learn and grow.",
    "Elsabet needs the chance to be a child.",
    "Brannoch needs the freedom to be himself.",
    "Elsabet needs opportunities to play.",
    # parity with children in general
    "Brannoch needs equal opportunities.",
    "Elsabet needs the same chances as other children.",
    "Brannoch needs fair access to education.",
    # freedom or protection from harm named only by its kind, however said
    "Elsabet needs protection from all forms of violence.",
    "Brannoch needs freedom from discrimination.",
    "Elsabet needs to live without fear.",
    "Brannoch needs to live free from fear.",
    # a bond graded only by how good it should be, with kin or carers in general
    "Elsabet needs a positive relationship with her mum.",
    "Brannoch needs secure attachments to his carers.",
    # the move every child makes, graded only by how good
    "Elsabet needs a successful transition to adulthood.",
    "Brannoch needs a smooth transition into adult life.",
    "Elsabet needs to make a positive move into adult life.",
    # free to do what every child does, or to be oneself
    "Elsabet needs to be free to play.",
    "Brannoch needs to be free to be himself.",
    # to be part of something general, to be oneself, a bare verb joined to an aim
    "Brannoch needs to be part of his community.",
    "Elsabet needs to enjoy and achieve.",
    # a quality upheld, with the irregular participle of a prefixed verb
    "Brannoch needs his rights upheld.",
    # a home described only by an aim every child's home serves
    "Elsabet needs a home where she feels safe.",
    # care described only as meeting needs, whenever they change
    "Brannoch needs care that meets his needs as he grows.",
    # one good of living named as the good itself; a list of them in apposition
    "Brannoch needs nutrition.",
    "Elsabet needs the basics of life: food, warmth and clothing.",
    # the parser's slips: an aim verb tagged as an adjective, a verb as a plural noun
    "For Brannoch to be happy and flourish.",
    "Elsabet needs to be accepted as part of the community in which she lives and learns.",
]

NOT_FLAGGED: list[str] = [
    # a concrete good, or one tied to a time or place
    "Elsabet needs warm clothes for the walk to the Meadowbank skatepark.",
    "Brannoch needs food in the cupboard at weekends when the money runs out.",
    "Elsabet needs rest after her kayaking on Thursdays.",
    "Brannoch needs a good night's sleep before his lacrosse final.",
    # a chance to do something particular, with someone particular, somewhere particular
    "Elsabet needs the chance to say goodbye to her foster carers.",
    "Brannoch needs opportunities to practise the cello with other children on Saturdays.",
    "Elsabet needs freedom to choose her own clothes for the trampolining club.",
    "Brannoch needs time to play hopscotch with his brother after school.",
    # care that meets needs at a particular time
    "Brannoch needs care that meets his needs when his mum is at the Quorra clinic.",
    # free to do something particular, with someone, at a time
    "Elsabet needs to be free to play hopscotch with her cousins at Christmas.",
    "Brannoch needs to feel free to talk about his dad.",
    # the same particular thing, not what other children have
    "Elsabet needs the same teacher every morning.",
    # protection from someone, or from something particular
    "Brannoch needs protection from his uncle when he has been drinking.",
    "Elsabet needs protection from the tortoise's bite.",
    "Brannoch needs to live without fear of his stepdad coming back.",
    # a bond with someone particular, or said with what it needs
    "Elsabet needs a relationship with her birth mother through letterbox contact.",
    "Brannoch needs a positive relationship with his new teacher so he stops running out of class.",
    "Elsabet needs a positive relationship with Quorra's godmother.",
    # a better bond is a change in this one, not a grade every bond should reach
    "Brannoch needs a closer relationship with his mum.",
    # a move somewhere particular
    "Brannoch needs a smooth move to the Meadowbank school in September.",
    # part of something particular
    "Elsabet needs to be part of the Meadowbank chess team.",
    # a particular thing upheld; a home described by something particular
    "Brannoch needs his complaint about the minibus upheld.",
    "Elsabet needs a home where she can keep her budgie.",
    "Brannoch needs nutrition advice from the Quorra clinic.",
    "Elsabet needs the basics of origami explained to her.",
    "Brannoch needs to be accepted by the Meadowbank chess team he plays for.",
]


@pytest.mark.parametrize("text", FLAGGED)
def test_universal_aims_are_read_by_their_shape(coach: Coach, text: str) -> None:
    assert scored_kinds(coach, "need", text) == {"universal"}, coach.check(text).to_dict()


@pytest.mark.parametrize("text", NOT_FLAGGED)
def test_specific_needs_of_the_same_build_stay_silent(coach: Coach, text: str) -> None:
    assert "universal" not in scored_kinds(coach, "need", text), coach.check(text).to_dict()


def test_the_invented_words_are_in_no_word_list() -> None:
    assert listed_in_wording(["elsabet", "brannoch", "quorra", "meadowbank", "skatepark",
                              "kayaking", "lacrosse", "trampolining", "hopscotch", "cello",
                              "tortoise", "godmother", "budgie", "minibus", "origami"]) == []


def test_a_prefixed_irregular_verb_is_read_as_its_verb() -> None:
    """"upheld", "withheld", "rebuilt" read as "uphold", "withhold", "rebuild"; "lives"
    as a verb is "live", as a noun "life"."""
    import spacy

    from assistant.wording.structure import lemma

    nlp = spacy.blank("en")
    doc = nlp("upheld withheld rebuilt lives lives")
    tags = ["VBN", "VBN", "VBD", "VBZ", "NNS"]
    for token, tag in zip(doc, tags, strict=True):
        token.tag_ = tag
    assert [lemma(t) for t in doc] == ["uphold", "withhold", "rebuild", "live", "life"]
