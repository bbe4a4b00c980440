"""Turning a case into a document, one job per module; :mod:`assistant.exporters` uses them.

- :mod:`assistant.rendering.templates`: the sandboxed Jinja2 environment over ``exports/``
  (an override's files first), template errors as one line, stylesheets inlined.
- :mod:`assistant.rendering.markdown`: escaping typed text for Markdown.
- :mod:`assistant.rendering.filters`: dates as documents print them.
- :mod:`assistant.rendering.pagefit`: the type size that fits the audit form on one page.
- :mod:`assistant.rendering.context`: what the plan, family and audit templates see.
"""
