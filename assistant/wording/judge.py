"""A learned judge of what a need statement asks for, consulted only where the rules are silent.

Why: the rules find a universal aim, a service or an assessment by lists and by the shape
of the parse, and a wording met in no list and no shape passes ("needs a successful
transition to adult life", "needs a staying put arrangement"). Aims every child shares and
services are clusters of meaning: a new wording lands near old ones even with no word in
common. The judge reads the meaning of what is needed (the clause or noun phrase the need
reader isolates) and of the whole statement as static sentence-model vectors
(:mod:`assistant.vectors`), and a multinomial logistic regression trained on ``eval/dev``
only (``scripts/train_need_judge.py``) says how like each kind it is.

It speaks only where the rules flag nothing and the reader does not read the need as
negated, and only above a threshold chosen leave-sources-out on dev so that false alarms
on specific statements stay low; its findings say that they are a model's reading
(``basis`` "model"), never a rule's. The weights are data: ``framework/wording/need-judge.json``.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np
from numpy.typing import NDArray

from assistant.content import Content, ContentError

JUDGE_FILE = ("framework", "wording", "need-judge.json")
CLASSES = ("universal", "service", "assessment", "specific")
RETRAIN = "retrain with scripts/train_need_judge.py"
MAX_WORDS = 100_000  # distinct words whose pieces are remembered

#: What the judge says it read, per kind (a finding's reason: honest about its basis).
READS = {
    "universal": "by its meaning it is close to aims every child shares; a learned "
                 "reading, not a rule",
    "service": "by its meaning it is close to services and provisions plans name; a "
               "learned reading, not a rule",
    "assessment": "by its meaning it is close to assessments and checks; a learned "
                  "reading, not a rule",
}


@dataclass(frozen=True)
class Verdict:
    """The judge's reading of one statement: the most likely fault and how likely."""

    kind: str
    probability: float


class NeedJudge:
    """Weights read from ``need-judge.json``; :meth:`judge` reads a batch at once."""

    def __init__(self, weights: NDArray[np.float64], bias: NDArray[np.float64],
                 threshold: float) -> None:
        self.weights, self.bias, self.threshold = weights, bias, threshold
        self._pieces: dict[str, list[int]] = {}  # a word's pieces, as the tokenizer splits it

    def features(self, vectors: Any, items: Sequence[tuple[Any, Any]]) -> NDArray[np.float64]:
        """One row per (parsed document, the part the need reader read as needed or None
        for the whole statement): the vector of what is needed, then of the statement.

        Why from the parse's words, not the text: the tokenizer cost several times the
        judge's sum, and a word splits into the same pieces alone as in its sentence (the
        tokenizer splits words at spaces and punctuation first, as the parse does), so
        each distinct word is split once and remembered."""
        pieces = self._pieces
        if len(pieces) > MAX_WORDS:
            pieces.clear()
        whats: list[list[int]] = []
        texts: list[list[int]] = []
        for doc, part in items:
            words = [t.lower_ for t in doc]
            for word in words:
                if word not in pieces:
                    pieces[word] = vectors.piece_ids([word])[0]
            ids = [pieces[w] for w in words]
            whole = [i for row in ids for i in row]
            what = ([i for row in ids[part.start:part.end] for i in row]
                    if part is not None and part.end > part.start else whole)
            whats.append(what or whole)
            texts.append(whole)
        encoded = vectors.encode_ids([*whats, *texts])
        return np.hstack([encoded[:len(items)], encoded[len(items):]]).astype(np.float64)

    def probabilities(self, features: NDArray[np.float64]) -> NDArray[np.float64]:
        """One row per statement: the probability of each of :data:`CLASSES`."""
        z = features @ self.weights + self.bias
        z -= z.max(axis=1, keepdims=True)
        p = np.exp(z)
        return p / p.sum(axis=1, keepdims=True)

    def judge(self, vectors: Any, items: Sequence[tuple[Any, Any]]) -> list[Verdict | None]:
        """A verdict for each item (see :meth:`features`) whose likeliest fault reaches
        the threshold; ``vectors`` is :class:`assistant.vectors.Vectors`."""
        if not items:
            return []
        out: list[Verdict | None] = []
        for row in self.probabilities(self.features(vectors, items)):
            best = int(np.argmax(row[:3]))
            out.append(Verdict(CLASSES[best], float(row[best]))
                       if row[best] >= self.threshold else None)
        return out


def load_judge(content: Content) -> NeedJudge:
    """The shipped judge; a missing or broken file is a one-line :class:`ContentError`."""
    return _load(content.path(*JUDGE_FILE))


@lru_cache(maxsize=2)
def _load(path: Path) -> NeedJudge:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ContentError(path, f"the need judge's weights are missing; {RETRAIN}"
                           ) from None
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ContentError(path, f"the need judge's weights cannot be read ({exc}); "
                                 f"{RETRAIN}") from None
    try:
        if not isinstance(data, dict) or tuple(data["classes"]) != CLASSES:
            raise ValueError(f"classes must be {list(CLASSES)}")
        weights = np.asarray(data["weights"], dtype=np.float64)
        bias = np.asarray(data["bias"], dtype=np.float64)
        threshold = float(data["threshold"])
        dims = int(data["dims"])
        if weights.shape != (2 * dims, len(CLASSES)) or bias.shape != (len(CLASSES),):
            raise ValueError(f"weights must be {2 * dims} x {len(CLASSES)} and bias "
                             f"{len(CLASSES)} numbers")
        if not 0.0 < threshold <= 1.0 or not np.isfinite(weights).all() \
                or not np.isfinite(bias).all():
            raise ValueError("threshold must be in (0, 1] and every weight a number")
    except (KeyError, TypeError, ValueError) as exc:
        detail = f"missing {exc}" if isinstance(exc, KeyError) else str(exc)
        raise ContentError(path, f"the need judge's weights are malformed ({detail}); "
                                 f"{RETRAIN}") from None
    return NeedJudge(weights, bias, threshold)


def what_of(readings: Sequence[Any]) -> tuple[bool, Any]:
    """Whether the judge may read the statement, and the part it reads as needed: the
    first need the reader read that is not negated (its clause or phrase; None for the
    whole statement). Not where every need read is negated ("does not need counselling"
    is no fault to find), nor where the reader positively read that need as specific
    ("needs help filling in the forms from the clinic": the structure has spoken, and
    the judge only fills the rules' silence)."""
    for reading in readings:
        if not reading.negated:
            return reading.category != "specific", reading.what_part
    return not readings, None


def left_to_judge(report: object) -> bool:
    """True when no rule found a universal aim, a service or an assessment in the
    statement (not even one it then read as negated): the judge's only ground."""
    return not any(f.kind in CLASSES[:3] for f in getattr(report, "findings", ()))
