"""The English word lists the code reads: ``framework/words/*.yml``, validated on load.

Why data: the wording rules are content a trainer can adapt, and so are the words the code
reads around them (what negates a finding, which words report speech, a holder's
pronouns, the titles before a name). Each file is one concern, read by one module, and an
override folder may hold any of them alone: the others come from the default, file by
file. Each file is read once per :class:`~assistant.content.Content` (see
:func:`english`), when a module first asks for it, never per statement.
"""

from __future__ import annotations

import re
import threading
from functools import cached_property
from typing import Annotated, ClassVar, Literal, TypeVar
from weakref import WeakKeyDictionary

from pydantic import AfterValidator, BeforeValidator, Field, StrictStr, model_validator

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
    placeholders: Words = frozenset()
    own_voice: Words = frozenset()

    def is_placeholder(self, text: str) -> bool:
        """True when ``text`` is only a form's placeholder ("see above", "TBC", "n/a")."""
        return bool(self.placeholders) and text.strip().strip(".").strip().lower() \
            in self.placeholders


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
    topic_prepositions: Words = frozenset()
    given_verbs: Words = frozenset()
    said_as_written: Words = frozenset()
    topic_openers: Words = frozenset()
    no_topic: Words = frozenset()
    topic_helps: Words = frozenset()
    parent_aims: dict[Word, Word] = {}
    household_holders: Words = frozenset()


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
    agree_first: WordMap = {}
    inverted: Words = frozenset()
    holder_pronouns: dict[str, tuple[str, str, str]] = {}
    before_noun: Words = frozenset()
    giving: Words = frozenset()
    with_verb: Words = frozenset()
    determiners: Words = frozenset()


class RedactionWords(WordFile):
    """framework/words/redaction.yml: the words around a name (assistant/redact.py)."""

    FILE: ClassVar[str] = "redaction.yml"
    titles: Words
    months: Words = frozenset()
    """Read with the calendar's full month names (time.yml) added: see English.redaction."""
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


def _phrase(text: str) -> str:
    if not text.strip() or text != " ".join(text.split()):
        raise ValueError(f"{text!r}: a phrase is words separated by single spaces")
    return _lower(text)


#: One lower-case phrase ("a place at a youth club"), as an exemplar is written.
Phrase = Annotated[StrictStr, BeforeValidator(_not_a_boolean), AfterValidator(_phrase)]
Exemplars = Annotated[list[Phrase], Field(min_length=3)]


class MeaningShape(Strict):
    """The exemplars of one shape of what is needed (a noun phrase, or an infinitive's
    verb phrase) and the margin by which a fault kind's must beat the specific ones."""

    faults: Annotated[dict[Literal["service", "universal", "assessment"], Exemplars],
                      Field(min_length=1)]
    specific: Exemplars
    margin: float = Field(ge=0.0, le=1.0)
    floor: float = Field(ge=0.0, le=1.0)

    @model_validator(mode="after")
    def _each_once(self) -> MeaningShape:
        seen: dict[str, str] = {}
        for kind, phrases in [*self.faults.items(), ("specific", self.specific)]:
            for phrase in phrases:
                if phrase in seen:
                    raise ValueError(f"{phrase!r} is an exemplar of both {seen[phrase]} "
                                     f"and {kind}: one kind each")
                seen[phrase] = kind
        return self


class NeedMeaningWords(WordFile):
    """framework/words/need-meaning.yml: exemplar phrases the need reader compares what is
    needed with, by meaning vectors, where its word lists are silent
    (assistant/wording/structure/meaning.py)."""

    FILE: ClassVar[str] = "need-meaning.yml"
    nearest: int = Field(ge=1, le=10)
    phrase: MeaningShape
    aim: MeaningShape

    @model_validator(mode="after")
    def _enough(self) -> NeedMeaningWords:
        for shape in (self.phrase, self.aim):
            shortest = min(len(p) for p in [*shape.faults.values(), shape.specific])
            if shortest < self.nearest:
                raise ValueError(f"nearest is {self.nearest} but a kind has only "
                                 f"{shortest} exemplars")
        return self


class NeedGroupWords(WordFile):
    """framework/words/need-groups.yml: words a group's typical wordings are not chosen by
    (assistant/needgroups/report.py)."""

    FILE: ClassVar[str] = "need-groups.yml"
    stop: Words


def plural(word: str) -> str:
    """The regular plural of ``word`` ("session" -> "sessions", "class" -> "classes",
    "diary" -> "diaries"); a word ending in a single "s" ("notes") is its own."""
    if word.endswith(("ss", "x", "ch", "sh")):
        return word + "es"
    if word.endswith("s"):
        return word
    if word.endswith("y") and word[-2:-1] not in "aeiou":
        return word[:-1] + "ies"
    return word + "s"


def _with_plurals(words: frozenset[str]) -> frozenset[str]:
    return words | {plural(w) for w in words}


class TimeUnit(Strict):
    """One unit of time in ``time.yml``: its length (``days`` or ``months``), how notes
    shorten it and whether a count of it alone only says how long something lasts."""

    days: int = Field(default=0, ge=0)
    months: int = Field(default=0, ge=0)
    short: list[Word] = []
    lasts: bool = False


Edge = Literal["start", "mid", "end"]
Calendar = Annotated[list[Annotated[list[Word], Field(min_length=1)]], Field(min_length=1)]


class DateLeads(Strict):
    """Words before a date, by what they make of it (``time.yml`` ``date_leads``)."""

    start: Words
    target: Words
    other: Words = frozenset()


class TimeWords(WordFile):
    """framework/words/time.yml: the calendar's names and the words of time, frequency and
    measure phrases (assistant/dates.py, assistant/wording/structure/timing.py).

    Why one file: the month and day names, the units of time and the words before a date
    are one piece of knowledge each, read by the date parser and the phrase readers
    alike; a trainer adds "w/c", "fortnightly" or "wks" here once. The sets the readers
    use are derived below, made once per content."""

    FILE: ClassVar[str] = "time.yml"
    months: Calendar
    weekdays: Calendar
    also_names: Words = frozenset()
    numbers: Annotated[dict[Word, Annotated[int, Field(ge=0)]], Field(min_length=1)]
    units: Annotated[dict[Word, TimeUnit], Field(min_length=1)]
    day_parts: Words
    days_from_today: Annotated[dict[Word, Annotated[int, Field(ge=0)]], Field(min_length=1)]
    fixed_days: dict[Word, tuple[Annotated[int, Field(ge=1, le=12)],
                                 Annotated[int, Field(ge=1, le=31)]]] = {}
    movable_days: dict[Word, Annotated[int, Field(ge=-60, le=60)]] = {}
    named_times: Words = frozenset()
    edges: Annotated[dict[Word, Edge], Field(min_length=1)]
    date_leads: DateLeads
    day_before: Words = frozenset()
    from_today: Words
    not_start_after: Words
    events: Words
    course: Words
    help: Words
    rates: Words
    rate_endings: Words
    times: Words
    every_which: Words
    occasions: Words
    whole: Words
    records: Words
    evidence_verbs: Words
    set_off_verbs: Words = frozenset()
    runs: Words = frozenset()
    run_free: Words = frozenset()
    bounds: Words
    count_tail: Words
    number_signs: Words = frozenset()
    clock_before: Words
    number_labels: Words
    ordinals: Words

    @model_validator(mode="after")
    def _consistent(self) -> TimeWords:
        for field, count in (("months", 12), ("weekdays", 7)):
            names: list[list[str]] = getattr(self, field)
            if len(names) != count:
                raise ValueError(f"{field}: list the {count} {field} in order, each as "
                                 f"[full name, short forms...], not {len(names)}")
            words = [w for entry in names for w in entry]
            repeated = sorted({w for w in words if words.count(w) > 1})
            if repeated:
                raise ValueError(f"{field}: '{repeated[0]}' names two of them")
        for lead in self.day_before:
            if tuple(lead.split()) not in self.leads:
                raise ValueError(f"day_before: '{lead}' is not one of the date_leads")
        for name, unit in self.units.items():
            if unit.days and unit.months:
                raise ValueError(f"units: {name}: give its length in days or in months, "
                                 "not both")
        return self

    # --- the calendar ------------------------------------------------------------------
    @cached_property
    def month_number(self) -> dict[str, int]:
        """Every month name and short form -> its number (1-12)."""
        return {w: n for n, entry in enumerate(self.months, start=1) for w in entry}

    @cached_property
    def weekday_number(self) -> dict[str, int]:
        """Every day name and short form -> its weekday (Monday 0)."""
        return {w: n for n, entry in enumerate(self.weekdays) for w in entry}

    @cached_property
    def weekday_plurals(self) -> frozenset[str]:
        """The full day names in the plural: "Tuesdays" (a day that repeats)."""
        return frozenset(self.calendar["days_plural"])

    @cached_property
    def calendar(self) -> dict[str, list[str]]:
        """The calendar's lists another content file names instead of copying them
        (``"@months"`` in a wording lexicon or pattern, in themes.yml): the full names, the
        short forms, and the days in the plural, each in the calendar's order. A short
        form is listed with its full stop too: the tokenizer keeps "Sept." and "Tues." whole,
        so "from Sept." would not read as a month."""
        return {
            "months": [entry[0] for entry in self.months],
            "months_short": [form for entry in self.months for short in entry[1:]
                             for form in (short, short + ".")],
            "days": [entry[0] for entry in self.weekdays],
            "days_short": [form for entry in self.weekdays for short in entry[1:]
                           for form in (short, short + ".")],
            "days_plural": [entry[0] + "s" for entry in self.weekdays],
        }

    @cached_property
    def full_months(self) -> frozenset[str]:
        return frozenset(entry[0] for entry in self.months)

    @cached_property
    def full_names(self) -> frozenset[str]:
        """The months' and days' full names: "may", "monday"."""
        return self.full_months | {entry[0] for entry in self.weekdays}

    @cached_property
    def not_names(self) -> frozenset[str]:
        """Calendar words that are never a person's name (all but ``also_names``): the
        months, the days, and the days with a fixed date ("Xmas")."""
        return frozenset(self.month_number) - self.also_names | (
            frozenset(self.weekday_number) - self.also_names) | (
            frozenset(d for d in [*self.fixed_days, *self.movable_days] if " " not in d)
            - self.also_names)

    # --- units -------------------------------------------------------------------------
    @cached_property
    def unit_of_short(self) -> dict[str, str]:
        """Each short form of a unit -> the unit: "wk" -> "week"."""
        return {short: name for name, unit in self.units.items() for short in unit.short}

    @cached_property
    def unit_length(self) -> dict[str, tuple[int, int]]:
        """The units with a length -> (days, months): "week" -> (7, 0)."""
        return {name: (unit.days, unit.months) for name, unit in self.units.items()
                if unit.days or unit.months}

    @cached_property
    def day_part_words(self) -> frozenset[str]:
        return _with_plurals(self.day_parts)

    @cached_property
    def unit_words(self) -> frozenset[str]:
        """Every word of a unit a rate or span is counted in, plurals and short forms
        (and their plurals) with it, and the parts of a day."""
        names = _with_plurals(frozenset(self.units))
        shorts = frozenset(self.unit_of_short)
        return names | shorts | {s + "s" for s in shorts} | self.day_part_words

    @cached_property
    def lasting_words(self) -> frozenset[str]:
        """Units a count of which only says how long: "six months", "3 wks"."""
        names = frozenset(n for n, unit in self.units.items() if unit.lasts)
        shorts = frozenset(s for n in names for s in self.units[n].short)
        return _with_plurals(names) | shorts | {s + "s" for s in shorts}

    # --- date leads --------------------------------------------------------------------
    @cached_property
    def leads(self) -> tuple[tuple[str, ...], ...]:
        """Every lead as its words, longest first (so "within the next" is read before
        "within")."""
        every = [*self.date_leads.start, *self.date_leads.target, *self.date_leads.other]
        return tuple(sorted((tuple(lead.split()) for lead in sorted(every)),
                            key=len, reverse=True))

    @cached_property
    def start_leads(self) -> frozenset[str]:
        """The first words of the leads saying when something starts: "from", "w/c",
        "as" (of "as from"), "week" (of "week commencing")."""
        return frozenset(lead.split()[0] for lead in self.date_leads.start)

    @cached_property
    def target_leads(self) -> frozenset[str]:
        """The first words of the leads saying by when: "by", "within", "no"."""
        return frozenset(lead.split()[0] for lead in self.date_leads.target)

    @cached_property
    def other_leads(self) -> frozenset[str]:
        """The first words of the leads that are not a start: a deadline, an end."""
        return frozenset(lead.split()[0] for lead in
                         self.date_leads.target | self.date_leads.other) - self.start_leads

    @cached_property
    def today_words(self) -> frozenset[str]:
        """The last words of the phrases for today: "immediately", "away" (of "straight
        away")."""
        return frozenset(phrase.split()[-1] for phrase, ahead in self.days_from_today.items()
                         if ahead == 0)

    # --- frequency and measure ---------------------------------------------------------
    @cached_property
    def rate_pattern(self) -> re.Pattern[str]:
        """A rate written as "<word>-<rate>": "three-weekly", "6-monthly"."""
        endings = "|".join(sorted(re.escape(e) for e in self.rate_endings))
        return re.compile(rf"^[a-z0-9]+-({endings})$")

    @cached_property
    def event_words(self) -> frozenset[str]:
        return _with_plurals(self.events)

    @cached_property
    def course_words(self) -> frozenset[str]:
        return _with_plurals(self.course)

    @cached_property
    def help_words(self) -> frozenset[str]:
        return _with_plurals(self.help)

    @cached_property
    def record_words(self) -> frozenset[str]:
        return _with_plurals(self.records)

    @cached_property
    def weekday_words(self) -> frozenset[str]:
        return frozenset(self.weekday_number)

    @cached_property
    def date_words(self) -> frozenset[str]:
        """Every word a date phrase is made of, numbers apart: a reader looking for date
        phrases in a sentence tries only runs of these. The words of the parser itself
        (``dates.PHRASE_GRAMMAR``) are added there."""
        lengths = frozenset(self.unit_length)
        return frozenset(
            {w for lead in self.leads for w in lead} | set(self.month_number)
            | set(self.weekday_number) | set(self.numbers) | set(self.edges)
            | {w for phrase in [*self.days_from_today, *self.fixed_days, *self.movable_days]
               for w in phrase.split()}
            | _with_plurals(lengths) | {s + e for s in self.unit_of_short
                                         if self.unit_of_short[s] in lengths
                                         for e in ("", "s")})


W = TypeVar("W", bound=WordFile)


class PracticeWords(WordFile):
    """framework/words/practice.yml: words every need shares, left out when practice
    feedback pairs a student's needs with the model's (assistant/practice.py)."""

    FILE: ClassVar[str] = "practice.yml"
    frame: Words


_RIGHT = re.compile(r"^[A-Za-z]+(?:['\- ][A-Za-z]+)*$")
_WRONG = re.compile(r"^[a-z]+$")


class SpellingWords(WordFile):
    """framework/words/spelling.yml: misspellings common in plans, each right form with
    its wrong forms, read as meant before the coach reads a statement
    (assistant/spelling.py)."""

    FILE: ClassVar[str] = "spelling.yml"
    corrections: dict[StrictStr, Annotated[list[StrictStr], Field(min_length=1)]] = \
        Field(min_length=1)

    @model_validator(mode="after")
    def _each_once(self) -> SpellingWords:
        rights = {right.lower() for right in self.corrections}
        seen: set[str] = set()
        for right, wrongs in self.corrections.items():
            if not _RIGHT.match(right):
                raise ValueError(f"{right!r}: a right form is letters, with single spaces, "
                                 "hyphens or apostrophes between them")
            for wrong in wrongs:
                if not _WRONG.match(wrong):
                    raise ValueError(f"{right}: {wrong!r}: a wrong form is lower-case "
                                     "letters only")
                if wrong in seen:
                    raise ValueError(f"{wrong!r} is listed twice")
                if wrong in rights:
                    raise ValueError(f"{wrong!r} is listed as a right form too")
                seen.add(wrong)
        return self

    @cached_property
    def wrong(self) -> dict[str, str]:
        """Each wrong form -> its right form."""
        return {wrong: right for right, wrongs in self.corrections.items()
                for wrong in wrongs}


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
        """framework/words/pronouns.yml, its ``not_people`` with the calendar's full names
        and the days in the plural ("every other Saturday") added from time.yml."""
        words = self.load(PronounWords)
        time = self.time
        return words.model_copy(update={
            "not_people": words.not_people | time.full_names | time.weekday_plurals})

    @cached_property
    def redaction(self) -> RedactionWords:
        """framework/words/redaction.yml, its months the calendar's full month names (the
        month names are listed once, in time.yml) and any it lists itself."""
        words = self.load(RedactionWords)
        return words.model_copy(update={"months": words.months | self.time.full_months})

    @cached_property
    def need_groups(self) -> NeedGroupWords:
        return self.load(NeedGroupWords)

    @cached_property
    def need_meaning(self) -> NeedMeaningWords:
        return self.load(NeedMeaningWords)

    @cached_property
    def practice(self) -> PracticeWords:
        return self.load(PracticeWords)

    @cached_property
    def time(self) -> TimeWords:
        return self.load(TimeWords)

    @cached_property
    def spelling(self) -> SpellingWords:
        return self.load(SpellingWords)


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


_shipped: TimeWords | None = None


def shipped_time() -> TimeWords:
    """The time words of the content in use when none is handed down (``NEEDS_LED_CONTENT``
    or the shipped copy), loaded once per process: for :func:`assistant.dates.phrase_date`
    called on its own."""
    global _shipped
    if _shipped is None:
        _shipped = english(Content()).time
    return _shipped
