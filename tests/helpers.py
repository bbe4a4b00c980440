"""Helpers for tests: paths, a CLI runner, and driving the app under Pilot."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from assistant.content import Content
from assistant.wordlists import english

if TYPE_CHECKING:
    from textual.pilot import Pilot

    from assistant.tui.app import NeedsLedApp
    from assistant.tui.screens.interview import InterviewScreen

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
CONTENT = Content(None)
#: the Need Group report's stop words of the shipped content
STOP = english(CONTENT).need_groups.stop
#: the shipped content's English word lists (framework/words)
WORDS = english(CONTENT)
"""The shipped content, for tests that call the core directly (below the CLI and the app,
which make the content once from --content and pass it down)."""


def run_cli(*args: str, stdin: str | None = None, env: dict[str, str] | None = None,
            cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    """Run `python -m assistant` in a real subprocess, as a person would."""
    full_env = {**os.environ, **(env or {})}
    return subprocess.run(
        [sys.executable, "-m", "assistant", *args],
        input=stdin, capture_output=True, text=True, env=full_env, cwd=cwd or ROOT, timeout=120,
    )


def theme_of(suggester: Any, text: str) -> str | None:
    """The Need Group theme ``suggester`` gives one need."""
    (suggestion,) = suggester.suggest([text])
    return suggestion.theme


async def until(pilot: Pilot, condition: Callable[[], object], what: str,
                limit: int = 600, state: Callable[[], object] | None = None) -> None:
    """Let the app run until ``condition`` holds (the coach loads in a thread); polls for
    a state, never asserts on a duration. ``state``: what the failure says the app was
    doing instead (for a race seen only on a loaded machine)."""
    for _ in range(limit):
        if condition():
            return
        await pilot.pause(0.05)
    raise AssertionError(f"never happened: {what}"
                         + (f" ({state()})" if state is not None else ""))


async def click(pilot: Pilot, selector: str) -> None:
    """Click ``selector`` once the showing screen has composed and laid it out: a dialog is
    pushed before its children mount, so on a loaded machine a click straight after the
    screen changes can find no widget, or one with no place on screen yet (Pilot clicks
    its region's corner: (0, 0), the backdrop, and nothing happens)."""
    await until(pilot, lambda: any(w.region.area for w in pilot.app.screen.query(selector)),
                f"{selector} shown")
    await pilot.click(selector)


def on_interview(app: NeedsLedApp) -> bool:
    """The interview screen is showing and composed."""
    from assistant.tui.screens.interview import InterviewScreen

    return isinstance(app.screen, InterviewScreen) and bool(app.screen.query("#answer"))


def interview(app: NeedsLedApp) -> InterviewScreen:
    from assistant.tui.screens.interview import InterviewScreen

    screen = app.screen
    assert isinstance(screen, InterviewScreen), screen
    return screen


async def open_case(pilot: Pilot, reference: str | None = None, *,
                    coach: bool = False) -> InterviewScreen:
    """Open a stored case from the first screen and wait for its interview: the one named
    ``reference``, or (None) the first in the list, with Enter, as a worker opens it.
    ``coach``: wait first for the wording coach and require it loaded (what the
    interview offers from a statement needs it; the blank fallback reads nothing)."""
    app: NeedsLedApp = pilot.app  # type: ignore[assignment]
    if coach:
        await until(pilot, lambda: app.coach_status != "loading", "the coach loads")
        assert app.coach_status == "ready", app.coach_problem
    await until(pilot, lambda: app.core_ready, "the cases are open")
    if reference is None:
        from assistant.tui.screens.home import HomeScreen

        assert isinstance(app.screen, HomeScreen), app.screen
        await pilot.press("enter")  # the first case in the list opens
    else:
        app.open_case(reference)
    await until(pilot, lambda: on_interview(app), "the interview")
    return interview(app)


async def dialog_up(pilot: Pilot, kind: type) -> Any:
    """Wait until a dialog of ``kind`` is up, as the worker sees it: on top, composed,
    its field focused, no key held (the app has handled everything putting it up). A
    test that types as soon as ``app.screen`` is the dialog types before it is up (it
    is on the stack from the moment it is pushed): that is typing on, not typing into
    it (:meth:`assistant.tui.typeahead.TypeAhead.divert`)."""
    app: NeedsLedApp = pilot.app  # type: ignore[assignment]

    def up() -> bool:
        screen, focused = app.screen, app.focused
        return (isinstance(screen, kind) and screen.is_mounted and focused is not None
                and focused.screen is screen and not app.typeahead.closed
                and not app.typeahead.held)

    await until(pilot, up, f"the {kind.__name__} is up")
    return app.screen


async def reads_the_dialog() -> None:
    """The worker stops and reads a dialog that opened under their fingers before typing
    into it: keys typed on in the same burst go back where they were meant
    (:meth:`assistant.tui.typeahead.TypeAhead.divert`)."""
    import asyncio

    from assistant.tui.typeahead import BURST_GAP

    await asyncio.sleep(BURST_GAP + 0.1)


#: the kinds each stage's labelled sets score, and the coach's name for one of them
SCORED_KINDS = {"need": {"universal", "service", "assessment"},
                "outcome": {"vague", "service"},
                "work": {"no-action", "no-frequency", "no-owner"}}
KIND_ALIASES = {"no-responsible": "no-owner"}


def scored_kinds(coach: Any, stage: str, text: str) -> set[str]:
    """The scored kinds the coach raises on ``text``; each finding's span is checked to
    hold the words it quotes."""
    report = coach.check(text, stage)
    for finding in report.findings:
        assert text[finding.start:finding.end] == finding.match
    return {KIND_ALIASES.get(k, k) for k in report.kinds} & SCORED_KINDS[stage]


#: Word files generated from a lexical database (scripts/wordnet_classes.py), not written
#: for the rules: they hold most of the language's service and assessment nouns, so a
#: test of what the hand-written lists hold leaves them out.
GENERATED_WORDING = frozenset({"wordnet.yml"})


def hand_wording_text() -> str:
    """The hand-written framework/wording files, lower-cased and joined."""
    return " ".join(path.read_text(encoding="utf-8").lower()
                    for path in sorted((ROOT / "framework" / "wording").glob("*.yml"))
                    if path.name not in GENERATED_WORDING)


def listed_in_wording(words: list[str]) -> list[str]:
    """Those of ``words`` that some hand-written framework/wording file holds: a test
    resting on invented words checks this is empty, so the coach reads the shape, not a
    list."""
    text = hand_wording_text()
    return [word for word in words if word in text]
