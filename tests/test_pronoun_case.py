""""her" the person and "her" the possessive take different pronouns for a boy or "they".

A library statement "...the things that make her anxious", offered for a boy, read "make
his anxious". Each sentence here is in no library file: the class, not the example. Every
case is checked with the coach's own pipeline's parse and without one (the blank pipeline's
reduced mode reads the words around the pronoun), and each direction: she -> he / they,
he -> she / they.
"""

from __future__ import annotations

from typing import Any

import pytest

from assistant.wording.pipeline import load
from assistant.wording.pronouns import fit
from tests.helpers import WORDS

# (written for a girl, for a boy, for "they")
CASES = [
    ("Priya needs to tell her mum when the dreams come back.",
     "Priya needs to tell his mum when the dreams come back.",
     "Priya needs to tell their mum when the dreams come back."),
    ("Priya needs to face the crowds that make her anxious.",
     "Priya needs to face the crowds that make him anxious.",
     "Priya needs to face the crowds that make them anxious."),
    ("Her nan needs to give her time to answer.",
     "His nan needs to give him time to answer.",
     "Their nan needs to give them time to answer."),
    ("Priya needs to settle in her own bed by nine.",
     "Priya needs to settle in his own bed by nine.",
     "Priya needs to settle in their own bed by nine."),
    ("Priya needs an adult to help her to pack her school bag.",
     "Priya needs an adult to help him to pack his school bag.",
     "Priya needs an adult to help them to pack their school bag."),
    ("Priya needs Gran to let her choose the film.",
     "Priya needs Gran to let him choose the film.",
     "Priya needs Gran to let them choose the film."),
    ("Priya needs a teacher who knows what to do about her.",
     "Priya needs a teacher who knows what to do about him.",
     "Priya needs a teacher who knows what to do about them."),
    ("Priya needs someone to help her put the worry into words.",
     "Priya needs someone to help him put the worry into words.",
     "Priya needs someone to help them put the worry into words."),
    ("Priya needs her dad to keep her calm at the dentist.",
     "Priya needs his dad to keep him calm at the dentist.",
     "Priya needs their dad to keep them calm at the dentist."),
    ("Priya needs Gran to give her cousin a call.",
     "Priya needs Gran to give his cousin a call.",
     "Priya needs Gran to give their cousin a call."),
    ("Priya needs to know the choice of bedroom is hers.",
     "Priya needs to know the choice of bedroom is his.",
     "Priya needs to know the choice of bedroom is theirs."),
    ("Priya needs to calm herself when she hears shouting.",
     "Priya needs to calm himself when he hears shouting.",
     "Priya needs to calm themselves when they hear shouting."),
]


@pytest.fixture(scope="module")
def parse() -> Any:
    """The coach's pipeline (a trained one where installed, as in the app)."""
    return load().nlp


def _doc(parse: Any, text: str) -> Any:
    return parse(text)


@pytest.mark.parametrize("parsed", [True, False], ids=["parse", "words"])
@pytest.mark.parametrize(("girl", "boy", "they"), CASES)
def test_object_and_possessive_her_in_every_direction(parse: Any, parsed: bool, girl: str,
                                                      boy: str, they: str) -> None:
    lists = WORDS.pronouns

    def fitted(text: str, gender: str | None) -> str:
        return fit(text, gender, lists=lists, doc=_doc(parse, text) if parsed else None)

    assert fitted(girl, "m") == boy
    assert fitted(girl, None) == they
    assert fitted(boy, "f") == girl
    assert fitted(boy, None) == they
    assert fitted(girl, "f") == girl


@pytest.mark.parametrize("parsed", [True, False], ids=["parse", "words"])
def test_the_old_faults_stay_fixed(parse: Any, parsed: bool) -> None:
    """Must fail: the object read as a possessive, the possessive as an object."""
    lists = WORDS.pronouns
    for text, wrong in [("Ben needs help with what makes her anxious.", "makes his anxious"),
                        ("Ben needs Mum to let her go first.", "let his go"),
                        ("Ben needs to tell her mum.", "tell him mum"),
                        ("Ben needs a bed of her own.", "of him own")]:
        doc = _doc(parse, text) if parsed else None
        assert wrong not in fit(text, "m", lists=lists, doc=doc)
