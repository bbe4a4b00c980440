"""What the coach says fits the person and the need in front of it (issue 10, points 3-4),
found by using the interview and `check --case` as a student would.

Each test uses nouns, verbs and names that appear in no rule or library statement, so the
class is tested, not the example; the real spaCy pipeline and a real case model are used.
"""

from __future__ import annotations

import pytest

from assistant.model import Case, Person
from assistant.wording import Coach
from tests.helpers import CONTENT


@pytest.fixture(scope="module")
def coach() -> Coach:
    return Coach(content=CONTENT).load()


@pytest.mark.parametrize("text", [
    "Tamsin needs to be walked to the Orrin club by her grandad every Thursday.",
    "Tamsin needs to be read to in bed every night.",
    "Tamsin needs to be told why her brother moved to the Pell unit.",
    "Tamsin needs to be collected from the bus stop by an adult she trusts.",
])
def test_a_specific_passive_need_is_not_said_to_be_what_the_holder_does(
        coach: Coach, text: str) -> None:
    """"needs to be read to" is done for Tamsin, not by her: "it says what Tamsin needs to
    do" would be untrue. The coach says what it reads: what she needs to happen."""
    report = coach.check(text)
    assert report.kinds == [], report.kinds
    assert report.note.startswith("Reads as specific"), report.note
    assert "needs to do" not in report.note, report.note
    assert "needs to happen" in report.note, report.note


@pytest.mark.parametrize("text", [
    "Tamsin needs to walk to the Orrin club with her grandad every Thursday.",
    "Tamsin needs to tell her teacher when the Pell boys take her lunch.",
])
def test_an_active_specific_need_still_says_what_the_holder_does(coach: Coach,
                                                                text: str) -> None:
    report = coach.check(text)
    assert report.kinds == [] and "needs to do" in report.note, report.note


def _case(story: str, *people: Person) -> Case:
    return Case(reference="W6-T1", story=story, people=list(people))


def _rewrites(coach: Coach, case: Case, text: str, holder: str) -> list[str]:
    report = coach.check(text, holder=holder, case=case)
    return [s for f in report.findings if f.kind != "jargon" for s in f.suggestions]


@pytest.mark.parametrize(("text", "words"), [
    # shorthand that no story cue and no area keyword lists, spelled out before the
    # statement is read for its area and for the facts it shows
    ("Ottilie needs SLT.", ("words", "phrases", "sentences", "instructions", "her own name")),
    ("Ottilie needs SALT.", ("words", "phrases", "sentences", "instructions", "her own name")),
    ("Ottilie needs an SLT referral.", ("words", "phrases", "sentences", "instructions",
                                        "her own name")),
])
def test_shorthand_in_the_need_opens_the_area_it_stands_for(coach: Coach, text: str,
                                                            words: tuple[str, ...]) -> None:
    case = _case("Ottilie lives with her mum in a flat above the Brannock launderette.",
                 Person(role="child", name="Ottilie", age=3, sex="female"),
                 Person(role="mother", name="Rhian", age=29, sex="female"))
    offered = _rewrites(coach, case, text, "Ottilie")
    assert offered, offered
    assert any(any(w in s.lower() for w in words) for s in offered), offered


def test_a_childs_service_spelled_out_shows_no_parents_illness(coach: Coach) -> None:
    """"CAMHS" spelled out says "mental health": read as the statement showing a parent's
    illness, it offered Kai's mum's illness ("when his dad goes into hospital") to a boy
    whose story says nothing of it."""
    case = _case("Marnie's son Brody, 13, has stopped eating at the Tollan school.",
                 Person(role="child", name="Brody", age=13, sex="male"),
                 Person(role="mother", name="Marnie", age=41, sex="female"))
    for text, holder in (("Brody needs a CAMHS referral.", "Brody"),
                         ("Marnie needs to take Brody to CAMHS.", "Marnie")):
        offered = _rewrites(coach, case, text, holder)
        assert not any(w in s for s in offered for w in ("unwell", "hospital", "medication",
                                                         "low mood", "stays in bed")), offered


_PARTNERS_OWN = ("new partner", "violent relationships", "non-molestation", "ex-partner",
                 "her partner has left", "the other parent")


@pytest.mark.parametrize(("story", "sex"), [
    ("Carys's partner Dale moved in last spring. Police came twice after rows.", "male"),
    ("Since the summer Carys has a new boyfriend, Dale; there was a violent row in August "
     "and Carys had a black eye.", "female"),
])
def test_a_parents_own_partner_is_not_offered_to_the_grandparent(coach: Coach, story: str,
                                                                 sex: str) -> None:
    """The story says whose partner it is: statements about the holder's own partner (a
    new partner becoming controlling, a non-molestation order) are the mother's, not the
    grandparent's who lives round the corner."""
    case = _case(story,
                 Person(role="mother", name="Carys", age=35, sex="female"),
                 Person(role="child", name="Efa", age=9, sex="female"),
                 Person(role="grandparent", name="Wyn", age=68, sex=sex),
                 Person(role="stepparent", name="Dale", age=40, sex="male"))
    for text in ("Wyn needs support.", "Wyn needs counselling.", "Wyn needs to be safe."):
        offered = _rewrites(coach, case, text, "Wyn")
        assert not any(p in s for s in offered for p in _PARTNERS_OWN), offered
    mum = [s for t in ("Carys needs support.", "Carys needs an IDVA.")
           for s in _rewrites(coach, case, t, "Carys")]
    assert any(p in s for s in mum for p in _PARTNERS_OWN), mum


@pytest.mark.parametrize("text", ["Jarrah needs a CAMHS referral.",
                                  "Jarrah needs support with his low mood.",
                                  "Jarrah needs counselling for depression."])
def test_a_childs_statement_does_not_give_a_parents_illness_to_the_wrong_parent(
        coach: Coach, text: str) -> None:
    """The story says the mother is depressed; the father left. A child's statement about
    a parent's illness written of his dad ("when his dad goes into hospital") would bring
    in an event the case lacks: the illness is the one parent's the story names."""
    case = _case("Jarrah's mum Nerys has depression and some days cannot get up. "
                 "His dad left two years ago and rings at Christmas.",
                 Person(role="child", name="Jarrah", age=10, sex="male"),
                 Person(role="mother", name="Nerys", age=36, sex="female"))
    offered = _rewrites(coach, case, text, "Jarrah")
    assert not any("dad" in s and ("hospital" in s or "unwell" in s or "ill" in s.split())
                   for s in offered), offered


@pytest.mark.parametrize(("text", "holder"), [
    ("Rhian needs to keep the children safe.", "Rhian"),
    ("Rhian needs to be well.", "Rhian"),
    ("Rhian needs a stable home.", "Rhian"),
    ("Osian needs to feel safe.", "Osian"),
])
def test_a_universal_aim_is_not_told_as_a_childs_nor_asked_as_the_holders_own_safety(
        coach: Coach, text: str, holder: str) -> None:
    """For a mother of 38 "true of every child" reads as if she were one, and "Who or what
    is Rhian not safe from?" asks about her safety when the aim was her children's (or her
    health). The word rules' messages and questions fit any holder."""
    case = _case("Rhian's partner left in May. Osian, 11, is quiet at the Corran school.",
                 Person(role="mother", name="Rhian", age=38, sex="female"),
                 Person(role="child", name="Osian", age=11, sex="male"))
    report = coach.check(text, holder=holder, case=case)
    mine = [f for f in report.findings if f.kind == "universal"
            and not f.rule.startswith("structure-")]  # the structure reader's: needs.py
    assert mine, report.findings
    for finding in mine:
        said = " ".join([finding.message, *finding.questions])
        assert "every child," not in said and "every child needs;" not in said, said
        assert f"is {holder} not safe" not in said and "is she not safe" not in said, said


@pytest.mark.parametrize(("text", "first"), [
    ("Rhodri needs counselling and Elin needs a Tarrow group.", "needs counselling"),
    ("Rhodri needs counselling and his sister needs SALT.", "needs counselling"),
    ("Rhodri needs counselling and Elin needs SALT.", "needs counselling"),
    ("Rhodri needs counselling and Elin needs a dietician.", "needs counselling"),
    ("Rhodri needs counselling and mentoring.", "needs counselling and mentoring"),
])
def test_a_service_found_stops_at_the_next_need(coach: Coach, text: str, first: str) -> None:
    """Two needs in one line: the first service found ran on over "and Elin needs ...",
    so the coach asked "what would counselling and Elin needs a Tarrow group change for
    Rhodri?" (and, over a pasted page, quoted 40,000 characters back)."""
    report = coach.check(text)
    services = [f for f in report.findings if f.kind == "service"]
    assert services and services[0].match == first, [f.match for f in services]
    assert all(" needs " not in f.message.split(":", 1)[-1] for f in services), \
        [f.message for f in services]


@pytest.mark.parametrize("text", ["Morwenna needs a mental health assessment.",
                                  "Morwenna needs support with her low mood.",
                                  "Morwenna needs to engage with the Pellow service."])
def test_a_statement_naming_a_relative_of_the_other_sex_is_not_offered(
        coach: Coach, text: str) -> None:
    """The case's grandparent is Grandad Tomos: "a plan, agreed with Gran" brings in a
    grandmother the case does not have. A role word with a sex (Gran, Nan, Grandad) must
    fit someone recorded in that role."""
    case = _case("Morwenna has depression and some days cannot get up. Grandad Tomos "
                 "helps with the school run.",
                 Person(role="mother", name="Morwenna", age=33, sex="female"),
                 Person(role="child", name="Cai", age=8, sex="male"),
                 Person(role="child", name="Lowri", age=6, sex="female"),
                 Person(role="grandparent", name="Tomos", age=66, sex="male"))
    offered = _rewrites(coach, case, text, "Morwenna")
    assert not any(w in s.split() or w + "," in s.split() or w + "'s" in s.split()
                   for s in offered for w in ("Gran", "Nan", "Grandma", "Granny")), offered


@pytest.mark.parametrize("holder", ["Dale", "Wyn"])
def test_the_parents_own_separation_is_not_given_to_a_stepparent_or_grandparent(
        coach: Coach, holder: str) -> None:
    """What the children are told about why their parents split up is for the parents
    who split (or the carer bringing the children up), not for the mother's new partner or
    a grandfather round the corner."""
    case = _case("Carys and the children's dad split up two years ago; he moved to the "
                 "coast. Carys's partner Dale moved in this spring. Grandad Wyn helps.",
                 Person(role="mother", name="Carys", age=35, sex="female"),
                 Person(role="child", name="Efa", age=9, sex="female"),
                 Person(role="child", name="Ianto", age=6, sex="male"),
                 Person(role="grandparent", name="Wyn", age=68, sex="male"),
                 Person(role="stepparent", name="Dale", age=40, sex="male"))
    for text in (f"{holder} needs support.", f"{holder} needs family therapy.",
                 f"{holder} needs to be a good role model."):
        offered = _rewrites(coach, case, text, holder)
        assert not any("split up" in s for s in offered), offered
    mum = _rewrites(coach, case, "Carys needs family therapy.", "Carys")
    assert mum, mum


def _dv_family(story: str) -> Case:
    return _case(story,
                 Person(role="mother", name="Sian", age=34, sex="female"),
                 Person(role="child", name="Macsen", age=12, sex="male"),
                 Person(role="stepparent", name="Rhys", age=39, sex="male"))


_FEAR_OF_DAD = ("if his dad comes to the house", "if her dad comes to the house")


@pytest.mark.parametrize("text", ["Macsen needs counselling.", "Macsen needs to be safe.",
                                  "Macsen needs a Brenlow worker about the violence."])
def test_a_child_is_not_told_to_fear_a_father_the_story_does_not_say_harmed_anyone(
        coach: Coach, text: str) -> None:
    """The violence was the stepfather's; the father only moved away. "who to call if
    his dad comes to the house" brings in a threat the case does not have."""
    case = _dv_family("Police were called after Rhys hit Sian in October. Macsen's dad "
                      "moved away when he was small and sends a card at birthdays.")
    offered = _rewrites(coach, case, text, "Macsen")
    assert offered and not any(p in s for s in offered for p in _FEAR_OF_DAD), offered


def test_a_father_the_story_says_was_violent_is_one_to_plan_for(coach: Coach) -> None:
    case = _dv_family("Macsen's dad hit Sian in front of him last year and moved out; "
                      "there is a non-molestation order. Rhys is Sian's new partner.")
    offered = [s for t in ("Macsen needs counselling.", "Macsen needs to be safe.",
                           "Macsen needs a Brenlow worker about the violence.")
               for s in _rewrites(coach, case, t, "Macsen")]
    assert any(p in s for s in offered for p in _FEAR_OF_DAD), offered


def test_no_screen_command_or_document_says_no_problems_found() -> None:
    """Point 4 holds for the documents too: the practice feedback said "No wording problems
    found." of every need the coach did not flag (the code test looked at assistant/ only)."""
    from tests.helpers import ROOT

    for folder in ("assistant", "exports", "prompts", "framework"):
        for path in (ROOT / folder).rglob("*"):
            if path.is_file() and path.suffix in (".py", ".j2", ".yml", ".md", ".html"):
                text = path.read_text(encoding="utf-8").lower()
                said = text.replace('never "no wording problems found"', "") \
                    .replace('never "no problems found"', "")
                assert "no wording problems found" not in said, path
                assert "no problems found" not in said, path
