"""Run actions the way the action server does: each constructed around a real KB (built from the
shipped document), registered with rasa_sdk's executor, run on real Trackers."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pytest
from rasa_sdk import Tracker
from rasa_sdk.executor import ActionExecutor, CollectingDispatcher

from actions import actions_for
from kb.query import KnowledgeBase


@dataclass
class Result:
    messages: list[dict[str, Any]]
    slots: dict[str, Any]

    @property
    def text(self) -> str:
        return "\n".join(m.get("text") or "" for m in self.messages)

    @property
    def buttons(self) -> list[str]:
        return [b["title"] for m in self.messages for b in (m.get("buttons") or [])]


def executor_for(kb: KnowledgeBase) -> ActionExecutor:
    ex = ActionExecutor()
    for action in actions_for(kb):
        ex.register_action(action)
    return ex


@pytest.fixture(scope="session")
def executor(kb: KnowledgeBase) -> ActionExecutor:
    return executor_for(kb)


@pytest.fixture(scope="session")
def corpus_executor(corpus_kb: KnowledgeBase) -> ActionExecutor:
    return executor_for(corpus_kb)


@pytest.fixture
def run(executor: ActionExecutor):
    """run(action, text, entities={label: value or [values]}, slots={...}, channel=...) -> Result,
    on the KB of the shipped document."""
    return runner(executor)


@pytest.fixture
def ask(corpus_executor: ActionExecutor):
    """Like ``run``, on the KB of the test corpus (tests/documents) and the shipped document."""
    return runner(corpus_executor)


def runner(executor: ActionExecutor):

    def _run(
        action: str,
        text: str = "",
        entities: dict[str, Any] | None = None,
        slots: dict[str, Any] | None = None,
        channel: str = "rest",
        intent: str | None = None,
    ) -> Result:
        ents = [
            {"entity": label, "value": value}
            for label, values in (entities or {}).items()
            for value in (values if isinstance(values, list) else [values])
        ]
        tracker = Tracker(
            sender_id="test",
            slots=dict(slots or {}),
            latest_message={"text": text, "entities": ents, "intent": {"name": intent} if intent else {}},
            events=[{"event": "user", "text": text, "input_channel": channel}],
            paused=False,
            followup_action=None,
            active_loop={},
            latest_action_name=None,
        )
        dispatcher = CollectingDispatcher()
        events = executor.actions[action](dispatcher, tracker, {})
        set_slots = {e["name"]: e["value"] for e in events if e.get("event") == "slot"}
        return Result(dispatcher.messages, set_slots)

    return _run
