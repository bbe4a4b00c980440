"""Every wording rule proves itself: its must-fail examples are flagged with exactly the
span written in the rule, and its must-pass examples are not (the LanguageTool habit).

Runs on the default pipeline and on the blank fallback. On the blank fallback a rule whose
patterns all need tags or a parse cannot run: the test then checks that the coach says so,
rather than skipping.
"""

from __future__ import annotations

import pytest

from assistant.content import Content
from assistant.wording import Coach
from assistant.wording.rules import RuleSet, needs_parse

RULES = RuleSet.load(Content()).rules
SCORED_NEED_KINDS = {"universal", "service", "assessment"}


def test_every_rule_has_examples_that_must_fail_and_must_pass() -> None:
    assert len(RULES) >= 20
    for rule in RULES:
        assert rule.examples.fail, rule.id
        assert rule.examples.pass_, rule.id


def test_every_kind_the_issue_names_has_a_rule() -> None:
    kinds = {(rule.stage, rule.kind) for rule in RULES}
    for kind in ("universal", "service", "assessment", "vague", "jargon", "compound",
                 "no-holder"):
        assert ("need", kind) in kinds, kind
    for kind in ("vague", "service", "no-measure", "no-date"):
        assert ("outcome", kind) in kinds, kind
    for kind in ("no-responsible", "no-frequency", "no-start"):
        assert ("work", kind) in kinds, kind


@pytest.mark.parametrize("rule", RULES, ids=[rule.id for rule in RULES])
def test_must_fail_examples_are_flagged_on_the_exact_span(coach_any: Coach, rule) -> None:
    if coach_any.reduced and all(needs_parse(p) for p in rule.patterns):
        assert rule.id in coach_any.skipped_rules()
        return
    for example in rule.examples.fail:
        report = coach_any.check(example.text, rule.stage)
        spans = [(f.match, example.text[f.start:f.end]) for f in report.findings
                 if f.rule == rule.id]
        assert (example.match, example.match) in spans, (example.text, report.to_dict())
        assert rule.kind in report.kinds, example.text


@pytest.mark.parametrize("rule", RULES, ids=[rule.id for rule in RULES])
def test_must_pass_examples_are_not_flagged(coach_any: Coach, rule) -> None:
    for text in rule.examples.pass_:
        report = coach_any.check(text, rule.stage)
        counted = [f for f in report.findings if f.rule == rule.id and f.counts]
        assert not counted, (text, [f.to_dict() for f in counted])
        if rule.stage == "need" and rule.kind in SCORED_NEED_KINDS:
            # A good statement must not be flagged by any other scored rule either.
            assert not SCORED_NEED_KINDS & set(report.kinds), (text, report.kinds)
