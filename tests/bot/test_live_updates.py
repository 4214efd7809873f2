"""Documents updated while the bot runs: the NLU reads a rewritten mention vocabulary before its next
messages, `make run` rebuilds the KB when the documents folder changes, and builds never overlap."""

from __future__ import annotations

import os
import threading
import time
from pathlib import Path

import pytest
from rasa.shared.nlu.constants import ENTITIES, TEXT
from rasa.shared.nlu.training_data.message import Message

from bot import settings
from bot.launch import cli
from bot.plugins.mentions import MentionExtractor
from kb.matching import Term, Vocabulary

pytestmark = pytest.mark.unit


def courses(extractor: MentionExtractor, text: str) -> list[str]:
    (message,) = extractor.process([Message({TEXT: text})])
    return [e["value"] for e in message.get(ENTITIES, []) if e["entity"] == "course"]


def test_the_extractor_reads_a_rewritten_vocabulary_before_its_next_messages(tmp_path: Path) -> None:
    path = tmp_path / "mentions.json"
    Vocabulary([Term("Welding Basics", "Welding Basics", "course")]).save(path)
    extractor = MentionExtractor(Vocabulary.load(path), path)
    assert courses(extractor, "is welding basics or bread baking longer?") == ["welding basics"]
    Vocabulary(
        [Term("Welding Basics", "Welding Basics", "course"), Term("Bread Baking", "Bread Baking", "course")]
    ).save(path)
    assert courses(extractor, "is welding basics or bread baking longer?") == ["welding basics", "bread baking"]


def test_a_missing_or_damaged_vocabulary_file_keeps_the_one_read(tmp_path: Path) -> None:
    path = tmp_path / "mentions.json"
    Vocabulary([Term("Actuary", "Actuary", "career")]).save(path)
    extractor = MentionExtractor(Vocabulary.load(path), path)
    path.unlink()
    extractor.process([])
    path.write_text('[{"surface": "Act', encoding="utf-8")
    extractor.process([])
    assert extractor.vocabulary.resolve("actuaries", "career") == "Actuary"


def test_an_unchanged_file_is_not_read_again(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "mentions.json"
    Vocabulary([Term("Actuary", "Actuary", "career")]).save(path)
    extractor = MentionExtractor(Vocabulary.load(path), path)
    monkeypatch.setattr(Vocabulary, "load", lambda _: pytest.fail("read again"))
    extractor.process([])


def test_changes_between_listings_are_named() -> None:
    before = {"a.txt": (10, 1), "b.txt": (20, 2), "c.txt": (30, 3)}
    after = {"a.txt": (10, 1), "b.txt": (21, 2), "d.txt": (5, 4)}
    assert cli.changes(before, after) == "added d.txt; changed b.txt; removed c.txt"
    assert cli.changes(before, dict(before)) is None
    assert cli.changes(before, {**before, "a.txt": (10, 9)}) == "changed a.txt"  # touched: mtime alone


def test_the_listing_skips_hidden_files_and_folders(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Actuaries\n", encoding="utf-8")
    (tmp_path / ".a.txt.swp").write_text("", encoding="utf-8")
    (tmp_path / "old").mkdir()
    assert list(cli.listing(tmp_path)) == ["a.txt"]


def test_the_watcher_rebuilds_when_a_document_is_added_changed_or_removed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(settings, "DOCUMENTS_DIR", tmp_path)
    (tmp_path / "a.txt").write_text("Actuaries\n", encoding="utf-8")
    builds = threading.Semaphore(0)
    stop = threading.Event()
    watcher = threading.Thread(target=cli.watch_documents, args=(0.02, stop, lambda: builds.release() or True))
    watcher.start()
    try:
        time.sleep(0.1)
        assert not builds.acquire(timeout=0.1)  # nothing changed: nothing built
        (tmp_path / "b.txt").write_text("Nurses\n", encoding="utf-8")
        assert builds.acquire(timeout=5)
        os.utime(tmp_path / "a.txt", ns=(0, 1))
        assert builds.acquire(timeout=5)
        (tmp_path / "b.txt").unlink()
        assert builds.acquire(timeout=5)
    finally:
        stop.set()
        watcher.join(5)
    assert capsys.readouterr().out.splitlines() == [
        "Documents added b.txt: knowledge base rebuilt.",
        "Documents changed a.txt: knowledge base rebuilt.",
        "Documents removed b.txt: knowledge base rebuilt.",
    ]


def test_builds_wait_for_each_other(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(settings, "BUILD_DIR", tmp_path)
    events = []

    def build(name: str) -> None:
        with cli.build_lock():
            events.append(f"{name} starts")
            time.sleep(0.1)
            events.append(f"{name} ends")

    builds = [threading.Thread(target=build, args=(name,)) for name in ("first", "second")]
    for thread in builds:
        thread.start()
        time.sleep(0.02)
    for thread in builds:
        thread.join(5)
    assert events == ["first starts", "first ends", "second starts", "second ends"]
