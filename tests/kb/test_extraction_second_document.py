"""A second document, in report style, proves the builder is not fitted to one article."""

from __future__ import annotations

import pytest

from kb.query import KnowledgeBase

pytestmark = pytest.mark.unit


def test_careers_from_plural_headings(second_kb: KnowledgeBase) -> None:
    assert second_kb.careers() == ["Data Entry Clerk", "Data Scientist", "Web Developer"]
    assert second_kb.main_careers() == []


def test_median_annual_and_hourly_wages(second_kb: KnowledgeBase) -> None:
    [scientist] = second_kb.salaries("Data Scientist")
    assert (scientist.amount, scientist.statistic, scientist.period, scientist.as_of, scientist.source_org) == (
        112590,
        "median",
        "year",
        "May 2024",
        "BLS",
    )
    [web] = second_kb.salaries("Web Developer")
    assert (web.amount, web.statistic, web.source_org) == (95380, "median", None)
    [clerk] = second_kb.salaries("Data Entry Clerk")
    assert (clerk.amount, clerk.period) == (19.05, "hour")


def test_projected_growth_and_decline_with_year_ranges(second_kb: KnowledgeBase) -> None:
    [scientist] = second_kb.outlook("Data Scientist")
    assert (scientist.direction, scientist.percent, scientist.horizon, scientist.pace) == (
        "growing",
        34,
        "from 2024 to 2034",
        "much faster than the average for all occupations",
    )
    [clerk] = second_kb.outlook("Data Entry Clerk")
    assert (clerk.direction, clerk.percent) == ("declining", 26)


def test_openings_per_year(second_kb: KnowledgeBase) -> None:
    assert [(o.per_year, o.qualifier, o.horizon) for o in second_kb.openings("Data Scientist")] == [
        (23400, "about", "over the decade")
    ]
    assert [o.per_year for o in second_kb.openings("Web Developer")] == [14500]


def test_descriptions_and_course(second_kb: KnowledgeBase) -> None:
    assert second_kb.descriptions("Web Developer")[0].text.startswith("Web developers create and maintain websites.")
    course = "Data Analytics Certificate"
    assert second_kb.courses() == [course]
    assert {t.text for t in second_kb.course_topics(course)} >= {"Python", "SQL", "Tableau"}
    assert [m.sessions for m in second_kb.mentoring(course)] == [6]
    assert [(a.title, a.awarded_by, a.year) for a in second_kb.awards(course)] == [
        ("Best Data Bootcamp", "Course Report", 2023)
    ]
    assert [p.text for p in second_kb.prerequisites(course)] == ["basic spreadsheet skills"]
