"""The real bot: action server and Rasa server started on loopback ports, as `make run` starts them."""

from __future__ import annotations

import uuid
from collections.abc import Iterator

import pytest
import requests

from bot import cli, servers, settings

RASA_PORT, ACTIONS_PORT = 5105, 5155
LOGS = settings.ROOT / "tests" / "output" / "logs"


@pytest.fixture(scope="session")
def webhook() -> Iterator[str]:
    cli.build_kb()
    cli.train()
    with servers.running(RASA_PORT, ACTIONS_PORT, log_dir=LOGS) as bot:
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
