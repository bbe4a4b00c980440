"""Read a seriousness statement for consequences written as a risk to the agency ("the
department will be criticised", "Escalation to PLO.") rather than what will happen to the
child, and for a risk graded with nothing said of what it would be ("Ava is at risk of
significant harm", "the risk is high")."""

from __future__ import annotations

from functools import partial
from typing import Any

from assistant.wording.structure.needs import NeedReader
from assistant.wording.structure.readings import (
    SUBJECT_DEPS,
    Part,
    SeriousnessReading,
    _clause_end,
    _kids,
    _trim,
    lemma,
    lemma_forms,
    within_sentence,
    word_class,
)

SANCTION = "the consequence is a sanction an agency brings, not what will happen to the child"
_CONDITION_MARKS = ("if", "unless", "when", "until", "once")
# Pronouns that stand for a thing, not a person ("it will be escalated").
_THING_PRONOUNS = ("it", "this", "that")


class SeriousnessReader(NeedReader):
    """Reads seriousness statements with the word classes of
    ``framework/wording/structure.yml``."""

    def __init__(self, lexicons: dict[str, list[str]]) -> None:
        super().__init__(lexicons)
        words = partial(word_class, lexicons)
        self.sanction_verb = words("shape_sanction_verb")
        self.sanction_noun = words("shape_sanction_noun")
        self.worry_word = words("shape_worry_word")
        self.sanction_path_verb = words("shape_sanction_path_verb")
        self.attendance_noun = words("shape_attendance_noun")
        self.process_step_noun = words("shape_process_step_noun")
        self.general_harm = words("shape_general_harm")
        # what a general risk may be said with and still say nothing the child would live
        # through: its grades, the aims every child shares, time in general, worry
        self.risk_empty = words("shape_risk_grade") | self.grading_word | self.aim_noun | \
            words("wellbeing_word") | words("wellbeing_verb") | self.generic_time | \
            self.worry_word | self.aspect_verb

    def read_seriousness(self, doc: Any) -> SeriousnessReading | None:
        """What is wrong with a consequence: a risk to the agency (a clause whose actor or
        victim is an agency, or a fragment naming the agency's harm or step), else a
        risk said in general (``kind`` "vague"), else None."""
        if not len(doc) or not doc.has_annotation("DEP"):
            return None
        return self._agency_risk(doc) or self._agency_fragment(doc) or \
            self._general_risk(doc)

    def _agency_risk(self, doc: Any) -> SeriousnessReading | None:
        """The first consequence clause whose actor or victim is an agency (criticised,
        inspected, out of pocket, or acting against the family), else None."""
        for token in doc:
            if not token.tag_.startswith(("VB", "MD", "JJ")) or self._in_condition(token):
                continue
            if self._worry(token):
                continue  # "the agency is worried that ...": what they fear is read on
            sanction, subject = self._sanction(token)
            if sanction and not self._child_consequence(doc):
                # quoted from who it falls on, not from a condition before them
                start = (subject or token).left_edge.i
                span = Part.of(doc, start, _trim(doc, _clause_end(token)) + 1)
                return SeriousnessReading(span, sanction)
            subject = _clause_subject(token)
            if subject is None:
                continue
            if subject.lower_ == "there" or (subject.lower_ in _THING_PRONOUNS and
                                             lemma(token) == "be"):
                # "there will be a complaint against the service", "it would be a breach
                # of the authority's duty": what there will be is the consequence
                subject = next((c for c in _kids(token) if c.dep_ in ("attr", "dobj")),
                               subject)
            start = subject.left_edge.i
            span = Part.of(doc, start, _trim(doc, _clause_end(token)) + 1)
            passive = subject.dep_ == "nsubjpass" or any(
                c.dep_ == "auxpass" for c in _kids(token))
            agent = self._agent(token)
            if passive and lemma(subject) not in self.person_head and self._in(
                    lemma_forms(token), self.service_passive | self.outcome_passive) and \
                    (subject.tag_ not in ("NNP", "PRP") or subject.lower_ in _THING_PRONOUNS):
                return SeriousnessReading(span, (f"\"{token.text}\" is a step in the agency's "
                                                 "process, not what happens to the child"))
            if self._provision_event(subject, token, passive):
                continue  # "the placement will break down": what happens to the child's own
            if self._agency(subject) or self._aimed_at_agency(subject):
                if self._child_consequence(doc):
                    continue  # "the landlord may serve notice and the children could be
                    # made homeless": what happens to the child is said alongside
                who = _said_within(doc, subject)
                if passive or lemma(token) in self.agency_harm:
                    return SeriousnessReading(span, f"the risk is to {who}, not to the child")
                return SeriousnessReading(span, (f"says what {_said_within(doc, subject, True)}"
                                                 " will do, not what will happen to the "
                                                 "child"))
            harmed = self._harmed_through(token)
            if harmed is not None:  # "this would reflect badly on the partnership"
                who = _said_within(doc, harmed)
                return SeriousnessReading(span, f"the risk is to {who}, not to the child")
            if agent is not None and self._agency(agent):
                who = _said_within(doc, agent, subject=True)
                return SeriousnessReading(span, (f"says what {who} will do, not what will "
                                                 "happen to the child"))
            if any(t.lower_ in ("us", "our", "we") for t in token.subtree):
                return SeriousnessReading(span, ("says what will happen to us, not what will "
                                                 "happen to the child"))
            if lemma(token) in ("need", "require", "cost", "use") and token.dep_ not in (
                    "relcl", "acl") and any(
                    t.dep_ in ("dobj", "pobj") and (self.service_shaped(t)[0]
                                                    or self._agency(t))
                    for t in _needed(token) if t.i > token.i):
                return SeriousnessReading(span, ("counts the cost to services, not what will "
                                                 "happen to the child"))
        return None

    def _agency_fragment(self, doc: Any) -> SeriousnessReading | None:
        """A consequence said as a noun phrase (a fragment, or what "there" will be) whose
        noun, or what it is a risk "of" or "for", is the agency's: a sanction or a step of
        its process ("Escalation to PLO.", "a risk of prosecution"), or a harm aimed at,
        owned by or named with an agency ("Risk of reputational damage to the
        department.", "Criticism at inspection."), else None. What happens to the child
        said beside it leaves it to the child-focused reading.

        Why: read by clauses, a fragment has no verb to hang a consequence on, and a
        harm "of" or "to" the agency after "a risk" is the risk's content."""
        heads = [t for t in doc if t.tag_.startswith("NN") and not self._in_condition(t) and (
            t.dep_ == "ROOT" or (t.dep_ == "attr" and any(
                c.dep_ == "expl" for c in _kids(t.head))))]
        for head in heads:
            for noun in self._risk_of(head):
                reason = self._agency_noun(noun)
                if reason and not self._child_consequence(doc):
                    start = head.left_edge.i
                    if head.dep_ == "attr":  # "There is a risk of ...": from "There"
                        start = min([start] + [c.i for c in _kids(head.head)
                                               if c.dep_ == "expl"])
                    span = Part.of(doc, start, _trim(doc, head.right_edge.i) + 1)
                    return SeriousnessReading(span, reason)
        return None

    def _risk_of(self, noun: Any, depth: int = 3) -> list[Any]:
        """``noun`` and the nouns it is a risk, a loss or a chance "of" or "for", in turn
        ("risk of reputational damage to the department": risk, damage)."""
        out = [noun]
        if depth:
            for c in _kids(noun):
                if c.dep_ == "prep" and c.lower_ in ("of", "for"):
                    for g in _kids(c):
                        if g.dep_ == "pobj" and g.tag_.startswith("NN"):
                            out += self._risk_of(g, depth - 1)
        return out

    def _agency_noun(self, noun: Any) -> str:
        """Why ``noun`` names the agency's harm or step, else "": a sanction ("fine",
        "proceedings"), a step of its process ("escalation", "referral"), a harm aimed
        at or owned by an agency ("damage to the department", "our targets"), or a thing
        of the agency's said with an agency or its reputation ("reputational damage",
        "an Ofsted rating", "criticism at inspection")."""
        base = lemma(noun)
        if self._in((base, noun.lower_), self.sanction_noun):
            return SANCTION
        if self._in((base, noun.lower_), self.process_step_noun):
            return (f"\"{noun.text}\" is a step in the agency's process, not what happens "
                    "to the child")
        harm = "the harm named falls on the agency, not on the child"
        if self._aimed_at_agency(noun) or self._agency_owned(noun):
            return harm
        if any(c.dep_ in ("amod", "compound") and (
                self._in((lemma(c), c.lower_), self.agency_thing) or self._agency(c))
               for c in _kids(noun)):
            return harm
        if base in self.agency_thing and any(
                t.i != noun.i and t.tag_.startswith("NN") and self._agency(t)
                for t in noun.subtree):
            return harm
        return ""

    def _general_risk(self, doc: Any) -> SeriousnessReading | None:
        """The consequence (the statement outside its condition) when every word of it is
        a harm or risk in general ("harm", "risk", "concerns", "affected"), how big or
        lasting it is, who it is about, an aim every child shares or a function word, with
        at least one harm: "Ava is at risk of significant harm", "If nothing changes, the
        risk will remain high", "There are safeguarding concerns", "could be harmed".
        One word of what would happen ("be hit", "miss school", "exploited by older
        boys") makes it a consequence, and it is left alone.

        Why: seriousness is rated from what would happen to the child and how soon; a
        graded risk says neither, whatever threshold words it uses."""
        condition = self._condition_words(doc)
        words = [t for t in doc if t.i not in condition and not t.is_punct
                 and not t.is_space]
        harm = [t for t in words if self._in((*lemma_forms(t), t.lower_), self.general_harm)
                or self._need_unmet(t)]
        if not harm or not all(t in harm or self._empty_of_consequence(t) for t in words):
            return None
        span = Part.of(doc, words[0].i, _trim(doc, words[-1].i) + 1)
        return SeriousnessReading(
            span, f"\"{harm[0].text}\" says there is a risk, not what it would be", "vague")

    def _need_unmet(self, token: Any) -> bool:
        """"(her needs will) not be met": a need left unmet, said of the need, is a harm in
        general, as "unmet" is; it says nothing the child would go through."""
        if lemma(token) != "meet":
            return False
        near = [*_kids(token), *_kids(token.head)]  # ("will not have | her needs met")
        return any(c.dep_ == "neg" for c in near) and any(
            c.dep_ in ("nsubjpass", "nsubj", "dobj") and c.lower_ in self.need_words
            for c in near)

    def _empty_of_consequence(self, token: Any) -> bool:
        """A word that says nothing of what would happen: a function word, a negation, a
        person or agency the risk is about or seen by, or a word of the ``risk_empty``
        classes (grades, aims, time in general, worry)."""
        if token.tag_ in ("DT", "PDT", "IN", "TO", "CC", "MD", "PRP", "PRP$", "POS", "WDT",
                          "WP", "EX", "RP", "HYPH", "CD") or token.dep_ in ("neg", "aux",
                                                                           "auxpass"):
            return True
        base = lemma(token)
        if token.tag_.startswith("NNP") or base in (
                self.child_noun | self.person_head | self.parent_noun | self.carer_noun
                | self.kin_noun | self.role_person):
            return True
        if self._in((*lemma_forms(token), token.lower_), self.risk_empty):
            return True
        return token.tag_.startswith("NN") and self._agency(token)

    def _condition_words(self, doc: Any) -> set[int]:
        """The indices of the words of a condition ("If this need is not met", "Unless
        Mum engages", "Without this support"): not part of the consequence. With no comma
        the parser may make the condition the root; its clauses with their own subject
        are then the consequence (see :meth:`_in_condition`)."""
        out: set[int] = set()
        for token in doc:
            marked = any(c.dep_ == "mark" and c.lower_ in _CONDITION_MARKS
                         for c in _kids(token))
            if marked and token.dep_ == "advcl":
                out.update(t.i for t in token.subtree)
            elif marked and token.dep_ == "ROOT":
                kept = {t.i for c in _kids(token) if c.dep_ in ("ccomp", "conj", "parataxis")
                        and any(g.dep_ in SUBJECT_DEPS for g in _kids(c)) for t in c.subtree}
                out.update(t.i for t in token.subtree if t.i not in kept)
            elif token.dep_ == "prep" and token.lower_ == "without" and \
                    token.head.dep_ == "ROOT":
                out.update(t.i for t in token.subtree)  # "Without this support, ..."
        return out

    def consequence_holder(self, doc: Any) -> str | None:
        """Whom the consequence happens to, as written: the first person who is the
        subject of a clause outside the condition ("If Dad's drinking continues, the
        children may go hungry": the children), else None.

        Why: with nothing flagged the coach asks "what will happen to {holder}?", and the
        subject of a consequence is as often a thing ("Continued absence will affect his
        attainment") or a condition's person as the one it happens to."""
        if not len(doc) or not doc.has_annotation("DEP"):
            return None
        for token in doc:
            if not token.tag_.startswith(("VB", "MD")) or self._in_condition(token):
                continue
            subject = _clause_subject(token)
            if subject is None or subject.dep_ == "csubj" or self._agency(subject):
                continue
            if subject.tag_ == "PRP" and subject.lower_ in _THING_PRONOUNS:
                continue
            if subject.tag_ in ("PRP", "NNP") or lemma(subject) in (
                    self.person_head | self.child_noun):
                return within_sentence(doc[subject.left_edge.i:subject.i + 1].text)
        return None

    def child_named(self, doc: Any) -> str | None:
        """The child a consequence should be about, as the statement names them ("the school
        will exclude Leo": Leo; "the nursery will exclude the twins' baby brother": the
        baby brother), else None.

        Why: a consequence written as a risk to the agency is flagged with "what will
        happen to {holder}?"; with no case holder the question asked of "the child" when
        the statement names the child by name or as a child is the worse question. A
        child noun counts as a subject or a direct object; a name only as the object of
        what the agency does ("exclude Leo"): the subject of a condition is as often the
        parent ("If Dee keeps drinking"), and a name after a preposition may be a day, a
        place or the agency itself ("by Monday", "at Brindle"). A parent, an agency, an
        acronym or the object of a sanction ("prosecute Dee") is never the child."""
        if not len(doc) or not doc.has_annotation("DEP"):
            return None
        for token in doc:
            if token.dep_ not in ("nsubj", "nsubjpass", "dobj"):
                continue
            base = lemma(token)
            if base in self.parent_noun | self.carer_noun or lemma(token.head) in \
                    self.sanction_verb or self._acronym(token):
                continue
            if base in self.child_noun:
                start = token.i
                while start > token.left_edge.i and doc[start - 1].dep_ in (
                        "det", "poss", "amod", "compound", "case", "nmod"):
                    start -= 1
                return within_sentence(doc[start:token.i + 1].text)
            if token.dep_ == "dobj" and token.tag_ == "NNP" and token.is_title and \
                    base not in self.person_head and \
                    not self._agency(token) and not any(
                        c.dep_ in ("det", "compound") for c in _kids(token)):
                return token.text
        return None

    def _agency(self, noun: Any) -> bool:
        base = lemma(noun)
        if base in self.attendance_noun or any(
                c.dep_ == "amod" and c.lower_ in self.attendance_noun for c in _kids(noun)):
            return False  # "continued absence from Oakfield", "missed sessions at ..."
        if noun.lower_ in ("we", "us"):
            return True
        if self._agency_owned(noun):
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

    def _aimed_at_agency(self, noun: Any) -> bool:
        """A harm or act aimed at an agency through a preposition ("a complaint against
        the service", "a reputational risk to the partnership", "consequences for the
        school", "a breach of the council's duty"): the agency, not the child, is the one
        it falls on. What is "of" something counts only where the agency owns it ("of the
        council's duty"), as "a risk of the school excluding her" names the school as the
        actor of what happens to the child."""
        for c in _kids(noun):
            if c.dep_ != "prep" or c.lower_ not in ("against", "about", "to", "on", "for",
                                                    "of"):
                continue
            for g in _kids(c):
                if g.dep_ != "pobj":
                    continue
                if self._agency_owned(g) or (c.lower_ != "of" and self._agency(g)):
                    return True
        return False

    def _provision_event(self, subject: Any, verb: Any, passive: bool) -> bool:
        """True where a provision that is no agency ("the placement", "her respite", "his
        medication") is the subject of what happens to it ("will break down", "is likely
        to end"): the event is what the child loses, not the agency's risk. An institution
        ("the nursery"), an agency's thing ("our targets"), a provision that acts on
        someone ("the panel will refuse the funding") or suffers an agency's harm ("the
        service will be criticised") stays the agency's."""
        base = lemma(subject)
        if base not in self.service_head or base in self.agency_noun or \
                base in self.agency_thing or passive or self._agency_owned(subject):
            return False
        if self._in(lemma_forms(verb), self.agency_harm):
            return False
        return not any(c.dep_ in ("dobj", "dative", "attr", "ccomp") for c in _kids(verb))

    def _harmed_through(self, verb: Any) -> Any:
        """The agency a harm falls on through "on" ("will reflect badly on the
        partnership", "the cost will fall on the council"), or what is put on it ("will
        increase pressure on stretched resources", "will place a burden on services"),
        else None."""
        onto = [c for c in _kids(verb) if c.dep_ == "dobj" and not self._animate(c)]
        if not self._in(lemma_forms(verb), self.agency_harm) and not onto:
            return None
        heads = onto if not self._in(lemma_forms(verb), self.agency_harm) else [verb]
        return next((g for h in heads for c in _kids(h) if c.dep_ == "prep"
                     and c.lower_ == "on" for g in _kids(c)
                     if g.dep_ == "pobj" and self._agency(g)), None)

    def _child_consequence(self, doc: Any) -> bool:
        """True where a consequence outside the condition has a child as its subject and is
        no step of the agency's process ("and the children could be made homeless"): the
        statement says what will happen to the child, even with an agency's act beside
        it. A child "placed on a plan" or "referred" is the process, not the
        consequence."""
        for token in doc:
            if not token.tag_.startswith("VB") or self._in_condition(token):
                continue
            subject = _clause_subject(token)
            if subject is None or not (lemma(subject) in self.child_noun
                                       or self._named_person(subject)
                                       or self._child_pronoun(subject)):
                continue
            if not self._in(lemma_forms(token), self.service_passive | self.outcome_passive
                            | self.sanction_verb):
                return True
        return False

    def _named_person(self, subject: Any) -> bool:
        """A person named by name ("Mila will fall further behind"): as the children, the
        one a consequence beside an agency's act happens to. Not a role word ("Mum"), an
        agency or an acronym ("the HV"); what a name suffers by sanction or process is
        still read as such by the caller."""
        return subject.tag_ == "NNP" and subject.is_title and \
            lemma(subject) not in self.person_head and not self._agency(subject) and \
            not self._acronym(subject)

    def _child_pronoun(self, subject: Any) -> bool:
        """"he", "she" or "they" standing for a child: the nearest person named before it
        is a child or a child's name ("the school may not be able to keep Ada safe and she
        could be hurt"), not an adult ("Dee will be fined and she will lose her home")."""
        if subject.tag_ != "PRP" or subject.lower_ not in ("he", "she", "they"):
            return False
        for earlier in reversed(subject.doc[:subject.i]):
            if not earlier.tag_.startswith("NN"):
                continue
            if self._adult(earlier) or (earlier.dep_ in SUBJECT_DEPS and self._in(
                    lemma_forms(earlier.head), self.sanction_verb)):
                return False  # "Dee will be fined and she ...": the one sanctioned
            if lemma(earlier) in self.child_noun or self._named_person(earlier):
                return True
        return False

    def _adult(self, subject: Any) -> bool:
        """A person who is no child ("his parents", "Mum")."""
        base = lemma(subject)
        return base in self.person_head and base not in self.child_noun

    def _cause(self, subject: Any) -> bool:
        """A subject that is what happens rather than who it happens to ("failure to
        engage", "non-attendance", "this", "continued absence"): a sanction it leads to
        falls on the adults, as the child is no subject to be fined or prosecuted. A name
        or "he"/"she" may be the child ("Leo may end up in court") and is left alone, and
        so is what such a person does ("his offending"); what an adult does ("Mum's
        drinking") is a cause."""
        if subject.dep_ == "csubj":
            return True  # "missing the sessions may result in prosecution"
        if subject.tag_ == "PRP" or subject.tag_.startswith("NNP"):
            return subject.lower_ in _THING_PRONOUNS
        if subject.tag_ == "DT":
            return True  # "this", "that"
        if any(c.dep_ == "poss" and not self._adult(c) for c in _kids(subject)):
            return False
        return lemma(subject) not in self.person_head and not self._agency(subject)

    def _agency_owned(self, noun: Any) -> bool:
        """"our targets", "the council's panel": what the agency speaks of as its own."""
        return any(c.dep_ == "poss" and (c.lower_ in ("our", "its") or (
            c.tag_.startswith("NN") and lemma(c) in self.agency_noun)) for c in _kids(noun))

    @staticmethod
    def _in_condition(token: Any) -> bool:
        """True inside "If ...", "Unless ...", "Without ..." (the condition, not the
        consequence). With no comma after the condition the parser may make the condition
        the root and hang the consequence under it ("If his care continues to be neglected
        he will be in pain"): a clause with its own subject on the way up is then the
        consequence, and the rest is the condition."""
        node = token
        own_clause = False
        for _ in range(8):
            marked = any(c.dep_ == "mark" and c.lower_ in _CONDITION_MARKS
                         for c in _kids(node))
            if marked and node.dep_ == "advcl":
                return True
            if node.head.i == node.i:
                return marked and not own_clause
            if node.dep_ in ("ccomp", "conj", "parataxis") and any(
                    c.dep_ in SUBJECT_DEPS for c in _kids(node)):
                own_clause = True
            node = node.head
        return False


    def _worry(self, token: Any) -> bool:
        """"X is/are worried (that ...)", "X fears/thinks that ...": a state of mind, whose
        complement (not the one worried) says the consequence."""
        if lemma(token) in self.worry_word and any(c.dep_ in ("ccomp", "advcl") or (
                c.dep_ == "prep" and c.lower_ == "about") for c in _kids(token)):
            return True
        return any(c.dep_ in ("acomp", "oprd") and c.lower_ in self.worry_word
                   for c in _kids(token))

    def _sanction(self, token: Any) -> tuple[str, Any]:
        """A sanction brought on an adult as the consequence ("the parents could be
        prosecuted", "his parents will receive a penalty notice", "may result in a penalty
        notice being issued", "be taken to court", "end up in court", "proceedings will be
        issued"), with the clause's subject, else ("", None). A child excluded or taken into
        care, or a sanction beside what happens to the child, is left to the child-focused
        reading."""
        subject = next((c for c in _kids(token) if c.dep_ in SUBJECT_DEPS
                        or c.dep_ == "csubj"), None)
        if subject is None and token.dep_ == "conj":
            subject = next((c for c in _kids(token.head) if c.dep_ in SUBJECT_DEPS), None)
        passive = any(c.dep_ == "auxpass" for c in _kids(token)) or token.tag_ == "VBN"
        raised = subject
        if raised is None and token.dep_ == "xcomp":  # "proceedings are likely to be issued"
            node = token.head.head if token.head.dep_ == "acomp" else token.head
            raised = next((c for c in _kids(node) if c.dep_ in SUBJECT_DEPS), None)
        if passive and raised is not None and self._in(
                (lemma(raised), raised.lower_), self.sanction_noun):
            # "proceedings will be issued", "a penalty notice will be served on the parents"
            return SANCTION, raised
        if subject is None or not (self._adult(subject) or self._cause(subject)):
            return "", None
        base = lemma(token)
        if passive and self._in(lemma_forms(token), self.sanction_verb):  # "fined": "fin"
            return (f"\"{token.text}\" is what an agency will do to the adults, not what "
                    "will happen to the child"), subject
        objects = [g for c in _kids(token) if c.dep_ in ("dobj", "prep")
                   for g in ([c] if c.dep_ == "dobj" else _kids(c))
                   if g.dep_ in ("dobj", "pobj")]
        if base in self.sanction_path_verb:
            named = next((g for o in objects for g in o.subtree
                          if lemma(g) in self.sanction_noun | self.process_step_noun), None)
            if named is None or (base == "take" and not passive):
                return "", None
            if lemma(named) in self.sanction_noun:
                return SANCTION, subject
            # "will result in escalation to PLO": the agency's next step
            return (f"\"{named.text}\" is a step in the agency's process, not what "
                    "happens to the child"), subject
        return "", None


def _needed(verb: Any) -> list[Any]:
    """The words of what ``verb`` ("need", "cost") says is needed, leaving out a clause of
    what the needer will do ("she may need to go into hospital", "he may need to stay in
    hospital longer": what happens to the child). A passive clause ("will need to be
    stepped up") is the agency's step and stays."""
    left_out = {t.i for c in _kids(verb) if c.dep_ == "xcomp" and not any(
        g.dep_ == "auxpass" for g in _kids(c)) for t in c.subtree}
    return [t for t in verb.subtree if t.i not in left_out]


def _clause_subject(token: Any) -> Any:
    """The subject of the clause ``token`` heads, as the parser gives it or as it misreads
    it, else None."""
    subject = next((c for c in _kids(token) if c.dep_ in SUBJECT_DEPS or c.dep_ == "csubj"),
                   None)
    if subject is not None:
        return subject
    doc = token.doc
    # "... and the council will look bad": the subject misread as a conjunct
    aux = next((c for c in _kids(token) if c.dep_ == "aux" and c.i < token.i), None)
    if aux is not None and aux.i and doc[aux.i - 1].tag_.startswith("NN"):
        return doc[aux.i - 1]
    if any(c.dep_ == "expl" for c in _kids(token)):
        return next((c for c in _kids(token) if c.dep_ == "attr"), None)
    if token.dep_ == "xcomp":  # "will continue to use": the head's subject
        return next((c for c in _kids(token.head) if c.dep_ in SUBJECT_DEPS), None)
    if _nominal_passive(token):  # "may lead to the case being escalated"
        return token.head
    return None


def _nominal_passive(token: Any) -> bool:
    """"the case being escalated": a passive clause hung on the noun it happens to."""
    return token.dep_ == "acl" and token.head.tag_.startswith("NN") and any(
        c.dep_ == "auxpass" for c in _kids(token))


def _said_within(doc: Any, noun: Any, subject: bool = False) -> str:
    """The noun phrase ending at ``noun`` as it reads inside a sentence (see
    :func:`within_sentence`); "we" as the object it becomes there ("the risk is to us"),
    or, as a ``subject``, as "we" ("says what we will do")."""
    if noun.lower_ in ("we", "us"):
        return "we" if subject else "us"
    return within_sentence(doc[noun.left_edge.i:noun.i + 1].text)
