"""The knowledge base's tables.

Careers, courses and providers are shared entities; every fact row names the
document, section and sentence it was extracted from (``Provenance``), so a
reply can always cite its source and a rebuilt document only replaces its own
facts.
"""

from __future__ import annotations

from sqlalchemy import Column, Float, ForeignKey, Integer, String, Text
from sqlalchemy.orm import declarative_base, declared_attr, relationship

Base = declarative_base()


class Document(Base):
    __tablename__ = "documents"
    id = Column(Integer, primary_key=True)
    name = Column(String(255), unique=True, nullable=False)
    fingerprint = Column(String(64), nullable=False)
    main_career = Column(String(255))


class Career(Base):
    __tablename__ = "careers"
    id = Column(Integer, primary_key=True)
    name = Column(String(255), unique=True, nullable=False)


class Course(Base):
    __tablename__ = "courses"
    id = Column(Integer, primary_key=True)
    name = Column(String(255), unique=True, nullable=False)


class Alias(Base):
    """A curated other name ("DB architect") for a career, course or topic."""

    __tablename__ = "aliases"
    id = Column(Integer, primary_key=True)
    kind = Column(String(32), nullable=False)
    alias = Column(String(255), nullable=False)
    canonical = Column(String(255), nullable=False)


class Provenance:
    """Where a fact comes from: document, section heading and source sentence."""

    @declared_attr
    def document_id(cls) -> Column:  # noqa: N805 - SQLAlchemy declared_attr
        return Column(ForeignKey("documents.id", ondelete="CASCADE"), nullable=False, index=True)

    @declared_attr
    def document(cls):  # noqa: N805
        return relationship(Document, lazy="joined")

    section = Column(String(255), nullable=False)
    sentence = Column(Text, nullable=False)


class CareerFact(Provenance):
    @declared_attr
    def career_id(cls) -> Column:  # noqa: N805
        return Column(ForeignKey("careers.id", ondelete="CASCADE"), nullable=False, index=True)

    @declared_attr
    def career(cls):  # noqa: N805
        return relationship(Career, foreign_keys=[cls.career_id], lazy="joined")


class CourseFact(Provenance):
    @declared_attr
    def course_id(cls) -> Column:  # noqa: N805
        return Column(ForeignKey("courses.id", ondelete="CASCADE"), nullable=False, index=True)

    @declared_attr
    def course(cls):  # noqa: N805
        return relationship(Course, lazy="joined")


class CareerDescription(CareerFact, Base):
    __tablename__ = "career_descriptions"
    id = Column(Integer, primary_key=True)
    text = Column(Text, nullable=False)


class Salary(CareerFact, Base):
    __tablename__ = "salaries"
    id = Column(Integer, primary_key=True)
    amount = Column(Float, nullable=False)
    qualifier = Column(String(32))  # "about", "just over", ...
    period = Column(String(16), nullable=False)  # "year", "hour", "month"
    statistic = Column(String(16))  # "average", "median"
    as_of = Column(String(32))
    source_org = Column(String(128))


class SalaryComparison(CareerFact, Base):
    """A salary stated only relative to another career ("earn slightly less than")."""

    __tablename__ = "salary_comparisons"
    id = Column(Integer, primary_key=True)
    other_career_id = Column(ForeignKey("careers.id", ondelete="CASCADE"), nullable=False)
    other_career = relationship(Career, foreign_keys=[other_career_id], lazy="joined")
    relation = Column(String(64), nullable=False)  # "slightly less"


class Outlook(CareerFact, Base):
    """Job growth: a percentage over a horizon, or only a direction."""

    __tablename__ = "outlooks"
    id = Column(Integer, primary_key=True)
    direction = Column(String(16), nullable=False)  # "growing" | "declining"
    percent = Column(Float)
    horizon = Column(String(64))
    average_percent = Column(Float)
    pace = Column(String(64))  # "much faster than the average"
    source_org = Column(String(128))


class Openings(CareerFact, Base):
    __tablename__ = "openings"
    id = Column(Integer, primary_key=True)
    per_year = Column(Integer, nullable=False)
    qualifier = Column(String(32))
    horizon = Column(String(64))
    source_org = Column(String(128))


class Category(CareerFact, Base):
    """The occupational category a statistics agency files the career under."""

    __tablename__ = "categories"
    id = Column(Integer, primary_key=True)
    name = Column(String(255), nullable=False)
    source_org = Column(String(128))


class Ranking(CareerFact, Base):
    __tablename__ = "rankings"
    id = Column(Integer, primary_key=True)
    rank = Column(Integer, nullable=False)
    list_name = Column(String(255), nullable=False)
    publisher = Column(String(255))


class Skill(CareerFact, Base):
    __tablename__ = "skills"
    id = Column(Integer, primary_key=True)
    name = Column(String(255), nullable=False)
    kind = Column(String(16), nullable=False)  # "hard" | "soft"
    description = Column(Text)
    examples = relationship("SkillExample", cascade="all, delete-orphan", order_by="SkillExample.id", lazy="selectin")


class SkillExample(Provenance, Base):
    """A named language, server or database listed for a skill."""

    __tablename__ = "skill_examples"
    id = Column(Integer, primary_key=True)
    skill_id = Column(ForeignKey("skills.id", ondelete="CASCADE"), nullable=False, index=True)
    name = Column(String(255), nullable=False)
    category = Column(String(32), nullable=False)  # "language" | "server" | "database" | ...


class CareerAlias(CareerFact, Base):
    """Another name a document itself defines for a career ("Registered nurses (RNs)" -> RN). A fact of
    its document, unlike the curated ``Alias``es, so rebuilding or removing the document updates it."""

    __tablename__ = "career_aliases"
    id = Column(Integer, primary_key=True)
    alias = Column(String(255), nullable=False)


class RelatedCareer(CareerFact, Base):
    __tablename__ = "related_careers"
    id = Column(Integer, primary_key=True)
    related_id = Column(ForeignKey("careers.id", ondelete="CASCADE"), nullable=False)
    related = relationship(Career, foreign_keys=[related_id], lazy="joined")


class CourseDescription(CourseFact, Base):
    __tablename__ = "course_descriptions"
    id = Column(Integer, primary_key=True)
    text = Column(Text, nullable=False)
    provider = Column(String(255))
    format = Column(String(255))


class CourseTopic(CourseFact, Base):
    __tablename__ = "course_topics"
    id = Column(Integer, primary_key=True)
    topic = Column(String(255), nullable=False)


class Mentoring(CourseFact, Base):
    __tablename__ = "mentoring"
    id = Column(Integer, primary_key=True)
    sessions = Column(Integer, nullable=False)


class Prerequisite(CourseFact, Base):
    __tablename__ = "prerequisites"
    id = Column(Integer, primary_key=True)
    text = Column(Text, nullable=False)


class Award(CourseFact, Base):
    __tablename__ = "awards"
    id = Column(Integer, primary_key=True)
    title = Column(String(255), nullable=False)
    awarded_by = Column(String(255))
    year = Column(Integer)


class CourseCareer(CourseFact, Base):
    """A course that prepares for a career ("become a Python Developer")."""

    __tablename__ = "course_careers"
    id = Column(Integer, primary_key=True)
    career_name = Column(String(255), nullable=False)


class ProviderFact(Provenance, Base):
    __tablename__ = "provider_facts"
    id = Column(Integer, primary_key=True)
    provider = Column(String(255), nullable=False)
    attribute = Column(String(32), nullable=False)  # "location", "licensing", "retake", ...
    value = Column(Text, nullable=False)


class Passage(Provenance, Base):
    """One sentence of a document, for questions no structured fact answers."""

    __tablename__ = "passages"
    id = Column(Integer, primary_key=True)
    position = Column(Integer, nullable=False)


FACT_MODELS: tuple[type[Base], ...] = (
    CareerDescription,
    Salary,
    SalaryComparison,
    Outlook,
    Openings,
    Category,
    Ranking,
    SkillExample,
    Skill,
    RelatedCareer,
    CareerAlias,
    CourseDescription,
    CourseTopic,
    Mentoring,
    Prerequisite,
    Award,
    CourseCareer,
    ProviderFact,
    Passage,
)
"""Every table whose rows belong to one document (children before parents)."""
