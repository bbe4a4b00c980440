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
