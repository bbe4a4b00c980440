"""Keep names off the audit form: the case's people by every form of their name, then a
second net for names the case does not hold.

The audit form is pooled across cases and read by people who must not learn who a family
is, so a leaked name is worse than an odd sentence. Two passes, one job each:

1. **The case's people.** Each person's name, each part of it, its nicknames and
   spellings (``framework/names.yml``), its possessives ("Kayla's", "Kaylas", "James'"),
   its initials ("KM", "K. M.", "Z.") and the name typed with digits for letters
   ("K4yla", "Wi11"), is replaced by the person's role label ("Child 1", "Mother").
   Matching is done on folded text (:func:`fold`): accents, capitals, curly apostrophes,
   dashes, soft hyphens and zero-width characters do not hide a name. A name that is also
   an everyday word ("Will", "Hope", "Rose", "May") is replaced only where the parse puts
   it in a name's place: "Mum will attend" keeps its verb, "will's school" and "will needs
   a bed" lose the name.
2. **The second net.** Names the worker wrote but never entered as a person (a partner, a
   gran, a teacher): the parser's PERSON entities, and capitalised name-like words that
   are not sentence-initial common words, role words or known services, plus any word on
   the name lists. These become "[name]" (or are left out straight after a role word:
   "her partner Jason" -> "her partner") and are *listed* (:attr:`Redactor.replaced`), so
   the worker sees what was taken out before the form leaves.

A case reference holding a name is refused (:func:`reference_problem`): a reference is
printed on the form as it is.

The parse needs a trained English pipeline with a named-entity recogniser; without one
the passes fall back to capitalisation and word rules, and lean towards replacing.
"""

from __future__ import annotations

import re
import threading
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any
from weakref import WeakKeyDictionary

from pydantic import Field, StringConstraints, field_validator

from assistant.content import Content, ContentError, Strict, parse_yaml
from assistant.errors import ExportError
from assistant.wordlists import FOLDER as WORDS_FOLDER
from assistant.wordlists import RedactionWords, english

if TYPE_CHECKING:
    from assistant.model import Case

# --- the name lists (content) --------------------------------------------------------------

Word = Annotated[str, StringConstraints(pattern=r"^[a-z](?:[a-z'-]*[a-z])?$")]


def _unique(words: list[str]) -> list[str]:
    seen: set[str] = set()
    twice = [w for w in words if w in seen or seen.add(w)]  # type: ignore[func-returns-value]
    if twice:
        raise ValueError(f"listed twice: {', '.join(dict.fromkeys(twice))}")
    return words


class NameList(Strict):
    """framework/names.yml: names and their variants, family names, and words that are not
    names. Everything is lower case; a word is letters with ``-`` or ``'`` inside."""

    variants: dict[Word, list[Word]] = Field(default={})
    surnames: list[Word] = []
    also_words: list[Word] = []
    roles: list[Word] = []
    not_names: list[Word] = []

    @field_validator("surnames", "also_words", "roles", "not_names")
    @classmethod
    def _no_repeats(cls, words: list[str]) -> list[str]:
        return _unique(words)

    @field_validator("variants")
    @classmethod
    def _variants_differ(cls, variants: dict[str, list[str]]) -> dict[str, list[str]]:
        for name, others in variants.items():
            if name in others:
                raise ValueError(f"{name}: lists itself as a variant")
            try:
                _unique(others)
            except ValueError as exc:
                raise ValueError(f"{name}: {exc}") from None
        return variants


@dataclass(frozen=True)
class Names:
    """The lists of :class:`NameList`, indexed for lookups."""

    groups: dict[str, frozenset[str]]
    """Every name or variant -> the names it may also be written as (itself included)."""
    given: frozenset[str]
    surnames: frozenset[str]
    also_words: frozenset[str]
    roles: frozenset[str]
    not_names: frozenset[str]
    words: RedactionWords
    """The English around a name (titles, months, modals...): framework/words/redaction.yml."""

    @classmethod
    def from_list(cls, data: NameList, words: RedactionWords) -> Names:
        groups: dict[str, set[str]] = {}
        for name, others in data.variants.items():
            entry = {name, *others}
            for word in entry:
                groups.setdefault(word, {word}).update(entry)
        return cls(
            groups={word: frozenset(group) for word, group in groups.items()},
            given=frozenset(groups),
            surnames=frozenset(data.surnames),
            also_words=frozenset(data.also_words),
            roles=frozenset(data.roles),
            not_names=frozenset(data.not_names),
            words=words,
        )

    def variants(self, name: str) -> frozenset[str]:
        """``name`` (folded) and every nickname or spelling of it the list knows."""
        return self.groups.get(name, frozenset({name}))


NAMES_FILE = ("framework", "names.yml")


@lru_cache(maxsize=8)
def _name_list(path: Path, text: str) -> NameList:
    return parse_yaml(path, text, NameList)


#: the names of each content in use, made once (indexing the lists is not free)
_names_of: WeakKeyDictionary[Content, Names] = WeakKeyDictionary()


def load_names(content: Content) -> Names:
    """The name lists from the content in use, or from the default content when an edited
    copy of ``framework/`` has no names.yml (so a trainer's older copy still exports);
    with the words around a name from the same content (framework/words/redaction.yml).

    The words that name a role in the framework ("Gran", a trainer's "Godmum") are role
    words here too: never taken for a name, and a capitalised word after one is."""
    known = _names_of.get(content)
    if known is not None:
        return known
    try:
        path = content.path(*NAMES_FILE)
    except ContentError:
        path = content.default.joinpath(*NAMES_FILE)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeError) as exc:
        raise ContentError(path, f"cannot be read ({exc})") from None
    lists = english(content)
    names = Names.from_list(_name_list(path, text), lists.redaction)
    # the month and day names are the calendar's (framework/words/time.yml), listed once
    names = replace(names, not_names=names.not_names | lists.time.full_names)
    family = frozenset(w for w in content.framework.vocabulary.family_words if " " not in w)
    if not family <= names.roles:
        names = replace(names, roles=names.roles | family)
    _names_of[content] = names
    return names


# --- normalising text ----------------------------------------------------------------------

_APOSTROPHES = dict.fromkeys(map(ord, "\u2018\u2019\u02bc\u02b9\u2032\u0060\u00b4\uff07"), "'")
_DASHES = dict.fromkeys(map(ord, "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe63\uff0d"), "-")
# Letters that Unicode does not decompose into a base letter and an accent.
_STROKES = str.maketrans({"Ł": "L", "ł": "l", "Ø": "O", "ø": "o", "Đ": "D", "đ": "d",
                          "Ħ": "H", "ħ": "h", "ı": "i", "Æ": "AE", "æ": "ae", "Œ": "OE",
                          "œ": "oe", "Þ": "Th", "þ": "th", "Ð": "D", "ð": "d", "ŀ": "l",
                          "Ŀ": "L", "ŧ": "t", "Ŧ": "T"})


def clean(text: str) -> str:
    """``text`` without invisible characters that can split a name: soft hyphens,
    zero-width spaces and joiners, direction marks (Unicode category Cf)."""
    return "".join(ch for ch in text if unicodedata.category(ch) != "Cf")


def fold(text: str) -> tuple[str, list[int]]:
    """``text`` folded for matching names, and each folded character's index in ``text``.

    Curly apostrophes become ``'``, dashes ``-``, accents are dropped, invisible characters
    skipped and case is folded ("O’Neil" and "o'neil", "Zoë" and "ZOE", "İBRAHİM" and
    "ibrahim" match). Folding can lengthen a character ("ß" -> "ss"), so the index map
    leads each match back to the span of the original text it came from.
    """
    out: list[str] = []
    index: list[int] = []
    for i, char in enumerate(text.translate(_APOSTROPHES).translate(_DASHES)):
        if unicodedata.category(char) == "Cf":
            continue
        for part in unicodedata.normalize("NFKD", char.translate(_STROKES)):
            if unicodedata.combining(part):
                continue
            folded = part.casefold()
            out.append(folded)
            index.extend([i] * len(folded))
    return "".join(out), index


def folded(word: str) -> str:
    return fold(word)[0]


def _either(words: Iterable[str]) -> str:
    """A regex group matching any of ``words`` (longest first, so none hides another)."""
    return "(?:" + "|".join(re.escape(w) for w in sorted(words, key=lambda w: (-len(w), w))) \
        + ")"


@dataclass(frozen=True)
class _Patterns:
    """The regexes made from the redaction word lists (framework/words/redaction.yml)."""

    titles: str  # a title and its space before a name: "Mrs "
    time_before: str  # a word before a month that makes it a date: "in May"
    person_verb: re.Pattern[str]  # a verb whose object is a person: "visits rose"


_compiled: dict[int, tuple[RedactionWords, _Patterns]] = {}


def _patterns(words: RedactionWords) -> _Patterns:
    """The regexes for ``words``, made once per list."""
    found = _compiled.get(id(words))
    if found is None or found[0] is not words:
        # Verbs whose object is a person, whatever tag a small model gives them: each verb
        # with a regular ending, and the irregular forms as listed.
        verbs = (f"{_either(words.person_verbs)}(?:s|es|ed)?|"
                 f"{_either(words.person_verb_forms)}")
        made = _Patterns(titles=rf"{_either(words.titles)}\.?\s+",
                         time_before=_either(words.time_before),
                         person_verb=re.compile(verbs))
        found = _compiled[id(words)] = (words, made)
    return found[1]


# framework/wording's word classes generated from WordNet (scripts/wordnet_classes.py)
WORDNET_FILE = "wordnet.yml"


@lru_cache(maxsize=1)
def vocabulary() -> frozenset[str]:
    """Lower-case words used in the shipped framework and prompts: with no parse, a
    capitalised word at a sentence's start that is none of these is taken for a name.
    The word lists the code reads (framework/words, and the classes generated from
    WordNet) are not prose, so they are left out: "dawn" or "miss" there says nothing about
    a sentence's first word, and WordNet's people include peoples and given names
    ("shona", "jack")."""
    words: set[str] = set()
    root = Content().default
    lists = root.joinpath(*WORDS_FOLDER)
    for folder in ("framework", "prompts"):
        for path in (root / folder).rglob("*.y*ml"):
            if path.is_relative_to(lists) or path.name == WORDNET_FILE:
                continue
            try:
                text = path.read_text("utf-8")
            except (OSError, UnicodeError):
                continue
            text = re.sub(r"(?m)^\s*-?\s*id:.*$", "", text)  # ids name vignettes' people
            words.update(re.findall(r"(?<![\w'])[a-z]+(?:'[a-z]+)?", text))
    names = load_names(Content())  # the shipped lists, as the words are the shipped ones
    return frozenset(words - names.given - names.surnames)


@lru_cache(maxsize=1)
def stop_words() -> frozenset[str]:
    """spaCy's English stop words, read from its source file rather than imported: an
    export that needs no parse should not pay a second for importing spaCy."""
    import ast
    import importlib.util

    words: set[str] = set()
    spec = importlib.util.find_spec("spacy")
    for folder in (spec.submodule_search_locations or []) if spec else []:
        path = Path(folder) / "lang" / "en" / "stop_words.py"
        try:
            tree = ast.parse(path.read_text(encoding="utf-8"))
        except (OSError, SyntaxError, UnicodeDecodeError):
            continue
        for node in ast.walk(tree):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                words.update(node.value.split())
    return frozenset(w.casefold() for w in words)


def common_words(names: Names) -> frozenset[str]:
    """Everyday words a name can also be: the name list's ``also_words``, the months and
    spaCy's English stop words."""
    return names.also_words | names.words.months | stop_words()


def _key_pattern(key: str, lookalike: dict[str, str]) -> str:
    """A regex for ``key`` in folded text that also takes digits typed for its letters
    (``lookalike``) and a hyphen put inside it ("K4yla", "Kay-la")."""
    parts = []
    for char in key:
        alike = lookalike.get(char)
        parts.append(f"[{re.escape(char)}{alike}]" if alike else re.escape(char))
    return "-?".join(parts)


# --- the parse ------------------------------------------------------------------------------

_nlp_lock = threading.Lock()
_nlp_cache: dict[str, Any] = {}


def parser() -> Any | None:
    """A trained English pipeline with its entity recogniser, or None without one.

    The coach's pipeline chooser (:mod:`assistant.wording.pipeline`) decides which package;
    the coach leaves the recogniser out, so the redactor loads its own copy, once.
    """
    from assistant.wording import pipeline

    key = pipeline.requested() or ""
    with _nlp_lock:
        if key not in _nlp_cache:
            _nlp_cache[key] = _load_parser(key)
        return _nlp_cache[key]


def _load_parser(key: str) -> Any | None:
    from assistant.wording import pipeline

    if key in pipeline.BLANK_NAMES:
        return None
    choices = [key] if key else [p for p in pipeline.PREFERRED if pipeline._installed(p)]
    for name in choices:
        try:
            import spacy

            nlp = spacy.load(name, exclude=["lemmatizer"])
        except (OSError, ImportError, ValueError):
            continue
        if "parser" in nlp.pipe_names or "tagger" in nlp.pipe_names:
            return nlp
    return None


def _parse(nlp: Any | None, text: str) -> Any | None:
    if nlp is None or not text.strip():
        return None
    from assistant.wording.pipeline import SPACY_LOCK

    with SPACY_LOCK:
        return nlp(text)


# --- redaction ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Replaced:
    """A name the case does not hold, taken off the form: where, what, and what it became."""

    where: str
    name: str
    replacement: str

    def __str__(self) -> str:
        became = f"'{self.replacement}'" if self.replacement else "left out"
        where = f"{self.where}: " if self.where else ""
        return f"{where}'{self.name}' ({became})"


@dataclass
class _Span:
    start: int
    end: int
    text: str


_NAME_LIKE = re.compile(r"^[^\W\d_]+(?:['-][^\W\d_]+)*$")
_UNKNOWN = "[name]"
_NOT_PERSON_ENTS = frozenset({"GPE", "LOC", "FAC", "NORP", "DATE", "TIME", "EVENT", "LAW",
                              "LANGUAGE", "MONEY", "PERCENT", "QUANTITY", "ORDINAL",
                              "CARDINAL", "PRODUCT", "WORK_OF_ART", "ORG"})


@dataclass
class Redactor:
    """Replaces names in the texts of one case; collects what the second net took out.

    ``labels`` maps each person's id to their role label ("Child 1", "Mother").
    """

    case: Case
    labels: dict[str, str]
    names: Names
    nlp: Any | None = field(default_factory=parser)
    replaced: list[Replaced] = field(default_factory=list)
    learned: set[str] = field(default_factory=set)
    """Folded words taken for names anywhere in the case: the same word is a name again
    where the parse alone would not say so (at the start of a sentence, say)."""

    def __post_init__(self) -> None:
        self.words = self.names.words
        self.patterns = _patterns(self.words)
        self.common = common_words(self.names)
        self._docs: dict[str, Any] = {}
        self.best: dict[str, str] = {}
        self.initials: list[tuple[re.Pattern[str], str]] = []
        for person in self.case.people:
            label = self.labels[person.id]
            for key in self._keys(person.name):
                self.best.setdefault(key, label)  # the first person with a name keeps it
            self._add_initials(person.name, label)
        keys = sorted(self.best, key=len, reverse=True)
        self.keys = keys
        self.pattern = re.compile(
            rf"(?<![^\W\d_])(?:{self.patterns.titles})?\d*(?:"
            + "|".join(f"({_key_pattern(key, self.words.lookalike)})" for key in keys)
            + r")\d*(?:'s|'|s)?(?![^\W\d_])"
        ) if keys else None

    # -- the case's people --------------------------------------------------------------

    def _keys(self, name: str) -> Iterable[str]:
        """Folded keys for a name: whole, words, halves of hyphenated words
        (two letters or more), and each one's variants from the name list. A part that is a
        stop word or a role word ("The Family", "Baby Z") is not taken for a name."""
        name = clean(name).strip()
        if re.fullmatch(r"(?:[A-Z]\.?\s?){2,4}", name):
            return  # initials ("KM", "K.M."): matched in capitals only, so "3 km" stays
        parts = [name]
        for word in name.split():
            parts.append(word)
            parts.extend(word.split("-"))
        for part in dict.fromkeys(p for whole in parts for p in (whole, whole.rstrip("."))):
            key = folded(part)
            if len(re.sub(r"\W", "", key)) < 2:
                continue
            if part != name and (key in self.names.roles or (key in stop_words()
                                 and key not in self.names.also_words)):
                continue
            if part == name and all(
                    w in self.names.roles or (w in stop_words() and w not in self.names.also_words)
                    for w in re.findall(r"[^\W\d_]+", key)):
                continue  # a person entered as "Baby" or "The Family" has no name to hide
            yield key
            for variant in self.names.variants(key):
                if variant != key:
                    yield variant

    def _add_initials(self, name: str, label: str) -> None:
        """Initials typed for this person, in capitals: "KM", "K.M.", "K. M." for a name of
        two words or more or a name typed as initials ("K.M."); "K." (a capital and a full
        stop before a lower-case word, a comma or "'s") or a bare "K" before a verb, for
        anyone's first letter."""
        words = fold(clean(name))[0].split()
        if re.fullmatch(r"(?:[A-Z]\.?\s?){2,4}", clean(name).strip()):
            letters = re.findall(r"[^\W\d_]", fold(clean(name))[0])
        else:
            letters = [w[0] for w in words if w[0].isalpha()]
        if not letters:
            return
        if len(letters) >= 2:
            body = r"\.?\s?".join(re.escape(c.upper()) for c in letters)
            self.initials.append((re.compile(rf"(?<![^\W_]){body}\.?(?![^\W_])"), label))
        first = letters[0].upper()
        if first not in "AI" and first.isascii():
            self.initials.append((re.compile(
                rf"(?<![\w.]){first}(?:\.(?=\s+[a-z]|'s|’s|\s*[,;:)]|\s*$)"
                rf"|(?=\s+(?:needs|is|was|has|had|said|says|wants|and)\b|'s|’s))"), label))

    def _is_name_here(self, doc: Any, tokens: dict[int, Any], text: str, key: str,
                      name_start: int, suffix: str, titled: bool) -> bool | None:
        """Whether an everyday word that is also a person's name is the name here; None
        when the parse cannot tell."""
        if titled or suffix.startswith("'"):
            return True
        after = text[name_start:]
        before = text[:name_start]
        words = self.words
        if key in words.months and (re.match(r"[^\W\d_]+\s+\d", after)
                              or re.search(r"\d(?:st|nd|rd|th)?\s+(?:of\s+)?$", before)
                              or (text[name_start].isupper()
                                  and re.search(rf"(?i)\b{self.patterns.time_before}\s+$",
                                                before))):
            return False
        capital = text[name_start].isupper()
        token = tokens.get(name_start)
        if token is None:
            return _name_by_words(key, before, after, capital, suffix, words, self.patterns)
        sentence_start = token.is_sent_start or token.i == 0
        if suffix == "s":  # "Wills mum" is Will's; "wills" are a solicitor's
            return capital
        head = token.head
        prev = doc[token.i - 1] if token.i else None
        if capital and not sentence_start:
            return True
        if key in words.time_words and not capital and prev is not None \
                and prev.pos_ == "ADP":
            return False  # "at dawn", "in summer"
        if key in words.modals and prev is not None and prev.pos_ in ("VERB", "ADP") \
                and prev.dep_ != "aux":
            return True  # "helps will apply", "with will": no modal goes there
        if not capital and self._beside_a_person(doc, token):
            return True  # "Mo and rose", "Willy and will need a home"
        if token.dep_ in ("aux", "auxpass") and key not in words.modals and key not in (
                "do", "did", "does", "have", "had", "be"):
            return True  # "helps hope apply": not a helping verb, so a confused parse
        nxt = doc[token.i + 1] if token.i + 1 < len(doc) else None
        if key in words.modals and nxt is not None and nxt.lower_ in ("and", "or", "&"):
            return True  # "Will and Faith need": no modal is followed by "and"
        if token.tag_ == "MD" or token.dep_ in ("aux", "auxpass"):
            before_verb = head.i > token.i and head.tag_ in ("VB", "VBN", "VBG")
            if before_verb:
                prev2 = doc[token.i - 2] if token.i > 1 else None
                # "Mum and will need a house": a noun and "and" before a modal with no verb
                return bool(prev is not None and prev.dep_ == "cc" and prev2 is not None
                            and prev2.pos_ in ("NOUN", "PROPN")
                            and prev2.dep_.startswith("nsubj"))
            return True  # "will needs a bed", "Will is 6"
        if capital:  # at the start of a sentence
            return token.pos_ not in ("AUX", "ADP", "SCONJ", "CCONJ", "DET", "PRON")
        if token.tag_ in ("NNP", "RB"):  # none of these words is an adverb: a confused tag
            return True
        if prev is not None and (self.patterns.person_verb.fullmatch(prev.lower_) or (
                prev.pos_ == "VERB" and nxt is not None and nxt.tag_ == "VB")):
            return True  # "visits rose", "helps mark apply": what is done to a person
        if self._beside_a_person(doc, token):
            return True
        if token.tag_ in ("NNS", "NNPS"):
            return False
        if any(c.dep_ in ("poss", "predet") or (c.dep_ == "det" and not (
                c.lower_ == "that" and c.i > 0 and doc[c.i - 1].lower_ in ("so", "such")))
               for c in token.children):
            return False  # "the bill", "her hope"; but "so that bill has"
        if nxt is not None and nxt.tag_ in ("VBZ", "VBD", "MD") and token.tag_ not in (
                "VBZ", "VBP"):
            return True  # "holly agreed", "rose needs", "so ivy can": a name before its verb
        if prev is not None and token.pos_ in ("VERB", "AUX") and token.tag_ != "VBG" and (
                prev.pos_ in ("ADP", "SCONJ") or (prev.pos_ == "VERB" and prev.dep_ != "aux"
                                       and token.tag_ in ("VBD", "VBZ"))):
            return True  # "with rose", "after rose", "takes rose to": no verb goes there
        if token.pos_ == "VERB" and token.i + 1 < len(doc) \
                and doc[token.i + 1].tag_ in ("VBZ", "VBD") and doc[token.i + 1].head == token:
            return False
        if token.pos_ == "VERB" and token.i + 1 < len(doc) and doc[token.i + 1].tag_ in (
                "VBZ", "VBD", "MD"):
            return True  # "rose needs a bed": two finite verbs in a row; the first is a name
        if token.sent is not None and all(t.is_punct or t == token for t in token.sent):
            return True  # the word alone: "— sue"
        if token.pos_ == "ADJ" and token.dep_ in ("amod", "acomp"):
            return False
        if token.pos_ not in ("NOUN", "PROPN", "X", "ADJ", "VERB"):
            return False
        if any(c.dep_ in ("amod", "nummod", "acl", "ccomp") for c in token.children):
            return False  # "real joy", "hope that it works"
        if any(c.dep_ == "compound" for c in token.children):
            return None  # "the gas bill" or "someone bill trusts": the rest of the text says
        if token.pos_ == "VERB":
            prev = doc[token.i - 1] if token.i else None
            # "helps mark apply": a verb, then the word, then a bare verb
            return bool(prev is not None and prev.pos_ == "VERB" and nxt is not None
                        and nxt.tag_ == "VB")
        if token.dep_ in ("nsubj", "nsubjpass", "poss", "appos", "conj", "dobj", "pobj",
                          "dative", "npadvmod", "ROOT", "xcomp"):
            return True
        return None  # unsure: a name if the same text uses it as one elsewhere

    def _beside_a_person(self, doc: Any, token: Any) -> bool:
        """Joined by "and"/"or" to a name or a role ("Mo and rose", "rose and Mum")."""
        for step in (-1, 1):
            j = token.i + step
            k = token.i + 2 * step
            if 0 <= k < len(doc) and doc[j].lower_ in ("and", "or", "&"):
                other = doc[k]
                if (folded(other.text) in self.names.roles
                        or (self.pattern and self.pattern.fullmatch(folded(other.text)))
                        or (other.text[:1].isupper() and other.pos_ == "PROPN")):
                    return True
        return False

    def _known(self, text: str, doc: Any, tokens: dict[int, Any]) -> list[_Span]:
        spans: list[_Span] = []
        unsure: list[tuple[str, _Span]] = []
        confirmed: set[str] = set()
        if self.pattern is not None:
            folded_text, index = fold(text)
            for match in self.pattern.finditer(folded_text):
                group = match.lastindex or 0
                key = self.keys[group - 1]
                got = folded_text[match.start(group):match.end(group)].replace("-", "")
                if len(got) != len(key.replace("-", "")):
                    continue
                swapped = sum(a != b for a, b in zip(got, key.replace("-", ""), strict=True))
                if swapped and (len(key) < 3 or swapped > max(1, len(key) // 3)
                                or not any(c.isalpha() for c in got)):
                    continue
                start, end = index[match.start()], index[match.end() - 1] + 1
                name_start = index[match.start(group)]
                tail_start = match.end(group)
                while tail_start < match.end() and folded_text[tail_start].isdigit():
                    tail_start += 1
                suffix = folded_text[tail_start:match.end()]
                titled = match.start(group) > match.start()
                if key in self.common and re.search(r"[^\W\d_]-$", folded_text[:match.start()]):
                    continue  # "ill-will", "re-mark": part of a hyphenated word
                tail = "'s" if suffix == "s" else text[index[tail_start]:end] if suffix else ""
                span = _Span(start, end, self.best[key] + tail)
                if key in self.common and not swapped:
                    verdict = self._is_name_here(doc, tokens, text, key, name_start, suffix,
                                                 titled)
                    if verdict is None:
                        unsure.append((key, span))
                        continue
                    if not verdict:
                        continue
                confirmed.add(key)
                spans.append(span)
            spans += [span for key, span in unsure if key in confirmed]
        for pattern, label in self.initials:
            for match in pattern.finditer(text):
                before = re.search(r"([^\W\d_]+)\s*$", text[:match.start()])
                if before and folded(before[1]) in self.words.letter_labels:
                    continue  # "Plan B.", "Year R", "vitamin D"
                spans.append(_Span(match.start(), match.end(), label))
        return spans

    # -- the second net -----------------------------------------------------------------

    def _word_kind(self, word: str) -> str:
        """'name' for a listed name, 'word' for a role, service or everyday word, else ''."""
        key = folded(word)
        base = key[:-2] if key.endswith("'s") else key
        if base in self.names.roles or base in self.names.not_names:
            return "word"
        if base in self.names.given or base in self.names.surnames:
            return "word" if base in self.names.also_words else "name"
        if base in self.common:
            return "word"
        return ""

    def _unknown(self, text: str, doc: Any, taken: list[_Span], where: str) -> list[_Span]:
        """Names the case does not hold, found by the parse and the name lists."""
        covered = [(s.start, s.end) for s in taken]

        def free(start: int, end: int) -> bool:
            return not any(a < end and start < b for a, b in covered)

        found: list[tuple[int, int]] = []
        if doc is not None:
            for token in doc:
                start, end = token.idx, token.idx + len(token.text)
                if not free(start, end) or not _NAME_LIKE.match(token.text):
                    continue
                if self._is_unknown_name(token):
                    found.append((start, end))
        else:
            for match in re.finditer(r"(?<![\w'])[^\W\d_]+(?:['-][^\W\d_]+)*", text):
                word = match[0]
                if not free(match.start(), match.end()):
                    continue
                sentence_start = not text[:match.start()].strip() or re.search(
                    r"[.!?:;(\"“—-]['\")\]]*\s*$", text[:match.start()])
                prev = re.search(r"([^\W\d_]+)\.?\s+$", text[:match.start()])
                after_role = bool(prev and folded(prev[1]) in self.names.roles
                                  and folded(word) not in self.names.roles
                                  and folded(word) not in self.names.not_names
                                  and folded(word) not in stop_words())
                kind = self._word_kind(word)
                capital = word[0].isupper() and word[1:].islower() and len(word) > 1
                titled = bool(prev and prev[1].casefold() in self.words.titles)
                if after_role and (word[0].isupper() or kind == "name" or (
                        kind == "" and folded(word) not in vocabulary()
                        and (titled or not re.search(r"(?:s|ed|ing)$", word)))):
                    found.append((match.start(), match.end()))  # "her partner jason"
                elif word.isupper() and len(word) > 2 and (kind == "name" or (
                        kind == "" and len(word) > 3 and folded(word) not in vocabulary()
                        and re.search(r"[aeiouy]", folded(word)))):
                    found.append((match.start(), match.end()))  # "JASON", not "CAMHS"
                elif capital and (kind == "name" or after_role or folded(word) in self.learned
                                or (kind == "" and (not sentence_start
                                                    or folded(word) not in vocabulary()))):
                    found.append((match.start(), match.end()))
        return self._merge_unknown(text, found, where)

    def _is_unknown_name(self, token: Any) -> bool:
        word = token.text
        kind = self._word_kind(word)
        base = folded(word)
        if len(word) < 2 or base in self.names.roles or base in self.names.not_names:
            return False
        capital = word[0].isupper() and not word.isupper()
        doc = token.doc
        prev = doc[token.i - 1] if token.i else None
        if prev is not None and folded(prev.text).rstrip(".") in self.names.roles and (
                capital or word.isupper() or kind == "name"
                or (kind == "" and base not in vocabulary() and (
                    folded(prev.text).rstrip(".") in self.words.titles
                    or not re.search(r"(?:s|ed|ing)$", base)
                    or (token.pos_ not in ("VERB", "AUX", "ADP", "ADV", "DET", "PRON", "PART",
                                           "CCONJ", "SCONJ", "NUM")
                        and token.tag_ not in ("NNS", "NNPS"))))) and base not in stop_words():
            return True  # "Gran Pauline", "Mrs Brannigan", "her partner jason", "brother DEAN"
        if word.isupper():
            # Capitals are mostly services ("CAMHS", "YOT"): a listed name, or a word no
            # list or content knows that the parse makes a person or puts in a person's place
            if kind == "name" or base in self.learned:
                return True
            return (kind == "" and len(word) >= 4 and base not in vocabulary()
                    and re.search(r"[aeiouy]", base) is not None
                    and (token.ent_type_ == "PERSON"
                         or token.dep_ in ("nsubj", "nsubjpass", "appos", "poss", "pcomp",
                                           "dobj", "conj")))
        if kind == "name" and not capital:
            return (token.tag_ == "NNP" or token.dep_ in ("nsubj", "poss", "appos")
                    or (token.i + 1 < len(doc) and doc[token.i + 1].text in ("'s", "’s"))) \
                and len(word) > 2
        if not capital:
            return False
        if kind == "name":
            return True
        sentence_start = token.is_sent_start or token.i == 0 or prev is None or prev.text in (
            '"', "'", "“", "‘", "(", "—", "-", ":")
        if kind == "word" or base in self.common:
            # an everyday word: a name only where it cannot be the word
            return not sentence_start and token.ent_type_ == "PERSON" and token.tag_ == "NNP"
        if token.ent_type_ == "PERSON" or base in self.learned:
            return True
        if token.ent_type_ in _NOT_PERSON_ENTS:
            # A small model calls many names places or organisations: a one-word entity is
            # taken for a name unless it is where something is ("in Leeds", "at Oakfield")
            # or part of a longer name ("Oakfield Primary").
            entity = next((e for e in doc.ents if e.start <= token.i < e.end), None)
            return (entity is not None and len(entity) == 1
                    and token.ent_type_ in ("GPE", "NORP", "ORG", "PRODUCT", "LOC")
                    and token.dep_ not in ("pobj", "compound"))
        return token.tag_ == "NNP" or (not sentence_start and token.pos_ == "PROPN")

    def _merge_unknown(self, text: str, found: list[tuple[int, int]],
                       where: str) -> list[_Span]:
        """Runs of unknown name words become one replacement; a title before the run goes
        with it ("Mr Jones" -> "[name]"), and right after a role word the name is left out
        ("her partner Jason" -> "her partner")."""
        spans: list[_Span] = []
        found.sort()
        runs: list[list[int]] = []
        for start, end in found:
            if runs and re.fullmatch(r"\s+", text[runs[-1][1]:start]):
                runs[-1][1] = end
            else:
                runs.append([start, end])
        for start, end in runs:
            self.learned.update(folded(w) for w in re.findall(r"[^\W\d_]+", text[start:end])
                                if w[:1].isupper())
            if text[end:end + 2] in ("'s", "’s"):
                tail = text[end:end + 2]
                end += 2
            else:
                tail = ""
            title = re.search(rf"(?i)(?<!\w){self.patterns.titles}$", text[:start])
            if title:
                start = title.start()
            name = text[start:end - len(tail)]
            before = re.search(r"([^\W\d_]+)(\s+)$", text[:start])
            if not title and not tail and before and folded(before[1]) in self.names.roles:
                spans.append(_Span(start - len(before[2]), end, ""))
                self.replaced.append(Replaced(where, name, ""))
                continue
            spans.append(_Span(start, end, _UNKNOWN + tail))
            self.replaced.append(Replaced(where, name, _UNKNOWN + tail))
        return spans

    # -- putting it together ------------------------------------------------------------

    def learn(self, texts: Iterable[str]) -> None:
        """Read ``texts`` (the story, every need) for names the case does not hold, so each
        is known wherever it appears; nothing is listed as replaced."""
        for text in texts:
            self(text)
        self.replaced.clear()

    def __call__(self, text: str, where: str = "") -> str:
        """``text`` with every name replaced; names the case lacks are added to
        :attr:`replaced` with ``where`` ("need 2"). Invisible characters are dropped."""
        text = clean(text)
        if not text.strip():
            return text
        doc = self._docs.get(text)
        if doc is None:
            doc = self._docs[text] = _parse(self.nlp, text)
        tokens = {t.idx: t for t in doc} if doc is not None else {}
        spans = _no_overlaps(self._known(text, doc, tokens))
        spans += self._unknown(text, doc, spans, where)
        out: list[str] = []
        done = 0
        for span in sorted(spans, key=lambda s: s.start):
            out.append(text[done:span.start] + span.text)
            done = span.end
        return "".join(out) + text[done:]


def _name_by_words(key: str, before: str, after: str, capital: bool, suffix: str,
                   words: RedactionWords, patterns: _Patterns) -> bool:
    """Without a parse: whether an everyday word that is a person's name is the name here,
    from the words around it (framework/words/redaction.yml). This leans to the name: a
    leak is worse than an odd word."""
    prev = re.search(r"([^\W\d_]+)\W*$", before)
    prev_word = prev[1].casefold() if prev else ""
    nxt = re.match(r"[^\W\d_]+\d*(?:'s|s)?\s*([^\W\d_]*)", after)
    next_word = nxt[1].casefold() if nxt else ""
    sentence_start = not before.strip() or bool(re.search(r"[.!?:;]['\")\]]*\s*$", before))
    if suffix == "s":
        return capital
    if capital:
        # "Will Mum come?", "May I ...": a modal asking a question at a sentence's start
        return not (sentence_start and key in words.modals
                    and next_word in words.subject_after_modal)
    if patterns.person_verb.fullmatch(prev_word):
        return True  # "walks will to school", "sees rose"
    if prev_word in words.word_before and not re.search(r"(?i)\bso\s+that\s+$", before):
        return False
    if key in words.time_words and prev_word in words.time_prepositions:
        return False
    if key in words.modals:  # "will needs", "will takes": a modal is never before a verb
        return (next_word in words.finite_hints or next_word in ("and", "or", "")
                or (next_word.endswith("s") and not next_word.endswith("ss"))
                or bool(re.search(r"[A-Z][^\W\d_]*\s+(?:and|or)\s+$", before)))
    return True


def _no_overlaps(spans: list[_Span]) -> list[_Span]:
    """The earliest, then longest, of overlapping spans."""
    kept: list[_Span] = []
    for span in sorted(spans, key=lambda s: (s.start, -(s.end - s.start))):
        if not kept or span.start >= kept[-1].end:
            kept.append(span)
    return kept


# --- the case reference ---------------------------------------------------------------------

_FAMILY_WORDS = r"(?:family|families|household|children|kids|case|siblings|twins)"


def reference_problem(case: Case, names: Names, found: Iterable[str] = ()) -> str | None:
    """Why ``case.reference`` may not go on an audit form, or None if it may.

    A reference is refused when a word of it is a person's name (or a nickname or spelling
    of one), a family name in the case (a surname typed with a person, or ``found``: names
    the second net took from the case's text), a name on the name lists, or a capitalised
    word before "family" ("Smith family 2026").
    """
    reference = clean(case.reference)
    words = re.findall(r"[^\W\d_]+(?:'[^\W\d_]+)?", reference)
    people: set[str] = set()
    for person in case.people:
        for word in re.findall(r"[^\W\d_]+(?:'[^\W\d_]+)?", clean(person.name)):
            key = folded(word)
            if len(key) >= 2 and key not in names.roles:
                people |= names.variants(key)
    others = {folded(w) for name in found for w in re.findall(r"[^\W\d_]+", name)}
    for word in words:
        key = folded(word)
        if len(key) < 2:
            continue
        if key in people or key in others:
            return (f"the case reference '{case.reference}' contains '{word}', a name in "
                    "this case; an audit form carries no names (use a reference like "
                    "NL-2026-031)")
        listed = (key in names.given or key in names.surnames) and key not in names.also_words \
            and key not in names.not_names
        if listed or (re.search(rf"(?i)\b{re.escape(word)}['’]?s?\s+{_FAMILY_WORDS}\b",
                               reference) and key not in names.not_names):
            return (f"the case reference '{case.reference}' contains '{word}', which looks "
                    "like a name; an audit form carries no names (use a reference like "
                    "NL-2026-031)")
    return None


class NameInReference(ExportError):
    """The case reference holds a name, so no audit form is made from the case (and, since
    every export's file name starts with the reference, nothing is exported)."""
