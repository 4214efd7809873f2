"""A bot of its own for tests that stop and restart servers: real processes on loopback ports,
the SQLite tracker store in a temporary folder, and the HTTP API on with a token."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
import requests

from bot import settings
from bot.launch import servers
from tests.conftest import OUTPUT
from tests.support.ports import free_ports

TOKEN = "reliability-test-token"


class Bot:
    def __init__(self, folder: Path) -> None:
        self.rasa_port, self.actions_port = free_ports(2)
        self.base = f"http://{settings.HOST}:{self.rasa_port}"
        self.env = {
            **settings.rasa_env(),
            "ACTION_ENDPOINT_URL": f"http://{settings.HOST}:{self.actions_port}/webhook",
            "TRACKER_STORE_URL": f"sqlite:///{folder / 'trackers.sqlite3'}",
            "RASA_API_TOKEN": TOKEN,
        }
        self.logs = OUTPUT / "logs"
        self.actions = self.rasa = None
        self.start_actions()
        self.start_rasa()

    def start_actions(self) -> None:
        self.actions = servers.start_actions(self.actions_port, self.env, self.logs / "reliability-actions.log")
        self.actions.wait_ready(120)

    def start_rasa(self) -> None:
        self.rasa = servers.start_rasa(self.rasa_port, self.env, self.logs / "reliability-rasa.log")
        self.rasa.wait_ready(180)

    def stop(self) -> None:
        for server in (self.rasa, self.actions):
            if server:
                server.stop()

    def say(self, sender: str, message: str) -> list[dict]:
        response = requests.post(
            f"{self.base}/webhooks/rest/webhook", json={"sender": sender, "message": message}, timeout=60
        )
        assert response.status_code == 200, response.text
        return response.json()

    def user_messages(self, sender: str) -> list[str]:
        tracker = requests.get(f"{self.base}/conversations/{sender}/tracker", params={"token": TOKEN}, timeout=30)
        tracker.raise_for_status()
        return [e["text"] for e in tracker.json()["events"] if e["event"] == "user"]


def text(replies: list[dict]) -> str:
    return "\n".join(r.get("text", "") for r in replies)


def new_sender() -> str:
    return f"rel-{uuid.uuid4().hex[:12]}"


@pytest.fixture(scope="module")
def bot(trained_bot: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Bot]:
    running = Bot(tmp_path_factory.mktemp("reliability"))
    yield running
    running.stop()
