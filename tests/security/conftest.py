"""A bot of its own for the attacks: real servers on free loopback ports, the operators' REST
token set (as in the production profile), and conversations in a temporary SQLite file."""

from __future__ import annotations

import hashlib
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
import requests

from bot import settings
from bot.launch import servers
from kb.db import sqlite_path
from tests.conftest import OUTPUT
from tests.support.ports import free_ports

REST_TOKEN = "operators-rest-token"
ORIGIN = "http://127.0.0.1:8080"  # one of the default web origins
LOGS = OUTPUT / "logs" / "security"


@dataclass
class AttackedBot:
    base: str
    actions: str
    trackers: Path
    action_token: str

    def say(self, sender: str, message: str, timeout: float = 30) -> requests.Response:
        return requests.post(
            f"{self.base}/webhooks/rest/webhook",
            json={"sender": sender, "message": message},
            headers={"Authorization": f"Bearer {REST_TOKEN}"},
            timeout=timeout,
        )

    def text(self, sender: str, message: str) -> str:
        response = self.say(sender, message)
        assert response.status_code == 200, response.text
        return "\n".join(m.get("text", "") for m in response.json())


def new_sender() -> str:
    return f"sec-{uuid.uuid4().hex[:12]}"


def kb_digest() -> str:
    return hashlib.sha256(sqlite_path(settings.KB_URL).read_bytes()).hexdigest()


@pytest.fixture(scope="module")
def attacked(trained_bot: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[AttackedBot]:
    trackers = tmp_path_factory.mktemp("security") / "trackers.sqlite3"
    rasa_port, actions_port = free_ports(2)
    env = {
        "TRACKER_STORE_URL": f"sqlite:///{trackers}",
        "CAREERBOT_REST_TOKEN": REST_TOKEN,
        # the widget's page, and the bot's own address: the origin a websocket client sends by itself
        "CAREERBOT_WEB_ORIGINS": f"{ORIGIN} http://{settings.HOST}:{rasa_port}",
    }
    with servers.running(rasa_port, actions_port, log_dir=LOGS, extra_env=env):
        yield AttackedBot(
            f"http://{settings.HOST}:{rasa_port}",
            f"http://{settings.HOST}:{actions_port}",
            trackers,
            settings.ACTION_SERVER_TOKEN,
        )
