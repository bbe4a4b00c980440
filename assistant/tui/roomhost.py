"""The trainer's screen for a workshop room: the address, the join code, who is in, and the
forms arriving in the pooled sample, live; the shuffle on the pooled forms at a key.

The server runs on this app's own event loop (aiohttp under Textual's asyncio), so the room
lives exactly as long as this screen: ending the room closes every participant's app and
keeps everything (the pooled sample in the trainer's database, each participant's
workspace in the room's folder).
"""

from __future__ import annotations

import asyncio
import sys
from typing import Any

from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, DataTable, Footer, Label, RichLog, Static

from assistant.room import Room, RoomError, start
from assistant.tui.widgets.header import Header


class EndRoom(ModalScreen[bool]):
    """Ending the room closes the participants' apps: ask first."""

    BINDINGS = [Binding("escape", "dismiss(False)", "Keep the room open", id="end-room.keep"),
                Binding("y", "dismiss(True)", "End the room", id="end-room.end")]
    DEFAULT_CSS = """
    EndRoom { align: center middle; }
    EndRoom > Vertical { width: 64; height: auto; padding: 1 2; border: thick $warning;
                         background: $surface; }
    EndRoom Label { width: 100%; }  /* wraps: a Label is as wide as its text, and cut */
    EndRoom Horizontal { height: auto; margin-top: 1; }
    EndRoom Button { margin-right: 2; }
    """

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Label("End the room? Every participant's app closes. Their cases and "
                        "the pooled forms are kept.")
            with Horizontal():
                yield Button("End the room (y)", id="end", variant="warning")
                yield Button("Keep it open (Esc)", id="keep")

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "end")


class RoomHostApp(App[None]):
    """What the trainer sees while the room is open."""

    TITLE = "needs-led: workshop room"
    CSS = """
    #door { height: auto; padding: 1 2; border: round $accent; margin: 0 1; }
    #code { text-style: bold; color: $warning; }
    #people-pane { width: 45%; }
    DataTable { height: 1fr; }
    RichLog { height: 1fr; border: round $panel; }
    .title { text-style: bold; padding: 0 1; }
    #pooled { height: 1; padding: 0 1; background: $boost; }
    """
    BINDINGS = [
        Binding("s", "shuffle", "Shuffle pooled forms", id="room.shuffle"),
        Binding("ctrl+q,q", "end_room", "End room", priority=True, id="room.end"),
        Binding("f1", "help", "Help", id="room.help"),
    ]

    def __init__(self, room: Room, prefork: bool = True) -> None:
        super().__init__()
        self.room = room
        self.prefork = prefork
        self.runner: Any = None
        self.failure = ""
        self._dirty = True
        self._seen_arrivals = 0
        room.on_change = self._mark_dirty

    def _mark_dirty(self) -> None:
        # Called from the server's loop or its worker threads: only set a flag here.
        self._dirty = True

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("", id="door")
        with Horizontal():
            with Vertical(id="people-pane"):
                yield Static("Participants", classes="title")
                yield DataTable(id="people", cursor_type="row", zebra_stripes=True)
            with Vertical():
                yield Static("Forms arriving", classes="title")
                yield RichLog(id="arrivals", wrap=True, markup=False)
        yield Static("", id="pooled")
        yield Footer()

    async def on_mount(self) -> None:
        table = self.query_one("#people", DataTable)
        table.add_columns("#", "Name", "Joined", "Open", "Forms sent")
        try:
            self.runner = await start(self.room, prefork=self.prefork)
        except RoomError as exc:
            self.failure = str(exc)
            self.exit(return_code=1)
            return
        self._show_door()
        self.set_interval(0.5, self._refresh)

    def _show_door(self) -> None:
        room = self.room
        where = ("this computer only" if room.host in ("127.0.0.1", "localhost", "::1")
                 else "the room's network")
        self.query_one("#door", Static).update(
            f"Participants open  [b]{room.url}[/b]  in a browser ({where})\n"
            f"and type the join code  [b][$warning]{room.code}[/][/b]   "
            f"(projector: the same address and the trainer code  [b]{room.trainer_code}[/b]"
            " shows the shuffle)\n"
            f"Forms pool into the sample '{room.sample}'. Workspaces: {room.folder}\n"
            + ("Participants' apps start at once." if room.prefork_socket else
               "Preparing the participants' app (a few seconds); people can join already."))

    def _refresh(self) -> None:
        if not self._dirty:
            return
        self._dirty = False
        self._show_door()
        table = self.query_one("#people", DataTable)
        table.clear()
        for person in list(self.room.participants.values()):
            table.add_row(str(person.number), person.label,
                          person.joined.astimezone().strftime("%H:%M"),
                          str(person.sessions), str(person.forms))
        log = self.query_one("#arrivals", RichLog)
        for arrival in self.room.arrivals[self._seen_arrivals:]:
            verb = "sent again" if arrival.replaced else "arrived"
            log.write(f"{arrival.at.astimezone():%H:%M:%S}  {arrival.participant}: "
                      f"{arrival.describe()} {verb}")
        self._seen_arrivals = len(self.room.arrivals)
        self.run_worker(self._count_pooled, thread=True, exclusive=True, group="pooled")

    def _count_pooled(self) -> None:
        try:
            text = f"{self.room.pooled()} forms in the pooled sample '{self.room.sample}'"
        except Exception as exc:  # a busy or unreadable database: say so, keep serving
            text = f"The pooled sample cannot be read just now: {str(exc).splitlines()[0]}"
        self.call_from_thread(self.query_one("#pooled", Static).update, text)

    async def action_shuffle(self) -> None:
        """Sort the pooled forms: the shuffle runs in this terminal while the room serves."""
        args = [sys.executable, "-m", "assistant", "audit", "shuffle", self.room.sample]
        if self.room.pool_db is not None:
            args += ["--db", str(self.room.pool_db)]
        if self.room.content:
            args += ["--content", self.room.content]
        try:
            with self.suspend():
                process = await asyncio.create_subprocess_exec(*args)
                await process.wait()
        except Exception as exc:  # suspend is not possible (no real terminal)
            self.notify(f"The shuffle cannot open here: {exc}. Run "
                        f"'needs-led audit shuffle \"{self.room.sample}\"' in another "
                        "terminal.", severity="warning", timeout=10)
        self._dirty = True

    def action_end_room(self) -> None:
        def ended(yes: bool | None) -> None:
            if yes:
                self.exit()

        self.push_screen(EndRoom(), ended)

    def action_help(self) -> None:
        self.notify("s: open the shuffle on the pooled forms. q or Ctrl+Q: end the room "
                    "(everything is kept). Participants press F10 in their app to send the "
                    "case they are on as an audit form.", timeout=12)

    async def on_unmount(self) -> None:
        if self.runner is not None:
            await self.runner.cleanup()


def run(room: Room) -> int:
    app = RoomHostApp(room)
    app.run()
    if app.failure:
        print(f"needs-led: error: {app.failure}", file=sys.stderr)
        return 1
    print(f"Room ended. Pooled forms are in the sample '{room.sample}'; participants' "
          f"workspaces are in {room.folder}.", file=sys.stderr)
    return 0
