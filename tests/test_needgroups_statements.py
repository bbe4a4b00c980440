"""Need Groups read problem statements, put-downs and whose things as the structure says
(issue 10, points 5 and 6): a problem statement with no need verb has a holder (its
subject) and a head (its main verb); the topic of an act on someone is background; a verb
of saying that judges the person it is said to is a put-down; a pronoun of the gender of
whose someone the holder is ("Mum's partner ... her") names that person, and what is
taken or kept from them is theirs. Real spaCy pipeline and the real framework files;
the phrasings are in no theme's terms or examples, so each check can fail.
"""

from __future__ import annotations

import pytest

from assistant.needgroups import Analyzer, Suggester
from tests.helpers import theme_of


@pytest.mark.parametrize(("text", "theme"), [
    # The act is what must change; what it is about is background.
    ("Gran needs to stop ridiculing Child 2 about his reading.", "parenting-boundaries"),
    ("Dad needs to stop shouting at Mum about the rent.", "domestic-abuse"),
    # A feeling or a talk keeps its topic: the topic is the theme.
    ("Child 1 needs to stop worrying about her mum's drinking.", "substance-misuse"),
    ("Mum needs to talk to Child 2 about his asthma.", "health-disability"),
])
def test_the_topic_of_an_act_on_someone_is_background(suggester: Suggester, text: str,
                                                      theme: str) -> None:
    assert theme_of(suggester, text) == theme


@pytest.mark.parametrize(("text", "theme"), [
    # The subject holds the statement: a child's words are not a parent's theme ...
    ("Ayla has suicidal feelings.", "emotional-wellbeing"),
    # ... and a parent's are.
    ("Mum has suicidal thoughts.", "parental-mental-health"),
    # Who does what to whom, read as in a need.
    ("Dad punches Mum when the children are in bed.", "domestic-abuse"),
    # A subject that names no one is what the statement is about.
    ("Mum's drinking increased after the new baby was born.", "substance-misuse"),
])
def test_problem_statements_are_read_from_their_main_clause(
        suggester: Suggester, text: str, theme: str) -> None:
    assert theme_of(suggester, text) == theme


def test_a_problem_statement_names_its_holder(suggester: Suggester) -> None:
    analyzer: Analyzer = suggester.analyzer
    (child,) = analyzer.read(["Ayla has suicidal feelings."])
    (parents,) = analyzer.read(["Parents unable to get the children up in the morning."])
    (thing,) = analyzer.read(["The flat is damp and cold."])
    assert child.holder == "c" and parents.holder == "p" and thing.holder == ""
    # "unable to" hands the head on: the holder is outside what is needed.
    assert [t[3] for t in parents.tokens if t[0] == "Parents"] == [-1]


@pytest.mark.parametrize(("text", "theme"), [
    ("Nan needs to stop calling Child 1 lazy.", "parenting-boundaries"),
    ("Stepdad keeps telling Mum that she is useless.", "domestic-abuse"),
    ("Dad needs to stop calling Mum a liar.", "domestic-abuse"),
])
def test_saying_a_judgment_of_the_person_is_a_put_down(suggester: Suggester, text: str,
                                                      theme: str) -> None:
    assert theme_of(suggester, text) == theme


@pytest.mark.parametrize(("text", "not_theme"), [
    # What the speaker says of themself, or an errand, judges no one.
    ("Mum needs to tell Child 2 that she will be home by six.", "parenting-boundaries"),
    ("Dad needs to call Mum when he is running late.", "domestic-abuse"),
    ("Mum needs to tell her health visitor when she feels low.", "domestic-abuse"),
])
def test_saying_without_a_judgment_is_no_put_down(suggester: Suggester, text: str,
                                                  not_theme: str) -> None:
    assert theme_of(suggester, text) != not_theme


@pytest.mark.parametrize(("text", "theme"), [
    # "her" is the grandmother, not her partner.
    ("Gran's partner needs to stop mocking her.", "domestic-abuse"),
    # What is hers, taken, kept or limited by an adult.
    ("Dad withholds Mum's child benefit.", "domestic-abuse"),
    ("Mum's partner rations her food.", "domestic-abuse"),
    # A pronoun that could name the holder or the adult named before it counts for either.
    ("Child 2 needs to keep away from his stepdad when he has been smoking weed.",
     "substance-misuse"),
])
def test_someone_elses_pronoun_and_belongings(suggester: Suggester, text: str,
                                              theme: str) -> None:
    assert theme_of(suggester, text) == theme


@pytest.mark.parametrize(("text", "not_theme"), [
    # Taking someone somewhere, or one's own tablets, is no taking from anyone.
    ("Dad needs to take Mum to her dialysis appointments.", "domestic-abuse"),
    ("Mum is not taking her tablets.", "domestic-abuse"),
    # "he" after a brother is still a child: no parent's theme.
    ("Child 1 needs to stop drinking when he goes out with his brother.",
     "substance-misuse"),
])
def test_own_things_and_children_are_not_someone_elses(suggester: Suggester, text: str,
                                                        not_theme: str) -> None:
    assert theme_of(suggester, text) != not_theme


def test_a_plural_statement_holder_is_they_and_after_a_person_is_no_time(
        suggester: Suggester) -> None:
    analyzer: Analyzer = suggester.analyzer
    (carers,) = analyzer.read(
        ["Foster carers are unable to settle the twins when they have been arguing."])
    # "they" is the carers themselves: arguing is theirs, not someone else's.
    arguing = next(t for t in carers.tokens if t[0] == "arguing")
    assert arguing[2] == "p"
    (minding,) = analyzer.read(["Gran needs to look after the toddler every evening."])
    toddler = next(t for t in minding.tokens if t[0] == "toddler")
    assert "time" not in toddler[4].split(">")  # "after the toddler" names no time
    evening = next(t for t in minding.tokens if t[0] == "evening")
    assert "time" in evening[4].split(">")


def test_a_second_verb_shares_its_subject_and_an_act_replaces_its_word(
        suggester: Suggester) -> None:
    # "mocking her" is the lodger's, as "turning up" is: not the grandmother's own act.
    suggestion = suggester.suggest(
        ["Nan needs to walk to the bus stop without her lodger turning up and mocking her."])[0]
    assert suggestion.theme == "domestic-abuse"
    assert "parenting-boundaries" not in suggestion.scores
    # "shouts" read as an act of one adult on another is not also a child's behaviour.
    (shouts,) = suggester.suggest(["Dad shouts at Mum and then smashes her laptop."])
    assert shouts.theme == "domestic-abuse" and "behaviour" not in shouts.scores


@pytest.mark.parametrize("text", [
    # A child who harms or threatens a parent, a grandparent or a sibling: the child's
    # behaviour, whatever the word (each read as domestic abuse, or as a young carer's
    # "younger sister", before the child's act was read).
    "Ryan threatens his dad with a knife.",
    "Eli is abusive towards his grandmother.",
    "Tom intimidates his younger sister.",
    "Jenna needs to stop headbutting her stepmum when she is told to get off her phone.",
])
def test_a_child_harming_someone_is_behaviour(suggester: Suggester, text: str) -> None:
    assert theme_of(suggester, text) == "behaviour"


@pytest.mark.parametrize("text", [
    # An adult harming or threatening a parent stays domestic abuse.
    "Dad needs to stop being violent towards Mum.",
    "Mum's boyfriend threatens her when he has been drinking.",
    "Stepdad intimidates Mum by blocking the front door.",
])
def test_an_adult_harming_a_parent_stays_domestic_abuse(suggester: Suggester,
                                                        text: str) -> None:
    assert theme_of(suggester, text) == "domestic-abuse"


@pytest.mark.parametrize(("text", "theme"), [
    # A person known only by name whose own children the words name ("her kids", "her
    # son", "her toddler") is a parent: a parent's theme applies (each read as a
    # child's before, and a parent's words about a child dropped).
    ("Kirsty needs to stop doing coke on nights out when her kids are at home.",
     "substance-misuse"),
    ("Shona relapsed into drinking after her son was removed.", "substance-misuse"),
    ("Courtney needs to stop hitting her toddler when she is stressed.",
     "parenting-boundaries"),
])
def test_a_name_with_own_children_is_a_parent(suggester: Suggester, text: str,
                                              theme: str) -> None:
    # The reading under test is whose need it is: the rules' theme follows from it (the
    # learned reading may still weigh a weakly placed word otherwise).
    rules = Suggester(suggester.themes, suggester.analyzer, learned=False)
    assert theme_of(rules, text) == theme
    (reading,) = suggester.analyzer.read([text])
    assert reading.holder == "p"


@pytest.mark.parametrize(("text", "theme"), [
    # A sibling, someone else's children, or no children named: still a child.
    ("Mia needs to look after her baby brother less.", "young-carer"),
    ("Jayden needs to stop hitting his mum's new baby.", "behaviour"),
    ("Amber needs to stop worrying about her mum's drinking.", "substance-misuse"),
])
def test_a_name_without_own_children_stays_a_child(suggester: Suggester, text: str,
                                                   theme: str) -> None:
    assert theme_of(suggester, text) == theme
    (reading,) = suggester.analyzer.read([text])
    assert reading.holder == "c"


@pytest.mark.parametrize(("text", "theme"), [
    # What someone does to themself is no act on another person: a parent harming
    # themself is the parent's mental health, and a child's fear of it is no act of the
    # child's (the first read as an adult hurting a parent, the second as a child
    # scaring someone, when the acts were read more loosely).
    ("Ruby needs to stop worrying that her stepdad will hurt himself.",
     "parental-mental-health"),
    ("Ollie is scared that his mum will harm herself again.", "parental-mental-health"),
])
def test_an_act_on_oneself_is_no_act_on_another(suggester: Suggester, text: str,
                                                theme: str) -> None:
    assert theme_of(suggester, text) == theme
