"""The report tells an operator what was read from each document: careers, courses, facts by kind with
their source sentences, the sentences no fact cites, and documents in which nothing was found."""

from __future__ import annotations

import time
from html import escape
from pathlib import Path

import pytest

from kb import report
from kb.query import KnowledgeBase
from tests.conftest import build_kb

pytestmark = pytest.mark.unit

SCRIPTED = "Careers in Data\n\nData Scientists\n\nData scientists earn about $100,000 a year.\n" + (
    "Read on for <script>alert(1)</script> more.\n"
)
NOTHING = "Opening Hours\n\nThe office opens at nine every morning.\nIt closes at five.\n"


@pytest.fixture(scope="module")
def tiny_url(tmp_path_factory: pytest.TempPathFactory) -> str:
    """A KB of two small documents: one with a career and markup, one with neither career nor course."""
    source = tmp_path_factory.mktemp("sources")
    (source / "scripted.txt").write_text(SCRIPTED, encoding="utf-8")
    (source / "notes.txt").write_text(NOTHING, encoding="utf-8")
    return build_kb(tmp_path_factory.mktemp("tiny"), source / "scripted.txt", source / "notes.txt")


def test_the_summary_lists_the_shipped_articles_careers_and_courses(shipped_kb_url: str, kb: KnowledgeBase) -> None:
    (document,) = report.documents(shipped_kb_url)
    assert document.name == "back-end-developer-careers.txt"
    assert document.careers == kb.careers() and len(document.careers) == 6
    assert sorted(document.courses) == sorted(kb.courses()) and len(document.courses) == 6
    assert document.counts["pay"] >= sum(len(kb.salaries(c)) for c in kb.careers()) > 0
    assert sum(document.counts.values()) == len(document.facts)
    assert 0 < len(document.unattributed) < document.sentences
    assert not document.empty


def test_the_html_shows_every_salary_with_its_source_sentence(shipped_kb_url: str, kb: KnowledgeBase) -> None:
    html = report.to_html(report.documents(shipped_kb_url))
    salaries = [s for c in kb.careers() for s in kb.salaries(c)]
    assert salaries
    for salary in salaries:
        assert escape(salary.source.sentence) in html
    assert "Career: Back End Developer" in html and "Course: Python Developer Certificate" in html


def test_the_report_of_the_shipped_document_takes_well_under_a_second(shipped_kb_url: str) -> None:
    started = time.monotonic()
    report.to_html(report.documents(shipped_kb_url))
    assert time.monotonic() - started < 0.5


def test_document_strings_are_escaped(tiny_url: str) -> None:
    html = report.to_html(report.documents(tiny_url))
    assert "<script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_a_document_with_no_career_or_course_is_flagged(tiny_url: str) -> None:
    documents = {d.name: d for d in report.documents(tiny_url)}
    assert documents["scripted.txt"].careers == ["Data Scientist"] and not documents["scripted.txt"].empty
    nothing = documents["notes.txt"]
    assert nothing.empty and nothing.facts == [] and nothing.sentences == len(nothing.unattributed) == 2
    assert "No career or course." in report.to_html(list(documents.values()))


def test_unattributed_sentences_are_those_no_fact_cites(tiny_url: str) -> None:
    (scripted,) = [d for d in report.documents(tiny_url) if d.name == "scripted.txt"]
    assert scripted.unattributed == [("Data Scientists", "Read on for <script>alert(1)</script> more.")]
    assert {f.kind for f in scripted.facts} == {"overview", "pay"}
    (salary,) = [f for f in scripted.facts if f.kind == "pay"]
    assert dict(salary.values) == {
        "value": "$100,000",
        "number": "100000",
        "unit": "USD",
        "period": "year",
        "hedge": "about",
    }
    assert salary.sentence == "Data scientists earn about $100,000 a year."


def test_an_empty_kb_reports_no_documents(tmp_path: Path) -> None:
    url = build_kb(tmp_path)
    assert report.documents(url) == []
    assert "0 document(s)" in report.to_html([])
