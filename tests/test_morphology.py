"""English word forms come from lemminflect, not from suffix rules: the coach's plurals,
"-ing" words and "they" agreement, and the rules that list a singular noun."""

from __future__ import annotations

import json
from typing import Any

import pytest

from assistant.wording import Coach
from assistant.wording.morphology import gerund, is_plural_noun, s_forms, they_form
from assistant.wording.pronouns import fit
from assistant.wording.rules import RuleSet
from assistant.wording.suggest import fill, term_of
from tests.helpers import CONTENT, WORDS


@pytest.mark.parametrize(("word", "forms"), [
    ("diagnosis", {"diagnoses"}),  # the suffix rule made "diagnosises"
    ("life", {"lives"}),  # and "lifes"
    ("analysis", {"analyses"}),
    ("crisis", {"crises"}),
    ("child", {"children"}),
    ("therapy", {"therapies"}),
    ("class", {"classes"}),
    ("go", {"goes"}),  # a verb's "-s" form: the suffix rule made "gos"
    ("have", {"has"}),
    ("do", {"does"}),
    ("x-ray", {"x-rays"}),  # hyphenated: the last part inflects
    ("keyworker", {"keyworkers"}),  # not in the dictionary: the library's rules
])
def test_a_listed_word_gets_its_real_plural_and_s_form(word: str, forms: set[str]) -> None:
    assert forms <= s_forms(word)
    assert word not in s_forms(word)


@pytest.mark.parametrize("word", ["needed", "outcomes", "happy", "to", "1:1", "%", ""])
def test_inflected_forms_and_non_words_get_no_s_form(word: str) -> None:
    assert s_forms(word) == frozenset()


@pytest.mark.parametrize(("verb", "ing"), [
    ("fulfil", "fulfilling"),  # the suffix rule made "fulfiling"
    ("refer", "referring"),  # and "refering"
    ("panic", "panicking"),  # and "panicing"
    ("travel", "travelling"),  # British, though the library lists "traveling" first
    ("counsel", "counselling"),
    ("attend", "attending"),
    ("be", "being"),
    ("get", "getting"),
    ("lie", "lying"),
    ("agree", "agreeing"),
    ("re-refer", "re-referring"),
])
def test_gerunds_are_spelt_right_and_british(verb: str, ing: str) -> None:
    assert gerund(verb) == ing


@pytest.mark.parametrize(("word", "plain"), [
    ("feels", "feel"), ("dies", "die"), ("lies", "lie"),  # the suffix rule made "dy", "ly"
    ("focuses", "focus"), ("quizzes", "quiz"),  # and "focuse", "quizz"
    ("tries", "try"), ("goes", "go"), ("misses", "miss"), ("texts", "text"),
    ("always", None), ("sometimes", None), ("is", None), ("can", None), ("bus", None),
])
def test_they_form_of_a_third_person_verb(word: str, plain: str | None) -> None:
    assert they_form(word) == plain


@pytest.mark.parametrize(("word", "plural"), [
    ("parents", True), ("grandchildren", True), ("carers", True), ("lives", True),
    ("sheep", False), ("news", False), ("class", False), ("mum", False), ("series", False),
])
def test_is_plural_noun(word: str, plural: bool) -> None:
    assert is_plural_noun(word) is plural


def test_pronouns_agree_through_the_library() -> None:
    assert fit("She dies a little inside when she lies.", None, lists=WORDS.pronouns) == \
        "They die a little inside when they lie."
    assert fit("He focuses on his homework.", None,
            lists=WORDS.pronouns) == "They focus on their homework."
    assert fit("She is sad and she always quizzes her mum.", None, lists=WORDS.pronouns) == \
        "They are sad and they always quiz their mum."

ROLES = CONTENT.framework.vocabulary


def test_a_lower_case_plural_holder_takes_need() -> None:
    assert fill("{name} needs to know who will collect them.", "the grandchildren", ROLES,
            lists=WORDS) == \
        "The grandchildren need to know who will collect them."
    assert fill("{name} needs to talk.", "Mum and Dad", ROLES,
            lists=WORDS).startswith("Mum and Dad need ")
    # A capital may be a name: "Miles" is a plural noun in lower case but one boy here.
    assert fill("{name} needs to talk.", "Miles", ROLES, lists=WORDS) == "Miles needs to talk."
    assert fill("{name} needs to talk.", "Parents", ROLES,
            lists=WORDS) == "The parents need to talk."


def test_a_rule_listing_a_singular_matches_its_real_plural(coach: Coach) -> None:
    assert "assessment" in coach.check("Sam needs diagnoses.").kinds
    assert "assessment" in coach.check("Sam needs a diagnosis.").kinds
    lexicon = RuleSet.load(CONTENT)._words("LOWER", "@home_noun", None, True)
    assert "lives" in lexicon and "lifes" not in lexicon
    assert "diagnoses" in RuleSet.load(CONTENT)._words("LOWER", "@assessment_noun", None, True)


def test_what_the_worker_reached_for_is_said_as_a_right_ing_word(coach: Coach) -> None:
    doc = coach.load()._engine.nlp("Kayla needs to fulfil her potential.")
    assert term_of(doc[1:6], lists=WORDS) == "fulfilling her potential"


@pytest.mark.parametrize("text, said", [
    # "would benefit from X" asks what X would change, not "would would benefit ..."
    ("Leo would benefit from counselling.", "what would counselling change for Leo?"),
    ("Leo may benefit from some mentoring.", "what would some mentoring change for Leo?"),
    ("Leo would really benefit from a climbing club.",
     "what would a climbing club change for Leo?"),
    # a need noun names its own holder, and what was reached for is its verb's phrase, said
    # as an -ing word (the question built from the parse, as for "needs to go to the GP")
    ("There is a need for Leo to have a mentor.", "what would having a mentor change for Leo?"),
    ("A need for Mum to attend a parenting course.",
     "what would attending a parenting course change for Mum?"),
    ("Leo's need for a befriender is clear.", "what would a befriender change for Leo?"),
    ("Dad has a need for respite.", "what would respite change for Dad?"),
    # whoever only saw the need is not its holder
    ("The school identified a need for a mentor.",
     "what would a mentor change for the person?"),
])
def test_the_service_question_names_the_holder_and_what_was_reached_for(
        coach: Coach, text: str, said: str) -> None:
    messages = [f.message for f in coach.check(text).findings if f.kind == "service"]
    assert messages and all(said in m for m in messages), messages


def test_constructing_the_coach_does_not_inflect() -> None:
    """lemminflect imports spaCy, so word forms are made when the matcher is compiled."""
    ruleset = RuleSet.load(CONTENT)
    assert "resolved" not in vars(ruleset)
    assert "diagnoses" in ruleset.resolved["assessment-request"][0][0][-1]["LOWER"]["IN"]


def test_s_forms_are_kept_between_runs_and_a_bad_file_is_ignored(
        tmp_path: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    """The rules' "-s" forms come from a file kept between runs (a cold check need not
    load lemminflect's tables); the file gives what lemminflect gives, and a damaged one
    is read as empty and written again."""
    from assistant.wording import morphology

    monkeypatch.setenv("NEEDS_LED_CACHE", str(tmp_path))
    monkeypatch.setattr(morphology, "_kept", None)
    words = ["diagnosis", "go", "keyworker", "needed"]
    assert morphology.s_forms_of(words) == {w: s_forms(w) for w in words}
    (kept,) = tmp_path.glob("s-forms-*.json")
    assert json.loads(kept.read_text())["diagnosis"] == ["diagnoses"]
    # A later run reads the file: what it holds is what is used.
    kept.write_text(json.dumps({"diagnosis": ["diagnoses", "diagnosises"]}))
    monkeypatch.setattr(morphology, "_kept", None)
    assert morphology.s_forms_of(["diagnosis"]) == {
        "diagnosis": frozenset({"diagnoses", "diagnosises"})}
    # A damaged file is ignored, and rewritten with the forms worked out again.
    kept.write_text("{not json")
    monkeypatch.setattr(morphology, "_kept", None)
    assert morphology.s_forms_of(["life"]) == {"life": frozenset({"lives"})}
    assert json.loads(kept.read_text()) == {"life": ["lives"]}
