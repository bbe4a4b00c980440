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
"a place at X", a provision modifier (weekly, 1:1), and the verb that governs the noun.

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

import threading
from collections.abc import Collection
from dataclasses import dataclass, field, replace
from typing import Any, Literal

Category = Literal["universal", "service", "assessment", "specific", "unknown"]
Form = Literal["needs", "requires", "would benefit from", "a need for", "for ... to",
               "plan-style", "is needed", "fragment"]
WhatKind = Literal["clause", "phrase"]

#: Categories that are faults at the need stage (the coach's scored kinds).
FAULTS = ("universal", "service", "assessment")

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
}


#: Verb lemmas the word classes name; the light lemmatizer prefers these spellings
#: ("placed" -> "place", "referred" -> "refer"). Filled as readers are built.
KNOWN_VERBS: set[str] = {"be", "have", "do", "go", "see", "get", "make", "take", "use",
                         "refer", "place", "promote", "diagnose", "engage", "manage"}


# Per-thread caches for the last document read (the app reads in worker threads).
_local = threading.local()


def _kids(token: Any) -> list[Any]:
    """``token.children`` as a list, made once per token of the last document read:
    the reader asks for the same token's children many times, and spaCy builds new
    Token objects on every walk."""
    doc = token.doc
    if getattr(_local, "kids_doc", None) is not doc:
        _local.kids_doc = doc
        _local.kids = {}
    kids = _local.kids.get(token.i)
    if kids is None:
        kids = _local.kids[token.i] = list(token.children)
    return kids


def _doc_text(doc: Any) -> str:
    """``doc.text``, computed once per document (spaCy rebuilds it on every access)."""
    if getattr(_local, "text_doc", None) is not doc:
        _local.text_doc, _local.text = doc, doc.text
    return _local.text


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
        first, last = doc[start], doc[end - 1]
        start_char, end_char = first.idx, last.idx + len(last.text)
        return cls(_doc_text(doc)[start_char:end_char], start, end, start_char, end_char)


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
    # The tokens read (None without a parse); kept for callers that walk the tree.
    verb_token: Any = field(default=None, repr=False, compare=False)
    head_token: Any = field(default=None, repr=False, compare=False)
    own_subject: Any = field(default=None, repr=False, compare=False)

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


def lemma(token: Any) -> str:
    """A lower-case lemma from the token's own lemma, else from its tag and spelling.

    The coach's pipeline leaves the lemmatizer out for speed; the reader only compares
    lemmas with its word classes, so a light rule-based lemma is enough.
    """
    own = token.lemma_
    if own and own != token.text:
        return own.lower()
    low = token.lower_
    if low in IRREGULAR:
        return IRREGULAR[low]
    tag = token.tag_
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
    if tag == "VBG" and low.endswith("ing") and len(low) > 5:
        stem = low[:-3]
        for candidate in (stem[:-1] if stem[-1] == stem[-2] else stem, stem + "e", stem):
            if candidate in KNOWN_VERBS:
                return candidate
        if len(stem) > 2 and stem[-1] == stem[-2] and stem[-1] not in "ls":
            return stem[:-1]
        return stem
    return low


def lemma_forms(token: Any) -> tuple[str, ...]:
    """The lemma and its close spellings (placed -> plac, place), for class membership."""
    base = lemma(token)
    low = token.lower_
    forms = [base, low]
    if base.endswith("e"):
        forms.append(base[:-1])
    else:
        forms.append(base + "e")
    return tuple(forms)


class StructureReader:
    """Reads need statements with word classes from ``framework/wording/structure.yml``."""

    def __init__(self, lexicons: dict[str, list[str]]) -> None:
        def words(name: str) -> frozenset[str]:
            return frozenset(w.lower() for w in lexicons.get(name, ()))

        self.need_words = words("shape_need_word")  # need, needs, needed, needing
        self.require_words = words("shape_require_word")
        self.anchor_words = self.need_words | self.require_words
        self.aspect_verb = words("shape_aspect_verb")
        self.direct_verb = words("shape_direct_verb")
        self.negators = words("shape_negator")
        self.service_head = words("shape_service_head")
        self.professional_suffix = tuple(sorted(words("shape_professional_suffix"),
                                                key=len, reverse=True))
        self.not_professional = words("shape_not_professional")
        self.weak_service_head = words("shape_weak_service_head")
        self.help_noun = words("shape_help_noun")
        self.measure_noun = words("shape_measure_noun")
        self.access_noun = words("shape_access_noun")
        self.adaptation_passive = words("shape_adaptation_passive")
        self.change_verb = words("shape_change_verb")
        self.output_verb = words("shape_output_verb")
        self.outcome_passive = words("shape_outcome_passive")
        self.vague_action = words("shape_vague_action")
        self.responsible_noun = words("shape_responsible_noun")
        self.thing_noun = words("shape_thing_noun")
        self.agency_noun = words("shape_agency_noun")
        self.agency_thing = words("shape_agency_thing")
        self.agency_harm = words("shape_agency_harm")
        self.abstract_noun = words("shape_abstract_noun")
        self.abstract_mod = words("shape_abstract_mod")
        self.provision_mod = words("shape_provision_mod")
        self.place_noun = words("shape_place_noun")
        self.service_verb = words("shape_service_verb")
        self.service_passive = words("shape_service_passive")
        self.assessment_head = words("shape_assessment_head")
        self.assessment_passive = words("shape_assessment_passive")
        self.not_acronym = words("shape_not_service_acronym")
        self.universal_adj = words("shape_universal_adj")
        self.universal_passive = words("shape_universal_passive")
        self.universal_verb = words("shape_universal_verb")
        self.goal_verb = words("shape_goal_verb")
        self.universal_noun = words("shape_universal_noun")
        self.home_noun = words("shape_home_noun")
        self.evaluative_adj = words("shape_evaluative_adj")
        self.person_head = words("shape_person_head")
        self.personal_verb = words("shape_personal_verb")
        self.generic_place = words("shape_generic_place")
        self.direction_verb = words("shape_direction_verb")
        self.change_noun = words("shape_change_noun")
        self.evidence_verb = words("shape_evidence_verb")
        self.mental_verb = words("shape_mental_verb")
        self.provided_thing = words("shape_provided_thing")
        self.observe_verb = words("shape_observe_verb")
        self.time_noun = words("shape_time_noun")
        self.time_prep = words("shape_time_prep")
        self.insight_verb = words("shape_insight_verb")
        self.bond_suffix = tuple(words("shape_bond_suffix"))
        self.light_verb = words("shape_light_verb")
        self.nominal_suffix = tuple(sorted(words("shape_nominal_suffix"), key=len,
                                           reverse=True))
        self.provider_verb = words("shape_provider_verb")
        self.action_suffix = tuple(sorted(words("shape_action_suffix"), key=len, reverse=True))
        self.agent_suffix = tuple(sorted(words("shape_agent_suffix"), key=len, reverse=True))
        self.role_mod = words("shape_role_mod")
        self.role_person = words("shape_role_person")
        self.honorific = words("shape_honorific")
        self.formal_need_mod = words("shape_formal_need_mod")
        self.report_word = words("shape_report_word")
        self.provider_mod = words("shape_provider_mod")
        self._ids: tuple[Any, ...] | None = None
        KNOWN_VERBS.update(self.service_verb, self.service_passive, self.assessment_passive,
                           self.universal_passive, self.universal_verb, self.goal_verb,
                           self.personal_verb, self.direction_verb, self.evidence_verb,
                           self.mental_verb)

    @classmethod
    def from_content(cls, content: Any = None) -> StructureReader:
        from assistant.wording.rules import RuleSet

        return cls(RuleSet.load(content).lexicons)

    # ----------------------------------------------------------------- public API
    def read_need(self, doc: Any) -> NeedReading | None:
        """The main need in ``doc``: the first one not negated, else the first, else None."""
        readings = self.read_needs(doc)
        for reading in readings:
            if not reading.negated:
                return reading
        return readings[0] if readings else None

    def read_needs(self, doc: Any, skip: frozenset[int] | set[int] = frozenset()
                   ) -> list[NeedReading]:
        """Every need predicate in ``doc``, in order, each read and judged; predicates on
        the token indices in ``skip`` are passed over (the coach skips those a word rule
        has already judged, to keep a check fast)."""
        if not len(doc):
            return []
        if not doc.has_annotation("DEP"):
            return self._read_words(doc)
        # The coach reads a statement once for its findings and again for what it says
        # when it flags nothing: the last document's readings are kept (per thread), for
        # this reader only (the audit's reader reads the same document once lemmas are
        # added, and the reader prefers a real lemma to its own).
        key = (id(self), frozenset(skip))
        last = getattr(_local, "needs", None)
        if last is not None and last[0] is doc and last[1] == key:
            return list(last[2])
        readings = self._read_needs(doc, skip)
        _local.needs = (doc, key, readings)
        return list(readings)

    def _read_needs(self, doc: Any, skip: frozenset[int] | set[int]) -> list[NeedReading]:
        readings: list[NeedReading] = []
        seen: set[int] = set()
        skipped = False
        for i in self._candidates(doc):
            if i in skip:
                skipped = True
                if any(t.dep_ == "cc" for t in doc[i + 1:]):
                    # A word rule judged this need; a noun coordinated with it may be a
                    # fault of another kind ("an assessment and a TAC meeting").
                    reading = self._predicate(doc, doc[i])
                    if reading is not None and reading.predicate.start not in seen:
                        seen.add(reading.predicate.start)
                        self._judge(doc, reading)
                        readings.extend(r for r in self._coordinated(doc, reading)
                                        if r.span is None or not any(
                                            j in skip for j in range(r.span.start,
                                                                     r.span.end)))
                continue
            reading = self._predicate(doc, doc[i])
            if reading is None or reading.predicate.start in seen:
                continue
            seen.add(reading.predicate.start)
            if self._reported(doc[i]):
                continue  # what someone knows or believes, not a need the plan states
            self._judge(doc, reading)
            readings.append(reading)
            readings.extend(self._coordinated(doc, reading))
        if not readings and not skipped:
            fragment = self._fragment(doc)
            if fragment is not None:
                if fragment.category == "unknown":
                    self._judge(doc, fragment)
                readings.append(fragment)
        return readings

    def _candidates(self, doc: Any) -> list[int]:
        """Token indices that may carry a need predicate, found on arrays so the per-token
        Python work stays small: need/require/benefit words, and base-form verbs with an
        infinitive "to" as their child ("Jordan to attend ...", "For Mum to be ...")."""
        from spacy.attrs import HEAD, LOWER, TAG

        strings = doc.vocab.strings
        if self._ids is None or self._ids[0] is not strings:
            self._ids = (strings,
                         frozenset(strings.add(w) for w in self.anchor_words
                                   | {"benefit", "benefits", "benefited", "benefitted"}),
                         strings.add("TO"), frozenset({strings.add("VB"), strings.add("VBN")}))
        _, words, to_tag, verb_tags = self._ids
        rows = doc.to_array([LOWER, TAG]).tolist()
        heads = doc.to_array(HEAD).astype("int64").tolist()  # relative, may be negative
        out: set[int] = set()
        for i, (low, tag) in enumerate(rows):
            if low in words:
                out.add(i)
            elif tag == to_tag and heads[i]:
                target = i + heads[i]
                if 0 <= target < len(rows) and rows[target][1] in verb_tags:
                    out.add(target)
        return sorted(out)

    def _fragment(self, doc: Any) -> NeedReading | None:
        """A need written without a predicate, as plans list them: "Adequate and
        nutritious diet.", "Regular dental care.", "To ensure Ava is safe.", "Physically
        healthy.", "Registered with a Children Centre." The root is what is needed."""
        sent = next(iter(doc.sents))
        root = sent.root
        first = sent.start
        while first < root.i and doc[first].is_punct:
            first += 1
        tag = root.tag_
        reading = NeedReading(form="fragment", predicate=Part.of(doc, first, first))
        if tag.startswith("NN"):
            self._phrase(doc, root, reading)
        elif tag == "JJ" or (tag == "VBN" and root.lower_ in self.universal_adj):
            reading.what = "clause"
            reading.verb = "be"
            reading.what_part = reading.span = Part.of(
                doc, root.left_edge.i, _trim(doc, root.right_edge.i) + 1)
            if root.lower_ in self.universal_adj and not self._specific_extras(root):
                reading.category = "universal"
                reading.reason = f"\"{root.text}\" is an aim every child shares"
            else:
                reading.category = "specific"
                reading.reason = f"says how the person should be: \"{root.text}\""
            return reading
        elif tag in ("VB", "VBG", "VBN", "VBP") and root.i <= first + 1 and not any(
                c.dep_ in SUBJECT_DEPS for c in _kids(root)):
            self._clause(doc, root, reading)
            if tag == "VBN" and not any(c.dep_ == "aux" for c in _kids(root)):
                reading.passive = True  # "Registered with a Children Centre"
        elif tag.startswith("VB") and any(c.dep_ == "nsubj" for c in _kids(root)):
            # "Isla is not reaching her educational potential": a need described as a
            # state; only an aim is judged here (a description is not a service).
            subject = next(c for c in _kids(root) if c.dep_ == "nsubj")
            reading.holder = self._part(doc, subject)
            reading.predicate = Part.of(doc, subject.left_edge.i, subject.left_edge.i)
            self._clause(doc, root, reading)
            self._judge(doc, reading)
            if reading.category != "universal":
                return None
        else:
            return None
        return reading

    # ----------------------------------------------------------- finding predicates
    def _predicate(self, doc: Any, token: Any) -> NeedReading | None:
        low = token.lower_
        tag = token.tag_
        if (low in self.need_words or low in self.require_words) and (
                tag.startswith("VB") or tag == "MD" or any(
                    c.dep_ in ("xcomp", "dobj", "nsubj", "ccomp") for c in _kids(token))):
            # The tagger sometimes reads "Jordan's mum needs to ..." as a noun "needs";
            # a verb's dependents say it is the verb.
            form: Form = "requires" if low in self.require_words else "needs"
            if tag == "VBG" and token.dep_ in ("acl", "amod", "relcl") and any(
                    c.dep_ in ("dobj", "xcomp") for c in _kids(token)):
                # "Children requiring additional educational support"
                reading = NeedReading(form=form, predicate=Part.of(doc, token.i, token.i + 1))
                self._verb_need(doc, token, reading)
                reading.holder = self._part(doc, token.head)
                return reading if reading.what else None
            if token.dep_ in ("amod", "acl") or (tag == "VBN" and any(
                    c.dep_ == "auxpass" for c in _kids(token))):
                form = "is needed"
            reading = NeedReading(form=form, predicate=Part.of(doc, token.i, token.i + 1))
            self._verb_need(doc, token, reading)
            return reading if reading.what else None
        if low in ("need", "needs") and tag.startswith("NN"):
            reading = NeedReading(form="a need for", predicate=Part.of(doc, token.i, token.i + 1))
            self._noun_need(doc, token, reading)
            return reading if reading.what else None
        if low in ("benefit", "benefits", "benefitted", "benefited") and tag.startswith("VB"):
            source = next((c for c in _kids(token)
                           if c.dep_ == "prep" and c.lower_ == "from"), None)
            if source is None:
                return None
            start = token.i
            if token.i and doc[token.i - 1].tag_ == "MD":
                start = token.i - 1
            reading = NeedReading(form="would benefit from",
                                  predicate=Part.of(doc, start, token.i + 1))
            reading.holder = self._subject(doc, token)
            self._from_prep(doc, source, reading)
            reading.negated = self._negated(doc, token)
            return reading if reading.what else None
        if tag in ("VB", "VBN") and any(c.dep_ == "aux" and c.tag_ == "TO"
                                        for c in _kids(token)):
            mark = next((c for c in _kids(token)
                         if c.dep_ == "mark" and c.lower_ == "for"), None)
            to = next(c for c in _kids(token) if c.dep_ == "aux" and c.tag_ == "TO")
            subject = next((c for c in _kids(token) if c.dep_ in SUBJECT_DEPS or (
                c.dep_ in ("npadvmod", "dep", "nmod", "advmod", "intj") and c.i < to.i
                and _namelike(c))), None)
            if subject is None and token.dep_ in ("relcl", "acl", "advcl") and \
                    token.head.dep_ == "ROOT" and _namelike(token.head) and \
                    token.head.i == to.i - 1 and \
                    token.head.left_edge.i == token.sent.start:
                subject = token.head  # "Mum to engage with X": parsed as a noun phrase
                form = "plan-style"
                reading = NeedReading(form=form, predicate=Part.of(doc, to.i, token.i))
                reading.holder = self._part(doc, subject)
                self._clause(doc, token, reading)
                reading.negated = self._negated(doc, token)
                return reading
            if subject is None:
                return None
            if mark is not None and mark.i == token.sent.start:
                form = "for ... to"
                start = mark.i
            elif token.dep_ == "ROOT" and not any(
                    t.tag_ in ("VBZ", "VBD", "VBP", "MD") and t.i < token.i
                    for t in token.sent):
                form = "plan-style"
                start = to.i
            else:
                return None
            reading = NeedReading(form=form, predicate=Part.of(doc, start, token.i))
            reading.holder = self._part(doc, subject)
            self._clause(doc, token, reading)
            reading.negated = self._negated(doc, token)
            return reading
        return None

    def _verb_need(self, doc: Any, verb: Any, reading: NeedReading) -> None:
        reading.negated = self._negated(doc, verb)
        if reading.form == "is needed":
            target = next((c for c in _kids(verb) if c.dep_ == "nsubjpass"), None)
            if target is None and verb.dep_ in ("amod", "acl"):
                target = verb.head
            if target is not None:
                self._phrase(doc, target, reading)
            return
        reading.holder = self._subject(doc, verb)
        obj = next((c for c in _kids(verb) if c.dep_ in ("dobj", "attr", "obj", "oprd")),
                   None)

        def infinitive(c: Any) -> bool:
            return any(g.dep_ == "aux" and g.tag_ == "TO" for g in _kids(c))

        clause = next((c for c in _kids(verb) if c.i > verb.i and c.tag_.startswith("VB")
                       and (c.dep_ in ("xcomp", "ccomp") or (
                           c.dep_ == "advcl" and obj is not None and obj.i < c.i
                           and infinitive(c)))), None)
        if clause is not None and obj is not None and obj.i < clause.i:
            own_subject = next((c for c in _kids(clause) if c.dep_ in SUBJECT_DEPS), None)
            if infinitive(clause) and own_subject is None and (
                    clause.dep_ != "advcl" or self._animate(obj) or self._quality(obj)):
                # "needs his social worker to explain...", "needs his needs to be met":
                # the object is the subject of what is needed.
                self._clause(doc, clause, reading, obj)
                return
            clause = None
        if clause is not None and clause.dep_ == "advcl":
            clause = None  # "needs adaptations | to access the curriculum": a purpose
        if clause is not None and clause.tag_ == "VBG" and obj is None and not any(
                c.dep_ in ("aux", "auxpass", "nsubj") for c in _kids(clause)):
            # "needs leaving care support", "needs learning support": a bare -ing word
            # with an object after a need verb is a modifier of that noun, not a clause
            # (a person does not "need leaving"); read the noun as what is needed.
            noun = next((c for c in _kids(clause) if c.dep_ == "dobj"
                         and c.tag_.startswith("NN")), None)
            if noun is not None:
                self._phrase(doc, noun, reading)
                return
        if clause is not None:
            own_subject = next((c for c in _kids(clause) if c.dep_ in SUBJECT_DEPS), None)
            self._clause(doc, clause, reading, own_subject)
        elif obj is not None:
            # "needs her health needs to be met", "needs his hearing checked": the object
            # is the subject of a passive.
            passive = next((c for c in _kids(obj) if c.dep_ in ("xcomp", "acl", "relcl",
                                                                  "amod")
                            and c.tag_ in ("VBN", "VBD") and c.i > obj.i), None)
            if passive is None:
                # "needs his behaviour to improve": a quality as the subject of a change
                change = next((c for c in _kids(obj) if c.dep_ in ("acl", "relcl")
                               and c.tag_ == "VB" and c.i > obj.i and infinitive(c)), None)
                if change is not None and self._quality(obj, ignore=change.i):
                    passive = change
            if passive is not None:
                self._clause(doc, passive, reading, obj)
            else:
                self._phrase(doc, obj, reading)

    def _noun_need(self, doc: Any, noun: Any, reading: NeedReading) -> None:
        head = noun.head
        if noun.dep_ in ("dobj", "attr") and lemma(head) in ("have", "be", "show", "identify"):
            reading.holder = self._subject(doc, head)
            if head.lower_ in ("is", "be", "are", "was") and reading.holder and \
                    doc[reading.holder.start].lower_ == "there":
                reading.holder = None
        poss = next((c for c in _kids(noun) if c.dep_ == "poss"), None)
        if poss is not None:
            reading.holder = self._part(doc, poss)
        reading.negated = any(c.dep_ == "neg" or c.lower_ == "no" for c in _kids(noun))
        if noun.dep_ == "pobj" and noun.head.lower_ == "in" and \
                noun.head.head.tag_.startswith(("NN", "PRP")):
            reading.holder = self._part(doc, noun.head.head)  # "Child in need of X"
        for child in _kids(noun):
            if child.dep_ == "prep" and child.lower_ in ("for", "of"):
                self._from_prep(doc, child, reading)
                return
            if child.dep_ in ("advcl", "acl", "relcl") and child.tag_ == "VB" and any(
                    c.dep_ == "mark" and c.lower_ == "for" for c in _kids(child)):
                subject = next((c for c in _kids(child) if c.dep_ in SUBJECT_DEPS), None)
                if subject is not None:
                    reading.holder = self._part(doc, subject)
                self._clause(doc, child, reading)
                return
            if child.dep_ in ("acl", "relcl") and child.tag_ == "VB":
                self._clause(doc, child, reading)
                return

    def _from_prep(self, doc: Any, prep: Any, reading: NeedReading) -> None:
        obj = next((c for c in _kids(prep) if c.dep_ in ("pobj", "pcomp")), None)
        if obj is None:
            return
        if obj.tag_ == "VBG" or obj.dep_ == "pcomp":
            self._clause(doc, obj, reading)
        else:
            self._phrase(doc, obj, reading)

    def _subject(self, doc: Any, verb: Any) -> Part | None:
        node = verb
        for _ in range(4):
            subject = next((c for c in _kids(node) if c.dep_ in SUBJECT_DEPS), None)
            if subject is not None:
                if subject.lower_ in ("it", "there", "which", "that", "who"):
                    return None
                return self._part(doc, subject)
            if node.dep_ in ("conj", "xcomp", "ccomp", "aux") and node.head.i != node.i:
                node = node.head
            else:
                break
        # A mis-tagged "needs" carries its subject as compound/possessive children.
        left = [c for c in _kids(verb) if c.i < verb.i and c.dep_ in (
            "compound", "poss", "nmod", "amod", "det") and c.tag_ != "PRP$"]
        if not verb.tag_.startswith("VB") and left and any(
                c.tag_.startswith(("NN", "PRP")) for c in left):
            start = min(c.left_edge.i for c in left)
            return Part.of(doc, start, verb.i)
        return None

    @staticmethod
    def _part(doc: Any, subject: Any) -> Part:
        start = subject.left_edge.i
        if subject.i - start > 5:
            start = subject.i
        return Part.of(doc, start, subject.i + 1)

    def _negated(self, doc: Any, verb: Any) -> bool:
        if any(c.dep_ == "neg" for c in _kids(verb)):
            return True
        for j in range(verb.i - 1, max(-1, verb.i - 4), -1):
            low = doc[j].lower_
            if low in (".", "!", "?", ";"):
                return False
            if low in self.negators:
                return True
        return False

    # ---------------------------------------------------------- what is needed
    def _clause(self, doc: Any, verb: Any, reading: NeedReading, own_subject: Any = None
                ) -> None:
        reading.what = "clause"
        # A mis-tagged subject ("her wellbeing to be promoted" read as a verb "wellbeing").
        if verb.tag_ in ("VBG", "NN") and not any(
                c.dep_ == "aux" for c in _kids(verb)):
            passive = next((c for c in _kids(verb) if c.dep_ == "xcomp"
                            and c.tag_ == "VBN"), None)
            if passive is not None:
                own_subject, verb = verb, passive
        # "to be able to X": judge X. "to be helped/supported to X": judge X too.
        for _ in range(3):
            adjective = next((c for c in _kids(verb) if c.dep_ == "acomp"
                              and c.lower_ in ("able", "unable")), None)
            inner = None
            if adjective is not None:
                inner = next((c for c in _kids(adjective) if c.dep_ == "xcomp"), None)
                reading.able = True
            elif lemma(verb) in ("help", "support", "encourage", "enable", "allow",
                                 "teach", "show") and (
                    any(c.dep_ == "auxpass" for c in _kids(verb))):
                inner = next((c for c in _kids(verb) if c.dep_ in ("xcomp", "advcl")
                              and any(g.tag_ == "TO" for g in _kids(c))), None)
                if inner is not None:
                    reading.able = True
            elif lemma(verb) in ("ensure", "guarantee") and own_subject is None:
                inner = next((c for c in _kids(verb) if c.dep_ == "ccomp"), None)
                if inner is not None:  # "to ensure Ava is safe": judge "Ava is safe"
                    own_subject = next((c for c in _kids(inner)
                                        if c.dep_ in SUBJECT_DEPS), None)
            elif lemma(verb) in self.aspect_verb:  # "to continue engaging with X": judge X
                inner = next((c for c in _kids(verb) if c.dep_ == "xcomp"
                              and c.tag_.startswith("VB")), None)
            if inner is None:
                break
            verb = inner
        reading.verb = lemma(verb)
        reading.passive = any(c.dep_ in ("auxpass", "nsubjpass") for c in _kids(verb)) \
            or (verb.tag_ == "VBN" and any(lemma(c) in ("be", "get") and c.dep_ in (
                "aux", "auxpass") for c in _kids(verb))) \
            or (own_subject is not None and verb.tag_ in ("VBN", "VBD") and not any(
                c.dep_ == "aux" for c in _kids(verb))) \
            or (verb.tag_ == "VBG" and verb.dep_ == "xcomp" and verb.head.i == \
                reading.predicate.end - 1 and not _kids(verb))  # "needs rehousing"
        obj = self._object_of(verb)
        if obj is not None:
            reading.verb_object = lemma(obj)
        if own_subject is not None:
            reading.modifiers = [lemma(own_subject)]
        right = _right_edge(verb, self.anchor_words)
        end = max(right, reading.predicate.end - 1)
        reading.what_part = Part.of(doc, verb.left_edge.i if own_subject is None
                                    else own_subject.left_edge.i, right + 1)
        reading.span = Part.of(doc, reading.predicate.start, _trim(doc, end) + 1)
        reading.verb_token = verb
        reading.own_subject = own_subject

    def _object_of(self, verb: Any) -> Any:
        """The verb's object: direct, or through its first preposition ("go to X"; not
        for verbs that take their service directly: "do well in her exams")."""
        for child in _kids(verb):
            if child.dep_ in ("dobj", "attr", "oprd", "obj"):
                following = child.nbor(1) if child.i + 1 < len(child.doc) else None
                if following is not None and following.head.i == verb.i and \
                        following.dep_ == "npadvmod" and following.tag_.startswith("NN"):
                    return following  # "do the Caring Dads | course": a split name
                if not child.tag_.startswith(("NN", "PRP", "CD")) or (
                        child.lower_.endswith("ly") and child.i > verb.i + 1 and any(
                            c.dep_ == "det" for c in child.subtree)):
                    # "attend the Zorblax programme weekly": "weekly" taken as the
                    # object (as an adverb or a noun), the real head left as its compound.
                    nouns = [c for c in _kids(child) if c.dep_ == "compound"
                             and c.tag_.startswith("NN")]
                    if nouns:
                        return nouns[-1]
                return child
        if lemma(verb) in self.direct_verb and not any(c.dep_ == "auxpass" for c in _kids(verb)):
            return None
        for child in _kids(verb):
            if child.dep_ in ("prep", "agent", "dative"):
                for grand in _kids(child):
                    if grand.dep_ == "pobj":
                        return grand
        return None

    def _phrase(self, doc: Any, head: Any, reading: NeedReading) -> None:
        reading.what = "phrase"
        reading.head = lemma(head)
        reading.modifiers = [lemma(c) for c in _kids(head)
                             if c.dep_ not in ("det", "punct", "cc")]
        right = _trim(doc, head.right_edge.i)
        reading.what_part = Part.of(doc, head.left_edge.i, right + 1)
        reading.span = Part.of(doc, reading.predicate.start,
                               max(right, reading.predicate.end - 1) + 1)
        reading.head_token = head

    def _reported(self, token: Any) -> bool:
        """True when the need word sits inside the clause a word of knowing, believing or
        saying governs ("Mum needs to understand that | Jordan needs to feel safe")."""
        node = token
        for _ in range(6):
            if node.head.i == node.i:
                return False
            if node.dep_ in ("ccomp", "acl") and lemma(node.head) in self.report_word and \
                    any(c.dep_ == "mark" or c.tag_ == "EX" for c in node.subtree
                        if c.i < token.i):
                return True
            node = node.head
        return False

    def _coordinated(self, doc: Any, reading: NeedReading) -> list[NeedReading]:
        """Readings for nouns coordinated with what is needed that are faults of another
        kind ("an Early Help Assessment and a TAC meeting": an assessment and a service),
        each covering its own phrase."""
        head = reading.head_token
        if reading.what != "phrase" or head is None or reading.negated:
            return []
        out: list[NeedReading] = []
        kinds = {reading.category}
        for other in head.conjuncts:
            if not other.tag_.startswith("NN") or other.i < head.i:
                continue
            kind, why = self.judge_phrase(other)
            if kind not in FAULTS or kind in kinds:
                continue
            kinds.add(kind)
            part = Part.of(doc, other.left_edge.i, _trim(doc, other.right_edge.i) + 1)
            if reading.span is not None and reading.span.start < other.left_edge.i < \
                    reading.span.end and not out:
                # The first reading covers its own phrase, not the coordinated one.
                cut = other.left_edge.i
                while cut > reading.span.start + 1 and doc[cut - 1].dep_ in ("cc", "punct"):
                    cut -= 1
                reading.span = Part.of(doc, reading.span.start, cut)
            out.append(replace(reading, category=kind, reason=why, head=lemma(other),
                               head_token=other, what_part=part, span=part,
                               modifiers=[lemma(c) for c in _kids(other)
                                          if c.dep_ not in ("det", "punct", "cc")]))
        return out

    # ------------------------------------------------------------------- judging
    def _judge(self, doc: Any, reading: NeedReading) -> None:
        if reading.what == "phrase":
            head = reading.head_token
            need = doc[reading.predicate.end - 1]
            reading.category, reading.reason = self.judge_phrase(
                head, need if need.i < head.i else None)
        elif reading.what == "clause":
            verb = reading.verb_token
            own = reading.own_subject
            reading.category, reading.reason = self.judge_clause(verb, reading, own)
        if reading.category == "universal":
            # "needs stability in who collects him, so he knows who to wait for": what
            # hangs on the need verb itself can make the aim specific.
            need = doc[reading.predicate.end - 1]
            read = [t for t in (reading.verb_token, reading.head_token) if t is not None]
            skip = {c.i for c in _kids(need)
                    if any(c.i == t.i or c.is_ancestor(t) for t in read)}
            if self._specific_extras(need, skip=skip) or self._followed_by_reason(doc, reading):
                reading.category = "specific"
                reading.reason = "an aim made specific by what follows it"

    @staticmethod
    def _followed_by_reason(doc: Any, reading: NeedReading) -> bool:
        """True when a clause of reason, purpose or time follows the need in the same
        sentence though the parse left it unattached ("... to be safe | so they are not
        evicted again")."""
        if reading.span is None:
            return False
        i = reading.span.end
        while i < len(doc) and doc[i].is_punct and doc[i].text not in ".!?;":
            i += 1
        return i < len(doc) and doc[i].lower_ in (
            "so", "because", "when", "whenever", "while", "until", "unless", "before",
            "after", "since", "if") and any(t.tag_.startswith("VB") for t in doc[i:])

    def judge_clause(self, verb: Any, reading: NeedReading, own_subject: Any = None
                     ) -> tuple[Category, str]:
        """Judge an infinitive clause by its verb, voice, complement and object."""
        forms = lemma_forms(verb)
        base = forms[0]
        obj = self._object_of(verb)
        if reading.able and not (obj is not None and self._in(forms, self.goal_verb)
                                 and lemma(obj) in self.universal_noun
                                 and not self._specific_mods(obj)):
            return "specific", f"says what the person needs to be able to {base}"
        if own_subject is not None:
            subject_lemma = lemma(own_subject)
            if (subject_lemma in self.universal_noun or subject_lemma in ("need", "needs")) \
                    and reading.passive and self._in(forms, self.universal_passive) \
                    and not self._specific_extras(verb):
                return "universal", (f"asks for {own_subject.text} to be {verb.text}: an aim "
                                     "every child shares")
            if not reading.passive and (self.service_shaped(own_subject)[0] == "service" or (
                    lemma(own_subject) in self.person_head and self._role(own_subject))) and any(
                    c.dep_ == "det" and c.lower_ in ("a", "an", "some", "another")
                    for c in _kids(own_subject)):
                # "needs a teaching assistant to run a group": a new provision, whatever
                # it is to do; "needs his social worker to explain" asks a known person.
                return "service", (f"\"{_np_text(own_subject)}\" is a professional to be "
                                   "provided")
            early = self._complement(verb)
            if early is not None and lemma(verb) in ("be", "feel", "stay", "remain", "become") \
                    and early.lower_ in self.universal_adj \
                    and not self._specific_extras(verb, early):
                return "universal", (f"\"{own_subject.text} ... {early.text}\" is an aim "
                                     "every child shares")
            if own_subject.tag_.startswith("NN") and self._abstract(own_subject, verb.i) and \
                    self._in(forms, self.change_verb) and not self._specific_extras(verb):
                return "universal", (f"\"{_np_text(own_subject)} to {verb.text}\" names no "
                                     "particular change")
            if not reading.passive and (
                    own_subject.lower_ in self.person_head or own_subject.tag_ in (
                        "NNP", "PRP") or lemma(own_subject) in self.person_head
                    or self.service_shaped(own_subject)[0]):
                return "specific", f"says what someone else needs to {base} for the person"
        # Universal: be/feel/stay + an aim adjective with nothing concrete.
        complement = self._complement(verb)
        if complement is not None and base in ("be", "feel", "stay", "remain", "grow",
                                               "live", "become", "keep", "get", "seem"):
            adjectives = [complement, *[c for c in _kids(complement) if c.dep_ == "conj"]]
            if all(a.lower_ in self.universal_adj for a in adjectives) and \
                    not self._specific_extras(verb, complement):
                return "universal", (f"\"{complement.text}\" is an aim every child shares, "
                                     "with nothing said about what would make it so")
        if reading.passive and self._in(forms, self.universal_passive) \
                and not self._specific_extras(verb):
            return "universal", f"\"to be {verb.text}\" is an aim every child shares"
        if base == "keep" and obj is not None and complement is not None and \
                complement.lower_ in self.universal_adj and not self._specific_extras(verb,
                                                                                    complement):
            return "universal", "keeping someone safe is an aim, not what needs to change"
        if obj is not None and self._in(forms, self.goal_verb) and \
                lemma(obj) in self.universal_noun and not self._specific_mods(obj):
            return "universal", f"\"{obj.text}\" is an aim every child shares"
        if obj is not None and self._in(forms, self.goal_verb) and \
                lemma(obj) in self.home_noun and self.judge_phrase(obj)[0] == "universal":
            return "universal", f"\"{_np_text(obj)}\" is an aim every child shares"
        if obj is not None and self._in(forms, self.change_verb) and self._abstract(obj) \
                and not self._specific_extras(verb, skip={obj.i} | {
                    c.i for c in _kids(verb) if c.dep_ == "prep" and any(
                        g.i == obj.i for g in _kids(c))}):
            # "to develop his self-confidence", "to promote positive behaviour": a change
            # in a quality, with nothing said about what would be seen.
            return "universal", (f"\"{verb.text} {_np_text(obj)}\" names no particular "
                                 "change")
        if base in ("be", "become") and obj is not None and self._evaluative_role(obj) \
                and not self._specific_extras(verb, skip={obj.i}):
            return "universal", (f"\"{_np_text(obj)}\" says only how good the person should "
                                 "be, not what they need")
        if base in ("be", "become") and obj is not None and obj.tag_.startswith("NN") and \
                self.judge_phrase(obj)[0] == "universal":
            return "universal", f"\"{_np_text(obj)}\" is an aim every child shares"
        if obj is None and self._in(forms, self.universal_verb) and \
                not self._specific_extras(verb):
            return "universal", f"\"to {verb.text}\" is an aim every child shares"
        if base == "do" and any(c.lower_ in ("well", "better") for c in _kids(verb)) and \
                not self._specific_extras(verb):
            return "universal", "\"to do well\" is an aim every child shares"
        # Assessment: to be assessed, screened, seen by a professional.
        if reading.passive:
            agent = self._agent(verb)
            if self._routine(verb):
                pass  # "needs his hearing aids checked each morning": care, not a test
            elif self._in(forms, self.assessment_passive) or (
                    base == "see" and agent is not None and self.service_shaped(agent)[0]):
                return "assessment", f"\"to be {verb.text}\" asks for someone to find out"
            sought = self._sought_assessment(verb)
            if sought is not None and own_subject is None:
                return "assessment", (f"\"to be {verb.text}\" for {_np_text(sought)}: a "
                                      "request to find out")
            moved_to = next((g for c in _kids(verb) if c.dep_ == "prep" and c.lower_ in (
                "to", "into", "onto", "on", "with") for g in _kids(c) if g.dep_ == "pobj"),
                None)
            if moved_to is not None and own_subject is None and \
                    lemma(moved_to) not in self.weak_service_head and \
                    self.service_shaped(moved_to, governed=True)[0] == "service":
                return "service", (f"\"to be {verb.text} to {_np_text(moved_to)}\" is a step "
                                   "in the work, not what the person needs")
            provider = self._agent(verb)
            if self._in(forms, self.service_passive) and (
                    own_subject is None or lemma(own_subject) in self.person_head
                    or self._in(forms, self.adaptation_passive) or (
                        provider is not None and self.service_shaped(provider)[0])):
                return "service", (f"\"to be {verb.text}\" is a step in the work, not what "
                                   "the person needs")
            if own_subject is None and self._in(forms, self.provider_verb) and not any(
                    c.dep_ in ("xcomp", "ccomp", "advcl", "prep", "advmod", "dobj")
                    for c in _kids(verb)):
                # "to be rehoused", "needs mediating": done by a provider, with nothing
                # said about what for.
                return "service", (f"\"{verb.text}\" is something a service does, not what "
                                   "the person needs")
        if obj is not None and self._in(forms, self.service_verb) and self._own_manner(verb):
            return "specific", (f"says how the person should manage to {base} it themselves")
        if obj is not None and self._in(forms, self.service_verb):
            kind, why = self.service_shaped(obj, governed=True)
            if kind == "assessment" or lemma(obj) in self.assessment_head:
                return "assessment", f"\"{obj.text}\" is an assessment: {why or 'finding out'}"
            if kind:
                return "service", f"to {base} it: {why}"
        if not self._in(forms, self.personal_verb) and base not in self.direct_verb:
            # "to enrol on the Harbour Lights programme", "to link in with Womens Aid": a
            # verb of joining with a service as the object of its preposition.
            for child in _kids(verb):
                if child.dep_ != "prep" or child.lower_ not in (
                        "on", "onto", "with", "to", "into", "at", "in", "for"):
                    continue
                target = next((g for g in _kids(child) if g.dep_ == "pobj"), None)
                if target is None or (lemma(target) in self.weak_service_head and not any(
                        c.dep_ in ("compound", "nmod") and c.tag_.startswith("NN")
                        and lemma(c) not in self.person_head for c in _kids(target))):
                    continue  # "to go to bed" is not a service; "to a youth club" is
                kind, why = self.service_shaped(target, governed=False)
                if kind:
                    return kind, why  # type: ignore[return-value]
        if self._in(forms, self.personal_verb) or base not in self.service_verb:
            return "specific", f"says what the person needs to {base}"
        return "specific", f"says what the person needs to {base}"

    def judge_phrase(self, head: Any, need: Any = None) -> tuple[Category, str]:
        """Judge a noun phrase by its head and modifiers (``need``: the need verb, whose
        own modifiers may name a provider: "needs care | from midwifery services")."""
        base = lemma(head)
        if head.tag_ == "VBG" and head.lower_ in self.universal_noun:
            base = head.lower_  # "a sense of belonging": the noun, not "belong"
        if base in self.person_head and self._role(head) and _bare(head):
            return "service", f"\"{_np_text(head)}\" is a role someone is given: a provision"
        if base in self.person_head and not self._service_mods(head):
            return "specific", f"asks for a particular person: \"{head.text}\""
        kind, why = self.service_shaped(head)
        if kind is None:
            # Coordinated phrases: "an Early Help Assessment and a TAC meeting".
            for other in head.conjuncts:
                if other.tag_.startswith("NN"):
                    kind, why = self.service_shaped(other)
                    if kind:
                        break
        if kind is None and base in self.access_noun:
            # "opportunities for social activities", "access to a sensory room": judge
            # what the access is to.
            for child in _kids(head):
                if child.dep_ == "prep" and child.lower_ in ("for", "to", "at", "in"):
                    target = next((g for g in _kids(child) if g.dep_ == "pobj"), None)
                    if target is not None:
                        found, why = self.service_shaped(target, governed=True)
                        if found:
                            kind = found
                            break
        if kind is None and base in self.measure_noun:
            # "a better quality of life", "a good standard of health": judge the "of".
            inner = self._of_object(head)
            if inner is not None:
                return self.judge_phrase(inner, need)
        if kind is None and need is not None and base not in self.person_head:
            provider = self._provider(need, after=head.i)
            if provider is not None:
                kind, why = "service", f"names help from \"{_np_text(provider)}\": a provider"
        if kind == "assessment":
            return "assessment", why
        if kind == "service":
            return "service", why
        # Universal: an aim noun with nothing specific, or "a stable home".
        adjectives = [c for c in _kids(head) if c.dep_ in ("amod", "advmod")]
        adjectives += [g for a in adjectives for g in _kids(a) if g.dep_ == "conj"]
        evaluative = all(a.lower_ in self.evaluative_adj or a.lower_ in self.universal_adj
                         or a.dep_ == "advmod" for a in adjectives)
        which = all(a.lower_ in self.evaluative_adj or a.lower_ in self.universal_adj
                    or a.lower_ in self.abstract_mod or a.dep_ == "advmod"
                    for a in adjectives)
        if base in self.universal_noun and not self._specific_mods(head) and which:
            return "universal", f"\"{head.text}\" is something every child needs"
        if which and self._abstract(head) and not any(
                c.dep_ == "det" and c.lower_ in ("a", "an") for c in _kids(head)) and \
                not self._specific_mods(head):
            # "emotional resilience", "better behaviour", "independence": a quality every
            # child needs, with nothing said about when or what it would look like.
            return "universal", (f"\"{_np_text(head)}\" names a quality, not what this "
                                 "person needs")
        if base in self.home_noun and adjectives and evaluative and not self._specific_mods(
                head, allow_relcl_universal=True):
            return "universal", (f"\"{' '.join(a.text for a in adjectives)} {head.text}\" "
                                 "is what every child needs")
        # "an adequate and nutritious diet", "good socialisation": judged only by how
        # good it should be, with nothing said about what or when.
        if adjectives and any(a.lower_ in self.evaluative_adj for a in adjectives) and \
                not any(c.dep_ in ("compound", "nummod", "poss") and c.tag_ != "PRP$"
                        for c in _kids(head)) and not self._specific_mods(head):
            return "universal", (f"\"{_np_text(head)}\" says only how good it should be, "
                                 "not what this person needs")
        return "specific", f"names something particular: \"{head.text}\""

    def _of_object(self, head: Any) -> Any:
        """The object of the first "of" under ``head`` ("two hours a week | of therapy")."""
        for token in head.subtree:
            if token.i > head.i and token.dep_ == "prep" and token.lower_ == "of":
                return next((g for g in _kids(token) if g.dep_ == "pobj"),
                            next((g for g in _kids(token) if g.dep_ == "pcomp"), None))
        return None

    def service_shaped(self, head: Any, governed: bool = False) -> tuple[str | None, str]:
        """("service" | "assessment" | None, why) for a noun phrase headed by ``head``.

        ``governed`` is True when a service verb takes the phrase as its object ("to
        receive X"), which makes help nouns (support, input) a service too.
        """
        base = lemma(head)
        low = head.lower_
        chain = self._compounds(head)
        chain_lemmas = [lemma(t) for t in chain]
        if base in self.assessment_head or any(
                w in self.assessment_head for w in low.split("-")):
            return "assessment", f"\"{head.text}\" asks for an assessment"
        if base in self.person_head or head.tag_ in ("PRP", "PRP$", "WP"):
            return None, ""
        if any(c.dep_ == "compound" and c.lower_ == "self" for c in _kids(head)):
            return None, ""  # "self care": something the person does, not a provision
        before = [c for c in _kids(head) if c.i < head.i]
        mods = before + [g for c in before for g in c.conjuncts]
        named = any((c.dep_ in ("compound", "nmod") and c.tag_.startswith("NN"))
                    or (c.dep_ in ("amod", "conj") and (
                        lemma(c) in self.provision_mod or c.lower_ in self.provision_mod
                        or c.tag_ == "NNP")) for c in mods)
        proper = head.is_title and head.i > head.sent.start and head.tag_.startswith("NNP")
        if base not in self.service_head and low in self.service_head:
            base = low  # "funding" read as a verb form: the noun is what is listed
        if base in self.service_head:
            weak = base in self.weak_service_head
            # "a plan, agreed with Gran, for ..." and "the course he started" say which
            # one, concretely; "a safety plan", "the Zorin group", "a Team Around the
            # Family" name a provision.
            if (not weak or proper or (named and not self._content_mods(head))) and not (
                    governed and any(c.dep_ in ("relcl", "acl") and c.i > head.i
                                     for c in _kids(head))):
                return "service", f"\"{_np_text(head)}\" names a service or provision"
        if self._professional(head) or (self._agent_noun(head) and _bare(head)):
            return "service", f"\"{_np_text(head)}\" names a professional"
        if self._named_title(head):
            return "service", f"\"{_np_text(head)}\" is the name of a programme or service"
        if head.tag_.startswith("NN") and not self._abstract(head) and \
                base not in self.universal_noun and any(
                c.dep_ in ("amod", "compound", "nmod") and c.i < head.i
                and c.lower_ in self.provider_mod for c in _kids(head)):
            return "service", f"\"{_np_text(head)}\" is delivered by an organisation"
        if self._formal_record(head):
            return "service", (f"\"{_np_text(head)}\" is a formal plan of provision, not "
                               "what the person needs")
        if head.is_title and head.tag_ in ("NN", "NNS") and head.i > head.sent.start and any(
                c.dep_ == "compound" and c.is_title for c in before):
            # "Womens Aid", "Home Start": a capitalised common noun in a name is the name
            # of an organisation (people's names are proper nouns throughout).
            return "service", f"\"{_np_text(head)}\" names an organisation"
        if self._acronym(head):
            return "service", f"\"{head.text}\" names a service or organisation"
        if base in self.place_noun and (named or any(
                c.dep_ == "prep" and c.lower_ in ("at", "in", "on", "with", "within")
                for c in _kids(head))):
            return "service", f"\"{_np_text(head)}\" asks for a place: a provision"
        provider = self._provider(head)
        if provider is not None:
            return "service", f"names help from \"{_np_text(provider)}\": a provider"
        if base in self.help_noun or (self._action_noun(head) and not any(
                c.dep_ == "compound" and c.lower_ == "self" for c in _kids(head))):
            kid_lemmas = {lemma(c) for c in _kids(head)}
            if kid_lemmas & self.provision_mod or any(
                    m in self.provision_mod for m in chain_lemmas) or named:
                return "service", f"\"{_np_text(head)}\" names a provision"
            clause = next((c for c in _kids(head) if c.i > head.i and c.dep_ in (
                "acl", "relcl", "advcl") and any(g.tag_ == "TO" for g in _kids(c))), None)
            if clause is not None:
                # "support to visit the benefit office" is a service; "help to manage her
                # anger" says what the person needs to do.
                obj = self._object_of(clause)
                if obj is not None and lemma_forms(clause)[0] in self.service_verb and \
                        self.service_shaped(obj, governed=True)[0]:
                    return "service", f"help to reach a service: \"{_np_text(obj)}\""
                return None, ""
            if self._content_mods(head):
                return None, ""  # "help from Gran to get the children up"
            adjectives = [c for c in _kids(head) if c.dep_ == "amod"]
            if adjectives and all(a.lower_ in self.evaluative_adj for a in adjectives) \
                    and base in self.universal_noun:
                return None, ""  # "stable and consistent care": an aim, judged as one
            if governed or not any(c.dep_ in ("relcl", "acl") for c in _kids(head)):
                return "service", (f"\"{_np_text(head)}\" is help from someone, not what "
                                   "the person needs it for")
        # A compound whose modifiers name the provider ("CAMHS input", "Zorin Team visits").
        if head.tag_.startswith("NN") and any(
                self._acronym(t) or (t.tag_ == "NNP" and lemma(t) in self.service_head)
                for t in chain) and base in self.help_noun | self.service_head:
            return "service", f"\"{_np_text(head)}\" names a service"
        return None, ""

    # -------------------------------------------------------------- shape cues
    def _professional(self, head: Any) -> bool:
        low = head.lower_
        base = lemma(head)
        if base in self.not_professional or low in self.not_professional:
            return False
        if not head.tag_.startswith("NN"):
            return False
        for suffix in self.professional_suffix:
            if base == suffix or (base.endswith(suffix) and len(base) > len(suffix) + 2):
                return True
        return False

    def _acronym(self, token: Any) -> bool:
        text = token.text.strip(".'’")
        if text.endswith("s") and text[:-1].isupper():
            text = text[:-1]
        return (2 <= len(text) <= 6 and text.isupper() and text.isalpha()
                and text.lower() not in self.not_acronym)

    def _provider(self, head: Any, after: int = -1) -> Any:
        """A service-shaped object of "from/with/by/at" on ``head`` ("time with a speech
        therapist", "care from midwifery services"), else None."""
        for child in _kids(head):
            if child.i > after and child.dep_ == "prep" and child.lower_ in (
                    "from", "by", "through", "via", "at", "with"):
                for obj in _kids(child):
                    if obj.dep_ == "pobj" and (
                            lemma(obj) in self.service_head or self._professional(obj)
                            or self._acronym(obj)) and not (
                            lemma(obj) in self.weak_service_head and not any(
                                c.dep_ in ("compound", "amod", "nmod") for c in _kids(obj))):
                        return obj  # "from the Zorin team", not "at school"
        return None

    def _content_mods(self, head: Any) -> bool:
        """True when the phrase says what it is for or with ("a plan for who collects the
        children", "a visit from her gran"), so an ordinary noun is not a service."""
        for child in _kids(head):
            if child.dep_ in ("relcl", "acl") and child.i > head.i:
                return True
            if child.dep_ == "prep" and child.i > head.i:
                if child.lower_ in ("about", "regarding", "concerning", "re"):
                    return True  # "the meeting about Jordan's exclusion": one event
                for obj in _kids(child):
                    if obj.dep_ == "pcomp" or obj.tag_ in ("WP", "WRB", "WDT"):
                        return True
                    if child.lower_ == "for" and obj.dep_ == "pobj" and \
                            lemma(obj) in self.person_head:
                        continue  # "support for parents": who it is for, not from
                    if obj.dep_ == "pobj" and (
                            any(g.dep_ in ("relcl", "acl", "ccomp") for g in _kids(obj))
                            or obj.lower_ in self.person_head
                            or (obj.tag_ in ("PRP", "NNP") and not self._acronym(obj)
                            and lemma(obj) not in self.service_head)):
                        return True
        return False

    def _aim_clause(self, verb: Any) -> bool:
        """True when an infinitive purpose clause is itself a universal aim ("in order to
        do well", "so as to thrive")."""
        if not verb.tag_.startswith("VB") or not any(
                c.tag_ == "TO" for c in _kids(verb)) or any(
                c.dep_ in SUBJECT_DEPS for c in _kids(verb)):
            return False
        depth = getattr(_local, "aim_depth", 0)
        if depth > 2:
            return False
        _local.aim_depth = depth + 1
        try:
            doc = verb.doc
            inner = NeedReading(form="needs", predicate=Part.of(doc, verb.i, verb.i))
            self._clause(doc, verb, inner)
            return self.judge_clause(inner.verb_token, inner)[0] == "universal"
        finally:
            _local.aim_depth = depth

    def _evaluative_role(self, noun: Any) -> bool:
        """A noun phrase that says only how good someone should be ("a confident
        individual", "a responsible citizen", "the best father he can be")."""
        if not noun.tag_.startswith("NN"):
            return False
        adjectives = [c for c in _kids(noun) if c.dep_ == "amod"]
        if not adjectives or not all(a.lower_ in self.evaluative_adj
                                     or a.lower_ in self.universal_adj for a in adjectives):
            return False
        for child in _kids(noun):
            if child.dep_ in ("amod", "det", "punct", "cc", "conj", "appos", "poss"):
                continue
            if child.dep_ == "relcl" and lemma(child) == "be" and not any(
                    g.dep_ in ("attr", "acomp", "prep", "dobj") for g in _kids(child)):
                continue  # "... he can be"
            return False
        return True

    def _role(self, head: Any) -> bool:
        """A person noun made a role by its modifiers ("a named person", "a paid carer",
        "a sensory impairment teacher"), not someone the holder already has ("her
        teacher", "a school friend")."""
        kids = _kids(head)
        if any(c.dep_ == "poss" for c in kids):
            return False
        for child in kids:
            if child.dep_ == "amod" and (child.lower_ in self.role_mod
                                         or lemma(child) in self.role_mod):
                return True
            if child.dep_ in ("compound", "nmod") and lemma(head) in self.role_person and \
                    child.tag_ in ("NN", "NNS") and lemma(child) not in self.person_head:
                return True
            if child.dep_ == "compound" and lemma(child) in self.role_mod:
                return True
        return False

    def _action_noun(self, token: Any) -> bool:
        """A noun derived from a verb of what a provider does ("guidance", "payments",
        "training", "mediation", "referral"): the help itself, named as a provision."""
        if not (token.tag_.startswith("NN") or (token.tag_ == "VBG" and token.dep_ in (
                "dobj", "pobj", "attr", "conj") and not any(
                    c.dep_ in ("dobj", "aux") for c in _kids(token)))):
            return False  # a gerund as a noun ("needs funding") counts; a clause does not
        base = lemma(token)
        if base in self.person_head:
            return False
        for word in {base, token.lower_}:
            for suffix in self.action_suffix:
                if not word.endswith(suffix) or len(word) < len(suffix) + 3:
                    continue
                if _stems(word[:-len(suffix)], suffix) & self.provider_verb:
                    return True
        return False

    def _agent_noun(self, token: Any) -> bool:
        """A singular noun for one who does a provider's verb ("a trainer", "a mediator",
        "an adviser"): a professional, though in no list."""
        if token.tag_ not in ("NN", "NNP") or lemma(token) in self.person_head:
            return False
        low = token.lower_
        for suffix in self.agent_suffix:
            if low.endswith(suffix) and len(low) >= len(suffix) + 4 and \
                    _stems(low[:-len(suffix)], suffix) & self.provider_verb:
                return True
        return False

    @staticmethod
    def _own_manner(verb: Any) -> bool:
        """True when the clause says how the person manages it themselves ("go to her
        counselling sessions on her own by bus", "independently"): the need is that
        independence, not the service it leads to."""
        for child in _kids(verb):
            if child.dep_ == "advmod" and child.lower_ in (
                    "independently", "alone", "unaided", "unaccompanied"):
                return True
            if child.dep_ == "prep" and child.lower_ in ("on", "by", "without"):
                for obj in _kids(child):
                    if obj.dep_ != "pobj":
                        continue
                    if child.lower_ == "on" and obj.lower_ == "own":
                        return True  # "on her own"
                    if child.lower_ == "by" and obj.lower_ in (
                            "bus", "train", "bike", "bicycle", "foot", "tram", "herself",
                            "himself", "themselves", "myself", "yourself"):
                        return True
                    if child.lower_ == "without" and obj.tag_.startswith(("NN", "PRP", "VBG")):
                        return True  # "without being reminded", "without Mum"
        return False

    def _sought_assessment(self, verb: Any) -> Any:
        """An assessment the clause puts the person forward for, through its prepositions
        ("put on the waiting list | for | an autism assessment"), else None."""
        stack = [c for c in _kids(verb) if c.dep_ == "prep"]
        for _ in range(2):
            nxt: list[Any] = []
            for prep in stack:
                for obj in _kids(prep):
                    if obj.dep_ != "pobj":
                        continue
                    if lemma(obj) in self.assessment_head and prep.lower_ in (
                            "for", "to", "onto", "on", "into"):
                        return obj
                    nxt.extend(c for c in _kids(obj) if c.dep_ == "prep")
            stack = nxt
        return None

    def _formal_record(self, head: Any) -> bool:
        """A thing "of" formally named needs ("a statement of special educational needs",
        "a record of SEN"): a document that brings provision, not a need. A quality "of"
        them ("an understanding of her educational needs") is not one."""
        if not head.tag_.startswith("NN") or self._abstract(head) or \
                lemma(head) in self.person_head or lemma(head) in self.abstract_noun:
            return False
        for prep in _kids(head):
            if prep.dep_ != "prep" or prep.lower_ != "of":
                continue
            for obj in _kids(prep):
                if obj.dep_ != "pobj":
                    continue
                if obj.lower_ in self.formal_need_mod and obj.is_upper:
                    return True  # "a statement of SEN"
                if lemma(obj) in ("need", "needs") and any(
                        c.dep_ in ("amod", "compound") and c.lower_ in self.formal_need_mod
                        for c in _kids(obj)):
                    return True
        return False

    def _named_title(self, head: Any) -> bool:
        """A phrase named in capitals mid-sentence ("Augmentative and Alternative
        Communication", "the Solihull Approach", "Triple P"): the name of a programme,
        service or organisation. People's names after an honorific, people's own nouns
        and possessives are not names of services."""
        if head.i <= head.sent.start or not (head.is_title or head.is_upper) or \
                not head.tag_.startswith("NNP") or lemma(head) in self.person_head:
            return False
        tokens = [t for t in head.subtree if t.i <= head.i or t.dep_ in ("conj", "compound")
                  or t.head.dep_ in ("conj",)]
        if any(t.dep_ == "poss" or t.lower_ in self.honorific or
               lemma(t) in self.person_head for t in tokens):
            return False
        caps = [t for t in tokens if t.i > head.sent.start and t.is_alpha and (
            t.is_title or t.is_upper) and t.tag_.startswith("NN")]
        return len(caps) >= 2

    def _service_mods(self, head: Any) -> bool:
        return any(lemma(c) in self.service_head or self._professional(c)
                   for c in _kids(head) if c.dep_ in ("compound", "amod"))

    @staticmethod
    def _compounds(head: Any) -> list[Any]:
        out: list[Any] = []
        stack = [c for c in _kids(head) if c.dep_ in ("compound", "amod", "nmod")]
        while stack:
            token = stack.pop()
            out.append(token)
            stack.extend(c for c in _kids(token) if c.dep_ in ("compound", "amod", "conj"))
        return out

    @staticmethod
    def _complement(verb: Any) -> Any:
        for child in _kids(verb):
            if child.dep_ in ("acomp", "oprd") or (child.dep_ == "attr" and
                                                   child.tag_.startswith("JJ")):
                return child
            if child.dep_ == "advmod" and child.lower_ == "well":
                return child
        return None

    @staticmethod
    def _agent(verb: Any) -> Any:
        for child in _kids(verb):
            if child.dep_ == "agent" or (child.dep_ == "prep" and child.lower_ == "by"):
                return next((g for g in _kids(child) if g.dep_ == "pobj"), None)
        return None

    def _specific_extras(self, verb: Any, complement: Any = None,
                         skip: frozenset[int] | set[int] = frozenset()) -> bool:
        """True when the clause says something concrete beyond the aim: a when, a why, a
        particular place or person ("safe when Dad has been drinking")."""
        nodes = [verb] + ([complement] if complement is not None else [])
        for node in nodes:
            for child in _kids(node):
                if child.i in skip or (child.i < node.i and child.dep_ != "advcl"):
                    continue
                dep = child.dep_
                if dep in ("advmod", "prt") and (
                        child.lower_ in ("away", "apart", "out", "off", "back") or any(
                            g.dep_ in ("prep", "advcl", "pcomp", "xcomp")
                            for g in _kids(child))):
                    return True  # "safe enough to sleep in her own bed"
                if dep == "conj" and node is verb and child.tag_.startswith("VB") and (
                        child.lower_ in self.need_words or child.lower_ in self.require_words):
                    continue
                if dep in ("advcl", "ccomp", "xcomp", "relcl", "acl") and (
                        node is verb or dep in ("advcl", "ccomp", "xcomp")) and \
                        (complement is None or child.i != complement.i):
                    if dep == "advcl" and self._aim_clause(child):
                        continue  # "to progress in order to do well": an aim for an aim
                    return True
                if dep == "prep":
                    objs = [g for g in _kids(child) if g.dep_ == "pobj"]
                    if not objs and (child.lower_ == "as" or (
                            node.tag_ == "VBN" and child.i == node.i + 1)):
                        continue  # "as healthy as possible", "to be listened to"
                    if not objs:
                        return True
                    for obj in objs:
                        if lemma(obj) in self.generic_place and not self._specific_mods(obj):
                            continue
                        if child.lower_ == "from" and lemma(obj) in self.measure_noun:
                            obj = self._of_object(obj) or obj  # "all forms of harm"
                            if lemma(obj) in self.generic_place:
                                continue
                        if child.lower_ == "from" and self._bare_abstract(obj):
                            continue  # "protected from maltreatment": harm in general
                        return True
                if dep == "npadvmod" and child.lower_ not in ("times",):
                    return True
        return False

    def _specific_mods(self, noun: Any, allow_relcl_universal: bool = False) -> bool:
        for child in _kids(noun):
            if child.dep_ not in SPECIFYING_DEPS:
                continue
            if child.dep_ == "poss" or (child.dep_ == "compound" and (
                    child.lower_ == "self" or lemma(child) in self.home_noun
                    or child.lower_ == "role")):
                continue  # "the children's needs" is still everyone's needs; "self care"
            if child.dep_ == "prep":
                objs = [g for g in _kids(child) if g.dep_ == "pobj"]
                if objs and all(lemma(o) in self.generic_place for o in objs):
                    continue
                if child.lower_ == "of" and objs and all(
                        (lemma(o) in self.person_head or o.tag_ == "PRP") and not any(
                            g.dep_ in ("relcl", "acl", "prep") for g in _kids(o))
                        for o in objs):
                    continue  # "the needs of the child": whose, like "the child's needs"
            if allow_relcl_universal and child.dep_ in ("relcl", "acl") and \
                    lemma(child) in ("live", "grow", "stay", "be") and (
                        len(list(child.subtree)) <= 3 or all(
                            lemma(t) in self.generic_place or t.dep_ != "pobj"
                            for t in child.subtree)) and not any(
                        t.dep_ in ("advcl", "ccomp", "relcl", "npadvmod", "nsubj")
                        for t in child.subtree if t.i != child.i):
                continue  # "a safe place to live", "a place to live in a family setting"
            if allow_relcl_universal and child.dep_ == "relcl" and any(
                    t.lower_ in ("needs", "need") for t in child.subtree) and any(
                    t.lower_ == "met" for t in child.subtree):
                continue
            return True
        return False

    @staticmethod
    def _routine(verb: Any) -> bool:
        """True when the clause says how often ("each morning", "daily"): a routine."""
        for token in verb.subtree:
            if token.lower_ in ("daily", "weekly", "nightly", "regularly", "always") or (
                    token.lower_ in ("each", "every") and token.dep_ == "det"
                    and token.head.dep_ in ("npadvmod", "pobj")):
                return True
        return False

    def _abstract(self, noun: Any, ignore: int = -1) -> bool:
        """A quality or capacity rather than a thing or person ("self-confidence",
        "positive behaviour", "her learning", "life's challenges"), with nothing that says
        which ("her confidence to speak in class" is not bare)."""
        base = lemma(noun)
        if base in self.person_head or noun.tag_ in ("PRP", "NNP"):
            return False
        if not (base in self.abstract_noun or base in self.universal_noun
                or base.endswith(("ness", "ity", "ence", "ance", "esteem", "hood"))
                or base.startswith("self-") or any(  # "self-belief": a quality
                    c.dep_ == "compound" and c.lower_ == "self" for c in _kids(noun))):
            return False
        for child in _kids(noun):
            if child.i == ignore:
                continue
            if child.dep_ in ("relcl", "acl", "nummod") or (
                    child.dep_ == "prep" and child.i > noun.i):
                return False
            if child.dep_ == "compound" and lemma(child) not in self.abstract_noun | {
                    "self", "mental", "emotional", "physical", "health"}:
                return False
            if child.dep_ == "amod" and child.lower_ not in self.evaluative_adj | \
                    self.abstract_mod:
                return False
        return True

    def _quality(self, noun: Any, ignore: int = -1) -> bool:
        """An aim or quality noun ("his wellbeing", "her behaviour"), not a thing;
        ``ignore``: a child not to count (the clause being judged)."""
        return lemma(noun) in self.universal_noun or self._abstract(noun, ignore)

    def _animate(self, noun: Any) -> bool:
        """A person or someone paid to help: the object that can do what is needed."""
        if noun.tag_ == "NNP" and (lemma(noun) in self.service_head
                                   or lemma(noun) in self.assessment_head
                                   or self._action_noun(noun)):
            return False  # "an Early Help Assessment | to identify ...": a named thing
        return (lemma(noun) in self.person_head or noun.tag_ in ("PRP", "NNP")
                or self._professional(noun) or self._acronym(noun))

    def _bare_abstract(self, noun: Any) -> bool:
        """A bare common noun with no determiner, owner or modifier ("maltreatment",
        "cruelty"): a kind of harm in general, not a particular person or event."""
        if noun.tag_ not in ("NN", "NNS", "JJ") or lemma(noun) in self.person_head:
            return False
        return not any(c.dep_ in ("det", "poss", "compound", "prep", "relcl", "acl",
                                  "nummod", "amod") for c in _kids(noun))

    @staticmethod
    def _in(forms: tuple[str, ...], words: Collection[str]) -> bool:
        return any(f in words for f in forms)

    # ------------------------------------------------------------- outcomes
    def read_outcome(self, doc: Any) -> OutcomeReading | None:
        """Read an outcome statement: its main verb (after "will", or the root), and
        judge it. Needs a parse; None without one or without a verb."""
        if not len(doc) or not doc.has_annotation("DEP"):
            return None
        main = None
        for token in doc:
            if token.lower_ in ("will", "shall", "'ll", "wo") and token.dep_ == "aux":
                main = token.head
                break
        measured = self._measured(doc)
        if main is None:
            root = next(iter(doc.sents)).root
            # Plan-style "Ava to feel safe at home", "Jordan's wellbeing to improve"
            plan = next((t for t in doc if t.tag_ == "VB" and any(
                c.dep_ == "aux" and c.lower_ == "to" and c.i < t.i for c in _kids(t))
                and (t.dep_ == "ROOT" or t.head.i < t.i)), None)
            if plan is not None:
                main = plan
            elif root.tag_.startswith("VB"):
                main = root
            elif root.tag_.startswith("NN"):
                return self._read_noun_outcome(doc, root, measured)
            else:
                return None
        verb = main
        able = False
        for _ in range(3):  # "will be able to X": judge X
            adjective = next((c for c in _kids(verb) if c.dep_ == "acomp"
                              and c.lower_ == "able"), None)
            inner = None if adjective is None else next(
                (c for c in _kids(adjective) if c.dep_ == "xcomp"), None)
            if inner is None:
                break
            verb, able = inner, True
        subject = next((c for c in _kids(main) if c.dep_ in SUBJECT_DEPS), None)
        if subject is None and main.dep_ in ("advcl", "xcomp", "acl", "relcl") and \
                main.head.i < main.i and not any(c.dep_ in ("aux", "auxpass")
                                                 for c in _kids(main.head)):
            subject = main.head  # "Ava to feel safe": the plan-style holder
        holder = None if subject is None else self._part(doc, subject)
        start = main.left_edge.i if subject is None else subject.i + 1
        if start > main.i:
            start = main.i
        for token in doc[start:main.i]:
            if token.dep_ in ("aux", "auxpass", "neg"):
                start = token.i
                break
        else:
            start = main.i
        span = Part.of(doc, start, _trim(doc, _right_edge(main, self.anchor_words)) + 1)
        category, reason = self._judge_outcome(verb, main, subject, measured, able)
        return OutcomeReading(lemma(verb), holder, span, category, reason, measured)

    def _judge_outcome(self, verb: Any, main: Any, subject: Any, measured: bool,
                       able: bool) -> tuple[Literal["service", "vague", "specific"], str]:
        """Judge the outcome's predicate, then each verb coordinated with it ("will make
        and maintain friendships"): the first fault found is the outcome's."""
        category, reason = self._judge_predicate(verb, main, subject, measured, able)
        if category != "specific":
            return category, reason
        for other in _kids(verb):
            if other.dep_ == "conj" and other.tag_ == verb.tag_ and \
                    not any(c.dep_ in SUBJECT_DEPS for c in _kids(other)):
                found = self._judge_predicate(other, main, subject, measured, able)
                if found[0] != "specific":
                    return found
        return category, reason

    def _judge_predicate(self, verb: Any, main: Any, subject: Any, measured: bool,
                         able: bool) -> tuple[Literal["service", "vague", "specific"], str]:
        forms = lemma_forms(verb)
        passive = any(c.dep_ in ("auxpass", "nsubjpass") for c in _kids(verb)) or (
            verb.tag_ == "VBN" and verb.dep_ == "ROOT" and subject is not None
            and not any(c.dep_ in ("aux", "auxpass") and c.lower_ != "to"
                        for c in _kids(verb)))
        # ("Referral to CAMHS completed": a participle with no auxiliary is a passive)
        there = lemma(verb) == "be" and any(c.dep_ == "expl" for c in _kids(verb))
        obj = self._object_of(verb)
        if lemma(verb) == "take" and obj is not None and obj.lower_ == "part":
            forms = ("participate",)  # "take part in X": X is what is taken part in
            obj = next((g for c in _kids(verb) if c.dep_ == "prep" and c.lower_ == "in"
                        for g in _kids(c) if g.dep_ == "pobj"), None)
        if obj is not None and lemma(obj) == "access":  # "have access to a sensory room"
            obj = self._of_object(obj) or next(
                (g for c in _kids(obj) if c.dep_ == "prep" for g in _kids(c)
                 if g.dep_ == "pobj"), obj)
        # Service or output: something done to or for the person, or received.
        if passive and not able:
            agent = self._agent(verb)
            by_person = agent is not None and self._animate(agent) and \
                not self.service_shaped(agent)[0]
            if (self._in(forms, self.outcome_passive) or self._in(
                    forms, self.service_passive) or self._in(
                    forms, self.assessment_passive)) and not (by_person and measured):
                return "service", (f"\"will be {verb.text}\" says what others will "
                                       "do, not what will change for the person")
            if subject is not None and lemma(subject) in self.service_head | self.help_noun:
                return "service", (f"\"{_np_text(subject)}\" is an output: what was "
                                   "provided, not what changed")
        if subject is not None and not passive and self._doer_is_agency(subject) and \
                not self._in(forms, self.observe_verb) and not any(
                    c.dep_ == "mark" for c in _kids(main)):  # "(zest) for school to improve"
            return "service", (f"\"{_np_text(subject)}\" will do it: an outcome is what "
                               "changes for the child or family, not the work done")
        if there and obj is not None and lemma(obj) in self.service_head and \
                not self._animate(obj):
            return "service", (f"\"{_np_text(obj)}\" will be there: a provision, not a "
                               "change for the person")
        if obj is not None and (self._in(forms, self.output_verb) or there) and not able:
            # "take part in X" is the person's own doing unless X itself is a service
            taking_part = "participate" in forms
            for head in self._heads(obj):
                kind, why = self.service_shaped(head, governed=not taking_part)
                if kind and taking_part and not any(
                        lemma(t) in self.service_head for t in [head, *self._compounds(head)]):
                    continue  # "take part in a tournament with a club": his own doing
                if kind:
                    return "service", f"receiving a service is an output: {why}"
        if obj is not None and self._in(forms, ("have", "get", "receive", "gain")) and \
                not able and self._provided(obj):
            return "service", (f"\"{_np_text(obj)}\" is a thing provided, not a change "
                               "for the person")
        if measured:
            return "specific", "names a change with a measure"
        # No observable change: comparatives with no measure, aims, qualities.
        near = {verb.i} | ({obj.i} if obj is not None else set())
        for token in verb.subtree:
            if token.head.i not in near and token.head.head.i not in near:
                continue  # "found with the older group": not the outcome's comparison
            comparative = token.tag_ in ("JJR", "RBR") or (
                token.lower_ in ("more", "less", "better", "fewer")
                and token.dep_ in ("advmod", "amod", "acomp"))
            if comparative and token.i >= main.i:
                return "vague", (f"\"{token.text}\" with no measure: how much, how "
                                     "often, and who would see it?")
        complement = self._complement(verb)
        if complement is not None and complement.lower_ in self.universal_adj | \
                self.evaluative_adj:
            return "vague", f"\"{complement.text}\" names no change anyone could see"
        manner = None if obj is not None else next((
            c for c in _kids(verb) if c.dep_ == "advmod" and c.lower_.endswith("ly")
                       and (c.lower_[:-2] in self.evaluative_adj | self.universal_adj
                            or c.lower_[:-3] + "e" in self.evaluative_adj
                            or c.lower_[:-3] + "y" in self.evaluative_adj)), None)
        if manner is not None:  # "will socialise appropriately", "will parent effectively"
            return "vague", (f"\"{verb.text} {manner.text}\": what would that look like, and "
                             "how often?")
        if obj is not None and (obj.tag_.startswith("NN") or (
                obj.tag_ == "VBG" and obj.dep_ == "pobj")):  # "engage in learning"
            if self._change_phrase(obj):
                return "vague", (f"\"{_np_text(obj)}\" names a direction of change, not "
                                 "what anyone would see")
            # A universal aim as what someone reaches, has or shows ("will enjoy a happy
            # childhood"); as what someone says or asks for it is only content ("will
            # communicate his needs to unfamiliar adults").
            aim_verb = self._in(forms, self.goal_verb | self.change_verb | self.evidence_verb
                                | self.direction_verb | self.mental_verb | {"be", "become"}) \
                or any(c.dep_ == "amod" and c.lower_ in self.evaluative_adj | self.universal_adj
                       for c in _kids(obj))  # "will eat a healthy diet"
            if (aim_verb and self.judge_phrase(obj)[0] == "universal") or (
                    self._in(forms, self.change_verb | self.goal_verb | self.evidence_verb
                             | self.direction_verb | self.light_verb | {"keep", "take"})
                    and self._outcome_abstract(obj)) or (
                    self._in(forms, self.goal_verb) and lemma(obj) in self.universal_noun):
                return "vague", f"\"{_np_text(obj)}\" names no change anyone could see"
        if obj is None and self._in(forms, self.universal_verb | self.change_verb
                                    | self.direction_verb) and \
                not self._specific_extras(verb):
            return "vague", f"\"{verb.text}\" names no change anyone could see"
        if obj is None and not passive and subject is not None and complement is None and \
                subject.tag_.startswith("NN") and not self._animate(subject) and \
                lemma(subject) not in self.agency_noun and not self._specific_extras(verb) \
                and not any(c.dep_ in ("dobj", "attr", "prt", "dative") for c in _kids(verb)):
            # "Owen's tantrums will dwindle": a behaviour or quality with only a direction
            return "vague", (f"\"{_np_text(subject)} will {verb.text}\" says which way, not "
                             "what anyone would see")
        if passive and subject is not None and self._in(forms, self.goal_verb) and \
                lemma(subject) in self.universal_noun:
            return "vague", f"\"{_np_text(subject)}\" will be {verb.text}: whose, and how?"
        shown = any(c.dep_ in ("advcl", "xcomp", "conj") and c.tag_.startswith("VB")
                    and not self._in(lemma_forms(c), self.mental_verb)
                    for c in _kids(verb) if c.i > verb.i)  # "...and say them to her"
        insight = obj is not None and (self._quality_noun(obj) or any(
            c.dep_ == "prep" and c.lower_ == "of" for c in _kids(obj)))
        if not shown and (self._in(forms, self.mental_verb) or (
                self._in(forms, self.insight_verb) and insight)):
            return "vague", (f"\"{verb.text}\" is an inner state: what would someone see "
                             "or hear that shows it?")
        return "specific", "names what the person will do"

    def _read_noun_outcome(self, doc: Any, head: Any, measured: bool) -> OutcomeReading:
        """An outcome written as a noun phrase, as real plans often are ("Reduced risk
        of exploitation", "Safety plan in place", "Children in bed by 8pm")."""
        span = Part.of(doc, head.left_edge.i, _trim(doc, head.right_edge.i) + 1)
        category, reason = self._judge_noun_outcome(head, measured)
        return OutcomeReading(lemma(head), None, span, category, reason, measured)

    def _judge_noun_outcome(self, head: Any, measured: bool
                            ) -> tuple[Literal["service", "vague", "specific"], str]:
        if self._provided(head) or (not self._animate(head) and any(
                self.service_shaped(h)[0] for h in self._heads(head))):
            return "service", (f"\"{_np_text(head)}\" is what will be provided, not what "
                               "will change for the person")
        if measured:
            return "specific", "names a change with a measure"
        if self._change_phrase(head):
            return "vague", (f"\"{_np_text(head)}\" names a direction of change, not what "
                             "anyone would see")
        if any(c.dep_ == "amod" and c.lower_ in self.evaluative_adj | self.universal_adj
               for c in _kids(head)) and (self._quality_noun(head)
                                          or lemma(head) in self.home_noun):
            return "vague", f"\"{_np_text(head)}\" names no change anyone could see"
        if self.judge_phrase(head)[0] == "universal":
            return "vague", f"\"{_np_text(head)}\" names no change anyone could see"
        return "specific", "names what will be the case"

    def _heads(self, noun: Any) -> list[Any]:
        """The heads a coordinated or measured object stands for ("speech and language
        therapy": speech, therapy; "three hours of therapy": hours, therapy)."""
        heads = [noun] + [c for c in _kids(noun) if c.dep_ == "conj" and
                          c.tag_.startswith("NN")]
        if lemma(noun) in self.measure_noun:
            inner = self._of_object(noun)
            if inner is not None:
                heads += [inner] + [c for c in _kids(inner) if c.dep_ == "conj"
                                    and c.tag_.startswith("NN")]
        return heads

    def _provided(self, noun: Any) -> bool:
        """A thing provided ("a laptop", "opportunities for group work", "strategies to
        support...", "arrangements in place"), not something the person does or is."""
        if self._animate(noun):
            return False
        if lemma(noun) in self.provided_thing:
            return True
        # "planned living arrangements in place": whatever is "in place" was put there.
        return any(c.dep_ == "prep" and c.lower_ == "in" and any(
            g.dep_ == "pobj" and g.lower_ == "place" and not any(
                k.dep_ in ("det", "poss") for k in _kids(g)) for g in _kids(c))
            for t in (noun, noun.head) for c in _kids(t))

    def _change_phrase(self, noun: Any) -> bool:
        """A noun phrase that names only a direction of change: a change noun ("an
        increase in attendance", "a change in attitude") or a quality marked as changed
        ("improved behaviour control", "enhanced family safety")."""
        if lemma(noun) in self.change_noun and not any(
                c.dep_ in ("nummod", "relcl") for c in _kids(noun)):
            return True
        for child in _kids(noun):
            if child.dep_ != "amod" or child.i > noun.i or self._animate(noun):
                continue
            if self._in(lemma_forms(child), self.change_verb | self.direction_verb) or \
                    child.tag_ == "JJR" or \
                    child.lower_ in ("greater", "better", "fewer", "less", "more"):
                return True
            # "heightened self-assurance", "strengthened coping abilities": a quality
            # marked as changed by any participle, listed or not.
            if (child.tag_ == "VBN" or child.lower_.endswith("ed")) and \
                    self._quality_noun(noun):
                return True
        return False

    def _quality_noun(self, noun: Any) -> bool:
        """A noun of a quality or capacity by its class or its shape (-ness, -ity,
        -ance, -ence, -ship, self-...), whatever modifies it."""
        base = lemma(noun)
        return base in self.abstract_noun or base in self.universal_noun or \
            base.endswith(("ness", "ity", "ance", "ence", "hood", "esteem")) or \
            base.endswith(self.bond_suffix) or base.startswith("self-") or \
            base in ("skill", "ability", "control", "awareness", "insight")

    def _outcome_abstract(self, noun: Any) -> bool:
        """A quality, capacity or bond ("self-esteem", "skills", "friendships") that no
        one could count as it stands."""
        if self._abstract(noun) or (noun.tag_ == "VBG" and noun.lower_ in self.abstract_noun):
            return True
        if self._animate(noun) or any(c.dep_ in ("nummod", "relcl", "acl")
                                      for c in _kids(noun)):
            return False
        return self._quality_noun(noun)  # "take responsibility for his actions"

    def _doer_is_agency(self, subject: Any) -> bool:
        """The outcome's subject is a professional or an agency ("the TAF will have
        reviewed the plan"): what it says is work done, not a change for the family."""
        base = lemma(subject)
        if base in self.person_head or subject.tag_ == "PRP":
            return False
        return self._professional(subject) or self._acronym(subject) or \
            base in self.agency_noun

    # ------------------------------------------------------------------ work
    def read_work(self, doc: Any) -> WorkReading | None:
        """Read a work item: its action verb and who does it. Needs a parse."""
        if not len(doc) or not doc.has_annotation("DEP"):
            return None
        sent = next(iter(doc.sents))
        whole = Part.of(doc, sent.start, _trim(doc, sent.end - 1) + 1)
        main = None
        for token in sent:
            if token.lower_ in ("will", "shall", "'ll", "to") and token.dep_ in ("aux",) and \
                    token.head.tag_.startswith("VB"):
                main = token.head
                break
        root = sent.root
        if main is None and root.tag_.startswith("VB") and root.tag_ != "VBG":
            main = root
        if main is None:
            # "Support as needed.", "Input from a speech therapist.": no action at all;
            # "Weekly sessions on bedtime routines" at least names what the sessions do.
            head = root if root.tag_.startswith("NN") or (
                root.tag_ == "VBG" and not any(c.dep_ in (*SUBJECT_DEPS, "aux")
                                               for c in _kids(root))) else None
            vague = head is not None and (self._vague_noun(head) or any(
                c.dep_ == "acl" and c.tag_ == "VBG" and lemma(c) in self.vague_action
                and not any(g.dep_ in ("dobj", "xcomp", "advcl") for g in _kids(c))
                for c in _kids(head)))  # "partnership working between agencies"
            person = next((t for t in doc if t.tag_.startswith("NN") and not (
                t.dep_ == "pobj" and t.head.lower_ in ("to", "for", "into", "onto", "with"))
                and (
                lemma(t) in self.person_head or self._professional(t) or self._acronym(t)
                or lemma(t) in self.responsible_noun)), None)
            owner = None if person is None else self._part(doc, person)
            return WorkReading(owner, True, None, vague,
                               "names help or a provision, with no action anyone will take",
                               whole)
        owner, known = self._owner(doc, main)
        action = main
        # "will continue to support", "to carry out visits", "to keep an eye on"
        for _ in range(2):
            inner = next((c for c in _kids(action) if c.dep_ == "xcomp"
                          and c.tag_.startswith("VB")), None)
            if inner is None or lemma(action) not in self.aspect_verb | {"carry", "have"}:
                break
            action = inner
        base = lemma(action)
        if base == "make" and action.i + 1 < len(doc) and \
                doc[action.i + 1].lower_ in ("sure", "certain"):
            base = "ensure"  # "Mum to make sure the children get to school"
        obj = self._object_of(action)
        # What is to be ensured is not how ("make sure the children get to school").
        purpose = any(c.dep_ in ("advcl", "xcomp", "ccomp") and c.tag_.startswith("VB")
                      and not (base == "ensure" and c.dep_ == "ccomp")
                      and c.i > action.i and not any(g.dep_ == "mark" and g.lower_ == "as"
                                                     for g in _kids(c))
                      for c in _kids(action)) or any(
                          c.dep_ == "conj" and c.tag_.startswith("VB")
                          and lemma(c) not in self.vague_action for c in _kids(action))
        vague = False
        reason = f"says what will be done: {action.text}"
        if not purpose:
            if base in self.vague_action:
                vague, reason = True, (f"\"{action.text}\" does not say what will be done, "
                                       "so no one could check it happened")
            elif base in self.light_verb and obj is not None and not any(
                    c.dep_ == "nummod" for c in _kids(obj)) and (
                    lemma(obj) in self.vague_action | self.help_noun
                    or self._verb_of_noun(lemma(obj)) is not None
                    or (obj.tag_.startswith("NN") and self._quality_noun(obj)
                        and not any(c.dep_ == "prep" and c.lower_ in ("on", "about")
                                    for c in _kids(obj)))):
                # "offer ongoing reassurance", "maintain oversight", "provide input"
                vague, reason = True, (f"\"{action.text} {obj.text}\" does not say what "
                                       "will be done")
            elif obj is None and base in ("be", "stay", "remain", "keep", "become") and any(
                    c.dep_ == "acomp" for c in _kids(action)):
                # "School to stay alert to any changes": a state, not an action
                vague, reason = True, (f"\"{action.text}\" with an adjective is a state, not "
                                       "something anyone could check was done")
            elif any(c.dep_ == "auxpass" for c in _kids(action)) and (
                    passive_subject := self._passive_subject(action)) is not None and \
                    not self._animate(passive_subject) and self._vague_noun(
                        passive_subject, generic=True):
                vague, reason = True, (f"\"{_np_text(passive_subject)} to be {action.text}\""
                                       " does not say what will be done")
            elif base == "visit" and not any(c.dep_ in ("advcl", "conj") for c in
                                             _kids(main)):
                vague, reason = True, ("a visit with no purpose does not say what will be "
                                       "done")
            elif base == "take" and obj is not None and lemma(obj) == "place":
                vague, reason = True, "\"to take place\" does not say who does what"
        return WorkReading(owner, known, base, vague, reason, whole)

    def _owner(self, doc: Any, main: Any) -> tuple[Part | None, bool]:
        subject = next((c for c in _kids(main) if c.dep_ in ("nsubj", "npadvmod", "dep")
                        and c.i < main.i and c.tag_.startswith(("NN", "PRP"))), None)
        if subject is not None and subject.dep_ == "dep" and not self._thing(subject):
            subject = None  # a stray noun is read only as "Access (to support)"
        passive_clause = any(c.dep_ == "auxpass" for c in _kids(main))
        if subject is None and main.dep_ in ("relcl", "acl") and main.head.i < main.i and \
                not passive_clause:
            subject = main.head  # "Mum to engage with X" parsed as a noun phrase
        passive = next((c for c in _kids(main) if c.dep_ == "nsubjpass"), None)
        if main.dep_ == "ROOT" and main.tag_ == "VB" and subject is None and passive is None \
                and not any(c.dep_ == "aux" for c in _kids(main)):
            return None, True  # "Step down to Early Help": an instruction to no one
        if subject is not None and subject.lower_ not in ("it", "there"):
            if self._thing(subject):
                return None, True  # "Transport home to be provided"
            return self._part(doc, subject), True
        agent = self._agent(main)
        if agent is not None:
            return self._part(doc, agent), True
        if passive is None and any(c.dep_ == "auxpass" for c in _kids(main)) and \
                main.dep_ in ("advcl", "relcl", "acl") and main.head.i < main.i and \
                main.head.tag_.startswith(("NN", "VBG")):
            passive = main.head  # "Transport to school to be arranged": read as a phrase
        if passive is not None:
            return None, True  # "Dad to be given information": no one is named to do it
        return None, False

    def _passive_subject(self, verb: Any) -> Any:
        subject = next((c for c in _kids(verb) if c.dep_ == "nsubjpass"), None)
        if subject is None and verb.dep_ in ("advcl", "relcl", "acl") and \
                verb.head.i < verb.i and verb.head.tag_.startswith(("NN", "VBG")):
            subject = verb.head
        return subject

    def _vague_noun(self, head: Any, generic: bool = False) -> bool:
        """A work item's noun that names help, a provision or a vague action ("support",
        "regular monitoring of progress", "consideration", "services"), with nothing that
        says what it is about ("sessions on bedtime routines" say; "input" does not).
        ``generic`` adds bare service nouns ("services to be delivered")."""
        base = lemma(head)
        part_of_word = -1
        if head.i >= 2 and head.doc[head.i - 1].tag_ == "HYPH" and \
                head.doc[head.i - 2].head.i == head.i:  # "check-ins": one word, split
            joined = f"{head.doc[head.i - 2].lower_}-{base}"
            if joined in self.vague_action | self.help_noun:
                base, part_of_word = joined, head.i - 2
        verb = self._verb_of_noun(base)
        kinds = self.vague_action | self.help_noun
        if not (base in kinds or (verb is not None and verb in self.vague_action) or (
                generic and base in ("service", "services", "intervention", "provision",
                                     "advice", "guidance", "information"))):
            return False
        return not any((c.dep_ == "prep" and c.lower_ in ("on", "about", "around")) or (
            c.dep_ == "prep" and c.lower_ == "of" and verb is None) or (
                c.dep_ == "compound" and verb is None and c.i != part_of_word and
                not self._acronym(c) and (
                    lemma(c) not in self.service_head or lemma(c) in self.weak_service_head))
            for c in _kids(head))

    def _verb_of_noun(self, base: str) -> str | None:
        """The verb a noun is made from, when it names one of the vague actions
        ("monitoring" -> monitor, "consideration" -> consider, "involvement" ->
        involve); None otherwise."""
        for suffix in self.nominal_suffix:
            if base.endswith(suffix) and len(base) > len(suffix) + 3:
                stem = base[:-len(suffix)]
                for candidate in (stem, stem + "e", stem[:-1] if len(stem) > 2 and
                                  stem[-1] == stem[-2] else stem):
                    if candidate in self.vague_action:
                        return candidate
        return None

    def _thing(self, noun: Any) -> bool:
        """A subject that cannot do the work: a provision or an object, not a person."""
        base = lemma(noun)
        if self._animate(noun) or base in self.responsible_noun or self._professional(noun) \
                or base in self.agency_noun or base in self.service_head:
            return False
        return base in self.help_noun or base in self.thing_noun or \
            base.endswith(("tion", "ment", "ance", "ity"))

    # ----------------------------------------------------------- seriousness
    def read_seriousness(self, doc: Any) -> SeriousnessReading | None:
        """The first consequence clause whose actor or victim is an agency (criticised,
        inspected, out of pocket, or acting against the family), else None."""
        if not len(doc) or not doc.has_annotation("DEP"):
            return None
        for token in doc:
            if not token.tag_.startswith(("VB", "MD", "JJ")) or self._in_condition(token):
                continue
            subject = next((c for c in _kids(token) if c.dep_ in SUBJECT_DEPS
                            or c.dep_ == "csubj"), None)
            if subject is None:
                # "... and the council will look bad": the subject misread as a conjunct
                aux = next((c for c in _kids(token) if c.dep_ == "aux" and c.i < token.i),
                           None)
                if aux is not None and aux.i and doc[aux.i - 1].tag_.startswith("NN"):
                    subject = doc[aux.i - 1]
                elif any(c.dep_ == "expl" for c in _kids(token)):
                    subject = next((c for c in _kids(token) if c.dep_ == "attr"), None)
                elif token.dep_ == "xcomp":  # "will continue to use": the head's subject
                    subject = next((c for c in _kids(token.head)
                                    if c.dep_ in SUBJECT_DEPS), None)
            if subject is None:
                continue
            if subject.lower_ == "there":  # "there will be a complaint against the service"
                subject = next((c for c in _kids(token) if c.dep_ in ("attr", "dobj")),
                               subject)
            start = subject.left_edge.i
            span = Part.of(doc, start, _trim(doc, _clause_end(token)) + 1)
            passive = subject.dep_ == "nsubjpass" or any(
                c.dep_ == "auxpass" for c in _kids(token))
            agent = self._agent(token)
            if passive and lemma(subject) not in self.person_head and self._in(
                    lemma_forms(token), self.service_passive | self.outcome_passive) and \
                    subject.tag_ not in ("NNP", "PRP"):
                return SeriousnessReading(span, (f"\"{token.text}\" is a step in the agency's "
                                                 "process, not what happens to the child"))
            if self._agency(subject) or any(
                    c.dep_ == "prep" and c.lower_ in ("against", "about") and any(
                        g.dep_ == "pobj" and self._agency(g) for g in _kids(c))
                    for c in _kids(subject)):
                who = doc[subject.left_edge.i:subject.i + 1].text
                if passive or lemma(token) in self.agency_harm:
                    return SeriousnessReading(span, f"the risk is to {who}, not to the child")
                return SeriousnessReading(span, (f"says what {who} will do, not what will "
                                                 "happen to the child"))
            if agent is not None and self._agency(agent):
                who = doc[agent.left_edge.i:agent.i + 1].text
                return SeriousnessReading(span, (f"says what {who} will do, not what will "
                                                 "happen to the child"))
            if any(t.lower_ in ("us", "our", "we") for t in token.subtree):
                return SeriousnessReading(span, ("says what will happen to us, not what will "
                                                 "happen to the child"))
            if lemma(token) in ("need", "require", "cost", "use") and token.dep_ not in (
                    "relcl", "acl") and any(
                    t.dep_ in ("dobj", "pobj") and (self.service_shaped(t)[0]
                                                    or self._agency(t))
                    for t in token.subtree if t.i > token.i):
                return SeriousnessReading(span, ("counts the cost to services, not what will "
                                                 "happen to the child"))
        return None

    def _agency(self, noun: Any) -> bool:
        base = lemma(noun)
        if noun.lower_ in ("we", "us"):
            return True
        if any(c.dep_ == "poss" and (c.lower_ in ("our", "its") or (
                c.tag_.startswith("NN") and lemma(c) in self.agency_noun))
               for c in _kids(noun)):
            return True  # "our targets", "the school's results"
        if base in self.agency_noun or base in self.agency_thing or \
                base in self.service_head:  # an institution ("the nursery", "the clinic")
            return True
        if noun.tag_ in ("NN", "NNS") and base not in self.person_head and any(
                c.dep_ == "compound" and c.tag_ == "NNP" for c in _kids(noun)):
            return True  # "the Zorblax academy": a named organisation
        if noun.tag_ == "NNP" and base not in self.person_head and any(
                c.dep_ == "det" and c.lower_ == "the" for c in _kids(noun)):
            return True  # "the Ombudsman", "the Tribunal": an office, not a person's name
        return self.service_shaped(noun)[0] == "service" or self._professional(noun)

    @staticmethod
    def _in_condition(token: Any) -> bool:
        """True inside "If ...", "Unless ...", "Without ..." (the condition, not the
        consequence)."""
        node = token
        for _ in range(8):
            if node.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in (
                    "if", "unless", "when", "until", "once") for c in _kids(node)):
                return True
            if node.head.i == node.i:
                return False
            node = node.head
        return False

    def _measured(self, doc: Any) -> bool:
        """True when the statement holds a number, a frequency or a bound ("at least",
        "no more than", "every", "each"). A number that only says when ("by the end of
        Key Stage 4", "by Year 6", "within 3 months", "by 14/03/2027") is a date, not a
        measure."""
        for token in doc:
            low = token.lower_
            if low in ("%", "percent", "every", "each", "daily", "weekly", "nightly",
                       "monthly", "fortnightly", "once", "twice", "always", "never",
                       "without", "instead"):
                return True
            if token.like_num and not self._when(token):
                return True
        return False

    def _when(self, number: Any) -> bool:
        """True when ``number`` is part of a time phrase, not a count of anything."""
        from assistant.dates import parse_date

        try:
            parse_date(number.text)
            return True  # "14/03/2027"
        except ValueError:
            pass
        head = number.head
        if lemma(head) in self.time_noun or (number.i and lemma(
                number.doc[number.i - 1]) in self.time_noun):
            # "Year 6", "Key Stage 4", "3 months", "14 March": inside a time phrase only
            # when the phrase hangs on a preposition of time
            node = head if lemma(head) in self.time_noun else number
            for _ in range(4):
                if node.dep_ == "pobj" and node.head.lower_ in self.time_prep:
                    return True
                if node.head.i == node.i:
                    break
                node = node.head
        return False

    # ------------------------------------------------------- blank fallback
    def _read_words(self, doc: Any) -> list[NeedReading]:
        """Without a parse: find the need word and read what follows by word order."""
        readings: list[NeedReading] = []
        for token in doc:
            low = token.lower_
            if low not in self.need_words and low not in self.require_words:
                continue
            if token.i and doc[token.i - 1].lower_ in ("a", "the", "no", "their", "his",
                                                       "her", "of"):
                continue
            form: Form = "requires" if low in self.require_words else "needs"
            reading = NeedReading(form=form, predicate=Part.of(doc, token.i, token.i + 1),
                                  parsed=False)
            start = token.i
            while start > 0 and not doc[start - 1].is_punct and token.i - start < 4 and \
                    doc[start - 1].lower_ not in ("and", "but", "so", "because"):
                start -= 1
            words = [t for t in doc[start:token.i] if t.lower_ not in (
                "does", "do", "did", "not", "n't", "also", "really", "still", "will")]
            if words:
                reading.holder = Part.of(doc, words[0].i, words[-1].i + 1)
            reading.negated = any(doc[j].lower_ in self.negators
                                  for j in range(max(0, token.i - 3), token.i))
            end = token.i + 1
            while end < len(doc) and not doc[end].is_punct:
                end += 1
            if token.i + 1 < len(doc) and doc[token.i + 1].lower_ == "to":
                reading.what = "clause"
                if token.i + 2 < len(doc):
                    reading.verb = doc[token.i + 2].lemma_.lower() or doc[token.i + 2].lower_
            elif token.i + 1 < len(doc):
                reading.what = "phrase"
                last = token.i + 1
                while last + 1 < end and doc[last + 1].lower_ not in (
                        "to", "for", "from", "at", "in", "with", "so", "and", "that", "who",
                        "because", "when", "on", "by", "of"):
                    last += 1
                reading.head = doc[last].lemma_.lower() or doc[last].lower_
            if reading.what is None:
                continue
            reading.what_part = Part.of(doc, token.i + 1, max(end, token.i + 2))
            reading.span = Part.of(doc, token.i, max(end, token.i + 2))
            reading.reason = "no parse: read by word order only"
            readings.append(reading)
        return readings


def _right_edge(verb: Any, anchors: frozenset[str]) -> int:
    """The end of a clause, short of a coordinated need ("to be safe | and needs X");
    ``anchors`` are the words of a need ("needs", "requires")."""
    end = verb.i
    for child in _kids(verb):
        if child.i < verb.i:
            continue
        if child.dep_ == "conj" and child.lower_ in anchors:
            break
        if child.dep_ == "cc" and any(c.dep_ == "conj" and c.lower_ in anchors
                                      for c in _kids(verb)):
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


def _np_text(head: Any) -> str:
    """The noun phrase of ``head`` without its determiner and trailing clause."""
    start = head.left_edge.i
    doc = head.doc
    while start < head.i and doc[start].dep_ in ("det", "poss", "predet"):
        start += 1
    end = head.i
    for child in _kids(head):
        if child.i > head.i and child.dep_ in ("prep",) and end == child.i - 1:
            end = _trim(doc, child.right_edge.i)
            break
    return doc[start:end + 1].text


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
    criticised") rather than what will happen to the child: the clause and why."""

    span: Part
    reason: str


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
    return all(t.is_punct for t in head.doc[end:head.sent.end])


def _namelike(token: Any) -> bool:
    """A token that can be a plan-style holder: a noun or pronoun, or a capitalised word
    the tagger took for something else ("Leah to achieve ...": "Leah" read as UH)."""
    return token.tag_.startswith(("NN", "PRP")) or (
        token.is_title and token.tag_ in ("UH", "JJ", "RB", "VB", "VBP", "FW"))
