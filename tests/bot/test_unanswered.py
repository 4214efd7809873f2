"""The questions the documents could not answer are kept, with nothing about the visitor but the sender
id, and reported most frequent first."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import inspect

from bot.launch import cli
from bot.unanswered import UnansweredLog, unanswered

pytestmark = pytest.mark.unit


def test_the_most_frequent_come_first_whatever_the_case(tmp_path: Path) -> None:
    log = UnansweredLog(f"sqlite:///{tmp_path / 'u.sqlite3'}")
    for question in ("Do vets earn much?", "do vets earn much?", "what about pilots?"):
        log.record(question, "rest", "visitor-1", "unknown career")
    log.record("", "rest", "visitor-1", "unknown career")  # nothing asked: nothing kept
    first, second = log.most_frequent()
    assert (first.count, first.question.lower(), first.reasons) == (2, "do vets earn much?", "unknown career")
    assert (second.count, second.question) == (1, "what about pilots?")


def test_only_the_question_time_channel_sender_and_reason_are_kept(tmp_path: Path) -> None:
    log = UnansweredLog(f"sqlite:///{tmp_path / 'u.sqlite3'}")
    columns = {c["name"] for c in inspect(log.engine).get_columns(unanswered.name)}
    assert columns == {"id", "asked_at", "channel", "sender_id", "question", "normalized", "reason"}


def test_make_report_prints_them(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys) -> None:
    url = f"sqlite:///{tmp_path / 'u.sqlite3'}"
    monkeypatch.setattr(cli.settings, "UNANSWERED_URL", url)
    cli.report_unanswered()
    assert capsys.readouterr().out == "No unanswered questions recorded yet.\n"
    UnansweredLog(url).record("is there a course on welding?", "socketio", "s", "no course for topic")
    cli.report_unanswered()
    out = capsys.readouterr().out
    assert "most frequent questions" in out and "1x  is there a course on welding?" in out
