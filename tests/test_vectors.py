"""The static word-piece vectors (assistant/vectors.py): meanings that are near in the
sentence model stay near, the table is the shipped one, and a broken file is a clear error."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from assistant.content import Content, ContentError
from assistant.vectors import TABLE_FILE, TOKENIZER_FILE, load_vectors


@pytest.fixture(scope="module")
def vectors():
    return load_vectors(Content())


@pytest.mark.parametrize(("text", "near", "far"), [
    # Near in meaning, no word shared; far shares the frame but not the meaning.
    ("the boys see their father hit their mother", "domestic violence", "dental decay"),
    ("Mum is often too drunk to collect them", "alcohol misuse", "speech and language"),
    ("she cannot read the letters at school", "literacy", "housing arrears"),
])
def test_a_meaning_is_nearer_than_an_unrelated_one(vectors, text, near, far):
    assert vectors.similarity(text, near) > vectors.similarity(text, far)


def test_rows_are_unit_length_and_an_empty_text_is_zero(vectors):
    rows = vectors.encode(["Sam needs a quiet place to do homework", ""])
    assert rows.shape == (2, vectors.dims)
    assert abs(float(np.linalg.norm(rows[0])) - 1.0) < 1e-4
    assert not rows[1].any()


def _override_with(tmp_path: Path, name: tuple[str, ...], data: bytes) -> Content:
    target = tmp_path.joinpath(*name)
    target.parent.mkdir(parents=True)
    target.write_bytes(data)
    return Content(tmp_path)


def test_a_corrupt_table_is_a_clear_error(tmp_path):
    content = _override_with(tmp_path, TABLE_FILE, b"not a safetensors file")
    with pytest.raises(ContentError) as err:
        load_vectors(content)
    assert "model.safetensors" in str(err.value)
    assert "distil_vectors" in str(err.value)


def test_a_corrupt_tokenizer_is_a_clear_error(tmp_path):
    content = _override_with(tmp_path, TOKENIZER_FILE, b"{\"not\": \"a tokenizer\"}")
    with pytest.raises(ContentError) as err:
        load_vectors(content)
    assert "tokenizer.json" in str(err.value)
