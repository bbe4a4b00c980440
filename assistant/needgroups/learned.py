"""A small learned reading of Need Group themes, kept as data (framework/needgroups-model.json).

Why: the theme rules (themes.yml terms, their weights and places in the need) were tuned
on the labelled needs they are scored on, and a need worded a new way often matches no
term, or a general one that points elsewhere ("the story of why she came into care" is
not communication). A multinomial logistic regression over the need's own words, read
through its structure (the head of what is needed, the words in it and in its adjuncts,
whom each word is about, who does what to whom) and over the rules' own theme scores,
learns from every labelled need at once. It is trained by ``scripts/train_group_model.py``
on ``eval/dev/needgroups.jsonl`` only and judged leave-one-source-out; the policy that
joins it with the rules (the rules alone, the model where the rules are weak, a blend, or
a stacked join whose few weights are learned from out-of-fold probabilities) is the one
that scored best that way, and is stored in the file with the figures.

It can also read what the need means, not only its words (when the trainer's
leave-sources-out choice includes them; the file's ``decision.vectors`` says): the vector
of what is needed (and
of the whole statement, names left out) from ``assistant.vectors``, word-piece meanings
distilled from a sentence model, so "too hungover to get them up" weighs towards the
theme of "Mum's drinking" though it shares no word with any labelled need. Those weights
are dense rows (one per vector dimension) in the same file. The vectors may instead be
read by a second model of their own (``Decision.fallback``, the file's ``fallback``),
asked only where the rules find no theme word in a need the reader read as someone's:
read everywhere, they overturned theme words the rules read right (drink slang, violence
a child saw), and where the rules find nothing there is nothing of theirs to overturn.

At run time it is a dot product: a few dozen features, each with a weight per theme, and
a vector or two per need, encoded once per batch of needs (:meth:`Learned.prepare`). A
need worded as a service, an assessment or a universal aim never reaches it: the rules'
"no theme" and its reason stand (issue 10, point 5).
"""

from __future__ import annotations

import json
from collections.abc import Container, Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Literal

import numpy as np
from numpy.typing import NDArray
from pydantic import Field, ValidationError, model_validator

from assistant.content import Content, ContentError, Strict
from assistant.learning import PIECE, check_weights, pieces, softmax
from assistant.learning import is_name as _name

if TYPE_CHECKING:
    from assistant.needgroups.suggest import Analysis, Suggestion
    from assistant.needgroups.themes import Themes
    from assistant.vectors import Vectors

MODEL_FILE = ("framework", "needgroups-model.json")
# Raise when :func:`features` changes: a model trained on other features must not load.
# 2: four-letter pieces of the words of what is needed, and each word's first four letters.
# 3: the meaning vectors of what is needed and of the whole statement (``VECTOR_PARTS``).
# 4: each word outside what must change also by the role of the adjunct it sits in
# (``ROLES``: "why:school", "set:school"), with whom it is about ("set:school@c"), and
# whom each role is about ("who:why@c"), so the model can learn that a setting says
# little where the same word as what is needed says much.
FEATURE_VERSION = 4
# The texts a need is read as a vector from: "need", what is needed (no holder, no need
# verb, no names: who needs it says nothing of the theme); "whole", the statement less
# the names after its first word (a problem statement's subject is part of what it is
# about; its first word, "Mum" or a name, is kept as written).
VECTOR_PARTS = ("need", "whole")
# Most encoded texts kept between batches (a long audit must not grow without bound).
CACHE_MOST = 20000
NONE = "none"  # the class of a need the group should place itself (no theme)
# The role of a word outside what must change, by the outermost adjunct it sits in
# (themes.yml ``adjuncts`` kinds): what the need is for ("why": "... so that she can go
# to school"), its setting ("set": "at school", "every evening", "with his mum"), a
# condition ("cond"), what happens now ("now": "instead of ...", "stop ..."), a
# feeling's or knowing's topic ("topic"); any other kind is "adj". Why: pooled, "school"
# in "be calm at school" weighed towards school attendance as "school" in "go to school"
# does; apart, each family learns what a word says in that place. A word deeper in a
# setting ("when she collects them from school") is a setting word too.
ROLES = {"purpose": "why", "reason": "why", "result": "why", "cause": "why",
         "place": "set", "time": "set", "company": "set", "where": "set",
         "condition": "cond", "instead": "now", "without": "now", "stopped": "now",
         "frame": "topic", "topic": "topic", "light": "topic", "feeling": "topic"}
SETTINGS = ("place", "time")
# The feature families that are a word of the need itself (what a reason may quote).
WORD_FAMILIES = ("w:", "in:", "adj:", "head:", *sorted({f"{r}:" for r in ROLES.values()}))

# Words that say nothing of a theme in any need: function words and the need's own frame.
# Kept short on purpose; the model learns what the rest weigh.
STOP = frozenset([
    "a", "an", "the", "and", "or", "but", "nor", "so", "yet", "to", "of", "in", "on", "at",
    "by", "for", "with", "from", "into", "onto", "than", "that", "this", "these", "those",
    "there", "here", "it", "its", "itself", "be", "is", "are", "was", "were", "been", "being",
    "am", "do", "does", "did", "done", "have", "has", "had", "having", "not", "no", "n't",
    "'s", "i", "me", "my", "we", "us", "our", "you", "your", "he", "him", "his", "she", "her",
    "they", "them", "their", "themself", "themselves", "himself", "herself", "who", "whom",
    "whose", "which", "what", "when", "where", "why", "how", "all", "any", "some", "each",
    "every", "more", "most", "much", "many", "very", "too", "also", "just", "only", "still",
    "even", "again", "can", "could", "will", "would", "shall", "should", "may", "might",
    "must", "need", "needs", "needed", "able", "get", "gets", "got"
])

Policy = Literal["rules", "model", "fallback", "strong", "blend", "stack"]
# The stacked join (``Decision.weights``, in this order): for each class, the log of the
# model's probability; the rules' score for it as a share of their best; whether it is the
# rules' choice; that choice's score (capped at STACK_SCORE_CAP: past it a theme phrase
# at the head says no more); and, for "no theme" alone, a constant and whether the rules
# found no theme word at all. Why learned: under its cut-off the strong join hands a need
# to the model past one floor whatever the rules scored and however sure the model is;
# weighed together, a weak rules' theme gives way to a sure model, a near one to a model
# only a little surer (leave-sources-out at 2074 dev rows, with the floors the
# trainer fixes, ``threshold`` 1.25 and ``min_prob`` 0.4: 1809 right against 1784 for the
# strong join chosen before).
STACK_FEATURES = ("log_p", "rule_share", "rule_best", "rule_best_score", "none",
                  "none_no_rule")
STACK_SCORE_CAP = 4.0
STACK_FLOOR = 1e-6  # the least probability whose log is taken (a model's 0 is not -inf)


class Decision(Strict):
    """How the model joins the rules, chosen by leave-one-source-out accuracy.

    ``rules``: the rules alone. ``model``: the model alone. ``fallback``: the model only
    where the rules find no theme word. ``strong``: the rules where their best theme
    scores at least ``threshold``, else the model. ``blend``: each theme's model
    probability plus ``alpha`` times its share of the rules' scores. ``stack``: the class
    whose model probability and rules' scores, weighed by ``weights`` (STACK_FEATURES),
    score most, unless the rules' best scores at least ``threshold`` (when it is not 0):
    then the rules' theme stands."""

    policy: Policy
    threshold: float = Field(default=0.0, ge=0.0)
    alpha: float = Field(default=0.0, ge=0.0)
    # The model's theme stands only when its probability is at least this; else the
    # rules' choice (so an unsure model does not overturn them, nor place a need the
    # group should place itself).
    min_prob: float = Field(default=0.0, ge=0.0, le=1.0)
    # Whether the model reads the rules' theme scores as features too.
    rule_features: bool = True
    # The meaning vectors (``VECTOR_PARTS``) the model reads besides the features.
    vectors: list[str] = []
    # A second model that reads these meaning vectors besides the words (the file's
    # ``fallback``), asked only where the rules find no theme word in a need the reader
    # read as someone's (:func:`is_read`); its theme, or its "no theme", stands when its
    # probability is at least ``fallback_prob``, else the join above decides. Why its own
    # join: read everywhere, the vectors overturned the rules on needs the rules read
    # right (drink slang, violence a child saw); where the rules find nothing there is
    # nothing of theirs to overturn. Empty: no second model.
    fallback: list[str] = []
    fallback_prob: float = Field(default=0.0, ge=0.0, le=1.0)
    # ``stack``: the weight of each of STACK_FEATURES (fitted by the trainer on
    # out-of-fold probabilities), and what is added to "no theme"'s score before the
    # best class is taken (a floor, as ``min_prob`` is, chosen leave-sources-out).
    weights: list[float] = []
    none_offset: float = 0.0
    # The rules' theme stands (as a ``strong`` one does) where the model cannot weigh
    # what it rests on (:func:`unlearned`): a theme phrase or act, or only words the
    # model holds no weight for. Why: a model that reads meaning vectors everywhere was
    # sure against theme words it had never seen (drink and county-lines slang, a
    # partner's put-downs, "sit still in circle time"): where the words are new to it,
    # its vectors guess, and themes.yml's words are the project's knowledge of them.
    unlearned_stands: bool = False

    @model_validator(mode="after")
    def _stack_weighed(self) -> Decision:
        if (self.policy == "stack") != bool(self.weights):
            raise ValueError("weights: a stacked join needs them, and only it has them")
        if self.weights and len(self.weights) != len(STACK_FEATURES):
            raise ValueError(f"weights: {len(STACK_FEATURES)} are needed, one for each of "
                             f"{', '.join(STACK_FEATURES)}")
        return self


class FallbackWeights(Strict):
    """The second model's weights (``Decision.fallback``): as the main model's."""

    bias: list[float]
    weights: dict[str, dict[str, float]]
    vectors: dict[str, list[list[float]]]
    vector_scale: float = Field(ge=0.0)


class GroupModel(Strict):
    """framework/needgroups-model.json: what the trainer wrote, checked on load."""

    format: Literal["needs-led/needgroups-model"]
    feature_version: int
    classes: list[str] = Field(min_length=2)
    bias: list[float]
    weights: dict[str, dict[str, float]]  # feature: {class: weight}, small ones dropped
    decision: Decision
    # Each vector part's weights: one row per dimension, one weight per class; the unit
    # vector is multiplied by ``vector_scale`` first (so a need's vector weighs like a
    # few of its words in training).
    vectors: dict[str, list[list[float]]] = {}
    vector_scale: float = Field(default=0.0, ge=0.0)
    fallback: FallbackWeights | None = None
    meta: dict[str, object] = {}

    @model_validator(mode="after")
    def _shapes_hold(self) -> GroupModel:
        if self.feature_version != FEATURE_VERSION:
            raise ValueError(f"feature_version {self.feature_version} is not this code's "
                             f"{FEATURE_VERSION}: retrain with `make group-model`")
        if len(set(self.classes)) != len(self.classes) or NONE not in self.classes:
            raise ValueError(f"classes must be distinct and include '{NONE}'")
        check_weights(self.classes, self.bias, self.weights, self.vectors, VECTOR_PARTS)
        if set(self.vectors) != set(self.decision.vectors):
            raise ValueError("vectors must hold weights for exactly the decision's "
                             f"vectors ({', '.join(self.decision.vectors) or 'none'})")
        if (self.fallback is None) != (not self.decision.fallback):
            raise ValueError("fallback: weights are needed exactly when the decision "
                             "names a fallback's vectors")
        if self.fallback is not None:
            self.fallback_model()  # its own shapes, checked as the main model's are
        return self

    def fallback_model(self) -> GroupModel | None:
        """The second model as a model of its own (the model alone, its floor the
        decision's ``fallback_prob``), so it is read and checked as the main one is."""
        if self.fallback is None:
            return None
        fb = self.fallback
        return GroupModel(
            format=self.format, feature_version=self.feature_version, classes=self.classes,
            bias=fb.bias, weights=fb.weights, vectors=fb.vectors,
            vector_scale=fb.vector_scale,
            decision=Decision(policy="model", rule_features=self.decision.rule_features,
                              vectors=self.decision.fallback,
                              min_prob=self.decision.fallback_prob))


def is_read(analysis: Analysis) -> bool:
    """Whether the structure reader read the statement as someone's need or problem: it
    found a holder or what is needed ("Has psychological well-being." has neither: a
    strength, an aim or a fragment the group should place itself)."""
    return bool(analysis.holder or analysis.form)


def fallback_pick(probs: Sequence[float], classes: Sequence[str], min_prob: float
                  ) -> tuple[bool, str | None]:
    """Whether the second model's choice stands (its probability reaches ``min_prob``),
    and that choice (None: no theme). Shared by run time and the trainer."""
    best = max(range(len(classes)), key=lambda k: (probs[k], -k))
    return probs[best] >= min_prob, None if classes[best] == NONE else classes[best]


def unlearned(rule: Suggestion, tokens: Sequence[Sequence[object]],
              known: Container[str]) -> bool:
    """Whether the rules' theme rests on what the model cannot weigh: a phrase or an act
    of that theme (who does what to whom), or only words with no ``w:`` feature in
    ``known`` (the model's weighed features: it never saw them in enough rows). Shared by
    run time and the trainer (which passes each fold's own)."""
    found = [m for m in rule.matches if m.theme == rule.theme]
    if rule.theme is None or not found:
        return False
    if any(m.act or m.end - m.start > 1 for m in found):
        return True
    return not any(f"w:{tokens[i][1]}" in known for m in found
                   for i in range(m.start, m.end))


def features(analysis: Analysis, rule: Suggestion | None = None,
             rule_features: bool = True) -> dict[str, float]:
    """The features of one need: what it reads as, its words by their place, and what
    the rules scored. Names, the holder and the need verb are left out (depth -1), so
    the model learns what is needed, not who needs it."""
    out: dict[str, float] = {f"holder={analysis.holder or '?'}": 1.0,
                             f"form={analysis.form or '?'}": 1.0}
    if analysis.joint:
        out["joint"] = 1.0
    if analysis.relief:
        out["relief"] = 1.0
    tokens = analysis.tokens
    for n, (text, lemma, whom, depth, part) in enumerate(tokens):
        if depth < 0:
            continue
        if whom in ("p", "c"):
            # whom each part of the need is about ("who:why@c": what it is for is the
            # child's; "who:set@p": its setting is a parent's), pronouns and names too
            out[f"who:{role_of(part)}@{whom}"] = 1.0
        if not lemma[:1].isalpha() or lemma in STOP:
            continue
        if _name(n, text):
            continue  # a name ("Poppy"): a person, not what is needed
        out[f"w:{lemma}"] = 1.0
        out[f"{'in' if not part else 'adj'}:{lemma}"] = 1.0
        if part:
            role = role_of(part)
            out[f"{role}:{lemma}"] = 1.0
            if role != "set" and part.split(">")[-1] in SETTINGS:
                out[f"set:{lemma}"] = 1.0
        if whom in ("p", "c"):
            out[f"{lemma}@{whom}"] = 1.0
            if part:
                out[f"{role_of(part)}:{lemma}@{whom}"] = 1.0
        if depth == 0 and not part:
            out[f"head:{lemma}"] = 1.0
        if len(lemma) > PIECE:
            # the word's start, as a stem: "exploit" of "exploited", "exploitation"
            out[f"s:{lemma[:PIECE]}"] = 1.0
            if not part:
                out[f"sin:{lemma[:PIECE]}"] = 1.0
        if not part:
            for piece in pieces(lemma):
                out[f"g:{piece}"] = 1.0
    for index, by, on in analysis.acts:
        if index < len(tokens):
            out[f"act:{tokens[index][1]}:{by}>{on}"] = 1.0
    if rule is None or not rule_features:
        return out
    if rule.scores:
        top = max(rule.scores.values())
        for theme, score in rule.scores.items():
            # each theme's share of the best score, and whether it is the rules' choice
            out[f"rule:{theme}"] = score / top if top > 0 else 0.0
        if rule.theme:
            out[f"best:{rule.theme}"] = 1.0
    else:
        out["rule:nothing"] = 1.0
    return out


def role_of(part: str) -> str:
    """The feature family of a token's place (``ROLES``): "in" in what must change."""
    return ROLES.get(part.split(">")[0], "adj") if part else "in"


def vector_texts(analysis: Analysis) -> dict[str, str]:
    """The texts of ``VECTOR_PARTS`` for one need, from its stored tokens (so a stored
    analysis reads the same without spaCy): what is needed (the tokens below the need
    verb; all of them when the structure was not read) and the whole statement, each
    without names after the first word (a name is a capitalised word that is not
    shorthand; the first word is capitalised whatever it is)."""
    tokens = analysis.tokens
    whole = [t[0] for n, t in enumerate(tokens) if not _name(n, t[0])]
    need = [t[0] for n, t in enumerate(tokens) if t[3] >= 0 and not _name(n, t[0])]
    return {"need": " ".join(need or whole), "whole": " ".join(whole)}


class Learned:
    """The loaded model: probabilities for a need and the decision with the rules."""

    def __init__(self, model: GroupModel, themes: Themes,
                 vectors: Vectors | None = None) -> None:
        self.model = model
        self.classes = model.classes
        self.index = {c: n for n, c in enumerate(model.classes)}
        self.themes = themes
        # each feature's weights as (class index, weight) pairs: the dot product is short
        self.rows = {f: [(self.index[c], w) for c, w in row.items()]
                     for f, row in model.weights.items()}
        self.dense = {part: np.asarray(rows, dtype=np.float32) * model.vector_scale
                      for part, rows in model.vectors.items()}
        self.vectors = vectors if self.dense else None
        self._encoded: dict[str, NDArray[np.float32]] = {}
        second = model.fallback_model()
        self.fallback = Learned(second, themes, vectors) if second is not None else None

    def prepare(self, analyses: Iterable[Analysis]) -> None:
        """Encode the vector texts of many needs at once (one tokenizer batch), so
        :meth:`decide` on each of them only looks its vectors up."""
        analyses = list(analyses)
        if self.vectors is not None:
            self._encode(self.vectors, [vector_texts(a) for a in analyses])
        if self.fallback is not None:
            self.fallback.prepare(analyses)

    def _encode(self, vectors: Vectors, texts: list[dict[str, str]]) -> None:
        """Encode the texts of the parts the model reads that are not encoded yet."""
        todo = list(dict.fromkeys(
            text for parts in texts for part, text in parts.items()
            if part in self.dense and text not in self._encoded))
        if not todo:
            return
        if len(self._encoded) + len(todo) > CACHE_MOST:
            self._encoded.clear()
        for text, row in zip(todo, vectors.encode(todo), strict=True):
            self._encoded[text] = row

    def vector_logits(self, analysis: Analysis) -> NDArray[np.float32] | None:
        """What the need's vectors add to each class's logit (None: no vectors)."""
        if self.vectors is None:
            return None
        texts = vector_texts(analysis)
        self._encode(self.vectors, [texts])
        out = np.zeros(len(self.classes), dtype=np.float32)
        for part, weights in self.dense.items():
            out += self._encoded[texts[part]] @ weights
        return out

    def probabilities(self, feats: Mapping[str, float],
                      analysis: Analysis | None = None) -> list[float]:
        logits = list(self.model.bias)
        for name, value in feats.items():
            for k, w in self.rows.get(name, ()):
                logits[k] += w * value
        extra = self.vector_logits(analysis) if analysis is not None else None
        if extra is not None:
            logits = [v + float(e) for v, e in zip(logits, extra, strict=True)]
        return softmax(logits)

    def decide(self, analysis: Analysis, rule: Suggestion) -> Suggestion:
        """The suggestion for a need the rules placed or could not place (never one
        worded as a service, assessment or aim: those keep the rules' reason)."""
        from assistant.needgroups.suggest import Suggestion

        decision = self.model.decision
        if decision.policy == "rules":
            return rule
        reader: Learned = self
        feats = features(analysis, rule, decision.rule_features)
        probs = self.probabilities(feats, analysis)
        firm = rule.strong or (decision.unlearned_stands
                               and unlearned(rule, analysis.tokens, self.rows))
        theme = choose(decision, probs, self.classes, rule.theme, rule.scores, firm)
        if self.fallback is not None and rule.theme is None and is_read(analysis):
            fb_probs = self.fallback.probabilities(feats, analysis)
            stands, fb_theme = fallback_pick(fb_probs, self.classes, decision.fallback_prob)
            if stands:
                reader, probs, theme = self.fallback, fb_probs, fb_theme
        if theme == rule.theme:
            return rule
        if theme is None:
            return Suggestion(None, "no theme the need's words make likely: left for the "
                                    "group to place", rule.alternatives, [], rule.scores)
        words = reader.evidence(analysis, feats, theme)
        known = self.themes.get(theme)
        label = known.label if known else theme
        said = ", ".join(f"'{w}'" for w in words) or "what its words mean together"
        reason = f"read from {said} (learned from labelled needs) -> {label}"
        if rule.theme is not None:
            reason += f"; the theme words alone: {rule.reason}"
        ranked = sorted((c for c in self.classes if c not in (NONE, theme)),
                        key=lambda c: -probs[self.index[c]])
        return Suggestion(theme, reason, ranked[:3], [], rule.scores)

    def evidence(self, analysis: Analysis, feats: Mapping[str, float], theme: str,
                 most: int = 3) -> list[str]:
        """The need's own words that weighed most for ``theme``, as written: what the
        model went on, so the reason never names a rule that did not fire."""
        k = self.index[theme]
        weight: dict[str, float] = {}
        for name in feats:
            if not name.startswith(WORD_FAMILIES) and "@" not in name:
                continue
            lemma = name.split(":", 1)[-1].split("@")[0]
            gain = sum(w for c, w in self.rows.get(name, ()) if c == k)
            if gain > 0:
                weight[lemma] = weight.get(lemma, 0.0) + gain
        best = sorted(weight, key=lambda w: (-weight[w], w))[:most]
        shown = []
        for lemma in best:
            text = next((t[0] for t in analysis.tokens if t[1] == lemma and t[3] >= 0), lemma)
            shown.append(text)
        return shown


def choose(decision: Decision, probs: Sequence[float], classes: Sequence[str],
           rule_theme: str | None, rule_scores: Mapping[str, float],
           rule_strong: bool = False) -> str | None:
    """The theme ``decision`` picks from the model's ``probs`` and the rules' choice and
    scores (shared by run time and the trainer, so what is measured is what runs). A
    rules' theme that rests on a word naming the difficulty itself (``rule_strong``:
    "DVPO", "county lines") stands in every join with the rules, however far from the
    head of the need the word sits."""
    if rule_strong and rule_theme is not None and decision.policy != "model":
        return rule_theme
    best = max(range(len(classes)), key=lambda k: (probs[k], -k))
    model_theme = None if classes[best] == NONE else classes[best]
    if probs[best] < decision.min_prob:
        model_theme = rule_theme  # the model is unsure: the rules' choice stands
    if decision.policy == "rules":
        return rule_theme
    if decision.policy == "model":
        return model_theme
    if decision.policy == "fallback":
        return rule_theme if rule_theme is not None else model_theme
    top = max(rule_scores.values()) if rule_scores else 0.0
    if decision.policy == "strong":
        return rule_theme if rule_theme is not None and top >= decision.threshold \
            else model_theme
    if decision.policy == "stack":
        if rule_theme is not None and decision.threshold and top >= decision.threshold:
            return rule_theme
        stacked = stack_pick(decision.weights, decision.none_offset, probs, classes,
                             rule_theme, rule_scores)
        if stacked != rule_theme and \
                probs[list(classes).index(stacked or NONE)] < decision.min_prob:
            return rule_theme  # the model is unsure: the rules' choice stands
        return stacked
    # blend
    total = sum(rule_scores.values())
    score = [p + decision.alpha * (rule_scores.get(c, 0.0) / total if total else 0.0)
             for c, p in zip(classes, probs, strict=True)]
    pick = max(range(len(classes)), key=lambda k: (score[k], -k))
    return None if classes[pick] == NONE else classes[pick]


def stack_features(probs: Sequence[float], classes: Sequence[str], rule_theme: str | None,
                   rule_scores: Mapping[str, float]) -> list[list[float]]:
    """Each class's STACK_FEATURES (shared by run time and the trainer's fit)."""
    top = max(rule_scores.values()) if rule_scores else 0.0
    out = []
    for c, p in zip(classes, probs, strict=True):
        best = c == rule_theme
        none = c == NONE
        out.append([float(np.log(max(p, STACK_FLOOR))),
                    rule_scores.get(c, 0.0) / top if top > 0 else 0.0,
                    1.0 if best else 0.0,
                    min(top, STACK_SCORE_CAP) if best else 0.0,
                    1.0 if none else 0.0,
                    1.0 if none and not rule_scores else 0.0])
    return out


def stack_pick(weights: Sequence[float], none_offset: float, probs: Sequence[float],
               classes: Sequence[str], rule_theme: str | None,
               rule_scores: Mapping[str, float]) -> str | None:
    """The class whose weighed STACK_FEATURES score most ("no theme" plus
    ``none_offset``); ties to the earlier class, as the other joins."""
    rows = stack_features(probs, classes, rule_theme, rule_scores)
    score = [sum(w * x for w, x in zip(weights, row, strict=True))
             + (none_offset if c == NONE else 0.0)
             for c, row in zip(classes, rows, strict=True)]
    pick = max(range(len(classes)), key=lambda k: (score[k], -k))
    return None if classes[pick] == NONE else classes[pick]


def load_model(content: Content, themes: Themes) -> Learned:
    """The shipped (or a trainer's) model, checked: a missing or broken file is a
    one-line error naming it. Whether it fits the themes is :func:`fits`."""
    path = content.path(*MODEL_FILE)
    try:
        data = json.loads(content.read_text(*MODEL_FILE))
    except ValueError as exc:
        raise ContentError(path, f"not valid JSON ({exc}); retrain with "
                                 "`make group-model`") from None
    try:
        model = GroupModel.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"]) or None
        raise ContentError(path, f"{first['msg']}; retrain with `make group-model`",
                           field=where) from None
    vectors = None
    if model.vectors or model.fallback is not None:
        from assistant.vectors import load_vectors

        vectors = load_vectors(content)
    return Learned(model, themes, vectors)


def fits(model: GroupModel, themes: Themes) -> str:
    """Why ``model`` cannot read needs for ``themes`` ("" when it can): it was trained for
    other themes (a trainer added, renamed or removed one in themes.yml). Such a model is
    left out and the rules suggest alone until it is retrained; a theme edit must not
    stop the audit."""
    ids = {t.id for t in themes.themes}
    classes = set(model.classes) - {NONE}
    if classes == ids:
        return ""
    differ = sorted(classes ^ ids)
    return (f"the learned reading was trained for other themes ({', '.join(differ)}): "
            "suggesting by the rules alone until `make group-model` retrains it")


def top_words(model: GroupModel, theme: str, most: int = 10) -> list[tuple[str, float]]:
    """The features that weigh most for ``theme`` (for the trainer's printout)."""
    rows: Iterable[tuple[str, float]] = ((f, r.get(theme, 0.0)) for f, r in
                                         model.weights.items())
    return sorted(rows, key=lambda p: -p[1])[:most]
