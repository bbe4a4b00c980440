"""A compact distance-travelled chart: one line per domain, a sparkline across reviews.

Each line: who and the domain, the scores from the baseline to the latest review as bars
on the scale's own range (bar height is the score: lower is better; Textual's Sparkline
scales to each row's own minimum and maximum, which would make 4->3 look like 5->1), the
scores themselves, and the change named in words (better, worse, the same).
"""

from __future__ import annotations

from typing import Any

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Label, Static


class DistanceChart(Vertical):
    """Distance travelled (assistant.review.Travelled) as sparklines, one per domain."""

    DEFAULT_CSS = """
    DistanceChart { height: auto; }
    DistanceChart .distance-row { height: 1; }
    DistanceChart .distance-label { width: 44; }
    DistanceChart .distance-bars { width: 8; margin: 0 1; }
    DistanceChart .distance-scores { width: 14; }
    DistanceChart .better { color: $success; }
    DistanceChart .worse { color: $error; }
    DistanceChart .distance-summary { margin-bottom: 1; }
    """

    def __init__(self, travelled: Any = None, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.travelled = travelled

    def compose(self) -> ComposeResult:
        yield from self._rows(self.travelled)

    def show(self, travelled: Any) -> None:
        """Replace the chart with ``travelled``."""
        self.travelled = travelled
        self.remove_children()
        self.mount_all(list(self._rows(travelled)))

    @staticmethod
    def _rows(travelled: Any) -> Any:
        if travelled is None or not travelled.rows:
            yield Static("No distance-travelled scores yet: give baseline scores and scores "
                         "at this review below.", classes="dim")
            return
        from assistant.review import sparkline

        top = travelled.scale[-1][0] if travelled.scale else 5
        if travelled.measured:
            summary = (f"Since the baseline: {len(travelled.improvements)} better, "
                       f"{len(travelled.setbacks)} worse, {travelled.unchanged} the same "
                       f"(scores 1-{top}, lower is better).")
        else:
            summary = "Not yet measured: scores at the baseline and at a review are needed."
        yield Static(summary, classes="distance-summary")
        for row in travelled.rows:
            change = row.change
            if change is None:
                words, style = "–", ""
            elif change > 0:
                words, style = f"better by {change}", "better"
            elif change < 0:
                words, style = f"worse by {-change}", "worse"
            else:
                words, style = "the same", ""
            scores = "→".join("·" if v is None else str(v) for v in row.series)
            yield Horizontal(
                Label(f"{row.who_label}: {row.domain_label}"[:43], classes="distance-label"),
                Label(sparkline(row.series, top), classes=f"distance-bars {style}"),
                Label(scores, classes="distance-scores"),
                Label(words, classes=style),
                classes="distance-row",
            )
