"""What a statement is about, as a vector: static word-piece meanings from a sentence model.

Why: word lists and the words labelled statements happened to use miss a need worded a
new way ("too hungover to get them to school" shares no word with "Mum's drinking"). A
sentence transformer knows such words are near, but running one costs about ten times the
spaCy parse per statement. Its meaning of each word piece, distilled once by model2vec
(``scripts/distil_vectors.py``: all-MiniLM-L6-v2, PCA, int8), is a table: a statement's
vector is the mean of its pieces' rows, a lookup with no transformer at run time.

The files live in ``framework/vectors/`` (``tokenizer.json``, ``model.safetensors``,
``about.json`` saying where they came from). The tokenizer is the model's own WordPiece
tokenizer, read by ``tokenizers`` (the reference implementation, so a word splits exactly
as it did when the table was made); the table is read by ``safetensors`` without pickle.
Nothing here touches the network.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path

import numpy as np
from numpy.typing import NDArray
from tokenizers import Tokenizer

from assistant.content import Content, ContentError

# The tokenizer starts a pool of threads on first use, which then wakes with each call and
# contends with the parse for the one core a check runs on (the need reader asks it of a
# few phrases inside a check; the batch ratio fell with the pool running). The texts are a
# few words: one thread is enough. Set before the first call; a caller's choice stands.
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")

VECTORS = ("framework", "vectors")
TOKENIZER_FILE = (*VECTORS, "tokenizer.json")
TABLE_FILE = (*VECTORS, "model.safetensors")
REBUILD = "rebuild with scripts/distil_vectors.py"


class Vectors:
    """A word-piece table and its tokenizer: :meth:`encode` gives unit vectors."""

    def __init__(self, tokenizer: Tokenizer, table: NDArray[np.generic]) -> None:
        self._tokenizer = tokenizer
        self._table = table
        self.dims = int(table.shape[1])
        unk = tokenizer.token_to_id("[UNK]")
        self._unknown = -1 if unk is None else int(unk)

    def piece_ids(self, texts: Sequence[str]) -> list[list[int]]:
        """Each text's word-piece ids, the unknown piece left out (it means nothing)."""
        encodings = self._tokenizer.encode_batch(list(texts), add_special_tokens=False)
        return [[i for i in enc.ids if i != self._unknown] for enc in encodings]

    def encode(self, texts: Sequence[str]) -> NDArray[np.float32]:
        """One row per text: the mean of its pieces' vectors, scaled to length 1 (a text
        with no known piece is a row of zeros, near nothing)."""
        return self.encode_ids(self.piece_ids(texts))

    def encode_ids(self, rows: Sequence[Sequence[int]]) -> NDArray[np.float32]:
        """As :meth:`encode`, from each text's piece ids (a caller that has split the
        words already, to see how well each is known, need not split them again)."""
        out = np.zeros((len(rows), self.dims), dtype=np.float32)
        for row, ids in enumerate(rows):
            if ids:
                mean = self._table[ids].mean(axis=0, dtype=np.float32)
                norm = float(np.linalg.norm(mean))
                if norm:
                    out[row] = mean / norm
        return out

    def similarity(self, a: str, b: str) -> float:
        """Cosine similarity of two texts' vectors, from -1 to 1."""
        first, second = self.encode([a, b])
        return float(first @ second)


def load_vectors(content: Content) -> Vectors:
    """The shipped (or a trainer's) vectors; a missing or broken file is a one-line
    :class:`ContentError` naming it."""
    return _load(content.path(*TOKENIZER_FILE), content.path(*TABLE_FILE))


@lru_cache(maxsize=2)
def _load(tokenizer_path: Path, table_path: Path) -> Vectors:
    from safetensors import SafetensorError
    from safetensors.numpy import load

    try:
        tokenizer = Tokenizer.from_str(tokenizer_path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise ContentError(tokenizer_path, f"cannot be read ({exc}); {REBUILD}") from None
    except Exception as exc:  # tokenizers raises a plain Exception for a bad file
        raise ContentError(tokenizer_path, f"not a tokenizer ({exc}); {REBUILD}") from None
    try:
        tensors = load(table_path.read_bytes())
    except OSError as exc:
        raise ContentError(table_path, f"cannot be read ({exc.strerror}); {REBUILD}") from None
    except (SafetensorError, ValueError) as exc:
        raise ContentError(table_path, f"not a vector table ({exc}); {REBUILD}") from None
    table = tensors.get("embeddings")
    size = tokenizer.get_vocab_size()
    if table is None or table.ndim != 2 or table.shape[0] != size:
        raise ContentError(table_path, f"no 'embeddings' table of {size} rows; {REBUILD}")
    return Vectors(tokenizer, table)
