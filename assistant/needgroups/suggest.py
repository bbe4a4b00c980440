"""Suggest a theme for each pooled need, from spaCy lemmas, always saying why."""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from assistant.content import Content
from assistant.needgroups.themes import Themes

if TYPE_CHECKING:
    from assistant.auditstore import AuditStore

# --- analysis: tokens and lemmas ---------------------------------------------------------

Tokens = list[tuple[str, str]]  # (text as written, lower-case lemma), punctuation dropped


class Analyzer:
    """Lemmas of need wordings from spaCy's tagger and lemmatizer, cached by wording.

    Only the components lemmas need are run (no parser, no NER), in batches with
    ``nlp.pipe``; identical wordings are analysed once. If no trained pipeline is
    installed, the shipped blank pipeline's lookup lemmas are used (``degraded`` says so).
    """

    def __init__(self, pipeline: str | None = None) -> None:
        self.pipeline = pipeline  # None: the same choice as the coach's (--pipeline, env...)
        self._nlp: Any = None
        self._tokenizer: Any = None
        self.degraded = False
        self._cache: dict[str, Tokens] = {}

    @property
    def nlp(self) -> Any:
        if self._nlp is None:
            # The process-wide pipeline cache the coach's chooser keeps: practice feedback
            # and the audit share one loaded model, and the shipped blank pipeline (with
            # lookup lemmas) stands in when no trained one is installed.
            from assistant.wording import pipeline as pipelines

            loaded = pipelines.load(self.pipeline)
            self._nlp = loaded.nlp
            self.degraded = loaded.reduced
        return self._nlp

    def words(self, text: str) -> list[str]:
        """The lower-case words of ``text`` by the English tokenizer alone (lexicon terms).

        The blank tokenizer splits words as the pipeline does, without loading the model,
        so compiling the themes or re-rendering a report stays cheap.
        """
        if self._tokenizer is None:
            import spacy

            self._tokenizer = spacy.blank("en").tokenizer
        return [t.lower_ for t in self._tokenizer(text) if not (t.is_punct or t.is_space)]

    def analyse(self, texts: Sequence[str]) -> list[Tokens]:
        todo = list(dict.fromkeys(t for t in texts if t not in self._cache))
        if todo:
            skip = [name for name in ("parser", "senter") if name in self.nlp.pipe_names]
            docs = self.nlp.pipe(todo, batch_size=256, disable=skip)  # lemmas need no parse
            for text, doc in zip(todo, docs, strict=True):
                self._cache[text] = [
                    (t.text, (t.lemma_ or t.lower_).lower())
                    for t in doc if not (t.is_punct or t.is_space)
                ]
        return [self._cache[t] for t in texts]


# --- suggestions -------------------------------------------------------------------------


@dataclass(frozen=True)
class Match:
    theme: str
    start: int
    end: int
    term: str
    text: str


@dataclass(frozen=True)
class Suggestion:
    """A theme for one need, the words that matched, and the runners-up."""

    theme: str | None
    reason: str
    alternatives: list[str] = field(default_factory=list)
    matches: list[Match] = field(default_factory=list)


class Suggester:
    """Match theme terms against a need's words and lemmas; the best-covered theme wins."""

    def __init__(self, themes: Themes, analyzer: Analyzer | None = None) -> None:
        self.themes = themes
        self.analyzer = analyzer or Analyzer()
        self.order = {t.id: n for n, t in enumerate(themes.themes)}
        self._index: dict[str, list[tuple[tuple[str, ...], str, str]]] = defaultdict(list)
        for theme in themes.themes:
            for term in theme.terms:
                words = tuple(self.analyzer.words(term))
                if words:
                    self._index[words[0]].append((words, theme.id, term))
        self._service_index: dict[str, list[tuple[str, ...]]] = defaultdict(list)
        for term in themes.service_words:
            words = tuple(self.analyzer.words(term))
            if words:
                self._service_index[words[0]].append(words)
        for options in self._service_index.values():
            options.sort(key=len, reverse=True)  # 'parenting course' before 'course'

    def matches(self, tokens: Tokens) -> list[Match]:
        lower = [t.lower() for t, _ in tokens]
        lemma = [lem for _, lem in tokens]
        found: list[Match] = []
        for i in range(len(tokens)):
            seen = set()
            for key in {lower[i], lemma[i]}:
                for words, theme, term in self._index.get(key, ()):
                    if (words, theme) in seen or i + len(words) > len(tokens):
                        continue
                    if all(w in (lower[i + j], lemma[i + j]) for j, w in enumerate(words)):
                        seen.add((words, theme))
                        text = " ".join(t for t, _ in tokens[i:i + len(words)])
                        found.append(Match(theme, i, i + len(words), term, text))
        return found

    def suggest_tokens(self, tokens: Tokens) -> Suggestion:
        found = self.matches(tokens)
        covered: dict[str, set[int]] = defaultdict(set)
        for m in found:
            covered[m.theme].update(range(m.start, m.end))
        if not covered:
            return Suggestion(None, "no theme word found: left for the group to place")
        ranked = sorted(covered, key=lambda t: (-len(covered[t]), self.order[t]))
        best = ranked[0]

        def said(theme_id: str) -> str:
            mine = [m for m in found if m.theme == theme_id]
            outer = [m for m in mine if not any(
                o is not m and o.start <= m.start and m.end <= o.end
                and o.end - o.start > m.end - m.start for o in mine)]
            words = list(dict.fromkeys(f"'{m.text}'" for m in outer))
            theme = self.themes.get(theme_id)
            return f"matched {', '.join(words)} -> {theme.label if theme else theme_id}"

        reason = said(best)
        if len(ranked) > 1:
            reason += "; also " + "; ".join(said(t) for t in ranked[1:3])
        return Suggestion(best, reason, ranked[1:], [m for m in found if m.theme == best])

    def suggest(self, texts: Sequence[str]) -> list[Suggestion]:
        return [self.suggest_tokens(t) for t in self.analyzer.analyse(texts)]

    def names_service(self, tokens: Tokens) -> str | None:
        """The service word a need is worded as ('needs a parenting course'), if any."""
        lower = [t.lower() for t, _ in tokens]
        lemma = [lem for _, lem in tokens]
        for i in range(len(tokens)):
            for key in {lower[i], lemma[i]}:
                for words in self._service_index.get(key, ()):
                    if i + len(words) <= len(tokens) and all(
                            w in (lower[i + j], lemma[i + j]) for j, w in enumerate(words)):
                        return " ".join(t for t, _ in tokens[i:i + len(words)])
        return None


def coach_kinds(coach: Any, texts: Sequence[str]) -> dict[str, list[str]]:
    """The kinds the wording coach flags on each distinct wording ('service', 'universal'...)."""
    distinct = list(dict.fromkeys(texts))
    return {text: list(report.kinds)
            for text, report in zip(distinct, coach.check_many(distinct), strict=True)}


def suggest_sample(audit: AuditStore, sample_id: int, suggester: Suggester,
                   coach: Any = None) -> dict[str, int]:
    """Analyse needs not yet analysed, then (re)suggest a theme for every need; store both.

    Suggestions are recomputed from the stored tokens each time, so an edited themes.yml
    takes effect without running spaCy again. With a wording ``coach``, the kinds it flags
    (a need worded as a service, a universal aim...) are stored too, for the report.
    """
    rows = audit.needs(sample_id)
    todo = [r for r in rows if r["tokens"] is None]
    if todo:
        analysed = suggester.analyzer.analyse([r["wording"] for r in todo])
        for row, tokens in zip(todo, analysed, strict=True):
            row["tokens"] = json.dumps(tokens, ensure_ascii=False)
    unread = [r for r in rows if r["kinds"] is None]
    if coach is not None and unread:
        kinds = coach_kinds(coach, [r["wording"] for r in unread])
        for row in unread:
            row["kinds"] = kinds[row["wording"]]
    out = []
    counts: Counter[str] = Counter()
    seen: dict[str, Suggestion] = {}  # the same words always get the same suggestion
    for row in rows:
        s = seen.get(row["tokens"])
        if s is None:
            tokens = [tuple(t) for t in json.loads(row["tokens"])]
            s = seen[row["tokens"]] = suggester.suggest_tokens(tokens)  # type: ignore[arg-type]
        counts[s.theme or ""] += 1
        out.append({"id": row["id"], "tokens": row["tokens"], "theme": s.theme,
                    "reason": s.reason, "alternatives": s.alternatives, "kinds": row["kinds"]})
    audit.save_analyses(out)
    return {"needs": len(rows), "analysed": len(todo), "unmatched": counts[""],
            "coached": len(unread) if coach is not None else 0}


def load_coach(content: Content | None = None, pipeline: str | None = None) -> Any:
    """The wording coach, or None if it cannot be built (the report then says less)."""
    try:
        from assistant.wording import Coach

        return Coach(content, pipeline).load()
    except Exception:  # the coach is optional here: a broken one must not stop the audit
        return None


