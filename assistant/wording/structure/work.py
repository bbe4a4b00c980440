"""Read a work item: who does it, the action, and whether anyone could check it was done."""

from __future__ import annotations

from functools import partial
from typing import Any

from assistant.wording.structure import timing
from assistant.wording.structure.needs import NeedReader
from assistant.wording.structure.readings import (
    KNOWN_VERBS,
    SUBJECT_DEPS,
    Part,
    WorkReading,
    _kids,
    _np_text,
    _trim,
    lemma,
    sent_start,
    word_class,
)
from assistant.wordlists import TimeWords, shipped_time


class WorkReader(NeedReader):
    """Reads work items with the word classes of ``framework/wording/structure.yml``."""

    def __init__(self, lexicons: dict[str, list[str]]) -> None:
        super().__init__(lexicons)
        #: the time words (framework/words/time.yml) frequencies and starts are read with
        self.time_words: TimeWords = shipped_time()
        words = partial(word_class, lexicons)
        self.arrangement_noun = words("shape_arrangement_noun")
        self.format_mod = words("shape_format_mod")
        self.vague_phrasal = words("shape_work_vague_phrasal")
        self.work_help_noun = words("shape_work_help_noun")
        self.act_noun = words("shape_work_act_noun")
        self.given_noun = words("shape_work_given_noun")
        self.generic_target = words("shape_work_generic_target")
        self.event_subject = words("shape_work_event_subject")
        self.capacity_verb = words("shape_capacity_verb")
        self.collective_owner = words("shape_work_collective_owner")
        self.contingent_noun = words("shape_work_contingent_noun")
        self.collective_mod = words("shape_work_collective_mod")
        self.unnamed_owner = words("shape_work_unnamed_owner")
        self.work_light_verb = self.light_verb | words("shape_work_light_verb")
        # verbs of an abstract relation between people or agencies ("coordinate",
        # "cooperate", "consult"): like "liaise", they name no act anyone could check
        self.relation_verb = words("shape_work_relation_verb")
        self.work_vague = self.vague_action | self.relation_verb
        # verbs whose act is getting someone else to act ("ask the parents to engage"):
        # what they are asked to do is then the action, and is judged as one
        self.request_verb = self.enabling_verb | words("shape_work_request_verb")
        # meeting someone names no act unless it says what for ("meet with you in person")
        self.meeting_verb = words("shape_work_meeting_verb")
        # the labels of a plan table's cells written on one line ("Who: ... What: ...")
        self.field_owner = words("shape_work_field_owner")
        self.field_action = words("shape_work_field_action")
        self.field_time = words("shape_work_field_time")
        # the nouns of a date or deadline ("by the end of term", "by Friday"): a "by"
        # before one gives when, not who
        self.date_noun = words("work_date_noun") | {"end", "start", "beginning", "middle",
                                                    "close", "time"}
        # the work verbs' own spellings, so "chasing" reads as chase, not "chas"
        KNOWN_VERBS.update(w for w in self.work_vague | self.work_light_verb if w.isalpha())

    def can_act(self, head: Any) -> bool:
        """True when the noun heading a work item's owner names someone who can do work:
        a name or pronoun, a person or family role, a professional (by list or by suffix:
        "a mediator"), an agency ("the school") or a team or service of a named kind
        ("the Kestrel team"); not a thing read as the subject ("Curfew plan agreed").

        Why: the interview offers the owner a work statement names, and an offer must be
        someone the worker would write under "Who will do this?"."""
        if self.unnamed(head):
            return False  # "someone", "TBC": a place for an owner, not one
        if head.tag_ in ("NNP", "NNPS", "PRP") or self._acronym(head):
            return True
        if head.is_title and head.tag_ in ("VB", "VBP") and self._name_read_as_verb(head):
            return True  # "Willow/VB to attend ...": a name the tagger read as a verb
        base = lemma(head)
        if base in self.person_head | self.carer_noun | self.child_noun | self.role_person \
                | self.agency_noun or self._professional(head) or self._agent_noun(head):
            return True
        return base in ("team", "service", "services", "agency", "charity", "council") and \
            any(c.dep_ in ("compound", "amod", "nmod") for c in _kids(head))

    def acting_owner(self, doc: Any, work: WorkReading | None) -> Part | None:
        """The owner ``work`` (the reading of ``doc``) names, as written, when its last
        word is someone who can act (:meth:`can_act`: "Health visitor" in "Health visitor
        to support Mum"), else None: no one is named, the parse cannot tell, or the words
        read as the owner only modify another noun ("family" in "support from the family
        support worker").

        Why one reading: the interview offers it under "Who will do this?" and the
        coach's work findings carry it as their holder, so the two never disagree."""
        owner = work.owner if work is not None and work.owner_known else None
        if owner is None or owner.end <= owner.start:
            return None
        head = doc[owner.end - 1]
        if head.dep_ in ("compound", "amod", "nmod", "poss") or not self.can_act(head):
            return None
        return owner

    def unnamed(self, head: Any) -> bool:
        """True when the noun in the owner's place stands for someone not yet named: a
        person left to be found ("someone", "anybody") or a placeholder ("TBC", "tba"),
        itself or as what is said of it ("Worker TBC", "a worker, tbc")
        (``shape_work_unnamed_owner``).

        Why: "Someone to ring Mum weekly" and "Who? TBC" read as owned, a placeholder
        taken for an acronym and "someone" for a person, so the plan showed an action no
        one is answerable for as having an owner."""
        words = self.unnamed_owner
        return head.lower_ in words or lemma(head) in words or any(
            c.lower_ in words for c in _kids(head)
            if c.dep_ in ("compound", "appos", "amod", "npadvmod", "nmod"))

    def names_someone(self, doc: Any, named: Any = None) -> bool:
        """Whether an answer to "Who will do this?" names anyone who can do the work: a
        word the reader can read as acting (:meth:`can_act`: "Mum", "the family support
        worker", "the school", "SW"), or one ``named`` accepts (a person of the case).
        Not a place for an owner ("someone", "TBC", "to be confirmed") nor a body of
        people as a whole ("the team", "everyone", "all agencies"), as the work stage
        reads an item's subject (:meth:`_collective`); "someone at the school" names the
        school, but "Worker TBC" no one yet. Every word is read: a one-word answer ("Mum")
        may be tagged as anything."""
        words = self.unnamed_owner
        return any(t.is_alpha and not self._collective(t, t) and not (
            t.head.lower_ in words and t.dep_ in ("compound", "amod", "nmod", "appos")
        ) and (self.can_act(t) or (named is not None and named(t.text))) for t in doc)

    def read_frequency(self, doc: Any) -> list[Part]:
        """How often and for how long the work runs, as the statement says it: "every
        Tuesday", "weekly" and "for six weeks", "until the next review"; [] for "as
        needed" or "regularly" (``timing.frequency_spans``).

        Why: the interview offers it for "How often, and for how long?" rather than
        asking for what the worker has already written."""
        return [Part.of(doc, start, end)
                for start, end in timing.frequency_spans(doc, self.time_words)]

    def read_start(self, doc: Any) -> Part | None:
        """The phrase giving when the work starts ("from 7 December", "starting next
        week", "on 3 March"), or None; a deadline ("by the end of the year") or a day
        that repeats ("every Tuesday") is not a start (``timing.start_span``)."""
        found = timing.start_span(doc, self.time_words)
        return None if found is None else Part.of(doc, *found)

    def read_work(self, doc: Any) -> WorkReading | None:
        """Read a work item: its action verb and who does it. Needs a parse.

        An item written under its own heading ("Calm corner: provide a quiet space ...",
        "Reading buddies: pair Lily with ...") is read after the colon: the heading names
        the strategy, not who carries it out, and the parser often takes its words (or the
        instruction's capitalised verb) for a subject."""
        if not len(doc) or not doc.has_annotation("DEP"):
            return None
        fields = self._fields(doc)
        if fields is not None:
            return self._read_fields(doc, fields)
        colon = self._heading(doc)
        if colon is None:
            return self._read_item(doc)
        whole = Part.of(doc, 0, _trim(doc, len(doc) - 1) + 1)
        inner = self._read_item(doc[colon + 1:].as_doc())
        owner = self._heading_owner(doc, colon)
        if owner is None and inner is not None and inner.owner is not None and ((
                self._leads_item(doc, colon + 1 + inner.owner.start,
                                 colon + 1 + inner.owner.end) and
                self._names_doer(doc[colon + 1 + inner.owner.start:
                                     colon + 1 + inner.owner.end])) or
                self._in_agent(doc[colon + inner.owner.end])):
            # (or the agent of a participle: "Speech therapy: 6 sessions ..., delivered
            # by the NHS therapist in school")
            # "Reading: Jess to read aloud ...", "Tuesdays, 3.15pm: learning mentor to
            # walk Ayaan ...": the item itself opens with who does it
            owner = Part.of(doc, colon + 1 + inner.owner.start, colon + 1 + inner.owner.end)
        if inner is None:
            return WorkReading(owner, True, None, False, "", whole)
        if inner.action is None and inner.vague_action and any(
                t.tag_.startswith("NN") and lemma(t) not in self.help_noun | self.work_help_noun
                | self.vague_action and t.lower_ not in self.format_mod
                and lemma(t) not in self.format_mod for t in doc[:colon]):
            # help named with no action after a title that says what it is about
            # ("Speech and language: 3 sessions weekly"), not "Extra help: support"
            return WorkReading(owner, True, None, False,
                               "names help under a title that says what it is", whole)
        return WorkReading(owner, True, inner.action, inner.vague_action, inner.reason, whole)

    def _fields(self, doc: Any) -> dict[str, tuple[int, int]] | None:
        """A plan table's row written on one line, its cells labelled ("Who: school
        nurse. What: weigh Ellie at home. When: fortnightly from 3 March", "Action: ...
        By: health visitor. Date: 7 March"): each kind of cell ("owner", "action",
        "time") and where its value lies. None unless two known labels are found."""
        labels: list[tuple[str, int, int]] = []
        for token in doc:
            if token.text != ":" or token.i == 0:
                continue
            start = token.i
            while start > 0 and token.i - start < 4 and \
                    doc[start - 1].text not in (".", ";", "/", "|", ":", "\n"):
                start -= 1
            if start > 0 and doc[start - 1].text not in (".", ";", "/", "|", "\n"):
                continue  # a colon inside a sentence, not a cell's label
            words = " ".join(t.lower_ for t in doc[start:token.i] if not t.is_punct)
            kind = "owner" if words in self.field_owner else "action" if words in \
                self.field_action else "time" if words in self.field_time else None
            if kind is not None:
                labels.append((kind, start, token.i))
        if len(labels) < 2 or len({kind for kind, _, _ in labels}) < 2:
            return None
        cells: dict[str, tuple[int, int]] = {}
        for k, (kind, _, colon) in enumerate(labels):
            end = labels[k + 1][1] if k + 1 < len(labels) else len(doc)
            while end > colon + 1 and (doc[end - 1].is_punct or doc[end - 1].is_space):
                end -= 1
            cells.setdefault(kind, (colon + 1, end))
        return cells

    def _read_fields(self, doc: Any, cells: dict[str, tuple[int, int]]) -> WorkReading:
        """Read a labelled table row: the owner cell names who (unless it is empty or
        "tbc"), the action cell is read as a work item of its own."""
        whole = Part.of(doc, 0, _trim(doc, len(doc) - 1) + 1)
        owner = None
        if "owner" in cells:
            start, end = cells["owner"]
            if any(t.is_alpha and t.lower_ not in ("tbc", "tba", "none", "unknown", "n", "a")
                   for t in doc[start:end]):
                owner = Part.of(doc, start, end)
        start, end = cells.get("action", (0, len(doc)))
        inner = self._read_item(doc[start:end].as_doc()) if end > start else None
        if inner is None:
            return WorkReading(owner, True, None, True,
                               "names no action anyone will take", whole)
        if owner is None and "owner" not in cells and inner.owner is not None:
            owner = Part.of(doc, start + inner.owner.start, start + inner.owner.end)
        return WorkReading(owner, True, inner.action, inner.vague_action, inner.reason,
                           whole)

    def _names_doer(self, words: Any) -> bool:
        """A person or role by its head ("learning mentor", "her key worker"), or a
        single capitalised name ("Jess"); not a capitalised instruction and its object
        ("Use story-time") that the parser took for a name."""
        head = words[-1]
        if self._animate(head) or lemma(head) in self.person_head | self.responsible_noun or \
                self._professional(head) or self._acronym(head):
            return True
        names = [t for t in words if t.tag_ not in ("DT", "PRP$")]
        return len(names) == 1 and names[0].is_title and names[0].dep_ != "compound"

    @staticmethod
    def _leads_item(doc: Any, start: int, end: int) -> bool:
        """The words ``start:end`` open the item after a title (after a determiner at
        most) and a plan-style verb follows them ("Jess to read ...", "the mentor will
        ..."): they say who does it. Not "Pair Lily with ..." or "Use story-time to ...",
        an instruction whose verb the parser took for part of a name."""
        opening = next((t.i for t in doc[:end] if t.i >= start - 3 and t.text == ":"), None)
        first = (opening + 1) if opening is not None else start
        while first < start and start - first <= 3 and doc[first].tag_ in (
                "DT", "PRP$", "JJ", "NN", "NNS", "NNP", "VBG", "HYPH", "POS"):
            first += 1  # the role's own modifiers ("the learning mentor", "Sam's TA")
        if first != start or end >= len(doc):
            return False
        after = doc[end]
        return after.lower_ in ("to", "will", "shall", "must", "'ll", "should") or \
            after.tag_ in ("MD", "VBZ", "VBD", "VBP")

    def _heading(self, doc: Any) -> int | None:
        """The colon that ends a short title before the item itself ("Praise social
        efforts: ..."): at most five words, none a finite verb, modal or pronoun, and an
        item of three words or more after it. None when the item has no such title."""
        colon = next((t.i for t in doc[:7] if t.text == ":"), None)
        if colon is None or colon == 0 or \
                sum(not t.is_punct for t in doc[colon + 1:]) < 3:
            return None  # ("Funding: social worker." is a table row: the thing and who)
        title = doc[:colon]
        if any(t.tag_ in ("MD", "VBZ", "VBD", "VBP", "PRP", "PRP$", "WDT", "WRB")
               or t.lower_ in ("will", "to") for t in title):
            return None
        return colon

    def _heading_owner(self, doc: Any, colon: int) -> Part | None:
        """Who does an item written under a title: a person or role at the start of the
        item ("Key adult greets Sam ...", "Finn's TA will ...", "Aunty Mere will ..."),
        or one in brackets; a capitalised word the parser took for a name is the item's
        instruction when no verb follows it ("Pair Lily with an older reader")."""
        title = [t for t in doc[:colon] if t.is_alpha]
        if title and (lemma(title[-1]) in self.person_head | self.responsible_noun
                      or self._professional(title[-1]) or self._acronym(title[-1])):
            return self._part(doc, title[-1])  # a table row: "Weekly, health visitor: ..."
        words = [t for t in doc[colon + 1:] if not t.is_punct]
        for k, token in enumerate(words[:4]):
            if token.tag_.startswith("VB") and token.tag_ != "VBN" and k == 0:
                break  # "Provide a quiet space": an instruction
            if token.lower_ in ("i", "we", "he", "she", "they", "you"):
                return self._part(doc, token)
            role = lemma(token) in self.person_head | self.responsible_noun or \
                self._professional(token) or self._acronym(token) or \
                token.lower_ in self.honorific
            if role and token.lower_ not in self.honorific:
                return self._part(doc, token)
            if token.tag_ in ("NNP", "NNPS") and not role and k > 0 and \
                    token.dep_ == "compound" and token.head.i > token.i and \
                    words[0].tag_ in ("DT", "PRP$"):
                continue  # a name that says which ("the Skelton housing officer")
            if token.tag_ in ("NNP", "NNPS") and not role:
                before_ok = k == 0 or words[k - 1].lower_ in self.honorific or \
                    lemma(words[k - 1]) in self.person_head
                after = words[k + 1] if k + 1 < len(words) else None
                acts = after is not None and (after.tag_ in ("MD", "VBZ", "VBD", "TO", "POS")
                                              or after.lower_ in ("will", "to", "'ll", "and"))
                if before_ok and acts:
                    return self._part(doc, token)
                if not before_ok or k == 0:
                    break
            elif not (role or token.tag_ in ("DT", "JJ", "PRP$", "POS", "CD") or (
                    token.tag_ in ("NN", "NNS") and token.dep_ in ("compound", "amod"))):
                break  # (a compound may come before the role: "the housing officer")
        return self._bracketed_owner(doc)

    def _read_item(self, doc: Any) -> WorkReading | None:
        if not len(doc):
            return None
        sent = next(iter(doc.sents))
        whole = Part.of(doc, sent.start, _trim(doc, sent.end - 1) + 1)
        main = None
        root = sent.root
        call = self._call_read_as_name(sent)
        if call is not None:
            # "Ring Work and Income to set up an appointment": an instruction to no one
            return WorkReading(self._bracketed_owner(doc), True, lemma(call), False,
                               f"says what will be done: {call.text}", whole)
        misread_owner = self._owner_read_as_verb(root)
        imperative = misread_owner is None and self._imperative(root)
        if imperative:
            main = root  # "Contact the school by phone to check attendance"
        elif misread_owner is not None:
            main = misread_owner[1]  # "Carer | to hear Leo read": the owner, misread
        for token in sent:
            if main is not None:
                break
            if token.lower_ in ("will", "shall", "'ll", "to") and token.dep_ in ("aux",) and \
                    token.head.tag_.startswith("VB") and not self._subordinate(token.head):
                main = token.head
            elif token.lower_ == "to" and token.dep_ == "aux" and \
                    token.head.i == token.i + 1 and token.head.tag_ in ("NN", "NNS") and \
                    token.head.lower_ in self.work_vague | self.work_light_verb:
                # "Mum to access support ...": a vague verb the tagger read as a noun
                main = token.head
        if main is None:
            misread = self._misread_plan_style(sent, whole)
            if misread is not None:
                return misread
        if main is None and root.tag_.startswith("VB") and root.tag_ != "VBG" and not (
                root.tag_ == "VBP" and any(c.dep_ == "nummod" for c in _kids(root))):
            main = root  # (not "1:1 work with Mum": a noun with a number, misread)
        if main is None and (instruction := self._instruction_read_as_noun(sent)) is not None:
            return WorkReading(None, True, lemma(instruction), True,
                               f"\"{instruction.text}\" does not say what will be done, so no "
                               "one could check it happened", whole)
        if main is None:
            # "Support as needed.", "Input from a speech therapist.": no action at all;
            # "Weekly sessions on bedtime routines" at least names what the sessions do.
            head = root if root.tag_.startswith("NN") or (
                root.tag_ in ("VBG", "VBP") and not any(c.dep_ in (*SUBJECT_DEPS, "aux")
                                                        for c in _kids(root))) else None
            if head is not None and (thing := self._gerund_modifier(head)) is not None:
                head = thing  # "Beeping watches for toilet time": the watches
            if root.tag_ == "IN" and root.i == sent.start:
                # "In class support focused on groups": a misread provision cell
                head = next((c for c in _kids(root) if c.dep_ == "pobj"), None)
            vague = head is not None and (self._vague_noun(head) or self._arrangement(head)
                                          or self._resource(head) or self._untargeted(head)
                                          or any(
                c.dep_ == "acl" and c.tag_ == "VBG" and lemma(c) in self.vague_action
                and not any(g.dep_ in ("dobj", "xcomp", "advcl") for g in _kids(c))
                for c in _kids(head))) and not self._quantified_help(head)
            # ("partnership working between agencies" is vague; "one-to-one sessions
            # with the school counsellor every Wednesday" is quantified help from someone)
            # "sessions with the school counsellor": who gives sessions or visits; but
            # "liaison with the GP", "support for Mum": the other party
            given = head is not None and (lemma(head) in self.weak_service_head
                                          or lemma(head) in self.given_noun)
            person = next((t for t in doc if t.tag_.startswith("NN") and not (
                t.dep_ == "pobj" and t.head.lower_ in ("to", "for", "into", "onto", "with")
                and not (given and head is not None and t.head.lower_ == "with"
                         and t.head.head.i == head.i
                         and (self._professional(t) or self._acronym(t)
                     or lemma(t) in self.responsible_noun or self._role(t))))
                and not self._not_doer(t)
                and (
                lemma(t) in self.person_head or self._professional(t) or self._acronym(t)
                or lemma(t) in self.responsible_noun)), None)
            if person is None and head is not None:
                person = self._participle_agent(head)
            owner = None if person is None else self._part(doc, person)
            return WorkReading(owner, True, None, vague,
                               "names help or a provision, with no action anyone will take",
                               whole)
        owner, known = (self._bracketed_owner(doc), True) if imperative else \
            self._owner(doc, main)
        if misread_owner is not None:
            owner, known = self._part(doc, misread_owner[0]), True
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
                      # "encourage parents to ensure ...", "ask people to work as a
                      # team": what someone is asked to do is itself no checkable act
                      and not ((base in self.work_vague or c.dep_ in ("xcomp", "ccomp") or (
                          # "see Zoe monthly to make sure she is alright"; but "to help
                          # her ..." is given the benefit of the doubt
                          base in self.meeting_verb and lemma(c) not in self.enabling_verb))
                               and self._vague_clause(c))
                      # a condition ("if needed", "when asked") is no purpose either
                      and c.i > action.i and not any(g.dep_ in ("mark", "advmod") and g.lower_ in (
                          "as", "if", "when", "whenever", "unless", "once", "until",
                          "till", "before", "after", "while", "whilst", "since")
                          for g in _kids(c))
                      for c in _kids(action)) or any(
                          c.dep_ == "conj" and c.tag_.startswith("VB")
                          and not self._empty_act(c) and not self._condition(c)
                          and not self._contingent(c)
                          for c in _kids(action))
        # "find out how things are going": the question is no purpose
        purpose = not self._open_question(action) and (
            purpose or self._bare_purpose(action) or self._concrete_topic(action)
            or self._event_purpose(obj)
            or self._means(action) or self._quantified_act(action)
            or (base == "keep" and self._kept_thing(action, obj)) or (
                # "to visit fortnightly, to include seeing the children alone", however
                # it is parsed, says what the visit is for
                base == "visit" and any(
                    t.i > action.i and t.tag_ in ("VB", "VBG") and t.dep_ not in (
                        "aux", "auxpass", "amod", "compound") and not self._vague_clause(t)
                    for t in sent)) or (
                # "Mum to ensure the children are in bed by 8pm every night": what is to
                # be made sure of is checkable when it says how often or by when
                base == "ensure" and any(
                    c.dep_ == "ccomp" and any(self._recurs(t) for t in c.subtree)
                    # "make sure Ellie has ...": the clause hangs on "sure"
                    for c in (*_kids(action), *(g for k in _kids(action)
                                                if k.lower_ in ("sure", "certain")
                                                for g in _kids(k))))))
        vague = False
        reason = f"says what will be done: {action.text}"
        if not purpose:
            phrasal = self._vague_phrasal(action)
            # "ask the parents to engage", "encourage Mum to ensure": what someone is asked
            # to do is the action; but "call the school to check on ..." is a call
            complement = next((c for c in _kids(action) if c.dep_ in ("xcomp", "ccomp")
                               and c.i > action.i and self._vague_clause(c)), None) \
                if base in self.request_verb | self.work_vague | self.work_light_verb \
                else None
            role = self._role_held(action)
            if (base in self.work_vague and not self._focused_relation(action, obj)
                and not self._minding(action)) \
                    or phrasal or self._untargeted(action):
                vague, reason = True, (f"\"{phrasal or self._act_words(action, obj)}\" "
                                       "does not say what will be done, so no one could "
                                       "check it happened")
            elif base in self.change_verb and base not in self.work_vague and \
                    obj is not None and self._vague_clause(action):
                # "Maya to improve her attendance": an aim for a quality is what should
                # change, not something anyone will do
                vague, reason = True, (f"\"{action.text} {_np_text(obj)}\" is an aim, not "
                                       "something anyone will do")
            elif self._light_with_empty_object(action, obj):
                # "offer ongoing reassurance", "maintain oversight", "provide input"
                vague, reason = True, (f"\"{action.text} {obj.text}\" does not say what "
                                       "will be done")
            elif role is not None:
                vague, reason = True, (f"\"{action.text} {_np_text(role)}\" names a role, "
                                       "not something anyone will do")
            elif complement is not None:
                vague, reason = True, (f"\"{complement.text}\" does not say what will be "
                                       "done, so no one could check it happened")
            elif self._open_question(action):
                vague, reason = True, (f"\"{action.text} how ...\" asks an open question; "
                                       "it does not say what will be done")
            elif base in self.meeting_verb and self._unfocused_meeting(action, obj):
                vague, reason = True, (f"\"{action.text}\" with no focus does not say what "
                                       "will be done at the meeting")
            elif obj is None and base in ("be", "stay", "remain", "keep", "become") and any(
                    c.dep_ == "acomp" for c in _kids(action)) and not self._duty(action):
                # "School to stay alert to any changes": a state, not an action
                vague, reason = True, (f"\"{action.text}\" with an adjective is a state, not "
                                       "something anyone could check was done")
            elif self._relation_state(action):
                # "The mentor will be there for Kian", "Dad to stay in contact with the
                # social worker": being in a relation, not something anyone does
                vague, reason = True, (f"\"{_np_text(action)}\" is being in touch or at "
                                       "hand, not something anyone could check was done")
            elif any(c.dep_ == "auxpass" for c in _kids(action)) and \
                    base in self.work_light_verb and (
                    passive_subject := self._passive_subject(action)) is not None and \
                    not self._animate(passive_subject) and self._vague_noun(
                        passive_subject, generic=True):
                vague, reason = True, (f"\"{_np_text(passive_subject)} to be {action.text}\""
                                       " does not say what will be done")
            elif base == "visit" and not any(c.dep_ in ("advcl", "conj") for c in
                                             _kids(main)):
                vague, reason = True, ("a visit with no purpose does not say what will be "
                                       "done")
            elif self._contingent(action) and not any(self._recurs(t) for t in action.sent):
                vague, reason = True, (f"\"{action.text} any ...\" happens only if there is "
                                       "something to pass on: what will be done?")
            elif base == "take" and obj is not None and lemma(obj) == "place" and \
                    not self._supervised(action):
                vague, reason = True, "\"to take place\" does not say who does what"
        return WorkReading(owner, known, base, vague, reason, whole)

    def _call_read_as_name(self, sent: Any) -> Any:
        """An instruction to get in touch whose capitalised verb the parser read as part
        of a name ("Ring/NNP Work and Income to set up ...", "Phone/NNP Tellco about
        ..."): a verb of contacting someone, first, modifying a proper noun that is no
        person or role (so "Head Teacher to ..." keeps its owner)."""
        first = next((t for t in sent if not t.is_punct), None)
        if first is None or not first.is_title or first.dep_ not in ("compound", "nmod") or \
                first.head.tag_ not in ("NNP", "NNPS") or first.head.i <= first.i:
            return None
        word = first.lower_
        if word not in self.person_contact_verb or word in self.work_vague | \
                self.enabling_verb or word in (
                self.act_noun | self.thing_noun | self.weak_service_head | self.service_head
                | self.person_head) or word in ("be", "have", "get", "see", "visit",
                                                "contact", "live", "stay", "remain"):
            return None
        head = first.head
        if lemma(head) in self.person_head | self.responsible_noun or \
                self._professional(head) or head.dep_ not in (*SUBJECT_DEPS, "ROOT"):
            return None
        return first

    def _gerund_modifier(self, head: Any) -> Any:
        """A fragment that starts with a gerund read as its verb, though it describes
        the thing after it ("Beeping watches for toilet time", "Flashing lights by the
        door"): nothing but that bare noun depends on the gerund, so the noun is what
        the item names. None when the gerund has its own adverbs, prepositions or an
        object with a determiner ("Reading with Dad every night", "Chasing another
        professional")."""
        if head.tag_ != "VBG" or head.i != sent_start(head) or not head.is_title:
            return None
        kids = [c for c in _kids(head) if not c.is_punct]
        if len(kids) != 1 or kids[0].dep_ != "dobj" or not kids[0].tag_.startswith("NN") or \
                any(c.dep_ in ("det", "poss", "nummod") for c in _kids(kids[0])):
            return None
        return kids[0]

    def _owner_read_as_verb(self, root: Any) -> tuple[Any, Any] | None:
        """A plan-style owner the parser took for an instruction's verb ("Lead/VB
        professional to make sure ...", "Carer/VB to hear Leo read ..."): the first word
        is the root, a person or role is the root itself or its modifier, nothing is its
        object, and an infinitive follows. Returns (the role, the infinitive's verb)."""
        first = next((t for t in root.sent if not t.is_punct), root)
        # a name led by a gerund ("Leaving/VBG care team to send ...") is read as the
        # gerund's object: the object is then the role
        named = [c for c in _kids(root) if c.dep_ == "dobj" and not any(
            g.dep_ in ("det", "poss") for g in _kids(c))] if root.tag_ == "VBG" else []
        if root.tag_ == "VB" and root.is_title:
            # a role led by a word that is also a verb ("Play/VB therapist to see Kai",
            # "Support/VB worker to ..."): the object is a profession by its shape, never
            # a person the instruction is about ("Help Mum to find a flat")
            named = [c for c in _kids(root) if c.dep_ == "dobj" and c.tag_ == "NN"
                     and self._professional(c) and lemma(c) not in self.parent_noun
                     | self.carer_noun | self.child_noun and not any(
                         g.dep_ in ("det", "poss") for g in _kids(c))]
        # (a gerund with a role as its object is never an instruction, so it need not be
        # capitalised: "learning mentor to walk Ayaan ..." after a heading)
        if first.i != root.i or not (root.is_title or named) or \
                not root.tag_.startswith(("VB", "NN")) \
                or any(c.dep_ in ("dobj", "dative", *SUBJECT_DEPS) and c not in named
                       for c in _kids(root)) or len(named) > 1:
            return None
        clause = next((c for c in _kids(root) if c.dep_ in ("advcl", "xcomp")
                       and c.tag_ == "VB" and c.i > root.i and any(
                           a.dep_ == "aux" and a.lower_ == "to" and a.i == c.i - 1
                           for a in _kids(c))), None)
        if clause is None or clause.i - root.i > 4:
            return None
        words = [root, *(c for c in _kids(root) if c.dep_ in ("amod", "compound")
                         and root.i < c.i < clause.i)]
        words += [t for c in named for t in c.subtree if t.i < clause.i]
        if clause.i - 1 - root.i != len(words):
            return None  # something else stands between the role and "to"
        role = next((t for t in reversed(words) if lemma(t) in self.person_head
                     | self.responsible_noun or t.lower_ in self.person_head
                     | self.responsible_noun or self._professional(t) or self._acronym(t)),
                    None)
        if role is None and words == [root] and root.tag_ == "VB" and root.is_title and \
                self._name_read_as_verb(root):
            role = root  # "Willow/VB to attend ...": a name, as the need reader reads it
        return None if role is None else (role, clause)

    def _instruction_read_as_noun(self, sent: Any) -> Any:
        """A vague instruction whose capitalised verb the parser read as part of a name
        ("Support/NNP Kai as he moves ...", "Monitor/NNP Ben's ..."): the first word is
        a vague verb's form, tagged as a noun that modifies a person. None otherwise."""
        first = next((t for t in sent if not t.is_punct), None)
        if first is None or not first.is_title or not first.tag_.startswith("NN") or \
                first.dep_ not in ("compound", "nmod") or first.lower_ not in self.work_vague:
            return None
        return first if self._animate(first.head) and first.head.i > first.i else None

    def _empty_act(self, verb: Any) -> bool:
        """A verb that names no checkable act by itself: an abstract relation ("work
        with", "liaise"), a vague phrasal ("follow up") or a light verb with an empty
        object ("provide practical support")."""
        return lemma(verb) in self.work_vague or self._vague_phrasal(verb) is not None or \
            self._light_with_empty_object(verb, self._object_of(verb))

    def _vague_phrasal(self, action: Any) -> str | None:
        """"check on", "follow through", "drive (the plan) forward": a verb with a
        particle that together name no act."""
        base = lemma(action)
        obj = next((c.i for c in _kids(action) if c.dep_ == "dobj"), None)
        return next((f"{base} {c.lower_}" for c in _kids(action) if c.dep_ in (
            "prep", "prt", "advmod") and f"{base} {c.lower_}" in self.vague_phrasal
            # not a preposition of when or where after the object ("build a chart on
            # Monday" is not "build on")
            and not (c.dep_ == "prep" and ((obj is not None and obj < c.i) or any(
                g.dep_ == "pobj" and (lemma(g) in self.date_noun or g.like_num)
                for g in _kids(c))))), None)

    def _act_words(self, action: Any, obj: Any) -> str:
        """The words of a vague act as the worker wrote them: the verb, and an idiom's
        object and preposition with it ("keep a close eye on", "provide input into"), so
        the quote is the act and not its first word; a person as the object is left out
        ("support", not "support Mum")."""
        if obj is None or obj.i <= action.i or obj.i - action.i > 4 or self._animate(obj) \
                or obj.i + 1 >= len(obj.doc):
            return action.text
        after = obj.doc[obj.i + 1]
        if after.dep_ != "prep" or after.head.i not in (action.i, obj.i):
            return action.text
        return obj.doc[action.i:after.i + 1].text

    def _event_purpose(self, obj: Any) -> bool:
        """Visits, sessions or meetings with what they are for ("SW to undertake
        fortnightly visits to check the home conditions"): in a plan-style item the parser
        hangs the purpose on the event, not on the verb, and it says what will be done as
        "to visit fortnightly to check ..." does."""
        return obj is not None and lemma(obj) in self.event_subject and any(
            c.dep_ in ("relcl", "acl", "advcl") and c.tag_ == "VB" and c.i > obj.i
            and any(g.dep_ == "aux" and g.lower_ == "to" for g in _kids(c))
            and not self._vague_clause(c) for c in _kids(obj))

    def _light_with_empty_object(self, action: Any, obj: Any) -> bool:
        """A light verb whose object is help, a vague act or a quality ("offer ongoing
        reassurance", "organise other support", "maintain oversight"): the action is
        its object, and that names nothing anyone could check."""
        return lemma(action) in self.work_light_verb and obj is not None and not any(
            c.dep_ == "nummod" for c in _kids(obj)) and (((
                lemma(obj) in self.work_vague | self.help_noun
                or self._verb_of_noun(lemma(obj)) is not None
                or self._vague_noun(obj)) and not (
                    lemma(obj) in self.weak_service_head and self._topic(obj)))
                or (obj.tag_.startswith("NN") and self._quality_noun(obj)
                    and lemma(obj) not in self.service_head  # "a conference"
                    and not any(c.dep_ == "prep" and c.lower_ in ("on", "about")
                                for c in _kids(obj))))

    def _role_held(self, action: Any) -> Any:
        """"be the point of contact", "be a back-up person", "act as the link": a role
        someone holds, not something they will do. None when the verb is not a copula
        or "act/serve as", or the role is said by what its holder does ("be the one who
        collects Tom")."""
        base = lemma(action)
        if base in ("be", "become", "remain"):
            role = next((c for c in _kids(action) if c.dep_ == "attr"
                         and c.tag_.startswith("NN")), None)
        elif base in ("act", "serve"):
            role = next((g for c in _kids(action) if c.dep_ == "prep" and c.lower_ == "as"
                         for g in _kids(c) if g.dep_ == "pobj"), None)
        else:
            return None
        if role is None or any(c.dep_ in ("relcl", "acl") for c in _kids(role)):
            return None
        if any(c.dep_ == "prep" and c.lower_ in ("at", "during", "in", "throughout")
               for c in (*_kids(action), *_kids(role))):
            return None  # "be the safe adult at every contact": being there is done
        return role

    @staticmethod
    def _open_question(action: Any) -> bool:
        """"Check how well the plan is working", "find out how things are going": a
        question about how something goes, with no act named (unlike "check how many
        nappies are left", a count)."""
        if lemma(action) not in ("check", "see", "review", "assess", "evaluate", "gauge",
                                 "find", "establish", "explore", "ask"):
            return False
        for clause in _kids(action):
            if clause.dep_ not in ("ccomp", "xcomp", "dobj", "prep"):
                continue
            words = list(clause.subtree)
            how = next((t for t in words if t.lower_ == "how"), None)
            if how is None or how.i + 1 >= len(how.doc) or \
                    how.doc[how.i + 1].lower_ in ("many", "much", "often", "long"):
                continue
            verb = clause if clause.tag_.startswith("VB") else next(
                (t for t in words if t.tag_.startswith("VB")), None)
            if verb is not None and lemma(verb) in (
                    "go", "work", "cope", "get", "do", "manage", "settle", "feel", "be",
                    "progress"):
                return True
        return False

    def _focused_relation(self, action: Any, obj: Any) -> bool:
        """"Coordinate the TAF meetings", "consult her GP about her medication": a verb of
        an abstract relation (``shape_work_relation_verb``) names a checkable act when it
        says what it is about: a thing as its object, or a topic after "about", "on" or
        "regarding" that is no quality or help ("coordinate support", "communicate with
        school" and "consult on her wellbeing" still say nothing anyone could check)."""
        if lemma(action) not in self.relation_verb:
            return False

        def particular(noun: Any) -> bool:
            return noun.tag_.startswith("NN") and not self._animate(noun) and \
                lemma(noun) not in self.help_noun | self.vague_action | self.work_help_noun \
                and not self._quality_noun(noun) and not self._vague_noun(noun)

        if obj is not None and obj.dep_ == "dobj" and particular(obj):
            return True
        return any(g.dep_ == "pobj" and particular(g)
                   for c in _kids(action) if c.dep_ == "prep"
                   and c.lower_ in ("about", "on", "regarding", "over", "in")
                   for g in _kids(c))

    def _unfocused_meeting(self, action: Any, obj: Any) -> bool:
        """"Your PA will meet with you in person", "see Kai every eight weeks": a meeting
        with a person and nothing said of what it is for, about or where it happens
        (unlike "meet Mia at the school gate", an escort)."""
        people = [c for c in _kids(action) if c.dep_ == "dobj" and self._animate(c)]
        if any(c.dep_ == "auxpass" for c in _kids(action)):
            # "Dad to be seen by the GP": the one seen is the person met
            seen = self._passive_subject(action)
            if seen is not None and self._animate(seen):
                people.append(seen)
        after = action.doc[action.i + 1] if action.i + 1 < len(action.doc) else None
        if not people and after is not None and self._animate(after) and \
                after.tag_ != "PRP$":
            people.append(after)  # "see Zoe monthly", however "Zoe" is parsed
        people += [g for c in _kids(action) if c.dep_ == "prep" and c.lower_ == "with"
                   for g in _kids(c) if g.dep_ == "pobj"]
        if not people or not all(self._animate(p) for p in people):
            return False
        if any(t.i > action.i and t.tag_ in ("VB", "VBG") and t.dep_ not in (
                "aux", "auxpass", "amod", "compound") and not self._vague_clause(t)
               for t in action.sent):
            return False  # what it is for, however it is attached ("every week to ...")
        return not any(c.dep_ == "prep" and c.lower_ in (
            "at", "about", "over", "on", "to", "for", "outside", "after", "before")
            for c in _kids(action))

    def _duty(self, verb: Any) -> bool:
        """"Parents are responsible for maintaining the supplies": an owner and a duty
        that names an action, unless the action is itself a vague one ("responsible for
        supporting ...")."""
        return any(c.dep_ == "acomp" and c.lower_ in ("responsible", "accountable")
                   and any(p.dep_ == "prep" and p.lower_ == "for" and any(
                       g.tag_ == "VBG" and lemma(g) not in self.vague_action
                       for g in _kids(p)) for p in _kids(c)) for c in _kids(verb))

    @staticmethod
    def _stray_subject(token: Any) -> bool:
        """A "subject" the parser took from a leading phrase ("With any level of low blood
        sugar never leave ..."): the word before it is a preposition of the same verb."""
        start = token.left_edge.i
        if start == 0:
            return False
        before = token.doc[start - 1]
        return before.tag_ == "IN" and before.dep_ == "prep" and before.head.i == token.head.i

    def _subordinate(self, verb: Any) -> bool:
        """A purpose or a describing clause, not the item's own action: "(contact the
        school) to check attendance", "(opportunities) to develop note taking skills".
        A plan-style owner or thing the parser took for a noun phrase ("Mum | to engage
        with X", "the core group | to keep ...") keeps its clause as the action."""
        if verb.dep_ == "advcl" and verb.head.i > verb.i and \
                verb.head.tag_.startswith("VB") and any(
                    c.dep_ in (*SUBJECT_DEPS, "aux") for c in _kids(verb.head)):
            return True  # a purpose put first: "To keep the baby safe, Mum will ..."
        if verb.dep_ not in ("advcl", "acl", "relcl", "xcomp") or verb.head.i > verb.i:
            return False
        head = verb.head
        if head.tag_.startswith("VB"):
            return verb.dep_ in ("advcl", "acl", "relcl") or head.dep_ != "ROOT" or \
                head.tag_ == "VBG"
        # a provision noun the clause describes ("access to ... and opportunities to
        # develop ..."), not a thing given a plan-style action ("conversations to take place")
        return head.tag_.startswith("NN") and lemma(head) in self.vague_action | self.help_noun

    def _imperative(self, verb: Any) -> bool:
        """An instruction with no subject at the start of the item ("Contact the school",
        "To encourage parents to ...", "Liaise with GP"): the action, with no one named."""
        misread = verb.tag_ in ("NN", "NNP") and verb.is_title and any(
            c.dep_ == "dobj" for c in _kids(verb))  # "Phone/NN the office"
        if verb.dep_ != "ROOT" or (verb.tag_ not in ("VB", "VBP") and not misread) or any(
                c.dep_ in (*SUBJECT_DEPS, "expl") and not self._stray_subject(c)
                for c in _kids(verb)):
            return False
        first = next((t for t in verb.sent if not t.is_punct), verb)
        if first.lower_ == "to" and first.head.i == verb.i:
            first = verb
        return first.i == verb.i or (first.dep_ == "advcl" and first.head.i == verb.i) or \
            first.lower_ in ("when", "whenever", "if", "with", "during", "after", "before",
                             "never", "always", "please")

    def _misread_plan_style(self, sent: Any, whole: Part) -> WorkReading | None:
        """Plan-style "Mum to phone school every morning" that the parser read as a
        preposition and a noun ("to | phone school"): the word after "to" is the action
        and the words before it the owner. None when the item is not of that shape."""
        doc = sent.doc
        to = next((t for t in sent if t.lower_ == "to"), None)
        if to is None or to.dep_ == "aux" or to.i == sent.start or to.i + 1 >= sent.end \
                or to.i - sent.start > 5:
            return None
        before = doc[sent.start:to.i]
        after = doc[to.i + 1]
        if not all(t.tag_.startswith(("NN", "PRP", "DT", "POS", "JJ", "HYPH", "CC"))
                   for t in before) or after.tag_ in ("DT", "PRP$", "CD", "JJ", "PRP") or \
                not after.is_alpha or after.is_title:
            return None
        person = next((t for t in reversed(before) if self._animate(t)
                       or lemma(t) in self.responsible_noun | self.person_head), None)
        if person is None:
            return None
        base = lemma(after)
        vague = base in self.work_vague
        reason = (f"\"{after.text}\" does not say what will be done, so no one could "
                  "check it happened") if vague else f"says what will be done: {after.text}"
        return WorkReading(self._part(doc, person), True, base, vague, reason, whole)

    def _arrangement(self, head: Any) -> bool:
        """A provision-map cell that names an arrangement ("Small class sizes", "Use of
        assistive technology") or help by its format only ("Group support from TA in
        literacy", "Advice on contact arrangements", "1:1 work with mother around
        routines"): no action anyone takes. A compound saying what the help is ("phonics
        intervention") or a session noun ("sessions on bedtime routines") is an action."""
        base = lemma(head)
        if base in self.arrangement_noun or head.lower_ in self.arrangement_noun:
            return True
        helps = self.help_noun | self.work_help_noun
        if base not in helps or base in self.weak_service_head:
            return False
        # a compound that is itself help ("support/guidance") says no more what it is about
        return not any(t.i < head.i and t.dep_ in ("compound", "nmod")
                       and lemma(t) not in self.format_mod | helps
                       and t.lower_ not in self.format_mod
                       and not self._acronym(t) for t in head.subtree) and not any(
            (c.dep_ in ("nummod", "quantmod") or c.like_num) and c.lower_ not in self.format_mod
            for c in _kids(head))  # "1:1" is a format, not how much

    def _not_doer(self, token: Any) -> bool:
        """A person named in a fragment who is not the one doing it: what is done to them
        ("Chasing another professional", "Meeting a health visitor every week"), who is
        included ("a visit ..., including fathers"), whose thing it is ("school
        activity", "parents-teachers meetings") or who is spoken of ("making sure their
        child goes to school")."""
        if token.dep_ == "dobj" and token.head.tag_.startswith("VB"):
            return True  # "meeting the nurse"
        if token.dep_ == "poss" and (token.head.dep_ == "dobj" or (
                token.head.dep_ == "pobj" and token.head.head.lower_ in (
                    "on", "about", "of", "around", "for", "to", "into", "at"))):
            return True  # "check on the baby's weight", not "with Grandad's neighbour"
        if token.dep_ == "pobj" and token.head.lower_ in ("including", "of", "about", "around"):
            return True
        heads = [token.head]
        while heads[-1].dep_ in ("compound", "nmod") and heads[-1].head.i != heads[-1].i:
            heads.append(heads[-1].head)  # "parents-teachers meetings": whose meetings
        if token.dep_ in ("compound", "nmod") and any(
                head.tag_.startswith("NN") and lemma(head) in self.weak_service_head
                | self.thing_noun and lemma(head) not in self.help_noun for head in heads):
            return True  # "school activity", "parents' meetings"; not "SLT input"
        if token.dep_ == "compound" and lemma(token) in self.person_head and \
                heads[-1].tag_ in ("NN", "NNS") and not (
                    lemma(heads[-1]) in self.person_head | self.service_head
                    | self.agency_noun or self._professional(heads[-1])
                    or self._professional(token) or self._acronym(token)):
            # "family support", "the family home": whom it is for or whose; but "the
            # family hub" is a provider's name
            return True
        return token.dep_ in SUBJECT_DEPS and token.head.dep_ in ("ccomp", "advcl")

    def _quantified_help(self, head: Any) -> bool:
        """Sessions or visits from a named provider with how often ("one-to-one
        sessions with the school counsellor every Wednesday"): quantified help from
        someone is an action."""
        if lemma(head) not in self.weak_service_head:
            return False
        if lemma(head) == "visit" and not any(
                c.dep_ in ("acl", "relcl") and c.tag_.startswith("VB") and
                not self._vague_clause(c) and not self._empty_act(c) for c in _kids(head)):
            return False  # a visit with no focus, as the verb "visit" is judged
        provider = any(c.dep_ == "prep" and c.lower_ in ("with", "from", "by") and any(
            g.dep_ == "pobj" and (self._animate(g) or self._professional(g))
            for g in _kids(c)) for c in _kids(head))
        return provider and any(t.lower_ in ("every", "each", "daily", "weekly",
                                             "fortnightly", "monthly") or t.like_num
                                for t in head.sent)

    def _relation_state(self, action: Any) -> bool:
        """"Be there for Kian", "stay in regular contact with the school", "remain in the
        loop": a copula whose only complement is being at hand or in touch. Being at a
        place or an event ("be at the house whenever Ryan is there", "be there at every
        contact") is presence, which can be checked."""
        if lemma(action) not in ("be", "stay", "remain", "become", "keep"):
            return False
        kids = _kids(action)
        if any(c.dep_ in ("dobj", "attr", "acomp", "xcomp", "ccomp", "advcl", "oprd", "agent")
               for c in kids) or any(c.dep_ == "auxpass" for c in kids):
            return False
        preps = [c for c in kids if c.dep_ == "prep"]
        in_touch = any(c.lower_ in ("in", "into") and any(
            g.dep_ == "pobj" and (lemma(g) in self.vague_action | self.help_noun
                                  | self.work_help_noun or g.lower_ in ("touch", "loop"))
            for g in _kids(c)) for c in preps)
        at_hand = any(c.dep_ == "advmod" and c.lower_ in ("there", "around", "about", "close")
                      for c in kids) and not any(
            c.lower_ not in ("for", "with", "to") for c in preps)
        return in_touch or at_hand

    def _quantified_act(self, action: Any) -> bool:
        """"Support Ellie for 30 minutes every morning in the nurture room", "help him for
        an hour after school each day": help measured in minutes or hours per occasion,
        at a set time or place, is quantified adult help, which the plan can check was
        given; "support the family weekly" or "for six weeks" says only how often or how
        long."""
        if lemma(action) not in self.enabling_verb:
            return False
        span = list(action.subtree)
        amount = any(t.lower_ in ("minutes", "minute", "mins", "min", "hours", "hour", "hrs",
                                  "hr") and any(c.like_num or c.lower_ in ("an", "a", "half")
                                                for c in (*_kids(t), t.doc[max(t.i - 1, 0)]))
                     for t in span)
        when = any(t.lower_ in ("every", "each", "daily", "weekly", "per", "a")
                   and t.head.lower_ in ("morning", "mornings", "day", "week", "lesson",
                                         "session", "afternoon", "evening", "night",
                                         "lunchtime", "break")
                   for t in span) or any(t.lower_ in ("daily", "weekly") for t in span)
        return amount and when

    def _minding(self, action: Any) -> bool:
        """"Nana will look after the children after school on Tuesdays": looking after
        people at a set time is childcare, which anyone can see was done ("look into",
        "look at" and "keep an eye on" stay vague)."""
        return lemma(action) == "look" and any(
            c.dep_ == "prep" and c.lower_ == "after" and any(
                g.dep_ == "pobj" and self._animate(g) for g in _kids(c))
            for c in _kids(action))

    def _means(self, action: Any) -> bool:
        """"Monitor her phone use by checking the report with her", "support Mum at the
        hearing by going with her": a clause after "by" (or "through") that says how the
        verb is carried out names the act, when that clause is itself one ("by working
        with her" is not)."""
        for prep in _kids(action):
            if prep.dep_ != "prep" or prep.lower_ not in ("by", "through") or \
                    prep.i < action.i:
                continue
            for clause in _kids(prep):
                if clause.dep_ == "pcomp" and clause.tag_ == "VBG" and \
                        not self._empty_act(clause) and not self._vague_clause(clause) \
                        and not self._open_question(clause) and \
                        not self._relation_state(clause) and not (
                            lemma(clause) in ("be", "stay", "remain", "become") and any(
                                c.dep_ == "acomp" for c in _kids(clause))):
                    return True  # (not "by being available", "by being there for her")
        return False

    def _contingent(self, verb: Any) -> bool:
        """An act that happens only if something turns up ("... and report any concerns",
        "share any worries with the social worker", "pass on anything new"): what it
        passes on is "any" concern, change or news (``shape_work_contingent_noun``), so
        nothing need ever be done; unlike an event each time it happens ("tell the
        school about any absence")."""
        return any(c.dep_ in ("dobj", "pobj") and lemma(c) in self.contingent_noun | {
            "anything", "something"} and (c.lower_ in ("anything", "something") or any(
                d.dep_ == "det" and d.lower_ == "any" for d in _kids(c))) and not any(
                # "any changes to his timetable": particular changes, each time they happen
                d.dep_ in ("compound", "prep") and d.lower_ not in ("about", "regarding")
                for d in _kids(c))
            for c in (*_kids(verb), *(g for k in _kids(verb) if k.dep_ in ("prt", "prep")
                                      for g in _kids(k))))

    @staticmethod
    def _condition(verb: Any) -> bool:
        """A verb that is only a condition, however the parser attached it: "as and when
        needed", "if required", "when appropriate"."""
        return (lemma(verb) in ("need", "require", "request", "ask", "agree", "appropriate")
                and verb.tag_ == "VBN") or any(
                c.lower_ in ("when", "if", "whenever", "unless") and c.dep_ in ("advmod", "mark")
                for c in _kids(verb))

    @staticmethod
    def _recurs(token: Any) -> bool:
        """A word that says how often or by when ("every", "daily", "8pm", "on Tuesday
        nights", "at weekends"): what is to be made sure of is then checkable."""
        return token.like_num or token.lower_ in (
            "every", "each", "daily", "nightly", "weekly", "always", "never", "weekends",
            "weekdays") or (token.tag_ in ("NNS", "NNPS") and token.lower_ in (
                "mornings", "afternoons", "evenings", "nights", "mondays", "tuesdays",
                "wednesdays", "thursdays", "fridays", "saturdays", "sundays"))

    @staticmethod
    def _in_agent(token: Any) -> bool:
        """The word is (part of) the agent of a passive or participle ("by the NHS
        therapist")."""
        while token.dep_ in ("compound", "amod", "nmod") and token.head.i != token.i:
            token = token.head
        return token.dep_ == "pobj" and token.head.dep_ == "agent"

    def _supervised(self, verb: Any) -> bool:
        """"Family time to take place every Sunday, supervised by Nan": a participle after
        the item whose agent is a person or role says who runs what takes place."""
        return any(t.i > verb.i and t.tag_ == "VBN" and t.dep_ in ("acl", "advcl", "relcl",
                                                                  "conj", "dep")
                   and any(c.dep_ == "agent" and any(
                       g.dep_ == "pobj" and g.tag_.startswith(("NN", "PRP"))
                       and not self._thing(g) for g in _kids(c)) for c in _kids(t))
                   for t in verb.sent)

    def _participle_agent(self, head: Any) -> Any:
        """Who a participle after an item's noun names as its doer ("Daily sensory circuit,
        led by the nurture lead", "Two sessions a week, run by the trained TA"): the
        passive's agent is the doer by the structure, whatever its noun, unless it is a
        thing ("visuals, supported by a timer"). None when there is no such agent."""
        # (the parser may hang the participle on a later word of the phrase: "Movement
        # break every 30 minutes, prompted by the teacher")
        for clause in head.subtree:
            if clause.dep_ not in ("acl", "relcl", "advcl") or clause.tag_ != "VBN" or \
                    clause.i < head.i:
                continue
            agent = next((g for c in _kids(clause) if c.dep_ == "agent"
                          for g in _kids(c) if g.dep_ == "pobj"), None)
            if agent is not None and agent.tag_.startswith(("NN", "PRP")) and \
                    not self._thing(agent):
                return agent
        return None

    def _bare_purpose(self, action: Any) -> bool:
        """"Help Mum fill in the form", "support Dad to ring the school": help whose
        object is a person followed by what they will do. The small parser often tags the
        bare verb as a noun or adjective ("help Mum complete"), so the test is by position:
        the word after the person is not a preposition, a conjunction, an adverb, a
        possessive or the end of the clause."""
        if lemma(action) not in self.enabling_verb:
            return False
        doc = action.doc
        if action.i + 2 < len(doc) and doc[action.i + 1].tag_ == "PRP$" and \
                doc[action.i + 2].head.i == action.i:
            # "help her plan Tyler's breakfasts" read as "her plan": a noun with an object
            # of its own is the verb the person will do
            done = doc[action.i + 2]
            return done.tag_.startswith("NN") and any(
                c.dep_ == "dobj" for c in _kids(done)) and lemma(done) not in self.work_vague
        person = next((t for t in doc[action.i + 1:action.i + 4] if self._animate(t)
                       and t.tag_ != "PRP$"), None)
        if person is None or person.i + 1 >= len(doc):
            return False
        if any(t.tag_ in ("IN", "CC", "DT", "WRB") or t.is_punct
               for t in doc[action.i + 1:person.i]):
            return False  # "help with Mum's...", "support the family and Mum"
        after = doc[person.i + 1]
        if after.lower_ == "to" and after.i + 1 < len(doc):
            after = doc[after.i + 1]
            # ("encourage parents to ensure ...": a vague verb for a vague one)
            return after.tag_.startswith("VB") and not (
                lemma(action) in self.work_vague and self._vague_clause(after))
        return not (after.is_punct or after.tag_ in ("IN", "CC", "RB", "POS", "TO", "DT", "VBN",
                                                     "WDT", "WRB", "RP", "PRP", "PRP$")
                    or after.like_num or self._animate(after)
                    or after.lower_ in self.generic_place)

    def _topic(self, noun: Any) -> bool:
        """A format noun ("a session", "visits") whose compound says what it is about ("a
        life story session"), not only where ("home visits")."""
        return any(c.dep_ == "compound" and c.i < noun.i and lemma(c) not in
                   self.generic_place | self.help_noun and not self._acronym(c)
                   for c in _kids(noun))

    def _concrete_topic(self, action: Any) -> bool:
        """"Work with her on a speech programme", "go through the safety plan with him":
        a vague verb whose "on"/"through" names a particular thing (a determiner, a number
        or a name says which), not a quality ("work on his anger")."""
        if lemma(action) not in self.work_vague or self._vague_phrasal(action) is not None:
            return False  # ("follow through on the recommendations": still no act)
        for prep in _kids(action):
            if prep.dep_ != "prep" or prep.lower_ not in ("on", "through", "using"):
                continue
            for noun in _kids(prep):
                if noun.dep_ != "pobj" or not noun.tag_.startswith("NN") or \
                        self._quality_noun(noun) or self._animate(noun) or \
                        lemma(noun) in self.help_noun | self.vague_action:
                    continue
                if any((c.dep_ in ("det", "nummod") and c.lower_ not in ("his", "her", "their"))
                       or (c.dep_ == "compound" and not self._quality_noun(c))
                       for c in _kids(noun)):
                    return True
        return False

    def _kept_thing(self, action: Any, obj: Any) -> bool:
        """"Keep a sleep diary", "keep the medicines in a locked cupboard": keeping a
        thing is done and can be checked; "keep in touch", "keep an eye on", "keep Mum
        informed" and "keep the plan under review" are not."""
        if obj is not None and self._animate(obj) and any(
                c.dep_ in ("prep", "advmod", "prt") and c.lower_ in (
                    "within", "away", "out", "inside", "indoors", "off", "apart", "beside",
                    "near", "close") for c in _kids(action)):
            return True  # "keep Toby within sight", "keep him away from the pond"
        if obj is None or not obj.tag_.startswith("NN") or self._animate(obj) or \
                lemma(obj) in ("eye", "touch", "contact", "track", "check", "watch") or \
                self._quality_noun(obj) or lemma(obj) in self.agency_thing:
            return False
        if any(c.dep_ == "prep" and c.lower_ in ("under", "in") and any(
                lemma(g) in ("review", "touch", "mind", "loop") for g in _kids(c))
               for c in _kids(action)):
            return False
        if not any(c.dep_ in ("acomp", "oprd", "ccomp", "xcomp") for c in _kids(action)):
            return True
        # "keep the home clean and free of hazards, checked at each visit": a state kept
        # is checkable when the item says how often; "keep the children safe" is not
        return lemma(obj) not in self.person_head and any(
            t.lower_ in ("every", "each", "daily", "nightly", "weekly") for t in action.sent)

    def _a_time(self, token: Any) -> bool:
        """A word of when, not who: a weekday, a month, a part of the day or a unit of
        time ("every Monday", "Every Monday morning"). (Not every date noun: "contact
        visits will happen ..." is the visits' own subject.)"""
        low = token.lower_.rstrip("s")
        words = self.time_words
        return low in words.weekday_words \
            or low in words.full_months or token.lower_ in words.unit_words \
            or token.lower_ in words.day_parts

    def _named_before_to(self, doc: Any, main: Any) -> Part | None:
        """The one who can act named right before the "to" of a plan-style item's verb
        ("... Nan | to take Mia"), the name alone (not the date the parser hung on it)."""
        to = next((c for c in _kids(main) if c.dep_ == "aux" and c.tag_ == "TO"), None)
        before = doc[to.i - 1] if to is not None and to.i > 0 else None
        if before is None or before.tag_ not in ("NNP", "NN", "NNS", "PRP") \
                or self._a_time(before) or not self.can_act(before):
            return None
        return Part.of(doc, before.i, before.i + 1)

    def _owner(self, doc: Any, main: Any) -> tuple[Part | None, bool]:
        # the subject before the verb, a word of when never ("Every Monday morning Nan
        # will take Mia": Nan, not the morning); a true subject before an adverbial noun
        # ("Nan/NNP to collect Ava": a name the parser hung on the verb as an adverb)
        found = [c for c in _kids(main) if (c.dep_ in ("nsubj", "npadvmod", "dep") or (
                     c.dep_ == "advmod" and c.tag_ in ("NNP", "NNPS")))
                 and c.i < main.i and c.tag_.startswith(("NN", "PRP")) and not self._a_time(c)]
        subject = next((c for c in found if c.dep_ == "nsubj"), found[0] if found else None)
        if subject is not None and subject.dep_ == "dep" and not self._thing(subject):
            subject = None  # a stray noun is read only as "Access (to support)"
        passive_clause = any(c.dep_ == "auxpass" for c in _kids(main))
        if subject is None and main.head.i < main.i and not passive_clause and (
                main.dep_ in ("relcl", "acl") or (
                    main.dep_ in ("advcl", "dep") and main.head.dep_ in ("ROOT", "dep")
                    and main.head.tag_.startswith(("NN", "PRP")))):
            subject = main.head  # "Mum to engage with X", "SW to see..." parsed as a phrase
            if self._a_time(subject):
                subject = None  # "every Monday from 7 Dec Nan to take Mia": see below
        if subject is None and not passive_clause and (
                any(self._a_time(c) for c in _kids(main)
                    if c.dep_ == "npadvmod" and c.i < main.i)
                or (main.head.i < main.i and self._a_time(main.head))):
            # the item's verb hung on a time ("every Monday from 7 Dec Nan to take Mia"):
            # who does it is the one named right before its "to"
            named = self._named_before_to(doc, main)
            if named is not None:
                return named, True
        passive = next((c for c in _kids(main) if c.dep_ == "nsubjpass"), None)
        if main.dep_ == "ROOT" and main.tag_ == "VB" and subject is None and passive is None \
                and not any(c.dep_ == "aux" for c in _kids(main)):
            # "Step down to Early Help": an instruction to no one, unless a note in
            # brackets names who ("Provide Mum with a voucher by Friday (family worker)")
            return self._bracketed_owner(doc), True
        if subject is None and main.dep_ == "xcomp" and main.head.tag_.startswith("VB"):
            # "Callum agreed to stay away from ...": the one who agreed does it
            subject = next((c for c in _kids(main.head) if c.dep_ in ("nsubj",)
                            and c.tag_.startswith(("NN", "PRP"))), None)
        if subject is None and passive_clause and lemma(main) in self.relation_verb:
            # "Mum will be involved in all meetings": the one involved takes part
            subject = next((c for c in _kids(main) if c.dep_ == "nsubjpass"), None)
        if subject is not None and self.unnamed(subject):
            return None, True  # "Someone to ring Mum weekly", "TBC to visit": no one yet
        if subject is not None and self._collective(subject, main) and not any(
                t.dep_ == "poss" and t.lower_ == "their" for c in _kids(main)
                if c.dep_ in ("dobj", "dative") for t in c.subtree):
            # "All professionals to share ...", "the team will ...": nobody in particular
            # (but "Agencies to send their reports": each sends its own)
            return None, True
        if subject is not None and subject.lower_ not in ("it", "there"):
            if self._thing(subject):
                # "Transport home to be provided"; but "Movement break every 30 minutes,
                # prompted by the teacher" names who in its participle
                agent = self._participle_agent(main)
                return (None if agent is None else self._part(doc, agent)), True
            return self._part(doc, subject), True
        agent = self._agent(main)
        if agent is None and passive_clause:
            # "Ellie will be given 20 minutes of precision teaching daily by a trained
            # TA": the parser hung the agent on a word inside the clause
            agent = next((g for t in main.subtree if t.dep_ in ("prep", "agent")
                          and t.lower_ == "by" and t.i > main.i for g in _kids(t)
                          if g.dep_ == "pobj" and (
                              self._animate(g) or self._professional(g) or self._acronym(g)
                              or lemma(g) in self.responsible_noun | self.person_head)),
                         None)
        if agent is not None and (lemma(agent) in self.date_noun or agent.like_num):
            agent = None  # "given a laptop by the end of term": a deadline
        if agent is not None:
            return self._part(doc, agent), True
        if passive is None and any(c.dep_ == "auxpass" for c in _kids(main)) and \
                main.dep_ in ("advcl", "relcl", "acl") and main.head.i < main.i and \
                main.head.tag_.startswith(("NN", "VBG")):
            passive = main.head  # "Transport to school to be arranged": read as a phrase
        if passive is not None:
            return None, True  # "Dad to be given information": no one is named to do it
        return None, False

    def _collective(self, noun: Any, main: Any) -> bool:
        """A subject that names a body of people as a whole, not who in it will act ("All
        professionals", "Agencies", "the team", "everyone"; ``shape_work_collective_owner``):
        an action everyone owns is one no one is answerable for. A name, an acronym, a
        possessor or a kind of its own says which ("the Kestrel team", "the core group",
        "the school nursing team", "Leo's team")."""
        base = lemma(noun)
        if noun.lower_ not in self.collective_owner and base not in self.collective_owner:
            return False
        if noun.tag_ in ("NNP", "NNPS") and noun.lower_ not in ("all", "everyone", "everybody"):
            return False
        for child in _kids(noun):
            if child.dep_ in ("det", "predet", "punct") or child.lower_ in self.collective_mod \
                    or child.i == main.i:
                continue  # (the item's own verb, "Agencies | to share", read as a clause)
            if child.dep_ in ("compound", "amod", "nmod", "poss", "appos", "prep", "relcl",
                              "acl", "nummod") or child.tag_ in ("NNP", "NNPS"):
                return False  # a name or a kind says which team or agency
        if noun.lower_ in ("everyone", "everybody", "all") or noun.tag_ == "NNS":
            return True
        # a singular only as a body with nothing to say which: "the team", "the network"
        return base in ("team", "network") and any(
            c.dep_ == "det" and c.lower_ == "the" for c in _kids(noun))

    def _bracketed_owner(self, doc: Any) -> Part | None:
        """A person or role named in brackets, as plans note the owner: "(family
        worker)", "(SW)"."""
        inside = False
        for token in doc:
            if token.text in ("(", "["):
                inside = True
            elif token.text in (")", "]"):
                inside = False
            elif inside and (self._animate(token) or lemma(token) in self.responsible_noun
                             or self._professional(token)) and not (
                    token.dep_ == "appos" and token.head.i < token.i
                    and not self._animate(token.head) and not self._professional(token.head)):
                # (not "Specialist Education Services (SES)": the short name of a thing)
                return self._part(doc, token)
        return None

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
        if not (base in kinds or (verb is not None and verb in self.work_vague) or (
                generic and base in ("service", "services", "intervention", "provision",
                                     "advice", "guidance", "information"))):
            return False
        if any(c.dep_ == "prep" and c.lower_ == "between" and any(
                g.dep_ == "pobj" and self._animate(g) for g in _kids(c)) for c in _kids(head)):
            return False  # "contact between Zara and her brother": time people spend
        return not any((c.dep_ == "prep" and c.lower_ in ("on", "about", "around")) or (
            c.dep_ == "prep" and c.lower_ == "of" and verb is None) or (
                c.dep_ == "compound" and verb is None and c.i != part_of_word and
                not self._acronym(c) and (
                    lemma(c) not in self.service_head or lemma(c) in self.weak_service_head
                    # sessions of a named kind of help are held ("speech therapy
                    # sessions"), unlike "support sessions"
                    or (base in self.act_noun and lemma(c) not in self.help_noun)))
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
                    if candidate in self.work_vague:
                        return candidate
        return None

    def _thing(self, noun: Any) -> bool:
        """A subject that cannot do the work: a provision or an object, not a person."""
        base = lemma(noun)
        if self._animate(noun) or base in self.responsible_noun or self._professional(noun):
            return False
        if base in self.thing_noun or noun.lower_ in self.thing_noun or \
                base in self.event_subject:
            return True  # "Referrals made to ...", "Contact visits will happen ..."
        if base in self.agency_noun or base in self.service_head:
            return False
        return base in self.help_noun or base in self.thing_noun or \
            base.endswith(("tion", "ment", "ance", "ity"))


    def _vague_clause(self, verb: Any) -> bool:
        """A purpose that is itself no checkable action ("to ensure that children arrive
        on time", "to engage with services"): a vague verb, unless what is to be ensured
        says how often or by when."""
        base = lemma(verb)
        after = verb.doc[verb.i + 1] if verb.i + 1 < len(verb.doc) else None
        if base == "make" and after is not None and after.lower_ in ("sure", "certain"):
            base = "ensure"  # "to make sure he is okay"
        if base in ("feel", "be", "become", "seem", "stay", "remain") and any(
                c.dep_ in ("acomp", "attr") for c in _kids(verb)):
            # "(support Maya) to feel connected": a state hoped for, not an act
            return not any(self._recurs(t) for t in verb.subtree)
        if base in self.change_verb and base not in self.work_vague:
            # "(work with Mum) to improve Ella's attendance": an aim for a quality is
            # what should change, not an act anyone could check
            obj = next((c for c in _kids(verb) if c.dep_ == "dobj"), None)
            return obj is not None and self._abstract(obj) and not any(
                t.like_num or t.lower_ in ("every", "each", "daily", "nightly", "weekly")
                for t in verb.subtree)
        if base in self.capacity_verb and self._helped(verb):
            # "(Dad to be supported) to manage his anger": what he should become able to
            # do, not what anyone will do with him
            return not any(self._recurs(t) for t in verb.subtree)
        if (base not in self.work_vague and self._vague_phrasal(verb) is None) or \
                self._bare_purpose(verb):
            return False  # ("to help her budget for the bills" says what she will do)
        return not any(self._recurs(t) for t in verb.subtree)

    def _helped(self, verb: Any) -> bool:
        """True where ``verb`` is the purpose of help ("support Dad to manage", "be helped
        to understand"): the help's verb is vague."""
        return verb.dep_ in ("xcomp", "advcl") and lemma(verb.head) in self.work_vague

    def _resource(self, head: Any) -> bool:
        """A work item that names only a thing ("Beeping watches for toilet time", "A
        wobble cushion and ear defenders", "Visuals to support memory"): no one does
        anything. A noun of something done (a check, a lesson, "monitoring", "referral"),
        a person or role, or a quantity says otherwise."""
        if not head.tag_.startswith("NN") or not head.is_alpha or \
                head.lower_ in self.provision_mod:
            return False  # ("Topic related writing weekly": "weekly" misread as a noun)
        if any(c.dep_ == "nummod" or c.like_num for c in _kids(head)):
            return False  # a quantity ("6 x 20 mins ...") is of something done
        base = lemma(head)
        if self._animate(head) or base in self.responsible_noun | self.person_head or \
                self._professional(head) or self._acronym(head) or \
                base in self.act_noun or head.lower_ in self.act_noun or \
                base in self.help_noun | self.work_help_noun | self.vague_action or \
                base in self.service_head | self.weak_service_head | self.assessment_head or \
                base in self.arrangement_noun or base in self.dose_noun or \
                self._verb_of_noun(base) is not None or self._action_noun(head) or \
                self._quality_noun(head):
            return False
        if len(base) > 6 and base.endswith(("ing", "ment", "ation", "ition", "ance",
                                            "ence", "sal", "ral")):
            return False  # "pre-teaching", "consultation", "payment": something done
        if base in self.need_area or base in self.abstract_noun:
            return False  # "speech and language", "behaviour": what help is about
        # a thing with a clause saying what is done with it ("a laptop that the TA sets
        # up each morning") names the action in that clause
        return not any(c.dep_ in ("relcl", "acl") and c.tag_ in ("VBZ", "VBP", "VBD", "VBN")
                       for c in _kids(head))

    def _untargeted(self, word: Any) -> bool:
        """A referral, a request or a passing on of information that names no one in
        particular ("Referrals to other agencies", "Request for outreach support", "refer
        to services", "share information"): no one could check who it went to."""
        base = lemma(word)
        if base not in ("refer", "referral", "request", "signpost", "signposting", "share",
                        "sharing", "pass", "make"):
            return False
        if base == "make":  # "making referrals to services"
            obj = next((c for c in _kids(word) if c.dep_ == "dobj"), None)
            return obj is not None and self._untargeted(obj)
        targets = [g for c in _kids(word) if c.dep_ == "prep" and c.lower_ in ("to", "for")
                   for g in _kids(c) if g.dep_ == "pobj"]
        targets += [c for c in _kids(word) if c.dep_ == "dobj"
                    and lemma(c) in ("information", "info", "concern", "concerns")]
        if not targets:
            return base in ("referral", "request") and word.tag_ == "NNS"
        return all(lemma(t) in self.generic_target and not any(
            g.dep_ == "compound" and (g.tag_ == "NNP" or self._acronym(g))
            for g in _kids(t)) and not t.tag_.startswith("NNP") for t in targets)
