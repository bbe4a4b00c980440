"""Tailored questions and rewrites: the holder's name, the service reached for, and
specific statements from the curated library in ``framework/library/``.

Why: telling a worker "this is a service" is only half the help. The coach asks what the
service would change for this person and shows specific wordings in the same area to
build on, so the worker can find the need behind the service.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from itertools import pairwise
from typing import Any, Literal

from pydantic import Field, field_validator, model_validator

from assistant.content import Content, ContentError, RoleVocabulary, Strict
from assistant.shorthand import Shorthand, load_shorthand
from assistant.wording.casefit import (
    NOBODY,
    Family,
    Member,
    family_of,
    load_case_facts,
    load_or_default,
)
from assistant.wording.context import HYPHENS, forms, is_parent
from assistant.wording.morphology import gerund, is_plural_noun, verb_lemma
from assistant.wording.pronouns import agree, fit, names_someone_else, target_gender
from assistant.wording.structure.readings import _rows
from assistant.wordlists import English, PronounWords, english

__all__ = ["Area", "Library", "Notes", "Statement", "fill", "gerund", "names_a_person",
           "term_of"]

_WORD = re.compile(r"[a-z0-9']+")
# A holder who is two or more people named together ("Mum and Dad", "Kerry & Dean").
_JOINT = re.compile(r"\s(?:and|&|\+)\s", re.IGNORECASE)
_PLACEHOLDER = re.compile(r"\{\w+\}")
#: A word in more than one library statement in this many is too common to rank by.
COMMON_SHARE = 10


class Statement(Strict):
    """A specific need statement; ``{name}`` stands for the person who holds it and, in a
    parent's statement, ``{child}`` for their child (never a real or example name, so a
    rewrite taken into a plan cannot carry another family's child).

    What it fits is data: ``holder`` (``child``, ``parent``, or a list of framework role
    ids), ``ages`` (the holder's age for a child's statement; for a parent's, the age of the
    child it is about), and ``presupposes`` (facts from ``framework/case-facts.yml`` the
    statement takes for granted, such as ``baby`` or ``father-died``). In a statement with
    ``{child}``, third-person pronouns are the child's; otherwise they are the holder's.
    """

    text: str = Field(min_length=10)
    holder: Literal["child", "parent"] | list[str] = "child"
    ages: tuple[int, int] | None = None
    presupposes: list[str] = []
    of_others: list[str] = []
    """Facts about one person (``about`` in case-facts.yml) that the statement takes for
    granted of someone other than the person it is about ("...never left alone with her
    partner while he is drinking": the partner drinks, not the holder)."""

    @field_validator("text")
    @classmethod
    def _placeholders(cls, text: str) -> str:
        unknown = set(re.findall(r"\{(\w*)\}", text)) - {"name", "child"}
        if unknown:
            raise ValueError(f"unknown placeholder(s) {', '.join(sorted(unknown))}: a "
                             "statement may use {name} and {child}")
        return text

    @field_validator("ages")
    @classmethod
    def _ages(cls, ages: tuple[int, int] | None) -> tuple[int, int] | None:
        if ages and not 0 <= ages[0] <= ages[1] <= 120:
            raise ValueError("ages run from low to high, 0 to 120")
        return ages


class Area(Strict):
    """One area of the library (e.g. bereavement and loss) with words that point to it.

    ``ages`` is the default age range of its statements. A ``fallback`` area is offered
    only when the coach has no case and the statement speaks to no other area.
    """

    area: str = Field(pattern=r"^[a-z0-9][a-z0-9-]*$")
    title: str
    keywords: list[str] = Field(min_length=1)
    ages: tuple[int, int] | None = None
    fallback: bool = False
    statements: list[Statement] = Field(min_length=5)


def term_of(span: Any, *, lists: English) -> str:
    """What the worker reached for, said so it reads after "What would ...":
    "counselling", "a family support worker", "being referred to CAMHS". The words left
    off and the verbs said as "-ing" words are framework/words/rewrites.yml."""
    words_of = lists.rewrites
    tokens = list(span)
    while tokens and tokens[0].lower_ in words_of.strip_leading:
        tokens = tokens[1:]
    while tokens and (tokens[-1].is_punct or tokens[-1].lower_ in ("and", "or")):
        tokens = tokens[:-1]
    if not tokens:
        return span.text
    said = service_term(tokens, lists=lists)
    if said:
        return said
    words = [t.text_with_ws for t in tokens]
    tagged = bool(tokens[0].tag_)
    # a listed verb is said as an "-ing" word where it is one: "access to a counsellor" is
    # a noun ("What would access to a counsellor change?"), not "accessing to"
    if tokens[0].lower_ in words_of.verbs and (not tagged or tokens[0].tag_.startswith("VB")):
        words[0] = gerund(tokens[0].lower_) + tokens[0].whitespace_
    return "".join(words).strip()


def service_term(words: list[Any], *, lists: English) -> str | None:
    """What a need worded as a service reached for, said so it reads after "What would
    ...": the service's verb as an "-ing" word ("attending", "going to", "being referred
    to") and what it names, with the words that say which one ("her GP", "a place at a
    youth club", "a referral to speech therapy"), up to where the sentence goes on to say
    what it is about, for or when ("about her low mood", "for his anxiety", "so she can
    mix"), a clause ("who can visit", "to help with") or a comma. ``words`` are the need's
    words from its verb or noun on; the rest of the sentence after them is read too (a
    rule may match "needs to be given a place" in "... a place at Brookside nursery").
    None where there is no parse (no tags to tell a verb).

    "needs to go to the GP about her depression" -> "going to the GP"; "to be referred to
    CAMHS for his anxiety" -> "being referred to CAMHS"; "to be given a nursery place" ->
    "a nursery place"; "needs her GP about her low mood" -> "her GP".

    Why: the words after the need verb, taken whole, made "what would the GP about her
    depression change for Kerry?". The words are cut where the sentence goes on rather
    than walked down the parse tree, which attaches such phrases in many ways.
    """
    if not words or not words[0].tag_:
        return None
    said, time = lists.rewrites, lists.time
    when = _when_words(time)
    first = words[0]
    # the words' own phrases: not another clause ("and Elin needs a Tarrow group")
    doc = first.doc
    below = _below(doc, {w.i for w in words}, first.i, first.sent.end)
    sentence = [doc[i] for i in below]
    kept: list[Any] = []
    # A verb coordinated with the first ("go to AA and do a parenting course") is the
    # same service's second half: said as an "-ing" word too ("going to AA and doing a
    # parenting course"), its "to" left out ("and to do" -> "and doing").
    ing: set[int] = set()
    skip: set[int] = set()
    for n, token in enumerate(sentence):
        after = sentence[n + 1] if n + 1 < len(sentence) else None
        if n in skip:
            continue
        if n and first.tag_ == "VB" and token.lower_ in ("and", "or") and after is not None:
            verb = after if after.tag_ == "VB" else (
                sentence[n + 2] if after.tag_ == "TO" and n + 2 < len(sentence)
                and sentence[n + 2].tag_ == "VB" else None)
            if verb is not None and verb.dep_ == "conj" and verb.head.i == first.i:
                kept.append(token)
                ing.add(verb.i)
                if verb is not after:
                    skip.add(n + 1)
                continue
        if n and ((token.is_punct and not _joins_word(token, sentence[n - 1], after))
                  or token.lower_ in said.topic_prepositions
                  or token.i != sentence[n - 1].i + 1
                  or token.dep_ in ("nsubj", "nsubjpass")
                  or (token.tag_ == "CC" and after is not None
                      and after.dep_ in ("nsubj", "nsubjpass"))
                  or (token.lower_ in time.rates and token.tag_ == "RB")  # "weekly"
                  or _starts_when(sentence, n, when)
                  or token.tag_ in ("WDT", "WP", "WP$", "WRB")
                  or (token.tag_ == "TO" and after is not None and after.tag_ == "VB")
                  or (token.lower_ in ("and", "or") and after is not None
                      and after.tag_ in ("TO", "VB", "MD"))):
            break
        kept.append(token)
    while len(kept) > 1 and kept[-1].tag_ in ("IN", "DT", "CC", "TO"):
        # a phrase of when cut at its determiner ("getting dressed in | the morning")
        # leaves its preposition behind: "in" says nothing without it
        kept.pop()
    if not kept:
        return None
    if first.tag_ == "VB" and first.lower_ in said.said_as_written and len(kept) > 1:
        return first.lower_ + first.whitespace_ + _text(kept[1:])  # "help getting dressed"
    if first.lower_ in ("be", "is", "are") and len(kept) > 1 and kept[1].tag_ == "VBN":
        # ("that Ruby is referred to ...", after a recommendation: the same passive)
        if verb_lemma(kept[1].lower_) in said.given_verbs and len(kept) > 2:
            return _text(kept[2:])  # "to be given a nursery place": the place
        return "being " + _text(kept[1:])
    if first.tag_ == "VB" and len(kept) > 1:
        return gerund(first.lower_) + " " + "".join(
            (gerund(t.lower_) + t.whitespace_) if t.i in ing else t.text_with_ws
            for t in kept[1:]).strip()
    if first.tag_.startswith("VB"):
        return None
    return _text(kept)


def _joins_word(token: Any, before: Any, after: Any) -> bool:
    """Whether a mark is inside a word: a hyphen with no space either side
    ("Home-Start", "non-molestation", "one-to-one"), which the tokenizer splits off."""
    return token.text in HYPHENS and not before.whitespace_ \
        and not token.whitespace_ and after is not None and after.i == token.i + 1


_when_held: tuple[Any, frozenset[str]] = (None, frozenset())


def _when_words(time: Any) -> frozenset[str]:
    """The words of time a phrase of when opens on (weekdays, months, units), made once
    for the word lists in use: a union of four lists costs more than the rest of a
    short term."""
    global _when_held
    held = _when_held
    if held[0] is not time:
        held = _when_held = (time, time.weekday_words | time.weekday_plurals |
                             time.full_months | time.unit_words)
    return held[1]


def _below(doc: Any, tops: set[int], start: int, end: int) -> list[int]:
    """The indices from ``start`` to ``end``, in order, of the tokens in the subtree of a
    token in ``tops`` (``{t.i for w in tops for t in w.subtree}``), read on the parse's
    head column: walking each subtree built a Token for every word of it, for every word.
    A token is below a top when it is one or one of its heads is."""
    rows = _rows(doc)  # HEAD (column 6): relative, unsigned
    known: dict[int, bool] = {}
    out: list[int] = []
    for i in range(start, end):
        path: list[int] = []
        j = i
        while True:
            if j in tops:
                found = True
                break
            seen = known.get(j)
            if seen is not None:
                found = seen
                break
            path.append(j)
            step = rows[j][6]
            if not step:  # the root of its sentence
                found = False
                break
            j += step - 2 ** 64 if step >= 2 ** 63 else step
        for j in path:
            known[j] = found
        if found:
            out.append(i)
    return out


def _starts_when(sentence: list[Any], n: int, when: frozenset[str]) -> bool:
    """True when ``sentence[n]`` opens a phrase of when ("every week", "on Tuesdays", "in
    September"): a preposition or determiner before a word of time that is no part of a
    name ("the day centre")."""
    if n + 1 >= len(sentence) or sentence[n].tag_ not in ("IN", "DT"):
        return False
    after = sentence[n + 1]
    beyond = sentence[n + 2] if n + 2 < len(sentence) else None
    return after.lower_ in when and not (beyond is not None and beyond.tag_.startswith("NN"))


def _text(tokens: list[Any]) -> str:
    return "".join(t.text_with_ws for t in tokens).strip()


#: Tags of the words that can say what a need is about: nouns, adjectives and verbs (an
#: auxiliary is left out by its dependency).
_TOPIC_TAGS = frozenset({"NN", "NNS", "NNP", "NNPS", "JJ", "JJR", "VB", "VBD", "VBG", "VBN",
                         "VBP", "VBZ"})
# How a clause hangs on the help it is for: "help *getting* there" (xcomp), "help *to get*
# there" (acl, relcl)
_HELPED_DEPS = frozenset({"xcomp", "acl", "relcl", "advcl"})
_NOT_TOPIC_DEPS = frozenset({"aux", "auxpass", "neg", "det", "poss", "expl", "mark", "prep",
                             "case"})


def topic_words(doc: Any, holder: str | None, *, lists: English, roles: RoleVocabulary,
                family: Family | None = None, at: int | None = None) -> tuple[str, ...]:
    """The words of a need that say what it is about, read from the parse: the phrase or
    clause a topic opener opens (framework/words/rewrites.yml ``topic_openers``: "support
    *with his friendships*", "counselling *about the bullying at school*", "help *because
    he is being bullied*"), less the holder's words and names (a role word stays: "because
    her dad left" is about her dad), a time ("for six weeks"), a helper or nothing in
    particular (``no_topic``: "to engage with services"), and the service verbs of ``verbs``
    ("help with *making* friends"). Empty when the need names no topic ("needs support",
    "needs to be safe", "needs support from his nan"). ``at``: where the faulty need starts
    (a character offset); only its own clause is read ("Marit needs counselling. She needs
    to know how to apply for a non-molestation order": the order is another need's).

    Why from the parse and not from keywords: a topic no library area knows ("support with
    his scooter") must still be read as a topic, so that the coach asks its questions
    rather than offering a rewrite about something else.
    """
    if not doc.has_annotation("DEP"):
        return ()  # a pipeline without a parser reads no topic: the story leads
    said = lists.rewrites
    openers, dull = said.topic_openers, said.no_topic
    when = _when_words(lists.time)
    own = set(_WORD.findall((holder or "").lower()))
    out: list[str] = []
    for token in _own_clause(doc, at):
        if token.lower_ in said.topic_helps:
            # "help getting to school", "support to attend her appointments": the clause
            # the help is for says what the need is about
            for top in token.children:
                if top.i > token.i and top.dep_ in _HELPED_DEPS and top.tag_.startswith("VB"):
                    _add_topic(top, out, said, dull, own, when, roles, family)
            continue
        if token.lower_ not in openers or token.i == 0 or (
                token.tag_ not in ("IN", "JJ", "RB") and token.dep_ not in ("prep", "mark")):
            continue  # "regarding" is tagged as a verb, a preposition by its dependency
        if token.dep_ == "mark":  # "because he is being bullied": the clause it opens
            tops = [token.head] if token.head.i > token.i else []
        else:  # "due to X": the object of the "to" after it
            tops = [c for c in token.children if c.dep_ in ("pobj", "pcomp")] or [
                g for c in token.children if c.lower_ == "to"
                for g in c.children if c.dep_ in ("pobj", "pcomp")]
        for top in tops:
            _add_topic(top, out, said, dull, own, when, roles, family)
    return tuple(out)


def _add_topic(top: Any, out: list[str], said: Any, dull: frozenset[str], own: set[str],
               when: frozenset[str], roles: RoleVocabulary, family: Family | None) -> None:
    """Add to ``out`` the words of ``top``'s phrase or clause that say what it is about."""
    for word in top.subtree:
        low = word.lower_
        if word.tag_ not in _TOPIC_TAGS or word.dep_ in _NOT_TOPIC_DEPS \
                or low in dull or low in own or low in when or low in out:
            continue
        if word.tag_.startswith("VB") and verb_lemma(low) in said.verbs | {"be"}:
            continue  # "help with *making* friends": the friends are the topic
        if _a_name(word, roles, family):
            continue  # "support for Tyler": whom, not what about
        out.append(low)


def _own_clause(doc: Any, at: int | None) -> Any:
    """The tokens of the clause that holds character ``at`` (all of ``doc`` without one):
    its sentence, less the clauses joined to it that have their own subject ("... and she
    needs a flat")."""
    if at is None:
        return doc
    span = doc.char_span(at, min(at + 1, len(doc.text)), alignment_mode="expand") \
        if 0 <= at < len(doc.text) else None
    if not span:
        return doc
    anchor = span[0]
    sent = anchor.sent
    others: set[int] = set()
    for token in sent:
        if token.dep_ in ("conj", "parataxis", "ccomp") and any(
                c.dep_ in ("nsubj", "nsubjpass") for c in token.children) \
                and anchor not in token.subtree:
            others.update(t.i for t in token.subtree)
    return [t for t in sent if t.i not in others]


def _role_word(text: str, roles: RoleVocabulary) -> bool:
    """True for a word naming a person by role ("dad", "Mum", "children")."""
    return roles.gender(text) is not None or roles.is_noun(text.lower()) \
        or roles.is_parent_word(text)


def _a_name(word: Any, roles: RoleVocabulary, family: Family | None) -> bool:
    """True for a person's name ("Tyler", one of the case), not a role word: "because her
    dad left" is about her dad leaving, and "dad" is a word the library's areas know."""
    text = word.text
    if _role_word(text, roles):
        return False
    if family is not None and family.member(text) is not None:
        return True
    return text[:1].isupper() and not text.isupper() and word.i != 0


@dataclass(frozen=True)
class Entry:
    """A statement ready to offer: its area, its words, and what it fits."""

    statement: Statement
    area: Area
    words: frozenset[str]
    holder: str | frozenset[str]  # "child", "parent", or the role ids it is for
    ages: tuple[int, int] | None
    needs: frozenset[str]
    about_child: bool


class Library:
    """The curated specific statements, by area, from ``framework/library/*.yml``, and the
    facts a case can show (``framework/case-facts.yml``), checked against each other on load."""

    def __init__(self, content: Content) -> None:
        self.english = english(content)  # the word lists (framework/words) in use
        self._content = content
        self._shorthand: Shorthand | None = None
        files = content.load_all(Area, "framework", "library")
        self.areas: list[Area] = [area for _, area in files]
        framework = content.framework
        self.facts = load_case_facts(content).with_roles(framework).with_words(
            self.english.context)
        self.role_ids = frozenset(r.id for r in framework.roles)
        try:
            self.facts.check_roles(set(self.role_ids))
        except ValueError as exc:
            raise ContentError(content.path("framework", "case-facts.yml"), str(exc)) from None
        self.child_roles = framework.child_roles
        self.unborn_roles = framework.unborn_roles
        self.roles = framework.vocabulary
        self.role_gender = {r.id: r.gender for r in framework.roles}
        self.entries: dict[str, list[Entry]] = {}
        for path, area in files:
            self.entries[area.area] = [self._entry(path, area, n, s)
                                       for n, s in enumerate(area.statements, 1)]
        self._keep_telling_words()
        # Single words are matched as a set (fast); phrases by substring.
        self._keywords = [
            (area, frozenset(k.lower() for k in area.keywords if _WORD.fullmatch(k.lower())),
             [" ".join(_WORD.findall(k.lower())) for k in area.keywords
              if not _WORD.fullmatch(k.lower())])
            for area in self.areas
        ]
        # Each single keyword with the areas (by number) it scores for, so a statement's
        # words are looked up once each rather than intersected with every area's set.
        self._keyword_areas: dict[str, list[int]] = {}
        for n, (_, singles, _) in enumerate(self._keywords):
            for word in singles:
                self._keyword_areas.setdefault(word, []).append(n)
        self._phrased = [n for n, (_, _, phrases) in enumerate(self._keywords) if phrases]
        self._area_order = {a.area: n for n, a in enumerate(self.areas)}
        self._families: dict[Any, Family] = {}
        self._last: tuple[Any, Family | None, list[tuple[Entry, str]]] | None = None
        self._filled: dict[tuple[Any, ...], str | None] = {}
        self._per_case: dict[tuple[int, str | None], tuple[Any, ...]] = {}
        self._fits: dict[tuple[Any, ...], tuple[Any, list[tuple[int, Entry, Member | None]]]] \
            = {}
        self._shown: tuple[Any, Family | None, set[str]] = (None, None, set())
        self._child_words: re.Pattern[str] | None = None
        self._mentions: dict[str, frozenset[str]] = {}
        self._last_gender: tuple[Any, ...] = (None, None, None, None, None)
        self._parser: Any = None
        self._parses: dict[str, Any] = {}
        self._topic: tuple[Any, ...] = (None, None, None, (), None)

    def _keep_telling_words(self) -> None:
        """Keep in each entry only the words that tell statements apart.

        Why: statements are ranked by the words they share with the worker's need and the
        story. Words most statements have ("needs", "to", "a", "his", "with") would let
        "Tyler needs a bed of his own" tie with "Tyler needs to have breakfast before
        school" for "Tyler needs a breakfast club place" (two words shared each), and the
        file order then chose the bed. A word in more than one statement in
        ``COMMON_SHARE`` of the library says nothing about which one fits, whatever the
        library holds, so no stop list has to be kept."""
        entries = [e for found in self.entries.values() for e in found]
        counts: dict[str, int] = {}
        for entry in entries:
            for word in entry.words:
                counts[word] = counts.get(word, 0) + 1
        common = {w for w, n in counts.items() if n * COMMON_SHARE > len(entries)}
        for area, found in self.entries.items():
            self.entries[area] = [replace(e, words=e.words - common) for e in found]

    def _entry(self, path: Any, area: Area, number: int, statement: Statement) -> Entry:
        """Check a statement against the facts and roles; a bad one stops the load."""
        where = f"statement {number} ({statement.text[:50]!r})"
        known = self.facts.by_id
        unknown = [f for f in statement.presupposes if f not in known]
        if unknown:
            raise ContentError(path, f"{where}: unknown fact(s) {', '.join(unknown)} "
                                     "(see framework/case-facts.yml)")
        text = statement.text.replace("{name}", "")
        kind = "child" if statement.holder == "child" else "parent"
        missing = sorted(self.facts.mentioned(text, kind)
                         - self.facts.covered(set(statement.presupposes)))
        if missing:
            says = "; ".join(f"{f} ({known[f].says})" for f in missing)
            raise ContentError(path, f"{where} takes for granted what it does not list under "
                                     f"presupposes: {says}")
        if isinstance(statement.holder, list):
            roles = set(statement.holder)
            if not roles <= self.role_ids:
                raise ContentError(path, f"{where}: unknown holder role(s) "
                                         f"{', '.join(sorted(roles - self.role_ids))}")
            holder: str | frozenset[str] = frozenset(roles)
        else:
            holder = statement.holder
        # the placeholders ("{name}", "{child}") are no words of the statement's own
        words = frozenset(_WORD.findall(_PLACEHOLDER.sub(" ", statement.text.lower())))
        return Entry(statement, area, words, holder,
                     statement.ages or area.ages, frozenset(statement.presupposes),
                     "{child}" in statement.text)

    def __len__(self) -> int:
        return sum(len(area.statements) for area in self.areas)

    def read_with(self, parser: Any) -> None:
        """Parse the worker's statements with ``parser`` (the coach's pipeline) to read the
        topic they name (:meth:`topic`). Without one, no topic is read and rewrites follow
        the statement's keywords and the story, as they did before topics were read."""
        self._parser = parser

    def topic(self, text: str, holder: str | None, family: Family | None = None,
              at: int | None = None) -> tuple[str, ...]:
        """The words that say what ``text`` (the faulty need at character ``at``) is
        about (:func:`topic_words`), kept for the statement just read."""
        if self._parser is None or not text.strip():
            return ()
        held = self._topic
        if held[0] == (text, at) and held[1] == holder and held[2] is family:
            return held[3]
        if held[0] is None or held[0][0] != text or held[4] is None:
            doc = self._parser(text)
        else:
            doc = held[4]  # another finding of the same statement: parsed once
        words = self.topic_in(doc, holder, family, at)
        self._topic = ((text, at), holder, family, words, doc)
        return words

    def topic_in(self, doc: Any, holder: str | None, family: Family | None = None,
                 at: int | None = None) -> tuple[str, ...]:
        """:meth:`topic` of a statement already parsed (the matcher's, as it finds)."""
        return topic_words(doc, holder, lists=self.english, roles=self.roles, family=family,
                           at=at)

    # --- reading a case -----------------------------------------------------------------

    def family(self, case: Any) -> Family | None:
        """The coach's reading of a case, kept while its story and people are unchanged."""
        if case is None:
            return None
        key = (case.story, tuple((p.name, p.role, p.age, p.date_of_birth, p.sex)
                                 for p in case.people),
               tuple(getattr(n, "wording", "") for n in getattr(case, "needs", None) or ()))
        family = self._families.get(key)
        if family is None:
            if len(self._families) > 64:
                self._families.clear()
            family = self._families[key] = family_of(case, self.facts, self.child_roles)
        return family

    # --- choosing -----------------------------------------------------------------------

    def _scores(self, text: str) -> dict[str, int]:
        return self._scores_of(_WORD.findall(text.lower()))

    def _scores_of(self, found: list[str]) -> dict[str, int]:
        """Each area's score (its keywords among the words ``found``), in area order."""
        counts: dict[int, int] = {}
        for word in set(found):
            for n in self._keyword_areas.get(word, ()):
                counts[n] = counts.get(n, 0) + 1
        if self._phrased:
            low = " " + " ".join(found) + " "
            for n in self._phrased:
                score = sum(1 for k in self._keywords[n][2] if f" {k} " in low)
                if score:
                    counts[n] = counts.get(n, 0) + score
        keywords = self._keywords
        return {keywords[n][0].area: counts[n] for n in sorted(counts)}

    def area_for(self, text: str) -> Area | None:
        """The area whose keywords the statement uses most (first listed wins a tie)."""
        scores = self._scores(text)
        best = max(scores.values(), default=0)
        return next((a for a in self.areas if best and scores.get(a.area) == best), None)

    def _fits_age(self, ages: tuple[int, int] | None, age: int | None,
                  span: tuple[int, int] | None = None) -> bool:
        """Whether a statement for ``ages`` fits a holder of ``age``; where none is
        recorded, the ``span`` a word for them says (:meth:`ages_said`), else the span
        every statement for an unknown age must cover."""
        if ages is None:
            return True
        if age is None:
            low, high = span or self.facts.ages_when_unknown
            return ages[0] <= low and high <= ages[1]
        return ages[0] <= age <= ages[1]

    def ages_said(self, holder: str | None) -> tuple[int, int] | None:
        """The ages a word naming the holder says ("the baby": 0 to 1), from
        framework/case-facts.yml's ``ages_by_word``; None when no word says one."""
        if not holder or not self.facts.ages_by_word:
            return None
        spans = [self.facts.ages_by_word[w] for w in _WORD.findall(holder.lower())
                 if w in self.facts.ages_by_word]
        return spans[-1] if spans else None

    def _fits_holder(self, entry: Entry, kind: str) -> bool:
        """``kind``: the holder's role id, or "parent" or "child" when only that is known."""
        groups = self.facts.holders
        if kind in ("parent", "child"):
            # A statement for some roles only ("...with the children's father": a mother,
            # a stepparent) needs the holder's role, not just their kind.
            return entry.holder == kind
        wanted = entry.holder if isinstance(entry.holder, frozenset) \
            else frozenset(groups[entry.holder])
        return kind in wanted

    def _holder_kind(self, holder: str | None, member: Member | None, text: str) -> str:
        """Who the holder is, as well as the coach can tell: their role in the case, the
        role a word names ("Dad" with no father recorded), else "parent" or "child" from
        the holder's words or, for a name the coach cannot place, the statement's own
        ("Lisa needs a parenting course": a parent)."""
        if member is not None:
            return member.role
        role = self._role_named(holder)
        if role is not None:
            return role
        if is_parent(holder, self.roles) or self._speaks_as_parent(text):
            return "parent"
        return "child"

    def _speaks_as_parent(self, text: str) -> bool:
        lists = self.english.rewrites
        words = _WORD.findall(text.lower())
        if set(words) & lists.parent_words:
            return True
        return any(a in ("her", "his", "their") and b in lists.own_children
                   for a, b in pairwise(words))

    def _holder_is_parent(self, holder: str | None, member: Member | None,
                          text: str = "") -> bool:
        kind = self._holder_kind(holder, member, text)
        return kind == "parent" or kind in self.facts.holders["parent"]

    def _for_a_parent(self, rewrite: str) -> bool:
        """True when a rule's example need speaks of the holder's child ("her son", "the
        baby", "the children"): a parent's statement. A rule's examples carry no data of
        whom they fit, so a parent is offered only these, and a child never these."""
        if self._child_words is None:
            words = sorted((w for w, role in self.roles.family_words.items()
                            if role in self.child_roles and " " not in w), key=len,
                           reverse=True)
            self._child_words = re.compile(
                rf"\b(?:her|his|their|the)\s+(?:{'|'.join(map(re.escape, words))})s?\b",
                re.IGNORECASE)
        return bool(self._child_words.search(rewrite))

    def _stranger_role(self, holder: str | None, family: Family) -> bool:
        """Whether the holder names, by role, someone the case does not have: "Dad" where
        no father is recorded (a possessive, "Jordan's dad", is judged by the role after
        it). A pronoun or a name names no role."""
        if not holder or _plural_holder(holder, self.english):
            return False
        role = self._role_named(holder)
        return role is not None and not any(m.role == role for m in family.members)

    def _several(self, holder: str | None) -> bool:
        """Whether a need's holder is a couple or a household ("Mum and Dad", "Kerry and
        Dean", "the family": rewrites.yml ``household_holders``): every statement is
        written for one person (its facts, age and care at home judged for one), so none
        fits them, and the questions are asked instead."""
        if not holder:
            return False
        return bool(_JOINT.search(holder)) or bool(
            set(_WORD.findall(holder.lower())) & self.english.rewrites.household_holders)

    def _asked_only(self, need_scores: dict[str, int], kind: str) -> bool:
        """Whether a need whose own words speak to the library areas ``need_scores``,
        none holding a statement that fits its holder (of role ``kind``), gets the
        questions only, not a statement for any family nor a rule's example: a child's
        need ("Oscar needs speech and language therapy", his age unknown and the area's
        statements for the under-sevens), which those would answer with talk of worries,
        a rewrite about something else and worse than none. A parent's still gets what any
        parent can do with their child."""
        return bool(need_scores) and kind != "parent" \
            and kind not in self.facts.holders["parent"]

    def need_scores(self, text: str, holder: str | None) -> dict[str, int]:
        """The library areas a need's own words speak to (shorthand spelled out; the
        holder's words left out: "Mum needs..." says nothing of the area)."""
        own = set(_WORD.findall((holder or "").lower()))
        return self._scores_of([w for w in _WORD.findall(self.spelled(text).lower())
                                if w not in own])

    def _role_named(self, holder: str | None) -> str | None:
        """The framework role a holder's last role word names ("Jordan's dad": father)."""
        words = re.findall(r"[a-z][a-z-]*", (holder or "").lower().replace("'s", ""))
        for word in reversed(words):
            role = self.roles.family_words.get(word)
            if role is not None:
                return role
        return None

    def pick(self, text: str, holder: str | None, limit: int = 3,
             family: Family | None = None, at: int | None = None,
             topic: tuple[str, ...] | None = None) -> list[str]:
        """Up to ``limit`` specific statements that fit the holder and the case (``at``:
        where in ``text`` the faulty need starts; ``topic``: its topic, when read already;
        :meth:`topic`)."""
        return [filled for _, filled in self.choose(text, holder, limit, family, at, topic)]

    def choose(self, text: str, holder: str | None, limit: int = 3,
               family: Family | None = None, at: int | None = None,
               topic: tuple[str, ...] | None = None) -> list[tuple[Entry, str]]:
        """See :meth:`_choose`; kept for the statement just read, since one statement
        (a long paste) can hold many findings that would choose alike (those naming the
        same topic)."""
        if topic is None:
            topic = self.topic(text, holder, family, at)
        key = (text, holder, limit, topic)
        last = self._last
        # The family is held and compared by identity, not by ``id()``: a family freed
        # (``family`` keeps 64) leaves its id to the next one, which would read as the same.
        if last is None or last[0] != key or last[1] is not family:
            last = self._last = (key, family, self._choose(text, holder, limit, family,
                                                             topic))
        return list(last[2])

    def _choose(self, text: str, holder: str | None, limit: int = 3,
                family: Family | None = None, topic: tuple[str, ...] = ()
                ) -> list[tuple[Entry, str]]:
        """The statements :meth:`pick` offers, each with the library entry it came from.

        A statement is offered only when it is written for the holder's role and age, and
        every fact it takes for granted is shown by the case (its people and story) or by
        the worker's statement; without a case, only ``ordinary`` facts are assumed. Areas
        come from the statement's words first, then from the story's.
        """
        if self._several(holder):
            return []
        member, story_scores, story_words = self._case_reading(family, holder)
        if family is not None and member is None and self._stranger_role(holder, family):
            # "Dad needs AA" in a case with no father: what the case shows is about its own
            # people, and a statement would take it for granted of someone it never
            # mentions ("... if he becomes unwell again"). The questions are asked instead.
            return []
        shown = set(family.facts) if family else set(self.facts.ordinary)
        # Shorthand is read for what it stands for: "needs SLT" speaks to speech and
        # language, and shows what "speech and language therapy" shows.
        spelled = self.spelled(text)
        # What the spelled-out words show too, each fact about one person only where
        # said of them: "CAMHS" is "child and adolescent mental health services", a
        # child's service, which says nothing of a parent's mental health.
        stated = frozenset(self._shown_by(spelled, holder, member, family))
        shown = self.facts.settle(shown | stated)
        found = _WORD.findall(spelled.lower())
        need_scores = self.need_scores(text, holder)
        order = self._area_order
        if topic:
            # The need names what it is about ("support with his friendships"): its
            # rewrites come from that topic's areas, the story ranking among them; an area
            # only the story speaks to would answer another need. A topic no area knows
            # gets the questions only: a rewrite about something else is worse than none.
            # Who it is about ("his mum") counts only where what it says of them ("drinks")
            # speaks to no area: "because his mum drinks" is about drinking, "because her
            # dad left" about her dad.
            what = [w for w in topic if not _role_word(w, self.roles)]
            topic_scores = self._scores(self.spelled(" ".join(what))) if what else {}
            topic_scores = topic_scores or self._scores(self.spelled(" ".join(topic)))
            if not topic_scores:
                return []
            areas = sorted(topic_scores, key=lambda a: (
                -topic_scores[a], -need_scores.get(a, 0), -story_scores.get(a, 0), order[a]))
            need_scores = topic_scores
        else:
            areas = sorted(set(need_scores) | set(story_scores), key=lambda a: (
                -need_scores.get(a, 0), -story_scores.get(a, 0), order[a]))
        words = set(found)
        candidates: list[tuple[tuple[int, ...], Entry, Member | None]] = []
        kind = self._holder_kind(holder, member, text)
        shown_key = frozenset(shown)
        fitting = [(rank, area, self._fitting(area, shown_key, member, holder,
                                               family, stated, kind))
                   for rank, area in enumerate(areas)]
        if family is None and not topic and not any(found for _, _, found in fitting) \
                and not self._asked_only(need_scores, kind):
            # Without a case, statements that fit any family, when the statement speaks to
            # no area ("Lisa needs support"), or the areas it speaks to hold nothing for
            # this parent (a father, say): what any parent can do with their child.
            fitting = [(rank, a.area, self._fitting(a.area, shown_key, member, holder,
                                                     family, stated, kind))
                       for rank, a in enumerate(a for a in self.areas if a.fallback)]
        for rank, area, found in fitting:
            for n, entry, child in found:
                # Areas the statement speaks to come first, whole, and so does a statement
                # sharing a telling word with it ("breakfast"); the story's areas then take
                # turns, so the worker sees the range the story opens.
                turn = 0 if need_scores.get(area) or words & entry.words else 1
                key: tuple[int, ...] = (turn, rank if turn == 0 else 0, -len(words & entry.words),
                       -len(story_words & entry.words), rank, n)
                candidates.append((key, entry, child))
        candidates.sort(key=lambda c: c[0])
        seen_areas: dict[str, int] = {}
        for index, (key, entry, child) in enumerate(candidates):
            if key[0] == 1:  # round robin among the story's areas
                taken = seen_areas[entry.area.area] = seen_areas.get(entry.area.area, -1) + 1
                candidates[index] = ((1, taken, key[4], *key[2:4], key[5]), entry, child)
        candidates.sort(key=lambda c: c[0])
        out: list[tuple[Entry, str]] = []
        for _, entry, child in candidates:
            filled = self._fill_once(entry, text, holder, member, child)
            if filled is None or any(filled == f for _, f in out) \
                    or (family is not None and family.holds(filled)):
                continue
            out.append((entry, filled))
            if len(out) == limit:
                break
        return out

    def _case_reading(self, family: Family | None, holder: str | None
                      ) -> tuple[Member | None, dict[str, int], set[str]]:
        """The holder's member of the case, and the story's area scores and words: the
        same for every statement about one case, so read once per case and holder."""
        if family is None:
            return None, {}, set()
        key = (id(family), holder)
        kept = self._per_case.get(key)
        if kept is None or kept[0] is not family:  # the family held: its id stays its own
            if len(self._per_case) > 1_000:
                self._per_case.clear()
            kept = self._per_case[key] = (
                family, family.member(holder), self._scores(self.spelled(family.story)),
                set(_WORD.findall(family.story.lower())))
        return kept[1], kept[2], kept[3]

    def _fitting(self, area: str, shown: frozenset[str], member: Member | None,
                 holder: str | None, family: Family | None,
                 stated: frozenset[str] = frozenset(), kind: str = "child"
                 ) -> list[tuple[int, Entry, Member | None]]:
        """The area's entries (number, entry, the child a parent's statement is about)
        that take for granted only what is ``shown`` and fit the holder, the holder's age
        and the case's children, and whose facts about one person are that person's
        (``stated``: facts the worker's own statement shows, so the holder's). Kept:
        statements about one case and holder ask the same."""
        whose = family.possessor(holder) if family is not None else None
        said = self.ages_said(holder) if member is None or member.age is None else None
        key = (area, shown, member, kind, id(family), stated, whose, said)
        kept = self._fits.get(key)
        if kept is not None and kept[0] is family:
            return kept[1]
        out: list[tuple[int, Entry, Member | None]] = []
        for n, entry in enumerate(self.entries[area]):
            if not (entry.needs <= shown and self._fits_holder(entry, kind)):
                continue
            if family is not None and self._names_the_wrong_sex(entry, family):
                continue
            if family is not None and member is not None and self._lives_apart(
                    entry, member, family):
                continue
            if family is not None and member is not None and (
                    self._names_the_holder(entry, member, family)
                    or not self._owned(entry, member, family, stated, "adult"
                                       if not member.child else "child")
                    or not self._others_own(entry, member, family, stated)):
                continue
            if family is not None and member is None and not self._others_own(
                    entry, self._unplaced(kind), family, stated):
                # a holder the case does not record ("They need help"): a fact about one
                # person is still the story's person's ("their dad goes into hospital"
                # where the story says Mum is unwell is no fact of this family)
                continue
            child: Member | None = None
            if entry.about_child and family is not None:
                child = self._child_for(entry, family, member, stated, whose)
                if child is None:
                    continue
            elif entry.holder == "child" or (member is not None and member.child):
                if not self._fits_age(entry.ages, member.age if member else None, said):
                    continue
                if member is not None and family is not None and self._too_young(
                        entry, member, family):
                    continue
            elif not self._fits_children(entry, family):
                continue
            out.append((n, entry, child))
        if len(self._fits) > 10_000:
            self._fits.clear()
        self._fits[key] = (family, out)  # the family held: its id stays its own
        return out

    def suggest(self, text: str, holder: str | None, rewrites: list[str],
                family: Family | None, need: bool, at: int | None = None,
                topic: tuple[str, ...] | None = None) -> list[str]:
        """The rewrites to offer for one finding.

        A need the worker can rebuild gets statements from the library that fit the holder
        and the case. A rule's own example rewrites stand in only without a case (with one,
        where nothing fits, the coach asks its questions and offers no rewrite), and only
        when they take nothing for granted that the statement (or the case) does not show.
        Their pronouns follow the holder.
        """
        if need and self._several(holder):
            return []  # no statement, the library's or a rule's, is written for them
        if need:
            if topic is None:
                topic = self.topic(text, holder, family, at)
            picked = self.pick(text, holder, family=family, topic=topic)
            if picked or family is not None or topic or self._asked_only(
                    self.need_scores(text, holder),
                    self._holder_kind(holder, None, text)):
                # a need that names a topic nothing fits is asked about, not given a
                # rule's example about something else
                return picked
        # With a case, only what the case shows; without one, what most families have.
        shown = set(family.facts) if family else set(self.facts.ordinary)
        member = family.member(holder) if family else None
        shown = self.facts.settle(shown | self._shown_by(text, holder, member, family))
        gender = self._gender(text, holder, member, pronouns=self.english.pronouns)
        out = []
        for rewrite in rewrites:
            mentioned = self._mentioned(rewrite)
            if not mentioned <= shown:
                continue
            if member is not None and family is not None and not self._rewrite_fits(
                    rewrite, holder, member, family, mentioned):
                continue
            if need and self._for_a_parent(rewrite) != self._holder_is_parent(holder, member,
                                                                              text):
                continue
            if family is not None and self._names_a_stranger(rewrite, family):
                continue
            if family is not None and family.holds(rewrite):
                continue  # the case has it already
            out.append(rewrite if names_someone_else(rewrite, holder, self.roles,
                                                     self.english.pronouns)
                       else self._fit(rewrite, gender))
        return out

    def _rewrite_fits(self, rewrite: str, holder: str | None, member: Member,
                      family: Family, mentioned: frozenset[str]) -> bool:
        """A rule's example rewrite, which carries no data of whom it fits, read for the
        holder: what it says of the holder alone (it names no one else) must fit their age
        ("at school" is not a father's outcome, nor a two-year-old's: the age range of each
        fact it mentions), and it must not speak of the holder's own role as another person
        ("as reported by Mum" in Mum's outcome)."""
        for fact in mentioned:
            rule = self.facts.by_id[fact]
            if member.role in rule.roles and not any(
                    m is not member and m.role in rule.roles for m in family.members):
                return False
        if holder and holder in rewrite and not names_someone_else(
                rewrite, holder, self.roles, self.english.pronouns):
            for fact in mentioned:
                ages = self.facts.by_id[fact].ages
                if ages and not (member.child and (member.age is None
                                                   or ages[0] <= member.age <= ages[1])):
                    return False
        return True

    def _names_a_stranger(self, rewrite: str, family: Family) -> bool:
        """True when a rule's example names someone the case does not hold ("...run the
        bath with Josh"): with a case, an example about another family's child is not
        offered. A word after the start of a sentence or a quotation mark may be any word."""
        known = {m.name.split()[0].lower() for m in family.members if m.name.split()}
        skip = self.english.pronouns.not_people
        for found in re.finditer(r"(?<=[a-z,;] )[A-Z][a-z]+(?:'s)?\b", rewrite):
            word = found.group().removesuffix("'s")
            if word.lower() in known or word.lower() in skip or self.roles.gender(word) \
                    or self.roles.is_noun(word.lower()) or self.roles.is_parent_word(word):
                continue
            return True
        return False

    def _mentioned(self, rewrite: str) -> frozenset[str]:
        """The facts a rule's rewrite takes for granted, kept: rules offer the same few
        rewrites to most statements."""
        found = self._mentions.get(rewrite)
        if found is None:
            if len(self._mentions) > 10_000:
                self._mentions.clear()
            found = self._mentions[rewrite] = frozenset(self.facts.mentioned(rewrite))
        return found

    def spelled(self, text: str) -> str:
        """``text`` with the shorthand of ``framework/shorthand.yml`` spelled out after it
        ("SLT (speech and language therapy)"), for reading what a statement or a story is
        about, as the Need Groups read it (:meth:`assistant.shorthand.Shorthand.spelled`)."""
        if self._shorthand is None:
            self._shorthand = load_shorthand(self._content)
        return self._shorthand.spelled(text)

    def _shown_by(self, text: str, holder: str | None, member: Member | None,
                  family: Family | None) -> set[str]:
        """The facts the statement's own words show, a fact about one kind of person only
        where said of that kind (:meth:`_said_of`); kept for the statement just read."""
        key = (text, holder, member)
        if self._shown[0] != key or self._shown[1] is not family or not text:
            kind = "adult" if self._holder_is_parent(holder, member, text) else "child"
            found = self.facts.shown_by_statement(
                text, lambda sentence, at: self._said_of(text, sentence, at, holder, kind,
                                                         family))
            self._shown = (key, family, found)
        return set(self._shown[2])

    def _said_of(self, text: str, sentence: str, at: int, holder: str | None, kind: str,
                 family: Family | None) -> str | None:
        """Of whom ("child" or "adult") the (lower-case) ``sentence`` of the statement
        ``text`` says its words at ``at``: the person named nearest before them (a family
        word, "his mum", "Jordan's"; a person of the case by name; the holder), else the
        holder (``kind``); None where that is a name the coach cannot place ("Mum needs
        help because Kai is anxious", no case: Kai may be a child).

        Why: in a need the holder is the subject, and the words that name another person
        say whose the words after them are: "Jordan needs help with his low mood" is the
        child's, "...because his mum has low mood" and "Mum needs help with her low mood"
        the mother's."""
        own = set(_WORD.findall((holder or "").lower()))
        start = text.replace("\u2019", "'").replace("\u2018", "'").lower().find(sentence)
        written = text[start:start + len(sentence)] if start >= 0 else sentence
        skip = self.english.pronouns.not_people
        found = list(re.finditer(r"[A-Za-z][A-Za-z-]*(?:'s?)?", written[:at]))
        for n, match in reversed(list(enumerate(found))):
            word = match.group().lower().removesuffix("'s").removesuffix("'")
            role = self.roles.family_words.get(word)
            if role is not None:
                return "child" if role in self.child_roles else "adult"
            if family is not None:
                person = next((m for m in family.members
                               if m.name.split() and m.name.split()[0].lower() == word), None)
                if person is not None:
                    return "child" if person.child else "adult"
            if word in own:
                return kind
            if n and match.group()[0].isupper() and word not in skip \
                    and not match.group().isupper():
                return None  # a name the coach cannot place
        return kind

    def _child_for(self, entry: Entry, family: Family, holder: Member | None,
                   stated: frozenset[str] = frozenset(), whose: Member | None = None
                   ) -> Member | None:
        """The child a parent's statement is about: the first recorded child it fits, of
        the age it is written for, and of whom the story says what it takes for granted
        about a child ("{child}'s cuts": the child who self-harms, not her brother). A
        holder written as "Uma's gran" is about Uma: only Uma, when Uma is a child."""
        children = [whose] if whose is not None and whose.child else family.children
        for child in children:
            if child is holder or child.role in self.unborn_roles:
                continue
            if self._fits_age(entry.ages, child.age) \
                    and self._owned(entry, child, family, frozenset(), "child") \
                    and not self._too_young(entry, child, family):
                return child
        return None

    def _too_young(self, entry: Entry, child: Member, family: Family) -> bool:
        """True when ``entry`` takes for granted a fact ``child`` is too young for while
        the case shows where such a child is instead (``FactRule.younger``: a four-year-old
        the story shows at nursery is not at school, whatever school the story names)."""
        if child.age is None:
            return False
        for fact in entry.needs:
            rule = self.facts.by_id[fact]
            if rule.younger and rule.ages and child.age < rule.ages[0] \
                    and family.facts & set(rule.younger):
                return True
        return False

    def _owned(self, entry: Entry, person: Member, family: Family, stated: frozenset[str],
               about: str) -> bool:
        """True unless ``entry`` takes for granted a fact about a ``about`` person ("child"
        or "adult", case-facts.yml) that the story says of someone other than ``person``.
        A parent's statement's facts about a child are its ``{child}``'s (checked when
        the child is chosen); a child's statement's facts about an adult are a parent's."""
        for fact in entry.needs:
            rule = self.facts.by_id[fact]
            if rule.about != about or fact in stated or fact in entry.statement.of_others:
                continue
            if about == "child" and not person.child and entry.about_child:
                continue
            if not family.owns(fact, person):
                return False
        return True

    def _others_own(self, entry: Entry, member: Member, family: Family,
                    stated: frozenset[str]) -> bool:
        """True unless ``entry`` takes a fact about one person for granted of someone the
        story does not say it of, where that someone is not the holder: a child's statement
        about "her mum's drinking" when the story says the mum's partner drinks (the fact
        must be the mother's: the adults of the roles the statement takes for granted), or
        a parent's statement about a child's self-harm with no ``{child}`` ("remove the
        razors and tablets") when the story tells it of no child in the case (an overdose
        that killed the children's mother)."""
        for fact in entry.needs:
            rule = self.facts.by_id[fact]
            if rule.about is None or fact in entry.statement.of_others:
                continue
            if fact in stated and not (rule.about == "adult" and member.child
                                       and self._of_another_parent(entry, stated)):
                continue
            owners = family.owners.get(fact)
            if not owners:
                continue
            if rule.about == "adult" and member.child:
                roles = {r for f in entry.needs for r in self.facts.by_id[f].roles}
                named = [m for m in family.members if m.role in roles and not m.child]
                if named and not any(m in owners for m in named):
                    return False
                if roles and not named and NOBODY not in owners \
                        and not any(m.role in roles for m in owners):
                    # Of a parent the case does not record ("his dad goes into hospital")
                    # while the story tells it of a recorded adult of another role (his
                    # mum): the statement would give the illness to the wrong parent.
                    return False
            elif rule.about == "child" and not member.child and not entry.about_child \
                    and not any(c in owners for c in family.children):
                return False
        return True

    def _unplaced(self, kind: str) -> Member:
        """A stand-in for a holder the case does not record, of ``kind`` (a role id, or
        "child" or "parent"): whether they are a child is all the owner checks read."""
        child = kind == "child" or kind in self.facts.holders.get("child", ())
        return Member(name="", role=kind, age=None, sex="", child=child)

    def _names_the_wrong_sex(self, entry: Entry, family: Family) -> bool:
        """True when the statement names a relative by a word with a sex ("agreed with
        Gran") and everyone the case records in that role has the other sex recorded (its
        grandparent is Grandad Tomos): the statement would bring in a person the case does
        not have. A role the case does not record is left to the facts the statement
        presupposes."""
        roles = self.roles
        for word in entry.words | set(_WORD.findall(entry.statement.text.lower())):
            role, sex = roles.family_words.get(word), roles.gender(word)
            if role is None or sex is None:
                continue
            same = [m for m in family.members if m.role == role]
            if same and all(m.sex in ("female", "male") and m.sex != sex for m in same):
                return True
        return False

    def _lives_apart(self, entry: Entry, member: Member, family: Family) -> bool:
        """True when the statement takes for granted that the holder looks after the child
        at home (getting them up for school, bedtime, meals) and the case shows that a
        person of the holder's role lives apart from the child ("Dad lives in Leeds", "sees
        his dad every other weekend"): day-to-day care is not the parent's who is not there."""
        for fact in entry.needs:
            apart = self.facts.by_id[fact].apart
            if apart and member in family.apart:
                # the story says this person lives elsewhere, or they are of a role not
                # taken to live with the child and no sentence says the child lives
                # with them (a grandparent "10 mins away")
                return True
            away = apart.get(member.role)
            if away is not None and away in family.facts:
                return True
        return False

    def _of_another_parent(self, entry: Entry, stated: frozenset[str]) -> bool:
        """True when a child's statement takes an adult's condition for granted of a parent
        ("his dad goes into hospital") whom the worker's words do not name: "Jarrah needs
        support with his low mood" shows low mood, but it is Jarrah's, not his dad's."""
        people = {f for f in entry.needs if self.facts.by_id[f].roles}
        return bool(people) and not people & stated

    def _names_the_holder(self, entry: Entry, member: Member, family: Family) -> bool:
        """True when the statement speaks of someone in the holder's own role ("a plan
        agreed with Gran") and the holder is the only one of that role in the case: offered
        to the grandmother it would speak of her as someone else."""
        for fact in entry.needs:
            rule = self.facts.by_id[fact]
            if rule.apart:
                continue  # the holder's own care at home: its roles are who may give it
            roles = rule.roles
            if member.role in roles and not any(m is not member and m.role in roles
                                                for m in family.members):
                return True
        return False

    def _fits_children(self, entry: Entry, family: Family | None) -> bool:
        """A parent's statement with an age range needs a child of that age in the case."""
        if entry.ages is None:
            return True
        if family is None:
            return self._fits_age(entry.ages, None)
        return any(self._fits_age(entry.ages, c.age) and not self._too_young(entry, c, family)
                   for c in family.children if c.role not in self.unborn_roles)

    def _fill_once(self, entry: Entry, text: str, holder: str | None, member: Member | None,
                   child: Member | None) -> str | None:
        """:meth:`_fill`, kept: the statement's words matter to it only through the
        pronouns it shows (``_gender``), and the same few entries are filled for most
        statements."""
        gender = None if entry.about_child else self._gender(text, holder, member,
                                                                   pronouns=self.english.pronouns)
        key = (id(entry), holder, member, child, gender)
        if key not in self._filled:
            if len(self._filled) > 20_000:
                self._filled.clear()
            self._filled[key] = self._fill(entry, text, holder, member, child)
        return self._filled[key]

    def _fill(self, entry: Entry, text: str, holder: str | None, member: Member | None,
              child: Member | None) -> str | None:
        template = entry.statement.text
        if child is not None:
            template = template.replace("{child}", child.name)
        pronouns = self.english.pronouns
        filled = fill(template, holder, self.roles, lists=self.english)
        # A holder written with a pronoun ("She needs ...", "Her mum needs ...") opens
        # the statement: the pronouns fitted are those after it, or its pronoun would be
        # taken for the first of the statement's own ("She needs someone he trusts ..."
        # was left as it was; "Her mum" became "Their mum").
        lead = holder if holder and filled.startswith(holder) and any(
            word in pronouns.female | pronouns.male
            for word in holder.lower().split()) else ""  # "She", "Her mum", "His nan"
        if entry.about_child:
            # The pronouns in a statement about the parent's child are the child's.
            gender = child.gender if child is not None else None
            filled = lead + self._fit(filled[len(lead):], gender)
        elif not names_someone_else(filled, holder, self.roles, pronouns):
            # Pronouns in a statement naming someone else may be that person's: left as written.
            filled = lead + self._fit(filled[len(lead):],
                                      self._gender(text, holder, member, pronouns=pronouns))
        if holder and filled.count(holder) > 1:
            return None  # "Dad needs to agree with Dad...": written for someone else
        return filled

    def _fit(self, text: str, gender: str | None) -> str:
        """:func:`fit` with ``text`` parsed by the coach's pipeline where a "her" or a
        "his" is to change: the parse tells "her" the possessive ("her mum") from "her" the
        person ("make her anxious"). Parses are kept: the library's statements are few."""
        lists = self.english.pronouns
        low = f" {text.lower()} "
        doc = None
        if self._parser is not None and ((gender != "f" and re.search(r"\bher\b", low))
                                         or (gender != "m" and re.search(r"\bhis\b", low))):
            doc = self._parses.get(text)
            if doc is None:
                if len(self._parses) > 5_000:
                    self._parses.clear()
                doc = self._parses[text] = self._parser(text)
        return fit(text, gender, lists=lists, doc=doc)

    def holder_gender(self, text: str, holder: str | None, family: Family | None
                      ) -> str | None:
        """The holder's pronouns ('f', 'm', None for "they"): their recorded sex in the
        case, else the worker's pronouns or the role word that names them."""
        member = family.member(holder) if family is not None else None
        if member is None and holder:
            for word in re.findall(r"[A-Za-z]+(?:-[A-Za-z]+)?", holder):
                role = self.roles.gender(word)
                if role is not None:  # "Mum needs to understand his ...": Mum is "she"
                    return "f" if role == "female" else "m"
        return self._gender(text, holder, member, pronouns=self.english.pronouns)

    def _gender(self, text: str, holder: str | None, member: Member | None,
                *, pronouns: PronounWords) -> str | None:
        """The holder's pronouns: their recorded sex, else the worker's words or role;
        kept for the statement just read (each library entry tried asks again)."""
        last = self._last_gender
        if last[0] is member and last[1] is pronouns and last[2] == holder and last[3] == text:
            return last[4]
        gender = self._gender_of(text, holder, member, pronouns=pronouns)
        self._last_gender = (member, pronouns, holder, text, gender)
        return gender

    def _gender_of(self, text: str, holder: str | None, member: Member | None,
                   *, pronouns: PronounWords) -> str | None:
        if member is not None:
            if member.sex in ("female", "male"):
                return member.gender
            if member.sex == "other":
                return None
            role = self.role_gender.get(member.role)
            return target_gender(text, holder, self.roles, lists=pronouns) or (role and role[0])
        return target_gender(text, holder, self.roles, lists=pronouns)


_PRONOUNS = {"f": ("she", "her", "her"), "m": ("he", "him", "his"),
             None: ("they", "them", "their")}


def fill(template: str, holder: str | None, roles: RoleVocabulary, term: str = "",
         match: str = "", expansion: str = "", *, lists: English,
         gender: str | None = None) -> str:
    """Fill ``{holder}`` (object: "help her"), ``{subject}`` ("she"), ``{possessive}``
    ("her", "Kayla's"), ``{Holder}`` and ``{name}`` (sentence start: "She"), ``{term}``,
    ``{match}``, ``{expansion}``, and the holder's pronouns ``{they}``, ``{them}``,
    ``{their}`` for ``gender`` ('f', 'm'; "they" when None: a question about Jordan asks
    what *he* needs, not what *they* need). ``lists`` are the word lists in use."""
    obj, subj, start, possessive, plural = _holder_words(holder, roles, lists)
    they, them, their = _PRONOUNS.get(gender, _PRONOUNS[None])
    own = lists.pronouns.holder_pronouns.get(subj.lower())
    if own is not None:  # "We need ...": what would *we* be doing
        they, them, their = own
    elif plural:
        they, them, their = _PRONOUNS[None]
    said = term or "this"
    after = re.search(r"\{term\}\s+([A-Za-z]+)", template)
    if term and after and term.split()[-1].lower() == after.group(1).lower() \
            and len(term.split()) == 1:
        said = "it"  # "What would it help Mum to do", not "What would help help Mum"
    values = {"holder": obj, "subject": subj, "Holder": start, "name": start,
              "possessive": possessive, "child": "the child",
              "term": said, "match": match, "expansion": expansion,
              "they": they, "them": them, "their": their}
    # The verbs around a subject that takes the plain verb agree with it: "they need",
    # "the parents need", "where are they", "I need" (singular "they" included).
    plain: dict[str, str] = {}
    if plural or subj.lower() in ("i", "you"):
        plain = dict.fromkeys(("subject", "Holder", "name"), subj.split()[0].lower())
    if they.lower() in ("they", "we", "you", "i"):
        plain["they"] = they.lower()
    if plain and "{" in template:
        template = agree(template, plain, lists=lists.pronouns)
    out = template.format_map(values)
    return out[:1].upper() + out[1:] if out else out


# The last holder's words for ``fill``, as (holder, roles, lists, words): one tuple,
# read and replaced whole.
_holder_held: tuple[Any, ...] = (None, None, None, None)


def _holder_words(holder: str | None, roles: RoleVocabulary, lists: English
                  ) -> tuple[str, str, str, str, bool]:
    """The holder as ``fill`` writes it: as an object and as a subject, at a sentence's
    start, as a possessive, and whether it is more than one person. Kept for the last
    holder: a finding's message, questions and rewrites fill a dozen templates for the
    same holder, and its plural is judged by lemminflect."""
    global _holder_held
    held = _holder_held
    if held[0] != holder or held[1] is not roles or held[2] is not lists or held[3] is None:
        obj, subj = forms(holder, roles, lists=lists.context)
        possessive = lists.rewrites.possessive.get(
            obj, obj + ("'" if obj.endswith("s") else "'s"))
        held = _holder_held = (holder, roles, lists, (
            obj, subj, subj[:1].upper() + subj[1:], possessive, _plural_holder(subj, lists)))
    return held[3]


def _plural_holder(subject: str, lists: English) -> bool:
    """True when the holder is more than one person: "the parents", "Mum and Dad", "they",
    "the grandchildren". A word in lower case is judged by lemminflect; one with a capital
    may be a name ("Miles"), so it counts only when listed (framework/words/rewrites.yml)."""
    words = subject.split()
    last = words[-1]
    if last.lower() in lists.rewrites.plural_holders or "and" in (w.lower() for w in words):
        return True
    return last.islower() and is_plural_noun(last)


def pronoun_for_other(read: str | None, given: str | None, family: Family | None,
                      lists: English) -> tuple[bool, str | None]:
    """Whether a statement's "she" or "he" cannot be the person asked about (``given``,
    whose sex the case records): "She needs to stop drinking" on Jordan's page (a boy) is
    someone else's need, never said back as his. Second: the one other person of the case
    the pronoun fits, else None."""
    if not read or not given or family is None:
        return False, None
    word = read.strip().lower()
    said = "f" if word in lists.pronouns.female else "m" if word in lists.pronouns.male \
        else None
    asked = family.member(given)
    if said is None or asked is None or asked.gender is None or asked.gender == said:
        return False, None
    fits = [m for m in family.members if m.gender == said and m is not asked]
    return True, (fits[0].name if len(fits) == 1 else None)


def names_a_person(words: str, roles: RoleVocabulary, family: Family | None) -> bool:
    """True when ``words`` name one of the family: a person of the case, a role word
    ("Mum", "the child"), or a name ("Jordan"; not shorthand in capitals such as "SW")."""
    if family is not None and family.member(words) is not None:
        return True
    tokens = re.findall(r"[A-Za-z][A-Za-z'-]*", words)
    if any(roles.gender(t) is not None or roles.is_noun(t.lower())
           or roles.is_parent_word(t) for t in tokens):
        return True
    return len(tokens) == 1 and tokens[0][:1].isupper() and not tokens[0].isupper()


class QuietNotes(Strict):
    need: str = Field(min_length=1)
    outcome: str = Field(min_length=1)
    work: str = Field(min_length=1)
    seriousness: str = Field(min_length=1)


class ReadsNotes(Strict):
    able: str = Field(min_length=1)
    verbs: dict[str, str] = {}
    default: str = Field(min_length=1)
    phrase: str = Field(min_length=1)
    others: str = Field(min_length=1)
    passive: str | None = None
    """For "needs to be read to", "needs to be collected by ...": done for the holder, not
    by them, so "what she needs to do" would be untrue. A content copy written before this
    existed says ``default``."""


class Notes(Strict):
    """prompts/coach.yml: what the coach says when it flags nothing.

    Why: silence reads as approval. The coach says what it reads when the structure shows
    a specific need, and otherwise asks the framework's question for the stage.
    """

    quiet: QuietNotes
    reads: ReadsNotes
    uncounted: str = Field(min_length=1)
    placeholder: str = ("\"{text}\" is a placeholder, not a statement: write it out for "
                        "{holder}, in a sentence of its own.")

    @model_validator(mode="after")
    def _placeholders_known(self) -> Notes:
        texts = [self.quiet.need, self.quiet.outcome, self.quiet.work,
                 self.quiet.seriousness, self.reads.able,
                 self.reads.default, self.reads.phrase, *self.reads.verbs.values(),
                 *([self.reads.passive] if self.reads.passive else [])]
        known: tuple[str, ...] = ("holder", "Holder", "what")
        checks = [(text, known) for text in [*texts, self.uncounted]]
        checks.append((self.placeholder, (*known, "text")))
        checks.append((self.reads.others, (*known, "other")))  # "what {other} does"
        for text, names in checks:
            try:
                text.format_map(dict.fromkeys(names, ""))
            except (KeyError, ValueError, IndexError) as exc:
                raise ValueError(f"{text!r}: unknown placeholder {exc} (use "
                                 f"{', '.join('{' + n + '}' for n in names)})") from None
        return self

    @classmethod
    def load(cls, content: Content) -> Notes:
        return load_or_default(content, cls, "prompts", "coach.yml")

    def annotate(self, report: Any, roles: RoleVocabulary, family: Family | None = None,
                 reading: Any = None, *, lists: English) -> Any:
        """Set ``report.note`` when no finding counts; return the report.

        ``reading`` is the structure's reading of a need (``structure.NeedReading``); a
        reading of category "specific" is said back to the worker.
        """
        if not report.text.strip():
            return report
        holder, own = report.holder, True
        read = getattr(reading, "holder_text", None) if reading is not None else None
        elsewhere, named = pronoun_for_other(read, holder, family, lists)
        if elsewhere:
            # "She needs to stop drinking" asked about Jordan: not his, so not said back
            # as his; said of the one person "she" can be, else of no one by name
            own, holder = False, named
        elif read and holder and read.lower() != holder.lower() \
                and read.lower() not in lists.context.object_pronoun \
                and not (family is not None and family.same_person(read, holder)):
            # The statement is written for someone other than the person asked about
            # ("Jordan to attend school", asked about Lisa; "SW to support Lisa"): its
            # reading is not Lisa's, so it is not said back as hers.
            own = False
            if names_a_person(read, roles, family):
                holder = read
        elif read and not holder and names_a_person(read, roles, family):
            holder = read  # "For Amy to ..." checked with no holder given: Amy's
        obj, subject = forms(holder, roles, lists=lists.context)
        values = {"holder": obj, "Holder": obj[:1].upper() + obj[1:], "what": ""}
        template = getattr(self.quiet, report.stage, self.quiet.need)
        report.quiet = template.format_map(values)
        if lists.context.is_placeholder(report.text):
            report.note = self.placeholder.format_map({**values, "text": report.text.strip()})
            return report
        if report.kinds:
            return report
        if report.findings:  # flagged, but not counted: never "Nothing was flagged"
            report.note = self.uncounted.format_map(values)
            return report
        if reading is not None and getattr(reading, "category", None) == "specific" \
                and report.stage == "need" and (own or holder == read):
            part = getattr(reading, "what_part", None)
            values["what"] = part.text if part is not None else ""
            # The reading says "what {holder} needs": a subject ("what she needs"), and
            # "the person" for a "they" or "I" that would need another verb form
            if subject in ("they", "I", "you", "we"):
                subject = "the person"
            values["holder"] = subject
            values["Holder"] = subject[:1].upper() + subject[1:]
            other = getattr(reading, "own_subject", None)
            if getattr(reading, "what", None) == "phrase":
                template = self.reads.phrase
            elif other is not None and other.tag_ not in ("PRP", "EX") \
                    and not getattr(reading, "passive", False):
                # "needs her nan to pick her up": what nan does, not what Kayla does
                values["other"] = other.doc[other.left_edge.i:other.i + 1].text
                template = self.reads.others
            elif getattr(reading, "able", False):
                template = self.reads.able
            elif getattr(reading, "passive", False) and self.reads.passive:
                template = self.reads.passive
            else:
                template = self.reads.verbs.get(getattr(reading, "verb", "") or "",
                                                self.reads.default)
        report.note = template.format_map(values)
        return report
