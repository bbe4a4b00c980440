"""needs-led: think a case through Need, Seriousness, Outcome and Work to plan and do."""

__version__ = "0.1.0"
