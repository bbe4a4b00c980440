"""When, how often, for how long and how much: the time and measure phrases a work item
or an outcome already gives.

Why: the interview asks "How often, and for how long?", "From what date?", "How will we
know?" and "By what date?" after the statement is written. "Family support worker to
visit Kerry every Tuesday from 7 December" has already answered two of them, and asking
again from a blank box teaches the worker that writing it well did not count. The
readers here find the phrases; :func:`assistant.dates.phrase_date` says which date a date
phrase gives (against the interview's today), so the same words are read the same way
everywhere.

The phrases are read from the words' tags and order, not from the dependency tree: a
small parser attaches "every Tuesday" or "weekly" to whichever word it likes ("Ella
weekly" read as a clause), while the phrases themselves have a fixed shape. Each reader
reads only what it is sure of: "as needed", "regularly", "by half term" or "at the next
review" give nothing, so the worker is asked as before.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date
from typing import Any

from assistant.dates import date_words, phrase_date
from assistant.wording.structure.readings import lemma
from assistant.wordlists import TimeWords, shipped_time

#: a fixed day to find date phrases with: whether words are a date does not depend on
#: the day (which date they give does, and is read later against the interview's today)
_PROBE = date(2026, 1, 15)
_LONGEST = 9  # words in the longest date phrase read ("no later than the end of March 2027")


#: what joins days in a list as people write it: "Tuesday and Thursday", "Sat + Sun".
#: Grammar, not vocabulary: the words that can be time words are in
#: framework/words/time.yml (``wordlists.TimeWords``), passed to every reader here as ``w``.
_AND = {"and", "or", ",", "+", "&", "/"}


def _low(token: Any) -> str:
    return str(token.lower_)


def _is_num(token: Any, w: TimeWords) -> bool:
    """A number that counts: not "a", nor an ordinal word ("first", "eighteenth") that
    says which ("the 25th centile" is a value, and stays)."""
    low = _low(token)
    return (bool(token.like_num) and low not in {"a", "an"} | w.ordinals and not (
        low.endswith("th") and not low[:1].isdigit())) or signed_number(token, w)


def signed_number(token: Any, w: TimeWords) -> bool:
    """A number written with its signs as one word ("90%+", "95+%", "90+"): a share or a
    threshold, so a measure on its own. Why: the tokenizer splits "90%" but keeps "90%+"
    whole, and spaCy's ``like_num`` reads the whole as no number; the signs are the time
    words' ``number_signs``."""
    text = str(token.text)
    if not w.number_signs or not text[:1].isdigit():
        return False
    stripped = text.rstrip("".join(w.number_signs))
    return stripped != text and _DECIMAL.fullmatch(stripped) is not None


#: a number as digits, with a decimal part ("92", "92.5", "92,5")
_DECIMAL = re.compile(r"\d+(?:[.,]\d+)?")


def _count(token: Any, w: TimeWords) -> bool:
    """A number or a number word ("six", "12", "a") that counts something."""
    return _is_num(token, w) or _low(token) in ("a", "an", "one", "half")


def date_spans(doc: Any, words: TimeWords | None = None) -> list[tuple[int, int]]:
    """Every date phrase of ``doc`` as (start, end) token indices, longest first from the
    left: "from 7 December", "by the end of March 2027", "within six weeks", "next
    Monday". A month read as a verb ("Mum may call") is not one."""
    w = words or shipped_time()
    spans: list[tuple[int, int]] = []
    n = len(doc)
    # only words a date phrase is made of can be in one: the phrases tried stop there
    words_in = date_words(w)
    fits = [_low(t) in words_in or t.like_num or t.text[:1].isdigit() for t in doc]
    i = 0
    while i < n:
        if doc[i].is_punct or doc[i].is_space or not fits[i]:
            i += 1
            continue
        last = i
        while last < min(n, i + _LONGEST) and fits[last]:
            last += 1
        for j in range(last, i, -1):
            if doc[j - 1].is_punct and doc[j - 1].lower_ not in ("/",):
                continue
            span = doc[i:j]
            if any(_low(t) in w.month_number and t.tag_ in ("MD", "VB", "VBP", "VBZ")
                   for t in span):
                continue
            if (j < n and _is_num(doc[j], w)) or any(
                    t.text == "Year" and t.i > t.sent.start for t in span):
                continue  # "by the end of Year 9": a school year, not the year's end
            if phrase_date(span.text, _PROBE, w) is not None:
                spans.append((i, j))
                i = j - 1
                break
        i += 1
    return spans


def _recurring_day(doc: Any, start: int, end: int, w: TimeWords) -> bool:
    """The date phrase is one day of a repeating run: "every Tuesday", "Tuesday
    mornings", "Monday to Friday", "on Tuesday and Thursday afternoons"."""
    after = doc[end] if end < len(doc) else None
    before = doc[start - 1] if start else None
    if before is not None and _low(before) in ("every", "each", "other", "alternate"):
        return True
    if after is not None and _low(after) in w.day_part_words:
        return True
    if before is not None and _low(doc[start]).rstrip("s") in w.weekday_words and \
            _low(before) in _AND | {"to", "-", "through"} and \
            start >= 2 and _low(doc[start - 2]).rstrip("s") in w.weekday_words:
        return True  # "Mon-Fri", "Tuesday and Thursday"
    if after is not None and _low(after) in _AND and end + 1 < len(doc) and \
            _low(doc[end + 1]).rstrip("s") in w.weekday_words:
        return True
    return after is not None and _low(after) in ("to", "-", "until", "through", "and",
                                                  "or") and \
        end + 1 < len(doc) and _low(doc[end + 1]).rstrip("s") in w.weekday_words


def _modifier(doc: Any, start: int, end: int, w: TimeWords) -> bool:
    """A day's name modifying the noun after it ("Sunday lunch", "the Friday club"):
    a kind of thing, not a date."""
    if end - start != 1 or end >= len(doc):
        return False
    after = doc[end]
    return after.tag_ in ("NN", "NNS", "NNP") and _low(after) not in w.unit_words and \
        (_low(doc[start]) in w.weekday_words or _low(doc[start]) in w.month_number)


def start_span(doc: Any, words: TimeWords | None = None) -> tuple[int, int] | None:
    """The phrase saying when a piece of work starts: "from 7 December", "starting next
    week", "w/c 3 March", "on Tuesday 8 December", "next Monday", "immediately". Not a
    deadline or an end ("by the end of the year", "until 31 March"), nor a day that
    repeats ("every Tuesday", "on Tuesday mornings")."""
    w = words or shipped_time()
    rates = frequency_spans(doc, w)
    for start, end in date_spans(doc, w):
        first = _low(doc[start])
        before = _low(doc[start - 1]) if start else ""
        if _recurring_day(doc, start, end, w) or _modifier(doc, start, end, w):
            continue
        after = _low(doc[end]) if end < len(doc) else ""
        if _low(doc[end - 1]) in w.today_words and after in (
                "if", "when", "whenever", "should", "once", "as", "after", "every", "each"):
            continue  # "ring the social worker immediately if he hears ...": a standing
            # rule set off by an event, not a day the work starts
        if first not in w.start_leads - {"on"} and any(e <= start for _, e in rates):
            continue  # "every night for four weeks and bring it to the clinic on 3 July":
            # a day after how often is one event of the work, not when it starts
        if first in w.start_leads:
            typed = [_low(t) for t in doc[start:end]]
            if not any(typed[:len(lead)] == list(lead) and (len(lead) == 1 or len(typed) > len(
                    lead)) for lead in w.leads if lead[0] == first and " ".join(lead) in
                       w.date_leads.start):
                continue  # "as" of "as from", "week" of "week commencing", alone
            return start, end
        if first in w.other_leads:
            continue
        if before in w.not_start_after:
            continue
        return start, end
    return None


def target_span(doc: Any, words: TimeWords | None = None) -> tuple[int, int] | None:
    """The phrase saying by when an outcome should have happened: "by the end of March
    2027", "within six weeks", "before 1 April", "in three months' time". Not a start
    ("from January"), nor a window a count is made in ("no more than twice in six
    weeks")."""
    w = words or shipped_time()
    for start, end in date_spans(doc, w):
        first = _low(doc[start])
        if first in w.target_leads:
            return start, end
        if first == "in" and start + 1 < end and (_count(doc[start + 1], w) or _low(
                doc[start + 1]) == "the") and not (
                start and (_count(doc[start - 1], w) or _low(doc[start - 1]) in w.times | {"times"}
                           or (doc[start - 1].tag_ == "NNS" and any(
                               _is_num(t, w) for t in doc[max(0, start - 4):start - 1])))):
            return start, end  # "in six weeks", not "twice in six weeks"
    return None


# --- how often and for how long ---------------------------------------------------------


def _rate(doc: Any, i: int, w: TimeWords) -> int:
    """The end of a rate phrase starting at token ``i``, or ``i`` when none starts there."""
    n = len(doc)
    low = _low(doc[i])

    def at(k: int) -> str:
        return _low(doc[k]) if k < n else ""

    if low in w.rates or w.rate_pattern.match(low):
        head = doc[i].head
        if doc[i].dep_ == "amod" and head.tag_ in ("NN", "NNS") and head.i > i and \
                _low(head) not in w.event_words | w.course_words | w.help_words:
            return i  # "a daily routine chart", "the weekly shop": a thing, not how often
        return i + 1
    if low in ("every", "each"):  # "every Tuesday", "every other week", "each school day"
        k = i + 1
        if at(k) in w.every_which or (k < n and _count(doc[k], w) and at(k) not in ("a", "an")):
            k += 1
        if at(k) in ("school", "working") or (at(k) == "week" and at(k + 1) in (
                "day", "days", "night", "nights")):
            k += 1  # "each school day", "every working day"
        if at(k) in ("time", "times", "one", "of"):
            return i
        if at(k).rstrip("s") in w.weekday_words or at(k) in w.unit_words or at(k) in w.event_words:
            k += 1
            while at(k) in _AND and at(k + 1).rstrip("s") in w.weekday_words:
                k += 2
            if at(k) in w.day_part_words:
                k += 1
            return k
        return i
    if low in w.times or (_count(doc[i], w) and at(i + 1) == "times"):
        k = i + 1 if low in w.times else i + 2  # "twice a week", "three times weekly"
        if at(k) in ("a", "an", "per", "each", "every") and at(k + 1) in w.unit_words:
            return k + 2
        if at(k) in w.rates or w.rate_pattern.match(at(k)):
            return k + 1
        return i
    if _count(doc[i], w) and not _clock(doc[i], w) and (
            _is_num(doc[i], w) or at(i + 1) in w.unit_words):
        k = i + 1  # "two sessions a week", "3 x week", "an hour a week"
        if at(k) in ("x", "*") or re.match(r"^\d+x$", low):
            k += 1 if at(k) in ("x", "*") else 0
            if at(k) in w.unit_words or at(k) in w.rates:
                return k + 1
            if k < n and _is_num(doc[k], w) and at(k + 1) in w.unit_words:
                return k + 2
            return i
        while k < n and (doc[k].tag_ in ("JJ", "NN", "NNS", "HYPH") or (
                doc[k].tag_ == "CD" and at(k + 1) == "-")) and \
                at(k) not in ("a", "per", "times") and k - i <= 5:
            k += 1  # "two 45-minute sessions per week" (not "six children three times")
        if k > i + 1 and at(k) in ("a", "an", "per", "each", "every") and at(k + 1) in w.unit_words:
            return k + 2
        return i
    if low in ("on", "at") and i + 1 < n:
        inner = _rate(doc, i + 1, w)  # "on Tuesdays", "at weekends", "on Wednesday mornings"
        return inner if inner > i + 1 and (at(i + 1) in w.weekday_plurals | w.weekday_words | {
            "weekends", "weekdays"}) else i
    if low in w.weekday_plurals or low in ("weekdays", "weekends", "mon-fri", "monday-friday"):
        k = i + 1
        while at(k) in _AND and at(k + 1) in w.weekday_plurals:
            k += 2
        return k
    if low in w.weekday_words:  # "Wednesday mornings", "Tuesday and Thursday afternoons"
        k = i + 1
        while at(k) in _AND and at(k + 1) in w.weekday_words:
            k += 2
        if at(k) in w.day_part_words and at(k).endswith("s"):
            return k + 1
    if low in w.weekday_words and at(i + 1) in ("to", "-", "through") and \
            at(i + 2).rstrip("s") in w.weekday_words:
        return i + 3  # "Monday to Friday"
    return i


def _span_of_time(doc: Any, i: int, dates: dict[int, int], w: TimeWords) -> int:
    """The end of a phrase of how long starting at ``i`` ("for six weeks", "over the next
    three months", "until the next review", "for the rest of the term", "a course of
    eight sessions"), or ``i``."""
    n = len(doc)

    def at(k: int) -> str:
        return _low(doc[k]) if k < n else ""

    low = _low(doc[i])
    if low in ("for", "over", "throughout"):
        k = i + 1
        if at(k) in ("the", "a", "this", "his", "her", "their"):
            k += 1
        if at(k) in ("next", "first", "coming", "following"):
            k += 1
        if at(k) == "half" and at(k + 1) in ("a", "an"):
            k += 2
        if k < n and _count(doc[k], w) and (at(k + 1) in w.unit_words or
                                            at(k + 1) in w.course_words):
            if at(k + 2) in ("a", "an", "per", "each") and at(k + 3) in w.unit_words:
                return k + 4  # "for 30 minutes a day"
            return k + 2
        if at(k) in w.unit_words and low != "throughout" and at(k - 1) in (
                "a", "an", "next", "coming", "following", "first"):
            return k + 1  # "for a term", "for the next month", "for the first month"
        if at(k) in w.whole and at(k + 1) == "of":
            k += 2
            if at(k) in ("the", "this", "his", "her", "their"):
                k += 1
            if at(k) in w.occasions or at(k) in w.unit_words:
                return k + 1
            return i
        if low == "throughout" and at(k) in w.occasions:
            return k + 1
        return i
    if low in ("until", "till"):
        if i in dates:
            return dates[i]
        k = i + 1
        if at(k) in ("the", "his", "her", "their"):
            k += 1
        if at(k) in ("next", "first", "end", "start"):
            k += 1
            if at(k) == "of":
                k += 1
                if at(k) in ("the", "this", "his", "her", "their"):
                    k += 1
        # "the next review", "the core group meeting", "the final hearing": the phrase
        # ends at its last noun of an occasion
        end = i
        while k < n and k < i + 8 and doc[k].tag_ in ("JJ", "NN", "NNS", "NNP", "VBG",
                                                       "HYPH", "CD"):
            if at(k) in w.occasions:
                end = k + 1
            k += 1
        return end
    if _is_num(doc[i], w) and at(i + 1) in w.course_words and at(i + 2) not in ("a", "per", "each"):
        if i and _low(doc[i - 1]) == "of" and i >= 2 and _low(doc[i - 2]) in (
                "course", "block", "programme"):
            return i + 2
        return i + 2  # "six sessions"
    return i


def frequency_spans(doc: Any, words: TimeWords | None = None) -> list[tuple[int, int]]:
    """How often and for how long a piece of work runs, each phrase as (start, end) in
    order: "every Tuesday", "weekly" and "for six weeks", "twice a week", "on Wednesday
    mornings", "until the next review", "six sessions". Nothing for "as needed",
    "regularly", "when required": they say neither."""
    w = words or shipped_time()
    dates = dict(date_spans(doc, w))
    spans: list[tuple[int, int]] = []
    i, n = 0, len(doc)
    while i < n:
        end = _rate(doc, i, w)
        if end <= i:
            end = _span_of_time(doc, i, dates, w)
        if end > i:
            start = i
            if _low(doc[i]) == "for" and end - i >= 4 and \
                    _low(doc[end - 2]) in ("a", "an", "per", "each"):
                start = i + 1  # "for 30 minutes a day": a rate
            if end == i + 1 and i >= 2 and _low(doc[i - 1]) == "-" and \
                    doc[i - 2].is_alpha:
                start = i - 2  # "half-termly", split by the tokenizer
            if _low(doc[i]) in ("every", "each") and i and _low(doc[i - 1]) in (
                    "at", "during", "after", "before", "on") and end - i >= 2 and \
                    _low(doc[end - 1]) in w.event_words:
                start = i - 1  # "at every visit"
            if spans and spans[-1][1] == start and _low(doc[spans[-1][0]]) == "for" and \
                    _low(doc[spans[-1][1] - 1]) in ("minutes", "mins", "hours", "hour",
                                                    "hrs", "minute"):
                start = spans.pop()[0] + 1  # "for 15 minutes every day": how long, how often
            spans.append((start, end))
            i = end
            continue
        i += 1
    return spans


# --- how much: an outcome's measure -------------------------------------------------------


def _clock(token: Any, w: TimeWords) -> bool:
    """A number that tells the time or a date, not a count: "by 8.45", "at 9", "9am"."""
    doc = token.doc
    text = _low(token)
    if re.match(r"^\d{1,2}[.:]\d{2}$", text) or text.endswith(("am", "pm")):
        return True
    after = _low(doc[token.i + 1]) if token.i + 1 < len(doc) else ""
    before = _low(doc[token.i - 1]) if token.i else ""
    if before == "(" and after == ")":
        return True  # "Tyler (8)": an age given beside a name
    return after in ("am", "pm", "o'clock", "-", "–") or (
        before in w.clock_before and after not in w.unit_words | {"%", "percent", "out", "of"} and
        not doc[token.i + 1:token.i + 2].text[:1].isalpha()) or before in w.number_labels


def _count_phrase(doc: Any, i: int, taken: set[int],
                  w: TimeWords) -> tuple[int, int] | None:
    """The bounded count around token ``i`` (a number, "%", "every"): "on at least 4
    days a week", "above 90% attendance", "4 out of 5 mornings", "every school day", "no
    more than two late marks a term"."""
    n = len(doc)
    start = i
    while start > 0 and _low(doc[start - 1]) in w.bounds and start - 1 not in taken:
        start -= 1
    if start and _low(doc[start - 1]) == "of" and start >= 2 and \
            doc[start - 2].tag_ in ("NN", "NNS") and start - 2 not in taken:
        start -= 2  # "attendance of at least 95%"
        if start and doc[start - 1].tag_ in ("JJ", "NN") and start - 1 not in taken:
            start -= 1
    end = i + 1
    while end < n and end not in taken:
        low = _low(doc[end])
        tag = doc[end].tag_
        if low in ("the", "his", "her", "their") and _low(doc[end - 1]) == "of":
            end += 1  # "92% of the timetable"
            continue
        if low in w.count_tail or _is_num(doc[end], w) or tag in ("JJ", "NN", "NNS", "CD") \
                or low in w.unit_words or low in ("school", "unauthorised", "late") or (
                    tag in ("VBN", "VBD", "VBG") and doc[end].dep_ == "amod"):
            if tag in ("NNP", "NNPS") or low in ("by", "as", "with"):
                break
            if low in ("in", "and", "or", "of", "out", "a", "per", "each", "every") and (
                    end + 1 >= n or not (_is_num(doc[end + 1], w) or _low(doc[end + 1]) in
                                         w.unit_words | w.count_tail | {"school", "the", "his",
                                                                "her", "their"}
                                         or doc[end + 1].tag_ in ("JJ", "NN", "NNS"))):
                break
            end += 1
            continue
        break
    while end > i + 1 and _low(doc[end - 1]) in w.count_tail - {"%", "percent", "more",
                                                                 "above", "less", "fewer",
                                                                 "below", "higher", "lower"}:
        end -= 1
    while end > i + 1 and end < n and doc[end].tag_ == "HYPH":
        end -= 1  # "30 high-frequency words": the count stops before a word it cut
    while end > i + 1 and doc[end - 1].tag_ in ("JJ", "JJR") and \
            _low(doc[end - 1]) not in w.count_tail:
        end -= 1  # "24 consonant sounds" cut by a misread verb; not "90% or higher"
    while end > i + 1 and _low(doc[end - 1]) in ("in", "a", "of", "and", "or", "per",
                                                 "each", "every", "out"):
        end -= 1  # "90% accuracy in a 10-minute session": the words before the cut
    if start < end - 1 and _low(doc[start]) == "up" and _low(doc[start + 1]) != "to":
        start += 1  # "picking up 10 pieces": a particle, not "up to"
    if not any(t.tag_ in ("NN", "NNS") or _low(t) in w.unit_words | {"%", "percent", "times",
                                                               "once", "twice", "every",
                                                               "each"} or signed_number(t, w)
               for t in doc[start:end]):
        return None  # a number with nothing counted ("score below 10")
    if start < i and _low(doc[start]) in ("at", "to", "up", "than") and not any(
            _low(doc[k]) in ("least", "most", "more", "fewer", "less", "no", "up", "only",
                             "over", "under", "above", "below") for k in range(start, i)):
        # "to all 8 of her lessons": the count starts at "all" (every one of them)
        start = next((k for k in range(start, i) if _low(doc[k]) == "all"), i)
    return start, end


def _said_of(base: str, form: str, words: Any, endings: tuple[str, ...]) -> bool:
    """True when a verb is one of ``words`` by its lemma ``base``, or by its written
    ``form`` less one of ``endings`` (the tagger's lemma of an unfamiliar verb, "charted",
    "jots", may be the form itself)."""
    return base in words or any(form.removesuffix(e) in words for e in endings)


def _evidence(doc: Any, i: int, observe: Iterable[str], w: TimeWords) -> int:
    """The end of a phrase naming who or what will show the change, starting at ``i``
    ("as recorded by the school", "as Mum and the school both report", "according to the
    attendance log"), or ``i``."""
    n = len(doc)
    low = _low(doc[i])
    seen = set(observe) | w.evidence_verbs

    def clause_end(k: int) -> int:
        while k < n and not (doc[k].is_punct and _low(doc[k]) not in ("'", "-", "/", "%")) \
                and _low(doc[k]) != "by":
            k += 1
        return k

    if low == "according" and i + 1 < n and _low(doc[i + 1]) == "to":
        return clause_end(i + 2)
    if i and _low(doc[i - 1]) in (",", "(", ";", "-") and i + 1 < n and \
            doc[i].tag_ in ("VBN", "VBG", "VBD") and _low(doc[i + 1]) in (
                "by", "off", "on", "in", "against", "from", "using") and (
            lemma(doc[i]) in seen | w.set_off_verbs or
            (lemma(doc[i]) == "go" and _low(doc[i + 1]) in ("by", "off"))):
        # set off after the change: ", recorded in the school register", ", going off
        # the school's late book", "(judged by the attendance log)"; going by a record,
        # not by a place ("walking to school, going by the park")
        end = clause_end(i + 2)
        if lemma(doc[i]) != "go" or any(_low(t) in w.record_words for t in doc[i + 2:end]):
            return end
    if low != "as":
        return i

    def records(k: int) -> bool:
        """The verb at ``k`` keeps a record, whatever the verb: done to a record ("as Mum
        keeps in a diary", "as Gran writes down in the bedtime book"), or a record's name
        made a verb and said of it ("as charted by nursery staff", "as tallied in the log
        book"). Not a verb with "down" alone: "as her mood goes down" keeps no record."""
        form = _low(doc[k])
        if doc[k].tag_ == "VBN" and k + 1 < n and _low(doc[k + 1]) in ("by", "in", "on") \
                and _said_of(lemma(doc[k]), form, w.record_words, ("ed", "d")):
            return True
        j = k + 1
        while j < n and j < k + 8 and not doc[j].is_punct and not (
                doc[j].tag_.startswith("VB") and j > k + 1):
            # a record, or one written as a compound ending in one ("notebook", "logbook")
            if doc[j].tag_.startswith("NN") and (_low(doc[j]) in w.record_words or any(
                    _low(doc[j]).endswith(r) for r in w.record_words if len(r) > 3)):
                return True
            j += 1
        return False

    k = i + 1
    while k < n and k < i + 8 and not doc[k].is_punct:
        word = doc[k]
        base = lemma(word)
        # a verb, or a verb the tagger took for a noun where the parse has a clause
        # ("as her carer's diary shows": "shows" as a plural noun heading a clause)
        verb = word.tag_.startswith("VB") or word.dep_ in ("advcl", "ccomp", "relcl")
        form = _low(word)
        last = k + 1 >= n or (doc[k + 1].is_punct and _low(doc[k + 1]) not in ("'", "-"))
        # a verb the tagger took for a noun before its particle ("as Kerry and Nan jot
        # down in a notebook": "jot" a noun)
        particle = not verb and word.tag_.startswith("NN") and k + 1 < n and \
            _low(doc[k + 1]) in ("down", "up", "in")
        if (verb or particle or (last and word.tag_ in ("NNS", "VBZ"))) and (
                _said_of(base, form, seen, ("s", "d", "ed")) or form in (
                    "shown", "seen", "heard", "found", "written", "kept") or (
                    base not in ("be", "have") and (verb or particle) and records(k))):
            # "as noted by", "as her TA records" (the verb at the clause's end, tagged
            # as a plural noun)
            end = k + 1
            # the rest of the clause: "as recorded by the school", "as the log shows"
            while end < n and not (doc[end].is_punct and _low(doc[end]) not in
                                   ("'", "-", "/")):
                if _low(doc[end]) in ("by",) and end > k + 1 and \
                        phrase_date(doc[end:end + 4].text, _PROBE, w) is not None:
                    break
                end += 1
            if any(_low(doc[j]) == "to" and doc[j + 1].tag_ == "VB"
                   for j in range(k + 1, end - 1)):
                return i  # "as he tells the boys to get ready": what is told, not seen
            return end
        if word.tag_ in ("VBZ", "VBP", "VBD", "MD") and base not in ("be", "have"):
            return i  # "as she grows up": another clause, not who sees the change
        k += 1
    return i


def _only_how_long(doc: Any, start: int, end: int, w: TimeWords) -> bool:
    """The count is only a length of time ("for six months", "3 weeks"): nothing is
    counted in it."""
    tokens = [t for t in doc[start:end] if _low(t) not in ("for", "over", "the")]
    words = [_low(t) for t in tokens]
    return len(words) == 2 and _is_num(tokens[0], w) and words[1] in w.lasting_words


def measure_spans(doc: Any, observe: Iterable[str] = (),
                  words: TimeWords | None = None) -> list[tuple[int, int]]:
    """How an outcome will be seen to have happened, each phrase as (start, end) in
    order: a bounded count ("on at least 4 days a week", "above 90% attendance", "in 9
    of 10 weeks", "every school day") and who or what shows it ("as recorded by the
    school", "according to the attendance log"). Numbers that only say when ("by 14
    March", "by Year 6", "within 3 months", "by 8.45") are not counts."""
    w = words or shipped_time()
    # numbers in a date are not counts; a window a count is made in is part of it
    # ("no more than 3 mornings in six weeks")
    taken: set[int] = set()
    target = target_span(doc, w)
    for start, end in date_spans(doc, w):
        if (start, end) == target or _low(doc[start]) != "in":
            taken.update(range(start, end))
    spans: list[tuple[int, int]] = []
    evidence: set[int] = set()  # the starts of the spans saying who shows it
    bare_counts: set[int] = set()  # ... of counts with nothing rating or bounding them
    dates = dict(date_spans(doc, w))
    i, n = 0, len(doc)
    while i < n:
        token = doc[i]
        if i in taken:
            i += 1
            continue
        end = _evidence(doc, i, observe, w)
        if end > i:
            spans.append((i, end))
            evidence.add(i)
            taken.update(range(i, end))
            i = end
            continue
        low = _low(token)
        anchor = (_is_num(token, w) and not _clock(token, w) and not (
            i + 1 < n and doc[i + 1].tag_ == "HYPH")) or low in ("%", "percent") or (
            low in ("every", "each") and _rate(doc, i, w) > i) or low in w.times
        if low == "no" and not anchor and i + 1 < n and doc[i + 1].tag_ in ("JJ", "NNS") \
                and any(doc[k].tag_ == "NNS" for k in range(i + 1, min(n, i + 3))):
            anchor = True  # "no unauthorised absences": a count of none
        if anchor and low == "one" and not (i + 1 < n and _low(doc[i + 1]) in (
                "out", "of", "in")) and (not (i and _low(doc[i - 1]) in w.bounds) or (
                    _low(doc[i - 1]) == "no" and not (i + 1 < n and doc[i + 1].tag_.startswith(
                        ("NN", "JJ"))))):
            # "write down one good thing": a thing, not a count; "bite no one": nobody
            anchor = False
        if anchor and token.tag_ == "CD" and i and (doc[i - 1].tag_ in ("PRP$", "POS") or
                                                    _low(doc[i - 1]) in _DEFINITE):
            anchor = False  # "the 2 boys", "her 3 inhaler puffs": which ones, not how many
        if anchor and low == "1" and not (i + 1 < n and _low(doc[i + 1]) in (
                "out", "of", "in")) and not (i and _low(doc[i - 1]) in w.bounds):
            anchor = False  # "read 1 chapter": a thing, as "one" is
        if anchor:
            found = _count_phrase(doc, i, taken, w)
            companion = _companion(doc, i, found[1], w) if found is not None and \
                found[0] == i else None
            if companion is not None:
                # "play with 2 friends (every day)": who takes part, not how we will know
                taken.update(range(i, companion))
                i = companion
                continue
            if found is not None and _only_how_long(doc, *found, w):
                # "for six months": how long it lasts, not how much; unless it is a run
                # ("for six weeks running", "3 weeks without a detention") or says how
                # long the count just before it holds ("every day for 4 weeks")
                run = _run(doc, found[1], w)
                after_count = bool(spans) and spans[-1][0] not in evidence and \
                    found[0] >= 1 and _low(doc[found[0] - 1]) in ("for", "over") and \
                    spans[-1][1] == found[0] - 1
                found = (found[0] - after_count, run) if run > found[1] or after_count \
                    else None
            if found is not None:
                start, end = found
                if low in ("every", "each"):
                    end = max(end, _rate(doc, i, w))
                held = _held_for(doc, end, dates, taken, w)
                bare = held == end and start == i and _is_num(token, w) and not any(
                    _low(t) in w.unit_words or _low(t) in w.count_tail - {"of", "a", "an"}
                    or _is_num(t, w) or _low(t) in w.event_words or _low(t) in w.course_words
                    for t in doc[i + 1:end])  # "8 counselling sessions": occasions count
                end = held
                if spans and spans[-1][1] >= start and spans[-1][0] not in evidence and \
                        (spans[-1][0] in bare_counts) == bare:
                    start = spans[-1][0]
                    spans.pop()
                spans.append((start, end))
                if bare:
                    bare_counts.add(start)
                taken.update(range(start, end))
                i = end
                continue
        i += 1
    if any(s not in evidence and s not in bare_counts for s, _ in spans):
        # "play with 2 friends at break every day": beside a count that rates or bounds
        # the change, a bare count is part of what is done, not how we will know
        spans = [(s, e) for s, e in spans if s not in bare_counts]
    return spans


#: before a number, these make it say which ones, not how many ("the 2 boys", "her 3
#: tablets", whether the tagger reads "her" as a possessive or not); "Mum's 2" is read by
#: its tag. Grammar, not vocabulary.
_DEFINITE = {"the", "these", "those", "his", "her", "their", "its", "my", "our", "your"}


def _run(doc: Any, k: int, w: TimeWords) -> int:
    """The end of a word making the span of time ending at ``k`` a run ("running", "in a
    row", "straight") or a run free of something ("without a detention"), or ``k``."""
    words = [_low(t) for t in doc[k:k + 4]]
    for phrase in sorted(w.runs | w.run_free, key=lambda p: -len(p.split())):
        parts = phrase.split()
        if words[:len(parts)] != parts:
            continue
        end = k + len(parts)
        if phrase in w.run_free:  # the rest of what it is free of: "a detention"
            while end < len(doc) and doc[end].tag_ in ("DT", "JJ", "NN", "NNS", "PRP$",
                                                       "HYPH", "CD", "POS"):
                end += 1
            if end == k + len(parts):
                return k
        return end
    return k


def _held_for(doc: Any, end: int, dates: dict[int, int], taken: set[int],
              w: TimeWords) -> int:
    """The end of a span of time right after a count, saying how long the count holds
    ("every day for 4 weeks", "three nights a week for the rest of the term", "for six
    weeks running", "for four consecutive weeks"), or ``end``."""
    n = len(doc)
    if end >= n or _low(doc[end]) not in ("for", "over"):
        return end
    held = _span_of_time(doc, end, dates, w)
    if held <= end:  # "for four consecutive weeks": a count, its adjectives, a unit
        k = end + 1
        if k < n and _count(doc[k], w):
            k += 1
            while k < n and doc[k].tag_ == "JJ":
                k += 1
            if k < n and _low(doc[k]) in w.unit_words:
                held = k + 1
    if held <= end or any(k in taken for k in range(end, held)):
        return end
    return _run(doc, held, w)


#: the prepositions that name who or what takes part: "with 2 friends", "seen by 2 staff",
#: "on 2 buses" (not "of": "a budget of 60 pounds" is an amount). Grammar.
_ALONG = {"with", "by", "alongside", "between", "among", "to", "for", "on"}


def _companion(doc: Any, i: int, end: int, w: TimeWords) -> int | None:
    """The end of the number at ``i`` and what it counts when that is who or what takes
    part in the behaviour, named after a preposition ("with 2 friends", "seen by 2 staff
    members", "on 2 buses"), or None. An occasion ("to 3 appointments"), a unit ("on 4
    days"), a ratio, a share or a bound is a measure, and stays."""
    if doc[i].tag_ != "CD" or (i and _low(doc[i - 1]) in w.bounds):
        return None  # "the 9th centile": a value, not a count
    k = i + 1
    while k < end and doc[k].tag_ in ("JJ", "NN", "NNS", "HYPH") and \
            _low(doc[k]) not in ("every", "each"):
        k += 1
    counted = doc[k - 1] if k > i + 1 else None
    if counted is None or counted.dep_ != "pobj" or _low(counted.head) not in _ALONG or any(
            _low(t) in w.unit_words or _low(t) in w.event_words or _low(t) in w.course_words
            or _low(t) in ("%", "percent") for t in doc[i + 1:k]):
        return None
    if k < end and _low(doc[k]) not in ("every", "each"):
        return None  # "4 out of 5", "92% of": a ratio or a share
    return k


def said(doc: Any, spans: list[tuple[int, int]], drop_lead: bool = False,
         words: TimeWords | None = None) -> str:
    """The phrases as one answer, in the statement's words: "Weekly, for six weeks".
    ``drop_lead`` drops a preposition before a count ("on at least 4 days" -> "at least
    4 days")."""
    w = words or shipped_time()
    parts: list[str] = []
    for start, end in spans:
        if drop_lead and end - start > 1 and ((_low(doc[start]) == "as" and not parts) or (
                _low(doc[start]) in ("on", "in", "for") and (
                    _count(doc[start + 1], w) or _low(doc[start + 1]) in w.bounds | {"every",
                                                                                 "each"}))):
            start += 1  # "on at least 4 days", "as recorded by school": the words after
        text = doc[start:end].text.strip(" ,;")
        if text and text.lower() not in (p.lower() for p in parts):
            parts.append(text)
    if not parts:
        return ""
    joined = ", ".join(parts)
    return joined[:1].upper() + joined[1:]
