"""Free loopback ports, chosen when a test needs them, so test runs never collide."""

from __future__ import annotations

import socket


def free_ports(count: int) -> list[int]:
    """``count`` different free ports (all held until every one is chosen)."""
    sockets = [socket.socket() for _ in range(count)]
    try:
        for s in sockets:
            s.bind(("127.0.0.1", 0))
        return [s.getsockname()[1] for s in sockets]
    finally:
        for s in sockets:
            s.close()


def free_port() -> int:
    return free_ports(1)[0]
