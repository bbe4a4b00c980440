"""A parsed document's tokens read once into plain Python objects, for the Need Group
analysis (``Analyzer._analyse`` and the methods it calls).

Why: spaCy builds a new ``Token`` on every access (``doc[i]``, ``token.head``, each of
``token.children``) and decodes each string attribute (``lower_``, ``lemma_``, ``dep_``)
from the string store on every read. The analysis walks up the parse from every token of
a need ("whom is this word about?") and reads the same few attributes of the same few
tokens thousands of times per statement: about a third of the audit's suggest step went
on building tokens and decoding their strings. Here each token is read once; its head
and children are the same objects on every walk.

A :class:`Word` answers what the analysis asks of a ``Token`` (the attributes below,
``children``, ``subtree``, ``conjuncts``, ``is_ancestor``) exactly as spaCy would, in
the same order; a :class:`Words` answers ``len``, iteration, ``doc[i]``, ``doc[a:b]``
(with its ``root``) and ``sents``. Nothing else of spaCy's API is offered, so a use
the view does not cover fails loudly instead of reading differently.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any


class Word:
    """One token of a :class:`Words`, its attributes read once (see the module doc)."""

    __slots__ = (
        "children",
        "dep_",
        "doc",
        "head",
        "i",
        "idx",
        "is_punct",
        "is_space",
        "is_title",
        "lemma_",
        "like_num",
        "lower_",
        "pos_",
        "tag_",
        "text",
    )

    i: int
    text: str
    lower_: str
    lemma_: str
    pos_: str
    tag_: str
    dep_: str
    idx: int
    like_num: bool
    is_title: bool
    is_punct: bool
    is_space: bool
    doc: Words
    head: Word
    children: list[Word]

    @property
    def lefts(self) -> list[Word]:
        i = self.i
        return [c for c in self.children if c.i < i]

    @property
    def rights(self) -> list[Word]:
        i = self.i
        return [c for c in self.children if c.i > i]

    @property
    def subtree(self) -> list[Word]:
        """The token and its descendants, in spaCy's order (each left child's subtree,
        the token, each right child's)."""
        out: list[Word] = []
        self._subtree(out)
        return out

    def _subtree(self, out: list[Word]) -> None:
        i = self.i
        for child in self.children:
            if child.i < i:
                child._subtree(out)
        out.append(self)
        for child in self.children:
            if child.i > i:
                child._subtree(out)

    @property
    def ancestors(self) -> Iterator[Word]:
        current, steps = self, 0
        while current.head is not current and steps < len(self.doc):
            current = current.head
            yield current
            steps += 1

    def is_ancestor(self, descendant: Word) -> bool:
        if self.doc is not descendant.doc:
            return False
        return any(ancestor.i == self.i for ancestor in descendant.ancestors)

    @property
    def conjuncts(self) -> tuple[Word, ...]:
        """The tokens coordinated with this one, as spaCy's ``Token.conjuncts``."""
        start = self
        while start.i != start.head.i:
            if start.dep_ == "conj":
                start = start.head
            else:
                break
        queue = [start]
        output = [start]
        for word in queue:
            for child in word.rights:
                if child.dep_ == "conj":
                    output.append(child)
                    queue.append(child)
        return tuple(w for w in output if w.i != self.i)

    def __repr__(self) -> str:
        return self.text


class Span(list[Word]):
    """``words[a:b]``: the tokens, and the root spaCy gives the same span."""

    def __init__(self, words: Words, start: int, end: int, root: int | None = None) -> None:
        super().__init__(words.tokens[start:end])
        self.words, self.start, self.end, self._root = words, start, end, root

    @property
    def root(self) -> Word:
        if self._root is None:
            self._root = self.words.doc[self.start:self.end].root.i
        return self.words.tokens[self._root]


class Words:
    """A parsed ``doc``'s tokens as :class:`Word` objects, each read once."""

    def __init__(self, doc: Any) -> None:
        self.doc = doc
        tokens: list[Word] = []
        heads: list[int] = []
        for t in doc:
            w = Word()
            w.i, w.text, w.lower_, w.lemma_ = t.i, t.text, t.lower_, t.lemma_
            w.pos_, w.tag_, w.dep_, w.idx = t.pos_, t.tag_, t.dep_, t.idx
            w.like_num, w.is_title = t.like_num, t.is_title
            w.is_punct, w.is_space = t.is_punct, t.is_space
            w.doc, w.children = self, []
            tokens.append(w)
            heads.append(t.head.i)
        for w, head in zip(tokens, heads, strict=True):
            w.head = tokens[head]
            if head != w.i:
                tokens[head].children.append(w)  # in order: lefts, then rights
        self.tokens = tokens

    def __len__(self) -> int:
        return len(self.tokens)

    def __iter__(self) -> Iterator[Word]:
        return iter(self.tokens)

    def __getitem__(self, key: int | slice) -> Any:
        if isinstance(key, slice):
            start, end, _ = key.indices(len(self.tokens))
            return Span(self, start, max(start, end))
        return self.tokens[key]

    @property
    def sents(self) -> Iterator[Span]:
        for sent in self.doc.sents:
            yield Span(self, sent.start, sent.end, sent.root.i)
