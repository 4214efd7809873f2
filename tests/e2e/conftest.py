"""The real bot: action server and Rasa server started on free loopback ports, as `make run` starts them."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
import requests

from bot import settings
from bot.launch import servers
from tests.conftest import OUTPUT
from tests.e2e.fake_slack import FakeSlackApi
from tests.support.ports import free_ports

SLACK_SECRET = "test-signing-secret"


@dataclass(frozen=True)
class RunningBot:
    base: str  # http://host:port of the Rasa server
    webhook: str  # its REST channel
    web_port: int  # where a test may serve the widget's page: the one origin the bot accepts


@pytest.fixture(scope="session")
def slack_api() -> Iterator[FakeSlackApi]:
    api = FakeSlackApi()
    yield api
    api.close()


@pytest.fixture(scope="session")
def bot(trained_bot: Path, slack_api: FakeSlackApi) -> Iterator[RunningBot]:
    """The running bot; its Slack channel is on, posting to the local stand-in."""
    rasa_port, actions_port, web_port = free_ports(3)
    env = {
        "SLACK_TOKEN": "xoxb-test-token",
        "SLACK_SIGNING_SECRET": SLACK_SECRET,
        "SLACK_API_URL": slack_api.url,
        "CAREERBOT_WEB_ORIGINS": f"http://{settings.HOST}:{web_port}",
    }
    with servers.running(rasa_port, actions_port, log_dir=OUTPUT / "logs", extra_env=env) as running:
        yield RunningBot(f"http://{settings.HOST}:{rasa_port}", running.webhook, web_port)


@pytest.fixture(scope="session")
def webhook(bot: RunningBot) -> str:
    return bot.webhook


class Conversation:
    def __init__(self, webhook: str) -> None:
        self.webhook = webhook
        self.sender = f"test-{uuid.uuid4().hex[:12]}"

    def say(self, message: str) -> str:
        response = requests.post(self.webhook, json={"sender": self.sender, "message": message}, timeout=60)
        response.raise_for_status()
        return "\n".join(m.get("text", "") for m in response.json())


@pytest.fixture
def conversation(webhook: str) -> Conversation:
    return Conversation(webhook)
