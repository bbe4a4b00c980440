"""Need Group themes as data (framework/themes.yml), validated on load."""

from __future__ import annotations

from typing import Literal

from pydantic import Field, model_validator

from assistant.content import Content, Strict

# --- themes as data ----------------------------------------------------------------------


class Cluster(Strict):
    id: str = Field(pattern=r"^[a-z0-9][a-z0-9_-]*$")
    label: str = Field(min_length=1)


Role = Literal["parent", "child", "other"]


class ActRule(Strict):
    """Who does what to whom that signals a theme, whatever the words around it: "stop
    shouting at and threatening Mum" (an adult against a parent: domestic abuse), "stop
    giving his mum her tablets" (a child caring for a parent: young carer). ``verbs`` are
    lemmas; ``by`` whom the verb's subject names (the holder when it has none), ``to``
    whom its object names; "other" is someone the words do not place ("someone")."""

    verbs: list[str] = Field(min_length=1)
    by: list[Role] = Field(min_length=1)
    to: list[Role] = Field(min_length=1)
    says: str = Field(min_length=1)


class Theme(Strict):
    """One Need Group theme: its label, wider cluster, and the words that suggest it."""

    id: str = Field(pattern=r"^[a-z0-9][a-z0-9_-]*$")
    label: str = Field(min_length=1, max_length=80)
    cluster: str
    description: str = ""
    terms: list[str] = Field(min_length=1)
    # Whom the theme's words must be about: "parent" for a parent's own difficulty (a
    # child's "drink" is not parental substance misuse), "child", or "any".
    about: Literal["parent", "child", "any"] = "any"
    acts: list[ActRule] = []
    examples: list[str] = []

    @model_validator(mode="after")
    def _terms_are_clean(self) -> Theme:
        seen = set()
        for term in self.terms:
            if not term.strip() or term != term.strip().lower():
                raise ValueError(f"term {term!r} must be lower case, with no outer spaces")
            if term in seen:
                raise ValueError(f"term {term!r} is listed twice")
            seen.add(term)
        return self


class People(Strict):
    """Words that name a parent or carer, a child, and a female or male person: how a
    suggestion tells whose difficulty a need's words are about."""

    parent: list[str] = Field(min_length=1)
    child: list[str] = Field(min_length=1)
    female: list[str] = []
    male: list[str] = []


UNPLACED = ("universal", "service", "assessment", "vague")


class Themes(Strict):
    """framework/themes.yml. Order matters: an earlier theme wins a tie."""

    clusters: list[Cluster] = Field(min_length=1)
    themes: list[Theme] = Field(min_length=1)
    service_words: list[str] = []
    # Theme terms that everyday needs use too ("talk", "feel", "bed"): they count for less.
    general: list[str] = []
    people: People = People(parent=["mother", "father", "parent", "parents", "carer"],
                            child=["child", "children"])
    # Why a need worded as a service, an assessment, an aim or vaguely gets no theme:
    # {what} is what the need asks for.
    unplaced: dict[str, str] = {
        "service": "worded as a service ('{what}'): ask what it would change, and place "
                   "the need behind it",
        "assessment": "worded as an assessment ('{what}'): ask what it should find out, and "
                      "what the person needs meanwhile",
        "universal": "worded as an aim for every child ('{what}'): ask what, specifically, "
                     "this person needs",
        "vague": "too vague to place ('{what}'): ask what, specifically, this person needs",
    }

    @model_validator(mode="after")
    def _ids_hold(self) -> Themes:
        clusters = [c.id for c in self.clusters]
        ids = [t.id for t in self.themes]
        for kind, values in (("cluster", clusters), ("theme", ids)):
            twice = sorted({v for v in values if values.count(v) > 1})
            if twice:
                raise ValueError(f"{kind} id(s) listed twice: {', '.join(twice)}")
        terms = {term for theme in self.themes for term in theme.terms}
        stray = sorted(set(self.general) - terms)
        if stray:
            raise ValueError(f"general word(s) {', '.join(stray)} are no theme's terms")
        missing = [k for k in UNPLACED if k not in self.unplaced]
        if missing or set(self.unplaced) - set(UNPLACED):
            raise ValueError(f"unplaced needs a reason for each of: {', '.join(UNPLACED)}")
        for kind, text in self.unplaced.items():
            try:
                text.format(what="")
            except (KeyError, IndexError, ValueError) as exc:
                raise ValueError(f"unplaced.{kind}: unknown placeholder {exc} (use {{what}})"
                                 ) from None
        for theme in self.themes:
            if theme.cluster not in clusters:
                raise ValueError(f"theme '{theme.id}': cluster '{theme.cluster}' is not one "
                                 f"of: {', '.join(clusters)}")
        return self

    def get(self, theme_id: str | None) -> Theme | None:
        return next((t for t in self.themes if t.id == theme_id), None)

    def cluster_label(self, cluster_id: str) -> str:
        return next((c.label for c in self.clusters if c.id == cluster_id), cluster_id)


def load_themes(content: Content) -> Themes:
    return content.load(Themes, "framework", "themes.yml")


