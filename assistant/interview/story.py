"""The story, reflected back: who it names that the case lacks, and what it is about
(the Need Group themes whose words it uses)."""

from __future__ import annotations

import re
from collections import Counter
from functools import cache, cached_property
from typing import TYPE_CHECKING, Any

from assistant.wordlists import english

if TYPE_CHECKING:
    from datetime import date

    from assistant.content import Content, Framework
    from assistant.interview.prompts import InterviewPrompts
    from assistant.model import Case


#: A capitalised word, hyphenated or possessive ("Mary-Jo", "Kerry's").
_CAPITALISED = r"\b[A-Z][a-z]+(?:-[A-Z][a-z]+)?(?:'s)?\b"


# The endings a theme word is read with: plurals, tenses, doers ("argues", "argued",
# "arguing", "drinkers", "worries", "fearful"); a doubled last letter before -ing/-ed/-er
# ("hitting", "begged") is added where it is used.
_ENDINGS = r"(?:e|es|s|ed|d|ing|er|ers|ies|ied|y|ful)"
# A heading: a few words and a colon at the start of a line or after a sentence ends
# ("Worries: ...; Kerry drinks. Things going well: Mila loves nursery.").
_HEADING = re.compile(r"(?:^|[.!?;])[ \t]*(?:[-*•][ \t]*)?([A-Z][\w' ]{0,40}):",
                      re.MULTILINE)


# Words after which a capitalised word is a place ("lives in Leeds", "moved to Hull",
# "a flat near Brimley"), where the story says where someone is, not who.
_PLACE_BEFORE = re.compile(r"\b(?:in|near|outside|around|moved to|moving to|moved from|"
                           r"moving from|lives at|living at)[ \t]+\Z")
# Where a sentence starts (the story's start, after a full stop, a colon or a line break,
# or an opening bracket or quote): a capitalised word there may be any word.
_SENTENCE_START = re.compile(r"(?:\A|[.!?:;\n][\s\"'(\u201c\u2018-]*|[(\"\u201c\u2018])\Z")
# A capitalised name right after a family word ("sister Mia", "his dad, Marcus").
_NAME_AFTER = re.compile(r"\A(?:'s)?,?[ \t]+[A-Z][a-z]")


def _said_of(people: frozenset[Any], about: str, named: bool) -> bool:
    """Whether words the story says of ``people`` (:class:`Teller`, with stand-ins for the
    people it names and the case does not record: "his mum Tanya") may count for a theme
    about a ``about`` ("parent" or "child"): not when said only of the other kind. A
    sentence naming no one may be about anyone, except for an everyday word (``named``),
    which counts only said of a person whose kind is known."""
    known = [p for p in people if p.role]
    if not known:
        return not named
    return any(p.child == (about == "child") for p in known)


def _state_of_one(people: frozenset[Any], told_elsewhere: set[str]) -> bool:
    """Whether an everyday word of a theme about anyone, said as a state ("has been
    low"), is said of a recorded person (:class:`Teller`) whose kind ("parent" or
    "child") no theme about that kind holds the word for (``told_elsewhere``). Why: "Ryan
    has been low" is the child's low mood, the emotional wellbeing of a child, while
    "the weather has been low" is no one's; and "Kerry has been low" is a parent's
    mental health, which the theme about a parent already tells."""
    return any(("child" if p.child else "parent") not in told_elsewhere
               for p in people if p.role)


def _headings(text: str) -> list[tuple[int, int]]:
    """Where the headings' words are in ``text``."""
    return [m.span(1) for m in _HEADING.finditer(text)]


@cache
def _term_pattern(low_term: str) -> re.Pattern[str]:
    """A theme term with its endings ("argues", "arguing", "fears", "drinker"), not the start
    of another word ("twice" is no Twi, "ginger" no gin, "cottage" no cot).

    Compiled once per term for the process. Why: the themes hold thousands of terms, more
    than :mod:`re`'s own cache keeps, so compiling them on each reading took over a second
    for every showing of the story's reflection (found by walk9)."""
    stem = re.escape(low_term[:-1] if low_term.endswith("e") else low_term)
    last = re.escape(low_term[-1])
    return re.compile(rf"\b{stem}(?:{_ENDINGS}|{last}(?:ing|ed|er|ers|y))?\b")


class Story:
    """The reflection methods of :class:`~assistant.interview.Interview`."""

    case: Case
    content: Content
    framework: Framework
    prompts: InterviewPrompts
    today: date

    if TYPE_CHECKING:  # defined by People, a part of the same Interview
        @property
        def family_words(self) -> dict[str, str]: ...


    def names_in_story(self) -> list[str]:
        """Capitalised words in the story that look like names of people not in the case.

        A run of capitalised words ("Universal Credit", "Riverside Food Bank") names a
        thing or a place, not a person: a pseudonymous story gives people by their first
        names. Words before the name that are no name ("When", "On Monday") or a family
        word or title ("Nan Rose", "Mr Adeyemi") are set aside first. The words of a
        heading ("Things going well:", "What we are worried about:") are no names, and
        neither are the shorthand and words the name lists say are none
        (``framework/names.yml``), nor an English word capitalised only because a sentence
        starts with it ("Nursery say ...", "Staff at school ...", "Older brother ..."),
        unless the name lists know it as a given name ("Rose")."""
        from assistant.redact import load_names
        from assistant.wording import morphology

        known = {p.name.lower() for p in self.case.people}
        names = load_names(self.content)
        given = names.given  # "Rose", "Grace": a word, and a name the lists know
        not_names = {w.lower() for w in self.prompts.reflection.not_names} | \
            names.not_names | \
            english(self.content).time.not_names  # "May", "Tues": the calendar's names
        roles = {r.id for r in self.framework.roles} | {
            r.label.lower() for r in self.framework.roles}
        seen: list[str] = []
        headings = _headings(self.case.story)
        story = self.case.story
        for run in re.finditer(rf"{_CAPITALISED}(?:[ \t]+{_CAPITALISED})*", story):
            if _PLACE_BEFORE.search(story, max(0, run.start() - 16), run.start()) \
                    and not run.group(0).endswith("'s"):
                continue  # "lives in Leeds", "a flat near Hartsend": a place, not a person
            words = [w.removesuffix("'s") for w in run.group(0).split()]
            while words and (words[0].lower() in not_names or words[0].lower() in
                             self.family_words or words[0].lower() in roles):
                words = words[1:]
            if len(words) != 1:
                continue  # nothing left, or the name of a thing ("Universal Credit")
            word = words[0]
            low = word.lower()
            if low in known or low.removesuffix("s") in not_names or low in roles:
                continue
            at = run.start() + run.group(0).index(word)
            if _SENTENCE_START.search(story, max(0, at - 4), at) and low not in given \
                    and morphology.is_word(low):
                continue  # "Nursery say ...", "Referral from school.": a word, not a name
            if low.endswith("s") and low[:-1] in known:
                continue  # "Kerrys mum": Kerry's, the apostrophe left out

            if any(start <= run.start() < end for start, end in headings):
                continue  # "Things going well: ..."
            if word not in seen:
                seen.append(word)
        return seen

    def family_in_story(self) -> list[str]:
        """Family words in the story ('gran', 'stepdad', 'her sister') whose role nobody in
        the case has, where they name a person.

        A word for the family as a whole ("family", "the family", "families", "parents")
        never names one person to add. A role's noun names one where someone's it is or a
        name follows ("her sister", "his older brother", "Mum's partner", "sister Mia",
        "the baby"); on its own or in the plural it is said of no one in particular
        ("siblings: none", "like a brother to her", "grandparents live abroad"). A word a
        family calls someone ("Nan", "Dad", "gran") names them wherever it is said."""
        framework = self.framework
        vocabulary = framework.vocabulary
        whole = {r.id for r in framework.roles if r.kind == "family"}
        roles = {p.role for p in self.case.people}
        words = english(self.content)
        owners = set(words.rewrites.possessive.values())
        before_noun = set(words.pronouns.before_noun)
        found: list[str] = []
        story = self.case.story
        low = story.lower()
        for word, role in self.family_words.items():
            if role in roles or role in whole or word in found:
                continue
            for hit in re.finditer(rf"\b{re.escape(word)}('s)?\b", low):
                if not vocabulary.is_noun(word) or self._names_one(
                        story, hit.start(), hit.end(), word, owners, before_noun):
                    found.append(word)
                    break
        return found

    @staticmethod
    def _names_one(story: str, start: int, end: int, word: str, owners: set[str],
                   before_noun: set[str]) -> bool:
        """The role noun at ``story[start:end]`` names a person: someone's ("her sister",
        "Kerry's older brother"), a name after it ("sister Mia"), or "the" and one of them
        ("the baby")."""
        if _NAME_AFTER.match(story[end:]):
            return True
        before = re.findall(r"[\w']+", story[max(0, start - 40):start].lower())
        while before and before[-1] in before_noun:
            before.pop()
        if not before:
            return False
        last = before[-1]
        plural = word.endswith("s") and not word.endswith("ss")
        return last in owners or last.endswith("'s") or (last == "the" and not plural)

    @cached_property
    def _theme_reading(self) -> tuple[Any, Any, Any] | None:
        """The themes, shorthand and case facts the story's themes are read with, loaded
        once per interview rather than from their YAML on every reflection; None when any
        is missing or broken (themes are optional for a reflection)."""
        from assistant.needgroups.themes import load_themes
        from assistant.shorthand import load_shorthand
        from assistant.wording.casefit import load_case_facts

        try:
            return (load_themes(self.content), load_shorthand(self.content),
                    load_case_facts(self.content).with_roles(self.framework).with_words(
                        english(self.content).context))
        except Exception:
            return None

    def story_themes(self, limit: int = 4) -> list[str]:
        """The Need Group themes whose words the story tells most (framework/themes.yml),
        with its shorthand spelled out as the Need Groups read it ("DV flagged").

        The story is read as the coach reads it for the case's facts
        (:class:`assistant.wording.casefit.CaseFacts`): a word the story denies ("no
        history of domestic abuse", "Dad has never hit anyone") or says of a body part
        ("Mum hit her head") shows no theme; a theme about a parent or a child
        (``about``) counts only words said of such a person (:class:`Teller`: "Rob hit
        Kerry" is no child's behaviour); and an everyday word (``general``) counts only
        said of that person as their state or as what they do not do ("Kerry has been
        low", "Mila is not talking yet"), never as what anyone says or does; in a theme
        about anyone, only said so of a recorded person ("Ryan has been low": a child's
        emotional wellbeing; "the weather has been low" is no one's).

        A theme weighs what the story tells of it, not how many of its words one telling
        uses: each sentence that tells it counts once, by its weightiest word there (a
        phrase, such as "found by police", 2; a word 1). Why: words were counted one by
        one, so "she is often tired and hungry" (two health words in one remark, about a
        child at school) outweighed "Kayla's grandfather died" (one word each for family
        relationships and for feelings), and "drinking" counted twice, as "drink" and as
        "drinking"."""
        from assistant.wording.casefit import Teller, family_of, sentences_of

        if self._theme_reading is None:
            return []
        themes, shorthand, facts = self._theme_reading
        story = shorthand.expand(self.case.story)[0]
        family = family_of(self.case, facts, self.framework.child_roles, self.today)
        family.story = story
        words = english(self.content).pronouns
        teller = Teller(family, stand_ins=True, pronouns=(words.female, words.male),
                        sex_of=self.framework.vocabulary.gender)
        sentences = sentences_of(story)
        everyday = {w.lower() for w in themes.general}
        # for each everyday word, the kinds of person a theme about that kind holds it for
        specific: dict[str, set[str]] = {}
        for theme in themes.themes:
            if theme.about != "any":
                for term in theme.terms:
                    specific.setdefault(term.lower(), set()).add(theme.about)
        score: Counter[str] = Counter()
        labels: dict[str, str] = {}
        for theme in themes.themes:
            labels[theme.id] = theme.label
            # each sentence tells a theme once, by its weightiest word there (see below)
            told: dict[int, int] = {}
            for term in theme.terms:
                low_term = term.lower()
                general = low_term in everyday
                # "say", "house", "baby": every story uses them; in a theme about anyone
                # they count only as a recorded person's state ("Ryan has been low")
                anyones = general and theme.about == "any"
                pattern = _term_pattern(low_term)
                for number, sentence in enumerate(sentences):
                    for found in pattern.finditer(sentence):
                        if general:
                            if not facts.as_state(sentence, found.start()):
                                continue
                            if anyones and not _state_of_one(
                                    teller.of(sentence, found.start()),
                                    specific.get(low_term, set())):
                                continue
                        elif not facts.told(sentence, found.start(), found.end()):
                            continue  # denied, or a body part: "no drinking", "hit her head"
                        if theme.about != "any" and not _said_of(
                                teller.of(sentence, found.start()), theme.about, general):
                            continue
                        told[number] = max(told.get(number, 0), 2 if " " in term else 1)
            if told:
                score[theme.id] += sum(told.values())
        for fact in facts.facts:
            # an act the case's facts read from the story ("Rob hit Kerry"), as a phrase
            if fact.theme in labels and fact.id in family.facts:
                score[fact.theme] += 2
        return [labels[t] for t, _ in score.most_common(limit)]

    def _paired(self, names: list[str], family: list[str]) -> list[str]:
        """Names and family words for the reflection, a name the story gives a family word
        ("his mum Kerry", "her Nan, Rose", "Kerry, his mum") shown once as "Kerry (mum)".

        Why: listed apart ("Kerry, Pat, mum, nan") one person reads as two, and the worker
        is asked to add people the case would then hold twice."""
        from assistant.wording.casefit import story_names

        told = story_names(self.case.story, family)
        out: list[str] = []
        used: set[str] = set()
        for name in names:
            word = next((w for n, w in told if n == name and w not in used), None)
            if word is None:
                out.append(name)
            else:
                used.add(word)
                out.append(f"{name} ({word})")
        return out + [w for w in family if w not in used]

    def reflect(self) -> dict[str, str]:
        """What the story told us: who ({heard}) and what ({themes})."""
        words = self.prompts.reflection
        people = [f"{p.name} ({self.framework.label('roles', p.role).lower()})"
                  for p in self.case.people]
        new = self._paired(self.names_in_story(), self.family_in_story())
        heard = ", ".join(people)
        if new:
            heard += "; and, not in the case yet: " + ", ".join(new)
        elif words.nobody_new:
            heard += f". {words.nobody_new.rstrip('.')}"  # the prompt ends the sentence
        themes = self.story_themes()
        return {"heard": heard, "themes": ", ".join(themes).lower() if themes
                else words.no_themes}
