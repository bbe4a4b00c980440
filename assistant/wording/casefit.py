"""What the coach knows of a case: its people (role, age, sex) and the facts it shows.

Why: a rewrite is only help if it fits the family in front of the worker. A mother must not
be offered her child's statement, a 14-year-old a toddler's, and no rewrite may bring in a
person or an event the case lacks (a baby, a father's death). The facts a case can show,
and the words that show them, are data in ``framework/case-facts.yml``; library statements
list the facts they take for granted and are checked against that file on load.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date
from functools import cached_property
from typing import Any, Literal, TypeVar

from pydantic import Field, field_validator, model_validator

from assistant import dates
from assistant.content import Content, Framework, Strict, parse_yaml

M = TypeVar("M", bound=Strict)

_SENTENCE = re.compile(r"[.!?;\n]+")
_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'"})


def _alternatives(part: str) -> list[str]:
    return [a.strip().lower() for a in part.split("|") if a.strip()]


def _checked_cues(cues: list[str]) -> list[str]:
    """``cues`` unchanged, or a clear error naming the first with an empty part: a cue
    ("lives + away|apart") must give a word in each of its ``+`` parts."""
    for cue in cues:
        if not cue.strip() or any(not _alternatives(p) for p in cue.split(" + ")):
            raise ValueError(f"empty cue in {cue!r}")
    return cues


#: Words that may stand between the two halves of a close cue ("lives with > nan": "lives
#: with her great nan"): whose, which one, never another person ("lives with mum and nan").
_CLOSE_BETWEEN = r"(?:her|his|their|our|my|the|a|an|great|maternal|paternal|elderly|older)"


def _body(part: str) -> str:
    words = sorted(_alternatives(part), key=len, reverse=True)
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words)


def _compile(part: str) -> re.Pattern[str]:
    """One "a|b|c" part as a whole-word, any-case pattern; "a|b > c|d" is a close cue: c or
    d right after a or b, with at most two words of whose or which between."""
    if " > " in part:
        first, second = part.split(" > ", 1)
        return re.compile(rf"(?<![\w'-])(?:{_body(first)})(?:\s+{_CLOSE_BETWEEN}){{0,2}}"
                          rf"\s+(?:{_body(second)})(?![\w-])")
    return re.compile(rf"(?<![\w'-])(?:{_body(part)})(?![\w-])")


# Words that make a cue a denial of its own (see ``Cue.denies``), and the verbs written
# with "nt" for "n't" ("hasnt", "isnt").
_DENYING = frozenset({"not", "never", "no", "nor", "without", "neither", "refused",
                      "refuses", "longer"})
_CONTRACTED = frozenset({"has", "is", "does", "did", "was", "were", "have", "are", "wo",
                         "ca", "could", "would", "should", "had"})


class Cue:
    """A story cue: "a|b" (either), "a|b + c|d" (both in one sentence) or "a|b > c|d" (c
    or d close after a or b)."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.parts = [_compile(part) for part in text.split(" + ")]
        # Each part's words with single spaces: a part can match only where one of them
        # is a substring of the text with its spaces made single (see ``maybe``).
        self.words = [tuple(" ".join(a.split()) for a in _alternatives(
            part.split(" > ", 1)[0])) for part in text.split(" + ")]

    @cached_property
    def denies(self) -> bool:
        """True when the cue's own words deny ("not going", "hasn't started", "never
        goes", "refused"): its words are read as written, not as a denial of the cue."""
        words = set(re.findall(r"[a-z]+(?:'[a-z]+)?", self.text.lower()))
        return bool(words & _DENYING) or any(
            w.endswith("n't") or (w.endswith("nt") and w[:-2] in _CONTRACTED) for w in words)

    def maybe(self, flat: str) -> bool:
        """False when the cue cannot be found in ``flat`` (lower-case text, spaces made
        single): a substring test, so the regular expressions run only on the few cues
        that may match. Why: a statement is tested against a few hundred cues."""
        return all(any(w in flat for w in words) for words in self.words)

    def found(self, sentences: list[str], told: Told | None = None) -> bool:
        return any(self.where(s, told) is not None for s in sentences)

    def where(self, sentence: str, told: Told | None = None) -> int | None:
        """Where in ``sentence`` the cue's first part is found, when all its parts are
        (each where ``told`` says the story tells it: not denied, no part of a body)."""
        found = self.spans(sentence, told)
        return found[0] if found else None

    def spans(self, sentence: str, told: Told | None = None) -> list[int] | None:
        """Where in ``sentence`` each part is first found (told), or None."""
        out = []
        for part in self.parts:
            found = next((m for m in part.finditer(sentence)
                          if told is None or told(sentence, m.start(), m.end())), None)
            if found is None:
                return None
            out.append(found.start())
        return out


# A first name as a story writes it ("Tanya", "Mary-Jo"): capitalised, not the first of a
# run of capitalised words ("Social Services"), possessive allowed ("Tanya's").
_GIVEN = r"([A-Z][a-z]+(?:-[A-Z][a-z]+)?)(?:'s)?(?![\w'-])(?![ \t]+[A-Z][a-z])"
# Whose a family word is, before it ("his", "Ryan's"), and one word that describes the
# person ("older", "little") between them.
_WHOSE = r"(?:(?:his|her|their|our|my|[A-Z][a-z]+'s)[ \t]+)?(?:[a-z]+[ \t]+)?"


def story_names(story: str, words: Any) -> list[tuple[str, str]]:
    """(name, family word) for each name the story sets beside a family word, in the order
    told: "his mum Tanya", "her Nan, Rose,", "his older sister Chloe (15)", "Tanya, his
    mum,", "Chloe, his older sister.", "Tanya (mum)".

    Why: a worker often records only the child and names the others in the story. Read
    apart, "Tanya" is no one the coach knows and "Tanya has been low" tells nothing of a
    parent; set beside "mum", she is the mother the story speaks of. A name after the
    family word is read whatever follows it; one before it only where the family word
    closes the phrase (a comma, a full stop, a bracket: "Kerry, his mum, drinks"), so
    "Yesterday, his mum said" names no one."""
    text = story.translate(_APOSTROPHES)
    alts = "|".join(re.escape(w).replace(r"\ ", r"\s+")
                    for w in sorted(words, key=len, reverse=True) if w)
    if not alts or not text:
        return []
    found: list[tuple[int, str, str]] = []
    after = re.compile(rf"(?<![\w'-])(?i:({alts}))(?:,[ \t]*|[ \t]+|[ \t]*\([ \t]*){_GIVEN}")
    for m in after.finditer(text):
        found.append((m.start(), m.group(2), m.group(1).lower()))
    before = re.compile(
        rf"(?<![\w'-]){_GIVEN}(?:,[ \t]*{_WHOSE}(?i:({alts}))(?=[ \t]*(?:[,.;:!?)]|$))"
        rf"|[ \t]*\([ \t]*(?i:({alts}))[ \t]*\))", re.MULTILINE)
    for m in before.finditer(text):
        found.append((m.start(), m.group(1), (m.group(2) or m.group(3)).lower()))
    return [(name, word) for _, name, word in sorted(found)]


#: Whether a story tells what the words at (start, end) of a sentence say: see
#: :meth:`CaseFacts.told`.
Told = Callable[[str, int, int], bool]


def said_as(statement: str) -> str:
    """A statement's words only, lower case, apostrophes made straight and single-spaced:
    two statements read the same when this is the same."""
    return " ".join(re.findall(r"[a-z0-9]+(?:'[a-z]+)?", _lower(statement)))


def _lower(text: str) -> str:
    return text.translate(_APOSTROPHES).lower()


def sentences_of(text: str) -> list[str]:
    """Lower-case sentences, with curly apostrophes made straight."""
    return [s for s in _SENTENCE.split(_lower(text)) if s.strip()]


_RUN = re.compile(r"[a-z0-9]+")
# A word of a lower-case story sentence ("doesn't" whole), or a mark that ends a clause.
_STORY_WORD = re.compile(r"[a-z0-9]+(?:'[a-z]+)?|[,;:]")


class Cues:
    """(id, cue) pairs, indexed by the first word of each alternative of each cue's first
    part, so a text is searched only for the few cues whose words it has.

    Why: a statement is tested against a few hundred cues, and running each one's regular
    expression on every statement costs more than the rest of a check. The index is exact:
    a cue can match only where its first part's first word stands alone in the text (the
    patterns are whole-word), and every part's words must appear in it.
    """

    def __init__(self, pairs: list[tuple[str, Cue]]) -> None:
        self.pairs = pairs
        self.by_word: dict[str, list[int]] = {}
        self.always: list[int] = []  # cues with an alternative that starts with no letter
        for n, (_, cue) in enumerate(pairs):
            firsts = {_RUN.match(w) for w in cue.words[0]}
            if None in firsts:
                self.always.append(n)
                continue
            for word in {m.group() for m in firsts if m is not None}:
                self.by_word.setdefault(word, []).append(n)

    def found(self, text: str, told: Told | None = None,
              acts: frozenset[str] = frozenset(),
              accident: Callable[[str], bool] | None = None) -> set[str]:
        """The ids of the cues found in ``text``: where ``told`` says the words are told
        (not denied), and for the facts in ``acts`` not in a sentence ``accident`` says
        tells an accident."""
        low = _lower(text)
        picked = set(self.always)
        for word in set(_RUN.findall(low)):
            picked.update(self.by_word.get(word, ()))
        if not picked:
            return set()
        flat = " ".join(low.split())
        maybe = [self.pairs[n] for n in sorted(picked) if self.pairs[n][1].maybe(flat)]
        if not maybe:
            return set()
        sentences = [s for s in _SENTENCE.split(low) if s.strip()]
        calm = sentences if accident is None or not acts else \
            [s for s in sentences if not accident(s)]
        # a cue that is itself a denial ("nursery + not going") is read as written
        return {fact for fact, cue in maybe
                if cue.found(calm if fact in acts else sentences,
                             None if cue.denies else told)}


# In a told cue, the first name of any adult the case records ("hit + mum|her|@adult").
_ADULT = "@adult"


class FactRule(Strict):
    """One fact a case may show (framework/case-facts.yml)."""

    id: str = Field(pattern=r"^[a-z0-9][a-z0-9-]*$")
    says: str = Field(min_length=3)
    roles: list[str] = []
    ages: tuple[int, int] | None = None
    children_at_least: int | None = Field(default=None, ge=2)
    story: list[str] = []
    mentions: list[str] = []
    unless: list[str] = []
    covers: list[str] = []
    ordinary: bool = False
    about: Literal["child", "adult"] | None = None
    told: list[str] = []
    """Story cues of an act that show the fact only where the story tells the act of a
    person of the kind ``told_of`` names (the person named nearest before the words), or
    of someone the case does not record: "Kerry says Rob pushed her" shows violence
    between adults, "Mila hits her brother" (a child's act) does not."""
    told_of: Literal["child", "adult"] = "adult"
    theme: str | None = None
    """The Need Group theme (framework/themes.yml) the story's reflection names where the
    story shows this fact: an act the theme's words do not name ("Rob hit Kerry") is
    still reflected as domestic abuse."""
    kin: bool = False
    """The first part of each of its story cues names one of the child's family ("mum +
    died"): a place where the word is said to be an adult's ("her mum" of Jade, "Jade's
    dad") does not show it. Why: "Jade was drinking after her mum died" told the coach
    the child's mother had died, and it offered the child a visit to "her mum's grave"
    while Jade, the mother, was in the case."""
    acts: bool = False
    """Its story cues are acts (hitting, violence, anger): not shown by a sentence that
    tells an accident (``reading.accidents``: "Kerry fell and hit her head"). Told cues
    are always acts."""
    apart: dict[str, str] = {}
    """Role id -> a fact showing that a person of that role lives apart from the child
    (``father: father-apart``): a statement taking this fact for granted (looking after
    the child at home) is not offered to a holder of that role when the case shows it."""
    younger: list[str] = []
    """Facts that show a child younger than ``ages`` is not where this fact puts them: a
    statement taking it for granted is not for such a child while the case shows one of
    them (a school-day statement is not for a four-year-old while the story shows a
    nursery place). Why: a story naming a school (a cousin's, the one a child starts next
    year) showed the fact, and the mother of a four-year-old at nursery was offered ten
    minutes' one-to-one time with him "after school"."""
    statements: Literal["child", "parent"] | None = None
    """Whose statements its ``mentions`` are read in (a parent's "bedtime" is day-to-day
    care at home, a child's is not); every statement when not given."""

    @cached_property
    def told_cues(self) -> list[Cue]:
        return self.told_cues_for([])

    def told_cues_for(self, adults: list[str]) -> list[Cue]:
        """The told cues with ``@adult`` standing for the first names of the case's
        adults ("Rob hit Kerry"); left out where the case records none."""
        if not adults and not any(_ADULT in c for c in self.told):
            return [Cue(c) for c in self.told]
        names = "|".join(a.lower() for a in adults)
        out = []
        for cue in self.told:
            parts = []
            for part in cue.split(" + "):
                words = [w for w in part.split("|") if w.strip() != _ADULT]
                if _ADULT in part and names:
                    words.append(names)
                parts.append("|".join(words))
            if all(p.strip() for p in parts):
                out.append(Cue(" + ".join(parts)))
        return out

    @field_validator("story", "mentions", "told")
    @classmethod
    def _cues(cls, cues: list[str]) -> list[str]:
        return _checked_cues(cues)

    @model_validator(mode="after")
    def _shown_somehow(self) -> FactRule:
        if not (self.roles or self.ages or self.story or self.told or self.children_at_least):
            raise ValueError(f"fact {self.id!r}: say how a case shows it (roles, ages or story)")
        if self.ages and self.ages[0] > self.ages[1]:
            raise ValueError(f"fact {self.id!r}: ages run from low to high")
        return self

    @cached_property
    def story_cues(self) -> list[Cue]:
        return [Cue(c) for c in self.story]

    @cached_property
    def mention_cues(self) -> list[Cue]:
        return [Cue(c) for c in self.mentions]


class StoryReading(Strict):
    """How a story's words are read before a cue counts (case-facts.yml ``reading``).

    Why: a story says what did not happen as often as what did ("Dad has never hit
    anyone", "no drinking since May", "no history of domestic abuse"), and tells
    accidents in the words of violence ("Mum hit her head"); read as cues, they gave the
    family events it does not have, and rewrites about them. The words that deny (``not``,
    ``never``, ``no``...) are the coach's own (framework/words/context.yml ``negators``).
    """

    window: int = Field(default=3, ge=1, le=6)
    """A cue denied by a negator this many words before it in the same clause."""
    clause_breaks: list[str] = []
    """Words and marks that end a clause in a story, besides context.yml's
    ``clause_breaks``: "Kerry doesn't work and drinks every day" still drinks."""
    owners: list[str] = []
    """Words that say whose body part follows ("her head")."""
    body_parts: list[str] = []
    """A cue right before a body part, or before an owner and a body part, is about a
    body, not a person: "Mum hit her head" is an injury, not an assault."""
    between: list[str] = []
    """Words that may stand between a denying word and what it denies ("never *been*
    violent", "no *history of* abuse"); any other word ends the denial."""
    accidents: list[str] = []
    """Words that tell an accident: a sentence with one shows no act (``acts``)."""
    states: list[str] = []
    """Words before an everyday word that make it a person's state ("has been low"):
    see :meth:`CaseFacts.as_state`."""
    wilful: list[str] = []
    """Words that deny by refusing ("won't"): an everyday word they deny is no state."""
    hearers: list[str] = []
    """Words after a denied everyday word that make it a refusal to say something to
    someone ("doesn't talk to Rob", "won't say where"), not what a person cannot do."""
    possessives: dict[str, Literal["female", "male"]] = {}
    """Words that say whose family word follows, and the sex of the person they stand
    for ("her": female): "her mum" in "Jade drank after her mum died" is Jade's mother,
    so the story shows no death of the child's mother (``kin`` facts)."""
    pronouns: dict[str, Literal["female", "male"]] = {}
    """The story's pronouns and the sex each says, for a person recorded without one
    (:func:`_told_sexes`)."""
    told_at_least: int = Field(default=2, ge=1)
    """How many of a person's pronouns, all agreeing, give them those pronouns."""


class Household(Strict):
    """Who lives with the child (case-facts.yml ``household``).

    Why: day-to-day care at home (bedtime, the school run, meals) is offered only to an
    adult who lives with the child. Checked by role alone ("father-apart"), a grandparent
    who "lives 10 mins away", or a mother the story names by first name as living
    elsewhere, was offered bedtimes; this reads it of each recorded adult, whatever
    their role."""

    roles: list[str] = []
    """Adults of these roles live with the child unless the story says they live apart;
    any other adult (a grandparent, an aunt) only where the story says the child lives
    with them."""
    apart: list[str] = []
    """Story cues said of a person that show they live apart from the child ("lives +
    nearby|mins away"): read of the person named nearest before the cue's first words."""
    with_child: list[str] = []
    """Story cues that show the child lives with the people the same clause names after
    them ("lives with her nan")."""
    carers: list[str] = []
    """Story cues that make the adults a sentence names, before or after them, the ones
    the child lives with ("Pat is Tia's special guardian", "kinship carer Pat")."""

    @field_validator("apart", "with_child", "carers")
    @classmethod
    def _cues(cls, cues: list[str]) -> list[str]:
        return _checked_cues(cues)

    @cached_property
    def apart_cues(self) -> list[Cue]:
        return [Cue(c) for c in self.apart]

    @cached_property
    def with_cues(self) -> list[Cue]:
        return [Cue(c) for c in self.with_child]

    @cached_property
    def carer_cues(self) -> list[Cue]:
        return [Cue(c) for c in self.carers]


class CaseFacts(Strict):
    """framework/case-facts.yml: the facts a case can show.

    ``holders`` (which roles a ``holder: child`` or ``holder: parent`` statement fits) and
    ``role_words`` (how a worker names a person of a role) come from the framework's roles
    (:meth:`with_roles`); a copy of this file written before may still list them, and then
    its lists are used."""

    ages_when_unknown: tuple[int, int]
    # The ages a word for the holder says where no age is recorded ("the baby", "a
    # toddler"): statements are offered for that span, not ``ages_when_unknown``.
    ages_by_word: dict[str, tuple[int, int]] = {}
    holders: dict[str, list[str]] = {}
    role_words: dict[str, list[str]] = {}
    facts: list[FactRule] = Field(min_length=1)
    reading: StoryReading = StoryReading()
    household: Household = Household()
    negators: frozenset[str] = frozenset()
    """The coach's words that deny (context.yml), set by :meth:`with_words`."""
    breaks: frozenset[str] = frozenset()
    """The coach's clause breaks (context.yml) and ``reading.clause_breaks``."""

    @model_validator(mode="after")
    def _ids_hold(self) -> CaseFacts:
        ids = [f.id for f in self.facts]
        twice = sorted({i for i in ids if ids.count(i) > 1})
        if twice:
            raise ValueError(f"fact id(s) listed twice: {', '.join(twice)}")
        for fact in self.facts:
            unknown = sorted(set(fact.unless + fact.covers + fact.younger
                                 + list(fact.apart.values())) - set(ids))
            if unknown:
                raise ValueError(f"fact {fact.id!r}: unknown fact(s) {', '.join(unknown)}")
            if fact.younger and not fact.ages:
                raise ValueError(f"fact {fact.id!r}: 'younger' needs the ages it is younger "
                                 "than")
        if self.holders and set(self.holders) != {"child", "parent"}:
            raise ValueError("holders must name the roles of a 'child' and of a 'parent'")
        return self

    def with_roles(self, framework: Framework) -> CaseFacts:
        """These facts with the holder groups and role words the framework's roles give,
        where this file lists none: a child's statement fits a born child (not an unborn
        baby), a parent's statement a parent, carer or relative (not the whole family)."""
        holders = self.holders or {
            "child": [r.id for r in framework.roles if r.child and not r.unborn],
            "parent": [r.id for r in framework.roles if r.kind == "parent"]}
        words = self.role_words
        if not words:
            words = {}
            for word, role in framework.vocabulary.family_words.items():
                words.setdefault(role, []).append(word)
        return self.model_copy(update={"holders": holders, "role_words": words})

    def with_words(self, context: Any) -> CaseFacts:
        """These facts reading a story with the coach's words that deny and end a clause
        (framework/words/context.yml ``negators``, ``clause_breaks``)."""
        return self.model_copy(update={
            "negators": frozenset(context.negators),
            "breaks": frozenset(context.clause_breaks) | {
                w.lower() for w in self.reading.clause_breaks}})

    @cached_property
    def _owners(self) -> frozenset[str]:
        return frozenset(w.lower() for w in self.reading.owners)

    @cached_property
    def _body(self) -> frozenset[str]:
        return frozenset(w.lower() for w in self.reading.body_parts)

    @cached_property
    def _accidents(self) -> frozenset[str]:
        return frozenset(w.lower() for w in self.reading.accidents)

    @cached_property
    def act_ids(self) -> frozenset[str]:
        return frozenset(f.id for f in self.facts if f.acts)

    def told(self, sentence: str, start: int, end: int) -> bool:
        """True when the (lower-case) ``sentence`` tells what its words at ``start``-``end``
        say: no word that denies stands up to ``reading.window`` words before them in the
        same clause ("never hit", "no drinking", "doesn't drink"), and they are not said
        of a body part ("hit her head"). A negator that is part of the words themselves
        ("not talking") denies nothing."""
        if self.denied(sentence, start):
            return False
        after = _STORY_WORD.findall(sentence[end:end + 40])[:2]
        body = self._body
        return not (after and (after[0] in body or (
            len(after) > 1 and after[0] in self._owners and after[1] in body)))

    def denied(self, sentence: str, start: int) -> bool:
        """True when a word that denies stands up to ``reading.window`` words before
        ``start`` in the same clause of the (lower-case) sentence, with only words of
        ``reading.between`` in between ("never hit", "has never been violent", "no
        history of domestic abuse"): the denial is of these words, not of another verb's
        ("will not tell her dad" still has a dad)."""
        before = _STORY_WORD.findall(sentence[:start])[-self.reading.window:]
        between = self._between
        for word in reversed(before):
            if word in self.negators or word.endswith("n't"):
                return True
            if word in self.breaks or word not in between:
                return False
        return False

    @cached_property
    def _between(self) -> frozenset[str]:
        return frozenset(w.lower() for w in self.reading.between)

    @cached_property
    def _states(self) -> frozenset[str]:
        return frozenset(w.lower() for w in self.reading.states)

    def as_state(self, sentence: str, start: int) -> bool:
        """True when the word at ``start`` of the (lower-case) sentence is said as a
        person's state or as what they cannot do: right after a word of ``reading.states``
        ("has been low", "is very quiet"), or denied ("is not talking yet") other than by
        refusing ("won't say") or of saying to someone ("doesn't talk to Rob")."""
        before = _STORY_WORD.findall(sentence[:start])
        if before and before[-1] in self._states:
            return True
        if not self.denied(sentence, start):
            return False
        reading = self.reading
        word = _STORY_WORD.findall(sentence[start:start + 60])[:2]
        return not (set(before[-reading.window:]) & {w.lower() for w in reading.wilful}
                    or (len(word) > 1 and word[1] in {w.lower() for w in reading.hearers}))

    def accident(self, sentence: str) -> bool:
        """True when the (lower-case) sentence tells an accident ("fell", "slipped")."""
        return bool(self._accidents) and not self._accidents.isdisjoint(
            _STORY_WORD.findall(sentence))

    def check_roles(self, roles: set[str]) -> None:
        """Every role named here must be one of framework.yml's roles."""
        named = {r for group in self.holders.values() for r in group} | set(self.role_words)
        named |= {r for fact in self.facts for r in [*fact.roles, *fact.apart]}
        named |= set(self.household.roles)
        unknown = sorted(named - roles)
        if unknown:
            raise ValueError(f"unknown role(s) {', '.join(unknown)} (framework.yml roles: "
                             f"{', '.join(sorted(roles))})")

    @cached_property
    def by_id(self) -> dict[str, FactRule]:
        return {f.id: f for f in self.facts}

    @cached_property
    def ordinary(self) -> frozenset[str]:
        return frozenset(f.id for f in self.facts if f.ordinary)

    @cached_property
    def _story_cues(self) -> Cues:
        return Cues([(f.id, c) for f in self.facts for c in f.story_cues])

    @cached_property
    def _mention_cues(self) -> Cues:
        return Cues([(f.id, c) for f in self.facts for c in f.mention_cues])

    def shown_by_text(self, text: str) -> set[str]:
        """The facts that words in ``text`` (a story, or the worker's statement) show:
        where it tells them, not where it denies them or tells an accident."""
        return self._story_cues.found(text, self.told, self.act_ids, self.accident)

    def shown_by_statement(self, text: str, said_of: Callable[[str, int], str | None]
                           ) -> set[str]:
        """The facts the worker's statement shows (:meth:`shown_by_text`), a fact about one
        kind of person (``about``: a child's anxiety, a parent's illness) only where its
        words are said of a person of that kind: ``said_of(sentence, at)`` says of whom
        ("child" or "adult") the lower-case ``sentence`` says its words at ``at``, None
        for someone it cannot place (a name the case does not record): that place shows
        the fact as the words alone did.

        Why: "Jordan needs a referral to CAMHS for low mood" is Jordan's low mood; read as
        the story's words are, it showed a parent's illness, and the child was offered
        "...his mum stays in bed because Mum is unwell" in a family with no such illness."""
        found = self.shown_by_text(text)
        personal = [f for f in found if self.by_id[f].about]
        if not personal:
            return found
        sentences = sentences_of(text)
        for fact in personal:
            rule = self.by_id[fact]
            places = [said_of(sentence, at) for sentence in sentences
                      for cue in rule.story_cues
                      if (at := cue.where(sentence, None if cue.denies else self.told))
                      is not None]
            if places and rule.about not in places and None not in places:
                found.discard(fact)
        return found

    def settle(self, shown: set[str]) -> set[str]:
        """``shown`` less the facts another shown fact rules out (``unless``)."""
        return {f for f in shown if not set(self.by_id[f].unless) & shown}

    def covered(self, presupposed: set[str]) -> set[str]:
        """The presupposed facts and those they cover (``covers``)."""
        out = set(presupposed)
        for fact in presupposed:
            out.update(self.by_id[fact].covers)
        return out

    def mentioned(self, text: str, holder: str | None = None) -> set[str]:
        """The facts a statement's words take for granted (its ``mentions``); ``holder``
        ("child" or "parent", whose statement it is): only the facts read in those."""
        found = self._mention_cues.found(text)
        if holder is None:
            return found
        return {f for f in found if self.by_id[f].statements in (None, holder)}


def load_or_default(content: Content, model: type[M], *parts: str) -> M:
    """``content``'s file at ``parts``, or the packaged default's when an edited content
    folder predates that file (a trainer's copy made before it existed still works)."""
    override = content.override
    if override is not None and (override / parts[0]).is_dir() \
            and not override.joinpath(*parts).exists():
        path = content.default.joinpath(*parts)
        return parse_yaml(path, path.read_text(encoding="utf-8"), model)
    return content.load(model, *parts)


def load_case_facts(content: Content) -> CaseFacts:
    return load_or_default(content, CaseFacts, "framework", "case-facts.yml")


def age_of(person: Any, today: date | None = None) -> int | None:
    """A person's age: recorded, or worked out from the date of birth."""
    if getattr(person, "age", None) is not None:
        return int(person.age)
    born = getattr(person, "date_of_birth", None)
    if born is None:
        return None
    today = today or dates.today()
    return today.year - born.year - ((today.month, today.day) < (born.month, born.day))


@dataclass(frozen=True)
class Member:
    """One person as the coach sees them."""

    name: str
    role: str
    age: int | None
    sex: str
    child: bool

    @property
    def gender(self) -> str | None:
        """'f', 'm', or None (then rewrites say "they")."""
        return {"female": "f", "male": "m"}.get(self.sex)


@dataclass
class Family:
    """A case as the coach reads it: who is in it, and the facts it shows."""

    members: list[Member]
    story: str
    facts: set[str] = field(default_factory=set)
    role_words: dict[str, list[str]] = field(default_factory=dict)
    held: frozenset[str] = frozenset()
    """The case's own need statements, as :func:`said_as` reads them: a rewrite the case
    already holds word for word is never offered (:meth:`holds`)."""
    apart: frozenset[Member] = frozenset()
    """The adults who live apart from the child (:func:`_living_apart`): day-to-day care
    at home is not theirs."""
    owners: dict[str, frozenset[Member]] = field(default_factory=dict)
    """For a fact about one person (``about`` in case-facts.yml), the people the story
    says it of: "their mum uses heroin" is the mother's, not the grandmother's."""
    child_roles: frozenset[str] = frozenset()
    """The roles that are children's (framework.yml ``kind: child``): whether a person the
    story names and the case does not record ("his sister Chloe") is a child."""

    def holds(self, statement: str) -> bool:
        """True when the case already has ``statement`` (any case, apostrophes, spacing
        and punctuation aside): offering "Tia needs someone she trusts to talk to" where
        it is already Tia's Need 1 teaches nothing."""
        return bool(self.held) and said_as(statement) in self.held

    def owns(self, fact: str, member: Member | None) -> bool:
        """False only when the story says ``fact`` of someone and not of ``member``."""
        owners = self.owners.get(fact)
        return not owners or member is None or member in owners

    @property
    def children(self) -> list[Member]:
        return [m for m in self.members if m.child]

    def member(self, holder: str | None) -> Member | None:
        """The person a holder names: by name ("Jordan", "Jordan's"), else by role ("Mum")."""
        if not holder:
            return None
        words = [w.strip("'").removesuffix("'s").lower()
                 for w in re.findall(r"[A-Za-z][A-Za-z'-]*", holder.translate(_APOSTROPHES))]
        words = [w for w in words if w not in ("the", "a", "an", "my", "our")]
        raw = holder.translate(_APOSTROPHES)
        if re.search(r"[A-Za-z]'s?\s+[A-Za-z]", raw) and len(words) > 1:
            # "Jordan's mum" is Jordan's mother, not Jordan: the words after the possessive
            # name the person.
            words = words[1:]
        if not words:
            return None
        for member in self.members:
            name = member.name.lower().split()
            if name and (words[0] == name[0] or words == name):
                return member
        for role, names in self.role_words.items():
            if " ".join(words) in names or words[0] in names:
                same = [m for m in self.members if m.role == role]
                if len(same) == 1:
                    return same[0]
        return None

    def possessor(self, holder: str | None) -> Member | None:
        """The person a possessive holder is written about: Uma in "Uma's gran"."""
        found = re.match(r"\s*([A-Za-z][A-Za-z-]*)'s?\s+[A-Za-z]",
                         (holder or "").translate(_APOSTROPHES))
        return self.member(found.group(1)) if found else None

    def same_person(self, one: str, other: str) -> bool:
        """True when two ways of naming someone ("Lisa", "Mum") find one person of the case."""
        member = self.member(one)
        return member is not None and member is self.member(other)


def family_of(case: Any, facts: CaseFacts, child_roles: frozenset[str],
              today: date | None = None) -> Family:
    """The coach's reading of ``case`` (an :class:`assistant.model.Case`)."""
    members = [Member(p.name, p.role, age_of(p, today), p.sex, p.role in child_roles)
               for p in case.people]
    family = Family(members, case.story or "", role_words=facts.role_words,
                    child_roles=frozenset(child_roles))
    told = _told_sexes(family, facts)
    if told:
        members = [replace(m, sex=told[m]) if m in told else m for m in members]
        family = Family(members, family.story, role_words=facts.role_words,
                        child_roles=frozenset(child_roles))
    shown = facts.shown_by_text(family.story)
    shown |= _named_in_story(family, facts, shown)
    shown -= _kin_of_adults(family, facts, shown)
    # an act shows a fact where the story tells it of the right kind of person: "Mila
    # hits her brother" is a child's act, no violence between adults
    adults = [m.name.split()[0] for m in members if not m.child and m.name.split()]
    for rule in facts.facts:
        if rule.told and rule.id not in shown and any(
                not people or NOBODY in people
                or any(m.child == (rule.told_of == "child") for m in people)
                for people in _tellers(family, rule.told_cues_for(adults), facts, acts=True)):
            shown.add(rule.id)
    # "The children" are children already born: an unborn baby makes no brother or sister
    # for the statements that speak of them (a pregnant girl has no "children" yet).
    born = [m for m in family.children if m.role in facts.holders.get("child", [m.role])]
    for rule in facts.facts:
        by_role = any(m.role in rule.roles for m in members)
        by_age = bool(rule.ages) and any(
            m.child and m.age is not None and rule.ages[0] <= m.age <= rule.ages[1]  # type: ignore[index]
            for m in members)
        by_count = bool(rule.children_at_least) and \
            len(born) >= (rule.children_at_least or 0)
        if by_role or by_age or by_count:
            shown.add(rule.id)
    family.facts = facts.settle(shown)
    family.held = frozenset(said_as(n.wording) for n in getattr(case, "needs", None) or ()
                            if getattr(n, "wording", None))
    family.apart = _living_apart(family, facts)
    family.owners = _owners(family, [f for f in facts.facts
                                     if f.about and f.id in family.facts], facts)
    return family


def _told_sexes(family: Family, facts: CaseFacts) -> dict[Member, str]:
    """The sex the story's own pronouns give each person the case records without one:
    each "he", "his", "she" or "her" stands for the person named nearest before it in its
    sentence, and a person is given it where at least ``reading.told_at_least`` of theirs
    agree and none disagrees.

    Why: the new-case form leaves sex "not recorded" unless the worker picks it, so most
    rewrites said "their" for a boy the story calls "he" all through, next to rewrites
    that took "his" from the worker's own statement."""
    pronouns = facts.reading.pronouns
    unsure = [m for m in family.members if m.sex not in ("female", "male", "other")]
    if not pronouns or not unsure or not family.story:
        return {}
    teller = Teller(family)
    said: dict[Member, Counter[str]] = {}
    for sentence in sentences_of(family.story):
        found = teller.found_in(sentence)
        if not found:
            continue
        for word in _STORY_WORD.finditer(sentence):
            sex = pronouns.get(word.group())
            before = [f for f in found if f[0] < word.start()] if sex else []
            if not before:
                continue
            people = max(before, key=lambda f: f[0])[1]
            if len(people) == 1 and NOBODY not in people:
                [member] = people
                said.setdefault(member, Counter())[sex] += 1  # type: ignore[index]
    return {m: sex for m in unsure if len(said.get(m, ())) == 1
            for sex, count in said[m].items() if count >= facts.reading.told_at_least}


def _living_apart(family: Family, facts: CaseFacts) -> frozenset[Member]:
    """The recorded adults who live apart from the child: those the story says live
    elsewhere ("Nan (Pat) lives 10 mins away", "Dean moved out"), and those of a role
    not taken to live with the child (``household.roles``) whom no sentence says the
    child lives with ("Tia lives with her mum Donna and her nan") or who care for the
    child in their place (``household.carers``: "Pat is Tia's special guardian")."""
    house = facts.household
    adults = [m for m in family.members if not m.child]
    if not adults or not (house.roles or house.apart):
        return frozenset()
    teller = Teller(family)
    away: set[Member] = set()
    home: set[Member] = set()
    for sentence in sentences_of(family.story):
        for cue in house.apart_cues:
            for found in cue.parts[0].finditer(sentence):
                if not facts.told(sentence, found.start(), found.end()):
                    continue
                rest = sentence[found.end():]
                if all(part.search(rest) for part in cue.parts[1:]):
                    away |= teller.of(sentence, found.start()) - {NOBODY}
        for cue in house.with_cues:
            at = cue.where(sentence, facts.told)
            if at is not None:
                home |= teller.named(sentence, at)
        for cue in house.carer_cues:
            if cue.where(sentence, facts.told) is not None:
                home |= teller.named(sentence, -1)
    return frozenset(m for m in adults
                     if m in away or (m.role not in house.roles and m not in home))


def _named_in_story(family: Family, facts: CaseFacts, shown: set[str]) -> set[str]:
    """The facts the story shows of a recorded person by name where its cues name them by
    role: "Dean lives in Leeds" (Dean the case's father) as "dad + lives in". A cue whose
    first part is words for one role is read with the first names of the case's people of
    that role in their place, and counts only where what the rest of it says is said of
    that person (:class:`Teller`: in "Dean has the kids every other weekend and Kerry
    argues", the weekends are Dean's, not Kerry's).

    Why: a worker tells a story by first names as often as by "Mum" and "Dad"; read only
    by role words, a father living apart went unseen and day-to-day care at home was
    offered to him."""
    story = family.story
    if not story:
        return set()
    by_role: dict[str, list[Member]] = {}
    for member in family.members:
        if member.name.split():
            by_role.setdefault(member.role, []).append(member)
    if not by_role:
        return set()
    teller = Teller(family)
    sentences = sentences_of(story)
    calm = [x for x in sentences if not facts.accident(x)]
    out: set[str] = set()
    for rule in facts.facts:
        if rule.id in shown or not rule.story:
            continue
        for text in rule.story:
            parts = text.split(" + ")
            if len(parts) < 2:
                continue
            first = {w.strip().lower() for w in parts[0].split("|")}
            role = next((r for r, words in facts.role_words.items()
                         if r in by_role and first & set(words)), None)
            if role is None:
                continue
            people = by_role[role]
            names = "|".join(m.name.split()[0].lower() for m in people)
            cue = Cue(" + ".join([names, *parts[1:]]))
            for sentence in calm if rule.acts else sentences:
                found = cue.spans(sentence, None if cue.denies else facts.told)
                if found and teller.of(sentence, found[-1]) & set(people):
                    out.add(rule.id)
                    break
            if rule.id in out:
                break
    return out


def _mentions(family: Family) -> list[tuple[re.Pattern[str], frozenset[Member]]]:
    """How the story names each person: by first name, or by a role word when the case
    records people of that role (all of them, when it records several)."""
    out = []
    for member in family.members:
        first = member.name.split()[0].lower() if member.name.split() else ""
        if first:
            out.append((_compile(first), frozenset({member})))
    for role, words in family.role_words.items():
        same = frozenset(m for m in family.members if m.role == role)
        if same and words:
            out.append((_compile("|".join(words)), same))
    return out


def _owners(family: Family, personal: list[FactRule], facts: CaseFacts | None = None
            ) -> dict[str, frozenset[Member]]:
    """Whom the story says each of the ``personal`` facts of: the person named nearest
    before the words that show it in the same sentence (else nearest after). A role word
    naming no recorded person ("their mum uses heroin", no mother recorded) still claims
    the fact, so it is no one's in the case. Why: in a family of several people, a fact is
    one person's, and a rewrite about drinking or self-harm must not be offered to the one
    it is not about."""
    if not personal or not family.story:
        return {}
    owners: dict[str, set[Member]] = {}
    for fact in personal:
        told = _tellers(family, fact.story_cues, facts, acts=fact.acts) + \
            _tellers(family, fact.told_cues, facts, acts=True)
        for people in told:
            if people:
                owners.setdefault(fact.id, set()).update(people)
    return {fact: frozenset(people) for fact, people in owners.items()}


def _kin_of_adults(family: Family, facts: CaseFacts, shown: set[str]) -> set[str]:
    """The ``kin`` facts in ``shown`` that the story tells only of an adult's family: a
    cue is found where the word before its family word ("her", "Jade's") stands for an
    adult of the case, and nowhere else. "her" stands for the person named nearest before
    it in the sentence whose recorded sex is female or not known; a sentence that names
    no one before it leaves the fact shown (it may be the child's). Checked after the
    facts shown by first names (:func:`_named_in_story`), which read "Jade ... her mum
    died" as Jade's death."""
    kin = [f for f in facts.facts if f.kin and f.id in shown and f.story_cues]
    if not kin or not family.story:
        return set()
    possessives = facts.reading.possessives
    teller = Teller(family)

    def adults(sentence: str, at: int) -> bool:
        before = list(_STORY_WORD.finditer(sentence[:at]))[-2:]
        for found in reversed(before):  # "her mum", or "her older brother"
            word = found.group()
            if word.endswith("'s"):
                member = family.member(word[:-2])
                return member is not None and not member.child
            if word in possessives:
                named = [(start, people) for start, people in teller.found_in(sentence)
                         if start < found.start()]
                nearest = max(named, key=lambda f: f[0])[1] if named else frozenset()
                fits = [m for m in nearest if m is not NOBODY and (
                    m.sex == possessives[word] or m.sex not in ("female", "male"))]
                return bool(fits) and not any(m.child for m in fits)
        return False

    out = set()
    sentences = sentences_of(family.story)
    for rule in kin:
        places = [adults(sentence, spans[0]) for sentence in sentences
                  for cue in rule.story_cues
                  if (spans := cue.spans(sentence, facts.told)) is not None]
        if places and all(places):
            out.add(rule.id)
    return out


def _tellers(family: Family, cues: list[Cue], facts: CaseFacts | None = None,
             acts: bool = False) -> list[frozenset[Member]]:
    """For each place in the story where one of ``cues`` is found, whom the sentence says
    it of: the people named nearest before its words (else nearest after), {NOBODY} for a
    role word naming no one recorded, and no one (an empty set) where the sentence names
    nobody at all. With ``facts``, only where the story tells the words (not denied, no
    body part: :meth:`CaseFacts.told`) and, for ``acts``, not in a sentence telling an
    accident."""
    if not cues or not family.story:
        return []
    told = facts.told if facts is not None else None
    out: list[frozenset[Member]] = []
    teller = Teller(family)
    for sentence in sentences_of(family.story):
        if acts and facts is not None and facts.accident(sentence):
            continue
        for cue in cues:
            at = cue.where(sentence, None if cue.denies else told)
            if at is not None:
                out.append(teller.of(sentence, at))
    return out


class Teller:
    """Whom a sentence of a family's story tells something of.

    Why one reader: the facts a story shows and the themes it is reflected by must be
    said of the same person ("Kerry has been low": the mother's mental health; "Jay has
    been low": the child's), or the coach offers one and the reflection says the other."""

    def __init__(self, family: Family, stand_ins: bool = False,
                 pronouns: tuple[frozenset[str], frozenset[str]] | None = None,
                 sex_of: Callable[[str], str | None] | None = None) -> None:
        """``stand_ins``: a person the story names and the case does not record is told as
        a :func:`stand_in` of their role ("his mum", "his sister Chloe": a parent, a
        child), not as {NOBODY}, for a reader that asks only what kind of person words are
        said of (the story's themes).

        ``pronouns`` (the female and the male third-person pronouns) and ``sex_of`` (a
        family word's sex: "mum" female): a sentence that names no one and speaks of "she"
        or "he" is told of the person of that sex named last in the sentences before it
        ("Ryan lives with his mum Tanya. She has been low": Tanya's low mood)."""
        self._story = sentences_of(family.story) if pronouns is not None else []
        self._pronouns = pronouns
        self._sex_of = sex_of
        self.names = _mentions(family)
        recorded = {m.role for m in family.members}
        firsts = {m.name.split()[0].lower() for m in family.members if m.name.split()}
        unrecorded = {role: list(words) for role, words in family.role_words.items()
                      if words and role not in recorded}
        by_word = {w: role for role, words in unrecorded.items() for w in words}
        #: the sex of a name the story sets beside a family word ("his mum Tanya")
        self._name_sex: dict[str, str | None] = {}
        for name, word in story_names(family.story, by_word):
            # "his mum Tanya": the story's later "Tanya" is that mother too
            if name.lower() not in firsts:
                unrecorded[by_word[word]].append(name.lower())
                if sex_of is not None:
                    self._name_sex[name.lower()] = sex_of(word)
        nobody: frozenset[Member] = frozenset()
        self.names += [(_compile("|".join(words)),
                        frozenset({stand_in(role, family)}) if stand_ins else nobody)
                       for role, words in unrecorded.items()]
        self._sentence = ""
        self._found: list[tuple[int, frozenset[Member]]] = []

    def found_in(self, sentence: str) -> list[tuple[int, frozenset[Member]]]:
        """Where the (lower-case) ``sentence`` names people, and whom (read once for the
        sentence last asked about)."""
        if sentence != self._sentence:
            self._sentence = sentence
            self._found = [(m.start(), people) for pattern, people in self.names
                           for m in pattern.finditer(sentence)]
        return self._found

    def named(self, sentence: str, at: int) -> set[Member]:
        """The recorded people the (lower-case) ``sentence`` names after ``at``."""
        return {m for start, people in self.found_in(sentence) if start > at
                for m in people}

    def of(self, sentence: str, at: int) -> frozenset[Member]:
        """Whom the (lower-case) ``sentence`` says its words at ``at`` of: the people
        named nearest before them (else nearest after), {NOBODY} for a role word naming
        no one recorded, and no one (an empty set) where the sentence names nobody."""
        found = self.found_in(sentence)
        if not found:
            # the sentence names no one: "he pushed her", unless "she" is the woman named
            # last before it
            return self._carried(sentence, at)
        before = [f for f in found if f[0] < at]
        people = max(before, key=lambda f: f[0])[1] if before \
            else min(found, key=lambda f: f[0])[1]
        return people or frozenset({NOBODY})


    def _carried(self, sentence: str, at: int) -> frozenset[Member]:
        """Whom a "she" or "he" before ``at`` stands for, in a ``sentence`` naming no one:
        the person of that sex named last in the nearest sentence before it that names
        one (a recorded person by their recorded sex, anyone else by the family word or
        the name set beside one); no one when none is, or the pronoun is not known."""
        if self._pronouns is None or sentence not in self._story:
            return frozenset()
        female, male = self._pronouns
        words = _STORY_WORD.findall(sentence[:at])
        sex = next(("female" if w in female else "male" for w in words
                    if w in female or w in male), None)
        if sex is None:
            return frozenset()
        before = self._story[:self._story.index(sentence)]
        for earlier in reversed(before[-3:]):  # a pronoun reaches a few sentences back
            said = sorted(((m.start(), m.group(0), people) for pattern, people in self.names
                           for m in pattern.finditer(earlier)), key=lambda f: f[0])
            for _, word, people in reversed(said):
                told = self._name_sex.get(word) or (
                    self._sex_of(word) if self._sex_of is not None else None)
                if any(p.sex == sex for p in people) or told == sex:
                    return people or frozenset({NOBODY})
        return frozenset()


# Stands for a person the story names who is not recorded in the case.
NOBODY = Member(name="", role="", age=None, sex="", child=False)


def stand_in(role: str, family: Family) -> Member:
    """A person of ``role`` the story names and the case does not record: no name, age or
    sex, only whether they are a child."""
    return Member(name="", role=role, age=None, sex="", child=role in family.child_roles)
