""""Who will do this?" offers the owner the work statement already names (issue 10, point
2: work; the last session's walk).

The owner is the work reader's (the ``owner`` of ``Coach.read_offers``, read with the
frequency and start from one parse), matched to the case's people where it names one
("Mum" in a case with Dee as the mother is "Dee (Mum)"); a role keeps its words without a
leading article. It is offered, never typed in: an empty Enter takes it, typing replaces
it, and an owner already recorded or a draft typed is never overwritten.
Real spaCy, a real SQLite file, the real app under Pilot.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.interview import Interview
from assistant.model import Case, Need, Outcome, Person, WorkItem
from assistant.store import Store
from assistant.tui.app import NeedsLedApp
from assistant.wording import Coach
from tests.helpers import CONTENT, open_case
from tests.test_tui import SIZE, answer, type_text, until


def _case() -> Case:
    outcome = Outcome(statement="By 1 March 2027 Pip will be home by 9pm on 4 school nights "
                                "in 5, as the Farrowby log shows.", whose="child")
    need = Need(holder="p", wording="Pip needs to be home by 9pm on school nights.",
                outcomes=[outcome])
    return Case(reference="T-OWN-1", story="Pip (14) lives with his mum Wren.",
                people=[Person(id="p", name="Pip", role="child", age=14, sex="male"),
                        Person(id="w", name="Wren", role="mother", age=41, sex="female"),
                        Person(id="o", name="Odo", role="relative", age=30, sex="male")],
                needs=[need])


@pytest.mark.parametrize(("action", "owner"), [
    ("Family support worker to visit Pip weekly and agree a curfew plan with Mum.",
     "Family support worker"),
    ("Mum will text Pip at 8.30pm on school nights to remind him to come home.",
     "Wren (Mum)"),
    ("Wren will collect Pip from the Farrowby club on Fridays.", "Wren"),
    # a family word with the name says the name once, not "Wren (Mum Wren)"
    ("Mum Wren will walk Pip to the Farrowby club on Fridays.", "Wren"),
    ("The school nurse will see Pip each Monday to talk about his sleep.", "School nurse"),
    ("Weekly visits by the Quenby youth worker to plan Pip's evenings.",
     "Quenby youth worker"),
    # a person of the case named first in note form, the name taken by the parser for an
    # adverb or a plural (found by walk8: "Nan to go with Kerry and Mila to Rhyme Time
    # ..." offered no one)
    ("Wren to go with Pip to the Farrowby club every Friday from next week.", "Wren"),
    ("Odo to take Pip to the Farrowby club on Fridays.", "Odo"),
])
def test_the_owner_named_in_the_work_is_offered(coach: Coach,
                                                action: str, owner: str) -> None:
    case = _case()
    item = WorkItem(action=action, outcome_id=case.needs[0].outcomes[0].id)
    case.needs[0].work = [item]
    iv = Interview(case, CONTENT)
    iv.offer_reader = coach.read_offers
    iv.goto(f"who:{item.id}")
    assert iv.question().offered == owner
    iv.answer("")  # an empty answer takes the offer
    assert case.needs[0].work[0].who == owner


@pytest.mark.parametrize("action", [
    "Direct work sessions about feelings and family drinking, using the workbook.",
    "Transport to be provided.",
    "Curfew plan agreed and reviewed monthly.",
])
def test_no_owner_is_offered_when_the_work_names_none(coach: Coach,
                                                      action: str) -> None:
    case = _case()
    item = WorkItem(action=action, outcome_id=case.needs[0].outcomes[0].id)
    case.needs[0].work = [item]
    iv = Interview(case, CONTENT)
    iv.offer_reader = coach.read_offers
    iv.goto(f"who:{item.id}")
    assert iv.question().offered == ""


def test_an_owner_recorded_or_typed_wins_and_no_reader_offers_nothing(
        coach: Coach) -> None:
    case = _case()
    item = WorkItem(action="Mum will text Pip at 8.30pm.", who="Gran",
                    outcome_id=case.needs[0].outcomes[0].id)
    case.needs[0].work = [item]
    iv = Interview(case, CONTENT)
    iv.goto(f"who:{item.id}")
    item.who = ""
    assert iv.question().offered == "", "without a reader (no coach) nothing is offered"
    iv.offer_reader = coach.read_offers
    item.who = "Gran"
    assert iv.question().offered == "" and iv.question().value == "Gran"
    item.who = ""
    iv.answer("Quenby youth team")
    assert item.who == "Quenby youth team"


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


@pytest.mark.anyio
async def test_who_will_do_this_offers_the_named_owner_from_the_first_screen(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    db = tmp_path / "cases.db"
    with Store(db) as store:
        store.save(_case())
    app = NeedsLedApp(db=str(db))
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_case(pilot, coach=True)  # the first case in the list
        # every parse of the statement, counted on the coach's own pipeline
        engine = app.coach.load()._engine
        parsed: list[str] = []
        nlp = engine.nlp

        def counted(text: str) -> object:
            parsed.append(text)
            return nlp(text)

        monkeypatch.setattr(engine, "nlp", counted)
        outcome = screen.case.needs[0].outcomes[0]
        screen.interview.goto(f"work_new:{outcome.id}")  # the work for Pip's outcome
        screen.show_question()
        await pilot.pause()
        said = "Mum will text Pip at 8.30pm on school nights."
        await type_text(pilot, said)
        await pilot.press("enter")
        await until(pilot, lambda: screen.interview.key.startswith("who:"), "who")
        box = screen.answer_box
        assert box.value == "", "the offer is not typed in"
        assert "Wren (Mum)" in box.placeholder and "Enter takes" in box.placeholder
        await pilot.press("enter")  # an empty Enter takes it
        await until(pilot, lambda: screen.interview.key.startswith("frequency:"), "frequency")
        work = screen.case.needs[0].work
        assert [w.who for w in work] == ["Wren (Mum)"]
        await pilot.press("enter")
        await until(pilot, lambda: screen.interview.key.startswith("start:"), "start")
        # the coach's check on Enter, and one read for "Who?", "How often?" and "From
        # what date?" together
        assert parsed.count(said) <= 2, parsed

        # a second item: typing replaces the offer, and moving away keeps what was typed
        await answer(pilot, "")
        assert screen.interview.key.startswith("work_new:"), screen.interview.key
        await answer(pilot, "The school nurse will see Pip each Monday about his sleep.")
        assert screen.interview.key.startswith("who:")
        assert "School nurse" in screen.answer_box.placeholder
        await type_text(pilot, "Jo Barnes")
        await pilot.press("ctrl+b")
        await pilot.pause()
        await pilot.press("ctrl+n")
        await pilot.pause()
        assert screen.interview.key.startswith("who:")
        assert screen.answer_box.value == "Jo Barnes", "nothing typed is lost"
        await pilot.press("enter")
        await pilot.pause()
        assert [w.who for w in screen.case.needs[0].work] == ["Wren (Mum)", "Jo Barnes"]
        await pilot.press("ctrl+q")
