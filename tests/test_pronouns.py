"""Library rewrites take the pronouns of the person they are offered for."""

from __future__ import annotations

import pytest

from assistant.content import Content
from assistant.wording import Coach
from assistant.wording.pronouns import fit, gender_of, names_someone_else, target_gender
from tests.helpers import CONTENT, WORDS


@pytest.mark.parametrize(
    ("text", "gender", "expected"),
    [
        ("Kayla needs to talk about his nan.", None, "Kayla needs to talk about their nan."),
        ("Kayla needs to talk about his nan.", "f", "Kayla needs to talk about her nan."),
        ("Kayla needs to talk about his nan.", "m", "Kayla needs to talk about his nan."),
        ("Sam needs to know she always feels better after telling her teacher.", None,
         "Sam needs to know they always feel better after telling their teacher."),
        ("Sam needs someone to tell her about what happens next.", None,
         "Sam needs someone to tell them about what happens next."),
        ("Sam needs to calm himself down when he is told no.", "f",
         "Sam needs to calm herself down when she is told no."),
        # Two people: only the holder's pronouns (the first kind) change.
        ("Jo needs to know her dad died of his illness, not of anything she did.", "m",
         "Jo needs to know his dad died of his illness, not of anything he did."),
        ("Jo needs to know her dad died of his illness, not of anything she did.", None,
         "Jo needs to know their dad died of his illness, not of anything they did."),
        ("Jo needs to sleep in a bed of her own.", "f", "Jo needs to sleep in a bed of her own."),
        ("Jo needs a bed.", None, "Jo needs a bed."),
    ],
)
def test_fit(text: str, gender: str | None, expected: str) -> None:
    assert fit(text, gender, lists=WORDS.pronouns) == expected


ROLES = Content().framework.vocabulary


def test_the_target_comes_from_the_workers_words_then_the_holders_role() -> None:
    assert gender_of("Kayla needs counselling because her dad died.", lists=WORDS.pronouns) == "f"
    assert gender_of("He needs to see her.", lists=WORDS.pronouns) is None
    assert target_gender("Kayla needs counselling.", "Kayla", ROLES, lists=WORDS.pronouns) is None
    assert target_gender("Dad needs a course.", "Dad", ROLES, lists=WORDS.pronouns) == "m"
    # Pronouns of both kinds say nothing about the holder; the role still does.
    assert target_gender("Mum needs a course because he hits her.", "Mum", ROLES,
            lists=WORDS.pronouns) == "f"
    assert target_gender("Jo needs a course because he hits her.", "Jo", ROLES,
            lists=WORDS.pronouns) is None


def test_a_statement_naming_someone_else_is_left_as_written() -> None:
    assert names_someone_else("Dad needs to understand that Amira wants to see her dad.", "Dad",
                              ROLES)
    assert not names_someone_else("Sam needs his Mum to stay with him.", "Sam", ROLES)


def test_rewrites_for_a_holder_of_unknown_gender_use_they() -> None:
    report = Coach(content=CONTENT).check("Kayla needs counselling.")
    (finding,) = [f for f in report.findings if f.kind == "service"]
    for suggestion in finding.suggestions:
        words = set(suggestion.lower().replace(".", " ").split())
        if "kayla" in words and not names_someone_else(suggestion, "Kayla", ROLES):
            assert not words & {"she", "he"}, suggestion


def test_library_statements_name_no_one_but_roles() -> None:
    """A rewrite taken into a plan must not carry another family's names."""
    import re

    from assistant.content import Content
    from assistant.wording.suggest import Library

    allowed = {"Mum", "Dad", "Gran", "Nan", "A&E", "PE", "GP", "Monday", "Tuesday",
               "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"}
    for area in Library(Content()).areas:
        for statement in area.statements:
            rest = statement.text.replace("{name}", "").replace("{child}", "")
            names = set(re.findall(r"\b[A-Z][A-Za-z&']*", rest)) - allowed
            assert not names, statement.text


def test_a_statement_with_an_unknown_placeholder_is_rejected() -> None:
    from pydantic import ValidationError

    from assistant.wording.suggest import Statement

    with pytest.raises(ValidationError, match="unknown placeholder"):
        Statement(text="{name} needs to read with {kid} every night.", holder="parent")
    assert Statement(text="{name} needs to read with {child} every night.", holder="parent")
