"""What the learned readings share: the Need Group themes' (``assistant/needgroups/
learned.py``) and the need kinds' (``assistant/wording/learned.py``).

Why one place: both read a statement's words as word pieces and leave names out the same
way, and both turn logits into probabilities; a trainer of one should not find the other
reading a name or a piece differently. Cheap to import (no numpy, no spaCy): the coach
imports it without the Need Groups package.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

# The length of the pieces of a word a model reads besides the word itself ("<coer",
# "coer", "oerc", ...): a word no labelled statement used shares pieces with one that did
# ("snorting" with "snort", "coercively" with "coercive", "cannabis-using" with
# "cannabis"), so a statement worded in new words still weighs as its pieces do.
PIECE = 4


def pieces(lemma: str) -> list[str]:
    """The word's ``PIECE``-letter pieces, its start and end marked ("<cok", "coke",
    "oke>" of "coke")."""
    word = f"<{lemma.lower()}>"
    return [word[i:i + PIECE] for i in range(len(word) - PIECE + 1)]


def is_name(n: int, text: str) -> bool:
    """A name ("Poppy", "Mum" as a name): a capitalised word, not the first (the first
    word is capitalised whatever it is), that is not shorthand ("CAMHS", "GP")."""
    return bool(n) and text[:1].isupper() and not text.isupper()


def softmax(logits: Sequence[float]) -> list[float]:
    top = max(logits)
    exps = [math.exp(v - top) for v in logits]
    total = sum(exps)
    return [e / total for e in exps]


def check_weights(classes: Sequence[str], bias: Sequence[float],
                  weights: dict[str, dict[str, float]],
                  vectors: dict[str, list[list[float]]], parts: Sequence[str]) -> None:
    """Raise ValueError unless a linear model's numbers fit its classes: one finite bias
    per class, weights only for known classes, and each vector part (one of ``parts``)
    a row of one finite weight per class. Why here: both models' files are checked on
    load the same way, so a trainer's broken file reads the same error from either."""
    if len(bias) != len(classes):
        raise ValueError("bias must have one weight per class")
    if not all(math.isfinite(v) for v in bias):
        raise ValueError("bias: not a finite number")
    known = set(classes)
    for feature, row in weights.items():
        stray = set(row) - known
        if stray:
            raise ValueError(f"weights[{feature!r}]: unknown class(es) "
                             f"{', '.join(sorted(stray))}")
        if not all(math.isfinite(v) for v in row.values()):
            raise ValueError(f"weights[{feature!r}]: not a finite number")
    for part, rows in vectors.items():
        if part not in parts:
            raise ValueError(f"vectors: unknown part {part!r} (known: {', '.join(parts)})")
        if not rows or any(len(r) != len(classes) for r in rows):
            raise ValueError(f"vectors[{part!r}]: each row needs one weight per class")
        if not all(math.isfinite(v) for r in rows for v in r):
            raise ValueError(f"vectors[{part!r}]: not a finite number")
