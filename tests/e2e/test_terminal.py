"""The terminal: `make shell` driven the way a person uses it, through a pseudo-terminal."""

from __future__ import annotations

import os
from pathlib import Path

import pexpect
import pytest

from bot import settings
from tests.support.ports import free_ports

pytestmark = pytest.mark.e2e


def test_make_shell_answers_from_the_knowledge_base_takes_numbered_answers_and_quits(trained_bot: Path) -> None:
    rasa_port, actions_port = free_ports(2)
    env = {
        **os.environ,
        "CAREERBOT_RASA_PORT": str(rasa_port),
        "CAREERBOT_ACTIONS_PORT": str(actions_port),
        "TERM": "xterm",
        "ACTION_ENDPOINT_URL": "",
    }
    child = pexpect.spawn(
        "make", ["shell"], cwd=str(settings.ROOT), env=env, encoding="utf-8", timeout=300, dimensions=(50, 200)
    )
    try:
        child.expect("Your input ->")
        child.sendline("what does a database architect earn?")
        child.expect(r"about \$117,000 a year")
        reply = child.before + child.after
        child.expect("Your input ->")  # the prompt after the whole reply
        reply += child.before
        child.sendline("help me choose a career")  # answers as numbered choices, picked by typing the number
        child.expect(r"(\d)\. Computers and technology")
        number = child.match.group(1)
        child.expect("Type a number or your own answer.")
        child.expect("Your input ->")
        child.sendline(number)
        child.expect("How long are you willing to study or train?")
        child.expect("Your input ->")
        child.sendline("/stop")
        child.expect(pexpect.EOF, timeout=120)
    finally:
        child.close(force=True)
    assert "You could also ask about: Job growth" in reply
    assert "/ask_growth" not in reply  # buttons are plain text, not raw payloads
