"""Rewrites fit the family in front of the worker (issue 10, point 3) and the coach is never
silent in a way that reads as approval (point 4).

Several invented families, each with its own people and story. For every holder in every
family and a spread of faulty needs, each rewrite offered must be written for the holder's
role and age, take for granted only what the case shows, and use the holder's pronouns.
Real spaCy pipeline, real content, no mocks.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from assistant.content import Content, ContentError
from assistant.model import Case, Person
from assistant.wording import Coach
from assistant.wording.suggest import Library
from tests.helpers import CONTENT

ROOT = Path(__file__).resolve().parent.parent

FAMILIES = {
    # A mother of 38 and her son of 14, whose father left (not died); no baby.
    "jordan": Case(reference="T-J", story=(
        "Jordan (14) lives with his mum Lisa. His father left last year and Jordan has not "
        "seen him since. Jordan has been missing school and staying out late with older boys."),
        people=[Person(id="j", name="Jordan", role="child", age=14, sex="male"),
                Person(id="l", name="Lisa", role="mother", age=38, sex="female")]),
    # A girl of 6 whose dad died, her brother of 2, and her mum.
    "amira": Case(reference="T-A", story=(
        "Amira's dad died in a car accident in March. Since then Amira will not go into "
        "school without crying and Sara finds it hard to get both children out of the house."),
        people=[Person(id="a", name="Amira", role="child", age=6, sex="female"),
                Person(id="i", name="Idris", role="sibling", age=2, sex="male"),
                Person(id="s", name="Sara", role="mother", age=31, sex="female")]),
    # A young mother with low mood and a baby boy.
    "leo": Case(reference="T-L", story=(
        "Chloe (19) has had low mood since Leo was born. She is on her own with him and "
        "says she cannot cope when he cries at night."),
        people=[Person(id="b", name="Leo", role="child", age=0, sex="male"),
                Person(id="c", name="Chloe", role="mother", age=19, sex="female")]),
    # A father bringing up a teenage son who goes missing; a grandmother helps.
    "tyler": Case(reference="T-T", story=(
        "Tyler (15) has gone missing four times this term and was found by police in another "
        "town with older men. His dad Mark works nights; his gran helps when she can."),
        people=[Person(id="t", name="Tyler", role="child", age=15, sex="male"),
                Person(id="m", name="Mark", role="father", age=44, sex="male"),
                Person(id="g", name="Pat", role="grandparent", age=70, sex="female")]),
    # A child of unrecorded age and sex, and a carer; the story says little.
    "robin": Case(reference="T-R", story="Robin lives with a kinship carer, Jo.",
                  people=[Person(id="r", name="Robin", role="child"),
                          Person(id="k", name="Jo", role="carer", sex="other")]),
}

NEEDS = ["{name} needs support.", "{name} needs counselling.", "{name} needs to be safe.",
         "{name} needs a parenting course.", "{name} needs to engage with services.",
         "{name} needs a referral to early help.", "{name} needs a stable home."]

HIS = {"he", "him", "his", "himself"}
HERS = {"she", "her", "hers", "herself"}


@pytest.fixture(scope="module")
def coach() -> Coach:
    return Coach(content=CONTENT).load()


def _cases() -> list[tuple[str, str, str]]:
    return [(family, person.name, need) for family, case in FAMILIES.items()
            for person in case.people for need in NEEDS]


@pytest.mark.parametrize(("family", "name", "need"), _cases())
def test_every_rewrite_fits_the_holder_and_the_case(coach: Coach, family: str, name: str,
                                                    need: str) -> None:
    case = FAMILIES[family]
    library = coach.library
    read = library.family(case)
    person = next(p for p in case.people if p.name == name)
    text = need.format(name=name)
    report = coach.check(text, holder=name, case=case)
    shown = library.facts.settle(read.facts | library.facts.shown_by_text(text))
    for finding in report.findings:
        assert "{" not in " ".join(finding.suggestions)
    chosen = library.choose(text, name, family=read)
    offered = {s for f in report.findings for s in f.suggestions}
    assert {filled for _, filled in chosen} <= offered or not chosen
    groups = library.facts.holders
    for entry, filled in chosen:
        # written for the holder's role: a parent is never given a child's statement
        roles = entry.holder if isinstance(entry.holder, frozenset) else groups[entry.holder]
        assert person.role in roles, (filled, person.role)
        # for the holder's age (or, for a parent's statement, a child of that age)
        if entry.ages and person.role in groups["child"]:
            low, high = entry.ages if person.age is not None else (0, 200)
            if person.age is None:
                want = library.facts.ages_when_unknown
                assert entry.ages[0] <= want[0] and want[1] <= entry.ages[1], filled
            else:
                assert low <= person.age <= high, (filled, person.age)
        # takes for granted only what the case or the statement shows
        assert entry.needs <= shown, (filled, entry.needs - shown)
        assert library.facts.mentioned(filled) - library.facts.covered(set(entry.needs)) \
            <= shown | {"mother", "father"}
        # in the holder's pronouns
        if not entry.about_child and not re.search(r"\b[A-Z][a-z]+\b", filled[len(name):]):
            words = set(re.findall(r"[a-z]+", filled.lower()))
            if person.sex == "female":
                assert not words & HIS, filled
            elif person.sex == "male":
                assert not words & HERS, filled
            else:
                assert not words & (HIS | HERS), filled


def _all(coach: Coach, case: Case, text: str, holder: str) -> list[str]:
    return [s for f in coach.check(text, holder=holder, case=case).findings
            for s in f.suggestions]


def test_a_mother_is_never_offered_a_childs_statement(coach: Coach) -> None:
    case = FAMILIES["jordan"]
    for need in NEEDS:
        for rewrite in _all(coach, case, need.format(name="Lisa"), "Lisa"):
            assert "her mum" not in rewrite and "their mum" not in rewrite, rewrite
            assert "see his dad" not in rewrite and "Lisa needs his" not in rewrite, rewrite
    assert _all(coach, case, "Lisa needs support.", "Lisa"), "a mother is offered her own"


def test_a_teenager_is_never_offered_a_toddlers_statement(coach: Coach) -> None:
    case = FAMILIES["jordan"]
    young = re.compile(r"\b(cot|buggy|nursery|circle time|toddler|front door locked|"
                       r"medicines out of reach|crawl|bottle)", re.I)
    for need in NEEDS:
        for rewrite in _all(coach, case, need.format(name="Jordan"), "Jordan"):
            assert not young.search(rewrite), rewrite


def test_no_rewrite_brings_in_a_death_or_a_baby_the_case_lacks(coach: Coach) -> None:
    case = FAMILIES["jordan"]  # his father left; no one died; no baby
    for name in ("Jordan", "Lisa"):
        for need in [*NEEDS, "{name} needs bereavement counselling.",
                     "{name} needs help with his anger."]:
            for rewrite in _all(coach, case, need.format(name=name), name):
                assert not re.search(r"\b(death|died|funeral|grave|baby|grief)", rewrite), rewrite


def test_the_story_and_the_statement_open_the_areas_they_speak_to(coach: Coach) -> None:
    amira = _all(coach, FAMILIES["amira"], "Amira needs counselling.", "Amira")
    assert any("father" in r or "dad" in r for r in amira), amira
    assert all(" he " not in f" {r} " for r in amira)  # Amira is a girl
    chloe = _all(coach, FAMILIES["leo"], "Chloe needs support.", "Chloe")
    assert any("baby" in r for r in chloe), chloe  # this family has a baby
    tyler = _all(coach, FAMILIES["tyler"], "Tyler needs to be safe.", "Tyler")
    assert tyler and all("Tyler needs" in r for r in tyler)
    assert any(re.search(r"older|missing|overnight|home by|adult", r) for r in tyler), tyler


def test_a_need_about_sleep_is_offered_sleep_statements_for_the_holders_age(
        coach: Coach) -> None:
    """The statement's own words open an area: a school-age child who "needs support with
    her sleep" is offered bedtimes, not a toddler's bath-and-story or a parent's task."""
    case = Case(reference="T-K", story=(
        "Kayla comes to school hungry and falls asleep in class; she says she goes to bed "
        "after midnight. Her mum Dee has been drinking since her partner left."),
        people=[Person(id="k", name="Kayla", role="child", age=9, sex="female"),
                Person(id="d", name="Dee", role="mother", age=31, sex="female")])
    kayla = _all(coach, case, "Kayla needs support with her sleep.", "Kayla")
    assert sum(bool(re.search(r"\b(bedtime|asleep|in bed by|to sleep|to bed)\b", r))
               for r in kayla) >= 2, kayla
    assert all(r.startswith("Kayla needs") and "bath and a story" not in r for r in kayla)
    assert all(" his " not in f" {r} " for r in kayla)
    dee = _all(coach, case, "Dee needs support with Kayla's sleep.", "Dee")
    assert all(r.startswith("Dee needs") for r in dee), dee
    assert any(re.search(r"\b(to bed|bedroom|wake)\b", r) for r in dee), dee


def test_a_drinking_parent_of_one_child_is_offered_her_own_statements(coach: Coach) -> None:
    """A parent's drinking opens the substance area for her even with one child: the
    statements name that child and never speak of "the children"."""
    case = Case(reference="T-D", story="Mum Dee has been drinking since her partner left.",
                people=[Person(id="k", name="Kayla", role="child", age=9, sex="female"),
                        Person(id="d", name="Dee", role="mother", age=31, sex="female")])
    dee = _all(coach, case, "Mum needs to engage with alcohol services.", "Dee")
    assert any(re.search(r"\b(drinking|sober|relapses)\b", r) and "Kayla" in r
               for r in dee), dee
    assert all("the children" not in r for r in dee), dee


def test_the_parents_child_is_named_and_takes_the_childs_pronouns(coach: Coach) -> None:
    rewrites = _all(coach, FAMILIES["amira"], "Sara needs a parenting course.", "Sara")
    about = [r for r in rewrites if "Amira" in r or "Idris" in r]
    assert about, rewrites
    assert not re.search(r"\bthe child\b", " ".join(rewrites)), rewrites
    assert not any("father in front" in r for r in rewrites)  # Amira's father died


def test_where_nothing_fits_the_coach_asks_without_a_rewrite(coach: Coach) -> None:
    # An unborn baby: no statement in the library is written for one.
    case = Case(reference="T-U", story="Mia is 30 weeks pregnant.",
                people=[Person(id="u", name="Baby", role="unborn"),
                        Person(id="m", name="Mia", role="mother", age=24, sex="female")])
    report = coach.check("Baby needs to be safe.", holder="Baby", case=case)
    assert report.findings
    for finding in report.findings:
        assert finding.questions and finding.suggestions == []
    # A 17-year-old in a case whose story opens no area.
    lone = Case(reference="T-S", story="Sam is 17.",
                people=[Person(id="s", name="Sam", role="child", age=17)])
    report = coach.check("Sam needs support.", holder="Sam", case=lone)
    assert report.findings and all(f.suggestions == [] for f in report.findings)
    assert all(f.questions for f in report.findings)


def test_a_holder_named_by_role_is_found_in_the_case(coach: Coach) -> None:
    case = FAMILIES["tyler"]
    rewrites = _all(coach, case, "Dad needs a parenting course.", "Dad")
    assert rewrites and all(r.startswith("Dad needs") for r in rewrites)
    assert not any(re.search(r"\b(she|her|herself)\b", r) for r in rewrites
                   if "Tyler" not in r), rewrites


def test_without_a_case_the_statement_alone_shows_what_may_be_assumed(coach: Coach) -> None:
    left = _all(coach, None, "Kayla needs counselling because her dad left.", "Kayla")  # type: ignore[arg-type]
    assert left and not any(re.search(r"death|died|funeral|grave", r) for r in left), left
    died = _all(coach, None, "Kayla needs counselling because her dad died.", "Kayla")  # type: ignore[arg-type]
    assert any(re.search(r"death|died", r) for r in died), died


# --- the library as data -------------------------------------------------------------------


def _content_with(tmp_path: Path, name: str, body: str) -> Content:
    framework = tmp_path / "framework"
    (framework / "library").mkdir(parents=True)
    for path in (ROOT / "framework").glob("*.yml"):
        (framework / path.name).write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
    for path in (ROOT / "framework" / "library").glob("*.yml"):
        (framework / "library" / path.name).write_text(path.read_text(encoding="utf-8"),
                                                       encoding="utf-8")
    (framework / "library" / name).write_text(body, encoding="utf-8")
    return Content(tmp_path)


AREA = """area: extra
title: Extra
keywords: [extra]
statements:
  - {text: "{name} needs to tidy his room every Saturday."}
  - {text: "{name} needs to walk the dog before school.", presupposes: [dog, school]}
  - {text: "{name} needs to help with the washing up after tea."}
  - {text: "{name} needs to phone Gran on Sundays.", presupposes: [grandparent]}
  - %s
"""


@pytest.mark.parametrize(("statement", "problem"), [
    ('{text: "{name} needs to hold the baby while Mum cooks."}', "baby"),
    ('{text: "{name} needs to visit his dad\'s grave.", presupposes: [father]}', "death"),
    ('{text: "{name} needs to play with his sister.", presupposes: [sibling]}', "unknown fact"),
    ('{text: "{name} needs to tidy up.", holder: [nephew]}', "unknown holder role"),
    ('{text: "{name} needs to tidy up.", ages: [12, 3]}', "ages run from low to high"),
])
def test_a_statement_that_takes_something_for_granted_unsaid_is_refused(
        tmp_path: Path, statement: str, problem: str) -> None:
    content = _content_with(tmp_path, "extra.yml", AREA % statement)
    with pytest.raises(ContentError, match=problem):
        Library(content)


def test_a_statement_that_says_what_it_presupposes_loads(tmp_path: Path) -> None:
    body = AREA % ('{text: "{name} needs to hold the baby while Mum cooks.", '
                   'presupposes: [baby, mother]}')
    library = Library(_content_with(tmp_path, "extra.yml", body))
    assert any(a.area == "extra" for a in library.areas)


def test_case_facts_refuse_an_unknown_role(tmp_path: Path) -> None:
    content = _content_with(tmp_path, "extra.yml", AREA % '{text: "{name} needs to sing."}')
    path = tmp_path / "framework" / "case-facts.yml"
    path.write_text(path.read_text(encoding="utf-8").replace(
        "roles: [unborn]", "roles: [foetus]"), encoding="utf-8")
    with pytest.raises(ContentError, match="unknown role"):
        Library(content)


def test_every_library_statement_lists_what_its_words_take_for_granted(coach: Coach) -> None:
    facts = coach.library.facts
    for entries in coach.library.entries.values():
        for entry in entries:
            text = entry.statement.text.replace("{name}", "")
            # a fact may be read in one holder's statements only (a parent's "to bed" is
            # care at home; a child's is not): case-facts.yml ``statements``
            kind = "child" if entry.holder == "child" else "parent"
            assert facts.mentioned(text, kind) <= facts.covered(set(entry.needs)), text


# --- honest silence (point 4) ----------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "Jordan needs to be able to sit still in class.",
    "Kayla needs to understand why her dad left.",
    "Mo needs someone he trusts to talk to about the move.",
])
def test_an_unflagged_need_asks_the_frameworks_question(coach: Coach, text: str) -> None:
    report = coach.check(text)
    assert report.kinds == []
    note = report.note
    assert note and "no wording problems" not in note.lower()
    assert ("different for" in note and text.split()[0] in note) or note.startswith("Reads as")
    assert report.to_dict()["note"] == note


@pytest.mark.parametrize(("text", "reads"), [
    # a thing one can hand over, whose it is, or how much: said back as what is needed
    ("Sam needs his own Tarrow bed.", True),
    ("Sam needs a Tarrow bed.", True),
    ("Sam needs two hours with his dad on Saturdays.", True),
    # a bare abstraction no list knows is not flagged, and not called specific either
    ("Sam needs closure.", False),
    ("Sam needs a fresh start.", False),
])
def test_only_a_particular_thing_is_said_back_as_specific(coach: Coach, text: str,
                                                          reads: bool) -> None:
    """"Reads as specific" is approval: it is said of a noun phrase only where the phrase
    names something particular; otherwise the framework's question is asked."""
    report = coach.check(text)
    assert report.kinds == []
    assert report.note.startswith("Reads as specific") is reads, report.note
    if not reads:
        assert "different for Sam" in report.note


def test_a_flagged_need_has_no_note_and_stages_ask_their_own_question(coach: Coach) -> None:
    assert coach.check("Kayla needs counselling.").note == ""
    outcome = coach.check("By the July review Jackie will have above 90% attendance.",
                          stage="outcome")
    assert outcome.kinds == [] and "how you will know" in outcome.note
    work = coach.check("The health visitor will show Mum how to make up the baby's bottles "
                       "at home every Monday from 3 March.", stage="work")
    assert work.kinds == [] and "who will do what" in work.note


@pytest.mark.parametrize("text", [
    "Leo does not need counselling.",
    "In case Mum relapses, Leo needs counselling.",
])
def test_a_finding_that_does_not_count_is_never_called_nothing_flagged(
        coach: Coach, text: str) -> None:
    """A negated or conditional finding is shown but not counted: the note says so, and
    never "Nothing was flagged" beside the finding on screen."""
    report = coach.check(text)
    assert report.findings and not report.kinds
    assert "Nothing was flagged" not in report.note and "not counted" in report.note
    assert "Leo" in report.note


def test_no_screen_or_command_says_no_problems_found() -> None:
    for path in (ROOT / "assistant").rglob("*.py"):
        assert "No wording problems" not in path.read_text(encoding="utf-8"), path


def test_the_coach_panel_shows_the_note_not_approval(coach: Coach) -> None:
    from assistant.tui.widgets.coach import render_report

    report = coach.check("Jordan needs to be able to sit still in class.")
    shown = str(render_report(report.text, [], report))
    assert shown == report.note and "Jordan" in shown
    # Findings a later step asks about are not raised now: the stage's question is shown.
    outcome = coach.check("Jordan will be happier.", stage="outcome")
    assert outcome.kinds and outcome.note == ""
    shown = str(render_report(outcome.text, [], outcome))
    assert shown == outcome.quiet and "how you will know" in shown


@pytest.mark.parametrize(("family", "asked_about", "written_for"), [
    ("leo", "Leo", "Chloe"), ("amira", "Amira", "Sara"), ("tyler", "Tyler", "Pat")])
def test_a_need_written_for_another_of_the_case_is_coached_for_them(
        coach: Coach, family: str, asked_about: str, written_for: str) -> None:
    """Asked about the child, the worker writes the parent's need: the coach's question
    and rewrites speak of the person the statement names, not the one the step asks about."""
    case = FAMILIES[family]
    report = coach.check(f"{written_for} needs counselling.", holder=asked_about, case=case)
    assert report.kinds == ["service"] or "service" in report.kinds
    finding = next(f for f in report.findings if f.kind == "service")
    said = " ".join([finding.message, *finding.questions])
    assert written_for in said or "she" in said.split() or "her" in said.split()
    assert asked_about not in said
