"""The typed, read-only query API: the only way the actions read the knowledge base.

Every answer carries a ``Source`` (document, section, sentence). Lookups take the
user's own words for careers, courses and topics and resolve them (aliases,
plurals, typos) with ``kb.matching``.
"""

from __future__ import annotations

import math
import re
import time
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from difflib import SequenceMatcher
from functools import cached_property

from sqlalchemy import func, inspect, select
from sqlalchemy.exc import DatabaseError
from sqlalchemy.orm import Session

from kb import aspects, db, figures, patterns
from kb.interests import Interest
from kb.matching import Term, Vocabulary, names_the_field, normalize, terms
from kb.read import INTRODUCTION
from kb.schema import Alias, Build, Document, Fact, Passage, Posting, Subject
from kb.vocabulary import FUNCTION_WORDS, GENERIC_WORDS


@dataclass(frozen=True)
class Source:
    document: str  # the file's name
    section: str
    sentence: str
    title: str = ""  # what a reply calls the document
    year: int | None = None  # the year its figure is for ("in May 2011", "2019-29"), else the document's own
    old: bool = False  # that year is more years ago than the KB's ``stale_years``

    @property
    def named_section(self) -> str | None:
        """The section's heading, when it is one a reader can look for (not the title, not the text before
        the first heading)."""
        return None if self.section in (self.title, INTRODUCTION) else self.section


@dataclass(frozen=True)
class Text:
    """A plain statement: a description, a prerequisite, a provider fact, a passage."""

    subject: str
    text: str
    source: Source


@dataclass(frozen=True)
class FactView:
    """One fact as the query API gives it: what it is about, under which aspect, the value as written, the
    typed figure if it has one, and its source."""

    subject: str
    kind: str
    aspect: str
    value: str
    number: float | None
    high: float | None
    unit: str | None
    period: str | None
    qualifier: str | None
    hedge: str | None
    reporter: str | None
    as_of: str | None
    horizon: str | None
    pace: str | None
    other: str | None
    placed: bool
    source: Source
    baseline: float | None = None  # the average growth a growth figure is set against

    @property
    def is_sentence(self) -> bool:
        """The value is (nearly) its whole source sentence, not a figure or a phrase."""
        return self.number is None and len(self.value) >= WHOLE * len(self.source.sentence)


@dataclass(frozen=True)
class SalaryFact:
    career: str
    amount: float
    qualifier: str | None  # a hedge: "about", "just over"
    period: str | None  # "year", "hour", ...; None when the document does not say
    statistic: str | None  # "median", "starting", "lowest 10 percent"
    as_of: str | None
    source_org: str | None
    source: Source
    high: float | None = None  # the top of a range ("$98,000 to $165,000")
    written: str = ""  # as the document writes it ("$16-22", "17.23")


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
class Suggestion:
    """A career suggested for interests: which of them its documents show, the sentence that shows them
    best, and its pay and outlook where the documents give them."""

    career: str
    interests: tuple[str, ...]
    reason: Text | None
    pay: SalaryFact | None
    outlook: OutlookFact | None


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
    said: str = ""  # as the document words it ("six private mentoring sessions")


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


def _bm25(idf: float, count: int, length: int | None, average: float) -> float:
    """A word's part of a passage's BM25 score (k1 1.2, b 0.75)."""
    return idf * count * 2.2 / (count + 1.2 * (0.25 + 0.75 * (length or 1) / average))


def _source(row: Fact | Passage, recent: int) -> Source:
    """The row's citation; its figure is old when it is for a year before ``recent``."""
    year = (figures.figure_year(row.as_of, row.horizon) if isinstance(row, Fact) else None) or row.document.year
    title = row.document.title or row.document.name
    return Source(row.document.name, row.section, row.sentence, title, year, year is not None and year < recent)


SCHOOL_NAME = re.compile(
    r"\b(?P<before>(?:[\w&'’-]+\s+){0,4})(?:college|university|academy|institute|school|center|centre|bootcamp|board)\b"
    r"(?P<of>\s+of\s+(?:the\s+)?[\w&'’-]+(?:\s+[A-Z][\w&'’-]*)*)?",
    re.I,
)  # "... Driving Academy", "national beauty college", "college of the mainland"
THE_SCHOOL = re.compile(r"\b(?:the|this|your) (college|university|academy|institute|school)\b", re.I)
STANDS_FOR = re.compile(
    r"\bwhat (?:does|do|is) (?:an? |the )?(?P<short>[A-Za-z][\w.&-]{1,10}) (?:stand for|mean)\b", re.I
)
RARE = 100  # a word in at most 1 passage in this many is distinctive
NEAR = 0.7  # spelling this close to a name the KB lacks makes a known name worth suggesting
WHOLE = 0.8  # a fact's value this long, against its sentence, is the sentence rather than a phrase of it
DIRECTION = re.compile(r"\b(?:is|are)\s+(?:declining|shrinking|growing)\b")
CHECK_SECONDS = 1.0  # how often, at most, a KnowledgeBase looks for a newer build (one query for a burst)


def _comparable(view: FactView) -> bool:
    """A figure that can be set against the same figure of other subjects: yearly pay (a median or
    average if stated), growth, a price, a length in weeks or longer units."""
    if view.aspect == "pay":
        return view.period in (None, "year") and view.qualifier in (None, "median", "average", "mean", "typical")
    if view.aspect == "duration":
        return view.unit in figures.WEEKS
    if view.aspect == "price":
        return view.period is None  # a total, not "$165 per credit hour"
    return True


def _in_common_units(view: FactView) -> float:
    return view.number * figures.WEEKS[view.unit] if view.aspect == "duration" else view.number


def _school_named(text: str) -> str | None:
    """A school's (or board's) name a question writes, in any case: the words before "college" back to the
    last small word, or "… of the …" after it; None for "the college" alone."""
    for match in SCHOOL_NAME.finditer(text):
        words = match.group("before").split()
        kept = words[max((i + 1 for i, w in enumerate(words) if w.lower() in FUNCTION_WORDS), default=0) :]
        if kept or match.group("of"):
            return " ".join([*kept, text[match.end("before") : match.end()].strip()])
    return None


PASSING = 0.25  # of the best career's score, below which an interest is only mentioned in passing


@dataclass
class Showing:
    """A career (or course) showing some of the interests asked: which, and its passages' scores for them."""

    name: str
    shown: tuple[str, ...] = ()
    passages: dict[int, float] = field(default_factory=dict)

    @property
    def shown_count(self) -> int:
        return len(self.shown)

    @property
    def score(self) -> float:
        return _best_three(self.passages)


def _added(scores: dict[int, float], more: dict[int, float]) -> dict[int, float]:
    return {passage: scores.get(passage, 0.0) + more.get(passage, 0.0) for passage in scores.keys() | more.keys()}


def _best_three(passages: dict[int, float]) -> float:
    """A career's score for a query: its three best passages' (one long page does not outweigh three)."""
    return sum(sorted(passages.values(), reverse=True)[:3])


def _year(text: str | None) -> int:
    """The latest year a figure's date or period names ("May 2023": 2023, "2023-33": 2033), 0 for none: when
    documents disagree, the newest figure comes first."""
    if not text:
        return 0
    years = [int(y) for y in re.findall(r"\b(?:19|20)\d\d\b", text)]
    years += [int(a[:2] + b) for a, b in re.findall(r"\b((?:19|20)\d\d)[-–](\d\d)\b", text)]
    return max(years, default=0)


def _view(fact: Fact, source: Source) -> FactView:
    return FactView(
        fact.subject.name,
        fact.subject.kind,
        fact.aspect,
        fact.value,
        fact.number,
        fact.high,
        fact.unit,
        fact.period,
        fact.qualifier,
        fact.hedge,
        fact.reporter,
        fact.as_of,
        fact.horizon,
        fact.pace,
        fact.other.name if fact.other else None,
        fact.placed,
        source,
        fact.baseline,
    )


def _briefest(facts: list[Fact]) -> list[Fact]:
    """The facts without repeats: where a sentence gave both short phrases and (nearly) the whole sentence
    under one aspect, the phrases."""
    by_sentence: dict[tuple[int, str, str], list[Fact]] = {}
    for f in facts:
        by_sentence.setdefault((f.subject_id, f.aspect, f.sentence), []).append(f)
    kept = []
    for group in by_sentence.values():
        phrases = [f for f in group if len(f.value) < WHOLE * len(f.sentence)]
        kept += phrases or group
    seen: set[tuple[int, str, str]] = set()
    return [f for f in kept if (key := (f.subject_id, f.aspect, f.value)) not in seen and not seen.add(key)]


def _written(word: str) -> re.Pattern[str]:
    """A word or name as a text may write it: any case, perhaps plural."""
    return re.compile(rf"\b{re.escape(word)}(?:s|es)?\b", re.I)


def _particular(subject: str, question: str) -> set[str]:
    """The question's own words: not the subject's name, nor an aspect's words ("application" in "is there
    an application fee?"), nor words any job or course question uses ("job", "course")."""
    asked = set(terms(question)) - set(terms(subject))
    return {t for t in asked if not aspects.speaks_of_any(t) and t not in GENERIC_WORDS}


def _with_plural(name: str) -> list[str]:
    """A name and, when ``normalize`` does not fold it, its plural: it leaves the s of a three-letter word
    alone ("gas", "its"), so a two-letter abbreviation's plural ("RNs") is a name of its own."""
    return [name] if normalize(name + "s") == normalize(name) else [name, name + "s"]


class KnowledgeBase:
    """Read access to a built knowledge base at a SQLAlchemy URL.

    The KB may be rebuilt while it is read: what is worked out once from its contents (``CACHED``) is worked
    out again after a new build (``_look_for_rebuild``)."""

    CACHED = ("_vocabulary", "_index_size")  # the cached properties that depend on the KB's contents

    def __init__(self, url: str, stale_years: int = 5, check_seconds: float = CHECK_SECONDS) -> None:
        self._recent = date.today().year - stale_years  # figures for earlier years are old
        engine = db.engine(url)
        try:
            tables = set(inspect(engine).get_table_names())
        except DatabaseError as exc:
            raise db.unreadable(url, exc) from exc
        if "facts" not in tables:
            raise db.KnowledgeBaseMissing(
                f"Knowledge base at {db.sqlite_path(url) or url} has no tables. {db.REBUILD_HINT}"
            )
        self._sessions = db.session_factory(engine)
        self._check_seconds = check_seconds
        try:
            self._build, self._rebuilt = self._newest_build(), False
        except DatabaseError as exc:  # built by a version that did not record builds
            raise db.unreadable(url, exc) from exc
        self._checked = time.monotonic()
        self._memo: dict[tuple, object] = {}  # answers to questions asked of the whole KB, until it is rebuilt

    def _remembered(self, key: tuple, work):
        """``work()``, worked out once per build of the KB (guidance asks the same of every career)."""
        self._look_for_rebuild()
        if key not in self._memo:
            self._memo[key] = work()
        return self._memo[key]

    def _session(self) -> Session:
        self._look_for_rebuild()
        return self._sessions()

    def _newest_build(self) -> int | None:
        with self._sessions() as session:
            return session.execute(select(func.max(Build.id))).scalar()

    def _look_for_rebuild(self) -> None:
        """At most once every ``check_seconds`` (a burst of questions costs one query; each process looks for
        itself): drops the ``CACHED`` values when the newest build is not the one last seen, and once more at
        the next look, since a value being worked out while the build committed may mix the old KB and the
        new."""
        now = time.monotonic()
        if now - self._checked < self._check_seconds:
            return
        self._checked = now
        newest = self._newest_build()
        if newest != self._build or self._rebuilt:
            for name in self.CACHED:
                self.__dict__.pop(name, None)
            self._memo.clear()
        self._build, self._rebuilt = newest, newest != self._build

    def _cite(self, row: Fact | Passage) -> Source:
        return _source(row, self._recent)

    def _all(self, statement) -> list:
        with self._session() as session:
            return list(session.execute(statement).scalars())

    def _facts(self, kind: str, name: str | None, *aspect_names: str, either_side: bool = False) -> list[Fact]:
        """Facts about a subject (or, ``either_side``, relating to it), under the given aspects (or any), in
        document order."""
        statement = select(Fact).join(Fact.subject)
        if aspect_names:
            statement = statement.where(Fact.aspect.in_(aspect_names))
        if name is not None:
            wanted = select(Subject.id).where(Subject.kind == kind, Subject.name == name).scalar_subquery()
            about = Fact.subject_id == wanted
            statement = statement.where(about | (Fact.other_id == wanted) if either_side else about)
        else:
            statement = statement.where(Subject.kind == kind)
        return self._all(statement.order_by(Fact.document_id, Fact.position, Fact.id))

    # -- names -------------------------------------------------------------------------------

    def _subjects(self, kind: str, *order) -> list[str]:
        """Subjects of a kind that some fact is about (not only named by one)."""
        about = select(Fact.subject_id).where(Fact.aspect != aspects.NAME)
        statement = select(Subject.name).where(Subject.kind == kind, Subject.id.in_(about))
        return self._all(statement.order_by(*order))

    def careers(self) -> list[str]:
        """Careers, not occupational groups."""
        return [n for n in self._subjects("career", Subject.name) if not patterns.is_group_name(n)]

    def groups(self) -> list[str]:
        """Occupational groups ("Healthcare Support Occupations"): asked about as careers are, listed apart."""
        return [n for n in self._subjects("career", Subject.name) if patterns.is_group_name(n)]

    def courses(self) -> list[str]:
        """Courses, a document's own program (its title) before the classes named in it."""
        return self._subjects("course", Subject.name.not_in(select(Document.title)), Subject.id)

    def main_careers(self) -> list[str]:
        """The careers whole documents are about (e.g. Back End Developer), first document first."""
        rows = self._all(select(Document.main_career).where(Document.main_career.is_not(None)).order_by(Document.id))
        return list(dict.fromkeys(rows))

    def careers_with(self, fact: str) -> list[str]:
        """Careers that have a "salary" or "outlook" figure."""
        return self.having("career", {"salary": "pay", "outlook": "outlook"}[fact], figures_only=True)

    def having(self, kind: str, aspect: str, figures_only: bool = False) -> list[str]:
        """The careers or courses the documents say something about under an aspect (give a figure for)."""
        statement = (
            select(Subject.name)
            .join(Fact, Fact.subject_id == Subject.id)
            .where(Fact.aspect == aspect, Subject.kind == kind)
        )
        if figures_only:
            statement = statement.where(Fact.number.is_not(None))
        return sorted(set(self._all(statement)))

    def topics(self) -> list[str]:
        return sorted(
            {f.value for f in self._facts("course", None, "topics") if len(f.value.split()) <= 4}, key=str.lower
        )

    @property
    def vocabulary(self) -> Vocabulary:
        """Every name the KB knows, with its aliases: careers, courses, topics, skill kinds, metrics."""
        self._look_for_rebuild()
        return self._vocabulary

    @cached_property
    def _vocabulary(self) -> Vocabulary:
        named = [Term(n, n, "career") for n in self.careers() + self.groups()]
        named += [Term(n, n, "course") for n in self.courses()]
        named += [Term(t, t, "topic") for t in self.topics()]
        known = {t.canonical for t in named}
        for alias in self._all(select(Alias)):
            if alias.kind in ("skill_kind", "metric") or alias.canonical in known:
                named.append(Term(alias.alias, alias.canonical, alias.kind))
        defined = [(f.value, f.subject.name) for f in self._facts("career", None, aspects.NAME)]
        meanings: dict[str, set[str]] = {}
        for name, career in defined:
            meanings.setdefault(normalize(name), set()).add(career)
        for name, career in defined:  # a short name two documents give two careers names neither
            if len(meanings[normalize(name)]) == 1:
                named += [Term(n, career, "career") for n in _with_plural(name)]
        return Vocabulary(named)

    def nearest(self, mention: str, label: str, limit: int = 4) -> list[str]:
        """The known names of a kind closest to a name the KB lacks, for a "did you mean …?": those sharing
        a word with it first, then by spelling; none that are merely long lists of everything."""
        wanted = set(normalize(mention).split())
        known = {"career": self.careers, "course": self.courses, "topic": self.topics}[label]()

        def closeness(name: str) -> tuple[int, float]:
            shared = len(wanted & set(normalize(name).split()))
            return shared, SequenceMatcher(None, normalize(mention), normalize(name), autojunk=False).ratio()

        ranked = sorted(known, key=closeness, reverse=True)
        return [n for n in ranked if closeness(n)[0] or closeness(n)[1] >= NEAR][:limit]

    def resolve(self, mention: str | None, label: str) -> str | None:
        """The canonical career/course/topic/skill_kind/metric a user's words stand for."""
        if not mention or not mention.strip():
            return None
        return self.vocabulary.resolve(mention, label)

    # -- any aspect ---------------------------------------------------------------------------

    def facts(self, subject: str, kind: str, aspect: str, question: str = "") -> list[FactView]:
        """What the documents say about a subject under one aspect: figures first, then phrases, then
        sentences, each once; when a section, label or column is on the aspect, what it says rather than
        sentences elsewhere that only use the aspect's words; those sharing the ``question``'s own words
        (not the aspect's: "application" in "is there an application fee?") first, figures before words."""
        return self._in_order(self._facts(kind, subject, aspect), subject, question)

    def facts_by_subject(self, kind: str, aspect: str) -> dict[str, list[FactView]]:
        """``facts`` for every subject of a kind at once (one query), as a question naming nothing asks."""

        def work() -> dict[str, list[FactView]]:
            rows: dict[str, list[Fact]] = defaultdict(list)
            for fact in self._facts(kind, None, aspect):
                rows[fact.subject.name].append(fact)
            return {subject: self._in_order(facts, subject, "") for subject, facts in rows.items()}

        return self._remembered(("facts_by_subject", kind, aspect), work)

    def _in_order(self, facts: list[Fact], subject: str, question: str) -> list[FactView]:
        views = [_view(f, self._cite(f)) for f in _briefest(facts)]
        if not question:  # nothing to rank by but the kind of value: figures, phrases, sentences
            if any(v.placed for v in views):
                views = [v for v in views if v.placed or v.number is not None]
            return sorted(views, key=lambda v: (v.number is None, v.is_sentence))
        asked = set(terms(question)) - set(terms(subject))
        particular = _particular(subject, question)
        if any(v.placed for v in views):  # a section or label on it: sentences that merely use its words go
            views = [v for v in views if v.placed or v.number is not None or particular & set(terms(v.value))]

        timed = bool(aspects.HOW_LONG.search(question))  # "how long does a BSN take?": what says how long first

        def rank(v: FactView) -> tuple:
            said = set(terms(f"{v.value} {v.qualifier or ''}"))
            lasting = timed and bool(figures.find("duration", v.value))
            return (-len(particular & said), not lasting, v.number is None, -len(asked & said), v.is_sentence)

        return sorted(views, key=rank)

    def telling(self, subject: str, kind: str, aspect: str, question: str) -> list[FactView]:
        """The sentences under an aspect that share the question's own words, which its figures alone would
        not answer ("can chefs earn tips?")."""
        own = _particular(subject, question)
        return [v for v in self.facts(subject, kind, aspect, question) if v.is_sentence and own & set(terms(v.value))]

    def said_better(self, subject: str, kind: str, question: str, facts: list[FactView]) -> Text | None:
        """A sentence of the subject's own sections that shares more of the question's own words than any
        of its facts under the aspect ("can I study at night?": the sentence on its evening classes, not
        only a list of class times)."""
        own = _particular(subject, question)
        best = self.search(question, 1, subject, kind) if own else []
        if not best or any(best[0].text == f.value for f in facts):
            return None
        shared = [len(own & set(terms(f.value))) for f in facts]
        return best[0] if len(own & set(terms(best[0].text))) > max(shared, default=0) else None

    def aspects_of(self, subject: str, kind: str) -> list[str]:
        """The aspects the documents say something about for a subject, in the registry's order."""
        wanted = select(Subject.id).where(Subject.kind == kind, Subject.name == subject).scalar_subquery()
        found = set(self._all(select(Fact.aspect).where(Fact.subject_id == wanted).distinct()))
        return [a.name for a in aspects.ASPECTS if a.name in found]

    def careers_by_document(self) -> dict[str, list[str]]:
        """The careers each document is about (not its groups), by document title, documents in the order
        they were read."""
        statement = (
            select(Document.title, Subject.name)
            .join(Fact, Fact.document_id == Document.id)
            .join(Subject, Fact.subject_id == Subject.id)
            .where(Subject.kind == "career", Fact.aspect != aspects.NAME)
            .distinct()
            .order_by(Document.id, Subject.name)
        )
        with self._session() as session:
            found: dict[str, list[str]] = {}
            for title, name in session.execute(statement):
                if not patterns.is_group_name(name):
                    found.setdefault(title, []).append(name)
        return found

    def topic_asked(self, question: str) -> tuple[str, list[Text]] | None:
        """A rare word of a question that names no course ("do they teach AutoCAD?") and the courses
        teaching it: two or more, whose topics or names have it (one course whose name has it is the course
        asked about, ``course_named_in``)."""
        rows = self._facts("course", None)  # a course's name first: where a document first names it
        for word in sorted(self._distinctive(question)):
            written = _written(word)
            hits = [Text(r.subject.name, r.subject.name, self._cite(r)) for r in rows if written.search(r.subject.name)]
            hits += [
                Text(r.subject.name, r.value, self._cite(r))
                for r in rows
                if r.aspect == "topics" and written.search(r.value)
            ]
            teaching: dict[str, Text] = {}
            for hit in hits:
                teaching.setdefault(hit.subject, hit)
            if len(teaching) > 1:
                said = next(m.group() for h in hits if (m := written.search(h.text)))
                return said, list(teaching.values())
        return None

    def course_named_in(self, question: str) -> str | None:
        """The one course whose name has a rare word of a question that names no course by its name ("the
        price of the masonry pre-apprenticeship")."""
        rare = [_written(w) for w in self._distinctive(question)]
        found = {c for c in self.courses() if any(r.search(c) for r in rare)}
        return found.pop() if len(found) == 1 else None

    def said_of_unknown(self, label: str, mention: str, words: str) -> tuple[list[str], list[Text]]:
        """What the documents say to a question (its ``words`` without the name) about a name they have no
        career or course for: for a job's head noun that heads careers of one document ("teachers"), the
        careers and that document's passages sharing a rare word of the question ("holidays off"); for a name
        they write about ("a notary"), the passages that write it and share another word of the question."""
        careers, document = self.family(mention) if label == "career" else ([], None)
        if careers:
            return careers, self.search(words, 2, document=document, distinctive=True) if document and words else []
        return [], self.search(f"{words} {mention}", 2, naming=mention) if words else []

    def family(self, mention: str) -> tuple[list[str], str | None]:
        """The careers a job's head noun is the head of ("teachers"), and the title of the one document that
        presents them all, if one does: a question about the family is one about what that document says."""
        careers = self.vocabulary.headed_by(mention)
        if len(careers) < 2:
            return careers, None
        owner = [title for title, names in self.careers_by_document().items() if set(careers) <= set(names)]
        return careers, owner[0] if len(owner) == 1 else None

    def subject_asked(self, kind: str, aspect: str, question: str) -> str | None:
        """The one career or course whose facts under an aspect share a word of the question's own (not an
        aspect's) with a question that names none ("is there an application fee?"): None when none or
        several do."""
        own = {t for t in terms(question) if not t.isdigit() and not aspects.speaks_of_any(t)}
        owners = {f.subject.name for f in self._facts(kind, None, aspect) if own & set(terms(f.value))}
        return owners.pop() if len(owners) == 1 else None

    def _distinctive(self, question: str) -> set[str]:
        """The question's words that few passages use (at most 1 in ``RARE``), the words that can point at one
        place in the documents; not figures, nor the words of an aspect ("cost", "top 10")."""
        limit = max(2, self._index_size[0] / RARE)
        words = {t for t in terms(question) if not t.isdigit() and not aspects.speaks_of_any(t)}
        return {t for t, used in self._frequencies(words).items() if 0 < used <= limit} if words else set()

    def provider_meant(self, text: str) -> tuple[str, str] | None:
        """The provider "the college" (or academy, institute, ...) means, when one provider's name ends with
        that word, and the words that mean it."""
        for match in THE_SCHOOL.finditer(text):
            owners = [p for p in self.providers() if normalize(p).split()[-1:] == [normalize(match.group(1))]]
            if len(owners) == 1:
                return owners[0], match.group(0)
        return None

    def provider_named(self, text: str) -> tuple[str | None, str | None]:
        """(the known provider a question names, the name of one it names that the KB lacks): a known one
        by two words of its name, or as "the college" when it is the one college; an unknown one by a name
        ending like a school's ("… Driving Academy")."""
        said = set(normalize(text).split())
        for name in self.providers():
            if len(said & set(normalize(name).split())) >= min(2, len(name.split())):
                return name, None
        if meant := self.provider_meant(text):
            return meant[0], None
        return None, _school_named(text)

    def definition(self, question: str) -> Text | None:
        """The sentence that spells out an abbreviation a question asks about ("what does CDL stand for?"):
        the one where the abbreviation follows its words in brackets ("commercial driver's license (CDL)")."""
        asked = STANDS_FOR.search(question)
        if not asked:
            return None
        short = asked.group("short")
        written = re.compile(rf"\(\s*{re.escape(short)}s?\s*\)", re.I)
        using = select(Posting.passage_id).where(Posting.term.in_(terms(f"{short} {short}s")))
        rows = self._all(select(Passage).where(Passage.id.in_(using)).order_by(Passage.document_id, Passage.position))
        return next((Text("passage", r.sentence, self._cite(r)) for r in rows if written.search(r.sentence)), None)

    def providers(self) -> list[str]:
        return self._subjects("provider", Subject.name)

    def ranked(self, aspect: str, kind: str, highest: bool = True, beside: str | None = None) -> list[FactView]:
        """One figure per subject under a figure aspect, best first: the yearly median or average pay, the
        growth percent, a course's price or its length in weeks; ``beside`` a subject, only among those of
        the documents that present it ("which of these pays the most?")."""
        best: dict[str, FactView] = {}
        beside_documents = select(Fact.document_id).join(Fact.subject).where(Subject.name == beside)
        documents = set(self._all(beside_documents)) if beside is not None else set()
        for fact in self._facts(kind, None, aspect):
            if beside is not None and fact.document_id not in documents:
                continue
            view = _view(fact, self._cite(fact))
            if view.number is not None and _comparable(view) and view.subject not in best:
                best[view.subject] = view
        return sorted(best.values(), key=lambda v: _in_common_units(v), reverse=highest)

    # -- careers -----------------------------------------------------------------------------

    def descriptions(self, career: str) -> list[Text]:
        """What the documents say a career is, those opening with its name ("Registered nurses provide ...")
        first."""
        found = [Text(career, f.value, self._cite(f)) for f in self._facts("career", career, "overview")]
        opening = re.compile(rf"^(?:(?:an?|the) )?{re.escape(normalize(career))}\b")
        return sorted(found, key=lambda t: not opening.match(normalize(t.text)))

    def salaries(self, career: str, question: str = "") -> list[SalaryFact]:
        """Pay figures, those whose statistic and period share most words with the ``question`` ("the
        lowest paid", "per hour") first, then in document order."""
        facts = [
            SalaryFact(
                career, f.number, f.hedge, f.period, f.qualifier, f.as_of, f.reporter, self._cite(f), f.high, f.value
            )
            for f in self._facts("career", career, "pay")
            if f.number is not None
        ]
        asked = {w.rstrip("s") for w in terms(question)}
        said = [
            {w.rstrip("s") for w in terms(f"{f.statistic or ''} {f.period or ''} {f.source.sentence}")} for f in facts
        ]
        order = sorted(range(len(facts)), key=lambda i: (-len(asked & said[i]), -_year(facts[i].as_of)))
        return [facts[i] for i in order]

    def salary_comparisons(self, career: str) -> list[SalaryComparisonFact]:
        """Relative pay statements that involve the career on either side."""
        return [
            SalaryComparisonFact(f.subject.name, f.other.name, f.qualifier, self._cite(f))
            for f in self._facts("career", career, "pay", either_side=True)
            if f.other is not None
        ]

    def outlook(self, career: str) -> list[OutlookFact]:
        """Growth figures first, then statements of direction alone ("the field is declining")."""
        facts = []
        for f in self._facts("career", career, "outlook"):
            if f.number is not None:
                direction = "declining" if f.number < 0 else "growing"
                source = self._cite(f)
                facts.append(
                    OutlookFact(career, direction, abs(f.number), f.horizon, f.baseline, f.pace, f.reporter, source)
                )
            elif DIRECTION.search(f.value):
                direction = "declining" if figures.declining(f.value) else "growing"
                facts.append(OutlookFact(career, direction, None, None, None, None, f.reporter, self._cite(f)))
        return sorted(facts, key=lambda f: (f.percent is None, -_year(f.horizon)))  # newest projection first

    def openings(self, career: str) -> list[OpeningsFact]:
        return [
            OpeningsFact(career, int(f.number), f.hedge, f.horizon, f.reporter, self._cite(f))
            for f in self._facts("career", career, "openings")
            if f.number is not None
        ]

    def categories(self, career: str) -> list[CategoryFact]:
        return [
            CategoryFact(career, f.value, f.reporter, self._cite(f)) for f in self._facts("career", career, "category")
        ]

    def rankings(self, career: str) -> list[RankingFact]:
        return [
            RankingFact(career, int(f.number), f.value, f.reporter, self._cite(f))
            for f in self._facts("career", career, "ranking")
        ]

    def skills(self, career: str, kind: str | None = None) -> list[SkillFact]:
        """Skills for a career; ``kind`` is "hard", "soft", or an example category ("language", "database", ...)."""
        examples: dict[str, list[tuple[str, str]]] = {}
        for f in self._facts("career", career, "tools"):
            if f.detail and f.qualifier:
                examples.setdefault(f.detail, []).append((f.value, f.qualifier))
        facts = [
            SkillFact(career, f.value, f.qualifier, f.detail, tuple(examples.get(f.value, ())), self._cite(f))
            for f in self._facts("career", career, "skills")
            if f.qualifier in ("hard", "soft")
        ]
        if kind in ("hard", "soft"):
            return [f for f in facts if f.kind == kind]
        if kind:
            return [f for f in facts if any(c == kind for _, c in f.examples)]
        return facts

    def related(self, career: str) -> list[Text]:
        """Careers the documents relate to this one (in either direction)."""
        return [
            Text(career, (f.other if f.subject.name == career else f.subject).name, self._cite(f))
            for f in self._facts("career", career, "related_careers", either_side=True)
            if f.other is not None
        ]

    def compare(self, first: str, second: str, metric: str) -> Comparison:
        pick = (
            (lambda c: next(iter(self.salaries(c)), None))
            if metric == "salary"
            else (lambda c: next(iter(self.outlook(c)), None))
        )
        return Comparison(metric, pick(first), pick(second))

    # -- courses -----------------------------------------------------------------------------

    def course(self, course: str) -> CourseFactText | None:
        formats = self._facts("course", course, "format")
        return next(
            (
                CourseFactText(course, f.detail, formats[0].value if formats else None, f.value, self._cite(f))
                for f in self._facts("course", course, "course_overview")
            ),
            None,
        )

    def course_topics(self, course: str) -> list[Text]:
        return [Text(course, f.value, self._cite(f)) for f in _briefest(self._facts("course", course, "topics"))]

    def mentoring(self, course: str) -> list[MentoringFact]:
        return [
            MentoringFact(course, int(f.number), self._cite(f), f.value)
            for f in _briefest(self._facts("course", course, "mentoring"))
            if f.number is not None
        ]

    def prerequisites(self, course: str) -> list[Text]:
        return [Text(course, f.value, self._cite(f)) for f in _briefest(self._facts("course", course, "prerequisites"))]

    def awards(self, course: str | None = None) -> list[AwardFact]:
        return [
            AwardFact(
                f.subject.name, f.value, f.reporter, int(f.as_of) if (f.as_of or "").isdigit() else None, self._cite(f)
            )
            for f in _briefest(self._facts("course", course, "awards"))
            if f.reporter
        ]

    def courses_for_career(self, career: str) -> list[Text]:
        """The courses whose documents say they prepare for a career: by its name, or in a sentence that
        writes it ("prepares you to work as a pharmacy technician in retail ..."); else those that say they
        prepare for its field and name no other career ("entry-level welding jobs" for a welder)."""
        wanted = normalize(career)
        written = re.compile(rf"\b{re.escape(wanted)}\b")
        facts = self._facts("course", None, "prepares_for")
        found: dict[str, Text] = {}
        for f in facts:
            if normalize(f.value) == wanted or written.search(normalize(f.value)):
                found.setdefault(f.subject.name, Text(f.subject.name, f.value, self._cite(f)))
        if not found:
            for f in facts:
                if names_the_field(f.value, career) and not self._names_another_career(f.value, career):
                    found.setdefault(f.subject.name, Text(f.subject.name, f.value, self._cite(f)))
        return list(found.values())

    def _names_another_career(self, text: str, career: str) -> bool:
        """Whether a text names a career other than this one ("a pharmacy technician", not a pharmacist)."""
        return any(m.label == "career" and m.canonical != career for m in self.vocabulary.find(text))

    def courses_for_topic(self, topic: str) -> list[Text]:
        """Courses that cover a topic, by extracted topic or, failing that, by their name or any sentence
        naming it ("AutoCAD": Drafting with AutoCAD, a course listing AutoCAD Basics)."""
        wanted = normalize(topic)
        rows = self._facts("course", None, "topics")
        hits = [Text(r.subject.name, r.value, self._cite(r)) for r in rows if normalize(r.value) == wanted]
        if not hits:
            pattern = _written(topic)
            named = self._facts("course", None, "course_overview", "topics", "duration", "price")
            hits = [Text(r.subject.name, topic, self._cite(r)) for r in named if pattern.search(r.subject.name)]
            hits += [Text(r.subject.name, topic, self._cite(r)) for r in rows if pattern.search(r.sentence)]
        first_per_course: dict[str, Text] = {}
        for hit in hits:
            first_per_course.setdefault(hit.subject, hit)
        return list(first_per_course.values())

    # -- provider and passages -----------------------------------------------------------------

    def provider(self, *attributes: str, name: str | None = None) -> list[Text]:
        """What the providers (or the one ``name``d) say on some aspects; ``Text.subject`` is "provider:aspect"."""
        facts = _briefest(self._facts("provider", name, *attributes))
        return [Text(f"{f.subject.name}:{f.aspect}", f.value, self._cite(f)) for f in facts]

    @cached_property
    def _index_size(self) -> tuple[int, float]:
        """The number of passages and their mean length in words, for BM25."""
        with self._session() as session:
            n, mean = session.execute(select(func.count(Passage.id), func.avg(Passage.length))).one()
        return n, float(mean or 1.0)

    def suggest(
        self,
        wanted: list[Interest],
        limit: int = 5,
        among: set[str] | None = None,
        said: str = "",
        kind: str = "career",
    ) -> list[Suggestion]:
        """The careers (or courses; of those ``among``, if given) whose own sentences best show the ``wanted``
        interests (BM25 of the interests' words over each one's sentences, its three best summed), those
        showing more of the interests first, then those whose sentences share more of the visitor's own words
        (``said``: "make apps and websites *easy to use*"). One none of whose sentences shows an interest asked
        is never suggested for it, nor one whose sentences show it less than ``PASSING`` as much as the best's
        (a passing "may travel to meet clients" is not a career in travel)."""
        key = ("interests", kind, *sorted(i.name for i in wanted))
        ranked = [
            r
            for r in self._remembered(key, lambda: self._by_interests(wanted, kind))
            if among is None or r.name in among
        ]
        most = ranked[0].shown_count if ranked else 0
        ranked = [r for r in ranked if r.shown_count == most]
        best = max((r.score for r in ranked), default=0.0)
        ranked = [r for r in ranked if r.score >= best * PASSING]
        extra = self._scores(
            set(terms(said)) - GENERIC_WORDS - set(terms(" ".join(w for i in wanted for w in i.shown))), kind
        )
        scored = {r.name: _added(r.passages, extra.get(r.name, {})) for r in ranked}
        chosen = sorted(ranked, key=lambda r: (-_best_three(scored[r.name]), r.name))[:limit]
        best_passage = {r.name: max(scored[r.name], key=scored[r.name].get) for r in chosen}
        reasons = {row.id: row for row in self._all(select(Passage).where(Passage.id.in_(best_passage.values())))}
        return [
            self.suggestion(r.name, r.shown, Text(r.name, reasons[best_passage[r.name]].sentence,
                                                  self._cite(reasons[best_passage[r.name]])), kind)
            for r in chosen
        ]  # fmt: skip

    def _scores(self, query: set[str], kind: str) -> dict[str, dict[int, float]]:
        """Each subject's passages' BM25 scores for the words of ``query``: subject -> passage -> score."""
        found: dict[str, dict[int, float]] = defaultdict(lambda: defaultdict(float))
        if not query:
            return found
        idf, avg = self.weights(query)
        statement = (
            select(Subject.name, Posting.passage_id, Posting.term, Posting.count, Passage.length)
            .join(Passage, Passage.id == Posting.passage_id)
            .join(Subject, Subject.id == Passage.subject_id)
            .where(Posting.term.in_(sorted(query)), Subject.kind == kind)
        )
        with self._session() as session:
            for name, passage_id, term, count, length in session.execute(statement):
                if not patterns.is_group_name(name):
                    found[name][passage_id] += _bm25(idf[term], count, length, avg)
        return found

    def _by_interests(self, wanted: list[Interest], kind: str) -> list[Showing]:
        """Every career (or course) showing some of the interests, those showing more first. One shows an
        interest when its words for it score at least ``PASSING`` of the best one's for that interest."""
        words = {interest.name: set(terms(" ".join(interest.shown))) for interest in wanted}
        found = {name: self._scores(its, kind) for name, its in words.items()}
        top = {name: max(map(_best_three, scored.values()), default=0.0) for name, scored in found.items()}
        showing: dict[str, Showing] = {}
        for interest, scored in found.items():
            for name, passages in scored.items():
                if _best_three(passages) >= top[interest] * PASSING > 0:
                    one = showing.setdefault(name, Showing(name))
                    one.shown += (interest,)
                    for passage, score in passages.items():
                        one.passages[passage] = one.passages.get(passage, 0.0) + score
        return sorted(showing.values(), key=lambda r: (-r.shown_count, -r.score, r.name))

    def suggestion(
        self, subject: str, interests: tuple[str, ...], reason: Text | None, kind: str = "career"
    ) -> Suggestion:
        """A career (or course) suggested, with its pay and growth figures where the documents give them."""
        if kind != "career":
            return Suggestion(subject, interests, reason, None, None)

        def figures_of() -> tuple[SalaryFact | None, OutlookFact | None]:
            pay, outlook = self.salaries(subject)[:1], [o for o in self.outlook(subject) if o.percent is not None]
            return next(iter(pay), None), next(iter(outlook), None)

        return Suggestion(subject, interests, reason, *self._remembered(("figures", subject), figures_of))

    def topics_by_course(self) -> dict[str, list[Text]]:
        """Every course's topics, in one query; worked out once per build."""

        def work() -> dict[str, list[Text]]:
            found: dict[str, list[Text]] = {course: [] for course in self.courses()}
            for fact in _briefest(self._facts("course", None, "topics")):
                found.setdefault(fact.subject.name, []).append(Text(fact.subject.name, fact.value, self._cite(fact)))
            return found

        return self._remembered(("topics_by_course",), work)

    def fellow_careers(self, career: str) -> list[str]:
        """The careers the documents presenting a career also present (a field, a page of them)."""
        return [c for names in self.careers_by_document().values() if career in names for c in names if c != career]

    def words_of_careers(self, aspect_names: tuple[str, ...]) -> dict[str, dict[str, Text]]:
        """Each career's words under some aspects (its skills, tools, duties), each with the first fact that
        uses it; groups left out. Worked out once per build."""

        def work() -> dict[str, dict[str, Text]]:
            found: dict[str, dict[str, Text]] = defaultdict(dict)
            for fact in self._facts("career", None, *aspect_names):
                name = fact.subject.name
                if patterns.is_group_name(name):
                    continue
                for word in terms(fact.value):
                    if not word.isdigit() and word not in GENERIC_WORDS:
                        found[name].setdefault(word, Text(name, fact.value, self._cite(fact)))
            return dict(found)

        return self._remembered(("words_of_careers", *aspect_names), work)

    def weights(self, words: set[str]) -> tuple[dict[str, float], float]:
        """Each word's weight in BM25 (its inverse frequency among the passages), and the passages' mean length."""
        n, avg = self._index_size
        df = self._frequencies(words)
        return {t: math.log(1 + (n - df[t] + 0.5) / (df[t] + 0.5)) for t in words}, avg

    def _frequencies(self, words: set[str]) -> dict[str, int]:
        """How many passages use each word, from the search index."""
        statement = (
            select(Posting.term, func.count(Posting.id)).where(Posting.term.in_(sorted(words))).group_by(Posting.term)
        )
        with self._session() as session:
            return {word: 0 for word in words} | dict(session.execute(statement).all())

    def covering(self, question: str, among: int = 3) -> list[Text]:
        """The passage a question naming nothing points to by its rare words: of the best few by BM25, the one
        sharing the most of the question's weight (BM25 alone favours a short passage with one or two of its
        words: "Accountant (after transfer ...)" over the sentence on the transfer agreement to a university)."""
        found = self.search(question, among, distinctive=True)
        idf, _ = self.weights(set(terms(question)))
        return sorted(found, key=lambda t: -sum(idf.get(w, 0) for w in set(terms(t.text))))[:1]

    def _scope(self, subject: str, kind: str):
        """The passages a subject's question is searched in: those of its own sections, and, in the documents
        that say something of it, those of sections about no one subject (a page about one occupation that
        never heads a section with its name)."""
        wanted = select(Subject.id).where(Subject.kind == kind, Subject.name == subject).scalar_subquery()
        its_documents = select(Fact.document_id).where(Fact.subject_id == wanted)
        return (Passage.subject_id == wanted) | (Passage.subject_id.is_(None) & Passage.document_id.in_(its_documents))

    def search(
        self,
        question: str,
        limit: int = 1,
        subject: str | None = None,
        kind: str = "career",
        distinctive: bool = False,
        document: str | None = None,
        naming: str | None = None,
    ) -> list[Text]:
        """The passages that best answer a free question (BM25 over the search index, with a boost for
        definitions, and for lengths of time when it asks how long).

        A passage must share at least half of the question's term weight, so a question
        that merely shares one word with the documents ("world cup") finds nothing. With a
        ``subject``, only the passages it is searched in (``_scope``) count, the words of its name are left
        out of the question, and one shared word is enough; with a ``document`` (a title), only its own; with
        a name it is ``naming``, only those that write the name, and another word of the question is enough."""
        query = set(terms(question)) - set(terms(naming or "")) - set(terms(subject or ""))
        if not query:
            return []
        idf, avg = self.weights(query)
        statement = (
            select(Posting.passage_id, Posting.term, Posting.count, Passage.length)
            .join(Passage, Passage.id == Posting.passage_id)
            .where(Posting.term.in_(sorted(query)))
        )
        if document is not None:
            statement = statement.join(Document, Document.id == Passage.document_id).where(Document.title == document)
        if subject is not None:
            statement = statement.where(self._scope(subject, kind))
        found: dict[int, dict[str, int]] = defaultdict(dict)
        lengths: dict[int, int] = {}
        with self._session() as session:
            for passage_id, term, count, length in session.execute(statement):
                found[passage_id][term] = count
                lengths[passage_id] = length
        if distinctive:  # only passages sharing one of the question's rare words
            rare = self._distinctive(question)
            found = defaultdict(dict, {i: c for i, c in found.items() if rare & set(c)})
        # with a subject, its own passages need one word in common; with a rare word shared, a third of the
        # question's weight; else half of it
        needed = 0.0 if subject is not None or naming else (1 / 3 if distinctive else 0.5) * sum(idf.values())
        kept = {i: c for i, c in found.items() if sum(idf[t] for t in c) >= needed and c}
        rows = self._all(select(Passage).where(Passage.id.in_(sorted(kept)))) if kept else []
        if naming is not None:
            written = _written(naming)
            rows = [r for r in rows if written.search(r.sentence)]
        defined = re.search(r"\bwhat (?:is|are) (?:an? |the )?(?P<x>[\w .-]+?)\??$", question.lower())
        timed = aspects.HOW_LONG.search(question)
        scored = []
        for row in sorted(rows, key=lambda r: (r.document_id, r.position)):
            counts, source = kept[row.id], self._cite(row)
            score = sum(_bm25(idf[t], c, lengths[row.id], avg) for t, c in counts.items())
            if defined and re.match(
                rf"(?:an?|the)?\s*(?:[\w ]+\()?{re.escape(defined.group('x'))}\)?\s+(?:is|refers to)\b",
                source.sentence,
                re.I,
            ):
                score *= 2
            if timed and figures.find("duration", source.sentence):
                score *= 2
            scored.append((score, source))
        scored.sort(key=lambda pair: -pair[0])
        return [Text("passage", s.sentence, s) for _, s in scored[:limit]]
