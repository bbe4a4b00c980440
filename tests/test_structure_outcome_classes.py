"""Outcome faults of a class, read from the parse on words no list holds (issue 10, point 2).

Each case is one class of wording, not one statement: feelings and comparatives with no
measure, verbless headlines ("Fewer squabbles at teatime"), a capacity compared ("better
able to"), a feeling reported ("will report feeling happier"), a verb of phase that hides
the real verb ("will continue to see", "begin strengthening"), signing up for a service,
and the agency's own process ("the case will be closed"). Beside them, observable outcomes
the reader must leave alone although a service or a comparison word appears in them: a
service noun that is only where something happens ("in the nurture group"), a count kept
down ("no more than one missed visit"), a date phrase before the verb ("By the next
review"), an absence anyone could see ("free of bedbugs"). Each case names the word it
rests on, and the first test checks no wording file holds it.
"""

from __future__ import annotations

import pytest

from assistant.wording import Coach
from tests.helpers import listed_in_wording, scored_kinds

# (text, the kinds a good coach raises, the unlisted word the case rests on)
CASES: list[tuple[str, set[str], str]] = [
    # feelings and comparatives with no measure
    ("Marlo feels calmer about the stairlift.", {"vague"}, "stairlift"),
    ("Greater steadiness in Dad's bath-time routine.", {"vague"}, "steadiness"),
    ("Tansy's timekeeping will be improved.", {"vague"}, "timekeeping"),
    ("The household's energy debt is minimised.", {"vague"}, "energy debt"),
    # verbless headlines led by a comparative, or naming a quality in an area
    ("Fewer squabbles at teatime.", {"vague"}, "squabbles"),
    ("More laughter around the dinner table.", {"vague"}, "laughter"),
    ("Significant and lasting progress with bedwetting.", {"vague"}, "bedwetting"),
    ("Confidence around the paddling pool.", {"vague"}, "paddling pool"),
    ("Happier stepsiblings.", {"vague"}, "stepsiblings"),
    # a capacity compared, and a feeling reported
    ("Families are better able to juggle their bills.", {"vague"}, "juggle"),
    ("Mum will be more able to cope with Flint's rages.", {"vague"}, "rages"),
    ("Juno will report feeling happier at the allotment.", {"vague"}, "allotment"),
    ("Ossie will say he feels more settled with his great-aunt.", {"vague"}, "great-aunt"),
    # a verb of phase: what is begun or continued is judged
    ("Mum and Dad begin strengthening their togetherness.", {"vague"}, "togetherness"),
    ("Mum and Dad will start deepening their closeness.", {"vague"}, "closeness"),
    ("Ezra will continue to see his Tollis worker every week.", {"service"}, "tollis"),
    ("Nell will start going to the Kestrel youth group.", {"service"}, "kestrel"),
    # ("play" misread as a verb after "start" is part of the service's name)
    ("Tam will start play therapy sessions at the Hollyhock centre.", {"service"},
     "hollyhock"),
    # signing up for a service, and the agency's own process
    ("Mum will sign up for the Flurbo parenting programme.", {"service"}, "flurbo"),
    ("Dad will book onto the Heron cookery course.", {"service"}, "heron"),
    ("Priya's case will be closed by the Marigold team.", {"service"}, "marigold"),
    # a feeling read as a passive, an inner-state noun had, a quality built up
    ("Mum feels propped up by her allotment friends.", {"vague"}, "propped up"),
    ("Leo will have a sense of belonging at the boxing gym.", {"vague"}, "boxing gym"),
    ("Mum's assertiveness is built up.", {"vague"}, "assertiveness"),
    # where the person stands with a service, and a provision things are done to
    ("Leo will be on the list for the Kestrel clinic.", {"service"}, "kestrel clinic"),
    ("Mum will be in contact with the Tollis team.", {"service"}, "in contact"),
    ("Leo's Tollis package will be signed off.", {"service"}, "signed off"),
    # knowing or keeping in mind; using or benefiting from a service
    ("Leo will be aware of the dangers of the canal towpath.", {"vague"}, "towpath"),
    ("Mum will make use of the Marram counselling service.", {"service"}, "marram"),
    ("Leo will benefit from the Sorrel mentoring scheme.", {"service"}, "sorrel"),
    # observable outcomes: not flagged, though a service or comparison word is in them
    ("By the next review, Ines will walk to the newsagent on her own every morning.", set(),
     "newsagent"),
    ("Within six weeks, Dad will have no more than one missed contact visit a month.",
     set(), "missed contact"),
    ("Within three months, the family will have no more than one late payment on the "
     "water bill.", set(), "water bill"),
    ("By the review, Lottie will have fewer than two late marks a term.", set(),
     "late marks"),
    ("By half term, Kit will put his hand up to answer a question in assembly on 3 out of "
     "5 days.", set(), "hand up"),
    ("By Easter, Noa will use a five-word sentence to ask for help in the nurture group at "
     "least twice a day.", set(), "five-word"),
    ("By the next review, Hana will go to bed by 9pm on school nights, as recorded on her "
     "sticker chart.", set(), "sticker chart"),
    ("By July, Wes's bedroom will be free of bedbugs at every fortnightly check.", set(),
     "bedbugs"),
    ("Be free of nosebleeds during PE.", set(), "nosebleeds"),
    ("Mum will continue to cook a hot meal for the children five nights a week.", set(),
     "hot meal"),
    ("By June, Leo will be in bed with the light off by 8pm on school nights.", set(),
     "light off"),
    ("Mum will praise Leo at least twice every bath time.", set(), "praise leo"),
    ("Leo will be in the Kestrel football team by September.", set(), "football team"),
    ("By June, Leo will be aware enough of traffic to cross at the zebra crossing on his "
     "own.", set(), "zebra crossing"),
]


def test_the_cases_rest_on_words_no_rule_lists() -> None:
    assert listed_in_wording([word for _, _, word in CASES]) == []


@pytest.mark.parametrize(("text", "kinds", "word"), CASES)
def test_outcome_classes_are_read_from_the_parse(coach: Coach, text: str, kinds: set[str],
                                                 word: str) -> None:
    assert scored_kinds(coach, "outcome", text) == kinds


@pytest.mark.parametrize(("text", "reason"), [
    ("Families are better able to juggle their bills.", "than what"),
    ("Juno will report feeling happier at the allotment.", "inner state"),
    ("Fewer squabbles at teatime.", "direction of change"),
    ("Confidence around the paddling pool.", "names a quality"),
    ("Priya's case will be closed by the Marigold team.", "what will happen to the case"),
])
def test_outcome_readings_say_why(coach: Coach, text: str, reason: str) -> None:
    readings = coach._engine.reader.read_outcomes(coach._engine.nlp(text))
    assert readings and reason in readings[0].reason


def test_free_from_an_aim_stays_vague(coach: Coach) -> None:
    """An absence of harm in general or of a feeling is still an aim, not something seen."""
    assert scored_kinds(coach, "outcome", "Ayla will be free from harm.") == {"vague"}
    assert scored_kinds(coach, "outcome", "Mum will be free from worry.") == {"vague"}


def test_the_case_is_no_hypothetical(coach: Coach) -> None:
    """"case" makes a finding hypothetical only in "in case"."""
    report = coach.check("The case will step down to the Marigold team.", "outcome")
    assert "service" in report.kinds
    report = coach.check("In case the Marigold team closes, Ava needs counselling.", "need")
    assert all(not f.counts for f in report.findings if f.kind == "service")


def test_five_letter_participles_have_their_lemma(coach: Coach) -> None:
    from assistant.wording.structure.readings import lemma

    doc = coach._engine.nlp("Nell is going and doing it, using the bring-and-buy.")
    found = {t.lower_: lemma(t) for t in doc if t.tag_ == "VBG"}
    assert found.get("going") == "go" and found.get("doing") == "do"
    assert found.get("using") == "use"
