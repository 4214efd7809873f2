"""Facts read from sentences, label lines and table rows: whose they are, and all that is said of them."""

from __future__ import annotations

import pytest

from kb import builder, patterns
from kb.extract.courses import _names_other_than_a_subject

pytestmark = pytest.mark.unit


def test_a_course_a_careers_section_offers_gets_its_own_figures() -> None:
    text = (
        "# Driving jobs\n\n## Truck Driver\n\nTruck drivers earned a median annual wage of $57,440 in May 2024.\n\n"
        "A local school offers a Class A Fast Track course: 4 weeks of training for $5,450.\n"
    )
    findings = builder.extract("drivers.md", text).findings
    course = {(f.aspect, f.value) for f in findings if f.kind == "course"}
    assert {("price", "$5,450"), ("duration", "4 weeks")} <= course
    assert all(f.value != "$5,450" for f in findings if f.kind == "career")


def test_a_figure_stated_twice_keeps_who_reports_it() -> None:
    text = (
        "# Cloud careers\n\n| Career | Median salary |\n|---|---|\n| Cloud Engineer | $128,000 |\n\n"
        "## Cloud Engineer\n\nCloud engineers build cloud systems.\n\n"
        "**Median salary:** $128,000 per year (Nimbus Tech Salary Report, 2024)\n"
    )
    pay = [f for f in builder.extract("cloud.md", text).findings if f.aspect == "pay"]
    assert [(f.value, f.reporter) for f in pay] == [("$128,000", "Nimbus Tech Salary Report")]


@pytest.mark.parametrize(
    ("text", "run", "not_a_subject"),
    [
        ("ACC 101", ["ACC"], True),
        ("Python 3", ["Python"], False),
        ("Tuition: $900", ["Tuition"], True),
        ("Java: the core language", ["Java"], False),
        ("Tucson, Arizona", ["Tucson"], True),
    ],
)
def test_labels_course_codes_and_places_are_no_course_topics(text: str, run: list[str], not_a_subject: bool) -> None:
    doc = patterns.tokens(text)
    assert _names_other_than_a_subject(run, doc[len(run)]) is not_a_subject
