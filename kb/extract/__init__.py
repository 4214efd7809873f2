"""Extractors: each reads a parsed document and yields knowledge-base rows.

``careers``, ``skills``, ``courses`` and ``provider`` each own one kind of fact;
``Context`` hands them shared entities (get-or-create) and provenance.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session

from kb import patterns
from kb.read import INTRODUCTION, Section
from kb.schema import Base, Career, Course, Document


@dataclass
class ParsedDocument:
    name: str
    sections: list[Section]
    known_careers: list[str]  # careers this document has sections for, plus those already in the KB
    main_career: str | None
    title: str | None = None  # the document's title heading
    careers: list[str] = field(default_factory=list)  # the careers this document itself presents
    _mention_patterns: list[tuple[str, re.Pattern[str]]] = field(default_factory=list)

    def __post_init__(self) -> None:
        names = sorted(set(self.known_careers), key=len, reverse=True)
        self._mention_patterns = [(n, patterns.mention_regex(n)) for n in names]

    def careers_in(self, sentence: str) -> list[tuple[int, str]]:
        """Known careers mentioned in a sentence, as (offset, name), in order."""
        found: dict[int, str] = {}
        taken: list[range] = []
        for name, regex in self._mention_patterns:
            for m in regex.finditer(sentence):
                if not any(m.start() in r for r in taken):
                    found[m.start()] = name
                    taken.append(range(m.start(), m.end()))
        return sorted(found.items())

    def section_career(self, section: Section) -> str | None:
        """The career a section is about: its heading's, else that of the career section it is part of
        ("Pay" under "ACTUARIES"); the document's title encloses everything, so it does not count."""
        title = patterns.career_title(section.heading)
        if title in self.known_careers:
            return title
        if section.heading == INTRODUCTION:
            return self.main_career
        if section.parent and section.parent != self.title:
            parent = patterns.career_title(section.parent)
            return parent if parent in self.known_careers else None
        return None


class Context:
    """Shared entities and provenance for the rows of one document."""

    def __init__(self, session: Session, document: Document) -> None:
        self.session = session
        self.document = document
        self._careers: dict[str, Career] = {}
        self._courses: dict[str, Course] = {}

    def _entity(self, model: type, cache: dict, name: str):
        if name not in cache:
            row = self.session.execute(select(model).where(model.name == name)).scalar_one_or_none()
            if row is None:
                row = model(name=name)
                self.session.add(row)
            cache[name] = row
        return cache[name]

    def career(self, name: str) -> Career:
        return self._entity(Career, self._careers, name)

    def course(self, name: str) -> Course:
        return self._entity(Course, self._courses, name)

    def source(self, section: Section, sentence: str) -> dict:
        return {"document": self.document, "section": section.heading, "sentence": sentence}


Extractor = Callable[[ParsedDocument, Context], Iterator[Base]]
