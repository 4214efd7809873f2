"""Shared fixtures, and the test layers.

Every test session builds into a temporary folder of its own (``CAREERBOT_BUILD_DIR``,
``CAREERBOT_MODELS_DIR``, set below before anything reads the settings): the KB, the mention
vocabulary, the trained model and the conversations never touch the working copy's ``build/`` and
``models/``, and the model is trained once for all tests that need it (``trained_bot``).

Each test belongs to exactly one layer, by a module-level ``pytestmark``: ``unit`` (in-process,
the quick layer: ``make test-fast``), ``e2e`` (real servers on loopback, a trained model),
``browser`` (the widget in headless Chromium) or ``scale`` (PostgreSQL, Redis, nginx).
"""

from __future__ import annotations

import importlib
import os
import shutil
import tempfile
from pathlib import Path

from bot import settings

_WORK = Path(tempfile.mkdtemp(prefix="careerbot-tests-"))
for _variable in settings.VARIABLES:  # the embedded defaults, whatever the developer's shell has
    os.environ.pop(_variable.name, None)
os.environ["CAREERBOT_BUILD_DIR"] = str(_WORK / "build")
os.environ["CAREERBOT_MODELS_DIR"] = str(_WORK / "models")
importlib.reload(settings)

import pytest  # noqa: E402

from kb import builder  # noqa: E402
from kb.query import KnowledgeBase  # noqa: E402

LAYERS = ("unit", "e2e", "browser", "scale")
SHIPPED_DOCUMENTS = settings.ROOT / "kb" / "documents"
SECOND_DOCUMENT = Path(__file__).parent / "documents" / "data-careers-at-a-glance.txt"
CORPUS = Path(__file__).parent / "documents"  # the test corpus; its held-out documents are in a folder of their own
OUTPUT = settings.ROOT / "tests" / "output"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        layers = [m.name for m in item.iter_markers() if m.name in LAYERS]
        if len(layers) != 1:
            raise pytest.UsageError(f"{item.nodeid} must be marked with exactly one of {LAYERS}, not {layers}")


def pytest_sessionfinish() -> None:
    shutil.rmtree(_WORK, ignore_errors=True)


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
def corpus_kb(tmp_path_factory: pytest.TempPathFactory) -> KnowledgeBase:
    """The KB of the test corpus (not its held-out documents) and the shipped document."""
    corpus = [p for p in CORPUS.glob("*") if p.is_file()] + sorted(SHIPPED_DOCUMENTS.glob("*.txt"))
    return KnowledgeBase(build_kb(tmp_path_factory.mktemp("corpus"), *corpus))


@pytest.fixture(scope="session")
def second_kb(tmp_path_factory: pytest.TempPathFactory) -> KnowledgeBase:
    return KnowledgeBase(build_kb(tmp_path_factory.mktemp("second"), SECOND_DOCUMENT))


@pytest.fixture(scope="session")
def trained_bot() -> Path:
    """The KB, the mention vocabulary and the Rasa model, built and trained once into this session's
    temporary folder (as `make train` does); returns the model folder."""
    from bot.launch import cli

    assert cli.build_kb()
    cli.train()
    return settings.MODELS_DIR
