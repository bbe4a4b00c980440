"""Keys typed quickly act in the order typed, each on the field that has the focus then.

Textual hands each key to the widget focused *when the app reads the key*; what the key
then does happens at different times. A text field inserts a typed character as soon as
the key reaches it; but Enter's answer is taken, Tab moves the focus, and Backspace,
Delete, the arrows, Home and End act, through the field's bindings, only a few message
hops later, in the widget's screen or the app (Textual runs a field's bindings when the
key has bubbled back up to the app). A terminal delivers keys as fast as they are typed,
so the next keys are read and handed on before that: "Kayla" typed after Tab lands in the
reference, the start of the next answer in the one just sent, and "1" typed after ten
Backspaces goes in first and is then deleted with the rest, so Enter sends an empty box.

So after every key but a character typed into a text field, the app holds the keys that
follow until every message that key caused has been handled (the screen's widgets and
the app have nothing left to do), then hands them on, in order, to whatever has the focus
then; pasted text waits its turn among them. Characters typed into a field never hold
anything, so ordinary typing is not slowed. A hold ends after :data:`MAX_HOLD` seconds
and :data:`MAX_CHECKS` checks at most: a screen that stays busy gets its keys anyway,
once it is up (mounted, its field focused), never before.
Keys typed while the cases are still being opened wait for them (Ctrl and function keys
excepted, so Ctrl+Q always quits).

A screen (a dialog most of all) is *up* once the app has put it up and handled everything
that caused: composed, mounted, its field focused, nothing left to do. Keys typed while
the screen on top is not up wait for it, whatever put it there (a key, a timer, a
thread): handed on before, they went to the dialog itself, which has no field yet, and
vanished ("XYZ" arrived as "YZ"). And a key typed once a dialog is up is for that dialog:
only keys typed before it was up (and the burst they began) are taken back to where they
were meant (see ``TypeAhead.divert``).
"""

from __future__ import annotations

import asyncio
import time
import weakref
from collections import deque
from collections.abc import Callable
from typing import TYPE_CHECKING

from textual import events
from textual.message import Message
from textual.widgets import Input, TextArea

if TYPE_CHECKING:
    from textual._queue import Queue
    from textual.message_pump import MessagePump

    from assistant.tui.app import NeedsLedApp

#: keys whose handling can move the focus or change the screen (they end a diversion)
MOVING = frozenset({"enter", "tab", "shift+tab", "escape"})
#: the longest the keys after a key wait for it to be handled, in seconds ...
MAX_HOLD = 1.0
#: ... and in checks (a handler that blocks the event loop, such as the coach reading an
#: answer, uses up no checks: the keys still wait for what it then does)
MAX_CHECKS = 250
#: how often a hold checks whether the app is done, in seconds
POLL = 0.002
#: keys closer together than this, in seconds, are one burst of typing (see ``divert``)
BURST_GAP = 0.5


#: what the app reads from the terminal and may hold: a key, or pasted text
Typed = events.Key | events.Paste


def acts_later(event: Typed, focused: object) -> bool:
    """Whether ``event``, handed to ``focused``, does its work later than the keys after
    it would reach the field: anything but a character typed into an editable text field
    (Backspace, the arrows, Enter, a character that is a screen's shortcut...). The keys
    after such a key wait until it has been handled. Pasted text goes in at once."""
    if isinstance(event, events.Paste):
        return False
    typed = (event.is_printable and bool(event.character)
             and isinstance(focused, (Input, TextArea))
             and not getattr(focused, "read_only", False))
    return not typed


def moves_focus(key: str) -> bool:
    """Whether ``key`` may move the focus or change the screen (Enter, Tab, Escape, any
    Ctrl or function key): such a key ends a diversion (see ``TypeAhead.divert``)."""
    return key in MOVING or key.startswith(("ctrl+", "shift+tab")) or (
        key.startswith("f") and key[1:].isdigit())


def is_command(event: Typed) -> bool:
    """Whether ``event`` is a Ctrl or function key (quit, help, the palette): those
    act even while the cases are being opened."""
    return isinstance(event, events.Key) and (
        event.key.startswith("ctrl+") or (event.key.startswith("f") and event.key[1:].isdigit()))


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


async def handled(pump: MessagePump | None) -> None:
    """Wait until ``pump`` (the focused field) has handled every key already handed to it,
    :data:`MAX_HOLD` seconds at most.

    Why: a priority key (Ctrl+Q) acts as soon as the app reads it, while the characters
    typed just before it may still wait in the field's queue; quitting then wrote the
    draft without them ("She says she is ex" of a sentence typed in one burst)."""
    if pump is None:
        return
    deadline = time.monotonic() + MAX_HOLD
    while _busy(pump) and time.monotonic() < deadline:
        await asyncio.sleep(POLL)


class TypeAhead:
    """The app's hold on keys read while a key before them is still being handled."""

    class Release(Message):
        """Hand the held keys on (posted to the app once it is done)."""

    def __init__(self, app: NeedsLedApp) -> None:
        self.app = app
        self.held: deque[Typed] = deque()
        #: for each held key, the pause before it, in seconds (see ``divert``)
        self._gaps: deque[float] = deque()
        self.closed = False
        self._since = 0.0
        self._checks = 0
        self._polling = False
        #: where a diverted burst's text goes (see ``divert``), while which screen shows,
        #: and key timing
        self._sink: Callable[[str], None] | None = None
        self._sink_screen: object = None
        #: when the diverting dialog was up (None: not yet), and whether a burst begun
        #: before that is being diverted
        self._sink_up: float | None = None
        self._sink_burst = False
        #: the screens that have been up (see ``_putting_up``)
        self._up: weakref.WeakSet[object] = weakref.WeakSet()
        self._last_key = 0.0
        self._gap = 0.0
        #: the first screen has listed the cases (see ``opening``)
        self._listed = False
        #: how many keys were held, and how many holds ran out of time (for tests)
        self.holds = 0
        self.timeouts = 0

    def divert(self, sink: Callable[[str], None], screen: object) -> None:
        """Give the keys typed straight on to ``sink`` instead of the focused widget,
        until the typing pauses. Why: when a key's handling opens a dialog under the
        worker's fingers (the coach flagged the answer just sent), the keys typed on
        without a pause were meant for the next answer, not for the dialog's field;
        browsers hold a new dialog's buttons for a moment for the same reason. Printable
        keys and pasted text go to ``sink`` as text and Backspace as "\b"; the burst
        ends at the first key after a pause of :data:`BURST_GAP` seconds or one that can
        move the focus, which goes on as usual, or when ``screen`` (the dialog) is no
        longer the one showing: a diversion never outlives the dialog it was for.

        Only a burst begun before the dialog was up is typed on: a key typed once it is
        up, with no key typed between, is for the dialog, however soon after the Enter.
        Why: the pause alone was measured from the Enter, so a reason typed into a
        dialog already up on a quick machine (up 0.1 s after the Enter, the reason
        begun 0.3 s after) went into the answer box below, and the Enter after it sent
        the dialog an empty reason (walk11's Pilot test at "Whose need is it?").

        Called while the key that opened the dialog is handled, so under that key's
        hold: the hold ends once the dialog is up, and that is when it was up. The keys
        typed on are not held until then: those read already go to ``sink`` now, and
        those read while the dialog is put up go as they are read (see ``hold``). Why: on
        a loaded machine putting the dialog up took seconds, and keys held meanwhile were
        in no draft, so a kill then lost them all."""
        self._sink = sink
        self._sink_screen = screen
        self._sink_up = None
        self._sink_burst = False
        while self.held and self._to_sink(self.held[0], self._gaps[0]):
            self.held.popleft()
            self._gaps.popleft()

    def _to_sink(self, event: Typed, gap: float) -> bool:
        """Hand ``event``, typed ``gap`` seconds after the key before it, to the diverting
        sink if it is typing on in the same burst, one begun before the dialog was up;
        else end the diversion."""
        if self._sink is None:
            return False
        typing_on = (gap < BURST_GAP and self._dialog_showing()
                     and (self._sink_burst or self._sink_up is None
                          or event.time < self._sink_up))
        if isinstance(event, events.Paste):
            if typing_on:
                self._sink(event.text)
                self._sink_burst = True
                return True
        elif typing_on and not moves_focus(event.key):
            if event.key == "backspace":
                self._sink("\b")
                self._sink_burst = True
                return True
            if event.is_printable and event.character:
                self._sink(event.character)
                self._sink_burst = True
                return True
        self._sink = None
        return False

    def opening(self) -> bool:
        """Whether the cases are still being opened (the content and the database load
        in a thread). Why hold keys meanwhile: the first screen lists "Opening your
        cases…" until then, so an Enter typed at once (the worker knows the first case
        is the one) found no case highlighted and did nothing; held, it opens the case
        highlighted once they are listed. Nothing waits when they cannot be opened."""
        return not self._listed and not getattr(self.app, "failure", "")

    def opened(self) -> None:
        """The cases are listed (or cannot be opened): hand on the keys typed meanwhile.
        Called by the first screen once it has listed them, not when the app has loaded
        them: the list is filled a message later, and an Enter handed on in between
        found it empty (and the keys typed after it went to the first screen's
        shortcuts: "n" of "needs" opened a new case)."""
        self._listed = True
        if self.held and not self.closed:
            self.app.post_message(self.Release())

    def _focused(self) -> object:
        try:
            return self.app.focused
        except Exception:  # no screen: the app is closing
            return None

    def _dialog_showing(self) -> bool:
        try:
            return self.app.screen is self._sink_screen
        except Exception:  # no screen: the app is closing
            return False

    def diverted(self, event: Typed) -> bool:
        """Whether ``event`` (not held) went to a diverting sink: typed on, in the same
        burst, after the key whose handling diverted it."""
        return self._to_sink(event, self._gap)

    def hold(self, event: Typed) -> bool:
        """Keep ``event`` for later if a key before it is still being handled (or keys
        held before it are still waiting: the order is kept), if the screen on top is
        not up yet (see ``_putting_up``), or if the cases are not open yet (see
        ``opening``)."""
        # when the terminal delivered it (a handler blocking the event loop delays
        # ``hold``, not the typing)
        now = event.time
        self._gap, self._last_key = now - self._last_key, now
        opening = self.opening()
        if opening and is_command(event):
            return False  # Ctrl+Q quits a start that hangs
        if self._sink is not None and not (self.held or opening) \
                and self._to_sink(event, self._gap):
            return True  # typed on past a flag: into the answer now (see ``divert``)
        if not (self.closed or self.held or opening) and self._putting_up():
            self._close()  # released once the screen is up (``_check``)
        if self.closed or self.held or opening:
            self.held.append(event)
            self._gaps.append(self._gap)
            self.holds += 1
            return True
        return False

    def _putting_up(self) -> bool:
        """Whether the screen on top is not up yet: never seen up by a hold's end. Why
        hold keys for it: a screen put up while no key was held (by a timer, a thread, a
        dialog's answer) took the keys typed at it before it had a focused field; they
        went to the screen itself and vanished. A screen once up stays up: keys typed
        into its fields are never held for it again."""
        try:
            screen = self.app.screen
        except Exception:  # no screen: the app is starting or closing
            return False
        return screen not in self._up

    def _close(self) -> None:
        self.closed = True
        self._since = time.monotonic()
        self._checks = 0
        self._poll()

    def handed_on(self, event: Typed) -> None:
        """``event`` was handed to the focused widget: if it acts later than the keys
        after it would (:func:`acts_later`), hold them until it has been handled."""
        if acts_later(event, self._focused()):
            self._close()

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
        # A screen still being put up never times out: its keys would go to no field,
        # or to the wrong one (see ``_screen_up``).
        timed_out = (time.monotonic() - self._since > MAX_HOLD
                     and self._checks > MAX_CHECKS and self._screen_up())
        if timed_out or not self._working():
            if timed_out:
                self.timeouts += 1
            self._screen_is_up()
            self.closed = False
            self.app.post_message(self.Release())
        else:
            self._poll()

    def _screen_is_up(self) -> None:
        """A hold ends: the screen on top is up (the one showing gets the keys now), and
        if it is the diverting dialog, the keys typed from now on are for it."""
        try:
            screen = self.app.screen
        except Exception:  # no screen: the app is starting or closing
            return
        if not getattr(screen, "is_mounted", True):
            return
        self._up.add(screen)
        if screen is self._sink_screen and self._sink_up is None:
            self._sink_up = time.monotonic()

    def _screen_up(self) -> bool:
        """Whether the screen showing has been mounted: composed, and its ``on_mount``
        run (which puts up its question and focuses the field for it). Why: on a loaded
        machine a case took seconds to open; the keys typed after Enter ran out their
        hold before the interview's answer box had the focus and went to no field, so
        "Kayla ..." arrived as "yla ...", and an Enter typed on sent an empty answer,
        taken as "no more needs" for a question never seen."""
        try:
            screen = self.app.screen
        except Exception:  # no screen: the app is starting or closing
            return True
        return bool(getattr(screen, "is_mounted", True))

    def _working(self) -> bool:
        app = self.app
        if not app.is_running or _busy(app, app=True):
            return bool(app.is_running)
        if not self._screen_up():
            return True
        try:
            nodes = list(app.screen.walk_children(with_self=True))
        except Exception:  # no screen yet, or it is closing
            return False
        return any(_busy(node) for node in nodes)

    def released(self) -> list[Typed]:
        """The keys to hand on now, in order, up to and including the next one that acts
        later than the keys after it would (the rest wait for it in turn). Only once the
        keys before them have been handled: the focus, and the screen, may change yet."""
        out: list[Typed] = []
        if self.closed or self.opening():
            return out
        while self.held and self._to_sink(self.held[0], self._gaps[0]):
            self.held.popleft()
            self._gaps.popleft()
        focused = self._focused()
        while self.held:
            event = self.held.popleft()
            self._gaps.popleft()
            out.append(event)
            if acts_later(event, focused):
                break
        return out
