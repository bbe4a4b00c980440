"""The learned Need Group reading (assistant/needgroups/learned.py): the shipped weights
file is checked on load, is what the trainer makes of the dev rows, joins the rules as it
says, and never gives a theme to a need worded as a service, an assessment or an aim.

Real parts only: the installed spaCy pipeline, the real themes.yml and model file, the
real trainer run as a trainer runs it.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from assistant.content import Content, ContentError
from assistant.needgroups import Analyzer, Suggester, load_themes
from assistant.needgroups.learned import (
    FEATURE_VERSION,
    MODEL_FILE,
    NONE,
    VECTOR_PARTS,
    Decision,
    choose,
    fallback_pick,
    features,
    fits,
    load_model,
    vector_texts,
)
from assistant.vectors import load_vectors
from tests.helpers import CONTENT

ROOT = Path(__file__).resolve().parent.parent
THEMES = load_themes(CONTENT)
DEV = ROOT / "eval" / "dev" / "needgroups.jsonl"
SHIPPED = ROOT.joinpath(*MODEL_FILE)


@pytest.fixture(scope="module")
def pair() -> tuple[Suggester, Suggester]:
    """The suggester as `audit suggest` builds it, and the rules alone."""
    analyzer = Analyzer(None, CONTENT)
    return Suggester(THEMES, analyzer), Suggester(THEMES, analyzer, learned=False)


def _dev_texts() -> set[str]:
    return {json.loads(line)["text"].lower() for line in DEV.read_text().splitlines()
            if line.strip()}


# --- the file ------------------------------------------------------------------------


def test_the_shipped_model_loads_and_says_what_it_was_trained_on() -> None:
    learned = load_model(CONTENT, THEMES)
    model = learned.model
    assert model.classes == [t.id for t in THEMES.themes] + [NONE]
    assert model.feature_version == FEATURE_VERSION
    # trained on every dev row there is now: a trainer who adds rows must retrain
    assert model.meta["rows"] == len(_dev_texts())
    assert model.meta["trained_on"] == "eval/dev/needgroups.jsonl"
    assert "(a) rules alone" in model.meta["loso"]
    assert 0.0 < float(model.meta["loso_chosen"]) <= 1.0  # type: ignore[arg-type]


def _override(tmp_path: Path, text: str) -> Content:
    (tmp_path / "framework").mkdir(exist_ok=True)
    (tmp_path / "framework" / MODEL_FILE[-1]).write_text(text, encoding="utf-8")
    return Content(tmp_path)


def test_a_broken_model_file_is_a_one_line_error_naming_it(tmp_path: Path) -> None:
    with pytest.raises(ContentError) as caught:
        load_model(_override(tmp_path, '{"format": "needs-led/needgroups-model",'), THEMES)
    assert "needgroups-model.json" in str(caught.value)
    assert "not valid JSON" in str(caught.value)
    assert "\n" not in str(caught.value)


def test_a_model_for_other_features_or_themes_is_refused(tmp_path: Path) -> None:
    shipped = json.loads(SHIPPED.read_text(encoding="utf-8"))
    old = {**shipped, "feature_version": FEATURE_VERSION + 1}
    with pytest.raises(ContentError, match="retrain"):
        load_model(_override(tmp_path, json.dumps(old)), THEMES)
    renamed = SHIPPED.read_text(encoding="utf-8").replace('"domestic-abuse"',
                                                          '"no-such-theme"')
    model = load_model(_override(tmp_path, renamed), THEMES).model
    assert "no-such-theme" in fits(model, THEMES)  # trained for other themes
    assert fits(load_model(CONTENT, THEMES).model, THEMES) == ""
    short = {**shipped, "bias": shipped["bias"][:-1]}
    with pytest.raises(ContentError, match="bias"):
        load_model(_override(tmp_path, json.dumps(short)), THEMES)
    stray = {**shipped, "weights": {"w:drink": {"not-a-class": 1.0}}}
    with pytest.raises(ContentError, match="not-a-class"):
        load_model(_override(tmp_path, json.dumps(stray)), THEMES)


def test_the_suggester_refuses_to_start_on_a_broken_model(tmp_path: Path) -> None:
    content = _override(tmp_path, "[]")
    with pytest.raises(ContentError, match=r"needgroups-model\.json"):
        Suggester(THEMES, Analyzer(None, content))


def test_edited_themes_fall_back_to_the_rules_until_retrained(tmp_path: Path) -> None:
    """A trainer who renames a theme in themes.yml still gets suggestions (the rules'),
    and is told why the learned reading is left out."""
    text = (ROOT / "framework" / "themes.yml").read_text(encoding="utf-8")
    (tmp_path / "framework").mkdir()
    (tmp_path / "framework" / "themes.yml").write_text(
        text.replace("id: domestic-abuse", "id: abuse-at-home")
            .replace("joint_theme: domestic-abuse", "joint_theme: abuse-at-home"),
        encoding="utf-8")
    content = Content(tmp_path)
    suggester = Suggester(load_themes(content), Analyzer(None, content))
    assert suggester.learned is None
    assert "abuse-at-home" in suggester.learned_note
    assert "make group-model" in suggester.learned_note
    shipped = Suggester(THEMES, Analyzer(None, CONTENT))
    assert shipped.learned is not None and shipped.learned_note == ""


def test_the_shipped_weights_are_what_the_trainer_makes_of_the_dev_rows() -> None:
    """Deterministic training: retraining on eval/dev gives the shipped weights."""
    run = subprocess.run([sys.executable, "scripts/train_group_model.py", "--check"],
                         cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert run.returncode == 0, run.stdout + run.stderr
    assert "is what the trainer makes of the dev rows" in run.stdout


def test_the_trainer_refuses_held_out_rows(tmp_path: Path) -> None:
    run = subprocess.run([sys.executable, "scripts/train_group_model.py", "--data",
                          "eval/heldout/needgroups.jsonl", "--out", str(tmp_path / "m.json")],
                         cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert run.returncode == 2
    assert "never on eval/heldout" in run.stderr
    assert not (tmp_path / "m.json").exists()


# --- the join ------------------------------------------------------------------------

CLASSES = ["a", "b", NONE]


@pytest.mark.parametrize("decision", [
    Decision(policy="strong", threshold=1.0),
    Decision(policy="strong", threshold=2.0, min_prob=0.6),
    Decision(policy="blend", alpha=0.05),
    Decision(policy="stack", weights=[1.0, 1.0, 0.5, 1.0, 0.5, 0.2])])
def test_a_word_naming_the_difficulty_is_never_overturned(decision: Decision) -> None:
    # The rules' theme rests on a strong term, weakly placed (a score under the
    # threshold): it stands against a sure model in every join with the rules ...
    assert choose(decision, [0.05, 0.9, 0.05], CLASSES, "a", {"a": 0.4}, True) == "a"
    # ... and without the strong term the model would have overturned it.
    assert choose(decision, [0.05, 0.9, 0.05], CLASSES, "a", {"a": 0.4}, False) == "b"
    # The model alone is the model alone.
    assert choose(Decision(policy="model"), [0.05, 0.9, 0.05], CLASSES, "a",
                  {"a": 0.4}, True) == "b"


STACKED = Decision(policy="stack", weights=[1.0, 1.0, 0.5, 1.0, 0.5, 0.2])


@pytest.mark.parametrize(("decision", "probs", "rule", "scores", "want"), [
    # the rules alone: the model is not asked
    (Decision(policy="rules"), [0.0, 0.9, 0.1], "a", {"a": 1.0}, "a"),
    # the model alone, and its "no theme"
    (Decision(policy="model"), [0.1, 0.8, 0.1], "a", {"a": 1.0}, "b"),
    (Decision(policy="model"), [0.1, 0.1, 0.8], "a", {"a": 1.0}, None),
    # where the rules find nothing, the model places the need
    (Decision(policy="fallback"), [0.1, 0.8, 0.1], None, {}, "b"),
    (Decision(policy="fallback"), [0.1, 0.8, 0.1], "a", {"a": 0.2}, "a"),
    # strong rules stand; weak ones give way to the model
    (Decision(policy="strong", threshold=1.0), [0.1, 0.8, 0.1], "a", {"a": 1.5}, "a"),
    (Decision(policy="strong", threshold=1.0), [0.1, 0.8, 0.1], "a", {"a": 0.5}, "b"),
    # an unsure model leaves the rules' choice, even no theme
    (Decision(policy="strong", threshold=1.0, min_prob=0.6), [0.3, 0.5, 0.2], "a",
     {"a": 0.5}, "a"),
    (Decision(policy="fallback", min_prob=0.6), [0.3, 0.5, 0.2], None, {}, None),
    # a blend adds the rules' share of their scores
    (Decision(policy="blend", alpha=1.0), [0.4, 0.5, 0.1], "a", {"a": 1.0, "b": 0.0}, "a"),
    (Decision(policy="blend", alpha=0.05), [0.4, 0.5, 0.1], "a", {"a": 1.0, "b": 0.0}, "b"),
    # a stacked join weighs both: a sure model overturns a weakly scored rules' theme ...
    (STACKED, [0.05, 0.9, 0.05], "a", {"a": 0.4}, "b"),
    # ... a theme the rules score high stands against it ...
    (STACKED, [0.2, 0.7, 0.1], "a", {"a": 3.0}, "a"),
    # ... and where the rules find no theme word, "no theme" weighs more
    (STACKED, [0.35, 0.3, 0.35], None, {}, None),
    (STACKED, [0.45, 0.3, 0.25], "a", {"a": 0.5}, "a"),
    # a sure model overturns a high rules' score too, unless it reaches the threshold
    (STACKED, [0.001, 0.998, 0.001], "a", {"a": 1.5}, "b"),
    (STACKED.model_copy(update={"threshold": 1.25}), [0.001, 0.998, 0.001], "a",
     {"a": 1.5}, "a"),
    # a model less sure than the floor leaves the rules' choice
    (STACKED.model_copy(update={"min_prob": 0.95}), [0.05, 0.9, 0.05], "a", {"a": 0.4},
     "a"),
    # the offset to "no theme" is a floor: a model not sure enough leaves the need
    (Decision(policy="stack", weights=[1.0, 1.0, 0.5, 1.0, 0.0, 0.0]), [0.1, 0.6, 0.3],
     None, {}, "b"),
    (Decision(policy="stack", weights=[1.0, 1.0, 0.5, 1.0, 0.0, 0.0], none_offset=1.0),
     [0.1, 0.6, 0.3], None, {}, None),
])
def test_the_join_of_model_and_rules(decision: Decision, probs: list[float],
                                     rule: str | None, scores: dict[str, float],
                                     want: str | None) -> None:
    assert choose(decision, probs, CLASSES, rule, scores) == want


@pytest.mark.parametrize("fields", [
    {"policy": "stack"},  # a stacked join with no weights
    {"policy": "stack", "weights": [1.0, 1.0]},  # fewer weights than its features
    {"policy": "strong", "threshold": 1.0, "weights": [1.0] * 6},  # weights it never reads
])
def test_a_stacked_join_and_its_weights_come_together(fields: dict[str, object]) -> None:
    with pytest.raises(ValueError, match="weights"):
        Decision.model_validate(fields)


def test_features_leave_out_names_the_holder_and_the_need_verb(
        pair: tuple[Suggester, Suggester]) -> None:
    learned, _ = pair
    analysis = learned.analyzer.read(["Ellie needs to stop missing school to look after "
                                      "Bobby"])[0]
    feats = features(analysis)
    assert "w:school" in feats and "w:miss" in feats
    assert not any("ellie" in f or "bobby" in f or f.endswith(":need") for f in feats)


def test_features_read_pieces_and_stems_of_what_is_needed(
        pair: tuple[Suggester, Suggester]) -> None:
    # Pieces of a word carry to words no labelled need used ("coercively" shares "coer"
    # with "coercive"); only what is needed gives pieces, so a setting does not.
    learned, _ = pair
    analysis = learned.analyzer.read(["Mum needs to spot coercive texts when her "
                                      "children are asleep"])[0]
    feats = features(analysis)
    assert {"g:<coe", "g:coer", "g:ive>", "s:coer", "sin:coer"} <= set(feats)
    assert "s:asle" in feats  # a word's stem wherever it is ...
    assert "g:slee" not in feats and "sin:asle" not in feats  # ... its pieces only inside


def test_features_keep_a_words_place_apart(pair: tuple[Suggester, Suggester]) -> None:
    # "school" as the setting and "work" as what the need is for are their own families
    # (a setting says little of the theme where what must change says much), and whom
    # each part is about is read too; the pooled word stays, so what is learned of a
    # word anywhere still carries.
    learned, _ = pair
    setting, needed = (features(a) for a in learned.analyzer.read([
        "Child 1 needs to sit calmly at school so that his mum can get to work.",
        "Child 1 needs to go to school every day."]))
    assert {"set:school", "set:school@c", "why:work", "why:work@p", "who:why@p",
            "w:school"} <= set(setting)
    assert "in:school" not in setting and "why:school" not in setting
    assert {"in:school", "w:school", "set:day"} <= set(needed)
    assert "set:school" not in needed


# --- what a user sees ----------------------------------------------------------------

# Needs the rules cannot place (their theme words sit where the rules do not count them,
# or are missing), written for this test (no dev row says them): the model places them,
# and its reason names the need's own words it went on.
MODEL_PLACES = [
    ("Kyle needs to stop climbing out of the window at night to meet men he met on "
     "Snapchat.", "exploitation-missing"),
    ("Ellie needs to stop going off with men she meets at the bus station.",
     "exploitation-missing"),
]


@pytest.mark.parametrize(("text", "theme"), MODEL_PLACES)
def test_the_model_places_needs_the_rules_cannot(pair: tuple[Suggester, Suggester],
                                                 text: str, theme: str) -> None:
    learned, rules = pair
    assert text.lower() not in _dev_texts()
    by_rules = rules.suggest([text])[0]
    got = learned.suggest([text])[0]
    assert got.theme == theme
    assert by_rules.theme != theme  # it is the model's doing, not the rules'
    assert "learned from labelled needs" in got.reason
    quoted = [w.strip("'") for w in got.reason.split(" (learned")[0]
              .removeprefix("read from ").split(", ")]
    assert quoted and all(w.lower() in text.lower() for w in quoted)
    assert "matched" not in got.reason.split(";")[0]  # no rule is said to have fired


NO_THEME = [
    ("Mum needs parenting classes.", "worded as a service"),
    ("Jordan needs an assessment of his hearing.", "worded as an assessment"),
    ("Kayla needs to be safe and happy.", "worded as an aim"),
    ("The family needs a referral to the housing options team.", "worded as a service"),
    # words no list and no dev row has, around a service, an assessment and an aim
    ("Mum needs a Zumba class.", "worded as a service"),
    ("Kemi needs an evaluation of her Yoruba.", "worded as an assessment"),
    ("Ossie needs to flourish.", "worded as an aim"),
]


@pytest.mark.parametrize(("text", "reason"), NO_THEME)
def test_service_assessment_and_aim_wording_still_get_no_theme(
        pair: tuple[Suggester, Suggester], text: str, reason: str) -> None:
    learned, _ = pair
    got = learned.suggest([text])[0]
    assert got.theme is None
    assert got.reason.startswith(reason)


def test_a_strong_rule_is_not_overturned(pair: tuple[Suggester, Suggester]) -> None:
    learned, rules = pair
    text = "Mum needs to be sober in the mornings when she takes Ava to nursery."
    assert learned.suggest([text])[0].theme == rules.suggest([text])[0].theme == \
        "substance-misuse"


# --- what the meaning vectors add ------------------------------------------------------


def test_vector_texts_leave_out_names_the_holder_and_the_need_verb(
        pair: tuple[Suggester, Suggester]) -> None:
    learned, _ = pair
    analysis = learned.analyzer.read(["Ellie needs to stop missing school to look after "
                                      "Bobby"])[0]
    texts = vector_texts(analysis)
    assert set(texts) == set(VECTOR_PARTS)
    assert "school" in texts["need"] and "school" in texts["whole"]
    assert "needs" not in texts["need"].split()
    assert "Ellie" not in texts["need"]  # the holder is not what is needed
    assert not any("Bobby" in t for t in texts.values())  # nor is a name inside it


def _with_vectors(shipped: dict, rows: list[list[float]]) -> dict:
    """The shipped model as if it read the "need" vector with these weights."""
    return {**shipped, "decision": {**shipped["decision"], "vectors": ["need"]},
            "vector_scale": 4.0, "vectors": {"need": rows}}


def test_a_vector_row_of_the_wrong_shape_is_refused(tmp_path: Path) -> None:
    shipped = json.loads(SHIPPED.read_text(encoding="utf-8"))
    width = len(shipped["classes"])
    good = _with_vectors(shipped, [[0.0] * width] * 384)
    assert load_model(_override(tmp_path, json.dumps(good)), THEMES).vectors is not None
    short = _with_vectors(shipped, [[0.0] * (width - 1)] * 384)
    with pytest.raises(ContentError, match="one weight per class"):
        load_model(_override(tmp_path, json.dumps(short)), THEMES)
    stray = {**good, "vectors": {**good["vectors"], "elsewhere": [[0.0] * width]}}
    with pytest.raises(ContentError, match="vectors"):
        load_model(_override(tmp_path, json.dumps(stray)), THEMES)


def test_a_need_vector_weighs_towards_the_theme_its_meaning_is_near(
        tmp_path: Path, pair: tuple[Suggester, Suggester]) -> None:
    """The dense rows are read: a "need" weight row pointing at one theme's mean vector
    raises that theme for a need meaning the same thing in other words, and the vectors
    are encoded once per batch."""
    learned, _ = pair
    shipped = json.loads(SHIPPED.read_text(encoding="utf-8"))
    vectors = load_vectors(CONTENT)
    k = shipped["classes"].index("substance-misuse")
    centre = vectors.encode(["drinking alcohol drunk cans of lager vodka"])[0]
    rows = [[float(centre[d]) if c == k else 0.0 for c in range(len(shipped["classes"]))]
            for d in range(vectors.dims)]
    model = load_model(_override(tmp_path, json.dumps(_with_vectors(shipped, rows))), THEMES)
    texts = ["Gran needs to stop being sozzled on cider by teatime.",
             "Gran needs to stop humming while she knits."]
    analyses = learned.analyzer.read(texts)
    model.prepare(analyses)
    assert all(vector_texts(a)["need"] in model._encoded for a in analyses)
    boozy, knitting = (model.vector_logits(a) for a in analyses)
    assert boozy is not None and knitting is not None
    assert boozy[k] > knitting[k] and boozy[k] > 0.5


# --- the second model: meaning vectors where the rules find nothing -------------------


def test_a_fallback_and_its_weights_come_together(tmp_path: Path) -> None:
    """A decision naming a second model needs its weights, and weights need the decision
    to name them: a half-written file is refused on load, naming the field."""
    shipped = json.loads(SHIPPED.read_text(encoding="utf-8"))
    width = len(shipped["classes"])
    second = {"bias": [0.0] * width, "weights": {}, "vector_scale": 4.0,
              "vectors": {"need": [[0.0] * width] * 384}}
    named = {**shipped, "decision": {**shipped["decision"], "fallback": ["need"],
                                     "fallback_prob": 0.4}}
    named.pop("fallback", None)
    with pytest.raises(ContentError, match="fallback"):
        load_model(_override(tmp_path, json.dumps(named)), THEMES)
    unnamed = {**shipped, "decision": {**shipped["decision"], "fallback": []},
               "fallback": second}
    with pytest.raises(ContentError, match="fallback"):
        load_model(_override(tmp_path, json.dumps(unnamed)), THEMES)
    wrong = {**named, "fallback": {**second, "vectors": {"whole": second["vectors"]["need"]}}}
    with pytest.raises(ContentError, match="vectors"):
        load_model(_override(tmp_path, json.dumps(wrong)), THEMES)
    model = load_model(_override(tmp_path, json.dumps({**named, "fallback": second})),
                       THEMES)
    assert model.fallback is not None and model.fallback.vectors is not None


@pytest.mark.parametrize(("probs", "floor", "want"), [
    ([0.1, 0.7, 0.2], 0.5, (True, "b")),
    ([0.1, 0.2, 0.7], 0.5, (True, None)),  # its "no theme" stands too
    ([0.3, 0.45, 0.25], 0.5, (False, "b")),  # unsure: the join above decides
])
def test_the_second_models_choice_stands_only_at_its_floor(
        probs: list[float], floor: float, want: tuple[bool, str | None]) -> None:
    assert fallback_pick(probs, CLASSES, floor) == want


def _leaning(tmp_path: Path, theme: str) -> Suggester:
    """The shipped model, with a second model that always says ``theme`` (its vector
    weights zero, its bias all on ``theme``): what it changes is where it is asked."""
    shipped = json.loads(SHIPPED.read_text(encoding="utf-8"))
    width = len(shipped["classes"])
    bias = [5.0 if c == theme else 0.0 for c in shipped["classes"]]
    model = {**shipped, "decision": {**shipped["decision"], "fallback": ["need"],
                                     "fallback_prob": 0.5},
             "fallback": {"bias": bias, "weights": {}, "vector_scale": 4.0,
                          "vectors": {"need": [[0.0] * width] * 384}}}
    return Suggester(THEMES, Analyzer(None, _override(tmp_path, json.dumps(model))))


def test_the_second_model_is_asked_only_where_the_rules_find_nothing(
        tmp_path: Path) -> None:
    suggester = _leaning(tmp_path, "young-carer")
    texts = [
        # no theme word, read as Mum's need: the second model places it
        "Mum needs to stop leaving the front door open all night.",
        # a theme word the rules count: the join of the words model and the rules
        "Mum needs to stop drinking vodka before the school run.",
        # worded as a service: no theme whatever a model says
        "Mum needs a Zumba class.",
        # not read as anyone's need, and no theme word: left for the group
        "Has a lovely smile.",
    ]
    placed, drink, service, unread = suggester.suggest(texts)
    assert placed.theme == "young-carer"
    assert "learned from labelled needs" in placed.reason
    assert drink.theme == "substance-misuse"
    assert service.theme is None and service.reason.startswith("worded as a service")
    assert unread.theme is None


def _unlearned_guard(folder: Path, guard: bool, weights: dict) -> Suggester:
    """The shipped model made to lean to young caring wherever it is asked (a strong
    join that never keeps the rules' theme by its score), with or without the guard."""
    shipped = json.loads(SHIPPED.read_text(encoding="utf-8"))
    bias = [5.0 if c == "young-carer" else 0.0 for c in shipped["classes"]]
    decision = {"policy": "strong", "threshold": 100.0, "rule_features": False,
                "unlearned_stands": guard}
    model = {**shipped, "decision": decision, "bias": bias, "weights": weights,
             "vectors": {}, "vector_scale": 0.0}
    model.pop("fallback", None)
    folder.mkdir()
    return Suggester(THEMES, Analyzer(None, _override(folder, json.dumps(model))))


def test_the_rules_theme_stands_on_words_the_model_never_learned(tmp_path: Path) -> None:
    text = "Child 1 needs to do his homework every evening."
    (rule,) = Suggester(THEMES, Analyzer(None, CONTENT), learned=False).suggest([text])
    assert rule.theme == "school-learning" and not rule.strong
    # no weight for 'homework': the model cannot weigh it, so the rules' theme stands
    (kept,) = _unlearned_guard(tmp_path / "guarded", True, {}).suggest([text])
    assert kept.theme == "school-learning"
    # without the guard, the same model overrules it
    (overruled,) = _unlearned_guard(tmp_path / "open", False, {}).suggest([text])
    assert overruled.theme == "young-carer"
    # a word the model holds a weight for is its to weigh
    learned = {"w:homework": {"young-carer": 0.5}}
    (weighed,) = _unlearned_guard(tmp_path / "learned", True, learned).suggest([text])
    assert weighed.theme == "young-carer"


def test_the_trainers_predictions_name_each_rows_placing_and_each_themes_figures(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """``--predictions``: one line per dev row as the chosen join placed it out of fold,
    and each theme's recall and precision (what an error analysis starts from)."""
    from assistant.needgroups.suggest import Suggestion
    from scripts.train_group_model import write_predictions

    rows = [{"text": "Aunt Wren needs a quieter flat."},
            {"text": "Wren needs to stop skipping maths."},
            {"text": "Wren needs a keyworker."}]
    items = [{"gold": "a", "src": "s1", "rule": Suggestion("a", "", scores={"a": 1.5})},
             {"gold": "b", "src": "s2", "rule": Suggestion(None, "")},
             {"gold": None, "src": "s2", "rule": None}]
    out = tmp_path / "pred.jsonl"
    write_predictions(out, rows, items, {0: "a", 1: "a", 2: None}, CLASSES)
    lines = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [(r["gold"], r["got"], r["rules"], r["unplaced"]) for r in lines] == [
        ("a", "a", "a", False), ("b", "a", None, False), (None, None, None, True)]
    assert lines[0]["rules_best"] == 1.5 and lines[1]["rules_best"] == 0.0
    table = {line.split()[0]: line.split()[1:] for line in capsys.readouterr().out.splitlines()
             if line.split() and line.split()[0] in CLASSES}
    # a: 1 gold row, right, 2 placed there (precision 0.5); b: 1 gold row, missed
    assert table["a"] == ["1", "1", "1.000", "2", "0.500"]
    assert table["b"] == ["1", "0", "0.000", "0", "0.000"]
    assert table[NONE] == ["1", "1", "1.000", "1", "1.000"]
