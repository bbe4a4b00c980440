"""Make a library statement's pronouns fit the person it is offered for.

The curated statements were written about a particular girl or boy ("...talk about his
nan"). Offered as a rewrite for someone else, the pronouns must follow that person: the
gender the worker's own words show ("...because her dad died"), or singular "they" when
they show none. Only third-person pronouns change; a verb right after "he"/"she" is made
to agree with "they" ("she feels" -> "they feel"), by lemminflect. The pronouns and the
words around them are content: ``framework/words/pronouns.yml``; each function takes the
lists in use, or the packaged ones.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from assistant.content import RoleVocabulary

from assistant.wording.morphology import can_be_noun, can_be_verb, they_form
from assistant.wordlists import PronounWords

_TOKEN = re.compile(r"[A-Za-z]+(?:'[a-z]+)?|[^A-Za-z]+")



def gender_of(text: str, *, lists: PronounWords) -> str | None:
    """'f' or 'm' when the text's third-person pronouns are all of one kind, else None."""
    words = {w.lower() for w in re.findall(r"[A-Za-z]+", text)}
    female, male = bool(words & lists.female), bool(words & lists.male)
    if female == male:
        return None
    return "f" if female else "m"


def _plural_verb(word: str, lists: PronounWords) -> str:
    """The verb after "she" made to agree with "they": "is" -> "are" (listed), "feels" ->
    "feel", "tries" -> "try" (lemminflect); anything else as it is."""
    low = word.lower()
    if low in lists.agree:
        return lists.agree[low]
    if low in lists.modals:
        return word
    plain = they_form(low)
    return word if plain is None else _match_case(plain, word)


def _match_case(new: str, old: str) -> str:
    return new[:1].upper() + new[1:] if old[:1].isupper() else new


def _next_word(tokens: list[str], i: int) -> tuple[int, str]:
    for j in range(i + 1, len(tokens)):
        if tokens[j].strip() and tokens[j][0].isalpha():
            return j, tokens[j].lower()
        if tokens[j].strip():  # punctuation before the next word
            return -1, ""
    return -1, ""


def names_someone_else(text: str, holder: str | None, roles: RoleVocabulary,
                       lists: PronounWords | None = None) -> bool:
    """True when the statement names another person ("...that Amira wants to see her
    father"): its pronouns may then be that person's, so they are left as written. A day,
    a month or a word in capitals ("every other Saturday", "before PE", "A&E") names no
    one (``lists.not_people``)."""
    own = {w.lower() for w in re.findall(r"[A-Za-z]+", holder or "")}
    skip = lists.not_people if lists is not None else frozenset()
    words = re.findall(r"[A-Za-z][A-Za-z&]*", text)
    return any(w[0].isupper() and not w.isupper() and w.lower() not in own
               and w.lower() not in skip and roles.gender(w) is None for w in words[1:])


def target_gender(text: str, holder: str | None, roles: RoleVocabulary,
                  *, lists: PronounWords) -> str | None:
    """The gender a rewrite should use ('f', 'm'): the worker's own pronouns, else the
    gender of the role word that names the holder ("Mum", "grandad"; framework roles)."""
    shown = gender_of(text, lists=lists)
    if shown or not holder:
        return shown
    for word in re.findall(r"[A-Za-z]+(?:-[A-Za-z]+)?", holder):
        gender = roles.gender(word)
        if gender is not None:
            return "f" if gender == "female" else "m"
    return None


def _possessive(tokens: list[str], i: int, lists: PronounWords,
                parsed: dict[int, Any]) -> bool:
    """True when "her" (or "his") at ``tokens[i]`` is a possessive ("her mum", "her own
    bed"), False when it stands for the person ("make her anxious", "let her", "about her").

    Why: "her" is both; a boy's rewrite of "...things that make her anxious" read "make
    his anxious". Read, in order: nothing after it, or a word of ``after_object`` ("tell
    her about", "keep her calm"), shows the person, whatever a parse says. After a verb
    of giving ("give her time", "offer her a place": ``lists.giving``) it is the person
    unless a second noun phrase follows ("give her mum a call"). Else the parse, where
    there is one (``parsed``: the token at this character offset), says a possessive
    where it is a noun's possessor. Without one, a verb after a verb of ``with_verb``
    ("let her go") shows the person; a word of ``before_noun`` ("own", "little") or one
    English uses as a noun (lemminflect) a possessive; anything else (a verb, an
    adjective: "make her anxious") the person."""
    j, after = _next_word(tokens, i)
    if j < 0 or after in lists.after_object:
        return False
    before = next((t.lower() for t in reversed(tokens[:i]) if t.strip()), "")
    if before in lists.giving:
        k, second = _next_word(tokens, j)
        return k >= 0 and second in lists.determiners
    token = parsed.get(sum(len(t) for t in tokens[:i]))
    if token is not None:
        return bool(token.dep_ == "poss" or token.tag_ == "PRP$")
    if before in lists.with_verb and can_be_verb(after):
        return False
    return after in lists.before_noun or can_be_noun(after)


def fit(text: str, gender: str | None, *, lists: PronounWords, doc: Any = None) -> str:
    """``text`` with the holder's pronouns for ``gender`` ('f', 'm'), or "they" if None.

    The holder's pronouns are taken to be those of the kind that comes first: in "her dad
    died because of his illness", "her" is the holder's and "his" the dad's, so only the
    first kind changes and the other person keeps theirs. ``doc``: ``text`` parsed (a
    spaCy document with a dependency parse), which tells "her" the possessive from "her"
    the person (:func:`_possessive`); without one, the words around it tell.
    """
    female, male = lists.female, lists.male
    tokens = _TOKEN.findall(text)
    first = next((tok.lower() for tok in tokens if tok.lower() in female | male), None)
    if first is None:
        return text
    holders = female if first in female else male
    if gender == ("f" if holders is female else "m"):
        return text
    parsed = {t.idx: t for t in doc if t.lower_ in ("her", "his")} \
        if doc is not None and doc.has_annotation("DEP") else {}
    for i, token in enumerate(tokens):
        low = token.lower()
        if low not in holders:
            continue
        j, after = _next_word(tokens, i)
        if low == "her":
            is_object = not _possessive(tokens, i, lists, parsed)
            new = {"f": "her", "m": "him" if is_object else "his",
                   None: "them" if is_object else "their"}[gender]
        elif low == "his" and (j < 0 or (
                (k := parsed.get(sum(len(t) for t in tokens[:i]))) is not None
                and k.tag_ != "PRP$" and k.dep_ != "poss")):
            # "his" standing alone ("the choice is his"): "hers", "theirs"
            new = {"f": "hers", "m": "his", None: "theirs"}[gender]
        elif low in ("he", "she"):
            new = {"f": "she", "m": "he", None: "they"}[gender]
            if gender is None and j >= 0:
                k = j
                if after in lists.adverbs:
                    k, _ = _next_word(tokens, j)
                if k >= 0:
                    tokens[k] = _plural_verb(tokens[k], lists)
        else:
            new = {
                "him": {"f": "her", "m": "him", None: "them"},
                "his": {"f": "her", "m": "his", None: "their"},
                "hers": {"f": "hers", "m": "his", None: "theirs"},
                "himself": {"f": "herself", "m": "himself", None: "themselves"},
                "herself": {"f": "herself", "m": "himself", None: "themselves"},
            }[low][gender]
        tokens[i] = _match_case(new, token)
    return "".join(tokens)


_PLACEHOLDER_AT = re.compile(r"\{(\w+)\}")
_AFTER = re.compile(r"(\s+)([A-Za-z]+(?:'[a-z]+)?)")
_BEFORE = re.compile(r"([A-Za-z]+(?:'[a-z]+)?)(\s+)\Z")


def agree(template: str, plain: dict[str, str], *, lists: PronounWords) -> str:
    """``template`` with the verbs around each subject placeholder in ``plain`` made to
    agree with its value, a subject that takes the plain verb ("they", "we", "the parents",
    "Mum and Dad", "I"): the verb after it ("{subject} needs" -> "they need", "{subject}
    always finds" -> "they always find") and a helping verb before it in a question
    ("Where is {subject}" -> "Where are they", "What does {subject} do" -> "What do they
    do"). ``plain`` maps a placeholder's name to its value's lower-case first word.

    Why: the templates are written for one person ("she needs"); a holder written as
    "They", a couple or a singular "they" turned them into "they needs", "is they".
    """
    if not plain:
        return template
    fixed = template
    # From the end, so the offsets of the placeholders before stay true.
    for found in reversed(list(_PLACEHOLDER_AT.finditer(template))):
        subject = plain.get(found.group(1))
        if subject is None:
            continue
        first = subject == "i"
        after = _AFTER.match(fixed, found.end())
        if after is not None:
            word_at, word = after.start(2), after.group(2)
            if word.lower() in lists.adverbs:
                again = _AFTER.match(fixed, after.end())
                if again is not None:
                    word_at, word = again.start(2), again.group(2)
            new = _verb_for(word, first, lists)
            fixed = fixed[:word_at] + new + fixed[word_at + len(word):]
        before = _BEFORE.search(fixed, 0, found.start())
        if before is not None and before.group(1).lower() in lists.inverted:
            word = before.group(1)
            new = _verb_for(word, first, lists)
            fixed = fixed[:before.start(1)] + new + fixed[before.end(1):]
    return fixed


def _verb_for(word: str, first: bool, lists: PronounWords) -> str:
    """``word`` (a verb after "she") as it reads after "they", or after "I" when ``first``."""
    low = word.lower()
    if first and low in lists.agree_first:
        return _match_case(lists.agree_first[low], word)
    return _plural_verb(word, lists)
