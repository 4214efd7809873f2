"""Without RASA_API_TOKEN the Rasa HTTP API is off; only the channel webhooks answer."""

from __future__ import annotations

import requests

from tests.e2e.conftest import RASA_PORT

BASE = f"http://127.0.0.1:{RASA_PORT}"


def test_http_api_is_off_without_a_token(webhook: str) -> None:
    for path in ("/conversations/someone/tracker", "/status", "/model/parse"):
        assert requests.get(BASE + path, timeout=10).status_code == 404, path
    assert requests.get(BASE + "/webhooks/rest/", timeout=10).status_code == 200
