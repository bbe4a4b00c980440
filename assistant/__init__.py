"""needs-led: a terminal assistant for thinking a case through Need, Seriousness, Outcome and Work."""

__version__ = "0.1.0"
