"""How much of the corpus's gold tables the knowledge base holds: a gold fact counts as found when a
fact about its subject (career, course or provider), under its aspect, cites a source containing its value.
Prints recall per document, for the tuning documents and the held-out ones apart; the asserted
floors are where the builder stands, so a change that loses facts fails (raise them as it improves)."""

from __future__ import annotations

import re
import shutil
from collections import defaultdict
from pathlib import Path

import pytest
import yaml
from sqlalchemy import create_engine, select
from sqlalchemy.orm import Session

from bot import settings
from kb import builder
from kb.matching import normalize
from kb.schema import Fact

pytestmark = pytest.mark.unit

CORPUS = settings.ROOT / "tests" / "documents"
FLOORS = {"tuning": 0.95, "held out": 0.88}  # measured: 0.962 and 0.91 (the goal is 0.95)
MISATTRIBUTED = {"tuning": 0, "held out": 0}


def documents(held_out: bool) -> list[Path]:
    folder = CORPUS / "heldout" if held_out else CORPUS
    found = [p for p in folder.glob("*") if p.suffix in (".txt", ".md", ".html")]
    return sorted(found + ([] if held_out else list((settings.ROOT / "kb" / "documents").glob("*.txt"))))


def gold(document: Path) -> dict:
    folder = CORPUS / "gold" / ("heldout" if "heldout" in document.parts else "")
    return yaml.safe_load((folder / f"{document.name}.yml").read_text(encoding="utf-8"))


def squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip().lower()


def cited(url: str) -> dict[tuple[str, str, str], list[str]]:
    """(document, normalized subject, aspect) -> "value | source sentence" of each fact under that aspect
    (a fact read from a heading has the heading as its value)."""
    found: dict[tuple[str, str, str], list[str]] = defaultdict(list)
    with Session(create_engine(url, future=True)) as session:
        for fact in session.execute(select(Fact)).scalars():
            key = (fact.document.name, normalize(fact.subject.name), fact.aspect)
            found[key].append(squash(f"{fact.value} | {fact.sentence}"))
    return found


def recall(tmp: Path, held_out: bool) -> tuple[float, dict[str, str], list[str]]:
    folder = tmp / "documents"
    folder.mkdir()
    for document in documents(held_out):
        shutil.copy(document, folder / document.name)
    url = f"sqlite:///{tmp / 'kb.sqlite3'}"
    assert builder.build(folder, url).ok
    rows = cited(url)
    per_document, hits, total = {}, 0, 0
    for document in documents(held_out):
        facts = gold(document)["facts"]
        found = sum(
            any(
                squash(f["value"]) in sentence
                for sentence in rows[(document.name, normalize(f["subject"]), f["aspect"])]
            )
            for f in facts
        )
        per_document[document.name] = f"{found}/{len(facts)}"
        hits, total = hits + found, total + len(facts)
    return hits / total, per_document, misattributed(url, held_out)


@pytest.mark.parametrize("part", FLOORS)
def test_gold_fact_recall_does_not_fall(part: str, tmp_path: Path) -> None:
    overall, per_document, wrong = recall(tmp_path, held_out=part == "held out")
    listing = ", ".join(f"{name} {found}" for name, found in per_document.items())
    print(f"\ngold facts found ({part}): {overall:.2f} overall; {listing}")
    print(f"figures on a subject the gold table does not give them to: {len(wrong)}", *wrong, sep="\n  ")
    assert overall >= FLOORS[part]
    assert len(wrong) <= MISATTRIBUTED[part]


def misattributed(url: str, held_out: bool) -> list[str]:
    """Figures the KB gives to a subject when the gold table gives them only to others: a figure about the
    wrong career (or course) is the worst answer the bot can give."""
    golds = {d.name: gold(d)["facts"] for d in documents(held_out)}
    wrong = []
    with Session(create_engine(url, future=True)) as session:
        for fact in session.execute(select(Fact).where(Fact.number.is_not(None))).scalars():
            value = squash(fact.value)
            owners = {
                normalize(g["subject"])
                for g in golds.get(fact.document.name, [])
                if g["aspect"] == fact.aspect and value in squash(g["value"])
            }
            if owners and normalize(fact.subject.name) not in owners:
                wrong.append(f"{fact.document.name}: {fact.value} ({fact.aspect}) on {fact.subject.name}")
    return wrong
