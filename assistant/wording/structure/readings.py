"""What the structure reader finds, and the small parse helpers its readers share: the
readings (need, outcome, work, seriousness), the light lemmatizer and span helpers.

Why apart: every reader builds on these, and none of them judges anything."""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from typing import Any, Literal

Category = Literal["universal", "service", "assessment", "specific", "unknown"]
Form = Literal["needs", "requires", "would benefit from", "a need for", "for ... to",
               "plan-style", "is needed", "recommended", "fragment"]
WhatKind = Literal["clause", "phrase"]

#: Categories that are faults at the need stage (the coach's scored kinds).
FAULTS = ("universal", "service", "assessment")
#: How the reason for a noun phrase read as specific begins: on the words' own evidence (a
#: thing one owns or is given, an owner, a count, a modifier that singles it out; a
#: particular person). ``NeedReader.someones`` reads the second.
PARTICULAR_THING = "names something particular"
PARTICULAR_PERSON = "asks for a particular person"
#: How ``NeedReader.goods`` says what is needed is a thing one can hand over.
A_THING = "what is needed is a thing one can hand over"
#: How ``NeedReader.people`` says what is needed is a person no service list names.
A_PERSON = "what is needed is a person no service names"
#: How ``NeedReader.occasion`` says what is needed is for a named time of the calendar.
FOR_A_TIME = "is for a named time"
#: How ``NeedReader.goods`` says a thing of someone's is to be seen to ("his glasses fixed").
A_THING_SEEN_TO = "a thing of someone's is to be seen to"
#: How ``NeedReader.stated`` says a statement with no need in it states a fact.
A_FACT = "states that something is there, not a need"

SUBJECT_DEPS = ("nsubj", "nsubjpass")
OBJECT_DEPS = ("dobj", "attr", "oprd", "pobj", "obj")
# Modifier deps that, on a noun of an aim, say something specific about it.
SPECIFYING_DEPS = frozenset({"compound", "prep", "relcl", "acl", "nmod", "poss", "npadvmod",
                             "nummod", "appos", "advcl", "ccomp"})
IRREGULAR = {
    "went": "go", "gone": "go", "goes": "go", "saw": "see", "seen": "see", "had": "have",
    "has": "have", "got": "get", "gotten": "get", "made": "make", "given": "give",
    "gave": "give", "taken": "take", "took": "take", "kept": "keep", "felt": "feel",
    "brought": "bring", "done": "do", "did": "do", "does": "do", "been": "be", "was": "be",
    "were": "be", "is": "be", "are": "be", "am": "be", "'s": "be", "being": "be",
    "known": "know", "knew": "know", "understood": "understand", "told": "tell",
    "said": "say", "heard": "hear", "met": "meet", "left": "leave", "found": "find",
    "thought": "think", "taught": "teach", "learnt": "learn", "spoke": "speak",
    "spoken": "speak", "began": "begin", "begun": "begin", "grew": "grow", "grown": "grow",
    "children": "child", "people": "person", "men": "man", "women": "woman",
    "feet": "foot", "teeth": "tooth", "lives": "life", "wives": "wife", "knives": "knife",
    "shelves": "shelf", "selves": "self", "brought up": "bring", "fed": "feed",
    "bred": "breed", "led": "lead", "read": "read", "put": "put", "set": "set", "let": "let",
    "built": "build", "sent": "send", "spent": "spend", "held": "hold", "paid": "pay",
    "lost": "lose", "sought": "seek", "dealt": "deal", "fell": "fall", "fallen": "fall",
    "rose": "rise", "risen": "rise", "chose": "choose", "chosen": "choose", "ate": "eat",
    "eaten": "eat", "wrote": "write", "written": "write", "drank": "drink", "drunk": "drink",
    "slept": "sleep", "stood": "stand", "caught": "catch", "bought": "buy", "meant": "mean",
    "drew": "draw", "drawn": "draw", "shown": "show", "broke": "break", "broken": "break",
    "driven": "drive", "drove": "drive", "thrown": "throw", "threw": "throw", "won": "win",
    "sold": "sell", "bound": "bind", "fought": "fight", "laid": "lay", "forgotten": "forget",
    "forgot": "forget", "hidden": "hide", "hid": "hide", "worn": "wear", "wore": "wear",
    "torn": "tear", "tore": "tear", "swept": "sweep", "sworn": "swear", "swore": "swear",
}


#: Prefixes an irregular verb keeps its forms under ("uphold", "withhold", "rebuild").
VERB_PREFIXES = ("up", "with", "under", "over", "re", "mis", "out", "fore")
#: The irregular forms above that are plural nouns, never a verb's.
NOUN_IRREGULAR = frozenset({"children", "people", "men", "women", "feet", "teeth", "lives",
                            "wives", "knives", "shelves", "selves"})


def word_class(lexicons: dict[str, list[str]], name: str) -> frozenset[str]:
    """One word class of ``framework/wording/structure.yml``, lower-cased: every reader
    loads its classes this way."""
    return frozenset(w.lower() for w in lexicons.get(name, ()))


#: Verb lemmas the word classes name; the light lemmatizer prefers these spellings
#: ("placed" -> "place", "referred" -> "refer"). Filled as readers are built.
class _KnownVerbs(set[str]):
    """The verb lemmas the word classes name: a set that empties the lemma caches
    (``_lemmas``, ``_forms``) whenever words are added, since a lemma may then be read
    otherwise. Why not a size test in :func:`lemma`: it is asked about ninety thousand
    times in five thousand statements, and the set grows only while readers are built."""

    __slots__ = ()

    def update(self, *others: Any) -> None:
        set.update(self, *others)
        _lemmas.clear()
        _forms.clear()

    def add(self, word: str) -> None:
        set.add(self, word)
        _lemmas.clear()
        _forms.clear()


KNOWN_VERBS: set[str] = _KnownVerbs({"be", "have", "do", "go", "see", "get", "make", "take",
                                     "use", "refer", "place", "promote", "diagnose", "engage",
                                     "manage"})


class WordClass(frozenset[str]):
    """A word class whose unions with other word classes and small literal sets are made
    once: the readers write ``self.goal_verb | self.change_verb | {"take"}`` inside tests
    run on every statement, and a union of a few dozen words costs more than the test that
    reads it. In every other way it is the frozenset it holds."""

    __slots__ = ("_unions",)
    _unions: dict[Any, tuple[Any, WordClass]]

    def __or__(self, other: Any) -> Any:
        if not isinstance(other, (set, frozenset)):
            return NotImplemented
        try:
            unions = self._unions
        except AttributeError:
            unions = {}
            self._unions = unions
        # Another word class by identity (held, so its id stays its own); a literal set by
        # its words.
        key: Any = id(other) if other.__class__ is WordClass else frozenset(other)
        held = unions.get(key)
        if held is None:
            held = unions[key] = (other, WordClass(frozenset.__or__(self, other)))
        return held[1]


# Per-thread state of the readers (their recursion depths, the last readings).
_local = threading.local()

# What is read once per document, for the last document read: one (document, value)
# tuple each, read and replaced whole. Why not per thread: a value is a function of its
# document alone, so a thread that finds another thread's document there just reads its
# own again; and a module global is read in a fraction of a thread-local's time, on
# paths run a hundred times per statement.
_kids_held: tuple[Any, dict[int, list[Any]]] = (None, {})
_text_held: tuple[Any, str] = (None, "")
_rows_held: tuple[Any, list[list[int]]] = (None, [])
_lowers_held: tuple[Any, list[str]] = (None, [])


def _kids(token: Any) -> list[Any]:
    """``token.children`` as a list, made once per token of the last document read:
    the reader asks for the same token's children many times, and spaCy builds new
    Token objects on every walk."""
    global _kids_held
    doc = token.doc
    held = _kids_held
    if held[0] is not doc:  # (document, {token index: children})
        held = _kids_held = (doc, {})
    i = token.i
    kids = held[1].get(i)
    if kids is None:
        kids = held[1][i] = list(token.children)
    return kids


def first_dep(kids: list[Any], deps: Any, *, words: Any = None, tag: str | None = None) -> Any:
    """The first of ``kids`` whose dependency label is in ``deps`` (and, when given, whose
    lower-case word is in ``words`` and whose tag is ``tag``: the infinitive "to" is
    ``first_dep(kids, ("aux",), tag="TO")``), else None.

    Why a loop, not ``next(c for c in kids if ...)``: a generator expression builds a
    generator and its frame on every call (about a microsecond), and the readers asked
    some fifteen of them of every statement."""
    for c in kids:
        if c.dep_ in deps and (words is None or c.lower_ in words) and (
                tag is None or c.tag_ == tag):
            return c
    return None


def has_dep(kids: list[Any], deps: Any) -> bool:
    """True when one of ``kids`` has a dependency label in ``deps`` (see
    :func:`first_dep`: a loop, not ``any`` over a generator)."""
    for c in kids:  # noqa: SIM110 (a loop is the point)
        if c.dep_ in deps:
            return True
    return False


def _doc_text(doc: Any, known: str | None = None) -> str:
    """``doc.text``, computed once per document (spaCy rebuilds it on every access);
    ``known`` is that text when a caller has it (the text it parsed), so it is not built."""
    global _text_held
    held = _text_held
    if held[0] is not doc:
        held = _text_held = (doc, doc.text if known is None else known)
    return held[1]


def _rows(doc: Any) -> list[list[int]]:
    """The document's token attributes as rows (LOWER, ORTH, SENT_START, LIKE_NUM, DEP,
    TAG, HEAD; HEAD relative and unsigned, so a head to the left reads as 2**64 - n; then
    IDX and LENGTH, the token's character offset and length), read once per document:
    one ``to_array`` call costs about as much as reading forty token attributes, and the
    word rules, the need reader and ``Part.of`` all read these."""
    global _ROW_ATTRS, _rows_held
    held = _rows_held
    if held[0] is not doc:
        if _ROW_ATTRS is None:
            from spacy.attrs import (
                DEP,
                HEAD,
                IDX,
                LENGTH,
                LIKE_NUM,
                LOWER,
                ORTH,
                SENT_START,
                TAG,
            )

            _ROW_ATTRS = [LOWER, ORTH, SENT_START, LIKE_NUM, DEP, TAG, HEAD, IDX, LENGTH]
        held = _rows_held = (doc, doc.to_array(_ROW_ATTRS).tolist())
    return held[1]


_ROW_ATTRS: list[int] | None = None  # the attribute ids ``_rows`` reads, set once

# Strings by their id in the StringStore (an id is the hash of its string, so it never
# names another): a dictionary read costs a fraction of decoding the string again.
_strings: dict[int, str] = {}


def _lowers(doc: Any) -> list[str]:
    """The document's lower-case words (``token.lower_`` of each token), read once per
    document from ``_rows``: context flags and holders scan the words before a finding,
    and each ``token.lower_`` builds a new Token and decodes its string."""
    global _lowers_held
    held = _lowers_held
    if held[0] is not doc:
        store = doc.vocab.strings
        known = _strings
        if len(known) > 200_000:
            known.clear()
        out = []
        for row in _rows(doc):
            word = known.get(row[0])
            if word is None:
                word = known[row[0]] = store[row[0]]
            out.append(word)
        held = _lowers_held = (doc, out)
    return held[1]


def _lower_at(doc: Any, i: int) -> str:
    """``doc[i].lower_``: from the document's words where they are read already, else that
    one word decoded from ``_rows``, so a reader that looks at a few words does not read
    all of them (the words read are the same either way)."""
    held = _lowers_held
    if held[0] is doc:
        return held[1][i]
    key = _rows(doc)[i][0]
    word = _strings.get(key)
    if word is None:
        if len(_strings) > 200_000:
            _strings.clear()
        word = _strings[key] = doc.vocab.strings[key]
    return word


_bounds_held: tuple[Any, tuple[list[int], list[int]]] = (None, ([], []))


def _sentence_bounds(doc: Any) -> tuple[list[int], list[int]]:
    """For each token of ``doc``, the start and end of its sentence, read once per
    document from the SENT_START column of ``_rows`` as spaCy reads it (a sentence starts
    at the first token and at each token marked as a start)."""
    global _bounds_held
    held = _bounds_held
    if held[0] is not doc:
        rows = _rows(doc)
        count = len(rows)
        starts = [0] * count
        ends = [count] * count
        start = 0
        for i in range(1, count):
            if rows[i][2] == 1:
                for j in range(start, i):
                    ends[j] = i
                start = i
            starts[i] = start
        held = _bounds_held = (doc, (starts, ends))
    return held[1]


def sent_start(token: Any) -> int:
    """``token.sent.start`` without building the sentence: spaCy walks the document and
    makes a new span (about 3 us) on every ``token.sent``, and the readers ask of many
    tokens whether they open their sentence."""
    return _sentence_bounds(token.doc)[0][token.i]


def sent_end(token: Any) -> int:
    """``token.sent.end`` without building the sentence (see :func:`sent_start`)."""
    return _sentence_bounds(token.doc)[1][token.i]


def has_parse(doc: Any) -> bool:
    """``doc.has_annotation("DEP")`` for a document of one token or more, read on the rows
    already made for it: spaCy's own test looks up attribute names and walks the tokens
    again on every call, and the need reader asks it of every statement."""
    for row in _rows(doc):  # noqa: SIM110 (a loop, not ``any``: see first_dep)
        if row[4]:
            return True
    return False


def several_sentences(doc: Any) -> bool:
    """True when the parse starts a sentence after the first token: read from the rows
    already made for the document, so a one-sentence statement (most) costs no walk of
    ``doc.sents``."""
    rows = _rows(doc)
    for i in range(1, len(rows)):  # noqa: SIM110 (a loop, not ``any``: see first_dep)
        if rows[i][2] == 1:
            return True
    return False


@dataclass(frozen=True, slots=True)
class Part:
    """A piece of the statement: its text, token span [start, end) and character span."""

    text: str
    start: int
    end: int
    start_char: int
    end_char: int

    @classmethod
    def of(cls, doc: Any, start: int, end: int) -> Part:
        if end <= start:  # an empty part (a fragment's predicate)
            char = doc[start].idx if start < len(doc) else len(doc.text)
            return cls("", start, start, char, char)
        rows = _rows(doc)  # IDX 7, LENGTH 8: no Token built (indexed as ``doc[i]`` is)
        last = rows[end - 1]
        start_char, end_char = rows[start][7], last[7] + last[8]
        if cls is not Part:
            return cls(_doc_text(doc)[start_char:end_char], start, end, start_char, end_char)
        # As ``Part(...)`` makes it, at a third of the cost: a frozen dataclass's __init__
        # sets each field through ``object.__setattr__``; the slots' own setters are direct.
        part = _new(Part)
        _set_text(part, _doc_text(doc)[start_char:end_char])
        _set_start(part, start)
        _set_end(part, end)
        _set_start_char(part, start_char)
        _set_end_char(part, end_char)
        return part


_new = object.__new__
_set_text, _set_start, _set_end, _set_start_char, _set_end_char = (
    Part.__dict__[name].__set__ for name in ("text", "start", "end", "start_char", "end_char"))


@dataclass(slots=True)
class NeedReading:
    """What the reader found in one need predicate.

    ``what`` is "clause" (an infinitive: ``verb`` is its lemma, ``verb_object`` the lemma
    of its object's head, ``able`` True for "to be able to ...") or "phrase" (a noun
    phrase: ``head`` is its head lemma, ``modifiers`` the lemmas of its modifiers).
    ``category`` is the judgement and ``reason`` says why, in words a worker can read.
    ``span`` runs from the predicate to the end of what is needed (what a finding covers).
    """

    form: Form
    predicate: Part
    holder: Part | None = None
    what: WhatKind | None = None
    what_part: Part | None = None
    verb: str | None = None
    verb_object: str | None = None
    passive: bool = False
    able: bool = False
    head: str | None = None
    modifiers: list[str] = field(default_factory=list)
    category: Category = "unknown"
    reason: str = ""
    negated: bool = False
    parsed: bool = True
    span: Part | None = None
    # True for the aim a service or assessment is asked for ("... to keep her safe"): a
    # second fault on the same need, named after the service
    purpose: bool = False
    # True when the line's subject is a professional doing the work ("Family support
    # workers to visit Tomas"): the subject is not the need's holder, the person the
    # work is for is
    worker: bool = False
    # The tokens read (None without a parse); kept for callers that walk the tree.
    verb_token: Any = field(default=None, repr=False, compare=False)
    head_token: Any = field(default=None, repr=False, compare=False)
    own_subject: Any = field(default=None, repr=False, compare=False)
    # (verb token, its object) as the clause was read: judging the same verb token reads
    # it from here, not again (a copy made for another verb carries another token).
    object_of: Any = field(default=None, repr=False, compare=False)

    @property
    def holder_text(self) -> str | None:
        return self.holder.text if self.holder else None

    @property
    def is_fault(self) -> bool:
        """A universal, service or assessment reading that is not negated."""
        return self.category in FAULTS and not self.negated

    def to_dict(self) -> dict[str, Any]:
        def part(p: Part | None) -> dict[str, Any] | None:
            return None if p is None else {"text": p.text, "start": p.start_char,
                                           "end": p.end_char}
        return {"form": self.form, "holder": part(self.holder), "what": self.what,
                "what_text": part(self.what_part), "verb": self.verb,
                "verb_object": self.verb_object, "passive": self.passive, "able": self.able,
                "head": self.head, "modifiers": list(self.modifiers),
                "category": self.category, "reason": self.reason, "negated": self.negated}


# lemma() by (spelling, tag, own lemma), the three things it reads: the readers ask for
# the same few words' lemmas again and again. Emptied when KNOWN_VERBS grows.
_lemmas: dict[tuple[int, int, int], str] = {}


def lemma(token: Any) -> str:
    """A lower-case lemma from the token's own lemma, else from its tag and spelling.

    The coach's pipeline leaves the lemmatizer out for speed; the reader only compares
    lemmas with its word classes, so a light rule-based lemma is enough.
    """
    key = (token.orth, token.tag, token.lemma)
    found = _lemmas.get(key)
    if found is None:
        if len(_lemmas) > 100_000:
            _lemmas.clear()
        found = _lemmas[key] = _lemma(token)
    return found


def _lemma(token: Any) -> str:
    own = token.lemma_
    if own and own != token.text:
        return own.lower()
    low = token.lower_
    tag = token.tag_
    if low in IRREGULAR and not (tag.startswith("VB") and low in NOUN_IRREGULAR):
        return IRREGULAR[low]  # "lives" as a verb is "live", not "life"
    if tag.startswith("VB"):
        # an irregular verb with a prefix: "upheld" is "uphold", "rebuilt" "rebuild",
        # "overseen" "oversee" (the prefix kept, the rest read as the bare verb would be)
        for prefix in VERB_PREFIXES:
            rest = low[len(prefix):]
            if low.startswith(prefix) and len(rest) > 2 and rest in IRREGULAR and \
                    rest not in NOUN_IRREGULAR:
                return prefix + IRREGULAR[rest]
    if tag in ("NNS", "NNPS") or (tag == "VBZ" and low.endswith("s")):
        if low.endswith("ies") and len(low) > 4:
            return low[:-3] + "y"
        if low.endswith(("sses", "xes", "ches", "shes", "zes")):
            return low[:-2]
        if low.endswith("oes") and tag == "VBZ":
            return low[:-2]
        if low.endswith("s") and not low.endswith(("ss", "us", "is")):
            return low[:-1]
        return low
    if tag in ("VBD", "VBN", "JJ") and low.endswith("ed") and len(low) > 4:
        if low.endswith("ied"):
            return low[:-3] + "y"
        stem = low[:-2]
        for candidate in (stem[:-1] if stem[-1] == stem[-2] else stem, stem + "e", stem,
                          low[:-1]):
            if candidate in KNOWN_VERBS:
                return candidate
        if tag == "JJ":
            return low
        if len(stem) > 2 and stem[-1] == stem[-2] and stem[-1] not in "ls":
            return stem[:-1]  # referred -> refer
        if stem.endswith(("c", "v", "z", "at", "iz", "is", "ur", "rg", "dg", "ng", "ag")) or \
                (stem[-1] not in "aeiouwy" and stem[-2] in "aeiou" and stem[-3:-2] not in
                 ("a", "e", "i", "o", "u") and stem[-1] in "cgsv"):
            return stem + "e"  # placed, diagnosed, engaged
        return stem
    if tag == "VBG" and low.endswith("ing") and len(low) > 4:
        stem = low[:-3]
        for candidate in (stem[:-1] if stem[-1] == stem[-2] else stem, stem + "e", stem):
            if candidate in KNOWN_VERBS:
                return candidate
        if len(low) == 5:
            return low  # "going", "doing", "using" are known above; "bring" is no "br"
        if len(stem) > 2 and stem[-1] == stem[-2] and stem[-1] not in "ls":
            return stem[:-1]
        return stem
    return low


def lemma_forms(token: Any) -> tuple[str, ...]:
    """The lemma and its close spellings (placed -> plac, place), for class membership."""
    key = (token.orth, token.tag, token.lemma)  # what the lemma is read from, as lemma()
    found = _forms.get(key)
    if found is None:
        if len(_forms) > 100_000:
            _forms.clear()
        base = lemma(token)
        low = token.lower_
        found = _forms[key] = (base, low, base[:-1] if base.endswith("e") else base + "e")
    return found


# lemma_forms by (spelling, tag, own lemma), as ``_lemmas``; emptied when KNOWN_VERBS grows
_forms: dict[tuple[int, int, int], tuple[str, ...]] = {}


def _right_edge(verb: Any, anchors: frozenset[str]) -> int:
    """The end of a clause, short of a coordinated need ("to be safe | and needs X");
    ``anchors`` are the words of a need ("needs", "requires")."""
    end = verb.i
    kids = _kids(verb)
    coordinated = None  # whether a need is coordinated with the verb, read when asked
    for child in kids:
        if child.i < verb.i:
            continue
        dep = child.dep_
        if dep == "conj" and child.lower_ in anchors:
            break
        if dep == "cc":
            if coordinated is None:
                coordinated = any(c.dep_ == "conj" and c.lower_ in anchors for c in kids)
            if coordinated:
                continue
        end = max(end, child.right_edge.i)
    return _trim(verb.doc, end)


def _clause_end(verb: Any) -> int:
    """The end of the clause of ``verb``, short of a coordinated clause of its own."""
    end = verb.i
    for child in _kids(verb):
        if child.i < verb.i or child.dep_ == "cc" or (
                child.dep_ == "conj" and any(g.dep_ in SUBJECT_DEPS for g in _kids(child))):
            continue
        end = max(end, child.right_edge.i)
    return end


def _trim(doc: Any, end: int) -> int:
    """The last token index of a span without trailing punctuation."""
    while end > 0 and doc[end].is_punct and doc[end].text not in (")", "'"):
        end -= 1
    return end


def _in_a_name(poss: Any) -> bool:
    """Whether a possessor is part of a name with "'s" in it ("a Women's Aid refuge place",
    "a Clare's Law disclosure", "a Prince's Trust mentor"): a name in capitals, followed
    after its "'s" by another word in capitals that is not the head, or with "a" before
    it. Such a thing is no one's own: "Women's Aid" is an organisation, not women's."""
    if poss.tag_ not in ("NNP", "NNPS"):
        return False
    if any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in _kids(poss)):
        return True
    doc = poss.doc
    after = poss.i + 1
    if after < len(doc) and doc[after].tag_ == "POS":
        after += 1
    return after < len(doc) and doc[after].i != poss.head.i \
        and doc[after].text[:1].isupper() and doc[after].text[1:].islower() \
        and doc[after].dep_ == "compound"



def _np_text(head: Any) -> str:
    """The noun phrase of ``head`` without its determiner, owner and trailing clause (a
    name with "'s" in it stays whole: "Women's Aid refuge place")."""
    start = head.left_edge.i
    doc = head.doc
    while start < head.i and doc[start].dep_ in ("det", "poss", "predet"):
        if doc[start].dep_ == "poss":
            if _in_a_name(doc[start]):
                break
            start = max(start, doc[start].right_edge.i)  # its "'s" too
        start += 1
    end = head.i
    for child in _kids(head):
        if child.i > head.i and child.dep_ in ("prep",) and end == child.i - 1:
            end = _trim(doc, child.right_edge.i)
            break
    return Part.of(doc, start, end + 1).text  # the span's text, without building it



@dataclass(slots=True)
class OutcomeReading:
    """What the reader found in an outcome: its main verb, whose change it is, and whether
    it names a service or output ("service"), no observable change ("vague") or a change
    someone could see ("specific"), with the reason."""

    verb: str
    holder: Part | None
    span: Part
    category: Literal["service", "vague", "specific"]
    reason: str
    measured: bool

    def to_dict(self) -> dict[str, Any]:
        return {"verb": self.verb, "holder": None if self.holder is None else
                {"text": self.holder.text, "start": self.holder.start_char,
                 "end": self.holder.end_char},
                "category": self.category, "reason": self.reason, "measured": self.measured}


@dataclass(slots=True)
class WorkReading:
    """What the reader found in a work item: who does it (``owner``; None when no one is
    named, ``owner_known`` False when the parse cannot tell), the action verb, and whether
    the action is one no one could check happened ("support", "monitor", no verb at all)."""

    owner: Part | None
    owner_known: bool
    action: str | None
    vague_action: bool
    reason: str
    span: Part


@dataclass(slots=True)
class SeriousnessReading:
    """A consequence written as a risk to the agency ("the department will be
    criticised") rather than what will happen to the child, or (``kind`` "vague") a risk
    graded with nothing said of what it is ("Ava is at risk of significant harm"): the
    clause and why."""

    span: Part
    reason: str
    kind: str = "agency-risk"



def _stems(stem: str, suffix: str) -> set[str]:
    """The verbs a derived noun's stem may come from: guid(ance) -> guide, referr(al) ->
    refer, medi(ation) -> mediate, mediat(or) -> mediate."""
    out = {stem, stem + "e"}
    if len(stem) > 2 and stem[-1] == stem[-2]:
        out.add(stem[:-1])
    if suffix.endswith("ation") or (suffix == "ion" and stem.endswith("at")):
        out.add(stem + "ate")
    return out


def _bare(head: Any) -> bool:
    """True when nothing follows the noun phrase in its sentence but punctuation: a role
    or a provider named with nothing said about what for ("a named person." but not "a
    named adult at school she can go to when she feels panicky")."""
    end = head.right_edge.i + 1
    return all(t.is_punct for t in head.doc[end:sent_end(head)])


def _namelike(token: Any) -> bool:
    """A token that can be a plan-style holder: a noun or pronoun, or a capitalised word
    the tagger took for something else ("Leah to achieve ...": "Leah" read as UH)."""
    return token.tag_.startswith(("NN", "PRP")) or (
        token.is_title and token.tag_ in ("UH", "JJ", "RB", "VB", "VBP", "FW"))



#: Tags of words that open a relative or question clause ("whose mum drinks", "when Dad
#: drinks"): a clause they open says something about its people, it holds no need.
_WH_TAGS = frozenset({"WDT", "WP", "WP$", "WRB"})
#: Marks that close a clause set before the main one ("In case Mum relapses, ...").
_CHUNK_BREAKS = frozenset({",", ";", ":", "-", "\u2013", "\u2014", "(", ")"})


def _opens_subordinate(token: Any) -> bool:
    """True when ``token`` opens a subordinate clause or an adverbial: a subordinating
    word ("because", "if", "in case": tagged IN, or the parse's mark) or a wh-word
    ("when", "whose", "who")."""
    return token.tag_ in _WH_TAGS or token.tag_ == "IN" or token.dep_ == "mark"


def _in_subordinate(subject: Any, verb: Any) -> bool:
    """True when ``subject`` sits in a clause of its own before ``verb``, not in the
    verb's own clause: its words include a wh-word or a subordinating mark ("Leo whose
    mum drinks": the parse took "mum drinks" for the subject), or a comma closes the
    stretch it stands in before the verb and that stretch opens with a subordinating or
    wh-word ("In case Mum relapses, Leo needs ...", "Leo, whose mum works nights, ...")."""
    doc = subject.doc
    rows = _rows(doc)  # ORTH 1, DEP 4, TAG 5: no span or Token built for the scans
    wh_tags, mark, breaks = _subordinate_ids(doc.vocab.strings)
    left = subject.left_edge.i
    if any(rows[j][5] in wh_tags or rows[j][4] == mark for j in range(left, subject.i)):
        return True
    if subject.i > verb.i:
        return False
    if not any(rows[j][1] in breaks for j in range(subject.i + 1, verb.i)):
        return False
    start = left
    sentence_start = sent_start(subject)
    while start > sentence_start and rows[start - 1][1] not in breaks:
        start -= 1
    return _opens_subordinate(doc[start])


#: Tags of a finite verb: one read as a subject is a clause the parse swallowed ("If Mum
#: relapses Leo needs ...": "relapses" as the subject of "needs").
_FINITE_TAGS = frozenset({"VBZ", "VBD", "VBP", "MD"})


def _stranded_subject(verb: Any) -> Any:
    """The subject of ``verb`` that the parse hung on a clause set before it with no comma
    ("If Mum relapses Leo needs ...", "Since Mum left Ari needs ...": "Leo" and "Ari" read
    as objects of the earlier verb), else None.

    Why by shape: the sentence opens with a subordinating word, and the noun standing
    straight before the verb (past its own "will", "not", "also") ends that opening clause
    while belonging to a different verb: a clause's last object never stands next to the
    main verb with nothing between, so it is the main clause's subject."""
    doc = verb.doc
    opening = doc[verb.sent.start]
    if opening.i >= verb.i or not _opens_subordinate(opening):
        return None
    j = verb.i - 1
    while j > opening.i and doc[j].head.i == verb.i and doc[j].dep_ in ("aux", "neg",
                                                                        "advmod"):
        j -= 1
    word = doc[j]
    if j <= opening.i + 1 or word.head.i == verb.i or not word.tag_.startswith(
            ("NN", "PRP")) or word.tag_ == "PRP$" or word.dep_ not in (
            "dobj", "npadvmod", "pobj", "dep", "appos", "attr", "oprd", "compound"):
        return None
    if word.head.i > verb.i or (not word.head.tag_.startswith("VB") and \
            word.dep_ != "compound"):
        return None
    return word
# (string store, ids of _WH_TAGS, of "mark", of _CHUNK_BREAKS), for the store last used
_subordinate_held: tuple[Any, frozenset[int], int, frozenset[int]] = (
    None, frozenset(), 0, frozenset())


def _subordinate_ids(strings: Any) -> tuple[frozenset[int], int, frozenset[int]]:
    """The string ids ``_in_subordinate`` compares the rows with: its tags, its
    dependency label and its breaks, as ids once per string store."""
    global _subordinate_held
    held = _subordinate_held
    if held[0] is not strings:
        held = _subordinate_held = (
            strings, frozenset(strings.add(t) for t in _WH_TAGS), strings.add("mark"),
            frozenset(strings.add(b) for b in _CHUNK_BREAKS))
    return held[1], held[2], held[3]


def clause_subject(verb: Any) -> Any:
    """The subject of ``verb``'s own clause: who holds a need or a change.

    Why by structure: the parse sometimes hangs the subject of a clause set before the
    main one on the main verb ("In case Mum relapses, Leo needs counselling": both
    "relapses" and "Leo" as subjects of "needs"), or reads the holder as a modifier of the
    verb ("Because her brother was excluded, Amy needs ...": "Amy" a compound). The holder
    is never a noun inside an adverbial, conditional, relative or temporal clause; of the
    subjects left, the one nearest the verb is its own. With none, a name or person word
    standing straight before the verb that the parse hung on it is read as the subject."""
    subjects = [c for c in _kids(verb) if c.dep_ in SUBJECT_DEPS
                and c.tag_ not in _FINITE_TAGS]  # a finite verb is a clause misread
    if len(subjects) == 1 and not _in_subordinate(subjects[0], verb):
        return subjects[0]  # the one subject, in the verb's own clause (most statements)
    if len(subjects) <= 1:
        stranded = _stranded_subject(verb)
        if stranded is not None:
            return stranded
    own = [c for c in subjects if not _in_subordinate(c, verb)]
    before = [c for c in own if c.i < verb.i]
    if before:
        return before[-1]
    if own:
        return own[0]
    head = verb.head
    if subjects and verb.dep_ in ("relcl", "acl") and head.i < verb.i \
            and head.tag_ in ("NNP", "NNPS") and head.i == sent_start(verb):
        # "Pello whose mum drinks needs counselling": the parse read the need as a clause
        # on the name, and the clause of "whose" as its subject; the name holds the need
        return head
    start = sent_start(verb)
    named = [c for c in _kids(verb) if c.i < verb.i and c.dep_ in (
        "compound", "npadvmod", "nmod", "dep") and (
        c.tag_ in ("NNP", "NNPS", "PRP") or (c.is_title and c.i != start))
        and not _in_subordinate(c, verb)]
    return named[-1] if named else None


#: Words that open a noun phrase and take no capital inside a sentence: articles,
#: demonstratives and possessive determiners (a closed class of English, not a word list
#: of the framework's).
DETERMINERS = frozenset({"the", "a", "an", "this", "that", "these", "those", "my", "your",
                         "his", "her", "its", "our", "their", "each", "every", "some",
                         "any", "both", "all"})


def within_sentence(phrase: str) -> str:
    """A noun phrase as it reads inside a sentence: "The school" opening a statement is
    "the school" in "says what the school will do", "Her mum" is "her mum"; a name
    ("Ofsted", "Mum", "Leo's nan") keeps its capital.

    Why one helper: the coach quotes holders ("what would the school ...") and the
    seriousness reader quotes agencies ("the risk is to the council"), both from the
    start of a statement, where a determiner wears the sentence's capital."""
    first, space, rest = phrase.partition(" ")
    if space and rest and first.lower() in DETERMINERS and first[:1].isupper():
        return first.lower() + space + rest
    return phrase


#: Verbs whose subject holds the need they name as object: "Leo has a need for ...",
#: "Mum shows a need for ...". Grammar, not content: an agent who identifies, assesses,
#: sees or meets a need ("The school identified a need for ...") is not its holder.
_HOLDING_VERBS = frozenset({"have", "show", "display", "express"})


def holder_part(doc: Any, subject: Any) -> Part:
    """A holder's words as every reader reads them: from the subject's left edge, or the
    head alone when a long modifier comes before it (more than five words). The needs
    of someone ("Kayden's emotional needs to be met") are held by that someone."""
    if subject.lower_ in ("need", "needs"):
        owner = next((c for c in subject.children if c.dep_ == "poss"), None)
        if owner is not None:
            subject = owner
    start = subject.left_edge.i
    if subject.i - start > 5:
        start = subject.i
    return Part.of(doc, start, subject.i + 1)


def passive_need(verb: Any, anchors: Any) -> bool:
    """True for a need word in the passive with its subject ("Support is needed", "More
    help is required for Mum"): the subject is what is needed, not who needs it."""
    return verb.tag_ == "VBN" and verb.lower_ in anchors and any(
        c.dep_ == "nsubjpass" for c in verb.children)


def needed_for(verb: Any) -> Any:
    """Whom a passive need is for ("... is needed for Mum": Mum), else None."""
    whom = [g for c in verb.children if c.dep_ == "prep" and c.lower_ == "for"
            for g in c.children if g.dep_ == "pobj"]
    return whom[0] if len(whom) == 1 else None


def need_noun_holder(noun: Any) -> Any:
    """The token heading the holder a need noun names itself, else None: the subject of
    its "for ... to" clause ("a need for Leo to have a mentor"), the one "in need of" it
    ("a child in need of ..."), its possessor ("Leo's need for ...") or who has or shows
    it ("Leo has a need for ...").

    Why here: the need reader and the finding's context both ask who holds a need noun;
    one reading keeps them from disagreeing (the school that identified a need was read as
    its holder by one and not the other)."""
    for child in _kids(noun):
        if child.dep_ in ("advcl", "acl", "relcl", "ccomp") and any(
                c.dep_ == "mark" and c.lower_ == "for" for c in _kids(child)):
            subject = next((c for c in _kids(child) if c.dep_ in SUBJECT_DEPS
                            and c.i < child.i), None)
            if subject is not None:
                return subject
    if not noun.tag_.startswith("NN") or any(
            c.dep_ in ("xcomp", "dobj", "ccomp") for c in _kids(noun)):
        # a verb the tagger read as a noun ("Pia's mum needs to be safe": "needs" with
        # "Pia" as its possessor): its holder is its subject, read as a verb's
        return None
    head = noun.head
    if noun.dep_ == "pobj" and head.lower_ == "in" and head.head.i != head.i and \
            head.head.tag_.startswith(("NN", "PRP")):
        return head.head  # "Child in need of X"
    poss = next((c for c in _kids(noun) if c.dep_ == "poss"), None)
    if poss is not None:
        if any(c.dep_ == "compound" and poss.i < c.i < noun.i and c.tag_.startswith("NN")
               for c in _kids(noun)):
            # "Hana's mum needs respite" read as a noun "needs" with "Hana" its possessor
            # and "mum" a compound: the possessor is the mum's, not the need's
            return None
        return poss
    if noun.dep_ in ("dobj", "attr") and lemma(head) in _HOLDING_VERBS:
        verb = head
        for _ in range(3):
            subject = clause_subject(verb)
            if subject is not None:
                if subject.lower_ in ("it", "there", "which", "that", "who"):
                    return None
                return subject
            if verb.dep_ in ("conj", "xcomp", "aux") and verb.head.i != verb.i:
                verb = verb.head
            else:
                break
    return None
