"""Attacks on the channels of a running bot: every one gets a clear 4xx or a polite reply, never a
stall; a normal question meanwhile is answered in under a second; nothing reaches another
visitor's conversation, the knowledge base or the conversations store beyond the text itself."""

from __future__ import annotations

import json
import time
from concurrent.futures import ThreadPoolExecutor

import pytest
import requests
import socketio

from bot.plugins.channels import APOLOGY, EMPTY, NOT_TEXT, TOO_LONG
from tests.security.conftest import LOGS, ORIGIN, REST_TOKEN, AttackedBot, kb_digest, new_sender

pytestmark = pytest.mark.e2e

QUESTION = "what does a database architect earn?"
ANSWER = "$117,000"


def answered_quickly(bot: AttackedBot) -> float:
    """Seconds a normal question takes to be answered."""
    started = time.monotonic()
    assert ANSWER in bot.text(new_sender(), QUESTION)
    return time.monotonic() - started


class Widget:
    """A socket.io client as the widget is one: session_request, then user_uttered; replies collected."""

    def __init__(
        self, bot: AttackedBot, session: str | None = None, origin: str | None = ORIGIN, transport: str = "polling"
    ) -> None:
        self.replies: list[dict] = []
        self.session: str | None = None
        self.client = socketio.Client(reconnection=False)
        self.client.on("bot_uttered", self.replies.append)
        self.client.on("session_confirm", self._confirmed)
        headers = {"Origin": origin} if origin else {}
        self.client.connect(bot.base, transports=[transport], headers=headers, wait_timeout=10)
        self.client.emit("session_request", {"session_id": session})
        self._wait(lambda: self.session is not None)

    def _confirmed(self, session: str) -> None:
        self.session = session

    def _wait(self, done, timeout: float = 20) -> None:
        deadline = time.monotonic() + timeout
        while not done() and time.monotonic() < deadline:
            time.sleep(0.05)
        assert done(), "no answer in time"

    def say(self, message: object) -> str:
        before = len(self.replies)
        self.client.emit("user_uttered", {"message": message})
        self._wait(lambda: len(self.replies) > before)
        time.sleep(0.3)  # a reply may come in several messages
        return "\n".join(r.get("text", "") for r in self.replies[before:])

    def close(self) -> None:
        self.client.disconnect()


@pytest.fixture(scope="module", autouse=True)
def kb_is_unchanged(attacked: AttackedBot):
    before = kb_digest()
    yield
    assert kb_digest() == before


def test_an_over_long_widget_message_gets_a_polite_refusal_without_stalling_anyone(attacked: AttackedBot) -> None:
    widget = Widget(attacked)
    try:
        with ThreadPoolExecutor(1) as pool:
            refusal = pool.submit(widget.say, "€" * 6000)
            assert answered_quickly(attacked) < 1
            assert refusal.result(timeout=30) == TOO_LONG.format(limit=2000)
    finally:
        widget.close()


def test_runs_of_one_character_cost_no_more_than_a_normal_message(attacked: AttackedBot) -> None:
    attack = "€" * 1994 + " what?"
    with ThreadPoolExecutor(8) as pool:
        flood = [pool.submit(attacked.say, new_sender(), attack) for _ in range(8)]
        assert answered_quickly(attacked) < 1
        assert all(f.result().status_code == 200 for f in flood)


def test_metadata_and_huge_bodies_never_reach_the_conversations_store(attacked: AttackedBot) -> None:
    sender = new_sender()
    padding = "x" * 200_000
    response = requests.post(
        f"{attacked.base}/webhooks/rest/webhook",
        json={"sender": sender, "message": "hi", "metadata": {"padding": padding}},
        headers={"Authorization": f"Bearer {REST_TOKEN}"},
        timeout=30,
    )
    assert response.status_code == 200
    assert padding[:1000] not in attacked.trackers.read_bytes().decode("utf-8", "replace")
    huge = requests.post(
        f"{attacked.base}/webhooks/rest/webhook",
        data=json.dumps({"sender": sender, "message": "hi", "metadata": "y" * 5_000_000}),
        headers={"Authorization": f"Bearer {REST_TOKEN}", "Content-Type": "application/json"},
        timeout=30,
    )
    assert huge.status_code == 413


@pytest.mark.parametrize(
    "body, status",
    [
        ('{"sender": "a", "message": ' + "[" * 100_000 + "]" * 100_000 + "}", 400),  # deeply nested JSON
        (json.dumps({"sender": "s" * 10_000, "message": "hi"}), 400),  # an over-long sender id
        (json.dumps({"sender": "a b <script>", "message": "hi"}), 400),  # a sender id with odd signs
        (json.dumps({"sender": "a", "message": 42}), 400),
    ],
)
def test_malformed_rest_requests_get_a_clear_4xx(attacked: AttackedBot, body: str, status: int) -> None:
    response = requests.post(
        f"{attacked.base}/webhooks/rest/webhook",
        data=body,
        headers={"Authorization": f"Bearer {REST_TOKEN}", "Content-Type": "application/json"},
        timeout=30,
    )
    assert response.status_code == status, response.text[:200]


def test_the_rest_channel_answers_operators_only(attacked: AttackedBot) -> None:
    url = f"{attacked.base}/webhooks/rest/webhook"
    for headers in ({}, {"Authorization": "Bearer guessed"}):
        assert requests.post(url, json={"sender": "x", "message": "hi"}, headers=headers, timeout=10).status_code == 401


@pytest.mark.parametrize(
    "message, reply",
    [
        ({"text": "hi"}, NOT_TEXT),
        (["hi"], NOT_TEXT),
        (42, NOT_TEXT),
        ("   ", EMPTY),
    ],
)
def test_odd_widget_messages_get_a_polite_reply(attacked: AttackedBot, message: object, reply: str) -> None:
    widget = Widget(attacked)
    try:
        assert widget.say(message) == reply
    finally:
        widget.close()


@pytest.mark.parametrize(
    "message",
    [
        "\ud800 what does a database architect earn?",
        "/restart",
        "/session_start",
        "/back",
    ],
)
def test_odd_text_gets_an_honest_reply_not_the_outage_apology(attacked: AttackedBot, message: str) -> None:
    text = attacked.text(new_sender(), message)
    assert text and APOLOGY not in text


def test_a_widget_session_cannot_be_guessed_forged_or_joined(attacked: AttackedBot) -> None:
    alice = Widget(attacked)
    try:
        assert ANSWER in alice.say(QUESTION)
        forged = alice.session.split(".")[0] + ".AAAAAAAAAAAAAAAAAAAAAAAA"
        for attempt in ("guessable-id-1", forged, "x" * 10_000, None):
            mallory = Widget(attacked, session=attempt)
            try:
                assert mallory.session not in (alice.session, attempt)
                assert len(mallory.session) < 128
                mallory.say("what about software developers?")  # answered in mallory's own conversation
            finally:
                mallory.close()
        assert "$130,000" not in "\n".join(r.get("text", "") for r in alice.replies)
        again = Widget(attacked, session=alice.session)  # the same browser, after a reload
        try:
            assert again.session == alice.session
        finally:
            again.close()
    finally:
        alice.close()


def test_a_websocket_visitor_comes_and_goes_without_an_error_in_the_log(attacked: AttackedBot) -> None:
    widget = Widget(attacked, origin=None, transport="websocket")
    assert ANSWER in widget.say(QUESTION)
    widget.close()
    assert answered_quickly(attacked) < 1  # the disconnect has been handled by now
    log = (LOGS / "rasa.log").read_text(errors="replace")
    assert "Traceback" not in log and "Invalid response type" not in log


def test_a_message_before_any_session_is_not_taken_into_a_conversation(attacked: AttackedBot) -> None:
    client = socketio.Client(reconnection=False)
    replies: list[dict] = []
    client.on("bot_uttered", replies.append)
    client.connect(attacked.base, transports=["polling"], headers={"Origin": ORIGIN}, wait_timeout=10)
    try:
        client.emit("user_uttered", {"message": QUESTION, "session_id": "someone-elses-session"})
        deadline = time.monotonic() + 10
        while not replies and time.monotonic() < deadline:
            time.sleep(0.05)
        assert replies and ANSWER not in replies[0]["text"]
    finally:
        client.disconnect()


def test_unknown_names_are_not_echoed_as_links(attacked: AttackedBot) -> None:
    text = attacked.text(new_sender(), "what does a https://evil.example/x engineer earn?")
    assert "https://" not in text and "evil.example" not in text


def test_only_the_configured_origin_may_use_the_chat(attacked: AttackedBot) -> None:
    preflight = {"Access-Control-Request-Method": "POST"}
    evil = requests.options(
        f"{attacked.base}/webhooks/rest/webhook", headers={"Origin": "https://evil.example", **preflight}, timeout=10
    )
    assert "access-control-allow-origin" not in {k.lower() for k in evil.headers}
    good = requests.options(
        f"{attacked.base}/webhooks/rest/webhook", headers={"Origin": ORIGIN, **preflight}, timeout=10
    )
    assert good.headers.get("Access-Control-Allow-Origin") == ORIGIN
    with pytest.raises(socketio.exceptions.ConnectionError):
        Widget(attacked, origin="https://evil.example")


def test_the_action_server_answers_rasa_only(attacked: AttackedBot) -> None:
    webhook = f"{attacked.actions}/webhook"
    call = {"next_action": "action_answer_salary", "tracker": {"sender_id": "x"}, "domain": {}, "version": "3.6.2"}
    assert requests.post(webhook, json=call, timeout=10).status_code == 401
    assert requests.post(webhook, params={"token": "guessed"}, json=call, timeout=10).status_code == 401
    token = {"token": attacked.action_token}
    missing = requests.post(webhook, params=token, json={"tracker": {}}, timeout=10)
    assert missing.status_code == 400
    secret = "SECRET-MARKER-IN-THE-BODY"
    broken = {"sender_id": secret, "latest_message": secret}  # the action fails on it
    failing = requests.post(webhook, params=token, json={**call, "tracker": broken}, timeout=10)
    assert failing.status_code == 500
    assert secret not in failing.text and "SELECT" not in failing.text
    huge = requests.post(
        webhook, params=token, data=b"{" + b" " * 25_000_000 + b"}", headers={"Content-Type": "application/json"}
    )
    assert huge.status_code == 413
    cors = requests.options(webhook, headers={"Origin": ORIGIN, "Access-Control-Request-Method": "POST"}, timeout=10)
    assert "access-control-allow-origin" not in {k.lower() for k in cors.headers}
