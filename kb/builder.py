"""Builds the knowledge base from a folder of documents.

Idempotent: each document's fingerprint (its bytes plus ``EXTRACTOR_VERSION``) is stored, so a rebuild
only re-extracts changed documents and drops deleted ones. A document that cannot be read, or is not of
a type ``kb.read`` reads, is reported by name; the rest still build.

Reading and extraction depend on nothing but the document's own text, so changed documents are read in
worker processes, one per core, and their findings written in one transaction with bulk inserts.
"""

from __future__ import annotations

import hashlib
import logging
import multiprocessing
import os
import re
import time
from collections import Counter
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field, fields
from pathlib import Path

import yaml
from sqlalchemy import delete, insert, select, union
from sqlalchemy.orm import Session

from kb import aspects, db, figures, patterns, read
from kb.extract import (
    Extractor,
    Finding,
    ParsedDocument,
    aspect_facts,
    careers,
    courses,
    heading_career,
    names,
    provider,
    skills,
)
from kb.matching import terms
from kb.read import INTRODUCTION, DocumentError, Section
from kb.schema import Alias, Build, Document, Fact, Passage, Posting, Subject

log = logging.getLogger(__name__)

EXTRACTOR_VERSION = "15"
EXTRACTORS: tuple[Extractor, ...] = (
    careers.extract,
    names.extract,
    skills.extract,
    courses.extract,
    provider.extract,
    aspect_facts.extract,
)
ALIASES_FILE = Path(__file__).with_name("aliases.yml")
FACT_FIELDS = tuple(f.name for f in fields(Finding) if f.name not in ("kind", "subject", "other"))
CALLED = re.compile(r"\b(?:called|known as)\s+(?:(?:an?|the)\s+)?$", re.I)  # another name for the career before it
PARALLEL_FROM = 8  # fewer changed documents than this are read in this process: starting workers costs more


@dataclass
class BuildReport:
    built: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    errors: dict[str, str] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return not self.errors


@dataclass
class Extracted:
    """Everything the builder stores for one document; plain data, so a worker process can return it."""

    name: str
    title: str
    fingerprint: str
    main_career: str | None
    year: int | None  # when the document says it was written or last updated
    findings: list[Finding]
    passages: list[tuple[str, str, tuple[str, str] | None]]  # (section, sentence, its section's subject)
    words: list[dict[str, int]]  # each passage's words as searched, with their counts (the search index)


def fingerprint(content: str | bytes) -> str:
    raw = content.encode() if isinstance(content, str) else content
    return hashlib.sha256(EXTRACTOR_VERSION.encode() + b"\0" + raw).hexdigest()


def parse(name: str, content: str | bytes) -> ParsedDocument:
    document = read.parse(content, name)
    sections = document.sections
    own = _careers(sections)
    title_career = heading_career(document.title or "")
    if title_career in own and patterns.is_group_name(title_career) and len(own) > 1:
        own.remove(title_career)  # "Teaching Careers" over three kinds of teacher: a page's title, not a subject
    return ParsedDocument(
        name=name,
        sections=sections,
        known_careers=own,
        main_career=_main_career(document.title, sections) or _named_in_title(document.title, own),
        title=document.title,
        careers=own,
        titled=document.marked or bool(sections and sections[0].heading != INTRODUCTION),
        year=document.year,
    )


def extract(name: str, content: str | bytes) -> Extracted:
    """A document's findings and passages: a pure function of its name and content."""
    doc = parse(name, content)
    findings = list(dict.fromkeys(f for extractor in EXTRACTORS for f in extractor(doc)))
    passages = [(s.heading, sentence, subject) for s in doc.sections for sentence, subject in doc.sentence_subjects(s)]
    words = [dict(Counter(terms(sentence))) for _, sentence, _ in passages]
    return Extracted(
        name, _title(name, doc), fingerprint(content), doc.main_career, doc.year, findings, passages, words
    )


def _title(name: str, doc: ParsedDocument) -> str:
    """What replies call a document: its marked title (a web page's <h1>) or the heading it opens with (an
    operator sets a title by starting the document with one), else its file name in words
    ("back-end-developer-careers.txt": "Back End Developer Careers"); visitors never see a file name."""
    if doc.title and doc.titled:
        return doc.title
    words = re.split(r"[\s_-]+", Path(name).stem)
    return " ".join(w if w.isupper() else w.capitalize() for w in words if w)


def _careers(sections: list[Section]) -> list[str]:
    """The careers a document presents: named by a heading (or the heading a section sits under), a list
    item, a label or a table row, or as the subject of a sentence that gives its pay or growth."""
    headings = {h for s in sections for h in (s.heading, s.group, s.parent) if h}
    named = [t for h in sorted(headings) for t in patterns.career_titles(h)]
    named += _with_aspect(headings, named)
    led = [t for s in sections if _may_list_careers(s) for p in s.paragraphs if (t := patterns.lead_title(p.text))]
    reported = [t for s in sections for sentence in s.sentences for t in _stated(sentence)]
    fuller = {  # "Mechanic (Diesel and Heavy Equipment)": sentences under it name the same career in full
        q.lower() for h in headings for t in patterns.career_titles(h) for q in patterns.defined_names(h, t)
    }
    structural = {t for t in named + led if t.lower() not in fuller}
    stated = {t for t in reported if t.lower() not in fuller} - structural
    stated = {t for t in stated if not _same_head_form(t, structural) and not _longer_form(t, stated)}
    return sorted(structural | stated)


def _stated(sentence: str) -> list[str]:
    """The occupations a sentence gives a figure for: the one it opens with, and those named before one of
    its figures ("... chemical engineer pays the most, at $64,760, and environmental engineers rank second
    at $53,450")."""
    at = [f.start for kind in ("money", "percent") for f in figures.find(kind, sentence)]
    if not at:
        return []
    lead = patterns.sentence_lead_title(sentence)
    named = [
        title
        for start, _, title in patterns.occupation_mentions(sentence)
        if start < max(at) and not careers.in_category(sentence, start) and not CALLED.search(sentence[:start])
    ]
    return ([lead] if lead else []) + named


def _same_head_form(title: str, others: set[str]) -> bool:
    """A title one of ``others`` ends with, or that ends with one of them: "Elementary School Teacher" in a
    sentence of a page whose heading names "Kindergarten and Elementary School Teacher"."""
    return any(_ends_with(title, other) or _ends_with(other, title) for other in others)


def _longer_form(title: str, found: set[str]) -> bool:
    """A title that is another found title with more words before it ("Airline Flight Attendant" beside
    "Flight Attendant"): the same career, named in full once."""
    return any(_ends_with(title, other) for other in found)


def _ends_with(title: str, shorter: str) -> bool:
    """Whether a title ends with another of at least two words and fewer words than itself."""
    words, tail = title.lower().split(), shorter.lower().split()
    return 2 <= len(tail) < len(words) and words[-len(tail) :] == tail


def _with_aspect(headings: set[str], named: list[str]) -> list[str]:
    """Careers named by a heading with what it tells of them ("Freight Broker Salary"); not a family's
    shared head noun ("Teacher pay" in a page about kinds of teacher)."""
    found = {t for h in headings if (t := heading_career(h)) and t not in named}
    return sorted(t for t in found if not any(o != t and o.endswith(" " + t) for o in [*named, *found]))


def _may_list_careers(section: Section) -> bool:
    """A list under a heading about one aspect of a career (certifications, skills) lists that
    aspect's items, not careers, unless the aspect is related careers."""
    headed = aspects.headed(section.heading, "career")
    return not headed or any(a.name == "related_careers" for a in headed)


def _main_career(title: str | None, sections: list[Section]) -> str | None:
    """The career a document is about: its title's, or named by a 'What is a …?' heading or leading its
    first sentence."""
    if title and (career := patterns.career_title(title)):
        return career
    for section in sections:
        if section.heading.startswith("What ") and (title := patterns.career_title(section.heading)):
            return title
    first = sections[0].sentences[0] if sections and sections[0].sentences else ""
    titles = patterns.capitalised_titles(first)
    if titles and titles[0][0] == 0:
        return titles[0][2]
    return None


def _named_in_title(title: str | None, careers: list[str]) -> str | None:
    """The one career of the document that its title names among other words ("Starting Pay for Flight
    Attendants")."""
    if len(patterns.career_titles(title or "")) > 1:
        return None  # "Plumbers, Pipefitters, and Steamfitters" is about each
    named = {t for _, _, t in patterns.occupation_mentions(title or "") if t in careers}
    return named.pop() if len(named) == 1 else None


def build(documents_dir: Path, url: str, workers: int | None = None) -> BuildReport:
    """Bring the KB at ``url`` up to date with ``documents_dir``, reading changed documents with
    ``workers`` processes (default: one per core).

    Each document is written as soon as it is read, while the workers read the next ones, all in one
    transaction with a ``Build`` row: a running bot answers from the old KB (the write-ahead log keeps
    its snapshot) until the new one is complete, then from the new one."""
    report = BuildReport()
    factory = db.session_factory(db.engine(url, create=True))
    paths = sorted(p for p in documents_dir.glob("*") if (p.is_file() or p.is_symlink()) and not p.name.startswith("."))
    with factory() as session:
        stored = {d.name: (d.id, d.fingerprint) for d in session.execute(select(Document)).scalars()}
    changed: list[tuple[str, str | bytes]] = []
    for path in paths:
        try:
            content = read.load(path)
        except DocumentError as exc:
            log.error("%s", exc)
            report.errors[path.name] = str(exc)
            continue
        if path.name in stored and stored[path.name][1] == fingerprint(content):
            report.unchanged.append(path.name)
        else:
            changed.append((path.name, content))
    report.removed = sorted(set(stored) - {p.name for p in paths})
    replaced = [n for n in report.removed + [n for n, _ in changed] if n in stored]
    with factory() as session:
        _forget(session, [stored[n][0] for n in replaced])
        for name, result in zip([n for n, _ in changed], _extract_all(changed, workers), strict=True):
            if isinstance(result, DocumentError):
                log.error("%s", result)
                report.errors[name] = str(result)
            else:
                _store(session, result)
                report.built.append(name)
        _prune_subjects(session)
        _load_aliases(session)
        if replaced or report.built:
            session.add(Build(finished=time.time()))
        session.commit()
    return report


def _extract_all(changed: list[tuple[str, str | bytes]], workers: int | None) -> Iterator[Extracted | DocumentError]:
    """Each changed document's extraction, in order, as soon as it and those before it are done."""
    workers = workers or os.cpu_count() or 1
    if len(changed) < PARALLEL_FROM or workers == 1:
        yield from (_extract_or_error(name, content) for name, content in changed)
        return
    patterns.warm()  # load the shared pipeline and WordNet once, before the workers fork
    context = multiprocessing.get_context("fork")
    with ProcessPoolExecutor(workers, mp_context=context) as pool:
        names, contents = zip(*changed, strict=True)
        chunks = max(1, len(changed) // (workers * 8))
        yield from pool.map(_extract_or_error, names, contents, chunksize=chunks)


def _extract_or_error(name: str, content: str | bytes) -> Extracted | DocumentError:
    """A document's extraction, or the error that it cannot be read (a scanned PDF): returned, not raised, so
    that one unreadable document leaves the others to build."""
    try:
        return extract(name, content)
    except DocumentError as exc:
        return exc


def _store(session: Session, extracted: Extracted) -> None:
    document_id = session.execute(
        insert(Document).values(
            name=extracted.name,
            title=extracted.title,
            fingerprint=extracted.fingerprint,
            main_career=extracted.main_career,
            year=extracted.year,
        )
    ).inserted_primary_key[0]
    subjects = _subject_ids(session, extracted)
    position = {sentence: i for i, (_, sentence, _) in reversed(list(enumerate(extracted.passages)))}
    facts = [
        (
            *(getattr(finding, name) for name in FACT_FIELDS),
            subjects[(finding.kind, finding.subject)],
            subjects[("career", finding.other)] if finding.other else None,
            position.get(finding.sentence, len(position)),
            document_id,
        )
        for finding in extracted.findings
    ]
    db.insert_rows(session, Fact.__table__, (*FACT_FIELDS, "subject_id", "other_id", "position", "document_id"), facts)
    passages = [
        (document_id, section, sentence, i, subjects[subject] if subject else None, sum(extracted.words[i].values()))
        for i, (section, sentence, subject) in enumerate(extracted.passages)
    ]
    columns = ("document_id", "section", "sentence", "position", "subject_id", "length")
    db.insert_rows(session, Passage.__table__, columns, passages)
    _index(session, document_id, extracted.words)


def _index(session: Session, document_id: int, words: list[dict[str, int]]) -> None:
    """The search index's rows for a document's passages (stored in document order): each word of each
    passage, with its count."""
    ids = session.execute(
        select(Passage.id).where(Passage.document_id == document_id).order_by(Passage.position)
    ).scalars()
    postings = [
        (document_id, passage_id, term[:64], count)
        for passage_id, counted in zip(ids, words, strict=True)
        for term, count in counted.items()
    ]
    db.insert_rows(session, Posting.__table__, ("document_id", "passage_id", "term", "count"), postings)


def _subject_ids(session: Session, extracted: Extracted) -> dict[tuple[str, str], int]:
    """Ids of every subject the document's findings and passages name, adding the new ones."""
    wanted = list(
        dict.fromkeys(
            [(f.kind, f.subject) for f in extracted.findings]
            + [("career", f.other) for f in extracted.findings if f.other]
            + [s for _, _, s in extracted.passages if s]
        )
    )  # in the order the document names them, so that lists of courses keep it
    ids: dict[tuple[str, str], int] = {}
    for kind in {k for k, _ in wanted}:
        names_of_kind = sorted(n for k, n in wanted if k == kind)
        rows = session.execute(
            select(Subject.name, Subject.id).where(Subject.kind == kind, Subject.name.in_(names_of_kind))
        )
        ids.update({(kind, n): i for n, i in rows})
    missing = [{"kind": k, "name": n} for k, n in wanted if (k, n) not in ids]
    if missing:
        session.execute(insert(Subject), missing)
        for kind in {m["kind"] for m in missing}:
            names_of_kind = [m["name"] for m in missing if m["kind"] == kind]
            rows = session.execute(
                select(Subject.name, Subject.id).where(Subject.kind == kind, Subject.name.in_(names_of_kind))
            )
            ids.update({(kind, n): i for n, i in rows})
    return ids


def _forget(session: Session, document_ids: list[int]) -> None:
    """Delete documents and their facts and passages."""
    for model in (Fact, Posting, Passage):
        session.execute(delete(model).where(model.document_id.in_(document_ids)))
    session.execute(delete(Document).where(Document.id.in_(document_ids)))


def _prune_subjects(session: Session) -> None:
    """Delete the subjects no fact or passage refers to any more."""
    used = union(
        select(Fact.subject_id),
        select(Fact.other_id).where(Fact.other_id.is_not(None)),
        select(Passage.subject_id).where(Passage.subject_id.is_not(None)),
    )
    session.execute(delete(Subject).where(Subject.id.not_in(used)).execution_options(synchronize_session=False))


def _load_aliases(session: Session) -> None:
    session.execute(delete(Alias))
    curated = yaml.safe_load(ALIASES_FILE.read_text(encoding="utf-8")) or {}
    rows = [
        {"kind": kind, "alias": a, "canonical": canonical}
        for kind, entries in curated.items()
        for canonical, aliases in (entries or {}).items()
        for a in aliases
    ]
    if rows:
        session.execute(insert(Alias), rows)
