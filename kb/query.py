"""The typed, read-only query API: the only way the actions read the knowledge base.

Every answer carries a ``Source`` (document, section, sentence). Lookups take the
user's own words for careers, courses and topics and resolve them (aliases,
plurals, typos) with ``kb.matching``.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass
from functools import cached_property

from sqlalchemy import inspect, or_, select
from sqlalchemy.exc import DatabaseError

from kb import db
from kb.matching import Term, Vocabulary, normalize
from kb.schema import (
    Alias,
    Award,
    Career,
    CareerAlias,
    CareerDescription,
    Category,
    Course,
    CourseCareer,
    CourseDescription,
    CourseTopic,
    Document,
    Mentoring,
    Openings,
    Outlook,
    Passage,
    Prerequisite,
    ProviderFact,
    Ranking,
    RelatedCareer,
    Salary,
    SalaryComparison,
    Skill,
)
from kb.vocabulary import FUNCTION_WORDS


@dataclass(frozen=True)
class Source:
    document: str
    section: str
    sentence: str


@dataclass(frozen=True)
class Text:
    """A plain statement: a description, a prerequisite, a provider fact, a passage."""

    subject: str
    text: str
    source: Source


@dataclass(frozen=True)
class SalaryFact:
    career: str
    amount: float
    qualifier: str | None
    period: str
    statistic: str | None
    as_of: str | None
    source_org: str | None
    source: Source


@dataclass(frozen=True)
class SalaryComparisonFact:
    career: str
    other: str
    relation: str
    source: Source


@dataclass(frozen=True)
class OutlookFact:
    career: str
    direction: str
    percent: float | None
    horizon: str | None
    average_percent: float | None
    pace: str | None
    source_org: str | None
    source: Source


@dataclass(frozen=True)
class OpeningsFact:
    career: str
    per_year: int
    qualifier: str | None
    horizon: str | None
    source_org: str | None
    source: Source


@dataclass(frozen=True)
class CategoryFact:
    career: str
    name: str
    source_org: str | None
    source: Source


@dataclass(frozen=True)
class RankingFact:
    career: str
    rank: int
    list_name: str
    publisher: str | None
    source: Source


@dataclass(frozen=True)
class SkillFact:
    career: str
    name: str
    kind: str
    description: str | None
    examples: tuple[tuple[str, str], ...]  # (name, category)
    source: Source


@dataclass(frozen=True)
class MentoringFact:
    course: str
    sessions: int
    source: Source


@dataclass(frozen=True)
class AwardFact:
    course: str
    title: str
    awarded_by: str | None
    year: int | None
    source: Source


@dataclass(frozen=True)
class CourseFactText:
    course: str
    provider: str | None
    format: str | None
    text: str
    source: Source


@dataclass(frozen=True)
class Comparison:
    metric: str  # "salary" | "growth"
    first: SalaryFact | OutlookFact | None
    second: SalaryFact | OutlookFact | None

    @property
    def leader(self) -> str | None:
        """The career ahead on this metric, when both figures are known."""
        if not self.first or not self.second:
            return None
        a, b = (_value(self.first), _value(self.second))
        if a is None or b is None or a == b:
            return None
        return self.first.career if a > b else self.second.career


def _value(fact: SalaryFact | OutlookFact) -> float | None:
    if isinstance(fact, SalaryFact):
        return fact.amount
    if fact.percent is None:
        return None
    return fact.percent if fact.direction == "growing" else -fact.percent


def _source(row) -> Source:
    return Source(row.document.name, row.section, row.sentence)


def _career_id(name: str):
    """The id of the career called ``name``, as a subquery for facts that name it on either side."""
    return select(Career.id).where(Career.name == name).scalar_subquery()


WORD = re.compile(r"[a-z0-9][a-z0-9.+#]*")


def _terms(text: str) -> list[str]:
    words = WORD.findall(text.lower())
    return [normalize(w) for w in words if w not in FUNCTION_WORDS]


def _with_plural(name: str) -> list[str]:
    """A name and, when ``normalize`` does not fold it, its plural: it leaves the s of a three-letter word
    alone ("gas", "its"), so a two-letter abbreviation's plural ("RNs") is a name of its own."""
    return [name] if normalize(name + "s") == normalize(name) else [name, name + "s"]


class KnowledgeBase:
    """Read access to a built knowledge base at a SQLAlchemy URL."""

    def __init__(self, url: str) -> None:
        engine = db.engine(url)
        try:
            tables = set(inspect(engine).get_table_names())
        except DatabaseError as exc:
            raise db.unreadable(url, exc) from exc
        if "careers" not in tables:
            raise db.KnowledgeBaseMissing(
                f"Knowledge base at {db.sqlite_path(url) or url} has no tables. {db.REBUILD_HINT}"
            )
        self._session = db.session_factory(engine)

    def _all(self, statement) -> list:
        with self._session() as session:
            return list(session.execute(statement).scalars())

    # -- names -------------------------------------------------------------------------------

    def careers(self) -> list[str]:
        return self._all(select(Career.name).order_by(Career.name))

    def courses(self) -> list[str]:
        return self._all(select(Course.name).order_by(Course.id))

    def main_careers(self) -> list[str]:
        """The careers whole documents are about (e.g. Back End Developer), first document first."""
        rows = self._all(select(Document.main_career).where(Document.main_career.is_not(None)).order_by(Document.id))
        return list(dict.fromkeys(rows))

    def careers_with(self, fact: str) -> list[str]:
        """Careers that have a "salary" or "outlook" figure."""
        model = {"salary": Salary, "outlook": Outlook}[fact]
        return sorted(set(self._all(select(Career.name).join(model, model.career_id == Career.id))))

    def topics(self) -> list[str]:
        return sorted(set(self._all(select(CourseTopic.topic))), key=str.lower)

    @cached_property
    def vocabulary(self) -> Vocabulary:
        """Every name the KB knows, with its aliases: careers, courses, topics, skill kinds, metrics."""
        terms = [Term(n, n, "career") for n in self.careers()]
        terms += [Term(n, n, "course") for n in self.courses()]
        terms += [Term(t, t, "topic") for t in self.topics()]
        known = {t.canonical for t in terms}
        for alias in self._all(select(Alias)):
            if alias.kind in ("skill_kind", "metric") or alias.canonical in known:
                terms.append(Term(alias.alias, alias.canonical, alias.kind))
        for defined in self._all(select(CareerAlias).order_by(CareerAlias.id)):
            terms += [Term(name, defined.career.name, "career") for name in _with_plural(defined.alias)]
        return Vocabulary(terms)

    def resolve(self, mention: str | None, label: str) -> str | None:
        """The canonical career/course/topic/skill_kind/metric a user's words stand for."""
        if not mention or not mention.strip():
            return None
        return self.vocabulary.resolve(mention, label)

    # -- careers -----------------------------------------------------------------------------

    def _career_rows(self, model, career: str, *order) -> list:
        return self._all(select(model).join(model.career).where(Career.name == career).order_by(*order, model.id))

    def descriptions(self, career: str) -> list[Text]:
        return [Text(career, r.text, _source(r)) for r in self._career_rows(CareerDescription, career)]

    def salaries(self, career: str) -> list[SalaryFact]:
        return [
            SalaryFact(career, r.amount, r.qualifier, r.period, r.statistic, r.as_of, r.source_org, _source(r))
            for r in self._career_rows(Salary, career)
        ]

    def salary_comparisons(self, career: str) -> list[SalaryComparisonFact]:
        """Relative pay statements that involve the career on either side."""
        wanted = _career_id(career)
        statement = select(SalaryComparison).where(
            or_(SalaryComparison.career_id == wanted, SalaryComparison.other_career_id == wanted)
        )
        return [
            SalaryComparisonFact(r.career.name, r.other_career.name, r.relation, _source(r))
            for r in self._all(statement.order_by(SalaryComparison.id))
        ]

    def outlook(self, career: str) -> list[OutlookFact]:
        rows = self._career_rows(Outlook, career)
        facts = [
            OutlookFact(career, r.direction, r.percent, r.horizon, r.average_percent, r.pace, r.source_org, _source(r))
            for r in rows
        ]
        return sorted(facts, key=lambda f: f.percent is None)

    def openings(self, career: str) -> list[OpeningsFact]:
        return [
            OpeningsFact(career, r.per_year, r.qualifier, r.horizon, r.source_org, _source(r))
            for r in self._career_rows(Openings, career)
        ]

    def categories(self, career: str) -> list[CategoryFact]:
        return [CategoryFact(career, r.name, r.source_org, _source(r)) for r in self._career_rows(Category, career)]

    def rankings(self, career: str) -> list[RankingFact]:
        return [
            RankingFact(career, r.rank, r.list_name, r.publisher, _source(r))
            for r in self._career_rows(Ranking, career)
        ]

    def skills(self, career: str, kind: str | None = None) -> list[SkillFact]:
        """Skills for a career; ``kind`` is "hard", "soft", or an example category ("language", "database", ...)."""
        facts = [
            SkillFact(
                career, r.name, r.kind, r.description, tuple((e.name, e.category) for e in r.examples), _source(r)
            )
            for r in self._career_rows(Skill, career)
        ]
        if kind in ("hard", "soft"):
            return [f for f in facts if f.kind == kind]
        if kind:
            return [f for f in facts if any(c == kind for _, c in f.examples)]
        return facts

    def related(self, career: str) -> list[Text]:
        """Careers the documents relate to this one (in either direction)."""
        wanted = _career_id(career)
        statement = select(RelatedCareer).where(
            or_(RelatedCareer.career_id == wanted, RelatedCareer.related_id == wanted)
        )
        return [
            Text(career, (r.related if r.career.name == career else r.career).name, _source(r))
            for r in self._all(statement.order_by(RelatedCareer.id))
        ]

    def compare(self, first: str, second: str, metric: str) -> Comparison:
        pick = (
            (lambda c: next(iter(self.salaries(c)), None))
            if metric == "salary"
            else (lambda c: next(iter(self.outlook(c)), None))
        )
        return Comparison(metric, pick(first), pick(second))

    # -- courses -----------------------------------------------------------------------------

    def _course_rows(self, model, course: str) -> list:
        return self._all(select(model).join(model.course).where(Course.name == course).order_by(model.id))

    def course(self, course: str) -> CourseFactText | None:
        rows = self._course_rows(CourseDescription, course)
        return next((CourseFactText(course, r.provider, r.format, r.text, _source(r)) for r in rows), None)

    def course_topics(self, course: str) -> list[Text]:
        return [Text(course, r.topic, _source(r)) for r in self._course_rows(CourseTopic, course)]

    def mentoring(self, course: str) -> list[MentoringFact]:
        return [MentoringFact(course, r.sessions, _source(r)) for r in self._course_rows(Mentoring, course)]

    def prerequisites(self, course: str) -> list[Text]:
        return [Text(course, r.text, _source(r)) for r in self._course_rows(Prerequisite, course)]

    def awards(self, course: str | None = None) -> list[AwardFact]:
        rows = self._course_rows(Award, course) if course else self._all(select(Award).order_by(Award.id))
        return [AwardFact(r.course.name, r.title, r.awarded_by, r.year, _source(r)) for r in rows]

    def courses_for_career(self, career: str) -> list[Text]:
        rows = self._all(select(CourseCareer).order_by(CourseCareer.id))
        wanted = normalize(career)
        return [Text(r.course.name, r.career_name, _source(r)) for r in rows if normalize(r.career_name) == wanted]

    def courses_for_topic(self, topic: str) -> list[Text]:
        """Courses that cover a topic, by extracted topic or, failing that, by any sentence naming it."""
        wanted = normalize(topic)
        rows = self._all(select(CourseTopic).order_by(CourseTopic.id))
        hits = [Text(r.course.name, r.topic, _source(r)) for r in rows if normalize(r.topic) == wanted]
        if not hits:
            pattern = re.compile(rf"\b{re.escape(topic)}\b", re.I)
            hits = [Text(r.course.name, topic, _source(r)) for r in rows if pattern.search(r.sentence)]
        first_per_course: dict[str, Text] = {}
        for hit in hits:
            first_per_course.setdefault(hit.subject, hit)
        return list(first_per_course.values())

    # -- provider and passages -----------------------------------------------------------------

    def provider(self, *attributes: str) -> list[Text]:
        statement = select(ProviderFact).order_by(ProviderFact.id)
        if attributes:
            statement = statement.where(ProviderFact.attribute.in_(attributes))
        return [Text(f"{r.provider}:{r.attribute}", r.value, _source(r)) for r in self._all(statement)]

    @cached_property
    def _passages(self) -> list[tuple[Source, Counter]]:
        rows = self._all(select(Passage).order_by(Passage.document_id, Passage.position))
        return [(_source(r), Counter(_terms(r.sentence))) for r in rows]

    def search(self, question: str, limit: int = 1) -> list[Text]:
        """The passages that best answer a free question (BM25, with a boost for definitions).

        A passage must share at least half of the question's term weight, so a question
        that merely shares one word with the documents ("world cup") finds nothing."""
        query = set(_terms(question))
        if not query or not self._passages:
            return []
        n = len(self._passages)
        avg = sum(sum(c.values()) for _, c in self._passages) / n
        df = Counter(t for _, c in self._passages for t in set(c))
        idf = {t: math.log(1 + (n - df[t] + 0.5) / (df[t] + 0.5)) for t in query}
        subject = re.search(r"\bwhat (?:is|are) (?:an? |the )?(?P<x>[\w .-]+?)\??$", question.lower())
        scored = []
        for source, counts in self._passages:
            shared = query & set(counts)
            if sum(idf[t] for t in shared) < 0.5 * sum(idf.values()):
                continue
            length = sum(counts.values())
            score = sum(idf[t] * counts[t] * 2.2 / (counts[t] + 1.2 * (0.25 + 0.75 * length / avg)) for t in shared)
            if subject and re.match(
                rf"(?:an?|the)?\s*(?:[\w ]+\()?{re.escape(subject.group('x'))}\)?\s+(?:is|refers to)\b",
                source.sentence,
                re.I,
            ):
                score *= 2
            scored.append((score, source))
        scored.sort(key=lambda pair: -pair[0])
        return [Text("passage", s.sentence, s) for _, s in scored[:limit]]
