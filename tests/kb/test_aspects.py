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
        ("what credentials can actuaries earn?", "career", "certifications"),  # named as a heading would
        ("how long does it take to become a fellow actuary?", "career", "education"),
        ("what do pharmacy technicians do all day?", "career", "duties"),
        ("what if I drop out in the second week?", "provider", "refund"),
        ("how many  are there in the US?", "career", "employment"),  # the name taken out of the question
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


def test_a_question_naming_an_aspect_as_a_heading_would_puts_it_first() -> None:
    assert [a.name for a in aspects.named("what qualities make a good nurse?", "career")] == ["skills"]
    assert [a.name for a in aspects.asked("what credentials can actuaries earn?", "career")][:2] == [
        "certifications",
        "pay",
    ]


def test_an_aspect_answered_in_anothers_place_is_about_the_same_kind_of_subject() -> None:
    for aspect in aspects.ASPECTS:
        for name in aspect.near:
            assert name != aspect.name and aspects.BY_NAME[name].subject == aspect.subject, (aspect.name, name)


def test_a_dollar_figure_after_a_space_is_a_price_cue() -> None:
    sentence = "The academy offers a truck-driving course: 4 weeks of weekday training for $5,450."
    assert [a.name for a in aspects.in_sentence(sentence, "course")] == ["price", "duration"]


def test_a_question_naming_no_subject_asks_the_aspect_it_names_outright() -> None:
    found = aspects.asked_of_any("whats the price of the masonry pre-apprenticeship", ("provider", "career", "course"))
    assert found is not None and found.name == "price"
    assert aspects.asked_of_any("hello there", ("provider", "career", "course")) is None
