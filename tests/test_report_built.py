"""A report's wording is built where ``Report.built`` is called, once.

Why: building a rewrite can load the morphology tables (seconds, once a run); the
interview read the rewrites first on its UI thread, which then read no keys and wrote no
drafts, so a kill under load lost the answer and every key typed after it
(tests/test_nothing_lost_kill.py, typing straight on past a flagged answer).
"""

from __future__ import annotations

import threading

from assistant.wording.report import Finding, Later, Report


def _finding(made: list[tuple[str, int]]) -> Finding:
    def later(name: str, value: object) -> Later:
        def make() -> object:
            made.append((name, threading.get_ident()))
            return value
        return Later(make)

    return Finding(rule="r", kind="service", severity="warn", start=0, end=5, match="x",
                   message=later("message", "m"),  # type: ignore[arg-type]
                   why="w", questions=later("questions", ["q?"]),  # type: ignore[arg-type]
                   suggestions=later("suggestions", ["s"]))  # type: ignore[arg-type]


def test_built_in_a_thread_is_read_on_another_without_building_again() -> None:
    made: list[tuple[str, int]] = []
    report = Report(text="x", stage="need", findings=[_finding(made), _finding(made)])
    worker = threading.Thread(target=report.built)
    worker.start()
    worker.join()
    assert sorted(name for name, _ in made) == sorted(
        ["message", "questions", "suggestions"] * 2)
    assert {ident for _, ident in made} == {worker.ident}
    before = len(made)
    finding = report.findings[0]
    assert (finding.message, finding.questions, finding.suggestions) == ("m", ["q?"], ["s"])
    assert len(made) == before  # read here: nothing built on this thread


def test_unbuilt_wording_is_built_by_its_first_reader() -> None:
    made: list[tuple[str, int]] = []
    finding = _finding(made)
    assert made == []
    assert finding.suggestions == ["s"]
    assert made == [("suggestions", threading.get_ident())]
