"""Need Group vocabulary holds on words written another way (issue 10, points 5 and 6):
inflected and derived forms of a term match even where the tagger's lemma differs,
American spellings read as the British ones the terms use, and a word with two meanings
goes to the theme its place in the need says (whom it is about). Real spaCy pipeline, the
real framework files; every check can fail.
"""

from __future__ import annotations

import pytest
import yaml

from assistant.content import Content, ContentError
from assistant.needgroups import Suggester, load_themes
from tests.helpers import CONTENT, theme_of

THEMES = load_themes(CONTENT)


def test_vocabulary_loads_with_spellings_endings_and_two_meaning_terms() -> None:
    assert THEMES.spellings["behavior"] == "behaviour"
    assert "ing" in THEMES.endings
    carer = THEMES.get("young-carer")
    assert carer is not None and "look after" in carer.about_terms["child"]
    assert "look after" not in carer.terms  # counted only when a child does it


def test_forms_of_a_term_are_generated_once(suggester: Suggester) -> None:
    forms = {f[-1] for f in suggester._forms(("hoard",), THEMES.endings)}
    assert {"hoard", "hoards", "hoarded", "hoarding"} <= forms
    assert "bathing" in {f[-1] for f in suggester._forms(("bathe",), THEMES.endings)}
    assert "stopping" in {f[-1] for f in suggester._forms(("stop",), THEMES.endings)}
    assert "worries" in {f[-1] for f in suggester._forms(("worry",), THEMES.endings)}
    # Only the last word of a phrase is inflected.
    assert ("take", "turns") in suggester._forms(("take", "turn"), THEMES.endings)


@pytest.mark.parametrize(("text", "theme"), [
    # Inflected or derived forms of listed terms.
    ("Father needs to stop hoarding rubbish in the children's bedrooms.", "basic-care"),
    ("Mother needs to stop belittling Child 2 in front of her friends.", "parenting-boundaries"),
    # American spellings of listed terms.
    ("Child 1 needs his behavior at lunchtime to improve so that he is not sent home.",
     "behaviour"),
    ("The baby needs her diaper changed often enough that she does not get sores.",
     "basic-care"),
    ("The family needs a home without mold on the bedroom walls.", "housing-money"),
])
def test_other_forms_and_spellings_match(suggester: Suggester, text: str, theme: str) -> None:
    assert theme_of(suggester, text) == theme


@pytest.mark.parametrize(("text", "theme"), [
    # "look after": a child's caring is a young carer's, a parent's is basic care.
    ("Child 1 needs to stop looking after his little brother every night.", "young-carer"),
    ("Mother needs to look after the baby without falling asleep on the sofa.", "basic-care"),
    # "work": a child's is school work, a parent's is employment.
    ("Child 2 needs to finish his work in lessons without leaving the room.",
     "school-learning"),
    ("Father needs to find work so that the family can pay for food.", "housing-money"),
])
def test_a_two_meaning_word_goes_by_whom_it_is_about(
        suggester: Suggester, text: str, theme: str) -> None:
    assert theme_of(suggester, text) == theme


def test_bad_spellings_or_endings_are_refused(tmp_path) -> None:  # type: ignore[no-untyped-def]
    source = (CONTENT.default / "framework" / "themes.yml").read_text(encoding="utf-8")
    data = yaml.safe_load(source)
    for key, value, said in (("spellings", {"Behavior": "behaviour"}, "spellings"),
                             ("endings", ["-ing"], "endings"),
                             ("unplaced", dict(data["unplaced"], vague="{what.x}"),
                              "unplaced.vague")):
        broken = dict(data, **{key: value})
        folder = tmp_path / key / "framework"
        folder.mkdir(parents=True)
        (folder / "themes.yml").write_text(yaml.safe_dump(broken), encoding="utf-8")
        with pytest.raises(ContentError, match=said):
            load_themes(Content(tmp_path / key))
