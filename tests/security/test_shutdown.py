"""`python -m bot run` stopped the way service managers stop it (systemd, Docker and Kubernetes send
SIGTERM), or with Ctrl-C's SIGINT sent to it alone: it stops every server it started, promptly,
and leaves no orphans."""

from __future__ import annotations

import os
import signal
import subprocess
import threading
import time
from pathlib import Path

import pytest

from bot import settings
from bot.launch import servers
from tests.support.ports import free_ports

pytestmark = pytest.mark.e2e


def descendants(pid: int) -> set[int]:
    """Every process below ``pid``, from the children each of its threads started."""
    found: set[int] = set()
    for task in Path(f"/proc/{pid}/task").glob("*"):
        try:
            children = (task / "children").read_text().split()
        except OSError:  # the thread or the process has just ended
            continue
        for child in map(int, children):
            found |= {child} | descendants(child)
    return found


def is_running(pid: int) -> bool:
    """Alive and not a zombie waiting to be reaped."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return False
    return stat.rsplit(")", 1)[1].split()[0] != "Z"


class BotRun:
    """``python -m bot run`` on free ports, its output collected line by line as it comes."""

    def __init__(self) -> None:
        rasa_port, actions_port, web_port = free_ports(3)
        env = {
            **settings.rasa_env(),
            "CAREERBOT_RASA_PORT": str(rasa_port),
            "CAREERBOT_ACTIONS_PORT": str(actions_port),
            "CAREERBOT_WEB_PORT": str(web_port),
        }
        self.process = subprocess.Popen(
            [str(servers.BIN / "python"), "-m", "bot", "run"],
            cwd=settings.ROOT,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        self.lines: list[str] = []
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()

    def _read(self) -> None:
        for line in self.process.stdout:
            self.lines.append(line)

    @property
    def output(self) -> str:
        return "".join(self.lines)

    def wait_for(self, text: str, timeout: float) -> None:
        deadline = time.monotonic() + timeout
        while text not in self.output:
            assert self.process.poll() is None, f"exited with code {self.process.returncode}:\n{self.output}"
            assert time.monotonic() < deadline, f"no {text!r} after {timeout:.0f} s:\n{self.output}"
            time.sleep(0.3)


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT], ids=["SIGTERM", "SIGINT"])
def test_a_stop_signal_stops_every_server(trained_bot: Path, signum: signal.Signals) -> None:
    bot = BotRun()
    children: set[int] = set()
    try:
        bot.wait_for("The bot is ready", 300)
        children = descendants(bot.process.pid)
        assert len(children) >= 3  # the action server, the Rasa server, the web page

        bot.process.send_signal(signum)
        bot.process.wait(15)
        bot.reader.join(5)
        assert "Stopping." in bot.output
        assert not [pid for pid in children if is_running(pid)], "servers left running"
    finally:
        for pid in [bot.process.pid, *children]:
            if is_running(pid):
                os.kill(pid, signal.SIGKILL)
        bot.process.wait()
