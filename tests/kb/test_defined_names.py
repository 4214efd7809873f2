"""Abbreviations and other names a document defines for its careers resolve to them, and go with the document."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
import yaml

from kb import builder, patterns
from kb.query import KnowledgeBase
from tests.conftest import build_kb

pytestmark = pytest.mark.unit

CORPUS = Path(__file__).parents[1] / "documents"
DOCUMENTS = [p for p in sorted(CORPUS.glob("*")) if (CORPUS / "gold" / f"{p.name}.yml").exists()]
NURSES, CLOUD = CORPUS / "registered-nurses.txt", CORPUS / "cloud-careers-guide.md"


def defined_abbreviations(document: Path) -> list[tuple[str, str]]:
    """(abbreviation, career) for the gold variants that are abbreviations the document defines in brackets."""
    table = yaml.safe_load((CORPUS / "gold" / f"{document.name}.yml").read_text(encoding="utf-8"))
    text = document.read_text(encoding="utf-8")
    return [
        (variant, career["name"])
        for career in table.get("careers") or []
        for variant in career.get("variants") or []
        if patterns.abbreviation(variant) == variant and re.search(rf"\({re.escape(variant)}s?\)", text)
    ]


@pytest.fixture(scope="module")
def corpus_kb(tmp_path_factory: pytest.TempPathFactory) -> KnowledgeBase:
    return KnowledgeBase(build_kb(tmp_path_factory.mktemp("corpus"), *DOCUMENTS))


def test_abbreviations_are_written_as_abbreviations() -> None:
    written = ("RNs", "SRE", "SREs", "CSS", "PStat")
    assert [patterns.abbreviation(t) for t in written] == ["RN", "SRE", "SRE", "CSS", None]
    assert [patterns.abbreviation(t) for t in ("2023", "R", "Python", "about 5 percent", "BLS 2023")] == [None] * 5


def test_a_name_is_defined_by_its_initials_in_brackets_or_as_also_called() -> None:
    assert patterns.defined_names("Registered nurses (RNs) provide care.", "Registered Nurse") == ["RN"]
    assert patterns.defined_names("## Site Reliability Engineer (SRE)", "Site Reliability Engineer") == ["SRE"]
    assert patterns.defined_names("Many analysts earn the Chartered Financial Analyst (CFA)", "Financial Analyst") == []
    assert patterns.defined_names("Registered nurses (2023) and nurses (RNs)", "Registered Nurse") == []
    assert patterns.defined_names("a UX designer, also called a user experience designer.", "UX Designer") == [
        "User Experience Designer"
    ]
    assert patterns.defined_names("a UX designer, also called a designer.", "UX Designer") == []
    assert patterns.defined_names("UX designers, also called the team's first hire.", "UX Designer") == []
    assert patterns.defined_names("UX designers, also called Sam. Designers draw.", "UX Designer") == []


def test_a_headings_bracketed_qualifier_makes_the_fuller_name_of_its_career() -> None:
    assert patterns.defined_names("Truck Driver (Heavy and Tractor-Trailer)", "Truck Driver") == [
        "Heavy and Tractor-Trailer Truck Driver"
    ]
    assert patterns.defined_names("Software Developers (2024)", "Software Developer") == []
    assert patterns.defined_names("Registered Nurses (RNs)", "Registered Nurse") == ["RN"]


def test_a_sentence_naming_a_career_in_full_is_about_the_heading_career_not_another() -> None:
    text = (
        "# Driving jobs\n\n## Truck Driver (Heavy and Tractor-Trailer)\n\n"
        "Heavy and tractor-trailer truck drivers earned a median annual wage of $57,440 in May 2024.\n"
    )
    assert builder.parse("drivers.md", text).careers == ["Truck Driver"]


def test_every_defined_gold_abbreviation_resolves_to_its_career(corpus_kb: KnowledgeBase) -> None:
    expected = [pair for document in DOCUMENTS for pair in defined_abbreviations(document)]
    assert {"RN", "SRE"} <= {abbreviation for abbreviation, _ in expected}
    for abbreviation, career in expected:
        assert corpus_kb.resolve(abbreviation, "career") == career
        assert corpus_kb.resolve(abbreviation.lower() + "s", "career") == career


def test_also_called_names_resolve_to_their_career(corpus_kb: KnowledgeBase) -> None:
    assert corpus_kb.resolve("licensed vocational nurses", "career") == "Licensed Practical Nurse"
    assert corpus_kb.resolve("user experience designer", "career") == "UX Designer"


def test_other_short_words_resolve_to_no_career(corpus_kb: KnowledgeBase) -> None:
    assert [corpus_kb.resolve(w, "career") for w in ("rm", "re", "sr", "CPA", "CFA", "BSN", "BLS", "pay")] == [None] * 8


def test_a_removed_or_changed_document_takes_its_names_with_it(tmp_path: Path) -> None:
    folder, url = tmp_path / "documents", f"sqlite:///{tmp_path / 'kb.db'}"
    folder.mkdir()
    for document in (NURSES, CLOUD):
        shutil.copy(document, folder / document.name)
    builder.build(folder, url)
    assert KnowledgeBase(url).resolve("RN", "career") == "Registered Nurse"
    (folder / NURSES.name).write_text(NURSES.read_text(encoding="utf-8").replace("(RNs)", ""), encoding="utf-8")
    assert builder.build(folder, url).built == [NURSES.name]
    assert KnowledgeBase(url).resolve("RN", "career") is None
    assert KnowledgeBase(url).resolve("licensed vocational nurse", "career") == "Licensed Practical Nurse"
    (folder / NURSES.name).unlink()
    builder.build(folder, url)
    rebuilt = KnowledgeBase(url)
    assert rebuilt.resolve("licensed vocational nurse", "career") is None
    assert rebuilt.resolve("SRE", "career") == "Site Reliability Engineer"


def test_a_head_noun_a_document_uses_alone_is_its_careers_short_name() -> None:
    text = (
        "# Pipe Welders\n\nPipe welders join pipes in plants and pipelines. Welders usually train for a year. "
        "Most welders work full time, and the welders in this field often travel.\n"
    )
    names = [(f.subject, f.value) for f in builder.extract("welders.md", text).findings if f.aspect == "alias"]
    assert names == [("Pipe Welder", "Welder")]
    two = "# Welding\n\n## Pipe Welders\n\nWelders travel.\n\n## Ship Welders\n\nWelders work in yards. Welders weld.\n"
    assert not [f for f in builder.extract("two.md", two).findings if f.aspect == "alias"]  # whose is unclear


def test_a_short_name_two_documents_give_two_careers_names_neither(tmp_path: Path) -> None:
    pipe, ship = tmp_path / "pipe.md", tmp_path / "ship.md"
    pipe.write_text("# Pipe Welders\n\nPipe welders join pipes. Welders train for a year. Most welders travel.\n")
    ship.write_text("# Ship Welders\n\nShip welders build hulls. Welders work in yards. Most welders work shifts.\n")
    kb = KnowledgeBase(build_kb(tmp_path / "kb", pipe, ship))
    assert kb.resolve("welders", "career") is None
    assert kb.resolve("pipe welders", "career") == "Pipe Welder"
