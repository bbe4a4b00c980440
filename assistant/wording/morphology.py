"""English word forms from a maintained library (lemminflect), not from suffix rules.

Why: hand-written suffix rules made "fulfiling", "diagnosises" and "lifes", and a rule that
lists "diagnosis" missed "Sam needs diagnoses." lemminflect holds a dictionary of English
inflections (irregular plurals, doubled consonants, "-is" to "-es") and rules for words it
does not know. Its spellings are American where the two differ; the coach writes British
English, so where it offers both ("traveling", "travelling") the British one is chosen.

lemminflect imports spaCy when it is imported, so this module imports it only inside its
functions: they are called where the coach's pipeline is loaded anyway, never by
``Coach()`` itself (which must stay fast to construct).
"""

from __future__ import annotations

import json
import os
import re
import threading
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path
from typing import Any

_WORD = re.compile(r"[a-z]+(?:-[a-z]+)*")
_VOWELS = "aeiou"


def _lemminflect() -> Any:
    import lemminflect

    return lemminflect


def warm() -> None:
    """Load lemminflect's lemma and inflection tables now rather than at the first rewrite
    that needs them (seconds, once per run): the app calls this in the thread that loads
    the coach, so the first flagged answer is not the one that waits."""
    lem = _lemminflect()
    lem.getAllLemmas("goes", upos="VERB")
    lem.getAllInflections("go", upos="VERB")


def _split(word: str) -> tuple[str, str]:
    """A hyphenated word's head and its last part ("re-refer" -> "re-", "refer"): the last
    part is the one that inflects."""
    head, _, last = word.rpartition("-")
    return (head + "-" if head else ""), last


def _british(lemma: str, forms: tuple[str, ...]) -> str:
    """The British spelling among ``forms`` of ``lemma``: a final "l" after one vowel is
    doubled ("travelling", "counselling", "modelled"); otherwise the library's first."""
    if len(forms) > 1 and lemma.endswith("l") and not lemma.endswith("ll") \
            and len(lemma) > 2 and lemma[-2] in _VOWELS and lemma[-3] not in _VOWELS:
        doubled = next((f for f in forms if f.startswith(lemma + "l")), None)
        if doubled:
            return doubled
    return forms[0]


@lru_cache(maxsize=4096)
def s_forms(word: str) -> frozenset[str]:
    """The "-s" forms of a listed word: its plurals as a noun and its third-person form
    as a verb ("diagnosis" -> diagnoses; "go" -> goes; "life" -> lives; "class" ->
    classes). Empty for words with neither (adjectives, function words, inflected forms
    such as "needed"), and for anything that is not a plain or hyphenated word."""
    low = word.lower()
    if not _WORD.fullmatch(low):
        return frozenset()
    lem = _lemminflect()
    head, last = _split(low)
    known = lem.getAllInflections(low) or (lem.getAllInflections(last) if head else {})
    if known:
        prefix = head if not lem.getAllInflections(low) else ""
        forms = {prefix + f for tag in ("NNS", "VBZ") for f in known.get(tag, ())}
        return frozenset(forms - {low})
    if lem.getAllLemmas(low) or (head and lem.getAllLemmas(last)):
        return frozenset()  # an inflected form already ("needed", "outcomes")
    # A word the dictionary lacks ("keyworker", "camhs"): the library's rules for a noun.
    oov = lem.getAllInflectionsOOV(last, "NOUN").get("NNS", ())
    return frozenset(head + f for f in oov) - {low}


# The "-s" forms of listed words, kept in a file between runs (see ``s_forms_of``).
_KEPT_FORMAT = 1
_kept_lock = threading.Lock()
_kept: dict[str, list[str]] | None = None


def _kept_path() -> Path | None:
    """The file for this lemminflect version, in the user's cache folder (or
    ``NEEDS_LED_CACHE``); None when it cannot be known."""
    try:
        from importlib.metadata import version

        folder = os.environ.get("NEEDS_LED_CACHE")
        if not folder:
            from platformdirs import user_cache_path

            folder = str(user_cache_path("needs-led"))
        return Path(folder) / f"s-forms-{version('lemminflect')}-{_KEPT_FORMAT}.json"
    except (ImportError, OSError):  # no lemminflect metadata, no home: no cache
        return None


def _read_kept(path: Path | None) -> dict[str, list[str]]:
    try:
        data = json.loads(path.read_text(encoding="utf-8")) if path else {}
    except (OSError, ValueError):
        return {}
    if not isinstance(data, dict):
        return {}
    return {word: forms for word, forms in data.items() if isinstance(word, str)
            and isinstance(forms, list) and all(isinstance(f, str) for f in forms)}


def _write_kept(path: Path | None, kept: dict[str, list[str]]) -> None:
    if path is None:
        return
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = path.with_name(f"{path.name}.{os.getpid()}.tmp")
        temporary.write_text(json.dumps(kept, sort_keys=True), encoding="utf-8")
        os.replace(temporary, path)
    except OSError:
        pass


def s_forms_of(words: Iterable[str]) -> dict[str, frozenset[str]]:
    """:func:`s_forms` of each of ``words``, from a file kept between runs where it has
    them. Why: the coach compiles its rules with the "-s" forms of a few hundred listed
    words, and loading lemminflect's tables for them costs about a third of a cold
    ``needs-led check``; the forms of a word never change for one lemminflect version."""
    global _kept
    wanted = list(dict.fromkeys(words))
    with _kept_lock:
        if _kept is None:
            _kept = _read_kept(_kept_path())
        kept = _kept
        missing = [w for w in wanted if w not in kept]
        for word in missing:
            kept[word] = sorted(s_forms(word))
        if missing:
            _write_kept(_kept_path(), kept)
        return {word: frozenset(kept[word]) for word in wanted}


@lru_cache(maxsize=1024)
def gerund(verb: str) -> str:
    """The "-ing" form of ``verb``, British spelling: attend -> attending, be -> being,
    get -> getting, fulfil -> fulfilling, travel -> travelling, lie -> lying."""
    low = verb.lower()
    head, last = _split(low)
    forms = _lemminflect().getInflection(last, "VBG", inflect_oov=True)
    return head + (_british(last, tuple(forms)) if forms else last + "ing")


@lru_cache(maxsize=1024)
@lru_cache(maxsize=4096)
def can_be_noun(word: str) -> bool:
    """True when English uses ``word`` as a noun ("mum", "time", "bed"), or the dictionary
    does not know it (a name, a service: more likely a noun than a verb); False for a word
    it knows only as another part of speech ("anxious", "put", "know")."""
    low = word.lower()
    found = _lemminflect().getAllLemmas(low)
    return not found or "NOUN" in found or "PROPN" in found


@lru_cache(maxsize=4096)
def is_word(word: str) -> bool:
    """True when the dictionary knows ``word`` as an English word of any kind ("nursery",
    "older", "referral"); False for a word it does not know ("Tamsin", "Elowen")."""
    return bool(_lemminflect().getAllLemmas(word.lower()))


@lru_cache(maxsize=4096)
def can_be_verb(word: str) -> bool:
    """True when English uses ``word`` as a verb ("go", "sleep", "put")."""
    return "VERB" in _lemminflect().getAllLemmas(word.lower())


def they_form(word: str) -> str | None:
    """The form a third-person singular verb takes after "they" ("feels" -> "feel",
    "goes" -> "go", "tries" -> "try", "misses" -> "miss"), or None when ``word`` is not
    such a verb. Irregular agreement ("is" -> "are") is listed in content, not here."""
    low = word.lower()
    if len(low) < 3 or not low.isalpha():
        return None
    lem = _lemminflect()
    lemmas = lem.getAllLemmas(low, upos="VERB").get("VERB", ())
    if not lemmas:
        # After "she", a word the dictionary knows only as a plural noun is the verb of
        # the same spelling ("she texts" -> "they text").
        for lemma in lem.getAllLemmas(low, upos="NOUN").get("NOUN", ()):
            if lemma != low and low in lem.getAllInflections(lemma).get("NNS", ()):
                return str(lemma)
        if lem.getAllLemmas(low) or not low.endswith("s") or low.endswith("ss"):
            return None  # a known word that is no verb, or no "-s" form
        lemmas = lem.getAllLemmasOOV(low, upos="VERB").get("VERB", ())
        return str(lemmas[0]) if lemmas and lemmas[0] != low else None
    for lemma in lemmas:
        if low in lem.getAllInflections(lemma, upos="VERB").get("VBZ", ()):
            plain = lem.getInflection(lemma, "VBP")
            return plain[0] if plain else lemma
    return None


@lru_cache(maxsize=1024)
def is_plural_noun(word: str) -> bool:
    """True when ``word`` is a plural noun and not also its own singular ("parents",
    "grandchildren", "lives"; not "sheep", "news" or "class")."""
    low = word.lower()
    if not _WORD.fullmatch(low):
        return False
    lem = _lemminflect()
    if not lem.getAllLemmas(low):  # a word the dictionary lacks ("carers"): its rules
        lemmas = lem.getAllLemmasOOV(low, upos="NOUN").get("NOUN", ())
        return bool(lemmas) and lemmas[0] != low and low.endswith("s")
    for lemma in lem.getAllLemmas(low, upos="NOUN").get("NOUN", ()):
        if lemma != low and low in lem.getAllInflections(lemma, upos="NOUN").get("NNS", ()):
            return True
    return False


@lru_cache(maxsize=1024)
def verb_lemma(word: str) -> str:
    """The dictionary form of a verb ("given" -> "give", "referred" -> "refer"), for a
    parse made without a lemmatizer (the coach's pipeline leaves it out)."""
    low = word.lower()
    lemmas = _lemminflect().getLemma(low, upos="VERB")
    return str(lemmas[0]) if lemmas else low
