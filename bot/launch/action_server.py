"""The action server: rasa_sdk's executor with one of each action from ``actions``, all reading the
knowledge base ``settings.KB_URL`` names. The KB is opened before serving, so a missing or corrupt
KB is a clear start-up error rather than a failure on the first question.

Only Rasa talks to it: every request but ``/health`` must carry ``settings.ACTION_SERVER_TOKEN``
(Rasa sends it, from endpoints.yml); there is no CORS; a malformed call gets a 400 and a failing
one a 500 that says nothing of the request or the error (both go to the log instead); bodies are
capped by Sanic (``SANIC_REQUEST_MAX_SIZE``, set by ``bot.launch.servers``: 413 beyond it).

    python -m bot.launch.action_server PORT
"""

from __future__ import annotations

import hmac
import json
import logging
import sys
import zlib

from rasa_sdk import utils
from rasa_sdk.executor import ActionExecutor
from rasa_sdk.interfaces import ActionExecutionRejection, ActionNotFoundException
from sanic import Sanic, response
from sanic.exceptions import SanicException
from sanic.request import Request
from sanic.response import HTTPResponse

from actions import actions_for
from bot import settings
from bot.unanswered import UnansweredLog
from kb.db import KnowledgeBaseMissing
from kb.query import KnowledgeBase

logger = logging.getLogger(__name__)


def create_app(kb: KnowledgeBase) -> Sanic:
    """The routes of rasa_sdk's own action server (``/health``, ``/webhook``, ``/actions``), with
    actions constructed around ``kb`` rather than imported and constructed by rasa_sdk."""
    executor = ActionExecutor()
    for action in actions_for(kb, UnansweredLog(settings.UNANSWERED_URL).record):
        executor.register_action(action)
    app = Sanic("career_bot_actions", configure_logging=False)

    @app.middleware("request")
    async def only_rasa(request: Request) -> HTTPResponse | None:
        if request.path == "/health":
            return None
        given = request.args.get("token") or ""
        if not hmac.compare_digest(given.encode(), settings.ACTION_SERVER_TOKEN.encode()):
            return response.json({"error": "This server answers Rasa only."}, status=401)
        return None

    @app.exception(Exception)
    async def failed(request: Request, exc: Exception) -> HTTPResponse:
        if isinstance(exc, SanicException):  # 404, 405, 413, ...: Sanic's own status and message
            return response.json({"error": str(exc)}, status=exc.status_code)
        logger.exception("Action call failed")
        return response.json({"error": "The action failed; the action server's log has the details."}, status=500)

    @app.get("/health")
    async def health(_: Request) -> HTTPResponse:
        return response.json({"status": "ok"})

    @app.get("/actions")
    async def actions(_: Request) -> HTTPResponse:
        return response.json([{"name": name} for name in executor.actions])

    @app.post("/webhook")
    async def webhook(request: Request) -> HTTPResponse:
        if request.headers.get("Content-Encoding") == "deflate":  # Rasa's COMPRESS_ACTION_SERVER_REQUEST
            call = json.loads(zlib.decompress(request.body))
        else:
            call = request.json
        if not isinstance(call, dict) or not isinstance(call.get("next_action"), str):
            return response.json({"error": "The body must be a JSON object with a next_action."}, status=400)
        if not isinstance(call.get("tracker"), dict):
            return response.json({"error": "The call must carry the conversation's tracker."}, status=400)
        utils.check_version_compatibility(call.get("version"))
        try:
            return response.json(await executor.run(call))
        except ActionExecutionRejection as exc:
            return response.json({"error": exc.message, "action_name": exc.action_name}, status=400)
        except ActionNotFoundException as exc:
            return response.json({"error": exc.message, "action_name": exc.action_name}, status=404)

    return app


def main(port: int) -> int:
    try:
        kb = KnowledgeBase(settings.KB_URL, settings.STALE_YEARS)
    except KnowledgeBaseMissing as exc:
        print(f"Cannot start the action server: {exc}", file=sys.stderr)
        return 2
    logging.basicConfig(level=logging.WARNING, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    create_app(kb).run(settings.HOST, port, access_log=False, workers=utils.number_of_sanic_workers())
    return 0


if __name__ == "__main__":
    sys.exit(main(int(sys.argv[1]) if len(sys.argv) > 1 else settings.ACTIONS_PORT))
