"""Figures as documents write them, with what the words around them say."""

from __future__ import annotations

import pytest

from kb import figures

pytestmark = pytest.mark.unit


def values(kind: str, text: str) -> list[tuple]:
    return [(f.text, f.number, f.high, f.unit, f.hedge) for f in figures.find(kind, text)]


def test_money_single_ranges_and_shorthand() -> None:
    assert values("money", "earned a median of $86,070 in May 2023; from $98,000 to $165,000") == [
        ("$86,070", 86070, None, "USD", None),
        ("$98,000 to $165,000", 98000, 165000, "USD", None),
    ]
    assert values("money", "about $117,000, according to the survey")[0][0] == "$117,000"  # not its comma
    assert values("money", "about $45.50 an hour, or $85k") == [
        ("$45.50", 45.5, None, "USD", "about"),
        ("$85k", 85000, None, "USD", None),
    ]


def test_percentages_counts_durations_and_sessions() -> None:
    assert values("percent", "grow 6 percent, or 6%") == [
        ("6 percent", 6, None, "percent", None),
        ("6%", 6, None, "percent", None),
    ]
    assert values("count", "about 193,100 openings in 2023; 3.3 million jobs") == [
        ("193,100", 193100, None, "count", "about"),
        ("3.3 million", 3300000, None, "count", None),
    ]
    assert values("duration", "16 weeks, then an 80-hour externship; part-time 3 to 4 years") == [
        ("16 weeks", 16, None, "week", None),
        ("80-hour", 80, None, "hour", None),
        ("3 to 4 years", 3, 4, "year", None),
    ]
    assert values("sessions", "Twelve one-on-one mentoring sessions") == [
        ("Twelve one-on-one mentoring sessions", 12, None, "sessions", None)
    ]


def test_what_the_words_around_a_figure_say() -> None:
    text = "The lowest 10 percent earned less than $63,720 a year, and the median hourly wage was $41.38 per hour."
    low, hourly = figures.find("money", text)
    assert (figures.statistic(text, low), figures.period(text, low)) == ("lowest 10 percent", "year")
    assert (figures.statistic(text, hourly), figures.period(text, hourly)) == ("median", "hour")
    text = "Welders earned a median annual wage of $48,940 in May 2023, or $23.53 an hour."
    yearly, hourly = figures.find("money", text)
    assert (figures.period(text, yearly), figures.period(text, hourly)) == ("year", "hour")  # said before it
    assert figures.as_of("employment in May 2023 was") == "May 2023"
    assert figures.horizon("projected to grow 9 percent from 2024 to 2034") == "from 2024 to 2034"
    assert figures.pace("much faster than the average for all occupations") == (
        "much faster than the average for all occupations"
    )


@pytest.mark.parametrize(
    ("text", "reporter"),
    [
        ("according to the U.S. Bureau of Labor Statistics (BLS), nurses earn", "BLS"),
        ("BLS data show that", "BLS"),
        ("The 2024 Harbor Tech Salary Report puts the median at", "Harbor Tech Salary Report"),
        ("according to Glassdoor, the average is", "Glassdoor"),
        ("nurses earn a good living", None),
    ],
)
def test_who_reports_a_figure(text: str, reporter: str | None) -> None:
    assert figures.reporter(text) == reporter
