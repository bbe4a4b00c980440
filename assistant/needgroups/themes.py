"""Need Group themes as data (framework/themes.yml), validated on load."""

from __future__ import annotations

from pydantic import Field, model_validator

from assistant.content import Content, Strict

# --- themes as data ----------------------------------------------------------------------


class Cluster(Strict):
    id: str = Field(pattern=r"^[a-z0-9][a-z0-9_-]*$")
    label: str = Field(min_length=1)


class Theme(Strict):
    """One Need Group theme: its label, wider cluster, and the words that suggest it."""

    id: str = Field(pattern=r"^[a-z0-9][a-z0-9_-]*$")
    label: str = Field(min_length=1, max_length=80)
    cluster: str
    description: str = ""
    terms: list[str] = Field(min_length=1)
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


class Themes(Strict):
    """framework/themes.yml. Order matters: an earlier theme wins a tie."""

    clusters: list[Cluster] = Field(min_length=1)
    themes: list[Theme] = Field(min_length=1)
    service_words: list[str] = []

    @model_validator(mode="after")
    def _ids_hold(self) -> Themes:
        clusters = [c.id for c in self.clusters]
        ids = [t.id for t in self.themes]
        for kind, values in (("cluster", clusters), ("theme", ids)):
            twice = sorted({v for v in values if values.count(v) > 1})
            if twice:
                raise ValueError(f"{kind} id(s) listed twice: {', '.join(twice)}")
        for theme in self.themes:
            if theme.cluster not in clusters:
                raise ValueError(f"theme '{theme.id}': cluster '{theme.cluster}' is not one "
                                 f"of: {', '.join(clusters)}")
        return self

    def get(self, theme_id: str | None) -> Theme | None:
        return next((t for t in self.themes if t.id == theme_id), None)

    def cluster_label(self, cluster_id: str) -> str:
        return next((c.label for c in self.clusters if c.id == cluster_id), cluster_id)


def load_themes(content: Content | None = None) -> Themes:
    return (content or Content()).load(Themes, "framework", "themes.yml")


