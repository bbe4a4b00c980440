"""The English word lists the code reads: ``framework/words/*.yml``, validated on load.

Why data: the wording rules are content a trainer can adapt, and so are the words the code
reads around them (what negates a finding, which words report speech, a holder's
pronouns, the titles before a name). Each file is one concern, read by one module, and an
override folder may hold any of them alone: the others come from the default, file by
file. Each file is read once per :class:`~assistant.content.Content` (see
:func:`english`), when a module first asks for it, never per statement.
"""

from __future__ import annotations

import threading
from functools import cached_property
from typing import Annotated, ClassVar, TypeVar
from weakref import WeakKeyDictionary

from pydantic import AfterValidator, BeforeValidator, Field, StrictStr

from assistant.content import Content, Strict

FOLDER = ("framework", "words")


def _not_a_boolean(value: object) -> object:
    if isinstance(value, bool) or value is None:
        raise ValueError("YAML reads a bare yes, no, on, off or null as true, false or "
                         "nothing: put the word in quotes (\"no\")")
    return value


def _lower(word: str) -> str:
    if not word.strip():
        raise ValueError("a word cannot be blank")
    if word != word.lower():
        raise ValueError(f"{word!r}: write it in lower case (statements are compared in "
                         "lower case)")
    return word


#: One lower-case word (or mark, such as ";"). YAML reads bare yes/no/on/off as true or
#: false, so those are refused with a message saying to quote them.
Word = Annotated[StrictStr, BeforeValidator(_not_a_boolean), AfterValidator(_lower)]
Words = Annotated[frozenset[Word], Field(min_length=1)]
WordMap = Annotated[dict[Word, Word], Field(min_length=1)]


class WordFile(Strict):
    """Base for one file of ``framework/words``."""

    FILE: ClassVar[str]


class ContextWords(WordFile):
    """framework/words/context.yml: what makes a finding negated, hypothetical or someone's
    reported words, and how its holder is read (assistant/wording/context.py)."""

    FILE: ClassVar[str] = "context.yml"
    negators: Words
    hypothetical: Words
    reporting: Words
    clause_breaks: Words
    anchors: Words
    object_pronoun: WordMap
    subject_skip: Words
    stating_modals: Words = frozenset()
    need_anchors: Words = frozenset()
    grading_conditions: Words = frozenset()


class MatchingWords(WordFile):
    """framework/words/matching.yml: how word rules are run (assistant/wording/matcher.py)."""

    FILE: ClassVar[str] = "matching.yml"
    common: Words
    lead_words: Words
    clause_end: Words
    trailing: Annotated[list[Word], Field(min_length=1)]

    @cached_property
    def trailing_words(self) -> tuple[tuple[str, ...], ...]:
        """Each trailing place as its words, in the order listed."""
        return tuple(tuple(phrase.split()) for phrase in self.trailing)


class RewriteWords(WordFile):
    """framework/words/rewrites.yml: how questions and rewrites are worded
    (assistant/wording/suggest.py)."""

    FILE: ClassVar[str] = "rewrites.yml"
    strip_leading: Words
    verbs: Words
    possessive: WordMap
    plural_holders: Words
    parent_words: Words = frozenset()
    own_children: Words = frozenset()


class PronounWords(WordFile):
    """framework/words/pronouns.yml: third-person pronouns and their agreement
    (assistant/wording/pronouns.py)."""

    FILE: ClassVar[str] = "pronouns.yml"
    female: Words
    male: Words
    after_object: Words
    agree: WordMap
    adverbs: Words
    modals: Words
    not_people: Words = frozenset()


class RedactionWords(WordFile):
    """framework/words/redaction.yml: the words around a name (assistant/redact.py)."""

    FILE: ClassVar[str] = "redaction.yml"
    titles: Words
    months: Words
    modals: Words
    time_before: Words
    time_words: Words
    time_prepositions: Words
    person_verbs: Words
    person_verb_forms: Words
    letter_labels: Words
    finite_hints: Words
    word_before: Words
    subject_after_modal: Words
    lookalike: WordMap


class NeedGroupWords(WordFile):
    """framework/words/need-groups.yml: words a group's typical wordings are not chosen by
    (assistant/needgroups/report.py)."""

    FILE: ClassVar[str] = "need-groups.yml"
    stop: Words


W = TypeVar("W", bound=WordFile)


class PracticeWords(WordFile):
    """framework/words/practice.yml: words every need shares, left out when practice
    feedback pairs a student's needs with the model's (assistant/practice.py)."""

    FILE: ClassVar[str] = "practice.yml"
    frame: Words


class English:
    """The word lists of one content folder, each file loaded when first read."""

    def __init__(self, content: Content) -> None:
        self.content = content

    def load(self, model: type[W]) -> W:
        return self.content.load(model, *FOLDER, model.FILE)

    @cached_property
    def context(self) -> ContextWords:
        return self.load(ContextWords)

    @cached_property
    def matching(self) -> MatchingWords:
        return self.load(MatchingWords)

    @cached_property
    def rewrites(self) -> RewriteWords:
        return self.load(RewriteWords)

    @cached_property
    def pronouns(self) -> PronounWords:
        return self.load(PronounWords)

    @cached_property
    def redaction(self) -> RedactionWords:
        return self.load(RedactionWords)

    @cached_property
    def need_groups(self) -> NeedGroupWords:
        return self.load(NeedGroupWords)

    @cached_property
    def practice(self) -> PracticeWords:
        return self.load(PracticeWords)


_loaded: WeakKeyDictionary[Content, English] = WeakKeyDictionary()
_lock = threading.Lock()


def english(content: Content) -> English:
    """The word lists of ``content`` (the one in use: an override folder's files where it
    has them, else the shipped ones), made once per content."""
    with _lock:
        found = _loaded.get(content)
        if found is None:
            found = _loaded[content] = English(content)
        return found
