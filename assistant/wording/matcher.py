"""Compile the rules into one spaCy Matcher per stage and turn matches into findings.

Why one Matcher per stage, compiled once: the per-statement cost must stay a small
fraction of the pipeline's own, so a check is one Matcher call plus a little Python for
the few spans that match.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Container
from dataclasses import dataclass, field
from typing import Any

from assistant.content import ContentError
from assistant.wording import context
from assistant.wording.context import span_of
from assistant.wording.morphology import gerund, verb_lemma
from assistant.wording.pipeline import SPACY_LOCK
from assistant.wording.report import CONTEXT_FLAGS, Finding, Later, Report
from assistant.wording.rules import Rule, RuleSet, needs_parse, reads_structure
from assistant.wording.structure import StructureReader, _doc_text
from assistant.wording.structure.readings import NeedReading, _np_text, _rows
from assistant.wording.suggest import (
    Library,
    fill,
    names_a_person,
    pronoun_for_other,
    service_term,
    term_of,
)
from assistant.wordlists import MatchingWords

# Kinds whose findings get the library's specific rewrites (needs the worker can rebuild).
NEED_KINDS = frozenset({"universal", "service", "assessment", "vague", "no-holder",
                        "compound"})


@dataclass
class StageMatcher:
    """The compiled patterns of one stage's rules.

    Why several matchers: the Matcher's cost grows with the number of patterns it tries at
    every token. Most patterns require some word ("referred", "potential"...), so patterns
    are grouped by such a word list and a group runs only on statements that contain one
    of its words; patterns with no required word run always.
    """

    always: list[Any]  # one matcher per rule (and its "unless"), for patterns with no gate
    gated: list[tuple[frozenset[int], Any]]
    rules: list[Rule]
    keys: dict[int, tuple[int, bool]] = field(default_factory=dict)  # id -> (rule, unless)
    active: list[bool] = field(default_factory=list)
    structure: dict[str, int] = field(default_factory=dict)  # kind -> structure rule
    # Indices of the active "absent" rules: with the matched rules, all a report reads.
    absent: frozenset[int] = frozenset()
    # id(matcher) -> what each of its patterns needs in a statement (see ``_requires``)
    requires: dict[int, list[Needs]] = field(default_factory=dict)
    _by_word: dict[int, list[int]] | None = None  # word id -> the gated groups it opens
    # (matcher, what its patterns need), for the matchers run always and the gated ones
    _always: list[tuple[Any, list[Needs]]] = field(default_factory=list)
    _gated: list[tuple[Any, list[Needs]]] = field(default_factory=list)
    # rule index -> the matcher of that rule's "unless" patterns
    unless: dict[int, Any] = field(default_factory=dict)

    def __call__(self, doc: Any) -> list[tuple[int, int, int]]:
        if self._by_word is None:
            by_word: dict[int, list[int]] = {}
            for n, (gate, _) in enumerate(self.gated):
                for word in gate:
                    by_word.setdefault(word, []).append(n)
            self._always = [(m, self.requires[id(m)]) for m in self.always]
            self._gated = [(m, self.requires[id(m)]) for _, m in self.gated]
            self._by_word = by_word
        words = Words(doc.vocab.strings, _rows(doc))
        possible = words.possible
        matches: list[tuple[int, int, int]] = []
        for matcher, needs in self._always:
            if possible(needs):
                matches.extend(matcher(doc))
        by_word = self._by_word
        gate_words = by_word.keys() & words.sets[0]  # the statement's gate words only
        if gate_words:
            opened: set[int] = set()
            for word in gate_words:
                opened.update(by_word[word])
            gated = self._gated
            for n in sorted(opened):
                matcher, needs = gated[n]
                if possible(needs):
                    matches.extend(matcher(doc))
        # A rule's "unless" only vetoes a finding it would give, so it is tried only for
        # the rules that matched and those that flag what is absent. Why: most statements
        # match no rule, and an "unless" ("from 6 to 8") is often a common shape.
        keys, unless = self.keys, self.unless
        for index in sorted(self.absent.union(keys[m][0] for m, _, _ in matches)):
            matcher = unless.get(index)
            if matcher is not None and possible(self.requires[id(matcher)]):
                matches.extend(matcher(doc))
        return matches


# A test on one token: (column, value) where the column is one of the ``_rows`` columns
# below and the value a frozenset of ids (one of them), an int (that one), or a Regex (a
# string the expression finds).
LOWER_COL, ORTH_COL, START_COL, NUMBER_COL, DEP_COL, TAG_COL = range(6)
Test = tuple[int, Any]


class Regex:
    """A pattern's regular expression with what it said of each word already tried (by
    string id): statements share most of their words."""

    __slots__ = ("expression", "seen")

    def __init__(self, expression: str) -> None:
        self.expression = re.compile(expression)
        self.seen: dict[int, bool] = {}

    def finds(self, strings: Any, word: int) -> bool:
        found = self.seen.get(word)
        if found is None:
            if len(self.seen) > 100_000:
                self.seen.clear()
            found = self.seen[word] = self.expression.search(strings[word]) is not None
        return found


@dataclass(frozen=True)
class Needs:
    """What one pattern needs of a statement: ``words``, for some of its tokens the
    lower-case (column 0) or written (1) words one of which must be in the statement, and
    ``tokens``, the tests of each token it cannot skip, which must pass on tokens in that
    order (``in_order`` runs them: see :func:`_in_order`)."""

    words: tuple[tuple[int, frozenset[int]], ...]
    tokens: tuple[tuple[Test, ...], ...]
    in_order: Any = field(default=None, compare=False, repr=False)


class Words:
    """One statement's tokens as ``to_array`` rows, and its distinct lower-case and
    written words, to tell which patterns cannot match it."""

    __slots__ = ("rows", "sets", "strings")

    def __init__(self, strings: Any, rows: list[list[int]]) -> None:
        self.strings = strings
        self.rows = rows
        self.sets = ({r[LOWER_COL] for r in rows}, {r[ORTH_COL] for r in rows})

    def possible(self, patterns: list[Needs]) -> bool:
        """False only when no pattern of a matcher can match. Why: a Matcher call costs
        more than the rest of a check, and most statements lack what most patterns need."""
        sets = self.sets
        for needs in patterns:
            for column, value in needs.words:
                if value.isdisjoint(sets[column]):
                    break
            else:
                if not needs.tokens or needs.in_order(self.rows, self.strings):
                    return True
        return False


Finder = Callable[[list[list[int]], int, Any], int]


def _in_order(tokens: tuple[tuple[Test, ...], ...]) -> Callable[[list[list[int]], Any], bool]:
    """A test of a statement's rows: True when tokens passing each group of ``tokens``
    follow one another in order (the earliest token that passes is as good as any for the
    rest). Why made once per pattern: it runs on most statements, and a loop made for its
    own tests costs a third of one that reads them."""
    finders = [_finder(tests) for tests in tokens]

    def in_order(rows: list[list[int]], strings: Any) -> bool:
        at = 0
        for find in finders:
            at = find(rows, at, strings) + 1
            if not at:
                return False
        return True

    return in_order


def _finder(tests: tuple[Test, ...]) -> Finder:
    """The first row from ``at`` on where every test passes, else -1.

    Why several shapes: it runs on most statements, token by token, so the common tests
    (one or two word or flag tests, one regular expression) each get a loop of their own
    with nothing in it but the test."""
    sets = [(column, value if value.__class__ is frozenset else frozenset({value}))
            for column, value in tests if value.__class__ in (frozenset, int)]
    if len(sets) == len(tests) == 1:
        column, words = sets[0]

        def find_word(rows: list[list[int]], at: int, strings: Any) -> int:
            for i in range(at, len(rows)):
                if rows[i][column] in words:
                    return i
            return -1

        return find_word
    if len(sets) == len(tests) == 2:
        (first, these), (second, those) = sets

        def find_both(rows: list[list[int]], at: int, strings: Any) -> int:
            for i in range(at, len(rows)):
                row = rows[i]
                if row[first] in these and row[second] in those:
                    return i
            return -1

        return find_both
    if len(tests) == 1:
        column, regex = tests[0]
        seen, finds = regex.seen, regex.finds

        def find_pattern(rows: list[list[int]], at: int, strings: Any) -> int:
            for i in range(at, len(rows)):
                word = rows[i][column]
                found = seen.get(word)
                if found is None:
                    found = finds(strings, word)
                if found:
                    return i
            return -1

        return find_pattern

    def find(rows: list[list[int]], at: int, strings: Any) -> int:
        for i in range(at, len(rows)):
            row = rows[i]
            for column, value in tests:
                cell = row[column]
                if value.__class__ is frozenset:
                    if cell not in value:
                        break
                elif value.__class__ is int:
                    if cell != value:
                        break
                elif not value.finds(strings, cell):
                    break
            else:
                return i
        return -1

    return find


_COLUMNS = {"LOWER": LOWER_COL, "ORTH": ORTH_COL, "TEXT": ORTH_COL, "DEP": DEP_COL,
            "TAG": TAG_COL}


def _requires(pattern: list[dict[str, Any]], strings: Any) -> Needs:
    """What a statement must have for ``pattern`` to match: for each token the pattern
    cannot skip, the tests it makes that are read here (words, dependency labels and tags,
    as string ids; regular expressions, as ``re.search``; the sentence start and number
    flags), read the way the Matcher reads the token. A test not read here is left out, so
    this errs towards running the Matcher."""
    tokens: list[tuple[Test, ...]] = []
    words: list[tuple[int, frozenset[int]]] = []
    for token in pattern:
        if token.get("OP", "1") not in ("1", "+"):
            continue
        tests: list[Test] = []
        for key, value in token.items():
            name = str(key).upper()
            if name in ("IS_SENT_START", "SENT_START") and value is True:
                tests.append((START_COL, 1))
            elif name == "LIKE_NUM" and isinstance(value, bool):
                tests.append((NUMBER_COL, int(value)))
            elif name in _COLUMNS:
                column = _COLUMNS[name]
                if isinstance(value, dict) and len(value) == 1 and "IN" in value \
                        and all(isinstance(v, str) for v in value["IN"]):
                    tests.append((column, frozenset(strings.add(v) for v in value["IN"])))
                elif isinstance(value, str):
                    tests.append((column, frozenset({strings.add(value)})))
                elif column in (LOWER_COL, ORTH_COL) and isinstance(value, dict) \
                        and len(value) == 1 and isinstance(value.get("REGEX"), str):
                    tests.append((column, Regex(value["REGEX"])))
        if tests:
            tokens.append(tuple(tests))
            sets = [(c, v) for c, v in tests if c in (LOWER_COL, ORTH_COL)
                    and isinstance(v, frozenset)]
            if sets:
                words.append(min(sets, key=lambda t: len(t[1])))
    words.sort(key=lambda t: len(t[1]))  # the rarest first
    if len(tokens) == 1 and len(tokens[0]) == 1 and len(words) == 1:
        tokens = []  # one token, one test on its words: ``words`` says it all
    return Needs(tuple(words), tuple(tokens), _in_order(tuple(tokens)) if tokens else None)


def _gate(pattern: list[dict[str, Any]], common: frozenset[str]) -> frozenset[str] | None:
    """The most selective word list a pattern requires (a token it cannot skip).

    ``common`` are words in most statements (framework/words/matching.yml): a gate on them
    would let nearly every statement through, so such a pattern runs always.
    """
    best: frozenset[str] | None = None
    for token in pattern:
        if token.get("OP", "1") not in ("1", "+"):
            continue
        value = token.get("LOWER")
        words = frozenset([value]) if isinstance(value, str) else (
            frozenset(value["IN"]) if isinstance(value, dict) and set(value) == {"IN"}
            else None)
        if not words:
            continue
        cost = len(words) + (1000 if words & common else 0)
        if best is None or cost < len(best) + (1000 if best & common else 0):
            best = words
    return None if best is None or best & common else best  # common: run always


class Engine:
    """Rules compiled for one loaded pipeline."""

    def __init__(self, nlp: Any, ruleset: RuleSet, library: Library, reduced: bool) -> None:
        from spacy.matcher import Matcher

        self.nlp = nlp
        self.ruleset = ruleset
        self.library = library
        library.read_with(nlp)  # the topic a need names chooses its rewrites' areas
        self.reduced = reduced
        self.english = library.english  # the word lists of the library's content
        self.reader = StructureReader(ruleset.lexicons, self.english.time,
                                      self.english.content)
        self.reader.language_verbs = getattr(nlp, "verbs", frozenset())
        # every word the rules' word classes hold: a statement's first word among them is
        # an ordinary word, capitalised only by its place (see ``_mid_sentence``)
        self.lexicon_words = frozenset(word for words in ruleset.lexicons.values()
                                       for entry in words for word in entry.lower().split())
        self.stages: dict[str, StageMatcher] = {}
        strings = nlp.vocab.strings
        for stage in ("need", "seriousness", "outcome", "work"):
            rules = ruleset.for_stage(stage)
            groups: dict[frozenset[str] | str, Any] = {}
            compiled = StageMatcher([], [], rules)
            for index, rule in enumerate(rules):
                if reads_structure(rule):  # judged by the reader, on a parse only
                    compiled.active.append(not reduced)
                    compiled.structure[rule.kind] = index
                    continue
                usable = 0
                patterns_of, unless_of = ruleset.resolved[rule.id]
                for unless, patterns in ((False, patterns_of), (True, unless_of)):
                    kept = [p for p in patterns if not (reduced and needs_parse(p))]
                    if not kept:
                        continue
                    usable += 0 if unless else len(kept)
                    key = f"{rule.id}{'!unless' if unless else ''}"
                    for pattern in kept:
                        gate = _gate(pattern, self.english.matching.common)
                        # Patterns with no gate: one matcher per key, so each runs only on
                        # statements it may match (see ``Words.possible``). A rule's
                        # "unless" patterns: a matcher of their own, run only when the rule
                        # can give a finding (see ``StageMatcher.__call__``).
                        if unless:
                            matcher = compiled.unless.setdefault(
                                index, Matcher(nlp.vocab, validate=True))
                        else:
                            group = gate if gate is not None else key
                            matcher = groups.setdefault(group,
                                                        Matcher(nlp.vocab, validate=True))
                        try:
                            matcher.add(key, [pattern], greedy="LONGEST")
                        except (ValueError, re.error) as exc:
                            raise ContentError(ruleset.source[rule.id], f"bad pattern: {exc}",
                                               ruleset.line_of(rule.id),
                                               field=f"rule {rule.id}") from None
                        compiled.requires.setdefault(id(matcher), []).append(
                            _requires(pattern, strings))
                    compiled.keys[strings.add(key)] = (index, unless)
                compiled.active.append(usable > 0)
            compiled.absent = frozenset(
                index for index, rule in enumerate(rules)
                if rule.mode == "absent" and compiled.active[index])
            compiled.always = [m for group, m in groups.items() if isinstance(group, str)]
            compiled.gated = [(frozenset(strings.add(w) for w in gate), matcher)
                              for gate, matcher in groups.items() if isinstance(gate, frozenset)]
            self.stages[stage] = compiled

    def skipped(self) -> list[str]:
        """Rules that cannot run on this pipeline (they need tags or a parse)."""
        return [rule.id for compiled in self.stages.values()
                for rule, on in zip(compiled.rules, compiled.active, strict=True) if not on]

    def report(self, doc: Any, stage: str, holder: str | None = None,
               family: Any = None, text: str | None = None) -> Report:
        """The findings on ``doc``; ``text``, when the caller has it, is ``doc.text``
        (which spaCy rebuilds from the tokens on every access)."""
        compiled = self.stages[stage]
        text = _doc_text(doc, text)  # kept for the structure reader too
        out = Report(text=text, stage=stage, holder=holder)
        if not text.strip():
            return out
        spans: dict[int, list[tuple[int, int]]] = {}
        vetoed: set[int] = set()
        for match_id, start, end in compiled(doc):
            index, unless = compiled.keys[match_id]
            if unless:
                vetoed.add(index)
            else:
                spans.setdefault(index, []).append((start, end))
        candidates: list[tuple[Rule, Any]] = []
        reasons: dict[int, str] = {}
        rules = compiled.rules
        # Only the rules that matched and the "absent" ones can give a finding; in rule
        # order, as the findings on the same words are kept in that order.
        for index in sorted(compiled.absent.union(spans)):
            rule = rules[index]
            if index in vetoed or not compiled.active[index] or rule.mode == "structure":
                continue
            if holder and rule.id == "no-holder-impersonal":
                # "needs to ..." with no one named: whose need it is was given (the
                # interview's person, --holder). "Support is needed" still makes a
                # service the one with the need.
                continue
            if rule.mode == "absent":
                if index not in spans:
                    candidates.append((rule, None))
            elif index in spans:
                for start, end in spans[index]:
                    if rule.ends_clause and not _ends_clause(doc, end,
                                                             self.english.matching):
                        continue
                    candidates.append((rule, span_of(doc, start, end)))
        # the structure's reading of a need, by the id of the span it flags: who holds
        # the need, and whether the line's subject is a professional at work
        readings: dict[int, NeedReading] = {}
        owner: str | None = None  # who a work item names as doing it, as written
        if compiled.structure and not self.reduced:
            owner = self._structure(doc, stage, compiled, candidates, reasons, readings)
        if not candidates:
            return out
        candidates = _resolve(candidates)
        parsed = not self.reduced
        # A statement the no-date rule lets pass gives its date: a finding's questions do
        # not ask "By when?" of it (``Rule.date_questions``).
        dated = not any(rule.kind == "no-date" for rule, _ in candidates)
        for rule, span in candidates:
            reason = reasons.get(id(span), "") if span is not None else ""
            finding, inferred = self._finding(doc, text, rule, span, holder, parsed, reason,
                                              family, reading=readings.get(id(span)),
                                              owner=owner, dated=dated)
            out.findings.append(finding)
            out.holder = out.holder or inferred
        out.findings.sort(key=lambda f: (f.start, f.end))
        return out

    def _structure(self, doc: Any, stage: str, compiled: StageMatcher,
                   candidates: list[tuple[Rule, Any]], reasons: dict[int, str],
                   readings: dict[int, NeedReading]) -> str | None:
        """Add what the structure reader judges a fault and no word rule flagged; for a
        work item, return who it names as doing it (the findings' holder), else None.

        Why: word rules catch the services and aims someone listed; the reader catches the
        same fault by its shape (a service-headed phrase, a process verb, an aim), so a
        service or aim missing from every list is still flagged.
        """
        if stage == "outcome":
            # a date the date reader reads (assistant/dates.py: "over the next six weeks",
            # "in six weeks' time", "by Whitsun") is a date, whatever the no-date rule's
            # own word lists say: the coach reads dates one way
            if self.reader.read_target(doc) is not None:
                candidates[:] = [(r, s) for r, s in candidates
                                 if not (r.kind == "no-date" and r.mode == "absent")]
            # a word rule that stopped on a modifier read half a noun ("will take part in a
            # class | assembly"): the parse says what is taken part in
            candidates[:] = [(r, s) for r, s in candidates if not (
                s is not None and r.kind == "service" and (
                    self.reader.half_noun(s) or self.reader.laid(s)))]
            for outcome in self.reader.read_outcomes(doc):  # a service, and its purpose
                index = compiled.structure.get(outcome.category)
                if index is None:
                    continue
                kind = compiled.rules[index].kind
                if any(rule.kind == kind for rule, _ in candidates):
                    continue  # a word rule already says it
                span = span_of(doc, outcome.span.start, outcome.span.end)
                candidates.append((compiled.rules[index], span))
                reasons[id(span)] = outcome.reason
            return None
        if stage == "work":
            return self._structure_work(doc, compiled, candidates, reasons)
        if stage == "seriousness":
            serious = self.reader.read_seriousness(doc)
            index = None if serious is None else compiled.structure.get(serious.kind)
            if serious is not None and index is not None:
                span = span_of(doc, serious.span.start, serious.span.end)
                candidates.append((compiled.rules[index], span))
                reasons[id(span)] = serious.reason
            return None
        if stage != "need":
            return None
        # a service word rule that matched only a modifier of an aim ("needs placement |
        # stability") is the reader's to judge
        candidates[:] = [(r, s) for r, s in candidates if not (
            s is not None and r.kind == "service" and self.reader.modifies_aim(s))]
        # a need word in a clause saying when another need applies ("... when he needs
        # support") is a condition, as the reader reads it, not a need to question
        candidates[:] = [(r, s) for r, s in candidates
                         if s is None or not self.reader.conditional_need(s)]
        covered = {i for rule, other in candidates
                   if other is not None and rule.kind in STRUCTURE_KINDS
                   for i in range(other.start, other.end)}
        for reading in self.reader.read_needs(doc, covered):
            index = compiled.structure.get(reading.category)
            if index is None or reading.span is None:
                continue
            span = span_of(doc, reading.span.start, reading.span.end)
            kind = compiled.rules[index].kind
            if any(rule.kind in STRUCTURE_KINDS and _overlaps(span, other) and (
                    not reading.purpose or rule.kind == kind)
                   for rule, other in candidates):
                continue  # a word rule already says it (with its own words)
            candidates.append((compiled.rules[index], span))
            reasons[id(span)] = reading.reason
            readings[id(span)] = reading
        return None

    def add_learned(self, doc: Any, report: Report, kind: str, reading: NeedReading | None,
                    holder: str | None = None, family: Any = None) -> None:
        """Add to a need ``report`` the ``kind`` the learned reading found where the rules
        read the statement as specific (``wording.learned``), said as the structure rule
        of that kind says it (its message, questions and rewrites), on what is needed
        (the whole statement when the reader read no need); its ``why`` says the kind was
        read by meaning."""
        from assistant.wording import learned

        compiled = self.stages["need"]
        index = compiled.structure.get(kind)
        if index is None:
            return  # no structure rule of that kind in this content: nothing to say it with
        rule = compiled.rules[index]
        part = reading.span if reading is not None else None
        if part is not None:
            span = span_of(doc, part.start, part.end)
        else:
            end = len(doc)
            while end > 1 and doc[end - 1].is_punct:
                end -= 1
            span = span_of(doc, 0, end)
        what = reading.what_part if reading is not None else None
        said = learned.reason(kind, (what or span).text)
        if holder is None and (reading is None or reading.holder is None) and \
                not self.reduced:
            # the reader read no holder ("Ellis should be supported to engage with ..."):
            # the person the statement's main clause is about, as it is written
            holder = self._main_subject(doc)
        finding, inferred = self._finding(doc, report.text, rule, span, holder,
                                          not self.reduced, said, family, reading=reading)
        finding.why = learned.why(kind, rule.why)
        report.findings.append(finding)
        report.findings.sort(key=lambda f: (f.start, f.end))
        report.holder = report.holder or inferred or holder

    def _main_subject(self, doc: Any) -> str | None:
        """The words of the first sentence's subject when it names a person (a name, a
        family role or a child: "Ellis", "Ellis's mum", "The children") before a modal
        ("should", "must", "will"), else None; not a pronoun (whose it is the case
        decides) nor a thing ("Support", "It", "A Meitheal")."""
        root = next(iter(doc.sents)).root
        if not any(c.dep_ == "aux" and c.tag_ == "MD" for c in root.children):
            return None  # only "Ellis should/must/will ...": a fragment's words name no one
        subject = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")
                        and c.i < root.i and not any(
                            d.dep_ == "det" and d.lower_ in ("a", "an")
                            for d in c.children)), None)
        reader = self.reader
        owner = next((c for c in subject.children if c.dep_ == "poss"
                      and c.tag_ in ("NNP", "NNPS")), None) if subject is not None else None
        if owner is not None and not reader._can_act_for(subject):
            subject = owner  # "Ellis's reading should be assessed": asked of Ellis
        if subject is None or subject.tag_ == "PRP" or not (
                subject.tag_ in ("NNP", "NNPS") or reader._can_act_for(subject)) or \
                reader._professional(subject) or reader._acronym(subject):
            return None
        words = [t for t in subject.subtree if t.i <= subject.i]
        return doc[words[0].i:subject.i + 1].text if words else None

    def _structure_work(self, doc: Any, compiled: StageMatcher,
                        candidates: list[tuple[Rule, Any]], reasons: dict[int, str]
                        ) -> str | None:
        """Work items: an action no one could check ("SW to support Jordan") is flagged;
        the owner read from the parse overrides the word list either way ("a trained
        member of staff will run..." has an owner; "transport to be provided" has none).
        Returns the owner as written when the item names one who can act ("Health
        visitor"), for the findings' holder."""
        work = self.reader.read_work(doc)
        if work is None:
            return None
        acting = self.reader.acting_owner(doc, work)
        owner = None if acting is None else str(acting.text).strip()
        index = compiled.structure.get("no-action")
        if work.vague_action and index is not None:
            # the item up to a trailing condition ("... if needed"): the condition says
            # when, and must not make the whole item read as hypothetical
            end = next((t.i for t in doc[work.span.start + 2:work.span.end]
                        if t.dep_ == "mark" and t.lower_ in ("if", "when", "whenever",
                                                              "unless")
                        and t.head.dep_ == "advcl"), work.span.end)
            span = span_of(doc, work.span.start, end)
            candidates.append((compiled.rules[index], span))
            reasons[id(span)] = work.reason
        if not work.owner_known:
            return owner
        flagged = [k for k, (rule, _) in enumerate(candidates) if rule.kind == "no-responsible"]
        if work.owner is not None and flagged:
            del candidates[flagged[0]]
        elif work.owner is None and not flagged:
            rule = next((r for r in compiled.rules if r.kind == "no-responsible"
                         and r.mode == "absent"), None)
            if rule is not None:
                candidates.append((rule, None))
        return owner

    def _owner_of_thing(self, doc: Any, holder: str | None) -> str | None:
        """The person whose thing the holder's words name ("Mum's home conditions need to
        be of a good enough standard": Mum), else ``holder`` as it is: the coach's questions
        are asked of a person ("What would you see Mum doing...?"), never of her home
        conditions. Someone's person stays whole ("Jordan's dad", "Mum's social worker")."""
        if not holder or ("'s" not in holder and "’s" not in holder):
            return holder
        at = doc.text.find(holder)
        span = doc.char_span(at, at + len(holder), alignment_mode="expand") if at >= 0 \
            else None
        if not span:
            return holder
        head = span.root
        owner = next((c for c in head.children if c.dep_ == "poss"), None)
        reader = self.reader
        if owner is None or head.tag_ not in ("NN", "NNS") or reader._person(head) \
                or reader._professional(head) or reader._agent_noun(head):
            return holder
        words = [t for t in owner.subtree if t.dep_ != "case"]
        return doc[words[0].i:words[-1].i + 1].text if words else holder

    def _a_parent(self, holder: str | None, family: Any) -> bool:
        """Whether the holder is a parent or carer: an adult of the case, else by the
        role words ("Mum", "Jordan's dad")."""
        member = family.member(holder) if family is not None and holder else None
        if member is not None:
            return not member.child
        return context.is_parent(holder, self.library.roles)

    def _finding(self, doc: Any, text: str, rule: Rule, span: Any, given: str | None,
                 parsed: bool, reason: str = "", family: Any = None, *,
                 reading: NeedReading | None = None,
                 owner: str | None = None, dated: bool = False) -> tuple[Finding, str | None]:
        if span is None:  # an absent-mode rule covers the whole statement
            stripped = text.rstrip()
            lead = len(stripped) - len(stripped.lstrip())
            start, end, match = lead, len(stripped), stripped.strip()
            flags = dict.fromkeys(CONTEXT_FLAGS, False)
            inferred = context.holder_of(doc, span_of(doc, 0, len(doc)), parsed,
                                         lists=self.english.context)
            term: str | _Term = ""
        else:
            start, end = span.start_char, span.end_char
            match = text[start:end]  # ``span.text`` (which builds every token again)
            flags = context.flags(doc, text, span, parsed, lists=self.english.context)
            if rule.stage == "seriousness":
                # A consequence is conditional by nature, and the "not" of "if this is not
                # met" belongs to the condition, which the reader has already left out.
                flags["hypothetical"] = flags["negated"] = False
            inferred = context.holder_of(doc, span, parsed, lists=self.english.context)
            if reading is not None and reading.form == "recommended":
                # "We would recommend that Ruby attends ...": the plan's own recommendation,
                # not a might-be, and about Ruby, not the writer
                flags["hypothetical"] = False
                inferred = reading.holder_text
            if inferred is None and reading is not None:
                # the words before the finding name no one, but the reader found the
                # holder by the parse ("For Mia to be happy", "Mum to complete ...")
                inferred = reading.holder_text
            if parsed:  # ("Mum's parenting to be assessed": Mum)
                inferred = self._owner_of_thing(doc, inferred)
            if rule.kind == "agency-risk" or (reading is not None and reading.worker):
                # The subject of "the school will prosecute" is the agency, not the person
                # the consequence should be about: the child, unless the worker named them.
                # So is the professional of "Family support workers to visit Tomas": the
                # questions and rewrites are about Tomas, never the workers.
                named = self.reader.child_named(doc) if parsed and not given else None
                member = family.member(named) if named and family is not None else None
                if member is not None and not member.child:
                    named = None  # a name the case knows as an adult is not the child
                inferred = None if given else named or "the child"
            elif rule.stage == "seriousness" and parsed:
                # A risk said in general ("the risk to her is high"): asked of whom the
                # consequence happens to, or the child it names, never of "the risk".
                inferred = None if given else (self.reader.consequence_holder(doc)
                                               or self.reader.child_named(doc)
                                               or "the child")
            # what the finding is about, said when its words are first read (_Wording.term)
            term = _Term(span, rule.mode == "structure", self.english, self.lexicon_words)
        if rule.stage == "work" and owner is not None:
            # A plan line's holder is who it names as doing it ("Health visitor to support
            # Mum": the health visitor), whatever the words before a finding name.
            inferred = owner
        if given and inferred and given.lower() != inferred.lower() \
                and inferred.lower() not in self.english.context.object_pronoun \
                and not (family is not None and family.same_person(given, inferred)) \
                and names_a_person(inferred, self.library.roles, family):
            # "Mum needs ..." asked about Lisa, the case's only mother, is Lisa's own need;
            # "the nursery will exclude her" is about her, not about another person.
            flags["other_person"] = True
        holder = given or inferred
        other, named = pronoun_for_other(inferred, given, family, self.english)
        if other:
            # "She needs a parenting course" asked about Jordan (a boy): someone else's
            # need, said of the one person "she" can be in the case, else of no one by name
            flags["other_person"] = True
            holder = named
        elif flags["other_person"] and family is not None:
            named = family.member(inferred)
            if named is not None and named is not family.member(given):
                # The statement names another of the case's people as its holder ("Shona
                # needs counselling" asked about the baby): questions and rewrites are theirs.
                holder = inferred
        if rule.kind == "universal" and self._a_parent(holder, family):
            for child_words, parent_words in self.english.rewrites.parent_aims.items():
                reason = reason.replace(child_words, parent_words)
        expansion = rule.glossary.get(match, rule.glossary.get(match.upper(), ""))
        safe_reason = reason.replace("{", "{{").replace("}", "}}")
        message = rule.message.replace("{reason}", safe_reason)
        # Built when first read (see ``report.Later``): kinds-only readers never need them.
        # What the need is about is read from this parse when the rewrites are (kept with
        # them, so it is not parsed again): only for a need the library's statements may
        # rebuild.
        parse = doc if parsed and rule.kind in NEED_KINDS and rule.stage == "need" else None
        wording = _Wording(rule, text, holder, term, match, expansion, message, self.library,
                           self.english, family, start, parse, dated)
        return Finding(
            rule=rule.id, kind=rule.kind, severity=rule.severity, start=start, end=end,
            match=match, message=Later(wording.said),  # type: ignore[arg-type]
            why=rule.why.strip(), questions=Later(wording.questions),  # type: ignore[arg-type]
            suggestions=Later(wording.suggestions),  # type: ignore[arg-type]
            context=flags,
        ), inferred


_UNREAD = object()  # a value not read yet (None is a value: no pronouns known)


class _Term:
    """What a finding is about, worked out when its message, questions or rewrites are
    first read, not for every finding of a batch whose kinds alone are read (the
    evaluation, the audit, `check` into a pipe)."""

    __slots__ = ("english", "ordinary", "span", "structure")

    def __init__(self, span: Any, structure: bool, english: Any,
                 ordinary: Container[str]) -> None:
        self.span, self.structure, self.english, self.ordinary = \
            span, structure, english, ordinary

    def said(self) -> str:
        """A structure finding is said by what the parse says is needed; the words it
        covers are read only when that says nothing (each reading walks the rest of the
        sentence). The worker's own quotation marks ("needs “counselling”") are not the
        term's."""
        span = self.span
        term = _what_term(span, self.english) if self.structure else ""
        term = _mid_sentence(term or term_of(span, lists=self.english), span.doc,
                             self.ordinary)
        return term.strip("\"\u201c\u201d\u2018 ")


class _Wording:
    """What a finding's message, questions and suggestions are built from when first read
    (see ``report.Later``).

    Why one object, not a closure for each: a batch holds its reports until the caller
    reads them, and three closures brought a dozen cells, their tuples and functions to
    every finding, which the collector walked again on each pass while the batch was
    held; this is one object. The message and questions read only fixed word lists and
    the case as read (no pipeline), so a screen reading them never waits for a batch
    holding the lock."""

    __slots__ = ("_gender", "_term", "dated", "doc", "english", "expansion", "family",
                 "holder", "library", "match", "message", "rule", "start", "text")

    def __init__(self, rule: Rule, text: str, holder: str | None, term: str | _Term,
                 match: str,
                 expansion: str, message: str, library: Library, english: Any,
                 family: Any, start: int | None = None, doc: Any = None,
                 dated: bool = False) -> None:
        self.rule, self.text, self.holder = rule, text, holder
        self._term = term  # a _Term until first read
        self.match, self.expansion, self.message = match, expansion, message
        self.library, self.english, self.family = library, english, family
        self.start = start  # where the finding starts: its clause names its topic
        # the statement's parse, for the topic its rewrites are chosen by (None: not a
        # need the library rebuilds, or no parse)
        self.doc = doc
        self.dated = dated  # the statement gives its date: no question asks by when
        self._gender: object = _UNREAD  # the holder's pronouns, read when first needed

    @property
    def term(self) -> str:
        if isinstance(self._term, _Term):
            self._term = self._term.said()
        return self._term

    def gender(self) -> str | None:
        if self._gender is _UNREAD:
            self._gender = self.library.holder_gender(self.text, self.holder, self.family)
        return self._gender  # type: ignore[return-value]

    def said(self) -> str:
        return fill(self.message, self.holder, self.library.roles, self.term, self.match,
                    self.expansion, lists=self.english, gender=self.gender())

    def questions(self) -> list[str]:
        his = self.gender()
        return [fill(q, self.holder, self.library.roles, self.term, self.match,
                     self.expansion, lists=self.english, gender=his)
                for q in [*self.rule.questions,
                          *([] if self.dated else self.rule.date_questions)]]

    def suggestions(self) -> list[str]:
        rule, text, holder = self.rule, self.text, self.holder
        with SPACY_LOCK:  # the library's caches are shared, as the pipeline is
            topic = None if self.doc is None else \
                self.library.topic_in(self.doc, holder, self.family, self.start)
            rewrites = [fill(r, holder, self.library.roles, self.term, self.match,
                             self.expansion, lists=self.english) for r in rule.rewrites]
            offered = self.library.suggest(text, holder, rewrites, self.family,
                                           rule.kind in NEED_KINDS and rule.stage == "need",
                                           at=self.start, topic=topic)
        # Not one the answer already says in another sentence ("Lisa needs counselling.
        # She needs to know how to apply for a non-molestation order."), nor one twice.
        answer = " ".join(text.lower().split())
        out: list[str] = []
        for rewrite in offered:
            what = re.split(r" needs? ", rewrite.lower(), maxsplit=1)[-1].rstrip(". ")
            if rewrite not in out and not (
                    len(what) > 12 and " ".join(what.split()) in answer):
                out.append(rewrite)
        return out


# Kinds a structure finding stands in for: a word finding of one of these on the same
# words already says it.
STRUCTURE_KINDS = frozenset({"universal", "service", "assessment"})


def _mid_sentence(term: str, doc: Any, ordinary: Container[str]) -> str:
    """``term`` as it reads inside the coach's question: a statement's first word loses
    the capital only its place gave it ("Referral to CAMHS" -> "what would referral to
    CAMHS change ...?", "A mentor" -> "a mentor"), when it is a determiner or a word of
    the rules' word classes (``ordinary``); a name, shorthand or a word no list holds
    ("Tennick youth project") keeps it."""
    first = doc[0] if len(doc) else None
    if first is None or not term.startswith(first.text) or first.tag_ in ("NNP", "NNPS") \
            or not first.text[:1].isupper() or first.text[1:] != first.text[1:].lower() \
            or (first.tag_ != "DT" and first.lower_ not in ordinary):
        return term
    return term[:1].lower() + term[1:]


def _what_term(span: Any, english: Any) -> str:
    """What a structure finding is about, said from the parse (``suggest.service_term``:
    "needs to attend the X group" -> "attending the X group"); without a parse, the words
    after the need verb. The words left off its front are framework/words/matching.yml's
    ``lead_words``, less "be" before a passive ("being referred to ...")."""
    lead_words = english.matching.lead_words
    words = list(span)
    if len(words) == 1 and words[0].tag_ == "VBN":
        # "Support is needed": the finding is on the need word; what is needed is its
        # subject
        subjects = [c for c in words[0].children if c.dep_ == "nsubjpass"]
        if len(subjects) == 1:
            return _np_text(subjects[0])
    while words and (words[0].lower_ in lead_words - {"a", "an", "the"} or words[0].is_punct) \
            and not (words[0].lower_ == "be" and len(words) > 1 and words[1].tag_ == "VBN"):
        words = words[1:]
    while words and words[0].dep_ == "mark" and words[0].lower_ == "that":
        words = words[1:]  # "(It is recommended) that Leo is offered play therapy"
    while len(words) > 3 and words[0].tag_ == "VB" and words[1].tag_ == "TO" and \
            words[2].tag_ == "VB" and words[2].head.i == words[0].i:
        words = words[2:]  # "Continue to | attend a nurture group": attending it
    # a subject of names or a pronoun ("Leo", "Ms Price", "she"), not a thing's words
    subject = next((w for w in words if w.dep_ in ("nsubj", "nsubjpass")
                    and w.left_edge.i == words[0].i and (w.i == words[0].i or all(
                        t.tag_ in ("NNP", "NNPS", "PRP", "POS") or (
                            t.i == w.i and any(c.dep_ == "poss" for c in w.children))
                        for t in words if t.i <= w.i))), None) if words else None
    if subject is not None and subject.i < subject.head.i < words[-1].i:
        # "a need for Leo to have a mentor" is about "a mentor", not "Leo to have ..."
        words = [w for w in words if w.i >= subject.head.i or (
            w.i > subject.right_edge.i and w.dep_ in ("aux", "auxpass")
            and w.lower_ in ("is", "are", "be") and w.head.i == subject.head.i)]
        verb = words[0] if words else None
        if verb is not None and verb.i == subject.head.i and verb.tag_ in ("VBZ", "VBP") \
                and len(words) > 1 and verb.lower_ not in lead_words:
            # "(recommended that) Ms Price attends a course": "attending a course"
            rest = service_term(words[1:], lists=english) or \
                span.doc[words[1].i:words[-1].i + 1].text
            return f"{gerund(verb_lemma(verb.lower_))} {rest}"
    elif words and words[0].tag_ in ("NNP", "NNPS", "PRP") and \
            words[0].right_edge.i + 1 < len(words[0].doc) and \
            (to := words[0].doc[words[0].right_edge.i + 1]).tag_ == "TO" and \
            to.head.i > to.i and to.head.i <= words[-1].i:
        words = [w for w in words if w.i >= to.head.i]  # "(For) Leo to have a mentor"
    said = service_term(words, lists=english)
    if said:
        return said
    if words and words[0].tag_ == "VBG" and words[0].dep_ == "ROOT":
        return words[0].text  # "Counselling for Mum": the gerund is the service named
    if words and words[0].tag_.startswith("VB") and len(words) > 1:
        words = words[1:]
        while words and words[0].tag_ in ("IN", "RP") and len(words) > 1:
            words = words[1:]
    return span.doc[words[0].i:words[-1].i + 1].text if words else ""


def _ends_clause(doc: Any, end: int, lists: MatchingWords) -> bool:
    """True when token ``end`` starts a new clause, or only a generic place follows (the
    clause ends and the places are framework/words/matching.yml)."""
    clause_end = lists.clause_end
    if end >= len(doc) or doc[end].is_punct or doc[end].lower_ in clause_end:
        return True
    trailing = lists.trailing_words
    ahead = tuple(t.lower_ for t in doc[end:end + max(map(len, trailing))])  # read once
    for words in trailing:
        stop = end + len(words)
        if ahead[:len(words)] == words:
            return stop >= len(doc) or doc[stop].is_punct or doc[stop].lower_ in clause_end
    return False


def _overlaps(a: Any, b: Any) -> bool:
    if a is None or b is None:
        return False
    return a.start < b.end and b.start < a.end


def _resolve(candidates: list[tuple[Rule, Any]]) -> list[tuple[Rule, Any]]:
    """Drop findings another rule suppresses, and overlapping repeats of the same kind."""
    kept: list[tuple[Rule, Any]] = []
    for rule, span in candidates:
        suppressed = any(
            rule.kind in other_rule.suppresses and _overlaps(span, other_span)
            for other_rule, other_span in candidates if other_rule is not rule
        )
        if suppressed:
            continue
        same = [k for k, (r, s) in enumerate(kept) if r.kind == rule.kind and _overlaps(s, span)]
        if same:
            k = same[0]
            other = kept[k][1]
            if len(span) > len(other):
                kept[k] = (rule, span)
            continue
        kept.append((rule, span))
    return kept
