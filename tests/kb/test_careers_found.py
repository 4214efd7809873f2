"""The careers the builder finds in every corpus document, against each document's gold table."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from kb.query import KnowledgeBase
from tests.conftest import SHIPPED_DOCUMENTS, build_kb

pytestmark = pytest.mark.unit

CORPUS = Path(__file__).parents[1] / "documents"
CANDIDATES = sorted(CORPUS.glob("*")) + sorted(SHIPPED_DOCUMENTS.glob("*"))
DOCUMENTS = [p for p in CANDIDATES if (CORPUS / "gold" / f"{p.name}.yml").exists()]  # heldout ones sit in a folder
NOT_CAREERS = {"pay", "job outlook", "work environment", "student", "employer", "career", "job", "skill", "education"}


def _key(name: str) -> str:
    """Names compared without case or plural: "Registered Nurses" and "registered nurse" are one."""
    words = name.lower().replace("-", " ").split()
    return " ".join([*words[:-1], words[-1].removesuffix("s")]) if words else ""


def _gold(document: Path) -> list[set[str]]:
    table = yaml.safe_load((CORPUS / "gold" / f"{document.name}.yml").read_text(encoding="utf-8"))
    return [{_key(c["name"]), *(_key(v) for v in c.get("variants") or [])} for c in table["careers"]]


@pytest.fixture(scope="module")
def found(tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[str]]:
    """The careers of a KB built from each document alone, and of one built from them all ("*")."""
    careers = {"*": KnowledgeBase(build_kb(tmp_path_factory.mktemp("corpus"), *DOCUMENTS)).careers()}
    for document in DOCUMENTS:
        careers[document.name] = KnowledgeBase(build_kb(tmp_path_factory.mktemp("one"), document)).careers()
    return careers


def test_careers_found_in_every_document(found: dict[str, list[str]]) -> None:
    hits = gold_total = kept_total = correct_total = 0
    for document in DOCUMENTS:
        gold = _gold(document)
        kept = {_key(name) for name in found[document.name]}
        recalled = sum(1 for names in gold if names & kept)
        correct = sum(1 for name in kept if any(name in names for names in gold))
        print(f"{document.name}: recall {recalled}/{len(gold)}, precision {correct}/{len(kept)} {sorted(kept)}")
        hits, gold_total = hits + recalled, gold_total + len(gold)
        correct_total, kept_total = correct_total + correct, kept_total + len(kept)
    print(f"overall: recall {hits / gold_total:.2f} ({hits}/{gold_total}), "
          f"precision {correct_total / kept_total:.2f} ({correct_total}/{kept_total})")  # fmt: skip
    assert hits / gold_total >= 0.9


def test_no_career_is_a_section_about_one(found: dict[str, list[str]]) -> None:
    assert not {_key(name) for name in found["*"]} & {_key(name) for name in NOT_CAREERS}
