"""The knowledge base's tables.

One fact model for every kind of fact: a ``Fact`` is about a ``Subject`` (career, course or
provider) under one aspect of ``kb.aspects.ASPECTS``, and names the document, section and sentence it
was read from, so a reply can always cite its source and a rebuilt document only replaces its own facts.
A new aspect is a new entry in that registry, not a new table.
"""

from __future__ import annotations

from sqlalchemy import Boolean, Column, Float, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import declarative_base, relationship

Base = declarative_base()


class Document(Base):
    __tablename__ = "documents"
    id = Column(Integer, primary_key=True)
    name = Column(String(255), unique=True, nullable=False)
    title = Column(String(255))  # what replies call it: its first heading, else its file name
    fingerprint = Column(String(64), nullable=False)
    main_career = Column(String(255))
    year = Column(Integer)  # when the document says it was written or last updated, for figures with no year


class Build(Base):
    """One row per build that changed the KB, written in the same transaction as the change: a running
    server compares the newest id with the one it last read to know its caches are out of date."""

    __tablename__ = "builds"
    id = Column(Integer, primary_key=True, autoincrement=True)
    finished = Column(Float, nullable=False)  # seconds since the epoch


class Alias(Base):
    """A curated other name ("DB architect") for a career, course or topic."""

    __tablename__ = "aliases"
    id = Column(Integer, primary_key=True)
    kind = Column(String(32), nullable=False)
    alias = Column(String(255), nullable=False)
    canonical = Column(String(255), nullable=False)


class Subject(Base):
    """What facts are about: a career, a course or a provider, by name."""

    __tablename__ = "subjects"
    __table_args__ = (UniqueConstraint("kind", "name"),)
    id = Column(Integer, primary_key=True)
    kind = Column(String(16), nullable=False)  # "career" | "course" | "provider"
    name = Column(String(255), nullable=False)


class Fact(Base):
    """One thing a document says about a subject, under one aspect of ``kb.aspects.ASPECTS``.

    ``value`` is the figure or phrase as the document writes it; a figure is also typed (``number``, ``high``
    for a range, ``unit``, ``period``), with what the document says about it (``qualifier`` such as "median"
    or "lowest 10 percent", ``hedge`` such as "about", ``reporter``, ``as_of``, ``horizon``, ``pace``).
    ``other`` is a second subject the fact relates to (a related career, the career a course prepares for,
    a career compared with); ``detail`` is a short note of the aspect's own (a skill's description).
    """

    __tablename__ = "facts"
    id = Column(Integer, primary_key=True)
    document_id = Column(ForeignKey("documents.id", ondelete="CASCADE"), nullable=False, index=True)
    document = relationship(Document, lazy="joined")
    subject_id = Column(ForeignKey("subjects.id", ondelete="CASCADE"), nullable=False, index=True)
    subject = relationship(Subject, foreign_keys=[subject_id], lazy="joined")
    aspect = Column(String(32), nullable=False, index=True)
    value = Column(Text, nullable=False)
    number = Column(Float)
    high = Column(Float)
    unit = Column(String(16))
    period = Column(String(16))
    qualifier = Column(String(128))
    hedge = Column(String(32))
    reporter = Column(String(128))
    as_of = Column(String(32))
    horizon = Column(String(64))
    pace = Column(String(64))
    baseline = Column(Float)  # the figure it is compared with (the average growth of all occupations)
    other_id = Column(ForeignKey("subjects.id", ondelete="CASCADE"), index=True)
    other = relationship(Subject, foreign_keys=[other_id], lazy="joined")
    detail = Column(Text)
    placed = Column(Boolean, nullable=False, default=True)  # aspect from structure, not from cue words alone
    rule = Column(String(64), nullable=False, default="")  # the reader rule that made it ("table row")
    section = Column(String(255), nullable=False)
    sentence = Column(Text, nullable=False)
    position = Column(Integer, nullable=False)  # of the sentence in its document


class Passage(Base):
    """One sentence of a document, for questions no fact answers; ``subject_id`` is the subject of its
    section, when it has one; ``length`` its number of words as searched (``kb.matching.terms``)."""

    __tablename__ = "passages"
    id = Column(Integer, primary_key=True)
    document_id = Column(ForeignKey("documents.id", ondelete="CASCADE"), nullable=False, index=True)
    document = relationship(Document, lazy="joined")
    subject_id = Column(ForeignKey("subjects.id", ondelete="CASCADE"), index=True)
    section = Column(String(255), nullable=False)
    sentence = Column(Text, nullable=False)
    position = Column(Integer, nullable=False)
    length = Column(Integer, nullable=False, default=0)


class Posting(Base):
    """The search index, built with the passages: each word of a passage (as ``kb.matching.terms`` reads it)
    and how often the passage uses it. A question is searched through the rows of its own words, never by
    reading every passage; an index of our own tables rather than SQLite's FTS5 or PostgreSQL's text search,
    so that one query ranks passages alike on both databases (BM25, in ``kb.query``)."""

    __tablename__ = "postings"
    id = Column(Integer, primary_key=True)
    document_id = Column(ForeignKey("documents.id", ondelete="CASCADE"), nullable=False, index=True)
    passage_id = Column(ForeignKey("passages.id", ondelete="CASCADE"), nullable=False, index=True)
    term = Column(String(64), nullable=False, index=True)
    count = Column(Integer, nullable=False)


FACT_MODELS: tuple[type[Base], ...] = (Fact, Passage)
"""Every table whose rows belong to one document and cite a sentence of it (the index's rows belong to one
document too)."""
