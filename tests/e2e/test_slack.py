"""Slack: signed Events API requests to the running bot's Slack webhook; answers go to the Web API stand-in."""

from __future__ import annotations

import hashlib
import hmac
import json
import logging
import time
import uuid

import pytest
import requests

from bot.slack import SlackChannel, SlackOff
from tests.e2e.conftest import RASA_PORT, SLACK_SECRET
from tests.e2e.fake_slack import FakeSlackApi

URL = f"http://127.0.0.1:{RASA_PORT}/webhooks/slack/webhook"


def event(text: str, channel: str) -> dict:
    return {
        "type": "event_callback",
        "team_id": "T1",
        "api_app_id": "A1",
        "event_id": f"Ev{uuid.uuid4().hex[:10]}",
        "event_time": int(time.time()),
        "authed_users": ["UBOT"],
        "event": {
            "type": "message",
            "channel": channel,
            "channel_type": "im",
            "user": f"U{uuid.uuid4().hex[:8]}",
            "text": text,
            "ts": f"{time.time():.6f}",
        },
    }


def post(
    payload: dict, secret: str = SLACK_SECRET, timestamp: int | None = None, headers: dict | None = None
) -> requests.Response:
    body = json.dumps(payload)
    ts = str(timestamp if timestamp is not None else int(time.time()))
    signature = "v0=" + hmac.new(secret.encode(), f"v0:{ts}:{body}".encode(), hashlib.sha256).hexdigest()
    return requests.post(
        URL,
        data=body,
        timeout=30,
        headers={
            "Content-Type": "application/json",
            "X-Slack-Request-Timestamp": ts,
            "X-Slack-Signature": signature,
            **(headers or {}),
        },
    )


def posts_to(api: FakeSlackApi, channel: str) -> list[dict]:
    return [p for p in api.posts() if p.get("channel") == channel]


def wait_posts_to(api: FakeSlackApi, channel: str, timeout: float = 30) -> list[dict]:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and not posts_to(api, channel):
        time.sleep(0.1)
    return posts_to(api, channel)


def test_signed_message_is_answered_through_the_web_api(webhook: str, slack_api: FakeSlackApi) -> None:
    response = post(event("what does a database architect earn?", "D100"))
    assert response.status_code == 200
    [answer] = wait_posts_to(slack_api, "D100")
    assert "$117,000" in answer["text"]
    assert answer["auth"] == "Bearer xoxb-test-token"
    buttons = [e["text"]["text"] for b in answer["blocks"] if b["type"] == "actions" for e in b["elements"]]
    assert buttons == ["Job growth", "Skills needed", "Related courses"]
    [section] = [b for b in answer["blocks"] if b["type"] == "section"]
    assert section["text"]["type"] == "mrkdwn"
    assert "_Source: back-end-developer-careers.txt" in section["text"]["text"]


def test_forged_signature_is_rejected(webhook: str, slack_api: FakeSlackApi) -> None:
    response = post(event("what does a database architect earn?", "D200"), secret="not-the-secret")
    assert response.status_code == 400
    time.sleep(3)
    assert posts_to(slack_api, "D200") == []


def test_stale_timestamp_is_rejected_as_a_replay(webhook: str, slack_api: FakeSlackApi) -> None:
    response = post(event("what does a database architect earn?", "D300"), timestamp=int(time.time()) - 600)
    assert response.status_code == 400
    time.sleep(3)
    assert posts_to(slack_api, "D300") == []


def test_a_retry_does_not_answer_twice(webhook: str, slack_api: FakeSlackApi) -> None:
    payload = event("how fast is information security work growing?", "D400")
    assert post(payload).status_code == 200
    assert len(wait_posts_to(slack_api, "D400")) == 1
    retry = post(payload, headers={"X-Slack-Retry-Num": "1", "X-Slack-Retry-Reason": "http_error"})
    assert retry.status_code == 200
    time.sleep(3)
    assert len(posts_to(slack_api, "D400")) == 1


def test_without_credentials_slack_is_off_with_one_log_line(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    monkeypatch.delenv("SLACK_TOKEN", raising=False)
    monkeypatch.delenv("SLACK_SIGNING_SECRET", raising=False)
    with caplog.at_level(logging.INFO, logger="bot.slack"):
        channel = SlackChannel.from_credentials(None)
    assert isinstance(channel, SlackOff)
    assert [r.getMessage() for r in caplog.records] == [
        "Slack channel is off: set SLACK_TOKEN and SLACK_SIGNING_SECRET to turn it on."
    ]
