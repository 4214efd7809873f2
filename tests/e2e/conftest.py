"""The real bot: action server and Rasa server started on loopback ports, as `make run` starts them."""

from __future__ import annotations

import uuid
from collections.abc import Iterator

import pytest
import requests

from bot import cli, servers, settings
from tests.e2e.fake_slack import FakeSlackApi

RASA_PORT, ACTIONS_PORT = 5105, 5155
OUTPUT = settings.ROOT / "tests" / "output"
SLACK_SECRET = "test-signing-secret"


@pytest.fixture(scope="session")
def slack_api() -> Iterator[FakeSlackApi]:
    api = FakeSlackApi()
    yield api
    api.close()


@pytest.fixture(scope="session")
def webhook(slack_api: FakeSlackApi) -> Iterator[str]:
    """The running bot's REST webhook; its Slack channel is on, posting to the local stand-in."""
    cli.build_kb()
    cli.train()
    OUTPUT.mkdir(parents=True, exist_ok=True)
    env = {
        "SLACK_TOKEN": "xoxb-test-token",
        "SLACK_SIGNING_SECRET": SLACK_SECRET,
        "SLACK_API_URL": slack_api.url,
        "TRACKER_STORE_URL": f"sqlite:///{OUTPUT / 'trackers.sqlite3'}",
    }
    with servers.running(RASA_PORT, ACTIONS_PORT, log_dir=OUTPUT / "logs", extra_env=env) as bot:
        yield bot.webhook


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
