"""The learning trace: a need reworded three times, from the real store's revisions."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from assistant.content import Content
from assistant.model import Case, KeptWording, Need, Person
from assistant.store import Store
from assistant.trace import load_trace, render_trace
from tests.helpers import run_cli

WORDINGS = [
    "Sam needs counselling.",
    "Sam needs to be safe.",
    "Sam needs to talk about his dad.",
    "Sam needs to come to terms with the death of his father.",
]


def reworded_three_times(db: Path) -> None:
    case = Case(reference="NL-TRACE-1", people=[Person(id="p1", name="Sam", sex="male")])
    with Store(db) as store:
        store.save(case, note="started")
        for number, wording in enumerate(WORDINGS):
            if number == 0:
                case.needs = [Need(id="n1", holder="p1", wording=wording)]
            else:
                case.needs[0].wording = wording
            if number == 2:
                case.needs[0].kept_wording = [KeptWording(
                    rule="vague", wording=wording, reason="His words, from our visit <b>")]
            store.save(case, note=f"draft {number + 1}")
        case.story = "A story added later does not make a step."
        store.save(case)


def test_a_need_reworded_three_times(tmp_path: Path, coach) -> None:
    db = tmp_path / "cases.db"
    reworded_three_times(db)
    with Store(db) as store:
        trace = load_trace(store, "NL-TRACE-1", coach)
    [need] = trace.needs
    assert [s.wording for s in need.steps] == WORDINGS
    assert need.changes == 3 and trace.revisions == 6
    assert [s.revision for s in need.steps] == [2, 3, 4, 5]
    assert "service" in need.steps[0].kinds and "universal" in need.steps[1].kinds
    assert need.steps[3].kinds == []
    assert [k.reason for k in need.steps[2].kept] == ["His words, from our visit <b>"]
    assert need.steps[3].kept == []
    html = render_trace(trace, "trace-html", Content(), date(2027, 1, 1))
    assert "Reworded 3 times" in html and "&lt;b&gt;" in html and "<b>" not in html
    markdown = render_trace(trace, "trace-md", Content(), date(2027, 1, 1))
    assert "\\<b\\>" in markdown and markdown.count("(revision ") == 4


def test_a_removed_need_says_when(tmp_path: Path) -> None:
    db = tmp_path / "cases.db"
    reworded_three_times(db)
    with Store(db) as store:
        case = store.load("NL-TRACE-1")
        case.needs = []
        store.save(case)
        trace = load_trace(store, "NL-TRACE-1")
    assert trace.needs[0].removed_in == 7


def test_export_trace_writes_html_and_markdown(tmp_path: Path) -> None:
    db = tmp_path / "cases.db"
    reworded_three_times(db)
    result = run_cli("--db", str(db), "export", "NL-TRACE-1", "--format", "trace",
                     "--out", str(tmp_path / "out"))
    assert result.returncode == 0, result.stderr
    names = sorted(p.name for p in (tmp_path / "out").iterdir())
    assert names == ["NL-TRACE-1-trace.html", "NL-TRACE-1-trace.md"]
    text = (tmp_path / "out" / "NL-TRACE-1-trace.md").read_text(encoding="utf-8")
    assert text.index("Sam needs counselling") < text.rindex("come to terms")
