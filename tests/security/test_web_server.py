"""The demo page's server against a hostile visitor: HEAD works, every response (errors too) carries
the security headers and names no software version, and hundreds of idle connections neither start
a thread each nor keep other visitors waiting, and are closed by the server after a short timeout."""

from __future__ import annotations

import re
import selectors
import socket
import time
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import requests

from bot import settings
from bot.launch import servers, web
from tests.conftest import OUTPUT
from tests.support.ports import free_port

pytestmark = pytest.mark.e2e
RASA_URL = "http://127.0.0.1:5005"  # only written into the page's config and policy; nothing runs there
IDLE_CONNECTIONS = 300


@pytest.fixture(scope="module")
def page() -> Iterator[servers.Server]:
    server = servers.start_web(free_port(), RASA_URL, settings.rasa_env(), OUTPUT / "logs" / "security-web.log")
    try:
        server.wait_ready(60)
        yield server
    finally:
        server.stop()


def raw_request(server: servers.Server, request: bytes) -> tuple[str, bytes]:
    """Send ``request`` as is on a fresh connection; the response's head and whatever followed it."""
    with socket.create_connection((settings.HOST, urlsplit(server.ready_url).port), timeout=5) as connection:
        connection.sendall(request)
        received = b""
        while chunk := connection.recv(65536):
            received += chunk
    head, _, rest = received.partition(b"\r\n\r\n")
    return head.decode("latin-1"), rest


@pytest.mark.parametrize("path, file", [("/", "index.html"), ("/widget.js", "widget.js")])
def test_head_answers_like_get_without_a_body(page: servers.Server, path: str, file: str) -> None:
    head, rest = raw_request(page, f"HEAD {path} HTTP/1.1\r\nHost: page\r\nConnection: close\r\n\r\n".encode())
    assert head.startswith("HTTP/1.1 200 ")
    assert re.search(r"(?im)^content-length: (\d+)\r?$", head).group(1) == str(len((web.WEB_DIR / file).read_bytes()))
    assert rest == b""


@pytest.mark.parametrize(
    "method, path, status",
    [("GET", "/", 200), ("GET", "/config.js", 200), ("GET", "/no-such-file", 404), ("POST", "/", 405)],
)
def test_every_response_carries_the_security_headers(page: servers.Server, method: str, path: str, status: int) -> None:
    response = requests.request(method, page.ready_url.rstrip("/") + path, timeout=5)
    assert response.status_code == status
    policy = response.headers["Content-Security-Policy"]
    assert "default-src 'self'" in policy and "frame-ancestors 'none'" in policy
    assert f"connect-src 'self' {RASA_URL} ws://127.0.0.1:5005" in policy
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["X-Frame-Options"] == "DENY"
    assert response.headers["Referrer-Policy"] == "no-referrer"
    assert not re.search(r"python|\d", response.headers.get("Server", ""), re.IGNORECASE)


def threads(pid: int) -> int:
    return int(re.search(r"Threads:\s+(\d+)", Path(f"/proc/{pid}/status").read_text()).group(1))


def test_idle_connections_take_no_thread_each_block_no_one_and_are_closed(page: servers.Server) -> None:
    address = (settings.HOST, urlsplit(page.ready_url).port)
    idle = [socket.create_connection(address, timeout=5) for _ in range(IDLE_CONNECTIONS)]
    try:
        for connection in idle[::2]:  # half say nothing, half stall in the request line
            connection.sendall(b"GET / HT")
        started = time.monotonic()
        assert requests.get(page.ready_url, timeout=5).status_code == 200
        assert time.monotonic() - started < 1
        assert threads(page.process.pid) < 20

        open_ones = selectors.DefaultSelector()
        for connection in idle:
            open_ones.register(connection, selectors.EVENT_READ)
        deadline = time.monotonic() + 20  # keep-alive timeout 5 s, request timeout 10 s
        while open_ones.get_map() and time.monotonic() < deadline:
            for key, _ in open_ones.select(timeout=1):
                if not key.fileobj.recv(65536):  # a stalled request gets a 408 first, then the close
                    open_ones.unregister(key.fileobj)
        assert not open_ones.get_map(), f"{len(open_ones.get_map())} idle connections still open"
    finally:
        for connection in idle:
            connection.close()
