"""Starting, waiting for and stopping the servers: the action server, the Rasa server (REST
channel) and the demo web page. Used by ``python -m bot run``, the end-to-end tests and the
benchmark, so all run the bot the same way."""

from __future__ import annotations

import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from bot import settings

BIN = Path(sys.executable).parent
STOP_TIMEOUT = 10  # seconds the servers get to stop on their own before they are killed


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
    stop_processes([process] if process else [], timeout)


def stop_processes(processes: list[subprocess.Popen], timeout: float = 15) -> None:
    """Terminate all the processes at once, then kill any still running after ``timeout`` seconds:
    stopping them one after the other would add up their shutdown times."""
    running = [p for p in processes if p.poll() is None]
    for process in running:
        process.terminate()
    deadline = time.monotonic() + timeout
    for process in running:
        try:
            process.wait(max(deadline - time.monotonic(), 0))
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


def rasa_command(port: int, host: str, model: str = "models") -> list[str]:
    """The Rasa server's command line (the launcher adds CORS origins and the API token from the settings)."""
    return [
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
    ]


def start_actions(port: int, env: dict[str, str], log: Path | None = None) -> Server:
    env = {**env, "SANIC_REQUEST_MAX_SIZE": str(settings.ACTIONS_MAX_REQUEST_BYTES)}
    command = [str(BIN / "python"), *actions_command(port)[1:]]
    return _spawn("action server", command, env, log, f"http://{settings.HOST}:{port}/health")


def start_rasa(port: int, env: dict[str, str], log: Path | None = None) -> Server:
    env = {**env, "SANIC_REQUEST_MAX_SIZE": str(settings.RASA_MAX_REQUEST_BYTES)}
    command = [str(BIN / "python"), *rasa_command(port, settings.HOST, str(settings.MODELS_DIR))[1:]]
    return _spawn("Rasa server", command, env, log, f"http://{settings.HOST}:{port}/")


def start_web(port: int, rasa_url: str, env: dict[str, str], log: Path | None = None) -> Server:
    """The demo page with the chat widget, talking to the Rasa server at ``rasa_url``."""
    command = [str(BIN / "python"), "-m", "bot.launch.web", str(port), rasa_url]
    return _spawn("web page", command, env, log, f"http://{settings.HOST}:{port}/")


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
    web_port: int | None = None,
) -> Iterator[Running]:
    """The action server, the Rasa server and, given ``web_port``, the demo page, all up; stops
    them all on exit, however it comes (an error, Ctrl-C, SIGTERM), within ``STOP_TIMEOUT``."""
    env = {**settings.rasa_env(), **(extra_env or {})}
    env["ACTION_ENDPOINT_URL"] = f"http://{settings.HOST}:{actions_port}/webhook"
    rasa_url = f"http://{settings.HOST}:{rasa_port}"
    started: list[Server] = []
    try:
        if web_port is not None:  # first: it is ready in a second, so a missing file fails fast
            started.append(start_web(web_port, rasa_url, env, log_dir / "web.log" if log_dir else None))
        started.append(start_actions(actions_port, env, log_dir / "actions.log" if log_dir else None))
        started.append(start_rasa(rasa_port, env, log_dir / "rasa.log" if log_dir else None))
        for server in started:
            server.wait_ready(timeout)
        yield Running(f"{rasa_url}/webhooks/rest/webhook", tuple(started))
    finally:
        stop_processes([server.process for server in started], STOP_TIMEOUT)
