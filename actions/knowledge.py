"""The action server's one knowledge-base handle, opened on first use."""

from __future__ import annotations

from functools import lru_cache

from bot import settings
from kb.query import KnowledgeBase


@lru_cache(maxsize=1)
def knowledge_base() -> KnowledgeBase:
    return KnowledgeBase(settings.KB_URL)
