"""The custom actions: ``actions_for(kb)`` makes one of each, reading the knowledge base it is given."""

from __future__ import annotations

from rasa_sdk import Action

from actions.actions import (
    ANSWER_ACTIONS,
    CompareAction,
    FactAction,
    FallbackAction,
    FollowUpAction,
    ListCareersAction,
    OutOfScopeAction,
    SmallTalkAction,
    SuperlativeAction,
    Unanswered,
)
from actions.guidance import GUIDANCE_ACTIONS
from kb.query import KnowledgeBase


def actions_for(kb: KnowledgeBase, unanswered: Unanswered | None = None) -> list[Action]:
    """One of every action, reading ``kb`` and recording unanswered questions with ``unanswered``."""
    others = (
        FollowUpAction,
        CompareAction,
        FactAction,
        ListCareersAction,
        SuperlativeAction,
        FallbackAction,
        OutOfScopeAction,
        SmallTalkAction,
        *GUIDANCE_ACTIONS,
    )
    made = [action(kb, unanswered) for action in (*ANSWER_ACTIONS, *others)]
    for action in made:
        action.others = {other.name(): other for other in made}
    return made
