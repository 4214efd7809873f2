"""The shipped article's facts, extracted by the builder, against a gold table."""

from __future__ import annotations

import pytest

from kb.query import KnowledgeBase

pytestmark = pytest.mark.unit

DOC = "back-end-developer-careers.txt"

CAREERS = [
    "Back End Developer",
    "Computer Programmer",
    "Database Architect",
    "Front End Developer",
    "Information Security Analyst",
    "Software Developer",
]

# career, amount, qualifier, statistic, source organisation, section
SALARIES = [
    ("Software Developer", 130000, None, "average", "BLS", "Software Developer"),
    ("Database Architect", 117000, "about", "average", "BLS", "Database Architect"),
    ("Computer Programmer", 99000, "just over", "average", "BLS", "Computer Programmer"),
    ("Information Security Analyst", 120000, None, "average", "BLS", "Information Security Analyst"),
]

# career, direction, percent, horizon, average percent, pace
OUTLOOK = [
    ("Software Developer", "growing", 17, "over the next ten years", 4, "much faster than the average"),
    ("Database Architect", "growing", 9, "over the next ten years", None, None),
    (
        "Information Security Analyst",
        "growing",
        32,
        "over the next ten years",
        None,
        "significantly faster than average",
    ),
    ("Computer Programmer", "declining", None, None, None, None),
]

COURSES = {
    # course: (mentoring sessions, prerequisites, some topics, award)
    "Full-Stack Web Development Certificate": (
        10,
        [],
        {"HTML", "CSS", "JavaScript", "Node.js", "MongoDB", "Express.js"},
        ("Best Full-Stack Developer Bootcamp", "Forbes Advisor", 2024),
    ),
    "Python Developer Certificate": (
        4,
        ["basic HTML and CSS skills"],
        {"Python", "Django", "Django REST", "Git", "SQL", "object-oriented programming"},
        ("Best Python Bootcamp", "Forbes Advisor", 2024),
    ),
    "JavaScript Development Certificate": (
        8,
        ["basic HTML and CSS skills"],
        {"JavaScript", "React", "Node.js", "APIs"},
        None,
    ),
    "Software Engineering Certificate": (
        12,
        [],
        {
            "React",
            "Django",
            "Python",
            "HTML",
            "CSS",
            "JavaScript",
            "Flexbox",
            "Grid",
            "Git",
            "AWS",
            "sorting algorithms",
        },
        None,
    ),
    "Web Development with HTML & CSS": (None, [], {"HTML", "CSS"}, None),
    "Advanced HTML and CSS": (
        None,
        ["the basics of HTML and CSS"],
        {"SVG", "CSS variables", "gradients", "shadows", "transitions", "responsive images"},
        None,
    ),
}


def test_careers_are_the_articles_job_titles(kb: KnowledgeBase) -> None:
    assert kb.careers() == CAREERS
    assert kb.main_careers() == ["Back End Developer"]


@pytest.mark.parametrize("career, amount, qualifier, statistic, org, section", SALARIES)
def test_salaries(kb: KnowledgeBase, career, amount, qualifier, statistic, org, section) -> None:
    [fact] = kb.salaries(career)
    assert (fact.amount, fact.qualifier, fact.period, fact.statistic, fact.source_org) == (
        amount,
        qualifier,
        "year",
        statistic,
        org,
    )
    assert (fact.source.document, fact.source.section) == (DOC, section)
    assert f"{amount:,}" in fact.source.sentence


def test_careers_without_a_salary_figure_have_none(kb: KnowledgeBase) -> None:
    assert kb.salaries("Back End Developer") == []
    assert kb.salaries("Front End Developer") == []
    [comparison] = kb.salary_comparisons("Back End Developer")
    assert (comparison.career, comparison.other, comparison.relation) == (
        "Front End Developer",
        "Back End Developer",
        "slightly less",
    )


@pytest.mark.parametrize("career, direction, percent, horizon, average, pace", OUTLOOK)
def test_outlook(kb: KnowledgeBase, career, direction, percent, horizon, average, pace) -> None:
    [fact] = kb.outlook(career)
    assert (fact.direction, fact.percent, fact.horizon, fact.average_percent, fact.pace, fact.source_org) == (
        direction,
        percent,
        horizon,
        average,
        pace,
        "BLS",
    )
    assert fact.source.section == career


def test_openings_and_categories_and_rankings(kb: KnowledgeBase) -> None:
    [openings] = kb.openings("Computer Programmer")
    assert (openings.per_year, openings.qualifier, openings.horizon) == (6400, "about", "over the next decade")
    assert [c.name for c in kb.categories("Software Developer")] == [
        "Software Developers, Quality Assurance Analysts, and Testers"
    ]
    assert [c.name for c in kb.categories("Database Architect")] == ["Database Administrators and Architects"]
    [ranking] = kb.rankings("Software Developer")
    assert (ranking.rank, ranking.list_name, ranking.publisher) == (
        1,
        "Best Technology Jobs",
        "U.S. News & World Report",
    )


def test_descriptions_open_each_career_section(kb: KnowledgeBase) -> None:
    assert kb.descriptions("Database Architect")[0].text.startswith("A Database Architect designs, builds, and manages")
    assert any(
        d.text.startswith("Back End Developers are responsible for building and maintaining")
        for d in kb.descriptions("Back End Developer")
    )


def test_general_skills_with_named_examples(kb: KnowledgeBase) -> None:
    skills = kb.skills("Back End Developer")
    assert [s.name for s in skills if s.kind == "hard"] == [
        "Fluency in Programming Languages",
        "Testing and Debugging",
        "Working with Servers",
        "Database Management",
        "API Knowledge",
    ]
    assert [s.name for s in skills if s.kind == "soft"] == ["Problem-Solving", "Communication"]
    examples = {c: [n for s in skills for n, cat in s.examples if cat == c] for c in ("language", "server", "database")}
    assert examples == {
        "language": ["Python", "JavaScript", "Ruby", "Java"],
        "server": ["Apache", "Microsoft", "NGINX"],
        "database": ["MySQL", "MongoDB", "PostgreSQL"],
    }


def test_career_specific_skills(kb: KnowledgeBase) -> None:
    software = {(s.name, s.kind) for s in kb.skills("Software Developer")}
    assert {
        ("coding skills", "hard"),
        ("an understanding of source control", "hard"),
        ("creativity", "soft"),
        ("analytical skills", "soft"),
        ("problem-solving skills", "soft"),
    } <= software


def test_related_careers_are_the_related_careers_section(kb: KnowledgeBase) -> None:
    assert [t.text for t in kb.related("Back End Developer")] == [
        "Software Developer",
        "Front End Developer",
        "Database Architect",
        "Computer Programmer",
        "Information Security Analyst",
    ]
    assert [t.text for t in kb.related("Database Architect")] == ["Back End Developer"]


@pytest.mark.parametrize("course", COURSES)
def test_courses(kb: KnowledgeBase, course: str) -> None:
    sessions, prerequisites, topics, award = COURSES[course]
    assert [m.sessions for m in kb.mentoring(course)] == ([sessions] if sessions else [])
    assert [p.text for p in kb.prerequisites(course)] == prerequisites
    assert topics <= {t.text for t in kb.course_topics(course)}
    assert [(a.title, a.awarded_by, a.year) for a in kb.awards(course)] == ([award] if award else [])
    info = kb.course(course)
    assert info is not None and info.provider == "Noble Desktop"


def test_course_list_and_formats(kb: KnowledgeBase) -> None:
    assert kb.courses() == list(COURSES)
    assert "multi-week" in kb.course("Software Engineering Certificate").format
    assert "a day or two" in kb.course("Web Development with HTML & CSS").format


def test_courses_prepare_for_the_careers_they_name(kb: KnowledgeBase) -> None:
    assert [t.subject for t in kb.courses_for_career("Back End Developer")] == list(COURSES)
    assert [t.subject for t in kb.courses_for_career("Python Developer")] == ["Python Developer Certificate"]


def test_provider_facts(kb: KnowledgeBase) -> None:
    facts: dict[str, list[str]] = {}
    for t in kb.provider():
        facts.setdefault(t.subject.split(":")[1], []).append(t.text)
    assert "New York City" in facts["location"]
    assert "New York State Education Department" in facts["accreditation"]
    assert "free retake within a year" in facts["retake"]
    assert "certificate of completion" in facts["certificate"]
    assert any("in-person and live online classes" in text for text in facts["format"])


def test_promotional_lines_are_not_facts(kb: KnowledgeBase) -> None:
    sentences = [p.text for p in kb.search("Full-Stack Web Development Certificate financing bootcamp", limit=50)]
    assert not any("Learn More" in s or "0% Financing" in s for s in sentences)
