"""The families a student tried in the app (issue 10, points 3 and 4), each failure seen
there kept as a test: the real coach, the real pipeline, the real content.
"""

from __future__ import annotations

import re

import pytest

from assistant.model import Case, Person
from assistant.wording import Coach
from tests.helpers import CONTENT

TWINS = Case(reference="F-TW", story=(
    "The twins, Sam and Alex (7), live with their gran Maureen under a kinship arrangement "
    "because their mum uses heroin. Sam wets the bed and Alex hits out at school. Maureen is "
    "68 and has arthritis."),
    people=[Person(id="s", role="child", name="Sam", age=7, sex="male"),
            Person(id="a", role="sibling", name="Alex", age=7, sex="female"),
            Person(id="m", role="grandparent", name="Maureen", age=68, sex="female")])
DAD = Case(reference="F-D", story=(
    "Dan is bringing up Mia (2) on his own since her mum went to prison. The flat is "
    "cluttered and Mia's speech is behind; she has few words."),
    people=[Person(id="d", role="father", name="Dan", age=27, sex="male"),
            Person(id="m", role="child", name="Mia", age=2, sex="female")])
CARER = Case(reference="F-C", story=(
    "Ellie (16) looks after her mum Karen, who has multiple sclerosis. Ellie is often late "
    "for college and gives Karen her medication."),
    people=[Person(id="e", role="child", name="Ellie", age=16, sex="female"),
            Person(id="k", role="mother", name="Karen", age=45, sex="female")])
PREGNANT = Case(reference="F-P", story=(
    "Kayleigh is 17 and 24 weeks pregnant. She has left her mum's house after rows and is "
    "sofa-surfing with friends."),
    people=[Person(id="k", role="child", name="Kayleigh", age=17, sex="female")])


@pytest.fixture(scope="module")
def coach() -> Coach:
    return Coach(content=CONTENT).load()


def _rewrites(coach: Coach, text: str, holder: str, case: Case, stage: str = "need"
              ) -> list[str]:
    report = coach.check(text, stage=stage, holder=holder, case=case)
    return [s for f in report.findings for s in f.suggestions]


@pytest.mark.parametrize("text", ["Maureen needs support.", "Gran needs respite.",
                                  "Maureen needs a parenting course."])
def test_a_kinship_grandmother_is_not_given_the_mothers_drug_use_or_herself(
        coach: Coach, text: str) -> None:
    for rewrite in _rewrites(coach, text, "Maureen", TWINS):
        assert not re.search(r"\b(Gran|relapses?|methadone|drinking)\b", rewrite), rewrite


@pytest.mark.parametrize("name", ["Sam", "Alex"])
def test_children_in_kinship_care_are_not_told_their_mum_is_at_home(coach: Coach,
                                                                    name: str) -> None:
    for text in (f"{name} needs counselling.", f"{name} needs to be safe."):
        for rewrite in _rewrites(coach, text, name, TWINS):
            # Their mum is in the story, but not at home: nothing of hers at home.
            assert not re.search(r"mum to take control|mum has been drinking|swears at|"
                                 r"only (his|her) mum|without (his|her) mum|Mum will not "
                                 r"wake|people using drugs in the flat", rewrite), rewrite
    kinship = _rewrites(coach, f"{name} needs support.", name, TWINS)
    assert any("lives with" in r and "gran" in r for r in kinship), kinship


def test_a_childs_difficulty_is_offered_to_that_child_only(coach: Coach) -> None:
    """The story says Alex hits out, not Sam; the worker's own words about Sam count."""
    for text in ("Sam needs counselling.", "Sam needs support."):
        sam = _rewrites(coach, text, "Sam", TWINS)
        assert not any(re.search(r"temper|fight|calm himself|hitting", r) for r in sam), sam
    alex = _rewrites(coach, "Alex needs counselling.", "Alex", TWINS) + \
        _rewrites(coach, "Alex needs support.", "Alex", TWINS)
    assert any(re.search(r"temper|fight|calm herself|hitting", r) for r in alex), alex
    said = _rewrites(coach, "Sam needs anger management.", "Sam", TWINS)
    assert any(re.search(r"temper|fight|calm himself|hitting", r) for r in said), said


def test_naming_the_holder_by_role_is_not_someone_else(coach: Coach) -> None:
    for text, holder, case in (("Gran needs respite.", "Maureen", TWINS),
                               ("Mum needs an adult social care assessment.", "Karen", CARER),
                               ("Dad needs a parenting course.", "Dan", DAD)):
        report = coach.check(text, holder=holder, case=case)
        assert report.findings and not any(f.context["other_person"] for f in report.findings)


def test_questions_use_the_holders_recorded_pronouns(coach: Coach) -> None:
    report = coach.check("Dan needs a parenting assessment.", holder="Dan", case=DAD)
    questions = " ".join(q for f in report.findings for q in f.questions)
    assert "what he would need" in questions and "what they need" not in questions
    outcome = coach.check("Dan will attend a parenting course.", stage="outcome",
                          holder="Dan", case=DAD)
    asked = " ".join(q for f in outcome.findings for q in f.questions)
    assert "what would he then do" in asked


def test_a_fathers_outcome_and_a_toddlers_are_not_about_school(coach: Coach) -> None:
    for text, holder in (("Dan will feel more supported.", "Dan"),
                         ("Mia will be happier.", "Mia")):
        for rewrite in _rewrites(coach, text, holder, DAD, stage="outcome"):
            assert "school" not in rewrite, rewrite


def test_a_parent_statement_names_the_child_not_their_child(coach: Coach) -> None:
    rewrites = _rewrites(coach, "Dan needs support.", "Dan", DAD)
    assert rewrites and not any("their child" in r for r in rewrites)


def test_a_pregnant_teenager_gets_rewrites_about_her_pregnancy_not_a_separation(
        coach: Coach) -> None:
    rewrites = _rewrites(coach, "Kayleigh needs support.", "Kayleigh", PREGNANT)
    assert any("baby is born" in r or "antenatal" in r for r in rewrites), rewrites
    assert not any("separation" in r or "both parents" in r for r in rewrites), rewrites
    assert not any("temporary flat" in r for r in rewrites), rewrites


def test_a_young_carer_of_sixteen_is_not_accompanied_to_school(coach: Coach) -> None:
    for text in ("Ellie needs to be safe.", "Ellie needs respite."):
        for rewrite in _rewrites(coach, text, "Ellie", CARER):
            assert "accompanied" not in rewrite and "take control" not in rewrite, rewrite


LISA = Case(reference="F-L", story="Jordan (14) lives with his mum Lisa; his father left.",
            people=[Person(id="l", role="mother", name="Lisa", age=38, sex="female"),
                    Person(id="j", role="child", name="Jordan", age=14, sex="male")])


def test_a_statement_for_someone_else_is_not_said_back_as_the_holders(coach: Coach) -> None:
    """Point 4: the note says what it reads of the person the statement is for, and a
    professional's task is never read back as the family member's specific need: it is
    flagged as the service it is ("Family support worker to help Mum" is, by the rules),
    or, where nothing is flagged, the note asks what would be different for the holder."""
    for case in (LISA, None):
        sw = coach.check("SW to support Lisa", holder="Lisa", case=case)
        assert set(sw.kinds) <= {"service"}, sw.kinds
        said = sw.note or " ".join(f.message for f in sw.findings)
        assert said and not said.startswith("Reads as specific") and "Lisa" in said, said
        other = coach.check("Jordan to get up at 7.30 on school days.", holder="Lisa",
                            case=case)
        assert other.note and "Lisa" not in other.note and "Jordan" in other.note
        own = coach.check("She needs to get Jordan to school by 8.45.", holder="Lisa",
                          case=case)
        assert own.note and own.note.startswith("Reads as specific") and "Lisa" in own.note
    mum = coach.check("Mum needs to get Jordan to school by 8.45.", holder="Lisa", case=LISA)
    assert mum.note and "Lisa" in mum.note


@pytest.mark.parametrize("text, said", [
    ("For Amy to be able to read a bus timetable.", "what Amy needs to be able to do"),
    ("to be able to read a bus timetable", "what the person needs to be able to do"),
    # what someone else is asked to do is said as theirs, not the holder's
    ("Kayla needs her nan to pick her up from school on Tuesdays.",
     "what Kayla needs her nan to do"),
    ("Kayla needs Mum to stop shouting at her at bedtime.", "what Kayla needs Mum to do"),
    ("Kayla needs to get to sleep before nine on school nights.", "what Kayla needs to do"),
])
def test_the_reading_said_back_without_a_given_holder_is_grammatical(
        coach: Coach, text: str, said: str) -> None:
    """Checked with no holder: the note names the holder the statement gives, else "the
    person", never "what them needs"."""
    report = coach.check(text)
    assert report.note and said in report.note, report.note
    assert "them needs" not in report.note and "they needs" not in report.note


def test_a_possessive_holder_is_the_person_it_names(coach: Coach) -> None:
    """"Jordan's mum needs ..." is Lisa's need, not Jordan's ("...needs his mum to ...")."""
    # The story shows Jordan's anger: a statement about his being angry with his father
    # takes it for granted, and is offered only where the case shows it.
    angry = LISA.model_copy(update={"story": LISA.story + " Jordan is angry with him."})
    rewrites = _rewrites(coach, "Jordan's mum needs support.", "Jordan's mum", angry)
    assert rewrites and not any(re.search(r"needs (his|her) mum|with his dad|swears", r)
                                for r in rewrites), rewrites
    assert LISA.people[0].name == "Lisa"
    family = coach.library.family(LISA)
    assert family is not None and family.member("Jordan's mum") is family.member("Lisa")
    assert family.member("Jordan's") is family.member("Jordan")


@pytest.mark.parametrize("text", ["Dad needs a parenting course.", "Mum needs to be safe.",
                                  "Jordan's dad needs a parenting course.",
                                  "Gran needs respite."])
def test_without_a_case_a_parent_is_never_given_a_childs_statement(coach: Coach,
                                                                   text: str) -> None:
    report = coach.check(text)
    for rewrite in (s for f in report.findings for s in f.suggestions):
        assert not re.search(r"someone (he|she|they) trusts?|which adult|"
                             r"make things better for", rewrite), rewrite


@pytest.mark.parametrize("text", ["Lisa needs a parenting course.",
                                  "Lisa needs support to get her son to school on time."])
def test_without_a_case_the_statement_can_say_the_holder_is_a_parent(coach: Coach,
                                                                     text: str) -> None:
    """A name the coach cannot place is a parent when the statement says so."""
    rewrites = [s for f in coach.check(text).findings for s in f.suggestions]
    assert not any(re.search(r"someone (he|she|they) trusts?|which adult|"
                             r"make things better for", r) for r in rewrites), rewrites


@pytest.mark.parametrize(("story", "fact", "owner"), [
    ("Jordan says his mum drinks every night.", "parent-drinking", "Lisa"),
    ("Jordan drinks at weekends and Lisa is worried.", "parent-drinking", "Jordan"),
    ("Lisa has depression. Jordan has been self-harming.", "self-harm", "Jordan"),
    ("Lisa has depression. Jordan has been self-harming.", "parent-unwell", "Lisa"),
    ("Jordan's dad uses heroin.", "parent-drugs", None),  # a father not recorded
])
def test_the_story_tells_a_fact_of_the_person_named_nearest(coach: Coach, story: str,
                                                            fact: str,
                                                            owner: str | None) -> None:
    case = LISA.model_copy(update={"story": story})
    family = coach.library.family(case)
    assert family is not None and fact in family.facts
    owners = {m.name for m in family.owners[fact]}
    assert owners == ({owner} if owner else {""})


def test_every_library_statement_reads_in_every_holders_pronouns(coach: Coach) -> None:
    """Made to fit a boy, a girl or "they", no statement reads "give his the evening
    medication" (a possessive before an article) or "sleep on him back" (an object
    before "own" or a body part)."""
    from assistant.wording.pronouns import fit

    pronouns = coach.library.english.pronouns
    bad = re.compile(r"\b(his|their) (the|a|an|some|any)\b|\b(him|them) (own|back|gifts)\b|"
                     r"\bthey (is|was|has|does)\b")
    wrong = []
    for area in coach.library.areas:
        for statement in area.statements:
            text = statement.text.replace("{name}", "Sam").replace("{child}", "Kim")
            for gender in ("f", "m", None):
                made = fit(text, gender, lists=pronouns)
                if bad.search(made):
                    wrong.append(made)
    assert not wrong, wrong


def _kai(story: str) -> Case:
    return Case(reference="F-K", story=story, people=[
        Person(id="j", role="mother", name="Jade", age=31, sex="female"),
        Person(id="k", role="child", name="Kai", age=9, sex="male")])


@pytest.mark.parametrize("story", [
    "Kai (9) lives with his mum Jade. His parents separated when he was a baby and his dad "
    "has had no contact with him for six years.",
    "Kai lives with Jade since they split up. Kai has never met his father.",
    "Kai lives with his mum. His father is absent and his whereabouts are unknown.",
])
def test_a_father_out_of_touch_is_not_offered_as_someone_to_see_or_hear_from(
        coach: Coach, story: str) -> None:
    """A rewrite never brings in contact the case does not have: a father who has not
    been in the child's life for years is no one to "see at agreed times" or to "hear
    from, with Mum, that the separation is not his fault"."""
    for text in ("Kai needs support.", "Kai needs counselling.", "Kai needs to be happy."):
        for rewrite in _rewrites(coach, text, "Kai", _kai(story)):
            assert not re.search(r"\b(dad|father|both parents)\b", rewrite), rewrite


@pytest.mark.parametrize("story", [
    "Kai (9) lives with his mum Jade; his parents separated last year and he sees his dad "
    "every other weekend.",
    "Kai lives with his mum since his parents separated; he sees his dad at weekends. "
    "Dad has never lost touch with Kai.",
    "Kai lives with his mum since his parents separated; he sees his dad at weekends. "
    "Jade's dad has had no contact with her for years.",
])
def test_a_father_the_child_sees_is_still_offered(coach: Coach, story: str) -> None:
    rewrites = {r for text in ("Kai needs support.", "Kai needs to be happy.")
                for r in _rewrites(coach, text, "Kai", _kai(story))}
    assert any("see his dad" in r for r in rewrites), rewrites
    assert any("both parents" in r for r in rewrites), rewrites


def _unrecorded(story: str) -> Case:
    """Kai and Jade as a student adds them: the sex left "not recorded"."""
    return Case(reference="F-U", story=story, people=[
        Person(id="k", role="child", name="Kai", age=9),
        Person(id="j", role="mother", name="Jade", age=31)])


def test_the_storys_own_pronouns_are_the_holders_where_no_sex_is_recorded(
        coach: Coach) -> None:
    """Point 3, the holder's pronouns: a boy the story calls "he" all through is offered
    "his", not "their", when the worker left his sex unrecorded."""
    case = _unrecorded("Kai is 9 and lives with his mum Jade. Kai often makes his own tea; "
                       "school say he comes in hungry and gets into fights at break.")
    rewrites = _rewrites(coach, "Kai needs counselling.", "Kai", case)
    assert rewrites and any(re.search(r"\b(his|him|himself|he)\b", r) for r in rewrites)
    assert not any(re.search(r"\b(their|themselves)\b", r) for r in rewrites), rewrites


@pytest.mark.parametrize("story", [
    # one pronoun is not enough to go on
    "Kai is 9 and lives with his mum Jade. School say Kai gets into fights at break.",
    # the story's pronouns disagree about whom they stand for
    "Kai is 9 and lives with his mum Jade. Jade told Kai she was tired; Kai gets into "
    "fights at break and his teacher is worried.",
])
def test_a_story_that_does_not_say_clearly_leaves_the_holder_they(coach: Coach,
                                                                  story: str) -> None:
    rewrites = _rewrites(coach, "Kai needs counselling.", "Kai", _unrecorded(story))
    assert rewrites and not any(re.search(r"\b(his|him|himself)\b", r) for r in rewrites), \
        rewrites


def test_a_recorded_sex_is_kept_whatever_the_story_says(coach: Coach) -> None:
    case = Case(reference="F-R", story="Kai is 9; his mum Jade says he is angry and he "
                "fights at school.", people=[
                    Person(id="k", role="child", name="Kai", age=9, sex="female"),
                    Person(id="j", role="mother", name="Jade", age=31)])
    rewrites = _rewrites(coach, "Kai needs counselling.", "Kai", case)
    assert rewrites and not any(re.search(r"\b(his|him|himself)\b", r) for r in rewrites), \
        rewrites


@pytest.mark.parametrize(("story", "kinship"), [
    ("Kenzie lives with her mum Shannon and her nan comes round most days.", False),
    ("Kenzie lives with mum and sees her nan at weekends.", False),
    ("Kenzie lives with her nan since Mum went into hospital.", True),
    ("Kenzie has lived with her maternal grandmother for a year. She now lives with her "
     "great nan.", True),
    ("Kenzie moved in with her aunt in March.", True),
])
def test_a_child_lives_with_a_relative_only_where_the_story_says_so(story: str,
                                                                    kinship: bool) -> None:
    """Found walking the interview: "lives with her mum ... and her nan comes round" was
    read as kinship care, and the coach offered "Kenzie needs to know why she lives with her
    gran" to a child who lives with her mum. The relative must follow "lives with" closely
    (case-facts.yml: a close cue "lives with > nan")."""
    from assistant.wording.casefit import load_case_facts

    facts = load_case_facts(CONTENT)
    assert ("kinship-care" in facts.shown_by_text(story)) is kinship


def test_a_close_cue_is_a_cue_of_its_own() -> None:
    from assistant.wording.casefit import Cue

    cue = Cue("lives with|living with > nan|gran")
    assert cue.found(["kenzie is living with her great nan"])
    assert not cue.found(["kenzie lives with her mum and her nan"])
    assert not cue.maybe("kenzie sees her nan")
