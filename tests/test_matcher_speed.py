"""What the coach does to stay fast must not change what it says: the word rules' pre-test
never hides a match, a finding's lazily built parts read the same in any order and survive
pickling, and the reader's cached word-class unions are the unions."""

from __future__ import annotations

import pickle

import pytest

from assistant.wording import STAGES, Coach
from assistant.wording.matcher import Words
from assistant.wording.structure.readings import WordClass, _rows


def _statements(coach: Coach, stage: str) -> list[str]:
    texts: list[str] = []
    for rule in coach.ruleset.for_stage(stage):
        texts += [f.text for f in rule.examples.fail] + list(rule.examples.pass_)
    return list(dict.fromkeys(texts))


def test_the_pre_test_never_hides_a_match(coach_any: Coach) -> None:
    """Every matcher that finds something in a rule example was judged worth running:
    the pre-test may let through statements that do not match, never the reverse."""
    engine = coach_any.load()._engine
    checked = 0
    for stage in STAGES:
        compiled = engine.stages[stage]
        matchers = compiled.always + [m for _, m in compiled.gated] + list(
            compiled.unless.values())
        for doc in engine.nlp.pipe(_statements(coach_any, stage)):
            words = Words(doc.vocab.strings, _rows(doc))
            for matcher in matchers:
                if matcher(doc):
                    checked += 1
                    assert words.possible(compiled.requires[id(matcher)]), (stage, doc.text)
    assert checked > 100  # the examples do exercise the word rules


def test_a_findings_lazy_parts_read_the_same_in_any_order(coach: Coach) -> None:
    text = "Kayla needs counselling and a CAMHS assessment."
    whole = coach.check(text, holder="Kayla").to_dict()
    later = coach.check(text, holder="Kayla")
    assert later.kinds == whole["kinds"]  # the kinds alone build nothing else
    for finding, expected in zip(reversed(later.findings), reversed(whole["findings"]),
                                 strict=True):
        assert finding.suggestions == expected["suggestions"]
        assert finding.questions == expected["questions"]
        assert finding.message == expected["message"]
    assert later.to_dict() == whole
    assert "counselling" in whole["findings"][0]["message"]


def test_a_report_pickles_with_its_parts_built(coach: Coach) -> None:
    """The audit hands reports between processes: a finding's parts not yet built are
    built on the way, not lost (a closure cannot be pickled)."""
    report = coach.check("Jordan needs a place at a youth club.", holder="Jordan")
    copy = pickle.loads(pickle.dumps(report))
    assert copy.to_dict() == coach.check("Jordan needs a place at a youth club.",
                                         holder="Jordan").to_dict()
    assert copy.findings and all(f.message and f.questions for f in copy.findings)


def test_word_class_unions_are_unions_made_once() -> None:
    aims = WordClass({"thrive", "flourish"})
    changes = WordClass({"improve", "develop"})
    both = aims | changes | {"take"}
    assert both == frozenset({"thrive", "flourish", "improve", "develop", "take"})
    assert isinstance(both, frozenset) and "take" in both and "sleep" not in both
    assert aims | changes is aims | changes  # kept, not rebuilt
    assert aims | {"take"} is aims | {"take"}
    assert aims | {"give"} == {"thrive", "flourish", "give"}  # another set, another union
    assert {"x"} | aims == {"x", "thrive", "flourish"}
    with pytest.raises(TypeError):
        aims | ["take"]  # as a frozenset does: only sets join
