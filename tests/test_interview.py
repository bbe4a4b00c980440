"""The interview state machine, driven without a screen, over real content and a real store."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from assistant.content import Content, ContentError
from assistant.dates import parse_date
from assistant.interview import AnswerError, Interview, help_markdown, load_prompts
from assistant.model import Case, Person, Seriousness
from assistant.wordlists import english


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
    iv = Interview(case, content, today=date(2026, 11, 1))
    assert iv.key == "story:"
    iv.answer("Dee has been drinking since her father died; Kayla misses school. "
              "Her Nan, Rose, takes her in at weekends.")
    assert kind(iv) == "heard"
    heard = iv.question().text
    assert "Kayla (child), Dee (mother)" in heard and "Rose" in heard and "nan" in heard
    iv.answer("Rose, nan, 67")
    assert [(p.name, p.role, p.age) for p in case.people][-1] == ("Rose", "grandparent", 67)
    assert kind(iv) == "child_says"
    iv.answer("Kayla says she misses her grandad and hates mornings.")
    assert case.child_voice.startswith("Kayla says")
    assert iv.key == "need_new:p1"
    iv.answer("Kayla needs to be at school by 8.45 every morning, having had breakfast.")
    assert kind(iv) == "voice" and "Kayla" in iv.question().text
    iv.answer("'I'm tired in the mornings.'")
    assert kind(iv) == "views"
    iv.answer("Dee says Kayla will not get up.")
    assert kind(iv) == "family_words"
    iv.answer("Kayla needs to get to school on time, with breakfast inside her.")
    assert iv.key == "need_new:p1", "asks for another need for the same person"
    iv.answer("")
    assert iv.key == "need_new:p2"
    q = iv.question()
    assert "Dee" in q.text and q.coach_stage == "need"
    iv.answer("Dee needs to stop drinking in the mornings.")
    assert kind(iv) == "voice"  # Dee's own view goes to parent_views; no separate views step
    iv.answer("Dee says she can stop if she has help.")
    iv.answer("")
    iv.answer("")
    iv.answer("")  # Rose: no needs
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
    iv.answer("11 Jan 2027")
    assert iv.question("by:" + case.needs[1].outcomes[0].id).value == "11 Jan 2027"
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
    assert kind(iv) == "worker"
    iv.answer("Sam Okafor, 0161 555 0192")
    assert (case.worker, case.worker_contact) == ("Sam Okafor", "0161 555 0192")
    iv.back()
    assert iv.question().value == "Sam Okafor, 0161 555 0192"
    iv.answer("Sam Okafor")
    assert case.worker_contact == ""
    iv.answer("15 Feb 2027")
    assert kind(iv) == "level"
    assert "Level 5" in iv.question().choices[-1].label
    iv.answer("3")
    assert case.level_of_need == 3
    assert kind(iv) == "status"
    iv.answer("partly")
    iv.answer("")
    assert iv.key == "review:"
    kayla, dee = case.needs
    assert kayla.seriousness is not None
    assert (kayla.seriousness.rating, kayla.seriousness.urgency) == ("high", "weeks")
    assert kayla.strengths == "She likes her teacher."
    assert kayla.child_voice == "'I'm tired in the mornings.'"
    assert kayla.parent_views == "Dee says Kayla will not get up."
    assert dee.parent_views == "Dee says she can stop if she has help."
    assert kayla.family_words.startswith("Kayla needs to get to school")
    assert (kayla.status, dee.status) == ("partly", "unknown")
    assert kayla.outcomes[0].target_date == date(2027, 2, 15)
    assert case.review_date == date(2027, 2, 15) and case.worker == "Sam Okafor"
    assert kayla.work[0].outcome_id == kayla.outcomes[0].id
    assert dee.outcomes[0].whose == "family"
    assert iv.gaps() == []
    assert iv.picture().startswith("2 needs (Kayla 1, Dee 1); 2 high; 2 outcomes; 2 work items")


def test_back_and_change_anything(content: Content) -> None:
    case = new_case()
    iv = Interview(case, content)
    iv.answer("story")
    iv.goto("need_new:p1")
    iv.answer("Kayla needs to be safe")
    iv.back()
    assert kind(iv) == "need"
    assert iv.question().value == "Kayla needs to be safe"
    iv.answer("Kayla needs to sit still in circle time")
    assert case.needs[0].wording == "Kayla needs to sit still in circle time"
    assert kind(iv) == "voice"
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


@pytest.mark.parametrize(("said", "rating"), [
    ("pretty high", "high"), ("Severe, I think", "severe"), ("quite low really", "low"),
    ("moderate at the moment", "moderate")])
def test_a_rating_said_in_words_is_taken(content: Content, case: Case, said: str,
                                        rating: str) -> None:
    """A worker answers "how serious is it?" as they would a supervisor: the one level an
    answer names is taken."""
    iv = Interview(case, content)
    iv.goto("rating:n1")
    iv.answer(said)
    assert case.needs[0].seriousness is not None
    assert case.needs[0].seriousness.rating == rating


@pytest.mark.parametrize("said", ["not high", "between moderate and high", "isn't severe",
                                  "highish"])
def test_a_rating_that_denies_or_names_two_levels_is_asked_again(
        content: Content, case: Case, said: str) -> None:
    iv = Interview(case, content)
    iv.goto("rating:n1")
    with pytest.raises(AnswerError, match="not one of the choices"):
        iv.answer(said)
    assert case.needs[0].seriousness is not None
    assert case.needs[0].seriousness.rating == "high"
    assert iv.key == "rating:n1"


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


def test_moving_never_changes_the_case(content: Content, case: Case) -> None:
    before = case.model_dump_json()
    iv = Interview(case, content)
    iv.goto("by:o1")
    iv.back()
    iv.skip()
    iv.skip()
    assert case.model_dump_json() == before, "the position is kept beside the case, not in it"


def test_a_position_from_an_older_version_is_still_honoured(content: Content) -> None:
    case = new_case()
    case.resume = {"step": "need_new:p2"}
    assert Interview(case, content).key == "need_new:p2"
    assert Interview(case, content, position="need_new:p1").key == "need_new:p1"
    assert Interview(case, content, position="need:gone").key == "need_new:p2"


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


def test_dates_that_do_not_add_up_are_gaps(content: Content, case: Case) -> None:
    iv = Interview(case, content, today=date(2027, 3, 1))
    past = {g.key: g.message for g in iv.gaps() if g.kind == "past_date"}
    assert "15 Feb 2027" in past["by:o1"] and "11 Jan 2027" in past["by:o3"]
    assert "no_review_date" in {g.kind for g in iv.gaps()}
    iv = Interview(case, content, today=date(2026, 11, 1))
    assert "past_date" not in {g.kind for g in iv.gaps()}
    case.needs[0].work[0].start_date = date(2027, 3, 1)
    gap = next(g for g in iv.gaps() if g.kind == "work_after_outcome")
    assert gap.key == "start:w1" and "1 Mar 2027" in gap.message
    iv.goto("review_date:")
    iv.answer("01/12/2026")
    assert case.review_date == date(2026, 12, 1)
    assert "no_review_date" not in {g.kind for g in iv.gaps()}


def test_an_outcome_dated_in_the_past_is_taken_with_a_note(content: Content, case: Case) -> None:
    iv = Interview(case, content, today=date(2026, 11, 29))
    iv.goto("by:o1")
    iv.answer("29 Aug 2026")
    assert case.needs[0].outcomes[0].target_date == date(2026, 8, 29)
    assert any("29 Aug 2026 has already passed" in n for n in iv.notes)


def test_a_kept_reason_goes_when_the_wording_changes(content: Content) -> None:
    case = new_case()
    iv = Interview(case, content)
    iv.goto("need_new:p1")
    iv.answer("Kayla needs counselling", kept=[("service-need", "Kayla asked for it herself")])
    need = case.needs[0]
    iv.goto(f"need:{need.id}")
    iv.answer("Kayla needs counselling")  # unchanged: the reason stays
    assert len(need.kept_wording) == 1 and iv.notes == []
    iv.goto(f"need:{need.id}")
    iv.answer("Kayla needs to understand that Mum's drinking is not her fault")
    assert need.kept_wording == []
    assert iv.notes and "Kayla asked for it herself" in iv.notes[0]


def test_a_childs_need_about_a_parent_asks_whose_need_it_is(content: Content) -> None:
    case = new_case()
    iv = Interview(case, content)
    iv.goto("need_new:p1")
    iv.answer("Kayla needs her mum to stop drinking in the mornings")
    assert kind(iv) == "whose_need"
    assert "Dee" in iv.question().text
    # Dee's sex is not known to the question: it names her without "their" (found
    # walking the app: "If Kerry has a need of their own here", Kerry a mother)
    assert " their " not in iv.question().text
    iv.answer("Dee needs to get through the mornings without a drink")
    dee = [n for n in case.needs if n.holder == "p2"]
    assert [n.wording for n in dee] == ["Dee needs to get through the mornings without a drink"]
    assert kind(iv) == "voice"
    iv.goto("need_new:p1")
    iv.answer("Kayla needs to be able to sit still in circle time")
    assert kind(iv) == "voice", "a need about the child alone asks no such question"


def test_top_rating_with_help_now_stops_for_immediate_safety(content: Content,
                                                             case: Case) -> None:
    iv = Interview(case, content)
    iv.goto("rating:n1")
    iv.answer("severe")
    iv.answer("now")
    assert kind(iv) == "safety"
    q = iv.question()
    assert "48 hours" in q.hint and "Kayla" in q.text
    with pytest.raises(AnswerError):
        iv.answer("")
    assert "no_safety" in {g.kind for g in iv.gaps()}
    iv.answer("Referred by phone at 10.15; written referral by Thursday.")
    assert case.needs[0].seriousness is not None
    assert case.needs[0].seriousness.safety.startswith("Referred by phone")
    assert "no_safety" not in {g.kind for g in iv.gaps()}


def test_low_needs_that_add_up_are_named_as_they_are_rated(content: Content,
                                                           case: Case) -> None:
    for need in case.needs[:3]:
        need.holder = "p1"
    iv = Interview(case, content)
    for need in case.needs[:2]:
        iv.goto(f"rating:{need.id}")
        iv.answer("low")
        assert iv.notes == []
    iv.goto(f"rating:{case.needs[2].id}")
    iv.answer("1")
    assert iv.notes and "3 low-level needs for Kayla" in iv.notes[0]


def test_people_are_edited_and_removed_with_their_needs_moved_or_gone(content: Content,
                                                                      case: Case) -> None:
    iv = Interview(case, content)
    iv.update_person("p3", "Dee, carer, 41")
    dee = case.person("p3")
    assert dee is not None and (dee.role, dee.age) == ("carer", 41)
    iv.update_person("p1", "Kayla, child, 9, female")
    assert case.person("p1").sex == "female"  # type: ignore[union-attr]
    with pytest.raises(AnswerError):
        iv.update_person("p3", "Dee, astronaut")
    tyler = [n.id for n in case.needs if n.holder == "p2"]
    iv.remove_person("p2", move_to="p1")
    assert case.person("p2") is None
    assert all(case.need(n) is not None and case.need(n).holder == "p1" for n in tyler)
    count = len(case.needs)
    mine = [n for n in case.needs if n.holder == "p3"]
    iv.remove_person("p3")
    assert len(case.needs) == count - len(mine)
    assert iv.key in iv.steps()


def test_remove_acts_on_the_key_given_not_the_current_step(content: Content,
                                                           case: Case) -> None:
    iv = Interview(case, content)
    iv.goto("need:n1")
    second = case.needs[1].id
    assert iv.describe(f"need:{second}").startswith('need "')
    iv.remove(f"need:{second}")
    assert case.need(second) is None and case.need("n1") is not None
    assert iv.key == "need:n1"


def test_every_step_has_its_words_and_one_definition(content: Content) -> None:
    from assistant.interview import KINDS, STEPS

    prompts = load_prompts(content)
    assert set(prompts.questions) == set(KINDS)
    assert len({s.kind for s in STEPS}) == len(STEPS)


def test_a_serious_need_given_the_slowest_help_is_questioned(content: Content,
                                                            case: Case) -> None:
    iv = Interview(case, content)
    iv.goto("urgency:n1")  # rated high
    iv.answer("review")
    assert iv.notes and "soon enough" in iv.notes[0] and "Kayla" in iv.notes[0]
    iv.goto("urgency:n1")
    iv.answer("weeks")
    assert iv.notes == []


def test_the_story_is_reflected_by_its_difficulties_not_its_everyday_words(
        content: Content) -> None:
    """Words every story uses ("say", "house", "baby", "talk") name no difficulty: a story
    full of them but about a mother's drinking is reflected as that, not as housing or
    communication."""
    case = new_case()
    case.story = ("Mum says the house is busy. She says the baby cries and she talks to the "
                  "baby and says she will tell the health visitor. Mum drinks most nights and "
                  "was drunk when the school rang; she says she cannot stop drinking.")
    themes = Interview(case, content).story_themes()
    assert themes and themes[0] == "Parental substance misuse"
    assert "Housing and money" not in themes


def test_a_short_theme_word_is_not_the_start_of_a_longer_one(content: Content) -> None:
    """A theme word is read with its endings ("argue", "arguing"; "fear", "fears"), not as
    the start of any longer word (found by walk7: "twice" read as the language Twi,
    "ginger" and "kettle" as gin and ket, "cottage" as a cot, "article" as art)."""
    case = new_case()
    case.story = ("Dee went to the cottage twice with ginger cake, put the kettle on and "
                  "wrote an article.")
    assert Interview(case, content).story_themes() == []
    case.story = "Dee argues with Sam and is arguing with the school; Leo fears the dark."
    themes = Interview(case, content).story_themes()
    assert "Family relationships" in themes
    assert "Emotional wellbeing of child or parent" in themes


def test_the_story_is_reflected_by_what_its_shorthand_stands_for(content: Content) -> None:
    """Workers write "DV flagged": the reflection reads it as the Need Groups do."""
    case = new_case()
    case.story = "DV flagged by police twice in March. Leo is quiet at nursery."
    assert "Domestic abuse and its aftermath" in Interview(case, content).story_themes()


def test_the_reflection_of_a_story_naming_nobody_new_ends_its_sentence_once(
        content: Content) -> None:
    """"Nobody else is named in the story." inside "People: {heard}." would end with a
    doubled full stop; the reflection reads as one sentence each."""
    iv = Interview(new_case(), content)
    assert iv.key == "story:"
    iv.answer("Kayla misses school.")
    assert kind(iv) == "heard"
    text = iv.question().text
    assert "Nobody else is named in the story" in text and ".." not in text, text


@pytest.mark.parametrize("story, shown, apart", [
    ("Tyler lives with his mum Kerry; his nan Pat has him on Fridays. His dad left.",
     ["Kerry (mum)", "Pat (nan)"], ["dad"]),
    ("Her Nan, Rose, takes her in at weekends.", ["Rose (nan)"], []),
    ("Kerry, his mum, drinks. Sol is his friend.", ["Kerry (mum)"], ["Sol"]),
])
def test_the_reflection_shows_a_named_relative_once(content: Content, story: str,
                                                    shown: list[str],
                                                    apart: list[str]) -> None:
    """A name the story gives a family word is one person, "Kerry (mum)", not "Kerry" and
    "mum" listed apart; a family word with no name and a name with no family word stay."""
    iv = Interview(Case(reference="T-002", people=[
        Person(id="p1", role="child", name="Tyler", age=8)]), content)
    iv.answer(story)
    assert kind(iv) == "heard"
    text = iv.question().text
    listed = text.split("not in the case yet: ", 1)[1].split(". What", 1)[0]
    items = [i.strip() for i in listed.split(",")]
    for item in shown + apart:
        assert item in items, (item, items)
    for item in shown:
        bare_name, word = item[:-1].split(" (")
        assert bare_name not in items and word not in items, items


def test_the_names_of_things_and_short_dates_are_not_people(content: Content) -> None:
    """"Universal Credit" or "the Riverside Food Bank" is a run of capitalised words that
    names a thing; "Sept" is a month. Names after a title or a family word, or after a
    word that starts a sentence, stay names."""
    iv = Interview(Case(reference="T-003", people=[
        Person(id="p1", role="child", name="Tyler", age=8)]), content)
    iv.case.story = ("Kerry gets Brackwell Credit and uses the Orrin Food Bank since Sept. "
                     "On Monday Kerry saw Mr Adeyemi. Her Nan Rose helps. When Dean visits, "
                     "Tyler hides.")
    assert iv.names_in_story() == ["Kerry", "Adeyemi", "Rose", "Dean"]


def test_places_holidays_and_a_possessive_without_its_apostrophe_are_no_new_people(
        content: Content) -> None:
    """Found by walk8 in a messy story: "Dad lives in Leeds" names a place (a capitalised
    word after "in", "near", "moved to"), "since Xmas" a day with a fixed date, and
    "Kerrys mum" is Kerry's, a person already in the case, with the apostrophe left out.
    A name after "with", "and" or at a sentence's start, and "at Rose's" (someone's
    home), are still people."""
    iv = Interview(Case(reference="T-007", people=[
        Person(id="p1", role="child", name="Mila", age=2),
        Person(id="p2", role="mother", name="Kerry")]), content)
    iv.case.story = ("Dad lives in Harrowgate now and moved to Brimley Vale last year; a "
                     "flat near Ostwick. Kerry has been low since Xmas. Nan (Kerrys mum) "
                     "helps. Mila stays at Rose's and plays with Tobi. Dean visits.")
    assert iv.names_in_story() == ["Rose", "Tobi", "Dean"]
    assert english(content).time.fixed_days["xmas"] == (12, 25)


def test_the_words_of_a_heading_are_no_people(content: Content) -> None:
    """"Things going well:" heads a part of the story; its words are no names, while a
    name that starts a sentence after it still is ("Kerry drinks", "Zorvan visits")."""
    iv = Interview(Case(reference="T-004", people=[
        Person(id="p1", role="child", name="Tyler", age=8)]), content)
    iv.case.story = ("Things going well: Tyler goes to the club.\nWhat Worries Us: Kerry "
                     "drinks. Lately Tyler hides. Zorvan visits on Fridays.\n- Dean shouts.")
    assert iv.names_in_story() == ["Kerry", "Zorvan", "Dean"]
    # typed on one line, a heading follows the sentence before it
    iv.case.story = ("Worries: Kerry drinks most evenings. Things going well: Tyler goes to "
                     "the club and Zorvan visits.")
    assert iv.names_in_story() == ["Kerry", "Zorvan"]


@pytest.mark.parametrize(("age", "shown"), [(3, True), (9, False), (None, False)])
def test_a_young_child_is_asked_what_they_say_or_show(content: Content, age: int | None,
                                                     shown: bool) -> None:
    """A three-year-old who hardly talks shows a need more than says it: the voice
    question asks for both; an older child, or one whose age is not recorded, is asked
    what they say."""
    case = Case(reference="T-005", people=[
        Person(id="p1", role="child", name="Poppy", age=age),
        Person(id="p2", role="mother", name="Dee")])
    iv = Interview(case, content)
    iv.goto("need_new:p1")
    iv.answer("Poppy needs to be able to ask for a drink using two words at nursery")
    assert kind(iv) == "voice"
    text = iv.question().text
    assert ("say or show" in text) is shown
    assert "What does Poppy say" in text or shown


@pytest.mark.parametrize(("age", "shown"), [(2, True), (15, False), (None, False)])
def test_the_story_asks_a_young_child_what_they_say_or_show(
        content: Content, age: int | None, shown: bool) -> None:
    """The case's first "child's voice" question asks about the first child, as the need's
    voice question asks about its holder: a two-year-old who hardly talks is asked what she
    says or shows, a fifteen-year-old (or a child of no recorded age) what he says."""
    case = Case(reference="T-006", people=[
        Person(id="p1", role="child", name="Mila", age=age),
        Person(id="p2", role="child", name="Rhys", age=15),
        Person(id="p3", role="mother", name="Kerry")])
    iv = Interview(case, content)
    iv.answer("Worries:\nKerry and her partner argue. Mila is hardly talking yet.")
    iv.answer("")
    assert kind(iv) == "child_says"
    text = iv.question().text
    assert text.startswith("What does Mila say")
    assert ("say or show" in text) is shown


@pytest.mark.parametrize("today", ["2026-11-30", "2031-06-12"])
def test_a_date_not_read_is_answered_with_examples_ahead_of_today(
        content: Content, monkeypatch: pytest.MonkeyPatch, today: str) -> None:
    """The message for a date the app cannot read shows the shapes it can read with a
    date ahead of today, as the question does (found by walk7: it said '15 Feb 2027'
    whatever the clock, beside a question that said '7 Dec 2026')."""
    monkeypatch.setenv("NEEDS_LED_TODAY", today)
    iv = Interview(new_case(), content)
    with pytest.raises(AnswerError) as err:
        iv.parse_date("the Monday after half term")
    message = str(err.value)
    assert "the Monday after half term" in message
    shown = re.findall(r"\d{1,2} [A-Z][a-z]{2} \d{4}|\d{2}/\d{2}/\d{4}|\d{4}-\d{2}-\d{2}",
                       message)
    assert len(shown) == 3
    assert all(parse_date(d) > date.fromisoformat(today) for d in shown)


@pytest.mark.parametrize("today", ["2026-11-30", "2031-06-12"])
def test_the_date_questions_give_examples_ahead_of_today(
        content: Content, monkeypatch: pytest.MonkeyPatch, today: str) -> None:
    """A fixed example date soon lies in the past; the examples move with the clock, and
    each reads back as the date it shows."""
    monkeypatch.setenv("NEEDS_LED_TODAY", today)
    iv = Interview(new_case(), content)
    iv.goto("review_date:")
    text = iv.question().text
    shown = text.split("for example ", 1)[1].rstrip(")")
    assert parse_date(shown) > date.fromisoformat(today)


@pytest.mark.parametrize(("typed", "read"), [
    ("next Monday", "2026-12-07"),
    ("the end of March", "2027-03-31"),
    ("within six weeks", "2027-01-11"),
    ("15/02/2027", "2027-02-15"),
])
def test_a_typed_date_phrase_is_read_as_the_offers_read_it(
        content: Content, monkeypatch: pytest.MonkeyPatch, typed: str, read: str) -> None:
    """Found by walk7: "from next week" in a work statement was offered as a date, but
    "next Monday" typed at the date question was refused."""
    monkeypatch.setenv("NEEDS_LED_TODAY", "2026-11-30")
    assert Interview(new_case(), content).parse_date(typed) == date.fromisoformat(read)


@pytest.mark.parametrize(("children", "whom"), [(1, "Kayla"), (2, "the children")])
def test_a_parent_s_need_asks_what_will_happen_to_all_the_children(
        content: Content, children: int, whom: str) -> None:
    """Found by walk7: Kerry's need, in a case with Mila and Rhys, asked "what will
    happen to Mila?" only."""
    case = new_case()
    if children == 2:
        case.people.append(Person(id="p3", role="sibling", name="Tyler", age=14))
    iv = Interview(case, content)
    iv.goto("need_new:p2")
    iv.answer("Dee needs to be up by 7.30 on school mornings to walk Kayla in")
    for _ in range(8):
        if kind(iv) == "consequences":
            break
        iv.answer("")
    assert kind(iv) == "consequences"
    assert f"happen to {whom}" in iv.question().text
