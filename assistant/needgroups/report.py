"""The Need Groups report: groups, shares, seriousness, services, and a report card."""

from __future__ import annotations

import csv
import io
import json
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, get_args

from assistant import dates
from assistant.audit.form import AgeBand
from assistant.content import Content
from assistant.needgroups.services import Services
from assistant.needgroups.suggest import Suggester, decode
from assistant.needgroups.themes import Themes

if TYPE_CHECKING:
    from assistant.audit.repository import AuditStore
    from assistant.content import Distance, Framework

UNSORTED = "Not in a group"
#: The coach's kinds that mean a need is worded as something other than a need.
NOT_SPECIFIC = frozenset({"service", "universal", "assessment"})


# --- the report --------------------------------------------------------------------------


def _pct(part: int, whole: int) -> int:
    return round(100 * part / whole) if whole else 0


def _typical(needs: list[dict[str, Any]], stop: frozenset[str], limit: int = 3) -> list[str]:
    """Wordings that share most words with the rest of the group, quoted verbatim; ``stop``
    are the lemmas that say nothing of a group (framework/words/need-groups.yml)."""
    if len(needs) <= limit:
        return [n["wording"] for n in needs]
    lemma_sets = [
        {t[1] for t in n["_tokens"] if t[1] not in stop and len(t[1]) > 2} for n in needs
    ]
    df: Counter[str] = Counter()
    for lemmas in lemma_sets:
        df.update(lemmas)
    scored = []
    for index, (need, lemmas) in enumerate(zip(needs, lemma_sets, strict=True)):
        score = sum(df[lem] for lem in lemmas) / (len(lemmas) + 2)
        scored.append((-score, index, need["wording"]))
    out: list[str] = []
    for _, _, wording in sorted(scored):
        if wording not in out:
            out.append(wording)
        if len(out) == limit:
            break
    return out


def _service_name(service: str) -> str:
    """The service itself, without who provides it ('Parenting course — Family Centre')."""
    return service.split(" — ", 1)[0].strip()


@dataclass
class GroupReport:
    id: int | None
    number: int | None
    name: str
    description: str
    notes: str
    theme: str
    cluster: str
    cases: int
    share: int
    needs: int
    typical: list[str]
    seriousness: list[tuple[str, int]]
    status: list[tuple[str, int]]
    services: list[tuple[str, int]]
    unserved: int
    unserved_examples: list[str]
    #: needs in the group, but none worded specifically enough to quote as typical
    none_specific: bool = False
    parking: bool = False


@dataclass
class Breakdown:
    """One row of "Is anyone better off?" by level of need, age band or Need Group."""

    label: str
    forms: int
    reviewed: int
    results: list[int]
    improved: int
    same: int
    worse: int
    mean_change: float | None


@dataclass
class BetterOff:
    """Aggregated plan results and distance travelled (seeds/004, Appendix E).

    Distance travelled per form is the mean, over its scored domains, of baseline minus
    latest score (the scale runs to worse, so positive is better).
    """

    forms: int
    reviewed: int
    measured: int
    result_labels: list[str]
    results: list[tuple[str, int]]
    domains: list[tuple[str, float, int]]
    breakdowns: dict[str, list[Breakdown]]

    @property
    def statement(self) -> str:
        return (f"{self.reviewed} of {self.forms} forms carry a review; {self.measured} carry "
                "distance-travelled scores")


def better_off(forms: list[dict[str, Any]], bodies: list[dict[str, Any]],
               needs: list[dict[str, Any]], groups: list[dict[str, Any]],
               framework: Framework, distance: Distance | None = None) -> BetterOff:
    """Plan results and distance travelled, overall and by level, age band and Need Group.

    A form counts once in each age band its children are in and once in each Need Group
    it has a need in, so those rows can add up to more than the forms.
    """
    result_ids = framework.ids("plan_results")
    result_labels = [*(framework.label("plan_results", r) for r in result_ids),
                     "No result recorded"]
    per_form: list[tuple[int, str | None, float | None]] = []  # (form id, result, mean)
    domain_sum: dict[tuple[str, str], list[int]] = defaultdict(list)
    for form, body in zip(forms, bodies, strict=True):
        if not body.get("reviews"):
            per_form.append((form["id"], None, None))
            continue
        changes = []
        for d in body.get("distance", []):
            change = d["baseline"] - d["latest"]
            changes.append(change)
            domain_sum[(d["profile"], d["domain"])].append(change)
        mean = sum(changes) / len(changes) if changes else None
        per_form.append((form["id"], body.get("plan_result") or "", mean))

    def row(label: str, ids: set[int], total: int) -> Breakdown:
        chosen = [f for f in per_form if f[0] in ids and f[1] is not None]
        counts = Counter(f[1] if f[1] in result_ids else "" for f in chosen)
        means = [f[2] for f in chosen if f[2] is not None]
        return Breakdown(
            label, total, len(chosen), [counts[r] for r in result_ids] + [counts[""]],
            sum(1 for m in means if m > 0), sum(1 for m in means if m == 0),
            sum(1 for m in means if m < 0),
            round(sum(means) / len(means), 2) if means else None)

    ids_by_level: dict[str, set[int]] = defaultdict(set)
    ids_by_age: dict[str, set[int]] = defaultdict(set)
    for form, body in zip(forms, bodies, strict=True):
        level = form["level_of_need"]
        ids_by_level[f"Level {level}" if level is not None else "Not recorded"].add(form["id"])
        for child in body.get("children", []) or [{"age_band": "not known"}]:
            ids_by_age[child.get("age_band", "not known")].add(form["id"])
    group_name = {g["id"]: g["name"] for g in groups}
    ids_by_group: dict[str, set[int]] = defaultdict(set)
    for n in needs:
        ids_by_group[group_name.get(n["group_id"], UNSORTED)].add(n["form_id"])
    level_order = [f"Level {lv}" for lv in _level_order(forms, framework)] + ["Not recorded"]
    age_order = list(get_args(AgeBand))
    breakdowns = {
        "By level of need": [row(k, ids_by_level[k], len(ids_by_level[k]))
                             for k in level_order if ids_by_level.get(k)],
        "By age band": [row(k, ids_by_age[k], len(ids_by_age[k]))
                        for k in age_order if ids_by_age.get(k)],
        "By Need Group": sorted(
            (row(k, v, len(v)) for k, v in ids_by_group.items()),
            key=lambda b: (b.label == UNSORTED, -b.forms, b.label)),
    }
    overall = row("All forms", {f[0] for f in per_form}, len(per_form))

    def domain_label(profile: str, domain: str) -> str:
        name = distance.domain_label(profile, domain) if distance else domain
        return f"{'Family' if profile == 'family' else profile.title()}: {name}"

    profile_order = {"family": 0, "child": 1, "parent": 2}
    domains = [
        (domain_label(profile, domain), round(sum(v) / len(v), 2), len(v))
        for (profile, domain), v in sorted(domain_sum.items(),
                                           key=lambda kv: (profile_order.get(kv[0][0], 3),
                                                           kv[0][1]))
    ]
    return BetterOff(
        forms=len(forms), reviewed=overall.reviewed,
        measured=sum(1 for f in per_form if f[2] is not None),
        result_labels=result_labels,
        results=list(zip(result_labels, overall.results, strict=True)),
        domains=domains, breakdowns=breakdowns)


@dataclass
class Report:
    sample: str
    generated: str
    forms: int
    needs: int
    children: int
    groups: list[GroupReport]
    unsorted: list[dict[str, Any]]
    services_no_need: list[dict[str, str]]
    card: dict[str, list[tuple[str, str]]]
    levels: list[tuple[str, int]]
    ages: list[tuple[str, int]]
    status_total: list[tuple[str, int]]
    seriousness_labels: list[str]
    status_labels: list[str]
    notes: list[str] = field(default_factory=list)
    title: str = ""
    area: str = ""
    author: str = ""
    cases: int = 0
    #: (case reference, forms) for each case audited more than once
    duplicates: list[tuple[str, int]] = field(default_factory=list)
    auditors: int = 0
    parked: list[GroupReport] = field(default_factory=list)
    #: Need Groups by needs met by no service, most first: what to commission
    gaps: list[tuple[str, int, str]] = field(default_factory=list)
    #: services answering no recorded need, counted by service
    no_need_services: list[tuple[str, int]] = field(default_factory=list)
    need_rows: list[dict[str, str]] = field(default_factory=list)
    specific_share: tuple[int, int] = (0, 0)
    better_off: BetterOff | None = None

    @property
    def group_bars(self) -> list[tuple[str, int]]:
        return [(g.name, g.cases) for g in self.groups]


@dataclass
class _Sample:
    """A sample as the report reads it, once: every other step works from this."""

    forms: list[dict[str, Any]]
    needs: list[dict[str, Any]]
    groups: list[dict[str, Any]]
    #: form id -> case reference; cases are counted by reference, not by form
    case_of: dict[int, str]
    #: case reference -> how many forms audit it
    forms_per_case: Counter[str]
    #: group id (None: not in a group) -> its needs, in form order
    by_group: dict[int | None, list[dict[str, Any]]]
    #: each form's JSON, decoded (children, reviews, distance travelled)
    bodies: list[dict[str, Any]]

    @property
    def total_cases(self) -> int:
        return len(self.forms_per_case)


def _read_sample(audit: AuditStore, sample_id: int) -> _Sample:
    """Read forms, needs and groups in one go, so every figure in the report counts the
    same rows; each need's stored analysis is decoded here (see :func:`_decode_tokens`)."""
    forms = audit.forms(sample_id)
    needs = audit.needs(sample_id)
    groups = audit.groups(sample_id)
    _decode_tokens(needs)
    case_of = {f["id"]: f["case_reference"] for f in forms}
    by_group: dict[int | None, list[dict[str, Any]]] = defaultdict(list)
    for n in needs:
        by_group[n["group_id"]].append(n)
    return _Sample(forms, needs, groups, case_of, Counter(case_of.values()), by_group,
                   [json.loads(f["body"]) for f in forms])


def _decode_tokens(needs: list[dict[str, Any]]) -> None:
    """Give each need its tokens (``_tokens``) without running spaCy: the stored analysis,
    decoded once per distinct analysis (a pooled sample repeats wordings), or the plain
    words of a need never analysed, so the report works before suggestions are made."""
    parsed: dict[str, list[tuple[Any, ...]]] = {}
    for n in needs:
        key = n["tokens"]
        if key is None:
            n["_tokens"] = [(w, w.lower()) for w in re.findall(r"\w+", n["wording"])]
        else:
            if key not in parsed:
                parsed[key] = [tuple(t) for t in decode(key).tokens]
            n["_tokens"] = parsed[key]


def _is_specific(row: dict[str, Any]) -> bool:
    """Whether the coach read the need as specifically worded: a need it never read is
    not counted as specific, so the share is of needs the coach has seen."""
    return row["kinds"] is not None and not set(row["kinds"]) & NOT_SPECIFIC


def _spread(framework: Framework, rows: list[dict[str, Any]], key: str, ids: list[str],
            other: bool) -> list[tuple[str, int]]:
    """How many ``rows`` have each of the framework's ``ids`` in ``key``, labelled, in the
    framework's order (with "Not rated" for the rest when ``other``): the framework, not
    the data, decides which rows the report shows, so two samples read side by side."""
    counts = Counter(r[key] if r[key] in ids else None for r in rows)
    labels = [framework.label("seriousness" if key == "seriousness" else "audit_status", i)
              for i in ids]
    out = [(label, counts[i]) for label, i in zip(labels, ids, strict=True)]
    if other:
        out.append(("Not rated", counts[None]))
    return out


def _group_report(group: dict[str, Any], sample: _Sample, framework: Framework,
                  themes: Themes, services: Services, stop: frozenset[str]) -> GroupReport:
    """One group's page: its cases and share, typical needs, seriousness and status
    spread, the services offered and the needs no service meets."""
    rows = sample.by_group.get(group["id"], [])
    theme = themes.get(group["theme"])
    offered: Counter[str] = Counter()
    for r in rows:
        offered.update({services.canonical(_service_name(s)) for s in r["services"]})
    unserved = [r for r in rows if not r["services"]]
    cases = len({sample.case_of.get(r["form_id"]) for r in rows})
    # Typical needs are quoted from specifically worded needs only: "needs CAMHS" is
    # the wording the audit teaches away from, not what the group is about.
    quotable = [r for r in rows if _is_specific(r)]
    return GroupReport(
        group["id"], group["number"], group["name"], group["description"] or "",
        group["notes"] or "", theme.label if theme else "",
        themes.cluster_label(theme.cluster) if theme else "",
        cases, _pct(cases, sample.total_cases), len(rows), _typical(quotable, stop),
        _spread(framework, rows, "seriousness", framework.ids("seriousness"), True),
        _spread(framework, rows, "status", framework.ids("audit_status"), False),
        sorted(offered.items(), key=lambda kv: (-kv[1], kv[0]))[:8],
        len(unserved), [r["wording"] for r in unserved if _is_specific(r)][:3],
        none_specific=bool(rows) and not quotable, parking=group["parking"],
    )


def _unsorted(sample: _Sample) -> list[dict[str, Any]]:
    """The needs in no group, each with why no theme was suggested: none is dropped,
    since an unsorted need may be the one the groups have not yet made room for."""
    return [
        {"id": n["id"], "case": sample.case_of.get(n["form_id"], ""), "holder": n["holder"],
         "wording": n["wording"], "reason": n["reason"] or "not analysed",
         "services": n["services"]}
        for n in sample.by_group.get(None, [])
    ]


def _services_no_need(sample: _Sample, suggester: Suggester | None) -> list[dict[str, str]]:
    """Services that answer no recorded need: listed against a need worded as the service
    itself ("Mother needs to attend a parenting course"), so no specific need stands
    behind them (the parenting course in seeds/000)."""
    no_need: list[dict[str, str]] = []
    named: dict[str, str | None] = {}
    for n in sample.needs:
        if not n["services"]:
            continue
        word = None
        if suggester is not None:
            if n["wording"] not in named:
                named[n["wording"]] = suggester.names_service(n["_tokens"])
            word = named[n["wording"]]
        why = ""
        if word:
            why = f"the need is worded as a service ('{word}'), not as what the person needs"
        elif n["kinds"] and "service" in n["kinds"]:
            why = "the wording coach reads this need as a service, not as what the person needs"
        if why:
            no_need.extend({"case": sample.case_of.get(n["form_id"], ""), "service": s,
                            "need": n["wording"], "why": why} for s in n["services"])
    return no_need


def _report_card(sample: _Sample, framework: Framework, no_need: list[dict[str, str]],
                 outcome: BetterOff) -> tuple[dict[str, list[tuple[str, str]]], list[str]]:
    """The report card's three questions (how much did we do, how well, is anyone better
    off: the commissioning questions of seeds/004), and notes for what the forms cannot
    yet answer, said rather than shown as a zero."""
    needs = sample.needs
    n_needs, total_cases = len(needs), sample.total_cases
    children = sum(len(b.get("children", [])) for b in sample.bodies)
    served = sum(1 for n in needs if n["services"])
    rated = sum(1 for n in needs if n["seriousness"])
    status_total = _spread(framework, needs, "status", framework.ids("audit_status"), False)
    known = [n for n in needs if n["status"] in ("met", "partly", "unmet")]
    better = sum(1 for n in known if n["status"] in ("met", "partly"))
    card: dict[str, list[tuple[str, str]]] = {
        "How much did we do?": [
            ("Cases audited", str(total_cases)),
            ("Audit forms (a case audited twice has two)", str(len(sample.forms))),
            ("Children in those cases", str(children)),
            ("Needs recorded", str(n_needs)),
            ("Needs per case (average)", f"{n_needs / total_cases:.1f}" if total_cases else "0"),
            ("Services provided or planned", str(sum(len(n["services"]) for n in needs))),
        ],
        "How well did we do it?": [
            ("Needs with at least one service", f"{served} ({_pct(served, n_needs)}%)"),
            ("Needs met by no service", f"{n_needs - served} ({_pct(n_needs - served, n_needs)}%)"),
            ("Services answering no recorded need", str(len(no_need))),
            ("Needs with a seriousness rating", f"{rated} ({_pct(rated, n_needs)}%)"),
        ],
        "Is anyone better off?": [
            (label, f"{count} ({_pct(count, n_needs)}%)") for label, count in status_total
        ],
    }
    coached = [n for n in needs if n["kinds"] is not None]
    if coached:
        specific = sum(1 for n in coached
                       if not set(n["kinds"]) & {"service", "universal", "assessment"})
        card["How well did we do it?"].append(
            ("Needs worded specifically (not as a service, a universal aim or an assessment)",
             f"{specific} of {len(coached)} ({_pct(specific, len(coached))}%)"))
    notes = []
    if known:
        card["Is anyone better off?"].append(
            ("Needs met or partly met, of those with a known status",
             f"{better} of {len(known)} ({_pct(better, len(known))}%)"))
    else:
        notes.append("No need has a recorded status (met, partly met or unmet), so the forms "
                     "cannot yet say whether anyone is better off.")
    card["Is anyone better off?"][:0] = [("Forms that carry a review",
                                          f"{outcome.reviewed} of {len(sample.forms)}")]
    card["Is anyone better off?"].extend(
        (f"Plan result: {label}" if label != "No result recorded"
         else "Reviewed plans with no result recorded",
         f"{count} of {outcome.reviewed}")
        for label, count in outcome.results if outcome.reviewed)
    return card, notes


def _need_rows(sample: _Sample, everything: list[GroupReport],
               services: Services) -> list[dict[str, str]]:
    """One row per need for the needs CSV, with its group: the whole sample in a shape a
    spreadsheet can filter, for questions the report does not ask."""
    group_of = {g.id: g for g in everything}
    rows = []
    for n in sample.needs:
        group = group_of.get(n["group_id"])
        rows.append({
            "group_number": str(group.number) if group else "",
            "group": group.name if group else UNSORTED,
            "not_a_need_group": "yes" if group and group.parking else "",
            "case": sample.case_of.get(n["form_id"], ""), "holder": n["holder"],
            "holder_kind": n["holder_kind"], "wording": n["wording"],
            "worded_specifically": ("not read" if n["kinds"] is None
                                    else "yes" if _is_specific(n) else "no"),
            "seriousness": n["seriousness"] or "", "status": n["status"] or "",
            "services": " | ".join(services.canonical(_service_name(x))
                                   for x in n["services"]),
        })
    return rows


def _levels(sample: _Sample, framework: Framework) -> list[tuple[str, int]]:
    """Forms by the highest threshold level recorded, every level of the framework's scale
    shown (a zero says something too), then the forms with none."""
    levels = Counter(f["level_of_need"] for f in sample.forms)
    return [(f"Level {lv}", levels[lv]) for lv in _level_order(sample.forms, framework)] + [
        ("Not recorded", levels[None])]


def _level_order(forms: list[dict[str, Any]], framework: Framework) -> list[int]:
    """The framework's threshold levels in order, then any level a form records that the
    scale does not have (a form from another area's scale is counted, not dropped)."""
    scale = framework.threshold_scale
    other = {f["level_of_need"] for f in forms} - set(scale) - {None}
    return [*scale, *sorted(other)]


def _ages(sample: _Sample) -> list[tuple[str, int]]:
    """Children by age band, in age order, bands with no child left out."""
    ages = Counter(c.get("age_band", "not known") for b in sample.bodies
                   for c in b.get("children", []))
    age_order = list(get_args(AgeBand))
    return [(a, ages[a]) for a in age_order if ages[a]]


def build_report(audit: AuditStore, sample_id: int, sample_name: str, framework: Framework,
                 themes: Themes, suggester: Suggester | None = None, *,
                 stop: frozenset[str],
                 generated: date | None = None, services: Services | None = None,
                 title: str = "", area: str = "", author: str = "",
                 distance: Distance | None = None) -> Report:
    """The Need Groups report from the stored forms, analyses and groups (no spaCy run).

    Cases are counted by case reference: a case audited twice (two auditors, two dates)
    is one case, and the report says how many were. Groups marked "not a Need Group"
    (parking) are listed apart and left out of the Need Groups. Each step below is a
    function of the sample read once, so each can be read (and changed) on its own.
    ``stop`` are the words a group's typical wordings are not chosen by
    (framework/words/need-groups.yml of the content in use).
    """
    services = services or Services()
    sample = _read_sample(audit, sample_id)
    everything = [_group_report(g, sample, framework, themes, services, stop)
                  for g in sample.groups]
    reports = sorted((g for g in everything if not g.parking),
                     key=lambda g: (-g.cases, -g.needs, g.name.lower()))
    no_need = _services_no_need(sample, suggester)
    outcome = better_off(sample.forms, sample.bodies, sample.needs, sample.groups,
                         framework, distance)
    card, notes = _report_card(sample, framework, no_need, outcome)
    gaps = sorted(((g.name, g.unserved, g.unserved_examples[0] if g.unserved_examples
                    else "") for g in reports if g.unserved), key=lambda t: (-t[1], t[0]))
    no_need_count = Counter(services.canonical(_service_name(item["service"]))
                            for item in no_need)
    return Report(
        better_off=outcome,
        sample=sample_name, generated=(generated or dates.today()).isoformat(),
        forms=len(sample.forms), needs=len(sample.needs),
        children=sum(len(b.get("children", [])) for b in sample.bodies), groups=reports,
        unsorted=_unsorted(sample), services_no_need=no_need, card=card,
        levels=_levels(sample, framework), ages=_ages(sample),
        status_total=_spread(framework, sample.needs, "status",
                             framework.ids("audit_status"), False),
        seriousness_labels=[framework.label("seriousness", r)
                            for r in framework.ids("seriousness")] + ["Not rated"],
        status_labels=[framework.label("audit_status", s)
                       for s in framework.ids("audit_status")],
        notes=notes, title=title or f"Need Groups: {sample_name}", area=area, author=author,
        cases=sample.total_cases,
        duplicates=sorted((c, k) for c, k in sample.forms_per_case.items() if k > 1),
        auditors=len({f["auditor"] for f in sample.forms if f["auditor"]}),
        parked=[g for g in everything if g.parking],
        gaps=gaps, no_need_services=sorted(no_need_count.items(), key=lambda kv: (-kv[1], kv[0])),
        need_rows=_need_rows(sample, everything, services),
        specific_share=(sum(1 for n in sample.needs if _is_specific(n)),
                        sum(1 for n in sample.needs if n["kinds"] is not None)),
    )


def render_html(report: Report, content: Content) -> str:
    """The report through exports/needgroups-report.html.j2 (everything typed is escaped).

    Uses the exporters' sandboxed, autoescaping environment, so an edited template is
    found and reported the same way as the plan's: a broken template or an undefined name
    is one line naming the template file and line (:class:`ExportError`, exit 1), not a
    Jinja traceback.
    """
    from assistant.rendering.templates import render_template

    return render_template("needgroups-report.html.j2", {"r": report}, content)


CSV_COLUMNS = ("group", "cluster", "description", "cases", "share_of_cases_percent", "needs")


def render_csv(report: Report) -> str:
    """One row per Need Group (and one for needs not in a group); formula-safe cells."""
    from assistant.audit.csvcodec import defuse

    header = [*CSV_COLUMNS,
              *(f"seriousness: {label}" for label in report.seriousness_labels),
              *(f"status: {label}" for label in report.status_labels),
              "needs_met_by_no_service", "services", "typical_needs", "notes"]
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(header)
    rows = list(report.groups)
    for g in rows:
        writer.writerow([defuse(str(v)) for v in (
            g.name, g.cluster, g.description, g.cases, g.share, g.needs,
            *(c for _, c in g.seriousness), *(c for _, c in g.status), g.unserved,
            " | ".join(f"{s} ({c})" for s, c in g.services), " | ".join(g.typical), g.notes)])
    if report.unsorted:
        writer.writerow([defuse(str(v)) for v in (
            UNSORTED, "", "", len({u["case"] for u in report.unsorted}), "", len(report.unsorted),
            *([""] * (len(report.seriousness_labels) + len(report.status_labels))), "", "",
            " | ".join(u["wording"] for u in report.unsorted[:3]), "")])
    return out.getvalue()


NEED_COLUMNS = ("group_number", "group", "not_a_need_group", "case", "holder", "holder_kind",
                "wording", "worded_specifically", "seriousness", "status", "services")


def render_needs_csv(report: Report) -> str:
    """One row per need: its group (by the one numbering), case, wording and services."""
    from assistant.audit.csvcodec import defuse

    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(NEED_COLUMNS)
    for row in report.need_rows:
        writer.writerow([defuse(row[name]) for name in NEED_COLUMNS])
    return out.getvalue()


REPORT_FILES = ("needgroups-report.html", "needgroups-report.csv", "needgroups-needs.csv")


def write_report(report: Report, out_dir: Path, content: Content,
                 force: bool = False) -> list[Path]:
    """Write the HTML and CSV report into ``out_dir``; return their paths.

    Both are rendered, and both targets checked, before either is written, so a template
    error or an existing file leaves the folder as it was. Each file is written whole and
    readable by its owner only (:func:`assistant.files.write_new`): the report holds
    needs from real cases. An existing file is overwritten only with ``force``.
    """
    from assistant.files import write_all

    texts = [render_html(report, content), render_csv(report), render_needs_csv(report)]
    paths = [out_dir / name for name in REPORT_FILES]
    return write_all(out_dir, list(zip(paths, texts, strict=True)), force)
