"""Read the structure of a need statement from the parse: who holds it, how it is said,
what is needed, and what kind of thing that is.

Why: word lists catch only the services, aims and assessments someone thought to list.
The framework's distinction is about the *shape* of what is needed: a noun phrase headed
by a service, provision, professional or programme ("a place at the Zorblax youth club"),
a process done to the person ("to be referred to the Tollis team"), a request to find
things out ("an audiology screen"), an aim true of every child ("to be safe", "a stable
home") - or something this person needs to do, know, feel or have happen. The reader
combines word classes kept as data (``framework/wording/structure.yml``) with cues no list
holds: professional suffixes (-ist, -ician), acronyms (CAMHS, FNP), capitalised names,
"a place at X", a provision modifier (weekly, 1:1), and the verb that governs the noun;
last, where no list speaks and nothing particular hangs on what is needed, its meaning,
compared by word vectors with exemplar phrases of each kind ("a gym membership" is near
provisions; ``meaning``).

The package: ``readings`` (what is found, parse helpers), ``needs`` (the need reader and
the word classes and tests every reader shares), ``meaning`` (what is needed compared with
exemplars by meaning), ``outcomes``, ``work`` and ``seriousness``.

API (stable; other modules and helpers build on it)::

    reader = StructureReader.from_content(content)     # or default_reader()
    reading = reader.read_need(doc)                    # NeedReading | None
    readings = reader.read_needs(doc)                  # every need predicate, in order

``doc`` is a spaCy ``Doc``. With a parse (tagger + parser) the reader follows the
dependency tree; on the blank pipeline it falls back to word order, and says so
(``NeedReading.parsed`` is False; the category is then only "unknown" or what word order
can show). Everything is plain data; nothing here imports Textual or loads a pipeline.
"""

from __future__ import annotations

from typing import Any

from assistant.shorthand import load_shorthand
from assistant.wording.structure.meaning import NeedMeaning
from assistant.wording.structure.needs import NeedReader
from assistant.wording.structure.outcomes import OutcomeReader
from assistant.wording.structure.readings import (
    FAULTS,
    Category,
    NeedReading,
    OutcomeReading,
    Part,
    SeriousnessReading,
    WordClass,
    WorkReading,
    _doc_text,
    lemma,
    lemma_forms,
)
from assistant.wording.structure.seriousness import SeriousnessReader
from assistant.wording.structure.work import WorkReader
from assistant.wordlists import TimeWords, english

__all__ = ["FAULTS", "Category", "NeedReader", "NeedReading", "OutcomeReading", "Part",
           "SeriousnessReading", "StructureReader", "WorkReading", "_doc_text",
           "default_reader", "lemma", "lemma_forms", "read_need", "read_needs"]


class StructureReader(OutcomeReader, WorkReader, SeriousnessReader):
    """Reads needs, outcomes, work items and seriousness statements with one set of word
    classes from ``framework/wording/structure.yml``."""

    def __init__(self, lexicons: dict[str, list[str]], time: TimeWords | None = None,
                 content: Any = None) -> None:
        super().__init__(lexicons)
        if time is not None:  # the time words of the content in use (framework/words)
            self.time_words = time
        if content is not None:  # its exemplars and vectors too (read when first asked)
            self.meaning = NeedMeaning(content)
            self.shorthand = load_shorthand(content)
        for name, value in vars(self).items():  # unions of word classes made once
            if value.__class__ is frozenset:
                setattr(self, name, WordClass(value))


    @classmethod
    def from_content(cls, content: Any = None) -> StructureReader:
        """A reader of ``content``'s word classes and time words (the shipped content's
        when None)."""
        from assistant.content import Content
        from assistant.wording.rules import RuleSet

        content = content or Content()
        return cls(RuleSet.load(content).lexicons, english(content).time, content)


_default: StructureReader | None = None


def default_reader() -> StructureReader:
    """A reader built from the installed framework content, made once per process."""
    global _default
    if _default is None:
        _default = StructureReader.from_content()
    return _default


def read_need(doc: Any) -> NeedReading | None:
    """The main need of ``doc`` read with the default word classes (see the module doc)."""
    return default_reader().read_need(doc)


def read_needs(doc: Any) -> list[NeedReading]:
    """Every need predicate of ``doc`` read with the default word classes."""
    return default_reader().read_needs(doc)


