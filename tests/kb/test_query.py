"""The query API: resolving the user's words, comparing, searching passages, and failing clearly."""

from __future__ import annotations

from pathlib import Path

import pytest

from kb.db import KnowledgeBaseMissing
from kb.query import KnowledgeBase
from tests.conftest import build_kb

pytestmark = pytest.mark.unit


@pytest.mark.parametrize(
    "words, career",
    [
        ("infosec analyst", "Information Security Analyst"),
        ("information security", "Information Security Analyst"),
        ("DB architect", "Database Architect"),
        ("backend dev", "Back End Developer"),
        ("sofware devloper", "Software Developer"),
        ("programmers", "Computer Programmer"),
    ],
)
def test_resolve_careers_by_alias_plural_and_typo(kb: KnowledgeBase, words: str, career: str) -> None:
    assert kb.resolve(words, "career") == career


def test_unknown_or_hostile_names_resolve_to_nothing(kb: KnowledgeBase) -> None:
    for words in ("nurse", "astronaut", "'; DROP TABLE careers; --", "", "   "):
        assert kb.resolve(words, "career") is None
    assert "Software Developer" in kb.careers()


def test_compare_salary_and_growth(kb: KnowledgeBase) -> None:
    pay = kb.compare("Software Developer", "Database Architect", "salary")
    assert pay.leader == "Software Developer"
    growth = kb.compare("Software Developer", "Information Security Analyst", "growth")
    assert growth.leader == "Information Security Analyst"
    missing = kb.compare("Back End Developer", "Software Developer", "salary")
    assert missing.first is None and missing.leader is None


def test_courses_for_a_topic(kb: KnowledgeBase) -> None:
    assert [t.subject for t in kb.courses_for_topic("Django")] == [
        "Python Developer Certificate",
        "Software Engineering Certificate",
    ]
    assert [t.subject for t in kb.courses_for_topic("MongoDB")] == ["Full-Stack Web Development Certificate"]
    assert kb.courses_for_topic("Haskell") == []


@pytest.mark.parametrize(
    "question, expected",
    [
        ("when did the first website go live?", "went live in 1993"),
        ("what is an API?", "An Application Programming Interface (API) is an interface"),
        ("what is a server?", "A server is a system or computer"),
        ("what is responsive design?", "responsive design"),
    ],
)
def test_search_answers_general_questions_from_passages(kb: KnowledgeBase, question: str, expected: str) -> None:
    [hit] = kb.search(question)
    assert expected in hit.text
    assert hit.source.document == "back-end-developer-careers.txt"


def test_search_finds_nothing_for_unrelated_questions(kb: KnowledgeBase) -> None:
    assert kb.search("who won the football match yesterday?") == []


def test_missing_database_is_a_clear_error(tmp_path: Path) -> None:
    missing = tmp_path / "nope.sqlite3"
    with pytest.raises(KnowledgeBaseMissing, match=r"nope\.sqlite3.*make kb"):
        KnowledgeBase(f"sqlite:///{missing}")


def test_corrupt_database_is_a_clear_error(tmp_path: Path) -> None:
    corrupt = tmp_path / "corrupt.sqlite3"
    corrupt.write_bytes(b"this is not a database" * 100)
    with pytest.raises(KnowledgeBaseMissing, match=r"corrupt\.sqlite3.*make kb"):
        KnowledgeBase(f"sqlite:///{corrupt}")


def test_documents_that_disagree_are_each_quoted_newest_first(tmp_path: Path) -> None:
    """Two pages give web developers different growth: both figures come back, the newer projection first,
    each with its own source."""
    older = "Web Developers\n\nEmployment of web developers is projected to grow 8 percent from 2019 to 2029.\n"
    newer = "Web Developers\n\nEmployment of web developers is projected to grow 16 percent from 2022 to 2032.\n"
    (tmp_path / "a-2019.txt").write_text(older, encoding="utf-8")
    (tmp_path / "b-2022.txt").write_text(newer, encoding="utf-8")
    kb = KnowledgeBase(build_kb(tmp_path / "kb", tmp_path / "a-2019.txt", tmp_path / "b-2022.txt"))
    outlook = kb.outlook("Web Developer")
    assert [(f.percent, f.source.document) for f in outlook] == [(16, "b-2022.txt"), (8, "a-2019.txt")]
