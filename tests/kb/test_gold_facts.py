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
from sqlalchemy import create_engine, select
from sqlalchemy.orm import Session

from kb import builder
from kb.matching import normalize
from kb.schema import Fact
from tests.support import corpus

pytestmark = pytest.mark.unit

FLOORS = {"tuning": 0.95, "held out": 0.88, "real": 0.48, "real held out": 0.20}  # measured 0.96, 0.89, 0.52, 0.21
MISATTRIBUTED = {"tuning": 0, "held out": 0, "real": 36, "real held out": 34}  # as measured; the goal is none


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


def recall(tmp: Path, part: str) -> tuple[float, dict[str, str], list[str]]:
    folder = tmp / "documents"
    folder.mkdir()
    for document in corpus.documents(part):
        shutil.copy(document, folder / document.name)
    url = f"sqlite:///{tmp / 'kb.sqlite3'}"
    assert builder.build(folder, url).ok
    rows = cited(url)
    per_document, hits, total = {}, 0, 0
    for document in corpus.documents(part):
        gold = corpus.gold(document)
        facts, names = gold["facts"], corpus.names(gold)
        found = sum(
            any(
                squash(f["value"]) in sentence
                for name in names.get(f["subject"], {normalize(f["subject"])})
                for sentence in rows[(document.name, name, f["aspect"])]
            )
            for f in facts
        )
        per_document[document.name] = f"{found}/{len(facts)}"
        hits, total = hits + found, total + len(facts)
    return hits / total, per_document, misattributed(url, part)


@pytest.mark.parametrize("part", FLOORS)
def test_gold_fact_recall_does_not_fall(part: str, tmp_path: Path) -> None:
    overall, per_document, wrong = recall(tmp_path, part)
    listing = ", ".join(f"{name} {found}" for name, found in per_document.items())
    print(f"\ngold facts found ({part}): {overall:.2f} overall; {listing}")
    print(f"figures on a subject the gold table does not give them to: {len(wrong)}")
    if "held out" not in part:  # what the builder gets wrong on held-out pages is not read while tuning it
        print(*wrong, sep="\n  ")
    assert overall >= FLOORS[part]
    assert len(wrong) <= MISATTRIBUTED[part]


def misattributed(url: str, part: str) -> list[str]:
    """Figures the KB gives to a subject when the gold table gives them only to others: a figure about the
    wrong career (or course) is the worst answer the bot can give."""
    golds = {d.name: corpus.gold(d) for d in corpus.documents(part)}
    wrong = []
    with Session(create_engine(url, future=True)) as session:
        for fact in session.execute(select(Fact).where(Fact.number.is_not(None))).scalars():
            value, gold = squash(fact.value), golds.get(fact.document.name, {"facts": []})
            owners = {
                name
                for g in gold["facts"]
                if g["aspect"] == fact.aspect and value in squash(g["value"])
                for name in corpus.names(gold).get(g["subject"], {normalize(g["subject"])})
            }
            if owners and normalize(fact.subject.name) not in owners:
                wrong.append(f"{fact.document.name}: {fact.value} ({fact.aspect}) on {fact.subject.name}")
    return wrong
