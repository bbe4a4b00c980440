"""Read an outcome statement: its main verb, whose change it is, and whether it names a
service or output, no observable change, or a change someone could see (and measure, by
when)."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import Any, Literal

from assistant.wording.structure import timing
from assistant.wording.structure.needs import NeedReader
from assistant.wording.structure.readings import (
    KNOWN_VERBS,
    SUBJECT_DEPS,
    OutcomeReading,
    Part,
    _kids,
    _np_text,
    _right_edge,
    _trim,
    lemma,
    lemma_forms,
    sent_end,
    word_class,
)
from assistant.wordlists import TimeWords, shipped_time


def _nominal(token: Any) -> bool:
    """A noun, or a word the tagger took for a verb that has nothing a verb has (no
    subject, no auxiliary): the head of a note-form answer such as "School register",
    tagged as a verb with "School" for its compound (found by the fresh-clone run)."""
    if token.tag_.startswith("NN"):
        return True
    return token.tag_.startswith("VB") and not any(
        c.dep_ in SUBJECT_DEPS or c.dep_ in ("aux", "auxpass") for c in _kids(token))

class OutcomeReader(NeedReader):
    """Reads outcomes with the word classes of ``framework/wording/structure.yml``."""

    def __init__(self, lexicons: dict[str, list[str]]) -> None:
        super().__init__(lexicons)
        #: the time words (framework/words/time.yml) measures and target dates are read with
        self.time_words: TimeWords = shipped_time()

        words = partial(word_class, lexicons)

        self.attend_verb = words("shape_outcome_attend_verb")
        self.everyday_place = words("shape_outcome_everyday_place")
        self.process_noun = words("shape_outcome_process_noun")
        self.means_noun = words("shape_outcome_means_noun")
        self.generic_activity = words("shape_outcome_generic_activity")
        self.vague_verb = words("shape_outcome_vague_verb")
        self.manage_verb = words("shape_outcome_manage_verb")
        self.observable_manner = words("shape_outcome_observable_manner")
        self.inner_noun = words("shape_outcome_inner_noun")
        self.everyday_activity = words("shape_outcome_everyday_activity")
        self.capacity_noun = words("shape_outcome_capacity_noun")
        self.say_verb = words("shape_outcome_say_verb")
        self.enrol_verb = words("shape_outcome_enrol_verb")
        self.absence_adj = words("shape_outcome_absence_adj")
        self.inner_adj = words("shape_outcome_inner_adj")
        self.use_noun = words("shape_outcome_use_noun")
        self.benefit_verb = words("shape_outcome_benefit_verb")
        self.meet_verb = words("shape_outcome_meet_verb")
        self.comply_verb = words("shape_outcome_comply_verb")
        self.compact_noun = words("shape_outcome_compact_noun")
        self.shelter_verb = words("shape_outcome_shelter_verb")
        self.measure_occasion = words("shape_outcome_measure_occasion")
        self.case_meeting = words("shape_outcome_case_meeting")
        self.position_noun = words("shape_outcome_position_noun")
        self.keep_verb = words("shape_outcome_keep_verb")
        self.lay_verb = words("shape_outcome_lay_verb")
        self.occasion_noun = words("shape_outcome_occasion_noun")
        self.day_part = words("shape_outcome_day_part")
        self.attempt_verb = words("shape_outcome_attempt_verb")
        self.go_verb = words("shape_outcome_go_verb")
        self.escort_verb = words("shape_outcome_escort_verb")
        self.content_verb = words("shape_outcome_content_verb")
        self.bond_verb = words("shape_outcome_bond_verb")
        self.follow_verb = words("shape_outcome_follow_verb")
        self.status_adj = words("shape_outcome_status_adj")
        self.roll_noun = words("shape_outcome_roll_noun")
        self.evidence_noun = words("shape_outcome_evidence_noun")
        self.contact_noun = words("shape_outcome_contact_noun")
        self.bound_prep = words("shape_outcome_bound_prep")
        KNOWN_VERBS.update(w for w in self.meet_verb | self.attempt_verb | self.go_verb
                           | self.escort_verb | self.content_verb | self.bond_verb
                           | self.follow_verb if w.isalpha())
        # what is received is provided, wherever it is ("receive home visits")
        self.receive_verb = ("receive", "have", "get", "access", "attend", "accept")

    def read_measure(self, doc: Any) -> list[Part]:
        """How the outcome will be seen to have happened, as the statement says it: a
        bounded count ("on at least 4 days a week", "above 90% attendance") and who or
        what shows it ("as recorded by the school"); [] when it says neither
        (``timing.measure_spans``). Numbers that only say when are not counts.

        Why: the interview offers it for "How will we know?" rather than asking for
        what the worker has already written."""
        return [Part.of(doc, start, end)
                for start, end in timing.measure_spans(doc, self.observe_verb,
                                                         self.time_words)]

    def measure_says(self, doc: Any, can_act: Callable[[Any], bool]) -> tuple[bool, bool]:
        """What an answer to "How will we know?" says: (what will be seen or counted, by
        whom). What: a count or a record the outcome reading finds (:meth:`read_measure`),
        a thing a measure is read from ("the attendance register", "her own words",
        ``shape_outcome_evidence_noun``), or what someone will say or see, with what it
        is ("tell her teacher that she feels safe"; not a bare "she will tell us"). By
        whom: anyone ``can_act`` reads as able to act (a name, a pronoun, a role, an
        agency: "school", "Kayla's", "recorded by the nurse").

        Why: the interview asks for the measure after the outcome, and "she will tell
        us" or "we will see" would pass as one while saying nothing a review could check:
        the answer is judged with the same readings as the outcome statement."""
        what = bool(self.read_measure(doc)) or any(
            lemma(t) in self.evidence_noun or t.lower_ in self.evidence_noun
            for t in doc if _nominal(t))
        if not what:
            for token in doc:
                forms = lemma_forms(token)
                if not token.tag_.startswith("VB") or not (
                        self._in(forms, self.say_verb) or self._in(forms, self.observe_verb)):
                    continue
                said = [c for c in _kids(token) if c.dep_ in ("ccomp", "xcomp", "dobj",
                                                              "attr", "advcl")
                        and not (c.dep_ == "dobj" and c.tag_ == "PRP")]
                if said:
                    what = True
                    break
        whom = any(can_act(t) for t in doc if t.tag_.startswith(("NN", "PRP"))
                   and t.lower_ not in ("it", "this", "that", "what", "which"))
        return what, whom

    def read_target(self, doc: Any) -> Part | None:
        """The phrase giving by when the outcome should have happened ("by the end of
        March 2027", "within six weeks", "before 1 April"), or None
        (``timing.target_span``)."""
        found = timing.target_span(doc, self.time_words)
        return None if found is None else Part.of(doc, *found)

    def read_outcomes(self, doc: Any) -> list[OutcomeReading]:
        """The outcome's reading, then, when it is a service with a purpose ("Mum will be
        supported to improve her mental health"), the purpose judged as an outcome of its
        own: the service is one fault and a change no one could see is another."""
        main = self.read_outcome(doc)
        if main is None:
            return []
        found = [main]
        if main.category != "service":
            return found
        for verb in doc:
            if verb.dep_ not in ("xcomp", "advcl") or not verb.tag_.startswith("VB") or \
                    not any(c.dep_ == "auxpass" for c in _kids(verb.head)) or \
                    not any(c.lower_ == "to" for c in _kids(verb)):
                continue
            subject = next((c for c in _kids(verb.head) if c.dep_ in SUBJECT_DEPS), None)
            category, reason = self._judge_predicate(verb, verb, subject, main.measured,
                                                     False)
            if category == "vague":
                span = Part.of(doc, verb.i, _trim(doc, verb.right_edge.i) + 1)
                found.append(OutcomeReading(lemma(verb), main.holder, span, category,
                                            reason, main.measured))
            break
        return found

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
        root = next(iter(doc.sents)).root
        if main is None and self._adult_action(root):
            # "Encourage Arlo to build ...", "Support Arlo in developing ...": a target
            # written as what adults will do is a service, whatever follows
            span = Part.of(doc, root.i, _trim(doc, root.right_edge.i) + 1)
            return OutcomeReading(lemma(root), None, span, "service",
                                  f"\"{root.text}\" says what adults will do, not what "
                                  "will change for the child", measured)
        if main is None:
            # Plan-style "Ava to feel safe at home", "Jordan's wellbeing to improve"
            # (not an infinitive that completes a noun of capacity or means: "an ability
            # to identify warning signs", "the chance to ask")
            plan = next((t for t in doc if t.tag_ == "VB" and any(
                c.dep_ == "aux" and c.lower_ == "to" and c.i < t.i for c in _kids(t))
                and (t.dep_ == "ROOT" or t.head.i < t.i) and not (
                    t.dep_ in ("acl", "relcl") and lemma(t.head) in self.capacity_noun
                    | self.means_noun | self.generic_activity | self.provided_thing)),
                None)
            if plan is not None and not (
                    root.tag_ in ("VBZ", "VBP", "VBD") and plan.i > root.i
                    and any(c.dep_ in SUBJECT_DEPS for c in _kids(root))):
                # (not "Caregivers have the skills to implement ...": there the root is
                # the outcome's verb)
                main = plan
            elif root.tag_.startswith("VB"):
                main = root
            elif root.tag_.startswith("NN") and (acted := next((
                    c for c in _kids(root) if c.dep_ in ("acl", "relcl")
                    and c.tag_ in ("VBG", "VB", "VBZ", "VBP") and self._animate(root)),
                    None)) is not None:
                main = acted  # "Parents attending the X course": what the people do
            elif root.tag_.startswith("NN"):
                return self._read_noun_outcome(doc, root, measured)
            else:
                return self._read_fragment(doc, root, measured)
        verb = main
        able = False
        compared = None  # "better able to": a capacity compared, with nothing to count
        for _ in range(4):  # "will be able to X", "will continue to X": judge X
            adjective = next((c for c in _kids(verb) if c.dep_ == "acomp"
                              and c.lower_ == "able"), None)
            inner = None if adjective is None else next(
                (c for c in _kids(adjective) if c.dep_ == "xcomp"), None)
            if adjective is not None and inner is not None:
                compared = compared or next((
                    c for c in [*_kids(adjective), *_kids(verb)] if c.i < adjective.i
                    and c.dep_ in ("advmod", "acomp", "amod") and self._comparative(c)), None)
                verb, able = inner, True
                continue
            # a verb about the course of another (shape_aspect_verb) is transparent: what
            # is continued or begun is the outcome ("will continue to see the school
            # nurse", "begin building attachment"); so is one that only tries for or
            # learns it (shape_outcome_attempt_verb: "learn to manage her emotions")
            aspect = lemma(verb) in self.aspect_verb
            phase = None if not (aspect or lemma(verb) in self.attempt_verb) or any(
                c.dep_ in ("dobj", "attr") for c in _kids(verb)) else next((
                    c for c in _kids(verb) if c.dep_ == "xcomp" and c.i > verb.i
                    and ((c.tag_ == "VBG" and aspect) or (c.tag_ in ("VB", "VBN") and any(
                        g.lower_ == "to" for g in _kids(c)) and (c.tag_ == "VB" or any(
                            g.dep_ == "auxpass" for g in _kids(c)))))), None)
            # ("continue to be supported by Home-Start": the passive is judged)
            # ("start to X", "start Xing"; "start play therapy" is "play" misread)
            if phase is None:
                break
            verb = phase
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
        if compared is not None and category == "specific" and not measured:
            category, reason = "vague", (f"\"{compared.text} able\" than what? Say what "
                                         "would be done, how often, and who would see it")
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
        obj = self._outcome_object(verb)
        if lemma(verb) == "take" and obj is not None and obj.lower_ == "part":
            forms = ("participate",)  # "take part in X": X is what is taken part in
            obj = next((g for c in _kids(verb) if c.dep_ == "prep" and c.lower_ == "in"
                        for g in _kids(c) if g.dep_ == "pobj"), None)
        elif obj is not None and lemma(verb) in ("make", "take") and \
                lemma(obj) in self.use_noun:
            # "make use of X", "take advantage of X": X is what is used
            forms = ("use",)
            obj = self._of_object(obj) or obj
        elif lemma(verb) in self.benefit_verb and not passive:
            # "benefit from X", "gain from X": X is what is received
            source = next((g for c in _kids(verb) if c.dep_ == "prep"
                           and c.lower_ in ("from", "by") for g in _kids(c)
                           if g.dep_ == "pobj"), None)
            if source is not None:
                forms, obj = ("receive",), source
        if obj is not None and lemma(obj) == "access":  # "have access to a sensory room"
            obj = self._of_object(obj) or next(
                (g for c in _kids(obj) if c.dep_ == "prep" for g in _kids(c)
                 if g.dep_ == "pobj"), obj)
        if obj is None and not passive and self._in(forms, self.evidence_verb):
            # "will show (that) he has changed": what is shown is the outcome
            shown_clause = next((c for c in _kids(verb) if c.dep_ == "ccomp"
                                 and c.tag_.startswith("VB") and c.i > verb.i), None)
            if shown_clause is not None:
                inner_subject = next((c for c in _kids(shown_clause)
                                      if c.dep_ in SUBJECT_DEPS), subject)
                return self._judge_predicate(shown_clause, shown_clause, inner_subject,
                                             measured, False)
        if passive and not able and self._in(forms, self.observe_verb):
            # "I will be observed on 4 out of 5 occasions to sort the colours": what is
            # seen is the outcome, and being seen is its measure
            seen = next((c for c in _kids(verb) if c.dep_ in ("xcomp", "advcl", "ccomp")
                         and c.tag_.startswith("VB") and c.i > verb.i), None)
            if seen is not None:
                return self._judge_predicate(seen, seen, subject, measured, False)
        if not passive and self._in(forms, ("have", "gain", "develop", "get")) and \
                obj is not None and not measured and all(
                    lemma(h) in self.capacity_noun for h in [obj, *obj.conjuncts]):
            # "Caregivers have the confidence, skills and knowledge to ...": a capacity,
            # not anything anyone would see done
            return "vague", (f"\"{_np_text(obj)}\" is a capacity: what would someone see "
                             "done that shows it?")
        felt = next((c for c in _kids(verb) if c.dep_ == "auxpass"
                     and self._in(lemma_forms(c), self.mental_verb)), None)
        if felt is not None and not measured:
            # "Mum feels supported" (parsed as a passive): a feeling, not a service
            return "vague", (f"\"{felt.text} {verb.text}\" is a feeling: what would someone "
                             "see or hear that shows it?")
        kept = self._kept_to(verb)
        if kept is not None:
            return "service", (f"\"{verb.text} ... {_np_text(kept)}\" is keeping to a plan: "
                               "what will be different for the child when it is kept?")
        if passive and not measured and self._in(forms, self.shelter_verb) and any(
                c.dep_ == "prep" and c.lower_ == "from" for c in _kids(verb)):
            return "vague", (f"\"will be {verb.text} from\" is an aim every child has: what "
                             "would someone see that shows it?")
        if passive and not able and verb.lower_ in self.status_adj:
            # "will be known to the sleep clinic", "linked with the Tollis team": the
            # parser's passive of a status with a service
            agency = self._status_agency(verb)
            if agency is not None:
                return "service", (f"being with \"{_np_text(agency)}\" is a service used, "
                                   "not a change for the person")
        # Service or output: something done to or for the person, or received.
        if passive and not able:
            agent = self._agent(verb)
            by_person = agent is not None and self._animate(agent) and \
                not self.service_shaped(agent)[0]
            # ("supervised by an adult whenever she is in the bath": care at home in a
            # situation, as "collected by Mum every day" is care at a frequency)
            situated = any(c.dep_ == "advcl" and any(
                g.dep_ in ("mark", "advmod") and g.lower_ in ("when", "whenever", "while",
                                                               "if")
                for g in _kids(c)) for c in _kids(verb))
            if (self._in(forms, self.outcome_passive) or self._in(
                    forms, self.service_passive) or self._in(
                    forms, self.assessment_passive)) and not (
                    by_person and (measured or situated)) and not self._laid(verb):
                return "service", (f"\"will be {verb.text}\" says what others will "
                                       "do, not what will change for the person")
            if not measured and self._in(forms, self.direction_verb):
                # "Natural supports around the family are increased": which way, with
                # nothing anyone could count, whatever is increased
                return "vague", (f"\"{verb.text}\" with no measure: how much, and who "
                                 "would see it?")
            if subject is not None and (
                    lemma(subject) in self.service_head | self.help_noun or (
                        lemma(subject) not in self.person_head and subject.tag_ != "PRP"
                        and self.service_shaped(subject)[0])):
                # ("Leo's EHCP will be finalised": done to the provision)
                return "service", (f"\"{_np_text(subject)}\" is an output: what was "
                                   "provided, not what changed")
        if subject is not None and not passive and self._doer_is_agency(subject) and \
                not self._in(forms, self.observe_verb) and not any(
                    c.dep_ == "mark" for c in _kids(main)):  # "(zest) for school to improve"
            return "service", (f"\"{_np_text(subject)}\" will do it: an outcome is what "
                               "changes for the child or family, not the work done")
        status = self._status_with(verb) if not passive and not able else None
        if status is not None:
            # "will be on the waiting list for the Kestrel clinic", "will be in contact
            # with the Tollis team": where the person stands with a service
            return "service", (f"being with \"{_np_text(status)}\" is a service used, not "
                               "a change for the person")
        if there and obj is not None and lemma(obj) in self.service_head and \
                not self._animate(obj):
            return "service", (f"\"{_np_text(obj)}\" will be there: a provision, not a "
                               "change for the person")
        # "use the sensory room when he feels overwhelmed, instead of running out": using
        # a provision in a situation is the person's own behaviour
        coping = lemma(verb) == "use" and (any(
            t.lower_ == "instead" or (t.lower_ == "rather" and t.nbor(1).lower_ == "than")
            for t in verb.subtree if t.i > verb.i and t.i + 1 < len(t.doc))
            or self._used_for(verb, subject, measured))
        # "take the baby to her immunisation appointments", "get to her counselling
        # sessions on her own by bus": caring for someone, or a skill, done where a
        # service is
        own = self._own_doing(verb)
        if obj is not None and (self._in(forms, self.output_verb) or there) and not able \
                and not coping and not own:
            # "take part in X" is the person's own doing unless X itself is a service
            taking_part = "participate" in forms
            for head in self._heads(obj):
                if self._everyday(head) and not self._in(forms, self.receive_verb):
                    continue  # "outdoor play activities", "the playground equipment"
                if self._capped(head) or self._bound(head):
                    continue  # "no more than one late payment": a count kept down
                if any(c.dep_ == "amod" and self._direction(c) for c in _kids(head)):
                    continue  # "a stronger support network": a direction, judged as one
                if self._given_by_family(verb, head):
                    continue  # "his medication, given by Dad": care at home
                kind, why = self.service_shaped(head, governed=not taking_part)
                if kind and taking_part and not any(
                        lemma(t) in self.service_head for t in [head, *self._compounds(head)]):
                    continue  # "take part in a tournament with a club": his own doing
                if kind:
                    return "service", f"receiving a service is an output: {why}"
                if self._in(forms, ("have", "get", "receive")) and not self._in_place(head) \
                        and self._named_provision(head):
                    # "a safety plan agreed with her IDVA", "short breaks": a provision
                    # had, whatever else is said of it
                    return "service", (f"\"{_np_text(head)}\" is a provision had, not a "
                                       "change for the person")
        if obj is None and not able and self._in(forms, ("have", "get")):
            # "will have a safety plan agreed with her IDVA", read as "have (a plan
            # agreed)": a provision had, done by someone; "will have their needs met": an
            # aim had met, by no one in particular
            for done in _kids(verb):
                if done.dep_ != "ccomp" or done.i < verb.i:
                    continue
                for had in _kids(done):
                    if had.dep_ not in ("nsubj", "nsubjpass") or \
                            not had.tag_.startswith("NN"):
                        continue
                    if self._named_provision(had):
                        return "service", (f"\"{_np_text(had)}\" is a provision had, not a "
                                           "change for the person")
                    if lemma(had) in self.universal_noun and self._in(
                            lemma_forms(done), self.goal_verb | self.vague_verb):
                        return "vague", (f"\"{_np_text(had)} {done.text}\" is an aim: what "
                                         "would anyone see done?")
        taken_up = lemma(verb) == "take" and any(
            c.dep_ == "prt" and c.lower_ == "up" for c in _kids(verb))
        if obj is not None and not able and self._provided(obj) and (
                self._in(forms, ("have", "get", "receive", "gain", "accept"))
                or taken_up or self._in_place(obj)):
            return "service", (f"\"{_np_text(obj)}\" is a thing provided, not a change "
                               "for the person")
        attended = None if able or own else self._attended(verb, forms, obj)
        if attended is not None:
            return "service", (f"going to \"{_np_text(attended)}\" is using a service, not "
                               "a change for the person")
        met = None if able else self._met(verb)
        if met is not None:
            return "service", (f"time with \"{_np_text(met)}\" is contact with a service, "
                               "not a change for the person")

        if subject is not None and lemma(subject) in self.process_noun:
            # "the case will step down", "Jordan's case will be closed": the agency's work
            return "service", (f"says what will happen to the {subject.text}, not what will "
                               "change for the family")
        said = None if measured or lemma(verb) not in self.say_verb else next((
            c for c in _kids(verb) if c.dep_ in ("xcomp", "ccomp")
            and self._in(lemma_forms(c), self.mental_verb)
            and c.left_edge.tag_ not in ("WP", "WRB", "WDT")), None)
        # ("tell her IRO what she wants at weekends": content told, not a feeling)
        if said is not None:
            # "report feeling less anxious": a feeling said is still a feeling, unless the
            # outcome says how often or how much
            return "vague", (f"\"{verb.text} {said.text}\" reports an inner state: what "
                             "would someone see, and how often?")
        if measured:
            return "specific", "names a change with a measure"
        followed = self._content_only(verb)
        if followed is not None:
            # "put into practice what he learnt", "do what the social worker asks": only
            # that some content is followed, not what anyone would see done
            return "vague", (f"\"{_np_text(followed)}\": which of it, done when, and seen "
                             "by whom?")
        if obj is not None and lemma(verb) in self.bond_verb and self._bare_people(obj):
            # "will make friends", "build connections with adults": no one in particular,
            # and nothing anyone could count
            return "vague", (f"\"{verb.text} {_np_text(obj)}\": who, how many, and how "
                             "would anyone see it?")
        if obj is not None and not any(c.dep_ in ("advcl", "xcomp", "ccomp", "conj")
                                       for c in _kids(verb)) and (
                self._in(forms, self.direction_verb) or (
                    self._in(forms, self.manage_verb) and lemma(obj) in self.inner_noun)):
            # "to reduce the risk of harm", "Leo to manage his anger": which way, or a
            # feeling handled, with nothing anyone could count
            return "vague", (f"\"{verb.text} {_np_text(obj)}\": how would anyone see it, "
                             "and how much?")
        if self._in(forms, self.vague_verb) and not self._specific_extras(verb):
            return "vague", (f"\"{verb.text}\" says what to aim at, not what anyone would "
                             "see done")
        if able and self._generic_activity(verb, forms, obj):
            return "vague", (f"\"{_np_text(obj or verb)}\": which one, how often, and with "
                             "whom?")
        judged = self._judged_clause(verb, forms)
        if judged is not None:
            return "vague", f"\"{judged.text}\" is a judgement, not what anyone would see"
        described = self._described_home(verb)
        if described is not None:
            return "vague", (f"\"{_np_text(described)}\" is described only by qualities no "
                             "one could count")
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
        enough = complement is not None and any(
            c.lower_ == "enough" for c in _kids(complement)) and any(
            c.dep_ == "xcomp" for c in _kids(complement))  # "confident enough to phone"
        # "free of tantrums", "free from head lice": the absence of a thing anyone could
        # see, not a quality ("free from harm" is still an aim)
        absent = complement is not None and complement.lower_ in self.absence_adj and any(
            c.dep_ == "prep" and c.lower_ in ("of", "from") and any(
                g.dep_ == "pobj" and not self._quality(g) and not (
                    {lemma(g), g.lower_} & (self.generic_harm | self.generic_place
                                            | self.inner_noun))
                for g in _kids(c))
            for c in _kids(complement))
        role = next((c for c in _kids(verb) if c.dep_ == "attr" and lemma(verb) == "be"
                     and c.tag_ in ("NN", "NNS")), None)
        if role is not None and not measured and any(
                c.dep_ == "amod" for c in _kids(role)) and all(
                c.dep_ == "det" or (c.dep_ == "amod" and (
                    c.lower_ in self.evaluative_adj | self.universal_adj
                    or self._comparative(c))) or (c.dep_ == "prep" and all(
                        self._animate(g) for g in _kids(c) if g.dep_ == "pobj"))
                for c in _kids(role)):
            # "will be a good dad (to the twins)", "a safer carer": a role judged, nothing
            # seen done
            return "vague", (f"\"{_np_text(role)}\" is a judgement: what would the person "
                             "be seen to do?")
        if complement is not None and not enough and complement.lower_ in self.inner_adj \
                and not measured and not any(c.dep_ in ("advcl", "xcomp", "conj")
                                             for c in _kids(verb) if c.i > verb.i):
            # "aware of the risks", "mindful of his temper": what someone knows or keeps
            # in mind, not what anyone would see done
            return "vague", (f"\"{complement.text}\" is an inner state: what would someone "
                             "see or hear that shows it?")
        if complement is not None and not enough and not absent and (
                complement.lower_ in self.universal_adj | self.evaluative_adj
                or any(c.dep_ == "advmod" and c.lower_ in self.evaluative_adj
                       for c in _kids(complement))  # "emotionally available"
                or self._qualities_only([complement, *complement.conjuncts])):
            return "vague", f"\"{complement.text}\" names no change anyone could see"
        # a manner of doing something to a person, a quality or through a preposition
        # ("parent the children consistently", "respond to her cues sensitively"), not of
        # handling a thing ("brush his teeth properly"), nor with a when ("... when he is
        # upset")
        manner = None if (obj is not None and not (
            self._animate(obj) or self._quality_noun(obj) or obj.dep_ == "pobj")) or any(
                c.dep_ == "advcl" for c in _kids(verb)) or self._particular_setting(
                    verb) else next((
            c for c in _kids(verb) if c.dep_ == "advmod" and c.lower_.endswith("ly")
                       and (c.lower_ not in self.observable_manner or any(
                           g.lower_ == "as" for g in _kids(c)))  # "as independently as"
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
            if aim_verb and self._aim_only_clauses(obj):
                # "appropriate parenting that enables him to meet his full potential": the
                # clause says only what every child should reach
                return "vague", f"\"{_np_text(obj)}\" names no change anyone could see"
            # ("a bedtime routine of bath, story and bed": its parts are said)
            if not self._listed_parts(obj) and ((
                    aim_verb and self.judge_phrase(obj)[0] == "universal") or (
                    self._in(forms, self.change_verb | self.goal_verb | self.evidence_verb
                             | self.direction_verb | self.light_verb | {"keep", "take"})
                    and self._outcome_abstract(obj)) or (
                    self._in(forms, self.goal_verb) and lemma(obj) in self.universal_noun)):
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
        if passive and subject is not None and (
                (self._in(forms, self.goal_verb) and lemma(subject) in self.universal_noun)
                or (self._in(forms, self.change_verb | self.direction_verb)
                    and not self._animate(subject) and self._quality_noun(subject))):
            # "Mum's confidence is built up": a quality with only a direction
            return "vague", f"\"{_np_text(subject)}\" will be {verb.text}: whose, and how?"
        shown = enough or any(c.dep_ in ("advcl", "xcomp", "conj") and c.tag_.startswith("VB")
                              and not self._in(lemma_forms(c), self.mental_verb)
                              for c in _kids(verb) if c.i > verb.i)
        # ("...and say them to her"; "feel safe enough to tell her carer")
        insight = obj is not None and (self._quality_noun(obj) or any(
            c.dep_ == "prep" and c.lower_ == "of" for c in _kids(obj))
            or lemma(obj) in self.problem_noun | self.generic_harm | self.harm_verb)
        # ("recognise the harm his drinking has caused": a harm known, not anything done)
        if not shown and (self._in(forms, self.mental_verb) or (
                self._in(forms, self.insight_verb) and insight)):
            return "vague", (f"\"{verb.text}\" is an inner state: what would someone see "
                             "or hear that shows it?")
        return "specific", "names what the person will do"

    def _adult_action(self, root: Any) -> bool:
        """An outcome written as an instruction to adults at its start, with the child as
        object: "Encourage Arlo to ...", "Support Arlo in developing ..."."""
        first = next((t for t in root.sent if not t.is_punct), root)
        if first.i + 1 >= sent_end(root) or first.lower_ not in self.vague_action:
            return False
        if first.i == root.i and root.tag_ == "VB" and not any(
                c.dep_ in (*SUBJECT_DEPS, "aux") for c in _kids(root)):
            return any(c.dep_ == "dobj" and (self._animate(c) or c.tag_ == "NNP")
                       for c in _kids(root))
        # the tagger often reads the instruction as part of a name ("Support/NNP Arlo")
        after = first.nbor(1)
        return first.is_title and first.tag_ in ("NNP", "NN") and first.head.i == after.i \
            and after.tag_ == "NNP" and after.dep_ == "ROOT"

    def _own_doing(self, verb: Any) -> bool:
        """True when going to or getting somewhere is the person's own skill or care for
        someone else, whatever service is there: done on their own, by themselves,
        unaided, without an adult or by a means of travel ("go to her housing appointments
        on her own", "get to college by bus"), or taking someone else there ("take the
        baby to her immunisation appointments")."""
        base = lemma(verb)
        if base in self.escort_verb and any(
                c.dep_ == "dobj" and self._animate(c) for c in _kids(verb)) and any(
                c.dep_ == "prep" and c.lower_ in ("to", "into") for c in _kids(verb)):
            return True
        if base in self.keep_verb and self._for_another(verb):
            return True  # "Dad will keep Ben's hospital appointments"
        if base not in self.go_verb:
            return False
        # how the going is done, or how what it is for is done ("go to the office to take
        # her insulin without being reminded")
        purposes = [c for c in _kids(verb) if c.dep_ in ("advcl", "xcomp") and any(
            g.lower_ == "to" and g.dep_ == "aux" for g in _kids(c))]
        return any(self._unaided(clause) for clause in (verb, *purposes))

    def laid(self, span: Any) -> bool:
        """A word rule's "will be placed" that says where a child's body is put ("placed
        on her back to sleep"): care, not a placement (see :meth:`_laid`)."""
        return any(t.tag_.startswith("VB") and self._laid(t) for t in span)

    def _laid(self, verb: Any) -> bool:
        """"Will be placed on her back to sleep", "put down in his own cot": where a child's
        body is put (``shape_outcome_position_noun``, by ``shape_outcome_lay_verb``) is how
        the child is cared for, not a placement with a carer or in care."""
        if lemma(verb) not in self.lay_verb:
            return False
        for token in verb.subtree:
            if lemma(token) not in self.position_noun or token.dep_ not in (
                    "pobj", "advmod", "npadvmod", "dobj"):
                continue  # ("on her back" is often parsed "on her | back")
            if token.i == 0 or token.doc[token.i - 1].tag_ not in ("PRP$", "PRP", "DT",
                                                                    "POS", "JJ"):
                continue  # "placed back with her mother": an adverb, not the body
            step = token.head
            while step.i != verb.i and not step.tag_.startswith("VB") and step.head.i != step.i:
                step = step.head
            if step.i == verb.i:
                return True
        return False

    def _for_another(self, verb: Any) -> bool:
        """What is kept or gone to belongs to someone other than the one who keeps it
        ("Dad will keep Ben's hospital appointments", "Mum will make and keep the baby's
        eye test"): a parent taking a child to care, the parent's own act. Only a
        possessor written as a name or a noun for a person counts, not "his" or "her", nor
        a kind ("a carer's assessment")."""
        subject = next((c for c in _kids(verb) if c.dep_ in SUBJECT_DEPS), None)
        if subject is None and verb.dep_ == "conj":
            subject = next((c for c in _kids(verb.head) if c.dep_ in SUBJECT_DEPS), None)
        if subject is None or not self._animate(subject):
            return False
        objects = [c for c in _kids(verb) if c.dep_ == "dobj"]
        if not objects and verb.dep_ == "conj":  # "make and keep Ava's appointment"
            objects = [c for c in _kids(verb.head) if c.dep_ == "dobj"]
        for obj in objects:
            owner = next((c for c in _kids(obj) if c.dep_ == "poss"
                          and c.tag_ in ("NNP", "NNPS", "NN", "NNS")), None)
            if owner is not None and owner.lower_ != subject.lower_ and (
                    self._animate(owner) or owner.tag_ in ("NNP", "NNPS")) and not any(
                    c.dep_ == "det" and c.lower_ in ("a", "an") for c in _kids(owner)) and \
                    lemma(obj) not in self.case_meeting | self.process_noun:
                return True  # (not "Ben's child protection conferences": the process)
        return False

    def _unaided(self, verb: Any) -> bool:
        """Done on one's own, by oneself, unaided, without an adult or by a means of
        travel."""
        for token in verb.subtree:
            if token.lower_ == "own" and token.head.lower_ == "on" and \
                    self._clause_verb(token).i == verb.i:
                return True  # "on her own", wherever the parser hangs it
        for child in _kids(verb):
            if child.dep_ == "advmod" and child.lower_ in self.observable_manner:
                return True
            if child.tag_ == "PRP" and child.lower_.endswith(("self", "selves")):
                return True  # "get herself to her appointments"
            if child.dep_ != "prep":
                continue
            if child.lower_ == "without" and any(
                    self._animate(g) or lemma(g) in self.help_noun | self.outcome_passive
                    for g in _kids(child) if g.dep_ in ("pobj", "pcomp")):
                # "without an adult", "without help", "without being reminded"; not
                # "without missing a session", which counts the service kept
                return True
            for noun in _kids(child):
                # a means follows the verb; "By spring, Sam will ..." set before it is when
                if child.lower_ == "by" and child.i > verb.i and noun.dep_ == "pobj" and \
                        noun.tag_ == "NN" and \
                        not any(c.dep_ in ("det", "poss", "nummod") for c in _kids(noun)) \
                        and lemma(noun) not in self.time_noun and \
                        not self.service_shaped(noun)[0] and not self._animate(noun):
                    return True  # "by bus", "by train": a means of getting there
        return False

    @staticmethod
    def _clause_verb(token: Any) -> Any:
        """The nearest verb above ``token``: the clause it belongs to."""
        node = token.head
        for _ in range(12):
            if node.tag_.startswith("VB") or node.head.i == node.i:
                return node
            node = node.head
        return node

    def _used_for(self, verb: Any, subject: Any, measured: bool) -> bool:
        """A thing used in a situation or to do something the person does ("use her
        safety plan to leave the house if Dad comes round drunk", "use the visual plan on
        his desk to start each task"): the use is the person's own act when what it is used
        for is itself an act anyone could see, not a service or an aim."""
        for clause in _kids(verb):
            if clause.dep_ == "advcl" and any(
                    c.dep_ == "mark" and c.lower_ in ("if", "when", "whenever")
                    for c in _kids(clause)):
                return True
            if clause.dep_ in ("xcomp", "advcl") and clause.tag_ == "VB" and any(
                    c.lower_ == "to" for c in _kids(clause)):
                return self._judge_predicate(clause, clause, subject, measured,
                                             False)[0] == "specific"
        return False

    def _given_by_family(self, verb: Any, head: Any) -> bool:
        """What is had is given or done by someone of the family, named ("his medication,
        given by Dad", "a lift to school from Gran"): care at home, not a service. A
        professional or an agency as the giver is still a service."""
        clauses = [c for c in (*_kids(head), *_kids(verb))
                   if c.dep_ in ("acl", "advcl", "relcl") and c.tag_ == "VBN"]
        preps = [p for c in clauses for p in _kids(c) if p.dep_ == "agent"]
        preps += [p for p in _kids(head) if p.dep_ == "prep" and p.lower_ == "from"]
        givers = [g for p in preps for g in _kids(p) if g.dep_ == "pobj"]
        return bool(givers) and all(
            self._lay_person(g) and not self.service_shaped(g)[0] for g in givers)

    def _lay_person(self, noun: Any) -> bool:
        """Whether a noun names a person who is no professional or agency ("her friends",
        "Gran"), as against "the school nurse" or "CAMHS"."""
        return self._animate(noun) and not (self._professional(noun) or self._acronym(noun))

    def _bound(self, noun: Any) -> bool:
        """"within her weekly budget", "under £20 a week": what is kept within is a limit
        on what the person does, not a thing received."""
        return noun.dep_ == "pobj" and noun.head.lower_ in self.bound_prep

    def _named_provision(self, head: Any) -> bool:
        """A provision named by its kind, whatever follows it: a plan, package or session
        of a named sort ("a safety plan agreed with her IDVA", "a transition plan for
        moving to secondary school"), or breaks of a named sort ("short breaks",
        "overnight stays"). Had, these are outputs."""
        base = lemma(head)
        if self._animate(head) or self._everyday(head):
            return False
        mods = [c for c in _kids(head) if c.i < head.i]
        if base in self.respite_noun:
            # ("a short break at lunchtime", "a break in class": a pause in the day)
            return any(c.dep_ in ("amod", "compound") for c in mods) and not any(
                lemma(g) in self.time_noun | self.everyday_activity | self.everyday_place
                for c in _kids(head) if c.dep_ == "prep" for g in _kids(c))
        return base in self.service_head and any(
            c.dep_ == "compound" and c.tag_.startswith("NN") and c.tag_ != "PRP"
            and lemma(c) not in self.person_head | self.time_noun for c in mods)

    def _met(self, verb: Any) -> Any:
        """Whom the person will meet, talk to or deal with, when that is a professional or
        a service and nothing is said of what for or about ("meet with his personal
        adviser monthly", "check in with the school counsellor", "comply with the plan"):
        the noun, or None. A topic, a purpose or a condition makes the meeting an act
        ("talk to his teacher about the bullying", "ring the nurse if ...")."""
        contact = self._contact_nouns(verb)
        if lemma(verb) not in self.meet_verb and not contact:
            return None
        if any(c.dep_ in ("ccomp", "xcomp", "advcl") for c in _kids(verb)):
            return None
        partners = [g for n in contact for c in _kids(n) if c.dep_ == "prep"
                    and c.lower_ == "with" for g in _kids(c) if g.dep_ == "pobj"]
        for child in _kids(verb):
            if child.dep_ == "dobj" and not (lemma(child) in self.dose_noun | self.time_noun
                                             or child.lower_ == "time") and \
                    lemma(child) not in self.contact_noun:
                partners.append(child)  # "meet her youth worker"
            elif child.dep_ == "prep":
                if child.lower_ in ("about", "regarding", "concerning", "over", "on"):
                    return None
                if child.lower_ in ("with", "to"):
                    partners += [g for g in _kids(child) if g.dep_ == "pobj"]
        for partner in partners:
            if lemma(partner) in self.everyday_place or self._everyday(partner) or (
                    self._lay_person(partner)):
                continue  # "talk to her friends", "speak to the school"
            if lemma(partner) in self.service_head or self._professional(partner) or \
                    self.service_shaped(partner, governed=True)[0]:
                return partner
        return None

    def _kept_to(self, verb: Any) -> Any:
        """The plan, agreement or order the person will keep to ("stick to the safety
        plan", "abide by the written agreement", "sign and keep to the contract"): the
        noun, or None. A situation or purpose ("follow her safety plan when she feels
        unsafe", "... so that ...") makes it using the plan, something seen, and so does
        an agreement that says what is agreed ("the agreement not to drink when ...")."""
        verbs = [verb, *(c for c in _kids(verb) if c.dep_ == "conj" and c.tag_.startswith("VB"))]
        if not any(lemma(v) in self.comply_verb for v in verbs) or any(
                c.dep_ in ("advcl", "xcomp", "ccomp") for v in verbs for c in _kids(v)):
            return None
        for v in verbs:
            targets = [c for c in _kids(v) if c.dep_ == "dobj"]
            targets += [g for c in _kids(v) if c.dep_ in ("prep", "prt") and c.lower_ in (
                "to", "by", "with") for g in _kids(c) if g.dep_ == "pobj"]
            for target in targets:
                if (lemma(target) in self.compact_noun or target.lower_ in self.compact_noun) \
                        and not any(c.dep_ in ("acl", "relcl") for c in _kids(target)):
                    return target  # (not "the agreement not to drink ...": what is kept)
        return None

    def _contact_nouns(self, verb: Any) -> list[Any]:
        """Nouns of being in touch that the verb takes ("make contact with", "get in
        touch with", "be put in touch with"): the partner hangs on them or on the verb."""
        found = []
        for child in _kids(verb):
            if child.dep_ == "dobj" and lemma(child) in self.contact_noun:
                found.append(child)
            elif child.dep_ == "prep" and child.lower_ == "in":
                found += [g for g in _kids(child) if g.dep_ == "pobj"
                          and lemma(g) in self.contact_noun]
        return found

    def _content_only(self, verb: Any) -> Any:
        """What the person will do or use, when it is only content passed on elsewhere
        ("what he learnt during treatment", "what the social worker asks"): the clause,
        or None."""
        if lemma(verb) not in self.follow_verb or any(
                c.dep_ in ("advcl", "xcomp") for c in _kids(verb)):
            # "tell her IRO what she wants", "retell what the speaker said"; "use what he
            # learnt to cross the road on his own" says what it is used for
            return None
        for child in _kids(verb):
            if child.dep_ in ("dobj", "ccomp") and child.tag_.startswith("VB") and \
                    child.left_edge.lower_ in ("what", "whatever") and \
                    lemma(child) in self.content_verb and not any(
                        c.dep_ in ("advcl", "xcomp") and any(
                            g.lower_ == "to" for g in _kids(c)) for c in _kids(child)):
                return child  # (a purpose the parser hung on "learnt" is the use's)
        return None

    def _bare_people(self, noun: Any) -> bool:
        """People named by no number, name or owner ("friends", "new connections with
        adults"): no one in particular."""
        return noun.tag_ == "NNS" and lemma(noun) in self.person_head and not any(
            c.dep_ in ("det", "poss", "nummod", "relcl", "acl") or c.like_num
            for c in _kids(noun))

    def _everyday(self, head: Any) -> bool:
        """A thing of everyday life named by its place or activity ("outdoor play
        activities", "the playground equipment"): using or taking part in it is the
        person's own doing. A professional is never everyday ("the school nurse")."""
        mods = [c for c in _kids(head) if c.dep_ in ("compound", "amod", "nmod")
                and c.i < head.i]
        return not self._acronym(head) and not self._professional(head) and any(
            lemma(t) in self.everyday_activity | self.everyday_place
            or t.lower_ in self.everyday_activity for t in mods)

    def _attended(self, verb: Any, forms: tuple[str, ...], obj: Any) -> Any:
        """What the person will attend, keep, go to or take part in when it is a service
        or a provider, whatever it is called ("keep every appointment at the dental
        practice", "go to the after-school club", "attend every clinic appointment"): the
        noun, or None. Everyday places (school, college, lessons, work) are the person's
        own life, not a service."""
        # "sign up to X", "enrol on X", "book onto X": taking up what X offers
        enrol = lemma(verb) in self.enrol_verb and (
            lemma(verb) in ("enrol", "enroll", "subscribe", "register") or any(
                c.dep_ == "prt" and c.lower_ in ("up", "on", "onto") for c in _kids(verb))
            or any(c.dep_ == "prep" and c.lower_ in ("onto", "into") for c in _kids(verb)))
        if enrol:
            forms = (*forms, "enrol")
        elif not self._in(forms, self.attend_verb):
            return None
        heads = [] if obj is None else self._heads(obj)
        # what is gone to, taken part in or engaged with
        wanted = {"go": ("to",), "participate": ("in",), "join": ("in",),
                  "engage": ("with", "in"), "work": ("with",),
                  "enrol": ("on", "onto", "in", "into", "for", "to", "with")}
        preps = tuple(p for f in forms for p in wanted.get(f, ()))
        for prep in _kids(verb):
            if prep.dep_ == "prep" and prep.lower_ in preps and (
                    obj is None or "participate" in forms or lemma(obj) == "part"):
                heads += [g for g in _kids(prep) if g.dep_ == "pobj"]
        for head in heads:
            base = lemma(head)
            if self._bound(head):
                continue  # "keep within her weekly budget": a limit kept
            if self._occasion(head) and not self._everyday(head):
                return head  # "a job fair", "an open day", "a coffee morning"
            if base in self.everyday_place or head.lower_ in self.everyday_place or \
                    self._everyday(head) or \
                    self._lay_person(head):
                continue
            if base in self.service_head or any(
                    lemma(t) in self.service_head - self.weak_service_head
                    - self.everyday_place for t in self._compounds(head)):
                return head  # "the therapy group", not "the school play"
            if "participate" not in forms and self.service_shaped(head, governed=True)[0]:
                return head  # taking part "with a club" is still his own doing
        return None

    def _occasion(self, head: Any) -> bool:
        """An occasion someone else holds ("a job fair", "an open day", "a coffee
        morning"); a part of the day only with a word that names the occasion, not "his
        first day" or the people it is for ("parents' evening" at the child's school)."""
        base = lemma(head)
        if base not in self.occasion_noun:
            return False
        if base not in self.day_part:
            return True
        return any(c.i < head.i and (lemma(c) in self.occasion_noun or (
            c.dep_ == "compound" and c.tag_.startswith("NN")
            and lemma(c) not in self.time_noun)) for c in _kids(head))

    def _generic_activity(self, verb: Any, forms: tuple[str, ...], obj: Any) -> bool:
        """"Will be able to take part in an out-of-school activity": doing something of a
        kind, with nothing that says which, how often or with whom."""
        heads = [] if obj is None else [obj]
        heads += [g for c in _kids(verb) if c.dep_ == "prep" and c.lower_ in ("in", "to", "with")
                  for g in _kids(c) if g.dep_ == "pobj"]
        return any(lemma(h) in self.generic_activity and not any(
            c.dep_ in ("nummod", "relcl", "acl", "poss", "prep") or c.tag_ == "NNP"
            for c in _kids(h)) for h in heads)

    def _judged_clause(self, verb: Any, forms: tuple[str, ...]) -> Any:
        """A verb of finding, seeing or knowing whose clause only judges ("will find the
        plan meaningful", "will see that things are good enough"): the adjective, or
        None."""
        if not self._in(forms, self.mental_verb | self.observe_verb | {"find", "consider"}):
            return None
        for clause in _kids(verb):
            if clause.dep_ not in ("ccomp", "oprd", "xcomp"):
                continue
            adjective = clause if clause.tag_.startswith("JJ") else self._complement(clause)
            if adjective is None or self._specific_extras(clause):
                continue
            if self._qualities_only([adjective, *adjective.conjuncts]) or (
                    lemma(verb) in ("find", "consider") and adjective.tag_.startswith("JJ")):
                return adjective  # "find the sessions helpful": a judgement of the help
        return None

    def _described_home(self, verb: Any) -> Any:
        """Where someone will live, described only by qualities ("live in home conditions
        that are hygienic and safe", "grow up in a safe and nurturing home"): the noun, or
        None when anything concrete (a number, a named place, a thing there) says more."""
        if lemma(verb) not in ("live", "grow", "stay", "remain", "reside"):
            return None
        preps = [c for c in _kids(verb) if c.dep_ == "prep"]
        preps += [g for p in preps for o in _kids(p) if o.dep_ == "pobj"
                  for g in _kids(o) if g.dep_ == "prep"]  # "with Romeo | in the car"
        for prep in preps:
            if prep.lower_ not in ("in", "within", "at"):
                continue
            for noun in _kids(prep):
                if noun.dep_ != "pobj" or self._animate(noun):
                    continue
                adjectives = [c for c in _kids(noun) if c.dep_ == "amod"]
                # "that are hygienic and safe": a relative clause, or (misparsed) a clause
                # of the verb whose subject is "that" or "which"
                stray = [c for c in _kids(verb) if c.dep_ == "ccomp" and c.i > noun.i
                         and any(g.dep_ == "nsubj" and g.lower_ in ("that", "which")
                                 for g in _kids(c))]
                for clause in [*_kids(noun), *stray]:
                    if clause.dep_ in ("relcl", "ccomp") and lemma(clause) == "be":
                        adjective = self._complement(clause)
                        if adjective is not None:
                            adjectives += [adjective, *adjective.conjuncts]
                    elif clause.dep_ in ("relcl", "acl", "prep") or clause.dep_ == "nummod":
                        return None
                if self._qualities_only(adjectives):
                    return noun
        return None

    def _qualities_only(self, adjectives: list[Any]) -> bool:
        """Adjectives of which at least one is evaluative or an aim and none is more than
        an adjective ("hygienic and safe", "warm and nurturing", "clean and safe")."""
        return any(a.lower_ in self.evaluative_adj | self.universal_adj for a in adjectives) \
            and all(a.tag_.startswith("JJ") or a.tag_ in ("VBG", "VBN") for a in adjectives) \
            and not any(c.dep_ in ("prep", "xcomp", "advcl", "ccomp") or c.like_num
                        for a in adjectives for c in _kids(a))

    def half_noun(self, span: Any) -> bool:
        """True when a word rule's match ends on a modifier of a noun it left out ("will
        join in a group | game", "will take part in a class | assembly") and that noun is
        no service: the match read half a noun phrase; or when its service noun is not
        what the verb takes at all (``_misread_object``); or when going there is the
        person's own doing (``_own_doing``)."""
        last = span[-1]
        head = last.head
        if self._misread_object(span):
            return True
        verb = next((t for t in span if t.tag_.startswith("VB")
                     and t.dep_ not in ("aux", "auxpass")
                     and t.lower_ not in ("will", "be", "been", "have", "to")), None)
        if verb is not None and self._own_doing(verb):
            return True  # "take the baby to her appointments", "go to them on her own"
        if verb is not None and lemma(verb) == "use" and self._used_for(
                verb, next((c for c in _kids(verb) if c.dep_ in SUBJECT_DEPS), None),
                self._measured(span.doc)):
            return True  # "use her safety plan to leave the house if Dad comes round"
        if (lemma(last) in self.everyday_place or last.lower_ in self.everyday_place) and \
                not any(c.dep_ in ("compound", "amod", "nmod") or c.lower_ in ("a", "an")
                        for c in _kids(last)):
            return True  # "participate more in class", "attend lessons": everyday life
        if verb is not None and lemma(verb) in self.meet_verb and any(
                c.dep_ in ("advcl", "xcomp", "ccomp") or (
                    c.dep_ == "prep" and c.lower_ in ("about", "regarding", "concerning"))
                for c in _kids(verb)):
            return True  # "meet the school nurse to agree how his inhaler is kept"
        return last.dep_ in ("compound", "nmod", "amod") and head.i >= span.end and \
            head.tag_.startswith("NN") and lemma(head) not in self.service_head and \
            head.lower_ not in self.provision_mod and lemma(head) not in self.time_noun and \
            not self.service_shaped(head)[0]  # ("the counsellor | weekly": a misparse)

    def _misread_object(self, span: Any) -> bool:
        """True when a word rule's service noun is not what its verb takes: it sits in a
        clause of another verb ("will use a sentence ... to answer a question in class")
        or in a phrase of place beside the verb's own object ("will use a sentence in
        class"). The parse says what is used, attended or received."""
        verb = next((t for t in span if t.tag_.startswith("VB")
                     and t.dep_ not in ("aux", "auxpass")
                     and t.lower_ not in ("will", "be", "been", "have", "to")), None)
        noun = span[-1]
        if verb is None or noun.i <= verb.i:
            return False
        node = noun
        for _ in range(12):
            if node.i == node.head.i or node.head.i == verb.i:
                break
            bare = node.head.dep_ == "xcomp" and node.head.tag_ == "VB" and not any(
                g.lower_ == "to" for g in _kids(node.head))  # "start play | therapy": misread
            if node.head.tag_.startswith("VB") and not bare and node.head.dep_ in (
                    "xcomp", "advcl", "ccomp", "relcl", "conj", "pcomp"):
                return True  # another verb's clause governs it
            node = node.head
        if node.head.i != verb.i:
            return False
        own = next((c for c in _kids(verb) if c.dep_ == "dobj"), None)
        if own is None and node.dep_ == "prep":
            # "engage in a conversation ... during each therapy session": what is taken
            # part in is the first noun; a phrase of place or time under it says where
            own = next((g for g in _kids(node) if g.dep_ == "pobj"), None)
            if own is None or own.i == noun.i or self.service_shaped(own)[0]:
                return False
            place = noun
            while place.i != own.i and place.head.i != place.i:
                if place.dep_ == "prep" and place.lower_ in ("during", "at", "in", "on") \
                        and place.i > own.i:
                    return True
                place = place.head
            return False
        return own is not None and node.dep_ == "prep" and node.i > own.i and \
            node.lower_ in ("in", "at", "on", "during", "around") and \
            not self.service_shaped(own)[0]

    def _status_with(self, verb: Any) -> Any:
        """Where "be" puts the person, when that is with a service or a provider ("on the
        waiting list for the Kestrel clinic", "in contact with the Tollis team"): the
        service noun, or None. Everyday places ("in bed", "at school") and people are the
        person's own life."""
        if lemma(verb) != "be":
            return None
        # "open to the youth offending service", "known to the Tollis team": a status
        # with a service, said by an adjective
        status = [c for c in _kids(verb) if c.dep_ == "acomp" and c.lower_ in self.status_adj]
        if (self._complement(verb) is not None and not status) or any(
                c.dep_ in ("attr", "dobj", "expl") or (c.dep_ == "acomp" and c not in status)
                for c in _kids(verb)):
            return None
        for adjective in status:
            agency = self._status_agency(adjective)
            if agency is not None:
                return agency
        preps = [c for c in _kids(verb) if c.dep_ == "prep" and c.i > verb.i]
        frontier = [g for c in preps for g in _kids(c) if g.dep_ == "pobj" and not (
            # "within the normal range at his next health visitor check": after where
            # the person will be, an occasion says when it is seen, not a service; "by"
            # or "before" an occasion says when wherever it stands ("back on the 25th
            # centile by her 1-year check", with "on" hung on "back")
            ((c.lower_ in ("by", "before") or (c.lower_ == "at" and c.i > preps[0].i))
             and lemma(g) in self.measure_occasion) or (
                # "by the next RCPC", "before the first TAF": picked out as the next of
                # its kind, an occasion is a date, whatever it is called
                c.lower_ in ("by", "before") and any(
                    m.dep_ == "amod" and m.lower_ in ("next", "first", "following")
                    for m in _kids(g))))]
        for depth in range(2):
            found = []
            for noun in frontier:
                if lemma(noun) in self.roll_noun and not self._everyday(noun) and any(
                        c.dep_ in ("compound", "amod", "prep") for c in _kids(noun)):
                    return noun  # "on the housing register", "on the Tollis caseload"
                if not noun.tag_.startswith("NN") or lemma(noun) in self.time_noun or (
                        depth == 0 and lemma(noun) in self.weak_service_head):
                    continue  # "in the football team": a member, not a service user
                if lemma(noun) in self.everyday_place or noun.lower_ in self.everyday_place \
                        or self._everyday(noun) or (self._animate(noun) and not (
                            self._professional(noun) or self._acronym(noun))):
                    continue
                if self.service_shaped(noun, governed=True)[0]:
                    return noun
                found += [g for c in _kids(noun) if c.dep_ == "prep"
                          for g in _kids(c) if g.dep_ == "pobj"]
            frontier = found
        return None

    def _status_agency(self, word: Any) -> Any:
        """The agency a status word puts the person with ("open to the youth offending
        service", "known to the sleep clinic", "linked to the family hub"): the agency
        itself, not help it gives ("open to advice" is an attitude), else None."""
        for agency in (g for c in _kids(word) if c.dep_ == "prep"
                       for g in _kids(c) if g.dep_ == "pobj"):
            if lemma(agency) in self.help_noun or self._everyday(agency) or (
                    self._animate(agency) and not (self._professional(agency)
                                                   or self._acronym(agency))):
                continue
            if lemma(agency) in self.service_head or self._professional(agency) or \
                    self._acronym(agency) or self.service_shaped(
                        agency, governed=True)[0] == "service":
                return agency
        return None

    def _outcome_object(self, verb: Any) -> Any:
        """The verb's object as an outcome has it: a phrase before the verb or a phrase
        of time ("By the next review, Hana will go to bed") says when, not what."""
        obj = self._object_of(verb)
        if obj is None or obj.dep_ != "pobj" or obj.head.head.i != verb.i or not (
                obj.head.i < verb.i or self._time_phrase(obj)):
            return obj
        for prep in _kids(verb):
            if prep.dep_ in ("prep", "agent", "dative") and prep.i > verb.i:
                for noun in _kids(prep):
                    if noun.dep_ == "pobj" and not self._time_phrase(noun):
                        return noun
        return None

    def _time_phrase(self, noun: Any) -> bool:
        """"by the next review", "within three months": a phrase that says when."""
        return lemma(noun) in self.time_noun and noun.head.lower_ in self.time_prep

    @staticmethod
    def _capped(noun: Any) -> bool:
        """A count kept down ("no more than one late payment", "fewer than two
        exclusions", "no missed days"): what is capped is a behaviour or an event to
        avoid, never a service someone will receive."""
        words = [t.lower_ for t in noun.doc[noun.left_edge.i:noun.i]]
        for k, word in enumerate(words):
            after = words[k + 1] if k + 1 < len(words) else ""
            if word in ("no", "not") and after in ("more", "fewer", "less", "greater"):
                return True
            if word in ("fewer", "less") and after == "than":
                return True
            if word == "at" and after == "most":
                return True
        return any(c.dep_ == "det" and c.lower_ in ("no", "zero") for c in _kids(noun))

    def _particular_setting(self, verb: Any) -> bool:
        """An act done in, on or by a particular thing ("travel with Romeo in the family
        car", "cross the road at the zebra crossing"): a manner adverb on it says how a
        concrete act is done ("safely"), not a quality in place of one. A generic place
        ("in class", "at home", "in the community") is no such thing."""
        preps = [c for c in _kids(verb) if c.dep_ == "prep"]
        preps += [g for p in preps for o in _kids(p) if o.dep_ == "pobj"
                  for g in _kids(o) if g.dep_ == "prep"]  # "with Romeo | in the car"
        for prep in preps:
            if prep.lower_ not in (
                    "in", "on", "at", "by", "across", "along", "into", "onto", "over",
                    "through", "inside", "around"):
                continue
            for noun in _kids(prep):
                if noun.dep_ == "pobj" and noun.tag_ in ("NN", "NNS") and not (
                        self._quality_noun(noun) or self._animate(noun)
                        or {lemma(noun), noun.lower_} & self.generic_place) and any(
                        c.dep_ in ("det", "poss") for c in _kids(noun)):
                    return True
        return False

    def _aim_only_clauses(self, obj: Any) -> bool:
        """A quality of care ("appropriate parenting", "consistent care") whose clauses say
        only what every child should reach ("that enables him to meet his full potential",
        "which helps her thrive"): nothing in it anyone would see."""
        clauses = [c for c in _kids(obj) if c.dep_ in ("relcl", "acl") and c.tag_.startswith("VB")]
        if not clauses or not any(c.dep_ == "amod" and c.lower_ in self.evaluative_adj
                                  | self.universal_adj for c in _kids(obj)):
            return False
        for clause in clauses:
            inner = [c for c in _kids(clause) if c.dep_ in ("xcomp", "ccomp")
                     and c.tag_.startswith("VB")] if lemma(clause) in self.enabling_verb \
                else [clause]
            if not inner or not all(self._general_aim(v) or self._aim_clause(v)
                                    for v in inner):
                return False
        return True

    def _direction(self, token: Any) -> bool:
        """A modifier that says only which way something goes: a comparative ("better",
        "safer") or a participle of change ("improved", "increased", "strengthened")."""
        return self._comparative(token) or (
            token.tag_ in ("VBN", "JJ") and lemma(token) in self.change_verb)

    @staticmethod
    def _comparative(token: Any) -> bool:
        """A comparative with nothing to compare against: "better", "more", "less"."""
        return token.tag_ in ("JJR", "RBR") or token.lower_ in (
            "more", "less", "better", "fewer", "greater", "worse")

    def _read_fragment(self, doc: Any, root: Any, measured: bool) -> OutcomeReading | None:
        """An outcome with no verb and no noun at its root, as headline outcomes are often
        written ("Less shouting in the home", "Significant and sustained progress with
        attendance"): the noun the adjective leads to is what the outcome names."""
        if not root.tag_.startswith(("JJ", "RB", "VBD", "VBN")):
            return None
        head = next((t for t in root.subtree if t.i > root.i and (
            t.tag_.startswith("NN") or t.tag_ == "VBG")
            and (t.head.i == root.i or t.head.head.i == root.i)
            and t.dep_ not in ("pobj", "compound", "poss")), None)
        if head is None:
            return None
        span = Part.of(doc, root.left_edge.i, _trim(doc, root.right_edge.i) + 1)
        if not measured and self._comparative(root):
            return OutcomeReading(lemma(head), None, span, "vague", (
                f"\"{root.text} {head.text}\" with no measure: how much, how often, and "
                "who would see it?"), measured)
        category, reason = self._judge_noun_outcome(head, measured)
        return OutcomeReading(lemma(head), None, span, category, reason, measured)

    @staticmethod
    def _in_place(noun: Any) -> bool:
        """"arrangements in place": put there by someone."""
        return any(c.dep_ == "prep" and c.lower_ == "in" and any(
            g.lower_ == "place" for g in _kids(c)) for c in _kids(noun))

    def _read_noun_outcome(self, doc: Any, head: Any, measured: bool) -> OutcomeReading:
        """An outcome written as a noun phrase, as real plans often are ("Reduced risk
        of exploitation", "Safety plan in place", "Children in bed by 8pm")."""
        span = Part.of(doc, head.left_edge.i, _trim(doc, head.right_edge.i) + 1)
        category, reason = self._judge_noun_outcome(head, measured)
        return OutcomeReading(lemma(head), None, span, category, reason, measured)

    def _judge_noun_outcome(self, head: Any, measured: bool
                            ) -> tuple[Literal["service", "vague", "specific"], str]:
        if not measured and lemma(head) in self.weak_service_head and not any(
                self.service_shaped(t)[0] and lemma(t) not in self.help_noun
                for t in self._compounds(head)) and any(
                c.dep_ in ("amod", "advmod") and c.i < head.i and self._direction(c)
                for c in _kids(head)):
            # "Safer care for Nia", "An improved support network": which way the care or
            # the network should go, with nothing anyone would see
            return "vague", (f"\"{_np_text(head)}\" names a direction of change, not what "
                             "anyone would see")
        if self._provided(head) or (not self._animate(head) and any(
                self.service_shaped(h)[0] for h in self._heads(head))):
            return "service", (f"\"{_np_text(head)}\" is what will be provided, not what "
                               "will change for the person")
        if measured:
            return "specific", "names a change with a measure"
        if self._change_phrase(head):
            return "vague", (f"\"{_np_text(head)}\" names a direction of change, not what "
                             "anyone would see")
        if not self._animate(head) and self._quality_noun(head) and not any(
                c.dep_ in ("nummod", "relcl", "acl") for c in _kids(head)):
            # "Confidence in money management", "Independence in daily living": a quality
            # in an area, with nothing anyone would see done
            return "vague", (f"\"{_np_text(head)}\" names a quality, not what anyone "
                             "would see done")
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
            if child.dep_ != "amod" or child.i > noun.i:
                continue
            if self._animate(noun) or lemma(noun) in self.person_head:
                # "Stronger families", "safer children": people compared, with no measure
                if child.tag_ == "JJR" or child.lower_ in ("better", "fewer", "less", "more"):
                    return True
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

    def _outcome_abstract(self, noun: Any) -> bool:
        """A quality, capacity or bond ("self-esteem", "skills", "friendships") that no
        one could count as it stands; not one whose parts are listed ("a bedtime routine
        of bath, story and bed")."""
        if self._listed_parts(noun):
            return False
        if self._abstract(noun) or (noun.tag_ == "VBG" and noun.lower_ in self.abstract_noun):
            return True
        if lemma(noun) in self.means_noun and not any(
                c.dep_ == "nummod" for c in _kids(noun)):
            return True  # "ways to resolve problems calmly": which ways, used when?
        # "the skills needed to engage in paid work": what the skills are for, not what
        # the person will do
        purposed = [c for c in _kids(noun) if c.dep_ in ("acl", "relcl")
                    and lemma(c) in ("need", "require")]
        if lemma(noun) in self.change_noun:
            # "the changes she has made", "the progress achieved so far": only pointing
            # back at a change, still none anyone could see
            purposed += [c for c in _kids(noun) if c.dep_ in ("acl", "relcl")
                         and self._in(lemma_forms(c), self.goal_verb)
                         and not any(g.dep_ in ("dobj", "advcl", "xcomp") for g in _kids(c))]
        if self._animate(noun) or any(c.dep_ in ("nummod", "relcl", "acl")
                                      and c not in purposed for c in _kids(noun)):
            return False
        return self._quality_noun(noun)  # "take responsibility for his actions"

    def _listed_parts(self, noun: Any) -> bool:
        """A thing whose parts are listed ("a bedtime routine of bath, story and bed", "a
        breakfast including cereal and fruit"): what it is made of can be seen."""
        return any(c.dep_ == "prep" and c.lower_ in ("of", "including") and any(
            g.dep_ == "pobj" and g.conjuncts and all(
                t.tag_ in ("NN", "NNS") and not self._quality_noun(t)
                for t in (g, *g.conjuncts)) for g in _kids(c)) for c in _kids(noun))

    def _doer_is_agency(self, subject: Any) -> bool:
        """The outcome's subject is a professional or an agency ("the TAF will have
        reviewed the plan"): what it says is work done, not a change for the family."""
        base = lemma(subject)
        if base in self.person_head or subject.tag_ == "PRP":
            return False
        return self._professional(subject) or self._acronym(subject) or \
            base in self.agency_noun or (subject.tag_.startswith("NNP") and any(
                # "Family support worker Jade", "SW Jo": a professional by name
                c.dep_ == "compound" and (self._professional(c) or self._acronym(c))
                for c in _kids(subject)))

    def _measured(self, doc: Any) -> bool:
        """True when the statement holds a number, a frequency, a bound ("at least",
        "no more than", "every", "each") or a count of none ("no unauthorised
        absences"). A number that only says when ("by the end of Key Stage 4", "by Year
        6", "within 3 months", "by 14/03/2027") is a date, not a measure."""
        for token in doc:
            low = token.lower_
            if low in ("%", "percent", "every", "each", "daily", "weekly", "nightly",
                       "monthly", "fortnightly", "once", "twice", "always", "never",
                       "without", "instead"):
                return True
            if (token.like_num or timing.signed_number(token, self.time_words)) and \
                    not self._when(token):
                return True  # "3 times", "90%+"
            if low == "no" and token.dep_ == "det" and token.head.tag_ == "NNS" and \
                    lemma(token.head) not in self.inner_noun:
                return True  # "no unauthorised absences": a count of none
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

