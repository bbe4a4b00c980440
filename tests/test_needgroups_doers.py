"""Need Groups read who is to do what is needed, as practitioners write it (issue 10,
point 5): a parent's bare "using" is drug use; "needs her mum to ..." is the mum's to do;
a named person with an adult partner or someone "in her care" is an adult; a child's
caring is read from who does what for whom; a child hurting whoever it is is behaviour,
and "who" in "the men who threaten him" is the men. Real spaCy pipeline and the real
framework files; the phrasings are in no theme's terms or examples, so each check can
fail (ten failed at 27ca2e3; the head-and-holder and staff checks pin what already held).
"""

from __future__ import annotations

import pytest

from assistant.needgroups import Suggester
from tests.helpers import theme_of


@pytest.mark.parametrize("text", [
    "Dad needs to be honest about whether he is still using.",
    "Mum needs to stop using on the days she has the children.",
    "Keira needs her dad to stop using before he picks her up.",
])
def test_a_parents_bare_using_is_drug_use(suggester: Suggester, text: str) -> None:
    assert theme_of(suggester, text) == "substance-misuse"


@pytest.mark.parametrize("text", [
    # With an object or as "used to", "use" is an everyday verb ...
    "Mum needs to stop using her phone at mealtimes.",
    "Dad needs to use a wall planner to remember the contact dates.",
    "Child 2 needs to get used to sleeping in his own room.",
    # ... and a child's own using is not a parent's substance misuse.
    "Child 1 needs to stop using when he is out with older boys.",
])
def test_use_with_an_object_or_by_a_child_is_not_parental_drug_use(
        suggester: Suggester, text: str) -> None:
    assert theme_of(suggester, text) != "substance-misuse"


def test_what_a_need_verbs_object_is_to_do_is_that_persons(suggester: Suggester) -> None:
    (analysis,) = suggester.analyzer.read(["Tilly needs her gran to stay sober at weekends."])
    assert analysis.holder == "c"
    assert [t[2] for t in analysis.tokens if t[0] == "sober"] == ["p"]
    assert theme_of(suggester, "Tilly needs her gran to stay sober at weekends.") == \
        "substance-misuse"
    # Someone the words do not place is no parent: the child's own drinking stays hers.
    assert theme_of(suggester, "Child 1 needs someone to talk to about her drinking.") != \
        "substance-misuse"


@pytest.mark.parametrize(("text", "holder"), [
    ("Leanne needs to stay off the vodka while the twins are in her care.", "p"),
    ("Shona needs to stop drinking when her husband works nights.", "p"),
    # "care home" is a place; the new partner is his father's.
    ("Leanne needs to feel safe in her care home.", "c"),
    ("Jack has not spoken to his father since his father moved in with his new partner.",
     "c"),
])
def test_a_named_person_with_a_partner_or_someone_in_their_care_is_an_adult(
        suggester: Suggester, text: str, holder: str) -> None:
    (analysis,) = suggester.analyzer.read([text])
    assert analysis.holder == holder


def test_a_named_adults_difficulty_is_a_parents(suggester: Suggester) -> None:
    assert theme_of(suggester, "Leanne needs to stay off the vodka while the twins are "
                               "in her care.") == "substance-misuse"


@pytest.mark.parametrize(("text", "theme"), [
    # A child running a parent's affairs is a young carer ...
    ("Child 1 needs to stop organising his dad's tablets before school.", "young-carer"),
    ("Child 3 needs to stop handling her mum's benefits letters.", "young-carer"),
])
def test_a_child_running_a_parents_affairs_is_a_young_carer(
        suggester: Suggester, text: str, theme: str) -> None:
    assert theme_of(suggester, text) == theme


@pytest.mark.parametrize("text", [
    # ... a parent running their own, or a child their own things, is not ...
    "Dad needs to organise his own tablets with a dosette box.",
    "Child 1 needs to organise his school bag the night before.",
    # ... nor a parent doing for the child what a carer does.
    "Ollie needs his dad to take responsibility for him at weekends.",
])
def test_caring_done_for_the_child_or_for_oneself_is_not_young_caring(
        suggester: Suggester, text: str) -> None:
    assert theme_of(suggester, text) != "young-carer"


def test_a_child_harming_whoever_it_is_is_behaviour(suggester: Suggester) -> None:
    assert theme_of(suggester, "Child 2 needs to stop punching the dinner ladies at "
                               "lunchtime.") == "behaviour"
    # Done to the child by others, it is not the child's behaviour.
    assert theme_of(suggester, "Child 2 needs to be safe from the older lads who punch "
                               "him at the bus stop.") != "behaviour"


def suggest_as_audited(suggester: Suggester, coach, text: str) -> str | None:
    """The theme with the coach's kinds passed, as ``audit suggest`` passes them."""
    from assistant.needgroups.suggest import coach_kinds

    (analysis,) = suggester.analyzer.read([text])
    return suggester.suggest_analysis(analysis, coach_kinds(coach, [text])[text]).theme


@pytest.mark.parametrize(("text", "theme"), [
    # The need's head and holder decide, not a theme word in its reason or condition.
    ("Tanvir needs to stop turning up late for school because Mum oversleeps after a "
     "night's drinking.", "school-learning"),
    ("Mum needs to stop drinking so that she can walk Tanvir to school on time.",
     "substance-misuse"),
])
def test_the_head_and_holder_decide_not_a_word_elsewhere(suggester: Suggester, coach,
                                                         text: str, theme: str) -> None:
    assert suggest_as_audited(suggester, coach, text) == theme


@pytest.mark.parametrize("text", [
    # A behaviour towards staff is behaviour, not a service or a school's theme ...
    "Junior needs to stop spitting at staff.",
    "Tayla needs to stop kicking the learning support assistant when she is asked to "
    "line up.",
    "Zane needs to stop threatening his youth worker.",
])
def test_a_behaviour_towards_staff_is_behaviour(suggester: Suggester, coach,
                                                text: str) -> None:
    assert suggest_as_audited(suggester, coach, text) == "behaviour"


def test_a_need_worded_as_the_service_stays_unplaced(suggester: Suggester, coach) -> None:
    # ... while the service itself named as the need gets no theme.
    assert suggest_as_audited(suggester, coach, "Junior needs a behaviour support worker "
                                                "at school.") is None


# A child's errands and paperwork for a parent or a sibling (themes.yml young-carer
# ``acts``): getting them up or out, a parent's reading and forms. Written for this test:
# no dev row and no theme example says them.
@pytest.mark.parametrize("text", [
    "Zara needs to stop waking her dad up for his insulin.",
    "Child 1 needs to stop escorting her brothers to nursery before her own lessons.",
    "Leon needs to stop reading his nan's post to her.",
    "Child 2 needs to stop filling in his dad's housing forms.",
])
def test_a_childs_errands_for_a_parent_or_sibling_are_caring(
        suggester: Suggester, text: str) -> None:
    assert theme_of(suggester, text) == "young-carer"


@pytest.mark.parametrize("text", [
    "Child 1 needs to stop waking up at night.",  # no one woken
    "Mum needs to wake Child 1 in time for school.",  # a parent's doing
    "Dad needs to read to Child 1 at bedtime.",
    "Child 1 needs to stop reading late into the night.",  # reading nobody's post
])
def test_waking_or_reading_with_no_one_cared_for_is_no_caring(
        suggester: Suggester, text: str) -> None:
    assert theme_of(suggester, text) != "young-carer"
