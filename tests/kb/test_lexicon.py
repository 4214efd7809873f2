"""Which nouns WordNet makes occupations, on nouns from many fields and on nouns that head other sections."""

from __future__ import annotations

import time

import pytest

from kb import lexicon, patterns

pytestmark = pytest.mark.unit

OCCUPATIONS = """
actuary statistician pharmacist electrician plumber welder nurse teacher hygienist technician developer engineer
designer analyst architect clerk accountant researcher administrator programmer therapist assistant scientist
manager physician surgeon dentist lawyer attorney paralegal librarian economist chef cook baker carpenter mechanic
pilot firefighter veterinarian journalist editor writer translator auditor bookkeeper cashier banker broker
underwriter consultant counselor psychologist biologist chemist physicist geologist mathematician photographer
illustrator animator receptionist secretary janitor machinist paramedic optometrist radiologist steamfitter
specialist instructor professor tutor
""".split()
NOT_OCCUPATIONS = """
student patient employer customer user graduate pay outlook salary education skills duties environment summary
overview faq course program certificate bootcamp tuition policy location question answer career job work field
industry
""".split()


@pytest.mark.parametrize("noun", OCCUPATIONS)
def test_occupations(noun: str) -> None:
    assert lexicon.load().is_occupation(noun)
    assert lexicon.load().is_occupation(noun.capitalize() + "s")


@pytest.mark.parametrize("noun", NOT_OCCUPATIONS)
def test_not_occupations(noun: str) -> None:
    assert not lexicon.load().is_occupation(noun)


def test_singulars_keep_the_words_capitals() -> None:
    words = "Actuaries ACTUARIES pharmacists Statisticians Welders Women analyses SREs".split()
    assert [lexicon.load().singular(w) for w in words] == [
        "Actuary", "ACTUARY", "pharmacist", "Statistician", "Welder", "Woman", "analysis", "SREs"
    ]  # fmt: skip


def test_loaded_once_per_process() -> None:
    lexicon.load()
    started = time.perf_counter()
    assert lexicon.load() is lexicon.load()
    assert time.perf_counter() - started < 0.01


@pytest.mark.parametrize(
    ("heading", "title"),
    [
        ("Actuary", "Actuary"),
        ("Pharmacists", "Pharmacist"),
        ("ACTUARIES", "Actuary"),
        ("FINANCIAL ANALYSTS", "Financial Analyst"),
        ("Registered Nurses (RNs)", "Registered Nurse"),
        ("Site Reliability Engineer (SRE)", "Site Reliability Engineer"),
        ("How much do UX designers make?", "UX Designer"),
        ("What does a UX designer do?", "UX Designer"),
        ("What is a Back End Developer?", "Back End Developer"),
        ("Kindergarten and elementary school teachers", "Kindergarten and Elementary School Teacher"),
        ("Pay", None),
        ("Job Outlook", None),
        ("Work Environment", None),
        ("How to Become a Registered Nurse", None),
        ("What Registered Nurses Do", None),
        ("HOW TO BECOME AN ACTUARY", None),
        ("Quick Facts: Registered Nurses", None),
        ("Teacher pay", None),
        ("Accountants and Auditors", None),
        ("Certified Nursing Assistant (CNA) Training", None),
        ("Students", None),
        ("Is UX design a growing field?", None),
    ],
)
def test_career_titles_of_headings(heading: str, title: str | None) -> None:
    assert patterns.career_title(heading) == title


def test_headings_listing_careers_and_paragraph_leads() -> None:
    assert patterns.career_titles("Careers: Actuaries, Statisticians and Financial Analysts") == [
        "Actuary", "Statistician", "Financial Analyst"
    ]  # fmt: skip
    assert patterns.career_titles("Skills, Tools and Certifications") == []
    assert patterns.lead_title("Accountant (after transfer to a bachelor's program)") == "Accountant"
    assert patterns.lead_title("Licensed Practical Nurses: they provide basic nursing care.") == (
        "Licensed Practical Nurse"
    )
    assert patterns.lead_title("Career: Middle School Teachers; Median pay: $62,970") == "Middle School Teacher"
    assert patterns.lead_title("Students who place below college-level math take a review course.") is None


@pytest.mark.parametrize(
    ("word", "place_or_time"),
    [("Ohio", True), ("Columbus", True), ("September", True), ("Monday", True), ("Python", False), ("Java", False)],
)
def test_places_and_times_are_told_from_subjects_sharing_their_capitals(word: str, place_or_time: bool) -> None:
    assert lexicon.load().is_place_or_time(word) is place_or_time
