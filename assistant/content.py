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
from typing import Annotated, Any, Literal, TypeVar, cast

import yaml
from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    ValidationError,
    ValidationInfo,
    model_validator,
)
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


def _calendar_words(value: Any, info: ValidationInfo) -> Any:
    """A word list may name a list of the calendar's (framework/words/time.yml) as
    ``"@months"``, ``"@days"``...: expanded on load, so the month and day names live in
    one place and a wording file or themes.yml never copies them. The lists are given as
    validation context (``calendar``, :attr:`assistant.wordlists.TimeWords.calendar`);
    without it (a reader of rules only, not of words) the list is left as written."""
    calendar = (info.context or {}).get("calendar")
    if calendar is None or not isinstance(value, list):
        return value
    out: list[Any] = []
    for item in value:
        if isinstance(item, str) and item.startswith("@"):
            if item[1:] not in calendar:
                known = ", ".join("@" + name for name in calendar)
                raise ValueError(f"unknown calendar list {item} (the calendar's lists, "
                                 f"from framework/words/time.yml: {known})")
            out.extend(calendar[item[1:]])
        else:
            out.append(item)
    return out


#: a word list that may hold the calendar's lists by name ("@months"), see _calendar_words
CalendarRef = BeforeValidator(_calendar_words)


def parse_yaml(path: Path, text: str, model: type[M],
               context: dict[str, Any] | None = None) -> M:
    """Validate YAML ``text`` against ``model``; errors carry ``path``, the line and
    column, and the field. ``context``: pydantic validation context (the calendar's
    lists, for a file that names them).

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
        return model.model_validate(data if data is not None else {}, context=context)
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


Gender = Literal["female", "male"]
RoleKind = Literal["child", "parent", "family"]
_WORDS = r"^[a-z][a-z' -]*[a-z]$"
RoleWord = Annotated[str, Field(pattern=_WORDS)]


class RoleWords(Strict):
    """Words for someone in a role. ``words`` are nouns that take "the" ("the mother");
    ``called`` are what a family calls them, written like a name ("Mum")."""

    words: list[RoleWord] = []
    called: list[RoleWord] = []


class Role(RoleWords):
    """A person's role in a case: its labels, whether it is a child, a parent or carer or
    the family as a whole, its gender (if it has one) and the words that name it.

    ``words`` and ``called`` have the role's ``gender``; in a role of either gender (a
    grandparent) the gendered words are listed under ``female`` and ``male``.
    """

    id: str = Field(pattern=r"^[a-z0-9][a-z0-9_-]*$")
    label: str
    audit_label: str = ""
    """The short label on the audit form ("Step-parent"); a child's is numbered ("Child 1").
    Empty: the label."""
    kind: RoleKind = "parent"
    unborn: bool = False
    """Not yet born: the audit form's age band is "pre-birth" whatever the dates say."""
    gender: Gender | None = None
    female: RoleWords = Field(default_factory=lambda: RoleWords())
    male: RoleWords = Field(default_factory=lambda: RoleWords())

    @model_validator(mode="before")
    @classmethod
    def _child_flag(cls, data: Any) -> Any:
        """``child: true`` (framework files before roles had a kind) means kind child."""
        if isinstance(data, dict) and "child" in data:
            data = dict(data)
            if data.pop("child") is True:
                data.setdefault("kind", "child")
        return data

    @model_validator(mode="after")
    def _unborn_is_child(self) -> Role:
        if self.unborn and self.kind != "child":
            raise ValueError("an unborn role must be of kind child")
        return self

    @property
    def child(self) -> bool:
        return self.kind == "child"

    @property
    def short_label(self) -> str:
        return self.audit_label or self.label

    def gendered(self) -> Iterator[tuple[str, Gender | None, bool]]:
        """Each word for the role: (word, its gender, whether it is a noun)."""
        for gender, group in ((self.gender, self), ("female", self.female),
                              ("male", self.male)):
            for word in group.words:
                yield word, cast(Gender | None, gender), True
            for word in group.called:
                yield word, cast(Gender | None, gender), False


class PersonWords(Strict):
    """framework.yml ``person_words``: words for people that name no one role."""

    parent: list[RoleWord] = []
    """Words that make a need's holder a parent or carer ("the parents", "the couple")."""
    other: list[RoleWord] = []
    """Other nouns for a person ("the young person"): they take "the"."""


class RoleVocabulary:
    """The roles' words, indexed: which role a word names, its gender, whether it names a
    parent or carer, whether it takes "the". Made once from :class:`Framework`.

    ``family_words``: every role word ("gran", "foster carer") -> the role id it names.
    """

    __slots__ = ("family_words", "genders", "nouns", "parent_words")

    def __init__(self, family_words: dict[str, str], genders: dict[str, Gender],
                 parent_words: frozenset[str], nouns: frozenset[str]) -> None:
        self.family_words = family_words
        self.genders = genders
        self.parent_words = parent_words
        self.nouns = nouns

    def gender(self, word: str) -> Gender | None:
        return self.genders.get(word.lower())

    def is_parent_word(self, word: str) -> bool:
        return word.lower() in self.parent_words

    def is_noun(self, word: str) -> bool:
        return word.lower() in self.nouns

    @property
    def words(self) -> frozenset[str]:
        """Every single word that names a person by role."""
        return frozenset(w for w in self.family_words if " " not in w) | self.parent_words \
            | self.nouns


class Rating(Choice):
    """One point on the seriousness scale (lowest first)."""

    adds_up: bool = False
    """Low-level: several such needs of one person may add up to a more serious picture,
    so the interview and the plan's gaps name them together. When no point says so, the
    lowest does."""
    asks_safety: bool = False
    """So serious that, with help needed now, the interview asks about immediate safety.
    When no point says so, the highest does."""


class Framework(Strict):
    """framework/framework.yml: the four concepts and the scales a case is recorded on."""

    concepts: list[Concept] = Field(min_length=4)
    roles: list[Role] = Field(min_length=1)
    person_words: PersonWords = Field(default_factory=lambda: PersonWords())
    young_child_below: int = Field(default=5, ge=1, le=18)
    seriousness: list[Rating] = Field(min_length=2)
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

    @model_validator(mode="after")
    def _lists_hold(self) -> Framework:
        for field in ("roles", "seriousness", "urgency", "outcome_domains",
                      "threshold_levels", "audit_status"):
            ids = self.ids(field)
            repeated = sorted({i for i in ids if ids.count(i) > 1})
            if repeated:
                raise ValueError(f"{field}: the id {repeated[0]!r} is listed twice")
        if not all(i.isdigit() for i in self.ids("threshold_levels")):
            raise ValueError("threshold_levels: each id is a whole number (cases store the "
                             "level as a number)")
        if "unknown" not in self.ids("audit_status"):
            raise ValueError("audit_status: needs an entry with the id 'unknown' (a need "
                             "whose status is not recorded)")
        owner: dict[str, str] = {}
        for role in self.roles:
            for word, _, _ in role.gendered():
                if owner.setdefault(word, role.id) != role.id:
                    raise ValueError(f"roles: '{word}' is a word for both {owner[word]} and "
                                     f"{role.id}: a word names one role")
        loose = set(self.person_words.parent) | set(self.person_words.other)
        if loose & set(owner):
            word = sorted(loose & set(owner))[0]
            raise ValueError(f"person_words: '{word}' is already a word for the role "
                             f"{owner[word]}")
        return self

    @cached_property
    def child_roles(self) -> frozenset[str]:
        """Ids of the roles that are children (the child, an unborn baby, a sibling...)."""
        return frozenset(r.id for r in self.roles if r.child)

    @cached_property
    def unborn_roles(self) -> frozenset[str]:
        return frozenset(r.id for r in self.roles if r.unborn)

    def shows_more_than_says(self, role: str, age: int | None) -> bool:
        """A child too young to say much of a need (younger than ``young_child_below`` by
        the recorded age, or not yet born): asked what they say or show, and the plan
        speaks of what they show us. One place for it, so the interview and every export
        agree; no recorded age reads as old enough to say."""
        if role not in self.child_roles:
            return False
        return role in self.unborn_roles or (age is not None and age < self.young_child_below)

    @cached_property
    def family_roles(self) -> frozenset[str]:
        """Ids of the roles that stand for the family as a whole."""
        return frozenset(r.id for r in self.roles if r.kind == "family")

    def role(self, ident: str) -> Role | None:
        return next((r for r in self.roles if r.id == ident), None)

    @cached_property
    def vocabulary(self) -> RoleVocabulary:
        """The roles' words, indexed for the coach, the interview and practice."""
        family: dict[str, str] = {}
        genders: dict[str, Gender] = {}
        parent: set[str] = set(self.person_words.parent)
        nouns: set[str] = set(self.person_words.parent) | set(self.person_words.other)
        for role in self.roles:
            for word, gender, noun in role.gendered():
                family[word] = role.id
                if gender is not None:
                    genders[word] = gender
                if role.kind != "child":
                    parent.add(word)
                if noun:
                    nouns.add(word)
        return RoleVocabulary(family, genders, frozenset(parent), frozenset(nouns))

    @cached_property
    def threshold_scale(self) -> list[int]:
        """The threshold levels as numbers, in the framework's order."""
        return [int(i) for i in self.ids("threshold_levels")]

    @cached_property
    def low_ratings(self) -> frozenset[str]:
        """Seriousness ratings whose needs add up (``adds_up``; else the lowest)."""
        flagged = [r.id for r in self.seriousness if r.adds_up]
        return frozenset(flagged or [self.seriousness[0].id])

    @cached_property
    def safety_ratings(self) -> frozenset[str]:
        """Seriousness ratings that, with help now, ask about safety (else the highest)."""
        flagged = [r.id for r in self.seriousness if r.asks_safety]
        return frozenset(flagged or [self.seriousness[-1].id])

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


class Keymap(Strict):
    """prompts/keys.yml: keys moved by the id of what they do ("interview.hint": "f2,h").

    The app's own keys are its defaults; this file only moves some, so a worker whose
    terminal swallows a function key, or a trainer's room, can change them without code.
    """

    keys: dict[str, str] = Field(default_factory=dict)

    @model_validator(mode="after")
    def _well_formed(self) -> Keymap:
        for binding_id, keys in self.keys.items():
            if "." not in binding_id:
                raise ValueError(f"keys: '{binding_id}' is not an id like 'interview.hint'")
            if not all(key.strip() for key in keys.split(",")):
                raise ValueError(f"keys: '{binding_id}': give keys such as 'f2' or 'f2,h'")
        return self


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

    def load(self, model: type[M], *parts: str, context: dict[str, Any] | None = None) -> M:
        path = self.path(*parts)
        return parse_yaml(path, self.read_text(*parts), model, context)

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

    def load_all(self, model: type[M], *parts: str,
                 context: dict[str, Any] | None = None) -> list[tuple[Path, M]]:
        return [(p, parse_yaml(p, self._read(p), model, context))
                for p in self.iter_yaml(*parts)]

    @cached_property
    def framework(self) -> Framework:
        return self.load(Framework, "framework", "framework.yml")

    @cached_property
    def keymap(self) -> Keymap:
        """Keys moved from their defaults (prompts/keys.yml)."""
        return self.load(Keymap, "prompts", "keys.yml")

    @cached_property
    def distance(self) -> Distance:
        """The distance-travelled domains and scale (framework/distance.yml)."""
        return self.load(Distance, "framework", "distance.yml")
