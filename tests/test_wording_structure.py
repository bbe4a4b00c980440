"""The structure reader: holder, predicate form, what is needed and its category, read
from the parse on the real default pipeline.

The service names, programmes and professionals here (Zorblax, Tollis, Brightpath, the
"Kestrel" club, a "dietician") are invented or absent from every rule, lexicon and example:
the reader must judge them by their shape, not recognise them from a list.
"""

from __future__ import annotations

import pytest

from assistant.content import Content
from assistant.wording import Coach
from assistant.wording.rules import RuleSet
from assistant.wording.structure import NeedReading, StructureReader, lemma

FORMS: list[tuple[str, str, str | None]] = [
    ("Jordan needs a place at a youth club.", "needs", "Jordan"),
    ("Mum requires support from the Tollis Team.", "requires", "Mum"),
    ("Mum would benefit from the Fendrake Parenting Course.", "would benefit from", "Mum"),
    ("There is a need for Mum to understand the impact of her drinking.", "a need for",
     "Mum"),
    ("For Mum to be able to take Jordan to school on time.", "for ... to", "Mum"),
    ("Jordan to attend the Zorblax programme weekly.", "plan-style", "Jordan"),
    ("Jordan's mum needs to know where he goes after school.", "needs", "Jordan's mum"),
    ("The twins need a bedtime they both keep to.", "needs", "The twins"),
]


@pytest.mark.parametrize(("text", "form", "holder"), FORMS)
def test_form_and_holder_are_read_from_the_parse(coach: Coach, text: str, form: str,
                                                  holder: str | None) -> None:
    reading = coach.read_need(text)
    assert isinstance(reading, NeedReading), text
    assert reading.form == form, reading.to_dict()
    assert reading.holder_text == holder, reading.to_dict()
    assert reading.holder is None or text[reading.holder.start_char:
                                          reading.holder.end_char] == holder


# Nouns and phrasings in no rule, lexicon or example: judged by shape.
UNSEEN: list[tuple[str, str]] = [
    ("Jordan needs a place at the Kestrel youth club.", "service"),
    ("Jordan needs a dietician.", "service"),
    ("Mum needs the Brightpath scheme.", "service"),
    ("Lisa needs to access the Brightpath hub.", "service"),
    ("Jordan to attend the Zorblax programme weekly.", "service"),
    ("Mum requires support from the Tollis Team.", "service"),
    ("Dad would benefit from the Fendrake Parenting Course.", "service"),
    ("Kai needs a weekly slot with the Orla practitioner.", "service"),
    ("Mum needs to start attending the Hollins group.", "service"),
    ("Sam needs input from the QWERT.", "service"),
    ("Ava needs to be seen by an audiologist.", "assessment"),
    ("Kai needs an audiology screen.", "assessment"),
    ("Tom needs a Wexford appraisal.", "assessment"),
    ("Mia needs to be evaluated.", "assessment"),
    ("Ella needs her emotional needs to be met.", "universal"),
    ("Jordan needs to flourish.", "universal"),
    ("Jordan needs to feel cherished.", "universal"),
    ("The baby needs a warm and predictable home.", "universal"),
    ("Kacey needs continuity.", "universal"),
]


@pytest.mark.parametrize(("text", "category"), UNSEEN)
def test_unseen_services_aims_and_assessments_are_judged_by_shape(
        coach: Coach, text: str, category: str) -> None:
    reading = coach.read_need(text)
    assert reading is not None, text
    assert reading.category == category, reading.to_dict()
    assert reading.reason


SPECIFIC: list[str] = [
    "Ava needs to understand what happens at her CAMHS appointments so she is not frightened.",
    "Sam needs someone he trusts to talk to about what happened at home.",
    "Jordan needs to be able to walk away when the Zorblax boys start a fight.",
    "Mum needs to tell the Brightpath worker what she remembers about that night.",
    "Jo needs a consistent bedtime routine so she gets enough sleep to concentrate.",
    "Ben needs one-to-one time with his mum after nursery each day.",
    "Jordan needs to see his dad every other Saturday.",
    "Leon needs to be in bed by nine on school nights.",
    "Kayla needs to feel safe when her dad has been drinking.",
    "Mum needs a plan for who collects the children when she is in hospital.",
]


@pytest.mark.parametrize("text", SPECIFIC)
def test_specific_needs_that_mention_services_are_read_as_specific(coach: Coach,
                                                                  text: str) -> None:
    reading = coach.read_need(text)
    assert reading is not None, text
    assert reading.category == "specific", reading.to_dict()


def test_negated_need_is_read_but_the_main_need_is_the_affirmed_one(coach: Coach) -> None:
    text = "She does not need counselling; she needs to talk to her dad about the move."
    readings = coach._engine.reader.read_needs(coach._engine.nlp(text))
    assert [(r.category, r.negated) for r in readings] == [("service", True),
                                                           ("specific", False)]
    main = coach.read_need(text)
    assert main is not None and main.verb == "talk" and not main.is_fault


def test_clause_and_phrase_details(coach: Coach) -> None:
    clause = coach.read_need("Mum needs to be able to recognise when she is becoming unwell.")
    assert clause is not None
    assert (clause.what, clause.able, clause.verb) == ("clause", True, "recognise")
    phrase = coach.read_need("Jordan needs a place at a youth club.")
    assert phrase is not None
    assert (phrase.what, phrase.head) == ("phrase", "place")
    assert phrase.span is not None and phrase.span.text == "needs a place at a youth club"


def test_two_needs_in_one_statement_are_both_read(coach: Coach) -> None:
    readings = coach._engine.reader.read_needs(
        coach._engine.nlp("Chloe needs to be safe and needs counselling."))
    assert [(r.category, r.holder_text) for r in readings] == [("universal", "Chloe"),
                                                               ("service", "Chloe")]
    assert readings[0].span is not None and readings[0].span.text == "needs to be safe"


def test_blank_pipeline_reads_by_word_order(blank_coach: Coach) -> None:
    reading = blank_coach.read_need("Jordan needs a place at a youth club.")
    assert reading is not None and not reading.parsed
    assert reading.holder_text == "Jordan" and reading.what == "phrase"


def test_no_need_predicate_reads_as_none(coach: Coach) -> None:
    assert coach.read_need("The weather was cold.") is None
    assert coach.read_need("") is None


def test_word_classes_come_from_the_framework_data() -> None:
    lexicons = RuleSet.load(Content()).lexicons
    reader = StructureReader(lexicons)
    assert "club" in reader.service_head
    assert "ist" in reader.professional_suffix


def test_light_lemmas(coach: Coach) -> None:
    doc = coach._engine.nlp("She was referred and placed; he attends groups and diagnosed.")
    lemmas = {t.text: lemma(t) for t in doc}
    assert lemmas["referred"] == "refer"
    assert lemmas["placed"] == "place"
    assert lemmas["groups"] == "group"
    assert lemmas["attends"] == "attend"


# --- the coach uses the reader: unseen wordings flagged at every stage ------------------

UNSEEN_CHECKS: list[tuple[str, str, set[str]]] = [
    # needs: services, aims and assessments in no list, in the forms real plans use
    ("need", "Jordan needs a place on the Riverside summer scheme.", {"service"}),
    ("need", "Mum needs an IDVA.", {"service"}),
    ("need", "Kyle needs an occupational therapist.", {"service"}),
    ("need", "Mum needs to link in with Womens Aid.", {"service"}),
    ("need", "Jordan to be referred to the Compass team.", {"service"}),
    ("need", "Mum to engage with the Horizon recovery service.", {"service"}),
    ("need", "Dad needs to enrol on the Harbour Lights recovery programme.", {"service"}),
    ("need", "Elsie needs two hours a week of drama therapy.", {"service"}),
    ("need", "Ruben needs his learning environment modified.", {"service"}),
    ("need", "Kian needs his hearing checked.", {"assessment"}),
    ("need", "Tyler needs to be tested for dyslexia.", {"assessment"}),
    ("need", "Oliver needs to be observed in class by the SENCO.", {"assessment"}),
    ("need", "Liam needs to have a happy childhood.", {"universal"}),
    ("need", "Zara needs a positive future.", {"universal"}),
    ("need", "Joel needs to develop his self-belief.", {"universal"}),
    ("need", "Fern needs to become a confident learner.", {"universal"}),
    ("need", "Zac needs to be safe from cruelty.", {"universal"}),
    ("need", "For Bilal to be safe and contented.", {"universal"}),
    ("need", "Kira needs a nurturing upbringing.", {"universal"}),
    ("need", "Lily needs stable and consistent care.", {"universal"}),
    ("need", "Maya needs to thrive at school.", {"universal"}),
    ("need", "Dad needs to be signposted to the Beacon service.", {"service"}),
    ("need", "Kim needs regular sessions with the Orchid team.", {"service"}),
    ("need", "Kai needs to be seen by the community paediatrician.", {"assessment"}),
    # needs that are specific although they mention a service, a worker or an aim
    ("need", "Ellie needs to feel safe enough to sleep in her own bed.", set()),
    ("need", "Jay needs someone at school to check in with him each morning.", set()),
    ("need", "Kai needs his social worker to explain why he cannot live with his mum.", set()),
    ("need", "Tia needs the school nurse to check her blood sugar before PE.", set()),
    ("need", "Jordan needs someone to walk home with after football club.", set()),
    ("need", "Sam needs to feel safe walking past the flats where the older boys wait.", set()),
    ("need", "Mum does not need a referral to the Compass team; she needs to know who to "
             "call at night.", set()),
    ("need", "Mia needs a place to keep her things at her gran's.", set()),
    # outcomes
    ("outcome", "Mum will be accompanied to the Orla hub.", {"service"}),
    ("outcome", "Kai will have a dietician.", {"service"}),
    ("outcome", "Jayden will make wiser choices.", {"vague"}),
    ("outcome", "Dad will engage more often in outdoor hobbies.", {"vague"}),
    ("outcome", "By Christmas, Ellie will walk to school with friends on at least four days "
                "a week.", set()),
    # work
    ("work", "SW to support Jordan.", {"no-action"}),
    ("work", "The youth worker will keep in touch with Jayden every week.", {"no-action"}),
    ("work", "Input from a dietician as required.", {"no-action"}),
    ("work", "CAMHS input.", {"no-action"}),
    ("work", "Health visitor to continue involvement.", {"no-action"}),
    ("work", "Nan to collect Ava from school every Monday and Wednesday from next week.",
     set()),
    # seriousness
    ("seriousness", "If nothing changes, the Zorblax academy will prosecute.", {"agency-risk"}),
    ("seriousness", "If this need is not met, the trust will be named in the Chronicle.",
     {"agency-risk"}),
    ("seriousness", "Without this, the service will be unable to meet its targets.",
     {"agency-risk"}),
    ("seriousness", "If this is not resolved, the nursery may withdraw Noah's place.",
     {"agency-risk"}),
    ("seriousness", "If things do not change, there will be a complaint against the service.",
     {"agency-risk"}),
    ("seriousness", "If Demi keeps missing school, she will fall behind and leave without "
                    "the grades she needs for college.", set()),
    ("need", "Jordan needs to be protected from all forms of harm.", {"universal"}),
    ("need", "Kira needs to have a safe place to live.", {"universal"}),
    ("seriousness", "If nothing changes, Leo is likely to start school unable to play with "
                    "other children.", set()),
]
SCORED = {"need": {"universal", "service", "assessment"}, "outcome": {"vague", "service"},
          "work": {"no-action"}, "seriousness": {"agency-risk"}}


@pytest.mark.parametrize(("stage", "text", "kinds"), UNSEEN_CHECKS)
def test_unseen_wordings_are_flagged_by_structure(coach: Coach, stage: str, text: str,
                                                  kinds: set[str]) -> None:
    report = coach.check(text, stage)
    assert set(report.kinds) & SCORED[stage] == kinds, report.to_dict()
    for finding in report.findings:
        assert text[finding.start:finding.end] == finding.match


def test_structure_findings_say_why(coach: Coach) -> None:
    finding = coach.check("Jordan needs a place at the Kestrel youth club.").findings[0]
    assert finding.rule == "structure-service"
    assert "asks for a place" in finding.message
    assert "a place at the Kestrel youth club" in " ".join(finding.questions)


def test_check_docs_reads_documents_parsed_elsewhere(coach: Coach) -> None:
    from assistant.wording import pipeline

    full = pipeline.load(None).nlp  # the full pipeline, lemmatizer included
    texts = ["Jordan needs a place at a youth club.", "Sam needs to know who to call."]
    assert [r.kinds for r in coach.check_docs(full.pipe(texts))] == [["service"], []]


def test_blank_pipeline_runs_no_structure_rules(blank_coach: Coach) -> None:
    skipped = set(blank_coach.skipped_rules())
    assert {"structure-service", "structure-universal", "structure-assessment",
            "structure-agency-risk"} <= skipped
    assert blank_coach.check("Jordan needs a place at a youth club.").kinds == []


def test_every_word_class_in_the_content_is_read_and_every_one_read_exists() -> None:
    """A shape_* word class no reader asks for is dead content; a class asked for but
    missing from every wording file (a typo on either side) reads as empty and silently
    turns its test off. The reader gets the lexicons of all wording files."""
    import yaml

    from assistant.content import default_root

    path = default_root() / "framework" / "wording" / "structure.yml"
    shapes = set(yaml.safe_load(path.read_text(encoding="utf-8"))["lexicons"])
    loaded = RuleSet.load(Content()).lexicons

    class Asked(dict[str, list[str]]):
        def __init__(self, data: dict[str, list[str]]) -> None:
            super().__init__(data)
            self.asked: set[str] = set()

        def get(self, key: str, default: object = None) -> object:  # type: ignore[override]
            self.asked.add(key)
            return super().get(key, default)

    lexicons = Asked(loaded)
    StructureReader(lexicons)
    assert sorted(shapes - lexicons.asked) == []
    assert sorted(lexicons.asked - set(loaded)) == []
