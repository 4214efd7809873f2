"""A missing or corrupt knowledge base stops start-up with an error naming the file and the fix."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from bot import settings
from bot.launch import servers

pytestmark = pytest.mark.e2e


def run_module(kb_url: str, *args: str) -> subprocess.CompletedProcess:
    """``python -m ARGS`` as the bot runs it, with the knowledge base at ``kb_url``."""
    return subprocess.run(
        [str(servers.BIN / "python"), "-m", *args],
        cwd=settings.ROOT,
        env={**settings.rasa_env(), "CAREERBOT_KB_URL": kb_url},
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.mark.parametrize("content", [None, b"definitely not a database" * 50])
def test_action_server_refuses_to_start_without_a_usable_kb(tmp_path: Path, content: bytes | None) -> None:
    kb_file = tmp_path / "kb.sqlite3"
    if content is not None:
        kb_file.write_bytes(content)
    result = run_module(f"sqlite:///{kb_file}", "bot.launch.action_server", "5455")
    assert result.returncode == 2
    assert str(kb_file) in result.stderr and "make kb" in result.stderr


def test_building_over_a_corrupt_kb_names_the_file(tmp_path: Path) -> None:
    kb_file = tmp_path / "kb.sqlite3"
    kb_file.write_bytes(b"definitely not a database" * 50)
    result = run_module(f"sqlite:///{kb_file}", "bot", "kb")
    assert result.returncode == 2
    assert str(kb_file) in result.stderr and "make kb" in result.stderr
