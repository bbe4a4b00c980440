"""Outcomes and work items judged by their shape, the way real plans write them.

Outcomes: going to, keeping or taking part in a service is an output whatever the service
is called; a change no one could see (a judgement, a home described only by its qualities,
"ways" to do something, skills "needed to", a manner with no behaviour, an activity of no
kind in particular) is vague; and a service with a purpose ("supported to improve ...") is
both. Work items: a one-off action with a date, a standing rule or an action set off by an
event needs no frequency; an owner written as an acronym ("SW to ..."), help that says what
the person will do ("help Mum fill in ..."), keeping a record and a session with a topic
are actions.

The names of services, programmes and places below are invented: the first test checks
that the word each case rests on is in none of the wording files, so the coach must read
the fault (or its absence) from the parse, not from a list. Each wording is tested both
ways: the faults must be flagged, and the specific rows beside them, which real plans
write every day, must not be.
"""

from __future__ import annotations

import pytest

from assistant.wording import Coach
from tests.helpers import listed_in_wording, scored_kinds

# (stage, text, the kinds a good coach raises, the invented or unlisted word it rests on)
MUST_FLAG: list[tuple[str, str, set[str], str]] = [
    # attending, keeping or taking part in a service, whatever it is called
    ("outcome", "Mum will keep every appointment at the Quillan practice.", {"service"},
     "quillan"),
    ("outcome", "Jordan will go to the Brackwell club twice a week.", {"service"},
     "brackwell"),
    ("outcome", "Tia will attend every session of the Gorsedd scheme.", {"service"}, "gorsedd"),
    ("outcome", "By spring, the baby will be attending every Elstow clinic appointment, "
                "taken by Mum.", {"service"}, "elstow"),
    ("outcome", "Kian will have the Fenwick arrangements in place.", {"service"}, "fenwick"),
    ("outcome", "Sam will work with the Brackwell psychologist.", {"service"}, "brackwell"),
    # a service with a purpose: the output and the unseen change are both faults
    ("outcome", "Dad will be supported to improve his Quorra skills.", {"service", "vague"},
     "quorra"),
    ("outcome", "Mum will be supported to manage her anxiety at the Quorra centre.",
     {"service", "vague"}, "quorra centre"),
    # no change anyone could see
    ("outcome", "The family will find the Zelwyn plan worthwhile.", {"vague"}, "zelwyn"),
    ("outcome", "Mum will feel that everything at the Tarrow house is good enough.",
     {"vague"}, "tarrow"),
    ("outcome", "Rosa will live in a Dunmere flat that is tidy and safe.", {"vague"},
     "dunmere"),
    ("outcome", "Dad will demonstrate the skills required to hold down a job at Pellow's.",
     {"vague"}, "pellow"),
    ("outcome", "Mum will respond to Ori's signals sensitively.", {"vague"}, "ori's signals"),
    ("outcome", "Nell will be able to join in with a weekend activity.", {"vague"},
     "weekend activity"),
    ("outcome", "Mum and Dad will have ways to sort out quarrels calmly.", {"vague"},
     "quarrels"),
    ("outcome", "Mum will parent Ori and Bex consistently.", {"vague"}, "ori and bex"),
    ("outcome", "Kayden will live in Ryeford as independently as possible.", {"vague"},
     "ryeford"),
    # work with no action, no frequency or no owner
    ("work", "SW to support Jordan with the Velmont forms.", {"no-action", "no-frequency"},
     "velmont"),
    ("work", "The Varrick team to keep Mum informed.", {"no-action", "no-frequency"},
     "varrick"),
    ("work", "The practitioner will carry out weekly home visits to the Ashby flat.",
     {"no-action"}, "ashby"),
    ("work", "Nan to collect Ava from the Corran nursery.", {"no-frequency"}, "corran"),
    ("work", "Mum to take Ava to the Hollin dentist.", {"no-frequency"}, "hollin"),
    ("work", "Mum to take Ava to the Hollin dentist when needed.", {"no-frequency"},
     "hollin"),
    ("work", "Mum to make sure the children get to Corran school.",
     {"no-action", "no-frequency"}, "corran"),
    ("work", "Mum to keep the Tarrow house clean.", {"no-action", "no-frequency"},
     "tarrow house"),
    ("work", "Regular check-ins with the Tamsin mentor.", {"no-action", "no-frequency",
                                                         "no-owner"}, "tamsin"),
]

MUST_PASS: list[tuple[str, str, str]] = [
    # outcomes that say what the person will do
    ("outcome", "By July, Kit will take part in the Tinwell school play.", "tinwell"),
    ("outcome", "Jordan will attend school on at least 19 days out of 20.", "19 days"),
    ("outcome", "By the review, Mum will be confident enough to phone the Ardley school "
                "herself when Leo is ill.", "ardley"),
    ("outcome", "The children will live with their grandparents in Ryeford until Mum is "
                "well.", "ryeford"),
    ("outcome", "Mum will speak to the children calmly when they shout, using the Pinfold "
                "chart instead of smacking.", "pinfold"),
    ("outcome", "Leo's bedroom will have curtains, a bed with bedding and a working light "
                "by the review.", "curtains"),
    ("outcome", "By the summer, Archie will take part in a Harlow tournament with a local "
                "club.", "harlow"),
    ("outcome", "Ruby will spend lunchtime with two friends from Brindle class at least "
                "twice a week.", "brindle"),
    ("outcome", "By the end of Year 6, Ben will join in a group game of Dobble with peers "
                "three times a week.", "dobble"),
    ("outcome", "By the end of the year, Erin will take part in a class assembly by reading "
                "one line of the Pellow poem aloud.", "pellow poem"),
    ("outcome", "Ruby will feel safe enough to tell her Ryeford foster carer what happened.",
     "ryeford foster"),
    ("outcome", "Mum will work with Leo on his Pellow reading book for ten minutes every night.",
     "pellow reading"),
    ("outcome", "By the end of Key Stage 4, Leah will travel independently to her Harlow "
                "work placement.", "harlow"),
    ("outcome", "By the summer, Luca will use the Gorsedd room for five minutes when he feels "
                "overwhelmed, instead of running out of school.", "gorsedd"),
    # work items real plans write: dated one-offs, standing rules, triggers, odd owners
    ("work", "Mum will take Jordan to the Hollin dentist on 3 March.", "hollin"),
    ("work", "School nurse to see Ava weekly on Tuesdays from 1 December to check her "
             "weight.", "check her weight"),
    ("work", "SW to see the children alone at each visit to the Ashby flat.", "ashby"),
    ("work", "The Quorra worker will help Mum fill in the housing form at the visit on 9 "
             "October.", "quorra"),
    ("work", "Ruby's social worker to arrange a life story session with her each month.",
     "life story"),
    ("work", "Mum will keep a sleep diary for Leo every night for four weeks.", "sleep diary"),
    ("work", "Dad will ring the social worker immediately if Mr Khan comes to the Dunmere "
             "flat.", "dunmere"),
    ("work", "Mum will not let Mr Ward into the home at any time.", "mr ward"),
    ("work", "The housing officer will move the family to a flat in Ryeford by the end of "
             "the year.", "ryeford"),
    ("work", "DSL to record any bruising on a body map the same day and ring the social "
             "worker.", "body map"),
    ("work", "Jasmine's classroom assistant will work with her for 15 minutes every day on "
             "a Velmont speech programme.", "velmont"),
    ("work", "Dad will give a Kessing test in January and again in April.", "kessing"),
    ("work", "Mum to ensure the children are in bed by 8pm every night at the Dunmere flat.",
     "dunmere"),
    ("work", "SW to visit fortnightly, to include seeing the children alone at the Ashby flat.",
     "ashby"),
    ("work", "Mum to attend the Hollin appointment w/c 6th January.", "hollin"),
    ("work", "Maternal grandmother to collect the children from Corran school Mon-Fri.",
     "corran"),
    ("work", "Mum to ring 101 to report any contact from Mr Tarrow.", "tarrow"),
    ("work", "Mum to keep the Tarrow house clean and free of hazards, checked at each visit.",
     "tarrow house"),
    # what the small parser misreads: "to | phone school" as a preposition and a noun, an
    # owner noted in brackets, sessions given by someone as often as stated
    ("work", "Mum to phone Corran school every morning the children are unwell.", "corran"),
    ("work", "Provide Mum with a Velmont voucher by Friday (family worker).", "velmont"),
    ("work", "One-to-one sessions with the Gorsedd counsellor every Wednesday for 6 weeks.",
     "gorsedd"),
    ("work", "Social Care to arrange a Tarrow family conference by 14 March.", "tarrow"),
]


def test_the_cases_rest_on_words_no_rule_lists() -> None:
    assert listed_in_wording([word for *_, word in MUST_FLAG + MUST_PASS]) == []  # type: ignore



@pytest.mark.parametrize(("stage", "text", "kinds", "word"), MUST_FLAG)
def test_faults_are_flagged_by_shape(coach: Coach, stage: str, text: str, kinds: set[str],
                                     word: str) -> None:
    assert scored_kinds(coach, stage, text) == kinds


@pytest.mark.parametrize(("stage", "text", "word"), MUST_PASS)
def test_specific_rows_are_not_flagged(coach: Coach, stage: str, text: str,
                                       word: str) -> None:
    assert scored_kinds(coach, stage, text) == set()


def test_a_service_with_a_purpose_is_read_twice(coach: Coach) -> None:
    """The reader returns the output and then its purpose, each with its own words."""
    doc = coach._engine.nlp("Mum will be supported to improve her Quorra routine.")
    readings = coach._engine.reader.read_outcomes(doc)
    assert [r.category for r in readings] == ["service", "vague"]
    assert readings[1].span.text == "improve her Quorra routine"
