"""`make eval`: the bot, built and started on loopback ports with the test corpus as its documents, holds
every conversation of tests/eval/conversations over REST. Prints a score per document and per part (the
written documents and the real pages, each tuning and held out apart), the replies that quote another
subject's figure, and the round-trip latency."""

from __future__ import annotations

import statistics
import time
import uuid
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
import requests

from bot.launch import servers
from tests.conftest import OUTPUT
from tests.eval import scoring
from tests.support import corpus
from tests.support.ports import free_ports

pytestmark = pytest.mark.e2e

FLOORS = {"tuning": 0.90, "held out": 0.85, "real": 0.39, "real held out": 0.22}
"""Share of conversations passed per part; measured 0.934, 0.881, 0.397 and 0.231. The real pages' floors
guard what the reader holds today; the goal is 0.95 (tuning) and 0.90 (held out)."""
DOCUMENT_FLOORS = {"tuning": 0.80, "held out": 0.80, "real": 0.20, "real held out": 0.05}
"""Every document of a part; measured at least 0.80, 0.86, 0.24 and 0.06 (the goal is 0.80 for every page)."""
WRONG_SUBJECT = {"tuning": 0, "held out": 0, "real": 3, "real held out": 5}
"""Replies that quote another subject's figure for the one asked, as measured (the goal is none)."""
MIN_CONVERSATIONS = {"tuning": 150, "held out": 30, "real": 15 * 16, "real held out": 15 * 8}


WRITTEN = ("tuning", "held out")
"""The parts the team wrote: held against a bot on their own documents, as they were written for;
the real pages' conversations (which compare with the written documents too) against a bot on all."""


@dataclass
class CorpusBot:
    webhook: str
    known: set[str]  # every figure the documents hold
    gold: scoring.GoldIndex


def _running(paths: list[Path], name: str, tmp: pytest.TempPathFactory) -> Iterator[CorpusBot]:
    """The bot running on ``paths``, every figure they hold, and what their gold tables say."""
    env = corpus.build(tmp.mktemp(f"eval-{name}"), paths)
    known = set().union(*(scoring.figures_in(p.read_text(encoding="utf-8")) for p in paths))
    gold = scoring.GoldIndex()
    for path in paths:
        gold.add(corpus.gold(path), path.read_text(encoding="utf-8"))
    rasa_port, actions_port = free_ports(2)
    with servers.running(rasa_port, actions_port, log_dir=OUTPUT / f"eval-{name}-logs", extra_env=env) as running:
        yield CorpusBot(running.webhook, known, gold)


@pytest.fixture(scope="module")
def written_bot(trained_bot: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[CorpusBot]:
    yield from _running([p for part in WRITTEN for p in corpus.documents(part)], "written", tmp_path_factory)


@pytest.fixture(scope="module")
def whole_bot(trained_bot: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[CorpusBot]:
    yield from _running(corpus.documents(), "whole", tmp_path_factory)


def hold(bot: CorpusBot, conversation: scoring.Conversation, latencies: list[float]) -> list[str]:
    """Hold one conversation; what went wrong, turn by turn (empty when it passed)."""
    sender = f"eval-{uuid.uuid4().hex[:12]}"
    wrong = []
    for turn in conversation.turns:
        started = time.perf_counter()
        response = requests.post(bot.webhook, json={"sender": sender, "message": turn.say}, timeout=60)
        latencies.append(time.perf_counter() - started)
        response.raise_for_status()
        reply = "\n".join(m.get("text", "") for m in response.json())
        wrong += [
            f"{turn.say!r}: {w}  [reply: {reply[:160]!r}]" for w in scoring.failures(turn, reply, bot.known, bot.gold)
        ]
    return wrong


@pytest.mark.parametrize("part", FLOORS)
def test_conversations_over_rest(request: pytest.FixtureRequest, part: str) -> None:
    bot: CorpusBot = request.getfixturevalue("written_bot" if part in WRITTEN else "whole_bot")
    conversations = [c for d in corpus.documents(part) for c in scoring.load_file(corpus.conversations_path(d))]
    assert len(conversations) >= MIN_CONVERSATIONS[part]
    passed: dict[str, list[bool]] = defaultdict(list)
    latencies: list[float] = []
    report = []
    for conversation in conversations:
        wrong = hold(bot, conversation, latencies)
        passed[conversation.document].append(not wrong)
        report += [f"  {conversation.document} / {conversation.name}: {w}" for w in wrong]
    scores = {document: sum(results) / len(results) for document, results in passed.items()}
    total = sum(sum(r) for r in passed.values())
    overall = total / len(conversations)
    wrong_subject = [line for line in report if "wrong subject" in line]
    p95 = statistics.quantiles(latencies, n=20)[-1]
    print(f"\nconversations passed ({part}): {overall:.3f} ({total} of {len(conversations)})")
    print(*(f"  {d}: {s:.2f} ({sum(passed[d])}/{len(passed[d])})" for d, s in sorted(scores.items())), sep="\n")
    print(f"  wrong-subject replies: {len(wrong_subject)}")
    print(f"  latency per turn: p50 {statistics.median(latencies) * 1000:.0f} ms, p95 {p95 * 1000:.0f} ms")
    if part != "real held out":  # the real held-out pages' failures are not read while tuning the reader
        print("failures:", *report, sep="\n")
    assert overall >= FLOORS[part]
    assert not [line for line in report if "figures in no document" in line]  # never a figure no document has
    assert len(wrong_subject) <= WRONG_SUBJECT[part]
    assert min(scores.values()) >= DOCUMENT_FLOORS[part]
