"""Serves the demo careers page with the chat widget (``web/``) on loopback.

Only the page's own files are served: ``web/*.html|js|css``, the socket.io client
from ``web/node_modules`` (installed by ``make setup``), and a generated
``config.js`` that tells the widget where the Rasa server is.
"""

from __future__ import annotations

import threading
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from bot import settings

WEB_DIR = settings.ROOT / "web"
FILES = {
    "/": (WEB_DIR / "index.html", "text/html; charset=utf-8"),
    "/index.html": (WEB_DIR / "index.html", "text/html; charset=utf-8"),
    "/widget.js": (WEB_DIR / "widget.js", "text/javascript; charset=utf-8"),
    "/widget.css": (WEB_DIR / "widget.css", "text/css; charset=utf-8"),
    "/vendor/socket.io.min.js": (
        WEB_DIR / "node_modules" / "socket.io-client" / "dist" / "socket.io.min.js",
        "text/javascript; charset=utf-8",
    ),
}


def handler_for(rasa_url: str) -> type[BaseHTTPRequestHandler]:
    config = f"window.CAREERBOT = {{socketUrl: {rasa_url!r}}};\n".encode()
    ws_url = rasa_url.replace("http", "ws", 1)
    policy = (
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
        f"connect-src 'self' {rasa_url} {ws_url}"
    )

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 - http.server's name
            path = self.path.split("?", 1)[0]
            if path == "/config.js":
                return self._send(config, "text/javascript; charset=utf-8")
            if path not in FILES:
                return self._send(b"Not found\n", "text/plain; charset=utf-8", HTTPStatus.NOT_FOUND)
            file, content_type = FILES[path]
            self._send(file.read_bytes(), content_type)

        def _send(self, body: bytes, content_type: str, status: HTTPStatus = HTTPStatus.OK) -> None:
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(body)))
            self.send_header("Content-Security-Policy", policy)
            self.send_header("X-Content-Type-Options", "nosniff")
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    return Handler


def serve(port: int, rasa_url: str) -> ThreadingHTTPServer:
    """Start serving in a background thread; call ``shutdown()`` on the result to stop."""
    missing = [str(f) for f, _ in FILES.values() if not Path(f).is_file()]
    if missing:
        raise FileNotFoundError(f"Web page files missing: {', '.join(missing)}. Run `make setup`.")
    server = ThreadingHTTPServer((settings.HOST, port), handler_for(rasa_url))
    threading.Thread(target=server.serve_forever, name="web", daemon=True).start()
    return server
