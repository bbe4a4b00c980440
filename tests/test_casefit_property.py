"""Every suggestion fits the family in front of it, as a property (issue 10, point 3).

Many generated families (the framework's roles x ages x recorded sexes, with and without
story facts told of one named person), each person given many faulty statements (services,
universal aims, assessments, vague outcomes), run through the real coach with the real
spaCy pipeline. For every rewrite offered, whatever the family:

- its pronouns are the recorded sex of the person it is about (the holder, or the child a
  parent's statement names), or "they" when none is recorded;
- the holder's kind and age fit what the library statement says it fits (holder role, ages);
- it names no person, relationship or event the case lacks (no baby, dad, death, school,
  brother or sister the case does not show), no one outside the case, and not the holder's
  own role as another person ("his mum" offered to the mum);
- each flagged need asks its questions about the holder, in the holder's pronouns;
- a statement with nothing flagged gets a note, never silence or "no problems".

The checks below do not use the coach's own reading of the case: who is in it and what the
story says are judged again here, from the people and from plain words in the story, so a
mistake in the facts file or in the fitting is caught, not repeated.
"""

from __future__ import annotations

import calendar
import random
import re
from dataclasses import dataclass

import pytest

from assistant.model import Case, Person
from assistant.wording import Coach
from tests.helpers import CONTENT

FAMILIES = 160  # generated families; each person in each gets every faulty statement

NEEDS = [
    "{H} needs support.", "{H} needs counselling.", "{H} needs to be safe.",
    "{H} needs a parenting course.", "{H} needs to engage with services.",
    "{H} needs a CAMHS assessment.", "{H} needs a stable home.", "{H} needs respite.",
    "{H} needs a referral to early help.", "{H} needs to be happy and healthy.",
    "{H} needs help.", "{H} needs a mentor.", "{H} needs an assessment of need.",
]
OUTCOMES = ["{H} will be happier.", "{H} will feel more supported.",
            "{H} will attend the course.", "{H} will engage with services."]
WORK = ["SW to support {H}.", "{H} to attend appointments as needed.",
        "Family support to continue."]
SERIOUSNESS = ["The school will exclude {H}.", "The department will be criticised."]
NEED_KINDS = {"universal", "service", "assessment", "vague"}

NAMES = ["Ava", "Bea", "Cal", "Dara", "Eli", "Fern", "Gus", "Hana", "Ivo", "Jem", "Kit",
         "Lola", "Milo", "Nell", "Otis", "Pia", "Quin", "Rosa", "Sol", "Tam", "Uma", "Vic",
         "Wren", "Xan", "Yara", "Zed"]

# Story facts, each told of one person of the family: (kind of person, sentence, who may
# have it). The sentences are a worker's notes; "{p}" is the person's name.
STORY = [
    ("adult", "{p} has been drinking heavily since the summer."),
    ("adult", "{p} uses heroin and has missed her script twice."),
    ("adult", "{p} has depression and some days cannot get out of bed."),
    ("adult", "{p} has multiple sclerosis and uses a stick."),
    ("child", "{p} has been self-harming and was seen at A&E in May."),
    ("child", "{p} has gone missing three times and was found with older boys."),
    ("child", "{p} hits out when told no and has been fighting."),
    ("child", "{p} has asthma and needs an inhaler."),
    ("child", "{p} says very few words and the speech and language team are involved."),
    ("child", "{p} looks after the family and does the shopping and cooking."),
    ("child", "{p} has head lice and toothache."),
    ("family", "The family is in temporary accommodation after an eviction."),
    ("family", "The home is cluttered and there is often no food in the house."),
    ("family", "There was domestic abuse by a former partner, who has now left."),
    ("child", "{p}'s dad died last year."),
    ("child", "{p}'s father left two years ago and has no contact."),
    ("child", "{p} is 20 weeks pregnant and has not been to the midwife."),
    ("child", "{p} has left her mum's house after rows and is sofa-surfing."),
]


@dataclass
class Generated:
    case: Case
    told: dict[str, set[str]]  # sentence -> the names it is told of


def _person(rng: random.Random, role: object, name: str, child: bool) -> Person:
    gender = getattr(role, "gender", None)
    sexes = ["not recorded", "other", "female", "male"]
    if gender:
        sexes = [gender, gender, "not recorded"]
    if child:
        age = rng.choice([None, 0, 1, 2, 3, 4, 6, 7, 9, 11, 13, 14, 16, 17])
    else:
        age = rng.choice([None, 17, 19, 24, 31, 38, 45, 58, 68, 74])
    return Person(id=f"p{name}", role=role.id, name=name, age=age,
                  sex=rng.choice(sexes))


def _family(seed: int) -> Generated:
    rng = random.Random(seed)
    roles = [r for r in CONTENT.framework.roles if r.kind != "family" and not r.unborn]
    child_roles = [r for r in roles if r.child]
    adult_roles = [r for r in roles if not r.child]
    names = rng.sample(NAMES, 6)
    people = [_person(rng, rng.choice(child_roles), names.pop(), True)
              for _ in range(rng.choice([1, 1, 2, 3]))]
    used: set[str] = set()
    for _ in range(rng.choice([0, 1, 1, 2])):
        role = rng.choice(adult_roles)
        if role.id in used:
            continue
        used.add(role.id)
        people.append(_person(rng, role, names.pop(), False))
    if rng.random() < 0.2:
        unborn = next(r for r in CONTENT.framework.roles if r.unborn)
        people.append(Person(id="pu", role=unborn.id, name="Baby"))
    children = [p for p in people if p.role in CONTENT.framework.child_roles
                and p.role not in CONTENT.framework.unborn_roles]
    adults = [p for p in people if p.role not in CONTENT.framework.child_roles]
    told: dict[str, set[str]] = {}
    sentences = []
    for kind, sentence in rng.sample(STORY, rng.choice([0, 1, 2, 3])):
        pool = {"child": children, "adult": adults}.get(kind, [])
        if kind != "family" and not pool:
            continue
        if "dad died" in sentence and any(p.role == "father" for p in people):
            continue  # a recorded father is alive
        who = rng.choice(pool) if pool else None
        text = sentence.format(p=who.name) if who else sentence
        told[text] = {who.name} if who else set()
        sentences.append(text)
    _TOLD[f"P-{seed}"] = told
    return Generated(Case(reference=f"P-{seed}", story=" ".join(sentences), people=people),
                     told)


# --- judging a rewrite, independently of the coach's reading ------------------------------

# Words that bring in a person or an event, and what in a case shows them: the role of a
# recorded person, a child's age, or words in the story.
_SHOWN_BY = [
    (r"baby|baby's|babies|newborn|cot|night feeds|bottles", {"unborn"}, (0, 1),
     r"baby|pregnant|newborn|unborn"),
    (r"toddler|toddler's", set(), (1, 3), r"toddler"),
    (r"dad|dad's|father|father's|daddy", {"father"}, None, r"dad|father|daddy"),
    (r"mum|mum's|mother|mother's|mummy", {"mother"}, None, r"mum|mother|mummy"),
    (r"gran|nan|grandma|grandad|nan's|gran's", {"grandparent"}, None,
     r"gran|nan|grandma|grandad|grandmother|grandfather"),
    (r"stepdad|stepmum|partner|ex-partner|boyfriend", {"stepparent"}, None,
     r"stepdad|stepmum|partner|boyfriend|girlfriend"),
    (r"aunt|auntie", set(), None, r"aunt|auntie"),
    (r"brother|brother's|sister|sister's|siblings|twins|the children|children's|"
     r"younger children|teenagers", set(), None,
     r"brother|sister|siblings|twins|children"),
    (r"died|death|dead|funeral|grave|grief|memory box|not coming back", set(), None,
     r"died|death|funeral"),
    (r"school|teacher|classroom|homework|pe|uniform|class|lessons", set(), (4, 18),
     r"school|teacher|college|class"),
    (r"nursery|circle time|childminder|preschool", set(), (2, 4), r"nursery|preschool"),
    (r"drinking|drunk|sober|alcohol", set(), None, r"drink\w*|alcohol"),
    (r"methadone|using drugs|drugs", set(), None, r"drugs?|heroin|methadone"),
    (r"cutting|cuts|razors|self-harm|harmed herself|harmed himself|hurting herself|"
     r"hurting himself|a&e", set(), None, r"self-harm\w*|cutting|a&e"),
    (r"insulin|diabetes", set(), None, r"insulin|diabetes"),
    (r"inhaler|asthma", set(), None, r"inhaler|asthma"),
    (r"head lice", set(), None, r"head lice"),
    (r"toothache|dentist", set(), None, r"toothache"),
    (r"dog", set(), None, r"dog"),
    (r"wheelchair", set(), None, r"wheelchair"),
    (r"older men|older boys|groomed|gang", set(), None, r"older boys|older men|gang"),
    (r"temporary flat|evicted|rent arrears", set(), None, r"temporary|eviction|evicted"),
    (r"damp", set(), None, r"damp"),
    (r"separation|every other saturday|both parents|split up|other parent", set(), None,
     r"father left|split up|separated"),
    (r"pregnant|pregnancy|antenatal|the birth", set(), None, r"pregnant"),
]
_SHOWN = [(re.compile(rf"(?<![\w'-])(?:{words})(?![\w-])", re.I), roles, ages,
           re.compile(rf"(?<![\w'-])(?:{story})(?![\w-])", re.I))
          for words, roles, ages, story in _SHOWN_BY]
_OWN_WORDS = {"mother": r"mum|mother|mummy", "father": r"dad|father|daddy",
              "grandparent": r"gran|nan|grandma|grandad|granny|grandmother|grandfather",
              "stepparent": r"stepdad|stepmum|step-dad|step-mum"}
_CAPITALS_ALLOWED = {"I", "Mum", "Dad", "Gran", "PE", "A&E", "Saturday", "Sunday",
                     "Saturdays", "July", "Monday", "Thursday", "By", "Within", "Add",
                     "CAMHS", *calendar.month_name[1:], *calendar.day_name}
# Words that take for granted something about one person, and the story's words that tell
# it of someone: a rewrite for a child (or a parent's own statement) that uses the first
# must be about the person the story tells it of, when it tells it of anyone.
_PERSONAL = [
    (r"cutting|cuts|self-harm|harmed|hurting herself|hurting himself|hurting themselves|"
     r"razors|wound", r"self-harming"),
    (r"missing|runs away|staying out|not home by", r"gone missing"),
    (r"inhaler|asthma", r"asthma"),
    (r"head lice|toothache|dentist", r"head lice"),
    (r"temper|swears|start a fight|angry outbursts|hitting his|hitting her|"
     r"hitting their", r"hits out"),
    (r"two-word|picture cards|own name clearly|finish (?:his|her|their) words|"
     r"two-step instructions", r"few words"),
    (r"looking after (?:his|her|their) mum|look after a parent|the caring|"
     r"young carer|give (?:his|her|their) mum", r"looks after the family"),
]
_ADULT = [
    (r"(?:she|he|they) (?:relapses?|becomes? unwell)|(?:her|his|their) (?:medication|"
     r"methadone|low mood)|stop drinking|be sober|has been drinking", r"drinking|heroin|"
     r"depression|multiple sclerosis"),
]
HE = {"he", "him", "his", "himself"}
SHE = {"she", "her", "hers", "herself"}
THEY = {"they", "them", "their", "theirs", "themselves", "themself"}


def _lacks(case: Case, statement: str, rewrite: str) -> list[str]:
    """The people or events ``rewrite`` names that the case and the statement do not show."""
    children = [p for p in case.people if p.role in CONTENT.framework.child_roles
                and p.role not in CONTENT.framework.unborn_roles]  # "the children" are born
    roles = {p.role for p in case.people}
    told = f"{case.story} {statement}"
    out = []
    for words, by_roles, ages, story in _SHOWN:
        found = words.search(rewrite)
        if not found:
            continue
        if roles & by_roles or story.search(told):
            continue
        if ages and any(p.age is not None and ages[0] <= p.age <= ages[1] for p in children):
            continue
        if words.pattern.startswith("(?<![\\w'-])(?:brother") and len(children) >= 2:
            continue
        out.append(found.group())
    return out


def _expected_gender(person: Person) -> str | None:
    if person.sex in ("female", "male"):
        return person.sex
    if person.sex == "other":
        return None
    role = next(r for r in CONTENT.framework.roles if r.id == person.role)
    return role.gender


def _first_pronoun(text: str, after: str) -> str | None:
    """The first third-person pronoun after the holder's name ('he', 'she', 'they' kinds)."""
    rest = text.split(after, 1)[1] if after in text else text
    for word in re.findall(r"[A-Za-z]+", rest):
        low = word.lower()
        if low in HE:
            return "male"
        if low in SHE:
            return "female"
        if low in THEY:
            return "they"
    return None


_ALIAS = {"mother": "Mum", "father": "Dad", "grandparent": "Gran"}


def _aliases(holder: Person, case: Case) -> list[str]:
    """How a worker may name an adult instead: "Mum", "Sam's mum" (only where the case
    has one person of that role, so the words name them)."""
    word = _ALIAS.get(holder.role)
    if word is None or sum(1 for p in case.people if p.role == holder.role) != 1:
        return []
    child = next((p for p in case.people if p.role in CONTENT.framework.child_roles
                  and p.role not in CONTENT.framework.unborn_roles), None)
    return [word] + ([f"{child.name}'s {word.lower()}"] if child else [])


def _judge(coach: Coach, case: Case, holder: Person, statement: str, stage: str,
           report: object, called: str | None = None) -> list[str]:
    called = called or holder.name
    library = coach.library
    family = library.family(case)
    names = {p.name for p in case.people}
    findings = report.findings  # type: ignore[attr-defined]
    problems: list[str] = []
    where = f"[{case.reference} {holder.role}/{holder.age}/{holder.sex} {statement!r}]"
    call = re.compile(rf"\b{re.escape(called)}\b", re.IGNORECASE)
    if not findings and not report.note:  # type: ignore[attr-defined]
        problems.append(f"{where} silent: no finding and no note")
    gender = _expected_gender(holder)
    wrong = HE if gender == "female" else SHE if gender == "male" else set()
    chosen = {filled: entry for entry, filled in
              library.choose(statement, called, family=family)} if stage == "need" else {}
    for finding in findings:
        if finding.context.get("other_person"):
            problems.append(f"{where} {finding.rule}: the holder read as someone else")
        if stage == "need" and finding.kind in NEED_KINDS:
            if not any(call.search(q) for q in finding.questions):
                problems.append(f"{where} {finding.rule}: no question names {called}")
            for q in finding.questions:
                if set(re.findall(r"[a-z]+", q.lower())) & wrong:
                    problems.append(f"{where} question in the wrong pronouns: {q!r}")
        if finding.kind == "jargon":
            continue  # its suggestion is to write the shorthand out, not a rewrite
        for rewrite in finding.suggestions:
            say = f"{where} -> {rewrite!r}"
            if "{" in rewrite or "}" in rewrite or re.search(r"\btheir child\b", rewrite):
                problems.append(f"{say}: a placeholder left")
            lacks = _lacks(case, statement, rewrite)
            if lacks:
                problems.append(f"{say}: names {lacks} the case lacks")
            for word in re.findall(r"(?<![.!?] )(?<!^)\b[A-Z][a-zA-Z&']*", rewrite):
                word = word.removesuffix("'s")
                if word not in names and word not in _CAPITALS_ALLOWED:
                    problems.append(f"{say}: names {word!r}, who is not in the case")
            body = call.sub("", rewrite, count=1)  # the holder as the worker called them
            own = _OWN_WORDS.get(holder.role)
            if own and not any(p is not holder and p.role == holder.role
                               for p in case.people) \
                    and re.search(rf"(?<![\w'-])(?:{own})(?![\w-])", body, re.I):
                problems.append(f"{say}: speaks of the holder's own role as someone else")
            entry = chosen.get(rewrite)
            problems += _whose(generated_told(case), holder, rewrite, entry, say)
            about = holder
            if entry is not None:
                problems += _fits_data(library, entry, holder, case, body, say)
                if entry.about_child:
                    about = next((p for p in case.people
                                  if p is not holder and re.search(rf"\b{p.name}\b", body)),
                                 holder)
            elif stage == "need":
                problems.append(f"{say}: a need rewrite that is not a library statement")
            want = _expected_gender(about)
            got = _first_pronoun(body, about.name)
            if got is not None and want is not None and got not in (want, "they"):
                problems.append(f"{say}: pronouns {got}, {about.name} is {want}")
            if got is not None and want is None and about.sex == "other" and got != "they" \
                    and entry is not None:
                problems.append(f"{say}: pronouns {got}, {about.name} is they")
    return problems


_TOLD: dict[str, dict[str, set[str]]] = {}


def generated_told(case: Case) -> dict[str, set[str]]:
    return _TOLD.get(case.reference, {})


def _whose(told: dict[str, set[str]], holder: Person, rewrite: str, entry: object,
           say: str) -> list[str]:
    """A fact about one person is offered only to (or about) the one the story tells it of."""
    out = []
    is_child = holder.role in CONTENT.framework.child_roles
    about_child = bool(entry is not None and entry.about_child)  # type: ignore[attr-defined]
    others = set(getattr(getattr(entry, "statement", None), "of_others", []) or [])
    checks = _PERSONAL if is_child else _ADULT if not about_child and not others else []
    for words, story in checks:
        if not re.search(rf"(?<![\w-])(?:{words})(?![\w-])", rewrite, re.I):
            continue
        of = set().union(*(names for sentence, names in told.items()
                           if re.search(story, sentence, re.I))) if told else set()
        if of and holder.name not in of:
            out.append(f"{say}: takes for granted of {holder.name} what the story tells "
                       f"of {sorted(of)}")
    return out


def _fits_data(library: object, entry: object, holder: Person, case: Case, rewrite: str,
               say: str) -> list[str]:
    """The holder's kind and age, and the named child's age, fit the statement's data."""
    child_roles = CONTENT.framework.child_roles
    statement = entry.statement  # type: ignore[attr-defined]
    ages = entry.ages  # type: ignore[attr-defined]
    is_child = holder.role in child_roles
    out = []
    kind = statement.holder
    if (kind == "child" and not is_child) or (kind == "parent" and is_child):
        out.append(f"{say}: a {kind}'s statement offered to a {holder.role}")
    if isinstance(kind, list) and holder.role not in kind:
        out.append(f"{say}: written for {kind}, offered to a {holder.role}")
    unknown = library.facts.ages_when_unknown  # type: ignore[attr-defined]
    if is_child and ages:
        age = holder.age
        fits = ages[0] <= unknown[0] and unknown[1] <= ages[1] if age is None \
            else ages[0] <= age <= ages[1]
        if not fits:
            out.append(f"{say}: written for ages {ages}, offered at {age}")
    if not is_child and ages and not entry.about_child:  # type: ignore[attr-defined]
        kids = [p.age for p in case.people if p.role in child_roles and p is not holder
                and p.role not in CONTENT.framework.unborn_roles]
        if not any(a is not None and ages[0] <= a <= ages[1] for a in kids):
            out.append(f"{say}: about children of {ages}, the case's are {kids}")
    if entry.about_child:  # type: ignore[attr-defined]
        named = [p for p in case.people if p is not holder
                 and re.search(rf"\b{p.name}\b", rewrite)]
        if not named or named[0].role not in child_roles:
            out.append(f"{say}: the child it names is not a child of the case")
        elif ages and named[0].age is not None and not ages[0] <= named[0].age <= ages[1]:
            out.append(f"{say}: about a child of {ages}, {named[0].name} is {named[0].age}")
    return out


@pytest.fixture(scope="module")
def coach() -> Coach:
    return Coach(content=CONTENT).load()


CHUNKS = 8


@pytest.mark.parametrize("chunk", range(CHUNKS))
def test_every_rewrite_fits_the_family(coach: Coach, chunk: int) -> None:
    problems: list[str] = []
    checked = offered = 0
    for seed in range(chunk, FAMILIES, CHUNKS):
        generated = _family(seed)
        case = generated.case
        runs = [(holder, holder.name) for holder in case.people
                if holder.role not in CONTENT.framework.unborn_roles]
        runs += [(holder, called) for holder in case.people for called in _aliases(holder, case)]
        for holder, called in runs:
            for stage, texts in (("need", NEEDS), ("outcome", OUTCOMES), ("work", WORK),
                                 ("seriousness", SERIOUSNESS)):
                statements = [t.format(H=called) for t in texts]
                for statement, report in zip(statements, coach.check_many(
                        statements, stage=stage, holder=called, case=case), strict=True):
                    checked += 1
                    offered += sum(len(f.suggestions) for f in report.findings)
                    problems += _judge(coach, case, holder, statement, stage, report, called)
    print(f"chunk {chunk}: {checked} statements, {offered} rewrites")
    assert checked > 500 and offered > 500, (checked, offered)
    unique = sorted({p.split("] -> ", 1)[-1] for p in problems})
    assert not problems, f"{len(problems)} problems, e.g.:\n" + "\n".join(unique[:40])


def test_the_generator_covers_the_frameworks_roles_ages_and_sexes() -> None:
    """The property is only as wide as the families it is tried on."""
    people = [p for seed in range(FAMILIES) for p in _family(seed).case.people]
    roles = {r.id for r in CONTENT.framework.roles if r.kind != "family"}
    assert roles <= {p.role for p in people}
    assert {"female", "male", "not recorded", "other"} <= {p.sex for p in people}
    ages = {p.age for p in people if p.role in CONTENT.framework.child_roles}
    assert {0, 2, 7, 14, 17, None} <= ages
    stories = [_family(seed).case.story for seed in range(FAMILIES)]
    assert sum(1 for s in stories if not s) > 10 and sum(1 for s in stories if s) > 80
