"""Keys typed straight after Enter or Tab go to the field that has the focus afterwards.

Textual hands each key to the widget focused *when the app reads the key*; what the key
then does (Enter submits, Tab moves on, Ctrl+S starts the interview) happens a few message
hops later, in the widget, its screen or the app. A terminal delivers keys as fast as they
are typed, so while an answer is being checked, or a Tab is on its way, the next keys are
read and handed to the field that is about to lose the focus: "Kayla" typed after Tab
lands in the reference, the start of the next answer in the one just sent.

So after a key that can move the focus or change the screen, the app holds the keys that
follow until every message that key caused has been handled (the screen's widgets and the
app have nothing left to do), then hands them on, in order, to whatever has the focus
then. Printable keys, Backspace and the arrows never hold anything. A hold ends after
:data:`MAX_HOLD` seconds and :data:`MAX_CHECKS` checks at most: a screen that stays busy
gets its keys anyway.
"""

from __future__ import annotations

import asyncio
import time
from collections import deque
from collections.abc import Callable
from typing import TYPE_CHECKING

from textual import events
from textual.message import Message

if TYPE_CHECKING:
    from textual._queue import Queue
    from textual.message_pump import MessagePump

    from assistant.tui.app import NeedsLedApp

#: keys whose handling can move the focus or change the screen
MOVING = frozenset({"enter", "tab", "shift+tab", "escape"})
#: the longest the keys after such a key wait for it to be handled, in seconds ...
MAX_HOLD = 1.0
#: ... and in checks (a handler that blocks the event loop, such as the coach reading an
#: answer, uses up no checks: the keys still wait for what it then does)
MAX_CHECKS = 250
#: how often a hold checks whether the app is done, in seconds
POLL = 0.002
#: keys closer together than this, in seconds, are one burst of typing (see ``divert``)
BURST_GAP = 0.5


def moves_focus(key: str) -> bool:
    """Whether ``key`` may move the focus or change the screen (Enter, Tab, Escape, any
    Ctrl or function key), so the keys after it wait until it has been handled."""
    return key in MOVING or key.startswith(("ctrl+", "shift+tab")) or (
        key.startswith("f") and key[1:].isdigit())


def _busy(pump: MessagePump, *, app: bool = False) -> bool:
    """Whether ``pump`` has messages waiting or one being handled. For the app, keys read
    from the terminal and not yet handed on do not count: they are what waits."""
    if getattr(pump, "_closed", False) or getattr(pump, "_closing", False):
        return False
    queue: Queue[Message | None] = pump._message_queue
    # An idle pump's task waits on its queue's event; one handling a message (or not yet
    # started, while it mounts) does not. Textual has no public "idle" for a widget; if a
    # later Textual or Python hides these internals, only waiting messages count.
    waiters = getattr(getattr(queue, "ready_event", None), "_waiters", _UNKNOWN)
    if waiters is not _UNKNOWN and not waiters and not queue.qsize():
        return True
    if not app:
        return queue.qsize() > 0
    return any(not (isinstance(m, events.Key) and not m.is_forwarded)
               for m in list(getattr(queue, "values", ())))


_UNKNOWN = object()


class TypeAhead:
    """The app's hold on keys read while a focus-moving key is still being handled."""

    class Release(Message):
        """Hand the held keys on (posted to the app once it is done)."""

    def __init__(self, app: NeedsLedApp) -> None:
        self.app = app
        self.held: deque[events.Key] = deque()
        self.closed = False
        self._since = 0.0
        self._checks = 0
        self._polling = False
        #: where a diverted burst's text goes (see ``divert``), and key timing
        self._sink: Callable[[str], None] | None = None
        self._last_key = 0.0
        self._gap = 0.0
        #: how many keys were held, and how many holds ran out of time (for tests)
        self.holds = 0
        self.timeouts = 0

    def divert(self, sink: Callable[[str], None]) -> None:
        """Give the keys typed straight on to ``sink`` instead of the focused widget,
        until the typing pauses. Why: when a key's handling opens a dialog under the
        worker's fingers (the coach flagged the answer just sent), the keys typed on
        without a pause were meant for the next answer, not for the dialog's field;
        browsers hold a new dialog's buttons for a moment for the same reason. Printable
        keys go to ``sink`` as text and Backspace as "\b"; the burst ends at the first
        key after a pause of :data:`BURST_GAP` seconds or one that can move the focus,
        which goes on as usual."""
        self._sink = sink

    def _to_sink(self, event: events.Key) -> bool:
        """Hand ``event`` to the diverting sink if it is typing; else end the diversion."""
        if self._sink is None:
            return False
        if not moves_focus(event.key):
            if event.key == "backspace":
                self._sink("\b")
                return True
            if event.is_printable and event.character:
                self._sink(event.character)
                return True
        self._sink = None
        return False

    def diverted(self, event: events.Key) -> bool:
        """Whether ``event`` (not held) went to a diverting sink: typed on, in the same
        burst, after the key whose handling diverted it."""
        if self._sink is not None and self._gap >= BURST_GAP:
            self._sink = None
        return self._to_sink(event)

    def hold(self, event: events.Key) -> bool:
        """Keep ``event`` for later if a key before it is still being handled (or keys
        held before it are still waiting: the order is kept)."""
        now = time.monotonic()
        self._gap, self._last_key = now - self._last_key, now
        if self.closed or self.held:
            self.held.append(event)
            self.holds += 1
            return True
        return False

    def handed_on(self, event: events.Key) -> None:
        """``event`` was handed to the focused widget: if it can move the focus, hold the
        keys after it until it has been handled."""
        if moves_focus(event.key):
            self.closed = True
            self._since = time.monotonic()
            self._checks = 0
            self._poll()

    def _poll(self) -> None:
        if self._polling:
            return
        self._polling = True
        asyncio.get_running_loop().call_later(POLL, self._check)

    def _check(self) -> None:
        self._polling = False
        if not self.closed:
            return
        self._checks += 1
        timed_out = (time.monotonic() - self._since > MAX_HOLD
                     and self._checks > MAX_CHECKS)
        if timed_out or not self._working():
            if timed_out:
                self.timeouts += 1
            self.closed = False
            self.app.post_message(self.Release())
        else:
            self._poll()

    def _working(self) -> bool:
        app = self.app
        if not app.is_running or _busy(app, app=True):
            return bool(app.is_running)
        try:
            nodes = list(app.screen.walk_children(with_self=True))
        except Exception:  # no screen yet, or it is closing
            return False
        return any(_busy(node) for node in nodes)

    def released(self) -> list[events.Key]:
        """The keys to hand on now, in order, up to and including the next one that can
        move the focus (the rest wait for it in turn)."""
        out: list[events.Key] = []
        while self.held and self._to_sink(self.held[0]):
            self.held.popleft()
        while self.held and not self.closed:
            event = self.held.popleft()
            out.append(event)
            if moves_focus(event.key):
                break
        return out
