"""What the need reader asks of the meaning vectors where its word lists are silent.

Why: the reader judges what is needed by shape and by word classes kept as data; a
service, provision or aim in words no list holds ("a gym membership", "to thrive in the
care of her grandparents") was read as specific only because no list knew it. Here the
words of what is needed are compared, by meaning (``assistant/vectors.py``), with exemplar
phrases of each kind (``framework/words/need-meaning.yml``): a fault kind is read only
when its nearest exemplars beat the specific ones by a margin chosen leave-sources-out
(``scripts/tune_need_meaning.py``). The reader asks only at the end of its own judgement,
where it would otherwise call the phrase specific for want of a listed word, and never of
a particular person, a possession, a time, a reason or an ability.

Cheap by design: nothing is loaded until the reader first asks; then the exemplars are
encoded once, and each phrase asked about is one table lookup and a small product
(remembered, so a phrase asked about again costs a dictionary look-up).
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal

import numpy as np

if TYPE_CHECKING:
    from numpy.typing import NDArray

    from assistant.wordlists import MeaningShape, NeedMeaningWords

Shape = Literal["phrase", "aim"]
MAX_REMEMBERED = 20_000  # phrases whose answer is kept
# A word split into more word pieces than this is known only by its fragments, whose mean
# is noise ("electroencephalogram" came out nearest to the aims): a phrase of such words
# alone is not read by meaning.
WELL_KNOWN = 1


@dataclass(frozen=True)
class Nearness:
    """A fault kind read by meaning: ``kind``, the ``exemplar`` of it nearest the phrase,
    and by how much the kind's exemplars beat the specific ones (``margin``)."""

    kind: Literal["service", "universal", "assessment"]
    exemplar: str
    margin: float


@dataclass
class _Encoded:
    kinds: list[str]
    phrases: list[list[str]]
    rows: list[NDArray[np.float32]]  # one matrix per kind, the last the specific
    margin: float
    floor: float


class NeedMeaning:
    """The exemplars of one content and their vectors, loaded on first use.

    ``margins`` overrides the file's per shape (the tuner's way to try others);
    ``record``, when a list, collects each phrase asked about with every fault kind's
    margin over the specific exemplars, for the tuner."""

    def __init__(self, content: Any = None) -> None:
        self._content = content
        self._lock = threading.Lock()
        self._shapes: dict[str, _Encoded] | None = None
        self._vectors: Any = None
        self._nearest = 1
        self._scores: dict[tuple[str, str], tuple[list[float], list[str]]] = {}
        self.margins: dict[str, tuple[float, float]] | None = None
        self.record: list[tuple[str, str, dict[str, float]]] | None = None

    def _load(self) -> dict[str, _Encoded]:
        with self._lock:
            if self._shapes is None:
                from assistant.content import Content
                from assistant.vectors import load_vectors
                from assistant.wordlists import english

                content = self._content or Content()
                words: NeedMeaningWords = english(content).need_meaning
                self._vectors = load_vectors(content)
                self._nearest = words.nearest
                self._shapes = {"phrase": self._encode(words.phrase),
                                "aim": self._encode(words.aim)}
            return self._shapes

    def _encode(self, shape: MeaningShape) -> _Encoded:
        kinds = [*shape.faults, "specific"]
        phrases = [*shape.faults.values(), shape.specific]
        return _Encoded(kinds, [list(p) for p in phrases],
                        [self._vectors.encode(p) for p in phrases], shape.margin, shape.floor)

    def near(self, shape: Shape, text: str) -> Nearness | None:
        """The fault kind ``text`` (the words of what is needed, lower case) is nearest in
        meaning, when it beats the specific exemplars by the margin; else None."""
        encoded = self._load()[shape]
        key = (shape, text)
        found = self._scores.get(key)
        if found is None:
            found = self._score(encoded, text)
            if len(self._scores) > MAX_REMEMBERED:
                self._scores.clear()
            self._scores[key] = found
        scores, best = found
        if not scores:
            return None  # no word of it is known well: nothing to compare
        specific = scores[-1]
        if self.record is not None:
            self.record.append((shape, text, {k: scores[i] - specific
                                              for i, k in enumerate(encoded.kinds[:-1])}))
        margin, floor = (self.margins or {}).get(shape, (encoded.margin, encoded.floor))
        fault = max(range(len(scores) - 1), key=scores.__getitem__)
        if scores[fault] < floor or scores[fault] - specific < margin:
            return None
        return Nearness(encoded.kinds[fault], best[fault],  # type: ignore[arg-type]
                        scores[fault] - specific)

    def _score(self, encoded: _Encoded, text: str) -> tuple[list[float], list[str]]:
        """Each kind's mean similarity over its ``nearest`` closest exemplars, and its
        closest exemplar (empty lists for a text with no known word)."""
        pieces = self._vectors.piece_ids(text.split())
        if all(len(ids) > WELL_KNOWN for ids in pieces):
            return [], []  # "electroencephalogram": only fragments of it are known
        row = self._vectors.encode_ids([[i for ids in pieces for i in ids]])[0]
        if not row.any():
            return [], []
        return self._near_row(encoded, row)

    def _near_row(self, encoded: _Encoded, row: NDArray[np.float32]
                  ) -> tuple[list[float], list[str]]:
        """Each kind's mean similarity to a unit vector over its ``nearest`` closest
        exemplars, and its closest exemplar."""
        scores: list[float] = []
        best: list[str] = []
        for phrases, matrix in zip(encoded.phrases, encoded.rows, strict=True):
            sims = matrix @ row
            scores.append(float(np.sort(sims)[-self._nearest:].mean()))
            best.append(phrases[int(np.argmax(sims))])
        return scores, best

    def kind_margins(self, row: NDArray[np.float32]) -> dict[str, float]:
        """By how much each fault kind's exemplars beat the specific ones, for each shape
        ("phrase:service", "aim:universal", ...), of a vector already encoded (a zero
        vector, of words none known, is near nothing: every margin 0). For the learned
        reading of need kinds (``assistant/wording/learned.py``), which weighs these
        margins with the rest of what it reads, so it encodes what is needed once per
        batch and asks this of the vector, not of the words again."""
        out: dict[str, float] = {}
        for shape, encoded in self._load().items():
            scores = self._near_row(encoded, row)[0] if row.any() else \
                [0.0] * len(encoded.kinds)
            for k, kind in enumerate(encoded.kinds[:-1]):
                out[f"{shape}:{kind}"] = scores[k] - scores[-1]
        return out
