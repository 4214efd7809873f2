"""Guidance for a visitor who doesn't know yet, read from the knowledge base: careers that fit their
interests and needs, a side-by-side table of careers, the courses on the way to a career with their total
price and length, and the careers near one they have. Every suggestion carries the facts that support it,
with their sources; a career or course the documents say nothing of on a need is never guessed in.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass, field, replace

from kb import lexicon
from kb import needs as needs_registry
from kb.interests import INTERESTS, Interest
from kb.matching import normalize, terms
from kb.needs import Need
from kb.query import (
    FactView,
    KnowledgeBase,
    OpeningsFact,
    OutlookFact,
    SalaryFact,
    SkillFact,
    Source,
    Suggestion,
    Text,
)
from kb.vocabulary import GENERIC_WORDS

Shown = tuple[tuple[Need, FactView], ...]
"""Each need a subject meets, with the fact that shows it."""


@dataclass(frozen=True)
class Shortlist:
    picks: list[Suggestion]
    shown: dict[str, Shown]  # subject -> the facts that show it meets the needs
    unsaid: list[str]  # subjects whose documents don't say whether they meet a need (left out)
    needs: list[Need] = field(default_factory=list)
    more: list[str] = field(default_factory=list)  # the others meeting the needs, in the same order


def meeting(kb: KnowledgeBase, kind: str, needs: list[Need], subjects: list[str]) -> tuple[dict[str, Shown], list[str]]:
    """The subjects meeting every need, with the facts that show it; and those failing none whose documents
    don't say on some need (left out, and counted)."""
    shown: dict[str, list[tuple[Need, FactView]]] = {s: [] for s in subjects}
    failed: set[str] = set()
    unsaid: set[str] = set()
    for need in needs:
        facts = kb.facts_by_subject(kind, needs_registry.BY_NAME[need.rule].aspect)
        for subject in subjects:
            verdict, fact = needs_registry.check(need, facts.get(subject, []))
            if verdict:
                shown[subject].append((need, fact))
            else:
                (unsaid if verdict is None else failed).add(subject)
    met = {s: tuple(shown[s]) for s in subjects if s not in failed | unsaid}
    return met, sorted(unsaid - failed)


def shortlist(
    kb: KnowledgeBase, wanted: list[Interest], needs: list[Need], limit: int = 5, said: str = ""
) -> Shortlist:
    """Careers for the interests (ranked by ``KnowledgeBase.suggest``, then by the visitor's own words
    ``said``) that meet every need, and those fitting them whose documents don't say on a need; with needs
    alone, those meeting them, best paid first."""
    met, unsaid = meeting(kb, "career", needs, kb.careers())
    if wanted:
        fitting = {s.career for s in kb.suggest(wanted, len(unsaid) or 1, among=set(unsaid))} if unsaid else set()
        picks = kb.suggest(wanted, limit, among=set(met), said=said)
        return Shortlist(picks, met, [c for c in unsaid if c in fitting], needs)
    pay = {v.subject: v.number for v in kb.ranked("pay", "career") if v.subject in met}
    ordered = sorted(met, key=lambda c: (-(pay.get(c) or 0), c))
    picks = [kb.suggestion(c, (), _reason(c, met[c])) for c in ordered[:limit]]
    return Shortlist(picks, met, unsaid, needs, ordered[limit:])


def interests_shown(kb: KnowledgeBase) -> list[str]:
    """The interests of the registry some career of the documents shows."""
    return [i.name for i in INTERESTS if kb.suggest([i], 1)]


def _reason(subject: str, shown: Shown) -> Text | None:
    return next((Text(subject, f.value, f.source) for _, f in shown if f is not None), None)


def courses_meeting(
    kb: KnowledgeBase, needs: list[Need], limit: int = 5, wanted: list[Interest] | None = None, said: str = ""
) -> Shortlist:
    """Courses meeting every need: those best showing the interests ``wanted`` (as careers are ranked), else
    the cheapest (then shortest) first."""
    met, unsaid = meeting(kb, "course", needs, kb.courses())
    if wanted:
        return Shortlist(kb.suggest(wanted, limit, among=set(met), said=said, kind="course"), met, unsaid, needs)
    prices = kb.facts_by_subject("course", "price")
    price = {c: p.number for c in met if (p := needs_registry.whole_price(prices.get(c, [])))}
    ordered = sorted(met, key=lambda c: (price.get(c) is None, price.get(c) or 0, c))
    picks = [kb.suggestion(c, (), _reason(c, met[c]), kind="course") for c in ordered[:limit]]
    return Shortlist(picks, met, unsaid, needs, ordered[limit:])


# -- a table of careers -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Profile:
    """One career's row of a comparison: its pay, growth, education and openings, each as a document
    gives it (None where none does)."""

    career: str
    pay: SalaryFact | None
    outlook: OutlookFact | None
    education: FactView | None
    openings: OpeningsFact | None


def profiles(kb: KnowledgeBase, careers: list[str]) -> list[Profile]:
    rows = []
    for career in careers:
        education = _education(kb, career)
        outlook = [o for o in kb.outlook(career) if o.percent is not None] or kb.outlook(career)
        rows.append(
            Profile(career, _comparable_pay(kb.salaries(career)), next(iter(outlook), None), education,
                    next(iter(kb.openings(career)), None))
        )  # fmt: skip
    return rows


def _comparable_pay(salaries: list[SalaryFact]) -> SalaryFact | None:
    """The pay a comparison shows: the first yearly figure, so that the rows compare (an hourly or monthly
    figure only where the documents give no yearly one)."""
    return next((s for s in salaries if s.period == "year"), next(iter(salaries), None))


def _education(kb: KnowledgeBase, career: str) -> FactView | None:
    """The first education fact of a career that names a level (a facts box's "Bachelor's degree")."""
    facts = kb.facts(career, "career", "education")
    return next((f for f in facts if needs_registry.level_of(f.value) is not None), None)


@dataclass(frozen=True)
class CourseProfile:
    """One course's row of a comparison: its whole price, length and format as its document gives them."""

    course: str
    price: FactView | None
    length: FactView | None
    format: FactView | None


def courses_on_the_way(
    kb: KnowledgeBase, wanted: list[Interest], needs: list[Need], careers: list[str], said: str = "", limit: int = 3
) -> list[CourseProfile]:
    """The few courses to show beside a shortlist of ``careers``, within the time of study the visitor gives
    (``kb.needs.for_courses``): those that prepare for the careers, then those whose name shows an interest
    ("Cosmetology"); when no career fits, those whose own sections show the interests best. None when the
    visitor gave neither interests nor a time of study."""
    timed = needs_registry.for_courses(needs)
    if not wanted and not timed:
        return []
    met, _ = meeting(kb, "course", timed, kb.courses())
    words = set(terms(" ".join(w for i in wanted for w in i.shown)))
    found = [t.subject for career in careers for t in kb.courses_for_career(career)]
    found += [c for c in met if words & set(terms(c))]
    if not careers:
        found += [s.career for s in courses_meeting(kb, timed, limit, wanted, said).picks]
    if not wanted:  # a time of study alone: then the cheapest courses within it
        found += [s.career for s in courses_meeting(kb, timed, limit).picks]
    return course_profiles(kb, [c for c in dict.fromkeys(found) if c in met][:limit])


def course_profiles(kb: KnowledgeBase, courses: list[str]) -> list[CourseProfile]:
    return [
        CourseProfile(
            course,
            needs_registry.whole_price(kb.facts(course, "course", "price")),
            next((f for f in kb.facts(course, "course", "duration") if f.number is not None), None),
            next(iter(kb.facts(course, "course", "format")), None),
        )
        for course in courses
    ]


# -- the way to a career --------------------------------------------------------------------------


@dataclass(frozen=True)
class Step:
    course: str
    price: FactView | None
    length: FactView | None
    lacking: tuple[Text, ...]  # prerequisites the visitor doesn't name and no course of the path teaches
    covers: tuple[str, ...]  # the needed skills (or their tools) its topics name
    why: Text  # where the documents tie it to the career or the skill
    before: str | None = None  # the course it is taken first for, to meet that course's prerequisites


@dataclass(frozen=True)
class CoursePath:
    career: str
    skills: list[SkillFact]  # what the documents say the career needs
    known: list[str]  # of those, the ones the visitor says they have
    steps: list[Step]
    education: FactView | None
    discount: Text | None = None  # a discount the documents state, that the visitor's words say applies

    @property
    def total_price(self) -> float:
        return sum(s.price.number for s in self.steps if s.price)

    @property
    def total_weeks(self) -> float | None:
        """The lengths added up, when every step gives one in weeks."""
        lengths = [s.length for s in self.steps]
        if not lengths or any(x is None or x.unit != "week" for x in lengths):
            return None
        return sum(x.number for x in lengths)

    @property
    def discounted(self) -> float | None:
        """The total with the discount taken off, when it applies to every priced step (``_discounted_by``)."""
        if self.discount is None:
            return None
        off = DISCOUNT.search(self.discount.text)
        priced = [s for s in self.steps if s.price]
        if not off or not priced or any(not _discounted_by(s.price, self.discount) for s in priced):
            return None  # a total the reply could not show the working of
        base = sum(s.price.number for s in priced)
        if off.group("pct"):
            cut = base * float(off.group("pct")) / 100
        else:
            cut = float(off.group("usd").replace(",", "")) * len(priced)
        return self.total_price - cut


def _discounted_by(price: FactView, discount: Text) -> bool:
    """Whether a discount applies to a whole price: one of its own document's, and, for a discount off
    tuition, a price that is tuition alone (not "tuition and fees")."""
    if price.source.document != discount.source.document:
        return False
    return not (re.search(r"\btuition\b", discount.text, re.I) and re.search(r"\bfees?\b", price.source.sentence, re.I))


DISCOUNT = re.compile(
    r"(?P<pct>\d+(?:\.\d+)?)\s?(?:percent|%)\s+(?:off|discount)|"
    r"(?:saves?|off|discount of|reduced by)\s+\$(?P<usd>\d[\d,]*)",
    re.I,
)
BENEFIT = re.compile(r"\b(?:receives?|gets?|saves?|pays?|qualify|qualifies|are eligible|is eligible)\b", re.I)
"""The verb after who a discount is for ("Students receive ...", "Enrolling early saves ...")."""
PREREQUISITE_WORDS = frozenset(
    terms("basic basics skill skills knowledge need needed must should prior experience familiarity understanding "
          "completed application required recommended students working")
)  # fmt: skip


def _words(text: str) -> set[str]:
    return {t for t in terms(text) if not t.isdigit()} - GENERIC_WORDS - PREREQUISITE_WORDS


def course_path(kb: KnowledgeBase, career: str, said: str, most_steps: int = 3) -> CoursePath:
    """The courses that take a visitor to a career: those the documents say prepare for it, and those whose
    topics name a skill (or its tools) the career needs that the visitor's words (``said``) don't; each
    course whose prerequisites the visitor's words don't meet is preceded by a course that teaches them."""
    skills = kb.skills(career)
    have = _words(said)
    known = [s.name for s in skills if _words(s.name) & have or any(_words(e) & have for e, _ in s.examples)]
    needed = {w for s in skills if s.name not in known for w in _skill_words(s)} - have
    topics = kb.topics_by_course()
    steps: list[Step] = []
    for prepared in kb.courses_for_career(career):
        steps.append(_step(kb, prepared.subject, prepared, topics, needed))
    covered = set().union(*(set(s.covers) for s in steps)) if steps else set()
    candidates = [c for c in topics if c not in {s.course for s in steps}]
    while len(steps) < most_steps:
        gains = {c: _covered(topics[c], needed - covered) for c in candidates}
        best = max(gains, key=lambda c: (len(gains[c]), c), default=None)
        if best is None or not gains[best]:
            break
        why = Text(best, ", ".join(sorted(gains[best])), topics[best][0].source)
        steps.append(_step(kb, best, why, topics, needed))
        covered |= gains[best]
        candidates.remove(best)
    steps = _with_prerequisites(kb, steps[:most_steps], have, topics, needed)
    return CoursePath(career, skills, known, steps, _education(kb, career), _discount(kb, steps, said))


def named_path(kb: KnowledgeBase, courses: list[str], said: str) -> CoursePath:
    """The courses a visitor names, in their order ("the CNA training and then the pharmacy technician
    certificate"), with their prices and lengths, totals and a discount that applies."""
    topics = kb.topics_by_course()
    steps = []
    for course in courses:
        why = next(iter(topics.get(course, [])), None) or Text(course, course, _anchor(kb, course))
        steps.append(_step(kb, course, why, topics, set()))
    return CoursePath("", [], [], steps, None, _discount(kb, steps, said))


def _anchor(kb: KnowledgeBase, course: str) -> Source:
    """Where the documents say something of a course (the first aspect they cover for it)."""
    return kb.facts(course, "course", kb.aspects_of(course, "course")[0])[0].source


def _skill_words(skill: SkillFact) -> set[str]:
    return _words(skill.name) | {w for e, _ in skill.examples for w in _words(e)}


def _covered(topics: list[Text], needed: set[str]) -> set[str]:
    return needed & set().union(*(_words(t.text) for t in topics)) if topics else set()


def _step(kb: KnowledgeBase, course: str, why: Text, topics: dict[str, list[Text]], needed: set[str]) -> Step:
    price = needs_registry.whole_price(kb.facts_by_subject("course", "price").get(course, []))
    durations = kb.facts_by_subject("course", "duration").get(course, [])
    length = next((f for f in durations if f.number is not None), None)
    covers = tuple(sorted(_covered(topics.get(course, []), needed)))
    return Step(course, price, length, (), covers, why)


def _with_prerequisites(
    kb: KnowledgeBase, steps: list[Step], have: set[str], topics: dict[str, list[Text]], needed: set[str]
) -> list[Step]:
    """Before each step, a course teaching what its prerequisites ask that the visitor doesn't name (one
    whose name, else whose topics, name it; of those, one with no prerequisites of its own first); a
    prerequisite no course teaches stays with its step, to be said. A course taken first for several steps
    is listed once."""
    asked = kb.facts_by_subject("course", "prerequisites")
    ordered: list[Step] = []
    for step in steps:
        lacking = []
        for fact in asked.get(step.course, []):
            prerequisite = Text(step.course, fact.value, fact.source)
            wanting = _words(prerequisite.text) - have
            if not wanting:
                continue
            others = [c for c in topics if c != step.course]
            teaching = [c for c in others if wanting <= _words(c)] or [
                c for c in others if wanting <= set().union(*(_words(t.text) for t in topics[c]))
            ]
            first = sorted(teaching, key=lambda c: (bool(asked.get(c)), len(c)))[:1]
            if not first:
                lacking.append(prerequisite)
            elif first[0] not in {s.course for s in ordered + steps}:
                why = Text(first[0], prerequisite.text, prerequisite.source)
                ordered.append(replace(_step(kb, first[0], why, topics, needed), before=step.course))
        ordered.append(replace(step, lacking=tuple(lacking)))
    return ordered


def discount_for(kb: KnowledgeBase, courses: list[str], said: str) -> Text | None:
    """A discount the documents of these courses state for someone the visitor says they are."""
    prices = kb.facts_by_subject("course", "price")
    return _discount_in(
        kb, {p.source.document for c in courses if (p := needs_registry.whole_price(prices.get(c, [])))}, said
    )


def _discount(kb: KnowledgeBase, steps: list[Step], said: str) -> Text | None:
    return _discount_in(kb, {s.price.source.document for s in steps if s.price}, said)


def _discount_in(kb: KnowledgeBase, documents: set[str], said: str) -> Text | None:
    """A discount of these documents for someone the visitor says they are: the words before its verb
    share one with theirs ("I'm a student": "Full-time students receive 10 percent off tuition")."""
    have = _words(said)
    for text in kb.provider("discount"):
        if text.source.document not in documents:
            continue
        for sentence in re.split(r"(?<=[.!?])\s+", text.text):
            if DISCOUNT.search(sentence) and _words(BENEFIT.split(sentence, maxsplit=1)[0]) & have:
                return Text(text.subject, sentence, text.source)
    return None


# -- careers near one -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Near:
    career: str
    shared: tuple[str, ...]  # the skills, tools and duties' words both have
    same_document: bool  # presented in the same document (a field they share)
    source: Text  # a sentence of the near career's that shows the most shared words
    related: bool = False  # the documents name it as related (a "Similar occupations" list)


def near_careers(kb: KnowledgeBase, career: str, limit: int = 5) -> list[Near]:
    """The careers the documents name as related to one, then the others sharing most with it: the words
    of their skills, tools, duties and overview, each weighed by how few careers use it, and the field their
    documents present them in."""
    described = kb.words_of_careers(("skills", "tools", "duties", "overview"))
    mine = described.get(career, {})
    used = Counter(word for words in described.values() for word in words)
    common = max(2, len(described) * COMMON)
    weights = {word: math.log(1 + len(described) / count) for word, count in used.items() if 1 < count <= common}
    fellows = set(kb.fellow_careers(career))
    things = lexicon.load()
    found = []
    for other, theirs in described.items():
        if normalize(other) == normalize(career):
            continue
        shared = {w for w in set(mine) & set(theirs) if w in weights and things.names_a_thing(w)}
        shared -= set(terms(career)) | set(terms(other))
        if not shared and other not in fellows:
            continue
        score = sum(weights[w] for w in shared) + (FIELD if other in fellows else 0)
        best = sorted(shared, key=lambda w: (-weights[w], w))
        named = list(dict.fromkeys(mine[w].text if len(mine[w].text.split()) <= 4 else w for w in best))[:3]
        shown = theirs[best[0]] if best else next(iter(theirs.values()))
        found.append((score, other, tuple(named), other in fellows, shown))
    found.sort(key=lambda r: (-r[0], r[1]))
    named = [Near(t.text, (), False, t, related=True) for t in kb.related(career) if t.text != career]
    named = list({n.career: n for n in named}.values())
    computed = [Near(o, shared, same, text) for _, o, shared, same, text in found if o not in {n.career for n in named}]
    return (named + computed)[: max(limit, len(named))]


COMMON = 0.25
"""A word shared by more than a quarter of the careers (of more than eight: "use", "often", "understand")
says nothing of two careers' closeness."""
FIELD = 4.0
"""What being presented in the same document (one field, one page) adds to two careers' closeness: about
as much as two uncommon shared words."""
