"""Which work items name an act, read by their structure (issue 10, points 2 and 6).

An item names an act when it says what will be done to or with something or someone in
particular (a physical or communicative act, a named session). It names none when its verb
is an abstract relation or its content is empty, whatever the words:

- a role held, not something done ("be the link person", "act as the main contact");
- a verb of abstract relation between people or agencies ("coordinate with",
  "cooperate with"), or a light verb whose object is help ("organise further support");
- what someone is asked to do, when that is itself vague ("ask the parents to engage");
- an open question ("find out how things are going");
- a meeting with a person and nothing said of what it is for ("meet with Callum every
  fortnight", "see Zoe monthly to make sure she is alright");
- particles that together name no act ("follow through on", "take ... forward");
- a vague instruction whose capitalised verb the parser read as part of a name ("Support
  Ellis as ..."), and a thing named by a gerund read as its verb ("Humming lights").

And the other way: a call read as part of a name ("Ring Fenwick Housing to ...") is an
instruction with no owner; a plan-style owner read as a verb ("Keyworker to hear ...") is
the owner; sessions of a named kind of help ("counselling sessions") are held; a passive
with its agent ("watched over by the supervisor") names the act; keeping a person somewhere
is done; a meeting at a place is an escort. Each case rests on an invented word that no
wording file holds, and the specific items are written in unusual orders.
"""

from __future__ import annotations

import pytest

from assistant.wording import Coach
from tests.helpers import listed_in_wording, scored_kinds

NA, NF, NO = "no-action", "no-frequency", "no-owner"

# (text, the kinds a good coach raises, the invented word it rests on)
MUST_FLAG: list[tuple[str, set[str], str]] = [
    ("The Pelford family worker will be the link person for the school.", {NA, NF},
     "pelford"),
    ("Health visitor to act as the main contact for the Brindle family.", {NA, NF},
     "brindle"),
    ("Nurse to coordinate with the Arlow clinic.", {NA, NF}, "arlow"),
    ("The Dorrick team will cooperate with the housing office.", {NA, NF}, "dorrick"),
    ("Key worker to organise further support for the Tamsett children.", {NA, NF},
     "tamsett"),
    ("The social worker will ask the Quell parents to engage with services.", {NA, NF},
     "quell"),
    ("SW to find out how things are going at the Harlen flat.", {NA, NF}, "harlen"),
    ("The youth worker will meet with Callum Orrin every fortnight.", {NA}, "orrin"),
    ("The PA will see Zoe Vantry monthly to make sure she is alright.", {NA}, "vantry"),
    ("Mum to follow through on the Garvey advice.", {NA, NF}, "garvey"),
    ("Team leader to take the Marlow plan forward.", {NA, NF}, "marlow"),
    ("Family worker to keep in touch with the Sedley family and offer practical help.",
     {NA, NF}, "sedley"),
    ("Support Ellis as he settles into the Wendle unit.", {NA, NF, NO}, "wendle"),
    ("Humming Corvel lights for bedtime.", {NA, NF, NO}, "corvel"),
    # a condition after the item says when; it does not make the item hypothetical
    ("Lead professional to organise other support for the Ansty family if needed.",
     {NA, NF}, "ansty"),
    ("The PA will see Kai Bramley at least every eight weeks to make sure he is okay.",
     {NA}, "bramley"),
    # not an action fault, but no one owns it: a call read as part of a name
    ("Ring Fenwick Housing to ask about the repairs.", {NF, NO}, "fenwick"),
    # a session of a named kind of help is held: only how often and who are missing
    ("Regular Fandle counselling sessions.", {NF, NO}, "fandle"),
]

MUST_PASS: list[tuple[str, str]] = [
    ("Contact will be watched over by the Ulverton supervisor every Saturday.", "ulverton"),
    ("Mentor to keep Rhys away from the Carrow estate on Friday nights.", "carrow"),
    ("Foster carer to meet Amir at the Pendry station on 3 May.", "pendry"),
    ("Every Thursday after school, Gran will take the boys to the Felton swimming pool.",
     "felton"),
    ("The PA will see Zoe monthly to help her budget for the Ketley bills.", "ketley"),
    ("Keyworker to hear Noor read her Balsam book for ten minutes each evening.", "balsam"),
    ("Leaving care team to send Kai a Caldey voucher for his eighteenth birthday.",
     "caldey"),
    ("By the next Fennick review, SW to send Mum the minutes.", "fennick"),
    ("Nan to buy Jack a Talbot bus pass for his sixteenth birthday.", "talbot"),
    ("Saturdays 10 to 12, family time at the Quarley centre, supervised by a contact "
     "worker.", "quarley"),
    ("Uncle Dewi will take the Hensol air rifle out of the house tonight.", "hensol"),
    # set off by something that happens to a thing ("if the appointment needs to be
    # cancelled"), unlike "if she needs help"
    ("The Marsden social worker will let Mum know as soon as possible if the appointment "
     "needs to be cancelled.", "marsden"),
    # a role held at a time or place is being there, which is done
    ("Nana Glenys will be the safe adult at every Tarbet contact.", "tarbet"),
    ("Aunty Bethan will act as the safety person during the Maesteg visits.", "maesteg"),
    ("Weekly, support worker: 2 x wk / 1 hr home visit to practise the Tolley bedtime "
     "routine.", "tolley"),
]


def test_the_cases_rest_on_words_no_rule_lists() -> None:
    assert listed_in_wording([word for *_, word in MUST_FLAG + MUST_PASS]) == []  # type: ignore


@pytest.mark.parametrize(("text", "kinds", "word"), MUST_FLAG)
def test_items_with_no_checkable_act_are_flagged(coach: Coach, text: str, kinds: set[str],
                                                 word: str) -> None:
    assert scored_kinds(coach, "work", text) == kinds


@pytest.mark.parametrize(("text", "word"), MUST_PASS)
def test_specific_items_in_unusual_orders_pass(coach: Coach, text: str, word: str) -> None:
    assert scored_kinds(coach, "work", text) == set()


def test_a_meeting_with_a_focus_or_a_place_is_an_act(coach: Coach) -> None:
    """The same meeting is no act with nothing said of it, and an act once it says what
    for or where."""
    bare = "The youth worker will meet with Callum Orrin every fortnight."
    assert NA in scored_kinds(coach, "work", bare)
    assert NA not in scored_kinds(
        coach, "work", "The youth worker will meet with Callum Orrin every fortnight to "
        "fill in his Grayle college application.")
    assert NA not in scored_kinds(
        coach, "work", "The youth worker will meet Callum Orrin at the Grayle gym every "
        "fortnight.")


def test_a_count_is_not_an_open_question(coach: Coach) -> None:
    """"Check how many ... are left" is a count anyone could check; "check how well ...
    is working" is not."""
    assert NA not in scored_kinds(coach, "work",
                                  "Mum to check how many Hobart nappies are left each Monday.")
    assert NA in scored_kinds(coach, "work",
                              "Mum to check how well the Hobart routine is working each Monday.")


def test_a_manner_on_an_act_in_a_particular_place_is_not_vague(coach: Coach) -> None:
    """Outcomes: "safely" on travelling in the family car says how a concrete act is done;
    on "behave" in class it stands in for one."""
    assert "vague" not in scored_kinds(
        coach, "outcome", "The Drayton family will be able to safely travel with Romeo in "
        "the family car.")
    assert "vague" in scored_kinds(coach, "outcome",
                                   "Jo Drayton will behave appropriately in class.")


def test_a_relation_verb_names_an_act_when_it_says_what_it_is_about(coach: Coach) -> None:
    """"Coordinate", "consult" and their like name no act on their own or with help as
    their object; with a thing as object or a topic that is no quality they say what will
    be done, and can be checked."""
    for vague in ("The Pelham worker will coordinate support for the family every month.",
                  "Key worker to consult on the Pelham children's wellbeing every month.",
                  "The Pelham team will collaborate with the school every month."):
        assert NA in scored_kinds(coach, "work", vague), vague
    for act in ("The family worker will coordinate the Pelham review meetings every six "
                "weeks.",
                "Mum will consult her GP about her Pelham prescription by 30 June."):
        assert NA not in scored_kinds(coach, "work", act), act


def test_a_purpose_after_a_concrete_act_is_not_the_action(coach: Coach) -> None:
    """"Call the school to check on ..." is a call, checkable whatever its purpose; only a
    request ("ask", "remind", "encourage" ...) makes what is asked the action."""
    assert NA not in scored_kinds(
        coach, "work", "Dad will phone the Pelham office every Friday to check on Jess's "
        "attendance.")
    assert NA in scored_kinds(
        coach, "work", "Teacher to remind Zed to engage with the Pelham lessons.")
