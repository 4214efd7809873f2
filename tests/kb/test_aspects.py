"""The aspects registry: which aspect a heading, a document's sentence or a visitor's question is about."""

from __future__ import annotations

import pytest

from kb import aspects

pytestmark = pytest.mark.unit


@pytest.mark.parametrize(
    ("heading", "kind", "expected"),
    [
        ("Pay", "career", ["pay"]),
        ("How to Become a Registered Nurse", "career", ["education"]),
        ("Skills and tools", "career", ["tools", "skills"]),
        ("What Registered Nurses Do", "career", ["duties"]),
        ("What tools do UX designers use?", "career", ["tools"]),
        ("Tuition and fees", "course", ["price"]),
        ("Refund and withdrawal policy", "provider", ["refund"]),
    ],
)
def test_headings(heading: str, kind: str, expected: list[str]) -> None:
    assert [a.name for a in aspects.headed(heading, kind)] == expected


@pytest.mark.parametrize(
    ("question", "kind", "expected"),
    [
        ("how much do nurses make?", "career", "pay"),
        ("what tools do data scientists use", "career", "tools"),
        ("do nurses need a license", "career", "licensing"),
        ("what does a plumber do?", "career", "duties"),
        ("how long is the software engineering certificate", "course", "duration"),
        ("is it online?", "course", "format"),
        ("any scholarships?", "provider", "discount"),
    ],
)
def test_what_a_question_asks(question: str, kind: str, expected: str) -> None:
    assert aspects.asked(question, kind)[0].name == expected


@pytest.mark.parametrize(
    ("question", "aspect", "highest"),
    [
        ("what is the highest paying job?", "pay", True),
        ("which occupation is declining?", "outlook", False),
        ("which job has the most openings?", "openings", True),
        ("cheapest course?", "price", False),
        ("shortest program", "duration", False),
    ],
)
def test_rankings(question: str, aspect: str, highest: bool) -> None:
    found, wants_highest = aspects.ranking_asked(question)
    assert (found.name, wants_highest) == (aspect, highest)


def test_every_aspect_is_one_entry_with_a_kind_and_a_label() -> None:
    names = [a.name for a in aspects.ASPECTS]
    assert len(names) == len(set(names))
    assert all(a.subject in ("career", "course", "provider") and a.label for a in aspects.ASPECTS)
