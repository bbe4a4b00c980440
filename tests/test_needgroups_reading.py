"""Need Groups read a need the way the coach does (issue 10, point 5): by its holder and the
head of what is needed, not by a word anywhere in the sentence; a need worded as a service,
an assessment or an aim gets no theme and a reason that asks for the need behind it;
shorthand is understood. Real spaCy pipeline, the real framework files.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from assistant.content import Content, ContentError
from assistant.needgroups import Suggester, load_themes
from assistant.needgroups.evaluate import is_heldout, read_set
from assistant.needgroups.suggest import coach_kinds
from assistant.shorthand import Shorthand, load_shorthand
from assistant.wording import Coach
from tests.helpers import CONTENT, theme_of

ROOT = Path(__file__).resolve().parent.parent
THEMES = load_themes(CONTENT)


@pytest.mark.parametrize(("text", "wrong", "right"), [
    # The faults the issue names: a word anywhere in the sentence decided the theme.
    ("Child 2 needs to be able to ask for a drink using words at nursery.",
     "substance-misuse", "development-communication"),
    ("Mother needs to understand why Child 1 is self-harming.",
     "parental-mental-health", "emotional-wellbeing"),
    # The same class in words the issue does not use.
    ("Child 1 needs to be able to ask for a glass of milk by pointing to a picture card.",
     "substance-misuse", "development-communication"),
    ("Father needs to understand why his son keeps cutting himself.",
     "parental-mental-health", "emotional-wellbeing"),
    ("Child 3 needs to stop drinking fizzy drinks at bedtime so that his teeth stop hurting.",
     "substance-misuse", None),
])
def test_a_word_about_someone_else_does_not_decide_the_theme(
        suggester: Suggester, text: str, wrong: str, right: str | None) -> None:
    got = theme_of(suggester, text)
    assert got != wrong
    if right:
        assert got == right


@pytest.mark.parametrize(("text", "theme"), [
    ("Child 1 needs to understand that his dad's drinking is an illness.", "substance-misuse"),
    ("Child 2 needs to know that Mum stays in bed because she is depressed.",
     "parental-mental-health"),
    ("Mother needs to stop drinking before the school run.", "substance-misuse"),
])
def test_a_parents_difficulty_is_read_through_the_childs_need(
        suggester: Suggester, text: str, theme: str) -> None:
    assert theme_of(suggester, text) == theme


@pytest.mark.parametrize(("text", "kind"), [
    ("Child 1 needs anger management.", "service"),
    ("Child 2 needs a referral to the Brightwater youth project.", "service"),
    ("Mother needs to attend a parenting course.", "service"),
    ("Child 3 needs a paediatric assessment.", "assessment"),
    ("Child 1 needs to be safe.", "aim for every child"),
    ("Child 2 needs an EHCP.", "service"),
    ("Mum needs CAMHS.", "service"),
])
def test_a_need_worded_as_a_service_assessment_or_aim_gets_no_theme(
        suggester: Suggester, text: str, kind: str) -> None:
    (suggestion,) = suggester.suggest([text])
    assert suggestion.theme is None, suggestion.reason
    assert kind in suggestion.reason
    assert "ask" in suggestion.reason


@pytest.mark.parametrize(("text", "quoted"), [
    ("Child 1 needs a LAC review.", "'a LAC review'"),
    ("Mum needs CIN support.", "'CIN support'"),
    ("Kai needs a CAMHS referral.", "'a CAMHS referral'"),
])
def test_the_reason_quotes_the_need_as_written_with_its_shorthand(
        suggester: Suggester, coach: Coach, text: str, quoted: str) -> None:
    """Shorthand is spelled out to read the need; the group is shown the worker's words
    (with the coach's kinds, as ``audit suggest`` reads them)."""
    (suggestion,) = suggester.suggest([text], [coach_kinds(coach, [text])[text]])
    assert suggestion.theme is None
    assert quoted in suggestion.reason


def test_a_specific_need_that_mentions_a_service_still_gets_its_theme(
        suggester: Suggester) -> None:
    text = ("Child 1 needs to understand what happens at her CAMHS appointments so that she "
            "is not frightened.")
    assert theme_of(suggester, text) in ("emotional-wellbeing", "health-disability")


@pytest.mark.parametrize(("text", "theme"), [
    ("Mother needs to understand the impact of DV on the children.", "domestic-abuse"),
    ("Child 1 needs to understand the risks of CSE.", "exploitation-missing"),
    ("Mum needs to recognise how her PMH affects Child 2's sleep.", "parental-mental-health"),
])
def test_shorthand_is_understood(suggester: Suggester, text: str, theme: str) -> None:
    assert theme_of(suggester, text) == theme


def test_shorthand_is_spelled_out_as_a_whole_word_only() -> None:
    shorthand = load_shorthand(CONTENT)
    text, spans = shorthand.expand("Mum needs DV support and camhs; Dad is in the daytime.")
    assert text == ("Mum needs domestic violence support and child and adolescent mental "
                    "health services; Dad is in the daytime.")
    assert [(s.short, s.kind) for s in spans] == [("DV", "term"), ("camhs", "service")]
    assert text[spans[0].start:spans[0].end] == "domestic violence"
    # Two-letter shorthand only as written: "da" in prose is not domestic abuse.
    assert shorthand.expand("we da best")[0] == "we da best"


def test_a_shorthand_file_with_a_repeat_or_a_bad_kind_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="listed twice"):
        Shorthand.model_validate({"terms": [{"short": "DV", "means": "domestic violence"},
                                            {"short": "dv", "means": "dark vans"}]})
    (tmp_path / "framework").mkdir()
    (tmp_path / "framework" / "shorthand.yml").write_text(
        "terms:\n  - {short: DV, means: domestic violence, kind: charm}\n", encoding="utf-8")
    with pytest.raises(ContentError, match=r"shorthand\.yml:2"):
        load_shorthand(Content(tmp_path))


def test_themes_refuse_a_general_word_no_theme_lists(tmp_path: Path) -> None:
    text = (ROOT / "framework" / "themes.yml").read_text(encoding="utf-8")
    (tmp_path / "framework").mkdir()
    (tmp_path / "framework" / "themes.yml").write_text(
        text.replace("general: [talk,", "general: [zebra, talk,"), encoding="utf-8")
    with pytest.raises(ContentError, match="zebra"):
        load_themes(Content(tmp_path))


def test_audit_suggest_json_gives_null_and_a_reason(tmp_path: Path) -> None:
    form = json.loads((ROOT / "tests" / "golden" / "needgroups" / "forms.json")
                      .read_text(encoding="utf-8"))[3]
    form["case_reference"] = "AUD-9"
    form["needs"] = [
        {**form["needs"][0], "wording": "Child 1 needs anger management.", "services": []},
        {**form["needs"][0], "wording": "Child 1 needs to stop hitting his sister when he "
                                        "is told no.", "services": []}]
    forms = tmp_path / "forms.json"
    forms.write_text(json.dumps([form]), encoding="utf-8")
    env = {"NEEDS_LED_DB": str(tmp_path / "a.db")}

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        import os

        return subprocess.run([sys.executable, "-m", "assistant", *args], cwd=ROOT,
                              capture_output=True, text=True, env={**os.environ, **env},
                              timeout=300)

    assert run("audit", "new", "S").returncode == 0
    added = run("audit", "add", "S", str(forms))
    assert added.returncode == 0, added.stderr
    result = run("audit", "suggest", "S", "--json")
    assert result.returncode == 0, result.stderr
    rows = {r["wording"]: r for r in map(json.loads, result.stdout.splitlines())}
    anger = rows["Child 1 needs anger management."]
    assert anger["theme"] is None and "need behind it" in anger["reason"]
    assert rows["Child 1 needs to stop hitting his sister when he is told no."]["theme"] == \
        "behaviour"


def test_the_labelled_set_is_well_formed_and_split_by_hash() -> None:
    total = 0
    for part in ("dev", "heldout"):
        rows = read_set(ROOT / "eval" / part / "needgroups.jsonl", THEMES)
        total += len(rows)
        assert all(is_heldout(r["text"]) == (part == "heldout") for r in rows)
        assert all(r["src"] for r in rows)
    assert total >= 120
    examples = {e for t in THEMES.themes for e in t.examples}
    for part in ("dev", "heldout"):
        texts = [r["text"] for r in read_set(ROOT / "eval" / part / "needgroups.jsonl",
                                             THEMES)]
        assert not set(texts) & examples, "a themes.yml example is not a test of anything"
        assert len(texts) == len(set(texts))


# --- who does what to whom, whose words, and which words are context -------------------
# Wordings in no themes.yml example and in no labelled row: the class, not the examples.


@pytest.mark.parametrize(("text", "theme"), [
    # An adult harming or controlling a parent is domestic abuse, whoever holds the need
    # and whatever the verb's own theme words say.
    ("Stepdad needs to stop pushing Mum against the wall.", "domestic-abuse"),
    ("Child 2 needs to know that it is not her fault when Dad grabs Mum by the hair.",
     "domestic-abuse"),
    ("Stepdad needs to stop swearing at and intimidating Mum when the children are in bed.",
     "domestic-abuse"),
    # The same verbs done by the child who holds the need are the child's behaviour...
    ("Child 2 needs to stop pushing his brother down the stairs.", "behaviour"),
    ("Child 2 needs to stop swearing at the dinner staff.", "behaviour"),
    # ...and done by a parent to a child, how the parent handles the child.
    ("Dad needs to stop smacking Child 1 when he wets himself.", "parenting-boundaries"),
    # A child washing, feeding or giving medicine to a parent or a sibling: a young carer,
    # though the words name a medicine or a bath.
    ("Child 1 needs to stop giving his mum her insulin before school.", "young-carer"),
    ("Child 1 needs to stop bathing his little sister every night.", "young-carer"),
    ("Child 3 needs to help her mum get up and dressed less often.", "young-carer"),
])
def test_who_does_what_to_whom_decides_the_theme(
        suggester: Suggester, text: str, theme: str) -> None:
    (suggestion,) = suggester.suggest([text])
    assert suggestion.theme == theme, suggestion.reason


def test_an_act_done_to_the_holder_is_not_the_holder_caring(suggester: Suggester) -> None:
    # The teachers give to the child who holds the need: no child cares for anyone here.
    text = "Child 3 needs his teachers to give him extra time in tests."
    (analysis,) = suggester.analyzer.read([text])
    assert ("c", "p") not in {(by, on) for _, by, on in analysis.acts}
    assert theme_of(suggester, text) == "school-learning"


@pytest.mark.parametrize(("text", "theme"), [
    # A pronoun subject says whom by itself: "he" is Mum's son, so the meltdown is the
    # child's, not a parent's difficulty. Its own theme is behaviour; a parent's way of
    # handling a child's temper is parenting in the labels (eval/dev: "Dad needs to manage
    # Caleb's temper without smacking him"), which the model retrained on 3,122 rows reads
    # here: either says the meltdown is the child's.
    ("Mum needs to learn how to calm Child 1 down when he has a meltdown.",
     "behaviour|parenting-boundaries"),
    # Places, people and everyday objects are context: the difficulty decides.
    ("Child 1 needs to be able to breathe slowly when she starts to panic in the classroom.",
     "emotional-wellbeing"),
    ("Mum needs to know where Child 2 goes after school and who he is with.",
     "exploitation-missing"),
    ("Mum needs to get the gas meter topped up so that the house is warm.", "housing-money"),
])
def test_the_difficulty_decides_not_the_place_or_the_people(
        suggester: Suggester, text: str, theme: str) -> None:
    (suggestion,) = suggester.suggest([text])
    assert suggestion.theme in theme.split("|"), suggestion.reason


@pytest.mark.parametrize(("text", "theme"), [
    ("Mum needs to understand how her son's SLCN affects his friendships.",
     "development-communication"),
    ("Child 3 needs to stay away from the man named in the DVPO.", "domestic-abuse"),
    ("Child 1 needs to know that her mum's PIP will not stop if she goes to college.",
     "housing-money"),
])
def test_more_shorthand_is_understood(suggester: Suggester, text: str, theme: str) -> None:
    assert theme_of(suggester, text) == theme


@pytest.mark.parametrize("text", ["Child 1 needs an ELSA.", "Mum needs a FGC.",
                                  "Child 2 needs an EWO."])
def test_shorthand_for_a_service_gets_no_theme(suggester: Suggester, text: str) -> None:
    (suggestion,) = suggester.suggest([text])
    assert suggestion.theme is None and "service" in suggestion.reason, suggestion.reason


def test_act_rules_are_data_and_checked_on_load(tmp_path: Path) -> None:
    text = (ROOT / "framework" / "themes.yml").read_text(encoding="utf-8")
    assert "    acts:\n" in text
    (tmp_path / "framework").mkdir()
    (tmp_path / "framework" / "themes.yml").write_text(
        text.replace("        by: [parent, other]\n", "        by: [neighbour]\n", 1),
        encoding="utf-8")
    with pytest.raises(ContentError, match=r"themes\.yml:\d+"):
        load_themes(Content(tmp_path))


def test_an_analysis_keeps_its_acts_through_storage(suggester: Suggester) -> None:
    from assistant.needgroups.suggest import decode

    (analysis,) = suggester.analyzer.read(["Stepdad needs to stop pushing Mum."])
    assert analysis.acts and decode(analysis.encode()).acts == analysis.acts
    # A stored analysis from before acts were read still decodes, with none.
    old = json.loads(analysis.encode())
    del old["a"]
    assert decode(json.dumps(old)).acts == []


# --- where a word sits: what must change, or an adjunct (setting, time, reason...) --------
# The structure is read from the parse, so made-up words show it: no list knows them.


@pytest.mark.parametrize(("text", "word", "part"), [
    ("Child 1 needs to florp the wibbet before she starts blorking.", "blorking", "time"),
    ("Child 1 needs to florp the wibbet at the glimmery.", "glimmery", "place"),
    ("Child 1 needs to florp the wibbet so that she can blork.", "blork", "result"),
    ("Child 1 needs to florp the wibbet despite her zindle.", "zindle", "concession"),
    ("Child 1 needs to florp the wibbet without grobbling.", "grobbling", "without"),
    # "Instead of", "rather than": what happens now, wherever it sits.
    ("Child 1 needs to florp the wibbet instead of grobbling.", "grobbling", "instead"),
    ("Child 1 needs time to florp rather than grobbling his sister.", "grobbling", "instead"),
    ("Child 1 needs to florp the wibbet because she is quabby.", "quabby", "reason"),
    ("Child 1 needs to florp the wibbet for ten minutes.", "minutes", "time"),
    ("Child 1 needs to florp the wibbet before she starts blorking.", "wibbet", ""),
    # After a verb of being somewhere, the place is what is needed: where the holder is
    # to be ("be at school by 8.45"), or where something is kept.
    ("Child 1 needs to be in the glimmery every day.", "glimmery", "where"),
    ("Mum needs to keep the wibbets in the glimmery.", "glimmery", ""),
])
def test_each_word_knows_its_place_in_the_need(
        suggester: Suggester, text: str, word: str, part: str) -> None:
    (analysis,) = suggester.analyzer.read([text])
    (token,) = [t for t in analysis.tokens if t[0] == word]
    assert token[4] == part, analysis.tokens


@pytest.mark.parametrize(("text", "theme"), [
    # A setting or a time from another theme does not decide: what must change does.
    ("Child 1 needs to be toilet trained before she starts school.",
     "development-communication"),
    ("Child 2 needs to be able to use the toilet by himself at nursery.",
     "development-communication"),
    ("Child 3 needs to have his immunisations done before he starts school.",
     "health-disability"),
    # ...but a difficulty in an adjunct still speaks: what is going wrong instead.
    ("Mum needs to be able to drive the children to nursery without her ex-partner "
     "following her.", "domestic-abuse"),
    ("Child 2 needs to hand in her homework instead of spending her evenings giving her dad his "
     "tablets.", "young-carer"),
])
def test_settings_and_times_count_less_than_what_must_change(
        suggester: Suggester, text: str, theme: str) -> None:
    (suggestion,) = suggester.suggest([text])
    assert suggestion.theme == theme, suggestion.reason


def test_a_need_held_by_a_child_and_a_parent_together_is_about_their_relationship(
        suggester: Suggester) -> None:
    (analysis,) = suggester.analyzer.read(["Dad and Zorba need to glimble again."])
    assert analysis.joint
    assert theme_of(suggester, "Dad and Priya need to talk again after a long silence.") \
        == "family-relationships"
    # Two parents together are not a relationship need by that alone.
    (analysis,) = suggester.analyzer.read(["Mum and her partner need to glimble again."])
    assert not analysis.joint
    assert theme_of(suggester, "Mum and her partner need to agree what happens when "
                               "Child 1 breaks the rules.") == "parenting-boundaries"


def test_a_parents_difficulty_outweighs_the_childs_feeling_about_it(
        suggester: Suggester) -> None:
    assert theme_of(suggester, "Child 2 needs to stop worrying that his mum will harm "
                               "herself when she is low.") == "parental-mental-health"
    # The same feeling about his own difficulty stays his.
    assert theme_of(suggester, "Child 2 needs to stop worrying that he will harm himself "
                               "when he is low.") == "emotional-wellbeing"


@pytest.mark.parametrize(("text", "by_on"), [
    # "him" after the holder's own verb is never the holder: someone named before it.
    ("Dad needs to stop snorbling him when Child 1 cries.", ("p", "c")),
    # An adjective with an object: Stepdad is violent to Mum.
    ("Child 2 needs to know what to do when Stepdad is aggressive towards Mum.", ("p", "p")),
    # What someone owns, not the person: "his mum's purse".
    ("Child 1 needs to stop snorbling money from his mum's purse.", ("c", "P")),
    ("Child 1 needs to stop snorbling younger children's lunch money.", ("c", "C")),
])
def test_who_does_what_to_whom_is_read_from_the_parse(
        suggester: Suggester, text: str, by_on: tuple[str, str]) -> None:
    (analysis,) = suggester.analyzer.read([text])
    assert by_on in {(by, on) for _, by, on in analysis.acts}, analysis.acts


@pytest.mark.parametrize(("text", "theme"), [
    ("Dad needs to stop smacking him when Child 1 has a tantrum.", "parenting-boundaries"),
    ("Child 2 needs to know what to do when Stepdad is aggressive towards Mum.",
     "domestic-abuse"),
    ("Child 1 needs to stop taking money from his nan's purse.", "behaviour"),
    ("Child 3 needs to stop snatching his classmates' snacks.", "behaviour"),
    ("Child 2 needs to stop being the one who calms Dad down when he panics.",
     "young-carer"),
    # A parent's day-to-day care of a child, or of the child's things.
    ("Dad needs to iron Child 2's shirts every Sunday.", "basic-care"),
    ("Mum needs to bathe the twins every evening.", "basic-care"),
])
def test_acts_read_from_the_parse_decide_the_theme(
        suggester: Suggester, text: str, theme: str) -> None:
    assert theme_of(suggester, text) == theme


def test_the_holders_own_belongings_and_himself_are_no_act_on_anyone(
        suggester: Suggester) -> None:
    (analysis,) = suggester.analyzer.read(["Child 1 needs to take his own medication."])
    assert not [a for a in analysis.acts if a[2] in ("C", "P")]
    assert theme_of(suggester, "Child 1 needs to take his own medication.") \
        == "health-disability"
    (analysis,) = suggester.analyzer.read(["Child 1 needs to stop snorbling himself."])
    assert analysis.acts == []


def test_an_analysis_keeps_its_parts_and_joint_holder_through_storage(
        suggester: Suggester) -> None:
    from assistant.needgroups.suggest import decode

    (analysis,) = suggester.analyzer.read(["Dad and Zorba need to glimble at the park."])
    again = decode(analysis.encode())
    assert again.tokens == analysis.tokens and again.joint
    assert any(t[4] == "place" for t in again.tokens)
    # An analysis stored before parts were read decodes with every word in what is needed.
    old = json.loads(analysis.encode())
    old["t"] = [t[:4] for t in old["t"]]
    del old["j"]
    assert all(t[4] == "" for t in decode(json.dumps(old)).tokens)
    assert not decode(json.dumps(old)).joint


@pytest.mark.parametrize(("old", "new", "message"), [
    ("  joint_theme: family-relationships", "  joint_theme: zebras", "joint_theme"),
    ("  setting: {place: 0.1, time: 0.1, company: 0.1}",
     "  setting: {place: 5, time: 0.1, company: 0.1}", "between"),
    ("  setting: {place: 0.1, time: 0.1, company: 0.1}", "  setting: {lunch: 0.1}", "setting"),
    # The scale of a match is data too, and bounded.
    ("  scale: {general: 0.35,", "  scale: {general: 3,", "general"),
    ("  scale: {general: 0.35,", "  scale: {generall: 0.35,", "generall"),
    ("        to: [witnessed]", "        to: [overheard]", "witnessed"),
])
def test_adjunct_weights_are_data_and_checked_on_load(
        tmp_path: Path, old: str, new: str, message: str) -> None:
    text = (ROOT / "framework" / "themes.yml").read_text(encoding="utf-8")
    assert old in text
    (tmp_path / "framework").mkdir()
    (tmp_path / "framework" / "themes.yml").write_text(text.replace(old, new),
                                                       encoding="utf-8")
    with pytest.raises(ContentError, match=message):
        load_themes(Content(tmp_path))


def test_a_pronoun_of_the_other_gender_than_the_holder_is_the_person_named_before_it(
        suggester: Suggester) -> None:
    # "his" says Child 2 is a boy, so "she" is his mum: her state is a parent's.
    (analysis,) = suggester.analyzer.read(
        ["Child 2 needs to stop covering for his mum when she is zorbled."])
    (token,) = [t for t in analysis.tokens if t[0] == "zorbled"]
    assert token[2] == "p"
    assert theme_of(suggester, "Child 1 needs to stop ringing in sick for his mum when she "
                               "has been drinking.") == "substance-misuse"


def test_they_name_the_holder_only_when_the_holder_is_more_than_one(
        suggester: Suggester) -> None:
    (one,) = suggester.analyzer.read(["Child 1 needs to let them florp his wibbets."])
    (florp,) = [t for t in one.tokens if t[0] == "florp"]
    assert florp[2] == "o"  # someone else does the florping
    (many,) = suggester.analyzer.read(["Parents need to make sure they florp the wibbets."])
    (florp,) = [t for t in many.tokens if t[0] == "florp"]
    assert florp[2] == "p"


def test_a_parent_letting_a_child_do_something_is_a_boundary(suggester: Suggester) -> None:
    (analysis,) = suggester.analyzer.read(["Mum needs to stop letting Child 2 florp."])
    assert ("p", "c") in {(by, on) for _, by, on in analysis.acts}
    assert theme_of(suggester, "Mum needs to stop letting Child 2 florp.") == \
        "parenting-boundaries"


# --- which part of the sentence decides: the place of each word, read from the parse -----
# Made-up words show the structure (no list knows them); real words in phrasings no list
# or example has show the theme the place gives. Each rule has sentences it must pick and
# sentences it must not.


def _path(suggester: Suggester, text: str, word: str) -> list[str]:
    (analysis,) = suggester.analyzer.read([text])
    (token,) = [t for t in analysis.tokens if t[0] == word]
    return token[4].split(">") if token[4] else []


@pytest.mark.parametrize(("text", "word", "kinds"), [
    # A condition: "when", "whenever", "if".
    ("Child 1 needs to florp the wibbet when her zindle is bad.", "zindle", ["condition"]),
    # Nested adjuncts keep every kind, outermost first: a place inside a condition.
    ("Child 1 needs to florp when she comes home from the glimmery.", "glimmery",
     ["condition"]),
    # What must stop is the problem; a purpose inside it is why it happens, its cause.
    ("Child 2 needs to stop missing football to interpret for her dad at the bank.",
     "interpret", ["stopped", "cause"]),
    ("Child 2 needs to stop missing football to interpret for her dad at the bank.",
     "bank", ["stopped", "cause", "place"]),
    ("Child 1 needs to stop grobbling the wibbet.", "wibbet", ["stopped"]),
    # With whom is company; where someone is taken is the setting of an errand.
    ("Child 1 needs to florp the wibbet with older friends.", "friends", ["company"]),
    ("Mum needs to take the children to the glimmery.", "glimmery", ["place"]),
    # A feeling that takes a topic is a frame; the topic keeps its place.
    ("Child 1 needs to stop worrying that her mum will blork.", "worrying",
     ["stopped", "frame"]),
    ("Child 1 needs to stop worrying that her mum will blork.", "blork",
     ["stopped", "topic"]),
    # What must not happen.
    ("Child 1 needs to florp the wibbet without her uncle grobbling.", "grobbling",
     ["without"]),
])
def test_each_word_knows_every_place_it_sits_in(
        suggester: Suggester, text: str, word: str, kinds: list[str]) -> None:
    assert _path(suggester, text, word) == kinds


@pytest.mark.parametrize(("text", "word", "not_kind"), [
    # A purpose of what is needed (no "stop") is a purpose, not a cause.
    ("Child 1 needs to save his pocket money to buy a bike.", "buy", "cause"),
    # "with" a thing, or "cope with" a difficulty, is no company.
    ("Child 2 needs to keep her reading book in her bag with her pencils.", "pencils",
     "company"),
    ("Child 1 needs to cope with the zindle.", "zindle", "company"),
    # Where the holder is to be is what is needed, not an errand's setting.
    ("Child 1 needs to get to the glimmery by nine.", "glimmery", "place"),
    # "Let someone do something" is no feeling with a topic; nor is a passive verb.
    ("Mum needs to stop letting Child 2 blork.", "letting", "frame"),
    ("Child 2 needs to stop being teased about her accent.", "teased", "frame"),
    # "Other than him" is no alternative ("instead of").
    ("Child 2 needs someone other than him to florp the wibbets.", "him", "instead"),
])
def test_a_word_is_not_given_a_place_the_parse_does_not_say(
        suggester: Suggester, text: str, word: str, not_kind: str) -> None:
    assert not_kind not in _path(suggester, text, word)


@pytest.mark.parametrize(("text", "theme", "not_theme"), [
    # An everyday act on a bad day: the condition names the problem (a parent's).
    ("Dad needs to walk the twins to nursery when his psychosis returns.",
     "parental-mental-health", "school-learning"),
    ("Mum needs to be able to go to the shops when her agoraphobia is bad.",
     "parental-mental-health", None),
    # The act decides; a concession is background.
    ("Child 2 needs to hand in his homework every Friday despite his epilepsy.",
     "school-learning", "health-disability"),
    # Where something is taken is the setting of the errand.
    ("Child 1 needs to take his inhaler to school every day.", "health-disability",
     "school-learning"),
    # Why what must stop happens is its cause.
    ("Child 2 needs to stop missing football to interpret for her dad at the bank.",
     "young-carer", "identity-belonging"),
    # What happens now, instead: a child's act for a parent.
    ("Child 1 needs to do her reading every evening instead of helping her dad with his "
     "injections.", "young-carer", "school-learning"),
])
def test_the_place_that_names_the_problem_decides(
        suggester: Suggester, text: str, theme: str, not_theme: str | None) -> None:
    got = theme_of(suggester, text)
    assert got == theme
    assert got != not_theme


@pytest.mark.parametrize(("text", "theme"), [
    # The topic of a feeling decides when it names a difficulty...
    ("Child 1 needs to stop feeling guilty about his mum's heroin use.", "substance-misuse"),
    # ...and the feeling itself when its topic names none.
    ("Child 1 needs to feel less worried about his grandad when he is at school.",
     "emotional-wellbeing"),
    ("Child 2 needs to stop worrying that she will be sent away.", "emotional-wellbeing"),
])
def test_a_feeling_about_a_difficulty_is_about_the_difficulty(
        suggester: Suggester, text: str, theme: str) -> None:
    assert theme_of(suggester, text) == theme


@pytest.mark.parametrize(("text", "theme", "not_theme"), [
    # A passive act: the object of "by" is the doer.
    ("Child 2 needs to know what to do if her mum is punched by her boyfriend again.",
     "domestic-abuse", "behaviour"),
    # Someone else's act in what must not happen.
    ("Mum needs to be able to visit her sister without her husband threatening her "
     "afterwards.", "domestic-abuse", "family-relationships"),
    # What a child saw or heard is an adult's doing, not the child's behaviour...
    ("Child 1 needs to stop dreaming about the kicking he saw in the kitchen.",
     "domestic-abuse", "behaviour"),
    # ...while his own act stays his.
    ("Child 1 needs to stop hitting his sister.", "behaviour", "domestic-abuse"),
])
def test_who_did_it_is_read_from_passives_and_from_what_was_witnessed(
        suggester: Suggester, text: str, theme: str, not_theme: str) -> None:
    got = theme_of(suggester, text)
    assert got == theme
    assert got != not_theme


def test_a_child_needing_someone_else_to_do_a_task_is_about_the_childs_load(
        suggester: Suggester) -> None:
    text = "Child 3 needs someone other than her to change her dad's dressings."
    (analysis,) = suggester.analyzer.read([text])
    assert analysis.relief
    (suggestion,) = suggester.suggest([text])
    assert suggestion.theme == "young-carer"
    assert "someone else to do what the child does now" in suggestion.reason
    # Someone to do something with the child is no load taken from them.
    (analysis,) = suggester.analyzer.read(["Child 3 needs someone to read with her at "
                                           "bedtime."])
    assert not analysis.relief
    # A parent needing someone else is not a young carer's need.
    assert theme_of(suggester, "Mum needs someone else to bathe the baby when her back "
                               "is bad.") != "young-carer"


def test_the_place_weights_and_the_scale_are_read_from_themes_yml(tmp_path: Path) -> None:
    """Why: the scheme is data; a group that edits the weights changes the rules'
    suggestion without touching code. The rules alone: with the condition muted they no
    longer see the psychosis, but the learned reading (since FEATURE_VERSION 4, which
    reads a condition's words as their own family) still does, as it should."""
    text = (ROOT / "framework" / "themes.yml").read_text(encoding="utf-8")
    sentence = "Dad needs to walk the twins to nursery when his psychosis returns."
    assert "condition: 0.8," in text
    (tmp_path / "framework").mkdir()
    (tmp_path / "framework" / "themes.yml").write_text(
        text.replace("condition: 0.8,", "condition: 0.0,"), encoding="utf-8")
    from assistant.needgroups.suggest import Analyzer

    content = Content(tmp_path)
    muted = Suggester(load_themes(content), Analyzer(None, content), learned=False)
    assert theme_of(muted, sentence) != "parental-mental-health"
    shipped = Suggester(load_themes(CONTENT), Analyzer(None, CONTENT), learned=False)
    assert theme_of(shipped, sentence) == "parental-mental-health"


def test_a_linking_verbs_complement_is_the_head_of_what_is_needed(
        suggester: Suggester) -> None:
    """Why: in "stay sober", "feel safe", "be calm" the verb says little; the word after
    it must not count as a step below the head."""
    (analysis,) = suggester.analyzer.read(["Dad needs to remain patient at weekends."])
    (token,) = [t for t in analysis.tokens if t[0] == "patient"]
    assert token[3] == 0 and token[4] == ""
    # An object of an ordinary verb is still a step below it.
    (analysis,) = suggester.analyzer.read(["Dad needs to florp the wibbet."])
    (token,) = [t for t in analysis.tokens if t[0] == "wibbet"]
    assert token[3] == 1
