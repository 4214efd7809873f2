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
from tests.support import corpus

pytestmark = pytest.mark.unit

DOCUMENTS = corpus.documents()
REAL_PAGES = corpus.documents("real") + corpus.documents("real held out")
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


def subjects(gold: dict) -> set[str]:
    return {c["name"] for key in ("careers", "groups", "courses", "providers") for c in gold.get(key) or []}


def test_the_written_corpus_has_ten_documents_in_eight_styles() -> None:
    golds = [corpus.gold(d) for d in DOCUMENTS if d not in REAL_PAGES and d.parent != corpus.SHIPPED_DOCUMENTS]
    assert len(golds) >= 10
    assert len({g["style"] for g in golds}) >= 8


def test_the_real_corpus_has_24_pages_in_ten_fields_a_third_held_out() -> None:
    golds = [corpus.gold(d) for d in REAL_PAGES]
    held_out = corpus.documents("real held out")
    assert len(golds) >= 24 and len(held_out) >= 8 and 3 * len(held_out) >= len(golds) - 2
    assert len({g["field"] for g in golds}) >= 10
    assert sum(1 for d in REAL_PAGES if d.suffix == ".html") >= 5
    assert all(g["source"].startswith("http") for g in golds)


def test_no_page_kept_for_the_independent_check_is_in_the_corpus() -> None:
    kept = settings.ROOT.parent / "shared" / "held-out-pages.txt"
    lines = kept.read_text(encoding="utf-8").splitlines() if kept.exists() else []
    addresses = [re.sub(r"^https?://(www\.)?", "", ln.split()[0].lower()) for ln in lines if ln.startswith("http")]
    sources = [corpus.gold(d)["source"].lower() for d in REAL_PAGES]
    assert not [(a, s) for a in addresses for s in sources if a.rstrip("/") in s]


@pytest.mark.parametrize("document", DOCUMENTS, ids=lambda p: p.name)
def test_gold_values_are_copied_from_the_document(document: Path) -> None:
    gold = corpus.gold(document)
    assert gold["document"] == document.name
    text = re.sub(r"\s+", " ", visible_text(document)).lower()
    assert gold["facts"]
    for fact in gold["facts"]:
        assert re.sub(r"\s+", " ", fact["value"]).lower() in text, fact
        assert fact["aspect"] in ASPECTS, fact
        assert fact["subject"] in subjects(gold), fact


@pytest.mark.parametrize("document", DOCUMENTS, ids=lambda p: p.name)
def test_conversations_are_about_what_the_document_lists(document: Path) -> None:
    gold = corpus.gold(document)
    talk = yaml.safe_load(corpus.conversations_path(document).read_text())
    assert talk["document"] == document.name
    assert len(talk["conversations"]) >= 15
    for conversation in talk["conversations"]:
        assert conversation["turns"], conversation["name"]
        for turn in conversation["turns"]:
            assert turn["say"].strip(), conversation["name"]
            assert turn.get("unknown") or turn.get("subject") in subjects(gold) | {None}, (conversation["name"], turn)
