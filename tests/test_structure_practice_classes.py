"""Faults as practitioners write them in real plans, read by structure (issue 10, points
2 and 6).

Work items:

- an owner that is a body of people as a whole ("All professionals to ...", "Agencies to
  ...", "the team will ...", "everyone to ...") names no one answerable; a name or a kind
  says which team ("the Kestrel team", "the core group"), and "their" reports are each
  agency's own;
- a monitoring item is not made checkable by an act that happens only if something turns
  up ("... and report any concerns", "and pass on anything new");
- being seen by a professional with nothing said of what for ("Dad to be seen by the GP")
  is a meeting with no focus, as "see Zoe monthly" is;
- family time that "takes place", supervised by someone, names who runs it.

Outcomes:

- keeping to a plan, an agreement or an order ("stick to the safety plan", "abide by the
  written agreement") is compliance with a plan, a service outcome; using the plan in a
  situation, or an agreement that says what is agreed, is something seen;
- "will be protected/shielded from ..." is an aim every child has, not a change.

Each case rests on an invented word no wording file holds.
"""

from __future__ import annotations

import pytest

from assistant.wording import Coach
from tests.helpers import listed_in_wording, scored_kinds

NA, NF, NO = "no-action", "no-frequency", "no-owner"

WORK_FLAG: list[tuple[str, set[str], str]] = [
    ("All professionals to phone the Tregaron flat every Monday morning.", {NO}, "tregaron"),
    ("Agencies will send the Pentre chair a written update every month.", {NO}, "pentre"),
    ("The team will walk Cai to the Llanarth bus stop each morning.", {NO}, "llanarth"),
    ("Everyone to bring the Cwmbach diary to every core group.", {NO}, "cwmbach"),
    ("Relevant practitioners to check the Nantlle fridge at each visit.", {NO}, "nantlle"),
    ("Nursery to monitor Osian's Rhosgoch lunches and flag up any worries.", {NA, NF},
     "rhosgoch"),
    ("Youth worker to keep an eye on Dewi at the Bryncoch club and pass on anything new.",
     {NA, NF}, "bryncoch"),
    ("Mum to be seen by the Glyncorrwg practice nurse.", {NA, NF}, "glyncorrwg"),
]

WORK_PASS: list[tuple[str, str]] = [
    ("The Kestrel team will phone Mum every Monday morning about the Tregaron rent.",
     "tregaron"),
    ("The core group will meet every six weeks to check the Pentre attendance log.",
     "pentre"),
    ("Partner agencies to send their Llanarth reports to the chair a week before each "
     "conference.", "llanarth"),
    ("Key worker to check Cai's Cwmbach lunchbox every morning and tell Dad if anything is "
     "missing.", "cwmbach"),
    ("Osian to be seen by the Glyncorrwg dietitian every month to weigh him.", "glyncorrwg"),
    ("Family time to take place at the Abercarn hall every Sunday for an hour, supervised "
     "by Nain.", "abercarn"),
]

OUTCOME_FLAG: list[tuple[str, set[str], str]] = [
    ("Dad will stick to the Trefor safety plan.", {"service"}, "trefor"),
    ("Mum will abide by the Penmaen written agreement.", {"service"}, "penmaen"),
    ("Gwen will sign and keep to the Llandow family contract.", {"service"}, "llandow"),
    ("Dad will keep to the Caerau contact arrangements for six months.", {"service"},
     "caerau"),
    ("Osian will be protected from the Ystrad arguments.", {"vague"}, "ystrad"),
    ("Cai will be shielded from his father's Tonteg rages.", {"vague"}, "tonteg"),
]

OUTCOME_PASS: list[tuple[str, str]] = [
    ("Gwen will follow her Trefor safety plan when she feels unsafe at night.", "trefor"),
    ("Osian will follow the Penmaen classroom rules in 4 out of 5 lessons.", "penmaen"),
    ("Mum will honour the Llandow agreement not to drink when she has the children.",
     "llandow"),
    ("Cai will keep his Caerau bedroom tidy every day.", "caerau"),
]


def test_the_cases_rest_on_words_no_rule_lists() -> None:
    words = [w for *_, w in WORK_FLAG + WORK_PASS + OUTCOME_FLAG + OUTCOME_PASS]
    assert listed_in_wording(words) == []  # type: ignore[arg-type]


@pytest.mark.parametrize(("text", "kinds", "word"), WORK_FLAG)
def test_work_items_as_practitioners_write_them_are_flagged(
        coach: Coach, text: str, kinds: set[str], word: str) -> None:
    assert scored_kinds(coach, "work", text) == kinds


@pytest.mark.parametrize(("text", "word"), WORK_PASS)
def test_specific_work_items_of_the_same_shapes_pass(coach: Coach, text: str,
                                                    word: str) -> None:
    assert scored_kinds(coach, "work", text) == set()


@pytest.mark.parametrize(("text", "kinds", "word"), OUTCOME_FLAG)
def test_outcomes_as_practitioners_write_them_are_flagged(
        coach: Coach, text: str, kinds: set[str], word: str) -> None:
    assert scored_kinds(coach, "outcome", text) == kinds


@pytest.mark.parametrize(("text", "word"), OUTCOME_PASS)
def test_specific_outcomes_of_the_same_shapes_pass(coach: Coach, text: str,
                                                  word: str) -> None:
    assert scored_kinds(coach, "outcome", text) == set()


def test_what_takes_place_is_run_by_the_one_who_supervises_it(coach: Coach) -> None:
    """"To take place" says no one does anything, unless a participle names who runs it."""
    assert NA in scored_kinds(coach, "work", "Family time at the Abercarn hall to take "
                              "place every Sunday.")
    assert NA not in scored_kinds(coach, "work", "Family time at the Abercarn hall to take "
                                  "place every Sunday, supervised by Nain.")


def test_an_occasion_after_where_the_person_will_be_says_when(coach: Coach) -> None:
    """"Within the normal range at his next Talgarth check" measures a change at a check;
    being at the check itself is the person's attendance."""
    assert "service" not in scored_kinds(
        coach, "outcome", "Osian's weight will be within the normal range at his next "
        "Talgarth health visitor check.")
    assert "service" in scored_kinds(
        coach, "outcome", "Osian will be on the waiting list for the Talgarth clinic by his "
        "next review.")


CARE_PASS: list[tuple[str, str]] = [
    # a parent keeping a child's appointments takes the child to care
    ("Dad will keep Osian's Penarth hospital appointments.", "penarth"),
    ("Mum will make and keep Gwen's Porthcawl eye test appointment before the end of June.",
     "porthcawl"),
    # where a baby's body is put is care, not a placement
    ("Baby Nia will be placed on her back in her Cowbridge cot for every sleep.",
     "cowbridge"),
    ("Cai will be placed on his side by Mum whenever he has a Rhoose fit.", "rhoose"),
]

CARE_FLAG: list[tuple[str, str]] = [
    ("Dad will keep his Penarth hospital appointments.", "penarth"),
    ("Mum will attend Osian's Porthcawl child protection conferences.", "porthcawl"),
    ("Nain will get a carer's Barry assessment.", "barry"),
    ("Nia will be placed in Cowbridge foster care.", "cowbridge"),
    ("Nia will be placed back with her mother at the Rhoose flat by the summer.", "rhoose"),
]


def test_care_cases_rest_on_words_no_rule_lists() -> None:
    assert listed_in_wording([w for _, w in CARE_PASS + CARE_FLAG]) == []


@pytest.mark.parametrize(("text", "word"), CARE_PASS)
def test_care_given_where_a_service_is_is_not_a_service_outcome(coach: Coach, text: str,
                                                               word: str) -> None:
    assert "service" not in scored_kinds(coach, "outcome", text)


@pytest.mark.parametrize(("text", "word"), CARE_FLAG)
def test_a_service_used_or_a_placement_stays_a_service_outcome(coach: Coach, text: str,
                                                              word: str) -> None:
    assert "service" in scored_kinds(coach, "outcome", text)


WORK_MORE: list[tuple[str, set[str], str]] = [
    # a vague verb the tagger reads as a noun after "to"
    ("Mum to access support for her Llanelli worries.", {NA, NF}, "llanelli"),
    # passing on "any concerns" may never happen
    ("GP to share any concerns about Mum's Gorseinon tablets with the social worker.", {NA},
     "gorseinon"),
    ("Nursery to pass on any worries to the Pontlliw health visitor.", {NA}, "pontlliw"),
    # ... but a vague verb read that way is still no purpose
    ("Family support worker to visit every Tuesday from 7 December to help her monitor "
     "Tyler's Cilfynydd progress.", {NA}, "cilfynydd"),
    # visits whose purpose is itself no act stay vague however the purpose is hung
    ("SW to undertake fortnightly visits from 7 December to engage with the Trealaw "
     "family.", {NA}, "trealaw"),
    # a family word before the help or the place says whom it is for, not who gives it
    # ("family support" is a kind of help, as "speech therapy sessions" are)
    ("Family support in Ynysybwl to be offered every week.", {NO}, "ynysybwl"),
    ("Weekly visits to the family home in Cwmaman from 7 December.", {NA, NO}, "cwmaman"),
    # support whose purpose is a capacity the person is to gain names no act
    ("Dad to be supported to manage his Tregaron worries.", {NA, NF, NO}, "tregaron"),
    ("Nan will be helped to understand the Llanrhystud letters.", {NA, NF, NO},
     "llanrhystud"),
    ("SW to support Mum to cope with the Aberporth court hearing.", {NA, NF}, "aberporth"),
]

WORK_MORE_PASS: list[tuple[str, str]] = [
    ("School to email Mum any changes to Osian's Gorseinon timetable on the Friday before.",
     "gorseinon"),
    ("Dad to tell the Pontlliw school about any absence by 9am.", "pontlliw"),
    # "help her plan ..." read as "her plan": what the person will do is the purpose
    ("Family support worker to visit Kerry every Tuesday from 7 December to help her plan "
     "Tyler's Cilfynydd breakfasts.", "cilfynydd"),
    # the parser hangs what the visits are for on the visits, not on the verb
    ("SW to undertake fortnightly visits to see the children alone in their Trealaw "
     "bedroom.", "trealaw"),
    ("Social worker to carry out weekly sessions to go through the Penrhiwceiber safety "
     "plan with Mum.", "penrhiwceiber"),
    # help toward an act the person will do, or a capacity practised each time, is work
    ("Youth worker to support Jake to ring the Aberaeron college by 20 June.", "aberaeron"),
    ("Family worker to help Mum manage the Aberporth bedtime routine every night from 7 "
     "December.", "aberporth"),
    # a family word in a provider's name is the provider
    ("Weekly parenting sessions from the Cwmaman family hub from 7 December.", "cwmaman"),
]


@pytest.mark.parametrize(("text", "kinds", "word"), WORK_MORE)
def test_contingent_and_misread_vague_items_are_flagged(coach: Coach, text: str,
                                                       kinds: set[str], word: str) -> None:
    assert listed_in_wording([word]) == []
    assert scored_kinds(coach, "work", text) == kinds


@pytest.mark.parametrize(("text", "word"), WORK_MORE_PASS)
def test_particular_changes_and_events_each_time_pass(coach: Coach, text: str,
                                                     word: str) -> None:
    assert listed_in_wording([word]) == []
    assert scored_kinds(coach, "work", text) == set()


def test_a_direction_on_care_or_a_network_is_vague_not_a_service(coach: Coach) -> None:
    """"An improved support network", "better care for Nia" say which way things should
    go; a service named more often ("more CAMHS sessions") stays a service."""
    for text in ("Mum will have an improved Treharris support network.",
                 "An increased Treharris support network for Dad.",
                 "Better Treharris care for baby Nia."):
        kinds = scored_kinds(coach, "outcome", text)
        assert kinds == {"vague"}, (text, kinds)
    assert "service" in scored_kinds(coach, "outcome", "More Treharris CAMHS sessions for Kai.")
    assert listed_in_wording(["treharris"]) == []


def test_care_of_a_quality_that_only_reaches_an_aim_is_vague(coach: Coach) -> None:
    """"Appropriate parenting that enables him to fulfil his potential": the clause says
    only what every child should reach; one that says what happens is seen."""
    assert "vague" in scored_kinds(coach, "outcome", "Kai will receive appropriate Merthyr "
                                   "parenting that enables him to fulfil his potential.")
    assert scored_kinds(coach, "outcome", "Kai will receive consistent Merthyr parenting "
                        "that helps him get to bed by 8pm every night.") == set()
    assert listed_in_wording(["merthyr"]) == []


@pytest.mark.parametrize(("text", "quoted"), [
    ("Nursery to keep a close eye on Mia at Pendine.", "keep a close eye on"),
    ("School to keep an eye on Mia in Pendine.", "keep an eye on"),
    # a person as the object is not part of the act
    ("SW to support Mum with the Pendine children.", "support"),
])
def test_a_vague_act_is_quoted_as_written(coach: Coach, text: str, quoted: str) -> None:
    finding = next(f for f in coach.check(text, stage="work").findings
                   if f.kind == "no-action")
    assert f"(\"{quoted}\" does not say" in finding.message


@pytest.mark.parametrize(("text", "service"), [
    # found walking the interview: a work item typed as an outcome, its professional
    # named, was taken as a change for the family
    ("Family support worker Jade to visit every Tuesday to go through the Pendine diary "
     "with Kerry.", True),
    ("Youth worker Sam will meet Rhys at the Pendine club weekly.", True),
    # a relative by name is the family, not a service
    ("Aunt Jade will take Mila to the Pendine nursery every morning by 9am.", False),
])
def test_a_professional_by_name_doing_the_work_is_an_output(coach: Coach, text: str,
                                                          service: bool) -> None:
    assert ("service" in scored_kinds(coach, "outcome", text)) is service
