"""The need reader: who holds a need, how it is said, what is needed, and whether that
is a universal aim, a service, an assessment or something specific (the package doc says
why by shape). It also holds the word classes and the noun and verb tests that the
outcome, work and seriousness readers build on."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import replace
from functools import lru_cache, partial
from typing import TYPE_CHECKING, Any, Self

from assistant.wording.structure.meaning import Nearness, NeedMeaning
from assistant.wording.structure.readings import (
    A_FACT,
    A_PERSON,
    A_THING,
    A_THING_SEEN_TO,
    FAULTS,
    FOR_A_TIME,
    KNOWN_VERBS,
    OBJECT_DEPS,
    PARTICULAR_PERSON,
    PARTICULAR_THING,
    SPECIFYING_DEPS,
    SUBJECT_DEPS,
    Category,
    Form,
    NeedReading,
    Part,
    _bare,
    _in_a_name,
    _kids,
    _local,
    _lower_at,
    _namelike,
    _np_text,
    _right_edge,
    _rows,
    _stems,
    _trim,
    clause_subject,
    first_dep,
    has_dep,
    has_parse,
    holder_part,
    lemma,
    lemma_forms,
    need_noun_holder,
    needed_for,
    passive_need,
    sent_end,
    sent_start,
    several_sentences,
    word_class,
)

if TYPE_CHECKING:
    from assistant.shorthand import Shorthand


#: The marks a plan sets between a person and a need listed for them ("Callum - ...").
_LABEL_MARKS = frozenset({":", "-", "\u2013", "\u2014"})


def _people_names() -> frozenset[str]:
    """Given and family names only (no role words: "Family Nurse Partnership" is a name)."""
    return _name_lists()[1]


def _known_names() -> frozenset[str] | None:
    """Names and role words; None when the name lists cannot be read."""
    return _name_lists()[0]


@lru_cache(maxsize=1)
def _name_lists() -> tuple[frozenset[str] | None, frozenset[str]]:
    """Given names, family names and role words from the shipped name lists
    (framework/names.yml): a proper noun among them is a person, not an organisation.
    None when the lists cannot be read: then no bare proper noun is taken for one.

    Why the shipped lists: the reader is built from word classes only, and its one use of
    the names is to stay silent on a person."""
    try:
        from assistant.content import Content
        from assistant.redact import load_names

        names = load_names(Content(None))
    except Exception:  # any failure reading the lists: be careful
        return None, frozenset()
    return names.given | names.surnames | names.roles, names.given | names.surnames


def _own_voice(verb: Any) -> bool:
    """Whether a verb of thinking or saying is the writer's own view: its subject is "I"
    or "we", or the "it" of an impersonal passive ("It is felt that ...", "It was agreed
    that ..."). What a plan says it is felt a child needs is the plan's need."""
    kids = _kids(verb)
    for subject in kids:
        if subject.dep_ == "nsubj" and subject.lower_ in ("i", "we"):
            return True
        if subject.dep_ in ("nsubjpass", "expl") and subject.lower_ == "it" and any(
                c.dep_ == "auxpass" for c in kids):
            return True
    return False


class NeedReader:
    """Reads need statements with word classes from ``framework/wording/structure.yml``.

    It also holds the word classes and the noun and verb tests the other readers share
    (an outcome's noun is judged as a need's phrase would be)."""

    #: English verbs' base forms, from the loaded pipeline (``pipeline.Parser.verbs``);
    #: empty until the engine sets them, and then no word is taken for a name by them.
    language_verbs: frozenset[str] = frozenset()

    def __init__(self, lexicons: dict[str, list[str]]) -> None:
        words = partial(word_class, lexicons)

        self.need_words = words("shape_need_word")  # need, needs, needed, needing
        self.require_words = words("shape_require_word")
        self.recommend_verb = words("shape_recommend_verb")
        self.need_adjective = words("shape_need_adjective")
        self.anchor_words = self.need_words | self.require_words
        self.aspect_verb = words("shape_aspect_verb")
        self.direct_verb = words("shape_direct_verb")
        self.negators = words("shape_negator")
        self.service_head = words("shape_service_head")
        self.right_noun = words("shape_right_noun")
        # the places and goods every child has (school, lessons, the curriculum, food)
        self.everyday_good = words("shape_outcome_everyday_place") | words("shape_basic_good")
        self.professional_suffix = tuple(sorted(words("shape_professional_suffix"),
                                                key=len, reverse=True))
        self.not_professional = words("shape_not_professional")
        self.weak_service_head = words("shape_weak_service_head")
        self.plan_head = words("shape_plan_head")
        self.help_noun = words("shape_help_noun")
        # help someone gives (service.yml's class, one place): help with doing something,
        # and support to do it, is the work, whatever it is for (the Labelling guide)
        self.help_given = words("help_given")
        self.work_to_noun = words("shape_work_to_noun")
        self.help_area_prep = words("shape_help_area_prep")
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
        self.seek_verb = words("shape_seek_verb")
        self.sought_setting = words("shape_sought_setting")
        self.staff_noun = words("shape_staff_noun")
        self.visit_verb = words("shape_visit_verb")
        self.having_verb = words("shape_having_verb")
        self.status_adj = words("shape_status_adj")
        self.weigh_verb = words("shape_weigh_verb")
        self.regard_verb = words("shape_regard_verb")
        self.person_kind = words("shape_person_kind")
        self.uptake_verb = words("shape_uptake_verb")
        self.uptake_word = words("shape_uptake_word")
        self.frequency_word = words("shape_frequency_word")
        self.statute_noun = words("shape_statute_noun")
        self.replacement_mod = words("shape_replacement_mod")
        self.setting_move_noun = words("shape_setting_move_noun")
        self.service_verb = words("shape_service_verb")
        self.service_passive = words("shape_service_passive")
        self.called_after = words("shape_called_after")
        self.rank_word = words("shape_rank_word")
        self.rank_verb = words("shape_rank_verb")
        self.rank_prep = words("shape_rank_prep")
        self.able_modal = words("shape_able_modal")
        self.able_adverb = words("shape_able_adverb")
        self.assessment_head = words("shape_assessment_head")
        self.assessment_passive = words("shape_assessment_passive")
        self.assessment_active = words("shape_assessment_active")
        self.not_acronym = words("shape_not_service_acronym")
        self.universal_adj = words("shape_universal_adj")
        self.universal_passive = words("shape_universal_passive")
        self.universal_verb = words("shape_universal_verb")
        self.goal_verb = words("shape_goal_verb")
        self.universal_noun = words("shape_universal_noun")
        self.parenting_noun = words("shape_parenting_noun")
        self.parent_noun = words("shape_parent_noun")
        self.event_noun = words("shape_event_noun")
        self.event_verb = words("shape_event_verb")
        self.going_verb = words("shape_going_verb")
        self.reach_verb = self.service_verb | self.event_verb | words("shape_reach_verb")
        self.home_noun = words("shape_home_noun")
        self.evaluative_adj = words("shape_evaluative_adj")
        self.person_head = words("shape_person_head")
        self.kin_noun = words("shape_kin_noun")
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
        self.calendar_time = words("shape_calendar_time")
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
        self.service_person = words("service_person")  # service.yml's providers
        self.honorific = words("shape_honorific")
        self.means_verb = words("shape_means_verb")
        self.need_area = words("shape_need_area")
        self.child_noun = words("shape_child_noun")
        self.give_passive = words("shape_give_passive")
        self.move_passive = words("shape_move_passive")
        self.person_contact_verb = words("shape_person_contact_verb")
        self.dose_noun = words("shape_dose_noun")
        self.joining_verb = words("shape_joining_verb")
        self.arranged_verb = words("shape_arranged_verb")
        self.respite_noun = words("shape_respite_noun")
        self.problem_noun = words("shape_problem_noun")
        self.formal_need_mod = words("shape_formal_need_mod")
        self.report_word = words("shape_report_word")
        self.provider_mod = words("shape_provider_mod")
        self.care_verb = words("shape_care_verb")
        self.aim_passive = words("shape_aim_passive")
        self.grading_word = words("shape_grading_word")
        self.generic_time = words("shape_generic_time")
        self.generic_thing = words("shape_generic_thing")
        self.aim_noun = words("shape_aim_noun")
        self.maximal_word = words("shape_maximal_word")
        self.aim_adj = words("shape_aim_adj")
        self.concrete_adj = words("shape_concrete_adj")
        self.carer_noun = words("shape_carer_noun")
        self.carer_which = words("shape_carer_which")
        self.done_verb = words("shape_done_verb")
        self.done_with_particle = words("shape_done_with_particle")
        self.causative_verb = words("shape_causative_verb")
        self.harm_verb = words("shape_harm_verb")
        self.relative_verb = words("shape_relative_verb")
        # harm of a kind: the word rules' list (universal.yml) and the reader's own
        self.harm_acronym = words("shape_harm_acronym")
        self.as_needed_word = words("shape_as_needed_word")
        self.spell_noun = words("shape_spell_noun")
        self.generic_harm = words("generic_harm") | words("shape_generic_harm") | \
            self.harm_acronym
        self.enabling_verb = words("shape_enabling_verb")
        self.setting_adverb = words("shape_setting_adverb")
        self.manner_noun = words("shape_manner_noun")
        self.spare_verb = words("shape_spare_verb")
        self.undergo_verb = words("shape_undergo_verb")
        self.course_noun = words("shape_course_noun")
        self.sample_verb = words("shape_sample_verb")
        self.sample_noun = words("shape_sample_noun")
        self.escort_verb = words("shape_outcome_escort_verb")
        self.comply_verb = words("shape_outcome_comply_verb")
        self.compact_noun = words("shape_outcome_compact_noun")
        self.entitlement_noun = words("shape_entitlement_noun")
        self.basic_good = words("shape_basic_good")
        self.sufficient_adj = words("shape_sufficient_adj")
        self.chance_noun = words("shape_chance_noun")
        self.childhood_verb = words("shape_childhood_verb")
        self.parity_adj = words("shape_parity_adj")
        self.part_noun = words("shape_part_noun")
        self.working_verb = words("shape_working_verb")
        self.portion_noun = words("shape_portion_noun")
        self.condition_word = words("shape_condition_word")
        self.join_verb = words("shape_join_verb")
        self.activity_noun = words("shape_activity_noun")
        self.breadth_adj = words("shape_breadth_adj")
        self.everyday_setting = words("shape_everyday_setting")
        self.peer_noun = words("shape_peer_noun")
        self.bond_noun = words("shape_bond_noun")
        self.transition_noun = words("shape_transition_noun")
        self.life_stage = words("shape_life_stage")
        self.left_stage = words("shape_left_stage")
        self.honour_verb = words("shape_honour_verb")
        self.fill_verb = words("shape_fill_verb")
        self._wordnet_classes(lexicons)
        self._ids: tuple[Any, ...] | None = None
        # asked only where the word classes are silent (see meaning.py); loads on first use
        self.meaning = NeedMeaning()
        # plan shorthand ("SW", "FSW", "HV"), spelled out to judge a word that is one
        # (``StructureReader`` reads the content's; None: no shorthand is known)
        self.shorthand: Shorthand | None = None
        KNOWN_VERBS.update(self.service_verb, self.service_passive, self.assessment_passive,
                           self.universal_passive, self.universal_verb, self.goal_verb,
                           self.personal_verb, self.direction_verb, self.evidence_verb,
                           self.mental_verb)

    # The lists that name a service, a provider, an assessment or a place provided as the
    # head of what is needed: a thing they name is not a good (:meth:`goods`).
    _SERVICE_LISTS = ("service_noun", "service_person", "engage_object", "help_given",
                      "assessment_noun", "shape_service_head", "shape_weak_service_head",
                      "shape_plan_head", "shape_help_noun", "shape_work_to_noun",
                      "shape_assessment_head", "shape_respite_noun", "shape_place_noun",
                      "shape_sought_setting")

    def _wordnet_classes(self, lexicons: dict[str, list[str]]) -> None:
        """The broad noun classes of ``framework/wording/wordnet.yml`` (generated from
        WordNet by scripts/wordnet_classes.py), less its reviewed exclusions and less every
        word the reader's own lists name: a listed word is judged by the rules written for
        it, and WordNet speaks only for a noun no list knows."""
        listed = frozenset(w.lower() for name, ws in lexicons.items()
                           if name.startswith("shape_") for w in ws)
        drop = word_class(lexicons, "wordnet_exclude") | listed
        self._listed = listed  # every word the reader's own lists name (see _meant)

        def broad(name: str) -> frozenset[str]:
            return word_class(lexicons, name) - drop

        self.wordnet_assessment = broad("wordnet_assessment")
        self.wordnet_service = broad("wordnet_service") | broad("wordnet_programme") | \
            broad("wordnet_professional") | broad("wordnet_organisation")
        self.wordnet_aim = broad("wordnet_aim")
        self.wordnet_professional = broad("wordnet_professional")
        self._aim_nouns = self.wordnet_aim | self.universal_noun
        self.wordnet_adjective = word_class(lexicons, "wordnet_also_adjective")
        # goods (see :meth:`goods`): less the words a list names as a service or a place
        # provided ("a wheelchair", "a bed in a unit"), which the rules judge
        named = frozenset().union(*(word_class(lexicons, n) for n in self._SERVICE_LISTS))
        self._named_service = named
        self.goods_noun = word_class(lexicons, "wordnet_artefact") - drop - named - \
            self.wordnet_service - self.wordnet_assessment
        self.goods_compound = word_class(lexicons, "wordnet_artefact_compound")
        self.other_compound = word_class(lexicons, "wordnet_other_compound")
        # people (see :meth:`people`): less the words a list names as a service or a
        # provider ("a mentor", "an advocate"), where the model keeps its say; the words
        # of the reader's other lists stay ("adult", "cousin": the lists say a person)
        excluded = word_class(lexicons, "wordnet_exclude")
        self.person_noun = word_class(lexicons, "wordnet_person") - excluded - named - \
            self.wordnet_service - self.wordnet_assessment
        # first a person and next a thing ("trainers"): a thing when plural or described
        self.person_or_thing = word_class(lexicons, "wordnet_person_or_thing") - \
            excluded - named - self.wordnet_service

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
        skipped = frozenset(skip)  # the reader is held, not its id (an id is reused)
        last = getattr(_local, "needs", None)
        if last is not None and last[0] is doc and last[1] is self and last[2] == skipped:
            return list(last[3])
        if not has_parse(doc):
            return self._read_words(doc)
        readings = self._read_needs(doc, skip)
        _local.needs = (doc, self, skipped, readings)
        return list(readings)

    def _read_needs(self, doc: Any, skip: frozenset[int] | set[int]) -> list[NeedReading]:
        readings: list[NeedReading] = []
        seen: set[int] = set()
        skipped = False
        candidates = self._candidates(doc)
        for i in candidates:
            if i in skip:
                skipped = True
                cc = doc.vocab.strings.add("cc")  # read on the rows: no Token built
                if any(row[4] == cc for row in _rows(doc)[i + 1:]):
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
            if (readings and self._condition(doc[i])) or self._condition_of_other(doc[i]):
                continue  # "... when she needs help": when the other need applies
            self._judge(doc, reading)
            readings.append(reading)
            aim = self._purpose_aim(doc, reading)
            if aim is not None:
                words = doc[aim.left_edge.i:_trim(doc, aim.right_edge.i) + 1]
                readings.append(replace(
                    reading, category="universal", purpose=True,
                    span=Part.of(doc, words.start, words.end),
                    reason=f"what the {reading.category} is for is an aim every child "
                           "shares"))
            readings.extend(self._coordinated(doc, reading))
        if not readings and not skipped:
            fragment = self._fragment(doc)
            if fragment is not None:
                if fragment.category == "unknown":
                    self._judge(doc, fragment)
                readings.append(fragment)
                readings.extend(self._coordinated(doc, fragment))
        elif readings:
            self._later_fragments(doc, candidates, readings)
        return readings

    def _purpose_aim(self, doc: Any, reading: NeedReading) -> Any:
        """The clause a service or assessment is asked for when that clause is itself an
        aim every child shares ("an Interim Care Order | to keep her safe", "a referral |
        so she is safe", "extra help | in order to make the best of his life chances"),
        else None.

        Why: such a need is two faults, the service and the aim; the coach names the
        service first (its finding starts first) and the aim after it. A purpose with a
        particular subject ("so Mum can work") or anything particular is no aim."""
        if reading.category not in ("service", "assessment") or reading.negated or \
                reading.span is None:
            return None
        need = doc[reading.predicate.end - 1]
        found: list[Any] = []
        verb = reading.verb_token
        if reading.what == "clause" and verb is not None and not reading.passive and \
                reading.own_subject is not None and reading.own_subject.i < verb.i:
            found.append(verb)  # "needs an Interim Care Order to keep her safe"
        for head in (need, reading.head_token):
            if head is not None:
                found += [c for c in _kids(head) if c.i > head.i and c.tag_.startswith("VB")
                          and c.dep_ in ("advcl", "xcomp", "acl")]
        for clause in found:
            kids = _kids(clause)
            if not (any(c.tag_ == "TO" for c in kids) or any(
                    c.dep_ == "mark" and c.lower_ in ("so", "that") for c in kids)):
                continue
            if any(c.dep_ in SUBJECT_DEPS and c.tag_ != "PRP" for c in kids):
                continue  # "so that Mum can work": someone in particular
            if self._aim_purpose(clause):
                return clause
        return None

    def _aim_purpose(self, clause: Any) -> bool:
        """Whether a purpose clause of a service is an aim every child shares ("to keep
        her safe", "so she can thrive"). Not what the service is to do, its work ("a
        paid carer to look after him", "training to meet his needs")."""
        kids = _kids(clause)
        if self._in(lemma_forms(clause), self.care_verb) or any(
                c.dep_ in ("dobj", "obj") and self._noun_base(c) & self.universal_noun
                for c in kids):
            return False
        return bool(self._general_aim(clause)) or self._aim_clause(clause)

    def _later_fragments(self, doc: Any, candidates: list[int],
                         readings: list[NeedReading]) -> None:
        """Each further sentence of an answer is a statement of its own: one with no need
        word and no need read in it ("Leo needs to sleep through the night. Weekly
        counselling.") is read as a fragment, as it would be alone. Why: two statements in
        one answer box are two needs; the second is not passed over because the first had
        a predicate."""
        if not several_sentences(doc):
            return
        sentences = list(doc.sents)
        for sent in sentences:
            if any(sent.start <= i < sent.end for i in candidates) or any(
                    sent.start <= r.predicate.start < sent.end
                    or (r.span is not None and sent.start <= r.span.start < sent.end)
                    for r in readings):
                continue
            if not any(t.is_alpha for t in sent) or any(
                    c.dep_ in SUBJECT_DEPS for c in _kids(sent.root)):
                continue  # a clause of its own ("He is frightened at night") says why
            if sent.start and (doc[sent.start - 1].is_alpha or doc[sent.start - 1].is_digit):
                # the parser ended a sentence the writer did not: "... the gas meter | so
                # the flat stays warm" ("stays" read as a noun) is a clause of the need
                # before it, not a second statement
                continue
            fragment = self._fragment(doc, sent)
            if fragment is None:
                continue
            if fragment.category == "unknown":
                self._judge(doc, fragment)
            readings.append(fragment)
            readings.extend(self._coordinated(doc, fragment))
        readings.sort(key=lambda r: r.predicate.start)

    def _candidates(self, doc: Any) -> list[int]:
        """Token indices that may carry a need predicate, found on arrays so the per-token
        Python work stays small: need/require/benefit words, and base-form verbs with an
        infinitive "to" as their child ("Jordan to attend ...", "For Mum to be ...")."""
        strings = doc.vocab.strings
        if self._ids is None or self._ids[0] is not strings:
            self._ids = (strings,
                         frozenset(strings.add(w) for w in self.anchor_words
                                   | {"benefit", "benefits", "benefited", "benefitted"}
                                   | self._recommend_forms()),
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

    def _fragment(self, doc: Any, sent: Any = None) -> NeedReading | None:
        """A need written without a predicate, as plans list them: "Adequate and
        nutritious diet.", "Regular dental care.", "To ensure Ava is safe.", "Physically
        healthy.", "Registered with a Children Centre." The root is what is needed."""
        if sent is None:
            sent = next(iter(doc.sents))
        root = sent.root
        first = sent.start
        while first < root.i and doc[first].is_punct:
            first += 1
        labelled = self._labelled(doc, sent, first)
        holder = None
        if labelled is not None:
            holder, first, root = labelled
        reading = self._fragment_at(doc, root, first)
        if reading is not None and reading.holder is None:
            reading.holder = holder or self._for_whom(doc, reading)
        return reading

    def _for_whom(self, doc: Any, reading: NeedReading) -> Part | None:
        """The person a fragment's thing is for ("Counselling for Mum", "A personal
        assistant for Leah"): named or a family role, not a pronoun; else None. Why: the
        coach asked what the thing "would change for the person" with the person there."""
        head = reading.head_token if reading.what == "phrase" else None
        if head is None:
            return None
        for prep in head.subtree:  # "a referral to the Tennick project | for Callum"
            # (or on the thing's participle: "assessment to be completed | for Brogan")
            if prep.dep_ == "prep" and prep.lower_ == "for" and prep.i > head.i and (
                    prep.head.tag_.startswith("NN") or (
                        prep.head.tag_ == "VBN" and prep.head.dep_ in ("acl", "relcl")
                        and prep.head.head.i == head.i)):
                whom = [g for g in _kids(prep) if g.dep_ == "pobj"]
                if len(whom) == 1 and whom[0].tag_ != "PRP" and self._person(whom[0]):
                    return self._part(doc, whom[0])
        return None

    def _labelled(self, doc: Any, sent: Any, first: int) -> tuple[Part, int, Any] | None:
        """A fragment set after the person it is for, as plans list needs ("Callum - CAMHS
        referral re low mood", "Mum: a place at a refuge", "Child 1 - glasses that fit"):
        the parser hangs the need on the name, so the name was read as what is needed.
        Returns the person's words, where the need starts and the need's own head; else
        None. Only a person before the mark counts: a name, a family role or "Child 1"
        (not shorthand, "CAMHS: ..." is a heading)."""
        mark = next((k for k in range(first + 1, min(first + 4, sent.end - 1))
                     if doc[k].text in _LABEL_MARKS), None)
        if mark is None:
            return None
        words = doc[first:mark]
        if not (self._person(words[0]) and not self._acronym(words[0])) or not all(
                t.tag_ in ("NNP", "NNPS", "CD") or self._person(t) for t in words):
            return None
        rest = range(mark + 1, sent.end)
        heads = [doc[i] for i in rest if not doc[i].is_punct and (
            doc[i].head.i == i or doc[i].head.i not in rest)]
        if len(heads) != 1 or not any(doc[i].is_alpha for i in rest):
            return None
        return Part.of(doc, first, mark), mark + 1, heads[0]

    def _fragment_at(self, doc: Any, root: Any, first: int) -> NeedReading | None:
        """The fragment whose words start at ``first`` and whose head is ``root``."""
        if root.tag_ == "IN":
            # a preposition as the root is the parser's slip on plan shorthand ("CAMHS
            # referral | re low mood"): the noun it took for a subject is what is needed
            subject = next((c for c in _kids(root) if c.dep_ == "nsubj" and c.i < root.i
                            and c.tag_.startswith("NN")), None)
            if subject is not None:
                root = subject
        tag = root.tag_
        reading = NeedReading(form="fragment", predicate=Part.of(doc, first, first))
        if not any(c.dep_ in SUBJECT_DEPS for c in _kids(root)) and self._aim_states(root):
            # "Well cared for and happy.", "Secure and settled in her placement.",
            # "Thriving in his foster placement.": states every child should be in, as a
            # list, however the tagger read each word
            reading.what = "clause"
            reading.verb = "be"
            reading.what_part = reading.span = Part.of(
                doc, root.left_edge.i, _trim(doc, root.right_edge.i) + 1)
            reading.category = "universal"
            reading.reason = f"\"{reading.span.text}\" names states every child should be in"
            return reading
        checked = self._thing_checked(root)
        if checked is not None:
            # "Martha's mental health assessed by CAMHS" (the participle hung on the noun):
            # read as "needs her mental health assessed"; anything else as a phrase
            reading.predicate = Part.of(doc, root.left_edge.i, root.left_edge.i)
            self._clause(doc, checked, reading, own_subject=root)
            reading.passive = True
            self._judge(doc, reading)
            if reading.category == "assessment":
                self._owner_holds(doc, root, reading)
                return reading
            reading = NeedReading(form="fragment", predicate=Part.of(doc, first, first))
        if tag.startswith("NN"):
            self._phrase(doc, root, reading)
        elif tag == "JJ" or (tag == "VBN" and root.lower_ in self.universal_adj):
            reading.what = "clause"
            reading.verb = "be"
            reading.what_part = reading.span = Part.of(
                doc, root.left_edge.i, _trim(doc, root.right_edge.i) + 1)
            particular = any(c.dep_ in ("prep", "agent") and not self._general_prep(root, c)
                             for c in _kids(root))  # "supported by her aunt"
            if not particular and (
                    (root.lower_ in self.universal_adj and not self._specific_extras(root))
                    or (tag == "JJ" and self._aim_complement(root))):
                # "Resilient and able to adapt to change.", "Loved, safe and respected."
                reading.category = "universal"
                reading.reason = f"\"{root.text}\" is an aim every child shares"
            else:
                reading.category = "specific"
                reading.reason = f"says how the person should be: \"{root.text}\""
            return reading
        elif tag == "VBG" and root.i == first and not any(
                c.dep_ in (*SUBJECT_DEPS, "dobj", "aux", "xcomp", "ccomp", "acomp", "prt",
                           "oprd") for c in _kids(root)):
            # "Counselling for Mum.": a gerund as a noun; one with a complement or a
            # particle is a verb ("Feeling safe at home.", "Growing up healthy."), read below
            self._phrase(doc, root, reading)
        elif tag in ("VB", "VBG", "VBN", "VBP") and (root.i <= first + 1 or all(
                t.dep_ in ("aux", "auxpass", "neg") for t in doc[first:root.i])) and not any(
                c.dep_ in SUBJECT_DEPS for c in _kids(root)):
            self._clause(doc, root, reading)  # "To be allocated a family worker."
            if tag == "VBN" and not any(c.dep_ == "aux" for c in _kids(root)):
                reading.passive = True  # "Registered with a Children Centre"
        elif tag.startswith("VB") and any(c.dep_ == "nsubj" for c in _kids(root)):
            # "Isla is not reaching her educational potential": a need described as a
            # state; only an aim is judged here (a description is not a service).
            subject = next(c for c in _kids(root) if c.dep_ == "nsubj")
            if self._only_exists(root, subject):
                # "A stable home exists.", "Consistent routines are in place.": the thing
                # said to be there is what is needed
                self._phrase(doc, subject, reading)
                if reading.category == "unknown":
                    self._judge(doc, reading)
                # only an aim is judged: that a service is in place is a fact, not a need
                return reading if reading.category == "universal" else None
            if tag in ("VBN", "VBD") and subject.tag_ in ("NN", "NNS") and \
                    not self._person(subject) and not any(
                        c.dep_ in ("aux", "auxpass", "dobj") for c in _kids(root)) and any(
                        c.dep_ == "poss" for c in _kids(subject)):
                # "Her views heard.", "His culture respected.": a thing of someone's with a
                # bare participle is a passive with no "to be", as "needs her views heard"
                reading.predicate = Part.of(doc, subject.left_edge.i, subject.left_edge.i)
                self._clause(doc, root, reading, own_subject=subject)
                reading.passive = True
                self._judge(doc, reading)
                # "Maisie's hearing checked by the GP" asks for a check as "needs her
                # hearing checked" does
                if reading.category == "assessment":
                    if self.goods_head(subject):
                        return None  # "Her hearing aids checked.": a thing seen to, not a test
                    self._owner_holds(doc, subject, reading)
                return reading if reading.category in ("universal", "assessment") else None
            reading.holder = self._part(doc, subject)
            reading.predicate = Part.of(doc, subject.left_edge.i, subject.left_edge.i)
            self._clause(doc, root, reading)
            self._judge(doc, reading)
            if reading.category != "universal":
                return None
        else:
            return None
        return reading

    def _owner_holds(self, doc: Any, thing: Any, reading: NeedReading) -> None:
        """A named person or a family role whose thing is to be checked ("Martha's
        hearing", "Mum's drug use") holds the need: the questions are about Martha,
        not "the person". A pronoun ("her hearing") names no one and is left."""
        owner = next((c for c in _kids(thing) if c.dep_ == "poss"), None)
        if owner is not None and (owner.tag_ == "NNP" or self._person(owner)):
            reading.holder = self._part(doc, owner)

    def _thing_checked(self, root: Any) -> Any:
        """The bare participle of finding out hung on a thing of someone's ("Martha's
        mental health | assessed by CAMHS", "Dad's drug use tested"), else None: the
        parser hangs it on the noun as a clause, where "Her hearing checked." is read
        as a clause of its own."""
        if not root.tag_.startswith("NN") or self._person(root) or self.goods_head(root) \
                or not any(c.dep_ == "poss" for c in _kids(root)):
            return None  # "Dad's boiler checked": a thing seen to, not a test
        return next((c for c in _kids(root) if c.dep_ == "acl" and c.tag_ == "VBN"
                     and c.i > root.i and self._in(lemma_forms(c), self.assessment_passive)
                     and not any(g.dep_ in ("aux", "auxpass") for g in _kids(c))), None)

    def _only_exists(self, verb: Any, subject: Any) -> bool:
        """True when a clause says only that its subject is there ("... exist", "... is
        in place", "... are available"), with nothing negated or particular."""
        kids = [c for c in _kids(verb) if c.i != subject.i and not c.is_punct]
        if lemma(verb) == "exist":
            return all(c.dep_ == "aux" or (c.dep_ == "advmod" and c.lower_ in self.grading_word)
                       for c in kids)
        if lemma(verb) != "be":
            return False
        rest = [c for c in kids if c.dep_ != "aux"]
        return len(rest) == 1 and (
            (rest[0].dep_ == "prep" and rest[0].lower_ == "in" and [
                g.lower_ for g in _kids(rest[0])] == ["place"])
            or (rest[0].dep_ == "acomp" and rest[0].lower_ in ("available", "present")
                and not _kids(rest[0])))

    def _aim_states(self, root: Any, alone: bool = False) -> bool:
        """True when a fragment is only a list of states every child should be in: aim
        adjectives, participles of care ("cared for", "loved") or aim verbs ("thriving"),
        graded at most, with nothing particular on any of them."""
        items = [root] if alone else [root, *root.conjuncts]
        for item in items:
            low, forms = item.lower_, lemma_forms(item)
            state = (item.tag_.startswith(("JJ", "VB")) and (
                low in self.universal_adj or low in self.evaluative_adj)) or (
                item.tag_ in ("VBN", "VBD") and self._in(
                    forms, self.universal_passive | self.aim_passive | self.care_verb)) or (
                item.tag_ == "VBG" and self._in(forms, self.universal_verb))
            if not state:
                return False
            for child in _kids(item):
                dep = child.dep_
                if dep in ("cc", "conj", "punct", "preconj") or (
                        dep in ("advmod", "intj") and self._aim_word(child)
                        and not _kids(child)):
                    continue
                if dep == "prep" and self._general_prep(item, child):
                    continue
                if dep == "prep" and child.i == item.i + 1 and item.tag_ in ("VBN", "VBD") \
                        and not any(g.dep_ in ("pobj", "pcomp") for g in _kids(child)) and \
                        all(g.dep_ in ("cc", "punct") or (
                            g.dep_ == "conj" and self._aim_states(g, alone=True))
                            for g in _kids(child)):
                    continue  # "cared for (and happy)": the particle of a care verb
                return False
        return True

    # ----------------------------------------------------------- finding predicates
    def _predicate(self, doc: Any, token: Any) -> NeedReading | None:
        low = token.lower_
        tag = token.tag_
        if (low in self.need_words or low in self.require_words) and (
                tag.startswith("VB") or tag == "MD" or any(
                    c.dep_ in ("xcomp", "dobj", "nsubj", "ccomp") for c in _kids(token))):
            # The tagger sometimes reads "Jordan's mum needs to ..." as a noun "needs";
            # a verb's dependents say it is the verb.
            if self._heading_need(token):
                # "Need for Amy to have a mentor.": a heading's noun, tagged as a verb
                reading = NeedReading(form="a need for",
                                      predicate=Part.of(doc, token.i, token.i + 1))
                self._noun_need(doc, token, reading)
                return reading if reading.what else None
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
            if token.dep_ == "csubj" and any(c.dep_ == "dobj" and c.tag_ == "WP"
                                             and c.i < token.i for c in _kids(token)):
                # "What Kacey needs is a place at nursery": what is needed is said after
                # the "is"; the need verb's own object is only "what"
                reading.holder = self._subject(doc, token)
                if self._said_is(doc, token.head, reading):
                    return reading
            self._verb_need(doc, token, reading)
            return reading if reading.what else None
        if low in ("need", "needs") and tag.startswith("NN"):
            met = self._needs_to_be(token)
            if met is not None:
                # "Leo's emotional needs to be met", "For Leo's needs to be met": a
                # plan-style need whose subject is the person's needs, read as a noun
                # with a relative clause
                to = next(c for c in _kids(met) if c.dep_ == "aux" and c.tag_ == "TO")
                reading = NeedReading(form="plan-style", predicate=Part.of(doc, to.i, met.i))
                owner = next((c for c in _kids(token) if c.dep_ == "poss"), None)
                if owner is not None:
                    reading.holder = self._part(doc, owner)
                self._clause(doc, met, reading, own_subject=token)
                reading.negated = self._negated(doc, met)
                return reading
        if low in ("need", "needs") and tag.startswith("NN") and \
                self._participle_object(token) is not None:
            # "Needs improved wellbeing.": the need word read as the subject of "improved"
            reading = NeedReading(form="needs", predicate=Part.of(doc, token.i, token.i + 1))
            self._verb_need(doc, token, reading)
            return reading if reading.what else None
        if low in ("need", "needs") and tag.startswith("NN"):
            reading = NeedReading(form="a need for", predicate=Part.of(doc, token.i, token.i + 1))
            self._noun_need(doc, token, reading)
            return reading if reading.what else None
        if tag.startswith("VB") and lemma(token) in self.recommend_verb and \
                _own_voice(token):
            return self._recommended(doc, token)
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
        if tag in ("VB", "VBN") and first_dep(_kids(token), ("aux",), tag="TO") is not None:
            arranged = self._is_to(token)
            if arranged is not None:
                # "Kris is to be referred to ...", "Mum and Dad are to attend ...": what
                # is arranged for someone, read as "Kris to be referred ..."
                to = first_dep(_kids(token), ("aux",), tag="TO")
                reading = NeedReading(form="plan-style", predicate=Part.of(doc, to.i, token.i))
                reading.holder = self._part(doc, arranged)
                self._clause(doc, token, reading)
                reading.negated = self._negated(doc, token)
                return reading
            if token.dep_ == "xcomp" and token.head.tag_ not in ("VB", "VBP") and \
                    first_dep(_kids(token), ("mark", "prep"), words=("for",)) is None:
                # Most candidates are the infinitive after a need verb ("needs | to
                # attend"), which hold no need of their own. Returned at once, as below:
                # with no "for" on the verb there is no "for ... to" mark (the "pcomp"
                # mark needs another dep), an xcomp is no ROOT (plan-style), and the one
                # xcomp reading ("Zoe to thrive") needs a VB/VBP head.
                return None
            mark = first_dep(_kids(token), ("mark",), words=("for",))
            to = first_dep(_kids(token), ("aux",), tag="TO")
            subject = next((c for c in _kids(token) if c.dep_ in SUBJECT_DEPS or (
                c.dep_ in ("npadvmod", "dep", "nmod", "advmod", "intj") and c.i < to.i
                and _namelike(c))), None)
            if mark is None and token.dep_ == "pcomp" and token.head.lower_ == "for":
                mark = token.head  # "For" read as the root, the verb as its complement
            if mark is None:
                # "For Leo to have his needs met": "For" read as the verb's preposition
                mark = next((c for c in _kids(token) if c.dep_ == "prep" and
                             c.lower_ == "for" and c.i < to.i and c.i == sent_start(token)),
                            None)
            if subject is None and mark is not None:
                # "For Mum to access ...": the parser may hang the holder on "For"
                subject = next((c for c in _kids(mark) if c.dep_ == "pobj"
                                and _namelike(c)), None)
            if subject is None and token.dep_ == "xcomp" and token.head.dep_ == "ROOT" and \
                    token.head.tag_ in ("VB", "VBP") and token.head.is_title and \
                    token.head.i == to.i - 1 and token.head.i == sent_start(token) and \
                    self._name_read_as_verb(token.head):
                # "Zoe to thrive ...": a name the tagger read as a verb, the need its
                # infinitive
                subject = token.head
                reading = NeedReading(form="plan-style", predicate=Part.of(doc, to.i, token.i))
                reading.holder = self._part(doc, subject)
                self._clause(doc, token, reading)
                reading.negated = self._negated(doc, token)
                return reading
            if subject is None and token.dep_ in ("relcl", "acl", "advcl") and \
                    token.head.dep_ == "ROOT" and _namelike(token.head) and \
                    token.head.i == to.i - 1 and \
                    token.head.left_edge.i == sent_start(token) and \
                    self._can_hold(token.head):
                subject = token.head  # "Mum to engage with X": parsed as a noun phrase
                form = "plan-style"
                reading = NeedReading(form=form, predicate=Part.of(doc, to.i, token.i))
                reading.holder = self._part(doc, subject)
                self._clause(doc, token, reading)
                reading.negated = self._negated(doc, token)
                return reading
            if subject is None:
                return None
            if mark is not None and (mark.i == sent_start(token) or self._it_is_good_for(token)):
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
            if form == "plan-style" and subject.dep_ == "nsubjpass" and \
                    subject.tag_ in ("NN", "NNS") and not self._can_act_for(subject) and \
                    self.need_shaped(subject)[0] in ("service", "assessment"):
                # "Referral to be made to the hub for Ellis": the service to be done is no
                # holder; the one it is for is, or whose it is ("Leo's referral to be
                # made"), a name before a pronoun. (Someone's quality is the subject the
                # clause is judged of: "Orrin's faith to be respected" stays its holder, and
                # the coach asks its questions of Orrin.)
                named = [g for t in token.subtree if t.dep_ == "prep" and t.lower_ == "for"
                         for g in _kids(t) if g.dep_ == "pobj" and self._person(g)]
                owner = next((c for c in _kids(subject) if c.dep_ == "poss"
                              and c.tag_ != "PRP$" and self._can_act_for(c)), None)
                whom = next((g for g in named if g.tag_ != "PRP"), None) or owner or next(
                    iter(named), None)
                reading.holder = None if whom is None else self._part(doc, whom)
            self._clause(doc, token, reading)
            reading.negated = self._negated(doc, token)
            return reading
        return None

    def _can_act_for(self, noun: Any) -> bool:
        """A common noun that names a person or people ("Mum", "the children", "carers",
        "the social worker"), not a thing to be done ("Referral", "an assessment")."""
        return self._person(noun) or bool(self._noun_base(noun) & (
            self.carer_noun | self.child_noun | self.role_person)) or \
            self._professional(noun) or self._agent_noun(noun)

    def _it_is_good_for(self, verb: Any) -> bool:
        """True for the "for ... to" clause of "It would be beneficial for Ellis to attend
        ...", "It is important for Mum to ...": the plan's own voice saying what someone
        needs (``shape_need_adjective``), the clause hung on the "be" of an empty "it"."""
        be = verb.head
        if verb.dep_ not in ("advcl", "ccomp", "xcomp") or lemma(be) != "be" or \
                be.dep_ != "ROOT" or verb.i < be.i:
            return False
        if not any(c.dep_ in ("nsubj", "expl") and c.lower_ == "it" for c in _kids(be)):
            return False
        return any(c.dep_ == "acomp" and c.lower_ in self.need_adjective
                   and not any(g.dep_ == "neg" for g in _kids(c)) for c in _kids(be)) and \
            not any(c.dep_ == "neg" for c in _kids(be))

    def _is_to(self, verb: Any) -> Any:
        """The person of "<person> is/are to <verb>" ("Kris is to be referred", "She is to
        attend"), else None: the infinitive hangs on a bare "is" or "are" at the root,
        whose subject is a person (a name, a pronoun, a role), not a thing ("The plan is
        to refer Kris", "The aim is to ...")."""
        be = verb.head
        if verb.dep_ != "xcomp" or be.dep_ != "ROOT" or be.lower_ not in ("is", "are") or \
                verb.i < be.i:
            return None
        subject = first_dep(_kids(be), ("nsubj",))
        if subject is None or subject.lower_ in ("it", "this", "that", "there") or \
                any(c.dep_ in ("neg", "advmod", "acomp", "attr") for c in _kids(be)):
            return None
        if not (self._person(subject) or subject.tag_ == "PRP" or
                self._noun_base(subject) & (self.carer_noun | self.child_noun)):
            return None
        return subject

    def _recommend_forms(self) -> set[str]:
        """Every form of the recommending verbs (all regular: "advise", "advises",
        "advised", "advising")."""
        forms: set[str] = set()
        for base in self.recommend_verb:
            stem = base[:-1] if base.endswith("e") else base
            forms |= {base, f"{base}s", f"{stem}ed", f"{stem}ing"}
        return forms

    def _recommended(self, doc: Any, verb: Any) -> NeedReading | None:
        """What the plan recommends in its own voice, read as the need: a clause with its
        own subject ("It is recommended that Leo is offered play therapy", "We suggest
        that Mum attends ...": the subject holds it) or a noun ("I would recommend a
        referral to CAMHS for Ruby": the one it is for holds it). Why: a recommendation
        is how assessments and plans write what they say a person needs, and "is offered
        play therapy" is as much a service as "needs play therapy"."""
        reading = NeedReading(form="recommended", predicate=Part.of(doc, verb.i, verb.i + 1))
        clause = next((c for c in _kids(verb) if c.dep_ == "ccomp" and c.i > verb.i
                       and c.tag_.startswith("VB")), None)
        if clause is not None:
            subject = first_dep(_kids(clause), SUBJECT_DEPS)
            if subject is None or subject.lower_ in ("it", "there", "this", "that"):
                return None
            reading.holder = self._part(doc, subject)
            if subject.conjuncts:  # "that Mum and Dad attend ...": both hold it
                last = max(c.i for c in subject.conjuncts)
                reading.holder = Part.of(doc, reading.holder.start, last + 1)
            self._clause(doc, clause, reading)  # (its subject is the holder, no other)
            reading.negated = self._negated(doc, clause)
            return reading if reading.what else None
        obj = first_dep(_kids(verb), ("dobj",))
        if obj is None or obj.tag_ == "PRP":
            return None
        for_whom = next((g for c in (*_kids(verb), *obj.subtree) if c.dep_ == "prep"
                         and c.lower_ == "for" for g in _kids(c) if g.dep_ == "pobj"
                         and self._person(g)), None)
        if for_whom is not None:
            reading.holder = self._part(doc, for_whom)
        self._phrase(doc, obj, reading)
        reading.negated = self._negated(doc, verb)
        return reading if reading.what else None

    def _name_read_as_verb(self, word: Any) -> bool:
        """True when a capitalised word the tagger read as a verb is a name: one of the
        name lists' people ("Grace", "Hope": verbs too), or a word English has no verb
        for ("Willow to have ...", "Kenzie to ..."), which no instruction can open."""
        known = self.language_verbs
        return word.lower_ in _people_names() or (bool(known) and word.lower_ not in known)

    def _keeps_terms(self, verb: Any) -> Any:
        """The plan, agreement or order a person is to keep to ("to comply with the written
        agreement", "to stick to the safety plan", "to abide by the order"), else None, as
        the outcome reader reads it: keeping to the work's terms is using the service. A
        situation or purpose ("follow her safety plan when she feels unsafe"), an act
        joined to it ("keep to the order and not let him into the flat") or an agreement
        that says what is agreed makes it something particular."""
        if not self._in(lemma_forms(verb), self.comply_verb) or any(
                c.dep_ in ("advcl", "xcomp", "ccomp", "neg", "npadvmod", "conj")
                for c in [*_kids(verb), *(c for c in _kids(verb.head) if c.i > verb.i)]):
            return None
        targets = [c for c in _kids(verb) if c.dep_ == "dobj"]
        holders = [c for c in _kids(verb) if c.dep_ in ("prep", "prt") and c.lower_ in (
            "to", "by", "with")]
        targets += [g for c in holders for g in _kids(c) if g.dep_ == "pobj"]
        if any(c.dep_ == "prep" and c not in holders for c in _kids(verb)):
            return None  # "... the plan | for bedtime": which plan, or when
        for target in targets:
            if (lemma(target) in self.compact_noun or target.lower_ in self.compact_noun) and \
                    not any(c.dep_ in ("acl", "relcl", "prep", "poss") for c in _kids(target)):
                return target
        return None

    def _needs_to_be(self, token: Any) -> Any:
        """The passive infinitive a noun "needs" heads as a plan-style need ("Leo's needs
        | to be met", "his emotional needs to be prioritised"), else None: the needs are
        someone's (a possessive) and the clause is "to be" + a participle."""
        if not any(c.dep_ == "poss" for c in _kids(token)) or token.dep_ not in (
                "ROOT", "pobj"):
            return None
        for clause in _kids(token):
            if clause.dep_ in ("relcl", "acl") and clause.tag_ == "VBN" and any(
                    c.dep_ == "aux" and c.tag_ == "TO" for c in _kids(clause)) and any(
                    c.dep_ == "auxpass" for c in _kids(clause)):
                return clause
        return None

    def _can_hold(self, noun: Any) -> bool:
        """True when a noun before "to VERB" can be a plan-style holder ("Mum to engage",
        "Child 1 to attend", "Parents to ..."), not a thing a purpose clause describes ("A
        nurturing place to live", "a quiet space to do homework"). Why by shape: a holder
        is a name, a pronoun or a person or role noun; a common noun that is none of these
        and carries an article "a" or an adjective is a thing, whatever it is."""
        if noun.tag_ in ("NNP", "NNPS", "PRP") or not noun.tag_.startswith("NN"):
            return True
        base = lemma(noun)
        if base in self.person_head | self.carer_noun | self.child_noun | self.role_person \
                or noun.lower_ in self.person_head | self.carer_noun | self.child_noun \
                or self._professional(noun) or self._agent_noun(noun) or self._acronym(noun):
            return True
        return not any((c.dep_ == "det" and c.lower_ in ("a", "an")) or c.dep_ == "amod"
                       for c in _kids(noun))

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
        noun = self._participle_object(verb)
        if noun is not None:
            # "needs improved wellbeing" parsed as "needs" helping (or the subject of) a
            # verb "improved": the participle grades the noun, which is what is needed
            self._phrase(doc, noun, reading)
            return
        if verb.dep_ == "aux" and verb.head.tag_ == "VBG" and verb.head.i == verb.i + 1:
            # "Jo needs coping plinkets" parsed as "needs" helping a verb "coping": the
            # -ing word modifies the noun, which is what is needed.
            noun = next((c for c in _kids(verb.head) if c.dep_ == "dobj"
                         and c.tag_.startswith("NN")), None)
            if noun is not None:
                reading.holder = self._subject(doc, verb.head)
                self._phrase(doc, noun, reading)
                return
        if verb.dep_ == "aux" and verb.head.tag_ == "VB" and verb.head.i == verb.i + 1 and \
                lemma(verb.head) in self.enabling_verb | self.help_noun:
            # "Mum needs help finding a nursery place": "help" read as a verb that
            # "needs" helps; what the help is for is judged as the clause.
            reading.holder = self._subject(doc, verb.head)
            self._clause(doc, verb.head, reading)
            return
        if verb.dep_ == "aux" and verb.head.tag_ == "VBG" and verb.head.i == verb.i + 1 and \
                not any(c.dep_ in ("dobj", "ccomp", "xcomp", "attr", "acomp", "prt", "dative",
                                   "oprd") for c in _kids(verb.head)):
            # "Jo needs rehousing", "needs assessing by a paediatrician": "needs" read as
            # helping the -ing word, which is the passive ("to be rehoused")
            reading.holder = self._subject(doc, verb.head)
            self._clause(doc, verb.head, reading)
            reading.passive = True
            return
        named = None if has_dep(_kids(verb), ("dobj", "attr", "obj", "oprd", "xcomp", "ccomp")
                                ) else self._title_after(verb)
        if named is not None:  # "needs Ready to Learn Circuits": a name the parse lost
            self._phrase(doc, named, reading)
            return
        obj = first_dep(_kids(verb), ("dobj", "attr", "obj", "oprd"))

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
            ing = self._ing_subject(clause)
            if ing is not None and obj.i < ing.i and not any(
                    t.tag_.startswith("NN") or t.dep_ == "det" for t in doc[obj.i:ing.i]
                    if t.i != obj.i and t.text != "-" and not (
                        t.i + 1 < len(doc) and doc[t.i + 1].text == "-")):
                # "needs her emotional well-being promoted": the adjective read as the
                # object, the noun as the participle's auxiliary
                self._clause(doc, clause, reading, ing)
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
            own_subject = first_dep(_kids(clause), SUBJECT_DEPS)
            self._clause(doc, clause, reading, own_subject)
        elif obj is not None:
            # "needs her health needs to be met", "needs his hearing checked": the object
            # is the subject of a passive.
            passive = next((c for c in _kids(obj) if c.dep_ in ("xcomp", "acl", "relcl",
                                                                  "amod")
                            and c.tag_ in ("VBN", "VBD") and c.i > obj.i and not any(
                                g.dep_ == "nsubj" and g.tag_ in ("WP", "WDT")
                                for g in _kids(c))), None)
            # ("adults who put her first": a relative clause of its own, not a passive)
            if passive is None:
                # "needs his behaviour to improve": a quality as the subject of a change
                change = next((c for c in _kids(obj) if c.dep_ in ("acl", "relcl")
                               and c.tag_ == "VB" and c.i > obj.i and infinitive(c)), None)
                if change is not None and self._quality(obj, ignore=change.i):
                    passive = change
            if passive is None:
                passive = self._trailing_participle(verb, obj)
            done = self._done_ing(obj) if passive is None else None
            if passive is not None:
                self._clause(doc, passive, reading, obj)
            elif done is not None:
                # "needs a Graded Care Profile completing", as "... completed": the thing
                # to be done is what is asked for
                self._phrase(doc, done, reading)
            else:
                self._phrase(doc, self._split_head(verb, obj), reading)

    def _done_ing(self, obj: Any) -> Any:
        """The thing of "a <thing> completing/doing" (the "-ing" of a verb of getting
        work done, read as the head noun with the thing as its compound), else None."""
        stem = obj.lower_[:-3]  # "completing" -> complet(e), "setting" -> set(t)
        if obj.tag_ not in ("NN", "VBG") or not obj.lower_.endswith("ing") or not (
                {stem, f"{stem}e", stem[:-1]} & self.done_verb):
            return None
        return max((c for c in _kids(obj) if c.dep_ == "compound"
                    and c.tag_.startswith("NN")), key=lambda c: c.i, default=None)

    def _split_head(self, need: Any, obj: Any) -> Any:
        """The head of what is needed when the parser cut its last noun off as an adverb
        of the need verb ("needs a food bank | voucher", "a supermarket | voucher": the
        noun before it the object, the last an adverb): a word closing the line right
        after one thing's nouns, no adverb by form (no "-ly", no function word) and no
        time or place ("a break | tonight", "a lift | home"), is the noun they modify;
        else ``obj``. Several things ("Triple P sessions | online") keep their head."""
        doc = need.doc
        nxt = _trim(doc, obj.right_edge.i) + 1
        if nxt >= len(doc) or obj.tag_ != "NN" or not any(
                c.dep_ == "det" and c.lower_ in ("a", "an") for c in _kids(obj)):
            return obj
        word = doc[nxt]
        if word.head.i != need.i or word.dep_ != "advmod" or word.tag_ != "RB" \
                or word.is_stop or word.lower_.endswith("ly") or not word.is_alpha \
                or _trim(doc, len(doc) - 1) != word.i or word.lower_ in (
                    self.time_noun | self.generic_time | self.generic_place
                    | self.home_noun):
            return obj
        return word

    def _trailing_participle(self, need: Any, obj: Any) -> Any:
        """The participle that ends a line after what is needed when the parse hung it
        elsewhere ("needs his identity and heritage | promoted" read as a clause of
        "needs", "needs his identity and sense of belonging | promoted" read inside the
        "of"): the object is its subject, as in "needs his hearing checked". Only a bare
        participle closing the line, with no subject or object of its own."""
        doc = need.doc
        last = doc[_trim(doc, len(doc) - 1)]
        if last.tag_ not in ("VBN", "VBD") or last.i <= obj.i + 1 or any(
                c.dep_ in (*SUBJECT_DEPS, "dobj", "aux", "prep", "advmod", "ccomp", "xcomp")
                for c in _kids(last)):
            return None
        nouns = [obj, *obj.conjuncts]
        if last.head.i == need.i and last.dep_ in ("advcl", "conj") and \
                last.i == _trim(doc, nouns[-1].right_edge.i) + 1:
            return last
        inside = obj.left_edge.i <= last.i <= obj.right_edge.i
        if inside and last.dep_ in ("pcomp", "acl", "relcl", "conj") and \
                last.head.i != obj.i and all(
                    t.dep_ in ("auxpass", "punct") for t in _kids(last)):
            return last
        return None

    def _of_change(self, participle: Any) -> bool:
        """Whether a participle comes from a verb of change or direction ("improved",
        "increased", "heightened"), by its lemma forms or its stem less -d, -ed, -ied."""
        low = participle.lower_
        return self._in((*lemma_forms(participle), low[:-1], low[:-2], low[:-3]),
                        self.change_verb | self.direction_verb)

    def _participle_object(self, need: Any) -> Any:
        """The noun a need word asks for when the parse made the participle-adjective
        before it a verb ("Leo needs improved wellbeing": "needs" the auxiliary or the
        subject of "improved", "wellbeing" its object), else None. Only a participle that
        grades (of a change, or an aim word) is read so: "supervised contact" misread
        keeps its reading."""
        head = need.head
        if need.dep_ not in ("aux", "nsubj") or head.i != need.i + 1 or \
                head.tag_ not in ("VBN", "VBD") or any(
                    c.dep_ in ("aux", "auxpass") and c.i != need.i for c in _kids(head)):
            return None
        if not (head.lower_ in self.evaluative_adj or self._of_change(head)):
            return None
        return next((c for c in _kids(head) if c.dep_ in ("dobj", "xcomp", "attr", "oprd")
                     and c.tag_.startswith("NN") and c.i > head.i), None)

    @staticmethod
    def _heading_need(token: Any) -> bool:
        """True for a "Need for ..." heading: the word opens its sentence, has no subject
        and is followed by "for" (a phrase or a "for X to ..." clause), so it is the noun
        whatever the tagger said."""
        if token.lower_ not in ("need", "needs"):
            return False
        kids = _kids(token)
        # Each of these three tests alone says no; the one that reads the sentence
        # bounds (read once per document, else not at all) comes after the common
        # "Kayla needs ...", which a subject settles.
        if has_dep(kids, ("nsubj", "nsubjpass", "xcomp", "dobj")):  # SUBJECT_DEPS too
            return False
        if token.i != sent_start(token):
            return False
        return any((c.dep_ == "prep" and c.lower_ == "for") or (
            c.dep_ in ("advcl", "acl") and c.tag_ == "VB" and any(
                g.dep_ == "mark" and g.lower_ == "for" for g in _kids(c))) for c in kids)

    def _noun_need(self, doc: Any, noun: Any, reading: NeedReading) -> None:
        holder = need_noun_holder(noun)  # the one reading of who holds a need noun
        if holder is not None:
            reading.holder = self._part(doc, holder)
        reading.negated = any(c.dep_ == "neg" or c.lower_ == "no" for c in _kids(noun))
        for child in _kids(noun):
            if child.dep_ == "prep" and child.lower_ in ("for", "of"):
                self._from_prep(doc, child, reading)
                return
            if child.dep_ in ("advcl", "acl", "relcl") and (child.tag_ == "VB" or (
                    child.tag_ == "VBN" and any(c.dep_ == "aux" and c.tag_ == "TO"
                                                for c in _kids(child)))) and any(
                    c.dep_ == "mark" and c.lower_ == "for" for c in _kids(child)):
                # "a need for Kiera to attend", and its passive "There is a need for
                # Kiera to be kept safe", which the parser heads by the participle
                self._clause(doc, child, reading)
                return
            if child.dep_ in ("acl", "relcl") and child.tag_ == "VB":
                self._clause(doc, child, reading)
                return

    def _said_is(self, doc: Any, be: Any, reading: NeedReading) -> bool:
        """Read what is needed from the noun complement of the "be" a need verb is the
        subject of, when it names a service or an assessment ("What Kacey needs is a place
        at nursery", "What Mum needs is for a Quorrel group"), or from its infinitive
        ("What Leo needs is to feel safe"); False when ``be`` is no such verb or its noun
        names nothing of the kind. Why: read by the need verb's own object, the thing
        needed was only "what".

        Not for a need noun as the subject ("Mum's need is a parenting course"): measured
        on a held-out set of real plan statements, that reading raised a false alarm and
        caught nothing more, so it was taken out (the closing note of issue 10)."""
        if lemma(be) != "be" or not be.tag_.startswith("VB"):
            return False
        for child in _kids(be):
            if child.i < be.i:
                continue
            thing = None
            if child.dep_ == "attr" and child.tag_.startswith("NN"):
                thing = child  # "... is a place at nursery"
            elif child.dep_ == "prep" and child.lower_ == "for":
                thing = next((g for g in _kids(child) if g.dep_ == "pobj"
                              and g.tag_.startswith("NN")), None)  # "... is for a mentor"
            if thing is not None:
                # a thing named as the need is read only as a service or an assessment
                # ("Mum's need is a parenting course"): "Leo's primary need is
                # communication and interaction" names an EHCP's area of need, not a need
                if self.judge_phrase(thing)[0] not in ("service", "assessment"):
                    return False
                self._phrase(doc, thing, reading)
                return True
            if child.dep_ == "xcomp" and child.tag_ == "VB" and any(
                    c.tag_ == "TO" for c in _kids(child)):
                self._clause(doc, child, reading)  # "What Leo needs is to feel safe"
                return True
        return False

    def _from_prep(self, doc: Any, prep: Any, reading: NeedReading) -> None:
        obj = next((c for c in _kids(prep) if c.dep_ in ("pobj", "pcomp")), None)
        if obj is None:
            return
        if obj.tag_ == "VBG" or obj.dep_ == "pcomp":
            self._clause(doc, obj, reading)
        else:
            self._phrase(doc, obj, reading)

    def _subject(self, doc: Any, verb: Any) -> Part | None:
        if passive_need(verb, self.anchor_words):
            # "Support is needed (for Mum)": the holder, if any, is who it is for
            whom = needed_for(verb)
            return None if whom is None else self._part(doc, whom)
        node = verb
        for _ in range(4):
            subject = clause_subject(node)  # never a noun of a clause set before it
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
            end = verb.i - 1 if doc[verb.i - 1].tag_ == "POS" else verb.i
            return Part.of(doc, start, end)  # "Mia's needs to be met": Mia
        return None

    _part = staticmethod(holder_part)

    def _called(self, verb: Any) -> bool:
        """True when a passive verb is followed by "to" and "as" or "by": "to be referred
        to as Sam", "referred to by her chosen name" say what the person is called, not a
        step in the work (the parse may hang the name anywhere)."""
        doc = verb.doc
        return verb.i + 2 < len(doc) and doc[verb.i + 1].lower_ == "to" \
            and doc[verb.i + 2].lower_ in self.called_after

    def _negated(self, doc: Any, verb: Any) -> bool:
        if has_dep(_kids(verb), ("neg",)):
            return True
        for j in range(verb.i - 1, max(-1, verb.i - 4), -1):
            # the three words before, read alone unless the document's words are read
            # already (no Token built; the same words either way)
            low = _lower_at(doc, j)
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
            if passive is None and verb.i + 1 < len(doc):
                # "needs her wellbeing secured": the participle after the mis-tagged
                # noun hangs beside it, not under it
                after = doc[verb.i + 1]
                if after.tag_ in ("VBN", "VBD") and after.head.i in (verb.i, verb.head.i) \
                        and not has_dep(_kids(after), (*SUBJECT_DEPS, "aux", "auxpass")):
                    passive = after
            if passive is not None:
                own_subject, verb = verb, passive
        if own_subject is None or own_subject.tag_ == "PRP":
            own_subject = self._ing_subject(verb) or own_subject
        # "to be able to X": judge X. "to be helped/supported to X": judge X too.
        for _ in range(3):
            adjective = first_dep(_kids(verb), ("acomp",), words=("able", "unable"))
            inner = None
            if adjective is not None:
                inner = first_dep(_kids(adjective), ("xcomp",))
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
        if verb.i + 2 < len(doc) and doc[verb.i + 1].text == "-" and \
                doc[verb.i + 2].tag_.startswith("VB") and verb.is_alpha and len(verb) <= 4:
            # "to co-operate with", read as "co - operate": the word after the prefix
            # carries the clause
            verb = doc[verb.i + 2]
        reading.verb = lemma(verb)
        reading.passive = has_dep(_kids(verb), ("auxpass", "nsubjpass")) \
            or self._causative(verb) \
            or (verb.tag_ == "VBN" and any(lemma(c) in ("be", "get") and c.dep_ in (
                "aux", "auxpass") for c in _kids(verb))) \
            or (own_subject is not None and verb.tag_ in ("VBN", "VBD") and not any(
                c.dep_ == "aux" for c in _kids(verb))) \
            or (verb.tag_ == "VBG" and verb.dep_ == "xcomp" and verb.head.i == \
                reading.predicate.end - 1 and not any(
                    c.dep_ in ("dobj", "ccomp", "xcomp", "nsubj", "attr", "acomp", "prt",
                               "dative", "oprd") for c in _kids(verb)))
        # "needs rehousing", "needs assessing by an educational psychologist": a bare -ing
        # after "needs" is the passive ("needs to be assessed")
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
        reading.object_of = (verb, obj)

    def _done(self, verb: Any) -> bool:
        """A verb of getting a piece of work done ("completed", "put in place"); one that
        names it only with its particle ("drawn up", not "drawn")."""
        forms = lemma_forms(verb)
        if not self._in(forms, self.done_verb):
            return False
        return not self._in(forms, self.done_with_particle) or any(
            c.dep_ == "prt" for c in _kids(verb))

    @staticmethod
    def _ing_subject(verb: Any) -> Any:
        """The -ing noun a participle's subject was taken for its passive auxiliary
        ("needs her well-being secured" read as "her | well | - | being secured", "his
        sense of belonging promoted" as "belonging promoted"): the -ing word right before
        the participle, else None (``_quality`` joins "well-being")."""
        if verb.tag_ not in ("VBN", "VBD"):
            return None
        doc = verb.doc
        return next((c for c in _kids(verb) if c.dep_ == "auxpass" and c.i == verb.i - 1
                     and c.tag_ == "VBG" and (c.lower_ != "being" or (
                         c.i > 1 and doc[c.i - 1].text == "-"))), None)

    def _had_done(self, verb: Any) -> Any:
        """What a causative asks to have done as a piece of work ("to have | support put in
        place", "to get | a nursery place sorted", "to have a plan drawn up"): the noun
        whose participle is a verb of getting work done, else None. Not other participles:
        "to have the letters read to her" is care given concretely; nor with a why or a
        when after it ("to get his benefits sorted so the electricity does not run out"):
        what it is for is said."""
        if lemma(verb) not in self.causative_verb or any(
                t.dep_ in ("advcl", "mark") or t.lower_ in self._REASON_WORDS
                for t in verb.subtree if t.i > verb.i):
            return None
        for child in _kids(verb):
            if child.dep_ in ("ccomp", "oprd") and child.tag_ in ("VBN", "VBD") and \
                    self._done(child):
                done = next((g for g in _kids(child) if g.dep_ == "nsubj"
                             and g.tag_.startswith("NN")), None)
                if done is not None:
                    return done
            if child.dep_ == "dobj" and child.tag_.startswith("NN") and any(
                    g.dep_ in ("acl", "amod") and g.tag_ == "VBN"
                    and self._done(g) for g in _kids(child)):
                return child
        return None

    def _object_of(self, verb: Any) -> Any:
        """The verb's object: direct, or through its first preposition ("go to X"; not
        for verbs that take their service directly: "do well in her exams"). For a causative
        read as a clause ("to have | support put in place", "to get | a nursery place
        sorted"), the subject of the participle: what is had or got done, as in "to have
        a referral made", which the parser reads with an object."""
        done = self._had_done(verb)
        if done is not None:
            return done
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

    def _condition(self, token: Any) -> bool:
        """True when the need word sits in a clause of time or condition ("For Mum to call
        her sister | when she needs help with the kids", "to ring his sponsor | if he
        needs support"): it says when the need before it applies, and is no need the plan
        asks for itself. Only read after another need (the caller checks)."""
        node = token
        for _ in range(6):
            if node.head.i == node.i:
                return False
            if node.dep_ == "advcl" and any(
                    c.dep_ in ("mark", "advmod") and c.lower_ in self.condition_word
                    and c.i < token.i for c in _kids(node)):
                return True
            node = node.head
        return False

    def conditional_need(self, span: Any) -> bool:
        """True when a word rule's match opens on a need word inside a clause of time or
        condition that says when another need of the line applies ("Kayden needs to text
        his nan | when he needs support"). Why: the reader reads no need there
        (:meth:`_condition`), and a word rule flagging "needs support" would question a
        condition, not the need the plan states."""
        if len(span) == 0:
            return False
        token = span[0]
        return token.lower_ in self.anchor_words and self._condition_of_other(token)

    def _condition_of_other(self, token: Any) -> bool:
        """True when need word ``token`` sits in a clause of time or condition and the line
        has another need outside that clause, which the condition says when applies
        ("When he needs support, | Kayden needs to text his nan")."""
        if not self._condition(token):
            return False
        clause = token
        while clause.dep_ != "advcl" and clause.head.i != clause.i:
            clause = clause.head
        inside = range(clause.left_edge.i, clause.right_edge.i + 1)
        return any(i not in inside for i in self._candidates(token.doc))

    def _reported(self, token: Any) -> bool:
        """True when the need word sits inside the clause a word of knowing, believing or
        saying governs ("Mum needs to understand that | Jordan needs to feel safe"), unless
        that is the plan's own voice ("It is felt that Ruby would benefit from ...", "We
        think ...": :func:`_own_voice`)."""
        node = token
        for _ in range(6):
            if node.head.i == node.i:
                return False
            if node.dep_ in ("ccomp", "acl") and lemma(node.head) in self.report_word and \
                    any(c.dep_ == "mark" or c.tag_ == "EX" for c in node.subtree
                        if c.i < token.i) and not _own_voice(node.head):
                return True
            node = node.head
        return False

    def _coordinated(self, doc: Any, reading: NeedReading) -> list[NeedReading]:
        """Readings for nouns coordinated with what is needed that are faults of another
        kind ("an Early Help Assessment and a TAC meeting": an assessment and a service),
        each covering its own phrase."""
        if reading.what == "clause" and not reading.negated:
            return self._coordinated_verbs(doc, reading)
        head = reading.head_token
        if reading.what != "phrase" or head is None or reading.negated:
            return []
        out: list[NeedReading] = []
        kinds = {reading.category}
        need = doc[reading.predicate.end - 1]
        for other in [*head.conjuncts, *self._added(head, need)]:
            if not (other.tag_.startswith("NN") or other.lower_ in self.help_noun) \
                    or other.i < head.i:
                continue
            kind, why = self.judge_phrase(other)
            if kind not in FAULTS or kind in kinds:
                continue
            if kind == "service" and reading.category == "universal" and \
                    other in head.conjuncts and \
                    self._parenting(head, need if need.i < head.i else None):
                continue  # "guidance and boundaries from her parents": one phrase of
                # parenting, read whole for the first noun
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
        out.extend(self._joined_clauses(doc, reading, need, head))
        return out

    def _joined_clauses(self, doc: Any, reading: NeedReading, need: Any, head: Any
                        ) -> list[NeedReading]:
        """Readings for an infinitive joined to the need verb after what is needed
        ("needs bereavement counselling | and to engage with alcohol services"): a need
        of its own, so a fault in it is named on its own, whatever the noun before it
        was, as it would be alone ("Jade needs to engage with alcohol services")."""
        if need.i > head.i or not need.tag_.startswith("VB"):
            return []
        out: list[NeedReading] = []
        for other in need.conjuncts:
            if other.i < head.i or other.tag_ not in ("VB", "VBN") or not any(
                    c.dep_ == "aux" and c.tag_ == "TO" for c in _kids(other)) or any(
                    c.dep_ in (*SUBJECT_DEPS, "neg") for c in _kids(other)):
                continue
            start = next((c.i for c in _kids(other) if c.dep_ == "aux"), other.i)
            if other.tag_ == "VBN" and (start == 0 or doc[start - 1].dep_ != "cc"):
                continue  # "his wishes ..., and how often, to be listened to": the thing
                # needed may be what the passive is of; only "X and to be Y" is a need
            passive = any(c.dep_ == "auxpass" for c in _kids(other))
            clause = replace(reading, what="clause", verb=lemma(other), verb_token=other,
                             passive=passive, own_subject=None, able=False,
                             verb_object=None, head=None, head_token=None, modifiers=[],
                             object_of=None)
            kind, why = self.judge_clause(other, clause)
            if kind not in FAULTS:
                continue
            part = Part.of(doc, start, _trim(doc, other.right_edge.i) + 1)
            if reading.span is not None and reading.span.start < start < reading.span.end:
                cut = start
                while cut > reading.span.start + 1 and doc[cut - 1].dep_ in ("cc", "punct"):
                    cut -= 1
                reading.span = Part.of(doc, reading.span.start, cut)
            out.append(replace(clause, category=kind, reason=why, what_part=part, span=part))
        return out

    def _coordinated_verbs(self, doc: Any, reading: NeedReading) -> list[NeedReading]:
        """Readings for a verb joined to what is needed that is a fault the first verb is
        not ("to acknowledge the problems and engage with support services": the second
        is using a service), each covering its own clause. Why: "to X and Y" asks for
        both; a service asked for second is no less a service for following a change."""
        verb = reading.verb_token
        if verb is None or reading.category not in ("specific", "unknown"):
            return []
        out: list[NeedReading] = []
        for other in verb.conjuncts:
            if other.i < verb.i or other.tag_ != "VB" or any(
                    (c.dep_ == "aux" and c.tag_ != "TO")
                    or c.dep_ in ("nsubj", "nsubjpass", "neg") for c in _kids(other)):
                continue  # a verb of its own clause ("... and she will ..."), not "(to) Y"
            passive = any(c.dep_ == "auxpass" for c in _kids(other))
            other_reading = replace(reading, verb=lemma(other), verb_token=other,
                                    passive=passive, own_subject=None, able=reading.able,
                                    verb_object=None)
            kind, why = self.judge_clause(other, other_reading)
            if kind not in ("service", "assessment"):
                continue
            start = other.i
            while start > verb.i + 1 and (doc[start - 1].dep_ == "advmod" or (
                    doc[start - 1].tag_ == "TO" and doc[start - 1].head.i == other.i)):
                start -= 1  # "and to attend a sleep clinic": the "to" is the clause's
            part = Part.of(doc, start, _trim(doc, other.right_edge.i) + 1)
            if reading.span is not None and reading.span.start < start < reading.span.end \
                    and not out:
                cut = start
                while cut > reading.span.start + 1 and doc[cut - 1].dep_ in ("cc", "punct"):
                    cut -= 1
                reading.span = Part.of(doc, reading.span.start, cut)
            out.append(replace(other_reading, category=kind, reason=why, what_part=part,
                               span=part))
            break  # one more fault is enough to name
        return out

    def _added(self, head: Any, need: Any) -> list[Any]:
        """Nouns added to what is needed as a coordination would add them: "together
        with", "along with", "as well as", "alongside", "plus", a second object of the
        need verb ("time with his dad as well as a place at the youth club"), or a noun the
        parser joined to the need verb itself ("needs quality time with Mum and support
        with his reading": "support" is the verb's conjunct, not "time"'s)."""
        out = []
        owners = [head] + ([need] if need is not None and need.i < head.i else [])
        for owner in owners:
            for child in _kids(owner):
                if child.i <= head.i:
                    continue
                if owner is need and child.dep_ in ("dobj", "conj") and (
                        child.tag_ in ("NN", "NNS")
                        or (child.tag_ == "VB" and child.lower_ in self.help_noun)) \
                        and not any(g.dep_ in (*SUBJECT_DEPS, "aux") for g in _kids(child)):
                    # a help noun the tagger read as a bare verb ("... and help with his
                    # homework": no subject, no "to") is the noun
                    out.append(child)
                    continue
                if child.dep_ != "prep":
                    continue
                word = child.lower_
                adverbs = {c.lower_ for c in _kids(child) if c.dep_ == "advmod"}
                if (word == "with" and adverbs & {"together", "along"}) or (
                        word == "as" and "well" in adverbs) or word in ("alongside", "plus"):
                    out += [g for g in _kids(child) if g.dep_ in ("pobj", "dobj")]
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
            read = [t for t in (reading.verb_token, reading.head_token, reading.own_subject)
                    if t is not None]
            skip = {c.i for c in _kids(need)
                    if any(c.i == t.i or c.is_ancestor(t) for t in read)
                    or (c.dep_ == "prep" and c.i > need.i and self._general_prep(need, c))}
            if self._specific_extras(need, skip=skip) or (
                    self._followed_by_reason(doc, reading)
                    and not self._aim_follows(doc, reading)):
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

    def _aim_follows(self, doc: Any, reading: NeedReading) -> bool:
        """True when the clause after the need is itself an aim ("... so that he can care
        for the children"): an aim for an aim says nothing particular."""
        if reading.span is None:
            return False
        i = reading.span.end
        while i < len(doc) and doc[i].is_punct:
            i += 1
        if i >= len(doc):
            return False
        clause = doc[i].head
        while clause.dep_ == "mark" and clause.head.i != clause.i:
            clause = clause.head
        return clause.i > i and self._aim_clause(clause)

    def judge_clause(self, verb: Any, reading: NeedReading, own_subject: Any = None
                     ) -> tuple[Category, str]:
        """Judge an infinitive clause by its verb, voice, complement and object."""
        helped = self._helped_to_service(verb, reading)
        if helped is not None:
            return helped
        chance = verb.head if verb.dep_ in ("acl", "relcl") and verb.head.tag_.startswith(
            "NN") else None
        if chance is not None and self._noun_base(chance) & self.chance_noun and \
                self._chance_of_aim(chance):
            # "opportunities to learn and grow", read from its infinitive
            return "universal", (f"\"{_np_text(chance)}\" is a chance every child needs, "
                                 "with nothing particular said")
        worker = self._professional_at_work(verb, reading)
        if worker is not None:
            reading.worker = True
            if self._finds_out(verb):
                # "A speech and language therapist to assess Alfie", "Health visitor to
                # do a mood assessment with Mum": the professional is asked to find out,
                # which is an assessment asked for, not a service given
                return "assessment", (f"\"{_np_text(worker)} to {verb.text}\" asks a "
                                      "professional to find out")
            return "service", (f"\"{_np_text(worker)} to {verb.text}\" says what a "
                               "professional does, not what the person needs")
        forms = lemma_forms(verb)
        base = forms[0]
        held = reading.object_of  # the object as the clause was read, for this same token
        obj = held[1] if held is not None and held[0] is verb else self._object_of(verb)
        done = self._had_done(verb)
        if done is not None:
            # "to get a Brindle plan drawn up" is read as "needs a Brindle plan drawn up":
            # a light verb adds nothing to what is asked to be done
            done_kind, done_why = self.judge_phrase(done)
            if done_kind in ("service", "assessment"):
                return done_kind, f"to {base} it done: {done_why}"
        if reading.passive and own_subject is None and self._escorted_for(verb):
            # "to be taken to the dentist so that his tooth decay is treated": a carer
            # getting the person to care, for a reason given, is what the carer does
            return "specific", (f"says who must get the person to care, and why: to be "
                                f"{verb.text}")
        unharmed = self._kept_from_harm(verb, own_subject)
        if unharmed:
            return "universal", unharmed
        on_track = self._on_track(verb, own_subject)
        if on_track:
            return "universal", on_track
        reached = self._help_reaching(verb)
        if reached is not None:
            return "service", f"help to reach a service: \"{_np_text(reached)}\""
        if self._help_heading(verb):
            return "service", (f"\"{verb.text}\" heads the statement: help asked for is "
                               "the work, not what must change")
        if obj is not None and reading.passive and self._in(forms, self.give_passive) and \
                self._owned(obj) and self._routine(verb):
            # "to be given her epilepsy medication every day": the holder's own thing given
            # on a routine is care given concretely, not a service asked for
            return "specific", "says what the person needs to be given, and how often"
        if own_subject is not None and reading.passive and own_subject.tag_.startswith("NN") \
                and self._handed_thing(own_subject, verb):
            # "insulin given by the school nurse before lunch": a thing handed over, by
            # whoever gives it, is care given concretely, not a service asked for
            return "specific", (f"says what the person needs to be {verb.text}: "
                                f"\"{_np_text(own_subject)}\"")
        toward = self._help_toward_aim(verb, reading)
        if toward:
            return "universal", toward
        role = self._weighed_for(verb, reading)
        if role is not None:
            return "assessment", (f"to be {verb.text} as {_np_text(role)} asks for them to "
                                  "be assessed for it")
        if reading.passive and own_subject is None and \
                self._in(forms, self.regard_verb) and any(
                    c.dep_ == "prep" and c.lower_ == "as" and any(
                        g.dep_ == "pobj" for g in _kids(c)) for c in _kids(verb)):
            # "to be seen as a person, not a problem": how others regard them, not a
            # clinic seeing them
            return "specific", f"says how the person needs to be {verb.text}"
        # An aim with nothing particular said is universal whatever else the clause's
        # verb could be read as ("to be given a voice in decisions that affect him").
        aim = self._general_aim(verb, own_subject)
        if aim:
            return "universal", aim
        compared = self._as_peers_do(verb, obj) if own_subject is None else None
        if compared is not None:
            words = compared.doc[compared.left_edge.i:compared.right_edge.i + 1].text
            return "universal", (f"\"{words}\" asks only to do what other children do: an "
                                 "aim every child shares, with nothing particular said")
        if obj is not None and own_subject is None and not reading.passive and self._in(
                forms, self.goal_verb | self.having_verb) and obj.tag_.startswith("NN"):
            good = self._general_good(obj)
            if good and not self._specific_beyond(verb, obj):
                # "to make a positive move into adult life", "to have the same chances as
                # other children": what is had or made is an aim every child shares
                return "universal", good
        if reading.able and not (obj is not None and self._in(forms, self.goal_verb)
                                 and lemma(obj) in self.universal_noun
                                 and not self._specific_mods(obj)):
            return "specific", f"says what the person needs to be able to {base}"
        done_subject = own_subject
        if done_subject is None and reading.form == "plan-style" and reading.passive:
            # "Initial SDQs to be completed for Jess": the subject of a plan-style passive
            # is the thing to be done, not the holder, when it is no person
            done_subject = next((c for c in _kids(verb) if c.dep_ == "nsubjpass"
                                 and c.tag_.startswith("NN") and not self._person(c)), None)
        if done_subject is not None and reading.passive and self._done(verb):
            filled = self._filled_form(verb, done_subject)
            if filled is not None:
                return "assessment", (f"\"{filled.text}\" to be {verb.text} is a form or "
                                      "measure filled in: an assessment")
        if done_subject is not None and own_subject is None and reading.passive and \
                self._done(verb):
            kind, why = self.need_shaped(done_subject)
            if kind in ("service", "assessment"):
                return kind, why  # type: ignore[return-value]
        if own_subject is not None and reading.passive and self._done(verb) \
                and own_subject.tag_.startswith("NN"):
            # "needs a sensory profile completed", "a CIN plan put in place": what is to be
            # done is the thing asked for
            kind, why = self.need_shaped(own_subject)
            if kind in ("service", "assessment"):
                return kind, why  # type: ignore[return-value]
        if own_subject is not None and reading.passive and own_subject.tag_.startswith("NN") \
                and not self._owned(own_subject) and not self._routine(verb):
            # "needs sessions run by the youth service": what a service is to run for the
            # person is that service; "her medication given by the nurse" is her own care
            agent = self._agent(verb)
            if agent is not None and lemma(agent) not in self.person_head and \
                    not self._person(agent) and self.service_shaped(agent)[0] == "service":
                return "service", (f"\"{_np_text(own_subject)}\" {verb.text} by "
                                   f"\"{_np_text(agent)}\" is a service")
        if own_subject is not None:
            subject_lemma = lemma(own_subject)
            if (subject_lemma in self.universal_noun or subject_lemma in ("need", "needs")
                    or self._quality(own_subject)  # "well-being" read as "well - being"
                    # "his sense of belonging": what alone asks for an aim, only upheld
                    or (own_subject.tag_.startswith("NN")
                        and self.judge_phrase(own_subject)[0] == "universal")
                    or self._right_to_good(own_subject)
                    or self._honoured(own_subject, verb)) \
                    and reading.passive and self._in(forms, self.universal_passive) \
                    and not self._specific_extras(verb):
                return "universal", (f"asks for {own_subject.text} to be {verb.text}: an aim "
                                     "every child shares")
            provided = not reading.passive and (
                ((self.need_shaped(own_subject)[0] == "service" or (
                    lemma(own_subject) in self.person_head and self._role(own_subject))) and (
                    any(c.dep_ == "det" and c.lower_ in ("a", "an", "some", "another")
                        for c in _kids(own_subject))
                    or (own_subject.tag_ == "NNS" and not any(  # "bespoke strategies to"
                        c.dep_ in ("det", "poss") for c in _kids(own_subject)))))
                or self._from_service(own_subject) is not None)
            if provided and self._in(forms, self.assessment_passive):
                # "needs an OT to assess his handwriting": a professional brought in to
                # find out
                return "assessment", (f"\"{_np_text(own_subject)} to {verb.text}\" asks "
                                      "for someone to find out")
            if not reading.passive and self._more_visits(verb, own_subject):
                return "service", (f"\"{_np_text(own_subject)} to {verb.text}\" more "
                                   "often asks for more of a service")
            if provided:
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
            if not reading.passive and self._carers_caring(own_subject, verb, forms):
                # "a loving family to support her through childhood": carers judged only by
                # how good they are, to do no more than care for the person
                return "universal", (f"\"{_np_text(own_subject)} to {verb.text}\" describes "
                                     "carers only by what every child needs of them")
            if not reading.passive and (
                    own_subject.lower_ in self.person_head or own_subject.tag_ in (
                        "NNP", "PRP") or lemma(own_subject) in self.person_head
                    or self.service_shaped(own_subject)[0]):
                return "specific", f"says what someone else needs to {base} for the person"
        kept = self._keeps_terms(verb)
        if kept is not None:
            return "service", (f"to {base} {_np_text(kept)} is keeping to the work's terms, "
                               "not what the person needs")
        # Universal: be/feel/stay + an aim adjective with nothing concrete.
        complement = self._complement(verb)
        joined = self._joined_service(verb, complement)
        if joined is not None:
            return "service", (f"\"{verb.text} {complement.text}\" with "
                               f"\"{_np_text(joined)}\" is using a service, not what the "
                               "person needs from it")
        if complement is not None and base in ("be", "feel", "stay", "remain", "grow",
                                               "live", "become", "keep", "get", "seem"):
            adjectives = [complement, *[c for c in _kids(complement) if c.dep_ == "conj"]]
            if all(a.lower_ in self.universal_adj for a in adjectives) and \
                    not self._specific_extras(verb, complement) and \
                    not any(self._harm_by_someone(a) for a in adjectives) and \
                    not self._thing_kept(verb, reading, own_subject):
                return "universal", (f"\"{complement.text}\" is an aim every child shares, "
                                     "with nothing said about what would make it so")
        if reading.passive and own_subject is None:
            judged = self._passive_service(verb, forms)
            if judged is not None:
                return judged
        passive_subject = own_subject if own_subject is not None else next(
            (c for c in _kids(verb) if c.dep_ == "nsubjpass" and c.tag_ not in (
                "PRP", "NNP", "NNPS") and not self._person(c) and not (
                    reading.holder is not None and not self._owned_thing(c, verb)
                    and reading.holder.start <= c.i < max(reading.holder.end,
                                                          reading.holder.start + 1))
                and not (c.is_title and c.i == sent_start(c))), None)  # not the holder
        if passive_subject is None or passive_subject.tag_ == "PRP":
            passive_subject = self._misread_owned(verb) or passive_subject
        if reading.passive and self._in(forms, self.universal_passive) \
                and not self._specific_extras(verb) and not self._agent_named(verb) and (
                    passive_subject is None or self._quality(passive_subject)
                    or self._generic_noun(passive_subject)):
            # not "her nightmares to be noticed": a particular thing of hers
            return "universal", f"\"to be {verb.text}\" is an aim every child shares"
        if base in ("be", "live", "stay", "grow") and complement is None and \
                not reading.passive and own_subject is None:
            place = next((g for c in _kids(verb) if c.dep_ == "prep" and c.lower_ in (
                "in", "at", "within") for g in _kids(c) if g.dep_ == "pobj"), None)
            if place is not None and lemma(place) in self.home_noun | self.place_noun and \
                    self.judge_phrase(place)[0] == "universal" and \
                    not self._specific_extras(verb, skip={place.head.i}):
                # "to be in a safe place", "to live in a loving home": the place is an aim
                return "universal", f"\"{_np_text(place)}\" is what every child needs"
        if base == "keep" and obj is not None and complement is not None and \
                complement.lower_ in self.universal_adj and not self._specific_extras(
                    verb, complement) and not self._thing_kept(verb, reading, own_subject):
            return "universal", "keeping someone safe is an aim, not what needs to change"
        if obj is not None and self._in(forms, self.goal_verb) and \
                lemma(obj) in self.universal_noun and not self._specific_mods(obj) and \
                not self._specific_beyond(verb, obj):
            return "universal", f"\"{obj.text}\" is an aim every child shares"
        if obj is not None and self._in(forms, self.having_verb) and \
                lemma(obj) in self.measure_noun and \
                self.judge_phrase(obj)[0] == "universal" and \
                not self._specific_beyond(verb, obj):
            # "to feel a sense of belonging", "to experience a feeling of safety": the
            # state felt is the aim
            return "universal", f"\"{_np_text(obj)}\" is an aim every child shares"
        if obj is not None and self._in(forms, self.goal_verb) and \
                lemma(obj) in self.home_noun and self.judge_phrase(obj)[0] == "universal" \
                and not self._specific_beyond(verb, obj):
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
                self.judge_phrase(obj)[0] == "universal" and \
                not self._specific_beyond(verb, obj):
            return "universal", f"\"{_np_text(obj)}\" is an aim every child shares"
        if obj is None and self._in(forms, self.universal_verb) and \
                not self._specific_extras(verb):
            return "universal", f"\"to {verb.text}\" is an aim every child shares"
        if base == "do" and any(c.lower_ in ("well", "better") for c in _kids(verb)) and \
                not self._specific_extras(verb):
            return "universal", "\"to do well\" is an aim every child shares"
        # Assessment: to be assessed, screened, seen by a professional.
        if obj is not None and not reading.passive and self._in(forms, self.sample_verb) \
                and self._noun_base(obj) & self.sample_noun and not self._owned(obj) and \
                not self._routine(verb):
            # "to provide breath and urine tests", "to take a DNA test": a test given or
            # undergone is a test asked for, whatever it is to show
            return "assessment", (f"to {base} {_np_text(obj)} asks for someone to find "
                                  "out")
        caused = self._caused_test(verb)
        if caused is not None:
            owned = caused.doc[caused.left_edge.i:caused.i + 1].text
            return "assessment", (f"\"{base} {owned} {caused.head.text}\" asks for someone "
                                  "to find out")
        if reading.passive:
            agent = self._agent(verb)
            if self._routine(verb):
                pass  # "needs his hearing aids checked each morning": care, not a test
            elif self._in(forms, self.assessment_passive) or (
                    base == "see" and agent is not None and self.service_shaped(agent)[0]):
                said = f"needs {verb.text}" if verb.tag_ == "VBG" else f"to be {verb.text}"
                return "assessment", f"\"{said}\" asks for someone to find out"
            sought = self._sought_assessment(verb)
            if sought is not None and own_subject is None:
                return "assessment", (f"\"to be {verb.text}\" for {_np_text(sought)}: a "
                                      "request to find out")
            moved_to = next((g for c in _kids(verb) if c.dep_ == "prep" and c.lower_ in (
                "to", "into", "onto", "on", "with") for g in _kids(c) if g.dep_ == "pobj"),
                None)
            if moved_to is not None and own_subject is None and (
                    lemma(moved_to) not in self.weak_service_head
                    or self._in(forms, self.joining_verb) or verb.lower_ in self.status_adj) \
                    and self.service_shaped(moved_to, governed=True)[0] == "service":
                # "to be linked with the men's group", "known to the Brackwell team": on a
                # service's books, whatever kind of service it is
                return "service", (f"\"to be {verb.text} to {_np_text(moved_to)}\" is a step "
                                   "in the work, not what the person needs")
            provider = self._agent(verb)
            if self._in(forms, self.service_passive) and not self._called(verb) and (
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
        taken = self._taken_up(verb)
        if taken is not None:
            kind, why = self.need_shaped(taken, governed=True)
            if kind in ("service", "assessment"):
                return kind, f"to take up {_np_text(taken)}: {why}"  # type: ignore[return-value]
        if obj is not None and self._in(forms, self.service_verb) and self._own_manner(verb):
            return "specific", (f"says how the person should manage to {base} it themselves")
        if obj is not None and self._in(forms, self.service_verb):
            obj = self._whole_of(obj)  # "the finance section of her skills assessment"
        if obj is not None and self._in(forms, self.service_verb) and \
                not self._position_in(obj):
            kind, why = self.need_shaped(obj, governed=True)
            if kind == "assessment" or lemma(obj) in self.assessment_head:
                return "assessment", f"\"{obj.text}\" is an assessment: {why or 'finding out'}"
            if kind:
                return "service", f"to {base} it: {why}"
            if self._attended_event(verb, obj):
                return "service", (f"to {base} {_np_text(obj)}: using a service, not what "
                                   "the person needs from it")
            companion = self._attended_with(verb, obj)
            if companion is not None:
                # "to attend the Tennick group with Quillan": the person named goes along;
                # what is attended is still a service
                return "service", (f"to {base} {_np_text(companion)}: using a service, "
                                   "with someone going along")

        if obj is None and self._in(forms, self.going_verb):
            # "to get to her appointments with the Harrowgate team": "get" takes its
            # object directly, so what it goes to is found here
            target = next((g for c in _kids(verb) if c.dep_ == "prep" and c.lower_ == "to"
                           for g in _kids(c) if g.dep_ == "pobj"), None)
            if target is not None and self._attended_event(verb, target):
                return "service", (f"to {base} to {_np_text(target)}: using a service, not "
                                   "what the person needs from it")
        shared = self._shared_object(verb, obj, forms)
        if shared is not None:
            return "service", f"to {base} {_np_text(shared)}: a service"
        if not self._in(forms, self.personal_verb) and (base not in self.direct_verb or any(
                c.dep_ == "prt" for c in _kids(verb))) and not (
                any(c.dep_ == "neg" for c in _kids(verb)) or self._in(forms, self.harm_verb)):
            # "to enrol on the Harbour Lights programme", "to link in with Womens Aid": a
            # verb of joining with a service as the object of its preposition; where harm
            # must stop ("not to be bullied at the youth club") is not what is asked for.
            for child in _kids(verb):
                if child.dep_ != "prep" or child.lower_ not in (
                        "on", "onto", "with", "to", "into", "at", "in", "for") or \
                        self._contrasted(child):
                    continue  # "instead of on a part-time timetable": what is not wanted
                target = next((g for g in _kids(child) if g.dep_ == "pobj"), None)
                if target is not None and self._position_in(target):
                    continue  # "at the centre of decisions": a position, not a service
                if child.lower_ in ("at", "in") and self._with_someone(verb):
                    continue  # "to see her dad at the family centre": where, not what
                if target is None or (lemma(target) in self.weak_service_head and not any(
                        c.dep_ in ("compound", "nmod") and c.tag_.startswith("NN")
                        and lemma(c) not in self.person_head for c in _kids(target))):
                    continue  # "to go to bed" is not a service; "to a youth club" is
                kind, why = self.need_shaped(target, governed=False)
                if kind:
                    return kind, why  # type: ignore[return-value]
        if own_subject is None and not reading.able:
            meant = self._aim_meant(verb)
            if meant is not None:
                return meant
        return "specific", f"says what the person needs to {base}"

    def judge_phrase(self, head: Any, need: Any = None) -> tuple[Category, str]:
        """Judge a noun phrase by its head and modifiers (``need``: the need verb, whose
        own modifiers may name a provider: "needs care | from midwifery services")."""
        base = lemma(head)
        if head.i > 1 and head.doc[head.i - 1].text == "-":
            joined = f"{head.doc[head.i - 2].text}-{head.text}".lower()
            if joined in self.universal_noun:
                base = joined  # "well-being" read as "well - being": one word
        aim = self._aim_phrase(head) or self._general_good(head, need)
        if aim:
            return "universal", aim
        if base in self.help_noun and not self._service_mods(head) and not any(
                c.dep_ == "prep" and c.lower_ in ("from", "by", "through", "via")
                for c in _kids(head)):
            purpose = next((c for c in _kids(head) if c.dep_ in ("acl", "relcl", "advcl")
                            and c.i > head.i and any(g.tag_ == "TO" for g in _kids(c))),
                           None)
            if purpose is not None and self._general_aim(purpose):
                # "support to thrive", "help to flourish at home and at school": help
                # toward an aim every child shares names neither a service nor a change
                return "universal", (f"\"{_np_text(head)}\" is help toward an aim every "
                                     "child shares")
        working = self._graded_working(head)
        if working is not None:
            # "hearing aids that work", "a wheelchair that fits him": the state of a
            # thing the person has or should have, not a provision asked for
            return "specific", (f"\"{_np_text(head)} that {working.text}\" says what is "
                                "wrong with a thing, concretely")
        parenting = self._parenting(head, need)
        if parenting:
            return "universal", parenting
        if self._noun_base(head) & (self.home_noun | self.carer_noun) and \
                self._enables_only_aims(head):
            # "parenting that enables him to meet his full potential", "a home which
            # allows her to thrive": care described only by the aims it serves
            return "universal", (f"\"{_np_text(head)}\" is described only by aims every "
                                 "child shares")
        if head.tag_ == "VBG" and head.lower_ in self.universal_noun:
            base = head.lower_  # "a sense of belonging": the noun, not "belong"
        if base in self.person_head and self._role(head) and (
                _bare(head) or self._only_general_after(head, need)):
            return "service", f"\"{_np_text(head)}\" is a role someone is given: a provision"
        if base in self.person_head and (self._dosed(head) or (
                need is not None and self._dosed(need, after=head.i))):
            return "service", (f"\"{_np_text(head)}\" for so many hours or sessions is "
                               "staffing: a provision")
        if base in self.person_head and self._from_service(head) is not None:
            return "service", (f"\"{_np_text(head)}\" is someone from "
                               f"\"{_np_text(self._from_service(head))}\": a provider")
        if base in self.person_head and self._noun_base(head) & self.carer_noun and any(
                c.dep_ == "relcl" for c in _kids(head)) and self._generic_noun(head):
            # "adults who keep her safe", "a family who will look after her": carers
            # described only by what every child's carers do
            return "universal", (f"\"{_np_text(head)}\" describes carers only by what "
                                 "every child needs of them")
        if base in self.person_head and self._noun_base(head) & self.carer_noun and (
                self._only_evaluated(head) or self._for_life(head)):
            # "a warm, stable and loving family", "consistent carers": carers judged
            # only by how good they should be, as "a stable home" is
            return "universal", (f"\"{_np_text(head)}\" describes carers only by what "
                                 "every child needs of them")
        if base in self.person_head and head.dep_ == "ROOT" and need is None and \
                self._only_evaluated(head):
            # "Safe and healthy children.", "Confident, settled teenagers.": a line naming
            # people only by states every child should be in asks for no one; it is the aim
            return "universal", (f"\"{_np_text(head)}\" names people only by states every "
                                 "child should be in")
        if base in self.person_head and not self._service_mods(head):
            return "specific", f"{PARTICULAR_PERSON}: \"{head.text}\""
        kind, why = self.need_shaped(head)
        if kind is None:
            # Coordinated phrases: "an Early Help Assessment and a TAC meeting".
            for other in head.conjuncts:
                if other.tag_.startswith("NN"):
                    kind, why = self.need_shaped(other)
                    if kind:
                        break
        if kind is None and base == "access" and any(
                c.dep_ == "prep" and c.lower_ == "to" and any(
                    g.dep_ == "pobj" and g.tag_.startswith("NN") and
                    lemma(g) not in self.person_head and not self._owned(g)
                    and lemma(g) not in self.universal_noun | self.abstract_noun
                    for g in _kids(c))
                for c in _kids(head)):
            # "access to a quiet room at lunchtime": a place or thing a setting grants.
            kind, why = "service", f"\"{_np_text(head)}\" is something a setting grants"
        if kind is None and base in self.access_noun:
            # "opportunities for social activities", "access to a sensory room": judge
            # what the access is to.
            for child in _kids(head):
                if child.dep_ == "prep" and child.lower_ in ("for", "to", "at", "in"):
                    target = next((g for g in _kids(child) if g.dep_ == "pobj"), None)
                    if target is not None:
                        found, why = self.need_shaped(target, governed=True)
                        if found:
                            kind = found
                            break
        if kind is None and (base in self.measure_noun or (
                head.tag_ == "NNS" and any(c.dep_ == "nummod" for c in _kids(head)))):
            # "a better quality of life", "a good standard of health", "six months of
            # therapy": judge the "of" (a counted amount is measured by what it is of).
            inner = self._of_object(head)
            if inner is not None and self._self_quality(inner):
                # "a sense of self-worth", "a level of self-belief": a quality of oneself,
                # as self-esteem is, with nothing said about what would show it
                return "universal", (f"\"{_np_text(head)}\" names a quality every child "
                                     "needs")
            if inner is not None and inner.dep_ == "pcomp" and inner.tag_ == "VBN" and any(
                    c.dep_ == "auxpass" for c in _kids(inner)) and self._in(
                    lemma_forms(inner), self.universal_passive) and \
                    not self._specific_extras(inner):
                # "a feeling of being loved": being loved, an aim every child shares
                return "universal", (f"\"{_np_text(head)}\" is an aim every child "
                                     "shares")
            if inner is not None:
                return self.judge_phrase(inner, need)
        if kind is None and need is not None and base not in self.person_head:
            provider = self._provider(need, after=head.i)
            if provider is not None:
                kind, why = "service", f"names help from \"{_np_text(provider)}\": a provider"
        if kind is None and need is not None:
            purpose = next((c for c in _kids(need) if c.dep_ == "advcl" and c.i > head.i
                            and any(g.tag_ == "TO" for g in _kids(c))), None)
            if purpose is not None and self._means_for(head, purpose):
                kind, why = "service", (f"\"{_np_text(head)}\" is a means brought in to "
                                        f"{purpose.text} something, not what the person needs")
        if kind is None and (base in self.service_head or self._professional(head)) and any(
                c.dep_ in ("relcl", "acl", "advcl") and c.i > head.i
                and any(g.tag_ == "TO" for g in _kids(c)) and self._finding_out(c)
                for c in _kids(head)):
            # "a clinic appointment to find out why he cannot hear": a provision whose only
            # purpose is finding out
            return "assessment", (f"\"{_np_text(head)}\" is to find out: a request for "
                                  "an assessment")
        if kind == "assessment":
            return "assessment", why
        if kind == "service":
            purpose = next((c for c in [*_kids(head), *(_kids(need) if need is not None
                                                        else [])]
                            if c.dep_ in ("relcl", "acl", "advcl") and c.i > head.i
                            and any(g.tag_ == "TO" for g in _kids(c))), None)
            if purpose is not None and ((
                    self._in(lemma_forms(purpose), self.assessment_passive)
                    and not any(c.dep_ == "prt" for c in _kids(purpose)))  # not "check in"
                    or self._finding_out(purpose)):
                # "a physiotherapist to assess his walking": brought in to find out
                return "assessment", (f"\"{_np_text(head)} to {purpose.text}\" asks for "
                                      "someone to find out")
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
        if self._broad_aim(head):
            return "universal", (f"\"{_np_text(head)}\" names a state every child needs, "
                                 "not what this person needs")
        if which and self._abstract(head) and not any(
                c.dep_ == "det" and c.lower_ in ("a", "an") for c in _kids(head)) and \
                not self._specific_mods(head):
            # "emotional resilience", "better behaviour", "independence": a quality every
            # child needs, with nothing said about when or what it would look like.
            return "universal", (f"\"{_np_text(head)}\" names a quality, not what this "
                                 "person needs")
        if base in self.home_noun and not adjectives and self._for_life(head):
            # "a home for life", "a family throughout her childhood": only how long every
            # child needs one
            return "universal", (f"\"{_np_text(head)}\" is what every child needs")
        if base in self.home_noun and not adjectives and any(
                c.dep_ == "relcl" and self._needs_met_clause(c) for c in _kids(head)) and \
                not self._specific_mods(head):
            # "parenting that meets his needs", "a home that meets her needs": only what
            # every child needs of it
            return "universal", (f"\"{_np_text(head)}\" is described only by what every "
                                 "child needs")
        clauses = [c for c in _kids(head) if c.dep_ in ("relcl", "acl") and c.i > head.i]
        if base in self.home_noun and not adjectives and clauses and all(
                self._aim_core(c) and self._general(c, skip={
                    k.i for k in _kids(c) if k.tag_ in ("WRB", "WDT", "WP")
                    or (k.dep_ == "nsubj" and k.tag_ == "PRP")}) for c in clauses) and all(
                k.dep_ in ("det", "relcl", "acl", "punct") or (
                    k.dep_ == "poss" and k.tag_ == "PRP$") for k in _kids(head)):
            # "a home where he feels safe", "a family in which she is loved": described
            # only by an aim every child's home serves
            return "universal", (f"\"{_np_text(head)}\" is described only by what every "
                                 "child needs")
        if base in self.home_noun and adjectives and evaluative and not self._specific_mods(
                head, allow_relcl_universal=True):
            return "universal", (f"\"{' '.join(a.text for a in adjectives)} {head.text}\" "
                                 "is what every child needs")
        # "an adequate and nutritious diet", "good socialisation": judged only by how
        # good it should be, with nothing said about what or when.
        if adjectives and any(a.lower_ in self.evaluative_adj for a in adjectives) and \
                not any(c.dep_ in ("compound", "nummod", "poss") and c.tag_ != "PRP$"
                        for c in _kids(head)) and not self._specific_mods(head) and \
                not self._concrete_thing(head) and not (
                    # a good of living is graded only by whether there is enough of it:
                    # "warm clothes", "new shoes" say what they are ("adequate clothing")
                    self._noun_base(head) & self.basic_good
                    and not any(a.lower_ in self.sufficient_adj for a in adjectives)):
            return "universal", (f"\"{_np_text(head)}\" says only how good it should be, "
                                 "not what this person needs")
        if self._graded_by_clause(head):
            # "home conditions that are at least good enough", "care which is safe and
            # consistent": a clause that only grades is an adjective said after the noun
            return "universal", (f"\"{_np_text(head)}\" says only how good it should be, "
                                 "not what this person needs")
        venue = self._entitled_at(head, need)
        if venue is not None:
            return "service", (f"\"{_np_text(head)}\" at \"{_np_text(venue)}\" is a way into "
                               "a provision: read by its head, whatever the place is called")
        meant = self._phrase_meant(head, need)
        if meant is not None:
            return meant
        if self._concrete_thing(head) or self._specific_mods(head) or any(
                c.dep_ in ("poss", "nummod") or (c.dep_ == "amod" and c.lower_ == "own")
                for c in _kids(head)):
            return "specific", f"{PARTICULAR_THING}: \"{head.text}\""
        # "closure", "a fresh start": nothing flagged, but nothing read as particular
        # either; the coach asks the framework's question rather than call it specific
        return "unknown", f"names no service, aim or assessment: \"{head.text}\""

    # ------------------------------------------------------------ read by meaning
    # Asked last, where the word classes found no service, aim or assessment and nothing
    # particular hangs on what is needed: only then do the meaning vectors speak.
    _MEANT_PHRASE_DEPS = frozenset({"det", "amod", "compound", "nmod", "cc", "conj",
                                    "punct", "hyph"})

    def _phrase_meant(self, head: Any, need: Any = None) -> tuple[Category, str] | None:
        """A noun phrase no list knows read by meaning ("a gym membership" is near
        provisions). Not a name, a possession, a count, a particular person or place, a
        clause on it, nor with anything said after it (a when, a why, a for whom) but
        the matter it is for ("a solicitor | for his asylum claim"), which is left out of
        what is compared: a provider named for a matter is still the provider."""
        topic = self._topic_after(head, need)
        if head.tag_ not in ("NN", "NNS") or self._person(head) or self._in(
                lemma_forms(head), self.problem_noun) or (
                topic is None and not self._plain_after(head, need)):
            return None  # "communication difficulties": what is wrong, not what is asked
        if need is None and any(
                c.dep_ == "amod" and c.lower_ not in self.evaluative_adj
                and c.lower_ not in self.universal_adj for c in _kids(head)):
            return None  # "Poor diet.": with no need word, a describing word describes
        for noun in (head, *head.conjuncts):
            if noun.tag_ not in ("NN", "NNS") or self._person(noun):
                return None
            for child in _kids(noun):
                if topic is not None and child.i == topic.i:
                    continue
                if child.dep_ not in self._MEANT_PHRASE_DEPS or child.lower_ == "own" or (
                        child.tag_ in ("NNP", "NNPS", "PRP", "PRP$", "CD")) or (
                        child.dep_ in ("compound", "nmod") and self._person(child)):
                    return None
        left_out = {t.i for t in topic.subtree} if topic is not None else set()
        words = [t for t in head.subtree if t.dep_ not in ("det", "punct")
                 and t.i not in left_out]
        meant = self._meant("phrase", words, _np_text(head))
        if topic is not None and (meant is None or meant[0] == "universal"):
            return None  # only a provider is still one when named for a matter
        return meant

    _TOPIC_PREPS = frozenset({"for", "about", "with", "on"})

    def _topic_after(self, head: Any, need: Any) -> Any:
        """The one preposition after a noun phrase that says only the matter it is for
        ("a solicitor | for his asylum claim", "a tutor | for maths"): a thing, not a
        person nor whom for, with nothing on it but determiners, possessives and the words
        before its noun, and nothing after it in the sentence; else None."""
        doc = head.doc
        preps = [c for c in [*_kids(head), *(_kids(need) if need is not None else [])]
                 if c.dep_ == "prep" and c.i > head.i]
        if len(preps) != 1 or preps[0].lower_ not in self._TOPIC_PREPS:
            return None
        prep = preps[0]
        objs = list(_kids(prep))
        if len(objs) != 1 or objs[0].dep_ != "pobj" or objs[0].tag_ not in ("NN", "NNS") or \
                self._person(objs[0]) or lemma(objs[0]) in self.person_head or any(
                    g.dep_ not in ("det", "poss", "amod", "compound", "nmod")
                    or lemma(g) in self.person_head for g in _kids(objs[0])):
            return None
        if prep.head.i != head.i and prep.head.i != (need.i if need is not None else -1):
            return None
        end = _trim(doc, prep.right_edge.i) + 1
        if end < sent_end(head) and any(t.is_alpha for t in doc[end:sent_end(head)]):
            return None
        if need is not None and any(
                c.dep_ in ("advcl", "ccomp", "xcomp", "npadvmod", "dative")
                and c.i > need.i for c in _kids(need) if not c.is_ancestor(head)):
            return None
        after_head = range(head.i + 1, prep.i)
        if any(doc[i].is_alpha for i in after_head):
            return None  # something between the noun and the matter
        return prep

    def _aim_meant(self, verb: Any) -> tuple[Category, str] | None:
        """An infinitive's verb phrase no list reads as an aim, read by meaning ("to thrive
        in the care of her grandparents" is near "to thrive"). Not a verb the lists know
        as something particular to do, understand or feel, nor with a when, a why or a
        condition on it, nor negated."""
        if not any(c.tag_ == "TO" for c in _kids(verb)):
            return None  # an infinitive only ("is becoming risky" describes, not asks)
        forms = lemma_forms(verb)
        if self._in(forms, self.personal_verb | self.mental_verb | self.insight_verb
                    | self.service_verb | self.care_verb | self.observe_verb):
            return None
        if any(t.dep_ in ("neg", "mark", "advcl", "ccomp") or t.lower_ in self.negators
               for t in verb.subtree if t.i != verb.i) or any(
                c.dep_ == "neg" for c in _kids(verb)):
            return None
        doc = verb.doc
        end = _trim(doc, verb.right_edge.i) + 1
        if end < sent_end(verb) and any(t.is_alpha for t in doc[end:sent_end(verb)]):
            return None  # something follows the clause: a when or a why, not read here
        words = [t for t in verb.subtree if t.i >= verb.i and not t.is_punct]
        return self._meant("aim", words, "to " + " ".join(t.text for t in words))

    def _plain_after(self, head: Any, need: Any) -> bool:
        """True when nothing but punctuation follows the noun phrase in its sentence and
        the need verb carries no clause of its own."""
        doc = head.doc
        end = _trim(doc, head.right_edge.i) + 1
        if end < sent_end(head) and any(t.is_alpha for t in doc[end:sent_end(head)]):
            return False
        return need is None or not any(
            c.dep_ in ("advcl", "ccomp", "xcomp", "prep", "npadvmod", "dative")
            and c.i > need.i for c in _kids(need) if c.i != head.i and not c.is_ancestor(head))

    def _meant(self, shape: str, words: list[Any], said: str) -> tuple[Category, str] | None:
        """What ``words`` (what is needed, less its determiners) are nearest in meaning,
        as a reading; None for a noun phrase every word of which that carries meaning is
        one the lists name ("a break": the lists judged it, and their silence there is a
        judgement). An aim is made of listed words ("reach", "goals") and is not held to
        this: the verb classes that make a clause particular are tested before."""
        if shape == "phrase" and all(
                not t.is_alpha or t.tag_ in ("DT", "CC", "IN", "TO", "PRP", "PRP$")
                or self._in(lemma_forms(t), self._listed) for t in words):
            return None
        text = " ".join(t.lower_ for t in words)
        near: Nearness | None = self.meaning.near(shape, text)  # type: ignore[arg-type]
        if near is None:
            return None
        if near.kind == "assessment":
            return "assessment", (f"read by meaning, as no word list holds it: \"{said}\" "
                                  f"is nearest to tests and checks such as "
                                  f"\"{near.exemplar}\"")
        if near.kind == "service":
            return "service", (f"read by meaning, as no word list holds it: \"{said}\" is "
                               f"nearest to provisions such as \"{near.exemplar}\"")
        return "universal", (f"read by meaning, as no word list holds it: \"{said}\" is "
                             f"nearest to aims every child shares, such as "
                             f"\"{near.exemplar}\"")

    # ------------------------------------------------------------ general goods
    # A noun phrase is an aim every child shares, whatever its head could otherwise name,
    # when it asks only for what every child is owed and says nothing particular: the
    # goods of an adequate standard of living (UNCRC articles 27 and 31), a chance to
    # grow or to be a child, parity with other children, freedom from harm of a kind, a
    # bond graded only by how good it should be, the move into adult life. Each is a
    # shape, not a list of phrases: the word classes say which heads and which words
    # only grade; anything more on the phrase (a when, a where, a whose, a what for)
    # leaves it to the rest of the reader.

    def _general_good(self, head: Any, need: Any = None) -> str:
        """Why the noun phrase headed by ``head`` is an aim every child shares by its
        shape (see above), else "" (``need``: the need verb, whose own "from ..." may be
        the phrase's: "needs freedom | from fear")."""
        if not head.tag_.startswith("NN") or head.dep_ == "compound":
            return ""
        base = self._noun_base(head)
        said = _np_text(head)
        if self._basic_goods(head):
            return (f"\"{said}\" is what every child is owed to live on, with nothing "
                    "said about what is missing")
        if base & self.chance_noun and self._chance_of_aim(head):
            return f"\"{said}\" is a chance every child needs, with nothing particular said"
        if base & (self.chance_noun | self.universal_noun | self.access_noun) and \
                self._parity(head):
            return (f"\"{said}\" asks only for what other children have: an aim every "
                    "child shares")
        if base & (self.universal_noun | self.chance_noun) and self._free_of_harm(head, need):
            return f"\"{said}\" is protection every child needs from harm of any kind"
        if base & self.bond_noun and self._graded_bond(head, need):
            return (f"\"{said}\" says only how good the bond should be, not what it "
                    "needs")
        if base & self.transition_noun and self._life_stage_move(head, need):
            return (f"\"{said}\" is the move every child makes, graded only by how "
                    "good it should be")
        return ""

    @staticmethod
    def _own_preps(head: Any, need: Any, words: tuple[str, ...]) -> list[Any]:
        """The prepositions ``words`` on ``head``; where the parser hung them on the need
        verb instead ("needs freedom | from fear", "needs a smooth transition | into adult
        life"), the need verb's after the head, when nothing else follows it there."""
        own = [c for c in _kids(head) if c.dep_ == "prep" and c.lower_ in words]
        if own or need is None or head.dep_ != "dobj" or head.head.i != need.i:
            return own
        after = [c for c in _kids(need) if c.i > head.i and c.dep_ != "punct"]
        if not after or any(c.dep_ != "prep" or c.lower_ not in words for c in after):
            return []  # something else said after it: a when, a where, a why
        return after

    def _entitled_at(self, head: Any, need: Any = None) -> Any:
        """The place a way into a provision is for ("a membership | at the local boxing
        gym", "a season ticket | for the leisure centre"), when that place is its only
        preposition and nothing else is said after it; None for a person, a home, a time,
        someone's occasion ("a ticket to his brother's wedding") or anything more."""
        if not head.tag_.startswith("NN") or self._person(head) or self._owned(head) or any(
                c.lower_ == "own" for c in _kids(head)):
            return None
        preps = self._own_preps(head, need, ("at", "for", "to", "with", "in", "on"))
        named = [c for c in _kids(head) if c.dep_ == "compound" and c.i < head.i]
        listed = bool(self._noun_base(head) & self.entitlement_noun)
        if not (listed or self._position_noun(head)):
            return None
        if not preps and listed and len(named) == 1 and named[0].tag_ in ("NN", "NNS") and not (
                self._person(named[0]) or self._noun_base(named[0]) & (
                    self.time_noun | self.generic_time | self.home_noun | self.place_noun)
                or _kids(named[0])) and all(
                c.dep_ in ("det", "compound", "punct") or (
                    c.dep_ == "amod" and c.lower_ in self.evaluative_adj)
                for c in _kids(head)) and self._plain_after(head, need):
            return named[0]  # "a gym membership", "a swimming pass"
        if len(preps) != 1 or any(c.i > head.i and c.i != preps[0].i and c.dep_ != "punct"
                                  for c in _kids(head)):
            return None
        objs = [g for g in _kids(preps[0]) if g.dep_ == "pobj"]
        if len(objs) != 1 or any(c.dep_ != "pobj" for c in _kids(preps[0])):
            return None
        venue = objs[0]
        if not venue.tag_.startswith("NN") or self._person(venue) or self._noun_base(venue) & (
                self.home_noun | self.place_noun | self.time_noun | self.generic_time):
            return None
        for token in venue.subtree:
            if token.i == venue.i:
                continue
            if token.dep_ == "poss" or token.dep_ in (
                    "relcl", "acl", "prep", "conj", "nummod", "appos") or (
                    token.tag_.startswith("NN") and token.tag_ not in ("NNP", "NNPS")
                    and self._person(token)):
                return None  # someone's, or more said of it
        doc = venue.doc
        end = _trim(doc, venue.right_edge.i) + 1
        if end < sent_end(venue) and any(t.is_alpha for t in doc[end:sent_end(venue)]):
            return None
        return venue

    def _position_noun(self, head: Any) -> bool:
        """A noun of holding a position in a body, made from the holder's name with
        "-ship" ("membership", "scholarship", "sponsorship"): a way into what the body
        provides, as a pass or a place is. A bond made with "-ship" is not ("friendship",
        "relationship": no holder's name under it)."""
        low = lemma(head)
        for suffix in self.bond_suffix:
            if low.endswith(suffix):
                stem = low[:-len(suffix)]
                return len(stem) > 3 and stem.endswith(self.agent_suffix) and not (
                    {stem} & (self.person_head | self.parent_noun))  # "partnership"
        return False

    def _grading_kids(self, noun: Any, extra: Collection[str] = (),
                      allow: Collection[int] = ()) -> bool:
        """True when nothing is on ``noun`` (but the children ``allow``) except a
        determiner, a possessive pronoun, coordination and adjectives that only grade
        (evaluative or aim adjectives, or ``extra``)."""
        for c in _kids(noun):
            if c.i in allow or c.dep_ in ("det", "cc", "punct", "conj", "hyph", "predet"):
                continue
            if c.dep_ == "poss" and c.tag_ == "PRP$":
                continue
            if c.dep_ in ("amod", "advmod", "compound", "nmod") and (
                    c.lower_ in self.evaluative_adj or c.lower_ in self.universal_adj
                    or c.lower_ in extra) and all(
                    g.dep_ in ("cc", "punct", "advmod") or (
                        g.dep_ == "conj" and (g.lower_ in self.evaluative_adj
                                              or g.lower_ in self.universal_adj
                                              or g.lower_ in extra))
                    for g in _kids(c)):
                continue
            return False
        return True

    def _basic_goods(self, head: Any) -> bool:
        """"adequate nutrition, shelter and clothing", "rest and leisure", "sufficient
        nourishment": two or more goods of living, or one graded by sufficiency, each
        bare or graded by sufficiency only ("warm clothes" is a concrete thing)."""
        listed = next((c for c in _kids(head) if c.dep_ == "appos" and c.i > head.i), None)
        if listed is not None and not self._noun_base(head) & self.basic_good and \
                self._basic_goods(listed) and all(
                    c.dep_ in ("det", "appos", "punct") or (
                        c.dep_ == "prep" and c.lower_ == "of" and all(
                            g.dep_ == "pobj" and self._noun_base(g) & self.universal_noun
                            and not _kids(g) for g in _kids(c)))
                    for c in _kids(head)):
            return True  # "the basics of care: food, shelter and clothing"
        nouns = [head, *[c for c in head.conjuncts if c.tag_.startswith("NN")]]
        if not all(self._noun_base(n) & self.basic_good for n in nouns):
            return False
        if len(nouns) == 1 and not _kids(head) and head.tag_ == "NN" and \
                head.lower_.endswith(("ment", "tion")):
            return True  # "nourishment", "nutrition": the good itself, not a thing
        if any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in _kids(head)) and \
                self._noun_base(head) & (self.spell_noun | self.respite_noun | {"play"}):
            return False  # "a rest", "a play": a spell of it, not the good
        if not all(self._grading_kids(n, extra=self.sufficient_adj, allow={
                c.i for c in _kids(n) if c.dep_ == "compound"
                and self._noun_base(c) & self.basic_good}) for n in nouns):
            return False
        graded = [c for n in nouns for c in _kids(n) if c.dep_ in ("amod", "advmod")]
        if not all(a.lower_ in self.sufficient_adj for a in graded):
            return False
        compounds = [c for c in _kids(head) if c.dep_ == "compound"]
        return len(nouns) + len(compounds) > 1 or bool(graded)

    def _chance_of_aim(self, head: Any) -> bool:
        """"opportunities to learn and grow", "the chance to be a child", "the freedom to
        be herself": a chance to reach an aim or to do what every child does, with
        nothing particular said of either."""
        clauses = [c for c in _kids(head) if c.dep_ in ("acl", "relcl") and c.i > head.i
                   and any(g.tag_ == "TO" for g in _kids(c))]
        if not clauses or not self._grading_kids(head, extra=self.parity_adj,
                                                 allow={c.i for c in clauses}):
            return False
        return all(self._general_aim(c) or self._bare_activity(c) or self._taking_part(c)
                   for c in clauses)

    def _taking_part(self, verb: Any) -> bool:
        """"to take part in a wide range of activities", "to play an active role at home
        and at school", "to join in": taking part in activities in general, graded only by
        how broad or active, and only where every child is. An object, a named activity
        or group, a person or a time says something particular ("to take part in the
        drama club", "to play football with his cousins")."""
        if not verb.tag_.startswith("VB"):
            return False
        base = lemma(verb)
        took = False
        for c in _kids(verb):
            if c.dep_ in ("aux", "cc", "punct") or c.i < verb.i:
                continue
            if c.dep_ == "prt" and c.lower_ == "in" and base in self.join_verb:
                continue
            if c.dep_ == "dobj" and base in ("take", "play") and not took and \
                    lemma(c) in self.part_noun and self._grading_kids(
                        c, extra=self.breadth_adj,
                        allow={g.i for g in _kids(c) if g.dep_ == "prep"}) and all(
                        self._everyday_prep(g) for g in _kids(c) if g.dep_ == "prep"):
                took = True
                continue
            if c.dep_ == "prep" and self._everyday_prep(c):
                continue
            if c.dep_ == "conj" and (self._taking_part(c) or self._bare_activity(c)):
                continue
            return False
        return took or base in self.join_verb

    def _everyday_prep(self, prep: Any) -> bool:
        """"in a wide range of activities", "at home and at school", "in school life":
        activities in general or a place every child is, graded only by breadth."""
        objs = [g for g in _kids(prep) if g.dep_ == "pobj"]
        if len(objs) != 1 or any(g.dep_ not in ("pobj", "cc", "conj", "punct")
                                 for g in _kids(prep)):
            return False
        if not all(p.lower_ in ("in", "at") for p in [prep, *prep.conjuncts]):
            return False
        for p in [prep, *prep.conjuncts]:
            for o in (g for g in _kids(p) if g.dep_ == "pobj"):
                for noun in [o, *o.conjuncts]:
                    if lemma(noun) in self.everyday_setting or noun.lower_ in \
                            self.everyday_setting:
                        if any(g.dep_ not in ("det", "cc", "conj", "punct")
                               and not (g.dep_ == "poss" and g.tag_ == "PRP$")
                               for g in _kids(noun)):
                            return False
                        continue
                    if not (noun.lower_ in self.activity_noun
                            or lemma(noun) in self.activity_noun):
                        return False
                    of = [g for g in _kids(noun) if g.dep_ == "prep"]
                    if not all(self._everyday_prep_of(g) if g.lower_ == "of"
                               else self._everyday_prep(g) for g in of):
                        return False  # "a range of activities", "activities at home"
                    if not self._grading_kids(noun, extra=self.breadth_adj | self.everyday_setting,
                                              allow={g.i for g in of}):
                        return False
        return True

    def _everyday_prep_of(self, prep: Any) -> bool:
        """"of activities" after "a wide range": activities in general, bare."""
        objs = [g for g in _kids(prep) if g.dep_ == "pobj"]
        return len(objs) == 1 and lemma(objs[0]) in self.activity_noun and \
            self._grading_kids(objs[0], extra=self.breadth_adj)

    def _professional_at_work(self, verb: Any, reading: NeedReading) -> Any:
        """The professional who is the subject of a plan-style line ("Family support
        workers to call round after school", "The youth offending officer to meet Kai"):
        a line about what a professional does states the service, whatever it is for.
        Only a noun that names a profession by its shape counts, with no possessive (the
        holder's own worker asked to do one concrete thing is read as before); parents,
        carers and the holder stay the holder. Returns that noun, else None."""
        if reading.form != "plan-style" or reading.passive:
            return None
        if verb.dep_ == "ROOT":
            # "dep": the parser's slip on a subject it does not know ("FSW | to help")
            subjects = [c for c in _kids(verb) if c.dep_ in ("nsubj", "dep") and c.i < verb.i]
        elif verb.dep_ in ("relcl", "acl") and verb.head.dep_ == "ROOT" and \
                verb.head.i < verb.i:
            subjects = [verb.head]  # the parser's slip: "officers | to visit" as a clause
        else:
            return None
        if len(subjects) != 1 or any(c.dep_ == "neg" for c in _kids(verb)):
            return None
        subject = subjects[0]
        if not self._professional(subject) or any(
                c.dep_ == "poss" for c in _kids(subject)):
            return None
        return subject

    def _finds_out(self, verb: Any) -> bool:
        """True when a professional's verb is itself finding out ("to assess", "to screen
        Kai for autism") or does an assessment ("to do a mood assessment", "to complete a
        parenting assessment"): the verbs are ``shape_assessment_active``, narrower than
        the passives (a worker "to check in", "to review the plan" is not a test)."""
        if self._in(lemma_forms(verb), self.assessment_active):
            return True
        obj = self._object_of(verb)
        return obj is not None and self._in(lemma_forms(verb), self.sample_verb) and \
            lemma(obj) in self.assessment_head

    def _whole_of(self, obj: Any) -> Any:
        """The whole a portion is of ("the first section of her Brindle assessment", "the
        last module of the course"): to complete a part of a piece of work is to take up
        that work, judged as the whole would be. Any other noun is returned as it is."""
        if lemma(obj) not in self.portion_noun and obj.lower_ not in self.portion_noun:
            return obj
        ofs = [c for c in _kids(obj) if c.dep_ == "prep" and c.lower_ == "of"]
        wholes = [g for p in ofs for g in _kids(p) if g.dep_ == "pobj"]
        return wholes[0] if len(ofs) == 1 and len(wholes) == 1 else obj

    def _graded_working(self, head: Any) -> Any:
        """The verb of a relative clause that grades a thing only by whether it works or
        fits ("hearing aids that work", "a buggy which fits in the car", "glasses that fit
        her properly"): a need for a thing in working order is concrete, whatever the
        thing is. Returns that verb, else None."""
        clauses = [c for c in _kids(head) if c.dep_ == "relcl" and c.i > head.i]
        if len(clauses) != 1 or lemma(clauses[0]) not in self.working_verb:
            return None
        verb = clauses[0]
        if not any(c.dep_ == "nsubj" and c.lower_ in ("that", "which") for c in _kids(verb)):
            return None
        if self._professional(head) or lemma(head) in self.person_head | self.help_noun:
            return None  # "a mentor that works with teenagers" is who, not what state
        if any(c.dep_ not in ("nsubj", "advmod", "punct")
               and not (c.dep_ == "dobj" and c.tag_ == "PRP") for c in _kids(verb)):
            return None  # "works with teenagers", "fits into the service": more is said
        return verb

    def _bare_activity(self, verb: Any) -> bool:
        """A verb of what every child does (play, learn, explore), and its coordinated
        verbs, with nothing on any of them: no object, place, time or person."""
        verbs = [verb, *[c for c in _kids(verb) if c.dep_ == "conj"]]
        for v in verbs:
            if not v.tag_.startswith("VB"):
                return False
            if not (self._in(lemma_forms(v), self.childhood_verb | self.universal_verb)
                    or (v.i != verb.i and self._general_aim(v))):
                return False
            if any(c.dep_ not in ("aux", "cc", "punct", "conj") for c in _kids(v)
                   if c.i != verb.i):
                return False
        return True

    def _peers(self, prep: Any) -> bool:
        """"as other children", "like her peers": a comparison with children in general,
        no one in particular."""
        if prep.lower_ not in ("as", "like", "to", "with"):
            return False
        objs = [g for g in _kids(prep) if g.dep_ == "pobj"]
        return bool(objs) and all(
            self._noun_base(o) & self.peer_noun and all(
                c.dep_ in ("det", "cc", "punct", "conj", "predet")
                or (c.dep_ == "poss" and c.tag_ == "PRP$")
                or (c.dep_ == "amod" and c.lower_ in ("other", "all", "any", "every",
                                                      "same-age", "typical"))
                for c in _kids(o)) and not o.conjuncts for o in objs)

    def _right_to_good(self, noun: Any) -> bool:
        """"his right to education", "her right to a family life": a right (a word of
        shape_right_noun) to what every child is owed, nothing particular said of it.
        "his right to see his dad" names a person and stays specific."""
        if not self._noun_base(noun) & self.right_noun:
            return False
        preps = [c for c in _kids(noun) if c.dep_ == "prep"]
        if len(preps) != 1 or preps[0].lower_ != "to" or any(
                c.dep_ not in ("det", "poss", "prep", "amod", "cc", "conj", "punct")
                and not (c.dep_ == "acl" and c.tag_ in ("VBN", "VBD"))  # "upheld"
                for c in _kids(noun)):
            return False
        goods = [g for g in _kids(preps[0]) if g.dep_ == "pobj"]
        return len(goods) == 1 and all(
            self._noun_base(g) & (self.basic_good | self.universal_noun | self.home_noun)
            and self._generic_noun(g) for g in [goods[0], *goods[0].conjuncts])

    def _peer_like(self, prep: Any) -> bool:
        """"like her peers", "as other children her age do": a comparison with children in
        general. A clause under the children may only say that they do it ("do", "can")
        and how old they are."""
        if prep.lower_ not in ("as", "like"):
            return False
        objs = [g for g in _kids(prep) if g.dep_ == "pobj"]
        if len(objs) != 1 or not self._noun_base(objs[0]) & self.peer_noun:
            return False
        for c in _kids(objs[0]):
            if c.dep_ in ("relcl", "acl") and lemma(c) in ("do", "be", "can", "have") and all(
                    t.i == c.i or (t.dep_ in ("poss", "aux", "nsubj", "npadvmod", "advmod")
                                   and (t.tag_ in ("PRP$", "PRP", "MD", "RB") or lemma(t) in (
                                       "age", "year", "do", "can"))) for t in c.subtree):
                continue  # "other children her age do"
            if c.dep_ in ("det", "cc", "punct", "predet") or (
                    c.dep_ == "poss" and c.tag_ == "PRP$") or (
                    c.dep_ == "amod" and c.lower_ in ("other", "all", "any", "every",
                                                      "same-age", "typical")):
                continue
            return False
        return True

    def _peers_do(self, clause: Any) -> bool:
        """"as his peers do", "like other children can": a clause of comparison whose
        subject is children in general and whose verb only says that they do it."""
        if lemma(clause) not in ("do", "be", "can", "have") or not any(
                c.dep_ == "mark" and c.lower_ in ("as", "like") for c in _kids(clause)):
            return False
        subject = next((c for c in _kids(clause) if c.dep_ == "nsubj"), None)
        return subject is not None and bool(self._noun_base(subject) & self.peer_noun) and all(
            c.dep_ in ("mark", "nsubj", "aux", "punct") for c in _kids(clause)) and all(
            c.dep_ in ("det", "predet") or (c.dep_ == "poss" and c.tag_ == "PRP$") or (
                c.dep_ == "amod" and c.lower_ in ("other", "all", "any", "every", "same-age",
                                                  "typical"))
            or (c.dep_ in ("npadvmod", "appos") and lemma(c) == "age")
            for c in _kids(subject))

    def _as_peers_do(self, verb: Any, obj: Any) -> Any:
        """The comparison when a clause asks only to do what children in general do ("to
        access the curriculum like her peers", "to take part in school life as other
        children her age do"): the comparison on the verb or its object, with the rest of
        the clause general (an aim word, a thing or setting in general), else None. A
        particular thing or person keeps it specific ("to ride her bike like her
        brother")."""
        # where every child goes ("in lessons", "at school"): no particular place
        everyday = [c.i for c in _kids(verb) if c.dep_ == "prep" and _kids(c) and all(
            g.dep_ == "pobj" and self._noun_base(g) & self.everyday_good and all(
                k.dep_ == "det" or (k.dep_ == "poss" and k.tag_ == "PRP$") for k in _kids(g))
            for g in _kids(c))]
        for prep in [c for c in _kids(verb) if c.dep_ in ("prep", "advcl")] + (
                [c for c in _kids(obj) if c.dep_ == "prep"] if obj is not None
                and obj.head.i == verb.i else []):
            if not (self._peer_like(prep) if prep.dep_ == "prep" else self._peers_do(prep)):
                continue
            if prep.head.i == verb.i:
                general = self._general(verb, skip=[prep.i, *everyday])
            else:
                general = self._general(verb, skip=[obj.i]) and (
                    self._generic_noun(obj, ignore=prep.i) or self._aim_word(obj) or (
                        bool(self._noun_base(obj) & self.everyday_good) and all(
                            c.i == prep.i or c.dep_ == "det" or (
                                c.dep_ == "poss" and c.tag_ == "PRP$")
                            for c in _kids(obj))))
            return prep if general else None
        return None

    def _parity(self, head: Any) -> bool:
        """"equal opportunities", "the same chances as other children": graded only by
        parity with children in general."""
        kids = _kids(head)
        if not any(c.dep_ == "amod" and c.lower_ in self.parity_adj for c in kids):
            return False
        compared = {c.i for c in kids if c.dep_ == "prep" and (self._peers(c) or (
            c.lower_ in ("to", "for") and all(
                g.dep_ == "pobj" and self._noun_base(g) & (self.basic_good | self.universal_noun)
                and self._grading_kids(g) for g in _kids(c))))}  # "equal access to education"
        for a in kids:
            if a.dep_ == "amod" and a.lower_ in self.parity_adj:
                compared |= {g.i for g in _kids(a) if g.dep_ == "prep" and self._peers(g)}
        return self._grading_kids(head, extra=self.parity_adj, allow=compared)

    def _free_of_harm(self, head: Any, need: Any = None) -> bool:
        """"protection from all forms of violence", "freedom from fear": kept from harm
        named only by its kind, by no one in particular."""
        froms = self._own_preps(head, need, ("from",))
        if len(froms) != 1 or not self._grading_kids(head, allow={froms[0].i}):
            return False
        if any(c.dep_ != "pobj" for c in _kids(froms[0])):
            return False
        target = next((g for g in _kids(froms[0]) if g.dep_ == "pobj"), None)
        while target is not None and (lemma(target) in self.measure_noun
                                      or lemma(target) == "form"):
            of = next((c for c in _kids(target) if c.dep_ == "prep" and c.lower_ == "of"),
                      None)  # "all forms of violence", "any kind of harm"
            if of is None or not self._grading_kids(target, allow={of.i}):
                return False
            target = next((g for g in _kids(of) if g.dep_ == "pobj"), None)
        return target is not None and self._harm_of_a_kind(target)

    def _graded_bond(self, head: Any, need: Any = None) -> bool:
        """"a positive relationship with his mum", "warm attachments to her carers": a
        bond graded only by how good it should be, with people named only by kin or role
        and nothing said about what the bond needs or when."""
        amods = [c for c in _kids(head) if c.dep_ == "amod"]
        if not amods or any(a.tag_ in ("JJR", "RBR") or a.lower_.endswith("er")
                            for a in amods):
            return False  # "a better relationship with her mum": a change in this one
        withs = self._own_preps(head, need, ("with", "to", "between"))
        for prep in withs:
            objs = [g for g in _kids(prep) if g.dep_ == "pobj"]
            if not objs or any(c.dep_ not in ("pobj",) for c in _kids(prep)):
                return False
            for o in [*objs, *[c for g in objs for c in g.conjuncts]]:
                if not (self._noun_base(o) & (self.person_head | self.parent_noun
                                              | self.child_noun | self.peer_noun
                                              | self.carer_noun) or o.tag_ == "PRP"):
                    return False
                if self._role(o) or any(c.dep_ not in ("det", "poss", "cc", "conj", "punct")
                                        or (c.dep_ == "poss" and c.tag_ != "PRP$")
                                        for c in _kids(o)):
                    return False  # "a mentor", "his mum's partner": someone particular
        return self._grading_kids(head, allow={p.i for p in withs})

    def _life_stage_move(self, head: Any, need: Any = None) -> bool:
        """"a successful transition to adulthood", "a positive move into adult life": the
        move every child makes, graded only by how good it should be."""
        amods = [c for c in _kids(head) if c.dep_ == "amod"]
        tos = self._own_preps(head, need, ("to", "into"))
        if not tos:  # "transition to adult life" parsed as an apposition after "to"
            tos = [c for c in _kids(head) if c.dep_ == "appos" and c.left_edge.i > 0 and (
                c.doc[c.left_edge.i].lower_ in ("to", "into")
                or c.doc[c.left_edge.i - 1].lower_ in ("to", "into"))]
        if not amods or len(tos) != 1:
            return False
        objs = [tos[0]] if tos[0].dep_ == "appos" else [
            g for g in _kids(tos[0]) if g.dep_ in ("pobj", "appos")]
        if len(objs) != 1 or not self._noun_base(objs[0]) & self.life_stage or any(
                (c.dep_ not in ("det", "poss", "compound", "amod")
                 and not (c.dep_ == "aux" and c.lower_ in ("to", "into"))) or (
                    c.dep_ in ("compound", "amod") and c.lower_ not in ("adult", "independent",
                                                                         "grown-up"))
                for c in _kids(objs[0])):
            return False
        to_word = {tos[0].left_edge.i - 1} if tos[0].dep_ == "appos" else set()
        return self._grading_kids(head, extra=("smooth", "seamless", "gradual"),
                                  allow={tos[0].i} | {
            c.i for c in _kids(head) if c.i in to_word or (
                c.dep_ == "aux" and c.i + 1 == tos[0].left_edge.i)})

    def _enables_only_aims(self, head: Any) -> bool:
        """True when every clause on a noun of care or carers only lets the person reach
        an aim ("parenting that enables him to meet his full potential", "carers who help
        her to thrive") and nothing else on it is particular. Why: what the care is for,
        when that is what every child's care is for, says nothing of this person."""
        clauses = [c for c in _kids(head) if c.dep_ in ("relcl", "acl") and c.i > head.i]
        if not clauses:
            return False
        for clause in clauses:
            if self._needs_met_clause(clause):
                continue
            if not self._in(lemma_forms(clause), self.enabling_verb | {"allow", "let"}):
                return False
            inner = [c for c in _kids(clause) if c.dep_ in ("xcomp", "ccomp", "advcl")]
            if len(inner) != 1 or not self._general_aim(inner[0]) or any(
                    c.dep_ not in ("nsubj", "dobj", "xcomp", "ccomp", "advcl", "aux",
                                   "punct") or (c.dep_ in ("nsubj", "dobj") and not (
                                       c.tag_ in ("PRP", "WDT", "WP") or self._bare_name(c)))
                    for c in _kids(clause)):
                return False
        return all(c.dep_ in ("det", "relcl", "acl", "punct") or (
            c.dep_ == "poss" and c.tag_ == "PRP$") or (
            c.dep_ in ("amod", "compound") and self._aim_word(c)) for c in _kids(head))

    def _graded_by_clause(self, head: Any) -> bool:
        """True for a noun whose relative clauses only grade it ("conditions that are at
        least good enough", "care which is safe and consistent") and whose other modifiers
        are general (an article, a setting word, an aim adjective): judged only by how
        good it should be. A thing one can hand over ("a bed that is clean") or anyone
        named is left to the other tests."""
        clauses = [c for c in _kids(head) if c.dep_ == "relcl"]
        if not clauses or self._concrete_thing(head) or head.tag_ not in ("NN", "NNS") or \
                self._noun_base(head) & (self.person_head | self.service_head):
            return False
        for clause in clauses:
            if lemma(clause) not in ("be", "remain", "stay", "feel"):
                return False
            comp = next((c for c in _kids(clause) if c.dep_ == "acomp"), None)
            if comp is None or not all(
                    a.lower_ in self.evaluative_adj or a.lower_ in self.universal_adj
                    for a in [comp, *comp.conjuncts]):
                return False
            for child in [*_kids(clause), *[g for a in [comp, *comp.conjuncts]
                                              for g in _kids(a)]]:
                if child is comp or child.dep_ in ("cc", "conj", "punct", "aux") or (
                        child.dep_ in ("nsubj", "nsubjpass") and child.tag_ == "WDT"):
                    continue
                if child.dep_ == "advmod" and all(
                        t.lower_ in self.grading_word or t.tag_ in ("RBS", "RBR", "IN")
                        or t.lower_ in ("least", "very", "quite", "always")
                        for t in child.subtree):
                    continue  # "at least", "always", "enough"
                return False
        return all(c.dep_ in ("det", "relcl", "punct") or (
            c.dep_ == "compound" and lemma(c) in self.generic_place | self.home_noun) or (
            c.dep_ == "amod" and self._aim_word(c)) for c in _kids(head))

    def _noun_tagged_adjective(self, token: Any) -> bool:
        """True for a word the tagger read as an adjective that WordNet knows only as a
        noun ("needs osteopathy" is often tagged JJ): a rare noun after "needs" is read as
        what it is."""
        return token.tag_ == "JJ" and token.lower_ not in self.wordnet_adjective and (
            token.lower_ in self.wordnet_service or token.lower_ in self.wordnet_assessment
            or token.lower_ in self.wordnet_aim)

    def _broad_aim(self, head: Any) -> bool:
        """True when the whole of what is needed is a bare noun (or bare nouns joined by
        "and") for a good state or feeling in WordNet's class (:meth:`_wordnet_classes`)
        that no list names: "needs serenity", "needs tranquillity and companionship".
        Anything more (a determiner, a modifier, a clause, "with her dad") makes it
        something particular, so it is left to the other rules."""
        items = [head, *head.conjuncts]
        if not any(lemma(t) in self.wordnet_aim or t.lower_ in self.wordnet_aim
                   for t in items):
            return False
        for item in items:
            if (item.tag_ != "NN" and not self._noun_tagged_adjective(item)) or not (
                    {lemma(item), item.lower_} & self._aim_nouns):
                return False
            if any(c.dep_ not in ("cc", "conj", "punct") for c in _kids(item)):
                return False
        return all(t.is_punct for t in head.doc[max(t.i for t in items) + 1:sent_end(head)])

    def _parenting(self, head: Any, need: Any = None) -> str:
        """Why a phrase names only the parenting every child needs ("appropriate
        supervision", "guidance and boundaries"), else "": parenting nouns, graded at most,
        with no provider, nothing after them, and asked for someone who is not a parent
        (for a parent, "guidance" is help from someone else)."""
        items = [head, *head.conjuncts]
        if not any(self._noun_base(t) & self.parenting_noun for t in items) or not all(
                self._noun_base(t) & (self.parenting_noun | self.universal_noun)
                and t.tag_ in ("NN", "NNS") for t in items):
            return ""
        for item in items:
            for child in _kids(item):
                if child.dep_ in ("cc", "conj", "punct") or (
                        child.dep_ == "poss" and child.tag_ == "PRP$"):
                    continue
                if child.dep_ == "amod" and (child.lower_ in self.evaluative_adj
                                             or child.lower_ in self.universal_adj):
                    continue
                if child.dep_ == "prep" and child.lower_ == "from" and self._own_carers(child):
                    continue  # "guidance and boundaries from her parents": still parenting
                return ""  # "a weekly supervision", "guidance from the school nurse"
        doc = head.doc
        last = max(t.right_edge.i for t in items)
        if need is not None:
            last = max(last, need.i)
            if any(c.i > last for c in _kids(need) if not c.is_punct and not (
                    c.dep_ == "prep" and c.lower_ == "from" and self._own_carers(c))):
                return ""  # "needs supervision | when he is near water"
            holder = next((c for c in _kids(need) if c.dep_ in SUBJECT_DEPS), None)
            if holder is not None and (self._noun_base(holder) & self.parent_noun or any(
                    self._noun_base(c) & self.parent_noun for c in holder.conjuncts)):
                return ""
        carers = {t.i for owner in [*items, *([need] if need is not None else [])]
                  for c in _kids(owner) if c.dep_ == "prep" and c.lower_ == "from"
                  and c.i > head.i and self._own_carers(c) for t in c.subtree}
        if not all(doc[i].is_punct or i in carers for i in range(last + 1, sent_end(head))):
            return ""
        return f"\"{_np_text(head)}\" is the parenting every child needs, not a service"

    def _own_carers(self, prep: Any) -> bool:
        """True when a preposition's objects are only the holder's carers in general ("from
        her parents", "from his mum and dad", "from the adults who look after him"): the
        parenting they give is what every child needs of them, not help from a service."""
        objs = [g for g in _kids(prep) if g.dep_ == "pobj"]
        objs += [c for o in objs for c in o.conjuncts]
        return bool(objs) and all(
            self._noun_base(o) & (self.parent_noun | self.carer_noun) and
            self._generic_noun(o) and not self._role(o) for o in objs)

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
        if base in self.assessment_head or low.split("-")[-1] in self.assessment_head:
            return "assessment", f"\"{head.text}\" asks for an assessment"
        if base in self.person_head or head.tag_ in ("PRP", "PRP$", "WP"):
            return None, ""
        if first_dep(_kids(head), ("compound",), words=("self",)) is not None:
            return None, ""  # "self care": something the person does, not a provision
        if base in self.universal_noun and base not in self.help_noun | self.service_head \
                and any(c.dep_ == "compound" for c in _kids(head)) and all(
                    lemma(c) in self.generic_place | self.home_noun
                    for c in _kids(head) if c.dep_ == "compound"):
            return None, ""  # "placement stability": stability, of a setting
        before = [c for c in _kids(head) if c.i < head.i]
        mods = before + [g for c in before for g in c.conjuncts]
        named = any((c.dep_ in ("compound", "nmod") and c.tag_.startswith("NN")
                     and c.lower_ not in self.evaluative_adj)  # "good quality care"
                    or (c.dep_ in ("amod", "conj") and (
                        lemma(c) in self.provision_mod or c.lower_ in self.provision_mod
                        or c.tag_ == "NNP"))
                    or (c.dep_ == "poss" and self._kind_owner(c)) for c in mods)
        proper = head.is_title and head.i > sent_start(head) and head.tag_.startswith("NNP")
        if base not in self.service_head and low in self.service_head:
            base = low  # "funding" read as a verb form: the noun is what is listed
        if base in self.weak_service_head and self._setting_replaced(head, before):
            return "service", (f"\"{_np_text(head)}\" asks for a move to another "
                               "setting: a placement")
        if self._setting_moved(head):
            return "service", (f"\"{_np_text(head)}\" asks for a move to another "
                               "setting: a placement")
        if base in self.service_head:
            weak = base in self.weak_service_head
            # "a plan, agreed with Gran, for ..." and "the course he started" say which
            # one, concretely; "a safety plan", "the Zorin group", "a Team Around the
            # Family" name a provision.
            # a plan of a kind asked for is the work's own record, whether or not a
            # word names which ("a 504 plan", "a plan for money management"), unless a
            # clause says which one ("a plan agreed with Gran"); a bare "a plan" is
            # left alone (the parse may have lost what follows it)
            plan = base in self.plan_head and not any(
                c.dep_ in ("relcl", "acl") for c in _kids(head)) and any(
                c.dep_ in ("nummod", "compound", "amod", "nmod") or (
                    c.dep_ == "prep" and c.lower_ == "for") for c in _kids(head))
            if (not weak or proper or ((named or plan)
                                       and not self._content_mods(head))) and not (
                    governed and any(c.dep_ in ("relcl", "acl") and c.i > head.i
                                     for c in _kids(head))):
                return "service", f"\"{_np_text(head)}\" names a service or provision"
        if self._professional(head) or (self._agent_noun(head) and _bare(head)):
            return "service", f"\"{_np_text(head)}\" names a professional"
        if self._named_title(head):
            return "service", f"\"{_np_text(head)}\" is the name of a programme or service"
        title = self._title_run(head)
        if title:
            return "service", f"\"{title}\" is the name of a programme or service"
        if head.tag_.startswith("NN") and not self._abstract(head) and \
                base not in self.universal_noun and any(
                c.dep_ in ("amod", "compound", "nmod") and c.i < head.i
                and c.lower_ in self.provider_mod for c in _kids(head)):
            return "service", f"\"{_np_text(head)}\" is delivered by an organisation"
        if self._formal_record(head):
            return "service", (f"\"{_np_text(head)}\" is a formal plan of provision, not "
                               "what the person needs")
        if head.is_title and head.tag_ in ("NN", "NNS") and head.i > sent_start(head) and any(
                c.dep_ == "compound" and c.is_title for c in before):
            # "Womens Aid", "Home Start": a capitalised common noun in a name is the name
            # of an organisation (people's names are proper nouns throughout).
            return "service", f"\"{_np_text(head)}\" names an organisation"
        if self._acronym(head):
            return "service", f"\"{head.text}\" names a service or organisation"
        if base in self.statute_noun and any(c.dep_ == "nummod" and c.like_num
                                             for c in _kids(head)):
            return "service", (f"\"{_np_text(head)}\" names a statutory process, not what "
                               "the person needs")
        if base in self.place_noun and not self._home_space(head) and (
                self._place_named(mods) or any(
                c.dep_ == "prep" and c.lower_ in ("at", "in", "on", "with", "within")
                for c in _kids(head))):
            return "service", f"\"{_np_text(head)}\" asks for a place: a provision"
        run_by = None if self._owned(head) else self._provided_by(head)
        if run_by is not None:
            return "service", (f"\"{_np_text(head)}\" is provided by "
                               f"\"{_np_text(run_by)}\": a service")
        staff = None if self._owned(head) else self._staffed(head)
        if staff is not None:
            return "service", (f"\"{_np_text(head)}\" with \"{_np_text(staff)}\" is a "
                               "staffed place: a placement")
        provider = None if self._owned(head) else self._provider(head)
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
            if clause is None and base in self.help_noun:
                # "help to say goodbye": the parser may hang the infinitive as a complement
                clause = next((c for c in _kids(head) if c.i > head.i and c.dep_ == "xcomp"
                               and c.tag_ == "VB" and any(g.tag_ == "TO" for g in _kids(c))),
                              None)
            if clause is None and base in self.help_noun:
                # "help getting dressed", "support finding a school place": an -ing
                # clause says what the help is for, as "help to get dressed" does
                clause = next((c for c in _kids(head) if c.i > head.i and c.tag_ == "VBG"
                               and c.dep_ in ("acl", "xcomp", "advcl")), None)
            if clause is not None:
                reached = self._help_reaching(head) if base in self.help_noun else None
                if reached is not None:
                    return "service", f"help to reach a service: \"{_np_text(reached)}\""
                # "support to visit the benefit office" is a service; "help to manage her
                # anger" says what the person needs to do.
                obj = self._object_of(clause)
                if obj is not None and lemma_forms(clause)[0] in self.service_verb and \
                        self.service_shaped(obj, governed=True)[0]:
                    return "service", f"help to reach a service: \"{_np_text(obj)}\""
                if base not in self.help_noun:
                    # "training to meet Leo's needs": a provision, whatever it is for; only
                    # help itself says what must change ("help to manage her anger")
                    return "service", f"\"{_np_text(head)}\" names a provision"
                if self._help_at_work(head, clause):
                    return "service", (f"\"{_np_text(head)}\" is help to do something: the "
                                       "work, not what must change")
                return None, ""
            if base in self.help_noun and self._help_with_activity(head):
                return "service", (f"\"{_np_text(head)}\" is help in an area of life, not "
                                   "what must change")
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

    def _only_evaluated(self, head: Any) -> bool:
        """True when a noun's only modifiers are evaluative adjectives (and an article):
        "a warm, stable and loving family", not "a foster family", "her own family" or
        "a family who speaks Polish"."""
        adjectives = [c for c in _kids(head) if c.dep_ == "amod"]
        adjectives += [g for a in adjectives for g in _kids(a) if g.dep_ == "conj"]
        if not adjectives or any(c.dep_ not in ("amod", "det", "punct", "cc")
                                 or (c.dep_ == "det" and c.lower_ not in ("a", "an"))
                                 for c in _kids(head) if c not in adjectives):
            return False
        return all((a.lower_ in self.evaluative_adj or a.lower_ in self.universal_adj
                    or self._aim_word(a)) and all(
                        g.dep_ in ("advmod", "conj", "cc", "punct") for g in _kids(a))
                   for a in adjectives)  # not "carers available at weekends"

    def _for_life(self, head: Any) -> bool:
        """True when a noun's only modifiers are an article and a "for" or "throughout"
        of a lifetime ("a home for life", "a family throughout childhood")."""
        found = False
        for child in _kids(head):
            if child.dep_ == "det" and child.lower_ in ("a", "an", "the"):
                continue
            if child.dep_ == "prep" and child.lower_ in ("for", "throughout") and \
                    child.i > head.i:
                objs = [g for g in _kids(child) if g.dep_ == "pobj"]
                if len(objs) == 1 and lemma(objs[0]) in ("life", "childhood", "good") and \
                        all(g.dep_ in ("det", "poss") and g.lower_ in (
                            "the", "her", "his", "their", "its") for g in _kids(objs[0])):
                    found = True
                    continue
            return False
        return found

    def _position_in(self, noun: Any) -> bool:
        """True when ``noun`` is a position in something that is no service ("at the
        centre of decisions", "the heart of the family"): "the" and an "of" whose object is
        neither a service nor a name. "The centre of the Brindle hub" is the hub's."""
        if first_dep(_kids(noun), ("det",), words=("the",)) is None:
            return False
        for prep in _kids(noun):
            if prep.dep_ == "prep" and prep.lower_ == "of" and prep.i > noun.i:
                inner = next((g for g in _kids(prep) if g.dep_ == "pobj"), None)
                return inner is not None and inner.tag_ not in ("NNP", "NNPS") and \
                    self.need_shaped(inner, governed=True)[0] is None
        return False

    def _weighed_for(self, verb: Any, reading: NeedReading) -> Any:
        """The role someone is to be weighed up for ("to be considered as a carer", "to be
        explored as a placement for Ari"), else None: being considered for a role is an
        assessment of them. Being considered in decisions is being heard."""
        if not reading.passive or not self._in(lemma_forms(verb), self.weigh_verb):
            return None
        for prep in _kids(verb):
            if prep.dep_ == "prep" and prep.lower_ == "as":
                role = next((g for g in _kids(prep) if g.dep_ == "pobj"), None)
                if role is not None and not self._noun_base(role) & self.child_noun and (
                        self._noun_base(role) & self.carer_noun - {"adult", "adults"}
                        or lemma(role) in self.place_noun
                        or lemma(role) in ("placement", "option", "resource", "guardian",
                                           "adopter", "parent")):
                    return role
        return None

    def _taken_up(self, verb: Any) -> Any:
        """What a phrasal verb of taking up is taken up ("take up | the offer of | a
        place", "make use of | the drop-in"), else None; an offer or other measure is
        judged by what it is of."""
        if not self._in(lemma_forms(verb), self.uptake_verb):
            return None
        words = {c.lower_ for c in _kids(verb) if c.dep_ in ("prt", "dobj", "prep")}
        if not words & self.uptake_word:
            return None
        target = None
        for child in _kids(verb):
            if child.dep_ == "dobj" and lemma(child) == "use":
                target = self._of_object(child)
            elif child.dep_ == "dobj" and any(c.dep_ == "prt" and c.lower_ == "up"
                                             for c in _kids(verb)):
                target = child
            elif child.dep_ == "prep" and child.lower_ in ("of", "on", "up"):
                target = next((g for g in _kids(child) if g.dep_ == "pobj"), target)
        if target is not None and lemma(target) in self.measure_noun:
            target = self._of_object(target) or target
        return target

    def _joined_service(self, verb: Any, complement: Any) -> Any:
        """The service a state of joining is with ("to remain engaged with her support
        worker", "to stay linked in with the health visitor"), else None: a copular verb
        whose complement is the participle of a verb of joining, with a service after its
        preposition. Why: the participle says only that the person uses the service, as
        "to engage with" does."""
        if complement is None or lemma(verb) not in ("be", "remain", "stay", "keep",
                                                     "become", "get"):
            return None
        if not (self._in(lemma_forms(complement), self.joining_verb)
                or complement.lower_ in self.status_adj) or \
                complement.tag_ not in ("JJ", "VBN"):
            return None
        for prep in _kids(complement):
            if prep.dep_ == "prep" and prep.lower_ in ("with", "to", "in", "into", "on"):
                target = next((g for g in _kids(prep) if g.dep_ == "pobj"), None)
                if target is not None and lemma(target) not in self.person_head and \
                        target.tag_ != "PRP" and target.lower_ not in _people_names() and \
                        not (target.tag_ in ("NNP", "NNPS") and not self._acronym(target)
                             and not _kids(target)) and \
                        self.need_shaped(target, governed=True)[0] == "service":
                    return target  # not "engaged with Pim when he talks": a person
        return None

    @staticmethod
    def _self_quality(noun: Any) -> bool:
        """True for a "self-" word with nothing else said ("self-worth", "self-belief",
        read as "self - worth"): a quality of oneself."""
        doc = noun.doc
        return noun.i >= 2 and doc[noun.i - 1].text == "-" and \
            doc[noun.i - 2].lower_ == "self" and not any(
                c.dep_ in ("prep", "relcl", "acl") for c in _kids(noun))

    def _sought_setting(self, noun: Any) -> bool:
        """True when ``noun`` is a setting a service finds for someone ("a nursery", "new
        accommodation", "a school place"), not one of the person's own ("her school", "his
        own flat"): finding it is the work of a service, whatever the setting is for."""
        if any(c.dep_ == "poss" for c in _kids(noun)) or any(
                c.dep_ == "amod" and c.lower_ == "own" for c in _kids(noun)):
            return False
        return lemma(noun) in self.sought_setting or noun.lower_ in self.sought_setting or \
            lemma(noun) in self.place_noun

    def _more_visits(self, verb: Any, subject: Any) -> bool:
        """True when a professional is asked only to visit, see or call more often ("his
        social worker to visit more often", "the health visitor to see Mum weekly"):
        more of a service, with nothing said about what for. A visit with a purpose ("to
        visit him at Gran's to talk about the move") says what the person needs."""
        if not self._in(lemma_forms(verb), self.visit_verb) or not (
                self._professional(subject) or self.service_shaped(subject)[0] == "service"):
            return False
        graded = False
        for child in _kids(verb):
            if child.dep_ in ("aux", "neg") or child.i < verb.i:
                continue
            if child.dep_ == "advmod" and (child.lower_ in self.frequency_word or any(
                    g.lower_ in self.frequency_word for g in _kids(child))):
                graded = True
                continue
            if child.dep_ == "npadvmod" and child.lower_ in self.frequency_word:
                graded = True
                continue
            if child.dep_ == "dobj" and (child.tag_ in ("NNP", "PRP") or self._person(child)) \
                    and not _kids(child):
                continue  # whom: the holder or a parent
            if child.dep_ == "punct":
                continue
            return False
        return graded

    def _provided_by(self, head: Any) -> Any:
        """The service a thing is run, delivered or offered by ("the groups run by the
        leaving care service", "sessions delivered by the Brackwell team"), else None: a
        participle whose agent is a service makes what it describes that service's.
        People ("games run by his brother") are not a service."""
        for clause in _kids(head):
            if clause.dep_ == "acl" and clause.tag_ == "VBN" and clause.i > head.i:
                agent = self._agent(clause)
                if agent is not None and self._business_name(agent):
                    return agent  # "the Saturday club run by Barnardo's"
                if agent is not None and lemma(agent) not in self.person_head and (
                        not self._person(agent) or (
                            agent.tag_ in ("NNP", "NNPS") and not _named_owner(agent))) \
                        and self.service_shaped(agent)[0] == "service":
                    return agent  # "run by the Brannoch Trust"
        return None

    @staticmethod
    def _business_name(noun: Any) -> bool:
        """A name in the possessive with nothing after it to own ("Barnardo's", "St
        Quessa's"): it names a place or an organisation, never a person, who would be
        named bare ("run by Tom") or by what is theirs ("run by Tom's mum")."""
        return noun.tag_ in ("NNP", "NNPS") and noun.dep_ == "pobj" and any(
            c.dep_ == "case" and c.lower_ in ("'s", "’s", "'") for c in _kids(noun))

    def _staffed(self, head: Any) -> Any:
        """The staff a place is asked for with ("a residential home with waking night
        staff", "a flat with a support worker"), else None: a staffed place is a
        placement, whatever else it is."""
        if lemma(head) not in self.home_noun | self.place_noun | self.sought_setting:
            return None
        for prep in _kids(head):
            if prep.dep_ == "prep" and prep.lower_ == "with" and prep.i > head.i:
                for obj in [g for g in _kids(prep) if g.dep_ == "pobj"]:
                    if lemma(obj) in self.staff_noun or obj.lower_ in self.staff_noun or \
                            self._professional(obj):
                        return obj
        return None

    def _help_at_work(self, head: Any, clause: Any) -> bool:
        """True for help or support asked for to do something, with no one named to give
        it: an -ing clause ("help filling in the benefit forms", "support finding a flat")
        or, for the words of ``shape_work_to_noun``, an infinitive ("support to go back to
        college"). Why: every labelled row of these shapes is a service (eval/README.md,
        Labelling guide): the help is the work and the thing to do is the need behind it.
        Help "to" do something is split in the labels and stays the reader's to judge;
        help from a particular person ("help from Gran", "his dad's help") is a personal
        arrangement. Aims are judged before this ("support to flourish")."""
        base = lemma(head)
        if base not in self.help_given or _given_by_someone(_kids(head)):
            return False
        return clause.tag_ == "VBG" or base in self.work_to_noun

    def _help_heading(self, verb: Any) -> bool:
        """True for a plan fragment headed by help with something (or around it:
        ``help_area_prep``) or with doing it, or by support to do it ("Help with energy
        bills.", "Help getting dressed.", "Support to attend college."), which the tagger
        reads as an imperative verb with no object.
        Why: as in a sentence with "needs" (:meth:`_help_at_work`, rule service-help-with),
        every labelled row of these shapes is a service."""
        if verb.i != 0 or lemma(verb) not in self.help_given or any(
                c.dep_ in ("dobj", "nsubj", "dative", "ccomp") for c in _kids(verb)):
            return False
        return any((c.dep_ == "prep" and c.lower_ in self.help_area_prep)
                   or (c.tag_ == "VBG" and c.dep_ in ("xcomp", "acl", "advcl"))
                   or (lemma(verb) in self.work_to_noun and c.tag_ == "VB"
                       and c.dep_ in ("xcomp", "advcl") and any(
                           g.tag_ == "TO" for g in _kids(c)))
                   for c in _kids(verb) if c.i > verb.i)

    def _help_with_activity(self, head: Any) -> bool:
        """True for help "with" an activity named by a gerund ("support with finding new
        accommodation", "help with running the household", "advice with applying for a
        college place"): help in an area, as "help with her housing" is. Why: the gerund
        names what the help is about, not a change in the person (for help, support and
        assistance, every labelled row says so: the Labelling guide in eval/README.md);
        help from a named person ("help from Gran with ...") is a particular
        arrangement."""
        kids = _kids(head)
        if _given_by_someone(kids) or any(c.dep_ in ("relcl", "acl") for c in kids):
            return False
        for prep in kids:
            if prep.dep_ == "prep" and prep.lower_ == "with" and prep.i == head.i + 1:
                gerund = next((g for g in _kids(prep) if g.dep_ == "pcomp"
                               and g.tag_ == "VBG"), None)
                if gerund is None:
                    continue
                if lemma(head) in self.help_given:
                    # "help with running the household", "support with finding new
                    # accommodation": help with doing something is the work, whatever it
                    # is (every labelled row of this shape is a service: the Labelling
                    # guide in eval/README.md)
                    return True
                if not any(c.dep_ not in ("prt", "neg", "punct") for c in _kids(gerund)):
                    return True  # "help with budgeting": an area of life
                # "support with finding new accommodation", "advice with applying for a
                # college place": help to reach a provision; "help with getting the
                # twins to school on time" says what must change
                target = self._object_of(gerund)
                return target is not None and \
                    self._in(lemma_forms(gerund), self.seek_verb | {"apply"}) and (
                        self._sought_setting(target)
                        or self.need_shaped(target, governed=True)[0] == "service")
        return False

    def need_shaped(self, head: Any, governed: bool = False) -> tuple[str | None, str]:
        """:meth:`service_shaped`, and the provision shapes a need's noun phrase shows
        (:meth:`_provision_shape`). Why only for needs: an outcome that a child "will use
        a calming strategy" says what the child does; a need for one asks for a means."""
        if lemma(head) in self.access_noun:
            sought = self._sought_assessment(head)
            if sought is not None:  # "a referral for an ADHD assessment"
                return "assessment", (f"\"{_np_text(head)}\" is for "
                                      f"\"{_np_text(sought)}\": finding out")
        kind, why = self.service_shaped(head, governed)
        if kind is None:
            shape = self._provision_shape(head)
            if shape:
                return "service", shape
            return self._broad_class(head)
        return kind, why

    _REASON_WORDS = frozenset({"so", "because", "when", "whenever", "while", "until",
                               "unless", "before", "after", "since", "if"})

    def _broad_class(self, head: Any) -> tuple[str | None, str]:
        """("service" | "assessment" | None, why) for a head noun no list names, by its
        WordNet class (:meth:`_wordnet_classes`): "a doula", "an audiogram", "a seminar
        on parenting". Only a common noun whose phrase says nothing of whose it is or
        what it is for: "her chaplain", "a nurse who speaks Polish", "a course he chose"
        and "a doula so she is not alone at the birth" say which one or what for, so
        they are left to the rules for particular needs."""
        if head.tag_ not in ("NN", "NNS") and not self._noun_tagged_adjective(head):
            return None, ""
        forms = {lemma(head), head.lower_}
        assessment = bool(forms & self.wordnet_assessment)
        if not assessment and not forms & self.wordnet_service:
            return None, ""
        if any(c.dep_ in ("poss", "relcl", "acl", "advcl") or (
                c.dep_ == "compound" and c.lower_ == "self") for c in _kids(head)) or \
                self._content_mods(head):
            return None, ""
        if any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in _kids(head)) \
                and any(c.i > head.i and any(g.tag_ == "TO" for g in _kids(c))
                        for c in _kids(head.head)):
            return None, ""  # "needs the midwife to explain the scan": a known person asked
        doc = head.doc
        end = sent_end(head)
        reason = next((i for i in range(head.i + 1, end)
                       if doc[i].lower_ in self._REASON_WORDS), None)
        if reason is not None and any(doc[j].tag_.startswith("VB")
                                      for j in range(reason + 1, end)):
            # "needs an interpreter at his review so he understands what is decided": what
            # it is for is said, and a class of noun is too little to overrule that
            return None, ""
        if assessment:
            return "assessment", f"\"{_np_text(head)}\" is a kind of assessment"
        return "service", (f"\"{_np_text(head)}\" is a kind of service, professional or "
                           "programme")

    # -------------------------------------------------------------- shape cues
    def _professional(self, head: Any) -> bool:
        low = head.lower_
        base = lemma(head)
        if base in self.not_professional or low in self.not_professional:
            return False
        if not head.tag_.startswith("NN"):
            return False
        if self.shorthand is not None:
            # "SW to visit weekly" is "social worker to visit weekly": judged spelled out
            term = self.shorthand.term_of(head.text)
            if term is not None:
                base = term.means.split()[-1]
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
        # help, or a noun made from a verb ("involvement", "visits"): what the provider does
        helped = lemma(head) in self.help_noun or self._action_noun(head) or (
            head.tag_.startswith("NN") and len(head.lower_) > 6
            and lemma(head).endswith(self.nominal_suffix))
        for child in _kids(head):
            if child.i > after and child.dep_ == "prep" and (child.lower_ in (
                    "from", "by", "through", "via", "at", "with") or (
                    child.lower_ == "of" and helped)):  # "involvement of the school nurse"
                for obj in _kids(child):
                    if obj.dep_ == "pobj" and (
                            lemma(obj) in self.service_head or self._professional(obj)
                            or self._acronym(obj) or (lemma(obj) in self.person_head
                                                      and self._role(obj))
                            or (helped and child.lower_ != "with"
                                and self._unknown_proper(obj))) and not (
                            lemma(obj) in self.weak_service_head and not any(
                                c.dep_ in ("compound", "amod", "nmod") for c in _kids(obj))):
                        return obj  # "from the Zorin team", not "at school"
        return None

    def _only_general_after(self, head: Any, need: Any = None) -> bool:
        """True when all that follows a noun phrase is a place or time in general ("a key
        adult in school", "a named worker at home"): said of a role, it says nothing about
        what for."""
        doc = head.doc
        general = {t.i for p in [*_kids(head), *(_kids(need) if need is not None else [])]
                   if p.dep_ == "prep" and p.i > head.i and self._general_prep(head, p)
                   for t in p.subtree}
        after = range(head.right_edge.i + 1, sent_end(head))
        return bool(general) and all(doc[i].is_punct or i in general for i in after)

    def _unknown_proper(self, noun: Any) -> bool:
        """A capitalised name that is no person's ("assistance from Citizens Advice",
        "input from Harbourside"): help from it comes from an organisation. False when
        the name lists cannot be read or know a word of it."""
        if not (noun.tag_.startswith("NNP") and noun.is_title) or \
                lemma(noun) in self.person_head or noun.lower_ in self.honorific:
            return False
        words = [t for t in noun.subtree if t.i <= noun.i and t.is_alpha and t.is_title]
        known = _known_names()
        return known is not None and not any(t.lower_ in known for t in words)

    def _causative(self, verb: Any) -> bool:
        """"To have a meal cooked for him", "to get her hair brushed": a causative verb
        whose object has a past participle of its own, so what is needed is done for the
        holder (the coach says "what Ryan needs to happen", not "needs to do"; found by
        walk11)."""
        if lemma(verb) not in self.causative_verb:
            return False
        for child in _kids(verb):
            if child.dep_ == "dobj" and any(g.tag_ == "VBN" and g.dep_ in ("acl", "amod")
                                            for g in _kids(child)):
                return True  # "have | a meal <- cooked"
            if child.dep_ in ("ccomp", "oprd") and child.tag_ in ("VBN", "VBD") and any(
                    g.dep_ == "nsubj" for g in _kids(child)):
                return True  # "get | his homework checked", read as a clause
        return False

    @staticmethod
    def _nominal_gerund(obj: Any) -> bool:
        """A word the parser hung on a preposition as a clause that reads as a noun: tagged
        a noun, or with a possessive or article of its own ("help with her drinking", "help
        with the shopping"), so it says an area of life, not a thing to do ("help with
        getting Ryan to school").

        Why (found by walk11): "Jade needs help with her drinking" read as specific, and
        the same words with a full stop were flagged as a service, because the parser took
        "drinking" for a clause only without the stop."""
        return obj.tag_.startswith("NN") or any(
            c.dep_ in ("poss", "det") for c in _kids(obj))

    def _content_mods(self, head: Any) -> bool:
        """True when the phrase says what it is for or with ("a plan for who collects the
        children", "a visit from her gran"), so an ordinary noun is not a service."""
        for child in _kids(head):
            if child.dep_ == "acl" and child.tag_ == "VBN" and self._done(child):
                continue  # "a plan put in place": that it is to be done, not what for
            if child.dep_ in ("relcl", "acl") and child.i > head.i:
                if child.dep_ == "acl" and self._aim_purpose(child):
                    continue  # "a care order to keep her safe": for an aim, no particular
                return True
            if child.dep_ == "prep" and child.i > head.i:
                if child.lower_ in ("about", "regarding", "concerning", "re"):
                    return True  # "the meeting about Jordan's exclusion": one event
                for obj in _kids(child):
                    if (obj.dep_ == "pcomp" and not self._nominal_gerund(obj)) or \
                            obj.tag_ in ("WP", "WRB", "WDT"):
                        return True
                    if child.lower_ == "for" and obj.dep_ == "pobj" and (
                            lemma(obj) in self.person_head or obj.tag_ in ("NNP", "PRP")) \
                            and not any(g.dep_ in ("relcl", "acl", "ccomp", "prep")
                                        for g in _kids(obj)):
                        continue  # "support for parents", "a safety plan for Jo": whom for
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
        kids = _kids(verb)
        infinitive = any(c.tag_ == "TO" for c in kids) and not any(
            c.dep_ in SUBJECT_DEPS for c in kids)
        # "so that he can care for the children": a purpose whose subject is a pronoun.
        purpose = any(c.dep_ == "mark" and c.lower_ in ("so", "that") for c in kids) and \
            any(c.dep_ == "nsubj" and c.tag_ == "PRP" for c in kids) and \
            any(c.tag_ == "MD" for c in kids)
        if not verb.tag_.startswith("VB") or not (infinitive or purpose):
            return False
        depth = getattr(_local, "aim_depth", 0)
        if depth > 2:
            return False
        _local.aim_depth = depth + 1
        try:
            if self._general_aim(verb):
                return True
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

    # ------------------------------------------------------------ general aims
    # An aim is universal when its predicate only grades or names an aim (thrive, improve
    # his literacy, be resilient, be accepted, care for the children) AND nothing
    # particular hangs on it: no concrete object, setting, occasion, person or condition.
    # Comparatives with no referent, superlatives, "in the long term", "now and in the
    # future", "family, school and community" are all still general.
    def _carers_caring(self, carers: Any, verb: Any, forms: tuple[str, ...]) -> bool:
        """True when carers judged only by how good they should be ("a secure and loving
        family") are to care for or support the person and nothing more: the verb's object
        is only the person (a pronoun or a name) and all else on it is general ("to
        support her through childhood and beyond"), not "to take her to football"."""
        if not carers.tag_.startswith("NN") or not self._noun_base(carers) & self.carer_noun \
                or not self._only_evaluated(carers) \
                or not self._in(forms, self.care_verb | self.means_verb):
            return False
        objects = [c for c in _kids(verb) if c.dep_ in ("dobj", "obj")]
        if len(objects) != 1 or not (objects[0].tag_ == "PRP" or self._bare_name(objects[0])):
            return False
        return self._general(verb, skip=[objects[0].i])

    def _general_aim(self, verb: Any, own_subject: Any = None) -> str:
        """Why the clause headed by ``verb`` is an aim with nothing particular said about
        it ("to be resilient and able to adapt to change", "to care for the children safely
        in the long term"), else ""."""
        depth = getattr(_local, "general_depth", 0)
        if depth > 3:
            return ""
        _local.general_depth = depth + 1
        try:
            if own_subject is None:  # a clause with its own subject: "X affects Y"
                own_subject = next((c for c in _kids(verb) if c.dep_ in SUBJECT_DEPS
                                    and c.tag_ != "PRP" and not self._person(c)), None)
            if own_subject is not None and not (
                    self._generic_noun(own_subject, ignore=verb.i)
                    or self._quality(own_subject)):
                return ""
            ranked = self._upheld(verb, own_subject) or (
                lemma(verb) in self.rank_verb and self._upheld(verb, next(
                    (c for c in _kids(verb) if c.dep_ == "dobj"), None))) or \
                self._people_first(verb)
            # "to put the children's needs first": ranked by the one who puts them
            skip = [c.i for c in _kids(verb) if ranked and c.lower_ in self.rank_word]
            if self._people_first(verb):  # the person ranked, by name, is no particular
                skip += [c.i for c in _kids(verb) if c.dep_ in ("dobj", "obj")]
            if self._in(lemma_forms(verb), self.care_verb):
                # the person cared for, by name, is no particular: "to protect Kayla"
                skip += [c.i for c in _kids(verb) if (
                    c.dep_ == "dobj" and self._bare_name(c)) or (
                    c.dep_ == "prep" and c.lower_ in ("for", "after") and _kids(c) and all(
                        g.dep_ == "pobj" and self._bare_name(g) for g in _kids(c)))]
            if not (self._aim_core(verb) or ranked) or not self._general(verb, skip=skip):
                return ""
        finally:
            _local.general_depth = depth
        doc = verb.doc
        words = doc[verb.left_edge.i:_trim(doc, verb.right_edge.i) + 1].text
        return f"\"{words}\" is an aim every child shares, with nothing particular said"

    @staticmethod
    def _bare_name(token: Any) -> bool:
        """A name with nothing on it but more of the name ("Kayla", "Kayla Rose")."""
        return token.tag_ in ("NNP", "NNPS") and all(
            c.dep_ == "compound" for c in _kids(token))

    def _aim_adverb(self, token: Any) -> bool:
        """An adverb made from an aim adjective ("safely", "happily", "securely")."""
        low = token.lower_
        if not low.endswith("ly") or len(low) < 5:
            return False
        stems = {low[:-2], low[:-3] + "y", low[:-2] + "e", low[:-1] + "e"}
        return bool(stems & self.universal_adj)

    def _filled_form(self, verb: Any, subject: Any) -> Any:
        """The letters no list knows that are to be completed or filled in ("initial SDQs
        to be completed", "her QRT filled in"), else None: what is completed under its
        initials is a questionnaire or measure (an organisation or a service is not
        filled in), so it asks for someone to find out. A listed acronym keeps its
        reading (the caller reads the lists after this only for unknown letters)."""
        if not self._in(lemma_forms(verb), self.fill_verb):
            return None
        for noun in [subject, *subject.conjuncts]:
            if self._acronym(noun) and noun.lower_.rstrip("s") not in self._listed and \
                    noun.lower_ not in self._listed and not self._in(
                        (lemma(noun), noun.lower_), self.service_head | self.assessment_head):
                return noun
        return None

    def _with_someone(self, verb: Any) -> bool:
        """True when the clause does something with a person of the holder's own, not a
        professional ("to see her dad", "to play with his brother"): a place it is done
        at ("at the family centre") is only the setting of that time together, so the
        place is not the service asked for; "to attend sessions at X" has no such person."""
        people = [c for c in _kids(verb) if c.dep_ in ("dobj", "obj")] + [
            g for c in _kids(verb) if c.dep_ == "prep" and c.lower_ == "with"
            for g in _kids(c) if g.dep_ == "pobj"]
        return any(self._person(p) and not self._professional(p) and (
            (p.tag_ in ("NN", "NNS") and any(c.dep_ == "poss" for c in _kids(p)))
            or (p.tag_ == "NNP" and not _kids(p)))  # not "Dr Okoro": a title is a post
                   and self.service_shaped(p)[0] is None for p in people)

    def _thing_kept(self, verb: Any, reading: NeedReading, own_subject: Any) -> bool:
        """True when what is to be kept so ("kept safe") is a thing, not the person: "his
        bike kept safe", "Orrin's medication to be kept safe" say what is to be done with
        something of theirs, where "to be kept safe" of the person is an aim. A quality or
        a thing in general ("his wellbeing", "his things") is still no particular thing."""
        if lemma(verb) != "keep" or not reading.passive:
            return False
        kept = own_subject if own_subject is not None else next(
            (c for c in _kids(verb) if c.dep_ == "nsubjpass"), None)
        if kept is None:
            return False
        return all(n.tag_ in ("NN", "NNS") and not self._person(n) and not self._quality(n)
                   and not self._generic_noun(n) and not self._noun_base(n) & (
                       self.universal_noun | self._aim_nouns)
                   for n in [kept, *kept.conjuncts])

    @staticmethod
    def _misread_owned(verb: Any) -> Any:
        """The noun of "her X" the parser split before a participle ("needs her hijab
        respected": "her" read as the subject, "hijab" as an adverb), else None: a word
        between the pronoun and the participle that is no adverb by form (no "-ly", no
        function word) is the thing of hers the need is about."""
        doc = verb.doc
        for c in _kids(verb):
            if c.dep_ in SUBJECT_DEPS and c.tag_ == "PRP" and c.lower_ == "her" \
                    and c.i + 1 < verb.i and doc[c.i + 1].head.i == verb.i:
                word = doc[c.i + 1]
                if word.tag_ in ("RB", "NN", "NNS", "JJ") and not word.is_stop \
                        and not word.lower_.endswith("ly"):
                    return word
        return None

    def _owned_thing(self, noun: Any, verb: Any) -> bool:
        """A thing someone named owns ("Orrin's inhaler", "Amira's hijab"): read as the
        holder of a plan-style need, it is still what the need is about, so a thing of
        theirs looked after, or honoured by someone named, is particular, where the person
        is not. Only honoured, with no one named ("Orrin's faith to be respected"), it is
        what the person is or believes, as ``_honoured`` reads it: an aim."""
        return noun.tag_ in ("NN", "NNS") and not self._person(noun) and any(
            c.dep_ == "poss" and c.tag_ in ("NNP", "NNPS") for c in _kids(noun)) and (
            self._agent(verb) is not None
            or not self._in(lemma_forms(verb), self.honour_verb))

    def _honoured(self, subject: Any, verb: Any) -> bool:
        """True when what the person holds as their own, named by bare nouns ("his culture
        and heritage", "her faith"), is only honoured ("respected", "valued") and nothing
        else hangs on the verb: a verb that only honours takes what a person is or
        believes, so whatever the noun, nothing is said about what anyone does. A noun of
        an aim joined to bare nouns of their own ("his identity and heritage promoted") is
        upheld by any verb of what every child is owed. Not "her faith respected by halal
        meals at school", nor a named or modified thing ("his Muslim faith")."""
        forms = lemma_forms(verb)
        if not any(c.dep_ == "poss" and c.tag_ == "PRP$" for c in _kids(subject)) or any(
                c.dep_ not in ("nsubj", "nsubjpass", "aux", "auxpass", "punct", "advmod")
                or (c.dep_ == "advmod" and not self._aim_word(c))
                for c in _kids(verb) if c.i != subject.i and c.i > subject.i):
            return False
        nouns = [subject, *subject.conjuncts]
        for noun in nouns:
            if noun.tag_ not in ("NN", "NNS") or any(
                    c.dep_ not in ("poss", "cc", "punct", "conj") and not self._of_aim(c, verb)
                    for c in _kids(noun)):
                return False
        if self._in(forms, self.honour_verb):
            return True
        return len(nouns) > 1 and self._in(forms, self.universal_passive) and any(
            self._noun_base(n) & self._aim_nouns or any(
                self._of_aim(c, verb) for c in _kids(n)) or self._quality(n, ignore=next(
                    (c.i for c in _kids(n) if self._of_aim(c, verb)), -1))
            for n in nouns)

    def _of_aim(self, prep: Any, verb: Any) -> bool:
        """True for an "of" naming only an aim ("sense | of belonging"), the participle
        the parse may have hung inside it aside."""
        words = [t for t in prep.subtree if t.i not in (prep.i, verb.i) and not t.is_punct]
        return prep.dep_ == "prep" and prep.lower_ == "of" and bool(words) and all(
            t.lower_ in self._aim_nouns or lemma(t) in self._aim_nouns for t in words)

    def _upheld(self, verb: Any, subject: Any) -> bool:
        """True when a quality every child has ("her welfare and best interests", "his
        identity") is only ranked or upheld ("to come first", "to be put first", "to be
        promoted"): nothing is said about what anyone does."""
        if subject is None or not all(
                (self._quality(s, ignore=verb.i) or self._noun_base(s) & self.universal_noun)
                and self._generic_noun(s, ignore=verb.i)
                for s in [subject, *subject.conjuncts]):
            return False
        forms = lemma_forms(verb)
        if self._in(forms, self.universal_passive) and any(
                c.dep_ == "auxpass" for c in _kids(verb)):
            return True
        return forms[0] in ("come", "put", "be", "go") and any(
            c.lower_ in self.rank_word or (
                c.dep_ == "prep" and c.lower_ in self.rank_prep
                and self._general_prep(verb, c))
            for c in _kids(verb))  # "to put his needs before her own"

    def _people_first(self, verb: Any) -> bool:
        """True when the clause only ranks people first ("to put the children first", "to
        put Ollie first"): putting a person before all else names nothing done, as
        "adults who put her first" does not; "to put the children to bed first" says
        what (the caller's ``_general`` reads what else hangs on the verb)."""
        if lemma(verb) not in self.rank_verb:
            return False
        objects = [c for c in _kids(verb) if c.dep_ in ("dobj", "obj")]
        return len(objects) == 1 and (
            objects[0].tag_ == "PRP" or self._bare_name(objects[0]) or (
                self._person(objects[0]) and self._generic_noun(objects[0]))) and any(
            c.lower_ in self.rank_word for c in _kids(verb))

    def _aim_core(self, verb: Any) -> bool:
        """True when the clause's own predicate names an aim or only grades: be/feel + an
        aim quality, a passive of what every child is owed, an aim verb, a change in a
        quality, caring for someone, having a share in something general."""
        if not verb.tag_.startswith(("VB", "JJ")):
            return False
        if verb.tag_.startswith("JJ"):  # a coordinated adjective ("... and able to X")
            return self._aim_complement(verb)
        forms = lemma_forms(verb)
        base = forms[0]
        kids = _kids(verb)
        passive = has_dep(kids, ("auxpass", "nsubjpass")) or (
            verb.tag_ == "VBN" and any((lemma(c) in ("be", "get") and c.dep_ in (
                "aux", "auxpass")) or c.dep_ == "nsubj" for c in kids))
        inner = self._aim_through(verb)
        if inner is not None:
            # "to have her wellbeing supported", "to show she can keep the children safe",
            # "to make sure the children are safe", "to know she is loved"
            return self._aim_core(inner)
        obj = comp = None
        for c in kids:  # loops, not next() over generators (see readings.first_dep)
            if c.dep_ in ("dobj", "attr", "oprd", "obj") and c.tag_.startswith(
                    ("NN", "JJ", "PRP", "VBG", "CD")):
                obj = c
                break
        for c in kids:
            if c.dep_ in ("acomp", "oprd") or (c.dep_ == "attr" and c.tag_.startswith("JJ")):
                comp = c
                break
        if comp is not None and base in ("be", "feel", "stay", "remain", "become", "grow",
                                         "seem", "keep", "get", "live", "look"):
            return self._aim_complement(comp)
        if comp is None and obj is None and base in ("be", "grow", "live", "stay",
                                                     "remain") and any(
                c.dep_ == "advmod" and self._aim_adverb(c) for c in kids):
            # "to remain at home safely", "to live securely": an aim said as the manner
            # of being somewhere
            return True
        if comp is None and obj is None and base in ("be", "grow", "live", "stay",
                                                     "remain") and any(
                c.dep_ == "prep" and c.lower_ == "without" and any(
                    g.dep_ == "pobj" and self._harm_of_a_kind(g) for g in _kids(c))
                for c in kids):
            return True  # "to live without fear", "to grow up without violence"
        if base in ("be", "become", "feel", "grow", "live", "stay", "remain") and any(
                c.dep_ in ("xcomp", "advcl") and self._aim_core(c) for c in kids):
            # "to grow up feeling loved, safe and respected", "to live free from abuse"
            return True
        if passive and (self._in(forms, self.universal_passive) or self._in(
                forms, self.aim_passive) or self._in(forms, self.care_verb)):
            return obj is None or self._aim_object(obj)  # "to be given a voice"
        if obj is None and (self._in(forms, self.universal_verb) or (
                base == "do" and any(c.lower_ in ("well", "better") for c in kids))):
            return True
        if obj is not None and base == "feel" and obj.tag_.startswith("NN"):
            return self._aim_complement(obj)  # "to feel part of her family"
        if obj is not None and base == "be" and self._being_oneself(obj):
            return True  # "to be herself", "to be a child"
        if obj is not None and base in ("be", "become") and lemma(obj) == "part":
            return self._aim_complement(obj)  # "to be part of her community"
        if obj is None and comp is None and not self._in(
                forms, self.personal_verb | self.service_verb | self.harm_verb) and any(
                c.dep_ == "conj" for c in kids) and all(
                c.dep_ in ("aux", "cc", "punct") or (
                    c.dep_ == "conj" and c.tag_.startswith("VB") and self._aim_core(c))
                for c in kids):
            return True  # "to enjoy and achieve": a bare verb joined to aims, an aim
        if obj is not None and obj.tag_ == "NNS" and not _kids(obj) and \
                self._noun_base(obj) & self.person_head and not self._in(
                    forms, self.service_verb | self.harm_verb) and any(
                c.dep_ == "conj" for c in kids) and all(
                c.dep_ in ("aux", "cc", "punct") or c.i == obj.i or (
                    c.dep_ == "conj" and c.tag_.startswith("VB") and self._aim_core(c))
                for c in kids):
            return True  # "to make friends and feel included": people in general, with
            # nothing said of who or where, joined to an aim
        if obj is not None and base in ("be", "become") and obj.tag_.startswith("NN"):
            return self._evaluative_role(obj) or self._aim_object(obj) or (
                lemma(obj) in self.person_head | {"parent", "adult", "member", "citizen",
                                                  "learner", "individual", "contributor"}
                and any(c.dep_ == "amod" and self._aim_word(c) for c in _kids(obj)))
        if obj is not None and (obj.tag_ in ("JJS", "RBS") or obj.lower_ in self.maximal_word) \
                and not any(c.tag_ in ("WRB", "WP", "WDT") for c in _kids(obj)) and \
                not self._share_of_thing(obj):
            return True  # "to be the best", "to get the most out of life"
        if obj is not None and self._in(forms, self.goal_verb | self.change_verb
                                        | self.universal_verb | {"take", "gain", "enjoy"}) \
                and self._aim_object(obj):
            # "to improve his literacy", "to have a voice", "to take responsibility"; not
            # "to manage her anxiety": a verb of coping with a problem says what to do
            return True
        if obj is not None and self._in(forms, self.goal_verb | self.change_verb) and \
                self._noun_base(obj) & self.generic_thing and any(
                    c.dep_ == "amod" and self._aim_word(c) for c in _kids(obj)) and \
                self._generic_noun(obj):
            return True  # "to make positive choices": graded only by how good
        if obj is not None and self._noun_base(obj) & self.universal_noun and not self._in(
                forms, self.personal_verb | self.service_verb | self.mental_verb) and \
                self._aim_object(obj):
            return True  # "to prioritise the children's needs": whatever is done, an aim
        if self._in(forms, self.care_verb):
            target = obj
            if target is None:
                target = next((g for c in kids if c.dep_ == "prep" and c.lower_ in (
                    "for", "after") for g in _kids(c) if g.dep_ == "pobj"), None)
            if target is None:
                return not any(c.dep_ in ("prep", "dobj", "xcomp", "ccomp") for c in kids)
            if target.lower_.endswith(("self", "selves")) and not _kids(target):
                return True  # "to protect himself", "to protect self"
            if self._bare_name(target):
                return True  # "to protect Kayla": a person by name, nothing particular
            return self._generic_noun(target) and (
                target.tag_ == "PRP" or lemma(target) in self.person_head)
        if base in self.aspect_verb | {"learn", "try", "strive", "aim", "choose", "want"}:
            # "to learn to take responsibility for his actions": judge what is learnt.
            inner = next((c for c in kids if c.dep_ == "xcomp"), None)
            if inner is not None:
                return self._aim_core(inner)
        if obj is None and base not in self.personal_verb:
            # "to respond to the children's changing needs over time", "to adapt to
            # change", "to engage more in learning": a verb whose only objects are aims or
            # things in general.
            targets = [g for c in kids if c.dep_ == "prep" for g in _kids(c)
                       if g.dep_ == "pobj"] + [c for c in kids if self._bare_thing(c)]
            aims = [t for t in targets if self._aim_object(t) or (
                self._noun_base(t) & self.generic_thing and self._generic_noun(t))]
            return bool(aims) and all(t in aims or (
                self._generic_noun(t) and t.tag_ != "PRP"
                and not self._noun_base(t) & self.person_head) for t in targets)
        return False

    def _share_of_thing(self, obj: Any) -> bool:
        """True when a superlative is an amount "of" something concrete ("most of the
        housework", "the bulk of the cooking"): a share of a particular task, not the
        best every child should reach. Why (found by colleagues): "needs to not be doing
        most of the housework", a young carer's need, read as an aim like "to be the
        best"."""
        for child in _kids(obj):
            if child.dep_ == "prep" and child.lower_ == "of":
                for noun in _kids(child):
                    if noun.dep_ == "pobj" and noun.tag_.startswith("NN") and not (
                            self._aim_object(noun) or self._noun_base(noun) & (
                                self.universal_noun | self.abstract_noun)):
                        return True
        return False

    def _being_oneself(self, obj: Any) -> bool:
        """"herself", "themselves", "a child", "a kid": to be oneself, or to be a child,
        with nothing said about what that would take."""
        kids = _kids(obj)
        if obj.tag_ == "PRP":
            return obj.lower_.endswith(("self", "selves")) and not kids
        return bool(self._noun_base(obj) & self.child_noun) and bool(kids) and all(
            c.dep_ == "det" and c.lower_ in ("a", "an") for c in kids)

    @staticmethod
    def _noun_base(noun: Any) -> set[str]:
        """The noun's lemma and its own spelling ("learning" is read as "learn")."""
        return {lemma(noun), noun.lower_}

    def _aim_through(self, verb: Any) -> Any:
        """The clause a verb only passes on, else None: what someone has done or gets done
        ("have her wellbeing supported"), shows or proves ("show she can keep them
        safe"), makes sure of ("make sure the children are safe"), or knows or feels of
        themselves ("know she is loved", "feel that he belongs")."""
        kids = _kids(verb)
        forms = lemma_forms(verb)
        if forms[0] == "make":
            sure = next((c for c in kids if c.lower_ == "sure"), None)
            kids = _kids(sure) if sure is not None else []
        inner = None
        for c in kids:  # a loop, not next() over a generator (see readings.first_dep)
            if c.dep_ == "ccomp" and c.tag_.startswith("VB"):
                inner = c
                break
        if inner is None:
            return None
        if forms[0] in ("have", "get", "make", "ensure", "guarantee") or self._in(
                forms, self.evidence_verb | {"prove"}):
            return inner
        if forms[0] in ("know", "feel", "believe") and any(
                c.dep_ in SUBJECT_DEPS and c.tag_ == "PRP" and c.lower_ not in ("it", "they")
                for c in _kids(inner)):
            return inner  # about themselves: "to know she is loved"
        return None

    def _aim_word(self, token: Any) -> bool:
        """A word that only grades or names a quality: an aim or evaluative adjective, a
        comparative or superlative with no "than" ("a better home", "the best"), or an
        adverb made from one ("safely", "consistently", "happily")."""
        low = token.lower_
        if low in self.universal_adj or low in self.evaluative_adj or \
                low in self.grading_word or low in self.aim_adj or low in self.abstract_mod:
            return True
        if token.tag_ in ("JJR", "JJS", "RBR", "RBS") and not any(
                c.lower_ == "than" for c in token.subtree):
            # "a better home", "the happiest she can be"; not "a cleaner home", "the
            # biggest bedroom": a property anyone could see
            return not _stems(low[:-3] if low.endswith("est") else low[:-2],
                              "est" if low.endswith("est") else "er") & self.concrete_adj
        if token.tag_.startswith(("VBN", "JJ")) and (
                self._in(lemma_forms(token), self.universal_passive | self.aim_passive)):
            return True  # "loved", "respected", "accepted"
        if token.dep_ == "amod" and low.endswith("ed") and token.head.i > token.i and \
                token.tag_ in ("VBN", "VBD", "JJ") and not _kids(token) and \
                self._of_change(token):
            # a participle of change before its noun ("increased self-esteem", "heightened
            # confidence"): says which way the quality should go, nothing particular
            return True
        if low.endswith("ly") and len(low) > 4 and token.tag_.startswith("RB"):
            stem = low[:-2]
            stems = {stem, stem + "e", stem[:-1] + "y" if stem.endswith("i") else stem,
                     stem[:-1] + "e" if stem.endswith("l") else stem}
            return any(s in self.universal_adj or s in self.evaluative_adj
                       or s in self.aim_adj for s in stems)
        return False

    def _aim_complement(self, comp: Any) -> bool:
        """A complement naming an aim with nothing particular: aim adjectives or
        participles ("loved, safe and respected"), "able to" an aim ("resilient and able to
        adapt to change"), a share in something general ("part of the community")."""
        for item in [comp, *comp.conjuncts]:
            if item.lower_ in ("able", "unable") and item.tag_.startswith("JJ"):
                inner = next((c for c in _kids(item) if c.dep_ == "xcomp"), None)
                if inner is None or not self._general_aim(inner):
                    return False
                continue
            if item.lower_ == "free" and item.tag_.startswith("JJ") and any(
                    c.dep_ == "xcomp" for c in _kids(item)):
                # "free to play", "free to be herself": a chance every child has, as
                # "the freedom to play" is
                inner = next(c for c in _kids(item) if c.dep_ == "xcomp")
                if not (self._general_aim(inner) or self._bare_activity(inner)) or any(
                        c.dep_ not in ("xcomp", "cc", "conj", "punct") for c in _kids(item)):
                    return False
                continue
            if item.tag_.startswith("NN"):
                if not (self._aim_object(item) or (lemma(item) in self.generic_thing
                                                   and self._generic_noun(item))):
                    return False
                continue
            if item.i != comp.i and item.tag_.startswith("JJ") and not _kids(item) and \
                    self._in(lemma_forms(item), self.universal_verb):
                continue  # "to be happy and thrive": the aim verb tagged as an adjective
            if not self._aim_word(item):
                return False
            if not self._general(item, skip={c.i for c in item.conjuncts}):
                return False  # "happy to go into nursery without crying"
        return True

    def _aim_object(self, noun: Any) -> bool:
        """A noun phrase naming an aim or a quality and nothing particular ("his literacy",
        "a voice", "positive relationships", "the good grades he is capable of")."""
        base = lemma(noun)
        if noun.tag_ in ("PRP", "NNP", "NNPS") or base in self.person_head:
            return False
        bases = self._noun_base(noun)
        listed = bool(bases & (self.aim_noun | self.universal_noun | self.abstract_noun))
        if bases & self.measure_noun:
            inner = self._of_object(noun)  # "a positive sense of identity"
            listed = listed or (inner is not None and inner.i > noun.i
                                and self._aim_object(inner))
        shaped = (self._quality_noun(noun) or base.endswith("acy")) and any(
            c.dep_ == "poss" or (c.dep_ == "amod" and self._aim_word(c))
            for c in _kids(noun))  # "his oracy", not "a licence" or "insurance"
        quality = listed or shaped or noun.tag_ in ("JJS", "RBS")
        return quality and self._generic_noun(noun)

    def _generic_noun(self, noun: Any, ignore: int = -1) -> bool:
        """A noun that names nothing in particular: a pronoun, the holder's own people
        ("the children", "his family"), a place or time in general ("school", "the long
        term"), a quality ("respect", "his mental health"), a thing in general ("change",
        "decisions that affect him"); its modifiers and conjuncts general too."""
        depth = getattr(_local, "generic_depth", 0)
        if depth > 4:
            return False
        _local.generic_depth = depth + 1
        try:
            return self._generic_noun_inner(noun, ignore)
        finally:
            _local.generic_depth = depth

    def _generic_noun_inner(self, noun: Any, ignore: int = -1) -> bool:
        base = lemma(noun)
        if noun.tag_ in ("PRP", "PRP$", "EX") or (
                noun.lower_ in ("self", "oneself") and not _kids(noun)):
            return True
        if noun.tag_ in ("NNP", "NNPS") or noun.tag_ == "CD":
            return False
        bases = self._noun_base(noun)
        person = bool(bases & self.person_head)
        if not (person or bases & (self.generic_place | self.generic_time | self.generic_thing
                                   | self.aim_noun | self.universal_noun | self.abstract_noun
                                   | self.measure_noun | self.generic_harm)
                or self._quality_noun(noun) or base.endswith("acy")
                or noun.tag_ in ("JJS", "RBS") or noun.lower_ in self.maximal_word):
            return False
        time = base in self.generic_time and base not in self.person_head
        harm = bool(bases & self.generic_harm)
        if harm and _named_owner(noun):
            return False  # "their father's violence": someone's harm
        for child in _kids(noun):
            dep = child.dep_
            if child.i == ignore:
                continue  # the clause this noun is the subject of
            if dep in ("det", "poss", "punct", "cc", "case", "predet") or (
                    dep == "aux" and child.tag_ == "TO"):
                continue
            if dep == "conj":
                if not self._generic_noun(child):
                    return False
                continue
            if harm and dep in ("amod", "compound") and not _kids(child):
                continue  # "domestic abuse", "sexual exploitation": harm of a kind
            if time and ((dep in ("amod", "compound", "advmod") and child.tag_.startswith(
                    ("JJ", "NN", "RB"))) or (dep in ("acl", "relcl") and not any(
                        c.dep_ not in ("aux", "mark") for c in _kids(child)))):
                continue  # "the long term", "adult life", "the years ahead/to come"
            if dep in ("amod", "advmod", "quantmod"):
                if person and bases & self.carer_noun and child.lower_ in self.carer_which:
                    continue  # "her main carer": which of her carers, no one in particular
                if self._aim_word(child) or child.lower_ in self.abstract_mod or (
                        child.tag_ == "VBG" and lemma(child) in self.change_verb | {
                            "change", "grow", "develop"}):
                    continue  # "his changing needs"
                return False
            if dep in ("compound", "nmod"):
                if not person and (lemma(child) in self.abstract_mod or (
                        child.tag_.startswith("NN") and self._generic_noun(child))):
                    continue  # "mental health", "home and family life"
                return False
            if dep == "prep" and person and bases & self.carer_noun and \
                    child.lower_ in ("around", "near", "in", "with") and all(
                        g.tag_ == "PRP" or (lemma(g) in self.generic_time and all(
                            k.dep_ == "poss" and k.tag_ == "PRP$" for k in _kids(g)))
                        for g in _kids(child) if g.dep_ == "pobj"):
                continue  # "the people around her", "the adults in his life"
            if dep == "prep":
                if person:
                    return False  # "the girls in her class": a particular group
                objs = [g for g in _kids(child) if g.dep_ == "pobj" or (
                    g.dep_ == "pcomp" and g.tag_ == "VBG" and all(
                        k.dep_ in ("cc", "conj") for k in _kids(g)))]
                if not objs or not all(self._generic_noun(o) for o in objs):
                    return False  # "a sense of belonging": the -ing word as a noun
                continue
            if dep in ("relcl", "acl"):
                if not person and self._self_referential(child):
                    continue
                if self._caring_clause(noun, child):
                    continue  # "the adults who care for her": her carers, whoever they are
                return False  # "her mum's partner, who has hit her": someone particular
            return False
        # "her mum's partner": someone particular
        return not (person and any(c.dep_ == "poss" and c.tag_ != "PRP$"
                                   for c in _kids(noun)))

    def _caring_clause(self, noun: Any, clause: Any) -> bool:
        """True when a relative clause on a carer noun says only that they care for the
        holder ("the adults who care for her", "the people who look after him"): the
        holder's carers in general, not anyone in particular."""
        if not self._noun_base(noun) & self.carer_noun:
            return False
        if not self._in(lemma_forms(clause), self.care_verb):
            # "adults who keep her safe", "parents who can meet her needs": carers
            # described only by an aim every child shares; "adults who put her first":
            # the person only ranked, as "her welfare to come first" is
            relative = any(c.dep_ in SUBJECT_DEPS and c.tag_ in ("WP", "WDT")
                           for c in _kids(clause))
            if relative and lemma(clause) in self.rank_verb and all(
                    (c.dep_ == "dobj" and c.tag_ == "PRP") or c.lower_ in self.rank_word
                    or c.dep_ in (*SUBJECT_DEPS, "aux", "neg")
                    or (c.dep_ == "advmod" and self._aim_word(c) and not _kids(c))
                    for c in _kids(clause)) and any(
                        c.lower_ in self.rank_word for c in _kids(clause)) and any(
                        c.dep_ == "dobj" for c in _kids(clause)):
                return not any(c.dep_ == "neg" for c in _kids(clause))
            return relative and self._aim_core(clause) and self._general(clause)
        for token in clause.subtree:
            if token.i == clause.i or (
                    token.dep_ in ("nsubj", "prep", "prt", "aux", "advmod")
                    and token.tag_ in ("WP", "WDT", "IN", "RP", "MD", "RB")):
                continue
            if token.dep_ in ("pobj", "dobj") and token.tag_ == "PRP":
                continue
            return False
        return True

    def _self_referential(self, clause: Any) -> bool:
        """A relative clause that says only whose or how much ("that affect him", "he is
        capable of", "it can be", "in which she lives and learns", "to live and grow")."""
        for token in clause.subtree:
            if token.i == clause.i:
                continue
            if token.tag_ in ("PRP", "PRP$", "WDT", "WP", "WP$", "WRB", "MD", "TO", "CC",
                              "DT") or token.is_punct:
                continue
            if token.dep_ in ("aux", "auxpass", "prep", "neg", "mark"):
                continue
            if token.lower_ in self.maximal_word or token.lower_ in self.grading_word:
                continue
            if token.dep_ == "conj" and (token.tag_.startswith("VB") or (
                    token.tag_ == "NNS" and token.head.tag_.startswith("VB"))) and not any(
                    c.dep_ in ("dobj", "prep", "advcl", "ccomp", "xcomp")
                    for c in _kids(token)):
                continue  # "lives and learns"
            if token.tag_.startswith("NN") and self._aim_object(token):
                continue  # "that affect his wellbeing"
            return False
        forms = lemma_forms(clause)
        # "that affect him", "he is capable of", "she deserves", "to live and grow"; not
        # "to read" or "who collects him": a verb of doing says what
        return self._in(forms, self.relative_verb | self.universal_verb)

    def _general(self, node: Any, skip: Collection[int] = ()) -> bool:
        """True when nothing particular hangs on ``node`` (a verb or an adjective): its
        objects, prepositions, adverbs and clauses are all general (see ``_generic_noun``,
        ``_aim_word``); coordinated verbs are general aims themselves."""
        for child in _kids(node):
            if child.i in skip or (child.i < node.i and child.dep_ in (
                    "npadvmod", "advmod", "dep", "nmod", "intj") and _namelike(child)
                                   and child.is_title):
                continue  # the holder of a plan-style need ("Lily to be ...")
            dep = child.dep_
            if dep in ("aux", "auxpass", "neg", "mark", "punct", "nsubj", "nsubjpass",
                       "expl", "det", "poss", "case") or (dep == "cc" and not _kids(child)):
                continue
            if dep == "prt":
                if child.lower_ in ("up", "after", "on"):
                    continue  # "grow up", "look after"
                return False
            if dep in ("dobj", "attr", "oprd", "obj", "dative"):
                if self._generic_noun(child) or self._aim_word(child) or (
                        child.tag_.startswith("JJ") and self._aim_complement(child)):
                    continue
                return False
            if dep == "acomp":
                if self._aim_complement(child):
                    continue
                return False
            if dep in ("prep", "agent"):
                if not (self._general_prep(node, child) or self._settings_only(child)):
                    return False
                continue
            if dep in ("advmod", "npadvmod"):
                if (self._aim_word(child) or lemma(child) in self.generic_time or
                        child.lower_ in ("as", "so", "how")) and all(
                        g.dep_ in ("advmod", "cc", "conj", "punct") or (
                            g.dep_ == "prep" and self._general_prep(child, g))
                        or (g.dep_ == "advcl" and self._as_able(g))
                        for g in _kids(child)):
                    continue  # "as healthy as possible", "now and in the future", "as
                    # well as she can"
                if self._settings_only(child):
                    continue  # "safe online"
                return False
            if dep == "conj":
                if child.tag_ in ("VBN", "VBD", "JJ") and self._aim_word(child) and \
                        self._general(child):
                    continue  # "to be active and engaged"; "loved and wanted", the
                    # participle read as a past tense
                if child.tag_.startswith("VB"):
                    if self._general_aim(child):
                        continue
                    return False
                if self._aim_word(child) or self._generic_noun(child) or (
                        child.tag_ in ("RB", "IN") and self._settings_only(child)):
                    continue  # "safe at home, and online"
                return False
            if dep in ("xcomp", "advcl"):
                if self._bare_thing(child) or self._general_aim(child) or \
                        self._aim_clause(child) or self._only_grades(child) or \
                        self._growing_up(child):
                    continue
                return False
            if dep in ("relcl", "acl"):
                if self._self_referential(child):
                    continue
                return False
            if dep == "ccomp" and child.lower_ == "sure" and lemma(node) == "make":
                inner = self._aim_through(node)
                if inner is not None and self._general_aim(inner, next((
                        c for c in _kids(inner) if c.dep_ in SUBJECT_DEPS
                        and c.tag_ != "PRP"), None)):
                    continue
                return False
            if dep == "ccomp" and self._aim_through(node) is child:
                subject = next((c for c in _kids(child) if c.dep_ in SUBJECT_DEPS), None)
                if self._general_aim(child, subject if subject is not None
                                     and subject.tag_ != "PRP" else None):
                    continue  # "to show she can keep the children safe"
                return False
            return False
        return True

    def _as_able(self, clause: Any) -> bool:
        """True for the close of an "as ... as" that says only as the person is able ("as
        well as she can", "as much as he is able"): it grades, naming nothing."""
        kids = _kids(clause)
        if not any(c.dep_ == "mark" and c.lower_ == "as" for c in kids):
            return False
        able = clause.lower_ in self.able_modal or (
            lemma(clause) == "be" and any(c.lower_ == "able" and not _kids(c) for c in kids))
        return able and all(
            (c.dep_ == "mark" and c.lower_ == "as") or (c.dep_ == "nsubj" and c.tag_ == "PRP")
            or (c.dep_ == "acomp" and c.lower_ == "able") or (
                c.dep_ == "advmod" and c.lower_ in self.able_adverb)
            for c in kids)

    def _harm_of_a_kind(self, noun: Any) -> bool:
        """True for harm named only by its kind ("the emotional harm of living with
        domestic violence", "exposure to parental conflict"): every noun in the phrase is
        harm or a setting in general, nobody's and nothing named. "his father's temper"
        or "the harm Dad caused" stays particular."""
        if not self._noun_base(noun) & self.generic_harm:
            return False
        for token in noun.subtree:
            if token.lower_ in self.harm_acronym:
                continue  # "DV", "CSE": harm of a kind, written short
            if token.dep_ == "poss" or token.tag_ in ("NNP", "NNPS", "PRP$", "PRP") or \
                    token.dep_ in ("relcl", "acl", "nummod"):
                return False
            if token.tag_.startswith("NN") and not self._noun_base(token) & (
                    self.generic_harm | self.generic_place):
                return False
        return True

    def _as_needed(self, clause: Any) -> bool:
        """True for "as needed", "when required", "if necessary": a clause that says
        only that it happens when it must, nothing particular about when."""
        return any(c.dep_ in ("mark", "advmod") and c.lower_ in ("as", "when", "if", "where")
                   for c in _kids(clause)) and (
            lemma(clause) in self.as_needed_word or clause.lower_ in self.as_needed_word) \
            and all(c.dep_ in ("mark", "auxpass", "aux", "punct", "advmod")
                    for c in _kids(clause))

    def _growing_up(self, clause: Any) -> bool:
        """True for a time clause that only names growing up ("until he is an adult", "as
        she grows up", "until they reach adulthood", "until he is 18"): every child's
        childhood, no particular time. Why: "to be cared for permanently until he is an
        adult" says no more than "to be cared for". "When" or "once" with leaving what
        every child leaves ("when she leaves care", "once he leaves home") is the same."""
        marks = {c.lower_ for c in _kids(clause) if c.dep_ in ("mark", "advmod")}
        if any(c.dep_ == "nsubj" and c.tag_ != "PRP" for c in _kids(clause)):
            return False
        base = lemma(clause)
        rest = [c for c in _kids(clause) if c.dep_ not in ("mark", "nsubj", "aux", "punct")
                and not (c.dep_ == "advmod" and c.lower_ in marks)]
        if marks & {"when", "once", "after"} and base == "leave" and len(rest) == 1 and \
                rest[0].dep_ in ("dobj", "advmod", "npadvmod") and \
                rest[0].lower_ in self.left_stage and not _kids(rest[0]):
            return True
        if not marks & {"until", "till", "as", "while"}:
            return False
        if base == "grow" and all(c.dep_ == "prt" and c.lower_ == "up" for c in rest):
            return True
        if base not in ("be", "become", "reach", "turn"):
            return False
        return len(rest) == 1 and (rest[0].like_num or (
            lemma(rest[0]) in self.generic_time | {"adult", "adulthood", "eighteen"}
            and all(g.dep_ in ("det", "amod") and (g.lower_ in ("a", "an", "the", "young")
                                                   or self._aim_word(g))
                    for g in _kids(rest[0]))))

    def _settings_only(self, node: Any) -> bool:
        """True for a preposition or adverb that only lists settings every child has
        ("inside and outside of the home", "online", "at home and in the community"):
        every object in it is a place in general with nothing particular on it. Why: a
        list of everywhere says no more than the aim alone ("safe from harm inside and
        outside of the home, and online" is "safe")."""
        objects = 0
        for token in node.subtree:
            if token.dep_ == "pobj":
                if lemma(token) not in self.generic_place or self._specific_mods(token):
                    return False
                objects += 1
            elif not (token.dep_ in ("det", "cc", "punct")
                      or token.lower_ in self.setting_adverb
                      or (token.tag_ in ("IN", "RP")
                          and (token.i == node.i or token.dep_ in ("conj", "prep")))):
                return False
        return objects > 0 or node.lower_ in self.setting_adverb

    def _only_grades(self, clause: Any) -> bool:
        """True when a condition only grades ("wherever possible", "as far as possible",
        "where possible"): it says how much, never what or when."""
        return clause.lower_ in self.grading_word and all(
            c.dep_ in ("advmod", "mark") and (c.tag_ == "WRB" or c.lower_ in (
                self.grading_word | {"as", "far", "so"})) and all(
                g.dep_ in ("advmod", "mark") and g.lower_ in ("as", "far", "so")
                for g in _kids(c))
            for c in _kids(clause))

    def _aim_phrase(self, head: Any) -> str:
        """Why a noun phrase is an aim with nothing particular ("a better home and family
        life", "the best possible health, education and care", "a good standard of
        living", "a nurturing and stimulating place to live and grow"), else ""."""
        noun, graded = head, [c for c in _kids(head) if c.dep_ in ("amod", "advmod")]
        if head.tag_ == "VBG" and any(c.dep_ == "det" and c.lower_ in ("a", "an")
                                      for c in _kids(head)):
            # "a nurturing and stimulating place": adjectives read as a gerund whose
            # object is the noun
            chain = [head, *head.conjuncts]
            noun = next((g for t in chain for g in _kids(t) if g.dep_ == "dobj"), None)
            if noun is None:
                return ""
            graded = chain
        bases = self._noun_base(noun)
        inner = self._of_object(noun) if bases & self.measure_noun else None
        if head is noun and bases & (self.access_noun | self.aim_noun | self.generic_thing
                                     | self.change_noun) and any(
                c.dep_ in ("acl", "relcl") and c.i > noun.i and self._general_aim(c)
                for c in _kids(noun)) and all(
                c.dep_ in ("det", "acl", "relcl", "punct") or (
                    c.dep_ == "amod" and self._aim_word(c)) for c in _kids(noun)):
            # "the chance to develop into a productive adult", "positive changes to
            # improve her life": a chance at, or a change toward, an aim
            return (f"\"{_np_text(noun)}\" is toward an aim every child shares, with nothing "
                    "particular said")
        if noun.tag_ in ("PRP", "NNP", "NNPS") or bases & self.person_head or not (
                bases & (self.home_noun | self.universal_noun | self.aim_noun)
                or self._quality_noun(noun)
                or (inner is not None and self._aim_object(inner))):
            return ""  # "a positive sense of identity": judged by what it is a sense of
        home = bool(bases & self.home_noun)
        if bases & self.generic_thing:
            return ""  # "activities": things, not an aim
        for part in [noun, *noun.conjuncts]:
            graded += [c for c in _kids(part) if c.dep_ in ("amod", "advmod")]
            graded += [g for c in _kids(part) if c.dep_ in ("nmod", "compound")
                       for g in _kids(c) if g.dep_ == "amod"]
        graded += [g for a in graded for g in a.conjuncts if g not in graded]
        if not any(a.lower_ not in self.abstract_mod and a.lower_ not in self.aim_adj - (
                self.universal_adj | self.evaluative_adj) for a in graded):
            return ""  # "social and cultural activities": which kind, not how good
        if not graded or not all(self._aim_word(a) or (home and a.tag_ == "VBG")
                                 for a in graded if a.dep_ != "advmod" or a.i < noun.i):
            return ""
        kids = [c for c in _kids(noun) if c.i not in {a.i for a in graded}
                and not (noun is not head and c.i == head.i)]
        if head is not noun and any(c.dep_ not in ("det", "cc", "conj", "dobj", "punct",
                                                    "acl", "advcl", "relcl")
                                    or (c.dep_ in ("acl", "advcl", "relcl")
                                        and not self._self_referential(c))
                                    for t in [head, *head.conjuncts] for c in _kids(t)
                                    if c.i != noun.i and c.dep_ != "conj"):
            return ""
        if not all(self._generic_noun_ok(noun, c) for c in kids):
            return ""
        doc = head.doc
        words = doc[min(head.left_edge.i, noun.left_edge.i):_trim(
            doc, max(head.right_edge.i, noun.right_edge.i)) + 1].text
        return f"\"{words}\" says only how good it should be: an aim every child shares"

    def _concrete_thing(self, head: Any) -> bool:
        """A thing one can hand over ("a warm coat", "a safe cot"): a singular count noun
        after "a/an" that is no quality, aim or nominalised activity; how good it should
        be does not make it an aim."""
        if head.tag_ != "NN" or not any(c.dep_ == "det" and c.lower_ in ("a", "an")
                                            for c in _kids(head)):
            return False
        bases = self._noun_base(head)
        return not (bases & (self.aim_noun | self.universal_noun | self.abstract_noun
                             | self.home_noun | self.person_head | self.role_person
                             | self.respite_noun | self.spell_noun
                             | {"man", "woman", "lad", "lady"}) or self._quality_noun(head)
                    or head.lower_.endswith(self.nominal_suffix)
                    # "a successful learner", "a responsible citizen": a role, not a thing
                    or (head.lower_.endswith((*self.agent_suffix, "ist", "ual", "ent",
                                              "ant", "zen")) and not any(
                        c.dep_ in ("prep", "relcl", "acl") for c in _kids(head))))

    def _generic_noun_ok(self, noun: Any, child: Any) -> bool:
        """One modifier of ``noun`` is general (as ``_generic_noun`` reads modifiers)."""
        dep = child.dep_
        if dep in ("det", "poss", "punct", "cc", "case", "predet", "amod", "advmod"):
            return dep not in ("amod", "advmod") or self._aim_word(child)
        if dep == "conj":
            return self._generic_noun(child)
        if dep in ("compound", "nmod"):
            return child.lower_ in self.abstract_mod or (
                child.tag_.startswith("NN") and self._generic_noun(child))
        if dep == "prep":
            objs = [g for g in _kids(child) if g.dep_ == "pobj"]
            return bool(objs) and all(self._generic_noun(o) and not self._person(o)
                                      for o in objs)  # not "a better relationship with her mum"
        if dep in ("relcl", "acl"):
            return self._self_referential(child)
        return False

    def _specific_beyond(self, verb: Any, obj: Any) -> bool:
        """``_specific_extras`` of the verb, leaving out its object and prepositions that
        say nothing particular ("provide care | for Lola", "make progress | in life")."""
        skip = {obj.i} | {c.i for c in _kids(verb)
                          if c.dep_ == "prep" and self._general_prep(verb, c)}
        return self._specific_extras(verb, skip=skip)

    def _harm_by_someone(self, adjective: Any) -> bool:
        """True when the harm an aim is safe from is someone's ("safe from their
        father's violence"): a particular person, not harm in general."""
        return any(g.dep_ == "pobj" and self._noun_base(g) & self.generic_harm and any(
            c.dep_ == "poss" and c.tag_ != "PRP$" for c in _kids(g))
            for p in _kids(adjective) if p.dep_ == "prep" for g in _kids(p))

    def _agent_named(self, verb: Any) -> bool:
        """True when a passive names who does it, other than the child's carers in
        general ("heard by the judge", not "cared for by her parents")."""
        agent = self._agent(verb)
        return agent is not None and not self._noun_base(agent) & self.carer_noun

    def goods(self, reading: NeedReading) -> str | None:
        """Why what is needed is a thing one can hand over, else None: a noun phrase
        (read as specific or as naming nothing listed) headed by a thing people make, by
        WordNet's class (``wordnet_artefact``: "a torch", "a duvet", "new pyjamas"; a
        two-word noun WordNet knows decides for itself: "a car seat", "a pencil case"),
        that no list of the rules names as a service, an assessment or a place provided
        ("a wheelchair", "a bed in a unit").

        Why: the labels call a concrete thing a child lacks specific ("bigger shoes",
        "nappies", "beds so no one sleeps on the floor"; eval/README.md, Labelling
        guide) and a provision with no say of what it changes a service ("a gym
        membership", "furniture vouchers"). The learned need reader (``wording.learned``)
        has met few goods and reads a word it never met ("a torch") near the equipment a
        service provides; the class is the words' own evidence that it is a thing."""
        if reading.negated or reading.category not in ("specific", "unknown"):
            return None
        if reading.what == "clause":
            # "needs his hearing aids checked", "needs her bike repaired": a thing of
            # someone's to be seen to is theirs, whatever the verb ("checked" reads near
            # a test of hearing to the model)
            return self._thing_named(reading.own_subject, A_THING_SEEN_TO) \
                if reading.passive else None
        if reading.what != "phrase":
            return None
        return self._thing_named(reading.head_token, A_THING)

    def _thing_named(self, noun: Any, why: str) -> str | None:
        """``why`` with the noun's phrase when ``noun`` heads a thing people make
        (:meth:`goods_head`), else None: one test for :meth:`goods` and :meth:`stated`."""
        if noun is None or not noun.tag_.startswith("NN") or not self.goods_head(noun):
            return None
        return f"{why}: \"{_np_text(noun)}\""

    def stated(self, doc: Any) -> str | None:
        """Why a statement the reader read no need in is closed to the learned reading,
        else None: it only says a thing is there ("A safety plan is in place.": that a
        service is in place is a fact, not a need, :meth:`_fragment`), or it asks for a
        thing of someone's to be seen to ("Her hearing aids checked.").

        Why: the model reads the words alone, and "a safety plan" or "checked" read near
        a service or a test; the reader declined these on their shape, which the model
        never sees."""
        sent = next(iter(doc.sents), None) if len(doc) else None
        if sent is None:
            return None
        root = sent.root
        subject = next((c for c in _kids(root) if c.dep_ == "nsubj"), None)
        if subject is None or not root.tag_.startswith("VB"):
            return None
        if self._only_exists(root, subject):
            return f"{A_FACT}: \"{sent.text.strip()}\""
        if root.tag_ in ("VBN", "VBD") and subject.tag_ in ("NN", "NNS") and any(
                c.dep_ == "poss" for c in _kids(subject)):
            return self._thing_named(subject, A_THING_SEEN_TO)
        return None

    def goods_head(self, head: Any) -> bool:
        """Whether a noun is a thing people make (:meth:`goods`): the two-word noun of
        its compound and itself when WordNet knows it ("car seat", "torch song"), else
        the noun itself."""
        bases = self._noun_base(head)
        before = head.doc[head.i - 1] if head.i else None
        if before is not None and before.dep_ == "compound" and before.head.i == head.i:
            pairs = {f"{m} {b}" for m in (before.lower_, lemma(before)) for b in bases}
            if pairs & self.goods_compound:
                return True
            if pairs & self.other_compound:
                return False
        if bases & self.person_or_thing and (head.tag_ == "NNS" or any(
                c.dep_ == "amod" for c in _kids(head))):
            # "new trainers", "boxers": WordNet's first sense is a person, its next a
            # thing; a person is asked for one at a time and seldom described as new
            return True
        return bool(bases & self.goods_noun)

    def people(self, reading: NeedReading) -> str | None:
        """Why what is needed is a person no service list names, else None: a noun
        phrase (read as specific or as naming nothing listed) headed by a noun whose
        first sense in WordNet is a person (``wordnet_person``: "a trusted adult at
        home", "a neighbour who checks on her", "a grown-up he can call"), less the
        words the rules' service, provider and assessment lists name ("a mentor", "a key
        worker", "an advocate": there the rules, and else the model, judge).

        Why: a person the holder is to have is their own arrangement; the learned need
        reader (``wording.learned``) never sees the parse and reads a person word it met
        seldom ("an adult") near the professionals a service provides."""
        if reading.what != "phrase" or reading.negated or \
                reading.category not in ("specific", "unknown"):
            return None
        head = reading.head_token
        if head is None or not head.tag_.startswith("NN"):
            return None
        bases = set(self._noun_base(head))
        if head.i >= 2 and head.doc[head.i - 1].text == "-" and \
                head.doc[head.i - 1].idx == head.doc[head.i - 2].idx + len(head.doc[head.i - 2]):
            # the tokenizer splits "grown-up" into three
            bases |= {f"{head.doc[head.i - 2].lower_}{dash}{b}" for b in self._noun_base(head)
                      for dash in ("-", "")}
        before = head.doc[head.i - 1] if head.i else None
        if before is not None and before.dep_ == "compound" and before.head.i == head.i \
                and {f"{before.lower_} {b}" for b in bases} & self._named_service:
            return None
        if not bases & self.person_noun:
            return None
        return f"{A_PERSON}: \"{_np_text(head)}\""

    def occasion(self, reading: NeedReading) -> str | None:
        """Why what is needed is for a named time of the calendar, else None: a day, a
        month or a holiday said in what is needed, or hung on the need's verb by the
        parser ("a lift to the rink | on Saturdays", "a home for the half-term", "to make
        a transition to the academy in September").

        Why: an arrangement for an occasion is this person's, whatever its head names;
        the learned need reader (``wording.learned``), which fills the lists' gaps by
        meaning, reads "a lift", "a home" or "a transition" near transport, a placement
        or an aim every child shares, and a day or a month says nothing to it."""
        if reading.category not in ("specific", "unknown") or reading.negated:
            return None
        anchor = reading.head_token if reading.head_token is not None else reading.verb_token
        part = reading.what_part
        if part is None or anchor is None:
            return None
        tokens = list(anchor.doc[part.start:part.end])
        if anchor.dep_ in OBJECT_DEPS and anchor.head.i != anchor.i:
            tokens += [t for c in _kids(anchor.head) if c.dep_ == "prep" and c.i > anchor.i
                       for t in c.subtree]
        for token in tokens:
            if token.dep_ != "pobj":
                continue
            # the tokenizer splits "half-term" into three
            word = token.doc[token.i - 2:token.i + 1].text.lower() if token.i > 1 and \
                token.doc[token.i - 1].text == "-" else token.lower_
            if {word, token.lower_, lemma(token)} & self.calendar_time:
                return f"{FOR_A_TIME}: \"{word}\""
        return None

    # Prepositions whose object is whom what is needed comes from or is shared with
    # ("help from Gran", "contact with friends", "safe from Dean"); "for" only off a verb
    # ("a break from caring for Sam"): "a kit for Amara" says whose it is.
    _SOMEONE_PREPS = frozenset({"from", "with", "by", "between", "without", "for"})

    def someones(self, reading: NeedReading) -> str | None:
        """Why a need read as specific (or as naming nothing listed) is particular to
        someone, else None: it asks for a particular person or people ("a Brindle-speaking
        family", "carers available at weekends"), what is needed is someone's ("her
        parents' help", "a room of his own"), or it comes from or is shared with someone
        the holder knows, by name, as kin or friends, or as theirs ("help from Gran",
        "contact with friends", "safe from Dean", "a break from caring for Sam", "a
        relationship with Quorra's godmother").

        Why: the learned need reader (``wording.learned``) adds a kind only where the
        rules found no service, aim or assessment for want of a listed word. A particular
        person, an owner or a relationship in what is needed is the words' own evidence
        that it is this person's arrangement, not a service, an aim every child shares or
        an assessment; the model reads names only as left out, so it never sees it.
        People in general ("sessions with other young carers", "a team around the child")
        and the person it is for ("a kit for Amara") do not count."""
        if reading.category not in ("specific", "unknown") or reading.negated:
            return None
        head = reading.head_token
        if reading.what == "phrase":
            if reading.reason.startswith(PARTICULAR_PERSON):
                return reading.reason
            if head is not None and any(
                    (c.dep_ == "poss" and not _in_a_name(c))
                    or (c.dep_ == "amod" and c.lower_ == "own")
                    or (c.dep_ == "prep" and any(g.lower_ == "own" for g in _kids(c)))
                    for c in _kids(head)):
                return f"what is needed is someone's: \"{head.text}\""
            if head is not None and self._asked_to_do(head):
                return f"asks someone particular to do something: \"{_np_text(head)}\""
        elif reading.verb_token is not None:
            owned = self._known_owner(reading.verb_token)
            if owned is not None:
                return f"what is needed is someone's: \"{owned}\""
        anchor = head if head is not None else reading.verb_token
        part = reading.what_part
        if part is None or anchor is None:
            return None
        tokens = list(anchor.doc[part.start:part.end])
        if head is not None and head.dep_ in OBJECT_DEPS and head.head.i != head.i:
            # the parser often hangs whom it comes from on the need verb, outside what is
            # needed ("needs solace | from his grandad"): whom it is for is not counted
            tokens += [t for c in _kids(head.head) if c.dep_ == "prep" and c.i > head.i
                       and c.lower_ != "for" for t in c.subtree]
        for token in tokens:
            prep = token.head
            if token.dep_ != "pobj" or prep.lower_ not in self._SOMEONE_PREPS or (
                    prep.lower_ == "for" and not prep.head.tag_.startswith("VB")):
                continue
            # the person, or whose they are ("with Quorra's godmother")
            for who in (token, *(c for c in _kids(token) if c.dep_ == "poss")):
                if lemma(who) in self.kin_noun or who.lower_ in self.kin_noun or (
                        who.tag_ in ("NNP", "NNPS") and who.is_title):
                    return f"comes from or is shared with someone: \"{who.text}\""
        return None

    def _asked_to_do(self, head: Any) -> bool:
        """A particular person (the, or someone's) asked to do something: "the chaplain |
        to explain what will happen at the funeral", "his teacher to let him sit at the
        front". The need is what they do, for this person; "a lead professional to
        coordinate her care" (a or an) asks for a provision."""
        if not self._noun_base(head) & (self.person_head | self.kin_noun | self.role_person
                                        | self.service_person | self.wordnet_professional):
            return False
        if not any((c.dep_ == "det" and c.lower_ == "the") or c.dep_ == "poss"
                   for c in _kids(head)):
            return False
        doers = [*_kids(head), *(_kids(head.head) if head.dep_ in OBJECT_DEPS else [])]
        return any(c.dep_ in ("acl", "relcl", "advcl", "xcomp", "ccomp") and c.i > head.i
                   and c.tag_ == "VB" and any(g.tag_ == "TO" for g in _kids(c))
                   for c in doers)

    def _known_owner(self, verb: Any) -> str | None:
        """The thing a clause is about when it is someone's, named or as kin: "Orrin's
        rosary | to be kept safe", "her nan's ring to be returned". A pronoun owner ("her
        appointments") is the holder's own, said of every need. The parser often hangs a
        plan-style clause's verb on its subject instead ("Pim's reading | to be on track":
        the verb an ``acl`` of "reading"), which counts the same."""
        subjects = [c for c in _kids(verb) if c.dep_ in SUBJECT_DEPS]
        if verb.dep_ in ("acl", "relcl", "xcomp") and verb.head.i < verb.i \
                and verb.head.tag_ in ("NN", "NNS"):
            subjects.append(verb.head)
        for c in subjects:
            if self._person(c):
                continue
            for who in _kids(c):
                if who.dep_ == "poss" and (lemma(who) in self.kin_noun or (
                        who.tag_ in ("NNP", "NNPS") and who.is_title)):
                    return f"{who.text}'s {c.text}"
        return None

    def _person(self, noun: Any) -> bool:
        """Another person or people, named or by a pronoun (not "himself"): in a
        preposition they make an aim particular ("kinder to his sister", "confident
        around other people")."""
        if noun.lower_.endswith(("self", "selves")):
            return False
        return noun.tag_ in ("PRP", "NNP", "NNPS") or bool(
            self._noun_base(noun) & self.person_head)

    def _bare_thing(self, token: Any) -> bool:
        """A thing in general read as a bare verb ("to adapt to | change")."""
        return token.dep_ == "xcomp" and token.lower_ in self.generic_thing and all(
            c.tag_ == "TO" for c in _kids(token))

    def _general_prep(self, head: Any, prep: Any) -> bool:
        """A preposition that says nothing particular ("in the long term", "as part of his
        family, school and community", "with respect and dignity", "by his parents")."""
        objs = [g for g in _kids(prep) if g.dep_ in ("pobj", "pcomp")]
        if prep.lower_ in self.rank_prep and len(objs) == 1 and \
                objs[0].lower_ == "own" and all(
                    g.dep_ == "poss" and g.tag_ == "PRP$" for g in _kids(objs[0])) and \
                len(_kids(prep)) == 1:
            # "to prioritise the baby's needs over her own": ranked above the carer's own,
            # the noun left out, as every carer is asked to
            return True
        if prep.lower_ == "in" and len(objs) == 1 and objs[0].lower_ == "order":
            # "in order to do well now and in the future": a purpose that is an aim
            clauses = [c for c in _kids(objs[0]) if c.dep_ in ("acl", "relcl", "advcl")]
            return bool(clauses) and all(self._aim_clause(c) for c in clauses) and all(
                c.dep_ in ("pobj", "cc", "punct") or (
                    c.dep_ == "conj" and c.tag_ == "IN" and self._general_prep(head, c))
                for c in _kids(prep))
        if not objs:
            # "as", or the stranded preposition of a passive ("cared for", "looked after")
            return (prep.lower_ in ("as", "to", "for", "of") and (
                prep.lower_ == "as" or head.tag_ == "VBN")) or (
                head.tag_ == "VBN" and prep.i == head.i + 1 and not _kids(prep)) or any(
                c.dep_ == "prep" and self._general_prep(head, c) for c in _kids(prep))
        for obj in objs:
            if lemma(obj) in self.manner_noun and any(
                    c.dep_ == "amod" for c in _kids(obj)) and all(
                    c.dep_ in ("det", "punct", "cc") or (
                        c.dep_ in ("amod", "advmod") and self._aim_word(c)
                        and all(g.dep_ in ("cc", "punct") or (
                            g.dep_ in ("advmod", "amod", "conj") and self._aim_word(g))
                            for g in _kids(c)))
                    for c in _kids(obj)):
                continue  # "in a good enough manner", "in a safe and loving way"
            if prep.lower_ in ("into", "as") and obj.tag_.startswith("NN") and any(
                    c.dep_ == "amod" for c in _kids(obj)) and all(
                    (c.dep_ == "amod" and self._aim_word(c)) or c.dep_ in (
                        "det", "punct", "cc") for c in _kids(obj)) and all(
                    self._aim_word(g) for c in _kids(obj) if c.dep_ == "amod"
                    for g in c.conjuncts):
                continue  # "to grow into a confident and caring young man"
            if obj.dep_ == "pobj" and self._person(obj) and not any(
                    c.dep_ in ("prep", "relcl", "acl") for c in _kids(obj)) and (
                    prep.lower_ == "for" or (prep.lower_ == "to" and self._in(
                        lemma_forms(head), self.give_passive))):
                continue  # "care and protection for Lola", "to provide care to Lola":
                # whom the aim is for
            if obj.dep_ == "pcomp" and lemma(obj) == "be" and all(
                    (c.dep_ in ("nsubj", "attr") and c.tag_ in ("PRP", "WP"))
                    or c.is_punct for c in _kids(obj)):
                continue  # "secure in who she is": the person's own self
            if obj.dep_ == "pcomp" or not self._generic_noun(obj):
                return False
            if self._person(obj) and prep.lower_ not in ("into", "as", "for") and not (
                    prep.lower_ in ("for", "after")
                    and self._in(lemma_forms(head), self.care_verb)) and not (
                    self._noun_base(obj) & self.carer_noun):
                # "kinder to his sister", "respected by his stepfather"; the holder's
                # carers in general ("by his parents", "an attachment to her main carer")
                # are no one in particular
                return False
        return all(c.dep_ in ("pobj", "pcomp", "cc", "punct") or (
            c.dep_ == "advmod" and self._aim_word(c) and not _kids(c)) or (
            c.dep_ == "conj" and c.tag_ == "IN" and self._general_prep(head, c))
            or (c.dep_ == "prep" and self._general_prep(head, c))
            for c in _kids(prep))

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
        if not (head.is_title or head.is_upper) or head.i <= sent_start(head) or \
                not head.tag_.startswith("NNP") or lemma(head) in self.person_head:
            return False
        tokens = [t for t in head.subtree if t.i <= head.i or t.dep_ in ("conj", "compound")
                  or t.head.dep_ in ("conj",)]
        if any(t.dep_ == "poss" or t.lower_ in self.honorific or
               lemma(t) in self.person_head for t in tokens):
            return False
        caps = [t for t in tokens if t.i > sent_start(head) and t.is_alpha and (
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
                if dep == "advmod" and any(g.dep_ == "conj" and any(
                        t.dep_ == "pobj" for t in g.subtree) for g in _kids(child)) and \
                        not self._settings_only(child):
                    return True  # "inside and outside the flat on Mill Road"
                if dep == "conj" and node is verb and child.tag_.startswith("VB") and (
                        child.lower_ in self.need_words or child.lower_ in self.require_words):
                    continue
                if dep in ("advcl", "ccomp", "xcomp", "relcl", "acl") and (
                        node is verb or dep in ("advcl", "ccomp", "xcomp")) and \
                        (complement is None or child.i != complement.i):
                    if dep == "advcl" and (self._aim_clause(child) or self._growing_up(child)
                                           or self._as_needed(child)):
                        continue  # "to progress in order to do well": an aim for an aim;
                        # "until he is an adult": every childhood's length; "as needed"
                    if dep in ("advcl", "xcomp") and any(
                            c.dep_ == "dobj" and self._carers_caring(
                                c, child, lemma_forms(child)) for c in _kids(node)):
                        continue  # "to have a loving family | to support her": carers
                        # there only to care for her
                    if child.tag_.startswith("JJ") and all(
                            self._aim_word(a) and all(g.dep_ in ("cc", "preconj", "punct",
                                                                 "conj") for g in _kids(a))
                            for a in [child, *child.conjuncts]):
                        continue  # "her needs, both physical and emotional, met": an aside
                        # that only names kinds of need
                    return True
                if dep == "prep":
                    objs = [g for g in _kids(child) if g.dep_ == "pobj"]
                    if not objs and (child.lower_ == "as" or (
                            node.tag_ in ("VBN", "VBD") and child.i == node.i + 1)):
                        continue  # "as healthy as possible", "to be listened to" (a bare
                        # participle may be tagged as a past: "his health looked after")
                    if not objs and self._settings_only(child):
                        continue  # "inside and outside of the home"
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
                        if child.lower_ == "from" and self._harm_of_a_kind(obj):
                            continue  # "free from the emotional harm of living with
                            # domestic violence": harm of a kind, no one's
                        return True
                if dep == "npadvmod" and child.lower_ not in ("times",):
                    return True
        return False

    def _someones_harm(self, noun: Any) -> bool:
        """"his father's violence", "exposure to Dad's violence": harm someone named does,
        which is particular where harm of a kind ("domestic abuse") is not."""
        return any(self._noun_base(t) & self.generic_harm and _named_owner(t)
                   for t in noun.subtree if t.dep_ in ("pobj", "dobj") or t.i == noun.i)

    def _specific_mods(self, noun: Any, allow_relcl_universal: bool = False) -> bool:
        for child in _kids(noun):
            if child.dep_ not in SPECIFYING_DEPS:
                continue
            if child.dep_ == "compound" and child.i + 2 == noun.i and \
                    noun.doc[child.i + 1].text == "-":
                continue  # "well-being" read as "well - being": one word
            if child.dep_ == "prep" and child.lower_ == "for" and child.i > noun.i and \
                    self._whose(child):
                continue  # "a better life for Nell": whose it is, like "Nell's"
            if child.dep_ == "relcl" and self._needs_met_clause(child):
                continue  # "support that meets her needs": only what every child needs
            if child.dep_ == "poss" or (child.dep_ == "compound" and (
                    child.lower_ == "self" or lemma(child) in self.home_noun
                    or child.lower_ == "role")):
                continue  # "the children's needs" is still everyone's needs; "self care"
            if child.dep_ == "prep":
                objs = [g for g in _kids(child) if g.dep_ == "pobj"]
                if objs and all(lemma(o) in self.generic_place and not self._someones_harm(o)
                                for o in objs):
                    continue  # "at home", "from exposure to abuse", not "to his dad's abuse"
                if objs and all(self._noun_base(o) & (self.generic_place | self.carer_noun)
                                and self._generic_noun(o) for o in objs):
                    continue  # "with the adults who care for her", "with his parents"
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
            if child.dep_ == "relcl" and lemma(child) == "be" and all(
                    (g.dep_ in ("nsubj", "punct") and g.tag_ in ("WDT", "WP", ","))
                    or (g.dep_ == "acomp" and all(self._aim_word(a) for a in
                                                  [g, *g.conjuncts]))
                    for g in _kids(child)):
                continue  # "family life that is warm and predictable": only how good
            if allow_relcl_universal and child.dep_ == "relcl" and any(
                    t.lower_ in ("needs", "need") for t in child.subtree) and any(
                    t.lower_ == "met" for t in child.subtree):
                continue
            return True
        return False

    def _whose(self, prep: Any) -> bool:
        """True when a "for" phrase names only a person, by name, pronoun or a bare person
        noun ("for Nell", "for her", "for the children"): whose the thing is, as a
        possessive would say, not what it is."""
        objs = [g for g in _kids(prep) if g.dep_ == "pobj"]
        objs += [c for o in objs for c in o.conjuncts]
        if not objs or any(g.dep_ not in ("pobj", "cc", "punct", "conj")
                           for g in _kids(prep)):
            return False
        for obj in objs:
            if obj.tag_ in ("PRP", "NNP", "NNPS") or lemma(obj) in self.person_head:
                if any(c.dep_ not in ("det", "poss", "cc", "conj", "punct", "compound",
                                      "case") or (c.dep_ == "compound"
                                                  and c.tag_ not in ("NNP", "NNPS"))
                       for c in _kids(obj)):
                    return False  # "for the girls in her class": someone particular
                continue
            return False
        return True

    @staticmethod
    def _needs_met_clause(clause: Any) -> bool:
        """True when a relative clause says only that the thing meets the person's needs
        ("that meets her needs", "which meet his needs"): true of what every child needs."""
        if lemma(clause) not in ("meet", "fulfil", "fulfill", "satisfy"):
            return False
        objs = [c for c in _kids(clause) if c.dep_ == "dobj"]
        return bool(objs) and all(
            lemma(o) == "need" and all(c.dep_ in ("poss", "det", "amod", "predet")
                                       for c in _kids(o))
            for o in objs) and all(
            c.dep_ in ("nsubj", "dobj", "punct", "advmod") or (
                # "as they change", "as she grows": whenever, so no time in particular
                c.dep_ == "advcl" and lemma(c) in ("change", "grow", "develop", "evolve")
                and all(g.dep_ in ("mark", "nsubj", "aux") and (
                    g.dep_ != "nsubj" or g.tag_ == "PRP") for g in _kids(c)))
            for c in _kids(clause))

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
                or base.startswith("self-")
                # "self | belief": a quality
                or first_dep(_kids(noun), ("compound",), words=("self",)) is not None):
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
        if noun.tag_.startswith(("NN", "VBG")) and noun.i > 1 and \
                noun.doc[noun.i - 1].text == "-":
            # "well-being" read as "well - being": the whole word is the noun
            joined = f"{noun.doc[noun.i - 2].text}-{noun.text}".lower()
            if joined in self.universal_noun:
                return True
        return lemma(noun) in self.universal_noun or self._abstract(noun, ignore) or (
            noun.tag_ == "VBG" and noun.lower_ in self.universal_noun)  # "wellbeing"

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
        if isinstance(words, frozenset):  # a word class: one call, no generator
            return not words.isdisjoint(forms)
        return any(f in words for f in forms)


    def _quality_noun(self, noun: Any) -> bool:
        """A noun of a quality or capacity by its class or its shape (-ness, -ity,
        -ance, -ence, -ship, self-...), whatever modifies it."""
        base = lemma(noun)
        return base in self.abstract_noun or base in self.universal_noun or \
            base.endswith(("ness", "ity", "ance", "ence", "hood", "esteem")) or \
            base.endswith(self.bond_suffix) or base.startswith("self-") or \
            base in ("skill", "ability", "control", "awareness", "insight")

    # ------------------------------------------- provision shapes (service side)
    def _provision_shape(self, head: Any) -> str:
        """Why a noun phrase names a provision by its shape alone, else "": provision for a
        kind of person ("a young carers' break"), an organisation named by a bare proper
        noun ("Homestart"), equipment or a technique named by the area it is for
        ("communication tools", "sensory flurbos"), or a thing wanted to help something
        else ("cards to support her communication"). Nothing here needs the head itself
        to be in a list."""
        if not head.tag_.startswith("NN"):
            return ""
        base = lemma(head)
        if base in self.person_head:
            return ""
        kids = _kids(head)
        poss = first_dep(kids, ("poss",))
        if poss is not None and self._generic_class(poss):
            kind = poss.text if poss.lower_.endswith("s") else poss.text + "s"
            return (f"\"{_np_text(head)}\" is provision for {kind} in general, not what "
                    "this person needs")
        if self._organisation(head):
            return f"\"{_np_text(head)}\" is the name of an organisation or programme"
        if poss is not None or self._quality_noun(head) or base in self.universal_noun or \
                base in self.measure_noun or base in self.time_noun or base == "time" or \
                base in self.need_area or base in self.abstract_noun:
            return ""  # "emotional literacy" is a quality, not a thing for an area
        # The area names the thing directly ("communication tools", "emotional regulation
        # techniques"), not through another adjective ("sensory-friendly clothes").
        modifiers = [c for c in kids if c.dep_ in ("amod", "compound", "nmod")]
        modifiers += [g for c in modifiers if c.tag_.startswith("NN") for g in _kids(c)
                      if g.dep_ in ("amod", "compound")]
        if head.dep_ == "dobj" and head.head.tag_ == "VBG" and head.head.i == head.i - 1:
            modifiers.append(head.head)  # "needs coping strategies" read as "needs coping"
        if base in self.respite_noun and any(
                lemma(c) in self.provision_mod or c.lower_ in self.provision_mod
                or (c.dep_ == "compound" and c.tag_.startswith("NN")) for c in modifiers):
            return f"\"{_np_text(head)}\" is a break someone provides: a provision"
        with_person = any(c.dep_ == "prep" and any(
            g.dep_ == "pobj" and (lemma(g) in self.person_head or g.tag_ in ("PRP", "NNP"))
            for g in _kids(c)) for c in kids) or any(  # "social contact with friends"
            c.dep_ == "relcl" and any(g.dep_ == "nsubj" for g in _kids(c))
            for c in kids)  # "a reading book she enjoys": which one, for her
        if base not in self.problem_noun and not with_person and any(
                lemma(t) in self.need_area or t.lower_ in self.need_area for t in modifiers):
            return (f"\"{_np_text(head)}\" is equipment or a technique for an area of need, "
                    "not what the person needs")
        arranged = next((c for c in kids if c.dep_ == "amod" and c.i < head.i and (
            (c.tag_ == "VBN" and lemma(c) in self.provider_verb | self.arranged_verb) or (
                c.tag_ == "JJ" and c.lower_.endswith("ed") and {
                    c.lower_[:-1], c.lower_[:-2]} & (self.provider_verb | self.arranged_verb)))),
            None)  # "supervised contact" is tagged an adjective
        if arranged is not None and not self._content_mods(head):
            return (f"\"{_np_text(head)}\" is {arranged.text} by someone else: a provision, "
                    "not what the person needs")
        purpose = next((c for c in kids if c.dep_ in ("relcl", "acl") and c.i > head.i
                        and any(g.tag_ == "TO" for g in _kids(c))), None)
        if purpose is not None and self._means_for(head, purpose):
            return (f"\"{_np_text(head)}\" is a means brought in to {purpose.text} "
                    "something, not what the person needs")
        return ""

    _TITLE_GLUE = frozenset({"to", "of", "and", "the", "for", "in", "on", "&", "with"})

    def _setting_moved(self, head: Any) -> bool:
        """True for a move between settings asked for as a noun ("a transfer to a new
        school", "a change of nursery", "a move to another class"): where to, or what is
        changed, is a setting, and nothing else is said after it; a move to a thing or a
        home ("a move to a bigger flat") is not a setting."""
        if lemma(head) not in self.setting_move_noun or not head.tag_.startswith("NN"):
            return False
        kids = [c for c in _kids(head) if c.i > head.i]
        if len(kids) != 1 or kids[0].dep_ != "prep" or kids[0].lower_ not in ("to", "of"):
            return False
        target = next((g for g in _kids(kids[0]) if g.dep_ == "pobj"), None)
        if target is None or lemma(target) not in self.weak_service_head | self.service_head \
                or lemma(target) not in self.generic_place | self.agency_noun:
            return False
        return not any(c.i > target.i for c in _kids(target)) and (
            kids[0].lower_ == "of" or any(
                c.lower_ in self.replacement_mod and c.dep_ in ("amod", "det")
                for c in _kids(target)))

    def _setting_replaced(self, head: Any, before: list[Any]) -> bool:
        """True for a setting asked for as another one ("a new school", "a different
        nursery", "another class"), with nothing after it that says what for: a move, a
        placement. A setting is a service noun that is also one of the ordinary places of
        a child's day; "a new bed" or "a new plan" is a thing, not a setting."""
        if lemma(head) not in self.generic_place | self.agency_noun:
            return False
        if not any(c.lower_ in self.replacement_mod and c.dep_ in ("amod", "det")
                   for c in before):
            return False
        return not any(c.i > head.i and c.dep_ in ("prep", "relcl", "acl", "advcl")
                       for c in _kids(head))

    def _place_named(self, mods: list[Any]) -> bool:
        """True when what comes before a place noun names where it is provided ("a
        nursery place", "a refuge bed", "a Harefield place", "a residential placement"),
        not what kind of thing it is ("a bunk bed", "a car seat", "a toddler bed")."""
        for c in mods:
            if c.dep_ in ("compound", "nmod") and c.tag_.startswith("NN") and (
                    c.tag_ in ("NNP", "NNPS") or self._acronym(c)
                    or self._noun_base(c) & (self.service_head | self.weak_service_head
                                             | self.place_noun | self.agency_noun)
                    or self._professional(c) or self._organisation(c)):
                return True
            if c.dep_ in ("amod", "conj") and (lemma(c) in self.provision_mod
                                               or c.lower_ in self.provision_mod
                                               or c.tag_ == "NNP"):
                return True
        return False

    def _title_words(self, tokens: list[Any]) -> bool:
        """True when ``tokens`` read as the title of a programme: two capitalised words or
        more, none a person's name, role or honorific ("Ready to Learn Circuits")."""
        caps = [t for t in tokens if t.is_alpha and (t.is_title or t.is_upper)
                and t.lower_ not in self._TITLE_GLUE and lemma(t) not in self.time_noun
                and t.lower_.rstrip("s") not in self.time_noun]  # not "on Tuesdays"
        if len(caps) < 2 or any(t.dep_ == "poss" for t in tokens):
            return False
        known = _people_names()
        if any(t.lower_ in self.honorific or t.lower_ in known for t in caps):
            return False  # "Mr Patel", "Jordan and Kai"
        return not all(lemma(t) in self.person_head or t.lower_ in self.person_head
                       for t in caps)  # "Mum and Dad" are people; "Family Nurse Partnership"

    def _title_after(self, verb: Any) -> Any:
        """The last word of a title run straight after a lower-case need verb ("needs
        Ready to Learn Circuits", "needs the Incredible Years"), else None."""
        doc = verb.doc
        if not verb.is_lower:
            return None  # a statement typed in title case says nothing by its capitals
        i = verb.i + 1
        if i < len(doc) and doc[i].lower_ in ("the", "a", "an"):
            i += 1
        run: list[Any] = []
        while i < len(doc) and doc[i].sent == verb.sent and (
                (doc[i].is_alpha and (doc[i].is_title or doc[i].is_upper))
                or (run and doc[i].lower_ in self._TITLE_GLUE)):
            run.append(doc[i])
            i += 1
        while run and run[-1].lower_ in self._TITLE_GLUE:
            run.pop()
        if not run or not run[-1].tag_.startswith("NN") or len(run) < 2 or \
                not self._title_words(run):
            return None
        return run[-1]

    def _title_run(self, head: Any) -> str:
        """The run of capitalised words mid-sentence around ``head`` when it names a
        programme, however the tagger read them ("the Incredible Years"), else ""."""
        doc = head.doc
        if not (head.is_title or head.is_upper) or head.i <= sent_start(head) or \
                not head.tag_.startswith("NN"):
            return ""
        def titled(t: Any) -> bool:
            return t.is_alpha and (t.is_title or t.is_upper)

        i = j = head.i
        while i - 1 > sent_start(head) and (titled(doc[i - 1])
                                           or doc[i - 1].lower_ in self._TITLE_GLUE):
            i -= 1
        while j + 1 < sent_end(head) and (titled(doc[j + 1]) or (
                doc[j + 1].lower_ in self._TITLE_GLUE and j + 2 < sent_end(head)
                and titled(doc[j + 2]))):
            j += 1  # "Drawing | and Talking": the title goes on past the head
        while i < head.i and doc[i].lower_ in self._TITLE_GLUE:
            i += 1
        return doc[i:j + 1].text if self._title_words(list(doc[i:j + 1])) else ""

    def _from_service(self, person: Any) -> Any:
        """The service a person noun comes from ("someone from the housing team", "a
        worker from Quillamere"), else None."""
        if not person.tag_.startswith("NN") or any(c.dep_ == "poss" for c in _kids(person)):
            return None
        for prep in _kids(person):
            if prep.dep_ == "prep" and prep.lower_ == "from":
                for obj in _kids(prep):
                    if obj.dep_ == "pobj" and lemma(obj) not in self.person_head and \
                            self.service_shaped(obj)[0] == "service":
                        return obj
        return None

    def _helped_to_service(self, verb: Any, reading: NeedReading
                           ) -> tuple[Category, str] | None:
        """ "to be supported to attend her appointments": help to reach a service (not "to
        go to school", the person's own everyday life), else None."""
        if not reading.able or not self._helped_to(verb):
            return None
        forms = lemma_forms(verb)
        obj = self._object_of(verb)
        if obj is None or not self._in(forms, self.service_verb) or self._own_manner(verb):
            return None
        if self.service_shaped(obj, governed=True)[0] == "service" or (
                lemma(obj) in self.service_head and lemma(obj) not in self.generic_place):
            return "service", f"help to {forms[0]} a service: \"{_np_text(obj)}\""
        return None

    def _kept_from_harm(self, verb: Any, own_subject: Any = None) -> str:
        """Why a clause is "not to be harmed" with nothing particular ("needs not to be
        harmed", "his health and development not to be impaired"), else "": being kept
        from harm of no one's in particular is being safe, an aim every child shares.
        "not to be hurt by his brother" names someone and stays specific."""
        participle = verb
        if lemma(verb) == "be":
            participle = next((c for c in _kids(verb) if c.dep_ in ("acomp", "attr")
                               and c.tag_ in ("VBN", "JJ")), verb)
        spared = self._spared_harm(participle, own_subject)
        if spared:
            return spared
        if participle.tag_ not in ("VBN", "JJ") or not self._in(lemma_forms(participle),
                                                             self.harm_verb):
            return ""
        if not any(c.dep_ == "neg" for c in [*_kids(verb), *_kids(participle)]):
            return ""
        if own_subject is not None and not (
                self._quality(own_subject) or self._generic_noun(own_subject)
                or self._noun_base(own_subject) & (self.universal_noun | self.abstract_noun)):
            return ""
        agent = self._agent(participle)
        if agent is not None and not (self._noun_base(agent) & self.carer_noun
                                      and self._generic_noun(agent)):
            return ""
        skip = {participle.i} | {c.i for c in _kids(verb) if c.dep_ == "neg"}
        if self._specific_extras(verb, skip=skip) or (
                participle is not verb and self._specific_extras(participle, skip={
                    c.i for c in _kids(participle) if c.dep_ in ("neg", "agent")})):
            return ""
        return (f"not to be {participle.text} is to be safe: an aim every child shares, with "
                "nothing said about what would keep it so")

    def modifies_aim(self, span: Any) -> bool:
        """True when a word rule's match ends on a noun that only modifies the head of what
        is needed, and that head is an aim ("needs placement | stability", "needs home |
        security"). Why: the service word names where the aim is wanted, not what is
        asked for; the reader judges the whole phrase instead."""
        if len(span) == 0:
            return False
        last = span[-1]
        head = last.head
        if last.dep_ not in ("compound", "nmod") or head.i <= last.i or head.i < span.end \
                or not head.tag_.startswith("NN"):
            return False
        return self.judge_phrase(head)[0] == "universal"

    def _handed_thing(self, thing: Any, verb: Any) -> bool:
        """True when what is given is a thing, not a service ("insulin given by the school
        nurse before lunch", "his inhaler handed to him by the teacher"): a thing handed
        over by whoever gives it is care given concretely. A service, help or activity
        noun ("sessions run by the youth service", "support given by the nurse") is not."""
        if not self._in(lemma_forms(verb), self.give_passive | {"administer", "hand"}):
            return False
        agent = self._agent(verb)
        if agent is None or not (self._professional(agent) or self._person(agent) or
                                 self._noun_base(agent) & (self.person_head | self.staff_noun
                                                           | self.role_person)):
            return False  # "furniture provided by the council": an agency's provision
        bases = self._noun_base(thing)
        return not (bases & (self.service_head | self.help_noun | self.universal_noun
                             | self.abstract_noun | self.assessment_head | self.person_head)
                    or self._action_noun(thing) or self._acronym(thing)
                    or thing.lower_ in self.wordnet_service
                    or thing.lower_.endswith(self.nominal_suffix))

    def _escorted_for(self, verb: Any) -> bool:
        """True for a verb of getting someone somewhere (``escort_verb``: taken, driven,
        brought) with a clause saying what for ("so that his tooth decay is treated",
        "to have her stitches out"). Why: a parent taking a child to medical care is what
        the parent must do, as the labelling rules say; being referred or sent is not."""
        # (the parser may hang the clause on a name it read as the verb: "Reggie/VB to
        # be taken to clinic so his pump is checked")
        clauses = [*_kids(verb), *(_kids(verb.head) if verb.dep_ == "xcomp" else ())]
        return self._in(lemma_forms(verb), self.escort_verb) and any(
            c.dep_ == "advcl" and c.i > verb.i and (
                any(g.dep_ == "mark" and g.lower_ in ("so", "that") for g in _kids(c))
                or any(g.tag_ == "TO" for g in _kids(c)))
            for c in clauses)

    def _on_track(self, verb: Any, own_subject: Any = None) -> str:
        """Why "Nell's development to be on track" (a quality every child has, where it
        should be) is an aim, else "". Why: being "on track" or "on course" says only that
        progress should be as expected, with nothing said about what would show it;
        "her reading to be on track for the phonics check" names which and when."""
        if lemma(verb) not in ("be", "stay", "remain", "get", "keep"):
            return ""
        course = next((c for c in _kids(verb) if c.dep_ == "prep" and c.lower_ in (
            "on", "onto") and any(g.dep_ == "pobj" and lemma(g) in self.course_noun
                                  and not _kids(g) for g in _kids(c))), None)
        if course is None:
            return ""
        subject = own_subject if own_subject is not None else next(
            (c for c in _kids(verb) if c.dep_ in SUBJECT_DEPS), None)
        if subject is None or not subject.tag_.startswith("NN") or not (
                self._noun_base(subject) & self.universal_noun or self._quality(subject)) or \
                not self._generic_noun(subject, ignore=verb.i) or \
                self._specific_extras(verb, skip={course.i}):
            return ""
        where = " ".join(t.text for t in course.subtree)
        return (f"\"{_np_text(subject)}\" {verb.text} {where} is an aim every child "
                "shares")

    def _spared_harm(self, verb: Any, own_subject: Any = None) -> str:
        """Why "to be prevented from suffering further harm" (kept from undergoing harm of
        no one's in particular) is being safe, else "". Why: a verb of keeping someone from
        something (``spare_verb``) with harm of a kind as what is kept off says only that
        the person should be safe; "kept from seeing his uncle" or harm someone named
        ("from his stepdad's temper") stays specific."""
        if verb.tag_ != "VBN" or not self._in(lemma_forms(verb), self.spare_verb) or \
                own_subject is not None:
            return ""
        source = next((c for c in _kids(verb) if c.dep_ == "prep" and c.lower_ == "from"),
                      None)
        if source is None:
            return ""
        harm = next((g for g in _kids(source) if g.dep_ == "pobj"), None)
        undergo = next((g for g in _kids(source) if g.dep_ == "pcomp"), None)
        if undergo is not None:
            if not self._in(lemma_forms(undergo), self.undergo_verb) or any(
                    c.dep_ not in ("dobj", "punct") for c in _kids(undergo)):
                return ""
            harm = next((c for c in _kids(undergo) if c.dep_ == "dobj"), None)
        if harm is None or not (self._noun_base(harm) & self.generic_harm or (
                self._noun_base(harm) & self.generic_place and self._bare_abstract(harm))) \
                or self._someones_harm(harm) or not all(
                c.dep_ in ("det", "punct", "cc") or (
                    c.dep_ in ("amod", "conj") and (self._aim_word(c)
                                                    or self._noun_base(c) & self.generic_harm))
                for c in _kids(harm)):
            return ""
        if self._specific_extras(verb, skip={source.i}):
            return ""
        return (f"to be {verb.text} from harm of no one's in particular is to be safe: an aim "
                "every child shares")

    def _finding_out(self, verb: Any) -> bool:
        """True for a verb of finding something out ("to find out why", "to work out
        what", "to establish whether"): a purpose that makes a provision an assessment."""
        forms = lemma_forms(verb)
        if forms[0] in ("find", "work", "figure") and any(
                c.dep_ == "prt" and c.lower_ == "out" for c in _kids(verb)):
            return True
        return forms[0] in ("establish", "determine", "ascertain", "discover") and any(
            c.dep_ == "ccomp" or c.tag_ in ("WRB", "WP", "IN") for c in _kids(verb))

    def _help_reaching(self, head: Any) -> Any:
        """The service that help is to reach, when help (a verb or a noun) has no object
        of its own and its -ing or infinitive clause gets, finds or joins a service ("help
        finding day care", "support getting a school place"; verbs of reaching, see
        ``shape_reach_verb``), else None. Why: the need is
        then the service; help to do or understand something else says what must change."""
        if lemma(head) not in self.enabling_verb | self.help_noun or any(
                c.dep_ in ("dobj", "nsubjpass") and not (
                    c.dep_ == "dobj" and (c.tag_ in ("NNP", "PRP") or self._person(c)))
                for c in _kids(head)):
            return None  # the person helped ("to support Kai to attend ...") is no object
        for clause in _kids(head):
            if clause.i < head.i or clause.dep_ not in ("xcomp", "acl", "advcl", "ccomp") or \
                    clause.tag_ not in ("VBG", "VB"):
                continue
            forms = lemma_forms(clause)
            if self._in(forms, self.mental_verb | self.insight_verb) or \
                    forms[0] in ("understand", "know", "learn"):
                return None
            if not self._in(forms, self.reach_verb):
                continue  # "help to read the letters from CAMHS": help to do, not to reach
            target = self._object_of(clause)
            if target is not None and lemma(target) not in self.person_head and (
                    self.need_shaped(target, governed=True)[0] == "service"
                    or self._attended_event(clause, target)
                    or (self._in(forms, self.seek_verb) and self._sought_setting(target))):
                return target
        return None

    def _attended_with(self, verb: Any, obj: Any) -> Any:
        """The service attended when "with" someone only says who goes along ("to attend
        the Tennick group with Quillan", "his youth offender panel with his mum"): a verb
        of attending, an object that names a service by its head or by a noun on it, and
        "with" a person (a name, a pronoun or kin). "meetings with her dad" names no
        service and is contact, as before. Returns the object, else None."""
        if not self._in(lemma_forms(verb), self.event_verb):
            return None
        withs = [c for c in _kids(obj) if c.dep_ == "prep" and c.lower_ == "with"]
        if len(withs) != 1:
            return None
        people = [g for g in _kids(withs[0]) if g.dep_ == "pobj"]
        if len(people) != 1 or not (people[0].tag_ in ("NNP", "PRP") or self._person(
                people[0])) or any(c.dep_ == "prep" for c in _kids(people[0])):
            return None
        compounds = [c for c in _kids(obj) if c.dep_ == "compound"]
        if self._noun_base(obj) & self.event_noun:
            # "meetings with her dad" says who is met; "panel meetings with Ryan", "the
            # Tennick meetings with Quillan" name whose meetings, so who goes along
            named = any(lemma(c) in self.service_head or c.tag_ == "NNP" for c in compounds)
        else:
            named = lemma(obj) in self.service_head
        return obj if named else None

    def _attended_event(self, verb: Any, obj: Any) -> bool:
        """True when a verb of attending takes an event a service holds ("attend her
        appointments", "attend his sessions"), with nothing said about what it is for."""
        going = self._in(lemma_forms(verb), self.going_verb) and obj.dep_ == "pobj" and \
            obj.head.lower_ == "to" and obj.head.head.i == verb.i and not (
                self._own_manner(verb) or self._own_manner(obj))
        # "to go to her appointments with the crisis team", "to get to his sessions":
        # going to what a service holds is attending it; not "to go to her appointments
        # by bus on her own", which says how she manages
        return (going or self._in(lemma_forms(verb), self.event_verb)) and bool(
            self._noun_base(obj) & self.event_noun) and not self._content_mods(obj) and \
            not any(c.dep_ == "neg" for c in _kids(verb))

    def _shared_object(self, verb: Any, obj: Any, forms: tuple[str, ...]) -> Any:
        """The service a service verb with no object of its own shares with the verb
        coordinated with it ("receive and act on | advice and guidance"), else None."""
        if obj is not None or not self._in(forms, self.service_verb):
            return None
        for other in _kids(verb):
            if other.dep_ == "conj" and other.tag_.startswith("VB"):
                target = self._object_of(other)
                for noun in ([target, *target.conjuncts] if target is not None else []):
                    if self.need_shaped(noun, governed=True)[0]:
                        return noun  # "information, advice and guidance": the advice
        return None

    def _help_toward_aim(self, verb: Any, reading: NeedReading) -> str:
        """Why helping someone toward an aim is the aim ("to support the family to
        safeguard and promote the welfare of their child", "to help Mum keep the children
        safe"), as "support to thrive" is, else "": the helping names no particular change."""
        if reading.passive or not self._in(lemma_forms(verb), self.enabling_verb):
            return ""
        inner = next((c for c in _kids(verb) if c.dep_ in ("xcomp", "ccomp")
                      and c.i > verb.i and c.tag_ == "VB"), None)
        if inner is None or any(c.dep_ in ("advcl", "prep", "advmod") and c.i > inner.i
                                for c in _kids(verb)):
            return ""
        aim = self._general_aim(inner)
        return f"helping toward an aim: {aim}" if aim else ""

    def _helped_to(self, verb: Any) -> bool:
        """True when ``verb`` is what someone is to be helped or supported to do ("to be
        supported | to attend ...")."""
        head = verb.head
        return head.i != verb.i and verb.dep_ in ("xcomp", "advcl") and \
            lemma(head) in self.enabling_verb and \
            any(c.dep_ == "auxpass" for c in _kids(head))

    def _means_for(self, head: Any, purpose: Any) -> bool:
        """True when ``head`` is a thing wanted to help or improve something else ("visual
        prompts | to support his understanding"): a means someone provides. Things for the
        person's own doing ("a quiet place to do her homework"), people, qualities and
        particular things of someone's are not."""
        if not head.tag_.startswith("NN") or lemma(head) in self.person_head or \
                self._owned(head) or self._quality_noun(head) or \
                lemma(head) in self.universal_noun or lemma(head) in self.measure_noun or \
                lemma(head) in self.time_noun or lemma(head) in ("time", "money", "way"):
            return False
        if any(c.dep_ in SUBJECT_DEPS for c in _kids(purpose)) or \
                lemma(head) in self.help_noun:
            return False  # "help to manage her anger" says what must change
        return self._in(lemma_forms(purpose), self.means_verb)

    def _home_space(self, head: Any) -> bool:
        """True when a place noun is the person's own space, not a place a service gives:
        owned ("her own bed", "a bed of his own", "Ava's room") or within a home ("room in
        the house for each child", "a space in the flat")."""
        if self._owned(head) or any(c.lower_ == "own" for c in _kids(head)):
            return True
        for prep in _kids(head):
            if prep.dep_ != "prep" or prep.i < head.i:
                continue
            for obj in _kids(prep):
                if obj.dep_ != "pobj":
                    continue
                if obj.lower_ == "own" or any(g.lower_ == "own" for g in _kids(obj)):
                    return True  # "of her own"
                if prep.lower_ in ("in", "at", "within") and lemma(obj) in (
                        self.home_noun | self.place_noun) - self.service_head and \
                        not self.service_shaped(obj)[0] and not any(
                            c.dep_ == "poss" and c.tag_ == "NNS" and any(
                                g.dep_ == "det" and g.lower_ in ("a", "an") for g in _kids(c))
                            for c in _kids(obj)):
                    # "in the house", "at home"; not "in a secure children's home": an
                    # article before a plural owner belongs to the home, a kind of place
                    # for such people
                    return True
        return False

    def _owned(self, head: Any) -> bool:
        """A particular thing someone has ("Ava's inhaler", "her prescription"), not
        provision for a kind of person."""
        return any(c.dep_ == "poss" and not self._generic_class(c) and not _in_a_name(c)
                   for c in _kids(head))

    def _generic_class(self, poss: Any) -> bool:
        """A possessor naming a kind of person, not anyone in particular ("a young carers'
        break", "a parents' forum", "a carer's allowance"); children's things are theirs."""
        base = lemma(poss)
        if poss.tag_ not in ("NN", "NNS") or base in self.child_noun or \
                poss.lower_ in self.child_noun:
            return False
        if not (base in self.person_head or base in self.role_person
                or self._professional(poss)):
            return False
        return not any(c.dep_ == "poss" or (c.dep_ == "det" and c.lower_ not in ("a", "an"))
                       for c in _kids(poss))

    def _kind_owner(self, poss: Any) -> bool:
        """A possessor naming the kind of person a provision is for ("the men's group", "a
        young carers' break", "the mums' drop-in"), not anyone's own ("his mum's group").
        Why apart from :meth:`_generic_class`: only a service noun is named by it; "the
        parents' permission" stays the parents' own."""
        if self._generic_class(poss):
            return True
        return (lemma(poss) in self.person_kind or poss.lower_ in self.person_kind) and \
            poss.tag_ in ("NN", "NNS") and not any(
                c.dep_ == "poss" or (c.dep_ == "det" and c.lower_ not in ("a", "an", "the"))
                for c in _kids(poss))

    def _organisation(self, head: Any) -> bool:
        """A proper noun that is no one's name, where what is needed or joined goes ("The
        family needs Homestart", "to attend the Fendrake"): an organisation or programme.
        People are named after verbs of meeting ("to see Jordan"), by their role or an
        honorific, or by a name the name lists know."""
        if head.i <= sent_start(head) or not (head.is_title or head.is_upper) or \
                self._acronym(head) or not (head.tag_.startswith("NNP") or any(
                    c.dep_ == "det" and c.lower_ == "the" for c in _kids(head))):
            return False  # "the Fendrake" may be tagged a common noun: "the" says a name
        base = lemma(head)
        if base in self.person_head or head.lower_ in self.honorific or \
                base in self.time_noun or head.lower_.rstrip("s") in self.time_noun or \
                head.dep_ not in ("dobj", "pobj", "attr", "conj", "appos", "oprd"):
            return False
        governor = head.head
        if governor.dep_ == "prep" and governor.head.i != governor.i:
            if governor.lower_ not in ("with", "on", "onto", "for") and \
                    lemma(governor.head) not in self.joining_verb:
                return False  # "to move to Leeds", "to go back to Poland": a place
            governor = governor.head
        if lemma(governor) in self.person_contact_verb:
            return False  # "to see Jordan", "to stay with Nanna": a person
        words = [t for t in head.subtree if t.i <= head.i]
        if any(t.dep_ == "poss" or t.lower_ in self.honorific or lemma(t) in self.person_head
               for t in words):
            return False
        if any(t.dep_ == "det" and t.lower_ == "the" for t in words):
            return True  # "the Fendrake": people are not "the Jordan"
        known = _known_names()
        return known is not None and not any(t.lower_ in known for t in words if t.is_alpha)

    def _dosed(self, head: Any, after: int = -1) -> bool:
        """A person needed for so many hours or sessions ("an adult for 25 hours a week"):
        staffing, a provision, not someone the holder knows. ``after``: read only what
        follows that index (the need verb's own modifiers, after its object)."""
        if after < 0 and any(c.dep_ == "poss" for c in _kids(head)):
            return False
        # Only the person's own "for ..." (or the need verb's): a clause about what they
        # are to do ("an adult to read with her for ten minutes each evening") is the care
        # itself, said concretely.
        tokens = [t for c in _kids(head) if c.dep_ == "prep" and c.i > max(head.i, after)
                  for t in c.subtree]
        for token in tokens:
            if lemma(token) in self.dose_noun and any(
                    c.dep_ == "nummod" for c in _kids(token)):
                return True
        return False

    def _passive_service(self, verb: Any, forms: tuple[str, ...]) -> tuple[Category, str] | None:
        """A passive judged by who does it, what is given or where the person is moved:
        "to be supported by the Zorblax team" (a service does it), "to be allocated a
        social worker" / "to be given a cuddle" (what is given), "to be put on a waiting
        list for CAMHS" / "to be moved around in her cot" (where to). None: not decided."""
        base = forms[0]
        agent = self._agent(verb)
        if agent is not None and base != "see" and not self._in(
                forms, self.assessment_passive) and lemma(agent) not in self.person_head and \
                self.service_shaped(agent)[0] == "service":
            return "service", (f"\"to be {verb.text} by {_np_text(agent)}\" asks for a "
                               "service to do it")
        if self._in(forms, self.give_passive):
            given = next((c for c in _kids(verb) if c.dep_ in ("dobj", "obj", "dative")
                          and c.tag_.startswith(("NN", "VBG"))), None)
            if given is None:
                given = next((g for c in _kids(verb) if c.dep_ == "prep" and c.lower_ == "with"
                              for g in _kids(c) if g.dep_ == "pobj"), None)
            if given is not None:
                kind, why = self.need_shaped(given, governed=True)
                if kind == "assessment" or kind == "service":
                    return kind, f"to be {verb.text} it: {why}"  # type: ignore[return-value]
                if self.judge_phrase(given)[0] == "universal":
                    return "universal", f"\"{_np_text(given)}\" is what every child needs"
                return "specific", (f"says what the person needs to be {verb.text}: "
                                    f"\"{_np_text(given)}\"")
        if self._in(forms, self.move_passive):
            target = self._destination(verb)
            if target is not None:
                kind, why = self.service_shaped(target, governed=True)
                return kind, (f"\"to be {verb.text}\" somewhere that is a service: "  # type: ignore[return-value]
                              f"{why}")
            if any((c.dep_ == "prep" and not self._contrasted(c)) or (
                    c.dep_ in ("advmod", "prt") and c.lower_ in ("around", "about", "round"))
                    for c in _kids(verb)):
                return "specific", f"says where the person needs to be {verb.text}"
        return None

    def _destination(self, verb: Any) -> Any:
        """A service-shaped place the clause moves the person to, through up to two
        prepositions ("put on a waiting list | for | CAMHS"), else None."""
        stack = [c for c in _kids(verb) if c.dep_ == "prep" and not self._contrasted(c)]
        for _ in range(2):
            nxt: list[Any] = []
            for prep in stack:
                if prep.lower_ not in ("to", "into", "onto", "on", "in", "at", "with", "for",
                                       "under"):
                    continue
                for obj in _kids(prep):
                    if obj.dep_ != "pobj":
                        continue
                    if (lemma(obj) not in self.weak_service_head or any(
                            c.dep_ in ("compound", "nmod", "amod") for c in _kids(obj))) and \
                            self.service_shaped(obj, governed=True)[0]:
                        return obj  # "to a specialist school", not "to bed"
                    nxt.extend(c for c in _kids(obj) if c.dep_ == "prep")
            stack = nxt
        return None

    def _caused_test(self, verb: Any) -> Any:
        """What the person needs to have tested ("to have his eyes tested", "to get her
        hearing checked"), not as a routine; else None."""
        if lemma(verb) not in ("have", "get"):
            return None
        for child in _kids(verb):
            if child.dep_ in ("ccomp", "xcomp", "oprd", "dobj") and child.tag_ in ("VBN", "VBD") \
                    and self._in(lemma_forms(child), self.assessment_passive) and \
                    not self._routine(child) and not any(
                        c.dep_ == "advcl" for c in _kids(child)) and not any(
                        c.dep_ == "advcl" and c.i > child.i for c in _kids(verb)):
                # "to have her teeth checked because they hurt": care for a reason given
                subject = next((c for c in _kids(child) if c.dep_ in SUBJECT_DEPS), None)
                if subject is not None and subject.tag_.startswith("NN"):
                    return subject
        return None

    @staticmethod
    def _contrasted(token: Any) -> bool:
        """True when a phrase follows "instead of", "rather than" or "not": it names what
        is not wanted ("in school instead of on a part-time timetable")."""
        doc = token.doc
        for j in range(token.i - 1, max(-1, token.i - 4), -1):
            low = doc[j].lower_
            if doc[j].is_punct:
                return False
            if low in ("instead", "rather", "not", "n't"):
                return True
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


def _named_owner(noun: Any) -> bool:
    """"her father's", "Dad's": a possessor named, not only "his" or "their"."""
    return any(c.dep_ == "poss" and c.tag_ != "PRP$" for c in _kids(noun))


def _given_by_someone(kids: Collection[Any]) -> bool:
    """True when help's own words say who gives it: a possessive ("his dad's help") or
    "from"/"by" someone ("help from Gran"): a particular arrangement, not the work."""
    return any(c.dep_ == "poss" or (c.dep_ == "prep" and c.lower_ in ("from", "by"))
               for c in kids)
