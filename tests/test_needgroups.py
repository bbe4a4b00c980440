"""Need Groups: themes as data, suggestions that say why, grouping operations and undo.

Real parts only: the installed spaCy pipeline for lemmas, a real SQLite file in tmp_path,
the real framework/themes.yml.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from assistant.audit.readers import read_forms
from assistant.audit.repository import AuditStore
from assistant.content import Content, ContentError
from assistant.needgroups import (
    Analyzer,
    GroupError,
    Shuffle,
    Suggester,
    Themes,
    load_themes,
    suggest_sample,
)
from assistant.needgroups.suggest import decode
from assistant.store import Store
from tests.helpers import CONTENT

GOLDEN = Path(__file__).resolve().parent / "golden" / "needgroups"
THEMES = load_themes(CONTENT)


@pytest.fixture(scope="module")
def suggester() -> Suggester:
    return Suggester(THEMES, Analyzer(None, CONTENT))


@pytest.fixture
def sample(tmp_path: Path, suggester: Suggester) -> Any:
    """The golden forms imported into a fresh sample, suggestions stored."""
    store = Store(tmp_path / "audit.db")
    audit = AuditStore(store)
    sample_id = audit.new_sample("Golden")
    forms, problems = read_forms("forms.json", (GOLDEN / "forms.json").read_bytes())
    assert problems == []
    audit.add_forms(sample_id, forms, "forms.json")
    suggest_sample(audit, sample_id, suggester)
    yield audit, sample_id
    store.close()


def state(audit: AuditStore, sample_id: int) -> tuple[list[Any], list[Any]]:
    """Everything a grouping operation may change: the groups and where each need is."""
    groups = [(g["id"], g["name"], g["description"], g["notes"], g["theme"])
              for g in audit.groups(sample_id)]
    needs = [(n["id"], n["group_id"]) for n in audit.needs(sample_id)]
    return groups, needs


def need_id(audit: AuditStore, sample_id: int, fragment: str) -> int:
    (row,) = [n for n in audit.needs(sample_id) if fragment in n["wording"]]
    return int(row["id"])


# --- themes as data ----------------------------------------------------------------------


def test_every_theme_has_examples_and_the_framework_themes_are_there() -> None:
    ids = {t.id for t in THEMES.themes}
    for wanted in ("parental-mental-health", "domestic-abuse", "substance-misuse",
                   "parenting-boundaries", "school-learning", "behaviour",
                   "emotional-wellbeing", "family-relationships", "housing-money",
                   "development-communication", "health-disability", "exploitation-missing"):
        assert wanted in ids
    assert all(t.examples for t in THEMES.themes), "each theme needs examples to check it"


@pytest.mark.parametrize(
    ("theme_id", "example"),
    [(t.id, e) for t in THEMES.themes for e in t.examples],
)
def test_theme_examples_are_suggested_to_their_theme(suggester: Suggester, theme_id: str,
                                                      example: str) -> None:
    (suggestion,) = suggester.suggest([example])
    assert suggestion.theme == theme_id, suggestion.reason
    label = THEMES.get(theme_id).label  # type: ignore[union-attr]
    assert suggestion.reason.startswith("matched '")
    assert f"-> {label}" in suggestion.reason


def test_suggestion_says_which_words_matched_in_any_inflection(suggester: Suggester) -> None:
    (s,) = suggester.suggest(["Mother needs to stop drinking before the school run."])
    assert s.theme == "substance-misuse"
    assert s.reason.startswith("matched 'drinking' -> Parental substance misuse")
    assert "also matched 'school' -> School attendance and learning" in s.reason
    assert s.alternatives == ["school-learning"]
    # 'drank' is not in the lexicon: only its lemma 'drink' is, so this is spaCy at work.
    (past,) = suggester.suggest(["Father drank heavily when the children were at home."])
    assert past.theme == "substance-misuse"
    assert "'drank'" in past.reason


@pytest.mark.parametrize("text", ["Child 1 needs a blue umbrella.",
                                  "Child 1 needs to collect stamps."])
def test_a_need_that_fits_no_theme_is_kept_and_explained(suggester: Suggester,
                                                         text: str) -> None:
    # Not "to whistle a tune": retrained on 1858 rows, the meaning model reads learning a
    # skill with the hands and mouth as development, as a group might.
    (s,) = suggester.suggest([text])
    assert s.theme is None
    assert "no theme word found" in s.reason


def test_a_longer_phrase_outweighs_a_single_word(suggester: Suggester) -> None:
    (s,) = suggester.suggest(["Mother needs to rebuild her confidence now her violent "
                              "partner has gone."])
    assert s.theme == "domestic-abuse"
    assert s.reason.startswith("matched 'violent partner' -> Domestic abuse")


def _override(tmp_path: Path, text: str) -> Content:
    (tmp_path / "framework").mkdir()
    (tmp_path / "framework" / "themes.yml").write_text(text, encoding="utf-8")
    return Content(tmp_path)


def test_a_broken_themes_file_is_reported_by_file_and_line(tmp_path: Path) -> None:
    content = _override(tmp_path, "clusters:\n  - {id: a, label: A}\nthemes:\n"
                        "  - id: one\n    label: One\n    cluster: b\n    terms: [x]\n")
    with pytest.raises(ContentError) as info:
        load_themes(content)
    assert "themes.yml" in str(info.value)
    assert "cluster 'b' is not one of: a" in str(info.value)


def test_unknown_keys_and_bad_terms_are_rejected(tmp_path: Path) -> None:
    content = _override(tmp_path, "clusters:\n  - {id: a, label: A}\nthemes:\n"
                        "  - id: one\n    label: One\n    cluster: a\n    terms: [x]\n"
                        "    colour: red\n")
    with pytest.raises(ContentError) as info:
        load_themes(content)
    assert str(info.value).endswith(":8: themes.0.colour: unknown key (check its spelling)")
    with pytest.raises(ValueError, match="lower case"):
        Themes.model_validate({"clusters": [{"id": "a", "label": "A"}], "themes": [
            {"id": "one", "label": "One", "cluster": "a", "terms": ["Drink"]}]})


def test_suggestions_are_stored_and_recomputed_without_spacy(sample: Any,
                                                             tmp_path: Path) -> None:
    audit, sample_id = sample
    needs = audit.needs(sample_id)
    assert all(n["tokens"] for n in needs)
    assert {n["theme"] for n in needs} >= {"substance-misuse", "school-learning"}
    # A second pass analyses nothing new.
    counts = suggest_sample(audit, sample_id, Suggester(THEMES, Analyzer(None, CONTENT)))
    assert counts["analysed"] == 0
    assert counts["needs"] == len(needs)


# --- grouping operations and undo --------------------------------------------------------


def test_create_rename_describe_and_undo_each(sample: Any) -> None:
    audit, sample_id = sample
    shuffle = Shuffle(audit, sample_id)
    empty = state(audit, sample_id)
    gid = shuffle.create("Parents' own worries")
    after_create = state(audit, sample_id)
    assert [g[1] for g in after_create[0]] == ["Parents' own worries"]
    shuffle.rename(gid, "Parents' mental health")
    shuffle.describe(gid, "Mothers whose low mood keeps them from the school run",
                     "Discussed at the May meeting")
    group = shuffle.group(gid)
    assert group["description"].startswith("Mothers whose low mood")
    assert group["notes"] == "Discussed at the May meeting"
    assert shuffle.history()[0] == "describe 'Parents' mental health'"
    assert shuffle.undo() == "describe 'Parents' mental health'"
    assert shuffle.group(gid)["description"] == ""
    assert shuffle.undo() == "rename 'Parents' own worries' to 'Parents' mental health'"
    assert state(audit, sample_id) == after_create
    assert shuffle.undo() == "create group 'Parents' own worries'"
    assert state(audit, sample_id) == empty
    assert shuffle.undo() is None


def test_names_must_be_present_and_distinct(sample: Any) -> None:
    audit, sample_id = sample
    shuffle = Shuffle(audit, sample_id)
    shuffle.create("Housing")
    with pytest.raises(GroupError, match="already a group called 'housing'"):
        shuffle.create("housing")
    with pytest.raises(GroupError, match="needs a name"):
        shuffle.create("   ")
    with pytest.raises(GroupError, match="no group 999"):
        shuffle.rename(999, "Anything")


def test_place_a_need_and_a_whole_form_then_undo(sample: Any) -> None:
    audit, sample_id = sample
    shuffle = Shuffle(audit, sample_id)
    gid = shuffle.create("Mornings")
    before = state(audit, sample_id)
    drinking = need_id(audit, sample_id, "stop drinking in the mornings")
    assert shuffle.place([drinking], gid) == 1
    assert shuffle.place([drinking], gid) == 0, "placing again changes nothing"
    form_id = audit.needs(sample_id, need_id=drinking)[0]["form_id"]
    moved = shuffle.place_form(form_id, gid)
    assert moved == 3
    assert {n["group_id"] for n in audit.needs(sample_id, form_id=form_id)} == {gid}
    shuffle.undo()
    assert [n["group_id"] for n in audit.needs(sample_id, need_id=drinking)] == [gid]
    shuffle.undo()
    assert state(audit, sample_id) == before
    with pytest.raises(GroupError, match="not in this sample"):
        shuffle.place([123456], gid)


def test_merge_keeps_every_need_and_the_words_then_undo(sample: Any) -> None:
    audit, sample_id = sample
    shuffle = Shuffle(audit, sample_id)
    shuffle.accept(themes=THEMES)
    groups = {g["theme"]: g for g in audit.groups(sample_id)}
    school, parenting = groups["school-learning"], groups["parenting-boundaries"]
    shuffle.describe(parenting["id"], "Parents taking charge")
    before = state(audit, sample_id)
    school_needs = {n["id"] for n in audit.needs(sample_id, group_id=school["id"])}
    parenting_needs = {n["id"] for n in audit.needs(sample_id, group_id=parenting["id"])}
    shuffle.merge([parenting["id"]], school["id"])
    merged = {n["id"] for n in audit.needs(sample_id, group_id=school["id"])}
    assert merged == school_needs | parenting_needs
    assert parenting["id"] not in {g["id"] for g in audit.groups(sample_id)}
    assert "From 'Parenting and boundaries': Parents taking charge" in shuffle.group(
        school["id"])["notes"]
    assert shuffle.undo().startswith("merge 'Parenting and boundaries' into")
    assert state(audit, sample_id) == before
    with pytest.raises(GroupError, match="at least one other group"):
        shuffle.merge([school["id"]], school["id"])


def test_split_moves_chosen_needs_to_a_new_group_then_undo(sample: Any) -> None:
    audit, sample_id = sample
    shuffle = Shuffle(audit, sample_id)
    shuffle.accept(themes=THEMES)
    school = next(g for g in audit.groups(sample_id) if g["theme"] == "school-learning")
    ids = [n["id"] for n in audit.needs(sample_id, group_id=school["id"])]
    assert len(ids) >= 2
    before = state(audit, sample_id)
    new_id = shuffle.split(school["id"], ids[:1], "Getting to school on time")
    assert [n["id"] for n in audit.needs(sample_id, group_id=new_id)] == ids[:1]
    assert shuffle.group(new_id)["theme"] == "school-learning"
    shuffle.undo()
    assert state(audit, sample_id) == before
    other = next(n["id"] for n in audit.needs(sample_id) if n["group_id"] != school["id"])
    with pytest.raises(GroupError, match="are not in"):
        shuffle.split(school["id"], [other], "Wrong")


def test_delete_sends_needs_back_to_unsorted_then_undo(sample: Any) -> None:
    audit, sample_id = sample
    shuffle = Shuffle(audit, sample_id)
    shuffle.accept(themes=THEMES)
    before = state(audit, sample_id)
    gid = before[0][0][0]
    members = [n["id"] for n in audit.needs(sample_id, group_id=gid)]
    shuffle.delete(gid)
    assert all(n["group_id"] is None for n in audit.needs(sample_id) if n["id"] in members)
    shuffle.undo()
    assert state(audit, sample_id) == before


def test_accept_places_suggested_needs_and_leaves_the_rest_listed(sample: Any) -> None:
    audit, sample_id = sample
    shuffle = Shuffle(audit, sample_id)
    before = state(audit, sample_id)
    placed = shuffle.accept(themes=THEMES)
    needs = audit.needs(sample_id)
    themed = [n for n in needs if n["theme"]]
    assert placed == len(themed)
    assert all(n["group_id"] is not None for n in themed)
    unsorted = [n for n in needs if n["group_id"] is None]
    # A need worded as a service or a universal aim gets no theme: it stays to discuss.
    assert [n["wording"] for n in unsorted] == [
        "Mother needs to attend a parenting course.",
        "Child 1 needs to be safe <script>alert(1)</script>."]
    # Accepting again changes nothing; one undo reverses the whole acceptance.
    assert shuffle.accept(themes=THEMES) == 0
    assert shuffle.undo() == f"accept {placed} suggestion(s)"
    assert state(audit, sample_id) == before


def test_undo_survives_closing_the_program(tmp_path: Path, suggester: Suggester) -> None:
    path = tmp_path / "audit.db"
    with Store(path) as store:
        audit = AuditStore(store)
        sample_id = audit.new_sample("S")
        gid = Shuffle(audit, sample_id).create("First")
        Shuffle(audit, sample_id).rename(gid, "Second")
    with Store(path) as store:
        audit = AuditStore(store)
        shuffle = Shuffle(audit, audit.sample_id("S"))
        assert shuffle.undo() == "rename 'First' to 'Second'"
        assert shuffle.group(gid)["name"] == "First"


def test_samples_do_not_share_groups_or_undo(sample: Any) -> None:
    audit, sample_id = sample
    other = audit.new_sample("Other")
    Shuffle(audit, sample_id).create("Mine")
    assert Shuffle(audit, other).undo() is None
    assert [g["name"] for g in audit.groups(sample_id)] == ["Mine"]
    with pytest.raises(GroupError):
        Shuffle(audit, other).rename(audit.groups(sample_id)[0]["id"], "Theirs")


def test_themes_json_round_trip_of_alternatives(sample: Any) -> None:
    audit, sample_id = sample
    drinking = audit.needs(
        sample_id, need_id=need_id(audit, sample_id, "stop drinking in the mornings"))[0]
    assert drinking["theme"] == "substance-misuse"
    assert drinking["alternatives"] == ["school-learning"]
    analysis = decode(drinking["tokens"])
    assert analysis.tokens[4][:2] == ("drinking", "drink")
    assert analysis.holder == "p" and analysis.category == "specific"


def test_an_analysis_stored_by_an_older_version_is_read_again(
        sample: Any, suggester: Suggester) -> None:
    """An older analysis decodes without what was added since (adjunct parts, acts): the
    next suggestion run reads it again rather than keep it for ever, as it does one that
    is not JSON at all."""
    audit, sample_id = sample
    rows = audit.needs(sample_id)
    current = {r["id"]: r["tokens"] for r in rows}
    old, broken = rows[0], rows[1]
    stale = json.loads(old["tokens"])
    stale["v"] = 2
    stale["t"] = [t[:4] for t in stale["t"]]
    out = [dict(r) for r in rows]
    out[0]["tokens"], out[1]["tokens"] = json.dumps(stale), "not json"
    audit.save_analyses(out)
    counts = suggest_sample(audit, sample_id, suggester)
    assert counts["analysed"] == 2
    again = {r["id"]: r["tokens"] for r in audit.needs(sample_id)}
    assert again[old["id"]] == current[old["id"]]
    assert again[broken["id"]] == current[broken["id"]]
