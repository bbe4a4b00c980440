"""Needs as practitioners write them in court reports, case plans and support plans, each
read as a class from the structure (issue 10, points 1 and 6; the needs5 fresh check).

- Help "with" an activity named by a bare gerund ("support with budgeting") is help in an
  area of life, as "help with her housing" is, and so is help with a particular task
  ("with getting the twins to school on time"): every dev row of help or support with
  doing something is labelled service (eval/README.md, Labelling guide). "Support to" do
  something is a service too (every dev row); help "to" do something, which the labels
  split, says what must change, however the parser hangs the infinitive ("help to say
  goodbye" parsed as a complement of "help"), and help from a named person stays a
  particular arrangement.
- A counted amount ("twelve weeks of counselling", "ten sessions of ... mentoring") is
  judged by what it is an amount of; "two pairs of school shoes" stays specific.
- A state of joining a service ("to remain engaged with her support worker", "to stay
  engaged with the ... outreach team") is using the service, as "to engage with" is; staying
  engaged with a child's own things is not.
- Carers described only by evaluative adjectives ("a warm, stable and loving family",
  "nurturing carers") are an aim every child shares, as "a stable home" is; carers of a
  kind or with a particular task are not.
- A name the tagger reads as a verb before a plan-style infinitive ("Zoe to thrive") is the
  holder, and the infinitive is judged.
- "Would" right before the need verb, with no condition anywhere in the sentence, is how
  reports state a need ("the parents would need ..."); with "if" or "should" it stays a
  supposition.
- Help to find or secure a setting ("help finding a nursery") reaches a service; help
  to find one's own thing does not.
- A place asked for with its staff ("a flat with a support worker") is a placement.
- The child care is given to ("to provide consistent care to Orla") is whom the aim is
  for, as "care for Orla" is.
- What a service runs or delivers ("workshops delivered by the ... team") is that
  service; what a relative runs is not.
- A professional asked only to visit more often asks for more of a service; a visit with
  a purpose, or a relative's visits, say what the person needs.
- A quality of oneself ("a sense of self-belief"), a feeling of being cared for ("a
  feeling of being cherished"), care described only as meeting needs ("parenting that
  meets her needs") and a state felt ("to feel a sense of belonging") are aims.
- A verb split at its prefix ("co-operate") is read whole; being on a service's books
  ("to be known to the ... team", "linked with the ... men's group") and taking up what
  a service offers ("to take up the offer of a place at ...", "to make use of the ...
  family centre") are using the service.
- A home or family "for life", being in a loving home, settling, and carers described as
  emotionally available are aims; carers available at a particular time, a home for a
  particular weekend and being at the centre of decisions (a position, no centre of
  services) are not flagged.
- Being considered or explored as a carer asks for an assessment; being seen or treated
  as a person is how others regard someone, not a clinic.

Names and places are invented and appear in no list; real spaCy, real content.
"""

from __future__ import annotations

import pytest

from assistant.wording import Coach
from tests.helpers import scored_kinds

MUST_FLAG: list[tuple[str, set[str]]] = [
    # help with an activity
    ("Dad needs support with budgeting.", {"service"}),
    ("Gran needs advice with applying for a college place in Farrowby.", {"service"}),
    ("Dad needs support with finding a new home in Quillbrook.", {"service"}),
    # were must-pass: help or support with doing something, and support to do it, are
    # labelled service in every dev row (the Labelling guide)
    ("Mum needs help with getting the Farrowby twins to school on time.", {"service"}),
    ("Dad needs support with cooking healthy meals for Pim.", {"service"}),
    ("Jory needs support to choose a Quillbrook football kit.", {"service"}),
    # a counted amount of a service
    ("Dad needs twelve weeks of counselling.", {"service"}),
    ("Dad requires four to six months of family therapy before the boys could stay "
     "overnight.", {"service"}),
    # staying engaged with a service
    ("Mum to stay engaged with the Brackwell outreach team.", {"service"}),
    ("Mum to remain engaged with her Tarnley support worker.", {"service"}),
    # carers judged only by how good they should be
    ("Tobin needs a calm, consistent and loving family.", {"universal"}),
    ("Ari needs nurturing carers.", {"universal"}),
    ("The Farrowby children need a warm, stable and loving family throughout their "
     "childhood.", {"universal"}),
    # a name read as a verb before a plan-style infinitive
    ("Zoe to thrive.", {"universal"}),
    # a stating modal
    ("The Farrowby parents would need a Brackwell outreach worker.", {"service"}),
    ("Mum would require a Tarnley key worker.", {"service"}),
    # help to find a setting
    ("Gran needs help finding a nursery near Farrowby.", {"service"}),
    ("Mum needs help finding a new home near Farrowby.", {"service"}),
    # a staffed place
    ("Ari needs a home with waking night staff.", {"service"}),
    # care given to the child
    ("Mum needs to provide consistent care to Orla.", {"universal"}),
    # run by a service
    ("Pim needs the Farrowby workshops delivered by the Quillbrook team.", {"service"}),
    # more visits
    ("Noor needs her Tarnley key worker to visit more often.", {"service"}),
    # aims in new words
    ("Pim needs a sense of self-belief.", {"universal"}),
    ("Orla needs a feeling of being cherished.", {"universal"}),
    ("Kai needs parenting that meets her needs.", {"universal"}),
    ("Jory needs to feel a sense of belonging in the Farrowby family.", {"universal"}),
    # using a service, in plan words
    ("Mum needs to co-operate with the Quillbrook team.", {"service"}),
    ("Mum needs to be known to the Brackwell family team.", {"service"}),
    ("Dad needs to be linked with the Tarnley men's group.", {"service"}),
    ("Mum needs to take up the offer of a place at the Quillbrook nursery.", {"service"}),
    ("Mum needs to make use of the Farrowby family centre.", {"service"}),
    # a felt state to be promoted
    ("Orla needs her sense of belonging promoted.", {"universal"}),
    # aims of home and carers
    ("Jory needs a family for life.", {"universal"}),
    ("Pim needs to be in a loving home.", {"universal"}),
    ("Orla needs to settle.", {"universal"}),
    ("Kai needs emotionally available carers.", {"universal"}),
    # weighed up as a carer
    ("Aunt Pia needs to be considered as a special guardian.", {"assessment"}),
    ("Grandad needs to be explored as a carer for Pim.", {"assessment"}),
]

MUST_PASS: list[str] = [
    # help to do something particular, however parsed
    "Bo needs help to say goodbye to his Farrowby foster carers before he moves.",
    "Noor needs help to tell her teacher when the Farrowby boys tease her.",
    "Pim needs help from Gran with reading his Brindle letters.",
    # help a particular person gives with a particular task
    "Mum needs her sister's help with getting the Farrowby twins to school on time.",
    "Jory needs his uncle to help him choose a Quillbrook football kit.",
    "Mum needs to stay engaged with Pim when he talks about his day.",
    # an amount of something personal
    "Ari needs two pairs of school shoes.",
    "Kai needs three evenings of quiet time with Dad.",
    # staying engaged with the child's own things
    "Dad needs to stay engaged with Jory's homework.",
    # carers of a kind or for a task
    "Ari needs a Brindle-speaking family.",
    "Noor needs carers who can drive her to Farrowby.",
    # a plan-style need with a name the tagger may misread
    "Zoe to wash her own hair on Sundays.",
    # a supposition
    "Mum would need a Tarnley key worker if Pim came home.",
    "Mum would need a Tarnley key worker, should the boys return.",
    # help to find one's own thing
    "Noor needs help to find her lost Brindle bracelet.",
    # a place with something personal
    "Ari needs a bedroom with a window that opens.",
    # care given concretely
    "Mum needs to give Orla her Brindle drops at 8am.",
    # run by a relative
    "Pim needs the Farrowby games run by his cousin.",
    # a visit with a purpose, a relative's visits
    "Noor needs her Tarnley key worker to visit her at Gran's to talk about the move.",
    "Noor needs her grandad to visit more often.",
    # a feeling with a when, a sense with a where
    "Orla needs a feeling of calm before her Brindle exams.",
    "Jory needs to feel a sense of calm when Dad shouts.",
    # taking up something of one's own, linked with a relative
    "Mum needs to take up running again.",
    "Mum needs to make use of her Brindle bus pass.",
    "Dad needs to be linked with his brother in Farrowby.",
    "Pim needs the parents' permission for the Brindle trip.",
    "Pim needs his mum's group of friends at the Farrowby park.",
    # a home or carers for a particular time, a position, a particular settling
    "Kai needs carers available on Brindle holidays.",
    "Kai needs a home for the Farrowby half-term.",
    "Pim needs to live in a safe home with Gran.",
    "Kai needs to be at the centre of every decision.",
    "Orla needs to settle her Brindle phone bill.",
    # a felt state with a when
    "Pim needs his sense of calm protected before Brindle exams.",
    # regarded, not assessed
    "Pim needs to be seen as a person, not a problem.",
    "Pim needs to be treated as a child first.",
    "Pim needs to be considered as an adult at 16.",
]


@pytest.mark.parametrize(("text", "kinds"), MUST_FLAG)
def test_plan_words_faults_are_flagged(coach: Coach, text: str, kinds: set[str]) -> None:
    assert scored_kinds(coach, "need", text) == kinds


@pytest.mark.parametrize("text", MUST_PASS)
def test_plan_words_specific_needs_pass(coach: Coach, text: str) -> None:
    assert scored_kinds(coach, "need", text) == set()
