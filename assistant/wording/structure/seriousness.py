"""Read a seriousness statement for consequences written as a risk to the agency ("the
department will be criticised") rather than what will happen to the child."""

from __future__ import annotations

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
)


class SeriousnessReader(NeedReader):
    """Reads seriousness statements with the word classes of
    ``framework/wording/structure.yml``."""

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

