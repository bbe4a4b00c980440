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
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import replace
from typing import Any, Self

from assistant.wording.structure.readings import (
    FAULTS,
    KNOWN_VERBS,
    SPECIFYING_DEPS,
    SUBJECT_DEPS,
    Category,
    Form,
    NeedReading,
    Part,
    _bare,
    _kids,
    _local,
    _namelike,
    _np_text,
    _right_edge,
    _stems,
    _trim,
    lemma,
    lemma_forms,
)


class NeedReader:
    """Reads need statements with word classes from ``framework/wording/structure.yml``.

    It also holds the word classes and the noun and verb tests the other readers share
    (an outcome's noun is judged as a need's phrase would be)."""

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
    def from_content(cls, content: Any = None) -> Self:
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
        # The coach reads a statement once for its findings and again for what it says
        # when it flags nothing: the last document's readings are kept (per thread), for
        # this reader only (the audit's reader reads the same document once lemmas are
        # added, and the reader prefers a real lemma to its own).
        key = (id(self), frozenset(skip))
        last = getattr(_local, "needs", None)
        if last is not None and last[0] is doc and last[1] == key:
            return list(last[2])
        if not doc.has_annotation("DEP"):
            return self._read_words(doc)
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
        from assistant.wording.structure.readings import _rows

        strings = doc.vocab.strings
        if self._ids is None or self._ids[0] is not strings:
            self._ids = (strings,
                         frozenset(strings.add(w) for w in self.anchor_words
                                   | {"benefit", "benefits", "benefited", "benefitted"}),
                         strings.add("TO"), frozenset({strings.add("VB"), strings.add("VBN")}))
        _, words, to_tag, verb_tags = self._ids
        rows = _rows(doc)  # LOWER 0, TAG 5, HEAD 6 (relative, as unsigned)
        out: set[int] = set()
        for i, row in enumerate(rows):
            if row[0] in words:
                out.add(i)
            elif row[5] == to_tag and row[6]:
                target = i + (row[6] - 2 ** 64 if row[6] >= 2 ** 63 else row[6])
                if 0 <= target < len(rows) and rows[target][5] in verb_tags:
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
        if not (head.is_title or head.is_upper) or head.i <= head.sent.start or \
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


    def _quality_noun(self, noun: Any) -> bool:
        """A noun of a quality or capacity by its class or its shape (-ness, -ity,
        -ance, -ence, -ship, self-...), whatever modifies it."""
        base = lemma(noun)
        return base in self.abstract_noun or base in self.universal_noun or \
            base.endswith(("ness", "ity", "ance", "ence", "hood", "esteem")) or \
            base.endswith(self.bond_suffix) or base.startswith("self-") or \
            base in ("skill", "ability", "control", "awareness", "insight")

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


