"""Whole conversations over the REST channel of the running bot, checking the facts in the replies.

Each conversation is a list of (what the user says, phrases the reply must contain).
A leading "!" marks a phrase the reply must NOT contain.
"""

from __future__ import annotations

import pytest
import yaml
from sqlalchemy import bindparam, create_engine, text

from bot import settings
from tests.e2e.conftest import Conversation

pytestmark = pytest.mark.e2e
SENDERS: list[str] = []  # the conversations held so far in this module

SOURCE = "Source: Back End Developer Careers"

CONVERSATIONS = {
    "salary, follow-up career, growth of that field": [
        ("what does a database architect earn?", ["about $117,000 a year", "BLS", f"{SOURCE}, “Database Architect”"]),
        ("and what about software developers?", ["$130,000", "Software Developer"]),
        ("how fast is that field growing?", ["17 percent", "4 percent", "much faster than the average"]),
    ],
    "kind of question first, bare career after": [
        ("I want to know about salaries", ["Which career?"]),
        ("database architect", ["$117,000"]),
    ],
    "pronoun follow-up": [
        ("tell me about information security analysts", ["ensure that computer systems and networks stay secure"]),
        ("how much do they make?", ["$120,000"]),
    ],
    "shouting": [("SOFTWARE DEVELOPER SALARY", ["$130,000"])],
    "a visitor who doesn't know yet": [
        ("what career suits me?", ["Tell me what you enjoy"]),
        ("I love computers and coding, which job would suit me?", ["fit computers and technology", SOURCE]),
        ("compare them", ["side by side", "$130,000", SOURCE]),
        ("which of those pays the most?", ["1. Software Developer"]),
    ],
    "help me choose": [
        ("help me choose a career", ["What do you enjoy most?"]),
        ("computers", ["How long are you willing to study"]),
        ("it doesn't matter", ["What do you need to earn?"]),
        ("at least 100k", ["Careers in my documents that fit computers and technology", "paying at least $100,000"]),
    ],
    "help me choose, answered with a greeting's words": [
        ("help me choose", ["What do you enjoy most?"]),
        ("hi, computers I guess", ["How long are you willing to study"]),
        ("thanks", ["You're welcome"]),  # small talk, the question still pending
        ("a few months", ["What do you need to earn?"]),
    ],
    "the way to a career": [
        ("I know HTML and CSS, how do I become a back end developer?", ["Python Developer Certificate", SOURCE]),
    ],
    "moving on from a job": [
        ("I'm a software developer, what else could I do?", ["share the most with Software Developers", SOURCE]),
    ],
    "typos": [("what does a sofware devloper earn?", ["$130,000"])],
    "growth by field name": [("how fast is information security work growing?", ["32 percent"])],
    "declining with openings": [("is computer programming a declining field?", ["declining", "6,400"])],
    "honest about a missing figure": [
        ("what does a back end developer earn?", ["don't give a salary figure", "slightly less", "!$"]),
    ],
    "unknown career": [("what does a nurse earn?", ["I don't have", "!$"])],
    "compare pay": [
        (
            "which pays more, software developer or database architect?",
            ["Software Developers come out ahead on salary", "$130,000", "about $117,000"],
        ),
    ],
    "overall skills": [("what skills do I need to be a back end developer?", ["Hard skills", "Soft skills"])],
    "languages": [("which programming languages should I learn?", ["Python, JavaScript, Ruby and Java"])],
    "databases": [("what databases should a backend dev know?", ["MySQL, MongoDB and PostgreSQL"])],
    "servers": [("which servers are popular?", ["Apache, Microsoft and NGINX"])],
    "soft skills": [("what soft skills matter for back end developers?", ["Problem-Solving and Communication"])],
    "related careers": [("what careers are related to back end development?", ["Information Security Analyst"])],
    "course list": [("what courses do you offer?", ["Python Developer Certificate", "Advanced HTML and CSS"])],
    "course for a topic": [
        ("which course teaches Django?", ["Python Developer Certificate", "Software Engineering Certificate"])
    ],
    "course details and follow-up": [
        ("what does the python developer certificate cover?", ["Django", "object-oriented programming"]),
        ("how many mentoring sessions does it include?", ["4 one-on-one mentoring sessions"]),
        ("and the javascript one?", ["8 one-on-one mentoring sessions"]),
    ],
    "prerequisites": [
        ("are there any prerequisites for the JavaScript Development Certificate?", ["basic HTML and CSS skills"])
    ],
    "awards": [("has the full-stack course won any awards?", ["Best Full-Stack Developer Bootcamp", "Forbes Advisor"])],
    "course for a career": [
        ("which course should I take to become a back end developer?", ["Courses for Back End Developers"])
    ],
    "provider": [("where is Noble Desktop based?", ["New York City"])],
    "retake": [("can I retake a class?", ["free retake within a year"])],
    "general: history": [("when did the first website go live?", ["1993"])],
    "general: definition": [("what is an API?", ["Application Programming Interface"])],
    "what a career does": [
        ("what does a database architect do?", ["designs, builds, and manages large-scale databases"])
    ],
    "small talk": [
        ("hi", ["Hi!"]),
        ("what can you do?", ["I answer from my career documents"]),
        ("are you a bot?", ["I'm a bot"]),
        ("thanks", ["You're welcome"]),
        ("bye", ["Goodbye"]),
    ],
    "out of scope": [("what's the weather like in Paris?", ["outside what I can help with", "!$"])],
    "any aspect, honest when the documents are silent": [
        ("how many job openings do computer programmers have per year?", ["6,400"]),
        ("where do software developers work?", ["many different industries"]),
        ("what certifications do database architects need?", ["My documents don't say anything about", "!$"]),
    ],
    "the careers known": [("which careers do you know about?", ["I know about 6 careers", "Database Architect"])],
    "highest paying": [("what is the highest paying job?", ["1. Software Developer", "$130,000"])],
    "not understood, and recorded": [("asdf qwerty zxcv", ["Sorry, I didn't understand"])],
    "a keyboard mash is not a greeting or a goodbye": [
        ("hjkl", ["Sorry, I didn't understand"]),
        ("asdkjh qwe", ["Sorry, I didn't understand"]),
        ("hi", ["!Sorry, I didn't understand"]),
    ],
}


@pytest.mark.parametrize("name", CONVERSATIONS)
def test_conversation(conversation: Conversation, name: str) -> None:
    SENDERS.append(conversation.sender)
    for message, expectations in CONVERSATIONS[name]:
        reply = conversation.say(message)
        for phrase in expectations:
            if phrase.startswith("!"):
                assert phrase[1:] not in reply, f"{message!r} -> {reply!r}"
            else:
                assert phrase in reply, f"{message!r} -> {reply!r}"


def test_the_conversations_exercised_every_intent_and_action() -> None:
    """Read from the conversations' own tracker events (the bot's SQLite tracker store), after the
    conversations above have run."""
    if len(SENDERS) != len(CONVERSATIONS):
        pytest.skip("reads what the whole module's conversations did; only some of them ran")
    domain = yaml.safe_load((settings.ROOT / "domain.yml").read_text())
    engine = create_engine(settings.TRACKER_STORE_URL, future=True)
    with engine.connect() as connection:
        query = text("SELECT intent_name, action_name FROM events WHERE sender_id IN :senders")
        rows = connection.execute(query.bindparams(bindparam("senders", expanding=True)), {"senders": SENDERS}).all()
    engine.dispose()
    assert {intent for intent, _ in rows if intent} >= set(domain["intents"])
    assert {action for _, action in rows if action} >= set(domain["actions"])
