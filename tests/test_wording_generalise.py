"""Statements written for these tests (not the dev set, not the rule examples): the coach
must generalise from the idea of each kind, not from the words it was tuned on.

Each case runs on the default pipeline and on the blank fallback; the scored kinds
(universal, service, assessment; vague and service for outcomes) must be exactly these.
"""

from __future__ import annotations

import pytest

from assistant.wording import Coach

NEEDS: list[tuple[str, set[str]]] = [
    ("Jamie needs a referral to the youth counselling service.", {"service"}),
    ("Mum needs to attend a parenting programme.", {"service"}),
    ("Dad needs to undertake a domestic abuse perpetrator course.", {"service"}),
    ("Mum needs to access drug and alcohol services.", {"service"}),
    ("Ellie needs to be placed in foster care.", {"service"}),
    ("Leah needs to see a counsellor.", {"service"}),
    ("Tom needs a keyworker.", {"service"}),
    ("Ben needs support from the Early Help team.", {"service"}),
    ("Mum needs parenting classes.", {"service"}),
    ("Tia needs a bereavement counsellor.", {"service"}),
    ("He needs residential rehab.", {"service"}),
    ("Mum needs a course of counselling.", {"service"}),
    ("Jack needs hydrotherapy for his legs.", {"service"}),
    ("Kayla would benefit from play therapy.", {"service"}),
    ("Mum requires a parenting course.", {"service"}),
    ("The children need to be placed with foster carers.", {"service"}),
    ("Tom needs to be offered a place at the youth club.", {"service"}),
    ("Mum needs to continue engaging with the drug and alcohol service.", {"service"}),
    ("Leo needs 1:1 support at lunchtimes.", {"service"}),
    ("Child needs to be protected from harm.", {"universal"}),
    ("Jack needs a safe home.", {"universal"}),
    ("The children need to be safe from harm at all times.", {"universal"}),
    ("Emily needs to achieve her full potential.", {"universal"}),
    ("Leon needs to feel loved.", {"universal"}),
    ("Child needs to be happy and settled in school.", {"universal"}),
    ("Mo needs his needs to be met.", {"universal"}),
    ("Kacey needs a nurturing environment.", {"universal"}),
    ("Rio needs routine and boundaries.", {"universal"}),
    ("The children need to be kept safe.", {"universal"}),
    ("Mum needs to keep the children safe.", {"universal"}),
    ("Ava needs a safe and nurturing home where her needs are met.", {"universal"}),
    ("Young person needs to be protected.", {"universal"}),
    ("Kai needs a CAMHS referral.", {"service"}),
    ("Mum needs to comply with the child protection plan.", {"service"}),
    ("Mum needs to accept support.", {"service"}),
    ("Ava needs an EHCP.", {"service"}),
    ("Mum needs to be assessed for her parenting capacity.", {"assessment"}),
    ("Mum needs a capacity assessment.", {"assessment"}),
    ("Kai needs to be assessed for ADHD.", {"assessment"}),
    ("Sam needs a cognitive assessment.", {"assessment"}),
    ("Baby needs a developmental check.", {"assessment"}),
    ("Mum requires a mental health assessment.", {"assessment"}),
    ("Jo needs to be seen by a paediatrician.", {"assessment"}),
    ("Ava would benefit from an assessment by the educational psychologist.", {"assessment"}),
    ("Ruby needs to be diagnosed.", {"assessment"}),
    ("Jo needs a consistent bedtime routine so she gets enough sleep to concentrate.", set()),
    ("Mum needs to understand the impact of her drinking on the children.", set()),
    ("Amy needs help to manage her anger when she is told no.", set()),
    ("Dad needs to learn ways to manage Tom's behaviour without shouting.", set()),
    ("Tom needs to be supported to walk into school with his friend each morning.", set()),
    ("Ellie needs a consistent adult who she can talk to at school.", set()),
    ("Mum needs to be able to recognise when she is becoming unwell and ask for help early.",
     set()),
    ("Sam needs to go to school every day and arrive on time.", set()),
    ("Callum needs his mum to go with him to his dental appointments.", set()),
    ("The baby needs to be fed regularly and have his nappy changed.", set()),
    ("Kayla needs to know that her dad is in prison and when she can visit him.", set()),
    ("Dad needs to understand why the assessment found that Ava was frightened of him.", set()),
    ("Mum needs to tell the counsellor what she remembers about the night Ava was hurt.",
     set()),
    ("Kayla needs to understand why she has a social worker.", set()),
    ("Mum needs to know what the health visitor will check at each visit.", set()),
    ("Ella needs a named adult at school she can go to when she feels panicky.", set()),
    ("Amir needs an interpreter at his review so he understands what is decided.", set()),
    ("Lily needs her mum to stop using cannabis in the flat.", set()),
    ("The children need to see their father in a supervised setting.", set()),
    ("Kayla needs to be safe from her mum's partner, who has hit her.", set()),
    ("Tyler needs to be kept away from the older boys who sell drugs.", set()),
    ("Ruby needs to do her exercises from the physiotherapist every evening.", set()),
    ("Dan needs to complete the college course he started in September.", set()),
    ("Mum needs to use the reward chart the family worker showed her.", set()),
    ("Leo needs to take his medication every morning.", set()),
    ("Ben needs to be collected from nursery on time.", set()),
    ("Mum needs to register with a GP near the new flat.", set()),
    ("The children need to know that their placement with Gran is permanent.", set()),
    ("Kai needs his hearing aids checked each morning before school.", set()),
    ("She does not need counselling; she needs to talk to her gran about the move.", set()),
    ("If he needs respite later, Gran can help; now he needs to sleep in his own bed.", set()),
    ("Mum said 'he just needs to be safe', but Leo needs to know who will pick him up.",
     set()),
]

OUTCOMES: list[tuple[str, set[str]]] = [
    ("Mum will engage with the parenting programme.", {"service"}),
    ("Dad will have completed the Caring Dads programme by March.", {"service"}),
    ("Kayla will have received ten sessions of counselling by June.", {"service"}),
    ("Tyler will be referred to the school nurse.", {"service"}),
    ("Tyler's attendance will improve.", {"vague"}),
    ("Jade will be safe.", {"vague"}),
    ("Kayla's emotional wellbeing will be improved.", {"vague"}),
    ("Sam will be happy and settled in his placement.", {"vague"}),
    ("Mum will feel more confident as a parent.", {"vague"}),
    ("Mum will be able to manage Tom's behaviour.", {"vague"}),
    ("Risks to the children will be reduced.", {"vague"}),
    ("Ben will have access to speech and language therapy.", {"service"}),
    # ("Mum will be supported to manage her anxiety" is both a service and vague, read from
    # the parse only: tests/test_wording_outcomes_shapes.py)
    ("Tom will be safe from harm.", {"vague"}),
    ("Mum will have attended all appointments.", {"service"}),
    ("Kai will have been assessed by the paediatrician.", {"service"}),
    ("The children's needs will be met.", {"vague"}),
    ("Reduced risk of harm.", {"vague"}),
    ("Dad to attend a perpetrator programme.", {"service"}),
    ("By the end of term Josh will arrive at school before 8.50 on at least 4 days a week.",
     set()),
    ("By July, Mum will give Ella her insulin at the right times every day, as checked by "
     "the diabetes nurse.", set()),
    ("Within six weeks Leo will sleep in his own bed on five nights out of seven.", set()),
    ("By the review, Kayla will be able to name two adults she can tell when she is worried.",
     set()),
]
SCORED = {"need": {"universal", "service", "assessment"}, "outcome": {"vague", "service"}}


@pytest.mark.parametrize(("text", "kinds"), NEEDS, ids=[t[:40] for t, _ in NEEDS])
def test_need_statements(coach_any: Coach, text: str, kinds: set[str]) -> None:
    report = coach_any.check(text)
    assert set(report.kinds) & SCORED["need"] == kinds, report.to_dict()


@pytest.mark.parametrize(("text", "kinds"), OUTCOMES, ids=[t[:40] for t, _ in OUTCOMES])
def test_outcome_statements(coach_any: Coach, text: str, kinds: set[str]) -> None:
    report = coach_any.check(text, stage="outcome")
    assert set(report.kinds) & SCORED["outcome"] == kinds, report.to_dict()
