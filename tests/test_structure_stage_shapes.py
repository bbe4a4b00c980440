"""The later stages read new wordings by their shape (issue 10, point 2): the phrasings
plans write that the coach misread, each class found by trying invented lines in new
words, not by looking at labelled rows.

- work: the times of every day say how often ("morning and night", "in the evenings",
  "before meals"); "this half-term" is a deadline for a one-off act; a count of occasions
  with words between ("six one-hour budgeting sessions") or a course's length ("the
  26-week programme") says how often or how long; a role led by a word that is also a
  verb ("Play therapist to see Kai ...") names who does it;
- outcomes: "will be known to" a service is the parser's passive of a status with it,
  not an inner state; "by" an occasion ("by her 1-year check") says when the change is
  seen, not a service the person is with;
- seriousness: what the child will need to do ("she may need to go into hospital") is
  what happens to the child, not a cost to services; "he", "she" or "they" standing for
  the child beside an agency's act says what happens to the child; a risk or a breach
  aimed at an agency through a preposition ("a reputational risk to the partnership", "a
  breach of the council's duty") is the agency's risk, and so is a burden put on
  services ("will place a heavy burden on children's services").

Each case rests on an invented word no wording file holds.
"""

from __future__ import annotations

import pytest

from assistant.wording import Coach
from tests.helpers import listed_in_wording, scored_kinds

# (stage, text, the scored kinds a good coach raises, the invented word it rests on)
CASES: list[tuple[str, str, set[str], str]] = [
    # work: the times of every day are how often
    ("work", "Mum to give Ada her Zenthor inhaler morning and night.", set(), "zenthor"),
    ("work", "Dad to give Kai his Quellan drops in the evenings.", set(), "quellan"),
    ("work", "Mum to check Ada's Brimsey readings before meals.", set(), "brimsey"),
    ("work", "Foster carer to read a Tarvick story with Jay before bed.", set(), "tarvick"),
    # ... but not what is left to when someone can
    ("work", "Mum to give Ada her Zenthor inhaler when she can.", {"no-frequency"},
     "zenthor"),
    # work: a deadline named by the term it falls in
    ("work", "Early years practitioner to finish the Corbel screen with Kai this half-term.",
     set(), "corbel"),
    # work: a count of occasions with words between, and a course's length
    ("work", "Outreach worker to run six one-hour Kelvey sessions with Mum from 4 March.",
     set(), "kelvey"),
    ("work", "Dad to complete the 26-week Caring Dads programme at the Kelvey centre.",
     set(), "kelvey"),
    ("work", "Dad to complete the Caring Dads programme at the Kelvey centre.",
     {"no-frequency"}, "kelvey"),
    # work: a role led by a word that is also a verb
    ("work", "Play therapist to see Kai at the Dunnock clinic for 12 weekly sessions.",
     set(), "dunnock"),
    ("work", "Play therapist to see Kai at the Dunnock clinic.", {"no-frequency"},
     "dunnock"),
    # ... never a person the instruction is about
    ("work", "Help Mum to find a Tarrow flat.", {"no-frequency", "no-owner"}, "tarrow"),
    # outcomes: known to a service is a status with it
    ("outcome", "Jay will be known to the Ormsby youth offending team.", {"service"},
     "ormsby"),
    ("outcome", "Ada will be open to talking about the Ormsby trip with her aunt.", set(),
     "ormsby"),
    # outcomes: "by" an occasion says when the change is seen, wherever it stands
    ("outcome", "The baby will be back on the 25th centile by her Selsey 1-year check.",
     set(), "selsey"),
    # seriousness: what the child will need to do happens to the child
    ("seriousness", "Without the Quillford feeds, the baby's weight will keep dropping and "
     "she may need to go into hospital.", set(), "quillford"),
    ("seriousness", "If the Marrowby flat stays damp, Kai may need to stay in hospital "
     "longer each winter.", set(), "marrowby"),
    # ... while what the family will need from services is their cost
    ("seriousness", "If the Marrowby arrears grow, the family will need a more costly "
     "package of care.", {"agency-risk"}, "marrowby"),
    # seriousness: the child as "she" beside an agency's act
    ("seriousness", "The Pennock school may not be able to keep Ada safe at lunchtimes and "
     "she could be hurt.", set(), "pennock"),
    ("seriousness", "The Pennock school may not be able to keep Ada safe at lunchtimes.",
     {"agency-risk"}, "pennock"),
    # seriousness: a risk or a breach aimed at an agency
    ("seriousness", "There is a reputational risk to the Ellerby partnership.",
     {"agency-risk"}, "ellerby"),
    ("seriousness", "It would be a breach of the Wendlow council's safeguarding duty.",
     {"agency-risk"}, "wendlow"),
    ("seriousness", "There is a risk of serious harm to Kai at the Hatherby flat.", set(),
     "hatherby"),
    # seriousness: a burden put on services, not on the family
    ("seriousness", "This will place a heavy burden on the Fenwick services.",
     {"agency-risk"}, "fenwick"),
    ("seriousness", "Dad's drinking will put a strain on the Fenwick family and the "
     "children will go without.", set(), "fenwick"),
]


def test_the_cases_rest_on_words_no_rule_lists() -> None:
    assert listed_in_wording([word for *_, word in CASES]) == []


@pytest.mark.parametrize(("stage", "text", "kinds", "word"), CASES)
def test_new_wordings_are_read_by_their_shape(coach: Coach, stage: str, text: str,
                                              kinds: set[str], word: str) -> None:
    if stage == "seriousness":  # one kind, scored by the seriousness stage alone
        report = coach.check(text, stage)
        assert {f.kind for f in report.findings} & {"agency-risk"} == kinds
    else:
        assert scored_kinds(coach, stage, text) == kinds
