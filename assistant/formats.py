"""The export format names, in one light module so `needs-led --help` can list them cheaply."""

FORMATS = (
    "plan-html",
    "plan-md",
    "family-html",
    "audit-html",
    "audit-json",
    "audit-csv",
    "case-json",
)
