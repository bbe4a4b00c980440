"""A generated probe of names in audit-form text: do any survive, and what else is lost?

Fictional cases are generated from a seed: people with plain names, names that are also
everyday words, formal names written as nicknames or other spellings, two-part names
written as initials; and needs and services that name them in many positions and forms
(lower case, capitals, possessives, digits for letters, soft hyphens and zero-width
characters, accents, curly apostrophes), and people the case does not hold (a partner, a
gran, a teacher). Separate sentences use the everyday words as words in cases where a
person has that name, to count false redactions.

Run it against any checkout (the audit form's API is the same before and after):
``PYTHONPATH=. python tests/name_probe.py [SEED] [CASES]`` prints the figures.
"""

from __future__ import annotations

import random
import re
import sys
import unicodedata
from dataclasses import dataclass, field
from datetime import date
from typing import Any

# Plain given names (fictional people; many are not on framework/names.yml).
PLAIN = ["Kayla", "Tyler", "Brogan", "Leyton", "Kacper", "Oluwaseun", "Ifeoma", "Nadiya",
         "Tiernan", "Rhiannon", "Lennox", "Jaxon", "Marley", "Taliyah", "Keziah", "Ashanti",
         "Tomasz", "Emre", "Yusra", "Destan", "Corrin", "Malachy", "Saoirse", "Kian",
         "Bartek", "Precious", "Tayla", "Alfie", "Esme", "Idris", "Ruaridh", "Zuzanna"]
ACCENTED = [("Zoë", "Zoe"), ("Chloé", "Chloe"), ("Renée", "Renee"), ("José", "Jose"),
            ("Inés", "Ines"), ("Łukasz", "Lukasz"), ("Ayşe", "Ayse"), ("Siân", "Sian")]
# Names that are everyday words too: the case holds the name, the text uses both.
WORDY = ["Will", "Rose", "Hope", "May", "Sue", "Grace", "Jack", "Mark", "Faith", "Joy",
         "Dawn", "Bill", "Summer", "Frank", "Pat", "Holly", "Ivy", "Robin"]
# (name in the case, name in the text)
NICKNAMES = [("Deirdre", "Dee"), ("William", "Willy"), ("William", "Bill"),
             ("Mohamed", "Mo"), ("Mohamed", "Muhammad"), ("Katherine", "Kate"),
             ("Elizabeth", "Lizzie"), ("Rebecca", "Becky"), ("Thomas", "Tommy"),
             ("Margaret", "Maggie"), ("Jonathan", "Jonny"), ("Alexander", "Sasha"),
             ("Susan", "Suzie"), ("Yusuf", "Yousef"), ("Aisha", "Ayesha"),
             ("Siobhan", "Shivaun"), ("Hussein", "Hussain"), ("Zoe", "Zoey"),
             ("Christopher", "Chris"), ("Nicola", "Nikki"), ("Jacqueline", "Jackie"),
             ("Abigail", "Abbie"), ("Samantha", "Sammy"), ("Daniel", "Danny")]
SURNAMES = ["Morris", "Okafor", "Kowalczyk", "Ashworth", "Pennington", "Mahmood", "Doyle",
            "Trelawney", "Baptiste", "Nwosu"]
# People the case does not hold, named in the text: (phrase, the name in it)
OUTSIDERS = [("her partner {x}", ["Jason", "Darren", "Reece", "Craig", "Lewis"]),
             ("Gran {x}", ["Mavis", "Pauline", "Bernadette", "Irene"]),
             ("Nan {x}", ["Lorraine", "Shirley", "Maureen"]),
             ("Uncle {x}", ["Tariq", "Gary", "Dariusz"]),
             ("{x}, Mum's boyfriend,", ["Kyle", "Stacey's brother Dean", "Ezekiel"]),
             ("Mr {x}", ["Okonjo", "Pemberton", "Halloran"]),
             ("Mrs {x}", ["Kowalczyk", "Fairbrother"]),
             ("{x} from next door", ["Tobias", "Paulina", "Shona"]),
             ("Dr {x}", ["Ashworth", "Venkataraman"])]
OUTSIDER_SIMPLE = ["Jason", "Darren", "Mavis", "Paulina", "Tobias", "Shona", "Lorraine",
                   "Gary", "Tariq", "Ezekiel", "Bernadette", "Craig"]

# Need templates: {c} the child, {p} a parent (by name), {o} someone not in the case.
NEED_TEMPLATES = [
    "{c} needs to be at school by 8.45 every morning, rested and fed.",
    "{c_poss} bedtime needs to be the same every night so {c} can sleep.",
    "Mum needs to know how to keep {c} safe when {o} visits the flat.",
    "{p} needs to stop drinking in the mornings so {c} gets to school.",
    "{c} needs help to talk about {c_poss} dad's death with someone {c} trusts.",
    "The school says {c} often arrives hungry; {c} needs breakfast before lessons.",
    "{c} and {p} need a home without damp, where {c} can have friends round.",
    "{p_poss} friend {o} looks after {c} after school, and {c} needs that to carry on.",
    "Since {o} moved in, {c} needs to feel safe at home.",
    "{c} needs to go to bed by eight (\"{c} gets up at six\", said {p}).",
    "When {c} is upset, {c} needs an adult who stays calm.",
    "Both {c} and {c2} need to see their dad every week.",
    "{c} needs to understand why {o} no longer lives with them.",
    "It is {c_poss} wish to stay at Oakfield Primary with the same friends.",
    "{p} needs help with money so that {c} has a winter coat by December.",
]
SERVICE_TEMPLATES = [
    ("{o} walks {c} to school each morning", "{o} (family network)"),
    ("Family Support Worker visits {p} every Monday", "Family Support Worker"),
    ("CAMHS sees {c} fortnightly", "CAMHS (Dr {t})"),
    ("Class teacher checks in with {c} at registration", "Mrs {t}"),
    ("{p} takes {c} to the GP about sleep", "{p}"),
    ("Early Help team helps {p} apply for Universal Credit", "Early Help"),
]
TEACHERS = ["Hardcastle", "Oyelaran", "Whitfield", "Brannigan", "Patel", "Achterberg"]
TITLES = {"mr", "mrs", "ms", "miss", "dr"}

# Everyday uses of the word-names, kept in the text as words.
WORD_SENTENCES = {
    "will": ["Mum will attend every review meeting.", "Dad will need help with the forms.",
             "The school will call if she is absent.", "Will Mum be able to come to the review?"],
    "may": ["Dad may need help with the forms.", "The review in May will look at attendance.",
            "By 3 May 2027 she will read at her age level.", "He may be late on Mondays."],
    "hope": ["She has lost hope that things will change.", "We hope the move helps.",
             "Mum said she hopes to go back to work."],
    "rose": ["The rent rose by ten pounds this year.", "Her anxiety rose after the move."],
    "sue": ["Mum wants to sue the landlord over the damp."],
    "grace": ["Mum was given a grace period on the rent arrears."],
    "jack": ["The landlord may jack up the rent again."],
    "mark": ["Teachers mark her homework within a week.", "There is a mark on his arm."],
    "faith": ["She keeps her faith and goes to church on Sundays."],
    "joy": ["Football brings him real joy."],
    "dawn": ["Mum gets up at dawn for her cleaning shift."],
    "bill": ["The gas bill is three months behind."],
    "summer": ["The summer holidays are the hardest time for the family."],
    "frank": ["Mum wants a frank talk with the school."],
    "pat": ["Dad will pat the baby's back to wind him."],
    "holly": ["They put holly on the door at Christmas."],
    "ivy": ["The ivy on the wall lets damp into the bedroom."],
    "robin": ["She drew a robin for her nan."],
}
# Name-position uses of the word-names in lower case (the probe's "will's school").
WORDY_LOWER = ["{n}'s school needs to know about the new address.",
               "{n} needs a bed of {pr} own.",
               "Mum says {n} has not slept well since the move.",
               "The teacher and {n} agreed a signal for when {pr} feels overwhelmed."]

LOOKALIKE = {"a": "4", "e": "3", "i": "1", "l": "1", "o": "0", "s": "5", "t": "7"}


@dataclass
class Occurrence:
    """One name put into the text, and how to find it if it leaks."""

    kind: str
    form: str
    check: re.Pattern[str]
    folded: bool = True


@dataclass
class ProbeCase:
    data: dict[str, Any]
    texts: list[tuple[str, list[Occurrence]]] = field(default_factory=list)
    """Each need wording and service text with the names put into it."""
    words: list[tuple[int, str, str]] = field(default_factory=list)
    """(need index, everyday word, a sentence using it as a word) for false redactions."""


_STROKES = str.maketrans({"Ł": "L", "ł": "l", "Ø": "O", "ø": "o", "Đ": "D", "đ": "d", "ı": "i"})


def _fold(text: str) -> str:
    text = "".join(ch for ch in text if unicodedata.category(ch) != "Cf").translate(_STROKES)
    text = text.replace("\u2019", "'")
    text = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    return text.casefold()


def _word_check(name: str) -> re.Pattern[str]:
    return re.compile(rf"(?<![^\W\d_]){re.escape(_fold(name))}(?![^\W\d_])")


class Probe:
    """Builds the probe's cases from a seed."""

    def __init__(self, seed: int = 16) -> None:
        self.rng = random.Random(seed)

    def _forms(self, name: str, kind: str, possessive: bool) -> tuple[str, str]:
        """A written form of ``name`` and the kind of form, chosen at random."""
        rng = self.rng
        choice = rng.choice(["plain", "plain", "lower", "upper", "digits", "soft", "zw",
                             "curly"])
        core = name
        if choice == "lower":
            core = name.lower()
        elif choice == "upper":
            core = name.upper()
        elif choice == "digits":
            spots = [i for i, ch in enumerate(name) if ch.lower() in LOOKALIKE and i > 0]
            if spots and len(name) >= 4:
                i = rng.choice(spots)
                core = name[:i] + LOOKALIKE[name[i].lower()] + name[i + 1:]
            else:
                choice = "plain"
        elif choice in ("soft", "zw") and len(name) >= 3:
            i = rng.randrange(1, len(name) - 1)
            core = name[:i] + ("\u00ad" if choice == "soft" else "\u200b") + name[i:]
        if possessive:
            if choice == "curly":
                return core + "\u2019s", f"{kind}/curly-possessive"
            if choice == "plain" and core[-1] not in "sS" and rng.random() < 0.3:
                return core + "s", f"{kind}/possessive-no-apostrophe"
            if core[-1] in "sS":
                return core + "'", f"{kind}/possessive"
            return core + "'s", f"{kind}/possessive"
        return core, f"{kind}/{choice}"

    def case(self, number: int) -> ProbeCase:
        rng = self.rng
        people: list[dict[str, Any]] = []
        style = rng.choice(["plain", "plain", "wordy", "nick", "accent", "initials"])
        text_name: dict[str, tuple[str, str]] = {}  # person id -> (name in text, kind)
        if style == "wordy":
            child, written, kind = rng.choice(WORDY), None, "word-name"
        elif style == "nick":
            child, written = rng.choice(NICKNAMES)
            kind = "nickname"
        elif style == "accent":
            child, written = rng.choice(ACCENTED)
            if rng.random() < 0.5:
                child, written = written, child
            kind = "accent"
        else:
            child, written, kind = rng.choice(PLAIN), None, "plain"
        surname = rng.choice(SURNAMES)
        child_name = f"{child} {surname}" if style == "initials" else child
        people.append({"id": "c1", "role": "child", "name": child_name, "age": rng.randint(2, 15),
                       "sex": rng.choice(["female", "male"])})
        text_name["c1"] = (written or child, kind)
        c2 = rng.choice([n for n in PLAIN if n != child])
        people.append({"id": "c2", "role": "sibling", "name": c2, "age": rng.randint(1, 16)})
        text_name["c2"] = (c2, "plain")
        parent_style = rng.choice(["plain", "wordy", "nick"])
        if parent_style == "wordy":
            parent = rng.choice([w for w in WORDY if w != child])
            pwritten, pkind = parent, "word-name"
        elif parent_style == "nick":
            parent, pwritten = rng.choice([p for p in NICKNAMES if p[0] != child])
            pkind = "nickname"
        else:
            parent = rng.choice(["Shannon", "Leanne", "Kerry-Ann", "Donna", "Agnieszka",
                                 "Folasade", "Tracey", "Marcin", "Dwayne", "Nasreen"])
            pwritten, pkind = parent, "plain"
        people.append({"id": "m1", "role": rng.choice(["mother", "father"]), "name": parent})
        text_name["m1"] = (pwritten, pkind)
        probe = ProbeCase({"schema_version": 2, "reference": f"PR-{number:03d}",
                           "people": people, "needs": []})

        def slot(pid: str, possessive: bool, occ: list[Occurrence]) -> str:
            name, kind = text_name[pid]
            person = next(p for p in people if p["id"] == pid)
            if pid == "c1" and style == "initials" and rng.random() < 0.5:
                first, last = person["name"].split()
                if possessive:
                    form = f"{first[0]}{last[0]}'s"
                else:
                    form = rng.choice([f"{first[0]}{last[0]}", f"{first[0]}.{last[0]}."])
                letters = first[0] + r"\.?\s?" + last[0]
                occ.append(Occurrence("initials", form,
                                      re.compile(rf"(?<![A-Za-z]){letters}(?![a-z])"), False))
                return form
            if kind == "word-name" and rng.random() < 0.35:
                form = name.lower() + ("'s" if possessive else "")
                occ.append(Occurrence("word-name/lower-name-position", form, _word_check(name)))
                return form
            form, how = self._forms(name, kind, possessive)
            base = name
            occ.append(Occurrence(how, form, _word_check(base)))
            return form

        pronoun = "her" if people[0].get("sex") == "female" else "his"
        for _ in range(rng.randint(4, 6)):
            occ: list[Occurrence] = []
            template = rng.choice(NEED_TEMPLATES)
            outsider = None

            def fill(match: re.Match[str], occ: list[Occurrence] = occ) -> str:
                nonlocal outsider
                key = match[1]
                if key in ("c", "c_poss"):
                    return slot("c1", key.endswith("poss"), occ)
                if key == "c2":
                    return slot("c2", False, occ)
                if key in ("p", "p_poss"):
                    return slot("m1", key.endswith("poss"), occ)
                if key == "o":
                    if outsider is None:
                        phrase, options = rng.choice(OUTSIDERS)
                        who = rng.choice(options)
                        parts = re.findall(r"[A-Z][a-z]+", who)
                        shape = rng.random()
                        if shape < 0.1:
                            who = who.upper()
                        elif shape < 0.2 and phrase.startswith(("her partner", "Gran", "Nan",
                                                                "Uncle", "Mr", "Mrs", "Dr")):
                            who = who.lower()
                        outsider = phrase.format(x=who)
                        for part in parts:
                            occ.append(Occurrence("not-in-case", part, _word_check(part)))
                    return outsider
                if key == "t":
                    teacher = rng.choice(TEACHERS)
                    occ.append(Occurrence("not-in-case", teacher, _word_check(teacher)))
                    return teacher
                return match[0]

            wording = re.sub(r"\{(\w+)\}", fill, template)
            wording = wording[:1].upper() + wording[1:] if wording[:1].islower() and \
                not any(o.form == wording.split()[0] for o in occ) else wording
            need: dict[str, Any] = {"id": f"n{len(probe.data['needs']) + 1}", "holder": "c1",
                                    "wording": wording, "work": []}
            probe.texts.append((wording, occ))
            for index in range(rng.randint(0, 2)):
                socc: list[Occurrence] = []
                action_t, who_t = rng.choice(SERVICE_TEMPLATES)
                outsider = None
                action = re.sub(r"\{(\w+)\}", lambda m, s=socc: fill(m, s), action_t)
                who = re.sub(r"\{(\w+)\}", lambda m, s=socc: fill(m, s), who_t)
                need["work"].append({"id": f"w{len(probe.data['needs'])}{index}",
                                     "action": action, "who": who})
                probe.texts.append((f"{action} — {who}", socc))
            probe.data["needs"].append(need)
        if kind == "word-name":
            template = rng.choice(WORDY_LOWER)
            occ = []
            wording = template.format(n=child.lower(), pr=pronoun)
            occ.append(Occurrence("word-name/lower-name-position", child.lower(),
                                  _word_check(child)))
            probe.data["needs"].append({"id": "nw", "holder": "c1", "wording": wording})
            probe.texts.append((wording, occ))
        for pid in ("c1", "m1"):
            name, kind = text_name[pid]
            if kind == "word-name" and name.lower() in WORD_SENTENCES:
                options = WORD_SENTENCES[name.lower()]
                for number, sentence in enumerate(rng.sample(options, min(2, len(options)))):
                    probe.words.append((len(probe.data["needs"]), name.lower(), sentence))
                    probe.data["needs"].append({"id": f"nx{pid}{number}", "holder": "c1",
                                                "wording": sentence})
        return probe


def run(seed: int = 16, cases: int = 60) -> dict[str, Any]:
    """Generate the probe, make each case's audit form, and count leaks and losses."""
    from assistant.audit.redaction import audit_form_from_case
    from assistant.content import Content
    from assistant.model import Case

    content = Content()

    probe = Probe(seed)
    occurrences = leaks = 0
    leaked: list[str] = []
    by_kind: dict[str, list[int]] = {}
    word_uses = word_lost = 0
    lost: list[str] = []
    plain_words = plain_lost = 0
    for number in range(cases):
        pc = probe.case(number)
        case = Case.model_validate(pc.data)
        form = audit_form_from_case(case, "", date(2026, 11, 29), content=content)
        outputs = []
        for need in form.needs:
            outputs.append(need.wording)
            outputs.extend(need.services)
        for (text, occ), out in zip(pc.texts, outputs, strict=False):
            seen: dict[str, int] = {}
            for o in occ:
                occurrences += 1
                stats = by_kind.setdefault(o.kind, [0, 0])
                stats[0] += 1
                found = len(o.check.findall(_fold(out) if o.folded else out))
                key = o.check.pattern
                if found > seen.get(key, 0):  # one more of this name is still there
                    seen[key] = seen.get(key, 0) + 1
                    leaks += 1
                    stats[1] += 1
                    leaked.append(f"{o.kind}: {o.form!r} in {text!r} -> {out!r}")
        out_text = _fold("\n".join(outputs[:len(pc.texts)]))
        for index, word, sentence in pc.words:
            uses = len(_word_check(word).findall(_fold(sentence)))
            word_uses += uses
            kept = len(_word_check(word).findall(_fold(form.needs[index].wording)))
            if kept < uses:
                word_lost += uses - kept
                lost.append(f"{word!r} in {sentence!r} -> {form.needs[index].wording!r}")
        # Everyday words of the need texts (not names) that did not survive.
        all_names = {_fold(w) for o in (x for _, occ in pc.texts for x in occ)
                     for w in re.findall(r"[^\W\d_]+", _fold(o.form))}
        source = _fold(" ".join(t for t, _ in pc.texts))
        src_words = [w for w in re.findall(r"[^\W\d_]+", source)
                     if w not in all_names and w not in TITLES and len(w) > 1]
        out_words = re.findall(r"[^\W\d_]+", out_text)
        pool: dict[str, int] = {}
        for w in out_words:
            pool[w] = pool.get(w, 0) + 1
        for w in src_words:
            plain_words += 1
            if pool.get(w, 0) > 0:
                pool[w] -= 1
            else:
                plain_lost += 1
                lost.append(f"word {w!r}")
    return {"occurrences": occurrences, "leaks": leaks, "by_kind": by_kind,
            "leaked": leaked, "word_uses": word_uses, "word_lost": word_lost,
            "other_words": plain_words, "other_lost": plain_lost, "lost": lost}


def main(argv: list[str]) -> int:
    seed = int(argv[1]) if len(argv) > 1 else 16
    cases = int(argv[2]) if len(argv) > 2 else 60
    result = run(seed, cases)
    print(f"name occurrences: {result['occurrences']}, leaked: {result['leaks']}")
    for kind, (n, bad) in sorted(result["by_kind"].items()):
        print(f"  {kind:40} {bad:4} of {n}")
    print(f"everyday uses of word-names: {result['word_uses']}, "
          f"redacted by mistake: {result['word_lost']}")
    print(f"other words: {result['other_words']}, lost: {result['other_lost']}")
    for line in result["leaked"][:40]:
        print("LEAK", line)
    for line in result["lost"][:40]:
        print("LOST", line)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
