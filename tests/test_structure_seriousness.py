"""Seriousness statements read by their structure (issue 10, point 2): a consequence that
is a sanction an agency brings on the adults ("the parents could be fined", "Mum will
receive a penalty notice", "may result in a penalty notice being issued") is a risk
written as the agency's action; who is worried ("the agency and the police are worried
that ...") is not the consequence, what they fear for the child is. A child excluded or
taken into care, or a sanction beside what happens to the child, stays child-focused, as
does what happens to the child's own provision ("her placement will break down"). A
sanction that what happens leads to ("non-attendance will lead to a fine") falls on the
adults; the agency's process hung on what it happens to ("the case being escalated") is
the agency's.

The cases rest on invented words that no wording file holds.
"""

from __future__ import annotations

import pytest

from assistant.wording import Coach
from tests.helpers import listed_in_wording

AGENCY = [
    ("If Jory keeps missing the Tamber school, his parents could be fined or taken to court.",
     "tamber"),
    ("Failure to improve Ella's Cresswell attendance may result in a penalty notice being "
     "issued.", "cresswell"),
    ("If Tom misses the Holcombe bus again, his parents will receive a penalty notice.",
     "holcombe"),
    ("If the Petrie rent is not paid, Mum will be evicted.", "petrie"),
    # the pipeline's lemma of "fined" is "fin": the sanction is read by its forms
    ("If Kian misses the Dunmore bus again his mum could be fined.", "dunmore"),
    # the sanction as the subject of what the agency does, and an adult ending up in court
    ("If nothing changes, proceedings at the Vantry court will be issued.", "vantry"),
    ("Care proceedings at the Brennock court are likely to be initiated.", "brennock"),
    ("Unless the Ostler arrears are cleared, Dad will end up in court.", "ostler"),
    # a provision acting on the family, or harmed as the agency is, stays the agency's
    ("If nothing changes, the Morwen programme will close the case.", "morwen"),
    ("Without this, our Ravenscar project will be criticised.", "ravenscar"),
    # a sanction that what happens leads to falls on the adults: no one is named
    ("Non-attendance at the Gwent Quarry school will lead to a fine.", "quarry"),
    ("Missing the Carrow sessions may result in prosecution.", "carrow"),
    ("Mum's absence from the Felling group could end in court proceedings.", "felling"),
    # the agency's process hung on what it happens to, or on "it"
    ("This may lead to the Tidwell case being escalated.", "tidwell"),
    ("If nothing changes, it will be stepped up to a Harrowby conference.", "harrowby"),
    # a harm that falls on the agency through "on"
    ("This would reflect badly on the Quenby partnership.", "quenby"),
    # an agency's act with no child's consequence beside it
    ("If the Sedley arrears grow, the landlord may serve notice.", "sedley"),
    # a name fined or referred is the sanction or the process, not a consequence beside it
    ("If Kai misses the Orbury bus again, Dee will be fined and the school will prosecute.",
     "orbury"),
    ("Tia will be referred to the Pembury panel and the school will escalate.", "pembury"),
]

CHILD = [
    ("The agency, the police and Tonya are worried that Matt may hit Adam again at the "
     "Lunsford flat.", "lunsford"),
    ("The Brackley nursery is worried that Isla will start school without the words to ask "
     "for help.", "brackley"),
    ("If Mary is excluded from the Thornby school again she will miss her exams and lose "
     "her college place.", "thornby"),
    ("If the Rusholme fines keep coming, Mum will fall further into debt and the children "
     "may go without food.", "rusholme"),
    # a sanction in the condition leaves the consequence to what happens to the child
    ("If proceedings at the Calderbrook court are issued, Ellie will have to move again.",
     "calderbrook"),
    # what happens to the child's own provision is what the child loses
    ("Without this, Ruby's Ashcombe placement is likely to break down.", "ashcombe"),
    ("The Penhallow placement will end and Kai will lose another set of carers.",
     "penhallow"),
    ("If Mum cannot cope, her Tolland respite will stop.", "tolland"),
    # what the child does may bring a sanction on the child: that is what happens to them
    ("His offending at the Marlow precinct will lead to prosecution.", "marlow"),
    # with no comma after the condition the parser hangs the consequence under it: the
    # child's care neglected is the condition, his pain the consequence
    ("If Noah's Pellow care continues to be neglected he will be in pain.", "pellow"),
    # what happens to the children said beside an agency's act or a sanction
    ("If the Sedley arrears grow, the landlord may serve notice and the children could be "
     "made homeless.", "sedley"),
    ("The Tarrant school will exclude him and the children will lose their friends.",
     "tarrant"),
    ("If Kian keeps missing the Wexcombe bus his parents could be fined and the children "
     "would go without food.", "wexcombe"),
    # ... and what happens to a child named by name (found by walk7: "Mila will fall
    # further behind and the HV will have to escalate" was the agency's)
    ("Mila will fall further behind at the Dunford nursery and the health visitor will "
     "have to escalate.", "dunford"),
    ("The Ferriby school will exclude him and Jax will lose his friends.", "ferriby"),
    # the person's own absence from a named service is what they do, not the agency
    ("Continued absence from the Brindle club will affect his attainment.", "brindle"),
    ("Missing sessions at the Quarrendon Centre will slow her progress.", "quarrendon"),
]


def kinds(coach: Coach, text: str) -> set[str]:
    return {f.kind for f in coach.check(text, stage="seriousness").findings}


def test_the_cases_rest_on_words_no_rule_lists() -> None:
    assert listed_in_wording([word for _, word in AGENCY + CHILD]) == []


@pytest.mark.parametrize(("text", "word"), AGENCY)
def test_a_sanction_on_the_adults_is_an_agency_risk(coach: Coach, text: str,
                                                    word: str) -> None:
    assert "agency-risk" in kinds(coach, text)


@pytest.mark.parametrize(("text", "word"), CHILD)
def test_what_happens_to_the_child_is_not_flagged(coach: Coach, text: str,
                                                  word: str) -> None:
    assert "agency-risk" not in kinds(coach, text)


@pytest.mark.parametrize("text, holder, child", [
    ("If nothing changes, the academy will fine the parents.", "Tyler", "Tyler"),
    ("If this is not met the school will exclude Leo.", None, "Leo"),
    ("If nothing changes, the council will be criticised.", None, "the child"),
])
def test_the_rewrite_frame_names_the_child_the_question_asks_about(
        coach: Coach, text: str, holder: str | None, child: str) -> None:
    """The frame offered for an agency risk names the child the question asks about, not
    always "the child" beside a question about Tyler."""
    finding = next(f for f in coach.check(text, stage="seriousness", holder=holder).findings
                   if f.kind == "agency-risk")
    assert f"happen to {child} " in finding.message
    assert finding.suggestions == [f"If this need is not met, it is likely that {child} will "
                                   "... (say what will happen, and how soon)."]


def test_a_sanction_is_quoted_from_whom_it_falls_on(coach: Coach) -> None:
    """A condition before the consequence, comma or not, is not part of what is quoted."""
    for text, quoted in [
            ("If Kian misses the Dunmore bus again his mum could be fined.",
             "his mum could be fined"),
            ("If nothing changes, proceedings at the Vantry court will be issued.",
             "proceedings at the Vantry court will be issued")]:
        found = [f.match for f in coach.check(text, stage="seriousness").findings
                 if f.kind == "agency-risk"]
        assert found == [quoted]


@pytest.mark.parametrize(("text", "whom"), [
    # the consequence's subject is a thing: the question asks of the person
    ("Continued absence from the Brindle club will affect his attainment.", "the person"),
    # the condition's person is not whom the consequence happens to
    ("If Dad's Farley drinking continues, the children may go hungry.", "the children"),
    ("The worry is that Chloe will withdraw from the Hatherop club.", "Chloe"),
])
def test_with_nothing_flagged_the_question_asks_of_whom_it_happens_to(
        coach: Coach, text: str, whom: str) -> None:
    report = coach.check(text, stage="seriousness")
    assert not report.kinds
    assert f"what will happen to {whom} if" in report.note


@pytest.mark.parametrize("text", ["We will look bad at the Ferndown panel.",
                                  "If this is not met, we will be criticised by Ferndown."])
def test_the_agency_speaking_of_itself_is_us(coach: Coach, text: str) -> None:
    report = coach.check(text, stage="seriousness")
    assert "agency-risk" in report.kinds
    message = report.findings[0].message
    assert "the risk is to us," in message and " we," not in message.lower()


@pytest.mark.parametrize("text", ["If this need is not met, we may have to go to court.",
                                  "If nothing changes, we will take Ferndown to a panel."])
def test_the_agency_doing_something_itself_is_we(coach: Coach, text: str) -> None:
    """"says what us will do" was said of "we may have to go to court" (found by a
    walk-through of `check --stage seriousness`)."""
    report = coach.check(text, stage="seriousness")
    assert "agency-risk" in report.kinds
    message = report.findings[0].message
    assert "says what we will do" in message and "what us " not in message, message


@pytest.mark.parametrize("holder", ["Mila", "Kerry", None])
def test_the_agency_risk_questions_presume_no_school(coach: Coach, holder: str | None) -> None:
    """The question is asked of a two-year-old at nursery and of a mother as much as of a
    pupil (found by walk7: 'what will Mila experience: at home, at school' for Mila, 2):
    it asks of days and a year ahead, which every holder has, not of a school."""
    report = coach.check("The Ferndown nursery will be criticised at its inspection.",
                         stage="seriousness", holder=holder)
    finding = next(f for f in report.findings if f.kind == "agency-risk")
    assert finding.questions and not any("school" in q for q in finding.questions)


# A risk graded with nothing said of what it would be (the kind "vague"): the harm words
# are general ("harm", "risk", "concerns", "affected"); one word of what would happen
# makes it a consequence. Names and places are invented; the harm words are the class.
GENERAL = [
    "Ava is at risk of significant harm.",
    "If nothing changes, the risk to the children will remain high.",
    "There are safeguarding concerns.",
    "Without this support, Jory could be harmed.",
    "If Dad's drinking continues, the children will remain at risk.",
    "There is a high risk of emotional harm to Kacper.",
    "If nothing changes, Mila's welfare will be compromised.",
    "This will have a negative impact on Ruby's wellbeing.",
    "If nothing changes, Jax may come to harm.",
    "Leo is at risk of sexual exploitation.",
    "Without intervention, there will be long-term damage to Harry's emotional development.",
]
SAID = [
    "If the home stays cluttered, Theo could trip on the stairs and be badly hurt.",
    "Sami is at risk of being groomed online by adults he meets on gaming sites.",
    "If the arguments continue, Lily is likely to be at risk of emotional harm and will "
    "stop sleeping at night.",
    "If Mum does not engage, Ava will keep missing school and fall behind.",
    "If Kai's asthma is not managed, he may end up in hospital.",
]


@pytest.mark.parametrize("text", GENERAL)
def test_a_risk_said_in_general_is_vague(coach: Coach, text: str) -> None:
    report = coach.check(text, stage="seriousness")
    assert report.kinds == ["vague"], report.to_dict()
    (finding,) = report.findings
    assert "If" not in finding.match and "Without" not in finding.match  # the condition
    assert "the risk" not in finding.message.split(":")[-1]  # asked of a person


@pytest.mark.parametrize("text", SAID)
def test_a_risk_that_says_what_would_happen_is_not_vague(coach: Coach, text: str) -> None:
    assert not coach.check(text, stage="seriousness").kinds, text


# The agency's harm or step said as a fragment, or as what a failure leads to.
FRAGMENTS = [
    ("Risk of reputational damage to the Harwood department.", "Risk of reputational "
     "damage to the Harwood department"),
    ("If nothing changes, there is a risk of reputational damage to the department.",
     "there is a risk of reputational damage to the department"),
    ("Failure to engage will result in escalation to PLO.",
     "Failure to engage will result in escalation to PLO"),
    ("Non-engagement could lead to a child protection conference.",
     "Non-engagement could lead to a child protection conference"),
    ("Escalation to a Calloway strategy meeting.", "Escalation to a Calloway strategy meeting"),
    ("Possible complaint to the Ombudsman.", "Possible complaint to the Ombudsman"),
    ("Criticism at inspection.", "Criticism at inspection"),
    ("The LA could face legal challenge.", "The LA could face legal challenge"),
    ("Ofsted would criticise us.", "Ofsted would criticise us"),
]


@pytest.mark.parametrize(("text", "match"), FRAGMENTS)
def test_the_agencys_harm_or_step_said_as_a_fragment_is_an_agency_risk(
        coach: Coach, text: str, match: str) -> None:
    report = coach.check(text, stage="seriousness")
    assert report.kinds == ["agency-risk"], report.to_dict()
    assert report.findings[0].match == match


@pytest.mark.parametrize("text", [
    "If nothing changes, the family could face eviction and the children would have to "
    "move schools again.",
    "Loss of her Penrith placement and of the friends she has made there.",
    "Risk of Ava being hit when Dad has been drinking.",
])
def test_a_process_or_a_loss_beside_the_childs_consequence_is_not_agency_risk(
        coach: Coach, text: str) -> None:
    assert "agency-risk" not in coach.check(text, stage="seriousness").kinds, text
