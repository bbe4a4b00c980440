"""The coach's fast paths say what its plain path says (issue 10, point 7; issue 12, point 3).

Batches (``check_many``), documents parsed once and handed over (``check_docs``), the
Matcher groups it passes over, the case-fact index, the audit's single parse and its
forked processes must each give exactly the findings, notes and analyses the plain
one-statement path gives, on the shared dev statements. And the coach takes the spaCy
lock itself. Real pipelines and content; no timings.
"""

from __future__ import annotations

import json
import os
import threading
from pathlib import Path
from typing import Any

import pytest

from assistant.model import Case, Person
from assistant.wording import STAGES, Coach
from tests.helpers import CONTENT

ROOT = Path(__file__).resolve().parent.parent
DEV = {"need": ["needs.jsonl", "real-plans.jsonl"], "outcome": ["outcomes.jsonl"],
       "work": ["work.jsonl"], "seriousness": ["seriousness.jsonl"]}
CASE = Case(reference="T-B", story=(
    "Jordan (14) lives with his mum Lisa. His father left last year and Jordan has not seen "
    "him since. Jordan has been missing school and staying out late with older boys."),
    people=[Person(id="j", name="Jordan", role="child", age=14, sex="male"),
            Person(id="l", name="Lisa", role="mother", age=38, sex="female")])


def dev_statements(stage: str) -> list[str]:
    texts = []
    for name in DEV[stage]:
        for line in (ROOT / "eval" / "dev" / name).read_text(encoding="utf-8").splitlines():
            if line.strip():
                texts.append(json.loads(line)["text"])
    return texts


def rule_examples(coach: Coach, stage: str) -> list[str]:
    return [text for rule in coach.ruleset.for_stage(stage)
            for text in [f.text for f in rule.examples.fail] + list(rule.examples.pass_)]


def whole(report: Any) -> tuple[Any, ...]:
    """Everything a report says, the note and holder included."""
    return (report.to_dict(), report.holder, report.quiet)


@pytest.mark.parametrize("stage", STAGES)
def test_batches_say_what_single_checks_say(coach_any: Coach, stage: str) -> None:
    texts = dev_statements(stage) + rule_examples(coach_any, stage)
    single = [whole(coach_any.check(t, stage)) for t in texts]
    assert [whole(r) for r in coach_any.check_many(texts, stage, batch_size=16)] == single
    assert any(not r[0]["kinds"] for r in single)
    assert any(r[0]["kinds"] for r in single) or coach_any.reduced  # reduced: no grammar


def test_batches_with_a_case_say_what_single_checks_say(coach: Coach) -> None:
    texts = dev_statements("need")[:120]
    for holder in (None, "Lisa"):
        single = [whole(coach.check(t, "need", holder=holder, case=CASE)) for t in texts]
        batch = coach.check_many(texts, "need", batch_size=32, holder=holder, case=CASE)
        assert [whole(r) for r in batch] == single


@pytest.mark.parametrize("stage", STAGES)
def test_check_docs_on_the_coachs_own_parse_equals_check(coach_any: Coach, stage: str) -> None:
    texts = dev_statements(stage)
    docs = coach_any.parser.pipe(texts)
    assert [whole(r) for r in coach_any.check_docs(docs, stage)] == \
        [whole(coach_any.check(t, stage)) for t in texts]
    docs = [coach_any.parser(t) for t in texts[:40]]
    assert [whole(r) for r in coach_any.check_docs(docs, stage, case=CASE)] == \
        [whole(coach_any.check(t, stage, case=CASE)) for t in texts[:40]]


@pytest.mark.parametrize("stage", STAGES)
def test_check_docs_without_notes_gives_what_check_many_without_notes_gives(
        coach_any: Coach, stage: str) -> None:
    """The audit asks the coach for kinds only: the findings and kinds are those of the
    full check, and what the coach says when it flags nothing is not worked out."""
    texts = dev_statements(stage)
    bare = [r.to_dict() for r in coach_any.check_docs(coach_any.parser.pipe(texts), stage,
                                                      notes=False)]
    assert bare == [r.to_dict() for r in coach_any.check_many(texts, stage, notes=False)]
    full = [r.to_dict() for r in coach_any.check_docs(coach_any.parser.pipe(texts), stage)]
    assert [(r["kinds"], r["findings"]) for r in bare] == \
        [(r["kinds"], r["findings"]) for r in full]
    assert any(r["note"] for r in full) and not any(r["note"] for r in bare)


@pytest.mark.parametrize("stage", STAGES)
def test_matcher_groups_passed_over_would_have_found_nothing(coach_any: Coach,
                                                             stage: str) -> None:
    """A Matcher group runs only on statements its patterns can match: running every group
    on every statement gives the same matches, in the same order; a rule's "unless"
    patterns follow, for each rule that matched or flags what is absent (the only rules
    an "unless" can veto)."""
    engine = coach_any._engine
    compiled = engine.stages[stage]
    matchers = list(compiled.always) + [m for _, m in compiled.gated]
    texts = dev_statements(stage) + rule_examples(coach_any, stage)
    texts += dev_statements("need") if stage != "need" else []
    ran = 0
    for doc in engine.nlp.pipe(texts):
        every = [match for matcher in matchers for match in matcher(doc)]
        can_veto = compiled.absent.union(compiled.keys[m][0] for m, _, _ in every)
        every += [match for index in sorted(can_veto) if index in compiled.unless
                  for match in compiled.unless[index](doc)]
        assert compiled(doc) == every, doc.text
        ran += bool(every)
    assert ran or not matchers  # the statements do reach the patterns


def test_case_fact_index_finds_what_every_cue_finds(coach: Coach) -> None:
    from assistant.wording.casefit import sentences_of

    facts = coach.library.facts
    texts = dev_statements("need") + [s.text for a in coach.library.areas
                                      for s in a.statements]
    texts += ["Her MUM\u2019s  former\n partner died; the step-dad was jailed.", "", "."]
    found = 0
    for text in texts:
        sentences = sentences_of(text)
        # every cue where the text tells it (not denied, no body part), and an act's
        # not in a sentence telling an accident (CaseFacts.told, .accident)
        calm = [x for x in sentences if not facts.accident(x)]
        story = {f.id for f in facts.facts if any(
            c.found(calm if f.acts else sentences, None if c.denies else facts.told)
            for c in f.story_cues)}
        mentioned = {f.id for f in facts.facts
                     if any(c.found(sentences) for c in f.mention_cues)}
        assert facts.shown_by_text(text) == story, text
        assert facts.mentioned(text) == mentioned, text
        found += bool(story or mentioned)
    assert found > 50


# --- the audit: one parse serves the coach and the analysis ------------------------------


def audit_wordings() -> list[str]:
    rows = (ROOT / "eval" / "dev" / "needgroups.jsonl").read_text(encoding="utf-8")
    texts = [json.loads(line)["text"] for line in rows.splitlines() if line.strip()]
    return [*texts, "Child 1 needs a DV programme.", "Mum needs CAMHS.",
            "Child 1 needs an EHCP.", "Mother needs to attend the DV group."]


def test_one_parse_gives_the_analyses_and_kinds_of_two(coach: Coach) -> None:
    from assistant.needgroups import Analyzer, coach_kinds

    texts = audit_wordings()
    separate = Analyzer(None, CONTENT)
    expected = [a.encode() for a in separate.read(texts)]
    kinds = coach_kinds(coach, texts)
    analyses, shared_kinds = Analyzer(None, CONTENT).read_with_coach(texts, coach, texts,
                                                                     processes=1)
    assert [a.encode() for a in analyses] == expected
    assert shared_kinds == kinds
    assert {k for ks in kinds.values() for k in ks} >= {"service", "universal"}


def test_forked_processes_give_what_one_process_gives(coach: Coach) -> None:
    from assistant import forks
    from assistant.needgroups import Analyzer

    texts = audit_wordings()
    one = Analyzer(None, CONTENT).read_with_coach(texts, coach, texts[::2], processes=1)
    two = Analyzer(None, CONTENT).read_with_coach(texts, coach, texts[::2], processes=2)
    assert [a.encode() for a in two[0]] == [a.encode() for a in one[0]]
    assert two[1] == one[1]
    forkable = forks.can_fork()  # False while another test's thread is still ending
    pids = forks.map_parts(lambda part: {os.getpid()}, list(range(10)), least=1,
                           processes=2)
    assert len(pids) in (1, 2) and set().union(*pids) >= {os.getpid()}
    if forkable and forks.can_fork():
        assert len(set().union(*pids)) == 2
    assert forks.map_parts(lambda part: sum(part), list(range(10)), least=4,
                           processes=3) == [sum(range(5)), sum(range(5, 10))]


# --- the lock ----------------------------------------------------------------------------


def test_the_coach_takes_the_spacy_lock_itself(coach: Coach) -> None:
    from assistant.wording.pipeline import SPACY_LOCK

    done = threading.Event()

    def check() -> None:
        coach.check("Jordan needs counselling.")
        done.set()

    with SPACY_LOCK:  # held elsewhere: the coach waits for it
        worker = threading.Thread(target=check)
        worker.start()
        assert not done.wait(0.5)
        # Re-entrant: a caller still holding the lock may call the coach.
        assert coach.check("Jordan needs counselling.").kinds == ["service"]
    worker.join(30)
    assert done.is_set()


def test_checks_from_several_threads_match_checks_in_turn(coach: Coach) -> None:
    texts = dev_statements("need")[:60]
    expected = [whole(coach.check(t, case=CASE)) for t in texts]
    results: dict[int, list[Any]] = {}

    def run(n: int) -> None:
        results[n] = [whole(coach.check(t, case=CASE)) for t in texts]

    threads = [threading.Thread(target=run, args=(n,)) for n in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(120)
    assert [results.get(n) for n in range(3)] == [expected] * 3
