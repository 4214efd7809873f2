"""The bot's input channels: Rasa's own REST and socket.io channels (and Slack, in ``bot.plugins.slack``)
with two additions every channel shares:

- a turn that produced no reply at all (say the action server is down) gets a short apology
  instead of silence; the user's message is still stored in the tracker;
- the REST channel checks requests before they reach Rasa, so malformed ones get a clear 4xx.
"""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable
from typing import Any

from rasa.core.channels.channel import InputChannel, UserMessage
from rasa.core.channels.rest import RestInput
from rasa.core.channels.socketio import SocketIOInput
from sanic import Blueprint
from sanic.exceptions import InvalidUsage, PayloadTooLarge
from sanic.request import Request

APOLOGY = "Sorry, I'm having trouble reaching my knowledge base, please try again in a moment."
MAX_MESSAGE_CHARS = 2000
MAX_SENDER_CHARS = 128

Handler = Callable[[UserMessage], Awaitable[Any]]


def always_answering(on_new_message: Handler) -> Handler:
    """Wrap Rasa's message handler so that a turn without any bot message ends with ``APOLOGY``.

    The count is kept by shadowing ``send_response`` on this message's own output channel
    (created per message), so the channel keeps its name for channel-specific responses."""

    async def handler(message: UserMessage) -> None:
        output = message.output_channel
        send = output.send_response
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
                await send(message.sender_id, {"text": APOLOGY})

    return handler


class AlwaysAnswering(InputChannel):
    def blueprint(self, on_new_message: Handler) -> Blueprint:
        return super().blueprint(always_answering(on_new_message))  # type: ignore[safe-super]


def checked_payload(request: Request) -> dict[str, Any]:
    """The REST request body as a dict with a usable sender and message, or a 4xx error."""
    try:
        payload = json.loads(request.body.decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as exc:
        raise InvalidUsage('The body must be UTF-8 JSON: {"sender": "...", "message": "..."}') from exc
    if not isinstance(payload, dict):
        raise InvalidUsage('The body must be a JSON object: {"sender": "...", "message": "..."}')
    sender, message = payload.get("sender"), payload.get("message")
    if not isinstance(sender, str) or not sender.strip() or len(sender) > MAX_SENDER_CHARS:
        raise InvalidUsage(f'"sender" must be a non-empty string of at most {MAX_SENDER_CHARS} characters')
    if not isinstance(message, str) or not message.strip():
        raise InvalidUsage('"message" must be a non-empty string')
    if len(message) > MAX_MESSAGE_CHARS:
        raise PayloadTooLarge(f'"message" is too long: at most {MAX_MESSAGE_CHARS} characters')
    return payload


class RestChannel(AlwaysAnswering, RestInput):
    """Rasa's REST channel (``/webhooks/rest/webhook``), with checked requests."""

    async def _extract_sender(self, request: Request) -> str | None:
        return checked_payload(request)["sender"]


class SocketIOChannel(AlwaysAnswering, SocketIOInput):
    """Rasa's socket.io channel, used by the website widget."""
