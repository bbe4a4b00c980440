"""Find, read and validate the content folders: ``framework/``, ``prompts/``, ``exports/``.

Content is data a trainer can edit. The default copy ships inside the package (as
``assistant/_content`` in a wheel, or beside the package in a checkout); ``--content DIR``
or ``NEEDS_LED_CONTENT`` points at an edited copy. Any file the override lacks comes from
the default, file by file (folders of YAML files are merged by file name), so a trainer
may copy only what they change. Every YAML file is validated
by a pydantic model on load, and a broken file is reported by path and line.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from functools import cached_property
from pathlib import Path
from typing import Literal, TypeVar

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator
from pydantic_core import ErrorDetails

from assistant.errors import UserError

FOLDERS = ("framework", "prompts", "exports")
ENV_VAR = "NEEDS_LED_CONTENT"

M = TypeVar("M", bound=BaseModel)


class ContentError(UserError):
    """A content file is missing or invalid: ``path``, ``line``, ``column`` and ``field``
    (the key, such as ``themes.0.colour``) say where; ``str()`` is the one line a person
    reads, ``path:line: field: message``."""

    path: Path

    def __init__(self, path: Path | str, message: str, line: int | None = None, *,
                 column: int | None = None, field: str | None = None) -> None:
        super().__init__(message, path=Path(path), line=line, column=column, field=field)


class Strict(BaseModel):
    """Base for content models: unknown keys are mistakes, so they are rejected."""

    model_config = ConfigDict(extra="forbid", frozen=True)


def default_root() -> Path:
    """The content that ships with the package."""
    here = Path(__file__).resolve().parent
    packaged = here / "_content"
    if (packaged / "framework").is_dir():
        return packaged
    return here.parent


def resolve_root(override: str | os.PathLike[str] | None = None) -> Path | None:
    """The override folder from the argument or the environment, if any."""
    chosen = override or os.environ.get(ENV_VAR)
    if not chosen:
        return None
    root = Path(chosen).expanduser()
    if not root.is_dir():
        raise ContentError(root, "content folder not found")
    if not any((root / name).is_dir() for name in FOLDERS):
        wanted = ", ".join(f + "/" for f in FOLDERS)
        raise ContentError(root, f"a content folder needs at least one of {wanted}")
    return root


def _yaml_place(node: yaml.Node | None,
                loc: tuple[int | str, ...]) -> tuple[int | None, int | None]:
    """The 1-based line and column of the YAML node at ``loc`` (a pydantic error
    location): of its key in a mapping, of the item in a list."""
    mark = node.start_mark if node is not None else None
    for key in loc:
        if isinstance(node, yaml.MappingNode):
            for key_node, value_node in node.value:
                if key_node.value == key:
                    node = value_node
                    mark = key_node.start_mark
                    break
            else:
                break
        elif isinstance(node, yaml.SequenceNode) and isinstance(key, int):
            if key >= len(node.value):
                break
            node = node.value[key]
            mark = node.start_mark
        else:
            break
    return (mark.line + 1, mark.column + 1) if mark is not None else (None, None)


def _describe(error: ErrorDetails) -> tuple[str | None, str]:
    """The field (``themes.0.colour``, or None for the whole file) and what is wrong."""
    where = ".".join(str(part) for part in error["loc"])
    message = error["msg"].removeprefix("Value error, ")  # pydantic's, for a validator's
    if error["type"] == "extra_forbidden":
        message = "unknown key (check its spelling)"
    return where or None, message


# libyaml when PyYAML was built with it: content loads on every start.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def parse_yaml(path: Path, text: str, model: type[M]) -> M:
    """Validate YAML ``text`` against ``model``; errors carry ``path``, the line and
    column, and the field.

    The text is parsed once; only when validation fails is it composed again into nodes,
    to find the line of the offending key.
    """
    try:
        data = yaml.load(text, Loader=_LOADER)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        problem = getattr(exc, "problem", None) or str(exc)
        raise ContentError(path, f"not valid YAML: {problem}",
                           mark.line + 1 if mark else None,
                           column=mark.column + 1 if mark else None) from None
    try:
        return model.model_validate(data if data is not None else {})
    except ValidationError as exc:
        # A misspelt key also makes the real key "missing": report the misspelling first.
        errors = sorted(exc.errors(), key=lambda e: e["type"] != "extra_forbidden")
        first = errors[0]
        more = len(errors) - 1
        extra = f" (and {more} more problem{'s' if more > 1 else ''})" if more else ""
        node = yaml.compose(text, Loader=_LOADER)
        field, message = _describe(first)
        line, column = _yaml_place(node, first["loc"])
        raise ContentError(path, message + extra, line, column=column, field=field) from None


# --- the framework's own scales, as data -------------------------------------------------


class Choice(Strict):
    """One entry on a scale or list defined by the framework content."""

    id: str = Field(pattern=r"^[a-z0-9][a-z0-9_-]*$")
    label: str
    description: str = ""


class Concept(Strict):
    id: str
    title: str
    question: str
    explanation: str
    avoid: list[str] = []
    prefer: list[str] = []


class Role(Strict):
    id: str = Field(pattern=r"^[a-z0-9][a-z0-9_-]*$")
    label: str
    child: bool = False


class Framework(Strict):
    """framework/framework.yml: the four concepts and the scales a case is recorded on."""

    concepts: list[Concept] = Field(min_length=4)
    roles: list[Role] = Field(min_length=1)
    seriousness: list[Choice] = Field(min_length=2)
    urgency: list[Choice] = Field(min_length=1)
    outcome_domains: list[Choice] = Field(min_length=1)
    threshold_levels: list[Choice] = Field(min_length=1)
    audit_status: list[Choice] = Field(min_length=2)
    # Reviews (seeds/004). Defaults keep an edited framework.yml from before reviews valid.
    outcome_results: list[Choice] = Field(default=[
        Choice(id="achieved", label="Achieved"), Choice(id="partly", label="Partly achieved"),
        Choice(id="not-achieved", label="Not achieved"),
        Choice(id="not-relevant", label="No longer relevant")], min_length=1)
    review_status: list[Choice] = Field(default=[
        Choice(id="met", label="Met"), Choice(id="partly", label="Partly met"),
        Choice(id="unmet", label="Unmet"), Choice(id="closed", label="Closed")], min_length=1)
    seriousness_change: list[Choice] = Field(default=[
        Choice(id="same", label="No change"), Choice(id="higher", label="More serious"),
        Choice(id="lower", label="Less serious")], min_length=1)
    carry_forward: list[Choice] = Field(default=[
        Choice(id="kept", label="Kept"), Choice(id="changed", label="Changed"),
        Choice(id="ended", label="Ended")], min_length=1)
    plan_results: list[Choice] = Field(default=[
        Choice(id="wholly", label="Wholly achieved"), Choice(id="partly", label="Partly achieved"),
        Choice(id="not-achieved", label="Not achieved at all"),
        Choice(id="dropped-out", label="Family dropped out")], min_length=1)

    @cached_property
    def child_roles(self) -> frozenset[str]:
        """Ids of the roles that are children (the child, an unborn baby, a sibling...)."""
        return frozenset(r.id for r in self.roles if r.child)

    def ids(self, field: str) -> list[str]:
        return [item.id for item in getattr(self, field)]

    def label(self, field: str, ident: str | None) -> str:
        for item in getattr(self, field):
            if item.id == ident:
                return item.label
        return ident or ""


class ScalePoint(Strict):
    score: int = Field(ge=1, le=10)
    label: str


class Domain(Strict):
    id: str = Field(pattern=r"^[a-z0-9][a-z0-9_-]*$")
    label: str


class Profile(Strict):
    id: Literal["family", "child", "parent"]
    label: str
    domains: list[Domain] = Field(min_length=1)


class Distance(Strict):
    """framework/distance.yml: the distance-travelled domains and scale (seeds/004, App. D).

    The scale runs from no concern (lowest score) to the most serious (highest), so a
    score that falls between the baseline and a review is an improvement.
    """

    scale: list[ScalePoint] = Field(min_length=2)
    profiles: list[Profile] = Field(min_length=1)

    @model_validator(mode="after")
    def _distinct(self) -> Distance:
        scores = [p.score for p in self.scale]
        if scores != sorted(set(scores)):
            raise ValueError("scale: scores must rise one by one with no repeats")
        kinds = [p.id for p in self.profiles]
        if len(set(kinds)) != len(kinds):
            raise ValueError("profiles: each of family, child and parent at most once")
        for profile in self.profiles:
            ids = [d.id for d in profile.domains]
            if len(set(ids)) != len(ids):
                raise ValueError(f"profiles: {profile.id}: two domains have the same id")
        return self

    @property
    def scores(self) -> list[int]:
        return [p.score for p in self.scale]

    def score_label(self, score: int | None) -> str:
        return next((p.label for p in self.scale if p.score == score), "")

    def profile(self, kind: str) -> Profile | None:
        return next((p for p in self.profiles if p.id == kind), None)

    def domain_label(self, kind: str, domain: str) -> str:
        profile = self.profile(kind)
        if profile is None:
            return domain
        return next((d.label for d in profile.domains if d.id == domain), domain)


class Content:
    """The content in use: an optional override folder over the packaged default."""

    def __init__(self, override: str | os.PathLike[str] | None = None) -> None:
        self.override = resolve_root(override)
        self.default = default_root()

    def __repr__(self) -> str:
        return f"Content(override={self.override!s}, default={self.default!s})"

    def path(self, *parts: str) -> Path:
        """The file or folder at ``parts`` (e.g. ``"framework", "framework.yml"``).

        The override's copy wins where it has one; anything it lacks comes from the
        default, file by file, so a trainer copies only what they change.
        """
        if self.override is not None:
            candidate = self.override.joinpath(*parts)
            if candidate.exists():
                return candidate
        candidate = self.default.joinpath(*parts)
        if not candidate.exists():
            raise ContentError(candidate, "missing content file")
        return candidate

    def read_text(self, *parts: str) -> str:
        return self._read(self.path(*parts))

    @staticmethod
    def _read(path: Path) -> str:
        try:
            return path.read_text(encoding="utf-8")
        except UnicodeDecodeError as exc:
            raise ContentError(path, f"not UTF-8 text ({exc.reason})") from None
        except OSError as exc:
            raise ContentError(path, f"cannot be read: {exc.strerror}") from None

    def load(self, model: type[M], *parts: str) -> M:
        path = self.path(*parts)
        return parse_yaml(path, self.read_text(*parts), model)

    def iter_yaml(self, *parts: str) -> Iterator[Path]:
        """The ``*.yml`` files in a folder, the override's and the default's merged by name
        (the override's copy of a file wins), sorted so output is stable."""
        files: dict[str, Path] = {}
        roots = [self.default] + ([self.override] if self.override is not None else [])
        for root in roots:
            folder = root.joinpath(*parts)
            if folder.is_dir():
                files.update(
                    (p.name, p) for p in folder.iterdir() if p.suffix in (".yml", ".yaml")
                )
        if not files:
            self.path(*parts)  # raises the "missing content file" error for the folder
        yield from (files[name] for name in sorted(files))

    def load_all(self, model: type[M], *parts: str) -> list[tuple[Path, M]]:
        return [(p, parse_yaml(p, self._read(p), model)) for p in self.iter_yaml(*parts)]

    @cached_property
    def framework(self) -> Framework:
        return self.load(Framework, "framework", "framework.yml")

    @cached_property
    def distance(self) -> Distance:
        """The distance-travelled domains and scale (framework/distance.yml)."""
        return self.load(Distance, "framework", "distance.yml")
