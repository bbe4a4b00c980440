"""Shapes the structure reader recognises without a word list naming the thing needed.

Why: the coach is judged on statements from real plans it has never seen, so a service,
role, programme or aim must be caught by how it is built, not because its noun is listed.
Each case here is flagged by the reader's own rule (``structure-...``), not a word rule:
a noun derived from a provider's verb ("mediation", "reimbursement", "a mediator"), a
person noun made a role ("a link carer"), a programme named in capitals, an -ing word
misparsed as a clause, a bare quality ("emotional steadiness"), a role that says only how
good someone should be ("a confident young man"). The specific statements must stay
unflagged: they mention such words but say what the person needs, are negated, or say
when and where.
"""

from __future__ import annotations

import pytest

from assistant.wording import Coach
from assistant.wording.rules import RuleSet
from tests.helpers import CONTENT

FLAGGED: list[tuple[str, str]] = [
    # nominalisations of a provider's verb, in no noun list
    ("Mum needs mediation.", "service"),
    ("Mum needs reimbursement for the bus fares.", "service"),
    ("Ava needs coaching.", "service"),
    # agent nouns of a provider's verb, bare
    ("Leo needs a mediator.", "service"),
    ("Dad needs an interpreter.", "service"),
    # a person noun made a role by its modifier
    ("Kai needs a link carer.", "service"),
    # a programme named in capitals mid-sentence, whatever its head noun
    ("The family needs the Solway Bridges Method.", "service"),
    # "-ing" modifier read by the parser as a clause
    ("Mia needs sleeping support.", "service"),
    # a bare quality, and a role that says only how good someone should be
    ("Ava needs emotional steadiness.", "universal"),
    ("Ben needs to be a confident young man.", "universal"),
    ("Sid needs his resilience to grow.", "universal"),
    # a formal record "of" named needs is a provision
    ("Ava needs a record of additional support needs.", "service"),
    # put forward, through prepositions, for an assessment
    ("Noor needs to be put on the waiting list for a Brenner assessment.", "assessment"),
    # a provider's verb in the passive with nothing said about what for
    ("Mum needs to be rehoused.", "service"),
    # plan-style with the provision's frequency read by the parser as the object
    ("Tilda to attend the Zinnia project weekly.", "service"),
    # plan-style aim
    ("Tilda to reach her potential.", "universal"),
    # a weak provision head made a provision by its modifier
    ("Kit needs a specialist setting.", "service"),
    # another setting asked for is a move: a placement (the last review's walk)
    ("Kit needs a new setting.", "service"),
]

NOT_FLAGGED: list[str] = [
    "Kai needs new trainers for PE.",
    "Mum does not need mediation; she needs Dad to stop texting her at night.",
    "Leo needs to understand what the mediator will ask him.",
    "Jordan needs to feel confident enough to speak up in class.",
    "The family needs their flat to be safe so the children stop getting ill from the damp.",
    "Kai needs to be happy when he visits his gran.",
    "Ella needs a named adult at school she can go to when she feels panicky.",
    "Amir needs an interpreter at his review so he understands what is decided.",
    # how the person manages a service themselves is the need
    "Noor to attend the Zinnia project on her own by bus.",
    # a need inside what someone believes is reported, not stated
    "Parents have a belief that there is a need for change but need guidance.",
    "Tilda needs to see her family daily.",
]


def test_a_coordinated_noun_of_another_kind_gets_its_own_finding(coach: Coach) -> None:
    report = coach.check("Poppy needs an Early Help Assessment and a Tarrow meeting.")
    assert set(report.kinds) & SCORED == {"assessment", "service"}, report.to_dict()
    service = next(f.to_dict() for f in report.findings if f.kind == "service")
    assert service["match"] == "a Tarrow meeting"

SCORED = {"universal", "service", "assessment"}


def _word_lists() -> str:
    """Every word the word rules (not the structure reader's classes, hand-written or
    generated from WordNet) list, as one text."""
    ruleset = RuleSet.load(CONTENT)
    return " ".join(" ".join(words) for name, words in ruleset.lexicons.items()
                    if not name.startswith(("shape_", "wordnet_"))).lower()


@pytest.mark.parametrize(("text", "kind"), FLAGGED)
def test_shapes_in_no_word_list_are_flagged_by_the_reader(coach: Coach, text: str,
                                                          kind: str) -> None:
    report = coach.check(text)
    kinds = set(report.kinds) & SCORED
    assert kinds == {kind}, report.to_dict()
    rules = {f.to_dict()["rule"] for f in report.findings if f.kind == kind}
    assert rules and all(r.startswith("structure-") for r in rules), rules


def test_the_flagged_nouns_are_in_no_word_rule() -> None:
    listed = set(_word_lists().split())
    for noun in ("mediation", "reimbursement", "coaching", "mediator", "steadiness",
                 "solway", "method", "record", "waiting", "rehoused", "zinnia", "tarrow"):
        assert noun not in listed, noun


@pytest.mark.parametrize("text", NOT_FLAGGED)
def test_specific_statements_with_such_words_are_not_flagged(coach: Coach,
                                                             text: str) -> None:
    report = coach.check(text)
    assert not set(report.kinds) & SCORED, report.to_dict()
