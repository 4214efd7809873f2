"""Starting, waiting for and stopping the two servers: the action server and
the Rasa server (REST channel). Used by ``python -m bot run`` and by the
end-to-end tests, so both run the bot the same way."""

from __future__ import annotations

import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from bot import settings

BIN = Path(sys.executable).parent


class ServerFailed(RuntimeError):
    pass


@dataclass
class Server:
    name: str
    process: subprocess.Popen
    ready_url: str
    log: Path | None

    def log_tail(self, lines: int = 40) -> str:
        if self.log is None or not self.log.exists():
            return ""
        return "\n".join(self.log.read_text(errors="replace").splitlines()[-lines:])

    def wait_ready(self, timeout: float) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise ServerFailed(f"{self.name} exited with code {self.process.returncode}.\n{self.log_tail()}")
            try:
                with urllib.request.urlopen(self.ready_url, timeout=2) as response:
                    if response.status == 200:
                        return
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                pass
            time.sleep(0.3)
        raise ServerFailed(f"{self.name} not ready at {self.ready_url} after {timeout:.0f}s.\n{self.log_tail()}")

    def stop(self, timeout: float = 15) -> None:
        stop_process(self.process, timeout)


def stop_process(process: subprocess.Popen | None, timeout: float = 15) -> None:
    """Terminate a process, and kill it if it has not exited after ``timeout`` seconds."""
    if process and process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def _spawn(name: str, command: list[str], env: dict[str, str], log: Path | None, ready_url: str) -> Server:
    output: IO | int | None = None
    if log is not None:
        log.parent.mkdir(parents=True, exist_ok=True)
        output = log.open("ab")
    process = subprocess.Popen(
        command, cwd=settings.ROOT, env=env, stdout=output, stderr=subprocess.STDOUT if log else None
    )
    return Server(name, process, ready_url, log)


def actions_command(port: int) -> list[str]:
    return ["python", "-m", "bot.launch.action_server", str(port)]


def rasa_command(port: int, host: str, api_token: str | None = None, model: str = "models") -> list[str]:
    command = [
        "python",
        "-m",
        "bot.launch.rasa_server",
        "run",
        "--interface",
        host,
        "--port",
        str(port),
        "--model",
        model,
        "--endpoints",
        "endpoints.yml",
        "--credentials",
        "credentials.yml",
        "--cors",
        "*",
    ]
    if api_token:  # the HTTP API (trackers, models, ...) is only on with a token; channel webhooks are always open
        command += ["--enable-api", "--auth-token", api_token]
    return command


def start_actions(port: int, env: dict[str, str], log: Path | None = None) -> Server:
    command = [str(BIN / "python"), *actions_command(port)[1:]]
    return _spawn("action server", command, env, log, f"http://{settings.HOST}:{port}/health")


def start_rasa(
    port: int, env: dict[str, str], log: Path | None = None, api_token: str | None = settings.RASA_API_TOKEN
) -> Server:
    command = [str(BIN / "python"), *rasa_command(port, settings.HOST, api_token, str(settings.MODELS_DIR))[1:]]
    return _spawn("Rasa server", command, env, log, f"http://{settings.HOST}:{port}/")


@dataclass
class Running:
    webhook: str
    servers: tuple[Server, ...]

    def wait(self) -> None:
        """Block until one of the servers exits."""
        while all(s.process.poll() is None for s in self.servers):
            time.sleep(0.5)


@contextmanager
def running(
    rasa_port: int,
    actions_port: int,
    log_dir: Path | None = None,
    timeout: float = 180,
    extra_env: dict[str, str] | None = None,
) -> Iterator[Running]:
    """Both servers up (action server first); stops both on exit."""
    env = {**settings.rasa_env(), **(extra_env or {})}
    env["ACTION_ENDPOINT_URL"] = f"http://{settings.HOST}:{actions_port}/webhook"
    with ExitStack() as stack:
        actions = start_actions(actions_port, env, log_dir / "actions.log" if log_dir else None)
        stack.callback(actions.stop)
        rasa = start_rasa(rasa_port, env, log_dir / "rasa.log" if log_dir else None)
        stack.callback(rasa.stop)
        actions.wait_ready(timeout)
        rasa.wait_ready(timeout)
        yield Running(f"http://{settings.HOST}:{rasa_port}/webhooks/rest/webhook", (actions, rasa))
