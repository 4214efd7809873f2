"""One reply, formatted for each channel the user came in on."""

from __future__ import annotations

import json

import pytest

from actions.replies import Reply, button, render

pytestmark = pytest.mark.unit

REPLY = Reply(
    "Database Architects earn about $117,000 a year.\nSource: doc.txt, “Database Architect”.",
    [button("Job growth", "ask_growth", career="Database Architect")],
)


def test_web_and_rest_get_text_and_buttons() -> None:
    message = render(REPLY, "socketio")
    assert message["text"] == REPLY.text
    assert message["buttons"] == [{"title": "Job growth", "payload": '/ask_growth{"career": "Database Architect"}'}]


def test_terminal_gets_suggestions_as_plain_text_not_payloads() -> None:
    message = render(REPLY, "cmdline")
    assert "buttons" not in message
    assert message["text"].endswith("You could also ask about: Job growth")
    assert "/ask_growth" not in message["text"]


def test_slack_gets_its_own_markup() -> None:
    message = render(REPLY, "slack")
    assert message["text"].splitlines()[1] == "_Source: doc.txt, “Database Architect”._"
    assert message["buttons"]


def test_actions_render_for_the_channel_of_the_last_message(run) -> None:
    r = run("action_answer_salary", "database architect salary", {"career": "database architect"}, channel="cmdline")
    assert r.buttons == [] and "You could also ask about: Job growth · Skills needed · Related courses" in r.text


def test_a_button_payload_is_json_whatever_the_name_holds() -> None:
    name = 'Nurse "RN" \\ Ærztin'
    payload = button(name, "inform", career=name)["payload"]
    assert payload.startswith("/inform{")
    assert json.loads(payload[len("/inform") :]) == {"career": name}
