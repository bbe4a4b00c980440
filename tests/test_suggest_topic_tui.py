"""The interview offers the same topic-led rewrites as `needs-led check --case`: a need about
friendships, typed live in the Textual app, is offered friendship statements (not the bed and
the rules the story speaks to), and a topic no library area knows is offered none.

Real parts only: the real app under Pilot from the first screen, the real coach with the
installed spaCy pipeline, a real SQLite file in tmp_path; invented names.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.tui.app import NeedsLedApp
from assistant.tui.widgets.coach import suggestions
from tests.test_tui import SIZE, answer, interview, start_case, type_text, until

pytestmark = pytest.mark.anyio


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


async def test_the_interview_offers_the_rewrites_the_cli_offers_for_a_topic(
        tmp_path: Path) -> None:
    app = NeedsLedApp(db=str(tmp_path / "cases.db"))
    async with app.run_test(size=SIZE) as pilot:
        await until(pilot, lambda: app.coach_status != "loading", "the coach loads")
        assert app.coach_status == "ready", app.coach_problem
        await start_case(pilot, "NL-T-720")
        screen = interview(app)
        await answer(pilot, "Dee drinks most evenings and Kayla often makes her own tea. "
                            "There is no bed for Kayla and she sleeps on the sofa.")
        await answer(pilot, "")  # no one missing
        await answer(pilot, "")  # the child's voice
        assert screen.interview.key.startswith("need_new:"), screen.interview.key
        for text, topic in (("Kayla needs support with her friendships", True),
                            ("Kayla needs help with her unicycle", False)):
            screen.query_one("#answer").clear()  # type: ignore[attr-defined]
            await type_text(pilot, text)
            await until(pilot, lambda t=text: screen.report is not None  # type: ignore[misc]
                        and screen.report_text == t, "a coach report")
            cli = app.coach.check(text, stage="need", holder="Kayla", case=screen.case)
            assert screen.rewrite_options == suggestions(
                screen.interview.relevant(list(cli.findings), "need"))
            if topic:
                assert screen.rewrite_options, "friendship rewrites"
                library = app.coach.library
                areas = {filled: entry.area.area for entry, filled in library.choose(
                    text, "Kayla", family=library.family(screen.case))}
                assert {areas.get(r) for r in screen.rewrite_options} == {"friendships"}, \
                    screen.rewrite_options
            else:
                assert screen.rewrite_options == [], screen.rewrite_options
