"""Nothing typed is lost, on screen: drafts from every field, saves off the UI thread.

The app forwards every ``Input.Changed`` and ``TextArea.Changed`` (they bubble up to it) to
:meth:`Keeper.changed`, which records the field's text in the core
:class:`~assistant.recovery.Journal` under a key the screen chooses:

- a screen with a ``draft_key(widget)`` method says the key itself (the interview: the
  case and the question, so the draft comes back with the question);
- a screen with a ``draft_scope`` attribute keeps every field with an id, under that scope
  (dialogs and the new-case screen: scopes starting with ``~`` are not a case's, and
  quitting while they hold text asks first);
- any other screen's fields are not kept (the command palette, search boxes).

A tick every 0.1 s starts a thread worker when something is due (a pause in typing, at
most :data:`~assistant.recovery.DRAFT_MAX_WAIT` after the first unsaved key, a queued
save, a retry), so the database has typed text within a second however fast the typing,
and the UI never waits on the database. A failed write shows a lasting bar on every screen
until a retry succeeds.
"""

from __future__ import annotations

import time
from typing import TYPE_CHECKING, Any

from textual.app import ScreenStackError, UnknownModeError
from textual.widget import Widget
from textual.widgets import Input, Static, TextArea

from assistant.recovery import RETRY_EVERY, Journal

if TYPE_CHECKING:
    from textual.screen import Screen
    from textual.worker import Worker

    from assistant.tui.app import NeedsLedApp

TICK = 0.1


def text_of(widget: Widget) -> str | None:
    """The text in an Input or a TextArea (None for any other widget)."""
    if isinstance(widget, Input):
        return widget.value
    if isinstance(widget, TextArea):
        return widget.text
    return None


def set_text(widget: Widget, text: str) -> None:
    """Put ``text`` in an Input or a TextArea with the cursor at its end."""
    if isinstance(widget, Input):
        widget.value = text
        widget.cursor_position = len(text)
    elif isinstance(widget, TextArea):
        widget.text = text
        widget.move_cursor(widget.document.end)


def typed_ahead(widget: Widget, submitted: str) -> str:
    """What was typed into ``widget`` after ``submitted`` was sent with Enter (while the
    answer was checked), so the next question can start with it instead of losing it."""
    text = text_of(widget) or ""
    if len(text) > len(submitted) and text.startswith(submitted):
        return text[len(submitted):].lstrip("\n")
    return ""


def draft_key(screen: Screen[Any], widget: Widget) -> tuple[str, str] | None:
    hook = getattr(screen, "draft_key", None)
    if callable(hook):
        return hook(widget)
    scope = getattr(screen, "draft_scope", None)
    if scope and widget.id:
        return (str(scope), widget.id)
    return None


def _fields(screen: Screen[Any]) -> list[Widget]:
    return [w for w in screen.query("Input, TextArea") if w.id]


class SaveBar(Static):
    """The lasting 'not saved' state, mounted on whichever screen is showing."""

    DEFAULT_CSS = """
    SaveBar { dock: bottom; height: auto; background: $error; color: $text;
              padding: 0 1; }
    """

    def __init__(self, text: str) -> None:
        super().__init__(text)
        self.text = text


class Keeper:
    """The app's side of the journal: capture, schedule, show."""

    def __init__(self, app: NeedsLedApp) -> None:
        self.app = app
        self.journal: Journal | None = None
        self._conflict_shown = False
        #: the worker put the conflict off (Escape): asked again on Ctrl+S, not at once
        self._conflict_later = False
        self._reopen: str | None = None
        self._worker: Worker[None] | None = None
        self._bar_text = ""

    def start(self, db_path: str) -> None:
        self.journal = Journal(db_path)
        self.app.set_interval(TICK, self.tick)
        self.app.screen_change_signal.subscribe(self.app, lambda _screen: self._show_bar())

    # --- capture ----------------------------------------------------------------------

    def changed(self, widget: Widget) -> None:
        if self.journal is None:
            return
        try:
            screen = widget.screen
        except Exception:  # the widget is gone already
            return
        key = draft_key(screen, widget)
        text = text_of(widget)
        if key is not None and text is not None:
            self.journal.put_draft(*key, text)

    def get(self, scope: str, name: str) -> str | None:
        """The field's draft: this session's if it has one, else the database's."""
        if self.journal is not None:
            known, text = self.journal.draft(scope, name)
            if known:
                return text
        store = self.app.store
        if store is None:
            return None
        from assistant.store import StoreError

        try:
            return store.drafts(scope).get(name)
        except StoreError:
            return None

    def position(self, reference: str) -> str | None:
        """Where the case's interview was: this session's, else the database's."""
        if self.journal is not None and (step := self.journal.position(reference)):
            return step
        store = self.app.store
        if store is None:
            return None
        from assistant.store import StoreError

        try:
            return store.position(reference)
        except StoreError:
            return None

    def remember_position(self, reference: str, step: str) -> None:
        if self.journal is not None:
            self.journal.put_position(reference, step)
            self.kick()

    def put_draft(self, scope: str, name: str, text: str | None) -> None:
        """Keep a draft that is not a widget's text (the new-case form's people)."""
        if self.journal is not None:
            self.journal.put_draft(scope, name, text)

    def set_base(self, reference: str, revision: int) -> None:
        """The revision the next save of ``reference`` builds on (0: a new case)."""
        if self.journal is not None:
            self.journal.set_base(reference, revision)

    def forget(self, scope: str, name: str) -> None:
        """The field's text was used (submitted): its draft goes."""
        if self.journal is not None:
            self.journal.put_draft(scope, name, None)

    def restore(self, screen: Screen[Any]) -> None:
        """Put each field's draft back (a screen's ``on_mount`` calls this)."""
        for widget in _fields(screen):
            key = draft_key(screen, widget)
            text = self.get(*key) if key else None
            if text:
                set_text(widget, text)

    def forget_screen(self, screen: Screen[Any]) -> None:
        """A dialog or form was submitted: its fields' drafts go."""
        for widget in _fields(screen):
            key = draft_key(screen, widget)
            if key:
                self.forget(*key)

    def holding_text(self) -> list[Screen[Any]]:
        """Screens in the stack with typed text that is not a case's answer (dialogs, the
        new-case form): quitting asks first."""
        found = []
        for screen in self.app.screen_stack:
            scope = getattr(screen, "draft_scope", None)
            if not (scope and str(scope).startswith("~")):
                continue
            hook = getattr(screen, "holds_text", None)
            if hook() if callable(hook) else any(
                    (text_of(w) or "").strip() for w in _fields(screen)):
                found.append(screen)
        return found

    # --- saves ------------------------------------------------------------------------

    def submit(self, reference: str, body: str, note: str,
               done: tuple[tuple[str, str], ...] = ()) -> None:
        assert self.journal is not None
        self.journal.submit(reference, body, note, done)
        self.kick()

    def kick(self) -> None:
        """Start the writer now, unless it is already running."""
        if self.journal is None or self._writing:
            return
        self._worker = self.app.run_worker(self._write, thread=True, group="keeper",
                                           exit_on_error=False)

    @property
    def _writing(self) -> bool:
        """A writer was started and has not ended. Read from the worker, not kept as a
        flag the writer clears: a writer cancelled before its thread ran never clears
        one, and nothing would be written again, nor a case reopened after a conflict."""
        return self._worker is not None and not self._worker.is_finished

    def _write(self) -> None:
        assert self.journal is not None
        self.journal.drain()

    def retry(self) -> None:
        self._conflict_later = False
        if self.journal is not None:
            self.journal.failed_at = 0.0
            self.kick()

    def tick(self) -> None:
        journal = self.journal
        if journal is None:
            return
        if not self._writing and journal.due():
            self.kick()
        elif journal.oldest_unsaved() > 0.8:
            journal.mirror()  # the database is slow, locked or in conflict: the file has it
        if journal.conflict is not None and not (self._conflict_shown
                                                 or self._conflict_later):
            self._conflict_shown = True
            self._ask_conflict()
        if self._reopen and not self._writing and not journal.queue:
            reference, self._reopen = self._reopen, None
            self.app.reopen(reference)
        self._show_bar()

    def _ask_conflict(self) -> None:
        from assistant.tui.screens.saving import ConflictScreen

        assert self.journal is not None and self.journal.conflict is not None
        conflict = self.journal.conflict

        def answered(keep_mine: bool | None) -> None:
            assert self.journal is not None
            self._conflict_shown = False
            if keep_mine is None:
                self._conflict_later = True  # asked again on Ctrl+S
                return
            self.journal.resolve(keep_mine_latest=keep_mine)
            if not keep_mine:
                self._reopen = conflict.reference
            self.kick()

        self.app.push_screen(ConflictScreen(conflict), answered)

    def status(self) -> str:
        """One line on what is not saved, or "" when the database has everything."""
        journal = self.journal
        if journal is None:
            return ""
        if journal.wal_missing:
            wal = "The database's -wal file was removed by another program: needs-led " \
                  "writes straight to the database now; restart it when you can. "
        else:
            wal = ""
        if journal.conflict is not None:
            return wal + f"Not saved: {journal.conflict}. Ctrl+S: choose what to keep."
        if journal.error:
            waiting = len(journal.queue)
            what = f"{waiting} change{'s' if waiting != 1 else ''}" if waiting else "drafts"
            where = (f"The recovery file cannot be written either: {journal.file_error}"
                     if journal.file_error else f"Kept in {journal.in_use.parent}")
            wait = max(0.0, journal.failed_at + RETRY_EVERY - time.monotonic())
            return wal + (f"Not saved: {what} ({journal.error}). {where}; "
                          f"retrying in {wait:.0f} s (Ctrl+S: now).")
        return wal.strip()

    def _show_bar(self) -> None:
        text = self.status()
        try:
            screen = self.app.screen
        except (ScreenStackError, UnknownModeError):  # closing: its screens are gone
            return
        bars = list(screen.query(SaveBar))
        if not text:
            for bar in bars:
                bar.remove()
            self._bar_text = ""
            return
        if not bars:
            screen.mount(SaveBar(text))
        elif bars[0].text != text:
            bars[0].text = text
            bars[0].update(text)
        self._bar_text = text

    # --- exit -------------------------------------------------------------------------

    def capture(self) -> None:
        """Record every kept field's text as it is now, whether or not its Changed message
        has reached the app yet (at a signal, the app may be a few messages behind)."""
        for screen in list(self.app.screen_stack):
            for widget in _fields(screen):
                self.changed(widget)

    def flush_now(self, wait: float = 2.0) -> None:
        """Write everything now, waiting at most ``wait`` s for a writer already busy;
        what the database does not take stays in the recovery file."""
        if self.journal is not None:
            self.capture()
            self.journal.flush_now(wait)

    def close(self) -> None:
        if self.journal is not None:
            self.flush_now(5.0)
            self.journal.close()
