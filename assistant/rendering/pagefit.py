"""The audit form's type size: the largest at which it fits one A4 page.

Print layouts cannot shrink themselves to fit without a script, and exports run no
scripts, so the height is estimated in Python from the form's text.
"""

from __future__ import annotations

from typing import Any

# Type sizes the audit form may use (points), largest first, and the page it must fit.
AUDIT_TYPE_SIZES = (9.5, 8.5, 7.5, 6.5, 6.0, 5.5)
_PAGE_PT = (190 / 25.4 * 72, 277 / 25.4 * 72)  # A4 less 10 mm margins, in points


def audit_type_size(form: Any) -> float:
    """The largest type size at which the audit form should fit on one A4 page.

    A print layout cannot shrink itself to fit without a script, and the exports run no
    scripts, so the height is estimated here: each need's row is as tall as its longest
    cell, wrapped at the column widths of audit.html.j2. The estimate is deliberately
    cautious; the browser test prints long forms to check it. Past the smallest size a
    very long form may still need a second page.
    """
    width, height = _PAGE_PT
    for size in AUDIT_TYPE_SIZES:
        char = size * 0.5
        line = size * 1.35
        fixed = 20.6 * size  # No., Whose, Seriousness and Met? columns (rem)
        wording_chars = max(10, int((width * 0.33 - size) / char))
        services_chars = max(10, int((width * 0.67 - fixed - 4 * size) / char))
        lines = 16.0  # title, the head table, section headings, column heads, footnote
        for need in form.needs:
            services = sum(-(-len(s) // services_chars) for s in need.services) or 1
            lines += max(-(-len(need.wording) // wording_chars), services, 2) + 0.5
        if lines * line <= height * 0.95:
            return size
    return AUDIT_TYPE_SIZES[-1]
