"""Every rule's message, questions and rewrites read as English whoever holds the need.

A template that puts the holder's object form where a subject belongs reads "what would
them be doing" when no one is named, and "restates that her has needs" when the worker
wrote "She needs ...". Each template is filled for a name, a role word, a pronoun and no
one, and checked for an object pronoun doing a subject's work.
"""

from __future__ import annotations

import re

import pytest

from assistant.wording.rules import RuleSet
from assistant.wording.suggest import fill
from tests.helpers import CONTENT, WORDS

ROLES = CONTENT.framework.vocabulary
RULES = RuleSet.load(CONTENT).rules

# An object pronoun (or "the person" split wrongly) where a subject belongs: before a verb,
# or after an auxiliary that opens a question ("does them need", "would her be").
SUBJECT_SLOT = re.compile(
    r"\b(them|him|her) (has|is|was|needs to|need to|will|does|do|would|can|could|should|"
    r"be|feels?|says?)\b|\b(does|do|would|will|can|could|should|did) (them|him|her)\b"
    r"|\bthey (has|needs|does|is|was)\b")


def _filled(holder: str | None) -> list[tuple[str, str]]:
    out = []
    for rule in RULES:
        for template in (rule.message, *rule.questions, *rule.rewrites):
            text = fill(template.replace("{reason}", "a reason"), holder, ROLES, "counselling",
                        "the words", "", lists=WORDS)
            out.append((rule.id, text))
    return out


@pytest.mark.parametrize("holder", [None, "Kayla", "Mum", "She", "the child"])
def test_no_template_puts_an_object_pronoun_where_a_subject_belongs(holder: str | None
                                                                    ) -> None:
    bad = [(rid, text) for rid, text in _filled(holder)
           if SUBJECT_SLOT.search(text)]
    assert not bad, bad[:10]


def test_the_check_finds_the_fault_it_is_for() -> None:
    assert SUBJECT_SLOT.search("what would them be doing, and how often?")
    assert SUBJECT_SLOT.search("restates that her has needs")
    assert SUBJECT_SLOT.search("what, specifically, does them need?")
    assert not SUBJECT_SLOT.search("what would counselling change for her?")
    assert not SUBJECT_SLOT.search("Which of her needs are not being met now?")
    assert not SUBJECT_SLOT.search("what do you already know the person needs now?")


# A subject that takes the plain verb ("they", "we", a couple, "the parents") before a
# verb in its "-s" form, or after a helping verb in the form for one person ("is they").
PLAIN_SUBJECT = re.compile(
    r"\b(?:they|we|i|the parents|mum and dad) (?:has|is|was|does|needs|finds|trusts|feels|"
    r"says|knows|wants|goes|seems|lives|thinks|gets|likes|tries|sees)\b"
    r"|\b(?:is|was|has|does|isn't|doesn't) (?:they|we|the parents|mum and dad)\b",
    re.IGNORECASE)


@pytest.mark.parametrize("holder", ["They", "We", "the parents", "Mum and Dad", "I"])
def test_every_template_agrees_with_a_holder_who_takes_the_plain_verb(holder: str) -> None:
    """Found walking the app: "They need someone they trusts", "what they needs now",
    "Where is they not doing well", "why the parents finds noisy rooms so hard"."""
    bad = [(rid, text) for rid, text in _filled(holder) if PLAIN_SUBJECT.search(text)]
    assert not bad, bad[:10]


def test_a_singular_they_agrees_where_a_template_says_they() -> None:
    """No sex recorded: "they" for one person takes the plural verb all the same."""
    said = fill("What does {subject} do now? Where is {they} not doing well, and what "
                "does {they} need?", "Jay", ROLES, lists=WORDS)
    assert said == "What does Jay do now? Where are they not doing well, and what do " \
                   "they need?"
    assert fill("Where is {they} not doing well?", "Jay", ROLES, lists=WORDS,
                gender="f") == "Where is she not doing well?"


def test_a_holder_written_as_we_or_i_keeps_their_own_pronouns() -> None:
    assert fill("If {subject} did this, what would {they} do?", "We", ROLES,
                lists=WORDS) == "If we did this, what would we do?"
    assert fill("Where is {subject} not doing well?", "I", ROLES,
                lists=WORDS) == "Where am I not doing well?"
    assert fill("{Holder} needs someone {subject} trusts.", "I", ROLES,
                lists=WORDS) == "I need someone I trust."


def test_the_agreement_check_finds_the_fault_it_is_for() -> None:
    assert PLAIN_SUBJECT.search("They need someone they trusts to talk to")
    assert PLAIN_SUBJECT.search("Where is they not doing well now?")
    assert PLAIN_SUBJECT.search("why the parents finds noisy rooms so hard")
    assert not PLAIN_SUBJECT.search("They need someone they trust to talk to")
    assert not PLAIN_SUBJECT.search("Where are they not doing well now?")
    assert not PLAIN_SUBJECT.search("What does she need?")


def test_a_term_is_not_said_twice_with_the_word_after_it() -> None:
    """"Mum needs help": "What would help help Mum to do ...?" (found walking the app)."""
    said = fill("What would {term} help {holder} to do?", "Mum", ROLES, "help", lists=WORDS)
    assert "help help" not in said and said == "What would it help Mum to do?"
    assert fill("What would {term} help {holder} to do?", "Mum", ROLES, "counselling",
                lists=WORDS) == "What would counselling help Mum to do?"
