"""A real browser in a real room: headless Chromium joins, works and sends a form.

Chromium (Debian's, installed by `make test`) driven by Playwright against a room served on
a loopback port: the join page refuses a wrong code and keeps the name typed, the right
code opens the app, keys typed in the page reach it, F10 sends the audit form to the pool,
and the page asks nothing of the internet.
"""

from __future__ import annotations

import asyncio
import shutil
from pathlib import Path

import pytest

from assistant.room import Room, start

pytestmark = pytest.mark.browser

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run"]


@pytest.mark.skipif(CHROMIUM is None, reason="Chromium is not installed (make test installs it)")
def test_a_participant_joins_works_and_sends_a_form_from_a_browser(tmp_path: Path) -> None:
    from playwright.async_api import async_playwright

    room = Room(folder=tmp_path / "room", pool_db=tmp_path / "trainer.db",
                sample="Browser room", port=0)

    async def scenario() -> None:
        serving = await start(room)
        base = f"http://127.0.0.1:{room.port}"
        requests: list[str] = []
        errors: list[str] = []
        try:
            async with async_playwright() as playwright:
                browser = await playwright.chromium.launch(executable_path=CHROMIUM,
                                                           args=FLAGS)
                page = await browser.new_page(viewport={"width": 1200, "height": 760})
                page.on("request", lambda r: requests.append(r.url))
                page.on("console", lambda m: errors.append(m.text)
                        if m.type == "error" else None)
                await page.goto(base + "/")
                await page.fill("#code", "ZZZZZZ" if room.code != "ZZZZZZ" else "YYYYYY")
                await page.fill("#name", "Ann")
                await page.click("button")
                assert "not the room's join code" in await page.inner_text("main")
                assert await page.input_value("#name") == "Ann"
                assert room.participants == {}

                await page.fill("#code", room.code.lower())
                await page.click("button")
                await page.wait_for_selector("#terminal")
                person = next(iter(room.participants.values()))
                assert person.label == "Ann"
                # The app is up when its process has opened the participant's database.
                for _ in range(240):
                    if person.db.exists() and person.sessions == 1:
                        break
                    await asyncio.sleep(0.25)
                await asyncio.sleep(4)  # the case list and the coach load off the UI thread
                await page.click("#terminal")
                await page.keyboard.press("p")
                await asyncio.sleep(2)
                await page.keyboard.press("Enter")
                await asyncio.sleep(3)
                await page.keyboard.type("to be able to sit still in circle time", delay=30)
                await page.keyboard.press("Enter")
                await asyncio.sleep(2)
                await page.keyboard.press("F10")
                for _ in range(60):
                    if room.arrivals:
                        break
                    await asyncio.sleep(0.5)
                await browser.close()
        finally:
            await serving.cleanup()
        assert room.pooled() == 1
        [arrival] = room.arrivals
        assert arrival.participant == "Ann" and arrival.needs == 1
        assert all(url.startswith(base) for url in requests), "the page left the machine"
        assert [e for e in errors if "403" not in e] == []  # only the refused wrong code

    asyncio.run(scenario())
