"""A document added or removed while the bot runs reaches visitors without a restart or retraining: the
operator rebuilds the KB (`python -m bot kb`, as `make kb` does) while visitors keep talking, and no request
fails, and a conversation under way keeps its history."""

from __future__ import annotations

import shutil
import subprocess
import sys
import threading
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
import requests

from bot import settings
from bot.launch import servers
from tests.conftest import OUTPUT, SHIPPED_DOCUMENTS
from tests.e2e.conftest import Conversation
from tests.support.ports import free_ports

pytestmark = pytest.mark.e2e

API_TOKEN = "live-updates-api-token"
WIND = """Wind Turbine Technicians

Wind turbine technicians install, maintain and repair wind turbines.

Quick Facts: Wind Turbine Technicians
Median Pay, 2023: $61,770 per year
Job Outlook, 2023-33: 60% (Much faster than average)

What Wind Turbine Technicians Do

Wind turbine technicians climb the towers, inspect them and repair the blades and the generators.
"""
QUESTION = "how much do wind turbine technicians make?"
TRAFFIC = ("what does a software developer earn?", QUESTION, "what is an API?", "hi")
WITHIN = 30.0  # seconds for a rebuilt KB to reach visitors


@dataclass
class Traffic:
    """Visitors asking questions every 100 ms, each a new sender, recording every request that failed."""

    webhook: str
    sent: int = 0
    failures: list[str] = field(default_factory=list)
    stop: threading.Event = field(default_factory=threading.Event)

    def run(self) -> None:
        while not self.stop.wait(0.1):
            message = TRAFFIC[self.sent % len(TRAFFIC)]
            self.sent += 1
            try:
                response = requests.post(
                    self.webhook, json={"sender": f"visitor-{uuid.uuid4().hex[:8]}", "message": message}, timeout=60
                )
                if response.status_code != 200 or not any(m.get("text") for m in response.json()):
                    self.failures.append(f"{message!r}: {response.status_code} {response.text[:200]}")
            except (requests.RequestException, ValueError) as exc:
                self.failures.append(f"{message!r}: {exc}")


def rebuild(env: dict[str, str]) -> None:
    """As an operator does: `python -m bot kb` with the bot's settings."""
    result = subprocess.run(
        [sys.executable, "-m", "bot", "kb"], cwd=settings.ROOT, env=env, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr


@dataclass(frozen=True)
class LiveBot:
    base: str
    webhook: str
    documents: Path
    env: dict[str, str]

    def rebuild(self) -> None:
        rebuild(self.env)

    def answers(self, conversation: Conversation, expected: str) -> float:
        """Seconds until the question's reply says ``expected`` (asking again every half second)."""
        started = time.monotonic()
        while (reply := conversation.say(QUESTION)) and expected not in reply:
            assert time.monotonic() - started < WITHIN, f"after {WITHIN:.0f} s still: {reply}"
            time.sleep(0.5)
        return time.monotonic() - started


@pytest.fixture
def live_bot(trained_bot: Path, tmp_path: Path) -> Iterator[LiveBot]:
    """A bot of its own, over a KB of one document in a folder of its own, built first."""
    documents, build = tmp_path / "documents", tmp_path / "build"
    documents.mkdir()
    shutil.copy(SHIPPED_DOCUMENTS / "back-end-developer-careers.txt", documents)
    env = {
        "CAREERBOT_DOCUMENTS_DIR": str(documents),
        "CAREERBOT_BUILD_DIR": str(build),
        "CAREERBOT_KB_URL": f"sqlite:///{build / 'kb.sqlite3'}",
        "CAREERBOT_MODELS_DIR": str(trained_bot),
        "RASA_API_TOKEN": API_TOKEN,
    }
    rebuild({**settings.rasa_env(), **env})
    rasa_port, actions_port = free_ports(2)
    with servers.running(rasa_port, actions_port, log_dir=OUTPUT / "logs" / "live-updates", extra_env=env) as running:
        base = f"http://{settings.HOST}:{rasa_port}"
        yield LiveBot(base, running.webhook, documents, {**settings.rasa_env(), **env})


def test_a_document_added_then_removed_reaches_visitors_while_they_talk(live_bot: LiveBot) -> None:
    ongoing, asker = Conversation(live_bot.webhook), Conversation(live_bot.webhook)
    assert "information security" in ongoing.say("tell me about information security analysts").lower()
    assert "I don't have" in asker.say(QUESTION)
    traffic = Traffic(live_bot.webhook)
    visitors = threading.Thread(target=traffic.run, daemon=True)
    visitors.start()
    try:
        time.sleep(1)
        (live_bot.documents / "wind-turbine-technicians.txt").write_text(WIND, encoding="utf-8")
        started = time.monotonic()
        live_bot.rebuild()
        built = time.monotonic() - started
        added = live_bot.answers(asker, "$61,770")
        (live_bot.documents / "wind-turbine-technicians.txt").unlink()
        live_bot.rebuild()
        removed = live_bot.answers(asker, "I don't have")
        time.sleep(1)
    finally:
        traffic.stop.set()
        visitors.join(70)
    print(f"rebuild {built:.1f} s; answered {added:.1f} s and {removed:.1f} s after the rebuilds; {traffic.sent} sent")
    assert traffic.sent > 20 and traffic.failures == [], traffic.failures[:5]
    assert "$120,000" in ongoing.say("how much do they make?")  # "they": the career asked about before
    tracker = requests.get(
        f"{live_bot.base}/conversations/{ongoing.sender}/tracker", params={"token": API_TOKEN}, timeout=10
    ).json()
    said = [e["text"] for e in tracker["events"] if e["event"] == "user"]
    assert said == ["tell me about information security analysts", "how much do they make?"]
