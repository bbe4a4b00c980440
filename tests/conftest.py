"""Shared fixtures. Every test gets its own database and never touches the user's."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from assistant.model import Case

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture(autouse=True)
def _isolated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Point the database into tmp_path and drop content/pipeline overrides from the shell."""
    monkeypatch.setenv("NEEDS_LED_DB", str(tmp_path / "cases.db"))
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


def run_cli(*args: str, stdin: str | None = None, env: dict[str, str] | None = None,
            cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    """Run `python -m assistant` in a real subprocess, as a person would."""
    full_env = {**os.environ, **(env or {})}
    return subprocess.run(
        [sys.executable, "-m", "assistant", *args],
        input=stdin, capture_output=True, text=True, env=full_env, cwd=cwd or ROOT, timeout=120,
    )
