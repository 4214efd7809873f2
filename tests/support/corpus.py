"""The bot on the whole test corpus: every document of tests/documents (its top level and heldout/) and
the shipped documents, built into a folder of their own. Used by `make eval` and the benchmark."""

from __future__ import annotations

import shutil
from pathlib import Path

from bot import settings
from kb import builder
from kb.query import KnowledgeBase

CORPUS = settings.ROOT / "tests" / "documents"  # its held-out documents are in a folder of their own
SHIPPED_DOCUMENTS = settings.ROOT / "kb" / "documents"


def documents() -> list[Path]:
    """Every document of the test corpus, held-out ones included, and the shipped documents."""
    paths = [p for folder in (CORPUS, CORPUS / "heldout") for p in sorted(folder.glob("*")) if p.is_file()]
    return paths + sorted(SHIPPED_DOCUMENTS.glob("*.txt"))


def build(build_dir: Path, paths: list[Path]) -> dict[str, str]:
    """Copies of ``paths`` in ``build_dir``/documents, their KB and mention vocabulary in ``build_dir``;
    returns the environment that points the servers at them (``servers.running(extra_env=...)``)."""
    folder = build_dir / "documents"
    folder.mkdir(parents=True)
    for path in paths:
        shutil.copy(path, folder / path.name)
    url = f"sqlite:///{build_dir / 'kb.sqlite3'}"
    report = builder.build(folder, url)
    if not report.ok:
        raise RuntimeError(f"the corpus KB did not build: {report.errors}")
    KnowledgeBase(url).vocabulary.save(build_dir / "mentions.json")
    return {"CAREERBOT_BUILD_DIR": str(build_dir), "CAREERBOT_DOCUMENTS_DIR": str(folder), "CAREERBOT_KB_URL": url}
