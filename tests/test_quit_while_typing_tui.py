"""Ctrl+Q straight after a burst of typing keeps every key typed (found walking the app):
Ctrl+Q is a priority key, acted on when the app reads it, while the keys typed before it
were still on their way to the answer box; the draft written at quitting held
"She says she is ex" of "She says she is exhausted by the school run".

Real parts: the Textual app under Pilot with a real SQLite file; the keys are posted as a
terminal delivers a burst, all before the app has handled the first.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from textual import events

from assistant.model import Case
from assistant.store import Store
from assistant.tui.app import NeedsLedApp
from tests.helpers import open_case, until

pytestmark = pytest.mark.anyio

TYPED = "She says she is exhausted by the school run"


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


async def test_keys_typed_just_before_ctrl_q_are_in_the_draft(
        tmp_path: Path, case_json: str) -> None:
    db = tmp_path / "cases.db"
    with Store(db) as store:
        store.save(Case.model_validate_json(case_json))
    app = NeedsLedApp(db=str(db))
    async with app.run_test(size=(110, 34)) as pilot:
        screen = await open_case(pilot, "NL-2026-014")
        key = screen.interview.key
        screen.answer_box.set_value("")
        screen.answer_box.focus()
        await pilot.pause()
        for char in TYPED:  # one burst, as a terminal delivers fast typing or a paste
            app.post_message(events.Key("space" if char == " " else char, char))
        app.post_message(events.Key("ctrl+q", None))
        await until(pilot, lambda: not app.is_running, "the app quits", limit=200)
    with Store(db) as store:
        assert store.drafts("NL-2026-014").get(key) == TYPED
