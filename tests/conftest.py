"""Shared fixtures: real knowledge bases built from real documents."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from bot import settings
from kb import builder
from kb.query import KnowledgeBase

SHIPPED_DOCUMENTS = settings.ROOT / "kb" / "documents"
SECOND_DOCUMENT = Path(__file__).parent / "documents" / "data-careers-at-a-glance.txt"


def build_kb(tmp: Path, *documents: Path) -> str:
    """A SQLite KB built from copies of ``documents``; returns its URL."""
    folder = tmp / "documents"
    folder.mkdir(parents=True, exist_ok=True)
    for document in documents:
        shutil.copy(document, folder / document.name)
    url = f"sqlite:///{tmp / 'kb.sqlite3'}"
    report = builder.build(folder, url)
    assert report.ok, report.errors
    return url


@pytest.fixture(scope="session")
def shipped_kb_url(tmp_path_factory: pytest.TempPathFactory) -> str:
    return build_kb(tmp_path_factory.mktemp("shipped"), *sorted(SHIPPED_DOCUMENTS.glob("*.txt")))


@pytest.fixture(scope="session")
def kb(shipped_kb_url: str) -> KnowledgeBase:
    return KnowledgeBase(shipped_kb_url)


@pytest.fixture(scope="session")
def second_kb(tmp_path_factory: pytest.TempPathFactory) -> KnowledgeBase:
    return KnowledgeBase(build_kb(tmp_path_factory.mktemp("second"), SECOND_DOCUMENT))
