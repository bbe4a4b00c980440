"""Need Group themes as data (framework/themes.yml), validated on load."""

from __future__ import annotations

import re
from typing import Annotated, Literal

from pydantic import Field, model_validator

from assistant.content import CalendarRef, Content, Strict

# --- themes as data ----------------------------------------------------------------------


class Cluster(Strict):
    id: str = Field(pattern=r"^[a-z0-9][a-z0-9_-]*$")
    label: str = Field(min_length=1)


# Whom an act names: a parent, a child, someone else, or a parent's or a child's
# belongings ("stop taking his mum's money": an act on what is hers, not on her).
Role = Literal["parent", "child", "other"]
# "witnessed": no one named is acted on, and the holder saw or heard it ("the hitting she
# heard at night").
Patient = Literal["parent", "child", "other", "parent's", "child's", "witnessed"]


class ActRule(Strict):
    """Who does what to whom that signals a theme, whatever the words around it: "stop
    shouting at and threatening Mum" (an adult against a parent: domestic abuse), "stop
    giving his mum her tablets" (a child caring for a parent: young carer). ``verbs`` are
    lemmas; ``by`` whom the verb's subject names (the holder when it has none), ``to``
    whom its object names; "other" is someone the words do not place ("someone")."""

    verbs: list[str] = Field(min_length=1)
    by: list[Role] = Field(min_length=1)
    to: list[Patient] = Field(min_length=1)
    says: str = Field(min_length=1)


class Theme(Strict):
    """One Need Group theme: its label, wider cluster, and the words that suggest it."""

    id: str = Field(pattern=r"^[a-z0-9][a-z0-9_-]*$")
    label: str = Field(min_length=1, max_length=80)
    cluster: str
    description: str = ""
    terms: list[str] = Field(min_length=1)
    # Which of the terms name the theme's difficulty itself, unambiguously ("heroin",
    # "coercive control", "county lines"): each counts ``adjuncts.scale.strong`` times a
    # term, so one of them outweighs several everyday words that point elsewhere
    # ("spending the rent money on drink" is about the drink).
    strong: list[str] = []
    # Whom the theme's words must be about: "parent" for a parent's own difficulty (a
    # child's "drink" is not parental substance misuse), "child", or "any".
    about: Literal["parent", "child", "any"] = "any"
    acts: list[ActRule] = []
    # Terms with two meanings, counted for this theme only when about a parent or only
    # when about a child (the word's place in the parse says whom): "care for" is a
    # young carer's only when a child does it; "in custody" is a child's offending, but a
    # parent's custody is a family matter.
    about_terms: dict[Literal["parent", "child"], list[str]] = {}
    examples: list[str] = []

    @model_validator(mode="after")
    def _terms_are_clean(self) -> Theme:
        seen = set()
        for term in [*self.terms, *(t for ts in self.about_terms.values() for t in ts)]:
            if not term.strip() or term != term.strip().lower():
                raise ValueError(f"term {term!r} must be lower case, with no outer spaces")
            if term in seen:
                raise ValueError(f"term {term!r} is listed twice")
            seen.add(term)
        loose = sorted(set(self.strong) - seen)
        if loose:
            raise ValueError(f"strong term(s) {', '.join(loose)} are not terms of the theme")
        return self


class People(Strict):
    """Words that name a parent or carer, a child, and a female or male person: how a
    suggestion tells whose difficulty a need's words are about."""

    parent: list[str] = Field(min_length=1)
    child: list[str] = Field(min_length=1)
    female: list[str] = []
    male: list[str] = []
    # Words for someone's own children ("her kids", "his son"): a person known only by
    # name whose own children the need names is a parent ("Gemma needs to stay sober
    # when her kids are home"), not the child a name is otherwise taken for.
    offspring: list[str] = []
    # Words for someone's adult partner ("her husband", "his ex-wife") and for the care
    # someone gives ("in her care"): a person known only by name whom the need gives one
    # of them is an adult, a parent or carer ("Kelsey needs to stay sober whenever she
    # has the twins in her care"). Not "boyfriend" or "girlfriend": teenagers have them.
    partners: list[str] = []
    in_care: list[str] = []


UNPLACED = ("universal", "service", "assessment", "vague")

# The places a word can sit outside what must change: where ("at nursery"), when ("before
# she starts school", "for ten minutes"), why or what for ("so that...", "because..."), in
# spite of what ("despite his ADHD"), how ("without pushing"), on what condition ("if...").
# Also: what must not happen ("without her partner following her"), a cause (a reason or
# purpose inside what must stop: "stop missing school to translate for her mum", the
# translating is why she misses school), and company ("with older friends": with whom).
AdjunctKind = Literal["place", "time", "purpose", "reason", "concession", "manner",
                      "condition", "relative", "where", "instead", "without", "cause",
                      "company", "frame", "topic", "subject", "stopped", "loose", "result",
                      "modifier", "feeling", "light"]


class Scale(Strict):
    """How a matched term's weight is made, besides its place (themes.yml
    ``adjuncts.scale``): a ``general`` word (an everyday word, a place, a person) counts
    this share; each step below the head of its part (the need's head, or the adjunct's
    own head) divides by 1 + ``depth`` per step; each further word of a phrase adds
    ``phrase``; who does what to whom (an act) counts ``act``; a theme counts by its
    strongest match, and each further match adds ``more`` of its weight."""

    general: float = Field(default=0.35, ge=0.0, le=1.0)
    depth: float = Field(default=0.25, ge=0.0, le=2.0)
    phrase: float = Field(default=1.0, ge=0.0, le=3.0)
    act: float = Field(default=1.5, ge=0.0, le=5.0)
    # Each further match of a theme adds this share of its weight to the strongest one.
    more: float = Field(default=1.0, ge=0.0, le=1.0)
    # A theme's ``strong`` term (one that names the difficulty itself) counts this many
    # times a term.
    strong: float = Field(default=1.0, ge=1.0, le=5.0)


class Adjuncts(Strict):
    """How the words of a need count by their place in its structure (themes.yml
    ``adjuncts``). What must change (the need's predicate, its object and complements)
    counts in full; a word inside an adjunct counts by its kind's ``weight``. An adjunct
    is a clause whose subordinator is in ``marks`` (or an infinitive of purpose), a
    preposition in ``prepositions``, a phrase whose object is one of ``time_words``
    ("every evening", "for ten minutes"), or a relative clause. A place is what is needed
    after one of ``place_verbs`` ("be in school", "live in a flat"); where the holder is
    to be after one of ``where_verbs``, with no object moved there ("be at school by
    8.45", "get to college"), is the ``where`` kind: even a general word counts in full."""

    weight: dict[AdjunctKind, float] = {}
    # A general word (themes.yml ``general``: a place, a person, an everyday thing) in an
    # adjunct of these kinds is the setting ("at nursery", "before she starts school"):
    # it counts this share instead of the kind's weight.
    setting: dict[AdjunctKind, float] = {}
    marks: dict[str, AdjunctKind] = {}
    prepositions: dict[str, AdjunctKind] = {}
    # the calendar's days come from framework/words/time.yml ("@days")
    time_words: Annotated[frozenset[str], CalendarRef] = frozenset()
    place_verbs: frozenset[str] = frozenset()
    where_verbs: frozenset[str] = frozenset()  # being somewhere: "be at school", "attend college"
    # A need held jointly by family members ("Dad and Ellie need to...") is about how
    # they get on: the theme it suggests and how much that counts.
    joint_theme: str | None = None
    joint_weight: float = 0.0
    # A child's need for someone else to do what the child does now ("needs someone other
    # than him to pay the bills") is about the child's load: the theme it suggests and
    # how much that counts.
    relief_theme: str | None = None
    relief_weight: float = Field(default=0.0, ge=0.0, le=5.0)
    # A parent's own difficulty (a theme ``about: parent``) named in a child's need counts
    # this many times: it is what the child's need is about ("Sophie needs to stop
    # worrying that her dad will hurt himself when he is low").
    parent_in_child: float = Field(default=1.0, ge=0.0)
    # A theme about anyone whose word, in a child's need, is said of a parent ("Kai needs
    # to know he cannot catch his mum's illness") names the parents' theme given here: the
    # child's need is about the parent's difficulty, not the child's own health.
    of_parent: dict[str, str] = {}
    # Verbs whose complement is the problem ("stop spending...", "avoid..."): a reason or
    # purpose inside that complement says why the problem happens, a ``cause``.
    stop_verbs: frozenset[str] = frozenset()
    # Verbs of perceiving: what a child holder saw or heard ("the shouting she heard") is
    # an adult's doing, not the child's, and an act of it is an act witnessed.
    perceive_verbs: frozenset[str] = frozenset()
    # Verbs of saying ("tell", "call"): said to a person with a judgment of that person
    # ("calling Mum stupid", "tells Child 1 that he is bad"), the saying is a put-down
    # and is read as the act ``judge_as`` (an ``acts`` verb), whatever the words said.
    judge_verbs: frozenset[str] = frozenset()
    # Endings of abstract nouns (a state, not someone: "depression", "tiredness",
    # "anxiety", "drinking"): such a noun as the subject of an act on a person ("her
    # depression stops her going out") is no one doing it.
    state_endings: tuple[str, ...] = ()
    # Themes whose words name what the holder does for someone else (a young carer's
    # caring): said in the passive ("worth being looked after") or of the holder
    # themself ("left to look after herself"), the holder is cared for, not caring.
    doer_themes: frozenset[str] = frozenset()
    judge_as: str = ""
    # Light verbs: what they are said of carries the need ("let the older boys use her
    # flat", "keep to the bail conditions"), so they frame it. Each verb (a lemma) with
    # the prepositions that introduce what it is said of ("keep": ["to"]), or none when
    # it is the act it governs ("let", "allow": the act let happen).
    light_verbs: dict[str, list[str]] = {}
    # A feeling that is the head of what is needed ("feel safe", "less anxious") with what
    # it comes from ("from her ex-partner", "since his stepdad hit his mum") frames that
    # cause: the theme whose words name the feelings, and the prepositions and
    # subordinators that introduce a cause.
    feeling_theme: str | None = None
    cause_words: frozenset[str] = frozenset()
    # Verbs that, said of someone with no object ("Dad is still using", "stop using
    # before contact"), name a difficulty by themselves: each is read as the term its
    # value names (a term word), so the theme's own checks (whose it is,
    # where it sits) decide as for the word. With an object ("use the toilet", "used to
    # live") the verb is an everyday one.
    objectless: dict[str, str] = {}
    # Words that name a person besides ``people`` ("friend", "man"): "with" one of them,
    # a person named or a pronoun is company (with whom), not what must change.
    companions: frozenset[str] = frozenset()
    scale: Scale = Scale()

    @model_validator(mode="after")
    def _weights_are_shares(self) -> Adjuncts:
        for name, weights in (("weight", self.weight), ("setting", self.setting)):
            for kind, value in weights.items():
                if not 0.0 <= value <= 2.0:
                    raise ValueError(f"adjuncts.{name}.{kind} must be between 0 and 2")
        return self


class Themes(Strict):
    """framework/themes.yml. Order matters: an earlier theme wins a tie."""

    clusters: list[Cluster] = Field(min_length=1)
    themes: list[Theme] = Field(min_length=1)
    service_words: list[str] = []
    adjuncts: Adjuncts = Adjuncts()
    # Theme terms that everyday needs use too ("talk", "feel", "bed"): they count for less.
    general: list[str] = []
    # Other spellings of a word (American, or variant) read as the spelling the terms use:
    # "behavior" as "behaviour", "diaper" as "nappy". One word each side, lower case.
    spellings: dict[str, str] = {}
    # Other spellings by pattern, for the words no one listed: a British ending (or part
    # of a word) and its American one ("ise": "ize", "our": "or", "tre": "ter"; inside a
    # word "paed": "ped"). Each term word's American form reads as the word itself
    # ("organized" as "organised"), unless that form is itself a term word.
    spelling_endings: dict[str, str] = {}
    spelling_inside: dict[str, str] = {}
    # Endings added to a term's last word so its inflected and derived forms match even
    # where the tagger's lemma differs ("hoarding" the noun for "hoard"); a word that
    # ends in "e" drops it before an ending that starts with a vowel ("bathe", "bathing").
    endings: list[str] = []
    people: People = People(parent=["mother", "father", "parent", "parents", "carer"],
                            child=["child", "children"])
    # Why a need worded as a service, an assessment, an aim or vaguely gets no theme:
    # {what} is what the need asks for.
    unplaced: dict[str, str] = {
        "service": "worded as a service ('{what}'): ask what it would change, and place "
                   "the need behind it",
        "assessment": "worded as an assessment ('{what}'): ask what it should find out, and "
                      "what the person needs meanwhile",
        "universal": "worded as an aim for every child ('{what}'): ask what, specifically, "
                     "this person needs",
        "vague": "too vague to place ('{what}'): ask what, specifically, this person needs",
    }

    @model_validator(mode="after")
    def _ids_hold(self) -> Themes:
        clusters = [c.id for c in self.clusters]
        ids = [t.id for t in self.themes]
        for kind, values in (("cluster", clusters), ("theme", ids)):
            twice = sorted({v for v in values if values.count(v) > 1})
            if twice:
                raise ValueError(f"{kind} id(s) listed twice: {', '.join(twice)}")
        for wrong, right in self.spellings.items():
            for word in (wrong, right):
                if not re.fullmatch(r"[a-z][a-z'-]*", word):
                    raise ValueError(f"spellings: {word!r} must be one lower-case word")
        for ending in self.endings:
            if not re.fullmatch(r"[a-z]+", ending):
                raise ValueError(f"endings: {ending!r} must be lower-case letters")
        for name, pairs in (("spelling_endings", self.spelling_endings),
                            ("spelling_inside", self.spelling_inside)):
            for british, american in pairs.items():
                if not (re.fullmatch(r"[a-z]+", british) and re.fullmatch(r"[a-z]*", american)):
                    raise ValueError(f"{name}: {british!r}: {american!r} must be lower-case "
                                     "letters")
        terms = {term for theme in self.themes for term in theme.terms}
        terms |= {t for theme in self.themes for ts in theme.about_terms.values() for t in ts}
        stray = sorted(set(self.general) - terms)
        if stray:
            raise ValueError(f"general word(s) {', '.join(stray)} are no theme's terms")
        # A strong term names one theme's difficulty: never an everyday word, and not
        # another theme's term unless whose difficulty it is tells the two apart (a
        # parent's "depression" is parental mental health, a child's emotional wellbeing).
        for theme in self.themes:
            weak = sorted(set(theme.strong) & set(self.general))
            if weak:
                raise ValueError(f"theme '{theme.id}': strong term(s) {', '.join(weak)} are "
                                 "general words")
            for other in self.themes:
                if other is theme or theme.about != other.about:
                    continue
                shared = sorted(set(theme.strong) & (set(other.terms) | set(other.strong)))
                if shared:
                    raise ValueError(f"theme '{theme.id}': strong term(s) "
                                     f"{', '.join(shared)} are also terms of '{other.id}'")
        missing = [k for k in UNPLACED if k not in self.unplaced]
        if missing or set(self.unplaced) - set(UNPLACED):
            raise ValueError(f"unplaced needs a reason for each of: {', '.join(UNPLACED)}")
        for kind, text in self.unplaced.items():
            try:
                text.format(what="")
            except (KeyError, IndexError, ValueError, AttributeError) as exc:
                # ("{what.x}" raises AttributeError: a bad file, not a traceback)
                raise ValueError(f"unplaced.{kind}: unknown placeholder {exc} (use {{what}})"
                                 ) from None
        for name in ("joint_theme", "relief_theme", "feeling_theme"):
            value = getattr(self.adjuncts, name)
            if value and value not in ids:
                raise ValueError(f"adjuncts.{name} '{value}' is no theme")
        for verb, word in self.adjuncts.objectless.items():
            if not re.fullmatch(r"[a-z][a-z'-]*", word):
                raise ValueError(f"adjuncts.objectless.{verb}: {word!r} must be one lower-case "
                                 "word (a term word)")
        for theme_id, parents in self.adjuncts.of_parent.items():
            if theme_id not in ids or parents not in ids:
                raise ValueError(f"adjuncts.of_parent: {theme_id} -> {parents}: both must be "
                                 "themes")
            if next(t for t in self.themes if t.id == parents).about != "parent":
                raise ValueError(f"adjuncts.of_parent: {parents} is not a theme about a parent")
        stray_doers = sorted(self.adjuncts.doer_themes - set(ids))
        if stray_doers:
            raise ValueError(f"adjuncts.doer_themes: {', '.join(stray_doers)} are no themes")
        for theme in self.themes:
            if theme.cluster not in clusters:
                raise ValueError(f"theme '{theme.id}': cluster '{theme.cluster}' is not one "
                                 f"of: {', '.join(clusters)}")
        return self

    def pattern_spellings(self, words: set[str]) -> dict[str, str]:
        """The American form of each of ``words`` (the words the terms use, in all their
        forms) by ``spelling_endings`` and ``spelling_inside``, mapped to the word: so a
        spelling no one listed ("vandalized", "center", "pediatric") still matches. A form
        that is itself one of ``words`` is left alone, and the longest ending wins."""
        endings = sorted(self.spelling_endings.items(), key=lambda p: -len(p[0]))
        found: dict[str, str] = {}
        for word in sorted(words):
            forms = set()
            for british, american in endings:
                if word.endswith(british) and len(word) > len(british) + 1:
                    forms.add(word[:-len(british)] + american)
                    break
            for british, american in self.spelling_inside.items():
                if british in word:
                    forms.add(word.replace(british, american))
            for form in forms:
                if form not in words:
                    found.setdefault(form, word)
        return found

    def get(self, theme_id: str | None) -> Theme | None:
        return next((t for t in self.themes if t.id == theme_id), None)

    def cluster_label(self, cluster_id: str) -> str:
        return next((c.label for c in self.clusters if c.id == cluster_id), cluster_id)


def load_themes(content: Content) -> Themes:
    from assistant.wordlists import english

    return content.load(Themes, "framework", "themes.yml",
                        context={"calendar": english(content).time.calendar})


