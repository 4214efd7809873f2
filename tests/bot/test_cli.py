"""``make kb`` says what it read: a line per document read this time, a warning for a document in which
no career or course was found, and where the report with every fact is."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from bot import settings
from bot.launch import cli
from tests.conftest import SHIPPED_DOCUMENTS

pytestmark = pytest.mark.unit

SHIPPED = SHIPPED_DOCUMENTS / "back-end-developer-careers.txt"


@pytest.fixture
def build_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The settings of a fresh build folder, with the shipped document and one that names no career, so
    what is printed does not depend on what other tests built in the session's folder."""
    documents, build = tmp_path / "documents", tmp_path / "build"
    documents.mkdir()
    shutil.copy(SHIPPED, documents / SHIPPED.name)
    (documents / "notes.txt").write_text("Opening Hours\n\nThe office opens at nine every morning.\n", encoding="utf-8")
    monkeypatch.setattr(settings, "DOCUMENTS_DIR", documents)
    monkeypatch.setattr(settings, "BUILD_DIR", build)
    monkeypatch.setattr(settings, "KB_URL", f"sqlite:///{build / 'kb.sqlite3'}")
    monkeypatch.setattr(settings, "MENTIONS_FILE", build / "mentions.json")
    return build


def test_build_kb_prints_each_document_read_warns_and_writes_the_report(
    build_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli.build_kb()
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("Knowledge base: 2 document(s) read, 0 unchanged, 0 removed; 6 careers, 6 courses")
    assert (
        f"  {SHIPPED.name}: 6 careers, 6 courses, " in lines[1]
        and " sentences not attributed" in lines[1]
        and "pay 5" in lines[2]
    )
    assert "  WARNING notes.txt: no career or course found" in "\n".join(lines)
    report = build_dir / "kb-report.html"
    assert lines[-1] == f"  Report, every fact with its source sentence: {report}"
    assert report.is_file() and SHIPPED.name in report.read_text(encoding="utf-8")


def test_unchanged_documents_are_not_listed_again(build_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.build_kb()
    capsys.readouterr()
    assert cli.build_kb()
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("Knowledge base: 0 document(s) read, 2 unchanged")
    assert lines[1:] == [
        "  WARNING notes.txt: no career or course found; does a heading name each career?",
        f"  Report, every fact with its source sentence: {build_dir / 'kb-report.html'}",
    ]
