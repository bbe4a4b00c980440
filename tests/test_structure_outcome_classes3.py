"""Outcome classes of the third round, read from the parse on words no list holds (issue
10, point 2: outputs, no observable change, and the specific outcomes beside them).

Outputs: contact with a professional or a plan with nothing said of what for ("meet with
his Vantry adviser monthly", "comply with the Dorrel plan"); an occasion someone else holds
("a Quillby open day"); a provision of a named kind had, whatever follows it ("a Brackwell
plan agreed with her caseworker", "overnight stays"); a passive continued ("continue to be
supported by Zephyrine"). No observable change: what is learnt or aimed at ("learn to
manage her temper"), bare people made or kept ("make friends"), content followed ("put into
practice what he learnt"), a change shown ("show he has changed"), a direction passive
whatever it is said of ("Neighbourly backups are increased").

Beside them, specific outcomes that must stay unflagged although a service, a
professional or a plan is in them: going somewhere on one's own, by a means of travel or
without being reminded; taking someone else there; a plan used in a situation or to do an
act; a meeting with a purpose; a limit kept within; a routine whose parts are listed;
telling someone what one wants; care given by family; "do" with a thing done. Each case
names the word it rests on, and the first test checks no wording file holds it.
"""

from __future__ import annotations

import pytest

from assistant.wording import Coach
from tests.helpers import listed_in_wording, scored_kinds

# (text, the kinds a good coach raises, the unlisted word the case rests on)
CASES: list[tuple[str, set[str], str]] = [
    # contact with a professional, or a plan complied with, and nothing said of what for
    ("Kit will meet with his Vantry adviser monthly.", {"service"}, "vantry"),
    ("Dad will talk to his Thistledown practitioner each week.", {"service"},
     "thistledown"),
    ("Ari will check in with the Pellam counsellor every morning.", {"service"}, "pellam"),
    ("Bea will spend an hour a week with her Tarrow mentor.", {"service"}, "tarrow"),
    ("Parents will comply with the Dorrel plan.", {"service"}, "dorrel"),
    ("Dad will cooperate with the Hethering team.", {"service"}, "hethering"),
    # in touch with, open to, on the list of, or registered with a service
    ("Mum will make contact with the Tarrant outreach team.", {"service"}, "tarrant"),
    ("Dad will be put in touch with a Greyling adviser.", {"service"}, "greyling"),
    ("Kai will be open to the Bellhaven service.", {"service"}, "bellhaven"),
    ("Mum will be on the Pembry housing register.", {"service"}, "pembry"),
    ("Dad will register with the Oakhurst surgery.", {"service"}, "oakhurst"),
    # an occasion someone else holds
    ("Cora will attend a Quillby open day.", {"service"}, "quillby"),
    ("Mum will go to a Wendlow coffee morning.", {"service"}, "wendlow"),
    # a provision of a named kind had, whatever follows it
    ("Mum will have a Brackwell plan agreed with her caseworker.", {"service"}, "brackwell"),
    ("Tilly will have a Corsey plan for moving up to the big school.", {"service"},
     "corsey"),
    ("Ivo will have a Marlin package that is reviewed every six months.", {"service"},
     "marlin package"),
    ("Isla will have overnight stays at Fernhallow.", {"service"}, "fernhallow"),
    ("Mum will continue to be supported by Zephyrine.", {"service"}, "zephyrine"),
    # what is learnt or aimed at, people and content with nothing particular, a change
    # shown, a direction passive
    ("Jess will learn to manage her temper at the Yarrowby stables.", {"vague"},
     "yarrowby"),
    ("Ossie will aim to regulate his emotions around the Pargeter twins.", {"vague"},
     "pargeter"),
    ("Tom will make friends at the Bramling skatepark.", {"vague"}, "bramling"),
    ("Dad will put into practice what he learnt at Grangeholt.", {"vague"},
     "grangeholt"),
    ("By the Brindle review, Dad will show he has changed.", {"vague"}, "brindle"),
    ("Neighbourly backups around the Tamsett family are increased.", {"vague"},
     "neighbourly"),
    ("Mum will sustain the changes she has made at the Wickham flat.", {"vague"},
     "wickham"),
    # an aim had met, a role judged
    ("The Pennock children will have their needs met.", {"vague"}, "pennock"),
    ("Dan will be a good dad to the Ashgrove twins.", {"vague"}, "ashgrove"),
    ("Bryony will be a safer carer at the Kettleby flat.", {"vague"}, "kettleby"),
    # specific: on one's own, by a means of travel, without being reminded
    ("Jade will go to her Ardley appointments on her own by the summer.", set(), "ardley"),
    ("Lola will get to her Cressing sessions by tram every week.", set(), "cressing"),
    # a "by" phrase set before the verb says when, not how: going there is the service
    ("By spring, Noor will go to every Halsey clinic appointment.", {"service"}, "halsey"),
    ("Kara will go to the Ibbotson clinic to take her insulin without being reminded.",
     set(), "ibbotson"),
    # taking someone else there; a plan used in a situation or to do an act
    ("Dad will take the baby to all her Sallow appointments on time.", set(), "sallow"),
    ("Mum will use her Pimlott plan to leave the flat with the twins if Dad turns up "
     "drunk.", set(), "pimlott"),
    ("Ali will use the Quorn plan on his desk to start each worksheet.", set(),
     "worksheet"),
    # a meeting with a purpose; a limit kept; a listed routine; telling what one wants
    ("Mum will meet the Hartwell nurse with Kyle to agree where his spacer is kept.", set(),
     "spacer"),
    ("Mum will go to the greengrocer with a list and keep within her weekly Tolley "
     "budget.", set(), "greengrocer"),
    ("Sol will have a bedtime routine of bath, lullaby and bed by 7:30.", set(),
     "lullaby"),
    ("Before her Hawley review, Isla will tell her caseworker what she wants to happen "
     "at weekends.", set(), "hawley"),
    # care given by family; a thing done; a phrase of time under what is taken part in
    ("Leo will have his Varlex medication at the same time each day, given by Grandad.",
     set(), "varlex"),
    ("Dad will do the nursery run on Tuesdays and Thursdays.", set(), "nursery run"),
    ("Kyle will use what he learnt at Grangeholt to cross the road on his own.", set(),
     "grangeholt"),
    ("Dad will attend the Quellmoor programme without missing a session.", {"service"},
     "quellmoor"),
    ("Oli will have no unauthorised lateness marks this half-term.", set(), "lateness"),
    ("Jess will be supervised by Grandad whenever she is in the Wexcombe pool.", set(),
     "wexcombe"),
    ("Jess will be supervised by a Wexcombe caseworker whenever she sees her dad.",
     {"service"}, "wexcombe"),
    ("The Pennock children will have their bunk beds put up by Easter.", set(), "bunk beds"),
    ("Nell will be a fluent reader of Brimble picture books by Year 2.", set(), "brimble"),
    ("Leo will engage in a chat with a classmate for two minutes during each Gosling "
     "therapy session.", set(), "gosling"),
]


def test_the_cases_rest_on_words_no_rule_lists() -> None:
    assert listed_in_wording([word for _, _, word in CASES]) == []


@pytest.mark.parametrize(("text", "kinds", "word"), CASES)
def test_outcome_classes_are_read_from_the_parse(coach: Coach, text: str, kinds: set[str],
                                                 word: str) -> None:
    assert scored_kinds(coach, "outcome", text) == kinds


@pytest.mark.parametrize(("text", "reason"), [
    ("Kit will meet with his Vantry adviser monthly.", "contact with a service"),
    ("Cora will attend a Quillby open day.", "using a service"),
    ("Mum will have a Brackwell plan agreed with her caseworker.", "provision had"),
    ("Tom will make friends at the Bramling skatepark.", "who, how many"),
    ("Dad will put into practice what he learnt at Grangeholt.", "which of it"),
])
def test_outcome_readings_say_why(coach: Coach, text: str, reason: str) -> None:
    readings = coach._engine.reader.read_outcomes(coach._engine.nlp(text))
    assert readings and reason in readings[0].reason


def test_a_meeting_about_something_is_an_act(coach: Coach) -> None:
    """A topic or a purpose makes a meeting with a professional something the person does;
    a friend is no service to meet."""
    for text in ("Isaac will talk to his Vantry adviser about the name-calling the same "
                 "day it happens.",
                 "Zora will meet her pals at the skatepark every Saturday.",
                 "Dad will spend an hour a week with his granddaughter at the allotment.",
                 "Mum will keep in touch with her Carrick cousins every week.",
                 "Mum will be open to ideas from the Fenwick twins about tidying up."):
        assert scored_kinds(coach, "outcome", text) == set(), text


def test_going_with_help_is_still_a_service(coach: Coach) -> None:
    """Without a sign that the person goes on their own, going to a service is using it;
    a professional who takes the person there is the service."""
    assert scored_kinds(coach, "outcome",
                        "Jade will go to her Ardley appointments.") == {"service"}
    assert scored_kinds(coach, "outcome",
                        "Lola will be taken to her Cressing sessions by the "
                        "caseworker.") == {"service"}


def test_everyday_class_is_no_service(coach: Coach) -> None:
    """"class" and "lessons" bare are school; a class of a named kind is a provision."""
    assert scored_kinds(coach, "outcome", "Aisha will join in more in class with the "
                                          "Harrowgate group.") == {"vague"}
    assert scored_kinds(coach, "outcome", "Jo will attend lessons every day.") == set()
    assert scored_kinds(coach, "outcome",
                        "Mum will attend the Lorrimer parenting class.") == {"service"}
