"""A local stand-in for Slack's Web API: records every call the bot makes to it."""

from __future__ import annotations

import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs


class FakeSlackApi:
    def __init__(self, host: str = "127.0.0.1", port: int = 0) -> None:
        self.calls: list[dict] = []
        self._lock = threading.Lock()
        outer = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:  # noqa: N802
                raw = self.rfile.read(int(self.headers.get("Content-Length") or 0)).decode()
                if "json" in (self.headers.get("Content-Type") or ""):
                    body = json.loads(raw or "{}")
                else:
                    body = {k: v[0] for k, v in parse_qs(raw).items()}
                with outer._lock:
                    outer.calls.append(
                        {"method": self.path.rsplit("/", 1)[-1], "auth": self.headers.get("Authorization"), **body}
                    )
                reply = json.dumps({"ok": True, "channel": body.get("channel"), "ts": f"{time.time():.6f}"}).encode()
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(reply)))
                self.end_headers()
                self.wfile.write(reply)

            def log_message(self, *args: object) -> None:
                pass

        self.server = ThreadingHTTPServer((host, port), Handler)
        self.url = f"http://{host}:{self.server.server_port}/api/"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def posts(self) -> list[dict]:
        with self._lock:
            return [c for c in self.calls if c["method"] == "chat.postMessage"]

    def wait_for_posts(self, count: int, timeout: float = 30) -> list[dict]:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline and len(self.posts()) < count:
            time.sleep(0.1)
        return self.posts()

    def close(self) -> None:
        self.server.shutdown()
