"""Shared fixtures. Every test gets its own database and never touches the user's."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.model import Case
from tests.helpers import CONTENT, FIXTURES

#: "today" for every test (assistant.dates.today): the fixture case's outcome dates
#: (Jan and Feb 2027) stay in the future, so gaps and snapshots do not change with the
#: day the suite runs. A test about dates sets its own.
TODAY = "2026-11-29"


@pytest.fixture(autouse=True)
def _isolated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Point the database into tmp_path, pin today, and drop content/pipeline overrides
    from the shell."""
    monkeypatch.setenv("NEEDS_LED_DB", str(tmp_path / "cases.db"))
    monkeypatch.setenv("NEEDS_LED_TODAY", TODAY)
    monkeypatch.delenv("NEEDS_LED_CONTENT", raising=False)
    monkeypatch.delenv("NEEDS_LED_PIPELINE", raising=False)


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "cases.db"


@pytest.fixture
def case_json() -> str:
    return (FIXTURES / "case.json").read_text(encoding="utf-8")


@pytest.fixture
def case(case_json: str) -> Case:
    return Case.model_validate_json(case_json)


# --- wording coach: the real pipelines, loaded once per test session --------------------


@pytest.fixture(scope="session")
def coach():
    """The coach on the default trained English pipeline."""
    from assistant.wording import Coach

    return Coach(content=CONTENT).load()


@pytest.fixture(scope="session")
def blank_coach():
    """The coach on the shipped blank fallback (reduced mode)."""
    from assistant.wording import Coach

    return Coach(pipeline="blank", content=CONTENT).load()


@pytest.fixture(params=["default", "blank"])
def coach_any(request: pytest.FixtureRequest):
    """Each test using this runs on both pipelines, as CI must."""
    return request.getfixturevalue("coach" if request.param == "default" else "blank_coach")


@pytest.fixture(scope="session")
def suggester():
    """The Need Group suggester on the packaged themes and the real pipeline, loaded once."""
    from assistant.needgroups import Analyzer, Suggester, load_themes
    from tests.helpers import CONTENT

    return Suggester(load_themes(CONTENT), Analyzer(None, CONTENT))
