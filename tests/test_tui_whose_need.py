"""A parent's own need written at "Whose need is it?" is read by the coach (walk11).

Found walking as a student: Ryan's need "...on the evenings his mum has been drinking"
asked whose need it is, and "Tanya needs help with her drinking" typed there went into
the plan as Tanya's need with the coach silent (the step had no coach stage), though the
same words at "What does Tanya need?" are flagged as vague and as a service. The step now
coaches as a need step does, for the parent (the holder the question names), and a
reason for keeping that wording is kept with the parent's need, the one that holds it.
Real spaCy; the Pilot test drives the real app from the first screen.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from assistant.interview import Interview
from assistant.model import Case, Person
from assistant.store import Store
from assistant.tui.app import NeedsLedApp
from tests.helpers import CONTENT, dialog_up, open_case
from tests.test_tui import SIZE, type_text, until

TODAY = date(2026, 11, 30)
CHILD_NEED = "Tia needs a hot meal on the evenings her mum has been drinking"
PARENT_NEED = "Jade needs help with her drinking"


def _case() -> Case:
    return Case(reference="T-WALK11-W", story="Tia (9) lives with her mum Jade, who drinks.",
                child_voice="Tia says she makes toast for tea.",
                people=[Person(id="t", name="Tia", role="child", age=9, sex="female"),
                        Person(id="j", name="Jade", role="mother", age=31, sex="female")])


def test_whose_need_is_coached_as_a_need_for_the_parent() -> None:
    iv = Interview(_case(), CONTENT, today=TODAY)
    iv.goto("need_new:t")
    iv.answer(CHILD_NEED)
    q = iv.question()
    assert q.kind == "whose_need"
    assert q.coach_stage == "need" and q.coach_holder == "Jade", q


def test_a_reason_kept_at_whose_need_is_kept_with_the_parents_need() -> None:
    case = _case()
    iv = Interview(case, CONTENT, today=TODAY)
    iv.goto("need_new:t")
    iv.answer(CHILD_NEED)
    iv.answer(PARENT_NEED, kept=[("need-vague-support", "Jade's own words")])
    jade = next(n for n in case.needs if n.holder == "j")
    tia = next(n for n in case.needs if n.holder == "t")
    assert [k.reason for k in jade.kept_wording] == ["Jade's own words"]
    assert tia.kept_wording == []
    assert not [n for n in iv.notes if "was dropped" in n], iv.notes  # (kept_dropped)


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


@pytest.mark.anyio
async def test_a_parents_need_at_whose_need_is_flagged_and_kept_with_why(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from assistant.tui.screens.keep import KeepScreen

    monkeypatch.setenv("NEEDS_LED_TODAY", TODAY.isoformat())
    db = tmp_path / "cases.db"
    with Store(db) as store:
        store.save(_case())
    app = NeedsLedApp(db=str(db))
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_case(pilot, coach=True)
        assert screen.interview.key == "need_new:t", screen.interview.key
        await type_text(pilot, CHILD_NEED)
        await pilot.press("enter")
        await until(pilot, lambda: screen.interview.key.startswith("whose_need:"),
                    "whose need")
        await type_text(pilot, PARENT_NEED)
        await pilot.press("enter")
        keep = await dialog_up(pilot, KeepScreen)  # the worker types once it is up
        assert isinstance(keep, KeepScreen)
        assert {f.kind for f in keep.findings} & {"vague", "service"}, keep.findings
        await type_text(pilot, "her own words")
        await pilot.press("enter")
        await until(pilot, lambda: screen.interview.key.startswith("voice:"), "the voice")
        jade = [n for n in screen.case.needs if n.holder == "j"]
        assert [n.wording for n in jade] == [PARENT_NEED]
        assert [k.reason for k in jade[0].kept_wording][:1] == ["her own words"]
