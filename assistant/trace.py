"""The learning trace: how each need's wording changed from the first draft to now.

Built from the revisions the store already keeps (every save is one). For each need, the
trace lists each distinct wording in order, with the revision and its note, what the
wording coach says about that wording, and any reason the worker gave for keeping their
own wording at that step. It is for a student's portfolio and for supervision.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from assistant.model import Case, KeptWording


@dataclass
class Step:
    revision: int
    saved_at: str
    note: str
    wording: str
    kinds: list[str] = field(default_factory=list)
    messages: list[str] = field(default_factory=list)
    kept: list[KeptWording] = field(default_factory=list)


@dataclass
class NeedTrace:
    need_id: str
    holder: str
    steps: list[Step]
    removed_in: int | None = None

    @property
    def first(self) -> str:
        return self.steps[0].wording

    @property
    def current(self) -> str:
        return self.steps[-1].wording

    @property
    def changes(self) -> int:
        return len(self.steps) - 1


@dataclass
class Trace:
    reference: str
    revisions: int
    needs: list[NeedTrace]


def build_trace(reference: str, revisions: list[tuple[int, str, str, Case]],
                coach: Any = None) -> Trace:
    """The trace from (number, saved_at, note, case) revisions, oldest first.

    A need is followed by its id across revisions; a new step starts whenever its
    wording differs from the last one. Kept-wording reasons are attached to the step at
    which they first appear. ``coach`` (optional) reads every wording at the need stage.
    """
    traces: dict[str, NeedTrace] = {}
    seen_kept: dict[str, int] = {}
    last_number = 0
    for number, saved_at, note, case in revisions:
        last_number = number
        present = set()
        for need in case.needs:
            present.add(need.id)
            trace = traces.get(need.id)
            new_kept = need.kept_wording[seen_kept.get(need.id, 0):]
            seen_kept[need.id] = len(need.kept_wording)
            if trace is None:
                trace = traces[need.id] = NeedTrace(need.id, case.holder_name(need), [])
            if trace.removed_in is not None:
                trace.removed_in = None
            if not trace.steps or trace.steps[-1].wording != need.wording:
                trace.steps.append(Step(number, saved_at, note, need.wording))
            trace.steps[-1].kept.extend(new_kept)
        for ident, trace in traces.items():
            if ident not in present and trace.removed_in is None:
                trace.removed_in = number
    if coach is not None:
        for trace in traces.values():
            for step in trace.steps:
                report = coach.check(step.wording, "need", trace.holder)
                step.kinds = list(report.kinds)
                step.messages = [f.message for f in report.findings]
    return Trace(reference, last_number, list(traces.values()))


def load_trace(store: Any, reference: str, coach: Any = None) -> Trace:
    """The trace of a stored case, from every revision the store keeps."""
    rows = [(rev.number, rev.saved_at, rev.note, store.load(reference, rev.number))
            for rev in store.history(reference)]
    return build_trace(reference, rows, coach)


TRACE_FILES = {"trace-html": ("trace.html", "trace.html.j2"),
               "trace-md": ("trace.md", "trace.md.j2")}


def render_trace(trace: Trace, fmt: str, content: Any, when: Any) -> str:
    """The trace through exports/trace.html.j2 or trace.md.j2 (everything typed escaped)."""
    from assistant.rendering.templates import render_template

    return render_template(TRACE_FILES[fmt][1], {"trace": trace, "when": when}, content,
                           markdown=fmt.endswith("-md"))
