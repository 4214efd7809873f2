"""Building is idempotent, redoes only changed documents, and reports bad documents by name."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from sqlalchemy import create_engine, func, select
from sqlalchemy.orm import Session

from kb import builder, schema
from tests.conftest import SECOND_DOCUMENT, SHIPPED_DOCUMENTS

pytestmark = pytest.mark.unit

SHIPPED = SHIPPED_DOCUMENTS / "back-end-developer-careers.txt"


def counts(url: str) -> dict[str, int]:
    with Session(create_engine(url, future=True)) as session:
        models = [schema.Document, schema.Subject, *schema.FACT_MODELS]
        return {m.__tablename__: session.execute(select(func.count()).select_from(m)).scalar_one() for m in models}


def folder_with(tmp_path: Path, *documents: Path) -> Path:
    folder = tmp_path / "documents"
    folder.mkdir()
    for doc in documents:
        shutil.copy(doc, folder / doc.name)
    return folder


def test_rebuilding_unchanged_documents_changes_nothing(tmp_path: Path) -> None:
    folder, url = folder_with(tmp_path, SHIPPED, SECOND_DOCUMENT), f"sqlite:///{tmp_path / 'kb.db'}"
    first = builder.build(folder, url)
    before = counts(url)
    second = builder.build(folder, url)
    assert sorted(first.built) == sorted([SHIPPED.name, SECOND_DOCUMENT.name])
    assert second.built == [] and sorted(second.unchanged) == sorted(first.built)
    assert counts(url) == before


def test_only_a_changed_document_is_rebuilt(tmp_path: Path) -> None:
    folder, url = folder_with(tmp_path, SHIPPED, SECOND_DOCUMENT), f"sqlite:///{tmp_path / 'kb.db'}"
    builder.build(folder, url)
    before = counts(url)
    changed = folder / SECOND_DOCUMENT.name
    changed.write_text(changed.read_text().replace("$95,380", "$96,000"), encoding="utf-8")
    report = builder.build(folder, url)
    assert report.built == [SECOND_DOCUMENT.name] and report.unchanged == [SHIPPED.name]
    assert counts(url) == before
    with Session(create_engine(url, future=True)) as session:
        amounts = set(session.execute(select(schema.Fact.number).where(schema.Fact.aspect == "pay")).scalars())
    assert 96000 in amounts and 95380 not in amounts


def test_a_removed_document_takes_its_facts_and_careers_with_it(tmp_path: Path) -> None:
    folder, url = folder_with(tmp_path, SHIPPED, SECOND_DOCUMENT), f"sqlite:///{tmp_path / 'kb.db'}"
    builder.build(folder, url)
    (folder / SECOND_DOCUMENT.name).unlink()
    report = builder.build(folder, url)
    assert report.removed == [SECOND_DOCUMENT.name]
    only_shipped = tmp_path / "only"
    only_shipped.mkdir()
    builder.build(folder_with(only_shipped, SHIPPED), f"sqlite:///{only_shipped / 'kb.db'}")
    assert counts(url) == counts(f"sqlite:///{only_shipped / 'kb.db'}")


def test_bad_documents_are_named_and_the_rest_still_build(tmp_path: Path) -> None:
    folder = folder_with(tmp_path, SHIPPED)
    (folder / "empty.txt").write_text("   \n", encoding="utf-8")
    (folder / "latin1.txt").write_bytes("Caf\xe9 developers earn $1.".encode("latin-1"))
    report = builder.build(folder, f"sqlite:///{tmp_path / 'kb.db'}")
    assert report.built == [SHIPPED.name]
    assert report.errors == {
        "empty.txt": "empty.txt: is empty",
        "latin1.txt": "latin1.txt: is not UTF-8 text (bad byte at offset 3)",
    }
    assert not report.ok


def test_unreadable_file_is_reported(tmp_path: Path) -> None:
    folder = folder_with(tmp_path, SHIPPED)
    broken = folder / "broken.txt"
    broken.symlink_to(tmp_path / "does-not-exist.txt")  # dangling: exists in the folder, cannot be read
    report = builder.build(folder, f"sqlite:///{tmp_path / 'kb.db'}")
    assert report.errors["broken.txt"].startswith("broken.txt: cannot be read")
    assert report.built == [SHIPPED.name]


def test_every_fact_keeps_document_section_and_sentence(tmp_path: Path) -> None:
    folder, url = folder_with(tmp_path, SHIPPED), f"sqlite:///{tmp_path / 'kb.db'}"
    builder.build(folder, url)
    text = SHIPPED.read_text(encoding="utf-8")
    with Session(create_engine(url, future=True)) as session:
        for model in schema.FACT_MODELS:
            for row in session.execute(select(model)).scalars():
                assert row.document.name == SHIPPED.name
                assert row.section and (row.section in text or row.section == "Introduction")
                assert row.sentence in text or row.sentence == row.section


def test_a_kb_built_by_an_earlier_version_is_built_again(tmp_path: Path) -> None:
    """An upgrade must not fail on the KB left in build/: its outdated tables go, and the documents are read again."""
    url = f"sqlite:///{tmp_path / 'kb.db'}"
    with create_engine(url, future=True).begin() as connection:
        connection.exec_driver_sql("CREATE TABLE documents (id INTEGER PRIMARY KEY, name TEXT, fingerprint TEXT)")
        connection.exec_driver_sql(
            "CREATE TABLE salaries (id INTEGER PRIMARY KEY, document_id INTEGER REFERENCES documents(id))"
        )
        connection.exec_driver_sql("INSERT INTO documents VALUES (1, 'back-end-developer-careers.txt', 'old')")
    report = builder.build(folder_with(tmp_path, SHIPPED), url)
    assert report.built == [SHIPPED.name]
    with create_engine(url, future=True).connect() as connection:
        tables = {row[0] for row in connection.exec_driver_sql("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert "salaries" not in tables and counts(url)["facts"] > 0


def test_the_search_index_holds_each_passage_word_and_goes_with_its_document(tmp_path: Path) -> None:
    folder, url = folder_with(tmp_path, SHIPPED, SECOND_DOCUMENT), f"sqlite:///{tmp_path / 'kb.db'}"
    builder.build(folder, url)
    with Session(create_engine(url, future=True)) as session:
        lengths = dict(session.execute(select(schema.Passage.id, schema.Passage.length)).all())
        indexed = session.execute(
            select(schema.Posting.passage_id, func.sum(schema.Posting.count)).group_by(schema.Posting.passage_id)
        ).all()
    assert {i: n for i, n in indexed} == {i: n for i, n in lengths.items() if n}
    (folder / SECOND_DOCUMENT.name).unlink()
    builder.build(folder, url)
    with Session(create_engine(url, future=True)) as session:
        documents = set(session.execute(select(schema.Posting.document_id).distinct()).scalars())
        left = set(session.execute(select(schema.Document.id)).scalars())
    assert documents == left


def test_every_fact_names_the_reader_rule_that_made_it(tmp_path: Path) -> None:
    folder, url = folder_with(tmp_path, SHIPPED, SECOND_DOCUMENT), f"sqlite:///{tmp_path / 'kb.db'}"
    builder.build(folder, url)
    with Session(create_engine(url, future=True)) as session:
        rules = set(session.execute(select(schema.Fact.rule)).scalars())
    assert "" not in rules and {"sentence under an aspect's heading", "opening sentence", "skills phrase"} <= rules
