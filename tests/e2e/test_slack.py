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

from bot import settings
from bot.plugins.channels import TOO_LONG
from bot.plugins.slack import SlackChannel, SlackOff
from tests.e2e.conftest import SLACK_SECRET, RunningBot
from tests.e2e.fake_slack import FakeSlackApi

pytestmark = pytest.mark.e2e


@pytest.fixture(scope="module")
def url(bot: RunningBot) -> str:
    return f"{bot.base}/webhooks/slack/webhook"


def event(text: str, channel: str, user: str | None = None) -> dict:
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
            "user": user or f"U{uuid.uuid4().hex[:8]}",
            "text": text,
            "ts": f"{time.time():.6f}",
        },
    }


def post(
    url: str, payload: dict, secret: str = SLACK_SECRET, timestamp: int | None = None, headers: dict | None = None
) -> requests.Response:
    body = json.dumps(payload)
    ts = str(timestamp if timestamp is not None else int(time.time()))
    signature = "v0=" + hmac.new(secret.encode(), f"v0:{ts}:{body}".encode(), hashlib.sha256).hexdigest()
    return requests.post(
        url,
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


def settled(url: str, api: FakeSlackApi) -> None:
    """Wait until everything sent before has been handled: a fresh message is answered after it."""
    channel = f"D{uuid.uuid4().hex[:6]}"
    assert post(url, event("hi", channel)).status_code == 200
    assert wait_posts_to(api, channel)


def test_signed_message_is_answered_through_the_web_api(url: str, slack_api: FakeSlackApi) -> None:
    response = post(url, event("what does a database architect earn?", "D100"))
    assert response.status_code == 200
    [answer] = wait_posts_to(slack_api, "D100")
    assert "$117,000" in answer["text"]
    assert answer["auth"] == "Bearer xoxb-test-token"
    buttons = [e["text"]["text"] for b in answer["blocks"] if b["type"] == "actions" for e in b["elements"]]
    assert buttons == ["Job growth", "Skills needed", "Related courses"]
    [section] = [b for b in answer["blocks"] if b["type"] == "section"]
    assert section["text"]["type"] == "mrkdwn"
    assert "_Source: Back End Developer Careers" in section["text"]["text"]


def test_a_comparison_is_aligned_columns_and_help_me_choose_takes_numbers_and_buttons(
    url: str, slack_api: FakeSlackApi
) -> None:
    post(url, event("compare software developers, database architects and computer programmers", "D101"))
    [table] = wait_posts_to(slack_api, "D101")
    assert "\n```Career" in table["text"] and "$117,000" in table["text"]  # a code block: columns stay aligned
    post(url, event("help me choose a career", "D102", "UCHOOSER"))
    [question] = wait_posts_to(slack_api, "D102")
    assert question["text"].startswith("What do you enjoy most?\n1. ")  # more answers than Slack shows buttons
    number = next(line.split(".")[0] for line in question["text"].splitlines() if "Computers and technology" in line)
    post(url, event(number, "D102", "UCHOOSER"))
    deadline = time.monotonic() + 30
    while len(posts_to(slack_api, "D102")) < 2 and time.monotonic() < deadline:
        time.sleep(0.1)
    study = posts_to(slack_api, "D102")[-1]
    assert study["text"].startswith("How long are you willing to study or train?")
    buttons = [e["text"]["text"] for b in study["blocks"] if b["type"] == "actions" for e in b["elements"]]
    assert buttons == ["A few months", "Up to two years", "Four years or more", "Doesn't matter"]


def test_an_over_long_message_gets_the_same_polite_refusal_as_on_every_channel(
    url: str, slack_api: FakeSlackApi
) -> None:
    assert post(url, event("what does a database architect earn? " * 100, "D150")).status_code == 200
    [answer] = wait_posts_to(slack_api, "D150")
    assert answer["text"] == TOO_LONG.format(limit=settings.MAX_MESSAGE_CHARS)


def test_forged_signature_is_rejected(url: str, slack_api: FakeSlackApi) -> None:
    response = post(url, event("what does a database architect earn?", "D200"), secret="not-the-secret")
    assert response.status_code == 400
    settled(url, slack_api)
    assert posts_to(slack_api, "D200") == []


def test_stale_timestamp_is_rejected_as_a_replay(url: str, slack_api: FakeSlackApi) -> None:
    response = post(url, event("what does a database architect earn?", "D300"), timestamp=int(time.time()) - 600)
    assert response.status_code == 400
    settled(url, slack_api)
    assert posts_to(slack_api, "D300") == []


def test_a_retry_does_not_answer_twice(url: str, slack_api: FakeSlackApi) -> None:
    payload = event("how fast is information security work growing?", "D400")
    assert post(url, payload).status_code == 200
    assert len(wait_posts_to(slack_api, "D400")) == 1
    retry = post(url, payload, headers={"X-Slack-Retry-Num": "1", "X-Slack-Retry-Reason": "http_error"})
    assert retry.status_code == 200
    settled(url, slack_api)
    assert len(posts_to(slack_api, "D400")) == 1


def test_without_credentials_slack_is_off_with_one_log_line(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    monkeypatch.setattr(settings, "SLACK_TOKEN", None)
    monkeypatch.setattr(settings, "SLACK_SIGNING_SECRET", None)
    with caplog.at_level(logging.INFO, logger="bot.plugins.slack"):
        channel = SlackChannel.from_credentials(None)
    assert isinstance(channel, SlackOff)
    assert [r.getMessage() for r in caplog.records] == [
        "Slack channel is off: set SLACK_TOKEN and SLACK_SIGNING_SECRET to turn it on."
    ]
