"""The tracker store keeps Rasa's table and meaning (latest session, events in order) on a
tuned SQLite file, and Rasa's own SQL store reads what it writes and vice versa."""

from __future__ import annotations

import asyncio
import sqlite3
from pathlib import Path

import pytest
from rasa.core.tracker_store import SQLTrackerStore
from rasa.core.tracker_store import TrackerStore as RasaTrackerStore
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, BotUttered, SessionStarted, SlotSet, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker
from rasa.utils.endpoints import EndpointConfig

from bot import settings
from bot.plugins.tracker_store import TrackerStore

pytestmark = pytest.mark.unit

DOMAIN = Domain.load(str(settings.ROOT / "domain.yml"))


def run(coroutine):
    return asyncio.run(coroutine)


def conversation(sender: str, *turns: tuple[str, str, float]) -> DialogueStateTracker:
    tracker = DialogueStateTracker(sender, DOMAIN.slots)
    for text, career, at in turns:
        tracker.update(UserUttered(text, {"name": "ask_salary", "confidence": 0.9}, timestamp=at))
        tracker.update(ActionExecuted("action_answer_salary", timestamp=at))
        tracker.update(BotUttered(f"{career} pay", timestamp=at))
        tracker.update(SlotSet("career", career, timestamp=at))
        tracker.update(ActionExecuted("action_listen", timestamp=at))
    return tracker


@pytest.fixture
def db(tmp_path: Path) -> str:
    return str(tmp_path / "trackers.sqlite3")


def store(db: str, cls: type[SQLTrackerStore] = TrackerStore) -> SQLTrackerStore:
    return cls(domain=DOMAIN, dialect="sqlite", db=db)


def test_a_saved_conversation_comes_back_event_for_event(db: str) -> None:
    tracker = conversation("ana", ("what does a web developer earn?", "Web Developer", 1.0))
    run(store(db).save(tracker))
    back = run(store(db).retrieve("ana"))
    assert list(back.events) == list(tracker.events)
    assert back.get_slot("career") == "Web Developer"
    assert run(store(db).retrieve("nobody")) is None


def test_saving_again_adds_only_the_new_events(db: str) -> None:
    s = store(db)
    tracker = conversation("ana", ("web developer pay?", "Web Developer", 1.0))
    run(s.save(tracker))
    run(s.save(tracker))
    tracker.update(UserUttered("what about software developers?", timestamp=2.0))
    run(s.save(tracker))
    rows = sqlite3.connect(db).execute("SELECT count(*) FROM events WHERE sender_id = 'ana'").fetchone()[0]
    assert rows == len(tracker.events) == 6


def test_only_the_latest_session_is_loaded_but_all_are_kept(db: str) -> None:
    s = store(db)
    tracker = conversation("ana", ("web developer pay?", "Web Developer", 1.0))
    tracker.update(ActionExecuted("action_session_start", timestamp=5.0))
    tracker.update(SessionStarted(timestamp=5.0))
    tracker.update(UserUttered("hi again", timestamp=6.0))
    run(s.save(tracker))
    latest = run(s.retrieve("ana"))
    assert [type(e) for e in latest.events] == [ActionExecuted, SessionStarted, UserUttered]
    assert list(latest.events) == list(run(store(db, SQLTrackerStore).retrieve("ana")).events)
    assert list(run(s.retrieve_full_tracker("ana")).events) == list(tracker.events)
    latest.update(UserUttered("and database architects?", timestamp=7.0))
    run(s.save(latest))
    assert len(run(s.retrieve_full_tracker("ana")).events) == len(tracker.events) + 1


def test_rasas_own_sql_store_and_ours_read_each_other(db: str) -> None:
    ours = conversation("ours", ("web developer pay?", "Web Developer", 1.0))
    theirs = conversation("theirs", ("database architect pay?", "Database Architect", 1.0))
    run(store(db).save(ours))
    run(store(db, SQLTrackerStore).save(theirs))
    assert list(run(store(db, SQLTrackerStore).retrieve("ours")).events) == list(ours.events)
    assert list(run(store(db).retrieve("theirs")).events) == list(theirs.events)


def test_the_sqlite_file_is_in_wal_mode(db: str) -> None:
    run(store(db).save(conversation("ana", ("web developer pay?", "Web Developer", 1.0))))
    assert sqlite3.connect(db).execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_an_in_memory_database_works_as_with_rasas_store() -> None:
    s = TrackerStore(domain=DOMAIN, dialect="sqlite", db="")
    tracker = conversation("ana", ("web developer pay?", "Web Developer", 1.0))
    run(s.save(tracker))
    assert list(run(s.retrieve("ana")).events) == list(tracker.events)


def test_a_store_that_cannot_be_set_up_stops_start_up() -> None:
    """A missing database driver raises ImportError, on which Rasa would quietly keep
    conversations in memory instead; here start-up fails, naming the cause."""
    endpoint = EndpointConfig(
        type="bot.plugins.tracker_store.TrackerStore", url="127.0.0.1", dialect="mysql", db="careers"
    )
    with pytest.raises(RuntimeError, match="could not be set up: No module named"):
        RasaTrackerStore.create(endpoint, DOMAIN)
