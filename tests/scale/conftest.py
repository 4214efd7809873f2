"""The production profile, for real, on loopback: two Rasa replicas sharing PostgreSQL (trackers)
and Redis (locks), one action server reading the KB from PostgreSQL, nginx round robin in front."""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
import requests
from sqlalchemy import create_engine, text

from tests.conftest import OUTPUT
from tests.support.ports import free_ports
from tests.support.stack import ProductionStack


class Cluster(ProductionStack):
    def say(self, sender: str, message: str) -> tuple[str, str]:
        """(reply text, the replica that answered)."""
        response = requests.post(
            self.webhook, json={"sender": sender, "message": message}, headers=self.rest_headers, timeout=120
        )
        assert response.status_code == 200, response.text
        return "\n".join(m.get("text", "") for m in response.json()), response.headers.get("X-Upstream", "")

    def user_messages(self, sender: str) -> list[str]:
        """The user messages of a conversation, read straight from the PostgreSQL tracker store."""
        engine = create_engine(self.services.url("trackers"), future=True)
        with engine.connect() as conn:
            rows = conn.execute(
                text("SELECT data FROM events WHERE sender_id = :s AND type_name = 'user' ORDER BY id"), {"s": sender}
            )
            messages = [json.loads(r[0])["text"] for r in rows]
        engine.dispose()
        return messages

    def restart_servers(self) -> None:
        self.stop_servers()
        self.start_actions()
        for port in self.replica_ports:
            self.start_replica(port)


def new_sender() -> str:
    return f"scale-{uuid.uuid4().hex[:12]}"


@pytest.fixture(scope="module")
def cluster(trained_bot: Path) -> Iterator[Cluster]:
    pg, redis, nginx, rasa_1, rasa_2, actions = free_ports(6)
    running = Cluster(pg, redis, nginx, (rasa_1, rasa_2), actions, OUTPUT / "logs")
    try:
        running.start()
        yield running
    finally:
        running.stop()
