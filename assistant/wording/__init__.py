"""The wording coach: flags universal, service and assessment wording and helps find
specific phrasing, with rules from ``framework/wording`` and rewrites from
``framework/library``.

Importing this package is cheap: spaCy is imported and the pipeline loaded only by
:meth:`Coach.load` (or the first check), once per process, so ``needs-led --help`` and the
TUI's first screen stay fast.

The coach takes the spaCy lock (``pipeline.SPACY_LOCK``) itself around each check, so
callers in worker threads need not.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable, Iterator
from itertools import islice, repeat
from typing import Any

from assistant.content import Content
from assistant.wording.report import Finding, Report

__all__ = ["STAGES", "Coach", "Finding", "Report"]

STAGES = ("need", "seriousness", "outcome", "work")
# The most of one statement the coach reads. A statement is a sentence or two; a huge paste
# is read up to here rather than handed whole to the parser (spaCy refuses texts over its
# max_length, and parsing needs about 1 GB per 100,000 characters).
MAX_CHARS = 20_000
_UNREAD = object()  # a value not read yet (None is a value)


def model_observe(doc: Any, report: Report, reader: Any) -> Any:
    """What the learned reading reads of a statement (``wording.learned.observe``: its
    words only where the model may add a kind), imported when first asked."""
    from assistant.wording.learned import observe

    return observe(doc, report, reader, only_open=True)


class Coach:
    """Rules built from ``content``; the spaCy pipeline loaded lazily and thread-safely."""

    def __init__(self, content: Content, pipeline: str | None = None) -> None:
        from assistant.wording.rules import RuleSet
        from assistant.wording.suggest import Library, Notes

        self.content = content
        self.ruleset = RuleSet.load(self.content)
        self.library = Library(self.content)
        self.notes = Notes.load(self.content)
        self.requested = pipeline
        self._engine: Any = None
        self._lock = threading.Lock()
        self.pipeline_name: str | None = None
        self.notice = ""
        self._need_model: Any = _UNREAD  # the learned reading of need kinds, read when first needed
        self._speller: Any = None  # common misspellings read as meant (assistant.spelling)

    @property
    def speller(self) -> Any:
        """The misspellings of ``framework/words/spelling.yml``, read as meant before a
        statement is parsed (``assistant.spelling.Speller``), loaded when first asked."""
        if self._speller is None:
            from assistant.spelling import Speller

            self._speller = Speller(self.library.english.spelling)
        return self._speller

    @property
    def ready(self) -> bool:
        return self._engine is not None

    @property
    def reduced(self) -> bool:
        """True when running on the blank fallback: rules needing grammar are skipped.

        Reading it never loads the pipeline (a screen may ask before its worker has
        called :meth:`load`); it is False until the pipeline is loaded.
        """
        return bool(self._engine is not None and self._engine.reduced)

    def load(self) -> Coach:
        """Load the pipeline and compile the rules; safe to call again or from a thread."""
        if self._engine is None:
            with self._lock:
                if self._engine is None:
                    from assistant.wording import pipeline
                    from assistant.wording.matcher import Engine

                    loaded = pipeline.load(self.requested,
                                           pipeline.unneeded(self.ruleset.attributes()))
                    self.pipeline_name = loaded.name
                    self.notice = loaded.notice
                    self._engine = Engine(loaded.nlp, self.ruleset, self.library,
                                          loaded.reduced)
        return self

    def skipped_rules(self) -> list[str]:
        """Ids of rules that cannot run on the loaded pipeline."""
        return self.load()._engine.skipped()

    @staticmethod
    def _stage(stage: str) -> str:
        if stage not in STAGES:
            raise ValueError(f"stage must be one of {', '.join(STAGES)}, not {stage!r}")
        return stage

    def check(self, text: str, stage: str = "need", holder: str | None = None,
              case: Any = None) -> Report:
        """Read one statement at ``stage``; loads the pipeline on first use.

        With a ``case`` (an :class:`assistant.model.Case`), rewrites are chosen for the
        holder's role, age and sex and for what the case's people and story show.
        """
        from assistant.spelling import names_of
        from assistant.wording.pipeline import SPACY_LOCK

        engine = self.load()._engine
        stage = self._stage(stage)
        fixed = self.speller.correct(text[:MAX_CHARS], names_of(case, holder))
        with SPACY_LOCK:
            family = self.library.family(case)
            doc = engine.nlp(fixed.text)
            report = self._reports([(doc, fixed.text)], stage, holder, family, True)[0]
        # the findings, sentences and holder are of the worker's words, not the corrected
        return fixed.restore(report)

    def _learned(self) -> Any:
        """The learned reading of need kinds (``wording.learned``) when it is switched on,
        else None; read from its file on the first need checked (under the coach's lock)."""
        if self._need_model is _UNREAD:
            with self._lock:
                if self._need_model is _UNREAD:
                    from assistant.wording.learned import load_need_model, switched_on

                    data = switched_on(self.content)
                    self._need_model = None if data is None else load_need_model(
                        self.content, self._engine.reader.meaning, data)
        return self._need_model

    def _reports(self, pairs: list[tuple[Any, str | None]], stage: str, holder: str | None,
                 family: Any, notes: bool) -> list[Report]:
        """The reports of one batch of parsed statements (each ``(doc, text)``; ``text``
        None when only the document is at hand): the rules' findings, then, at the need
        stage, the kinds the learned reading adds where the rules read a statement as
        specific (its vectors encoded once for the batch), then, with ``notes``, what the
        coach says (:meth:`_noted`). Called under the spaCy lock."""
        engine = self._engine
        model = self._learned() if stage == "need" and not engine.reduced else None
        reports: list[Report] = []
        seen: list[Any] = []
        for doc, text in pairs:
            report = engine.report(doc, stage, holder, family, text)
            if self.library.english.context.is_placeholder(report.text):
                report.findings.clear()  # "TBC", "see above": nothing written to judge
            reports.append(report)
            # read now, while the reader's readings of this document are at hand
            seen.append(None if model is None or report.kinds or not report.text.strip()
                        else model_observe(doc, report, engine.reader))
        if model is not None:
            # only what the model may add to is read by it (its vectors encoded)
            model.prepare(s for s in seen if s is not None and model.may_add(s))
            for (doc, _), report, one in zip(pairs, reports, seen, strict=True):
                found = None if one is None else model.added(one)
                if found is not None:
                    engine.add_learned(doc, report, found[0], one.reading, holder, family)
        if not notes:
            return reports
        return [self._noted(doc, report, family, holder,
                            reading=_UNREAD if one is None else one.reading)
                for (doc, _), report, one in zip(pairs, reports, seen, strict=True)]

    def _noted(self, doc: Any, report: Report, family: Any,
               given: str | None = None, reading: Any = _UNREAD) -> Report:
        """The report with what the coach says when it flags nothing (see prompts/coach.yml).
        ``reading``: the need reader's main reading of ``doc`` when it is read already
        (``_UNREAD``: not read)."""
        if not report.text.strip():
            return report
        read, reading = reading, None
        if not report.kinds:
            if report.stage == "need" and not self._engine.reduced:
                reading = self._engine.reader.read_need(doc) if read is _UNREAD else read
            if report.holder is None and report.stage == "seriousness" and \
                    not self._engine.reduced:
                report.holder = self._engine.reader.consequence_holder(doc)
            elif report.holder is None:
                from assistant.wording import context

                if report.stage == "work" and not self._engine.reduced:
                    report.holder = self._work_owner(doc)  # the plan line's owner
                report.holder = report.holder or (
                    reading.holder_text if reading is not None else None) or \
                    context.holder_of(doc, context.span_of(doc, 0, len(doc)),
                                      not self._engine.reduced,
                                      lists=self.library.english.context)
        self.notes.annotate(report, self.library.roles, family, reading,
                            lists=self.library.english)
        if not self._engine.reduced and len(doc) > 2:
            from assistant.wording.structure.readings import several_sentences

            if several_sentences(doc):
                self._sentences(doc, report, family, given)
        return report

    def _sentences(self, doc: Any, report: Report, family: Any, given: str | None) -> None:
        """Each sentence's own verdict for an answer of several (``report.sentences``),
        and the answer's note said of the sentence it is about.

        Why: "Leo needs counselling. He needs to sleep through the night." is two
        statements; read as one, the first one's fault hangs over the second, and what the
        coach says when nothing is flagged spoke of the first sentence only. The parse is
        the one already made; its sentences are spans of it."""
        from assistant.wording import context
        from assistant.wording.report import SentenceVerdict

        sents = _written_sentences(doc)
        if len(sents) < 2:
            return
        readings = (self._engine.reader.read_needs(doc) if report.stage == "need" else [])
        lists = self.library.english
        previous: str | None = None
        for sent in sents:
            start, end = sent.start_char, sent.end_char
            own = [f for f in report.findings if start <= f.start < end]
            kinds = Report(text=sent.text, stage=report.stage, findings=own).kinds
            reading = next((r for r in readings if not r.negated
                            and sent.start <= r.predicate.start < sent.end), None)
            holder = (reading.holder_text if reading is not None else None) or (
                self._work_owner(sent.as_doc()) if report.stage == "work" else None) or \
                context.holder_of(doc, context.span_of(doc, sent.start, sent.end), True,
                                  lists=lists.context) or previous
            if holder and previous and holder.lower() in lists.context.object_pronoun:
                holder = previous  # "Leo needs ... He needs ...": he is Leo
            previous = holder or previous
            verdict = SentenceVerdict(text=sent.text, start=start, end=end, kinds=kinds,
                                      holder=holder)
            if not kinds:
                alone = Report(text=sent.text, stage=report.stage, findings=own,
                               holder=given or holder)
                self.notes.annotate(alone, self.library.roles, family, reading,
                                    lists=lists)
                verdict.note = alone.note
            report.sentences.append(verdict)
        if not report.kinds:
            # nothing flagged in the answer: say what each sentence reads, once each
            said: set[str] = set()
            notes: list[str] = []
            for number, verdict in enumerate(report.sentences, start=1):
                if verdict.note and verdict.note not in said:
                    said.add(verdict.note)
                    notes.append(f"Sentence {number}: {verdict.note}")
            if len(notes) == 1:
                notes = [next(iter(said))]  # one thing said of every sentence
            if notes:
                report.note = " ".join(notes)

    def _work_owner(self, doc: Any) -> str | None:
        """Who a parsed work item names as doing it, as written ("Health visitor" in
        "Health visitor to support Mum"), else None: a plan line's holder is its owner,
        as the work findings carry it (``WorkReader.acting_owner``)."""
        reader = self._engine.reader
        owner = reader.acting_owner(doc, reader.read_work(doc))
        return None if owner is None else str(owner.text).strip()

    def read_need(self, text: str) -> Any:
        """The structure of a need statement (``structure.NeedReading``) or None.

        Why here: callers that already hold a coach (suggestions, Need Groups) read the
        statement with the same loaded pipeline and word classes as the checks.
        """
        from assistant.wording.pipeline import SPACY_LOCK

        engine = self.load()._engine
        with SPACY_LOCK:
            return engine.reader.read_need(engine.nlp(text[:MAX_CHARS]))

    def _owner(self, doc: Any, family: Any) -> str | None:
        """The owner a parsed work statement names, as an answer (see :meth:`read_offers`).

        The owner is the work reader's (``structure.WorkReading.owner``), so the coach and
        the offer never disagree. An owner who is one of the case's people is given by
        name ("Mum" -> "Lisa (Mum)"); a role keeps its words without a leading article
        ("The school nurse" -> "School nurse"). None when no one is named, or when the
        reader's owner is only a word modifying another noun ("family" in "family
        drinking")."""
        reader = self._engine.reader
        owner = reader.acting_owner(doc, reader.read_work(doc))
        if owner is None:
            return self._named_first(doc, family)
        said = str(owner.text).strip()
        member = family.member(said) if family is not None else None
        if member is not None:
            words = said.lower().replace("'s", "").split()
            # "Ray", "Grandad Ray": the name is said already, so it is not said twice
            return str(member.name) if member.name.lower() in words else \
                f"{member.name} ({said})"
        first, _, rest = said.partition(" ")
        if rest and first.lower() in ("the", "a", "an"):
            said = rest[:1].upper() + rest[1:]
        return said

    @staticmethod
    def _named_first(doc: Any, family: Any) -> str | None:
        """A person of the case named first in note form, "Nan to take Mila to Rhyme Time",
        where the parser took the unfamiliar name for something else (an adverb, a plural
        noun) and the work reader found no owner: the case says it is one of its people."""
        if family is None or len(doc) < 3 or doc[1].lower_ != "to" or \
                not doc[2].tag_.startswith("VB"):
            return None
        member = family.member(doc[0].text)
        return str(member.name) if member is not None and member.name == doc[0].text \
            else None

    def read_offers(self, text: str, stage: str, today: Any = None,
                    case: Any = None) -> dict[str, str]:
        """What a work item or outcome statement already answers of the questions the
        interview asks after it, as answers, from one parse: for "work", ``owner`` ("Who
        will do this?": "Family support worker", "Lisa (Mum)"), ``frequency`` ("Every
        Tuesday", "Weekly, for six weeks") and ``start`` (a date in the app's form, "7 Dec
        2026"); for "outcome", ``measure`` ("At least 4 days a week, recorded by the
        school") and ``by`` ("31 Mar 2027"), or, where it names its time in words no date
        is read from, ``when`` ("by the end of the spring term"). A key is left out when
        the statement does not say it.

        Why: "Family support worker to visit Kerry every Tuesday from 7 December" has
        answered "Who?", "How often?" and "From what date?"; the interview offers those
        answers rather than asking again from blank. The phrases are the work and outcome
        readers' (``read_work``, ``read_frequency``, ``read_start``, ``read_measure``,
        ``read_target``); dates are read by ``dates.phrase_date`` against ``today`` (the
        interview's), so "next Monday" or "within six weeks" is the date the worker meant
        on the day. With a ``case``, an owner who is one of its people is given by name,
        and a date phrase holding one of its people's names ("a food parcel from May",
        May being the volunteer) gives no date. Nothing on the blank pipeline (no tags to
        read phrases by).
        """
        from assistant import dates
        from assistant.wording.pipeline import SPACY_LOCK
        from assistant.wording.structure import timing

        engine = self.load()._engine
        if engine.reduced or not text.strip() or stage not in ("work", "outcome"):
            return {}
        today = today or dates.today()
        offers: dict[str, str] = {}
        with SPACY_LOCK:
            doc = engine.nlp(text[:MAX_CHARS])
            reader = engine.reader
            if stage == "work":
                offers["owner"] = self._owner(doc, self.library.family(case)) or ""
                spans = [(p.start, p.end) for p in reader.read_frequency(doc)]
                when = reader.read_start(doc)
                offers["frequency"] = timing.said(doc, spans, words=reader.time_words)
            else:
                spans = [(p.start, p.end) for p in reader.read_measure(doc)]
                when = reader.read_target(doc)
                offers["measure"] = timing.said(doc, spans, drop_lead=True,
                                                words=reader.time_words)
        names = {p.name.lower() for p in getattr(case, "people", ())}
        if when is not None and names & {w.strip(".,").lower() for w in when.text.split()}:
            when = None
        day = dates.phrase_date(when.text, today, reader.time_words) if when is not None \
            else None
        offers["start" if stage == "work" else "by"] = dates.show_date(day)
        if stage == "outcome" and day is None:
            offers["when"] = self._named_time(doc, reader.time_words)
        return {key: value for key, value in offers.items() if value}

    @staticmethod
    def _named_time(doc: Any, words: Any) -> str:
        """The phrase an outcome names its time in where no date is read from it: "by the
        end of the spring term", "by her fifth birthday" (a lead saying by when, and its
        phrase, holding one of ``named_times``); "" when there is none."""
        for token in doc:
            if token.lower_ not in words.target_leads or token.dep_ != "prep":
                continue
            span = doc[token.i:token.right_edge.i + 1]
            if len(span) > 1 and any(t.lower_ in words.named_times for t in span):
                return span.text
        return ""

    def read_answer(self, text: str, asked: str, case: Any = None) -> list[str]:
        """What an answer to a question the interview asks after a statement leaves out,
        as the coach's finding kinds: for ``asked`` "frequency" ("How often, and for how
        long?") ``no-frequency`` when the work rule ``work-no-frequency`` would flag it
        ("as needed", "when required", "regularly"); for "who" ``no-responsible`` when
        nobody the work reader can read as acting is named ("as needed", "whoever is
        free"); for "measure" ("How will we know?") ``no-measure-what`` when it says
        nothing seen, counted or said ("she will tell us") and ``no-measure-whom`` when
        nobody will see it ("at least 4 days a week") (``OutcomeReader.measure_says``).
        [] for any other question, an empty answer, or on the blank pipeline.

        Why: "SW to visit as needed" is flagged at the work stage, and the flag is left to
        the "How often?" question that follows; the answer to that question must be read
        with the same knowledge, or "as needed" passes there unflagged."""
        from assistant.wording.pipeline import SPACY_LOCK

        engine = self.load()._engine
        if engine.reduced or not text.strip():
            return []
        if asked == "frequency":
            report = self.check(text, stage="work", case=case)
            return ["no-frequency"] if "no-frequency" in report.kinds else []
        if asked not in ("who", "measure"):
            return []
        from assistant.spelling import names_of

        reader = engine.reader
        # common misspellings read as meant, as :meth:`check` reads them (kinds only)
        text = self.speller.correct(text[:MAX_CHARS], names_of(case)).text
        with SPACY_LOCK:
            doc = engine.nlp(text)
            if asked == "who":
                family = self.library.family(case)
                named = reader.names_someone(doc, None if family is None else (
                    lambda word: family.member(word) is not None))
                return [] if named else ["no-responsible"]
            what, whom = reader.measure_says(doc, reader.can_act)
        return [kind for kind, said in (("no-measure-what", what), ("no-measure-whom", whom))
                if not said]

    @property
    def parser(self) -> Any:
        """The pipeline as the coach runs it (``pipeline.Parser``): documents it parses
        can be handed to :meth:`check_docs`, and ``parser.finish`` then adds what the
        coach leaves out (lemmas) for another reader."""
        return self.load()._engine.nlp

    def check_docs(self, docs: Iterable[Any], stage: str = "need",
                   holder: str | None = None, case: Any = None,
                   notes: bool = True, texts: Iterable[str] | None = None,
                   batch_size: int = 64) -> Iterator[Report]:
        """Reports for documents already parsed, in order: the same as :meth:`check` on
        their texts when :attr:`parser` parsed them (with ``notes=False``, findings and
        kinds only, as :meth:`check_many` gives them). ``texts``, when the caller has
        them, are the texts the documents were parsed from (spaCy builds ``doc.text``
        anew from the tokens on every read). Up to ``batch_size`` documents are read
        before their reports are given, so the learned reading encodes their vectors
        together, as :meth:`check_many` does.

        Why: a caller that parses anyway (the audit reads each wording for its themes
        too) hands its documents to the coach, so one parse serves both instead of two;
        the audit stores only the kinds, so it leaves out what the coach would say.

        A statement with a common misspelling (``assistant.spelling``) is parsed again
        with the word read as meant, as :meth:`check` reads it, and its report mapped back
        onto the text as written; the others are read from the documents given.
        """
        from assistant.spelling import names_of
        from assistant.wording.pipeline import SPACY_LOCK

        engine = self.load()._engine
        stage = self._stage(stage)
        family = self.library.family(case)
        speller, keep = self.speller, names_of(case, holder)
        known: Iterator[str | None] = iter(texts) if texts is not None else repeat(None)
        iterator = iter(docs)
        while True:
            # read outside the lock: ``docs`` may be a parser's stream
            batch: list[tuple[Any, str]] = []
            for doc in islice(iterator, max(1, batch_size)):
                text = next(known)
                batch.append((doc, doc.text if text is None else text))
            if not batch:
                return
            fixed = [speller.correct(text, keep) for _, text in batch]
            with SPACY_LOCK:
                pairs = [(doc, text) if not one.corrections else (engine.nlp(one.text),
                                                                   one.text)
                         for (doc, text), one in zip(batch, fixed, strict=True)]
                reports = self._reports(pairs, stage, holder, family, notes)
            yield from (one.restore(report)
                        for one, report in zip(fixed, reports, strict=True))

    def check_many(self, texts: Iterable[str], stage: str = "need", batch_size: int = 256,
                   holder: str | None = None, case: Any = None,
                   notes: bool = True) -> Iterator[Report]:
        """Reports in input order, streaming: only one batch of documents is held at once.

        The lock is taken for each batch, not while the caller reads the reports. With
        ``notes=False`` a report has its findings and kinds only, as a linter prints them:
        what the coach says of a statement it flags nothing in (``note``, ``quiet``, the
        sentences' verdicts) is not worked out, which is about a tenth of the coach's work
        beyond the parse.
        """
        from assistant.spelling import names_of
        from assistant.wording.pipeline import SPACY_LOCK

        engine = self.load()._engine
        stage = self._stage(stage)
        family = self.library.family(case)
        speller, keep = self.speller, names_of(case, holder)
        iterator = iter(texts)
        while True:
            fixed = [speller.correct(text[:MAX_CHARS], keep)
                     for text in islice(iterator, batch_size)]
            if not fixed:
                return
            batch = [one.text for one in fixed]
            with SPACY_LOCK:
                docs = engine.nlp.pipe(batch, batch_size=batch_size)
                reports = self._reports([(doc, text) for text, doc in
                                         zip(batch, docs, strict=True)],
                                        stage, holder, family, notes)
            yield from (one.restore(report)
                        for one, report in zip(fixed, reports, strict=True))


#: What ends a sentence as the worker wrote it.
_SENTENCE_END = (".", "!", "?", ";", ":", "\n")


def _written_sentences(doc: Any) -> list[Any]:
    """The sentences of ``doc`` as the worker wrote them: the parser's sentences, joined
    where the worker put no full stop, question mark, colon or new line between them.

    Why: the parser may start a sentence inside one ("Kerry needs to stop drinking ... so
    she is sober when the children go to bed" read as two), and the coach then spoke of
    "Sentence 1" and "Sentence 2" of what the worker wrote as one."""
    spans: list[Any] = []
    for sent in doc.sents:
        if spans and not (doc.text[spans[-1].start_char:sent.start_char].rstrip(" \t")
                          .endswith(_SENTENCE_END)):
            spans[-1] = doc[spans[-1].start:sent.end]
        else:
            spans.append(sent)
    return [s for s in spans if any(t.is_alpha for t in s)]
