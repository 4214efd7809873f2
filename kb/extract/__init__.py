"""Extractors: each reads a parsed document and yields ``Finding``s, plain records of one fact each.

Extraction is a pure function of a document's text (and the career names known when it is built), so
the builder can run it in worker processes and write the findings in one pass. ``ParsedDocument`` knows
the document's subjects: the careers, courses and provider it presents, and which of them each section
and each table row is about.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import cached_property, lru_cache

from kb import aspects, patterns
from kb.extract.course_names import course_names
from kb.read import INTRODUCTION, Section


@dataclass(frozen=True)
class Finding:
    """One fact read from a document (see ``kb.schema.Fact`` for the fields)."""

    kind: str  # the subject's kind: "career" | "course" | "provider"
    subject: str
    aspect: str
    value: str
    section: str
    sentence: str
    number: float | None = None
    high: float | None = None
    unit: str | None = None
    period: str | None = None
    qualifier: str | None = None
    hedge: str | None = None
    reporter: str | None = None
    as_of: str | None = None
    horizon: str | None = None
    pace: str | None = None
    baseline: float | None = None
    other: str | None = None  # the career the fact relates to (a related career, what a course prepares for)
    detail: str | None = None
    placed: bool = True  # its aspect comes from a heading, label, column or phrase, not from cue words alone
    rule: str = ""  # the reader rule that made it ("table row", "labelled line"), shown in the KB report


COURSE_HEADS = re.compile(
    r"\b(?:certificate|certification|bootcamp|boot camp|course|class|program|programme|training|workshop|diploma|"
    r"degree|associate|bachelor|master|fundamentals|intro(?:duction)? to|apprenticeship|academy|101|track)\b",
    re.I,
)
PAGE_KINDS = re.compile(
    r"\b(?:polic(?:y|ies)|faqs?|terms|conditions|handbook|catalog(?:ue)?|guide|schedule|calendar|"
    r"admissions?|requirements|fees|financial aid)\s*$",
    re.I,
)  # a title naming what kind of page it is ("Academy Policies", "Program FAQ"), not a course
ORG_HEADS = r"(?:College|University|Academy|Institute|School|Center|Centre|Bootcamp|Campus|Board)"
NAME_WORD = r"[A-Z][\w&'’.-]*"
ORG = rf"(?:{NAME_WORD}\s+){{0,5}}{ORG_HEADS}\b(?:\s+of\s+(?:the\s+)?{NAME_WORD}(?:\s+(?:&\s+)?{NAME_WORD}){{0,3}})?"
PROVIDER_PATTERNS = (
    re.compile(
        r"^(?:The\s+)?(?P<org>(?:[A-Z][\w&'’-]*\s+){1,5}?)(?:Course|Class|Program|Training)s?\s+(?:Catalog|Guide|Schedule|Listing)"
    ),
    re.compile(rf"(?P<org>{ORG})"),
    re.compile(
        r"^(?P<org>[A-Z][\w&]*(?:\s+[A-Z][\w&]*){0,4})\s+(?:also\s+)?(?:offers|is based in|is licensed|provides|runs)\b"
    ),
)
ROW_KINDS = (
    ("course", re.compile(r"\b(?:course|class|program|certificate|training|bootcamp)s?\b", re.I)),
    ("career", re.compile(r"\b(?:career|occupation|job|role|title|position|profession)s?\b", re.I)),
)


@dataclass
class ParsedDocument:
    name: str
    sections: list[Section]
    known_careers: list[str]  # careers this document presents, plus those known from other documents
    title: str | None = None  # the document's title heading
    careers: list[str] = field(default_factory=list)  # the careers this document itself presents
    main_career: str | None = None
    titled: bool = False  # the title is the document's own (a marked title, or the heading it opens with)
    year: int | None = None  # when the document says it was written or last updated

    def __post_init__(self) -> None:
        names = sorted(set(self.known_careers) | set(self.careers), key=len, reverse=True)
        self._mention_patterns = [(n, patterns.mention_regex(n)) for n in names]
        self._mentions: dict[str, list[tuple[int, str]]] = {}  # every extractor asks of the same sentences

    def careers_in(self, sentence: str) -> list[tuple[int, str]]:
        """Known careers mentioned in a sentence, as (offset, name), in order."""
        if sentence not in self._mentions:
            self._mentions[sentence] = self._find_careers(sentence)
        return self._mentions[sentence]

    def _find_careers(self, sentence: str) -> list[tuple[int, str]]:
        found: dict[int, str] = {}
        taken: list[range] = []
        for name, regex in self._mention_patterns:
            for m in regex.finditer(sentence):
                if not any(m.start() in r for r in taken):
                    found[m.start()] = name
                    taken.append(range(m.start(), m.end()))
        return sorted(found.items())

    # -- courses and provider ----------------------------------------------------------------

    @cached_property
    def courses(self) -> list[str]:
        """The courses the document presents: headings and table rows that name one, and a title that
        names a program when the document reads like a program page (it has course aspects)."""
        found = [s.heading for s in self.sections if self._is_course_heading(s.heading)]
        found += [name for row in self.table_subjects.values() for name, kind in row if kind == "course"]
        degrees = self._has_course_aspects
        found += [name for s in self.sections for sentence in s.sentences for name in course_names(sentence, degrees)]
        if (
            self.title
            and COURSE_HEADS.search(self.title)
            and not PAGE_KINDS.search(self.title)
            and not self.provider_in_title
            and self._has_course_aspects
        ):
            found.insert(0, self.title)
        return list(dict.fromkeys(_clean_name(n) for n in found))

    def _is_course_heading(self, heading: str) -> bool:
        """A heading that names a course: with a course word, or over course labels; a name, so at least two
        capitalised words ("Intro to Python", not "Program at a glance")."""
        names = sum(1 for w in heading.split() if w[:1].isupper()) >= 2
        return (
            names
            and heading not in (self.title, INTRODUCTION)
            and not heading.endswith("?")
            and patterns.career_title(heading) is None
            and aspects.for_heading(patterns.PARENTHESES.sub("", heading)) is None  # "Track (40 hours/week)"
            and len(heading.split()) <= 10
            and (bool(COURSE_HEADS.search(heading)) or self._course_by_labels(heading))
        )

    def _course_by_labels(self, heading: str) -> bool:
        """A heading whose section is laid out as course labels (tuition, length, prerequisites)."""
        section = next((s for s in self.sections if s.heading == heading), None)
        if section is None or heading in (self.title, INTRODUCTION) or aspects.for_heading(heading):
            return False
        labels = [p.text.split(":", 1)[0] for p in section.paragraphs if ":" in p.text[:40]]
        course_labels = [a for label in labels if (a := aspects.for_heading(label, "course"))]
        return len({a.name for a in course_labels}) >= 2

    @cached_property
    def _has_course_aspects(self) -> bool:
        headed = [aspects.for_heading(s.heading, "course") for s in self.sections if s.heading != self.title]
        return sum(1 for a in headed if a and a.name in ("price", "duration", "prerequisites", "topics")) >= 2

    @cached_property
    def provider(self) -> str | None:
        """The organisation offering the document's courses, when it has courses."""
        if not self.courses and not self._has_course_aspects:
            return None
        if self.provider_in_title:
            return self.provider_in_title
        counts: dict[str, int] = {}
        for section in self.sections:
            for text in (section.heading, *section.sentences):
                for rx in PROVIDER_PATTERNS[1:]:
                    for m in rx.finditer(text):
                        org = re.sub(r"^(?:The|At|In|From|Our)\s+", "", m.group("org").strip())
                        if len(org.split()) >= 2 and not COURSE_HEADS.search(org.split()[0]):
                            counts[org] = counts.get(org, 0) + 1
        return max(counts, key=counts.get) if counts else None

    @cached_property
    def provider_in_title(self) -> str | None:
        match = PROVIDER_PATTERNS[0].match(self.title or "")
        return match.group("org").strip() if match else None

    # -- tables --------------------------------------------------------------------------------

    @cached_property
    def table_subjects(self) -> dict[str, list[tuple[str, str]]]:
        """Table rows ("Header: cell; Header: cell") whose first cell names subjects: row text -> [(name, kind)]
        ("Accountants and auditors" names two careers)."""
        rows: dict[str, list[tuple[str, str]]] = {}
        for section in self.sections:
            for paragraph in section.paragraphs:
                cells = table_cells(paragraph.text)
                if len(cells) < 2:
                    continue
                header, first = cells[0]
                kind = next((k for k, rx in ROW_KINDS if rx.search(header)), None)
                titles = patterns.listed_titles(first)
                if kind is None and titles:
                    kind = "career"
                if kind == "career":
                    rows[paragraph.text] = [(t, kind) for t in titles or [first]]
                elif kind:
                    rows[paragraph.text] = [(first, kind)]
        return rows

    # -- which subject a section is about --------------------------------------------------------

    def section_subject(self, section: Section, fallback: bool = True) -> tuple[str, str] | None:
        """(kind, name) of what a section is about: the nearest of its heading and enclosing headings
        that names a career or course; else (with ``fallback``, or for the introduction) the document's
        main course or career."""
        for heading in (section.heading, *reversed(section.path)):
            if (title := heading_career(heading)) and title in self.careers:
                return ("career", title)
            if heading == self.title:
                break
            if _clean_name(heading) in self.courses:
                return ("course", _clean_name(heading))
            if self.provider and self.provider in heading:
                return ("provider", self.provider)
        if not fallback and section.heading != INTRODUCTION:
            return None
        if self.title and _clean_name(self.title) in self.courses:
            return ("course", _clean_name(self.title))
        if self.main_career:
            return ("career", self.main_career)
        if len(self.careers) == 1 and not self.courses:  # a catalog's policies are its provider's, not a career's
            return ("career", self.careers[0])
        if self.provider:
            return ("provider", self.provider)
        return None

    def sentence_subjects(self, section: Section) -> list[tuple[str, tuple[str, str] | None]]:
        """Each sentence of a section with what it is about: the section's subject when its heading names
        one; else the first career the sentence names, as English puts a sentence's subject first (a news
        article's "Most electricians and plumbers learn the trade through an apprenticeship"), or, naming
        none, the one its paragraph was last about ("... adding to the demand"); else the document's
        (``section_subject``)."""
        own = self.section_subject(section, fallback=False)
        document = own or self.section_subject(section)
        found = []
        for paragraph in section.paragraphs:
            about = None
            for sentence in paragraph.sentences:
                named = self.careers_in(sentence)
                about = own or (("career", named[0][1]) if named else about)
                found.append((sentence, about or document))
        return found

    def section_aspects(self, section: Section, kind: str) -> list[aspects.Aspect]:
        """The aspects a section's heading (or, failing that, the nearest enclosing heading) is about."""
        for heading in (section.heading, *reversed(section.path)):
            if heading == self.title:
                break
            if found := aspects.headed(heading, kind):
                return found
        return []


SEPARATORS = re.compile(r"\s*[:|–—]\s*|\s+-\s+")


@lru_cache(maxsize=65536)
def heading_career(heading: str) -> str | None:
    """The career a heading names: the heading itself as a title, or a title followed by what the section
    tells of it ("Freight Broker Salary", "Logistics Coordinator: Pay and Outlook")."""
    if title := patterns.career_title(heading):
        return title
    if COURSE_HEADS.search(heading):
        return None  # "Pharmacy Technician Certificate" names a course
    head, *rest = SEPARATORS.split(heading, maxsplit=1)
    if rest and (title := patterns.career_title(head)):
        return title
    words = heading.rstrip("?").split()
    for n in range(len(words) - 1, 0, -1):
        if aspects.headed(" ".join(words[n:]), "career") and (title := patterns.career_title(" ".join(words[:n]))):
            return title
    return None


def table_cells(text: str) -> list[tuple[str, str]]:
    """A table row as the readers write it ("Header: cell; Header: cell") -> [(header, cell)]."""
    parts = [p.partition(": ") for p in text.split("; ")]
    if len(parts) < 2 or not all(sep and 0 < len(h.split()) <= 6 for h, sep, _ in parts):
        return []
    return [(h.strip(), c.strip()) for h, _, c in parts]


def _clean_name(name: str) -> str:
    return re.sub(r"\s+", " ", name).strip(" :")


Extractor = Callable[[ParsedDocument], Iterator[Finding]]
