"""The participant's footer (found by walk10, a participant's app in headless Chromium at
1100 pixels): F10 "Send to room", the app's binding, came last in the interview's footer
and was cut to "f". It now comes after Esc, Help and Quit, in full, and only in a
participant's app. The real app under Pilot, opened from the first screen.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Footer

from assistant import room
from assistant.model import Case
from assistant.store import Store
from assistant.tui.app import NeedsLedApp
from tests.helpers import open_case


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


def _footer_keys(app: NeedsLedApp) -> list[tuple[str, int]]:
    """Each footer key's words as shown, with where it ends on the screen."""
    from textual.widgets._footer import FooterKey

    footer = app.screen.query_one(Footer)
    return [(f"{key.key_display} {key.description}", key.region.right)
            for key in footer.query(FooterKey)]


@pytest.mark.anyio
@pytest.mark.parametrize("size", [(80, 24), (110, 34)])
async def test_send_to_room_shows_in_full_in_a_participants_footer(
        tmp_path: Path, case_json: str, monkeypatch: pytest.MonkeyPatch,
        size: tuple[int, int]) -> None:
    monkeypatch.setenv(room.ENV_URL, "http://127.0.0.1:9/")
    monkeypatch.setenv(room.ENV_TOKEN, "fictional-token")
    db = tmp_path / "cases.db"
    with Store(db) as store:
        store.save(Case.model_validate_json(case_json))
    app = NeedsLedApp(db=str(db))
    async with app.run_test(size=size) as pilot:
        await open_case(pilot)
        await pilot.pause()
        keys = _footer_keys(app)
        sent = [(words, right) for words, right in keys if "Send to room" in words]
        assert sent, keys
        assert sent[0][1] <= size[0], f"cut at the screen's edge: {keys}"
        await pilot.press("ctrl+q")


@pytest.mark.anyio
async def test_outside_a_room_the_footer_has_no_send_to_room(
        tmp_path: Path, case_json: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(room.ENV_URL, raising=False)
    monkeypatch.delenv(room.ENV_TOKEN, raising=False)
    db = tmp_path / "cases.db"
    with Store(db) as store:
        store.save(Case.model_validate_json(case_json))
    app = NeedsLedApp(db=str(db))
    async with app.run_test(size=(110, 34)) as pilot:
        await open_case(pilot)
        await pilot.pause()
        assert not any("Send to room" in words for words, _ in _footer_keys(app))
        await pilot.press("ctrl+q")


@pytest.mark.anyio
async def test_a_moved_send_key_moves_in_the_footer_too(
        tmp_path: Path, case_json: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """prompts/keys.yml moves F10 (a terminal that takes it): the footer shows the new key
    in its place, not F10."""
    content = tmp_path / "content"
    (content / "prompts").mkdir(parents=True)
    (content / "prompts" / "keys.yml").write_text('keys:\n  app.send_to_room: f12\n',
                                                  encoding="utf-8")
    monkeypatch.setenv(room.ENV_URL, "http://127.0.0.1:9/")
    monkeypatch.setenv(room.ENV_TOKEN, "fictional-token")
    db = tmp_path / "cases.db"
    with Store(db) as store:
        store.save(Case.model_validate_json(case_json))
    app = NeedsLedApp(db=str(db), content=str(content))
    async with app.run_test(size=(110, 34)) as pilot:
        await open_case(pilot)
        await pilot.pause()
        sent = [words for words, _ in _footer_keys(app) if "Send to room" in words]
        assert sent and all(words.lower().startswith("f12") for words in sent), sent
        await pilot.press("ctrl+q")
