"""Context around a finding: negated, hypothetical, quoted, about someone else; and the holder.

Why: "she does not need counselling; she needs to ..." is not a service-led need, and
"Mum said 'he just needs to be safe'" reports someone's words. These are flags on a
finding, not rules of their own. Everything here works on words alone (so it also runs on
the blank pipeline) and uses the parse when there is one. The words it reads (negators,
reporting verbs...) are content: ``framework/words/context.yml``. Each function takes the
lists of the content in use; without them, the packaged lists.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from assistant.content import RoleVocabulary

# Imported here, not inside the functions that use them: an import run in a function
# looks up the module's "__path__" each time, and on a module (no package) that lookup
# fails with a formatted AttributeError; a finding's flags and holder made four of them.
from assistant.wording.structure.readings import (
    DETERMINERS,
    Part,
    _kids,
    _lowers,
    clause_subject,
    has_dep,
    holder_part,
    need_noun_holder,
    needed_for,
    passive_need,
    sent_start,
    within_sentence,
)
from assistant.wordlists import ContextWords

_Span: Any = None  # spacy.tokens.Span, imported on first use (this module loads without spaCy)


def span_of(doc: Any, start: int, end: int) -> Any:
    """``doc[start:end]`` for ``0 <= start <= end <= len(doc)``, made directly: spaCy's
    slice first normalises the indices in Python, which costs twice the span itself."""
    global _Span
    if _Span is None:
        from spacy.tokens import Span

        _Span = Span
    return _Span(doc, start, end)


def anchor_of(span: Any, *, words: ContextWords) -> Any:
    """The token a finding hangs on: its need/will verb when it has one, else its first."""
    anchors = words.anchors
    doc = span.doc
    lowers = _lowers(doc)
    for i in range(span.start, span.end):
        if lowers[i] in anchors:
            return doc[i]
    return span[0]


def _clause_start(doc: Any, i: int, words: ContextWords) -> int:
    start = 0
    for j in range(i - 1, -1, -1):
        if doc[j].lower_ in words.clause_breaks:
            start = j + 1
            break
    return start


_QUOTES = frozenset("\"“«”»'‘’")


def _inside_quotes(text: str, position: int) -> bool:
    """True when ``position`` sits inside quotation marks (apostrophes are not quotes)."""
    if _QUOTES.isdisjoint(text[:position]):
        return False  # most statements quote no one: no need to walk them
    double = single = False
    for k in range(position):
        ch = text[k]
        if ch == '"':
            double = not double
        elif ch in "“«":
            double = True
        elif ch in "”»":
            double = False
        elif ch in "'‘’":
            before = text[k - 1] if k else " "
            after = text[k + 1] if k + 1 < len(text) else " "
            if not single and ch != "’" and not before.isalnum() and after.isalnum():
                single = True  # an opening quote: not inside a word
            elif single and ch != "‘" and not after.isalnum() and before.isalnum():
                single = False  # a closing quote; "Mum's" keeps its apostrophe
    return double or single


def _stated_by_modal(doc: Any, i: int, start: int, lists: ContextWords) -> bool:
    """True when the only condition before a need verb is a stating modal right before it
    ("the parents would need ...", "she would require ..."), and nothing in the sentence
    sets a condition: a report's way of saying what is needed, not a supposition."""
    words = _lowers(doc)
    if words[i] not in lists.need_anchors or i == 0 or words[i - 1] not in lists.stating_modals:
        return False
    first = last = i
    while first > 0 and words[first - 1] not in (".", "!", "?"):
        first -= 1
    while last + 1 < len(words) and words[last] not in (".", "!", "?"):
        last += 1
    lengths = _phrase_lengths(lists.hypothetical)
    return not any(
        " ".join(words[max(first, j - n + 1):j + 1]) in lists.hypothetical
        for j in range(first, last + 1) if j != i - 1 for n in lengths)


#: The marks that join the parts of one word ("Ellie-May", "Home-Start"), as the tokenizer
#: splits them off.
HYPHENS = ("-", "\u2010", "\u2011")


def _name_part(doc: Any, j: int, lists: ContextWords) -> bool:
    """True when the word at ``j`` is (part of) a name that is also a condition word:
    "Ellie-May", "Lily May", "Will" or "May" as the subject of a need ("Will needs a
    mentor"): a modal is never capitalised inside a sentence, nor joined to a name by a
    hyphen, nor followed straight by the need verb."""
    token = doc[j]
    if not token.text[:1].isupper():
        return False
    if j > 0 and (doc[j - 1].text in HYPHENS
                  or (doc[j - 1].text[:1].isupper() and not doc[j - 1].is_sent_start
                      and doc[j - 1].is_alpha)):
        return True  # "Ellie-May", "Lily May"
    ahead = doc[j + 1].lower_ if j + 1 < len(doc) else ""
    # "May needs ...": a modal takes the bare verb ("May need counselling" is a modal)
    return (ahead in lists.need_anchors and ahead.endswith(("s", "ed"))) or (
        j > 0 and not token.is_sent_start)


def _misread_name(token: Any, lists: ContextWords) -> bool:
    """A capitalised word the parser took for a modifier (an adverb, an adjective, a
    compound): at the start of "Carly needs ...", only a name can stand there, or an
    adverb that says how ("Urgently needs ...": ``subject_skip``)."""
    return token.i == 0 and token.lower_ not in lists.subject_skip \
        and token.text[:1].isupper() and token.text[1:].islower() and token.is_alpha \
        and token.dep_ in ("advmod", "amod", "npadvmod", "compound", "nmod") \
        and token.tag_ in ("RB", "JJ", "NNP", "NN")


def _grading(words: list[str], j: int, lists: ContextWords) -> bool:
    """True when the condition word at ``j`` starts a phrase that only grades ("if
    possible", "wherever possible"): it sets no condition on the need."""
    return any(" ".join(words[j:j + len(phrase.split())]) == phrase
               for phrase in lists.grading_conditions)


def flags(doc: Any, text: str, span: Any, parsed: bool,
          *, lists: ContextWords) -> dict[str, bool]:
    """The context flags for a finding over ``span`` (other_person is set by the caller)."""
    anchor = anchor_of(span, words=lists)
    i = anchor.i
    words = _lowers(doc)[:i]  # the words before the anchor
    start = 0
    for j in range(i - 1, -1, -1):
        if words[j] in lists.clause_breaks:
            start = j + 1
            break
    negated = any(w in lists.negators for w in words[max(start, i - 3):i])
    if parsed and not negated:
        negated = has_dep(_kids(anchor), ("neg",))
    # an entry may be a phrase ("in case": hypothetical; "the case will close" is not)
    lengths = _phrase_lengths(lists.hypothetical)
    hypothetical = any(" ".join(words[max(start, j - n + 1):j + 1]) in lists.hypothetical
                       and not _grading(words, j, lists) and not _name_part(doc, j, lists)
                       for j in range(start, i) for n in lengths)
    if hypothetical and _stated_by_modal(doc, i, start, lists):
        hypothetical = False
    quoted = _inside_quotes(text, span.start_char)
    if not quoted:
        # Reported speech: "the school says he needs counselling".
        sentence_start = 0
        for j in range(i - 1, -1, -1):
            if words[j] in (".", "!", "?"):
                sentence_start = j + 1
                break
        quoted = any(words[j] in lists.reporting and (j == 0 or words[j - 1] != "to")
                     and not _own_voice(words, j, sentence_start, lists)
                     for j in range(sentence_start, i))
    return {"negated": negated, "hypothetical": hypothetical, "quoted": quoted,
            "other_person": False}


def _own_voice(words: list[str], j: int, start: int, lists: ContextWords) -> bool:
    """Whether the reporting word at ``j`` is the writer's own view ("It is felt that",
    "We think"): the one to three words before it are in ``own_voice``."""
    return any(" ".join(words[j - n:j]) in lists.own_voice
               for n in (1, 2, 3) if j - n >= start)


# The last word list's phrase lengths, as (list, lengths): one tuple, replaced whole.
_lengths: tuple[Any, frozenset[int]] = (None, frozenset())


def _phrase_lengths(entries: frozenset[str]) -> frozenset[int]:
    """How many words the entries of a list have, counted once per list (the list is
    content, fixed while it is in use), not once per finding."""
    global _lengths
    held = _lengths
    if held[0] is not entries:
        held = _lengths = (entries, frozenset(entry.count(" ") + 1 for entry in entries))
    return held[1]


def holder_of(doc: Any, span: Any, parsed: bool,
              *, lists: ContextWords) -> str | None:
    """Who holds the need: the subject of the need (or will) verb, as written."""
    anchor = anchor_of(span, words=lists)
    if parsed:
        own_subject = has_dep(_kids(anchor), ("nsubj", "nsubjpass"))
        if not own_subject:
            # a need noun names its own holder ("a need for Leo to ...", "Leo's need for
            # ...", "Leo has a need for ..."): the structure reader's one reading of it
            owner = need_noun_holder(anchor)
            if owner is not None:
                return holder_part(doc, owner).text
        verb = anchor
        if (anchor.lower_ in ("will", "shall", "'ll") or anchor.dep_ in ("aux", "auxpass")) \
                and not own_subject:
            # the subject of the verb "will" helps; one the parse hung on a need word it
            # read as helping ("Leo needs improved wellbeing") is the need's own
            verb = anchor.head
        for _ in range(3):
            # the subject of the verb's own clause, never a noun of a clause set before
            # it ("In case Mum relapses, Leo needs ...": Leo, not "Mum relapses")
            subject = clause_subject(verb)
            if subject is not None and verb.i == anchor.i and subject.dep_ == "nsubjpass" \
                    and passive_need(anchor, lists.anchors):
                # "Support is needed (for Mum)": the holder, if any, is who it is for
                whom = needed_for(anchor)
                return None if whom is None else holder_part(doc, whom).text
            if subject is not None and subject.lower_ in ("need", "needs"):
                # "Kayden's emotional needs to be met": Kayden holds the needs
                subject = next((c for c in subject.children if c.dep_ == "poss"), subject)
            if subject is not None:
                first = subject.left_edge.i
                while first > 0 and doc[first - 1].tag_ == "NNP" and \
                        doc[first - 1].dep_ == subject.dep_ and doc[first - 1].head == verb:
                    first -= 1  # "Tilly May needs": a name the parse split in two subjects
                while first > 1 and doc[first - 1].text in HYPHENS and \
                        not doc[first - 2].whitespace_ and not doc[first - 1].whitespace_ \
                        and doc[first - 2].text[:1].isupper():
                    first -= 2  # "Tee-Jay needs": the name the parse split at its hyphen
                # "Mum and Dad need ...": the holder is both, not the first named
                last = max([subject.i, *(c.right_edge.i for c in subject.children
                                         if c.dep_ == "conj")])
                if subject.lower_ in ("there", "it") or last + 1 - first > 5:
                    return None
                return Part.of(doc, first, last + 1).text  # the span's text
            if verb.dep_ in ("conj", "xcomp", "ccomp") and verb.head is not verb:
                verb = verb.head
            else:
                break
        if anchor.i == 1 and anchor.lower_ in lists.need_anchors \
                and _misread_name(doc[0], lists):
            # "Carly needs ...", "Precious needs ...": a name the parser read as an adverb
            # or an adjective, first and straight before the need verb
            return doc[0].text
        if anchor.i > 0 and doc[anchor.i - 1].dep_ in ("aux", "auxpass") and \
                _name_part(doc, anchor.i - 1, lists):
            # "May needs ...", "Tilly May needs ...": a name the parser took for a modal,
            # with the names or hyphens before it
            first = anchor.i - 1
            while first > 0 and (doc[first - 1].text in HYPHENS or (
                    doc[first - 1].is_alpha and doc[first - 1].text[:1].isupper())):
                first -= 1
            return doc[first:anchor.i].text
        start = sent_start(anchor)  # ``anchor.sent.start``, without building the sentence
        if anchor.lower_ in lists.anchors or start == 0:
            return None
        # A later sentence with no holder of its own ("Leo needs to sleep through the
        # night. Weekly counselling."): the answer's holder is the one named before it.
        earlier = doc[start - 1].sent
        return holder_of(doc, span_of(doc, earlier.start, earlier.end), parsed, lists=lists)
    start = _clause_start(doc, anchor.i, lists)
    words = [t for t in doc[start:anchor.i] if t.lower_ not in lists.subject_skip]
    if not words or len(words) > 4 or words[0].lower_ in ("there", "it", "if", "and"):
        return None
    if any(t.is_punct for t in words):
        return None
    return doc[words[0].i:words[-1].i + 1].text


def is_parent(holder: str | None, roles: RoleVocabulary) -> bool:
    """True when the holder is a parent or carer rather than the child (the framework's
    role words say which words name one)."""
    if not holder:
        return False
    # Only endings come off: ``strip("'s")`` also ate a leading "s" ("stepdad" was read
    # as "tepdad", so a holder typed in lower case was not seen as a parent).
    return any(roles.is_parent_word(form) for word in holder.split()
               for form in _bare_forms(word))


def _bare_forms(word: str) -> tuple[str, ...]:
    """``word`` as typed, without a possessive ("Mum's", "carers'") and without a plural
    "s" ("grandparents"): the role words list the bare form."""
    bare = word.removesuffix("'s").removesuffix("\u2019s").rstrip("'\u2019")
    return word, bare, bare.removesuffix("s")


# The last (holder, roles, lists, forms): one tuple, read and replaced whole (threads).
_last_forms: tuple[Any, Any, Any, tuple[str, str]] = (None, None, None, ("them", "they"))


def forms(holder: str | None, roles: RoleVocabulary,
          *, lists: ContextWords) -> tuple[str, str]:
    """The holder as an object ("help Kayla", "help the child", "help her") and as a
    subject in the middle of a sentence ("Kayla", "the child", "she"). A role's noun takes
    "the"; what a family calls someone ("Mum") is written like a name. The last answer is
    kept: a finding's message and questions all ask for the same holder."""
    global _last_forms
    last = _last_forms
    if last[1] is roles and last[2] is lists and last[0] == holder:
        return last[3]
    found = _forms(holder, roles, lists)
    _last_forms = (holder, roles, lists, found)
    return found


def _forms(holder: str | None, roles: RoleVocabulary, lists: ContextWords
           ) -> tuple[str, str]:
    object_pronoun = lists.object_pronoun
    if not holder:
        # No one named: "the person" fits every template, as object or subject ("for
        # them" would read "what would them be doing")
        return "the person", "the person"
    words = holder.split()
    first = words[0]
    low = first.lower()
    if len(words) == 1 and low in object_pronoun:
        return object_pronoun[low], "I" if low == "i" else low
    if len(words) == 1 and roles.is_noun(low):
        return f"the {low}", f"the {low}"
    if low in DETERMINERS:  # "The school" -> "the school"; "Her mum" -> "her mum"
        said = within_sentence(holder)
        return said, said
    return holder, holder
