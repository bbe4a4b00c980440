"""Misspellings no longer hide faults from the coach (framework/words/spelling.yml,
assistant/spelling.py): the coach reads the word meant, every span it reports is the
worker's own, and the worker is told of each word read another way.

Real parts only: the installed spaCy pipeline, the shipped content, the real CLI.
"""

from __future__ import annotations

import gzip
import json
import re
from pathlib import Path

import lemminflect
import pytest

from assistant.content import Content, ContentError
from assistant.model import Case, Person
from assistant.redact import load_names
from assistant.shorthand import load_shorthand
from assistant.spelling import Speller
from assistant.wordlists import FOLDER
from tests.helpers import CONTENT, ROOT, WORDS, run_cli

SPELLING = WORDS.spelling
SPELLER = Speller(SPELLING)


# --- the list: conservative, so a correction never turns a word into another word -------

def _english_forms() -> dict[str, set[str]]:
    """Every word form lemminflect's tables know -> the lemmas it is a form of."""
    root = Path(lemminflect.__file__).parent / "resources"
    forms: dict[str, set[str]] = {}
    with gzip.open(root / "lemma_lu.csv.gz", "rt", encoding="utf-8") as lines:
        for line in lines:
            form, _, lemma = line.rstrip("\n").split(",", 2)
            forms.setdefault(form.lower(), set()).add(lemma.lower())
    with gzip.open(root / "infl_lu.csv.gz", "rt", encoding="utf-8") as lines:
        for line in lines:
            lemma, _, rest = line.rstrip("\n").split(",", 2)
            for form in re.split(r"[,/]", rest):
                if form:
                    forms.setdefault(form.lower(), set()).add(lemma.lower())
    return forms


def _lemmas(word: str, forms: dict[str, set[str]]) -> set[str]:
    return {word.lower()} | forms.get(word.lower(), set())


def test_no_wrong_form_is_an_english_word() -> None:
    """Checked against two word lists the project has: lemminflect's tables of English
    word forms, and the whole words of the sentence model's word-piece vocabulary. A form
    the tables hold only as a variant of its own right form ("occured" among the pasts
    of "occur") is a spelling slip the tables kept, not another word."""
    forms = _english_forms()
    vocab = json.loads((ROOT / "framework/vectors/tokenizer.json").read_text())["model"]["vocab"]
    words = []
    for wrong, right in SPELLING.wrong.items():
        if wrong in vocab:
            words.append(f"{wrong} (word-piece vocabulary)")
        if wrong in forms and not forms[wrong] & _lemmas(right, forms):
            words.append(f"{wrong} -> {right}: a form of {sorted(forms[wrong])}")
    assert not words, words


def test_no_wrong_form_is_a_name_or_shorthand() -> None:
    names = load_names(CONTENT)
    known = names.given | names.surnames
    shorthand = {t.short.lower() for t in load_shorthand(CONTENT).terms}
    clash = sorted(w for w in SPELLING.wrong if w in known or w in shorthand)
    assert not clash, clash


def test_the_list_covers_the_words_plans_slip_on() -> None:
    rights = set(SPELLING.corrections)
    assert {"referral", "benefit", "assessment", "consistency", "independence", "separate",
            "behaviour", "appointment", "environment", "occurred", "necessary",
            "accommodation", "professional", "psychologist", "paediatrician",
            "therapeutic", "EHCP", "CAMHS"} <= rights
    # American spellings are words: never "corrected"
    assert not {"behavior", "counseling", "pediatrician", "center"} & set(SPELLING.wrong)


def _override(tmp_path: Path, text: str) -> Content:
    folder = tmp_path.joinpath(*FOLDER)
    folder.mkdir(parents=True)
    (folder / "spelling.yml").write_text(text, encoding="utf-8")
    return Content(tmp_path)


@pytest.mark.parametrize(("body", "message"), [
    ("corrections:\n  hollow: [holow]\n  hallow: [holow]\n", "'holow' is listed twice"),
    ("corrections:\n  hollow: [Holow]\n", "lower-case letters only"),
    ("corrections:\n  hollow: [holo w]\n", "lower-case letters only"),
    ("corrections:\n  hollow: [hallow]\n  hallow: [halow]\n", "listed as a right form"),
    ("corrections:\n  hollow: []\n", "at least 1"),
    ("corrections:\n  'hol|ow': [holow]\n", "a right form is letters"),
    ("corrections: {}\n", "at least 1"),
    ("fixes:\n  hollow: [holow]\n", "fixes"),
])
def test_a_mistake_in_the_list_is_refused_on_load(tmp_path: Path, body: str,
                                                  message: str) -> None:
    from assistant.wordlists import English

    with pytest.raises(ContentError, match=message):
        English(_override(tmp_path, body)).spelling  # noqa: B018


def test_an_edited_list_is_what_the_coach_reads(tmp_path: Path) -> None:
    from assistant.wording import Coach

    content = _override(tmp_path, "corrections:\n  counselling: [cownselling]\n")
    report = Coach(content).check("Zeno needs cownselling")
    assert report.kinds == ["service"]
    assert [f.message for f in report.findings if f.kind == "spelling"] == [
        "'cownselling' read as 'counselling'."]


# --- the correction and its map back --------------------------------------------------

def test_a_slip_takes_the_case_it_was_typed_in() -> None:
    fixed = SPELLER.correct("Referal made. REFERAL logged, referal sent; ECHP and echp")
    assert fixed.text == ("Referral made. REFERRAL logged, referral sent; EHCP and EHCP")
    assert [c.wrong for c in fixed.corrections] == [
        "Referal", "REFERAL", "referal", "ECHP", "echp"]


@pytest.mark.parametrize("text", [
    "Read www.referal.org first",  # an address
    "see notes/referal.txt",  # a path
    "Xreferal and referalx and referal2",  # inside a longer word
    "Nothing is misspelled here, honestly.",
])
def test_only_a_whole_word_is_read_another_way(text: str) -> None:
    fixed = SPELLER.correct(text)
    assert fixed.text == text and not fixed.corrections


def test_a_statement_with_no_slip_is_handed_on_as_it_is() -> None:
    text = "Wren needs to walk to school with her brother."
    assert SPELLER.correct(text).text is text


def test_offsets_map_back_through_longer_and_shorter_corrections() -> None:
    # "alot" -> "a lot" (+1), "seperate" -> "separate" (0), "untill" -> "until" (-1)
    text = "Alot of mornings Oskar sleeps in a seperate room untill nine o'clock"
    fixed = SPELLER.correct(text)
    assert fixed.text == "A lot of mornings Oskar sleeps in a separate room until nine o'clock"
    for word in ("mornings", "Oskar", "room", "nine", "o'clock"):
        at = fixed.text.index(word)
        start, end = fixed.start_of(at), fixed.end_of(at + len(word))
        assert text[start:end] == word
    # a span that starts or ends inside a corrected word covers the worker's whole word
    at = fixed.text.index("lot of")
    assert text[fixed.start_of(at):fixed.end_of(at + 6)] == "Alot of"
    at = fixed.text.index("separate")
    assert text[fixed.start_of(at + 2):fixed.end_of(at + 4)] == "seperate"
    assert fixed.end_of(len(fixed.text)) == len(text)


# --- the coach: must-fail and must-pass ------------------------------------------------

MUST_FAIL = [
    # misspelled faulty statements, each flagged with the kind it has spelled right
    ("Quenby would benifit from a referal to the educational psycologist", "service"),
    ("Dad needs an ECHP assesment for Ottilie", "assessment"),
    ("Tobiah needs consistancy", "universal"),
    ("Marisol needs a paeditrician asessment", "assessment"),
    ("Marisol needs to see a peadiatrician", "service"),
    ("Ilsa needs theraputic support from CAHMS", "service"),
    ("Fenwick needs a referral to the pyschologist", "service"),
]

MUST_PASS = [
    # specific statements: nothing flagged, misspelled or not
    "Quenby needs to be able to dress herself before school without help.",
    "Quenby needs to be able to dress herself before scool without help.",
    "Tobiah needs to sleep in a seperate bed from his brother.",
    "Ottilie needs to know which adult will collect her on Wensday afternoons.",
]


@pytest.mark.parametrize(("text", "kind"), MUST_FAIL)
def test_a_misspelled_fault_is_flagged_as_spelled_right(coach, text: str,
                                                        kind: str) -> None:
    report = coach.check(text)
    fixed = SPELLER.correct(text)
    assert fixed.corrections, text
    assert kind in report.kinds, (text, report.kinds)
    assert report.kinds == coach.check(fixed.text).kinds  # as if typed right
    assert "spelling" not in report.kinds  # told, never a kind
    told = [f for f in report.findings if f.kind == "spelling"]
    assert [(f.match, f.severity) for f in told] == [
        (c.wrong, "info") for c in fixed.corrections]
    assert all(f"'{c.wrong}' read as '{c.right}'" in f.message
               for f, c in zip(told, fixed.corrections, strict=True))


@pytest.mark.parametrize("text", MUST_PASS)
def test_a_specific_statement_stays_specific(coach, text: str) -> None:
    report = coach.check(text)
    assert report.kinds == [], (text, report.kinds)
    assert report.text == text
    assert report.note  # what it reads is said, not silenced by the spelling note
    told = [f for f in report.findings if f.kind == "spelling"]
    assert len(told) == len(SPELLER.correct(text).corrections)


def test_a_correctly_spelled_statement_is_read_as_before(coach) -> None:
    text = "Dad needs an EHCP assessment for Ottilie"
    report = coach.check(text)
    assert report.kinds == ["assessment", "jargon"]
    assert not [f for f in report.findings if f.kind == "spelling"]


def test_every_span_is_the_workers_own_text(coach) -> None:
    text = "Alot of the time Quenby would benifit from a referal to the Ed Psych"
    report = coach.check(text)
    assert report.text == text
    assert report.findings
    for finding in report.findings:
        assert text[finding.start:finding.end].strip() == finding.match, finding
    service = next(f for f in report.findings if f.kind == "service")
    assert "benifit" in service.match and "referal" in service.match
    told = {f.match: (f.start, f.end) for f in report.findings if f.kind == "spelling"}
    assert told == {"Alot": (0, 4), "benifit": (text.index("benifit"),
                                                text.index("benifit") + 7),
                    "referal": (text.index("referal"), text.index("referal") + 7)}


def test_each_sentence_and_its_holder_are_the_workers_own(coach) -> None:
    text = ("The educational psycologist to see Quenby at scool. Quenby needs a referal "
            "to the paeditrician. Quenby needs to eat breakfast before school.")
    report = coach.check(text, stage="need")
    assert len(report.sentences) == 3
    for sentence in report.sentences:
        assert text[sentence.start:sentence.end] == sentence.text
    assert report.sentences[1].text == "Quenby needs a referal to the paeditrician."
    assert report.sentences[1].kinds == ["service"]
    assert report.sentences[2].kinds == []


def test_a_holder_taken_from_a_corrected_word_is_said_as_typed(coach) -> None:
    text = "Educational psycologist to observe Quenby in class every Monday from 3 March"
    report = coach.check(text, stage="work")
    assert report.holder is not None and "psycologist" in report.holder, report.holder


def test_the_batch_reads_as_one_check(coach) -> None:
    texts = [text for text, _ in MUST_FAIL] + MUST_PASS
    for text, report in zip(texts, coach.check_many(texts), strict=True):
        alone = coach.check(text)
        assert report.to_dict() == alone.to_dict()
    kinds_only = list(coach.check_many(texts, notes=False))
    assert [r.kinds for r in kinds_only] == [coach.check(t).kinds for t in texts]


# --- names are never corrected ---------------------------------------------------------

def _named(name: str) -> Case:
    return Case(reference="NL-SP-1", people=[
        Person(id="p1", role="child", name="Orrin"),
        Person(id="p2", role="mother", name=name)])


def test_a_name_of_the_cases_people_is_never_corrected(coach) -> None:
    """A capitalised word mid-sentence that is one of the case's people stays as typed,
    whichever slip of the list it happens to be; the same word is corrected without
    the case."""
    for wrong in sorted(SPELLING.wrong)[::25]:
        name = wrong.capitalize()
        text = f"Orrin needs to spend Saturdays with {name} at the allotment."
        with_case = coach.check(text, case=_named(name))
        assert not [f for f in with_case.findings if f.kind == "spelling"], (name, with_case)
        assert with_case.text == text
        without = coach.check(text)
        assert [f.match for f in without.findings if f.kind == "spelling"] == [name]


def test_the_holder_given_is_never_corrected(coach) -> None:
    name = sorted(SPELLING.wrong)[3].capitalize()
    report = coach.check(f"{name} needs to be home by nine on school nights", holder=name)
    assert not [f for f in report.findings if f.kind == "spelling"]


# --- the --json contract ---------------------------------------------------------------

def test_json_shape_is_unchanged_but_for_the_spelling_finding() -> None:
    result = run_cli("check", "--json", "Quenby would benifit from a referal to CAHMS",
                     "Quenby would benefit from a referral to CAMHS")
    assert result.returncode == 0, result.stderr
    typo, right = (json.loads(line) for line in result.stdout.splitlines())
    assert typo.keys() == right.keys()
    assert typo["text"] == "Quenby would benifit from a referal to CAHMS"
    assert typo["kinds"] == right["kinds"] and "spelling" not in typo["kinds"]
    told = [f for f in typo["findings"] if f["kind"] == "spelling"]
    rest = [f for f in typo["findings"] if f["kind"] != "spelling"]
    assert [f["rule"] for f in rest] == [f["rule"] for f in right["findings"]]
    assert all(f.keys() == right["findings"][0].keys() for f in typo["findings"])
    assert all(f["context"].keys() == right["findings"][0]["context"].keys()
               for f in typo["findings"])
    assert [(f["match"], f["severity"], f["rule"]) for f in told] == [
        ("benifit", "info", "spelling"), ("referal", "info", "spelling"),
        ("CAHMS", "info", "spelling")]
    for f in typo["findings"]:
        assert typo["text"][f["start"]:f["end"]].strip() == f["match"]


def test_a_statement_only_misspelled_is_not_counted_as_flagged() -> None:
    result = run_cli("check", "Quenby needs to walk to scool with her sister.")
    assert result.returncode == 0
    assert "spelling 'scool' read as 'school'." in result.stdout
    assert "universal" not in result.stdout and "service" not in result.stdout


# --- the other readers of a statement read it as the check does ------------------------

def test_an_answer_to_who_is_read_as_meant(coach) -> None:
    assert coach.read_answer("proffesional", "who") == \
        coach.read_answer("professional", "who") == []


def test_the_audit_reads_kinds_as_the_check_does(coach, suggester) -> None:
    texts = ["Tamsin needs an ECHP assesment", "Tamsin needs theraputic councelling",
             "Tamsin needs to sleep in a seperate room from her brother"]
    _, kinds = suggester.analyzer.read_with_coach(texts, coach, texts, processes=1)
    assert kinds == {t: coach.check(t).kinds for t in texts}
    assert "assessment" in kinds[texts[0]] and "service" in kinds[texts[1]]
    assert kinds[texts[2]] == []
