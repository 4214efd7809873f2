"""The production profile, for real, on loopback: two Rasa replicas sharing PostgreSQL (trackers)
and Redis (locks), one action server reading the KB from PostgreSQL, nginx round robin in front."""

from __future__ import annotations

import json
import uuid
from collections.abc import Callable, Iterator

import pytest
import requests
from sqlalchemy import create_engine, text

from bot import cli, servers, settings
from kb import builder
from tests.scale.services import Services

PG_PORT, REDIS_PORT, NGINX_PORT = 5433, 6380, 5800
REPLICAS, ACTIONS_PORT = (5801, 5802), 5855
LOGS = settings.ROOT / "tests" / "output" / "logs"


def profile_env(database_url: Callable[[str], str], redis_host: str, redis_port: int, actions_url: str) -> dict:
    """The production profile's settings: what tests/deploy checks the deployment files against."""
    return {
        "CAREERBOT_KB_URL": database_url("careers_kb"),
        "TRACKER_STORE_URL": database_url("trackers"),
        "TRACKER_STORE_DIALECT": "postgresql",
        "LOCK_STORE_TYPE": "redis",
        "REDIS_HOST": redis_host,
        "REDIS_PORT": str(redis_port),
        "REDIS_DB": "1",
        "ACTION_ENDPOINT_URL": actions_url,
    }


class Cluster:
    def __init__(self, services: Services) -> None:
        self.services = services
        actions_url = f"http://127.0.0.1:{ACTIONS_PORT}/webhook"
        self.env = {**settings.rasa_env(), **profile_env(services.url, "127.0.0.1", services.redis_port, actions_url)}
        self.actions: servers.Server | None = None
        self.replicas: dict[int, servers.Server] = {}
        self.webhook = f"http://127.0.0.1:{NGINX_PORT}/webhooks/rest/webhook"

    def start_actions(self) -> None:
        self.actions = servers.start_actions(ACTIONS_PORT, self.env, LOGS / "scale-actions.log")
        self.actions.wait_ready(120)

    def start_replica(self, port: int) -> None:
        # one at a time: each creates the tracker tables on first start
        self.replicas[port] = servers.start_rasa(port, self.env, LOGS / f"scale-rasa-{port}.log")
        self.replicas[port].wait_ready(240)

    def stop_all(self) -> None:
        for server in [*self.replicas.values(), self.actions]:
            if server:
                server.stop()

    def say(self, sender: str, message: str) -> tuple[str, str]:
        """(reply text, the replica that answered)."""
        response = requests.post(self.webhook, json={"sender": sender, "message": message}, timeout=120)
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


def new_sender() -> str:
    return f"scale-{uuid.uuid4().hex[:12]}"


@pytest.fixture(scope="module")
def cluster() -> Iterator[Cluster]:
    cli.build_kb()
    cli.train()
    services = Services(PG_PORT, REDIS_PORT)
    try:
        services.start_postgres("trackers", "careers_kb")
        services.start_redis()
        report = builder.build(settings.DOCUMENTS_DIR, services.url("careers_kb"))
        assert report.ok, report.errors
        running = Cluster(services)
        try:
            running.start_actions()
            for port in REPLICAS:
                running.start_replica(port)
            services.start_nginx(NGINX_PORT, list(REPLICAS))
            yield running
        finally:
            running.stop_all()
    finally:
        services.stop()
