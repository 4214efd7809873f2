"""Builds the knowledge base from a folder of documents.

Idempotent: each document's fingerprint (its bytes plus ``EXTRACTOR_VERSION``)
is stored, so a rebuild only re-extracts changed documents and drops deleted
ones. A document that cannot be read, or is not of a type ``kb.read`` reads, is
reported by name; the rest still build.
"""

from __future__ import annotations

import hashlib
import logging
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from kb import db, patterns, read
from kb.extract import Context, Extractor, ParsedDocument, careers, courses, names, provider, skills
from kb.read import DocumentError, Section
from kb.schema import FACT_MODELS, Alias, Career, Course, Document, Passage

log = logging.getLogger(__name__)

EXTRACTOR_VERSION = "5"
EXTRACTORS: tuple[Extractor, ...] = (careers.extract, names.extract, skills.extract, courses.extract, provider.extract)
ALIASES_FILE = Path(__file__).with_name("aliases.yml")


@dataclass
class BuildReport:
    built: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    errors: dict[str, str] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return not self.errors


def fingerprint(text: str) -> str:
    return hashlib.sha256((EXTRACTOR_VERSION + "\0" + text).encode()).hexdigest()


def parse(name: str, text: str, known_careers: list[str]) -> ParsedDocument:
    document = read.parse(text, Path(name).suffix)
    sections = document.sections
    own = _careers(sections)
    main = _main_career(sections, own)
    return ParsedDocument(
        name=name,
        sections=sections,
        known_careers=sorted(set(own + known_careers)),
        main_career=main,
        title=document.title,
        careers=own,
    )


def _careers(sections: list[Section]) -> list[str]:
    """The careers a document presents: named by a heading (or the heading a section sits under), a list
    item, a label or a table row."""
    headings = {h for s in sections for h in (s.heading, s.group, s.parent) if h}
    named = [t for h in sorted(headings) for t in patterns.career_titles(h)]
    led = [t for s in sections for p in s.paragraphs if (t := patterns.lead_title(p.text))]
    return sorted(set(named + led))


def _main_career(sections: list[Section], own: list[str]) -> str | None:
    """The career a document is about: named by a 'What is a …?' heading or leading its first sentence."""
    for section in sections:
        if section.heading.startswith("What ") and (title := patterns.career_title(section.heading)):
            return title
    first = sections[0].sentences[0] if sections and sections[0].sentences else ""
    titles = patterns.capitalised_titles(first)
    if titles and titles[0][0] == 0:
        return titles[0][2]
    return None


def build(documents_dir: Path, url: str) -> BuildReport:
    """Bring the KB at ``url`` up to date with ``documents_dir``."""
    report = BuildReport()
    factory = db.session_factory(db.engine(url, create=True))
    paths = sorted(p for p in documents_dir.glob("*") if (p.is_file() or p.is_symlink()) and not p.name.startswith("."))
    with factory() as session:
        stored = {d.name: d for d in session.execute(select(Document)).scalars()}
        for name in sorted(set(stored) - {p.name for p in paths}):
            _forget(session, stored[name])
            report.removed.append(name)
        session.commit()
        for path in paths:
            try:
                text = read.load(path)
            except DocumentError as exc:
                log.error("%s", exc)
                report.errors[path.name] = str(exc)
                continue
            existing = stored.get(path.name)
            if existing is not None and existing.fingerprint == fingerprint(text):
                report.unchanged.append(path.name)
                continue
            if existing is not None:
                _forget(session, existing)
            known = list(session.execute(select(Career.name)).scalars())
            _store(session, parse(path.name, text, known), fingerprint(text))
            session.commit()
            report.built.append(path.name)
        _load_aliases(session)
        session.commit()
    return report


def _store(session: Session, parsed: ParsedDocument, print_: str) -> None:
    document = Document(name=parsed.name, fingerprint=print_, main_career=parsed.main_career)
    session.add(document)
    ctx = Context(session, document)
    for title in parsed.careers:
        ctx.career(title)
    position = 0
    for section in parsed.sections:
        for sentence in section.sentences:
            session.add(Passage(position=position, **ctx.source(section, sentence)))
            position += 1
    for extractor in EXTRACTORS:
        session.add_all(list(extractor(parsed, ctx)))


def _forget(session: Session, document: Document) -> None:
    """Delete a document and its facts, then the careers and courses no remaining fact refers to."""
    for model in FACT_MODELS:
        session.execute(delete(model).where(model.document_id == document.id))
    session.delete(document)
    session.flush()
    for entity in (Career, Course):
        used: set[int] = set()
        for model in FACT_MODELS:
            for column in model.__table__.columns:
                if any(fk.column.table is entity.__table__ for fk in column.foreign_keys):
                    used |= set(session.execute(select(column)).scalars())
        session.execute(delete(entity).where(entity.id.not_in(used)))


def _load_aliases(session: Session) -> None:
    session.execute(delete(Alias))
    curated = yaml.safe_load(ALIASES_FILE.read_text(encoding="utf-8")) or {}
    for kind, entries in curated.items():
        for canonical, aliases in (entries or {}).items():
            session.add_all(Alias(kind=kind, alias=a, canonical=canonical) for a in aliases)
