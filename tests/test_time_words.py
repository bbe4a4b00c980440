"""The English of time is content: framework/words/time.yml holds the month and day names
once, and the words the date parser (assistant/dates.py) and the phrase readers
(assistant/wording/structure/timing.py) read. It is validated on load, a broken entry is
reported by file and line, and a word a trainer adds takes effect everywhere it is read.
Real spaCy pipeline, real content folders."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from assistant.content import Content, ContentError
from assistant.dates import date_words, phrase_date
from assistant.redact import load_names
from assistant.wording import Coach
from assistant.wordlists import FOLDER, english
from tests.helpers import CONTENT, ROOT

TIME = ROOT.joinpath(*FOLDER, "time.yml")
TODAY = date(2026, 12, 2)  # a Wednesday


def _override(tmp_path: Path, old: str, new: str) -> Content:
    text = TIME.read_text(encoding="utf-8")
    assert old in text
    folder = tmp_path.joinpath(*FOLDER)
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "time.yml").write_text(text.replace(old, new, 1), encoding="utf-8")
    return Content(tmp_path)


def test_the_shipped_time_words_load_and_hold_the_calendar_once() -> None:
    time = english(CONTENT).time
    assert time.month_number["sept"] == 9 and time.month_number["may"] == 5
    assert time.weekday_number["weds"] == 2 and time.weekday_number["sunday"] == 6
    assert time.unit_length["fortnight"] == (14, 0) and time.unit_length["year"] == (0, 12)
    assert time.unit_of_short["wk"] == "week" and "wks" in time.unit_words
    assert "tuesdays" in time.weekday_plurals and "classes" in time.course_words
    assert ("no", "later", "than") in time.leads and "w/c" in time.start_leads
    # the date parser's words come from the same file
    assert {"march", "thurs", "fortnights", "immediately"} <= date_words(time)


def test_every_list_of_calendar_names_derives_from_the_one_file() -> None:
    """The story reflection, the name redaction and the pronoun reader read the month and
    day names from time.yml: no other content file lists them."""
    lists = english(CONTENT)
    full = lists.time.full_names
    assert full <= lists.redaction.months | {"monday", "tuesday", "wednesday", "thursday",
                                             "friday", "saturday", "sunday"}
    assert full <= lists.pronouns.not_people
    assert full <= load_names(CONTENT).not_names
    assert "jan" not in lists.time.not_names  # a first name too: still read as a name
    for path in [ROOT / "prompts" / "interview.yml", ROOT / "framework" / "names.yml",
                 *ROOT.joinpath(*FOLDER).glob("*.yml")]:
        if path.name == "time.yml":
            continue
        text = path.read_text(encoding="utf-8").lower()
        assert "september" not in text and "wednesday" not in text, path.name


def _listed(text: str, words: set[str]) -> list[str]:
    """The YAML flow lists in ``text`` (comments and quoted examples left out) that hold
    three or more of ``words``: a copy of the calendar."""
    import re

    lines = [line.split(" #")[0] for line in text.lower().splitlines()
             if not line.lstrip().startswith(("#", "- \"", "- {text", "- '"))]
    return [m for m in re.findall(r"\[[^\[\]]*\]", "\n".join(lines))
            if len(words & set(re.findall(r"[a-z]+", m))) >= 3]


def test_the_wording_and_themes_name_the_calendar_not_copy_it() -> None:
    """The wording files and themes.yml name the calendar's lists ("@months", "@days"):
    no list in them spells out three or more month or day names (the examples and
    comments may speak of days)."""
    time = english(CONTENT).time
    calendar = set(time.calendar["months"]) | set(time.calendar["days"]) | set(
        time.calendar["days_plural"])
    for path in [*ROOT.joinpath("framework", "wording").glob("*.yml"),
                 ROOT / "framework" / "themes.yml"]:
        if path.name == "wordnet.yml":  # generated from a lexical database, not written
            continue
        assert not _listed(path.read_text(encoding="utf-8"), calendar), path.name


def test_the_calendar_s_lists_reach_the_wording_and_themes(tmp_path: Path) -> None:
    """A short form added to time.yml is a date word of the outcome and work rules and of
    the structure reader at once; the days reach themes.yml's time words."""
    from assistant.needgroups.themes import load_themes
    from assistant.wording.rules import RuleSet

    content = _override(tmp_path, "  - [february, feb]\n", "  - [february, feb, febr]\n")
    lexicons = RuleSet.load(content).lexicons
    for name in ("date_word", "shape_time_noun", "work_date_noun"):
        assert "febr" in lexicons[name] and "february" in lexicons[name], name
    shipped = RuleSet.load(CONTENT).lexicons
    assert "febr" not in shipped["date_word"]
    assert {"monday", "sunday"} <= set(shipped["work_date_lead"])
    assert {"monday", "sunday"} <= load_themes(CONTENT).adjuncts.time_words
    # a pattern's "@days" is exactly the days: "@days_plural" is another list
    coach = Coach(content)
    report = coach.check("Mum will take Ali to the dentist on Mondays.", stage="work")
    assert "no-frequency" not in report.kinds
    report = coach.check("Mum will take Ali to the dentist weekly from febr 2027.",
                         stage="work")
    assert "no-start" not in report.kinds


@pytest.mark.parametrize(("file", "old", "new", "message"), [
    ("wording/outcome.yml", 'date_word: ["@months"', 'date_word: ["@monthz"',
     "unknown calendar list @monthz"),
    ("wording/work.yml", '{LOWER: {IN: ["@days_plural"]}}',
     '{LOWER: {IN: ["@dayz_plural"]}}', "unknown lexicon @dayz_plural"),
    ("wording/outcome.yml", "  date_lead: [by,", "  days: [x]\n  date_lead: [by,",
     "'days' is a list of the calendar's"),
    ("themes.yml", 'christmas, "@days"]', 'christmas, "@weekdayz"]',
     "unknown calendar list @weekdayz"),
])
def test_an_unknown_calendar_reference_is_one_clear_line(
        tmp_path: Path, file: str, old: str, new: str, message: str) -> None:
    from assistant.needgroups.themes import load_themes
    from assistant.wording.rules import RuleSet

    shipped = ROOT / "framework" / file
    text = shipped.read_text(encoding="utf-8")
    assert old in text
    target = tmp_path / "framework" / file
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text.replace(old, new, 1), encoding="utf-8")
    content = Content(tmp_path)
    with pytest.raises(ContentError, match=message) as caught:
        if file == "themes.yml":
            load_themes(content)
        else:
            RuleSet.load(content)
    assert caught.value.path == target and caught.value.line is not None
    assert "\n" not in str(caught.value).strip()


@pytest.mark.parametrize(("old", "new", "message"), [
    ("  - [may]\n", "", "months: list the 12 months in order"),
    ("  - [sunday, sun]\n", "  - [sunday, sun, mon]\n", "weekdays: 'mon' names two"),
    ("  fortnight: {days: 14, lasts: true}", "  fortnight: {days: 14, months: 1}",
     "in days or in months, not both"),
    ("day_before: [before]", "day_before: [prior]", "day_before: 'prior' is not one"),
    ('commencing, w/c, "on", as of', "commencing, w/c, on, as of",
     "put the word in quotes"),
    ("events: [visit,", "events: [Visit,", "write it in lower case"),
    ("  day: {days: 1,", "  day: {days: -1,", "greater than or equal to 0"),
    ("fixed_days: {christmas: [12, 25]", "fixed_days: {christmas: [13, 25]",
     "less than or equal to 12"),
    ("rates: [daily,", "ratez: [daily,", "unknown key"),
])
def test_a_broken_entry_is_reported_by_file_and_line(tmp_path: Path, old: str, new: str,
                                                      message: str) -> None:
    content = _override(tmp_path, old, new)
    with pytest.raises(ContentError, match=message) as caught:
        english(content).time  # noqa: B018
    assert caught.value.path == tmp_path.joinpath(*FOLDER, "time.yml")
    assert caught.value.line is not None and caught.value.line > 1
    assert "time.yml" in str(caught.value)


def test_a_missing_file_is_reported_by_name(tmp_path: Path) -> None:
    """An override lacking time.yml takes the shipped one; a shipped copy gone is a clear
    message naming the file, not a traceback."""
    broken = Content(None)
    broken.default = tmp_path  # a package whose content lost the file
    (tmp_path / "framework" / "words").mkdir(parents=True)
    with pytest.raises(ContentError, match="missing content file") as caught:
        english(broken).time  # noqa: B018
    assert str(caught.value.path).endswith("time.yml")


def test_a_unit_abbreviation_a_trainer_adds_is_read_everywhere(tmp_path: Path) -> None:
    """"fn" for a fortnight, added once, is read by the date parser ("within 2 fns") and
    by the frequency reader the interview offers from ("every fn"); the shipped content
    reads neither."""
    content = _override(tmp_path, "  fortnight: {days: 14, lasts: true}",
                        "  fortnight: {days: 14, lasts: true, short: [fn]}")
    edited = english(content).time
    assert phrase_date("within 2 fns", TODAY, edited) == date(2026, 12, 30)
    assert phrase_date("within 2 fns", TODAY, english(CONTENT).time) is None
    work = "Key worker to phone Dev every fn until the core group meeting."
    offered = Coach(content).load().read_offers(work, "work", TODAY)
    assert offered["frequency"] == "Every fn, until the core group meeting"
    shipped = Coach(CONTENT).load().read_offers(work, "work", TODAY)
    assert shipped.get("frequency") == "Until the core group meeting"


def test_a_date_lead_a_trainer_adds_is_read_as_a_start(tmp_path: Path) -> None:
    """A new start lead ("effective") makes "effective 4 January" a start date offered
    for "From what date?"; "from" was already one."""
    content = _override(tmp_path, "week commencing, week beginning]",
                        "week commencing, week beginning, effective]")
    work = "Nan to collect Ava from nursery on Fridays effective 8 January."
    offered = Coach(content).load().read_offers(work, "work", TODAY)
    assert offered.get("start") == "8 Jan 2027"
    assert "start" not in Coach(CONTENT).load().read_offers(work, "work", TODAY)
