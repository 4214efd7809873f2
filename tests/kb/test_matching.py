"""Names are found in free text despite case, plurals, hyphens and typos, without false alarms."""

from __future__ import annotations

import pytest

from kb.matching import Term, Vocabulary, job_titles, normalize

VOCAB = Vocabulary(
    [
        Term("Software Developer", "Software Developer", "career"),
        Term("Database Architect", "Database Architect", "career"),
        Term("DB architect", "Database Architect", "career"),
        Term("Front End Developer", "Front End Developer", "career"),
        Term("Back End Developer", "Back End Developer", "career"),
        Term("backend dev", "Back End Developer", "career"),
        Term("Python Developer Certificate", "Python Developer Certificate", "course"),
        Term("JavaScript Development Certificate", "JavaScript Development Certificate", "course"),
        Term("Django", "Django", "topic"),
        Term("SQL", "SQL", "topic"),
    ]
)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("what does a sofware devloper earn", "Software Developer"),
        ("SOFTWARE DEVELOPER SALARY", "Software Developer"),
        ("what about software developers?", "Software Developer"),
        ("db architect pay", "Database Architect"),
        ("is back-end development growing", "Back End Developer"),
        ("how much does a backend dev make", "Back End Developer"),
    ],
)
def test_careers_are_found_whatever_the_spelling(text: str, expected: str) -> None:
    assert [(m.canonical, m.label) for m in VOCAB.find(text)] == [(expected, "career")]


def test_front_and_back_end_are_not_confused() -> None:
    assert [m.canonical for m in VOCAB.find("front end developer vs back end developer")] == [
        "Front End Developer",
        "Back End Developer",
    ]


def test_short_names_need_an_exact_match() -> None:
    assert [m.canonical for m in VOCAB.find("learn sql or sq or sqs")] == ["SQL"]
    assert VOCAB.find("what is the weather like") == []


def test_resolve_takes_a_unique_partial_name() -> None:
    assert VOCAB.resolve("the javascript one", "course") == "JavaScript Development Certificate"
    assert VOCAB.resolve("the certificate", "course") is None  # both courses are certificates
    assert VOCAB.resolve("nurse", "career") is None


def test_generic_job_titles_are_recognised_even_when_unknown() -> None:
    assert [t for _, _, t in job_titles("how much do nurses and data scientists make")] == ["nurses", "data scientists"]


def test_normalize_folds_case_plurals_hyphens_and_possessives() -> None:
    assert normalize("Back-End Developers’s") == "back end developer"
