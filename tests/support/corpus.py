"""The test corpus (tests/CORPUS.md) and the bot on it.

Four parts: the documents the team wrote (``tests/documents``, held-out ones in ``heldout/``) and real
public career pages (``tests/documents/real``, held-out ones in ``real/heldout/``). Each document has a
gold table (``gold/<name>.yml`` beside its part) and visitor conversations
(``tests/eval/conversations/…/<name>.yml``). The shipped documents count with the written tuning part.
Used by ``make eval``, the gold-fact tests and the benchmark.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import yaml

from bot import settings
from kb import builder
from kb.matching import normalize
from kb.query import KnowledgeBase

CORPUS = settings.ROOT / "tests" / "documents"
REAL = CORPUS / "real"
CONVERSATIONS = settings.ROOT / "tests" / "eval" / "conversations"
SHIPPED_DOCUMENTS = settings.ROOT / "kb" / "documents"
SUFFIXES = (".txt", ".md", ".html")
PARTS = {"tuning": CORPUS, "held out": CORPUS / "heldout", "real": REAL, "real held out": REAL / "heldout"}
"""Each part's documents folder; held-out documents are never read while the reader is tuned."""


def documents(part: str | None = None) -> list[Path]:
    """The documents of one part (the written tuning part includes the shipped documents), or of all."""
    if part is None:
        return [p for name in PARTS for p in documents(name)]
    found = sorted(p for p in PARTS[part].glob("*") if p.is_file() and p.suffix in SUFFIXES)
    return found + (sorted(SHIPPED_DOCUMENTS.glob("*.txt")) if part == "tuning" else [])


def part_of(document: Path) -> str:
    """The part a document is in; the shipped documents count with the written tuning part."""
    return next((name for name, folder in PARTS.items() if document.resolve().parent == folder), "tuning")


def _is_real(document: Path) -> bool:
    return part_of(document).startswith("real")


def _held(document: Path) -> str:
    return "heldout" if part_of(document).endswith("held out") else ""


def gold_path(document: Path) -> Path:
    return (REAL if _is_real(document) else CORPUS) / "gold" / _held(document) / f"{document.name}.yml"


def gold(document: Path) -> dict:
    return yaml.safe_load(gold_path(document).read_text(encoding="utf-8"))


def names(gold: dict) -> dict[str, set[str]]:
    """Each subject of a gold table -> the names it goes by there (its own and its variants), normalized."""
    return {
        subject["name"]: {normalize(n) for n in [subject["name"], *(subject.get("variants") or [])]}
        for key in ("careers", "groups", "courses", "providers")
        for subject in gold.get(key) or []
    }


def conversations_path(document: Path) -> Path:
    return CONVERSATIONS / ("real" if _is_real(document) else "") / _held(document) / f"{document.name}.yml"


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
