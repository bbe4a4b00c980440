"""The answer box: multi-line, growing with the answer, Enter sends.

A story or a consequence needs room, so every answer is a TextArea that grows as the
answer does (up to a limit, then it scrolls). Enter sends the answer, as in a chat;
Shift+Enter or Ctrl+J starts a new line (terminals that cannot tell Shift+Enter from
Enter still send Ctrl+J); pasted text keeps its lines. Ctrl+Z undoes typing; when there
is no typing left to undo, it asks the screen to undo the last change to the case.

Ctrl+U and Ctrl+K act on the line as the worker typed it (up to the Enter or Ctrl+J), not
on the row the box happens to wrap it onto: Textual's TextArea (8.x) deletes to the start
or end of the wrapped row, so in an answer wider than the box Ctrl+U left most of it in
place, differently at each width. Each is one step Ctrl+Z puts back.
"""

from __future__ import annotations

from textual import events
from textual.message import Message
from textual.widgets import TextArea

#: shown under the box so nobody has to guess
ENTER_HELP = "Enter sends · Ctrl+J new line · Ctrl+Z undo"


class AnswerArea(TextArea):
    """A TextArea where Enter submits; never pre-selects; the cursor starts at the end."""

    class Submitted(Message):
        def __init__(self, area: AnswerArea, value: str) -> None:
            super().__init__()
            self.area = area
            self.value = value

        @property
        def control(self) -> AnswerArea:
            return self.area

    class UndoCase(Message):
        """Ctrl+Z with no typing left to undo: undo the last change to the case."""

    def __init__(self, text: str = "", *, id: str | None = None,
                 placeholder: str = "") -> None:
        super().__init__(text, id=id, soft_wrap=True, tab_behavior="focus",
                         show_line_numbers=False, compact=True, placeholder=placeholder)

    @property
    def value(self) -> str:
        return self.text

    def set_value(self, text: str) -> None:
        """Show ``text`` as a fresh answer: nothing selected, cursor at the end, and no
        undo history from the answer before."""
        with self.prevent(TextArea.Changed):
            self.load_text(text)
        self.move_cursor(self.document.end)

    def replace_value(self, text: str) -> None:
        """Replace the whole answer as one edit the worker can undo (a coach rewrite)."""
        self.replace(text, self.document.start, self.document.end)
        self.move_cursor(self.document.end)

    async def _on_key(self, event: events.Key) -> None:
        if event.key == "enter":
            event.stop()
            event.prevent_default()
            self.post_message(self.Submitted(self, self.text))
            return
        if event.key in ("shift+enter", "ctrl+j"):
            event.stop()
            event.prevent_default()
            start, end = self.selection
            self._replace_via_keyboard("\n", start, end)
            return
        await super()._on_key(event)

    async def _on_paste(self, event: events.Paste) -> None:
        """Pasted text goes in once, with its lines (the event must not bubble on to the
        screen, which would forward it here again)."""
        event.stop()
        event.prevent_default()
        if self.read_only:
            return
        from assistant.textsafe import pasted_text

        # a terminal's escape sequences and control characters are no one's words: they
        # go before the text goes in, not after it is saved
        if result := self._replace_via_keyboard(pasted_text(event.text), *self.selection):
            self.move_cursor(result.end_location)

    def _line_edge(self, end: bool) -> tuple[int, int]:
        """The start (or end) of the typed line the cursor is on, whatever the wrapping."""
        row, _ = self.cursor_location
        return (row, len(self.document.get_line(row))) if end else (row, 0)

    def _delete_as_one_step(self, start: tuple[int, int], end: tuple[int, int]) -> None:
        """Delete ``start``..``end`` as its own undo step (Ctrl+Z puts back just that)."""
        self.history.checkpoint()
        self._delete_via_keyboard(start, end)
        self.history.checkpoint()

    def action_delete_to_start_of_line(self) -> None:
        """Ctrl+U: what is before the cursor on this typed line; a selection, if there is
        one; at the start of a line, the line break before it (as Textual does)."""
        if self.read_only:
            return
        start, end = self.selection
        if start != end:
            self._delete_as_one_step(start, end)
        elif self.cursor_location[1] == 0:
            super().action_delete_to_start_of_line()
        else:
            self._delete_as_one_step(self._line_edge(end=False), self.cursor_location)

    def action_delete_to_end_of_line(self) -> None:
        """Ctrl+K: what is after the cursor on this typed line."""
        if self.read_only:
            return
        self._delete_as_one_step(self.selection.end, self._line_edge(end=True))

    async def action_delete_to_end_of_line_or_delete_line(self) -> None:
        """Ctrl+K: to the end of the typed line; at its end, the line break after it (the
        next line joins); an empty line goes."""
        if self.read_only:
            return
        line_start, line_end = self._line_edge(end=False), self._line_edge(end=True)
        if line_start == line_end:
            self.action_delete_line()
        elif self.selection.start == self.selection.end == line_end:
            self.action_delete_right()
        else:
            self.action_delete_to_end_of_line()

    def action_undo(self) -> None:
        if self.history.undo_stack:
            super().action_undo()
        else:
            self.post_message(self.UndoCase())
