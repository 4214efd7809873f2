"""The test corpus (tests/CORPUS.md) is sound: every gold value is copied from its
document, every document has its gold table and at least 15 conversations, and every conversation
is about a subject its gold table lists, or is marked as one no document has."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest
import yaml

from bot import settings

pytestmark = pytest.mark.unit

CORPUS = settings.ROOT / "tests" / "documents"
CONVERSATIONS = settings.ROOT / "tests" / "eval" / "conversations"
SHIPPED = settings.ROOT / "kb" / "documents"
DOCUMENTS = sorted([p for p in CORPUS.rglob("*") if p.suffix in (".txt", ".md", ".html")] + list(SHIPPED.glob("*.txt")))
ASPECTS = {
    "pay", "outlook", "openings", "employment", "education", "licensing", "certifications", "tools", "skills",
    "duties", "work_environment", "related_careers", "price", "duration", "schedule", "format", "topics",
    "prerequisites", "mentoring", "prepares_for", "awards", "location", "accreditation", "refund", "retake",
    "discount",
}  # fmt: skip


def visible_text(path: Path) -> str:
    text = path.read_text(encoding="utf-8")
    if path.suffix == ".html":
        text = re.sub(r"(?is)<(script|style)\b.*?</\1>", " ", text)
        text = html.unescape(re.sub(r"<[^>]+>", " ", text))
    return re.sub(r"\s+", " ", text)


def companion(folder: Path, document: Path) -> Path:
    held_out = "heldout" in document.parts
    return (folder / "heldout" if held_out else folder) / f"{document.name}.yml"


def test_the_corpus_has_ten_documents_in_eight_styles() -> None:
    golds = [yaml.safe_load(companion(CORPUS / "gold", d).read_text()) for d in DOCUMENTS if d.parent != SHIPPED]
    assert len(golds) >= 10
    assert len({g["style"] for g in golds}) >= 8


@pytest.mark.parametrize("document", DOCUMENTS, ids=lambda p: p.name)
def test_gold_values_are_copied_from_the_document(document: Path) -> None:
    gold = yaml.safe_load(companion(CORPUS / "gold", document).read_text())
    assert gold["document"] == document.name
    text = re.sub(r"\s+", " ", visible_text(document)).lower()
    subjects = {c["name"] for key in ("careers", "courses", "providers") for c in gold.get(key) or []}
    assert gold["facts"]
    for fact in gold["facts"]:
        assert fact["value"].lower() in text, fact
        assert fact["aspect"] in ASPECTS, fact
        assert fact["subject"] in subjects, fact


@pytest.mark.parametrize("document", DOCUMENTS, ids=lambda p: p.name)
def test_conversations_are_about_what_the_document_lists(document: Path) -> None:
    gold = yaml.safe_load(companion(CORPUS / "gold", document).read_text())
    talk = yaml.safe_load(companion(CONVERSATIONS, document).read_text())
    subjects = {c["name"] for key in ("careers", "courses", "providers") for c in gold.get(key) or []}
    assert talk["document"] == document.name
    assert len(talk["conversations"]) >= 15
    for conversation in talk["conversations"]:
        assert conversation["turns"], conversation["name"]
        for turn in conversation["turns"]:
            assert turn["say"].strip(), conversation["name"]
            assert turn.get("unknown") or turn.get("subject") in subjects | {None}, (conversation["name"], turn)
