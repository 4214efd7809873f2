"""The questions the documents could not answer, so operators know which document to add next.

The action server records each one (question, time, channel, sender id: nothing else about the
visitor) in a table at ``settings.UNANSWERED_URL``; ``python -m bot report`` (``make report``) prints
the most frequent. Any SQLAlchemy URL works, so replicas can share one PostgreSQL table.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime, timezone

from sqlalchemy import Column, DateTime, Integer, MetaData, String, Table, Text, create_engine, func, insert, select
from sqlalchemy.exc import SQLAlchemyError

from kb.matching import normalize

log = logging.getLogger(__name__)
MAX_QUESTION_CHARS = 500  # what is kept of a question; channels refuse longer messages anyway

metadata = MetaData()
unanswered = Table(
    "unanswered",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("asked_at", DateTime(timezone=True), nullable=False),
    Column("channel", String(32)),
    Column("sender_id", String(255)),
    Column("question", Text, nullable=False),
    Column("normalized", Text, nullable=False, index=True),
    Column("reason", String(64), nullable=False),
)


@dataclass(frozen=True)
class Frequent:
    question: str  # the latest wording
    count: int
    last_asked: datetime
    reasons: str


class UnansweredLog:
    def __init__(self, url: str) -> None:
        self.engine = create_engine(url, future=True)
        metadata.create_all(self.engine)

    def record(self, question: str, channel: str | None, sender_id: str | None, reason: str) -> None:
        """Keep one unanswered question; a failure to write is logged, never raised into a reply."""
        text = (question or "").strip()[:MAX_QUESTION_CHARS]
        if not text:
            return
        row = {
            "asked_at": datetime.now(timezone.utc),
            "channel": channel,
            "sender_id": sender_id,
            "question": text,
            "normalized": normalize(text),
            "reason": reason,
        }
        try:
            with self.engine.begin() as connection:
                connection.execute(insert(unanswered), row)
        except SQLAlchemyError:
            log.exception("Could not record an unanswered question")

    def most_frequent(self, limit: int = 20) -> list[Frequent]:
        """The questions asked most often (the same words, whatever the case), most frequent first."""
        statement = (
            select(
                func.max(unanswered.c.question),
                func.count(),
                func.max(unanswered.c.asked_at),
                func.group_concat(unanswered.c.reason.distinct())
                if self.engine.dialect.name == "sqlite"
                else func.string_agg(unanswered.c.reason.distinct(), ","),
            )
            .group_by(unanswered.c.normalized)
            .order_by(func.count().desc(), func.max(unanswered.c.asked_at).desc())
            .limit(limit)
        )
        with self.engine.connect() as connection:
            return [Frequent(q, n, last, reasons) for q, n, last, reasons in connection.execute(statement)]
