"""The question for a need worded as a service names the service as the parse reads it
(issue 10, point 3): its verb as an "-ing" word and what it names, without what the
sentence goes on to say it is about, for or when.

Found walking the app: "Kerry needs to go to the GP about her depression" asked "what
would the GP about her depression change for Kerry?", "needs access to a counsellor"
asked about "accessing to a counsellor", and "needs to be given a place" about "being
given a place". Services, schemes and places are invented here (Brightpath, Larkfield,
Fendrake, Zorblax) so no list can know them; every name is fictional.
"""

from __future__ import annotations

import pytest

from assistant.wording import Coach


def _asked(coach: Coach, text: str) -> str:
    """The service finding's message for ``text``, held by its first word."""
    holder = text.split()[0]
    report = coach.check(text, holder=holder)
    found = [f for f in report.findings if f.kind == "service"]
    assert found, (text, report.kinds)
    return found[0].message


@pytest.mark.parametrize("text, asked", [
    ("Kerry needs to go to the GP about her depression.",
     "what would going to the GP change for Kerry?"),
    ("Mila needs to see her GP about her low mood.", "seeing her GP change for Mila?"),
    ("Jay needs to be referred to the Larkfield service for his anxiety.",
     "being referred to the Larkfield service achieve for Jay?"),
    ("Mila needs to be given a place at Brookside nursery so she can mix with others.",
     "a place at Brookside nursery change for Mila?"),
    ("Kerry needs to attend the Fendrake programme every week because of her drinking.",
     "attending the Fendrake programme change for Kerry?"),
    ("Mila needs to go to the Larkfield group with her mum on Tuesdays.",
     "going to the Larkfield group with her mum change for Mila?"),
    ("Jay needs access to a counsellor.", "access to a counsellor change for Jay?"),
    ("Jay needs to see a Zorblax worker about their worries at school.",
     "seeing a Zorblax worker change for Jay?"),
    ("Kerry needs to access the Fendrake hub for help with money.",
     "accessing the Fendrake hub change for Kerry?"),
    ("Jay needs to start the Brightpath course in September.",
     "starting the Brightpath course change for Jay?"),
    ("Jay needs a place at a youth club.", "a place at a youth club change for Jay?"),
    ("Jay needs to go to the day centre every week.",
     "going to the day centre change for Jay?"),
])
def test_a_service_is_asked_about_by_its_head_not_the_whole_sentence(
        coach: Coach, text: str, asked: str) -> None:
    assert asked in _asked(coach, text)


@pytest.mark.parametrize("text, not_asked", [
    ("Kerry needs to go to the GP about her depression.", "about her depression change"),
    ("Jay needs to be referred to the Larkfield service for his anxiety.", "anxiety achieve"),
    ("Jay needs access to a counsellor.", "accessing to"),
    ("Mila needs to be given a place at Brookside nursery so she can mix with others.",
     "being given"),
    ("Mila needs to go to the Larkfield group with her mum on Tuesdays.", "Tuesdays change"),
])
def test_what_the_service_is_about_or_when_is_left_out(coach: Coach, text: str,
                                                       not_asked: str) -> None:
    assert not_asked not in _asked(coach, text)


# Found walking the app (polish2): only the first verb of a coordinated service became an
# "-ing" word ("what should going to AA and do a parenting course change for Donna?"). A
# verb coordinated with the first is the service's second half and is said the same way.

@pytest.mark.parametrize("text, asked", [
    ("Kerry needs to go to the Fendrake group and do a Brightpath course.",
     "going to the Fendrake group and doing a Brightpath course change for Kerry?"),
    ("Kerry needs to go to the Fendrake group and to do a Brightpath course.",
     "going to the Fendrake group and doing a Brightpath course change for Kerry?"),
    ("Kerry needs to attend the Larkfield programme and see her GP about her mood.",
     "attending the Larkfield programme and seeing her GP change for Kerry?"),
])
def test_every_verb_of_a_coordinated_service_is_asked_about_as_an_ing_word(
        coach: Coach, text: str, asked: str) -> None:
    message = _asked(coach, text)
    assert asked in message, message
    question = message.rsplit(":", 1)[-1]  # after the quoted statement
    assert " and do a" not in question and " and see her" not in question
