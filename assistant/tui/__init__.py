"""The Textual app: a thin layer over the core. Only this package imports Textual."""
