"""What a screen asks the app for, as typed messages.

A screen says what the worker chose (this case, in this view); the app decides how to
show it (load the case, put up the screen, say in one line why it cannot). Screens never
call the app's navigation methods, so a screen can be hosted, tested or reused without
knowing how the app arranges its screens.
"""

from __future__ import annotations

from typing import Literal

from textual.message import Message

#: the ways a stored case can be shown
CaseView = Literal["interview", "supervision", "review", "trace"]


class OpenCase(Message):
    """Show the stored case ``reference`` in ``view``."""

    def __init__(self, reference: str, view: CaseView = "interview") -> None:
        super().__init__()
        self.reference = reference
        self.view: CaseView = view


class StartPractice(Message):
    """Reopen or start the practice case for a vignette."""

    def __init__(self, vignette_id: str) -> None:
        super().__init__()
        self.vignette_id = vignette_id
