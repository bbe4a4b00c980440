"""Need Groups: suggest a theme for each pooled need, shuffle needs into groups, report.

The audit group decides the groups (seeds/000); needs-led only helps. A suggestion comes
from the theme lexicons in ``framework/themes.yml`` matched against spaCy lemmas, and it
always says why ("matched 'drinking' -> Parental substance misuse"). A need that matches no
theme stays listed as unsorted, never dropped. Every grouping operation is recorded with the
state it changed, so any of them can be undone, also after the program was closed.

This module is core: no Textual, and spaCy only when a wording has to be analysed.
"""

from assistant.needgroups.groups import GroupError, Shuffle
from assistant.needgroups.report import (
    UNSORTED,
    GroupReport,
    Report,
    build_report,
    render_csv,
    render_html,
    write_report,
)
from assistant.needgroups.suggest import (
    Analyzer,
    Match,
    Suggester,
    Suggestion,
    coach_kinds,
    load_coach,
    suggest_sample,
    to_discuss,
)
from assistant.needgroups.themes import Cluster, Theme, Themes, load_themes

__all__ = [
    "UNSORTED", "Analyzer", "Cluster", "GroupError", "GroupReport",
    "Match", "Report", "Shuffle", "Suggester", "Suggestion", "Theme", "Themes",
    "build_report", "coach_kinds", "load_coach", "load_themes", "render_csv",
    "render_html", "suggest_sample", "to_discuss", "write_report",
]
