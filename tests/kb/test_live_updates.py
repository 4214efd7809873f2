"""A KB rebuilt while it is read: a running ``KnowledgeBase`` answers from the new build after its next look
(``check_seconds``), readers never wait for the builder, and the mention vocabulary is saved atomically."""

from __future__ import annotations

import os
import sqlite3
import time
from pathlib import Path

import pytest

from kb import builder
from kb.matching import Term, Vocabulary
from kb.query import KnowledgeBase
from tests.conftest import SHIPPED_DOCUMENTS, build_kb

pytestmark = pytest.mark.unit

CHECK = 0.05  # seconds between looks for a new build, short for the tests
WIND = """Wind Turbine Technicians

Quick Facts: Wind Turbine Technicians
Median Pay, 2023: $61,770 per year
Job Outlook, 2023-33: 60% (Much faster than average)
"""


@pytest.fixture
def url(tmp_path: Path) -> str:
    return build_kb(tmp_path, SHIPPED_DOCUMENTS / "back-end-developer-careers.txt")


def test_a_running_kb_answers_from_a_rebuild_after_its_next_look(tmp_path: Path, url: str) -> None:
    kb = KnowledgeBase(url, check_seconds=CHECK)
    assert "Wind Turbine Technician" not in kb.careers() and kb.resolve("wind turbine technicians", "career") is None
    passages = kb._index_size[0]
    (tmp_path / "documents" / "wind-turbine-technicians.txt").write_text(WIND, encoding="utf-8")
    assert builder.build(tmp_path / "documents", url).built == ["wind-turbine-technicians.txt"]
    time.sleep(CHECK)
    assert kb.resolve("wind turbine technicians", "career") == "Wind Turbine Technician"
    assert [s.amount for s in kb.salaries("Wind Turbine Technician")] == [61770]
    assert kb._index_size[0] > passages
    (tmp_path / "documents" / "wind-turbine-technicians.txt").unlink()
    builder.build(tmp_path / "documents", url)
    time.sleep(CHECK)
    assert kb.resolve("wind turbine technicians", "career") is None
    assert kb._index_size[0] == passages


def test_a_burst_of_questions_looks_for_a_new_build_once(url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    kb = KnowledgeBase(url, check_seconds=60)
    looks = []
    monkeypatch.setattr(kb, "_newest_build", lambda: looks.append(1))
    kb._checked -= 60
    for _ in range(20):
        kb.careers()
        kb.resolve("software developer", "career")
    assert len(looks) == 1


def test_an_unchanged_rebuild_keeps_the_cached_vocabulary(tmp_path: Path, url: str) -> None:
    kb = KnowledgeBase(url, check_seconds=CHECK)
    vocabulary = kb.vocabulary
    builder.build(tmp_path / "documents", url)
    time.sleep(CHECK)
    assert kb.vocabulary is vocabulary


def test_a_sqlite_kb_keeps_a_write_ahead_log(url: str) -> None:
    """So readers never wait for the builder's commit."""
    with sqlite3.connect(url.removeprefix("sqlite:///")) as connection:
        assert connection.execute("PRAGMA journal_mode").fetchone() == ("wal",)


def test_readers_answer_while_the_builder_holds_its_write_lock(tmp_path: Path, url: str) -> None:
    kb = KnowledgeBase(url, check_seconds=0)
    writer = sqlite3.connect(url.removeprefix("sqlite:///"), isolation_level=None)
    writer.execute("BEGIN EXCLUSIVE")  # without the write-ahead log, this would keep every reader out
    writer.execute("DELETE FROM facts")
    started = time.monotonic()
    assert "Software Developer" in kb.careers()  # the KB as it was before the uncommitted change
    assert time.monotonic() - started < 1
    writer.execute("ROLLBACK")
    writer.close()


def test_the_vocabulary_is_saved_aside_then_renamed_into_place(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "mentions.json"
    Vocabulary([Term("Nurse", "Nurse", "career")]).save(path)
    with path.open(encoding="utf-8") as reader:  # a server reading the file as it is saved reads the old one
        Vocabulary([Term("Actuary", "Actuary", "career")]).save(path)
        assert "Nurse" in reader.read()
    assert [t.canonical for t in Vocabulary.load(path).terms] == ["Actuary"]

    def disk_full(*_: object) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", disk_full)
    with pytest.raises(OSError):
        Vocabulary([Term("Dentist", "Dentist", "career")]).save(path)
    assert [t.canonical for t in Vocabulary.load(path).terms] == ["Actuary"]
    assert [p.name for p in tmp_path.iterdir()] == ["mentions.json"]  # nothing left aside
