"""Work items as real plans write them, read by their structure (issue 10, point 2).

Each case rests on an invented word (the first test checks that no wording file holds it),
so the coach must read the shape of the item, not a list:

- an item written under its own short title ("Calm corner: provide a quiet space ...") is
  read after the colon: the title is not who does it, and neither is the instruction's
  capitalised verb that the parser takes for a name ("Pair Lily with ...");
- a resource named with no action ("Beeping watches for toilet time"), a referral or a
  request to no one in particular, a vague verb whose purpose is vague too ("encourage
  parents to ensure ..."), and light verbs of relationships and advice ("seek advice",
  "build a relationship") name no action anyone could check;
- a date can be named by its occasion ("before the next Varley visit"), counted from an
  event ("10 to 14 days after the birth"), or be a deadline ("no later than 30 April"); a
  rate can be one word ("half-termly", "six-weekly"); an action tied to an event happens
  each time it does ("during contact");
- help given "with" a tutor or role has that giver as its owner, and an event as subject
  ("Contact visits will happen ...") names no one.
"""

from __future__ import annotations

import pytest

from assistant.wording import Coach
from tests.helpers import listed_in_wording, scored_kinds

ALL_WORK = {"no-action", "no-frequency", "no-owner"}

# (text, the kinds a good coach raises, the invented word it rests on)
MUST_FLAG: list[tuple[str, set[str], str]] = [
    # a title is not an owner; the item after it is an instruction to no one
    ("Quorn Corner: Provide a beanbag by the window that Finn can use when he feels cross.",
     {"no-owner"}, "quorn"),
    ("Brisket Buddies: Pair Lily with an older reader to read the Brisket books together.",
     {"no-frequency", "no-owner"}, "brisket"),
    ("Tallow Talk: Use circle time to talk about the Tallow story with the group.",
     {"no-frequency", "no-owner"}, "tallow"),
    # a resource with no action
    ("Glimmer cushion and ear defenders for carpet time.", ALL_WORK, "glimmer"),
    ("A Drevon board and picture cards on his desk.", ALL_WORK, "drevon"),
    # a referral or request to no one in particular
    ("Referrals to other agencies for the Hexley family.", ALL_WORK, "hexley"),
    ("Request for outreach support for the Ockley pupils.", ALL_WORK, "ockley"),
    ("Making referrals to services that can help with the Pollard debts.", ALL_WORK,
     "pollard"),
    # a vague verb for a vague purpose; light verbs of advice and relationships
    ("To encourage parents to ensure that the Marden children arrive on time.", ALL_WORK,
     "marden"),
    ("Seek advice from the Kelton dietician.", ALL_WORK, "kelton"),
    ("Continue to build a relationship with the Sorrel family.", ALL_WORK, "sorrel"),
    # an event is not an owner
    ("Brenham contact visits will happen every Monday at the children's centre.",
     {"no-owner"}, "brenham"),
]

MUST_PASS: list[tuple[str, str]] = [
    # an owner, an act and when, in unusual orders or under a title
    ("Pelmet check-ins: Key adult greets Sam each morning and asks how he is feeling.",
     "pelmet"),
    ("Home time: Aunty Mere will collect the Corby twins from school every day at 3pm.",
     "corby"),
    ("Weekly, health visitor: home visit to weigh Ellie and check the Larkin feeding chart.",
     "larkin"),
    ("Every morning at 8.40 the learning mentor meets Josh at the Tanfield gate and walks "
     "him to class.", "tanfield"),
    ("1-2-1 Quenford maths tuition with a qualified tutor, two hours a week for ten weeks.",
     "quenford"),
    # a date by its occasion, from an event, or a deadline; a one-word rate; an event
    ("Mum will put the tablets in the Varley box and get rid of any needles before the "
     "next home visit.", "varley"),
    ("The health visitor will talk with Mum about the Oxted feeding plan 10 to 14 days "
     "after the birth.", "oxted"),
    ("The social worker will send the Halsey report no later than 30 April.", "halsey"),
    ("The SENCo will review Zara's Pendle reading targets with her parents half-termly.",
     "pendle"),
    ("Social worker to visit six-weekly to see Ruby on her own in the Wexley flat.",
     "wexley"),
    ("Mum and Dad will switch their Ardwyn mobiles off during contact.", "ardwyn"),
    ("By 20 June: the Skelton housing officer to confirm whether the family can move.",
     "skelton"),
    ("Koro will drive Tama to his Morwick appointment each Wednesday afternoon.",
     "morwick"),
]


def test_the_cases_rest_on_words_no_rule_lists() -> None:
    assert listed_in_wording([word for *_, word in MUST_FLAG + MUST_PASS]) == []  # type: ignore


@pytest.mark.parametrize(("text", "kinds", "word"), MUST_FLAG)
def test_work_faults_are_flagged_by_shape(coach: Coach, text: str, kinds: set[str],
                                          word: str) -> None:
    assert scored_kinds(coach, "work", text) == kinds


@pytest.mark.parametrize(("text", "word"), MUST_PASS)
def test_specific_work_items_are_not_flagged(coach: Coach, text: str, word: str) -> None:
    assert scored_kinds(coach, "work", text) == set()


def test_help_named_under_a_title_is_judged_with_the_title(coach: Coach) -> None:
    """"Speech and language: 3 sessions weekly" says what the sessions are; "Extra help:
    support as needed" still names no action."""
    assert "no-action" not in scored_kinds(
        coach, "work", "Hembley speech and language: 3 sessions weekly for 20 minutes each.")
    assert "no-action" in scored_kinds(coach, "work", "Extra help: support as needed.")


def test_a_vague_verb_with_a_checkable_purpose_is_not_vague(coach: Coach) -> None:
    """"Encourage Mum to fill in the forms" names what Mum will do (the existing rule);
    only a purpose that is itself vague leaves the item with no action."""
    assert "no-action" not in scored_kinds(coach, "work",
                                           "To encourage Mum to fill in the Dunmore forms.")


# A plan line's holder is who it names as doing it: in the plan-style "X to ..." the
# holder was read from the words before the finding and came out as no one.
@pytest.mark.parametrize(("text", "owner"), [
    ("Health visitor to support Mum.", "Health visitor"),
    ("Family support worker to work with Dad on the Tollbury routines.", "Family support worker"),
    ("School to monitor Kai's attendance.", "School"),
    ("Nan to collect Ava from the Pendle school.", "Nan"),
    ("The youth worker will keep in touch with Jayden every week.", "The youth worker"),
    ("Mum to be supported by the health visitor.", "the health visitor"),
])
def test_work_findings_carry_the_owner_as_holder(coach: Coach, text: str, owner: str) -> None:
    report = coach.check(text, "work")
    assert report.findings, text
    assert report.holder == owner, report.to_dict()
    assert report.to_dict()["holder"] == owner


@pytest.mark.parametrize("text", [
    "Transport to be provided.",
    "Ongoing support from the family support worker as needed.",
])
def test_a_line_that_names_no_owner_has_no_owner_holder(coach: Coach, text: str) -> None:
    """No one named, or the owner's words only modify another noun ("family" of "family
    support worker" read as the owner): no holder from the owner."""
    report = coach.check(text, "work")
    assert report.holder is None, report.to_dict()


def test_each_sentence_of_a_work_answer_has_its_owner_as_holder(coach: Coach) -> None:
    report = coach.check("Health visitor to support Mum. The youth worker will visit Jay "
                         "every Monday from 3 March.", "work")
    assert [s.holder for s in report.sentences] == ["Health visitor", "The youth worker"]


def test_a_work_line_flagged_nowhere_still_has_its_owner_as_holder(coach: Coach) -> None:
    report = coach.check("Dad to take Ava to the Pendle dentist on 3 March at 10am.", "work")
    assert not report.kinds and report.holder == "Dad", report.to_dict()


@pytest.mark.parametrize(("text", "owner"), [
    # the interview offered "every Monday" as who will do this, and saved it
    ("every Monday from 7 Dec 2026 Nan to take Mia to the Pendle nursery", "Nan"),
    ("Every Monday morning Nan will take Mia to the Pendle nursery.", "Nan"),
    ("Each evening Mum will read with Kai for ten minutes.", "Mum"),
])
def test_a_time_before_the_owner_is_not_the_owner(coach: Coach, text: str, owner: str) -> None:
    reader = coach._engine.reader
    doc = coach._engine.nlp(text)
    found = reader.acting_owner(doc, reader.read_work(doc))
    assert found is not None and found.text == owner, found
