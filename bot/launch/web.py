"""Serves the demo careers page with the chat widget (``web/``), as a process of its own:

    python -m bot.launch.web PORT RASA_URL

Only the page's own files are served: ``web/*.html|js|css``, the socket.io client from
``web/node_modules`` (installed by ``make setup``), and a generated ``config.js`` that tells the
widget where the Rasa server (``RASA_URL``) is.

The page faces visitors, some of them hostile, so it runs on Sanic (one event loop, no thread per
connection) with short timeouts for idle and slow connections, no request bodies, and the
security headers on every response, error pages included.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Awaitable, Callable
from pathlib import Path

from sanic import Sanic, response
from sanic.request import Request
from sanic.response import HTTPResponse

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
LIMITS = {
    "REQUEST_TIMEOUT": 10,  # seconds to send a whole request: a slow or stalled sender is cut off
    "RESPONSE_TIMEOUT": 10,
    "KEEP_ALIVE_TIMEOUT": 5,  # an idle connection, new or between requests, is closed after this
    "REQUEST_MAX_SIZE": 1024,  # the page takes no request bodies
    "REQUEST_MAX_HEADER_SIZE": 8192,
    "GRACEFUL_SHUTDOWN_TIMEOUT": 2,  # browsers keep connections open; do not let them delay a stop
    "FALLBACK_ERROR_FORMAT": "text",  # plain error pages
}


class FilesMissing(RuntimeError):
    """A file the page needs is not there (``web/node_modules`` is installed by ``make setup``)."""


def security_headers(rasa_url: str) -> dict[str, str]:
    """What every response carries: the page may only load its own files and talk to the Rasa
    server, may not be framed (clickjacking), and types are not sniffed."""
    ws_url = rasa_url.replace("http", "ws", 1)
    policy = (
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
        f"connect-src 'self' {rasa_url} {ws_url}; frame-ancestors 'none'"
    )
    return {
        "Content-Security-Policy": policy,
        "X-Content-Type-Options": "nosniff",
        "X-Frame-Options": "DENY",
        "Referrer-Policy": "no-referrer",
    }


def check_files() -> None:
    missing = [str(file) for file, _ in FILES.values() if not file.is_file()]
    if missing:
        raise FilesMissing(f"Web page files missing: {', '.join(missing)}. Run `make setup`.")


def create_app(rasa_url: str) -> Sanic:
    """GET and HEAD for each file (read on each request, so edits show on reload); anything else
    is Sanic's own 404 or 405, with the same headers."""
    app = Sanic("career_bot_web", configure_logging=False)
    app.config.update(LIMITS)
    config = f"window.CAREERBOT = {{socketUrl: {rasa_url!r}}};\n".encode()
    headers = security_headers(rasa_url)

    def serve_file(file: Path, content_type: str) -> Callable[[Request], Awaitable[HTTPResponse]]:
        async def handler(_: Request) -> HTTPResponse:
            return response.raw(file.read_bytes(), content_type=content_type)

        return handler

    async def serve_config(_: Request) -> HTTPResponse:
        return response.raw(config, content_type="text/javascript; charset=utf-8")

    app.add_route(serve_config, "/config.js", methods=["GET", "HEAD"], name="config")
    for number, (path, (file, content_type)) in enumerate(FILES.items()):
        app.add_route(serve_file(file, content_type), path, methods=["GET", "HEAD"], name=f"file{number}")

    @app.on_response
    async def add_security_headers(_: Request, resp: HTTPResponse) -> None:
        resp.headers.update(headers)

    return app


def main(port: int, rasa_url: str) -> int:
    try:
        check_files()
    except FilesMissing as exc:
        print(f"Cannot start the web page: {exc}", file=sys.stderr)
        return 2
    logging.basicConfig(level=logging.WARNING, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    create_app(rasa_url).run(settings.HOST, port, access_log=False, workers=1)
    return 0


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit("usage: python -m bot.launch.web PORT RASA_URL")
    sys.exit(main(int(sys.argv[1]), sys.argv[2]))
