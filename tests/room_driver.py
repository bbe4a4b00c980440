"""A simulated workshop participant: a browser's part of the room protocol, over loopback.

It does what a participant's browser does: posts the join code, keeps the room's cookie,
opens the app's websocket as textual.js would (``["stdin", keys]``, ``["resize", ...]``)
and reads the terminal output the app sends back. Used by the room tests and by
``benchmarks/room.py``; it drives the real app in real processes, nothing mocked.
"""

from __future__ import annotations

import asyncio
import re
import time
from dataclasses import dataclass, field
from typing import Any

#: Keys as a terminal sends them.
ENTER = "\r"
ESCAPE = "\x1b"
DOWN = "\x1b[B"
F10 = "\x1b[21~"
#: Terminal control sequences, removed before looking for words on the screen.
CONTROL = re.compile(r"\x1b(\[[0-9;?<>=]*[ -/]*[@-~]|\][^\x07\x1b]*(\x07|\x1b\\)|[@-Z\\-_])")


@dataclass
class Participant:
    """One browser in the room."""

    base: str
    name: str
    session: Any = None
    ws: Any = None
    output: bytearray = field(default_factory=bytearray)
    packets: list[float] = field(default_factory=list)
    latencies: list[float] = field(default_factory=list)
    _reader: Any = None
    _arrived: Any = None

    async def join(self, code: str) -> int:
        """Post the join code; the HTTP status (303 when let in, 403 when refused)."""
        import aiohttp

        if self.session is None:
            self.session = aiohttp.ClientSession(cookie_jar=aiohttp.CookieJar(unsafe=True))
        async with self.session.post(f"{self.base}/join", data={"code": code,
                                                                 "name": self.name},
                                     allow_redirects=False) as response:
            return response.status

    async def open_app(self, width: int = 100, height: int = 30) -> None:
        """Open the app's websocket, as the page's script does."""
        self._arrived = asyncio.Event()
        self.ws = await self.session.ws_connect(
            f"{self.base.replace('http', 'ws', 1)}/ws?width={width}&height={height}",
            headers={"Origin": self.base}, max_msg_size=0)
        self._reader = asyncio.create_task(self._read())

    async def _read(self) -> None:
        import aiohttp

        async for message in self.ws:
            if message.type == aiohttp.WSMsgType.BINARY:
                self.output += message.data
                self.packets.append(time.perf_counter())
                self._arrived.set()
            elif message.type in (aiohttp.WSMsgType.CLOSED, aiohttp.WSMsgType.ERROR):
                break

    def text(self, since: int = 0) -> str:
        """What the app has drawn (since byte ``since``), without control sequences."""
        return CONTROL.sub("", self.output[since:].decode("utf-8", "replace"))

    async def wait_for(self, needle: str, timeout: float = 60.0, since: int = 0) -> None:
        """Wait until the app has drawn ``needle`` (after byte ``since`` of its output)."""
        deadline = time.monotonic() + timeout
        while needle not in self.text(since):
            if time.monotonic() > deadline:
                raise TimeoutError(f"{self.name}: '{needle}' never appeared")
            await asyncio.sleep(0.05)

    async def press(self, keys: str) -> None:
        await self.ws.send_json(["stdin", keys])

    async def keystroke(self, key: str, timeout: float = 5.0) -> float | None:
        """Type one key and time it until the app sends the screen back (seconds)."""
        self._arrived.clear()
        sent = time.perf_counter()
        await self.ws.send_json(["stdin", key])
        try:
            await asyncio.wait_for(self._arrived.wait(), timeout)
        except TimeoutError:
            return None
        latency = self.packets[-1] - sent
        self.latencies.append(latency)
        return latency

    async def close(self) -> None:
        if self.ws is not None:
            await self.ws.close()
        if self._reader is not None:
            self._reader.cancel()
        if self.session is not None:
            await self.session.close()


async def practice_and_send(person: Participant, vignette_index: int, needs: list[str],
                            pause: float = 0.08) -> None:
    """The participant's morning: open a practice family, type needs, send the form.

    Every character is typed one at a time and timed (``person.latencies``), with a
    typist's pause between keys.
    """
    await person.wait_for("coach: ready", timeout=180)  # the case list and the coach loaded
    await person.press("p")
    await person.wait_for("choose a family")
    for _ in range(vignette_index):
        await person.press(DOWN)
        await asyncio.sleep(0.05)
    mark = len(person.output)
    await person.press(ENTER)
    await person.wait_for("What does", since=mark)
    for need in needs:
        for char in need:
            await person.keystroke(char)
            await asyncio.sleep(pause)
        mark = len(person.output)
        await person.press(ENTER)
        # The interview moves on (the next need, or what the holder says about this one):
        # wait for the screen to change, whatever it asks.
        for _ in range(300):
            if len(person.output) > mark:
                break
            await asyncio.sleep(0.05)
        await asyncio.sleep(0.8)
    mark = len(person.output)
    await person.press(F10)
    await person.wait_for("Sent to the room", since=mark, timeout=60)
