"""Without RASA_API_TOKEN the Rasa HTTP API is off; only the channel webhooks answer."""

from __future__ import annotations

import pytest
import requests

from tests.e2e.conftest import RunningBot

pytestmark = pytest.mark.e2e


def test_http_api_is_off_without_a_token(bot: RunningBot) -> None:
    for path in ("/conversations/someone/tracker", "/status", "/model/parse"):
        assert requests.get(bot.base + path, timeout=10).status_code == 404, path
    assert requests.get(bot.base + "/webhooks/rest/", timeout=10).status_code == 200
