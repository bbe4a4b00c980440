"""A small learned reading of need kinds, kept as data (framework/need-model.json).

Why: the need reader's word classes and shapes (``structure/needs.py``) were written
while looking at the labelled dev statements, and a service or an aim worded a way no one
listed ("a buddy system", "to do as well as she can") is read as specific for want of a
listed word. Hand rules written from dev wordings did not generalise: the held-out misses
are a long tail, one or two per source. A multinomial logistic regression learns from
every labelled need at once what the reader itself saw: the shape it read (an infinitive
or a noun phrase, its head, the verb of the infinitive, the modifiers, the branch of the
reader that decided), which word rules fired and of which kind, the words of what is
needed and their four-letter pieces, the meaning check's margins per kind, and the meaning
vectors (``assistant/vectors.py``) of what is needed and of the whole statement, names
left out. It is trained by ``scripts/train_need_model.py`` on eval/dev only and judged
leave-sources-out; the join with the rules is the file's ``decision``, chosen the same way.

The join: the rules' kinds always stand. Where the rules read the statement as specific
(no kind that counts), the model may add the kind it finds most likely when its
probability reaches that kind's threshold; it never adds to a negated need, nor where the
reader read it as particular to someone (:func:`closed`: a particular person, someone's
own thing or help, another person named), as a thing one can hand over or a person no
service list names, or as for a named time. A kind it adds
is said with the rule of that kind's own message, questions and rewrites
(``structure-<kind>``), and its ``why`` says the kind was read by meaning.

At run time it is a dot product: the statement's few dozen features, each with a weight
per class, and two vectors, encoded once per batch (:meth:`NeedModel.prepare`).
"""

from __future__ import annotations

import json
import re
import threading
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal

import numpy as np
from numpy.typing import NDArray
from pydantic import Field, ValidationError, model_validator

from assistant.content import Content, ContentError, Strict
from assistant.learning import check_weights, pieces, softmax
from assistant.learning import is_name as _is_name

if TYPE_CHECKING:
    from assistant.vectors import Vectors
    from assistant.wording.report import Report
    from assistant.wording.structure import NeedReading, StructureReader
    from assistant.wording.structure.meaning import NeedMeaning

MODEL_FILE = ("framework", "need-model.json")
# Raise when :func:`observe` or :func:`features` changes: a model trained on other
# features must not load.
FEATURE_VERSION = 1
SPECIFIC = "specific"  # the class of a need no fault kind fits
KINDS = ("universal", "service", "assessment")
CLASSES = (SPECIFIC, *KINDS)
# The texts read as vectors: "need", what is needed (the reader's words of it; the whole
# statement when it read none), and "whole", the statement; both without names.
VECTOR_PARTS = ("need", "whole")
CACHE_MOST = 20000  # most encoded texts kept between batches
RETRAIN = "retrain with `make need-model`"

# What the reader's reason says, up to the words it quotes: which branch of the reader
# decided ("names no service, aim or assessment", "says what the person needs to do").
_REASON_END = re.compile(r"[\":(]")
# The features that say what the rules made of the statement (their findings, the
# reader's category and the branch that decided it): read only with
# ``NeedDecision.rule_features``.
RULE_FEATURES = re.compile(r"^(rule:|kind:|discounted:|rules:|category:|why:)")

Policy = Literal["rules", "add"]


class NeedDecision(Strict):
    """How the model joins the rules, chosen leave-sources-out by the trainer.

    ``rules``: the rules alone (the model is shipped but says nothing). ``add``: where
    the rules read the statement as specific, the model's most likely class, when it is
    a kind in ``add``, is added if its probability reaches that kind's threshold."""

    policy: Policy
    add: dict[str, float] = {}
    # Whether the model reads the rules' findings and the reader's judgement as features
    # (``RULE_FEATURES``). Left out, it reads only what the statement says and how it is
    # built, so where the rules read specific it is not pulled back to their reading.
    rule_features: bool = False

    @model_validator(mode="after")
    def _kinds_known(self) -> NeedDecision:
        stray = set(self.add) - set(KINDS)
        if stray:
            raise ValueError(f"add: unknown kind(s) {', '.join(sorted(stray))}")
        if any(not 0.0 <= t <= 1.0 for t in self.add.values()):
            raise ValueError("add: each threshold is a probability, from 0 to 1")
        return self


class NeedModelFile(Strict):
    """framework/need-model.json: what the trainer wrote, checked on load."""

    format: Literal["needs-led/need-model"]
    feature_version: int
    classes: list[str]
    bias: list[float]
    weights: dict[str, dict[str, float]]  # feature: {class: weight}, small ones dropped
    # Each vector part's weights: one row per dimension, one weight per class; the unit
    # vector is multiplied by ``vector_scale`` first.
    vectors: dict[str, list[list[float]]] = {}
    vector_scale: float = Field(default=0.0, ge=0.0)
    decision: NeedDecision
    meta: dict[str, object] = {}

    @model_validator(mode="after")
    def _shapes_hold(self) -> NeedModelFile:
        if self.feature_version != FEATURE_VERSION:
            raise ValueError(f"feature_version {self.feature_version} is not this code's "
                             f"{FEATURE_VERSION}: {RETRAIN}")
        if tuple(self.classes) != CLASSES:
            raise ValueError(f"classes must be {', '.join(CLASSES)}")
        check_weights(self.classes, self.bias, self.weights, self.vectors, VECTOR_PARTS)
        return self


@dataclass(slots=True)
class Seen:
    """What the model reads of one statement: its sparse features, the texts of its
    vectors, and the reader's readings (kept so the coach does not read them again)."""

    feats: dict[str, float]
    texts: dict[str, str]
    reading: NeedReading | None = None
    readings: list[NeedReading] = field(default_factory=list)
    # the rules' kinds that count (the model adds only where there are none)
    kinds: list[str] = field(default_factory=list)
    # why the model has no say on this statement (:func:`closed`), else None
    closed: str | None = None
    # the kinds the rules found but discounted (negated, hypothetical, quoted)
    discounted: list[str] = field(default_factory=list)


def observe(doc: Any, report: Report, reader: StructureReader, *,
            only_open: bool = False) -> Seen:
    """What the model reads of a need statement the coach has reported on: the rules'
    findings, the reader's main reading (read already for the report: a look-up), the
    words of what is needed and of the statement. Names are left out of every word
    feature and vector text: who needs it says nothing of the kind.

    ``only_open``: the words (``feats`` beyond the rules' own, and ``texts``) are read
    only when the model may add a kind (:func:`open_to_model`); the coach asks so, since
    of a statement closed to the model it keeps only the readings."""
    from assistant.wording.structure import lemma

    feats: dict[str, float] = {}
    kinds: list[str] = []
    discounted: list[str] = []
    for finding in report.findings:
        feats[f"rule:{finding.rule}"] = 1.0
        if finding.counts:
            feats[f"kind:{finding.kind}"] = 1.0
            if finding.kind in KINDS and finding.kind not in kinds:
                kinds.append(finding.kind)
        else:
            feats[f"discounted:{finding.kind}"] = 1.0
            if finding.kind in KINDS and finding.kind not in discounted:
                discounted.append(finding.kind)
    if not kinds:
        feats["rules:specific"] = 1.0
    readings = reader.read_needs(doc) if len(doc) else []
    reading = next((r for r in readings if not r.negated), readings[0] if readings else None)
    seen = Seen(feats, {}, reading, readings, kinds, closed(reading, reader, doc),
                discounted)
    if only_open and not open_to_model(seen):
        return seen
    tokens = list(doc)
    names = {t.i for t in tokens if _is_name(t.i, t.text)}
    if reading is None:
        feats["read:none"] = 1.0
        what = [t for t in tokens if not t.is_punct and t.i not in names]
    else:
        feats.update(_reading_features(reading, len(readings)))
        part = reading.what_part or reading.span
        what = [t for t in doc[part.start:part.end] if not t.is_punct and t.i not in names] \
            if part is not None else []
        what = what or [t for t in tokens if not t.is_punct and t.i not in names]
    for n, token in enumerate(what):
        word = lemma(token)
        own, starts, grams = _word_features(word)
        feats[own] = 1.0
        if n < 2:
            feats[starts[n]] = 1.0
        for gram in grams:
            feats[gram] = 1.0
    for token in tokens:
        if not token.is_punct and token.i not in names:
            feats[_statement_feature(lemma(token))] = 1.0
    whole = " ".join(t.text for t in tokens if t.i not in names)
    need = " ".join(t.text for t in what) or whole
    seen.texts.update(need=need.lower(), whole=whole.lower())
    return seen


# A lemma's feature names, by lemma (the same few hundred words recur in every batch):
# what :func:`observe` would spell out again for each of its statements.
_WORD_FEATURES: dict[str, tuple[str, tuple[str, str], tuple[str, ...]]] = {}
_STATEMENT_FEATURES: dict[str, str] = {}


def _word_features(word: str) -> tuple[str, tuple[str, str], tuple[str, ...]]:
    """A lemma of what is needed as features: itself, as the first or second word, and
    its pieces (of a word of three letters or more)."""
    found = _WORD_FEATURES.get(word)
    if found is None:
        if len(_WORD_FEATURES) > 100_000:
            _WORD_FEATURES.clear()
        grams = tuple(f"g:{piece}" for piece in pieces(word)) \
            if len(word) > 2 and word.isalpha() else ()
        found = _WORD_FEATURES[word] = (f"w:{word}", (f"start0:{word}", f"start1:{word}"),
                                        grams)
    return found


def _statement_feature(word: str) -> str:
    """A lemma of the statement as a feature."""
    found = _STATEMENT_FEATURES.get(word)
    if found is None:
        if len(_STATEMENT_FEATURES) > 100_000:
            _STATEMENT_FEATURES.clear()
        found = _STATEMENT_FEATURES[word] = f"s:{word}"
    return found


def closed(reading: NeedReading | None, reader: StructureReader, doc: Any) -> str | None:
    """Why the model may not add a kind to a need the reader read this way, else None:
    the reader read it as particular to someone (``NeedReader.someones``: a particular
    person, or one asked to do something particular, someone's own thing or help, another
    person named), or what is needed is a thing one can hand over (``NeedReader.goods``:
    "a torch", "a car seat").

    Why: the model fills the word lists' gaps. Where the reader found nothing (a head no
    list knows, "a buddy system"), its meaning may say what the lists could not. But a
    person, an owner or a relationship in what is needed is a finding, not a gap: the
    model never sees the parse, and names are left out of its words, so it reads "help
    from Gran" near help given as a service and "a positive relationship with Quorra's
    godmother" near an aim every child shares. So is a thing people make: the labels
    call a thing a child lacks specific, and the model, having met few, reads one it never
    met ("a torch", "a duvet") near the equipment a service provides; so is a person no
    service list names (``NeedReader.people``: "a trusted adult at home"), read near the
    professionals a service provides; so is a need for a named time
    (``NeedReader.occasion``). A statement ``doc`` with no need read in it at all is
    closed when it only states a fact (``NeedReader.stated``)."""
    if reading is None:
        return reader.stated(doc)
    return (reader.someones(reading) or reader.goods(reading) or reader.occasion(reading)
            or reader.people(reading))


def open_to_model(seen: Seen) -> bool:
    """Whether the model may add a kind to a statement (shared by run time and the
    trainer, so what is measured is what runs): the rules found no kind, not even one
    their context discounted ("Kayla hardly needs counselling": the coach's negators said
    it does not count, and the model must not say it back), the need is not negated, and
    the reader did not read it as particular to someone (:func:`closed`)."""
    return not seen.kinds and not seen.discounted and not (
        seen.reading is not None and seen.reading.negated) and seen.closed is None


def _reading_features(reading: NeedReading, count: int) -> dict[str, float]:
    """The shape the reader read: how the need is said, whether what is needed is an
    infinitive or a noun phrase, its verb or head and modifiers, the reader's judgement and
    the branch of the reader that made it."""
    out = {f"form:{reading.form}": 1.0, f"what:{reading.what or '?'}": 1.0,
           f"category:{reading.category}": 1.0, f"readings:{min(count, 3)}": 1.0}
    for flag in ("negated", "passive", "able", "purpose", "worker"):
        if getattr(reading, flag):
            out[flag] = 1.0
    if not reading.parsed:
        out["unparsed"] = 1.0
    if reading.verb:
        out[f"verb:{reading.verb}"] = 1.0
    if reading.verb_object:
        out[f"object:{reading.verb_object}"] = 1.0
        if reading.verb:
            out[f"verb+object:{reading.verb}+{reading.verb_object}"] = 1.0
    if reading.head:
        out[f"head:{reading.head}"] = 1.0
    for modifier in reading.modifiers:
        out[f"mod:{modifier}"] = 1.0
    said = " ".join(_REASON_END.split(reading.reason, maxsplit=1)[0].split()[:8])
    if said:
        out[f"why:{said}"] = 1.0
    return out


def model_features(feats: Mapping[str, float], rule_features: bool,
                   margins: Mapping[str, float] | None) -> dict[str, float]:
    """The features the model reads of a statement (shared by run time and the trainer):
    what :func:`observe` found, less the rules' own view unless ``rule_features``, with
    the meaning check's margins of what is needed (:func:`margin_features`)."""
    out = dict(feats) if rule_features else {
        k: v for k, v in feats.items() if not RULE_FEATURES.match(k)}
    if margins is not None:
        out.update(margin_features(margins))
    return out


def margin_features(margins: Mapping[str, float]) -> dict[str, float]:
    """The meaning check's margins (``NeedMeaning.kind_margins``) as features: each kind's
    margin over the specific exemplars, per shape, and the best of them."""
    out = {f"m:{k}": v for k, v in margins.items()}
    for shape in ("phrase", "aim"):
        own = [v for k, v in margins.items() if k.startswith(shape + ":")]
        if own:
            out[f"m:{shape}:best"] = max(own)
    return out


class NeedModel:
    """The loaded model: probabilities for a statement, and what it adds to the rules."""

    def __init__(self, model: NeedModelFile, vectors: Vectors | None,
                 meaning: NeedMeaning | None) -> None:
        self.model = model
        self.decision = model.decision
        self.index = {c: n for n, c in enumerate(model.classes)}
        self.rows = {f: [(self.index[c], w) for c, w in row.items()]
                     for f, row in model.weights.items()}
        # The rows a statement's own features are weighed by (what :func:`model_features`
        # keeps of them): a feature it leaves out has no row here, so :meth:`probabilities`
        # reads the features as observed, with no filtered copy of them per statement.
        # Each as one weight per class (0.0 where the file has none: adding it changes
        # no sum), so a feature's weights are added in one step.
        self._own_rows = {f: tuple(dict(row).get(k, 0.0) for k in range(len(CLASSES)))
                          for f, row in self.rows.items()
                          if model.decision.rule_features or not RULE_FEATURES.match(f)}
        self.dense = {part: np.asarray(rows, dtype=np.float32) * model.vector_scale
                      for part, rows in model.vectors.items()}
        self.vectors = vectors
        self.meaning = meaning
        self._encoded: dict[str, NDArray[np.float32]] = {}
        # By text, what :meth:`probabilities` adds to the logits for it: the weighted
        # margins of what is needed ((class, weight x margin) in feature order), and each
        # vector part's product with its weights. Pure functions of the text, remembered
        # as the vectors are (a batch repeats its needs' words: "counselling", "a referral").
        self._margin_terms: dict[str, list[tuple[int, float]]] = {}
        self._part_terms: dict[tuple[str, str], list[float]] = {}
        self._lock = threading.Lock()

    @property
    def active(self) -> bool:
        """Whether the model can add anything (its decision is not the rules alone)."""
        return self.decision.policy == "add" and bool(self.decision.add)

    def prepare(self, seen: Iterable[Seen]) -> None:
        """Encode the vector texts of many statements at once (one tokenizer call), so
        :meth:`probabilities` of each only looks its vectors up."""
        if self.vectors is None:
            return
        with self._lock:
            todo = list(dict.fromkeys(text for s in seen for text in s.texts.values()
                                      if text not in self._encoded))
            if not todo:
                return
            if len(self._encoded) + len(todo) > CACHE_MOST:
                self._encoded.clear()
                self._margin_terms.clear()
                self._part_terms.clear()
            for text, row in zip(todo, self.vectors.encode(todo), strict=True):
                self._encoded[text] = row

    def vector(self, text: str) -> NDArray[np.float32]:
        found = self._encoded.get(text)
        if found is None:
            self.prepare([Seen({}, {"need": text})])
            found = self._encoded[text]
        return found

    def features(self, seen: Seen) -> dict[str, float]:
        """The statement's features with the meaning check's margins of what is needed."""
        margins = None if self.meaning is None or self.vectors is None else \
            self.meaning.kind_margins(self.vector(seen.texts["need"]))
        return model_features(seen.feats, self.decision.rule_features, margins)

    def probabilities(self, seen: Seen) -> list[float]:
        """The model's probability of each class for ``seen``: the logits summed in the
        order :meth:`features` gives the features (the statement's own, then the
        margins), then each vector part's, as the trainer sums them."""
        specific, universal, service, assessment = self.model.bias  # CLASSES' order
        rows = self._own_rows
        for name, value in seen.feats.items():
            row = rows.get(name)
            if row is not None:
                if value != 1.0:
                    row = tuple(w * value for w in row)
                specific += row[0]
                universal += row[1]
                service += row[2]
                assessment += row[3]
        logits = [specific, universal, service, assessment]
        if self.meaning is not None and self.vectors is not None:
            for k, term in self._margins_of(seen.texts["need"]):
                logits[k] += term
        for part in self.dense:
            extra = self._part_of(part, seen.texts[part])
            logits = [v + e for v, e in zip(logits, extra, strict=True)]
        return softmax(logits)

    def _margins_of(self, text: str) -> list[tuple[int, float]]:
        """What the meaning check's margins of what is needed add to the logits, in
        feature order (see :meth:`probabilities`)."""
        found = self._margin_terms.get(text)
        if found is None:
            assert self.meaning is not None
            features = margin_features(self.meaning.kind_margins(self.vector(text)))
            found = [(k, w * value) for name, value in features.items()
                     for k, w in self.rows.get(name, ())]
            self._margin_terms[text] = found
        return found

    def _part_of(self, part: str, text: str) -> list[float]:
        """What a vector part's text adds to each class's logit."""
        key = (part, text)
        found = self._part_terms.get(key)
        if found is None:
            found = self._part_terms[key] = [
                float(e) for e in self.vector(text) @ self.dense[part]]
        return found

    def may_add(self, seen: Seen) -> bool:
        """Whether :meth:`added` reads ``seen`` at all (else it adds nothing unread)."""
        return self.active and open_to_model(seen)

    def added(self, seen: Seen) -> tuple[str, float] | None:
        """The kind the model adds to a statement the rules read as specific, with its
        probability; None when it adds nothing (the rules found a kind, the need is
        negated or read as particular: :func:`open_to_model`; or the model is not sure
        enough)."""
        if not self.may_add(seen):
            return None
        return add_kind(self.decision, self.probabilities(seen), self.model.classes)


def add_kind(decision: NeedDecision, probs: Sequence[float], classes: Sequence[str]
             ) -> tuple[str, float] | None:
    """The kind ``decision`` adds where the rules read specific: the model's most likely
    class, when it is a kind the decision adds and its probability reaches the kind's
    threshold (shared by run time and the trainer, so what is measured is what runs)."""
    if decision.policy != "add":
        return None
    best = max(range(len(classes)), key=lambda k: (probs[k], -k))
    kind = classes[best]
    threshold = decision.add.get(kind)
    if threshold is None or probs[best] < threshold:
        return None
    return kind, probs[best]


SAID = {
    "service": "a service or provision someone gives",
    "universal": "an aim every child shares",
    "assessment": "a test or a check to find things out",
}


def reason(kind: str, what: str) -> str:
    """What a kind the model added says in the finding's message ``{reason}``: what the
    words read like, in the worker's terms (how it was read is the ``why``'s to say)."""
    return f"\"{what}\" reads like {SAID[kind]}"


def why(kind: str, rule_why: str) -> str:
    """The finding's ``why``: the rule's own, and how this kind was found."""
    return (f"{rule_why.strip()} No word list or shape named it here: by its meaning, "
            f"what is needed reads like {SAID[kind]}, as a reading learned from labelled "
            "need statements takes it. If it is particular to this person, say what makes "
            "it so.")


def load_need_model(content: Content, meaning: NeedMeaning | None = None,
                    data: dict[str, Any] | None = None) -> NeedModel:
    """The shipped (or a trainer's) model, checked: a missing or broken file is a
    one-line error naming it. ``meaning``: the reader's meaning check, whose margins the
    model reads; ``data``: the file as read already (:func:`read_model`)."""
    path = content.path(*MODEL_FILE)
    data = read_model(content) if data is None else data
    try:
        model = NeedModelFile.model_validate(data)
    except ValidationError as exc:
        raise _invalid(path, exc) from None
    vectors = None
    if model.decision.policy != "rules" and (model.vectors or meaning is not None):
        # switched off, it reads nothing: the vector table is not loaded for it
        from assistant.vectors import load_vectors

        vectors = load_vectors(content)
    return NeedModel(model, vectors, meaning)


def read_model(content: Content) -> dict[str, Any]:
    """The model file as JSON (a missing or broken file is a one-line error naming it)."""
    path = content.path(*MODEL_FILE)
    try:
        data = json.loads(content.read_text(*MODEL_FILE))
    except ValueError as exc:
        raise ContentError(path, f"not valid JSON ({exc}); {RETRAIN}") from None
    if not isinstance(data, dict):
        raise ContentError(path, f"not a model (a JSON object); {RETRAIN}")
    return data


def switched_on(content: Content) -> dict[str, Any] | None:
    """The model file as JSON when its decision adds kinds, else None, having checked
    only its decision. Why: switched off, the model reads nothing, and building its few
    thousand weights would only slow the coach's first check."""
    data = read_model(content)
    try:
        decision = NeedDecision.model_validate(data.get("decision"))
    except ValidationError as exc:
        raise _invalid(content.path(*MODEL_FILE), exc, "decision") from None
    return data if decision.policy == "add" and decision.add else None


def _invalid(path: Any, exc: ValidationError, prefix: str = "") -> ContentError:
    first = exc.errors()[0]
    where = ".".join(str(p) for p in (prefix, *first["loc"]) if p != "") or None
    return ContentError(path, f"{first['msg']}; {RETRAIN}", field=where)
