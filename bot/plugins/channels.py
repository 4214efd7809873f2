"""The bot's input channels: Rasa's own REST and socket.io channels (and Slack, in ``bot.plugins.slack``)
with one input policy and one promise shared by all of them:

- **Input policy** (``guarded``): a message must be text of at most ``settings.MAX_MESSAGE_CHARS``
  characters, not empty; anything else gets a polite reply and never reaches Rasa. Lone surrogates
  become U+FFFD, and a run of one repeated character is cut to ``MAX_RUN`` (no reader needs more,
  and such runs are what make tokenising slow). Client-supplied metadata is dropped: nothing a
  visitor sends besides the text is stored. Request bodies are capped by Sanic
  (``SANIC_REQUEST_MAX_SIZE``, set by ``bot.launch.servers``).
- **Always an answer**: a turn that produced no reply at all (say the action server is down) gets a
  short apology instead of silence; the user's message is still stored in the tracker.

The REST channel is the operators' channel: it checks requests before they reach Rasa (a clear 4xx
for a malformed one) and, when ``CAREERBOT_REST_TOKEN`` is set, answers only requests carrying it.
The socket.io channel (the website widget) hands out signed session ids and takes messages only
for the session its socket joined, so no browser can join or write into another's conversation.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import logging
import re
import secrets
from collections.abc import Awaitable, Callable
from typing import Any

from rasa.core.channels.channel import InputChannel, UserMessage
from rasa.core.channels.rest import RestInput
from rasa.core.channels.socketio import SocketIOInput, SocketIOOutput
from sanic import Blueprint, Sanic, response
from sanic.exceptions import InvalidUsage, PayloadTooLarge, Unauthorized
from sanic.request import Request
from sanic.response import HTTPResponse
from socketio import AsyncServer

from bot import settings

logger = logging.getLogger(__name__)

APOLOGY = "Sorry, I'm having trouble reaching my knowledge base, please try again in a moment."
NOT_TEXT = "Sorry, I can only read text messages."
EMPTY = "Please type a question, for example “what does a database architect earn?”"
TOO_LONG = "Sorry, that message is too long for me: please keep it under {limit} characters."
COMMAND_REPLIES = {  # Rasa's own commands, which run without saying anything
    "/restart": "OK, let's start over. What would you like to know?",
    "/session_start": "Hello again! What would you like to know?",
    "/back": "OK, I've set aside your last message.",
}
MAX_RUN = 10
MAX_SENDER_CHARS = 128
SENDER = re.compile(rf"[\w.:@+\-]{{1,{MAX_SENDER_CHARS}}}")
REPEATS = re.compile(rf"(.)\1{{{MAX_RUN},}}", re.S)
SURROGATES = re.compile("[\ud800-\udfff]")

Handler = Callable[[UserMessage], Awaitable[Any]]


class Refused(ValueError):
    """A message the input policy does not pass on; ``reply`` says why, politely."""

    def __init__(self, reply: str) -> None:
        super().__init__(reply)
        self.reply = reply


def checked_text(text: Any) -> str:
    """The message as Rasa gets it, or ``Refused``."""
    if not isinstance(text, str):
        raise Refused(NOT_TEXT)
    text = SURROGATES.sub("\ufffd", text).strip()
    if not text:
        raise Refused(EMPTY)
    if len(text) > settings.MAX_MESSAGE_CHARS:
        raise Refused(TOO_LONG.format(limit=settings.MAX_MESSAGE_CHARS))
    return REPEATS.sub(lambda m: m.group(1) * MAX_RUN, text)


def guarded(on_new_message: Handler, keep_metadata: bool = False) -> Handler:
    """Rasa's message handler behind the input policy, ending every turn with at least one reply.

    Replies are counted by shadowing ``send_response`` on this message's own output channel (made
    per message), so the channel keeps its name for channel-specific responses."""

    async def handler(message: UserMessage) -> None:
        output = message.output_channel
        send = output.send_response
        try:
            message.text = checked_text(message.text)
        except Refused as refusal:
            await send(message.sender_id, {"text": refusal.reply})
            return
        if not keep_metadata:
            message.metadata = None
        sent = 0

        async def counting_send(recipient_id: str, reply: dict[str, Any]) -> None:
            nonlocal sent
            sent += 1
            await send(recipient_id, reply)

        output.send_response = counting_send  # type: ignore[method-assign]
        try:
            await on_new_message(message)
        finally:
            if sent == 0:
                await send(message.sender_id, {"text": COMMAND_REPLIES.get(message.text.strip(), APOLOGY)})

    return handler


class AlwaysAnswering(InputChannel):
    keeps_metadata = False  # only metadata a connector makes itself (Slack's) is kept

    def blueprint(self, on_new_message: Handler) -> Blueprint:
        return super().blueprint(guarded(on_new_message, self.keeps_metadata))  # type: ignore[safe-super]


def checked_payload(request: Request) -> dict[str, Any]:
    """The REST request body as a dict with a usable sender and message, or a 4xx error."""
    if settings.REST_TOKEN:
        given = request.token or request.args.get("token") or ""
        if not hmac.compare_digest(given.encode(), settings.REST_TOKEN.encode()):
            raise Unauthorized("The REST channel needs the operators' token (Authorization: Bearer …).")
    try:
        payload = json.loads(request.body.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError) as exc:
        raise InvalidUsage('The body must be UTF-8 JSON: {"sender": "...", "message": "..."}') from exc
    if not isinstance(payload, dict):
        raise InvalidUsage('The body must be a JSON object: {"sender": "...", "message": "..."}')
    sender, message = payload.get("sender"), payload.get("message")
    if not isinstance(sender, str) or not SENDER.fullmatch(sender):
        raise InvalidUsage(
            f'"sender" must be 1 to {MAX_SENDER_CHARS} letters, digits or . : @ + - _ (no spaces or other signs)'
        )
    if not isinstance(message, str) or not message.strip():
        raise InvalidUsage('"message" must be a non-empty string')
    if len(message) > settings.MAX_MESSAGE_CHARS:
        raise PayloadTooLarge(f'"message" is too long: at most {settings.MAX_MESSAGE_CHARS} characters')
    return payload


class RestChannel(AlwaysAnswering, RestInput):
    """Rasa's REST channel (``/webhooks/rest/webhook``), with checked requests."""

    async def _extract_sender(self, request: Request) -> str | None:
        return checked_payload(request)["sender"]

    def get_metadata(self, request: Request) -> dict[str, Any] | None:
        return None


class Sessions:
    """Session ids for the widget: ``<random id>.<signature>``. Only this server (or a replica with the
    same secret) can make one, so a session id cannot be guessed or forged, only kept by the browser
    it was given to; each socket is bound to the one session it asked for."""

    def __init__(self, secret: bytes) -> None:
        self._secret = secret
        self._by_socket: dict[str, str] = {}

    def _signature(self, session: str) -> str:
        digest = hmac.new(self._secret, session.encode(), hashlib.sha256).digest()
        return base64.urlsafe_b64encode(digest[:18]).decode()

    def issue(self) -> str:
        session = secrets.token_urlsafe(18)
        return f"{session}.{self._signature(session)}"

    def valid(self, token: Any) -> bool:
        if not isinstance(token, str) or len(token) > MAX_SENDER_CHARS or token.count(".") != 1:
            return False
        session, signature = token.split(".")
        return hmac.compare_digest(signature, self._signature(session))

    def join(self, socket: str, asked: Any) -> str:
        """The session ``socket`` belongs to from now on: the one it asked for if that is genuine, else a new one."""
        token = asked if self.valid(asked) else self.issue()
        self._by_socket[socket] = token
        return token

    def of(self, socket: str) -> str | None:
        return self._by_socket.get(socket)

    def leave(self, socket: str) -> None:
        self._by_socket.pop(socket, None)


class SocketIOBlueprint(Blueprint):
    """Serves socket.io at ``path``, as Rasa's own blueprint does, through a route marked as a
    websocket handler: engine.io answers a websocket itself and returns nothing, which Sanic would
    otherwise log as an error ("Invalid response type None") on every disconnect."""

    def __init__(self, sio: AsyncServer, path: str) -> None:
        super().__init__("socketio_webhook", __name__)
        self.ctx.sio, self.ctx.path = sio, "/" + path.strip("/") + "/"

    def register(self, app: Sanic, options: dict[str, Any]) -> None:
        async def engineio(request: Request) -> HTTPResponse | None:
            return await self.ctx.sio.handle_request(request)

        engineio.is_websocket = True  # type: ignore[attr-defined]
        app.add_route(engineio, self.ctx.path, methods=["GET", "POST", "OPTIONS"], name="socketio_engineio")
        app.enable_websocket()
        super().register(app, options)


class SocketIOChannel(AlwaysAnswering, SocketIOInput):
    """Rasa's socket.io channel for the website widget, with signed sessions and the configured
    origins only (``CAREERBOT_WEB_ORIGINS``)."""

    def blueprint(self, on_new_message: Handler) -> Blueprint:
        handle = guarded(on_new_message)
        # Rasa's CORS (--cors, the same origins) answers the browser's checks for every route; socket.io
        # adding its own headers would double them, so it only refuses other origins (``connect``).
        sio = AsyncServer(async_mode="sanic", cors_allowed_origins=[])
        sessions = Sessions(settings.session_secret())
        self.sio = sio  # Rasa's get_output_channel() uses it
        blueprint = SocketIOBlueprint(sio, self.socketio_path or "/socket.io")

        @blueprint.route("/", methods=["GET"])
        async def health(_: Request) -> HTTPResponse:
            return response.json({"status": "ok"})

        @sio.on("connect", namespace=self.namespace)
        async def connect(socket: str, environ: dict[str, Any], auth: Any = None) -> bool:
            origin = environ.get("HTTP_ORIGIN")
            return origin is None or origin in settings.WEB_ORIGINS  # no Origin: not a browser, CORS is moot

        @sio.on("session_request", namespace=self.namespace)
        async def session_request(socket: str, data: Any) -> None:
            asked = data.get("session_id") if isinstance(data, dict) else None
            session = sessions.join(socket, asked)
            sio.enter_room(socket, session, namespace=self.namespace)
            await sio.emit("session_confirm", session, room=socket, namespace=self.namespace)

        @sio.on("disconnect", namespace=self.namespace)
        async def disconnect(socket: str) -> None:
            sessions.leave(socket)

        @sio.on(self.user_message_evt, namespace=self.namespace)
        async def user_message(socket: str, data: Any) -> None:
            session = sessions.of(socket)
            output = SocketIOOutput(sio, self.bot_message_evt)
            if session is None:  # a message before session_request: answer the socket alone
                await output.send_text_message(socket, "Sorry, I lost track of our conversation: please reload.")
                return
            text = data.get("message") if isinstance(data, dict) else data
            if not isinstance(text, str):  # Rasa's UserMessage takes text only
                await output.send_text_message(session, NOT_TEXT)
                return
            await handle(UserMessage(text, output, session, input_channel=self.name()))

        return blueprint
