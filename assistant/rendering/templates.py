"""The Jinja2 templates in ``exports/``: where they are found and how they are rendered.

An override folder's ``exports/`` is searched first, file by file, so a trainer can
restyle one template and keep the rest. The environment is sandboxed (templates are
content a trainer edits), autoescapes HTML and escapes Markdown with
:func:`~assistant.rendering.markdown.md_escape`; any template problem becomes one
:class:`~assistant.errors.ExportError` line naming the file and line.
"""

from __future__ import annotations

import os
import re
import traceback
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path
from typing import Any

from assistant.content import Content, ContentError
from assistant.errors import ExportError
from assistant.rendering.filters import nice_date, short_date
from assistant.rendering.markdown import md_escape


def _search_path(content: Content) -> list[str]:
    folders = []
    if content.override is not None and (content.override / "exports").is_dir():
        folders.append(str(content.override / "exports"))
    folders.append(str(content.default / "exports"))
    return folders


def export_file(content: Content, name: str) -> Path:
    """A file in exports/: the override's copy if it has one, else the default.

    Unlike the other content folders, exports/ falls back file by file, so a trainer can
    restyle one template and keep the rest.
    """
    for folder in _search_path(content):
        path = Path(folder) / name
        if path.is_file():
            return path
    raise ContentError(Path(_search_path(content)[0]) / name, "missing content file")


def template_place(exc: BaseException) -> tuple[str, int | None]:
    """The template and line an error was raised at while rendering: ("plan.html.j2", 12),
    or ("template", None) when the error does not say."""
    name = getattr(exc, "name", None) or getattr(exc, "filename", None)
    line = getattr(exc, "lineno", None)
    if not line:
        for frame in reversed(traceback.extract_tb(exc.__traceback__)):
            if frame.filename.endswith(".j2"):
                name, line = frame.filename, frame.lineno
                break
    if name:
        return (Path(name).name if os.sep in str(name) else str(name)), line or None
    return "template", None


def environment(content: Content, markdown: bool = False) -> Any:
    """The Jinja2 environment for ``content``; see :func:`_environment`.

    The override's file names are part of the cache key: a template a trainer adds while
    the app runs is used at once, not shadowed by the default compiled earlier.
    """
    paths = _search_path(content)
    names: tuple[str, ...] = ()
    if len(paths) > 1:
        try:
            names = tuple(sorted(os.listdir(paths[0])))
        except OSError:
            names = ()
    return _environment(tuple(paths), markdown, names)


@lru_cache(maxsize=16)
def _environment(search_path: tuple[str, ...], markdown: bool,
                 override_names: tuple[str, ...] = ()) -> Any:
    """A sandboxed Jinja2 environment over ``exports/`` (override first).

    HTML templates autoescape; the Markdown environment escapes every expression with
    :func:`md_escape` instead. Undefined names are errors, so a typo in an edited
    template is reported by file and line rather than printing nothing. Compiled
    templates are kept between exports, and a template edited since is compiled again.
    """
    import jinja2
    from jinja2.sandbox import ImmutableSandboxedEnvironment

    options: dict[str, Any] = {
        "loader": jinja2.FileSystemLoader(list(search_path)),
        "undefined": jinja2.StrictUndefined,
        "trim_blocks": True,
        "lstrip_blocks": True,
        "keep_trailing_newline": True,
    }
    if markdown:
        env = ImmutableSandboxedEnvironment(autoescape=False, finalize=md_escape, **options)
    else:
        env = ImmutableSandboxedEnvironment(autoescape=True, **options)
    env.filters["nice_date"] = nice_date
    env.filters["short_date"] = short_date
    return env


def read_css(content: Content, name: str) -> Any:
    """A stylesheet from exports/, inlined so each HTML file stands alone.

    CSS is escaped for a <style> element: the only way out of one is ``</``, which a
    stylesheet never needs.
    """
    from markupsafe import Markup

    if not re.fullmatch(r"[a-z0-9-]+\.css", name):
        raise ExportError(f"stylesheet name '{name}' must be like 'print.css'")
    path = export_file(content, name)
    try:
        css = path.read_text(encoding="utf-8")
    except (OSError, UnicodeError) as exc:
        raise ContentError(path, f"cannot be read ({exc})") from None
    return Markup(css.replace("</", "<\\/"))


def render_template(name: str, context: dict[str, Any] | Callable[[], dict[str, Any]],
                    content: Content, *, markdown: bool = False) -> str:
    """Render ``exports/<name>``; any template or content problem is one ExportError line.

    ``context`` may be a function, so that building it (which reads content files) is
    covered by the same error handling. Every template also gets ``label`` (the
    framework's labels) and ``stylesheet`` (a CSS file from exports/, inlined).
    """
    import jinja2

    try:
        env = environment(content, markdown=markdown)
        template = env.get_template(name)
        given = context() if callable(context) else context
        # What every template may use, whatever else it is given.
        shared = {"label": content.framework.label,
                  "stylesheet": lambda css: read_css(content, css)}
        return template.render({**shared, **given})
    except jinja2.TemplateNotFound as exc:
        raise ExportError(f"template {exc.name} not found in {_search_path(content)[0]}") from None
    except jinja2.TemplateSyntaxError as exc:
        message = (exc.message or "syntax error").splitlines()[0]
        where, line = template_place(exc)
        raise ExportError(message, path=where, line=line) from None
    except (jinja2.TemplateError, TypeError, AttributeError, ValueError) as exc:
        message = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        where, line = template_place(exc)
        raise ExportError(message, path=where, line=line) from None
    except ContentError as exc:
        raise ExportError.moved(exc) from None
