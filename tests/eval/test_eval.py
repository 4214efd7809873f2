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
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest
import requests

from bot.launch import servers
from tests.conftest import OUTPUT
from tests.eval import scoring
from tests.support import corpus, office
from tests.support.ports import free_ports

pytestmark = pytest.mark.e2e

FLOORS = {"tuning": 0.90, "held out": 0.85, "real": 0.39, "real held out": 0.22}
"""Share of conversations passed per part; measured 0.934, 0.881, 0.408 and 0.237. The real pages' floors
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


def _running(
    paths: list[Path], name: str, tmp: pytest.TempPathFactory, originals: list[Path] | None = None
) -> Iterator[CorpusBot]:
    """The bot running on ``paths``, every figure they hold, and what their gold tables say (those of the
    ``originals`` they were made from, for documents converted to another format)."""
    env = corpus.build(tmp.mktemp(f"eval-{name}"), paths)
    originals = originals or paths
    known = set().union(*(scoring.figures_in(p.read_text(encoding="utf-8")) for p in originals))
    gold = scoring.GoldIndex()
    for path in originals:
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


FORMATS = {
    "ta-plumbers-ooh.html": ".pdf",
    "td-graphic-designer-profile.html": ".pdf",
    "tc-ux-academy-bootcamp.md": ".pdf",
    "td-heavy-diesel-certificate.md": ".docx",
    "tc-phlebotomy-technician-program.html": ".docx",
}
"""Real tuning pages that are also given as a PDF or Word file (``tests.support.office``: a title page, a
running header and footer, tables, hyphenation), to hold their conversations as well as the page does."""
FORMAT_TOLERANCE = 0.05


@pytest.fixture(scope="module")
def format_bots(trained_bot: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[CorpusBot, CorpusBot]]:
    """A bot on the pages of ``FORMATS`` as they are, and one on the same pages as PDF and Word files."""
    pages = [corpus.REAL / name for name in FORMATS]
    folder = tmp_path_factory.mktemp("formats")
    converted = [folder / f"{page.stem}{FORMATS[page.name]}" for page in pages]
    for page, target in zip(pages, converted, strict=True):
        office.convert_page(page, target)
    with ExitStack() as stack:
        as_pages = stack.enter_context(contextmanager(_running)(pages, "pages", tmp_path_factory))
        as_files = stack.enter_context(contextmanager(_running)(converted, "files", tmp_path_factory, pages))
        yield as_pages, as_files


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


GUIDANCE = corpus.CONVERSATIONS / "guidance.yml"
GUIDANCE_FLOOR = 0.67
"""Share of the guidance conversations passed; measured 0.698 (74 of 106). The goal is 0.90."""
GUIDANCE_MIN = 60


@pytest.fixture(scope="module")
def guidance_bot(trained_bot: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[CorpusBot]:
    """The bot on the real tuning pages, the documents the team wrote for tuning and the shipped article."""
    yield from _running(corpus.documents("tuning") + corpus.documents("real"), "guidance", tmp_path_factory)


def test_guidance_conversations(guidance_bot: CorpusBot) -> None:
    """Visitors who don't know yet (tests/eval/conversations/guidance.yml): interests, needs alone and
    combined, the courses on the way to a career with their totals, after a course, moving on from a job,
    "help me choose", comparisons of three to five careers and their follow-ups. No reply suggests what a
    conversation forbids, and no reply has a figure that is neither a document's nor a checked total."""
    conversations = scoring.load_file(GUIDANCE)
    assert len(conversations) >= GUIDANCE_MIN
    kinds: dict[str, list[bool]] = defaultdict(list)
    report, latencies = [], []
    for conversation in conversations:
        wrong = hold(guidance_bot, conversation, latencies)
        kinds[conversation.kind].append(not wrong)
        report += [f"  {conversation.kind} / {conversation.name}: {w}" for w in wrong]
    passed = sum(sum(r) for r in kinds.values())
    overall = passed / len(conversations)
    print(f"\nguidance conversations passed: {overall:.3f} ({passed} of {len(conversations)})")
    print(*(f"  {k}: {sum(r)}/{len(r)}" for k, r in sorted(kinds.items())), sep="\n")
    print(f"  latency per turn: p50 {statistics.median(latencies) * 1000:.0f} ms")
    print("failures:", *report, sep="\n")
    assert not [line for line in report if "figures in no document" in line]
    assert overall >= GUIDANCE_FLOOR


def test_pdf_and_word_versions_of_pages_score_as_the_pages_do(format_bots: tuple[CorpusBot, CorpusBot]) -> None:
    """Each page of ``FORMATS`` and its PDF or Word version hold their conversations alike: within
    ``FORMAT_TOLERANCE`` of each other, each with a bot on those pages alone."""
    scores = {}
    for label, bot in zip(("page", "file"), format_bots, strict=True):
        for name in FORMATS:
            conversations = scoring.load_file(corpus.conversations_path(corpus.REAL / name))
            wrong = [hold(bot, conversation, []) for conversation in conversations]
            scores[label, name] = sum(not w for w in wrong) / len(conversations)
            assert not [w for ws in wrong for w in ws if "figures in no document" in w]
    print("\nconversations passed, page as it is and as a PDF or Word file:")
    print(*(f"  {n}: {scores['page', n]:.2f}, {FORMATS[n]} {scores['file', n]:.2f}" for n in FORMATS), sep="\n")
    assert all(abs(scores["file", n] - scores["page", n]) <= FORMAT_TOLERANCE for n in FORMATS)
