"""The learned reading of need kinds (assistant/wording/learned.py): the shipped file is
checked on load and is what the trainer makes of the dev rows; the join adds a kind only
where the rules read specific; switched on, the coach flags services and aims worded in
words no list, example or dev row holds, with the rule's own message, and stays silent on
specific needs that mention a service and on negated needs.

Real parts only: the installed pipeline, the real framework, the real trainer run as a
trainer runs it. The invented wordings below were checked with grep against
framework/, eval/dev and the tests: none of their key words are listed or labelled.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from assistant.content import Content, ContentError
from assistant.learning import softmax
from assistant.wording import Coach
from assistant.wording.learned import (
    CLASSES,
    FEATURE_VERSION,
    MODEL_FILE,
    NeedDecision,
    Seen,
    add_kind,
    load_need_model,
    observe,
    open_to_model,
)
from assistant.wording.structure.readings import A_FACT, A_THING, A_THING_SEEN_TO, FOR_A_TIME
from tests.helpers import CONTENT

ROOT = Path(__file__).resolve().parent.parent
SHIPPED = ROOT.joinpath(*MODEL_FILE)


def _override(tmp_path: Path, text: str) -> Content:
    (tmp_path / "framework").mkdir(exist_ok=True)
    (tmp_path / "framework" / MODEL_FILE[-1]).write_text(text, encoding="utf-8")
    return Content(tmp_path)


def _switched_on(tmp_path: Path) -> Content:
    """The shipped model with the join its trainer chose switched on (the file records
    it even when the out-of-fold figures keep it off)."""
    data = json.loads(SHIPPED.read_text(encoding="utf-8"))
    data["decision"]["policy"] = "add"
    assert data["decision"]["add"], "the trainer chose no kind to add"
    return _override(tmp_path, json.dumps(data))


# --- the file ------------------------------------------------------------------------


def test_the_shipped_model_loads_and_says_what_it_was_trained_on() -> None:
    model = load_need_model(CONTENT).model
    assert tuple(model.classes) == CLASSES
    assert model.feature_version == FEATURE_VERSION
    # trained on every dev row there is now: add rows, retrain (make need-model)
    sys.path.insert(0, str(ROOT / "scripts"))
    from tune_need_meaning import dev_items  # type: ignore[import-not-found]

    assert model.meta["rows"] == len(dev_items(ROOT / "eval"))
    assert isinstance(model.meta["loso_additions"], dict)
    assert model.meta["loso_additions"]["misses"] > 0
    # switched on only when its additions were precise out of fold: judged on the rows of
    # sources no rule was written from (eval/unfitted-sources.txt) when it added enough there
    judged_on = model.meta["judged_on"]
    assert judged_on in ("rows no rule was written from", "all dev rows")
    additions = model.meta[
        "unfitted_additions" if judged_on == "rows no rule was written from" else "loso_additions"]
    assert isinstance(additions, dict)
    right = additions["right"] / max(additions["added"], 1)
    # and never while it would flag a need rule's must-pass example
    assert (model.decision.policy == "add") == (
        additions["added"] > 0 and right >= float(model.meta["precise"])  # type: ignore[arg-type]
        and model.meta["must_pass_flagged"] == 0)


def test_a_broken_model_file_is_a_one_line_error_naming_it(tmp_path: Path) -> None:
    with pytest.raises(ContentError) as caught:
        load_need_model(_override(tmp_path, '{"format": "needs-led/need-model",'))
    assert "need-model.json" in str(caught.value)
    assert "not valid JSON" in str(caught.value)
    assert "\n" not in str(caught.value)


def test_a_model_for_other_features_or_kinds_is_refused(tmp_path: Path) -> None:
    data = json.loads(SHIPPED.read_text(encoding="utf-8"))
    for change in ({"feature_version": FEATURE_VERSION + 1},
                   {"classes": ["specific", "service", "universal", "assessment"]},
                   {"decision": {"policy": "add", "add": {"vague": 0.5}}}):
        with pytest.raises(ContentError) as caught:
            load_need_model(_override(tmp_path, json.dumps({**data, **change})))
        assert "need-model" in str(caught.value)


def test_the_shipped_weights_are_what_the_trainer_makes_of_the_dev_rows() -> None:
    result = subprocess.run([sys.executable, "scripts/train_need_model.py", "--check"],
                            cwd=ROOT, capture_output=True, text=True, timeout=1200,
                            env={**os.environ, "OPENBLAS_NUM_THREADS": "1"})
    assert result.returncode == 0, result.stdout + result.stderr
    assert "is what the trainer makes" in result.stdout


def test_the_trainer_refuses_held_out_rows(tmp_path: Path) -> None:
    heldout = tmp_path / "eval" / "heldout"
    heldout.mkdir(parents=True)
    result = subprocess.run([sys.executable, "scripts/train_need_model.py", "--eval-dir",
                             str(heldout)], cwd=ROOT, capture_output=True, text=True,
                            timeout=120)
    assert result.returncode == 2
    assert "never on eval/heldout" in result.stderr


def test_every_source_the_switch_is_judged_on_has_dev_rows() -> None:
    """eval/unfitted-sources.txt names whole publications in the dev rows: a name that
    matches no row would quietly judge the switch on fewer rows than it says."""
    sys.path.insert(0, str(ROOT / "scripts"))
    from train_group_model import source  # type: ignore[import-not-found]
    from train_need_model import unfitted_sources  # type: ignore[import-not-found]
    from tune_need_meaning import dev_items  # type: ignore[import-not-found]

    listed = unfitted_sources(ROOT / "eval")
    assert listed, "eval/unfitted-sources.txt lists no source"
    assert not any(name.startswith("#") for name in listed)
    assert listed <= {source(item.src) for item in dev_items(ROOT / "eval")}


# --- the join ------------------------------------------------------------------------


ON = NeedDecision(policy="add", add={"service": 0.7, "universal": 0.8})


@pytest.mark.parametrize(("decision", "probs", "added"), [
    (ON, [0.1, 0.1, 0.75, 0.05], ("service", 0.75)),
    (ON, [0.3, 0.1, 0.6, 0.0], None),  # under the service threshold
    (ON, [0.1, 0.75, 0.15, 0.0], None),  # under the universal threshold
    (ON, [0.0, 0.0, 0.1, 0.9], None),  # assessment: a kind this join never adds
    (ON, [0.9, 0.05, 0.05, 0.0], None),  # specific is most likely
    (ON.model_copy(update={"policy": "rules"}), [0.0, 0.0, 1.0, 0.0], None),  # switched off
])
def test_the_join_adds_the_most_likely_kind_at_its_threshold(
        decision: NeedDecision, probs: list[float], added: tuple[str, float] | None) -> None:
    assert add_kind(decision, probs, CLASSES) == added


# --- switched on, in the coach -------------------------------------------------------

# Provisions in words no word list, exemplar, rule example or dev row holds (grep):
# the rules read them as specific; the model reads them by meaning as provisions. (Not
# things one can hand over: a thing a child lacks is specific by the labels, and the model
# has no say on one: GOODS below.)
# (The model retrained with rounds 12-16 no longer adds "a buddy system" or "a sibling
# circle" at its new service threshold, 0.8: these are provisions it does add.)
FOUND = ["Leo needs a walking bus.", "Sol needs a peer circle."]
# Specific needs that name such a provision, and negated needs: silent either way.
SILENT = ["Leo does not need a walking bus.",
          "Sol does not need a peer circle any more.",
          "Sol needs to tell the peer circle about her brother's illness by herself.",
          "Leo needs to know who walks with him on the walking bus so he is not scared."]
# Things a child lacks, in words no list, rule, example, dev row or other test holds
# (grep): the model has no say where such a thing heads what is needed
# (``NeedReader.goods``, WordNet's class of things people make), as the labels call them
# specific; the Labelling guide in eval/README.md counts them.
GOODS = ["Kai needs a sleeping bag.", "Tia needs a rucksack.", "Kai needs a raincoat.",
         "Tia needs a bike helmet.", "Sol needs a lap tray.", "Leo needs a sand timer."]
# What is needed for a named time of the calendar: an arrangement for an occasion, whatever
# its head (``NeedReader.occasion``); the model reads "a ride", "a move" near a service.
OCCASIONS = ["Sol needs a ride to the Carnmoor stables on Tuesdays.",
             "Leo needs a move to the Penhallow school in January.",
             "Leo needs a room to sleep in over half-term."]
# ... but a service for a named time is a service still (the rules' kinds stand).
TIMED_SERVICES = ["Kai needs a holiday club at Easter.", "Kai needs respite care at weekends."]
# Provisions with no say of what they change stay services (said by the rules here): the
# goods class does not reach them.
PROVISIONS = ["Kai needs a gym membership.", "Mum needs a package of care.",
              "Mum needs furniture vouchers."]
# People no service list names, in words no list, rule or other test holds as such: the
# model has no say where such a person heads what is needed (``NeedReader.people``,
# WordNet's person class), since a person the holder is to have is their own arrangement.
PEOPLE = ["Kai needs a grown-up he can call.", "Tia needs a neighbour who checks on her.",
          "Kai needs an older cousin to walk with.", "Tia needs a trusted adult at home."]
# ... but the people the rules' service and provider lists name stay services.
SERVICE_PEOPLE = ["Kai needs a mentor.", "Kai needs a key worker.", "Kai needs an advocate."]
# Needs particular to someone: another person named, someone's own help or leave, a
# particular person asked for. The model, which reads names only as left out, read each
# as a service before the reader's finding closed them to it (``NeedReader.someones``).
SOMEONES = ["Leo needs his uncle's help on Sundays.",
            "Sol needs help from her aunt to get to football.",
            "Leo needs his grandad's permission to go on the camp.",
            "Sol needs regular visits from her nan.",
            # whom it comes from hung on the need verb by the parser
            "Leo needs reassurance from his aunt before exams.",
            # a particular person asked to do something particular
            "Sol needs the vicar to read at the funeral.",
            # what a clause is about is someone's, named
            "Nell's guitar to be kept safe.",
            "Leo's medals to be looked after at his dad's."]
# A thing of someone's to be seen to, as a clause ("needs his ... mended") or a fragment
# ("Her ... checked."): the model reads "checked", "mended" near a test or a service; the
# reader's finding closes them to it (``NeedReader.goods``, ``NeedReader.stated``).
THINGS_SEEN_TO = ["Tia needs her scooter mended before the holidays.",
                  "Kai needs his school shoes replaced.",
                  "His glasses repaired."]
# ... but a part of the child to be looked at is an assessment asked for, and stays open.
FINDING_OUT = ["Kai needs his eyesight tested.", "Tia needs her speech assessed."]
# Statements that only say something is there: a fact, not a need (``NeedReader.stated``).
FACTS = ["A bedtime routine chart is in place.", "Respite care is available."]


def _seen(coach: Coach, text: str) -> Seen:
    """What the model is shown of ``text``, as the coach observes it (its ``closed`` says
    why the model has no say there)."""
    engine = coach._engine
    doc = engine.nlp(text)
    return observe(doc, engine.report(doc, "need", text=text), engine.reader)


def _silent_and_closed(coaches: tuple[Coach, Coach], text: str, why: str) -> Seen:
    """Switched on, the coach says nothing of ``text``, and the model is shown it closed
    for ``why`` (a finding of the reader's, one of ``readings``' constants)."""
    shipped, on = coaches
    report = on.check(text)
    assert report.kinds == [], [(f.rule, f.message) for f in report.findings]
    seen = _seen(shipped, text)
    assert seen.closed is not None and seen.closed.startswith(why), seen.closed
    return seen


@pytest.fixture(scope="module")
def coaches(tmp_path_factory: pytest.TempPathFactory) -> tuple[Coach, Coach]:
    """The coach as shipped, and the coach with the model's join switched on."""
    on = _switched_on(tmp_path_factory.mktemp("on"))
    return Coach(CONTENT).load(), Coach(on).load()


def test_switched_on_the_model_flags_provisions_no_list_knows(
        coaches: tuple[Coach, Coach]) -> None:
    shipped, on = coaches
    for text, report in zip(FOUND, on.check_many(FOUND), strict=True):
        assert report.kinds == ["service"], text
        (finding,) = report.findings
        # said as the structure rule of that kind says it, with why it was read so
        assert finding.rule == "structure-service"
        assert "reads as a service, not a need" in finding.message
        assert "reads like a service or provision" in finding.message
        assert "learned" not in finding.message  # how it was read is the why's to say
        assert "by its meaning, what is needed reads like a service" in finding.why
        assert finding.questions and finding.suggestions
    if shipped._learned() is None:  # shipped switched off: the rules alone, silent here
        assert [r.kinds for r in shipped.check_many(FOUND)] == [[], []]


def test_one_statement_and_a_batch_read_the_same(coaches: tuple[Coach, Coach]) -> None:
    _, on = coaches
    batch = [r.kinds for r in on.check_many([*FOUND, *SILENT], notes=False)]
    assert batch == [on.check(text).kinds for text in [*FOUND, *SILENT]]


@pytest.mark.parametrize("text", SILENT)
def test_switched_on_specific_and_negated_needs_stay_silent(
        coaches: tuple[Coach, Coach], text: str) -> None:
    _, on = coaches
    report = on.check(text)
    assert report.kinds == [], [(f.rule, f.message) for f in report.findings]


@pytest.mark.parametrize("text", SOMEONES)
def test_switched_on_needs_particular_to_someone_stay_silent(
        coaches: tuple[Coach, Coach], text: str) -> None:
    _, on = coaches
    report = on.check(text)
    assert report.kinds == [], [(f.rule, f.message) for f in report.findings]


@pytest.mark.parametrize("text", GOODS)
def test_switched_on_things_a_child_lacks_stay_silent(
        coaches: tuple[Coach, Coach], text: str) -> None:
    _silent_and_closed(coaches, text, A_THING)


@pytest.mark.parametrize("text", PEOPLE)
def test_switched_on_people_no_service_names_stay_silent(
        coaches: tuple[Coach, Coach], text: str) -> None:
    shipped, on = coaches
    assert on.check(text).kinds == [], text
    seen = _seen(shipped, text)
    assert seen.closed is not None, text


@pytest.mark.parametrize("text", SERVICE_PEOPLE)
def test_people_a_service_list_names_stay_services_and_open(
        coaches: tuple[Coach, Coach], text: str) -> None:
    shipped, on = coaches
    assert on.check(text).kinds == ["service"], text
    engine = shipped._engine
    reading = engine.reader.read_need(engine.nlp(text))
    assert reading is not None and engine.reader.people(reading) is None, text
    assert not {"mentor", "advocate", "worker"} & engine.reader.person_noun


def test_a_thing_first_a_person_is_a_thing_when_plural_or_described(
        coaches: tuple[Coach, Coach]) -> None:
    """WordNet's first sense of "trainer" is a person, its second a shoe: plural or
    described it heads a thing ("new trainers for PE"), alone a person."""
    shipped, _ = coaches
    engine = shipped._engine
    for text, good in [("Kai needs new trainers for PE.", True),
                       ("Kai needs trainers.", True), ("Kai needs a trainer.", False)]:
        head = next(t for t in engine.nlp(text) if t.dep_ == "dobj")
        assert engine.reader.goods_head(head) is good, text


@pytest.mark.parametrize("text", THINGS_SEEN_TO)
def test_switched_on_things_of_someones_to_be_seen_to_stay_silent(
        coaches: tuple[Coach, Coach], text: str) -> None:
    _silent_and_closed(coaches, text, A_THING_SEEN_TO)


@pytest.mark.parametrize("text", FINDING_OUT)
def test_a_part_of_the_child_to_be_looked_at_stays_open(
        coaches: tuple[Coach, Coach], text: str) -> None:
    shipped, _ = coaches
    assert _seen(shipped, text).closed is None, text


@pytest.mark.parametrize("text", FACTS)
def test_statements_of_what_is_there_are_closed_as_facts(
        coaches: tuple[Coach, Coach], text: str) -> None:
    assert _silent_and_closed(coaches, text, A_FACT).reading is None, text


def test_a_need_for_a_service_is_not_a_fact(coaches: tuple[Coach, Coach]) -> None:
    """The fact closure reads only statements with no need in them: a service asked for
    is open to the model whatever its verb."""
    shipped, _ = coaches
    for text in ["Kai needs respite care.", "Respite care is needed for Kai."]:
        assert _seen(shipped, text).closed is None, text


@pytest.mark.parametrize("text", OCCASIONS)
def test_switched_on_needs_for_a_named_time_stay_silent(
        coaches: tuple[Coach, Coach], text: str) -> None:
    _silent_and_closed(coaches, text, FOR_A_TIME)


def test_services_for_a_named_time_stay_services(coaches: tuple[Coach, Coach]) -> None:
    _, on = coaches
    assert [r.kinds for r in on.check_many(TIMED_SERVICES)] == [["service"], ["service"]]


@pytest.mark.parametrize("text", PROVISIONS)
def test_provisions_stay_services_and_are_not_read_as_goods(
        coaches: tuple[Coach, Coach], text: str) -> None:
    shipped, on = coaches
    assert on.check(text).kinds == ["service"], text
    engine = shipped._engine
    doc = engine.nlp(text)
    reading = engine.reader.read_need(doc)
    assert reading is not None and engine.reader.goods(reading) is None, text


def test_a_thing_named_by_a_service_list_is_not_a_good(coaches: tuple[Coach, Coach]) -> None:
    """WordNet files equipment and a bed among things people make; the rules' lists name
    them as a service or a place provided, and a compound WordNet knows decides for itself
    ("a car seat": a seat is first a place, a car seat a thing)."""
    shipped, _ = coaches
    reader = shipped._engine.reader
    assert {"torch", "duvet", "raincoat"} <= reader.goods_noun
    assert not {"bed", "equipment", "seat", "room"} & reader.goods_noun
    nlp = shipped._engine.nlp
    for text, good in [("Kai needs a car seat.", True), ("Kai needs a seat.", False),
                       ("Kai needs specialist equipment.", False)]:
        doc = nlp(text)
        head = next(t for t in doc if t.dep_ == "dobj")
        assert reader.goods_head(head) is good, text


def test_the_model_has_no_say_where_the_reader_read_someone_and_a_say_elsewhere(
        coaches: tuple[Coach, Coach]) -> None:
    """The guard is the reader's finding, shared by run time and the trainer: it closes
    the needs particular to someone, not provisions no list knows nor aims said with a
    pronoun."""
    shipped, _ = coaches
    for text, closed in [*((t, True) for t in SOMEONES), *((t, False) for t in FOUND),
                         ("Sol needs to do as well as she can at school.", False)]:
        seen = _seen(shipped, text)
        assert (seen.closed is not None) == closed, (text, seen.closed)
        assert open_to_model(seen) == (not closed and not seen.kinds), text


def test_what_the_coach_reads_for_the_model_is_what_the_trainer_reads_where_it_may_add(
        coaches: tuple[Coach, Coach]) -> None:
    """The coach reads a statement's words for the model only where the model may add a
    kind (``only_open``): there it reads what the trainer reads, and the model's
    probabilities are the sum of :meth:`NeedModel.features`' weights; a statement closed
    to the model keeps its readings and why it is closed."""
    _, on = coaches
    model = on._learned()
    assert model is not None
    engine = on._engine
    for text in [*SOMEONES, *FOUND, "Sol needs to do as well as she can at school."]:
        doc = engine.nlp(text)
        report = engine.report(doc, "need", text=text)
        whole, lean = (observe(doc, report, engine.reader),
                       observe(doc, report, engine.reader, only_open=True))
        assert (lean.reading, lean.readings, lean.closed, lean.kinds) == \
            (whole.reading, whole.readings, whole.closed, whole.kinds), text
        if not open_to_model(whole):
            assert not lean.texts and not model.may_add(lean), text
            continue
        assert (lean.feats, lean.texts) == (whole.feats, whole.texts), text
        logits = list(model.model.bias)
        for name, value in model.features(whole).items():
            for k, w in model.rows.get(name, ()):
                logits[k] += w * value
        for part, weights in model.dense.items():
            logits = [v + float(e) for v, e in
                      zip(logits, model.vector(whole.texts[part]) @ weights, strict=True)]
        assert model.probabilities(lean) == softmax(logits), text


def test_the_rules_kinds_stand_and_get_nothing_added(coaches: tuple[Coach, Coach]) -> None:
    shipped, on = coaches
    texts = ["Jordan needs a place at a youth club.", "Kacey needs continuity.",
             "Kai needs an audiology screen."]
    assert [r.kinds for r in on.check_many(texts)] == \
        [r.kinds for r in shipped.check_many(texts)]
