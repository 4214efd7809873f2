"""Load, restarts, a dead action server, bad input and API access, against real servers."""

from __future__ import annotations

import hashlib
from concurrent.futures import ThreadPoolExecutor

import pytest
import requests

from bot import settings
from bot.plugins.channels import APOLOGY
from kb.db import sqlite_path
from tests.reliability.conftest import TOKEN, Bot, new_sender, text

pytestmark = pytest.mark.e2e

MIX = [
    "what does a database architect earn?",
    "what about software developers?",
    "how fast is that field growing?",
    "which programming languages should I learn?",
    "which course teaches Django?",
    "hi",
    "which pays more, software developer or database architect?",
    "thanks",
    "what is an API?",
    "what does an information security analyst earn?",
]


def test_concurrent_conversations_lose_nothing(bot: Bot) -> None:
    senders = [new_sender() for _ in range(20)]
    messages = [MIX[i % len(MIX)] for i in range(20)]

    def converse(sender: str) -> list[int]:
        codes = []
        for message in messages:
            response = requests.post(
                f"{bot.base}/webhooks/rest/webhook", json={"sender": sender, "message": message}, timeout=120
            )
            codes.append(response.status_code if response.json() else 0)
        return codes

    with ThreadPoolExecutor(max_workers=20) as pool:
        results = list(pool.map(converse, senders))
    assert all(code == 200 for codes in results for code in codes), results
    for sender in senders:
        assert bot.user_messages(sender) == messages


def test_conversation_survives_a_rasa_restart(bot: Bot) -> None:
    sender = new_sender()
    assert "$117,000" in text(bot.say(sender, "what does a database architect earn?"))
    bot.rasa.stop()
    bot.start_rasa()
    assert "$130,000" in text(bot.say(sender, "what about software developers?"))


def test_action_server_down_gets_an_apology_then_recovers(bot: Bot) -> None:
    sender = new_sender()
    assert "$117,000" in text(bot.say(sender, "what does a database architect earn?"))
    bot.actions.stop()
    try:
        assert text(bot.say(sender, "how fast is that field growing?")) == APOLOGY
    finally:
        bot.start_actions()
    assert "9 percent" in text(bot.say(sender, "how fast is that field growing?"))
    assert (
        bot.user_messages(sender) == ["what does a database architect earn?"] + ["how fast is that field growing?"] * 2
    )


def kb_fingerprint() -> str:
    path = sqlite_path(settings.KB_URL)
    assert path is not None
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_bad_input_gets_a_clear_error_or_a_polite_reply(bot: Bot) -> None:
    url = f"{bot.base}/webhooks/rest/webhook"
    before = kb_fingerprint()
    rejected = {
        "empty message": requests.post(url, json={"sender": "bad", "message": ""}),
        "whitespace message": requests.post(url, json={"sender": "bad", "message": "   \n\t "}),
        "20,000 characters": requests.post(url, json={"sender": "bad", "message": "career " * 3000}),
        "invalid JSON": requests.post(
            url, data=b'{"sender": "bad", "message": ', headers={"Content-Type": "application/json"}
        ),
        "missing sender": requests.post(url, json={"message": "hello"}),
        "not UTF-8": requests.post(
            url, data=b'{"sender": "bad", "message": "caf\xe9"}', headers={"Content-Type": "application/json"}
        ),
        "not an object": requests.post(url, json=["hello"]),
    }
    for name, response in rejected.items():
        assert 400 <= response.status_code < 500, (name, response.status_code, response.text)
        assert response.text, name
    politely_answered = [
        "😀🚀 what does a database architect earn? 👩‍💻",
        "ما هو راتب مهندس البرمجيات؟",
        "<script>alert('x')</script><b>hello</b>",
        "what does a '; DROP TABLE careers; -- earn?",
        "'; DROP TABLE careers; --",
    ]
    for message in politely_answered:
        replies = bot.say(new_sender(), message)
        assert replies and all(r.get("text") for r in replies), (message, replies)
    assert "$117,000" in text(bot.say(new_sender(), "what does a database architect earn?"))
    assert kb_fingerprint() == before


def test_http_api_needs_the_token(bot: Bot) -> None:
    sender = new_sender()
    bot.say(sender, "hi")
    for path in (f"/conversations/{sender}/tracker", "/status"):
        assert requests.get(bot.base + path, timeout=10).status_code in (401, 403)
        assert requests.get(bot.base + path, params={"token": "wrong"}, timeout=10).status_code in (401, 403)
        assert requests.get(bot.base + path, params={"token": TOKEN}, timeout=10).status_code == 200
