"""The learned need judge (assistant/wording/judge.py): where the rules are silent it reads
what is needed by its meaning; its findings say they are a model's reading.

Statements here use invented names and phrasings found in no list, rule or example."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from assistant.content import Content, ContentError
from assistant.wording.judge import JUDGE_FILE, load_judge
from tests.helpers import run_cli

FAULTS = ("universal", "service", "assessment")

# Worded as an aim every young person shares, or as a thing to be provided: no rule
# reads these (so the judge is the only one to speak), and the judge must.
FLAGGED = [
    ("Quillan needs a successful journey into adulthood.", "universal"),
    ("Quillan needs a smooth passage into grown-up life.", "universal"),
    ("Mum needs a gym pass.", "service"),
]

# Specific needs the rules leave to the judge: it must stay silent.
SPECIFIC = [
    "Odalys needs to know which teacher to find when the bell makes her panic.",
    "Brannoch needs his dad to pick him up from the Larkspur hub at six on Thursdays.",
    "Zephyrine needs to hear from her mum before bedtime on the nights she works late.",
    "Quillan needs to stop hiding his school reports from his grandfather.",
    "Tamsin needs her dinner money sorted before she leaves for the bus.",
    "Mum needs to know where to buy cheaper nappies in Wrenfield.",
    "Tamsin needs to be able to get herself up for college using her phone alarm.",
    "Mum needs to sleep without the television on so that the baby is not woken.",
]


@pytest.mark.parametrize(("text", "kind"), FLAGGED)
def test_a_new_wording_of_a_fault_is_read_by_its_meaning(coach, text, kind):
    report = coach.check(text)
    found = [f for f in report.findings if f.kind in FAULTS]
    assert [(f.kind, f.basis) for f in found] == [(kind, "model")], report.to_dict()
    assert report.kinds == [kind]
    assert "learned reading, not a rule" in found[0].message
    assert found[0].questions  # the kind's own questions, for the holder
    assert "Quillan" in found[0].message or "Mum" in found[0].message


@pytest.mark.parametrize("text", SPECIFIC)
def test_a_specific_need_is_not_flagged(coach, text):
    report = coach.check(text)
    assert not set(report.kinds) & set(FAULTS), report.to_dict()


def test_the_judge_never_overrules_or_doubles_a_rule(coach):
    # the rules speak here; the judge adds nothing of its own
    report = coach.check("Quillan needs a peer buddy scheme.")
    assert [f.basis for f in report.findings if f.kind in FAULTS] == ["rules"]
    # a need the reader reads as negated is no fault, whatever its meaning
    negated = coach.check("Quillan does not need a successful journey into adulthood.")
    assert not [f for f in negated.findings if f.basis == "model"]


def test_batch_and_single_checks_agree(coach):
    texts = [t for t, _ in FLAGGED] + SPECIFIC
    batch = [r.to_dict() for r in coach.check_many(texts)]
    assert batch == [coach.check(t).to_dict() for t in texts]


def test_the_shipped_weights_load_and_a_broken_file_is_a_clear_error(tmp_path):
    judge = load_judge(Content())
    assert 0.5 < judge.threshold <= 1.0
    shipped = json.loads(Content().path(*JUDGE_FILE).read_text(encoding="utf-8"))
    for name, text in (("garbled", "{not json"),
                       ("wrong shape", json.dumps({**shipped, "bias": [0.0, 1.0]})),
                       ("no threshold", json.dumps({k: v for k, v in shipped.items()
                                                    if k != "threshold"}))):
        root = tmp_path / name.replace(" ", "-")
        target = root.joinpath(*JUDGE_FILE)
        target.parent.mkdir(parents=True)
        target.write_text(text, encoding="utf-8")
        with pytest.raises(ContentError) as err:
            load_judge(Content(root))
        message = str(err.value)
        assert "need-judge.json" in message and "train_need_judge" in message, message
        assert "\n" not in message


def test_check_json_carries_the_basis(tmp_path: Path):
    result = run_cli("check", "--json", "Mum needs a gym pass.",
                     "Mum needs a place at the Larkspur parenting course.")
    assert result.returncode == 0, result.stderr
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["kinds"] for r in rows] == [["service"], ["service"]]
    assert [f["basis"] for f in rows[0]["findings"]] == ["model"]
    assert {f["basis"] for f in rows[1]["findings"]} == {"rules"}
