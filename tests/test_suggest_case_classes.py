"""Classes of rewrite fault found by auditing the rewrites offered for 24 stored fictional
cases (issue 10, point 3), each shown with a family where the rewrite must not be offered
and one where it may be:

- a fact about one adult taken for granted of the parent a child's statement names ("her
  mum's drinking") when the story says it of someone else (the mum's partner);
- a parent's statement about a child's self-harm that names no child, offered where no
  child in the case harms themselves (an overdose that killed the children's mother);
- seeing a father "at times agreed" offered to a child who lives with him;
- a substance the story does not name (methadone, where the parent uses cannabis);
- a young carer's household offered to a family where no child does the caring;
- the same rewrite offered twice for one statement (a need both vague and a service).

Real spaCy pipeline, real content; every name is invented.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from assistant.content import ContentError
from assistant.model import Case, Need, Person
from assistant.wording import Coach
from assistant.wording.suggest import Library
from tests.helpers import CONTENT
from tests.test_suggest_case import AREA, _content_with

NEEDS = ["{name} needs support.", "{name} needs counselling.", "{name} needs to be safe.",
         "{name} needs a mentor.", "{name} needs to be happy.", "{name} needs respite.",
         "{name} needs a parenting course.", "{name} needs drug treatment."]


def _rewrites(coach: Coach, case: Case, name: str, needs: list[str] = NEEDS) -> list[str]:
    """Every rewrite offered for ``name``'s ``needs`` (each a "{name} needs ..." wording)."""
    out: list[str] = []
    for need in needs:
        for finding in coach.check(need.format(name=name), holder=name, case=case).findings:
            out.extend(finding.suggestions)
    return out


def _case(story: str, *people: tuple[str, str, int | None, str]) -> Case:
    return Case(reference="T-C", story=story, people=[
        Person(id=f"p{n}", name=name, role=role, age=age, sex=sex)  # type: ignore[arg-type]
        for n, (name, role, age, sex) in enumerate(people)])


def test_a_childs_statement_about_her_mums_drinking_needs_the_mum_to_drink(
        coach: Coach) -> None:
    partner = _case("Wren (15) lives with her mum Odile and Odile's partner Brant. Brant "
                    "drinks heavily and there are arguments most nights.",
                    ("Wren", "child", 15, "female"), ("Odile", "mother", 40, "female"),
                    ("Brant", "stepparent", 44, "male"))
    mum = _case("Wren (15) lives with her mum Odile. Odile drinks heavily most nights.",
                ("Wren", "child", 15, "female"), ("Odile", "mother", 40, "female"))
    assert not [r for r in _rewrites(coach, partner, "Wren") if "drinking" in r]
    assert any("mum's drinking" in r or "mum has been drinking" in r
               for r in _rewrites(coach, mum, "Wren"))


def test_a_parents_statement_about_self_harm_needs_a_child_who_self_harms(
        coach: Coach) -> None:
    died = _case("Sella (11) lives with her grandfather Amos (70). Her mum died last year "
                 "of an overdose.", ("Sella", "child", 11, "female"),
                 ("Amos", "grandparent", 70, "male"))
    harms = _case("Sella (15) has been cutting herself. She lives with her grandfather Amos.",
                  ("Sella", "child", 15, "female"), ("Amos", "grandparent", 70, "male"))
    assert not [r for r in _rewrites(coach, died, "Amos") if "razors" in r or "cuts" in r]
    assert any("razors" in r or "cuts" in r for r in _rewrites(coach, harms, "Amos"))


def test_seeing_dad_is_offered_only_where_he_lives_apart(coach: Coach) -> None:
    with_dad = _case("Corin (9) lives with his dad Ivo after his parents separated. His mum "
                     "sees him at weekends.", ("Corin", "child", 9, "male"),
                     ("Ivo", "father", 39, "male"))
    dad_left = _case("Corin (9) lives with his mum Tess. He is angry since his dad left.",
                     ("Corin", "child", 9, "male"), ("Tess", "mother", 36, "female"))
    assert not [r for r in _rewrites(coach, with_dad, "Corin") if "see his dad" in r]
    assert any("see his dad" in r for r in _rewrites(coach, dad_left, "Corin"))


def test_a_named_substance_is_offered_only_where_the_story_names_it(coach: Coach) -> None:
    cannabis = _case("Rudi (4) lives with his mum Nell and his sister Pia (7). Nell smokes "
                     "cannabis every day.", ("Rudi", "child", 4, "male"),
                     ("Pia", "sibling", 7, "female"), ("Nell", "mother", 27, "female"))
    heroin = _case("Rudi (4) lives with his mum Nell and his sister Pia (7). Nell used heroin "
                   "and now takes methadone.", ("Rudi", "child", 4, "male"),
                   ("Pia", "sibling", 7, "female"), ("Nell", "mother", 27, "female"))
    assert not [r for r in _rewrites(coach, cannabis, "Nell") if "methadone" in r]
    assert any("methadone" in r for r in _rewrites(coach, heroin, "Nell"))


def test_a_young_carers_household_is_offered_only_where_a_child_cares(coach: Coach) -> None:
    kinship = _case("Vida (67) is the grandmother and kinship carer of Bryn (8) and Ola "
                    "(11). Their mother uses heroin and is in prison. Vida has arthritis and "
                    "finds the school runs hard.",
                    ("Vida", "grandparent", 67, "female"), ("Bryn", "child", 8, "male"),
                    ("Ola", "sibling", 11, "female"))
    assert not [r for r in _rewrites(coach, kinship, "Vida") if "do not have to" in r]
    carer = _case("Vida (45) has multiple sclerosis. Her son Bryn (12) is a young carer: he "
                  "does the shopping and cooking and looks after his sister Ola (8).",
                  ("Vida", "mother", 45, "female"), ("Bryn", "child", 12, "male"),
                  ("Ola", "sibling", 8, "female"))
    assert any("do not have to" in r for r in _rewrites(coach, carer, "Vida"))


def test_no_rewrite_is_offered_twice_for_one_statement(coach: Coach) -> None:
    # each finding keeps its own rewrites (JSON); the answer panel offers them once each
    from assistant.tui.widgets.coach import render_report, suggestions

    case = _case("Fenna (8) lives with her gran Ilse (67). Her mother uses drugs.",
                 ("Fenna", "child", 8, "female"), ("Ilse", "grandparent", 67, "female"))
    for name in ("Ilse", "Fenna"):
        text = f"{name} needs support."
        report = coach.check(text, holder=name, case=case)
        assert len(report.findings) >= 2, report.to_dict()
        pooled = suggestions(report.findings)
        assert pooled and len(pooled) == len(set(pooled)), pooled
        shown = render_report(text, report.findings, report).plain
        assert all(shown.count(r) == 1 for r in pooled), shown


def test_no_library_statement_names_another_persons_sex_it_cannot_know() -> None:
    # "her baby brother" assumed the baby a boy: the library speaks of "the baby"
    library = Library(CONTENT)
    for area in library.entries.values():
        for entry in area:
            assert "baby brother" not in entry.statement.text, entry.statement.text
            assert "baby sister" not in entry.statement.text, entry.statement.text


@pytest.mark.parametrize(("statement", "fact"), [
    ('{text: "{name} needs to hear from both parents that they love him.", '
     'presupposes: [mother]}', "father"),
    ('{text: "{name} needs to see her dad every week.", presupposes: [father]}',
     "father-apart"),
    # a child's household work ("{child} making tea alone") is a young carer's: the
    # owner check then names the child the story says does it
    ('{text: "{name} needs to see how drinking leaves {child} making tea alone.", '
     'holder: parent, presupposes: [cares-at-home, parent-drinking]}', "young-carer"),
    ('{text: "{name} needs to see how drinking leaves {child} looking after the younger '
     'children.", holder: parent, presupposes: [parent-drinking, siblings]}',
     "young-carer"),
    ('{text: "{name} needs to keep his methadone locked away.", holder: parent, '
     'presupposes: [parent-drugs]}', "parent-opiates"),
])
def test_a_statement_must_list_the_people_and_events_its_words_take_for_granted(
        tmp_path: Path, statement: str, fact: str) -> None:
    with pytest.raises(ContentError, match=fact):
        Library(_content_with(tmp_path, "extra.yml", AREA % statement))


def test_no_rewrite_says_what_another_sentence_of_the_answer_says(coach: Coach) -> None:
    case = _case("Marit (38) left her husband Olaf after he hit her. Her son Ansel is 14.",
                 ("Marit", "mother", 38, "female"), ("Ansel", "child", 14, "male"),
                 ("Olaf", "father", 41, "male"))
    alone = _rewrites(coach, case, "Marit")
    assert any("non-molestation order" in r for r in alone), alone
    report = coach.check("Marit needs counselling. She needs to know how to apply for a "
                         "non-molestation order.", holder="Marit", case=case)
    offered = [s for f in report.findings for s in f.suggestions]
    assert report.kinds == ["service"] and offered, report.to_dict()
    assert not [r for r in offered if "non-molestation order" in r], offered


def test_a_rewrite_sharing_a_telling_word_with_the_need_comes_first(coach: Coach) -> None:
    """A need that names a concrete thing ("a breakfast club place") is first offered the
    statement about that thing, ahead of the story's other areas; words most statements
    have ("needs", "a", "his") do not count as shared, so they cannot tie it with another
    (before, "a bed of his own" tied with breakfast on "needs" and "a", and won by file
    order)."""
    case = _case("Tyler (8) lives with his mum Kerry, who has been drinking since his dad "
                 "moved out. School say he arrives late and hungry and falls asleep in "
                 "class. The house is often cold.",
                 ("Tyler", "child", 8, "male"), ("Kerry", "mother", 34, "female"))
    first = coach.check("Tyler needs a breakfast club place.", holder="Tyler",
                        case=case).findings[0].suggestions
    assert first and "breakfast" in first[0]
    # without the telling word, the story's areas take turns as before: no breakfast first
    other = coach.check("Tyler needs counselling.", holder="Tyler",
                        case=case).findings[0].suggestions
    assert other and "breakfast" not in other[0]


def test_common_words_do_not_rank_rewrites(coach: Coach) -> None:
    """Each library entry keeps only words that tell statements apart: none that more
    than one statement in ten has, and no placeholder ("{name}" is not the word "name")."""
    entries = [e for found in coach.library.entries.values() for e in found]
    assert entries
    for word in ("needs", "to", "a", "his"):
        assert not any(word in e.words for e in entries), word
    assert any("breakfast" in e.words for e in entries)
    assert not any("name" in e.words for e in entries if "name" not in
                   e.statement.text.replace("{name}", ""))


# Found by walk8. Day-to-day care at home (getting the child up for school, bedtime, tea)
# is not offered to a parent the case shows lives apart from the child; the case records
# no address, so the story says it ("lives in Leeds", "sees her at weekends", "moved
# out"), and a parent at home in the same case is still offered it.

CARE = ("to bed", "for school", "to school by", "breakfast", "tea each day", "uniform",
        "each night", "mealtimes")
ROUTINE_NEEDS = ["{name} needs support with routines.", "{name} needs a parenting course.",
                 "{name} needs to engage with services.", "{name} needs support."]


def _daily_care(rewrites: list[str]) -> list[str]:
    return [r for r in rewrites if any(word in r for word in CARE)]


@pytest.mark.parametrize("story", [
    "Ayla (7) lives with her mum Bree. Her dad Cosmo lives in Hartlepool and Ayla sees dad "
    "in the holidays. Ayla is often late and tired at school.",
    "Ayla (7) is late and tired at school most days. She sees her dad Cosmo every other "
    "weekend; Bree does the school run.",
    "Ayla's father moved out in the spring. Ayla (7) is late and tired at school.",
])
def test_daily_care_is_not_offered_to_a_father_who_lives_apart(coach: Coach,
                                                                story: str) -> None:
    case = _case(story, ("Ayla", "child", 7, "female"), ("Bree", "mother", 30, "female"),
                 ("Cosmo", "father", 34, "male"))
    assert not _daily_care(_rewrites(coach, case, "Cosmo", ROUTINE_NEEDS))
    assert _daily_care(_rewrites(coach, case, "Bree", ROUTINE_NEEDS)), "the mother at home is"


def test_daily_care_is_offered_to_parents_at_home_and_not_to_a_mother_apart(
        coach: Coach) -> None:
    home = _case("Ayla (7) lives with her mum Bree and her dad Cosmo. She is late and tired "
                 "at school most days.", ("Ayla", "child", 7, "female"),
                 ("Bree", "mother", 30, "female"), ("Cosmo", "father", 34, "male"))
    assert _daily_care(_rewrites(coach, home, "Cosmo", ROUTINE_NEEDS))
    assert _daily_care(_rewrites(coach, home, "Bree", ROUTINE_NEEDS))
    apart = _case("Ayla (7) lives with her dad Cosmo; her mum Bree moved out last year. "
                  "Ayla is late and tired at school most days.",
                  ("Ayla", "child", 7, "female"), ("Bree", "mother", 30, "female"),
                  ("Cosmo", "father", 34, "male"))
    assert not _daily_care(_rewrites(coach, apart, "Bree", ROUTINE_NEEDS))
    assert _daily_care(_rewrites(coach, apart, "Cosmo", ROUTINE_NEEDS))


# Found walking the app (polish2): the living-apart check covered only parents by role, so
# a grandparent who "lives 10 mins away" was offered bedtimes. Any recorded adult the story
# says lives elsewhere, or who is of a role not taken to live with the child and whom no
# sentence says the child lives with, is offered no day-to-day care at home.

@pytest.mark.parametrize(("story", "role"), [
    ("Tia (9) lives with her mum Donna. Nan (Pat) lives 10 mins away. Tia is late and "
     "tired at school most days.", "grandparent"),
    ("Tia (9) lives with her mum Donna and is late and tired at school most days. Her "
     "auntie Pat lives round the corner.", "relative"),
    ("Tia (9) lives with her mum Donna and is late and tired at school most days. Pat "
     "helps out on Saturdays.", "grandparent"),
    ("Tia (9) is late and tired at school most days. Pat lives across town.", "carer"),
])
def test_daily_care_is_not_offered_to_any_adult_who_lives_apart(
        coach: Coach, story: str, role: str) -> None:
    case = _case(story, ("Tia", "child", 9, "female"), ("Donna", "mother", 33, "female"),
                 ("Pat", role, 66, "female"))
    assert not _daily_care(_rewrites(coach, case, "Pat", ROUTINE_NEEDS))
    assert _daily_care(_rewrites(coach, case, "Donna", ROUTINE_NEEDS)), "Mum at home is"


@pytest.mark.parametrize("story", [
    "Tia (9) lives with her nan Pat and is late and tired at school most days.",
    "Tia (9) lives with her mum Donna and her nan Pat. Tia is late and tired at school.",
    "Tia (9) has lived with Pat since May and is late and tired at school most days.",
    "Pat is Tia's special guardian. Tia (9) is late and tired at school most days.",
    "Tia (9) is late and tired at school most days. Her kinship carer is her nan Pat.",
])
def test_daily_care_is_offered_to_a_grandparent_the_child_lives_with(coach: Coach,
                                                                       story: str) -> None:
    case = _case(story, ("Tia", "child", 9, "female"), ("Donna", "mother", 33, "female"),
                 ("Pat", "grandparent", 66, "female"))
    assert _daily_care(_rewrites(coach, case, "Pat", ROUTINE_NEEDS))


# Found by walk8. Violence between adults ("the fighting between his parents", "the night
# of the fight") is taken for granted only where the story tells a violent act of an adult
# (or of someone the case does not record), not where a child hits or is violent.

FIGHT = ("fighting between", "the fight", "violence", "violent", "hurt mum")


@pytest.mark.parametrize("story", [
    "Rafi (9) hits his little sister Suri when he is cross and has kicked a boy at school.",
    "Rafi (9) can be violent towards his sister when he loses at games.",
    "Rafi (9) punched his sister Suri and pushed her over in the park.",
])
def test_a_childs_violence_brings_in_no_fight_between_the_parents(coach: Coach,
                                                                  story: str) -> None:
    case = _case(story, ("Rafi", "child", 9, "male"), ("Suri", "sibling", 5, "female"),
                 ("Nell", "mother", 35, "female"), ("Oren", "father", 37, "male"))
    assert "domestic-abuse" not in coach.library.family(case).facts  # type: ignore[union-attr]
    for name in ("Rafi", "Nell"):
        offered = _rewrites(coach, case, name)
        assert not [r for r in offered if any(w in r for w in FIGHT)], (name, offered)


@pytest.mark.parametrize("story", [
    "Rafi (9) was in the room when his dad pushed his mum against the door.",
    "Nell says Oren was violent to her last winter and Rafi (9) saw it.",
    "Rafi (9) told his teacher that dad hit mum.",
])
def test_an_adults_violence_in_the_story_brings_the_fight_statements(coach: Coach,
                                                                    story: str) -> None:
    case = _case(story, ("Rafi", "child", 9, "male"), ("Nell", "mother", 35, "female"),
                 ("Oren", "father", 37, "male"))
    assert "domestic-abuse" in coach.library.family(case).facts  # type: ignore[union-attr]


# Found by walk8: "Kerry needs to take her medication every morning as prescribed" was
# offered where the story says she is low and nothing of any medication.

@pytest.mark.parametrize(("story", "offered"), [
    ("Kerry has been low since the winter and sleeps in the day. Mila (2) hardly talks.",
     False),
    ("Kerry has been low since the winter; the GP has prescribed sertraline but she "
     "forgets it. Mila (2) hardly talks.", True),
])
def test_taking_medication_is_offered_only_where_the_story_tells_of_it(
        coach: Coach, story: str, offered: bool) -> None:
    case = _case(story, ("Mila", "child", 2, "female"), ("Kerry", "mother", 26, "female"))
    facts = coach.library.family(case).facts  # type: ignore[union-attr]
    assert ("parent-medication" in facts) is offered
    rewrites = [s for need in ("Kerry needs to engage with her GP about her low mood.",
                               "Kerry needs support with her mental health.")
                for f in coach.check(need, holder="Kerry", case=case).findings
                for s in f.suggestions]
    if not offered:
        assert not [r for r in rewrites if "medication" in r or "tablets" in r], rewrites


# Found walking the interview (lead). A child of nursery age may have a funded place to
# take up, but what happens AT nursery ("two-word phrases at nursery", "the picture cards
# ... as nursery does", "circle time") takes for granted that the child goes: only the
# story or the statement shows that, and not where it says the place is not taken up.

AT_NURSERY = ("at nursery", "nursery does", "circle time")
TALK_NEEDS = ["{name} needs speech and language therapy.", "{name} needs support.",
              "{name} needs to be referred to the speech and language service."]


@pytest.mark.parametrize("story", [
    "Juno (3) says only a few words. A nursery place was offered but Esme hasn't taken "
    "it up.",
    "Juno (3) has only a handful of words and is not going to playgroup any more.",
    "Juno is three and hardly talking. Esme says Juno doesnt go to nursery because of "
    "the bus fares.",
    "Juno (3) has very few words and is at home all day with Esme.",  # nursery not said
])
def test_what_happens_at_nursery_is_not_offered_where_the_child_does_not_go(
        coach: Coach, story: str) -> None:
    case = _case(story, ("Juno", "child", 3, "female"), ("Esme", "mother", 24, "female"))
    rewrites = [*_rewrites(coach, case, "Juno", TALK_NEEDS),
                *_rewrites(coach, case, "Esme", TALK_NEEDS)]
    assert rewrites, "the coach still offers rewrites"
    assert not [r for r in rewrites if any(words in r for words in AT_NURSERY)]


def test_what_happens_at_nursery_is_offered_where_the_story_says_the_child_goes(
        coach: Coach) -> None:
    case = _case("Juno (3) says only a few words. Nursery say she plays alone and points "
                 "for her drink.", ("Juno", "child", 3, "female"),
                 ("Esme", "mother", 24, "female"))
    rewrites = [*_rewrites(coach, case, "Juno", TALK_NEEDS),
                *_rewrites(coach, case, "Esme", TALK_NEEDS)]
    assert [r for r in rewrites if any(words in r for words in AT_NURSERY)]


# Found walking the app (polish2): a rewrite repeated a need the case already held word for
# word ("Tia needs someone she trusts to talk to about how things are at home", her Need 1).
# A statement the case has (any case, spacing, apostrophes and full stop aside) is never
# offered again; the others still are.

def test_a_rewrite_the_case_already_holds_is_not_offered_again(coach: Coach) -> None:
    story = ("Tia (9) lives with her mum Donna. Donna drinks and Tia is often late and "
             "tired at school.")
    people = (("Tia", "child", 9, "female"), ("Donna", "mother", 33, "female"))
    fresh = _case(story, *people)
    offered = _rewrites(coach, fresh, "Tia")
    assert offered, "the case without the need is offered rewrites"
    first = offered[0]
    held = _case(story, *people)
    held.needs = [Need(id="n1", holder="p0",
                       wording="  " + first.rstrip(".").upper().replace("'", "\u2019"))]
    again = _rewrites(coach, held, "Tia")
    assert first not in again
    assert again, "the rest are still offered"


# Found walking the app (polish2): rewrites carried details the story lacked ("settle to
# sleep in her own bed without an adult lying beside her" where the story says nothing of
# sleep, "after school" for a four-year-old at nursery, "his mum cannot leave the house"
# where she is depressed, "off school in the autumn"). A detail a statement assumes is a
# fact it lists (case-facts.yml), offered only where the story or the statement shows it.

_LIBRARY: list[Library] = []


def _picked(case: Case, holder: str, text: str) -> list[str]:
    if not _LIBRARY:
        _LIBRARY.append(Library(CONTENT))
    library = _LIBRARY[0]
    return library.pick(text, holder, family=library.family(case), limit=40)


_TIA = (("Tia", "child", 6, "female"), ("Donna", "mother", 33, "female"))


@pytest.mark.parametrize(("story", "detail", "offered"), [
    ("Tia (6) lives with her mum Donna and struggles with her reading at school.",
     "own bed", False),
    ("Tia (6) lives with her mum Donna. Tia still sleeps in her mum's bed every night.",
     "own bed", True),
    ("Tia (6) lives with her mum Donna. Tia won't settle unless Donna lies with her.",
     "own bed", True),
    ("Tia (6) lives with her mum Donna and struggles with her reading at school.",
     "nightmare", False),
    ("Tia (6) lives with her mum Donna. Tia has bad dreams most nights.", "nightmare", True),
])
def test_a_sleep_detail_is_offered_only_where_the_story_tells_it(
        story: str, detail: str, offered: bool) -> None:
    picked = _picked(_case(story, *_TIA), "Tia", "Tia needs a better bedtime routine.")
    assert picked, "the sleep area still has statements for her"
    assert any(detail in p for p in picked) == offered, picked


@pytest.mark.parametrize(("story", "offered"), [
    ("Mo (4) lives with his mum Donna and goes to nursery three days a week. Donna has "
     "been low.", False),
    ("Mo (4) lives with his mum Donna and started in reception at school this term. "
     "Donna has been low.", True),
])
def test_school_is_not_taken_for_granted_for_a_four_year_old_at_nursery(
        story: str, offered: bool) -> None:
    case = _case(story, ("Mo", "child", 4, "male"), ("Donna", "mother", 33, "female"))
    picked = _picked(case, "Donna", "Donna needs support.")
    assert any("school" in p for p in picked) == offered, picked


@pytest.mark.parametrize(("story", "offered"), [
    ("Jo (9) lives with his mum Donna, who has depression. Jo is worried about her.", False),
    ("Jo (9) lives with his mum Donna, who has agoraphobia. Jo is worried about her.", True),
    ("Jo (9) lives with his mum Donna, who is too anxious to leave the house.", True),
])
def test_a_parent_who_cannot_leave_the_house_is_taken_for_granted_only_where_told(
        story: str, offered: bool) -> None:
    case = _case(story, ("Jo", "child", 9, "male"), ("Donna", "mother", 33, "female"))
    picked = _picked(case, "Jo", "Jo needs support with his mum's mental health.")
    assert picked
    assert any("leave the house" in p for p in picked) == offered, picked


def test_no_library_statement_names_a_time_of_year_the_story_may_lack() -> None:
    # "off school in the autumn", "after the summer": a month, season or holiday is a
    # detail of one family's story, so the library names none
    library = Library(CONTENT)
    time = library.english.time
    words = {w.lower() for w in time.full_months} | {
        "spring", "summer", "autumn", "winter", "christmas", "easter", "half-term"}
    for area in library.entries.values():
        for entry in area:
            said = set(re.findall(r"[a-z-]+", entry.statement.text.lower()))
            assert not said & words, entry.statement.text


def test_a_childs_act_in_a_parents_rewrite_is_of_the_child_the_story_says_does_it(
        coach: Coach) -> None:
    """Found walking the app: a rewrite for a mother who drinks said "Ryan making tea
    alone" where the story says his sister Chloe cooks. A statement that says its child
    does the household's work takes a young carer for granted, so the child it names is
    the one the story says it of, and it is offered only where the story says so."""
    people = (("Dawn", "mother", 36, "female"), ("Ryan", "child", 9, "male"),
              ("Chloe", "sibling", 14, "female"))
    chloe = _case("Dawn drinks most evenings. Chloe cooks the tea for Ryan.", *people)
    offered = _rewrites(coach, chloe, "Dawn")
    assert not [r for r in offered if "Ryan making" in r or "Ryan looking" in r], offered
    nobody = _case("Dawn drinks most evenings. Ryan and Chloe go to Brook Lane school.",
                   *people)
    offered = _rewrites(coach, nobody, "Dawn")
    assert not [r for r in offered if "making tea alone" in r], offered


MOTHER_DIED = re.compile(r"(mum|mother)'s (grave|things)|(death of|miss(es)?|lost) (his|her|their) "
                         r"(mum|mother)")


def test_a_death_the_story_tells_of_an_adults_mother_is_not_the_childs(coach: Coach) -> None:
    """Found by the lead walking a case: "Jade was drinking again after her mum died" told
    the coach the child's mother had died, and it offered the child a visit to "their mum's
    grave" with his mother in the case. "her mum" (of the woman named before it) and
    "Isolde's dad" are an adult's family, not the child's: case-facts.yml ``kin`` facts."""
    adults = _case("Tobin (6) lives with his mum Isolde and her partner Garrick. Isolde "
                   "started drinking again after her mum died in the summer. Isolde's dad "
                   "died when she was a girl.", ("Tobin", "child", 6, "not recorded"),
                   ("Isolde", "mother", 27, "not recorded"),
                   ("Garrick", "stepparent", 31, "not recorded"))
    childs = _case("Tobin (6) lives with his nan Isolde. His mum died in the summer.",
                   ("Tobin", "child", 6, "not recorded"),
                   ("Isolde", "grandparent", 58, "female"))
    offered = _rewrites(coach, adults, "Tobin")
    assert offered and not [r for r in offered if MOTHER_DIED.search(r) or re.search(
        r"(dad|father)'s (grave|things)|death of (his|her|their) (dad|father)", r)], offered
    assert any(MOTHER_DIED.search(r) for r in _rewrites(coach, childs, "Tobin"))


def test_a_rewrite_takes_for_granted_neither_the_holders_sex_nor_an_illness(
        coach: Coach) -> None:
    """Found by the lead reading the rewrites for five invented families: a girl of 9 who
    is angry at school was offered "... when other boys try to start a fight", and a
    mother whose flat is damp "how the damp in the bedroom is making the baby's chest
    worse", an illness the story does not tell. The statements now say only what the
    case shows (library content)."""
    girl = _case("Ysolde (9) lives with her gran Maud. Ysolde is angry at school and hits "
                 "out at other children.", ("Ysolde", "child", 9, "female"),
                 ("Maud", "grandparent", 66, "female"))
    damp = _case("Ottilie (19) lives with her son Bram (8 months) in a flat with damp and "
                 "mould.", ("Ottilie", "mother", 19, "female"), ("Bram", "child", 0, "male"))
    offered = _rewrites(coach, girl, "Ysolde")
    assert offered and not [r for r in offered if re.search(r"\bother boys\b", r)], offered
    damp_rewrites = _rewrites(coach, damp, "Ottilie")
    assert any("damp" in r for r in damp_rewrites), damp_rewrites
    assert not [r for r in damp_rewrites if re.search(r"chest|worse", r)], damp_rewrites
