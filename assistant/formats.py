"""The export format names, in one light module so `needs-led --help` can list them cheaply."""

FORMATS = (
    "plan-html",
    "plan-md",
    "plan-docx",
    "plan-pdf",
    "family-html",
    "family-docx",
    "family-pdf",
    "audit-html",
    "audit-docx",
    "audit-pdf",
    "audit-json",
    "audit-csv",
    "case-json",
)

# Names that stand for several formats: `--format docx` is the plan, the family's plan
# and the audit form in Word; `all` is every format.
GROUPS: dict[str, tuple[str, ...]] = {
    "all": FORMATS,
    "html": ("plan-html", "family-html", "audit-html"),
    "docx": ("plan-docx", "family-docx", "audit-docx"),
    "pdf": ("plan-pdf", "family-pdf", "audit-pdf"),
    "json": ("audit-json", "case-json"),
}
