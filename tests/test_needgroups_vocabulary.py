"""Need Group vocabulary holds on words written another way (issue 10, points 5 and 6):
inflected and derived forms of a term match even where the tagger's lemma differs,
American spellings read as the British ones the terms use, and a word with two meanings
goes to the theme its place in the need says (whom it is about). Real spaCy pipeline, the
real framework files; every check can fail.
"""

from __future__ import annotations

import pytest
import yaml

from assistant.content import Content, ContentError
from assistant.needgroups import Suggester, load_themes
from tests.helpers import CONTENT, theme_of

THEMES = load_themes(CONTENT)


def test_vocabulary_loads_with_spellings_endings_and_two_meaning_terms() -> None:
    assert THEMES.spellings["behavior"] == "behaviour"
    assert "ing" in THEMES.endings
    carer = THEMES.get("young-carer")
    assert carer is not None and "look after" in carer.about_terms["child"]
    assert "look after" not in carer.terms  # counted only when a child does it


def test_forms_of_a_term_are_generated_once(suggester: Suggester) -> None:
    forms = {f[-1] for f in suggester._forms(("hoard",), THEMES.endings)}
    assert {"hoard", "hoards", "hoarded", "hoarding"} <= forms
    assert "bathing" in {f[-1] for f in suggester._forms(("bathe",), THEMES.endings)}
    assert "stopping" in {f[-1] for f in suggester._forms(("stop",), THEMES.endings)}
    assert "worries" in {f[-1] for f in suggester._forms(("worry",), THEMES.endings)}
    # Only the last word of a phrase is inflected.
    assert ("take", "turns") in suggester._forms(("take", "turn"), THEMES.endings)


@pytest.mark.parametrize(("text", "theme"), [
    # Inflected or derived forms of listed terms.
    ("Father needs to stop hoarding rubbish in the children's bedrooms.", "basic-care"),
    ("Mother needs to stop belittling Child 2 in front of her friends.", "parenting-boundaries"),
    # American spellings of listed terms.
    ("Child 1 needs his behavior at lunchtime to improve so that he is not sent home.",
     "behaviour"),
    ("The baby needs her diaper changed often enough that she does not get sores.",
     "basic-care"),
    ("The family needs a home without mold on the bedroom walls.", "housing-money"),
])
def test_other_forms_and_spellings_match(suggester: Suggester, text: str, theme: str) -> None:
    assert theme_of(suggester, text) == theme


@pytest.mark.parametrize(("text", "theme"), [
    # "look after": a child's caring is a young carer's, a parent's is basic care.
    ("Child 1 needs to stop looking after his little brother every night.", "young-carer"),
    ("Mother needs to look after the baby without falling asleep on the sofa.", "basic-care"),
    # "work": a child's is school work, a parent's is employment.
    ("Child 2 needs to finish his work in lessons without leaving the room.",
     "school-learning"),
    ("Father needs to find work so that the family can pay for food.", "housing-money"),
])
def test_a_two_meaning_word_goes_by_whom_it_is_about(
        suggester: Suggester, text: str, theme: str) -> None:
    assert theme_of(suggester, text) == theme


@pytest.mark.parametrize(("text", "theme"), [
    # American forms no one listed, read by the spelling patterns.
    ("Child 1 needs to stop vandalizing the bus shelters on his street.", "behaviour"),
    ("Child 1 needs to be washed often enough that she has no body odor.", "basic-care"),
])
def test_american_forms_by_pattern_match(suggester: Suggester, text: str, theme: str) -> None:
    assert theme_of(suggester, text) == theme


def test_spelling_patterns_map_only_forms_that_are_not_words_of_the_terms() -> None:
    found = THEMES.pattern_spellings({"vandalise", "centre", "center", "paediatric"})
    assert found["vandalize"] == "vandalise"
    assert found["pediatric"] == "paediatric"
    assert "center" not in found  # a term word itself is never read as another


def test_bad_spellings_or_endings_are_refused(tmp_path) -> None:  # type: ignore[no-untyped-def]
    source = (CONTENT.default / "framework" / "themes.yml").read_text(encoding="utf-8")
    data = yaml.safe_load(source)
    for key, value, said in (("spellings", {"Behavior": "behaviour"}, "spellings"),
                             ("endings", ["-ing"], "endings"),
                             ("spelling_endings", {"ISE": "ize"}, "spelling_endings"),
                             ("unplaced", dict(data["unplaced"], vague="{what.x}"),
                              "unplaced.vague")):
        broken = dict(data, **{key: value})
        folder = tmp_path / key / "framework"
        folder.mkdir(parents=True)
        (folder / "themes.yml").write_text(yaml.safe_dump(broken), encoding="utf-8")
        with pytest.raises(ContentError, match=said):
            load_themes(Content(tmp_path / key))


# --- vocabulary from published taxonomies and children's-services shorthand ------------
# (CIN census factors, threshold indicators, SEND areas of need, glossaries of shorthand).
# The statements below are written for these tests and appear in no eval set.

@pytest.mark.parametrize("text", [
    # A plan, a therapy, a professional or an assessment named by its shorthand is what the
    # need asks for: no theme, whatever the shorthand stands for.
    "Kayden needs a PEP.",
    "Child 1 needs CBT.",
    "Mum needs an ISVA.",
    "Child 2 needs an IHA.",
    "Mum needs an ADOS for Child 1.",
    "Child 2 needs help with her SEMH.",
])
def test_shorthand_for_a_service_or_assessment_gets_no_theme(
        suggester: Suggester, text: str) -> None:
    assert theme_of(suggester, text) is None


@pytest.mark.parametrize(("text", "theme"), [
    # Shorthand for a harm, a condition or a status says what the need is about.
    ("Child 1 is at risk of CE through the boys at the bus station.", "exploitation-missing"),
    ("Child 2 has EBSA and stays in her room on school mornings.", "school-learning"),
    ("Mohammed is a UASC and has no one here who speaks his language.", "identity-belonging"),
    ("Child 1 has HSB and has touched younger children at school.", "behaviour"),
    ("Child 1 has GDD and is not yet walking at two.", "development-communication"),
    # A child's SEMH is the child's emotional wellbeing, not a parent's mental health.
    ("Child 1 has SEMH needs and hides under the table when the class gets loud.",
     "emotional-wellbeing"),
    # A specific need that mentions a service by its shorthand keeps its theme.
    ("Mum needs to be able to tell her IDVA when her ex-partner breaks his bail conditions.",
     "domestic-abuse"),
])
def test_shorthand_for_what_the_need_is_about_picks_its_theme(
        suggester: Suggester, text: str, theme: str) -> None:
    assert theme_of(suggester, text) == theme


@pytest.mark.parametrize(("text", "theme"), [
    # Everyday drug words and the names of psychiatric medicines.
    ("Father needs to stay off the skunk when the children are at home.", "substance-misuse"),
    ("Mum needs to stop buying benzos off the internet.", "substance-misuse"),
    ("Mum needs to keep taking her sertraline so that her moods stay level.",
     "parental-mental-health"),
    # Published signs of coercive control, and an adult acting against a parent.
    ("Mum's partner needs to stop monitoring her phone and her movements.", "domestic-abuse"),
    ("Father needs to stop blackmailing Mum with her private photos.", "domestic-abuse"),
    ("Dad needs to stop mocking Mum in front of the children.", "domestic-abuse"),
    # Emotional harm by a parent: what a parent does to a child.
    ("Father needs to stop comparing Child 2 with her clever sister.", "parenting-boundaries"),
    ("Dad needs to stop teasing Child 1 about his weight.", "parenting-boundaries"),
    ("Dad needs to stop being so overprotective that Child 1 is never allowed to play "
     "outside.", "parenting-boundaries"),
    # Parental conflict, private fostering (a CIN census factor).
    ("Child 1 needs to stop being used as a go-between by his parents.",
     "family-relationships"),
    ("Child 2 has lived with a family friend under a private fostering arrangement since "
     "March.", "family-relationships"),
    # Radicalisation and unsafe adults; an American spelling of a listed term.
    ("Child 2 needs to understand how the men online radicalized her.",
     "exploitation-missing"),
    ("Child 2 needs to stop getting lifts from a registered sex offender.",
     "exploitation-missing"),
    # A language is heritage, not speech development.
    ("Sami needs to be able to speak Pashto with someone every week.", "identity-belonging"),
    # A child's own mental health is their emotional wellbeing.
    ("Child 1 needs to be able to talk about her mental health with her teacher.",
     "emotional-wellbeing"),
    # Derived forms the endings do not make; independence skills; a parent's limit.
    ("Child 2 shows significant behavioural difficulties at home.", "behaviour"),
    ("Child 1 needs to learn to cook for himself before he moves into his own flat.",
     "development-communication"),
    ("Mum needs to say no to Child 2 when he demands sweets at the shop.",
     "parenting-boundaries"),
    # Assessment Framework dimensions, neglect types and words with a negating prefix.
    ("There is a lack of stimulation at home and Child 1 has few toys.",
     "development-communication"),
    ("Child 1 is disrespectful and disobedient at home.", "behaviour"),
    ("The house is unsanitary and unfit for habitation.", "housing-money"),
    ("Child 1 has sent indecent images to a man she met online.", "exploitation-missing"),
])
def test_vocabulary_from_published_lists_picks_its_theme(
        suggester: Suggester, text: str, theme: str) -> None:
    assert theme_of(suggester, text) == theme


@pytest.mark.parametrize(("text", "not_theme"), [
    # "make fun of" is a parent ridiculing a child; making fun games is not.
    ("Mum needs to make fun games for Child 1 at bath time.", "parenting-boundaries"),
    # Ridiculing counts as parenting only when a parent does it.
    ("Child 2 needs to stop ridiculing the new boy in her class.", "parenting-boundaries"),
    # Acts against a parent are domestic abuse; the same act against a child is not.
    ("Child 1 needs to stop older boys blackmailing him into carrying knives.",
     "domestic-abuse"),
    # SEMH spelled out names mental health, but a child's, not a parent's.
    ("Child 1 has SEMH needs and hides under the table when the class gets loud.",
     "parental-mental-health"),
    # A child saying no is refusing, not setting a limit.
    ("Child 1 needs to be able to say no when lads at the park ask him to hold a bag for "
     "them.", "parenting-boundaries"),
    # LAC is a status (a child in care), not someone looking after a child.
    ("Child 2 is a CLA and is moving to a new school.", "young-carer"),
    ("Child 2 is a CLA and is moving to a new school.", "basic-care"),
    # Words left out of the lists because everyday needs use them otherwise.
    ("Mum needs to learn the basics of budgeting.", "basic-care"),
    ("Child 1's school shoes are too small and let in the rain.", "housing-money"),
])
def test_new_vocabulary_does_not_pick_a_theme_it_does_not_mean(
        suggester: Suggester, text: str, not_theme: str) -> None:
    assert theme_of(suggester, text) != not_theme


def test_short_shorthand_is_spelled_out_only_as_written() -> None:
    from assistant.shorthand import load_shorthand

    shorthand = load_shorthand(CONTENT)
    expanded, spans = shorthand.expand("Child 1 is at risk of CE and has EBSA.")
    assert "criminal exploitation" in expanded
    assert "emotionally based school avoidance" in expanded
    assert [s.kind for s in spans] == ["term", "term"]
    # Two letters in lower case are ordinary text ("ld", "pd"), never shorthand.
    assert shorthand.expand("the ld and pd files")[1] == []
    # Services and assessments say so, so a need worded as one gets no theme.
    kinds = {t.short: t.kind for t in shorthand.terms}
    assert kinds["PEP"] == kinds["CBT"] == kinds["ISVA"] == "service"
    assert kinds["IHA"] == kinds["ADOS"] == "assessment"


@pytest.mark.parametrize(("text", "theme"), [
    # Street names for drugs and drinking slang, as plans quote them (each found no
    # theme word, or a general one, before they were listed).
    ("Dad was legless when he picked the twins up from nursery.", "substance-misuse"),
    ("Mum needs to stop taking xanax that she buys online.", "substance-misuse"),
    ("Dad needs to keep his spliffs and grinder out of the toddler's reach.",
     "substance-misuse"),
    # County lines and exploitation slang.
    ("Tyrese needs to stop shotting in the park after school.", "exploitation-missing"),
    ("Kelvin was found at a bando two towns away.", "exploitation-missing"),
    ("Demi needs to stop meeting the sugar daddy who pays for her nails.",
     "exploitation-missing"),
])
def test_drug_and_exploitation_slang(suggester: Suggester, text: str, theme: str) -> None:
    assert theme_of(suggester, text) == theme


# --- words that read as another theme's word, and instruments that are no need ----------
# Written for these tests (no dev row says them); each "must fail" wording is the class the
# change is about, each "must pass" the reading that has to stay.

@pytest.mark.parametrize(("text", "theme"), [
    # "race" is someone's race: a form of the verb is not ethnicity ("racing").
    ("Dad needs to tell someone when he has racing thoughts at night.",
     "parental-mental-health"),
    ("Mum needs to recognise when her mind is racing and ring the crisis line.",
     "parental-mental-health"),
    ("Amir needs to stop being picked on because of his race.", "identity-belonging"),
    ("Priya needs to be treated with respect whatever her race.", "identity-belonging"),
    # A child left to set their own limits is the parent's boundaries; staying out
    # overnight with no one knowing where is going missing.
    ("Dad lets Ryan stay out as late as he wants on school nights.",
     "parenting-boundaries"),
    ("Mum needs to stop leaving Zara to come home whenever she likes.",
     "parenting-boundaries"),
    ("Kai stays out overnight and nobody knows where he sleeps.", "exploitation-missing"),
    # How a baby is laid to sleep, and an adult asleep with one, is safe sleep (basic
    # care), not health; a child with no bed of his own is housing.
    ("Baby Ezra needs to sleep on his back in a cot of his own.", "basic-care"),
    ("Dad needs to stop falling asleep on the sofa with the baby on his chest.",
     "basic-care"),
    ("Jordan needs a bed of his own instead of sleeping on the sofa at his nan's.",
     "housing-money"),
])
def test_a_word_read_as_another_themes_goes_where_the_need_says(
        suggester: Suggester, text: str, theme: str) -> None:
    assert theme_of(suggester, text) == theme


def test_a_bare_form_of_race_names_no_theme(suggester: Suggester) -> None:
    (got,) = suggester.suggest(["Callum needs to stop racing his bike on the main road."])
    assert got.theme != "identity-belonging"
    assert "racing" not in got.reason


@pytest.mark.parametrize("text", [
    "A parenting order for Mr Jones.",
    "A staying put arrangement with her carers until she turns 21.",
    "A parenting contract about Leo's lateness.",
])
def test_an_order_or_agreement_is_worded_as_a_service(suggester: Suggester,
                                                      text: str) -> None:
    (got,) = suggester.suggest([text])
    assert got.theme is None and got.reason.startswith("worded as a service")


@pytest.mark.parametrize(("text", "theme"), [
    # a need that only mentions the agreement, or staying where one is, is still placed
    ("Ella needs to stay put in her placement until her exams are over.",
     "school-learning"),
    ("Mum needs to keep to the parenting contract she signed with the school.",
     "parenting-boundaries"),
])
def test_a_need_that_mentions_an_agreement_is_still_placed(
        suggester: Suggester, text: str, theme: str) -> None:
    assert theme_of(suggester, text) == theme
