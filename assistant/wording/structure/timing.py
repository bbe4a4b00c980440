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

from assistant.dates import DATE_WORDS, phrase_date
from assistant.wording.structure.readings import lemma

#: a fixed day to find date phrases with: whether words are a date does not depend on
#: the day (which date they give does, and is read later against the interview's today)
_PROBE = date(2026, 1, 15)
_LONGEST = 9  # words in the longest date phrase read ("no later than the end of March 2027")


_WEEKDAY = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
            "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun"}
_WEEKDAYS = {d + "s" for d in ("monday", "tuesday", "wednesday", "thursday", "friday",
                               "saturday", "sunday")}
_MONTHS = {"january", "february", "march", "april", "may", "june", "july", "august",
           "september", "october", "november", "december", "jan", "feb", "mar", "apr",
           "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"}
_DAYPART = {"morning", "afternoon", "evening", "night", "lunchtime", "teatime", "bedtime",
            "mornings", "afternoons", "evenings", "nights", "lunchtimes", "bedtimes"}
#: units a rate or a span of time is counted in
_UNIT = {"day", "week", "fortnight", "month", "term", "half-term", "year", "night",
         "weekday", "weekend", "hour", "minute", "days", "weeks", "fortnights", "months",
         "terms", "half-terms", "years", "nights", "weekdays", "weekends", "hours",
         "minutes", "mins", "min", "wk", "wks", "hr", "hrs"} | _DAYPART
#: occasions that happen again and again: "at every visit", "each session"
_EVENT = {"visit", "session", "contact", "meeting", "appointment", "handover", "lesson",
          "review", "visits", "sessions", "contacts", "meetings", "appointments",
          "handovers", "lessons", "reviews"}
#: what a course is counted in: "six sessions", "for 8 visits"
#: help given at a rate: "weekly calls", "daily check-ins"
_HELP = {"call", "calls", "check", "checks", "check-in", "check-ins", "catch-up",
         "catch-ups", "support", "contact", "walk", "walks", "text", "texts", "phone",
         "group", "groups", "club", "clubs", "class", "classes", "work", "play",
         "ins", "ups"}  # (the tokenizer's "check - ins", "catch - ups")
_COURSE = {"session", "sessions", "visit", "visits", "meeting", "meetings",
           "appointment", "appointments", "lesson", "lessons", "class", "classes"}
_RATE = {"daily", "weekly", "fortnightly", "monthly", "nightly", "termly", "yearly",
         "annually", "quarterly", "hourly", "biweekly", "bimonthly", "weeknights",
         "twice-weekly", "half-termly", "everyday"}
_RATE_RE = re.compile(r"^[a-z0-9]+-(daily|nightly|weekly|monthly|termly|yearly|annually)$")
_TIMES = {"once", "twice", "thrice"}
#: what joins days in a list as people write it: "Tuesday and Thursday", "Sat + Sun"
_AND = {"and", "or", ",", "+", "&", "/"}
#: what a change is read off: "going by the school's register"
_RECORD = {"register", "registers", "log", "logs", "book", "diary", "diaries", "record",
           "records", "notes", "chart", "charts", "tracker", "report", "reports", "data",
           "figures", "sheet", "app", "list", "score", "scores", "sdq", "scale"}
_ORDINAL = {"other", "alternate", "second", "third", "fourth", "few"}
#: what a span lasts until when it is not a date: "until the next review"
_OCCASION = {"review", "reviews", "conference", "hearing", "term", "half-term", "holidays",
             "holiday", "summer", "christmas", "easter", "birth", "discharge", "plan",
             "order", "placement", "assessment", "meeting", "exams", "panel"}
_WHOLE = {"rest", "remainder", "length", "duration", "end", "whole"}
_BOUND = {"least", "most", "more", "fewer", "less", "over", "under", "above", "below",
          "up", "only", "no", "than", "at", "to", "exactly", "around", "about"}
_COUNT_TAIL = {"of", "out", "in", "a", "per", "each", "every", "or", "and", "%", "percent",
               "more", "above", "less", "fewer", "below", "over", "under", "higher",
               "lower", "times"}
#: before a number that gives a time of day, not a count ("by 8.45", "at 9")
_CLOCK_PREP = {"by", "at", "before", "after", "until", "till", "from", "to", "around"}
_START_LEAD = {"from", "starting", "start", "starts", "beginning", "begins", "commencing",
               "w/c", "on", "as", "week"}
_TARGET_LEAD = {"by", "before", "within", "no", "not", "over"}
#: a date after these is not when something starts: a deadline, an end, a rate
_NOT_START_AFTER = {"by", "before", "within", "until", "till", "after", "every", "each",
                    "in", "during", "for", "of", "than", "since", "between", "to", "other",
                    "the", "and", "or", ",", "first", "second", "third", "fourth", "last"}


def _low(token: Any) -> str:
    return str(token.lower_)


_ORDINALS = {"first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth",
             "ninth", "tenth", "last", "next"}


def _is_num(token: Any) -> bool:
    """A number that counts: not "a", nor an ordinal word ("first", "eighteenth") that
    says which ("the 25th centile" is a value, and stays)."""
    low = _low(token)
    return bool(token.like_num) and low not in {"a", "an"} | _ORDINALS and not (
        low.endswith("th") and not low[:1].isdigit())


def _count(token: Any) -> bool:
    """A number or a number word ("six", "12", "a") that counts something."""
    return _is_num(token) or _low(token) in ("a", "an", "one", "half")


def date_spans(doc: Any) -> list[tuple[int, int]]:
    """Every date phrase of ``doc`` as (start, end) token indices, longest first from the
    left: "from 7 December", "by the end of March 2027", "within six weeks", "next
    Monday". A month read as a verb ("Mum may call") is not one."""
    spans: list[tuple[int, int]] = []
    n = len(doc)
    # only words a date phrase is made of can be in one: the phrases tried stop there
    fits = [_low(t) in DATE_WORDS or t.like_num or t.text[:1].isdigit() for t in doc]
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
            words = doc[i:j]
            if any(_low(t) in _MONTHS and t.tag_ in ("MD", "VB", "VBP", "VBZ")
                   for t in words):
                continue
            if (j < n and _is_num(doc[j])) or any(
                    t.text == "Year" and t.i > t.sent.start for t in words):
                continue  # "by the end of Year 9": a school year, not the year's end
            if phrase_date(words.text, _PROBE) is not None:
                spans.append((i, j))
                i = j - 1
                break
        i += 1
    return spans


def _recurring_day(doc: Any, start: int, end: int) -> bool:
    """The date phrase is one day of a repeating run: "every Tuesday", "Tuesday
    mornings", "Monday to Friday", "on Tuesday and Thursday afternoons"."""
    after = doc[end] if end < len(doc) else None
    before = doc[start - 1] if start else None
    if before is not None and _low(before) in ("every", "each", "other", "alternate"):
        return True
    if after is not None and _low(after) in _DAYPART:
        return True
    if before is not None and _low(doc[start]).rstrip("s") in _WEEKDAY and \
            _low(before) in _AND | {"to", "-", "through"} and \
            start >= 2 and _low(doc[start - 2]).rstrip("s") in _WEEKDAY:
        return True  # "Mon-Fri", "Tuesday and Thursday"
    if after is not None and _low(after) in _AND and end + 1 < len(doc) and \
            _low(doc[end + 1]).rstrip("s") in _WEEKDAY:
        return True
    return after is not None and _low(after) in ("to", "-", "until", "through", "and",
                                                  "or") and \
        end + 1 < len(doc) and _low(doc[end + 1]).rstrip("s") in _WEEKDAY


def _modifier(doc: Any, start: int, end: int) -> bool:
    """A day's name modifying the noun after it ("Sunday lunch", "the Friday club"):
    a kind of thing, not a date."""
    if end - start != 1 or end >= len(doc):
        return False
    after = doc[end]
    return after.tag_ in ("NN", "NNS", "NNP") and _low(after) not in _DAYPART | _UNIT and \
        (_low(doc[start]) in _WEEKDAY or _low(doc[start]) in _MONTHS)


def start_span(doc: Any) -> tuple[int, int] | None:
    """The phrase saying when a piece of work starts: "from 7 December", "starting next
    week", "w/c 3 March", "on Tuesday 8 December", "next Monday", "immediately". Not a
    deadline or an end ("by the end of the year", "until 31 March"), nor a day that
    repeats ("every Tuesday", "on Tuesday mornings")."""
    rates = frequency_spans(doc)
    for start, end in date_spans(doc):
        first = _low(doc[start])
        before = _low(doc[start - 1]) if start else ""
        if _recurring_day(doc, start, end) or _modifier(doc, start, end):
            continue
        after = _low(doc[end]) if end < len(doc) else ""
        if _low(doc[end - 1]) in ("immediately", "away", "now", "today") and after in (
                "if", "when", "whenever", "should", "once", "as", "after", "every", "each"):
            continue  # "ring the social worker immediately if he hears ...": a standing
            # rule set off by an event, not a day the work starts
        if first not in _START_LEAD - {"on"} and any(e <= start for _, e in rates):
            continue  # "every night for four weeks and bring it to the clinic on 3 July":
            # a day after how often is one event of the work, not when it starts
        if first in _START_LEAD:
            if first == "as" and (end - start < 3 or _low(doc[start + 1]) not in ("of", "from")):
                continue
            if first == "week" and _low(doc[start + 1]) not in ("commencing", "beginning"):
                continue
            return start, end
        if first in ("by", "before", "within", "in", "until", "till", "no", "not", "over"):
            continue
        if before in _NOT_START_AFTER:
            continue
        return start, end
    return None


def target_span(doc: Any) -> tuple[int, int] | None:
    """The phrase saying by when an outcome should have happened: "by the end of March
    2027", "within six weeks", "before 1 April", "in three months' time". Not a start
    ("from January"), nor a window a count is made in ("no more than twice in six
    weeks")."""
    for start, end in date_spans(doc):
        first = _low(doc[start])
        if first in _TARGET_LEAD:
            return start, end
        if first == "in" and start + 1 < end and (_count(doc[start + 1]) or _low(
                doc[start + 1]) == "the") and not (
                start and (_count(doc[start - 1]) or _low(doc[start - 1]) in _TIMES | {"times"}
                           or (doc[start - 1].tag_ == "NNS" and any(
                               _is_num(t) for t in doc[max(0, start - 4):start - 1])))):
            return start, end  # "in six weeks", not "twice in six weeks"
    return None


# --- how often and for how long ---------------------------------------------------------


def _rate(doc: Any, i: int) -> int:
    """The end of a rate phrase starting at token ``i``, or ``i`` when none starts there."""
    n = len(doc)
    low = _low(doc[i])

    def at(k: int) -> str:
        return _low(doc[k]) if k < n else ""

    if low in _RATE or _RATE_RE.match(low):
        head = doc[i].head
        if doc[i].dep_ == "amod" and head.tag_ in ("NN", "NNS") and head.i > i and \
                _low(head) not in _EVENT | _COURSE | _HELP:
            return i  # "a daily routine chart", "the weekly shop": a thing, not how often
        return i + 1
    if low in ("every", "each"):  # "every Tuesday", "every other week", "each school day"
        k = i + 1
        if at(k) in _ORDINAL or (k < n and _count(doc[k]) and at(k) not in ("a", "an")):
            k += 1
        if at(k) in ("school", "working") or (at(k) == "week" and at(k + 1) in (
                "day", "days", "night", "nights")):
            k += 1  # "each school day", "every working day"
        if at(k) in ("time", "times", "one", "of"):
            return i
        if at(k).rstrip("s") in _WEEKDAY or at(k) in _UNIT or at(k) in _EVENT:
            k += 1
            while at(k) in _AND and at(k + 1).rstrip("s") in _WEEKDAY:
                k += 2
            if at(k) in _DAYPART:
                k += 1
            return k
        return i
    if low in _TIMES or (_count(doc[i]) and at(i + 1) == "times"):
        k = i + 1 if low in _TIMES else i + 2  # "twice a week", "three times weekly"
        if at(k) in ("a", "an", "per", "each", "every") and at(k + 1) in _UNIT:
            return k + 2
        if at(k) in _RATE or _RATE_RE.match(at(k)):
            return k + 1
        return i
    if _count(doc[i]) and not _clock(doc[i]) and (_is_num(doc[i]) or at(i + 1) in _UNIT):
        k = i + 1  # "two sessions a week", "3 x week", "an hour a week"
        if at(k) in ("x", "*") or re.match(r"^\d+x$", low):
            k += 1 if at(k) in ("x", "*") else 0
            if at(k) in _UNIT or at(k) in _RATE:
                return k + 1
            if k < n and _is_num(doc[k]) and at(k + 1) in _UNIT:
                return k + 2
            return i
        while k < n and (doc[k].tag_ in ("JJ", "NN", "NNS", "HYPH") or (
                doc[k].tag_ == "CD" and at(k + 1) == "-")) and \
                at(k) not in ("a", "per", "times") and k - i <= 5:
            k += 1  # "two 45-minute sessions per week" (not "six children three times")
        if k > i + 1 and at(k) in ("a", "an", "per", "each", "every") and at(k + 1) in _UNIT:
            return k + 2
        return i
    if low in ("on", "at") and i + 1 < n:
        inner = _rate(doc, i + 1)  # "on Tuesdays", "at weekends", "on Wednesday mornings"
        return inner if inner > i + 1 and (at(i + 1) in _WEEKDAYS | _WEEKDAY | {
            "weekends", "weekdays"}) else i
    if low in _WEEKDAYS or low in ("weekdays", "weekends", "mon-fri", "monday-friday"):
        k = i + 1
        while at(k) in _AND and at(k + 1) in _WEEKDAYS:
            k += 2
        return k
    if low in _WEEKDAY:  # "Wednesday mornings", "Tuesday and Thursday afternoons"
        k = i + 1
        while at(k) in _AND and at(k + 1) in _WEEKDAY:
            k += 2
        if at(k) in _DAYPART and at(k).endswith("s"):
            return k + 1
    if low in _WEEKDAY and at(i + 1) in ("to", "-", "through") and \
            at(i + 2).rstrip("s") in _WEEKDAY:
        return i + 3  # "Monday to Friday"
    return i


def _span_of_time(doc: Any, i: int, dates: dict[int, int]) -> int:
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
        if k < n and _count(doc[k]) and (at(k + 1) in _UNIT or at(k + 1) in _COURSE):
            if at(k + 2) in ("a", "an", "per", "each") and at(k + 3) in _UNIT:
                return k + 4  # "for 30 minutes a day"
            return k + 2
        if at(k) in _UNIT and low != "throughout" and at(k - 1) in (
                "a", "an", "next", "coming", "following", "first"):
            return k + 1  # "for a term", "for the next month", "for the first month"
        if at(k) in _WHOLE and at(k + 1) == "of":
            k += 2
            if at(k) in ("the", "this", "his", "her", "their"):
                k += 1
            if at(k) in _OCCASION or at(k) in _UNIT:
                return k + 1
            return i
        if low == "throughout" and at(k) in _OCCASION:
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
            if at(k) in _OCCASION:
                end = k + 1
            k += 1
        return end
    if _is_num(doc[i]) and at(i + 1) in _COURSE and at(i + 2) not in ("a", "per", "each"):
        if i and _low(doc[i - 1]) == "of" and i >= 2 and _low(doc[i - 2]) in (
                "course", "block", "programme"):
            return i + 2
        return i + 2  # "six sessions"
    return i


def frequency_spans(doc: Any) -> list[tuple[int, int]]:
    """How often and for how long a piece of work runs, each phrase as (start, end) in
    order: "every Tuesday", "weekly" and "for six weeks", "twice a week", "on Wednesday
    mornings", "until the next review", "six sessions". Nothing for "as needed",
    "regularly", "when required": they say neither."""
    dates = dict(date_spans(doc))
    spans: list[tuple[int, int]] = []
    i, n = 0, len(doc)
    while i < n:
        end = _rate(doc, i)
        if end <= i:
            end = _span_of_time(doc, i, dates)
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
                    _low(doc[end - 1]) in _EVENT:
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


def _clock(token: Any) -> bool:
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
        before in _CLOCK_PREP and after not in _UNIT | {"%", "percent", "out", "of"} and
        not doc[token.i + 1:token.i + 2].text[:1].isalpha()) or before in (
        "year", "stage", "aged", "age", "ks", "level", "session", "term", "week", "step",
        "phase", "class", "room", "group")


def _count_phrase(doc: Any, i: int, taken: set[int]) -> tuple[int, int] | None:
    """The bounded count around token ``i`` (a number, "%", "every"): "on at least 4
    days a week", "above 90% attendance", "4 out of 5 mornings", "every school day", "no
    more than two late marks a term"."""
    n = len(doc)
    start = i
    while start > 0 and _low(doc[start - 1]) in _BOUND and start - 1 not in taken:
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
        if low in _COUNT_TAIL or _is_num(doc[end]) or tag in ("JJ", "NN", "NNS", "CD") \
                or low in _UNIT or low in ("school", "unauthorised", "late") or (
                    tag in ("VBN", "VBD", "VBG") and doc[end].dep_ == "amod"):
            if tag in ("NNP", "NNPS") or low in ("by", "as", "with"):
                break
            if low in ("in", "and", "or", "of", "out", "a", "per", "each", "every") and (
                    end + 1 >= n or not (_is_num(doc[end + 1]) or _low(doc[end + 1]) in
                                         _UNIT | _COUNT_TAIL | {"school", "the", "his",
                                                                "her", "their"}
                                         or doc[end + 1].tag_ in ("JJ", "NN", "NNS"))):
                break
            end += 1
            continue
        break
    while end > i + 1 and _low(doc[end - 1]) in _COUNT_TAIL - {"%", "percent", "more",
                                                                 "above", "less", "fewer",
                                                                 "below", "higher", "lower"}:
        end -= 1
    while end > i + 1 and end < n and doc[end].tag_ == "HYPH":
        end -= 1  # "30 high-frequency words": the count stops before a word it cut
    while end > i + 1 and doc[end - 1].tag_ in ("JJ", "JJR"):
        end -= 1  # "24 consonant sounds" cut by a misread verb
    while end > i + 1 and _low(doc[end - 1]) in ("in", "a", "of", "and", "or", "per",
                                                 "each", "every", "out"):
        end -= 1  # "90% accuracy in a 10-minute session": the words before the cut
    if start < end - 1 and _low(doc[start]) == "up" and _low(doc[start + 1]) != "to":
        start += 1  # "picking up 10 pieces": a particle, not "up to"
    if not any(t.tag_ in ("NN", "NNS") or _low(t) in _UNIT | {"%", "percent", "times",
                                                               "once", "twice", "every",
                                                               "each"}
               for t in doc[start:end]):
        return None  # a number with nothing counted ("score below 10")
    if start < i and _low(doc[start]) in ("at", "to", "up", "than") and not any(
            _low(doc[k]) in ("least", "most", "more", "fewer", "less", "no", "up", "only",
                             "over", "under", "above", "below") for k in range(start, i)):
        start = i
    return start, end


def _evidence(doc: Any, i: int, observe: Iterable[str]) -> int:
    """The end of a phrase naming who or what will show the change, starting at ``i``
    ("as recorded by the school", "as Mum and the school both report", "according to the
    attendance log"), or ``i``."""
    n = len(doc)
    low = _low(doc[i])
    seen = set(observe) | {"show", "measure", "evidence", "record", "confirm", "report",
                           "observe", "see", "log", "note", "track", "monitor"}

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
            lemma(doc[i]) in seen | {"judge", "check", "track", "monitor"} or
            (lemma(doc[i]) == "go" and _low(doc[i + 1]) in ("by", "off"))):
        # set off after the change: ", recorded in the school register", ", going off
        # the school's late book", "(judged by the attendance log)"; going by a record,
        # not by a place ("walking to school, going by the park")
        end = clause_end(i + 2)
        if lemma(doc[i]) != "go" or any(_low(t) in _RECORD for t in doc[i + 2:end]):
            return end
    if low != "as":
        return i
    k = i + 1
    while k < n and k < i + 8 and not doc[k].is_punct:
        word = doc[k]
        base = lemma(word)
        # a verb, or a verb the tagger took for a noun where the parse has a clause
        # ("as her carer's diary shows": "shows" as a plural noun heading a clause)
        verb = word.tag_.startswith("VB") or word.dep_ in ("advcl", "ccomp", "relcl")
        if verb and (base in seen or _low(word).removesuffix("s") in seen or _low(word) in (
                "shown", "seen", "heard", "found", "written", "kept")):
            end = k + 1
            # the rest of the clause: "as recorded by the school", "as the log shows"
            while end < n and not (doc[end].is_punct and _low(doc[end]) not in
                                   ("'", "-", "/")):
                if _low(doc[end]) in ("by",) and end > k + 1 and \
                        phrase_date(doc[end:end + 4].text, _PROBE) is not None:
                    break
                end += 1
            return end
        if word.tag_ in ("VBZ", "VBP", "VBD", "MD") and base not in ("be", "have"):
            return i  # "as she grows up": another clause, not who sees the change
        k += 1
    return i


def _only_how_long(doc: Any, start: int, end: int) -> bool:
    """The count is only a length of time ("for six months", "3 weeks"): nothing is
    counted in it."""
    tokens = [t for t in doc[start:end] if _low(t) not in ("for", "over", "the")]
    words = [_low(t) for t in tokens]
    return len(words) == 2 and _is_num(tokens[0]) and words[1] in (
        "day", "days", "week", "weeks", "month", "months", "year", "years", "term", "terms",
        "fortnight", "fortnights", "wk", "wks", "mth", "mths", "yr", "yrs")


def measure_spans(doc: Any, observe: Iterable[str] = ()) -> list[tuple[int, int]]:
    """How an outcome will be seen to have happened, each phrase as (start, end) in
    order: a bounded count ("on at least 4 days a week", "above 90% attendance", "in 9
    of 10 weeks", "every school day") and who or what shows it ("as recorded by the
    school", "according to the attendance log"). Numbers that only say when ("by 14
    March", "by Year 6", "within 3 months", "by 8.45") are not counts."""
    # numbers in a date are not counts; a window a count is made in is part of it
    # ("no more than 3 mornings in six weeks")
    taken: set[int] = set()
    target = target_span(doc)
    for start, end in date_spans(doc):
        if (start, end) == target or _low(doc[start]) != "in":
            taken.update(range(start, end))
    spans: list[tuple[int, int]] = []
    i, n = 0, len(doc)
    while i < n:
        token = doc[i]
        if i in taken:
            i += 1
            continue
        end = _evidence(doc, i, observe)
        if end > i:
            spans.append((i, end))
            taken.update(range(i, end))
            i = end
            continue
        low = _low(token)
        anchor = (_is_num(token) and not _clock(token) and not (
            i + 1 < n and doc[i + 1].tag_ == "HYPH")) or low in ("%", "percent") or (
            low in ("every", "each") and _rate(doc, i) > i) or low in _TIMES
        if low == "no" and not anchor and i + 1 < n and doc[i + 1].tag_ in ("JJ", "NNS") \
                and any(doc[k].tag_ == "NNS" for k in range(i + 1, min(n, i + 3))):
            anchor = True  # "no unauthorised absences": a count of none
        if anchor and low == "one" and not (i + 1 < n and _low(doc[i + 1]) in (
                "out", "of", "in")) and (not (i and _low(doc[i - 1]) in _BOUND) or (
                    _low(doc[i - 1]) == "no" and not (i + 1 < n and doc[i + 1].tag_.startswith(
                        ("NN", "JJ"))))):
            # "write down one good thing": a thing, not a count; "bite no one": nobody
            anchor = False
        if anchor:
            found = _count_phrase(doc, i, taken)
            if found is not None and _only_how_long(doc, *found):
                found = None  # "for six months": how long it lasts, not how much
            if found is not None:
                start, end = found
                if low in ("every", "each"):
                    end = max(end, _rate(doc, i))
                if spans and spans[-1][1] >= start:
                    start = spans[-1][0]
                    spans.pop()
                spans.append((start, end))
                taken.update(range(start, end))
                i = end
                continue
        i += 1
    return spans


def said(doc: Any, spans: list[tuple[int, int]], drop_lead: bool = False) -> str:
    """The phrases as one answer, in the statement's words: "Weekly, for six weeks".
    ``drop_lead`` drops a preposition before a count ("on at least 4 days" -> "at least
    4 days")."""
    parts: list[str] = []
    for start, end in spans:
        if drop_lead and end - start > 1 and ((_low(doc[start]) == "as" and not parts) or (
                _low(doc[start]) in ("on", "in", "for") and (
                    _count(doc[start + 1]) or _low(doc[start + 1]) in _BOUND | {"every",
                                                                                 "each"}))):
            start += 1  # "on at least 4 days", "as recorded by school": the words after
        text = doc[start:end].text.strip(" ,;")
        if text and text.lower() not in (p.lower() for p in parts):
            parts.append(text)
    if not parts:
        return ""
    joined = ", ".join(parts)
    return joined[:1].upper() + joined[1:]
