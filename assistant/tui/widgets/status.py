"""A one-line indicator of the wording coach: loading, ready, reduced or unavailable."""

from __future__ import annotations

from textual.widgets import Static

LABELS = {
    "loading": "Wording coach: loading…",
    "ready": "Wording coach: ready",
    "reduced": "Wording coach: reduced (only the blank language pipeline is installed)",
    "unavailable": "Wording coach: not available",
}


class CoachStatus(Static):
    """Watches the app's ``coach_status`` so every screen shows the same state."""

    def on_mount(self) -> None:
        self.watch(self.app, "coach_status", self._show)

    def _show(self, status: str) -> None:
        self.set_classes(f"coach-{status}")
        self.update(LABELS.get(status, status))
