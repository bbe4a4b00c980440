"""Practice vignettes for students, and feedback on a worked vignette.

A vignette (``prompts/vignettes/*.yml``) is a fictional family's story with a model
analysis and teaching notes. The student works it through the normal interview; the
feedback then sets their needs beside the model's, matched by meaning (shared content
lemmas, not exact words), with the coach's findings and the gaps in the chain
need -> seriousness -> outcome -> work.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import Field, model_validator

from assistant.content import Content, ContentError, Framework, RoleVocabulary, Strict
from assistant.model import Case, Need, Person
from assistant.wordlists import english

VIGNETTE_FOLDER = ("prompts", "vignettes")
PRACTICE_PREFIX = "PRACTICE-"
MATCH_THRESHOLD = 0.3


class VignettePerson(Strict):
    id: str
    role: str
    name: str
    age: int | None = None
    sex: str = "not recorded"


class ModelNeed(Strict):
    """One need of the model analysis, with the chain that follows from it."""

    holder: str
    wording: str
    consequences: str
    rating: str
    outcome: str
    work: str


class Vignette(Strict):
    id: str = Field(pattern=r"^[a-z0-9][a-z0-9-]{0,29}$")
    title: str
    ages: str
    summary: str
    source: str = ""
    story: str
    people: list[VignettePerson] = Field(min_length=1)
    model: list[ModelNeed] = Field(min_length=1)
    teaching_notes: list[str] = Field(min_length=1)
    traps: list[str] = []

    @model_validator(mode="after")
    def _holders_are_people(self) -> Vignette:
        ids = {p.id for p in self.people}
        for need in self.model:
            if need.holder not in ids:
                raise ValueError(f"model need '{need.wording[:40]}' is held by unknown "
                                 f"person '{need.holder}'")
        return self

    def person(self, person_id: str) -> VignettePerson:
        return next(p for p in self.people if p.id == person_id)

    @property
    def slug(self) -> str:
        """The vignette's id without its people's names ("jordan-aggression" is
        "aggression"): a case reference goes on audit forms and file names, so it must
        not carry a name, even a fictional one."""
        names = {part.casefold() for person in self.people
                 for part in re.split(r"[\W_]+", person.name) if part}
        words = [word for word in self.id.split("-") if word.casefold() not in names]
        return "-".join(words) or "family"

    def reference(self, prefix: str = "PRACTICE-") -> str:
        """The reference of a case made from this vignette (a practice or model case)."""
        return f"{prefix}{self.slug}"


def load_vignettes(content: Content) -> list[Vignette]:
    """Every vignette, validated; ids must be unique."""
    found: dict[str, Path] = {}
    vignettes: list[Vignette] = []
    framework = content.framework
    for path, vignette in content.load_all(Vignette, *VIGNETTE_FOLDER):
        if vignette.id in found:
            raise ContentError(path, f"vignette id '{vignette.id}' is also used in "
                               f"{found[vignette.id].name}")
        for need in vignette.model:
            if need.rating not in framework.ids("seriousness"):
                raise ContentError(path, f"rating '{need.rating}' is not on the seriousness "
                                   "scale in framework/framework.yml")
        clash = next((v for v in vignettes if v.slug == vignette.slug), None)
        if clash is not None:
            raise ContentError(path, f"vignette '{vignette.id}' would have the same case "
                               f"reference as '{clash.id}' once names are left out "
                               f"({vignette.reference()}): add a word to one id")
        found[vignette.id] = path
        vignettes.append(vignette)
    return vignettes


def find_vignette(ident: str, content: Content,
                  vignettes: list[Vignette] | None = None) -> Vignette:
    """The vignette with id ``ident``, or whose practice case has the reference ``ident``
    (as made now, or as made before references left the names out); ``vignettes``, if
    given, are those already loaded from ``content``."""
    vignettes = vignettes if vignettes is not None else load_vignettes(content)
    wanted = ident.strip().casefold()
    for vignette in vignettes:
        if wanted in (vignette.id, vignette.reference().casefold(),
                      f"{PRACTICE_PREFIX}{vignette.id}".casefold()):
            return vignette
    known = ", ".join(v.id for v in vignettes)
    raise LookupError(f"no vignette '{ident}' (there are: {known})")


def practice_case(vignette: Vignette) -> Case:
    """A new case to work the vignette through the interview: story and people filled in."""
    people = [Person(id=p.id, role=p.role, name=p.name, age=p.age, sex=p.sex)
              for p in vignette.people]
    return Case(reference=vignette.reference(PRACTICE_PREFIX), story=vignette.story,
                people=people)


def vignette_of(case: Case, content: Content) -> Vignette | None:
    if not case.reference.startswith(PRACTICE_PREFIX):
        return None
    try:
        return find_vignette(case.reference, content)
    except LookupError:
        return None


# --- matching by meaning -----------------------------------------------------------------

_KEEP_POS = {"NOUN", "VERB", "ADJ", "ADV", "PROPN", "NUM"}

Lemmatizer = Callable[[Iterable[str]], list[set[str]]]


def spacy_lemmatizer(pipeline: str | None = None) -> Lemmatizer:
    """Content lemmas from the coach's pipeline (POS-filtered when it has a tagger)."""
    from assistant.wording import pipeline as pipelines

    nlp = pipelines.load(pipeline).nlp

    def lemmas(texts: Iterable[str]) -> list[set[str]]:
        out = []
        for doc in nlp.pipe(list(texts)):
            tagged = any(t.pos_ for t in doc)
            out.append({
                (t.lemma_ or t.lower_).lower() for t in doc
                if not t.is_punct and not t.like_num
                and (t.pos_ in _KEEP_POS if tagged else not t.is_stop)
            })
        return out

    return lemmas


def similarity(a: set[str], b: set[str]) -> float:
    """Cosine similarity of two sets of content words."""
    if not a or not b:
        return 0.0
    return len(a & b) / math.sqrt(len(a) * len(b))


@dataclass
class Pair:
    model_index: int
    student_index: int | None
    score: float


@dataclass
class NeedFeedback:
    student: str
    holder: str
    kinds: list[str]
    messages: list[str]
    note: str = ""
    """What the coach says of a need it did not flag (what it reads, or the framework's
    question): never "no problems found", which a student reads as approval."""


@dataclass
class ItemFeedback:
    """One of the student's outcomes or pieces of work, as the coach reads it."""

    text: str
    kinds: list[str]
    messages: list[str]
    kept: str = ""
    """The reason the student gave for keeping this wording against the coach, if any."""


@dataclass
class ChainFeedback:
    """A found need's seriousness, outcomes and work beside the model analysis."""

    model: ModelNeed
    student: str
    seriousness: str
    """How the student's seriousness compares with the model's, in a sentence."""
    seriousness_ok: bool
    outcomes: list[ItemFeedback]
    work: list[ItemFeedback]


@dataclass
class Feedback:
    vignette: Vignette
    reference: str
    found: list[tuple[ModelNeed, str, float]] = field(default_factory=list)
    missed: list[ModelNeed] = field(default_factory=list)
    extra: list[str] = field(default_factory=list)
    wording: list[NeedFeedback] = field(default_factory=list)
    gaps: list[str] = field(default_factory=list)
    chains: list[ChainFeedback] = field(default_factory=list)
    traps: dict[str, str] = field(default_factory=dict)
    """The student's needs that fell into one of the vignette's traps -> that trap."""

    @property
    def score(self) -> str:
        return f"{len(self.found)} of {len(self.vignette.model)}"

    def flagged(self, wording: str) -> list[str]:
        """The coach's kinds for one of the student's needs (empty if it found nothing)."""
        return next((w.kinds for w in self.wording if w.student == wording), [])

    @property
    def extra_specific(self) -> list[str]:
        """Extra needs the coach does not flag and no trap catches: perhaps real needs."""
        return [e for e in self.extra if not self.flagged(e) and e not in self.traps]

    @property
    def extra_flagged(self) -> list[str]:
        """Extra needs the coach flags or a trap catches: never offered as real needs."""
        return [e for e in self.extra if self.flagged(e) or e in self.traps]


class Synonyms(Strict):
    """framework/synonyms.yml: groups of words that count as one idea when matching."""

    groups: list[list[str]] = Field(min_length=1)

    def table(self) -> dict[str, str]:
        return {word.lower(): group[0].lower() for group in self.groups for word in group}


def load_synonyms(content: Content) -> dict[str, str]:
    return content.load(Synonyms, "framework", "synonyms.yml").table()


def match(student: list[str], model: list[str], lemmas: Lemmatizer,
          names: Iterable[str] = (), synonyms: dict[str, str] | None = None, *,
          roles: RoleVocabulary, frame: frozenset[str]) -> list[Pair]:
    """Greedy best-first pairing of model needs with the student's, above a threshold.

    Each statement becomes a set of content lemmas, less the words every need shares
    (``frame``: framework/words/practice.yml), the words for people by role and the
    family's names, with synonyms folded to one word; pairs are scored by cosine.
    """
    drop = frame | roles.words | {n.lower() for n in names}
    fold = synonyms or {}
    sets = [{fold.get(w, w) for w in s - drop} for s in lemmas([*model, *student])]
    model_sets, student_sets = sets[: len(model)], sets[len(model):]
    scored = sorted(
        ((similarity(m, s), mi, si) for mi, m in enumerate(model_sets)
         for si, s in enumerate(student_sets)),
        reverse=True,
    )
    used_model: set[int] = set()
    used_student: set[int] = set()
    pairs: list[Pair] = []
    for score, mi, si in scored:
        if score < MATCH_THRESHOLD:
            break
        if mi in used_model or si in used_student:
            continue
        used_model.add(mi)
        used_student.add(si)
        pairs.append(Pair(mi, si, score))
    pairs += [Pair(mi, None, 0.0) for mi in range(len(model)) if mi not in used_model]
    return sorted(pairs, key=lambda p: p.model_index)


def chain_gaps(case: Case, content: Content, prompts: Any = None) -> list[str]:
    """The gaps in need -> seriousness -> outcome -> work, as the interview names them."""
    from assistant.interview import Interview

    # Interview records its position in case.resume: look at a copy.
    return [gap.message for gap in Interview(case.model_copy(deep=True), content,
                                             prompts).gaps()]


def feedback(case: Case, vignette: Vignette, coach: Any, lemmas: Lemmatizer,
             gaps: Iterable[str] = (), synonyms: dict[str, str] | None = None, *,
             framework: Framework) -> Feedback:
    """Compare a worked practice case with the vignette's model analysis: the needs found,
    missed and added, each found need's seriousness, outcomes and work beside the model's,
    and the student's needs that fell into the vignette's traps."""
    student = [n.wording for n in case.needs]
    names = [p.name for p in vignette.people]
    roles = framework.vocabulary
    frame = english(coach.content).practice.frame  # the coach reads the content in use
    pairs = match(student, [m.wording for m in vignette.model], lemmas, names, synonyms,
                  roles=roles, frame=frame)
    result = Feedback(vignette=vignette, reference=case.reference, gaps=list(gaps))
    matched: set[int] = set()
    for pair in pairs:
        model_need = vignette.model[pair.model_index]
        if pair.student_index is None:
            result.missed.append(model_need)
        else:
            matched.add(pair.student_index)
            result.found.append((model_need, student[pair.student_index], pair.score))
    result.extra = [s for i, s in enumerate(student) if i not in matched]
    for need in case.needs:
        report = coach.check(need.wording, "need", case.holder_name(need))
        result.wording.append(NeedFeedback(
            student=need.wording, holder=case.holder_name(need), kinds=report.kinds,
            messages=[f.message for f in report.findings], note=report.note,
        ))
    if vignette.traps and student:
        for pair in match(student, vignette.traps, lemmas, names, synonyms, roles=roles,
                          frame=frame):
            if pair.student_index is not None and pair.score >= TRAP_THRESHOLD:
                result.traps[student[pair.student_index]] = vignette.traps[pair.model_index]
    by_wording = {n.wording: n for n in case.needs}
    ratings = framework.ids("seriousness")  # lowest first
    for model_need, wording, _ in result.found:
        need = by_wording[wording]
        result.chains.append(_chain(model_need, need, case, coach, ratings))
    return result


# A student's need this close to one of the vignette's traps fell into it (cosine of
# content words; stricter than matching a model need, as a trap is one particular wording).
TRAP_THRESHOLD = 0.6


def _kept_reason(need: Need, text: str) -> str:
    return next((k.reason for k in need.kept_wording if k.wording == text), "")


def _chain(model: ModelNeed, need: Need, case: Case, coach: Any,
           ratings: list[str]) -> ChainFeedback:
    """Seriousness, outcomes and work of one found need, judged against the model."""
    holder = case.holder_name(need)
    serious = need.seriousness
    if serious is None or not serious.consequences:
        verdict, ok = (f"You have not said what happens if this need is not met; the model "
                       f"says: {model.consequences} (rated {model.rating})."), False
    elif serious.rating is None:
        verdict, ok = f"You described the consequences but gave no rating; the model rates " \
                      f"it {model.rating}.", False
    elif serious.rating == model.rating:
        verdict, ok = f"You rated it {serious.rating}, as the model does.", True
    else:
        higher = (ratings.index(serious.rating) > ratings.index(model.rating)
                  if serious.rating in ratings and model.rating in ratings else False)
        verdict, ok = (f"You rated it {serious.rating}; the model rates it {model.rating} "
                       f"({'lower' if higher else 'higher'}): {model.consequences}"), False
    def judged(text: str, stage: str) -> ItemFeedback:
        report = coach.check(text, stage, holder)
        return ItemFeedback(text, list(report.kinds), [f.message for f in report.findings],
                            _kept_reason(need, text))

    outcomes = [judged(o.statement, "outcome") for o in need.outcomes]
    work = [judged(item.action, "work") for item in need.work]
    return ChainFeedback(model, need.wording, verdict, ok, outcomes, work)
