"""A figure is quoted with the year it is for, and one more than ``stale_years`` ago is said to be old: the
year the sentence gives it ("in May 2011"), else the year the document says it was written or updated."""

from __future__ import annotations

from pathlib import Path

import pytest

from kb import report
from kb.query import KnowledgeBase
from tests.actions.conftest import executor_for, runner
from tests.conftest import build_kb

pytestmark = pytest.mark.unit

OLD = """Plumbers

Pay
In May 2011, plumbers earned a median annual wage of $46,660.
"""
UNDATED_FIGURE = """Welders

Last updated: March 2012

Pay
Welders earn a median annual wage of $35,450.
"""
RECENT = """Electricians

Pay
In May 2024, electricians earned a median annual wage of $61,590.
"""


@pytest.fixture(scope="module")
def url(tmp_path_factory: pytest.TempPathFactory) -> str:
    source = tmp_path_factory.mktemp("sources")
    for name, text in (("plumbers.txt", OLD), ("welders.txt", UNDATED_FIGURE), ("electricians.txt", RECENT)):
        (source / name).write_text(text, encoding="utf-8")
    return build_kb(tmp_path_factory.mktemp("kb"), *sorted(source.iterdir()))


@pytest.fixture(scope="module")
def ask(url: str):
    return runner(executor_for(KnowledgeBase(url, stale_years=5)))


def test_a_figure_for_a_year_long_past_is_said_to_be_old(ask) -> None:
    reply = ask("action_answer_salary", "what do plumbers earn?", {"career": "plumbers"}).text
    assert "$46,660" in reply and "(May 2011 figure, may be out of date)" in reply


def test_a_figure_without_a_year_is_as_old_as_its_document(ask) -> None:
    reply = ask("action_answer_salary", "what do welders earn?", {"career": "welders"}).text
    assert "$35,450" in reply and "(2012 figure, may be out of date)" in reply


def test_a_recent_figure_is_quoted_with_its_date_alone(ask) -> None:
    reply = ask("action_answer_salary", "what do electricians earn?", {"career": "electricians"}).text
    assert "$61,590" in reply and "(May 2024)" in reply and "out of date" not in reply


def test_how_old_is_old_is_the_operators_setting(url: str) -> None:
    lenient = runner(executor_for(KnowledgeBase(url, stale_years=50)))
    reply = lenient("action_answer_salary", "what do plumbers earn?", {"career": "plumbers"}).text
    assert "(May 2011)" in reply and "out of date" not in reply


def test_the_report_lists_documents_whose_newest_figure_is_old(url: str) -> None:
    documents = {d.name: d for d in report.documents(url, stale_years=5)}
    assert [(n, d.newest) for n, d in documents.items() if d.old] == [("plumbers.txt", 2011), ("welders.txt", 2012)]
    assert documents["electricians.txt"].newest == 2024
    page = report.to_html(list(documents.values()))
    assert page.count("old figures: the newest is for") == 2


def test_the_report_opens_with_every_document_unreadable_ones_included(url: str, tmp_path: Path) -> None:
    documents = report.documents(url)
    page = report.to_html(documents, {"scan.pdf": "scan.pdf: has no text layer (a scanned PDF?): it needs OCR"})
    first_screen = page[: page.index("</table>")]
    assert all(f">{d.name}</a>" in first_screen for d in documents)
    assert "<td>TXT</td>" in first_screen and "<td>PDF</td>" in first_screen
    assert "not read: has no text layer (a scanned PDF?): it needs OCR" in first_screen


def test_a_year_in_a_figures_label_is_the_year_it_is_for(tmp_path: Path) -> None:
    """A facts box writes the year in the label ("2015 Median Pay: $50,620 per year")."""
    source = tmp_path / "facts.txt"
    source.write_text("Glaziers\n\nQuick Facts\n2015 Median Pay: $40,020 per year\n", encoding="utf-8")
    ask = runner(executor_for(KnowledgeBase(build_kb(tmp_path / "kb", source), stale_years=5)))
    reply = ask("action_answer_salary", "what do glaziers earn?", {"career": "glaziers"}).text
    assert "$40,020" in reply and "(2015 figure, may be out of date)" in reply
