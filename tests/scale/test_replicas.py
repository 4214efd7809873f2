"""Two Rasa replicas behind nginx, sharing PostgreSQL and Redis: context, load, a replica lost, a restart."""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor

import pytest

from bot import settings
from kb.query import KnowledgeBase
from tests.scale.conftest import Cluster, new_sender

pytestmark = pytest.mark.scale

FLOW = [
    ("what does a database architect earn?", "$117,000"),
    ("what about software developers?", "$130,000"),
    ("how fast is that growing?", "17 percent"),
]
MIX = [
    "hi",
    "what does a database architect earn?",
    "what about software developers?",
    "how fast is that growing?",
    "which course teaches Django?",
    "which programming languages should I learn?",
    "what is an API?",
    "thanks",
    "what does an information security analyst earn?",
    "bye",
]


def test_context_is_kept_when_messages_land_on_alternating_replicas(cluster: Cluster) -> None:
    sender = new_sender()
    upstreams = []
    for message, expected in FLOW:
        reply, upstream = cluster.say(sender, message)
        assert expected in reply, (message, reply)
        upstreams.append(upstream)
    assert upstreams[0] != upstreams[1] and upstreams[1] != upstreams[2], upstreams


def test_concurrent_conversations_are_complete_in_postgresql(cluster: Cluster) -> None:
    senders = [new_sender() for _ in range(20)]
    messages = MIX[:10]

    def converse(sender: str) -> None:
        for message in messages:
            cluster.say(sender, message)

    with ThreadPoolExecutor(20) as pool:
        list(pool.map(converse, senders))
    for sender in senders:
        assert cluster.user_messages(sender) == messages


def without_repeats(messages: list[str]) -> list[str]:
    return [m for i, m in enumerate(messages) if i == 0 or messages[i - 1] != m]


def test_losing_a_replica_mid_load_loses_nothing(cluster: Cluster) -> None:
    """A request in flight on the replica as it stops may lose its response (a 502): the client sends
    it again, as a client would, and the message is then in the tracker once or, if the first try was
    processed before its response was lost, twice in a row. Nothing is ever missing."""
    senders = [new_sender() for _ in range(10)]
    failures: list[str] = []
    started = threading.Semaphore(0)  # released once per conversation, when its first message is answered

    def converse(sender: str) -> None:
        for i, message in enumerate(MIX):
            try:
                cluster.say(sender, message)
            except AssertionError:
                try:
                    cluster.say(sender, message)
                except AssertionError as exc:
                    failures.append(str(exc))
            if i == 0:
                started.release()

    port = cluster.replica_ports[0]
    victim = cluster.replicas[port]
    with ThreadPoolExecutor(10) as pool:
        futures = [pool.submit(converse, s) for s in senders]
        for _ in senders:  # stop the replica under load: every conversation under way
            assert started.acquire(timeout=120)
        stopping = threading.Thread(target=victim.stop)
        stopping.start()
        for f in futures:
            f.result()
    stopping.join()
    assert failures == []
    assert victim.process.poll() is not None
    for sender in senders:
        assert without_repeats(cluster.user_messages(sender)) == MIX
    cluster.start_replica(port)


def test_history_survives_restarting_everything(cluster: Cluster) -> None:
    sender = new_sender()
    assert "$117,000" in cluster.say(sender, "what does a database architect earn?")[0]
    cluster.restart_servers()
    assert cluster.user_messages(sender) == ["what does a database architect earn?"]
    assert "$130,000" in cluster.say(sender, "what about software developers?")[0]


def test_kb_on_postgresql_answers_like_sqlite(cluster: Cluster) -> None:
    pg, lite = KnowledgeBase(cluster.services.url("careers_kb")), KnowledgeBase(settings.KB_URL)
    assert pg.careers() == lite.careers() and pg.courses() == lite.courses()
    for career in lite.careers():
        for question in ("salaries", "outlook", "openings", "descriptions", "skills", "related", "rankings"):
            assert getattr(pg, question)(career) == getattr(lite, question)(career), (career, question)
    for course in lite.courses():
        for question in ("course", "course_topics", "mentoring", "prerequisites", "awards"):
            assert getattr(pg, question)(course) == getattr(lite, question)(course), (course, question)
    assert pg.search("when did the first website go live?") == lite.search("when did the first website go live?")
