"""action_suggest_careers on the KB of the test corpus: a shortlist of the documents' careers for the
interests a visitor states or picks, each cited; with none stated, the interests to pick from."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.unit


def test_interests_in_the_message_get_careers_the_documents_show_fit_with_their_reasons(ask) -> None:
    reply = ask("action_suggest_careers", "I'm good at maths, what job should I do?")
    assert reply.text.startswith("Careers in my documents that fit maths and numbers:\n1. Actuary")
    assert "Source: " in reply.text
    assert "Actuary" in reply.buttons


def test_a_healthcare_interest_never_yields_a_developer(ask) -> None:
    reply = ask("action_suggest_careers", "I like helping people, what career suits me?")
    assert "Registered Nurse" in reply.text
    assert "Developer" not in reply.text and "Engineer" not in reply.text


def test_a_chosen_interest_comes_from_the_button(ask) -> None:
    reply = ask("action_suggest_careers", "/ask_suggestion", {"interest": "creative work"})
    assert "fit creative work" in reply.text and "Designer" in reply.text


def test_with_no_interest_stated_the_visitor_picks_one(ask) -> None:
    reply = ask("action_suggest_careers", "what career suits me?")
    assert reply.text.startswith("Tell me what you enjoy")
    assert "I like helping people" in reply.buttons and "I like working outdoors" in reply.buttons
