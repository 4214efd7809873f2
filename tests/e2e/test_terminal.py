"""The terminal: `make shell` driven the way a person uses it, through a pseudo-terminal."""

from __future__ import annotations

import os

import pexpect

from bot import settings


def test_make_shell_answers_from_the_knowledge_base_and_quits() -> None:
    env = {
        **os.environ,
        "CAREERBOT_RASA_PORT": "5205",
        "CAREERBOT_ACTIONS_PORT": "5255",
        "TERM": "xterm",
        "ACTION_ENDPOINT_URL": "",
        "TRACKER_STORE_URL": f"sqlite:///{settings.ROOT / 'tests' / 'output' / 'shell-trackers.sqlite3'}",
    }
    child = pexpect.spawn(
        "make", ["shell"], cwd=str(settings.ROOT), env=env, encoding="utf-8", timeout=300, dimensions=(50, 200)
    )
    try:
        child.expect("Your input ->")
        child.sendline("what does a database architect earn?")
        child.expect(r"about \$117,000 a year")
        child.expect("You could also ask about: Job growth")
        child.expect("Your input ->")
        child.sendline("/stop")
        child.expect(pexpect.EOF, timeout=120)
    finally:
        child.close(force=True)
    transcript = child.before or ""
    assert "/ask_growth" not in transcript  # buttons are plain text, not raw payloads
