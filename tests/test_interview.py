"""The interview state machine, driven without a screen, over real content and a real store."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from assistant.content import Content, ContentError
from assistant.interview import AnswerError, Interview, help_markdown, load_prompts
from assistant.model import Case, Person, Seriousness
from assistant.store import Store


@pytest.fixture
def content() -> Content:
    return Content()


def new_case() -> Case:
    return Case(reference="T-001", people=[
        Person(id="p1", role="child", name="Kayla", age=9),
        Person(id="p2", role="mother", name="Dee"),
    ])


def kind(iv: Interview) -> str:
    return iv.key.split(":", 1)[0]


def test_prompts_validate_and_cover_every_step(content: Content) -> None:
    prompts = load_prompts(content)
    assert prompts.questions["story"].ask.startswith("Tell me what is happening")
    assert "Need" in help_markdown(content)


def test_unknown_placeholder_is_reported_with_file_and_line(tmp_path: Path,
                                                            content: Content) -> None:
    text = content.read_text("prompts", "interview.yml").replace(
        "What does {name} need?", "What does {nmae} need?")
    (tmp_path / "prompts").mkdir()
    (tmp_path / "prompts" / "interview.yml").write_text(text, encoding="utf-8")
    with pytest.raises(ContentError) as err:
        load_prompts(Content(tmp_path))
    assert "interview.yml:" in str(err.value)
    assert "{nmae}" in str(err.value)


def test_a_whole_case_in_order(content: Content) -> None:
    case = new_case()
    iv = Interview(case, content)
    assert iv.key == "story:"
    iv.answer("Dee has been drinking since her father died; Kayla misses school.")
    assert iv.key == "need_new:p1"
    iv.answer("Kayla needs to be at school by 8.45 every morning, having had breakfast.")
    assert iv.key == "need_new:p1", "asks for another need for the same person"
    iv.answer("")
    assert iv.key == "need_new:p2"
    q = iv.question()
    assert "Dee" in q.text and q.coach_stage == "need"
    iv.answer("Dee needs to stop drinking in the mornings.")
    iv.answer("")
    assert kind(iv) == "consequences"
    assert "Kayla" in iv.question().text
    iv.answer("Kayla will fall further behind in reading.")
    iv.answer("She likes her teacher.")
    iv.answer("Mornings are chaotic.")
    assert kind(iv) == "rating"
    assert [c.id for c in iv.question().choices] == ["low", "moderate", "high", "severe"]
    iv.answer("3")
    iv.answer("weeks")
    assert kind(iv) == "consequences"  # Dee's need
    iv.answer("Both children will look after themselves.")
    iv.answer("")
    iv.answer("")
    iv.answer("high")
    iv.answer("now")
    assert kind(iv) == "outcome_new"
    iv.answer("By the February review Kayla will attend on 9 days out of 10.")
    assert [kind(iv), iv.question().value] == ["whose", "child"]
    iv.answer("")
    iv.answer("School register, checked fortnightly")
    iv.answer("15/02/2027")
    assert kind(iv) == "outcome_new"
    iv.answer("")
    assert kind(iv) == "outcome_new"  # Dee's need
    iv.answer("Within eight weeks Dee will be sober every school morning.")
    assert iv.question().value == "family"
    iv.answer("")
    iv.answer("Morning visits")
    iv.answer("2027-01-11")
    iv.answer("")
    assert kind(iv) == "work_new"
    iv.answer("Aunt walks Kayla to school")
    iv.answer("Aunt (family network)")
    iv.answer("Each school day, for 12 weeks")
    iv.answer("2026-11-09")
    iv.answer("")
    iv.answer("Dee meets the drug and alcohol worker")
    iv.answer("Drug and alcohol worker")
    iv.answer("Weekly, 12 weeks")
    iv.answer("2026-11-10")
    iv.answer("")
    assert iv.key == "review:"
    kayla, dee = case.needs
    assert kayla.seriousness is not None
    assert (kayla.seriousness.rating, kayla.seriousness.urgency) == ("high", "weeks")
    assert kayla.strengths == "She likes her teacher."
    assert kayla.outcomes[0].target_date == date(2027, 2, 15)
    assert kayla.work[0].outcome_id == kayla.outcomes[0].id
    assert dee.outcomes[0].whose == "family"
    assert iv.gaps() == []
    assert iv.picture().startswith("2 needs (Kayla 1, Dee 1); 2 high; 2 outcomes; 2 work items")


def test_back_and_change_anything(content: Content) -> None:
    case = new_case()
    iv = Interview(case, content)
    iv.answer("story")
    iv.answer("Kayla needs to be safe")
    iv.back()
    assert kind(iv) == "need"
    assert iv.question().value == "Kayla needs to be safe"
    iv.answer("Kayla needs to sit still in circle time")
    assert case.needs[0].wording == "Kayla needs to sit still in circle time"
    assert iv.key == "need_new:p1"
    with pytest.raises(AnswerError):
        iv.goto("need:" + case.needs[0].id)
        iv.answer("  ")
    assert case.needs[0].wording == "Kayla needs to sit still in circle time"


def test_bad_answers_change_nothing(content: Content, case: Case) -> None:
    iv = Interview(case, content)
    iv.goto("by:o1")
    with pytest.raises(AnswerError, match="not a date"):
        iv.answer("next spring")
    assert case.needs[0].outcomes[0].target_date == date(2027, 2, 15)
    assert iv.key == "by:o1"
    iv.goto("rating:n1")
    with pytest.raises(AnswerError, match="not one of the choices"):
        iv.answer("very")
    assert case.needs[0].seriousness is not None
    assert case.needs[0].seriousness.rating == "high"


def test_gaps_are_named(content: Content, case: Case) -> None:
    iv = Interview(case, content)
    kinds = {g.kind: g for g in iv.gaps()}
    assert "no_outcome" in kinds and "Tyler" in kinds["no_outcome"].message
    assert kinds["no_outcome"].key == "outcome_new:n4"
    need = case.needs[3]
    need.outcomes = [need.outcomes[0]] if need.outcomes else []
    case.needs[1].work = [*case.needs[1].work,
                          case.needs[1].work[0].model_copy(update={"id": "w9",
                                                                   "outcome_id": None})]
    for number in range(8):
        iv.goto("outcome_new:n4")
        iv.answer(f"By March Tyler will be home by 9pm on {number + 1} nights")
    kinds = {g.kind for g in iv.gaps()}
    assert {"orphan_work", "too_many_outcomes", "no_work", "no_date", "no_measure"} <= kinds
    for need in case.needs[:3]:
        need.holder = "p1"
        assert need.seriousness is not None
        need.seriousness.rating = "low"
    assert "low_adds_up" in {g.kind for g in iv.gaps()}


def test_kept_wording_is_recorded(content: Content) -> None:
    case = new_case()
    iv = Interview(case, content)
    iv.goto("need_new:p1")
    iv.answer("Kayla needs counselling", kept=[("service-need", "Kayla asked for it herself")])
    kept = case.needs[0].kept_wording
    assert [(k.rule, k.wording, k.reason) for k in kept] == [
        ("service-need", "Kayla needs counselling", "Kayla asked for it herself")]


def test_remove_an_outcome_keeps_its_work_as_orphan(content: Content, case: Case) -> None:
    iv = Interview(case, content)
    iv.goto("outcome:o1")
    iv.remove()
    assert case.needs[0].outcomes == []
    assert [w.outcome_id for w in case.needs[0].work] == [None, None]
    assert "orphan_work" in {g.kind for g in iv.gaps()}


def test_position_survives_a_real_store(content: Content, db_path: Path) -> None:
    case = new_case()
    iv = Interview(case, content)
    iv.answer("the story")
    iv.answer("Kayla needs to sit still in circle time")
    with Store(db_path) as store:
        store.save(case)
    with Store(db_path) as store:
        again = Interview(store.load("T-001"), content)
    assert again.key == iv.key == "need_new:p1"
    assert again.question().text == iv.question().text


def test_a_case_with_no_position_starts_at_the_first_gap(content: Content, case: Case) -> None:
    case.resume = {}
    assert Interview(case, content).key == "outcome_new:n4"
    fresh = new_case()
    fresh.needs = []
    assert Interview(fresh, content).key == "story:"
    assert Seriousness(consequences="x").rating is None


def test_findings_a_later_step_asks_about_are_not_raised(content: Content) -> None:
    from assistant.wording import Coach

    coach = Coach(content).load()
    iv = Interview(new_case(), content)
    report = coach.check("Social worker visits Kayla at home", stage="work", holder="Kayla")
    kinds = {f.kind for f in report.findings}
    assert kinds & {"no-frequency", "no-start", "no-responsible"}, kinds
    assert not {f.kind for f in iv.relevant(list(report.findings), "work")} & {
        "no-frequency", "no-start", "no-responsible"}
    need = coach.check("Kayla needs counselling", stage="need", holder="Kayla")
    assert [f.kind for f in iv.relevant(list(need.findings), "need")] == ["service"]


def test_a_prompts_file_missing_a_step_is_refused(tmp_path: Path, content: Content) -> None:
    text = content.read_text("prompts", "interview.yml")
    start = text.index("  urgency:")
    end = text.index("  outcome_new:")
    (tmp_path / "prompts").mkdir()
    (tmp_path / "prompts" / "interview.yml").write_text(text[:start] + text[end:],
                                                        encoding="utf-8")
    with pytest.raises(ContentError, match="missing urgency"):
        load_prompts(Content(tmp_path))
