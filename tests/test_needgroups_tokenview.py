"""The Need Group analysis reads each parsed document once into plain objects
(``assistant.needgroups.tokenview``): every attribute and walk it offers must give what
spaCy's own tokens give, in the same order, or an analysis would read differently. Each
statement is written for these tests, with coordination, clauses and a second sentence
so the walks have somewhere to go.
"""

from __future__ import annotations

import pytest

from assistant.needgroups.tokenview import Words
from assistant.wording import pipeline as pipelines

STATEMENTS = [
    "Dad and Ellie need to stop shouting at each other when Mum is at work.",
    "Tomas needs his mum to take him to school, collect him and make his tea.",
    "Parents unable to get the children up. Kayla needs to feel safe at home.",
    "Child 2 needs to understand why his dad's drinking scares her, and to talk about it.",
    "Needs a place at the Zorblax youth club on Tuesdays!",
]
PLAIN = ("i", "text", "lower_", "lemma_", "pos_", "tag_", "dep_", "idx", "like_num",
         "is_title", "is_punct", "is_space")


@pytest.fixture(scope="module", params=["default", "blank"])
def docs(request: pytest.FixtureRequest) -> list:
    nlp = pipelines.load(None if request.param == "default" else "blank").nlp
    return list(nlp.pipe(STATEMENTS))


def indices(tokens: object) -> list[int]:
    return [t.i for t in tokens]  # type: ignore[attr-defined]


def test_each_token_reads_as_spacy_reads_it(docs: list) -> None:
    for doc in docs:
        words = Words(doc)
        assert len(words) == len(doc)
        for token, word in zip(doc, words, strict=True):
            for name in PLAIN:
                assert getattr(word, name) == getattr(token, name), (token.text, name)
            assert word.head.i == token.head.i
            assert word.doc is words and words[token.i] is word
            assert indices(word.children) == indices(token.children)
            assert indices(word.lefts) == indices(token.lefts)
            assert indices(word.rights) == indices(token.rights)
            assert indices(word.subtree) == indices(token.subtree)
            assert indices(word.conjuncts) == indices(token.conjuncts)
            assert indices(word.ancestors) == indices(token.ancestors)
            for other in doc:
                assert word.is_ancestor(words[other.i]) == token.is_ancestor(other)


def test_slices_and_sentences_read_as_spacy_reads_them(docs: list) -> None:
    for doc in docs:
        words = Words(doc)
        for start in range(len(doc)):
            for end in range(start + 1, len(doc) + 1):
                span = words[start:end]
                assert indices(span) == list(range(start, end))
                assert span.root.i == doc[start:end].root.i
        assert indices(words[:3]) == [0, 1, 2]
        assert list(reversed(indices(words[:3]))) == [2, 1, 0]
        if doc.has_annotation("DEP"):
            assert [(s.start, s.end, s.root.i) for s in words.sents] == [
                (s.start, s.end, s.root.i) for s in doc.sents]
