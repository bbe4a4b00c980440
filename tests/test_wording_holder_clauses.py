"""Who holds a need is read from the need's own clause, and each sentence of an answer is a
statement of its own (issue 10, points 1, 3 and 4).

The holder is the subject of the need predicate's own clause (or the lead of "For Mum to
..." / "Jordan to ..."), never a noun inside an adverbial, conditional, relative or
temporal clause set before or inside it. Names are invented and appear in no list; the
clause shapes are what is tested. Real spaCy pipeline, real content, no mocks.
"""

from __future__ import annotations

import pytest

from assistant.wording import Coach

# (statement, holder): a clause of another person stands before, around or after the need.
CLAUSES: list[tuple[str, str]] = [
    ("In case Mum relapses, Tavi needs counselling.", "Tavi"),
    ("In case Mum relapses Tavi needs counselling.", "Tavi"),
    ("In case Mum relapses, Leo needs counselling.", "Leo"),
    ("Because her brother was excluded, Amy needs mentoring.", "Amy"),
    ("When Dad drinks, Orla needs a safe place to go.", "Orla"),
    ("Because her brother was excluded, Brisa needs mentoring.", "Brisa"),
    ("Leo, whose mum works nights, needs a referral to the Kestrel team.", "Leo"),
    ("Pello whose mum drinks needs counselling.", "Pello"),
    ("Quill, who was excluded last term, needs mentoring.", "Quill"),
    ("Since her father left, Amsel needs counselling.", "Amsel"),
    ("If Mum cannot cope, the baby needs foster care.", "the baby"),
    ("Although her father visits, Ivey needs to know when she will see him.", "Ivey"),
    ("While Mum is in hospital, the children need someone to collect them from school.",
     "the children"),
    ("Once Dad moves out, Mum will need help with the rent.", "Mum"),
    ("After Gran died, Tobin needs bereavement counselling.", "Tobin"),
    ("As Dad works away, Mirel needs a childminder.", "Mirel"),
    ("Whenever his sister visits, Jory needs a quiet room of his own.", "Jory"),
    ("If his stepdad shouts, Pim needs to know he can go to his gran's.", "Pim"),
    ("Now that Dad has left, Mum needs a parenting course.", "Mum"),
    ("Unless Dad stops drinking, Zuri needs to stay with her aunt.", "Zuri"),
    ("Tavi needs counselling because Mum drinks.", "Tavi"),
    ("Tavi, whose dad left, needs a mentor.", "Tavi"),
    ("The boy who lives with his gran needs a mentor.", "The boy"),
]


@pytest.mark.parametrize(("text", "holder"), CLAUSES)
def test_the_holder_is_the_subject_of_the_needs_own_clause(coach: Coach, text: str,
                                                             holder: str) -> None:
    reading = coach.read_need(text)
    assert reading is not None and reading.holder_text == holder, \
        reading.to_dict() if reading else text
    report = coach.check(text)
    assert report.holder == holder, report.to_dict()
    for finding in report.findings:  # the questions speak of the holder, not the clause
        assert "relapses" not in finding.message and "drinks" not in finding.message


def test_a_case_person_in_a_clause_is_not_taken_for_the_holder(coach: Coach) -> None:
    from assistant.model import Case, Person

    case = Case(reference="T-H3", story="Tavi (9) lives with his mum Rena, who drinks.",
                people=[Person(id="t", name="Tavi", role="child", age=9, sex="male"),
                        Person(id="r", name="Rena", role="mother", age=35, sex="female")])
    report = coach.check("In case Mum relapses, Tavi needs counselling.", holder="Tavi",
                         case=case)
    assert report.findings
    for finding in report.findings:
        assert not finding.context["other_person"], finding.context
        assert "Tavi" in finding.message and "Mum relapses" not in finding.message
        assert all("Rena needs" not in s for s in finding.suggestions), finding.suggestions


# --- two statements in one answer box --------------------------------------------------


def test_each_sentence_of_an_answer_has_its_own_verdict(coach: Coach) -> None:
    report = coach.check("Tavi needs counselling. He needs to sleep through the night.")
    assert report.kinds == ["service"]
    first, second = report.sentences
    assert first.kinds == ["service"] and first.note == ""
    assert second.kinds == [] and second.holder == "Tavi"  # "He" is the Tavi named before
    assert "Tavi" in second.note and second.note.startswith("Reads as specific")
    data = report.to_dict()
    assert [s["kinds"] for s in data["sentences"]] == [["service"], []]
    assert data["sentences"][1]["start"] == len("Tavi needs counselling. ")


def test_a_fault_in_a_later_sentence_is_read_as_its_own_statement(coach: Coach) -> None:
    report = coach.check("Tavi needs to sleep through the night. Weekly Kestrel sessions.")
    assert report.sentences[0].kinds == [] and report.sentences[0].note
    assert report.sentences[1].kinds == ["service"], report.to_dict()
    assert report.holder == "Tavi"  # the later fragment's holder is the one named before


def test_a_sentence_saying_why_is_not_read_as_a_need(coach: Coach) -> None:
    # a clause of its own after a need is the reason, not a second (universal) need
    for text in ("Tavi needs to sleep through the night. He is not safe at home.",
                 "Orla needs a quiet place to do homework. She shares a room with two "
                 "brothers."):
        report = coach.check(text)
        assert report.kinds == [], report.to_dict()


def test_the_note_speaks_of_each_sentence_when_nothing_is_flagged(coach: Coach) -> None:
    report = coach.check("Tavi needs to sleep through the night. He needs to be able to "
                         "tell his teacher when he is worried.")
    assert report.kinds == []
    assert report.note.startswith("Sentence 1: ") and "Sentence 2: " in report.note
    assert "able to do" in report.note.split("Sentence 2: ")[1]


def test_one_sentence_has_no_sentence_list(coach: Coach) -> None:
    report = coach.check("Tavi needs to sleep through the night.")
    assert report.sentences == [] and "sentences" not in report.to_dict()


def test_a_sentence_the_parser_splits_without_a_full_stop_is_one(coach: Coach) -> None:
    """Found walking the interview: the parser read "... so she is sober when the
    children go to bed" as a second sentence, and the note spoke of "Sentence 1" and
    "Sentence 2" of what the worker wrote as one."""
    report = coach.check("Kerry needs to stop drinking on weekday evenings so she is sober "
                         "when the children go to bed")
    assert report.sentences == []
    assert "Sentence" not in report.note and report.note
