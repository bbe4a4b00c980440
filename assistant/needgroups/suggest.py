"""Suggest a theme for each pooled need, from spaCy lemmas, always saying why."""

from __future__ import annotations

import json
import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any

from assistant.content import Content
from assistant.needgroups.themes import Themes, load_themes
from assistant.shorthand import Expansion, load_shorthand
from assistant.wordlists import english

if TYPE_CHECKING:
    from assistant.audit.repository import AuditStore
    from assistant.needgroups.learned import Learned

# --- analysis: tokens, lemmas and the structure of the need ------------------------------

# One token as stored: (text as written, lower-case lemma, whom it is about, depth, part).
# "Whom" is "p" (a parent or carer), "c" (a child), "" (the holder) or "?" (either: a
# pronoun that could name the holder or someone else); depth is how far the token sits
# below the head of its part (the head of what is needed, or of the adjunct it sits in; 0
# the head itself), -1 outside what is needed (the holder, the need verb); part
# is "" when the token is in what must change, else the kinds of adjunct it sits in from
# the outermost, joined by ">" ("condition>place": themes.yml ``adjuncts``).
# Punctuation is dropped.
Token = tuple[str, str, str, int, str]
Tokens = list[Token]
# One act in what is needed: (index of the verb among the tokens, whom the verb's subject
# names, whom it acts on), each "p" a parent or carer, "c" a child, "o" someone else; what
# it acts on may be a parent's ("P") or a child's ("C") belongings ("his mum's purse").
# "Child 1 needs to stop giving his mum her tablets": giving, by a child, on a parent.
Act = tuple[int, str, str]
# The dependants of a verb that name whom it acts on: its object, indirect object, the
# object of "at", "for", "after", "to", "on" or "with" ("shout at Mum", "care for his
# dad"), and the subject of a clause it governs ("help her dad get dressed").
PATIENT_DEPS = frozenset({"dobj", "dative", "iobj"})
PATIENT_PREPOSITIONS = frozenset({"at", "for", "after", "to", "on", "with", "from",
                                  "towards", "toward"})
FAULTS = ("universal", "service", "assessment")
INSTEAD = "instead"  # the adjunct kind of "instead of", "rather than"
EITHER = "?"  # whom a token is about when a pronoun could name the holder or another
PLURAL = "pl"  # in place of a gender: the holder is more than one person
COLLECTIVE = frozenset({"family", "couple", "household", "siblings", "twins"})
REFLEXIVE = frozenset({"himself", "herself", "themselves", "themself", "myself", "yourself",
                       "ourselves"})
# Pronouns for someone the words do not place ("someone she trusts", "let someone
# know"): never the holder, whatever their kind.
INDEFINITE = frozenset({"someone", "somebody", "anyone", "anybody", "nobody", "everyone",
                        "everybody"})
FAR = 5
PER_PROCESS = 400  # the fewest wordings worth a process of their own
PARSE_BATCH = 256  # wordings parsed, and read by the coach, together


@dataclass
class Analysis:
    """How one need wording reads: its tokens, and what the structure reader found.

    Stored as JSON (``encode``) so suggestions can be recomputed, after themes.yml is
    edited, without running spaCy again.
    """

    tokens: Tokens
    category: str | None = None  # universal, service, assessment, specific, unknown; None: not read
    negated: bool = False
    holder: str = ""  # "p" or "c": who holds the need
    what: str = ""  # what is needed, as written
    reason: str = ""  # the structure reader's reason for its category
    form: str = ""  # "clause" (needs to ...) or "phrase" (needs a ...); "" when not read
    acts: list[Act] = field(default_factory=list)  # who does what to whom, in what is needed
    joint: bool = False  # held by two or more people together ("Dad and Ellie need to...")
    # The holder needs someone else to do what they do now ("needs someone other than him
    # to pay the bills"): what is needed is relief from a load.
    relief: bool = False

    def encode(self) -> str:
        return json.dumps({"v": ANALYSIS_VERSION, "t": self.tokens, "c": self.category,
                           "n": self.negated, "h": self.holder, "w": self.what, "r": self.reason,
                           "f": self.form, "a": self.acts, "j": self.joint,
                           "x": self.relief},
                          ensure_ascii=False)


# What an analysis stored by :meth:`Analysis.encode` holds; raise it when the reading
# changes, so ``suggest_sample`` reads again what older versions stored. 4: shorthand
# expansions and pattern spellings; 5: nested places, local depth, frames and topics,
# passive and witnessed acts; 6: both together; 8: the person a problem statement is
# about is its holder, and a holder's words that name a thing ("Dad's drinking needs to
# stop") are what the need is about; 9: a person known by name whose own children the
# need names ("her kids") is a parent; 10: a verb said with no object read as its term
# ("still using"), and what a need verb's object is to do is that person's ("needs her
# mum to stop using"); 11: what is needed quoted as written, shorthand and all; 12: a
# light verb ("let", "keep to") frames its complement, and what a parent lets happen is
# the parent's as much as the doer's; a feeling with its cause frames the cause.
ANALYSIS_VERSION = 12


def is_current(stored: str | None) -> bool:
    """Whether ``stored`` is an analysis of this version. Why: an older one decodes, but
    without what was added since (the adjunct parts, the acts), so an audit analysed before
    would keep weaker suggestions for ever; unreadable JSON is read again too."""
    if not stored:
        return False
    try:
        data = json.loads(stored)
    except ValueError:
        return False
    return isinstance(data, dict) and data.get("v") == ANALYSIS_VERSION


def decode(stored: str) -> Analysis:
    """An :class:`Analysis` from its JSON; a first-version list of (text, lemma) pairs
    reads as tokens with nothing known of the structure."""
    data = json.loads(stored)
    if isinstance(data, list):
        return Analysis([(str(t[0]), str(t[1]), "", 0, "") for t in data])
    return Analysis([(str(t[0]), str(t[1]), str(t[2]), int(t[3]),
                      str(t[4]) if len(t) > 4 else "") for t in data["t"]],
                    data.get("c"), bool(data.get("n")), data.get("h", ""),
                    data.get("w", ""), data.get("r", ""), data.get("f", ""),
                    [(int(a[0]), str(a[1]), str(a[2])) for a in data.get("a", ())],
                    bool(data.get("j")), bool(data.get("x")))


class Analyzer:
    """Reads need wordings with spaCy and the coach's structure reader, cached by wording.

    Shorthand is spelled out first (``framework/shorthand.yml``). Texts are parsed in
    batches with ``nlp.pipe``; identical wordings are read once. If no trained pipeline is
    installed, the shipped blank pipeline's lookup lemmas are used, there is no structure
    to read, and ``degraded`` says so.
    """

    def __init__(self, pipeline: str | None, content: Content) -> None:
        self.pipeline = pipeline  # None: the same choice as the coach's (--pipeline, env...)
        self.content = content
        # "f" or "m" for each third-person pronoun (framework/words/pronouns.yml)
        pronouns = english(content).pronouns
        self._pronoun_gender = {**dict.fromkeys(pronouns.female, "f"),
                                **dict.fromkeys(pronouns.male, "m")}
        self._nlp: Any = None
        self._tokenizer: Any = None
        self._reader: Any = None
        self.degraded = False
        self._cache: dict[str, Analysis] = {}
        self.shorthand = load_shorthand(content)
        themes = load_themes(content)
        self.people = themes.people
        self._offspring = frozenset(themes.people.offspring)
        self._partners = frozenset(themes.people.partners)
        self._in_care = frozenset(themes.people.in_care)
        self.adjuncts = themes.adjuncts
        # with whom: the companion words and every word for a parent or a child
        # The words that name a feeling (the feeling theme's one-word terms).
        feeling = themes.get(themes.adjuncts.feeling_theme)
        self._feelings = frozenset(t for t in feeling.terms if " " not in t) \
            if feeling is not None else frozenset()
        self._companions = themes.adjuncts.companions | frozenset(
            themes.people.parent) | frozenset(themes.people.child)

    @property
    def nlp(self) -> Any:
        if self._nlp is None:
            # The process-wide pipeline cache the coach's chooser keeps: practice feedback
            # and the audit share one loaded model, and the shipped blank pipeline (with
            # lookup lemmas) stands in when no trained one is installed.
            from assistant.wording import pipeline as pipelines

            loaded = pipelines.load(self.pipeline)
            self._nlp = loaded.nlp
            self.degraded = loaded.reduced
        return self._nlp

    @property
    def reader(self) -> Any:
        if self._reader is None:
            from assistant.wording.structure import StructureReader

            self._reader = StructureReader.from_content(self.content)
        return self._reader

    def words(self, text: str) -> list[str]:
        """The lower-case words of ``text`` by the English tokenizer alone (lexicon terms).

        The blank tokenizer splits words as the pipeline does, without loading the model,
        so compiling the themes or re-rendering a report stays cheap.
        """
        if self._tokenizer is None:
            import spacy

            self._tokenizer = spacy.blank("en").tokenizer
        return [t.lower_ for t in self._tokenizer(text) if not (t.is_punct or t.is_space)]

    def read(self, texts: Sequence[str]) -> list[Analysis]:
        """The analysis of each text, in order (each distinct text parsed once)."""
        todo = list(dict.fromkeys(t for t in texts if t not in self._cache))
        if todo:
            expanded = [self.shorthand.expand(t) for t in todo]
            docs = self.nlp.pipe([e[0] for e in expanded], batch_size=256)
            for text, (parsed, spans), doc in zip(todo, expanded, docs, strict=True):
                self._cache[text] = self._analyse(doc, spans, parsed)
        return [self._cache[t] for t in texts]

    def read_with_coach(self, texts: Sequence[str], coach: Any, coached: Sequence[str],
                        processes: int | None = None
                        ) -> tuple[list[Analysis], dict[str, list[str]]]:
        """The analysis of each of ``texts`` (as :meth:`read`) and the kinds the wording
        ``coach`` flags on each of ``coached``, parsing each distinct wording once.

        Why: the audit reads thousands of wordings, and the parse is most of the cost.
        The coach reads each document first, as its own pipeline leaves it; the components
        it leaves out (the lemmatizer) then run on the same document for the analysis. A
        wording whose shorthand is spelled out for the analysis ("DV") is parsed twice, as
        written for the coach and spelled out for the analysis. With a coach on another
        pipeline, each reads the wordings itself. Many wordings are shared among
        ``processes`` forked processes (default: one per core; see ``assistant.forks``).
        """
        from assistant.forks import map_parts
        from assistant.wording import MAX_CHARS

        if coach.parser.language is not self.nlp.language:
            return self.read(texts), coach_kinds(coach, coached)
        todo = list(dict.fromkeys(t for t in texts if t not in self._cache))
        # Each text to parse, with the wordings the coach reads in it and those analysed
        # (each with where its shorthand was spelled out: expanded once, here).
        wanted: dict[str, tuple[list[str], list[tuple[str, list[Expansion]]]]] = {}
        for text in dict.fromkeys(coached):
            wanted.setdefault(text[:MAX_CHARS], ([], []))[0].append(text)
        for text in todo:
            expanded, spans = self.shorthand.expand(text)
            wanted.setdefault(expanded, ([], []))[1].append((text, spans))
        kinds: dict[str, list[str]] = {}
        for part_kinds, analyses in map_parts(
                lambda part: self._read_parsed(part, coach), list(wanted.items()),
                PER_PROCESS, processes):
            kinds.update(part_kinds)
            self._cache.update(analyses)
        return [self._cache[t] for t in texts], kinds

    def _read_parsed(self, wanted: list[tuple[str, tuple[list[str],
                                                         list[tuple[str, list[Expansion]]]]]],
                     coach: Any) -> tuple[dict[str, list[str]], dict[str, Analysis]]:
        """For :meth:`read_with_coach`: parse each text once; the coach's kinds for the
        wordings it reads there, then the analysis of those analysed."""
        parser = coach.parser
        kinds: dict[str, list[str]] = {}
        analyses: dict[str, Analysis] = {}
        for start in range(0, len(wanted), PARSE_BATCH):
            part = wanted[start:start + PARSE_BATCH]
            docs = list(parser.pipe((text for text, _ in part), batch_size=PARSE_BATCH))
            # the coach reads the batch's documents together (its learned reading encodes
            # their vectors at once), as its own pipeline leaves them: before ``finish``
            read = [(doc, parsed) for doc, (parsed, (for_coach, _)) in
                    zip(docs, part, strict=True) if for_coach]
            reports = coach.check_docs([doc for doc, _ in read], notes=False,
                                       texts=[parsed for _, parsed in read],
                                       batch_size=PARSE_BATCH)
            for (_, (for_coach, _)), report in zip(
                    (item for item in part if item[1][0]), reports, strict=True):
                for text in for_coach:
                    kinds[text] = list(report.kinds)  # kinds only
            for doc, (parsed, (_, for_analysis)) in zip(docs, part, strict=True):
                if for_analysis:
                    doc = next(parser.finish([doc]))
                    for text, spans in for_analysis:
                        analyses[text] = self._analyse(doc, spans, parsed)
        return kinds, analyses

    def analyse(self, texts: Sequence[str]) -> list[Tokens]:
        """The tokens of each text (see :meth:`read` for the whole analysis)."""
        return [a.tokens for a in self.read(texts)]

    def _analyse(self, parsed_doc: Any, spans: list[Expansion], text: str) -> Analysis:
        """The analysis of ``parsed_doc``, parsed from ``text`` (where ``spans`` spelled
        out shorthand)."""
        from assistant.needgroups.tokenview import Words

        parsed = parsed_doc.has_annotation("DEP")
        reading = self.reader.read_need(parsed_doc) if parsed else None
        # From here on the tokens are read once (``tokenview``): the walks below ask the
        # same few tokens the same things thousands of times per statement.
        doc = Words(parsed_doc)
        keep = [t for t in doc if not (t.is_punct or t.is_space)]
        stated = None
        if parsed and reading is not None and reading.holder is None and \
                reading.verb_token is None and reading.head_token is not None:
            # A fragment the reader takes for a noun phrase need may be a person and
            # what is said of them ("Parents unable to get the children up").
            stated = self._statement(doc)
            if stated is not None and not self._kind(stated[1], ""):
                stated = None
        if stated is not None or reading is None or (
                reading.verb_token is None and reading.head_token is None):
            # The reader found no need predicate; where the parse still hangs what is
            # needed below a need verb ("needs to be toilet trained" read as an adverbial
            # clause), its words are weighed by their place all the same.
            found = stated or (self._need_below_verb(doc) if parsed else None)
            if found is None and parsed:
                found = self._statement(doc)
            if found is None:
                return Analysis([(t.text, (t.lemma_ or t.lower_).lower(), "", 0, "")
                                 for t in keep],
                                None if reading is None else reading.category,
                                bool(reading and reading.negated))
            head, holder_words, default, topic, subject = found
            holder = self._kind(holder_words, default)
            if holder == "c" and subject is not None and self._has_own_children(
                    keep, subject):
                holder = "p"
            gender = PLURAL if subject is not None and self._plural(subject) else \
                self._gender(holder_words)
            parts, anchors = self._parts(keep, head)
            if topic is not None:
                # A subject that names no one ("Mum's drinking increased", "the house
                # is cold") is what the statement is about: it weighs from its own head.
                for t in topic.subtree:
                    if t.i in anchors and not parts.get(t.i):
                        anchors[t.i] = topic.i
            # The person a statement is about is its holder, as in a need ("Bilal's
            # sister is left on her own"): the word naming them, with its determiner and
            # whose they are, is no term of what is said; what describes them ("Mum's
            # violent partner") still is.
            held = set() if subject is None or topic is not None else {
                t.i for t in (subject, *(x for c in subject.children
                                         if c.dep_ in ("poss", "det", "case")
                                         for x in c.subtree))}
            tokens = [(t.text, (t.lemma_ or t.lower_).lower(),
                       self._about(t, head, holder, gender),
                       -1 if t.i in held else self._depth(t, head, None, anchors),
                       parts[t.i]) for t in keep]
            tokens = self._objectless(keep, self._judged(keep, tokens, gender))
            return Analysis(tokens, None if reading is None else reading.category,
                            bool(reading and reading.negated), holder,
                            acts=self._acts(keep, tokens, holder, gender, holder_words))
        head = reading.verb_token if reading.what == "clause" else reading.head_token
        head = head if head is not None else (reading.verb_token or reading.head_token)
        head = doc[head.i]  # the reader's token, as this document's view of it
        holder = self._kind(reading.holder_text or "", "c")
        if holder == "c" and reading.holder is not None and self._has_own_children(
                keep, doc[reading.holder.start]):
            holder = "p"
        joint = reading.holder is not None and self._joint(doc[reading.holder.start])
        gender = PLURAL if reading.holder is not None and self._plural(
            doc[reading.holder.start]) else (self._gender(reading.holder_text or "")
                                             or self._gender_of_pronouns(keep, head))
        what = reading.what_part
        parts, anchors = self._parts(keep, head)
        tokens = [(t.text, (t.lemma_ or t.lower_).lower(),
                   self._about(t, head, holder, gender), self._depth(t, head, what, anchors),
                   parts[t.i]) for t in keep]
        topic = self._holder_topic(doc, reading.holder)
        if topic is not None:
            # "Dad's drinking needs to stop", "Ali's caring for his sister needs to be cut
            # back": the holder's words name a thing or an act, not a person, so they say
            # what the need is about (weighed from their own head); whose it is ("Dad's")
            # stays the holder.
            owner = {x.i for c in topic.children if c.dep_ in ("poss", "det", "case")
                     for x in c.subtree}
            inside = {t.i for t in topic.subtree} - owner
            tokens = [(text, lemma, whom,
                       self._depth(t, topic, None, {}) if t.i in inside else depth, part)
                      for t, (text, lemma, whom, depth, part) in zip(keep, tokens, strict=True)]
        category = reading.category
        tokens = self._objectless(keep, self._judged(keep, tokens, gender))
        acts = self._acts(keep, tokens, holder, gender, reading.holder_text or "")
        if reading.what == "phrase" and reading.head_token is not None:
            # "needs an EHCP": the shorthand says what kind of thing was asked for.
            at = reading.head_token.idx
            for span in spans:
                if span.start <= at < span.end and span.kind in FAULTS:
                    category = span.kind
        return Analysis(tokens, category, reading.negated, holder,
                        _as_written(text, spans, what.start_char, what.end_char)
                        if what is not None else "", reading.reason,
                        reading.what or "", acts, joint,
                        bool(acts) and self._relief(keep, head))

    def _has_own_children(self, keep: list[Any], person: Any) -> bool:
        """Whether ``person``, known only by name ("Gemma", not "Mum" or "Child 1"),
        is a parent: the words name their own children with a personal pronoun ("her
        kids", "his son"), not someone else's ("her mum's children") and not a sibling
        ("her baby brother": "baby" describes the brother); or their adult partner ("her
        husband") or someone in their care ("the twins in her care")."""
        if person.pos_ != "PROPN" or self._kind(person.text, "") or person.like_num:
            return False
        offspring = self._offspring
        family = set(self.people.parent) | set(self.people.child)

        def adult(t: Any) -> bool:
            # Someone in "her care"; a partner with no family member named between the
            # person and it ("Jack ... his father ... his new partner": the father's).
            if t.lemma_.lower() in self._in_care and t.head.lower_ == "in":
                return True
            return (t.lower_ in self._partners or t.lemma_.lower() in self._partners) and \
                not any(w.lower_ in family for w in keep if person.i < w.i < t.i)

        return any(
            (t.lower_ in offspring or t.lemma_.lower() in offspring or adult(t))
            and t.dep_ != "compound" and t.i != person.i
            and any(c.dep_ == "poss" and c.lower_ in ("his", "her", "their")
                    for c in t.children)
            for t in keep)

    def _holder_topic(self, doc: Any, holder: Any) -> Any:
        """The head of the holder's words when it names a thing or an act rather than a
        person ("Dad's drinking", "Ali's caring for his sister", "The flat"), else None:
        a noun (or a verb read as one) that is no person, no name and no family word."""
        if holder is None:
            return None
        span = doc[holder.start:holder.end]
        head = span.root
        if head.pos_ not in ("NOUN", "VERB") or self._person(head) or head.like_num or \
                self._kind(head.text, "") or head.lower_ in COLLECTIVE or head.is_title:
            return None
        return head

    def _need_below_verb(self, doc: Any) -> tuple[Any, str, str, Any, Any] | None:
        """The head of what is needed under a need verb the reader passed over, and the
        holder's words: the verb's clause or object, its subject. The need verbs are the
        reader's own (structure.yml), not a second list here."""
        need_verbs = self.reader.anchor_words
        for token in doc:
            if token.lemma_.lower() in need_verbs and token.pos_ in ("VERB", "AUX"):
                below = [c for c in token.children
                         if c.dep_ in ("xcomp", "advcl", "ccomp", "dobj") and c.i > token.i]
                if below:
                    subject = next((c for c in token.children if c.dep_ == "nsubj"), None)
                    words = "" if subject is None else " ".join(
                        t.text for t in subject.subtree)
                    return below[0], words, "c", None, subject
        return None

    def _statement(self, doc: Any) -> tuple[Any, str, str, Any, Any] | None:
        """The head and the holder of a problem statement with no need verb ("Maya has
        suicidal thoughts", "Dad shouts at Mum", "Parents unable to get the children to
        school"), read from the first sentence's main clause: its subject is whom the
        statement is about, so a parent's theme does not win for a child, and who does
        what to whom is read as in a need. A verb of having to or being able ("has to
        rush home", "is unable to keep...") hands the head to the verb it governs; a
        person word with a clause or an adjective hung on it ("Parents unable to...")
        is the holder of that clause. Then: the holder's kind when their words name no
        parent or child (a name is a child's, a thing no one's), a subject that names no
        one, which is itself what the statement is about, and the subject."""
        root = next(iter(doc.sents)).root
        subject: Any = None
        if root.pos_ in ("NOUN", "PROPN", "PRON"):
            below = [c for c in root.children
                     if c.dep_ in ("amod", "acl", "relcl") and c.pos_ in ("ADJ", "VERB")]
            if not below or not self._person(root):
                return None
            subject, head = root, below[0]
        else:
            head = root
            subject = next((c for c in root.children
                            if c.dep_ in ("nsubj", "nsubjpass")), None)
        for _ in range(2):  # "has to rush", "is unable to keep"
            if head.lemma_.lower() not in ("have", "be", "unable", "able"):
                break
            nxt = next((c for c in head.children if c.dep_ == "xcomp" and any(
                a.dep_ == "aux" and a.lower_ == "to" for a in c.children)), None)
            if nxt is None and head.lemma_.lower() == "be":
                nxt = next((c for c in head.children if c.dep_ == "acomp"
                            and any(x.dep_ == "xcomp" for x in c.children)), None)
            if nxt is None:
                break
            head = nxt
        if subject is None:
            return head, "", "", None, None
        words = subject.text if subject.i == root.i else " ".join(
            t.text for t in subject.subtree)
        # A name: a proper noun, "Child 1", or a capitalised bare noun the tagger does
        # not know ("Ayla has ...": a common noun would take a determiner).
        named = subject.pos_ == "PROPN" or subject.like_num or any(
            t.like_num for t in subject.subtree) or (
                subject.is_title and subject.tag_ == "NN" and not any(
                    c.dep_ in ("det", "poss", "amod", "compound") for c in subject.children))
        person = named or self._person(subject)
        return head, words, "c" if named else "", None if person else subject, subject

    def _plural(self, token: Any) -> bool:
        """Whether the holder is more than one person ("Parents", "The family", "Mum and
        Dad"), so "they" and "their" can name them."""
        for _ in range(4):
            if token.dep_ in ("nsubj", "nsubjpass") or token.head.i == token.i:
                break
            token = token.head
        return bool(token.conjuncts) or token.tag_ in ("NNS", "NNPS") or \
            token.lower_ in COLLECTIVE

    def _relief(self, keep: list[Any], head: Any) -> bool:
        """Whether the need is for someone else to do something to someone ("needs
        someone else to help her brother out of bed", "someone other than him to collect
        his mum's medication"): a person word before what is needed, set apart from the
        holder by "else" or "other" (the caller asks that what is needed acts on
        someone)."""
        for token in keep:
            if token.i >= head.i:
                break
            if token.lemma_.lower() in self._companions and any(
                    c.lower_ in ("else", "other") for c in token.children):
                return True
        return False

    def _joint(self, token: Any) -> bool:
        """Whether the holder is two or more people together: the subject and the words
        coordinated with it each name a parent, a child or a person by name ("Dad and
        Ellie", "Mother and Child 2"), not one plural noun ("Parents")."""
        for _ in range(4):  # from the holder's first word up to the subject's head word
            if token.dep_ in ("nsubj", "nsubjpass") or token.head.i == token.i:
                break
            token = token.head
        parents = set(self.people.parent)
        named = [t for t in (token, *token.conjuncts)
                 if t.lower_ in parents or t.lower_ in self.people.child or t.pos_ == "PROPN"]
        # Two parents together ("Mum and her partner need to agree the rules") are not a
        # relationship need by that alone: one of them must be a child.
        return len(named) >= 2 and any(t.lower_ not in parents for t in named)

    def _parts(self, keep: list[Any], head: Any) -> tuple[dict[int, str], dict[int, int]]:
        """Where each token sits, by token position: "" in what must change, else the
        kinds of adjunct it sits in from the outermost to its own, joined by ">" ("when
        she collects them from school": "school" is a place inside a condition,
        "condition>place"); and the position of the head of its innermost part (the head
        of what is needed for a token in what must change), so a word is as near as it
        sits to the head of its own part.

        A token takes its parent's path and adds the kind of adjunct it heads itself, so
        each adjunct counts once however deep. An adjunct hung on the need verb ("...
        needs to know where to go if Dad becomes violent") is an adjunct of the whole
        need. "Instead of ..." names what happens now, wherever it sits ("time to do his
        homework rather than helping his sister"): it starts a path of its own. Every test
        is on the parse: a clause's subordinator, a preposition, a time word as its object.
        """
        parts: dict[int, str] = {head.i: ""}
        anchors: dict[int, int] = {head.i: head.i}

        def part(token: Any, hops: int = 0) -> str:
            known = parts.get(token.i)
            if known is not None:
                return known
            if token.head.i == token.i or hops > 30:
                found, anchor = "", head.i
            else:
                own = self._adjunct(token)
                if own == INSTEAD:
                    found, anchor = own, token.i
                else:
                    above = part(token.head, hops + 1)
                    found = ">".join(p for p in (above, own) if p)
                    anchor = token.i if own else anchors[token.head.i]
                    if not own and token.head.i == head.i and token.dep_ in (
                            "acomp", "attr", "oprd"):
                        # "stay sober", "be calm", "feel safe": the linking verb says
                        # little; its complement is the head of what is needed.
                        anchor = token.i
            parts[token.i] = found
            anchors[token.i] = anchor
            return found

        for token in keep:
            part(token)
        # A word that frames a topic ("worry that...", "scared of...", "know that...",
        # "talk about...") is not itself what the need is about: its topic is. The word
        # alone takes the "frame" kind; its topic keeps its own place.
        shown = dict(parts)
        for token in keep:
            if token.i > head.i and not parts[token.i] and not head.is_ancestor(token):
                # After what is needed, but hung elsewhere by the parse ("... rebuild her
                # confidence now her violent partner has gone"): a clause of its own about
                # the need, weighed from its own head.
                top = token
                while top.head.i != top.i and top.head.i > head.i and not parts[top.head.i] \
                        and not head.is_ancestor(top.head):
                    top = top.head
                shown[token.i] = "loose"
                anchors[token.i] = top.i
        cause = self._feeling_cause(head)
        if cause is not None:
            feeling, said = cause
            for token in feeling:
                shown[token.i] = ">".join(p for p in (parts[token.i], "feeling") if p)
            for inside in said.subtree:
                if inside.i in shown:
                    shown[inside.i] = ">".join(p for p in (shown[inside.i], "topic") if p)
                    if anchors.get(inside.i) == anchors[head.i]:
                        anchors[inside.i] = said.i  # the cause weighs from its own head
        for token in keep:
            light = self._light_topic(token)
            topic = light or (self._topic(token) if token.i != head.i else None)
            if topic is not None:
                kind = "frame" if light is None else "light"
                shown[token.i] = ">".join(p for p in (parts[token.i], kind) if p)
                if light is not None:
                    if light.dep_ != "prep" and light.head.dep_ == "prep":
                        # "keep to": the preposition is the light verb's own word
                        shown[light.head.i] = shown[token.i]
                    # What a light verb is said of is the head of what it says: its words
                    # weigh from their own head ("the bail conditions"), not the verb.
                    for inside in light.subtree:
                        if anchors.get(inside.i) == anchors[token.i]:
                            anchors[inside.i] = light.i
                for inside in topic.subtree:
                    if inside.i in shown and "topic" not in shown[inside.i].split(">"):
                        shown[inside.i] = ">".join(p for p in (shown[inside.i], "topic")
                                                   if p)
        return shown, anchors

    def _feeling_cause(self, head: Any) -> tuple[list[Any], Any] | None:
        """Where the head of what is needed is a feeling (a word of themes.yml
        ``adjuncts.feeling_theme``: "feel safe", "be less anxious", "recover") and the
        need says what the feeling comes from ("safe from her ex-partner", "anxious
        since his stepdad hit his mum"): the feeling's words (with the linking verb) and
        the cause. Like a frame, the feeling then counts for less when the cause names a
        theme: the cause is what the group places the need by."""
        if not self._feelings or not self.adjuncts.cause_words:
            return None
        said = [c for c in head.children if c.dep_ in ("acomp", "attr", "oprd")
                and c.pos_ == "ADJ"]
        if head.lemma_.lower() not in self._feelings and not any(
                c.lemma_.lower() in self._feelings for c in said):
            return None
        words = [head, *said]
        # The cause may hang on the feeling, on its linking verb, or on the need verb
        # above them ("needs to feel safe at home because her dad hits her mum").
        above = [head.head] if head.head.i != head.i and \
            head.head.lemma_.lower() in self.reader.anchor_words else []
        for word in [*reversed(words), *above]:
            for child in word.children:
                if child.i < word.i:
                    continue
                if child.dep_ == "prep" and child.lower_ in self.adjuncts.cause_words and any(
                        c.dep_ in ("pobj", "pcomp") for c in child.children):
                    return words, child  # "safe from ...", "after the attack"
                if child.dep_ == "advcl" and any(
                        c.dep_ in ("mark", "advmod") and c.lower_ in self.adjuncts.cause_words
                        for c in child.children):
                    return words, child  # "since he ...", "because she ..."
        return None

    def _light_topic(self, token: Any) -> Any:
        """What a light verb (themes.yml ``adjuncts.light_verbs``) is said of, or None:
        the act a parent lets or allows ("letting the older boys use her flat"), the
        object of "keep to" or "stick to" ("keep to the bail conditions"). The light verb
        says little beside it: like a frame, it counts for less when what it is said of
        names a theme, and in full when nothing there does ("stick to it"). Unlike
        :meth:`_topic`, the head of what is needed may be one ("needs to let ...")."""
        preps = self.adjuncts.light_verbs.get(token.lemma_.lower())
        if preps is None or token.pos_ != "VERB" or any(
                c.dep_ == "auxpass" for c in token.children):
            return None
        for child in token.children:
            if not preps and child.dep_ in ("ccomp", "xcomp") and child.i > token.i:
                return child  # (a clause even where the tagger took its verb for a noun)
            if preps and child.dep_ == "prep" and child.lower_ in preps:
                return next((c for c in child.children if c.dep_ in ("pobj", "pcomp")), None)
        return None

    def _permitted(self, clause: Any, holder: str) -> bool:
        """Whether ``clause`` is what a parent holder lets someone do ("Dad needs to stop
        letting Connor drink alcohol"): the doer's act, and the parent's to answer for."""
        return holder == "p" and clause.dep_ in ("ccomp", "xcomp") and \
            self.adjuncts.light_verbs.get(clause.head.lemma_.lower()) == []

    @staticmethod
    def _topic(token: Any) -> Any:
        """The topic a verb or adjective takes, or None: a "that" or "wh-" clause, or a
        phrase with "about", "of" or "over" holding a clause or a noun ("worry that...",
        "scared of the gang"). A passive verb takes none ("bullied about his family")."""
        if token.pos_ not in ("VERB", "ADJ") or any(
                c.dep_ == "auxpass" for c in token.children):
            return None
        for child in token.children:
            if child.dep_ == "ccomp" and (child.tag_ in ("VBD", "VBZ", "VBP") or any(
                    c.dep_ == "mark" or c.tag_ in ("WDT", "WP", "WRB", "MD", "VBD", "VBZ",
                                                   "VBP")
                    for c in child.children if c.dep_ != "nsubj" or c.tag_ == "WP")):
                return child  # a finite clause: "worry that...", "know he is ill"
            if child.dep_ == "prep" and child.lower_ in ("about", "of", "over") and any(
                    c.dep_ in ("pobj", "pcomp") for c in child.children):
                return child
        return None

    def _adjunct(self, node: Any) -> str:
        """The kind of adjunct ``node`` heads in relation to its head, or ""."""
        adjuncts = self.adjuncts
        dep = node.dep_
        if dep == "advcl":
            kind = ""
            for child in node.children:
                if child.dep_ in ("mark", "advmod") and child.lower_ in adjuncts.marks:
                    kind = adjuncts.marks[child.lower_]
                    break
            else:
                if any(c.dep_ == "aux" and c.lower_ == "to" for c in node.children):
                    kind = "purpose"  # "... to keep him safe": what the need is for
                elif node.tag_ == "VBG":
                    kind = "manner"
            return self._cause(node, kind)
        if dep in ("prep", "cc") and any(
                c.dep_ == "advmod" and adjuncts.prepositions.get(c.lower_) == INSTEAD
                for c in node.children):
            return INSTEAD  # "instead of", "rather than", however the parse hangs them
        if dep == "conj":
            # "florp instead of grobbling" parsed as two coordinated verbs: the word that
            # joins them says whether the second is an alternative.
            joins = [c for c in node.head.children if c.dep_ == "cc" and c.i < node.i]
            if joins and self._adjunct(joins[-1]) == INSTEAD:
                return INSTEAD
        if dep == "prep":
            objects = [c for c in node.children if c.dep_ in ("pobj", "pcomp")]
            if any(o.lemma_.lower() in self.adjuncts.time_words and not any(
                    c.dep_ == "prep" and c.lower_ == "of" for c in o.children)
                   for o in objects):
                return "time"  # not "the terms of the order": what "of" names is no time
            kind = adjuncts.prepositions.get(node.lower_, "")
            if kind == "time" and objects and all(self._person(o) for o in objects):
                kind = ""  # "look after the baby", "run after his brother": no time
            if kind == INSTEAD and node.lower_ == "than" and not (
                    node.i > 0 and node.doc[node.i - 1].lower_ == "rather"):
                kind = ""  # "someone other than him", "more than": no alternative
            if node.lower_ == "with" and objects and all(self._person(o) for o in objects):
                return "company"  # "with older friends", "with his mum": with whom
            moved = any(c.dep_ == "dobj" for c in node.head.children)
            if (kind == "place" or node.lower_ == "to") and \
                    node.head.lemma_.lower() in self.adjuncts.place_verbs:
                # "be in school", "live in a flat", "keep the pills in a cupboard": the
                # place is what is needed; where the holder themself is to be ("be at
                # school by 8.45", "get to school"), the "where" kind. Where something
                # or someone is taken to ("take the children to school") is the setting
                # of an errand.
                if node.lower_ == "to" and moved:
                    return "place"
                stays = node.head.lemma_.lower() in self.adjuncts.where_verbs and not moved
                return "where" if stays else ""
            return self._cause(node, "" if kind == "place" and node.lower_ == "to" else kind)
        if dep in ("npadvmod", "advmod") and node.lemma_.lower() in self.adjuncts.time_words:
            return "time"
        if dep == "relcl":
            return "relative"
        if dep in ("xcomp", "ccomp", "dobj") and \
                node.head.lemma_.lower() in self.adjuncts.stop_verbs:
            return "stopped"  # "stop throwing chairs": what must stop is the problem
        return ""

    def _cause(self, node: Any, kind: str) -> str:
        """A reason or purpose inside what must stop is why the problem happens: "stop
        missing school to translate for her mum", "stop carrying a knife because he is
        scared of the gang"."""
        if kind not in ("reason", "purpose"):
            return kind
        above = node.head
        for _ in range(3):
            if above.lemma_.lower() in self.adjuncts.stop_verbs:
                return "cause"
            if above.dep_ not in ("xcomp", "ccomp", "pcomp", "dobj", "conj") or \
                    above.head.i == above.i:
                break
            above = above.head
        return kind

    def _person(self, token: Any) -> bool:
        """Whether a noun names a person: a word for a parent, a child or a companion, a
        name, a pronoun for someone."""
        return (token.pos_ in ("PROPN", "PRON") or token.lemma_.lower() in self._companions
                or token.lower_ in self._companions)

    def _acts(self, keep: list[Any], tokens: Tokens, holder: str, gender: str,
              holder_words: str = "") -> list[Act]:
        """Each verb in what is needed with whom its subject and its object name.

        The subject is read as for any token (the holder when the verb has none of its
        own); "someone", "they" or a noun the words do not place ("the man") is "o". The
        object's words place it the same way. The holder acting on themself ("keep him
        safe", said of Child 1) is no act on anyone.
        """
        acts: list[Act] = []
        # Whose someone the holder is ("Mum's partner"): a pronoun of her gender is hers.
        owned = re.split(r"['’]s\b", holder_words)
        whose = self._gender(owned[0]) if len(owned) > 1 else ""
        for n, token in enumerate(keep):
            if tokens[n][3] < 0:
                continue
            if holder == "c" and token.pos_ in ("NOUN", "VERB") and \
                    self._perceived(token, holder, gender) and not any(
                        c.dep_ in PATIENT_DEPS for c in token.children):
                acts.append((n, "p", "w"))  # "the hitting she heard at night"
                continue
            if not (token.pos_ in ("VERB", "AUX") or (
                    token.pos_ == "ADJ" and token.dep_ in ("acomp", "amod", "attr"))):
                continue
            patients = []
            agents = []
            taken_from: list[int] = []  # "taking them from her": from whom, what is hers
            for child in token.children:
                if child.dep_ in PATIENT_DEPS:
                    patients.append(child)
                elif child.dep_ == "nsubjpass" and any(
                        c.dep_ == "agent" for c in token.children):
                    patients.append(child)  # "her mum will be hurt by her stepdad"
                elif child.dep_ == "agent":
                    agents += [c for c in child.children if c.dep_ == "pobj"]
                elif child.dep_ in ("prep", "prt") and child.lower_ in PATIENT_PREPOSITIONS:
                    if child.lower_ == "from":
                        taken_from += [c.i for c in child.children if c.dep_ == "pobj"]
                    patients += [c for c in child.children if c.dep_ == "pobj"]
                elif child.dep_ in ("ccomp", "xcomp"):
                    patients += [c for c in child.children if c.dep_ in ("nsubj", "nsubjpass")]
            if not patients:
                continue
            # An adjective's doer is its verb's subject ("Dad becomes violent towards Mum");
            # a passive verb's, the object of its "by".
            doer = token.head if token.pos_ == "ADJ" else token
            subjects = agents or [c for c in doer.children if c.dep_ == "nsubj"]
            if not subjects and doer.dep_ == "conj":
                # "her ex-partner turning up and threatening her": the first verb's
                # subject does the second too.
                subjects = [c for c in doer.head.children if c.dep_ == "nsubj"]
            if not subjects:
                # "needs her boyfriend to stop reading her messages": he reads them.
                doer_of = self._controller(doer)
                subjects = [] if doer_of is None else [doer_of]
            if subjects and subjects[0].lower_ in ("who", "that", "which") and \
                    doer.dep_ == "relcl":
                # "the gang members who have been threatening him": they do it.
                subjects = [doer.head]
            if subjects and self._state(subjects[0]):
                continue  # a state does it ("her depression stops her"): no one acts
            own = not subjects or (subjects[0].pos_ == "PRON" and self._who(
                subjects[0], holder, gender) == holder) or (
                    bool(holder_words) and self._same(subjects[0], holder_words))
            by = self._role(subjects[0], holder, gender) if subjects else (
                tokens[n][2].strip(EITHER) or holder)
            for patient in patients:
                if patient.lower_ in REFLEXIVE and not own:
                    continue  # "her dad will hurt himself": done to the doer, no one else
                other = self._other(patient, gender, whose)  # "her" said of a man
                if own and patient.pos_ == "PRON" and not other and self._who(
                        patient, holder, gender) == holder:
                    if patient.lower_ in REFLEXIVE:
                        continue  # the holder doing something to themself
                    # Not "himself": "him" is someone else ("Dad needs to manage Caleb's
                    # temper without smacking him"): the person named before it.
                    acts.append((n, by, self._someone_else(keep, patient, holder)))
                    continue
                on = self._role(patient, holder, gender)
                owner = next((c for c in patient.children if c.dep_ == "poss"), None)
                if owner is not None and patient.pos_ == "NOUN" and not self._person(
                        patient) and owner.pos_ == "PRON" and (
                            patient.dep_ in PATIENT_DEPS or patient.i in taken_from) and (
                            not own or self._other(owner, gender, whose)):
                    # "Mum's partner limits her access": hers, not the doer's own thing
                    # ("take his medication" is the holder's own affair).
                    on = self._who(owner, holder, gender)
                    on = on.upper() if on in ("p", "c") else "o"
                elif on in ("p", "c") and (self._thing(patient) or patient.i in taken_from):
                    on = on.upper()  # a parent's or a child's belongings, not the person
                acts.append((n, by, on))
        return acts

    @staticmethod
    def _same(token: Any, words: str) -> bool:
        """Whether a subject is the holder themself (its words are the holder's)."""
        said = " ".join(t.text for t in token.subtree).lower().replace(" '", "'")
        return said == words.lower().replace(" '", "'").strip()

    def _other(self, pronoun: Any, gender: str, whose: str) -> bool:
        """Whether a pronoun names someone other than the holder: of the other gender
        than the holder's, or (the holder's unknown) of the gender of the person the
        holder is someone of ("Mum's partner ... her")."""
        said = self._pronoun_gender.get(pronoun.lower_, "")
        if not said:
            return False
        if gender in ("f", "m"):
            return said != gender
        return bool(whose) and said == whose

    def _judged(self, keep: list[Any], tokens: Tokens, gender: str) -> Tokens:
        """The tokens, a verb of saying that passes judgment on the person it is said to
        taking the lemma ``judge_as`` (themes.yml): "calling Mum stupid" (a complement
        of the person), "calling her names" (a second object, or the person parsed as
        part of it: "calling Mum names"), "tells Mum she is worthless", "telling Child 1
        that he is bad" (a clause about the person: its subject "you", or a pronoun of
        the person's gender, or, where that is unknown, of another gender than the
        speaker's). Words only ever changed in a copy: the text is kept, for the reason.
        """
        if not self.adjuncts.judge_as or not self.adjuncts.judge_verbs:
            return tokens
        out = list(tokens)
        for n, token in enumerate(keep):
            if token.lemma_.lower() not in self.adjuncts.judge_verbs or token.pos_ != "VERB":
                continue
            objects = [c for c in token.children if c.dep_ in ("dobj", "dative", "iobj")]
            person = next((o for o in objects if self._person(o)), None)
            things = [o for o in objects if o is not person and not self._person(o)]
            if person is None:
                # "calling Mum names" parsed as one object: the person is its compound.
                person = next((c for o in things for c in o.children
                               if c.dep_ == "compound" and self._person(c)
                               and c.lower_ not in COLLECTIVE), None)  # not "family doctor"
                if person is None:
                    continue
                things = [person.head]
            # A word for what the person is ("stupid", "a liar"), or what they may do
            # ("tells her what to eat"): not an errand ("tell Dad to take his tablets").
            said = [c for c in token.children if c.dep_ in ("oprd", "acomp") or (
                c.dep_ == "xcomp" and any(w.tag_ in ("WP", "WRB", "WDT")
                                          for w in c.children))]
            judged = bool(said) or bool(things)
            if not judged:
                speaker = next((c for c in token.children if c.dep_ == "nsubj"), None)
                speaks = self._gender(speaker.text) if speaker is not None and \
                    speaker.pos_ != "PRON" else (self._pronoun_gender.get(speaker.lower_, "")
                                                 if speaker is not None else gender)
                hears = self._pronoun_gender.get(person.lower_) or self._gender(person.text)
                for clause in (c for c in token.children if c.dep_ == "ccomp"):
                    about = next((c for c in clause.children if c.dep_ in (
                        "nsubj", "nsubjpass")), None)
                    if about is None:
                        continue
                    said_of = self._pronoun_gender.get(about.lower_, "")
                    if about.lower_ == "you" or about.lower_ == person.lower_ or (
                            said_of and (said_of == hears or (
                                not hears and speaks and said_of != speaks))):
                        judged = True
            if judged:
                text, _, whom, depth, part = out[n]
                out[n] = (text, self.adjuncts.judge_as, whom, depth, part)
        return out

    # What a verb may govern that makes it an everyday verb with an object or a
    # complement ("use the toilet", "used to live", "be used by"), not one said alone.
    OBJECTS = frozenset({"dobj", "obj", "dative", "iobj", "xcomp", "ccomp", "nsubjpass",
                         "auxpass", "attr", "oprd", "prt", "acomp"})

    def _objectless(self, keep: list[Any], tokens: Tokens) -> Tokens:
        """The tokens, a verb of ``adjuncts.objectless`` said with no object or
        complement ("whether she is still using", "stop using before contact") taking
        its term word (themes.yml) as its lemma: practitioners name a parent's drug use
        by the bare verb. Only the lemma changes; the text is kept, for the reason."""
        read_as = self.adjuncts.objectless
        if not read_as:
            return tokens
        out = list(tokens)
        for n, token in enumerate(keep):
            word = read_as.get(token.lemma_.lower())
            if word is None or token.pos_ != "VERB" or tokens[n][3] < 0:
                continue
            if any(c.dep_ in self.OBJECTS for c in token.children) or (
                    n + 1 < len(keep) and keep[n + 1].lower_ == "to"):
                continue  # "use the bus", "used to", "use it to calm down"
            if token.dep_ in ("amod", "acl", "compound"):
                continue  # "used needles", "a used car": an adjective, not the act
            text, _, whom, depth, part = out[n]
            out[n] = (text, word, whom, depth, part)
        return out

    def _someone_else(self, keep: list[Any], pronoun: Any, holder: str) -> str:
        """Whom an object pronoun names when it cannot be the holder doing the act: the
        nearest person named before it who is not the holder's own kind, else a child for
        a parent's act and someone else for a child's."""
        for token in reversed([t for t in keep if t.i < pronoun.i]):
            if token.dep_ in ("nsubj", "nsubjpass") and token.head.lemma_ == "need":
                break  # back to the holder
            kind = self._kind(token.text, "c" if token.pos_ == "PROPN" else "")
            if kind and kind != holder:
                return kind
        return "c" if holder == "p" else "o"

    def _thing(self, token: Any) -> bool:
        """Whether an object is a thing someone owns ("younger children's lunch money",
        "his mum's purse"), not a person: a common noun that names no one, with a
        possessor."""
        people = set(self.people.parent) | set(self.people.child)
        return (token.pos_ == "NOUN" and token.lower_ not in people
                and token.lemma_.lower() not in people
                and any(c.dep_ == "poss" for c in token.children))

    def _state(self, token: Any) -> bool:
        """Whether a noun names a state rather than someone, by its abstract ending
        ("depression", "tiredness", "drinking"; themes.yml ``adjuncts.state_endings``):
        "her lodger" is someone, "her anxiety" is not."""
        word = token.lemma_.lower()
        return token.pos_ == "NOUN" and not self._person(token) and \
            word not in self.people.parent and word not in self.people.child and \
            any(word.endswith(e) and len(word) > len(e) + 2
                for e in self.adjuncts.state_endings)

    def _role(self, token: Any, holder: str, gender: str) -> str:
        """'p', 'c' or 'o' (someone the words do not place) for a subject or an object."""
        if token.lower_ in INDEFINITE or token.lower_ in ("people", "others", "strangers",
                                                          "they", "them"):
            return "o"
        if token.pos_ == "PRON":
            return self._who(token, holder, gender)
        # The noun and the words before it ("his mum's", "Child 1"), not a phrase after
        # it: "access to home by dangerous adults" names no adult as whom it acts on.
        words = " ".join(t.text for t in token.subtree if t.i <= token.i or t.like_num)
        return self._kind(words, "c" if token.pos_ == "PROPN" or token.like_num else "o")

    def _kind(self, words: str, default: str) -> str:
        """'p' when the words name a parent or carer, 'c' a child, else ``default``."""
        found = {w.lower() for w in words.replace("'s", "").split()}
        # Plurals name the same people ("her brothers", "his aunts", "the boys").
        found |= {w[:-1] for w in found if w.endswith("s") and len(w) > 3}
        if found & set(self.people.parent):
            return "p"
        if found & set(self.people.child):
            return "c"
        return default

    def _gender(self, words: str) -> str:
        """'f' or 'm' for the person the words name, else "". Of "Mum's boyfriend" the
        boyfriend: a possessor says whose, not who."""
        owned = re.split(r"['’]s\b", words)[-1]
        found = {w.lower() for w in (owned if owned.strip() else words).split()}
        if found & set(self.people.female):
            return "f"
        if found & set(self.people.male):
            return "m"
        return ""

    def _gender_of_pronouns(self, keep: list[Any], head: Any) -> str:
        """The holder's gender when their words do not say ("Child 2", a name): that of
        the first possessive or reflexive pronoun in what is needed ("stop covering for his
        mum": the holder is male), else ""."""
        for token in keep:
            if token.i < head.i:
                continue
            pronoun = self._pronoun_gender.get(token.lower_)
            if pronoun and (token.dep_ == "poss" or token.lower_ in REFLEXIVE):
                return pronoun
        return ""

    def _who(self, token: Any, holder: str, gender: str) -> str:
        """Whom a subject or possessor names: a parent, a child, or the holder; a pronoun
        of the other gender than the holder's is the nearest person of that gender named
        before it ("Child 2 needs to stop covering for his mum when she is drunk": she is
        his mum)."""
        low = token.lower_
        pronoun = self._pronoun_gender.get(low)
        if pronoun:
            if gender and pronoun != gender:
                named = self.people.female if pronoun == "f" else self.people.male
                for before in reversed(token.doc[:token.i]):
                    if before.lower_ in named:
                        return self._kind(before.lower_, "o")
                if holder == "p":
                    return "c"  # "Mother needs to understand why he ..."
            return holder
        if low in INDEFINITE:
            return "o"  # "needs someone to look after her": not the holder's own doing
        if low in ("they", "them", "their", "themselves"):
            # "Parents need to ... their": the holder; said of one holder ("Child 1 needs
            # to let them look after him"), someone else.
            return holder if gender == PLURAL else "o"
        if low in ("who", "that", "whom") and token.head.dep_ == "relcl" and \
                token.head.head.pos_ in ("NOUN", "PROPN") and \
                token.head.head.i != token.head.i:
            # "carers who know how to look after his hair": the relative pronoun is the
            # person its clause describes, so what they do is theirs, not the holder's
            person = token.head.head
            return self._kind(person.lower_, "o" if self._person(person) else holder)
        if low in ("i", "we", "it", "there", "who", "that"):
            return holder
        words = " ".join(t.text for t in token.subtree) if token.dep_ != "poss" else token.text
        return self._kind(words, "c" if token.pos_ == "PROPN" or token.like_num else holder)

    def _about(self, token: Any, head: Any, holder: str, gender: str) -> str:
        """Whom the token is about: the possessor or subject nearest above it, else the
        holder ("Child 1 needs to understand that his dad's drinking..." is about a parent).
        Tokens are compared by position: spaCy makes a new object on every access."""
        current = token
        pronoun: Any = None
        if holder == "c" and self._perceived(token, holder, gender):
            return "p"  # what a child saw or heard is an adult's doing
        for _ in range(12):
            for child in current.children:
                if child.dep_ == "poss" and pronoun is None:
                    return self._whose(child, holder, gender)
            if current.i != head.i:
                if self._permitted(current, holder):
                    return EITHER  # the child's act and the parent's permission
                subjects = [c for c in current.children if c.dep_ in ("nsubj", "nsubjpass")]
                if subjects and subjects[0].pos_ != "PRON":
                    return self._who(subjects[0], holder, gender)
                if not subjects and current.dep_ in ("relcl", "acl") and any(
                        c.dep_ == "aux" and c.lower_ == "to" for c in current.children) \
                        and self._person(current.head) and not any(
                            c.dep_ == "prep" and not any(g.dep_ in ("pobj", "pcomp")
                                                         for g in c.children)
                            for c in current.children):
                    # "needs someone to look after her", "an adult to take him to
                    # school": the person asked for does it, not the holder. (Not
                    # "someone to talk to": the holder talks, to them.)
                    return self._role(current.head, holder, gender)
                if subjects and pronoun is None:
                    # "Mum stays in bed because she is unwell": a pronoun takes the
                    # nearest named subject above it, if there is one; else it says
                    # whom by itself ("Mum needs to calm Child 1 when he has a meltdown").
                    pronoun = subjects[0]
            if current.i == head.i or current.head.i == current.i:
                break
            current = current.head
        if pronoun is not None:
            return self._whose(pronoun, holder, gender)
        doer = self._controller(head)
        return holder if doer is None else self._who(doer, holder, gender)

    def _controller(self, verb: Any) -> Any:
        """The person a need verb's object names when what is needed is that person's
        to do ("Priya needs her mum to stay clean", "Ollie needs his dad to take
        responsibility for him"): the object before an infinitive the need verb governs,
        reached from ``verb`` up through the verbs it is joined to ("stay clean and stop
        using"). None when the verb has a subject of its own or no such object: then the
        holder does what is needed."""
        current = verb
        for _ in range(4):
            if current.pos_ not in ("VERB", "AUX", "ADJ"):
                return None
            subject = next((c for c in current.children if c.dep_ in ("nsubj", "nsubjpass")),
                           None)
            if subject is not None:
                # "Maisie needs Mum to stop ...", parsed with "Mum" the infinitive's own
                # subject: after the need verb, it is still that person's to do.
                above = current.head
                if above.i != current.i and above.lemma_.lower() in self.reader.anchor_words \
                        and above.i < subject.i < current.i and current.dep_ in (
                            "xcomp", "advcl", "ccomp") and any(
                                c.dep_ == "aux" and c.lower_ == "to" for c in current.children) \
                        and (self._person(subject) or self._kind(subject.text, "")):
                    return subject
                return None
            above = current.head
            if above.i == current.i:
                return None
            if above.lemma_.lower() in self.reader.anchor_words and \
                    current.dep_ in ("xcomp", "advcl", "ccomp") and any(
                        c.dep_ == "aux" and c.lower_ == "to" for c in current.children):
                doer = next((c for c in above.children if c.dep_ == "dobj"
                             and c.i < current.i), None)
                if doer is None or not (self._person(doer) or self._kind(doer.text, "")):
                    return None
                return doer
            if current.dep_ not in ("xcomp", "conj", "advcl"):
                return None
            current = above
        return None

    def _whose(self, token: Any, holder: str, gender: str) -> str:
        """As :meth:`_who`, but a pronoun of the holder's gender after someone else of
        that gender was named in what is needed ("Child 1 needs to stay away from his dad
        when he has been drinking") could name either, so the words
        count whichever theme they name, not only the holder's (``EITHER``)."""
        found = self._who(token, holder, gender)
        said = self._pronoun_gender.get(token.lower_)
        if found != holder or not said or token.lower_ in REFLEXIVE:
            return found
        named = self.people.female if said == "f" else self.people.male
        for before in reversed(token.doc[:token.i]):
            if before.dep_ in ("nsubj", "nsubjpass") and before.head.lemma_ == "need":
                break  # back to the holder
            if before.lower_ in named and self._kind(before.lower_, holder) != holder:
                return EITHER
        return found

    def _perceived(self, token: Any, holder: str, gender: str) -> bool:
        """Whether the token is in what the holder saw or heard: the object of a verb of
        perceiving whose subject is the holder ("she heard the shouting"), or a noun such
        a verb's relative clause describes ("the shouting she heard")."""
        current = token
        for _ in range(6):
            for child in current.children:
                if child.dep_ == "relcl" and self._perceives(child, holder, gender):
                    return True
            if current.dep_ in ("dobj", "ccomp", "xcomp") and \
                    self._perceives(current.head, holder, gender):
                return True
            if current.dep_ not in ("conj", "compound", "amod", "dobj", "pobj", "prep",
                                    "nsubj") or current.head.i == current.i:
                return False
            current = current.head
        return False

    def _perceives(self, verb: Any, holder: str, gender: str) -> bool:
        """A verb of perceiving whose subject is the holder (or who has none)."""
        if verb.lemma_.lower() not in self.adjuncts.perceive_verbs:
            return False
        subjects = [c for c in verb.children if c.dep_ == "nsubj"]
        return not subjects or (subjects[0].pos_ == "PRON"
                                and self._who(subjects[0], holder, gender) == holder)

    @staticmethod
    def _depth(token: Any, head: Any, what: Any, anchors: dict[int, int]) -> int:
        """Hops from the token up to the head of its own part (the head of what is needed,
        or of the adjunct it sits in: "depression" in "when her depression is bad" is one
        hop below "is"); -1 for the holder and the need verb (before what is needed); far
        (5) for words after it the parse hangs elsewhere ("... rather than looking after
        his sisters")."""
        if what is not None and token.i < what.start and token.i != head.i:
            return -1
        top = anchors.get(token.i, head.i)
        current, hops = token, 0
        while current.i != top:
            if current.head.i == current.i or hops > 20:
                return -1 if what is None or token.i < what.start else FAR
            current, hops = current.head, hops + 1
        return hops


# --- suggestions -------------------------------------------------------------------------


@dataclass(frozen=True)
class Match:
    theme: str
    start: int
    end: int
    term: str
    text: str
    act: bool = False  # matched by who does what to whom, not by its words


@dataclass(frozen=True)
class Suggestion:
    """A theme for one need, the words that matched, and the runners-up."""

    theme: str | None
    reason: str
    alternatives: list[str] = field(default_factory=list)
    matches: list[Match] = field(default_factory=list)
    scores: dict[str, float] = field(default_factory=dict)  # each theme's weight, to explain
    # The rules' theme rests on a word that names the difficulty itself (a ``strong``
    # term: "DVPO", "county lines"): the learned reading never overturns it.
    strong: bool = False


# Kinds the wording coach flags that mean the need is not yet written as a need.
UNPLACED_KINDS = ("universal", "service", "assessment", "vague")


class Suggester:
    """Match theme terms against what a need asks for; the best-weighted theme wins.

    A need worded as a service, an assessment or a universal aim gets no theme: the group
    is asked for the need behind it. Otherwise a term counts by how close it sits to the
    head of what is needed (not a word anywhere in the sentence), and a theme about
    parents (``about: parent``) counts only terms about a parent, so "a child needs to ask
    for a drink" is not parental substance misuse.
    """

    def __init__(self, themes: Themes, analyzer: Analyzer, learned: bool = True) -> None:
        self.themes = themes
        self.analyzer = analyzer
        # The learned reading (framework/needgroups-model.json) joins the rules as its
        # file says; ``learned=False`` is the rules alone (the trainer measures them).
        self.learned: Learned | None = None
        self.learned_note = ""  # why the learned reading is left out, if it is
        if learned:
            from assistant.needgroups.learned import fits, load_model

            model = load_model(analyzer.content, themes)
            self.learned_note = fits(model.model, themes)
            self.learned = None if self.learned_note else model
        self.order = {t.id: n for n, t in enumerate(themes.themes)}
        self.about = {t.id: t.about for t in themes.themes}
        self.general = frozenset(themes.general)
        self.part_weight: dict[str, float] = {str(k): v for k, v in
                                              themes.adjuncts.weight.items()}
        self.setting: dict[str, float] = {str(k): v for k, v in
                                          themes.adjuncts.setting.items()}
        self.through = themes.adjuncts.parent_in_child
        self.scale = themes.adjuncts.scale
        self.spell = themes.spellings
        self.term_about: dict[tuple[str, str], str] = {}
        self.strong = frozenset((theme.id, term) for theme in themes.themes
                                for term in theme.strong)
        self._index: dict[str, list[tuple[tuple[str, ...], str, str]]] = defaultdict(list)
        for theme in themes.themes:
            held = [(t, "") for t in theme.terms] + [
                (t, role) for role, ts in theme.about_terms.items() for t in ts]
            for term, role in held:
                if role:
                    self.term_about[(theme.id, term)] = role
                words = tuple(self.spell.get(w, w) for w in self.analyzer.words(term))
                for form in self._forms(words, themes.endings):
                    self._index[form[0]].append((form, theme.id, term))
        # American forms of the terms' words by pattern ("vandalized", "center"); the
        # listed spellings win.
        used = {w for forms in self._index.values() for form, _, _ in forms for w in form}
        self.spell = {**themes.pattern_spellings(used), **themes.spellings}
        self._acts: dict[str, list[tuple[str, Any]]] = defaultdict(list)
        for theme in themes.themes:
            for rule in theme.acts:
                for verb in rule.verbs:
                    self._acts[verb].append((theme.id, rule))
        self._service_index: dict[str, list[tuple[str, ...]]] = defaultdict(list)
        for term in themes.service_words:
            words = tuple(self.analyzer.words(term))
            if words:
                self._service_index[words[0]].append(words)
        for options in self._service_index.values():
            options.sort(key=len, reverse=True)  # 'parenting course' before 'course'

    @staticmethod
    def _forms(words: tuple[str, ...], endings: Sequence[str]) -> list[tuple[str, ...]]:
        """The term's words and the inflected and derived forms of its last word
        ("hoard": "hoards", "hoarded", "hoarding"; "bathe": "bathing"; "stop": "stopping";
        "worry": "worries"), so a form the tagger lemmatises otherwise still matches. Set
        up once; matching stays a dictionary lookup."""
        if not words:
            return []
        last = words[-1]
        forms = {last}
        if last.isalpha() and len(last) > 2:
            for ending in endings:
                forms.add(last + ending)
                if last.endswith("e") and ending[0] in "aeiou":
                    forms.add(last[:-1] + ending)
                elif (last.endswith("y") and last[-2] not in "aeiou"
                      and ending in ("s", "ed", "es")):
                    forms.add(last[:-1] + ("ies" if ending != "ed" else "ied"))
                elif (ending[0] in "aeiou" and len(last) <= 4 and last[-1] not in "aeiouwxy"
                      and last[-2] in "aeiou" and last[-3] not in "aeiou"):
                    forms.add(last + last[-1] + ending)  # stop: stopping, stopped
        return [(*words[:-1], form) for form in sorted(forms, key=lambda f: f != last)]

    def matches(self, tokens: Sequence[Sequence[Any]]) -> list[Match]:
        spell = self.spell
        lower = [spell.get(w, w) for w in (t[0].lower() for t in tokens)]
        lemma = [spell.get(w, w) for w in (t[1] for t in tokens)]
        found: list[Match] = []
        count = len(tokens)
        index = self._index
        for i in range(count):
            seen = set()
            for key in dict.fromkeys((lower[i], lemma[i])):  # in order: same result each run
                for words, theme, term in index.get(key, ()):
                    end = i + len(words)
                    if end > count or (term, theme) in seen:
                        continue
                    # words[0] is the key itself; the rest must follow, word by word (a
                    # loop, not ``all`` over a generator: this runs for every candidate)
                    for j in range(1, len(words)):
                        w = words[j]
                        if w != lower[i + j] and w != lemma[i + j]:
                            break
                    else:
                        seen.add((term, theme))
                        text = " ".join(t[0] for t in tokens[i:end])
                        found.append(Match(theme, i, end, term, text))
        return found

    def suggest_tokens(self, tokens: Sequence[Sequence[Any]]) -> Suggestion:
        """A suggestion from tokens alone (pairs, or stored 4- or 5-tuples)."""
        return self.suggest_analysis(Analysis([
            (str(t[0]), str(t[1]), str(t[2]) if len(t) > 2 else "",
             int(t[3]) if len(t) > 3 else 0, str(t[4]) if len(t) > 4 else "")
            for t in tokens]))

    def suggest_analysis(self, analysis: Analysis, kinds: Sequence[str] | None = None
                         ) -> Suggestion:
        unplaced = self._unplaced(analysis, kinds or ())
        if unplaced is not None:
            return unplaced
        rule = self.by_rules(analysis)
        if self.learned is None:
            return rule
        chosen = self.learned.decide(analysis, rule)
        if chosen.theme != rule.theme and chosen.theme in self.themes.adjuncts.doer_themes \
                and analysis.holder == "c" and self._head_whom(analysis) == "p":
            # the rules' own check of a doer theme, for the model's pick: a child's need
            # for a parent to do something ("Ollie needs his dad to take responsibility
            # for him") is not the child's caring, whatever the words learned
            return rule
        return chosen

    @staticmethod
    def _head_whom(analysis: Analysis) -> str:
        """Whom the head of what is needed is about: a parent when a child's need is for a
        parent to do something ("Ollie needs his dad to take responsibility for him").
        (Of a verb only: the head verb's own subject is the holder's or that person's.)"""
        return next((t[2] for t in analysis.tokens if t[3] == 0 and not t[4]), "") \
            if analysis.form == "clause" else ""

    def by_rules(self, analysis: Analysis) -> Suggestion:
        """The theme the terms and acts of themes.yml suggest for a need that is written
        as a need (not as a service, an assessment or an aim)."""
        tokens = analysis.tokens
        holder = analysis.holder  # "" when the need could not be read: no one to check
        head_whom = self._head_whom(analysis)
        weights: dict[str, dict[int, float]] = defaultdict(dict)
        found = []
        of_parent = self.themes.adjuncts.of_parent
        borrowed: set[tuple[str, int, int]] = set()  # matches read by ``of_parent``
        for m in self.matches(tokens):
            depths = [tokens[i][3] for i in range(m.start, m.end)]
            if all(d < 0 for d in depths):
                continue  # in the holder or the need verb, not in what is needed
            about = self.term_about.get((m.theme, m.term), self.about[m.theme])
            whom = tokens[m.start][2] or holder
            if whom == EITHER:
                whom = ""  # a pronoun that could name either: no one to check
            parents = of_parent.get(m.theme)
            if parents and holder == "c" and whom == "p" and about == "any":
                # "his mum's illness" in a child's need: the parent's difficulty
                m = replace(m, theme=parents)
                borrowed.add((m.theme, m.start, m.end))
                about = self.term_about.get((m.theme, m.term), self.about[m.theme])
            if about != "any" and whom and whom != about[0]:
                continue  # a parents' theme, but the words are about a child (or the reverse)
            if m.theme in self.themes.adjuncts.doer_themes and (
                    self._undergone(tokens, m) or (
                        holder == "c" and head_whom == "p" and self._for_someone(tokens, m))):
                # "being looked after", "look after herself", "needs his dad to take
                # responsibility for him": the child is cared for, not caring
                continue
            found.append(m)
        # A word two themes share, said of a parent, is the parents' theme's when one of
        # them is about parents only ("when his mood is dropping", said of Dad, is his
        # mental health; a child's mood is the child's wellbeing): the theme that names
        # whose difficulty it is reads it, not the theme about anyone.
        parents_spans = {(m.start, m.end) for m in found
                         if self.about[m.theme] == "parent" and (
                             tokens[m.start][2] or holder) == "p"}
        found = [m for m in found if not (
            (m.start, m.end) in parents_spans and self.about[m.theme] == "any")]
        acted = self._act_matches(analysis)
        # A verb read as an act (who does what to whom) means that act here: the same
        # word as a bare term of another theme ("paying" as money, "shouts" as a child's
        # behaviour) does not count as well.
        verbs = {m.start for m in acted}
        # A phrase led by that verb ("threatened to kill", "hitting his mum") is the act
        # too: another theme's phrase does not count beside it ("Jayden needs to stop
        # hitting his mum" is his behaviour, not the violence a child sees at home).
        acts_at: dict[int, set[str]] = defaultdict(set)
        for m in acted:
            acts_at[m.start].add(m.theme)
        found = [m for m in found if not (m.start in verbs and (
            m.end - m.start == 1 or m.theme not in acts_at[m.start]))]
        found += acted
        # Longest matches first, an act before a word on the same token: a theme counts
        # the words of "self harm" once, not again for "harm" inside it. Between two
        # terms of one theme on the same words, the one naming the difficulty counts,
        # then the term itself decides, so a run never depends on the hash seed.
        general_terms = self.general
        # A word that frames a topic counts as a frame only when its topic names a
        # theme: "worried about her mum when she is at school" is still a worry.
        topical = any("topic" in tokens[i][4].split(">") for m in found
                      if m.act or m.term not in general_terms
                      for i in range(m.start, m.end))
        paths_of = self._act_topics(tokens, found)
        # A span a theme's strong term matches is strong whichever of the theme's forms
        # is taken for it ("nightmare" and "nightmares").
        strong_spans = {(m.theme, m.start, m.end) for m in found
                        if (m.theme, m.term) in self.strong}
        for m in sorted(found, key=lambda m: (m.start - m.end, not m.act, m.start,
                                              m.term in general_terms, m.term)):
            taken = weights[m.theme]
            if any(i in taken for i in range(m.start, m.end)):
                continue
            # A word everyday needs use ("talk", "feel", "bed") counts for less than a
            # word that names the difficulty ("alcohol", "grooming"); a match counts by
            # its nearest word to the head of its part; a phrase a little more.
            scale = self.scale
            general = scale.general if m.term in self.general else 1.0
            paths = [paths_of[i] for i in range(m.start, m.end)]
            if all(p.split(">")[-1] == "where" for p in paths):
                general = 1.0  # where the holder is to be: "be at school", "get to college"
            depth = min(max(tokens[i][3], 0) for i in range(m.start, m.end))
            # A word in an adjunct (where, when, why, in spite of what) counts by the
            # product of its kinds' weights, outermost to its own: the need's own
            # predicate and object say what must change. A general word there (a place, a
            # person, an everyday thing) is the setting.
            place = max(self._place(p, general < 1, topical) for p in paths)
            # A parent's own difficulty named in a child's need ("stop worrying that her
            # dad will hurt himself when he is low") is what the child's need is about.
            if holder == "c" and self.about[m.theme] == "parent" and not m.act and \
                    (m.theme, m.start, m.end) not in borrowed:
                place *= self.through
            weight = general * place / (1 + scale.depth * depth) * (
                scale.act if m.act else 1 + scale.phrase * (min(m.end - m.start, 3) - 1))
            if (m.theme, m.start, m.end) in strong_spans:
                weight *= scale.strong  # it names the difficulty itself
            taken.update({i: 0.0 for i in range(m.start, m.end)})
            taken[m.start] = weight
        joint = self.themes.adjuncts.joint_theme
        if analysis.joint and joint:
            weights[joint][-1] = self.themes.adjuncts.joint_weight
        relief = self.themes.adjuncts.relief_theme
        if analysis.relief and relief and holder == "c":
            weights[relief][-2] = self.themes.adjuncts.relief_weight
        if not weights:
            return Suggestion(None, "no theme word found: left for the group to place")
        # A theme counts by its strongest word; each further word adds a share of its own
        # weight, so several weak words (a setting, a time) do not outweigh the one word
        # or act that names the difficulty.
        more = self.scale.more
        score = {}
        for theme, w in weights.items():
            values = sorted(w.values(), reverse=True)
            score[theme] = values[0] + more * sum(values[1:])
        ranked = sorted(score, key=lambda t: (-round(score[t], 6), self.order[t]))
        best = ranked[0]

        def said(theme_id: str) -> str:
            mine = [m for m in found if m.theme == theme_id and m.start in weights[theme_id]]
            outer = [m for m in mine if not any(
                o is not m and o.start <= m.start and m.end <= o.end
                and o.end - o.start > m.end - m.start for o in mine)]
            words = list(dict.fromkeys(f"'{m.text}'" for m in outer))
            if -1 in weights[theme_id]:
                words.append("needed by family members together")
            if -2 in weights[theme_id]:
                words.append("someone else to do what the child does now")
            theme = self.themes.get(theme_id)
            return f"matched {', '.join(words)} -> {theme.label if theme else theme_id}"

        reason = said(best)
        if len(ranked) > 1:
            reason += "; also " + "; ".join(said(t) for t in ranked[1:3])
        strong = any((m.theme, m.start, m.end) in strong_spans and m.start in weights[best]
                     for m in found if m.theme == best)
        return Suggestion(best, reason, ranked[1:], [m for m in found if m.theme == best],
                          {t: round(score[t], 3) for t in ranked}, strong)

    @staticmethod
    def _undergone(tokens: Tokens, m: Match) -> bool:
        """Whether a matched verb phrase is said in the passive ("being looked after", "be
        cared for": a form of "be" or "get" before a participle) or with the holder as
        its object ("look after herself"): done to the holder, not by them."""
        first = tokens[m.start][0].lower()
        passive = m.start > 0 and tokens[m.start - 1][1] in ("be", "get") and \
            first.endswith(("ed", "en"))
        reflexive = m.end < len(tokens) and tokens[m.end][0].lower() in REFLEXIVE
        return passive or reflexive

    @staticmethod
    def _for_someone(tokens: Tokens, m: Match) -> bool:
        """Whether a matched phrase is done for a person named by a pronoun ("take
        responsibility for him", "do the cooking for her"): with a parent doing it in a
        child's need, the child is the one cared for."""
        after = [t[0].lower() for t in tokens[m.end:m.end + 2]]
        return len(after) == 2 and after[0] == "for" and after[1] in (
            "him", "her", "them", "me", "us")

    def _act_topics(self, tokens: Tokens, found: Sequence[Match]) -> list[str]:
        """Each token's place, where an act on someone frames a topic ("stop teasing Child
        1 about his weight", "stop shouting at Mum about money"): the act is what must
        change, so it is no frame, and what the act is about is background (the
        ``subject`` kind), as the topic of any speech act against a person is: the
        weight is not the problem, the teasing is. A topic framed by a feeling or a
        knowing ("worry that...") keeps its place, and so does what a light verb is said
        of ("letting the older boys use her flat": the letting is no act against them)."""
        paths = [t[4] for t in tokens]
        light = self.themes.adjuncts.light_verbs
        frames = sorted({m.start for m in found
                         if m.act and "frame" in tokens[m.start][4].split(">")
                         and tokens[m.start][1] not in light})
        for start in frames:
            paths[start] = ">".join(k for k in paths[start].split(">") if k != "frame")
            for i in range(start + 1, len(tokens)):
                kinds = tokens[i][4].split(">")
                if "frame" in kinds:
                    break  # the next frame's topic is its own
                if "topic" in kinds:
                    paths[i] = ">".join("subject" if k == "topic" else k for k in kinds)
        return paths

    def _stems(self, word: str) -> list[str]:
        """The forms a word may come from by one of themes.yml's endings ("hitting":
        "hit"; "shouting": "shout"), for a verb the tagger read as a noun."""
        out = []
        for ending in self.themes.endings:
            base = word[:-len(ending)]
            if word.endswith(ending) and len(base) > 1:
                out += [base, base + "e"]
                if len(base) > 2 and base[-1] == base[-2]:
                    out.append(base[:-1])
        return out

    def _place(self, path: str, general: bool, topical: bool = True) -> float:
        """The weight of a place in the need: 1 in what must change; else the product of
        the weights of the adjuncts it sits in, a general word in a setting kind counting
        the setting's share instead. A frame whose topic names nothing counts in full."""
        weight = 1.0
        for kind in path.split(">") if path else ():
            if kind in ("frame", "feeling", "light") and not topical:
                continue
            weight *= self.setting.get(kind, self.part_weight.get(kind, 1.0)) if general \
                else self.part_weight.get(kind, 1.0)
        return weight

    def _act_matches(self, analysis: Analysis) -> list[Match]:
        """The themes whose act rules fit who does what to whom in the need."""
        roles = {"p": "parent", "c": "child", "o": "other", "P": "parent's",
                 "C": "child's", "w": "witnessed"}
        found = []
        for index, by, on in analysis.acts:
            if index >= len(analysis.tokens):
                continue
            text, lemma = analysis.tokens[index][0], analysis.tokens[index][1]
            rules = self._acts.get(lemma) or next(
                (self._acts[s] for s in self._stems(text.lower()) if s in self._acts), ())
            for theme, rule in rules:
                if roles.get(by) in rule.by and roles.get(on) in rule.to:
                    found.append(Match(theme, index, index + 1, f"{lemma}: {rule.says}",
                                       f"{text} ({rule.says})", act=True))
        return found

    def _unplaced(self, analysis: Analysis, kinds: Sequence[str]) -> Suggestion | None:
        """No theme for a need worded as a service, an assessment or an aim: the group is
        asked for the need behind it (the reason says which, in themes.yml's words)."""
        category = analysis.category if analysis.category in FAULTS and not analysis.negated \
            else next((k for k in UNPLACED_KINDS if k in kinds), None)
        if category is None and analysis.form != "clause":
            # A noun phrase that names a listed service ("needs anger management"); a
            # clause that mentions one ("needs to understand what happens at CAMHS") is
            # left to the reader.
            service = self.names_service([t for t in analysis.tokens if t[3] >= 0]
                                         if analysis.form else analysis.tokens)
            if service:
                category = "service"
        if category is None:
            return None
        what = analysis.what or " ".join(t[0] for t in analysis.tokens if t[3] >= 0) or \
            " ".join(t[0] for t in analysis.tokens)
        template = self.themes.unplaced.get(category, self.themes.unplaced["service"])
        return Suggestion(None, template.format(what=what.strip()))

    def prepare(self, analyses: Sequence[Analysis]) -> None:
        """Ready the learned reading for many needs at once (their meaning vectors are
        encoded in one batch, not one need at a time)."""
        if self.learned is not None:
            self.learned.prepare(analyses)

    def suggest(self, texts: Sequence[str], kinds: Sequence[Sequence[str]] | None = None
                ) -> list[Suggestion]:
        analyses = self.analyzer.read(texts)
        self.prepare(analyses)
        return [self.suggest_analysis(a, kinds[n] if kinds else None)
                for n, a in enumerate(analyses)]

    def names_service(self, tokens: Sequence[Sequence[Any]]) -> str | None:
        """The service word a need is worded as ('needs a parenting course'), if any."""
        lower = [t[0].lower() for t in tokens]
        lemma = [t[1] for t in tokens]
        for i in range(len(tokens)):
            for key in dict.fromkeys((lower[i], lemma[i])):  # in order: same result each run
                for words in self._service_index.get(key, ()):
                    if i + len(words) <= len(tokens) and all(
                            w in (lower[i + j], lemma[i + j]) for j, w in enumerate(words)):
                        return " ".join(t[0] for t in tokens[i:i + len(words)])
        return None


#: Where a quoted phrase cut short inside shorthand ends: a clause or sentence break.
_PHRASE_END = re.compile(r"[.,;:!?()]|\s(?:to|so|because|and|or|but|when|if|with)\s")


def _as_written(expanded: str, spans: Sequence[Expansion], start: int, end: int) -> str:
    """The words at ``expanded[start:end]`` as the worker wrote them, with shorthand
    ("a LAC review", not "a child in care"): the reason quotes the need to the group in
    its own words. The parse of spelled-out shorthand can cut a phrase inside it ("needs
    a child in care review" read as "a child"); the quote then takes the whole shorthand
    and runs on to the end of the written phrase."""
    if not spans:
        return expanded[start:end]
    written = expanded
    for span in reversed(spans):  # the text as written: each spelled-out part put back
        written = written[:span.start] + span.short + written[span.end:]

    def placed(offset: int, at_end: bool) -> tuple[int, bool]:
        shift = 0
        for span in spans:
            if offset <= span.start or (at_end and offset == span.start):
                break
            if offset >= span.end:
                shift += (span.end - span.start) - len(span.short)
                continue
            # inside the spelled-out words: the whole shorthand
            return span.start - shift + (len(span.short) if at_end else 0), True
        return offset - shift, False

    first, _ = placed(start, False)
    last, cut = placed(end, True)
    if cut:
        stop = _PHRASE_END.search(written, last)
        last = stop.start() if stop is not None else len(written)
    return written[first:last].strip()


def coach_kinds(coach: Any, texts: Sequence[str]) -> dict[str, list[str]]:
    """The kinds the wording coach flags on each distinct wording ('service', 'universal'...)."""
    distinct = list(dict.fromkeys(texts))
    return {text: list(report.kinds)
            for text, report in zip(distinct, coach.check_many(distinct, notes=False),
                                    strict=True)}


def suggest_sample(audit: AuditStore, sample_id: int, suggester: Suggester,
                   coach: Any = None) -> dict[str, int]:
    """Analyse needs not yet analysed (or analysed by an older version), then (re)suggest a
    theme for every need; store both.

    Suggestions are recomputed from the stored analyses each time, so an edited themes.yml
    takes effect without running spaCy again. With a wording ``coach``, the kinds it flags
    (a need worded as a service, a universal aim...) are stored too: such a need gets no
    theme, and the report lists them.
    """
    rows = audit.needs(sample_id)
    todo = [r for r in rows if not is_current(r["tokens"])]
    unread = [r for r in rows if r["kinds"] is None] if coach is not None else []
    if unread:  # one parse of each wording serves the coach and the analysis
        analysed, kinds = suggester.analyzer.read_with_coach(
            [r["wording"] for r in todo], coach, [r["wording"] for r in unread])
    else:
        analysed, kinds = suggester.analyzer.read([r["wording"] for r in todo]), {}
    for row, analysis in zip(todo, analysed, strict=True):
        row["tokens"] = analysis.encode()
    for row in unread:
        row["kinds"] = kinds[row["wording"]]
    out = []
    counts: Counter[str] = Counter()
    seen: dict[tuple[str, str], Suggestion] = {}  # the same words, the same suggestion
    decoded = {stored: decode(stored) for stored in dict.fromkeys(r["tokens"] for r in rows)}
    suggester.prepare(list(decoded.values()))
    for row in rows:
        key = (row["tokens"], json.dumps(row["kinds"]))
        s = seen.get(key)
        if s is None:
            s = seen[key] = suggester.suggest_analysis(decoded[row["tokens"]], row["kinds"])
        counts[s.theme or ""] += 1
        out.append({"id": row["id"], "tokens": row["tokens"], "theme": s.theme,
                    "reason": s.reason, "alternatives": s.alternatives, "kinds": row["kinds"]})
    audit.save_analyses(out)
    return {"needs": len(rows), "analysed": len(todo), "unmatched": counts[""],
            "coached": len(unread) if coach is not None else 0}


def load_coach(content: Content, pipeline: str | None = None) -> Any:
    """The wording coach, or None if it cannot be built (the report then says less)."""
    try:
        from assistant.wording import Coach

        return Coach(content, pipeline).load()
    except Exception:  # the coach is optional here: a broken one must not stop the audit
        return None




def to_discuss(need: dict[str, Any]) -> bool:
    """True for a need with no theme because it is worded as a service, an assessment, an
    aim or too vaguely: the group discusses what need stands behind it."""
    if need.get("theme") or need.get("group_id") is not None:
        return False
    if set(need.get("kinds") or ()) & set(UNPLACED_KINDS):
        return True
    if not need.get("tokens"):
        return False
    analysis = decode(need["tokens"])
    return analysis.category in FAULTS and not analysis.negated
