"""The app's header: Textual's, safe while its screen is being taken down.

Why: Textual's ``Header`` updates its title from watchers on the app's and the screen's
title and sub-title, and its update forgives only a missing screen. A title change that
lands while a screen is being replaced (a case reopened after a save conflict, as the
coach finished loading) found the header's title widget already removed, and the
``NoMatches`` it raised ended the app (``test_theirs_latest_keeps_mine_in_the_history``,
about one run in three). A header whose title widget is gone has nothing to update.
"""

from __future__ import annotations

from contextlib import suppress

from textual.css.query import NoMatches
from textual.dom import NoScreen
from textual.events import Mount
from textual.widget import Widget
from textual.widgets import Header as TextualHeader
from textual.widgets._header import HeaderTitle


class Header(TextualHeader):
    """Textual's header, whose title update forgives a title widget already removed."""

    def _on_mount(self, event: Mount) -> None:
        # Textual's own handler would watch the titles with an update that raises once
        # the title widget is gone: this one stands in for it (and for Widget's).
        event.prevent_default()
        Widget._on_mount(self, event)

        async def set_title() -> None:
            # the screen, or the header's title, may be being taken down
            with suppress(NoScreen, NoMatches):
                self.query_one(HeaderTitle).update(self.format_title())

        self.watch(self.app, "title", set_title)
        self.watch(self.app, "sub_title", set_title)
        self.watch(self.screen, "title", set_title)
        self.watch(self.screen, "sub_title", set_title)
