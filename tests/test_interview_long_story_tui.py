"""A student pastes a long referral as the story and goes on, as found walking the app:
the question that reflects the story back ("What I heard") was built again on every
keystroke, and reading the story takes seconds, so the app froze under the fingers.

Real parts: the Textual app under Pilot from the first screen, a real SQLite file, the
real story reading (counted, never timed).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.pilot import Pilot

from assistant.interview import Interview
from assistant.store import Store
from assistant.tui.app import NeedsLedApp
from tests.helpers import interview, on_interview, until
from tests.test_tui import paste, type_text

SIZE = (110, 34)

pytestmark = pytest.mark.anyio

#: a referral as a student pastes it: long, with its own line breaks and markup
REFERRAL = (
    "Referral from school 3rd Nov: Tia (9) has missed 23 of the last 40 sessions, mostly "
    "Mondays and Fridays. Teacher says she is bright but tired, comes in without "
    "breakfast, sometimes in the same uniform all week.\nMum (Donna) drinks most evenings "
    "since splitting from Tia's dad in the summer; neighbours called police on 14/10 "
    "after shouting. Donna says she \"has it under control\" & that school are \"picking "
    "on\" Tia. Nan (Pat) lives 10 mins away, does the school run when she can. Tia told "
    "the school nurse <b>she worries about mum</b> and hides the bottles.\n"
)


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


async def new_case(pilot: Pilot, reference: str) -> None:
    """From the first screen: n, the reference, one child, Ctrl+S."""
    app = pilot.app
    await until(pilot, lambda: app.core_ready, "the cases are open")  # type: ignore[attr-defined]
    await pilot.press("n")
    await until(pilot, lambda: app.focused is not None and app.focused.id == "reference",
                "the new-case form")
    await pilot.press(*reference, "enter", "tab", *"Tia", "tab", "9", "enter")
    await pilot.pause()
    await pilot.press("ctrl+s")
    await until(pilot, lambda: on_interview(app), "the interview")  # type: ignore[arg-type]


async def test_typing_under_a_long_story_reads_the_story_once(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    reads: list[str] = []
    reflect = Interview.reflect

    def counted(self: Interview) -> dict[str, str]:
        reads.append(self.case.story)
        return reflect(self)

    monkeypatch.setattr(Interview, "reflect", counted)
    db = tmp_path / "cases.db"
    app = NeedsLedApp(db=str(db))
    async with app.run_test(size=SIZE) as pilot:
        await new_case(pilot, "NL-W9-1")
        screen = interview(app)
        assert screen.interview.key == "story:"
        await paste(pilot, REFERRAL)
        await pilot.pause()
        await pilot.press("enter")
        await until(pilot, lambda: screen.interview.key == "heard:", "What I heard")
        assert reads, "the story is reflected back"
        before = len(reads)
        await type_text(pilot, "Lee, father, 36")
        await until(pilot, lambda: screen.answer_box.value == "Lee, father, 36", "typed")
        await pilot.pause()
        assert len(reads) == before, (
            f"the story was read {len(reads) - before} more times while typing 15 keys")
        await pilot.press("enter")
        await until(pilot, lambda: screen.interview.key != "heard:", "the next question")
    with Store(db) as store:
        case = store.load("NL-W9-1")
    assert case.story == REFERRAL.strip()
    assert [p.name for p in case.people] == ["Tia", "Lee"]
